"""The Qt binding itself: guards against known faults in PySide6 releases we must not ship with."""

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    text = Signal(str)
    value = Signal(object)


def test_emitting_signals_keeps_reference_counts(qtbot):
    """PySide6 6.12.0 loses a reference to True on every emit(); on Python 3.11 that crashes the
    process ('bool_dealloc') after a few thousand keystrokes in an interview."""
    emitter = _Emitter()
    emitter.text.connect(lambda _t: None)
    emitter.value.connect(lambda _v: None)
    before = sys.getrefcount(True), sys.getrefcount(None)
    for _ in range(300):
        emitter.text.emit("typed")
        emitter.value.emit(None)
    after = sys.getrefcount(True), sys.getrefcount(None)
    assert after[0] - before[0] >= -5 and after[1] - before[1] >= -5, (before, after)
