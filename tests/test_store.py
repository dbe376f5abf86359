"""The encrypted case store, on a real SQLCipher file on disk."""

import hashlib
import json
import os
import sqlite3
import sys
from pathlib import Path

import pytest

from dayinlife import crypto
from dayinlife.interchange import FORMAT_VERSION, case_to_dict, write_case_file
from dayinlife.migrations import MIGRATIONS
from dayinlife.store import (
    DB_NAME,
    META_NAME,
    CaseExists,
    CaseNotFound,
    DiskFull,
    FolderNotWritable,
    NotAStore,
    Store,
    StoreDamaged,
    StoreError,
    StoreTooNew,
    UnlockThrottled,
    WrongPassphrase,
)
from dayinlife.store_lock import LOCK_NAME
from tests.test_case_interchange import build_case

PASS = "correct horse 'battery' \"staple\" ŵ ł 🐴"


@pytest.fixture
def folder(tmp_path):
    return tmp_path / "data"


@pytest.fixture
def store(folder):
    s = Store.create(folder, PASS)
    yield s
    s.close()


@pytest.fixture
def saved_case(store, library):
    case = build_case(library)
    store.save_case(case)
    return case


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def same_case(a, b):
    x, y = case_to_dict(a), case_to_dict(b)
    for d in (x, y):
        d["case"].pop("updated")
    return x == y


# ------------------------------------------------------------------ create, open, passphrases


def test_create_then_open_with_an_awkward_passphrase(folder, library):
    with Store.create(folder, PASS) as s:
        case = build_case(library)
        s.save_case(case)
    with Store.open(folder, PASS) as s:
        assert same_case(s.load_case(case.id), case)
        assert s.version == len(MIGRATIONS)
    assert sorted(p.name for p in folder.iterdir() if p.name != LOCK_NAME) == sorted([DB_NAME, META_NAME])


def test_file_is_encrypted_and_key_file_holds_no_key(store, saved_case, folder):
    store.close()
    raw = (folder / DB_NAME).read_bytes()
    assert not raw.startswith(b"SQLite format 3")
    assert b"Siobh" not in raw and "Siobhán".encode() not in raw
    meta = json.loads((folder / META_NAME).read_text())
    assert set(meta) >= {"kdf", "check"} and meta["kdf"]["algorithm"] == "argon2id"
    assert PASS not in json.dumps(meta, ensure_ascii=False)


def test_cannot_create_over_an_existing_store(store, folder):
    with pytest.raises(StoreError, match="already a store"):
        Store.create(folder, "other")


def test_wrong_passphrase_is_clear_and_leaves_the_file_alone(store, saved_case, folder):
    store.close()
    before = digest(folder / DB_NAME)
    with pytest.raises(WrongPassphrase, match="not right"):
        Store.open(folder, "wrong")
    with pytest.raises(WrongPassphrase):
        Store.open(folder, "")
    assert digest(folder / DB_NAME) == before
    with Store.open(folder, PASS) as s:
        assert s.load_case(saved_case.id).reference == "FICT-0042"


def test_repeated_failures_slow_down_further_tries(store, folder):
    store.close()
    now = [1000.0]
    clock = lambda: now[0]  # noqa: E731
    for _ in range(3):  # three tries are free ...
        with pytest.raises(WrongPassphrase):
            Store.open(folder, "nope", clock=clock)
    with pytest.raises(UnlockThrottled) as waited:  # ... then each try must wait, longer each time
        Store.open(folder, PASS, clock=clock)
    assert waited.value.seconds >= 2
    now[0] += waited.value.seconds
    with pytest.raises(WrongPassphrase):
        Store.open(folder, "nope", clock=clock)
    with pytest.raises(UnlockThrottled) as longer:
        Store.open(folder, PASS, clock=clock)
    assert longer.value.seconds > waited.value.seconds
    now[0] += longer.value.seconds
    Store.open(folder, PASS, clock=clock).close()  # success resets the count
    meta = json.loads((folder / META_NAME).read_text())
    assert meta["failures"] == 0


def test_change_passphrase(store, saved_case, folder):
    with pytest.raises(WrongPassphrase):
        store.change_passphrase("not it", "new pass")
    store.change_passphrase(PASS, "new pass ñ")
    assert store.load_case(saved_case.id).reference == "FICT-0042"  # still usable at once
    store.close()
    with pytest.raises(WrongPassphrase):
        Store.open(folder, PASS)
    with Store.open(folder, "new pass ñ") as s:
        assert same_case(s.load_case(saved_case.id), saved_case)
        assert s.integrity_problems() == []
    assert sorted(p.name for p in folder.iterdir() if p.name != LOCK_NAME) == sorted([DB_NAME, META_NAME])


