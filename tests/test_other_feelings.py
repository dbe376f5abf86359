"""Other feelings a child can add beside the face (scared, cross, hurting, worried): kept, checked,
compared without ever being counted as steps apart, and written into the report."""

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
from dayinlife.store import Store
from dayinlife.template_loader import load_scales

TODAY = date(2026, 11, 30)


def family(library):
    case = Case("FICT-FEEL-1", practitioner="A. Practitioner")
    mum = Adult("Jo Testperson", AdultRole.MOTHER)
    case.adults.append(mum)
    kid = Child("Robin Testchild", date_of_birth=date(2018, 2, 2), pronouns="they")
    case.children.append(kid)
    primary = library.get("primary")
    child_iv = case.start_interview(kid, Perspective(PerspectiveKind.CHILD), primary, date(2026, 11, 20))
    night = child_iv.answer("night")
    night.feeling, night.also_felt = "okay", ["scared", "worried"]
    parent_iv = case.start_interview(kid, Perspective(PerspectiveKind.PARENT, mum.id), primary, date(2026, 11, 21))
    p = parent_iv.answer("night")
    p.feeling, p.also_felt = "okay", ["cross"]
    return case, kid, child_iv, parent_iv


def test_every_template_but_pre_birth_asks_for_other_feelings_in_its_own_words(library):
    kid = Child("Robin Testchild", date_of_birth=date(2018, 2, 2))
    for template in library.templates.values():
        topic = next(template.topics())
        child = topic_prompts(template, topic, PerspectiveKind.CHILD, kid).also_felt_question
        parent = topic_prompts(template, topic, PerspectiveKind.PARENT, kid).also_felt_question
        if template.id == "prebirth":
            assert child == parent == ""  # a baby not yet born is not given fears to pick from
        else:
            assert child and parent and child != parent, template.id
            assert "{" not in child + parent
        assert [o.value for o in template.scales["also_felt"].options] == ["scared", "cross", "hurting", "worried"]
        assert not template.scales["also_felt"].ordered


def test_a_scales_file_without_the_other_feelings_is_refused(tmp_path):
    from pathlib import Path

    shipped = Path(__file__).resolve().parent.parent / "templates" / "scales.toml"
    text = shipped.read_text("utf-8")
    path = tmp_path / "scales.toml"
    path.write_text(text[:text.index("[also_felt]")], "utf-8")
    _, problems = load_scales(path)
    assert any("'also_felt' scale" in str(p) and "missing" in str(p) for p in problems)


def test_other_feelings_survive_the_store_and_a_case_file(library, tmp_path):
    case, kid, child_iv, _ = family(library)
    with Store.create(tmp_path / "data", "not a real passphrase") as store:
        store.save_case(case)
        back = store.load_case(case.id)
    assert back.children[0].interviews[0].answers["night"].also_felt == ["scared", "worried"]
    again = case_from_dict(json.loads(json.dumps(case_to_dict(case))))
    assert again.children[0].interviews[1].answers["night"].also_felt == ["cross"]


@pytest.mark.parametrize("value, says", [
    ("terrified", "'terrified' is not one of the other feelings in template primary"),
    (7, "should be text, found a number"),
])
def test_a_case_file_with_a_feeling_the_template_does_not_know_is_refused_with_its_place(library, value, says):
    case, *_ = family(library)
    data = case_to_dict(case)
    data["case"]["children"][0]["interviews"][0]["answers"]["night"]["also_felt"] = ["scared", value]
    with pytest.raises(InterchangeError) as err:
        case_from_dict(json.loads(json.dumps(data)))
    assert "case.children[0].interviews[0].answers['night'].also_felt[1]" in str(err.value) or \
        "also_felt[1]" in str(err.value)
    assert says in str(err.value)


def test_the_same_feeling_twice_is_refused(library):
    case, *_ = family(library)
    data = case_to_dict(case)
    data["case"]["children"][0]["interviews"][0]["answers"]["night"]["also_felt"] = ["scared", "scared"]
    with pytest.raises(InterchangeError) as err:
        case_from_dict(json.loads(json.dumps(data)))
    assert "names the same feeling twice" in str(err.value)


def test_an_older_file_reads_as_having_no_other_feelings(library):
    case, *_ = family(library)
    data = case_to_dict(case)
    data["version"] = 3
    for iv in data["case"]["children"][0]["interviews"]:
        for a in iv["answers"].values():
            a.pop("also_felt", None)
    back = case_from_dict(json.loads(json.dumps(data)))
    assert all(a.also_felt == [] for iv in back.children[0].interviews for a in iv.answers.values())


def test_other_feelings_sit_beside_the_face_and_are_never_steps_apart(library):
    case, kid, child_iv, parent_iv = family(library)
    c = compare(case, kid, [child_iv, parent_iv], library.get("primary"))
    night = next(g for g in c.feelings if any(t.key == "night" for t in g.stage.topics))
    parent = next(v.label for v in c.voices if v.kind is PerspectiveKind.PARENT)
    assert night.child == "okay" and night.child_also == ["scared", "worried"]
    assert night.also == {parent: ["cross"]}
    assert night.gaps[parent] == 0 and not night.wide(parent)  # same face; the other feelings add no steps


def test_a_stage_with_only_other_feelings_still_shows(library):
    case, kid, child_iv, parent_iv = family(library)
    a = child_iv.answer("breakfast")
    a.also_felt = ["hurting"]
    c = compare(case, kid, [child_iv, parent_iv], library.get("primary"))
    breakfast = next(g for g in c.feelings if any(t.key == "breakfast" for t in g.stage.topics))
    assert breakfast.child is None and breakfast.child_also == ["hurting"]


def test_other_feelings_over_time_are_changed_or_the_same_never_better_or_worse(library):
    case, kid, child_iv, _ = family(library)
    primary = library.get("primary")
    later = case.start_interview(kid, Perspective(PerspectiveKind.CHILD), primary, date(2026, 11, 27))
    later.answer("night").also_felt = ["scared"]
    later.answer("night").feeling = "okay"
    rows = [r for r in change_over_time((child_iv, primary), (later, primary)) if r.what == "Other feelings"]
    assert len(rows) == 1
    assert (rows[0].before, rows[0].after, rows[0].change) == ("Scared, worried", "Scared", Change.CHANGED)


def test_the_report_shows_other_feelings_in_the_feelings_table_and_the_accounts(library):
    case, kid, *_ = family(library)
    data = report_bytes(case, kid, library, ReportOptions(), today=TODAY)
    doc = docx.Document(io.BytesIO(data))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    assert "Okay; also scared, worried" in cells  # the child's own, in the feelings table
    assert "Okay (same); also cross" in cells  # the same face: no steps apart for the other feelings
    paragraphs = [p.text for p in doc.paragraphs]
    assert "How it feels: Okay\nOther feelings: Scared, worried" in paragraphs  # the child's account
    # given once: the evidence by type of neglect points to the account, it does not repeat it
    assert not any(p.endswith("feeling: Okay; also felt: scared, worried") for p in paragraphs)
    text = "\n".join(paragraphs + cells)
    assert "never counted as steps apart" in text
