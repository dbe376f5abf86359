"""The command line, run as a user runs it: a separate process, exit codes, stdout and stderr."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
IDS = ["prebirth", "baby", "preschool", "primary", "teenager", "disabled"]


def dayinlife(*args, cwd=REPO):
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", "dayinlife", *map(str, args)], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=60)


def test_templates_list():
    out = dayinlife("templates", "list")
    assert out.returncode == 0, out.stderr
    for tid in IDS:
        assert tid in out.stdout


def test_templates_list_json():
    out = dayinlife("templates", "list", "--json")
    data = json.loads(out.stdout)
    assert [t["id"] for t in data["templates"]] == IDS
    assert data["broken"] == [] and data["problems"] == []
    assert all(t["hash"].startswith("sha256:") and t["topics"] >= 12 for t in data["templates"])


def test_templates_check_all_good():
    out = dayinlife("templates", "check")
    assert out.returncode == 0, out.stderr
    assert "6 template(s) fine" in out.stdout


@pytest.mark.parametrize("tid", IDS)
def test_templates_show_json(tid):
    out = dayinlife("templates", "show", tid, "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["id"] == tid and data["hash"].startswith("sha256:")
    topic = data["stages"][0]["topics"][0]
    for field in ("key", "child", "parent", "professional", "neglect", "framework", "agencies", "measures"):
        assert field in topic
    assert data["common"].get("faces", "feeling") in data["scales"]  # the scale its faces come from


def test_templates_show_text():
    out = dayinlife("templates", "show", "primary")
    assert out.returncode == 0 and "child:" in out.stdout and "Sam" in out.stdout


def test_check_a_broken_copy_lists_problems_and_fails(tmp_path):
    good = (REPO / "templates" / "teenager.toml").read_text("utf-8")
    bad = tmp_path / "teen-broken.toml"
    bad.write_text(good.replace('neglect = ["', 'neglect = ["XYZ", "', 1).replace("\nchild =", "\nchlid =", 1), "utf-8")
    out = dayinlife("templates", "check", bad, REPO / "templates" / "baby.toml")
    assert out.returncode == 1
    lines = out.stderr.strip().splitlines()
    assert any(f"{bad}:" in line and "unknown tag 'XYZ'" in line for line in lines)
    assert any("did you mean 'child'" in line for line in lines)
    assert "1 template(s) fine" in lines[-1]
    assert "Traceback" not in out.stderr


def test_check_a_folder(template_folder):
    (template_folder / "extra.toml").write_text("id = ", "utf-8")
    out = dayinlife("templates", "check", template_folder)
    assert out.returncode == 1
    assert "extra.toml:1: is not valid TOML" in out.stderr


@pytest.mark.parametrize("args, words", [
    (["templates", "show", "nope"], "no template with id 'nope'"),
    (["templates", "check", "/no/such/file.toml"], "no such file or folder"),
    (["templates", "frobnicate"], "invalid choice"),
    (["templates", "suggest", "--dob", "yesterday"], "not a date in the form YYYY-MM-DD"),
    (["templates", "suggest", "--dob", "1990-01-01"], "no template suits"),
    (["case", "check", "/no/such/case.json"], "no such file"),
    ([], "required"),
])
def test_errors_are_one_clear_line(args, words):
    out = dayinlife(*args)
    assert out.returncode != 0
    assert out.stderr.count("\n") == 1, out.stderr
    assert words in out.stderr and "Traceback" not in out.stderr


def test_suggest():
    out = dayinlife("templates", "suggest", "--dob", "2019-04-01", "--disabled", "--on", "2026-11-24", "--json")
    assert json.loads(out.stdout) == {"template": "disabled", "alternatives": ["primary"],
                                      "reason": "Disabled child: the child is 7 years old and disabled"}


def test_case_check(tmp_path, library):
    from tests.test_case_interchange import build_case
    from dayinlife.interchange import write_case_file

    path = tmp_path / "case.json"
    write_case_file(build_case(library), path)
    out = dayinlife("case", "check", path)
    assert out.returncode == 0 and "2 adult(s), 2 child(ren), 4 interview(s)" in out.stdout
    from dayinlife.interchange import FORMAT_VERSION
    text = path.read_text("utf-8")
    assert f'"version": {FORMAT_VERSION}' in text
    path.write_text(text.replace(f'"version": {FORMAT_VERSION}', '"version": 99'), "utf-8")
    out = dayinlife("case", "check", path)
    assert out.returncode == 1 and "newer version" in out.stderr


def test_runs_from_any_folder(tmp_path):
    assert dayinlife("templates", "check", cwd=tmp_path).returncode == 0


# ------------------------------------------------------------------ the store's commands


def store_cli(tmp_path, *args, passphrase="it's a 'pass' ñ", file_passphrase="file pass", **env):
    full = {**os.environ, "PYTHONPATH": str(REPO), "DAYINLIFE_DATA_DIR": str(tmp_path / "data"),
            "DAYINLIFE_PASSPHRASE": passphrase, "DAYINLIFE_FILE_PASSPHRASE": file_passphrase, **env}
    return subprocess.run([sys.executable, "-m", "dayinlife", *map(str, args)], cwd=tmp_path, env=full,
                          capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)


@pytest.fixture
def case_json(tmp_path, library):
    from tests.test_case_interchange import build_case
    from dayinlife.interchange import write_case_file

    path = tmp_path / "case.json"
    write_case_file(build_case(library), path)
    return path


def test_store_commands_end_to_end(tmp_path, case_json):
    out = store_cli(tmp_path, "case", "list")
    assert out.returncode == 1 and "no store" in out.stderr
    out = store_cli(tmp_path, "case", "import", case_json)
    assert out.returncode == 0 and "imported case FICT-0042" in out.stdout, out.stderr
    assert "cannot be recovered" in out.stderr  # first use says so
    out = store_cli(tmp_path, "case", "list", "--json")
    assert json.loads(out.stdout)["cases"][0]["children"] == ["Siobhán O'Neill-Ward", "Baby"]
    out = store_cli(tmp_path, "case", "import", case_json)
    assert out.returncode == 1 and "--replace or --keep-both" in out.stderr
    assert store_cli(tmp_path, "case", "import", case_json, "--keep-both").returncode == 0
    assert len(json.loads(store_cli(tmp_path, "case", "list", "--json").stdout)["cases"]) == 2
    assert store_cli(tmp_path, "case", "import", case_json, "--replace").returncode == 0
    out = store_cli(tmp_path, "case", "export", "FICT-0042", "--out", tmp_path / "c.dilcase")
    assert out.returncode == 0, out.stderr
    assert store_cli(tmp_path, "backup", "--out", tmp_path / "b.dilbak").returncode == 0
    out = store_cli(tmp_path, "restore", tmp_path / "b.dilbak", "--data-dir", tmp_path / "restored")
    assert out.returncode == 0 and "restored 2 case(s)" in out.stdout, out.stderr
    out = store_cli(tmp_path, "--data-dir", tmp_path / "other", "case", "import", tmp_path / "c.dilcase")
    assert out.returncode == 0, out.stderr
    out = store_cli(tmp_path, "--data-dir", tmp_path / "other2", "case", "import", tmp_path / "c.dilcase",
                    file_passphrase="wrong")
    assert out.returncode == 1 and "does not open" in out.stderr
    out = store_cli(tmp_path, "passphrase", "change", DAYINLIFE_NEW_PASSPHRASE="brand new")
    assert out.returncode == 0, out.stderr
    out = store_cli(tmp_path, "case", "list")
    assert out.returncode == 1 and "not right" in out.stderr and out.stderr.count("\n") == 1
    out = store_cli(tmp_path, "store", "check", passphrase="brand new")
    assert out.returncode == 0 and "sound" in out.stdout


def test_store_errors_are_one_line(tmp_path, case_json):
    store_cli(tmp_path, "case", "import", case_json)
    (tmp_path / "data" / "dayinlife.db").write_bytes(b"\x00\xff" + os.urandom(4998))
    out = store_cli(tmp_path, "case", "list")
    assert out.returncode == 1 and out.stderr.count("\n") == 1 and "Traceback" not in out.stderr
    assert "cut short" in out.stderr
    out = store_cli(tmp_path, "case", "list", passphrase="")
    assert out.returncode == 2 and "DAYINLIFE_PASSPHRASE" in out.stderr


@pytest.mark.skipif(not Path("/proc/version").is_file(), reason="needs a folder that exists yet takes no files")
def test_an_empty_child_or_a_folder_that_takes_no_files_is_said_as_it_is(tmp_path, case_json):
    """--child "" is no child's name (not 'more than one child is called'), and /proc exists: it is
    never said to be missing."""
    assert store_cli(tmp_path, "case", "import", case_json).returncode == 0
    out = store_cli(tmp_path, "report", "FICT-0042", "--child", "", "--out", tmp_path)
    assert out.returncode == 1 and "No child's name was given" in out.stderr
    assert "Siobhán O'Neill-Ward" in out.stderr and "More than one" not in out.stderr
    for target in ("/proc/version", "/proc/self/a.docx"):
        out = store_cli(tmp_path, "report", "FICT-0042", "--child", "Baby", "--out", target)
        assert out.returncode == 1 and "does not exist" not in out.stderr, out.stderr
        assert "does not take new files" in out.stderr or "read-only" in out.stderr, out.stderr
    out = store_cli(tmp_path, "case", "export", "FICT-0042", "--out", "/proc/a.dilcase")
    assert out.returncode == 1 and "does not exist" not in out.stderr, out.stderr


def test_a_data_folder_that_cannot_be_one_is_named_and_nothing_is_made(tmp_path, case_json):
    """--data-dir naming a file, a link to nowhere or a name too long for the disk: said in words,
    and no store (nor a demo beside it) is made anywhere."""
    afile = tmp_path / "afile"
    afile.write_text("x")
    out = store_cli(tmp_path, "--data-dir", afile, "case", "import", case_json)
    assert out.returncode == 1 and "is a file or a device, not a folder" in out.stderr, out.stderr
    assert "Creating a new store" not in out.stderr and afile.read_text() == "x"
    out = store_cli(tmp_path, "--data-dir", afile, "demo", "reset")
    assert out.returncode == 1 and not (tmp_path / "afile-demo").exists()
    if os.name != "nt":
        (tmp_path / "dangling").symlink_to(tmp_path / "nowhere")
        out = store_cli(tmp_path, "restore", tmp_path / "no.dilbak", "--data-dir", tmp_path / "dangling")
        assert out.returncode == 1 and "is a link to" in out.stderr and "which does not exist" in out.stderr
    out = store_cli(tmp_path, "--data-dir", tmp_path / ("n" * 300), "case", "list")
    assert out.returncode == 1 and "name is too long" in out.stderr and "unexpected" not in out.stderr


def test_a_report_name_too_long_for_the_disk_is_said_in_words(tmp_path, case_json):
    assert store_cli(tmp_path, "case", "import", case_json).returncode == 0
    out = store_cli(tmp_path, "report", "FICT-0042", "--child", "Baby", "--out", tmp_path / ("n" * 300 + ".docx"))
    assert out.returncode == 1 and "is too long for the disk" in out.stderr, out.stderr
    assert "unexpected" not in out.stderr and "Errno" not in out.stderr
    out = store_cli(tmp_path, "case", "export", "FICT-0042", "--out", tmp_path / ("n" * 300 + ".dilcase"))
    assert out.returncode == 1 and "is too long for the disk" in out.stderr, out.stderr


def test_small_things_said_plainly(tmp_path, case_json):
    """No sections chosen is refused (not a near-empty report); a case file passphrase of spaces is
    refused as the store's is; JSON cut inside a string reads 'starting at line', not 'at at'."""
    assert store_cli(tmp_path, "case", "import", case_json).returncode == 0
    out = store_cli(tmp_path, "report", "FICT-0042", "--child", "Baby", "--sections", "", "--out", tmp_path)
    assert out.returncode == 1 and "No section of the report is chosen" in out.stderr, out.stderr
    assert not list(tmp_path.glob("*.docx"))
    out = store_cli(tmp_path, "case", "export", "FICT-0042", "--out", tmp_path / "c.dilcase", file_passphrase="   ")
    assert out.returncode == 1 and "not only spaces" in out.stderr and not (tmp_path / "c.dilcase").exists()
    cut = tmp_path / "cut.json"
    cut.write_text('{"format": "dayinlife-case", "version": 1, "case": {"reference": "FICT', "utf-8")
    out = dayinlife("case", "check", cut)
    assert out.returncode != 0 and "starting at line 1" in out.stderr and "at at" not in out.stderr, out.stderr


