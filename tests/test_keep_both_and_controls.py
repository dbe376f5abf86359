"""After --keep-both the two cases are told apart everywhere, and a reference holding control
characters is never printed raw to a terminal (issue 13, item 8)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from dayinlife.interchange import case_to_dict, write_case_file
from dayinlife.store import Store, StoreError
from tests.conftest import STORE_PASS
from tests.test_case_interchange import build_case

REPO = Path(__file__).resolve().parent.parent


def cli(*args, data):
    return subprocess.run([sys.executable, "-m", "dayinlife", "--data-dir", str(data), *map(str, args)], cwd=REPO,
                          env={**os.environ, "PYTHONPATH": str(REPO), "DAYINLIFE_PASSPHRASE": STORE_PASS,
                               "DAYINLIFE_FILE_PASSPHRASE": "a file passphrase"},
                          capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("today", [date(2026, 12, 1)], indirect=True)
def test_keep_both_gives_the_copy_a_reference_of_its_own(store_with_a_case, library, tmp_path, today):
    case_file = tmp_path / "case.json"
    write_case_file(build_case(library), case_file)
    with Store.open(store_with_a_case, STORE_PASS) as store:
        kept = store.import_case_file(case_file, on_conflict="keep_both")
        again = store.import_case_file(case_file, on_conflict="keep_both")
        references = sorted(c.reference for c in store.list_cases())
    assert kept.reference == "FICT-0042 (imported 01/12/2026)"
    assert again.reference == "FICT-0042 (imported 01/12/2026) 2"
    assert references == ["FICT-0042", "FICT-0042 (imported 01/12/2026)", "FICT-0042 (imported 01/12/2026) 2"]


def test_the_copy_is_told_apart_on_the_command_line(store_with_a_case, library, tmp_path):
    case = build_case(library)
    case_file = tmp_path / "case.json"
    write_case_file(case, case_file)
    assert cli("case", "import", case_file, "--keep-both", data=store_with_a_case).returncode == 0
    listed = json.loads(cli("case", "list", "--json", data=store_with_a_case).stdout)["cases"]
    copy = next(c["reference"] for c in listed if c["reference"] != "FICT-0042")
    for args in (["case", "export", copy, "--out", tmp_path / "copy.dilcase"],
                 ["report", copy, "--child", case.children[0].name, "--out", tmp_path / "copy.docx"]):
        out = cli(*args, data=store_with_a_case)
        assert out.returncode == 0, out.stderr


def test_two_cases_sharing_a_reference_from_before_are_never_guessed_between(store_with_a_case, library):
    with Store.open(store_with_a_case, STORE_PASS) as store:
        twin = build_case(library)
        twin.id = "another-id"
        for child in twin.children:  # fresh ids throughout, as an older keep-both made them
            child.id = child.id + "-2"
            for iv in child.interviews:
                iv.id = iv.id + "-2"
        twin.analyses = {}
        store._write_case(twin)
        with pytest.raises(StoreError) as err:
            store.find_case("FICT-0042")
    assert "2 cases have the reference 'FICT-0042'" in str(err.value)


def test_control_characters_in_a_reference_are_never_printed_raw(library, tmp_path):
    case = build_case(library)
    case.reference = "FICT-\x1b[2J\x1b]0;owned\x07-\u202eevil"
    data = tmp_path / "data"
    case_file = tmp_path / "case.json"
    case_file.write_text(json.dumps(case_to_dict(case)), "utf-8")
    for args in (["case", "check", case_file], ["case", "import", case_file]):
        out = cli(*args, data=data)
        assert out.returncode == 1 and "holds a control character (U+001B)" in out.stderr, out.stderr
        for raw in ("\x1b", "\x07", "\u202e"):
            assert raw not in out.stdout + out.stderr, (args, out.stdout)
    with Store.open(data, STORE_PASS) as store:  # a store written before such references were refused
        store.save_case(case)
    out = cli("case", "list", data=data)
    assert out.returncode == 0, out.stderr
    for raw in ("\x1b", "\x07", "\u202e"):
        assert raw not in out.stdout + out.stderr
    assert "\\x1b[2J" in out.stdout


def test_keep_both_works_for_every_demo_family_whose_answers_name_people(tmp_path):
    """Answers name people by id; the copy's new ids are carried into them (the outside try found
    --keep-both failing on all four demo files)."""
    data = tmp_path / "data"
    for path in sorted((REPO / "resources" / "demo").glob("*.json")):
        assert cli("case", "import", path, data=data).returncode == 0
        out = cli("case", "import", path, "--keep-both", data=data)
        assert out.returncode == 0, out.stderr
    listed = json.loads(cli("case", "list", "--json", data=data).stdout)["cases"]
    assert len(listed) == 8 and len({c["reference"] for c in listed}) == 8
