"""A real AT-SPI client, as a screen reader (Orca) and a voice-control tool meet the app on Linux.

Run by Debian's own Python (`/usr/bin/python3`, which has pyatspi; the virtualenv cannot import it)
inside a private D-Bus session, by tests/ui/test_atspi.py. It starts the AT-SPI bus, then the app,
then, with what a person would do:

1. finds the app on the accessibility bus and reads the lock screen's controls (role, name and
   description, as Orca says them);
2. types a wrong passphrase and Enter (real key events, through the AT-SPI registry's XTest) and waits
   to hear "not right": an announcement, or the message's name changing;
3. types the right one, then "clicks" buttons by the words on them, as a voice-control user says
   them ("Open", "Continue interview"): the button whose name contains the words is pressed;
4. types an answer and waits to hear the count of topics answered and "All changes saved".

Everything it hears is printed, one JSON object a line; the test reads them. Exit status 0 when every
step was met in time, 1 (and a line saying which step) when one was not.

Not part of the package and not imported by pytest: it must run under Debian's Python alone.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import time

pyatspi = GLib = None  # imported once the AT-SPI bus is started (main)

STEP_S = 30  # the longest any one step may take (the app's start-up on a slow machine included)

heard: list[dict] = []
app_process: subprocess.Popen | None = None  # the app: a step fails at once if it has ended


def say(kind: str, **fields) -> None:
    print(json.dumps({"kind": kind, **fields}, ensure_ascii=False), flush=True)


class Failed(Exception):
    pass


def pump(seconds: float) -> None:
    """Let events arrive for `seconds` (the GLib main context is where pyatspi delivers them)."""
    context = GLib.MainContext.default()
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        while context.pending():
            context.iteration(False)
        time.sleep(0.01)


def wait_for(what: str, test, timeout: float = STEP_S):
    """Pump events until `test()` gives something true; fail the step after `timeout` seconds."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if app_process is not None and app_process.poll() is not None:
            raise Failed(f"the app ended (exit status {app_process.returncode}) while waiting for: {what}")
        try:
            found = test()
        except Exception:  # the tree changes under us while the app builds a screen: ask again
            found = None
        if found:
            return found
        pump(0.1)
    raise Failed(f"not met within {timeout:.0f} s: {what}")


def on_event(event) -> None:
    try:
        source = event.source
        role, name = source.getRoleName(), source.name
    except Exception:
        role, name = "", ""
    text = event.any_data if isinstance(event.any_data, str) else ""
    if event.type.startswith("object:state-changed:focused"):
        if not event.detail1:
            return
        try:
            description = source.description
        except Exception:
            description = ""
        entry = {"event": "focus", "role": role, "name": name, "description": description}
    elif event.type.startswith("object:announcement"):
        entry = {"event": "announcement", "text": text, "role": role, "assertive": event.detail1 == 2}
    else:  # object:property-change:accessible-name
        entry = {"event": "name-changed", "text": text, "role": role}
    heard.append(entry)
    say("heard", **entry)


def heard_text(event: str, words: str, since: int = 0):
    return next((h for h in heard[since:] if h["event"] == event and words in h.get("text", "")), None)


# ------------------------------------------------------------------ the accessible tree


def find_app(name: str):
    desktop = pyatspi.Registry.getDesktop(0)
    for i in range(desktop.childCount):
        app = desktop.getChildAtIndex(i)
        if app is not None and app.name == name:
            return app
    return None


def showing(node) -> bool:
    states = node.getState()
    return states.contains(pyatspi.STATE_SHOWING) and states.contains(pyatspi.STATE_VISIBLE)


def walk(node, depth: int = 0):
    """Every showing object under `node` (hidden pages are not read, as Orca does not read them)."""
    if depth > 40:
        return
    for i in range(node.childCount):
        child = node.getChildAtIndex(i)
        if child is None or not showing(child):
            continue
        yield child
        yield from walk(child, depth + 1)


CONTROLS = {"push button", "check box", "radio button", "password text", "text", "combo box", "page tab",
            "label", "toggle button", "list", "table", "spin button"}


def read_screen(app) -> list[dict]:
    """What a screen reader's review of the window gives: each control's role, name and description."""
    out = []
    for node in walk(app):
        role = node.getRoleName()
        if role in CONTROLS:
            out.append({"role": role, "name": node.name, "description": node.description})
    return out


def control(app, role: str, words: str):
    """The showing control of `role` whose name contains `words`, as voice control finds it."""
    for node in walk(app):
        if node.getRoleName() == role and words.lower() in (node.name or "").lower():
            return node
    return None


def press(app, words: str) -> None:
    """"Click <words>": the button named with those words is pressed (its AT-SPI action)."""
    button = wait_for(f"a button whose name contains {words!r}",
                      lambda: (b := control(app, "push button", words)) is not None
                      and b.getState().contains(pyatspi.STATE_ENABLED) and b)
    action = button.queryAction()
    names = [action.getName(i) for i in range(action.nActions)]
    say("step", did=f"click {words}", button=button.name, actions=names)
    action.doAction(names.index("Press") if "Press" in names else 0)


def give_focus(node, what: str) -> None:
    """Put the keyboard focus in `node` (where a person would click or Tab to), and wait until it is."""
    def there():
        if node.getState().contains(pyatspi.STATE_FOCUSED):
            return True
        node.queryComponent().grabFocus()
        return False
    wait_for(f"the keyboard focus in {what}", there, 10)


