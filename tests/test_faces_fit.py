"""Faces that fit the child (issue 12, part 4): three faces for preschool and disabled children, a
baby's states (no order) for a baby, and, before birth, each adult's own feelings, never compared.
Also the scales that fit yes/no facts and weekends."""

from __future__ import annotations

import io
import json
from datetime import date

import docx
import pytest

from dayinlife.case import Adult, AdultRole, Case, Child, Perspective, PerspectiveKind
from dayinlife.compare import Change, change_over_time, compare
from dayinlife.interchange import InterchangeError, case_from_dict, case_to_dict
from dayinlife.interview import topic_prompts
from dayinlife.report import ReportOptions, report_bytes
from dayinlife.template_loader import load_library
from dayinlife.template_model import Template

TODAY = date(2026, 11, 30)


def household(library, template_id, born=date(2025, 6, 1), due=None):
    case = Case("FICT-FACES-1", practitioner="A. Practitioner")
    mum = Adult("Jo Testperson", AdultRole.MOTHER)
    dad = Adult("Sam Testperson", AdultRole.FATHER)
    case.adults += [mum, dad]
    kid = (Child("Baby Testperson", expected_date=due) if due else
           Child("Robin Testchild", date_of_birth=born, pronouns="she"))
    case.children.append(kid)
    t = library.get(template_id)
    ivs = [case.start_interview(kid, Perspective(PerspectiveKind.CHILD), t, date(2026, 11, 20)),
           case.start_interview(kid, Perspective(PerspectiveKind.PARENT, mum.id), t, date(2026, 11, 21)),
           case.start_interview(kid, Perspective(PerspectiveKind.PARENT, dad.id), t, date(2026, 11, 22))]
    return case, kid, t, ivs


@pytest.mark.parametrize("template_id", ["preschool", "disabled"])
def test_young_and_disabled_children_get_three_faces(library, template_id):
    t = library.get(template_id)
    assert [o.child_label for o in t.feelings.options] == ["Happy", "Okay", "Sad"]
    assert t.feelings.ordered and t.common.faces == "faces3"
    assert "faces3" in t.to_dict()["scales"]  # carried in every snapshot, so old interviews read the same


def test_the_other_templates_keep_five_faces(library):
    for tid in ("primary", "teenager"):
        assert len(library.get(tid).feelings.options) == 5


def test_a_baby_has_states_with_no_order_and_a_difference_is_never_steps(library):
    case, kid, t, (baby, mum, dad) = household(library, "baby")
    assert not t.feelings.ordered
    assert "Very quiet or withdrawn" in [o.label for o in t.feelings.options]
    prompts = topic_prompts(t, t.topic("night"), PerspectiveKind.PARENT, kid)
    assert prompts.feeling_question == "How does Robin seem at this time of day?"
    baby.answer("night").feeling = "withdrawn"
    mum.answer("night").feeling = "settled"
    dad.answer("night").feeling = "withdrawn"
    c = compare(case, kid, [baby, mum, dad], t)
    night = next(g for g in c.feelings if any(tp.key == "night" for tp in g.stage.topics))
    mum_v, dad_v = (v.label for v in c.voices if v.kind is PerspectiveKind.PARENT)
    assert night.apart(mum_v) == "different" and night.wide(mum_v)
    assert night.apart(dad_v) == "same" and not night.wide(dad_v)
    doc = docx.Document(io.BytesIO(report_bytes(case, kid, library, ReportOptions(), today=TODAY)))
    cells = [cell.text for table in doc.tables for row in table.rows for cell in row.cells]
    assert "≠ Settled and content (different)" in cells
    assert "Very quiet or withdrawn (same)" in cells
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "no order from better to worse, so they are not drawn as lines" in text
    assert "steps apart)" not in "\n".join(cells)


