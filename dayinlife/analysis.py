"""The practitioner's analysis of one child's day: their judgement, not the tool's.

The tool lays out the evidence (see compare.py); everything here is written by the practitioner:
a narrative per neglect type, strengths, worries, impact now and if nothing changes, the
likelihood of change (what has been tried before, the family's capacity to change, the prognosis),
the plan, and optionally each person's 0–10 scale with their reason. Never computed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from .oversight import Review, Version
from .vocab import NeglectType


@dataclass
class NeglectJudgement:
    narrative: str = ""    # the practitioner's reading of the evidence for this type


@dataclass
class Action:
    what: str
    who: str = ""
    by_when: date | None = None


@dataclass
class ScaleRating:
    person: str            # e.g. "Jo (mother)", "Social worker"
    score: int             # 0–10
    reason: str = ""

    def __post_init__(self) -> None:
        if not 0 <= self.score <= 10:
            raise ValueError("a scale rating is from 0 to 10")


@dataclass
class Analysis:
    child_id: str
    interview_ids: list[str] = field(default_factory=list)   # the interviews it is based on
    by_neglect: dict[NeglectType, NeglectJudgement] = field(default_factory=dict)
    strengths: str = ""
    worries: str = ""
    impact_now: str = ""
    impact_if_unchanged: str = ""
    # The likelihood of change, as the practitioner judges it (never computed):
    tried_before: str = ""      # what has been tried before, and what happened
    capacity: str = ""          # the family's capacity to change: what they have shown, what gets in the way
    prognosis: str = ""         # the prognosis for change, in the child's timescale
    actions: list[Action] = field(default_factory=list)
    ratings: list[ScaleRating] = field(default_factory=list)
    practitioner: str = ""
    updated: datetime | None = None
    # Oversight (oversight.py): each version kept for review, and each manager's review. Kept apart
    # from what the analysis says (to_dict), in the store's append-only tables.
    versions: list[Version] = field(default_factory=list)
    reviews: list[Review] = field(default_factory=list)

    def content(self) -> dict[str, Any]:
        """What the analysis says, as a version keeps it (no time of saving)."""
        d = self.to_dict()
        d.pop("updated")
        return d

    LIKELIHOOD = ("tried_before", "capacity", "prognosis")

    def judgement(self, neglect: NeglectType) -> NeglectJudgement:
        return self.by_neglect.setdefault(neglect, NeglectJudgement())

    def to_dict(self) -> dict[str, Any]:
        return {
            "child_id": self.child_id,
            "interview_ids": list(self.interview_ids),
            "by_neglect": {n.value: {"narrative": j.narrative} for n, j in self.by_neglect.items() if j.narrative},
            "strengths": self.strengths,
            "worries": self.worries,
            "impact_now": self.impact_now,
            "impact_if_unchanged": self.impact_if_unchanged,
            "tried_before": self.tried_before,
            "capacity": self.capacity,
            "prognosis": self.prognosis,
            "actions": [{"what": a.what, "who": a.who, "by_when": a.by_when.isoformat() if a.by_when else None}
                        for a in self.actions],
            "ratings": [{"person": r.person, "score": r.score, "reason": r.reason} for r in self.ratings],
            "practitioner": self.practitioner,
            "updated": self.updated.isoformat() if self.updated else None,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Analysis":
        return cls(
            child_id=d["child_id"],
            interview_ids=list(d.get("interview_ids", [])),
            by_neglect={NeglectType(k): NeglectJudgement(v.get("narrative", ""))
                        for k, v in d.get("by_neglect", {}).items()},
            strengths=d.get("strengths", ""),
            worries=d.get("worries", ""),
            impact_now=d.get("impact_now", ""),
            impact_if_unchanged=d.get("impact_if_unchanged", ""),
            tried_before=d.get("tried_before", ""),
            capacity=d.get("capacity", ""),
            prognosis=d.get("prognosis", ""),
            actions=[Action(a["what"], a.get("who", ""),
                            date.fromisoformat(a["by_when"]) if a.get("by_when") else None)
                     for a in d.get("actions", [])],
            ratings=[ScaleRating(r["person"], int(r["score"]), r.get("reason", "")) for r in d.get("ratings", [])],
            practitioner=d.get("practitioner", ""),
            updated=datetime.fromisoformat(d["updated"]) if d.get("updated") else None,
        )
