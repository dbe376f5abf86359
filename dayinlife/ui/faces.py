"""The five feelings faces: a row of picture buttons to choose how something feels.

`FeelingsFaces(options)` takes (value, label) pairs in scale order, e.g. from
`MeasureChoice.options()` for the `feeling` scale (child labels for a child, adult labels
otherwise). Each face is a checkable tool button with its picture from
`resources/faces/<value>.svg` and its label always written underneath, so the meaning is never
carried by the picture (or its colour) alone.

Behaviour:
- At most one face is chosen; clicking the chosen face again clears it (no choice is an answer
  too: "not asked" or "did not say").
- Keyboard: the faces are one stop in the Tab order (landing on the chosen face, else the last
  one focused, else the first); Left/Right (and Home/End) move between faces, Space or Enter
  chooses (or clears) the focused face.
- `changed(object)` is emitted with the value, or None, only when the user changes the choice;
  `set_value()` and `clear()` do not emit it.
- `multiple=True` (the other feelings a child adds beside the face: scared, cross, hurting,
  worried): any number may be chosen, each click turns one on or off, `value()` is the list chosen
  (in the scale's order) and `changed` is emitted with that list.
- A chosen face has a thick frame, a tinted background, a bold label with a tick, and is a checked
  button for screen readers. Focus is drawn as a dashed ring outside the frame.
- Narrow spaces: the faces sit in one row when it fits, otherwise in even rows (3 + 2, then 2 + 2 +
  1...), so nothing is ever cut off, in any theme or text size. The widget reports its height for a
  given width (height-for-width), so the layouts around it make room. The normal faces line up on the
  left, the large ones (child mode) are centred.
"""

from __future__ import annotations

import textwrap
from math import ceil

from PySide6.QtCore import QEvent, QObject, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QFont, QIcon, QKeyEvent, QPainter, QPen
from PySide6.QtWidgets import QApplication, QSizePolicy, QToolButton, QWidget

from dayinlife.paths import face_picture

ICON_PX = {"normal": 40, "large": 120}
SPACING = {"normal": 4, "large": 12}
LABEL_SCALE = {"normal": 1.0, "large": 1.6}
DEFAULT_GROUP_NAME = "How it feels"
TICK = "\u2713 "

_STYLE = """
QToolButton[face="true"] {
    border: 3px solid transparent;
    border-radius: 10px;
    margin: 5px;
    padding: 4px 6px;
    background: transparent;
}
QToolButton[face="true"]:hover {
    border: 3px solid palette(mid);
}
QToolButton[face="true"]:checked {
    border: 5px solid palette(highlight);
    background: rgba(64, 128, 220, 40);
}
"""


face_icon_path = face_picture  # the picture file for one value of a feelings scale


