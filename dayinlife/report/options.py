"""What a practitioner can choose about a report, its file name, and writing it safely."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .. import files
from .text import ascii_fold, initials

DEFAULT_MARKING = "OFFICIAL-SENSITIVE"

# The sections in the order the report gives them: id -> what it is (for --help and the UI). First
# what a conference chair reads (the front sheet, the summary, the analysis and the plan: FRONT),
# then the child's own account and the case over time, then the appendices (APPENDICES).
SECTIONS: dict[str, str] = {
    "cover": "Who, when and which template",
    "summary": "Summary: the child's words and where accounts differ most",
    "strengths": "Strengths: what is working well",
    "worries": "Worries",
    "impact": "Impact on the child now and if nothing changes",
    "plan": "What needs to happen: who, what, by when",
    "child_day": "The child's typical day, in their own words",
    "neglect": "The practitioner's reading by type of neglect",
    "likelihood": "Likelihood of change: tried before, capacity, prognosis",
    "chronology": "Chronology of significant events, with a timeline",
    "genogram": "The wider family: a genogram and the family's history",
    "scores": "Scores from other tools (GCP2, SDQ, Star), over time",
    "oversight": "Management oversight: versions and managers' reviews",
    "parent_day": "Appendix: each parent's own day",
    "professionals": "Appendix: what professionals know",
    "comparison": "Appendix: where the accounts differ (the table)",
    "picture": "Appendix: a picture of the child's feelings",
    "feelings": "Appendix: how the child feels, by perspective",
    "other_times": "Appendix: weekends, holidays, other carers",
    "change": "Appendix: change over time (earlier interviews)",
    "evidence": "Appendix: the evidence by type of neglect",
    "ratings": "Appendix: scales 0-10 (optional)",
}
FRONT = ("cover", "summary", "strengths", "worries", "impact", "plan")
APPENDICES = ("parent_day", "professionals", "comparison", "picture", "feelings", "other_times", "change",
              "evidence", "ratings")


class ReportError(Exception):
    """A report that could not be made or written, said in words the user can act on."""


@dataclass
class ReportOptions:
    base_document: Path | None = None         # an organisation's own .docx: styles, header, footer, logo
    anonymise: bool = False                   # labels instead of names, everywhere (anonymise.py)
    sections: list[str] = field(default_factory=lambda: list(SECTIONS))
    marking: str = DEFAULT_MARKING            # protective marking in the header; "" for none
    notes: bool = False                       # include the practitioner's own notes on answers (marked as such)
    # Add the section for professionals only (sensitive answers, answers given when seen alone, and
    # disclosures: sensitive.py). Never in an anonymised report.
    sensitive: bool = False

    def __post_init__(self) -> None:
        if not self.sections:
            raise ReportError("No section of the report is chosen: choose at least one (the report would be "
                              "empty).")
        unknown = [s for s in self.sections if s not in SECTIONS]
        if unknown:
            raise ReportError(f"Unknown report section(s): {', '.join(unknown)}. "
                              f"Choose from: {', '.join(SECTIONS)}.")
        if self.base_document is not None:
            self.base_document = Path(self.base_document)
        if self.sensitive and self.anonymise:
            raise ReportError("An anonymised report never holds sensitive answers or disclosures: choose one "
                              "or the other.")

    def wants(self, section: str) -> bool:
        return section in self.sections


_UNSAFE = re.compile(r"[^A-Za-z0-9]+")
MAX_NAME = 59


def default_file_name(reference: str, child_name: str, on: date, anonymised: bool = False,
                      notes: bool = False, sensitive: bool = False) -> str:
    """'DIML-<ref>-<initials>-<yyyymmdd>.docx': short (case systems cut long names), safe on every
    system, and never a full name. Anonymised, 'DIML-<yyyymmdd>-anon.docx': no reference, no initials.
    With the practitioner's notes, '...-notes.docx', so it never replaces (or passes for) the report
    that may be shared with the family; with the section for professionals only, '...-prof.docx',
    for the same reason."""
    mark = ("-notes" if notes else "") + ("-prof" if sensitive else "")
    if anonymised:
        return f"DIML-{on:%Y%m%d}-anon{mark}.docx"
    ref = _UNSAFE.sub("-", ascii_fold(reference)).strip("-") or "case"
    who = _UNSAFE.sub("", ascii_fold(initials(child_name))) or "X"
    tail = f"-{who[:4]}-{on:%Y%m%d}{mark}.docx"
    room = MAX_NAME - len("DIML-") - len(tail)
    return f"DIML-{ref[:room].strip('-')}{tail}"


def free_name(target: Path) -> Path:
    """The target, or 'name-2.docx', 'name-3.docx' ... if a file of that name is already there."""
    n, candidate = 1, target
    while candidate.exists():
        n += 1
        candidate = target.with_name(f"{target.stem}-{n}{target.suffix}")
    return candidate


def write_atomically(data: bytes, target: Path) -> None:
    """Write the whole file or nothing (files.write_atomically), saying in words why not."""
    folder = target.parent
    if not files.is_folder(folder):
        raise ReportError(f"The report cannot be saved: the folder {folder} does not exist.")
    try:
        files.write_atomically(target, data, private=True)  # a family's life, as plainly as a case file
    except OSError as exc:
        raise ReportError(files.plain_words(exc, "the report", folder, target)[1]) from None
