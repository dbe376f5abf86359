"""The case page: the household (adults and children) and each child's interviews, driven through
the widgets against a real store and read back from it."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QRadioButton,
    QWidget,
)

from dayinlife.interview import overall_progress
from dayinlife.case import Adult, AdultRole, Answer, Case, Child, Perspective, PerspectiveKind
from dayinlife.ui import dialogs
from dayinlife.ui.date_field import DateField
from dayinlife.ui.case_page import PROFESSIONAL_LABEL, CasePage
from tests.conftest import AWKWARD_DAYS

on_awkward_days = pytest.mark.parametrize("today", AWKWARD_DAYS, indirect=True, ids=str)


from tests.ui.a11y import gaps  # noqa: E402
from tests.ui.conftest import Answers, FakeShell  # noqa: E402,F401


@pytest.fixture
def never_asked(monkeypatch):
    ask = Answers(None)
    monkeypatch.setattr(dialogs, "ASK", ask)
    return ask


def make_page(qtbot, shell, case: Case) -> CasePage:
    page = CasePage(shell)
    qtbot.addWidget(page)
    page.resize(1000, 800)
    with qtbot.waitActive(page):
        page.show()
        page.activateWindow()
    page.show_case(case)
    return page


def years_ago(today: date, years: int, days: int = 0) -> date:
    try:
        then = today.replace(year=today.year - years)
    except ValueError:  # 29 February
        then = today.replace(year=today.year - years, day=28)
    return then - timedelta(days=days)


def type_into(qtbot, edit: DateField, typed: str) -> None:
    """As a person would: click in the field (unless it already has the focus, with its text selected,
    as after a refused save), type the digits one by one, then Tab on."""
    assert edit.isVisible() and edit.isEnabled()
    if not edit.hasFocus():
        qtbot.mouseClick(edit, Qt.MouseButton.LeftButton)
    assert edit.hasFocus() and edit.selectedText() == edit.text()
    qtbot.keyClicks(edit, typed)
    qtbot.keyClick(edit, Qt.Key.Key_Tab)


def type_date(qtbot, edit: DateField, day: date) -> None:
    type_into(qtbot, edit, day.strftime("%d%m%Y"))
    assert edit.text() == f"{day:%d/%m/%Y}" and edit.date() == day and not edit.message.isVisible()


def click(qtbot, button: QAbstractButton) -> None:
    assert button.isVisible() and button.isEnabled(), button.objectName()
    if isinstance(button, (QCheckBox, QRadioButton)):  # on the box itself, not the empty space beside the words
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))
    else:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def cells(table, column: int) -> list[str]:
    return [table.item(row, column).text() for row in range(table.rowCount())]


def new_case(shell, reference: str = "TEST-3000") -> Case:
    return shell.session.new_case(reference)


def household(shell, today: date | None = None) -> Case:
    """Two adults and two children, written through the session (for the tests not about adding)."""
    today = today or date.today()
    case = new_case(shell)
    case.adults = [Adult("Jo Example", AdultRole.MOTHER), Adult("Lee Example", AdultRole.FATHER)]
    case.children = [Child("Riley Example", date_of_birth=years_ago(today, 7, 30), known_as="Ri"),
                     Child("Baby Example", expected_date=today + timedelta(days=60))]
    shell.session.save_case(case)
    return case


# --------------------------------------------------------------------------- adults


def test_add_two_adults_by_keyboard_and_mouse(qtbot, shell, store, never_asked):
    case = new_case(shell)
    page = make_page(qtbot, shell, case)
    assert page.no_adults_label.isVisible() and not page.adult_table.isVisible()

    click(qtbot, page.add_adult_button)
    assert page.adult_panel.isVisible() and page.adult_name_edit.hasFocus()
    assert not page.adult_detail_edit.isVisible()  # only for "Other"
    qtbot.keyClicks(page.adult_name_edit, "Jo Example")
    qtbot.keyClick(page.adult_name_edit, Qt.Key.Key_Tab)
    assert page.adult_role_combo.hasFocus()
    qtbot.keyClicks(page.adult_role_combo, "Fa")
    assert page.adult_role_combo.currentText() == "Father"
    qtbot.keyClick(page.adult_name_edit, Qt.Key.Key_Return)
    assert not page.adult_panel.isVisible()

    click(qtbot, page.add_adult_button)
    qtbot.keyClicks(page.adult_name_edit, "Sam Sample")
    page.adult_role_combo.setFocus()
    qtbot.keyClick(page.adult_role_combo, Qt.Key.Key_End)
    assert page.adult_role_combo.currentData() == AdultRole.OTHER.value
    assert page.adult_detail_edit.isVisible()
    click(qtbot, page.save_adult_button)  # no detail yet: refused
    assert page.adult_message.isVisible() and page.adult_detail_edit.hasFocus()
    assert len(store.load_case(case.id).adults) == 1
    qtbot.keyClicks(page.adult_detail_edit, "mum's partner")
    click(qtbot, page.save_adult_button)

    saved = store.load_case(case.id)
    assert [(a.name, a.role, a.role_detail) for a in saved.adults] == [
        ("Jo Example", AdultRole.FATHER, ""), ("Sam Sample", AdultRole.OTHER, "mum's partner")]
    assert cells(page.adult_table, 0) == ["Jo Example", "Sam Sample"]
    assert cells(page.adult_table, 1) == ["Father", "Mum's partner"]
    assert never_asked.asked == []


def test_an_adult_needs_a_name_and_cancel_saves_nothing(qtbot, shell, store):
    case = new_case(shell)
    page = make_page(qtbot, shell, case)
    click(qtbot, page.add_adult_button)
    qtbot.keyClick(page.adult_name_edit, Qt.Key.Key_Return)
    assert page.adult_message.isVisible() and "name" in page.adult_message.text()
    qtbot.keyClicks(page.adult_name_edit, "Not Saved")
    qtbot.keyClick(page.adult_name_edit, Qt.Key.Key_Escape)
    assert not page.adult_panel.isVisible()
    assert store.load_case(case.id).adults == []


def test_edit_an_adult(qtbot, shell, store):
    case = household(shell)
    page = make_page(qtbot, shell, case)
    page.adult_table.selectRow(1)
    page.adult_table.setFocus()
    qtbot.keyClick(page.adult_table, Qt.Key.Key_Return)  # Enter edits
    assert page.adult_panel.isVisible() and page.adult_name_edit.text() == "Lee Example"
    page.adult_name_edit.selectAll()
    qtbot.keyClicks(page.adult_name_edit, "Lee Sample")
    page.adult_role_combo.setFocus()
    qtbot.keyClicks(page.adult_role_combo, "Step")
    click(qtbot, page.save_adult_button)
    adult = store.load_case(case.id).adults[1]
    assert (adult.name, adult.role, adult.id) == ("Lee Sample", AdultRole.STEP_PARENT, case.adults[1].id)


def test_removing_an_adult_without_interviews_asks_nothing(qtbot, shell, store, never_asked):
    case = household(shell)
    page = make_page(qtbot, shell, case)
    page.adult_table.selectRow(1)
    click(qtbot, page.remove_adult_button)
    assert never_asked.asked == []
    assert [a.name for a in store.load_case(case.id).adults] == ["Jo Example"]
    assert cells(page.adult_table, 0) == ["Jo Example"]


def test_removing_an_adult_who_gave_interviews_asks_and_deletes_them(qtbot, shell, store, monkeypatch):
    case = household(shell)
    riley, jo = case.children[0], case.adults[0]
    for _ in range(2):
        shell.session.start_interview(case, riley, Perspective(PerspectiveKind.PARENT, jo.id), "primary", date.today())
    shell.session.start_interview(case, riley, Perspective(PerspectiveKind.CHILD), "primary", date.today())
    page = make_page(qtbot, shell, case)
    page.adult_table.selectRow(0)

    no = Answers(False)
    monkeypatch.setattr(dialogs, "ASK", no)
    click(qtbot, page.remove_adult_button)
    [(kind, _title, text, options)] = no.asked
    assert kind == "confirm" and "Jo Example" in text and "2 interviews" in text
    assert "2 interviews" in options["ok_label"]
    assert len(store.load_case(case.id).adults) == 2
    assert len(store.load_case(case.id).children[0].interviews) == 3

    monkeypatch.setattr(dialogs, "ASK", Answers(True))
    click(qtbot, page.remove_adult_button)
    saved = store.load_case(case.id)
    assert [a.name for a in saved.adults] == ["Lee Example"]
    assert [iv.perspective.kind for iv in saved.children[0].interviews] == [PerspectiveKind.CHILD]
    assert page.interview_table.rowCount() == 1


# --------------------------------------------------------------------------- children


@on_awkward_days
def test_add_two_children_one_unborn_with_the_suggested_template(qtbot, shell, store, library, never_asked, today):
    case = new_case(shell)
    page = make_page(qtbot, shell, case)
    assert page.no_children_label.isVisible() and not page.interviews_box.isVisible()

    born = years_ago(today, 7, 45)
    click(qtbot, page.add_child_button)
    assert page.child_panel.isVisible() and page.child_name_edit.hasFocus()
    qtbot.keyClicks(page.child_name_edit, "Riley Example")
    qtbot.keyClick(page.child_name_edit, Qt.Key.Key_Tab)
    qtbot.keyClicks(page.child_known_as_edit, "Ri")
    assert page.born_radio.isChecked() and page.dob_edit.isEnabled() and not page.expected_edit.isEnabled()
    assert page.dob_edit.text() == ""  # no date is made up for the practitioner
    type_date(qtbot, page.dob_edit, born)
    page.pronouns_combo.setFocus()
    qtbot.keyClicks(page.pronouns_combo, "she")
    qtbot.keyClicks(page.communication_edit, "Uses a few Makaton signs")
    qtbot.keyClick(page.communication_edit, Qt.Key.Key_Return)
    assert not page.child_panel.isVisible()

    due = today + timedelta(days=75)
    click(qtbot, page.add_child_button)
    qtbot.keyClicks(page.child_name_edit, "Baby Example")
    click(qtbot, page.unborn_radio)
    assert page.expected_edit.isEnabled() and not page.dob_edit.isEnabled()
    type_date(qtbot, page.expected_edit, due)
    click(qtbot, page.save_child_button)

    saved = store.load_case(case.id)
    riley, baby = saved.children
    assert (riley.name, riley.known_as, riley.date_of_birth, riley.expected_date, riley.pronouns,
            riley.communication) == ("Riley Example", "Ri", born, None, "she", "Uses a few Makaton signs")
    assert (baby.name, baby.date_of_birth, baby.expected_date) == ("Baby Example", None, due)

    table = page.child_table
    assert cells(table, 0) == ["Riley Example", "Baby Example"]
    assert cells(table, 2) == [f"Born {born:%d/%m/%Y}", f"Due {due:%d/%m/%Y}"]
    assert cells(table, 3) == ["7 years old", "Not born yet"]
    assert cells(table, 6) == [library.get("primary").title, library.get("prebirth").title]
    assert cells(table, 6) == [library.get(shell.session.suggest(c).template_id).title for c in saved.children]
    assert "7 years old" in table.item(0, 6).toolTip()

    # the last child added is chosen, and the page says which template suits them
    assert page.interviews_box.title() == "Interviews about Baby Example"
    assert library.get("prebirth").title in page.suggestion_label.text()
    table.selectRow(0)
    assert page.interviews_box.title() == "Interviews about Riley Example"
    assert library.get("primary").title in page.suggestion_label.text()
    assert never_asked.asked == []


def test_a_child_needs_a_name(qtbot, shell, store):
    case = new_case(shell)
    page = make_page(qtbot, shell, case)
    click(qtbot, page.add_child_button)
    click(qtbot, page.save_child_button)
    assert page.child_message.isVisible() and page.child_name_edit.hasFocus()
    assert store.load_case(case.id).children == []


@on_awkward_days
def test_edit_a_child_born_and_disabled_changes_the_suggestion(qtbot, shell, store, library, today):
    case = household(shell, today)
    page = make_page(qtbot, shell, case)
    page.child_table.selectRow(1)
    page.child_table.setFocus()
    qtbot.keyClick(page.child_table, Qt.Key.Key_Return)  # Enter edits
    assert page.child_panel.isVisible() and page.unborn_radio.isChecked()
    born = today - timedelta(days=20)
    click(qtbot, page.born_radio)
    type_date(qtbot, page.dob_edit, born)
    page.disability_edit.setFocus()
    qtbot.keyClicks(page.disability_edit, "Hearing impairment")
    click(qtbot, page.save_child_button)

    baby = store.load_case(case.id).children[1]
    assert (baby.date_of_birth, baby.expected_date, baby.disability) == (born, None, "Hearing impairment")
    assert baby.id == case.children[1].id
    assert page.child_table.item(1, 6).text() == library.get("disabled").title
    assert page.child_table.item(1, 4).text() == "Hearing impairment"


def test_remove_a_child_asks_naming_what_is_lost(qtbot, shell, store, monkeypatch):
    case = household(shell)
    riley = case.children[0]
    interview = shell.session.start_interview(case, riley, Perspective(PerspectiveKind.CHILD), "primary",
                                              date.today())
    first_topic = next(iter(shell.session.library.get("primary").topics()))
    shell.session.save_answer(interview, first_topic.key, Answer(text="Fictional words"))
    page = make_page(qtbot, shell, store.load_case(case.id))
    page.child_table.selectRow(0)

    no = Answers(False)
    monkeypatch.setattr(dialogs, "ASK", no)
    click(qtbot, page.remove_child_button)
    [(_kind, _title, text, _options)] = no.asked
    assert "Riley Example" in text and "1 interview" in text and "1 recorded answer" in text
    assert len(store.load_case(case.id).children) == 2

    yes = Answers(True)
    monkeypatch.setattr(dialogs, "ASK", yes)
    click(qtbot, page.remove_child_button)
    assert [c.name for c in store.load_case(case.id).children] == ["Baby Example"]
    assert cells(page.child_table, 0) == ["Baby Example"]
    assert page.interviews_box.title() == "Interviews about Baby Example"

    click(qtbot, page.remove_child_button)  # nothing recorded: still asked, and says so
    assert "Nothing has been recorded" in yes.asked[-1][2]
    assert store.load_case(case.id).children == []
    assert not page.interviews_box.isVisible() and page.no_children_label.isVisible()


# --------------------------------------------------------------------------- interviews


@on_awkward_days
def test_start_an_interview_from_the_panel(qtbot, shell, store, library, today):
    case = household(shell, today)
    page = make_page(qtbot, shell, case)
    page.child_table.selectRow(0)
    assert page.no_interviews_label.isVisible()
    click(qtbot, page.start_interview_button)
    assert page.start_panel.isVisible() and page.perspective_combo.hasFocus()

    combo = page.perspective_combo
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "The child (Ri)", "Jo Example (mother)", "Lee Example (father)", PROFESSIONAL_LABEL]
    templates = page.template_combo
    assert templates.count() == len(library.ordered())
    assert templates.currentData() == "primary"
    assert templates.currentText() == f"{library.get('primary').title} (suggested) — draft"
    assert page.template_status.isVisible() and "draft" in page.template_status.text()  # not yet signed off
    assert page.held_on_edit.date() == today and page.held_on_edit.text() == f"{today:%d/%m/%Y}"
    assert not page.interpreter_edit.isVisible()

    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == "Jo Example (mother)"
    held = today - timedelta(days=1)
    type_date(qtbot, page.held_on_edit, held)
    page.place_edit.setFocus()
    qtbot.keyClicks(page.place_edit, "Family home")
    qtbot.keyClick(page.place_edit, Qt.Key.Key_Tab)
    qtbot.keyClicks(page.present_edit, "Lee Example")
    click(qtbot, page.interpreter_check)
    assert page.interpreter_edit.isVisible() and page.interpreter_edit.hasFocus()
    click(qtbot, page.start_button)  # an interpreter with no language: refused
    assert page.start_message.isVisible() and shell.interviews == []
    qtbot.keyClicks(page.interpreter_edit, "Polish, telephone interpreter")
    click(qtbot, page.start_button)

    [(opened_case, child, interview)] = shell.interviews
    assert opened_case is page.case and child.id == case.children[0].id
    saved = store.load_case(case.id).children[0].interviews
    assert [iv.id for iv in saved] == [interview.id]
    iv = saved[0]
    assert iv.perspective == Perspective(PerspectiveKind.PARENT, case.adults[0].id)
    assert (iv.template.id, iv.template.version) == ("primary", library.get("primary").version)
    assert iv.template.content_hash == library.get("primary").content_hash
    assert (iv.held_on, iv.place, iv.present, iv.interpreter) == (
        held, "Family home", "Lee Example", "Polish, telephone interpreter")
    assert not page.start_panel.isVisible()
    total = overall_progress(library.get("primary"), iv, child)[1]  # the topics a parent is asked
    assert [page.interview_table.item(0, c).text() for c in range(4)] == [
        "Jo Example (mother)", f"{held:%d/%m/%Y}", f"{library.get('primary').title} (version {library.get('primary').version})",
        f"0 of {total} answered"]


def test_a_template_other_than_the_suggestion_and_the_professional_view(qtbot, shell, store, library):
    case = household(shell)
    page = make_page(qtbot, shell, case)
    page.child_table.selectRow(1)
    click(qtbot, page.start_interview_button)
    assert page.template_combo.currentData() == "prebirth"
    assert not page.source_combo.isVisible()  # only a professional account says who gave it
    page.perspective_combo.setFocus()
    qtbot.keyClick(page.perspective_combo, Qt.Key.Key_End)  # professionals, last in the list
    assert page.source_combo.isVisible()
    page.template_combo.setCurrentIndex(page.template_combo.findData("baby"))
    qtbot.keyClick(page.place_edit, Qt.Key.Key_Return)  # no source given: refused, with the reason
    assert page.start_message.isVisible() and "who gave this account" in page.start_message.text()
    assert page.source_combo.hasFocus() and store.load_case(case.id).children[1].interviews == []
    qtbot.keyClicks(page.source_combo, "Health visitor: Ms Fictional")
    qtbot.keyClick(page.place_edit, Qt.Key.Key_Return)
    iv = store.load_case(case.id).children[1].interviews[0]
    assert iv.perspective == Perspective(PerspectiveKind.PROFESSIONAL)
    assert iv.template.id == "baby" and iv.interpreter == "" and iv.source == "Health visitor: Ms Fictional"
    assert shell.interviews[0][2].id == iv.id
    assert page.interview_table.item(0, 0).text() == "Health visitor: Ms Fictional"


def test_continue_shows_progress_and_opens_the_interview(qtbot, shell, store, library):
    case = household(shell)
    riley = case.children[0]
    first = shell.session.start_interview(case, riley, Perspective(PerspectiveKind.CHILD), "primary", date.today())
    keys = [t.key for t in library.get("primary").topics()]
    for key in keys[:3]:
        shell.session.save_answer(first, key, Answer(text="Fictional words"))
    second = shell.session.start_interview(case, riley, Perspective(PerspectiveKind.PROFESSIONAL), "primary", date.today())
    page = make_page(qtbot, shell, store.load_case(case.id))
    page.child_table.selectRow(0)
    assert cells(page.interview_table, 0) == ["The child (Ri)", "Professionals"]
    for_child = len([t for t in library.get("primary").topics() if t.for_child])  # not 'Safe to talk'
    assert cells(page.interview_table, 3) == [f"3 of {for_child} answered", f"0 of {len(keys)} answered"]

    assert page.selected_interview().id == second.id  # the newest is chosen
    click(qtbot, page.continue_button)
    page.interview_table.setFocus()
    qtbot.keyClick(page.interview_table, Qt.Key.Key_Up)
    qtbot.keyClick(page.interview_table, Qt.Key.Key_Return)
    assert [(c.id, ch.id, iv.id) for c, ch, iv in shell.interviews] == [
        (case.id, riley.id, second.id), (case.id, riley.id, first.id)]


# --------------------------------------------------------------------------- the case itself


def test_the_reference_is_edited_and_saved(qtbot, shell, store):
    case = household(shell)
    shell.session.new_case("TEST-9999")
    page = make_page(qtbot, shell, case)
    edit = page.reference_edit
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "TEST-3001")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert store.load_case(case.id).reference == "TEST-3001"
    assert page.heading_label.text() == "Case TEST-3001"

    edit.selectAll()
    qtbot.keyClicks(edit, "TEST-9999")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert page.reference_message.isVisible() and "Another case" in page.reference_message.text()
    assert edit.text() == "TEST-3001" and store.load_case(case.id).reference == "TEST-3001"

    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert edit.text() == "TEST-3001" and store.load_case(case.id).reference == "TEST-3001"


def test_back_to_cases(qtbot, shell):
    page = make_page(qtbot, shell, household(shell))
    click(qtbot, page.back_button)
    assert shell.cases_shown == 1


def test_a_store_error_is_shown_and_nothing_typed_is_lost(qtbot, shell, store):
    case = household(shell)
    page = make_page(qtbot, shell, case)
    click(qtbot, page.add_adult_button)
    qtbot.keyClicks(page.adult_name_edit, "Kim Example")
    store.close()  # as if the store were locked underneath the page
    click(qtbot, page.save_adult_button)
    assert shell.errors == ["The store is locked."]
    assert [a.name for a in page.case.adults] == ["Jo Example", "Lee Example"]  # put back
    assert page.adult_panel.isVisible() and page.adult_name_edit.text() == "Kim Example"
    assert page.saved_label.text() == "Not saved"

    page.child_table.selectRow(0)
    click(qtbot, page.start_interview_button)
    click(qtbot, page.start_button)
    assert len(shell.errors) == 2 and shell.interviews == []
    assert page.case.children[0].interviews == [] and page.case.template_snapshots == {}


def test_every_control_has_an_accessible_name(qtbot, shell):
    case = household(shell)
    page = make_page(qtbot, shell, case)
    page.child_table.selectRow(0)
    for open_panel in (page.add_adult_button, page.add_child_button, page.start_interview_button):
        click(qtbot, open_panel)
        kinds = (QAbstractItemView, QAbstractButton, QLineEdit, QComboBox)
        controls = [w for w in page.findChildren(QWidget) if isinstance(w, kinds) and w.isVisible()
                    and not isinstance(w.parent(), (QAbstractItemView, QComboBox))]
        assert len(controls) >= 12
        assert [w.objectName() for w in controls if not w.accessibleName()] == []
        assert gaps(page) == []  # and what a screen reader hears: a name and a description each


def test_tab_walks_the_start_panel_in_reading_order(qtbot, shell):
    page = make_page(qtbot, shell, household(shell))
    click(qtbot, page.start_interview_button)
    seen = [page.focusWidget().objectName()]
    for _ in range(14):
        qtbot.keyClick(page.focusWidget(), Qt.Key.Key_Tab)
        widget = page.focusWidget()
        while widget is not None and not widget.objectName().endswith(("Combo", "Edit", "Check", "Button")):
            widget = widget.parentWidget()  # the date edit's inner line edit counts as the date edit
        if widget is not None and widget.objectName() != seen[-1]:
            seen.append(widget.objectName())
    assert seen[:8] == ["perspectiveCombo", "templateCombo", "heldOnEdit", "placeEdit", "presentEdit",
                        "interpreterCheck", "startButton", "cancelStartButton"]  # the source row is hidden


# --------------------------------------------------------------------------- dates typed as people type them


@pytest.mark.parametrize("today", [date(2026, 12, 1)], indirect=True, ids=str)
def test_a_date_of_birth_typed_digit_by_digit_on_the_1st_is_the_date_typed(qtbot, shell, store, today):
    """Seen: on 1 December, typing 14032017 showed 4/000032017 and saved 01/12/2001."""
    case = new_case(shell)
    page = make_page(qtbot, shell, case)
    click(qtbot, page.add_child_button)
    qtbot.keyClicks(page.child_name_edit, "Sam Example")
    type_into(qtbot, page.dob_edit, "14032017")
    assert page.dob_edit.text() == "14/03/2017"
    click(qtbot, page.save_child_button)
    [child] = store.load_case(case.id).children
    assert child.date_of_birth == date(2017, 3, 14)
    assert cells(page.child_table, 3) == ["9 years old"]


@pytest.mark.parametrize("typed, shown", [("1/3/2017", "01/03/2017"), ("01.03.2017", "01/03/2017"),
                                          ("1-3-2017", "01/03/2017"), ("01 03 2017", "01/03/2017")])
def test_a_date_may_be_typed_with_any_separator(qtbot, shell, store, typed, shown):
    case = new_case(shell)
    page = make_page(qtbot, shell, case)
    click(qtbot, page.add_child_button)
    qtbot.keyClicks(page.child_name_edit, "Sam Example")
    type_into(qtbot, page.dob_edit, typed)
    assert page.dob_edit.text() == shown and not page.dob_edit.message.isVisible()


@on_awkward_days
@pytest.mark.parametrize("typed, says", [
    ("31022020", "February 2020 has 29 days"),
    ("29022027", "February 2027 has 28 days"),
    ("14132017", "there is no month 13"),
    ("140317", "Give the year in full"),
    ("yesterday", "is not a date"),
])
def test_an_impossible_date_of_birth_is_said_beside_the_field_and_nothing_is_saved(
        qtbot, shell, store, today, typed, says):
    case = new_case(shell)
    page = make_page(qtbot, shell, case)
    click(qtbot, page.add_child_button)
    qtbot.keyClicks(page.child_name_edit, "Sam Example")
    type_into(qtbot, page.dob_edit, typed)
    assert page.dob_edit.message.isVisible() and says in page.dob_edit.message.text()
    assert page.dob_edit.text() == typed  # kept exactly as typed, never replaced
    click(qtbot, page.save_child_button)
    assert page.child_panel.isVisible() and page.dob_edit.hasFocus()
    assert says in page.dob_edit.message.text()
    assert store.load_case(case.id).children == []
    assert says in page.dob_edit.accessibleDescription()  # a screen reader hears it with the field


@on_awkward_days
def test_a_future_birth_or_a_missing_date_is_refused_with_a_reason(qtbot, shell, store, today):
    case = new_case(shell)
    page = make_page(qtbot, shell, case)
    click(qtbot, page.add_child_button)
    qtbot.keyClicks(page.child_name_edit, "Sam Example")
    click(qtbot, page.save_child_button)  # no date typed: no date made up
    assert "The date is missing" in page.dob_edit.message.text() and page.dob_edit.message.isVisible()
    tomorrow = today + timedelta(days=1)
    type_into(qtbot, page.dob_edit, tomorrow.strftime("%d%m%Y"))
    assert "in the future" in page.dob_edit.message.text() and "Not born yet" in page.dob_edit.message.text()
    click(qtbot, page.save_child_button)
    assert store.load_case(case.id).children == []
    # the practitioner does what the message says: the baby is due, not born
    click(qtbot, page.unborn_radio)
    assert not page.dob_edit.message.isVisible()
    type_date(qtbot, page.expected_edit, tomorrow)
    click(qtbot, page.save_child_button)
    [child] = store.load_case(case.id).children
    assert (child.date_of_birth, child.expected_date) == (None, tomorrow)


@on_awkward_days
def test_an_interview_date_in_the_future_is_refused_with_a_reason(qtbot, shell, store, today):
    case = household(shell, today)
    page = make_page(qtbot, shell, case)
    page.child_table.selectRow(0)
    click(qtbot, page.start_interview_button)
    type_into(qtbot, page.held_on_edit, (today + timedelta(days=1)).strftime("%d%m%Y"))
    assert "cannot be held in the future" in page.held_on_edit.message.text()
    click(qtbot, page.start_button)
    assert shell.interviews == [] and store.load_case(case.id).children[0].interviews == []
    type_into(qtbot, page.held_on_edit, today.strftime("%d%m%Y"))
    assert not page.held_on_edit.message.isVisible()
    click(qtbot, page.start_button)
    assert [iv.held_on for iv in store.load_case(case.id).children[0].interviews] == [today]


@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing")  # offscreen popups
def test_a_date_can_be_chosen_from_the_calendar_by_keyboard(qtbot, shell, store):
    case = new_case(shell)
    page = make_page(qtbot, shell, case)
    click(qtbot, page.add_child_button)
    qtbot.keyClicks(page.child_name_edit, "Sam Example")
    type_into(qtbot, page.dob_edit, "14032017")
    page.dob_edit.setFocus()
    qtbot.keyClick(page.dob_edit, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    calendar = page.dob_edit.calendar
    assert calendar is not None and calendar.selectedDate().toPython() == date(2017, 3, 14)
    view = calendar.findChild(QAbstractItemView)
    qtbot.keyClick(view, Qt.Key.Key_Right)  # the next day
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert page.dob_edit.text() == "15/03/2017" and page.dob_edit.calendar is None
    click(qtbot, page.save_child_button)
    assert store.load_case(case.id).children[0].date_of_birth == date(2017, 3, 15)


def test_the_case_reference_box_shows_the_whole_reference(qtbot, shell):
    case = new_case(shell, "DEMO-0004 Fenwick-Ashworth")
    page = make_page(qtbot, shell, case)
    edit = page.reference_edit
    assert edit.width() >= edit.fontMetrics().horizontalAdvance(edit.text()) + 8


def test_a_date_problem_sits_under_its_own_date(qtbot, shell):
    page = make_page(qtbot, shell, new_case(shell))
    click(qtbot, page.add_child_button)
    type_into(qtbot, page.dob_edit, "31022020")
    message = page.dob_edit.message
    assert message.isVisible()
    y = lambda w: w.mapTo(page, w.rect().topLeft()).y()  # noqa: E731
    assert y(page.dob_edit) < y(message) < y(page.expected_edit)
