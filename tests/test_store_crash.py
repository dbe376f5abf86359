"""Crash safety, proven: a writer killed with SIGKILL at random moments while it saves answers
never damages the store and never loses a save that had returned.

A separate process opens the store and saves answers in a loop (short typing-sized texts, longer
accounts, and some of several KB, so the WAL also grows past its automatic checkpoint). Before
each `save_answer` it prints `saving <interview> <topic> <sha256 of text>` and after it returns
`saved ...`, flushing each line. The test kills it at a random moment, then reopens the store and
checks: it opens, `integrity_problems()` is empty, and the answers are exactly what was saved:
every `saved` line is there (last value wins), and the only other change allowed is the one save
that was in flight (printed `saving` with no `saved`), which may have committed or not.
The store is reused from round to round, so it grows.
"""

import hashlib
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dayinlife.store import Store
from tests.test_case_interchange import build_case

REPO = Path(__file__).resolve().parent.parent
SEED = int(os.environ.get("DAYINLIFE_CRASH_SEED", "20261120"))
KILLS = 60
PASSPHRASE = "crash test passphrase: 'Ŵ ł 🐴' \"quoted\""
START_TIMEOUT = 60.0   # seconds for a writer to start and finish its first save
WAIT_TIMEOUT = 30.0    # seconds for any process wait

pytestmark = [
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX only"),
    pytest.mark.slow,
]

WRITER = r'''
import hashlib, json, os, random, sys

from dayinlife.case import Answer
from dayinlife.store import Store

folder, targets_file, seed = sys.argv[1], sys.argv[2], int(sys.argv[3])
with open(targets_file, encoding="utf-8") as f:
    targets = [tuple(t) for t in json.load(f)]
rng = random.Random(seed)
WORDS = ("breakfast", "school", "bus", "tired", "mum", "Nan", "cereal", "crisps", "bath", "teeth",
         "bedtime", "telly", "homework", "coat", "rain", "dog", "shoes", "lunch", "hungry", "sister",
         "Llŷr", "Południe", "café", "naïve", "—", "😀", "\"quoted\"", "it's", "<b>", "&", "\n")


def words(n):
    return " ".join(rng.choice(WORDS) for _ in range(n))


def text():
    r = rng.random()
    if r < 0.05:
        return ""
    if r < 0.45:
        return words(rng.randint(1, 15))         # being typed
    if r < 0.80:
        return words(rng.randint(20, 200))       # a usual account
    return words(rng.randint(500, 2000))         # several KB


store = Store.open(folder, os.environ["DAYINLIFE_PASSPHRASE"])
count = 0
while True:
    interview_id, topic_key = rng.choice(targets)
    body = text()
    digest = hashlib.sha256(body.encode("utf-8")).hexdigest()
    print(f"saving {interview_id} {topic_key} {digest}", flush=True)
    store.save_answer(interview_id, topic_key, Answer(text=body, notes=f"save {count}"))
    print(f"saved {interview_id} {topic_key} {digest}", flush=True)
    count += 1
'''


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def stored_answers(store: Store) -> dict[tuple[str, str], str]:
    """(interview id, topic key) -> sha256 of the answer's text, for every answer in the store."""
    out = {}
    for summary in store.list_cases(include_archived=True):
        for child in store.load_case(summary.id).children:
            for iv in child.interviews:
                for key, answer in iv.answers.items():
                    out[(iv.id, key)] = sha(answer.text)
    return out


def parse_output(data: bytes, where: str):
    """The saves that returned (last value wins) and the one in flight at the kill, if any."""
    lines = data.split(b"\n")
    if lines and lines[-1]:
        lines = lines[:-1]  # a line cut short by the kill: nothing in it was promised
    confirmed: dict[tuple[str, str], str] = {}
    pending = None
    saved = 0
    for raw in lines:
        if not raw:
            continue
        word, interview_id, topic_key, digest = raw.decode("utf-8").split(" ")
        if word == "saving":
            assert pending is None, f"{where}: 'saving' twice without 'saved' between"
            pending = (interview_id, topic_key, digest)
        elif word == "saved":
            assert pending == (interview_id, topic_key, digest), f"{where}: 'saved' does not match 'saving'"
            confirmed[(interview_id, topic_key)] = digest
            pending = None
            saved += 1
        else:
            raise AssertionError(f"{where}: unexpected writer output {raw!r}")
    return confirmed, pending, saved


