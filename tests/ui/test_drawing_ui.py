"""Draw it, in child mode, as a child draws: the mouse (as a finger or a pen gives it), a colour
tapped, undo and clear, the keys alone; the grown-up types what the child said; Done keeps it with
the interview (never as a file), and compare shows it with those words."""

import io
import tempfile
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel

from tests.ui.conftest import child_mode_window, stored_interview
from tests.ui.test_interview_page import PASS, household, lib, session  # noqa: F401 (fixtures)

SAID = "That's my bed and the telly is on"


def stored(tmp_path: Path, case):
    return stored_interview(tmp_path / "data", PASS, case)


def open_child_mode(qtbot, session, household, monkeypatch):
    return child_mode_window(qtbot, session, household, monkeypatch, size=(1000, 900))


def stroke(qtbot, pad, points):
    """A line drawn with the left button held, point by point, as the window system sends it."""
    first = QPoint(*points[0])
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=first)
    for x, y in points[1:]:
        at = QPointF(x, y)
        move = QMouseEvent(QMouseEvent.Type.MouseMove, at, pad.mapToGlobal(at), Qt.MouseButton.NoButton,
                           Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(pad, move)
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(*points[-1]))


def colours_in(png: bytes) -> set:
    im = Image.open(io.BytesIO(png)).convert("RGB")
    return {c for _n, c in im.getcolors(1_000_000)}


