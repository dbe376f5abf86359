"""The chronology: events typed as a practitioner types their dates, kept in a real store and in case
files (older files still read, hostile ones refused by place), and the app's own interviews and
analyses in it by themselves."""

from __future__ import annotations

import json
from datetime import date, datetime, timezone

import pytest

from dayinlife.case import Perspective, PerspectiveKind
from dayinlife.chronology import (Effect, Event, EventDate, Kind, children_words, entries, read_event_date)
from dayinlife.dates import DateProblem
from dayinlife.interchange import FORMAT_VERSION, InterchangeError, case_from_dict, case_to_dict
from dayinlife.session import Session
from dayinlife.store import Store, StoreError
from dayinlife.vocab import NeglectType
from tests.test_case_interchange import build_case

PASS = "not a real passphrase"
TODAY = date(2026, 12, 1)


@pytest.mark.parametrize("typed, shown", [
    ("14/03/2021", "14/03/2021"), ("14032021", "14/03/2021"), ("1/3/2021", "01/03/2021"),
    ("03/2021", "March 2021"), ("3 2021", "March 2021"), ("032021", "March 2021"), ("March 2021", "March 2021"),
    ("mar 2021", "March 2021"), ("Sept 2020", "September 2020"), ("2021-03", "March 2021"),
    ("2021-03-14", "14/03/2021"), ("2019", "2019"), (" 2019 ", "2019"),
])
def test_a_day_or_only_a_month(typed, shown):
    assert read_event_date(typed, TODAY).text == shown


@pytest.mark.parametrize("typed, said", [
    ("13/2021", "no month 13"), ("Smarch 2021", "not the name of a month"), ("31/02/2021", "28 days"),
    ("02/12/2026x", "not a date"), ("03/1850", "too early"), ("02/12/2026", "in the future"),
    ("01/2027", "in the future"), ("14/03/21", "four figures"), ("2027", "in the future"), ("1850", "too early"),
])
def test_a_date_that_cannot_be_used_is_said(typed, said):
    with pytest.raises(DateProblem, match=said):
        read_event_date(typed, TODAY)


def test_only_a_year_as_an_old_record_gives_it():
    """'2022' was refused, and the practitioner typed 01/2022, a precision the record did not have."""
    year = read_event_date("2022", TODAY)
    assert year.year_only and not year.month_only and (year.text, year.typed, year.iso) == ("2022", "2022", "2022")
    assert sorted([EventDate(2022, 1), year, EventDate(2021, 12, 31)]) == [EventDate(2021, 12, 31), year,
                                                                          EventDate(2022, 1)]
    assert 2022 < year.fraction < 2023 and year.last_day == date(2022, 12, 31)
    with pytest.raises(ValueError):
        EventDate(2022, None, 5)


def test_a_month_comes_before_the_days_in_it_and_after_the_month_before():
    days = [EventDate(2021, 3, 5), EventDate(2021, 3), EventDate(2021, 2, 28), EventDate(2021, 3, 1)]
    assert sorted(days) == [EventDate(2021, 2, 28), EventDate(2021, 3), EventDate(2021, 3, 1), EventDate(2021, 3, 5)]
    assert EventDate(2021, 3).fraction < EventDate(2021, 4).fraction < 2022


def test_interviews_and_the_analysis_are_in_it_by_themselves(library):
    case = build_case(library)
    kid, unborn = case.children
    case.analyses[kid.id].updated = datetime(2026, 11, 25, 10, tzinfo=timezone.utc)
    rows = entries(case, kid.id)
    rows = [r for r in rows if r.kind is not Kind.DISCLOSURE] + [r for r in rows if r.kind is Kind.DISCLOSURE]
    kinds = [(r.when.text, r.kind) for r in rows if r.kind is not Kind.DISCLOSURE]
    assert kinds == [("June 2019", Kind.EVENT), ("02/09/2024", Kind.EVENT), ("20/11/2026", Kind.INTERVIEW),
                     ("21/11/2026", Kind.INTERVIEW), ("22/11/2026", Kind.INTERVIEW), ("25/11/2026", Kind.ANALYSIS)]
    (pressed,) = [r for r in rows if r.kind is Kind.DISCLOSURE]  # two worries in one interview: one entry
    assert pressed.what.startswith("Siobhán pressed “Something worries me” twice in the interview")
    assert all(w.words[:20] not in pressed.what for w in kid.interviews[0].worries if w.words)  # never the words
    assert rows[2].what == "Day in the life interview with Siobhán."
    assert rows[3].what == "Day in the life interview with Jo Testperson (mother) about Siobhán's day."
    assert rows[3].source == "A. Practitioner"
    assert rows[4].what == "Day in the life account from School: class teacher about Siobhán's day."
    # the unborn baby: the family-wide event and the mother's pre-birth interview, not the other child's
    assert [r.what[:22] for r in entries(case, unborn.id)] == ["Started breakfast club", "Day in the life interv"]
    # by type: only the events about it
    assert [r.when.text for r in entries(case, neglect=NeglectType.MEDICAL)] == ["June 2019"]
    assert [e for e in entries(case, newest_first=True) if e.kind is not Kind.DISCLOSURE][0].kind is Kind.ANALYSIS
    assert children_words(case, []) == "The whole family" and children_words(case, [kid.id]) == "Siobhán"


