"""The case list: find, open, start, archive and delete cases (one household each)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QAbstractTableModel, QEvent, QItemSelectionModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..dates import friendly_time, full_time  # noqa: F401  (full_time: for tooltips)
from ..case import REFERENCE_LIMIT
from ..session import CaseSummary, ReferenceTaken, StoreError
from . import dialogs
from .announce import show_status
from .forms import child, load_form, register_form

register_form("case_list.ui", {
    "headingLabel": QLabel,
    "introLabel": QLabel,
    "searchEdit": QLineEdit,
    "showArchivedCheck": QCheckBox,
    "newCasePanel": QGroupBox,
    "newRefEdit": QLineEdit,
    "createButton": QPushButton,
    "cancelNewButton": QPushButton,
    "newCaseMessage": QLabel,
    "caseTable": QTableView,
    "emptyLabel": QLabel,
    "newCaseButton": QPushButton,
    "openButton": QPushButton,
    "archiveButton": QPushButton,
    "deleteButton": QPushButton,
})

class CaseTableModel(QAbstractTableModel):
    """The rows of the case list: the words of each row are made when a row is first shown (a list
    of 2,000 cases fills in one reset, and only the rows on screen are ever worded)."""

    HEADERS = ("Reference", "Children", "Last changed", "Archived")
    REFERENCE, CHILDREN, CHANGED, ARCHIVED = range(4)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.cases: list[CaseSummary] = []
        self._now = datetime.now().astimezone()
        self._worded: dict[int, tuple[tuple[str, str, str, str], str]] = {}

    def set_cases(self, cases: list[CaseSummary], now: datetime | None = None) -> None:
        self.beginResetModel()
        self._now = now or datetime.now().astimezone()
        self.cases = list(cases)
        self._worded = {}
        self.endResetModel()

    def _row(self, row: int) -> tuple[tuple[str, str, str, str], str]:
        """A row's four texts and the full time of its last change (for the tooltip and screen readers)."""
        worded = self._worded.get(row)
        if worded is None:
            c = self.cases[row]
            worded = ((c.reference, ", ".join(c.children) if c.children else "No children yet",
                       friendly_time(c.updated, self._now), "Archived" if c.archived else ""),
                      full_time(c.updated))
            self._worded[row] = worded
        return worded

    def row_of(self, case_id: str) -> int:
        for row, c in enumerate(self.cases):
            if c.id == case_id:
                return row
        return -1

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.cases)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            text = self._row(row)[0][col]
            if role == Qt.ItemDataRole.AccessibleTextRole and col == self.CHANGED:
                return self._row(row)[1]
            if role == Qt.ItemDataRole.AccessibleTextRole and col == self.ARCHIVED and not text:
                return "Not archived"
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == self.CHANGED:
                return f"Last changed {self._row(row)[1]}"
            if col == self.CHILDREN:
                return self._row(row)[0][col]
        if role == Qt.ItemDataRole.UserRole:
            return self.cases[row].id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None


