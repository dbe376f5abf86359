"""Status text that changes is told to assistive technology: announced (Qt's accessibility announcement)
and carried by the label's accessible name, so a screen reader hears "That passphrase is not right",
"All changes saved", "6 of 20 topics answered" and the export's result, not a fixed "Message".

Driven through the real widgets; what is announced is heard where the app makes it (the `heard`
fixture). tests/ui/test_atspi.py listens to the real thing through AT-SPI.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel

from dayinlife.ui import announce


def texts(heard) -> list[str]:
    return [text for text, _assertive in heard]


@pytest.fixture
def later(monkeypatch):
    """Move the announcer's clock on, as if the person had paused: `later(20)`."""
    now = [1000.0]
    monkeypatch.setattr(announce, "clock", lambda: now[0])

    def move(seconds: float) -> None:
        now[0] += seconds
    return move


# ------------------------------------------------------------------ the helper


def test_a_status_label_is_named_by_what_it_shows_and_says_it_once(qtbot, heard, later):
    label = QLabel()
    qtbot.addWidget(label)
    announce.show_status(label, "✓ All changes saved", words="All changes saved", context="Saved state")
    assert label.text() == "✓ All changes saved"
    assert label.accessibleName() == "Saved state: All changes saved"
    announce.show_status(label, "✓ All changes saved", words="All changes saved", context="Saved state")
    assert heard == [("All changes saved", False)]  # the same text again is a refresh: silent
    announce.show_status(label, "Saving…", say=False)
    assert label.accessibleName() == "Saving…" and len(heard) == 1  # the name follows, nothing said
    announce.show_status(label, "")
    assert label.accessibleName() == "" and len(heard) == 1


def test_the_same_words_are_not_said_twice_in_a_moment_unless_asked(qtbot, heard, later):
    one, two = QLabel(), QLabel()
    qtbot.addWidget(one)
    qtbot.addWidget(two)
    announce.show_status(one, "Not saved: the disk is full.", assertive=True)
    announce.show_status(two, "Not saved: the disk is full.", assertive=True)  # the status bar's copy
    assert heard == [("Not saved: the disk is full.", True)]
    later(3)
    announce.show_status(one, "Not saved: the disk is full.", repeat=True, assertive=True)
    assert len(heard) == 2
