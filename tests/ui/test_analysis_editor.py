"""The analysis editor: the evidence by neglect type beside the practitioner's own words, saved
as typed and read back from the store; the plan with dates; optional 0–10 scales; no verdict."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from dayinlife.store import Store
from dayinlife.ui.autosave import CallbackSaver, DebouncedSaver
from dayinlife.ui.compare_page import ComparePage
from dayinlife.vocab import NeglectType

from .test_compare_page import KID_WORDS, cshell, open_family  # noqa: F401  (the fixture)

PASSPHRASE = "not a real passphrase"  # as tests/ui/conftest.py's store


@pytest.fixture
def page(qtbot, cshell):  # noqa: F811
    p, case, child, ivs = open_family(qtbot, cshell)
    p.tabs.setCurrentWidget(p.editor)
    return p, case, child, ivs


def reopen(tmp_path, case_id, child_id):
    with Store.open(tmp_path / "data", PASSPHRASE) as again:
        return again.load_case(case_id).analyses[child_id]


def test_evidence_by_neglect_type_quotes_the_child_and_marks_differences(page):
    p, *_ = page
    nutritional = p.editor.evidence[NeglectType.NUTRITIONAL].text()
    assert "Breakfast (Breakfast): ≠ Differ — not a finding" in nutritional
    assert "The child (Mia): “Not often” (hardly ever)" in nutritional
    assert "Jo Fictional (mother): Every day" in nutritional
    assert f"The child (Mia) said: “{KID_WORDS}”" in nutritional  # quoted exactly
    assert "Tea (Teatime): = Agree" in nutritional
    assert "Nothing recorded yet" in p.editor.evidence[NeglectType.MEDICAL].text()


def test_the_chronology_is_beside_the_day_for_each_type_of_neglect(page):
    """A practitioner who recorded missed checks and extracted teeth (Medical) in the chronology read
    "Nothing recorded yet" under Medical: the events about each type are listed under it."""
    from dayinlife.chronology import Event, EventDate

    p, case, child, _ = page
    p.shell.session.keep_event(case, Event(EventDate(2023, 5, 17), "Six decayed teeth taken out under general "
                                           "anaesthetic", source="Hospital", neglect=[NeglectType.MEDICAL]))
    p.show_child(case, child)
    medical = p.editor.evidence[NeglectType.MEDICAL].text()
    assert "In the chronology:" in medical and "17/05/2023: Six decayed teeth taken out" in medical
    assert "In the chronology" not in p.editor.evidence[NeglectType.EMOTIONAL].text()


def test_analysis_typed_by_keyboard_is_saved_and_read_back(qtbot, page, tmp_path, cshell):  # noqa: F811
    p, case, child, ivs = page
    ed = p.editor
    words = "Accounts of breakfast differ - to explore with Jo & Mia. <Not a verdict> \"quoted\" it's"
    qtbot.keyClicks(ed.narratives[NeglectType.NUTRITIONAL], words)
    assert p.saver.state == DebouncedSaver.PENDING and "Saving" in p.saved_label.text()
    qtbot.keyClicks(ed.strengths, "Both parents came to every meeting")
    qtbot.keyClicks(ed.worries, "Mia says she is hungry")
    qtbot.keyClicks(ed.impact_now, "Tired in class")
    qtbot.keyClicks(ed.impact_if_unchanged, "Falling behind")
    ed.likelihood["tried_before"].setFocus()
    qtbot.keyClicks(ed.likelihood["tried_before"], "Early help in 2024: a month of visits, then dropped")
    qtbot.keyClick(ed.likelihood["tried_before"], Qt.Key.Key_Tab)       # Tab moves on to the next box
    assert ed.likelihood["capacity"].hasFocus()
    qtbot.keyClicks(ed.likelihood["capacity"], "Jo acts quickly when she sees Mia's words")
    qtbot.keyClicks(ed.likelihood["prognosis"], "Good if the support lasts past the winter")
    qtbot.keyClicks(ed.practitioner, "A. Fictional, social worker")
    qtbot.waitUntil(lambda: p.saver.state == DebouncedSaver.SAVED, timeout=5000)
    assert "All changes saved" in p.saved_label.text()
    a = reopen(tmp_path, case.id, child.id)
    assert a.by_neglect[NeglectType.NUTRITIONAL].narrative == words
    assert (a.strengths, a.worries, a.impact_now, a.impact_if_unchanged) == (
        "Both parents came to every meeting", "Mia says she is hungry", "Tired in class", "Falling behind")
    assert (a.tried_before, a.capacity, a.prognosis) == (
        "Early help in 2024: a month of visits, then dropped", "Jo acts quickly when she sees Mia's words",
        "Good if the support lasts past the winter")
    assert a.practitioner == "A. Fictional, social worker"
    assert set(a.interview_ids) == {iv.id for iv in ivs.values()}
    # a fresh page on the reopened case shows it again
    fresh = ComparePage(cshell)
    qtbot.addWidget(fresh)
    fresh.show_child(cshell.session.open_case(case.id), child)
    assert fresh.editor.narratives[NeglectType.NUTRITIONAL].toPlainText() == words
    assert fresh.editor.likelihood["capacity"].toPlainText() == "Jo acts quickly when she sees Mia's words"


def test_plan_rows_with_dates_add_and_remove(qtbot, page, tmp_path):
    p, case, child, _ = page
    plan = p.editor.plan
    qtbot.mouseClick(plan.add_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(plan.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(plan.rows[0][0], "Breakfast club place")
    qtbot.keyClicks(plan.rows[0][1], "School")
    when = plan.rows[0][3]
    qtbot.mouseClick(when, Qt.MouseButton.LeftButton)  # a click selects the date shown, so typing replaces it
    qtbot.keyClicks(when, "15012027")
    qtbot.keyClick(when, Qt.Key.Key_Tab)
    assert when.text() == "15/01/2027"
    qtbot.keyClicks(plan.rows[1][0], "Talk with Jo about mornings")
    plan.rows[1][2].setChecked(False)  # no date for this one
    assert not plan.rows[1][3].isEnabled()
    p.saver.flush()
    a = reopen(tmp_path, case.id, child.id)
    assert [(x.what, x.who, x.by_when) for x in a.actions] == [
        ("Breakfast club place", "School", date(2027, 1, 15)), ("Talk with Jo about mornings", "", None)]
    qtbot.mouseClick(plan.rows[0][4], Qt.MouseButton.LeftButton)  # remove the first
    assert len(plan.rows) == 1 and plan.rows[0][0].text() == "Talk with Jo about mornings"
    p.saver.flush()
    assert [x.what for x in reopen(tmp_path, case.id, child.id).actions] == ["Talk with Jo about mornings"]


def test_a_new_action_defaults_to_a_date_ahead(qtbot, page):
    p, *_ = page
    p.editor.plan.add()
    due = p.editor.plan.actions[0].by_when
    assert due is not None and due > date.today() and due - date.today() < timedelta(days=60)


def test_ratings_are_bounded_0_to_10(qtbot, page, tmp_path):
    p, case, child, _ = page
    ratings = p.editor.ratings
    qtbot.mouseClick(ratings.add_button, Qt.MouseButton.LeftButton)
    person, score, reason, _remove = ratings.rows[0]
    assert (score.minimum(), score.maximum()) == (0, 10)
    qtbot.keyClicks(person, "Jo Fictional (mother)")
    score.selectAll()
    qtbot.keyClicks(score, "15")  # more than 10 is refused
    assert score.value() <= 10
    for _ in range(12):
        qtbot.keyClick(score, Qt.Key.Key_Down)
    assert score.value() == 0
    qtbot.keyClick(score, Qt.Key.Key_Up)
    qtbot.keyClick(score, Qt.Key.Key_Up)
    qtbot.keyClicks(reason, "Better since the club")
    p.saver.flush()
    r = reopen(tmp_path, case.id, child.id).ratings
    assert [(x.person, x.score, x.reason) for x in r] == [("Jo Fictional (mother)", 2, "Better since the club")]


def test_no_score_and_no_verdict_on_screen(page):
    p, *_ = page
    from PySide6.QtWidgets import QLabel

    shown = "\n".join(w.text() for w in p.findChildren(QLabel)).lower()
    for word in ("neglect score", "score:", "risk level", "verdict:", "likely neglect"):
        assert word not in shown, word
    assert "does not decide" in shown


def test_a_store_refusal_is_shown_and_kept(qtbot, page, monkeypatch, cshell):  # noqa: F811
    from dayinlife.store import StoreError

    p, *_ = page

    def refuse(*_a):
        raise StoreError("The disk is full.")
    monkeypatch.setattr(cshell.session, "save_analysis", refuse)
    qtbot.keyClicks(p.editor.worries, "kept")
    assert not p.saver.flush()
    assert "The disk is full." in p.saved_label.text() and cshell.errors
    assert p.saver.pending


def test_callback_saver_debounces(qtbot):
    calls = []
    saver = CallbackSaver(lambda: calls.append(1), delay_ms=20)
    saver.changed()
    saver.changed()
    assert calls == [] and saver.pending
    qtbot.waitUntil(lambda: calls == [1], timeout=2000)
    assert saver.state == saver.SAVED and not saver.pending
