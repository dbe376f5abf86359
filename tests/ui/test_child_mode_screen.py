"""Child mode covers the whole screen on a real X display that has no window manager.

`showFullScreen` asks the window manager to make a window full screen; with none running (a
kiosk session, a locked-down desktop) the window kept its own size and the practitioner's screens
showed round it. This starts a bare X server (Xvfb, no window manager), opens the real app on it,
goes to child mode with the real button, and reads back from the X server where the window is.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
IN_CI = os.environ.get("CI", "").lower() == "true"
SIZE = (1024, 768)

SCRIPT = textwrap.dedent(f"""
    import sys
    from datetime import date
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from dayinlife.app import create_app
    from dayinlife.case import Child, Perspective, PerspectiveKind
    from dayinlife.store import Store
    from dayinlife.ui.main_window import MainWindow

    app = create_app(["test"])
    folder = sys.argv[1]
    Store.create(folder, "screen test passphrase").close()
    window = MainWindow(folder)
    window.show()
    window.unlock_page.passphrase.setText("screen test passphrase")
    window.unlock_page.passphrase.returnPressed.emit()
    session = window.session
    case = session.new_case("FICT-SCREEN-1")
    child = Child("Jem Fictional", date_of_birth=date(2018, 5, 5))
    case.children.append(child)
    session.save_case(case)
    iv = session.start_interview(case, child, Perspective(PerspectiveKind.CHILD), "primary", date(2026, 11, 30))
    window.open_interview(case, child, iv)

    def hand_over():
        window.interview_page.child_mode_button.click()

    def report():
        w = window.child_window
        print("CHILD", int(w.winId()), w.screen().geometry().width(), w.screen().geometry().height(), flush=True)

    QTimer.singleShot(300, hand_over)
    QTimer.singleShot(1500, report)
    QTimer.singleShot(6000, app.quit)
    app.exec()
""")


def _free_display() -> str:
    for n in range(140, 190):
        if not Path(f"/tmp/.X11-unix/X{n}").exists() and not Path(f"/tmp/.X{n}-lock").exists():
            return f":{n}"
    pytest.skip("no free X display number")


@pytest.mark.slow
def test_child_mode_covers_the_screen_without_a_window_manager(tmp_path):
    xvfb, xwininfo = shutil.which("Xvfb"), shutil.which("xwininfo")
    if not (xvfb and xwininfo):
        message = "Xvfb and xwininfo are needed (scripts/dev.sh installs xvfb and x11-utils for the tests)"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    display = _free_display()
    server = subprocess.Popen([xvfb, display, "-screen", "0", f"{SIZE[0]}x{SIZE[1]}x24", "-nolisten", "tcp"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb")
        for _ in range(50):
            if subprocess.run([xwininfo, "-root"], env=env, capture_output=True).returncode == 0:
                break
            time.sleep(0.1)
        with open(tmp_path / "stderr.txt", "w", encoding="utf-8") as errors, subprocess.Popen(
                [sys.executable, "-c", SCRIPT, str(tmp_path / "data")], cwd=REPO, env=env,
                stdout=subprocess.PIPE, stderr=errors, text=True) as app:
            line = ""
            deadline = time.time() + 60
            while time.time() < deadline:
                line = app.stdout.readline()
                if line.startswith("CHILD") or not line:
                    break
            time.sleep(0.5)  # the app's own check, after the window manager (here: none) had its say
            info = ""
            if line.startswith("CHILD"):
                _, window_id, width, height = line.split()
                info = subprocess.run([xwininfo, "-id", window_id], env=env, capture_output=True, text=True).stdout
            app.kill()
        assert line.startswith("CHILD"), (tmp_path / "stderr.txt").read_text("utf-8")[-2000:]
        got = {k.strip(): v.strip() for k, _, v in (row.partition(":") for row in info.splitlines()) if v}
        assert (int(width), int(height)) == SIZE
        assert (int(got["Absolute upper-left X"]), int(got["Absolute upper-left Y"])) == (0, 0), info
        assert (int(got["Width"]), int(got["Height"])) == SIZE, info
        assert got["Map State"] == "IsViewable", info
    finally:
        server.terminate()
        server.wait(timeout=10)