def test_a_child_draws_and_the_grown_up_types_what_they_said(qtbot, session, household, monkeypatch, tmp_path):
    temp_before = {p.name for p in Path(tempfile.gettempdir()).iterdir()}
    window = open_child_mode(qtbot, session, household, monkeypatch)
    try:
        assert window.draw_button.isVisible()
        qtbot.mouseClick(window.draw_button, Qt.MouseButton.LeftButton)
        pad = window.pad
        assert window.drawing_panel.isVisible() and pad.isVisible() and pad.is_empty
        assert not window.undo_button.isEnabled() and not window.clear_button.isEnabled()
        w, h = pad.width(), pad.height()
        stroke(qtbot, pad, [(w // 4, h // 2), (w // 3, h // 3), (w // 2, h // 2)])
        assert not pad.is_empty and window.clear_button.isEnabled()
        red = next(b for b in window.colour_buttons if b.text() == "Red")
        qtbot.mouseClick(red, Qt.MouseButton.LeftButton)
        assert red.isChecked()
        stroke(qtbot, pad, [(w // 2, h // 4), (3 * w // 4, 3 * h // 4)])
        assert len(pad.strokes) == 2 and pad.strokes[1].colour == red.property("colour")
        qtbot.mouseClick(window.undo_button, Qt.MouseButton.LeftButton)
        assert len(pad.strokes) == 1  # the red line is gone
        qtbot.mouseClick(window.clear_button, Qt.MouseButton.LeftButton)
        assert pad.is_empty and window.undo_button.isEnabled()
        qtbot.mouseClick(window.undo_button, Qt.MouseButton.LeftButton)
        assert len(pad.strokes) == 1  # Clear undone: the drawing is back
        stroke(qtbot, pad, [(w // 2, h // 4), (3 * w // 4, 3 * h // 4)])  # red again
        qtbot.mouseClick(window.caption.viewport(), Qt.MouseButton.LeftButton)
        qtbot.keyClicks(window.caption, SAID)
        qtbot.mouseClick(window.drawing_done, Qt.MouseButton.LeftButton)
        assert not window.drawing_panel.isVisible() and window.scroll.isVisible()
        assert window.drawn_note.isVisible() and window.drawn_note.text() == "✓ Your drawing is kept"
        (kept,) = stored(tmp_path, household).drawings
        assert kept.caption == SAID and (kept.stage_key, kept.topic_key) == (window.steps[0][0].id, "getting_up")
        seen = colours_in(kept.png)
        assert (255, 255, 255) in seen and any(r > 150 and g < 90 and b < 90 for r, g, b in seen)  # the red line
        assert any(r < 60 and g < 60 and b < 60 for r, g, b in seen)  # and the black one
        assert Image.open(io.BytesIO(kept.png)).size == (1000, 750)
    finally:
        window.leave()
        window.deleteLater()
    new = {p for p in {p.name for p in Path(tempfile.gettempdir()).iterdir()} - temp_before
           if p.lower().endswith((".png", ".jpg", ".bmp"))}
    assert not new, "a picture was written to the temporary folder"
    assert not list(tmp_path.rglob("*.png"))


def test_drawing_by_keys_alone(qtbot, session, household, monkeypatch, tmp_path):
    window = open_child_mode(qtbot, session, household, monkeypatch)
    try:
        window.draw_button.setFocus()
        QTest.keyClick(window.draw_button, Qt.Key.Key_Space)
        pad = window.pad
        assert QApplication.focusWidget() is pad
        QTest.keyClick(pad, Qt.Key.Key_Space)  # pen down
        for _ in range(6):
            QTest.keyClick(pad, Qt.Key.Key_Right)
        QTest.keyClick(pad, Qt.Key.Key_Space)  # pen up
        assert len(pad.strokes) == 1 and len(pad.strokes[0].points) == 7
        QTest.keyClick(pad, Qt.Key.Key_Tab)
        while QApplication.focusWidget() is not window.drawing_done:
            QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        QTest.keyClick(window.drawing_done, Qt.Key.Key_Space)
        assert len(stored(tmp_path, household).drawings) == 1
    finally:
        window.leave()
        window.deleteLater()


def test_a_drawing_left_open_when_the_app_locks_is_kept(qtbot, session, household, monkeypatch, tmp_path):
    window = open_child_mode(qtbot, session, household, monkeypatch)
    try:
        qtbot.mouseClick(window.draw_button, Qt.MouseButton.LeftButton)
        stroke(qtbot, window.pad, [(20, 20), (120, 80)])
    finally:
        window.leave()  # as the lock does
        window.deleteLater()
    assert len(stored(tmp_path, household).drawings) == 1


def test_compare_shows_the_drawing_with_the_childs_words(qtbot, session, household, monkeypatch, tmp_path):
    from tests.ui.test_compare_page import CompareShell

    window = open_child_mode(qtbot, session, household, monkeypatch)
    try:
        qtbot.mouseClick(window.draw_button, Qt.MouseButton.LeftButton)
        stroke(qtbot, window.pad, [(20, 20), (120, 80)])
        qtbot.mouseClick(window.caption.viewport(), Qt.MouseButton.LeftButton)
        qtbot.keyClicks(window.caption, SAID)
        qtbot.mouseClick(window.drawing_done, Qt.MouseButton.LeftButton)
    finally:
        window.leave()
        window.deleteLater()
    from dayinlife.ui.compare_page import ComparePage

    page = ComparePage(CompareShell(session))
    qtbot.addWidget(page)
    page.resize(1300, 800)
    page.show()
    page.show_child(household, household.children[0])
    row, col = page.cell_for("getting_up", page.comparison.voices[0].label)
    assert page.grid.item(row, col).text().startswith("✎ ")
    assert page.grid.item(row, col).data(Qt.ItemDataRole.AccessibleTextRole).endswith(", and a drawing")
    qtbot.mouseClick(page.grid.viewport(), Qt.MouseButton.LeftButton,
                     pos=page.grid.visualRect(page.grid.model().index(row, col)).center())
    shown = [w for w in page.answer_area.widget().findChildren(QLabel)
             if w.pixmap() is not None and not w.pixmap().isNull() and w.accessibleName().endswith("drawing")]
    assert len(shown) == 1 and 120 <= shown[0].pixmap().width() <= 320
    assert f"They said: “{SAID}”" in page.answer_text()
