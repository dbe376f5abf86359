"""The five feelings faces: the pictures, and the widget that chooses one (or none)."""

import re

import pytest
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QAccessible, QColor, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

from dayinlife.interview import MeasureChoice
from dayinlife.paths import resources_dir, templates_dir
from dayinlife.template_loader import SCALES_FILE, load_scales
from dayinlife.ui.faces import FeelingsFaces, face_icon_path


@pytest.fixture(scope="module")
def feeling():
    scales, problems = load_scales(templates_dir() / SCALES_FILE)
    assert not problems
    return scales["feeling"]


@pytest.fixture(scope="module")
def also_felt():
    scales, problems = load_scales(templates_dir() / SCALES_FILE)
    return scales["also_felt"]


@pytest.fixture(scope="module")
def every_face(feeling, also_felt):
    """The five faces and the other feelings a child can add beside them: each has its picture."""
    return feeling.values + also_felt.values


def adult_options(scale):
    return MeasureChoice("feeling", "How it feels", scale, child_words=False).options()


def child_options(scale):
    return MeasureChoice("feeling", "How it feels", scale, child_words=True).options()


def make(qtbot, scale, **kwargs):
    faces = FeelingsFaces(adult_options(scale), **kwargs)
    qtbot.addWidget(faces)
    faces.show()
    qtbot.waitExposed(faces)
    return faces


def render(path, px):
    image = QImage(px, px, QImage.Format.Format_ARGB32)
    image.fill(QColor(0, 0, 0, 0))
    painter = QPainter(image)
    QSvgRenderer(str(path)).render(painter, QRectF(0, 0, px, px))
    painter.end()
    return image


def opaque_share(image):
    opaque = sum(1 for y in range(image.height()) for x in range(image.width())
                 if image.pixelColor(x, y).alpha() > 200)
    return opaque / (image.width() * image.height())


class Recorder:
    def __init__(self, faces):
        self.values = []
        faces.changed.connect(self.values.append)


# ---------------------------------------------------------------------------- the pictures

def test_every_feeling_has_a_valid_self_contained_svg(feeling, every_face):
    assert feeling.values == ("very_happy", "happy", "okay", "unhappy", "very_unhappy")
    for value in every_face:
        path = face_icon_path(value)
        assert path == resources_dir() / "faces" / f"{value}.svg"
        assert path.is_file(), path
        text = path.read_text("utf-8")
        assert re.search(r"<title>[^<]+</title>", text), f"{path.name} has no <title>"
        assert 'viewBox="0 0 100 100"' in text
        # Nothing outside the file: no links, images, fonts or stylesheets.
        without_namespace = text.replace('xmlns="http://www.w3.org/2000/svg"', "")
        for outside in ("href", "http:", "https:", "<image", "@import", "url("):
            assert outside not in without_namespace, f"{path.name} refers to something outside ({outside})"
        renderer = QSvgRenderer(str(path))
        assert renderer.isValid(), path
        assert renderer.viewBoxF() == QRectF(0, 0, 100, 100)


@pytest.mark.parametrize("px", [32, 160])
def test_faces_draw_something_and_differ_from_each_other(every_face, px):
    images = {v: render(face_icon_path(v), px) for v in every_face}
    for value, image in images.items():
        # A round face fills about pi/4 of its square; the corners stay clear.
        assert 0.6 < opaque_share(image) < 0.85, value
        assert image.pixelColor(0, 0).alpha() == 0, value
    values = list(images)
    for i, a in enumerate(values):
        for b in values[i + 1:]:
            assert images[a] != images[b], f"{a} and {b} look the same"


def test_faces_differ_by_shape_not_only_colour(every_face):
    """Reduced to dark lines (the drawing, not the fill colours), every pair of faces still differs."""
    def lines(value):
        image = render(face_icon_path(value), 64)
        return tuple(image.pixelColor(x, y).lightness() < 90 and image.pixelColor(x, y).alpha() > 200
                     for y in range(64) for x in range(64))

    drawn = {v: lines(v) for v in every_face}
    values = list(drawn)
    for i, a in enumerate(values):
        for b in values[i + 1:]:
            differing = sum(p != q for p, q in zip(drawn[a], drawn[b]))
            assert differing > 60, f"{a} and {b} differ by only {differing} line pixels"


