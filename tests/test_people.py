"""Who answers that name the household's people: two parents who each mean "me" no longer agree,
older answers that cannot say who stay readable and are never counted, and case files naming people
the case does not have are refused. All names are fictional."""

from datetime import date

import pytest

from dayinlife import people
from dayinlife.case import Adult, AdultRole, Answer, Case, Child, Perspective, PerspectiveKind
from dayinlife.compare import Agreement, Change, change_over_time, compare
from dayinlife.interchange import InterchangeError, case_from_dict, case_to_dict
from dayinlife.interview import topic_prompts


@pytest.fixture
def family(library):
    case = Case("FICT-WHO", [Adult("Jo Fictional", AdultRole.MOTHER), Adult("Sam Fictional", AdultRole.FATHER)])
    child = Child("Mia Fictional", date_of_birth=date(2017, 4, 4), pronouns="she")
    brother = Child("Alfie Fictional", date_of_birth=date(2012, 2, 2), pronouns="he")
    case.children += [child, brother]
    t = library.get("primary")
    mum = case.start_interview(child, Perspective(PerspectiveKind.PARENT, case.adults[0].id), t, date(2026, 11, 2))
    dad = case.start_interview(child, Perspective(PerspectiveKind.PARENT, case.adults[1].id), t, date(2026, 11, 2))
    kid = case.start_interview(child, Perspective(PerspectiveKind.CHILD), t, date(2026, 11, 3))
    return case, child, t, mum, dad, kid


def who_row(result, key):
    return next(m for tc in result.topics if tc.topic.key == key for m in tc.measures if m.scale.name == "who")


def test_the_household_is_offered_by_name_with_pairs_of_adults(family):
    case, child, t, *_ = family
    jo, sam = (a.id for a in case.adults)
    alfie = case.children[1].id
    assert people.choices(case, child) == [
        ("person:" + jo, "Jo Fictional (mother)"), ("person:" + sam, "Sam Fictional (father)"),
        ("person:" + alfie, "Alfie Fictional (another child at home)"),
        (people.named(jo, sam), "Jo Fictional (mother) and Sam Fictional (father)")]
    # the child being asked about is never one of the choices: "on my own" says that
    assert child.id not in {i for v, _ in people.choices(case, child) for i in people.ids_of(v)}
    # the same two people are one answer, whichever way round
    assert people.named(sam, jo) == people.named(jo, sam)


def test_the_interview_offers_people_first_and_no_longer_offers_the_answers_that_cannot_say_who(family):
    case, child, t, mum, *_ = family
    topic = t.topic("breakfast")
    prompts = topic_prompts(t, topic, PerspectiveKind.PARENT, child, tuple(people.choices(case, child)))
    who = next(m for m in prompts.measures if m.scale.name == "who")
    labels = [label for _, label in who.options()]
    assert labels[:4] == ["Jo Fictional (mother)", "Sam Fictional (father)",
                          "Alfie Fictional (another child at home)",
                          "Jo Fictional (mother) and Sam Fictional (father)"]
    assert labels[4:] == [o.label for o in t.scales["who"].options if not o.retired]
    assert labels[4] == "Someone else"
    assert "A parent or carer at home" not in labels and "A brother or sister" not in labels
    # an answer already given with an older option is still there, so opening it loses nothing
    kept = who.options(keep="parent_carer")
    assert ("parent_carer", "A parent or carer at home") in kept
    # someone since taken off the case is said to be, never dropped
    gone = who.options(keep="person:no-longer-here")
    assert gone[-1] == ("person:no-longer-here", people.REMOVED)


def test_a_baby_is_never_offered_as_who_does_something_for_the_child_but_an_answer_naming_one_is_kept(family):
    """Tyler, 7, was offered his 8-month-old sister as who gets him up, in child mode and on his
    mother's screen."""
    case, child, t, mum, *_ = family
    baby = Child("Pip Fictional", date_of_birth=date(2026, 3, 1), pronouns="she")
    unborn = Child("Baby", expected_date=date(2027, 2, 1))
    case.children += [baby, unborn]
    young = people.too_young(case, child, date(2026, 11, 2))
    assert young == {people.named(baby.id), people.named(unborn.id)}
    assert people.named(case.children[1].id) not in young            # Alfie, 14, may be the one who does it
    for kind in (PerspectiveKind.PARENT, PerspectiveKind.CHILD):
        prompts = topic_prompts(t, t.topic("breakfast"), kind, child, tuple(people.choices(case, child)), young)
        who = next(m for m in prompts.measures if m.scale.name == "who")
        labels = [label for _, label in who.options()]
        assert "Alfie Fictional (another child at home)" in labels
        assert not any("Pip" in label or label.startswith("Baby") for label in labels), kind
        kept = who.options(keep=people.named(baby.id))               # given before: kept, with her name
        assert (people.named(baby.id), "Pip Fictional (another child at home)") in kept


