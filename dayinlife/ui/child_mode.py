"""Child mode: a full-screen, friendly view the practitioner can hand to a child.

Only the child's wording is here: no professional text, no guidance, no other person's answers.
One thing at a time, big text, big faces, big buttons. Each topic has two pages: first the
question (the child's words and choices), then how it feels (the faces, and what would make it
better), so the faces are always on screen without scrolling, even on a 1366x768 laptop at 150%
text. Every page opens at its top. Leaving needs the practitioner's passphrase.

Beside the questions, three panels take their place when asked for: "Something worries me" (always
there), sorting the day's cards onto good / not sure / not good (sort.py), and drawing (drawing.py).
With `scanning` a switch works it all (scanning.py). The same window runs a parent's or carer's own
interview as easy read: their questions in short sentences (interview.easy_read_prompts), with the
pictures, and none of the child's panels.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMimeData, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDrag, QIcon, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QFrame,
    QGridLayout,
    QScrollArea,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ..case import Answer, Case, Child, Drawing, Interview, PerspectiveKind, Worry
from ..interview import (TopicPrompts, child_months, easy_read_opening, easy_read_prompts, opening,
                         topic_prompts)
from ..paths import option_picture, worry_picture
from ..pictures import choice_pictures
from ..sensitive import is_sensitive
from ..sort import GOOD, PILE_PICTURES, PILES, card_picture, card_words
from ..session import StoreError
from ..template_model import ALSO_FELT_SCALE, Template
from ..worries import BUTTON
from . import dialogs
from .announce import announce
from .autosave import Autosaver
from .drawing import COLOURS, DrawingPad
from .faces import FeelingsFaces
from .flow import flow_widget
from .scanning import SwitchScanner
from .speech import Speaker


SAY, FEEL = "say", "feel"  # the two pages of each topic


PICTURE_PX = 72  # a choice's picture in child mode: clear at 64 px and above, on a projector too


class ChildModeWindow(QWidget):
    finished = Signal()

    def __init__(self, session, autosaver: Autosaver, child_: Child, interview: Interview, template: Template,
                 start_stage: int = 0, parent: QWidget | None = None, *,
                 named: tuple[tuple[str, str], ...] = (), case: Case, scanning: bool = False):
        """`named`: the people of the household the child may name (people.choices); `case`: the
        household the interview belongs to (a "Something worries me" is saved with it at once);
        `scanning`: for a child who uses a switch (scanning.py: Space moves, Enter chooses)."""
        super().__init__(parent, Qt.WindowType.Window)
        assert interview.perspective.kind in (PerspectiveKind.CHILD, PerspectiveKind.PARENT)
        # A parent's or carer's interview in the same large mode, easy read, with pictures: their own
        # questions in short sentences; nothing of the child's (no worry button, no cards, no drawing)
        self.easy = interview.perspective.kind is PerspectiveKind.PARENT
        self.kind = interview.perspective.kind
        self.setObjectName("childMode")
        self.setWindowTitle("Day in My Life")
        self.session, self.autosaver = session, autosaver
        self.child_, self.interview, self.template = child_, interview, template
        self.case = case
        self.worries_pressed: list[Worry] = []  # this turn's, for the practitioner on leaving
        self.drawings_made: list[Drawing] = []  # this turn's
        self._open_worry: Worry | None = None
        self.named = tuple(named)
        from ..people import too_young

        self.too_young = too_young(case, child_, interview.held_on)
        # One per topic the child is asked. Never an answer kept apart (sensitive.py): siblings may
        # see this screen. A topic asked only when seen alone needs the interview to say they are.
        months = child_months(child_, interview.held_on)
        self.steps = [(s, t) for s in template.stages for t in s.topics
                      if t.asked_of(self.kind) and t.fits(months) and (not t.seen_alone or interview.seen_alone is True)
                      and not is_sensitive(t, interview.answers.get(t.key))]
        self.pages = [(n, part) for n in range(len(self.steps)) for part in (SAY, FEEL)]
        first = next((n for n, (s, _) in enumerate(self.steps) if s is template.stages[start_stage]), 0)
        self.index = self.pages.index((first, SAY))
        self._may_close = False
        self._loading = False
        self.scanner: SwitchScanner | None = None
        self._sorting = self._drawing_open = False  # a panel to go back to after "Something worries me"

        outer = QVBoxLayout(self)
        outer.setContentsMargins(40, 24, 40, 24)
        top = QHBoxLayout()
        self.where = QLabel()
        self.where.setProperty("role", "child-stage")
        self.where.setWordWrap(True)  # a long stage title takes two lines, never the screen's width
        top.addWidget(self.where, 1)
        # Always there, on every page: the child can say something is wrong whenever it comes up.
        self.worry_button = QPushButton(BUTTON)
        self.worry_button.setObjectName("worryButton")
        self.worry_button.setIcon(QIcon(str(worry_picture())))
        self.worry_button.setAccessibleName(BUTTON)
        self.worry_button.setAccessibleDescription(
            "Press it if something is wrong or worries you. The grown-up will see it. You can say what, or not.")
        self.worry_button.setProperty("role", "child-worry")
        self.worry_button.clicked.connect(self.worry_pressed)
        self.worry_button.setVisible(not self.easy)  # the child's own button: never on a parent's screen
        top.addWidget(self.worry_button)
        self.done_button = QPushButton("Finished")
        self.done_button.setAccessibleName("Finished: give the laptop back")
        self.done_button.setAccessibleDescription("For the grown-up: ends the child's turn. It asks for the passphrase.")
        self.done_button.setProperty("role", "child-small")
        top.addWidget(self.done_button)
        outer.addLayout(top)

        self._make_worry_panel(outer)
        self._make_sort_panel(outer)
        self._make_drawing_panel(outer)

        # Everything between the top line and the big buttons scrolls, so nothing is squeezed on a
        # small screen or at large text.
        scroll = self.scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = self.body = QWidget()
        body.setObjectName("childBody")
        column = QVBoxLayout(body)
        column.setSpacing(14)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)

        # On the very first page: what the practitioner says before starting, in words for the age
        # (no right answers, you can pass, what cannot stay secret); the child may read it too.
        self.opening = QLabel()
        self.opening.setObjectName("childOpening")
        self.opening.setWordWrap(True)
        self.opening.setTextFormat(Qt.TextFormat.PlainText)
        self.opening.setProperty("role", "child-question-small")
        self.opening.setText("Before we start: " + (easy_read_opening(child_) if self.easy
                                                    else opening(template, self.kind, child_)))
        column.addWidget(self.opening)
        self.topic_heading = QLabel()  # on the feelings page: which part of the day this is about
        self.topic_heading.setWordWrap(True)
        self.topic_heading.setTextFormat(Qt.TextFormat.PlainText)
        self.topic_heading.setProperty("role", "child-question-small")
        column.addWidget(self.topic_heading)
        self.question = QLabel()
        self.question.setWordWrap(True)
        self.question.setTextFormat(Qt.TextFormat.PlainText)
        self.question.setProperty("role", "child-question")
        column.addWidget(self.question)
        self._make_read_aloud(column)
        # At the start of each part of the day: sort its cards instead of (or as well as) the questions
        self.sort_button = QPushButton("Sort the cards")
        self.sort_button.setObjectName("sortButton")
        self.sort_button.setIcon(QIcon(str(option_picture(PILE_PICTURES[GOOD]))))
        self.sort_button.setIconSize(QSize(40, 40))
        self.sort_button.setAccessibleName("Sort the cards")
        self.sort_button.setAccessibleDescription(
            "Put a picture card for each part of the day under good, not sure or not good")
        self.sort_button.setProperty("role", "child-big")
        self.sort_button.clicked.connect(self.open_sort)
        extras = QHBoxLayout()  # sort and draw, side by side
        extras.addWidget(self.sort_button)
        # On every question: draw it (bedtime, the kitchen, who is there), kept with the interview
        self.draw_button = QPushButton("Draw it")
        self.draw_button.setObjectName("drawButton")
        self.draw_button.setIcon(QIcon(str(option_picture("pencil"))))
        self.draw_button.setIconSize(QSize(40, 40))
        self.draw_button.setAccessibleName("Draw it")
        self.draw_button.setAccessibleDescription("Draw a picture of this part of your day")
        self.draw_button.setProperty("role", "child-big")
        self.draw_button.clicked.connect(self.open_drawing)
        extras.addWidget(self.draw_button)
        self.drawn_note = QLabel()  # "✓ Your drawing is kept", once there is one for this question
        self.drawn_note.setProperty("role", "child-question-small")
        extras.addWidget(self.drawn_note)
        extras.addStretch(1)
        column.addLayout(extras)

        self.words = QPlainTextEdit()
        self.words.setProperty("role", "child-text")
        self.words.setTabChangesFocus(True)
        self.words.setAccessibleName("Your words")
        self.words.setPlaceholderText("Type here, or tell the grown-up and they will type it")
        column.addWidget(self.words)
        # what is good about this time, on the same page as the child's words, where the template asks
        self.well_label = QLabel()
        self.well_label.setWordWrap(True)
        self.well_label.setTextFormat(Qt.TextFormat.PlainText)
        self.well_label.setProperty("role", "child-question-small")
        column.addWidget(self.well_label)
        self.well = QPlainTextEdit()
        self.well.setProperty("role", "child-text")
        self.well.setTabChangesFocus(True)
        self.well.setAccessibleName("What is good")
        column.addWidget(self.well)
        # easy read only: the parent's own day at this time, and how it changes things for the child
        self.own_label, self.own_box = self._labelled_box(column, "Your day")
        self.impact_label, self.impact_box = self._labelled_box(column, "How it changes things")

        self.measure_box = QVBoxLayout()
        column.addLayout(self.measure_box)
        self.measure_groups: dict[str, QButtonGroup | FeelingsFaces] = {}

        self.feeling_label = QLabel()
        self.feeling_label.setWordWrap(True)
        self.feeling_label.setTextFormat(Qt.TextFormat.PlainText)
        self.feeling_label.setProperty("role", "child-question")
        column.addWidget(self.feeling_label)
        scale = template.feelings
        words = (lambda o: o.label) if self.easy else (lambda o: o.child_label)  # a parent sees the adults' words
        self.faces = FeelingsFaces([(o.value, words(o)) for o in scale.options], size="large")
        column.addWidget(self.faces, 0, Qt.AlignmentFlag.AlignHCenter)

        # Other feelings beside the face (scared, cross, hurting, worried), as many as fit, where the
        # template asks; never on the faces' order.
        self.also_felt_label = QLabel()
        self.also_felt_label.setWordWrap(True)
        self.also_felt_label.setTextFormat(Qt.TextFormat.PlainText)
        self.also_felt_label.setProperty("role", "child-question-small")
        column.addWidget(self.also_felt_label)
        others = template.scales.get(ALSO_FELT_SCALE)
        self.also_felt = (FeelingsFaces([(o.value, words(o)) for o in others.options], size="large",
                                        multiple=True) if others else None)
        if self.also_felt is not None:
            column.addWidget(self.also_felt, 0, Qt.AlignmentFlag.AlignHCenter)

        self.better_label = QLabel()
        self.better_label.setWordWrap(True)
        self.better_label.setProperty("role", "child-question-small")
        column.addWidget(self.better_label)
        self.better = QPlainTextEdit()
        self.better.setProperty("role", "child-text")
        self.better.setTabChangesFocus(True)
        self.better.setAccessibleName("What would make it better")
        column.addWidget(self.better)
        column.addStretch(1)

        nav = QHBoxLayout()
        self.back_button = QPushButton("◀  Back")
        self.back_button.setAccessibleName("Back")
        self.back_button.setAccessibleDescription("Go back to the last question")
        self.next_button = QPushButton("Next  ▶")
        self.next_button.setAccessibleName("Next")
        self.next_button.setAccessibleDescription("Go on to the next question")
        for b in (self.back_button, self.next_button):
            b.setProperty("role", "child-big")
            b.setMinimumHeight(self.fontMetrics().height() * 3)
        nav.addWidget(self.back_button)
        nav.addStretch(1)
        nav.addWidget(self.next_button)
        self.nav = QWidget()
        self.nav.setLayout(nav)
        nav.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.nav)

        for keys, step in (("PgDown", 1), ("PgUp", -1), ("Ctrl+PgDown", 1), ("Ctrl+PgUp", -1)):
            QShortcut(QKeySequence(keys), self, activated=lambda s=step: self.go(self.index + s))
        self.back_button.clicked.connect(lambda: self.go(self.index - 1))
        self.next_button.clicked.connect(lambda: self.go(self.index + 1))
        self.done_button.clicked.connect(self.ask_to_leave)
        self.words.textChanged.connect(self._edited)
        self.better.textChanged.connect(self._edited)
        self.well.textChanged.connect(self._edited)
        self.faces.changed.connect(self._edited)
        if self.also_felt is not None:
            self.also_felt.changed.connect(self._edited)
        self.scanner = SwitchScanner(self, self.scan_items, self._after_choice) if scanning else None
        if self.scanner is not None:
            for area in (self.scroll, self.sort_scroll):
                area.verticalScrollBar().valueChanged.connect(lambda _v: self.scanner.place())
        self._show()

    def _labelled_box(self, column: QVBoxLayout, name: str) -> tuple[QLabel, QPlainTextEdit]:
        label = QLabel()
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setProperty("role", "child-question-small")
        column.addWidget(label)
        box = QPlainTextEdit()
        box.setProperty("role", "child-text")
        box.setTabChangesFocus(True)
        box.setAccessibleName(name)
        box.textChanged.connect(self._edited)
        column.addWidget(box)
        label.hide()
        box.hide()
        return label, box

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        # Five faces across, as big as the width allows, up to their full size.
        margins = self.layout().contentsMargins()
        self.faces.fit_width(self.width() - margins.left() - margins.right() - 40)
        if self.also_felt is not None:
            self.also_felt.follow(self.faces)  # under the faces, a little smaller
        words_only = [g for g in self.measure_groups.values() if isinstance(g, QButtonGroup)]  # pictures re-flow
        if self.part == SAY and words_only and self._columns_for(self.prompts) != self._measure_columns:
            self._rebuild_measures()
            if self.scanner is not None:
                self.scanner.start()  # the choices were made again: frame the first
        if self.scanner is not None:
            QTimer.singleShot(0, self.scanner.place)  # the frame stays round what it frames

    # ------------------------------------------------------------------ switch access

    def scan_items(self) -> list:
        """What a switch steps through on this page, in order: the choices, question by question,
        then Next, Back, "Something worries me" and "Read it to me" (never a text box, never Finished)."""
        if self.worry_panel.isVisible():
            return [self.worry_rather_not, self.worry_told]
        if self.sort_panel.isVisible():
            buttons = list(self.piles.buttons) + [self.sort_done, self.card_back, self.worry_button]
            return [b for b in buttons if b.isVisible() and b.isEnabled()]
        if self.drawing_panel.isVisible():
            buttons = list(self.colour_buttons) + [self.undo_button, self.clear_button, self.drawing_done,
                                                   self.worry_button]
            return [b for b in buttons if b.isVisible() and b.isEnabled()]
        buttons = []
        for group in self._choice_groups():
            buttons += group.buttons if isinstance(group, FeelingsFaces) else group.buttons()
        buttons += [self.next_button, self.back_button, self.worry_button, self.sort_button, self.draw_button,
                    self.read_button]
        return [b for b in buttons if b.isVisible() and b.isEnabled()]

    def _choice_groups(self) -> list:
        groups = list(self.measure_groups.values())
        if self.part == FEEL:
            groups += [self.faces] + ([self.also_felt] if self.also_felt is not None else [])
        return [g for g in groups if (g.isVisible() if isinstance(g, FeelingsFaces)
                                      else any(b.isVisible() for b in g.buttons()))]

    def _after_choice(self, button):
        """After one choice the frame goes on to the next question's first choice, or to Next; among
        the other feelings (as many as fit) it stays, for the next one."""
        groups = self._choice_groups()
        for n, group in enumerate(groups):
            members = group.buttons if isinstance(group, FeelingsFaces) else group.buttons()
            if button in members:
                if isinstance(group, FeelingsFaces) and group.multiple:
                    return button
                if n + 1 < len(groups):
                    following = groups[n + 1]
                    return (following.buttons if isinstance(following, FeelingsFaces) else following.buttons())[0]
                return self.next_button if self.next_button.isEnabled() else button
        return None

    def _rebuild_measures(self) -> None:
        self._loading = True
        self._clear_measures()
        self._build_measures(self.prompts, self.answer())
        self._loading = False

    def _clear_measures(self) -> None:
        self.measure_groups = {}
        while self.measure_box.count():
            item = self.measure_box.takeAt(0)
            if item.widget():
                item.widget().hide()  # gone from the screen now, not when Qt gets round to deleting it
                item.widget().deleteLater()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        for box, lines in ((self.words, 3), (self.well, 2), (self.better, 2), (self.own_box, 2), (self.impact_box, 2)):
            box.ensurePolished()  # the child-mode font comes from the stylesheet
            box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 16)
        if self.scanner is not None and self.scanner.current is None:
            QTimer.singleShot(0, self.scanner.start)  # on screen now: frame the first choice

    # ------------------------------------------------------------------ something worries me

    def _make_worry_panel(self, outer: QVBoxLayout) -> None:
        """What the child sees after pressing "Something worries me": thanks, and the choice to say
        what it is or not. It takes the place of the question until they choose."""
        panel = self.worry_panel = QFrame()
        panel.setObjectName("worryPanel")
        panel.setFrameShape(QFrame.Shape.StyledPanel)
        column = QVBoxLayout(panel)
        column.setSpacing(14)
        picture = QLabel()
        picture.setPixmap(QIcon(str(worry_picture())).pixmap(QSize(64, 64)))
        picture.setAccessibleName("A hand held up")
        column.addWidget(picture, 0, Qt.AlignmentFlag.AlignHCenter)
        self.worry_thanks = QLabel()
        self.worry_thanks.setWordWrap(True)
        self.worry_thanks.setTextFormat(Qt.TextFormat.PlainText)
        self.worry_thanks.setProperty("role", "child-question-small")  # fits a small screen at large text
        column.addWidget(self.worry_thanks)
        self.worry_words = QPlainTextEdit()
        self.worry_words.setObjectName("worryWords")
        self.worry_words.setProperty("role", "child-text")
        self.worry_words.setTabChangesFocus(True)
        self.worry_words.setAccessibleName("What worries you")
        self.worry_words.setAccessibleDescription("If you want to: type it, or tell the grown-up and they will type it")
        self.worry_words.setPlaceholderText("If you want to, type it here, or tell the grown-up")
        column.addWidget(self.worry_words)
        self.worry_rather_not = QPushButton("I'd rather not say")
        self.worry_rather_not.setAccessibleName("I'd rather not say")
        self.worry_rather_not.setAccessibleDescription("The grown-up still sees that something worries you")
        self.worry_told = QPushButton("That's it")
        self.worry_told.setAccessibleName("That's it: keep what I wrote")
        self.worry_told.setAccessibleDescription("Keeps what you wrote for the grown-up, then goes back to the question")
        column.addLayout(_big_buttons(self.worry_rather_not, self.worry_told))
        column.addStretch(1)
        self.worry_rather_not.clicked.connect(lambda: self._close_worry(keep_words=False))
        self.worry_told.clicked.connect(lambda: self._close_worry(keep_words=True))
        panel.hide()
        outer.addWidget(panel, 1)

    def _in_place_of_questions(self, panel: QFrame) -> None:
        """Show one panel (a worry, the cards, the drawing) where the questions and Back/Next were."""
        for other in (self.worry_panel, self.sort_panel, self.drawing_panel, self.scroll, self.nav):
            other.setVisible(other is panel)

    def _back_to_questions(self) -> None:
        for panel in (self.worry_panel, self.sort_panel, self.drawing_panel):
            panel.hide()
        self.scroll.show()
        self.nav.show()
        if self.scanner is not None:
            self.scanner.start()
        else:
            self.next_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def worry_pressed(self) -> None:
        """Kept at once (stage and topic), then the child may say what it is."""
        if self.worry_panel.isVisible():
            self.worry_words.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.autosaver.flush()
        self.speaker.stop()
        stage = self.steps[self.step][0]
        try:
            worry = self.session.record_worry(self.case, self.interview, stage.id, self.topic.key)
        except StoreError as exc:
            dialogs.error(self, f"That could not be saved: {exc} Tell the grown-up now.")
            return
        self.worries_pressed.append(worry)
        self._open_worry = worry
        self.worry_thanks.setText("Thank you for telling me. You can say what it is, or not. "
                                  "The grown-up will talk with you about it.")
        self.worry_words.clear()
        self._sorting = self.sort_panel.isVisible()  # pressed while sorting: back to the cards after
        self._drawing_open = self.drawing_panel.isVisible()  # or while drawing: back to the drawing
        self._in_place_of_questions(self.worry_panel)
        if self.scanner is not None:
            self.scanner.start()
        else:
            self.worry_words.setFocus(Qt.FocusReason.OtherFocusReason)
        announce(self, self.worry_thanks.text(), assertive=True)

    def _close_worry(self, keep_words: bool) -> None:
        words = self.worry_words.toPlainText().strip() if keep_words else ""
        worry = self._open_worry
        if words:
            try:
                self.session.say_worry(self.case, self.interview, worry, words)
            except StoreError as exc:
                dialogs.error(self, f"Those words could not be saved: {exc} Tell the grown-up now.")
                return
        self.worry_words.clear()
        if self._sorting:  # back to the card the child was on
            self._sorting = False
            self._in_place_of_questions(self.sort_panel)
            self._show_card(self.card_index)
        elif self._drawing_open:  # back to the drawing, as it was
            self._drawing_open = False
            self._in_place_of_questions(self.drawing_panel)
            self._focus_drawing()
        else:
            self._back_to_questions()

    # ------------------------------------------------------------------ sorting the cards

    def _make_sort_panel(self, outer: QVBoxLayout) -> None:
        """The Talking Mats way: one card at a time (a picture and the words), put on a pile by a tap,
        a drag, the arrow keys and Space, or a switch. It takes the place of the questions until Done."""
        panel = self.sort_panel = QFrame()
        panel.setObjectName("sortPanel")
        outside = QVBoxLayout(panel)
        outside.setContentsMargins(0, 0, 0, 0)
        # the card and the piles scroll on a small screen at large text; the buttons stay in view
        scroll = self.sort_scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget()
        body.setObjectName("childBody")  # the child-mode background, as the questions' page
        column = QVBoxLayout(body)
        column.setSpacing(12)
        scroll.setWidget(body)
        outside.addWidget(scroll, 1)
        self.sort_prompt = QLabel("Good, not sure, or not good?")
        self.sort_prompt.setWordWrap(True)
        self.sort_prompt.setProperty("role", "child-question")
        column.addWidget(self.sort_prompt)
        self.card = _Card()
        column.addWidget(self.card)  # the page's width, so its words wrap and are never cut
        self.piles = FeelingsFaces(list(PILES), size="large", name="Put the card on",
                                   pictures={v: option_picture(PILE_PICTURES[v]) for v, _ in PILES})
        self.piles.setObjectName("piles")
        self.piles.setAccessibleName("Put the card on")
        self.piles.even = False
        self.piles.set_icon_px(PICTURE_PX, 1.2)
        for b in self.piles.buttons:
            b.setAccessibleDescription("Space or Enter puts the card here; arrow keys move between the piles. "
                                       "You can drag the card here too.")
            b.setAcceptDrops(True)
            b.installEventFilter(self)
        self.piles.changed.connect(self._placed)
        column.addWidget(self.piles, 0, Qt.AlignmentFlag.AlignHCenter)
        self.sorted_line = QLabel()
        self.sorted_line.setWordWrap(True)
        self.sorted_line.setTextFormat(Qt.TextFormat.PlainText)
        self.sorted_line.setProperty("role", "child-question-small")
        column.addWidget(self.sorted_line)
        column.addStretch(1)
        self.card_back = QPushButton("◀  Card before")
        self.card_back.setAccessibleName("Card before")
        self.card_back.setAccessibleDescription("Go back to the card before, to put it somewhere else")
        self.sort_done = QPushButton("Done  ✓")
        self.sort_done.setAccessibleName("Done")
        self.sort_done.setAccessibleDescription("Stop sorting and go back to the questions; the cards stay where you put them")
        outside.addLayout(_big_buttons(self.card_back, self.sort_done))
        self.card_back.clicked.connect(lambda: self._show_card(self.card_index - 1))
        self.sort_done.clicked.connect(self.close_sort)
        self.sort_cards: list = []
        self.card_index = 0
        panel.hide()
        outer.addWidget(panel, 1)

    def open_sort(self) -> None:
        """The day's cards, one at a time (a card for each topic the child is asked), from the first of
        this part of the day on; "Card before" goes back further."""
        self.autosaver.flush()
        self.speaker.stop()
        stage = self.steps[self.step][0]
        self.sort_cards = [t for _s, t in self.steps]
        self._in_place_of_questions(self.sort_panel)
        self._show_card(next(n for n, (s, _t) in enumerate(self.steps) if s is stage))

    def close_sort(self) -> None:
        self.autosaver.flush()
        self._back_to_questions()

    def _show_card(self, index: int) -> None:
        if not 0 <= index <= len(self.sort_cards):
            return
        self.card_index = index
        done = index == len(self.sort_cards)
        self.card.setVisible(not done)
        self.piles.setVisible(not done)
        self.sort_prompt.setText("All sorted. Thank you!" if done else "Good, not sure, or not good?")
        self.sort_scroll.verticalScrollBar().setValue(0)
        if not done:
            topic = self.sort_cards[index]
            self.card.show_topic(option_picture(card_picture(topic.key)), card_words(topic),
                                 f"Card {index + 1} of {len(self.sort_cards)}")
            self.piles.set_value(self._answer_for(topic).sort or None)
        self.card_back.setEnabled(index > 0)
        self.sorted_line.setText(self._sorted_so_far())
        if self.scanner is not None:
            self.scanner.start()
        else:
            (self.sort_done if done else self.piles).setFocus(Qt.FocusReason.OtherFocusReason)
        announce(self, self.sort_prompt.text() if done else f"{self.card.title.text()}. {self.sort_prompt.text()}")

    def _answer_for(self, topic) -> Answer:
        return self.interview.answers.get(topic.key) or Answer()

    def _placed(self, pile) -> None:
        """The card goes on the pile (kept at once, like any answer), then the next card comes up."""
        topic = self.sort_cards[self.card_index]
        a = self.interview.answers.get(topic.key) or Answer()
        pile = pile or a.sort  # the pile it is already on, chosen again: it stays there
        a.sort = pile or ""
        self.autosaver.changed(self.interview, topic.key, a)
        self.autosaver.flush()
        self._show_card(self.card_index + 1)

    def _sorted_so_far(self) -> str:
        """The piles in words, so the meaning never rests on the pictures."""
        lines = []
        for value, words in PILES:
            titles = [card_words(t) for t in self.sort_cards if self._answer_for(t).sort == value]
            if titles:
                lines.append(f"{words}: {', '.join(titles)}")
        return "   ·   ".join(lines)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt name)
        """A card dragged onto a pile is put there."""
        piles = getattr(self, "piles", None)
        if piles is not None and obj in piles.buttons and event.type() in (
                QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop):
            if not event.mimeData().hasFormat(CARD_MIME):
                return False
            event.acceptProposedAction()
            if event.type() == QEvent.Type.Drop:
                piles.set_value(obj.value)
                self._placed(obj.value)
            return True
        return super().eventFilter(obj, event)

    # ------------------------------------------------------------------ draw it

    def _make_drawing_panel(self, outer: QVBoxLayout) -> None:
        """A page to draw on (finger, pen, mouse or keys), a few colours, undo and clear, and a box for
        the grown-up to type what the child says about it. Kept with the interview on Done."""
        panel = self.drawing_panel = QFrame()
        panel.setObjectName("drawingPanel")
        column = QVBoxLayout(panel)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(8)
        # no scrolling here: the page takes what room there is (a finger drawing must never scroll it)
        self.drawing_prompt = QLabel()
        self.drawing_prompt.setWordWrap(True)
        self.drawing_prompt.setTextFormat(Qt.TextFormat.PlainText)
        self.drawing_prompt.setProperty("role", "child-question-small")
        column.addWidget(self.drawing_prompt)
        tools, row = flow_widget(8)
        self.colour_buttons: list[QPushButton] = []
        self.colours = QButtonGroup(self)
        self.colours.setExclusive(True)
        for name, colour in COLOURS:
            b = QPushButton(name)
            b.setCheckable(True)
            b.setProperty("role", "child-choice")
            b.setIcon(_swatch(colour))
            b.setIconSize(QSize(28, 28))
            b.setAccessibleName(f"{name} pen")
            b.setAccessibleDescription(f"Draw in {name.lower()}")
            b.setProperty("colour", colour)
            b.clicked.connect(lambda _c=False, c=colour: self._pick_colour(c))
            self.colours.addButton(b)
            self.colour_buttons.append(b)
            row.addWidget(b)
        self.colour_buttons[0].setChecked(True)
        self.undo_button = QPushButton("↶  Undo")
        self.undo_button.setAccessibleName("Undo")
        self.undo_button.setAccessibleDescription("Takes away the last line (after Clear, brings the drawing back)")
        self.clear_button = QPushButton("Clear")
        self.clear_button.setAccessibleName("Clear")
        self.clear_button.setAccessibleDescription("A clean page; Undo brings the drawing back")
        for b in (self.undo_button, self.clear_button):
            b.setProperty("role", "child-choice")
            row.addWidget(b)
        column.addWidget(tools)
        self.pad = DrawingPad()
        column.addWidget(self.pad, 1)
        self.undo_button.clicked.connect(self.pad.undo)
        self.clear_button.clicked.connect(self.pad.clear)
        self.pad.changed.connect(self._pad_changed)
        bottom = QHBoxLayout()
        self.caption = QPlainTextEdit()
        self.caption.setObjectName("drawingCaption")
        self.caption.setTabChangesFocus(True)
        self.caption.setPlaceholderText("Grown-up: type what they say about it")
        self.caption.setAccessibleName("What they said about the drawing")
        self.caption.setAccessibleDescription("For the grown-up to type the child's words about the drawing: "
                                              "they go under it in the report")
        self.caption.setFixedHeight(self.fontMetrics().lineSpacing() * 2 + 16)
        bottom.addWidget(self.caption, 1)
        self.drawing_done = QPushButton("Done  ✓")
        self.drawing_done.setAccessibleName("Done: keep the drawing")
        self.drawing_done.setAccessibleDescription("Keeps the drawing with your answers and goes back to the question")
        self.drawing_done.setProperty("role", "child-big")
        self.drawing_done.clicked.connect(self.close_drawing)
        bottom.addWidget(self.drawing_done, 0, Qt.AlignmentFlag.AlignBottom)
        column.addLayout(bottom)
        self._kept_drawing: Drawing | None = None  # this page's drawing once kept (Done again: its caption)
        panel.hide()
        outer.addWidget(panel, 1)

    def open_drawing(self) -> None:
        self.autosaver.flush()
        self.speaker.stop()
        self.pad.reset()
        self.caption.clear()
        self._kept_drawing = None
        topic = self.topic
        self.drawing_prompt.setText(f"Draw it: {card_words(topic)}")
        self._in_place_of_questions(self.drawing_panel)
        self._pad_changed()
        self._focus_drawing()

    def _focus_drawing(self) -> None:
        if self.scanner is not None:
            self.scanner.start()
        else:
            self.pad.setFocus(Qt.FocusReason.OtherFocusReason)

    def _pick_colour(self, colour: str) -> None:
        self.pad.colour = colour
        self.pad.update()

    def _pad_changed(self) -> None:
        drawn = not self.pad.is_empty
        self.undo_button.setEnabled(drawn or self.pad._undone_clear is not None)
        self.clear_button.setEnabled(drawn)

    def keep_drawing(self) -> bool:
        """Keep what is on the page (and the words about it) with the interview, at once."""
        if self.pad.is_empty:
            return True
        stage, topic = self.steps[self.step]
        drawing = self._kept_drawing or Drawing(b"", stage.id, topic.key)
        drawing.png = self.pad.png()
        drawing.caption = self.caption.toPlainText().strip()
        try:
            self.session.keep_drawing(self.case, self.interview, drawing)
        except (StoreError, ValueError) as exc:
            dialogs.error(self, f"The drawing could not be kept: {exc} Tell the grown-up now.")
            return False
        self._kept_drawing = drawing
        if drawing not in self.drawings_made:
            self.drawings_made.append(drawing)
        return True

    def close_drawing(self) -> None:
        if not self.keep_drawing():
            return
        if not self.pad.is_empty:
            announce(self, "Your drawing is kept. Thank you!")
        self._back_to_questions()
        self._show()  # the question again, saying the drawing is kept

    # ------------------------------------------------------------------ read-aloud

    def _make_read_aloud(self, column: QVBoxLayout) -> None:
        """A big "Read it to me" button, only where the computer can speak; hidden (and nothing else
        changes) where it cannot."""
        self.speaker = Speaker(self)
        self.read_button = QPushButton("Read it to me")
        self.read_button.setAccessibleName("Read it to me")
        self.read_button.setAccessibleDescription("The computer reads the question out loud")
        self.read_button.setProperty("role", "child-big")
        self.read_button.setHidden(not self.speaker.available)
        self.read_button.clicked.connect(self.read_aloud)
        column.addWidget(self.read_button, 0, Qt.AlignmentFlag.AlignLeft)

    def read_aloud(self) -> bool:
        """Speak the question of the page, as it is shown. The first time in a run the engine is
        started here (a second or two on some computers, with a busy pointer); if it turns out the
        computer cannot speak after all, the button goes, quietly."""
        p = self.prompts
        if self.part == FEEL:
            words = " ".join(t for t in (p.feeling_question, p.also_felt_question, p.better_question) if t)
        else:
            words = " ".join(t for t in (p.question, p.well_question) if t)
        waiting = not self.speaker.ready
        if waiting:
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            said = self.speaker.say(words)
        finally:
            if waiting:
                QApplication.restoreOverrideCursor()
        if not self.speaker.available and self.read_button.isVisible():
            if self.focusWidget() is self.read_button:  # where the keyboard was, it stays useful
                self.next_button.setFocus(Qt.FocusReason.OtherFocusReason)
            self.read_button.hide()
        return said

    # ------------------------------------------------------------------ steps

    @property
    def step(self) -> int:
        """The topic shown (an index into `steps`)."""
        return self.pages[self.index][0]

    @property
    def part(self) -> str:
        """SAY (the question) or FEEL (the faces) of that topic."""
        return self.pages[self.index][1]

    @property
    def topic(self):
        return self.steps[self.step][1]

    @property
    def stage_index(self) -> int:
        """The stage of the day the child has reached, for the practitioner's interview afterwards."""
        stage = self.steps[self.step][0]
        return next(i for i, s in enumerate(self.template.stages) if s is stage)

    @property
    def prompts(self) -> TopicPrompts:
        if self.easy:
            return easy_read_prompts(self.template, self.topic, self.child_, self.named, self.too_young)
        return topic_prompts(self.template, self.topic, PerspectiveKind.CHILD, self.child_, self.named,
                             self.too_young)

    def answer(self) -> Answer:
        return self.interview.answers.get(self.topic.key) or Answer()

    def go(self, index: int) -> None:
        """Go to a page (see `pages`); never from under "Something worries me" (PgDown while it is open)."""
        if (0 <= index < len(self.pages) and not self.worry_panel.isVisible() and not self.sort_panel.isVisible()
                and not self.drawing_panel.isVisible()):
            self.autosaver.flush()
            self.speaker.stop()
            self.index = index
            self._show()

    def go_to_step(self, step: int, part: str = "say") -> None:
        self.go(self.pages.index((step, part)))

    def _show(self) -> None:
        self._loading = True
        stage, topic = self.steps[self.step]
        p = self.prompts
        a = self.answer()
        say = self.part == SAY
        self.opening.setVisible(self.index == 0)
        self.where.setText(f"{stage.title}   ·   {self.step + 1}\u00a0of\u00a0{len(self.steps)}")  # the count never split
        for widget in (self.question, self.words):
            widget.setVisible(say)
        self.well_label.setVisible(say and bool(p.well_question))
        self.well.setVisible(say and bool(p.well_question))
        self.well_label.setText(p.well_question)
        self.well.setAccessibleDescription(p.well_question)
        self.well.setPlainText(a.well)
        for label, box, question, said in ((self.own_label, self.own_box, p.own_day, a.own_day),
                                           (self.impact_label, self.impact_box, p.impact, a.impact)):
            shown = say and self.easy and bool(question)
            label.setVisible(shown)
            box.setVisible(shown)
            label.setText(question)
            box.setAccessibleDescription(question)
            box.setPlainText(said)
        self.topic_heading.setVisible(not say)
        self.sort_button.setVisible(say and not self.easy and (self.step == 0 or self.steps[self.step - 1][0] is not stage))
        self.draw_button.setVisible(say and not self.easy)
        drawn = len([d for d in self.interview.drawings if d.topic_key == topic.key])
        self.drawn_note.setText("" if not drawn else "✓ Your drawing is kept" if drawn == 1
                                else f"✓ Your {drawn} drawings are kept")
        self.drawn_note.setVisible(say and bool(drawn))
        for widget in (self.feeling_label, self.faces):
            widget.setVisible(not say and bool(p.feeling_question))
        others = not say and bool(p.also_felt_question) and self.also_felt is not None
        self.also_felt_label.setVisible(others)
        if self.also_felt is not None:
            self.also_felt.setVisible(others)
            self.also_felt.set_value(a.also_felt)
            self.also_felt.setAccessibleName(p.also_felt_question or "Other feelings")
        self.also_felt_label.setText(p.also_felt_question)
        self.better_label.setVisible(not say and bool(p.better_question))
        self.better.setVisible(not say and bool(p.better_question))
        shown = topic.title if self.easy else card_words(topic)  # a child sees the card's words, not a heading
        self.topic_heading.setText(shown if shown == stage.title else f"{stage.title}: {shown}")
        self.question.setText(p.question)
        self.words.setAccessibleDescription(p.question)  # heard with the box, for a child who cannot see it
        self.words.setPlainText(a.text)
        self.feeling_label.setText(p.feeling_question)
        self.faces.set_value(a.feeling)
        self.better_label.setText(p.better_question)
        self.better.setAccessibleDescription(p.better_question)
        self.better.setPlainText(a.better)
        self._clear_measures()
        if say:
            self._build_measures(p, a)
        last = self.index == len(self.pages) - 1
        self.back_button.setEnabled(self.index > 0)
        self.next_button.setText("All done ✓" if last else "Next  ▶")
        self.next_button.setAccessibleName("All done" if last else "Next")  # the name says what is shown
        self.next_button.setEnabled(not last)
        self._loading = False
        self._to_top()
        if self.scanner is not None:
            self.scanner.start()  # the frame on the page's first choice: the text boxes are the grown-up's
        else:
            (self.words if say else self.faces).setFocus()

    def _to_top(self) -> None:
        """Every page opens at its top, with the question in view (now, and once laid out)."""
        bar = self.scroll.verticalScrollBar()
        bar.setValue(0)
        QTimer.singleShot(0, lambda: bar.setValue(0))

    def _build_measures(self, p: TopicPrompts, a: Answer) -> None:
        """Each comparable question with its choices below it, in as many columns as fit (up to three)."""
        self.measure_groups = {}
        self._measure_columns = self._columns_for(p)
        for m in p.measures:
            row = QWidget()
            line = QGridLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            label = QLabel(m.label)
            label.setWordWrap(True)
            label.setProperty("role", "child-question-small")
            line.addWidget(label, 0, 0, 1, -1)
            pictures = self._pictures(m, a.measures.get(m.id))
            if pictures is not None:  # large pictures, the words under each; by touch, mouse or keys
                choice = FeelingsFaces(m.options(keep=a.measures.get(m.id)), size="large", pictures=pictures,
                                       name=m.label)
                choice.setObjectName(f"pictures-{m.id}")
                choice.setAccessibleName(m.label)
                choice.set_value(a.measures.get(m.id))
                choice.changed.connect(self._edited)
                # one size, set once (no fitting on every resize: opening child mode stays quick); as
                # many to a row as the width holds, more rows when narrower (height for width)
                choice.even = False
                choice.set_icon_px(PICTURE_PX, 1.2)
                line.addWidget(choice, 1, 0, 1, -1)  # the whole width: as many to a row as fit
                self.measure_groups[m.id] = choice
                self.measure_box.addWidget(row)
                continue
            group = QButtonGroup(row)
            for n, (value, text) in enumerate(m.options(keep=a.measures.get(m.id))):
                button = QRadioButton(text)
                button.setProperty("role", "child-choice")
                button.setAccessibleName(f"{m.label}: {text}")
                button.setAccessibleDescription("Pick the one that is most like your day. Arrow keys move between them.")
                button.setChecked(a.measures.get(m.id) == value)
                button.toggled.connect(self._edited)
                group.addButton(button)
                button.setProperty("value", value)
                line.addWidget(button, 1 + n // self._measure_columns, n % self._measure_columns)
            self.measure_groups[m.id] = group
            self.measure_box.addWidget(row)

    def _pictures(self, m, keep: str | None) -> dict | None:
        """Each choice's picture file, where every choice has one there (else None: words alone)."""
        return choice_pictures(m.scale, [value for value, _text in m.options(keep=keep)], self.case)

    def _columns_for(self, p: TopicPrompts) -> int:
        """Up to three columns of choices, as many as the widest choice allows at this width."""
        if not p.measures:
            return 3
        probe = QRadioButton()
        probe.setProperty("role", "child-choice")
        probe.ensurePolished()
        widest = max(probe.fontMetrics().horizontalAdvance(text) for m in p.measures for _, text in m.options())
        probe.deleteLater()
        room = self.body.width() or self.width()
        return max(1, min(3, room // (widest + 80)))  # 80: the radio circle, its gap and the column gap

    def _edited(self, *_args) -> None:
        if self._loading:
            return
        key = self.topic.key
        a = self.interview.answers.get(key) or Answer()
        a.text = self.words.toPlainText()
        a.better = self.better.toPlainText()
        a.well = self.well.toPlainText()
        if self.easy and self.part == SAY:
            a.own_day = self.own_box.toPlainText() if self.prompts.own_day else a.own_day
            a.impact = self.impact_box.toPlainText() if self.prompts.impact else a.impact
        if self.prompts.feeling_question:
            a.feeling = self.faces.value()
        if self.also_felt is not None and self.part == FEEL:
            a.also_felt = self.also_felt.value()
        for mid, group in self.measure_groups.items():
            if isinstance(group, FeelingsFaces):
                if group.value() is not None:
                    a.measures[mid] = group.value()
                else:
                    a.measures.pop(mid, None)  # chosen again: cleared
                continue
            chosen = group.checkedButton()
            if chosen is not None:
                a.measures[mid] = chosen.property("value")
        self.autosaver.changed(self.interview, key, a)

    # ------------------------------------------------------------------ leaving

    def ask_to_leave(self) -> bool:
        """Only the practitioner, with their passphrase, can leave child mode."""
        self.autosaver.flush()
        if self.scanner is not None:
            self.scanner.frame.hide()  # never over the passphrase box
        typed = dialogs.passphrase(self, "Please give the laptop back to the grown-up.\n\n"
                                         "Practitioner: type your passphrase to leave child mode.")
        if typed is None:
            return False
        if not self.session.check_passphrase(typed):
            dialogs.error(self, "That passphrase is not right, so child mode stays open.")
            return False
        self.leave()
        return True

    def leave(self) -> None:
        """Close without asking: after the passphrase, or when the app locks. Words typed for a worry
        and not yet kept are kept now."""
        if self.worry_panel.isVisible():
            self._close_worry(keep_words=True)
        if self.drawing_panel.isVisible():
            self.keep_drawing()  # the app locked, or the grown-up left: the drawing is not lost
        self.autosaver.flush()
        self._may_close = True
        self.close()
        self.finished.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._may_close:
            event.accept()
        else:
            event.ignore()
            self.ask_to_leave()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            event.ignore()  # Escape does not leave child mode
            return
        super().keyPressEvent(event)


CARD_MIME = "application/x-dayinlife-card"


class _Card(QFrame):
    """The card being sorted: its picture, the words under it, which card of how many. It can be
    dragged onto a pile."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("sortCard")
        self.setFrameShape(QFrame.Shape.Box)
        self.setLineWidth(3)
        column = QVBoxLayout(self)
        self.picture = QLabel()
        self.picture.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        column.addWidget(self.picture)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setProperty("role", "child-question")
        column.addWidget(self.title)
        self.count = QLabel()
        self.count.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.count.setProperty("role", "child-question-small")
        column.addWidget(self.count)
        self._pressed_at = None
        self.setCursor(Qt.CursorShape.OpenHandCursor)

    def show_topic(self, picture, title: str, count: str) -> None:
        self.picture.setPixmap(QIcon(str(picture)).pixmap(QSize(72, 72)))
        self.picture.setAccessibleName(f"Picture: {title}")
        self.title.setText(title)
        self.count.setText(count)
        self.setAccessibleName(f"The card: {title}")
        self.setAccessibleDescription(f"{count}. Drag it onto a pile, or choose a pile below")

    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt name)
        if event.button() == Qt.MouseButton.LeftButton:
            self._pressed_at = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802 (Qt name)
        start = self._pressed_at
        if start is None or (event.position().toPoint() - start).manhattanLength() < QApplication.startDragDistance():
            return super().mouseMoveEvent(event)
        self._pressed_at = None
        drag = QDrag(self)
        data = QMimeData()
        data.setData(CARD_MIME, self.title.text().encode("utf-8"))
        drag.setMimeData(data)
        drag.setPixmap(self.picture.pixmap())
        drag.setHotSpot(self.picture.pixmap().rect().center() / self.picture.pixmap().devicePixelRatio())
        drag.exec(Qt.DropAction.MoveAction)


def _swatch(colour: str) -> QIcon:
    """A round patch of a pen's colour, beside its name."""
    from PySide6.QtGui import QColor, QPainter, QPixmap

    pixmap = QPixmap(32, 32)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(colour))
    painter.setPen(QColor("#4A3525"))
    painter.drawEllipse(3, 3, 26, 26)
    painter.end()
    return QIcon(pixmap)


def _big_buttons(left: QPushButton, right: QPushButton) -> QHBoxLayout:
    """A panel's two big buttons, one at each side (going back or not, going on)."""
    row = QHBoxLayout()
    for b in (left, right):
        b.setProperty("role", "child-big")
    row.addWidget(left)
    row.addStretch(1)
    row.addWidget(right)
    return row
