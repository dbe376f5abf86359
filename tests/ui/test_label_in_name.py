"""The accessibility walk's "label in name" rule (WCAG 2.5.3), on small screens made for it: a voice-control
user says what they see, so a control named otherwise cannot be reached by voice."""

from __future__ import annotations

from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QPushButton,
                               QTabWidget, QToolButton, QVBoxLayout, QWidget)

from tests.ui.a11y import contains_label, gaps, label_gaps, words


def test_labels_are_compared_as_the_words_said():
    assert words("Co&mpare and analyse…") == "compare and analyse"
    assert words("← Previous stage") == "previous stage"
    assert words("Case &reference (required):") == "case reference required"
    assert words("Tom && Jerry") == "tom jerry"
    assert contains_label("Hand to the child: start child mode", "Hand to the child…")
    assert not contains_label("Start child mode", "Hand to the child…")
    assert contains_label("Action 1: by a date", "By")
    assert not contains_label("Action 1: bypass", "By")  # whole words, not letters


def screen(qtbot) -> QWidget:
    root = QWidget()
    qtbot.addWidget(root)
    QVBoxLayout(root)
    return root


def test_a_button_named_otherwise_than_it_reads_is_found(qtbot):
    root = screen(qtbot)
    hand = QPushButton("Hand to the child…")
    hand.setAccessibleName("Start child mode")
    hand.setAccessibleDescription("For the child")
    root.layout().addWidget(hand)
    root.show()
    assert gaps(root) == ["QPushButton 'Start child mode': named 'Start child mode', not containing its text "
                          "'Hand to the child…'"]
    hand.setAccessibleName("Hand to the child: start child mode")
    assert gaps(root) == []


def test_buddies_boxes_groups_and_status_labels(qtbot):
    root = screen(qtbot)
    form = QFormLayout()
    combo, edit = QComboBox(), QLineEdit()
    combo.addItem("All types")
    combo.setAccessibleName("Show topics about this type of neglect")
    edit.setAccessibleName("Who told us")
    form.addRow("Type of &neglect:", combo)
    form.addRow("Source", edit)
    root.layout().addLayout(form)
    box = QCheckBox("Only &differences")
    box.setAccessibleName("Show only the topics where the answers differ")
    group = QGroupBox("Add a child")
    group.setAccessibleName("Child's details")
    saved = QLabel("✓ All changes saved")
    saved.setAccessibleName("Saved state")
    icon = QToolButton()
    icon.setIcon(QIcon(QPixmap(8, 8)))
    icon.setText("Choose from a calendar")
    icon.setAccessibleName("Calendar for the date of birth")
    for w in (box, group, saved, icon):
        root.layout().addWidget(w)
    root.show()
    found = label_gaps(root)
    assert len(found) == 4, found
    assert any("'Who told us'" in g and "'Source'" in g for g in found)
    assert any("Only &differences" in g for g in found)
    assert any("'Add a child'" in g for g in found)
    assert any("'Saved state'" in g for g in found)  # a fixed name on changing text
    assert not any("neglect" in g or "calendar" in g.lower() for g in found)  # contained; icon only


def test_every_tab_is_checked(qtbot):
    root = screen(qtbot)
    tabs = QTabWidget()
    tabs.addTab(QWidget(), "&Compare perspectives")
    tabs.addTab(QWidget(), "Export to &Word")
    root.layout().addWidget(tabs)
    root.show()
    assert label_gaps(root) == []
