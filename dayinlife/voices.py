"""Whose accounts are set side by side, in what order, and what each is called.

One rule, used by the compare screen and the Word report alike:
- Each person is one voice: the child, each parent or carer, and each professional source (the
  school, the health visitor, the GP, an educational psychologist...). Two professional accounts
  from different sources are two voices; two from the same source are one person's earlier and
  later accounts.
- Where one person gave several interviews, the latest is compared; the earlier ones are listed
  and set against it under change over time. No interview is ever silently left out.
- The order: the child, then each parent or carer in household order, then professionals (by
  source as first seen, oldest first).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise

from .case import Adult, AdultRole, Case, Child, Interview, PerspectiveKind
from .dates import uk_date

PROFESSIONALS = "Professionals"  # a professional account that does not say who gave it
NO_LONGER_IN_HOUSEHOLD = "A removed adult"


def role_text(adult: Adult) -> str:
    """'Mother', 'Step-parent', or the practitioner's own words for another role ('Mum's partner')."""
    detail = adult.role_detail.strip()
    if adult.role is AdultRole.OTHER and detail:
        return detail[0].upper() + detail[1:]
    return adult.role.label


def in_brackets(role: str) -> str:
    """'Mother' -> 'mother', as it reads after a name: 'Jo Example (mother)'."""
    return role[:1].lower() + role[1:] if role[1:2].islower() or len(role) == 1 else role


def person_key(iv: Interview) -> tuple[str, str]:
    """Which person gave an interview: interviews with the same key are one person's, over time."""
    kind = iv.perspective.kind
    if kind is PerspectiveKind.PARENT:
        return kind.value, iv.perspective.adult_id
    if kind is PerspectiveKind.PROFESSIONAL:
        source = " ".join(iv.source.split()).casefold()
        return kind.value, source or f"#{iv.id}"  # an account that names no source stands alone
    return kind.value, ""


def _same(text: str) -> str:
    return text


def who(iv: Interview, case: Case, child: Child | None = None, *, name=_same, text=_same) -> str:
    """'The child (Maisie)', 'Dawn Hartley (mother)', 'School: class teacher', 'Professionals'.
    `name` and `text` rewrite a person's name and free text (the report's anonymiser)."""
    kind = iv.perspective.kind
    if kind is PerspectiveKind.PARENT:
        try:
            adult = case.adult(iv.perspective.adult_id)
        except KeyError:
            return NO_LONGER_IN_HOUSEHOLD
        return f"{name(adult.name)} ({in_brackets(text(role_text(adult)))})"
    if kind is PerspectiveKind.PROFESSIONAL:
        return text(iv.source.strip()) or PROFESSIONALS
    called = child.called if child is not None else ""
    if in_babys_voice(iv, case):  # the practitioner speaks for a baby, from what they saw and were told
        teller = " ".join(iv.practitioner.split()) or " ".join(case.practitioner.split())
        told = f"told by {text(teller)}" if teller else "told by the practitioner"
        unborn = child is not None and child.is_unborn
        return f"The baby's voice ({told})" if unborn or not called else f"The baby's voice ({name(called)}, {told})"
    return f"The child ({name(called)})" if called else "The child"


def in_babys_voice(iv: Interview, case: Case) -> bool:
    """Whether the child's account was given in a baby's voice (the pre-birth and baby templates):
    no one asked the child; the practitioner told the day as the baby would know it."""
    if iv.perspective.kind is not PerspectiveKind.CHILD:
        return False
    snapshot = case.template_snapshots.get(iv.template.content_hash) or {}
    return snapshot.get("child_voice") == "baby"


