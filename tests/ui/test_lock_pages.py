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
    assert "damaged" in page.message.text() and "restore your latest backup" in page.message.text()
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


def _answering(monkeypatch, backup, passphrase):
    """The file dialog picks `backup`; the passphrase dialog is typed `passphrase`."""
    from dayinlife.ui import dialogs

    asked = []

    def answer(kind, parent, title, text, **options):
        asked.append((kind, text))
        return {"open_path": backup, "passphrase": passphrase, "info": None}[kind]

    monkeypatch.setattr(dialogs, "ASK", answer)
    return asked


def _backup_of_one_case(tmp_path, library):
    from tests.test_case_interchange import build_case

    with Store.create(tmp_path / "old laptop", PASS) as old:
        case = build_case(library)
        old.save_case(case)
        old.backup(tmp_path / "backup.dilbak")
    return tmp_path / "backup.dilbak", case


def test_a_missing_database_is_restored_from_a_backup_on_the_lock_screen(qtbot, tmp_path, library,
                                                                         monkeypatch):
    """The database gone: the lock screen says so before any passphrase is typed, and its restore
    button (clicked where it is drawn) puts the backup's cases back into that folder and opens it."""
    from dayinlife.ui.main_window import MainWindow

    backup, case = _backup_of_one_case(tmp_path, library)
    folder = tmp_path / "data"
    Store.create(folder, PASS).close()
    (folder / "dayinlife.db").unlink()
    window = MainWindow(folder)
    qtbot.addWidget(window)
    window.show()
    page = window.unlock_page
    assert window.stack.currentWidget() is page
    assert "is missing" in page.message.text() and "Restore from a backup" in page.message.text()
    assert page.restore_button.isVisible()
    _answering(monkeypatch, tmp_path / "not there.dilbak", PASS)
    qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    assert "does not exist" in page.message.text() and window.session is None
    asked = _answering(monkeypatch, backup, PASS)
    qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    assert window.session is not None, page.message.text()
    told = [text for kind, text in asked if kind == "info"]  # the missing database's key file, kept aside
    assert len(told) == 1 and "dayinlife-store-before-restore-" in told[0]
    assert len(list(folder.glob("dayinlife-store-before-restore-*.json"))) == 1
    assert window.session.store.load_case(case.id).reference == case.reference
    window.session.store.close()
    with Store.open(folder, PASS) as again:
        assert [c.reference for c in again.list_cases()] == [case.reference]


def test_a_new_computer_starts_from_a_backup_and_a_damaged_one_is_named(qtbot, tmp_path, library, monkeypatch):
    backup, case = _backup_of_one_case(tmp_path, library)
    damaged = tmp_path / "damaged.dilbak"
    raw = bytearray(backup.read_bytes())
    raw[-3000] ^= 0xFF
    damaged.write_bytes(bytes(raw))
    folder = tmp_path / "new laptop" / "data"
    page = FirstRunPage(folder)
    qtbot.addWidget(page)
    page.show()
    opened = []
    page.unlocked.connect(opened.append)
    _answering(monkeypatch, damaged, PASS)
    qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    assert not opened and f"The backup {damaged} is damaged" in page.message.text()
    assert not folder.exists()  # nothing half-made is left to be mistaken for a store
    _answering(monkeypatch, backup, "not the passphrase")
    qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    assert not opened and "does not open this backup" in page.message.text()
    asked = _answering(monkeypatch, None, PASS)  # the file dialog cancelled: nothing more is asked
    qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    assert [kind for kind, _ in asked] == ["open_path"] and not opened
    _answering(monkeypatch, backup, PASS)
    qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    assert opened and [c.reference for c in opened[0].list_cases()] == [case.reference]
    opened[0].close()


def test_an_ordinary_locked_store_offers_no_restore(qtbot, tmp_path):
    folder = tmp_path / "data"
    Store.create(folder, PASS).close()
    page = UnlockPage(folder)
    qtbot.addWidget(page)
    page.show()
    page.reset()
    assert not page.restore_button.isVisible() and page.message.text() == ""


def test_a_data_folder_ending_in_a_space_is_refused_before_a_second_store_is_made(qtbot, tmp_path):
    """DAYINLIFE_DATA_DIR="...data " (a space typed at the end): setting up there would make a second,
    empty store beside the real one, and work would go into it unseen."""
    real = tmp_path / "data"
    Store.create(real, PASS).close()
    page = FirstRunPage(tmp_path / "data ")
    qtbot.addWidget(page)
    created = []
    page.unlocked.connect(created.append)
    qtbot.keyClicks(page.passphrase, "a brand new passphrase")
    qtbot.keyClicks(page.repeat, "a brand new passphrase")
    page.understand.setChecked(True)
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    assert not created and "space at the start or end" in page.message.text()
    assert not (tmp_path / "data ").exists()


def test_return_on_the_focused_create_button_presses_it(qtbot, tmp_path):
    """Tabbing to "Create my locked store" and pressing Return (as on Windows) sets the store up."""
    page = FirstRunPage(tmp_path / "data")
    qtbot.addWidget(page)
    page.show()
    created = []
    page.unlocked.connect(created.append)
    qtbot.keyClicks(page.passphrase, "four unrelated words")
    qtbot.keyClicks(page.repeat, "four unrelated words")
    qtbot.keyClick(page.understand, Qt.Key.Key_Space)
    page.create_button.setFocus()
    qtbot.keyClick(page.create_button, Qt.Key.Key_Return)
    assert created, page.message.text()
    created[0].close()