@pytest.fixture
def session(tmp_path, library):
    store = Store.create(tmp_path / "data", PASS)
    yield Session(store, library)
    store.close()


def test_events_are_kept_changed_and_removed_in_a_real_store(session, library):
    case = build_case(library)
    session.store.save_case(case)
    kid = case.children[0]
    ev = session.keep_event(case, Event(EventDate(2025, 1, 7), "  Police called: the children alone at night ",
                                        "Police", effect=Effect.HARMFUL,
                                        child_ids=[kid.id, kid.id, "not-a-child"],
                                        neglect=[NeglectType.SUPERVISION, NeglectType.PHYSICAL, NeglectType.PHYSICAL]))
    assert ev.what == "Police called: the children alone at night" and ev.child_ids == [kid.id]
    assert ev.neglect == [NeglectType.PHYSICAL, NeglectType.SUPERVISION] and ev.created == ev.updated
    back = session.open_case(case.id)
    assert case_to_dict(back)["case"]["chronology"] == case_to_dict(case)["case"]["chronology"]
    ev.what = "Police called: Siobhán alone at night"
    session.keep_event(back, ev)
    again = session.open_case(case.id)
    assert [e.what for e in again.chronology if e.id == ev.id] == ["Police called: Siobhán alone at night"]
    assert len(again.chronology) == 3
    session.remove_event(again, ev.id)
    assert len(session.open_case(case.id).chronology) == 2
    with pytest.raises(ValueError, match="Say what happened"):
        session.keep_event(again, Event(EventDate(2025, 1), "   "))
    with pytest.raises(ValueError, match="at most 20,000"):
        session.keep_event(again, Event(EventDate(2025, 1), "x", impact="y" * 20_001))


def test_a_refused_save_leaves_the_chronology_as_it_was(session, library):
    case = build_case(library)
    session.store.save_case(case)
    before = case_to_dict(case)["case"]["chronology"]
    session.store.close()
    with pytest.raises(StoreError):
        session.keep_event(case, Event(EventDate(2025, 1), "Something"))
    with pytest.raises(StoreError):
        session.remove_event(case, case.chronology[0].id)
    assert case_to_dict(case)["case"]["chronology"] == before


def test_removing_a_child_takes_only_the_events_about_them_alone(session, library):
    case = build_case(library)
    kid, unborn = case.children
    case.chronology.append(Event(EventDate(2026, 1), "Both at the GP", child_ids=[kid.id, unborn.id]))
    session.store.save_case(case)
    assert [getattr(e, "what", "scores")[:9] for e in session.only_about(case, kid)] == ["Two-year ", "scores"]
    session.remove_child(case, kid)
    back = session.open_case(case.id)
    assert [(e.what[:9], e.child_ids) for e in back.chronology] == [("Started b", []), ("Both at t", [unborn.id])]
    assert kid.id not in back.analyses
    assert [x.name for x in back.scores] == ["Home conditions scale"]  # the GCP2 about only Siobhán went with her