def test_templates_check_says_what_it_does_not_read(tmp_path):
    """Templates are TOML: the JSON `templates show --json` writes, or a folder of such, is said not
    to be read (never 'invalid TOML', never 'no problems found' for a folder it read nothing in)."""
    shown = dayinlife("templates", "show", "primary", "--json")
    folder = tmp_path / "json only"
    folder.mkdir()
    (folder / "primary.json").write_text(shown.stdout, "utf-8")
    out = dayinlife("templates", "check", folder / "primary.json")
    assert out.returncode == 1 and "templates are .toml files" in out.stderr and "TOML:" not in out.stderr
    out = dayinlife("templates", "check", folder)
    assert out.returncode == 1 and "no templates found" in out.stderr and "primary.json" in out.stderr
    assert "no problems found" not in out.stdout


def test_a_line_break_in_a_file_name_never_makes_a_second_line(tmp_path):
    odd = tmp_path / "bad\ndayinlife: imported case FICT-0042.json"
    odd.write_text("x", "utf-8")
    out = dayinlife("case", "check", odd)
    assert out.returncode != 0 and out.stderr.count("\n") == 1 and "bad\\ndayinlife" in out.stderr, out.stderr


def test_odd_data_folder_values_never_make_a_second_store(tmp_path, case_json):
    """DAYINLIFE_DATA_DIR with a space at the end, or only spaces, would set up a second store where
    nobody looks: refused in words. A relative value is shown made absolute."""
    assert store_cli(tmp_path, "case", "import", case_json).returncode == 0
    out = store_cli(tmp_path, "case", "import", case_json, DAYINLIFE_DATA_DIR=str(tmp_path / "data") + " ")
    assert out.returncode == 1 and "space at the start or end" in out.stderr, out.stderr
    out = store_cli(tmp_path, "case", "list", DAYINLIFE_DATA_DIR="   ")
    assert out.returncode == 1 and "holds only spaces" in out.stderr, out.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["case.json", "data"]
    out = store_cli(tmp_path, "case", "list", DAYINLIFE_DATA_DIR="elsewhere")
    assert out.returncode == 1 and f"no store in {tmp_path / 'elsewhere'} yet" in out.stderr, out.stderr
    if Path("/proc/self").is_dir():
        out = store_cli(tmp_path, "--data-dir", "/proc/self", "demo", "reset")
        assert out.returncode == 1 and "The demo store cannot be made in" in out.stderr, out.stderr


def test_store_check_says_a_page_that_does_not_decrypt_in_words(tmp_path, case_json):
    assert store_cli(tmp_path, "case", "import", case_json).returncode == 0
    with open(tmp_path / "data" / "dayinlife.db", "ab") as db:
        db.write(os.urandom(4096))  # a whole page of noise: the store opens, the check finds it
    out = store_cli(tmp_path, "store", "check")
    assert out.returncode == 1 and "does not decrypt" in out.stderr and "HMAC" not in out.stderr, out.stderr
    assert "Restore your latest backup" in out.stderr
    empty = tmp_path / "no templates"
    empty.mkdir()
    out = dayinlife("templates", "list", "--dir", empty)
    assert out.returncode == 0 and "no templates (.toml files) in" in out.stderr
