"""Read-aloud for child mode, through Qt's text-to-speech where the platform has a speech engine.

`Speaker(parent)` speaks for one screen: `available` says whether anything may be spoken, `say(text)`
speaks (stopping anything already being said), `stop()` stops. Starting an engine takes one to two
seconds on some computers (speech-dispatcher on Linux), so child mode never waits for it on opening:
`available` asks only whether an engine is installed (`engines_installed`, a few milliseconds), and
the engine itself is built the first time something is said, then kept for the rest of the run (the
next child mode reads at once). Where there is no engine (the module cannot load, no engine is
installed, or the engine is in its Error state once built) `available` is False, and the absence is
logged once per run, quietly: no dialog, nothing else changes.

Tests replace `engines_installed` (a callable returning whether to offer read-aloud) and
`engine_factory` (a callable taking the parent QObject and returning an object with `say(text)` and
`stop()`, or None when there is no speech).
"""

from __future__ import annotations

import logging
from typing import Callable, Protocol

from PySide6.QtCore import QCoreApplication, QObject

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


def qt_engines_installed() -> bool:
    """Whether Qt has a speech engine to try: its list of engine plug-ins, without starting any
    (Qt's "mock" engine is for Qt's own tests and speaks nothing)."""
    try:
        from PySide6.QtTextToSpeech import QTextToSpeech
    except (ImportError, OSError) as exc:
        _report_absent(f"text-to-speech could not be loaded ({exc})")
        return False
    if not [name for name in QTextToSpeech.availableEngines() if name != "mock"]:
        _report_absent("no text-to-speech engine is installed")
        return False
    return True


engines_installed: Callable[[], bool] = qt_engines_installed
engine_factory: Callable[[QObject | None], "Engine | None"] = qt_engine

_reported = False
# The engine, once built, for the rest of the run: (the factory that built it, the engine or None).
_built: tuple[Callable, "Engine | None"] | None = None


def _report_absent(reason: str) -> None:
    global _reported
    if not _reported:
        _reported = True
        log.info("Read-aloud is not available on this computer: %s.", reason)


def _engine() -> "Engine | None":
    """The run's engine, built on first use (by the factory in use now)."""
    global _built
    if _built is None or _built[0] is not engine_factory:
        try:
            engine = engine_factory(QCoreApplication.instance())  # it outlives the screen that first asked
        except Exception as exc:  # a broken speech setup must never stop child mode
            _report_absent(f"the text-to-speech engine could not start ({exc})")
            engine = None
        _built = (engine_factory, engine)
    return _built[1]


def forget_engine() -> None:
    """Let the engine go (the app is closing, or a test is done with it)."""
    global _built
    if _built is not None and _built[1] is not None:
        _built[1].stop()
    _built = None


class Speaker(QObject):
    """Speaks text aloud if the platform can; does nothing, quietly, if not."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._spoken = False  # whether this screen has started the engine (say or stop do then)
        if _built is not None and _built[0] is engine_factory:
            self._available = _built[1] is not None
        else:
            try:
                self._available = bool(engines_installed())
            except Exception as exc:
                _report_absent(f"the text-to-speech engines could not be listed ({exc})")
                self._available = False

    @property
    def available(self) -> bool:
        return self._available

    @property
    def ready(self) -> bool:
        """Whether the engine is already built (saying something will not wait for it)."""
        return _built is not None and _built[0] is engine_factory and _built[1] is not None

    def say(self, text: str) -> bool:
        """Speak `text`; False (and `available` becomes False) if there turns out to be no engine."""
        if not self._available or not text.strip():
            return False
        engine = _engine()
        if engine is None:
            self._available = False
            return False
        self._spoken = True
        engine.stop()
        engine.say(text)
        return True

    def stop(self) -> None:
        if self._spoken and _built is not None and _built[1] is not None:
            _built[1].stop()
