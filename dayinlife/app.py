"""The composition root: builds the core objects and the Qt shell, then runs the event loop."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Sequence

from PySide6.QtCore import QDir
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from . import __version__
from .datadir import resolve_data_dir
from .paths import resources_dir


def create_app(argv: Sequence[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(list(argv if argv is not None else sys.argv))
    app.setApplicationName("Day in My Life")
    app.setOrganizationName("DayInMyLife")
    app.setApplicationVersion(__version__)
    from . import store_lock

    store_lock.program = "the Day in My Life app"  # how a second process names who holds the store
    QDir.addSearchPath("resources", str(resources_dir()))
    app.setWindowIcon(QIcon("resources:icons/app.svg"))
    style = resources_dir() / "styles" / "default.qss"
    if style.exists():
        app.setStyleSheet(style.read_text("utf-8"))
    return app


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="dayinlife-app", description="Day in My Life")
    parser.add_argument("--data-dir", type=Path, default=None,
                        help="the folder holding the store (default: $DAYINLIFE_DATA_DIR, else the user-data folder)")
    parser.add_argument("--demo", action="store_true",
                        help="open the trainer's demo: fictional families in a separate demo store "
                             "(<data folder>-demo), never mixed with real cases")
    parser.add_argument("--version", action="version", version=f"Day in My Life {__version__}")
    args, _qt_args = parser.parse_known_args(list(argv)[1:])
    return args


def data_folder(given: Path | None = None) -> tuple[Path, str | None]:
    """The data folder, and what to tell the user about it once: a store found in an earlier
    version's default folder (on Windows, the roaming profile) is moved to the local one."""
    import os

    from .datadir import ENV_VAR, settle_default_folder

    if given is None and not os.environ.get(ENV_VAR):
        return settle_default_folder()
    return resolve_data_dir(given), None


def build_main_window(data_dir: Path | None = None, demo: bool = False):
    from .ui.main_window import MainWindow

    folder, note = data_folder(data_dir)
    window = MainWindow(folder, demo=demo)
    window.startup_note = note
    return window


def run(argv: Sequence[str] | None = None) -> int:
    argv = list(argv if argv is not None else sys.argv)
    args = parse_args(argv)
    app = create_app(argv)
    window = build_main_window(args.data_dir, demo=args.demo)
    window.show()
    from .ui import dialogs

    if window.startup_note:
        dialogs.info(window, window.startup_note, "Your store has moved")
    if window.managed.problems:  # the organisation's settings file has a mistake: said, the rest applies
        dialogs.error(window, "The settings your organisation set for Day in My Life have a mistake, so these "
                              "are not applied (tell your IT support):\n\n" + "\n".join(window.managed.problems),
                      "Your organisation's settings")
    return app.exec()
