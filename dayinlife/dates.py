"""Dates as people type, read and are told them: the one place the app and the report take
today's date from, read a typed date, and write dates and ages the UK way.

`today()` is the only clock the app reads for "today", so tests can freeze it (set
`dates.clock` to a callable) and check a screen on the 1st of a month, on 29 February or on
31 December. Typed dates are read forgivingly ("14032017", "14/3/2017", "14.03.2017") and never
silently replaced: a date that does not exist, or falls where it may not, gets a message saying
what is wrong.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Callable

clock: Callable[[], date] = date.today


def today() -> date:
    return clock()


def now_utc() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)


# ---------------------------------------------------------------------------- writing dates

def uk_date(day: date | None) -> str:
    """'14/03/2017'; '—' for no date."""
    return f"{day.day:02d}/{day.month:02d}/{day.year}" if day else "—"


def long_date(day: date | None) -> str:
    """'14 March 2017'; '—' for no date."""
    return f"{day.day} {calendar.month_name[day.month]} {day.year}" if day else "—"


def uk_dates_in(text: str) -> str:
    """ISO dates in a sentence ('due on 2027-01-05') written the UK way ('05/01/2027')."""
    return re.sub(r"\b(\d{4})-(\d{2})-(\d{2})\b", r"\3/\2/\1", text)


# ---------------------------------------------------------------------------- times of a change

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
FULL_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December")


def _local(stamp: str | datetime) -> datetime | None:
    try:
        when = stamp if isinstance(stamp, datetime) else datetime.fromisoformat(stamp)
    except (TypeError, ValueError):
        return None
    return when.astimezone() if when.tzinfo is not None else when


def friendly_time(stamp: str | datetime, now: datetime | None = None) -> str:
    """"Today 14:05", "Yesterday 09:12", "Mon 3 Nov 14:05" this week, "3 Nov 2026" otherwise (local time)."""
    when = _local(stamp)
    if when is None:
        return str(stamp)
    now = _local(now) if now is not None else datetime.now().astimezone()
    today = now.date()
    clock = f"{when.hour:02d}:{when.minute:02d}"
    day = when.date()
    if day == today:
        return f"Today {clock}"
    if day == today - timedelta(days=1):
        return f"Yesterday {clock}"
    if today - timedelta(days=6) <= day < today:
        return f"{DAYS[day.weekday()][:3]} {day.day} {MONTHS[day.month - 1]} {clock}"
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def full_time(stamp: str | datetime) -> str:
    """"Tuesday 24 November 2026 at 09:01": for tooltips and screen readers."""
    when = _local(stamp)
    if when is None:
        return str(stamp)
    return (f"{DAYS[when.weekday()]} {when.day} {FULL_MONTHS[when.month - 1]} {when.year} "
            f"at {when.hour:02d}:{when.minute:02d}")


# ---------------------------------------------------------------------------- ages

def age_in_months(born: date, on: date) -> int:
    """Whole months from `born` to `on`; negative before birth."""
    months = (on.year - born.year) * 12 + (on.month - born.month)
    if on.day < born.day:
        months -= 1
    return months


def describe_age(months: int) -> str:
    """'7 months old', '6 years old'; 'not yet born' before birth."""
    if months < 0:
        return "not yet born"
    if months < 24:
        return f"{months} month{'s' if months != 1 else ''} old"
    return f"{months // 12} years old"


def exact_age(born: date, on: date) -> str:
    """'7 months', '6 years 3 months' (for the report); '—' before birth."""
    months = age_in_months(born, on)
    if months < 0:
        return "—"
    if months < 24:
        return f"{months} month{'s' if months != 1 else ''}"
    years, rest = divmod(months, 12)
    return f"{years} years" + (f" {rest} month{'s' if rest != 1 else ''}" if rest else "")


# ---------------------------------------------------------------------------- reading typed dates

class DateProblem(ValueError):
    """A typed date that cannot be used, with the words to show beside the field."""


FORMAT_HINT = "Type the day, month and year, for example 14/03/2017."

_SEPARATED = re.compile(r"^\s*(\d{1,2})\s*[/.\-\s]\s*(\d{1,2})\s*[/.\-\s]\s*(\d{1,4})\s*$")
_DIGITS = re.compile(r"^\s*(\d{2})(\d{2})(\d{4}|\d{2})\s*$")
_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")


def parse_date(text: str) -> date | None:
    """The date in `text`, typed day first: '14/03/2017', '14/3/2017', '14.03.2017', '14-03-2017',
    '14 03 2017' or '14032017' (also ISO '2017-03-14'). None for an empty field.
    Raises DateProblem, with the reason, for anything else."""
    if not text or not text.strip():
        return None
    typed = text.strip()
    found = _SEPARATED.match(typed) or _DIGITS.match(typed)
    if found:
        day, month, year = (int(g) for g in found.groups())
        year_text = found.group(3)
    else:
        iso = _ISO.match(typed)
        if not iso:
            raise DateProblem(f"“{typed}” is not a date. {FORMAT_HINT}")
        year, month, day = (int(g) for g in iso.groups())
        year_text = iso.group(1)
    if len(year_text) != 4:
        raise DateProblem(f"Give the year in full (four figures), for example {day:02d}/{month:02d}/20"
                          f"{year_text[-2:].zfill(2)}.")
    if not 1 <= month <= 12:
        raise DateProblem(f"“{typed}” is not a date: there is no month {month}. {FORMAT_HINT}")
    if year < 1900:
        raise DateProblem(f"“{typed}” is not a date this tool can use: the year {year} is too early.")
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        raise DateProblem(f"“{typed}” is not a date: {calendar.month_name[month]} {year} has {last} days.")
    return date(year, month, day)


@dataclass(frozen=True)
class DateRule:
    """Where a date may fall, and what to say when it does not."""

    earliest: date | None = None
    latest: date | None = None
    too_early: str = "That date is too long ago."
    too_late: str = "That date is in the future."

    def check(self, day: date) -> None:
        if self.earliest is not None and day < self.earliest:
            raise DateProblem(self.too_early)
        if self.latest is not None and day > self.latest:
            raise DateProblem(self.too_late)


def read_date(text: str, rule: DateRule | None = None, *, required: bool = True) -> date | None:
    """`parse_date`, then the rule. An empty field is a problem when `required`."""
    day = parse_date(text)
    if day is None:
        if required:
            raise DateProblem(f"The date is missing. {FORMAT_HINT}")
        return None
    if rule is not None:
        rule.check(day)
    return day
