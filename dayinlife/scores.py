"""Scores from other tools the practitioner already uses, recorded beside the day: the Graded Care
Profile 2's area levels, the SDQ's scale scores, Outcomes Star readings, or a measure of the
organisation's own. Each is a set of scores on a date, who scored it, the children it is about, and
the practitioner's notes.

Only the scores are kept, with the areas' names: never a licensed tool's questions, descriptors or
guidance (the GCP2 and the SDQ are licensed; the practitioner uses their own copy). The tool adds
nothing up and reads nothing into a score: the practitioner judges. Plain Python, no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any


@dataclass(frozen=True)
class Measure:
    """A kind of tool: its areas (fixed, or named by the practitioner), the range of a score, and
    which end is the better one (said beside the scores, so no one misreads a GCP2 1 as low)."""

    key: str
    title: str
    areas: tuple[tuple[str, str], ...]          # (key, name); empty: the practitioner names the areas
    low: int
    high: int
    better: str                                 # words for which end is better, shown with the scores
    named: bool = False                         # the practitioner names the tool itself (which star, which measure)
    ranges: dict[str, tuple[int, int]] = field(default_factory=dict)  # an area with its own range


# Short names for a table's narrow column (the full names are in the form and the report).
SHORT = {"physical": "Physical", "safety": "Safety", "love": "Love and belonging", "esteem": "Esteem",
         "emotional": "Emotional", "conduct": "Conduct", "hyperactivity": "Hyperactivity", "peer": "Peer",
         "prosocial": "Prosocial", "total": "Total"}

MEASURES: dict[str, Measure] = {m.key: m for m in (
    Measure("gcp2", "Graded Care Profile 2 (GCP2)",
            (("physical", "Physical care"), ("safety", "Care of safety"),
             ("love", "Emotional care: love and belonging"), ("esteem", "Developmental care: esteem")),
            1, 5, "1 is the best care, 5 the poorest"),
    Measure("sdq", "Strengths and Difficulties Questionnaire (SDQ)",
            (("emotional", "Emotional symptoms"), ("conduct", "Conduct problems"),
             ("hyperactivity", "Hyperactivity and inattention"), ("peer", "Peer relationship problems"),
             ("prosocial", "Prosocial behaviour"), ("total", "Total difficulties")),
            0, 10, "higher is more difficulty, except prosocial behaviour, where higher is better",
            ranges={"total": (0, 40)}),
    Measure("star", "Outcomes Star", (), 1, 10, "higher is further on the journey", named=True),
    Measure("custom", "Another measure", (), 0, 10, "", named=True),
)}

SDQ_INFORMANTS = ("parent or carer", "teacher", "the young person")
NOTES_LIMIT = 20_000
MAX_AREAS = 30


@dataclass
class Score:
    area: str        # the area's key for a fixed tool, else its name as the practitioner typed it
    value: int


@dataclass
class ScoreSet:
    """One tool completed on one day."""

    measure: str                                      # a key of MEASURES
    on: date
    scores: list[Score] = field(default_factory=list)
    name: str = ""                                    # which star, which measure ("Family Star Plus")
    by: str = ""                                      # who scored it (name and role; with the family, or not)
    informant: str = ""                               # the SDQ: who completed the questionnaire
    child_ids: list[str] = field(default_factory=list)
    notes: str = ""                                   # the practitioner's notes: never the tool's own wording
    low: int | None = None                            # another measure's own range
    high: int | None = None
    better: str = ""                                  # another measure: which end is better, in the user's words
    id: str = ""
    updated: datetime | None = None

    def __post_init__(self) -> None:
        if not self.id:
            from .case import new_id

            self.id = new_id()

    @property
    def kind(self) -> Measure:
        return MEASURES[self.measure]

    @property
    def title(self) -> str:
        """'Graded Care Profile 2 (GCP2)', 'Outcomes Star (Family Star Plus)', or another measure's name."""
        if self.measure == "star":
            return f"Outcomes Star ({self.name.strip()})" if self.name.strip() else self.kind.title
        if self.measure == "custom":
            return self.name.strip() or self.kind.title
        return self.kind.title

    def range_of(self, area: str) -> tuple[int, int]:
        if self.measure == "custom" and self.low is not None and self.high is not None:
            return self.low, self.high
        return self.kind.ranges.get(area, (self.kind.low, self.kind.high))

    def area_name(self, area: str) -> str:
        return dict(self.kind.areas).get(area, area)

    def better_words(self) -> str:
        return self.better.strip() if self.measure == "custom" else self.kind.better

    def value(self, area: str) -> int | None:
        return next((s.value for s in self.scores if s.area == area), None)

    def concerns(self, child_id: str) -> bool:
        return not self.child_ids or child_id in self.child_ids


