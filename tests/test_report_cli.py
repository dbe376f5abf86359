"""`dayinlife report` as a user runs it, and the export opened by LibreOffice and read back as PDF text."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import zipfile

import docx
import pytest

from tests.test_cli import store_cli
from tests.test_report import NAMES, SPECIAL, full_case

IN_CI = os.environ.get("CI", "").lower() == "true"


@pytest.fixture
def stored(tmp_path, library):
    """A store holding the full fictional case, imported through the command line."""
    from dayinlife.interchange import write_case_file

    case = full_case(library)
    kid = case.children[0]
    child_iv = max((iv for iv in kid.interviews if iv.perspective.kind.value == "child"), key=lambda iv: iv.held_on)
    child_iv.answers["breakfast"].text = SPECIAL
    path = tmp_path / "case.json"
    write_case_file(case, path)
    out = store_cli(tmp_path, "case", "import", path)
    assert out.returncode == 0, out.stderr
    return tmp_path


def test_report_to_a_folder_uses_the_short_name(stored):
    out_dir = stored / "reports"
    out_dir.mkdir()
    out = store_cli(stored, "report", "FICT-2041/B", "--child", "mimi", "--out", out_dir)
    assert out.returncode == 0, out.stderr
    (path,) = out_dir.iterdir()
    assert re.fullmatch(r"DIML-FICT-2041-B-MF-\d{8}\.docx", path.name) and len(path.name) < 60
    assert str(path) in out.stdout
    doc = docx.Document(path)
    assert doc.paragraphs[0].text == "A day in the life of Mia Fictional"
    assert f"“{SPECIAL}”" in [p.text for p in doc.paragraphs]


def test_report_options(stored, tmp_path):
    path = stored / "r.docx"
    out = store_cli(stored, "report", "FICT-2041/B", "--child", "Mia Fictional", "--out", path, "--anonymise",
                    "--sections", "cover,comparison", "plan", "--marking", "OFFICIAL")
    assert out.returncode == 0, out.stderr
    doc = docx.Document(path)
    assert doc.sections[0].header.paragraphs[0].text == "DRAFT: not yet approved by a manager — OFFICIAL"
    heads = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert heads == ["What needs to happen: who, what, by when", "Appendices", "Appendix A: Where the accounts differ"]
    xml = "".join(zipfile.ZipFile(path).read(n).decode() for n in zipfile.ZipFile(path).namelist()
                  if n.endswith(".xml"))
    assert not re.search(r"(?<!\w)(Mia|Mimi|Jo|Fictional)(?!\w)", xml)


def test_report_with_the_section_for_professionals(stored):
    out_dir = stored / "reports"
    out_dir.mkdir()
    out = store_cli(stored, "report", "FICT-2041/B", "--child", "mimi", "--out", out_dir, "--sensitive")
    assert out.returncode == 0, out.stderr
    (path,) = out_dir.iterdir()
    assert path.name.endswith("-prof.docx")
    assert "For professionals only: sensitive answers and disclosures" in [p.text for p in docx.Document(path).paragraphs]


@pytest.mark.parametrize("args, words", [
    (["report", "NOPE", "--child", "Mia", "--out", "x.docx"], "no case with reference 'NOPE'"),
    (["report", "FICT-2041/B", "--child", "Zed", "--out", "x.docx"], "No child called 'Zed'"),
    (["report", "FICT-2041/B", "--child", "Leo", "--out", "x.docx"], "no interviews"),
    (["report", "FICT-2041/B", "--child", "Mia", "--out", "x.docx", "--sections", "gossip"], "Unknown report section"),
    (["report", "FICT-2041/B", "--child", "Mia", "--out", "missing/x.docx"], "does not exist"),
    (["report", "FICT-2041/B", "--child", "Mia", "--out", "x.docx", "--org-template", "case.json"],
     "not a Word document"),
    (["report", "FICT-2041/B", "--child", "Mia", "--out", "x.docx", "--anonymise", "--sensitive"],
     "An anonymised report never holds sensitive answers"),
])
def test_report_problems_are_one_line(stored, args, words):
    out = store_cli(stored, *args)
    assert out.returncode == 1, out.stdout
    assert words in out.stderr and out.stderr.count("\n") == 1 and "Traceback" not in out.stderr
    assert not (stored / "x.docx").exists()


def test_the_sections_are_listed_and_taken(stored, tmp_path):
    from dayinlife.report import SECTIONS

    out = store_cli(stored, "report", "--list-sections")
    assert out.returncode == 0, out.stderr
    listed = [line.split()[0] for line in out.stdout.splitlines()]
    assert listed == list(SECTIONS)
    assert {"summary", "chronology", "genogram", "scores", "oversight", "evidence"} <= set(listed)
    assert "significant events" in out.stdout
    out = store_cli(stored, "report", "FICT-2041/B", "--child", "Mia", "--out", tmp_path / "c.docx",
                    "--sections", "chronology", "summary")
    assert out.returncode == 0, out.stderr
    assert [p.text for p in docx.Document(tmp_path / "c.docx").paragraphs if p.style.name == "Heading 1"] == [
        "Summary", "Chronology: what has happened to Mimi"]  # in the report's own order
    out = store_cli(stored, "report", "FICT-2041/B")
    assert out.returncode == 2 and "report needs --child NAME, --out FILE.docx" in out.stderr


def test_report_needs_the_passphrase(stored):
    out = store_cli(stored, "report", "FICT-2041/B", "--child", "Mia", "--out", "x.docx", passphrase="wrong")
    assert out.returncode == 1 and "not right" in out.stderr


# ------------------------------------------------------------------ opened by LibreOffice


def _tool(name: str, package: str) -> str:
    found = shutil.which(name)
    if found:
        return found
    message = f"{name} is not installed (Debian: apt-get install {package}); scripts/dev.sh test installs it"
    if IN_CI:
        pytest.fail(message)  # CI must run this test, not skip it
    pytest.skip(message)


@pytest.mark.slow
def test_the_export_converts_to_pdf_with_the_text_intact(stored, tmp_path):
    soffice = _tool("soffice", "libreoffice-writer-nogui")
    pdftotext = _tool("pdftotext", "poppler-utils")
    full, anon = stored / "full.docx", stored / "anon.docx"
    assert store_cli(stored, "report", "FICT-2041/B", "--child", "Mia", "--out", full).returncode == 0
    assert store_cli(stored, "report", "FICT-2041/B", "--child", "Mia", "--out", anon, "--anonymise").returncode == 0
    pdf_dir = tmp_path / "pdf"
    profile = (tmp_path / "lo-profile").as_uri()
    run = subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
                          "--convert-to", "pdf", "--outdir", str(pdf_dir), str(full), str(anon)],
                         capture_output=True, text=True, timeout=100, stdin=subprocess.DEVNULL)
    assert run.returncode == 0, run.stderr

    def text_of(name: str) -> str:
        pdf = pdf_dir / name
        assert pdf.is_file(), run.stdout + run.stderr
        out = subprocess.run([pdftotext, "-enc", "UTF-8", str(pdf), "-"], capture_output=True, timeout=60)
        assert out.returncode == 0
        return out.stdout.decode("utf-8")

    text = text_of("full.pdf")
    flat = re.sub(r"\s+", " ", text)
    for words in ("OFFICIAL-SENSITIVE", "A day in the life of Mia Fictional", "Where the accounts differ",
                  "Mimi's typical day, in her own words", "What needs to happen: who, what, by when",
                  "Tom & Jerry <b>said</b> \"hi\" — it's 'fine'", "Llŷr a ŵy, Południe żółw ł", "≠ Differ"):
        assert words in flat, words
    assert "שלום" in text or "םולש" in text  # right-to-left text survives (extracted in either order)

    anon_text = text_of("anon.pdf")
    assert "A day in the life of Child A" in re.sub(r"\s+", " ", anon_text)
    for name in NAMES:
        assert not re.search(rf"(?<!\w){name}(?!\w)", anon_text), name


def test_without_libreoffice_ci_fails_and_a_desk_skips(monkeypatch):
    import tests.test_report_cli as me

    monkeypatch.setattr(shutil, "which", lambda name: None)
    monkeypatch.setattr(me, "IN_CI", True)
    with pytest.raises(pytest.fail.Exception, match="apt-get install libreoffice-writer-nogui"):
        _tool("soffice", "libreoffice-writer-nogui")
    monkeypatch.setattr(me, "IN_CI", False)
    with pytest.raises(pytest.skip.Exception):
        _tool("soffice", "libreoffice-writer-nogui")
