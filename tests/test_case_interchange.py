"""The case model and the JSON interchange format: round trip, strict reading, clear refusals."""

import json
from datetime import date

import pytest

from dayinlife.case import Adult, AdultRole, Case, Child, Perspective, PerspectiveKind, Worry
from dayinlife.interchange import (
    FORMAT_VERSION,
    InterchangeError,
    case_from_dict,
    case_to_dict,
    dumps_case,
    loads_case,
    read_case_file,
    write_case_file,
)

AWKWARD = ("Tom & Jerry <b>said</b> \"hi\" — it's fine 😀\nSecond line\n\nPołudnie, Llŷr, שלום "
           + "long " * 5000)


def build_case(library):
    case = Case("FICT-0042", practitioner="A. Practitioner")
    mum = Adult("Jo Testperson", AdultRole.MOTHER)
    gran = Adult("Pat Testperson", AdultRole.OTHER, role_detail="great-aunt")
    case.adults += [mum, gran]
    kid = Child("Siobhán O'Neill-Ward", date_of_birth=date(2017, 5, 3), pronouns="she",
                communication="Uses some Makaton")
    unborn = Child("Baby", expected_date=date(2027, 2, 14))
    case.children += [kid, unborn]
    primary = library.get("primary")
    child_iv = case.start_interview(kid, Perspective(PerspectiveKind.CHILD), primary, date(2026, 11, 20),
                                    place="school", present="class teacher")
    a = child_iv.answer("breakfast")
    a.text = AWKWARD
    a.feeling = "unhappy"
    a.measures = {m.id: primary.scales[m.scale].values[-1] for m in primary.topic("breakfast").measures}
    child_iv.answer("night").not_asked = "Child was tired"
    child_iv.worries += [Worry("breakfast", "breakfast", AWKWARD[:300]), Worry("waking")]  # words, and none
    parent_iv = case.start_interview(kid, Perspective(PerspectiveKind.PARENT, mum.id), primary, date(2026, 11, 21),
                                     interpreter="Polish, by phone")
    p = parent_iv.answer("breakfast")
    p.text, p.own_day, p.impact, p.notes = "Every day", "I work nights", "She gets herself up", "Check with school"
    p.measures = {m.id: primary.scales[m.scale].values[0] for m in primary.topic("breakfast").measures}
    pro = case.start_interview(kid, Perspective(PerspectiveKind.PROFESSIONAL), primary, date(2026, 11, 22),
                               source="School: class teacher")
    case.hidden = ["Greenfield Primary", "Acacia Road"]
    pro.answer("at_school").source = "school attendance record"
    case.start_interview(unborn, Perspective(PerspectiveKind.PARENT, mum.id), library.get("prebirth"), date(2026, 11, 22))
    from dayinlife.analysis import Action, Analysis
    from dayinlife.vocab import NeglectType

    analysis = Analysis(kid.id, [child_iv.id, parent_iv.id], strengths="Loves school & <drama>",
                        tried_before="Early help, 2024", capacity="Jo engages", prognosis="Fair & <hopeful>")
    analysis.judgement(NeglectType.NUTRITIONAL).narrative = "Breakfast accounts differ"
    analysis.actions.append(Action("Breakfast club", "School", date(2026, 12, 1)))
    case.analyses[kid.id] = analysis
    from dayinlife.chronology import Effect, Event, EventDate

    case.chronology += [
        Event(EventDate(2019, 6), "Two-year health check missed & not rebooked", "Health visitor",
              "Her speech was not checked", Effect.HARMFUL, "Letter sent", [kid.id], [NeglectType.MEDICAL]),
        Event(EventDate(2024, 9, 2), "Started breakfast club <free>", "School", effect=Effect.GOOD),
    ]
    from dayinlife.family import Bond, Details, Family, Gender, Link, Relative, Role

    dad = Relative("Tomasz Kowal", Role.PARENT, Gender.MALE, 1990, where="Leeds; sees Siobhán monthly")
    nan = Relative("Nan Testperson", Role.GRANDPARENT, Gender.FEMALE, 1962, died=True)
    case.family = Family([dad, nan], [Link(dad.id, kid.id, Bond.PARENT), Link(mum.id, kid.id, Bond.PARENT),
                                      Link(mum.id, dad.id, Bond.SEPARATED, "Split in 2019"),
                                      Link(nan.id, mum.id, Bond.PARENT)],
                         {mum.id: Details(Gender.FEMALE, 1994), kid.id: Details(Gender.FEMALE)},
                         {mum.id: "In care from 12; moved placements often & <rarely settled>"},
                         "Jo grew up in care; Tomasz left in 2019.")
    from dayinlife.scores import Score, ScoreSet

    case.scores += [
        ScoreSet("gcp2", date(2026, 11, 23), [Score("physical", 4), Score("love", 2)], by="A. Practitioner, with Jo",
                 child_ids=[kid.id], notes="Jo agreed the physical care score & <why>"),
        ScoreSet("custom", date(2026, 11, 24), [Score("Home conditions", 3)], name="Home conditions scale", low=1,
                 high=4, better="1 is the best"),
    ]
    return case


