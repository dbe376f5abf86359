"""A case: one household, its adults and children, and each child's interviews.

Every child has their own interviews (siblings are never merged), and each interview is one
perspective on that child's day: the child's own, one named parent/carer's, or what
professionals know. Answers are kept per topic key, so the same topic can be compared across
perspectives and across template versions.
"""

from __future__ import annotations

import unicodedata
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from enum import Enum

from .analysis import Analysis
from .chronology import Event
from .family import Family
from .scores import ScoreSet
from .template_model import TemplateRef


def new_id() -> str:
    return uuid.uuid4().hex


_JOINERS = {"\u200c", "\u200d"}  # zero-width (non-)joiners: part of how some scripts and emoji are written


def one_line(text: str, *, joiners: bool = True) -> str:
    """A name or reference as it is kept: one composed form (a typed "é" and a pasted "e" + accent
    are the same), no control or invisible formatting characters (a zero-width space, a
    right-to-left override), spaces collapsed. `joiners=False` drops the zero-width joiners too."""
    text = unicodedata.normalize("NFC", text)
    kept = []
    for ch in text:
        kind = unicodedata.category(ch)
        if ch.isspace() or kind in ("Zl", "Zp"):
            kept.append(" ")
        elif kind == "Cc" or (kind == "Cf" and not (joiners and ch in _JOINERS)):
            continue
        else:
            kept.append(ch)
    return " ".join("".join(kept).split())


def clean_reference(reference: str) -> str:
    """A case reference as it is kept and compared: two references that look the same are the same."""
    return one_line(reference, joiners=False)


# Letters of other scripts drawn as Latin ones are (Cyrillic, Greek): "Ashdоwn" with a Cyrillic о is
# "Ashdown" to anyone reading it.
_LOOK_ALIKE = str.maketrans(
    "АВЕКМНОРСТУХаеорсухіјѕԁһӏІЈЅΑΒΕΖΗΙΚΜΝΟΡΤΥΧοικνρ",
    "ABEKMHOPCTYXaeopcyxijsdhlIJSABEZHIKMNOPTYXoikvp")


REFERENCE_LIMIT = 120  # characters: a council's case number and a surname or two, with room to spare


def reference_key(reference: str) -> str:
    """What two references must share to be one case's: the same once cleaned (clean_reference),
    in any case of letters, and with look-alike letters of other scripts read as the Latin ones."""
    return unicodedata.normalize("NFKC", clean_reference(reference)).translate(_LOOK_ALIKE).casefold()


def control_character(text: str) -> str | None:
    """The first control character in `text`, as U+XXXX, or None. Names and references are one
    line of text: a NUL, an escape or a line break in one was typed by no one."""
    for ch in text:
        if unicodedata.category(ch) == "Cc":
            return f"U+{ord(ch):04X}"
    return None


def now() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)


class AdultRole(str, Enum):
    MOTHER = "mother"
    FATHER = "father"
    STEP_PARENT = "step_parent"
    GRANDPARENT = "grandparent"
    FOSTER_CARER = "foster_carer"
    PARTNER = "partner"                     # a parent's partner
    KINSHIP_CARER = "kinship_carer"         # a relative or friend bringing the child up
    SPECIAL_GUARDIAN = "special_guardian"   # under a special guardianship order
    OTHER = "other"

    @property
    def label(self) -> str:
        return self.value.replace("_", "-" if self is AdultRole.STEP_PARENT else " ").capitalize()


class PerspectiveKind(str, Enum):
    """Horwath's elements: the child's day (1), the parent's (2 and 3), what professionals know (4)."""

    CHILD = "child"
    PARENT = "parent"
    PROFESSIONAL = "professional"


@dataclass(frozen=True)
class Perspective:
    kind: PerspectiveKind
    adult_id: str | None = None  # the parent/carer, for kind PARENT

    def __post_init__(self) -> None:
        if (self.kind is PerspectiveKind.PARENT) != (self.adult_id is not None):
            raise ValueError("a parent/carer perspective names exactly one adult; others name none")


