"""The compare page's Feelings and Change over time tabs, and the small table helpers the page
shares. Each tab fills itself from what the core gives it (a Comparison; a pair of interviews);
the compare page (compare_page.py) holds the grid, the full answer and the choice of interviews."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont, QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .. import people
from ..case import Case, Child, PerspectiveKind
from ..compare import Change, Comparison, FeelingGap, also_felt_words, change_over_time, in_their_words
from ..dates import uk_date
from ..paths import option_picture
from ..pictures import chosen_picture
from ..sort import PILE_PICTURES, pile_words
from ..session import StoreError
from ..voices import change_pairs, who
from .widgets import plain_label

DIFFER_BACKGROUND = QColor("#ffd28a")       # an extra cue only: the words and the symbol carry it
NEAR_BACKGROUND = QColor("#fff3d6")         # one step apart: lighter, so the wide ones stand out
DIFFER_FOREGROUND = QColor("#000000")

PICTURE_PX = 28  # a picture the child chose, beside its words in a table cell
_ICONS: dict[Path, QIcon] = {}


def picture_icon(path: Path) -> QIcon:
    """The picture as an icon, read once per run (a grid may show the same one many times)."""
    if path not in _ICONS:
        _ICONS[path] = QIcon(str(path))
    return _ICONS[path]


CHANGE_MARK = {Change.IMPROVED: "↑", Change.WORSE: "↓", Change.CHANGED: "↔", Change.SAME: "=",
               Change.NEW: "+", Change.GONE: "−"}


def gap_text(gap: FeelingGap, adult: str) -> str:
    """The same words the report uses: wide gaps are marked, one step apart is noted."""
    apart = gap.apart(adult)
    if not apart:
        return ""
    if gap.gaps[adult] == 0:
        return "= Same"
    return f"≠ {apart}" if gap.wide(adult) else apart


def two_lines(label: str) -> str:
    """"Grace Okonjo-Whitfield (mother)" as two lines, so narrow columns still show who it is."""
    name, sep, rest = label.partition(" (")
    if sep:
        return f"{name}\n({rest}"
    name, sep, rest = label.rpartition(", ")  # "School: class teacher, 12/03/2026"
    return f"{name}\n{rest}" if sep else label


def table(name: str, description: str) -> QTableWidget:
    """A read-only table, named for screen readers, whose rows fit their text once the columns settle."""
    t = QTableWidget()
    t.setAccessibleName(name)
    t.setAccessibleDescription(description)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.setWordWrap(True)
    t.verticalHeader().setVisible(False)
    t.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

    def fit_soon(*_a) -> None:
        if not t.property("fitPending"):
            t.setProperty("fitPending", True)
            QTimer.singleShot(0, t, lambda: (t.setProperty("fitPending", False), t.resizeRowsToContents()))
    t.horizontalHeader().sectionResized.connect(fit_soon)
    return t


def fit(t: QTableWidget) -> None:
    header = t.horizontalHeader()
    metrics = t.fontMetrics()
    for col in range(t.columnCount()):
        t.setColumnWidth(col, metrics.horizontalAdvance("x" * (30 if col in (1,) else 20)) + 12)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    t.resizeRowsToContents()


class FeelingsTab(QWidget):
    """The child's own feeling at each stage against each adult's estimate, and how far apart."""

    TITLE = "&Feelings"
    DESCRIPTION = "The child's feelings through the day against what each adult thinks they feel"

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.intro = plain_label(self.intro_text(None))
        layout.addWidget(self.intro)
        self.table = table("How the child feels at each stage, against each adult's estimate",
                           "One row per stage: the child's own face, then each adult's estimate "
                           "and how many steps apart they are")
        layout.addWidget(self.table, 1)
        self.columns: dict[str, int] = {}  # adult voice -> column

    @staticmethod
    def intro_text(c: Comparison | None) -> str:
        """What the table shows, for the faces this template uses."""
        after = ("Other feelings (scared, cross, hurting, worried) follow \u201calso\u201d and are never "
                 "counted as steps. It is not a finding: before raising it, judge whether that is safe, and "
                 "never tell an adult what the child said.")
        if c is not None and c.template.common.own_feelings:
            return ("In this template the faces record how each adult feels at each point of their own day, "
                    "not a guess at how the baby feels, so nothing is set side by side here. Each adult's "
                    "feelings are in their own answers, on the first tab.")
        scale = c.template.feelings if c is not None else None
        if scale is not None and not scale.ordered:
            how = ("These states have no order from better to worse, so there are no steps to count: an "
                   "adult's idea is the same as what was seen, or different.")
        else:
            faces = len([o for o in scale.options if not o.unranked]) if scale is not None else 5
            how = f"A gap is counted in steps on the {faces} faces."
        return ("The child's own feeling at each stage (the one they gave most often) beside each adult's "
                f"estimate of it. {how} {after}")

    def fill(self, c: Comparison | None) -> None:
        t = self.table
        t.clear()
        self.columns = {}
        self.intro.setText(self.intro_text(c))
        if c is None or not c.feelings:
            t.setRowCount(0)
            t.setColumnCount(1)
            t.setHorizontalHeaderLabels([
                "Nothing to set side by side: the faces here are each adult's own"
                if c is not None and c.template.common.own_feelings
                else "No feelings recorded yet in the interviews chosen"])
            t.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            return
        scale = c.template.feelings
        adults = [v.label for v in c.voices if v.kind is not PerspectiveKind.CHILD]
        has_child = any(v.kind is PerspectiveKind.CHILD for v in c.voices)
        headers = ["Stage", "The child feels" if has_child else "The child feels (no child's interview chosen)"]
        for a in adults:
            headers.append(f"{two_lines(a)}:\nthinks the child feels")
            self.columns[a] = len(headers) - 1
        t.setColumnCount(len(headers))
        t.setHorizontalHeaderLabels(headers)
        t.setRowCount(len(c.feelings))
        t.setIconSize(QSize(PICTURE_PX, PICTURE_PX))
        bold = QFont(t.font())
        bold.setBold(True)

        def label(value):
            return scale.option(value).label if value else "—"
        for row, gap in enumerate(c.feelings):
            t.setItem(row, 0, QTableWidgetItem(gap.stage.title))
            own = in_their_words(scale, gap.child, True) if gap.child else "—"  # the face the child tapped, in its words
            if gap.child_also:
                own += f"; also {also_felt_words(c.template, gap.child_also)}"
            mine = QTableWidgetItem(own)
            face = chosen_picture(scale, gap.child, None, feelings=True) if not c.child.is_unborn else None
            if face is not None:
                mine.setIcon(picture_icon(face))  # the face the child tapped
            t.setItem(row, 1, mine)
            for a in adults:
                g, wide = gap.gaps.get(a), gap.wide(a)
                text = label(gap.estimates.get(a)) + (f"   {gap_text(gap, a)}" if g is not None else "")
                if gap.also.get(a):
                    text += f"; also {also_felt_words(c.template, gap.also[a])}"
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                item.setData(Qt.ItemDataRole.AccessibleTextRole,
                             f"{gap.stage.title}: {a} thinks the child feels {label(gap.estimates.get(a))}; "
                             f"the child feels {own}. {gap_text(gap, a).lstrip('=≠ ')}")
                if g:
                    if wide:
                        item.setFont(bold)
                    item.setBackground(QBrush(DIFFER_BACKGROUND if wide else NEAR_BACKGROUND))
                    item.setForeground(QBrush(DIFFER_FOREGROUND))
                t.setItem(row, self.columns[a], item)
        fit(t)
        for col in self.columns.values():
            t.horizontalHeader().setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        t.resizeRowsToContents()

    def hide_voices(self, hidden: set[str]) -> None:
        for voice, col in self.columns.items():
            self.table.setColumnHidden(col, voice in hidden)


class SortTab(QWidget):
    """The cards the child sorted in child mode, beside the child's own face there and each adult's
    face for the child with the pile it would be. A tab of its own, shown only when there is a sort,
    so neither it nor the feelings table is squeezed on a small screen."""

    TITLE = "The child's so&rt"
    DESCRIPTION = "The cards the child sorted in child mode, beside the faces the child and each adult chose"

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.intro = plain_label("")
        layout.addWidget(self.intro)
        self.table = table("The cards the child sorted, beside each adult's face for the child",
                           "One row per card: the pile the child put it on (good, not sure, not good), "
                           "then where each adult's face for the child at that time falls")
        layout.addWidget(self.table, 1)

    def fill(self, c: Comparison | None) -> None:
        rows = c.sort if c is not None else []
        t = self.table
        t.clear()
        if not rows:
            t.setRowCount(0)
            return
        self.intro.setText(
            "The child also sorted the cards in child mode. Beside each card: the face the child chose there, and "
            "each adult's face for the child with the pile it would be (the happier faces good, the middle one not "
            "sure, the sadder not good). \u201c\u2260\u201d marks good against not good. It is not a finding.")
        adults = [v.label for v in c.voices if v.kind is not PerspectiveKind.CHILD]
        scale = c.template.feelings
        t.setColumnCount(3 + len(adults))
        t.setHorizontalHeaderLabels(["Card", "The child put it on", "The child's face there"]
                                    + [f"{two_lines(a)}:\nface for the child" for a in adults])
        t.setRowCount(len(rows))
        t.setIconSize(QSize(PICTURE_PX, PICTURE_PX))
        bold = QFont(t.font())
        bold.setBold(True)
        for n, r in enumerate(rows):
            t.setItem(n, 0, QTableWidgetItem(r.topic_title if r.topic_title == r.stage_title
                                             else f"{r.topic_title} ({r.stage_title})"))
            mine = QTableWidgetItem(pile_words(r.child))
            mine.setIcon(picture_icon(option_picture(PILE_PICTURES[r.child])))
            t.setItem(n, 1, mine)
            face = in_their_words(scale, r.child_face, True) if r.child_face else "—"
            t.setItem(n, 2, QTableWidgetItem(face))
            for col, a in enumerate(adults, start=3):
                seen = r.adults.get(a)
                given = scale.option(r.faces[a]).label if seen is not None else ""
                text = "—" if seen is None else f"{given} → {pile_words(seen).lower()}   {r.apart(a)}"
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                item.setData(Qt.ItemDataRole.AccessibleTextRole,
                             f"{r.topic_title}: the child put it on {pile_words(r.child)}; {a}'s face for the "
                             f"child falls on {pile_words(seen)}" if seen else f"{r.topic_title}: {a} gave no face")
                if r.differs(a):
                    item.setBackground(QBrush(DIFFER_BACKGROUND if r.far(a) else NEAR_BACKGROUND))
                    item.setForeground(QBrush(DIFFER_FOREGROUND))
                    if r.far(a):
                        item.setFont(bold)
                t.setItem(n, col, item)
        fit(t)



class ChangeTab(QWidget):
    """An earlier and a later interview with the same person, topic by topic: what moved, and which way."""

    TITLE = "Over &time"  # short, so every tab is in sight at 150% text; what it holds is its tooltip
    DESCRIPTION = "What changed between an earlier and a later interview with the same person"

    def __init__(self, shell, parent: QWidget | None = None):
        super().__init__(parent)
        self.shell = shell
        self.case: Case | None = None
        self.child_: Child | None = None
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        caption = QLabel("&Earlier and later interviews:")
        self.choice = QComboBox()
        self.choice.setAccessibleName("Which earlier and later interviews to set side by side")
        self.choice.setAccessibleDescription("Pairs of interviews with the same person, earlier one first")
        self.choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.choice.setMinimumContentsLength(24)  # long pairs are cut short, not the window made wider
        caption.setBuddy(self.choice)
        row.addWidget(caption)
        row.addWidget(self.choice, 1)
        layout.addLayout(row)
        self.summary = plain_label()
        layout.addWidget(self.summary)
        self.table = table("What changed between the earlier and the later interview",
                           "One row per topic that changed, with the earlier and the later answer")
        layout.addWidget(self.table, 1)
        self.choice.currentIndexChanged.connect(lambda _i: self.fill_pair())

    def show_child(self, case: Case, child: Child) -> bool:
        """Offer each person's earlier and later interviews (the child's by default); False if none."""
        self.case, self.child_ = case, child
        self.choice.blockSignals(True)
        self.choice.clear()
        default = -1
        for earlier, later in change_pairs(case, child):
            self.choice.addItem(f"{who(later, case)}: {uk_date(earlier.held_on)} and {uk_date(later.held_on)}",
                                (earlier.id, later.id))
            if later.perspective.kind is PerspectiveKind.CHILD or default < 0:
                default = self.choice.count() - 1
        self.choice.blockSignals(False)
        if default >= 0:
            self.choice.setCurrentIndex(default)
        self.fill_pair()
        return self.choice.count() > 0

    def fill_pair(self) -> None:
        t = self.table
        t.clear()
        pair = self.choice.currentData()
        if pair is None or self.child_ is None:
            t.setRowCount(0)
            t.setColumnCount(0)
            self.summary.setText("")
            return
        earlier, later = (self.child_.interview(i) for i in pair)
        session = self.shell.session
        try:
            changes = change_over_time((earlier, session.template_for(self.case, earlier)),
                                       (later, session.template_for(self.case, later)),
                                       self.child_.called or "the child", self.child_.pronouns,
                                       people.household(self.case, self.child_))
        except StoreError as exc:
            self.shell.show_error(str(exc))
            return
        headers = ["Topic", "Asked about", f"Earlier ({uk_date(earlier.held_on)})",
                   f"Later ({uk_date(later.held_on)})", "Change"]
        t.setColumnCount(len(headers))
        t.setHorizontalHeaderLabels(headers)
        t.setRowCount(len(changes))
        bold = QFont(t.font())
        bold.setBold(True)
        for row, ch in enumerate(changes):
            values = [ch.title, ch.what, ch.before or "—", ch.after or "—", f"{CHANGE_MARK[ch.change]} {ch.said}"]
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                if col == 4 and ch.change in (Change.WORSE, Change.CHANGED):
                    item.setFont(bold)
                t.setItem(row, col, item)
        counts = {c: sum(1 for ch in changes if ch.change is c) for c in Change}
        self.summary.setText(
            f"{counts[Change.IMPROVED]} better, {counts[Change.WORSE]} worse, {counts[Change.CHANGED]} changed "
            f"(on a scale with no better end), {counts[Change.SAME]} the same. Better and worse are read from "
            f"the answer scales only; what they mean is for you and the family.")
        fit(t)

    def clear(self) -> None:
        self.table.clear()
        self.choice.clear()
        self.case = self.child_ = None
