"""One store, one process (issue 13, part 2). Changing the passphrase while the store was open
elsewhere swapped the database under the other connection: an import reported as done was gone.
Now a second process is refused with a message naming what holds the store, and a killed holder
leaves nothing that keeps anyone out. Real processes, a real store on disk."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from dayinlife.interchange import write_case_file
from dayinlife.store import Store, StoreInUse
from dayinlife.store_lock import LOCK_NAME, NOTE_NAME
from tests.test_case_interchange import build_case

REPO = Path(__file__).resolve().parent.parent
from tests.conftest import STORE_PASS as PASS  # noqa: E402
ENV = {**os.environ, "PYTHONPATH": str(REPO), "DAYINLIFE_PASSPHRASE": PASS, "DAYINLIFE_LOCK_WAIT": "1"}

HOLDER = """
import sys
from dayinlife import store_lock
from dayinlife.store import Store
store_lock.program = "the Day in My Life app"
store = Store.open(sys.argv[1], sys.argv[2])
print("open", flush=True)
for line in sys.stdin:
    if line.strip() == "count":
        print(len(store.list_cases()), flush=True)
    else:
        break
store.close()
"""


def cli(*args, data, extra=None):
    return subprocess.run([sys.executable, "-m", "dayinlife", "--data-dir", str(data), *map(str, args)],
                          cwd=REPO, env={**ENV, **(extra or {})}, capture_output=True, text=True, timeout=120)


@pytest.fixture
def folder(store_with_a_case):
    return store_with_a_case


@pytest.fixture
def holder(folder):
    """Another process with the store open, as the app would have it."""
    with subprocess.Popen([sys.executable, "-c", HOLDER, str(folder), PASS], cwd=REPO, env=ENV,
                          stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True) as proc:
        assert proc.stdout.readline().strip() == "open"
        yield proc
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=30)


def ask(proc, line: str) -> str:
    proc.stdin.write(line + "\n")
    proc.stdin.flush()
    return proc.stdout.readline().strip()


def test_a_second_process_is_refused_and_told_what_holds_the_store(folder, holder):
    with pytest.raises(StoreInUse) as err:
        Store.open(folder, PASS)
    words = str(err.value)
    assert "open in the Day in My Life app" in words and f"process {holder.pid}" in words
    assert "Close it there first" in words and "Nothing has been changed" in words


def test_changing_the_passphrase_while_the_app_has_it_open_is_refused_and_nothing_is_lost(folder, holder,
                                                                                           tmp_path, library):
    case_file = tmp_path / "another.json"
    case = build_case(library)
    case.reference = "FICT-0043"
    write_case_file(case, case_file)
    changed = cli("passphrase", "change", data=folder, extra={"DAYINLIFE_NEW_PASSPHRASE": "a new one here"})
    assert changed.returncode != 0 and "is open in the Day in My Life app" in changed.stderr
    assert "Traceback" not in changed.stderr
    imported = cli("case", "import", case_file, data=folder)
    assert imported.returncode != 0 and "is open in" in imported.stderr
    assert ask(holder, "count") == "1"  # the app still reads its store, unchanged
    ask(holder, "stop")
    holder.wait(timeout=30)
    assert not (folder / NOTE_NAME).exists()  # a clean close leaves no note of a holder
    assert cli("case", "import", case_file, data=folder).returncode == 0  # now it is free
    with Store.open(folder, PASS) as store:  # the old passphrase: nothing was swapped
        assert len(store.list_cases()) == 2


def test_a_killed_holder_leaves_nothing_that_keeps_anyone_out(folder, holder):
    holder.kill()
    holder.wait(timeout=30)
    assert (folder / NOTE_NAME).exists()  # the stale note is still there ...
    with Store.open(folder, PASS) as store:  # ... but the operating system's lock went with the process
        assert len(store.list_cases()) == 1
    listed = cli("case", "list", data=folder)
    assert listed.returncode == 0, listed.stderr


def test_one_process_may_open_its_own_store_twice(folder):
    with Store.open(folder, PASS) as first:
        with Store.open(folder, PASS) as second:
            assert len(second.list_cases()) == 1
        assert len(first.list_cases()) == 1  # closing one leaves the other open and locked
        out = cli("case", "list", data=folder)
        assert out.returncode != 0 and "is open in the dayinlife command line" in out.stderr
    assert cli("case", "list", data=folder).returncode == 0
    assert (folder / LOCK_NAME).exists()


def test_commands_run_at_once_all_succeed_in_turn(folder, library, tmp_path):
    """Three scripts importing at the same moment: each command waits its turn, none is lost."""
    files = []
    for n in range(12):
        case = build_case(library)
        case.reference, case.id = f"FICT-TURN-{n}", f"turn-{n}"  # (every other id is new in each build_case)
        case.analyses = {}
        path = tmp_path / f"turn-{n}.json"
        write_case_file(case, path)
        files.append(path)
    script = ("import subprocess, sys\n"
              "for f in sys.argv[2:]:\n"
              "    r = subprocess.run([sys.executable, '-m', 'dayinlife', '--data-dir', sys.argv[1], 'case', 'import', f])\n"
              "    if r.returncode: sys.exit(r.returncode)\n")
    env = {**ENV, "DAYINLIFE_LOCK_WAIT": "60"}
    runners = [subprocess.Popen([sys.executable, "-c", script, str(folder), *map(str, files[i::3])], cwd=REPO,
                                env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
               for i in range(3)]
    for runner in runners:
        _, err = runner.communicate(timeout=300)
        assert runner.returncode == 0, err
    with Store.open(folder, PASS) as store:
        assert len(store.list_cases()) == 13  # the one there before, and every one imported


@pytest.mark.skipif(os.name == "nt", reason="pipes and /dev/zero are POSIX")
@pytest.mark.parametrize("put_there", ["a pipe", "a link to /dev/zero"])
def test_a_note_that_is_a_pipe_or_a_device_never_hangs_either_process(folder, holder, put_there):
    """The holder's note replaced by a pipe (reading it would wait for ever, writing it too) or a
    link to /dev/zero (a read without end): the second process is still told the store is in use,
    at once; once the holder has gone, the next process opens the store and writes its note as a
    plain file."""
    note = folder / NOTE_NAME
    note.unlink()
    if put_there == "a pipe":
        os.mkfifo(note)
    else:
        note.symlink_to("/dev/zero")
    out = cli("case", "list", data=folder)
    assert out.returncode == 1 and "open in another program" in out.stderr, out.stderr
    ask(holder, "quit")
    holder.wait(timeout=30)
    if not os.path.lexists(note):
        os.mkfifo(note) if put_there == "a pipe" else note.symlink_to("/dev/zero")
    out = cli("case", "list", data=folder)
    assert out.returncode == 0 and "FICT-0042" in out.stdout, out.stderr
    assert not os.path.lexists(note) or (note.is_file() and not note.is_symlink())
