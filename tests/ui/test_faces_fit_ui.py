"""The faces that fit, clicked as a person would: three big faces for a preschool child in child
mode, a baby's states in a baby's interview, and before birth the parent's own feelings (with no
faces at all on the baby's side)."""

from datetime import date

from PySide6.QtCore import Qt

from dayinlife.case import Child, Perspective, PerspectiveKind
from dayinlife.store import Store
from dayinlife.ui import dialogs
from dayinlife.ui.autosave import Autosaver
from tests.ui.test_interview_page import (  # noqa: F401 (fixtures)
    PASS, face_buttons, household, lib, page_for, session, visible_text)


def stored(tmp_path, case, child_index, key):
    with Store.open(tmp_path / "data", PASS) as again:
        return again.load_case(case.id).children[child_index].interviews[0].answers[key]


def add_child(session, case, child):
    case.children.append(child)
    session.save_case(case)
    return len(case.children) - 1


def test_a_preschool_child_taps_one_of_three_big_faces(qtbot, session, household, tmp_path, monkeypatch):
    from dayinlife.ui.child_mode import ChildModeWindow

    index = add_child(session, household, Child("Poppy Fictional", date_of_birth=date(2023, 6, 1), pronouns="she"))
    kid = household.children[index]
    iv = session.start_interview(household, kid, Perspective(PerspectiveKind.CHILD), "preschool", date(2026, 11, 20))
    monkeypatch.setattr(dialogs, "ASK", lambda *a, **k: None)
    window = ChildModeWindow(session, Autosaver(session), kid, iv, session.template_for(household, iv), case=household)
    window.show()
    try:
        qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)  # on to how it feels
        faces = face_buttons(window.faces)
        assert [b.label for b in faces] == ["Happy", "Okay", "Sad"]
        qtbot.mouseClick(faces[2], Qt.MouseButton.LeftButton)
        qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)
        assert stored(tmp_path, household, index, window.steps[0][1].key).feeling == "unhappy"
    finally:
        window.leave()
        window.deleteLater()


def test_a_babys_interview_offers_the_babys_states(qtbot, session, household):
    baby = household.children[1]  # Ollie, born December 2025
    iv = session.start_interview(household, baby, Perspective(PerspectiveKind.PARENT, household.adults[0].id),
                                 "baby", date(2026, 11, 20))
    page, _ = page_for(qtbot, session, household, baby, iv)
    card = page.cards[0]
    assert "How does Ollie seem at this time of day?" in visible_text(card)
    states = face_buttons(card.feeling)
    assert [b.label for b in states] == ["Settled and content", "Alert and interested", "Unsettled",
                                         "Distressed, crying hard", "Very quiet or withdrawn"]
    qtbot.mouseClick(states[4], Qt.MouseButton.LeftButton)
    assert card.feeling.value() == "withdrawn"


def test_before_birth_the_parent_gives_their_own_feeling_and_the_baby_has_no_faces(
        qtbot, session, household, tmp_path):
    index = add_child(session, household, Child("Baby Fictional", expected_date=date(2027, 3, 1)))
    unborn = household.children[index]
    parent_iv = session.start_interview(household, unborn, Perspective(PerspectiveKind.PARENT, household.adults[0].id),
                                        "prebirth", date(2026, 11, 20))
    page, _ = page_for(qtbot, session, household, unborn, parent_iv)
    card = page.cards[0]
    assert "How do you feel at this point in your day?" in visible_text(card)
    qtbot.mouseClick(face_buttons(card.feeling)[3], Qt.MouseButton.LeftButton)  # "Unhappy"
    page.autosaver.flush()
    qtbot.waitUntil(lambda: page.autosaver.state == Autosaver.SAVED, timeout=5000)
    assert stored(tmp_path, household, index, card.key).feeling == "unhappy"

    baby_iv = session.start_interview(household, unborn, Perspective(PerspectiveKind.CHILD), "prebirth",
                                      date(2026, 11, 21))
    page2, _ = page_for(qtbot, session, household, unborn, baby_iv)
    assert all(c.feeling is None for c in page2.cards)  # an unborn baby is not given faces to be rated on
    assert "How might I be" not in visible_text(page2) and "How do you feel" not in visible_text(page2)


def test_the_feelings_tab_says_what_its_faces_are(qtbot, session, household):
    from dayinlife.case import Answer
    from dayinlife.ui.compare_page import ComparePage
    from tests.ui.conftest import FakeShell

    index = add_child(session, household, Child("Baby Fictional", expected_date=date(2027, 3, 1)))
    unborn = household.children[index]
    mum = session.start_interview(household, unborn, Perspective(PerspectiveKind.PARENT, household.adults[0].id),
                                  "prebirth", date(2026, 11, 20))
    session.save_answer(mum, "parents_day_now", Answer("Up at six for my shift", feeling="unhappy"))
    compare = ComparePage(FakeShell(session))
    qtbot.addWidget(compare)
    compare.resize(1100, 700)
    compare.show()
    compare.show_child(household, unborn)
    qtbot.mouseClick(compare.tabs.tabBar(), Qt.MouseButton.LeftButton,
                     pos=compare.tabs.tabBar().tabRect(compare.tabs.indexOf(compare.feelings)).center())
    assert compare.feelings.isVisible()
    assert "each adult feels at each point of their own day" in compare.feelings.intro.text()
    header = compare.feelings.table.horizontalHeaderItem(0).text()
    assert header == "Nothing to set side by side: the faces here are each adult's own"
    assert compare.feelings.table.columnWidth(0) > compare.feelings.table.fontMetrics().horizontalAdvance(header)

    compare.show_child(household, household.children[0])  # Tamsin, primary: five faces
    assert "steps on the 5 faces" in compare.feelings.intro.text()
