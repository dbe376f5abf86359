"""A report holds a family's life as plainly as the store does: written readable by its owner only,
as case files and backups are (issue 13), whether named or given a folder, and when it replaces an
older report that others could read."""

from __future__ import annotations

import os

import pytest

from dayinlife.report import export_report
from tests.test_case_interchange import build_case

pytestmark = pytest.mark.skipif(os.name == "nt", reason="a Windows profile folder is private by its own rules")


def test_a_report_is_readable_by_its_owner_only(library, tmp_path):
    case = build_case(library)
    named = export_report(case, case.children[0], tmp_path / "named.docx", library)
    in_folder = export_report(case, case.children[0], tmp_path, library)
    old = tmp_path / "older.docx"
    old.write_bytes(b"an older report")
    old.chmod(0o644)
    replaced = export_report(case, case.children[0], old, library)
    for path in (named, in_folder, replaced):
        assert path.stat().st_mode & 0o077 == 0, (path, oct(path.stat().st_mode))
