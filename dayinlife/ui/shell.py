"""What every screen may ask of the main window. Screens get a `Shell` and never reach past it,
so a screen can be tested with a small stand-in (see tests/ui/conftest.py)."""

from __future__ import annotations

from typing import Protocol

from ..case import Case, Child, Interview
from ..session import Session


class Shell(Protocol):
    session: Session

    def show_cases(self) -> None:
        """Go to the case list."""

    def open_case(self, case_id: str) -> None:
        """Go to one case's household page."""

    def open_interview(self, case: Case, child: Child, interview: Interview) -> None:
        """Go to the guided interview (a new one, or one to continue)."""

    def open_compare(self, case: Case, child: Child) -> None:
        """Go to one child's comparison of perspectives and the practitioner's analysis
        (practitioner only; never in child mode)."""

    def open_chronology(self, case: Case, child_id: str | None = None) -> None:
        """Go to the case's chronology (one child's, when `child_id` names one)."""

    def open_family(self, case: Case) -> None:
        """Go to the case's wider family."""

    def open_scores(self, case: Case) -> None:
        """Go to the case's scores from other tools."""

    def show_error(self, message: str) -> None:
        """Tell the practitioner something went wrong (one clear sentence; nothing is lost)."""

    def set_status(self, message: str) -> None:
        """A passing note in the status bar."""