def test_buttons_show_the_pictures(qtbot, feeling):
    faces = make(qtbot, feeling)
    for button in faces.buttons:
        assert not button.icon().isNull()
        assert not button.icon().pixmap(QSize(40, 40)).isNull()
        shot = button.grab().toImage()
        assert not shot.isNull() and shot.width() > 0
        # The face's outline colour appears on the button.
        assert any(shot.pixelColor(x, y).lightness() < 80
                   for y in range(0, shot.height(), 2) for x in range(0, shot.width(), 2))


# ---------------------------------------------------------------------------- the widget

def test_labels_are_always_shown_and_follow_the_words_given(qtbot, feeling):
    child = FeelingsFaces(child_options(feeling))
    qtbot.addWidget(child)
    assert [b.text() for b in child.buttons] == ["Really happy", "Happy", "Okay", "Sad", "Really sad"]
    adult = make(qtbot, feeling)
    assert [b.text() for b in adult.buttons] == ["Very happy", "Happy", "Okay", "Unhappy", "Very unhappy"]
    assert all(b.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextUnderIcon for b in adult.buttons)
    assert adult.value() is None
    assert not any(b.isChecked() for b in adult.buttons)


def test_mouse_chooses_one_face_and_clicking_it_again_clears(qtbot, feeling):
    faces = make(qtbot, feeling)
    seen = Recorder(faces)
    happy, sad = faces.button("happy"), faces.button("unhappy")

    qtbot.mouseClick(happy, Qt.MouseButton.LeftButton)
    assert faces.value() == "happy"
    assert seen.values == ["happy"]
    assert happy.isChecked() and happy.font().bold() and "Happy" in happy.text()

    qtbot.mouseClick(sad, Qt.MouseButton.LeftButton)
    assert faces.value() == "unhappy"
    assert [b.value for b in faces.buttons if b.isChecked()] == ["unhappy"]
    assert not happy.font().bold()
    assert seen.values == ["happy", "unhappy"]

    qtbot.mouseClick(sad, Qt.MouseButton.LeftButton)
    assert faces.value() is None
    assert not any(b.isChecked() for b in faces.buttons)
    assert seen.values == ["happy", "unhappy", None]


def test_chosen_face_is_shown_by_more_than_colour(qtbot, feeling):
    faces = make(qtbot, feeling)
    okay = faces.button("okay")
    before_text, before = okay.text(), okay.grab().toImage()
    widths_before = [b.width() for b in faces.buttons]
    qtbot.mouseClick(okay, Qt.MouseButton.LeftButton)
    assert okay.font().bold()
    assert okay.text() != before_text and okay.text().endswith("Okay")  # a tick before the label
    assert okay.grab().toImage() != before
    # Choosing does not make the row jump about.
    qtbot.mouseClick(faces.button("very_unhappy"), Qt.MouseButton.LeftButton)
    assert [b.width() for b in faces.buttons] == widths_before


def test_set_value_and_clear_do_not_signal(qtbot, feeling):
    faces = make(qtbot, feeling)
    seen = Recorder(faces)
    faces.set_value("very_unhappy")
    assert faces.value() == "very_unhappy"
    assert faces.button("very_unhappy").isChecked()
    faces.set_value("happy")
    assert [b.value for b in faces.buttons if b.isChecked()] == ["happy"]
    faces.clear()
    assert faces.value() is None and not any(b.isChecked() for b in faces.buttons)
    faces.set_value("okay")
    faces.set_value(None)
    assert faces.value() is None
    assert seen.values == []
    with pytest.raises(ValueError, match="not one of the faces"):
        faces.set_value("cross")


