"""An unlocked working session: the store and the templates, with the operations the screens use.

Plain Python: the Qt screens call these and show the results; tests call them directly.
"""

from __future__ import annotations

from datetime import date

from .case import Adult, Answer, Case, Child, Interview, Perspective
from .choice import Suggestion, suggest_template
from .store import CaseSummary, Store, StoreError
from .template_loader import TemplateLibrary
from .template_model import Template


class Session:
    def __init__(self, store: Store, library: TemplateLibrary):
        self.store = store
        self.library = library

    # ------------------------------------------------------------------ cases

    def cases(self, search: str = "", include_archived: bool = False) -> list[CaseSummary]:
        return self.store.list_cases(search=search, include_archived=include_archived)

    def new_case(self, reference: str, practitioner: str = "") -> Case:
        reference = reference.strip()
        if not reference:
            raise StoreError("Give the case a reference.")
        case = Case(reference, practitioner=practitioner)
        self.store.save_case(case)
        return case

    def open_case(self, case_id: str) -> Case:
        return self.store.load_case(case_id)

    def save_case(self, case: Case) -> None:
        self.store.save_case(case)

    def set_hidden(self, case: Case, typed: str | list[str]) -> list[str]:
        """Save the other names and places an anonymised report hides (text one per line, or a list):
        blank lines and repeats dropped. The case is left as it was if the store refuses (StoreError)."""
        lines = typed.splitlines() if isinstance(typed, str) else list(typed)
        entries: list[str] = []
        for line in (ln.strip() for ln in lines):
            if line and line.casefold() not in {e.casefold() for e in entries}:
                entries.append(line)
        if entries == case.hidden:
            return entries
        case.updated = self.store.save_hidden(case.id, entries)
        case.hidden = entries
        return entries

    def archive_case(self, case_id: str, archived: bool = True) -> None:
        self.store.set_archived(case_id, archived)

    def delete_case(self, case_id: str) -> None:
        self.store.delete_case(case_id)

    @staticmethod
    def what_deletion_loses(case: Case) -> str:
        """The words for the confirmation: what will be gone for good."""
        interviews = sum(len(c.interviews) for c in case.children)
        answers = sum(len(i.answers) for c in case.children for i in c.interviews)
        people = len(case.adults) + len(case.children)
        return (f"Case {case.reference}: {people} people in the household, {interviews} interview(s) and "
                f"{answers} recorded answer(s) will be deleted for good. This cannot be undone.")

    # ------------------------------------------------------------------ household

    def remove_adult(self, case: Case, adult: Adult) -> None:
        """Remove an adult and the interviews they gave."""
        for child in case.children:
            child.interviews = [i for i in child.interviews if i.perspective.adult_id != adult.id]
        case.adults = [a for a in case.adults if a.id != adult.id]
        self.store.save_case(case)

    def remove_child(self, case: Case, child: Child) -> None:
        case.children = [c for c in case.children if c.id != child.id]
        self.store.save_case(case)

    def suggest(self, child: Child, on: date | None = None) -> Suggestion | None:
        try:
            return suggest_template(self.library, date_of_birth=child.date_of_birth,
                                    expected_date=child.expected_date, disabled=child.is_disabled, on=on)
        except ValueError:
            return None

    # ------------------------------------------------------------------ interviews

    def start_interview(self, case: Case, child: Child, perspective: Perspective, template_id: str,
                        held_on: date, **details: str) -> Interview:
        template = self.library.get(template_id)
        interview = case.start_interview(child, perspective, template, held_on, **details)
        self.store.save_case(case)
        return interview

    def template_for(self, case: Case, interview: Interview) -> Template:
        """The exact template the interview was made with (see interview.template_for)."""
        from .interview import TemplateUnavailable, template_for

        try:
            return template_for(case, interview, self.library)
        except TemplateUnavailable as exc:
            raise StoreError(str(exc)) from None

    def save_answer(self, interview: Interview, topic_key: str, answer: Answer) -> None:
        interview.answers[topic_key] = answer
        self.store.save_answer(interview.id, topic_key, answer)

    # ------------------------------------------------------------------ comparing and the analysis

    def compare(self, case: Case, child: Child, interviews: list[Interview]):
        """The chosen interviews of one child side by side (see compare.py), in the order and with
        the names voices.py gives them, on the template of the child's own interview (else the
        first); topics are matched by key across template versions."""
        from .compare import compare
        from .voices import lead_interview, ordered

        interviews = ordered(case, interviews)
        return compare(case, child, interviews, self.template_for(case, lead_interview(interviews)))

    def analysis(self, case: Case, child: Child):
        from .analysis import Analysis

        return case.analyses.setdefault(child.id, Analysis(child.id))

    def save_analysis(self, case: Case, analysis) -> None:
        case.analyses[analysis.child_id] = analysis
        self.store.save_analysis(analysis)

    def lock(self) -> None:
        self.store.close()
