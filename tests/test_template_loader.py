"""The loader and validator: good templates load, each kind of mistake is reported with its place."""

import pytest

from dayinlife.template_loader import load_library, load_scales, load_template_file
from dayinlife.paths import templates_dir


def load_text(tmp_path, text, name="t.toml"):
    path = tmp_path / name
    path.write_text(text, "utf-8")
    scales, problems = load_scales(templates_dir() / "scales.toml")
    assert not problems
    return load_template_file(path, scales)


def test_minimal_fixture_loads(tmp_path, minimal_text):
    template, problems = load_text(tmp_path, minimal_text)
    assert problems == []
    assert [s.id for s in template.stages] == ["breakfast", "weekend"]
    assert template.topic("breakfast").measures[0].scale == "frequency"
    assert template.stage_of("weekend_changes").id == "weekend"
    assert set(template.scales) == {"frequency", "feeling", "also_felt"}


# (what is broken, text to replace, replacement, words the message must contain, line it names)
MISTAKES = [
    ("toml syntax", 'title = "Minimal"', 'title = "Minimal', "text in quotes is not closed", 4),
    ("missing field", 'child = "What did you eat this morning, {{ name }}?"\n', "",
     "missing required field 'child'", 25),
    ("unknown field", "parent_own =", "parent_owm =", "did you mean 'parent_own'", 32),
    ("unknown neglect type", 'neglect = ["NUT"]', 'neglect = ["FOOD"]', "unknown tag 'FOOD'", 28),
    ("unknown framework tag", 'framework = ["PC.basic_care"]', 'framework = ["PC.basic"]',
     "did you mean 'PC.basic_care'", 29),
    ("duplicate key", 'key = "weekend_changes"', 'key = "breakfast"', "already used", 43),
    ("scale that does not exist", 'scale = "frequency"', 'scale = "often"',
     "scale 'often' does not exist", 35),
    ("prompt with an unknown variable", "{{ name }} have for breakfast", "{{ nmae }} have for breakfast",
     "'nmae' is undefined", 31),
    ("prompt that does not parse", "this morning, {{ name }}?", "this morning, {{ name ?", "cannot be filled in", 30),
    ("prompt with a filter", "{{ they_are }}", "{{ they_are|upper }}", "filter", 33),
    ("unknown stage kind", 'kind = "weekend"', 'kind = "sunday"', "unknown stage kind 'sunday'", 40),
    ("bad hours", "hours = [7, 9]", "hours = [7, 25]", "clock hours", 23),
    ("empty agencies", 'agencies = ["school"]\nmeasures', "agencies = []\nmeasures", "is empty", 34),
    ("wrong type", 'version = "1.0"', "version = 1.0", "should be text in quotes", 5),
    ("newer format", "format = 1", "format = 2", "newer version of Day in My Life", 2),
    ("bad id", 'id = "minimal"', 'id = "Minimal Template"', "lower case letters", 3),
    ("bad age range", "to_months = 144", "to_months = 12", "more than from_months", 11),
    ("measure with no child's question", ', child_label = "How often do you eat before school?"', "",
     "needs a child_label", 35),
    ("child's question about the child", "How often do you eat before school?",
     "How often does {{ name }} eat before school?", "talks about the child instead of to them", 35),
    ("child's question with their pronoun", "How often do you eat before school?",
     "Does {{ they }} eat before school?", "talks about the child", 35),
    ("missing observe in baby voice", 'child_voice = "direct"', 'child_voice = "baby"',
     "missing required field 'observe'", 25),
]


@pytest.mark.parametrize("name, old, new, words, line", MISTAKES, ids=[m[0] for m in MISTAKES])
def test_each_mistake_is_reported_with_file_place_and_reason(tmp_path, minimal_text, name, old, new, words, line):
    assert old in minimal_text, f"fixture no longer contains {old!r}"
    template, problems = load_text(tmp_path, minimal_text.replace(old, new, 1), name="broken.toml")
    assert template is None
    assert problems, "a broken template must report at least one problem"
    text = "\n".join(map(str, problems))
    assert words in text
    assert all(str(p).startswith(str(tmp_path / "broken.toml")) for p in problems)
    if line is not None:
        assert any(p.line == line and words in p.message for p in problems), text