@dataclass
class Adult:
    name: str
    role: AdultRole
    id: str = field(default_factory=new_id)
    role_detail: str = ""  # for OTHER: e.g. "aunt", "mum's partner"


@dataclass
class Answer:
    """One topic as one perspective answered it. Every field may be empty."""

    text: str = ""                                          # the account, in the person's own words
    measures: dict[str, str] = field(default_factory=dict)  # measure id -> scale value
    feeling: str | None = None                              # a value of the feeling scale
    also_felt: list[str] = field(default_factory=list)      # values of the also_felt scale, as chosen
    better: str = ""                                        # what would make it better
    well: str = ""                                          # what goes well at this point of the day
    own_day: str = ""                                       # parent: their own day at this point
    impact: str = ""                                        # parent: how their day affects the child
    notes: str = ""                                         # practitioner's notes, never shown to family
    source: str = ""                                        # professional: which agency or observation
    not_asked: str | None = None                            # the reason, when the topic was not asked
    sort: str = ""                                          # child mode's cards: good / not_sure / not_good (sort.py)
    updated: datetime | None = None
    # Marked sensitive by the practitioner: kept out of joint views and shared screens, and in the
    # report only in its section for professionals, when chosen. (A seen-alone topic's answers are
    # always treated so: see `Topic.seen_alone`.)
    sensitive: bool = False

    @property
    def is_empty(self) -> bool:
        return not (self.text or self.measures or self.feeling or self.also_felt or self.better or self.well
                    or self.sort or self.own_day
                    or self.impact or self.notes or self.source or self.not_asked is not None)


@dataclass
class Disclosure:
    """Something a child or adult disclosed during an interview, recorded as it was said: their exact
    words, the question asked just before, and when. The practitioner acts on it (the app shows the
    next steps); the tool never refers anyone itself and never judges."""

    words: str
    asked: str = ""          # the question asked just before, as it was put
    topic_key: str = ""      # the topic being talked about, if any
    at: datetime = field(default_factory=now)
    id: str = field(default_factory=new_id)


@dataclass
class Worry:
    """The child pressed "Something worries me" in child mode: at which stage (and topic), and, if the
    child wanted to say, what. The practitioner sees it on leaving child mode and finds out what it
    means with the child; the tool never decides."""

    stage_key: str
    topic_key: str = ""
    words: str = ""          # what the child said it was, in their words; empty if they did not say
    at: datetime = field(default_factory=now)
    id: str = field(default_factory=new_id)


@dataclass
class Drawing:
    """A picture the child drew in child mode, at a stage (and topic), as PNG bytes, with what the
    child said about it as the practitioner typed it (its caption, and its alt text in the report).
    Kept encrypted in the store with the interview; never written to disk in clear."""

    png: bytes
    stage_key: str
    topic_key: str = ""
    caption: str = ""
    at: datetime = field(default_factory=now)
    id: str = field(default_factory=new_id)


@dataclass
class Interview:
    perspective: Perspective
    template: TemplateRef
    held_on: date
    id: str = field(default_factory=new_id)
    place: str = ""
    present: str = ""          # who else was there
    interpreter: str = ""      # empty when none was used; otherwise the language and who
    practitioner: str = ""
    answers: dict[str, Answer] = field(default_factory=dict)  # topic key -> answer
    created: datetime = field(default_factory=now)
    updated: datetime = field(default_factory=now)
    # For a professional account: who gave it ("School: class teacher", "Health visitor", "GP").
    # Each source is its own voice in the comparison; empty for the child's and a parent's.
    source: str = ""
    # Whether the person was seen on their own (None: not recorded); where is `place`.
    seen_alone: bool | None = None
    disclosures: list[Disclosure] = field(default_factory=list)
    worries: list[Worry] = field(default_factory=list)  # "Something worries me", pressed in child mode
    drawings: list[Drawing] = field(default_factory=list)  # drawn in child mode

    def answer(self, topic_key: str) -> Answer:
        """The answer for a topic, created empty on first use."""
        return self.answers.setdefault(topic_key, Answer())


