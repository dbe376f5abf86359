"""The wider family, entered as a practitioner enters it: the button on the case page, a relative
typed in, the year stepped with the arrows, a relationship chosen from the lists, the history typed;
all kept in a real store; the report's genogram draws it."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from dayinlife.case import AdultRole
from dayinlife.family import Bond, Gender, Role
from tests.ui.conftest import unlocked_window

PASS = "not a real passphrase"


@pytest.fixture
def window(qtbot, tmp_path, library):
    w = unlocked_window(qtbot, tmp_path / "data", library, PASS)
    s = w.session
    case = s.new_case("FICT-FAMILY-1")
    s.add_adult(case, "Dee Fictional", AdultRole.MOTHER)
    s.add_child(case, name="Amy Fictional", date_of_birth=date(2017, 4, 2))
    w.open_case(case.id)
    yield w, case.id
    w.close()


def choose(qtbot, combo, text: str) -> None:
    """Pick an item of a drop-down with the keyboard: Home, then Down until it is shown."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentText() == text:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == text


def test_a_relative_a_relationship_and_the_history_are_kept(qtbot, window):
    w, case_id = window
    qtbot.mouseClick(w.case_page.family_button, Qt.MouseButton.LeftButton)
    page = w.family_page
    assert w.stack.currentWidget() is page
    qtbot.mouseClick(page.add_relative_button, Qt.MouseButton.LeftButton)
    assert page.panel.isVisible() and page.name_edit.hasFocus()
    qtbot.mouseClick(page.save_relative_button, Qt.MouseButton.LeftButton)
    assert "Give their name" in page.panel_message.text()
    qtbot.keyClicks(page.name_edit, "Rosa Fictional")
    choose(qtbot, page.role_combo, "Grandparent")
    qtbot.keyClicks(page.detail_edit, "Nana")
    choose(qtbot, page.gender_combo, "Female")
    page.born_spin.setFocus()
    page.born_spin.lineEdit().selectAll()
    qtbot.keyClicks(page.born_spin, "1961")
    qtbot.keyClicks(page.where_edit, "Next street; Amy stays Saturdays")
    assert page.save_relative_button.height() > 0    # the form was squeezed to nothing in the scrolling page once
    qtbot.mouseClick(page.save_relative_button, Qt.MouseButton.LeftButton)
    assert not page.panel.isVisible()
    (rosa,) = w.session.open_case(case_id).family.relatives
    assert (rosa.name, rosa.role, rosa.role_detail, rosa.gender, rosa.born, rosa.where) == (
        "Rosa Fictional", Role.GRANDPARENT, "Nana", Gender.FEMALE, 1961, "Next street; Amy stays Saturdays")

    choose(qtbot, page.link_a, "Rosa Fictional (Nana)")
    choose(qtbot, page.link_bond, "is a parent of")
    choose(qtbot, page.link_b, "Dee Fictional (mother)")
    qtbot.mouseClick(page.add_link_button, Qt.MouseButton.LeftButton)
    (link,) = w.session.open_case(case_id).family.links
    assert (link.a, link.b, link.bond) == (rosa.id, w.case_page.case.adults[0].id, Bond.PARENT)
    assert "Rosa Fictional (Nana) is a parent of Dee Fictional (mother)" in page.links_list.text()
    # the family's own words as typed ("Nana"), not lowered as a role label is after a name
    qtbot.mouseClick(page.add_link_button, Qt.MouseButton.LeftButton)      # the same again: said, not kept
    assert "joined twice" in page.link_message.text()

    page.history.setFocus()
    qtbot.keyClicks(page.history, "Dee grew up with Rosa.")
    dee_box = next(iter(page.childhood.values()))
    dee_box.setFocus()                                                     # leaving the history keeps it
    qtbot.keyClicks(dee_box, "Looked after by her nan from 6.")
    qtbot.mouseClick(page.back_button, Qt.MouseButton.LeftButton)          # and leaving the page keeps this
    f = w.session.open_case(case_id).family
    assert f.history == "Dee grew up with Rosa." and list(f.childhood.values()) == ["Looked after by her nan from 6."]
    assert w.stack.currentWidget() is w.case_page


def test_the_households_gender_and_year_for_the_genogram(qtbot, window):
    w, case_id = window
    w.open_family(w.case_page.case)
    page = w.family_page
    dee = w.case_page.case.adults[0]
    gender, born, died = page.household_rows[dee.id]
    choose(qtbot, gender, "Female")
    born.setFocus()
    born.lineEdit().selectAll()
    qtbot.keyClicks(born, "1990")
    qtbot.keyClick(born, Qt.Key.Key_Tab)
    d = w.session.open_case(case_id).family.details[dee.id]
    assert (d.gender, d.born, d.died) == (Gender.FEMALE, 1990, False)


def test_alt_keys_on_the_page_are_its_own_not_the_menus(qtbot, window):
    from PySide6.QtWidgets import QLabel, QPushButton

    w, _case_id = window
    w.open_family(w.case_page.case)
    page = w.family_page
    page.add_relative()
    menus = {a.text()[a.text().index("&") + 1].lower() for a in w.menuBar().actions() if "&" in a.text()}
    mine = [b.text() for b in page.findChildren(QPushButton) + page.findChildren(QLabel)
            if "&" in b.text() and b.isVisibleTo(page)]
    taken = [t[t.index("&") + 1].lower() for t in mine]
    assert not menus & set(taken) and len(taken) == len(set(taken)), mine