def test_two_parents_who_each_mean_me_differ_and_the_same_person_agrees(family):
    case, child, t, mum, dad, kid = family
    jo, sam = (a.id for a in case.adults)
    mum.answers["breakfast"] = Answer("I do it", {"who": people.named(jo)})
    dad.answers["breakfast"] = Answer("I do it", {"who": people.named(sam)})
    mum.answers["clothes"] = Answer("Sam does", {"who": people.named(sam)})
    dad.answers["clothes"] = Answer("Me", {"who": people.named(sam)})
    mum.answers["getting_up"] = Answer("Both of us", {"who": people.named(jo, sam)})
    dad.answers["getting_up"] = Answer("We share it", {"who": people.named(sam, jo)})
    result = compare(case, child, [mum, dad], t)
    breakfast = who_row(result, "breakfast")
    assert breakfast.agreement is Agreement.DIFFER and breakfast.wide
    assert breakfast.shown("Jo Fictional (mother)") == "Jo Fictional (mother)"
    assert breakfast.shown("Sam Fictional (father)") == "Sam Fictional (father)"
    assert who_row(result, "clothes").agreement is Agreement.AGREE
    shared = who_row(result, "getting_up")
    assert shared.agreement is Agreement.AGREE
    assert shared.seen("Jo Fictional (mother)") == "Jo Fictional (mother) and Sam Fictional (father)"


def test_older_answers_that_cannot_say_who_are_shown_and_never_agree(family):
    case, child, t, mum, dad, kid = family
    mum.answers["breakfast"] = Answer("Me", {"who": "parent_carer"})
    dad.answers["breakfast"] = Answer("Me", {"who": "parent_carer"})
    mum.answers["getting_up"] = Answer("Me", {"who": "shared"})
    dad.answers["getting_up"] = Answer("Jo", {"who": people.named(case.adults[0].id)})
    result = compare(case, child, [mum, dad], t)
    old = who_row(result, "breakfast")
    assert old.agreement is Agreement.NO_ANSWER and old.unnamed
    assert old.mark == "Not compared: older answer"
    assert old.shown("Jo Fictional (mother)") == "A parent or carer at home"
    assert who_row(result, "getting_up").agreement is Agreement.ONE_SIDE  # only the named answer counts
    tally = result.tally()
    assert tally.unnamed == 1 and "1 not compared (older answers that do not say who)" in tally.text()


def test_change_over_time_names_people_and_reads_older_answers(family):
    case, child, t, mum, *_ = family
    later = case.start_interview(child, Perspective(PerspectiveKind.PARENT, case.adults[0].id), t, date(2027, 2, 1))
    mum.answers["breakfast"] = Answer("Me", {"who": "parent_carer"})
    later.answers["breakfast"] = Answer("Sam now", {"who": people.named(case.adults[1].id)})
    household = people.household(case, child)
    row = next(c for c in change_over_time((mum, t), (later, t), "Mia", "she", household)
               if c.key == "breakfast" and c.what.startswith("Who"))
    assert (row.before, row.after) == ("A parent or carer at home", "Sam Fictional (father)")
    assert row.change is Change.CHANGED


def test_a_named_answer_survives_a_case_file(family):
    case, child, t, mum, *_ = family
    value = people.named(*(a.id for a in case.adults))
    mum.answers["breakfast"] = Answer("Both", {"who": value})
    again = case_from_dict(case_to_dict(case))
    assert again.children[0].interviews[0].answers["breakfast"].measures["who"] == value


@pytest.mark.parametrize("value, words", [
    ("person:nobody-we-know", "names nobody-we-know, not a person of this case"),
    ("person:", "should be 'person:' and one or more ids joined by '+'"),
    ("person:{b}+{a}", "sorted, each once"),
    ("person:{a}+{a}", "sorted, each once"),
])
def test_a_case_file_naming_people_wrongly_is_refused_with_the_place(family, value, words):
    case, child, t, mum, *_ = family
    a, b = sorted(x.id for x in case.adults)
    mum.answers["breakfast"] = Answer("x", {"who": value.format(a=a, b=b)})
    with pytest.raises(InterchangeError) as caught:
        case_from_dict(case_to_dict(case))
    message = str(caught.value)
    assert words in message
    assert "case.children[0].interviews[0].answers['breakfast'].measures['who']" in message


def test_a_name_on_a_scale_that_names_nobody_is_refused(family):
    case, child, t, mum, *_ = family
    mum.answers["breakfast"] = Answer("x", {"how_often": people.named(case.adults[0].id)})
    with pytest.raises(InterchangeError, match="is not an answer on the 'frequency' scale"):
        case_from_dict(case_to_dict(case))
