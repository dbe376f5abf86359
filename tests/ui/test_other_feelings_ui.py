"""Other feelings beside the face (scared, cross, hurting, worried), chosen with the mouse and the
keyboard in the interview and in child mode, kept in the store, and shown in the comparison."""

from datetime import date

from PySide6.QtCore import Qt

from dayinlife.case import Perspective, PerspectiveKind
from dayinlife.store import Store
from dayinlife.ui.autosave import Autosaver
from tests.ui.test_interview_page import (  # noqa: F401 (fixtures)
    PASS, child_mode, face_buttons, household, lib, page_for, session, visible_text)


def stored_answer(tmp_path, case, key, interview=0):
    with Store.open(tmp_path / "data", PASS) as again:
        return again.load_case(case.id).children[0].interviews[interview].answers[key]


def test_the_practitioner_picks_any_number_of_other_feelings_and_can_take_one_back(
        qtbot, session, household, tmp_path):
    child = household.children[0]
    iv = session.start_interview(household, child, Perspective(PerspectiveKind.PARENT, household.adults[0].id),
                                 "primary", date(2026, 11, 20))
    page, _ = page_for(qtbot, session, household, child, iv)
    card = page.cards[0]
    assert card.also_felt is not None and card.also_felt.isVisible()
    assert "Do you think Tamsin feels any of these too" in visible_text(card)
    scared, cross, hurting, worried = face_buttons(card.also_felt)
    assert [b.label for b in (scared, cross, hurting, worried)] == ["Scared", "Cross", "Hurting", "Worried"]
    qtbot.mouseClick(face_buttons(card.feeling)[2], Qt.MouseButton.LeftButton)  # "Okay"
    qtbot.mouseClick(scared, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(worried, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(cross, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(cross, Qt.MouseButton.LeftButton)  # changed their mind
    assert scared.isChecked() and worried.isChecked() and not cross.isChecked()
    assert card.feeling.value() == "okay"  # the face stays as it was: the two are separate
    # and from the keyboard: Tab lands on a chosen feeling, arrows move, Space turns one on
    page.activateWindow()
    scared.setFocus()
    qtbot.waitUntil(scared.hasFocus)
    qtbot.keyClick(scared, Qt.Key.Key_Right)
    assert cross.hasFocus()
    qtbot.keyClick(cross, Qt.Key.Key_Right)
    qtbot.keyClick(hurting, Qt.Key.Key_Space)
    assert hurting.isChecked()
    page.autosaver.flush()
    qtbot.waitUntil(lambda: page.autosaver.state == Autosaver.SAVED, timeout=5000)
    a = stored_answer(tmp_path, household, card.key)
    assert a.feeling == "okay" and a.also_felt == ["scared", "hurting", "worried"]  # in the scale's order

    # opened again, the same feelings are chosen
    again = session.open_case(household.id)
    page2, _ = page_for(qtbot, session, again, again.children[0], again.children[0].interviews[0])
    assert page2.cards[0].also_felt.value() == ["scared", "hurting", "worried"]


def test_the_child_adds_other_feelings_on_the_faces_page(qtbot, child_mode, session, household, tmp_path):
    window, iv, _, _ = child_mode
    qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)  # on to how it feels
    assert window.part == "feel"
    assert window.also_felt.isVisible() and window.also_felt_label.isVisible()
    assert window.also_felt_label.text() == window.template.common.also_felt_child
    qtbot.mouseClick(face_buttons(window.faces)[3], Qt.MouseButton.LeftButton)  # "Sad"
    scared, cross, hurting, worried = face_buttons(window.also_felt)
    qtbot.mouseClick(scared, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(worried, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)
    assert window.part == "say"
    a = stored_answer(tmp_path, household, window.steps[0][1].key)
    assert a.feeling == "unhappy" and a.also_felt == ["scared", "worried"]
    # the next topic starts with nothing chosen; going back shows the child's choice again
    qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)
    assert window.also_felt.value() == []
    qtbot.mouseClick(window.back_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.back_button, Qt.MouseButton.LeftButton)
    assert window.part == "feel" and window.also_felt.value() == ["scared", "worried"]


def test_a_pre_birth_interview_offers_no_other_feelings(qtbot, session, household):
    from dayinlife.case import Child

    unborn = Child("Baby Fictional", expected_date=date(2027, 3, 1))
    household.children.append(unborn)
    session.save_case(household)
    iv = session.start_interview(household, unborn, Perspective(PerspectiveKind.PARENT, household.adults[0].id),
                                 "prebirth", date(2026, 11, 20))
    page, _ = page_for(qtbot, session, household, unborn, iv)
    assert all(card.also_felt is None for card in page.cards)
    assert "Scared" not in visible_text(page)


def test_the_comparison_shows_other_feelings_beside_the_face(qtbot, session, household):
    child = household.children[0]
    kid = session.start_interview(household, child, Perspective(PerspectiveKind.CHILD), "primary", date(2026, 11, 20))
    mum = session.start_interview(household, child, Perspective(PerspectiveKind.PARENT, household.adults[0].id),
                                  "primary", date(2026, 11, 21))
    for iv, feeling, others in ((kid, "okay", ["scared"]), (mum, "okay", [])):
        a = iv.answer("night")
        a.feeling, a.also_felt = feeling, others
        session.save_answer(iv, "night", a)
    from dayinlife.ui.compare_tabs import FeelingsTab

    tab = FeelingsTab()
    qtbot.addWidget(tab)
    c = session.compare(household, child, [kid, mum])
    tab.fill(c)
    t = tab.table
    cells = [t.item(r, col).text() for r in range(t.rowCount()) for col in range(t.columnCount()) if t.item(r, col)]
    assert any(text.startswith("Okay") and text.endswith("; also scared") for text in cells), cells
    assert not any("≠" in text for text in cells)  # the same face; other feelings are never steps apart
