"""Saving as the user types: changes are gathered and saved shortly after typing pauses, and at
once on every move, lock and close. The state is shown, so "saved" on screen means saved on disk.

`DebouncedSaver` is the pattern (the timer, the state, the message); `Autosaver` saves interview
answers, `CallbackSaver` saves whatever one callable saves (the practitioner's analysis).
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from ..case import Answer, Interview
from ..session import Session
from ..session import StoreError

DEBOUNCE_MS = 400


class DebouncedSaver(QObject):
    """Saves what is waiting a moment after the last change, or at once on `flush()`."""

    SAVED, PENDING, FAILED = "saved", "pending", "failed"
    state_changed = Signal(str, str)  # state, message for the screen

    def __init__(self, parent: QObject | None = None, delay_ms: int = DEBOUNCE_MS):
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.flush)
        self.state = self.SAVED

    def _mark_changed(self) -> None:
        self._timer.start()
        if self.state != self.PENDING:
            self._set(self.PENDING, "Saving…")

    @property
    def pending(self) -> bool:
        raise NotImplementedError

    def _save_pending(self) -> None:
        """Save everything waiting; raise StoreError (keeping what is unsaved) if the store refuses."""
        raise NotImplementedError

    def flush(self) -> bool:
        """Save everything waiting now. False (and the message shown) if the store refused."""
        self._timer.stop()
        try:
            self._save_pending()
        except StoreError as exc:
            self._set(self.FAILED, f"Not saved: {exc}")
            return False
        self._set(self.SAVED, "All changes saved")
        return True

    def _set(self, state: str, message: str) -> None:
        self.state = state
        self.state_changed.emit(state, message)


class Autosaver(DebouncedSaver):
    """Interview answers, one topic at a time."""

    def __init__(self, session: Session, parent: QObject | None = None):
        super().__init__(parent)
        self.session = session
        self._dirty: dict[tuple[str, str], tuple[Interview, Answer]] = {}

    def changed(self, interview: Interview, topic_key: str, answer: Answer) -> None:
        interview.answers[topic_key] = answer
        self._dirty[(interview.id, topic_key)] = (interview, answer)
        self._mark_changed()

    @property
    def pending(self) -> bool:
        return bool(self._dirty)

    def _save_pending(self) -> None:
        for ident, (interview, answer) in list(self._dirty.items()):
            self.session.save_answer(interview, ident[1], answer)
            self._dirty.pop(ident, None)


class CallbackSaver(DebouncedSaver):
    """Anything saved whole by one call: `changed()` after each edit; `save` runs when typing pauses."""

    def __init__(self, save: Callable[[], None], parent: QObject | None = None, delay_ms: int = DEBOUNCE_MS):
        super().__init__(parent, delay_ms)
        self._save = save
        self._dirty = False

    def changed(self) -> None:
        self._dirty = True
        self._mark_changed()

    @property
    def pending(self) -> bool:
        return self._dirty

    def _save_pending(self) -> None:
        if self._dirty:
            self._save()
            self._dirty = False

    def discard(self) -> None:
        """Forget what is waiting without saving it (the thing being edited has gone)."""
        self._timer.stop()
        self._dirty = False


def show_save_state(label, state: str, message: str, pending_mark: str = "") -> bool:
    """Show a saver's state on `label`, said when it settles after a change (saved, or failed: at
    once), never while pending nor on opening a page; "saved" after every pause in typing is said
    again only after a while. True when saving failed, for the caller to say so too."""
    from .announce import SETTLED_REPEAT_S, show_status

    failed = state == DebouncedSaver.FAILED
    settled = failed or label.property("state") == DebouncedSaver.PENDING
    mark = "✓ " if state == DebouncedSaver.SAVED else pending_mark if state == DebouncedSaver.PENDING else "⚠ "
    show_status(label, mark + message, words=message, say=settled, assertive=failed,
                again_after=SETTLED_REPEAT_S if state == DebouncedSaver.SAVED else 0)
    label.setProperty("state", state)
    label.style().unpolish(label)
    label.style().polish(label)
    return failed

