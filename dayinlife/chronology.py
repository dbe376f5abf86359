"""A case's chronology of significant events: a cumulative record of what happened to the
children and its impact on them, kept from the start, not put together when proceedings begin.

Each event is the practitioner's record of a fact: when (a day, or only the month when that is all
that is known), who it comes from (an agency or a person), what happened, its impact on the child
(in words, and whether it harmed the child, was good for them or is not known yet), the action
taken, which children it concerns, and the types of neglect it bears on. Good events belong in it
as much as bad ones.

The app's own work goes in by itself: every interview and every analysis appears on its date
(`entries`), worked out from the case each time, never typed twice. Plain Python, no Qt.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum
from typing import TYPE_CHECKING

from .dates import DateProblem, FORMAT_HINT, parse_date, uk_date
from .vocab import NeglectType

if TYPE_CHECKING:
    from .case import Case, Child

MONTH_HINT = ("Type the day, month and year (14/03/2021), or only the month and year (03/2021 or March 2021), "
              "or only the year (2021).")
_MONTHS = {name.casefold(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.casefold(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_MONTH_NUMBER = re.compile(r"^\s*(\d{1,2})\s*[/.\-\s]\s*(\d{4})\s*$")
_MONTH_NAME = re.compile(r"^\s*([A-Za-z]+)\.?\s*,?\s*(\d{4})\s*$")
_ISO_MONTH = re.compile(r"^\s*(\d{4})-(\d{1,2})\s*$")
_SIX_DIGITS = re.compile(r"^\s*(\d{2})(\d{4})\s*$")
_YEAR = re.compile(r"^\d{4}$")


@dataclass(frozen=True)
class EventDate:
    """A day, or a month when the day is not known (`day` None), or only the year (`month` None too:
    an old record often says no more than "2019"). Orders by time; a month comes before the days in
    it, a year before its months."""

    year: int
    month: int | None
    day: int | None = None

    def __post_init__(self) -> None:
        if self.month is None and self.day is not None:
            raise ValueError("a day needs its month")
        date(self.year, self.month or 1, self.day or 1)  # raises ValueError for a date that does not exist

    def _key(self) -> tuple[int, int, int]:
        return self.year, self.month or 0, self.day or 0

    def __lt__(self, other: "EventDate") -> bool:  # None sorts as 0: a month before its days
        return self._key() < other._key()

    def __le__(self, other: "EventDate") -> bool:
        return self._key() <= other._key()

    def __gt__(self, other: "EventDate") -> bool:
        return self._key() > other._key()

    def __ge__(self, other: "EventDate") -> bool:
        return self._key() >= other._key()

    @classmethod
    def of(cls, day: date) -> "EventDate":
        return cls(day.year, day.month, day.day)

    @property
    def first_day(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    @property
    def last_day(self) -> date:
        """The last day it may be: the day, the month's last, or the 31st of December."""
        if self.month is None:
            return date(self.year, 12, 31)
        return date(self.year, self.month, self.day or calendar.monthrange(self.year, self.month)[1])

    @property
    def month_only(self) -> bool:
        return self.day is None and self.month is not None

    @property
    def year_only(self) -> bool:
        return self.month is None

    @property
    def iso(self) -> str:
        return (f"{self.year:04d}" + (f"-{self.month:02d}" if self.month else "")
                + (f"-{self.day:02d}" if self.day else ""))

    @property
    def text(self) -> str:
        """'14/03/2021', 'March 2021' when only the month is known, '2021' when only the year."""
        if self.month is None:
            return str(self.year)
        return uk_date(self.first_day) if self.day else f"{calendar.month_name[self.month]} {self.year}"

    @property
    def typed(self) -> str:
        """As it is typed in the app's date box: '14/03/2021', '03/2021' or '2021'."""
        if self.month is None:
            return str(self.year)
        return uk_date(self.first_day) if self.day else f"{self.month:02d}/{self.year}"

    @property
    def fraction(self) -> float:
        """The year with the time through it, for drawing on a timeline (the middle of a month
        whose day is not known)."""
        if self.month is None:  # the middle of the year
            return self.year + 0.5
        start = date(self.year, 1, 1)
        days = 366 if calendar.isleap(self.year) else 365
        if self.day is None:
            last = calendar.monthrange(self.year, self.month)[1]
            through = (date(self.year, self.month, 1) - start).days + last / 2
        else:
            through = (self.first_day - start).days + 0.5
        return self.year + through / days


def parse_iso_event_date(text: str) -> EventDate:
    """'2021-03-14', '2021-03' or '2021' (the case file's form). Raises ValueError."""
    found = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", text)
    if not found:
        raise ValueError(text)
    year, month, day = found.groups()
    return EventDate(int(year), int(month) if month else None, int(day) if day else None)


