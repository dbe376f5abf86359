"""The case list, driven through its widgets against a real store."""

from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QLineEdit, QWidget

from dayinlife.case import Case, Child
from dayinlife.session import Session
from dayinlife.ui import dialogs
from dayinlife.ui.case_list import CaseListPage, CaseTableModel, friendly_time, full_time


from tests.ui.a11y import gaps  # noqa: E402
from tests.ui.conftest import Answers, FakeShell  # noqa: E402,F401


def make_page(qtbot, shell) -> CaseListPage:
    page = CaseListPage(shell)
    qtbot.addWidget(page)
    page.resize(900, 600)
    with qtbot.waitActive(page):
        page.show()
        page.activateWindow()
    return page


def add_case(shell, reference: str, *children: str) -> Case:
    case = shell.session.new_case(reference)
    case.children = [Child(name, date_of_birth=datetime(2018, 1, 1).date()) for name in children]
    shell.session.save_case(case)
    return case


def shown(page: CaseListPage, column: int = CaseTableModel.REFERENCE) -> list[str]:
    model = page.table.model()
    return [model.index(row, column).data() for row in range(model.rowCount())]


# --------------------------------------------------------------------------- new case


def test_empty_store_says_so_then_a_case_is_created_by_typing(qtbot, shell, store):
    page = make_page(qtbot, shell)
    assert page.empty_label.isVisible() and "No cases yet" in page.empty_label.text()
    assert not page.table.isVisible()
    assert not page.open_button.isEnabled() and not page.delete_button.isEnabled()

    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    assert page.new_panel.isVisible() and page.new_ref.hasFocus()
    qtbot.keyClicks(page.new_ref, "  TEST-0001 ")
    qtbot.keyClick(page.new_ref, Qt.Key.Key_Return)

    cases = store.list_cases()
    assert [c.reference for c in cases] == ["TEST-0001"]
    assert shell.opened == [cases[0].id]
    assert store.load_case(cases[0].id).reference == "TEST-0001"
    assert not page.new_panel.isVisible()
    assert shown(page) == ["TEST-0001"] and page.table.isVisible() and not page.empty_label.isVisible()


