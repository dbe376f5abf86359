"""The guided interview: one stage of the day at a time, with the map of stages beside it."""

from __future__ import annotations

from datetime import datetime, timezone

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..case import Answer, Case, Child, Interview, PerspectiveKind
from ..dates import uk_date
from ..interview import (
    TopicPrompts,
    feeling_in_child_words,
    hand_over_words,
    opening,
    asked_topics,
    child_months,
    overall_progress,
    perspective_label,
    left_at,
    stage_progress,
    topic_prompts,
)
from ..session import StoreError
from .. import people
from ..template_model import ALSO_FELT_SCALE, Template
from ..wording import ANSWER_HEADING
from ..worries import in_child_mode, worries_in
from .announce import show_status
from .autosave import Autosaver, show_save_state
from .faces import FeelingsFaces
from .flow import flow_widget
from .forms import child, load_form, register_form
from .scanning import HOW
from .wheel import guard_choices
from .widgets import text_box

register_form("interview_page.ui", {
    "headerLabel": QLabel, "savedLabel": QLabel, "stageList": QListWidget, "progressBar": QProgressBar,
    "guidanceCheck": QCheckBox, "topicArea": QScrollArea, "backButton": QPushButton,
    "childModeButton": QPushButton, "prevButton": QPushButton, "nextButton": QPushButton,
})


SAVED_AS_YOU_TYPE = "Saved as you type."


SENSITIVE_BOX = "Sensitive"
SENSITIVE_ALWAYS = "Always sensitive"
SENSITIVE_WHY = "Kept off shared screens, out of comparing and out of the report's body."
SENSITIVE_ALWAYS_WHY = "Asked only when the person is on their own: " + SENSITIVE_WHY[0].lower() + SENSITIVE_WHY[1:]


