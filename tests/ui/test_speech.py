"""Read-aloud in child mode: speaks the child's prompt where there is speech; hidden, quietly, where not."""

import logging
from datetime import date

import pytest
from PySide6.QtCore import Qt

from dayinlife.case import Adult, AdultRole, Child, Perspective, PerspectiveKind
from dayinlife.interview import topic_prompts
from dayinlife.session import Session
from dayinlife.store import Store
from dayinlife.template_loader import load_library
from dayinlife.ui import dialogs, speech
from dayinlife.ui.autosave import Autosaver

PASS = "speech test passphrase"


class FakeEngine:
    def __init__(self):
        self.said: list[str] = []
        self.stops = 0

    def say(self, text: str) -> None:
        self.said.append(text)

    def stop(self) -> None:
        self.stops += 1


@pytest.fixture(scope="module")
def lib():
    return load_library()


@pytest.fixture
def session(tmp_path, lib):
    s = Session(Store.create(tmp_path / "data", PASS), lib)
    yield s
    if s.store._conn is not None:
        s.lock()


@pytest.fixture
def asked(monkeypatch):
    questions = []

    def ask(kind, parent, title, text, **options):
        questions.append((kind, text))
        return PASS if kind == "passphrase" else None

    monkeypatch.setattr(dialogs, "ASK", ask)
    return questions


@pytest.fixture
def open_child_mode(qtbot, session, asked):
    windows = []

    def open_():
        from dayinlife.ui.child_mode import ChildModeWindow

        case = session.new_case(f"FICT-SPEAK-{len(windows) + 1}")
        case.adults.append(Adult("Jo Fictional", AdultRole.MOTHER))
        child = Child("Pip Fictional", date_of_birth=date(2017, 4, 4))
        case.children.append(child)
        session.save_case(case)
        iv = session.start_interview(case, child, Perspective(PerspectiveKind.CHILD), "primary", date(2026, 11, 24))
        template = session.template_for(case, iv)
        window = ChildModeWindow(session, Autosaver(session), child, iv, template, case=case)
        window.resize(1000, 800)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window, case, child, iv, template

    yield open_
    for window in windows:
        if window.isVisible():
            window.leave()
        window.deleteLater()


@pytest.fixture
def installed(monkeypatch):
    """The computer has a speech engine to try (the factory is the test's own)."""
    monkeypatch.setattr(speech, "engines_installed", lambda: True)


def test_the_button_reads_exactly_the_childs_prompt_of_the_current_step(qtbot, open_child_mode, monkeypatch,
                                                                         installed):
    engine = FakeEngine()
    built = []
    monkeypatch.setattr(speech, "engine_factory", lambda parent: built.append(parent) or engine)
    window, case, child, iv, template = open_child_mode()
    button = window.read_button
    assert button.isVisible()
    assert built == []  # opening child mode never waits for the engine: it starts on the first press
    assert button.accessibleName() == "Read it to me" and button.accessibleDescription()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    first_topic = template.stages[0].topics[0]
    first = topic_prompts(template, first_topic, PerspectiveKind.CHILD, child)
    expected = f"{first.question} {first.well_question}"  # the page as it is shown: the question, what is good
    assert engine.said == [expected]
    assert expected == f"{window.question.text()} {window.well_label.text()}" and "{" not in expected
    # the child's words only: never the parent's wording or the practitioner's notes
    parent_version = topic_prompts(template, first_topic, PerspectiveKind.PARENT, child)
    assert parent_version.question not in engine.said and parent_version.look_for not in engine.said

    qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)
    assert engine.stops >= 1  # moving on stops what was being read
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)  # works from the keyboard too: the faces page, as it is shown
    feel = f"{window.feeling_label.text()} {window.also_felt_label.text()} {window.better_label.text()}"
    assert engine.said == [expected, feel] and window.prompts.feeling_question in feel
    assert window.prompts.also_felt_question in feel  # the other feelings, as shown
    qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    stage, topic = window.steps[1]
    then = topic_prompts(template, topic, PerspectiveKind.CHILD, child)
    second = f"{then.question} {then.well_question}"
    assert engine.said == [expected, feel, second] and second != expected
    assert len(built) == 1  # started once


