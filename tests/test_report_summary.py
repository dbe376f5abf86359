"""The report leads with what a conference chair reads first: the front sheet, a summary (the child's
words at the hard parts of the day, where the accounts differ most), the analysis and the plan, on
pages of their own; the appendices follow, and the evidence by type of neglect repeats no answer.
Read back from real .docx files. Fictional family."""

from __future__ import annotations

import io
from datetime import date, datetime, timezone

import docx
import pytest

from dayinlife.analysis import Action, Analysis
from dayinlife.case import Adult, AdultRole, Answer, Case, Child, Perspective, PerspectiveKind, Worry
from dayinlife.report import ReportOptions, report_bytes
from dayinlife.vocab import NeglectType

TODAY = date(2026, 12, 1)


@pytest.fixture
def family(library):
    t = library.get("primary")
    case = Case("FICT-SUM/1", [Adult("Kit Fictional", AdultRole.MOTHER)], practitioner="Alex Worker")
    child = Child("Ada Fictional", date_of_birth=date(2018, 3, 1), pronouns="she")
    case.children.append(child)
    kid = case.start_interview(child, Perspective(PerspectiveKind.CHILD), t, date(2026, 11, 20))
    mum = case.start_interview(child, Perspective(PerspectiveKind.PARENT, case.adults[0].id), t, date(2026, 11, 21))
    school = case.start_interview(child, Perspective(PerspectiveKind.PROFESSIONAL), t, date(2026, 11, 22),
                                  source="School")
    kid.answers["getting_up"] = Answer("Nobody wakes me, I use my tablet alarm.", {"who": "child_self"},
                                       feeling="happy", sort="not_good")
    kid.answers["breakfast"] = Answer("There is no milk so I have dry cereal.", {"how_often": "rarely",
                                                                               "who": "child_self"},
                                      feeling="very_unhappy", better="Milk in the fridge.")
    kid.answers["bedtime"] = Answer("Kit reads to me.", feeling="very_happy", better="A nightlight.")
    mum.answers["getting_up"] = Answer("I get her up at seven.", {"who": "parent_carer"}, feeling="very_happy")
    mum.answers["breakfast"] = Answer("Toast every morning.", {"how_often": "every_day", "who": "parent_carer"},
                                      feeling="very_happy")
    mum.answers["bedtime"] = Answer("Bath and a story.", feeling="very_happy")
    school.answers["breakfast"] = Answer("Arrives hungry most days.", {"how_often": "sometimes"})
    kid.worries.append(Worry("bedtime", "bedtime", "secret words", datetime(2026, 11, 20, 10, 5, tzinfo=timezone.utc)))
    analysis = Analysis(child.id, practitioner="Alex Worker", strengths="Kit reads to Ada.",
                        worries="Mornings.", impact_now="Ada is hungry.", impact_if_unchanged="Her learning suffers.")
    analysis.judgement(NeglectType.NUTRITIONAL).narrative = "Breakfast is missed on most school days."
    analysis.actions.append(Action("Breakfast club", "School", date(2027, 1, 6)))
    case.analyses[child.id] = analysis
    return case, child


def doc_of(case, child, library, **options):
    return docx.Document(io.BytesIO(report_bytes(case, child, library, ReportOptions(**options), today=TODAY)))


def texts(doc) -> list[str]:
    return [p.text for p in doc.paragraphs]


def between(doc, start: str, end: str | None) -> list:
    """The paragraphs from the heading `start` up to the next heading of the same level (or `end`)."""
    ps = doc.paragraphs
    i = next(k for k, p in enumerate(ps) if p.text == start and p.style.name.startswith("Heading"))
    level = ps[i].style.name
    j = next((k for k in range(i + 1, len(ps)) if (ps[k].text == end if end else ps[k].style.name == level)), len(ps))
    return ps[i + 1:j]


