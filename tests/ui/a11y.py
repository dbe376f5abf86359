"""What a screen reader is told about each control: the accessibility walk shared by the screen tests.

The walk asks Qt's accessibility layer (``QAccessible``), not the widget's own properties, so it sees what
assistive technology sees: a button's name may come from its text and a description from its tooltip.
"""

from __future__ import annotations

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QAbstractSlider, QAbstractSpinBox, QComboBox,
                               QLineEdit, QPlainTextEdit, QTabBar, QTextEdit, QWidget)

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


def gaps(root: QWidget, *, descriptions: bool = True) -> list[str]:
    """Every shown control under ``root`` that a screen reader cannot name (or describe)."""
    out = []
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
