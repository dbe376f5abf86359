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
