"""Writing a report, a case file or a backup never replaces a link, a device or a pipe with a
regular file (issue 13, item 9: as root, `--out /dev/full` replaced the device), and a killed
write's temporary file does not stay beside the user's files."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dayinlife import files
from dayinlife.store import Store, StoreError
from tests.test_case_interchange import build_case

REPO = Path(__file__).resolve().parent.parent
from tests.conftest import STORE_PASS as PASS  # noqa: E402
posix_only = pytest.mark.skipif(os.name == "nt", reason="links, FIFOs and /dev/full are POSIX here")


@pytest.fixture
def data(store_with_a_case):
    return store_with_a_case


def cli(*args, data):
    return subprocess.run([sys.executable, "-m", "dayinlife", "--data-dir", str(data), *map(str, args)], cwd=REPO,
                          env={**os.environ, "PYTHONPATH": str(REPO), "DAYINLIFE_PASSPHRASE": PASS,
                               "DAYINLIFE_FILE_PASSPHRASE": "a file passphrase"},
                          capture_output=True, text=True, timeout=120)


@posix_only
@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
def test_a_report_to_dev_full_is_refused_and_the_device_stays(data, library):
    case = build_case(library)
    out = cli("report", case.reference, "--child", case.children[0].name, "--out", "/dev/full", data=data)
    assert out.returncode != 0 and "not an ordinary file" in out.stderr and "Traceback" not in out.stderr
    assert stat.S_ISCHR(os.lstat("/dev/full").st_mode)


@posix_only
@pytest.mark.parametrize("what", ["report", "case export", "backup"])
def test_a_link_or_a_pipe_is_never_replaced(data, library, tmp_path, what):
    case = build_case(library)
    kept = tmp_path / "somebody-elses.txt"
    kept.write_text("not to be touched", "utf-8")
    link = tmp_path / "out.file"
    link.symlink_to(kept)
    pipe = tmp_path / "pipe.file"
    os.mkfifo(pipe)
    for target in (link, pipe):
        args = {"report": ["report", case.reference, "--child", case.children[0].name, "--out", target],
                "case export": ["case", "export", case.reference, "--out", target],
                "backup": ["backup", "--out", target]}[what]
        out = cli(*args, data=data)
        assert out.returncode != 0 and "not an ordinary file" in out.stderr, (what, target, out.stderr)
    assert link.is_symlink() and kept.read_text("utf-8") == "not to be touched"
    assert stat.S_ISFIFO(os.lstat(pipe).st_mode)
    assert not list(tmp_path.glob(".dayinlife-*.tmp"))


def test_a_backup_onto_a_folder_is_refused_in_words(data, tmp_path):
    (tmp_path / "a-folder").mkdir()
    with Store.open(data, PASS) as store, pytest.raises(StoreError) as err:
        store.backup(tmp_path / "a-folder")
    assert "folder" in str(err.value)


def test_a_killed_writes_leftover_is_swept_on_the_next_write(tmp_path):
    leftover = tmp_path / ".dayinlife-0123456789abcdef.tmp"
    leftover.write_bytes(b"half a report, in clear")
    old = time.time() - 3600
    os.utime(leftover, (old, old))
    fresh = tmp_path / ".dayinlife-fedcba9876543210.tmp"  # another write, perhaps still going
    fresh.write_bytes(b"in progress")
    files.write_atomically(tmp_path / "report.docx", b"the whole report")
    assert not leftover.exists() and fresh.exists()
    assert (tmp_path / "report.docx").read_bytes() == b"the whole report"


@pytest.mark.parametrize("name", ["dayinlife.db", "dayinlife-store.json"])
@pytest.mark.parametrize("what", ["report", "case export", "backup"])
def test_the_stores_own_files_are_never_written_over(data, library, what, name):
    """The outside try: a report or an export saved as the key file lost every case for good."""
    case = build_case(library)
    target = data / name
    before = target.read_bytes()
    args = {"report": ["report", case.reference, "--child", case.children[0].name, "--out", target],
            "case export": ["case", "export", case.reference, "--out", target],
            "backup": ["backup", "--out", target]}[what]
    out = cli(*args, data=data)
    assert out.returncode != 0 and "the store's own files" in out.stderr, out.stderr
    assert target.read_bytes() == before
    assert cli("case", "list", data=data).returncode == 0
