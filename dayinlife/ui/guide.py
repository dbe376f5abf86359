"""Help → User guide: the guide (resources/guide/user-guide.md, with its screenshots of the
fictional demo families) in a window of its own, readable beside the app."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from ..paths import resources_dir


def guide_file():
    return resources_dir() / "guide" / "user-guide.md"


class GuideWindow(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Day in My Life: user guide")
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)
        self.resize(900, 700)
        layout = QVBoxLayout(self)
        self.text = QTextBrowser(self)
        self.text.setAccessibleName("User guide")
        self.text.setOpenExternalLinks(False)  # nothing leaves the computer, links included
        self.text.setSearchPaths([str(guide_file().parent)])
        self.text.setSource(QUrl.fromLocalFile(str(guide_file())), QTextDocument.ResourceType.MarkdownResource)
        self._fit_pictures(560)
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)

    def _fit_pictures(self, width: int) -> None:
        """Screenshots at a reading size (a full-size one would look like the app itself)."""
        from PySide6.QtGui import QTextCursor

        document = self.text.document()
        block = document.begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                if fragment.isValid() and fragment.charFormat().isImageFormat():
                    picture = fragment.charFormat().toImageFormat()
                    image = document.resource(QTextDocument.ResourceType.ImageResource, QUrl(picture.name()))
                    if image is not None and not image.isNull() and image.width() > width:
                        picture.setWidth(width)
                        picture.setHeight(image.height() * width / image.width())
                        cursor = QTextCursor(document)
                        cursor.setPosition(fragment.position())
                        cursor.setPosition(fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor)
                        cursor.setCharFormat(picture)
                it += 1
            block = block.next()
