"""What a screen reader is told about each control: the accessibility walk shared by the screen tests.

The walk asks Qt's accessibility layer (``QAccessible``), not the widget's own properties, so it sees what
assistive technology sees: a button's name may come from its text and a description from its tooltip.

It also holds WCAG 2.5.3 "label in name": a voice-control user says what they see ("click Hand to the
child"), so every control's accessible name contains its visible label (a button's or box's own text, a
tab's, a group's title, the text of a label whose buddy it is, a status label's words), compared as words:
mnemonic ampersands, ellipses, marks and arrows (✓ ← ▶), punctuation and case are ignored.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QTextDocumentFragment
from PySide6.QtGui import Qt as GuiQt  # mightBeRichText lives in QtGui
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QAbstractSlider, QAbstractSpinBox, QComboBox,
                               QGroupBox, QLabel, QLineEdit, QPlainTextEdit, QTabBar, QTextEdit, QToolButton,
                               QWidget)

INTERACTIVE = (QAbstractButton, QAbstractItemView, QAbstractSlider, QAbstractSpinBox, QComboBox, QLineEdit,
               QPlainTextEdit, QTextEdit, QTabBar)
# parts of a control that is itself named and described (a combo's line edit, a view's scroll buttons)
PARTS_OF = (QAbstractItemView, QComboBox, QAbstractSpinBox, QTabBar)
QT_INTERNALS = ("QTableCornerButton", "QToolBarExtension", "QScrollBar")


def controls(root: QWidget) -> list[QWidget]:
    """The interactive controls a user can reach under ``root`` as it is now shown."""
    found = [root] if isinstance(root, INTERACTIVE) else []
    found += root.findChildren(QWidget)
    return [w for w in found
            if isinstance(w, INTERACTIVE) and (w is root or w.isVisibleTo(root))
            and not isinstance(w.parent(), PARTS_OF) and type(w).__name__ not in QT_INTERNALS]


def spoken(widget: QWidget) -> tuple[str, str]:
    """(name, description) as the accessibility layer reports them."""
    face = QAccessible.queryAccessibleInterface(widget)
    if face is None:
        return "", ""
    return (face.text(QAccessible.Text.Name).strip(), face.text(QAccessible.Text.Description).strip())


def tab_gaps(bar: QTabBar) -> list[str]:
    """Tabs a screen reader cannot name or describe. Qt reports no description for a tab bar as a
    whole, only for each of its tabs (from the tab's tooltip), so each tab is asked in turn."""
    face = QAccessible.queryAccessibleInterface(bar)
    out = []
    for i in range(face.childCount()):
        tab = face.child(i)
        if tab.role() != QAccessible.Role.PageTab or tab.state().invisible:
            continue
        name, description = tab.text(QAccessible.Text.Name), tab.text(QAccessible.Text.Description)
        if not name.strip() or not description.strip():
            out.append(f"tab {name!r} has no {'description' if name.strip() else 'name'}")
    return out


def words(text: str) -> str:
    """A label as it is said: mnemonics, marks, punctuation and case left out ("Co&mpare and analyse…"
    is "compare and analyse"; "← Previous stage" is "previous stage")."""
    text = re.sub(r"&(.)", r"\1", text)  # "&&" is a shown "&"; any other "&" marks the mnemonic
    return " ".join(re.sub(r"[^\w]+|_", " ", text.casefold()).split())


def contains_label(name: str, label: str) -> bool:
    """True if ``name`` says ``label``'s words, in order, as whole words."""
    said = words(label)
    return not said or f" {said} " in f" {words(name)} "


def _shown(label: QLabel) -> str:
    text = label.text()
    if label.textFormat() == Qt.TextFormat.RichText or (
            label.textFormat() == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text)):
        text = QTextDocumentFragment.fromHtml(text).toPlainText()
    return text


def _tab_names(bar: QTabBar) -> list[tuple[str, str]]:
    face = QAccessible.queryAccessibleInterface(bar)
    shown = {bar.tabText(i) for i in range(bar.count()) if bar.isTabVisible(i)}
    out = []
    for i in range(face.childCount()):
        tab = face.child(i)
        if tab.role() == QAccessible.Role.PageTab and not tab.state().invisible:
            out.append((tab.text(QAccessible.Text.Name), bar.tabText(i) if i < bar.count() else ""))
    return [(name, text) for name, text in out if text in shown]


def visible_labels(root: QWidget) -> list[tuple[QWidget, str, str]]:
    """(widget, its visible label, where the label comes from) for every shown labelled control under
    ``root``: buttons and boxes by their text, group boxes by their title, buddies by their label, and
    labels given an accessible name (status labels) by what they show. Icon-only buttons show no words."""
    found = [root] if isinstance(root, (QAbstractButton, QGroupBox, QLabel)) else []
    found += root.findChildren(QWidget)
    out = []
    for w in found:
        if w is not root and not w.isVisibleTo(root):
            continue
        if type(w).__name__ in QT_INTERNALS:
            continue
        if isinstance(w, QAbstractButton):
            icon_only = isinstance(w, QToolButton) and (
                w.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly and not w.icon().isNull()
                or type(w).__name__ == "QLineEditIconButton")
            if w.text().strip() and not icon_only:
                out.append((w, w.text(), "its text"))
        elif isinstance(w, QGroupBox) and w.title().strip():
            out.append((w, w.title(), "its title"))
        elif isinstance(w, QLabel):
            buddy = w.buddy()
            if buddy is not None and _shown(w).strip() and (buddy is root or buddy.isVisibleTo(root)):
                out.append((buddy, _shown(w), f"the label {_shown(w)!r} beside it"))
            # A label given a name of its own is a status ("All changes saved"): named by what it shows.
            # A body of text the reader can select is read through its text; its name is its caption.
            selectable = w.textInteractionFlags() & (Qt.TextInteractionFlag.TextSelectableByMouse
                                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
            if w.accessibleName() and _shown(w).strip() and not selectable:
                out.append((w, _shown(w), "what it shows"))
    return out


def label_gaps(root: QWidget) -> list[str]:
    """Every shown control under ``root`` whose accessible name does not contain its visible label."""
    out = []
    for widget, label, where in visible_labels(root):
        # On Linux Qt gives a drop-down's current choice as its name, and its label by relation; on
        # Windows and macOS (where voice control reads it) the name is the accessible name set.
        name = widget.accessibleName() if isinstance(widget, QComboBox) else spoken(widget)[0]
        if not contains_label(name, label):
            out.append(f"{type(widget).__name__} {widget.objectName() or name!r}: named {name!r}, "
                       f"not containing {where} {label!r}")
    for bar in (w for w in [root, *root.findChildren(QTabBar)] if isinstance(w, QTabBar) and
                (w is root or w.isVisibleTo(root))):
        for name, text in _tab_names(bar):
            if not contains_label(name, text):
                out.append(f"tab {text!r}: named {name!r}")
    return out


def gaps(root: QWidget, *, descriptions: bool = True, labels: bool = True) -> list[str]:
    """Every shown control under ``root`` that a screen reader cannot name (or describe), or whose
    name does not contain the label it shows (``labels``)."""
    out = label_gaps(root) if labels else []
    for widget in controls(root):
        name, description = spoken(widget)
        label = f"{type(widget).__name__} {widget.objectName() or name!r}"
        if isinstance(widget, QTabBar):  # named and described tab by tab
            out += [f"{label}: {gap}" for gap in tab_gaps(widget)
                    if descriptions or "no name" in gap]
        elif not name:
            out.append(f"{label}: no accessible name")
        elif descriptions and not description:
            out.append(f"{label}: no accessible description")
    return out
