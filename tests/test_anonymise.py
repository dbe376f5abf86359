"""Anonymised reports: every name the case knows is planted everywhere, and searched for in every
part of the saved .docx, its file name and its properties. All names are fictional."""

from __future__ import annotations

import html
import io
import re
import zipfile
from datetime import date

import docx
import pytest

from dayinlife import people as household
from dayinlife.analysis import Action, Analysis, ScaleRating
from dayinlife.case import Adult, AdultRole, Answer, Case, Child, Perspective, PerspectiveKind
from dayinlife.report import ReportOptions, export_report
from dayinlife.vocab import NeglectType

TODAY = date(2026, 12, 1)
REFERENCE = "QUILLBY-2041/ZX"
HIDDEN = ["Puddlecombe Primary School", "Brambleford", "Wren Close", "Mrs Okafor-Lane", "Nana Pearl", "Dr Ezeji"]
PRACTITIONER = "S. O'Sullivan, Social Worker, North Children's Services"
# Every name to search for: each person's names and parts, the practitioners', the reference, each hidden entry.
SEARCHED = ["Marnie", "Quillby", "Quillbys", "Nini", "Teodor", "Vance", "Jolene", "Fergus", "Ottoline", "Drabble",
            "O'Sullivan", "Priyanka", "Dholakia", "Casimir", "Wendt", REFERENCE, "QUILLBY-2041", "Puddlecombe",
            "Brambleford", "Wren Close", "Okafor-Lane", "Okafor", "Ezeji", "Nana Pearl"]
ORDINARY = ["children's", "social worker", "North"]


def planted(n: int = 0) -> str:
    """Words naming everyone, in the ways people write: any case, possessives, titles, curly apostrophes."""
    return (f"Marnie Quillby ({n}) said nini's bag was at Jolene's; MARNIE and teodor went with Fergus "
            f"Vance-Quillby and Mrs Quillby to Puddlecombe Primary School in brambleford, near 4 Wren Close. "
            f"Ottoline Drabble, Mr Vance's friend Mrs Okafor-Lane and Nana Pearl came; Dr Ezeji saw Teodor "
            f"Quillby-Vance; the Quillbys' car. Ms O’Sullivan and Priyanka Dholakia spoke to Casimir Wendt about {REFERENCE} "
            f"(QUILLBY 2041 ZX). The social worker from North children's services visited.")


def planted_case(library) -> Case:
    case = Case(REFERENCE, practitioner="Priyanka Dholakia")
    mum = Adult("Jolene Quillby", AdultRole.MOTHER)
    dad = Adult("Fergus Vance-Quillby", AdultRole.FATHER)
    aunt = Adult("Ottoline Drabble", AdultRole.OTHER, role_detail=planted(99)[:60])
    case.adults += [mum, dad, aunt]
    child = Child("Marnie Quillby", date_of_birth=date(2017, 4, 4), pronouns="she", known_as="Nini")
    brother = Child("Teodor Quillby-Vance", date_of_birth=date(2020, 1, 9), pronouns="he")
    case.children += [child, brother]
    case.hidden = list(HIDDEN)
    t = library.get("primary")
    details = dict(place=planted(1), present=planted(2), interpreter=planted(3), practitioner="Casimir Wendt")
    ivs = [case.start_interview(child, Perspective(PerspectiveKind.CHILD), t, date(2026, 11, 10), **details),
           case.start_interview(child, Perspective(PerspectiveKind.PARENT, mum.id), t, date(2026, 11, 11), **details),
           case.start_interview(child, Perspective(PerspectiveKind.PARENT, dad.id), t, date(2026, 11, 11), **details),
           case.start_interview(child, Perspective(PerspectiveKind.PARENT, aunt.id), t, date(2026, 11, 12), **details),
           case.start_interview(child, Perspective(PerspectiveKind.PROFESSIONAL), t, date(2026, 11, 13),
                                source=planted(4), **details)]
    older = case.start_interview(child, Perspective(PerspectiveKind.CHILD), t, date(2026, 8, 1), **details)
    feelings = t.scales["feeling"].values
    for i, topic in enumerate(t.topics()):
        for k, iv in enumerate(ivs + [older]):
            measures = {m.id: t.scales[m.scale].values[(i + k) % len(t.scales[m.scale].values)] for m in topic.measures}
            iv.answers[topic.key] = Answer(planted(i), measures, feeling=feelings[(i + k) % 5], better=planted(5),
                                           own_day=planted(6), impact=planted(7), notes=planted(8),
                                           source=planted(9), not_asked=planted(10) if i == 3 else None)
    # who answers that name the household: the names must go from these too
    for k, iv in enumerate(ivs):
        for topic in t.topics():
            for m in topic.measures:
                if t.scales[m.scale].people and topic.key in iv.answers:
                    iv.answers[topic.key].measures[m.id] = (household.named(mum.id, dad.id) if k % 2
                                                            else household.named(brother.id))
    analysis = Analysis(child.id, [iv.id for iv in ivs], practitioner=PRACTITIONER, strengths=planted(11),
                        worries=planted(12), impact_now=planted(13), impact_if_unchanged=planted(14))
    for n in NeglectType:
        analysis.judgement(n).narrative = planted(15)
    analysis.actions += [Action(planted(16), "Jolene Quillby and Dr Ezeji", date(2027, 1, 6))]
    analysis.ratings += [ScaleRating("Fergus (father)", 6, planted(17)), ScaleRating("Social worker", 4, planted(18))]
    case.analyses[child.id] = analysis
    return case


