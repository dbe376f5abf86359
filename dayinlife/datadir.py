"""Where each user's store lives: the platform's user-data folder, unless told otherwise."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ENV_VAR = "DAYINLIFE_DATA_DIR"
DB_NAME = "dayinlife.db"  # the store's database file (see store.py)
KEY_NAME = "dayinlife-store.json"  # the key file beside it
WAL_NAME = DB_NAME + "-wal"        # its write-ahead log, and the log's index: the database's files
DB_FILES = (DB_NAME, WAL_NAME, DB_NAME + "-shm")
APP_FOLDER = "DayInMyLife"


def default_data_dir() -> Path:
    """The platform's own folder for a user's data (platformdirs), never a roaming one:
    %LOCALAPPDATA%\\DayInMyLife on Windows (a roaming or redirected profile is copied to a server at
    sign-out, a known way to damage a database), ~/Library/Application Support/DayInMyLife on a Mac,
    $XDG_DATA_HOME/dayinlife (normally ~/.local/share/dayinlife) elsewhere."""
    import platformdirs

    name = APP_FOLDER if sys.platform in ("win32", "darwin") else "dayinlife"
    return Path(platformdirs.user_data_dir(name, appauthor=False, roaming=False))


def earlier_default_dirs() -> list[Path]:
    """Where earlier versions kept the store by default and this one does not: on Windows the
    roaming %APPDATA%\\DayInMyLife. (On a Mac and elsewhere the folder has not changed.)"""
    if sys.platform == "win32" and os.environ.get("APPDATA"):
        return [Path(os.environ["APPDATA"]) / APP_FOLDER]
    return []


def settle_default_folder(folder: Path | None = None, earlier: list[Path] | None = None) -> tuple[Path, str | None]:
    """The default data folder to use, and what to tell the user, if anything: a store found in an
    earlier default folder, with nothing in the new one, is moved there, once (move_store)."""
    folder = default_data_dir() if folder is None else Path(folder)
    if (folder / DB_NAME).exists() or (folder / KEY_NAME).exists():
        return folder, None  # the new folder is in use: nothing is moved into it, ever
    for old in earlier_default_dirs() if earlier is None else earlier:
        if store_exists(old) or store_missing(old):
            return move_store(old, folder)
    return folder, None


def move_store(old: Path, new: Path) -> tuple[Path, str | None]:
    """Move the store in `old` to `new` (which holds no store), safely: with the store's lock held,
    every file is copied into a folder beside `new`, read back and compared, and only then put in
    place and the originals removed. Anything short of that leaves the store where it was, and the
    folder to use is the old one. Returns (the folder to use, what to tell the user)."""
    import hashlib
    import shutil
    import uuid

    from .store_lock import LOCK_NAME, NOTE_NAME, StoreError, StoreLock

    old, new = Path(old), Path(new)
    names = [n for n in (KEY_NAME, *DB_FILES, DEMO_MARKER) if (old / n).is_file()]
    try:
        lock = StoreLock(old).acquire()
    except StoreError:
        return old, (f"Your store is in {old}, a folder that may be copied to a server with your profile. It "
                     f"is open in another program now, so it stays there this time; close that program and it "
                     f"is moved to {new}, which stays on this computer, next time.")
    staging = new.parent / f".{new.name}-moving-{uuid.uuid4().hex[:8]}"

    def digest(path: Path) -> str:
        h = hashlib.sha256()
        with open(path, "rb") as f:
            while chunk := f.read(1 << 20):
                h.update(chunk)
        return h.hexdigest()

    try:
        try:
            staging.mkdir(mode=0o700, parents=True)
            for name in names:
                shutil.copyfile(old / name, staging / name)
                with open(staging / name, "rb+") as f:
                    os.fsync(f.fileno())
                if digest(staging / name) != digest(old / name):
                    raise OSError(f"the copy of {name} did not read back the same")
            if new.exists():
                new.rmdir()  # empty (it holds no store): else this fails and nothing is moved
            os.replace(staging, new)
        except OSError as exc:
            shutil.rmtree(staging, ignore_errors=True)
            return old, (f"Your store could not be moved from {old} to {new} ({exc.strerror or exc}), so it is "
                         f"used where it is. Nothing has been changed.")
        for name in names:
            try:
                (old / name).unlink()
            except OSError:
                pass  # a copy left behind, encrypted: the store in use is the new one
    finally:
        lock.release()
    for name in (LOCK_NAME, NOTE_NAME):
        try:
            (old / name).unlink(missing_ok=True)
        except OSError:
            pass
    try:
        old.rmdir()
    except OSError:
        pass  # something else of the user's is in it: left as it is
    return new, (f"Your store has been moved from {old} to {new}, a folder that stays on this computer: a "
                 f"profile copied to a server when you sign out can damage a database. Nothing else has "
                 f"changed; your passphrase and backups are as they were.")


def resolve_data_dir(given: str | Path | None = None) -> Path:
    """The folder named on the command line, else $DAYINLIFE_DATA_DIR, else the default; made
    absolute, so a message names it whatever folder the command ran in."""
    if given:
        return Path(given).expanduser().absolute()
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR]).expanduser().absolute()
    return default_data_dir()


KEY_FILE_LIMIT = 1024 * 1024  # a key file is a few hundred bytes


def read_key_file(folder: Path):
    """The key file's JSON as it stands, unchecked (store._KeyFile checks it): OSError if it cannot
    be read (never a pipe's wait, never a huge file), ValueError or RecursionError if it is not JSON."""
    import json

    from . import files

    return json.loads(files.read_limited(Path(folder) / KEY_NAME, KEY_FILE_LIMIT, "key file").decode("utf-8"))


def setting_up(folder: Path) -> bool:
    """Whether a set-up (or a restore) was begun here and never finished: its key file says so until
    the database is complete. Such a folder holds nothing yet."""
    try:
        data = read_key_file(folder)
        return isinstance(data, dict) and data.get("setting_up") is True
    except (OSError, ValueError, RecursionError):
        return False


def holds_pages(folder: Path) -> bool:
    """Whether the database (or its write-ahead log) holds anything at all."""
    folder = Path(folder)
    try:
        wal = folder / WAL_NAME
        return (folder / DB_NAME).stat().st_size > 0 or (wal.exists() and wal.stat().st_size > 0)
    except OSError:
        return True  # cannot tell: treat it as a store, never as something to set up over


def store_exists(folder: Path) -> bool:
    """Whether `folder` holds a store, without importing the store (start-up stays quick). A database
    that holds anything is a store, whatever its key file says: a set-up to do again is only ever one
    that left nothing behind."""
    folder = Path(folder)
    return (folder / DB_NAME).exists() and (not setting_up(folder) or holds_pages(folder))


def store_missing(folder: Path) -> bool:
    """Whether `folder` held a store whose database is gone: its key file is there, the database is
    not. Then nothing may be created here (see store.StoreMissing)."""
    folder = Path(folder)
    return (folder / KEY_NAME).exists() and not (folder / DB_NAME).exists() and not setting_up(folder)


def missing_message(folder: Path) -> str:
    """What to tell someone whose database is missing, in the app and on the command line alike."""
    return (f"The store's database ({DB_NAME}) is missing from {folder}, but its key file is there: the "
            f"cases were kept in that database. Nothing has been created or changed. If the file was moved, "
            f"or is still being copied or synced, put it back in this folder. Otherwise restore your latest "
            f"backup into this folder (in the app: Restore from a backup…, on the lock screen; on the command "
            f"line: dayinlife restore BACKUP --data-dir \"{folder}\"). Do not set up a new store here: it "
            f"would lock the old one out.")


def folder_problem(folder: Path) -> str | None:
    """Why `folder` cannot be a data folder (a file, a link to nowhere, a name too long), or None."""
    import errno

    folder = Path(folder)
    named = os.environ.get(ENV_VAR, "")
    if named and not named.strip() and folder == Path(named).expanduser().absolute():
        return f"{ENV_VAR} holds only spaces: set it to the data folder, or unset it for the usual one."
    if folder.name != folder.name.strip() or any(p != p.strip() for p in folder.parts[1:]):
        return (f"The data folder \"{folder}\" has a space at the start or end of a name, which is easy to "
                f"miss and would make a second store beside the one you mean. Name it without (check "
                f"{ENV_VAR} too).")
    try:
        if folder.is_symlink() and not folder.exists():
            return f"The data folder {folder} is a link to {os.readlink(folder)}, which does not exist."
        if folder.exists() and not folder.is_dir():
            return (f"{folder} is a file or a device, not a folder: give the folder that holds the store, or "
                    f"where a new one is to be made.")
    except OSError as exc:
        if exc.errno == errno.ENAMETOOLONG:
            return "The data folder's name is too long for the disk: choose a shorter one."
        return f"The data folder {folder} cannot be used: {exc.strerror or exc}."
    return None


def kept_key_words(kept: Path) -> str:
    """What to tell someone whose restore set the missing database's key file aside."""
    return (f"The key file of the missing database is kept as {kept.name}. The backup holds only what was "
            f"saved before it was made: if the missing {DB_NAME} comes back, do not put it in this folder; "
            f"put it in a new folder with {kept.name} renamed to {KEY_NAME}, and it opens with the passphrase "
            f"it had.")


DEMO_SUFFIX = "-demo"
DEMO_MARKER = "DEMO-STORE.txt"  # in the demo folder only, written before its store (see demo.py)


def demo_data_dir(given: str | Path | None = None) -> Path:
    """The demo store's own folder: the real folder's sibling with "-demo" added, e.g.
    ~/.local/share/dayinlife-demo, %LOCALAPPDATA%\\DayInMyLife-demo, or <DIR>-demo for --data-dir DIR.
    It is never the real folder itself, so demo data and real cases cannot mix."""
    real = resolve_data_dir(given).resolve()
    if not real.name:  # the top of a disk has nothing beside it: the demo goes in a folder of its own there
        return real / (APP_FOLDER + DEMO_SUFFIX)
    return real.with_name(real.name + DEMO_SUFFIX)


def is_demo_folder(folder: str | Path) -> bool:
    """Whether `folder` is a demo folder: it holds the demo marker."""
    return (Path(folder) / DEMO_MARKER).is_file()