def test_round_trip_keeps_everything_exactly(library, tmp_path):
    case = build_case(library)
    path = tmp_path / "case.json"
    write_case_file(case, path)
    again = read_case_file(path)
    assert case_to_dict(again) == case_to_dict(case)
    kid = again.children[0]
    assert kid.interviews[0].answers["breakfast"].text == AWKWARD
    assert kid.interviews[1].perspective.adult_id == again.adults[0].id
    assert kid.interviews[0].template == library.get("primary").ref
    assert again.children[1].is_unborn
    assert list(tmp_path.iterdir()) == [path]  # no temporary file left behind


def test_interview_records_template_snapshot(library):
    from dayinlife.template_model import Template

    case = build_case(library)
    ref = case.children[0].interviews[0].template
    snapshot = Template.from_dict(case.template_snapshots[ref.content_hash])
    assert snapshot.content_hash == ref.content_hash
    assert snapshot.topic("breakfast").child == library.get("primary").topic("breakfast").child


def test_case_opens_after_the_template_file_changes(library, template_folder):
    """An old interview still opens: the case file carries the template it was made with."""
    from dayinlife.template_loader import load_library
    from dayinlife.template_model import Template

    case = build_case(library)
    text = dumps_case(case)
    path = template_folder / "primary.toml"
    old_version = library.get("primary").version
    path.write_text(path.read_text("utf-8").replace(f'version = "{old_version}"', 'version = "99.0"')
                    .replace('key = "breakfast"', 'key = "breakfast_new"'), "utf-8")
    changed = load_library(template_folder).get("primary")
    assert changed.version == "99.0"
    assert changed.content_hash != library.get("primary").content_hash
    again = loads_case(text)
    ref = again.children[0].interviews[0].template
    old = Template.from_dict(again.template_snapshots[ref.content_hash])
    assert old.version == old_version and old.topic("breakfast")


def _broken(library, change):
    data = case_to_dict(build_case(library))
    change(data)
    return data


@pytest.mark.parametrize("change, words", [
    (lambda d: d.update(version=FORMAT_VERSION + 1), "newer version of Day in My Life"),
    (lambda d: d.update(format="something-else"), "not a Day in My Life case file"),
    (lambda d: d.update(version="1"), "should be a whole number"),
    (lambda d: d["case"].pop("reference"), "case: missing 'reference'"),
    (lambda d: d["case"]["adults"][0].update(role="uncle"), "case.adults[0].role: 'uncle' is not one of"),
    (lambda d: d["case"]["children"][0].update(date_of_birth="03/05/2017"),
     "case.children[0].date_of_birth: '03/05/2017' is not a date"),
    (lambda d: d["case"]["children"][0]["interviews"][1]["perspective"].update(adult_id="nobody"),
     "'nobody' is not an adult in this household"),
    (lambda d: d["case"]["children"][0]["interviews"][0]["answers"]["breakfast"].update(feeling="ecstatic"),
     "'ecstatic' is not one of the faces on the 'feeling' scale"),
    (lambda d: d["case"]["children"][0]["interviews"][0]["answers"]["breakfast"]["measures"].update(how_often="daily"),
     "'daily' is not an answer on the 'frequency' scale"),
    (lambda d: d["case"]["children"][0]["interviews"][0]["answers"].update(no_such_topic={}),
     "topic 'no_such_topic' is not in template primary"),
    (lambda d: d["case"]["children"][0]["interviews"][0]["answers"]["breakfast"].update(txt="typo"),
     "txt: is not a field of an answer"),
    (lambda d: d["case"]["children"][0].update(pronouns="xe"), "'xe' is not one of: they, she, he"),
    (lambda d: d["case"]["children"][1].pop("expected_date"), "needs a 'date_of_birth' or an 'expected_date'"),
    (lambda d: next(iter(d["case"]["template_snapshots"].values())).update(title="Tampered"),
     "does not match its fingerprint"),
    (lambda d: d["case"].update(adults="Jo"), "case.adults: should be a list"),
])
def test_malformed_files_are_refused_with_the_place_named(library, change, words):
    with pytest.raises(InterchangeError) as caught:
        case_from_dict(_broken(library, change))
    assert words in str(caught.value)


