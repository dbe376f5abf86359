"""Writing a file whole or not at all, and saying in plain words why it could not be written.

Used by every writer: the store (its key file, a restored or re-keyed database, a case file, a
backup), the Word report and the plain case file. A temporary file in the target's own folder
(named without any personal data, so nothing lands in the system's temporary folder), flushed
to disk, renamed over the target, then the folder flushed too, so after a power cut the folder
holds the old file or the new one, never half of one.
"""

from __future__ import annotations

import errno
import os
import stat
import uuid
from enum import Enum
from pathlib import Path


# The files of every store open in this process: a report, case file or backup is never written
# over one of them (a report saved as dayinlife-store.json would lose the key for good).
_PROTECTED: dict[str, int] = {}


def protect(paths) -> None:
    for path in paths:
        key = str(Path(path).resolve())
        _PROTECTED[key] = _PROTECTED.get(key, 0) + 1


def unprotect(paths) -> None:
    for path in paths:
        key = str(Path(path).resolve())
        if _PROTECTED.get(key, 0) <= 1:
            _PROTECTED.pop(key, None)
        else:
            _PROTECTED[key] -= 1


class StoreFile(OSError):
    """The target is one of an open store's own files."""


def refuse_store_files(target: Path) -> None:
    if str(Path(target).resolve()) in _PROTECTED:
        raise StoreFile(errno.EEXIST, "one of the store's own files", str(target))


class NotARegularFile(OSError):
    """The target is there but is not a plain file (a link, a device such as /dev/full, a pipe):
    writing is refused, so it is never replaced by a regular file."""


def refuse_unless_regular(target: Path) -> None:
    """Raise NotARegularFile if `target` exists and is not a regular file (a link is refused too,
    even to a regular file: what it points at is not the file the user named)."""
    try:
        mode = os.lstat(target).st_mode
    except FileNotFoundError:
        return
    except OSError:
        return  # let the write itself say what is wrong
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, "Is a directory", str(target))
    raise NotARegularFile(errno.EEXIST, "not a regular file", str(target))


def read_limited(path: Path, limit: int, what: str) -> bytes:
    """The bytes of a file the user named, refused (OSError, in words) if it is not a regular file
    (a pipe would wait for ever, a device such as /dev/zero never ends) or is larger than `limit`:
    no `what` is that large, and reading it would take all the memory."""
    data = read_head(path, limit + 1)
    if len(data) > limit:
        raise OSError(errno.EFBIG, f"it is larger than any {what} (over {_size(limit)})", str(path))
    return data


def read_head(path: Path, size: int) -> bytes:
    """At most the first `size` bytes of a file the user named; refused (OSError, in words) if it is
    a folder, a pipe or a device rather than a regular file."""
    path = Path(path)
    mode = os.stat(path).st_mode  # FileNotFoundError and the rest as they are
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, "it is a folder, not a file", str(path))
    if not stat.S_ISREG(mode):
        raise OSError(errno.EINVAL, "it is not a regular file (a pipe or a device)", str(path))
    with open(path, "rb") as f:
        return f.read(size)


def _size(n: int) -> str:
    return f"{n // (1024 * 1024)} MB" if n >= 1024 * 1024 else f"{n // 1024} KB"


def write_atomically(target: Path, data: bytes, *, private: bool = False, store_file: bool = False) -> None:
    """Write `data` to `target` whole or not at all. `private`: readable by the user only (on
    systems with such modes; a Windows profile folder is private already). Only a regular file is
    ever written or replaced (see refuse_unless_regular). Raises OSError."""
    target = Path(target)
    refuse_unless_regular(target)
    if not store_file:  # only the store itself writes its files
        refuse_store_files(target)
    sweep_leftovers(target.parent)
    tmp = target.parent / f".dayinlife-{uuid.uuid4().hex}.tmp"
    try:
        with open(tmp, "wb") as f:
            if private:
                owner_only(tmp)
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except BaseException:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass
        raise
    fsync_folder(target.parent)


LEFTOVER_AGE = 600  # seconds: a temporary file this old belonged to a write that was killed


def sweep_leftovers(folder: Path, older_than: float = LEFTOVER_AGE) -> None:
    """Remove what a killed write left in `folder` (our own `.dayinlife-*.tmp` files, which may hold
    a report or case file in clear, and the logs SQLite keeps beside a copy being made), so it is
    never left there for long. The store's own folder is swept at once (`older_than=0`) when it is
    opened: its lock says nobody else is writing there."""
    import time

    try:
        found = [p for pattern in (".dayinlife-*.tmp", ".dayinlife-*.tmp-journal", ".dayinlife-*.tmp-wal",
                                   ".dayinlife-*.tmp-shm") for p in Path(folder).glob(pattern)]
    except OSError:
        return
    now = time.time()
    for path in found:
        try:
            if path.is_file() and not path.is_symlink() and now - path.stat().st_mtime >= older_than:
                path.unlink()
        except OSError:
            pass


