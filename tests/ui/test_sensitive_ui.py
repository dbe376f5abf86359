"""Sensitive answers on screen, through clicks and typing: a topic asked only when the person is on
their own stays folded away until they are, folds again the moment someone else is there, and a
marked answer is folded away when the interview is opened again. Joint views show that an answer is
kept out, never what it says; child mode never shows it. All names and words are fictional."""

from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt

from dayinlife.case import Answer, Perspective, PerspectiveKind
from dayinlife.sensitive import KEPT_OUT, KEPT_OUT_WHY
from dayinlife.store import Store
from dayinlife.ui.autosave import Autosaver
from dayinlife.ui.compare_page import ComparePage
from tests.ui.conftest import FakeShell
from tests.ui.test_case_page import click
from tests.ui.test_interview_page import (  # noqa: F401 (fixtures)
    PASS, household, lib, page_for, session, visible_text)

WORDS = "He checks my phone every night and I am scared of him."


def open_stage(qtbot, page, key):
    """Click the stage that holds topic `key` in the stage list, as a person would."""
    index = next(i for i, s in enumerate(page.template.stages) if any(t.key == key for t in s.topics))
    item = page.stage_list.item(index)
    page.stage_list.scrollToItem(item)
    rect = page.stage_list.visualItemRect(item)
    qtbot.mouseClick(page.stage_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: page.stage_index == index)
    return next((c for c in page.cards if c.key == key), None)


def saved(page):
    page.autosaver.flush()
    return page.autosaver.state == Autosaver.SAVED


def stored(tmp_path, case, interview):
    with Store.open(tmp_path / "data", PASS) as again:
        return next(iv for iv in again.load_case(case.id).children[1].interviews if iv.id == interview.id)


@pytest.fixture
def baby_interview(session, household):
    baby = household.children[1]  # Ollie, 12 months on the frozen date: the baby template
    iv = session.start_interview(household, baby, Perspective(PerspectiveKind.PARENT, household.adults[0].id),
                                 "baby", date(2026, 11, 20))
    return baby, iv


def test_safe_to_talk_stays_folded_until_the_person_is_alone_and_folds_when_someone_comes_in(
        qtbot, session, household, baby_interview, tmp_path):
    baby, iv = baby_interview
    page, _ = page_for(qtbot, session, household, baby, iv)
    question = page.template.topic("safe_to_talk").parent
    card = open_stage(qtbot, page, "safe_to_talk")
    assert card.folded and question not in visible_text(page)
    assert card.alone_button.isVisible() and not card.show_button.isVisible()
    assert "only when the person is on their own" in card.fold_message.text()
    assert card.sensitive.isChecked() and not card.sensitive.isEnabled()
    # the practitioner says they are on their own now: recorded, and the questions shown
    click(qtbot, card.alone_button)
    assert not card.folded and question in visible_text(page)
    assert card.text.hasFocus() or card.text.isVisible()
    card.text.setFocus()
    qtbot.keyClicks(card.text, WORDS)
    qtbot.waitUntil(lambda: saved(page), timeout=5000)
    kept = stored(tmp_path, household, iv)
    assert kept.seen_alone is True and kept.answers["safe_to_talk"].text == WORDS
    # someone comes in: "Hide" folds it at once
    click(qtbot, card.hide_button)
    assert card.folded and WORDS not in visible_text(page)
    # back on the first stage, "No, others were there" means it cannot be opened again
    page.go_to_stage(0)
    click(qtbot, page.alone_buttons[False])
    card = open_stage(qtbot, page, "safe_to_talk")
    assert card.folded and card.alone_button.isVisible() and WORDS not in visible_text(page)
    # "Not asked" can be recorded without showing the questions
    click(qtbot, card.not_asked)
    card.reason.setFocus()
    qtbot.keyClicks(card.reason, "partner came home")
    qtbot.waitUntil(lambda: saved(page), timeout=5000)
    a = stored(tmp_path, household, iv).answers["safe_to_talk"]
    assert a.not_asked == "partner came home" and a.text == WORDS  # nothing already said is lost


