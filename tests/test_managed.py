"""Settings an organisation fixes (issue 14, part 5): a file beside the installed app, or named by
DAYINLIFE_SETTINGS, fixes the base document, the marking, the longest idle lock, a folder of the
partnership's templates and the export folder; a mistake in it is named with its place and the
sound settings still apply. Read as the command line reads them, with a real report written."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from dayinlife.managed import load_managed
from tests.conftest import STORE_PASS

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def organisation(tmp_path):
    """A council's folder: its letterhead, its templates (one of the partnership's own) and exports."""
    from tests.test_report import org_base

    place = tmp_path / "council"
    (place / "templates").mkdir(parents=True)
    (place / "exports").mkdir()
    org_base(place / "letterhead.docx")
    text = (REPO / "templates" / "primary.toml").read_text("utf-8").replace('\nid = "primary"\n',
                                                                             '\nid = "anyshire_primary"\n')
    (place / "templates" / "anyshire-primary.toml").write_text(text, "utf-8")
    settings = place / "dayinlife-settings.toml"
    settings.write_text(f"""
[report]
base_document = "{(place / 'letterhead.docx').as_posix()}"
marking = "OFFICIAL-SENSITIVE (ANYSHIRE)"
export_folder = "{(place / 'exports').as_posix()}"

[lock]
longest_idle_minutes = 15

[templates]
folder = "{(place / 'templates').as_posix()}"
""", "utf-8")
    return settings


def test_every_setting_is_read(organisation):
    managed = load_managed(organisation)
    assert managed.problems == []
    assert managed.base_document.name == "letterhead.docx" and managed.marking == "OFFICIAL-SENSITIVE (ANYSHIRE)"
    assert managed.export_folder.name == "exports" and managed.templates_folder.name == "templates"
    assert managed.longest_idle_minutes == 15 and managed.idle_minutes(60) == 15 and managed.idle_minutes(5) == 5


def test_a_mistake_is_named_and_the_sound_settings_still_apply(organisation):
    text = organisation.read_text("utf-8")
    organisation.write_text(text.replace("longest_idle_minutes = 15", "longest_idle_minutes = 0")
                            .replace("[templates]", "[templates]\ncolour = 'red'") + "\n[printing]\nx = 1\n", "utf-8")
    managed = load_managed(organisation)
    said = "\n".join(managed.problems)
    assert "lock.longest_idle_minutes: should be a whole number of minutes from 1 to 240" in said
    assert "templates.colour: is not a setting" in said and "printing: is not a setting" in said
    assert managed.longest_idle_minutes is None and managed.marking == "OFFICIAL-SENSITIVE (ANYSHIRE)"
    organisation.write_text("[report\n", "utf-8")
    assert "is not valid TOML" in load_managed(organisation).problems[0]
    assert load_managed(organisation.parent / "missing.toml").problems


def cli(*args, data, settings):
    env = {**os.environ, "PYTHONPATH": str(REPO), "DAYINLIFE_DATA_DIR": str(data), "DAYINLIFE_PASSPHRASE": STORE_PASS,
           "DAYINLIFE_SETTINGS": str(settings)}
    return subprocess.run([sys.executable, "-m", "dayinlife", *map(str, args)], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=120)


def test_the_command_line_keeps_to_them(organisation, store_with_a_case, tmp_path):
    out = cli("templates", "list", "--json", data=store_with_a_case, settings=organisation)
    import json

    files = {t["id"]: t["file"] for t in json.loads(out.stdout)["templates"]}
    assert "anyshire_primary" in files and "council" in files["anyshire_primary"] and "primary" in files
    out = cli("report", "FICT-0042", "--child", "Baby", "--out", tmp_path / "r.docx", data=store_with_a_case,
              settings=organisation)
    assert out.returncode == 0, out.stderr
    header = [p.text for p in docx.Document(str(tmp_path / "r.docx")).sections[0].header.paragraphs]
    assert "DRAFT: not yet approved by a manager — OFFICIAL-SENSITIVE (ANYSHIRE)" in header  # not yet approved
    assert "Anyshire Council Children's Services" in header
    out = cli("report", "FICT-0042", "--child", "Baby", "--marking", "OFFICIAL", "--out", tmp_path / "s.docx",
              data=store_with_a_case, settings=organisation)
    assert out.returncode == 1 and "set by your organisation" in out.stderr and not (tmp_path / "s.docx").exists()
    organisation.write_text(organisation.read_text("utf-8") + "\n[lock]\n", "utf-8")  # a table twice: not TOML
    out = cli("templates", "list", data=store_with_a_case, settings=organisation)
    assert out.returncode == 0 and "the organisation's settings:" in out.stderr and "not valid TOML" in out.stderr


@pytest.mark.parametrize("platform, executable, expected", [
    ("win32", r"C:\Program Files\Day in My Life\DayInMyLife.exe", None),
    ("linux", "/opt/DayInMyLife/dayinlife", None),
    ("darwin", "/Applications/Day in My Life.app/Contents/MacOS/DayInMyLife",
     "/Library/Application Support/DayInMyLife"),
])
def test_where_an_installed_app_looks_for_the_file(monkeypatch, platform, executable, expected):
    """Beside the bundle's programs; on a Mac not inside the signed .app, but in the machine's folder."""
    from dayinlife import managed

    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", executable)
    monkeypatch.setattr(sys, "platform", platform)
    monkeypatch.setattr(Path, "resolve", lambda self, strict=False: self)  # no such folders here
    folder = managed._install_folder()
    if expected is None:
        assert folder == Path(executable).parent
    else:
        assert folder == Path(expected)
