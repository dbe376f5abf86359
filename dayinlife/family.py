"""The wider family: relatives and other important people beyond the household, the relationships
between everyone, and the family's history, including the parents' own childhood experiences.

The household's adults and children are the case's own (case.py); here each of them may be given
what a genogram needs (gender as the family describes it, the year of birth, whether they have
died), and relatives are added beside them. Relationships join two people by id: a couple (married,
living together, separated, divorced) or a parent and child. Plain Python, no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .case import Case

TEXT_LIMIT = 20_000


class Gender(str, Enum):
    """As the person or the family describes it: a genogram draws a square, a circle or a diamond."""

    FEMALE = "female"
    MALE = "male"
    OTHER = "other"          # another identity, or not known: a diamond

    @property
    def label(self) -> str:
        return {Gender.FEMALE: "Female", Gender.MALE: "Male", Gender.OTHER: "Other, or not known"}[self]


class Role(str, Enum):
    """Who a relative is to the children of the household."""

    PARENT = "parent"                   # a parent who lives elsewhere
    STEP_PARENT = "step_parent"
    PARTNER = "partner"                 # a parent's partner who lives elsewhere
    GRANDPARENT = "grandparent"
    KINSHIP_CARER = "kinship_carer"
    SPECIAL_GUARDIAN = "special_guardian"
    SIBLING = "sibling"                 # a brother or sister (or half or step) who lives elsewhere
    AUNT_OR_UNCLE = "aunt_or_uncle"
    FRIEND = "friend"                   # an important person who is not family
    OTHER = "other"

    @property
    def label(self) -> str:
        return {Role.STEP_PARENT: "Step-parent", Role.AUNT_OR_UNCLE: "Aunt or uncle",
                Role.FRIEND: "Friend or important person"}.get(self, self.value.replace("_", " ").capitalize())


class Bond(str, Enum):
    """A relationship between two people."""

    MARRIED = "married"
    TOGETHER = "together"           # living together or a couple, not married
    SEPARATED = "separated"
    DIVORCED = "divorced"
    PARENT = "parent"               # `a` is a parent of `b` (birth, adoptive or step: say which in the notes)

    @property
    def label(self) -> str:
        return {Bond.MARRIED: "Married", Bond.TOGETHER: "A couple, not married", Bond.SEPARATED: "Separated",
                Bond.DIVORCED: "Divorced", Bond.PARENT: "Parent of"}[self]

    @property
    def couple(self) -> bool:
        return self is not Bond.PARENT


@dataclass
class Relative:
    """Someone important beyond the household."""

    name: str
    role: Role
    gender: Gender = Gender.OTHER
    born: int | None = None         # year of birth, where known
    died: bool = False
    where: str = ""                 # where they live, and how often the children see them
    notes: str = ""
    role_detail: str = ""           # for OTHER: "mum's cousin"
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            from .case import new_id

            self.id = new_id()


def role_words(r: Relative, whose: str = "") -> str:
    """Who a relative is, as the practitioner chose it, with whose (\"Parent of Tyler\") and the
    family's own words as typed after it in quotes (\"Parent of Tyler (“Tyler's dad”)\")."""
    said = f"{r.role.label} of {whose}" if whose else r.role.label
    detail = r.role_detail.strip()
    return f"{said} (“{detail}”)" if detail and detail.lower() != r.role.label.lower() else said


@dataclass
class Details:
    """What a genogram needs of someone in the household (the case's adults and children)."""

    gender: Gender = Gender.OTHER
    born: int | None = None         # the year, for an adult (a child's date of birth is the case's)
    died: bool = False


@dataclass
class Link:
    a: str
    b: str
    bond: Bond
    notes: str = ""
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            from .case import new_id

            self.id = new_id()


@dataclass
class Family:
    relatives: list[Relative] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    details: dict[str, Details] = field(default_factory=dict)      # household person id -> details
    childhood: dict[str, str] = field(default_factory=dict)        # adult or relative id -> their own childhood
    history: str = ""                                              # the family's history, as the practitioner writes it

    @property
    def is_empty(self) -> bool:
        return not (self.relatives or self.links or self.details or self.childhood or self.history.strip())


def people_ids(case: "Case") -> set[str]:
    """Everyone a relationship may join: the household's adults and children, and the relatives."""
    return {a.id for a in case.adults} | {c.id for c in case.children} | {r.id for r in case.family.relatives}


def problem(family: Family, known: set[str]) -> str | None:
    """What is wrong with the family as it would be kept, in words; None when it can be kept."""
    for r in family.relatives:
        if not r.name.strip():
            return "Give each relative a name (or how the family refers to them)."
        if r.born is not None and not 1850 <= r.born <= 2100:
            return f"{r.name}: the year of birth {r.born} cannot be right."
    seen = set()
    for link in family.links:
        if link.a == link.b:
            return "A relationship joins two different people."
        if link.a not in known or link.b not in known:
            return "A relationship names someone who is not in the family."
        pair = (link.bond.couple, *sorted((link.a, link.b))) if link.bond.couple else (False, link.a, link.b)
        if pair in seen:
            return "The same two people are joined twice in the same way."
        seen.add(pair)
    for pid in list(family.details) + list(family.childhood):
        if pid not in known:
            return "Details are given for someone who is not in the family."
    for text in [family.history, *family.childhood.values(), *(r.notes for r in family.relatives),
                 *(link.notes for link in family.links)]:
        if len(text) > TEXT_LIMIT:
            return f"A text is {len(text):,} characters long; at most {TEXT_LIMIT:,}."
    return None


def parents_of(case: "Case", child_id: str) -> list[str]:
    """The ids of a child's parents: those linked as a parent, then the household's mother and then
    its father, until there are two. A relationship recorded for one parent (a father living elsewhere,
    the partner who is a baby's father) never takes the child away from the mother they live with."""
    from .case import AdultRole

    linked = [link.a for link in case.family.links if link.bond is Bond.PARENT and link.b == child_id]
    for role in (AdultRole.MOTHER, AdultRole.FATHER):
        for a in case.adults:
            if len(linked) < 2 and a.role is role and a.id not in linked:
                linked.append(a.id)
    return linked


def to_dict(f: Family) -> dict[str, Any]:
    return {
        "relatives": [{"id": r.id, "name": r.name, "role": r.role.value, "role_detail": r.role_detail,
                       "gender": r.gender.value, "born": r.born, "died": r.died, "where": r.where, "notes": r.notes}
                      for r in f.relatives],
        "links": [{"id": x.id, "a": x.a, "b": x.b, "bond": x.bond.value, "notes": x.notes} for x in f.links],
        "details": {pid: {"gender": d.gender.value, "born": d.born, "died": d.died} for pid, d in f.details.items()},
        "childhood": dict(f.childhood),
        "history": f.history,
    }


def from_dict(d: dict[str, Any]) -> Family:
    """A family as the store keeps it (checked when it was kept or imported)."""
    return Family(
        [Relative(r["name"], Role(r["role"]), Gender(r.get("gender", "other")), r.get("born"), bool(r.get("died")),
                  r.get("where", ""), r.get("notes", ""), r.get("role_detail", ""), r["id"])
         for r in d.get("relatives", [])],
        [Link(x["a"], x["b"], Bond(x["bond"]), x.get("notes", ""), x["id"]) for x in d.get("links", [])],
        {pid: Details(Gender(v.get("gender", "other")), v.get("born"), bool(v.get("died")))
         for pid, v in d.get("details", {}).items()},
        dict(d.get("childhood", {})),
        d.get("history", ""),
    )
