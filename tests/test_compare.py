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
    mum.answers["breakfast"] = Answer("Every day, cereal", {"how_often": "every_day",
                                                            "who": "person:" + case.adults[0].id},
                                      feeling="happy")
    # teatime: everyone who answered agrees
    tea = t.topic("teatime").measures[0]
    kid.answers["teatime"] = Answer("Pasta", {tea.id: "every_day"}, feeling="happy")
    mum.answers["teatime"] = Answer("We eat together", {tea.id: "every_day"}, feeling="happy")
    dad.answers["teatime"] = Answer("Most nights", {tea.id: "every_day"})
    # bedtime: only the child gave a comparable answer
    bed = t.topic("bedtime").measures[0]
    kid.answers["bedtime"] = Answer("When I want", {bed.id: [o.value for o in t.scales[bed.scale].options
                                                            if not o.unranked][-1]})
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
    assert by_key["at_school"].agreement is Agreement.WORDS_ONLY
    assert [tc.topic.key for tc in result.differences()] == ["breakfast"]
    often = by_key["breakfast"].measures[0]
    assert often.values == {"The child (Mia)": "rarely", "Jo Fictional (mother)": "every_day",
                            "Sam Fictional (father)": None, "Professionals, 03/11/2026": None}
    # what the child chose, as the child saw it, with what it means on the adults' scale
    assert often.shown("The child (Mia)") == "“Not often” (hardly ever)"
    assert often.shown("Jo Fictional (mother)") == "Every day" and often.shown("Professionals, 03/11/2026") == "—"
    assert "Mia" in often.label  # rendered for this child


def test_the_childs_words_are_kept_exactly(family):
    case, child, t, kid, mum, *_ = family
    result = compare(case, child, [kid, mum], t)
    breakfast = next(tc for tc in result.topics if tc.topic.key == "breakfast")
    assert breakfast.answers["The child (Mia)"].text == "I'm usually hungry"


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
    assert breakfast_who.values == {"The child (Mia)": "child_self",
                                    "Jo Fictional (mother)": "person:" + case.adults[0].id}
    assert breakfast_who.agreement is Agreement.DIFFER
    assert breakfast_who.shown("The child (Mia)") == "“Me, on my own” (the child on their own)"
    assert breakfast_who.shown("Jo Fictional (mother)") == "Jo Fictional (mother)"  # named, as the household is
    assert breakfast_who.steps is None and breakfast_who.wide  # "who" has no order: any difference matters


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
    assert "not a finding" in Agreement.DIFFER.label


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
    # the child's own words for the choices, as the child saw them
    assert (change.before, change.after, change.change) == ("“Not often” (hardly ever)", "Most days", Change.IMPROVED)


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


# --------------------------------------------------------------------------- counted once, and how far apart


def test_the_summary_counts_the_rows_it_sits_above(family):
    """Seen: the screen said '0 agree' over a row where the child and the mother both chose "The child
    on their own" (the topic's other answer differed, so the topic counted as 'differ')."""
    case, child, t, kid, mum, *_ = family
    kid.answers["breakfast"].measures["who"] = "child_self"
    mum.answers["breakfast"].measures["who"] = "child_self"
    result = compare(case, child, [kid, mum], t)
    rows = [m for tc in result.topics for m in tc.compared]
    tally = result.tally()
    assert tally.agree == sum(m.agreement is Agreement.AGREE for m in rows) >= 2  # breakfast's who, teatime
    assert tally.differ == sum(m.agreement is Agreement.DIFFER for m in rows) == 1
    assert tally.one_side == sum(m.agreement is Agreement.ONE_SIDE for m in rows)
    assert tally.rows == len(rows)
    by = {tc.topic.key: tc for tc in result.topics}
    assert [m.mark for m in by["breakfast"].compared] == ["≠ Differ: 3 steps apart (of 4)", "= Agree"]
    topics = (tally.words_only + tally.not_asked + tally.no_answer
              + sum(1 for tc in result.topics if tc.compared))
    assert topics == tally.topics == t.topic_count  # every topic counted once
    assert "2 agree" in tally.text() or f"{tally.agree} agree" in tally.text()


def test_not_asked_is_counted_only_where_nothing_was_said(family):
    case, child, t, kid, mum, *_ = family
    kid.answers["night"] = Answer(not_asked="Child upset")
    mum.answers["night"] = Answer("She sleeps through", not_asked="Ran out of time")  # words despite the tick
    result = compare(case, child, [kid, mum], t)
    night = next(tc for tc in result.topics if tc.topic.key == "night")
    assert night.agreement is Agreement.WORDS_ONLY
    alone = compare(case, child, [kid], t)
    assert next(tc for tc in alone.topics if tc.topic.key == "night").agreement is Agreement.NOT_ASKED
    assert alone.tally().not_asked == 1


def test_how_far_apart_answers_are_on_an_ordered_scale(family):
    case, child, t, kid, mum, *_ = family
    kid.answers["breakfast"].measures["how_often"] = "most_days"
    near = next(m for tc in compare(case, child, [kid, mum], t).topics for m in tc.measures
                if m.measure.id == "how_often" and tc.topic.key == "breakfast")
    assert (near.agreement, near.steps, near.wide) == (Agreement.DIFFER, 1, False)
    assert near.mark == "≠ Differ: 1 step apart (of 4)"
    kid.answers["breakfast"].measures["how_often"] = "rarely"
    far = next(m for tc in compare(case, child, [kid, mum], t).topics for m in tc.measures
               if m.measure.id == "how_often" and tc.topic.key == "breakfast")
    assert (far.steps, far.wide) == (3, True)


def test_a_feelings_gap_is_marked_by_one_rule(family):
    case, child, t, kid, mum, dad, _ = family
    result = compare(case, child, [kid, mum, dad], t)
    breakfast = next(g for g in result.feelings if g.stage.id == "breakfast")
    assert breakfast.wide("Jo Fictional (mother)")  # unhappy against happy: two faces apart
    tea = next(g for g in result.feelings if g.stage.id == "teatime")
    assert not tea.wide("Jo Fictional (mother)")


def test_dont_know_is_shown_but_never_agrees_or_differs(family):
    """Issue 12: 'Don't know', outside the order, is an answer, not an agreement."""
    case, child, t, kid, mum, *_ = family
    kid.answers["breakfast"].measures["how_often"] = "dont_know"
    mum.answers["breakfast"].measures["how_often"] = "dont_know"
    often = next(m for tc in compare(case, child, [kid, mum], t).topics if tc.topic.key == "breakfast"
                 for m in tc.measures if m.measure.id == "how_often")
    assert often.agreement is Agreement.NO_ANSWER and often.shown("Jo Fictional (mother)") == "Don't know"
    mum.answers["breakfast"].measures["how_often"] = "every_day"
    often = next(m for tc in compare(case, child, [kid, mum], t).topics if tc.topic.key == "breakfast"
                 for m in tc.measures if m.measure.id == "how_often")
    assert often.agreement is Agreement.ONE_SIDE  # only the mother's can be compared


def test_each_time_scale_for_what_happens_each_time(library):
    t = library.get("preschool")
    m = next(m for m in t.topic("night").measures if m.id == "someone_comes")
    assert m.scale == "each_time" and m.good == "first"
    assert [o.value for o in t.scales["each_time"].options][:5] == ["always", "usually", "sometimes", "rarely", "never"]
