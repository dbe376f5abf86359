"""Answers that name people of the household ("who gets Maisie up?").

A scale marked `people = true` in scales.toml (the `who` scale) is answered by naming people of the
case, as well as with its fixed options (someone else, nobody, the child on their own, it changes,
don't know). Two parents who each mean "me" used to choose the same "A parent or carer at home" and
showed as agreeing; named, "Dawn Hartley (mother)" and "Lee Cotter (mum's partner)" differ.

A named answer is stored as a measure value `person:<id>`, or `person:<id>+<id>` for two people
sharing it (the ids sorted, so the same people are always the same value), where each id is an
adult or a child of the case. Agreement compares the people named: the same value, the same people.

Answers given before names could be chosen ("A parent or carer at home", "Shared between the adults
at home", "A brother or sister") stay readable, are no longer offered, and are never counted as
agreeing or differing with anyone: they cannot say who was meant.
"""

from __future__ import annotations

from itertools import combinations

from .case import Case, Child
from .voices import in_brackets, role_text

PREFIX = "person:"
# The who answers that cannot say who was meant (templates before 1.2): kept, never compared.
UNNAMED = frozenset({"parent_carer", "shared", "sibling"})
REMOVED = "Someone no longer in the case"
ANOTHER_CHILD = "another child at home"


def _same(text: str) -> str:
    return text


def is_named(value: str | None) -> bool:
    return bool(value) and value.startswith(PREFIX)


def named(*ids: str) -> str:
    """The stored value for these people: `person:a` or `person:a+b` (sorted, each once)."""
    if not ids:
        raise ValueError("name at least one person")
    return PREFIX + "+".join(sorted(set(ids)))


def ids_of(value: str) -> tuple[str, ...]:
    """The people a named answer names ((), for any other answer)."""
    if not is_named(value):
        return ()
    return tuple(i for i in value[len(PREFIX):].split("+") if i)


def household(case: Case, child: Child | None = None, *, name=_same, text=_same) -> dict[str, str]:
    """Everyone an answer may name, by id, as they are shown: 'Dawn Hartley (mother)', and each child
    of the case other than `child` ('Alfie Hartley (another child at home)'). `name` and `text`
    rewrite names and free text (the report's anonymiser)."""
    out = {a.id: f"{name(a.name)} ({in_brackets(text(role_text(a)))})" for a in case.adults}
    for c in case.children:
        if child is None or c.id != child.id:
            out[c.id] = f"{name(c.name)} ({ANOTHER_CHILD})"
    return out


# A brother or sister younger than this is never offered as someone who does something for the child
# (an 8-month-old was offered as who gets a 7-year-old up); an answer already naming one is kept.
CARING_AGE_YEARS = 5


def too_young(case: Case, child: Child, on=None) -> frozenset[str]:
    """The named answers (people.named) for the other children of the case too young to do anything
    for `child`, as of `on` (today): babies, toddlers, the unborn."""
    from .dates import age_in_months, today

    on = on or today()
    return frozenset(named(c.id) for c in case.children if c.id != child.id and (
        c.date_of_birth is None or c.date_of_birth > on or age_in_months(c.date_of_birth, on) < CARING_AGE_YEARS * 12))


def words(value: str, people: dict[str, str]) -> str:
    """A named answer as shown: 'Dawn Hartley (mother)', 'Dawn Hartley (mother) and Lee Cotter (mum's
    partner)'; someone since removed from the case is said to be."""
    order = {i: n for n, i in enumerate(people)}  # as the household lists them, not by id
    ids = sorted(ids_of(value), key=lambda i: order.get(i, len(order)))
    shown = [people.get(i, REMOVED) for i in ids]
    return " and ".join(shown) if len(shown) < 3 else ", ".join(shown[:-1]) + " and " + shown[-1]


def choices(case: Case, child: Child, *, name=_same, text=_same) -> list[tuple[str, str]]:
    """The named answers offered: each person of the household, then each pair of its adults (two
    sharing it), up to four adults (six pairs) so the list stays short."""
    people = household(case, child, name=name, text=text)
    out = [(named(i), label) for i, label in people.items()]
    adults = [a.id for a in case.adults]
    if 2 <= len(adults) <= 4:
        out += [(named(a, b), f"{people[a]} and {people[b]}") for a, b in combinations(adults, 2)]
    return out


def problem(value: str, known: set[str]) -> str:
    """What is wrong with a named answer ('' if nothing): the form, or an id the case does not have."""
    ids = ids_of(value)
    if not ids or value != named(*ids):
        return f"{value!r} should be 'person:' and one or more ids joined by '+', sorted, each once"
    missing = [i for i in ids if i not in known]
    return f"{value!r} names {', '.join(missing)}, not a person of this case" if missing else ""


def picture_of(value: str, case: Case) -> str:
    """The picture for a named answer in child mode (resources/pictures/): a grown-up of the
    household, two of them sharing it, or another child."""
    ids = ids_of(value)
    if len(ids) > 1:
        return "grown-ups-together"
    adults = {a.id for a in case.adults}
    return "grown-up" if ids and ids[0] in adults else "brother-or-sister"