def read_event_date(text: str, latest: date | None = None) -> EventDate | None:
    """The date typed for an event: a whole date the UK way (dates.parse_date), only the month
    ('03/2021', '3 2021', 'March 2021', 'Mar 2021', '2021-03'), or only the year ('2021'). None when empty. Raises
    DateProblem, with the reason, for anything else, and for a date after `latest` (today)."""
    if not text or not text.strip():
        return None
    typed = text.strip()
    month_year = (_MONTH_NUMBER.match(typed) or _SIX_DIGITS.match(typed))
    found: EventDate | None = None
    if _YEAR.match(typed):
        year = int(typed)
        if year < 1900:
            raise DateProblem(f"“{typed}” is not a date this tool can use: the year {year} is too early.")
        found = EventDate(year, None)
    elif month_year:
        month, year = int(month_year.group(1)), int(month_year.group(2))
        found = _month(typed, month, year)
    elif (named := _MONTH_NAME.match(typed)) is not None:
        month = _MONTHS.get(named.group(1).casefold())
        if month is None:
            raise DateProblem(f"“{typed}”: “{named.group(1)}” is not the name of a month. {MONTH_HINT}")
        found = _month(typed, month, int(named.group(2)))
    elif (iso := _ISO_MONTH.match(typed)) is not None:
        found = _month(typed, int(iso.group(2)), int(iso.group(1)))
    else:
        try:
            day = parse_date(typed)
        except DateProblem as exc:
            raise DateProblem(str(exc).replace(FORMAT_HINT, MONTH_HINT)) from None
        found = EventDate.of(day)
    if latest is not None and found.first_day > latest:
        raise DateProblem("That date is in the future: the chronology records what has happened.")
    return found


def _month(typed: str, month: int, year: int) -> EventDate:
    if not 1 <= month <= 12:
        raise DateProblem(f"“{typed}” is not a date: there is no month {month}. {MONTH_HINT}")
    if year < 1900:
        raise DateProblem(f"“{typed}” is not a date this tool can use: the year {year} is too early.")
    return EventDate(year, month)


class Effect(str, Enum):
    """What the event meant for the child, as the practitioner records it."""

    HARMFUL = "harmful"
    GOOD = "good"
    NOT_KNOWN = "not_known"

    @property
    def label(self) -> str:
        return {Effect.HARMFUL: "Harmful to the child", Effect.GOOD: "Good for the child",
                Effect.NOT_KNOWN: "Not known yet"}[self]

    @property
    def sign(self) -> str:
        """The short mark a chronology uses: − harmful, + good, ? not known."""
        return {Effect.HARMFUL: "−", Effect.GOOD: "+", Effect.NOT_KNOWN: "?"}[self]


TEXT_LIMIT = 20_000  # characters in one field of an event: pages of it, far beyond a chronology's entry


@dataclass
class Event:
    """One significant event, as the practitioner recorded it."""

    when: EventDate
    what: str                                   # what happened, in plain words: facts, not opinion
    source: str = ""                            # where it comes from: an agency, a person, a record
    impact: str = ""                            # its impact on the child, in words
    effect: Effect = Effect.NOT_KNOWN
    action: str = ""                            # the action taken, if any
    child_ids: list[str] = field(default_factory=list)   # the children it concerns; none: the whole family
    neglect: list[NeglectType] = field(default_factory=list)
    id: str = ""
    created: datetime | None = None
    updated: datetime | None = None

    def __post_init__(self) -> None:
        if not self.id:
            from .case import new_id

            self.id = new_id()

    def concerns(self, child_id: str) -> bool:
        return not self.child_ids or child_id in self.child_ids


class Kind(str, Enum):
    """Where an entry of the chronology comes from."""

    EVENT = "event"          # typed by the practitioner
    INTERVIEW = "interview"  # one of the app's interviews, on the day it was held
    ANALYSIS = "analysis"    # the practitioner's analysis of a child, on the day it was last saved
    DISCLOSURE = "disclosure"  # something disclosed, or "Something worries me", in an interview (never its words)
    VERSION = "version"      # a version of the analysis kept for a manager's review
    REVIEW = "review"        # a manager's review of the analysis


APP_SOURCE = "Day in My Life"


@dataclass
class Entry:
    """One row of the chronology as it is shown: an event, or the app's own work on its date."""

    when: EventDate
    what: str
    source: str
    kind: Kind
    child_ids: list[str]
    impact: str = ""
    effect: Effect | None = None
    action: str = ""
    neglect: list[NeglectType] = field(default_factory=list)
    event: Event | None = None        # for kind EVENT: the event itself (to edit it)
    ref: str = ""                     # for the app's entries: the interview's id or the child's id
    at: datetime | None = None        # the time of day, where the app knows it (orders a day's entries)

    @property
    def typed_by_hand(self) -> bool:
        return self.kind is Kind.EVENT