def test_opened_again_with_them_alone_it_is_still_folded_until_shown(qtbot, session, household, baby_interview):
    baby, iv = baby_interview
    session.set_seen_alone(household, iv, True)
    session.save_answer(iv, "safe_to_talk", Answer(WORDS))
    page, _ = page_for(qtbot, session, household, baby, iv)
    card = open_stage(qtbot, page, "safe_to_talk")
    assert card.folded and WORDS not in visible_text(page) and card.show_button.isVisible()
    click(qtbot, card.show_button)
    assert not card.folded and card.text.toPlainText() == WORDS


def test_an_answer_marked_sensitive_is_folded_next_time_and_kept_out_of_comparing(
        qtbot, session, household, baby_interview, tmp_path):
    baby, iv = baby_interview
    page, _ = page_for(qtbot, session, household, baby, iv)
    card = open_stage(qtbot, page, "milk_feeds")
    assert not card.folded and card.sensitive.isEnabled() and not card.sensitive.isChecked()
    card.text.setFocus()
    qtbot.keyClicks(card.text, "No milk in since Tuesday.")
    click(qtbot, card.sensitive)
    assert card.hide_button.isVisible()  # it can be folded away at once
    qtbot.waitUntil(lambda: saved(page), timeout=5000)
    assert stored(tmp_path, household, iv).answers["milk_feeds"].sensitive

    again = session.open_case(household.id)
    baby2 = again.children[1]
    iv2 = next(x for x in baby2.interviews if x.id == iv.id)
    page2, _ = page_for(qtbot, session, again, baby2, iv2)
    card2 = open_stage(qtbot, page2, "milk_feeds")
    assert card2.folded and "No milk in since Tuesday." not in visible_text(page2)
    assert "Marked sensitive" in card2.fold_message.text()

    # the comparison says it is kept out, never what it says
    other = session.start_interview(again, baby2, Perspective(PerspectiveKind.PARENT, again.adults[1].id),
                                    "baby", date(2026, 11, 21))
    session.save_answer(other, "milk_feeds", Answer("She does the feeds."))
    compare = ComparePage(FakeShell(session))
    qtbot.addWidget(compare)
    compare.resize(1300, 800)
    compare.show()
    compare.show_child(again, baby2)
    voice = "Morgan Fictional (mother)"
    row, col = compare.cell_for("milk_feeds", voice)
    assert compare.grid.item(row, col).text() == KEPT_OUT
    assert "kept out of this view" in compare.counts_label.text()
    rect = compare.grid.visualItemRect(compare.grid.item(row, col))
    qtbot.mouseClick(compare.grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    shown = visible_text(compare.answer_area)
    assert KEPT_OUT_WHY in shown and "No milk in since Tuesday." not in shown


def test_child_mode_never_shows_a_kept_answer_or_a_topic_for_adults(qtbot, session, household, monkeypatch):
    from dayinlife.ui import dialogs
    from dayinlife.ui.child_mode import ChildModeWindow

    baby = household.children[1]
    iv = session.start_interview(household, baby, Perspective(PerspectiveKind.CHILD), "baby", date(2026, 11, 20))
    session.save_answer(iv, "waking", Answer("Cries a long time before anyone comes.", sensitive=True))
    window = ChildModeWindow(session, Autosaver(session), baby, iv, session.template_for(household, iv), case=household)
    monkeypatch.setattr(dialogs, "ASK", lambda *a, **k: None)
    try:
        keys = [t.key for _, t in window.steps]
        assert "waking" not in keys and "safe_to_talk" not in keys and "milk_feeds" in keys
    finally:
        window.leave()
        window.deleteLater()


def test_the_export_panel_adds_the_section_only_when_asked_and_never_anonymised(qtbot, session, household,
                                                                                 baby_interview, tmp_path,
                                                                                 monkeypatch):
    import docx

    from dayinlife.sensitive import SECTION_TITLE
    from dayinlife.ui import dialogs

    baby, iv = baby_interview
    session.set_seen_alone(household, iv, True)
    session.save_answer(iv, "safe_to_talk", Answer(WORDS))
    compare = ComparePage(FakeShell(session))
    qtbot.addWidget(compare)
    compare.resize(1300, 800)
    compare.show()
    compare.show_child(household, baby)
    panel = compare.export_panel
    compare.tabs.setCurrentWidget(panel)
    asked = []
    monkeypatch.setattr(dialogs, "ASK", lambda kind, parent, title, text, **k:
                        asked.append(text) or tmp_path / asked_name(text))

    def asked_name(text):
        return text.replace("\\", "/").rsplit("/", 1)[-1]

    assert panel.sensitive.isEnabled() and not panel.sensitive.isChecked()
    click(qtbot, panel.anonymise)
    assert not panel.sensitive.isEnabled()
    click(qtbot, panel.anonymise)
    click(qtbot, panel.sensitive)
    qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
    written = tmp_path / asked_name(asked[-1])
    assert written.name.endswith("-prof.docx")
    paragraphs = [p.text for p in docx.Document(str(written)).paragraphs]
    start = paragraphs.index(SECTION_TITLE)
    assert f"“{WORDS}”" in paragraphs[start:] and not any(WORDS in t for t in paragraphs[:start])
    # the next report starts without it again
    compare.show_child(household, baby)
    assert not panel.sensitive.isChecked()


def test_a_parent_is_never_shown_the_young_persons_own_topics(qtbot, session, household):
    young = household.children[0]
    iv = session.start_interview(household, young, Perspective(PerspectiveKind.PARENT, household.adults[0].id),
                                 "teenager", date(2026, 11, 20))
    page, _ = page_for(qtbot, session, household, young, iv)
    seen = set()
    for n in range(len(page.template.stages)):
        page.go_to_stage(n)
        seen |= {c.key for c in page.cards}
        for card in page.cards:  # every seen-alone topic waits for them to be on their own
            if page.template.topic(card.key).seen_alone:
                assert card.folded and card.alone_button.isVisible(), card.key
    assert "mood_wellbeing" in seen and "going_missing" in seen
    assert "relationships_consent" not in seen and "future_choices" not in seen
    assert page.progress_label.text().endswith(f"of {page.template.topic_count - 5} topics answered")


def test_the_disabled_template_shows_the_safety_topics_for_the_childs_age(qtbot, session, household):
    for child, expected in ((household.children[1], ["safe_sleep_crying", "safe_to_talk"]),
                            (household.children[0], ["bullying", "safe_to_talk"])):
        iv = session.start_interview(household, child, Perspective(PerspectiveKind.PARENT, household.adults[0].id),
                                     "disabled", date(2026, 11, 20))
        page, _ = page_for(qtbot, session, household, child, iv)
        open_stage(qtbot, page, "bullying")  # the last stage: "Keeping safe as they grow"
        assert [c.key for c in page.cards] == expected, child.name
        total = sum(len([t for t in s.topics if t.fits(None)]) for s in page.template.stages)
        by_age = [t for s in page.template.stages for t in s.topics if t.ages]
        fitting = [k for k in expected if page.template.topic(k).ages]
        assert page.progress_label.text().endswith(f"of {total - len(by_age) + len(fitting)} topics answered")


def test_the_grid_says_when_the_template_never_asked_that_person(qtbot, session, household):
    child = household.children[0]
    kid = session.start_interview(household, child, Perspective(PerspectiveKind.CHILD), "primary",
                                  date(2026, 11, 20))
    mum = session.start_interview(household, child, Perspective(PerspectiveKind.PARENT, household.adults[0].id),
                                  "primary", date(2026, 11, 20))
    session.save_answer(kid, "health", Answer("I had a cold"))
    session.save_answer(mum, "health", Answer("Registered at the surgery", {"gp_registered": "yes"}))
    compare = ComparePage(FakeShell(session))
    qtbot.addWidget(compare)
    compare.resize(1300, 800)
    compare.show()
    compare.show_child(household, child)
    kid_voice = next(v.label for v in compare.comparison.voices if v.kind is PerspectiveKind.CHILD)
    mum_voice = next(v.label for v in compare.comparison.voices if v.kind is PerspectiveKind.PARENT)
    row, col = compare.cell_for("worries_at_home", mum_voice)
    assert compare.grid.item(row, col).text() == "— (not asked of a parent)"
    rows = compare._rows_of[next(i for i, tc in enumerate(compare.comparison.topics) if tc.topic.key == "health")]
    gp_row = next(r for r in rows if "GP" in compare.grid.item(r, 0).text())
    assert compare.grid.item(gp_row, compare._voice_columns[kid_voice]).text() == "— (not asked of a child)"
    assert compare.grid.item(gp_row, compare._voice_columns[mum_voice]).text() == "Yes"
