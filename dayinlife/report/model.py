"""What goes into one child's report: which interviews, on which templates, and how people are named.

Which interviews are compared is voices.py's rule, the same as the compare screen's (the latest
of each person, each professional source its own voice; earlier ones show change over time).
Kept apart from the Word writing so the choices are easy to read and to test.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .. import dates, people
from ..analysis import Analysis
from ..case import Case, Child, Interview, PerspectiveKind
from ..compare import Comparison, TopicChange, change_over_time, compare
from ..dates import exact_age, long_date
from ..prompts import Pronouns
from ..template_model import Template
from ..voices import InterviewChoice, choice_of, choose_interviews, in_babys_voice, lead_interview, voice_labels
from .options import ReportError, ReportOptions
from .anonymise import Anonymiser, anonymiser_for

__all__ = ["InterviewChoice", "ReportModel", "age_text", "build_model", "choose_interviews", "find_child",
           "long_date", "template_for"]


def find_child(case: Case, name: str) -> Child:
    """A child of the case by full name, the name they are known as, or first name (any case)."""
    wanted = name.strip().casefold()
    names = ", ".join(c.name for c in case.children) or "none"
    if not wanted:
        raise ReportError(f"No child's name was given: name one of the children in case {case.reference} "
                          f"(children: {names}).")
    for test in (lambda c: c.name.strip().casefold() == wanted,
                 lambda c: c.known_as.strip().casefold() == wanted,
                 lambda c: c.called.casefold() == wanted,
                 lambda c: c.name.strip().split()[0].casefold() == wanted if c.name.strip() else False):
        found = [c for c in case.children if test(c)]
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            raise ReportError(f"More than one child in case {case.reference} is called {name!r}: "
                              f"give the full name.")
    raise ReportError(f"No child called {name!r} in case {case.reference} (children: {names}).")


def template_for(case: Case, interview: Interview, library=None) -> Template:
    """The exact template the interview was made with (see interview.template_for)."""
    from ..interview import TemplateUnavailable, template_for as exact

    try:
        return exact(case, interview, library)
    except TemplateUnavailable as exc:
        raise ReportError(str(exc)) from None


def age_text(child: Child, on: date) -> str:
    if child.date_of_birth is None:
        return f"Not yet born (expected {long_date(child.expected_date)})" if child.expected_date else "Not yet born"
    return exact_age(child.date_of_birth, on)


@dataclass
class ReportModel:
    """Everything the writer needs, already chosen and named."""

    case: Case
    child: Child
    options: ReportOptions
    anon: Anonymiser
    template: Template
    comparison: Comparison
    choice: InterviewChoice
    labels: dict[str, str]                  # comparison voice label -> label as the report shows it
    changes: list[tuple[str, Interview, Interview, list[TopicChange]]]
    analysis: Analysis | None
    today: date

    @property
    def name(self) -> str:
        """How the report calls the child: known-as or first name, or a label ("Child A") when anonymised."""
        if self.options.anonymise:
            return self.anon.name(self.child.name)
        return self.child.called or ("the baby" if self.child.is_unborn else "the child")

    @property
    def full_name(self) -> str:
        return self.anon.name(self.child.name)

    @property
    def practitioner(self) -> str:
        """Who wrote it: the analysis's "written by", else the case's practitioner; "" if neither."""
        who = (self.analysis.practitioner if self.analysis is not None else "").strip() or self.case.practitioner.strip()
        return self.anon.name(who) if who else ""

    @property
    def their(self) -> str:
        try:
            return Pronouns.named(self.child.pronouns).their
        except Exception:
            return "their"

    def render(self, source: str) -> str:
        try:
            return self.template.render(source, self.name, self.child.pronouns)
        except Exception:
            return source

    def voice(self, kind: PerspectiveKind) -> list[str]:
        return [v.label for v in self.comparison.voices if v.kind is kind]


def build_model(case: Case, child: Child, options: ReportOptions, library=None,
                interviews: list[Interview] | None = None, today: date | None = None) -> ReportModel:
    if child not in case.children:
        raise ReportError("That child is not in this case.")
    choice = choose_interviews(case, child) if interviews is None else choice_of(case, child, list(interviews))
    if not choice.compared:
        raise ReportError(f"There are no interviews about {child.called or 'this child'} yet: "
                          f"nothing to report.")
    analysis = case.analyses.get(child.id)
    anon = anonymiser_for(case, active=options.anonymise)
    template = template_for(case, lead_interview(choice.compared), library)
    # who a named answer names, as the report calls them (anonymised when asked)
    named = people.household(case, child, name=anon.name, text=anon.text)
    comparison = compare(case, child, choice.compared, template, people=named)
    # The report's own names for the voices: anonymised when asked, the child by name.
    shown = voice_labels(case, child, choice.compared, name=anon.name, text=anon.text)
    child_label = f"{anon.name(child.name) if options.anonymise else (child.called or 'The child')} (child)"
    # A child asked in person is named as the child; a baby's voice says who told it, as on screen.
    labels = {v.label: child_label if v.kind is PerspectiveKind.CHILD and not in_babys_voice(v.interview, case)
              else shown[v.interview.id] for v in comparison.voices}
    model = ReportModel(case, child, options, anon, template, comparison, choice, labels, [], analysis,
                        today or dates.today())
    for v in comparison.voices:
        for older in choice.earlier.get(v.interview.id, []):
            later = v.interview
            rows = change_over_time((older, template_for(case, older, library)),
                                    (later, template_for(case, later, library)), model.name, child.pronouns,
                                    named)
            model.changes.append((labels[v.label], older, later, rows))
    return model
