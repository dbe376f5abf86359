"""Who sees what in an interview (dayinlife/interview.py), without a window: the child sees only
child wording, a parent only the parent wording, and what professionals look for and observe is
the practitioner's alone, never among what a family member may see."""

from __future__ import annotations

from datetime import date

import pytest

from dayinlife.case import Answer, Case, Child, Perspective, PerspectiveKind
from dayinlife.interview import (
    feeling_in_child_words,
    is_answered,
    overall_progress,
    sees_child_words,
    stage_progress,
    topic_prompts,
)

KINDS = list(PerspectiveKind)


@pytest.fixture
def child():
    return Child("Mia Fictional", date_of_birth=date(2018, 4, 4), pronouns="she", known_as="Mimi")


@pytest.mark.parametrize("template_id", ["prebirth", "baby", "preschool", "primary", "teenager", "disabled"])
def test_the_child_never_sees_the_parents_or_the_professionals_wording(library, child, template_id):
    t = library.get(template_id)
    for topic in t.topics():
        mine = topic_prompts(t, topic, PerspectiveKind.CHILD, child)
        theirs = topic_prompts(t, topic, PerspectiveKind.PARENT, child)
        family = " ".join(mine.family_text)
        if topic.parent and t.render(topic.parent, "Mimi", "she") != mine.question:
            assert theirs.question not in family
        for practitioners_only in (mine.look_for, mine.observe):
            if practitioners_only:
                assert practitioners_only not in family  # guidance is never what the family sees


@pytest.mark.parametrize("template_id", ["primary", "teenager"])
def test_a_parent_sees_the_parent_wording_and_never_the_childs(library, child, template_id):
    t = library.get(template_id)
    for topic in t.topics():
        parent = topic_prompts(t, topic, PerspectiveKind.PARENT, child)
        kid = topic_prompts(t, topic, PerspectiveKind.CHILD, child)
        assert parent.question == t.render(topic.parent, "Mimi", "she")
        if kid.question and kid.question != parent.question:  # a topic for adults only has no child question
            assert kid.question not in " ".join(parent.family_text)
        assert "{" not in " ".join(parent.family_text)  # every placeholder filled in for this child


def test_the_child_in_a_direct_template_sees_choices_in_a_childs_words(library, child):
    primary, baby = library.get("primary"), library.get("baby")
    assert sees_child_words(primary, PerspectiveKind.CHILD)
    assert not sees_child_words(primary, PerspectiveKind.PARENT)
    assert not sees_child_words(baby, PerspectiveKind.CHILD)  # the carer speaks for a baby: adult words
    assert feeling_in_child_words(PerspectiveKind.CHILD) and not feeling_in_child_words(PerspectiveKind.PARENT)
    topic = primary.topic("breakfast")
    shown = dict(topic_prompts(primary, topic, PerspectiveKind.CHILD, child).measures[1].options())
    assert shown["child_self"] == "Me, on my own"
    adult = dict(topic_prompts(primary, topic, PerspectiveKind.PARENT, child).measures[1].options())
    assert adult["child_self"] == "The child on their own"


def test_progress_counts_what_is_recorded_or_said_not_asked(library, child):
    t = library.get("primary")
    case = Case("FICT-PROGRESS", children=[child])
    iv = case.start_interview(child, Perspective(PerspectiveKind.CHILD), t, date(2026, 11, 1))
    assert overall_progress(t, iv) == (0, len([tp for tp in t.topics() if tp.for_child]))  # not 'Safe to talk'
    iv.answers["breakfast"] = Answer("Toast")
    iv.answers["night"] = Answer(not_asked="Too tired")
    iv.answers["teatime"] = Answer()  # opened, nothing recorded
    assert not is_answered(iv.answers["teatime"])
    assert overall_progress(t, iv)[0] == 2
    by_stage = {p.stage.id: (p.answered, p.total) for p in stage_progress(t, iv)}
    assert by_stage["breakfast"][0] == 1


def test_what_only_an_adult_can_know_is_never_asked_of_a_child(library, child):
    """Issue 12: 'registered with a GP', 'injections up to date' are for adults (ask = "adults")."""
    for template_id, key, mid in (("primary", None, "gp_registered"), ("preschool", None, "injections_up_to_date"),
                                  ("teenager", None, "gp_registered")):
        t = library.get(template_id)
        topic = next(tp for tp in t.topics() if any(m.id == mid for m in tp.measures))
        kid = [m.id for m in topic_prompts(t, topic, PerspectiveKind.CHILD, child).measures]
        adult = [m.id for m in topic_prompts(t, topic, PerspectiveKind.PARENT, child).measures]
        assert mid not in kid and mid in adult


def test_a_child_is_offered_i_dont_know_once_and_a_baby_is_never_on_their_own(library, child):
    """'Don't know' and 'Not seen: cannot say' are one answer in a child's words; nobody says a baby
    does something 'on their own'."""
    t = library.get("primary")
    for topic in t.topics():
        for m in topic_prompts(t, topic, PerspectiveKind.CHILD, child).measures:
            labels = [label for _, label in m.options()]
            assert len(labels) == len(set(labels)), (topic.key, m.id, labels)
    prof = topic_prompts(t, t.topic("breakfast"), PerspectiveKind.PROFESSIONAL, child).measures[0]
    assert "Not seen: cannot say" in [label for _, label in prof.options()]
    baby = library.get("baby")
    who = next(m for m in topic_prompts(baby, baby.topic("waking"), PerspectiveKind.PARENT, child).measures
               if m.id == "who")
    assert "child_self" not in [v for v, _ in who.options()]
    assert ("child_self", "The child on their own") in who.options(keep="child_self")  # an answer given stays
