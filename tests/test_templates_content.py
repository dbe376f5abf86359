"""The six built-in templates against DOMAIN.md: stages, topics, tags and wording."""

import re

import pytest

from dayinlife.prompts import PRONOUN_SETS, SAMPLE_NAMES, render_prompt
from dayinlife.vocab import ChildVoice, NeglectType, StageKind

# For each template: its stages in order, and the topic keys that carry DOMAIN.md section 2's rows.
EXPECTED = {
    "prebirth": (
        ["waking", "day", "evening", "night", "getting_ready", "imagined_feeds", "imagined_day",
         "imagined_night", "weekend", "holidays", "other_carers", "support_history"],
        ["parents_day_now", "antenatal_care", "substances", "diet_health", "relationships_safety",
         "getting_ready", "imagined_feeds", "imagined_sleep", "imagined_crying", "feelings_about_baby",
         "support", "money_home", "own_childhood"],
    ),
    "baby": (
        ["waking", "feeds", "nappy_dressing", "sibling_school_run", "day", "naps", "evening", "bedtime",
         "night", "weekend", "holidays", "other_carers", "other_needs"],
        ["waking", "milk_feeds", "feeding_hygiene", "special_feeding", "nappy_dressing",
         "sibling_school_run", "daytime_play", "naps", "bath_evening", "bedtime", "night", "health",
         "home_safety", "other_carers"],
    ),
    "preschool": (
        ["waking", "breakfast", "washing_dressing", "nursery", "lunch", "nap", "afternoon", "teatime",
         "bath", "bedtime", "night", "weekend", "holidays", "other_carers"],
        ["getting_up", "meals", "washing_teeth_toilet", "clothes", "nursery", "play_screens",
         "speech_development", "supervision", "rules_feelings", "bath_bedtime", "night",
         "weekend_changes", "other_carers"],
    ),
    "primary": (
        ["waking", "breakfast", "dressing", "washing", "journey", "school", "after_school", "teatime",
         "evening", "bedtime", "night", "weekend", "holidays", "other_carers", "health"],
        ["getting_up", "breakfast", "clothes", "washing_teeth", "journey", "at_school",
         "friends_bullying", "after_school", "teatime", "evening_screens", "bedtime", "night", "health",
         "weekend_changes", "holidays"],
    ),
    "teenager": (
        ["morning", "school", "after_school", "evening", "bedtime", "night", "weekend", "holidays",
         "other_carers", "health_independence"],
        ["waking_ready", "hygiene_clothes", "food", "school", "friends_relationships", "whereabouts",
         "online_phone", "jobs_caring", "family_time", "health_mental_health", "sleep",
         "independence_identity"],
    ),
    "disabled": (
        ["waking", "morning", "journey", "day", "after_school", "teatime", "evening", "bedtime", "night",
         "weekend", "holidays", "other_carers", "health_support", "keeping_safe"],
        ["waking_personal_care", "feeding", "medication", "equipment", "appointments", "communication",
         "school_transport", "stimulation_inclusion", "safety_supervision", "night_care",
         "short_breaks", "carer_capacity", "autonomy"],
    ),
}

FAMILY_FIELDS = ("child", "parent", "parent_own", "parent_impact")
JARGON = re.compile(r"\b(neglect\w*|safeguard\w*|developmental|attachment|presenting|"
                    r"assessment framework|parenting capacity|significant harm)\b", re.I)
# Verb agreement mistakes that pronoun placeholders make easy, e.g. "does {{ they }}" -> "does they".
BAD_GRAMMAR = re.compile(r"\b(does they|is they|has they|was they|they is|they has|they was|they does|"
                         r"she are|he are|she have|he have|she were|he were|"
                         r"do she|do he|are she|are he|were she|were he)\b", re.I)


def test_exactly_the_six_templates(library):
    assert set(library.templates) == set(EXPECTED)
    assert [t.id for t in library.ordered()] == ["prebirth", "baby", "preschool", "primary", "teenager", "disabled"]


@pytest.mark.parametrize("template_id", EXPECTED)
def test_stages_and_domain_topics_are_all_there(library, template_id):
    template = library.get(template_id)
    stages, keys = EXPECTED[template_id]
    assert [s.id for s in template.stages] == stages
    present = {t.key for t in template.topics()}
    assert not set(keys) - present, f"missing topics: {sorted(set(keys) - present)}"
    assert template.topic_count >= 12
    assert all(stage.topics for stage in template.stages)


