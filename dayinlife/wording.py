"""Small pieces of wording said in more than one place (screens and report alike), kept once."""

from __future__ import annotations

from .case import PerspectiveKind

# The heading over a person's own account of a topic.
ANSWER_HEADING = {
    PerspectiveKind.CHILD: "In their own words",
    PerspectiveKind.PARENT: "In their own words",
    PerspectiveKind.PROFESSIONAL: "What professionals know",
}


# Said first where a template has no opening of its own (templates' [common] opening_child/_parent).
OPENING = ("There are no right or wrong answers, and you can pass on any question. What you say goes into "
           "the assessment. If anything you tell me means a child may not be safe, I will have to act on it. "
           "I will usually talk to you about it first, unless that could put someone at risk.")

# What to do when something is disclosed: guidance for the practitioner, never a referral by the tool.
DISCLOSURE_STEPS = (
    "Listen. Let them say it in their own words; if you ask anything, keep it open (“Tell me more”, "
    "“What happened next?”), never leading.",
    "Do not promise to keep it secret. Say who you will need to tell, and why.",
    "Stop when you know enough to act: this is not the time to investigate.",
    "If anyone is in immediate danger, call 999.",
    "Tell your manager or your safeguarding lead today, and follow your local safeguarding procedures.",
    "Write down what was said, word for word, as soon as you can (here), with the question before it.",
    "A young person can also talk to Childline, free, on 0800 1111, at any time.",
)


def feeling_heading(template, kind: PerspectiveKind, name: str) -> str:
    """The words before a face chosen in an answer, for the faces the template uses: a child's own
    face, an adult's idea of it, an adult's own feeling (pre-birth), or how a baby seems (states)."""
    if template.common.own_feelings:
        return "How they feel themselves"
    if not template.feelings.ordered:  # a baby's states: how the baby seems, never how it "feels"
        return f"How {name} seems" + ("" if kind is not PerspectiveKind.PARENT else " to them")
    if kind is PerspectiveKind.CHILD:
        return "How it feels"
    if kind is PerspectiveKind.PARENT:
        return f"How they think {name} feels"
    return f"How {name} seems to feel"


def plural(n: int, one: str, many: str | None = None) -> str:
    """'1 interview', '2 interviews', '3 children' (with `many`)."""
    return f"{n} {one if n == 1 else (many or one + 's')}"