def test_day_stage_after_weekend_is_refused(tmp_path, minimal_text):
    moved = minimal_text.replace('id = "breakfast"\ntitle = "Breakfast"\nkind = "day"',
                                 'id = "breakfast"\ntitle = "Breakfast"\nkind = "holidays"')
    moved += '\n[[stages]]\nid = "night"\ntitle = "Night"\nkind = "day"\n' \
             '[[stages.topics]]\nkey = "night"\ntitle = "Night"\nneglect = ["SUP"]\n' \
             'framework = ["PC.safety"]\nchild = "Does anything wake you?"\nparent = "Who comes at night?"\n' \
             'professional = "Noise at night."\nagencies = ["school"]\n'
    template, problems = load_text(tmp_path, moved)
    assert template is None
    assert any("walk the weekday first" in p.message for p in problems)


def test_key_path_given_where_the_file_has_no_usual_headers(tmp_path):
    text = ('format = 1\nid = "x"\ntitle = "X"\nversion = "1"\nchild_voice = "direct"\n'
            'suits = { from_months = 0, to_months = 10 }\n'
            'common = { feeling_child = "a", feeling_parent = "b", better_child = "c", better_parent = "d" }\n'
            'stages = [ { id = "s", title = "S", kind = "day", topics = [ { key = "k", title = "K", '
            'neglect = ["XX"], framework = ["PC.safety"], child = "c", parent = "p", professional = "p", '
            'agencies = ["gp"] } ] } ]\n')
    template, problems = load_text(tmp_path, text)
    assert template is None
    assert [p.where for p in problems] == ["stages[0].topics[0].neglect[0]"]


def test_a_broken_template_does_not_stop_the_others(template_folder):
    broken = template_folder / "primary.toml"
    broken.write_text(broken.read_text("utf-8").replace('neglect = ["', 'neglect = ["BAD", "', 1), "utf-8")
    (template_folder / "garbage.toml").write_bytes(b"\xff\xfe not toml at all")
    library = load_library(template_folder)
    assert "primary" not in library.templates
    assert set(library.templates) == {"prebirth", "baby", "preschool", "teenager", "disabled"}
    assert sorted(library.broken_files) == sorted([str(broken), str(template_folder / "garbage.toml")])
    messages = [str(p) for p in library.problems]
    assert any("primary.toml:" in m and "unknown tag 'BAD'" in m for m in messages)
    assert any("garbage.toml:" in m and "UTF-8" in m for m in messages)


def test_two_files_with_one_id(template_folder):
    (template_folder / "copy.toml").write_text((template_folder / "baby.toml").read_text("utf-8"), "utf-8")
    library = load_library(template_folder)
    assert any("already used by" in p.message for p in library.problems)
    assert library.templates["baby"].source.endswith("baby.toml")


def test_broken_scales_file_is_reported(template_folder):
    scales = template_folder / "scales.toml"
    scales.write_text(scales.read_text("utf-8").replace('value = "sometimes"', 'value = "most_days"'), "utf-8")
    library = load_library(template_folder)
    assert any("scales.toml" in p.file and "used twice" in p.message for p in library.problems)
    # templates using the broken scale cannot load; the problem names the scale
    assert any("scale 'frequency' does not exist" in p.message for p in library.problems)


def test_a_scale_that_names_people_cannot_be_ordered_and_retired_options_are_kept(template_folder):
    scales = template_folder / "scales.toml"
    text = scales.read_text("utf-8")
    scales.write_text(text.replace("people = true", "people = true\nordered = true").replace(
        '[who]\ntitle = "Who usually does this"\nordered = false\n', '[who]\ntitle = "Who usually does this"\n'),
        "utf-8")
    library = load_library(template_folder)
    assert any("names people cannot also be ordered" in p.message for p in library.problems)
    # the shipped who scale: retired options are there for old answers, and marked
    shipped, problems = load_scales(templates_dir() / "scales.toml")
    assert not problems and shipped["who"].people
    assert {o.value for o in shipped["who"].options if o.retired} == {"parent_carer", "shared", "sibling"}


def test_content_hash_ignores_comments_and_follows_content(tmp_path, minimal_text):
    first, _ = load_text(tmp_path, minimal_text, "a.toml")
    commented, _ = load_text(tmp_path, "# a new comment\n" + minimal_text.replace("\n\n", "\n\n# gap\n"), "b.toml")
    changed, _ = load_text(tmp_path, minimal_text.replace("What are your mornings like?", "How are mornings?"), "c.toml")
    assert first.content_hash == commented.content_hash
    assert first.content_hash != changed.content_hash
    assert first.content_hash.startswith("sha256:") and len(first.content_hash) == 71
    assert first.ref.to_dict() == {"id": "minimal", "version": "1.0", "hash": first.content_hash}


