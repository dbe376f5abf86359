"""Status text that changes is told to assistive technology: announced (Qt's accessibility announcement)
and carried by the label's accessible name, so a screen reader hears "That passphrase is not right",
"All changes saved", "6 of 20 topics answered" and the export's result, not a fixed "Message".

Driven through the real widgets; what is announced is heard where the app makes it (the `heard`
fixture). tests/ui/test_atspi.py listens to the real thing through AT-SPI.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from dayinlife.case import Perspective, PerspectiveKind
from dayinlife.store import Store
from dayinlife.ui import announce, dialogs
from dayinlife.ui.autosave import Autosaver, DebouncedSaver
from dayinlife.ui.lock_pages import FirstRunPage, UnlockPage
from dayinlife.ui.main_window import MainWindow
from tests.ui.test_export_panel import page  # noqa: F401  (the compare page, with one interview)
from tests.ui.test_case_page import click, make_page, never_asked, new_case, type_into  # noqa: F401
from tests.ui.test_interview_page import household, lib, page_for, session  # noqa: F401

PASS = "announce test passphrase"


def texts(heard) -> list[str]:
    return [text for text, _assertive in heard]


@pytest.fixture
def later(monkeypatch):
    """Move the announcer's clock on, as if the person had paused: `later(20)`."""
    now = [1000.0]
    monkeypatch.setattr(announce, "clock", lambda: now[0])

    def move(seconds: float) -> None:
        now[0] += seconds
    return move


# ------------------------------------------------------------------ the helper


def test_a_status_label_is_named_by_what_it_shows_and_says_it_once(qtbot, heard, later):
    label = QLabel()
    qtbot.addWidget(label)
    announce.show_status(label, "✓ All changes saved", words="All changes saved", context="Saved state")
    assert label.text() == "✓ All changes saved"
    assert label.accessibleName() == "Saved state: All changes saved"
    announce.show_status(label, "✓ All changes saved", words="All changes saved", context="Saved state")
    assert heard == [("All changes saved", False)]  # the same text again is a refresh: silent
    announce.show_status(label, "Saving…", say=False)
    assert label.accessibleName() == "Saving…" and len(heard) == 1  # the name follows, nothing said
    announce.show_status(label, "")
    assert label.accessibleName() == "" and len(heard) == 1


def test_the_same_words_are_not_said_twice_in_a_moment_unless_asked(qtbot, heard, later):
    one, two = QLabel(), QLabel()
    qtbot.addWidget(one)
    qtbot.addWidget(two)
    announce.show_status(one, "Not saved: the disk is full.", assertive=True)
    announce.show_status(two, "Not saved: the disk is full.", assertive=True)  # the status bar's copy
    assert heard == [("Not saved: the disk is full.", True)]
    later(3)
    announce.show_status(one, "Not saved: the disk is full.", repeat=True, assertive=True)
    assert len(heard) == 2


# ------------------------------------------------------------------ the lock screens


def test_a_wrong_passphrase_is_announced_each_time(qtbot, tmp_path, heard, later):
    folder = tmp_path / "data"
    Store.create(folder, PASS).close()
    page = UnlockPage(folder)
    qtbot.addWidget(page)
    for _ in range(3):  # the same words each time, and each time said
        qtbot.keyClicks(page.passphrase, "not it at all")
        qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
        later(5)
    assert len(heard) == 3 and all("not right" in text and assertive for text, assertive in heard)
    assert "not right" in page.message.accessibleName()  # a screen reader reading the screen finds it too
    qtbot.keyClicks(page.passphrase, "not it at all")  # a fourth: the store makes them wait
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    assert "wait" in texts(heard)[-1] and "wait" in page.message.accessibleName()


def test_first_run_problems_are_announced(qtbot, tmp_path, heard):
    page = FirstRunPage(tmp_path / "data")
    qtbot.addWidget(page)
    qtbot.keyClicks(page.passphrase, "short")
    qtbot.keyClick(page.repeat, Qt.Key.Key_Return)
    qtbot.keyClicks(page.passphrase, " but longer now")
    qtbot.keyClicks(page.repeat, "something else")
    qtbot.keyClick(page.repeat, Qt.Key.Key_Return)
    said = texts(heard)
    assert len(said) == 2 and "at least 8" in said[0] and "not the same" in said[1]
    assert page.message.accessibleName() == page.message.text()


# ------------------------------------------------------------------ the interview


