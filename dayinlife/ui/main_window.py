"""The main window: the lock screens, then the case list, a case, an interview, the templates.

Screens that show family data exist only while the store is unlocked: locking destroys them,
so nothing anyone typed stays on screen or in the widget tree.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QStackedWidget, QToolBar, QWidget

from ..case import Case, Child, Interview
from ..session import Session
from ..store import Store, StoreError
from ..template_loader import TemplateLibrary, load_library
from . import dialogs
from .idle import IdleWatcher
from .lock_pages import FirstRunPage, UnlockPage

IDLE_CHOICES = (5, 10, 15, 30, 60)
DEFAULT_IDLE_MINUTES = 10


class MainWindow(QMainWindow):
    def __init__(self, data_dir: Path, library: TemplateLibrary | None = None, settings: QSettings | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle("Day in My Life")
        self.data_dir = Path(data_dir)
        self._library = library
        self.settings = settings or QSettings(str(self.data_dir / "settings.ini"), QSettings.Format.IniFormat)
        self.session: Session | None = None
        self.child_window = None
        self.stack = QStackedWidget(self)
        self.setCentralWidget(self.stack)
        self.first_run = FirstRunPage(self.data_dir)
        self.unlock_page = UnlockPage(self.data_dir)
        for page in (self.first_run, self.unlock_page):
            page.unlocked.connect(self._unlocked)
            self.stack.addWidget(page)
        self.cases_page = self.case_page = self.interview_page = self.templates_page = None
        self.saved_status = QLabel("")
        self.statusBar().addPermanentWidget(self.saved_status)
        self._make_actions()
        self.idle = IdleWatcher(float(self.settings.value("lock/idle_minutes", DEFAULT_IDLE_MINUTES)), parent=self)
        self.idle.idle.connect(self.lock)
        self._restore_geometry()
        self._show_lock_screen()

    # ------------------------------------------------------------------ the library, lazily

    @property
    def library(self) -> TemplateLibrary:
        if self._library is None:
            self._library = load_library()
        return self._library

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
        current = int(float(self.settings.value("lock/idle_minutes", DEFAULT_IDLE_MINUTES)))
        for minutes in IDLE_CHOICES:
            action = QAction(f"{minutes} minutes", self, checkable=True, checked=minutes == current)
            action.triggered.connect(lambda _=False, m=minutes: self.set_idle_minutes(m))
            group.addAction(action)
            idle_menu.addAction(action)
        self.session_actions = [self.cases_action, self.templates_action, self.lock_action, self.backup_action]

    def set_idle_minutes(self, minutes: int) -> None:
        self.idle.minutes = minutes
        self.settings.setValue("lock/idle_minutes", minutes)

    # ------------------------------------------------------------------ locking

    def _show_lock_screen(self) -> None:
        for action in self.session_actions:
            action.setEnabled(False)
        page = self.unlock_page if Store.exists(self.data_dir) else self.first_run
        self.stack.setCurrentWidget(page)
        page.reset()
        self.saved_status.clear()

    def _unlocked(self, store: Store) -> None:
        self.session = Session(store, self.library)
        from .cases import CaseListPage
        from .household import CasePage
        from .interview import InterviewPage

        self.cases_page = CaseListPage(self)
        self.case_page = CasePage(self)
        self.interview_page = InterviewPage(self)
        self.interview_page.on_child_mode = self.enter_child_mode
        self.interview_page.autosaver.state_changed.connect(lambda _s, m: self.saved_status.setText(m))
        for page in (self.cases_page, self.case_page, self.interview_page):
            self.stack.addWidget(page)
        for action in self.session_actions:
            action.setEnabled(True)
        self.idle.start()
        self.show_cases()

    def lock(self) -> None:
        """Save, close the store and clear every answer from the screen."""
        if self.session is None:
            return
        self.idle.stop()
        if self.child_window is not None:
            self.child_window.leave()
        if self.interview_page is not None:
            self.interview_page.autosaver.flush()
        for page in (self.cases_page, self.case_page, self.interview_page):
            if page is not None:
                self.stack.removeWidget(page)
                page.deleteLater()
        self.cases_page = self.case_page = self.interview_page = None
        self.session.lock()
        self.session = None
        self._show_lock_screen()

    @property
    def is_locked(self) -> bool:
        return self.session is None

    # ------------------------------------------------------------------ the Shell the screens use

    def show_cases(self) -> None:
        if self.cases_page is None:
            return
        self.cases_page.refresh()
        self.stack.setCurrentWidget(self.cases_page)

    def open_case(self, case_id: str) -> None:
        try:
            case = self.session.open_case(case_id)
        except StoreError as exc:
            return self.show_error(str(exc))
        self.case_page.show_case(case)
        self.stack.setCurrentWidget(self.case_page)

    def open_interview(self, case: Case, child: Child, interview: Interview) -> None:
        try:
            self.interview_page.show_interview(case, child, interview)
        except StoreError as exc:
            return self.show_error(str(exc))
        self.stack.setCurrentWidget(self.interview_page)

    def show_templates(self) -> None:
        if self.session is None:
            return
        if self.templates_page is None:
            from .templates_page import TemplatesPage

            self.templates_page = TemplatesPage(self.library)
            self.stack.addWidget(self.templates_page)
        self.stack.setCurrentWidget(self.templates_page)
        self.set_status(self.templates_page.summary)

    def show_error(self, message: str) -> None:
        self.set_status(message)
        dialogs.error(self, message)

    def set_status(self, message: str) -> None:
        self.statusBar().showMessage(message, 8000)

    # ------------------------------------------------------------------ child mode

    def enter_child_mode(self, case, child, interview, template, stage_index: int) -> None:
        from .child_mode import ChildModeWindow

        self.child_window = ChildModeWindow(self.session, self.interview_page.autosaver, child, interview,
                                            template, stage_index)
        self.child_window.finished.connect(self._child_mode_finished)
        self.child_window.showFullScreen()

    def _child_mode_finished(self) -> None:
        self.child_window = None
        if self.interview_page is not None and self.interview_page.interview is not None:
            self.interview_page.refresh_from_model()
        self.activateWindow()

    # ------------------------------------------------------------------ backup

    def back_up(self) -> None:
        if self.session is None:
            return
        path = dialogs.save_path(self, "Back up the store", "dayinlife-backup.dilbak",
                                 "Day in My Life backups (*.dilbak)")
        if path is None:
            return
        try:
            self.session.store.backup(path)
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
        if self.interview_page is not None and not self.interview_page.autosaver.flush():
            if not dialogs.confirm(self, "Not saved", "The last change could not be saved "
                                   f"({self.interview_page.autosaver.state}). Close anyway?", "Close anyway"):
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
