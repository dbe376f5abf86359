"""What an interview shows, for whom: the core behind the guided interview and child mode.

Who sees what is decided here, not in the widgets, so that it is tested without a window:
the child (or, for a baby, the carer speaking for the baby) sees child wording only; a parent
sees the parent wording only; what a professional looks for and what to observe are for the
practitioner and are never put in front of a family member.
"""

from __future__ import annotations

from dataclasses import dataclass

from .case import Answer, Child, Interview, PerspectiveKind
from .template_model import Scale, Stage, Template, Topic
from .vocab import ChildVoice

UNBORN_NAME = "the baby"


@dataclass(frozen=True)
class MeasureChoice:
    id: str
    label: str
    scale: Scale
    child_words: bool  # show the scale's child labels
    # On a scale that names people (see people.py): the named answers offered, (value, label).
    named: tuple[tuple[str, str], ...] = ()
    # Options that make no sense for this child (a baby "on their own"): not offered, though an answer
    # already given with one is kept.
    not_offered: frozenset[str] = frozenset()

    def options(self, keep: str | None = None) -> list[tuple[str, str]]:
        """The choices, in order: the people of the household first (on a scale that names people),
        then the scale's own options. An option no longer offered (retired, or naming someone since
        removed) is there only when `keep`, the answer already given, is it, so it is never lost."""
        from .people import REMOVED, ids_of, is_named, words

        # a person not offered (a baby, as who gets a brother up) is there only as the answer given
        out = [(v, label) for v, label in self.named if v not in self.not_offered or v == keep] \
            if self.scale.people else []
        shown: set[str] = set()
        for o in self.scale.options:
            label = o.child_label if self.child_words else o.label
            offered = not o.retired and o.value not in self.not_offered and label not in shown
            if offered or o.value == keep:  # the same words twice (a child's "I don't know") once
                out.append((o.value, label))
                shown.add(label)
        if keep and keep not in {v for v, _ in out}:
            singles = {ids_of(v)[0]: label for v, label in self.named if len(ids_of(v)) == 1}
            out.append((keep, words(keep, singles) if is_named(keep) else keep or REMOVED))
        return out

    def picture(self, value: str) -> str:
        """The picture the scale names for an option ("" for none, or for a named person: see
        people.picture_of)."""
        return next((o.picture for o in self.scale.options if o.value == value), "")


@dataclass(frozen=True)
class TopicPrompts:
    """The wording of one topic for one perspective, filled in for one child."""

    key: str
    title: str
    question: str            # put to the person in front of the practitioner
    own_day: str = ""        # parent: their own day at this point (element 2)
    impact: str = ""         # parent: how it affects the child (element 3)
    feeling_question: str = ""
    also_felt_question: str = ""  # other feelings beside the face, if the template asks
    better_question: str = ""
    well_question: str = ""  # what goes well, if the template asks
    measures: tuple[MeasureChoice, ...] = ()
    observe: str = ""        # practitioner only
    look_for: str = ""       # practitioner only
    agencies: tuple[str, ...] = ()
    seen_alone: bool = False  # asked only when the person is on their own (see sensitive.py)

    @property
    def family_text(self) -> list[str]:
        """Everything here that a family member may see."""
        return [t for t in (self.title, self.question, self.own_day, self.impact, self.feeling_question,
                            self.also_felt_question, self.well_question, self.better_question) if t] + [m.label for m in self.measures]


def sees_child_words(template: Template, kind: PerspectiveKind) -> bool:
    """Whether the answer choices are put in a child's words ("Me, on my own"): for the child, in a
    template that asks the child, directly or in their own way (a disabled child with symbols, signs
    or eye pointing: child mode is their screen too), not for a baby's voice told by an adult. The
    comparison and the report then show what the child chose as the child saw it."""
    return kind is PerspectiveKind.CHILD and template.child_voice is not ChildVoice.BABY


def feeling_in_child_words(kind: PerspectiveKind) -> bool:
    """The faces carry the child's words ("Sad") in the child's own interview, the adults' ("Unhappy")
    in every other."""
    return kind is PerspectiveKind.CHILD


