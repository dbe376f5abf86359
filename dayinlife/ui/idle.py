"""Locks the app after a period without keyboard or mouse use, and on waking from sleep.

Timers do not run while a laptop sleeps, so the wall clock is checked again whenever the app
becomes active, as well as every few seconds.
"""

from __future__ import annotations

import time
from typing import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication

_ACTIVITY = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
             QEvent.Type.TouchBegin, QEvent.Type.TabletPress}


class IdleWatcher(QObject):
    idle = Signal()

    def __init__(self, minutes: float, clock: Callable[[], float] = time.time, parent: QObject | None = None):
        super().__init__(parent)
        self.minutes = minutes
        self.clock = clock
        self.last_activity = clock()
        self.enabled = False
        self._timer = QTimer(self)
        self._timer.setInterval(5000)
        self._timer.timeout.connect(self.check)
        app = QApplication.instance()
        app.installEventFilter(self)
        app.applicationStateChanged.connect(self._state_changed)

    def start(self) -> None:
        self.last_activity = self.clock()
        self.enabled = True
        self._timer.start()

    def stop(self) -> None:
        self.enabled = False
        self._timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY:
            self.check()  # after a sleep the first key press must not count as fresh activity
            self.last_activity = self.clock()
        return False

    def _state_changed(self, state) -> None:
        if state == Qt.ApplicationState.ApplicationActive:
            self.check()

    def check(self) -> None:
        if self.enabled and self.minutes > 0 and self.clock() - self.last_activity >= self.minutes * 60:
            self.stop()
            self.idle.emit()
