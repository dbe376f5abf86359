"""Unicode that differs only in form (issue 13, item 12): a passphrase typed composed or decomposed
is the same passphrase, without locking out stores made before; a narrow console never makes the
command line fail on a name."""

from __future__ import annotations

import os
import subprocess
import sys
import unicodedata
from datetime import date
from pathlib import Path

from dayinlife import crypto
from dayinlife.case import Case, Child
from dayinlife.case_files import read_case_file_any
from dayinlife.interchange import dumps_case
from dayinlife.store import Store

REPO = Path(__file__).resolve().parent.parent
TYPED = "Siân ŵyr café"
NFC, NFD = unicodedata.normalize("NFC", TYPED), unicodedata.normalize("NFD", TYPED)


def test_composed_and_decomposed_are_one_passphrase(tmp_path):
    assert NFC != NFD
    folder = tmp_path / "data"
    Store.create(folder, NFD).close()
    for form in (NFC, NFD):
        with Store.open(folder, form) as store:
            assert store.check_passphrase(NFC) and store.check_passphrase(NFD)


def test_a_store_made_before_with_a_decomposed_passphrase_still_opens(tmp_path, monkeypatch):
    folder = tmp_path / "data"
    exact = crypto.derive_key
    monkeypatch.setattr(crypto, "derive_key", lambda p, params, **kw: exact(p, params, exact=True))
    Store.create(folder, NFD).close()  # keyed from the passphrase exactly as typed, as before the change
    monkeypatch.undo()
    for form in (NFC, NFD):
        Store.open(folder, form).close()


def test_a_sealed_case_file_made_with_either_form_opens_with_the_other(tmp_path, monkeypatch):
    case = Case("FICT-FORMS", practitioner="A. Practitioner")
    case.children.append(Child("Robin Fictional", date_of_birth=date(2020, 1, 1)))
    exact = crypto.derive_key
    monkeypatch.setattr(crypto, "derive_key", lambda p, params, **kw: exact(p, params, exact=True))
    blob = crypto.seal(dumps_case(case).encode("utf-8"), NFD, "case")  # made the old way
    monkeypatch.undo()
    path = tmp_path / "case.dilcase"
    path.write_bytes(blob)
    assert read_case_file_any(path, NFC).reference == "FICT-FORMS"


def _store_with_lucja(tmp_path):
    """A store (passphrase "plain passphrase") whose one case and child have names cp1252 cannot show."""
    folder = tmp_path / "data"
    with Store.create(folder, "plain passphrase") as store:
        case = Case("FICT-Łucja-Ŵ", practitioner="A. Practitioner")
        case.children.append(Child("Łucja Fictional", date_of_birth=date(2019, 5, 5)))
        store.save_case(case)
    return folder


def test_a_narrow_console_never_makes_the_command_line_fail(tmp_path):
    folder = _store_with_lucja(tmp_path)
    out = subprocess.run([sys.executable, "-m", "dayinlife", "--data-dir", str(folder), "case", "list"], cwd=REPO,
                         env={**os.environ, "PYTHONPATH": str(REPO), "DAYINLIFE_PASSPHRASE": "plain passphrase",
                              "PYTHONIOENCODING": "cp1252"}, capture_output=True, timeout=60)
    assert out.returncode == 0, out.stderr.decode("cp1252", "replace")
    assert b"FICT-" in out.stdout and b"Traceback" not in out.stderr


def test_json_for_a_narrow_console_keeps_every_name_exact(tmp_path):
    """`case list --json` read by a script on a cp1252 console: \\u escapes, never "?"."""
    import json

    folder = _store_with_lucja(tmp_path)
    out = subprocess.run([sys.executable, "-m", "dayinlife", "--data-dir", str(folder), "case", "list", "--json"],
                         cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO), "DAYINLIFE_PASSPHRASE": "plain passphrase",
                                        "PYTHONIOENCODING": "cp1252"}, capture_output=True, timeout=60)
    assert out.returncode == 0, out.stderr.decode("cp1252", "replace")
    listed = json.loads(out.stdout.decode("cp1252"))["cases"]
    assert listed[0]["reference"] == "FICT-Łucja-Ŵ"
