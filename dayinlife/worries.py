""""Something worries me": what a child flagged in child mode, as the practitioner reads it.

The child presses the button at any stage and may say what it is. The tool keeps where and when,
and the child's words if any; it never decides what a worry means or how serious it is. The
practitioner sees each worry at once on leaving child mode, at the head of the compare screen,
and first under the child's voice in the report. Never on a screen meant for a parent.
"""

from __future__ import annotations

from dataclasses import dataclass

from .case import Case, Child, Interview, PerspectiveKind, Worry
from .dates import uk_date
from .template_model import Template

BUTTON = "Something worries me"


@dataclass(frozen=True)
class WorryShown:
    """One worry as the practitioner reads it: the stage (and topic) by its title, when, the words."""

    worry: Worry
    stage: str   # the stage's title ("Bedtime"), or its id where the template no longer has it
    topic: str   # the topic's title, or ""
    when: str    # "03/12/2026 10:42"

    @property
    def where(self) -> str:
        return f"{self.stage} ({self.topic})" if self.topic and self.topic != self.stage else self.stage

    def line(self, called: str) -> str:
        """'Bedtime (Going to sleep), 03/12/2026 10:42: “I hear shouting”' or '…: Jay did not say what.'
        (the stage's own title leads: "At school" reads badly after "at")."""
        said = f"“{self.worry.words}”" if self.worry.words else f"{called} did not say what."
        return f"{self.where}, {self.when}: {said}"


def shown(worry: Worry, template: Template) -> WorryShown:
    stage = next((s for s in template.stages if s.id == worry.stage_key), None)
    topic = next((t for t in stage.topics if t.key == worry.topic_key), None) if stage is not None else None
    at = worry.at.astimezone() if worry.at.tzinfo is not None else worry.at
    when = f"{uk_date(at.date())} {at.hour:02d}:{at.minute:02d}"
    return WorryShown(worry, stage.title if stage is not None else worry.stage_key,
                      topic.title if topic is not None else "", when)


def worries_in(interview: Interview, template: Template) -> list[WorryShown]:
    """The interview's worries, oldest first (only a child's own interview has any)."""
    if interview.perspective.kind is not PerspectiveKind.CHILD:
        return []
    return [shown(w, template) for w in sorted(interview.worries, key=lambda w: w.at)]


def unplaced(worry: Worry) -> WorryShown:
    """A worry whose template is no longer to hand: still said, by its stage's id."""
    return WorryShown(worry, worry.stage_key, "", uk_date(worry.at.date()))


def across(interviews, template_for) -> list[tuple[Interview, WorryShown]]:
    """Every worry in these interviews (only a child's own have any), oldest first.
    `template_for(interview)` gives the template the interview was made with."""
    out = []
    for iv in interviews:
        if iv.perspective.kind is PerspectiveKind.CHILD and iv.worries:
            out += [(iv, w) for w in worries_in(iv, template_for(iv))]
    return sorted(out, key=lambda pair: pair[1].worry.at)


def child_worries(case: Case, child: Child, template_for) -> list[tuple[Interview, WorryShown]]:
    """Every worry the child flagged, in every one of their own interviews, oldest first."""
    return across(child.interviews, template_for)


def times(count: int) -> str:
    return {1: "once", 2: "twice"}.get(count, f"{count} times")


def summary(called: str, count: int) -> str:
    """'Jay pressed “Something worries me” twice.'"""
    return f"{called} pressed “{BUTTON}” {times(count)}."


def in_child_mode(called: str, listed: list[WorryShown]) -> str:
    """'Jay pressed “Something worries me” twice in child mode (Bedtime; At school).': short, the
    stages each named once, so a small screen keeps its room."""
    stages = "; ".join(dict.fromkeys(w.stage for w in listed))
    return f"{summary(called, len(listed))[:-1]} in child mode ({stages})."
