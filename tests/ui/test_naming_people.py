"""Who answers name the household's people, chosen with the mouse and keyboard in the interview and
in child mode, kept in the store, and compared person by person: two parents who each choose
themselves differ. Older answers ("A parent or carer at home") stay as they were. Names fictional."""

from datetime import date

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QRadioButton

from dayinlife import people
from dayinlife.case import Answer, Perspective, PerspectiveKind
from dayinlife.store import Store
from dayinlife.ui import dialogs
from dayinlife.ui.autosave import Autosaver
from dayinlife.ui.compare_page import ComparePage
from tests.ui.conftest import FakeShell
from tests.ui.test_case_page import click
from tests.ui.test_interview_page import PASS, household, lib, page_for, session  # noqa: F401 (fixtures)

MORGAN, ROBIN = "Morgan Fictional (mother)", "Robin Fictional (step-parent)"
OLLIE = "Ollie Fictional (another child at home)"


def who_combo(card):
    return next(combo for mid, combo in card.measures.items() if mid == "who")


def choose(qtbot, combo, label):
    """Open the drop-down with a click and pick `label` with the arrow keys and Return."""
    qtbot.mouseClick(combo, Qt.MouseButton.LeftButton)
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    target = combo.findText(label)
    assert target > 0, f"{label!r} is not offered"
    for _ in range(abs(target - combo.currentIndex())):
        qtbot.keyClick(view, Qt.Key.Key_Down if target > combo.currentIndex() else Qt.Key.Key_Up)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not view.isVisible())
    assert combo.currentText() == label


def saved(page):
    page.autosaver.flush()
    return page.autosaver.state == Autosaver.SAVED


def stored(tmp_path, case, interview=0):
    with Store.open(tmp_path / "data", PASS) as again:
        return again.load_case(case.id).children[0].interviews[interview]


def parent_interview(session, household, adult=0):
    child = household.children[0]
    return child, session.start_interview(household, child,
                                          Perspective(PerspectiveKind.PARENT, household.adults[adult].id),
                                          "primary", date(2026, 11, 20))


@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing",
                            "does not support propagateSizeHints")  # offscreen popups
def test_the_drop_down_names_the_household_and_each_parent_choosing_themselves_differs(
        qtbot, session, household, tmp_path):
    child, morgan_iv = parent_interview(session, household, 0)
    page, _ = page_for(qtbot, session, household, child, morgan_iv)
    card = page.cards[0]  # getting up
    combo = who_combo(card)
    offered = [combo.itemText(i) for i in range(combo.count())]
    assert offered[1:4] == [MORGAN, ROBIN, f"{MORGAN} and {ROBIN}"]
    assert OLLIE not in offered  # a baby (11 months) never gets his sister up
    assert "Tamsin Fictional (another child at home)" not in offered  # the child asked about is "on their own"
    assert "A parent or carer at home" not in offered
    choose(qtbot, combo, MORGAN)
    qtbot.waitUntil(lambda: saved(page), timeout=5000)
    assert stored(tmp_path, household).answers[card.key].measures["who"] == "person:" + household.adults[0].id

    _, robin_iv = parent_interview(session, household, 1)
    page2, _ = page_for(qtbot, session, household, child, robin_iv)
    choose(qtbot, who_combo(page2.cards[0]), ROBIN)
    qtbot.waitUntil(lambda: saved(page2), timeout=5000)

    # compared: each meant "me", and they are two different people
    again = session.open_case(household.id)
    shell = FakeShell(session)
    compare = ComparePage(shell)
    qtbot.addWidget(compare)
    compare.resize(1300, 800)
    compare.show()
    compare.show_child(again, again.children[0])
    rows = [r for r in range(compare.grid.rowCount())
            if (compare.grid.item(r, 0) and compare.grid.item(r, 0).text().startswith("Who gets Tamsin up"))]
    assert len(rows) == 1
    texts = [compare.grid.item(rows[0], c).text() if compare.grid.item(rows[0], c) else ""
             for c in range(compare.grid.columnCount())]
    assert texts[compare.agreement_column].startswith("≠ Differ")
    assert f"≠ {MORGAN}" in texts and f"≠ {ROBIN}" in texts


@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing",
                            "does not support propagateSizeHints")  # offscreen popups
def test_an_older_answer_that_cannot_say_who_stays_when_the_interview_is_edited(qtbot, session, household, tmp_path):
    child, iv = parent_interview(session, household, 0)
    session.save_answer(iv, "getting_up", Answer("Me, every day", {"who": "parent_carer"}))
    page, _ = page_for(qtbot, session, household, child, iv)
    card = page.cards[0]
    combo = who_combo(card)
    assert combo.currentText() == "A parent or carer at home"  # shown as it was given
    assert combo.findText("A brother or sister") == -1  # older options are not offered
    # the practitioner adds to the notes; the older answer is kept, never changed or dropped
    box = card.text
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(box, " and at weekends")
    qtbot.waitUntil(lambda: saved(page), timeout=5000)
    kept = stored(tmp_path, household).answers["getting_up"]
    assert kept.measures["who"] == "parent_carer" and kept.text.endswith("and at weekends")
    # and it can be changed to a person now
    choose(qtbot, combo, MORGAN)
    qtbot.waitUntil(lambda: saved(page), timeout=5000)
    assert stored(tmp_path, household).answers["getting_up"].measures["who"] == "person:" + household.adults[0].id


def test_the_child_taps_a_name_in_child_mode(qtbot, session, household, tmp_path, monkeypatch):
    from dayinlife.ui.child_mode import ChildModeWindow

    from dayinlife.case import Child

    child = household.children[0]
    household.children.append(Child("Kit Fictional", date_of_birth=date(2011, 3, 3), pronouns="he"))
    session.save_case(household)
    iv = session.start_interview(household, child, Perspective(PerspectiveKind.CHILD), "primary", date(2026, 11, 20))
    window = ChildModeWindow(session, Autosaver(session), child, iv, session.template_for(household, iv),
                             named=tuple(people.choices(household, child)), case=household)
    window.show()
    monkeypatch.setattr(dialogs, "ASK", lambda *a, **k: None)
    try:
        pictures = window.measure_groups["who"]  # a picture over each name, the name under it
        radios = {b.label: b for b in pictures.buttons if b.isVisible()}
        kit = "Kit Fictional (another child at home)"
        assert MORGAN in radios and ROBIN in radios and kit in radios
        assert OLLIE not in radios  # a baby brother is never offered as who gets Tamsin up
        assert "Me, on my own" in radios and "A grown-up I live with" not in radios
        files = {b.label: pictures.pictures[b.value].name for b in pictures.buttons}
        assert files[ROBIN] == "grown-up.svg" and files[kit] == "brother-or-sister.svg"
        assert files["Me, on my own"] == "me.svg"
        qtbot.mouseClick(radios[ROBIN], Qt.MouseButton.LeftButton)
        qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)  # on to how it feels
        qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)  # and the next topic: saved
        key = window.steps[0][1].key
        qtbot.waitUntil(lambda: stored(tmp_path, household).answers.get(key) is not None, timeout=5000)
        assert stored(tmp_path, household).answers[key].measures["who"] == "person:" + household.adults[1].id
    finally:
        window.leave()
        window.deleteLater()
