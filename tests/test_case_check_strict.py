"""What `case check` accepts, import and the report must handle (issue 13, item 6): unknown keys are
named with their place, types are checked (the analysis too), a lone surrogate is refused, and a
seeded run of random damage to a real case file shows that anything accepted imports into a real
store and exports a report. `case check` reads the tool's own encrypted case files."""

from __future__ import annotations

import copy
import io
import json
import os
import random
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from dayinlife.interchange import InterchangeError, case_from_dict, case_to_dict
from dayinlife.report import ReportError, ReportOptions, report_bytes
from dayinlife.store import Store
from tests.conftest import STORE_PASS
from tests.test_case_interchange import build_case

REPO = Path(__file__).resolve().parent.parent


def valid(library) -> dict:
    case = build_case(library)
    from dayinlife.analysis import Action, Analysis, ScaleRating

    an = Analysis(case.children[0].id, [iv.id for iv in case.children[0].interviews], strengths="Warm with the baby")
    an.actions = [Action("Health visitor to call weekly", "Health visitor")]
    an.ratings = [ScaleRating("Jo (mother)", 6, "Managing with help")]
    case.analyses[an.child_id] = an
    return json.loads(json.dumps(case_to_dict(case)))


def refused(data) -> str:
    with pytest.raises(InterchangeError) as err:
        case_from_dict(data)
    return str(err.value)


def test_a_list_where_text_belongs_in_an_analysis_is_refused_with_its_place(library):
    data = valid(library)
    data["case"]["analyses"][0]["strengths"] = ["Warm", "Kind"]
    assert "case.analyses[0].strengths: should be text, found a list" in refused(data)


def test_an_action_without_what_is_named_not_a_python_error(library):
    data = valid(library)
    del data["case"]["analyses"][0]["actions"][0]["what"]
    message = refused(data)
    assert "case.analyses[0].actions[0]: missing 'what'" in message and "KeyError" not in message


def test_a_misspelt_key_is_named_never_silently_dropped(library):
    data = valid(library)
    child = data["case"]["children"][0]
    child["interviewz"] = child.pop("interviews")
    message = refused(data)
    assert "case.children[0].interviewz: is not a field of this format (did you mean 'interviews'?)" in message


def test_a_lone_surrogate_is_refused_at_check_not_at_import(library):
    data = valid(library)
    data["case"]["children"][0]["name"] = "Robin \ud800 Fictional"
    assert "not text" in refused(data)


def test_a_score_out_of_range_is_refused(library):
    data = valid(library)
    data["case"]["analyses"][0]["ratings"][0]["score"] = 11
    assert "should be from 0 to 10" in refused(data)


def _leaves(value, path=()):
    if isinstance(value, dict):
        for k, v in value.items():
            if k != "template_snapshots":
                yield from _leaves(v, path + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _leaves(v, path + (i,))
    yield path


def _damage(data, rng):
    """One of the ways a file gets damaged or made by hand, somewhere random."""
    paths = [p for p in _leaves(data["case"]) if p]
    path = rng.choice(paths)
    parent = data["case"]
    for step in path[:-1]:
        parent = parent[step]
    last = path[-1]
    how = rng.choice(["type", "drop", "rename", "surrogate", "empty", "huge", "nested"])
    if how == "drop" and isinstance(parent, dict):
        del parent[last]
    elif how == "rename" and isinstance(parent, dict):
        parent[str(last) + "x"] = parent.pop(last)
    elif how == "surrogate":
        parent[last] = "a\udc80b"
    elif how == "empty":
        parent[last] = rng.choice(["", [], {}, None, 0])
    elif how == "huge":
        parent[last] = rng.choice([10**30, -1, 1.5, "x" * 5000])
    elif how == "nested":
        parent[last] = {"a": [parent[last]]}
    else:
        parent[last] = rng.choice([True, 7, "text", ["a"], {"k": "v"}])


def test_anything_accepted_imports_into_a_real_store_and_exports(library, tmp_path):
    rng = random.Random(20261202)
    base = valid(library)
    accepted = 0
    with Store.create(tmp_path / "data", STORE_PASS) as store:
        for n in range(300):
            data = copy.deepcopy(base)
            for _ in range(rng.randint(1, 3)):
                _damage(data, rng)
            data["case"]["id"] = f"case-{n}"
            data["case"]["reference"] = f"FICT-{n}"
            try:
                case = case_from_dict(json.loads(json.dumps(data)))
            except InterchangeError:
                continue
            accepted += 1
            store.save_case(case)  # import
            back = store.load_case(case.id)
            for child in back.children:
                try:
                    doc = docx.Document(io.BytesIO(report_bytes(back, child, library, ReportOptions(
                        anonymise=n % 2 == 0))))
                except ReportError as exc:  # a clear message, e.g. a child with no interviews left
                    assert "nothing to report" in str(exc)
                    continue
                assert doc.paragraphs
    assert accepted >= 10  # the run tried files that pass as well as files that do not


def test_case_check_reads_the_tools_own_encrypted_case_file(library, store_with_a_case, tmp_path):
    out_file = tmp_path / "exported.dilcase"
    with Store.open(store_with_a_case, STORE_PASS) as store:
        case_id = store.list_cases()[0].id
        store.export_case_file(case_id, out_file, "a file passphrase")
    env = {**os.environ, "PYTHONPATH": str(REPO), "DAYINLIFE_FILE_PASSPHRASE": "a file passphrase"}
    out = subprocess.run([sys.executable, "-m", "dayinlife", "case", "check", str(out_file)], cwd=REPO, env=env,
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert "1 adult(s)" in out.stdout or "adult(s)" in out.stdout
    wrong = subprocess.run([sys.executable, "-m", "dayinlife", "case", "check", str(out_file)], cwd=REPO,
                           env={**env, "DAYINLIFE_FILE_PASSPHRASE": "not it"}, capture_output=True, text=True,
                           timeout=60)
    assert wrong.returncode != 0 and "does not open" in wrong.stderr and "Traceback" not in wrong.stderr


@pytest.mark.parametrize("text, words", [
    ("", "the case file is empty"),
    ('{"a": 1}', "it has no 'format'"),
    ('{"format": "dayinlife-case", "version": true, "case": {}}', "found true"),
])
def test_empty_or_formatless_files_are_said_in_plain_words(text, words):
    from dayinlife.interchange import InterchangeError, loads_case

    with pytest.raises(InterchangeError) as err:
        loads_case(text)
    assert words in str(err.value) and "None" not in str(err.value) and "True" not in str(err.value)