def test_keyboard_moves_with_arrows_and_chooses_with_space_or_enter(qtbot, feeling):
    faces = make(qtbot, feeling)
    seen = Recorder(faces)
    first = faces.buttons[0]
    first.setFocus()
    qtbot.waitUntil(first.hasFocus)

    qtbot.keyClick(first, Qt.Key.Key_Left)  # already at the start: stays
    assert first.hasFocus()
    qtbot.keyClick(first, Qt.Key.Key_Right)
    qtbot.keyClick(faces.buttons[1], Qt.Key.Key_Right)
    assert faces.buttons[2].hasFocus()
    assert faces.value() is None  # moving does not choose

    qtbot.keyClick(faces.buttons[2], Qt.Key.Key_Space)
    assert faces.value() == "okay" and seen.values == ["okay"]

    qtbot.keyClick(faces.buttons[2], Qt.Key.Key_End)
    assert faces.buttons[4].hasFocus()
    qtbot.keyClick(faces.buttons[4], Qt.Key.Key_Return)
    assert faces.value() == "very_unhappy"
    qtbot.keyClick(faces.buttons[4], Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert faces.value() is None  # Enter again clears
    qtbot.keyClick(faces.buttons[4], Qt.Key.Key_Right)  # already at the end: stays
    assert faces.buttons[4].hasFocus()
    qtbot.keyClick(faces.buttons[4], Qt.Key.Key_Home)
    assert faces.buttons[0].hasFocus()
    qtbot.keyClick(faces.buttons[0], Qt.Key.Key_Space)
    assert seen.values == ["okay", "very_unhappy", None, "very_happy"]


def test_tab_treats_the_faces_as_one_stop(qtbot, feeling):
    host = QWidget()
    layout = QVBoxLayout(host)
    before, after = QLineEdit(), QLineEdit()
    faces = FeelingsFaces(adult_options(feeling))
    for w in (before, faces, after):
        layout.addWidget(w)
    qtbot.addWidget(host)
    host.show()
    qtbot.waitExposed(host)
    host.activateWindow()
    before.setFocus()
    qtbot.waitUntil(before.hasFocus)

    qtbot.keyClick(before, Qt.Key.Key_Tab)
    assert faces.buttons[0].hasFocus()
    qtbot.keyClick(faces.buttons[0], Qt.Key.Key_Tab)
    assert after.hasFocus()
    qtbot.keyClick(after, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert faces.buttons[0].hasFocus()

    # Once a face is chosen, Tab lands on it.
    faces.set_value("unhappy")
    qtbot.keyClick(faces.buttons[0], Qt.Key.Key_Tab)
    assert after.hasFocus()
    qtbot.keyClick(after, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert faces.button("unhappy").hasFocus()
    qtbot.keyClick(faces.button("unhappy"), Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert before.hasFocus()


def test_focus_is_visible(qtbot, feeling):
    faces = make(qtbot, feeling)
    faces.activateWindow()
    button = faces.buttons[1]
    unfocused = button.grab().toImage()
    button.setFocus()
    qtbot.waitUntil(button.hasFocus)
    assert button.grab().toImage() != unfocused


def test_accessible_names_and_checked_state(qtbot, feeling):
    faces = make(qtbot, feeling)
    assert faces.accessibleName() == "How it feels"
    assert [b.accessibleName() for b in faces.buttons] == [
        "Feeling: Very happy", "Feeling: Happy", "Feeling: Okay", "Feeling: Unhappy", "Feeling: Very unhappy"]
    faces.setAccessibleName("How Sam feels at bedtime")
    assert faces.accessibleName() == "How Sam feels at bedtime"

    happy = faces.button("happy")
    qtbot.mouseClick(happy, Qt.MouseButton.LeftButton)
    info = QAccessible.queryAccessibleInterface(happy)
    assert info.text(QAccessible.Text.Name) == "Feeling: Happy"
    assert info.state().checkable and info.state().checked
    assert not QAccessible.queryAccessibleInterface(faces.button("okay")).state().checked


def test_large_faces_are_bigger(qtbot, feeling):
    normal = make(qtbot, feeling)
    large = make(qtbot, feeling, size="large")
    n, l = normal.buttons[0], large.buttons[0]
    assert l.iconSize().width() >= 2.5 * n.iconSize().width()
    assert l.font().pointSizeF() > n.font().pointSizeF()
    assert l.sizeHint().height() > 1.5 * n.sizeHint().height()
    assert large.sizeHint().width() > normal.sizeHint().width()
    with pytest.raises(ValueError):
        FeelingsFaces(adult_options(feeling), size="huge")


def test_a_label_with_an_ampersand_is_not_a_shortcut(qtbot):
    faces = FeelingsFaces([("happy", "Happy & calm")])
    qtbot.addWidget(faces)
    assert faces.buttons[0].text() == "Happy && calm"
    assert faces.buttons[0].accessibleName() == "Feeling: Happy & calm"
    assert QApplication.instance() is not None


@pytest.mark.parametrize("size", ["normal", "large"])
def test_in_a_narrow_space_the_faces_take_more_rows_and_none_is_cut_off(qtbot, feeling, size):
    holder = QWidget()
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    faces = FeelingsFaces(adult_options(feeling), size=size)
    layout.addWidget(faces)
    after = QLineEdit()  # whatever comes next must sit below the faces, not over them
    layout.addWidget(after)
    qtbot.addWidget(holder)
    holder.show()
    one_row = faces.sizeHint().width()
    rows_seen = []
    for width in (one_row + 50, one_row - 1, one_row * 2 // 3, one_row // 3, faces.minimumSizeHint().width()):
        holder.resize(width, 10)  # too short on purpose: the layout must grow it
        holder.setMinimumHeight(layout.totalHeightForWidth(width))
        qtbot.waitUntil(lambda w=width: holder.width() == w and faces.width() == w)
        QApplication.processEvents()
        tops = sorted({b.geometry().top() for b in faces.buttons})
        rows_seen.append(len(tops))
        for b in faces.buttons:  # every face wholly inside the row, and the row inside the window
            assert faces.rect().contains(b.geometry()), (width, b.label, b.geometry(), faces.rect())
        assert faces.geometry().bottom() < after.geometry().top()
        assert faces.geometry().right() <= holder.width()
    assert rows_seen[:2] == [1, 2]  # one row when it fits; the fewest even rows when it does not
    assert rows_seen == sorted(rows_seen) and rows_seen[-1] == 5
    assert faces.rows_for(one_row - 1) == [[0, 1, 2], [3, 4]]  # 3 + 2, not 4 + 1


# ---------------------------------------------------------------------------- more than one (other feelings)

def test_other_feelings_take_any_number_by_mouse_and_keyboard(qtbot, also_felt):
    faces = FeelingsFaces(adult_options(also_felt), multiple=True)
    qtbot.addWidget(faces)
    faces.show()
    qtbot.waitExposed(faces)
    seen = Recorder(faces)
    scared, cross, hurting, worried = faces.buttons
    assert faces.value() == []
    qtbot.mouseClick(worried, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(scared, Qt.MouseButton.LeftButton)
    assert faces.value() == ["scared", "worried"]  # in the scale's order, whatever the order of clicks
    qtbot.mouseClick(worried, Qt.MouseButton.LeftButton)
    assert faces.value() == ["scared"]
    scared.setFocus()
    qtbot.waitUntil(scared.hasFocus)
    qtbot.keyClick(scared, Qt.Key.Key_Right)
    assert cross.hasFocus()
    qtbot.keyClick(cross, Qt.Key.Key_Space)
    qtbot.keyClick(cross, Qt.Key.Key_End)
    qtbot.keyClick(worried, Qt.Key.Key_Return)
    assert faces.value() == ["scared", "cross", "worried"]
    assert seen.values == [["worried"], ["scared", "worried"], ["scared"], ["scared", "cross"],
                           ["scared", "cross", "worried"]]
    assert all(b.text().startswith("\u2713") == b.isChecked() for b in faces.buttons)  # a tick, not colour alone
    faces.set_value(["hurting"])
    assert faces.value() == ["hurting"] and seen.values[-1] == ["scared", "cross", "worried"]  # no signal
    with pytest.raises(ValueError, match="not one of the faces"):
        faces.set_value(["happy"])
    assert "more than one" in scared.accessibleDescription()
