"""Read-aloud through the platform's real text-to-speech engine, where this computer has one.

tests/ui/test_speech.py covers child mode with a fake engine. This checks that `Speaker` drives
a real QTextToSpeech engine (on Linux: speech-dispatcher): it reaches Ready, prefers UK English,
speaks (Ready -> Speaking -> Ready) without an error, and `stop()` cuts speech short.
Everything is skipped, with the reason, on a computer without a usable speech engine.
"""

from __future__ import annotations

import logging

import pytest

from dayinlife.ui import speech

QTextToSpeech = pytest.importorskip("PySide6.QtTextToSpeech", reason="QtTextToSpeech cannot be loaded").QTextToSpeech

PROMPT = "Do you get yourself up in the morning?"

pytestmark = [
    pytest.mark.real_speech,  # without it, tests/ui/conftest.py replaces the engine with none
    # Loading a speech plugin loads QtMultimedia, which warns when the PipeWire library is not installed.
    pytest.mark.qt_log_ignore("pipewire"),
]


def real_engines() -> list[str]:
    # PySide6 also ships Qt's "mock" test plugin, which does not speak. It is not a real engine.
    return [name for name in QTextToSpeech.availableEngines() if name != "mock"]


@pytest.fixture
def speaker(qtbot, monkeypatch, caplog):
    if not real_engines():
        pytest.skip("no text-to-speech engine is installed on this computer "
                    f"(QTextToSpeech.availableEngines() = {QTextToSpeech.availableEngines()})")
    monkeypatch.setattr(speech, "_reported", False)
    with caplog.at_level(logging.INFO, logger="dayinlife.ui.speech"):
        made = speech.Speaker()
    if not made.available:  # e.g. the engine is in its Error state: speech-dispatcher is not running
        reasons = "; ".join(r.getMessage() for r in caplog.records) or "no reason logged"
        pytest.skip(f"the text-to-speech engine is not usable here: {reasons}")
    engine = made._engine
    assert isinstance(engine, QTextToSpeech)
    assert engine.state() == QTextToSpeech.State.Ready, engine.errorString()
    states: list[QTextToSpeech.State] = []
    engine.stateChanged.connect(states.append)
    yield made, engine, states
    made.stop()
    made.deleteLater()


def wait_until_spoken(qtbot, engine, states, seconds=20):
    """Wait for Speaking and then Ready again. A speech engine with no audio output stays in Speaking: skip then."""
    qtbot.waitUntil(lambda: QTextToSpeech.State.Speaking in states, timeout=5000)
    try:
        qtbot.waitUntil(lambda: states[-1] == QTextToSpeech.State.Ready, timeout=seconds * 1000)
    except AssertionError:
        pytest.skip(f"the engine began speaking but did not finish within {seconds}s "
                    "(probably no audio output on this computer)")


def test_the_real_engine_prefers_uk_english(speaker):
    _, engine, _ = speaker
    if not any(locale.name() == speech.UK_LOCALE for locale in engine.availableLocales()):
        pytest.skip(f"this engine has no {speech.UK_LOCALE} voice")
    assert engine.locale().name() == speech.UK_LOCALE
    assert engine.voice().locale().name() == speech.UK_LOCALE


def test_the_real_engine_speaks_and_returns_to_ready(qtbot, speaker):
    made, engine, states = speaker
    assert made.say(PROMPT)
    wait_until_spoken(qtbot, engine, states)
    assert states[states.index(QTextToSpeech.State.Speaking):] == [QTextToSpeech.State.Speaking,
                                                                  QTextToSpeech.State.Ready]
    assert QTextToSpeech.State.Error not in states
    assert engine.errorReason() == QTextToSpeech.ErrorReason.NoError, engine.errorString()


def test_stop_cuts_real_speech_short(qtbot, speaker):
    made, engine, states = speaker
    assert made.say(PROMPT * 20)  # about forty seconds of speech
    qtbot.waitUntil(lambda: QTextToSpeech.State.Speaking in states, timeout=5000)
    made.stop()
    try:
        qtbot.waitUntil(lambda: engine.state() == QTextToSpeech.State.Ready, timeout=5000)
    except AssertionError:
        pytest.skip("the engine did not stop speaking (probably no audio output on this computer)")
    assert QTextToSpeech.State.Error not in states
    assert engine.errorReason() == QTextToSpeech.ErrorReason.NoError, engine.errorString()
