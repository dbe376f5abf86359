"""Small widget makers shared by the screens."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPlainTextEdit


def text_box(name: str, description: str, lines: int = 4) -> QPlainTextEdit:
    """A box for a few lines of free text, named and described for screen readers, as tall as
    ``lines`` of the current font (so it grows with the text size)."""
    box = QPlainTextEdit()
    box.setAccessibleName(name)
    box.setAccessibleDescription(description)
    box.setTabChangesFocus(True)  # Tab moves on; Enter makes a new line
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 14)
    return box


def plain_label(text: str = "", role: str = "") -> QLabel:
    """Wrapped plain text (never read as HTML), selectable with the mouse."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if role:
        label.setProperty("role", role)
    return label