def found(name: str, text: str) -> bool:
    pattern = re.escape(name).replace("'", "['’]")
    return re.search(rf"(?<!\w){pattern}(?!\w)", text, re.IGNORECASE) is not None


def package_text(data: bytes) -> str:
    """Every part of the package, as text (XML unescaped, so an attribute's &apos; is a ')."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return "\n".join(html.unescape(z.read(n).decode("utf-8", "replace")) for n in z.namelist())


@pytest.fixture
def anon_report(library, tmp_path):
    case = planted_case(library)
    path = export_report(case, case.children[0], tmp_path, library, ReportOptions(anonymise=True), today=TODAY)
    return case, path


def test_no_name_is_left_anywhere_in_the_package(anon_report):
    case, path = anon_report
    data = path.read_bytes()
    everything = package_text(data)
    doc = docx.Document(io.BytesIO(data))
    props = doc.core_properties
    props_text = " ".join(str(getattr(props, a) or "") for a in (
        "title", "subject", "author", "last_modified_by", "keywords", "comments", "category", "content_status",
        "identifier", "version", "language"))
    alt = " ".join(s._inline.docPr.get("title", "") + " " + s._inline.docPr.get("descr", "") for s in doc.inline_shapes)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        parts = set(z.namelist())
    assert {"docProps/core.xml", "docProps/app.xml", "word/document.xml", "word/footer1.xml"} <= parts or \
        any(p.startswith("word/footer") for p in parts)
    assert alt.strip()
    for name in SEARCHED:
        for where, text in (("package", everything), ("properties", props_text), ("alt text", alt),
                            ("file name", path.name)):
            assert not found(name, text), f"{name!r} in the {where}"
    assert "QUILLBY" not in path.name.upper() and re.fullmatch(r"DIML-\d{8}-anon\.docx", path.name)


def test_ordinary_words_and_labels_survive(anon_report):
    case, path = anon_report
    doc = docx.Document(str(path))
    text = "\n".join([p.text for p in doc.paragraphs] + [c.text for t in doc.tables for r in t.rows for c in r.cells])
    for word in ORDINARY:
        assert word in text, word
    assert "S.O.S.W.N.C.S." not in text and "C." not in text.split() and ".." not in text
    assert doc.paragraphs[0].text == "A day in the life of Child A"
    said = next(p.text for p in doc.paragraphs if p.style.name == "Quote")
    assert said.startswith("“Child A (0) said Child A's bag was at Adult A's; Child A and Child B went with Adult B")
    assert "Mrs [surname] to [place 1] in [place 2], near 4 [place 3]." in said
    assert "Adult C, Mr [surname]'s friend Mrs [name 1] and [name 2] came; Dr [name 3] saw Child B; the [surname]s' car." in said
    assert "Practitioner B and Practitioner A spoke to Practitioner C about [case reference] ([case reference])" in said
    cover = {r.cells[0].text: r.cells[1].text for r in doc.tables[0].rows}
    assert cover["Case reference"] == "withheld"
    assert cover["Practitioner"] == "Practitioner B"   # the analysis's writer, whole, never split into initials
    assert doc.core_properties.author == "Day in My Life"
    footer = doc.sections[0].footer.paragraphs[0].text
    assert footer.startswith("Day in my life: Child A. Page")


def test_named_who_answers_are_anonymised_like_every_other_name(anon_report):
    case, path = anon_report
    doc = docx.Document(str(path))
    cells = {c.text for t in doc.tables for r in t.rows for c in r.cells}
    assert "Adult A (mother) and Adult B (father)" in cells
    assert "Child B (another child at home)" in cells


def test_the_cover_says_what_was_hidden_and_warns(anon_report):
    case, path = anon_report
    doc = docx.Document(str(path))
    note = next(p.text for p in doc.paragraphs if p.text.startswith("Anonymised report."))
    assert "2 children and 3 adults" in note and "3 practitioners" in note and "the case reference" in note
    assert "3 names and 3 places" in note  # Mrs Okafor-Lane, Nana Pearl, Dr Ezeji; the school, the town, the street
    assert "may still identify the family" in note and "check it before you share it" in note


def test_the_note_is_there_without_the_cover(library):
    from dayinlife.report import build_document

    case = planted_case(library)
    doc = build_document(case, case.children[0], library, ReportOptions(anonymise=True, sections=["plan"]),
                         today=TODAY)
    assert doc.paragraphs[1].text.startswith("Anonymised report.")


def test_not_anonymised_keeps_every_name(library, tmp_path):
    case = planted_case(library)
    path = export_report(case, case.children[0], tmp_path, library, today=TODAY)
    doc = docx.Document(str(path))
    assert doc.paragraphs[0].text == "A day in the life of Marnie Quillby"
    assert REFERENCE in "\n".join(c.text for r in doc.tables[0].rows for c in r.cells)
    assert path.name.startswith("DIML-QUILLBY-2041-ZX-MQ-")


def test_the_same_people_have_the_same_labels_in_a_siblings_report(library):
    from dayinlife.report.anonymise import anonymiser_for

    case = planted_case(library)
    a, b = anonymiser_for(case), anonymiser_for(case)
    assert a.text("Teodor and Jolene") == b.text("Teodor and Jolene") == "Child B and Adult A"


def test_two_anonymised_reports_in_one_folder_never_replace_each_other(library, tmp_path):
    case = planted_case(library)
    first = export_report(case, case.children[0], tmp_path, library, ReportOptions(anonymise=True), today=TODAY)
    second = export_report(case, case.children[0], tmp_path, library, ReportOptions(anonymise=True), today=TODAY)
    assert first != second and second.name == "DIML-20261201-anon-2.docx"


# ------------------------------------------------------------------ the anonymiser on its own



def people(*names, hidden=(), practitioner=""):
    from dayinlife.report.anonymise import Anonymiser

    anon = Anonymiser()
    for i, name in enumerate(names):
        anon.add_person(name, f"Adult {'ABCDEF'[i]}")
    for entry in hidden:
        anon.add_hidden(entry)
    if practitioner:
        anon.add_practitioner(practitioner, "Practitioner A")
    return anon


def test_names_that_are_ordinary_words_go_only_where_they_are_names():
    anon = people("Dawn Brook", "May Rose Hill")
    assert anon.text("At dawn Dawn walked to the brook with Mrs Brook.") == \
        "At dawn Adult A walked to the brook with Mrs [surname]."
    assert anon.text("On 1 May 2026 May said she may come; May's rose.") == \
        "On 1 May 2026 Adult B said she may come; Adult B's rose."
    assert anon.text("DAWN BROOK and dawn brook") == "Adult A and Adult A"


def test_a_practitioner_field_is_a_name_and_a_job_never_initials():
    from dayinlife.report.anonymise import name_part

    anon = people(practitioner=PRACTITIONER)
    assert anon.name(PRACTITIONER) == "Practitioner A"
    assert anon.text(f"{PRACTITIONER} wrote it; Ms O'Sullivan is the social worker for North children's services.") \
        == "Practitioner A wrote it; Practitioner A is the social worker for North children's services."
    assert name_part("Robin Quill (demo social worker)") == "Robin Quill"
    assert people(practitioner="Social worker").text("The Social worker came") == "The Social worker came"


def test_whole_words_possessives_accents_and_titles():
    anon = people("Siobhán O'Neill-Ward", "Jo Testperson")
    assert anon.text("Joanna and Jollity met jo's mum") == "Joanna and Jollity met Adult B's mum"
    assert anon.text("Siobhan, O’Neill-Ward, Ward and Neill") == "Adult A, [surname], [surname] and [surname]"
    assert anon.text("I miss Jo. Mrs Jo Testperson came.") == "I miss Adult B. Adult B came."
    assert people("Mark Jones").text("Mr Jones' car; mark the page") == "Mr [surname]'s car; mark the page"
    assert people("Dawn Hartley").text("the Hartleys came to the Hartleys' house; Dawns") == \
        "the [surname]s came to the [surname]s' house; Dawns"


def test_labels_are_never_rewritten():
    anon = people("Adam Child")  # a surname that is a word of the labels themselves
    anon.add_person("Mia Child", "Child A")
    assert anon.text("Adam Child and Child A; Mia") == "Adult A and Child A; Child A"


def test_hidden_entries_longest_first_with_their_kind():
    from dayinlife.report.anonymise import hidden_kind

    anon = people(hidden=["Acacia Road", "12 Acacia Road, Brambleford", "Ms Patel", "Greenfield"])
    assert anon.text("at 12 acacia road, brambleford and on Acacia Road; Ms Patel and Mrs Patel; greenfield") == \
        "at [place 2] and on [place 1]; Ms [name 1] and Mrs [name 1]; [place 3]"
    assert hidden_kind("Puddlecombe Primary School") == "place" and hidden_kind("Dr Ezeji") == "name"
    assert hidden_kind("BS1 4DJ") == "place"


def test_inactive_changes_nothing():
    from dayinlife.report.anonymise import Anonymiser

    anon = Anonymiser(active=False)
    anon.add_person("Jo Testperson", "Adult A")
    assert anon.text("Jo") == "Jo" and anon.name("Jo Testperson") == "Jo Testperson"


def test_an_organisation_or_a_place_never_eats_the_ordinary_words_in_its_name():
    anon = people(hidden=["Brambleford Family Hub", "Anyshire Youth Offending Team", "Oakhollow Surgery"])
    assert anon.text("At Brambleford Family Hub the family met; Brambleford is near; youth team; Oakhollow.") == \
        "At [place 1] the family met; [place 1] is near; youth team; [place 2]."
    assert anon.text("Anyshire Youth Offending Team: the Youth Offending Team") == "[name 1]: the Youth Offending Team"
    assert anon.text("the family", strong_only=True) == "the family"


def test_a_first_name_with_a_bare_s_is_a_possessive_and_is_hidden():
    """Found by a practice review: a child wrote "Kacpers phone is loud" and the partner was named."""
    from dayinlife.case import Adult, AdultRole, Case
    from dayinlife.report.anonymise import anonymiser_for

    case = Case("FICT-POSS", [Adult("Kacper Fictionalski", AdultRole.OTHER, role_detail="mum's partner")])
    anon = anonymiser_for(case, active=True)
    out = anon.text("Kacpers phone is loud. KACPERS too. Kacper's dog.")
    assert "kacper" not in out.casefold()


def test_a_welsh_street_is_a_place():
    from dayinlife.case import Case
    from dayinlife.report.anonymise import anonymiser_for

    case = Case("FICT-WELSH", hidden=["Ffordd Pen-y-Bryn", "Heol y Parc", "Nain Gwen"])
    anon = anonymiser_for(case, active=True)
    out = anon.text("We go down Ffordd Pen-y-Bryn past Heol y Parc to see Nain Gwen.")
    assert "[place 1]" in out and "[place 2]" in out and "[name 1]" in out


def test_an_unborn_child_called_baby_leaves_the_tools_own_words_alone(library, tmp_path):
    """'Baby Fenwick' is how an unborn child is named: anonymised, the name goes, and the pre-birth
    template's "Getting ready for the baby" and "The baby's health" stay as written (never "the
    Child A"). A child known as "Child" does not turn "1 child and 2 adults" into "1 Child A"."""
    from pathlib import Path

    from dayinlife.interchange import read_case_file

    case = read_case_file(Path(__file__).resolve().parent.parent / "resources" / "demo" / "04-fenwick.json")
    child = case.children[0]
    assert child.name.startswith("Baby ")
    child.known_as = "Child"
    out = export_report(case, child, tmp_path, library, ReportOptions(anonymise=True), today=date(2026, 12, 1))
    text = package_text(out.read_bytes())
    surname = child.name.split()[-1]
    assert surname not in text and child.name not in text
    assert "Getting ready for the baby" in text and "The baby's health" in text
    assert "the Child A" not in text and "Child A's health after birth" not in text
    assert "1 child and" in text and "1 Child A and" not in text


def test_where_an_interview_was_held_is_left_out_when_anonymised(library, tmp_path):
    """An interview's place is often an address ("Flat 3, Harbour Court") or a school's name: it
    names the family as surely as a surname, and no label is kept for it, so it is left out."""
    from pathlib import Path

    from dayinlife.interchange import read_case_file

    case = read_case_file(Path(__file__).resolve().parent.parent / "resources" / "demo" / "04-fenwick.json")
    places = [iv.place for iv in case.children[0].interviews if iv.place.strip()]
    assert any(ch.isdigit() for p in places for ch in p)  # (the demo's own address, fictional)
    anonymised = package_text(export_report(case, case.children[0], tmp_path, library,
                                            ReportOptions(anonymise=True), today=date(2026, 12, 1)).read_bytes())
    named = package_text(export_report(case, case.children[0], tmp_path, library, ReportOptions(),
                                       today=date(2026, 12, 1)).read_bytes())
    for place in places:
        assert place in named and place not in anonymised
    assert "Where each interview was held is left out" in anonymised