def ordered(case: Case, interviews: list[Interview]) -> list[Interview]:
    """The child first, then each parent/carer in household order, then professionals; each
    person's interviews oldest first."""
    adults = {a.id: i for i, a in enumerate(case.adults)}
    first_seen: dict[tuple[str, str], tuple] = {}
    for iv in sorted(interviews, key=lambda iv: (iv.held_on, iv.created)):
        first_seen.setdefault(person_key(iv), (iv.held_on, iv.created))

    def key(iv: Interview):
        kind = iv.perspective.kind
        rank = 0 if kind is PerspectiveKind.CHILD else 1 if kind is PerspectiveKind.PARENT else 2
        within = adults.get(iv.perspective.adult_id, len(adults)) if kind is PerspectiveKind.PARENT else 0
        return rank, within, first_seen[person_key(iv)], person_key(iv), iv.held_on, iv.created
    return sorted(interviews, key=key)


@dataclass
class InterviewChoice:
    """What is compared, and what is not (and why)."""

    compared: list[Interview]                                          # one per person, in order
    earlier: dict[str, list[Interview]] = field(default_factory=dict)  # compared id -> that person's older ones

    @property
    def all_earlier(self) -> list[Interview]:
        return [iv for ivs in self.earlier.values() for iv in ivs]


def choose_interviews(case: Case, child: Child) -> InterviewChoice:
    """Every interview about the child: the latest of each person compared, the earlier ones kept
    beside it for change over time."""
    groups: dict[tuple[str, str], list[Interview]] = {}
    for iv in ordered(case, child.interviews):
        groups.setdefault(person_key(iv), []).append(iv)
    compared, earlier = [], {}
    for ivs in groups.values():
        compared.append(ivs[-1])
        if len(ivs) > 1:
            earlier[ivs[-1].id] = ivs[:-1]
    return InterviewChoice(ordered(case, compared), earlier)


def choice_of(case: Case, child: Child, interviews: list[Interview]) -> InterviewChoice:
    """The given interviews compared, as chosen on the compare screen; each chosen person's other
    interviews that came before the chosen one are listed beside it."""
    chosen = ordered(case, interviews)
    by_person = {person_key(iv): iv for iv in chosen}
    chosen_ids = {iv.id for iv in chosen}
    earlier: dict[str, list[Interview]] = {}
    for iv in ordered(case, child.interviews):
        later = by_person.get(person_key(iv))
        if (later is not None and iv.id not in chosen_ids
                and (iv.held_on, iv.created) < (later.held_on, later.created)):
            earlier.setdefault(later.id, []).append(iv)
    return InterviewChoice(chosen, earlier)


def lead_interview(interviews: list[Interview]) -> Interview:
    """The interview whose template the comparison is laid out on: the child's own, else the first."""
    return next((iv for iv in interviews if iv.perspective.kind is PerspectiveKind.CHILD), interviews[0])


def change_pairs(case: Case, child: Child) -> list[tuple[Interview, Interview]]:
    """Each person's interviews, each set against the next one (earlier first)."""
    groups: dict[tuple[str, str], list[Interview]] = {}
    for iv in ordered(case, child.interviews):
        groups.setdefault(person_key(iv), []).append(iv)
    return [pair for ivs in groups.values() for pair in pairwise(ivs)]


def voice_labels(case: Case, child: Child, interviews: list[Interview], *, name=_same,
                 text=_same) -> dict[str, str]:
    """A label for each interview compared (by interview id), each different: a professional
    account carries its date ('School: class teacher, 12/03/2026'); two that would read the same
    also get their date, then a number."""
    labels = {}
    for iv in interviews:
        label = who(iv, case, child, name=name, text=text)
        if iv.perspective.kind is PerspectiveKind.PROFESSIONAL:
            label = f"{label}, {uk_date(iv.held_on)}"
        labels[iv.id] = label
    first = dict(labels)
    for iv in interviews:
        if list(first.values()).count(first[iv.id]) > 1 and iv.perspective.kind is not PerspectiveKind.PROFESSIONAL:
            labels[iv.id] = f"{first[iv.id]}, {uk_date(iv.held_on)}"
    seen: dict[str, int] = {}
    for iv in interviews:
        base = labels[iv.id]
        seen[base] = seen.get(base, 0) + 1
        if seen[base] > 1:
            labels[iv.id] = f"{base} ({seen[base]})"
    return labels