def test_the_summary_leads_with_the_childs_words_at_the_hard_parts_of_the_day(family, library):
    case, child = family
    doc = doc_of(case, child, library)
    words = [p.text for p in between(doc, "In Ada's own words", "Where the accounts differ most")]
    # the card she put on "not good" (though her face was happy) and the saddest face, in the day's order
    listed = [w for w in words if w.startswith(("Getting up:", "Breakfast:", "Bedtime:"))]
    assert listed == ["Getting up: “Nobody wakes me, I use my tablet alarm.” — feeling: Happy",
                      "Breakfast: “There is no milk so I have dry cereal.” — feeling: “Really sad” (very unhappy). "
                      "What would make it better: “Milk in the fridge.”"]
    assert any("put on “not good” or chose a sad face or a hard feeling for" in w for w in words)  # how chosen
    # "Something worries me", which Ada put into words: no trace of it in the copy that may be shared
    # with the family; in the copy with the section for professionals, that it was pressed, where and
    # when, never the words (they are in that section)
    assert not any("Something worries me" in w for w in words)
    assert "secret words" not in "\n".join(texts(doc))
    kept = doc_of(case, child, library, sensitive=True)
    words = [p.text for p in between(kept, "In Ada's own words", "Where the accounts differ most")]
    assert any(w.startswith("In child mode Ada pressed “Something worries me” once: Bedtime, on 20 November 2026")
               for w in words)
    assert "secret words" not in "\n".join(words)


def test_a_hard_feeling_beside_a_happy_face_leads_too(family, library):
    """Maisie chose "Worried" for the night beside a face that was not sad, and the front page said she
    chose no sad face: every "other feeling" (scared, cross, hurting, worried) is a hard one."""
    case, child = family
    kid = child.interviews[0]
    kid.answers["getting_up"].sort = "good"
    kid.answers["breakfast"].feeling = "okay"
    kid.answers["bedtime"].also_felt = ["worried"]
    words = [p.text for p in between(doc_of(case, child, library), "In Ada's own words",
                                     "Where the accounts differ most")]
    assert [w for w in words if w.startswith(("Getting up:", "Breakfast:", "Bedtime:"))] == [
        "Bedtime: “Kit reads to me.” — feeling: “Really happy” (very happy); also felt: worried. "
        "What would make it better: “A nightlight.”"]
    assert not any("chose no sad face" in w for w in words)


def test_with_nothing_hard_the_summary_gives_what_the_child_would_make_better(family, library):
    case, child = family
    kid = child.interviews[0]
    kid.answers["getting_up"].sort = "good"
    kid.answers["breakfast"].feeling = "okay"
    doc = doc_of(case, child, library)
    words = [p.text for p in between(doc, "In Ada's own words", "Where the accounts differ most")]
    assert "Ada put nothing on “not good” and chose no sad face or hard feeling." in " ".join(words)
    assert [w for w in words if w.startswith(("Breakfast:", "Bedtime:"))] == [
        "Breakfast: feeling: Okay. What would make it better: “Milk in the fridge.”",
        "Bedtime: feeling: “Really happy” (very happy). What would make it better: “A nightlight.”"]


def test_where_the_accounts_differ_most_farthest_first_in_a_table(family, library):
    case, child = family
    doc = doc_of(case, child, library)
    table = next(t for t in doc.tables if t.rows[0].cells[0].text == "What")
    assert [c.text for c in table.rows[0].cells] == ["What", "Ada (child)", "Kit Fictional (mother)",
                                                     "School, 22/11/2026", "How far apart"]
    rows = [[c.text for c in r.cells] for r in table.rows[1:]]
    whats = [r[0] for r in rows]
    assert "Breakfast: How often Ada has breakfast before school" in whats
    often = rows[whats.index("Breakfast: How often Ada has breakfast before school")]
    assert often[2:] == ["Every day", "Sometimes", "Differ: 3 steps apart (of 4)"]
    assert any(w.startswith("Breakfast (07:00–09:00): how Ada feels") for w in whats)  # the faces far apart too
    # each row shaded as the comparison shades a wide difference, and the words say it too
    assert all(r.cells[0]._tc.xpath(".//w:shd/@w:fill") == ["F4B183"] for r in table.rows[1:])


def test_the_front_pages_stand_alone_and_the_appendices_start_on_a_new_page(family, library):
    case, child = family
    doc = doc_of(case, child, library)
    ps = doc.paragraphs

    def page_break_before(heading: str) -> bool:
        i = next(k for k, p in enumerate(ps) if p.text == heading and p.style.name == "Heading 1")
        return ps[i].paragraph_format.page_break_before is True and not ps[i - 1]._p.xpath(".//w:br[@w:type='page']")
    assert page_break_before("Ada's typical day, in her own words")  # after the plan
    assert page_break_before("Appendices")
    listed = [p.text for p in between(doc, "Appendices", None) if p.text.startswith("Appendix ")]
    assert listed[0] == "Appendix A: The parent's own day, and how it affects Ada" and \
        listed[-1].startswith("Appendix ") and "The evidence by type of neglect" in listed[-2]