def _prompt(text: str, role: str = "prompt") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setProperty("role", role)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class TopicCard(QGroupBox):
    """One topic: the question for this perspective and every answer control it calls for."""

    edited = Signal(str)  # topic key
    alone_now = Signal()  # the practitioner says the person is on their own now

    def __init__(self, prompts: TopicPrompts, answer: Answer, kind: PerspectiveKind, template: Template,
                 parent: QWidget | None = None, alone: bool | None = None):
        # The title is a wrapped label inside the box, not the box's own title: a group box's title
        # never wraps, so a long one would set the narrowest the whole page can be.
        super().__init__(parent)
        self.setObjectName(f"topic_{prompts.key}")
        self.setAccessibleName(prompts.title)
        self.key = prompts.key
        self.answer = answer
        self.kind = kind
        self._loading = True
        # A topic asked only when the person is on their own (a family member never asked this one),
        # and any answer marked sensitive, start folded away: a family member may see the screen.
        self.always_kept = prompts.seen_alone  # every answer to it is sensitive (sensitive.py)
        self.seen_alone_topic = prompts.seen_alone and kind is not PerspectiveKind.PROFESSIONAL
        self.alone = alone
        outer = QVBoxLayout(self)
        self.title_label = _prompt(prompts.title, "topic-title")
        outer.addWidget(self.title_label)
        self.fold_bar = QFrame()
        self.fold_bar.setObjectName("foldBar")
        self.fold_bar.setProperty("role", "guidance")
        self.fold_bar.setFrameShape(QFrame.Shape.StyledPanel)
        bar = QVBoxLayout(self.fold_bar)
        self.fold_message = _prompt("", "guidance")
        bar.addWidget(self.fold_message)
        buttons, line = flow_widget()
        self.alone_button = QPushButton("On their own now: show")
        self.alone_button.setAccessibleDescription(
            "Records that the person is seen on their own, then shows this topic's questions.")
        self.alone_button.clicked.connect(self.alone_now.emit)
        self.show_button = QPushButton("Show")
        self.show_button.setAccessibleName(f"{prompts.title}: Show")
        self.show_button.setAccessibleDescription("Shows this topic's questions and answers: only when no one "
                                                  "else can see the screen.")
        self.show_button.clicked.connect(lambda: self.set_folded(False))
        self.hide_button = QPushButton("Hide")
        self.hide_button.setAccessibleName(f"{prompts.title}: Hide")
        self.hide_button.setAccessibleDescription("Folds this topic away again, for when someone else can see "
                                                  "the screen.")
        self.hide_button.clicked.connect(lambda: self.set_folded(True))
        for b in (self.alone_button, self.show_button, self.hide_button):
            line.addWidget(b)
        bar.addWidget(buttons)
        outer.addWidget(self.fold_bar)
        self.body = QWidget()
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.body)
        self.question_text = prompts.question  # what was asked, for a disclosure made here
        layout.addWidget(_prompt(prompts.question))

        answer_name = ANSWER_HEADING[kind]
        # the description carries the question, so a screen reader gives it with the box
        self.text = text_box(f"{prompts.title}: {answer_name.lower()}",
                              f"{prompts.question} {SAVED_AS_YOU_TYPE}", 5)
        layout.addWidget(QLabel(answer_name))
        layout.addWidget(self.text)
        self.source = None
        if kind is PerspectiveKind.PROFESSIONAL:
            self.source = QLineEdit()
            self.source.setAccessibleName(f"{prompts.title}: source, who told us (agency or observation)")
            self.source.setPlaceholderText("Which agency, or your own observation")
            self.source.setAccessibleDescription("Which agency told you this, or that you saw it yourself.")
            form = QFormLayout()
            form.addRow("Source", self.source)
            layout.addLayout(form)

        self.own_day = self.impact = None
        if prompts.own_day:
            layout.addWidget(_prompt(prompts.own_day))
            self.own_day = text_box(f"{prompts.title}: the parent's own day", prompts.own_day, 2)
            layout.addWidget(self.own_day)
        if prompts.impact:
            layout.addWidget(_prompt(prompts.impact))
            self.impact = text_box(f"{prompts.title}: how it affects the child", prompts.impact, 2)
            layout.addWidget(self.impact)

        self.measures: dict[str, QComboBox] = {}
        if prompts.measures:
            for m in prompts.measures:  # each comparable answer: its question, then the choices
                combo = QComboBox()
                combo.setAccessibleName(m.label)
                combo.setAccessibleDescription(
                    "Choose the answer that fits best. Leave it at \u201cnot answered\u201d if it did not come up.")
                combo.addItem("— not answered —", None)
                for value, label in m.options(keep=answer.measures.get(m.id)):
                    combo.addItem(label, value)
                self.measures[m.id] = combo
                # as wide as its longest choice where there is room, narrower (eliding) where not
                combo.setMinimumWidth(combo.fontMetrics().horizontalAdvance("x" * 12))
                label = QLabel(m.label)
                label.setWordWrap(True)
                label.setBuddy(combo)
                layout.addWidget(label)
                layout.addWidget(combo, 0, Qt.AlignmentFlag.AlignLeft)

        child_words = feeling_in_child_words(kind)  # the same rule the comparison reads them back by
        self.feeling = None  # the faces, where this person is asked about feelings
        if prompts.feeling_question:
            layout.addWidget(_prompt(prompts.feeling_question))
            scale = template.feelings
            self.feeling = FeelingsFaces([(o.value, o.child_label if child_words else o.label)
                                          for o in scale.options])
            self.feeling.setAccessibleName(f"{prompts.title}: {prompts.feeling_question}")
            layout.addWidget(self.feeling)

        self.also_felt = None  # other feelings beside the face, where the template asks
        if prompts.also_felt_question and ALSO_FELT_SCALE in template.scales:
            layout.addWidget(_prompt(prompts.also_felt_question))
            others = template.scales[ALSO_FELT_SCALE]
            self.also_felt = FeelingsFaces([(o.value, o.child_label if child_words else o.label)
                                            for o in others.options], multiple=True)
            self.also_felt.setAccessibleName(f"{prompts.title}: {prompts.also_felt_question}")
            layout.addWidget(self.also_felt)

        self.well = None  # what goes well, where the template asks
        if prompts.well_question:
            layout.addWidget(_prompt(prompts.well_question))
            self.well = text_box(f"{prompts.title}: what goes well", prompts.well_question, 2)
            layout.addWidget(self.well)

        self.better = None
        if prompts.better_question:
            layout.addWidget(_prompt(prompts.better_question))
            self.better = text_box(f"{prompts.title}: what would make it better", prompts.better_question, 2)
            layout.addWidget(self.better)

        self.guidance = QFrame()
        self.guidance.setObjectName("guidance")
        self.guidance.setProperty("role", "guidance")
        self.guidance.setFrameShape(QFrame.Shape.StyledPanel)
        g = QVBoxLayout(self.guidance)
        g.addWidget(QLabel("<b>For you, not the family</b>"))
        if prompts.look_for:
            g.addWidget(_prompt(f"Look for: {prompts.look_for}", "guidance"))
        if prompts.observe:
            g.addWidget(_prompt(f"Observe: {prompts.observe}", "guidance"))
        if prompts.agencies:
            g.addWidget(_prompt(f"Who may know: {', '.join(prompts.agencies)}", "guidance"))
        self.notes = text_box(f"{prompts.title}: practitioner's notes (not shown to the family)",
                               "For you only: never shown in child mode and left out of the Word export.", 2)
        g.addWidget(QLabel("Your notes"))
        g.addWidget(self.notes)
        layout.addWidget(self.guidance)

        layout = outer  # below the fold: always there, so "Not asked" can be recorded without the questions
        self.sensitive = QCheckBox(SENSITIVE_ALWAYS if self.always_kept else SENSITIVE_BOX)
        self.sensitive.setAccessibleName(f"{prompts.title}: {self.sensitive.text()}")
        self.sensitive.setAccessibleDescription(
            "A sensitive answer is folded away when the interview is opened again, never shown in child mode, "
            "left out of comparing and of the report, except its section for professionals when chosen.")
        why = _prompt(SENSITIVE_ALWAYS_WHY if self.always_kept else SENSITIVE_WHY, "guidance")
        layout.addWidget(self.sensitive)
        layout.addWidget(why)  # below the box, wrapping, so it never widens the page
        row = QFormLayout()
        self.not_asked = QCheckBox("Not asked")
        self.not_asked.setAccessibleName(f"{prompts.title}: not asked")
        self.not_asked.setAccessibleDescription(
            "Tick if this topic was not covered, then say why in the box beside it. "
            "The comparison shows it as not asked rather than as a gap.")
        self.reason = QLineEdit()
        self.reason.setAccessibleName(f"{prompts.title}: why it was not asked")
        self.reason.setPlaceholderText("Why not")
        self.reason.setAccessibleDescription("Why the topic was not covered, for example that the child was tired.")
        row.addRow(self.not_asked, self.reason)
        layout.addLayout(row)

        self._fill()
        for box in self._texts():
            box.textChanged.connect(self._edited)
        for combo in self.measures.values():
            combo.currentIndexChanged.connect(self._edited)
        if self.feeling is not None:
            self.feeling.changed.connect(self._edited)
        if self.also_felt is not None:
            self.also_felt.changed.connect(self._edited)
        self.not_asked.toggled.connect(self._edited)
        self.reason.textChanged.connect(self._edited)
        self.sensitive.toggled.connect(self._edited)
        if self.source is not None:
            self.source.textChanged.connect(self._edited)
        self._loading = False
        self.set_folded(self.kept)

    # ------------------------------------------------------------------ folded away

    @property
    def kept(self) -> bool:
        """Sensitive: asked only when seen alone, or marked so by the practitioner."""
        return self.always_kept or self.sensitive.isChecked()

    @property
    def folded(self) -> bool:
        return not self.body.isVisibleTo(self)

    def set_folded(self, folded: bool) -> None:
        """Fold the topic's questions and answers away, or show them (a seen-alone topic only once the
        person is on their own)."""
        if not folded and self.seen_alone_topic and self.alone is not True:
            folded = True
        self.body.setVisible(not folded)
        self.fold_bar.setVisible(self.kept or folded)
        waiting = folded and self.seen_alone_topic and self.alone is not True  # for them to be on their own
        self.alone_button.setVisible(waiting)
        self.show_button.setVisible(folded and not waiting)
        self.hide_button.setVisible(not folded)
        if self.seen_alone_topic and self.alone is not True:
            message = ("Ask this only when the person is on their own, with no partner, relative or child "
                       "who can hear. If that is not possible today, tick \u201cNot asked\u201d and say why.")
        elif folded:
            message = ("Folded away so no one else sees it: asked only when the person is on their own."
                       if self.always_kept else "Marked sensitive: folded away so no one else sees it.")
            message += " Show it only when no one else can see the screen."
        else:
            message = ("Asked only when the person is on their own. Hide it if anyone comes in."
                       if self.always_kept else "Marked sensitive. Hide it if anyone else can see the screen.")
        self.fold_message.setText(message)

    def set_alone(self, alone: bool | None) -> None:
        """The interview's record of whether the person is seen on their own; a seen-alone topic folds
        away at once when it says they are not."""
        self.alone = alone
        self.set_folded(self.folded if alone is True else True)

    def first_input(self) -> QWidget:
        """Where the cursor goes when the stage opens."""
        if not self.folded:
            return self.text
        return self.alone_button if self.seen_alone_topic and self.alone is not True else self.show_button

    def _texts(self):
        return [b for b in (self.text, self.own_day, self.impact, self.well, self.better, self.notes) if b is not None]

    def _fill(self) -> None:
        a = self.answer
        self.text.setPlainText(a.text)
        if self.own_day is not None:
            self.own_day.setPlainText(a.own_day)
        if self.impact is not None:
            self.impact.setPlainText(a.impact)
        if self.well is not None:
            self.well.setPlainText(a.well)
        if self.better is not None:
            self.better.setPlainText(a.better)
        self.notes.setPlainText(a.notes)
        if self.source is not None:
            self.source.setText(a.source)
        for mid, combo in self.measures.items():
            index = combo.findData(a.measures.get(mid))
            combo.setCurrentIndex(max(index, 0))
        if self.feeling is not None:
            self.feeling.set_value(a.feeling)
        if self.also_felt is not None:
            self.also_felt.set_value(a.also_felt)
        self.not_asked.setChecked(a.not_asked is not None)
        self.reason.setText(a.not_asked or "")
        self.reason.setEnabled(a.not_asked is not None)
        self.sensitive.setChecked(a.sensitive or self.always_kept)
        self.sensitive.setEnabled(not self.always_kept)

    def _edited(self, *_args) -> None:
        if self._loading:
            return
        a = self.answer
        a.text = self.text.toPlainText()
        if self.own_day is not None:
            a.own_day = self.own_day.toPlainText()
        if self.impact is not None:
            a.impact = self.impact.toPlainText()
        if self.well is not None:
            a.well = self.well.toPlainText()
        if self.better is not None:
            a.better = self.better.toPlainText()
        a.notes = self.notes.toPlainText()
        if self.source is not None:
            a.source = self.source.text()
        a.measures = {mid: c.currentData() for mid, c in self.measures.items() if c.currentData()}
        if self.feeling is not None:
            a.feeling = self.feeling.value()
        if self.also_felt is not None:
            a.also_felt = self.also_felt.value()
        a.not_asked = self.reason.text() if self.not_asked.isChecked() else None
        self.reason.setEnabled(self.not_asked.isChecked())
        if self.sensitive.isEnabled():
            a.sensitive = self.sensitive.isChecked()
            self.set_folded(self.folded)  # a Hide button once it is marked
        self.edited.emit(self.key)

    def set_guidance_visible(self, visible: bool) -> None:
        self.guidance.setVisible(visible)


