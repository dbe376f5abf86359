""""Something worries me" in child mode, pressed as a child would (mouse, or keys alone), and what the
practitioner sees afterwards: at once on leaving child mode, on the child's interview page, never on
a parent's."""

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from dayinlife.case import Adult, AdultRole, Child, Perspective, PerspectiveKind
from dayinlife.store import Store
from dayinlife.template_loader import load_library
from dayinlife.ui import dialogs
from tests.ui.conftest import unlocked_window

PASS = "worry test passphrase"
WORDS = "Someone shouts at night"


@pytest.fixture(scope="module")
def lib():
    return load_library()


@pytest.fixture
def asked(monkeypatch):
    """Every dialog the app opens: the passphrase to leave child mode is given."""
    questions = []

    def ask(kind, parent, title, text, **options):
        questions.append((kind, title, text))
        return PASS if kind == "passphrase" else None

    monkeypatch.setattr(dialogs, "ASK", ask)
    return questions


@pytest.fixture
def window(qtbot, tmp_path, lib, asked):
    w = unlocked_window(qtbot, tmp_path / "data", lib, PASS)
    yield w
    w.close()


def family(window):
    session = window.session
    case = session.new_case("FICT-WORRY-1")
    case.adults.append(Adult("Jo Fictional", AdultRole.MOTHER))
    child = Child("Jay Fictional", date_of_birth=date(2017, 2, 2), known_as="Jay")
    case.children.append(child)
    session.save_case(case)
    kid = session.start_interview(case, child, Perspective(PerspectiveKind.CHILD), "primary", date(2026, 11, 25))
    mum = session.start_interview(case, child, Perspective(PerspectiveKind.PARENT, case.adults[0].id), "primary",
                                  date(2026, 11, 25))
    return case, child, kid, mum


def hand_over(qtbot, window, case, child, iv):
    window.open_interview(case, child, iv)
    qtbot.mouseClick(window.interview_page.child_mode_button, Qt.MouseButton.LeftButton)
    shown = window.child_window
    assert shown is not None and shown.isVisible()
    return shown


def test_a_child_presses_it_says_what_and_the_practitioner_sees_it_at_once(qtbot, window, asked, tmp_path):
    case, child, kid, mum = family(window)
    screen = hand_over(qtbot, window, case, child, kid)
    button = screen.worry_button
    assert button.isVisible() and button.accessibleName() == "Something worries me" and button.accessibleDescription()
    assert not button.icon().isNull()
    while screen.stage_index < 2:  # on to the third stage, as the child goes
        qtbot.mouseClick(screen.next_button, Qt.MouseButton.LeftButton)
    stage = window.session.template_for(case, kid).stages[screen.stage_index]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert screen.worry_panel.isVisible() and not screen.next_button.isVisible()
    assert screen.focusWidget() is screen.worry_words
    # kept at once, before any words: a child who goes no further has still been heard
    saved = Store.open(tmp_path / "data", PASS)
    try:
        kept = saved.load_case(case.id).children[0].interview(kid.id).worries
    finally:
        saved.close()
    assert [(w.stage_key, w.words) for w in kept] == [(stage.id, "")]
    qtbot.keyClicks(screen.worry_words, WORDS)
    qtbot.mouseClick(screen.worry_told, Qt.MouseButton.LeftButton)
    assert not screen.worry_panel.isVisible() and screen.next_button.isVisible()
    assert screen.stage_index == 2  # back where the child was
    assert not [q for q in asked if q[0] == "info"]  # nothing said to the child's screen
    qtbot.mouseClick(screen.done_button, Qt.MouseButton.LeftButton)
    assert window.child_window is None
    told = [q for q in asked if q[0] == "info"]
    assert len(told) == 1
    kind, title, text = told[0]
    assert title == "Jay pressed “Something worries me”"
    assert f"{stage.title} (" in text and f"“{WORDS}”" in text and "does not judge" in text
    again = window.session.store.load_case(case.id).children[0].interview(kid.id).worries
    assert [(w.stage_key, w.words) for w in again] == [(stage.id, WORDS)]
    # the child's interview page says so, without the words (the child may be beside the practitioner)
    label = window.interview_page.worry_label
    assert label.isVisible() and f"({stage.title})" in label.text() and WORDS not in label.text()
    assert "Jay pressed “Something worries me” once in child mode" in label.text()
    window.open_interview(case, child, mum)  # never on a parent's
    assert not window.interview_page.worry_label.isVisible()
    # the compare screen (the practitioner's) is headed by it, with the child's words
    window.open_compare(case, child)
    compare = window.compare_page
    button = compare.worry_toggle  # in the page's top line, beside its heading: before any comparing
    assert button.isVisible() and button.text() == "“Something worries me” (1)"
    assert button.accessibleName() == button.text()
    assert button.accessibleDescription().startswith("Jay pressed “Something worries me” once.")
    assert compare.tabs.cornerWidget(Qt.Corner.TopLeftCorner) is button  # first in the tabs row
    assert not compare.worry_box.isVisible()  # the child's words when the practitioner asks
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    detail = compare.worry_box.text()
    assert compare.worry_box.isVisible() and f"“{WORDS}”" in detail and f"({stage.title})" in detail
    assert compare.worry_box.y() < compare.tabs.y()


def test_by_keys_alone_and_without_saying_what(qtbot, window, asked):
    case, child, kid, mum = family(window)
    screen = hand_over(qtbot, window, case, child, kid)
    screen.activateWindow()
    screen.worry_button.setFocus()
    qtbot.keyClick(screen.worry_button, Qt.Key.Key_Space)
    assert screen.worry_panel.isVisible()
    qtbot.keyClick(screen.worry_words, Qt.Key.Key_Tab)  # out of the words box, to "I'd rather not say"
    assert QApplication.focusWidget() is screen.worry_rather_not or screen.focusWidget() is screen.worry_rather_not
    qtbot.keyClick(screen.worry_rather_not, Qt.Key.Key_Space)
    assert not screen.worry_panel.isVisible()
    qtbot.mouseClick(screen.done_button, Qt.MouseButton.LeftButton)
    text = next(q[2] for q in asked if q[0] == "info")
    assert "Jay did not say what." in text and "pressed “Something worries me” once" in text


def test_words_half_typed_when_the_laptop_locks_are_kept_and_nothing_is_shown(qtbot, window, asked):
    case, child, kid, mum = family(window)
    screen = hand_over(qtbot, window, case, child, kid)
    qtbot.mouseClick(screen.worry_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(screen.worry_words, "half")
    window.lock()
    assert window.is_locked and not [q for q in asked if q[0] == "info"]  # no dialog over the lock screen
    qtbot.keyClicks(window.unlock_page.passphrase, PASS)
    qtbot.keyClick(window.unlock_page.passphrase, Qt.Key.Key_Return)
    worries = window.session.store.load_case(case.id).children[0].interview(kid.id).worries
    assert [w.words for w in worries] == ["half"]


def test_only_in_child_mode_for_the_childs_own_interview(qtbot, window):
    """A parent's interview has the large mode only as easy read, with no "Something worries me"
    in it, and a parent's interview cannot hold a child's worry."""
    case, child, kid, mum = family(window)
    window.open_interview(case, child, mum)
    button = window.interview_page.child_mode_button
    assert button.text() == "Easy read, with pictures…"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    screen = window.child_window
    assert screen is not None and screen.isVisible() and screen.easy
    assert not screen.worry_button.isVisible() and screen.worry_button not in screen.scan_items()
    screen.ask_to_leave()
    with pytest.raises(ValueError):
        window.session.record_worry(case, mum, "waking")
