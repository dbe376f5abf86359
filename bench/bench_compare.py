"""How long the compare page takes to open for a full case, against the case page, in one run.

The compare page was the slowest screen (1.6 to 2 seconds by hand). Budget: open it for a full
case (every stage answered by the child, a parent and three professional sources, an earlier
interview, an analysis) in under 300 ms, the first time and after; the case page's time in the
same run is given beside it, as a ratio, so a slower or faster machine reads the same.

    .venv/bin/python bench/bench_compare.py [--runs 5]

Runs offscreen, as the app does after unlocking (the lock screen's warm-up is allowed to happen,
as it does while the passphrase is typed). Exits non-zero if the budget is missed.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
PASS = "benchmark passphrase"
BUDGET_MS = 300


def full_case(library):
    from dayinlife.analysis import Analysis
    from dayinlife.case import Adult, AdultRole, Answer, Case, Child, Perspective, PerspectiveKind

    rng = random.Random(3)
    case = Case("BENCH-FULL-1", [Adult("Bench Parent A", AdultRole.MOTHER), Adult("Bench Parent B", AdultRole.FATHER)])
    child = Child("Bench Child", date_of_birth=date(2018, 3, 3), pronouns="she")
    case.children.append(child)
    t = library.get("primary")
    people = [(Perspective(PerspectiveKind.CHILD), "", date(2026, 10, 1)),
              (Perspective(PerspectiveKind.CHILD), "", date(2026, 5, 1)),
              (Perspective(PerspectiveKind.PARENT, case.adults[0].id), "", date(2026, 10, 2)),
              (Perspective(PerspectiveKind.PARENT, case.adults[1].id), "", date(2026, 10, 3)),
              (Perspective(PerspectiveKind.PROFESSIONAL), "School", date(2026, 10, 4)),
              (Perspective(PerspectiveKind.PROFESSIONAL), "Health visitor", date(2026, 10, 5)),
              (Perspective(PerspectiveKind.PROFESSIONAL), "GP", date(2026, 10, 6))]
    words = "we get up when the alarm goes and there is sometimes toast and sometimes not much at all".split()
    for perspective, source, day in people:
        iv = case.start_interview(child, perspective, t, day, source=source)
        for topic in t.topics():
            measures = {m.id: rng.choice(t.scales[m.scale].values) for m in topic.measures}
            text = " ".join(rng.choice(words) for _ in range(rng.randint(20, 80))).capitalize() + "."
            iv.answers[topic.key] = Answer(text, measures, feeling=rng.choice(t.scales["feeling"].values),
                                           own_day=text if perspective.kind is PerspectiveKind.PARENT else "")
    analysis = Analysis(child.id, [], strengths="Warm with her brother.", worries="Breakfast is often missed.")
    case.analyses[child.id] = analysis
    return case


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # QT_QPA_PLATFORM=xcb to time it on a real display
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from dayinlife.app import create_app
    from dayinlife.store import Store
    from dayinlife.template_loader import load_library
    from dayinlife.ui.main_window import MainWindow

    app = create_app(["bench"])
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "data"
        with Store.create(folder, PASS) as store:
            case = full_case(load_library())
            store.save_case(case)
        window = MainWindow(folder)
        window.resize(1366, 768)
        window.show()
        QTest.qWait(1500)  # the passphrase being typed: the app warms up meanwhile
        QTest.keyClicks(window.unlock_page.passphrase, PASS)
        QTest.keyClick(window.unlock_page.passphrase, Qt.Key.Key_Return)

        def timed(action) -> float:
            start = time.perf_counter()
            action()
            window.repaint()  # drawn, not only built
            app.processEvents()
            return (time.perf_counter() - start) * 1000

        case_ms, compare_ms = [], []
        first_case = timed(lambda: window.open_case(case.id))
        shown = window.case_page.case
        first_compare = timed(lambda: window.open_compare(shown, shown.children[0]))
        for _ in range(args.runs):  # alternated, so both see the same machine noise
            case_ms.append(timed(lambda: window.open_case(case.id)))
            shown = window.case_page.case
            compare_ms.append(timed(lambda: window.open_compare(shown, shown.children[0])))
        window.close()
    c, k = statistics.median(case_ms), statistics.median(compare_ms)
    print(f"case page: first {first_case:.0f} ms, then median {c:.0f} ms")
    print(f"compare page: first {first_compare:.0f} ms, then median {k:.0f} ms "
          f"(ratio to the case page {k / c:.1f}; first open {first_compare / first_case:.1f}); budget {BUDGET_MS} ms")
    ok = first_compare < BUDGET_MS and k < BUDGET_MS
    print("budget met" if ok else "BUDGET MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
