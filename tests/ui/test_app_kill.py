"""Killing the app mid-interview never loses an answer the screen showed as saved.

The real main window runs in its own process (offscreen), unlocks through the unlock screen and
types into the interview. Whenever the saved indicator reads "All changes saved" it reports what
each answer box held at that moment. The test kills it with SIGKILL at a random moment, reopens
the store and checks every answer shown as saved is there (typing only appends, so the stored
text starts with what was shown).
"""

import os
import random
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from dayinlife.case import Child, Perspective, PerspectiveKind
from dayinlife.session import Session
from dayinlife.store import Store
from dayinlife.template_loader import load_library

REPO = Path(__file__).resolve().parents[2]
PASS = "kill test passphrase"
SEED = 4242
ROUNDS = 8

pytestmark = [pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX only"), pytest.mark.slow]

DRIVER = r'''
import os, random, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from pathlib import Path
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from dayinlife.app import create_app
from dayinlife.ui.main_window import MainWindow
from dayinlife.ui.autosave import Autosaver

folder, case_id, seed = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
rng = random.Random(seed)
app = create_app(["driver"])
window = MainWindow(folder)
window.show()
QTest.keyClicks(window.unlock_page.passphrase, os.environ["KILL_TEST_PASSPHRASE"])
QTest.keyClick(window.unlock_page.passphrase, Qt.Key.Key_Return)
case = window.session.open_case(case_id)
child = case.children[0]
window.open_interview(case, child, child.interviews[0])
page = window.interview_page
print("ready", flush=True)
words = ["cereal", "bus", "mum", "tired", "school", "dog", "crisps", "bath", "telly", "coat"]
while True:
    if rng.random() < 0.1:
        page.go_to_stage(rng.randrange(len(page.template.stages)))
    card = rng.choice(page.cards)
    card.text.moveCursor(QTextCursor.MoveOperation.End)  # append, so what was shown stays a prefix
    QTest.keyClicks(card.text, " " + rng.choice(words))
    QTest.qWait(rng.choice([0, 5, 50, 200, 500]))
    if page.autosaver.state == Autosaver.SAVED and "All changes saved" in page.saved_label.text():
        for c in page.cards:
            print("shown-saved", c.key, c.text.toPlainText().replace("\n", " "), flush=True)
'''


def test_killing_the_app_loses_nothing_shown_as_saved(tmp_path):
    folder = tmp_path / "data"
    library = load_library()
    with Store.create(folder, PASS) as store:
        session = Session(store, library)
        case = session.new_case("FICT-KILL")
        case.children.append(Child("Jules Fictional", date_of_birth=date(2017, 1, 1)))
        session.save_case(case)
        session.start_interview(case, case.children[0], Perspective(PerspectiveKind.CHILD), "primary",
                                date(2026, 11, 24))
    driver = tmp_path / "driver.py"
    driver.write_text(DRIVER, "utf-8")
    env = {**os.environ, "PYTHONPATH": str(REPO), "KILL_TEST_PASSPHRASE": PASS, "QT_QPA_PLATFORM": "offscreen"}
    rng = random.Random(SEED)
    shown: dict[str, str] = {}
    kills_with_saves = 0
    for round_ in range(ROUNDS):
        proc = subprocess.Popen([sys.executable, str(driver), str(folder), case.id, str(SEED + round_)],
                                env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=tmp_path)
        try:
            assert proc.stdout.readline().strip() == "ready", proc.stderr.read()
            time.sleep(rng.uniform(0.6, 2.5))
            os.kill(proc.pid, signal.SIGKILL)
            out, _err = proc.communicate(timeout=30)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.communicate(timeout=30)
        assert proc.returncode == -signal.SIGKILL
        lines = [line.split(" ", 2) for line in out.splitlines() if line.startswith("shown-saved ")]
        for _, key, text in lines:
            shown[key] = text
        kills_with_saves += bool(lines)
        with Store.open(folder, PASS) as store:
            assert store.integrity_problems() == []
            answers = store.load_case(case.id).children[0].interviews[0].answers
        for key, text in shown.items():
            stored = answers[key].text.replace("\n", " ") if key in answers else ""
            assert stored.startswith(text), f"round {round_} (seed {SEED}): {key!r} shown saved as {text!r}, stored {stored!r}"
    assert kills_with_saves >= 3, "the app rarely got to show a saved state before the kill"
    assert shown, "nothing was ever shown as saved"