@dataclass
class Child:
    name: str
    id: str = field(default_factory=new_id)
    date_of_birth: date | None = None
    expected_date: date | None = None   # for an unborn child
    pronouns: str = "they"              # they / she / he: how prompts refer to the child
    disability: str = ""                # the child's disability, if any, in the practitioner's words
    communication: str = ""             # how the child communicates (signs, symbols, aid ...)
    other_needs: str = ""
    interviews: list[Interview] = field(default_factory=list)
    known_as: str = ""                  # the name the child goes by, used in prompts

    def __post_init__(self) -> None:
        if self.date_of_birth is None and self.expected_date is None:
            raise ValueError("a child needs a date of birth or an expected date of delivery")

    @property
    def called(self) -> str:
        """The name prompts use: what the child is known as, else their first name."""
        return self.known_as.strip() or (self.name.split()[0] if self.name.strip() else "")

    @property
    def is_disabled(self) -> bool:
        return bool(self.disability.strip())

    @property
    def is_unborn(self) -> bool:
        return self.date_of_birth is None

    def interview(self, interview_id: str) -> Interview:
        for i in self.interviews:
            if i.id == interview_id:
                return i
        raise KeyError(f"no interview {interview_id!r} for this child")


@dataclass
class Case:
    reference: str          # the family's case reference, as the organisation writes it
    adults: list[Adult] = field(default_factory=list)
    children: list[Child] = field(default_factory=list)
    id: str = field(default_factory=new_id)
    practitioner: str = ""
    archived: bool = False
    created: datetime = field(default_factory=now)
    updated: datetime = field(default_factory=now)
    # Each template version an interview used, by content hash, so an old interview still
    # opens and renders after the template file has changed (see Template.to_dict).
    template_snapshots: dict[str, dict] = field(default_factory=dict)
    # The practitioner's analysis of each child, by child id.
    analyses: dict[str, Analysis] = field(default_factory=dict)
    # Other names and places an anonymised report hides, beyond the household's own names: a
    # school, a street, other professionals, relatives (one per entry, as the practitioner types it).
    hidden: list[str] = field(default_factory=list)
    # Significant events in the family's life, as the practitioner recorded them (chronology.py);
    # the interviews and analyses join them there by themselves.
    chronology: list[Event] = field(default_factory=list)
    # Scores from other tools in use (GCP2, SDQ, Outcomes Star, a measure of the organisation's own).
    scores: list[ScoreSet] = field(default_factory=list)
    # The wider family: relatives beyond the household, relationships, the family's history (family.py).
    family: Family = field(default_factory=Family)

    def event(self, event_id: str) -> Event:
        for ev in self.chronology:
            if ev.id == event_id:
                return ev
        raise KeyError(f"no event {event_id!r} in case {self.reference}")

    def adult(self, adult_id: str) -> Adult:
        for a in self.adults:
            if a.id == adult_id:
                return a
        raise KeyError(f"no adult {adult_id!r} in case {self.reference}")

    def child(self, child_id: str) -> Child:
        for c in self.children:
            if c.id == child_id:
                return c
        raise KeyError(f"no child {child_id!r} in case {self.reference}")

    def start_interview(self, child: Child, perspective: Perspective, template, held_on: date,
                        **details: str) -> Interview:
        """A new interview for one child, recording the exact template it uses."""
        if child not in self.children:
            raise ValueError("the child is not in this case")
        if perspective.adult_id is not None:
            self.adult(perspective.adult_id)  # raises if the adult is not in the household
        self.template_snapshots.setdefault(template.content_hash, template.to_dict())
        interview = Interview(perspective, template.ref, held_on, **details)
        child.interviews.append(interview)
        return interview