@pytest.mark.skipif(os.name == "nt", reason="file modes and symbolic links are POSIX here")
def test_change_passphrase_keeps_a_linked_database_where_it_is_and_private(store, saved_case, folder, tmp_path):
    """A database that is a link to another place stays there (the link kept, the real file
    re-keyed, never a stale copy left behind under the old passphrase), readable by its owner only."""
    store.close()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    os.replace(folder / DB_NAME, elsewhere / DB_NAME)
    (folder / DB_NAME).symlink_to(elsewhere / DB_NAME)
    with Store.open(folder, PASS) as s:
        s.change_passphrase(PASS, "a new one")
    assert (folder / DB_NAME).is_symlink() and (folder / DB_NAME).resolve() == elsewhere / DB_NAME
    assert (elsewhere / DB_NAME).stat().st_mode & 0o777 == 0o600
    assert not [p for p in elsewhere.iterdir() if p.name != DB_NAME]
    with Store.open(folder, "a new one") as s:
        assert same_case(s.load_case(saved_case.id), saved_case)
    (folder / DB_NAME).unlink()
    os.replace(elsewhere / DB_NAME, folder / DB_NAME)
    with Store.open(folder, "a new one") as s:
        s.change_passphrase("a new one", "again")
    assert (folder / DB_NAME).stat().st_mode & 0o777 == 0o600


def test_change_cut_short_after_the_swap_still_opens_with_the_new_passphrase(store, saved_case, folder):
    """The key file says 'pending' until the new file is in place: either passphrase that
    matches the file on disk works, and the next unlock settles it."""
    meta_before = json.loads((folder / META_NAME).read_text())
    store.change_passphrase(PASS, "newer")
    store.close()
    settled = json.loads((folder / META_NAME).read_text())
    # put back the state of a crash between replacing the file and writing the final key file
    (folder / META_NAME).write_text(json.dumps({**meta_before, "pending": {"kdf": settled["kdf"],
                                                                          "check": settled["check"]}}))
    with Store.open(folder, "newer") as s:
        assert s.load_case(saved_case.id)
    assert "pending" not in json.loads((folder / META_NAME).read_text())


def test_a_passphrase_change_killed_before_the_swap_leaves_nothing_behind(store, saved_case, folder):
    """A process changing the passphrase dies (os._exit, as a kill would) just before the re-encrypted
    copy replaces the store: the old passphrase still opens everything, and the copy it had made,
    with SQLite's log of it, is cleared away on the next open, not left in the folder for good."""
    import subprocess
    import sys

    store.close()
    script = (
        "import os, sys\n"
        "from pathlib import Path\n"
        "from dayinlife.store import Store, DB_NAME\n"
        "real = os.replace\n"
        "def dying(a, b):\n"
        "    if Path(b).name == DB_NAME:\n"
        "        os._exit(9)\n"
        "    return real(a, b)\n"
        "os.replace = dying\n"
        "s = Store.open(Path(sys.argv[1]), sys.argv[2])\n"
        "s.change_passphrase(sys.argv[2], 'never used')\n"
    )
    done = subprocess.run([sys.executable, "-c", script, str(folder), PASS], timeout=120,
                          cwd=Path(__file__).resolve().parent.parent)
    assert done.returncode == 9
    left = [p.name for p in folder.iterdir() if p.name.startswith(".dayinlife-")]
    assert left, "the killed change left its copy (else this test proves nothing)"
    with Store.open(folder, PASS) as s:
        assert same_case(s.load_case(saved_case.id), saved_case)
    assert sorted(p.name for p in folder.iterdir() if p.name != LOCK_NAME) == sorted([DB_NAME, META_NAME])


# ------------------------------------------------------------------ migrations


def test_a_new_migration_is_applied_to_an_existing_store(store, saved_case, folder):
    store.close()

    def add_column(conn):
        conn.execute("ALTER TABLE cases ADD COLUMN team TEXT NOT NULL DEFAULT ''")

    with Store.open(folder, PASS, migrations=(*MIGRATIONS, add_column)) as s:
        assert s.version == len(MIGRATIONS) + 1
        assert s.load_case(saved_case.id).reference == "FICT-0042"


