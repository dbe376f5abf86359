"""Comparing perspectives on one child's day, and one day with a later one.

Agreement is decided only from the comparable answers (measures on shared scales), never
guessed from free text. A difference is not a finding, and not always safe to raise with the family,
and nothing here adds up to a score: the practitioner judges.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from enum import Enum

from . import people as household
from .sensitive import is_sensitive
from .case import Answer, Case, Child, Interview, PerspectiveKind
from .sort import SortRow, card_words, pile_of_feeling
from .template_model import ALSO_FELT_SCALE, Measure, Scale, Stage, Template, Topic
from .vocab import FRAMEWORK_DIMENSIONS, NeglectType
from .wording import plural


class Agreement(str, Enum):
    AGREE = "agree"
    DIFFER = "differ"
    ONE_SIDE = "one_side"      # only one perspective gave a comparable answer
    WORDS_ONLY = "words_only"  # answered, but only in words: nothing to set side by side exactly
    NOT_ASKED = "not_asked"    # recorded as not asked, and nobody said anything
    NO_ANSWER = "no_answer"    # nobody has answered yet

    @property
    def label(self) -> str:
        return {"agree": "Agree", "differ": "Differ — not a finding", "one_side": "Only one side answered",
                "words_only": "Answered in words only", "not_asked": "Not asked",
                "no_answer": "Not answered yet"}[self.value]


# How far apart two answers on an ordered scale may be before the difference is marked as wide.
WIDE = 2


def apart_text(steps: int | None, of: int | None = None) -> str:
    """'1 step apart', '3 steps apart (of 4)'; '' when the scale has no order to count on."""
    if steps is None:
        return ""
    whole = f" (of {of})" if of else ""
    return f"{plural(steps, 'step')} apart{whole}"


def in_their_words(scale: Scale, value: str | None, child_words: bool,
                   people: dict[str, str] | None = None) -> str:
    """An answer as the person saw it when they chose it: a child who tapped "Me, on my own" chose
    “Me, on my own” (shown with what it means on the adults' scale when the words differ). A named
    answer is shown by the names in `people` (people.household)."""
    if not value:
        return "—"
    if household.is_named(value):
        return household.words(value, people or {})
    try:
        option = scale.option(value)
    except KeyError:  # e.g. five faces then, three now: the stored value, readable
        return value.replace("_", " ").capitalize()
    if child_words and option.child_label and option.child_label != option.label:
        meaning = option.label[:1].lower() + option.label[1:]
        return f"“{option.child_label}” ({meaning})"
    return option.label


@dataclass(frozen=True)
class Voice:
    """One perspective in the comparison: 'The child (Maisie)', 'Jo (mother)', 'School, 12/03/2026'.

    `child_words`: the choices were shown to this person in a child's words (the child, in a
    template that asks the child directly); `feeling_words`: the faces were (the child's own)."""

    interview: Interview
    label: str
    child_words: bool = False
    feeling_words: bool = False

    @property
    def kind(self) -> PerspectiveKind:
        return self.interview.perspective.kind


@dataclass
class MeasureComparison:
    measure: Measure
    label: str                          # rendered for this child
    scale: Scale
    values: dict[str, str | None]       # voice label -> scale value (None: not answered)
    agreement: Agreement
    steps: int | None = None            # how far apart the answers are, on an ordered scale (differ only)
    child_words: frozenset = frozenset()  # the voices that saw the choices in a child's words
    people: dict[str, str] = field(default_factory=dict)  # who a named answer names, by id

    def shown(self, voice: str) -> str:
        """The answer as that person saw it, with its meaning on the adults' scale where the words differ."""
        return in_their_words(self.scale, self.values.get(voice), voice in self.child_words, self.people)

    def seen(self, voice: str) -> str:
        """Only the words the person chose (“Me, on my own”), for a narrow space."""
        value = self.values.get(voice)
        if not value:
            return "—"
        if household.is_named(value):
            return household.words(value, self.people)
        try:
            option = self.scale.option(value)
        except KeyError:
            return value
        if voice in self.child_words and option.child_label and option.child_label != option.label:
            return f"“{option.child_label}”"
        return option.label

    @property
    def unnamed(self) -> bool:
        """Nothing to compare, and at least one answer is an older one that does not say who was meant."""
        return self.agreement is Agreement.NO_ANSWER and any(
            v and _unnamed(self.scale, v) for v in self.values.values())

    @property
    def wide(self) -> bool:
        """A difference that matters most: far apart on an ordered scale, or any difference on a
        scale with no order (who does it)."""
        return self.agreement is Agreement.DIFFER and (self.steps is None or self.steps >= WIDE)

    @property
    def ranked_steps(self) -> int | None:
        """How many steps the scale has end to end (for '3 steps apart (of 4)')."""
        if not self.scale.ordered:
            return None
        return max(0, sum(1 for o in self.scale.options if not o.unranked) - 1) or None

    @property
    def mark(self) -> str:
        """'= Agree', '≠ Differ: 3 steps apart (of 4)', 'One side only': the same words on screen and in Word."""
        if self.agreement is Agreement.DIFFER:
            apart = apart_text(self.steps, self.ranked_steps)
            return f"≠ Differ: {apart}" if apart else "≠ Differ"
        if self.agreement is Agreement.AGREE:
            chose, everyone = sum(1 for v in self.values.values() if v), len(self.values)
            # an agreement that leaves someone out says so: the child may not have been asked
            return "= Agree" if chose == everyone else f"= Agree ({chose} of {everyone} chose)"
        if self.unnamed:
            return "Not compared: older answer"  # "A parent or carer at home": it does not say who
        if self.agreement is Agreement.NO_ANSWER and any(self.values.values()):
            return "Nobody could say"  # only "Don't know" (or "Not seen") was given
        return {Agreement.ONE_SIDE: "One side only"}.get(self.agreement, "—")


@dataclass
class TopicComparison:
    stage: Stage
    topic: Topic
    answers: dict[str, Answer | None]   # voice label -> answer
    measures: list[MeasureComparison]
    agreement: Agreement
    # The voices whose answer is sensitive (sensitive.py): left out of this joint view, as if not
    # given, and marked as kept out where the answers are shown.
    kept_out: frozenset = frozenset()

    @property
    def differs(self) -> bool:
        return self.agreement is Agreement.DIFFER

    @property
    def compared(self) -> list[MeasureComparison]:
        """The comparable answers someone gave: one row each in the grid and in the report."""
        return [m for m in self.measures if any(m.values.values())]


@dataclass
class FeelingGap:
    """The child's own feeling at a stage beside each adult's estimate of it."""

    stage: Stage
    child: str | None                   # the child's feeling (most often given across the stage)
    estimates: dict[str, str | None]    # adult voice label -> their estimate
    gaps: dict[str, int]                # adult voice -> steps apart on the faces (0 = same; on a scale
                                        # with no order, such as a baby's states, WIDE where they differ)
    # Other feelings added beside the face (scared, cross, hurting, worried) anywhere in the stage,
    # in the scale's order: never on the faces' order, so never part of a gap.
    child_also: list[str] = field(default_factory=list)
    also: dict[str, list[str]] = field(default_factory=dict)  # adult voice -> the same, as they think
    ordered: bool = True                # False where the faces have no order (a baby's states)

    def wide(self, adult: str) -> bool:
        """Marked (on screen and in Word alike) when the adult is WIDE or more steps away, or, on a
        scale with no order, chose something else."""
        return self.gaps.get(adult, 0) >= WIDE

    def apart(self, adult: str) -> str:
        """How far the adult's estimate is from the child's own, in the words the screen and the report
        both use: 'same', '1 step apart', '2 steps apart', or 'different' where there is no order
        ('' where there is nothing to set side by side)."""
        gap = self.gaps.get(adult)
        if gap is None:
            return ""
        if gap == 0:
            return "same"
        return apart_text(gap) if self.ordered else "different"


@dataclass(frozen=True)
class Tally:
    """The comparison counted once, in the units the rows show: each comparable answer is a row;
    a topic with none is answered in words only, not asked, or not answered yet."""

    topics: int
    differ: int          # comparable answers (rows) that differ ...
    wide: int            # ... of them, far apart (or on a scale with no order)
    agree: int
    one_side: int
    cannot_say: int      # comparable answers where everyone who answered said they did not know
    words_only: int      # topics
    not_asked: int       # topics
    no_answer: int       # topics
    unnamed: int = 0     # comparable answers where the only answers are older ones that do not say who

    @property
    def rows(self) -> int:
        return self.differ + self.agree + self.one_side + self.cannot_say + self.unnamed

    @property
    def compared_topics(self) -> int:
        """Topics with at least one comparable answer: the rest are counted by why not."""
        return self.topics - self.words_only - self.not_asked - self.no_answer

    def text(self) -> str:
        """The summary line, word for word the same on the compare screen and in the report, e.g.
        "25 comparable answers in 13 of the 20 topics: 11 differ (8 far apart), 9 agree, 5 from one
        person only. The other 7 topics: 2 answered in words only, 5 not answered yet." """
        def n(count: int, one: str, many: str) -> str:
            return f"{count} {one if count == 1 else many}"
        parts = [n(self.differ, "differs", "differ") + (f" ({self.wide} far apart)" if self.differ else ""),
                 f"{self.agree} agree", f"{self.one_side} from one person only"]
        if self.cannot_say:
            parts.append(f"{self.cannot_say} where nobody could say")
        if self.unnamed:
            parts.append(f"{self.unnamed} not compared (older answers that do not say who)")
        text = (f"{n(self.rows, 'comparable answer', 'comparable answers')} in {self.compared_topics} of the "
                f"{n(self.topics, 'topic', 'topics')}: " + ", ".join(parts) + ".")
        why = [(count, words) for count, words in ((self.words_only, "answered in words only"),
                                                   (self.not_asked, "not asked"),
                                                   (self.no_answer, "not answered yet")) if count]
        others = self.topics - self.compared_topics
        if len(why) == 1:
            text += f" The other {n(others, 'topic was', 'topics were')} {why[0][1]}."
        elif why:
            text += f" The other {n(others, 'topic', 'topics')}: " + ", ".join(f"{c} {w}" for c, w in why) + "."
        return text


@dataclass
class Comparison:
    template: Template
    child: Child
    voices: list[Voice]
    topics: list[TopicComparison]
    feelings: list[FeelingGap] = field(default_factory=list)
    sort: list[SortRow] = field(default_factory=list)  # the cards the child sorted, beside the adults' views

    def by_stage(self) -> list[tuple[Stage, list[TopicComparison]]]:
        out: list[tuple[Stage, list[TopicComparison]]] = []
        for tc in self.topics:
            if not out or out[-1][0] is not tc.stage:
                out.append((tc.stage, []))
            out[-1][1].append(tc)
        return out

    def by_neglect(self) -> dict[NeglectType, list[TopicComparison]]:
        out: dict[NeglectType, list[TopicComparison]] = {n: [] for n in NeglectType}
        for tc in self.topics:
            for n in tc.topic.neglect:
                out[n].append(tc)
        return out

    def by_framework(self) -> dict[str, list[TopicComparison]]:
        out: dict[str, list[TopicComparison]] = {d: [] for d in FRAMEWORK_DIMENSIONS}
        for tc in self.topics:
            for d in tc.topic.framework:
                out[d].append(tc)
        return {d: tcs for d, tcs in out.items() if tcs}

    def differences(self) -> list[TopicComparison]:
        return [tc for tc in self.topics if tc.differs]

    def who_is_there(self) -> list[MeasureComparison]:
        """Who the child says does things or is there, against what each adult says."""
        return [m for tc in self.topics for m in tc.measures if m.scale.name == "who"]

    def voice(self, label: str) -> Voice:
        return next(v for v in self.voices if v.label == label)

    @property
    def kept_out(self) -> int:
        """How many answers are left out of this view as sensitive (said on screen, never in a report)."""
        return sum(len(tc.kept_out) for tc in self.topics)

    def counts(self) -> Counter:
        """Topics by their agreement (for filters); for what to say, use `tally`."""
        return Counter(tc.agreement for tc in self.topics)

    def tally(self) -> Tally:
        rows = [m for tc in self.topics for m in tc.compared]
        by_topic = self.counts()
        return Tally(len(self.topics),
                     sum(m.agreement is Agreement.DIFFER for m in rows), sum(m.wide for m in rows),
                     sum(m.agreement is Agreement.AGREE for m in rows),
                     sum(m.agreement is Agreement.ONE_SIDE for m in rows),
                     sum(m.agreement is Agreement.NO_ANSWER and not m.unnamed for m in rows),
                     by_topic.get(Agreement.WORDS_ONLY, 0), by_topic.get(Agreement.NOT_ASKED, 0),
                     by_topic.get(Agreement.NO_ANSWER, 0), sum(m.unnamed for m in rows))


def _steps(scale: Scale, given: list[str]) -> int | None:
    """The widest distance between the answers on an ordered scale, in steps; None where there is
    no order to count on (a scale without one, or an answer outside it such as "Not sure")."""
    if not scale.ordered:
        return None
    ranked = [o.value for o in scale.options if not o.unranked]
    if any(v not in ranked for v in given):
        return None
    places = [ranked.index(v) for v in given]
    return max(places) - min(places)


# Answers that say the person cannot tell: shown as given, never counted as agreeing or differing.
CANNOT_SAY = {"dont_know", "not_seen"}


def _unnamed(scale: Scale, value: str) -> bool:
    """An older who answer that does not say who was meant ("A parent or carer at home"): two parents
    who each meant "me" chose the same one. Retired, or on the who scale of a template before 1.2."""
    try:
        if scale.option(value).retired:
            return True
    except KeyError:
        pass
    return scale.name == "who" and value in household.UNNAMED


def _measure_agreement(values: list[str | None], scale: Scale | None = None) -> Agreement:
    """Named answers agree when they name the same people; "Don't know" and older answers that do not
    say who are shown, never counted as agreeing or differing."""
    given = [v for v in values if v and v not in CANNOT_SAY and not (scale and _unnamed(scale, v))]
    if not given:
        return Agreement.NO_ANSWER
    if len(given) == 1:
        return Agreement.ONE_SIDE
    return Agreement.AGREE if len(set(given)) == 1 else Agreement.DIFFER


def said_something(answer: Answer | None) -> bool:
    """Anything recorded beyond "not asked": words, a choice, a feeling."""
    return answer is not None and bool(answer.text or answer.measures or answer.feeling or answer.also_felt
                                       or answer.well or answer.better
                                       or answer.own_day or answer.impact or answer.source)


def _topic_agreement(answers: list[Answer | None], measures: list[MeasureComparison]) -> Agreement:
    kinds = {m.agreement for m in measures}
    if Agreement.DIFFER in kinds:
        return Agreement.DIFFER
    if Agreement.AGREE in kinds:
        return Agreement.AGREE
    if Agreement.ONE_SIDE in kinds:
        return Agreement.ONE_SIDE
    if any(said_something(a) for a in answers):
        return Agreement.WORDS_ONLY
    if any(a is not None and a.not_asked is not None for a in answers):
        return Agreement.NOT_ASKED
    return Agreement.NO_ANSWER


def compare(case: Case, child: Child, interviews: list[Interview], template: Template,
            labels: dict[str, str] | None = None, people: dict[str, str] | None = None) -> Comparison:
    """Every topic of `template` across the chosen interviews of one child, in the order given.
    `labels`: each interview's voice label, by interview id (voices.voice_labels by default);
    `people`: how a named answer shows each person, by id (people.household by default)."""
    from .interview import child_months, feeling_in_child_words, sees_child_words
    from .voices import voice_labels

    if not interviews:
        raise ValueError("choose at least one interview to compare")
    for iv in interviews:
        if iv not in child.interviews:
            raise ValueError("every interview compared must be about the same child")
    labels = labels or voice_labels(case, child, interviews)
    people = household.household(case, child) if people is None else people
    voices = [Voice(iv, labels[iv.id], sees_child_words(template, iv.perspective.kind),
                    feeling_in_child_words(iv.perspective.kind)) for iv in interviews]
    child_words = frozenset(v.label for v in voices if v.child_words)
    name = child.called or "the child"
    topics = []
    ages = {child_months(child, v.interview.held_on) for v in voices}
    for stage in template.stages:
        for topic in stage.topics:
            if not any(topic.fits(m) for m in ages):
                continue  # a topic for other ages (the disabled child's safe sleep, for a teenager)
            given = {v.label: v.interview.answers.get(topic.key) for v in voices}
            kept_out = frozenset(label for label, a in given.items() if is_sensitive(topic, a))
            answers = {label: (None if label in kept_out else a) for label, a in given.items()}
            measures = []
            for m in topic.measures:
                scale = template.scales[m.scale]
                values = {v.label: (answers[v.label].measures.get(m.id) if answers[v.label] else None)
                          for v in voices}
                agreement = _measure_agreement(list(values.values()), scale)
                steps = _steps(scale, [x for x in values.values() if x]) if agreement is Agreement.DIFFER else None
                measures.append(MeasureComparison(m, template.render(m.label, name, child.pronouns), scale, values,
                                                  agreement, steps, child_words, people))
            topics.append(TopicComparison(stage, topic, answers, measures,
                                          _topic_agreement(list(answers.values()), measures), kept_out))
    return Comparison(template, child, voices, topics, _feelings(template, voices, topics),
                      _sorted_cards(template, voices, topics))


def _sorted_cards(template: Template, voices: list[Voice], topics: list[TopicComparison]) -> list[SortRow]:
    """Each card the child put on a pile (the first child's voice), beside the pile each adult's face
    for the child falls on there (none where the faces are the adults' own feelings)."""
    child = next((v.label for v in voices if v.kind is PerspectiveKind.CHILD), None)
    if child is None:
        return []
    adults = [v.label for v in voices if v.kind is not PerspectiveKind.CHILD]
    rows = []
    for tc in topics:
        mine = tc.answers.get(child)
        if mine is None or not mine.sort:
            continue
        faces = {a: (None if template.common.own_feelings or tc.answers.get(a) is None
                     else tc.answers[a].feeling) for a in adults}
        seen = {a: pile_of_feeling(template.feelings, face) for a, face in faces.items()}
        rows.append(SortRow(tc.stage.title, tc.topic.key, card_words(tc.topic), mine.sort, seen, faces, mine.feeling))
    return rows


def also_felt_words(template: Template, values: list[str]) -> str:
    """Other feelings as shown: "scared, worried" ('' for none; a value the template does not know is
    shown as stored)."""
    scale = template.scales.get(ALSO_FELT_SCALE)
    labels = {o.value: o.label for o in scale.options} if scale else {}
    return ", ".join(labels.get(v, v).lower() for v in values)


def _feelings(template: Template, voices: list[Voice], topics: list[TopicComparison]) -> list[FeelingGap]:
    child_voices = [v.label for v in voices if v.kind is PerspectiveKind.CHILD]
    adults = [v.label for v in voices if v.kind is not PerspectiveKind.CHILD]
    if template.common.own_feelings:
        return []  # the faces are each adult's own feelings: nobody's guess at the child's to set beside
    scale = template.feelings
    order = {value: i for i, value in enumerate(scale.values)}
    also_order = list(template.scales[ALSO_FELT_SCALE].values) if ALSO_FELT_SCALE in template.scales else []
    out = []
    for stage in template.stages:
        stage_topics = [tc for tc in topics if tc.stage is stage]

        def typical(voice: str) -> str | None:
            given = [tc.answers[voice].feeling for tc in stage_topics
                     if tc.answers.get(voice) is not None and tc.answers[voice].feeling]
            if not given:
                return None
            # the most common; on a tie, the less happy one, so a low feeling is not hidden
            counts = Counter(given)
            return max(counts, key=lambda v: (counts[v], order.get(v, -1)))

        def others(voice: str) -> list[str]:
            given = {v for tc in stage_topics if tc.answers.get(voice) is not None
                     for v in tc.answers[voice].also_felt}
            return [v for v in also_order if v in given] + sorted(given - set(also_order))

        child_feeling = next((f for f in (typical(v) for v in child_voices) if f), None)
        child_also = next((o for o in (others(v) for v in child_voices) if o), [])
        estimates = {a: typical(a) for a in adults}
        also = {a: others(a) for a in adults}
        gaps = {a: (abs(order[child_feeling] - order[e]) if scale.ordered else 0 if e == child_feeling else WIDE)
                for a, e in estimates.items() if child_feeling and e in order and child_feeling in order}
        if child_feeling or child_also or any(estimates.values()) or any(also.values()):
            out.append(FeelingGap(stage, child_feeling, estimates, gaps, child_also,
                                  {a: v for a, v in also.items() if v}, scale.ordered))
    return out


# --------------------------------------------------------------------------- change over time


class Change(str, Enum):
    IMPROVED = "improved"
    WORSE = "worse"
    CHANGED = "changed"        # moved, on a scale with no better end
    SAME = "same"
    NEW = "new"                # answered only the second time
    GONE = "gone"              # answered only the first time

    @property
    def label(self) -> str:
        return {"improved": "Better", "worse": "Worse", "changed": "Changed", "same": "Same",
                "new": "Answered only at the later interview",
                "gone": "Answered only at the earlier interview"}[self.value]


@dataclass
class TopicChange:
    key: str
    title: str
    what: str                  # the measure's label, or "Feeling"
    before: str | None         # option label
    after: str | None
    change: Change
    steps: int | None = None   # how far it moved, on an ordered scale

    @property
    def said(self) -> str:
        """'Worse: 2 steps', 'Better: 1 step', 'Changed': the same words on screen and in Word."""
        if self.steps and self.change in (Change.IMPROVED, Change.WORSE, Change.CHANGED):
            return f"{self.change.label}: {plural(self.steps, 'step')}"
        return self.change.label


def _direction(scale: Scale, good: str, before: str, after: str) -> Change:
    if before == after:
        return Change.SAME
    if not scale.ordered or good not in ("first", "last"):
        return Change.CHANGED
    if scale.option(before).unranked or scale.option(after).unranked:
        return Change.CHANGED  # e.g. from "No" to "Not sure": neither better nor worse
    i, j = scale.values.index(before), scale.values.index(after)
    towards_first = j < i
    return Change.IMPROVED if towards_first == (good == "first") else Change.WORSE


def change_over_time(earlier: tuple[Interview, Template], later: tuple[Interview, Template],
                     name: str = "the child", pronouns: str = "they",
                     people: dict[str, str] | None = None) -> list[TopicChange]:
    """Topic by topic, by key (so it works across template versions): what moved, and which way.
    A child's choices are given as the child saw them, like everywhere else; a named answer by the
    names in `people` (people.household). A topic either answer to which is sensitive is left out.
    """
    from .interview import feeling_in_child_words, sees_child_words

    (iv_a, t_a), (iv_b, t_b) = earlier, later
    kind = iv_b.perspective.kind
    words, faces = sees_child_words(t_b, kind), feeling_in_child_words(kind)
    out = []
    keys_b = {t.key: t for t in t_b.topics()}
    for topic_a in t_a.topics():
        topic_b = keys_b.get(topic_a.key)
        if topic_b is None:
            continue
        a, b = iv_a.answers.get(topic_a.key), iv_b.answers.get(topic_b.key)
        if is_sensitive(topic_a, a) or is_sensitive(topic_b, b):
            continue  # kept out of every joint view, this one too
        measures_b = {m.id: m for m in topic_b.measures}
        pairs = [(m, measures_b[m.id]) for m in topic_a.measures
                 if m.id in measures_b and m.scale == measures_b[m.id].scale]
        for m_a, m_b in pairs:
            scale = t_b.scales[m_b.scale]
            va = a.measures.get(m_a.id) if a else None
            vb = b.measures.get(m_b.id) if b else None
            if not va and not vb:
                continue
            label = t_b.render(m_b.label, name, pronouns)
            change = (Change.NEW if not va else Change.GONE if not vb
                      else _direction(scale, getattr(m_b, "good", ""), va, vb))
            out.append(TopicChange(topic_a.key, topic_b.title, label,
                                   in_their_words(t_a.scales[m_a.scale], va, words, people) if va else None,
                                   in_their_words(scale, vb, words, people) if vb else None, change,
                                   _steps(scale, [va, vb]) if va and vb and va != vb else None))
        fa, fb = (a.feeling if a else None), (b.feeling if b else None)
        if fa or fb:
            scale_a, scale = t_a.feelings, t_b.feelings
            # faces from another scale (five faces then, three now): shown as given, changed or the same
            same_faces = scale_a.to_dict() == scale.to_dict()
            change = (Change.NEW if not fa else Change.GONE if not fb else
                      _direction(scale, "first", fa, fb) if same_faces else
                      Change.SAME if fa == fb else Change.CHANGED)
            out.append(TopicChange(topic_a.key, topic_b.title, "Feeling",
                                   in_their_words(scale_a, fa, faces) if fa else None,
                                   in_their_words(scale, fb, faces) if fb else None, change,
                                   _steps(scale, [fa, fb]) if fa and fb and fa != fb and same_faces else None))
        oa, ob = (a.also_felt if a else []), (b.also_felt if b else [])
        if oa or ob:  # no order, so only changed or the same, never better or worse
            change = (Change.NEW if not oa else Change.GONE if not ob
                      else Change.SAME if set(oa) == set(ob) else Change.CHANGED)
            out.append(TopicChange(topic_a.key, topic_b.title, "Other feelings",
                                   also_felt_words(t_b, oa).capitalize() or None,
                                   also_felt_words(t_b, ob).capitalize() or None, change))
    return out
