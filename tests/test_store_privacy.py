"""Nothing readable without the passphrase: no personal data in clear anywhere the tool writes."""

import tempfile
from datetime import date
from pathlib import Path

import pytest

from dayinlife.case import Adult, AdultRole, Case, Child, Perspective, PerspectiveKind
from dayinlife.store import Store

NAME = "Quillonette Marchbanks-Ysolde"
WORDS = "I keep my crisps under the blue wardrobe because the kitchen is locked at night"


def needles():
    out = []
    for text in (NAME, WORDS, NAME.split()[0], "blue wardrobe"):
        for variant in (text, text.lower(), text.upper()):
            out += [variant.encode("utf-8"), variant.encode("utf-16-le"), variant.encode("utf-16-be")]
    return out


def every_file(*folders):
    for folder in folders:
        for path in Path(folder).rglob("*"):
            if path.is_file():
                yield path


def assert_nothing_in_clear(*folders):
    found = []
    for path in every_file(*folders):
        lowered = str(path).lower()
        if NAME.split()[0].lower() in lowered or "marchbanks" in lowered:
            found.append(f"name in file name: {path}")
        data = path.read_bytes()
        found += [f"{path}: {n[:20]!r}" for n in needles() if n in data]
    assert not found


@pytest.fixture
def private_temp(tmp_path, monkeypatch):
    """The process's temp folder, fresh, so everything written there can be searched."""
    temp = tmp_path / "temp"
    temp.mkdir()
    for var in ("TMPDIR", "TEMP", "TMP"):
        monkeypatch.setenv(var, str(temp))
    monkeypatch.setattr(tempfile, "tempdir", None)
    assert tempfile.gettempdir() == str(temp)
    return temp


def test_planted_child_is_nowhere_in_clear(tmp_path, private_temp, library):
    data = tmp_path / "data"
    out = tmp_path / "out"
    out.mkdir()
    store = Store.create(data, "a good passphrase")
    case = Case("PRIV-001", [Adult("Parent Fictional", AdultRole.MOTHER)])
    child = Child(NAME, date_of_birth=date(2017, 3, 3))
    case.children.append(child)
    iv = case.start_interview(child, Perspective(PerspectiveKind.CHILD), library.get("primary"), date(2026, 11, 1))
    store.save_case(case)
    answer = iv.answer("breakfast")
    for end in range(1, len(WORDS) + 1, 7):  # saved as typed, many times
        answer.text = WORDS[:end]
        store.save_answer(iv.id, "breakfast", answer)
    answer.text = WORDS
    store.save_answer(iv.id, "breakfast", answer)
    assert_nothing_in_clear(data, private_temp)  # while open: the WAL too

    store.backup(out / "backup.dilbak")
    store.export_case_file(case.id, out / "case.dilcase", "file passphrase")
    store.change_passphrase("a good passphrase", "another passphrase")
    second = case.children[0].interviews[0]
    store.set_archived(case.id, True)
    store.close()
    assert_nothing_in_clear(data, out, private_temp)

    # and it is all really there for the right passphrase
    with Store.open(data, "another passphrase") as again:
        assert again.load_case(case.id).children[0].interviews[0].answers["breakfast"].text == WORDS
        assert again.load_case(case.id).children[0].name == NAME
        assert second.id == again.load_case(case.id).children[0].interviews[0].id
    with Store.restore(out / "backup.dilbak", tmp_path / "restored", "a good passphrase") as restored:
        assert restored.load_case(case.id).children[0].name == NAME
    assert_nothing_in_clear(data, out, private_temp, tmp_path / "restored")
