"""An unlocked working session: the store and the templates, with the operations the screens use.

Every change a screen or the command line makes is one of these named methods (the one door to
the core): each saves what it changed, and if the store refuses (StoreError) it leaves the case
exactly as it was, so the screen can keep what was typed and say why. Plain Python: the Qt screens
call these and show the results; tests call them directly (tests/test_session.py).
"""

from __future__ import annotations

import copy
import dataclasses
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Iterator

from .analysis import Analysis
from .case import (Adult, AdultRole, Answer, Case, Child, Disclosure, Drawing, Interview, Perspective,
                   PerspectiveKind, REFERENCE_LIMIT, Worry, clean_reference, new_id, now, one_line)
from .chronology import Event
from .interchange import drawing_problem
from .template_choice import Suggestion, suggest_template
from .store import CaseSummary, Store, StoreError

__all__ = ["CaseSummary", "ReferenceTaken", "Session", "StoreError", "create_store", "open_store"]


class ReferenceTaken(StoreError):
    """Another case already has that reference."""


def _precise_now():
    """Now, to the microsecond: what is kept for the record is ordered by it."""
    from datetime import datetime, timezone

    return datetime.now(timezone.utc)


def _one_line_names(details: dict) -> dict:
    """A child's name and 'known as' kept as one clean line (case.one_line), whatever was pasted."""
    return {k: one_line(v) if k in ("name", "known_as") and isinstance(v, str) else v for k, v in details.items()}


def create_store(folder: Path, passphrase: str) -> Store:
    """A new store under a new passphrase: the handle the lock screen gives the main window."""
    return Store.create(Path(folder), passphrase)


def restore_store(backup: Path, folder: Path, passphrase: str) -> Store:
    """A backup restored into `folder` (which holds no store: new, empty, or one whose database is
    missing) and opened, under the passphrase the store had when the backup was made."""
    return Store.restore(Path(backup), Path(folder), passphrase)