def problem(s: ScoreSet, known_children: set[str] | None = None) -> str | None:
    """What is wrong with a set of scores, in words; None when it can be kept."""
    if s.measure not in MEASURES:
        return f"“{s.measure}” is not a tool this app records ({', '.join(MEASURES)})."
    kind = s.kind
    if kind.named and not s.name.strip():
        return "Say which star it is." if s.measure == "star" else "Give the measure's name."
    if s.measure == "custom":
        if s.low is None or s.high is None or s.low >= s.high:
            return "Give the measure's range: its lowest and highest score, the lowest first."
    if not s.scores:
        return "Give at least one score."
    if len(s.scores) > MAX_AREAS:
        return f"At most {MAX_AREAS} areas in one set of scores."
    areas = [sc.area for sc in s.scores]
    if len(set(a.casefold() for a in areas)) != len(areas):
        return "Each area is scored once."
    fixed = dict(kind.areas)
    for sc in s.scores:
        if fixed and sc.area not in fixed:
            return f"“{sc.area}” is not an area of the {kind.title}."
        if not fixed and not sc.area.strip():
            return "Name each area scored."
        low, high = s.range_of(sc.area)
        if isinstance(sc.value, bool) or not isinstance(sc.value, int) or not low <= sc.value <= high:
            return f"{s.area_name(sc.area)}: a score is a whole number from {low} to {high}."
    if len(s.notes) > NOTES_LIMIT:
        return f"The notes are {len(s.notes):,} characters long; at most {NOTES_LIMIT:,}."
    if known_children is not None and any(c not in known_children for c in s.child_ids):
        return "A child named is not in this case."
    return None


def clean(s: ScoreSet, known_children: set[str]) -> ScoreSet:
    s.name, s.by, s.informant, s.notes, s.better = (x.strip() for x in (s.name, s.by, s.informant, s.notes, s.better))
    s.child_ids = [c for i, c in enumerate(s.child_ids) if c in known_children and c not in s.child_ids[:i]]
    for sc in s.scores:
        sc.area = sc.area.strip()
    if s.kind.areas:  # in the tool's own order
        order = [k for k, _ in s.kind.areas]
        s.scores.sort(key=lambda sc: order.index(sc.area) if sc.area in order else len(order))
    if s.measure != "custom":
        s.low = s.high = None
        s.better = ""
    return s


def for_child(sets: list[ScoreSet], child_id: str) -> list[ScoreSet]:
    """The sets about one child (or the whole family), oldest first."""
    return sorted((s for s in sets if s.concerns(child_id)), key=lambda s: (s.on, s.title))


def series(sets: list[ScoreSet]) -> dict[tuple[str, str], list[ScoreSet]]:
    """Sets of the same tool (and, for a named one, the same name) together, to read over time."""
    out: dict[tuple[str, str], list[ScoreSet]] = {}
    for s in sets:
        out.setdefault((s.measure, s.title.casefold()), []).append(s)
    return out


def to_dict(s: ScoreSet) -> dict[str, Any]:
    d = {"id": s.id, "measure": s.measure, "on": s.on.isoformat(), "name": s.name, "by": s.by,
         "informant": s.informant, "children": list(s.child_ids), "notes": s.notes,
         "scores": [{"area": sc.area, "value": sc.value} for sc in s.scores],
         "updated": s.updated.isoformat() if s.updated else None}
    if s.measure == "custom":
        d.update(low=s.low, high=s.high, better=s.better)
    return d


def from_dict(d: dict[str, Any]) -> ScoreSet:
    """A set as the store keeps it (checked when it was kept or imported)."""
    return ScoreSet(d["measure"], date.fromisoformat(d["on"]), [Score(x["area"], int(x["value"])) for x in d["scores"]],
                    d.get("name", ""), d.get("by", ""), d.get("informant", ""), list(d.get("children", [])),
                    d.get("notes", ""), d.get("low"), d.get("high"), d.get("better", ""), d["id"],
                    datetime.fromisoformat(d["updated"]) if d.get("updated") else None)
