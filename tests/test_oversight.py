"""Oversight: versions of an analysis kept for review and a manager's reviews, on record for good in a
real store (the store itself refuses to change or delete them), carried by case files, in the
chronology; where the analysis stands (draft, awaiting, returned, approved, changed since)."""

from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest

from dayinlife.chronology import EventDate, Kind, entries
from dayinlife.interchange import InterchangeError, case_from_dict, case_to_dict
from dayinlife.oversight import Outcome, Status, status, status_words
from dayinlife.session import Session
from dayinlife.store import Store, StoreError
from tests.test_case_interchange import build_case

PASS = "not a real passphrase"


@pytest.fixture
def session(tmp_path, library):
    store = Store.create(tmp_path / "data", PASS)
    s = Session(store, library)
    case = build_case(library)
    store.save_case(case)
    yield s, case, case.children[0]
    store.close()


def test_a_version_kept_then_reviewed_and_approved_then_changed_is_a_draft_again(session):
    s, case, kid = session
    analysis = s.analysis(case, kid)
    assert status(analysis) is Status.NOT_KEPT
    with pytest.raises(ValueError, match="Say who wrote the analysis"):
        case.practitioner = ""
        s.keep_version(case, kid)
    analysis.practitioner = "R. Quill, social worker"
    v1 = s.keep_version(case, kid)
    assert (v1.number, v1.by) == (1, "R. Quill, social worker") and status(analysis) is Status.AWAITING
    with pytest.raises(ValueError, match="Version 1 already holds the analysis as it stands"):
        s.keep_version(case, kid)
    returned = s.record_review(case, kid, "  M. Lead,  team manager ", Outcome.RETURNED, "Say more on the impact.")
    assert (returned.version, returned.by) == (1, "M. Lead, team manager") and status(analysis) is Status.RETURNED
    analysis.impact_now = "Hungry until playtime most days."
    s.save_analysis(case, analysis)
    approved = s.record_review(case, kid, "M. Lead, team manager", Outcome.APPROVED, "Clear and evidenced.")
    assert approved.version == 2 and [v.number for v in analysis.versions] == [1, 2]  # what was read is kept
    assert status(analysis) is Status.APPROVED
    assert "Approved: version 2, approved by M. Lead, team manager on today." in status_words(analysis, lambda t: "today")
    analysis.worries = "A new worry."
    s.save_analysis(case, analysis)
    assert status(analysis) is Status.CHANGED and "A draft again" in status_words(analysis, str)

    reopened = s.open_case(case.id)
    back = reopened.analyses[kid.id]
    assert [(v.number, v.by) for v in back.versions] == [(1, "R. Quill, social worker"), (2, "R. Quill, social worker")]
    assert back.versions[0].data["impact_now"] == "" and back.versions[1].data["impact_now"].startswith("Hungry")
    assert [(r.version, r.outcome, r.comments) for r in back.reviews] == [
        (1, Outcome.RETURNED, "Say more on the impact."), (2, Outcome.APPROVED, "Clear and evidenced.")]
    assert status(back) is Status.CHANGED
    rows = [e for e in entries(reopened, kid.id) if e.kind in (Kind.VERSION, Kind.REVIEW, Kind.ANALYSIS)]
    assert [e.kind for e in rows] == [Kind.VERSION, Kind.REVIEW, Kind.VERSION, Kind.REVIEW, Kind.ANALYSIS]
    assert rows[3].what.endswith("version 2: approved.") and rows[3].source == "M. Lead, team manager"


def test_the_store_itself_refuses_to_change_or_delete_what_is_kept(session):
    s, case, kid = session
    s.analysis(case, kid).practitioner = "R. Quill"
    s.keep_version(case, kid)
    s.record_review(case, kid, "M. Lead", Outcome.APPROVED)
    conn = s.store._conn
    for sql in ("UPDATE analysis_versions SET data = '{}'", "DELETE FROM analysis_versions",
                "UPDATE analysis_reviews SET data = '{}'", "DELETE FROM analysis_reviews"):
        with pytest.raises(Exception, match="kept for the record"):
            conn.execute(sql)
    conn.rollback()
    s.save_case(case)                       # saving the whole case keeps them as they are
    assert len(s.open_case(case.id).analyses[kid.id].versions) == 1
    s.remove_child(case, kid)               # removed with the child, as everything about them is
    assert not conn.execute("SELECT count(*) FROM analysis_versions").fetchone()[0]
    other = s.open_case(case.id)
    unborn = other.children[0]
    s.analysis(other, unborn).strengths = "Booked early"
    s.keep_version(other, unborn)
    s.delete_case(other.id)                 # a case deleted for good takes its record with it
    assert not conn.execute("SELECT count(*) FROM analysis_versions").fetchone()[0]