def test_a_bad_date_is_reported_once(library):
    data = _broken(library, lambda d: d["case"]["children"][0].update(date_of_birth="soon"))
    with pytest.raises(InterchangeError) as caught:
        case_from_dict(data)
    assert "'soon' is not a date" in str(caught.value)
    assert "needs a 'date_of_birth'" not in str(caught.value)


@pytest.mark.parametrize("raw, words", [
    (b"{not json", "not valid JSON"),
    (b"\xff\xfe\x00", "not UTF-8"),
    (b"[]", "should be an object"),
])
def test_not_json_at_all(raw, words):
    with pytest.raises(InterchangeError, match=words):
        loads_case(raw)


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(InterchangeError, match="no such file"):
        read_case_file(tmp_path / "absent.json")


def test_format_is_documented_with_the_current_version():
    from pathlib import Path

    doc = (Path(__file__).parent.parent / "docs" / "interchange.md").read_text("utf-8")
    assert f'"version": {FORMAT_VERSION}' in doc
    for name in ("template_snapshots", "perspective", "not_asked", "measures", "feeling"):
        assert name in doc


def test_model_rules():
    with pytest.raises(ValueError):
        Child("No dates")
    with pytest.raises(ValueError):
        Perspective(PerspectiveKind.PARENT)
    with pytest.raises(ValueError):
        Perspective(PerspectiveKind.CHILD, adult_id="x")
    assert AdultRole.STEP_PARENT.label == "Step-parent"
    assert AdultRole.FOSTER_CARER.label == "Foster carer"


def test_json_is_readable_text(library):
    text = dumps_case(build_case(library))
    assert "Siobhán O'Neill-Ward" in text  # not \u-escaped: people may read these files
    assert json.loads(text)["case"]["reference"] == "FICT-0042"


def test_a_version_1_file_still_reads_without_sources_or_hidden_names(library):
    data = case_to_dict(build_case(library))
    data["version"] = 1
    del data["case"]["hidden"]
    for child in data["case"]["children"]:
        for iv in child["interviews"]:
            del iv["source"]
    case = case_from_dict(json.loads(json.dumps(data)))
    assert case.hidden == [] and all(iv.source == "" for c in case.children for iv in c.interviews)


def test_sources_and_hidden_names_survive_the_store(library, tmp_path):
    from dayinlife.store import Store

    case = build_case(library)
    with Store.create(tmp_path / "data", "not a real passphrase") as store:
        store.save_case(case)
        back = store.load_case(case.id)
    assert back.hidden == ["Greenfield Primary", "Acacia Road"]
    assert [iv.source for iv in back.children[0].interviews] == ["", "", "School: class teacher"]
    assert FORMAT_VERSION >= 2  # sources and hidden names came in version 2


def test_a_date_in_the_future_is_refused_with_its_place(library, today):
    """Found by a practice review: interviews dated a year ahead went straight into a report."""
    data = case_to_dict(build_case(library))
    data["case"]["children"][0]["interviews"][1]["held_on"] = "2099-03-17"
    data["case"]["children"][0]["date_of_birth"] = "2099-01-01"
    with pytest.raises(InterchangeError) as err:
        case_from_dict(json.loads(json.dumps(data)))
    assert "case.children[0].interviews[1].held_on: 2099-03-17 is in the future" in str(err.value)
    assert "case.children[0].date_of_birth: 2099-01-01 is in the future" in str(err.value)


