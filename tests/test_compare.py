"""Comparing perspectives, on hand-built interviews with known agreements and differences."""

from datetime import date

import pytest

from dayinlife.case import Adult, AdultRole, Answer, Case, Child, Perspective, PerspectiveKind
from dayinlife.compare import Agreement, Change, change_over_time, compare
from dayinlife.template_model import Template
from dayinlife.vocab import NeglectType


@pytest.fixture
def family(library):
    case = Case("FICT-CMP", [Adult("Jo Fictional", AdultRole.MOTHER), Adult("Sam Fictional", AdultRole.FATHER)])
    child = Child("Mia Fictional", date_of_birth=date(2017, 4, 4), pronouns="she")
    case.children.append(child)
    t = library.get("primary")
    kid = case.start_interview(child, Perspective(PerspectiveKind.CHILD), t, date(2026, 11, 1))
    mum = case.start_interview(child, Perspective(PerspectiveKind.PARENT, case.adults[0].id), t, date(2026, 11, 2))
    dad = case.start_interview(child, Perspective(PerspectiveKind.PARENT, case.adults[1].id), t, date(2026, 11, 2))
    pro = case.start_interview(child, Perspective(PerspectiveKind.PROFESSIONAL), t, date(2026, 11, 3))
    # breakfast: mum says every day, the child says hardly ever -> differ
    kid.answers["breakfast"] = Answer("I'm usually hungry", {"how_often": "rarely", "who": "child_self"},
                                      feeling="unhappy")
    mum.answers["breakfast"] = Answer("Every day, cereal", {"how_often": "every_day", "who": "parent_carer"},
                                      feeling="happy")
    # teatime: everyone who answered agrees
    tea = t.topic("teatime").measures[0]
    kid.answers["teatime"] = Answer("Pasta", {tea.id: "every_day"}, feeling="happy")
    mum.answers["teatime"] = Answer("We eat together", {tea.id: "every_day"}, feeling="happy")
    dad.answers["teatime"] = Answer("Most nights", {tea.id: "every_day"})
    # bedtime: only the child gave a comparable answer
    bed = t.topic("bedtime").measures[0]
    kid.answers["bedtime"] = Answer("When I want", {bed.id: t.scales[bed.scale].values[-1]})
    mum.answers["bedtime"] = Answer("Half seven")  # words only: never compared
    # night: not asked of anyone who has an answer
    kid.answers["night"] = Answer(not_asked="Child upset")
    pro.answers["at_school"] = Answer("Often late", source="school attendance")
    return case, child, t, kid, mum, dad, pro


def test_agreement_is_decided_from_the_comparable_answers_only(family):
    case, child, t, kid, mum, dad, pro = family
    result = compare(case, child, [kid, mum, dad, pro], t)
    by_key = {tc.topic.key: tc for tc in result.topics}
    assert by_key["breakfast"].agreement is Agreement.DIFFER
    assert by_key["teatime"].agreement is Agreement.AGREE
    assert by_key["bedtime"].agreement is Agreement.ONE_SIDE  # mum's words are not guessed at
    assert by_key["night"].agreement is Agreement.NOT_ASKED
    assert by_key["getting_up"].agreement is Agreement.NO_ANSWER
    assert by_key["at_school"].agreement is Agreement.ONE_SIDE
    assert [tc.topic.key for tc in result.differences()] == ["breakfast"]
    often = by_key["breakfast"].measures[0]
    assert often.values == {"The child": "rarely", "Jo Fictional (mother)": "every_day",
                            "Sam Fictional (father)": None, "Professionals": None}
    assert often.shown("The child") == "Hardly ever" and often.shown("Professionals") == "—"
    assert "Mia" in often.label  # rendered for this child


def test_the_childs_words_are_kept_exactly(family):
    case, child, t, kid, mum, *_ = family
    result = compare(case, child, [kid, mum], t)
    breakfast = next(tc for tc in result.topics if tc.topic.key == "breakfast")
    assert breakfast.answers["The child"].text == "I'm usually hungry"


def test_feelings_child_against_each_adults_estimate(family):
    case, child, t, kid, mum, dad, _ = family
    result = compare(case, child, [kid, mum, dad], t)
    breakfast_stage = next(g for g in result.feelings if g.stage.id == "breakfast")
    assert breakfast_stage.child == "unhappy"
    assert breakfast_stage.estimates == {"Jo Fictional (mother)": "happy", "Sam Fictional (father)": None}
    assert breakfast_stage.gaps == {"Jo Fictional (mother)": 2}
    tea_stage = next(g for g in result.feelings if g.stage.id == "teatime")
    assert tea_stage.gaps == {"Jo Fictional (mother)": 0}


def test_who_the_child_says_against_who_the_parent_says(family):
    case, child, t, kid, mum, *_ = family
    who = compare(case, child, [kid, mum], t).who_is_there()
    breakfast_who = next(m for m in who if "breakfast" in m.label)
    assert breakfast_who.values == {"The child": "child_self", "Jo Fictional (mother)": "parent_carer"}
    assert breakfast_who.agreement is Agreement.DIFFER