def focused(app):
    for node in walk(app):
        if node.getState().contains(pyatspi.STATE_FOCUSED):
            return node
    return None


# ------------------------------------------------------------------ the keyboard


def type_text(text: str) -> None:
    pyatspi.Registry.generateKeyboardEvent(0, text, pyatspi.KEY_STRING)
    pump(0.2)


def key(keysym_name: str) -> None:
    keysym = {"Return": 0xFF0D, "Tab": 0xFF09}[keysym_name]
    pyatspi.Registry.generateKeyboardEvent(keysym, None, pyatspi.KEY_SYM)
    pump(0.2)


# ------------------------------------------------------------------ the journey


def journey(args) -> None:
    app = wait_for("the app on the accessibility bus", lambda: find_app(args.app_name))
    say("step", did="found the app", name=app.name)

    # There is no window manager on this X server to give the new window the keyboard, as a desktop
    # would: xdotool does that one thing (X's own input focus), nothing more.
    try:
        subprocess.run(["xdotool", "search", "--sync", "--name", args.app_name, "windowfocus", "--sync"],
                       check=True, timeout=STEP_S, capture_output=True)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
        raise Failed(f"xdotool could not give the app's window the focus: {exc}") from None
    passphrase = wait_for("the passphrase box", lambda: control(app, "password text", "passphrase"))
    say("screen", name="locked", controls=read_screen(app))
    unlock = control(app, "push button", "Unlock")
    if unlock is None:
        raise Failed("the lock screen has no button named Unlock")
    give_focus(passphrase, "the passphrase box")

    mark = len(heard)
    type_text(args.wrong)
    key("Return")
    wait_for("'not right' heard after a wrong passphrase",
             lambda: heard_text("announcement", "not right", mark) or heard_text("name-changed", "not right", mark))
    pump(0.5)  # whatever else comes with it
    say("step", did="a wrong passphrase")

    give_focus(passphrase, "the passphrase box")
    type_text(args.passphrase)
    key("Return")
    wait_for("the case list after unlocking", lambda: control(app, "push button", "Open"))
    say("step", did="unlocked")
    press(app, "Open")
    press(app, "Continue interview")
    wait_for("the interview, with the focus in the first answer box",
             lambda: (f := focused(app)) is not None and f.getRoleName() == "text" and "own words" in f.name.lower())
    say("screen", name="interview", controls=read_screen(app))

    mark = len(heard)
    type_text(args.answer)
    wait_for("the count of topics answered heard", lambda: heard_text("announcement", "topics answered", mark))
    wait_for("'All changes saved' heard once the typing pauses",
             lambda: heard_text("announcement", "All changes saved", mark))
    pump(1.0)  # anything said after it (nothing should be)
    say("step", did="typed an answer")


def children_of(pid: int) -> list[int]:
    """The processes whose parent is `pid` (from /proc)."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="utf-8") as stat:
                    fields = stat.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry))
    return found


def generations(pid: int) -> list[list[int]]:
    """`pid`'s children, grandchildren..., one list a generation."""
    out, level = [], children_of(pid)
    while level:
        out.append(level)
        level = [grandchild for child in level for grandchild in children_of(child)]
    return out


def main() -> int:
    # atspi_client.py [options] -- COMMAND THAT STARTS THE APP...
    argv = sys.argv[1:]
    cut = argv.index("--") if "--" in argv else len(argv)
    parser = argparse.ArgumentParser()
    parser.add_argument("--app-name", default="Day in My Life")
    parser.add_argument("--passphrase", required=True)
    parser.add_argument("--wrong", default="not the right one")
    parser.add_argument("--answer", default="Toast most days")
    parser.add_argument("--launcher", default="/usr/libexec/at-spi-bus-launcher")
    parser.add_argument("--app-log", required=True)
    args = parser.parse_args(argv[:cut])
    args.app = argv[cut + 1:]
    if not args.app:
        parser.error("give the command that starts the app after --")

    global pyatspi, GLib, app_process
    started: list[subprocess.Popen] = []
    try:
        # The AT-SPI bus, as a desktop session starts it; the registry is started on it when first asked.
        started.append(subprocess.Popen([args.launcher, "--launch-immediately"],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        time.sleep(0.5)
        import pyatspi  # noqa: F811  (connects to the bus just started)
        from gi.repository import GLib  # noqa: F811
        for kind in ("object:announcement", "object:property-change:accessible-name",
                     "object:state-changed:focused"):
            pyatspi.Registry.registerEventListener(on_event, kind)
        pump(0.5)
        env = dict(os.environ, QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1", QT_QPA_PLATFORM="xcb")
        with open(args.app_log, "w", encoding="utf-8") as log:
            app_process = subprocess.Popen(args.app, env=env, stdout=log, stderr=log)
        started.append(app_process)
        journey(args)
        say("done", ok=True)
        return 0
    except Failed as exc:
        say("done", ok=False, why=str(exc))
        return 1
    finally:
        # What the bus launcher started (the AT-SPI bus, and the registry the bus started) deepest first,
        # each while its parent is there to collect it; then everything this started, newest first.
        for process in started[:1]:
            for level in reversed(generations(process.pid)):
                for pid in level:
                    try:
                        os.kill(pid, signal.SIGTERM)
                    except ProcessLookupError:
                        pass
                time.sleep(0.3)
        for process in reversed(started):
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process in reversed(started):
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)


if __name__ == "__main__":
    sys.exit(main())