def test_a_case_file_carries_the_chronology_and_an_older_one_reads_without(library):
    case = build_case(library)
    case.chronology.append(Event(EventDate(2019, None), "Referral from the health visitor"))  # only the year known
    data = json.loads(json.dumps(case_to_dict(case)))
    assert data["version"] == FORMAT_VERSION == 11
    assert data["case"]["chronology"][-1]["when"] == "2019"
    again = case_from_dict(data)
    assert case_to_dict(again) == case_to_dict(case) and again.chronology[-1].when.year_only
    data["version"] = 10
    del data["case"]["chronology"]
    assert case_from_dict(data).chronology == []


@pytest.mark.parametrize("change, said", [
    (lambda e: e.update(when="14/03/2021"), "chronology[0].when: '14/03/2021' is not a date (YYYY-MM-DD), a month (YYYY-MM) or a year"),
    (lambda e: e.update(when="2021-02-30"), "chronology[0].when"),
    (lambda e: e.pop("when"), "chronology[0]: missing 'when'"),
    (lambda e: e.update(what=""), "chronology[0].what: is empty"),
    (lambda e: e.update(effect="bad"), "'bad' is not one of: harmful, good, not_known"),
    (lambda e: e.update(children=["someone"]), "children[0]: 'someone' is not a child in this case"),
    (lambda e: e.update(children=[7]), "children[0]: should be a child's id (text), found a number"),
    (lambda e: e.update(neglect=["XXX"]), 'neglect[0]: "XXX" is not one of: MED'),
    (lambda e: e.update(impact="z" * 20_001), "impact: is 20,001 characters long"),
    (lambda e: e.update(whot="x"), "chronology[0].whot: is not a field of this format (did you mean 'what'?)"),
    (lambda e: e.update(updated="yesterday"), "updated: 'yesterday' is not a date and time"),
])
def test_a_hostile_event_is_refused_by_its_place(library, change, said):
    data = json.loads(json.dumps(case_to_dict(build_case(library))))
    change(data["case"]["chronology"][0])
    with pytest.raises(InterchangeError) as caught:
        case_from_dict(data)
    assert said in str(caught.value)


def test_two_events_with_one_id_are_refused(library):
    data = json.loads(json.dumps(case_to_dict(build_case(library))))
    data["case"]["chronology"][1]["id"] = data["case"]["chronology"][0]["id"]
    with pytest.raises(InterchangeError, match="chronology\\[1\\].id: is the id of another event"):
        case_from_dict(data)


def test_keep_both_gives_the_events_new_ids_that_follow_the_children(tmp_path, library):
    case = build_case(library)
    file_pass = "a case file passphrase"
    with Store.create(tmp_path / "data", PASS) as store:
        store.save_case(case)
        store.export_case_file(case.id, tmp_path / "case.diml", file_pass)
        both = store.import_case_file(tmp_path / "case.diml", file_pass, on_conflict="keep_both")
        back = store.load_case(both.id)
    assert back.id != case.id and len(back.chronology) == 2
    assert {e.id for e in back.chronology}.isdisjoint({e.id for e in case.chronology})
    assert back.chronology[0].child_ids == [back.children[0].id] != [case.children[0].id]


def test_a_store_made_before_the_chronology_opens_with_an_empty_one(tmp_path, library):
    from dayinlife.migrations import MIGRATIONS

    case = build_case(library)
    case.chronology = []
    with Store.create(tmp_path / "data", PASS, migrations=MIGRATIONS[:6]) as old:
        assert old.version == 6
    with Store.open(tmp_path / "data", PASS) as store:
        assert store.version == len(MIGRATIONS)
        store.save_case(case)
        assert store.load_case(case.id).chronology == []


def test_a_babys_timeline_draws_an_older_sisters_birth_only_among_its_own_events():
    from dayinlife.case import Case, Child
    from dayinlife.report.history import births_among

    case = Case("FICT-TL/1", [])
    older = Child("Ivy Fictional", date_of_birth=date(2018, 3, 14))
    baby = Child("Ned Fictional", date_of_birth=date(2026, 1, 20))
    case.children += [older, baby]
    months = [EventDate(2026, 3).fraction, EventDate(2026, 5, 14).fraction]
    assert [label for _when, label in births_among(case, baby.id, months)] == ["Ned born"]
    back_to = months + [EventDate(2017, 6).fraction]  # the baby's chronology reaches back before her birth
    assert [label for _when, label in births_among(case, baby.id, back_to)] == ["Ivy born", "Ned born"]
    assert [label for _when, label in births_among(case, older.id, months)] == ["Ivy born", "Ned born"]
