"""The names and places a case hides in an anonymised report, saved through the Session."""

import pytest

from dayinlife.session import Session
from dayinlife.store import Store, StoreError


@pytest.fixture
def session(tmp_path, library):
    store = Store.create(tmp_path / "data", "not a real passphrase")
    yield Session(store, library)
    store.close()


def test_saved_one_per_line_without_blanks_or_repeats(session):
    case = session.new_case("FICT-HID")
    assert session.set_hidden(case, " Greenfield Primary \n\nACACIA ROAD\nacacia road\nMs Okafor") == \
        ["Greenfield Primary", "ACACIA ROAD", "Ms Okafor"]
    assert session.open_case(case.id).hidden == ["Greenfield Primary", "ACACIA ROAD", "Ms Okafor"]
    session.set_hidden(case, [])
    assert session.open_case(case.id).hidden == [] == case.hidden


def test_a_refused_save_leaves_the_case_as_it_was(session):
    case = session.new_case("FICT-HID")
    session.set_hidden(case, "Greenfield Primary")
    updated = case.updated
    session.store.close()
    with pytest.raises(StoreError):
        session.set_hidden(case, "Greenfield Primary\nAcacia Road")
    assert case.hidden == ["Greenfield Primary"] and case.updated == updated
