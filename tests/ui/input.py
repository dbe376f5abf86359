"""Input as a person gives it, for what pytest-qt has no helper for: the mouse wheel.

`wheel(qtbot, widget, notches)` turns the wheel over the middle of `widget` (or `at`, in its
coordinates). The event goes to whatever widget is under that point in its window, as the window
system would send it, so a widget in the way gets it first, exactly as on a real screen; a widget
that does not want it passes it to its parent.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QWidget

NOTCH = 120  # one click of a mouse wheel, in eighths of a degree


def wheel(qtbot, widget: QWidget, notches: int = -1, at: QPoint | None = None) -> QWidget:
    """Turn the wheel `notches` clicks (negative: towards the person, scrolling down). Returns the
    widget that received it."""
    at = at if at is not None else widget.rect().center()
    window = widget.window()
    in_window = widget.mapTo(window, at)
    target = window.childAt(in_window) or window
    # Qt passes a wheel event from the window system up to the parent while a widget ignores it,
    # but never one sent from code, so that is done here, as QApplication does for a real one.
    w = target
    while w is not None:
        local = w.mapFrom(window, in_window) if w is not window else in_window
        event = QWheelEvent(QPointF(local), QPointF(w.mapToGlobal(local)), QPoint(0, 0),
                            QPoint(0, notches * NOTCH), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                            Qt.ScrollPhase.NoScrollPhase, False)
        QApplication.sendEvent(w, event)
        if event.isAccepted() or w.isWindow():
            break
        w = w.parentWidget()
    qtbot.wait(10)
    return target
