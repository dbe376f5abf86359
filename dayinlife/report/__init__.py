"""The Word report for one child of a case (plain Python: no Qt).

    export_report(case, child, Path("reports"), library, ReportOptions(anonymise=True))

builds the .docx with python-docx and writes it atomically; `report_bytes` gives the bytes and
`build_document` the python-docx Document, for callers that want to look before saving.
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from .. import dates, files
from ..case import Case, Child, Interview
from .anonymise import scrub_document
from .model import (
    InterviewChoice,
    ReportModel,
    build_model,
    choose_interviews,
    find_child,
)
from .options import (
    DEFAULT_MARKING,
    SECTIONS,
    ReportError,
    ReportOptions,
    default_file_name,
    free_name,
    write_atomically,
)
from .writer import Writer

__all__ = ["DEFAULT_MARKING", "SECTIONS", "InterviewChoice", "ReportError", "ReportModel", "ReportOptions",
           "build_document", "choose_interviews", "default_file_name", "export_report", "find_child",
           "report_bytes", "report_file_name"]


def build_document(case: Case, child: Child, library=None, options: ReportOptions | None = None, *,
                   interviews: list[Interview] | None = None, today: date | None = None):
    """The report as a python-docx Document (not saved). `interviews`: compare exactly these
    instead of the latest of each person; `library`: for interviews whose template the case
    does not carry."""
    model = build_model(case, child, options or ReportOptions(), library, interviews, today)
    writer = Writer(model)
    writer.write()
    if model.options.anonymise:
        if not model.options.wants("cover"):  # what was hidden is said even without the cover
            paras = writer.doc.paragraphs
            note = paras[1].insert_paragraph_before() if len(paras) > 1 else writer.doc.add_paragraph()
            note.add_run(model.anon.summary()).bold = True
        scrub_document(writer.doc, model.anon)  # whatever words reached the page without passing the anonymiser
    return writer.doc


def report_bytes(case: Case, child: Child, library=None, options: ReportOptions | None = None, **kw) -> bytes:
    doc = build_document(case, child, library, options, **kw)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def report_file_name(case: Case, child: Child, on: date | None = None, anonymised: bool = False,
                     notes: bool = False, sensitive: bool = False) -> str:
    return default_file_name(case.reference, child.name, on or dates.today(), anonymised, notes, sensitive)


def export_report(case: Case, child: Child, out: Path, library=None, options: ReportOptions | None = None, *,
                  interviews: list[Interview] | None = None, today: date | None = None) -> Path:
    """Write the report to `out` (a file, or a folder for the default file name); the whole
    file or nothing. Returns the path written. Raises ReportError with a message to show."""
    out = Path(out)
    anonymised, notes = bool(options and options.anonymise), bool(options and options.notes)
    sensitive = bool(options and options.sensitive)
    into_folder = files.is_folder(out)  # (a name too long for the disk is not a folder: said on writing)
    target = out / report_file_name(case, child, today, anonymised, notes, sensitive) if into_folder else out
    if into_folder:
        # a name the tool chose is never one the user chose to replace: "SC/1" and "SC-1", or two
        # children with the same initials, make the same name on the same day
        target = free_name(target)
    data = report_bytes(case, child, library, options, interviews=interviews, today=today)
    write_atomically(data, target)
    return target