def test_a_failing_migration_rolls_back_whole(store, saved_case, folder):
    store.close()

    def half_done(conn):
        conn.execute("ALTER TABLE cases ADD COLUMN team TEXT")
        conn.execute("UPDATE cases SET reference = 'CHANGED'")
        raise RuntimeError("step fails half way")

    with pytest.raises(StoreError, match=f"left as it was, at version {len(MIGRATIONS)}"):
        Store.open(folder, PASS, migrations=(*MIGRATIONS, half_done))
    with Store.open(folder, PASS) as s:
        assert s.version == len(MIGRATIONS)
        assert s.load_case(saved_case.id).reference == "FICT-0042"
        columns = [r[1] for r in s._read("PRAGMA table_info(cases)")]
        assert "team" not in columns


def test_a_store_from_a_newer_version_is_refused_untouched(store, folder):
    store._conn.execute("PRAGMA user_version = 99")
    store.close()
    before = digest(folder / DB_NAME)
    with pytest.raises(StoreTooNew, match="newer version of Day in My Life"):
        Store.open(folder, PASS)
    assert digest(folder / DB_NAME) == before


# ------------------------------------------------------------------ bad files


def _break(folder, how):
    db = folder / DB_NAME
    raw = bytearray(db.read_bytes())
    if how == "truncated":
        db.write_bytes(raw[: len(raw) // 2 + 100])
    elif how == "first page scribbled":
        raw[100:400] = os.urandom(300)
        db.write_bytes(bytes(raw))
    elif how == "later page scribbled":
        raw[4096 * 2 + 50: 4096 * 2 + 250] = os.urandom(200)
        db.write_bytes(bytes(raw))
    elif how == "not a store":
        db.write_bytes(b"Dear diary, " * 4000)
    elif how == "empty":
        db.write_bytes(b"")


@pytest.mark.parametrize("how, error, words", [
    ("truncated", StoreDamaged, "cut short"),
    ("first page scribbled", StoreDamaged, "is damaged, or its key file .* comes from another store"),
    ("not a store", NotAStore, "is a text file"),
])
def test_damaged_files_get_a_clear_message_and_are_not_touched(store, saved_case, folder, how, error, words):
    store.close()
    _break(folder, how)
    before = digest(folder / DB_NAME)
    with pytest.raises(error, match=words):
        Store.open(folder, PASS)
    assert digest(folder / DB_NAME) == before
    assert sorted(p.name for p in folder.iterdir() if p.name != LOCK_NAME) == sorted([DB_NAME, META_NAME])


def test_a_key_file_from_another_store_or_a_backup_in_place_of_the_database_is_named(store, saved_case, folder,
                                                                                     tmp_path):
    """Another store's key file copied over this one's: the database is not called simply damaged (which
    invites a restore over it) but may have the wrong key file. A backup or a case file where the
    database should be is named for what it is. Junk added to the end is not 'cut short' only."""
    store.backup(tmp_path / "b.dilbak")
    store.close()
    with Store.create(tmp_path / "other", PASS):
        pass
    own_key = (folder / META_NAME).read_bytes()
    (folder / META_NAME).write_bytes((tmp_path / "other" / META_NAME).read_bytes())
    before = digest(folder / DB_NAME)
    with pytest.raises(StoreDamaged, match="its key file .* comes from another store"):
        Store.open(folder, PASS)
    assert digest(folder / DB_NAME) == before
    (folder / META_NAME).write_bytes(own_key)
    with Store.open(folder, PASS) as s:
        assert s.load_case(saved_case.id)
    database = (folder / DB_NAME).read_bytes()
    for put_there, words in ((database + b"junk", "cut short or something was added"),
                             ((tmp_path / "b.dilbak").read_bytes(), "is a backup of a store"),
                             (crypto.seal(b"{}", "p", "case"), "is an encrypted case file")):
        (folder / DB_NAME).write_bytes(put_there)
        with pytest.raises(StoreError, match=words):
            Store.open(folder, PASS)
    (folder / DB_NAME).write_bytes(database)
    with Store.open(folder, PASS) as s:
        assert same_case(s.load_case(saved_case.id), saved_case)


def test_damage_inside_is_found_by_the_integrity_check(store, saved_case, folder):
    store.close()
    _break(folder, "later page scribbled")
    before = digest(folder / DB_NAME)
    try:
        with Store.open(folder, PASS) as s:
            assert s.integrity_problems()
    except StoreDamaged:
        pass  # also acceptable: refused on opening
    assert digest(folder / DB_NAME) == before


def test_backup_or_new_passphrase_of_a_damaged_store_names_the_store(store, saved_case, folder, tmp_path):
    """Damage the export reads through: the message names the store's own file (never the hidden
    temporary copy it was being made into), says nothing was written or changed, and no copy is left."""
    store.close()
    db = folder / DB_NAME
    raw = bytearray(db.read_bytes())
    pages = len(raw) // 4096
    for page in range(pages // 2, pages):  # the later pages (not the schema's), so the export meets them
        raw[page * 4096 + 100: page * 4096 + 300] = bytes(200)
    db.write_bytes(bytes(raw))
    before = digest(db)
    out = tmp_path / "out"
    out.mkdir()
    with Store.open(folder, PASS) as s:
        with pytest.raises(StoreDamaged) as said:
            s.backup(out / "b.dilbak")
        assert f"The store {db} is damaged" in str(said.value) and "No backup has been written" in str(said.value)
        with pytest.raises(StoreDamaged) as said:
            s.change_passphrase(PASS, "a new one")
        assert f"The store {db} is damaged" in str(said.value)
        assert "The passphrase has not been changed" in str(said.value) and ".tmp" not in str(said.value)
    assert list(out.iterdir()) == []
    assert not [p for p in folder.iterdir() if p.suffix == ".tmp"]
    assert digest(db) == before


def test_a_plain_sqlite_file_is_not_a_store(folder):
    folder.mkdir()
    conn = sqlite3.connect(folder / DB_NAME)
    conn.execute("CREATE TABLE x (y)")
    conn.commit()
    conn.close()
    params = crypto.KdfParams.new()
    key = crypto.derive_key(PASS, params)
    (folder / META_NAME).write_text(json.dumps({"format": "dayinlife-store-key", "kdf": params.to_dict(),
                                                "check": crypto.key_check(key)}))
    with pytest.raises(NotAStore, match="unencrypted SQLite database"):
        Store.open(folder, PASS)


@pytest.mark.parametrize("damage, words", [("missing", "key file .* is missing"), ("garbage", "key file .* is damaged")])
def test_missing_or_damaged_key_file(store, folder, damage, words):
    store.close()
    if damage == "missing":
        (folder / META_NAME).unlink()
    else:
        (folder / META_NAME).write_text("{ not json")
    before = digest(folder / DB_NAME)
    with pytest.raises(StoreDamaged, match=words):
        Store.open(folder, PASS)
    assert digest(folder / DB_NAME) == before


def test_no_store_yet(tmp_path):
    with pytest.raises(StoreError, match="no store"):
        Store.open(tmp_path / "empty", PASS)


def test_a_folder_that_cannot_be_written(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(FolderNotWritable):
        Store.create(blocker / "data", PASS)
    with pytest.raises(FolderNotWritable):
        Store.create(Path("/proc/no-such-place/data"), PASS)


def test_full_disk_loses_nothing_already_saved(store, saved_case):
    iv = saved_case.children[0].interviews[0]
    answer = iv.answer("teatime")
    answer.text = "saved before the disk filled"
    store.save_answer(iv.id, "teatime", answer)
    pages = store._conn.execute("PRAGMA page_count").fetchone()[0]
    store._conn.execute(f"PRAGMA max_page_count = {pages}")  # the disk is now full for this file
    big = iv.answer("evening_screens")
    big.text = "x" * 200_000
    with pytest.raises(DiskFull, match="disk is full"):
        store.save_answer(iv.id, "evening_screens", big)
    assert store.load_case(saved_case.id).children[0].interviews[0].answers["teatime"].text == answer.text
    assert store.integrity_problems() == []


@pytest.fixture
def small_disk(tmp_path):
    """A real 3 MB disk (tmpfs), where one can be mounted (root on Linux); else the test is skipped."""
    import subprocess

    mount = tmp_path / "disk"
    mount.mkdir()
    if sys.platform != "linux" or os.geteuid() != 0 or subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount)], capture_output=True).returncode:
        pytest.skip("needs a small disk of its own: root on Linux, allowed to mount a tmpfs")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], capture_output=True)


