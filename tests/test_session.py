"""The Session: every change a screen or the command line makes, tested without a window on a real
store. Each saves what it changed, and a refused save (here: a store locked under it) leaves the
case exactly as it was."""

from __future__ import annotations

from datetime import date

import pytest

from dayinlife.case import AdultRole, Answer, Perspective, PerspectiveKind
from dayinlife.interchange import case_to_dict
from dayinlife.session import Session
from dayinlife.store import Store, StoreError

PASS = "not a real passphrase"


@pytest.fixture
def session(tmp_path, library):
    store = Store.create(tmp_path / "data", PASS)
    yield Session(store, library)
    store.close()


def same(a, b) -> bool:
    strip = lambda d: {k: v for k, v in d["case"].items() if k != "updated"}  # noqa: E731
    return strip(case_to_dict(a)) == strip(case_to_dict(b))


def test_case_references_are_unique_however_they_are_typed(session):
    session.new_case("FICT-1001")
    with pytest.raises(StoreError, match="Another case already has the reference FICT-1001"):
        session.new_case("  FICT-1001 ")
    other = session.new_case("FICT-1002")
    with pytest.raises(StoreError, match="already has the reference"):
        session.rename_case(other, "FICT-1001")
    with pytest.raises(StoreError, match="Give the case a reference"):
        session.rename_case(other, "   ")
    session.rename_case(other, "FICT-1002/A")
    assert session.open_case(other.id).reference == "FICT-1002/A"
    session.rename_case(other, "FICT-1002/A")  # its own reference again: nothing to refuse


def test_the_household_is_changed_through_named_methods(session):
    case = session.new_case("FICT-HOUSE")
    jo = session.add_adult(case, " Jo Fictional ", AdultRole.MOTHER)
    lee = session.add_adult(case, "Lee Fictional", AdultRole.OTHER, "mum's partner")
    session.update_adult(case, jo, "Jo Fictional-Brook", AdultRole.MOTHER, "ignored for a mother")
    kid = session.add_child(case, name="Mia Fictional", date_of_birth=date(2018, 3, 3), pronouns="she")
    session.update_child(case, kid, name="Mia Fictional", date_of_birth=date(2018, 3, 4), known_as="Mimi")
    back = session.open_case(case.id)
    assert [(a.name, a.role, a.role_detail) for a in back.adults] == [
        ("Jo Fictional-Brook", AdultRole.MOTHER, ""), ("Lee Fictional", AdultRole.OTHER, "mum's partner")]
    assert (back.children[0].date_of_birth, back.children[0].known_as) == (date(2018, 3, 4), "Mimi")
    iv = session.start_interview(case, kid, Perspective(PerspectiveKind.PARENT, lee.id), "primary", date(2026, 11, 1))
    session.save_answer(iv, "breakfast", Answer("Toast"))
    session.remove_adult(case, lee)  # and the interview Lee gave
    back = session.open_case(case.id)
    assert [a.name for a in back.adults] == ["Jo Fictional-Brook"] and back.children[0].interviews == []
    session.remove_child(case, kid)
    assert session.open_case(case.id).children == []


@pytest.mark.parametrize("change", [
    lambda s, c: s.add_adult(c, "Sam Fictional", AdultRole.FATHER),
    lambda s, c: s.update_adult(c, c.adults[0], "Renamed", AdultRole.GRANDPARENT),
    lambda s, c: s.remove_adult(c, c.adults[0]),
    lambda s, c: s.add_child(c, name="New Fictional", expected_date=date(2027, 3, 1)),
    lambda s, c: s.update_child(c, c.children[0], name="Renamed", date_of_birth=date(2019, 1, 1)),
    lambda s, c: s.remove_child(c, c.children[0]),
    lambda s, c: s.start_interview(c, c.children[0], Perspective(PerspectiveKind.CHILD), "primary",
                                   date(2026, 11, 2)),
    lambda s, c: s.set_hidden(c, "Greenfield Primary"),
], ids=["add adult", "update adult", "remove adult", "add child", "update child", "remove child",
        "start interview", "hidden names"])
def test_a_refused_save_leaves_the_case_as_it_was(session, change):
    case = session.new_case("FICT-REFUSE")
    session.add_adult(case, "Jo Fictional", AdultRole.MOTHER)
    session.add_child(case, name="Mia Fictional", date_of_birth=date(2018, 3, 3))
    before = session.open_case(case.id)
    session.store.close()  # the store refuses every save from now on
    with pytest.raises(StoreError):
        change(session, case)
    assert same(case, before)


def test_rename_refused_by_the_store_keeps_the_old_reference(session):
    case = session.new_case("FICT-OLD")
    session.store.close()
    with pytest.raises(StoreError):
        session.rename_case(case, "FICT-NEW")
    assert case.reference == "FICT-OLD"


def test_passphrase_backup_and_export(session, tmp_path):
    assert session.check_passphrase(PASS) and not session.check_passphrase("a guess")
    case = session.new_case("FICT-OUT")
    kid = session.add_child(case, name="Mia Fictional", date_of_birth=date(2018, 3, 3))
    iv = session.start_interview(case, kid, Perspective(PerspectiveKind.CHILD), "primary", date(2026, 11, 1))
    session.save_answer(iv, "breakfast", Answer("Cereal & toast"))
    session.back_up(tmp_path / "backup.dilbak")
    assert (tmp_path / "backup.dilbak").stat().st_size > 0
    path = session.export_report(case, kid, tmp_path)
    import docx

    assert "“Cereal & toast”" in [p.text for p in docx.Document(str(path)).paragraphs]


def test_seen_alone_and_a_disclosure_are_recorded_and_a_refused_save_keeps_the_case(session):
    case = session.new_case("FICT-DISCLOSE")
    kid = session.add_child(case, name="Mia Fictional", date_of_birth=date(2015, 3, 3))
    iv = session.start_interview(case, kid, Perspective(PerspectiveKind.CHILD), "primary", date(2026, 11, 1))
    session.set_seen_alone(case, iv, True)
    d = session.record_disclosure(case, iv, "Mum's boyfriend locks me in my room", "Who's there at night?", "night")
    back = session.open_case(case.id).children[0].interviews[0]
    assert back.seen_alone is True and [x.words for x in back.disclosures] == ["Mum's boyfriend locks me in my room"]
    assert back.disclosures[0].asked == "Who's there at night?" and back.disclosures[0].at == d.at
    with pytest.raises(ValueError):
        session.record_disclosure(case, iv, "   ")
    session.store.close()
    with pytest.raises(StoreError):
        session.record_disclosure(case, iv, "more words")
    assert [x.words for x in case.children[0].interviews[0].disclosures] == ["Mum's boyfriend locks me in my room"]
