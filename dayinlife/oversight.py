"""Management oversight of an analysis: versions kept for review, and a manager's review of each.

The practitioner keeps a version of the analysis when it is ready to be read (who wrote it and
when, and exactly what it said); a manager records a review of a version: who, when, comments, and
approved or returned. Both are kept for good: the store refuses to change or delete them while the
child is in the case (an audit trail that cannot be edited away). The report says DRAFT on every page
until the analysis as it stands is a version a manager approved. Plain Python, no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .analysis import Analysis

COMMENTS_LIMIT = 20_000


class Outcome(str, Enum):
    APPROVED = "approved"
    RETURNED = "returned"

    @property
    def label(self) -> str:
        return {Outcome.APPROVED: "Approved", Outcome.RETURNED: "Returned for more work"}[self]


@dataclass(frozen=True)
class Version:
    """The analysis exactly as it was when the practitioner kept it."""

    number: int
    at: datetime
    by: str                     # who wrote it (the analysis's "written by")
    data: dict[str, Any]        # Analysis.content(): what it said
    id: str = field(default="")


@dataclass(frozen=True)
class Review:
    """A manager's review of one kept version."""

    version: int                # the number of the version reviewed
    by: str                     # who reviewed it (name and role)
    at: datetime
    outcome: Outcome
    comments: str = ""
    id: str = field(default="")


class Status(str, Enum):
    NOT_KEPT = "not_kept"             # no version kept for review yet
    AWAITING = "awaiting"             # the latest version has no review yet
    RETURNED = "returned"             # the latest review returned it
    APPROVED = "approved"             # the analysis as it stands is the version approved
    CHANGED = "changed"               # approved, but changed since: a draft again


def latest_review(reviews: list[Review], version: int) -> Review | None:
    of = [r for r in reviews if r.version == version]
    return max(of, key=lambda r: r.at) if of else None


def status(analysis: "Analysis | None") -> Status:
    if analysis is None or not analysis.versions:
        return Status.NOT_KEPT
    last = analysis.versions[-1]
    review = latest_review(analysis.reviews, last.number)
    if review is None:  # (changed since it was kept: still awaiting, a newer version to keep)
        return Status.AWAITING
    if review.outcome is Outcome.RETURNED:
        return Status.RETURNED
    return Status.APPROVED if analysis.content() == last.data else Status.CHANGED


def is_approved(analysis: "Analysis | None") -> bool:
    return status(analysis) is Status.APPROVED


def unwritten(analysis: "Analysis | None") -> list[str]:
    """The parts of the analysis with nothing written yet, in its order, for whoever submits or reviews
    it (a manager approved one whose Emotional, Physical and Supervision read "Not written yet" with
    nothing said). The tool only says so: whether they are needed is the practitioner's and the
    manager's judgement."""
    from .vocab import NeglectType

    if analysis is None:
        return []
    out = [n.label for n in NeglectType if not getattr(analysis.by_neglect.get(n), "narrative", "").strip()]
    for label, text in (("strengths", analysis.strengths), ("worries", analysis.worries),
                        ("impact now", analysis.impact_now), ("impact if nothing changes", analysis.impact_if_unchanged),
                        ("what has been tried before", analysis.tried_before), ("capacity to change", analysis.capacity),
                        ("prognosis", analysis.prognosis)):
        if not text.strip():
            out.append(label)
    if not analysis.actions:
        out.append("the plan")
    return out


def status_words(analysis: "Analysis | None", full_time) -> str:
    """One sentence for the screen and the report: where the analysis stands."""
    s = status(analysis)
    if s is Status.NOT_KEPT:
        return "A draft: no version has been submitted for a manager's review yet."
    last = analysis.versions[-1]
    review = latest_review(analysis.reviews, last.number)
    kept = f"Version {last.number} was submitted on {full_time(last.at)}" + (f" by {last.by}" if last.by else "")
    if s is Status.AWAITING:
        changed = "" if analysis.content() == last.data else "; the analysis has changed since"
        return f"A draft awaiting a manager's review. {kept}{changed}."
    said = f"by {review.by} on {full_time(review.at)}"
    if s is Status.RETURNED:
        return f"A draft: version {last.number} was returned for more work {said}."
    if s is Status.CHANGED:
        return (f"A draft again: version {last.number} was approved {said}, and the analysis has changed "
                f"since. Submit a new version for review.")
    return f"Approved: version {last.number}, approved {said}."


def version_to_dict(v: Version) -> dict[str, Any]:
    return {"id": v.id, "number": v.number, "at": v.at.isoformat(), "by": v.by, "data": v.data}


def version_from_dict(d: dict[str, Any]) -> Version:
    return Version(int(d["number"]), datetime.fromisoformat(d["at"]), d.get("by", ""), dict(d.get("data", {})),
                   d.get("id", ""))


def review_to_dict(r: Review) -> dict[str, Any]:
    return {"id": r.id, "version": r.version, "by": r.by, "at": r.at.isoformat(), "outcome": r.outcome.value,
            "comments": r.comments}


def review_from_dict(d: dict[str, Any]) -> Review:
    return Review(int(d["version"]), d.get("by", ""), datetime.fromisoformat(d["at"]), Outcome(d["outcome"]),
                  d.get("comments", ""), d.get("id", ""))