def _fill(disk: Path, leave_kb: int = 0) -> Path:
    import shutil

    fill = disk / "fill"
    with open(fill, "wb") as f:
        while shutil.disk_usage(disk).free > leave_kb * 1024:
            try:
                f.write(bytes(4096))
                f.flush()
            except OSError:
                break
    return fill


def test_a_really_full_disk_is_called_full_and_loses_nothing(small_disk, library, tmp_path):
    """A store on a disk with no room at all: opening it (SQLite needs room for its log even to read),
    a backup there, and a new case are each said to need space, never "disk I/O error" nor "the last
    change was not saved" for a backup; with space freed, everything saved before is there."""
    from tests.test_case_interchange import build_case

    folder = small_disk / "store"
    with Store.create(folder, PASS) as s:
        s.save_case(build_case(library))
    fill = _fill(small_disk)
    with pytest.raises(DiskFull, match="is full, so the store cannot be opened"):
        Store.open(folder, PASS)
    fill.unlink()
    fill = _fill(small_disk, leave_kb=40)
    with Store.open(folder, PASS) as s:
        with pytest.raises(DiskFull) as said:
            s.backup(small_disk / "b.dilbak")
        assert "No backup has been written" in str(said.value) and "last change" not in str(said.value)
    assert not (small_disk / "b.dilbak").exists()
    fill.unlink()
    with Store.open(folder, PASS) as s:
        assert [c.reference for c in s.list_cases()] == ["FICT-0042"] and s.integrity_problems() == []