def test_the_reading_by_type_has_no_quotes_and_the_evidence_repeats_no_answer(family, library):
    case, child = family
    doc = doc_of(case, child, library)
    reading = "\n".join(p.text for p in between(doc, "The practitioner's reading by type of neglect",
                                                   "Likelihood of change"))
    assert "Breakfast is missed on most school days." in reading
    assert "dry cereal" not in reading and "Toast every morning" not in reading  # no quotes: a reading
    evidence = "\n".join(p.text for p in between(doc, "Appendix H: The evidence by type of neglect", None))
    assert "Nutritional: Breakfast (≠ differ)" in evidence
    assert "dry cereal" not in evidence and "Toast every morning" not in evidence  # in the accounts, once
    assert "the parents' under “Appendix A: The parent's own day, and how it affects Ada”" in evidence


def test_the_evidence_gives_the_words_of_someone_whose_account_is_left_out(family, library):
    case, child = family
    chosen = [s for s in ReportOptions().sections if s != "parent_day"]
    doc = doc_of(case, child, library, sections=chosen)
    evidence = "\n".join(p.text for p in between(doc, "Appendix G: The evidence by type of neglect", None))
    assert "Kit Fictional (mother): “Toast every morning.”" in evidence  # nowhere else in this copy
    assert "dry cereal" not in evidence  # the child's account is in it
    assert evidence.count("Toast every morning") == 1


def test_the_summary_is_anonymised_with_the_rest(family, library):
    case, child = family
    doc = doc_of(case, child, library, anonymise=True)
    front = "\n".join(texts(doc)[:60] + [c.text for t in doc.tables for r in t.rows for c in r.cells])
    assert "Kit" not in front and "Ada" not in front and "Child A" in front


def test_an_adults_scaled_answers_are_given_once_in_the_comparison(family, library):
    case, child = family
    mum = next(iv for iv in child.interviews if iv.perspective.kind is PerspectiveKind.PARENT)
    doc = doc_of(case, child, library)
    account = "\n".join(p.text for p in between(doc, "Appendix A: The parent's own day, and how it affects Ada",
                                                   None))
    assert "“Toast every morning.”" in account and "How they think Ada feels: Very happy" in account
    assert "How often Ada has breakfast before school" not in account  # not twice
    assert "“Appendix C: Where the accounts differ”" in account  # it says where they are
    compared = [[c.text for c in r.cells] for t in doc.tables for r in t.rows]
    assert any(row[0] == "How often Ada has breakfast before school" and "Every day" in row[2] for row in compared)
    mum.answers["holidays"] = Answer("Nana has her in the holidays.", {"meals": "every_day"})
    doc = doc_of(case, child, library)
    holidays = "\n".join(p.text for p in between(doc, "Appendix F: Weekends, holidays and other carers", None))
    assert "“Nana has her in the holidays.”" in holidays and "regular meals" not in holidays  # in the comparison
    # without the comparison, the account keeps them
    alone = doc_of(case, child, library, sections=[s for s in ReportOptions().sections if s != "comparison"])
    account = "\n".join(p.text for p in between(alone, "Appendix A: The parent's own day, and how it affects Ada",
                                                   None))
    assert "How often Ada has breakfast before school: Every day" in account


def test_accounts_given_months_apart_are_said_to_be_with_each_date(family, library):
    case, child = family
    doc = doc_of(case, child, library)
    assert not any("accounts were given up to" in t for t in texts(doc))  # two days apart: nothing to say
    kid = next(iv for iv in child.interviews if iv.perspective.kind is PerspectiveKind.CHILD)
    kid.held_on = date(2026, 6, 5)  # the child's account from the summer beside the adults' from November
    doc = doc_of(case, child, library)
    said = [t[t.index("These accounts"):] for t in texts(doc) if "These accounts were given up to 24 weeks" in t]
    assert len(said) == 2  # where the summary sets them side by side, and in the comparison
    assert said[0] == said[1] == ("These accounts were given up to 24 weeks apart (Ada (child) 5 June; Kit Fictional (mother) "
                       "21 November; School 22 November 2026): a difference may be a change over that time rather "
                       "than a disagreement.")


