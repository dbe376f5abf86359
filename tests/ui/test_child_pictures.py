"""Pictures on the choices a child sees in child mode: the shared scales' options each with their
picture (named in templates/scales.toml), large, the words under each, chosen by mouse or by keys
alone, and saved as the value the child chose."""

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt

from dayinlife.case import Perspective, PerspectiveKind
from dayinlife.store import Store
from dayinlife.ui import dialogs
from dayinlife.ui.autosave import Autosaver
from dayinlife.ui.faces import FeelingsFaces
from tests.ui.test_interview_page import PASS, household, lib, session  # noqa: F401 (fixtures)


def stored(tmp_path: Path, case):
    with Store.open(tmp_path / "data", PASS) as store:
        return store.load_case(case.id).children[0].interviews[0]


def open_child_mode(qtbot, session, household, monkeypatch):
    from dayinlife import people
    from dayinlife.ui.child_mode import ChildModeWindow

    child = household.children[0]
    iv = session.start_interview(household, child, Perspective(PerspectiveKind.CHILD), "primary", date(2026, 11, 20))
    monkeypatch.setattr(dialogs, "ASK", lambda *a, **k: None)
    window = ChildModeWindow(session, Autosaver(session), child, iv, session.template_for(household, iv),
                             named=tuple(people.choices(household, child)), case=household)
    window.resize(1000, 760)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_every_choice_has_its_picture_and_its_words(qtbot, session, household, monkeypatch):
    window = open_child_mode(qtbot, session, household, monkeypatch)
    try:
        assert window.topic.key == "getting_up"
        routine = window.measure_groups["regular"]
        assert isinstance(routine, FeelingsFaces) and routine.isVisible()
        files = {b.label: routine.pictures[b.value].name for b in routine.buttons}
        assert files["Same time every day"] == "clocks-same.svg"  # as templates/scales.toml names it
        assert all(routine.pictures[b.value].is_file() and not b.icon().isNull() for b in routine.buttons)
        for b in routine.buttons:  # the words are always there, under the picture, and named for a screen reader
            assert b.text() and b.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextUnderIcon
            assert b.accessibleName() == f"{window.prompts.measures[1].label}: {b.label}"
        assert min(b.iconSize().width() for b in routine.buttons) >= 48  # large, even on a narrow screen
    finally:
        window.leave()
        window.deleteLater()


def test_chosen_by_keys_alone_and_saved_as_chosen(qtbot, session, household, monkeypatch, tmp_path):
    window = open_child_mode(qtbot, session, household, monkeypatch)
    try:
        routine = window.measure_groups["regular"]
        first = routine.buttons[0]
        first.setFocus()
        qtbot.keyClick(first, Qt.Key.Key_Right)  # the arrow keys move between the pictures
        second = routine.buttons[1]
        assert second.hasFocus() or window.focusWidget() is second
        qtbot.keyClick(second, Qt.Key.Key_Space)  # Space chooses
        assert routine.value() == second.value
        qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)  # on: saved
        qtbot.waitUntil(lambda: stored(tmp_path, household).answers.get("getting_up") is not None, timeout=5000)
        assert stored(tmp_path, household).answers["getting_up"].measures["regular"] == second.value
        qtbot.mouseClick(window.back_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(window.back_button, Qt.MouseButton.LeftButton)  # back: the choice is shown again
        again = window.measure_groups["regular"]
        assert again.value() == second.value
        chosen = next(b for b in again.buttons if b.value == second.value)
        qtbot.mouseClick(chosen, Qt.MouseButton.LeftButton)  # tapped again: cleared
        assert again.value() is None
        qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "regular" not in stored(tmp_path, household).answers["getting_up"].measures,
                        timeout=5000)
    finally:
        window.leave()
        window.deleteLater()
