"""The one-folder bundle: its size, and how fast it starts (not a test).

Budget (issue 14): launch to the unlock screen within 1.2 x a bare PySide6 window, measured in the
same run on one X server (Xvfb), each a fresh process, alternated, median of several: the time from
starting the process until its window is on the screen (xwininfo finds it mapped).

    bash scripts/dev.sh bundle          # builds dist/DayInMyLife/ first
    .venv/bin/python bench/bench_bundle.py [--runs 7] [--bundle dist/DayInMyLife]

Needs Xvfb and xwininfo (scripts/dev.sh installs them for the tests). Exits 1 if the budget is missed.
(Unlock to a 2,000-case list is measured for the checkout by bench/bench_startup.py; in the bundle it
is the same code.)
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BUDGET = 1.2
BARE = r'''
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
w = QWidget(); w.setWindowTitle("bare window"); w.resize(1100, 760); w.show()
app.exec()
'''


def mapped(display: str, title: str) -> bool:
    out = subprocess.run(["xwininfo", "-display", display, "-root", "-tree"], capture_output=True, text=True).stdout
    return f'"{title}"' in out


def time_launch(command: list[str], title: str, display: str, env: dict) -> float:
    start = time.perf_counter()
    proc = subprocess.Popen(command, env={**env, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while not mapped(display, title):
            if proc.poll() is not None:
                raise SystemExit(f"{command[0]} stopped before its window showed")
            if time.perf_counter() - start > 60:
                raise SystemExit(f"{command[0]}: no window after 60 s")
            time.sleep(0.01)
        return time.perf_counter() - start
    finally:
        proc.kill()
        proc.wait(timeout=30)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--bundle", type=Path, default=REPO / "dist" / "DayInMyLife")
    args = parser.parse_args()
    exe = args.bundle / ("DayInMyLife.exe" if sys.platform == "win32" else "DayInMyLife")
    if not exe.exists():
        raise SystemExit(f"no bundle at {args.bundle}: build it with `bash scripts/dev.sh bundle`")
    size = sum(p.stat().st_size for p in args.bundle.rglob("*") if p.is_file())
    print(f"bundle: {args.bundle} holds {size / 1e6:.0f} MB in {sum(1 for _ in args.bundle.rglob('*'))} files")
    if not shutil.which("Xvfb") or not shutil.which("xwininfo"):
        raise SystemExit("needs Xvfb and xwininfo")
    display = ":%d" % (90 + os.getpid() % 500)
    xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(1.0)
        with tempfile.TemporaryDirectory() as tmp:
            env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
            env["DAYINLIFE_DATA_DIR"] = str(Path(tmp) / "data")  # a first run: the set-up screen
            bare, ours = [], []
            for _ in range(args.runs):  # alternated, so both see the same machine noise
                bare.append(time_launch([sys.executable, "-c", BARE], "bare window", display, env))
                ours.append(time_launch([str(exe)], "Day in My Life", display, env))
    finally:
        xvfb.kill()
        xvfb.wait(timeout=30)
    b, o = statistics.median(bare), statistics.median(ours)
    ratio = o / b
    print(f"launch to window on screen, median of {args.runs}: bare PySide6 {b * 1000:.0f} ms, "
          f"the bundle's app {o * 1000:.0f} ms, ratio {ratio:.2f} (budget {BUDGET:.2f})")
    ok = ratio <= BUDGET
    print("budget met" if ok else "BUDGET MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
