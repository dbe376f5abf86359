"""A case file's template snapshots are untrusted (issue 13, part 5): whoever makes the file can
recompute the fingerprint. A snapshot whose wording loops, multiplies strings or reaches into
Python, or that is absurdly large, is refused before anything is imported, with its place named;
the tool's own snapshots, old and new, still import."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dayinlife.interchange import InterchangeError, case_from_dict, case_to_dict
from dayinlife.template_model import content_hash
from tests.test_case_interchange import build_case

REPO = Path(__file__).resolve().parent.parent


def with_snapshot(library, change):
    """The case file of a fictional family, one snapshot changed by `change` and re-fingerprinted,
    as someone making a hostile file would."""
    data = json.loads(json.dumps(case_to_dict(build_case(library))))
    snapshots = data["case"]["template_snapshots"]
    (old,) = [h for h in snapshots if snapshots[h]["id"] == "primary"] or list(snapshots)[:1]
    snap = snapshots.pop(old)
    change(snap)
    new = content_hash(snap)
    snapshots[new] = snap
    for child in data["case"]["children"]:
        for iv in child["interviews"]:
            if iv["template"]["hash"] == old:
                iv["template"]["hash"] = new
    return data


def first_topic(snap):
    return snap["stages"][0]["topics"][0]


@pytest.mark.parametrize("wording, says", [
    ("{{ name.__class__ }}", "a dot after a name"),
    ("{% for i in range(100000000) %}x{% endfor %}", "a {% %} block"),
    ('{{ "x" * 999999999 }}', "an expression"),
    ("{{ name|upper }}", "a filter"),
    ("{{ lipsum.__globals__ }}", "a dot after a name"),
])
def test_a_snapshot_with_hostile_wording_is_refused_before_import(library, wording, says):
    data = with_snapshot(library, lambda s: first_topic(s).__setitem__("parent", wording))
    started = time.monotonic()
    with pytest.raises(InterchangeError) as err:
        case_from_dict(data)
    assert time.monotonic() - started < 10  # refused, never rendered
    message = str(err.value)
    assert "template_snapshots" in message and "stages[0].topics[0].parent" in message and says in message


def test_an_absurdly_large_snapshot_is_refused(library):
    data = with_snapshot(library, lambda s: first_topic(s).__setitem__("professional", "word " * 600_000))
    with pytest.raises(InterchangeError) as err:
        case_from_dict(data)
    assert "far too large for a template" in str(err.value)


def test_a_snapshot_with_unknown_or_mistyped_fields_is_refused(library):
    def change(s):
        first_topic(s)["colour"] = "red"
        s["stages"][0]["topics"][0]["agencies"] = "school"

    with pytest.raises(InterchangeError) as err:
        case_from_dict(with_snapshot(library, change))
    assert "unknown field 'colour'" in str(err.value)


def test_the_tools_own_snapshots_import_old_and_new(library):
    case_from_dict(json.loads(json.dumps(case_to_dict(build_case(library)))))
    for path in sorted((REPO / "resources" / "demo").glob("*.json")):
        case_from_dict(json.loads(path.read_text("utf-8")))


def test_case_check_names_the_hostile_snapshot(library, tmp_path):
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(with_snapshot(library, lambda s: first_topic(s).__setitem__(
        "parent", "{{ name.__class__.__mro__ }}"))), "utf-8")
    out = subprocess.run([sys.executable, "-m", "dayinlife", "case", "check", str(path)], cwd=REPO,
                         env={**os.environ, "PYTHONPATH": str(REPO)}, capture_output=True, text=True, timeout=60)
    assert out.returncode != 0 and "Traceback" not in out.stderr
    assert "a dot after a name" in out.stderr + out.stdout


def test_a_case_file_made_while_topics_could_lose_their_child_question_still_imports():
    """Made by the tool itself (the demo as it was committed in 42fb2a5): a preschool snapshot whose topics
    say 'adults only' yet keep their child wording. Still the tool's own file, so still imported."""
    data = json.loads((REPO / "tests" / "fixtures" / "demo-2026-11-preschool-1.5.json").read_text("utf-8"))
    case = case_from_dict(data)
    assert any(iv.answers for child in case.children for iv in child.interviews)


def test_an_interview_naming_one_template_but_carrying_another_is_refused(library):
    """The interview says it used 'baby' v1.7, the snapshot it points to is 'primary' v999: the
    report would name one template and ask another's questions. And a year-1 interview is no date."""
    data = with_snapshot(library, lambda s: s.__setitem__("version", "999"))
    iv = next(iv for child in data["case"]["children"] for iv in child["interviews"]
              if data["case"]["template_snapshots"][iv["template"]["hash"]]["id"] == "primary")
    iv["template"]["id"], iv["template"]["version"] = "baby", "1.7"
    iv["held_on"] = "0001-01-01"
    with pytest.raises(InterchangeError) as err:
        case_from_dict(data)
    message = str(err.value)
    assert "names template baby v1.7, but the template the file carries for it is primary v999" in message
    assert "0001-01-01 is not a date an interview could have been held" in message
