""""Something was disclosed": recording a disclosure during an interview, and the next steps.

The practitioner writes down the person's exact words; the question asked just before is filled
in from the topic on screen (and can be corrected); the time is taken when it is saved. The window
then shows what to do next, in plain words. The tool guides: it never refers anyone itself, and
never judges what was said.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ..case import Case, Interview
from ..session import StoreError
from ..wording import DISCLOSURE_STEPS
from .announce import show_status
from .widgets import plain_label, text_box


class DisclosureWindow(QDialog):
    """Opened from the interview page; `recorded` is emitted with the Disclosure once it is saved."""

    recorded = Signal(object)

    def __init__(self, shell, case: Case, interview: Interview, asked: str, topic_key: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.shell, self.case, self.interview, self.topic_key = shell, case, interview, topic_key
        self.setObjectName("disclosureWindow")
        self.setWindowTitle("Something was disclosed")
        self.setModal(True)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label("For you, not the family. Write down what was said, in the person's own "
                                     "words, as soon as you can.", "guidance"))
        words_label = QLabel("Their &exact words:")
        self.words = text_box("Their exact words", "What the person said, word for word, as they said it", 5)
        words_label.setBuddy(self.words)
        layout.addWidget(words_label)
        layout.addWidget(self.words)
        asked_label = QLabel("The &question asked just before:")
        self.asked = QLineEdit(asked)
        self.asked.setCursorPosition(0)  # the start of the question in view
        self.asked.setAccessibleName("The question asked just before")
        self.asked.setAccessibleDescription("Filled in from the topic on screen; correct it if something else was asked")
        asked_label.setBuddy(self.asked)
        layout.addWidget(asked_label)
        layout.addWidget(self.asked)
        self.message = plain_label("", "message")
        self.message.setVisible(False)
        layout.addWidget(self.message)
        self.steps = plain_label("What to do next:\n" + "\n".join(f"• {s}" for s in DISCLOSURE_STEPS), "guidance")
        self.steps.setObjectName("disclosureSteps")
        layout.addWidget(self.steps)
        buttons = QHBoxLayout()
        self.save_button = QPushButton("&Save what was said")
        self.save_button.setDefault(True)
        self.save_button.setAccessibleName("Save what was said")
        self.save_button.setAccessibleDescription("Records the words, the question before them and the time with "
                                                  "this interview")
        self.close_button = QPushButton("Close")
        self.close_button.setAccessibleName("Close")
        self.close_button.setAccessibleDescription("Closes this window; what was saved stays with the interview")
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.close)
        self.resize(self.fontMetrics().horizontalAdvance("x" * 70), self.sizeHint().height())
        self.words.setFocus()

    def save(self) -> None:
        words = self.words.toPlainText()
        if not words.strip():
            self._say("Write down what was said first, in the person's own words.")
            self.words.setFocus()
            return
        try:
            disclosure = self.shell.session.record_disclosure(self.case, self.interview, words, self.asked.text(),
                                                              self.topic_key)
        except StoreError as exc:
            self._say(f"Not saved: {exc} Keep this window open and copy the words somewhere safe.")
            return
        when = disclosure.at.astimezone() if disclosure.at.tzinfo else disclosure.at
        self._say(f"Saved with this interview at {when:%H:%M}. Now follow the steps below.", assertive=False)
        self.words.setReadOnly(True)
        self.asked.setReadOnly(True)
        self.save_button.setEnabled(False)
        self.close_button.setFocus()
        self.recorded.emit(disclosure)

    def _say(self, text: str, assertive: bool = True) -> None:
        self.message.setVisible(True)
        show_status(self.message, text, assertive=assertive, repeat=True)

