"""Saving as the user types: changes are gathered and saved shortly after typing pauses, and at
once on every move, lock and close. The state is shown, so "saved" on screen means saved on disk."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from ..case import Answer, Interview
from ..session import Session
from ..store import StoreError

DEBOUNCE_MS = 400


class Autosaver(QObject):
    SAVED, PENDING, FAILED = "saved", "pending", "failed"
    state_changed = Signal(str, str)  # state, message for the screen

    def __init__(self, session: Session, parent: QObject | None = None):
        super().__init__(parent)
        self.session = session
        self._dirty: dict[tuple[str, str], tuple[Interview, Answer]] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.flush)
        self.state = self.SAVED

    def changed(self, interview: Interview, topic_key: str, answer: Answer) -> None:
        interview.answers[topic_key] = answer
        self._dirty[(interview.id, topic_key)] = (interview, answer)
        self._timer.start()
        if self.state != self.PENDING:
            self._set(self.PENDING, "Saving…")

    @property
    def pending(self) -> bool:
        return bool(self._dirty)

    def flush(self) -> bool:
        """Save everything waiting now. False (and the message shown) if the store refused."""
        self._timer.stop()
        for ident, (interview, answer) in list(self._dirty.items()):
            try:
                self.session.save_answer(interview, ident[1], answer)
            except StoreError as exc:
                self._set(self.FAILED, f"Not saved: {exc}")
                return False
            self._dirty.pop(ident, None)
        self._set(self.SAVED, "All changes saved")
        return True

    def _set(self, state: str, message: str) -> None:
        self.state = state
        self.state_changed.emit(state, message)