def test_a_babys_summary_gives_what_was_seen_never_what_the_baby_chose(library):
    t = library.get("baby")
    case = Case("FICT-SUM/2", [Adult("Kit Fictional", AdultRole.MOTHER)], practitioner="Alex Worker")
    baby = Child("Bo Fictional", date_of_birth=date(2026, 8, 1), pronouns="he")
    case.children.append(baby)
    seen = case.start_interview(baby, Perspective(PerspectiveKind.CHILD), t, date(2026, 11, 20))
    seen.answers["waking"] = Answer("Woke crying; lifted within a minute.", feeling="unsettled")
    seen.answers["milk_feeds"] = Answer("Held close for the bottle.", feeling="settled")
    doc = doc_of(case, baby, library)
    front = "\n".join(p.text for p in between(doc, "Summary", None))
    assert "What was seen of Bo, and how Bo seemed, in the order of the day." in front
    assert "Waking up: “Woke crying; lifted within a minute.” — how Bo seemed: Unsettled" in front
    assert "chose" not in front and "put nothing" not in front


def test_a_topics_name_in_an_adults_account_stays_on_the_page_with_what_they_said(family, library):
    case, child = family
    mum = next(iv for iv in child.interviews if iv.perspective.kind is PerspectiveKind.PARENT)
    mum.answers["clothes"] = Answer("Washed on Sundays.")
    doc = doc_of(case, child, library)
    account = between(doc, "Appendix A: The parent's own day, and how it affects Ada", None)
    title = next(p for p in account if p.text == "Clothes and uniform")
    assert title.paragraph_format.keep_with_next is True  # never alone at the foot of a page


def test_the_hard_parts_of_an_earlier_interview_are_named_with_where_the_words_then_are(family, library):
    case, child = family
    t = library.get("primary")
    before = case.start_interview(child, Perspective(PerspectiveKind.CHILD), t, date(2026, 5, 12))
    before.answers["clothes"] = Answer("My uniform is on the floor.", feeling="very_unhappy")
    before.answers["bedtime"] = Answer("Nobody says bedtime.", sort="not_good")
    before.answers["getting_up"] = Answer("I get up.", feeling="happy")
    doc = doc_of(case, child, library)
    said = [t for t in texts(doc) if t.startswith("At the earlier interview")]
    assert said == ["At the earlier interview (12 May 2026) Ada put on “not good” or chose a sad face or a hard feeling for: "
                    "Clothes and uniform (Getting dressed); Bedtime. Ada's words then are under "
                    "“Appendix G: Change over time”."]
    assert "My uniform is on the floor" not in "\n".join(texts(doc)[:80])  # named on the front, not quoted


def test_a_worry_pressed_at_a_question_asked_of_the_child_alone_is_never_placed_in_the_body(family, library):
    """A worry pressed at "Home, good and not so good" (asked only with the child alone) is never named
    in the body. The copy without the section for professionals, the one to share with the family,
    leaves no trace of it at all; the copy with the section says a worry was pressed at a question kept
    apart, and the section says where."""
    from dayinlife.sensitive import SECTION_TITLE

    case, child = family
    kid = next(iv for iv in child.interviews if iv.perspective.kind is PerspectiveKind.CHILD)
    kid.worries[:] = [Worry("bedtime", "worries_at_home", "", datetime(2026, 11, 20, 10, 5, tzinfo=timezone.utc))]
    for sensitive in (False, True):
        doc = doc_of(case, child, library, sensitive=sensitive)
        ps = texts(doc)
        end = ps.index(SECTION_TITLE) if sensitive else len(ps)
        body = "\n".join(ps[:end])
        assert "Home, good and not so good" not in body
        if not sensitive:
            assert "Something worries me" not in body and "kept apart" not in body
            continue
        assert "pressed “Something worries me” once" in body
        assert "at a question kept apart, as sensitive or asked of Ada alone" in body
        if sensitive:  # the section for professionals says where
            assert "Home, good and not so good" in "\n".join(ps[end:])


def test_the_reading_by_type_gives_the_chronology_beside_the_interviews(family, library):
    """'Nothing recorded so far bears on: Educational' beside an Early Help plan and 82% attendance,
    both tagged Educational in the chronology, told a manager the history was not read."""
    from dayinlife.chronology import Event, EventDate
    from dayinlife.vocab import NeglectType

    case, child = family
    case.chronology.append(Event(EventDate(2024, 7), "End of Year 1: attendance 82%. Mostly Mondays.",
                                 source="School", neglect=[NeglectType.EDUCATIONAL]))
    ps = texts(doc_of(case, child, library, sections=["neglect"]))
    at = ps.index("Educational")
    assert "In the chronology: July 2024, End of Year 1: attendance 82%." in ps[at + 1:at + 4]
    assert not any("bears on" in t and "Educational" in t for t in ps)
    assert not any(t.startswith("Bears on it") for t in ps)
    assert any("(a count of topics, not a measure of concern)" in t for t in ps)
