"""References and names that look the same are the same (issue 13): a trailing space, a zero-width
space or a decomposed accent never makes a second "SC-1" that no one can tell from the first; a
control character in a name or reference from a file is refused by name; and two reports written
to one folder under the same default name never replace one another."""

from __future__ import annotations

import json
import unicodedata
from datetime import date

import docx
import pytest

from dayinlife.case import Child
from dayinlife.interchange import InterchangeError, case_from_dict, case_to_dict, write_case_file
from dayinlife.session import ReferenceTaken, Session
from dayinlife.store import Store
from dayinlife.store_errors import CaseExists
from tests.conftest import STORE_PASS
from tests.test_case_interchange import build_case

LOOK_ALIKES = ["FICT-0042 ", " FICT-0042", "FICT-0042\u200b", "FICT\u200d-0042", "FICT-0042\u202e",
               "FICT-0042\u00a0", "FICT\u20070042".replace("\u2007", "-"),
               "fict-0042", "FІCT-0042", "FIСT-0042", "ＦＩＣＴ-0042"]  # letters' case, Cyrillic І and С, full width


@pytest.mark.parametrize("reference", LOOK_ALIKES)
def test_a_file_whose_reference_only_looks_different_meets_the_case_already_here(store_with_a_case, library,
                                                                                 tmp_path, reference):
    case = build_case(library)
    case.id = "a-different-case-id"
    data = case_to_dict(case)
    data["case"]["reference"] = reference
    path = tmp_path / "case.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with Store.open(store_with_a_case, STORE_PASS) as store:
        with pytest.raises(CaseExists):
            store.import_case_file(path, on_conflict="ask")
        assert [c.reference for c in store.list_cases()] == ["FICT-0042"]


def test_a_decomposed_accent_is_the_same_reference(store_with_a_case, library):
    with Store.open(store_with_a_case, STORE_PASS) as store:
        session = Session(store, library)
        session.new_case("CAFÉ-1")
        with pytest.raises(ReferenceTaken):
            session.new_case(unicodedata.normalize("NFD", "CAFÉ-1"))
        with pytest.raises(ReferenceTaken):
            session.new_case("FICT-0042\u200b")
        with pytest.raises(ReferenceTaken):
            session.new_case("café-1")
        assert sorted(c.reference for c in store.list_cases()) == ["CAFÉ-1", "FICT-0042"]
        assert store.find_case("fict-0042") == store.find_case("FICT-0042")  # found as it is typed


def test_names_typed_or_pasted_with_hidden_characters_are_kept_clean(store_with_a_case, library):
    with Store.open(store_with_a_case, STORE_PASS) as store:
        session = Session(store, library)
        case = session.new_case("NEW-1\t")
        assert case.reference == "NEW-1"
        from dayinlife.case import AdultRole

        adult = session.add_adult(case, "Sam\x00 Jones\u200b", AdultRole.FATHER)
        child = session.add_child(case, name="Ro\x1b[31m", date_of_birth=date(2020, 5, 1))
        again = store.load_case(case.id)
    assert adult.name == "Sam Jones" and again.adults[0].name == "Sam Jones"
    assert again.children[0].name == "Ro[31m" and child.name == "Ro[31m"


@pytest.mark.parametrize("field", ["reference", "adult", "child", "known_as"])
def test_a_control_character_from_a_file_is_refused_by_name(library, field):
    data = case_to_dict(build_case(library))
    body = data["case"]
    if field == "reference":
        body["reference"] = "FICT\x00-0042"
        where = "case.reference"
    elif field == "adult":
        body["adults"][0]["name"] = "Jo\x1b]0;owned\x07"
        where = "case.adults[0].name"
    elif field == "child":
        body["children"][0]["name"] = "Ro\nsie"
        where = "case.children[0].name"
    else:
        body["children"][0]["known_as"] = "Ro\x7f"
        where = "case.children[0].known_as"
    with pytest.raises(InterchangeError) as err:
        case_from_dict(data)
    assert f"{where}: holds a control character" in str(err.value)


def test_a_reference_of_invisible_characters_only_is_refused(library):
    data = case_to_dict(build_case(library))
    data["case"]["reference"] = "\u200b\u200b"
    with pytest.raises(InterchangeError, match="case.reference: holds nothing but invisible characters"):
        case_from_dict(data)


def test_a_lone_surrogate_reference_is_not_also_called_empty(library):
    data = case_to_dict(build_case(library))
    data["case"]["reference"] = "\ud800"
    with pytest.raises(InterchangeError) as err:
        case_from_dict(data)
    assert "lone half" in str(err.value) and "is empty" not in str(err.value)


@pytest.mark.parametrize("today", [date(2026, 12, 1)], indirect=True)
def test_two_reports_with_one_default_name_never_replace_each_other(library, tmp_path, today):
    one, other = build_case(library), build_case(library)
    other.reference = "FICT/0042"  # another family's reference, written the same way in a file name
    other.children[0].name = other.children[0].name + "-Ann"
    from dayinlife.report import export_report, report_file_name

    assert report_file_name(one, one.children[0]) == report_file_name(other, other.children[0])
    out = tmp_path / "reports"
    out.mkdir()
    a = export_report(one, one.children[0], out, library)
    b = export_report(other, other.children[0], out, library)
    assert a != b and a.exists() and b.exists()
    assert "FICT/0042" not in "\n".join(p.text for p in docx.Document(a).paragraphs)
    assert "FICT/0042" in "\n".join(p.text for t in docx.Document(b).tables for r in t.rows for p in
                                     [c for c in r.cells]) + "\n".join(p.text for p in docx.Document(b).paragraphs)


def test_a_reference_of_thousands_of_characters_is_refused(library, store_with_a_case):
    data = case_to_dict(build_case(library))
    data["case"]["reference"] = "R" * 100_000
    with pytest.raises(InterchangeError, match="is 100,000 characters long; a case reference is at most 120"):
        case_from_dict(data)
    with Store.open(store_with_a_case, STORE_PASS) as store:
        from dayinlife.store_errors import StoreError

        with pytest.raises(StoreError, match="at most 120 characters"):
            Session(store, library).new_case("R" * 121)
