"""The case store: one encrypted SQLite (SQLCipher) database per user.

Beside the database sits a small key file (`dayinlife-store.json`) holding only what is needed
to turn a passphrase into the key: the Argon2id salt and costs, a key-check value, and the
count of recent failed unlocks. It holds no personal data.

Every write is one transaction in WAL mode with synchronous=FULL, so a killed process or a
power cut loses at most the save that had not yet returned, and the file is never half-written.
Errors reach the caller as `StoreError`s whose message names the problem in plain words.
"""

from __future__ import annotations

import json
import math
import os
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Callable, Iterator, Sequence

from . import crypto, dates, files
from .case import (Adult, AdultRole, Answer, Case, Child, Interview, Perspective, PerspectiveKind,
                   reference_key)
from .interchange import (answer_from_dict, answer_to_dict, disclosure_from_dict, disclosure_to_dict,
                          drawing_from_dict, drawing_to_dict, worry_from_dict, worry_to_dict)
from .migrations import MIGRATIONS, Step, latest_version
from .case_files import read_case_file_any, seal_case, with_new_ids  # noqa: F401
from .store_errors import (  # noqa: F401  (the store's errors, named here as they always were)
    CaseExists,
    CaseNotFound,
    DiskFull,
    FolderNotWritable,
    NotAStore,
    StoreDamaged,
    StoreError,
    StoreMissing,
    StoreTooNew,
    UnlockThrottled,
    WrongPassphrase,
)
from .store_lock import LOCK_NAME, NOTE_NAME, StoreInUse, StoreLock  # noqa: F401  (StoreInUse: a 2nd process's)
from .template_model import TemplateRef

from .datadir import (DB_FILES, DB_NAME, KEY_NAME, WAL_NAME, holds_pages, missing_message,  # noqa: E402
                      read_key_file, setting_up, store_exists, store_missing)
META_NAME = KEY_NAME
META_FORMAT = "dayinlife-store-key"
BACKUP_MAGIC = crypto.BACKUP_MAGIC
BACKUP_LIMIT = 4 * 1024 * 1024 * 1024  # a store of thousands of families is a fraction of this
SQLITE_MAGIC = b"SQLite format 3\x00"
PAGE_SIZE = 4096
FREE_TRIES = 3          # failed unlocks allowed before each further try must wait
MAX_WAIT_SECONDS = 300  # the longest wait after wrong passphrases, whatever the clock does
DAMAGED_COUNT = ("The count of failed tries in the store's key file was damaged; it has been started again.")


# --------------------------------------------------------------------------- small helpers


def _iso(value: datetime | date | None) -> str | None:
    return value.isoformat() if value else None


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _now_precise() -> str:
    return datetime.now(timezone.utc).isoformat()


def _write_atomically(path: Path, data: bytes) -> None:
    """The store's own files are the user's only (files.write_atomically, private)."""
    files.write_atomically(path, data, private=True, store_file=True)


_owner_only = files.owner_only
_fsync_dir = files.fsync_folder


def os_error_message(exc: OSError, what: str, where: Path, target: Path | None = None) -> StoreError:
    """An OSError as a StoreError that says what could not be done, where (as `target`), and why."""
    reason, text = files.plain_words(exc, what, where, target, verb="written")
    kind = {files.Why.DISK_FULL: DiskFull, files.Why.NOT_ALLOWED: FolderNotWritable,
            files.Why.NOT_A_FOLDER: FolderNotWritable, files.Why.IS_A_FOLDER: FolderNotWritable,
            files.Why.NO_FOLDER: FolderNotWritable}.get(reason, StoreError)
    return kind(text)


@dataclass(frozen=True)
class CaseSummary:
    """A row of the everyday case list: enough to find a case, nothing more."""

    id: str
    reference: str
    children: tuple[str, ...]
    updated: str
    archived: bool


# --------------------------------------------------------------------------- the key file


class _KeyFile:
    def __init__(self, folder: Path):
        self.path = folder / META_NAME

    def exists(self) -> bool:
        return self.path.exists()

    def read(self) -> dict:
        try:
            data = read_key_file(self.path.parent)
            if not isinstance(data, dict) or data.get("format") != META_FORMAT:
                raise ValueError
            crypto.read_entry(data)
            if data.get("pending") is not None:  # a passphrase change cut short: as sound as the rest
                crypto.read_entry(data["pending"])
            return data
        except FileNotFoundError:
            raise StoreDamaged(f"The store's key file {self.path} is missing, so the store cannot be "
                               f"unlocked. Restore it from a backup.") from None
        except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
            raise StoreDamaged(f"The store's key file {self.path} is damaged, so the store cannot be "
                               f"unlocked. Restore it from a backup.") from None

    def write(self, data: dict) -> None:
        data = {"format": META_FORMAT, **{k: v for k, v in data.items() if k != "format"}}
        try:
            _write_atomically(self.path, json.dumps(data, indent=2).encode("utf-8"))
        except OSError as exc:
            raise os_error_message(exc, "the store's key file", self.path.parent) from None


# --------------------------------------------------------------------------- the store


