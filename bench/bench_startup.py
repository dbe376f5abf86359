"""Start-up benchmark for the interview app (issue 4's budget).

1. Launch to the unlock screen drawn: no more than 1.5 x a bare PySide6 window, measured in the
   same run (each a fresh process, alternated, median of several).
2. Unlock to a usable case list with 2,000 cases: under 300 ms (passphrase typed, Return, until
   the case table is filled and drawn).
3. Child mode opened from a child's interview (issue 15): under 300 ms from the click on "Hand to
   the child" until its first page is drawn, with the computer's own speech engine (if it has one:
   the engine is started on the first "Read it to me", not on opening) and the pictures.

    .venv/bin/python bench/bench_startup.py [--runs 7] [--cases 2000]

Runs offscreen, so it needs no display. Exits non-zero if a budget is missed.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

BARE = r'''
import time
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
w = QWidget(); w.resize(1100, 760); w.show()
while not (w.windowHandle() and w.windowHandle().isExposed()):
    app.processEvents()
app.processEvents()
print("drawn", flush=True)
'''

OURS = r'''
import sys
from pathlib import Path
from dayinlife.app import create_app
from dayinlife.ui.main_window import MainWindow
app = create_app(["bench"])
w = MainWindow(Path(sys.argv[1])); w.show()
while not (w.windowHandle() and w.windowHandle().isExposed()):
    app.processEvents()
app.processEvents()
assert w.stack.currentWidget() is w.unlock_page
print("drawn", flush=True)
'''

PASS = "benchmark passphrase"


def time_launch(code: str, args: list[str]) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code, *args], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - start
    proc.kill()
    proc.wait(timeout=30)
    if line.strip() != "drawn":
        raise SystemExit("a launch did not draw its window")
    return elapsed


def fill(folder: Path, cases: int) -> None:
    from dayinlife.case import Adult, AdultRole, Case, Child
    from dayinlife.store import Store

    with Store.create(folder, PASS) as store:
        for n in range(cases):
            case = Case(f"BENCH-{n:05d}", [Adult(f"Adult {n} A", AdultRole.MOTHER), Adult(f"Adult {n} B", AdultRole.FATHER)])
            case.children += [Child(f"Child {n} A", date_of_birth=date(2015, 1, 1)),
                              Child(f"Child {n} B", date_of_birth=date(2020, 6, 1))]
            store.save_case(case)


def time_unlock(folder: Path) -> float:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from dayinlife.app import create_app
    from dayinlife.ui.main_window import MainWindow

    app = create_app(["bench"])
    window = MainWindow(folder)
    window.show()
    QTest.qWait(1500)  # a practitioner takes a second or two to type; the app warms up meanwhile
    QTest.keyClicks(window.unlock_page.passphrase, PASS)
    start = time.perf_counter()
    QTest.keyClick(window.unlock_page.passphrase, Qt.Key.Key_Return)
    app.processEvents()
    assert window.stack.currentWidget() is window.cases_page
    elapsed = time.perf_counter() - start
    child_mode = time_child_mode(app, window)
    window.close()
    return elapsed, child_mode


def time_child_mode(app, window) -> float:
    """From the click on the interview page's child-mode button to child mode's first page drawn."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from dayinlife.case import Child, Perspective, PerspectiveKind

    session = window.session
    case = session.new_case("BENCH-CHILD-MODE")
    child = Child("Bench Child", date_of_birth=date(2018, 5, 5))
    case.children.append(child)
    session.save_case(case)
    iv = session.start_interview(case, child, Perspective(PerspectiveKind.CHILD), "primary", date(2026, 11, 30))
    window.open_interview(case, child, iv)
    QTest.qWait(300)
    button = window.interview_page.child_mode_button
    start = time.perf_counter()
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    shown = window.child_window
    while not (shown.windowHandle() and shown.windowHandle().isExposed()):
        app.processEvents()
    app.processEvents()
    elapsed = time.perf_counter() - start
    shown.leave()
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--cases", type=int, default=2000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "data"
        t = time.perf_counter()
        fill(folder, args.cases)
        print(f"filled {args.cases} cases in {time.perf_counter() - t:.1f} s")
        bare, ours = [], []
        for _ in range(args.runs):  # alternated, so both see the same machine noise
            bare.append(time_launch(BARE, []))
            ours.append(time_launch(OURS, [str(folder)]))
        b, o = statistics.median(bare), statistics.median(ours)
        ratio = o / b
        unlock, child_mode = time_unlock(folder)
    print(f"launch to window drawn, median of {args.runs}: bare PySide6 {b * 1000:.0f} ms, "
          f"Day in My Life unlock screen {o * 1000:.0f} ms, ratio {ratio:.2f} (budget 1.50)")
    print(f"unlock to case list with {args.cases} cases: {unlock * 1000:.0f} ms (budget 300 ms)")
    print(f"child mode opened to its first page drawn: {child_mode * 1000:.0f} ms (budget 300 ms)")
    ok = ratio <= 1.5 and unlock < 0.3 and child_mode < 0.3
    print("budgets met" if ok else "BUDGET MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
