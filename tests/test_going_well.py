"""What goes well, asked at every point of the day beside what would make it better: kept, read
back from a case file, and given in each account and under Strengths in the report. Fictional."""

from datetime import date

import docx
import pytest

from dayinlife.case import Adult, AdultRole, Answer, Case, Child, Perspective, PerspectiveKind
from dayinlife.interchange import case_from_dict, case_to_dict
from dayinlife.interview import topic_prompts
from dayinlife.report import ReportOptions, export_report

TODAY = date(2026, 12, 1)


@pytest.mark.parametrize("template_id", ["prebirth", "baby", "preschool", "primary", "teenager", "disabled"])
def test_every_template_asks_what_goes_well_of_the_child_and_the_parent(library, template_id):
    t = library.get(template_id)
    assert t.common.well_child and t.common.well_parent
    child = Child("Ada Fictional", date_of_birth=date(2018, 1, 1))
    topic = next(t.topics())
    for kind in (PerspectiveKind.CHILD, PerspectiveKind.PARENT):
        prompts = topic_prompts(t, topic, kind, child)
        assert prompts.well_question and prompts.well_question in prompts.family_text


@pytest.fixture
def said(library):
    case = Case("FICT-WELL", [Adult("Kit Fictional", AdultRole.MOTHER)])
    child = Child("Ada Fictional", date_of_birth=date(2018, 1, 1), pronouns="she")
    case.children.append(child)
    t = library.get("primary")
    kid = case.start_interview(child, Perspective(PerspectiveKind.CHILD), t, date(2026, 11, 20))
    mum = case.start_interview(child, Perspective(PerspectiveKind.PARENT, case.adults[0].id), t, date(2026, 11, 20))
    kid.answers["breakfast"] = Answer("Toast", well="Kit Fictional makes pancakes on Fridays.")
    mum.answers["teatime"] = Answer("We eat together", well="Ada helps me cook and tells me about school.")
    return case, child


def test_what_goes_well_survives_a_case_file(said):
    case, _ = said
    again = case_from_dict(case_to_dict(case))
    assert again.children[0].interviews[0].answers["breakfast"].well == "Kit Fictional makes pancakes on Fridays."


def test_the_report_gives_it_in_each_account_and_under_strengths(said, library, tmp_path):
    case, child = said
    path = export_report(case, child, tmp_path, library, ReportOptions(), today=TODAY)
    paragraphs = [p.text for p in docx.Document(str(path)).paragraphs]
    text = "\n".join(paragraphs)
    assert "What goes well: “Kit Fictional makes pancakes on Fridays.”" in text
    start = paragraphs.index("What each person said goes well, in their own words")
    listed = paragraphs[start + 1:start + 3]
    assert any(p.startswith("Ada (child), Breakfast") and "pancakes" in p for p in listed)
    assert any("Ada helps me cook" in p for p in listed)
    # anonymised, the names in what they said are labels too
    anon = export_report(case, child, tmp_path, library, ReportOptions(anonymise=True), today=TODAY)
    anon_text = "\n".join(p.text for p in docx.Document(str(anon)).paragraphs)
    assert "Kit Fictional" not in anon_text and "Adult A makes pancakes on Fridays." in anon_text
