"""Themes and presentation mode: switching, remembering, focus always visible, the accessibility walk."""

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from dayinlife.template_loader import load_library
from dayinlife.ui import dialogs, theme
from dayinlife.ui.main_window import MainWindow
from tests.ui import test_main_window as main_window_tests
from tests.ui.conftest import look_kept

THEMES = list(theme.THEMES)


@pytest.fixture(scope="module")
def lib():
    return load_library()


@pytest.fixture(autouse=True)
def restore_look(qapp):
    """Each test leaves the application looking as it found it."""
    with look_kept(qapp):
        yield


@pytest.fixture
def asked(monkeypatch):
    questions = []
    monkeypatch.setattr(dialogs, "ASK", lambda kind, *a, **k: questions.append((kind, a)) or None)
    return questions


def make_window(qtbot, data_dir, lib):
    w = MainWindow(data_dir, library=lib)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def selectors(qss: str) -> set[str]:
    qss = re.sub(r"/\*.*?\*/", "", qss, flags=re.S)
    found = set()
    for head in re.findall(r"([^{}]+)\{", qss):
        found |= {" ".join(s.split()) for s in head.split(",") if s.strip()}
    return found


def test_every_theme_has_the_role_rules_of_the_default():
    default = selectors(theme.stylesheet_path("default").read_text("utf-8"))
    roles = {s for s in default if "role=" in s or "#child" in s}
    assert len(roles) >= 12
    for name in THEMES:
        missing = roles - selectors(theme.stylesheet_path(name).read_text("utf-8"))
        assert not missing, (name, missing)


def test_dark_and_high_contrast_text_is_easy_to_read(qapp):
    for name, at_least in (("dark", 4.5), ("high_contrast", 15)):
        theme.apply_theme(qapp, name)
        p = qapp.palette()
        for text, ground in ((QPalette.ColorRole.WindowText, QPalette.ColorRole.Window),
                             (QPalette.ColorRole.Text, QPalette.ColorRole.Base),
                             (QPalette.ColorRole.ButtonText, QPalette.ColorRole.Button),
                             (QPalette.ColorRole.HighlightedText, QPalette.ColorRole.Highlight)):
            ratio = theme.contrast_ratio(p.color(text), p.color(ground))
            assert ratio >= at_least, (name, text, ratio)
        disabled = p.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
        assert theme.contrast_ratio(disabled, p.color(QPalette.ColorRole.Window)) >= 4.5


def test_switching_theme_from_the_view_menu_and_it_is_remembered(qtbot, tmp_path, lib, asked, qapp):
    window = make_window(qtbot, tmp_path / "data", lib)
    assert window.theme_actions["default"].isChecked()
    default_window = qapp.palette().color(QPalette.ColorRole.Window)
    window.theme_actions["high_contrast"].trigger()
    assert qapp.palette().color(QPalette.ColorRole.Window).name() == "#000000"
    assert qapp.palette().color(QPalette.ColorRole.Highlight).name() == "#ffff00"
    assert "#ffff00" in qapp.styleSheet()
    assert window.theme_actions["high_contrast"].isChecked() and not window.theme_actions["default"].isChecked()
    window.theme_actions["dark"].trigger()
    assert qapp.palette().color(QPalette.ColorRole.Window).name() == "#1f2124"
    # what a widget actually shows follows the theme
    assert window.palette().color(QPalette.ColorRole.Window).name() == "#1f2124"
    window.close()
    theme.apply_theme(qapp, "default")  # as a fresh start would be
    assert qapp.palette().color(QPalette.ColorRole.Window) == default_window

    again = make_window(qtbot, tmp_path / "data", lib)
    assert theme.current_theme(qapp) == ("dark", False)
    assert qapp.palette().color(QPalette.ColorRole.Window).name() == "#1f2124"
    assert again.theme_actions["dark"].isChecked()
    again.theme_actions["default"].trigger()
    assert qapp.palette().color(QPalette.ColorRole.Window) == default_window
    assert again.settings.value("view/theme") == "default"


