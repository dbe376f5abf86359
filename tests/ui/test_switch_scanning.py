"""Child mode with a switch: two keys only (Space moves the frame, Enter chooses), each key sent where
the keyboard focus is, as a switch interface sends it. The child answers the pictures, turns the
page, chooses a face and presses "Something worries me" without a mouse or an arrow key."""

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from dayinlife.ui import dialogs
from dayinlife.ui.faces import FeelingsFaces
from tests.ui.conftest import child_mode_window, stored_interview
from tests.ui.test_interview_page import PASS, household, lib, session  # noqa: F401 (fixtures)


def stored(tmp_path: Path, case):
    return stored_interview(tmp_path / "data", PASS, case)


def open_child_mode(qtbot, session, household, monkeypatch, scanning=True):
    window = child_mode_window(qtbot, session, household, monkeypatch, scanning=scanning)
    qtbot.waitUntil(lambda: window.scanner is None or window.scanner.current is not None, timeout=3000)
    return window


def press(qtbot, window, key, times=1):
    """A switch: the key goes to whatever has the keyboard focus, as from a switch interface."""
    for _ in range(times):
        QTest.keyClick(QApplication.focusWidget() or window, key)
        qtbot.wait(60)  # a person presses a switch again no sooner than this


def framed(window):
    """The framed button, and that the frame is drawn round it (on screen, where it is)."""
    scanner = window.scanner
    b = scanner.current
    assert b is not None and b.hasFocus()
    QApplication.processEvents()
    frame = scanner.frame.geometry()
    where = b.mapTo(window, b.rect().center())
    assert scanner.frame.isVisible() and frame.contains(where)
    return b


def test_two_keys_answer_a_page_turn_it_and_choose_a_face(qtbot, session, household, monkeypatch, tmp_path):
    window = open_child_mode(qtbot, session, household, monkeypatch)
    try:
        who, routine = (window.measure_groups[m.id] for m in window.prompts.measures[:2])
        assert isinstance(who, FeelingsFaces) and isinstance(routine, FeelingsFaces)
        assert framed(window) is who.buttons[0]  # the page starts on its first picture, not the text box
        press(qtbot, window, Qt.Key.Key_Space)
        assert framed(window) is who.buttons[1]
        press(qtbot, window, Qt.Key.Key_Return)  # chosen, as a tap would
        assert who.value() == who.buttons[1].value
        assert framed(window) is routine.buttons[0]  # on to the next question's first picture
        press(qtbot, window, Qt.Key.Key_Space, 2)
        press(qtbot, window, Qt.Key.Key_Enter)
        assert routine.value() == routine.buttons[2].value
        assert framed(window) is window.next_button  # the last question answered: Next
        press(qtbot, window, Qt.Key.Key_Return)  # the page turns: how it feels
        assert window.part == "feel"
        assert framed(window) is window.faces.buttons[0]
        press(qtbot, window, Qt.Key.Key_Space, 3)
        press(qtbot, window, Qt.Key.Key_Return)
        assert window.faces.value() == window.faces.buttons[3].value
        qtbot.waitUntil(lambda: stored(tmp_path, household).answers.get("getting_up") is not None
                        and stored(tmp_path, household).answers["getting_up"].feeling == window.faces.buttons[3].value,
                        timeout=5000)
        kept = stored(tmp_path, household).answers["getting_up"]
        assert kept.measures == {"who": who.buttons[1].value, "regular": routine.buttons[2].value}
    finally:
        window.leave()
        window.deleteLater()


