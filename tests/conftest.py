import os
import shutil
from datetime import date
from pathlib import Path

# Before anything imports Qt: without a display, creating a QApplication would abort.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from dayinlife import dates  # noqa: E402
from dayinlife.paths import templates_dir  # noqa: E402
from dayinlife.template_loader import load_library  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def library():
    lib = load_library()
    assert not lib.problems, "\n".join(map(str, lib.problems))
    return lib


@pytest.fixture
def template_folder(tmp_path):
    """A copy of the built-in templates that a test may break."""
    folder = tmp_path / "templates"
    shutil.copytree(templates_dir(), folder)
    return folder


@pytest.fixture
def minimal_text():
    return (FIXTURES / "minimal.toml").read_text("utf-8")


# Days that have caught date handling out: the 1st of a month (a field that starts on today with a
# maximum of today clamps each digit typed), 29 February, the last day of the year.
AWKWARD_DAYS = [date(2026, 12, 1), date(2028, 2, 29), date(2026, 12, 31)]


@pytest.fixture
def today(request, monkeypatch):
    """Today, frozen for the app (dayinlife.dates.clock): the day given by indirect parametrisation
    (see AWKWARD_DAYS), else the real date, fixed for the length of the test."""
    day = getattr(request, "param", None) or date.today()
    monkeypatch.setattr(dates, "clock", lambda: day)
    return day


STORE_PASS = "a passphrase for tests only"


@pytest.fixture
def store_with_a_case(tmp_path, library):
    """A real store on disk (passphrase STORE_PASS) holding one fictional family, closed."""
    from dayinlife.store import Store
    from tests.test_case_interchange import build_case

    folder = tmp_path / "data"
    with Store.create(folder, STORE_PASS) as store:
        store.save_case(build_case(library))
    return folder
