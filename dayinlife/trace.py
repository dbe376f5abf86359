"""Moments of start-up and unlocking, for the benchmarks (bench/bench_bundle.py) to time a built app.

Nothing is written unless DAYINLIFE_TRACE names a file: then each mark appends one line, its name
and the process's clock in seconds (time.perf_counter). A mark is a fixed word from the code, never
a name, a case or anything typed.
"""

from __future__ import annotations

import os
import time

ENV_VAR = "DAYINLIFE_TRACE"


def enabled() -> bool:
    return bool(os.environ.get(ENV_VAR))


def mark(name: str) -> None:
    path = os.environ.get(ENV_VAR)
    if not path:
        return
    try:
        with open(path, "a", encoding="utf-8") as out:
            out.write(f"{name} {time.perf_counter():.6f}\n")
    except OSError:
        pass  # a benchmark's aid: never a reason for the app to fail