class CaseListPage(QWidget):
    """The everyday list of cases. Needs a `shell` (see dayinlife/ui/shell.py)."""

    def __init__(self, shell, parent: QWidget | None = None):
        super().__init__(parent)
        self.shell = shell
        self.setObjectName("caseListPage")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.form = load_form("case_list.ui", self)
        layout.addWidget(self.form)

        f = self.form
        self.heading: QLabel = child(f, "headingLabel", QLabel)
        self.heading.setProperty("role", "heading")
        self.search: QLineEdit = child(f, "searchEdit", QLineEdit)
        self.show_archived: QCheckBox = child(f, "showArchivedCheck", QCheckBox)
        self.new_panel: QGroupBox = child(f, "newCasePanel", QGroupBox)
        self.new_ref: QLineEdit = child(f, "newRefEdit", QLineEdit)
        self.new_ref.setMaxLength(REFERENCE_LIMIT)  # (a pasted page of text stops there)
        self.create_button: QPushButton = child(f, "createButton", QPushButton)
        self.cancel_new_button: QPushButton = child(f, "cancelNewButton", QPushButton)
        self.new_message: QLabel = child(f, "newCaseMessage", QLabel)
        self.table: QTableView = child(f, "caseTable", QTableView)
        self.empty_label: QLabel = child(f, "emptyLabel", QLabel)
        self.new_button: QPushButton = child(f, "newCaseButton", QPushButton)
        self.open_button: QPushButton = child(f, "openButton", QPushButton)
        self.archive_button: QPushButton = child(f, "archiveButton", QPushButton)
        self.delete_button: QPushButton = child(f, "deleteButton", QPushButton)

        self._references: list[str] = []
        self._widest: tuple[str, int] | None = None  # (font, widest reference): measured once per list and font
        self.model = CaseTableModel(self)
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.setSortingEnabled(False)  # the store's order: newest change first
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(CaseTableModel.REFERENCE, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(CaseTableModel.CHILDREN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(CaseTableModel.CHANGED, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(CaseTableModel.ARCHIVED, QHeaderView.ResizeMode.Interactive)
        header.setHighlightSections(False)
        self._size_columns()
        self.empty_label.setVisible(False)
        self.new_panel.setVisible(False)
        self.new_message.setVisible(False)

        self.search.textChanged.connect(lambda _text: self.refresh())
        self.search.returnPressed.connect(self._search_done)
        self.show_archived.toggled.connect(lambda _on: self.refresh())
        self.new_button.clicked.connect(self.start_new_case)
        self.create_button.clicked.connect(self._create_case)
        self.new_ref.returnPressed.connect(self._create_case)
        self.cancel_new_button.clicked.connect(self.cancel_new_case)
        self.open_button.clicked.connect(self.open_selected)
        self.archive_button.clicked.connect(self._toggle_archived)
        self.delete_button.clicked.connect(self._delete_selected)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.table.installEventFilter(self)

        for keys, slot in ((QKeySequence.StandardKey.New, self.start_new_case),
                           (QKeySequence.StandardKey.Find, self._focus_search)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.new_panel)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.cancel_new_case)

        self._empty_store = True
        self.refresh()

    # ------------------------------------------------------------------ filling

    def _size_columns(self) -> None:
        metrics = self.table.fontMetrics()
        header = self.table.horizontalHeader()
        header.resizeSection(CaseTableModel.CHANGED, metrics.horizontalAdvance("Yesterday 00:00 00") + 24)
        header.resizeSection(CaseTableModel.ARCHIVED, metrics.horizontalAdvance("Archived ") + 24)
        self.table.verticalHeader().setDefaultSectionSize(metrics.height() + 10)
        self._fit_reference_column()

    def refresh(self) -> None:
        """Read the list again from the store (one query), keeping the chosen case chosen."""
        keep = self.selected_id()
        search = self.search.text().strip()
        include_archived = self.show_archived.isChecked()
        try:
            cases = self.shell.session.cases(search=search, include_archived=include_archived)
            self._empty_store = bool(not cases and not search and not include_archived
                                     and not self.shell.session.cases(include_archived=True))
        except StoreError as exc:
            self.shell.show_error(str(exc))
            return
        self.model.set_cases(cases)
        self._fit_reference_column(cases)
        self.table.setColumnHidden(CaseTableModel.ARCHIVED, not include_archived)
        row = self.model.row_of(keep) if keep else -1
        if row < 0 and cases:
            row = 0
        if row >= 0:
            self._select_row(row)
        self._show_empty_state(search, include_archived)
        self._update_buttons()

    def _fit_reference_column(self, cases=None) -> None:
        """Wide enough for the longest reference (measured, not laid out: quick for 2,000 cases), so
        no reference is ever cut ("DEMO-000…" four times over tells the cases apart by nothing); the
        children's names give way instead. Only a reference longer than two thirds of the table is
        cut, in the middle, keeping both ends. Fitted again whenever the table changes width."""
        if cases is not None:
            self._references = [c.reference for c in cases]
            self._widest = None
        metrics = self.table.fontMetrics()
        font = self.table.font().key()
        if self._widest is None or self._widest[0] != font:
            widest = max((metrics.horizontalAdvance(r) for r in self._references),
                         default=metrics.horizontalAdvance("REF-0000-00000"))
            self._widest = (font, max(widest, metrics.horizontalAdvance("Reference")))
        widest = self._widest[1]
        room = self.table.viewport().width() or self.table.width()
        limit = max(room * 2 // 3, metrics.horizontalAdvance("REF-0000-00000") + 24)
        self.table.horizontalHeader().resizeSection(CaseTableModel.REFERENCE, min(widest + 24, limit))

    def _select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)

    def _show_empty_state(self, search: str, include_archived: bool) -> None:
        empty = self.model.rowCount() == 0
        if empty:
            if self._empty_store:
                text = "No cases yet. Choose New case to start one."
            elif search:
                text = f"No case reference contains “{search}”."
                if not include_archived:
                    text += " Tick Show archived cases to look in archived cases too."
            else:
                text = "No cases to show. Tick Show archived cases to see archived ones."
            self.empty_label.setText(text)
        had_focus = self.table.hasFocus()
        self.table.setVisible(not empty)
        self.empty_label.setVisible(empty)
        if empty and had_focus:
            self.search.setFocus()

    def _update_buttons(self) -> None:
        summary = self.selected_summary()
        for button in (self.open_button, self.archive_button, self.delete_button):
            button.setEnabled(summary is not None)
        archived = summary is not None and summary.archived
        self.archive_button.setText("Unarchive" if archived else "Archive")
        self.archive_button.setAccessibleName("Unarchive the chosen case" if archived else "Archive the chosen case")
        self.archive_button.setAccessibleDescription(
            "Puts the case back in the everyday list" if archived
            else "Archived cases keep all their data but leave the everyday list")

    # ------------------------------------------------------------------ the chosen case

    def selected_summary(self) -> CaseSummary | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        row = rows[0].row()
        return self.model.cases[row] if 0 <= row < len(self.model.cases) else None

    def selected_id(self) -> str | None:
        summary = self.selected_summary()
        return summary.id if summary else None

    def open_selected(self) -> None:
        case_id = self.selected_id()
        if case_id:
            self.shell.open_case(case_id)

    def _toggle_archived(self) -> None:
        summary = self.selected_summary()
        if summary is None:
            return
        row = self.model.row_of(summary.id)
        archive = not summary.archived
        try:
            self.shell.session.archive_case(summary.id, archive)
        except StoreError as exc:
            self.shell.show_error(str(exc))
            return
        self.refresh()
        if archive and not self.show_archived.isChecked() and self.model.rowCount():
            self._select_row(min(row, self.model.rowCount() - 1))
        self.shell.set_status(f"Case {summary.reference} archived: tick Show archived cases to see it."
                              if archive else f"Case {summary.reference} is back in the list.")
        self._update_buttons()

    def _delete_selected(self) -> None:
        summary = self.selected_summary()
        if summary is None:
            return
        session = self.shell.session
        try:
            case = session.open_case(summary.id)
        except StoreError as exc:
            self.shell.show_error(str(exc))
            self.refresh()
            return
        if not dialogs.confirm(self, "Delete case", session.what_deletion_loses(case), ok_label="Delete for good"):
            return
        row = self.model.row_of(summary.id)
        try:
            session.delete_case(summary.id)
        except StoreError as exc:
            self.shell.show_error(str(exc))
            return
        self.refresh()
        if self.model.rowCount():
            self._select_row(min(row, self.model.rowCount() - 1))
        self.shell.set_status(f"Case {summary.reference} deleted.")

    # ------------------------------------------------------------------ a new case

    def start_new_case(self) -> None:
        self.new_ref.clear()
        self.new_message.clear()
        self.new_message.setVisible(False)
        self.new_panel.setVisible(True)
        self.new_ref.setFocus()

    def cancel_new_case(self) -> None:
        self.new_panel.setVisible(False)
        self.new_message.setVisible(False)
        self.new_button.setFocus()

    def _new_case_problem(self, text: str) -> None:
        self.new_message.setVisible(True)
        self.new_ref.setAccessibleDescription(text)
        self.new_ref.setFocus()
        show_status(self.new_message, text, repeat=True)

    def _create_case(self) -> None:
        reference = self.new_ref.text().strip()
        session = self.shell.session
        if not reference:
            self._new_case_problem("Give the case a reference: it is how you will find the case again.")
            return
        try:
            case = session.new_case(reference)  # references are unique: the session says if it is taken
        except StoreError as exc:
            if isinstance(exc, ReferenceTaken):
                self._new_case_problem(f"There is already a case {reference}. Find it in the list, "
                                       f"or give a different reference.")
            else:
                self.shell.show_error(str(exc))
            return
        self.new_panel.setVisible(False)
        self.new_message.setVisible(False)
        self.new_ref.setAccessibleDescription("Required. The family's case reference as your organisation "
                                              "writes it. Press Enter to create the case.")
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.refresh()
        self.shell.set_status(f"Case {case.reference} created.")
        self.shell.open_case(case.id)

    # ------------------------------------------------------------------ keyboard

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _search_done(self) -> None:
        """Enter in the search box: go to the first matching case."""
        if self.model.rowCount():
            if self.selected_summary() is None:
                self._select_row(0)
            self.table.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() == QEvent.Type.Resize:
            self._fit_reference_column()
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.open_selected()
                return True
        return super().eventFilter(watched, event)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._size_columns()
        if self.focusWidget() is None or not self.isAncestorOf(self.focusWidget()):
            (self.table if self.model.rowCount() else self.new_button).setFocus()
