"""The mouse wheel scrolls pages; it never changes an answer.

Qt gives the wheel to whatever is under the pointer, so scrolling a long stage of the interview
with the wheel set each drop-down it passed over, saved it, and counted the topic as answered.
One event filter on the whole application (installed once, from every screen that has choices)
takes wheel events away from drop-downs and number boxes and gives them to the page they sit
in, so the page goes on scrolling under the pointer. Choices change only when the person
clicks them or uses the keyboard on them. Inside an open drop-down list the wheel still scrolls
the list.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QApplication, QComboBox, QWidget

CHOICES = (QComboBox, QAbstractSpinBox)


class WheelGuard(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if event.type() != QEvent.Type.Wheel or not isinstance(watched, QWidget):
            return False
        choice = _choice_at(watched)
        if choice is None:
            return False
        page = _scrolling_page(choice)
        if page is not None:
            bar = page.verticalScrollBar()
            if event.angleDelta().x() and not event.angleDelta().y():
                bar = page.horizontalScrollBar()
            QCoreApplication.sendEvent(bar, event)  # the page scrolls as if the pointer were beside the choice
        event.accept()
        return True


def _choice_at(widget: QWidget) -> QWidget | None:
    """The drop-down or number box `widget` is part of (a spin box's text is a child of it), within
    one window: an open drop-down's list is a window of its own, and keeps its wheel."""
    w = widget
    while w is not None:
        if isinstance(w, CHOICES):
            return w
        if w.isWindow():
            return None
        w = w.parentWidget()
    return None


def _scrolling_page(widget: QWidget) -> QAbstractScrollArea | None:
    w = widget.parentWidget()
    while w is not None and not w.isWindow():
        if isinstance(w, QAbstractScrollArea) and w.verticalScrollBar() is not None:
            return w
        w = w.parentWidget()
    return None


_GUARD: WheelGuard | None = None


def guard_choices() -> None:
    """Install the guard on the running application (once; later calls do nothing)."""
    global _GUARD
    app = QApplication.instance()
    if app is None or (_GUARD is not None and _GUARD.parent() is app):
        return
    _GUARD = WheelGuard(app)
    app.installEventFilter(_GUARD)
