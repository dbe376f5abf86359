"""One store, one process: a lock held for as long as a store is open.

Changing the passphrase swaps the database file for a re-keyed copy, and an import or a save made by
another process at that moment would go to the file being replaced. So a store is opened by one
process at a time. The lock is the operating system's own (through the `filelock` library), so it
goes with the process: a killed app or command leaves no lock behind, only a note of who held it,
which the next holder overwrites.

Within one process the lock is shared: opening the same store twice (a check after a save, the
demo's reset) does not lock the process out of its own store.

The note (`dayinlife.lock.json`) says which program holds the store, its process number and since
when, so the second process can say what to close. It holds no personal data.
"""

from __future__ import annotations

import os
from pathlib import Path


from .store_errors import StoreError

LOCK_NAME = "dayinlife.lock"
NOTE_NAME = "dayinlife.lock.json"

# Who this process is, as another process's message names it: the app sets its own at start.
program = "the dayinlife command line"
# How long to wait for another process to finish with the store before saying it is in use. The
# app says so at once; a short command (an import, a list) waits its turn, so scripts that run a
# few at once all succeed, one after another.
wait_seconds = 0.0


class StoreInUse(StoreError):
    """Another process has this store open."""


NOTE_LIMIT = 64 * 1024  # a note is a hundred bytes or so


def _note(folder: Path) -> dict:
    """The holder's note, if it is one: never a wait on a pipe, nor a device read without end."""
    import json

    from . import files

    try:
        data = json.loads(files.read_limited(folder / NOTE_NAME, NOTE_LIMIT, "note").decode("utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError, RecursionError):
        return {}


def _holder(folder: Path) -> str:
    import socket
    from datetime import datetime

    note = _note(folder)
    who = str(note.get("program") or "another program")
    details = []
    if isinstance(note.get("pid"), int):
        details.append(f"process {note['pid']}")
    if note.get("host") and note.get("host") != socket.gethostname():
        details.append(f"on {note['host']}")
    since = note.get("since")
    if isinstance(since, str):
        try:
            details.append(f"since {datetime.fromisoformat(since).strftime('%H:%M on %d/%m/%Y')}")
        except ValueError:
            pass
    return who + (f" ({', '.join(details)})" if details else "")


class StoreLock:
    """Held while a store is open; `release()` when it closes (more than once is harmless)."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        # one lock object per store in this process, shared and counted (is_singleton)
        from filelock import FileLock  # imported on use: it brings asyncio, which the lock screen does without

        self._lock = FileLock(str(self.folder / LOCK_NAME), timeout=0, thread_local=False, is_singleton=True)
        self._held = False

    def acquire(self) -> "StoreLock":
        from filelock import Timeout

        first = not self._lock.is_locked
        try:  # (held already in this process, it is taken again at once)
            self._lock.acquire(timeout=wait_seconds)
        except Timeout:
            raise StoreInUse(f"The store in {self.folder} is open in {_holder(self.folder)}. Close it there "
                             f"first, then try again. Nothing has been changed.") from None
        except OSError as exc:
            raise StoreError(f"The store in {self.folder} cannot be locked for use: "
                             f"{exc.strerror or exc}.") from None
        self._held = True
        if first:
            import json  # here, as in the note's readers: the app's lock screen appears without them
            import socket
            from datetime import datetime

            note = {"program": program, "pid": os.getpid(), "host": socket.gethostname(),
                    "since": datetime.now().isoformat(timespec="seconds")}
            from . import files

            path = self.folder / NOTE_NAME
            try:
                if path.is_symlink() or (path.exists() and not path.is_file()):
                    path.unlink()  # a link, a pipe, a device put there: never written through (it would wait)
                files.write_atomically(path, json.dumps(note).encode("utf-8"))
            except OSError:
                pass  # the note only helps the message; the lock itself is what protects the store
        return self

    def release(self) -> None:
        if self._held:
            self._held = False
            if self._lock.lock_counter == 1:  # the last share in this process: the note goes first,
                try:                          # while the lock is still held, so no newer note is lost
                    (self.folder / NOTE_NAME).unlink(missing_ok=True)
                except OSError:
                    pass
            self._lock.release()
