"""The trainer's demo: the shipped fictional families, and a demo store kept apart from real cases."""

import hashlib
from pathlib import Path

import pytest

from dayinlife import demo
from dayinlife.case import PerspectiveKind
from dayinlife.compare import Agreement, compare
from dayinlife.datadir import demo_data_dir, is_demo_folder
from dayinlife.interchange import read_case_file
from dayinlife.store import Store, StoreError
from dayinlife.template_model import Template

ALL_TEMPLATES = {"prebirth", "baby", "preschool", "primary", "teenager", "disabled"}


@pytest.fixture(scope="module")
def cases():
    files = demo.demo_files()
    assert len(files) >= 4, "at least four demo households are shipped"
    return {path.name: read_case_file(path) for path in files}


def template_of(case, interview):
    return Template.from_dict(case.template_snapshots[interview.template.content_hash])


def first(child, kind):
    return next(iv for iv in child.interviews if iv.perspective.kind is kind)


def differs(case, child_name, topic_key, kinds, measure_id):
    """The topic differs between these perspectives on its comparable answers (the measure)."""
    child = next(c for c in case.children if c.name == child_name)
    interviews = [first(child, kind) for kind in kinds]
    comparison = compare(case, child, interviews, template_of(case, interviews[0]))
    topic = next(t for t in comparison.topics if t.topic.key == topic_key)
    measure = next(m for m in topic.measures if m.measure.id == measure_id)
    return topic.agreement is Agreement.DIFFER and measure.agreement is Agreement.DIFFER


def test_every_demo_file_imports_and_covers_the_six_templates(cases, tmp_path):
    used = set()
    store = Store.create(tmp_path / "s", "pw")
    try:
        for name, case in cases.items():
            imported = store.import_case_file(Path(demo.demo_files()[0]).parent / name)
            assert imported.reference.startswith("DEMO-")
            for child in case.children:
                used |= {iv.template.id for iv in child.interviews}
        assert len(store.list_cases()) == len(cases)
    finally:
        store.close()
    assert used == ALL_TEMPLATES


def test_each_child_has_three_perspectives_an_analysis_and_template_snapshots(cases):
    for case in cases.values():
        for child in case.children:
            kinds = {iv.perspective.kind for iv in child.interviews}
            assert kinds == set(PerspectiveKind), (case.reference, child.name)
            for iv in child.interviews:
                assert iv.template.content_hash in case.template_snapshots
                answered = [a for a in iv.answers.values() if a.text and a.measures]
                topics = [t for t in template_of(case, iv).topics()  # those with something to compare
                          if t.asked_of(iv.perspective.kind) and t.measures]
                assert len(answered) > len(topics) / 2, (case.reference, child.name, iv.perspective.kind)
                if iv.perspective.kind is PerspectiveKind.PROFESSIONAL:
                    assert all(a.source for a in iv.answers.values())
            an = case.analyses[child.id]
            assert an.by_neglect and an.strengths and an.worries and an.impact_now and an.impact_if_unchanged
            assert an.actions and all(a.who and a.by_when for a in an.actions)
            assert len(an.ratings) >= 2
            assert set(an.interview_ids) <= {iv.id for iv in child.interviews}


def test_some_child_is_seen_twice_months_apart_and_has_changed(cases):
    from dayinlife.compare import Change, change_over_time

    found = False
    for case in cases.values():
        for child in case.children:
            own = sorted((iv for iv in child.interviews if iv.perspective.kind is PerspectiveKind.CHILD),
                         key=lambda iv: iv.held_on)
            if len(own) >= 2 and (own[-1].held_on - own[0].held_on).days >= 90:
                changes = change_over_time((own[0], template_of(case, own[0])), (own[-1], template_of(case, own[-1])))
                assert any(c.change is Change.IMPROVED for c in changes)
                found = True
    assert found


