"""Every modal question the app asks goes through here, so tests can answer it in one place.

Tests replace `ASK` (see tests/ui/conftest.py); nothing else in the app calls `exec()`.
"""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget


def _ask_with_qt(kind: str, parent: QWidget | None, title: str, text: str, **options):
    if kind == "confirm":
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Cancel, parent)
        ok = box.addButton(options.get("ok_label", "OK"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is ok
    if kind == "error":
        QMessageBox.critical(parent, title, text)
        return None
    if kind == "info":
        QMessageBox.information(parent, title, text)
        return None
    if kind == "save_path":
        from pathlib import Path

        from PySide6.QtWidgets import QFileDialog

        chosen, _ = QFileDialog.getSaveFileName(parent, title, text, options.get("file_filter", ""))
        return Path(chosen) if chosen else None
    if kind == "open_path":
        from pathlib import Path

        from PySide6.QtWidgets import QFileDialog

        chosen, _ = QFileDialog.getOpenFileName(parent, title, text, options.get("file_filter", ""))
        return Path(chosen) if chosen else None
    if kind == "passphrase":
        value, ok = QInputDialog.getText(parent, title, text, QLineEdit.EchoMode.Password)
        return value if ok else None
    raise ValueError(kind)


ASK = _ask_with_qt


def confirm(parent: QWidget | None, title: str, text: str, ok_label: str = "OK") -> bool:
    return bool(ASK("confirm", parent, title, text, ok_label=ok_label))


def error(parent: QWidget | None, text: str, title: str = "Day in My Life") -> None:
    ASK("error", parent, title, text)


def info(parent: QWidget | None, text: str, title: str = "Day in My Life") -> None:
    ASK("info", parent, title, text)


def passphrase(parent: QWidget | None, text: str, title: str = "Day in My Life") -> str | None:
    return ASK("passphrase", parent, title, text)


def save_path(parent: QWidget | None, title: str, suggested: str, file_filter: str):
    """A place to save a file, from the platform's own dialog; None if cancelled."""
    return ASK("save_path", parent, title, suggested, file_filter=file_filter)


def open_path(parent: QWidget | None, title: str, file_filter: str, start: str = ""):
    """A file to read, from the platform's own dialog; None if cancelled."""
    return ASK("open_path", parent, title, start, file_filter=file_filter)
