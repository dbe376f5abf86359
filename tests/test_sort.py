"""The child's sort of the cards as an answer: kept in case files (version 9, older files still
read), compared with where each adult's face for the child falls, and in the report as the child's
own sort, then beside the adults."""

import io
import json

import docx
import pytest

from dayinlife.interchange import InterchangeError, case_to_dict, loads_case
from dayinlife.report import report_bytes
from dayinlife.report.options import ReportOptions
from dayinlife.sort import GOOD, NOT_GOOD, NOT_SURE, pile_of_feeling
from dayinlife.voices import choose_interviews
from tests.test_report import TODAY, full_case


@pytest.fixture
def case(library):
    c = full_case(library, earlier=False)
    kid, mum = choose_interviews(c, c.children[0]).compared[:2]
    kid.answers["breakfast"].sort = NOT_GOOD
    kid.answers["bedtime"].sort = GOOD
    mum.answers["breakfast"].feeling = "very_happy"   # good: the other end from the child's
    mum.answers["bedtime"].feeling = "okay"            # not sure: a pile apart
    return c


def test_the_piles_of_the_faces(library):
    five, three = library.get("primary").feelings, library.get("disabled").feelings
    assert [pile_of_feeling(five, v) for v in five.values] == [GOOD, GOOD, NOT_SURE, NOT_GOOD, NOT_GOOD]
    assert [pile_of_feeling(three, v) for v in three.values] == [GOOD, NOT_SURE, NOT_GOOD]
    assert pile_of_feeling(library.get("baby").feelings, "settled") is None  # states have no order
    assert pile_of_feeling(five, None) is None


def test_a_case_file_carries_the_sort_and_refuses_a_pile_it_does_not_know(case):
    data = case_to_dict(case)
    back = loads_case(json.dumps(data))
    kid = choose_interviews(back, back.children[0]).compared[0]
    assert kid.answers["breakfast"].sort == NOT_GOOD and kid.answers["bedtime"].sort == GOOD
    assert data["version"] >= 9
    older = json.loads(json.dumps(data))
    older["version"] = 8
    for child in older["case"]["children"]:
        for iv in child["interviews"]:
            for a in iv["answers"].values():
                a.pop("sort", None)
    assert loads_case(json.dumps(older)).children[0].interviews[0].answers["breakfast"].sort == ""
    bad = json.loads(json.dumps(data))
    answers = next(iv for iv in bad["case"]["children"][0]["interviews"] if iv["perspective"]["kind"] == "child")
    answers["answers"]["breakfast"]["sort"] = "brilliant"
    with pytest.raises(InterchangeError, match=r"answers\['breakfast'\]\.sort: 'brilliant' is not a pile"):
        loads_case(json.dumps(bad))


def test_compared_with_each_adults_face_for_the_child(case, library):
    from dayinlife.compare import compare

    child = case.children[0]
    c = compare(case, child, choose_interviews(case, child).compared, library.get("primary"))
    rows = {r.topic_key: r for r in c.sort}
    assert set(rows) == {"breakfast", "bedtime"}
    mum = next(v.label for v in c.voices if "mother" in v.label)
    assert rows["breakfast"].child == NOT_GOOD and rows["breakfast"].adults[mum] == GOOD
    assert rows["breakfast"].far(mum) and rows["breakfast"].apart(mum) == "≠ the other end"
    assert rows["bedtime"].differs(mum) and not rows["bedtime"].far(mum)
    assert rows["bedtime"].apart(mum) == "≠ one pile away"


def test_the_report_gives_the_childs_own_sort_then_sets_it_beside_the_adults(case, library):
    doc = docx.Document(io.BytesIO(report_bytes(case, case.children[0], library, ReportOptions(), today=TODAY)))
    paragraphs = [p.text for p in doc.paragraphs]
    heading = paragraphs.index("How Mimi sorted the cards")
    own = paragraphs[heading + 2]
    assert own.splitlines() == ["Good: Bedtime", "Not good: Breakfast"]
    assert "Mimi's sort beside the faces" in paragraphs
    table = next(t for t in doc.tables if t.rows[0].cells[0].text == "Card")
    cells = [[c.text for c in r.cells] for r in table.rows]
    assert cells[0][1:3] == ["Mimi's sort", "Mimi's face there"]
    breakfast = next(r for r in cells if r[0].startswith("Breakfast"))
    kid = choose_interviews(case, case.children[0]).compared[0]
    face = library.get("primary").feelings.option(kid.answers["breakfast"].feeling)
    assert breakfast[1] == "Not good"
    assert breakfast[2].startswith(f"“{face.child_label}”") or breakfast[2].startswith(face.label)
    assert breakfast[3] == "≠ Very happy → good (the other end)"  # the mother's own face, and its pile
    bedtime = next(r for r in cells if r[0].startswith("Bedtime"))
    assert bedtime[3] == "Okay → not sure (one pile away)"


def test_a_card_on_an_adults_only_topic_is_refused(tmp_path):
    """`card` is a child's words for a topic the child sorts; a topic never put to the child has none."""
    from dayinlife.paths import templates_dir
    from dayinlife.template_loader import load_library

    text = (templates_dir() / "primary.toml").read_text(encoding="utf-8")
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "scales.toml").write_text((templates_dir() / "scales.toml").read_text(encoding="utf-8"),
                                        encoding="utf-8")
    marker = '\nask = "adults"\n'  # a topic's own, on its own line
    assert marker in text
    (folder / "primary.toml").write_text(text.replace(marker, marker + 'card = "My doctor"\n', 1), encoding="utf-8")
    problems = [str(p) for p in load_library(folder).problems]
    assert any("never a child's card" in p for p in problems), problems