def test_presentation_mode_makes_text_bigger_with_any_theme_and_is_remembered(qtbot, tmp_path, lib, asked, qapp):
    theme.apply_theme(qapp, "default")  # as create_app() does
    window = make_window(qtbot, tmp_path / "data", lib)
    base = qapp.font().pointSizeF()
    heading = QLabel("A heading", window)
    heading.setProperty("role", "heading")
    heading.ensurePolished()
    heading_size = heading.font().pointSizeF()
    assert heading_size == pytest.approx(16)

    window.theme_actions["high_contrast"].trigger()
    normal_button = QPushButton("Next", window).sizeHint()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_P,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)  # Ctrl+Shift+P
    assert window.presentation_action.isChecked()
    assert qapp.font().pointSizeF() == pytest.approx(base * theme.PRESENTATION_SCALE)
    assert qapp.palette().color(QPalette.ColorRole.Window).name() == "#000000"  # still high contrast
    fresh = QLabel("Another heading", window)
    fresh.setProperty("role", "heading")
    fresh.ensurePolished()
    assert fresh.font().pointSizeF() == pytest.approx(16 * theme.PRESENTATION_SCALE, abs=0.1)
    big_button = QPushButton("Next", window).sizeHint()
    assert big_button.height() > normal_button.height() and big_button.width() > normal_button.width()
    window.theme_actions["dark"].trigger()
    assert qapp.font().pointSizeF() == pytest.approx(base * theme.PRESENTATION_SCALE)  # combined
    window.close()
    theme.apply_theme(qapp, "default")

    again = make_window(qtbot, tmp_path / "data", lib)
    assert theme.current_theme(qapp) == ("dark", True)
    assert again.presentation_action.isChecked()
    assert qapp.font().pointSizeF() == pytest.approx(base * theme.PRESENTATION_SCALE)
    again.presentation_action.trigger()  # off again: back to the size it started at, not smaller
    assert not again.presentation_action.isChecked()
    assert qapp.font().pointSizeF() == pytest.approx(base)
    assert theme.current_theme(qapp) == ("dark", False)


def test_presentation_scales_every_size_but_hairlines():
    scaled = theme.scale_sizes("a { font-size: 10pt; padding: 10px 20px; border: 1px solid #123456; }", 1.4)
    assert scaled == "a { font-size: 14pt; padding: 14px 28px; border: 1px solid #123456; }"


@pytest.mark.parametrize("name", THEMES)
@pytest.mark.parametrize("presentation", [False, True])
def test_focus_is_visible_in_every_theme(qtbot, qapp, name, presentation):
    theme.apply_theme(qapp, name, presentation)
    host = QWidget()
    qtbot.addWidget(host)
    column = QVBoxLayout(host)
    decoy = QLineEdit("somewhere else")
    button, line, box = QPushButton("Next"), QLineEdit("Some words"), QPlainTextEdit("More words")
    for w in (decoy, button, line, box):
        w.setAccessibleName(type(w).__name__)
        column.addWidget(w)
    host.show()
    qtbot.waitExposed(host)
    host.activateWindow()
    for widget in (button, line, box):
        decoy.setFocus()
        qtbot.waitUntil(decoy.hasFocus)
        plain = widget.grab().toImage()
        widget.setFocus()
        qtbot.waitUntil(widget.hasFocus)
        focused = widget.grab().toImage()
        assert plain.size() == focused.size()
        changed = sum(plain.pixel(x, y) != focused.pixel(x, y)
                      for x in range(plain.width()) for y in range(plain.height()))
        # not a caret or a single pixel: a ring round the control
        assert changed >= plain.width(), (name, type(widget).__name__, changed)


@pytest.mark.parametrize("name", ["high_contrast", "dark"])
def test_accessibility_walk_passes_in_every_theme(qtbot, tmp_path, lib, asked, qapp, name, monkeypatch):
    theme.apply_theme(qapp, name, presentation=True)
    window = make_window(qtbot, tmp_path / "data", lib)
    assert theme.current_theme(qapp) == ("default", False)  # nothing saved yet: the start-up applies the default
    window.theme_actions[name].trigger()
    window.presentation_action.trigger()
    assert theme.current_theme(qapp) == (name, True)
    main_window_tests.test_every_control_on_every_screen_has_an_accessible_name_and_description(
        qtbot, window, monkeypatch, tmp_path)
    window.close()


