"""The Word report says what was entered: every account, the child's own choices as the child saw
them, the child's needs, words recorded against a "not asked" topic, whole quotes, and notes only
when asked for. Each read back from a real .docx."""

from __future__ import annotations

from datetime import date

import docx
import pytest

from dayinlife.case import Adult, AdultRole, Answer, Case, Child, Perspective, PerspectiveKind
from dayinlife.report import ReportOptions, export_report

TODAY = date(2026, 12, 1)
PRO = Perspective(PerspectiveKind.PROFESSIONAL)


@pytest.fixture
def family(library):
    """A 6-year-old with her mother, a school account, an educational psychologist's and a GP's."""
    t = library.get("primary")
    case = Case("FICT-FAITH-6", [Adult("Kerry Fictional", AdultRole.MOTHER)])
    ava = Child("Ava Fictional", date_of_birth=date(2020, 5, 2), pronouns="she", known_as="Ava",
                disability="Global developmental delay", communication="Some Makaton; points to pictures",
                other_needs="Young carer for her mother at weekends")
    case.children.append(ava)
    kid = case.start_interview(ava, Perspective(PerspectiveKind.CHILD), t, date(2026, 11, 2))
    mum = case.start_interview(ava, Perspective(PerspectiveKind.PARENT, case.adults[0].id), t, date(2026, 11, 3))
    school = case.start_interview(ava, PRO, t, date(2026, 11, 4), source="School: class teacher")
    ep = case.start_interview(ava, PRO, t, date(2026, 10, 20), source="Educational psychologist")
    gp = case.start_interview(ava, PRO, t, date(2026, 11, 5), source="GP")
    kid.answers["breakfast"] = Answer("I get my own cereal.", {"how_often": "rarely", "who": "child_self"},
                                      feeling="unhappy")
    mum.answers["breakfast"] = Answer("She has breakfast every day.", {"how_often": "every_day",
                                                                       "who": "child_self"}, feeling="happy",
                                      notes="Kitchen had no food on the visit")
    school.answers["at_school"] = Answer("Ava often arrives hungry.", source="Breakfast club register")
    ep.answers["at_school"] = Answer("Ava's speech is well below her age; she needs adult help to join in.")
    gp.answers["health"] = Answer("Missed two appointments for her ears.")
    kid.answers["night"] = Answer("I hear shouting.", not_asked="Ran out of time")  # words despite the tick
    return case, ava, t


def export(case, child, library, tmp_path, **options):
    path = export_report(case, child, tmp_path / "r.docx", library, ReportOptions(**options), today=TODAY)
    doc = docx.Document(path)
    text = "\n".join(p.text for p in doc.paragraphs)
    cells = "\n".join(c.text for t in doc.tables for r in t.rows for c in r.cells)
    return doc, text, cells


def comparison_table(doc):
    return next(t for t in doc.tables if t.rows[0].cells[0].text == "Stage and what was compared")


def test_every_professional_account_is_in_the_report(family, library, tmp_path):
    case, ava, _ = family
    doc, text, cells = export(case, ava, library, tmp_path)
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading 2")]
    for source, day in (("Educational psychologist", "20/10/2026"), ("School: class teacher", "04/11/2026"),
                        ("GP", "05/11/2026")):
        assert f"{source}, {day}" in headings
        assert f"{source}, {day}" in [c.text for c in comparison_table(doc).rows[0].cells]  # a column each
    assert "Ava's speech is well below her age" in text and "Missed two appointments" in text
    cover = {r.cells[0].text: r.cells[1].text for r in doc.tables[0].rows}
    assert cover["Interviews compared"].count("\n") == 4  # five interviews, one line each


def test_the_childs_own_choices_are_shown_as_the_child_saw_them(family, library, tmp_path):
    case, ava, t = family
    doc, text, cells = export(case, ava, library, tmp_path)
    table = comparison_table(doc)
    who_label = t.render(t.topic("breakfast").measures[1].label, "Ava", "she")
    row = next([c.text for c in r.cells] for r in table.rows if r.cells[0].text == who_label)
    assert row[1] == "“Me, on my own” (the child on their own)" and row[2] == "The child on their own"
    assert row[-1] == "= Agree (2 of 5 chose)"  # says who is left out
    often = next([c.text for c in r.cells] for r in table.rows if r.cells[0].text.startswith("How often")
                 and "breakfast" in r.cells[0].text)
    assert often[1] == "“Not often” (hardly ever)" and often[-1] == "≠ Differ: 3 steps apart (of 4)"
    assert "How it feels: “Sad” (unhappy)" in text  # the face the child tapped, in the child's word


