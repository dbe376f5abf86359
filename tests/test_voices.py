"""Whose accounts are compared (dayinlife/voices.py): one rule for the compare screen and the report."""

from datetime import date

import pytest

from dayinlife.case import Adult, AdultRole, Case, Child, Perspective, PerspectiveKind
from dayinlife.voices import change_pairs, choose_interviews, ordered, person_key, voice_labels, who

PRO = Perspective(PerspectiveKind.PROFESSIONAL)


@pytest.fixture
def family(library):
    case = Case("FICT-VOICES", [Adult("Jo Fictional", AdultRole.MOTHER),
                                Adult("Lee Fictional", AdultRole.OTHER, role_detail="mum's partner")])
    child = Child("Ava Fictional", date_of_birth=date(2020, 1, 9), known_as="Ava")
    case.children.append(child)
    return case, child, library.get("primary")


def start(case, child, t, perspective, day, **details):
    return case.start_interview(child, perspective, t, day, **details)


def test_every_professional_source_is_its_own_voice(family):
    """Seen: an educational psychologist's account of a 6-year-old vanished from her report: all
    professional accounts counted as one person and only the latest was kept."""
    case, child, t = family
    school = start(case, child, t, PRO, date(2026, 3, 12), source="School: class teacher")
    ep = start(case, child, t, PRO, date(2026, 2, 1), source="Educational psychologist")
    gp = start(case, child, t, PRO, date(2026, 4, 20), source="GP")
    kid = start(case, child, t, Perspective(PerspectiveKind.CHILD), date(2026, 3, 1))
    choice = choose_interviews(case, child)
    assert choice.compared == [kid, ep, school, gp]  # the child first; professionals as first heard
    assert choice.earlier == {}
    labels = voice_labels(case, child, choice.compared)
    assert [labels[iv.id] for iv in choice.compared] == [
        "The child (Ava)", "Educational psychologist, 01/02/2026", "School: class teacher, 12/03/2026",
        "GP, 20/04/2026"]


def test_one_persons_latest_is_compared_and_the_earlier_ones_kept(family):
    case, child, t = family
    jo = Perspective(PerspectiveKind.PARENT, case.adults[0].id)
    first = start(case, child, t, jo, date(2026, 1, 5))
    second = start(case, child, t, jo, date(2026, 6, 5))
    school_then = start(case, child, t, PRO, date(2026, 1, 9), source="School")
    school_now = start(case, child, t, PRO, date(2026, 6, 9), source=" school ")  # the same source, typed loosely
    choice = choose_interviews(case, child)
    assert choice.compared == [second, school_now]
    assert choice.earlier == {second.id: [first], school_now.id: [school_then]}
    assert sorted(iv.id for iv in choice.all_earlier + choice.compared) == sorted(iv.id for iv in child.interviews)
    assert change_pairs(case, child) == [(first, second), (school_then, school_now)]


def test_professional_accounts_with_no_source_never_merge(family):
    case, child, t = family
    a = start(case, child, t, PRO, date(2026, 1, 5))
    b = start(case, child, t, PRO, date(2026, 1, 5))
    assert person_key(a) != person_key(b)
    labels = voice_labels(case, child, [a, b])
    assert labels[a.id] != labels[b.id] and labels[a.id].startswith("Professionals, 05/01/2026")


def test_roles_read_the_same_everywhere(family):
    case, child, t = family
    lee = start(case, child, t, Perspective(PerspectiveKind.PARENT, case.adults[1].id), date(2026, 1, 5))
    jo = start(case, child, t, Perspective(PerspectiveKind.PARENT, case.adults[0].id), date(2026, 1, 5))
    assert who(lee, case) == "Lee Fictional (mum's partner)" and who(jo, case) == "Jo Fictional (mother)"
    assert ordered(case, [lee, jo]) == [jo, lee]  # household order


def test_a_babys_account_is_called_the_babys_voice_and_says_who_told_it(library):
    """An unborn baby cannot be asked: what the practitioner tells in the baby's voice is named so,
    with who told it, in the compare screen and the report alike (never "The child")."""
    case = Case("FICT-BABY", [Adult("Jo Fictional", AdultRole.MOTHER)], practitioner="A. Worker")
    unborn = Child("Baby", expected_date=date(2027, 2, 14))
    born = Child("Rosie Fictional", date_of_birth=date(2026, 5, 1), known_as="Rosie")
    case.children += [unborn, born]
    child = Perspective(PerspectiveKind.CHILD)
    before = start(case, unborn, library.get("prebirth"), child, date(2026, 11, 2), practitioner="Sam Midwife")
    assert who(before, case, unborn) == "The baby's voice (told by Sam Midwife)"
    baby = start(case, born, library.get("baby"), child, date(2026, 11, 3))
    assert who(baby, case, born) == "The baby's voice (Rosie, told by A. Worker)"
    case.practitioner = ""
    assert who(baby, case, born) == "The baby's voice (Rosie, told by the practitioner)"
    labels = voice_labels(case, born, [baby])
    assert labels[baby.id] == "The baby's voice (Rosie, told by the practitioner)"
    talker = start(case, born, library.get("primary"), child, date(2026, 11, 4))  # a child asked in person
    assert who(talker, case, born) == "The child (Rosie)"