def test_seen_alone_and_disclosures_survive_the_store_and_case_files(library, tmp_path):
    from datetime import datetime, timezone

    from dayinlife.case import Disclosure
    from dayinlife.store import Store

    case = build_case(library)
    iv = case.children[0].interviews[0]
    iv.seen_alone = True
    iv.disclosures.append(Disclosure("He hits mum when he's cross & I hide", "Who's there at night?",
                                     "night", datetime(2026, 11, 20, 10, 15, tzinfo=timezone.utc)))
    back = loads_case(dumps_case(case))
    assert back.children[0].interviews[0].seen_alone is True
    [x] = back.children[0].interviews[0].disclosures
    assert (x.words, x.asked, x.topic_key, x.at.hour) == ("He hits mum when he's cross & I hide",
                                                           "Who's there at night?", "night", 10)
    with Store.create(tmp_path / "data", "not a real passphrase") as store:
        store.save_case(case)
        stored = store.load_case(case.id).children[0].interviews
    assert stored[0].seen_alone is True and stored[0].disclosures[0].words.startswith("He hits mum")
    assert stored[1].seen_alone is None and stored[1].disclosures == []


def test_a_file_whose_templates_predate_child_labels_still_reads(library):
    """Case files made before measures had words for the child keep opening (their templates are
    checked as snapshots, not as template files), and child mode falls back to the adults' wording."""
    from dayinlife.template_model import Template, content_hash

    data = case_to_dict(build_case(library))
    snapshots, renamed = {}, {}
    for old_hash, snapshot in data["case"]["template_snapshots"].items():
        for stage in snapshot["stages"]:
            for topic in stage["topics"]:
                for measure in topic.get("measures", []):
                    measure.pop("child_label", None)
        new_hash = content_hash(Template.from_dict(snapshot).to_dict())  # as an older app fingerprinted it
        snapshots[new_hash], renamed[old_hash] = snapshot, new_hash
    assert all(old != new for old, new in renamed.items())
    data["case"]["template_snapshots"] = snapshots
    for child in data["case"]["children"]:
        for iv in child["interviews"]:
            iv["template"]["hash"] = renamed[iv["template"]["hash"]]
    case = case_from_dict(json.loads(json.dumps(data)))
    ref = case.children[0].interviews[0].template
    snapshot = Template.from_dict(case.template_snapshots[ref.content_hash])
    measures = snapshot.topic("breakfast").measures
    assert measures and all(not m.child_label for m in measures)


@pytest.mark.parametrize("change, words", [
    (lambda iv: iv["worries"][0].update(stage="no_such_stage"), "is not a stage of the interview's template"),
    (lambda iv: iv["worries"][0].update(topic="night"), "is not a topic of the stage"),
    (lambda iv: iv["worries"][0].pop("at"), "missing 'at'"),
    (lambda iv: iv["worries"][0].update(colour="red"), "colour"),
])
def test_a_worry_is_checked_like_everything_else(library, change, words):
    data = case_to_dict(build_case(library))
    change(data["case"]["children"][0]["interviews"][0])
    with pytest.raises(InterchangeError) as err:
        case_from_dict(json.loads(json.dumps(data)))
    assert words in str(err.value) and "interviews[0].worries[0]" in str(err.value)


def test_only_a_childs_own_interview_has_worries(library):
    data = case_to_dict(build_case(library))
    data["case"]["children"][0]["interviews"][1]["worries"] = [{"stage": "waking", "at": "2026-11-21T10:00:00+00:00"}]
    with pytest.raises(InterchangeError, match="only a child's own interview"):
        case_from_dict(json.loads(json.dumps(data)))


def test_a_version_7_file_reads_with_no_worries(library):
    data = case_to_dict(build_case(library))
    data["version"] = 7
    for child in data["case"]["children"]:
        for iv in child["interviews"]:
            del iv["worries"]
    case = case_from_dict(json.loads(json.dumps(data)))
    assert all(iv.worries == [] for c in case.children for iv in c.interviews)


def test_worries_survive_the_store(library, tmp_path):
    from dayinlife.store import Store

    case = build_case(library)
    with Store.create(tmp_path / "data", "worry test passphrase") as store:
        store.save_case(case)
    with Store.open(tmp_path / "data", "worry test passphrase") as store:
        again = store.load_case(case.id)
    kept = again.children[0].interviews[0].worries
    assert [(w.stage_key, w.topic_key, w.words, w.at, w.id) for w in kept] == [
        (w.stage_key, w.topic_key, w.words, w.at, w.id) for w in case.children[0].interviews[0].worries]