# ------------------------------------------------------------------ everyday use


def test_save_answer_is_what_load_returns(store, saved_case):
    iv = saved_case.children[0].interviews[1]
    answer = iv.answer("bedtime")
    for text in ("B", "Be", "Bed at 8 & <sometimes> later 😴"):
        answer.text = text
        store.save_answer(iv.id, "bedtime", answer)
    loaded = store.load_case(saved_case.id).children[0].interviews[1].answers["bedtime"]
    assert loaded.text == "Bed at 8 & <sometimes> later 😴" and loaded.updated is not None
    summaries = store.list_cases()
    assert summaries[0].id == saved_case.id


def test_saving_to_a_deleted_interview_is_an_error_not_a_silent_loss(store, saved_case):
    with pytest.raises(CaseNotFound):
        store.save_answer("no-such-interview", "bedtime", saved_case.children[0].interviews[0].answer("x"))


def test_save_case_mirrors_edits(store, saved_case, library):
    saved_case.adults.pop()  # the great-aunt leaves the household
    saved_case.children[0].name = "Siobhán"
    del saved_case.children[0].interviews[0].answers["night"]
    store.save_case(saved_case)
    again = store.load_case(saved_case.id)
    assert same_case(again, saved_case)
    assert [a.name for a in again.adults] == ["Jo Testperson"]


def test_list_search_sort_and_archive(store, library):
    ids = {}
    for ref in ("ABC-1", "ABC-2", "XYZ_9", "50%-off"):
        case = build_case(library)
        case.reference = ref
        store.save_case(case)
        ids[ref] = case.id
    assert store.list_cases()[0].reference == "50%-off"  # last changed first
    assert [c.reference for c in store.list_cases(search="abc")] == ["ABC-2", "ABC-1"]
    assert [c.reference for c in store.list_cases(search="%")] == ["50%-off"]
    assert [c.reference for c in store.list_cases(search="_")] == ["XYZ_9"]
    store.set_archived(ids["ABC-1"], True)
    assert "ABC-1" not in [c.reference for c in store.list_cases()]
    assert "ABC-1" in [c.reference for c in store.list_cases(include_archived=True)]
    assert store.load_case(ids["ABC-1"]).archived


def test_delete_removes_the_data_itself(store, saved_case, folder):
    words = "Zanzibarine quokka marmalade"
    iv = saved_case.children[0].interviews[0]
    answer = iv.answer("teatime")
    answer.text = words
    store.save_answer(iv.id, "teatime", answer)
    store.delete_case(saved_case.id)
    assert store.list_cases(include_archived=True) == []
    with pytest.raises(CaseNotFound):
        store.load_case(saved_case.id)
    # Read every page of the decrypted database: the words are gone, not just unlinked.
    plain = folder / "plain-copy.db"
    store._conn.execute(f"ATTACH DATABASE '{plain}' AS plain KEY ''")
    store._conn.execute("SELECT sqlcipher_export('plain')")
    store._conn.execute("DETACH DATABASE plain")
    assert words.encode() not in plain.read_bytes()
    assert not store._read("SELECT count(*) FROM answers")[0][0]
    plain.unlink()


# ------------------------------------------------------------------ backup and restore


