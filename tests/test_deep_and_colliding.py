"""Deeply nested files and colliding template ids (issue 13, item 7): a clear message, never a
RecursionError; one such template never stops the others loading; a template that takes a shipped
template's id, or two files with one id, is reported as such, and the shipped one is never the one
marked broken."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dayinlife.interchange import InterchangeError, loads_case, read_case_file
from dayinlife.template_loader import load_library

REPO = Path(__file__).resolve().parent.parent
DEEP = 200_000


def dayinlife(*args):
    return subprocess.run([sys.executable, "-m", "dayinlife", *map(str, args)], cwd=REPO,
                          env={**os.environ, "PYTHONPATH": str(REPO)}, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("text", ["[" * DEEP + "]" * DEEP, '{"a":' * DEEP + "1" + "}" * DEEP])
def test_a_deeply_nested_case_file_gets_a_clear_message(text, tmp_path):
    with pytest.raises(InterchangeError) as err:
        loads_case(text)
    assert "nested too deeply" in str(err.value)
    path = tmp_path / "deep.json"
    path.write_text(text, "utf-8")
    with pytest.raises(InterchangeError):
        read_case_file(path)
    out = dayinlife("case", "check", path)
    assert out.returncode != 0 and "nested too deeply" in out.stderr and "RecursionError" not in out.stderr


def test_a_deeply_nested_template_is_named_and_the_others_still_load(template_folder):
    (template_folder / "aaa-deep.toml").write_text("x = " + "[" * DEEP + "]" * DEEP + "\n", "utf-8")
    library = load_library(template_folder)
    assert len(library.templates) == 6  # the shipped six, all still there
    assert any("aaa-deep.toml" in p.file and "nested too deeply" in p.message for p in library.problems)
    out = dayinlife("templates", "check", template_folder)
    assert out.returncode != 0 and "nested too deeply" in out.stderr and "RecursionError" not in out.stderr


def test_a_template_with_a_5000_digit_number_is_named_and_the_others_still_load(template_folder):
    text = (template_folder / "primary.toml").read_text("utf-8")
    (template_folder / "primary.toml").write_text(text.replace("\nformat = 1\n", "\nformat = 1" + "0" * 5000 + "\n"),
                                                  "utf-8")
    library = load_library(template_folder)
    assert len(library.templates) == 5  # the other five
    assert any("primary.toml" in p.file and "thousands of digits" in p.message for p in library.problems)
    for args in (["templates", "check", template_folder], ["templates", "list", "--dir", template_folder]):
        out = dayinlife(*args)
        assert "unexpected error" not in out.stderr and "ValueError" not in out.stderr, out.stderr
    assert "thousands of digits" in dayinlife("templates", "check", template_folder).stderr


def test_a_template_taking_a_shipped_id_is_reported_and_the_shipped_one_stays(template_folder, tmp_path):
    local = tmp_path / "partnership"
    local.mkdir()
    shutil.copy(template_folder / "primary.toml", local / "our-primary.toml")
    out = dayinlife("templates", "check", REPO / "templates", local)
    assert out.returncode != 0
    assert "our-primary.toml" in out.stderr and "'primary' is already used by" in out.stderr
    assert "templates/primary.toml: id" not in out.stderr  # the shipped one is not the broken one
    alone = dayinlife("templates", "check", local)  # checked on its own, it is still a collision
    assert alone.returncode != 0 and "shipped with the app" in alone.stderr


def test_two_files_with_one_id_in_a_folder_leave_the_shipped_one_working(template_folder):
    shutil.copy(template_folder / "primary.toml", template_folder / "a-copy-of-primary.toml")
    library = load_library(template_folder)
    assert library.templates["primary"].source.endswith("/primary.toml")
    assert any(p.file.endswith("a-copy-of-primary.toml") and "already used by" in p.message
               for p in library.problems)
    assert not any(f.endswith("/primary.toml") for f in library.broken_files)
