"""The main window: the lock screens, then the case list, a case, an interview, the templates.

Screens that show family data exist only while the store is unlocked: locking destroys them,
so nothing anyone typed stays on screen or in the widget tree.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QStackedWidget, QToolBar, QVBoxLayout, QWidget

from typing import TYPE_CHECKING

from ..datadir import demo_data_dir, is_demo_folder, store_exists, store_missing
from .announce import announce, show_status
from .lock_pages import FirstRunPage, UnlockPage
from . import theme

# dialogs (message boxes) are imported where they are used: each Qt class costs its first use, and
# the lock screen appears sooner without them.
if TYPE_CHECKING:  # the domain is imported on unlock, so the lock screen appears quickly
    from .idle import IdleWatcher
    from ..case import Case, Child, Interview
    from ..session import Session
    from ..template_loader import TemplateLibrary

IDLE_CHOICES = (5, 10, 15, 30, 60)
DEFAULT_IDLE_MINUTES = 10


def _people():
    from .. import people  # imported on use: it brings the case model, which the lock screen does without

    return people


class MainWindow(QMainWindow):
    startup_note: str | None = None  # said once after the window shows (app.run): e.g. the store was moved

    def __init__(self, data_dir: Path, library: "TemplateLibrary | None" = None, settings: QSettings | None = None,
                 parent: QWidget | None = None, demo: bool = False):
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle("Day in My Life")
        self.demo = demo  # the trainer's demo: only ever the demo folder, never the real store
        self.data_dir = demo_data_dir(data_dir) if demo else Path(data_dir)
        self._library = library
        self.settings = settings or QSettings(str(self.data_dir / "settings.ini"), QSettings.Format.IniFormat)
        from ..managed import load_managed

        self.managed = load_managed()  # what the organisation fixes for every user (docs/deploying.md)
        self.session: "Session | None" = None
        self.child_window = None
        self._locking = False
        self.stack = QStackedWidget(self)
        self.setCentralWidget(self.stack)
        self._first_run = self._unlock_page = None  # built when first shown
        self.cases_page = self._case_page = self._interview_page = self.templates_page = None
        self._compare_page = None
        self._chronology_page = None
        self._scores_page = None
        self._family_page = None
        self._resume: tuple | None = None  # the screen that was open when the app locked (ids only, in memory)
        self.saved_status = QLabel("")  # the open page's saved state, named by what it says
        self.statusBar().addPermanentWidget(self.saved_status)
        # A status bar's passing message is painted, not a label: its words are announced (set_status)
        # and carried by the bar's accessible name while shown, for a screen reader's "read status bar".
        self.statusBar().messageChanged.connect(lambda text: self.statusBar().setAccessibleName(text or ""))
        self._make_actions()
        self._make_view_actions()
        help_menu = self.menuBar().addMenu("&Help")  # last, where every desktop puts it
        help_menu.addAction(QAction("&User guide", self, shortcut=QKeySequence.StandardKey.HelpContents,
                                    triggered=self.show_guide))
        help_menu.addAction(QAction("&About Day in My Life", self, triggered=self.show_about))
        self._apply_saved_view()
        self._idle: "IdleWatcher | None" = None
        self._restore_geometry()
        self._show_lock_screen()
        self._warmed = False
        if demo:
            self._start_demo()
        elif is_demo_folder(self.data_dir):
            self._refuse_demo_folder()

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if not self._warmed:
            # The lock screen is on screen: while the passphrase is typed, get ready for what follows.
            self._warmed = True
            QTimer.singleShot(100, self._warm_up)

    def _warm_up(self) -> None:
        from .. import report, session, store  # noqa: F401  (imports: cryptography, SQLCipher, Jinja2, docx)
        from . import case_list, case_page, compare_page, interview_page  # noqa: F401
        from .forms import load_form
        from .wheel import guard_choices

        guard_choices()  # (its first events make Qt's types for every kind of object it sees: now, not after Return)
        # The case list's form, loaded once and let go: Qt's classes it uses are made now, while
        # the passphrase is typed, not after Return.
        load_form("case_list.ui").deleteLater()
        self.library

    @property
    def idle(self) -> "IdleWatcher":
        if self._idle is None:
            from .idle import IdleWatcher  # only needed once unlocked

            self._idle = IdleWatcher(self.managed.idle_minutes(
                float(self.settings.value("lock/idle_minutes", DEFAULT_IDLE_MINUTES))), parent=self)
            self._idle.idle.connect(self.lock)
        return self._idle

    # ------------------------------------------------------------------ the library, lazily

    @property
    def library(self) -> "TemplateLibrary":
        if self._library is None:
            from ..template_loader import load_with_organisation

            self._library = load_with_organisation(self.managed.templates_folder)
        return self._library

    @property
    def first_run(self) -> FirstRunPage:
        if self._first_run is None:
            self._first_run = self._add_lock_page(FirstRunPage(self.data_dir))
        return self._first_run

    @property
    def unlock_page(self) -> UnlockPage:
        if self._unlock_page is None:
            self._unlock_page = self._add_lock_page(UnlockPage(self.data_dir))
        return self._unlock_page

    def _add_lock_page(self, page):
        page.unlocked.connect(self._unlocked)
        self.stack.addWidget(page)
        return page

    # ------------------------------------------------------------------ actions

    def _make_actions(self) -> None:
        bar = QToolBar("Main", self)
        bar.setObjectName("mainToolBar")
        bar.setMovable(False)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        self.cases_action = QAction("&Cases", self, shortcut=QKeySequence("Ctrl+1"), triggered=self.show_cases)
        self.templates_action = QAction("&Templates", self, shortcut=QKeySequence("Ctrl+2"),
                                        triggered=self.show_templates)
        self.lock_action = QAction("&Lock", self, shortcut=QKeySequence("Ctrl+L"), triggered=self.lock)
        self.lock_action.setToolTip("Lock now (Ctrl+L): the screen is cleared and the passphrase is needed")
        self.backup_action = QAction("&Back up…", self, triggered=self.back_up)
        quit_action = QAction("&Quit", self, shortcut=QKeySequence.StandardKey.Quit, triggered=self.close)
        for action in (self.cases_action, self.templates_action, self.lock_action):
            bar.addAction(action)
        store_menu = self.menuBar().addMenu("&Store")
        store_menu.addActions([self.backup_action, self.lock_action])
        store_menu.addSeparator()
        store_menu.addAction(quit_action)
        view_menu = self.menuBar().addMenu("&View")
        view_menu.addActions([self.cases_action, self.templates_action])
        idle_menu = view_menu.addMenu("Lock when &idle for")
        group = QActionGroup(self)
        current = int(self.managed.idle_minutes(float(self.settings.value("lock/idle_minutes", DEFAULT_IDLE_MINUTES))))
        longest = self.managed.longest_idle_minutes
        for minutes in IDLE_CHOICES:
            action = QAction(f"{minutes} minutes", self, checkable=True, checked=minutes == current)
            action.triggered.connect(lambda _=False, m=minutes: self.set_idle_minutes(m))
            if longest is not None and minutes > longest:  # longer than the organisation allows
                action.setEnabled(False)
                action.setText(f"{minutes} minutes (your organisation allows up to {longest})")
            group.addAction(action)
            idle_menu.addAction(action)
        self.session_actions = [self.cases_action, self.templates_action, self.lock_action, self.backup_action]

    # ------------------------------------------------------------------ themes and presentation mode

    def _make_view_actions(self) -> None:
        """View → Theme (one of the themes, checkable) and View → Presentation mode."""
        view_menu = next(a.menu() for a in self.menuBar().actions() if a.text() == "&View")
        view_menu.addSeparator()
        theme_menu = view_menu.addMenu("T&heme")
        self.theme_group = QActionGroup(self)
        self.theme_actions: dict[str, QAction] = {}
        saved = self._saved_theme()
        for name, label in theme.THEMES.items():
            action = QAction(label, self, checkable=True, checked=name == saved)
            action.triggered.connect(lambda _=False, n=name: self.set_theme(n))
            self.theme_group.addAction(action)
            theme_menu.addAction(action)
            self.theme_actions[name] = action
        self.presentation_action = QAction("&Presentation mode", self, checkable=True,
                                           checked=self._saved_presentation(),
                                           shortcut=QKeySequence("Ctrl+Shift+P"))
        self.presentation_action.setToolTip("Larger text and controls for a projector (Ctrl+Shift+P)")
        self.presentation_action.toggled.connect(self.set_presentation)
        view_menu.addAction(self.presentation_action)
        self.addAction(self.presentation_action)  # the shortcut works while the menu bar is hidden too

    def _saved_theme(self) -> str:
        name = str(self.settings.value("view/theme", theme.DEFAULT_THEME))
        return name if name in theme.THEMES else theme.DEFAULT_THEME

    def _saved_presentation(self) -> bool:
        return str(self.settings.value("view/presentation", False)).lower() in ("true", "1")

    def _apply_saved_view(self) -> None:
        """At start-up: the theme and presentation mode chosen last time (nothing to do for the default)."""
        app = theme.running_app()
        wanted = (self._saved_theme(), self._saved_presentation())
        if app is not None and theme.current_theme(app) != wanted:
            theme.apply_theme(app, *wanted)

    def set_theme(self, name: str) -> None:
        if name not in theme.THEMES:
            return
        self.settings.setValue("view/theme", name)
        self.theme_actions[name].setChecked(True)
        theme.apply_theme(theme.running_app(), name, self.presentation_action.isChecked())

    def set_presentation(self, on: bool) -> None:
        self.settings.setValue("view/presentation", bool(on))
        if self.presentation_action.isChecked() != bool(on):
            self.presentation_action.setChecked(bool(on))  # toggles back in here
            return
        theme.apply_theme(theme.running_app(), self._saved_theme(), bool(on))

    def show_guide(self) -> None:
        from .guide import GuideWindow

        if getattr(self, "_guide", None) is None:
            self._guide = GuideWindow(self)
        self._guide.show()
        self._guide.raise_()
        self._guide.activateWindow()

    def show_about(self) -> None:
        from ..about import about_text
        from . import dialogs

        dialogs.info(self, about_text(), "About Day in My Life")

    def set_idle_minutes(self, minutes: int) -> None:
        minutes = self.managed.idle_minutes(minutes)  # never longer than the organisation allows
        self.idle.minutes = minutes
        self.settings.setValue("lock/idle_minutes", minutes)

    # ------------------------------------------------------------------ locking

    def _show_lock_screen(self) -> None:
        for action in self.session_actions:
            action.setEnabled(False)
        # a store whose database has gone is never offered a new set-up: unlocking says what happened
        page = self.unlock_page if store_exists(self.data_dir) or store_missing(self.data_dir) else self.first_run
        self.stack.setCurrentWidget(page)
        page.reset()
        show_status(self.saved_status, "", say=False)

    def _unlocked(self, store) -> None:
        """`store`: the unlocked store's handle, from the lock screen or the demo; only Session uses it."""
        from ..session import Session
        from .wheel import guard_choices

        # On every screen from here on, the wheel scrolls pages and never changes a choice. Not while
        # the lock screen is first drawn, which has no choices: the guard sees every event, and the
        # first of each kind costs Qt's types dearly; the warm-up installs it once it is drawn.
        guard_choices()
        self.session = Session(store, self.library)
        from .case_list import CaseListPage

        self.cases_page = CaseListPage(self)
        self.stack.addWidget(self.cases_page)
        from .. import trace

        if trace.enabled():  # a benchmark is timing this: mark when the case list is first painted
            _mark_first_paint(self.cases_page, "cases-drawn")
        for action in self.session_actions:
            action.setEnabled(True)
        self.idle.start()
        self.show_cases(refresh=False)
        resume, self._resume = self._resume, None
        if resume is not None:
            self._go_back_to(resume)

    def lock(self) -> None:
        """Save, close the store and clear every answer from the screen."""
        if self.session is None:
            return
        if self._idle is not None:
            self._idle.stop()
        if self.child_window is not None:
            self._locking = True  # nothing is shown now: the worries wait on the interview page
            try:
                self.child_window.leave()  # the interview behind it moves to the stage the child reached
            finally:
                self._locking = False
        self._resume = self._where()
        if self._interview_page is not None:
            self._interview_page.autosaver.flush()
        if self._compare_page is not None:
            self._compare_page.clear()  # saves the analysis first
        if self._family_page is not None and self._family_page.case is not None:
            self._family_page._texts_changed()  # the history typed, kept before the page goes
        for page in (self.cases_page, self._case_page, self._interview_page, self._compare_page,
                     self._chronology_page, self._scores_page, self._family_page):
            if page is not None:
                self.stack.removeWidget(page)
                page.deleteLater()
        self.cases_page = self._case_page = self._interview_page = self._compare_page = None
        self._chronology_page = self._scores_page = self._family_page = None
        self.session.lock()
        self.session = None
        self._show_lock_screen()

    @property
    def is_locked(self) -> bool:
        return self.session is None

    def _where(self) -> tuple | None:
        """Which screen is open, as ids: to come back to it after unlocking."""
        shown = self.stack.currentWidget()
        if shown is None:
            return None
        if shown is self._interview_page and shown.interview is not None:
            return ("interview", shown.case.id, shown.child_.id, shown.interview.id, shown.stage_index)
        if shown is self._compare_page and shown.child_ is not None:
            return ("compare", shown.case.id, shown.child_.id, shown.tabs.currentIndex())
        if shown is self._family_page and shown.case is not None:
            return ("family", shown.case.id, None)
        if shown is self._scores_page and shown.case is not None:
            return ("scores", shown.case.id, None)
        if shown is self._chronology_page and shown.case is not None:
            return ("chronology", shown.case.id, None, shown.child_filter.currentData())
        if shown is self._case_page and shown.case is not None:
            child = shown.selected_child()
            return ("case", shown.case.id, child.id if child is not None else None)
        if shown is self.templates_page:
            return ("templates",)
        return None

    def _go_back_to(self, where: tuple) -> None:
        """Open again the screen `_where` described; if what it showed is gone, stay on the cases."""
        from ..session import StoreError

        kind = where[0]
        if kind == "templates":
            return self.show_templates()
        try:
            case = self.session.open_case(where[1])
            child = case.child(where[2]) if where[2] is not None else None
        except (StoreError, KeyError):
            return
        if kind == "case":
            self.open_case(case.id)
            if child is not None:
                self.case_page.select_child(child.id)
        elif kind == "interview":
            try:
                interview = child.interview(where[3])
            except KeyError:
                return self.open_case(case.id)
            self.open_interview(case, child, interview)
            if self._interview_page is not None and self._interview_page.interview is interview:
                self._interview_page.go_to_stage(where[4])
        elif kind == "family":
            self.open_family(case)
        elif kind == "scores":
            self.open_scores(case)
        elif kind == "chronology":
            self.open_chronology(case, where[3])
        elif kind == "compare":
            self.open_compare(case, child)
            if self._compare_page is not None and self._compare_page.child_ is child:
                self._compare_page.tabs.setCurrentIndex(where[3])

    # ------------------------------------------------------------------ pages made on first use

    @property
    def case_page(self):
        if self._case_page is None and self.session is not None:
            from .case_page import CasePage

            self._case_page = CasePage(self)
            self.stack.addWidget(self._case_page)
        return self._case_page

    @property
    def interview_page(self):
        if self._interview_page is None and self.session is not None:
            from .interview_page import InterviewPage

            self._interview_page = InterviewPage(self)
            self._interview_page.on_child_mode = self.enter_child_mode
            self._interview_page.autosaver.state_changed.connect(self._saved_state)
            self.stack.addWidget(self._interview_page)
        return self._interview_page

    @property
    def compare_page(self):
        if self._compare_page is None and self.session is not None:
            from .compare_page import ComparePage

            self._compare_page = ComparePage(self)
            self._compare_page.saver.state_changed.connect(self._saved_state)
            self.stack.addWidget(self._compare_page)
        return self._compare_page

    @property
    def chronology_page(self):
        if self._chronology_page is None and self.session is not None:
            from .chronology_page import ChronologyPage

            self._chronology_page = ChronologyPage(self)
            self.stack.addWidget(self._chronology_page)
        return self._chronology_page

    @property
    def family_page(self):
        if self._family_page is None and self.session is not None:
            from .family_page import FamilyPage

            self._family_page = FamilyPage(self)
            self.stack.addWidget(self._family_page)
        return self._family_page

    @property
    def scores_page(self):
        if self._scores_page is None and self.session is not None:
            from .scores_page import ScoresPage

            self._scores_page = ScoresPage(self)
            self.stack.addWidget(self._scores_page)
        return self._scores_page

    # ------------------------------------------------------------------ the Shell the screens use

    def show_cases(self, refresh: bool = True) -> None:
        if self.cases_page is None:
            return
        if refresh:  # (a page just made has read the list already)
            self.cases_page.refresh()
        self.stack.setCurrentWidget(self.cases_page)
        self.cases_page.search.setFocus()  # so the page's keys (Ctrl+N, Enter) work at once

    def open_case(self, case_id: str) -> None:
        from ..session import StoreError

        try:
            case = self.session.open_case(case_id)
        except StoreError as exc:
            return self.show_error(str(exc))
        self.case_page.show_case(case)
        self.stack.setCurrentWidget(self.case_page)
        if not self.case_page.focusWidget() or not self.case_page.isAncestorOf(self.focusWidget() or self):
            self.case_page.focusNextChild()

    def open_interview(self, case: "Case", child: "Child", interview: "Interview") -> None:
        from ..session import StoreError

        try:
            self.interview_page.show_interview(case, child, interview, None)  # where it was left
        except StoreError as exc:
            return self.show_error(str(exc))
        self.stack.setCurrentWidget(self.interview_page)

    def open_compare(self, case: "Case", child: "Child") -> None:
        from ..session import StoreError

        try:
            self.compare_page.show_child(case, child)
        except StoreError as exc:
            return self.show_error(str(exc))
        self.stack.setCurrentWidget(self.compare_page)
        self.compare_page.grid.setFocus()

    def open_chronology(self, case: "Case", child_id: str | None = None) -> None:
        """The case's chronology (one child's, when `child_id` names one)."""
        self.chronology_page.show_case(case, child_id)
        self.stack.setCurrentWidget(self.chronology_page)
        self.chronology_page.table.setFocus()

    def open_family(self, case: "Case") -> None:
        """The case's wider family: relatives, relationships, history (drawn as a genogram in the report)."""
        self.family_page.show_case(case)
        self.stack.setCurrentWidget(self.family_page)
        self.family_page.relatives.setFocus()

    def open_scores(self, case: "Case") -> None:
        """The case's scores from other tools (GCP2, SDQ, Outcomes Star, a measure of its own)."""
        self.scores_page.show_case(case)
        self.stack.setCurrentWidget(self.scores_page)
        self.scores_page.table.setFocus()

    def show_templates(self) -> None:
        if self.session is None:
            return
        if self.templates_page is None:
            from .templates_page import TemplatesPage

            self.templates_page = TemplatesPage(self.library)
            self.stack.addWidget(self.templates_page)
        self.stack.setCurrentWidget(self.templates_page)
        self.set_status(self.templates_page.summary)

    def _saved_state(self, _state: str, message: str) -> None:
        # the page's own saved label says it; this copy is named for "read status bar", never said twice
        show_status(self.saved_status, message, say=False)

    def show_error(self, message: str) -> None:
        from . import dialogs

        self.set_status(message, assertive=True)
        dialogs.error(self, message)

    def set_status(self, message: str, assertive: bool = False) -> None:
        self.statusBar().showMessage(message, 8000)
        announce(self.statusBar(), message, assertive=assertive)

    # ------------------------------------------------------------------ child mode

    def enter_child_mode(self, case, child, interview, template, stage_index: int, scanning: bool = False) -> None:
        from .child_mode import ChildModeWindow

        self.child_window = ChildModeWindow(self.session, self.interview_page.autosaver, child, interview,
                                            template, stage_index, named=tuple(_people().choices(case, child)),
                                            case=case, scanning=scanning)
        self.child_window.finished.connect(self._child_mode_finished)
        cover_screen(self.child_window, self.screen())

    def _child_mode_finished(self) -> None:
        window = self.child_window
        reached = window.stage_index if window is not None else None
        pressed = list(window.worries_pressed) if window is not None else []
        drawn = len(window.drawings_made) if window is not None else 0
        self.child_window = None
        if self._interview_page is not None and self._interview_page.interview is not None:
            self._interview_page.refresh_from_model(reached)  # where the child got to, not stage 1
        self.activateWindow()
        if drawn and not self._locking:
            who = window.child_.called or "The child"
            self.set_status(f"{who} made {'a drawing' if drawn == 1 else f'{drawn} drawings'} in child mode: kept "
                            f"with the interview, shown with the answer on the compare screen.")
        if pressed and not self._locking:  # the practitioner's, at once (after a lock: on the interview page)
            self._tell_worries(window, pressed)

    def _tell_worries(self, window, pressed) -> None:
        from . import dialogs
        from ..worries import shown, summary

        called = window.child_.called or "The child"
        lines = [shown(w, window.template).line(called) for w in pressed]
        dialogs.info(self, summary(called, len(pressed)) + "\n\n" + "\n".join(lines) + "\n\n"
                     "What it means is for you to find out with them: the app does not judge it. If it raises a "
                     "concern for their safety, follow your safeguarding procedures. It is kept with the "
                     "interview, heads the compare screen, and comes first under the child's voice in the report "
                     "(the child's words only in its section for professionals).",
                     f"{called} pressed “Something worries me”")

    # ------------------------------------------------------------------ the trainer's demo

    DEMO_BANNER = ("Demo: every family here is fictional, kept apart from real cases. "
                   "Passphrase if it locks: \u201cdemo\u201d.")

    def _start_demo(self) -> None:
        """Demo mode: a banner over every screen, Store → Reset demo, and the demo store opened
        (made and filled on first use) without asking for its published passphrase."""
        self.setWindowTitle("Day in My Life — demo (fictional families)")
        self.demo_banner = QLabel(f"<b>{self.DEMO_BANNER}</b>")
        self.demo_banner.setObjectName("demoBanner")
        self.demo_banner.setWordWrap(True)
        self.demo_banner.setAccessibleName("Demo mode")
        self.demo_banner.setAccessibleDescription(self.DEMO_BANNER)
        # Not colour alone: the words say it, in bold, inside a thick dashed frame.
        self.demo_banner.setStyleSheet("QLabel#demoBanner { background: #fff1a8; color: #111111; "
                                       "border: 3px dashed #111111; padding: 3px 10px; font-size: 11pt; }")
        holder = QWidget(self)
        holder.setObjectName("demoHolder")
        column = QVBoxLayout(holder)
        column.setContentsMargins(6, 6, 6, 0)
        column.setSpacing(6)
        column.addWidget(self.demo_banner)
        column.addWidget(self.takeCentralWidget(), 1)  # the page stack, unchanged
        self.setCentralWidget(holder)
        self.reset_demo_action = QAction("&Reset demo…", self, triggered=self.reset_demo)
        self.reset_demo_action.setToolTip("Put the fictional families back as shipped: every change in the demo is lost")
        store_menu = next(a.menu() for a in self.menuBar().actions() if a.text() == "&Store")
        store_menu.insertAction(store_menu.actions()[0], self.reset_demo_action)
        from ..demo import open_demo_store
        from ..session import StoreError

        try:
            store = open_demo_store(self.data_dir)
        except StoreError as exc:
            return self.show_error(str(exc))
        self._unlocked(store)

    def _refuse_demo_folder(self) -> None:
        """Outside demo mode the demo folder is never opened as a real store."""
        self.stack.currentWidget().setEnabled(False)
        self.show_error(f"{self.data_dir} is the demo store, with fictional families only. "
                        f"Start the app with --demo to open it, or without --data-dir for your own store.")

    def reset_demo(self) -> None:
        """Store → Reset demo: after a confirmation, the demo store holds the shipped families again."""
        from . import dialogs

        if not self.demo:
            return
        if not dialogs.confirm(self, "Reset the demo", "Put the fictional families back as they were shipped? "
                               "Every change made in the demo is lost. Real cases are not touched.", "Reset demo"):
            return
        from ..demo import reset_demo_store
        from ..session import StoreError

        self.lock()
        self._resume = None  # the families are put back as shipped: start from the list
        try:
            store = reset_demo_store(self.data_dir)
        except StoreError as exc:
            return self.show_error(str(exc))
        self._unlocked(store)
        self.set_status("The demo is reset: the fictional families are back as shipped.")

    # ------------------------------------------------------------------ backup

    def back_up(self) -> None:
        from . import dialogs

        if self.session is None:
            return
        path = dialogs.save_path(self, "Back up the store", "dayinlife-backup.dilbak",
                                 "Day in My Life backups (*.dilbak)")
        if path is None:
            return
        from ..session import StoreError

        try:
            self.session.back_up(path)
        except StoreError as exc:
            return self.show_error(str(exc))
        dialogs.info(self, f"The backup is saved in {path}. It is encrypted under your passphrase: "
                           f"keep it somewhere safe, away from this laptop.")

    # ------------------------------------------------------------------ window state

    def _restore_geometry(self) -> None:
        saved = self.settings.value("window/geometry")
        if saved is not None and self.restoreGeometry(saved):
            return
        screen = self.screen().availableGeometry() if self.screen() else None
        width, height = 1100, 760
        if screen is not None:
            width, height = min(width, int(screen.width() * 0.95)), min(height, int(screen.height() * 0.9))
        self.resize(width, height)

    def closeEvent(self, event: QCloseEvent) -> None:
        from . import dialogs

        unsaved = [p for p in (self._interview_page and self._interview_page.autosaver,
                               self._compare_page and self._compare_page.saver) if p is not None and not p.flush()]
        if unsaved:
            if not dialogs.confirm(self, "Not saved", "The last change could not be saved. "
                                   "Close anyway?", "Close anyway"):
                event.ignore()
                return
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.sync()
        if self.child_window is not None:
            self.child_window.leave()
        if self.session is not None:
            self.session.lock()
            self.session = None
        event.accept()


def cover_screen(window: QWidget, screen) -> None:
    """Full screen, whatever the window manager does. `showFullScreen` asks the window manager;
    where there is none, or it refuses, the window stayed its own size and practitioner-only
    screens showed round it. So the window is also frameless, kept on top, and given the whole
    screen itself, before and after it is shown."""
    window.setWindowFlags(window.windowFlags() | Qt.WindowType.FramelessWindowHint
                          | Qt.WindowType.WindowStaysOnTopHint)
    area = screen.geometry() if screen is not None else None
    if area is not None:
        window.setGeometry(area)
    window.showFullScreen()
    window.activateWindow()

    def check() -> None:
        if area is not None and window.isVisible() and window.geometry() != area:
            window.setGeometry(area)
    QTimer.singleShot(300, check)


def _mark_first_paint(widget: QWidget, name: str) -> None:
    """Marks (dayinlife.trace) the first time `widget` is painted; only while a benchmark traces."""
    from PySide6.QtCore import QEvent, QObject

    from .. import trace

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
            if event.type() == QEvent.Type.Paint:
                trace.mark(name)
                watched.removeEventFilter(self)
            return False

    widget.installEventFilter(FirstPaint(widget))