class _FaceButton(QToolButton):
    """One face: draws a dashed focus ring in its margin, outside the selection frame."""

    def __init__(self, value: str, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.value = value
        self.label = label
        self.shown = label  # the words as written on the button (a long name over two lines)

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().paintEvent(event)
        if not self.hasFocus():
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(self.palette().text().color(), 2, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(1.5, 1.5, -1.5, -1.5), 12, 12)
        painter.end()


class FeelingsFaces(QWidget):
    """A row of faces to choose one feeling, or none."""

    changed = Signal(object)  # the chosen value, or None when the user clears it

    def __init__(self, options: list[tuple[str, str]], parent: QWidget | None = None, *,
                 size: str = "normal", multiple: bool = False, pictures: dict | None = None,
                 name: str = "Feeling") -> None:
        """`pictures`: the picture file for each value (the faces' own by default), for a row of
        picture choices that are not feelings (child mode's "how often", "who"...); `name` starts
        each button's accessible name ("Feeling: Happy", "Who gets you up: Me, on my own")."""
        super().__init__(parent)
        if size not in ICON_PX:
            raise ValueError(f"size must be one of {', '.join(ICON_PX)}, not {size!r}")
        if not options:
            raise ValueError("FeelingsFaces needs at least one option")
        self.size_name = size
        self.pictures = dict(pictures) if pictures is not None else None
        self.setAccessibleName(DEFAULT_GROUP_NAME)
        self.setStyleSheet(_STYLE if size == "large" else _STYLE.replace("margin: 5px;", "margin: 1px;")
                           .replace("padding: 4px 6px;", "padding: 2px 2px;"))
        self.multiple = multiple
        self._value: str | None = None
        self._values: list[str] = []  # when multiple
        self.buttons: list[_FaceButton] = []

        self.spacing = SPACING[size]
        self.even = size == "large"  # all as wide as the widest, for an even row, while that fits
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)  # more rows when narrower
        self.setSizePolicy(policy)

        icon_px = ICON_PX[size]
        self.icon_px, self.label_scale = icon_px, LABEL_SCALE[size]  # as drawn now (see set_icon_px)
        font = QFont(self.font())
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * LABEL_SCALE[size])
        for value, label in options:
            button = _FaceButton(value, label, self)
            button.setProperty("face", True)
            button.setCheckable(True)
            button.setAutoRaise(False)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
            button.setIcon(QIcon(str(pictures[value] if pictures is not None else face_icon_path(value))))
            button.setIconSize(QSize(icon_px, icon_px))
            button.setFont(font)
            # a long name (two people sharing it) on two or three lines, so a row holds several
            shown = textwrap.fill(label, 22, break_long_words=False) if pictures is not None else label
            button.shown = shown
            button.setText(shown.replace("&", "&&"))
            button.setToolTip(label)
            button.setAccessibleName(f"{name}: {label}")
            button.setAccessibleDescription(
                "Space or Enter turns this feeling on or off; more than one may be chosen." if multiple
                else "Space or Enter chooses this face; choosing it again clears it." if pictures is None
                else "Space or Enter chooses this picture; choosing it again clears it. Arrow keys move between them.")
            button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
            button.clicked.connect(lambda checked, b=button: self._on_clicked(b, checked))
            button.installEventFilter(self)
            self.buttons.append(button)
        self._even_widths()
        self._set_tab_stop(self.buttons[0])

    # ------------------------------------------------------------------ public API

    def options(self) -> list[tuple[str, str]]:
        return [(b.value, b.label) for b in self.buttons]

    def value(self):
        """The chosen value or None; with `multiple`, the list of chosen values (maybe empty)."""
        return list(self._values) if self.multiple else self._value

    def set_value(self, value) -> None:
        """Choose a face from code (or none with None; with `multiple`, a list). Does not emit
        `changed`."""
        chosen = list(value or []) if self.multiple else ([] if value is None else [value])
        known = [b.value for b in self.buttons]
        for v in chosen:
            if v not in known:
                raise ValueError(f"{v!r} is not one of the faces ({', '.join(known)})")
        if self.multiple:
            self._apply_many([v for v in known if v in chosen])
        else:
            self._apply(value)
        if not any(b.hasFocus() for b in self.buttons):
            self._set_tab_stop(self._button_for(chosen[0] if chosen else None) or self.buttons[0])

    def clear(self) -> None:
        """Choose no face. Does not emit `changed`."""
        self.set_value(None)

    def button(self, value: str) -> QToolButton:
        b = self._button_for(value)
        if b is None:
            raise KeyError(value)
        return b

    # ------------------------------------------------------------------ internals

    def _button_for(self, value: str | None) -> _FaceButton | None:
        return next((b for b in self.buttons if b.value == value), None)

    def _apply(self, value: str | None) -> None:
        self._value = value
        for b in self.buttons:
            chosen = b.value == value
            b.setChecked(chosen)
            f = b.font()
            f.setBold(chosen)
            b.setFont(f)
            b.setText((TICK if chosen else "") + b.shown.replace("&", "&&"))

    def _apply_many(self, values: list[str]) -> None:
        self._values = values
        for b in self.buttons:
            chosen = b.value in values
            b.setChecked(chosen)
            f = b.font()
            f.setBold(chosen)
            b.setFont(f)
            b.setText((TICK if chosen else "") + b.shown.replace("&", "&&"))

    def _on_clicked(self, button: _FaceButton, checked: bool) -> None:
        self._set_tab_stop(button)
        if self.multiple:
            now = set(self._values) ^ {button.value}
            self._apply_many([b.value for b in self.buttons if b.value in now])
            self.changed.emit(list(self._values))
            return
        new = button.value if checked else None
        self._apply(new)
        self.changed.emit(new)

    def set_icon_px(self, px: int, label_scale: float | None = None) -> None:
        """Resize the pictures, and optionally the labels (child mode fits them to its width)."""
        self.icon_px = px
        if label_scale is not None:
            self.label_scale = label_scale
        for b in self.buttons:
            b.setIconSize(QSize(px, px))
            if label_scale is not None:
                font = QFont(self.font())
                if font.pointSizeF() > 0:
                    font.setPointSizeF(font.pointSizeF() * label_scale)
                font.setBold(b.isChecked())
                b.setFont(font)
            b.setMinimumWidth(0)
        self._even_widths()

    def fit_width(self, available: int) -> None:
        """As big as fits in one row of `available` pixels: the faces first give up being all the same
        width, then the labels get smaller, then the pictures (the picture matters most to a child);
        if even that is too wide, the faces go onto more rows."""
        scale = LABEL_SCALE[self.size_name]
        px = ICON_PX[self.size_name]
        self.even = self.size_name == "large"
        self.set_icon_px(px, scale)
        if self.even and self.sizeHint().width() > available:
            self.even = False
            self.set_icon_px(px, scale)
        while self.sizeHint().width() > available and scale > 1.0:
            scale = max(1.0, scale - 0.1)
            self.set_icon_px(px, scale)
        while self.sizeHint().width() > available and px > 48:
            px -= 8
            self.set_icon_px(px)

    def follow(self, main: "FeelingsFaces", share: float = 0.75) -> None:
        """Drawn a little smaller than `main` (the faces this row sits under), with the same size of
        label, so the row reads as second to them: the other feelings under the five faces."""
        self.even = False
        self.set_icon_px(max(32, int(main.icon_px * share)), main.label_scale)

    # ------------------------------------------------------------------ rows that fit the width

    def _widths(self) -> list[int]:
        return [max(b.minimumWidth(), b.sizeHint().width()) for b in self.buttons]

    def _cell_height(self) -> int:
        return max(b.sizeHint().height() for b in self.buttons)

    def rows_for(self, width: int) -> list[list[int]]:
        """The faces (by index) in each row at this width: one row if it fits, else the fewest even
        rows that fit (the first rows take the extra face), down to one face a row."""
        widths, n = self._widths(), len(self.buttons)
        for count in range(1, n + 1):
            per = ceil(n / count)
            rows = [list(range(i, min(i + per, n))) for i in range(0, n, per)]
            if all(sum(widths[i] for i in row) + self.spacing * (len(row) - 1) <= width for row in rows):
                return rows
        return [[i] for i in range(n)]

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt name)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt name)
        rows = len(self.rows_for(width))
        return rows * self._cell_height() + (rows - 1) * self.spacing

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        """All five in one row."""
        widths = self._widths()
        return QSize(sum(widths) + self.spacing * (len(widths) - 1), self._cell_height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        """One face a row: never wider than the widest face."""
        return QSize(max(self._widths()), self._cell_height())

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        self._place()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().showEvent(event)
        self._place()

    def _place(self) -> None:
        widths, height = self._widths(), self._cell_height()
        rows = self.rows_for(self.width())
        for r, row in enumerate(rows):
            used = sum(widths[i] for i in row) + self.spacing * (len(row) - 1)
            x = max(0, (self.width() - used) // 2) if self.size_name == "large" else 0
            y = r * (height + self.spacing)
            for i in row:
                self.buttons[i].setGeometry(QRect(x, y, widths[i], height))
                x += widths[i] + self.spacing
        if self.height() < self.heightForWidth(self.width()):
            self.updateGeometry()  # more rows than the layout gave room for: ask again

    def _even_widths(self) -> None:
        """Each face keeps the width it needs when chosen (bold, with a tick), so choosing one does
        not make the row jump. The large faces are all as wide as the widest, for an even row; the
        normal ones each keep their own width, so the row fits beside a form at 150% text."""
        needed = []
        for b in self.buttons:
            old_text, old_font = b.text(), b.font()
            f = QFont(old_font)
            f.setBold(True)
            b.setFont(f)
            b.setText(TICK + b.shown.replace("&", "&&"))
            needed.append(b.sizeHint().width())
            b.setFont(old_font)
            b.setText(old_text)
        for b, width in zip(self.buttons, needed):
            b.setMinimumWidth(max(needed) if self.even else width)
        self.updateGeometry()
        self._place()

    def _set_tab_stop(self, button: _FaceButton) -> None:
        """Only one face is in the Tab order (the chosen one, or the last focused)."""
        for b in self.buttons:
            b.setFocusPolicy(Qt.FocusPolicy.StrongFocus if b is button else Qt.FocusPolicy.ClickFocus)
        self.setFocusProxy(button)

    def _move_focus(self, button: _FaceButton, step: int | None = None, to: int | None = None) -> None:
        i = self.buttons.index(button)
        j = to if to is not None else max(0, min(len(self.buttons) - 1, i + (step or 0)))
        target = self.buttons[j]
        self._set_tab_stop(target)
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if isinstance(obj, _FaceButton) and obj in self.buttons:
            if event.type() == QEvent.Type.FocusIn:
                self._set_tab_stop(obj)
            elif event.type() == QEvent.Type.FocusOut:
                # Leaving the group: coming back by Tab lands on the chosen face, if any.
                chosen = self._button_for(self._values[0] if self.multiple and self._values else self._value)
                if chosen is not None and QApplication.focusWidget() not in self.buttons:
                    self._set_tab_stop(chosen)
            elif event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
                key = event.key()
                if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
                    return super().eventFilter(obj, event)
                rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
                if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
                    forward = (key == Qt.Key.Key_Right) != rtl
                    self._move_focus(obj, step=1 if forward else -1)
                    return True
                if key == Qt.Key.Key_Home:
                    self._move_focus(obj, to=0)
                    return True
                if key == Qt.Key.Key_End:
                    self._move_focus(obj, to=len(self.buttons) - 1)
                    return True
                if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                    obj.click()
                    return True
        return super().eventFilter(obj, event)
