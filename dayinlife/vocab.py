"""The fixed vocabularies the templates are tagged with: Horwath's types of neglect and the Assessment Framework."""

from __future__ import annotations

from enum import Enum


class NeglectType(str, Enum):
    """Horwath's six types of neglect; the value is the code templates use."""

    MEDICAL = "MED"
    NUTRITIONAL = "NUT"
    EMOTIONAL = "EMO"
    EDUCATIONAL = "EDU"
    PHYSICAL = "PHY"
    SUPERVISION = "SUP"

    @property
    def label(self) -> str:
        return NEGLECT_LABELS[self]

    @property
    def short_label(self) -> str:
        return "Supervision" if self is NeglectType.SUPERVISION else NEGLECT_LABELS[self]


NEGLECT_LABELS = {
    NeglectType.MEDICAL: "Medical",
    NeglectType.NUTRITIONAL: "Nutritional",
    NeglectType.EMOTIONAL: "Emotional",
    NeglectType.EDUCATIONAL: "Educational",
    NeglectType.PHYSICAL: "Physical",
    NeglectType.SUPERVISION: "Lack of supervision and guidance",
}

# The Assessment Framework triangle: code -> plain label, grouped by side.
FRAMEWORK_SIDES = {
    "CDN": "Child's developmental needs",
    "PC": "Parenting capacity",
    "FEF": "Family and environmental factors",
}

FRAMEWORK_DIMENSIONS = {
    "CDN.health": "Health",
    "CDN.education": "Education",
    "CDN.emotional_behavioural": "Emotional and behavioural development",
    "CDN.identity": "Identity",
    "CDN.family_social": "Family and social relationships",
    "CDN.social_presentation": "Social presentation",
    "CDN.self_care": "Self-care skills",
    "PC.basic_care": "Basic care",
    "PC.safety": "Ensuring safety",
    "PC.warmth": "Emotional warmth",
    "PC.stimulation": "Stimulation",
    "PC.guidance_boundaries": "Guidance and boundaries",
    "PC.stability": "Stability",
    "FEF.history_functioning": "Family history and functioning",
    "FEF.wider_family": "Wider family",
    "FEF.housing": "Housing",
    "FEF.employment": "Employment",
    "FEF.income": "Income",
    "FEF.social_integration": "Family's social integration",
    "FEF.community_resources": "Community resources",
}


class StageKind(str, Enum):
    """Where a stage sits in the walk: the weekday first, then the rest."""

    DAY = "day"
    IMAGINED = "imagined"
    WEEKEND = "weekend"
    HOLIDAYS = "holidays"
    OTHER_CARERS = "other_carers"
    OTHER = "other"

    @property
    def is_time_of_day(self) -> bool:
        return self in (StageKind.DAY, StageKind.IMAGINED)


class ChildVoice(str, Enum):
    """How a template puts its child prompts."""

    DIRECT = "direct"
    BABY = "baby"
    OWN_MODE = "own_mode"

    @property
    def needs_observation(self) -> bool:
        return self is not ChildVoice.DIRECT