class InterviewPage(QWidget):
    """Shows one interview. `show_interview` fills it; `clear` empties it (on lock)."""

    def __init__(self, shell, parent: QWidget | None = None):
        super().__init__(parent)
        self.shell = shell
        guard_choices()  # the wheel scrolls the stage; it never sets an answer
        self.autosaver = Autosaver(shell.session, self)
        self.autosaver.state_changed.connect(self._saved_state)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.form = load_form("interview_page.ui", self)
        layout.addWidget(self.form)
        self.header = child(self.form, "headerLabel", QLabel)
        self.header.setProperty("role", "heading")
        # Under the heading: a template not yet signed off for use with families says so.
        self.draft_label = QLabel()
        self.draft_label.setObjectName("draftLabel")
        self.draft_label.setProperty("role", "warning")
        self.draft_label.setWordWrap(True)
        self.draft_label.setTextFormat(Qt.TextFormat.PlainText)
        self.draft_label.setVisible(False)
        top = self.form.layout()
        top.insertWidget(top.indexOf(self.form.findChild(QHBoxLayout, "headerLayout")) + 1, self.draft_label)
        # A child's "Something worries me", for the practitioner: where and when, never the words here
        # (the child may be beside them); the words are on the compare screen and were shown on leaving.
        self.worry_label = QLabel()
        self.worry_label.setObjectName("worryLabel")
        self.worry_label.setProperty("role", "warning")
        self.worry_label.setWordWrap(True)
        self.worry_label.setTextFormat(Qt.TextFormat.PlainText)
        self.worry_label.setVisible(False)
        top.insertWidget(top.indexOf(self.draft_label) + 1, self.worry_label)
        self.saved_label = child(self.form, "savedLabel", QLabel)
        self.stage_list = child(self.form, "stageList", QListWidget)
        self.progress = child(self.form, "progressBar", QProgressBar)
        self.guidance_check = child(self.form, "guidanceCheck", QCheckBox)
        self.area = child(self.form, "topicArea", QScrollArea)
        self.prev_button = child(self.form, "prevButton", QPushButton)
        self.next_button = child(self.form, "nextButton", QPushButton)
        self.child_mode_button = child(self.form, "childModeButton", QPushButton)
        child(self.form, "backButton", QPushButton).clicked.connect(self._back)
        self.prev_button.clicked.connect(lambda: self.go_to_stage(self.stage_index - 1))
        self.next_button.clicked.connect(lambda: self.go_to_stage(self.stage_index + 1))
        self.stage_list.currentRowChanged.connect(self._stage_chosen)
        self.guidance_check.toggled.connect(self._guidance_toggled)
        self.child_mode_button.clicked.connect(self._child_mode)
        # Beside it, in every interview: record a disclosure, then see the next steps.
        self.disclosure_button = QPushButton("Something was &disclosed…")
        self.disclosure_button.setObjectName("disclosureButton")
        self.disclosure_button.setAccessibleName("Something was disclosed: record the words and see the next steps")
        self.disclosure_button.setAccessibleDescription(
            "For you: write down the exact words and the question before them; the next steps are shown")
        bar = next(lay for lay in self.form.findChildren(QHBoxLayout) if lay.indexOf(self.child_mode_button) >= 0)
        # For a child who uses a switch: child mode then scans (one key moves, the other chooses).
        self.switch_check = QCheckBox("With a switch")
        self.switch_check.setObjectName("switchCheck")
        self.switch_check.setAccessibleName("With a switch: the large mode scans")
        self.switch_check.setAccessibleDescription(
            f"For someone who uses a switch or two: in the large mode a frame steps through the choices ({HOW})")
        self.switch_check.setToolTip(f"The large mode scans: {HOW}")
        bar.insertWidget(bar.indexOf(self.child_mode_button) + 1, self.disclosure_button)
        QWidget.setTabOrder(self.child_mode_button, self.disclosure_button)
        # Back, the hand-over and the disclosure take a second line rather than widen the window past
        # a small screen at large text ("Hand over the laptop…" is the longer of the hand-over's words)
        left, flow = flow_widget(6)
        for button in (child(self.form, "backButton", QPushButton), self.child_mode_button, self.disclosure_button):
            bar.removeWidget(button)
            flow.addWidget(button)
            if button is self.child_mode_button:
                flow.addWidget(self.switch_check)  # beside the hand-over it changes
        bar.insertWidget(0, left, 1)
        QWidget.setTabOrder(self.child_mode_button, self.switch_check)
        QWidget.setTabOrder(self.switch_check, self.disclosure_button)
        self.disclosure_button.clicked.connect(self.open_disclosure)
        self.disclosure_window = None
        for keys, step in (("Ctrl+PgDown", 1), ("Ctrl+PgUp", -1)):
            QShortcut(QKeySequence(keys), self, activated=lambda s=step: self.go_to_stage(self.stage_index + s))
        self.next_button.setToolTip("Next stage (Ctrl+Page Down)")
        self.prev_button.setToolTip("Previous stage (Ctrl+Page Up)")
        splitter = self.form.findChild(QWidget, "splitter")
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        # The count goes in words under the bar, not over it: text drawn across the bar's filled part
        # is unreadable in some themes (white on yellow in high contrast).
        self.progress.setTextVisible(False)
        self.progress_label = QLabel()
        self.progress_label.setWordWrap(True)  # named by the count it shows ("5 of 20 topics answered")
        map_layout = self.form.findChild(QVBoxLayout, "mapLayout")
        map_layout.insertWidget(map_layout.indexOf(self.progress) + 1, self.progress_label)
        self.case: Case | None = None
        self.child_: Child | None = None
        self.interview: Interview | None = None
        self.template: Template | None = None
        self.stage_index = 0
        self.cards: list[TopicCard] = []
        self.alone_buttons: dict = {}  # "Seen on their own?" on the first stage
        self.on_child_mode = None  # set by the main window: callable(case, child, interview, template, stage)

    # ------------------------------------------------------------------ showing

    def show_interview(self, case: Case, child_: Child, interview: Interview, stage_index: int | None = 0) -> None:
        """`stage_index` None: where the interview was left (continuing one at its first stage made a
        practitioner page through what was done to find her place)."""
        self.autosaver.flush()
        self.case, self.child_, self.interview = case, child_, interview
        self.template = self.shell.session.template_for(case, interview)
        who = perspective_label(interview, case)
        self.header.setText(f"{child_.name} — {who} — {self.template.title} (held {uk_date(interview.held_on)})")
        self.draft_label.setText("" if self.template.review.approved else
                                 "This template is a draft, not yet approved for use by your safeguarding partnership.")
        self.draft_label.setVisible(not self.template.review.approved)
        self._show_worries()
        # child mode is for a child who can take the laptop: not for an unborn baby's voice
        # the large mode: for the child (not an unborn baby's voice), or easy read for a parent or carer
        handed = (interview.perspective.kind is PerspectiveKind.CHILD and not child_.is_unborn
                  or interview.perspective.kind is PerspectiveKind.PARENT)
        self.child_mode_button.setVisible(handed)
        self.switch_check.setVisible(handed)
        if self.switch_check.property("interview") != interview.id:  # ticked for one person, not the next
            self.switch_check.setChecked(False)
            self.switch_check.setProperty("interview", interview.id)
        words, spoken = hand_over_words(child_, interview, self.template)
        self.child_mode_button.setText(words)
        self.child_mode_button.setAccessibleName(spoken)
        self.stage_index = -1
        self.stage_list.clear()
        self._fill_map()
        self._fit_map_width()
        self.go_to_stage(left_at(self.progress_rows) if stage_index is None else stage_index)  # (_fill_map's)

    def _fit_map_width(self) -> None:
        """The stage map as wide as its longest line in its own font (themes and presentation mode
        change it), but never more than two fifths of the page: longer titles then scroll sideways
        rather than squeeze the topics."""
        if self.template is None:
            return
        self.stage_list.ensurePolished()
        metrics = self.stage_list.fontMetrics()
        widest = max(metrics.horizontalAdvance(f"◐ {s.title}  (10/10)") for s in self.template.stages)
        chrome = 2 * self.stage_list.frameWidth() + self.stage_list.verticalScrollBar().sizeHint().width() + 20
        room = max(self.width() * 2 // 5, metrics.horizontalAdvance("x" * 16))
        width = min(widest + chrome, room)
        self.stage_list.setMinimumWidth(width)
        self.stage_list.setMaximumWidth(width)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        self._fit_map_width()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().changeEvent(event)
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange):
            self._fit_map_width()

    def _fill_map(self, edited: bool = False) -> None:
        """The stage map: one item per stage, made once per interview and updated in place
        (remaking items on every keystroke is wasteful, and PySide does not like the churn).
        After an edit (`edited`) a new count of topics answered is announced; opening a page is not."""
        rows = self.progress_rows = stage_progress(self.template, self.interview, self.child_)
        if self.stage_list.count() != len(rows):
            self.stage_list.blockSignals(True)
            self.stage_list.clear()
            for _ in rows:
                self.stage_list.addItem(QListWidgetItem())
            self.stage_list.blockSignals(False)
        for i, row in enumerate(rows):
            mark = "✓" if row.done else ("◐" if row.answered else "○")
            item = self.stage_list.item(i)
            text = f"{mark} {row.stage.title}  ({row.answered}/{row.total})"
            if item.text() != text:
                item.setText(text)
                state = "all answered" if row.done else f"{row.answered} of {row.total} answered"
                item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{row.stage.title}: {state}")
        done, total = overall_progress(self.template, self.interview, self.child_)
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        show_status(self.progress_label, f"{done} of {total} topics answered", say=edited)

    def go_to_stage(self, index: int) -> None:
        if self.template is None or not 0 <= index < len(self.template.stages) or index == self.stage_index:
            return
        self.autosaver.flush()  # saved on every move
        self.stage_index = index
        stage = self.template.stages[index]
        holder = QWidget()
        column = QVBoxLayout(holder)
        self.alone_buttons = {}
        if index == 0:
            column.addWidget(self._opening_box())
        intro = _prompt(stage.title, "heading")
        column.addWidget(intro)
        if stage.intro:
            column.addWidget(_prompt(stage.intro, "guidance"))
        self.cards = []
        kind = self.interview.perspective.kind
        named = tuple(people.choices(self.case, self.child_))
        young = people.too_young(self.case, self.child_, self.interview.held_on)
        for topic in asked_topics(stage, kind, child_months(self.child_, self.interview.held_on)):
            prompts = topic_prompts(self.template, topic, kind, self.child_, named, young)
            answer = self.interview.answers.get(topic.key) or Answer()
            card = TopicCard(prompts, answer, kind, self.template, alone=self.interview.seen_alone)
            card.set_guidance_visible(self.guidance_check.isChecked())
            card.edited.connect(self._card_edited)
            card.alone_now.connect(lambda c=card: self._alone_now(c))
            column.addWidget(card)
            self.cards.append(card)
        column.addStretch(1)
        self.area.setWidget(holder)
        self.area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # wrap, never scroll sideways
        self.stage_list.blockSignals(True)
        self.stage_list.setCurrentRow(index)
        self.stage_list.blockSignals(False)
        self.prev_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < len(self.template.stages) - 1)
        self.area.verticalScrollBar().setValue(0)
        if self.cards:
            self.cards[0].first_input().setFocus()

    def _alone_now(self, card: TopicCard) -> None:
        """The practitioner says the person is on their own now: recorded, then the questions shown."""
        self._seen_alone(True)
        if self.interview is not None and self.interview.seen_alone is True:
            card.set_folded(False)
            card.text.setFocus()

    # ------------------------------------------------------------------ before the first question

    def _opening_box(self) -> QWidget:
        """What to say before the first question, and whether the person was seen on their own."""
        box = QFrame()
        box.setObjectName("openingBox")
        box.setProperty("role", "guidance")
        box.setFrameShape(QFrame.Shape.StyledPanel)
        column = QVBoxLayout(box)
        words = opening(self.template, self.interview.perspective.kind, self.child_)
        if words:
            column.addWidget(_prompt("Before the first question, say:", "guidance"))
            self.opening_label = _prompt(words, "guidance")
            self.opening_label.setObjectName("openingText")
            column.addWidget(self.opening_label)
        holder, row = flow_widget()  # wraps onto more lines rather than widen a small window
        question = QLabel("Seen on their own?")
        row.addWidget(question)
        self.alone_buttons = {}
        group = QButtonGroup(box)
        for value, text in ((True, "Yes"), (False, "No, others were there"), (None, "Not recorded")):
            button = QRadioButton(text)
            button.setAccessibleName(f"Seen on their own? {text}")
            button.setAccessibleDescription("Whether the person was seen alone; who else was there and where "
                                            "are on the case page")
            button.setChecked(self.interview.seen_alone is value)
            group.addButton(button)
            row.addWidget(button)
            self.alone_buttons[value] = button
            button.toggled.connect(lambda on, v=value: on and self._seen_alone(v))
        column.addWidget(holder)
        return box

    def _seen_alone(self, value: bool | None) -> None:
        if self.interview is None or self.interview.seen_alone is value:
            return
        try:
            self.shell.session.set_seen_alone(self.case, self.interview, value)
        except StoreError as exc:
            self.shell.show_error(str(exc))
            return
        button = self.alone_buttons.get(value)  # on the first stage only
        if button is not None and not button.isChecked():
            button.setChecked(True)
        for card in self.cards:  # a seen-alone topic folds away at once when they are not on their own
            card.set_alone(self.interview.seen_alone)

    # ------------------------------------------------------------------ a disclosure

    def open_disclosure(self) -> None:
        """The window to record a disclosure, with the question of the topic in view filled in."""
        if self.interview is None:
            return
        self.autosaver.flush()
        card = next((c for c in self.cards if c.isAncestorOf(self.focusWidget() or self)), None) or (
            self.cards[0] if self.cards else None)
        asked = card.question_text if card is not None else ""
        from .disclosure import DisclosureWindow

        self.disclosure_window = DisclosureWindow(self.shell, self.case, self.interview, asked,
                                                  card.key if card is not None else "", self)
        self.disclosure_window.recorded.connect(
            lambda _d: self.shell.set_status("The disclosure is saved with this interview."))
        self.disclosure_window.open()

    def _card_edited(self, key: str) -> None:
        card = next(c for c in self.cards if c.key == key)
        card.answer.updated = datetime.now(timezone.utc)
        self.autosaver.changed(self.interview, key, card.answer)
        self._fill_map(edited=True)

    def _stage_chosen(self, row: int) -> None:
        self.go_to_stage(row)

    def _guidance_toggled(self, on: bool) -> None:
        for card in self.cards:
            card.set_guidance_visible(on)

    def _saved_state(self, state: str, message: str) -> None:
        if show_save_state(self.saved_label, state, message, pending_mark="… "):
            self.shell.show_error(message)

    def _back(self) -> None:
        if self.autosaver.flush() and self.case is not None:
            self.shell.open_case(self.case.id)

    def _child_mode(self) -> None:
        if self.autosaver.flush() and self.on_child_mode is not None:
            self.on_child_mode(self.case, self.child_, self.interview, self.template, max(self.stage_index, 0),
                               scanning=self.switch_check.isChecked())

    def refresh_from_model(self, stage_index: int | None = None) -> None:
        """Redraw from the interview (after child mode edited it), at `stage_index` (the stage the
        child reached) or at the stage shown before."""
        index, self.stage_index = (self.stage_index if stage_index is None else stage_index), -1
        self._show_worries()
        self._fill_map()
        self.go_to_stage(max(index, 0))

    def _show_worries(self) -> None:
        listed = worries_in(self.interview, self.template)
        if listed:
            called = self.child_.called or "The child"
            # short, so a small screen keeps its room for the stages: where and when in full on hover
            words = (f" What {called} said is on the compare screen." if any(w.worry.words for w in listed) else "")
            self.worry_label.setText(f"{in_child_mode(called, listed)}{words}")
            self.worry_label.setToolTip("\n".join(f"{w.where}, {w.when}" for w in listed))
        self.worry_label.setVisible(bool(listed))

    # ------------------------------------------------------------------ locking

    def clear(self) -> None:
        """Forget everything shown: used when the app locks."""
        self.autosaver.flush()
        shown = self.area.takeWidget()
        if shown is not None:
            shown.deleteLater()
        self.cards = []
        self.alone_buttons = {}
        self.stage_list.clear()
        self.header.setText("")
        self.case = self.child_ = self.interview = self.template = None
        self.stage_index = 0