def test_backup_and_restore_into_a_new_folder(store, saved_case, tmp_path):
    target = tmp_path / "out" / "backup.dilbak"
    target.parent.mkdir()
    store.backup(target)
    assert sorted(p.name for p in target.parent.iterdir()) == ["backup.dilbak"]  # no temp files left
    assert b"Siobh" not in target.read_bytes()
    with pytest.raises(WrongPassphrase):
        Store.restore(target, tmp_path / "restored", "wrong")
    assert not (tmp_path / "restored" / DB_NAME).exists()
    with Store.restore(target, tmp_path / "restored", PASS) as again:
        assert same_case(again.load_case(saved_case.id), saved_case)
    with pytest.raises(StoreError, match="already holds a store"):
        Store.restore(target, tmp_path / "restored", PASS)


@pytest.mark.parametrize("damage, error", [
    (lambda b: b[: len(b) - 1000], StoreDamaged),
    (lambda b: b"hello", NotAStore),
    (lambda b: b.replace(b"\n", b"\r\n", 2), StoreDamaged),  # line endings changed in a transfer
    (lambda b: b + b"junk", StoreDamaged),  # something added: "cut short or something was added"
    (lambda b: b.replace(b'"version": 1', b'"version": 7', 1), StoreTooNew),
])
def test_bad_backups(store, saved_case, tmp_path, damage, error):
    target = tmp_path / "backup.dilbak"
    store.backup(target)
    target.write_bytes(damage(target.read_bytes()))
    with pytest.raises(error):
        Store.restore(target, tmp_path / "restored", PASS)
    assert not (tmp_path / "restored" / DB_NAME).exists()


def test_a_damaged_backup_is_named_as_damaged_and_leaves_no_folder(store, saved_case, tmp_path):
    """A backup with one byte changed in its pages, or cut inside its header: the message names the
    backup (not the new folder's database), the store lock is let go, and the folder restored into
    is gone, so the same restore can be tried again with a sound backup."""
    target = tmp_path / "backup.dilbak"
    store.backup(target)
    sound = target.read_bytes()
    body = sound.index(b"\n", len(crypto.BACKUP_MAGIC)) + 1  # after the magic line and the header
    flipped = bytearray(sound)
    flipped[body + 5000] ^= 0xFF
    for broken, words in ((bytes(flipped), "is damaged: part of it cannot be read"),
                          (sound[:body - 20], "cut short in its header")):
        target.write_bytes(broken)
        with pytest.raises(StoreDamaged) as said:
            Store.restore(target, tmp_path / "restored", PASS)
        assert str(target) in str(said.value) and words in str(said.value)
        assert DB_NAME not in str(said.value)
        assert not (tmp_path / "restored").exists()
    target.write_bytes(sound)
    with Store.restore(target, tmp_path / "restored", PASS) as again:
        assert same_case(again.load_case(saved_case.id), saved_case)
    assert sorted(p.name for p in (tmp_path / "restored").iterdir()) == [
        "dayinlife-store.json", DB_NAME, LOCK_NAME]  # closed: no note of a holder left


def test_restoring_where_the_database_is_missing_keeps_its_key_file_aside(store, saved_case, folder, tmp_path):
    """The database gone (still syncing), its key file there, a passphrase change since the backup:
    restoring the older backup into that folder, as the missing-database message says, sets the key
    file aside, so the database that comes back still opens with it; nothing is written over."""
    store.backup(tmp_path / "older.dilbak")
    store.change_passphrase(PASS, "changed since")
    later = saved_case.children[0].interviews[0]
    answer = later.answer("teatime")
    answer.text = "saved after the backup"
    store.save_answer(later.id, "teatime", answer)
    store.close()
    key_before = (folder / META_NAME).read_bytes()
    syncing = tmp_path / "syncing.db"
    os.replace(folder / DB_NAME, syncing)
    with Store.restore(tmp_path / "older.dilbak", folder, PASS) as restored:
        kept = restored.kept_key_file
        assert kept is not None and kept.parent == folder and kept.read_bytes() == key_before
        assert "teatime" not in restored.load_case(saved_case.id).children[0].interviews[0].answers
    back = tmp_path / "came back"
    back.mkdir()
    os.replace(syncing, back / DB_NAME)
    os.replace(kept, back / META_NAME)
    with Store.open(back, "changed since") as s:
        assert s.load_case(saved_case.id).children[0].interviews[0].answers["teatime"].text == "saved after the backup"