def wait_for_first_save(out_path: Path, proc: subprocess.Popen, err_path: Path, where: str) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if b"\nsaved " in b"\n" + out_path.read_bytes():
            return
        if proc.poll() is not None:
            raise AssertionError(f"{where}: the writer exited ({proc.returncode}) before saving:\n"
                                 f"{err_path.read_text('utf-8', 'replace')}")
        time.sleep(0.002)
    raise AssertionError(f"{where}: the writer saved nothing within {START_TIMEOUT} s")


@pytest.mark.timeout(300)
def test_killed_writer_never_damages_the_store_or_loses_a_returned_save(tmp_path, library):
    rng = random.Random(SEED)
    folder = tmp_path / "data"

    # A fictional case; the writer saves over every topic of every interview's template.
    case = build_case(library)
    with Store.create(folder, PASSPHRASE) as store:
        store.save_case(case)
        expected = stored_answers(store)
    targets = sorted({(iv.id, t.key) for ch in case.children for iv in ch.interviews
                      for t in library.get(iv.template.id).topics()})
    assert len(targets) > 50
    (tmp_path / "targets.json").write_text(json.dumps(targets), "utf-8")
    script = tmp_path / "writer.py"
    script.write_text(WRITER, "utf-8")
    env = dict(os.environ, DAYINLIFE_PASSPHRASE=PASSPHRASE,
               PYTHONPATH=os.pathsep.join(p for p in (str(REPO), os.environ.get("PYTHONPATH", "")) if p))

    saved_total = 0
    in_flight_kills = 0
    in_flight_committed = 0
    for round_no in range(KILLS):
        where = f"seed {SEED}, round {round_no}"
        out_path = tmp_path / f"writer-{round_no}.out"
        err_path = tmp_path / f"writer-{round_no}.err"
        with open(out_path, "wb") as out, open(err_path, "wb") as err:
            proc = subprocess.Popen(
                [sys.executable, str(script), str(folder), str(tmp_path / "targets.json"),
                 str(rng.randrange(2**32))],
                stdin=subprocess.DEVNULL, stdout=out, stderr=err, env=env, cwd=tmp_path)
        try:
            wait_for_first_save(out_path, proc, err_path, where)
            time.sleep(rng.uniform(0.005, 0.150))
            os.kill(proc.pid, signal.SIGKILL)
            returncode = proc.wait(timeout=WAIT_TIMEOUT)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait(timeout=WAIT_TIMEOUT)
        assert returncode == -signal.SIGKILL, (
            f"{where}: the writer was not killed but ended with {returncode}:\n"
            f"{err_path.read_text('utf-8', 'replace')}")

        confirmed, pending, saved = parse_output(out_path.read_bytes(), where)
        assert saved >= 1, f"{where}: the kill did not land after saving had started"
        saved_total += saved

        with Store.open(folder, PASSPHRASE) as store:
            problems = store.integrity_problems()
            assert problems == [], f"{where}: the store is damaged after the kill: {problems}"
            actual = stored_answers(store)

        now_expected = {**expected, **confirmed}
        if pending is not None:
            in_flight_kills += 1
            key, digest = pending[:2], pending[2]
            if actual.get(key) == digest and now_expected.get(key) != digest:
                now_expected[key] = digest  # the save in flight committed just before the kill
                in_flight_committed += 1
        lost = {k: v for k, v in now_expected.items() if actual.get(k) != v}
        extra = {k: v for k, v in actual.items() if k not in now_expected}
        assert not lost and not extra, (
            f"{where}: after {saved} saves in this round ({saved_total} in all) the store holds the wrong "
            f"answers: {len(lost)} missing or different (e.g. {next(iter(lost.items()), None)}), "
            f"{len(extra)} unexpected")
        expected = now_expected
        out_path.unlink()
        err_path.unlink()

    assert saved_total >= 2 * KILLS, f"seed {SEED}: only {saved_total} saves in {KILLS} rounds"
    assert in_flight_kills >= 1, f"seed {SEED}: no kill landed while a save was in progress"
    print(f"\nseed {SEED}: {KILLS} kills, {saved_total} saves confirmed, {in_flight_kills} kills during "
          f"a save ({in_flight_committed} of those saves had committed), store "
          f"{(folder / 'dayinlife.db').stat().st_size // 1024} KiB")
