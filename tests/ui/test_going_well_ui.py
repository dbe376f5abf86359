"""What goes well, typed in the interview and in child mode, kept in the store. Fictional."""

from datetime import date

from PySide6.QtCore import Qt

from dayinlife.case import Perspective, PerspectiveKind
from dayinlife.store import Store
from dayinlife.ui.autosave import Autosaver
from tests.ui.test_interview_page import (  # noqa: F401 (fixtures)
    PASS, child_mode, household, lib, page_for, session, visible_text)


def stored(tmp_path, case, key):
    with Store.open(tmp_path / "data", PASS) as again:
        return again.load_case(case.id).children[0].interviews[0].answers[key]


def test_the_practitioner_types_what_goes_well_and_it_is_kept(qtbot, session, household, tmp_path):
    child = household.children[0]
    iv = session.start_interview(household, child, Perspective(PerspectiveKind.PARENT, household.adults[0].id),
                                 "primary", date(2026, 11, 20))
    page, _ = page_for(qtbot, session, household, child, iv)
    card = page.cards[0]
    assert card.well is not None and "What goes well for Tamsin" in visible_text(card)
    page.area.ensureWidgetVisible(card.well)
    qtbot.mouseClick(card.well.viewport(), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(card.well, "She sings on the way down the stairs")
    page.autosaver.flush()
    qtbot.waitUntil(lambda: page.autosaver.state == Autosaver.SAVED, timeout=5000)
    assert stored(tmp_path, household, card.key).well == "She sings on the way down the stairs"
    again = session.open_case(household.id)
    page2, _ = page_for(qtbot, session, again, again.children[0], again.children[0].interviews[0])
    assert page2.cards[0].well.toPlainText() == "She sings on the way down the stairs"


def test_the_child_says_what_is_good_beside_their_own_words(qtbot, child_mode, household, tmp_path):
    window, iv, _, _ = child_mode
    assert window.well.isVisible() and window.well_label.text() == window.template.common.well_child
    qtbot.mouseClick(window.well.viewport(), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(window.well, "My cat sleeps on my bed")
    qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)  # on to the faces
    assert not window.well.isVisible()
    qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)  # the next topic: saved
    assert stored(tmp_path, household, window.steps[0][1].key).well == "My cat sleeps on my bed"
    assert window.well.toPlainText() == ""  # the next topic starts empty


def test_the_child_is_asked_the_comparable_questions_in_their_own_words(qtbot, child_mode):
    from PySide6.QtWidgets import QLabel

    window, iv, _, _ = child_mode
    shown = [w.text() for w in window.findChildren(QLabel) if w.isVisible()]
    topic = window.steps[0][1]
    for m in topic.measures:
        assert m.child_label and m.child_label in shown  # "Who gets you up on a school day?"
        assert window.template.render(m.label, "Tamsin", "she") not in shown  # never "Who gets Tamsin up ..."