def test_a_refused_save_keeps_no_version_in_memory(session):
    s, case, kid = session
    s.analysis(case, kid).practitioner = "R. Quill"
    s.store.close()
    with pytest.raises(StoreError):
        s.keep_version(case, kid)
    assert s.analysis(case, kid).versions == []


def test_case_files_carry_versions_and_reviews_and_refuse_a_made_up_one(session, tmp_path):
    s, case, kid = session
    s.analysis(case, kid).practitioner = "R. Quill"
    s.keep_version(case, kid)
    s.record_review(case, kid, "M. Lead", Outcome.APPROVED, "Fine & <clear>")
    data = json.loads(json.dumps(case_to_dict(case)))
    again = case_from_dict(data)
    assert case_to_dict(again) == case_to_dict(case) and status(again.analyses[kid.id]) is Status.APPROVED
    bad = json.loads(json.dumps(data))
    bad["case"]["analyses"][0]["reviews"][0]["version"] = 3
    with pytest.raises(InterchangeError, match=r"reviews\[0\].version: names version 3"):
        case_from_dict(bad)
    bad = json.loads(json.dumps(data))
    bad["case"]["analyses"][0]["versions"][0]["number"] = 2
    with pytest.raises(InterchangeError, match=r"versions\[0\].number: should be 1"):
        case_from_dict(bad)
    bad = json.loads(json.dumps(data))
    bad["case"]["analyses"][0]["versions"][0]["data"]["worrys"] = "x"
    with pytest.raises(InterchangeError, match=r"versions\[0\].data.worrys: is not a field"):
        case_from_dict(bad)
    bad = json.loads(json.dumps(data))
    bad["case"]["analyses"][0]["reviews"][0]["outcome"] = "signed"
    with pytest.raises(InterchangeError, match="'signed' is not one of: approved, returned"):
        case_from_dict(bad)


def test_replacing_a_case_never_loses_its_record_and_keep_both_copies_it(session, tmp_path):
    s, case, kid = session
    file_pass = "a case file passphrase"
    s.store.export_case_file(case.id, tmp_path / "before.diml", file_pass)   # no versions in it
    s.analysis(case, kid).practitioner = "R. Quill"
    s.keep_version(case, kid)
    with pytest.raises(StoreError, match="would lose them from the record"):
        s.store.import_case_file(tmp_path / "before.diml", file_pass, on_conflict="replace")
    assert len(s.open_case(case.id).analyses[kid.id].versions) == 1
    s.store.export_case_file(case.id, tmp_path / "after.diml", file_pass)
    s.store.import_case_file(tmp_path / "after.diml", file_pass, on_conflict="replace")  # carries it: fine
    both = s.store.import_case_file(tmp_path / "after.diml", file_pass, on_conflict="keep_both")
    copy = s.open_case(both.id)
    (v,) = copy.analyses[copy.children[0].id].versions
    assert v.data["child_id"] == copy.children[0].id != kid.id


def test_saved_again_unchanged_after_approval_the_report_dates_what_stands_by_its_version(session):
    """The report's chronology leaves versions and reviews to the oversight section; an analysis saved
    again after approval, with nothing changed, is not "last saved" after the approval there."""
    s, case, kid = session
    analysis = s.analysis(case, kid)
    analysis.practitioner = "R. Quill, social worker"
    v1 = s.keep_version(case, kid)
    s.record_review(case, kid, "M. Lead, team manager", Outcome.APPROVED, "Clear.")
    analysis.updated = datetime(2099, 1, 1, tzinfo=timezone.utc)  # saved again later, nothing changed
    assert status(analysis) is Status.APPROVED
    rows = [e for e in entries(case, kid.id, oversight=False) if e.kind in (Kind.VERSION, Kind.ANALYSIS)]
    assert [(e.kind, e.when) for e in rows] == [(Kind.VERSION, EventDate.of(v1.at.date()))]
    review = case.analyses[kid.id].reviews[-1]
    # where it stands, as the cover says it ("submitted for review" beside "Approved" read as a contradiction)
    assert rows[0].what == (f"Analysis of {kid.called}'s day: version 1 submitted for a manager's review; approved "
                            f"by M. Lead, team manager on {review.at.day} {review.at:%B %Y}.")
    analysis.worries = "Changed after approval."
    rows = [e.kind for e in entries(case, kid.id, oversight=False) if e.kind in (Kind.VERSION, Kind.ANALYSIS)]
    assert rows == [Kind.ANALYSIS]  # a draft again: what stands is what was last saved
