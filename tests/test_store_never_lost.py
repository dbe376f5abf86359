"""Broken input never costs a saved case (issue 13, part 1): a database gone missing beside its key
file, a zero-byte database, the wrong-passphrase wait after the clock moves, a damaged failure
count, a wrong passphrase on a full disk. Each on a real store on disk, and through the command
line as a person would meet it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from dayinlife.datadir import store_exists
from dayinlife.store import (
    DB_NAME,
    META_NAME,
    MAX_WAIT_SECONDS,
    Store,
    StoreDamaged,
    StoreError,
    StoreMissing,
    UnlockThrottled,
    WrongPassphrase,
)
from tests.test_case_interchange import build_case

REPO = Path(__file__).resolve().parent.parent
from tests.conftest import STORE_PASS as PASS  # noqa: E402


def cli(*args, data, stdin="", env=None):
    environment = {**os.environ, "PYTHONPATH": str(REPO), "DAYINLIFE_PASSPHRASE": PASS, **(env or {})}
    return subprocess.run([sys.executable, "-m", "dayinlife", "--data-dir", str(data), *map(str, args)],
                          cwd=REPO, env=environment, capture_output=True, text=True, timeout=120, input=stdin)


@pytest.fixture
def saved(store_with_a_case):
    return store_with_a_case


# ---------------------------------------------------------------------------- a database gone missing


def test_a_missing_database_beside_its_key_file_is_never_replaced(saved, tmp_path):
    moved = tmp_path / "elsewhere.db"
    (saved / DB_NAME).rename(moved)
    key_before = (saved / META_NAME).read_bytes()
    assert not store_exists(saved)
    with pytest.raises(StoreMissing) as err:
        Store.create(saved, "a new passphrase")
    assert "missing" in str(err.value) and "backup" in str(err.value)
    with pytest.raises(StoreMissing):
        Store.open(saved, PASS)
    assert (saved / META_NAME).read_bytes() == key_before  # the salt that opens the real database
    assert not (saved / DB_NAME).exists()
    moved.rename(saved / DB_NAME)  # it comes back: the right passphrase still opens it
    with Store.open(saved, PASS) as store:
        assert len(store.list_cases()) == 1


def test_case_import_refuses_to_start_a_new_store_over_a_missing_one(saved, tmp_path, library):
    (saved / DB_NAME).unlink()
    key_before = (saved / META_NAME).read_bytes()
    case_file = tmp_path / "case.json"
    from dayinlife.interchange import write_case_file

    write_case_file(build_case(library), case_file)
    out = cli("case", "import", case_file, data=saved)
    assert out.returncode != 0
    assert "missing" in out.stderr and "Traceback" not in out.stderr
    assert (saved / META_NAME).read_bytes() == key_before and not (saved / DB_NAME).exists()


def test_a_set_up_cut_short_can_be_done_again(tmp_path):
    """The key file is written first; a set-up killed before the database was made holds nothing."""
    folder = tmp_path / "data"
    Store.create(folder, PASS).close()
    meta = json.loads((folder / META_NAME).read_text("utf-8"))
    (folder / META_NAME).write_text(json.dumps({**meta, "setting_up": True}), "utf-8")
    (folder / DB_NAME).write_bytes(b"")  # as a kill just after the file was made leaves it
    assert not store_exists(folder)
    with Store.create(folder, "another passphrase") as store:
        assert store.list_cases() == []
    assert "setting_up" not in json.loads((folder / META_NAME).read_text("utf-8"))
    assert store_exists(folder)


# ---------------------------------------------------------------------------- a zero-byte database


def test_a_zero_byte_database_is_damaged_not_new(saved):
    (saved / DB_NAME).write_bytes(b"")
    for name in ("-wal", "-shm"):
        Path(str(saved / DB_NAME) + name).unlink(missing_ok=True)
    with pytest.raises(StoreDamaged) as err:
        Store.open(saved, PASS)
    assert "empty" in str(err.value) and "backup" in str(err.value)
    assert (saved / DB_NAME).stat().st_size == 0  # nothing was written into it
    with pytest.raises(StoreError):
        Store.create(saved, PASS)  # and it is not mistaken for a set-up to do again


# ---------------------------------------------------------------------------- the wrong-passphrase wait


def fail(folder, times, clock):
    for _ in range(times):
        try:
            Store.open(folder, "not it", clock=clock)
        except (WrongPassphrase, UnlockThrottled):
            pass


def test_the_wait_is_capped_when_the_clock_moves_back(saved):
    now = [1_000_000.0]
    fail(saved, 6, lambda: now[0])
    now[0] -= 86_400  # the clock moved back a day
    with pytest.raises(UnlockThrottled) as err:
        Store.open(saved, PASS, clock=lambda: now[0])
    assert err.value.seconds <= MAX_WAIT_SECONDS <= 600
    now[0] += err.value.seconds + 1
    Store.open(saved, PASS, clock=lambda: now[0]).close()


def test_the_wait_is_over_when_the_clock_moves_forward(saved):
    now = [1_000_000.0]
    fail(saved, 6, lambda: now[0])
    now[0] += 10 * 86_400
    Store.open(saved, PASS, clock=lambda: now[0]).close()


@pytest.mark.parametrize("damage", [{"failures": "lots"}, {"last_failure": "yesterday"}, {"failures": None},
                                    {"failures": 1e308}, {"last_failure": float("nan")}])
def test_a_damaged_failure_count_is_said_in_plain_words_and_the_right_passphrase_opens(saved, damage):
    path = saved / META_NAME
    meta = json.loads(path.read_text("utf-8"))
    path.write_text(json.dumps({**meta, "failures": 5, "last_failure": 0, **damage}), "utf-8")
    with pytest.raises(WrongPassphrase) as err:
        Store.open(saved, "not it")
    assert "count of failed tries" in str(err.value)
    path.write_text(json.dumps({**meta, **damage}), "utf-8")
    Store.open(saved, PASS).close()
    assert json.loads(path.read_text("utf-8"))["failures"] == 0


def test_the_cli_says_a_damaged_count_in_words(saved):
    path = saved / META_NAME
    meta = json.loads(path.read_text("utf-8"))
    path.write_text(json.dumps({**meta, "failures": "lots"}), "utf-8")
    out = cli("case", "list", data=saved, env={"DAYINLIFE_PASSPHRASE": "not it"})
    assert out.returncode != 0 and "ValueError" not in out.stderr and "Traceback" not in out.stderr
    assert "count of failed tries" in out.stderr


def test_a_wrong_passphrase_on_a_full_disk_is_a_wrong_passphrase(saved, monkeypatch):
    from dayinlife import files

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files, "write_atomically", full)
    with pytest.raises(WrongPassphrase) as err:
        Store.open(saved, "not it")
    assert "not right" in str(err.value) and "disk is full" not in str(err.value).split(".")[0]


def test_a_set_up_flag_beside_a_real_database_never_costs_it(saved, tmp_path, library):
    """The outside try: with 'setting_up' in the key file, case import deleted a full database."""
    path = saved / META_NAME
    path.write_text(json.dumps({**json.loads(path.read_text("utf-8")), "setting_up": True}), "utf-8")
    assert store_exists(saved)  # a database that holds anything is a store
    with pytest.raises(StoreError):
        Store.create(saved, "a new passphrase")
    case_file = tmp_path / "another.json"
    from dayinlife.interchange import write_case_file

    other = build_case(library)
    other.reference, other.id = "FICT-OTHER", "other-id"  # (every other id is new in each build_case)
    other.analyses = {}
    write_case_file(other, case_file)
    assert cli("case", "import", case_file, data=saved).returncode == 0
    with Store.open(saved, PASS) as store:
        assert len(store.list_cases()) == 2  # the one there before is still there
    assert "setting_up" not in json.loads(path.read_text("utf-8"))  # and the stray flag is gone


def test_a_zero_byte_database_with_a_log_it_cannot_use_is_damaged_and_the_log_kept(saved, tmp_path):
    """The outside try: a 0-byte database and a leftover log became an empty 'sound' store, and the
    log was deleted."""
    (saved / DB_NAME).write_bytes(b"")
    wal = Path(str(saved / DB_NAME) + "-wal")
    junk = os.urandom(4096 * 3)
    wal.write_bytes(junk)
    with pytest.raises(StoreDamaged) as err:
        Store.open(saved, PASS)
    assert "empty (0 bytes)" in str(err.value)
    assert (saved / DB_NAME).stat().st_size == 0 and wal.read_bytes() == junk
    assert not list(saved.glob(".dayinlife-*.tmp"))


def test_a_new_store_killed_before_its_first_checkpoint_still_opens(tmp_path, library):
    """The legitimate case: all its pages in the log, the database file still 0 bytes."""
    folder = tmp_path / "data"
    code = ("import os, sys; from dayinlife.store import Store; from tests.test_case_interchange import build_case; "
            "from dayinlife.template_loader import load_library; s = Store.create(sys.argv[1], sys.argv[2]); "
            "s.save_case(build_case(load_library())); os._exit(0)")
    subprocess.run([sys.executable, "-c", code, str(folder), PASS], cwd=REPO, check=True,
                   env={**os.environ, "PYTHONPATH": str(REPO)}, timeout=60)
    assert Path(str(folder / DB_NAME) + "-wal").stat().st_size > 0  # killed with its log unmerged
    with Store.open(folder, PASS) as store:
        assert len(store.list_cases()) == 1


def test_a_made_up_header_cannot_ask_for_gigabytes_or_minutes_per_try(tmp_path, library):
    """The outside try: a case file's header asked for 4 GiB and 64 passes, and got them."""
    from dayinlife import crypto
    from dayinlife.case_files import read_case_file_any
    from dayinlife.interchange import dumps_case
    from dayinlife.store import StoreError

    blob = crypto.seal(dumps_case(build_case(library)).encode("utf-8"), "a file passphrase", "case")
    magic, rest = blob.split(b"\n", 1)
    header, body = rest.split(b"\n", 1)
    data = json.loads(header)
    for kdf in ({**data["kdf"], "memory_kib": 4 * 1024 * 1024, "iterations": 64}, {**data["kdf"], "lanes": -1},
                {**data["kdf"], "salt": "ab"}, ["not", "settings"]):
        path = tmp_path / "made-up.dilcase"
        path.write_bytes(magic + b"\n" + json.dumps({**data, "kdf": kdf}, sort_keys=True).encode() + b"\n" + body)
        with pytest.raises(StoreError) as err:
            read_case_file_any(path, "a file passphrase")
        assert "key derivation settings" in str(err.value)


def test_a_passphrase_of_spaces_is_refused(saved):
    with pytest.raises(StoreError):
        Store.create(saved.parent / "elsewhere", "    ")
    with Store.open(saved, PASS) as store, pytest.raises(StoreError):
        store.change_passphrase(PASS, "   ")
    assert str(UnlockThrottled(1)) == "Too many wrong passphrases: wait 1 second before trying again."
