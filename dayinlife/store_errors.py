"""The store's failures, each a message to show the user as it is (what is wrong, and what to do).

Kept apart from store.py so that what reads case files (case_files.py) and the screens can name
them without the database code."""

from __future__ import annotations


class StoreError(Exception):
    """A failure to show the user as it is: the message names the problem and what to do."""


class WrongPassphrase(StoreError):
    pass


class UnlockThrottled(StoreError):
    def __init__(self, seconds: int):
        unit = "second" if seconds == 1 else "seconds"
        super().__init__(f"Too many wrong passphrases: wait {seconds} {unit} before trying again.")
        self.seconds = seconds


class StoreDamaged(StoreError):
    pass


class StoreMissing(StoreError):
    """The store's key file is there but its database is not: moved, not yet synced or restored
    elsewhere. Nothing may be created in its place (a new key file would lock the real one out)."""


class NotAStore(StoreError):
    pass


class StoreTooNew(StoreError):
    pass


class DiskFull(StoreError):
    pass


class FolderNotWritable(StoreError):
    pass


class CaseExists(StoreError):
    """Importing a case whose reference is already in the store: the caller must decide."""

    def __init__(self, reference: str, existing_id: str):
        super().__init__(f"A case with reference {reference} is already in the store: "
                         f"choose to replace it or to keep both.")
        self.reference = reference
        self.existing_id = existing_id


class CaseNotFound(StoreError):
    pass
