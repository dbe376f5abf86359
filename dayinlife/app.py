"""The composition root: builds the core objects and the Qt shell, then runs the event loop."""

from __future__ import annotations

import sys
from typing import Sequence

from PySide6.QtCore import QDir
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from . import __version__
from .paths import resources_dir
from .template_loader import load_library


def create_app(argv: Sequence[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(list(argv if argv is not None else sys.argv))
    app.setApplicationName("Day in My Life")
    app.setOrganizationName("Day in My Life")
    app.setApplicationVersion(__version__)
    QDir.addSearchPath("resources", str(resources_dir()))
    app.setWindowIcon(QIcon("resources:icons/app.svg"))
    style = resources_dir() / "styles" / "default.qss"
    if style.exists():
        app.setStyleSheet(style.read_text("utf-8"))
    return app


def build_main_window():
    from .ui.main_window import MainWindow

    return MainWindow(load_library())


def run(argv: Sequence[str] | None = None) -> int:
    argv = list(argv if argv is not None else sys.argv)
    if "--version" in argv[1:]:
        print(f"Day in My Life {__version__}")
        return 0
    app = create_app(argv)
    window = build_main_window()
    window.show()
    return app.exec()
