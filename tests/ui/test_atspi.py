"""What a screen reader on Linux really hears: the app on its own X server and D-Bus session with the
AT-SPI bus, as a desktop runs it for Orca, and a real AT-SPI client (pyatspi) listening.

QAccessible from inside the app (tests/ui/a11y.py) says what Qt would tell; this says what arrives.
The client (tests/ui/atspi_client.py, run by Debian's /usr/bin/python3) finds the app, reads the
lock screen's names, types a wrong passphrase and must hear "not right", unlocks, opens the case and
the interview by the words on their buttons (as voice control does), types an answer and must hear
the count of topics answered and "All changes saved".
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CLIENT = Path(__file__).with_name("atspi_client.py")
IN_CI = os.environ.get("CI", "").lower() == "true"
SYSTEM_PYTHON = "/usr/bin/python3"
LAUNCHER = "/usr/libexec/at-spi-bus-launcher"
PASS = "screen reader test passphrase"
WHOLE_RUN_S = 100  # under the suite's own per-test timeout (setup.cfg: 120 s)


def _missing() -> str | None:
    for tool, package in (("Xvfb", "xvfb"), ("dbus-run-session", "dbus-bin"), ("xdpyinfo", "x11-utils"),
                          ("xdotool", "xdotool")):
        if shutil.which(tool) is None:
            return f"{tool} ({package})"
    if not Path(LAUNCHER).exists():
        return f"{LAUNCHER} (at-spi2-core)"
    if not Path(SYSTEM_PYTHON).exists() or subprocess.run(
            [SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True).returncode != 0:
        return f"pyatspi for {SYSTEM_PYTHON} (python3-pyatspi)"
    return None


def _free_display() -> str:
    for n in range(190, 240):
        if not Path(f"/tmp/.X11-unix/X{n}").exists() and not Path(f"/tmp/.X{n}-lock").exists():
            return f":{n}"
    pytest.fail("no free X display number")


def _store_with_an_interview(folder: Path) -> None:
    """A fictional household with one child's own interview, as the practitioner left it."""
    from dayinlife.case import Child, Perspective, PerspectiveKind
    from dayinlife.session import Session
    from dayinlife.store import Store
    from dayinlife.template_loader import load_library

    store = Store.create(folder, PASS)
    session = Session(store, load_library())
    case = session.new_case("FICT-ATSPI-1")
    child = Child("Rowan Fictional", date_of_birth=date(2018, 3, 14), pronouns="they")
    case.children.append(child)
    session.save_case(case)
    session.start_interview(case, child, Perspective(PerspectiveKind.CHILD), "primary", date(2026, 11, 2))
    session.lock()


@pytest.mark.slow
def test_a_screen_reader_hears_the_wrong_passphrase_and_the_saved_state(tmp_path):
    missing = _missing()
    if missing:
        message = f"needs {missing}: scripts/dev.sh installs it for the tests"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    data = tmp_path / "data"
    _store_with_an_interview(data)
    display = _free_display()
    server = subprocess.Popen(["Xvfb", display, "-screen", "0", "1280x900x24", "-nolisten", "tcp"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    session = None
    runtime = Path(tempfile.mkdtemp(prefix="atspi-"))  # short: the AT-SPI bus's socket is made in it
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DBUS_", "AT_SPI", "QT_", "XDG_"))}
    env.update(DISPLAY=display, HOME=str(tmp_path), XDG_RUNTIME_DIR=str(runtime), DAYINLIFE_DATA_DIR=str(data))
    app_log = tmp_path / "app.log"
    try:
        for _ in range(100):
            if subprocess.run(["xdpyinfo", "-display", display], capture_output=True).returncode == 0:
                break
            time.sleep(0.1)
        else:
            pytest.fail(f"Xvfb did not start on {display}")
        # Its own session bus (dbus-run-session), so nothing of the machine's desktop is touched; the
        # client starts the AT-SPI bus in it, then the app. Its own process group, ended as a whole.
        session = subprocess.Popen(
            ["dbus-run-session", "--", SYSTEM_PYTHON, str(CLIENT), "--passphrase", PASS, "--app-log", str(app_log),
             "--launcher", LAUNCHER, "--", sys.executable, str(REPO / "run.py"), "--data-dir", str(data)],
            cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
        try:
            out, err = session.communicate(timeout=WHOLE_RUN_S)
        except subprocess.TimeoutExpired:
            os.killpg(session.pid, signal.SIGKILL)
            out, err = session.communicate()
            pytest.fail(f"the AT-SPI client did not finish in {WHOLE_RUN_S} s:\n{out[-3000:]}\n{err[-2000:]}")
    finally:
        if session is not None:
            try:
                os.killpg(session.pid, signal.SIGKILL)  # anything of the session still running
            except ProcessLookupError:
                pass
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(runtime, ignore_errors=True)

    lines = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    log = app_log.read_text("utf-8", errors="replace") if app_log.exists() else ""
    transcript = "\n".join(out.splitlines()[-60:]) + f"\n--- client stderr\n{err[-2000:]}\n--- app\n{log[-2000:]}"
    done = [entry for entry in lines if entry["kind"] == "done"]
    assert done and done[-1]["ok"], transcript

    # The lock screen as read: the passphrase box and the button by their names.
    locked = next(entry["controls"] for entry in lines if entry["kind"] == "screen" and entry["name"] == "locked")
    assert {"role": "password text", "name": "Passphrase"} in [{"role": c["role"], "name": c["name"]}
                                                                for c in locked], locked
    assert any(c["role"] == "push button" and c["name"] == "Unlock" and c["description"] for c in locked), locked

    heard = [entry for entry in lines if entry["kind"] == "heard"]
    focus = [(h["role"], h["name"]) for h in heard if h["event"] == "focus"]
    assert focus[0] == ("password text", "Passphrase"), focus  # what Orca says first: "Passphrase, password text"
    said = [h for h in heard if h["event"] == "announcement"]
    wrong = [h for h in said if "not right" in h["text"]]
    assert len(wrong) == 1 and wrong[0]["assertive"], said  # said once, at once
    assert any(h["event"] == "name-changed" and "not right" in h["text"] for h in heard), heard

    interview = next(entry["controls"] for entry in lines if entry["kind"] == "screen" and entry["name"] == "interview")
    assert any(c["role"] == "push button" and "Hand to the child" in c["name"] for c in interview), interview
    after = [h["text"] for h in said[said.index(wrong[0]) + 1:]]
    assert any(t.endswith("topics answered") and t.startswith("1 of ") for t in after), after
    assert after.count("All changes saved") == 1, after  # once when it settled: never "Saving…"
    assert not any("Saving" in t for t in after), after