def opening(template: Template, kind: PerspectiveKind, child: Child) -> str:
    """What the practitioner says before the first question to this person ('' for a professional
    account): the template's own opening for the age, else a plain one."""
    from .wording import OPENING

    if kind is PerspectiveKind.PROFESSIONAL:
        return ""
    source = template.common.opening_child if kind is PerspectiveKind.CHILD else template.common.opening_parent
    return template.render(source, child_display_name(child), child.pronouns) if source else OPENING


def child_display_name(child: Child) -> str:
    return child.called or (UNBORN_NAME if child.is_unborn else "the child")


def topic_prompts(template: Template, topic: Topic, kind: PerspectiveKind, child: Child,
                  named: tuple[tuple[str, str], ...] = (), too_young: frozenset[str] = frozenset()) -> TopicPrompts:
    """`named`: the people of the household an answer may name (people.choices), where a scale
    names people; `too_young`: those of them not offered (people.too_young: a baby brother as who
    gets the child up), though an answer already naming one is kept."""
    name = child_display_name(child)
    named = tuple(named)
    # a baby, born or not, never does anything "on their own"
    hidden = frozenset({"child_self"}) if template.suits.unborn or template.suits.to_months <= 24 else frozenset()
    hidden |= frozenset(too_young)

    def r(source: str) -> str:
        return template.render(source, name, child.pronouns) if source else ""

    if kind is PerspectiveKind.CHILD:
        return TopicPrompts(
            topic.key, topic.title, r(topic.child),
            feeling_question="" if template.common.own_feelings else r(template.common.feeling_child),
            also_felt_question=r(template.common.also_felt_child),
            better_question=r(template.common.better_child),
            well_question=r(template.common.well_child),
            measures=tuple(MeasureChoice(m.id, r(m.child_label or m.label), template.scales[m.scale],
                                         sees_child_words(template, kind), named, hidden)
                           for m in topic.measures if m.for_child),
            observe=r(topic.observe), look_for=r(topic.professional), agencies=topic.agencies,
            seen_alone=topic.seen_alone,
        )
    if kind is PerspectiveKind.PARENT:
        return TopicPrompts(
            topic.key, topic.title, r(topic.parent), own_day=r(topic.parent_own), impact=r(topic.parent_impact),
            feeling_question=r(template.common.feeling_parent),
            also_felt_question=r(template.common.also_felt_parent),
            better_question=r(template.common.better_parent),
            well_question=r(template.common.well_parent),
            measures=tuple(MeasureChoice(m.id, r(m.label), template.scales[m.scale], False, named, hidden)
                           for m in topic.measures),
            observe=r(topic.observe), look_for=r(topic.professional), agencies=topic.agencies,
            seen_alone=topic.seen_alone,
        )
    return TopicPrompts(
        topic.key, topic.title, r(topic.professional),
        # where the faces are each adult's own feelings, a professional's account has none
        feeling_question="" if template.common.own_feelings else r(template.common.feeling_parent),
        also_felt_question=r(template.common.also_felt_parent),
        measures=tuple(MeasureChoice(m.id, r(m.label), template.scales[m.scale], False, named, hidden)
                           for m in topic.measures),
        observe=r(topic.observe), look_for=r(topic.professional), agencies=topic.agencies,
        seen_alone=topic.seen_alone,
    )


def easy_read_opening(child: Child) -> str:
    """What is said before the first question in easy read, in short plain sentences."""
    name = child_display_name(child)
    return (f"We will talk about a normal day for {name}. There are no right or wrong answers. "
            f"You can skip a question, or stop. What you say helps the people working with your family. "
            f"If I think a child is not safe, I must tell someone. I will try to tell you first.")


def easy_read_prompts(template: Template, topic: Topic, child: Child,
                      named: tuple[tuple[str, str], ...] = (), too_young: frozenset[str] = frozenset()) -> TopicPrompts:
    """A parent's or carer's prompts in short, plain sentences, one idea each, for the large mode
    with pictures (for a parent with a learning disability, or anyone who would find it easier).
    The same answers as the ordinary interview (so they compare the same); only the wording is
    simpler, and each choice keeps its picture."""
    from dataclasses import replace

    p = topic_prompts(template, topic, PerspectiveKind.PARENT, child, named, too_young)
    name = child_display_name(child)
    title = topic.title
    if len(title) > 1 and title[1].islower():  # "Getting up" reads "getting up"; "GP visits" stays
        title = title[0].lower() + title[1:]
    return replace(
        p,
        question=f"Let's talk about {title}. What happens? Who is there?",
        own_day="What are you doing at this time?" if p.own_day else "",
        impact=f"Does that change things for {name}? How?" if p.impact else "",
        feeling_question=f"How do you think {name} feels at this time?" if p.feeling_question else "",
        also_felt_question="Anything else? You can pick more than one." if p.also_felt_question else "",
        better_question="What would make it better?" if p.better_question else "",
        well_question="What goes well at this time?" if p.well_question else "",
    )