def entries(case: "Case", child_id: str | None = None, neglect: NeglectType | None = None,
            *, newest_first: bool = False, name=lambda s: s, text=lambda s: s, oversight: bool = True) -> list[Entry]:
    """The whole chronology, in time order (oldest first unless `newest_first`): the events typed,
    and each interview and analysis. `child_id` keeps what concerns one child (events for the
    whole family included); `neglect` keeps the events about one type of neglect (the app's own
    entries have no type, so they go). `name` and `text` rewrite names and free text (the report's
    anonymiser). `oversight` False leaves out the versions submitted for review and the reviews (the
    report lists them in a section of their own)."""
    from .voices import who

    out: list[Entry] = []
    for ev in case.chronology:
        if child_id is not None and not ev.concerns(child_id):
            continue
        if neglect is not None and neglect not in ev.neglect:
            continue
        out.append(Entry(ev.when, text(ev.what), text(ev.source), Kind.EVENT, list(ev.child_ids), text(ev.impact),
                         ev.effect, text(ev.action), list(ev.neglect), ev))
    if neglect is None:
        for child in case.children:
            if child_id is not None and child.id != child_id:
                continue
            called = name(child.called) or "the child"
            their = _their(child)
            for iv in child.interviews:
                seen = who(iv, case, child, name=name, text=text)
                if iv.perspective.kind.value == "parent":
                    what = _sentence(f"Day in the life interview with {seen} about {called}'s day")
                elif iv.perspective.kind.value == "professional":
                    what = _sentence(f"Day in the life account from {seen} about {called}'s day")
                elif seen.startswith("The baby's voice"):
                    what = f"Day in the life of {called}, told in the baby's voice from what was seen and heard."
                else:
                    what = f"Day in the life interview with {called}" + (", seen on {their} own.".format(their=their)
                                                                         if iv.seen_alone else ".")
                by = " ".join((iv.practitioner or case.practitioner).split())
                out.append(Entry(EventDate.of(iv.held_on), what, text(by) or APP_SOURCE, Kind.INTERVIEW,
                                 [child.id], ref=iv.id))
                # what was disclosed, and each "Something worries me": on its day, never its words
                for d in iv.disclosures:
                    out.append(Entry(EventDate.of(d.at.date()), f"Something was disclosed in the day in the life "
                                     f"interview ({seen}); the words are kept with the interview, for professionals "
                                     f"only.", text(by) or APP_SOURCE, Kind.DISCLOSURE, [child.id],
                                     ref=f"{iv.id}:{d.id}", at=d.at))
                if iv.worries:
                    first = min(w.at for w in iv.worries)
                    out.append(Entry(EventDate.of(first.date()), f"{called} pressed “Something worries me” "
                                     f"{_times(len(iv.worries))} in the interview; what it is about is kept with the "
                                     f"interview, for professionals only.", text(by) or APP_SOURCE, Kind.DISCLOSURE,
                                     [child.id], ref=f"{iv.id}:worries", at=first))
            analysis = case.analyses.get(child.id)
            if analysis is None:
                continue
            for v in (analysis.versions if oversight else ()):
                out.append(Entry(EventDate.of(v.at.date()), f"Analysis of {called}'s day: version {v.number} submitted "
                                 f"for a manager's review.", text(v.by) or APP_SOURCE, Kind.VERSION, [child.id],
                                 ref=f"{child.id}:{v.number}", at=v.at))
            for r in (analysis.reviews if oversight else ()):
                out.append(Entry(EventDate.of(r.at.date()), f"Manager's review of the analysis of {called}'s day, "
                                 f"version {r.version}: {r.outcome.label.lower()}.", text(r.by), Kind.REVIEW,
                                 [child.id], ref=f"{child.id}:{r.id}", at=r.at))
            changed = not analysis.versions or analysis.versions[-1].data != analysis.content()
            if not changed and not oversight:  # saved since, unchanged: what stands is the version submitted
                v = analysis.versions[-1]
                # with where its review stands: "submitted for review" beside "Approved: version 2" on the
                # cover read as a contradiction to the manager who had approved it
                read = [r for r in analysis.reviews if r.version == v.number]
                stands = (f"{read[-1].outcome.label.lower()} by {text(read[-1].by)} on "
                          f"{read[-1].at.day} {read[-1].at:%B %Y}" if read else "awaiting a manager's review")
                out.append(Entry(EventDate.of(v.at.date()), f"Analysis of {called}'s day: version {v.number} "
                                 f"submitted for a manager's review; {stands}.", text(v.by) or APP_SOURCE,
                                 Kind.VERSION, [child.id], ref=f"{child.id}:{v.number}", at=v.at))
            elif analysis.updated is not None and _written(analysis) and changed:
                by = " ".join(analysis.practitioner.split())
                out.append(Entry(EventDate.of(analysis.updated.date()),
                                 f"Analysis of {called}'s day, last saved.", text(by) or APP_SOURCE, Kind.ANALYSIS,
                                 [child.id], ref=child.id, at=analysis.updated))
    order = {Kind.EVENT: 0, Kind.INTERVIEW: 1, Kind.DISCLOSURE: 1, Kind.ANALYSIS: 2, Kind.VERSION: 2, Kind.REVIEW: 2}
    out.sort(key=lambda e: (e.when, order[e.kind], e.at.timestamp() if e.at else 0.0), reverse=newest_first)
    return out