def test_snapshot_round_trip_keeps_hash(library):
    from dayinlife.template_model import Template

    for template in library.templates.values():
        again = Template.from_dict(template.to_dict())
        assert again.content_hash == template.content_hash
        assert again == template


# --------------------------------------------------------------------------- review status


def _with_review(template_folder, block: str):
    path = template_folder / "primary.toml"
    text = path.read_text("utf-8")
    start = text.index("[review]")
    end = text.index("[suits]")
    path.write_text(text[:start] + block + "\n\n" + text[end:], "utf-8")
    return load_library(template_folder)


def test_every_shipped_template_is_a_draft_until_signed_off(library):
    for t in library.ordered():
        assert not t.review.approved and t.review.label == "Draft — not yet approved for use"


def test_a_signed_off_template_names_who_and_when(template_folder, today):
    library = _with_review(template_folder, '[review]\nstatus = "approved"\n'
                                            'reviewed_by = "A. Fictional, designated nurse"\nreviewed_on = "2026-11-30"')
    t = library.get("primary")
    assert t.review.approved
    assert t.review.label == "Approved for use by A. Fictional, designated nurse, on 2026-11-30"


@pytest.mark.parametrize("block, says", [
    ('[review]\nstatus = "approved"', "names who signed it off"),
    ('[review]\nstatus = "signed"', "unknown value 'signed'"),
    ('[review]\nstatus = "approved"\nreviewed_by = "A. Fictional"\nreviewed_on = "30/11/2026"', "is not a date"),
    ('[review]\nstatus = "approved"\nreviewed_by = "A. Fictional"\nreviewed_on = "2099-01-01"', "in the future"),
])
def test_a_sign_off_that_does_not_hold_is_a_problem(template_folder, block, says, today):
    library = _with_review(template_folder, block)
    assert any(says in str(p) for p in library.problems), [str(p) for p in library.problems]


def test_an_old_snapshot_without_a_review_reads_as_a_draft(library):
    from dayinlife.template_model import Template

    data = library.get("primary").to_dict()
    del data["review"]
    assert not Template.from_dict(data).review.approved


def test_a_measure_for_adults_only_leaves_its_topic_asked_of_the_child(library):
    """A topic's own `ask` is its own: a last measure with ask = "adults" once leaked into the topic,
    and child mode then skipped every preschool topic but one, and most of the disabled child's."""
    for template_id in ("preschool", "disabled"):
        t = library.get(template_id)
        for topic in t.topics():
            if topic.child:  # it has a question for the child, so the child is asked it
                assert topic.for_child, (template_id, topic.key)
    assert library.get("preschool").topic("getting_up").for_child
    assert not next(m for m in library.get("preschool").topic("getting_up").measures if m.id == "who").for_child


def test_a_childs_question_may_call_the_child_by_name(tmp_path, minimal_text):
    text = minimal_text.replace("How often do you eat before school?", "How often do you eat before school, {{ name }}?")
    template, problems = load_text(tmp_path, text)
    assert not problems and template is not None
    assert template.topic("breakfast").measures[0].child_label.endswith("{{ name }}?")


def test_an_options_picture_must_be_there_in_a_template_file_but_not_in_a_case_file(tmp_path):
    """A partnership names its own picture beside an option; a name that is not a file is a mistake in
    scales.toml, while an older case file's snapshot naming one this installation lacks still reads."""
    import shutil

    from dayinlife.template_loader import check_snapshot, load_library

    folder = tmp_path / "templates"
    shutil.copytree(templates_dir(), folder)
    scales = folder / "scales.toml"
    text = scales.read_text("utf-8")
    scales.write_text(text.replace('picture = "week-5"', 'picture = "our-own-week"', 1)
                      .replace('picture = "week-3"', 'picture = "Week 3.svg"', 1), "utf-8")
    library = load_library(folder)
    messages = [f"{p.where}: {p.message}" for p in library.problems]
    assert any("resources/pictures/our-own-week.svg is not there" in m for m in messages), messages
    assert any("must be a picture's name" in m and "'Week 3.svg'" in m for m in messages), messages
    snapshot = load_library().get("primary").to_dict()
    snapshot["scales"]["frequency"]["options"][1]["picture"] = "drawn-elsewhere"
    assert check_snapshot(snapshot, "case.template_snapshots['x']") == []
