"""Help → User guide opens the guide, with its pictures, in a window beside the app."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QPixmap, QTextDocument

from dayinlife.ui.guide import guide_file


@pytest.mark.qt_log_ignore("does not support raise")  # the offscreen platform
def test_the_guide_opens_from_the_help_menu_with_every_picture(qtbot, tmp_path):
    from dayinlife.ui.main_window import MainWindow

    window = MainWindow(tmp_path / "data")
    qtbot.addWidget(window)
    assert [a.text() for a in window.menuBar().actions()][-1] == "&Help"  # last, as on every desktop
    help_menu = window.menuBar().actions()[-1].menu()
    next(a for a in help_menu.actions() if a.text() == "&User guide").trigger()
    guide = window._guide
    qtbot.waitUntil(guide.isVisible)
    shown = guide.text.toPlainText()
    for heading in ("Starting for the first time", "For the practitioner on a visit", "For the social worker at a desk",
                    "For the trainer"):
        assert heading in shown
    pictures = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", guide_file().read_text("utf-8"))
    assert len(pictures) >= 6
    for name in pictures:
        assert (guide_file().parent / name).is_file(), name
        image = guide.text.document().resource(QTextDocument.ResourceType.ImageResource, QUrl(name))
        assert isinstance(image, (QImage, QPixmap)) and not image.isNull() and image.width() > 500, name
