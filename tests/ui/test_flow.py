"""The flow layout: one line when it fits, more lines when narrow, and it says how tall it needs to be."""

from PySide6.QtWidgets import QApplication, QCheckBox, QLabel, QVBoxLayout, QWidget

from dayinlife.ui.flow import flow_widget


def test_items_wrap_onto_more_lines_and_the_layout_makes_room(qtbot):
    window = QWidget()
    column = QVBoxLayout(window)
    holder, flow = flow_widget()
    boxes = [QCheckBox(f"Show the column of person number {n}") for n in range(4)]
    for box in boxes:
        flow.addWidget(box)
    after = QLabel("below")
    column.addWidget(holder)
    column.addWidget(after)
    qtbot.addWidget(window)
    window.show()
    one_line = flow.sizeHint().width()
    lines_seen = []
    for width in (one_line + 40, one_line // 2, flow.minimumSize().width() + 20):
        window.resize(width + 20, 10)
        window.setMinimumHeight(column.totalHeightForWidth(width + 20))
        qtbot.waitUntil(lambda w=width: window.width() == w + 20)
        QApplication.processEvents()
        lines_seen.append(len({b.geometry().top() for b in boxes}))
        for box in boxes:
            assert holder.rect().contains(box.geometry()), (width, box.geometry(), holder.rect())
        assert holder.geometry().bottom() < after.geometry().top()
    assert lines_seen == [1, 2, 4]
    assert flow.minimumSize().width() <= max(b.sizeHint().width() for b in boxes)
    assert flow.heightForWidth(one_line // 2) > flow.heightForWidth(one_line + 40)
