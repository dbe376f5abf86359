"""Answers kept apart (issue: safe to use with families): topics asked only when the person is seen
on their own, answers the practitioner marks sensitive, and disclosures. They are left out of every
joint view and of the report's body, and are in a report only in its section for professionals,
when chosen, never when anonymised. All names and words are fictional."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date, datetime, timezone

import docx
import pytest

from dayinlife.case import Adult, AdultRole, Answer, Case, Child, Disclosure, Perspective, PerspectiveKind
from dayinlife.compare import Agreement, change_over_time, compare
from dayinlife.interchange import InterchangeError, case_from_dict, case_to_dict
from dayinlife.interview import overall_progress, stage_progress
from dayinlife.report import ReportError, ReportOptions, export_report, report_bytes
from dayinlife.sensitive import KEPT_OUT, REPORT_NOTE, SECTION_TITLE, is_sensitive, kept_answers
from dayinlife.template_loader import load_library

TODAY = date(2026, 12, 1)
SAFE_WORDS = "He took my phone off me for a weekend. Please do not tell him I said."
MARKED_WORDS = "We had no food in on Thursday, I gave the baby water."
TOLD = "Dad hit me with the belt on Sunday."


def copied_templates(tmp_path):
    """The shipped templates in a folder of their own, to break one of them."""
    from dayinlife.paths import templates_dir

    folder = tmp_path / "t"
    folder.mkdir()
    for f in templates_dir().glob("*.toml"):
        (folder / f.name).write_text(f.read_text("utf-8"), "utf-8")
    return folder


def package_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return "\n".join(z.read(n).decode("utf-8", "replace") for n in z.namelist())


def doc_text(data: bytes) -> str:
    d = docx.Document(io.BytesIO(data))
    return "\n".join([p.text for p in d.paragraphs] + [c.text for t in d.tables for r in t.rows for c in r.cells])


@pytest.fixture
def family(library):
    case = Case("FICT-KEPT", [Adult("Jo Fictional", AdultRole.MOTHER), Adult("Sam Fictional", AdultRole.FATHER)])
    baby = Child("Pip Fictional", date_of_birth=date(2026, 6, 1), pronouns="he")
    case.children.append(baby)
    t = library.get("baby")
    kid = case.start_interview(baby, Perspective(PerspectiveKind.CHILD), t, date(2026, 11, 20))
    mum = case.start_interview(baby, Perspective(PerspectiveKind.PARENT, case.adults[0].id), t, date(2026, 11, 20),
                               seen_alone=True)
    dad = case.start_interview(baby, Perspective(PerspectiveKind.PARENT, case.adults[1].id), t, date(2026, 11, 20))
    mum.answers["safe_to_talk"] = Answer(SAFE_WORDS, notes="DASH completed; manager told the same day.")
    feeds = t.topic("feeding_hygiene")
    how = next(m for m in feeds.measures if m.scale != "who")
    values = t.scales[how.scale].values
    mum.answers["feeding_hygiene"] = Answer(MARKED_WORDS, {how.id: values[2]}, feeling="unsettled", sensitive=True)
    dad.answers["feeding_hygiene"] = Answer("She feeds him, every few hours.", {how.id: values[0]}, feeling="settled")
    kid.answers["feeding_hygiene"] = Answer("Pip is fed and settled during the visit.", {how.id: values[0]})
    mum.disclosures.append(Disclosure(TOLD, "Tell me about the evenings.", "bath_evening",
                                      datetime(2026, 11, 20, 14, 5, tzinfo=timezone.utc)))
    return case, baby, t, kid, mum, dad, how


# ---------------------------------------------------------------------------- the templates

@pytest.mark.parametrize("template_id", ["prebirth", "baby", "preschool"])
def test_each_young_childs_template_asks_each_adult_alone_about_abuse(library, template_id):
    t = library.get(template_id)
    topic = t.topic("safe_to_talk")
    assert topic.seen_alone and topic.ask == "adults" and not topic.measures and not topic.child
    assert not topic.for_child
    words = topic.parent.lower()
    assert "frighten" in words and "hurt" in words and "money" in words
    for what in ("DASH", "MARAC", "IDVA", "999", "never raise what they said with the partner"):
        assert what.lower() in topic.professional.lower(), what
    assert float(t.version) >= 1.3


def test_no_question_put_to_adults_together_asks_about_abuse(library):
    asking = re.compile(r"frightens you|hurts you|hurt you\b|controls what you do|rather was not there", re.I)
    for t in library.templates.values():
        for topic in t.topics():
            if topic.seen_alone:
                continue
            for words in (topic.parent, topic.parent_own, topic.parent_impact):
                assert not asking.search(words), (t.id, topic.key, words)
    relationships = library.get("prebirth").topic("relationships_safety")
    assert not relationships.measures  # evenings being calm is no longer compared between partners


def test_the_validator_keeps_seen_alone_topics_uncompared_and_adult_topics_from_children(tmp_path, library):
    folder = copied_templates(tmp_path)
    baby = folder / "baby.toml"
    text = baby.read_text("utf-8")
    text = text.replace('key = "safe_to_talk"\ntitle = "Safe to talk"\nseen_alone = true\nask = "adults"\n',
                        'key = "safe_to_talk"\ntitle = "Safe to talk"\nseen_alone = true\nask = "grown-ups"\n'
                        'child = "Am I safe?"\nmeasures = [{ id = "x", scale = "frequency", label = "X" }]\n')
    baby.write_text(text, "utf-8")
    problems = " | ".join(p.message for p in load_library(folder).problems)
    assert 'should be "everyone", "adults" (never put to the child) or "child"' in problems
    assert "is never compared, so it has no measures" in problems


# ---------------------------------------------------------------------------- progress

def test_a_childs_interview_never_counts_a_topic_for_adults(family):
    case, baby, t, kid, mum, dad, _ = family
    _, child_total = overall_progress(t, kid)
    _, adult_total = overall_progress(t, mum)
    assert adult_total == child_total + 1 == t.topic_count
    evening = next(r for r in stage_progress(t, kid) if any(x.key == "safe_to_talk" for x in r.stage.topics))
    assert evening.total == len(evening.stage.topics) - 1


# ---------------------------------------------------------------------------- joint views

def test_kept_answers_are_left_out_of_comparing_and_marked(family):
    case, baby, t, kid, mum, dad, how = family
    result = compare(case, baby, [kid, mum, dad], t)
    by_key = {tc.topic.key: tc for tc in result.topics}
    mum_label = "Jo Fictional (mother)"
    safe = by_key["safe_to_talk"]
    assert safe.kept_out == {mum_label} and safe.answers[mum_label] is None
    feeds = by_key["feeding_hygiene"]
    assert feeds.kept_out == {mum_label} and feeds.answers[mum_label] is None
    row = next(m for m in feeds.measures if m.measure.id == how.id)
    assert row.values[mum_label] is None
    assert row.agreement is Agreement.AGREE  # the child's and the father's: the mother's is not compared
    assert result.kept_out == 2
    # her feeling at feeds is not set against anyone's either
    stage = next(g for g in result.feelings if g.stage.id == by_key["feeding_hygiene"].stage.id)
    assert mum_label not in stage.gaps and stage.estimates.get(mum_label) in (None,)
    assert KEPT_OUT == "Kept out: sensitive"


def test_change_over_time_leaves_kept_answers_out(family):
    case, baby, t, kid, mum, dad, how = family
    later = case.start_interview(baby, Perspective(PerspectiveKind.PARENT, case.adults[0].id), t, date(2027, 2, 1))
    later.answers["feeding_hygiene"] = Answer("Better now", {how.id: t.scales[how.scale].values[0]}, feeling="settled")
    keys = {c.key for c in change_over_time((mum, t), (later, t), "Pip", "he")}
    assert "feeding_hygiene" not in keys and "safe_to_talk" not in keys


def test_what_is_sensitive(family):
    case, baby, t, kid, mum, dad, _ = family
    assert is_sensitive(t.topic("safe_to_talk"), Answer(not_asked="Partner in the room"))
    assert not is_sensitive(t.topic("safe_to_talk"), Answer())  # nothing given: nothing to keep
    assert is_sensitive(t.topic("feeding_hygiene"), Answer("x", sensitive=True))
    assert not is_sensitive(t.topic("feeding_hygiene"), Answer("x"))
    assert [k.topic.key for k in kept_answers(t, mum)] == ["feeding_hygiene", "safe_to_talk"]


# ---------------------------------------------------------------------------- case files

def test_sensitive_survives_a_case_file_and_is_checked(family):
    case, *_ = family
    again = case_from_dict(case_to_dict(case))
    mum = again.children[0].interviews[1]
    assert mum.answers["feeding_hygiene"].sensitive and not mum.answers["safe_to_talk"].sensitive
    data = case_to_dict(case)
    data["case"]["children"][0]["interviews"][1]["answers"]["feeding_hygiene"]["sensitive"] = "yes"
    with pytest.raises(InterchangeError, match=r"answers\['feeding_hygiene'\]\.sensitive: should be true/false"):
        case_from_dict(data)


# ---------------------------------------------------------------------------- the report

def test_the_report_body_never_has_them_and_says_so_neutrally(family, library):
    case, baby, *_ = family
    data = report_bytes(case, baby, library, ReportOptions(), today=TODAY)
    everything = package_text(data)
    for words in (SAFE_WORDS, MARKED_WORDS, TOLD, "DASH completed", "Safe to talk", SECTION_TITLE):
        assert words not in everything, words
    assert REPORT_NOTE in doc_text(data)


def test_the_section_for_professionals_is_there_only_when_chosen(family, library, tmp_path):
    case, baby, *_ = family
    path = export_report(case, baby, tmp_path, library, ReportOptions(sensitive=True, notes=True), today=TODAY)
    assert path.name.endswith("-notes-prof.docx")
    d = docx.Document(str(path))
    paras = [p.text for p in d.paragraphs]
    start = paras.index(SECTION_TITLE)
    body, section = "\n".join(paras[:start]), "\n".join(paras[start:])
    assert SAFE_WORDS not in body and MARKED_WORDS not in body and TOLD not in body
    assert SAFE_WORDS in section and MARKED_WORDS in section and TOLD in section
    assert "Safe to talk (Evening" in section and "(asked when seen on their own)" in section
    assert "(marked sensitive)" in section and "Seen on their own." in section
    assert "Tell me about the evenings." in section and "Friday 20 November 2026" in section
    assert "DASH completed" in section  # the practitioner's notes, because they were chosen
    assert "make the copy without this section (never this one with these pages taken out)" in section
    header = "\n".join(p.text for p in d.sections[0].header.paragraphs)
    assert "Includes a section for professionals only" in header
    # it comes after everything else
    assert all(not p.style.name.startswith("Heading 1") for p in d.paragraphs[start + 1:])


def test_an_anonymised_report_never_has_them(family, library, tmp_path):
    case, baby, *_ = family
    with pytest.raises(ReportError, match="anonymised report never holds sensitive answers"):
        ReportOptions(anonymise=True, sensitive=True)
    data = report_bytes(case, baby, library, ReportOptions(anonymise=True), today=TODAY)
    everything = package_text(data)
    for words in (SAFE_WORDS, MARKED_WORDS, TOLD, SECTION_TITLE):
        assert words not in everything


def test_not_talked_about_never_names_what_is_kept(family, library):
    case, baby, *_ = family
    text = doc_text(report_bytes(case, baby, library, ReportOptions(), today=TODAY))
    quiet = [line for line in text.splitlines() if line.startswith("Not talked about")]
    assert quiet and not any("Safe to talk" in line or "Feeding equipment" in line for line in quiet)


# ---------------------------------------------------------------------------- the teenager's safety topics

TEEN_SEEN_ALONE = ["mood_wellbeing", "going_missing", "where_you_sleep", "own_use", "relationships_consent",
                   "future_choices"]


def test_the_teenager_template_asks_about_harm_alone_and_says_what_to_do(library):
    t = library.get("teenager")
    assert float(t.version) >= 1.3 and "filling it in themselves" not in t.summary
    for key in TEEN_SEEN_ALONE:
        topic = t.topic(key)
        assert topic.seen_alone and not topic.measures and topic.child, key
        assert "on their own" in topic.professional, key
    mood = t.topic("mood_wellbeing")
    assert "hurt themselves" in mood.child and "not wanting to be alive" in mood.child
    for what in ("safety plan", "same day", "999", "Childline"):
        assert what in mood.professional, what
    for key in ("relationships_consent", "future_choices"):  # never put to a parent or carer
        topic = t.topic(key)
        assert topic.ask == "child" and not (topic.parent or topic.parent_own or topic.parent_impact)
    assert "one chance" in t.topic("future_choices").professional
    assert "Forced Marriage Unit" in t.topic("future_choices").professional
    assert "under 13" in t.topic("relationships_consent").professional
    # what may sit beside a parent's account stays in the shared topics; the worries, pressure and
    # pictures are asked of the young person alone, in a topic of their own (the second review)
    home, pressure, pictures = (t.topic(k) for k in ("worries_at_home", "pressure_from_others", "pictures_online"))
    for topic in (home, pressure, pictures):  # one thing at a time, each asked alone
        assert topic.seen_alone and topic.ask == "child" and not topic.measures, topic.key
        assert "never set beside a parent's account" in topic.professional, topic.key
    assert "worries you" in home.child
    assert "wants something back" in pressure.child and "not your fault" in pressure.child
    assert "share pictures" in pictures.child and "not your fault" in pictures.child
    for what in ("National Referral Mechanism", "knife"):
        assert what in pressure.professional, what
    for what in ("Report Remove", "CEOP", "do not pay", "never view, copy or forward"):
        assert what in pictures.professional, what
    assert t.topic("safe_to_talk").seen_alone and t.topic("safe_to_talk").ask == "adults"
    for key in ("friends_relationships", "whereabouts", "online_phone", "safety_at_home"):
        shared = t.topic(key).child
        for asked_alone in ("pictures", "something back", "secret", "worries you", "drinking"):
            assert asked_alone not in shared, (key, asked_alone)
    assert "Report Remove" in t.topic("online_phone").professional
    friends = t.topic("friends_relationships")
    assert "same day" in friends.professional and "National Referral Mechanism" in friends.professional
    assert "honestly" not in t.topic("health_mental_health").child
    assert "accepted at home" not in t.topic("independence_identity").child
    school = t.topic("school_changes")
    assert not school.seen_alone and "part-time timetable" in school.parent and school.measures


def test_a_topic_for_the_young_person_only_is_never_put_to_a_parent(library):
    t = library.get("teenager")
    case = Case("FICT-TEEN", [Adult("Jo Fictional", AdultRole.MOTHER)])
    young = Child("Ash Fictional", date_of_birth=date(2011, 3, 3), pronouns="they")
    case.children.append(young)
    mum = case.start_interview(young, Perspective(PerspectiveKind.PARENT, case.adults[0].id), t, date(2026, 11, 20))
    kid = case.start_interview(young, Perspective(PerspectiveKind.CHILD), t, date(2026, 11, 20))
    _, parent_total = overall_progress(t, mum)
    _, child_total = overall_progress(t, kid)
    # five are the young person's own; 'Safe to talk' is each parent's own
    assert child_total == t.topic_count - 1 and parent_total == t.topic_count - 5
    assert not t.topic("future_choices").asked_of(PerspectiveKind.PARENT)
    assert t.topic("future_choices").asked_of(PerspectiveKind.PROFESSIONAL)


def test_the_validator_refuses_parent_prompts_on_a_topic_for_the_child_only(tmp_path):
    folder = copied_templates(tmp_path)
    teen = folder / "teenager.toml"
    text = teen.read_text("utf-8").replace('key = "future_choices"\ntitle = "Choices about the future"\n',
                                           'key = "future_choices"\ntitle = "Choices about the future"\n'
                                           'parent = "Is {{ name }} engaged?"\n')
    teen.write_text(text, "utf-8")
    problems = " | ".join(p.message for p in load_library(folder).problems)
    assert 'never put to a parent or carer (ask = "child") has no parent prompts' in problems


# ---------------------------------------------------------------------------- the disabled child's ages

def test_the_disabled_childs_safety_topics_follow_the_childs_age(library):
    t = library.get("disabled")
    case = Case("FICT-AGES", [Adult("Jo Fictional", AdultRole.MOTHER)])
    baby = Child("Bo Fictional", date_of_birth=date(2026, 1, 10), disability="cerebral palsy")
    teen = Child("Cy Fictional", date_of_birth=date(2012, 5, 5), disability="autism")
    case.children += [baby, teen]
    keys = {}
    for child in (baby, teen):
        iv = case.start_interview(child, Perspective(PerspectiveKind.PARENT, case.adults[0].id), t, date(2026, 11, 20))
        iv.answers["feeding"] = Answer("Tube feeds", {"plan": "yes"})
        result = compare(case, child, [iv], t)
        keys[child.name] = {tc.topic.key for tc in result.topics}
        _, total = overall_progress(t, iv, child)
        own = {tp.key for tp in t.topics() if tp.ask == "child"}  # shown as not asked of a parent
        assert total == len(keys[child.name] - own), child.name
    assert "safe_sleep_crying" in keys["Bo Fictional"] and "people_and_online" not in keys["Bo Fictional"]
    assert {"people_and_online", "bullying", "mood_wellbeing"} <= keys["Cy Fictional"]
    assert "safe_sleep_crying" not in keys["Cy Fictional"]
    assert t.topic("people_and_online").seen_alone and t.topic("mood_wellbeing").seen_alone


def test_the_disabled_template_asks_balanced_questions_through_someone_independent(library):
    t = library.get("disabled")
    leading = ["Is it comfy", "Do you get enough", "Do you have your medicine", "Do you like the bus",
               "Do you eat tea with", "Is someone with you", "Does someone come when", "Do you like going",
               "Do the grown-ups at home have time", "Do you get to choose"]
    children = " ".join(topic.child for topic in t.topics())
    for words in leading:
        assert words not in children, words
    assert "bruising in non-mobile babies" in t.topic("safe_sleep_crying").observe
    assert "fabricated or induced illness" in t.topic("appointments").professional
    assert "STOMP" in t.topic("medication").professional
    assert "as unrestrictive as they can be" in t.topic("safety_supervision").professional
    assert "Do not ask to watch intimate care" in t.topic("waking_personal_care").observe
    seizures = t.topic("seizures_emergency")
    assert seizures.measures[0].scale == "in_place" and "rescue medicine" in seizures.professional
    assert "a lot of work" not in t.topic("carer_capacity").parent


@pytest.mark.parametrize("ages", ["[24, 0]", "[0, 300]", "12", "[0, 1, 2]"])
def test_the_validator_refuses_ages_that_make_no_sense(tmp_path, ages):
    folder = copied_templates(tmp_path)
    path = folder / "disabled.toml"
    path.write_text(path.read_text("utf-8").replace("ages = [0, 24]", f"ages = {ages}"), "utf-8")
    problems = " | ".join(p.message for p in load_library(folder).problems)
    assert "should be two ages in whole months, the first lower" in problems
