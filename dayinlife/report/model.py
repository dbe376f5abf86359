"""What goes into one child's report: which interviews, on which templates, and how people are named.

Kept apart from the Word writing so the choices (the latest interview of each person is compared,
earlier ones show change over time) are easy to read and to test.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..case import Case, Child, Interview, PerspectiveKind
from ..compare import Comparison, TopicChange, change_over_time, compare
from ..prompts import Pronouns
from ..template_model import Template
from .options import ReportError, ReportOptions
from .anonymise import Anonymiser, anonymiser_for


def find_child(case: Case, name: str) -> Child:
    """A child of the case by full name, the name they are known as, or first name (any case)."""
    wanted = name.strip().casefold()
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
    names = ", ".join(c.name for c in case.children) or "none"
    raise ReportError(f"No child called {name!r} in case {case.reference} (children: {names}).")


def _person(iv: Interview) -> tuple[str, str | None]:
    return iv.perspective.kind.value, iv.perspective.adult_id


@dataclass
class InterviewChoice:
    compared: list[Interview]                       # the latest of each person: child, parents, professionals
    earlier: dict[str, list[Interview]] = field(default_factory=dict)  # compared interview id -> older ones


def choose_interviews(case: Case, child: Child) -> InterviewChoice:
    """All of the child's interviews; where one person gave several, the latest is compared and
    the earlier ones feed the change over time."""
    groups: dict[tuple[str, str | None], list[Interview]] = {}
    for iv in child.interviews:
        groups.setdefault(_person(iv), []).append(iv)
    order = {a.id: i for i, a in enumerate(case.adults)}

    def rank(key: tuple[str, str | None]) -> tuple[int, int]:
        kind, adult = key
        return ({"child": 0, "parent": 1, "professional": 2}[kind], order.get(adult, 0) if adult else 0)

    compared, earlier = [], {}
    for key in sorted(groups, key=rank):
        ivs = sorted(groups[key], key=lambda iv: (iv.held_on, iv.created))
        compared.append(ivs[-1])
        if len(ivs) > 1:
            earlier[ivs[-1].id] = ivs[:-1]
    return InterviewChoice(compared, earlier)


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
    b = child.date_of_birth
    months = (on.year - b.year) * 12 + on.month - b.month - (on.day < b.day)
    if months < 0:
        return "—"
    if months < 24:
        return f"{months} month{'s' if months != 1 else ''}"
    years, rest = divmod(months, 12)
    return f"{years} years" + (f" {rest} month{'s' if rest != 1 else ''}" if rest else "")


def long_date(d: date | None) -> str:
    return f"{d.day} {d:%B %Y}" if d else "—"


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
    analysis: object | None
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
        who = (getattr(self.analysis, "practitioner", "") or "").strip() or self.case.practitioner.strip()
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
    choice = choose_interviews(case, child)
    if interviews is not None:
        choice = InterviewChoice(list(interviews), {})
    if not choice.compared:
        raise ReportError(f"There are no interviews about {child.called or 'this child'} yet: "
                          f"nothing to report.")
    analysis = case.analyses.get(child.id)
    anon = anonymiser_for(case, active=options.anonymise)
    lead = next((iv for iv in choice.compared if iv.perspective.kind is PerspectiveKind.CHILD), choice.compared[0])
    template = template_for(case, lead, library)
    comparison = compare(case, child, choice.compared, template)
    labels = {}
    for v in comparison.voices:
        p = v.interview.perspective
        if p.kind is PerspectiveKind.PARENT:
            adult = case.adult(p.adult_id)
            labels[v.label] = f"{anon.name(adult.name)} ({anon.text(adult.role_detail) or adult.role.label.lower()})"
        elif p.kind is PerspectiveKind.CHILD:
            labels[v.label] = f"{anon.name(child.name) if options.anonymise else (child.called or 'The child')} (child)"
        else:
            labels[v.label] = "Professionals"
    model = ReportModel(case, child, options, anon, template, comparison, choice, labels, [], analysis,
                        today or date.today())
    for v in comparison.voices:
        for older in choice.earlier.get(v.interview.id, []):
            later = v.interview
            rows = change_over_time((older, template_for(case, older, library)),
                                    (later, template_for(case, later, library)), model.name, child.pronouns)
            model.changes.append((labels[v.label], older, later, rows))
    return model