def test_the_differences_practitioners_meet_are_there(cases):
    child, parent, pro = PerspectiveKind.CHILD, PerspectiveKind.PARENT, PerspectiveKind.PROFESSIONAL
    # A parent says breakfast happens every day; the child says they are usually hungry.
    hartley = cases["01-hartley.json"]
    assert differs(hartley, "Maisie Hartley", "breakfast", [child, parent], "how_often")
    maisie = next(c for c in hartley.children if c.name == "Maisie Hartley")
    assert "hungry" in first(maisie, child).answers["breakfast"].text
    assert first(maisie, parent).answers["breakfast"].measures["how_often"] == "every_day"
    # Nobody knows where the teenager is in the evening.
    assert differs(cases["02-pennyworth.json"], "Jordan Pennyworth", "whereabouts", [child, parent], "how_often")
    # A disabled child's equipment is not maintained.
    assert differs(cases["03-ashdown.json"], "Sam Ashdown", "equipment", [parent, pro], "working")
    # An expectant parent with no plan for safe sleep.
    assert differs(cases["04-fenwick.json"], "Baby Fenwick", "imagined_sleep", [parent, pro], "safe_sleep_place")


def test_demo_folder_is_a_sibling_never_the_real_one(tmp_path):
    assert demo_data_dir(tmp_path / "data") == (tmp_path / "data-demo").resolve()
    assert demo_data_dir(tmp_path / "data") != (tmp_path / "data").resolve()


