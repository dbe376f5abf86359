"""The evidence as words (dayinlife/evidence.py), the same on screen and in the report, without a window."""

from datetime import date

from dayinlife.case import Adult, AdultRole, Answer, Case, Child, Perspective, PerspectiveKind
from dayinlife.compare import Agreement, compare
from dayinlife.evidence import agreement_text, evidence_text, topic_at


def test_evidence_quotes_everyone_exactly_and_marks_what_differs(library):
    t = library.get("primary")
    case = Case("FICT-EV", [Adult("Jo Fictional", AdultRole.MOTHER)])
    child = Child("Mia Fictional", date_of_birth=date(2018, 1, 1))
    case.children.append(child)
    kid = case.start_interview(child, Perspective(PerspectiveKind.CHILD), t, date(2026, 11, 1))
    mum = case.start_interview(child, Perspective(PerspectiveKind.PARENT, case.adults[0].id), t, date(2026, 11, 2))
    kid.answers["breakfast"] = Answer("Only crisps & <juice>", {"how_often": "rarely"})
    mum.answers["breakfast"] = Answer("Every day", {"how_often": "every_day"}, not_asked="ran out of time")
    c = compare(case, child, [kid, mum], t)
    breakfast = next(tc for tc in c.topics if tc.topic.key == "breakfast")
    text = evidence_text([breakfast], c)
    assert text.startswith("Breakfast (Breakfast): ≠ Differ — not a finding")
    assert "The child (Mia) said: “Only crisps & <juice>”" in text
    assert "Jo Fictional (mother): not asked (ran out of time)" in text and "“Every day”" in text
    assert "[≠ Differ: 3 steps apart (of 4)]" in text
    assert agreement_text(Agreement.WORDS_ONLY) == "✎ Answered in words only"
    assert topic_at(breakfast) == "Breakfast"