@pytest.mark.parametrize("template_id", EXPECTED)
def test_walk_has_the_weekday_then_weekends_holidays_and_other_carers(library, template_id):
    kinds = [s.kind for s in library.get(template_id).stages]
    for needed in (StageKind.WEEKEND, StageKind.HOLIDAYS, StageKind.OTHER_CARERS):
        assert needed in kinds
    first_later = min(i for i, k in enumerate(kinds) if not k.is_time_of_day)
    assert all(k.is_time_of_day for k in kinds[:first_later])
    assert not any(k.is_time_of_day for k in kinds[first_later:])


@pytest.mark.parametrize("template_id", EXPECTED)
def test_all_six_neglect_types_across_the_template(library, template_id):
    assert library.get(template_id).neglect_types == set(NeglectType)


@pytest.mark.parametrize("template_id", EXPECTED)
def test_parent_prompts_cover_elements_two_and_three(library, template_id):
    template = library.get(template_id)
    for stage in template.stages:
        if stage.kind.is_time_of_day:
            assert any(t.parent_own and t.parent_impact for t in stage.topics), (
                f"stage {stage.id} asks nothing about the parent's own day and its effect")


@pytest.mark.parametrize("template_id", EXPECTED)
def test_comparable_answers_are_offered(library, template_id):
    template = library.get(template_id)
    measured = [t for t in template.topics() if t.measures]
    assert len(measured) >= template.topic_count // 2




@pytest.mark.parametrize("template_id, voice", [("prebirth", ChildVoice.BABY), ("baby", ChildVoice.BABY),
                                               ("disabled", ChildVoice.OWN_MODE)])
def test_templates_that_observe_say_what_to_observe(library, template_id, voice):
    template = library.get(template_id)
    assert template.child_voice is voice
    assert all(t.observe for t in template.topics())
    if voice is ChildVoice.BABY:  # the baby's voice: "I", "me", "my"
        in_voice = [t for t in template.topics() if re.search(r"\b(I|me|my|I'm)\b", t.child)]
        assert len(in_voice) >= template.topic_count * 0.8


@pytest.mark.parametrize("template_id", EXPECTED)
def test_family_wording_has_no_professional_jargon(library, template_id):
    template = library.get(template_id)
    texts = [getattr(t, f) for t in template.topics() for f in FAMILY_FIELDS]
    texts += template.common.wording()
    offenders = [x for x in texts if JARGON.search(x)]
    assert not offenders


@pytest.mark.parametrize("template_id", EXPECTED)
@pytest.mark.parametrize("pronouns", list(PRONOUN_SETS))
def test_every_prompt_reads_well_for_every_child(library, template_id, pronouns):
    template = library.get(template_id)
    sources = [m.label for t in template.topics() for m in t.measures]
    sources += [getattr(t, f) for t in template.topics()
                for f in FAMILY_FIELDS + ("observe", "professional") if getattr(t, f)]
    sources += template.common.wording()
    for name in SAMPLE_NAMES:
        for source in sources:
            text = render_prompt(source, name, pronouns)
            assert "{{" not in text and "}}" not in text
            assert not BAD_GRAMMAR.search(text), f"{template_id}/{pronouns}: {text!r}"
            if "{{ name }}" in source:
                assert name in text


def test_agencies_and_measure_scales_exist(library):
    for template in library.templates.values():
        for topic in template.topics():
            assert topic.agencies
            for m in topic.measures:
                assert m.scale in template.scales


@pytest.mark.parametrize("template_id, topic_key, measure_id", [
    ("baby", "bath_evening", "how_often"), ("preschool", "bath_time", "how_often"),  # a daily bath is not needed
    ("baby", "waking", "regular"), ("baby", "naps", "regular"),                      # newborns have no pattern
    ("prebirth", "feelings_about_baby", "talks"),                                    # weak and culturally loaded
    ("prebirth", "parents_day_now", "regular"), ("prebirth", "weekend_changes", "regular"),  # shift workers
    ("prebirth", "nights_now", "regular"),                                           # shift workers too
])
def test_no_better_end_where_the_practice_review_found_it_loaded(library, template_id, topic_key, measure_id):
    """Issue 12: these marked as better things that are not, or punished ordinary family life."""
    measure = next(m for m in library.get(template_id).topic(topic_key).measures if m.id == measure_id)
    assert measure.good == ""


# ---------------------------------------------------------------------------- the practice review's rewrites