def snapshot(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def real(tmp_path):
    folder = tmp_path / "data"
    store = Store.create(folder, "real passphrase")
    store.close()
    return folder


def test_prepare_and_reset_leave_the_real_store_untouched(real):
    before = snapshot(real)
    folder = demo_data_dir(real)
    store = demo.open_demo_store(folder)
    assert is_demo_folder(folder) and not is_demo_folder(real)
    refs = sorted(c.reference for c in store.list_cases())
    assert len(refs) == len(demo.demo_files())
    store.delete_case(store.list_cases()[0].id)
    store = demo.reset_demo_store(folder, store)
    assert sorted(c.reference for c in store.list_cases()) == refs
    store.close()
    store = demo.open_demo_store(folder)  # opened again later, without asking: same families
    assert sorted(c.reference for c in store.list_cases()) == refs
    store.close()
    assert snapshot(real) == before


def test_the_demo_refuses_a_real_store_and_the_real_side_refuses_the_demo(real):
    before = snapshot(real)
    with pytest.raises(StoreError, match="real store"):
        demo.open_demo_store(real)
    with pytest.raises(StoreError, match="not the demo"):
        demo.reset_demo_store(real)
    assert snapshot(real) == before
    folder = demo_data_dir(real)
    demo.open_demo_store(folder).close()
    with pytest.raises(StoreError, match="demo store"):
        demo.refuse_demo(folder)
    demo.refuse_demo(real)  # the real folder is fine for real work
    other = Store.open(real, "real passphrase")
    try:
        with pytest.raises(StoreError, match="not the demo store"):
            demo.reset_demo_store(folder, other)  # a real store is never closed or wiped as the demo
    finally:
        other.close()
    assert snapshot(real) == before


def test_the_demo_files_are_what_the_generator_writes(tmp_path):
    """resources/demo is generated: re-running scripts/make_demo.py gives the committed files."""
    import runpy
    import sys

    module = runpy.run_path(str(Path(__file__).resolve().parent.parent / "scripts" / "make_demo.py"))
    module["main"](["make_demo.py", str(tmp_path)])
    for shipped in demo.demo_files():
        made = read_case_file(tmp_path / shipped.name)
        from dayinlife.interchange import case_to_dict

        assert case_to_dict(made) == case_to_dict(read_case_file(shipped)), shipped.name
    assert sys.modules  # (runpy leaves nothing else behind)


def test_cli_demo_reset_makes_or_restores_the_demo_only(real, capsys):
    from dayinlife.cli import main

    before = snapshot(real)
    assert main(["demo", "reset", "--data-dir", str(real)]) == 0
    folder = demo_data_dir(real)
    assert is_demo_folder(folder) and "fictional families" in capsys.readouterr().out
    with Store.open(folder, demo.DEMO_PASSPHRASE) as store:
        store.delete_case(store.list_cases()[0].id)
    assert main(["demo", "reset", "--data-dir", str(real)]) == 0
    with Store.open(folder, demo.DEMO_PASSPHRASE) as store:
        assert len(store.list_cases()) == len(demo.demo_files())
    assert snapshot(real) == before


def test_the_unborn_babys_voice_is_named_so_in_the_report(cases, library, tmp_path):
    """An unborn baby's account is "The baby's voice (told by …)" in the Word report, not "The child"."""
    from docx import Document

    from dayinlife.report import export_report

    case = cases["04-fenwick.json"]
    unborn = next(c for c in case.children if c.is_unborn)
    path = export_report(case, unborn, tmp_path, library)
    doc = Document(str(path))
    text = "\n".join([p.text for p in doc.paragraphs]
                     + [cell.text for table in doc.tables for row in table.rows for cell in row.cells])
    assert "The baby's voice (told by Robin Quill (demo social worker))" in text
    assert "Baby (child)" not in text and "The child (" not in text


def test_maisies_something_worries_me_comes_first_under_her_voice(cases, library, tmp_path):
    """The demo has a child who pressed "Something worries me" (once saying what): the report puts it
    first under the child's own account; her words go only in the section for professionals."""
    from docx import Document

    from dayinlife.report import ReportOptions, export_report

    case = cases["01-hartley.json"]
    maisie = next(c for c in case.children if c.name == "Maisie Hartley")
    words = "When Mum and Lee argue it is loud and I put my pillow on my ears."

    def paragraphs(options):
        path = export_report(case, maisie, tmp_path / f"{options.sensitive}.docx", library, options)
        return [p.text for p in Document(str(path)).paragraphs]

    # The copy to share with the family: Maisie put her bedtime worry into words, at a question asked
    # of her alone, so it leaves no trace there (no time, no place, no "kept out"); her worry at school,
    # where she said nothing more, is given
    shared = paragraphs(ReportOptions())
    start = next(i for i, t in enumerate(shared) if t.startswith("Maisie's typical day"))
    assert shared[start + 1] == "“Something worries me”"
    assert shared[start + 2].startswith("In child mode Maisie pressed “Something worries me” once.")
    assert "does not judge" in shared[start + 2]
    assert shared[start + 3].startswith("At school (") and "did not say what" in shared[start + 3]
    assert not any("kept apart" in t or "kept out" in t or "10:41" in t for t in shared)
    assert not any("Bedtime (Home" in t or ("worries me" in t and "Bedtime" in t) for t in shared)
    assert not any(words in t for t in shared)

    kept = paragraphs(ReportOptions(sensitive=True))
    start = next(i for i, t in enumerate(kept) if t.startswith("Maisie's typical day"))
    assert kept[start + 2].startswith("In child mode Maisie pressed “Something worries me” twice.")
    assert kept[start + 3].startswith("At a question kept apart") and "Bedtime" not in kept[start + 3]
    assert "in the section for professionals only" in kept[start + 3]
    professionals = kept.index("For professionals only: sensitive answers and disclosures")
    said = next(i for i, t in enumerate(kept) if words in t)
    assert said > professionals and kept[said - 1].startswith("“Something worries me”, pressed in child mode: Bedtime")


def test_alfies_front_page_has_where_he_naps(cases, library, tmp_path):
    """Ties of two steps went by the order of the day, and Alfie's front page gave who feeds him
    ("Dawn" against "Dawn and Lee") but not where he naps ("every time" on his back in a cot against
    "sometimes"): the risk of a sudden infant death. Differences are ranked by the share of their
    scale they span; one where everyone names someone in common, and a baby's states, come lower."""
    from docx import Document

    from dayinlife.report import ReportOptions, export_report

    case = cases["01-hartley.json"]
    alfie = next(c for c in case.children if c.name == "Alfie Hartley")
    path = export_report(case, alfie, tmp_path / "a.docx", library, ReportOptions(sections=["summary"]))
    front = next(t for t in Document(str(path)).tables if t.rows[0].cells[0].text == "What")
    whats = [r.cells[0].text for r in front.rows[1:]]
    assert any("naps on his back in a cot" in w for w in whats)
    assert not any("Who usually feeds Alfie" in w for w in whats)