class Store:
    """An open, unlocked store. Create one with `Store.create`, `Store.open` or `Store.restore`."""

    def __init__(self, folder: Path, conn, key: bytes, lock: StoreLock | None = None):
        self.folder = folder
        self.path = folder / DB_NAME
        self._conn = conn
        self._key = key
        # one process at a time (store_lock.py): held until close; in this process it is shared
        self._lock = lock if lock is not None else StoreLock(folder).acquire()
        self._own_files = [folder / name for name in (*DB_FILES, META_NAME, LOCK_NAME, NOTE_NAME)]
        files.protect(self._own_files)  # never the target of a report, a case file or a backup

    # ------------------------------------------------------------------ opening

    @staticmethod
    def exists(folder: Path) -> bool:
        """A store exists once its database file does. A key file alone is what a set-up cut
        short leaves behind (the key file is written first), and holds nothing."""
        return store_exists(Path(folder))

    @classmethod
    def create(cls, folder: Path, passphrase: str, *, migrations: Sequence[Step] = MIGRATIONS) -> "Store":
        """A new, empty store under a new passphrase. Refuses to overwrite an existing one."""
        folder = Path(folder)
        if cls.exists(folder):
            raise StoreError(f"There is already a store in {folder}; open it instead of creating one.")
        if _KeyFile(folder).exists() and not setting_up(folder):
            raise StoreMissing(missing_message(folder))
        if not passphrase.strip():
            raise StoreError("Choose a passphrase: the store cannot be created without one (spaces alone are not one).")
        try:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError as exc:
            raise os_error_message(exc, "the store", folder) from None
        if not files.is_folder(folder):
            raise FolderNotWritable(f"{folder} is not a folder: choose another place for the store.")
        lock = StoreLock(folder).acquire()
        try:
            return cls._create(folder, passphrase, migrations)
        finally:
            lock.release()  # the new store holds its own share of the lock

    @classmethod
    def _create(cls, folder: Path, passphrase: str, migrations: Sequence[Step]) -> "Store":
        params = crypto.KdfParams.new()
        key = crypto.derive_key(passphrase, params)
        _remove_database(folder)  # what a set-up cut short left, if anything: it holds nothing
        meta = {"kdf": params.to_dict(), "check": crypto.key_check(key), "failures": 0}
        # Key file first, marked as a set-up in progress until the database is complete.
        _KeyFile(folder).write({**meta, "setting_up": True})
        store = None
        try:
            store = cls(folder, cls._connect(folder / DB_NAME, key), key)
            _owner_only(folder / DB_NAME)
            store._migrate(migrations)
            _KeyFile(folder).write(meta)
        except StoreError:
            if store is not None:
                store.close()
            _KeyFile(folder).path.unlink(missing_ok=True)
            _remove_database(folder)
            raise
        return store

    @classmethod
    def open(cls, folder: Path, passphrase: str, *, migrations: Sequence[Step] = MIGRATIONS,
             clock: Callable[[], float] = time.time) -> "Store":
        """Unlock an existing store. A wrong passphrase leaves the database file untouched."""
        folder = Path(folder)
        if not files.is_folder(folder):
            raise StoreError(f"There is no store in {folder} yet.")
        lock = StoreLock(folder).acquire()  # before anything is read or written, the failure count too
        try:
            return cls._open(folder, passphrase, migrations, clock)
        finally:
            lock.release()  # the open store holds its own share of the lock

    @classmethod
    def _open(cls, folder: Path, passphrase: str, migrations: Sequence[Step],
              clock: Callable[[], float]) -> "Store":
        keyfile = _KeyFile(folder)
        db = folder / DB_NAME
        files.sweep_leftovers(folder, older_than=0)  # e.g. the copy of a passphrase change that was killed
        if setting_up(folder) and not store_exists(folder):
            raise StoreError(f"Setting up the store in {folder} was not finished, so it holds nothing yet: "
                             f"set it up again.")
        if not db.exists():
            if keyfile.exists():
                raise StoreMissing(missing_message(folder))
            raise StoreError(f"There is no store in {folder} yet.")
        meta = keyfile.read()
        failures, last_failure, damaged = cls._failure_count(meta)
        now = clock()
        if last_failure > now and failures >= FREE_TRIES:  # the clock moved back: count the wait from now
            last_failure = meta["last_failure"] = now
            try:
                keyfile.write(meta)
            except StoreError:
                pass  # the wait is capped all the same
        wait = cls._wait_needed(failures, last_failure, now)
        if wait:
            raise UnlockThrottled(wait)
        key = cls._key_for(passphrase, meta)
        if key is None:
            meta["failures"] = failures + 1
            meta["last_failure"] = clock()
            words = "That passphrase is not right. Check the keyboard language and Caps Lock, and try again."
            if damaged:
                words += " " + DAMAGED_COUNT
            try:
                keyfile.write(meta)
            except StoreError as exc:  # still a wrong passphrase; the try just could not be counted
                words += f" (This try could not be counted: {exc})"
            raise WrongPassphrase(words)
        if meta.get("pending") or failures or damaged or meta.get("setting_up"):
            meta = cls._settle_key(meta, key)
            keyfile.write(meta)
        cls._check_file(db)
        kept = cls._keep_log_of_an_empty_file(db)
        try:
            conn = cls._connect(db, key)
        except StoreDamaged:
            if kept is not None:
                kept.unlink(missing_ok=True)
            raise StoreDamaged(_does_not_open(db)) from None
        store = cls(folder, conn, key)
        try:
            try:
                store._probe()
            except StoreDamaged:
                if kept is None:
                    raise StoreDamaged(_does_not_open(db)) from None
                raise
            if kept is not None and store.version == 0:
                # an empty database whose log SQLite could not use: damaged, never a new empty store
                store.close()
                with open(db, "wb"):  # as it was found: 0 bytes (opening it wrote a first page)
                    pass
                os.replace(kept, db.parent / WAL_NAME)
                kept = None
                raise StoreDamaged(_empty_database(db, "and its log cannot be used"))
            store._migrate(migrations)
        except BaseException:
            store.close()
            raise
        finally:
            if kept is not None:
                kept.unlink(missing_ok=True)
        return store

    @staticmethod
    def _keep_log_of_an_empty_file(db: Path) -> Path | None:
        """A 0-byte database whose pages are all in its log (a new store killed before its first
        checkpoint) is sound; one whose log SQLite cannot use would be read as empty and the log
        thrown away. Keep a copy of the log until the database is seen to hold a store."""
        wal = db.parent / WAL_NAME
        if db.stat().st_size or not wal.exists():
            return None
        copy = db.parent / f".dayinlife-{uuid.uuid4().hex}.tmp"
        try:
            with open(wal, "rb") as src, open(copy, "wb") as out:
                while chunk := src.read(1 << 20):
                    out.write(chunk)
        except OSError:
            copy.unlink(missing_ok=True)
            return None
        return copy

    @staticmethod
    def _failure_count(meta: dict) -> tuple[int, float, bool]:
        """(failed tries, when the last one was, whether the count was damaged). A damaged count is
        started again: anyone able to change the key file could reset it anyway."""
        failures, last = meta.get("failures", 0), meta.get("last_failure", 0)
        sound = (isinstance(failures, int) and not isinstance(failures, bool) and failures >= 0
                 and isinstance(last, (int, float)) and not isinstance(last, bool) and math.isfinite(last))
        if not sound:
            return 0, 0.0, True
        return min(failures, 64), float(last), False

    @staticmethod
    def _wait_needed(failures: int, last_failure: float, now: float) -> int:
        """Seconds still to wait: never more than the delay itself, so a clock moved back (or a
        failure stamped in the future) cannot make it hours or days."""
        if failures < FREE_TRIES:
            return 0
        delay = min(2 ** (failures - FREE_TRIES + 1), MAX_WAIT_SECONDS)
        left = min(last_failure + delay - now, delay)
        return min(int(left) + 1, MAX_WAIT_SECONDS) if left > 0 else 0

    @staticmethod
    def _key_for(passphrase: str, meta: dict) -> bytes | None:
        """The key if the passphrase is right (for the current key, or one being changed to)."""
        if not passphrase:
            return None
        for entry in (meta, meta.get("pending")):
            if not entry:
                continue
            key = crypto.matching_key(passphrase, crypto.KdfParams.from_dict(entry["kdf"]), entry["check"])
            if key is not None:
                return key
        return None

    @staticmethod
    def _settle_key(meta: dict, key: bytes) -> dict:
        pending = meta.get("pending")
        if pending and crypto.key_matches(key, pending["check"]):
            meta = {"kdf": pending["kdf"], "check": pending["check"]}  # a change that was cut short
        return {"kdf": meta["kdf"], "check": meta["check"], "failures": 0}

    @staticmethod
    def _check_file(db: Path) -> None:
        try:
            size = db.stat().st_size
            with open(db, "rb") as f:
                start = f.read(512)
            head = start[:16]
        except FileNotFoundError:
            raise StoreDamaged(f"The store's database file {db} is missing. Restore it from a backup.") from None
        except OSError as exc:
            raise StoreError(f"The store {db} cannot be read: {exc.strerror or exc}.") from None
        if head == SQLITE_MAGIC:
            raise NotAStore(f"{db} is an unencrypted SQLite database, not a Day in My Life store. "
                            f"It has not been changed.")
        if start.startswith(BACKUP_MAGIC):
            raise NotAStore(f"{db} is a backup of a store, not a store's database: it has not been changed. Restore "
                            f"it into a new folder (Restore from a backup…, or dayinlife restore) instead.")
        if crypto.looks_sealed(start[:32]):
            raise NotAStore(f"{db} is an encrypted case file, not a store's database: it has not been changed. "
                            f"Import it into a store instead.")
        if start and _looks_like_text(start):
            raise NotAStore(f"{db} is a text file, not a Day in My Life store. It has not been changed; "
                            f"restore the store from a backup.")
        if not holds_pages(db.parent):  # (a new store's pages may all be in its log)
            raise StoreDamaged(_empty_database(db))
        if size % PAGE_SIZE:
            raise StoreDamaged(f"The store {db} is damaged: its size is not a whole number of pages, so it was "
                               f"cut short or something was added to it, perhaps by a failed copy. It has not been "
                               f"changed; restore from a backup.")

    @staticmethod
    def _connect(db: Path, key: bytes):
        try:
            conn = crypto.connect(db, key)
            for pragma in ("journal_mode = WAL", "synchronous = FULL", "foreign_keys = ON",
                           "secure_delete = ON", "temp_store = MEMORY"):
                conn.execute(f"PRAGMA {pragma}").fetchall()
            return conn
        except crypto.database_errors() as exc:
            raise Store._translate(exc, db, reading=True) from None

    def _probe(self) -> None:
        try:
            self._conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except crypto.database_errors() as exc:
            raise self._translate(exc, self.path, reading=True) from None

    @staticmethod
    def _translate(exc: BaseException, where: Path, reading: bool = False) -> StoreError:
        message = str(exc).lower()
        if "disk is full" in message or "database or disk is full" in message:
            return DiskFull("The disk is full, so the last change was not saved. Everything saved before "
                            "it is safe. Free some space and try again.")
        if "readonly" in message or "read-only" in message or "unable to open" in message:
            return FolderNotWritable(f"The store in {where.parent} cannot be written: the folder is read-only "
                                     f"or you do not have permission.")
        if "not a database" in message or "malformed" in message or "corrupt" in message:
            return StoreDamaged(f"The store {where} is damaged or is not a Day in My Life store. It has not "
                                f"been changed; restore it from a backup.")
        if "locked" in message or "busy" in message:
            return StoreError("The store is busy in another window of Day in My Life. Close it and try again.")
        if "disk i/o error" in message and _nearly_full(where.parent):
            # SQLite needs a little room for its log even to read: on a full disk it says only "I/O error"
            return DiskFull(f"The disk holding the store ({where.parent}) is full, so the store cannot be "
                            f"{'opened' if reading else 'written'}. Everything saved before is safe. Free some "
                            f"space and try again.")
        verb = "read" if reading else "saved"
        return StoreError(f"The store could not be {verb}: {exc}.")

    def _migrate(self, migrations: Sequence[Step]) -> None:
        version = self._conn.execute("PRAGMA user_version").fetchone()[0]
        target = latest_version(migrations)
        if version > target:
            raise StoreTooNew(f"This store was last used by a newer version of Day in My Life (store version "
                              f"{version}; this version knows up to {target}). Update the app to open it; the "
                              f"store has not been changed.")
        for number in range(version + 1, target + 1):
            step = migrations[number - 1]
            try:
                with self._transaction():
                    step(self._conn)
                    self._conn.execute(f"PRAGMA user_version = {int(number)}")
            except StoreError:
                raise
            except Exception as exc:
                raise StoreError(f"Updating the store to version {number} failed ({exc.__class__.__name__}); "
                                 f"it has been left as it was, at version {number - 1}.") from None

    @property
    def version(self) -> int:
        return self._conn.execute("PRAGMA user_version").fetchone()[0]

    def close(self) -> None:
        if self._conn is not None:
            try:
                self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            except Exception:
                pass
            self._conn.close()
            self._conn = None
            self._key = b""
            files.unprotect(self._own_files)
            self._lock.release()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        if self._conn is None:
            raise StoreError("The store is locked.")
        try:
            self._conn.execute("BEGIN IMMEDIATE")
        except crypto.database_errors() as exc:
            raise self._translate(exc, self.path) from None
        try:
            yield
            self._conn.execute("COMMIT")
        except BaseException as exc:
            try:
                self._conn.execute("ROLLBACK")
            except Exception:
                pass
            if isinstance(exc, crypto.database_errors()):
                raise self._translate(exc, self.path) from None
            raise

    # ------------------------------------------------------------------ reading

    def list_cases(self, *, include_archived: bool = False, search: str = "") -> list[CaseSummary]:
        """Cases, most recently changed first, optionally filtered by part of the reference."""
        sql = ("SELECT c.id, c.reference, c.updated, c.archived, "
               "(SELECT group_concat(name, char(31)) FROM (SELECT name FROM children ch "
               " WHERE ch.case_id = c.id ORDER BY position)) FROM cases c")
        where, args = [], []
        if not include_archived:
            where.append("c.archived = 0")
        if search:
            where.append("c.reference LIKE ? ESCAPE '\\'")
            args.append("%" + search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY c.updated DESC, c.reference"
        rows = self._read(sql, args)
        return [CaseSummary(r[0], r[1], tuple(r[4].split("\x1f")) if r[4] else (), r[2], bool(r[3]))
                for r in rows]

    def find_case(self, reference: str) -> str | None:
        """The id of the case with this reference; refused where two share it (a store from before
        references were kept apart), since either could be the one meant."""
        # "SC-1", "SC-1 ", "sc-1", and "SC-1" with a zero-width space or a Cyrillic С, are one reference
        wanted = reference_key(reference)
        rows = [(cid,) for cid, ref in self._read("SELECT id, reference FROM cases ORDER BY updated DESC")
                if reference_key(ref) == wanted]
        if len(rows) > 1:
            raise StoreError(f"{len(rows)} cases have the reference {reference!r}: rename one in the app "
                             f"(each case's reference can be changed on its page), then try again.")
        return rows[0][0] if rows else None

    def free_reference(self, reference: str, when: date) -> str:
        """A reference no case has yet, for a copy kept beside a case of the same reference:
        "DEMO-1 (imported 02/12/2026)", then "... 2", "... 3"."""
        base = f"{reference} (imported {when:%d/%m/%Y})"
        candidate, n = base, 1
        while self.find_case(candidate) is not None:
            n += 1
            candidate = f"{base} {n}"
        return candidate

    def load_case(self, case_id: str) -> Case:
        rows = self._read("SELECT id, reference, practitioner, archived, created, updated, hidden, family FROM cases "
                          "WHERE id = ?", [case_id])
        if not rows:
            raise CaseNotFound("That case is no longer in the store.")
        cid, reference, practitioner, archived, created, updated, hidden, family = rows[0]
        adults = [Adult(name, AdultRole(role), aid, detail) for aid, name, role, detail in self._read(
            "SELECT id, name, role, role_detail FROM adults WHERE case_id = ? ORDER BY position", [cid])]
        children = []
        for row in self._read("SELECT id, name, date_of_birth, expected_date, pronouns, disability, communication, "
                              "other_needs, known_as FROM children WHERE case_id = ? ORDER BY position", [cid]):
            child = Child(row[1], row[0], _date(row[2]), _date(row[3]), row[4], row[5], row[6], row[7],
                          known_as=row[8])
            child.interviews = self._load_interviews(child.id)
            children.append(child)
        hashes = {iv.template.content_hash for c in children for iv in c.interviews}
        snapshots = {}
        for h in sorted(hashes):
            found = self._read("SELECT data FROM template_snapshots WHERE hash = ?", [h])
            if found:
                snapshots[h] = json.loads(found[0][0])
        from .analysis import Analysis

        from .oversight import review_from_dict, version_from_dict

        analyses = {}
        for child in children:
            rows = self._read("SELECT data FROM analyses WHERE child_id = ?", [child.id])
            versions = [version_from_dict(json.loads(d)) for (d,) in self._read(
                "SELECT data FROM analysis_versions WHERE child_id = ? ORDER BY number", [child.id])]
            reviews = [review_from_dict(json.loads(d)) for (d,) in self._read(
                "SELECT data FROM analysis_reviews WHERE child_id = ? ORDER BY at, rowid", [child.id])]
            if rows or versions or reviews:
                analysis = Analysis.from_dict(json.loads(rows[0][0])) if rows else Analysis(child.id)
                analysis.versions, analysis.reviews = versions, reviews
                analyses[child.id] = analysis
        from .chronology import event_from_dict

        chronology = [event_from_dict(json.loads(data)) for (data,) in self._read(
            "SELECT data FROM events WHERE case_id = ? ORDER BY rowid", [cid])]
        from .family import from_dict as family_from_dict
        from .scores import from_dict as score_set

        score_sets = [score_set(json.loads(data)) for (data,) in self._read(
            "SELECT data FROM score_sets WHERE case_id = ? ORDER BY rowid", [cid])]
        return Case(reference, adults, children, cid, practitioner, bool(archived),
                    datetime.fromisoformat(created), datetime.fromisoformat(updated), snapshots, analyses,
                    hidden=[str(h) for h in json.loads(hidden or "[]")], chronology=chronology, scores=score_sets,
                    family=family_from_dict(json.loads(family or "{}")))

    def _load_interviews(self, child_id: str) -> list[Interview]:
        out = []
        for row in self._read("SELECT id, perspective, adult_id, template_id, template_version, template_hash, "
                              "held_on, place, present, interpreter, practitioner, created, updated, source, "
                              "seen_alone, disclosures, worries, drawings FROM interviews WHERE child_id = ? ORDER BY position",
                              [child_id]):
            iv = Interview(Perspective(PerspectiveKind(row[1]), row[2]), TemplateRef(row[3], row[4], row[5]),
                           date.fromisoformat(row[6]), row[0], row[7], row[8], row[9], row[10],
                           created=datetime.fromisoformat(row[11]), updated=datetime.fromisoformat(row[12]),
                           source=row[13], seen_alone=None if row[14] is None else bool(row[14]),
                           disclosures=[disclosure_from_dict(x) for x in json.loads(row[15] or "[]")],
                           worries=[worry_from_dict(x) for x in json.loads(row[16] or "[]")],
                           drawings=[drawing_from_dict(x) for x in json.loads(row[17] or "[]")])
            for key, data in self._read("SELECT topic_key, data FROM answers WHERE interview_id = ?", [iv.id]):
                iv.answers[key] = answer_from_dict(json.loads(data))
            out.append(iv)
        return out

    def _read(self, sql: str, args: Sequence = ()) -> list[tuple]:
        if self._conn is None:
            raise StoreError("The store is locked.")
        try:
            return self._conn.execute(sql, list(args)).fetchall()
        except crypto.database_errors() as exc:
            raise self._translate(exc, self.path, reading=True) from None

    # ------------------------------------------------------------------ writing

    def save_answer(self, interview_id: str, topic_key: str, answer: Answer) -> None:
        """Save one answer: one short transaction, made to be called as the user types."""
        stamp = _now_precise()
        answer.updated = datetime.fromisoformat(stamp)
        data = json.dumps(answer_to_dict(answer), ensure_ascii=False)
        with self._transaction():
            cur = self._conn.execute("UPDATE interviews SET updated = ? WHERE id = ?", (stamp, interview_id))
            if cur.rowcount != 1:
                raise CaseNotFound("That interview is no longer in the store.")
            self._conn.execute(
                "INSERT INTO answers (interview_id, topic_key, data, updated) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (interview_id, topic_key) DO UPDATE SET data = excluded.data, updated = excluded.updated",
                (interview_id, topic_key, data, stamp))
            self._conn.execute(
                "UPDATE cases SET updated = ? WHERE id = (SELECT ch.case_id FROM interviews i "
                "JOIN children ch ON ch.id = i.child_id WHERE i.id = ?)", (stamp, interview_id))

    def save_case(self, case: Case) -> None:
        """Make the store hold exactly this case: household, interviews and answers."""
        case.updated = _now()
        with self._transaction():
            self._write_case(case)

    def _write_case(self, case: Case) -> None:
        c = self._conn
        from .family import to_dict as family_dict

        c.execute("INSERT INTO cases (id, reference, practitioner, archived, created, updated, hidden, family) "
                  "VALUES (?,?,?,?,?,?,?,?) "
                  "ON CONFLICT (id) DO UPDATE SET reference = excluded.reference, practitioner = "
                  "excluded.practitioner, archived = excluded.archived, updated = excluded.updated, "
                  "hidden = excluded.hidden, family = excluded.family",
                  (case.id, case.reference, case.practitioner, int(case.archived), _iso(case.created),
                   _iso(case.updated), json.dumps(list(case.hidden), ensure_ascii=False),
                   json.dumps(family_dict(case.family), ensure_ascii=False)))
        for h, snapshot in case.template_snapshots.items():
            c.execute("INSERT OR IGNORE INTO template_snapshots (hash, data) VALUES (?, ?)",
                      (h, json.dumps(snapshot, ensure_ascii=False, sort_keys=True)))
        _prune(c, "adults", "case_id", case.id, [a.id for a in case.adults])
        for pos, a in enumerate(case.adults):
            c.execute("INSERT INTO adults (id, case_id, position, name, role, role_detail) VALUES (?,?,?,?,?,?) "
                      "ON CONFLICT (id) DO UPDATE SET position = excluded.position, name = excluded.name, "
                      "role = excluded.role, role_detail = excluded.role_detail",
                      (a.id, case.id, pos, a.name, a.role.value, a.role_detail))
        _prune(c, "children", "case_id", case.id, [ch.id for ch in case.children])
        for pos, ch in enumerate(case.children):
            c.execute("INSERT INTO children (id, case_id, position, name, date_of_birth, expected_date, pronouns, "
                      "disability, communication, other_needs, known_as) VALUES (?,?,?,?,?,?,?,?,?,?,?) "
                      "ON CONFLICT (id) DO UPDATE SET known_as = excluded.known_as, "
                      "position = excluded.position, name = excluded.name, date_of_birth = excluded.date_of_birth, "
                      "expected_date = excluded.expected_date, pronouns = excluded.pronouns, disability = "
                      "excluded.disability, communication = excluded.communication, other_needs = excluded.other_needs",
                      (ch.id, case.id, pos, ch.name, _iso(ch.date_of_birth), _iso(ch.expected_date), ch.pronouns,
                       ch.disability, ch.communication, ch.other_needs, ch.known_as))
            _prune(c, "interviews", "child_id", ch.id, [iv.id for iv in ch.interviews])
            for ipos, iv in enumerate(ch.interviews):
                c.execute("INSERT INTO interviews (id, child_id, position, perspective, adult_id, template_id, "
                          "template_version, template_hash, held_on, place, present, interpreter, practitioner, "
                          "created, updated, source, seen_alone, disclosures, worries, drawings) "
                          "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (id) DO "
                          "UPDATE SET position = excluded.position, perspective = excluded.perspective, adult_id = "
                          "excluded.adult_id, held_on = excluded.held_on, place = excluded.place, present = "
                          "excluded.present, interpreter = excluded.interpreter, practitioner = excluded.practitioner, "
                          "updated = excluded.updated, source = excluded.source, seen_alone = excluded.seen_alone, "
                          "disclosures = excluded.disclosures, worries = excluded.worries, "
                          "drawings = excluded.drawings",
                          (iv.id, ch.id, ipos, iv.perspective.kind.value, iv.perspective.adult_id, iv.template.id,
                           iv.template.version, iv.template.content_hash, _iso(iv.held_on), iv.place, iv.present,
                           iv.interpreter, iv.practitioner, _iso(iv.created), _iso(iv.updated), iv.source,
                           None if iv.seen_alone is None else int(iv.seen_alone),
                           json.dumps([disclosure_to_dict(x) for x in iv.disclosures], ensure_ascii=False),
                           json.dumps([worry_to_dict(x) for x in iv.worries], ensure_ascii=False),
                           json.dumps([drawing_to_dict(x) for x in iv.drawings], ensure_ascii=False)))
                _prune(c, "answers", "interview_id", iv.id, list(iv.answers), id_column="topic_key")
                for key, answer in iv.answers.items():
                    c.execute("INSERT INTO answers (interview_id, topic_key, data, updated) VALUES (?,?,?,?) "
                              "ON CONFLICT (interview_id, topic_key) DO UPDATE SET data = excluded.data, "
                              "updated = excluded.updated",
                              (iv.id, key, json.dumps(answer_to_dict(answer), ensure_ascii=False),
                               _iso(answer.updated) or _iso(iv.updated)))
        from .chronology import event_to_dict

        _prune(c, "events", "case_id", case.id, [ev.id for ev in case.chronology])
        for ev in case.chronology:
            c.execute("INSERT INTO events (id, case_id, data, updated) VALUES (?,?,?,?) ON CONFLICT (id) DO "
                      "UPDATE SET data = excluded.data, updated = excluded.updated",
                      (ev.id, case.id, json.dumps(event_to_dict(ev), ensure_ascii=False),
                       _iso(ev.updated) or _iso(case.updated)))
        from .scores import to_dict as score_dict

        _prune(c, "score_sets", "case_id", case.id, [x.id for x in case.scores])
        for x in case.scores:
            c.execute("INSERT INTO score_sets (id, case_id, data) VALUES (?,?,?) ON CONFLICT (id) DO UPDATE SET "
                      "data = excluded.data", (x.id, case.id, json.dumps(score_dict(x), ensure_ascii=False)))
        for analysis in case.analyses.values():
            c.execute("INSERT INTO analyses (child_id, data, updated) VALUES (?, ?, ?) ON CONFLICT (child_id) "
                      "DO UPDATE SET data = excluded.data, updated = excluded.updated",
                      (analysis.child_id, json.dumps(analysis.to_dict(), ensure_ascii=False),
                       _iso(analysis.updated) or _iso(case.updated)))
            self._write_oversight(analysis)

    # ------------------------------------------------------------------ the analysis

    def save_analysis(self, analysis) -> None:
        """The practitioner's analysis of one child, saved as it is written (one short transaction)."""
        stamp = _now_precise()
        analysis.updated = datetime.fromisoformat(stamp)
        data = json.dumps(analysis.to_dict(), ensure_ascii=False)
        with self._transaction():
            exists = self._conn.execute("SELECT 1 FROM children WHERE id = ?", (analysis.child_id,)).fetchone()
            if not exists:
                raise CaseNotFound("That child is no longer in the store.")
            self._conn.execute("INSERT INTO analyses (child_id, data, updated) VALUES (?, ?, ?) ON CONFLICT "
                               "(child_id) DO UPDATE SET data = excluded.data, updated = excluded.updated",
                               (analysis.child_id, data, stamp))
            self._conn.execute("UPDATE cases SET updated = ? WHERE id = (SELECT case_id FROM children WHERE id = ?)",
                               (stamp, analysis.child_id))

    def _write_oversight(self, analysis) -> None:
        """The analysis's kept versions and reviews: added when new, never changed (the tables refuse)."""
        from .oversight import review_to_dict, version_to_dict

        for v in analysis.versions:
            self._conn.execute("INSERT INTO analysis_versions (id, child_id, number, data) VALUES (?,?,?,?) "
                               "ON CONFLICT DO NOTHING",
                               (v.id, analysis.child_id, v.number, json.dumps(version_to_dict(v), ensure_ascii=False)))
        for r in analysis.reviews:
            self._conn.execute("INSERT INTO analysis_reviews (id, child_id, at, data) VALUES (?,?,?,?) "
                               "ON CONFLICT DO NOTHING",
                               (r.id, analysis.child_id, _iso(r.at), json.dumps(review_to_dict(r), ensure_ascii=False)))

    def keep_for_the_record(self, analysis) -> None:
        """Save the analysis with its new version or review (one transaction): what is kept is never
        changed or deleted afterwards, except with the child."""
        stamp = _now_precise()
        with self._transaction():
            if not self._conn.execute("SELECT 1 FROM children WHERE id = ?", (analysis.child_id,)).fetchone():
                raise CaseNotFound("That child is no longer in the store.")
            analysis.updated = analysis.updated or datetime.fromisoformat(stamp)
            self._conn.execute("INSERT INTO analyses (child_id, data, updated) VALUES (?, ?, ?) ON CONFLICT "
                               "(child_id) DO UPDATE SET data = excluded.data, updated = excluded.updated",
                               (analysis.child_id, json.dumps(analysis.to_dict(), ensure_ascii=False),
                                _iso(analysis.updated)))
            self._write_oversight(analysis)
            self._conn.execute("UPDATE cases SET updated = ? WHERE id = (SELECT case_id FROM children WHERE id = ?)",
                               (stamp, analysis.child_id))

    def load_analysis(self, child_id: str):
        """The child's analysis, or a new empty one."""
        from .analysis import Analysis

        rows = self._read("SELECT data FROM analyses WHERE child_id = ?", [child_id])
        return Analysis.from_dict(json.loads(rows[0][0])) if rows else Analysis(child_id)

    def save_hidden(self, case_id: str, hidden: list[str]) -> datetime:
        """The names and places an anonymised report hides, as the practitioner types them (one short
        transaction). Returns the case's new 'updated' time."""
        stamp = _now()
        with self._transaction():
            cur = self._conn.execute("UPDATE cases SET hidden = ?, updated = ? WHERE id = ?",
                                     (json.dumps(list(hidden), ensure_ascii=False), _iso(stamp), case_id))
            if cur.rowcount != 1:
                raise CaseNotFound("That case is no longer in the store.")
        return stamp

    def set_archived(self, case_id: str, archived: bool) -> None:
        """Archived cases leave the everyday list but keep all their data."""
        with self._transaction():
            cur = self._conn.execute("UPDATE cases SET archived = ?, updated = ? WHERE id = ?",
                                     (int(archived), _iso(_now()), case_id))
            if cur.rowcount != 1:
                raise CaseNotFound("That case is no longer in the store.")

    def delete_case(self, case_id: str) -> None:
        """Remove the case and everything under it from the file, not just from view."""
        with self._transaction():
            cur = self._conn.execute("DELETE FROM cases WHERE id = ?", (case_id,))
            if cur.rowcount != 1:
                raise CaseNotFound("That case is no longer in the store.")
            self._conn.execute("DELETE FROM template_snapshots WHERE hash NOT IN "
                               "(SELECT DISTINCT template_hash FROM interviews)")
        # secure_delete has zeroed the freed pages; move them out of the WAL into the file now.
        self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()

    # ------------------------------------------------------------------ checks

    def integrity_problems(self) -> list[str]:
        """Empty when the file is sound: every page decrypts and the database is consistent."""
        problems = [r[0] for r in self._read("PRAGMA cipher_integrity_check")]
        problems += [r[0] for r in self._read("PRAGMA integrity_check") if r[0] != "ok"]
        problems += [f"broken link: {r}" for r in self._read("PRAGMA foreign_key_check")]
        return problems

    # ------------------------------------------------------------------ backup and restore

    def backup(self, target: Path) -> None:
        """An encrypted copy of the whole store, under the same passphrase, written atomically."""
        target = Path(target)
        folder = target.parent
        if not files.is_folder(folder):
            raise FolderNotWritable(f"The backup cannot be written: the folder {folder} does not exist.")
        meta = _KeyFile(self.folder).read()
        copy = folder / f".dayinlife-{uuid.uuid4().hex}.tmp"
        try:
            files.refuse_unless_regular(target)  # never a link, a device or a pipe replaced
            files.refuse_store_files(target)  # nor the store's own files
            files.sweep_leftovers(folder)
            self._export_database(copy, self._key, "the backup", "No backup has been written.")
            header = json.dumps({"version": 1, "store_version": self.version, "kdf": meta["kdf"],
                                 "check": meta["check"]}, sort_keys=True).encode("ascii")
            out = folder / f".dayinlife-{uuid.uuid4().hex}.tmp"
            try:
                with open(out, "wb") as f, open(copy, "rb") as src:
                    _owner_only(out)
                    f.write(BACKUP_MAGIC + header + b"\n")
                    while chunk := src.read(1 << 20):
                        f.write(chunk)
                    f.flush()
                    os.fsync(f.fileno())
                os.replace(out, target)
            finally:
                out.unlink(missing_ok=True)
        except OSError as exc:
            raise os_error_message(exc, "the backup", folder, target) from None
        finally:
            for leftover in (copy, Path(f"{copy}-wal"), Path(f"{copy}-shm"), Path(f"{copy}-journal")):
                leftover.unlink(missing_ok=True)
        _fsync_dir(folder)

    def _export_database(self, path: Path, key: bytes, what: str, unchanged: str) -> None:
        """A full copy of the database into `path` (a hidden temporary file), encrypted under `key`
        (SQLCipher's export). A failure names `what` was being made and the store itself, never the
        temporary file; `unchanged` says what has not happened ("The passphrase has not been changed.")."""
        sql, args = crypto.attach_sql(path, "copy", key)
        version = self.version
        try:
            self._conn.execute(sql, args)
            try:
                self._conn.execute("SELECT sqlcipher_export('copy')").fetchall()
                self._conn.execute(f"PRAGMA copy.user_version = {int(version)}")
            finally:
                self._conn.execute("DETACH DATABASE copy")
        except crypto.database_errors() as exc:
            message = str(exc).lower()
            if "disk is full" in message:
                raise DiskFull(f"The disk is full: {what} could not be written in {path.parent}. {unchanged} "
                               f"The store has not been changed. Free some space and try again.") from None
            if "readonly" in message or "read-only" in message or "unable to open" in message:
                raise FolderNotWritable(f"{what[:1].upper()}{what[1:]} cannot be written in {path.parent}: the "
                                        f"folder is read-only or you do not have permission. {unchanged}") from None
            if "not a database" in message or "malformed" in message or "corrupt" in message:
                raise StoreDamaged(f"The store {self.path} is damaged: part of it cannot be read, so {what} "
                                   f"cannot be made. {unchanged} The store has not been changed; restore it from "
                                   f"a backup made before the damage.") from None
            raise StoreError(f"{what[:1].upper()}{what[1:]} could not be made ({exc}). {unchanged}") from None

    @classmethod
    def restore(cls, backup: Path, folder: Path, passphrase: str) -> "Store":
        """Restore a backup into a new (empty or absent) data folder and open it."""
        backup, folder = Path(backup), Path(folder)
        if cls.exists(folder):
            raise StoreError(f"{folder} already holds a store: restore into a new folder, so nothing is lost.")
        created = not folder.exists()
        try:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError as exc:
            raise os_error_message(exc, "the restored store", folder) from None
        lock = StoreLock(folder).acquire()  # nobody opens it while it is written
        try:
            return cls._restore(backup, folder, passphrase)
        except BaseException:
            lock.release()
            if created:  # a failed restore leaves no half-made folder behind, so it can be tried again as it was
                for name in (LOCK_NAME, NOTE_NAME):
                    (folder / name).unlink(missing_ok=True)
                try:
                    folder.rmdir()
                except OSError:
                    pass
            raise
        finally:
            lock.release()  # (a second release is harmless)

    @classmethod
    def _restore(cls, backup: Path, folder: Path, passphrase: str) -> "Store":
        try:
            blob = files.read_limited(backup, BACKUP_LIMIT, "backup of a store")
        except FileNotFoundError:
            raise StoreError(f"The backup {backup} does not exist.") from None
        except OSError as exc:
            raise StoreError(f"The backup {backup} cannot be read: {exc.strerror or exc}.") from None
        if not blob or not (blob.startswith(BACKUP_MAGIC[:len(blob)]) or blob.startswith(BACKUP_MAGIC.rstrip(b"\n"))):
            raise NotAStore(f"{backup} is not a Day in My Life backup.")
        if not blob.startswith(BACKUP_MAGIC):  # its first line's ending changed in a transfer
            raise StoreDamaged(f"The backup {backup} is damaged in its header (a copy that changed its line "
                               f"endings, perhaps); it cannot be restored.")
        if len(blob) <= len(BACKUP_MAGIC) or blob.find(b"\n", len(BACKUP_MAGIC)) < 0:
            raise StoreDamaged(f"The backup {backup} is cut short in its header; it cannot be restored.")
        end = blob.find(b"\n", len(BACKUP_MAGIC))
        try:
            header = json.loads(blob[len(BACKUP_MAGIC):end].decode("ascii"))
            params, _ = crypto.read_entry(header)
        except (ValueError, KeyError, TypeError, UnicodeDecodeError, RecursionError):
            raise StoreDamaged(f"The backup {backup} is damaged: its header cannot be read.") from None
        if header.get("version") != 1:
            raise StoreTooNew(f"The backup {backup} was made by a newer version of Day in My Life.")
        key = crypto.matching_key(passphrase, params, header["check"])
        if key is None:
            raise WrongPassphrase("That passphrase does not open this backup. Use the passphrase the store "
                                  "had when the backup was made.")
        body = blob[end + 1:]
        if not body:
            raise StoreDamaged(f"The backup {backup} is cut short; it cannot be restored.")
        if len(body) % PAGE_SIZE:
            raise StoreDamaged(f"The backup {backup} is damaged: its size is not whole pages, so it was cut short "
                               f"or something was added to it; it cannot be restored.")
        kept = None
        if store_missing(folder):
            # The key file of a database that is missing (moved, still syncing): the only way to open
            # that database if it comes back. Kept aside under a dated name, never written over.
            kept = folder / f"dayinlife-store-before-restore-{datetime.now():%Y%m%d-%H%M%S}.json"
            try:
                os.replace(folder / META_NAME, kept)
            except OSError as exc:
                raise os_error_message(exc, "the restored store", folder) from None
        try:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            # Key file first: cut short here, the folder holds no database and counts as empty.
            _KeyFile(folder).write({"kdf": params.to_dict(), "check": header["check"], "failures": 0,
                                    "setting_up": True})
            _write_atomically(folder / DB_NAME, body)
            _KeyFile(folder).write({"kdf": params.to_dict(), "check": header["check"], "failures": 0})
        except OSError as exc:
            _put_back(folder, kept)
            raise os_error_message(exc, "the restored store", folder) from None
        store = None
        try:
            store = cls.open(folder, passphrase)
            problems = store.integrity_problems()
            if problems:
                raise StoreDamaged(f"The backup {backup} is damaged ({problems[0]}); it cannot be restored.")
            store.kept_key_file = kept
            return store
        except (StoreError, OSError) as exc:
            if store is not None:
                store.close()
            _remove_database(folder)
            (folder / META_NAME).unlink(missing_ok=True)
            _put_back(folder, kept)
            if isinstance(exc, (StoreDamaged, NotAStore)) and str(backup) not in str(exc):
                # what is damaged is the backup: the folder restored into held nothing, and holds nothing now
                raise StoreDamaged(f"The backup {backup} is damaged: part of it cannot be read, so it cannot "
                                   f"be restored. Nothing has been changed.") from None
            if isinstance(exc, OSError):
                raise os_error_message(exc, "the restored store", folder) from None
            raise

    kept_key_file: Path | None = None  # set by restore: the missing database's key file, kept aside

    # ------------------------------------------------------------------ passphrase

    def check_passphrase(self, passphrase: str) -> bool:
        """Whether this is the store's passphrase (e.g. to leave child mode); the store stays open."""
        meta = _KeyFile(self.folder).read()
        return self._key_for(passphrase, {"kdf": meta["kdf"], "check": meta["check"]}) == self._key

    def change_passphrase(self, old: str, new: str) -> None:
        """Re-encrypt under a new passphrase; the old key is dropped only once the new copy is proven."""
        keyfile = _KeyFile(self.folder)
        meta = keyfile.read()
        if self._key_for(old, {"kdf": meta["kdf"], "check": meta["check"]}) != self._key:
            raise WrongPassphrase("The current passphrase is not right, so it has not been changed.")
        if not new.strip():
            raise StoreError("The new passphrase is empty (or only spaces): choose one with words in it.")
        params = crypto.KdfParams.new()
        new_key = crypto.derive_key(new, params)
        # A database that is a link (to another volume, say) is replaced where it really is, the link kept
        real = self.path.resolve() if self.path.is_symlink() else self.path
        staged = real.parent / f".dayinlife-{uuid.uuid4().hex}.tmp"
        try:
            self._export_database(staged, new_key, "the re-encrypted copy", "The passphrase has not been changed.")
            check = crypto.connect(staged, new_key)
            try:
                bad = [r[0] for r in check.execute("PRAGMA cipher_integrity_check").fetchall()]
                bad += [r[0] for r in check.execute("PRAGMA integrity_check").fetchall() if r[0] != "ok"]
                same = (check.execute("SELECT count(*) FROM answers").fetchone()
                        == self._conn.execute("SELECT count(*) FROM answers").fetchone())
            finally:
                check.close()
            if bad or not same:
                raise StoreError("The re-encrypted copy did not check out, so the passphrase was not changed.")
            pending = {"kdf": params.to_dict(), "check": crypto.key_check(new_key)}
            keyfile.write({**meta, "pending": pending})
            self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
            self._conn.close()
            self._conn = None
            _owner_only(staged)  # as private as the file it replaces
            os.replace(staged, real)
            for place in {self.path, real}:
                for suffix in ("-wal", "-shm"):
                    Path(f"{place}{suffix}").unlink(missing_ok=True)
            _fsync_dir(real.parent)
            keyfile.write({**pending, "failures": 0})
        except OSError as exc:
            raise os_error_message(exc, "the re-encrypted store", self.folder) from None
        finally:
            staged.unlink(missing_ok=True)
            for suffix in ("-wal", "-shm"):
                Path(f"{staged}{suffix}").unlink(missing_ok=True)
            if self._conn is None:
                current = _KeyFile(self.folder).read()
                key = new_key if crypto.key_matches(new_key, current["check"]) else self._key
                self._conn = self._connect(self.path, key)
                self._key = key

    # ------------------------------------------------------------------ case files

    def export_case_file(self, case_id: str, target: Path, file_passphrase: str) -> None:
        """One case, as the JSON interchange format sealed under its own passphrase."""
        sealed = seal_case(self.load_case(case_id), file_passphrase)
        target = Path(target)
        if not files.is_folder(target.parent):
            raise FolderNotWritable(f"The case file cannot be written: the folder {target.parent} does not exist.")
        try:
            files.write_atomically(target, sealed, private=True)  # never over the store's own files
        except OSError as exc:
            raise os_error_message(exc, "the case file", target.parent, target) from None

    def import_case_file(self, path: Path, file_passphrase: str | None = None,
                         on_conflict: str = "ask") -> Case:
        """Import an encrypted case file or a plain interchange file.

        `on_conflict`: "ask" raises CaseExists when the reference is already here; "replace"
        replaces that case; "keep_both" imports this one as a separate case.
        """
        case = read_case_file_any(Path(path), file_passphrase)
        existing = self.find_case(case.reference)
        if existing and on_conflict == "ask":
            raise CaseExists(case.reference, existing)
        if on_conflict not in ("ask", "replace", "keep_both"):
            raise ValueError(f"unknown choice {on_conflict!r}")
        if existing and on_conflict == "replace":
            self._keeps_the_record(existing, case)
        with self._transaction():
            if existing and on_conflict == "replace":
                self._conn.execute("DELETE FROM cases WHERE id = ?", (existing,))
            if existing and on_conflict == "keep_both" or self._id_taken(case):
                case = with_new_ids(case)
            if existing and on_conflict == "keep_both":  # told apart everywhere: list, export, report
                case.reference = self.free_reference(case.reference, dates.today())
            self._write_case(case)
        return case

    def _keeps_the_record(self, existing_id: str, incoming: Case) -> None:
        """Replacing a case never loses a kept version or review of an analysis: refused (CaseExists'
        sibling, StoreError) when the case here has one the file does not carry."""
        incoming_ids = {x.id for a in incoming.analyses.values() for x in [*a.versions, *a.reviews]}
        here = self._read("SELECT v.id FROM analysis_versions v JOIN children c ON c.id = v.child_id "
                          "WHERE c.case_id = ? UNION ALL SELECT r.id FROM analysis_reviews r JOIN children c "
                          "ON c.id = r.child_id WHERE c.case_id = ?", [existing_id, existing_id])
        lost = [i for (i,) in here if i not in incoming_ids]
        if lost:
            raise StoreError(f"The case {incoming.reference} here has {len(lost)} kept version(s) or review(s) of "
                             f"an analysis that the file does not carry; replacing it would lose them from the "
                             f"record. Import the file as a separate case (keep both) instead. Nothing has "
                             f"been changed.")

    def _id_taken(self, case: Case) -> bool:
        ids = [case.id] + [a.id for a in case.adults] + [c.id for c in case.children] + \
              [iv.id for c in case.children for iv in c.interviews] + [ev.id for ev in case.chronology] + [x.id for x in case.scores]
        for start in range(0, len(ids), _BATCH):  # (a case of 100,000 adults: SQLite takes so many values at once)
            chunk = ids[start:start + _BATCH]
            marks = ",".join("?" * len(chunk))
            if self._conn.execute(
                    f"SELECT 1 FROM cases WHERE id IN ({marks}) UNION ALL SELECT 1 FROM adults WHERE id IN ({marks}) "
                    f"UNION ALL SELECT 1 FROM children WHERE id IN ({marks}) UNION ALL SELECT 1 FROM interviews "
                    f"WHERE id IN ({marks}) UNION ALL SELECT 1 FROM events WHERE id IN ({marks}) "
                    f"UNION ALL SELECT 1 FROM score_sets WHERE id IN ({marks}) LIMIT 1",
                    chunk * 6).fetchall():
                return True
        return False


_BATCH = 160  # ids per query: six lists of them stay under SQLite's oldest limit of 999 values


def _nearly_full(folder: Path) -> bool:
    import shutil

    try:
        return shutil.disk_usage(folder).free < 1024 * 1024
    except OSError:
        return False


def _does_not_open(db: Path) -> str:
    """The key file's key is right for its passphrase, yet the database does not open with it."""
    return (f"The store {db} is damaged, or its key file ({KEY_NAME}) comes from another store: the database "
            f"does not open with the key the key file holds. Nothing has been changed. If this store's own key "
            f"file is somewhere else, put it back beside the database. Otherwise restore your latest backup into "
            f"a new folder; do not restore or set up over these files.")


def _put_back(folder: Path, kept: Path | None) -> None:
    """A restore that failed: the key file it had set aside goes back, as it was found."""
    if kept is not None:
        try:
            os.replace(kept, folder / META_NAME)
        except OSError:
            pass  # still there under its dated name, which the message of the failure does not hide


def _remove_database(folder: Path) -> None:
    for name in DB_FILES:
        (folder / name).unlink(missing_ok=True)


def _empty_database(db: Path, why: str = "") -> str:
    return (f"The store's database {db} is empty (0 bytes){' ' + why if why else ''}: it was damaged, perhaps by "
            f"a failed copy or a sync that did not finish. It has not been changed; restore it from a backup.")


def _prune(conn, table: str, parent_column: str, parent_id: str, keep: list[str], id_column: str = "id") -> None:
    sql = f"DELETE FROM {table} WHERE {parent_column} = ?"
    if len(keep) > _BATCH:  # too many to name in one statement: kept in a table of this connection's own
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS kept_ids (id TEXT PRIMARY KEY)")
        conn.execute("DELETE FROM kept_ids")
        conn.executemany("INSERT OR IGNORE INTO kept_ids VALUES (?)", [(k,) for k in keep])
        conn.execute(sql + f" AND {id_column} NOT IN (SELECT id FROM kept_ids)", [parent_id])
        conn.execute("DELETE FROM kept_ids")
        return
    if keep:
        sql += f" AND {id_column} NOT IN ({','.join('?' * len(keep))})"
    conn.execute(sql, [parent_id, *keep])


def _looks_like_text(start: bytes) -> bool:
    """An encrypted store begins with random bytes; text begins with printable characters."""
    try:
        text = start.decode("utf-8")
    except UnicodeDecodeError:
        text = start[:-4].decode("utf-8", errors="replace")  # a character cut at the end
        if "\ufffd" in text:
            return False
    return all(ch.isprintable() or ch in "\r\n\t" for ch in text)


def _date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


