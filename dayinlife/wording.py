"""Small pieces of wording said in more than one place (screens and report alike), kept once."""

from __future__ import annotations

from .case import PerspectiveKind

# The heading over a person's own account of a topic.
ANSWER_HEADING = {
    PerspectiveKind.CHILD: "In their own words",
    PerspectiveKind.PARENT: "In their own words",
    PerspectiveKind.PROFESSIONAL: "What professionals know",
}


def plural(n: int, one: str, many: str | None = None) -> str:
    """'1 interview', '2 interviews', '3 children' (with `many`)."""
    return f"{n} {one if n == 1 else (many or one + 's')}"
