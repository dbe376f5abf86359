"""The case page: one household (its reference, adults and children) and each child's interviews.

Every edit is a Session method, saved as soon as it is made; if the store refuses, the Session
leaves the case as it was and the page keeps whatever was typed in the open panel and says why
through the shell. The page holds the form, the reference and the panels; its three sections are
parts of their own: the adults (case_adults.py), the children (case_children.py) and the
interviews (case_interviews.py).
"""

from __future__ import annotations

import re
from datetime import datetime
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
    QVBoxLayout,
    QWidget,
)

from ..case import REFERENCE_LIMIT, Adult, AdultRole, Case, Child
from ..session import ReferenceTaken, StoreError
from .announce import show_status
from .date_field import DateField, place_message
from .forms import child as form_child
from .forms import FORMS, load_form, register_form
from .case_adults import AdultsSection
from .case_children import ChildrenSection
from .case_interviews import PROFESSIONAL_LABEL, PROFESSIONAL_SOURCES, InterviewsSection  # noqa: F401
from .case_tables import fit_rows_now, select_id, selected_id, titled
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


class CasePage(AdultsSection, ChildrenSection, InterviewsSection, QWidget):
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
        # each child the form contract names (register_form above), as an attribute: dobEdit -> self.dob_edit
        for name, kind in FORMS["case_page.ui"].items():
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
        # Under the template: whether it has been signed off for use with families.
        self.template_status = QLabel()
        self.template_status.setObjectName("templateStatus")
        self.template_status.setProperty("role", "warning")
        self.template_status.setWordWrap(True)
        self.template_status.setTextFormat(Qt.TextFormat.PlainText)
        row, _role = self.start_form_layout.getWidgetPosition(self.template_combo)
        self.start_form_layout.insertRow(row + 1, "", self.template_status)
        # As wide as a template's title with "(suggested) — draft": filled only when the panel opens, it
        # kept the width of an empty box and showed "Primary school ag".
        self.template_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.template_combo.setMinimumContentsLength(46)

        headers = {
            self.adult_table: ["Name", "Role"],
            # two lines for the long headings, so a narrow column shows them whole
            self.child_table: ["Name", "Known as", "Born or due", "Age", "Disability", "Communi-\ncation",
                               "Suggested\ntemplate"],
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
        # The long words (needs, templates) share out the width left and wrap in it; the short ones
        # keep their own. Sized to their contents on one line, the columns ran off the right at 150%
        # text on a 1024 x 768 screen: the interviews' progress out of sight, the suggested template
        # squeezed to a letter a line.
        for table, wrapping in ((self.child_table, (4, 5, 6)), (self.interview_table, (2,))):
            header = table.horizontalHeader()
            header.setStretchLastSection(False)
            for column in wrapping:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)

        for panel in (self.adult_panel, self.child_panel, self.start_panel):
            titled(panel, panel.title())
            panel.setVisible(False)
            escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), panel)
            escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            escape.activated.connect(self._cancel_panels)
        for message in (self.adult_message, self.child_message, self.start_message, self.reference_message):
            message.setVisible(False)
            message.setTextFormat(Qt.TextFormat.PlainText)
        self.saved_label.setTextFormat(Qt.TextFormat.PlainText)
        self.reference_edit.setMaximumWidth(self.reference_edit.fontMetrics().horizontalAdvance("x" * 48))
        self.reference_edit.setMaxLength(REFERENCE_LIMIT)
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

        # The case over time: its chronology, on a page of its own.
        self.chronology_button = QPushButton("Chr&onology…")
        self.chronology_button.setObjectName("chronologyButton")
        self.chronology_button.setAccessibleName("Chronology of the case")
        self.chronology_button.setAccessibleDescription(
            "Significant events in the children's lives, with the interviews and analyses, in time order")
        # in a row of their own that wraps, under Back (beside it, the row was wider than 1024x768 at 150%)
        from .flow import FlowLayout

        self.over_time = QWidget()
        self.over_time.setObjectName("caseOverTime")
        row = FlowLayout(self.over_time)
        row.addWidget(self.chronology_button)
        self.scores_button = QPushButton("Scor&es from other tools…")
        self.scores_button.setObjectName("scoresButton")
        self.scores_button.setAccessibleName("Scores from other tools")
        self.scores_button.setAccessibleDescription(
            "Graded Care Profile 2, SDQ, Outcomes Star or your own measure: the scores, beside the day")
        row.addWidget(self.scores_button)
        self.family_button = QPushButton("The wider &family…")
        self.family_button.setObjectName("familyButton")
        self.family_button.setAccessibleName("The wider family")
        self.family_button.setAccessibleDescription(
            "Relatives beyond the household, how everyone is related, the family's history: the genogram")
        row.addWidget(self.family_button)
        page_layout: QVBoxLayout = self.form.findChild(QVBoxLayout, "pageLayout")
        page_layout.insertWidget(1, self.over_time)
        QWidget.setTabOrder(self.back_button, self.chronology_button)
        QWidget.setTabOrder(self.chronology_button, self.scores_button)
        QWidget.setTabOrder(self.scores_button, self.family_button)
        QWidget.setTabOrder(self.family_button, self.reference_edit)

    def _connect(self) -> None:
        self.back_button.clicked.connect(self._back)
        self.chronology_button.clicked.connect(self._open_chronology)
        self.scores_button.clicked.connect(self._open_scores)
        self.family_button.clicked.connect(lambda: self.case is not None and self.shell.open_family(self.case))
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
        self.template_combo.currentIndexChanged.connect(lambda _i: self._show_template_status())
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
            select_id(self.child_table, child_id)
            self._fill_interviews()


    def _fit_rows(self, table: QTableWidget) -> None:
        """Once the columns have settled, let each row take the lines its text needs."""
        name = table.objectName()
        if name in self._fit_pending:
            return
        self._fit_pending.add(name)

        def fit() -> None:
            self._fit_pending.discard(name)
            fit_rows_now(table)
        QTimer.singleShot(0, table, fit)

    def _child_chosen(self) -> None:
        child_id = selected_id(self.child_table)
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
            titled(panel, panel.title())
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


    # ------------------------------------------------------------------ children


    # ------------------------------------------------------------------ interviews


    # ------------------------------------------------------------------ navigation and keys

    def _open_chronology(self) -> None:
        if self.reference_edit.hasFocus():
            self._save_reference()
        if self.case is not None:
            self.shell.open_chronology(self.case)

    def _open_scores(self) -> None:
        if self.reference_edit.hasFocus():
            self._save_reference()
        if self.case is not None:
            self.shell.open_scores(self.case)

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


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)([A-Z])", r"_\1", name).lower()