def _times(n: int) -> str:
    return "once" if n == 1 else "twice" if n == 2 else f"{n} times"


def _sentence(text: str) -> str:
    """A full stop at the end, unless the text (someone's own words at its end) has one already."""
    return text if text.rstrip()[-1:] in ".!?…" else text + "."


def _their(child) -> str:
    from .prompts import Pronouns

    try:
        return Pronouns.named(child.pronouns).their
    except Exception:
        return "their"


def _written(analysis) -> bool:
    d = analysis.to_dict()
    return any(d.get(k) for k in ("by_neglect", "strengths", "worries", "impact_now", "impact_if_unchanged",
                                  "tried_before", "capacity", "prognosis", "actions", "ratings"))


def children_words(case: "Case", child_ids: list[str], name=lambda s: s) -> str:
    """'Maisie, Sam' or 'The whole family' (no child named)."""
    if not child_ids:
        return "The whole family"
    named = []
    for c in case.children:
        if c.id in child_ids:
            named.append(name(c.called) or "a child")
    return ", ".join(named) or "A child no longer in the case"


def types_words(neglect: list[NeglectType]) -> str:
    return ", ".join(n.short_label for n in NeglectType if n in neglect)


def clean_event(ev: Event, known_children: set[str]) -> Event:
    """The event as it is kept: text trimmed, children only of this case, each type once, in order."""
    ev.what, ev.source, ev.impact, ev.action = (s.strip() for s in (ev.what, ev.source, ev.impact, ev.action))
    ev.child_ids = [c for i, c in enumerate(ev.child_ids) if c in known_children and c not in ev.child_ids[:i]]
    ev.neglect = [n for n in NeglectType if n in ev.neglect]
    return ev


def event_problem(ev: Event) -> str | None:
    """What is missing or too long in an event, in words; None when it can be kept."""
    if not ev.what.strip():
        return "Say what happened."
    for label, value in (("What happened", ev.what), ("Where it comes from", ev.source),
                         ("The impact on the child", ev.impact), ("The action taken", ev.action)):
        if len(value) > TEXT_LIMIT:
            return f"{label} is {len(value):,} characters long; an entry holds at most {TEXT_LIMIT:,}."
    return None


def born_entries(case: "Case", child_id: str | None = None, name=lambda s: s) -> list[tuple[EventDate, str]]:
    """Each child's birth (or due date), for the timeline's scale: (date, 'Maisie born')."""
    out = []
    for c in case.children:
        if child_id is not None and c.id != child_id:
            continue
        called = name(c.called) or "The child"
        if c.date_of_birth:
            out.append((EventDate.of(c.date_of_birth), f"{called} born"))
        elif c.expected_date:
            out.append((EventDate.of(c.expected_date), f"{called} due"))
    return out


def event_to_dict(ev: Event) -> dict:
    return {
        "id": ev.id,
        "when": ev.when.iso,
        "what": ev.what,
        "source": ev.source,
        "impact": ev.impact,
        "effect": ev.effect.value,
        "action": ev.action,
        "children": list(ev.child_ids),
        "neglect": [n.value for n in ev.neglect],
        "created": ev.created.isoformat() if ev.created else None,
        "updated": ev.updated.isoformat() if ev.updated else None,
    }


def event_from_dict(d: dict) -> Event:
    """An event as the store keeps it (already checked when it was saved or imported)."""
    return Event(parse_iso_event_date(d["when"]), d.get("what", ""), d.get("source", ""), d.get("impact", ""),
                 Effect(d.get("effect", Effect.NOT_KNOWN.value)), d.get("action", ""),
                 list(d.get("children", [])), [NeglectType(n) for n in d.get("neglect", [])], d["id"],
                 datetime.fromisoformat(d["created"]) if d.get("created") else None,
                 datetime.fromisoformat(d["updated"]) if d.get("updated") else None)
