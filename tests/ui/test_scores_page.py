"""Scores from other tools, entered as a practitioner enters them: the button on the case page, Ctrl+N,
the tool chosen with the keyboard, scores stepped with the arrow keys (the lowest step is "not
scored"), the date typed digit by digit; kept in a real store; a score out of range refused."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from dayinlife.case import AdultRole, Perspective, PerspectiveKind
from dayinlife.ui import dialogs
from tests.ui.conftest import Answers, unlocked_window

PASS = "not a real passphrase"


@pytest.fixture
def window(qtbot, tmp_path, library, today):
    w = unlocked_window(qtbot, tmp_path / "data", library, PASS)
    s = w.session
    case = s.new_case("FICT-SCORES-1")
    s.add_adult(case, "Dee Fictional", AdultRole.MOTHER)
    amy = s.add_child(case, name="Amy Fictional", date_of_birth=date(2017, 4, 2))
    s.start_interview(case, amy, Perspective(PerspectiveKind.CHILD), "primary", date(2026, 11, 20))
    w.open_case(case.id)
    yield w, case.id
    w.close()


def open_scores(qtbot, w):
    qtbot.mouseClick(w.case_page.scores_button, Qt.MouseButton.LeftButton)
    page = w.scores_page
    assert w.stack.currentWidget() is page and page.empty.isVisible()
    return page


def test_a_gcp2_typed_in_is_kept_with_areas_not_scored_left_out(qtbot, window, today):
    w, case_id = window
    page = open_scores(qtbot, w)
    qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert page.panel_area.isVisible() and page.tool.hasFocus() and page.tool.currentData() == "gcp2"
    assert [lab.text() for lab, _spin in page.area_rows] == [
        "Physical care", "Care of safety", "Emotional care: love and belonging", "Developmental care: esteem"]
    assert "1 is the best care, 5 the poorest" in page.better_note.text()
    page.date_edit.setFocus()
    page.date_edit.selectAll()
    qtbot.keyClicks(page.date_edit, "02112026")
    qtbot.keyClick(page.date_edit, Qt.Key.Key_Tab)
    qtbot.keyClicks(page.by_edit, "R. Quill, social worker, with Dee")
    physical, safety, love, esteem = (spin for _lab, spin in page.area_rows)
    assert physical.text() == "not scored"
    physical.setFocus()
    for _ in range(4):
        qtbot.keyClick(physical, Qt.Key.Key_Up)          # not scored → 1 → 2 → 3 → 4
    love.setFocus()
    qtbot.keyClick(love, Qt.Key.Key_Up)
    qtbot.keyClick(love, Qt.Key.Key_Up)                  # 2
    page.notes.setFocus()
    qtbot.keyClicks(page.notes, "Dee agreed physical care was the worry.")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    (kept,) = w.session.open_case(case_id).scores
    assert (kept.measure, kept.on, kept.by) == ("gcp2", date(2026, 11, 2), "R. Quill, social worker, with Dee")
    assert [(sc.area, sc.value) for sc in kept.scores] == [("physical", 4), ("love", 2)]
    assert kept.child_ids == [w.case_page.case.children[0].id]          # the only child, ticked for you
    assert page.table.item(0, 2).text() == "Physical 4; Love and belonging 2"
    assert page.table.item(0, 2).toolTip() == ("Physical care: 4\nEmotional care: love and belonging: 2\n"
                                               "1 is the best care, 5 the poorest.")


def test_an_outcomes_star_names_its_areas_and_a_measure_of_our_own_its_range(qtbot, window, monkeypatch):
    w, case_id = window
    page = open_scores(qtbot, w)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    page.tool.setFocus()
    qtbot.keyClick(page.tool, Qt.Key.Key_Down)
    qtbot.keyClick(page.tool, Qt.Key.Key_Down)                           # Outcomes Star
    assert page.tool.currentData() == "star" and page.name_edit.isVisible()
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert "Say which star it is." in page.message.text()
    qtbot.keyClicks(page.name_edit, "Family Star Plus")
    area, spin = page.area_rows[0]
    qtbot.keyClicks(area, "Keeping your children safe")
    spin.setFocus()
    for _ in range(6):
        qtbot.keyClick(spin, Qt.Key.Key_Up)                              # 6
    qtbot.mouseClick(page.add_area_button, Qt.MouseButton.LeftButton)
    area2, spin2 = page.area_rows[1]
    qtbot.waitUntil(area2.hasFocus)
    qtbot.keyClicks(area2, "Boundaries and behaviour")
    spin2.setFocus()
    qtbot.keyClick(spin2, Qt.Key.Key_PageUp)                             # ten steps: the top, 10
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    (star,) = w.session.open_case(case_id).scores
    assert star.title == "Outcomes Star (Family Star Plus)"
    assert [(sc.area, sc.value) for sc in star.scores] == [("Keeping your children safe", 6),
                                                          ("Boundaries and behaviour", 10)]

    # Enter on the row opens it; Delete removes it after asking
    page.table.setFocus()
    page.table.selectRow(0)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert page.panel_area.isVisible() and page.name_edit.text() == "Family Star Plus"
    qtbot.keyClick(page.name_edit, Qt.Key.Key_Escape)
    monkeypatch.setattr(dialogs, "ASK", Answers(True))
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert w.session.open_case(case_id).scores == []


def test_a_date_in_the_future_is_said_and_nothing_kept(qtbot, window, today):
    w, case_id = window
    page = open_scores(qtbot, w)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    page.date_edit.setFocus()
    page.date_edit.selectAll()
    qtbot.keyClicks(page.date_edit, f"01/01/{today.year + 1}")
    physical = page.area_rows[0][1]
    physical.setFocus()
    qtbot.keyClick(physical, Qt.Key.Key_Up)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert "in the future" in page.date_edit.message.text() and w.session.open_case(case_id).scores == []


def test_alt_keys_on_the_form_are_its_own_not_the_menus(qtbot, window):
    from PySide6.QtWidgets import QLabel, QPushButton

    w, _case_id = window
    page = open_scores(qtbot, w)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    menus = {a.text()[a.text().index("&") + 1].lower() for a in w.menuBar().actions() if "&" in a.text()}
    mine = [b.text() for b in page.findChildren(QPushButton) + page.findChildren(QLabel)
            if "&" in b.text() and b.isVisibleTo(page)]
    taken = [t[t.index("&") + 1].lower() for t in mine]
    assert not menus & set(taken) and len(taken) == len(set(taken)), mine
