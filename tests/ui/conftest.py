"""Shared by the screen tests: a stand-in for the main window, a dialog answerer, a real store."""

from __future__ import annotations

from contextlib import contextmanager

import pytest

from dayinlife.session import Session
from dayinlife.store import Store


class FakeShell:
    """Stands in for the main window: records what the page asks of it."""

    def __init__(self, session: Session):
        self.session = session
        self.opened: list[str] = []
        self.interviews: list[tuple] = []
        self.errors: list[str] = []
        self.statuses: list[str] = []
        self.cases_shown = 0

    def show_cases(self) -> None:
        self.cases_shown += 1

    def open_case(self, case_id: str) -> None:
        self.opened.append(case_id)

    def open_interview(self, case, child, interview) -> None:
        self.interviews.append((case, child, interview))

    def show_error(self, message: str) -> None:
        self.errors.append(message)

    def set_status(self, message: str) -> None:
        self.statuses.append(message)


class Answers:
    """Replaces dialogs.ASK: records each question and gives a set answer."""

    def __init__(self, answer):
        self.answer = answer
        self.asked: list[tuple] = []

    def __call__(self, kind, parent, title, text, **options):
        self.asked.append((kind, title, text, options))
        return self.answer


@pytest.fixture
def store(tmp_path):
    store = Store.create(tmp_path / "data", "not a real passphrase")
    yield store
    store.close()


@pytest.fixture
def shell(store, library):
    return FakeShell(Session(store, library))


@pytest.fixture(autouse=True)
def no_real_speech(request, monkeypatch):
    """Screens are tested without the computer's own speech engine: whether there is one differs from
    machine to machine, and loading one can print Qt warnings about sound libraries. The speech tests
    use fake engines; tests marked ``real_speech`` use whatever engine the machine has."""
    if request.node.get_closest_marker("real_speech") is None:
        from dayinlife.ui import speech

        monkeypatch.setattr(speech, "engines_installed", lambda: False)
        monkeypatch.setattr(speech, "engine_factory", lambda parent: None)
    yield
    from dayinlife.ui import speech

    speech.forget_engine()  # the run's engine is kept between screens: not between tests


def unlocked_window(qtbot, folder, library, passphrase: str):
    """The real main window on a new store in `folder`, unlocked as a person does it: the passphrase
    typed and Return pressed. The caller closes it."""
    from PySide6.QtCore import Qt

    from dayinlife.ui.main_window import MainWindow

    Store.create(folder, passphrase).close()
    w = MainWindow(folder, library=library)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    qtbot.keyClicks(w.unlock_page.passphrase, passphrase)
    qtbot.keyClick(w.unlock_page.passphrase, Qt.Key.Key_Return)
    assert w.session is not None
    return w


@contextmanager
def look_kept(qapp):
    """Whatever a test does to the application's look (stylesheet, palette, font, theme), put back after."""
    from PySide6.QtGui import QPalette

    from dayinlife.ui import theme

    before = (qapp.styleSheet(), QPalette(qapp.palette()), qapp.font(), theme.current_theme(qapp))
    try:
        yield
    finally:
        sheet, palette, font, (name, presentation) = before
        qapp.setStyleSheet(sheet)
        qapp.setPalette(palette)
        qapp.setFont(font)
        qapp.setProperty("dayinlife_theme", name)
        qapp.setProperty("dayinlife_presentation", presentation)


@pytest.fixture
def shipped_look(qapp):
    """The app's own look (theme stylesheet, fonts: child mode's big text comes from it), as
    `create_app` sets it; put back as it was after the test. Call it with (theme, presentation)."""
    from dayinlife.ui import theme

    def apply(name: str = "default", presentation: bool = False) -> None:
        theme.apply_theme(qapp, name, presentation)

    with look_kept(qapp):
        apply()
        yield apply


@pytest.fixture(autouse=True)
def quiet_announcer():
    """Each test starts from silence: what one test announced never stops another's being said."""
    from dayinlife.ui import announce

    announce.forget()
    yield
    announce.forget()


@pytest.fixture
def heard():
    """What the app announced to assistive technology, as (text, assertive), in order. Qt gives Python
    no way to watch its accessibility events, so this listens where the app makes them
    (dayinlife/ui/announce.py); tests/ui/test_atspi.py hears the real ones through AT-SPI."""
    from dayinlife.ui import announce

    said: list[tuple[str, bool]] = []

    def listen(_widget, text, assertive):
        said.append((text, assertive))

    announce.LISTENERS.append(listen)
    yield said
    announce.LISTENERS.remove(listen)


def child_mode_window(qtbot, session, case, monkeypatch, template: str = "primary", stage: int = 0, *,
                      scanning: bool = False, size: tuple[int, int] = (1000, 760)):
    """Child mode, shown and active, on a new child's interview (the case's first child) on
    `template`, from `stage`; every dialog it opens is answered with nothing. The caller leaves it."""
    from datetime import date

    from dayinlife import people
    from dayinlife.case import Perspective, PerspectiveKind
    from dayinlife.ui import dialogs
    from dayinlife.ui.autosave import Autosaver
    from dayinlife.ui.child_mode import ChildModeWindow

    child = case.children[0]
    iv = session.start_interview(case, child, Perspective(PerspectiveKind.CHILD), template, date(2026, 11, 20))
    monkeypatch.setattr(dialogs, "ASK", lambda *a, **k: None)
    window = ChildModeWindow(session, Autosaver(session), child, iv, session.template_for(case, iv), stage,
                             named=tuple(people.choices(case, child)), case=case, scanning=scanning)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    return window


def stored_interview(folder, passphrase: str, case, child: int = 0, interview: int = 0):
    """The interview as the store on disk now holds it (opened afresh)."""
    with Store.open(folder, passphrase) as store:
        return store.load_case(case.id).children[child].interviews[interview]