def test_regrouped_by_neglect_type_and_framework(family):
    case, child, t, kid, mum, *_ = family
    result = compare(case, child, [kid, mum], t)
    nutritional = result.by_neglect()[NeglectType.NUTRITIONAL]
    assert "breakfast" in [tc.topic.key for tc in nutritional]
    assert all(NeglectType.NUTRITIONAL in tc.topic.neglect for tc in nutritional)
    framework = result.by_framework()
    assert "breakfast" in [tc.topic.key for tc in framework["PC.basic_care"]]
    assert sum(result.counts().values()) == t.topic_count


def test_no_score_and_no_verdict_anywhere(family):
    case, child, t, kid, mum, *_ = family
    result = compare(case, child, [kid, mum], t)
    assert not any(name for name in vars(result) if "score" in name or "neglected" in name)
    assert "explore" in Agreement.DIFFER.label


def test_only_one_childs_interviews(family, library):
    case, child, t, kid, *_ = family
    other = Child("Other Fictional", date_of_birth=date(2019, 1, 1))
    case.children.append(other)
    theirs = case.start_interview(other, Perspective(PerspectiveKind.CHILD), t, date(2026, 11, 1))
    with pytest.raises(ValueError, match="same child"):
        compare(case, child, [kid, theirs], t)
    with pytest.raises(ValueError):
        compare(case, child, [], t)


def test_change_over_time(family, library):
    case, child, t, kid, *_ = family
    later = case.start_interview(child, Perspective(PerspectiveKind.CHILD), t, date(2027, 2, 1))
    later.answers["breakfast"] = Answer("Breakfast club now", {"how_often": "most_days", "who": "other_adult"},
                                        feeling="happy")
    tea = t.topic("teatime").measures[0]
    later.answers["teatime"] = Answer("Pasta", {tea.id: "every_day"}, feeling="very_unhappy")
    changes = change_over_time((kid, t), (later, t), "Mia", "she")
    by = {(c.key, c.what.split()[0]): c for c in changes}
    # how often breakfast: hardly ever -> most days; the template says every day is the good end
    assert by[("breakfast", "How")].change is Change.IMPROVED
    assert by[("breakfast", "Feeling")].change is Change.IMPROVED  # unhappy -> happy
    assert by[("teatime", "Feeling")].change is Change.WORSE
    assert next(c for c in changes if c.key == "teatime" and c.what != "Feeling").change is Change.SAME


def test_change_uses_the_good_end_where_a_template_declares_it(family, library):
    case, child, t, kid, *_ = family
    data = t.to_dict()
    for stage in data["stages"]:
        for topic in stage["topics"]:
            for m in topic["measures"]:
                if topic["key"] == "breakfast" and m["id"] == "how_often":
                    m["good"] = "first"  # every day is better than never
    t2 = Template.from_dict(data)
    later = case.start_interview(child, Perspective(PerspectiveKind.CHILD), t2, date(2027, 2, 1))
    later.answers["breakfast"] = Answer("", {"how_often": "most_days"})
    change = next(c for c in change_over_time((kid, t), (later, t2)) if c.key == "breakfast" and c.what != "Feeling"
                  and "often" in c.what)
    assert (change.before, change.after, change.change) == ("Hardly ever", "Most days", Change.IMPROVED)


def _without_good(template):
    data = template.to_dict()
    for stage in data["stages"]:
        for topic in stage["topics"]:
            for m in topic["measures"]:
                m.pop("good", None)
    return Template.from_dict(data)


def test_without_a_good_end_a_move_is_only_a_change(family):
    case, child, t, kid, *_ = family
    plain = _without_good(t)
    later = case.start_interview(child, Perspective(PerspectiveKind.CHILD), plain, date(2027, 2, 1))
    later.answers["breakfast"] = Answer("", {"how_often": "most_days"})
    change = next(c for c in change_over_time((kid, plain), (later, plain)) if "often" in c.what)
    assert change.change is Change.CHANGED


def test_not_sure_is_neither_better_nor_worse(family, library):
    case, child, t, *_ = family
    topic = next(tp for tp in t.topics() if any(m.scale == "in_place" and m.good for m in tp.measures))
    m = next(m for m in topic.measures if m.scale == "in_place")
    first = case.start_interview(child, Perspective(PerspectiveKind.PARENT, case.adults[0].id), t, date(2026, 11, 1))
    later = case.start_interview(child, Perspective(PerspectiveKind.PARENT, case.adults[0].id), t, date(2027, 2, 1))
    first.answers[topic.key] = Answer("", {m.id: "no"})
    later.answers[topic.key] = Answer("", {m.id: "not_sure"})
    change = next(c for c in change_over_time((first, t), (later, t)) if c.key == topic.key and c.what != "Feeling")
    assert change.change is Change.CHANGED
    later.answers[topic.key] = Answer("", {m.id: "yes"})
    change = next(c for c in change_over_time((first, t), (later, t)) if c.key == topic.key and c.what != "Feeling")
    assert change.change is Change.IMPROVED