# Words the practice review found accusing or leading, in prompts a family member reads or hears.
ACCUSING = {
    "baby": ["sober", "left to cry", "left behind"],
    "prebirth": ["Am I wanted", "a body and a home free from"],
}


@pytest.mark.parametrize("template_id", sorted(ACCUSING))
def test_no_prompt_a_carer_reads_accuses_them(library, template_id):
    t = library.get(template_id)
    family = " ".join(getattr(topic, f) for topic in t.topics() for f in FAMILY_FIELDS)
    for words in ACCUSING[template_id]:
        assert words.lower() not in family.lower(), words


def test_pre_birth_asks_about_children_elsewhere_and_mood_on_their_own_topics(library):
    t = library.get("prebirth")
    elsewhere = t.topic("children_elsewhere")
    assert elsewhere.ask == "adults" and "social workers or a court" in elsewhere.parent
    assert "records" in elsewhere.professional and "pre-birth protocol" in elsewhere.professional
    assert "live somewhere else" not in t.topic("other_children").parent_own  # asked of each parent alone
    assert elsewhere.seen_alone and t.topic("own_childhood").seen_alone
    mood = t.topic("mood_mental_health")
    assert mood.ask == "adults" and "not wanting to be alive" in mood.parent_own
    assert "perinatal mental health team" in mood.professional
    assert "mind" not in t.topic("diet_health").parent_own
    # each adult's own use is asked in words, never set one partner's answer against the other's
    assert {m.id for m in t.topic("substances").measures} == {"smoke_free_home"}
    assert "tell me as much or as little as you want" in t.topic("own_childhood").parent_own
    assert "as safe as you can" in t.topic("imagined_sleep").parent_impact
    assert "If you can feel the baby moving yet" in t.topic("feelings_about_baby").parent
    assert "concealed or denied pregnancy" in t.topic("antenatal_care").professional
    assert "every man who will be around the baby" in t.topic("relationships_safety").professional


def test_baby_names_the_bruising_protocol_wherever_the_baby_is_seen_undressed(library):
    t = library.get("baby")
    for key in ("crying_soothing", "nappy_dressing", "bath_evening"):
        observe = t.topic(key).observe
        assert "bruising in non-mobile babies" in observe and "same day" in observe, key
    assert "walk and climb" in t.topic("home_safety").child
    assert "button batteries" in t.topic("home_safety").observe
    assert "how do you know when" in t.topic("milk_feeds").parent.lower()


@pytest.mark.parametrize("template_id, topic_key, measure_id", [
    ("baby", "feeding_hygiene", "clean"), ("baby", "nappy_dressing", "how_often"),
    ("baby", "crying_soothing", "how_often"), ("baby", "naps", "safe_place"), ("baby", "night", "comforted"),
    ("prebirth", "antenatal_care", "kept"), ("baby", "health", "kept"), ("primary", "feelings_and_rules", "comfort"),
    ("teenager", "whereabouts", "how_often"), ("disabled", "appointments", "how_often"),
    ("primary", "teeth_eyes_ears", "aids_worn"),
])
def test_questions_about_each_time_use_the_each_time_scale(library, template_id, topic_key, measure_id):
    m = next(m for m in library.get(template_id).topic(topic_key).measures if m.id == measure_id)
    assert m.scale == "each_time"


def test_a_preschool_child_is_never_shown_a_measure_and_is_asked_about_here_and_now(library):
    t = library.get("preschool")
    assert all(not m.for_child for topic in t.topics() for m in topic.measures)
    assert t.topic("night").child.startswith("Tell me about a time you woke up")
    assert "best day out" not in t.topic("holiday_changes").child
    assert "dolls" in t.topic("bath_bedtime").child and "Who gives you your bath" not in t.topic("bath_time").child
    assert "one open follow-up only" in t.topic("poorly_and_hurt").professional
    assert "unlawful in Scotland since 2020 and in Wales since 2022" in t.topic("rules_feelings").professional
    assert "four nations" in t.topic("nursery").professional
    assert "hot or proper" not in t.topic("teatime").professional
    assert t.topic("who_i_am").child == "Who is in your family?"