def test_the_frame_goes_round_and_round_and_never_into_a_text_box(qtbot, session, household, monkeypatch):
    window = open_child_mode(qtbot, session, household, monkeypatch)
    try:
        items = window.scan_items()
        assert window.words not in items and window.done_button not in items  # the grown-up's
        pictures = [b for m in ("who", "regular") for b in window.measure_groups[m].buttons]
        ends = [window.next_button, window.worry_button, window.sort_button, window.draw_button] + (
            [window.read_button] if window.read_button.isVisible() else [])
        assert items == pictures + ends  # Back is not there on the first page: nothing to go back to
        seen = []
        for _ in range(len(items)):
            seen.append(framed(window))
            press(qtbot, window, Qt.Key.Key_Space)
        assert seen == items and framed(window) is items[0]  # round again to the first
        QTest.keyPress(QApplication.focusWidget(), Qt.Key.Key_Space)  # held down: counts once
        for _ in range(3):
            QApplication.sendEvent(QApplication.focusWidget(), _repeat(Qt.Key.Key_Space))
        QTest.keyPress(QApplication.focusWidget(), Qt.Key.Key_Space)  # pressed again, never let go: held
        QTest.keyRelease(QApplication.focusWidget(), Qt.Key.Key_Space)
        assert framed(window) is items[1]
        qtbot.wait(60)
        # a held key sent as let go and pressed again at once (some keyboards, some switch boxes)
        QTest.keyPress(QApplication.focusWidget(), Qt.Key.Key_Space)
        for _ in range(4):
            QTest.keyRelease(QApplication.focusWidget(), Qt.Key.Key_Space)
            QTest.keyPress(QApplication.focusWidget(), Qt.Key.Key_Space)
        QTest.keyRelease(QApplication.focusWidget(), Qt.Key.Key_Space)
        assert framed(window) is items[2]
        qtbot.wait(60)
        # the grown-up clicks into the box and types what the child said: Space and Enter type there
        qtbot.mouseClick(window.words.viewport(), Qt.MouseButton.LeftButton)
        qtbot.keyClicks(window.words, "my mum")
        QTest.keyClick(window.words, Qt.Key.Key_Return)
        assert window.words.toPlainText() == "my mum\n"
    finally:
        window.leave()
        window.deleteLater()


def _repeat(key):
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent

    return QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, " ", True)


def test_something_worries_me_by_switch(qtbot, session, household, monkeypatch, tmp_path):
    window = open_child_mode(qtbot, session, household, monkeypatch)
    try:
        while window.scanner.current is not window.worry_button:
            press(qtbot, window, Qt.Key.Key_Space)
        press(qtbot, window, Qt.Key.Key_Return)
        assert window.worry_panel.isVisible()
        assert framed(window) is window.worry_rather_not  # a switch cannot type: the two answers
        press(qtbot, window, Qt.Key.Key_Space)
        assert framed(window) is window.worry_told
        press(qtbot, window, Qt.Key.Key_Space)
        press(qtbot, window, Qt.Key.Key_Return)  # "I'd rather not say"
        assert not window.worry_panel.isVisible()
        assert framed(window) is window.measure_groups["who"].buttons[0]  # back to the question, from its start
        worries = stored(tmp_path, household).worries
        assert [w.topic_key for w in worries] == ["getting_up"] and not worries[0].words
    finally:
        window.leave()
        window.deleteLater()


def test_without_a_switch_space_still_chooses(qtbot, session, household, monkeypatch):
    window = open_child_mode(qtbot, session, household, monkeypatch, scanning=False)
    try:
        assert window.scanner is None
        routine = window.measure_groups["regular"]
        routine.buttons[1].setFocus()
        QTest.keyClick(routine.buttons[1], Qt.Key.Key_Space)
        assert routine.value() == routine.buttons[1].value
    finally:
        window.leave()
        window.deleteLater()



def test_the_practitioner_hands_over_with_a_switch(qtbot, tmp_path, lib, monkeypatch):
    """From the interview page: tick "With a switch" (a click on its box), hand over, and
    child mode scans."""
    from tests.ui.conftest import unlocked_window
    from tests.ui.test_worries_ui import family

    monkeypatch.setattr(dialogs, "ASK", lambda kind, *a, **k: PASS if kind == "passphrase" else None)
    window = unlocked_window(qtbot, tmp_path / "app", lib, PASS)
    try:
        case, child, kid, mum = family(window)
        window.open_interview(case, child, mum)
        page = window.interview_page
        assert page.switch_check.isVisible()  # a parent's easy-read mode can scan too
        window.open_interview(case, child, kid)
        assert page.switch_check.isVisible() and not page.switch_check.isChecked()
        qtbot.mouseClick(page.switch_check, Qt.MouseButton.LeftButton,
                         pos=page.switch_check.rect().center() - QPoint(page.switch_check.width() // 2 - 8, 0))
        assert page.switch_check.isChecked()
        qtbot.mouseClick(page.child_mode_button, Qt.MouseButton.LeftButton)
        screen = window.child_window
        assert screen is not None and screen.isVisible() and screen.scanner is not None
        qtbot.waitUntil(lambda: screen.scanner.current is not None, timeout=3000)
        first = framed(screen)
        assert first is screen.scan_items()[0]
        press(qtbot, screen, Qt.Key.Key_Return)
        group = next(iter(screen.measure_groups.values()))
        assert group.value() == first.value
        screen.ask_to_leave()
        assert window.child_window is None
        assert page.switch_check.isChecked()  # back on the same interview: still ticked
        window.open_interview(case, child, mum)
        assert not page.switch_check.isChecked()  # another person's interview: not carried over
    finally:
        window.close()
