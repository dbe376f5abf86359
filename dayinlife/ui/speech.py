"""Read-aloud for child mode, through Qt's text-to-speech where the platform has a speech engine.

`Speaker(parent)` wraps one engine: `available` says whether anything can be spoken, `say(text)`
speaks (stopping anything already being said), `stop()` stops. Where there is no engine (the
module cannot load, the engine list is empty, or the engine is in its Error state) `available` is
False, and the absence is logged once per run, quietly: no dialog, nothing else changes.

Tests replace `engine_factory` (a callable taking the parent QObject and returning an object
with `say(text)` and `stop()`, or None when there is no speech).
"""

from __future__ import annotations

import logging
from typing import Callable, Protocol

from PySide6.QtCore import QObject

log = logging.getLogger(__name__)

UK_LOCALE = "en_GB"


class Engine(Protocol):
    def say(self, text: str) -> None: ...

    def stop(self) -> None: ...


def qt_engine(parent: QObject | None) -> "Engine | None":
    """A QTextToSpeech engine speaking UK English where it can, or None (with the reason logged)."""
    try:
        from PySide6.QtTextToSpeech import QTextToSpeech
    except (ImportError, OSError) as exc:  # the module, or a library it needs, is missing
        _report_absent(f"text-to-speech could not be loaded ({exc})")
        return None
    if not QTextToSpeech.availableEngines():
        _report_absent("no text-to-speech engine is installed")
        return None
    engine = QTextToSpeech(parent)
    if engine.state() == QTextToSpeech.State.Error:
        _report_absent(f"the text-to-speech engine reported an error: {engine.errorString()}")
        engine.deleteLater()
        return None
    for locale in engine.availableLocales():
        if locale.name() == UK_LOCALE:
            engine.setLocale(locale)
            break
    return engine


engine_factory: Callable[[QObject | None], "Engine | None"] = qt_engine

_reported = False


def _report_absent(reason: str) -> None:
    global _reported
    if not _reported:
        _reported = True
        log.info("Read-aloud is not available on this computer: %s.", reason)


class Speaker(QObject):
    """Speaks text aloud if the platform can; does nothing, quietly, if not."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        try:
            self._engine = engine_factory(self)
        except Exception as exc:  # a broken speech setup must never stop child mode
            _report_absent(f"the text-to-speech engine could not start ({exc})")
            self._engine = None

    @property
    def available(self) -> bool:
        return self._engine is not None

    def say(self, text: str) -> bool:
        if self._engine is None or not text.strip():
            return False
        self._engine.stop()
        self._engine.say(text)
        return True

    def stop(self) -> None:
        if self._engine is not None:
            self._engine.stop()
