"""Sorting the cards, the Talking Mats way: the child puts each part of the day under "good", "not
sure" or "not good".

In child mode a stage's topics come up as picture cards one at a time and the child puts each on a
pile (a tap, a drag, or the keys). The pile is the child's answer to that topic (`Answer.sort`),
saved as it is placed, like any other answer. Compare and the report set it beside what each adult
thinks the child feels at that point of the day (their face for the child, read as the top, middle
or bottom of the faces); the tool never says which is right.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .template_model import Scale

GOOD, NOT_SURE, NOT_GOOD = "good", "not_sure", "not_good"
PILES: tuple[tuple[str, str], ...] = ((GOOD, "Good"), (NOT_SURE, "Not sure"), (NOT_GOOD, "Not good"))
PILE_PICTURES = {GOOD: "pile-good", NOT_SURE: "pile-not-sure", NOT_GOOD: "pile-not-good"}
VALUES = frozenset(v for v, _ in PILES)


# Which card picture a topic gets, by what its key says it is about (first match wins); the topic's
# words are always written under the picture, so a near match never misleads.
CARD_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("card-medicine", ("medic",)),
    ("card-morning", ("getting_up", "wake", "waking", "morning")),
    ("card-food", ("breakfast", "lunch", "tea", "meal", "food", "feed", "milk", "diet", "snack", "eat")),
    ("card-wash", ("bath", "wash", "teeth", "hygiene", "nappy", "toilet", "personal_care")),
    ("card-clothes", ("cloth", "dress", "uniform", "getting_ready")),
    ("card-screens", ("screen", "online", "phone", "tv")),
    ("card-journey", ("journey", "travel", "transport", "going_missing", "out_and_about")),
    ("card-school", ("school", "nursery", "learning", "lesson", "homework", "setting")),
    ("card-bed", ("bed", "nap", "sleep", "quiet_time")),
    ("card-night", ("night",)),
    ("card-play", ("play", "friend", "activit", "hobb", "club", "weekend", "holiday", "stimulation")),
    ("card-health", ("health", "poorly", "hurt", "dentist", "doctor", "appoint", "mental", "mood", "crying", "seizure")),
    ("card-money", ("money",)),
    ("card-home", ("home", "warm", "safety", "house", "equipment")),
    ("card-talk", ("communicat", "talk")),
    ("card-jobs", ("jobs", "caring")),
    ("card-feelings", ("feel", "comfort", "rules", "worr", "identity", "bully", "autonomy")),
    ("card-people", ("family", "people", "carer", "children", "relationship", "parent", "other", "breaks")),
)


def card_words(topic) -> str:
    """The words on a topic's card: the template's own child words for it (`card`), else its title."""
    return topic.card or topic.title


def card_picture(topic_key: str) -> str:
    """The name of the picture on a topic's card (resources/pictures/<name>.svg)."""
    return next((name for name, words in CARD_RULES if any(w in topic_key for w in words)), "card-other")


def pile_words(value: str | None) -> str:
    """The pile's words ("Not sure"), or "—" for none."""
    return dict(PILES).get(value or "", "—")


def pile_of_feeling(scale: Scale, value: str | None) -> str | None:
    """Where an adult's face for the child falls among the piles: the top third of an ordered
    feelings scale is "good", the bottom third "not good", the rest "not sure" (five faces: 2, 1, 2;
    three: 1, 1, 1). None for no face, a face off the scale, or a scale with no order (a baby's
    states)."""
    if not value or not scale.ordered:
        return None
    ranked = [o.value for o in scale.options if not o.unranked]
    if value not in ranked:
        return None
    i, n = ranked.index(value), len(ranked)
    third = max(1, round(n / 3 + 0.01)) if n > 2 else 1
    if i < third:
        return GOOD
    if i >= n - third:
        return NOT_GOOD
    return NOT_SURE


@dataclass
class SortRow:
    """One card the child sorted, beside each adult's view of how the child feels there."""

    stage_title: str
    topic_key: str
    topic_title: str
    child: str                                      # the pile the child chose
    adults: dict[str, str | None] = field(default_factory=dict)  # adult voice -> the pile their face falls in
    faces: dict[str, str | None] = field(default_factory=dict)   # adult voice -> the face they chose for the child
    child_face: str | None = None                   # the face the child chose there, if any

    def differs(self, adult: str) -> bool:
        """The adult's face for the child falls on another pile than the child's own."""
        seen = self.adults.get(adult)
        return seen is not None and seen != self.child

    def far(self, adult: str) -> bool:
        """Good against not good: the two ends."""
        return {self.child, self.adults.get(adult)} == {GOOD, NOT_GOOD}

    def apart(self, adult: str) -> str:
        """In words, as the screen and the report both say it."""
        seen = self.adults.get(adult)
        if seen is None:
            return "no face for the child here"
        if seen == self.child:
            return "= same pile"
        return "≠ the other end" if self.far(adult) else "≠ one pile away"