class TemplateUnavailable(LookupError):
    pass


def template_for(case, interview: Interview, library=None) -> Template:
    """The exact template an interview was made with: the library's if its content is unchanged,
    otherwise the snapshot the case keeps. Never a different version of it."""
    current = library.templates.get(interview.template.id) if library is not None else None
    if current is not None and current.content_hash == interview.template.content_hash:
        return current
    snapshot = case.template_snapshots.get(interview.template.content_hash)
    if snapshot is not None:
        return Template.from_dict(snapshot)
    raise TemplateUnavailable(f"The template this interview used ({interview.template.id} "
                              f"v{interview.template.version}) is no longer available.")


def is_answered(answer: Answer | None) -> bool:
    """Counts towards progress: something recorded, or a reason it was not asked."""
    return answer is not None and not answer.is_empty


def left_at(rows: list["StageProgress"]) -> int:
    """Where an interview was left, stage by stage as it is held: the last stage with anything
    answered, or the one after it when that one is done; the first for an interview not begun."""
    started = [i for i, r in enumerate(rows) if r.answered]
    if not started:
        return 0
    last = started[-1]
    return last + 1 if rows[last].done and last + 1 < len(rows) else last


@dataclass(frozen=True)
class StageProgress:
    stage: Stage
    answered: int
    total: int

    @property
    def done(self) -> bool:
        return self.answered == self.total


def child_months(child: Child | None, on) -> int | None:
    """The child's age in whole months on that day (None: not born yet, or not known)."""
    from .dates import age_in_months

    if child is None or child.date_of_birth is None or child.date_of_birth > on:
        return None
    return age_in_months(child.date_of_birth, on)


def asked_topics(stage: Stage, kind: PerspectiveKind, months: int | None = None) -> list[Topic]:
    """The stage's topics that an interview from this perspective asks about a child of this age
    (a child is never asked a topic for adults only; a topic for some ages only fits those)."""
    return [t for t in stage.topics if t.asked_of(kind) and t.fits(months)]


def stage_progress(template: Template, interview: Interview, child: Child | None = None) -> list[StageProgress]:
    kind, months = interview.perspective.kind, child_months(child, interview.held_on)
    return [StageProgress(s, sum(is_answered(interview.answers.get(t.key)) for t in topics), len(topics))
            for s in template.stages for topics in [asked_topics(s, kind, months)]]


def overall_progress(template: Template, interview: Interview, child: Child | None = None) -> tuple[int, int]:
    rows = stage_progress(template, interview, child)
    return sum(r.answered for r in rows), sum(r.total for r in rows)


def perspective_label(interview: Interview, case, child: Child | None = None) -> str:
    """"The child (Siobhán)", "Jo Testperson (mother)", "School: class teacher" (see voices.who)."""
    from .voices import who

    return who(interview, case, child)


TEEN_FROM_YEARS = 12  # from this age the child is offered the laptop, not handed to like a little one


def hand_over_words(child: Child, interview: Interview, template: Template) -> tuple[str, str]:
    """The words on the button that starts child mode, and its accessible name: a young child is
    "handed to"; a teenager (12 or over on the day, or on the teenager template) is offered the laptop;
    a parent or carer is offered the same large mode, easy read, with pictures."""
    if interview.perspective.kind is PerspectiveKind.PARENT:
        return "Easy read, with pictures…", "Easy read, with pictures: large screens with short questions"
    months = child_months(child, interview.held_on)
    teen = template.id == "teenager" or (months is not None and months >= 12 * TEEN_FROM_YEARS)
    if teen:
        return "Hand over the laptop…", "Hand over the laptop: start child mode"
    return "Hand to the child…", "Hand to the child: start child mode"

