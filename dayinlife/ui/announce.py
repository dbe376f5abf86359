"""Telling assistive technology that status text changed: "That passphrase is not right", "All changes
saved", "6 of 20 topics answered", the export's result.

A screen reader reads what has focus. Text that changes somewhere else on the screen is heard only if
the app says so: Qt 6.8+ sends an announcement (`QAccessibleAnnouncementEvent`: AT-SPI's
object:announcement for Orca, a UI Automation notification for NVDA and JAWS). The label's accessible
name also carries the live text (Qt sends name-changed with it), so a screen reader that misses the
announcement, or a user who reads the screen again, finds the words that are shown, never a fixed
"Message".

`show_status(label, text)` is what the screens call; `announce(widget, text)` is the announcement alone
(the status bar's passing messages, which are painted, not a label).
"""

from __future__ import annotations

import time
from typing import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QLabel

try:  # Qt 6.8 and later
    from PySide6.QtGui import QAccessibleAnnouncementEvent
except ImportError:  # pragma: no cover - older Qt: the live name and its name-changed event carry it
    QAccessibleAnnouncementEvent = None

ECHO_S = 2.0            # the same words are not said twice within this (a page's label and the status bar)
SETTLED_REPEAT_S = 15.0  # "All changes saved" after every pause in typing: said again only after this

# Called with (widget, text, assertive) for every announcement made: the tests listen here, since Qt
# gives Python no way to watch its accessibility events.
LISTENERS: list[Callable[[QObject, str, bool], None]] = []
_said: dict[str, float] = {}   # words -> when they were last announced (monotonic seconds)
clock = time.monotonic


def announce(widget: QObject, text: str, *, assertive: bool = False, again_after: float = ECHO_S) -> bool:
    """Ask assistive technology to say `text` now (politely, after what it is saying, unless
    `assertive`). Nothing is said for empty text, or for the same words said less than `again_after`
    seconds ago. True if it was announced."""
    text = " ".join(text.split())
    if not text:
        return False
    now = clock()
    last = _said.get(text)
    if last is not None and now - last < again_after:
        return False
    _said[text] = now
    for listener in list(LISTENERS):
        listener(widget, text, assertive)
    if QAccessibleAnnouncementEvent is not None and QAccessible.isActive():
        event = QAccessibleAnnouncementEvent(widget, text)
        event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive if assertive
                            else QAccessible.AnnouncementPoliteness.Polite)
        QAccessible.updateAccessibility(event)
    return True


def show_status(label: QLabel, text: str, *, words: str | None = None, context: str = "",
                say: bool = True, repeat: bool = False, assertive: bool = False,
                again_after: float = ECHO_S) -> None:
    """Show `text` in a status label and tell assistive technology.

    `words` is what is said and put in the accessible name when the shown text has a mark in front
    ("✓ All changes saved" is named and said "All changes saved"); `context` goes before it in the name
    only ("Names to hide: Saved with the case"). Nothing is said when `say` is false, when the text is
    empty, or when the label already showed the same text (a refresh that changes nothing is silent)
    unless `repeat` (a problem met again, such as a second wrong passphrase, is said again); the name
    always follows the text."""
    words = " ".join((text if words is None else words).split())
    changed = label.text() != text
    label.setText(text)
    name = f"{context}: {words}" if context and words else words or context
    if label.accessibleName() != name:
        label.setAccessibleName(name)  # Qt sends name-changed itself
    if say and (changed or repeat) and words:
        announce(label, words, assertive=assertive, again_after=again_after)


def forget() -> None:
    """Forget what was said (tests start each from silence)."""
    _said.clear()


__all__ = ["announce", "show_status", "forget", "LISTENERS"]