def test_the_primary_child_is_asked_one_thing_at_a_time_and_home_worries_alone(library):
    t = library.get("primary")
    assert t.topic("feelings_and_rules").child == "When you feel sad or worried, who do you go to?"
    assert "Never repeat the child's answer to a parent" in t.topic("feelings_and_rules").professional
    for key, closed in (("clothes", "Can you always"), ("school_lunch", "still hungry"),
                        ("holidays", "enough to eat"), ("journey", "ever get there late"), ("bedtime", "comfy and warm")):
        assert closed not in t.topic(key).child, key
    worries = t.topic("worries_at_home")
    assert worries.seen_alone and worries.ask == "child" and "three houses" in worries.child.lower()
    assert "privately fostered" in t.topic("other_carers").professional
    assert "Operation Encompass" in t.topic("night").professional
    assert "languages" in t.topic("my_family").child


@pytest.mark.parametrize("template_id", ["primary", "teenager", "disabled"])
def test_every_question_put_to_a_child_has_the_childs_own_words(library, template_id):
    t = library.get(template_id)
    for topic in t.topics():
        for m in topic.measures:
            if m.for_child and topic.for_child:
                assert m.child_label and "{{ name }}" not in m.child_label, (topic.key, m.id)
                assert m.child_label.endswith("?"), (topic.key, m.id)  # asked, as a question
    assert "proper" not in " ".join(m.label for topic in library.get("teenager").topics() for m in topic.measures)


def test_a_disabled_child_is_never_asked_about_plans_support_or_how_regular_things_are(library):
    t = library.get("disabled")
    for topic in t.topics():
        for m in topic.measures:
            if m.scale == "routine" or m.id in ("plan", "support", "in_place", "working", "safe_home", "aid"):
                assert not m.for_child, (topic.key, m.id)


def test_no_measure_asks_two_things_at_once(library):
    """The review's double questions are split: a GP and a dentist, glasses had and worn, a bed and bedding."""
    labels = [m.label for t in library.templates.values() for topic in t.topics() for m in topic.measures]
    for double in ("a GP and a dentist", "and uses them", "own with clean, warm bedding"):
        assert not any(double in label for label in labels), double
    assert {"gp_registered", "dentist_registered"} <= {
        m.id for m in library.get("teenager").topic("health_mental_health").measures}
    assert {"bed_own", "bedding_clean"} <= {m.id for m in library.get("primary").topic("bedtime").measures}
    assert {"bed_own", "bedding_clean"} <= {m.id for m in library.get("teenager").topic("sleep").measures}


def test_a_child_who_hardly_ever_does_something_says_not_often(library):
    for name in ("frequency", "each_time"):
        assert library.get("primary").scales[name].option("rarely").child_label == "Not often"


def test_caring_is_measured_by_what_it_costs_the_child_not_by_helping(library):
    """Ordinary helping is not harm: what is counted is caring that stops play, friends, sleep or school."""
    for template_id, key in (("primary", "jobs_and_caring"), ("teenager", "jobs_caring")):
        (m,) = [m for m in library.get(template_id).topic(key).measures]
        assert m.id == "caring_stops" and m.good == "last" and "stops" in m.label, template_id


def test_the_second_practice_reading_is_answered(library):
    """What a second reading as a safeguarding practitioner found (issue 12)."""
    for t in library.templates.values():
        for opening in (t.common.opening_child, t.common.opening_parent):
            # never a promise to tell the family first: some concerns must not be raised with them
            assert "I will tell you if I do" not in opening, t.id
        if "act on it" in t.common.opening_parent:
            assert "unless that could put someone at risk" in t.common.opening_parent, t.id
    pre = library.get("prebirth")
    assert pre.topic("mood_mental_health").seen_alone and pre.topic("children_elsewhere").seen_alone
    disabled = library.get("disabled")
    assert disabled.topic("safe_to_talk").seen_alone and disabled.topic("safe_to_talk").ask == "adults"
    assert disabled.topic("own_use").seen_alone and disabled.topic("going_missing").ages == (120, 216)
    for key in ("people_and_online", "bullying", "mood_wellbeing", "appointments"):
        child = disabled.topic(key).child
        assert not re.search(r"\b(Has anyone|Do you ever|does anyone|Does anything)\b", child), key
    assert "independent of the concerns" in disabled.topic("communication").professional
    assert "facilitated communication" in disabled.topic("communication").professional
    primary = library.get("primary")
    assert all(t.observe for t in (primary.topic(k) for k in ("breakfast", "clothes", "bedtime", "health")))
    assert "cross with you" in primary.topic("worries_at_home").child
    assert not next(m for m in primary.topic("night").measures if m.id == "woken").for_child
    for t in library.templates.values():
        for topic in t.topics():
            for field in ("child", "parent", "parent_own"):
                assert "proper" not in getattr(topic, field), (t.id, topic.key, field)
