"""The first-run screen (choose the passphrase) and the unlock screen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ..store import Store, StoreError, UnlockThrottled
from .forms import child, load_form, register_form

MIN_LENGTH = 8

register_form("first_run_page.ui", {"headingLabel": QLabel, "passphraseEdit": QLineEdit, "repeatEdit": QLineEdit,
                                    "understandCheck": QCheckBox, "messageLabel": QLabel,
                                    "createButton": QPushButton})
register_form("unlock_page.ui", {"headingLabel": QLabel, "passphraseEdit": QLineEdit, "messageLabel": QLabel,
                                 "unlockButton": QPushButton})


class _Page(QWidget):
    unlocked = Signal(object)  # the open Store

    def __init__(self, form_name: str, folder: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.folder = folder
        layout = QVBoxLayout(self)
        self.form = load_form(form_name, self)
        layout.addWidget(self.form)
        child(self.form, "headingLabel", QLabel).setProperty("role", "heading")
        self.message = child(self.form, "messageLabel", QLabel)
        self.message.setProperty("role", "message")
        self.passphrase = child(self.form, "passphraseEdit", QLineEdit)

    def say(self, text: str) -> None:
        self.message.setText(text)

    def reset(self) -> None:
        self.passphrase.clear()
        self.message.clear()
        self.passphrase.setFocus()


class FirstRunPage(_Page):
    def __init__(self, folder: Path, parent: QWidget | None = None):
        super().__init__("first_run_page.ui", folder, parent)
        self.repeat = child(self.form, "repeatEdit", QLineEdit)
        self.understand = child(self.form, "understandCheck", QCheckBox)
        self.create_button = child(self.form, "createButton", QPushButton)
        self.create_button.clicked.connect(self.create)
        self.repeat.returnPressed.connect(self.create)

    def create(self) -> None:
        first, again = self.passphrase.text(), self.repeat.text()
        if len(first) < MIN_LENGTH:
            return self.say(f"Choose a passphrase of at least {MIN_LENGTH} characters.")
        if first != again:
            return self.say("The two passphrases are not the same. Type them again.")
        if not self.understand.isChecked():
            return self.say("Tick the box to show you understand a lost passphrase cannot be recovered.")
        try:
            store = Store.create(self.folder, first)
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
        super().__init__("unlock_page.ui", folder, parent)
        self.unlock_button = child(self.form, "unlockButton", QPushButton)
        self.unlock_button.clicked.connect(self.unlock)
        self.passphrase.returnPressed.connect(self.unlock)

    def unlock(self) -> None:
        typed = self.passphrase.text()
        self.passphrase.clear()
        try:
            store = Store.open(self.folder, typed)
        except UnlockThrottled as exc:
            return self.say(str(exc))
        except StoreError as exc:
            return self.say(str(exc))
        self.message.clear()
        self.unlocked.emit(store)