def test_the_engine_started_once_serves_the_next_child_mode_at_once(qtbot, open_child_mode, monkeypatch,
                                                                    installed):
    engine = FakeEngine()
    built = []
    monkeypatch.setattr(speech, "engine_factory", lambda parent: built.append(parent) or engine)
    first, *_ = open_child_mode()
    qtbot.mouseClick(first.read_button, Qt.MouseButton.LeftButton)
    first.leave()
    again, *_ = open_child_mode()
    assert again.read_button.isVisible() and again.speaker.ready
    qtbot.mouseClick(again.read_button, Qt.MouseButton.LeftButton)
    assert len(built) == 1 and len(engine.said) == 2


def test_without_speech_the_button_is_hidden_and_child_mode_still_works(qtbot, open_child_mode, monkeypatch,
                                                                        session, asked):
    monkeypatch.setattr(speech, "engine_factory", lambda parent: None)
    window, case, child, iv, template = open_child_mode()
    assert not window.read_button.isVisible()
    assert not window.read_aloud()
    qtbot.keyClicks(window.words, "I have toast")
    qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)
    assert window.index == 1
    assert not asked  # no dialog about speech
    window.leave()
    saved = session.store.load_case(case.id).children[0].interviews[0]
    assert saved.answers[template.stages[0].topics[0].key].text == "I have toast"


def test_a_failing_engine_is_treated_as_no_speech(qtbot, open_child_mode, monkeypatch, installed, session, asked):
    """An engine that is installed but cannot start (speech-dispatcher's plug-in without its library)
    is found out on the first press: the button goes, quietly, and the child goes on."""
    def broken(parent):
        raise RuntimeError("engine plugin crashed")

    monkeypatch.setattr(speech, "engine_factory", broken)
    monkeypatch.setattr(speech, "_reported", False)
    window, case, child, iv, template = open_child_mode()
    assert window.read_button.isVisible()
    window.read_button.setFocus()
    qtbot.keyClick(window.read_button, Qt.Key.Key_Space)
    assert not window.read_button.isVisible() and window.focusWidget() is window.next_button
    assert not asked  # no dialog about speech
    qtbot.keyClicks(window.words, "Cereal")
    qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)
    assert window.index == 1
    again, *_ = open_child_mode()  # the next child mode knows already
    assert not again.read_button.isVisible()


def test_the_absence_of_speech_is_reported_once_quietly(monkeypatch, caplog):
    monkeypatch.setattr(speech, "_reported", False)
    with caplog.at_level(logging.INFO, logger="dayinlife.ui.speech"):
        for _ in range(3):
            speech._report_absent("no text-to-speech engine is installed")
    assert [r.levelno for r in caplog.records] == [logging.INFO]
    assert "Read-aloud is not available" in caplog.records[0].getMessage()


@pytest.mark.real_speech
# Qt's sound layer looks for PipeWire before PulseAudio; and where the speech-dispatcher plugin is
# shipped but speech-dispatcher's library is not installed, Qt says so as it tries the plugin.
@pytest.mark.qt_log_ignore("pipewire", "Error loading text-to-speech plug-in")
def test_the_real_engine_factory_never_fails_loudly(qtbot, monkeypatch, caplog):
    """On this machine there may or may not be a speech engine: either way, no exception, at most one line."""
    monkeypatch.setattr(speech, "_reported", False)
    with caplog.at_level(logging.INFO, logger="dayinlife.ui.speech"):
        speaker = speech.Speaker()
        engine = speech._engine()  # what the first "Read it to me" starts
        assert speech._engine() is engine  # once a run
        after = speech.Speaker()
    assert after.available == (engine is not None)
    assert len(caplog.records) <= 1
    assert (len(caplog.records) == 0) == (speaker.available and engine is not None)
    speaker.stop()