def test_the_childs_needs_are_on_the_cover(family, library, tmp_path):
    case, ava, _ = family
    doc, *_ = export(case, ava, library, tmp_path)
    cover = {r.cells[0].text: r.cells[1].text for r in doc.tables[0].rows}
    assert cover["Disability"] == "Global developmental delay"
    assert cover["How the child communicates"] == "Some Makaton; points to pictures"
    assert cover["Other needs"] == "Young carer for her mother at weekends"


def test_words_recorded_against_not_asked_are_shown(family, library, tmp_path):
    case, ava, _ = family
    _, text, _ = export(case, ava, library, tmp_path)
    assert "Not asked: Ran out of time. What was recorded all the same follows." in text
    assert "“I hear shouting.”" in text


def test_notes_only_when_the_practitioner_asks(family, library, tmp_path):
    case, ava, _ = family
    _, text, cells = export(case, ava, library, tmp_path)
    assert "Kitchen had no food" not in text + cells
    _, text, _ = export(case, ava, library, tmp_path, notes=True)
    assert "Practitioner's note (not the family's words): Kitchen had no food on the visit" in text


def test_a_long_answer_repeated_in_the_summary_is_cut_after_whole_sentences_and_says_where_the_rest_is(
        family, library, tmp_path):
    """Seen: evidence quotes stopped at 20 words ("…go home to bed and …"), losing the sentence that mattered."""
    case, ava, t = family
    kid = ava.interviews[0]
    first = ("When I get up nobody is awake so I get my own breakfast and then I watch television until it is "
             "time to go and sometimes I am late because I do not know the time.")
    second = "Mum stays in bed because she is poorly and I have to be quiet so she can sleep."
    rest = ("At school I go to breakfast club and Miss gives me toast with jam. "
            "I like the breakfast club best because my friend Sami is there and we play cards. "
            "On Saturdays there is no club so I have crisps.")
    kid.answers["breakfast"].text = f"{first} {second} {rest}"
    kid.answers["breakfast"].feeling = [o.value for o in t.feelings.options if not o.unranked][-1]
    _, text, _ = export(case, ava, library, tmp_path)
    led = [line for line in text.splitlines() if line.startswith("Breakfast: “When I get up")]
    assert len(led) == 1, "the summary should lead with what the child said about a part of the day she is sad at"
    assert first in led[0] and "[continues under “Ava's typical day" in led[0]
    assert " …”" not in led[0] and "crisps" not in led[0]  # cut after whole sentences, never in the middle
    assert f"“{first} {second} {rest}”" in text  # and whole, once


def test_many_people_get_a_landscape_page_so_no_word_is_broken(family, library, tmp_path):
    """Seen with seven people: 'Someti mes', 'Kacpe r' in a portrait table."""
    from docx.enum.section import WD_ORIENT

    case, ava, t = family
    for n, source in enumerate(("Health visitor", "Police")):
        case.start_interview(ava, PRO, t, date(2026, 11, 6 + n), source=source)
    doc, *_ = export(case, ava, library, tmp_path)
    table = comparison_table(doc)
    assert len(table.rows[0].cells) == 2 + 7  # seven people compared
    body = doc.element.body
    section_of_table = None
    for el in body.iterchildren():  # the section a block belongs to ends with the next sectPr after it
        if el is table._tbl:
            section_of_table = "seen"
        if section_of_table == "seen" and el.xpath("./w:pPr/w:sectPr") or el.tag.endswith("sectPr"):
            if section_of_table == "seen":
                sect = el.xpath("./w:pPr/w:sectPr")[0] if not el.tag.endswith("sectPr") else el
                section_of_table = sect
                break
    orient = section_of_table.xpath("./w:pgSz/@w:orient")
    assert orient == ["landscape"]
    assert doc.sections[0].orientation == WD_ORIENT.PORTRAIT  # the cover and the accounts stay portrait


def test_a_difference_is_never_sent_back_to_the_family_unthinkingly(family, library, tmp_path):
    """Issue 12: the report must not tell the practitioner to 'explore with the family' a difference; it
    says to judge first whether it is safe to raise, and never to reveal what a child said."""
    case, ava, _ = family
    doc, text, cells = export(case, ava, library, tmp_path)
    assert "explore with the family" not in text + cells
    assert "judge whether that is safe, and never reveal to an adult what a child said" in text


def test_the_cover_says_when_the_template_is_still_a_draft(family, library, tmp_path):
    case, ava, _ = family
    doc, *_ = export(case, ava, library, tmp_path)
    cover = {r.cells[0].text: r.cells[1].text for r in doc.tables[0].rows}
    # said of the template, in words that cannot be taken for the report's own draft state
    assert "The template itself is not yet signed off for use by the local partnership." in cover["Template"]
    assert cover["Management oversight"].startswith("A draft: no version has been submitted")