def owner_only(path: Path) -> None:
    if os.name != "nt":
        try:
            os.chmod(path, 0o600)
        except OSError:
            pass


def fsync_folder(folder: Path) -> None:
    """Make a rename in `folder` last (Windows cannot open a folder for this; NTFS journals the rename)."""
    if os.name == "nt":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


class Why(str, Enum):
    STORE_FILE = "store_file"        # one of the store's own files: never written over
    NOT_A_FILE = "not_a_file"        # a link, a device or a pipe: never replaced
    DISK_FULL = "disk_full"
    NOT_ALLOWED = "not_allowed"      # read-only, no permission, or the file is open elsewhere
    NOT_A_FOLDER = "not_a_folder"    # part of the path is a file
    IS_A_FOLDER = "is_a_folder"      # the target itself is a folder
    NO_FOLDER = "no_folder"
    NAME_TOO_LONG = "name_too_long"
    OTHER = "other"


def why(exc: OSError) -> Why:
    if isinstance(exc, StoreFile):
        return Why.STORE_FILE
    if isinstance(exc, NotARegularFile):
        return Why.NOT_A_FILE
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return Why.DISK_FULL
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return Why.NOT_ALLOWED
    if exc.errno == errno.EISDIR:
        return Why.IS_A_FOLDER
    if exc.errno in (errno.ENOTDIR, errno.EEXIST):
        return Why.NOT_A_FOLDER
    if exc.errno == errno.ENOENT:
        return Why.NO_FOLDER
    if exc.errno == errno.ENAMETOOLONG:
        return Why.NAME_TOO_LONG
    return Why.OTHER


def is_folder(path: Path) -> bool:
    """Whether `path` is a folder; False, never an error, for a name too long or a path that cannot be
    looked at."""
    try:
        return Path(path).is_dir()
    except (OSError, ValueError):
        return False


def _shortened(name: str) -> str:
    return name if len(name) <= 60 else f"{name[:30]}…{name[-20:]}"


def plain_words(exc: OSError, what: str, folder: Path, target: Path | None = None,
                verb: str = "saved") -> tuple[Why, str]:
    """Why `what` (e.g. "the report") could not be `verb` ("saved", "written") in `folder` (as
    `target`), in words a user can act on."""
    where = Path(folder)
    reason = why(exc)
    v = verb
    text = {
        Why.STORE_FILE: (f"{what[:1].upper()}{what[1:]} was not {v}: {exc.filename or target or where} is one of "
                         f"the store's own files, which would be lost. It has not been changed. Choose another "
                         f"name or folder."),
        Why.NOT_A_FILE: (f"{what[:1].upper()}{what[1:]} was not {v}: {exc.filename or target or where} is not "
                         f"an ordinary file "
                         f"(it is a link, a device or a pipe), and only ordinary files are written. It has "
                         f"not been changed. Choose another name."),
        Why.DISK_FULL: f"The disk is full: {what} was not {v} in {where}. Free some space and try again.",
        Why.NOT_ALLOWED: (f"{what[:1].upper()}{what[1:]} cannot be {v} in {where}: the folder is read-only or "
                          f"you do not have permission, or a file of that name is open in another program. "
                          f"Close it or choose another folder."),
        Why.IS_A_FOLDER: (f"{what[:1].upper()}{what[1:]} cannot be {v} as {target or where}: that is a folder. "
                          f"Give a file name inside it."),
        Why.NOT_A_FOLDER: (f"{what[:1].upper()}{what[1:]} cannot be {v} in {where}: part of that path is a "
                           f"file, not a folder. Choose another folder."),
        Why.NO_FOLDER: (f"{what[:1].upper()}{what[1:]} cannot be {v}: the folder {where} does not exist."
                        if not is_folder(where) else
                        f"{what[:1].upper()}{what[1:]} cannot be {v} in {where}: that folder does not take new "
                        f"files. Choose another folder."),
        Why.NAME_TOO_LONG: (f"{what[:1].upper()}{what[1:]} cannot be {v}: the name "
                            f"{_shortened((target or where).name)} is too long for the disk. Choose a shorter name."),
        Why.OTHER: f"{what[:1].upper()}{what[1:]} could not be {v} in {where}: {exc.strerror or exc}.",
    }[reason]
    return reason, text