def test_the_interview_says_the_count_and_the_saved_state_when_it_settles(qtbot, session, household, heard,
                                                                          later):
    child = household.children[0]
    iv = session.start_interview(household, child, Perspective(PerspectiveKind.PARENT, household.adults[0].id),
                                 "primary", date(2026, 11, 21))
    page, _ = page_for(qtbot, session, household, child, iv)
    total = page.progress.maximum()  # the topics a parent is asked
    assert total == len([t for t in page.template.topics() if t.asked_of(PerspectiveKind.PARENT)])
    assert heard == []  # opening the page says nothing: the focus is read
    qtbot.keyClicks(page.cards[0].text, "Toast most days")
    assert texts(heard) == [f"1 of {total} topics answered"]  # said once, not on every keystroke
    assert page.progress_label.accessibleName() == f"1 of {total} topics answered"
    assert "Saving" in page.saved_label.text()  # pending: shown, never said
    qtbot.waitUntil(lambda: page.autosaver.state == Autosaver.SAVED, timeout=5000)
    assert texts(heard) == [f"1 of {total} topics answered", "All changes saved"]
    assert "All changes saved" in page.saved_label.accessibleName()
    qtbot.keyClicks(page.cards[0].text, ", and cereal")  # typing on after a pause ...
    qtbot.waitUntil(lambda: page.autosaver.state == Autosaver.SAVED, timeout=5000)
    assert len(heard) == 2  # ... is not told "saved" again straight away
    later(announce.SETTLED_REPEAT_S + 1)
    qtbot.keyClicks(page.cards[0].text, " on Sundays")
    qtbot.waitUntil(lambda: page.autosaver.state == Autosaver.SAVED, timeout=5000)
    assert texts(heard)[-1] == "All changes saved"


def test_a_save_that_fails_is_said_at_once(qtbot, session, household, heard):
    child = household.children[0]
    iv = session.start_interview(household, child, Perspective(PerspectiveKind.CHILD), "primary", date(2026, 11, 20))
    page, shell = page_for(qtbot, session, household, child, iv)
    pages = session.store._conn.execute("PRAGMA page_count").fetchone()[0]
    session.store._conn.execute(f"PRAGMA max_page_count = {pages}")
    page.cards[0].text.setPlainText("y" * 300_000)
    assert not page.autosaver.flush()
    failed = [(text, assertive) for text, assertive in heard if text.startswith("Not saved")]
    assert failed and failed[0][1] is True and "disk is full" in failed[0][0]
    assert "Not saved" in page.saved_label.accessibleName()


# ------------------------------------------------------------------ the case page and its dates


def test_the_case_page_says_saved_problems_and_date_problems(qtbot, heard, shell, store, never_asked):  # noqa: F811
    case = new_case(shell)
    page = make_page(qtbot, shell, case)
    assert heard == []
    click(qtbot, page.add_child_button)
    click(qtbot, page.save_child_button)
    assert texts(heard) == ["Give the child's name."]
    qtbot.keyClicks(page.child_name_edit, "Sam Example")
    type_into(qtbot, page.dob_edit, "31022020")
    assert "February 2020 has 29 days" in texts(heard)[-1]
    assert "February 2020 has 29 days" in page.dob_edit.message.accessibleName()
    page.dob_edit.setFocus()
    page.dob_edit.selectAll()
    type_into(qtbot, page.dob_edit, "14032017")
    click(qtbot, page.save_child_button)
    assert texts(heard)[-1].startswith("All changes saved at ")
    assert page.saved_label.accessibleName().startswith("All changes saved at ")


# ------------------------------------------------------------------ compare, analysis and export


def test_the_analysis_saved_state_and_the_export_result_are_said(qtbot, heard, page, tmp_path, monkeypatch):
    assert heard == []
    page.tabs.setCurrentWidget(page.editor)
    qtbot.keyClicks(page.editor.strengths, "Came to every meeting")
    qtbot.waitUntil(lambda: page.saver.state == DebouncedSaver.SAVED, timeout=5000)
    assert texts(heard) == ["All changes saved"]
    assert "All changes saved" in page.saved_label.accessibleName()
    monkeypatch.setattr(dialogs, "ASK", lambda kind, *a, **k: tmp_path / "chosen.docx")
    panel = page.export_panel
    page.tabs.setCurrentWidget(panel)
    qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
    assert texts(heard)[-1] == panel.result.text() and "chosen.docx" in texts(heard)[-1]
    assert panel.result.accessibleName() == panel.result.text()
    qtbot.keyClicks(panel.hidden, "Acacia Road")
    qtbot.waitUntil(lambda: panel.hidden_saver.state == DebouncedSaver.SAVED, timeout=5000)
    assert texts(heard)[-1] == "Saved with the case"
    assert panel.hidden_state.accessibleName() == "Names to hide: Saved with the case"


# ------------------------------------------------------------------ the main window's status bar


def test_the_status_bar_says_its_messages_and_names_the_saved_state(qtbot, tmp_path, heard, monkeypatch):
    monkeypatch.setattr(dialogs, "ASK", lambda *a, **k: None)
    window = MainWindow(tmp_path / "data")
    qtbot.addWidget(window)
    window.show()
    window.set_status("Case FICT-1 created.")
    assert texts(heard) == ["Case FICT-1 created."]
    assert "Case FICT-1 created." in window.statusBar().accessibleName()
    window.show_error("The store is busy in another window of Day in My Life.")
    assert heard[-1] == ("The store is busy in another window of Day in My Life.", True)
    window.statusBar().clearMessage()
    assert "Case FICT-1" not in window.statusBar().accessibleName()
