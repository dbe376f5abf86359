"""The lock screens say clearly what is wrong with the store, and change nothing."""

import hashlib
import os
from pathlib import Path

from PySide6.QtCore import Qt

from dayinlife.store import Store
from dayinlife.ui.lock_pages import FirstRunPage, UnlockPage

PASS = "lock page passphrase"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def unlock_with(qtbot, folder, passphrase):
    page = UnlockPage(folder)
    qtbot.addWidget(page)
    opened = []
    page.unlocked.connect(opened.append)
    qtbot.keyClicks(page.passphrase, passphrase)
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    return page, opened


def test_a_damaged_store_is_named_and_left_alone(qtbot, tmp_path):
    folder = tmp_path / "data"
    Store.create(folder, PASS).close()
    db = folder / "dayinlife.db"
    raw = bytearray(db.read_bytes())
    raw[100:400] = os.urandom(300)
    db.write_bytes(bytes(raw))
    before = digest(db)
    page, opened = unlock_with(qtbot, folder, PASS)
    assert not opened
    assert "damaged" in page.message.text() and "restore it from a backup" in page.message.text()
    assert digest(db) == before


def test_a_newer_store_is_refused(qtbot, tmp_path):
    folder = tmp_path / "data"
    with Store.create(folder, PASS) as store:
        store._conn.execute("PRAGMA user_version = 99")
    page, opened = unlock_with(qtbot, folder, PASS)
    assert not opened and "newer version" in page.message.text()


def test_an_unwritable_place_for_the_store(qtbot, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    page = FirstRunPage(blocker / "data")
    qtbot.addWidget(page)
    qtbot.keyClicks(page.passphrase, PASS)
    qtbot.keyClicks(page.repeat, PASS)
    page.understand.setChecked(True)
    created = []
    page.unlocked.connect(created.append)
    page.create_button.click()
    assert not created
    assert "cannot be written" in page.message.text()
    assert blocker.read_text() == "x"


def test_throttled_after_repeated_failures(qtbot, tmp_path):
    folder = tmp_path / "data"
    Store.create(folder, PASS).close()
    for _ in range(3):
        page, opened = unlock_with(qtbot, folder, "wrong one")
        assert "not right" in page.message.text()
    page, opened = unlock_with(qtbot, folder, PASS)
    assert not opened and "wait" in page.message.text()


def test_a_store_open_in_another_process_is_named_and_left_alone(qtbot, tmp_path):
    """Issue 13: a second app window (another process) is told what has the store open."""
    import subprocess
    import sys

    folder = tmp_path / "data"
    Store.create(folder, PASS).close()
    repo = Path(__file__).resolve().parents[2]
    code = ("import sys; from dayinlife import store_lock; from dayinlife.store import Store; "
            "store_lock.program = 'the Day in My Life app'; s = Store.open(sys.argv[1], sys.argv[2]); "
            "print('open', flush=True); sys.stdin.readline(); s.close()")
    with subprocess.Popen([sys.executable, "-c", code, str(folder), PASS], cwd=repo,
                          env={**os.environ, "PYTHONPATH": str(repo)}, stdin=subprocess.PIPE,
                          stdout=subprocess.PIPE, text=True) as other:
        assert other.stdout.readline().strip() == "open"
        page, opened = unlock_with(qtbot, folder, PASS)
        assert not opened
        assert "is open in the Day in My Life app" in page.message.text()
        assert f"process {other.pid}" in page.message.text()
        other.stdin.write("\n")
        other.stdin.flush()
        other.wait(timeout=30)
    page.passphrase.clear()
    qtbot.keyClicks(page.passphrase, PASS)
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    assert opened  # closed there, it opens here
    opened[0].close()


def test_a_missing_database_is_said_and_no_new_store_is_offered(qtbot, tmp_path):
    """Issue 13: the database gone, its key file there: the app never sets up a new store over it."""
    from dayinlife.ui.main_window import MainWindow

    folder = tmp_path / "data"
    Store.create(folder, PASS).close()
    (folder / "dayinlife.db").unlink()
    key_before = digest(folder / "dayinlife-store.json")
    window = MainWindow(folder)
    qtbot.addWidget(window)
    assert window.stack.currentWidget() is window.unlock_page  # not the first-run page
    qtbot.keyClicks(window.unlock_page.passphrase, PASS)
    qtbot.keyClick(window.unlock_page.passphrase, Qt.Key.Key_Return)
    assert "is missing" in window.unlock_page.message.text() and "backup" in window.unlock_page.message.text()
    # and were the first-run page reached anyway, it refuses too
    first = FirstRunPage(folder)
    qtbot.addWidget(first)
    qtbot.keyClicks(first.passphrase, "a brand new passphrase")
    qtbot.keyClicks(first.repeat, "a brand new passphrase")
    first.understand.setChecked(True)
    created = []
    first.unlocked.connect(created.append)
    first.create_button.click()
    assert not created and "is missing" in first.message.text()
    assert digest(folder / "dayinlife-store.json") == key_before
