"""Continuing an interview opens it where it was left, as the practitioner left it (it opened at the
first stage, and she paged through what was done to find her place)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from dayinlife.case import AdultRole, Answer, Perspective, PerspectiveKind
from tests.ui.conftest import unlocked_window

PASS = "not a real passphrase"


@pytest.fixture
def window(qtbot, tmp_path, library):
    w = unlocked_window(qtbot, tmp_path / "data", library, PASS)
    s = w.session
    case = s.new_case("FICT-CONT-1")
    mum = s.add_adult(case, "Dee Fictional", AdultRole.MOTHER)
    amy = s.add_child(case, name="Amy Fictional", date_of_birth=date(2017, 4, 2))
    iv = s.start_interview(case, amy, Perspective(PerspectiveKind.PARENT, mum.id), "primary", date(2026, 11, 20))
    yield w, s, case, iv
    w.close()


def continue_it(qtbot, w, case):
    w.open_case(case.id)
    page = w.case_page
    page.child_table.setFocus()
    qtbot.mouseClick(page.continue_button, Qt.MouseButton.LeftButton)
    assert w.stack.currentWidget() is w.interview_page
    return w.interview_page


def test_continue_opens_where_the_interview_was_left(qtbot, window, library):
    w, s, case, iv = window
    stages = library.get("primary").stages
    assert continue_it(qtbot, w, case).stage_index == 0          # not begun: the first stage
    for topic in stages[0].topics:                                # the first stage done
        s.save_answer(iv, topic.key, Answer("Fictional words"))
    later = next(i for i, st in enumerate(stages) if i > 0 and len(st.topics) >= 2)
    s.save_answer(iv, stages[later].topics[0].key, Answer("Fictional words"))   # a later one begun
    assert continue_it(qtbot, w, case).stage_index == later      # where it was left
    for topic in stages[later].topics:
        s.save_answer(iv, topic.key, Answer("Fictional words"))
    assert continue_it(qtbot, w, case).stage_index == later + 1  # that one done: the next
