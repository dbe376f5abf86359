"""The main window: first run, unlock, lock (by hand, when idle, after sleep), and what locking clears."""

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QWidget

from dayinlife.case import Adult, AdultRole, Child, Perspective, PerspectiveKind
from dayinlife.store import Store
from dayinlife.template_loader import load_library
from dayinlife.ui import dialogs
from dayinlife.ui.main_window import MainWindow

PASS = "main window passphrase"
SECRET = "Parent-says-SECRET-words"


@pytest.fixture(scope="module")
def lib():
    return load_library()


@pytest.fixture
def asked(monkeypatch):
    questions = []
    monkeypatch.setattr(dialogs, "ASK", lambda kind, *a, **k: questions.append((kind, a)) or None)
    return questions


@pytest.fixture
def window(qtbot, tmp_path, lib, asked):
    w = MainWindow(tmp_path / "data", library=lib)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()


def all_text(widget: QWidget) -> str:
    parts = [w.text() for w in widget.findChildren(QLabel)] + [w.text() for w in widget.findChildren(QLineEdit)]
    parts += [w.toPlainText() for w in widget.findChildren(QPlainTextEdit)]
    return "\n".join(parts)


def first_run(qtbot, window, passphrase=PASS):
    page = window.first_run
    assert window.stack.currentWidget() is page
    qtbot.keyClicks(page.passphrase, passphrase)
    qtbot.keyClicks(page.repeat, passphrase)
    page.understand.setChecked(True)
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    assert window.session is not None


def test_first_run_explains_the_passphrase_and_refuses_mistakes(qtbot, window):
    page = window.first_run
    assert "cannot be recovered" in all_text(page)
    qtbot.keyClicks(page.passphrase, "short")
    page.create_button.click()
    assert "at least 8" in page.message.text()
    page.passphrase.clear()
    qtbot.keyClicks(page.passphrase, "long enough one")
    qtbot.keyClicks(page.repeat, "long enough two")
    page.create_button.click()
    assert "not the same" in page.message.text()
    page.repeat.clear()
    qtbot.keyClicks(page.repeat, "long enough one")
    page.create_button.click()
    assert "Tick the box" in page.message.text()
    assert window.session is None
    page.understand.setChecked(True)
    page.create_button.click()
    assert window.session is not None and window.stack.currentWidget() is window.cases_page


def open_parent_interview(window):
    session = window.session
    case = session.new_case("FICT-MW-1")
    case.adults.append(Adult("Dana Fictional", AdultRole.FATHER))
    child = Child("Kit Fictional", date_of_birth=date(2018, 2, 2))
    case.children.append(child)
    session.save_case(case)
    iv = session.start_interview(case, child, Perspective(PerspectiveKind.PARENT, case.adults[0].id), "primary",
                                 date(2026, 11, 23))
    window.open_interview(case, child, iv)
    return case, iv


def test_lock_clears_every_answer_and_unlock_brings_it_back(qtbot, window, tmp_path):
    first_run(qtbot, window)
    case, iv = open_parent_interview(window)
    assert window.stack.currentWidget() is window.interview_page
    card = window.interview_page.cards[0]
    qtbot.keyClicks(card.text, SECRET)
    assert SECRET in all_text(window)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)  # Ctrl+L
    assert window.is_locked
    assert window.stack.currentWidget() is window.unlock_page
    qtbot.wait(50)  # let deleteLater run
    assert SECRET not in all_text(window)
    assert "Kit Fictional" not in all_text(window)
    assert not window.lock_action.isEnabled()
    # the answer was saved before locking
    with Store.open(tmp_path / "data", PASS) as again:
        assert again.load_case(case.id).children[0].interviews[0].answers[card.key].text == SECRET
    # a wrong passphrase says so and stays locked
    qtbot.keyClicks(window.unlock_page.passphrase, "wrong wrong")
    qtbot.keyClick(window.unlock_page.passphrase, Qt.Key.Key_Return)
    assert window.is_locked and "not right" in window.unlock_page.message.text()
    assert window.unlock_page.passphrase.text() == ""
    qtbot.keyClicks(window.unlock_page.passphrase, PASS)
    qtbot.keyClick(window.unlock_page.passphrase, Qt.Key.Key_Return)
    # back to the screen that was open: the same interview, at the same stage, as saved
    assert not window.is_locked and window.stack.currentWidget() is window.interview_page
    page = window.interview_page
    assert page.interview.id == iv.id and page.stage_index == 0
    assert page.cards[0].text.toPlainText() == SECRET


