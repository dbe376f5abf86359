"""How the Word export grows with a case's size (not a test).

Budget: the export time grows linearly, with the number of interviews and with the length of an
answer. Measured in one run as ratios: four times the interviews (or four times the text) may
take at most 5 times as long (4 would be exactly linear; the fixed cost of a report makes it less).
A case with 200 interviews, or one 5 MB answer, is also timed, to show they take seconds, not
minutes, on this machine.

    .venv/bin/python bench/bench_scaling.py [--runs 3]

Exits 1 if a ratio is missed.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from dayinlife.case import Adult, AdultRole, Answer, Case, Child, Perspective, PerspectiveKind  # noqa: E402
from dayinlife.report import ReportOptions, report_bytes  # noqa: E402
from dayinlife.template_loader import load_library  # noqa: E402

RATIO_BUDGET = 5.0
LIBRARY = load_library()
TEMPLATE = LIBRARY.get("primary")
WORDS = "The fictional child had toast at the table and walked to school with a neighbour. "


def case_with(interviews: int, answer_chars: int = 400, topics: int = 5) -> tuple[Case, Child]:
    """A fictional case: `interviews` professional accounts (each source its own voice), `topics`
    topics answered in each, every answer `answer_chars` long."""
    case = Case("FICT-SCALE", practitioner="A. Practitioner")
    case.adults.append(Adult("Jo Fictional", AdultRole.MOTHER))
    child = Child("Robin Fictional", date_of_birth=date(2018, 1, 1))
    case.children.append(child)
    text = (WORDS * (answer_chars // len(WORDS) + 1))[:answer_chars]
    for i in range(interviews):
        iv = case.start_interview(child, Perspective(PerspectiveKind.PROFESSIONAL), TEMPLATE,
                                  date(2024, 1, 1) + timedelta(days=i % 600), source=f"Agency {i}")
        for topic in list(TEMPLATE.topics())[:topics]:
            iv.answers[topic.key] = Answer(text)
    return case, child


def timed(case: Case, child: Child, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        report_bytes(case, child, LIBRARY, ReportOptions())
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    ok = True
    for what, small, large in (("interviews", case_with(25), case_with(100)),
                               ("answer length", case_with(2, 250_000), case_with(2, 1_000_000))):
        t_small, t_large = timed(*small, runs), timed(*large, runs)
        ratio = t_large / t_small
        verdict = "ok" if ratio <= RATIO_BUDGET else "OVER BUDGET"
        ok &= ratio <= RATIO_BUDGET
        print(f"{what}: x4 takes {ratio:.2f} times as long ({t_small:.2f} s -> {t_large:.2f} s; "
              f"budget {RATIO_BUDGET}): {verdict}")
    print(f"200 interviews: {timed(*case_with(200), 1):.1f} s")
    print(f"one 5 MB answer: {timed(*case_with(1, 5_000_000, topics=1), 1):.1f} s")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
