"""The chronology page, driven as a practitioner drives it: the button on the case page, Ctrl+N,
dates typed digit by digit (a month only, too), Tab from field to field, Space on the ticks,
Enter on a row to edit it, Delete to remove it; filters chosen with the keyboard. Kept in a real
store, and the interviews made in the app in it by themselves."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from dayinlife.case import AdultRole, Perspective, PerspectiveKind
from dayinlife.chronology import Effect, Kind
from dayinlife.ui import dialogs
from dayinlife.vocab import NeglectType
from tests.ui.conftest import Answers, unlocked_window

PASS = "not a real passphrase"


@pytest.fixture
def window(qtbot, tmp_path, library, today):
    w = unlocked_window(qtbot, tmp_path / "data", library, PASS)
    s = w.session
    case = s.new_case("FICT-CHRON-1")
    s.add_adult(case, "Dee Fictional", AdultRole.MOTHER)
    amy = s.add_child(case, name="Amy Fictional", date_of_birth=date(2017, 4, 2))
    s.add_child(case, name="Ben Fictional", date_of_birth=date(2020, 8, 9))
    s.start_interview(case, amy, Perspective(PerspectiveKind.CHILD), "primary", date(2026, 11, 20))
    w.open_case(case.id)
    yield w, case.id
    w.close()


def open_chronology(qtbot, w):
    page = w.case_page
    qtbot.mouseClick(page.chronology_button, Qt.MouseButton.LeftButton)
    chron = w.chronology_page
    assert w.stack.currentWidget() is chron and chron.table.hasFocus()
    return chron


def type_into(qtbot, widget, text: str) -> None:
    widget.setFocus()
    qtbot.keyClicks(widget, text)


def test_an_event_typed_in_is_kept_and_the_interview_is_there_by_itself(qtbot, window):
    w, case_id = window
    chron = open_chronology(qtbot, w)
    assert [e.kind for e in chron.rows] == [Kind.INTERVIEW]
    assert "Day in the life interview with Amy." == chron.table.item(0, 1).text()
    assert not chron.edit_button.isEnabled() and "changes where it was made" in chron.row_note.text()

    qtbot.keyClick(chron.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert chron.panel_area.isVisible() and chron.date_edit.hasFocus()
    qtbot.keyClicks(chron.date_edit, "14032021")                 # digit by digit, no separators
    qtbot.keyClick(chron.date_edit, Qt.Key.Key_Tab)
    assert chron.date_edit.text() == "14/03/2021" and chron.source_edit.hasFocus()
    qtbot.keyClicks(chron.source_edit, "Health visitor")
    qtbot.keyClick(chron.source_edit, Qt.Key.Key_Tab)
    qtbot.keyClicks(chron.what_edit, "Ben's 6-8 week check missed; not brought to two more")
    qtbot.keyClick(chron.what_edit, Qt.Key.Key_Tab)
    qtbot.keyClicks(chron.impact_edit, "His weight was not checked for three months")
    qtbot.mouseClick(chron.effect_radios[Effect.HARMFUL], Qt.MouseButton.LeftButton)
    type_into(qtbot, chron.action_edit, "Home visit booked")
    # a new event concerns every child until untick: Amy is unticked with Space
    amy_check = next(c for c in chron.child_checks.values() if c.text() == "Amy")
    amy_check.setFocus()
    qtbot.keyClick(amy_check, Qt.Key.Key_Space)
    med = chron.type_checks[NeglectType.MEDICAL]
    med.setFocus()
    qtbot.keyClick(med, Qt.Key.Key_Space)
    qtbot.mouseClick(chron.save_button, Qt.MouseButton.LeftButton)

    assert not chron.panel_area.isVisible()
    back = w.session.open_case(case_id)
    (ev,) = back.chronology
    assert (ev.when.text, ev.source, ev.effect, ev.action) == ("14/03/2021", "Health visitor", Effect.HARMFUL,
                                                                "Home visit booked")
    assert ev.what.startswith("Ben's 6-8 week check") and ev.neglect == [NeglectType.MEDICAL]
    assert ev.child_ids == [back.children[1].id]
    assert [r.kind for r in chron.rows] == [Kind.EVENT, Kind.INTERVIEW]  # oldest first
    assert chron.table.item(0, 0).text() == "14/03/2021" and chron.table.item(0, 4).text() == "Ben"
    assert chron.table.item(0, 3).text().startswith("Harmful to the child. His weight")
    assert chron.edit_button.isEnabled()


def test_a_month_only_a_bad_date_and_a_future_one(qtbot, window, today):
    w, case_id = window
    chron = open_chronology(qtbot, w)
    qtbot.mouseClick(chron.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(chron.date_edit, "31/02/2021")
    qtbot.keyClick(chron.date_edit, Qt.Key.Key_Tab)
    assert chron.date_message.isVisible() and "February 2021 has 28 days" in chron.date_message.text()
    type_into(qtbot, chron.what_edit, "Moved to a new flat")
    qtbot.mouseClick(chron.save_button, Qt.MouseButton.LeftButton)
    assert chron.date_edit.hasFocus() and w.session.open_case(case_id).chronology == []

    chron.date_edit.selectAll()
    qtbot.keyClicks(chron.date_edit, f"{today.month:02d}/{today.year + 1}")
    qtbot.keyClick(chron.date_edit, Qt.Key.Key_Return)
    assert "in the future" in chron.date_message.text() and w.session.open_case(case_id).chronology == []

    chron.date_edit.selectAll()
    qtbot.keyClicks(chron.date_edit, "March 2019")
    qtbot.keyClick(chron.date_edit, Qt.Key.Key_Return)           # Enter saves from the date box
    (ev,) = w.session.open_case(case_id).chronology
    assert ev.when.text == "March 2019" and ev.when.month_only
    assert ev.child_ids == [c.id for c in w.session.open_case(case_id).children]  # a new event: every child
    assert chron.table.item(0, 0).text() == "March 2019"


def test_only_a_year_and_a_message_that_moves_no_box(qtbot, window):
    """A practitioner typed 2022 (refused), and the message pushed every box down: the next click meant
    for "What happened" landed in "Where it comes from". A year alone is kept as it is; a message
    takes the hint's place under the date and no box below it moves."""
    w, case_id = window
    chron = open_chronology(qtbot, w)
    qtbot.mouseClick(chron.add_button, Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    where = {box: box.mapTo(chron.panel, box.rect().topLeft()).y() for box in (chron.source_edit, chron.what_edit)}
    assert chron.date_hint.isVisible() and "2021" in chron.date_hint.text()
    qtbot.keyClicks(chron.date_edit, "2022x")
    qtbot.keyClick(chron.date_edit, Qt.Key.Key_Tab)
    QApplication.processEvents()
    assert chron.date_message.isVisible() and "not a date" in chron.date_message.text()
    assert not chron.date_hint.isVisible()
    assert {box: box.mapTo(chron.panel, box.rect().topLeft()).y() for box in where} == where
    chron.date_edit.setFocus()
    chron.date_edit.selectAll()
    qtbot.keyClicks(chron.date_edit, "2022")
    qtbot.keyClick(chron.date_edit, Qt.Key.Key_Tab)
    QApplication.processEvents()
    assert not chron.date_message.isVisible() and chron.date_hint.isVisible()
    assert {box: box.mapTo(chron.panel, box.rect().topLeft()).y() for box in where} == where
    type_into(qtbot, chron.what_edit, "Early Help plan opened")
    qtbot.mouseClick(chron.save_button, Qt.MouseButton.LeftButton)
    (ev,) = w.session.open_case(case_id).chronology
    assert ev.when.year_only and ev.when.text == "2022" and chron.table.item(0, 0).text() == "2022"


def test_the_ticks_say_whom_it_concerns_and_a_child_not_yet_born_is_unticked(qtbot, window):
    """Every child was ticked for a new event, a baby too for events before her birth, under a line
    that always said "None ticked: it concerns the whole family"."""
    w, case_id = window
    chron = open_chronology(qtbot, w)
    qtbot.mouseClick(chron.add_button, Qt.MouseButton.LeftButton)
    assert chron.children_note.text() == "It concerns Amy and Ben."
    qtbot.keyClicks(chron.date_edit, "052019")                    # May 2019: before Ben was born (2020)
    qtbot.keyClick(chron.date_edit, Qt.Key.Key_Tab)
    amy, ben = (next(c for c in chron.child_checks.values() if c.text() == n) for n in ("Amy", "Ben"))
    assert amy.isChecked() and not ben.isChecked() and chron.children_note.text() == "It concerns Amy only."
    amy.setFocus()
    qtbot.keyClick(amy, Qt.Key.Key_Space)
    assert chron.children_note.text() == "None ticked: it concerns the whole family."
    ben.setFocus()
    qtbot.keyClick(ben, Qt.Key.Key_Space)                         # ticked by hand: the practitioner knows
    chron.date_edit.setFocus()
    chron.date_edit.selectAll()
    qtbot.keyClicks(chron.date_edit, "062019")
    qtbot.keyClick(chron.date_edit, Qt.Key.Key_Tab)
    assert ben.isChecked() and chron.children_note.text() == "It concerns Ben only."


def test_nothing_said_of_what_happened_is_refused_and_kept_in_the_panel(qtbot, window):
    w, case_id = window
    chron = open_chronology(qtbot, w)
    qtbot.mouseClick(chron.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(chron.date_edit, "02/2024")
    type_into(qtbot, chron.source_edit, "School")
    qtbot.mouseClick(chron.save_button, Qt.MouseButton.LeftButton)
    assert chron.panel_message.text() == "Say what happened." and chron.what_edit.hasFocus()
    assert chron.source_edit.text() == "School" and w.session.open_case(case_id).chronology == []


def test_edit_with_enter_filter_by_child_and_type_and_remove_with_delete(qtbot, window, monkeypatch):
    from dayinlife.chronology import Event, EventDate

    w, case_id = window
    case = w.case_page.case
    amy, ben = case.children
    w.session.keep_event(case, Event(EventDate(2019, 5), "Referral from school: Amy often hungry", "School",
                                     child_ids=[amy.id], neglect=[NeglectType.NUTRITIONAL]))
    w.session.keep_event(case, Event(EventDate(2022, 1, 10), "Family moved to a two-bedroom flat", "Housing"))
    chron = open_chronology(qtbot, w)
    assert [r.kind for r in chron.rows] == [Kind.EVENT, Kind.EVENT, Kind.INTERVIEW]

    # Ben's chronology: the family-wide move, not Amy's referral nor her interview
    chron.child_filter.setFocus()
    qtbot.keyClick(chron.child_filter, Qt.Key.Key_Down)
    qtbot.keyClick(chron.child_filter, Qt.Key.Key_Down)
    assert chron.child_filter.currentText() == "Ben"
    assert [chron.table.item(r, 1).text() for r in range(chron.table.rowCount())] == [
        "Family moved to a two-bedroom flat"]
    qtbot.keyClick(chron.child_filter, Qt.Key.Key_Up)          # Amy
    chron.type_filter.setFocus()
    qtbot.keyClick(chron.type_filter, Qt.Key.Key_Down)         # Medical only: nothing
    assert chron.table.rowCount() == 0 and chron.empty.isVisible()
    qtbot.keyClick(chron.type_filter, Qt.Key.Key_Down)         # Nutritional only
    assert chron.table.rowCount() == 1
    chron.order.setFocus()
    qtbot.keyClick(chron.type_filter, Qt.Key.Key_Home)

    # Enter on the referral opens it; the change is kept
    chron.table.setFocus()
    chron.table.selectRow(0)
    qtbot.keyClick(chron.table, Qt.Key.Key_Return)
    assert chron.panel_area.isVisible() and chron.date_edit.text() == "05/2019"
    chron.what_edit.setFocus()
    qtbot.keyClick(chron.what_edit, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(chron.what_edit, " at breakfast club")
    qtbot.mouseClick(chron.save_button, Qt.MouseButton.LeftButton)
    back = w.session.open_case(case_id)
    assert [e.what for e in back.chronology if e.source == "School"] == [
        "Referral from school: Amy often hungry at breakfast club"]
    assert len(back.chronology) == 2

    # Newest first, then Delete on the move removes it after asking
    chron.order.setFocus()
    qtbot.keyClick(chron.order, Qt.Key.Key_Down)
    assert chron.rows[0].kind is Kind.INTERVIEW
    ask = Answers(True)
    monkeypatch.setattr(dialogs, "ASK", ask)
    row = next(i for i, e in enumerate(chron.rows) if e.source == "Housing")
    chron.table.setFocus()
    chron.table.selectRow(row)
    qtbot.keyClick(chron.table, Qt.Key.Key_Delete)
    assert ask.asked and "Family moved" in ask.asked[0][2]
    assert [e.source for e in w.session.open_case(case_id).chronology] == ["School"]
    # the app's own entries are never removed or edited here
    chron.table.selectRow(0)
    qtbot.keyClick(chron.table, Qt.Key.Key_Delete)
    assert len(ask.asked) == 1 and not chron.remove_button.isEnabled()


def test_escape_leaves_the_panel_without_keeping_anything_and_back_goes_to_the_case(qtbot, window):
    w, case_id = window
    chron = open_chronology(qtbot, w)
    qtbot.mouseClick(chron.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(chron.date_edit, "01/2020")
    qtbot.keyClick(chron.date_edit, Qt.Key.Key_Escape)
    assert not chron.panel_area.isVisible() and w.session.open_case(case_id).chronology == []
    qtbot.mouseClick(chron.back_button, Qt.MouseButton.LeftButton)
    assert w.stack.currentWidget() is w.case_page


def test_locking_on_the_chronology_comes_back_to_it(qtbot, window):
    w, case_id = window
    chron = open_chronology(qtbot, w)
    chron.child_filter.setCurrentIndex(2)
    w.lock()
    qtbot.keyClicks(w.unlock_page.passphrase, PASS)
    qtbot.keyClick(w.unlock_page.passphrase, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert w.stack.currentWidget() is w.chronology_page
    assert w.chronology_page.child_filter.currentText() == "Ben"


def test_alt_keys_on_the_panel_reach_its_own_fields_not_the_menus(qtbot, window):
    """Alt+V was "Save" and opened the View menu instead; Alt+H (Help) was "What happened"."""
    w, case_id = window
    chron = open_chronology(qtbot, w)
    qtbot.keyClick(chron.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(chron.date_edit, "04/2023")
    qtbot.keyClick(chron.date_edit, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    assert chron.what_edit.hasFocus()
    qtbot.keyClicks(chron.what_edit, "Started at the childminder three days a week")
    qtbot.keyClick(chron.what_edit, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: not chron.panel_area.isVisible())  # a button's Alt key clicks it after a moment
    (ev,) = w.session.open_case(case_id).chronology
    assert ev.when.text == "April 2023" and not chron.panel_area.isVisible()
    menus = {a.text().replace("&&", "")[a.text().index("&") + 1].lower()
             for a in w.menuBar().actions() if "&" in a.text()}
    mine = [b.text() for b in chron.findChildren(QPushButton) + chron.findChildren(QLabel) if "&" in b.text()]
    taken = [t[t.index("&") + 1].lower() for t in mine]
    assert not menus & set(taken), (menus, mine)
    assert len(taken) == len(set(taken)), mine