def test_before_birth_the_faces_are_each_adults_own_and_never_compared(library):
    case, kid, t, (baby, mum, dad) = household(library, "prebirth", due=date(2027, 3, 1))
    topic = next(t.topics())
    assert topic_prompts(t, topic, PerspectiveKind.CHILD, kid).feeling_question == ""  # no rating an unborn baby
    assert topic_prompts(t, topic, PerspectiveKind.PROFESSIONAL, kid).feeling_question == ""
    assert topic_prompts(t, topic, PerspectiveKind.PARENT, kid).feeling_question == \
        "How do you feel at this point in your day?"
    mum.answer(topic.key).feeling = "very_unhappy"
    dad.answer(topic.key).feeling = "very_happy"
    c = compare(case, kid, [baby, mum, dad], t)
    assert c.feelings == []  # two adults' own feelings are not a disagreement about the baby
    doc = docx.Document(io.BytesIO(report_bytes(case, kid, library, ReportOptions(), today=TODAY)))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "the faces record how each adult feels at each point of their own day" in text
    assert "How they feel themselves: Very unhappy" in text
    assert "How they think" not in text


def test_five_faces_then_and_three_now_show_as_given_never_as_steps(library, tmp_path):
    """An interview on an older preschool template (five faces) against one on today's (three)."""
    case, kid, t, (child_now, *_) = household(library, "preschool", born=date(2023, 1, 1))
    old_data = t.to_dict()
    old_data["common"].pop("faces")
    old_data["scales"]["feeling"] = library.get("primary").scales["feeling"].to_dict()
    old = Template.from_dict(old_data)
    before = case.start_interview(kid, Perspective(PerspectiveKind.CHILD), old, date(2026, 5, 1))
    before.answer("night").feeling = "very_unhappy"
    child_now.answer("night").feeling = "unhappy"
    rows = [r for r in change_over_time((before, old), (child_now, t)) if r.what == "Feeling"]
    assert len(rows) == 1
    assert rows[0].before == "“Really sad” (very unhappy)" and rows[0].after == "“Sad” (unhappy)"
    assert rows[0].change is Change.CHANGED and rows[0].steps is None


def test_a_case_file_with_a_face_not_on_its_templates_scale_is_refused(library):
    case, kid, t, (child_iv, *_) = household(library, "preschool", born=date(2023, 1, 1))
    data = case_to_dict(case)
    data["case"]["children"][0]["interviews"][0]["answers"] = {"night": {"feeling": "very_happy"}}
    with pytest.raises(InterchangeError) as err:
        case_from_dict(json.loads(json.dumps(data)))
    assert "'very_happy' is not one of the faces on the 'faces3' scale" in str(err.value)


def test_yes_no_facts_have_no_partly_and_weekends_are_counted_in_weekends(library):
    scales = library.get("teenager").scales
    for template_id, topic, mid in (("primary", "health", "gp_registered"), ("primary", "teeth_eyes_ears",
                                    "dentist_year"), ("teenager", "health_mental_health", "gp_registered"),
                                    ("teenager", "sleep", "bed_own"), ("prebirth", "antenatal_care", "booked_in")):
        t = library.get(template_id)
        m = next(m for m in t.topic(topic).measures if m.id == mid)
        assert m.scale == "yes_no", (template_id, mid)
        assert [o.label for o in t.scales["yes_no"].options] == ["Yes", "No", "Don't know"]
    assert "Partly" not in [o.label for o in scales["yes_no"].options]
    for template_id in ("primary", "disabled"):
        m = next(m for m in library.get(template_id).topic("weekend_changes").measures if m.id == "out_weekends")
        assert m.scale == "weekends"
    breaks = {m.id: m.scale for m in library.get("disabled").topic("short_breaks").measures}
    assert breaks == {"in_place": "in_place", "go_ahead": "each_time"}
    assert "not_needed" in library.get("disabled").scales["in_place"].values


@pytest.mark.parametrize("edit, says", [
    (('[common]\n', '[common]\nfaces = "no_such_scale"\n'), "names no scale in scales.toml ('no_such_scale')"),
    (('[common]\n', '[common]\nfaces = "frequency"\n'), "the 'frequency' scale has no picture for 'every_day'"),
    (('[common]\n', '[common]\nown_feelings = true\n'), "is not asked where own_feelings = true"),
])
def test_a_template_naming_faces_it_cannot_show_is_refused(template_folder, edit, says):
    path = template_folder / "primary.toml"
    text = path.read_text("utf-8")
    path.write_text(text.replace(*edit, 1), "utf-8")
    lib = load_library(template_folder)
    assert "primary" not in lib.templates
    assert any(says in str(p) for p in lib.problems), [str(p) for p in lib.problems]