def test_a_failed_restore_where_the_database_is_missing_puts_the_key_file_back(store, folder, tmp_path):
    store.backup(tmp_path / "b.dilbak")
    store.close()
    key_before = (folder / META_NAME).read_bytes()
    (folder / DB_NAME).unlink()
    with pytest.raises(WrongPassphrase):
        Store.restore(tmp_path / "b.dilbak", folder, "not it")
    raw = bytearray((tmp_path / "b.dilbak").read_bytes())
    raw[-5000] ^= 0xFF
    (tmp_path / "b.dilbak").write_bytes(bytes(raw))
    with pytest.raises(StoreDamaged):
        Store.restore(tmp_path / "b.dilbak", folder, PASS)
    assert (folder / META_NAME).read_bytes() == key_before
    assert not [p for p in folder.iterdir() if "before-restore" in p.name]


def test_backup_or_case_file_to_a_folder_names_that_folder(store, saved_case, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(FolderNotWritable) as said:
        store.backup(out)
    assert f"as {out}: that is a folder. Give a file name inside it." in str(said.value)
    with pytest.raises(FolderNotWritable) as said:
        store.export_case_file(saved_case.id, out, "p")
    assert f"as {out}: that is a folder" in str(said.value)
    assert list(out.iterdir()) == []


def test_backup_to_a_missing_or_unwritable_folder(store, tmp_path):
    with pytest.raises(FolderNotWritable, match="does not exist"):
        store.backup(tmp_path / "nowhere" / "b.dilbak")
    with pytest.raises(StoreError):
        store.backup(Path("/proc/self/b.dilbak"))


# ------------------------------------------------------------------ case files


def test_export_and_import_a_case_on_another_machine(store, saved_case, tmp_path):
    out = tmp_path / "case.dilcase"
    store.export_case_file(saved_case.id, out, "file pass")
    assert b"Siobh" not in out.read_bytes() and b"FICT-0042" not in out.read_bytes()
    with Store.create(tmp_path / "other-machine", "theirs") as other:
        with pytest.raises(WrongPassphrase):
            other.import_case_file(out, "wrong")
        imported = other.import_case_file(out, "file pass")
        assert same_case(other.load_case(imported.id), saved_case)


def test_import_of_an_existing_reference_asks(store, saved_case, tmp_path):
    out = tmp_path / "case.dilcase"
    store.export_case_file(saved_case.id, out, "p")
    with pytest.raises(CaseExists) as asked:
        store.import_case_file(out, "p")
    assert asked.value.reference == "FICT-0042" and asked.value.existing_id == saved_case.id
    assert len(store.list_cases()) == 1
    both = store.import_case_file(out, "p", on_conflict="keep_both")
    assert both.id != saved_case.id and len(store.list_cases()) == 2
    parent_iv = both.children[0].interviews[1]
    assert parent_iv.perspective.adult_id == both.adults[0].id  # links follow the new ids
    store.delete_case(both.id)
    iv = saved_case.children[0].interviews[0]
    changed = iv.answer("teatime")
    changed.text = "a newer answer, to be replaced"
    store.save_answer(iv.id, "teatime", changed)
    replaced = store.import_case_file(out, "p", on_conflict="replace")
    assert len(store.list_cases()) == 1
    assert "teatime" not in store.load_case(replaced.id).children[0].interviews[0].answers


def test_a_case_with_thousands_of_people_imports_replaces_and_keeps_both(store, library, tmp_path):
    """What case check accepts, import handles: 70,000 adults are more ids than SQLite takes in one
    statement, on import, on replace (which keeps some and removes the rest) and on keep-both."""
    from dayinlife.case import Adult, AdultRole

    case = build_case(library)
    case.adults += [Adult(f"Fictional Adult {i}", AdultRole.OTHER) for i in range(70000)]
    path = tmp_path / "big.json"
    write_case_file(case, path)
    first = store.import_case_file(path)
    assert len(store.load_case(first.id).adults) == 70002
    case.adults = case.adults[:5000]
    write_case_file(case, path)
    replaced = store.import_case_file(path, on_conflict="replace")
    assert len(store.load_case(replaced.id).adults) == 5000
    both = store.import_case_file(path, on_conflict="keep_both")
    assert len(store.load_case(both.id).adults) == 5000 and len(store.list_cases()) == 2
    assert store.integrity_problems() == []


def test_import_a_plain_interchange_file(store, library, tmp_path):
    path = tmp_path / "demo.json"
    write_case_file(build_case(library), path)
    case = store.import_case_file(path)
    assert store.load_case(case.id).reference == "FICT-0042"


def test_import_refuses_bad_files_clearly(store, tmp_path):
    bad = tmp_path / "bad.json"
    newer = FORMAT_VERSION + 1
    bad.write_text('{"format": "dayinlife-case", "version": %d, "case": {}}' % newer)
    with pytest.raises(StoreError, match="newer version"):
        store.import_case_file(bad)
    store.backup(tmp_path / "b.dilbak")
    with pytest.raises(StoreError, match="not a case file"):
        store.import_case_file(tmp_path / "b.dilbak")
    sealed = tmp_path / "x.dilcase"
    sealed.write_bytes(crypto.seal(b"{}", "p", "case"))
    with pytest.raises(WrongPassphrase, match="encrypted"):
        store.import_case_file(sealed)
    assert store.list_cases() == []


def test_export_to_an_unwritable_place(store, saved_case, tmp_path):
    with pytest.raises(FolderNotWritable):
        store.export_case_file(saved_case.id, tmp_path / "missing" / "c.dilcase", "p")
    with pytest.raises(StoreError):
        store.export_case_file(saved_case.id, Path("/proc/self/c.dilcase"), "p")


def test_restore_then_continue_working(store, saved_case, tmp_path):
    store.backup(tmp_path / "b.dilbak")
    with Store.restore(tmp_path / "b.dilbak", tmp_path / "new", PASS) as s:
        iv = s.load_case(saved_case.id).children[0].interviews[0]
        a = iv.answer("teatime")
        a.text = "after restore"
        s.save_answer(iv.id, "teatime", a)
    with Store.open(tmp_path / "new", PASS) as s:
        assert s.load_case(saved_case.id).children[0].interviews[0].answers["teatime"].text == "after restore"


@pytest.mark.skipif(os.name == "nt", reason="POSIX file modes")
def test_files_are_for_the_user_only(store, saved_case, folder, tmp_path):
    store.backup(tmp_path / "b.dilbak")
    store.close()
    assert folder.stat().st_mode & 0o077 == 0
    for path in (folder / DB_NAME, folder / META_NAME, tmp_path / "b.dilbak"):
        assert path.stat().st_mode & 0o077 == 0, path


def test_a_set_up_cut_short_does_not_block_the_folder(tmp_path):
    """Killed between writing the key file and the database: the folder counts as empty."""
    folder = tmp_path / "data"
    Store.create(folder, "first try").close()
    meta = json.loads((folder / META_NAME).read_text("utf-8"))
    (folder / META_NAME).write_text(json.dumps({**meta, "setting_up": True}), "utf-8")  # as create writes it first
    (folder / DB_NAME).unlink()
    assert not Store.exists(folder)
    with pytest.raises(StoreError, match="not finished"):
        Store.open(folder, "first try")
    with Store.create(folder, "second try") as s:
        assert s.list_cases() == []
    Store.open(folder, "second try").close()


def test_check_passphrase(store):
    assert store.check_passphrase(PASS)
    assert not store.check_passphrase("nope")
    assert not store.check_passphrase("")


def test_analysis_is_saved_and_deleted_with_the_child(store, saved_case, folder):
    from datetime import date as day

    from dayinlife.analysis import Action, ScaleRating
    from dayinlife.vocab import NeglectType

    child = saved_case.children[0]
    analysis = store.load_analysis(child.id)
    assert analysis.strengths == "Loves school & <drama>" and analysis.child_id == child.id  # saved with the case
    analysis.strengths = "Warm relationship with Nan & <school>"
    analysis.judgement(NeglectType.NUTRITIONAL).narrative = "Often hungry in the morning"
    analysis.actions.append(Action("Breakfast club place", "School", day(2026, 12, 1)))
    analysis.ratings.append(ScaleRating("Jo (mother)", 7, "Things are better"))
    analysis.interview_ids = [iv.id for iv in child.interviews]
    store.save_analysis(analysis)
    store.close()
    with Store.open(folder, PASS) as again:
        back = again.load_analysis(child.id)
        assert back.to_dict() == analysis.to_dict()
        again.delete_case(saved_case.id)
        assert again.load_analysis(child.id).strengths == ""
    with pytest.raises(ValueError):
        ScaleRating("x", 11)


def test_keep_both_moves_the_analysis_to_the_new_child(store, saved_case, tmp_path):
    out = tmp_path / "case.dilcase"
    store.export_case_file(saved_case.id, out, "p")
    both = store.import_case_file(out, "p", on_conflict="keep_both")
    again = store.load_case(both.id)
    analysis = again.analyses[again.children[0].id]
    assert analysis.strengths == "Loves school & <drama>"
    assert set(analysis.interview_ids) <= {iv.id for iv in again.children[0].interviews}
    assert store.load_analysis(saved_case.children[0].id).strengths == "Loves school & <drama>"  # the first is untouched