def test_idle_lock_and_lock_after_sleep(qtbot, window):
    first_run(qtbot, window)
    now = [1_000_000.0]
    window.idle.clock = lambda: now[0]
    window.idle.start()
    window.set_idle_minutes(5)
    now[0] += 4 * 60
    window.idle.check()
    assert not window.is_locked
    # A laptop that slept for an hour: the first key press after waking must not count as activity.
    now[0] += 60 * 60
    qtbot.keyClick(window, Qt.Key.Key_A)
    assert window.is_locked
    assert window.settings.value("lock/idle_minutes") in (5, "5")


def test_wake_check_when_the_app_becomes_active(qtbot, window):
    first_run(qtbot, window)
    now = [5_000.0]
    window.idle.clock = lambda: now[0]
    window.idle.start()
    now[0] += 11 * 60
    window.idle._state_changed(Qt.ApplicationState.ApplicationActive)
    assert window.is_locked


def test_child_mode_from_the_interview_and_back(qtbot, window, asked, monkeypatch):
    first_run(qtbot, window)
    session = window.session
    case = session.new_case("FICT-MW-2")
    child = Child("Rae Fictional", date_of_birth=date(2016, 3, 3))
    case.children.append(child)
    session.save_case(case)
    iv = session.start_interview(case, child, Perspective(PerspectiveKind.CHILD), "primary", date(2026, 11, 23))
    window.open_interview(case, child, iv)
    assert window.interview_page.child_mode_button.isVisible()
    window.interview_page.child_mode_button.click()
    child_window = window.child_window
    assert child_window is not None and child_window.isVisible()
    qtbot.keyClicks(child_window.words, "I like my bed")
    first_key = child_window.topic.key
    while child_window.stage_index < 3:  # the child goes on, page by page, to the fourth stage
        qtbot.mouseClick(child_window.next_button, Qt.MouseButton.LeftButton)
    reached = child_window.stage_index
    monkeypatch.setattr(dialogs, "ASK", lambda kind, *a, **k: PASS if kind == "passphrase" else None)
    child_window.done_button.click()
    assert window.child_window is None
    page = window.interview_page
    assert page.stage_index == reached == 3  # where the child got to, not stage 1
    page.go_to_stage(0)
    assert page.cards[0].key == first_key and page.cards[0].text.toPlainText() == "I like my bed"


def test_a_teenager_is_offered_the_laptop_a_young_child_is_handed_it(qtbot, window):
    """A 15-year-old is asked "Hand over the laptop", not "Hand to the child"; a 6-year-old keeps it."""
    first_run(qtbot, window)
    session = window.session
    case = session.new_case("FICT-MW-TEEN")
    teen = Child("Kai Fictional", date_of_birth=date(2011, 6, 1))
    little = Child("Bo Fictional", date_of_birth=date(2020, 6, 1))
    case.children += [teen, little]
    session.save_case(case)
    child_view = Perspective(PerspectiveKind.CHILD)
    for kid, template, words in ((teen, "teenager", "Hand over the laptop…"), (teen, "primary", "Hand over the laptop…"),
                                 (little, "primary", "Hand to the child…")):
        iv = session.start_interview(case, kid, child_view, template, date(2026, 11, 23))
        window.open_interview(case, kid, iv)
        button = window.interview_page.child_mode_button
        assert button.isVisible() and button.text() == words
        assert button.accessibleName() == words.rstrip("…") + ": start child mode"
    qtbot.mouseClick(window.interview_page.child_mode_button, Qt.MouseButton.LeftButton)
    assert window.child_window is not None and window.child_window.isVisible()


