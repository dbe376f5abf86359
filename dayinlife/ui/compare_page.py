"""Compare and analyse one child's day: the perspectives side by side, the child's feelings against
the adults' estimates, change over time, and the practitioner's analysis.

For the practitioner and social worker only: it sets every family member's answers side by side,
so it is never shown in child mode or to anyone in the family. A difference is shown as something
to weigh (a symbol and words, in bold; colour only as an extra), never as a verdict, and the
page says to judge whether a difference is safe to raise before raising it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QBrush, QFont, QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..case import Answer, Case, Child, Interview, PerspectiveKind
from ..compare import Agreement, Comparison, TopicComparison, also_felt_words, in_their_words
from ..dates import uk_date
from ..paths import worry_picture
from ..pictures import chosen_picture, scale_pictured
from ..evidence import agreement_text
from ..interview import overall_progress
from ..sensitive import KEPT_OUT, KEPT_OUT_WHY
from ..worries import child_worries, in_child_mode, summary, unplaced

NOT_ASKED_OF = {PerspectiveKind.CHILD: "a child", PerspectiveKind.PARENT: "a parent",
                PerspectiveKind.PROFESSIONAL: "professionals"}
from ..session import StoreError
from ..vocab import NeglectType
from ..voices import choose_interviews, ordered, person_key, who
from ..wording import ANSWER_HEADING, feeling_heading, plural
from .analysis_editor import AnalysisEditor, plain_label
from .autosave import DebouncedSaver, show_save_state
from .compare_tabs import (PICTURE_PX, DIFFER_BACKGROUND, DIFFER_FOREGROUND, NEAR_BACKGROUND, ChangeTab, FeelingsTab,
                           SortTab, picture_icon, two_lines)
from .flow import flow_widget
from .wheel import guard_choices

PRACTITIONER_ONLY = ("For practitioners only. A difference is not a finding: judge whether it is safe to raise, "
                     "and never reveal what a child said.")

TC_ROLE = Qt.ItemDataRole.UserRole          # the topic's index in comparison.topics
VOICE_ROLE = Qt.ItemDataRole.UserRole + 1   # the voice label, for a voice's cell


uk = uk_date


class ComparePage(QWidget):
    """One child: `show_child(case, child)` fills it. `saver` saves the analysis as it is typed;
    `clear()` forgets everything shown (on lock). Needs a `shell` (dayinlife/ui/shell.py)."""

    def __init__(self, shell, parent: QWidget | None = None):
        super().__init__(parent)
        self.shell = shell
        guard_choices()  # the wheel scrolls; filters and scores change only by click or key
        self.case: Case | None = None
        self.child_: Child | None = None
        self.comparison: Comparison | None = None
        self.voice_checks: dict[str, QCheckBox] = {}
        self._voice_columns: dict[str, int] = {}
        self.setObjectName("comparePage")

        page = QVBoxLayout(self)
        page.setContentsMargins(6, 4, 6, 4)  # every line of height goes to the grid on a small screen
        page.setSpacing(4)
        top = QHBoxLayout()
        self.back_button = QPushButton("Back to the case")
        self.back_button.setAccessibleName("Back to the case")
        self.back_button.setAccessibleDescription("Returns to the household page; the analysis is already saved")
        self.heading = plain_label("", "heading")
        self.saved_label = QLabel("")  # named by what it says, and said when it settles (_saved_state)
        self.saved_label.setTextFormat(Qt.TextFormat.PlainText)
        top.addWidget(self.heading, 1)
        top.addWidget(self.saved_label)
        top.addWidget(self.back_button)
        page.addLayout(top)
        self.only_line = plain_label(PRACTITIONER_ONLY, "warning")
        self.only_line.setObjectName("practitionerOnly")
        page.addWidget(self.only_line)
        # A child's "Something worries me" heads the page, before any comparing: a button first in the
        # tabs' row (no row of its own: the grid keeps the height of a small screen), which shows where,
        # when and the child's words under the warning when the practitioner asks.
        self.worry_toggle = QPushButton()
        self.worry_toggle.setObjectName("worryToggle")
        self.worry_toggle.setProperty("role", "warning")
        self.worry_toggle.setIcon(QIcon(str(worry_picture())))
        self.worry_toggle.setCheckable(True)
        self.worry_toggle.setVisible(False)
        self.worry_box = plain_label("", "warning")
        self.worry_box.setObjectName("compareWorries")
        self.worry_box.setVisible(False)
        page.addWidget(self.worry_box)
        self.worry_toggle.toggled.connect(self._show_worry_detail)

        # What is compared, in one line; the list to change it (and the columns shown) opens below
        # it on demand, so the grid keeps the height of the page.
        self.choose_button = QPushButton("C&hoose interviews…")
        self.choose_button.setObjectName("chooseButton")
        self.choose_button.setCheckable(True)
        self.choose_button.setAccessibleName("Choose interviews and columns")
        self.choose_button.setAccessibleDescription(
            "Shows or hides the list of interviews to compare (one per person) and the columns to show")
        self.choices = QFrame()
        self.choices.setObjectName("compareChoices")
        self.choices.setFrameShape(QFrame.Shape.StyledPanel)
        choices = QVBoxLayout(self.choices)
        choices.setContentsMargins(6, 4, 6, 4)
        self.choices.setVisible(False)
        caption = QLabel("&Interviews compared (one per person; the earlier ones are under Change over time):")
        caption.setWordWrap(True)
        self.interview_list = QListWidget()
        self.interview_list.setAccessibleName(
            "Interviews compared (one per person; the earlier ones are under Change over time)")
        self.interview_list.setAccessibleDescription(
            "Tick the interviews to set side by side: one per person. Space ticks or unticks.")
        self.interview_list.setFlow(QListWidget.Flow.LeftToRight)
        self.interview_list.setWrapping(True)
        self.interview_list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.interview_list.setSpacing(2)
        self.interview_list.setMaximumHeight(self.fontMetrics().lineSpacing() * 4 + 16)
        caption.setBuddy(self.interview_list)
        choices.addWidget(caption)
        choices.addWidget(self.interview_list)
        holder, columns = flow_widget()  # a checkbox per person follows: wraps rather than widen the window
        columns.addWidget(QLabel("Show the columns of:"))
        self.voice_bar = columns
        choices.addWidget(holder)
        page.addWidget(self.choices)
        self.choose_button.toggled.connect(self._show_choices)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Compare and analyse")
        # "Choose interviews" sits with the grid's filters (_build_grid_tab): as the tabs' right-hand corner,
        # with the worry button at their left, it left room for two tabs and a half at 150% text, and
        # Analysis and Export to Word were out of sight behind scroll arrows.
        self.tabs.setCornerWidget(self.worry_toggle, Qt.Corner.TopLeftCorner)  # first in the row, before the tabs
        page.addWidget(self.tabs, 1)
        self._build_grid_tab()
        self.feelings = FeelingsTab()
        self.tabs.addTab(self.feelings, FeelingsTab.TITLE)
        self._describe_last_tab(FeelingsTab.DESCRIPTION)
        self.sort_tab = SortTab()
        self.tabs.addTab(self.sort_tab, SortTab.TITLE)
        self._describe_last_tab(SortTab.DESCRIPTION)
        self.change = ChangeTab(shell)
        self.change_tab = self.change
        self.tabs.addTab(self.change, ChangeTab.TITLE)
        self._describe_last_tab(ChangeTab.DESCRIPTION)
        self.editor = AnalysisEditor(shell)
        self.tabs.addTab(self.editor, "&Analysis")
        self._describe_last_tab("Your analysis by type of neglect, with the evidence, strengths, worries, "
                                "impact and the plan; saved as you type")
        from .export_panel import ExportPanel

        self.export_panel = ExportPanel(shell)
        self.export_panel.before_export = self.saver.flush  # the analysis is saved before it is exported
        self.tabs.addTab(self.export_panel, "&Word report")
        self._describe_last_tab("Makes the Word document for the assessment, with the choice to anonymise it")

        self.back_button.clicked.connect(self._back)
        self.interview_list.itemChanged.connect(self._interview_ticked)
        self.saver.state_changed.connect(self._saved_state)

    def _show_choices(self, on: bool) -> None:
        self.choices.setVisible(on)
        if on:
            self.interview_list.setFocus()

    def _say_what_is_compared(self) -> None:
        shown = [self._label(iv) + (f" {uk(iv.held_on)}" if iv.perspective.kind is not PerspectiveKind.PROFESSIONAL
                                    else "") for iv in self.chosen_interviews()]
        others = self.interview_list.count() - len(shown)
        text = (f"Comparing {plural(len(shown), 'interview')}: " + "; ".join(shown)
                + (f" ({others} more not ticked)" if others else "")) if shown else "No interview is ticked."
        self.compared_text = text
        self.choose_button.setText(f"C&hoose interviews ({len(shown)} of {self.interview_list.count()})…")
        self.choose_button.setToolTip(text)
        self.choose_button.setAccessibleName(f"Choose interviews ({len(shown)} of {self.interview_list.count()}) "
                                             f"and the columns shown")  # the words on the button, and more
        self.choose_button.setAccessibleDescription(
            f"{text}. Shows or hides the list of interviews to compare and the columns to show.")

    def _describe_last_tab(self, text: str) -> None:
        """A tab's tooltip: shown on hover, and read out by screen readers as the tab's description."""
        self.tabs.setTabToolTip(self.tabs.count() - 1, text)

    @property
    def saver(self) -> DebouncedSaver:
        return self.editor.saver

    # the tabs' own parts, under the names the page has always had
    @property
    def feelings_table(self):
        return self.feelings.table

    @property
    def _feeling_columns(self) -> dict[str, int]:
        return self.feelings.columns

    @property
    def change_choice(self):
        return self.change.choice

    @property
    def change_table(self):
        return self.change.table

    @property
    def change_summary(self):
        return self.change.summary

    @property
    def change_available(self) -> bool:
        return self.tabs.isTabVisible(self.tabs.indexOf(self.change))

    # ------------------------------------------------------------------ building

    def _build_grid_tab(self) -> None:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        holder, filters = flow_widget()  # wraps onto more lines rather than widen the window
        neglect_caption = QLabel("Type of &neglect:")
        self.neglect_filter = QComboBox()
        self.neglect_filter.setAccessibleName("Show topics about this type of neglect")
        self.neglect_filter.setAccessibleDescription("Narrows the grid to the topics tagged with one type of neglect")
        self.neglect_filter.addItem("All types", None)
        for n in NeglectType:
            self.neglect_filter.addItem(n.label, n.value)
        neglect_caption.setBuddy(self.neglect_filter)
        self.differences_only = QCheckBox("Only &differences")
        self.differences_only.setAccessibleName("Only differences: show only the topics where the answers differ")
        self.differences_only.setAccessibleDescription(
            "Hides the topics where the people agree, or where only one person answered")
        filters.addWidget(neglect_caption)
        filters.addWidget(self.neglect_filter)
        filters.addWidget(self.differences_only)
        filters.addWidget(self.choose_button)
        layout.addWidget(holder)
        self.counts_label = plain_label()
        layout.addWidget(self.counts_label)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.grid = QTableWidget()
        self.grid.setObjectName("compareGrid")
        self.grid.setAccessibleName("Answers side by side: stages down the side, perspectives across")
        self.grid.setAccessibleDescription("Press Enter on a cell to read the full answer beside the grid")
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.grid.setWordWrap(True)
        self.grid.setIconSize(QSize(PICTURE_PX, PICTURE_PX))  # the child's chosen pictures, beside the words
        self.grid.verticalHeader().setVisible(False)
        self.grid.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.grid.cellClicked.connect(self.open_cell)
        self.grid.installEventFilter(self)
        self.grid.horizontalHeader().sectionResized.connect(lambda *_a: self._fit_rows_soon(self.grid))

        self.answer_area = QScrollArea()
        self.answer_area.setWidgetResizable(True)
        self.answer_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.answer_area.setAccessibleName("The full answer")
        self.answer_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.answer_area.setMinimumWidth(self.fontMetrics().horizontalAdvance("x" * 30))
        self._show_answer_hint()
        self.answer_area.setVisible(False)  # opens beside the grid when a cell is opened; the grid has the room
        self.splitter.addWidget(self.grid)
        self.splitter.addWidget(self.answer_area)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        layout.addWidget(self.splitter, 1)
        self.neglect_filter.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.differences_only.toggled.connect(lambda _on: self.apply_filters())
        self.tabs.addTab(tab, "&Compare")
        self._describe_last_tab("Every person's answers side by side, stage by stage, with the differences marked")

    # ------------------------------------------------------------------ showing a child

    def show_child(self, case: Case, child: Child) -> None:
        self.saver.flush()
        self.case, self.child_ = case, child
        self.heading.setText(f"Compare and analyse: {child.name}")
        self.setAccessibleName(f"Compare and analyse: {child.name}")
        self._saved_state(DebouncedSaver.SAVED, "All changes saved")
        self._show_worries()
        self._fill_interviews()
        self._recompare()
        self.editor.show_analysis(case, child, self.comparison)
        self.export_panel.show_child(case, child)
        self.tabs.setTabVisible(self.tabs.indexOf(self.change), self.change.show_child(case, child))
        self.tabs.setCurrentIndex(0)

    def _show_worries(self) -> None:
        called = self.child_.called or "The child"
        try:
            listed = child_worries(self.case, self.child_, lambda iv: self.shell.session.template_for(self.case, iv))
        except StoreError:  # a template no longer to hand: the worries are still said, by stage id
            listed = [(iv, unplaced(w)) for iv in self.child_.interviews for w in iv.worries]
        said, placed = summary(called, len(listed)), in_child_mode(called, [w for _iv, w in listed])
        shown = f"“Something worries me” ({len(listed)})"
        self.worry_toggle.setText(shown)
        self.worry_toggle.setAccessibleName(shown)  # named by what it shows, as every control is
        self.worry_toggle.setAccessibleDescription(f"{said} Shows or hides where, when and what they said.")
        self.worry_toggle.setToolTip(f"{placed} Click to show what they said.")
        self.worry_box.setText("\n".join([placed,
                                          *(w.line(called) for _iv, w in listed)]) if listed else "")
        self.worry_toggle.setChecked(False)  # the words only when asked for, each time the page opens
        self.worry_box.setVisible(False)
        self.worry_toggle.setVisible(bool(listed))

    def _show_worry_detail(self, shown: bool) -> None:
        self.worry_box.setVisible(shown)

    def _ordered(self, interviews: list[Interview]) -> list[Interview]:
        """The order voices.py gives: the child, each parent/carer, then each professional source."""
        return ordered(self.case, interviews)

    def _label(self, iv: Interview) -> str:
        return who(iv, self.case)

    def _fill_interviews(self) -> None:
        # ticked: what the report compares (the latest of each person; every professional source)
        chosen = {iv.id for iv in choose_interviews(self.case, self.child_).compared}
        self.interview_list.blockSignals(True)
        self.interview_list.clear()
        for iv in self._ordered(self.child_.interviews):
            try:
                answered, total = overall_progress(self.shell.session.template_for(self.case, iv), iv, self.child_)
                progress = f"{answered} of {total} answered"
            except StoreError:
                progress = "template no longer available"
            text = f"{self._label(iv)}, {uk(iv.held_on)} ({progress})"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, iv.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if iv.id in chosen else Qt.CheckState.Unchecked)
            self.interview_list.addItem(item)
        self.interview_list.blockSignals(False)

    def chosen_interviews(self) -> list[Interview]:
        ids = [self.interview_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.interview_list.count())
               if self.interview_list.item(i).checkState() == Qt.CheckState.Checked]
        return self._ordered([self.child_.interview(i) for i in ids])

    def _interview_ticked(self, item: QListWidgetItem) -> None:
        if item.checkState() == Qt.CheckState.Checked:
            iv = self.child_.interview(item.data(Qt.ItemDataRole.UserRole))
            self.interview_list.blockSignals(True)
            others = 0
            for i in range(self.interview_list.count()):
                other = self.interview_list.item(i)
                if other is item or other.checkState() != Qt.CheckState.Checked:
                    continue
                if person_key(self.child_.interview(other.data(Qt.ItemDataRole.UserRole))) == person_key(iv):
                    other.setCheckState(Qt.CheckState.Unchecked)
                    others += 1
            self.interview_list.blockSignals(False)
            if others:
                self.shell.set_status("One interview per person at a time: earlier and later interviews "
                                      "are set side by side under Change over time.")
        self._recompare()
        self.editor.set_comparison(self.comparison)

    def _recompare(self) -> None:
        chosen = self.chosen_interviews()
        self._say_what_is_compared()
        self.comparison = None
        if chosen:
            try:
                self.comparison = self.shell.session.compare(self.case, self.child_, chosen)
            except (StoreError, ValueError) as exc:
                self.shell.show_error(str(exc))
        self._fill_voice_checks()
        self._fill_grid()
        self.feelings.fill(self.comparison)
        self.sort_tab.fill(self.comparison)
        self.tabs.setTabVisible(self.tabs.indexOf(self.sort_tab), bool(self.comparison and self.comparison.sort))
        self._show_answer_hint()

    # ------------------------------------------------------------------ the grid

    def _fill_voice_checks(self) -> None:
        hidden = {label for label, box in self.voice_checks.items() if not box.isChecked()}
        for box in self.voice_checks.values():
            self.voice_bar.removeWidget(box)
            box.deleteLater()
        self.voice_checks = {}
        for voice in self.comparison.voices if self.comparison else []:
            box = QCheckBox(voice.label)
            box.setAccessibleName(f"Show the column: {voice.label}")
            box.setAccessibleDescription("Untick to hide this person's answers from the grid")
            box.setChecked(voice.label not in hidden)
            box.toggled.connect(lambda _on: self.apply_filters())
            self.voice_bar.addWidget(box)
            self.voice_checks[voice.label] = box

    def _fill_grid(self) -> None:
        grid = self.grid
        grid.clearSpans()
        grid.clear()
        c = self.comparison
        if c is None:
            grid.setRowCount(0)
            grid.setColumnCount(0)
            self.counts_label.setText("Tick at least one interview to compare.")
            return
        voices = [v.label for v in c.voices]
        # As the report lays it out: what was asked, each person, then how the answers compare (per row).
        headers = ["Asked about", *voices, "How they compare"]
        grid.setColumnCount(len(headers))
        grid.setHorizontalHeaderLabels([two_lines(h) for h in headers])
        for col, h in enumerate(headers):
            grid.horizontalHeaderItem(col).setToolTip(h)
        self._voice_columns = {v: 1 + i for i, v in enumerate(voices)}
        asked_col, agreement_col = 0, len(headers) - 1
        self.agreement_column = agreement_col
        rows = sum(1 + sum(max(1, len(tc.measures)) for tc in tcs) for _s, tcs in c.by_stage())
        grid.setRowCount(rows)
        bold = QFont(grid.font())
        bold.setBold(True)
        row = 0
        self._rows_of: dict[int, list[int]] = {}  # topic index -> its rows
        self._stage_rows: dict[int, list[int]] = {}  # stage row -> its topic indexes
        index_of = {id(tc): i for i, tc in enumerate(c.topics)}
        for stage, tcs in c.by_stage():
            head = QTableWidgetItem(stage.title)
            head.setFont(bold)
            head.setFlags(Qt.ItemFlag.ItemIsEnabled)
            head.setData(Qt.ItemDataRole.AccessibleTextRole, f"Stage: {stage.title}")
            head.setBackground(QBrush(grid.palette().alternateBase()))
            grid.setItem(row, 0, head)
            grid.setSpan(row, 0, 1, len(headers))
            stage_row = row
            self._stage_rows[stage_row] = []
            row += 1
            for tc in tcs:
                t = index_of[id(tc)]
                self._stage_rows[stage_row].append(t)
                measures = tc.measures or [None]
                first = row
                for m in measures:
                    level = _level(m)
                    if m is not None:
                        what = m.label
                        mark = m.mark if any(m.values.values()) else "Not answered yet"
                    else:
                        what = f"{tc.topic.title}: nothing to compare exactly"
                        only_kept = tc.kept_out and not any(a is not None and not a.is_empty
                                                            for a in tc.answers.values())
                        mark = KEPT_OUT if only_kept else agreement_text(tc.agreement)
                    self._set(row, asked_col, what, t, None, level, bold, f"{tc.topic.title}: {what}")
                    self._set(row, agreement_col, mark, t, None, level, bold, f"{what}: {mark}")
                    for voice in voices:
                        kind = c.voice(voice).kind
                        self._set(row, self._voice_columns[voice], self._cell_text(tc, m, voice, kind), t, voice,
                                  level if m is not None and m.values.get(voice) else 0, bold)
                        seen = self._seen_picture(tc, m, voice, kind)
                        if seen is not None:  # the picture the child chose, as child mode showed it
                            grid.item(row, self._voice_columns[voice]).setIcon(picture_icon(seen))
                        if row == first and self._drawings_at(tc, c.voice(voice)):
                            item = grid.item(row, self._voice_columns[voice])
                            item.setText(f"✎ {item.text()}")  # a drawing, opened with the full answer
                            item.setData(Qt.ItemDataRole.AccessibleTextRole,
                                         f"{item.data(Qt.ItemDataRole.AccessibleTextRole) or item.text()}, and a drawing")
                    row += 1
                self._rows_of[t] = list(range(first, row))
        header = grid.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        metrics = grid.fontMetrics()
        widths = {asked_col: 26, agreement_col: 16}
        for col, chars in widths.items():
            grid.setColumnWidth(col, metrics.horizontalAdvance("x" * chars) + 12)
        for col in self._voice_columns.values():  # the voices share what is left, wrapping if need be
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(metrics.horizontalAdvance("x" * 9))
        kept = (f" {c.kept_out} {'answer is' if c.kept_out == 1 else 'answers are'} kept out of this view: "
                "marked sensitive, or given when seen on their own." if c.kept_out else "")
        self.counts_label.setText(c.tally().text() + kept)
        on = f"Compared on {c.template.title} (version {c.template.version})."
        self.counts_label.setToolTip(on)
        self.counts_label.setAccessibleDescription(on)
        self.apply_filters()

    def _seen_picture(self, tc: TopicComparison, m, voice: str, kind: PerspectiveKind):
        """The picture child mode showed with the child's answer, if it showed pictures for it."""
        if (m is None or kind is not PerspectiveKind.CHILD or self.child_ is None or self.child_.is_unborn
                or voice in tc.kept_out or not m.values.get(voice) or not scale_pictured(m.scale)):
            return None
        return chosen_picture(m.scale, m.values[voice], self.case)

    @staticmethod
    def _cell_text(tc: TopicComparison, m, voice: str, kind: PerspectiveKind | None = None) -> str:
        if voice in tc.kept_out:
            return KEPT_OUT
        if kind is not None and (not tc.topic.asked_of(kind)
                                 or (m is not None and kind is PerspectiveKind.CHILD and not m.measure.for_child)):
            return f"— (not asked of {NOT_ASKED_OF[kind]})"  # the template never puts it to them
        answer = tc.answers.get(voice)
        if m is not None and m.values.get(voice):
            shown = m.seen(voice)  # as the person saw it: a child's choice in the child's words
            return f"≠ {shown}" if m.agreement is Agreement.DIFFER else shown
        if answer is not None and answer.not_asked is not None:
            return "— (not asked)"
        if answer is not None and not answer.is_empty:
            return "— (words only)"
        return "—"

    def _set(self, row: int, col: int, text: str, topic: int, voice: str | None, differs: int, bold: QFont,
             spoken: str | None = None) -> None:
        """One cell. `differs`: 0 nothing to mark; 1 a difference of one step (light); 2 a wide one."""
        item = QTableWidgetItem(text)
        item.setData(TC_ROLE, topic)
        item.setData(VOICE_ROLE, voice)
        item.setToolTip(text)
        if voice is not None:
            tc = self.comparison.topics[topic]
            m = next((m for m in tc.measures if m.values.get(voice) and text.removeprefix("≠ ") == m.seen(voice)), None)
            said = m.shown(voice) if m is not None else text.removeprefix("≠ ")  # with its meaning, where it differs
            item.setToolTip(("≠ " if text.startswith("≠") else "") + said)
            spoken = f"{tc.topic.title}, {voice}: {said}" + (", differs" if differs else "")
        if spoken:
            item.setData(Qt.ItemDataRole.AccessibleTextRole, spoken)
        if differs:
            if differs >= 2:
                item.setFont(bold)
            item.setBackground(QBrush(DIFFER_BACKGROUND if differs >= 2 else NEAR_BACKGROUND))
            item.setForeground(QBrush(DIFFER_FOREGROUND))
        self.grid.setItem(row, col, item)

    def apply_filters(self) -> None:
        """Rows by type of neglect (and differences only); columns by perspective."""
        c = self.comparison
        if c is None:
            return
        wanted = self.neglect_filter.currentData()
        only_diff = self.differences_only.isChecked()
        for stage_row, topics in self._stage_rows.items():
            shown_any = False
            for t in topics:
                tc = c.topics[t]
                show = ((wanted is None or NeglectType(wanted) in tc.topic.neglect)
                        and (not only_diff or tc.differs))
                shown_any = shown_any or show
                for r in self._rows_of[t]:
                    self.grid.setRowHidden(r, not show)
            self.grid.setRowHidden(stage_row, not shown_any)
        for voice, col in self._voice_columns.items():
            box = self.voice_checks.get(voice)
            self.grid.setColumnHidden(col, box is not None and not box.isChecked())
        self.feelings.hide_voices({v for v, box in self.voice_checks.items() if not box.isChecked()})
        self._fit_grid_rows()

    def _fit_grid_rows(self) -> None:
        """Each row as tall as its text, up to two lines (the rest is cut short with "…", and the
        whole is in the tooltip and the full-answer panel), so a laptop screen shows many rows."""
        grid = self.grid
        # the child's pictures beside the words only where the column has room for both: the words
        # carry the meaning, so on a narrow screen they keep the width
        cols = getattr(self, "_voice_columns", {}).values()
        room = min((grid.columnWidth(c) for c in cols if not grid.isColumnHidden(c)), default=0)
        wide = room >= grid.fontMetrics().horizontalAdvance("x" * 14) + PICTURE_PX
        grid.setIconSize(QSize(PICTURE_PX, PICTURE_PX) if wide else QSize(0, 0))
        grid.resizeRowsToContents()
        cap = grid.fontMetrics().lineSpacing() * 2 + 8
        for row in range(grid.rowCount()):
            if grid.rowHeight(row) > cap:
                grid.setRowHeight(row, cap)

    def _fit_rows_soon(self, table: QTableWidget) -> None:
        """Once the columns have settled: resizing every row on every column's move made the page slow."""
        if not table.property("fitPending"):
            table.setProperty("fitPending", True)

            def fit() -> None:
                table.setProperty("fitPending", False)
                self._fit_grid_rows() if table is self.grid else table.resizeRowsToContents()
            QTimer.singleShot(0, table, fit)

    def visible_topics(self) -> list[str]:
        """The keys of the topics the filters leave on show."""
        if self.comparison is None:
            return []
        return [self.comparison.topics[t].topic.key for t, rows in self._rows_of.items()
                if not self.grid.isRowHidden(rows[0])]

    def cell_for(self, topic_key: str, voice: str | None = None, column: int | None = None) -> tuple[int, int]:
        """(row, column) of a topic's cell: a voice's first cell, or the given column."""
        t = next(i for i, tc in enumerate(self.comparison.topics) if tc.topic.key == topic_key)
        return self._rows_of[t][0], (self._voice_columns[voice] if voice is not None else column or 0)

    # ------------------------------------------------------------------ the full answer

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.grid and event.type() == QEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.open_cell(self.grid.currentRow(), self.grid.currentColumn())
                return True
            if event.key() == Qt.Key.Key_Escape and self.answer_area.isVisible():
                self.close_answer()
                return True
        return super().eventFilter(watched, event)

    def close_answer(self) -> None:
        """Fold the full answer away again; the grid takes the room back."""
        self.answer_area.setVisible(False)
        self._show_answer_hint()
        self.grid.setFocus()

    def open_cell(self, row: int, col: int) -> None:
        item = self.grid.item(row, col)
        if item is None or item.data(TC_ROLE) is None or self.comparison is None:
            return
        tc = self.comparison.topics[item.data(TC_ROLE)]
        voice = item.data(VOICE_ROLE)
        if voice:
            voices = [voice]
        else:
            voices = [v.label for v in self.comparison.voices
                      if not (self.voice_checks.get(v.label) and not self.voice_checks[v.label].isChecked())]
        self._show_answers(tc, voices)

    def _show_answer_hint(self) -> None:
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.addWidget(plain_label("Click a cell, or move to it and press Enter, to read the full answer here."))
        column.addStretch(1)
        self._put_answer(holder)

    def _put_answer(self, widget: QWidget) -> None:
        old = self.answer_area.takeWidget()
        if old is not None:
            old.deleteLater()
        self.answer_area.setWidget(widget)

    def _show_answers(self, tc: TopicComparison, voices: list[str]) -> None:
        holder = QWidget()
        holder.setObjectName("fullAnswer")
        column = QVBoxLayout(holder)
        top = QHBoxLayout()
        title = plain_label(tc.topic.title if tc.topic.title == tc.stage.title
                            else f"{tc.topic.title} ({tc.stage.title})", "heading")
        top.addWidget(title, 1)
        close = QPushButton("Close")
        close.setObjectName("closeAnswer")
        close.setAccessibleName("Close the full answer")
        close.setAccessibleDescription("Folds the full answer away; Escape in the grid does the same")
        close.clicked.connect(self.close_answer)
        top.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        column.addLayout(top)
        column.addWidget(plain_label(agreement_text(tc.agreement), "message" if tc.differs else ""))
        by_label = {v.label: v for v in self.comparison.voices}
        feeling_scale = self.comparison.template.feelings
        for voice in voices:
            v = by_label[voice]
            frame = QFrame()
            frame.setFrameShape(QFrame.Shape.StyledPanel)
            box = QVBoxLayout(frame)
            box.addWidget(plain_label(f"{voice}, {uk(v.interview.held_on)}", "message"))
            answer = tc.answers.get(voice)
            for heading, text in self._answer_parts(tc, voice, v.kind, answer, feeling_scale,
                                                    self.comparison.template):
                if heading:
                    caption = QLabel(f"<b>{heading}</b>")
                    box.addWidget(caption)
                body = plain_label(text)
                body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                             | Qt.TextInteractionFlag.TextSelectableByKeyboard)
                body.setAccessibleName(f"{voice}: {heading}" if heading else voice)
                box.addWidget(body)
            chosen = self._pictures_chosen(tc, voice, v.kind, answer)
            if chosen:
                box.addWidget(QLabel("<b>The pictures chosen, as they were seen</b>"))
                strip, flow = flow_widget(12)
                strip.setAccessibleName(f"{voice}: the pictures chosen")
                for path, words in chosen:
                    flow.addWidget(self._picture_with_words(path, words))
                box.addWidget(strip)
            for d in self._drawings_at(tc, v):
                box.addWidget(QLabel("<b>A drawing</b>"))
                box.addWidget(self._drawing_view(d, voice, min(320, self.answer_area.viewport().width() - 48)))
            column.addWidget(frame)
        column.addStretch(1)
        self._put_answer(holder)
        self.answer_area.setVisible(True)
        self.answer_area.verticalScrollBar().setValue(0)

    def _pictures_chosen(self, tc: TopicComparison, voice: str, kind: PerspectiveKind, answer: Answer | None):
        """The child's choices that child mode showed as pictures, with their words, then the face."""
        if answer is None or kind is not PerspectiveKind.CHILD or voice in tc.kept_out:
            return []
        out = [(path, m.seen(voice).strip("“”")) for m in tc.measures
               if (path := self._seen_picture(tc, m, voice, kind)) is not None]
        if answer.feeling and self.child_ is not None and not self.child_.is_unborn:
            face = chosen_picture(self.comparison.template.feelings, answer.feeling, None, feelings=True)
            if face is not None:
                option = next((o for o in self.comparison.template.feelings.options if o.value == answer.feeling), None)
                out.append((face, (option.child_label or option.label) if option else answer.feeling))
        return out

    @staticmethod
    def _drawings_at(tc: TopicComparison, v) -> list:
        """The child's drawings made at this topic (or at its stage, with no topic), oldest first."""
        if v.kind is not PerspectiveKind.CHILD or v.label in tc.kept_out:
            return []
        return sorted((d for d in v.interview.drawings if d.topic_key == tc.topic.key
                       or (not d.topic_key and d.stage_key == tc.stage.id)), key=lambda d: d.at)

    @staticmethod
    def _drawing_view(d, voice: str, width: int = 320) -> QWidget:
        """A drawing, at most a third of its size (narrower where the panel is), with what the child
        said about it under it."""
        from PySide6.QtGui import QPixmap

        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        picture = QLabel()
        pixmap = QPixmap()
        pixmap.loadFromData(d.png, "PNG")
        picture.setPixmap(pixmap.scaledToWidth(max(120, width), Qt.TransformationMode.SmoothTransformation))
        said = d.caption or "Nothing was written down about it."
        picture.setAccessibleName(f"{voice}'s drawing")
        picture.setAccessibleDescription(f"What they said about it: {d.caption}" if d.caption else said)
        column.addWidget(picture)
        words = plain_label(f"They said: “{d.caption}”" if d.caption else said)
        words.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(words)
        return holder

    @staticmethod
    def _picture_with_words(path, words: str) -> QWidget:
        """One picture the child chose, with the words under it (the words carry the meaning)."""
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        picture = QLabel()
        picture.setPixmap(picture_icon(path).pixmap(QSize(48, 48)))
        picture.setAccessibleName(f"Picture: {words}")
        column.addWidget(picture, 0, Qt.AlignmentFlag.AlignHCenter)
        caption = plain_label(words)
        caption.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        caption.setMaximumWidth(140)
        column.addWidget(caption, 0, Qt.AlignmentFlag.AlignHCenter)
        return holder

    @staticmethod
    def _answer_parts(tc: TopicComparison, voice: str, kind: PerspectiveKind, answer: Answer | None,
                      feeling_scale, template) -> list[tuple[str, str]]:
        if voice in tc.kept_out:
            return [("", KEPT_OUT_WHY)]
        if answer is None or answer.is_empty:
            return [("", "Nothing recorded.")]
        parts: list[tuple[str, str]] = []
        if answer.not_asked is not None:
            parts.append(("Not asked", answer.not_asked or "No reason given."))
        comparable = [f"{m.label}: {m.shown(voice)}" + (f"  [{m.mark}]" if m.agreement is Agreement.DIFFER else "")
                      for m in tc.measures if m.values.get(voice)]
        if comparable:
            parts.append(("Comparable answers", "\n".join(comparable)))
        words = ANSWER_HEADING[kind]
        if answer.text:
            parts.append((words, answer.text))
        if answer.source:
            parts.append(("Who told us", answer.source))
        if answer.feeling:
            feeling = in_their_words(feeling_scale, answer.feeling, kind is PerspectiveKind.CHILD)
            heading = feeling_heading(template, kind, "the child")
            parts.append(("How the child feels" if heading == "How it feels" else heading, feeling))
        if answer.also_felt:
            parts.append(("Other feelings", also_felt_words(template, answer.also_felt).capitalize()))
        if answer.well:
            parts.append(("What goes well", answer.well))
        if answer.better:
            parts.append(("What would make it better", answer.better))
        if answer.own_day:
            parts.append(("Their own day at this point", answer.own_day))
        if answer.impact:
            parts.append(("How their day affects the child", answer.impact))
        if answer.notes:
            parts.append(("Practitioner's notes (not the family's words)", answer.notes))
        return parts

    def answer_text(self) -> str:
        """Everything the side panel shows (for tests and screen-reader checks)."""
        widget = self.answer_area.widget()
        return "\n".join(label.text() for label in widget.findChildren(QLabel)) if widget else ""

    # ------------------------------------------------------------------ feelings

    # ------------------------------------------------------------------ saving, leaving, locking

    def _saved_state(self, state: str, message: str) -> None:
        if show_save_state(self.saved_label, state, message):
            self.shell.show_error(message)

    def _back(self) -> None:
        if self.saver.flush() and self.case is not None:
            self.shell.open_case(self.case.id)

    def clear(self) -> None:
        """Save, then forget everything shown: used when the app locks."""
        self.editor.clear()
        self.case = self.child_ = self.comparison = None
        self.grid.clearSpans()
        self.grid.clear()
        self.grid.setRowCount(0)
        self.feelings.table.clear()
        self.change.clear()
        self.interview_list.clear()
        self._show_answer_hint()


def _level(m) -> int:
    """How strongly a comparable answer's row is marked: 2 a wide difference, 1 one step, 0 none."""
    if m is None or m.agreement is not Agreement.DIFFER:
        return 0
    return 2 if m.wide else 1


