"""The practitioner's analysis of one child: the evidence by type of neglect beside their own
judgement, strengths, worries, impact, the plan, and optional 0–10 scales.

The tool lays out the evidence and saves what is typed; it never scores, and it never decides
whether a child is neglected. Saved as typed (debounced, like the interview's answers).
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..analysis import Action, Analysis, ScaleRating
from ..case import Case, Child
from ..compare import Comparison
from ..dates import today
from ..evidence import SYMBOL, evidence_text  # noqa: F401  (evidence_text: used below, and by tests)
from ..vocab import NeglectType
from .autosave import CallbackSaver
from .date_field import DateField
from .widgets import plain_label, text_box

__all__ = ["AGREEMENT_MARK", "AnalysisEditor", "evidence_text", "plain_label"]
AGREEMENT_MARK = SYMBOL  # kept under its old name for the screens

DEFAULT_DAYS_AHEAD = 28


class _Rows(QGroupBox):
    """A little table made of real controls: a header, rows of fields, and Add/Remove buttons."""

    changed = Signal()

    def __init__(self, title: str, headers: list[str], add_text: str, add_name: str, add_description: str,
                 parent=None):
        super().__init__(title, parent)
        outer = QVBoxLayout(self)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(8)
        outer.addLayout(self.grid)
        self.headers = headers
        self.empty = plain_label("")
        outer.addWidget(self.empty)
        self.add_button = QPushButton(add_text)
        self.add_button.setAccessibleName(add_name)
        self.add_button.setAccessibleDescription(add_description)
        bar = QHBoxLayout()
        bar.addWidget(self.add_button)
        bar.addStretch(1)
        outer.addLayout(bar)
        self.rows: list[list[QWidget]] = []

    def _rebuild(self, fill) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.rows = []
        fill()
        if self.rows:
            for col, text in enumerate(self.headers):
                self.grid.addWidget(QLabel(f"<b>{text}</b>"), 0, col)


class PlanEditor(_Rows):
    """What needs to happen: what, who, by when."""

    def __init__(self, parent=None):
        super().__init__("What needs to happen (the plan)", ["What, then who", "", "By when", ""],
                         "Add an action", "Add an action to the plan",
                         "Adds a row for what needs to happen, who will do it and by when", parent)
        self.empty.setText("No actions yet.")
        self.actions: list[Action] = []
        self.add_button.clicked.connect(self.add)

    def set_actions(self, actions: list[Action]) -> None:
        self.actions = actions
        self._rebuild(self._fill)
        self.grid.setColumnStretch(0, 3)  # who takes the width the date leaves
        self.grid.setColumnStretch(1, 2)

    def _fill(self) -> None:
        for i, action in enumerate(self.actions):
            n = i + 1
            what = QLineEdit(action.what)
            what.setAccessibleName(f"Action {n}: what needs to happen")
            what.setPlaceholderText("What needs to happen")
            what.setAccessibleDescription("The action, in words the family will understand")
            who = QLineEdit(action.who)
            who.setAccessibleName(f"Action {n}: who will do it")
            who.setPlaceholderText("Who")
            who.setAccessibleDescription("The person or agency who will do it")
            dated = QCheckBox("By")
            dated.setAccessibleName(f"Action {n}: by a date")
            dated.setAccessibleDescription("Untick if the action has no date, for example an ongoing one")
            when = DateField()
            when.setAccessibleName(f"Action {n}: by when")
            when.setAccessibleDescription("Type the day, month and year, for example 14/03/2027. "
                                          "Alt+Down opens a calendar.")
            when.set_date(action.by_when or today() + timedelta(days=DEFAULT_DAYS_AHEAD))
            dated.setChecked(action.by_when is not None)
            when.setEnabled(action.by_when is not None)
            remove = QPushButton("Remove")
            remove.setAccessibleName(f"Remove action {n}")
            remove.setAccessibleDescription("Takes this action out of the plan")
            date_box = QWidget()
            date_column = QVBoxLayout(date_box)
            date_column.setContentsMargins(0, 0, 0, 0)
            date_row = QHBoxLayout()
            date_row.addWidget(dated)
            date_row.addWidget(when, 1)
            date_column.addLayout(date_row)
            date_column.addWidget(when.message)  # what is wrong with a typed date, right under it
            for box in (what, who):  # the start of what was typed in view, not its end ("p place and food ba…")
                box.setCursorPosition(0)
            # two lines an action: what needs to happen the whole width (one line beside who and the date
            # showed a few words of each at 150% text on a 1024 x 768 screen), then who and by when
            row = 1 + 2 * i
            self.grid.addWidget(what, row, 0, 1, 3)
            self.grid.addWidget(remove, row, 3)
            self.grid.addWidget(who, row + 1, 0, 1, 2)
            self.grid.addWidget(date_box, row + 1, 2)
            self.rows.append([what, who, dated, when, remove])

            def edited(*_a, a=action, w=what, o=who, d=dated, e=when) -> None:
                a.what, a.who = w.text(), o.text()
                e.setEnabled(d.isChecked())
                if not d.isChecked():
                    a.by_when = None
                    e.message.setVisible(False)
                elif e.check():
                    a.by_when = e.date()
                # else: the date typed cannot be used; the message says why and the saved date stays
                self.changed.emit()
            what.textChanged.connect(edited)
            who.textChanged.connect(edited)
            dated.toggled.connect(edited)
            when.date_edited.connect(edited)
            remove.clicked.connect(lambda _=False, idx=i: self.remove(idx))
        self.empty.setVisible(not self.actions)
        self.grid.setColumnStretch(0, 3)
        self.grid.setColumnStretch(1, 2)

    def add(self) -> None:
        self.actions.append(Action("", "", today() + timedelta(days=DEFAULT_DAYS_AHEAD)))
        self._rebuild(self._fill)
        self.rows[-1][0].setFocus()
        self.changed.emit()

    def remove(self, index: int) -> None:
        del self.actions[index]
        self._rebuild(self._fill)
        if self.rows:
            self.rows[min(index, len(self.rows) - 1)][0].setFocus()
        else:
            self.add_button.setFocus()
        self.changed.emit()


class RatingsEditor(_Rows):
    """Optional: each person's 0–10 scale and their reason."""

    def __init__(self, parent=None):
        super().__init__("Scaling, if you use it (optional)", ["Whose scale", "0 to 10", "Their reason", ""],
                         "Add a scale", "Add a scale: one person's 0 to 10",
                         "Adds a row for one person's own 0 to 10 rating and their reason", parent)
        self.empty.setText("No scales recorded. Ask each person where they would put things from 0 to 10, "
                           "and why; the numbers are theirs, not the tool's.")
        self.ratings: list[ScaleRating] = []
        self.add_button.clicked.connect(self.add)

    def set_ratings(self, ratings: list[ScaleRating]) -> None:
        self.ratings = ratings
        self._rebuild(self._fill)

    def _fill(self) -> None:
        for i, rating in enumerate(self.ratings):
            n = i + 1
            person = QLineEdit(rating.person)
            person.setAccessibleName(f"Scale {n}: whose scale")
            person.setPlaceholderText("For example the mother, the child, you")
            person.setAccessibleDescription("Whose rating this is, for example the mother, the child or you")
            score = QSpinBox()
            score.setRange(0, 10)
            score.setValue(rating.score)
            score.setAccessibleName(f"Scale {n}: their score from 0 to 10")
            score.setAccessibleDescription("The number they chose. Up and Down arrows change it.")
            reason = QLineEdit(rating.reason)
            reason.setAccessibleName(f"Scale {n}: their reason")
            reason.setPlaceholderText("Why they chose it, in their words")
            reason.setAccessibleDescription("Why they chose that number, in their words")
            remove = QPushButton("Remove")
            remove.setAccessibleName(f"Remove scale {n}")
            remove.setAccessibleDescription("Takes this rating out of the analysis")
            row = i + 1
            self.grid.addWidget(person, row, 0)
            self.grid.addWidget(score, row, 1)
            self.grid.addWidget(reason, row, 2)
            self.grid.addWidget(remove, row, 3)
            self.rows.append([person, score, reason, remove])

            def edited(*_a, r=rating, p=person, s=score, w=reason) -> None:
                r.person, r.score, r.reason = p.text(), s.value(), w.text()
                self.changed.emit()
            person.textChanged.connect(edited)
            score.valueChanged.connect(edited)
            reason.textChanged.connect(edited)
            remove.clicked.connect(lambda _=False, idx=i: self.remove(idx))
        self.empty.setVisible(not self.ratings)
        self.grid.setColumnStretch(0, 2)
        self.grid.setColumnStretch(2, 3)

    def add(self) -> None:
        self.ratings.append(ScaleRating("", 5))
        self._rebuild(self._fill)
        self.rows[-1][0].setFocus()
        self.changed.emit()

    def remove(self, index: int) -> None:
        del self.ratings[index]
        self._rebuild(self._fill)
        if self.rows:
            self.rows[min(index, len(self.rows) - 1)][0].setFocus()
        else:
            self.add_button.setFocus()
        self.changed.emit()