@pytest.mark.parametrize("name", ["high_contrast", "dark"])
def test_in_presentation_mode_every_demo_screen_fits_a_projector(qtbot, tmp_path, lib, asked, qapp, name):
    """A 1024 x 768 projector, less the title bar and taskbar: no screen of the demo asks for more,
    so nothing is pushed off the screen. Long text wraps, rows of checkboxes flow onto more lines,
    and panels scroll instead."""
    window = MainWindow(tmp_path / "data", library=lib, demo=True)
    qtbot.addWidget(window)
    window.show()
    window.set_theme(name)
    window.set_presentation(True)
    largest = {}

    def measure(screen):
        QApplication.processEvents()
        hint = window.minimumSizeHint()
        largest[screen] = (hint.width(), hint.height())

    measure("cases")
    session = window.session
    for summary in session.store.list_cases():
        case = session.store.load_case(summary.id)
        window.open_case(case.id)
        measure(f"{case.reference}")
        for n, child in enumerate(case.children):
            window.case_page.child_table.selectRow(n)
            window.case_page.open_start_panel()
            measure(f"{case.reference} start panel")
            for iv in child.interviews:
                window.open_interview(case, child, iv)
                measure(f"{case.reference} {child.called} {iv.perspective.kind.value}")
            window.open_case(case.id)
            window.case_page.child_table.selectRow(n)
            window.case_page.compare_button.click()
            for tab in range(window.compare_page.tabs.count()):
                window.compare_page.tabs.setCurrentIndex(tab)
                measure(f"{case.reference} {child.called} compare tab {tab}")
    window.show_templates()
    measure("templates")
    too_big = {screen: size for screen, size in largest.items() if size[0] > 1000 or size[1] > 700}
    assert not too_big
    assert len(largest) > 30
    window.close()


@pytest.mark.parametrize("name", ["default", "high_contrast", "dark"])
def test_every_picture_a_stylesheet_draws_exists(name):
    qss = theme.stylesheet(name, presentation=True)
    urls = re.findall(r"url\(([^)]+)\)", qss)
    assert "@ICONS@" not in qss
    missing = [u for u in urls if not Path(u).is_file()]
    assert not missing
    if name != "default":  # the filled themes add a tick and a dot, so checked is not told by colour alone
        assert any(u.endswith(".svg") and "tick" in u for u in urls) and any("dot" in u for u in urls)


@pytest.mark.timeout(600)  # every stage of all 19 demo interviews, built and laid out: about a minute
def test_in_a_small_window_the_topics_wrap_instead_of_being_cut_off(qtbot, tmp_path, lib, asked):
    """A 1400 x 900 laptop at 150% in presentation mode leaves about 890 x 540 for the window. The
    topics never scroll sideways, so whatever they hold must fit the width they are given."""
    window = MainWindow(tmp_path / "data", library=lib, demo=True)
    qtbot.addWidget(window)
    window.set_theme("dark")
    window.set_presentation(True)
    window.resize(890, 540)
    window.show()
    session, checked, cut = window.session, 0, {}
    for summary in session.store.list_cases():
        case = session.store.load_case(summary.id)
        for child in case.children:
            for iv in child.interviews:
                window.open_interview(case, child, iv)
                page = window.interview_page
                for stage in range(len(page.template.stages)):
                    page.go_to_stage(stage)
                    QApplication.processEvents()
                    holder, viewport = page.area.widget(), page.area.viewport()
                    checked += 1
                    if holder.minimumSizeHint().width() > viewport.width() or holder.width() > viewport.width():
                        cut[f"{case.reference} {iv.perspective.kind.value} stage {stage}"] = (
                            holder.minimumSizeHint().width(), viewport.width())
                assert page.stage_list.width() <= window.width() * 2 // 5 + 1
    assert checked > 100 and not cut
    window.close()