def open_store(folder: Path, passphrase: str) -> Store:
    """The store, unlocked (WrongPassphrase, Throttled, a damaged store...: StoreError, in words)."""
    return Store.open(Path(folder), passphrase)
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
        """A new, empty case. References are unique: another case with it is refused, with the reason."""
        reference = self._free_reference(reference)
        case = Case(reference, practitioner=practitioner)
        self.store.save_case(case)
        return case

    def rename_case(self, case: Case, reference: str) -> None:
        """A new reference for the case: never empty, never another case's."""
        reference = self._free_reference(reference, case.id)
        if reference == case.reference:
            return
        with self._changing(case):
            case.reference = reference
            self.store.save_case(case)

    def _free_reference(self, reference: str, own_id: str | None = None) -> str:
        reference = clean_reference(reference)
        if not reference:
            raise StoreError("Give the case a reference.")
        if len(reference) > REFERENCE_LIMIT:
            raise StoreError(f"A case reference is at most {REFERENCE_LIMIT} characters; this one is "
                             f"{len(reference):,}.")
        existing = self.store.find_case(reference)
        if existing is not None and existing != own_id:
            raise ReferenceTaken(f"Another case already has the reference {reference}.")
        return reference

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

    @contextmanager
    def _changing(self, case: Case) -> Iterator[None]:
        """Make a change that ends in a save; if the store refuses, put the case back as it was."""
        before = copy.deepcopy(case)
        try:
            yield
        except StoreError:
            for f in dataclasses.fields(Case):
                setattr(case, f.name, getattr(before, f.name))
            raise

    # ------------------------------------------------------------------ household

    def add_adult(self, case: Case, name: str, role: AdultRole, role_detail: str = "") -> Adult:
        adult = Adult(one_line(name), role, role_detail=one_line(role_detail) if role is AdultRole.OTHER else "")
        with self._changing(case):
            case.adults.append(adult)
            self.store.save_case(case)
        return adult

    def update_adult(self, case: Case, adult: Adult, name: str, role: AdultRole, role_detail: str = "") -> None:
        with self._changing(case):
            mine = case.adult(adult.id)
            mine.name, mine.role = one_line(name), role
            mine.role_detail = one_line(role_detail) if role is AdultRole.OTHER else ""
            self.store.save_case(case)

    def remove_adult(self, case: Case, adult: Adult) -> None:
        """Remove an adult and the interviews they gave."""
        with self._changing(case):
            for child in case.children:
                child.interviews = [i for i in child.interviews if i.perspective.adult_id != adult.id]
            case.adults = [a for a in case.adults if a.id != adult.id]
            self._forget_person(case, adult.id)
            self.store.save_case(case)

    def add_child(self, case: Case, **details) -> Child:
        """A new child of the household (Child's fields: name, date_of_birth or expected_date, ...)."""
        child = Child(**_one_line_names(details))
        with self._changing(case):
            case.children.append(child)
            self.store.save_case(case)
        return child

    def update_child(self, case: Case, child: Child, **details) -> None:
        if details.get("date_of_birth") is None and details.get("expected_date") is None:
            raise ValueError("a child needs a date of birth or an expected date of delivery")
        with self._changing(case):
            mine = case.child(child.id)
            for key, value in _one_line_names(details).items():
                setattr(mine, key, value)
            self.store.save_case(case)

    def remove_child(self, case: Case, child: Child) -> None:
        """Remove a child, their interviews and analysis, and the chronology's events about only them
        (`only_about`); events about them and others stay, for the others."""
        with self._changing(case):
            case.children = [c for c in case.children if c.id != child.id]
            case.analyses.pop(child.id, None)
            self._forget_person(case, child.id)
            case.chronology = [e for e in case.chronology if e.child_ids != [child.id]]
            for e in case.chronology:
                e.child_ids = [c for c in e.child_ids if c != child.id]
            case.scores = [x for x in case.scores if x.child_ids != [child.id]]
            for x in case.scores:
                x.child_ids = [c for c in x.child_ids if c != child.id]
            self.store.save_case(case)

    @staticmethod
    def only_about(case: Case, child: Child) -> list:
        """The chronology's events and the sets of scores that concern this child alone (removed with them)."""
        return [*(e for e in case.chronology if e.child_ids == [child.id]),
                *(x for x in case.scores if x.child_ids == [child.id])]

    def suggest(self, child: Child, on: date | None = None) -> Suggestion | None:
        try:
            return suggest_template(self.library, date_of_birth=child.date_of_birth,
                                    expected_date=child.expected_date, disabled=child.is_disabled, on=on)
        except ValueError:
            return None

    # ------------------------------------------------------------------ the chronology

    def chronology(self, case: Case, child_id: str | None = None, neglect=None, *, newest_first: bool = False):
        """The case's chronology: the events recorded and the app's own interviews and analyses, in
        time order (chronology.entries)."""
        from .chronology import entries

        return entries(case, child_id, neglect, newest_first=newest_first)

    def keep_event(self, case: Case, event: Event) -> Event:
        """A new event, or one changed (the same id), kept at once. Refused in words (ValueError)
        when it says nothing of what happened or a field is far too long; the case is left as it was
        if the store refuses (StoreError)."""
        from .chronology import clean_event, event_problem

        event = clean_event(copy.deepcopy(event), {c.id for c in case.children})
        problem = event_problem(event)
        if problem:
            raise ValueError(problem)
        stamp = now()
        event.updated = stamp
        event.created = event.created or stamp
        with self._changing(case):
            case.chronology = [e for e in case.chronology if e.id != event.id] + [event]
            self.store.save_case(case)
        return event

    def remove_event(self, case: Case, event_id: str) -> None:
        with self._changing(case):
            case.chronology = [e for e in case.chronology if e.id != event_id]
            self.store.save_case(case)

    # ------------------------------------------------------------------ the wider family

    def save_family(self, case: Case, family) -> None:
        """The wider family as it now stands (relatives, relationships, details, history), kept at once;
        refused in words (ValueError) when it does not hold together; the case is left as it was if
        the store refuses (StoreError)."""
        from .family import problem

        family = copy.deepcopy(family)
        for r in family.relatives:
            r.name, r.role_detail = one_line(r.name), one_line(r.role_detail)
        known = {a.id for a in case.adults} | {c.id for c in case.children} | {r.id for r in family.relatives}
        said = problem(family, known)
        if said:
            raise ValueError(said)
        with self._changing(case):
            case.family = family
            self.store.save_case(case)

    @staticmethod
    def _forget_person(case: Case, person_id: str) -> None:
        f = case.family
        f.links = [x for x in f.links if person_id not in (x.a, x.b)]
        f.details.pop(person_id, None)
        f.childhood.pop(person_id, None)

    # ------------------------------------------------------------------ scores from other tools

    def keep_scores(self, case: Case, score_set) -> object:
        """A new set of scores, or one changed (the same id), kept at once; refused in words
        (ValueError, scores.problem) and the case left as it was if the store refuses (StoreError)."""
        from .scores import clean, problem

        known = {c.id for c in case.children}
        kept = clean(copy.deepcopy(score_set), known)
        said = problem(kept, known)
        if said:
            raise ValueError(said)
        kept.updated = now()
        with self._changing(case):
            case.scores = [x for x in case.scores if x.id != kept.id] + [kept]
            self.store.save_case(case)
        return kept

    def remove_scores(self, case: Case, score_id: str) -> None:
        with self._changing(case):
            case.scores = [x for x in case.scores if x.id != score_id]
            self.store.save_case(case)

    # ------------------------------------------------------------------ interviews

    def start_interview(self, case: Case, child: Child, perspective: Perspective, template_id: str,
                        held_on: date, **details: str) -> Interview:
        template = self.library.get(template_id)
        with self._changing(case):
            interview = case.start_interview(child, perspective, template, held_on, **details)
            self.store.save_case(case)
        return interview

    def set_seen_alone(self, case: Case, interview: Interview, alone: bool | None) -> None:
        """Record whether the person was seen on their own (None: not recorded)."""
        with self._changing(case):
            mine = next(iv for c in case.children for iv in c.interviews if iv.id == interview.id)
            mine.seen_alone = alone
            self.store.save_case(case)

    def record_disclosure(self, case: Case, interview: Interview, words: str, asked: str = "",
                          topic_key: str = "") -> Disclosure:
        """Something disclosed, in the person's exact words, with the question asked before it and the
        time. The practitioner acts on it; the tool never refers anyone itself."""
        if not words.strip():
            raise ValueError("write down what was said, in the person's own words")
        disclosure = Disclosure(words, asked.strip(), topic_key)
        with self._changing(case):
            mine = next(iv for c in case.children for iv in c.interviews if iv.id == interview.id)
            mine.disclosures.append(disclosure)
            self.store.save_case(case)
        return disclosure

    def record_worry(self, case: Case, interview: Interview, stage_key: str, topic_key: str = "") -> Worry:
        """The child pressed "Something worries me" at this stage (and topic): kept at once, before
        the child is asked whether they want to say what it is."""
        if interview.perspective.kind is not PerspectiveKind.CHILD:
            raise ValueError("only a child's own interview has \"Something worries me\"")
        worry = Worry(stage_key, topic_key)
        with self._changing(case):
            self._own(case, interview).worries.append(worry)
            self.store.save_case(case)
        return worry

    def say_worry(self, case: Case, interview: Interview, worry: Worry, words: str) -> None:
        """What the child said the worry is, in their words (they may say nothing)."""
        with self._changing(case):
            mine = next(w for w in self._own(case, interview).worries if w.id == worry.id)
            mine.words = words.strip()
            self.store.save_case(case)
        worry.words = words.strip()

    def keep_drawing(self, case: Case, interview: Interview, drawing: Drawing) -> None:
        """A drawing from child mode, kept at once (a new one, or a caption changed): encrypted with
        the interview in the store, never written anywhere in clear."""
        if interview.perspective.kind is not PerspectiveKind.CHILD:
            raise ValueError("only a child's own interview has drawings")
        problem = drawing_problem(drawing.png)
        if problem:
            raise ValueError(f"the drawing {problem}")
        drawing.caption = drawing.caption.strip()
        with self._changing(case):
            mine = self._own(case, interview)
            mine.drawings = [d for d in mine.drawings if d.id != drawing.id] + [drawing]
            self.store.save_case(case)
        if interview is not mine:
            interview.drawings = [d for d in interview.drawings if d.id != drawing.id] + [drawing]

    @staticmethod
    def _own(case: Case, interview: Interview) -> Interview:
        return next(iv for c in case.children for iv in c.interviews if iv.id == interview.id)

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

    def analysis(self, case: Case, child: Child) -> Analysis:
        return case.analyses.setdefault(child.id, Analysis(child.id))

    def save_analysis(self, case: Case, analysis: Analysis) -> None:
        case.analyses[analysis.child_id] = analysis
        self.store.save_analysis(analysis)

    # ------------------------------------------------------------------ oversight

    def keep_version(self, case: Case, child: Child):
        """Keep the analysis as it stands now as its next version, for a manager's review: who wrote it
        (its "written by"), when, and what it said; kept for good. Refused in words (ValueError) when
        nothing is written, no one is named as its writer, or nothing has changed since the last one."""
        from .oversight import Version

        analysis = self.analysis(case, child)
        if not self._written(analysis):
            raise ValueError("Nothing is written in the analysis yet: there is nothing to submit for review.")
        by = " ".join((analysis.practitioner or case.practitioner).split())
        if not by:
            raise ValueError("Say who wrote the analysis (Written by) before submitting a version for review.")
        if analysis.versions and analysis.versions[-1].data == analysis.content():
            raise ValueError(f"Version {analysis.versions[-1].number} already holds the analysis as it stands: "
                             f"nothing has changed since it was submitted.")
        version = Version(len(analysis.versions) + 1, _precise_now(), by, analysis.content(), new_id())
        return self._for_the_record(analysis, version=version)

    def record_review(self, case: Case, child: Child, by: str, outcome, comments: str = "", at=None):
        """A manager's review of the analysis as it stands: kept as a new version first if it has changed
        since the last one (what was reviewed is always on record), then the review; kept for good."""
        from .oversight import COMMENTS_LIMIT, Outcome, Review, Version

        analysis = self.analysis(case, child)
        by = " ".join(by.split())
        if not by:
            raise ValueError("Say who reviewed it: your name and role.")
        if len(comments) > COMMENTS_LIMIT:
            raise ValueError(f"The comments are {len(comments):,} characters long; at most {COMMENTS_LIMIT:,}.")
        if not self._written(analysis):
            raise ValueError("Nothing is written in the analysis yet: there is nothing to review.")
        version = None
        if not analysis.versions or analysis.versions[-1].data != analysis.content():
            writer = " ".join((analysis.practitioner or case.practitioner).split()) or "not named"
            version = Version(len(analysis.versions) + 1, _precise_now(), writer, analysis.content(), new_id())
        number = version.number if version else analysis.versions[-1].number
        review = Review(number, by, at or _precise_now(), Outcome(outcome), comments.strip(), new_id())
        self._for_the_record(analysis, version=version, review=review)
        return review

    def _for_the_record(self, analysis: Analysis, *, version=None, review=None):
        before = (list(analysis.versions), list(analysis.reviews))
        if version is not None:
            analysis.versions.append(version)
        if review is not None:
            analysis.reviews.append(review)
        try:
            self.store.keep_for_the_record(analysis)
        except StoreError:
            analysis.versions, analysis.reviews = before
            raise
        return version if version is not None else review

    @staticmethod
    def _written(analysis: Analysis) -> bool:
        from .chronology import _written

        return _written(analysis)

    # ------------------------------------------------------------------ the store as a whole

    def check_passphrase(self, typed: str) -> bool:
        """Whether `typed` is the store's passphrase (leaving child mode asks it)."""
        return self.store.check_passphrase(typed)

    def back_up(self, target: Path) -> None:
        """An encrypted backup of the whole store (StoreError, in words, if it cannot be written)."""
        self.store.backup(Path(target))

    def export_report(self, case: Case, child: Child, out: Path, options=None, interviews=None) -> Path:
        """The Word report for one child, written whole or not at all; returns where (ReportError)."""
        from .report import export_report

        return export_report(case, child, Path(out), self.library, options, interviews=interviews)

    def lock(self) -> None:
        self.store.close()
