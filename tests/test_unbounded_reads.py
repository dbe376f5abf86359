"""A file the user names is never read without end (issue 13): a pipe (which would wait for ever),
a device such as /dev/zero (which never ends) or a file of gigabytes, given as a case file, a backup,
a letterhead, a template or in place of the key file, is refused in words at once; and a lock wait
of "inf" is not taken literally. The store is untouched afterwards."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import STORE_PASS

REPO = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="pipes as files are a POSIX thing")


def cli(*args, data, env=None, timeout=60):
    return subprocess.run([sys.executable, "-m", "dayinlife", "--data-dir", str(data), *map(str, args)], cwd=REPO,
                          env={**os.environ, "PYTHONPATH": str(REPO), "DAYINLIFE_PASSPHRASE": STORE_PASS,
                               "DAYINLIFE_FILE_PASSPHRASE": "x", "DAYINLIFE_LOCK_WAIT": "0", **(env or {})},
                          capture_output=True, text=True, timeout=timeout)


def clear(out) -> bool:
    return out.returncode in (1, 2) and "Traceback" not in out.stderr and "unexpected error" not in out.stderr


def strange_files(tmp_path: Path) -> dict[str, Path]:
    pipe = tmp_path / "pipe.json"
    os.mkfifo(pipe)
    huge = tmp_path / "huge.json"
    with open(huge, "wb") as f:  # sparse: gigabytes long, nothing on the disk
        f.truncate(5 * 1024 * 1024 * 1024)
    return {"pipe": pipe, "device": Path("/dev/zero"), "huge": huge}


@pytest.mark.parametrize("kind", ["pipe", "device", "huge"])
def test_a_case_file_that_never_ends_is_refused(store_with_a_case, tmp_path, kind):
    path = strange_files(tmp_path)[kind]
    for args in (["case", "check", path], ["case", "import", path]):
        started = time.monotonic()
        out = cli(*args, data=store_with_a_case)
        assert clear(out), (args, out.stderr)
        assert "not a regular file" in out.stderr or "larger than any case file" in out.stderr, out.stderr
        assert time.monotonic() - started < 30
    assert "FICT-0042" in cli("case", "list", data=store_with_a_case).stdout


@pytest.mark.parametrize("kind", ["pipe", "device", "huge"])
def test_a_backup_that_never_ends_is_refused(tmp_path, kind):
    path = strange_files(tmp_path)[kind]
    out = cli("restore", path, data=tmp_path / "restored")
    assert clear(out) and ("not a regular file" in out.stderr or "larger than any backup" in out.stderr), out.stderr


@pytest.mark.parametrize("kind", ["pipe", "huge"])
def test_a_letterhead_or_template_that_never_ends_is_refused(store_with_a_case, tmp_path, library, kind):
    path = strange_files(tmp_path)[kind]
    from dayinlife.report import ReportError, ReportOptions, report_bytes
    from dayinlife.store import Store
    from dayinlife.template_loader import load_library

    with Store.open(store_with_a_case, STORE_PASS) as store:
        case = store.load_case(store.find_case("FICT-0042"))
    with pytest.raises(ReportError, match="cannot be read"):
        report_bytes(case, case.children[0], library, ReportOptions(base_document=path))
    folder = tmp_path / "templates"
    folder.mkdir()
    os.rename(path, folder / "strange.toml")
    lib = load_library(files=sorted(Path(REPO / "templates").glob("*.toml")) + [folder / "strange.toml"])
    assert any("strange.toml" in str(p) for p in lib.problems), lib.problems
    assert len(lib.templates) == 6


def test_a_pipe_in_place_of_the_key_file_is_refused(store_with_a_case):
    key = store_with_a_case / "dayinlife-store.json"
    sound = key.read_bytes()
    key.unlink()
    os.mkfifo(key)
    out = cli("case", "list", data=store_with_a_case)
    assert clear(out) and "key file" in out.stderr, out.stderr
    key.unlink()
    key.write_bytes(sound)
    assert "FICT-0042" in cli("case", "list", data=store_with_a_case).stdout


def test_a_lock_wait_of_inf_is_not_for_ever(store_with_a_case):
    out = cli("case", "list", data=store_with_a_case, env={"DAYINLIFE_LOCK_WAIT": "inf"})
    assert out.returncode == 0 and "FICT-0042" in out.stdout
    from dayinlife import cli as cli_module, store_lock

    before = store_lock.wait_seconds
    try:
        os.environ["DAYINLIFE_LOCK_WAIT"] = "inf"
        cli_module.main(["templates", "list"])
        assert store_lock.wait_seconds == 20.0
    finally:
        os.environ.pop("DAYINLIFE_LOCK_WAIT", None)
        store_lock.wait_seconds = before
