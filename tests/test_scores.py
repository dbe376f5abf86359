"""Scores from other tools beside the day: GCP2 levels, SDQ scales, Outcomes Star readings, a measure of
the organisation's own; checked as the app keeps them, in a real store and in case files."""

from __future__ import annotations

import json
from datetime import date

import pytest

from dayinlife.interchange import InterchangeError, case_from_dict, case_to_dict
from dayinlife.scores import Score, ScoreSet, for_child, problem, series
from dayinlife.session import Session
from dayinlife.store import Store, StoreError
from tests.test_case_interchange import build_case

PASS = "not a real passphrase"


@pytest.mark.parametrize("s, said", [
    (ScoreSet("gcp2", date(2026, 1, 1), [Score("physical", 6)]), "Physical care: a score is a whole number from 1 to 5"),
    (ScoreSet("gcp2", date(2026, 1, 1), [Score("nutrition", 2)]), "“nutrition” is not an area of the Graded Care"),
    (ScoreSet("gcp2", date(2026, 1, 1), []), "Give at least one score"),
    (ScoreSet("sdq", date(2026, 1, 1), [Score("total", 41)]), "Total difficulties: a score is a whole number from 0 to 40"),
    (ScoreSet("sdq", date(2026, 1, 1), [Score("conduct", 11)]), "from 0 to 10"),
    (ScoreSet("star", date(2026, 1, 1), [Score("Keeping safe", 4)]), "Say which star it is"),
    (ScoreSet("star", date(2026, 1, 1), [Score("Keeping safe", 4), Score("keeping safe", 5)], name="Family Star"),
     "Each area is scored once"),
    (ScoreSet("custom", date(2026, 1, 1), [Score("Home", 3)], name="Ours"), "Give the measure's range"),
    (ScoreSet("custom", date(2026, 1, 1), [Score("Home", 9)], name="Ours", low=1, high=4), "Home: a score is a whole"),
    (ScoreSet("custom", date(2026, 1, 1), [Score("Home", True)], name="Ours", low=0, high=4), "Home: a score is a whole"),
    (ScoreSet("nope", date(2026, 1, 1), [Score("x", 1)]), "is not a tool this app records"),
])
def test_a_score_out_of_its_tools_range_or_area_is_said(s, said):
    assert said in (problem(s) or "")


def test_each_tool_says_which_end_is_better_and_its_title():
    gcp = ScoreSet("gcp2", date(2026, 1, 1), [Score("safety", 3)])
    assert gcp.better_words() == "1 is the best care, 5 the poorest" and gcp.area_name("safety") == "Care of safety"
    star = ScoreSet("star", date(2026, 1, 1), [Score("Your wellbeing", 6)], name="Family Star Plus")
    assert star.title == "Outcomes Star (Family Star Plus)" and star.range_of("Your wellbeing") == (1, 10)
    assert problem(star) is None


@pytest.fixture
def session(tmp_path, library):
    store = Store.create(tmp_path / "data", PASS)
    s = Session(store, library)
    case = build_case(library)
    store.save_case(case)
    yield s, case
    store.close()


def test_kept_changed_and_removed_in_a_real_store_and_read_over_time(session):
    s, case = session
    kid = case.children[0]
    later = s.keep_scores(case, ScoreSet("gcp2", date(2027, 2, 1), [Score("esteem", 3), Score("physical", 2)],
                                         by=" A. Practitioner ", child_ids=[kid.id, "someone else"]))
    assert [sc.area for sc in later.scores] == ["physical", "esteem"] and later.child_ids == [kid.id]
    assert later.by == "A. Practitioner"
    back = s.open_case(case.id)
    assert case_to_dict(back)["case"]["scores"] == case_to_dict(case)["case"]["scores"]
    gcp = series(for_child(back.scores, kid.id))[("gcp2", "graded care profile 2 (gcp2)")]
    assert [x.on for x in gcp] == [date(2026, 11, 23), date(2027, 2, 1)]
    assert [x.value("physical") for x in gcp] == [4, 2]
    later.notes = "Reviewed with Jo"
    s.keep_scores(back, later)
    assert [x.notes for x in s.open_case(case.id).scores if x.id == later.id] == ["Reviewed with Jo"]
    s.remove_scores(back, later.id)
    assert len(s.open_case(case.id).scores) == 2
    with pytest.raises(ValueError, match="from 1 to 5"):
        s.keep_scores(back, ScoreSet("gcp2", date(2027, 2, 1), [Score("safety", 0)]))
    s.store.close()
    with pytest.raises(StoreError):
        s.keep_scores(back, ScoreSet("gcp2", date(2027, 2, 1), [Score("safety", 1)]))
    assert len(back.scores) == 2


def test_case_files_carry_scores_and_refuse_a_made_up_one(library):
    data = json.loads(json.dumps(case_to_dict(build_case(library))))
    assert case_to_dict(case_from_dict(data)) == data | {"written_by": data["written_by"]}
    for change, said in [
        (lambda x: x["scores"][0].update(value=9), "case.scores[0]: Physical care: a score is a whole number from 1 to 5"),
        (lambda x: x.update(measure="gcp3"), "case.scores[0].measure: 'gcp3' is not one of: gcp2, sdq, star, custom"),
        (lambda x: x.update(on="23/11/2026"), "case.scores[0].on: '23/11/2026' is not a date"),
        (lambda x: x.update(children=["x"]), 'case.scores[0].children[0]: "x" is not a child in this case'),
        (lambda x: x["scores"][0].update(value="4"), "case.scores[0].scores[0].value: should be a whole number"),
        (lambda x: x.update(items=[1, 2]), "case.scores[0].items: is not a field of this format"),
    ]:
        bad = json.loads(json.dumps(data))
        change(bad["case"]["scores"][0])
        with pytest.raises(InterchangeError) as caught:
            case_from_dict(bad)
        assert said in str(caught.value)
    old = json.loads(json.dumps(data))
    old["version"] = 10
    del old["case"]["scores"]
    assert case_from_dict(old).scores == []
