"""The case page: one household (its reference, adults and children) and each child's interviews.

Every edit is saved as soon as it is made. If the store refuses, the page puts the case back as
it was, keeps whatever was typed in the open panel, and says why through the shell.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..case import Adult, AdultRole, Case, Child, Interview, Perspective, PerspectiveKind
from .. import dates
from ..dates import DateRule, age_in_months, describe_age, uk_date, uk_dates_in
from ..interview import overall_progress
from ..voices import in_brackets, role_text, who
from ..wording import plural
from ..session import ReferenceTaken, StoreError
from . import dialogs
from .announce import show_status
from .date_field import DateField, place_message
from .forms import child as form_child
from .forms import load_form, register_form
from .wheel import guard_choices

register_form("case_page.ui", {
    "backButton": QPushButton,
    "savedLabel": QLabel,
    "headingLabel": QLabel,
    "referenceEdit": QLineEdit,
    "referenceMessage": QLabel,
    "scrollArea": QScrollArea,
    # adults
    "adultsBox": QGroupBox,
    "adultTable": QTableWidget,
    "noAdultsLabel": QLabel,
    "addAdultButton": QPushButton,
    "editAdultButton": QPushButton,
    "removeAdultButton": QPushButton,
    "adultPanel": QGroupBox,
    "adultNameEdit": QLineEdit,
    "adultRoleCombo": QComboBox,
    "adultDetailEdit": QLineEdit,
    "adultMessage": QLabel,
    "saveAdultButton": QPushButton,
    "cancelAdultButton": QPushButton,
    # children
    "childrenBox": QGroupBox,
    "childTable": QTableWidget,
    "noChildrenLabel": QLabel,
    "addChildButton": QPushButton,
    "editChildButton": QPushButton,
    "removeChildButton": QPushButton,
    "childPanel": QGroupBox,
    "childNameEdit": QLineEdit,
    "childKnownAsEdit": QLineEdit,
    "bornRadio": QRadioButton,
    "unbornRadio": QRadioButton,
    "dobEdit": DateField,
    "expectedEdit": DateField,
    "pronounsCombo": QComboBox,
    "disabilityEdit": QLineEdit,
    "communicationEdit": QLineEdit,
    "otherNeedsEdit": QLineEdit,
    "childMessage": QLabel,
    "saveChildButton": QPushButton,
    "cancelChildButton": QPushButton,
    # interviews
    "interviewsBox": QGroupBox,
    "suggestionLabel": QLabel,
    "interviewTable": QTableWidget,
    "noInterviewsLabel": QLabel,
    "continueButton": QPushButton,
    "startInterviewButton": QPushButton,
    "startPanel": QGroupBox,
    "perspectiveCombo": QComboBox,
    "templateCombo": QComboBox,
    "heldOnEdit": DateField,
    "placeEdit": QLineEdit,
    "presentEdit": QLineEdit,
    "interpreterCheck": QCheckBox,
    "interpreterEdit": QLineEdit,
    "startMessage": QLabel,
    "startButton": QPushButton,
    "cancelStartButton": QPushButton,
})

PRONOUNS = (("they", "they / them"), ("she", "she / her"), ("he", "he / him"))
PROFESSIONAL_LABEL = "Professional observation and agency information"
# Offered for "who gave the account" (any other may be typed); each source is its own voice when compared.
PROFESSIONAL_SOURCES = ("School", "Nursery or pre-school", "Health visitor", "School nurse", "GP", "Midwife",
                        "Educational psychologist", "Paediatrician", "Speech and language therapist",
                        "Child and adolescent mental health service", "Police", "Youth worker",
                        "My own observation")
ID_ROLE = Qt.ItemDataRole.UserRole


class CasePage(QWidget):
    """One household. Call `show_case(case)` to fill it; needs a `shell` (dayinlife/ui/shell.py)."""

    def __init__(self, shell, parent: QWidget | None = None):
        super().__init__(parent)
        self.shell = shell
        guard_choices()
        self.case: Case | None = None
        self._child_id: str | None = None
        self._editing_adult: Adult | None = None
        self._editing_child: Child | None = None
        self._fit_pending: set[str] = set()
        self.setObjectName("casePage")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.form = load_form("case_page.ui", self)
        layout.addWidget(self.form)
        self._find_children()
        self._set_up()
        self._connect()

    # ------------------------------------------------------------------ building

    def _find_children(self) -> None:
        for name, kind in (
            ("backButton", QPushButton), ("savedLabel", QLabel), ("headingLabel", QLabel),
            ("referenceEdit", QLineEdit), ("referenceMessage", QLabel), ("scrollArea", QScrollArea),
            ("adultsBox", QGroupBox), ("adultTable", QTableWidget), ("noAdultsLabel", QLabel),
            ("addAdultButton", QPushButton), ("editAdultButton", QPushButton),
            ("removeAdultButton", QPushButton), ("adultPanel", QGroupBox), ("adultNameEdit", QLineEdit),
            ("adultRoleCombo", QComboBox), ("adultDetailEdit", QLineEdit), ("adultMessage", QLabel),
            ("saveAdultButton", QPushButton), ("cancelAdultButton", QPushButton),
            ("childrenBox", QGroupBox), ("childTable", QTableWidget), ("noChildrenLabel", QLabel),
            ("addChildButton", QPushButton), ("editChildButton", QPushButton),
            ("removeChildButton", QPushButton), ("childPanel", QGroupBox), ("childNameEdit", QLineEdit),
            ("childKnownAsEdit", QLineEdit), ("bornRadio", QRadioButton), ("unbornRadio", QRadioButton),
            ("dobEdit", DateField), ("expectedEdit", DateField), ("pronounsCombo", QComboBox),
            ("disabilityEdit", QLineEdit), ("communicationEdit", QLineEdit), ("otherNeedsEdit", QLineEdit),
            ("childMessage", QLabel), ("saveChildButton", QPushButton), ("cancelChildButton", QPushButton),
            ("interviewsBox", QGroupBox), ("suggestionLabel", QLabel), ("interviewTable", QTableWidget),
            ("noInterviewsLabel", QLabel), ("continueButton", QPushButton),
            ("startInterviewButton", QPushButton), ("startPanel", QGroupBox), ("perspectiveCombo", QComboBox),
            ("templateCombo", QComboBox), ("heldOnEdit", DateField), ("placeEdit", QLineEdit),
            ("presentEdit", QLineEdit), ("interpreterCheck", QCheckBox), ("interpreterEdit", QLineEdit),
            ("startMessage", QLabel), ("startButton", QPushButton), ("cancelStartButton", QPushButton),
        ):
            setattr(self, _snake(name), form_child(self.form, name, kind))
        self.adult_form_layout: QFormLayout = self.form.findChild(QFormLayout, "adultFormLayout")
        self.start_form_layout: QFormLayout = self.form.findChild(QFormLayout, "startFormLayout")

    def _set_up(self) -> None:
        self.heading_label.setProperty("role", "heading")
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the controls; it follows them
        for role in AdultRole:
            self.adult_role_combo.addItem(role.label, role.value)
        for value, text in PRONOUNS:
            self.pronouns_combo.addItem(text, value)
        self.born_group = QButtonGroup(self)
        self.born_group.addButton(self.born_radio)
        self.born_group.addButton(self.unborn_radio)
        # Each date's message sits right under it: under both born/due fields (only one is in use
        # at a time), and in the row under the interview date.
        born_grid: QGridLayout = self.form.findChild(QGridLayout, "bornLayout")
        for widget in (self.unborn_radio, self.expected_edit):  # moved down a row: each message under its own date
            born_grid.removeWidget(widget)
        born_grid.addWidget(self.dob_edit.message, 1, 0, 1, -1)
        born_grid.addWidget(self.unborn_radio, 2, 0)
        born_grid.addWidget(self.expected_edit, 2, 1)
        born_grid.addWidget(self.expected_edit.message, 3, 0, 1, -1)
        place_message(self.held_on_edit, self.start_form_layout)
        # A professional account says who gave it: the school, the GP... (each is its own voice).
        self.source_combo = QComboBox()
        self.source_combo.setObjectName("sourceCombo")
        self.source_combo.setEditable(True)
        self.source_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.source_combo.addItems(PROFESSIONAL_SOURCES)
        self.source_combo.setCurrentIndex(-1)
        self.source_combo.lineEdit().setPlaceholderText("For example School: class teacher")
        self.source_combo.setAccessibleName("Who gave it: the professional or agency whose account this is")
        self.source_combo.setAccessibleDescription(
            "The professional or agency whose account this is; choose one or type your own, for example "
            "School: class teacher. Each one is set side by side as its own account.")
        self.source_combo.lineEdit().setAccessibleName(self.source_combo.accessibleName())
        self.source_combo.lineEdit().setAccessibleDescription(self.source_combo.accessibleDescription())
        self.source_label = QLabel("&Who gave it:")
        self.source_label.setBuddy(self.source_combo)
        self.start_form_layout.insertRow(1, self.source_label, self.source_combo)
        QWidget.setTabOrder(self.perspective_combo, self.source_combo)
        QWidget.setTabOrder(self.source_combo, self.template_combo)

        headers = {
            self.adult_table: ["Name", "Role"],
            self.child_table: ["Name", "Known as", "Born or due", "Age", "Disability", "Communication",
                               "Suggested template"],
            self.interview_table: ["Whose account", "Date", "Template", "Progress"],
        }
        for table, labels in headers.items():
            table.setColumnCount(len(labels))
            table.setHorizontalHeaderLabels(labels)
            table.verticalHeader().setVisible(False)
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            table.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
            table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
            table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            table.setTextElideMode(Qt.TextElideMode.ElideRight)
            header = table.horizontalHeader()
            header.setHighlightSections(False)
            header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            header.setStretchLastSection(True)
            table.installEventFilter(self)
        for table in (self.child_table, self.interview_table):
            # Long titles and needs wrap onto a second line (at 150% text there is no room for
            # seven columns on one line); the rows follow the width.
            table.setWordWrap(True)
            table.verticalHeader().setMinimumSectionSize(table.fontMetrics().height() + 12)
            table.horizontalHeader().sectionResized.connect(lambda *_a, t=table: self._fit_rows(t))
        self.adult_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.adult_table.horizontalHeader().setStretchLastSection(False)

        for panel in (self.adult_panel, self.child_panel, self.start_panel):
            _titled(panel, panel.title())
            panel.setVisible(False)
            escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), panel)
            escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            escape.activated.connect(self._cancel_panels)
        for message in (self.adult_message, self.child_message, self.start_message, self.reference_message):
            message.setVisible(False)
            message.setTextFormat(Qt.TextFormat.PlainText)
        self.saved_label.setTextFormat(Qt.TextFormat.PlainText)
        self.reference_edit.setMaximumWidth(self.reference_edit.fontMetrics().horizontalAdvance("x" * 48))
        for form in self.form.findChildren(QFormLayout):
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        # the saved state is named by what it says ("All changes saved at 10:42"), and said when it changes
        # Compare and analyse: the child's interviews side by side, and the practitioner's analysis.
        self.compare_button = QPushButton("Co&mpare and analyse…")
        self.compare_button.setObjectName("compareButton")
        self.compare_button.setAccessibleName("Compare and analyse the chosen child's interviews")
        self.compare_button.setAccessibleDescription("The perspectives side by side, and your analysis: "
                                                     "for practitioners only")
        buttons = self.form.findChild(QHBoxLayout, "interviewButtons")
        buttons.insertWidget(buttons.indexOf(self.start_interview_button) + 1, self.compare_button)
        QWidget.setTabOrder(self.start_interview_button, self.compare_button)

    def _connect(self) -> None:
        self.back_button.clicked.connect(self._back)
        self.reference_edit.editingFinished.connect(self._save_reference)

        self.add_adult_button.clicked.connect(self.add_adult)
        self.edit_adult_button.clicked.connect(self.edit_adult)
        self.remove_adult_button.clicked.connect(self.remove_adult)
        self.save_adult_button.clicked.connect(self._save_adult)
        self.cancel_adult_button.clicked.connect(self._cancel_panels)
        self.adult_name_edit.returnPressed.connect(self._save_adult)
        self.adult_detail_edit.returnPressed.connect(self._save_adult)
        self.adult_role_combo.currentIndexChanged.connect(lambda _i: self._show_role_detail())
        self.adult_table.itemSelectionChanged.connect(self._update_buttons)
        self.adult_table.itemDoubleClicked.connect(lambda _item: self.edit_adult())

        self.add_child_button.clicked.connect(self.add_child)
        self.edit_child_button.clicked.connect(self.edit_child)
        self.remove_child_button.clicked.connect(self.remove_child)
        self.save_child_button.clicked.connect(self._save_child)
        self.cancel_child_button.clicked.connect(self._cancel_panels)
        for edit in (self.child_name_edit, self.child_known_as_edit, self.disability_edit,
                     self.communication_edit, self.other_needs_edit):
            edit.returnPressed.connect(self._save_child)
        self.born_radio.toggled.connect(lambda _on: self._show_born())
        self.child_table.itemSelectionChanged.connect(self._child_chosen)
        self.child_table.itemDoubleClicked.connect(lambda _item: self.edit_child())

        self.continue_button.clicked.connect(self.continue_interview)
        self.interview_table.itemDoubleClicked.connect(lambda _item: self.continue_interview())
        self.interview_table.itemSelectionChanged.connect(self._update_buttons)
        self.start_interview_button.clicked.connect(self.open_start_panel)
        self.start_button.clicked.connect(self._start_interview)
        self.cancel_start_button.clicked.connect(self._cancel_panels)
        for edit in (self.place_edit, self.present_edit, self.interpreter_edit):
            edit.returnPressed.connect(self._start_interview)
        self.interpreter_check.toggled.connect(lambda _on: self._show_interpreter())
        self.perspective_combo.currentIndexChanged.connect(lambda _i: self._show_source())
        self.compare_button.clicked.connect(self.open_compare)

    # ------------------------------------------------------------------ showing a case

    def show_case(self, case: Case) -> None:
        same = self.case is not None and self.case.id == case.id
        self.case = case
        if not same:
            self._child_id = case.children[0].id if case.children else None
        self._hide_panels()
        self.reference_message.setVisible(False)
        self.reference_edit.setText(case.reference)
        self._fit_reference()
        self._show_heading()
        show_status(self.saved_label, "All changes saved", say=False)
        self._fill_adults()
        self._fill_children()
        if not same:
            self.scroll_area.verticalScrollBar().setValue(0)
            (self.child_table if case.children else self.add_adult_button
             if not case.adults else self.add_child_button).setFocus()

    def _fit_reference(self) -> None:
        """The reference box as wide as the reference, so it is never shown cut short."""
        edit = self.reference_edit
        edit.setMinimumWidth(min(edit.fontMetrics().horizontalAdvance(edit.text() + "xx") + 16, edit.maximumWidth()))

    def _show_heading(self) -> None:
        self.heading_label.setText(f"Case {self.case.reference}")
        self.setAccessibleName(f"Case {self.case.reference}")

    def selected_child(self) -> Child | None:
        if self.case is None or self._child_id is None:
            return None
        try:
            return self.case.child(self._child_id)
        except KeyError:
            return None

    def select_child(self, child_id: str) -> None:
        """Choose a child in the table (and show their interviews)."""
        if self.case is not None and any(c.id == child_id for c in self.case.children):
            self._child_id = child_id
            _select_id(self.child_table, child_id)
            self._fill_interviews()

    def selected_adult(self) -> Adult | None:
        adult_id = _selected_id(self.adult_table)
        if self.case is None or adult_id is None:
            return None
        try:
            return self.case.adult(adult_id)
        except KeyError:
            return None

    def selected_interview(self) -> Interview | None:
        child = self.selected_child()
        interview_id = _selected_id(self.interview_table)
        if child is None or interview_id is None:
            return None
        try:
            return child.interview(interview_id)
        except KeyError:
            return None

    def _fill_adults(self, select: str | None = None) -> None:
        keep = select or _selected_id(self.adult_table)
        table = self.adult_table
        table.setRowCount(len(self.case.adults))
        for row, adult in enumerate(self.case.adults):
            _set_row(table, row, adult.id, [adult.name, role_text(adult)])
        _select_id(table, keep)
        if table.rowCount() and not table.selectionModel().selectedRows():
            table.selectRow(0)
        table.setVisible(bool(self.case.adults))
        self.no_adults_label.setVisible(not self.case.adults)
        self._update_buttons()

    def _fill_children(self) -> None:
        table = self.child_table
        self.child_table.blockSignals(True)
        table.setRowCount(len(self.case.children))
        today = dates.today()
        library = self.shell.session.library
        for row, c in enumerate(self.case.children):
            if c.is_unborn:
                when, age = f"Due {uk_date(c.expected_date)}", "Not born yet"
            else:
                when, age = f"Born {uk_date(c.date_of_birth)}", describe_age(age_in_months(c.date_of_birth, today))
            suggestion = self.shell.session.suggest(c)
            suggested = library.get(suggestion.template_id).title if suggestion else "None: choose by hand"
            _set_row(table, row, c.id, [c.name, c.known_as, when, age, c.disability or "None recorded",
                                        c.communication or "None recorded", suggested])
            tip = uk_dates_in(suggestion.reason) if suggestion else "No template suits this child's age: choose one."
            table.item(row, 6).setToolTip(tip)
            if c.other_needs:
                table.item(row, 0).setToolTip(f"Other needs: {c.other_needs}")
        _cap_columns(table, [t.title for t in library.ordered()])
        if self.selected_child() is None:
            self._child_id = self.case.children[0].id if self.case.children else None
        _select_id(table, self._child_id)
        self.child_table.blockSignals(False)
        _fit_rows_now(table)
        table.setVisible(bool(self.case.children))
        self.no_children_label.setVisible(not self.case.children)
        self._fill_interviews()

    def _fill_interviews(self) -> None:
        child = self.selected_child()
        table = self.interview_table
        self.interviews_box.setVisible(child is not None)
        if child is None:
            table.setRowCount(0)
            self._update_buttons()
            return
        self.interviews_box.setTitle(f"Interviews about {child.name}")
        self.interviews_box.setAccessibleName(f"Interviews about {child.name}")
        suggestion = self.shell.session.suggest(child)
        if suggestion is not None:
            title = self.shell.session.library.get(suggestion.template_id).title
            why = suggestion.reason.removeprefix(f"{title}: ")
            self.suggestion_label.setText(f"Suggested template: {title}, because {uk_dates_in(why)}. "
                                          f"You may choose another when you start an interview.")
        else:
            self.suggestion_label.setText("No template suits this child's age: choose one when you start "
                                          "an interview.")
        keep = _selected_id(table)
        table.setRowCount(len(child.interviews))
        for row, iv in enumerate(child.interviews):
            try:
                template = self.shell.session.template_for(self.case, iv)
                answered, total = overall_progress(template, iv)
                template_text = f"{template.title} (version {template.version})"
                progress = f"{answered} of {total} answered"
            except StoreError:
                template_text = f"{iv.template.id} (version {iv.template.version}): no longer available"
                progress = "Unknown"
            whose = who(iv, self.case, child)
            _set_row(table, row, iv.id, [whose, uk_date(iv.held_on), template_text, progress])
        _select_id(table, keep)
        if table.rowCount() and not table.selectionModel().selectedRows():
            table.selectRow(table.rowCount() - 1)
        _fit_rows_now(table)
        table.setVisible(bool(child.interviews))
        self.no_interviews_label.setText(f"No interviews about {child.called or child.name} yet.")
        self.no_interviews_label.setVisible(not child.interviews)
        self.start_interview_button.setAccessibleName(f"Start an interview about {child.name}")
        self.compare_button.setAccessibleName(f"Compare and analyse the interviews about {child.name}")
        self._update_buttons()

    def _fit_rows(self, table: QTableWidget) -> None:
        """Once the columns have settled, let each row take the lines its text needs."""
        name = table.objectName()
        if name in self._fit_pending:
            return
        self._fit_pending.add(name)

        def fit() -> None:
            self._fit_pending.discard(name)
            _fit_rows_now(table)
        QTimer.singleShot(0, table, fit)

    def _child_chosen(self) -> None:
        child_id = _selected_id(self.child_table)
        if child_id is None or child_id == self._child_id:
            self._update_buttons()
            return
        self._child_id = child_id
        if self.start_panel.isVisible():
            self.start_panel.setVisible(False)
        self._fill_interviews()

    def _update_buttons(self) -> None:
        has_adult = self.selected_adult() is not None
        self.edit_adult_button.setEnabled(has_adult)
        self.remove_adult_button.setEnabled(has_adult)
        has_child = self.selected_child() is not None and bool(self.child_table.selectionModel().selectedRows())
        self.edit_child_button.setEnabled(has_child)
        self.remove_child_button.setEnabled(has_child)
        self.continue_button.setEnabled(self.selected_interview() is not None)
        self.start_interview_button.setEnabled(self.selected_child() is not None)
        self.compare_button.setEnabled(self.selected_child() is not None and bool(self.selected_child().interviews))

    # ------------------------------------------------------------------ saving

    def _apply(self, action: Callable[[], object]) -> tuple[bool, object]:
        """Run one of the Session's changes (each saves, and leaves the case as it was if the store
        refuses); say whether it was saved."""
        try:
            result = action()
        except StoreError as exc:
            show_status(self.saved_label, "Not saved", assertive=True)
            self.shell.show_error(str(exc))
            return False, None
        now = datetime.now()
        show_status(self.saved_label, f"All changes saved at {now.hour:02d}:{now.minute:02d}", repeat=True)
        return True, result

    def _save_reference(self) -> None:
        if self.case is None:
            return
        new = self.reference_edit.text().strip()
        if new == self.case.reference:
            self.reference_message.setVisible(False)
            return
        if not new:
            self._reference_problem("The case needs a reference: the old one is kept.")
            return
        try:
            self.shell.session.rename_case(self.case, new)  # unique, or refused with the reason
        except StoreError as exc:
            if isinstance(exc, ReferenceTaken):
                self._reference_problem(f"{str(exc).rstrip('.')}: the old one is kept.")
            else:
                show_status(self.saved_label, "Not saved", assertive=True)
                self.shell.show_error(str(exc))
                self.reference_edit.setText(self.case.reference)
            return
        now = datetime.now()
        show_status(self.saved_label, f"All changes saved at {now.hour:02d}:{now.minute:02d}", repeat=True)
        self.reference_edit.setText(self.case.reference)
        self.reference_message.setVisible(False)
        self._show_heading()
        self.shell.set_status(f"Case reference changed to {self.case.reference}.")

    def _reference_problem(self, text: str) -> None:
        self.reference_edit.setText(self.case.reference)
        self.reference_message.setVisible(True)
        show_status(self.reference_message, text, repeat=True)

    # ------------------------------------------------------------------ panels

    def _hide_panels(self) -> None:
        for panel in (self.adult_panel, self.child_panel, self.start_panel):
            _titled(panel, panel.title())
            panel.setVisible(False)
        self._editing_adult = None
        self._editing_child = None

    def _cancel_panels(self) -> None:
        focus = (self.add_adult_button if self.adult_panel.isVisible() else
                 self.add_child_button if self.child_panel.isVisible() else self.start_interview_button)
        self._hide_panels()
        focus.setFocus()

    def _open_panel(self, panel: QGroupBox, first: QWidget) -> None:
        self._hide_panels()
        panel.setVisible(True)
        first.setFocus()
        QTimer.singleShot(0, lambda: self.scroll_area.ensureWidgetVisible(panel, 0, 0))

    @staticmethod
    def _problem(label: QLabel, field: QWidget, text: str) -> None:
        label.setVisible(True)
        field.setFocus()
        show_status(label, text, repeat=True)  # after the focus moves: said once the field is read

    # ------------------------------------------------------------------ adults

    def add_adult(self) -> None:
        self._open_panel(self.adult_panel, self.adult_name_edit)
        _titled(self.adult_panel, "Add a parent or carer")
        self.adult_name_edit.clear()
        self.adult_role_combo.setCurrentIndex(0)
        self.adult_detail_edit.clear()
        self.adult_message.setVisible(False)
        self._show_role_detail()

    def edit_adult(self) -> None:
        adult = self.selected_adult()
        if adult is None:
            return
        self._open_panel(self.adult_panel, self.adult_name_edit)
        self._editing_adult = adult
        _titled(self.adult_panel, f"Edit {adult.name}")
        self.adult_name_edit.setText(adult.name)
        self.adult_role_combo.setCurrentIndex(self.adult_role_combo.findData(adult.role.value))
        self.adult_detail_edit.setText(adult.role_detail)
        self.adult_message.setVisible(False)
        self._show_role_detail()

    def _show_role_detail(self) -> None:
        other = self.adult_role_combo.currentData() == AdultRole.OTHER.value
        if self.adult_form_layout is not None:
            self.adult_form_layout.setRowVisible(self.adult_detail_edit, other)

    def _save_adult(self) -> None:
        name = self.adult_name_edit.text().strip()
        role = AdultRole(self.adult_role_combo.currentData())
        detail = self.adult_detail_edit.text().strip() if role is AdultRole.OTHER else ""
        if not name:
            self._problem(self.adult_message, self.adult_name_edit, "Give the adult's name.")
            return
        if role is AdultRole.OTHER and not detail:
            self._problem(self.adult_message, self.adult_detail_edit,
                          "Say which role, for example aunt or mum's partner.")
            return
        editing = self._editing_adult
        session = self.shell.session
        if editing is None:
            ok, adult = self._apply(lambda: session.add_adult(self.case, name, role, detail))
        else:
            adult = editing
            ok, _ = self._apply(lambda: session.update_adult(self.case, editing, name, role, detail))
        if not ok:
            return
        self._hide_panels()
        self._fill_adults(select=adult.id)
        self._fill_interviews()  # the adult's name shows in the interviews they gave
        self.adult_table.setFocus()
        self.shell.set_status(f"{name} {'added' if editing is None else 'saved'}.")

    def remove_adult(self) -> None:
        adult = self.selected_adult()
        if adult is None:
            return
        given = [iv for c in self.case.children for iv in c.interviews if iv.perspective.adult_id == adult.id]
        if given:
            answers = sum(len(iv.answers) for iv in given)
            text = (f"Remove {adult.name} ({in_brackets(role_text(adult))}) from the household? "
                    f"The {plural(len(given), 'interview')} {adult.name} gave, with "
                    f"{plural(answers, 'recorded answer')}, will be deleted for good. This cannot be undone.")
            if not dialogs.confirm(self, "Remove a parent or carer", text,
                                   ok_label=f"Remove and delete {plural(len(given), 'interview')}"):
                return
        row = self.adult_table.currentRow()
        ok, _ = self._apply(lambda: self.shell.session.remove_adult(self.case, adult))
        if not ok:
            return
        self._hide_panels()
        self._fill_adults()
        if self.case.adults:
            self.adult_table.selectRow(min(max(row, 0), len(self.case.adults) - 1))
            self.adult_table.setFocus()
        else:
            self.add_adult_button.setFocus()
        self._fill_interviews()
        self.shell.set_status(f"{adult.name} removed" + (f", with {plural(len(given), 'interview')}." if given
                                                         else "."))

    # ------------------------------------------------------------------ children

    def _date_ranges(self, child: Child | None) -> None:
        """Where a date of birth or a due date may fall (a child's own saved date always may)."""
        today = dates.today()
        earliest_born = _years_before(today, 25)
        if child is not None and child.date_of_birth is not None:
            earliest_born = min(earliest_born, child.date_of_birth)
        self.dob_edit.rule = DateRule(
            earliest_born, today,
            too_early=f"That date of birth would make the child over 25 (born before {uk_date(earliest_born)}): "
                      f"check the year.",
            too_late="That date of birth is in the future. If the baby is not born yet, choose "
                     "“Not born yet” and give the due date.")
        earliest_due = today - timedelta(days=90)
        if child is not None and child.expected_date is not None:
            earliest_due = min(earliest_due, child.expected_date)
        latest_due = today + timedelta(days=300)
        self.expected_edit.rule = DateRule(
            earliest_due, latest_due,
            too_early=f"That due date is more than three months ago (before {uk_date(earliest_due)}). If the "
                      f"baby has been born, choose “Born on” and give the date of birth.",
            too_late=f"That due date is more than ten months away (after {uk_date(latest_due)}): check the year.")

    def add_child(self) -> None:
        self._open_panel(self.child_panel, self.child_name_edit)
        _titled(self.child_panel, "Add a child")
        self._date_ranges(None)
        for edit in (self.child_name_edit, self.child_known_as_edit, self.disability_edit,
                     self.communication_edit, self.other_needs_edit):
            edit.clear()
        self.dob_edit.set_date(None)  # typed by the practitioner: never a date made up for them
        self.expected_edit.set_date(None)
        self.born_radio.setChecked(True)
        self.pronouns_combo.setCurrentIndex(0)
        self.child_message.setVisible(False)
        self._show_born()

    def edit_child(self) -> None:
        child = self.selected_child()
        if child is None:
            return
        self._open_panel(self.child_panel, self.child_name_edit)
        self._editing_child = child
        _titled(self.child_panel, f"Edit {child.name}")
        self._date_ranges(child)
        self.child_name_edit.setText(child.name)
        self.child_known_as_edit.setText(child.known_as)
        self.dob_edit.set_date(child.date_of_birth)
        self.expected_edit.set_date(child.expected_date)
        (self.unborn_radio if child.is_unborn else self.born_radio).setChecked(True)
        index = self.pronouns_combo.findData(child.pronouns)
        self.pronouns_combo.setCurrentIndex(max(index, 0))
        self.disability_edit.setText(child.disability)
        self.communication_edit.setText(child.communication)
        self.other_needs_edit.setText(child.other_needs)
        self.child_message.setVisible(False)
        self._show_born()

    def _show_born(self) -> None:
        born = self.born_radio.isChecked()
        self.dob_edit.setEnabled(born)
        self.expected_edit.setEnabled(not born)
        (self.expected_edit if born else self.dob_edit).message.setVisible(False)  # only the date in use speaks

    def _save_child(self) -> None:
        name = self.child_name_edit.text().strip()
        if not name:
            self._problem(self.child_message, self.child_name_edit, "Give the child's name.")
            return
        born = self.born_radio.isChecked()
        field = self.dob_edit if born else self.expected_edit
        if not field.check():  # the message is beside the field
            self.child_message.setVisible(False)
            field.setFocus()
            field.selectAll()
            return
        dob = field.date() if born else None
        due = None if born else field.date()
        values = dict(name=name, known_as=self.child_known_as_edit.text().strip(), date_of_birth=dob,
                      expected_date=due, pronouns=self.pronouns_combo.currentData(),
                      disability=self.disability_edit.text().strip(),
                      communication=self.communication_edit.text().strip(),
                      other_needs=self.other_needs_edit.text().strip())
        editing = self._editing_child
        session = self.shell.session
        if editing is None:
            ok, child = self._apply(lambda: session.add_child(self.case, **values))
        else:
            child = editing
            ok, _ = self._apply(lambda: session.update_child(self.case, editing, **values))
        if not ok:
            return
        self._hide_panels()
        self._child_id = child.id
        self._fill_children()
        self.child_table.setFocus()
        self.shell.set_status(f"{name} {'added' if editing is None else 'saved'}.")

    def remove_child(self) -> None:
        child = self.selected_child()
        if child is None:
            return
        interviews = len(child.interviews)
        answers = sum(len(iv.answers) for iv in child.interviews)
        if interviews:
            lost = (f"The {plural(interviews, 'interview')} about {child.name}, with "
                    f"{plural(answers, 'recorded answer')}, will be deleted for good. This cannot be undone.")
        else:
            lost = f"Nothing has been recorded about {child.name} yet; their details will be removed."
        if not dialogs.confirm(self, "Remove a child", f"Remove {child.name} from the household? {lost}",
                               ok_label="Remove the child" if not interviews
                               else f"Remove and delete {plural(interviews, 'interview')}"):
            return
        row = self.child_table.currentRow()
        ok, _ = self._apply(lambda: self.shell.session.remove_child(self.case, child))
        if not ok:
            return
        self._hide_panels()
        remaining = self.case.children
        self._child_id = remaining[min(max(row, 0), len(remaining) - 1)].id if remaining else None
        self._fill_children()
        (self.child_table if remaining else self.add_child_button).setFocus()
        self.shell.set_status(f"{child.name} removed.")

    # ------------------------------------------------------------------ interviews

    def open_start_panel(self) -> None:
        child = self.selected_child()
        if child is None:
            return
        self._open_panel(self.start_panel, self.perspective_combo)
        _titled(self.start_panel, f"Start an interview about {child.name}")
        combo = self.perspective_combo
        combo.clear()
        combo.addItem(f"The child ({child.called})" if child.called else "The child", (PerspectiveKind.CHILD.value, None))
        for adult in self.case.adults:
            combo.addItem(f"{adult.name} ({in_brackets(role_text(adult))})", (PerspectiveKind.PARENT.value, adult.id))
        combo.addItem(PROFESSIONAL_LABEL, (PerspectiveKind.PROFESSIONAL.value, None))
        combo.setCurrentIndex(0)

        suggestion = self.shell.session.suggest(child)
        templates = self.template_combo
        templates.clear()
        for t in self.shell.session.library.ordered():
            suggested = suggestion is not None and t.id == suggestion.template_id
            templates.addItem(f"{t.title} (suggested)" if suggested else t.title, t.id)
            if suggested:
                templates.setCurrentIndex(templates.count() - 1)
                templates.setItemData(templates.count() - 1, uk_dates_in(suggestion.reason),
                                      Qt.ItemDataRole.ToolTipRole)
        today = dates.today()
        earliest = today - timedelta(days=730)
        self.held_on_edit.rule = DateRule(
            earliest, today,
            too_early=f"That is more than two years ago (before {uk_date(earliest)}): check the year.",
            too_late="An interview cannot be held in the future: give the day it took place.")
        self.held_on_edit.set_date(today)
        for edit in (self.place_edit, self.present_edit, self.interpreter_edit):
            edit.clear()
        self.source_combo.setCurrentIndex(-1)
        self.source_combo.setEditText("")
        self.interpreter_check.setChecked(False)
        self.start_message.setVisible(False)
        self._show_interpreter()
        self._show_source()

    def _show_source(self) -> None:
        data = self.perspective_combo.currentData()
        professional = data is not None and data[0] == PerspectiveKind.PROFESSIONAL.value
        if self.start_form_layout is not None:
            self.start_form_layout.setRowVisible(self.source_combo, professional)

    def _show_interpreter(self) -> None:
        used = self.interpreter_check.isChecked()
        if self.start_form_layout is not None:
            self.start_form_layout.setRowVisible(self.interpreter_edit, used)
        if used:
            self.interpreter_edit.setFocus()

    def _start_interview(self) -> None:
        child = self.selected_child()
        if child is None or not self.start_panel.isVisible():
            return
        kind, adult_id = self.perspective_combo.currentData()
        template_id = self.template_combo.currentData()
        interpreter = self.interpreter_edit.text().strip() if self.interpreter_check.isChecked() else ""
        if self.interpreter_check.isChecked() and not interpreter:
            self._problem(self.start_message, self.interpreter_edit,
                          "Say which language, and who interpreted (or untick the interpreter box).")
            return
        if template_id is None:
            self._problem(self.start_message, self.template_combo, "Choose a template.")
            return
        source = " ".join(self.source_combo.currentText().split()) if kind == PerspectiveKind.PROFESSIONAL.value else ""
        if kind == PerspectiveKind.PROFESSIONAL.value and not source:
            self._problem(self.start_message, self.source_combo,
                          "Say who gave this account, for example School or Health visitor: each one is set "
                          "side by side as its own account.")
            return
        if not self.held_on_edit.check():
            self.start_message.setVisible(False)
            self.held_on_edit.setFocus()
            self.held_on_edit.selectAll()
            return
        held_on = self.held_on_edit.date()
        perspective = Perspective(PerspectiveKind(kind), adult_id)
        ok, interview = self._apply(lambda: self.shell.session.start_interview(
            self.case, child, perspective, template_id, held_on,
            place=self.place_edit.text().strip(), present=self.present_edit.text().strip(),
            interpreter=interpreter, source=source))
        if not ok:
            return
        self._hide_panels()
        self._fill_interviews()
        self.shell.open_interview(self.case, child, interview)

    def continue_interview(self) -> None:
        child, interview = self.selected_child(), self.selected_interview()
        if child is not None and interview is not None:
            self.shell.open_interview(self.case, child, interview)

    def open_compare(self) -> None:
        child = self.selected_child()
        if child is not None and child.interviews:
            self.shell.open_compare(self.case, child)

    # ------------------------------------------------------------------ navigation and keys

    def _back(self) -> None:
        if self.reference_edit.hasFocus():
            self._save_reference()
        self.shell.show_cases()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if watched is self.interview_table:
                self.continue_interview()
                return True
            if watched is self.adult_table:
                self.edit_adult()
                return True
            if watched is self.child_table:
                self.edit_child()
                return True
        return super().eventFilter(watched, event)


# --------------------------------------------------------------------------- table helpers


def _titled(box: QGroupBox, title: str) -> None:
    """A panel's title, and its accessible name with it: a group box inside another is otherwise named
    by the outer one's title ("Children" for "Add a child")."""
    box.setTitle(title)
    box.setAccessibleName(title)


def _years_before(day: date, years: int) -> date:
    """The same day `years` earlier (28 February for 29 February in a year that has none)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)([A-Z])", r"_\1", name).lower()


def _set_row(table: QTableWidget, row: int, item_id: str, values: list[str]) -> None:
    for col, value in enumerate(values):
        item = QTableWidgetItem(value)
        item.setData(ID_ROLE, item_id)
        item.setToolTip(value)
        table.setItem(row, col, item)


def _selected_id(table: QTableWidget) -> str | None:
    model = table.selectionModel()
    rows = model.selectedRows() if model is not None else []
    if not rows:
        return None
    item = table.item(rows[0].row(), 0)
    return item.data(ID_ROLE) if item is not None else None


def _select_id(table: QTableWidget, item_id: str | None) -> None:
    if item_id is None:
        return
    for row in range(table.rowCount()):
        item = table.item(row, 0)
        if item is not None and item.data(ID_ROLE) == item_id:
            table.selectRow(row)
            return


def _fit_rows_now(table: QTableWidget) -> None:
    table.resizeRowsToContents()
    table.updateGeometry()


def _cap_columns(table: QTableWidget, whole: list[str]) -> None:
    """Long free text (a disability, say) is elided, with the full text in the tooltip; the
    texts in `whole` (template titles) always fit."""
    metrics = table.fontMetrics()
    widest = max([metrics.horizontalAdvance("x" * 28)] + [metrics.horizontalAdvance(t + "  ") for t in whole])
    table.horizontalHeader().setMaximumSectionSize(widest + 16)
