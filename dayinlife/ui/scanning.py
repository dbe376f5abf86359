"""Switch access for child mode: step scanning with two keys, one that moves and one that chooses.

A child who uses a switch (or two) cannot point or press arrow keys. Switch interfaces send a
key for each switch, most often Space and Enter, so with scanning on:

- Space moves a bright frame (and the keyboard focus, so a screen reader follows) to the next thing
  on the page that can be chosen: each picture or choice in turn, then Next, Back, "Something
  worries me" and "Read it to me", then round to the first again;
- Enter chooses what is framed, as a tap would. After a single choice the frame goes on to the next
  question's first choice (or to Next), so the child does not have to step through the rest.

A key held down counts once (a switch is often held longer than a key is): a repeat the keyboard
marks as one is ignored, so is a press while the key has not been let go, and so is a press that
comes within REPEAT_GUARD_MS of its release (a held key sent as let go and pressed again at once). Text boxes are never
framed: what a child says out loud the grown-up types, and while the grown-up is typing in one,
Space and Enter type as usual.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, QRect, QTimer, Qt
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPen
from PySide6.QtWidgets import (QAbstractButton, QApplication, QLineEdit, QPlainTextEdit, QScrollArea, QTextEdit,
                               QWidget)

REPEAT_GUARD_MS = 40  # a press this soon after the same key was let go is the keyboard repeating a held key
MOVE_KEYS = (Qt.Key.Key_Space,)
CHOOSE_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
HOW = "Space moves, Enter chooses"  # the two keys, as the practitioner is told them


def _scroll_of(widget: QWidget) -> QScrollArea | None:
    """The scroll area the widget sits in, if any."""
    w = widget.parentWidget()
    while w is not None:
        if isinstance(w, QScrollArea):
            return w
        w = w.parentWidget()
    return None


class _Frame(QWidget):
    """The scanning frame: a thick yellow ring with a black edge, seen on light, dark and
    high-contrast themes alike, drawn over the window and never in the way of the mouse."""

    WIDTH = 7

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hide()

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = self.rect().adjusted(2, 2, -2, -2)
        painter.setPen(QPen(QColor("black"), self.WIDTH + 4))
        painter.drawRoundedRect(r.adjusted(3, 3, -3, -3), 12, 12)
        painter.setPen(QPen(QColor("#ffd400"), self.WIDTH))
        painter.drawRoundedRect(r.adjusted(3, 3, -3, -3), 12, 12)
        painter.end()


class SwitchScanner(QObject):
    """Step scanning over `items()` (the page's choosable buttons, in order) in `window`.

    `after_choice(button)` returns what to frame next after `button` was chosen (or None: stay)."""

    def __init__(self, window: QWidget, items: Callable[[], list[QAbstractButton]],
                 after_choice: Callable[[QAbstractButton], QAbstractButton | None] | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.items = items
        self.after_choice = after_choice
        self.current: QAbstractButton | None = None
        self.frame = _Frame(window)
        self._down: set[int] = set()  # keys pressed and not yet let go
        self._released: dict[int, QElapsedTimer] = {}  # key -> since it was let go
        QApplication.instance().installEventFilter(self)
        window.destroyed.connect(self._stop)

    def _stop(self, *_args) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    # ------------------------------------------------------------------ moving and choosing

    def start(self) -> None:
        """Frame the first thing on the page (a new page, or the page changed)."""
        items = self.items()
        self._frame(items[0] if items else None)

    def move(self) -> None:
        items = self.items()
        if not items:
            self._frame(None)
            return
        i = items.index(self.current) if self.current in items else -1
        self._frame(items[(i + 1) % len(items)])

    def choose(self) -> None:
        button = self.current
        if button is None or button not in self.items():
            self.start()
            return
        button.click()
        if self.current is not button:
            return  # the click turned the page or opened a panel, which framed its own first choice
        items = self.items()
        if button not in items:
            self.start()
            return
        following = self.after_choice(button) if self.after_choice else None
        self._frame(following if following in items else button)

    def _frame(self, button: QAbstractButton | None) -> None:
        self.current = button
        if button is None:
            self.frame.hide()
            return
        button.setFocus(Qt.FocusReason.OtherFocusReason)
        scroll = _scroll_of(button)
        if scroll is not None:
            scroll.ensureWidgetVisible(button, 16, 16)
        self.place()
        QTimer.singleShot(0, self.place)  # once the scroll and the layout have settled
        QTimer.singleShot(80, self.place)  # and once a page that changed has been laid out again

    def place(self) -> None:
        """Put the frame round the framed button, wherever it is now on screen."""
        b = self.current
        try:
            shown = b is not None and b.isVisible()
        except RuntimeError:  # made again since (the choices re-flowed): nothing to frame
            shown, self.current = False, None
        if not shown:
            self.frame.hide()
            return
        top_left = b.mapTo(self.window, b.rect().topLeft())
        pad = _Frame.WIDTH + 4
        rect = QRect(top_left, b.size()).adjusted(-pad, -pad, pad, pad)
        scroll = _scroll_of(b)
        if scroll is not None:
            port = scroll.viewport()
            rect = rect.intersected(QRect(port.mapTo(self.window, port.rect().topLeft()), port.size())
                                    .adjusted(-pad, -pad, pad, pad))
        self.frame.setGeometry(rect)
        self.frame.show()
        self.frame.raise_()

    # ------------------------------------------------------------------ the two keys

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        kind = event.type()
        if kind == QEvent.Type.WindowDeactivate and obj is self.window:
            self._down.clear()  # a key let go over another window (a dialog) is let go all the same
            return False
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride):
            return False
        if not isinstance(obj, QWidget) or obj.window() is not self.window or not isinstance(event, QKeyEvent):
            return False
        key = event.key()
        if key not in MOVE_KEYS + CHOOSE_KEYS or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        if isinstance(QApplication.focusWidget(), (QPlainTextEdit, QTextEdit, QLineEdit)):
            return False  # the grown-up is typing
        if kind == QEvent.Type.ShortcutOverride:
            return False
        if kind == QEvent.Type.KeyRelease:  # wherever it lands (the press may have moved the focus)
            if not event.isAutoRepeat():
                self._down.discard(key)
                self._released.setdefault(key, QElapsedTimer()).start()
            return True
        if obj is not QApplication.focusWidget() and QApplication.focusWidget() is not None:
            return True  # the same key, passed up to a parent: already dealt with
        if kind == QEvent.Type.KeyPress:
            if not event.isAutoRepeat() and not self._held(key):
                if key in MOVE_KEYS:
                    self.move()
                else:
                    self.choose()
            self._down.add(key)
        return True  # a button never sees Space or Enter itself (it would click on release)

    def _held(self, key: int) -> bool:
        """The key is still down, or was let go only just now: the same press, repeated."""
        if key in self._down:
            return True
        since = self._released.get(key)
        return since is not None and since.isValid() and since.elapsed() < REPEAT_GUARD_MS