def test_locking_also_closes_child_mode(qtbot, window):
    first_run(qtbot, window)
    session = window.session
    case = session.new_case("FICT-MW-3")
    child = Child("Ash Fictional", date_of_birth=date(2016, 3, 3))
    case.children.append(child)
    session.save_case(case)
    iv = session.start_interview(case, child, Perspective(PerspectiveKind.CHILD), "primary", date(2026, 11, 23))
    window.open_interview(case, child, iv)
    window.interview_page.child_mode_button.click()
    child_window = window.child_window
    qtbot.keyClicks(child_window.words, "secret child words")
    while child_window.stage_index < 2:
        qtbot.mouseClick(child_window.next_button, Qt.MouseButton.LeftButton)
    window.lock()
    assert not child_window.isVisible()
    assert window.is_locked
    # unlocked by the practitioner: their interview, at the stage the child reached (never child mode)
    qtbot.keyClicks(window.unlock_page.passphrase, PASS)
    qtbot.keyClick(window.unlock_page.passphrase, Qt.Key.Key_Return)
    assert window.child_window is None and window.stack.currentWidget() is window.interview_page
    assert window.interview_page.interview.id == iv.id and window.interview_page.stage_index == 2


def test_after_unlocking_the_case_page_and_the_compare_page_come_back(qtbot, window):
    first_run(qtbot, window)
    case, iv = open_parent_interview(window)
    window.open_case(case.id)
    window.lock()
    qtbot.keyClicks(window.unlock_page.passphrase, PASS)
    qtbot.keyClick(window.unlock_page.passphrase, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.case_page and window.case_page.case.id == case.id
    child = window.case_page.selected_child()
    window.open_compare(window.case_page.case, child)
    window.compare_page.tabs.setCurrentIndex(1)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.unlock_page.passphrase, PASS)
    qtbot.keyClick(window.unlock_page.passphrase, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.compare_page
    assert window.compare_page.child_.id == child.id and window.compare_page.tabs.currentIndex() == 1


def test_window_size_is_remembered(qtbot, tmp_path, lib, asked):
    first = MainWindow(tmp_path / "data", library=lib)
    qtbot.addWidget(first)
    first.show()
    first.resize(700, 500)
    first.close()
    second = MainWindow(tmp_path / "data", library=lib)
    qtbot.addWidget(second)
    second.show()
    assert (second.width(), second.height()) == (700, 500)


def test_every_control_on_every_screen_has_an_accessible_name_and_description(qtbot, window, monkeypatch,
                                                                             tmp_path):
    """Walks every screen and every panel a user can open, asking the accessibility layer (what a
    screen reader hears) for each shown control's name and description, and whether the name
    contains the label the control shows (what a voice-control user says)."""
    from PySide6.QtWidgets import QApplication

    from tests.ui.a11y import controls, gaps

    walked = {}

    def check(screen, root):
        walked[screen] = len(controls(root))
        problems[screen] = gaps(root)

    problems = {}
    check("first run", window)
    first_run(qtbot, window)
    case, iv = open_parent_interview(window)
    page = window.interview_page
    check("interview", page)
    page.guidance_check.setChecked(True)
    page.cards[0].not_asked.setChecked(True)
    check("interview with guidance and a topic not asked", page)
    child = case.children[0]
    iv2 = window.session.start_interview(case, child, Perspective(PerspectiveKind.CHILD), "primary",
                                         date(2026, 11, 24))
    window.open_interview(case, child, iv2)
    check("interview with the child", window.interview_page)
    window.interview_page.child_mode_button.click()
    child_window = window.child_window
    check("child mode", child_window)
    child_window.go(len(child_window.pages) - 1)  # the very last page: "All done"
    check("child mode, last page", child_window)
    child_window.leave()
    window.open_case(case.id)
    case_page = window.case_page
    check("household", case_page)
    case_page.child_table.selectRow(0)
    for name in ("add_adult", "add_child"):
        getattr(case_page, f"{name}_button").click()
        check(f"household: {name.replace('_', ' ')}", case_page)
    case_page.open_start_panel()
    check("start interview", case_page)
    case_page.perspective_combo.setCurrentIndex(case_page.perspective_combo.count() - 1)
    check("start a professional account", case_page)
    case_page.compare_button.click()
    compare = window.compare_page
    assert window.stack.currentWidget() is compare
    compare.open_cell(*compare.cell_for(compare.comparison.topics[0].topic.key, column=0))
    for tab in range(compare.tabs.count()):
        compare.tabs.setCurrentIndex(tab)
        check(f"compare: {compare.tabs.tabText(tab)}", compare)
    compare.editor.plan.add()
    compare.editor.ratings.add()
    check("analysis with a plan and a scale", compare)
    compare.choose_button.click()
    check("compare: interviews and columns to choose", compare)
    compare.choose_button.click()
    monkeypatch.setattr(dialogs, "ASK", lambda kind, *a, **k: tmp_path / "walk.docx" if kind == "save_path" else None)
    compare.tabs.setCurrentWidget(compare.export_panel)
    compare.export_panel.export_button.click()
    assert compare.export_panel.open_file_button.isVisible()
    check("compare: exported", compare)
    window.show_cases()
    check("cases", window.cases_page)
    window.cases_page.start_new_case()
    check("cases: new case", window.cases_page)
    window.show_templates()
    check("templates", window.templates_page)
    window.lock()
    QApplication.processEvents()
    check("locked", window)
    assert not {screen: found for screen, found in problems.items() if found}
    # the walk saw the screens it names, not empty pages
    assert min(walked.values()) >= 2 and walked["interview"] >= 15, walked


def test_keyboard_alone_first_run_and_an_interview(qtbot, window, tmp_path):
    from PySide6.QtWidgets import QApplication

    def press(key, modifier=Qt.KeyboardModifier.NoModifier):
        qtbot.keyClick(QApplication.focusWidget() or window, key, modifier)

    def type_(text):
        qtbot.keyClicks(QApplication.focusWidget(), text)

    window.activateWindow()
    window.first_run.passphrase.setFocus()  # where the first-run screen puts the cursor
    type_(PASS)
    press(Qt.Key.Key_Tab)
    type_(PASS)
    press(Qt.Key.Key_Tab)
    press(Qt.Key.Key_Space)  # tick "I understand"
    press(Qt.Key.Key_Tab)
    press(Qt.Key.Key_Space)  # Create
    assert window.session is not None
    case, iv = open_parent_interview(window)
    page = window.interview_page
    assert QApplication.focusWidget() is page.cards[0].text  # ready to type the first answer
    type_("He gets up at seven")
    press(Qt.Key.Key_Tab)
    seen = []
    for _ in range(40):  # Tab through the card: every control is reachable and takes keys
        widget = QApplication.focusWidget()
        seen.append(type(widget).__name__)
        if widget is page.cards[0].feeling.buttons[0] or widget in page.cards[0].feeling.buttons:
            press(Qt.Key.Key_Right)
            press(Qt.Key.Key_Space)  # choose the face
            break
        press(Qt.Key.Key_Tab)
    assert page.cards[0].feeling.value() == "happy", seen
    press(Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert page.stage_index == 1
    press(Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert page.cards[0].text.toPlainText() == "He gets up at seven"
    page.autosaver.flush()
    with Store.open(tmp_path / "data", PASS) as again:
        a = again.load_case(case.id).children[0].interviews[0].answers[page.cards[0].key]
    assert a.text == "He gets up at seven" and a.feeling == "happy"


def test_after_unlocking_the_case_list_takes_keys_at_once(qtbot, window):
    from PySide6.QtWidgets import QApplication

    first_run(qtbot, window)
    assert window.cases_page.isAncestorOf(QApplication.focusWidget())
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.cases_page.new_panel.isVisible()


def test_the_app_moves_a_store_from_the_earlier_folder_and_says_so_once(qtbot, tmp_path, library, monkeypatch):
    """Started with no folder named, the app finds the store in the earlier (roaming) folder, moves it
    to the local one and tells the user once; unlocking then opens the moved store."""
    from dayinlife import app, datadir
    from dayinlife.store import Store
    from tests.test_case_interchange import build_case

    earlier = tmp_path / "Roaming" / "DayInMyLife"
    with Store.create(earlier, "moving passphrase") as store:
        store.save_case(build_case(library))
    new = tmp_path / "Local" / "DayInMyLife"
    monkeypatch.delenv("DAYINLIFE_DATA_DIR", raising=False)
    monkeypatch.setattr(datadir, "default_data_dir", lambda: new)
    monkeypatch.setattr(datadir, "earlier_default_dirs", lambda: [earlier])
    window = app.build_main_window()
    qtbot.addWidget(window)
    assert window.data_dir == new and "has been moved from" in window.startup_note
    assert window.stack.currentWidget() is window.unlock_page
    qtbot.keyClicks(window.unlock_page.passphrase, "moving passphrase")
    qtbot.keyClick(window.unlock_page.passphrase, Qt.Key.Key_Return)
    assert window.session is not None and window.session.store.folder == new
    window.session.store.close()
    again = app.build_main_window()
    qtbot.addWidget(again)
    assert again.startup_note is None


def test_the_idle_lock_is_never_longer_than_the_organisation_allows(qtbot, tmp_path, monkeypatch):
    from PySide6.QtCore import QSettings

    from dayinlife import managed as managed_settings
    from dayinlife.ui.main_window import MainWindow

    settings_file = tmp_path / "dayinlife-settings.toml"
    settings_file.write_text("[lock]\nlongest_idle_minutes = 15\n", "utf-8")
    monkeypatch.setenv(managed_settings.ENV_VAR, str(settings_file))
    user = QSettings(str(tmp_path / "user.ini"), QSettings.Format.IniFormat)
    user.setValue("lock/idle_minutes", 60)  # chosen before the organisation set its limit
    window = MainWindow(tmp_path / "data", settings=user)
    qtbot.addWidget(window)
    assert window.idle.minutes == 15
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    idle = next(a.menu() for a in menu.actions() if a.menu() and "idle" in a.text())
    offered = {a.text(): a.isEnabled() for a in idle.actions()}
    assert offered["15 minutes"] and not offered["60 minutes (your organisation allows up to 15)"]
    window.set_idle_minutes(30)
    assert window.idle.minutes == 15


def test_help_about_gives_the_version_and_the_licences(qtbot, tmp_path, monkeypatch):
    from dayinlife import __version__
    from dayinlife.ui import dialogs
    from dayinlife.ui.main_window import MainWindow

    window = MainWindow(tmp_path / "data")
    qtbot.addWidget(window)
    told = []
    monkeypatch.setattr(dialogs, "ASK", lambda kind, parent, title, text, **k: told.append((kind, title, text)))
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    next(a for a in help_menu.actions() if "About" in a.text()).trigger()
    (kind, title, text), = told
    assert kind == "info" and title == "About Day in My Life" and f"Day in My Life {__version__}" in text
    assert "LGPL-3.0" in text and "can be replaced" in text and "SQLCipher" in text


def test_a_benchmark_can_trace_an_unlock_and_nothing_is_written_otherwise(qtbot, window, tmp_path, monkeypatch):
    """DAYINLIFE_TRACE (bench/bench_bundle.py): the moments of an unlock, in order, fixed words only."""
    first_run(qtbot, window)
    window.lock()
    qtbot.keyClicks(window.unlock_page.passphrase, PASS)
    qtbot.keyClick(window.unlock_page.passphrase, Qt.Key.Key_Return)
    assert not any(tmp_path.rglob("*trace*"))  # not asked for: nothing written anywhere
    window.lock()
    trace = tmp_path / "trace.txt"
    monkeypatch.setenv("DAYINLIFE_TRACE", str(trace))
    qtbot.keyClicks(window.unlock_page.passphrase, PASS)
    qtbot.keyClick(window.unlock_page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: trace.exists() and "cases-drawn" in trace.read_text("utf-8"))
    lines = [line.split() for line in trace.read_text("utf-8").splitlines()]
    assert [name for name, _ in lines] == ["unlock", "key-derivation-start", "key-derivation-end", "cases-drawn"]
    times = [float(t) for _, t in lines]
    assert times == sorted(times)
    assert PASS.split()[0] not in trace.read_text("utf-8")
