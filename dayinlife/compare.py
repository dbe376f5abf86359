"""Comparing perspectives on one child's day, and one day with a later one.

Agreement is decided only from the comparable answers (measures on shared scales), never
guessed from free text. A difference is something to explore with the family, not a verdict,
and nothing here adds up to a score: the practitioner judges.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from enum import Enum

from .case import Answer, Case, Child, Interview, PerspectiveKind
from .interview import is_answered, perspective_label
from .template_model import FEELING_SCALE, Measure, Scale, Stage, Template, Topic
from .vocab import FRAMEWORK_DIMENSIONS, NeglectType


class Agreement(str, Enum):
    AGREE = "agree"
    DIFFER = "differ"
    ONE_SIDE = "one_side"      # only one perspective gave a comparable answer
    NOT_ASKED = "not_asked"    # every perspective recorded it as not asked
    NO_ANSWER = "no_answer"    # nobody has answered yet

    @property
    def label(self) -> str:
        return {"agree": "Agree", "differ": "Differ — to explore", "one_side": "Only one side answered",
                "not_asked": "Not asked", "no_answer": "Not answered yet"}[self.value]


@dataclass(frozen=True)
class Voice:
    """One perspective in the comparison: 'The child', 'Jo (mother)', 'Professionals'."""

    interview: Interview
    label: str

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

    def shown(self, voice: str) -> str:
        value = self.values.get(voice)
        return self.scale.option(value).label if value else "—"


@dataclass
class TopicComparison:
    stage: Stage
    topic: Topic
    answers: dict[str, Answer | None]   # voice label -> answer
    measures: list[MeasureComparison]
    agreement: Agreement

    @property
    def differs(self) -> bool:
        return self.agreement is Agreement.DIFFER


@dataclass
class FeelingGap:
    """The child's own feeling at a stage beside each adult's estimate of it."""

    stage: Stage
    child: str | None                   # the child's feeling (most often given across the stage)
    estimates: dict[str, str | None]    # adult voice label -> their estimate
    gaps: dict[str, int]                # adult voice -> steps apart on the five faces (0 = same)


@dataclass
class Comparison:
    template: Template
    child: Child
    voices: list[Voice]
    topics: list[TopicComparison]
    feelings: list[FeelingGap] = field(default_factory=list)

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

    def counts(self) -> Counter:
        return Counter(tc.agreement for tc in self.topics)


def _measure_agreement(values: list[str | None]) -> Agreement:
    given = [v for v in values if v]
    if not given:
        return Agreement.NO_ANSWER
    if len(given) == 1:
        return Agreement.ONE_SIDE
    return Agreement.AGREE if len(set(given)) == 1 else Agreement.DIFFER


def _topic_agreement(answers: list[Answer | None], measures: list[MeasureComparison]) -> Agreement:
    real = [a for a in answers if is_answered(a)]
    if not real:
        return Agreement.NO_ANSWER
    if all(a.not_asked is not None for a in real):
        return Agreement.NOT_ASKED
    kinds = {m.agreement for m in measures}
    if Agreement.DIFFER in kinds:
        return Agreement.DIFFER
    if Agreement.AGREE in kinds:
        return Agreement.AGREE
    return Agreement.ONE_SIDE


def compare(case: Case, child: Child, interviews: list[Interview], template: Template) -> Comparison:
    """Every topic of `template` across the chosen interviews of one child."""
    if not interviews:
        raise ValueError("choose at least one interview to compare")
    for iv in interviews:
        if iv not in child.interviews:
            raise ValueError("every interview compared must be about the same child")
    voices = [Voice(iv, perspective_label(iv, case)) for iv in interviews]
    name = child.called or "the child"
    topics = []
    for stage in template.stages:
        for topic in stage.topics:
            answers = {v.label: v.interview.answers.get(topic.key) for v in voices}
            measures = []
            for m in topic.measures:
                values = {v.label: (answers[v.label].measures.get(m.id) if answers[v.label] else None)
                          for v in voices}
                measures.append(MeasureComparison(m, template.render(m.label, name, child.pronouns),
                                                  template.scales[m.scale], values,
                                                  _measure_agreement(list(values.values()))))
            topics.append(TopicComparison(stage, topic, answers, measures,
                                          _topic_agreement(list(answers.values()), measures)))
    return Comparison(template, child, voices, topics, _feelings(template, voices, topics))


def _feelings(template: Template, voices: list[Voice], topics: list[TopicComparison]) -> list[FeelingGap]:
    child_voices = [v.label for v in voices if v.kind is PerspectiveKind.CHILD]
    adults = [v.label for v in voices if v.kind is not PerspectiveKind.CHILD]
    scale = template.scales[FEELING_SCALE]
    order = {value: i for i, value in enumerate(scale.values)}
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
            return max(counts, key=lambda v: (counts[v], order[v]))

        child_feeling = next((f for f in (typical(v) for v in child_voices) if f), None)
        estimates = {a: typical(a) for a in adults}
        gaps = {a: abs(order[child_feeling] - order[e]) for a, e in estimates.items()
                if child_feeling and e}
        if child_feeling or any(estimates.values()):
            out.append(FeelingGap(stage, child_feeling, estimates, gaps))
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
                     name: str = "the child", pronouns: str = "they") -> list[TopicChange]:
    """Topic by topic, by key (so it works across template versions): what moved, and which way."""
    (iv_a, t_a), (iv_b, t_b) = earlier, later
    out = []
    keys_b = {t.key: t for t in t_b.topics()}
    for topic_a in t_a.topics():
        topic_b = keys_b.get(topic_a.key)
        if topic_b is None:
            continue
        a, b = iv_a.answers.get(topic_a.key), iv_b.answers.get(topic_b.key)
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
                                   scale.option(va).label if va and va in scale.values else va,
                                   scale.option(vb).label if vb and vb in scale.values else vb, change))
        fa, fb = (a.feeling if a else None), (b.feeling if b else None)
        if fa or fb:
            scale = t_b.scales[FEELING_SCALE]
            change = Change.NEW if not fa else Change.GONE if not fb else _direction(scale, "first", fa, fb)
            out.append(TopicChange(topic_a.key, topic_b.title, "Feeling",
                                   scale.option(fa).label if fa else None,
                                   scale.option(fb).label if fb else None, change))
    return out
