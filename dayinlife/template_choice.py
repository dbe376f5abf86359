"""Which template to suggest for a child. Only a suggestion: the practitioner chooses.

The ages come from each template's own `[suits]` table, so a partnership that edits the ranges
changes the suggestions without touching code.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .dates import age_in_months, describe_age, today
from .template_loader import TemplateLibrary

__all__ = ["Suggestion", "age_in_months", "describe_age", "suggest_template"]


@dataclass(frozen=True)
class Suggestion:
    template_id: str
    reason: str
    alternatives: tuple[str, ...]  # other templates that would also fit, best first


def suggest_template(
    library: TemplateLibrary,
    *,
    date_of_birth: date | None = None,
    expected_date: date | None = None,
    disabled: bool = False,
    on: date | None = None,
) -> Suggestion:
    """The template that suits a child born (or due) on the given date, on the day `on`."""
    on = on or today()
    if date_of_birth is None and expected_date is None:
        raise ValueError("give the child's date of birth or expected date of delivery")
    if date_of_birth is not None and date_of_birth > on:
        raise ValueError(f"the date of birth {date_of_birth.isoformat()} is in the future: "
                         f"give it as the expected date of delivery instead")
    born = date_of_birth
    if born is None and expected_date is not None and expected_date <= on:
        born = expected_date  # the due date has passed: treat it as the birthday
    templates = library.ordered()

    if born is None:
        fits = [t for t in templates if t.suits.unborn]
        reason = f"the baby is due on {expected_date.isoformat()}"
    else:
        months = age_in_months(born, on)
        in_range = [t for t in templates
                    if not t.suits.unborn and t.suits.from_months <= months < t.suits.to_months]
        special = [t for t in in_range if t.suits.disability]
        general = [t for t in in_range if not t.suits.disability]
        preferred, others = (special, general) if disabled else (general, special)
        if disabled and not special:
            preferred, others = general, []
        fits = preferred + others if preferred else []
        reason = f"the child is {describe_age(months)}"
        if disabled and special:
            reason += " and disabled"
        if not fits:
            oldest = max((t.suits.to_months for t in templates), default=0)
            if months >= oldest:
                raise ValueError(f"no template suits someone {describe_age(months)}: "
                                 f"choose one by hand")
            raise ValueError(f"no template suits a child {describe_age(months)}: choose one by hand")
    if not fits:
        raise ValueError("no template suits this child: choose one by hand")
    best, *rest = fits
    return Suggestion(best.id, f"{best.title}: {reason}", tuple(t.id for t in rest))
