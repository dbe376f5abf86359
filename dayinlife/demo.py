"""The trainer's demo store: fictional families in a folder of its own, never mixed with real cases.

The demo folder (datadir.demo_data_dir) holds a marker file, written before its store. A folder
with the marker is only ever opened as the demo; a store without it is never opened, filled or
reset as the demo. The families are the JSON interchange files in resources/demo/ (written by
scripts/make_demo.py), brought in through the normal import path, under a published passphrase.
"""

from __future__ import annotations

from pathlib import Path

from .datadir import DB_NAME, DEMO_MARKER, is_demo_folder, store_exists
from .paths import resources_dir
from .store import META_NAME, Store, StoreError

DEMO_PASSPHRASE = "demo"
MARKER_NAME = DEMO_MARKER
MARKER_TEXT = ("This folder holds the Day in My Life demo store: fictional families only, under the\n"
               "published passphrase \"demo\". Never put real cases here.\n")


def demo_files() -> list[Path]:
    """The shipped demo households, in order."""
    return sorted((resources_dir() / "demo").glob("*.json"))


def refuse_real(folder: Path) -> None:
    """Raise unless `folder` is (or may become) a demo folder: a real store is never used as the demo."""
    folder = Path(folder)
    if store_exists(folder) and not is_demo_folder(folder):
        raise StoreError(f"{folder} holds a real store, not the demo: the demo will not open or change it.")
    if folder.exists() and not folder.is_dir():
        raise StoreError(f"{folder} is not a folder: the demo cannot be kept there.")


def refuse_demo(folder: Path) -> None:
    """Raise if `folder` is the demo folder: real work is never done in the demo store."""
    if is_demo_folder(folder):
        raise StoreError(f"{folder} is the demo store, with fictional families only. "
                         f"Start the app without --demo to use your own store.")


def open_demo_store(folder: Path) -> Store:
    """Open the demo store in `folder`, creating and filling it on first use."""
    folder = Path(folder)
    refuse_real(folder)
    if store_exists(folder):
        return Store.open(folder, DEMO_PASSPHRASE)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    (folder / MARKER_NAME).write_text(MARKER_TEXT, "utf-8")  # first, so the store is never unmarked
    (folder / META_NAME).unlink(missing_ok=True)  # left by a set-up cut short
    store = Store.create(folder, DEMO_PASSPHRASE)
    try:
        for path in demo_files():
            store.import_case_file(path, on_conflict="replace")
    except BaseException:
        store.close()
        _remove_store_files(folder)
        raise
    return store


def reset_demo_store(folder: Path, store: Store | None = None) -> Store:
    """Put the shipped families back: close `store` (if open), delete only this demo folder's store
    files, and create and fill it again. Refuses any folder without the demo marker."""
    folder = Path(folder)
    if not is_demo_folder(folder):
        raise StoreError(f"{folder} is not the demo store: only the demo can be reset.")
    if store is not None:
        if Path(store.folder).resolve() != folder.resolve():
            raise StoreError("That store is not the demo store: only the demo can be reset.")
        store.close()
    _remove_store_files(folder)
    return open_demo_store(folder)


def _remove_store_files(folder: Path) -> None:
    for name in (DB_NAME, DB_NAME + "-wal", DB_NAME + "-shm", DB_NAME + "-journal", META_NAME):
        (folder / name).unlink(missing_ok=True)
