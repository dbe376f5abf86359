"""A loaded interview template: Template -> Stage -> Topic, with the scales its answers use.

Objects here are already validated (see `template_loader`); they are immutable so that an
interview can hold the exact template it was made with.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Iterator

from .prompts import render_prompt
from .vocab import ChildVoice, NeglectType, StageKind

FORMAT_VERSION = 1
FEELING_SCALE = "feeling"  # the five faces: the feelings scale unless a template names another
ALSO_FELT_SCALE = "also_felt"  # other feelings added beside the face (templates from before 1.2 lack it)


@dataclass(frozen=True)
class ScaleOption:
    value: str
    label: str
    child_label: str
    unranked: bool = False  # outside the scale's order, e.g. "Not sure"
    retired: bool = False   # no longer offered; old answers with it stay readable
    picture: str = ""       # resources/pictures/<picture>.svg, shown large in child mode with the words

    def to_dict(self) -> dict[str, Any]:
        d = {"value": self.value, "label": self.label, "child_label": self.child_label}
        if self.unranked:
            d["unranked"] = True
        if self.retired:
            d["retired"] = True
        if self.picture:  # only when set: a template without pictures keeps its fingerprint
            d["picture"] = self.picture
        return d


@dataclass(frozen=True)
class Scale:
    name: str
    title: str
    ordered: bool
    options: tuple[ScaleOption, ...]
    people: bool = False  # answered by naming people of the household too (see people.py)

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(o.value for o in self.options)

    def option(self, value: str) -> ScaleOption:
        for o in self.options:
            if o.value == value:
                return o
        raise KeyError(f"{value!r} is not an answer on the {self.name!r} scale")

    def to_dict(self) -> dict[str, Any]:
        d = {
            "title": self.title,
            "ordered": self.ordered,
            "options": [o.to_dict() for o in self.options],
        }
        if self.people:
            d["people"] = True
        return d

    @classmethod
    def from_dict(cls, name: str, d: dict[str, Any]) -> "Scale":
        return cls(
            name,
            d["title"],
            d["ordered"],
            tuple(ScaleOption(o["value"], o["label"], o["child_label"], o.get("unranked", False),
                              o.get("retired", False), o.get("picture", ""))
                  for o in d["options"]),
            d.get("people", False),
        )


@dataclass(frozen=True)
class Measure:
    """A comparable answer: every perspective answers `label` on the same `scale`."""

    id: str
    scale: str
    label: str
    good: str = ""  # "first" or "last": which end of an ordered scale is better, if either
    ask: str = "everyone"  # or "adults": something only an adult can know (registered with a GP)
    child_label: str = ""  # the question put to the child, in their words ("How often do you ...?")

    @property
    def for_child(self) -> bool:
        """Whether the child is asked it: never what only an adult can know."""
        return self.ask != "adults"

    def to_dict(self) -> dict[str, Any]:
        d = {"id": self.id, "scale": self.scale, "label": self.label}
        if self.child_label:
            d["child_label"] = self.child_label
        if self.good:  # only when set, so templates without it keep their fingerprints
            d["good"] = self.good
        if self.ask != "everyone":
            d["ask"] = self.ask
        return d


@dataclass(frozen=True)
class Topic:
    key: str
    title: str
    neglect: tuple[NeglectType, ...]
    framework: tuple[str, ...]
    child: str
    parent: str
    professional: str
    agencies: tuple[str, ...]
    observe: str = ""
    parent_own: str = ""
    parent_impact: str = ""
    measures: tuple[Measure, ...] = ()
    # Asked only when the person is seen on their own (domestic abuse, for example): its questions
    # stay folded away until the interview records that, and its answers are always sensitive.
    seen_alone: bool = False
    # "everyone"; "adults": never put to the child (or read in a baby's voice); "child": put to
    # the young person and professionals only, never to a parent or carer (forced marriage, say)
    ask: str = "everyone"
    # (from, to) in whole months of age, from inclusive: a topic only for some ages of a template
    # that spans many (the disabled child's: safe sleep for the under-twos, life online from ten)
    ages: tuple[int, int] | None = None
    # The words on this topic's card when a child sorts the day in child mode (sort.py), in a child's
    # words ("Other people who look after me"); the title when not given.
    card: str = ""

    def fits(self, months: int | None) -> bool:
        """Whether it is asked about a child of this age in months (None: age unknown, so it is)."""
        return self.ages is None or months is None or self.ages[0] <= months < self.ages[1]

    @property
    def for_child(self) -> bool:
        """Whether a child interview asks it."""
        return self.ask != "adults"

    def asked_of(self, kind: "PerspectiveKind") -> bool:
        """Whether an interview from this perspective asks this topic."""
        from .case import PerspectiveKind

        if kind is PerspectiveKind.CHILD:
            return self.for_child
        if kind is PerspectiveKind.PARENT:
            return self.ask != "child"
        return True

    def to_dict(self) -> dict[str, Any]:
        d = {
            "key": self.key,
            "title": self.title,
            "neglect": [n.value for n in self.neglect],
            "framework": list(self.framework),
            "child": self.child,
            "observe": self.observe,
            "parent": self.parent,
            "parent_own": self.parent_own,
            "parent_impact": self.parent_impact,
            "professional": self.professional,
            "agencies": list(self.agencies),
            "measures": [m.to_dict() for m in self.measures],
        }
        if self.seen_alone:  # only when set, so templates without them keep their fingerprints
            d["seen_alone"] = True
        if self.ask != "everyone":
            d["ask"] = self.ask
        if self.ages is not None:
            d["ages"] = list(self.ages)
        if self.card:
            d["card"] = self.card
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Topic":
        return cls(
            key=d["key"],
            title=d["title"],
            neglect=tuple(NeglectType(n) for n in d["neglect"]),
            framework=tuple(d["framework"]),
            child=d["child"],
            parent=d["parent"],
            professional=d["professional"],
            agencies=tuple(d["agencies"]),
            observe=d.get("observe", ""),
            parent_own=d.get("parent_own", ""),
            parent_impact=d.get("parent_impact", ""),
            measures=tuple(Measure(m["id"], m["scale"], m["label"], m.get("good", ""), m.get("ask", "everyone"),
                                   m.get("child_label", ""))
                           for m in d.get("measures", ())),
            seen_alone=d.get("seen_alone", False),
            ask=d.get("ask", "everyone"),
            ages=tuple(d["ages"]) if d.get("ages") else None,
            card=d.get("card", ""),
        )


@dataclass(frozen=True)
class Stage:
    id: str
    title: str
    kind: StageKind
    topics: tuple[Topic, ...]
    hours: tuple[int, int] | None = None
    intro: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "kind": self.kind.value,
            "hours": list(self.hours) if self.hours else None,
            "intro": self.intro,
            "topics": [t.to_dict() for t in self.topics],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Stage":
        hours = d.get("hours")
        return cls(
            id=d["id"],
            title=d["title"],
            kind=StageKind(d["kind"]),
            topics=tuple(Topic.from_dict(t) for t in d["topics"]),
            hours=(hours[0], hours[1]) if hours else None,
            intro=d.get("intro", ""),
        )


@dataclass(frozen=True)
class Suits:
    """Who the template is suggested for. Months may be negative: before birth."""

    from_months: int
    to_months: int
    unborn: bool = False
    disability: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "from_months": self.from_months,
            "to_months": self.to_months,
            "unborn": self.unborn,
            "disability": self.disability,
        }

    def describe(self) -> str:
        if self.unborn:
            return "Before birth"
        lo, hi = self.from_months, self.to_months

        def age(m: int) -> str:
            return f"{m // 12} years" if m % 12 == 0 and m >= 24 else f"{m} months"

        text = f"{age(lo)} up to {age(hi)}" if lo > 0 else f"Birth up to {age(hi)}"
        return text + (", disabled child" if self.disability else "")


@dataclass(frozen=True)
class CommonWording:
    feeling_child: str
    feeling_parent: str
    better_child: str
    better_parent: str
    # What the practitioner says first, in words that fit the age: no right answers, you can pass,
    # what stays private and what cannot. Optional in a file; the app has a plain one of its own.
    opening_child: str = ""
    opening_parent: str = ""
    # Asked beside the faces: any other feelings (scared, cross, hurting, worried), as many as fit.
    # Optional: a template without them (pre-birth) shows no other feelings.
    also_felt_child: str = ""
    also_felt_parent: str = ""
    # What goes well at this point of the day: strengths asked for as often as worries. Optional.
    well_child: str = ""
    well_parent: str = ""
    # The scale the faces are chosen from: the five faces unless the template names another (three
    # faces for young and many disabled children, a baby's states for a baby).
    faces: str = FEELING_SCALE
    # True where the faces record each adult's own feelings (pre-birth: an unborn baby's feelings are
    # not guessed at). Then the child's side has no faces, and the faces are never compared.
    own_feelings: bool = False

    def wording(self) -> list[str]:
        """Every prompt here that a person hears (not the settings)."""
        return [v for k, v in self.to_dict().items() if isinstance(v, str) and k != "faces"]

    def to_dict(self) -> dict[str, Any]:
        out = {
            "feeling_child": self.feeling_child,
            "feeling_parent": self.feeling_parent,
            "better_child": self.better_child,
            "better_parent": self.better_parent,
        }
        for name in ("opening_child", "opening_parent", "also_felt_child", "also_felt_parent", "well_child",
                     "well_parent"):
            if getattr(self, name):
                out[name] = getattr(self, name)
        if self.faces != FEELING_SCALE:  # left out when the default, so older fingerprints hold
            out["faces"] = self.faces
        if self.own_feelings:
            out["own_feelings"] = True
        return out


DRAFT, APPROVED = "draft", "approved"
DRAFT_LABEL = "Draft — not yet approved for use"


@dataclass(frozen=True)
class Review:
    """Who signed the template off for use with families, and when. Until a designated professional
    of the local partnership has, it is a draft, and the app and the report say so."""

    status: str = DRAFT          # "draft" or "approved"
    reviewed_by: str = ""        # name and role of whoever signed it off
    reviewed_on: str = ""        # YYYY-MM-DD

    @property
    def approved(self) -> bool:
        return self.status == APPROVED and bool(self.reviewed_by) and bool(self.reviewed_on)

    @property
    def label(self) -> str:
        """'Draft — not yet approved for use', or 'Approved for use by ..., on 2027-01-15'."""
        if not self.approved:
            return DRAFT_LABEL
        return f"Approved for use by {self.reviewed_by}, on {self.reviewed_on}"

    def to_dict(self) -> dict[str, str]:
        return {"status": self.status, "reviewed_by": self.reviewed_by, "reviewed_on": self.reviewed_on}


@dataclass(frozen=True)
class TemplateRef:
    """What an interview records about the template it used."""

    id: str
    version: str
    content_hash: str

    def to_dict(self) -> dict[str, str]:
        return {"id": self.id, "version": self.version, "hash": self.content_hash}


@dataclass(frozen=True)
class Template:
    id: str
    title: str
    version: str
    summary: str
    child_voice: ChildVoice
    suits: Suits
    common: CommonWording
    stages: tuple[Stage, ...]
    scales: dict[str, Scale] = field(hash=False)
    source: str = field(default="", compare=False)
    review: Review = field(default_factory=Review)

    def topics(self) -> Iterator[Topic]:
        for stage in self.stages:
            yield from stage.topics

    def topic(self, key: str) -> Topic:
        for t in self.topics():
            if t.key == key:
                return t
        raise KeyError(f"template {self.id!r} has no topic {key!r}")

    def stage_of(self, key: str) -> Stage:
        for stage in self.stages:
            if any(t.key == key for t in stage.topics):
                return stage
        raise KeyError(f"template {self.id!r} has no topic {key!r}")

    def stage(self, stage_id: str) -> Stage:
        for stage in self.stages:
            if stage.id == stage_id:
                return stage
        raise KeyError(f"template {self.id!r} has no stage {stage_id!r}")

    @property
    def feelings(self) -> Scale:
        """The scale the faces are chosen from (the five faces unless the template names another)."""
        return self.scales[self.common.faces]

    @property
    def topic_count(self) -> int:
        return sum(len(s.topics) for s in self.stages)

    @property
    def neglect_types(self) -> set[NeglectType]:
        return {n for t in self.topics() for n in t.neglect}

    def to_dict(self) -> dict[str, Any]:
        """The parsed template as plain data: what `templates show --json` prints and what a
        case file carries so an old interview renders without the file it was made with."""
        return {
            "format": FORMAT_VERSION,
            "id": self.id,
            "title": self.title,
            "version": self.version,
            "summary": self.summary,
            "child_voice": self.child_voice.value,
            "suits": self.suits.to_dict(),
            "common": self.common.to_dict(),
            "stages": [s.to_dict() for s in self.stages],
            "scales": {name: self.scales[name].to_dict() for name in sorted(self.scales)},
            "review": self.review.to_dict(),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any], source: str = "") -> "Template":
        return cls(
            id=d["id"],
            title=d["title"],
            version=d["version"],
            summary=d.get("summary", ""),
            child_voice=ChildVoice(d["child_voice"]),
            suits=Suits(**d["suits"]),
            common=CommonWording(**d["common"]),
            stages=tuple(Stage.from_dict(s) for s in d["stages"]),
            scales={n: Scale.from_dict(n, s) for n, s in d["scales"].items()},
            source=source,
            review=Review(**d["review"]) if "review" in d else Review(),  # older snapshots: drafts
        )

    @cached_property
    def content_hash(self) -> str:
        """A fingerprint of the content (not of comments or layout in the file)."""
        return content_hash(self.to_dict())

    @property
    def ref(self) -> TemplateRef:
        return TemplateRef(self.id, self.version, self.content_hash)

    def render(self, source: str, name: str, pronouns: str = "they") -> str:
        return render_prompt(source, name, pronouns)


def content_hash(data: dict[str, Any]) -> str:
    canonical = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()
