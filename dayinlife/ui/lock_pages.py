"""The first-run screen (choose the passphrase) and the unlock screen.

Built in code rather than from Designer forms: they are the first thing drawn at start-up, and
loading a form costs more than the rest of the screen put together.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from .announce import show_status

MIN_LENGTH = 8


def _label(text: str, role: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    if role:
        label.setProperty("role", role)
    return label


def _secret(name: str, description: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setAccessibleName(name)
    edit.setAccessibleDescription(description)
    return edit


class _Page(QWidget):
    unlocked = Signal(object)  # the open Store

    def __init__(self, folder: Path, heading: str, width: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.folder = folder
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()  # centred by stretches, so wrapped text gets its full height
        row.addStretch(1)
        self.column = QWidget()
        self.column.setMaximumWidth(width)
        self.column.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        row.addWidget(self.column, 4)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self.layout_ = QVBoxLayout(self.column)
        self.heading = _label(heading, "heading")
        self.layout_.addWidget(self.heading)
        self.message = _label("", "message")  # named by what it says (show_status), never a fixed "Message"
        self.passphrase = _secret("Passphrase", "The passphrase that unlocks this store. What you type is hidden.")

    def add_restore_button(self, description: str) -> None:
        """Restore a backup into this folder, from this screen (a new laptop, or a database that is
        gone): no command line needed."""
        self.restore_button = QPushButton("Restore from a &backup…")
        self.restore_button.setAccessibleName("Restore from a backup")
        self.restore_button.setAccessibleDescription(description)
        self.restore_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.restore_button.setAutoDefault(True)  # Return on it presses it, as Space does (outside a dialog too)
        self.layout_.addWidget(self.restore_button)
        self.restore_button.clicked.connect(self.restore)

    def folder_refused(self) -> bool:
        """Whether the data folder cannot be one (a file, a name ending in a space...): said, if so."""
        from ..datadir import folder_problem

        problem = folder_problem(self.folder)
        if problem:
            self.say(problem)
        return bool(problem)

    def restore(self) -> None:
        from . import dialogs

        if self.folder_refused():
            return

        backup = dialogs.open_path(self, "Restore from a backup", "Day in My Life backups (*.dilbak);;All files (*)")
        if backup is None:
            return
        typed = dialogs.passphrase(self, "The passphrase the store had when this backup was made:",
                                   "Restore from a backup")
        if typed is None:
            return
        from ..session import StoreError, restore_store  # imported on use: the lock screen must appear fast

        try:
            store = restore_store(backup, self.folder, typed)
        except StoreError as exc:
            return self.say(str(exc))
        show_status(self.message, "", say=False)
        if store.kept_key_file is not None:
            from ..datadir import kept_key_words

            dialogs.info(self, kept_key_words(store.kept_key_file), "Restored from a backup")
        self.unlocked.emit(store)

    def say(self, text: str) -> None:
        """A problem: shown under the passphrase and announced at once, every time (the same wrong
        passphrase twice is two problems)."""
        show_status(self.message, text, repeat=True, assertive=True)

    def reset(self) -> None:
        self.passphrase.clear()
        show_status(self.message, "", say=False)
        self.passphrase.setFocus()


class FirstRunPage(_Page):
    def __init__(self, folder: Path, parent: QWidget | None = None):
        super().__init__(folder, "Welcome to Day in My Life", 720, parent)
        self.layout_.addWidget(_label(
            "Everything you record is kept on this computer only, locked with a passphrase that you "
            "choose now. Choose something long that you will remember, such as four unrelated words."))
        self.layout_.addWidget(_label(
            "⚠ The passphrase cannot be recovered or reset by anyone. If it is lost, everything in Day in "
            "My Life is lost with it. Once you have recorded something, make an encrypted backup "
            "(Store → Back up…) and keep it somewhere safe.", "warning"))
        form = QFormLayout()
        self.passphrase.setAccessibleName("New passphrase")
        self.passphrase.setAccessibleDescription(
            f"Choose a passphrase of at least {MIN_LENGTH} characters, such as four unrelated words. "
            "What you type is hidden.")
        self.repeat = _secret("Type it again: the new passphrase", "Type the same passphrase again, to be sure of it.")
        first = QLabel("&Passphrase")
        first.setBuddy(self.passphrase)
        again = QLabel("&Type it again")
        again.setBuddy(self.repeat)
        form.addRow(first, self.passphrase)
        form.addRow(again, self.repeat)
        self.layout_.addLayout(form)
        self.understand = QCheckBox("I understand that a lost passphrase cannot be recovered")
        self.understand.setAccessibleName(self.understand.text())
        self.understand.setAccessibleDescription(
            "Nobody can reset the passphrase. If it is lost, everything recorded here is lost with it.")
        self.layout_.addWidget(self.understand)
        self.layout_.addWidget(self.message)
        self.create_button = QPushButton("Create my locked store")
        self.create_button.setAccessibleName("Create my locked store")
        self.create_button.setAccessibleDescription(
            "Creates the encrypted store on this computer, locked with the passphrase above, and opens it.")
        self.create_button.setAutoDefault(True)
        self.layout_.addWidget(self.create_button)
        self.create_button.clicked.connect(self.create)
        self.repeat.returnPressed.connect(self.create)
        self.add_restore_button("Instead of setting up a new store, puts back the cases from an encrypted "
                                "backup made with Store → Back up…, for example on a new computer.")

    def create(self) -> None:
        first, again = self.passphrase.text(), self.repeat.text()
        if len(first) < MIN_LENGTH:
            return self.say(f"Choose a passphrase of at least {MIN_LENGTH} characters.")
        if first != again:
            return self.say("The two passphrases are not the same. Type them again.")
        if not self.understand.isChecked():
            return self.say("Tick the box to show you understand a lost passphrase cannot be recovered.")
        if self.folder_refused():
            return
        from ..session import StoreError, create_store  # imported on use: the lock screen must appear fast

        try:
            store = create_store(self.folder, first)
        except StoreError as exc:
            return self.say(str(exc))
        self.passphrase.clear()
        self.repeat.clear()
        self.unlocked.emit(store)

    def reset(self) -> None:
        super().reset()
        self.repeat.clear()


class UnlockPage(_Page):
    def __init__(self, folder: Path, parent: QWidget | None = None):
        super().__init__(folder, "Day in My Life is locked", 560, parent)
        form = QFormLayout()
        label = QLabel("&Passphrase")
        label.setBuddy(self.passphrase)
        form.addRow(label, self.passphrase)
        self.layout_.addLayout(form)
        self.layout_.addWidget(self.message)
        self.unlock_button = QPushButton("Unlock")
        self.unlock_button.setAccessibleName("Unlock")
        self.unlock_button.setAccessibleDescription("Opens the store with the passphrase typed above.")
        self.unlock_button.setAutoDefault(True)
        self.layout_.addWidget(self.unlock_button)
        self.unlock_button.clicked.connect(self.unlock)
        self.passphrase.returnPressed.connect(self.unlock)
        self.add_restore_button("The store's database is missing from its folder: puts back the cases from "
                                "an encrypted backup made with Store → Back up….")

    def reset(self) -> None:
        super().reset()
        from ..datadir import store_missing

        self.restore_button.setVisible(store_missing(self.folder))  # only where there is nothing to unlock
        if store_missing(self.folder):
            from ..datadir import missing_message

            show_status(self.message, missing_message(self.folder), say=False)

    def unlock(self) -> None:
        from ..session import StoreError, open_store  # imported on use: the lock screen must appear fast
        from .. import trace

        trace.mark("unlock")
        typed = self.passphrase.text()
        self.passphrase.clear()
        if self.folder_refused():
            return
        try:
            store = open_store(self.folder, typed)
        except StoreError as exc:
            return self.say(str(exc))
        show_status(self.message, "", say=False)
        self.unlocked.emit(store)
