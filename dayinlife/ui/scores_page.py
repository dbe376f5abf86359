"""Scores from other tools, for one case: each set (a GCP2, an SDQ, an Outcomes Star reading, a
measure of the organisation's own) on its date, with who scored it; add, edit and remove.

Only scores and area names are asked for, never a tool's questions. Every change is a Session method
(keep_scores, remove_scores), saved at once; if the store refuses, the panel keeps what was typed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QWidget,
)

from ..case import Case
from ..chronology import children_words
from ..dates import DateRule, today, uk_date
from ..scores import MEASURES, SDQ_INFORMANTS, SHORT, Score, ScoreSet
from ..session import StoreError
from ..wording import plural
from .case_part import CasePart
from .case_tables import select_id, selected_id, set_row, titled
from .date_field import DateField
from .flow import FlowLayout
from .widgets import plain_label, text_box

COLUMNS = ["Date", "Tool", "Scores", "Scored by", "Children"]
SHARES = [0, 22, 38, 24, 16]  # each column's share of the width after the date
NOT_SCORED = "not scored"


def scores_text(s: ScoreSet) -> str:
    """'Physical 4; Safety 3' (short names: the full ones and which end is better are in its tooltip)."""
    return "; ".join(f"{SHORT.get(sc.area, s.area_name(sc.area))} {sc.value}" for sc in s.scores)


def scores_tip(s: ScoreSet) -> str:
    lines = [f"{s.area_name(sc.area)}: {sc.value}" for sc in s.scores]
    return "\n".join(lines + ([s.better_words().capitalize() + "."] if s.better_words() else []))


class ScoresPage(CasePart):
    """`show_case(case)` fills it; needs a `shell` (session, open_case, show_error, set_status)."""

    def __init__(self, shell, parent: QWidget | None = None):
        super().__init__(shell, "scoresPage", "Scores from other tools", parent)
        self.case: Case | None = None
        self.editing: ScoreSet | None = None
        page = self.page
        self.about = plain_label(
            "Scores from tools you already use, beside the day: Graded Care Profile 2 levels, SDQ scores, Outcomes "
            "Star readings, or a measure of your own. Record the scores and your notes only, never the tools' "
            "questions; the tool adds nothing up and reads nothing into them.")
        page.addWidget(self.about)
        self.table = self.records_table("scoresTable", "Scores from other tools",
                                        "One set of scores a row. Enter edits it, Delete removes it.", COLUMNS,
                                        SHARES, "00/00/0000xx")
        page.addWidget(self.table, 2)
        self.empty = plain_label("No scores recorded yet.")
        page.addWidget(self.empty)
        self.add_button, self.edit_button, self.remove_button, buttons = self.record_buttons(
            ("&Add scores…", "Add scores from one tool", "Opens a form for one tool's scores on one day (Ctrl+N)"),
            ("Edit the chosen scores", "Opens the chosen set of scores to change it (or press Enter)"),
            ("Remove the chosen scores", "Deletes the chosen set of scores after asking (or press Delete)"))
        page.addLayout(buttons)

        self.panel_area = QScrollArea()
        self.panel_area.setWidgetResizable(True)
        self.panel_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.panel_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.panel = QGroupBox()
        titled(self.panel, "Add scores")
        self.panel_area.setWidget(self.panel)
        self.panel_area.setVisible(False)
        page.addWidget(self.panel_area, 5)
        self._build_panel()
        self._connect()

    # ------------------------------------------------------------------ the panel

    def _build_panel(self) -> None:
        form = QFormLayout(self.panel)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.form = form
        self.tool = QComboBox()
        self.tool.setObjectName("scoresTool")
        for key, m in MEASURES.items():
            self.tool.addItem(m.title, key)
        self.tool.setAccessibleName("Tool")
        self.tool.setAccessibleDescription("Which tool the scores come from")
        form.addRow("&Tool:", self.tool)
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("scoresName")
        self.name_edit.setAccessibleName("Which one: the star's or the measure's name")
        self.name_edit.setAccessibleDescription("The star's or the measure's own name")
        form.addRow("Which &one:", self.name_edit)
        self.range_box = QWidget()
        self.range_box.setAccessibleName("Range of the measure")
        rng = QHBoxLayout(self.range_box)
        rng.setContentsMargins(0, 0, 0, 0)
        self.low = QSpinBox()
        self.low.setRange(-100, 1000)
        self.low.setAccessibleName("Lowest score")
        self.low.setAccessibleDescription("The measure's lowest score")
        self.high = QSpinBox()
        self.high.setRange(-100, 1000)
        self.high.setValue(10)
        self.high.setAccessibleName("Highest score")
        self.high.setAccessibleDescription("The measure's highest score")
        self.better = QLineEdit()
        self.better.setPlaceholderText("Which end is better, for example 1 is the best")
        self.better.setAccessibleName("Which end is better")
        self.better.setAccessibleDescription("Said beside the scores, so no one misreads them")
        for w in (QLabel("from"), self.low, QLabel("to"), self.high, self.better):
            rng.addWidget(w)
        form.addRow("Range:", self.range_box)
        self.date_edit = DateField()
        self.date_edit.setObjectName("scoresDate")
        self.date_edit.setAccessibleName("Date scored")
        self.date_edit.setAccessibleDescription("The day the tool was completed. Type the day, month and year.")
        form.addRow("&Date:", self.date_edit)
        form.addRow("", self.date_edit.message)
        self.by_edit = QLineEdit()
        self.by_edit.setObjectName("scoresBy")
        self.by_edit.setPlaceholderText("Name and role, and with whom, for example A. Khan, health visitor, with Dawn")
        self.by_edit.setAccessibleName("Scored by")
        self.by_edit.setAccessibleDescription("Who scored it, and with whom")
        form.addRow("Scored b&y:", self.by_edit)
        self.informant = QComboBox()
        self.informant.setEditable(True)
        self.informant.addItems(SDQ_INFORMANTS)
        self.informant.setAccessibleName("Completed by")
        self.informant.setAccessibleDescription("Who completed the questionnaire: a parent or carer, a teacher, "
                                                "the young person")
        form.addRow("Completed by:", self.informant)
        self.children_box = QWidget()
        self.children_box.setAccessibleName("Which children it is about")
        self.children_row = FlowLayout(self.children_box)
        self.child_checks: dict[str, QCheckBox] = {}
        form.addRow("Which children:", self.children_box)
        self.areas_box = QWidget()
        self.areas_box.setAccessibleName("Scores")
        self.areas = QGridLayout(self.areas_box)
        self.areas.setContentsMargins(0, 0, 0, 0)
        self.area_rows: list[tuple[QWidget, QSpinBox]] = []
        form.addRow("Scores:", self.areas_box)
        self.better_note = plain_label("")
        form.addRow("", self.better_note)
        self.add_area_button = QPushButton("Add an a&rea")
        self.add_area_button.setAccessibleDescription("Adds a row for one more area and its score")
        form.addRow("", self.add_area_button)
        self.notes = text_box("Your notes", "What the scores show and what the family said about them, in your own "
                              "words", 3)
        self.notes.setObjectName("scoresNotes")
        form.addRow("&Notes:", self.notes)
        self.message = self.message_label()
        form.addRow("", self.message)
        self.save_button, self.cancel_button = self.form_buttons(form, "Save the s&cores", "Keeps this set of scores")
        self.escape_closes(self.panel, self.cancel)

    def _connect(self) -> None:
        self.add_button.clicked.connect(self.add_scores)
        self.edit_button.clicked.connect(self.edit_scores)
        self.remove_button.clicked.connect(self.remove_scores)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.cancel)
        self.tool.currentIndexChanged.connect(lambda _i: self._show_tool())
        for end in (self.low, self.high):
            end.valueChanged.connect(self._new_range)
        self.add_area_button.clicked.connect(lambda: self._add_area_row("", None, focus=True))
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda _item: self.edit_scores())
        self.new_key(self.add_scores)

    def open_row(self, _table) -> None:
        self.edit_scores()

    def remove_row(self, _table) -> None:
        self.remove_scores()

    # ------------------------------------------------------------------ showing

    def show_case(self, case: Case) -> None:
        self.case = case
        self.heading.setText(f"Scores from other tools: {case.reference}")
        self._hide_panel()
        self._fill()
        self.table.setFocus()

    def _fill(self, select: str | None = None) -> None:
        keep = select or selected_id(self.table)
        sets = sorted(self.case.scores, key=lambda s: (s.on, s.title))
        self.table.setRowCount(len(sets))
        for r, s in enumerate(sets):
            title = s.title + (f", completed by {s.informant}" if s.informant else "")
            set_row(self.table, r, s.id, [uk_date(s.on), title, scores_text(s), s.by,
                                          children_words(self.case, s.child_ids)])
            self.table.item(r, 2).setToolTip(scores_tip(s))
        self.table.resizeRowsToContents()
        select_id(self.table, keep)
        if self.table.rowCount() and not self.table.selectionModel().selectedRows():
            self.table.selectRow(0)
        self.empty.setVisible(not sets)
        self.table.setAccessibleName(f"Scores from other tools: {plural(len(sets), 'set')}")
        self._update_buttons()

    def selected(self) -> ScoreSet | None:
        sid = selected_id(self.table)
        return next((s for s in self.case.scores if s.id == sid), None) if self.case else None

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        self.edit_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    # ------------------------------------------------------------------ the panel

    def _measure(self) -> str:
        return self.tool.currentData()

    def _show_tool(self, scores: list[Score] | None = None) -> None:
        kind = MEASURES[self._measure()]
        self.form.setRowVisible(self.name_edit, kind.named)
        self.form.setRowVisible(self.range_box, kind.key == "custom")
        self.form.setRowVisible(self.informant, kind.key == "sdq")
        self.form.setRowVisible(self.add_area_button, not kind.areas)
        self.name_edit.setPlaceholderText("For example Family Star Plus" if kind.key == "star"
                                          else "The measure's name")
        for label, spin in self.area_rows:
            label.deleteLater()
            spin.deleteLater()
        self.area_rows = []
        given = {sc.area: sc.value for sc in (scores or [])}
        if kind.areas:
            for key, name in kind.areas:
                self._add_area_row(name, given.get(key), key=key)
        else:
            for area, value in given.items():
                self._add_area_row(area, value)
            if not given:
                self._add_area_row("", None)
        self.better_note.setText(kind.better.capitalize() + "." if kind.better else "")
        self.better_note.setVisible(bool(kind.better))

    def _new_range(self, *_a) -> None:
        """Another measure's range changed: each score box follows it (a score outside it is said on saving)."""
        if self._measure() != "custom":
            return
        low, high = self.low.value(), self.high.value()
        for _label, spin in self.area_rows:
            scored = spin.value() != spin.minimum()
            value = spin.value()
            spin.setRange(low - 1, max(low, high))
            spin.setValue(value if scored and low <= value <= high else low - 1)

    def _add_area_row(self, name: str, value: int | None, key: str = "", focus: bool = False) -> None:
        kind = MEASURES[self._measure()]
        n = len(self.area_rows)
        if kind.areas:
            label = QLabel(name)
            label.setProperty("area", key)
        else:
            label = QLineEdit(name)
            label.setPlaceholderText("The area, for example Keeping your child safe")
            label.setAccessibleName(f"Area {n + 1}: its name")
            label.setAccessibleDescription("The area's name as the tool gives it")
        low, high = kind.ranges.get(key, (kind.low, kind.high))
        if kind.key == "custom":
            low, high = self.low.value(), self.high.value()
        spin = QSpinBox()
        spin.setRange(low - 1, high)                # the lowest step is "not scored"
        spin.setSpecialValueText(NOT_SCORED)
        spin.setValue(value if value is not None else low - 1)
        spin.setAccessibleName(f"{name or f'Area {n + 1}'}: score from {low} to {high}")
        spin.setAccessibleDescription(f"A whole number from {low} to {high}; the lowest step is “{NOT_SCORED}”")
        if isinstance(label, QLabel):
            label.setBuddy(spin)
        self.areas.addWidget(label, n, 0)
        self.areas.addWidget(spin, n, 1)
        self.area_rows.append((label, spin))
        if focus:  # once it is shown: a widget just added cannot take the focus yet
            QTimer.singleShot(0, label.setFocus)

    def _set_children(self, ticked: list[str]) -> None:
        self.child_checks = self.child_ticks(self.case, self.children_row, self.child_checks, ticked, "About {}",
                                             "Tick each child the scores are about; none ticked: the whole family")

    def add_scores(self) -> None:
        if self.case is None:
            return
        self.editing = None
        titled(self.panel, "Add scores")
        self.tool.setCurrentIndex(0)
        for w in (self.name_edit, self.by_edit, self.better):
            w.clear()
        self.notes.clear()
        self.informant.setCurrentIndex(0)
        self.date_edit.rule = DateRule(latest=today(), too_late="That date is in the future: record scores given.")
        self.date_edit.set_date(today())
        self._set_children([self.case.children[0].id] if len(self.case.children) == 1 else [])
        self._show_tool()
        self._open()

    def edit_scores(self) -> None:
        s = self.selected()
        if s is None:
            return
        self.editing = s
        titled(self.panel, f"Edit the {s.title} of {uk_date(s.on)}")
        self.tool.blockSignals(True)
        self.tool.setCurrentIndex(self.tool.findData(s.measure))
        self.tool.blockSignals(False)
        self.name_edit.setText(s.name)
        self.by_edit.setText(s.by)
        self.better.setText(s.better)
        if s.low is not None and s.high is not None:
            self.low.setValue(s.low)
            self.high.setValue(s.high)
        self.informant.setCurrentText(s.informant)
        self.notes.setPlainText(s.notes)
        self.date_edit.rule = DateRule(latest=today(), too_late="That date is in the future: record scores given.")
        self.date_edit.set_date(s.on)
        self._set_children(s.child_ids)
        self._show_tool(s.scores)
        self._open()

    def _open(self) -> None:
        self.message.setVisible(False)
        self.panel_area.setVisible(True)
        self.about.setVisible(False)
        self.tool.setFocus()
        QTimer.singleShot(0, lambda: self.panel_area.ensureWidgetVisible(self.tool, 0, 0))

    def _hide_panel(self) -> None:
        self.panel_area.setVisible(False)
        self.about.setVisible(True)
        self.editing = None

    def cancel(self) -> None:
        self._hide_panel()
        self.table.setFocus()

    def save(self) -> None:
        if self.case is None or not self.panel_area.isVisible():
            return
        self.message.setVisible(False)
        if not self.date_edit.check():
            self.date_edit.setFocus()
            return
        measure = self._measure()
        scores = []
        for label, spin in self.area_rows:
            if spin.value() == spin.minimum():
                continue  # not scored
            area = label.property("area") if isinstance(label, QLabel) else label.text()
            scores.append(Score(area, spin.value()))
        base = self.editing
        s = ScoreSet(measure, self.date_edit.date(), scores, self.name_edit.text(), self.by_edit.text(),
                     self.informant.currentText() if measure == "sdq" else "",
                     [cid for cid, check in self.child_checks.items() if check.isChecked()],
                     self.notes.toPlainText(), self.low.value() if measure == "custom" else None,
                     self.high.value() if measure == "custom" else None, self.better.text(),
                     id=base.id if base else "")
        try:
            kept = self.shell.session.keep_scores(self.case, s)
        except ValueError as exc:
            return self.say(self.message, self.area_rows[0][1] if self.area_rows else self.tool, str(exc))
        except StoreError as exc:
            return self.not_saved(exc)
        self.saved()
        self._hide_panel()
        self._fill(select=kept.id)
        self.table.setFocus()
        self.shell.set_status(f"{kept.title} of {uk_date(kept.on)} saved.")

    def remove_scores(self) -> None:
        from . import dialogs

        s = self.selected()
        if s is None:
            return
        if not dialogs.confirm(self, "Remove scores", f"Remove the {s.title} of {uk_date(s.on)}? Its scores and "
                               f"notes will be deleted for good. This cannot be undone.", ok_label="Remove the scores"):
            return
        try:
            self.shell.session.remove_scores(self.case, s.id)
        except StoreError as exc:
            return self.not_saved(exc)
        self._fill()
        self.table.setFocus()
        self.shell.set_status(f"{s.title} of {uk_date(s.on)} removed.")

    def clear(self) -> None:
        self.case = None
        self.table.setRowCount(0)
        self._hide_panel()
