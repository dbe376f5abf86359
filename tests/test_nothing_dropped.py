"""A case file never loses part of itself in silence (issue 13): a second analysis for the same
child, or a key given twice in one object, is refused by name rather than one copy winning; and an
interview whose template the file does not carry is refused at check, not left to fail the report."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from dayinlife.interchange import InterchangeError, case_from_dict, loads_case
from tests.test_case_check_strict import REPO, refused, valid


def test_two_analyses_for_one_child_are_refused_not_one_discarded(library):
    data = valid(library)
    second = dict(data["case"]["analyses"][0], strengths="Written on the second visit")
    data["case"]["analyses"].append(second)
    message = refused(data)
    assert "case.analyses[1].child_id" in message and "second analysis" in message


def test_a_key_given_twice_is_refused_with_its_name(library):
    text = json.dumps(valid(library), indent=1)
    # the same answer text given twice in one object: JSON readers keep the last, silently
    first = text.index('"text": ')
    line_end = text.index("\n", first)
    doubled = text[:line_end] + ' "text": "the other one",' + text[line_end:]
    assert doubled.count('"text": ') == text.count('"text": ') + 1
    with pytest.raises(InterchangeError) as err:
        loads_case(doubled)
    message = str(err.value)
    assert "'text'" in message and "twice" in message


def test_a_duplicate_key_at_the_top_is_refused_too(library):
    text = json.dumps(valid(library))
    doubled = text.replace('{"format"', '{"version": 1, "format"', 1)
    with pytest.raises(InterchangeError, match="'version'.*twice"):
        loads_case(doubled)


def test_an_interview_whose_template_is_not_in_the_file_is_refused_at_check(library):
    data = valid(library)
    data["case"]["template_snapshots"] = {}
    message = refused(data)
    assert "case.children[0].interviews[0].template" in message
    assert "does not carry the template" in message


def test_case_check_on_the_command_line_says_so_too(library, tmp_path):
    data = valid(library)
    data["case"]["template_snapshots"] = {}
    path = tmp_path / "no-templates.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    env = {"PATH": "/usr/bin:/bin", "DAYINLIFE_DATA_DIR": str(tmp_path / "data"), "PYTHONUTF8": "1"}
    run = subprocess.run([sys.executable, "-m", "dayinlife", "case", "check", str(path)],
                         capture_output=True, text=True, cwd=REPO, env=env, timeout=120)
    assert run.returncode not in (0, 3), run.stdout + run.stderr
    assert "does not carry the template" in run.stderr and "Traceback" not in run.stderr