def test_a_reference_is_required_and_a_duplicate_is_refused(qtbot, shell, store):
    add_case(shell, "TEST-0002")
    page = make_page(qtbot, shell)
    qtbot.keyClick(page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # Ctrl+N: new case
    assert page.new_panel.isVisible() and page.new_ref.hasFocus()
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    assert page.new_message.isVisible() and "reference" in page.new_message.text()
    qtbot.keyClicks(page.new_ref, "TEST-0002")
    qtbot.keyClick(page.new_ref, Qt.Key.Key_Enter)
    assert "already a case TEST-0002" in page.new_message.text()
    assert len(store.list_cases()) == 1 and shell.opened == []

    qtbot.keyClick(page.new_ref, Qt.Key.Key_Escape)
    assert not page.new_panel.isVisible()
    assert len(store.list_cases()) == 1


# --------------------------------------------------------------------------- the list


def test_newest_change_first_with_children_and_a_friendly_time(qtbot, shell):
    add_case(shell, "TEST-0010", "Ava Example")
    time.sleep(0.01)
    add_case(shell, "TEST-0011", "Bo Sample", "Cy Sample")
    time.sleep(0.01)
    add_case(shell, "TEST-0012")
    page = make_page(qtbot, shell)
    assert shown(page) == ["TEST-0012", "TEST-0011", "TEST-0010"]
    assert shown(page, CaseTableModel.CHILDREN) == ["No children yet", "Bo Sample, Cy Sample", "Ava Example"]
    assert all(text.startswith("Today ") for text in shown(page, CaseTableModel.CHANGED))
    assert page.table.isColumnHidden(CaseTableModel.ARCHIVED)
    assert page.selected_summary().reference == "TEST-0012"  # ready for Enter


def test_friendly_times():
    now = datetime(2026, 3, 12, 15, 0, tzinfo=timezone.utc).astimezone()
    assert friendly_time(now.replace(hour=9, minute=5), now) == "Today 09:05"
    assert friendly_time(now - timedelta(days=1), now).startswith("Yesterday ")
    assert friendly_time(now - timedelta(days=3), now).split()[0] in ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
    assert friendly_time(now - timedelta(days=40), now) == f"{(now - timedelta(days=40)).day} Jan 2026"
    assert friendly_time("not a date", now) == "not a date"
    assert full_time(now).endswith(f"March 2026 at {now.hour:02d}:00")


def test_search_filters_by_part_of_the_reference_as_you_type(qtbot, shell):
    for ref in ("TEST-0100", "TEST-0101", "DEMO-0100", "TEST-0200"):
        add_case(shell, ref)
    page = make_page(qtbot, shell)
    page.search.setFocus()
    qtbot.keyClicks(page.search, "01")
    assert sorted(shown(page)) == ["DEMO-0100", "TEST-0100", "TEST-0101"]
    qtbot.keyClicks(page.search, "00")
    assert sorted(shown(page)) == ["DEMO-0100", "TEST-0100"]
    qtbot.keyClicks(page.search, "x")
    assert shown(page) == [] and "No case reference contains “0100x”" in page.empty_label.text()
    page.search.clear()
    qtbot.keyClicks(page.search, "demo")  # any case
    assert shown(page) == ["DEMO-0100"]
    qtbot.keyClick(page.search, Qt.Key.Key_Return)  # Enter goes to the first match
    assert page.table.hasFocus() and page.selected_summary().reference == "DEMO-0100"


def test_open_by_button_enter_and_double_click(qtbot, shell):
    first = add_case(shell, "TEST-0300")
    time.sleep(0.01)
    second = add_case(shell, "TEST-0301")
    page = make_page(qtbot, shell)
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    assert shell.opened == [second.id]

    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert shell.opened == [second.id, first.id]

    rect = page.table.visualRect(page.table.model().index(0, 0))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert shell.opened == [second.id, first.id, second.id]


def test_archive_hides_a_case_until_show_archived_then_unarchive(qtbot, shell, store):
    keep = add_case(shell, "TEST-0400")
    time.sleep(0.01)
    old = add_case(shell, "TEST-0401")
    page = make_page(qtbot, shell)
    assert page.selected_summary().id == old.id and page.archive_button.text() == "Archive"
    qtbot.mouseClick(page.archive_button, Qt.MouseButton.LeftButton)
    assert store.load_case(old.id).archived
    assert shown(page) == ["TEST-0400"]
    assert page.selected_summary().id == keep.id
    assert "archived" in shell.statuses[-1]

    qtbot.mouseClick(page.show_archived, Qt.MouseButton.LeftButton)
    assert sorted(shown(page)) == ["TEST-0400", "TEST-0401"]
    assert not page.table.isColumnHidden(CaseTableModel.ARCHIVED)
    row = shown(page).index("TEST-0401")
    assert shown(page, CaseTableModel.ARCHIVED)[row] == "Archived"  # a word, not only a colour
    page.table.selectRow(row)
    assert page.archive_button.text() == "Unarchive"
    qtbot.mouseClick(page.archive_button, Qt.MouseButton.LeftButton)
    assert not store.load_case(old.id).archived
    assert shown(page, CaseTableModel.ARCHIVED) == ["", ""]

    page.show_archived.setChecked(False)
    assert sorted(shown(page)) == ["TEST-0400", "TEST-0401"]


def test_only_archived_cases_left_says_how_to_see_them(qtbot, shell):
    case = add_case(shell, "TEST-0450")
    shell.session.archive_case(case.id)
    page = make_page(qtbot, shell)
    assert shown(page) == []
    assert "Show archived" in page.empty_label.text() and "No cases yet" not in page.empty_label.text()


def test_delete_asks_first_and_no_keeps_the_case(qtbot, shell, store, monkeypatch):
    case = add_case(shell, "TEST-0500", "Dee Example")
    ask = Answers(False)
    monkeypatch.setattr(dialogs, "ASK", ask)
    page = make_page(qtbot, shell)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    [(kind, _title, text, options)] = ask.asked
    assert kind == "confirm"
    assert text == Session.what_deletion_loses(store.load_case(case.id))
    assert options["ok_label"] == "Delete for good"
    assert store.load_case(case.id).reference == "TEST-0500"
    assert shown(page) == ["TEST-0500"]


def test_delete_answered_yes_removes_the_case(qtbot, shell, store, monkeypatch):
    gone = add_case(shell, "TEST-0600")
    time.sleep(0.01)
    add_case(shell, "TEST-0601")
    monkeypatch.setattr(dialogs, "ASK", Answers(True))
    page = make_page(qtbot, shell)
    page.table.selectRow(shown(page).index("TEST-0600"))
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert [c.reference for c in store.list_cases(include_archived=True)] == ["TEST-0601"]
    assert store.find_case("TEST-0600") is None
    assert shown(page) == ["TEST-0601"] and page.selected_summary().reference == "TEST-0601"
    assert gone.id not in [c.id for c in store.list_cases(include_archived=True)]


def test_store_errors_are_shown_not_raised(qtbot, shell, store):
    add_case(shell, "TEST-0700")
    page = make_page(qtbot, shell)
    store.close()  # as if the app locked underneath the page
    qtbot.mouseClick(page.archive_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(page.search, "7")
    assert shell.errors and all(e == "The store is locked." for e in shell.errors)


def test_two_thousand_cases_fill_quickly_in_one_query(qtbot, shell, store, monkeypatch):
    born = datetime(2019, 1, 1).date()
    for n in range(2000):
        store.save_case(Case(f"TEST-{n:05d}", children=[Child("Eve Example", date_of_birth=born)]))
    calls = []
    real = shell.session.cases
    monkeypatch.setattr(shell.session, "cases", lambda **kw: calls.append(kw) or real(**kw))
    page = make_page(qtbot, shell)
    assert page.table.model().rowCount() == 2000 and len(calls) == 1
    started = time.perf_counter()
    page.refresh()
    assert time.perf_counter() - started < 0.5
    assert len(calls) == 2
    started = time.perf_counter()
    qtbot.keyClicks(page.search, "123")
    assert time.perf_counter() - started < 1.0
    assert sorted(shown(page)) == sorted(f"TEST-{n:05d}" for n in range(2000) if "123" in f"{n:05d}")
    assert len(calls) == 5  # one query per keystroke, none per row


def test_every_control_has_an_accessible_name(qtbot, shell):
    add_case(shell, "TEST-0800")
    page = make_page(qtbot, shell)
    page.start_new_case()
    kinds = (QAbstractItemView, QAbstractButton, QLineEdit)
    controls = [w for w in page.findChildren(QWidget) if isinstance(w, kinds) and w.isVisible()
                and not isinstance(w.parent(), QAbstractItemView)]
    assert len(controls) >= 9
    assert [w.objectName() for w in controls if not w.accessibleName()] == []
    assert gaps(page) == []  # and what a screen reader hears: a name and a description each


def test_no_case_reference_is_cut_short(qtbot, shell, shipped_look):
    """Seen at 150% text: four demo cases read "DEMO-000…", told apart by nothing."""
    for n, surname in enumerate(["Hartley", "Pennyworth", "Ashdown", "Fenwick"], start=1):
        add_case(shell, f"DEMO-{n:04d} {surname}", f"Child {surname}")
    page = make_page(qtbot, shell)
    for width in (900, 620):  # a laptop window, and a narrow one
        page.resize(width, 500)
        qtbot.wait(10)
        column = page.table.columnWidth(CaseTableModel.REFERENCE)
        metrics = page.table.fontMetrics()
        for reference in shown(page):
            assert metrics.horizontalAdvance(reference) + 12 <= column, f"{reference!r} is cut at width {width}"