class AnalysisEditor(QWidget):
    """One child's analysis. `show_analysis(case, child, comparison)` fills it; every edit is saved
    through `shell.session.save_analysis` shortly after typing pauses (`saver`, a CallbackSaver)."""

    def __init__(self, shell, parent: QWidget | None = None):
        super().__init__(parent)
        self.shell = shell
        self.case: Case | None = None
        self.child_: Child | None = None
        self.analysis: Analysis | None = None
        self.interview_ids: list[str] = []
        self._loading = False
        self.saver = CallbackSaver(self._save, self)
        self.setObjectName("analysisEditor")

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.area = QScrollArea()
        self.area.setWidgetResizable(True)
        self.area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer.addWidget(self.area)
        body = QWidget()
        self.area.setWidget(body)
        column = QVBoxLayout(body)

        column.addWidget(plain_label(
            "Your analysis. Beside each type of neglect is what each person said on the topics about it; "
            "what it means is your judgement. Nothing here is scored, and the tool does not decide "
            "whether a child is neglected.", "prompt"))
        who = QFormLayout()
        self.practitioner = QLineEdit()
        self.practitioner.setAccessibleName("Analysis written by")
        self.practitioner.setPlaceholderText("Your name and role")
        self.practitioner.setAccessibleDescription("Your name and role, shown in the Word export as the author")
        who.addRow("Written by", self.practitioner)
        column.addLayout(who)
        # where it stands (a draft, awaiting review, approved...), at the top too: the details are at the end
        self.standing = plain_label("")
        self.standing.setObjectName("analysisStanding")
        self.standing.setAccessibleName("Where the analysis stands")
        column.addWidget(self.standing)

        heading = plain_label("By type of neglect", "heading")
        column.addWidget(heading)
        self.evidence: dict[NeglectType, QLabel] = {}
        self.narratives: dict[NeglectType, QPlainTextEdit] = {}
        for n in NeglectType:
            box = QGroupBox(n.label)
            box.setObjectName(f"neglect_{n.value}")
            row = QHBoxLayout(box)
            left = QVBoxLayout()
            left.addWidget(QLabel("What was said"))
            evidence = plain_label()
            evidence.setObjectName(f"evidence_{n.value}")
            evidence.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                             | Qt.TextInteractionFlag.TextSelectableByKeyboard)
            evidence.setAccessibleName(f"{n.label}: what was said")
            evidence.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            left.addWidget(evidence, 1)
            right = QVBoxLayout()
            narrative = text_box(f"{n.label}: your judgement and narrative",
                                 "What you make of the evidence shown beside this box. Saved as you type.", 6)
            caption = QLabel("Your judgement and narrative")
            caption.setBuddy(narrative)
            right.addWidget(caption)
            right.addWidget(narrative)
            right.addStretch(1)
            row.addLayout(left, 1)
            row.addLayout(right, 1)
            column.addWidget(box)
            self.evidence[n] = evidence
            self.narratives[n] = narrative
            narrative.textChanged.connect(self._edited)

        column.addWidget(plain_label("The whole picture", "heading"))
        self.strengths = text_box("What is working well (strengths)",
                                  "What the family does well and what helps the child. Saved as you type.")
        self.worries = text_box("Worries", "What worries you about the child's day. Saved as you type.")
        self.impact_now = text_box("The impact on the child now",
                                   "How the child's day affects them now. Saved as you type.")
        self.impact_if_unchanged = text_box("The impact on the child if nothing changes",
                                            "What is likely for the child if things stay as they are. "
                                            "Saved as you type.")
        for box in (self.strengths, self.worries, self.impact_now, self.impact_if_unchanged):
            caption = QLabel(box.accessibleName())
            caption.setBuddy(box)
            column.addWidget(caption)
            column.addWidget(box)
            box.textChanged.connect(self._edited)

        column.addWidget(plain_label("Likelihood of change", "heading"))
        column.addWidget(plain_label(
            "Your own judgement (nothing here is scored): what has been tried, what the family has shown it "
            "can do, and how likely change is in the child's timescale."))
        self.likelihood: dict[str, QPlainTextEdit] = {}
        for attr, name, description in (
                ("tried_before", "What has been tried before, and what happened",
                 "Help, plans and services offered before, what the family did with them and what changed. "
                 "Saved as you type."),
                ("capacity", "The family's capacity to change",
                 "What they have shown they can do, what gets in the way, the support they use. Saved as you type."),
                ("prognosis", "The prognosis for change, in the child's timescale",
                 "How likely change is, and how soon, set against how long the child can wait. Saved as you type.")):
            box = text_box(name, description)
            box.setObjectName(f"likelihood_{attr}")
            caption = QLabel(name)
            caption.setBuddy(box)
            column.addWidget(caption)
            column.addWidget(box)
            box.textChanged.connect(self._edited)
            self.likelihood[attr] = box

        self.plan = PlanEditor()
        self.plan.changed.connect(self._edited)
        column.addWidget(self.plan)
        self.ratings = RatingsEditor()
        self.ratings.changed.connect(self._edited)
        column.addWidget(self.ratings)
        from .oversight_box import OversightBox

        self.oversight = OversightBox(shell)
        self.oversight.before_keeping = self._save_now
        self.oversight.kept.connect(self._show_standing)
        column.addWidget(self.oversight)
        column.addStretch(1)
        self.practitioner.textChanged.connect(self._edited)

    # ------------------------------------------------------------------ showing

    def show_analysis(self, case: Case, child: Child, comparison: Comparison | None) -> None:
        self.saver.flush()
        self.case, self.child_ = case, child
        self.analysis = self.shell.session.analysis(case, child)
        self._loading = True
        try:
            a = self.analysis
            self.practitioner.setText(a.practitioner or case.practitioner)
            for n, box in self.narratives.items():
                box.setPlainText(a.by_neglect[n].narrative if n in a.by_neglect else "")
            self.strengths.setPlainText(a.strengths)
            self.worries.setPlainText(a.worries)
            self.impact_now.setPlainText(a.impact_now)
            self.impact_if_unchanged.setPlainText(a.impact_if_unchanged)
            for attr, box in self.likelihood.items():
                box.setPlainText(getattr(a, attr))
            self.plan.set_actions(a.actions)
            self.ratings.set_ratings(a.ratings)
            self.oversight.show_analysis(case, child, a)
        finally:
            self._loading = False
        self._show_standing()
        self.set_comparison(comparison)

    def set_comparison(self, comparison: Comparison | None) -> None:
        """The evidence beside each type, from the interviews chosen for comparison."""
        self.interview_ids = [v.interview.id for v in comparison.voices] if comparison else []
        grouped = comparison.by_neglect() if comparison else {}
        tagged = comparison.template.neglect_types if comparison else set()
        for n, label in self.evidence.items():
            history = self._history(n)
            if comparison is None:
                label.setText("Choose at least one interview to compare." + history)
            elif n not in tagged:
                label.setText("No topic in this template is about this type of neglect." + history)
            else:
                text = evidence_text(grouped.get(n, []), comparison)
                label.setText((text or "Nothing recorded yet on the topics about this type of neglect.") + history)

    def _history(self, n: NeglectType) -> str:
        """The chronology's events about this type of neglect for this child (or the whole family), as
        the report's reading by type lists them: the history beside the day."""
        from ..chronology import Kind, entries

        if self.case is None or self.child_ is None:
            return ""
        events = [e for e in entries(self.case, self.child_.id, neglect=n) if e.kind is Kind.EVENT]
        return ("\n\nIn the chronology:\n" + "\n".join(f"   {e.when.text}: {e.what}" for e in events)) if events else ""

    # ------------------------------------------------------------------ saving

    def _edited(self, *_args) -> None:
        if self._loading or self.analysis is None:
            return
        a = self.analysis
        a.practitioner = self.practitioner.text()
        for n, box in self.narratives.items():
            a.judgement(n).narrative = box.toPlainText()
        a.strengths = self.strengths.toPlainText()
        a.worries = self.worries.toPlainText()
        a.impact_now = self.impact_now.toPlainText()
        a.impact_if_unchanged = self.impact_if_unchanged.toPlainText()
        for attr, box in self.likelihood.items():
            setattr(a, attr, box.toPlainText())
        # the plan and ratings editors change a.actions / a.ratings in place
        self.saver.changed()

    def _save(self) -> None:
        if self.analysis is None or self.case is None:
            return
        if self.interview_ids:
            self.analysis.interview_ids = list(self.interview_ids)
        self.shell.session.save_analysis(self.case, self.analysis)
        self._show_standing()

    def _save_now(self) -> None:
        """Before a version or review is kept: what is typed is saved first (kept is what is on screen)."""
        self.saver.flush()

    def _show_standing(self) -> None:
        from ..dates import full_time
        from ..oversight import status_words

        self.oversight.refresh()
        self.standing.setText(status_words(self.analysis, full_time) if self.analysis is not None else "")

    def clear(self) -> None:
        """Save, then forget everything shown (on lock)."""
        self.saver.flush()
        self.case = self.child_ = self.analysis = None
        self._loading = True
        for box in [*self.narratives.values(), self.strengths, self.worries, self.impact_now,
                    self.impact_if_unchanged, *self.likelihood.values()]:
            box.clear()
        self.practitioner.clear()
        for label in self.evidence.values():
            label.clear()
        self.plan.set_actions([])
        self.ratings.set_ratings([])
        self.oversight.clear()
        self.standing.clear()
        self._loading = False
