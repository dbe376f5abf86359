"""A child's drawing: kept encrypted with the interview (never in clear on disk), carried in case
files (version 10; older files still read), refused when it is not a sound PNG, and placed in the
report with what the child said about it as its caption and alt text (left out when anonymised)."""

import base64
import io
import json
from datetime import date
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from PIL import Image, ImageDraw

from dayinlife.case import Adult, AdultRole, Case, Child, Drawing, Perspective, PerspectiveKind
from dayinlife.interchange import InterchangeError, case_to_dict, loads_case
from dayinlife.report import report_bytes
from dayinlife.report.options import ReportOptions
from dayinlife.session import Session
from dayinlife.store import Store

PASS = "drawing test passphrase"
CAPTION = "That's me in bed and the big loud telly"


def picture(colour="red", size=(400, 300)) -> bytes:
    im = Image.new("RGB", size, "white")
    ImageDraw.Draw(im).ellipse((40, 40, 200, 200), outline=colour, width=8)
    out = io.BytesIO()
    im.save(out, "PNG")
    return out.getvalue()


@pytest.fixture
def family(tmp_path, library):
    store = Store.create(tmp_path / "data", PASS)
    session = Session(store, library)
    case = session.new_case("FICT-DRAW-1")
    case.adults.append(Adult("Jo Fictional", AdultRole.MOTHER))
    kid = Child("Kit Fictional", date_of_birth=date(2017, 3, 3), known_as="Kit")
    case.children.append(kid)
    session.save_case(case)
    iv = session.start_interview(case, kid, Perspective(PerspectiveKind.CHILD), "primary", date(2026, 11, 20))
    mum = session.start_interview(case, kid, Perspective(PerspectiveKind.PARENT, case.adults[0].id), "primary",
                                  date(2026, 11, 21))
    yield session, case, kid, iv, mum
    if session.store._conn is not None:
        session.lock()


def test_kept_encrypted_with_the_interview(family, tmp_path):
    session, case, kid, iv, mum = family
    png = picture()
    session.keep_drawing(case, iv, Drawing(png, "bedtime", "bedtime", f"  {CAPTION}  "))
    session.lock()
    with Store.open(tmp_path / "data", PASS) as store:
        (kept,) = store.load_case(case.id).children[0].interview(iv.id).drawings
    assert kept.png == png and kept.caption == CAPTION and (kept.stage_key, kept.topic_key) == ("bedtime", "bedtime")
    # nothing of it in clear anywhere in the data folder
    b64 = base64.b64encode(png)[:40]
    for f in (tmp_path / "data").rglob("*"):
        if f.is_file():
            raw = f.read_bytes()
            assert png[:64] not in raw and b64 not in raw and CAPTION.encode() not in raw, f.name


def test_only_a_childs_interview_and_only_a_sound_picture(family):
    session, case, kid, iv, mum = family
    with pytest.raises(ValueError, match="only a child's own interview"):
        session.keep_drawing(case, mum, Drawing(picture(), "bedtime"))
    with pytest.raises(ValueError, match="not a PNG"):
        session.keep_drawing(case, iv, Drawing(b"GIF89a not a png", "bedtime"))
    assert not iv.drawings


def test_case_files_carry_drawings_and_refuse_a_hostile_one(family):
    session, case, kid, iv, mum = family
    session.keep_drawing(case, iv, Drawing(picture(), "bedtime", "", CAPTION))
    data = case_to_dict(case)
    assert data["version"] >= 10  # drawings came in version 10
    back = loads_case(json.dumps(data))
    (d,) = back.children[0].interview(iv.id).drawings
    assert d.png == iv.drawings[0].png and d.caption == CAPTION

    def broken(change):
        bad = json.loads(json.dumps(data))
        ivs = bad["case"]["children"][0]["interviews"]
        change(next(x for x in ivs if x["perspective"]["kind"] == "child")["drawings"][0])
        return json.dumps(bad)

    cases = [
        (lambda x: x.update(png="not base64 !!"), "is not base64"),
        (lambda x: x.update(png=base64.b64encode(b"\x89PNG\r\n\x1a\n" + b"\0" * 100).decode()), "damaged picture"),
        (lambda x: x.update(png=base64.b64encode(b"<svg/>").decode()), "is not a PNG"),
        (lambda x: x.update(png=base64.b64encode(picture(size=(5000, 10))).decode()), "at most 4000 a side"),
        (lambda x: x.update(png="A" * 3_000_000), "more than a drawing can be"),
        (lambda x: x.update(stage="the moon"), "is not a stage"),
    ]
    for change, message in cases:
        with pytest.raises(InterchangeError, match=message):
            loads_case(broken(change))
    older = json.loads(json.dumps(data))
    older["version"] = 9
    for x in older["case"]["children"][0]["interviews"]:
        x.pop("drawings", None)
    assert loads_case(json.dumps(older)).children[0].interview(iv.id).drawings == []


def test_in_the_report_only_in_the_section_for_professionals(family, library):
    """The child's account says a drawing was made there; the drawing, with the child's words as its
    caption and alt text, is in the section for professionals only (it may name or show the family),
    never in a copy without that section, never in an anonymised one."""
    session, case, kid, iv, mum = family
    from dayinlife.case import Answer

    session.save_answer(iv, "bedtime", Answer("Late. The telly is loud."))
    session.keep_drawing(case, iv, Drawing(picture(), "bedtime", "bedtime", CAPTION))

    def report(**options):
        doc = docx.Document(io.BytesIO(report_bytes(case, kid, library, ReportOptions(**options))))
        drawn = [s for s in doc.inline_shapes if s._inline.docPr.get("title", "").startswith("Kit's drawing")]
        return doc, drawn, [p.text for p in doc.paragraphs]

    doc, drawn, paragraphs = report(sensitive=True)
    assert len(drawn) == 1
    assert drawn[0]._inline.docPr.get("descr") == f"Kit's drawing. What Kit said about it: {CAPTION}"
    kept_from = next(i for i, t in enumerate(paragraphs) if t.startswith("For professionals only"))
    said = next(i for i, t in enumerate(paragraphs) if t == f"Kit's drawing. Kit said: “{CAPTION}”")
    assert said > kept_from  # only in the section for professionals
    noted = next(i for i, t in enumerate(paragraphs) if t.startswith("Kit made a drawing here in child mode"))
    assert noted < kept_from and "section for professionals only" in paragraphs[noted]
    for options in ({}, {"anonymise": True}):
        doc, drawn, paragraphs = report(**options)
        assert not drawn and CAPTION not in "\n".join(paragraphs), options
        # a copy that may be shared with the family leaves no trace of the drawing
        assert not any("drawing" in t.lower() for t in paragraphs), options
