"""Demo mode: the fictional families open without a passphrase, under a banner on every screen,
a reset puts them back, and the real store is never touched."""

import hashlib
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMenu

from dayinlife import demo
from dayinlife.app import parse_args
from dayinlife.datadir import demo_data_dir
from dayinlife.report import export_report
from dayinlife.store import Store
from dayinlife.template_loader import load_library
from dayinlife.ui import dialogs
from dayinlife.ui.main_window import MainWindow

REAL_PASS = "the real passphrase"


@pytest.fixture(scope="module")
def lib():
    return load_library()


@pytest.fixture
def asked(monkeypatch):
    """Every question the window asks; the answer is whatever `asked.answer` is."""
    class Questions(list):
        pass

    questions = Questions()

    def ask(kind, parent, title, text, **options):
        questions.append((kind, title, text))
        return ask.answer

    ask.answer = None
    monkeypatch.setattr(dialogs, "ASK", ask)
    questions.ask = ask
    return questions


@pytest.fixture
def real(tmp_path):
    folder = tmp_path / "data"
    Store.create(folder, REAL_PASS).close()
    return folder


def snapshot(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def window(qtbot, real, lib, asked):
    w = MainWindow(real, library=lib, demo=True)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()


def store_menu(window) -> QMenu:
    return next(a.menu() for a in window.menuBar().actions() if a.text() == "&Store")


def test_the_app_takes_a_demo_argument():
    assert parse_args(["app", "--demo"]).demo and not parse_args(["app"]).demo


def test_demo_opens_without_a_passphrase_on_its_own_folder(window, real, asked):
    assert not asked, "nothing was asked: no passphrase, no error"
    assert window.session is not None
    assert window.data_dir == demo_data_dir(real) and window.data_dir != real
    assert window.session.store.folder == window.data_dir
    assert window.stack.currentWidget() is window.cases_page
    refs = sorted(c.reference for c in window.session.store.list_cases())
    assert len(refs) == len(demo.demo_files()) >= 4
    assert "demo" in window.windowTitle().lower()


def test_the_banner_is_on_every_screen(qtbot, window):
    banner = window.demo_banner
    assert "every family here is fictional, kept apart from real cases" in banner.text()
    assert banner.accessibleName() and "fictional" in banner.accessibleDescription()

    def check():
        assert banner.isVisible() and banner.window() is window
        # above the page, not over it
        assert banner.mapTo(window, banner.rect().bottomLeft()).y() < window.stack.mapTo(window,
                                                                                         window.stack.rect().topLeft()).y()

    check()
    summary = window.session.store.list_cases()[0]
    window.open_case(summary.id)
    assert window.stack.currentWidget() is window.case_page
    check()
    case = window.session.open_case(summary.id)
    child = case.children[0]
    window.open_compare(case, child)
    assert window.stack.currentWidget() is window.compare_page
    check()
    window.open_interview(case, child, child.interviews[0])
    assert window.stack.currentWidget() is window.interview_page
    check()
    window.show_templates()
    check()
    window.lock()  # even the unlock screen says it is the demo
    check()


def test_reset_asks_first_then_restores_a_deleted_case(qtbot, window, real, asked):
    before = snapshot(real)
    store = window.session.store
    refs = sorted(c.reference for c in store.list_cases())
    store.delete_case(store.list_cases()[0].id)
    window.show_cases()
    assert window.reset_demo_action in store_menu(window).actions()

    asked.ask.answer = False  # "Cancel": nothing changes
    window.reset_demo_action.trigger()
    assert asked[-1][0] == "confirm"
    assert len(window.session.store.list_cases()) == len(refs) - 1

    asked.ask.answer = True
    window.reset_demo_action.trigger()
    assert [q[0] for q in asked] == ["confirm", "confirm"]
    assert window.session is not None and window.stack.currentWidget() is window.cases_page
    assert sorted(c.reference for c in window.session.store.list_cases()) == refs
    assert window.cases_page.isVisible()
    assert snapshot(real) == before
    # The real store still opens with its own passphrase and holds nothing from the demo.
    with Store.open(real, REAL_PASS) as again:
        assert again.list_cases() == []


def test_a_demo_family_exports_to_word(window, lib, tmp_path):
    store = window.session.store
    case = store.load_case(store.find_case("DEMO-0001 Hartley"))
    maisie = next(c for c in case.children if c.name == "Maisie Hartley")
    out = export_report(case, maisie, tmp_path / "maisie.docx", lib)
    assert out.stat().st_size > 10_000
    import zipfile

    with zipfile.ZipFile(out) as docx:
        body = docx.read("word/document.xml").decode("utf-8")
    assert "Breakfast club place on Mondays" in body


def test_outside_demo_mode_the_demo_folder_is_refused_and_there_is_no_reset(qtbot, real, lib, asked, tmp_path):
    demo.open_demo_store(demo_data_dir(real)).close()
    w = MainWindow(demo_data_dir(real), library=lib)
    qtbot.addWidget(w)
    assert asked and asked[-1][0] == "error" and "demo store" in asked[-1][2]
    assert not w.stack.currentWidget().isEnabled()
    assert not hasattr(w, "reset_demo_action")
    assert not any("Reset demo" in a.text() for a in store_menu(w).actions())
    w.close()


def test_a_real_window_has_no_banner(qtbot, real, lib, asked):
    w = MainWindow(real, library=lib)
    qtbot.addWidget(w)
    assert not hasattr(w, "demo_banner") and w.data_dir == real
    assert not asked
    w.close()


def test_every_demo_screen_names_and_describes_every_control(qtbot, window):
    """The trainer's whole demo, every family, every interview at every stage and every compare tab:
    what a screen reader hears names and describes each shown control."""
    from tests.ui.a11y import gaps

    session, problems, seen = window.session, {}, 0
    for summary in session.store.list_cases():
        case = session.store.load_case(summary.id)
        window.open_case(case.id)
        problems[case.reference] = gaps(window.case_page)
        window.case_page.chronology_button.click()                 # the chronology, and its panel open
        problems[f"{case.reference} chronology"] = gaps(window.chronology_page)
        window.chronology_page.add_event()
        problems[f"{case.reference} chronology panel"] = gaps(window.chronology_page)
        window.chronology_page.cancel()
        window.open_case(case.id)
        window.case_page.scores_button.click()                     # the scores, and the form for each tool
        problems[f"{case.reference} scores"] = gaps(window.scores_page)
        window.scores_page.add_scores()
        for i in range(window.scores_page.tool.count()):
            window.scores_page.tool.setCurrentIndex(i)
            problems[f"{case.reference} scores form {i}"] = gaps(window.scores_page)
        window.scores_page.cancel()
        window.open_case(case.id)
        window.case_page.family_button.click()                     # the wider family, and its form
        problems[f"{case.reference} family"] = gaps(window.family_page)
        window.family_page.add_relative()
        problems[f"{case.reference} family form"] = gaps(window.family_page)
        window.open_case(case.id)
        for child in case.children:
            for iv in child.interviews:
                window.open_interview(case, child, iv)
                page = window.interview_page
                page.guidance_check.setChecked(True)
                for stage in range(len(page.template.stages)):
                    page.go_to_stage(stage)
                    seen += 1
                    problems[f"{case.reference} {child.called} {iv.perspective.kind.value} stage {stage}"] = gaps(page)
            window.open_case(case.id)
            window.case_page.child_table.selectRow(case.children.index(child))
            window.case_page.compare_button.click()
            compare = window.compare_page
            assert window.stack.currentWidget() is compare and compare.child_.id == child.id
            for tab in range(compare.tabs.count()):
                compare.tabs.setCurrentIndex(tab)
                problems[f"{case.reference} {child.called} compare tab {tab}"] = gaps(compare)
    assert seen > 100  # every stage of every interview of the four households
    assert not {where: found for where, found in problems.items() if found}
