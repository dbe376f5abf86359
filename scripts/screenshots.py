"""Save screenshots of each screen, at normal and 150% text, to shots/ (or the folder given).

    .venv/bin/python scripts/screenshots.py [FOLDER]

Runs offscreen with Qt's own grab(), so it needs no display; run the app under Xvfb to see the
real window manager's frame as well.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def shoot(folder: Path, scale: str) -> None:
    os.environ["QT_SCALE_FACTOR"] = scale
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(REPO))
    from dayinlife.app import build_main_window, create_app

    app = create_app([sys.argv[0]])
    window = build_main_window()
    # As on a 1400 x 900 laptop screen: the window gets the logical size that screen would give.
    window.resize(int(1400 * 0.95 / float(scale)), int(900 * 0.9 / float(scale)))
    window.show()
    app.processEvents()
    suffix = "" if scale == "1" else f"@{scale}x"
    window.grab().save(str(folder / f"templates{suffix}.png"))
    stage = window.tree.topLevelItem(0)
    window.tree.setCurrentItem(stage.child(0))
    app.processEvents()
    window.grab().save(str(folder / f"templates-topic{suffix}.png"))


if __name__ == "__main__":
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else REPO / "shots")
    folder.mkdir(parents=True, exist_ok=True)
    if os.environ.get("_SHOT_SCALE"):
        shoot(folder, os.environ["_SHOT_SCALE"])
    else:  # one process per scale: Qt reads the scale factor once, at start-up
        for scale in ("1", "1.5"):
            subprocess.run([sys.executable, __file__, str(folder)], env={**os.environ, "_SHOT_SCALE": scale}, check=True)
        print(f"screenshots in {folder}")
