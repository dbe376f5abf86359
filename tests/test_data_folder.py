"""The data folder (issue 14, part 4): the platform's own per-user folder, never a roaming one on
Windows, and a store found in an earlier version's default folder moved there once, safely: with
its lock held, copied, read back and compared before the originals go. Real stores on disk."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from dayinlife import datadir
from dayinlife.datadir import DB_NAME, KEY_NAME, move_store, settle_default_folder
from dayinlife.store import Store
from tests.conftest import STORE_PASS
from tests.test_case_interchange import build_case

REPO = Path(__file__).resolve().parent.parent


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def earlier(tmp_path, library):
    """A store with a case in it, where an earlier version kept it (the roaming profile)."""
    folder = tmp_path / "Roaming" / "DayInMyLife"
    with Store.create(folder, STORE_PASS) as store:
        store.save_case(build_case(library))
    return folder


def test_a_store_in_the_earlier_folder_is_moved_once_and_opens_as_before(earlier, tmp_path):
    new = tmp_path / "Local" / "DayInMyLife"
    before = {name: digest(earlier / name) for name in (DB_NAME, KEY_NAME)}
    folder, note = settle_default_folder(new, [earlier])
    assert folder == new and note and str(earlier) in note and str(new) in note and "stays on this computer" in note
    assert {name: digest(new / name) for name in (DB_NAME, KEY_NAME)} == before
    assert not earlier.exists()  # nothing of the store left in the profile that is copied to a server
    assert not [p for p in new.parent.iterdir() if p.name.startswith(".")]  # no staging folder left
    with Store.open(new, STORE_PASS) as store:
        assert [c.reference for c in store.list_cases()] == ["FICT-0042"] and store.integrity_problems() == []
    assert settle_default_folder(new, [earlier]) == (new, None)  # once


def test_nothing_is_moved_into_a_folder_that_holds_a_store(earlier, tmp_path):
    new = tmp_path / "Local" / "DayInMyLife"
    Store.create(new, "another passphrase").close()
    before = digest(earlier / DB_NAME)
    assert settle_default_folder(new, [earlier]) == (new, None)
    assert digest(earlier / DB_NAME) == before


HOLDER = """
import sys
from dayinlife.store import Store
store = Store.open(sys.argv[1], sys.argv[2])
print("open", flush=True)
sys.stdin.readline()
store.close()
"""


def test_a_store_open_elsewhere_stays_where_it_is_this_time(earlier, tmp_path):
    new = tmp_path / "Local" / "DayInMyLife"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    with subprocess.Popen([sys.executable, "-c", HOLDER, str(earlier), STORE_PASS], cwd=REPO, env=env,
                          stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True) as holder:
        assert holder.stdout.readline().strip() == "open"
        folder, note = settle_default_folder(new, [earlier])
        assert folder == earlier and "open in another program" in note and not new.exists()
        holder.stdin.write("\n")
        holder.stdin.flush()
    assert settle_default_folder(new, [earlier])[0] == new  # closed there: moved next time


def test_a_copy_that_cannot_be_made_leaves_the_store_where_it_was(earlier, tmp_path):
    blocker = tmp_path / "Local"
    blocker.write_text("a file where the folder should be")
    before = digest(earlier / DB_NAME)
    folder, note = move_store(earlier, blocker / "DayInMyLife")
    assert folder == earlier and "could not be moved" in note and "Nothing has been changed" in note
    assert digest(earlier / DB_NAME) == before
    with Store.open(earlier, STORE_PASS) as store:
        assert store.list_cases()


def test_the_command_line_moves_it_and_says_so(earlier, tmp_path, monkeypatch, capsys):
    from dayinlife import cli

    new = tmp_path / "Local" / "DayInMyLife"
    monkeypatch.delenv("DAYINLIFE_DATA_DIR", raising=False)
    monkeypatch.setenv("DAYINLIFE_PASSPHRASE", STORE_PASS)
    monkeypatch.setattr(datadir, "default_data_dir", lambda: new)
    monkeypatch.setattr(datadir, "earlier_default_dirs", lambda: [earlier])
    assert cli.main(["case", "list"]) == 0
    out = capsys.readouterr()
    assert "FICT-0042" in out.out and "has been moved from" in out.err
    assert cli.main(["case", "list"]) == 0
    assert "moved" not in capsys.readouterr().err


@pytest.mark.skipif(sys.platform != "win32", reason="the roaming and local folders are Windows's")
def test_on_windows_the_store_is_in_the_local_folder_and_the_roaming_one_is_earlier():
    assert datadir.default_data_dir() == Path(os.environ["LOCALAPPDATA"]) / "DayInMyLife"
    assert datadir.earlier_default_dirs() == [Path(os.environ["APPDATA"]) / "DayInMyLife"]


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="the XDG folders are Linux's and the BSDs'")
def test_elsewhere_the_folder_is_the_xdg_one_it_always_was(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert datadir.default_data_dir() == tmp_path / "xdg" / "dayinlife"
    assert datadir.earlier_default_dirs() == []
