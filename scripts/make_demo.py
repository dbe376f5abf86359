"""Build the fictional demo families and write them to resources/demo/*.json.

    .venv/bin/python scripts/make_demo.py [FOLDER]

Every name, place and event here is invented for training: no real family, worker or school.
The app never runs this script: it imports the JSON files it writes (see dayinlife/demo.py), so
the files are committed. Re-run it after changing a template so the snapshots stay current.
"""

from __future__ import annotations

import sys
import uuid
from datetime import date, datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dayinlife import people  # noqa: E402
from dayinlife.analysis import Action, Analysis, ScaleRating  # noqa: E402
from dayinlife.case import Adult, AdultRole, Case, Child, Drawing, Perspective, PerspectiveKind, Worry  # noqa: E402
from dayinlife.chronology import Effect, Event, EventDate  # noqa: E402
from dayinlife.oversight import Outcome, Review, Version  # noqa: E402
from dayinlife.scores import Score, ScoreSet  # noqa: E402
from dayinlife.family import Bond, Details, Family, Gender, Link, Relative, Role  # noqa: E402
from dayinlife.interchange import write_case_file  # noqa: E402
from dayinlife.template_loader import load_library  # noqa: E402
from dayinlife.vocab import NeglectType as N  # noqa: E402

LIB = load_library()
CHILD, PARENT, PRO = PerspectiveKind.CHILD, PerspectiveKind.PARENT, PerspectiveKind.PROFESSIONAL
WORKER = "Robin Quill (demo social worker)"
STAMP = datetime(2026, 11, 1, 9, 0, tzinfo=timezone.utc)
_NS = uuid.UUID("5b0c1a52-6d1e-4c8e-9a55-0d3e0de70000")


def sid(*parts: str) -> str:
    """Stable ids, so re-running the script changes only what changed."""
    return uuid.uuid5(_NS, "/".join(parts)).hex


def bedtime_drawing() -> bytes:
    """A child's drawing of bedtime, made for the demo (the same bytes every time): a bed upstairs with
    a child and a pillow, two people downstairs with zigzag lines for shouting, a moon."""
    import io

    from PIL import Image, ImageDraw

    im = Image.new("RGB", (1000, 750), "white")
    d = ImageDraw.Draw(im)
    d.line([(60, 400), (940, 400)], fill="#7A4A24", width=10)                        # the floor between
    d.rectangle([(120, 260), (520, 360)], outline="#1B65D6", width=10)              # the bed
    d.ellipse([(140, 220), (220, 290)], outline="#222222", width=9)                 # Maisie's head
    d.rounded_rectangle([(230, 230), (330, 280)], radius=20, outline="#F2C200", width=9)  # the pillow
    d.ellipse([(760, 60), (860, 160)], outline="#F2C200", width=9)                  # the moon
    for x in (300, 600):                                                            # Mum and Lee
        d.ellipse([(x, 470), (x + 70, 540)], outline="#222222", width=9)
        d.line([(x + 35, 540), (x + 35, 650), (x, 710)], fill="#222222", width=9)
        d.line([(x + 35, 650), (x + 70, 710)], fill="#222222", width=9)
    for y in (470, 500, 530):                                                       # shouting
        d.line([(420, y), (440, y - 20), (460, y), (480, y - 20), (500, y)], fill="#D7263D", width=7)
    out = io.BytesIO()
    im.save(out, "PNG", optimize=True)
    return out.getvalue()


def A(text="", m=None, f=None, b="", own="", imp="", src="", notes="", also=(), sensitive=False, well="",
      sort=""):
    """One answer; `sort`: the pile the child put this topic's card on in child mode (sort.py)."""
    return dict(text=text, m=m or {}, f=f, b=b, own=own, imp=imp, src=src, notes=notes, also=list(also),
                sensitive=sensitive, well=well, sort=sort)


def _default(measure, scale):
    ranked = [o.value for o in scale.options if not o.unranked and not o.retired] or list(scale.values)
    if measure.good == "first":
        return ranked[0]
    if measure.good == "last":
        return ranked[-1]
    if measure.scale == "who":
        return "parent_carer"
    return scale.values[1]


def _named(value, case, child, adult):
    """The demo's who answers name people, as a practitioner now records them: "a parent or carer"
    is the parent speaking (each means "me"), or else the first adult; "shared" the first two adults;
    "a brother or sister" another child of the case."""
    if value == "parent_carer":
        return people.named(adult.id if adult else case.adults[0].id)
    if value == "shared":
        return people.named(*[a.id for a in case.adults[:2]])
    if value == "sibling":
        others = [c.id for c in case.children if c.id != child.id]
        return people.named(others[0]) if others else "other_adult"
    return value


# Questions about each occasion moved from how-often to the each-time scale: the demo's answers follow.
_EACH_TIME = {"every_day": "always", "most_days": "usually", "sometimes": "sometimes", "rarely": "rarely",
              "never": "never"}


# Measures that moved to a better-fitting scale under a new id: the demo's answers follow them.
_MOVED = {"gp_registered": "gp", "dentist_year": "dentist", "dentist_registered": "dentist",
          "out_weekends": ("outings", "out"), "booked_in": "booked", "bed_own": "own_bed", "bedding": "own_bed",
          "go_ahead": "how_often", "jabs_up_to_date": "jabs", "checks_up_to_date": "checks",
          "injections_up_to_date": "injections", "smoke_free_home": "smoke_free", "home_ready": "home",
          "safe_sleep_place": "sleep_space", "settled_home": "home", "bedding_clean": ("bedding", "own_bed"),
          "knows_friends": "known", "knows_where": "known"}
_ON_SCALE = {
    "essential": {"not_needed": "not_sure"},
    "yes_no": {"partly": "no", "not_sure": "dont_know", "not_needed": "dont_know", "not_seen": "dont_know"},
    "weekends": {"every_day": "every_weekend", "most_days": "most_weekends", "sometimes": "some_weekends"},
    "each_time": _EACH_TIME,
    # the faces: three for young and disabled children, a baby's states for a baby
    "faces3": {"very_happy": "happy", "very_unhappy": "unhappy"},
    "baby_state": {"very_happy": "alert", "happy": "settled", "okay": "settled", "unhappy": "unsettled",
                   "very_unhappy": "distressed"},
}


def _given(spec_m, measure):
    """The demo's answer for a measure, under its id or the id it had before it moved."""
    if measure.id in spec_m:
        return spec_m[measure.id]
    old = _MOVED.get(measure.id, ())
    for old_id in (old,) if isinstance(old, str) else old:
        if old_id in spec_m:
            return spec_m[old_id]
    return None


def _on(scale, value):
    """A value given on an older scale, as the scale now asks it."""
    value = _ON_SCALE.get(scale.name, {}).get(value, value)
    return value if value is None or value in scale.values or people.is_named(value) else None


def interview(case, child, kind, template_id, held_on, answers, key, adult=None, **details):
    template = LIB.get(template_id)
    perspective = Perspective(kind, adult.id if adult else None)
    iv = case.start_interview(child, perspective, template, held_on, practitioner=WORKER, **details)
    iv.id = sid(case.reference, child.name, key)
    iv.created = iv.updated = STAMP
    answers = {**answers, **MORE.get((child.name, key), {})}
    for topic_key, spec in answers.items():
        topic = template.topic(topic_key)
        a = iv.answer(topic_key)
        a.text, a.better, a.own_day, a.impact = spec["text"], spec["b"], spec["own"], spec["imp"]
        a.source, a.notes, a.updated = spec["src"], spec["notes"], STAMP
        # where the faces are each adult's own feelings (pre-birth), nobody records the baby's
        faces = not template.common.own_feelings or kind is PARENT
        a.feeling = _on(template.feelings, spec["f"]) if faces else None
        a.also_felt, a.sensitive, a.well, a.sort = spec["also"], spec["sensitive"], spec["well"], spec["sort"]
        a.measures = {m.id: _given(spec["m"], m) for m in topic.measures}
        a.measures = {mid: _named(v, case, child, adult) for mid, v in a.measures.items()}
        a.measures = {m.id: _on(template.scales[m.scale], a.measures[m.id]) or _default(m, template.scales[m.scale])
                      for m in topic.measures}
    return iv


def analysis(case, child, interviews, *, neglect, strengths, worries, now, unchanged, actions, ratings):
    an = Analysis(child.id, [iv.id for iv in interviews], strengths=strengths, worries=worries,
                  impact_now=now, impact_if_unchanged=unchanged, practitioner=WORKER, updated=STAMP)
    an.tried_before, an.capacity, an.prognosis = LIKELIHOOD.get((case.reference, child.called), ("", "", ""))
    for n, text in neglect.items():
        an.judgement(n).narrative = text
    an.actions = [Action(what, who, by) for what, who, by in actions]
    an.ratings = [ScaleRating(p, s, r) for p, s, r in ratings]
    case.analyses[child.id] = an


HARM, GOOD, UNSURE = Effect.HARMFUL, Effect.GOOD, Effect.NOT_KNOWN
MANAGER = "Jan Okafor (demo team manager)"


def oversight(case, child, steps):
    """Versions kept and reviews, in order: ("keep", when, changes) keeps the analysis as it was with
    `changes` (field -> the earlier text) undone; ("review", when, outcome, comments)."""
    an = case.analyses[child.id]
    for step in steps:
        if step[0] == "keep":
            _, when, earlier = step
            data = {**an.content(), **earlier}
            n = len(an.versions) + 1
            an.versions.append(Version(n, when, WORKER, data, sid(case.reference, child.name, "version", str(n))))
        else:
            _, when, outcome, comments = step
            n = len(an.reviews) + 1
            an.reviews.append(Review(an.versions[-1].number, MANAGER, when, outcome, comments,
                                     sid(case.reference, child.name, "review", str(n))))

# The likelihood of change, as the demo social worker judged it: (tried before, capacity, prognosis).
LIKELIHOOD = {
    ("DEMO-0001 Hartley", "Maisie"): (
        "School offered breakfast informally in 2024 and wrote about Maisie's teeth; neither was followed up at "
        "home. The police notification in 2021 led to no further action.",
        "Since May Dawn has taken every offer up: the grant, the dentist, a GP appointment, a bedtime routine. "
        "What gets in the way is her low mood and broken nights with Alfie; Lee and Nana Pearl help.",
        "Good if the routine holds through the winter and Dawn's mood is treated: Maisie's words in October "
        "show real change in five months. Review in January; if breakfast and bedtime slip again, a child in "
        "need plan."),
    ("DEMO-0001 Hartley", "Alfie"): (
        "Safe-sleep advice was given at the new-birth visit and again in May.",
        "Dawn responds warmly and quickly to Alfie; she has not yet seen the sofa as a risk.",
        "Uncertain until the Moses basket is used for every daytime nap; the health visitor checks in June."),
    ("DEMO-0002 Pennyworth", "Jordan"): (
        "Attendance letters since Year 2; an early help offer in 2024 closed when Karen did not reply.",
        "Karen wants things to change but works two jobs; Jordan has started to talk to his head of year.",
        "Poor without someone at home in the mornings and evenings: Jordan's GCSEs are eighteen months away."),
    ("DEMO-0003 Ashdown", "Sam"): (
        "Short breaks worked well until the provider closed in December 2025.",
        "Michelle and Ray know Sam's needs in detail and ask for help; exhaustion is what gets in the way.",
        "Good once short breaks restart: the care itself is loving and skilled."),
    ("DEMO-0004 Fenwick", "Baby"): (
        "Nothing before this pregnancy; the midwife's advice on iron and smoking has been taken up.",
        "Chloe has stopped smoking and keeps antenatal appointments; the violence at home is not yet "
        "acknowledged by Dan.",
        "Unclear: depends on the domestic abuse work before the baby is due in January."),
}


def chronology(case, events):
    """The case's significant events: (when, source, what, impact, effect, action, children, types).
    `when` is (year, month) or (year, month, day); children are given by first name, none for the
    whole family."""
    by_name = {c.called: c.id for c in case.children}
    for n, (when, source, what, impact, effect, action, children, types) in enumerate(events):
        case.chronology.append(Event(EventDate(*when), what, source, impact, effect, action,
                                     [by_name[c] for c in children], list(types), sid(case.reference, "event", str(n)),
                                     STAMP, STAMP))


def scores(case, sets):
    """Scores from other tools: (measure, day, {area: score}, by, children by first name, notes, name)."""
    by_name = {c.called: c.id for c in case.children}
    for n, (measure, on, given, by, children, notes, *name) in enumerate(sets):
        case.scores.append(ScoreSet(measure, on, [Score(a, v) for a, v in given.items()], name[0] if name else "", by,
                                    "", [by_name[c] for c in children], notes, id=sid(case.reference, "scores", str(n)),
                                    updated=STAMP))


def new_case(reference, adults, children):
    case = Case(reference, practitioner=WORKER, id=sid(reference), created=STAMP, updated=STAMP)
    for a in adults:
        a.id = sid(reference, a.name)
    for c in children:
        c.id = sid(reference, c.name)
    case.adults, case.children = adults, children
    return case


# ---------------------------------------------------------------------------------------------
# 1. The Hartleys of Brambleford: Maisie (8, primary) and Alfie (baby)
# ---------------------------------------------------------------------------------------------

def hartley() -> Case:
    dawn = Adult("Dawn Hartley", AdultRole.MOTHER)
    lee = Adult("Lee Cotter", AdultRole.OTHER, role_detail="mum's partner")
    maisie = Child("Maisie Hartley", date_of_birth=date(2018, 3, 14), pronouns="she")
    alfie = Child("Alfie Hartley", date_of_birth=date(2026, 1, 20), pronouns="he")
    case = new_case("DEMO-0001 Hartley", [dawn, lee], [maisie, alfie])

    m_child = interview(case, maisie, CHILD, "primary", date(2026, 5, 12), {
        "getting_up": A("My alarm on my tablet wakes me up. Mum is asleep because Alfie was up. I get myself up.",
                        {"who": "child_self", "regular": "varies"}, "okay", b="If Mum woke me up with a cuddle."),
        "breakfast": A("There's not usually anything. Sometimes dry cereal from the box. I'm usually hungry "
                       "until playtime when I get toast at school.",
                       {"how_often": "rarely", "who": "child_self"}, "unhappy", b="Toast at home like at Nana's."),
        "clothes": A("I find my uniform on the floor. My tights have got holes and someone said I smell.",
                     {"clean": "sometimes", "who": "child_self"}, "very_unhappy", b="Clean tights."),
        "washing_teeth": A("I brush my teeth when I remember. My toothbrush is really old and squashed.",
                           {"how_often": "sometimes", "basics": "partly"}, "okay"),
        "journey": A("Lee drives me if he's up, or I walk with my friend Harriet and her mum.",
                     {"who": "varies", "on_time": "most_days"}, "happy"),
        "at_school": A("I love Miss Penrose and I'm on the gold table for reading. Maths is hard.",
                       {"attends": "most_days", "enjoys": "every_day"}, "very_happy"),
        "friends_bullying": A("Harriet is my best friend. Some girls in Year 4 say my hair is messy.",
                              {"plays_with": "every_day"}, "okay"),
        "school_lunch": A("School dinners. I always have seconds if there is any.", {"how_often": "every_day"}, "happy"),
        "after_school": A("I go home and watch telly. Mum's sometimes asleep with Alfie.",
                          {"who": "parent_carer", "homework": "rarely"}, "okay"),
        "teatime": A("Sometimes pizza, sometimes noodles. I eat on the settee. Lee cooks at the weekend.",
                     {"how_often": "most_days", "together": "rarely"}, "okay"),
        "evening_screens": A("I play on my tablet in bed. Nobody takes it off me.",
                             {"rules": "no", "together": "rarely"}, "happy"),
        "bedtime": A("I go to bed when I'm tired. Sometimes it's really late.",
                     {"regular": "no_routine", "bed_own": "yes", "bedding": "yes"}, "okay", b="A story like before Alfie was born."),
        "night": A("Alfie cries a lot and it wakes me up. Mum and Lee shout sometimes.",
                   {"woken": "most_days", "who": "nobody"}, "unhappy", also=["scared"]),
        "weekend_changes": A("I go to Nana Pearl's on Saturdays. She makes pancakes.",
                             {"regular": "mostly_same", "outings": "most_days"}, "very_happy"),
        "health": A("My tooth hurts when I eat cold things.", {"gp": "not_sure", "medicines": "parent_carer"}, "unhappy",
                    also=["hurting"]),
    }, "child-1", place="Puddlecombe Primary School, quiet room", present="Mrs Okafor-Lane, learning mentor")

    m_parent = interview(case, maisie, PARENT, "primary", date(2026, 5, 14), {
        "getting_up": A("I get her up at half seven every day, she's good as gold.", {"who": "parent_carer",
                        "regular": "same_each_day"}, "happy",
                        own="I'm up most of the night with Alfie so mornings are a blur.",
                        imp="She's very independent, she doesn't need me much."),
        "breakfast": A("She has breakfast every day, cereal and juice, before school.",
                       {"how_often": "every_day", "who": "parent_carer"}, "happy",
                       own="I don't eat breakfast myself, I just have coffee.",
                       imp="She's never gone without."),
        "clothes": A("Her uniform's washed at the weekend. The machine's been broken since March though.",
                     {"clean": "most_days", "who": "parent_carer"}, "okay", b="A working washing machine.",
                     imp="She might have to wear things twice."),
        "washing_teeth": A("She does her own teeth, she's eight.", {"how_often": "every_day"}, "okay"),
        "journey": A("Lee runs her in the car.", {"who": "other_adult", "on_time": "every_day"}, "happy"),
        "at_school": A("She loves school, her teacher's lovely.", {"attends": "every_day", "enjoys": "every_day"},
                       "very_happy"),
        "after_school": A("She comes in and has a snack and watches her programmes while I do Alfie's tea.",
                          {"who": "parent_carer", "homework": "sometimes"}, "happy",
                          own="That's when I'm shattered, I sometimes nod off."),
        "teatime": A("We all have tea together at six.", {"how_often": "every_day", "together": "every_day"}, "happy"),
        "evening_screens": A("Tablet goes off at eight.", {"rules": "yes", "together": "most_days"}, "okay"),
        "bedtime": A("Bed at eight, half eight at the latest.", {"regular": "same_each_day", "bed_own": "yes", "bedding": "yes"}, "okay",
                     own="I go to bed when Alfie goes down, about ten."),
        "night": A("She sleeps through, she doesn't hear Alfie.", {"woken": "rarely", "who": "parent_carer"}, "happy",
                   own="Lee and me have had some rows. It's money mostly.",
                   imp="I don't think she hears it."),
        "weekend_changes": A("My mum has her Saturdays, which is a big help.",
                             {"regular": "mostly_same", "outings": "most_days"}, "very_happy"),
        "health": A("She's fine. I need to book her the dentist, we've not been since before lockdown... "
                    "well, a long time.", {"gp": "yes", "medicines": "parent_carer"}, "okay",
                    b="If the dentist had Saturday appointments."),
    }, "parent-1", adult=dawn, place="Family home, Wren Close, Brambleford")

    m_pro = interview(case, maisie, PRO, "primary", date(2026, 5, 20), {
        "breakfast": A("Maisie arrives most days saying she is hungry and asks for toast at breakfast club "
                       "doors before it opens. Staff have given her food on 11 of the last 15 school days.",
                       {"how_often": "rarely", "who": "child_self"},
                       src="Puddlecombe Primary: learning mentor log, April–May 2026"),
        "clothes": A("Uniform often unwashed; tights with holes; other children have commented on her smell.",
                     {"clean": "sometimes", "who": "child_self"}, src="Class teacher, Miss Penrose"),
        "journey": A("Late 9 times this half term; on those days she came on foot alone.",
                     {"who": "varies", "on_time": "sometimes"}, src="School attendance record"),
        "at_school": A("Attendance 91%. Bright, keen reader, works hard; tired by the afternoon.",
                       {"attends": "most_days", "enjoys": "most_days"}, src="School attendance record; class teacher"),
        "friends_bullying": A("Warm friendship with one girl; some unkind comments about appearance.",
                              {"plays_with": "every_day"}, src="Class teacher"),
        "school_lunch": A("Free school meals; eats everything and asks for more.", {"how_often": "every_day"},
                          src="Lunchtime supervisor"),
        "night": A("Maisie told her teacher about shouting at night twice this term.",
                   {"woken": "sometimes", "who": "nobody"},
                   src="School safeguarding log"),
        "health": A("Dental decay visible on lower back teeth; no dentist registration found. Last GP "
                    "contact 2024.", {"gp": "yes", "medicines": "parent_carer"},
                    src="School nurse; GP practice record"),
        "teeth_eyes_ears": A("Not seen by a dentist for over two years; failed the school eye check in "
                             "Reception and glasses were never collected.", {"dentist": "no", "aids_has": "no"},
                             src="School nurse"),
    }, "pro-1", place="Strategy meeting, Brambleford Family Hub", source="School: Puddlecombe Primary")

    m_child2 = interview(case, maisie, CHILD, "primary", date(2026, 10, 6), {
        "getting_up": A("Mum wakes me up now. She sings the silly song.", {"who": "parent_carer",
                        "regular": "mostly_same"}, "happy", well="The silly song. Alfie laughs at it too."),
        "breakfast": A("I have toast or cereal at home most days and breakfast club on Mondays. "
                       "I'm not hungry in the mornings now.", {"how_often": "most_days", "who": "parent_carer"},
                       "happy", b="Pancakes on Fridays!"),
        "clothes": A("The new washing machine came. My tights are new.", {"clean": "most_days",
                     "who": "parent_carer"}, "happy"),
        "washing_teeth": A("I got a new toothbrush at the dentist, it's purple.",
                           {"how_often": "most_days", "basics": "yes"}, "happy"),
        "journey": A("Mum walks me with Alfie in the pram.", {"who": "parent_carer", "on_time": "most_days"}, "happy"),
        "at_school": A("I'm still on gold table. I like science now.", {"attends": "every_day", "enjoys": "every_day"},
                       "very_happy"),
        "teatime": A("We eat at the table on Tuesdays and Sundays. Lee makes spag bol.",
                     {"how_often": "every_day", "together": "sometimes"}, "happy",
                     well="Lee lets me stir the sauce."),
        "evening_screens": A("Tablet goes in the kitchen at half seven. I don't like that bit.",
                             {"rules": "yes", "together": "sometimes"}, "okay"),
        "bedtime": A("Bed at eight. Mum reads a chapter of my book.", {"regular": "mostly_same", "bed_own": "yes", "bedding": "yes"},
                     "happy"),
        "night": A("Alfie still wakes up but not as much. There's less shouting.", {"woken": "sometimes",
                   "who": "parent_carer"}, "okay", also=["worried"]),
        "health": A("I had a filling. It doesn't hurt any more.", {"gp": "yes", "medicines": "parent_carer"}, "happy"),
    }, "child-2", place="Puddlecombe Primary School, quiet room", present="Mrs Okafor-Lane, learning mentor")
    # For a trainer: in child mode Maisie pressed "Something worries me" twice, once saying what.
    m_child2.worries += [
        Worry("bedtime", "worries_at_home", "When Mum and Lee argue it is loud and I put my pillow on my ears.",
              datetime(2026, 10, 6, 10, 41, tzinfo=timezone.utc), sid(case.reference, "Maisie Hartley", "worry-1")),
        Worry("school", "friends_bullying", "", datetime(2026, 10, 6, 10, 52, tzinfo=timezone.utc),
              sid(case.reference, "Maisie Hartley", "worry-2")),
    ]
    # ... and drew her bedtime, saying what it shows.
    m_child2.drawings.append(Drawing(bedtime_drawing(), "bedtime", "bedtime",
                                     "That's me in bed with my pillow. That's Mum and Lee shouting downstairs.",
                                     datetime(2026, 10, 6, 10, 47, tzinfo=timezone.utc),
                                     sid(case.reference, "Maisie Hartley", "drawing-1")))

    analysis(case, maisie, [m_child, m_parent, m_pro, m_child2], neglect={
        N.NUTRITIONAL: "Dawn's account (breakfast every day) and Maisie's (usually hungry, nothing at home) "
                       "differ, and school's log supports Maisie. By October Maisie says she eats most days.",
        N.PHYSICAL: "Unwashed uniform while the washing machine was broken; resolved with a grant in July.",
        N.MEDICAL: "Tooth pain, no dentist for two years and uncollected glasses. Dentist seen in September.",
        N.EMOTIONAL: "Maisie is woken by arguments and has had no bedtime routine since Alfie was born; "
                     "she is warm towards her mum and Nana Pearl.",
        N.SUPERVISION: "No rules on screens at night in May; now a clear routine.",
    }, strengths="Maisie loves school and reading; a strong bond with Nana Pearl; Dawn engaged quickly "
                 "once she saw Maisie's words; Lee cooks at weekends.",
       worries="Mornings depend on how Dawn's night was; Dawn's low mood and tiredness; arguments at night.",
       now="Maisie was hungry, tired and teased for her appearance, and had toothache.",
       unchanged="Continued hunger and tiredness would hold back her learning and her friendships; "
                 "untreated decay would mean pain and missed school.",
       actions=[("Breakfast club place on Mondays", "Puddlecombe Primary", date(2026, 6, 1)),
                ("Dentist registration and appointment", "Dawn, with the family support worker", date(2026, 7, 31)),
                ("Washing machine through the local welfare grant", "Family support worker", date(2026, 7, 15)),
                ("GP appointment about Dawn's low mood", "Dawn", date(2026, 6, 15)),
                ("Review Maisie's day with her again", WORKER, date(2026, 10, 9))],
       ratings=[("Dawn Hartley (mother)", 6, "Mornings are better now we've got a routine."),
                ("Maisie", 8, "I'm not hungry and Mum reads to me."),
                ("Social worker", 6, "Real change; needs to last through the winter.")])

    a_child = interview(case, alfie, CHILD, "baby", date(2026, 5, 14), {
        "waking": A("Observed: Alfie woke crying in his cot; Dawn came within a minute and lifted him, "
                    "talking softly. He quietened quickly.", {"who": "parent_carer", "regular": "varies"}, "unsettled"),
        "milk_feeds": A("Observed a bottle feed: held in Dawn's arms, good eye contact, Dawn smiling at him.",
                        {"regular": "mostly_same", "who": "parent_carer"}, "alert"),
        "feeding_hygiene": A("Bottles washed but not sterilised; steriliser in the cupboard unused.",
                             {"clean": "sometimes"}, "okay"),
        "nappy_dressing": A("Mild nappy rash; clean babygrow.", {"how_often": "most_days", "who": "parent_carer"},
                            "okay"),
        "daytime_play": A("Alfie lay in a bouncer facing the television for most of the visit. Very quiet; "
                          "he rarely looked round or reached for anything.",
                          {"how_often": "sometimes", "outings": "rarely"}, "withdrawn"),
        "naps": A("Dawn said he naps on the sofa beside her.", {"safe_place": "sometimes", "regular": "varies"}, "okay"),
        "night": A("Cot in Dawn and Lee's room, clear of pillows.", {"who": "parent_carer", "comforted": "most_days"},
                   "okay"),
        "health": A("Gaining weight along the 25th centile.", {"jabs": "yes", "kept": "most_days"}, "happy"),
        "home_safety": A("Stair gate fitted; a fan heater on the living-room floor near the playmat.",
                         {"in_place": "partly"}, "okay"),
    }, "child-1", place="Family home (observation)",
       present="Dawn Hartley; Lee Cotter for part of the visit")

    a_parent = interview(case, alfie, PARENT, "baby", date(2026, 5, 14), {
        "waking": A("He's up at five, then two or three times in the night. I always go to him.",
                    {"who": "parent_carer", "regular": "varies"}, "okay",
                    own="I'm running on empty, honestly.", imp="I hope he doesn't pick up on it."),
        "milk_feeds": A("Bottle every three or four hours, formula. Lee does the ten o'clock one.",
                        {"regular": "mostly_same", "who": "shared"}, "happy"),
        "feeding_hygiene": A("I wash them in hot water, it's fine.", {"clean": "every_day"}, "happy"),
        "nappy_dressing": A("I change him loads.", {"how_often": "every_day", "who": "parent_carer"}, "happy"),
        "sibling_school_run": A("Lee takes Maisie so Alfie stays with me.", {"who": "parent_carer"}),
        "daytime_play": A("He likes his bouncer and the telly. We don't go out much, the pram wheel's broken.",
                          {"how_often": "most_days", "outings": "rarely"}, "happy",
                          well="He laughs when Maisie pulls faces at him.",
                          b="Getting out to the baby group at the hub."),
        "naps": A("On the sofa with me, it's the only way he settles.", {"safe_place": "every_day",
                  "regular": "varies"}, "okay", imp="We both get a sleep."),
        "bedtime": A("About eight, in his cot.", {"regular": "mostly_same", "who": "parent_carer"}, "okay"),
        "night": A("He's in with us. I see to him.", {"who": "parent_carer", "comforted": "every_day"}, "okay"),
        "health": A("All his jabs are done.", {"jabs": "yes", "kept": "every_day"}, "happy"),
        "home_safety": A("Gate on the stairs. The heater's only on when it's cold.", {"in_place": "yes"}),
    }, "parent-1", adult=dawn, place="Family home, Wren Close, Brambleford")

    a_pro = interview(case, alfie, PRO, "baby", date(2026, 5, 18), {
        "milk_feeds": A("Feeding well; formula made up correctly when observed.", {"regular": "mostly_same",
                        "who": "parent_carer"}, src="Health visitor, Brambleford 0–19 team"),
        "naps": A("Dawn described falling asleep on the sofa with Alfie. Safe-sleep advice given again.",
                  {"safe_place": "sometimes", "regular": "varies"}, src="Health visitor"),
        "daytime_play": A("Limited floor play; not attending baby groups.", {"how_often": "sometimes",
                          "outings": "rarely"}, src="Health visitor"),
        "health": A("Immunisations up to date; 8-week check done; one missed weighing clinic.",
                    {"jabs": "yes", "kept": "most_days"}, src="Child health record"),
        "home_safety": A("Fan heater near playmat noted at home visit.", {"in_place": "partly"},
                         src="Health visitor home visit"),
    }, "pro-1", place="the health centre, from her records", source="Health visitor")

    analysis(case, alfie, [a_child, a_parent, a_pro], neglect={
        N.SUPERVISION: "Naps on the sofa beside an exhausted parent: a risk Dawn does not see.",
        N.EMOTIONAL: "Warm, responsive care observed; little play or time out of the house.",
        N.MEDICAL: "Health care is up to date.",
    }, strengths="Dawn responds quickly and warmly; feeds are regular; immunisations up to date.",
       worries="Sofa sleeping; bottles not sterilised; little stimulation; Dawn's exhaustion.",
       now="Alfie is thriving physically but spends long periods in a bouncer.",
       unchanged="Risk of a sudden infant death on the sofa; slower development of play and language.",
       actions=[("Safe-sleep talk with Dawn and Lee, with a Moses basket for daytime naps", "Health visitor",
                 date(2026, 6, 1)),
                ("Pram repair and a place at the baby group", "Family support worker", date(2026, 6, 30))],
       ratings=[("Dawn Hartley (mother)", 8, "He's a happy baby."),
                ("Health visitor", 6, "Loving care; sleep is the worry.")])




    pearl = Relative("Pearl Hartley", Role.GRANDPARENT, Gender.FEMALE, 1968,
                     where="Two streets away; Maisie stays most Saturdays", id=sid(case.reference, "Pearl Hartley"))
    gary = Relative("Gary Marsh", Role.PARENT, Gender.MALE, 1996, where="Maisie's father; lives in Exeter, "
                    "no contact since 2021", id=sid(case.reference, "Gary Marsh"))
    ken = Relative("Ken Hartley", Role.GRANDPARENT, Gender.MALE, 1965, died=True, id=sid(case.reference, "Ken Hartley"))
    case.family = Family(
        [pearl, ken, gary],
        [Link(pearl.id, ken.id, Bond.MARRIED, id=sid(case.reference, "link", "1")),
         Link(pearl.id, dawn.id, Bond.PARENT, id=sid(case.reference, "link", "2")),
         Link(ken.id, dawn.id, Bond.PARENT, id=sid(case.reference, "link", "3")),
         Link(dawn.id, gary.id, Bond.SEPARATED, "Separated in 2021 after the police call", sid(case.reference, "link", "4")),
         Link(dawn.id, lee.id, Bond.TOGETHER, id=sid(case.reference, "link", "5")),
         Link(dawn.id, maisie.id, Bond.PARENT, id=sid(case.reference, "link", "6")),
         Link(gary.id, maisie.id, Bond.PARENT, id=sid(case.reference, "link", "7")),
         Link(dawn.id, alfie.id, Bond.PARENT, id=sid(case.reference, "link", "8")),
         Link(lee.id, alfie.id, Bond.PARENT, id=sid(case.reference, "link", "9"))],
        {dawn.id: Details(Gender.FEMALE, 1999), lee.id: Details(Gender.MALE, 1994),
         maisie.id: Details(Gender.FEMALE), alfie.id: Details(Gender.MALE)},
        {dawn.id: "Dawn's father Ken drank and died when she was 15; she left school at 16 and cared for her "
                  "mother for a time. She says no one noticed when she went hungry."},
        "Dawn had Maisie at 19 while living with Pearl. Maisie's father left in 2021 after a police call to an "
        "argument; there has been no contact since. Lee moved in in April 2025; Alfie is Dawn and Lee's son.")
    scores(case, [
        ("gcp2", date(2026, 5, 20), {"physical": 4, "safety": 3, "love": 2, "esteem": 3}, f"{WORKER}, with Dawn",
         ["Maisie"], "Physical care scored on hunger, unwashed uniform and the missed dentist; Dawn agreed with "
                     "it once she heard Maisie's words."),
        ("gcp2", date(2026, 10, 8), {"physical": 2, "safety": 2, "love": 2, "esteem": 2}, f"{WORKER}, with Dawn",
         ["Maisie"], "Breakfast most days, clean uniform, teeth treated. Dawn scored physical care 2 herself."),
        ("gcp2", date(2026, 5, 20), {"physical": 2, "safety": 4, "love": 2, "esteem": 3}, f"{WORKER}, with Dawn",
         ["Alfie"], "Safety scored on sofa sleeping and the heater by the playmat."),
    ])
    oversight(case, maisie, [
        ("keep", datetime(2026, 10, 12, 16, 5, tzinfo=timezone.utc), {"tried_before": "", "capacity": "",
                                                                       "prognosis": ""}),
        ("review", datetime(2026, 10, 14, 11, 30, tzinfo=timezone.utc), Outcome.RETURNED,
         "Maisie's words lead it well. Say what has been tried before and how likely the change is to last "
         "through the winter, set against the chronology."),
        ("keep", datetime(2026, 10, 20, 9, 40, tzinfo=timezone.utc), {}),
        ("review", datetime(2026, 10, 21, 14, 0, tzinfo=timezone.utc), Outcome.APPROVED,
         "Clear and evidenced; the plan follows from it. Review in January as planned."),
    ])
    oversight(case, alfie, [("keep", datetime(2026, 10, 20, 9, 45, tzinfo=timezone.utc), {})])
    chronology(case, [
        ((2018, 3, 14), "Maternity unit", "Maisie born at 39 weeks, 3.1 kg; Dawn aged 19, living with her mother.",
         "", GOOD, "", ["Maisie"], ()),
        ((2019, 7), "Health visitor", "Maisie's one-year review missed twice; seen at the third offer, at 16 months; "
         "development on track.", "Her development was checked four months late.", UNSURE, "Reminder letters; seen at home.",
         ["Maisie"], (N.MEDICAL,)),
        ((2020, 6), "Housing", "Dawn and Maisie moved to a one-bedroom flat after a row with Dawn's mother.",
         "Maisie lost daily time with Nana Pearl for a year.", HARM, "", ["Maisie"], (N.EMOTIONAL,)),
        ((2021, 11, 3), "Police", "Neighbour's call about shouting at night; Dawn and a former partner argued. "
         "Maisie (3) was in bed and woke.", "Maisie heard the argument; she was frightened, the officers said.",
         HARM, "Notification to children's services; no further action after checks.", ["Maisie"],
         (N.EMOTIONAL,)),
        ((2022, 9, 5), "Puddlecombe Primary", "Maisie started in Reception; settled well, attendance 96%.",
         "A good start: she loves reading.", GOOD, "", ["Maisie"], (N.EDUCATIONAL,)),
        ((2024, 1), "Puddlecombe Primary", "School noted Maisie often hungry and in unwashed uniform; "
         "breakfast offered informally.", "Hungry at the start of the day; teased about her clothes.", HARM,
         "Talked with Dawn; no referral.", ["Maisie"], (N.NUTRITIONAL, N.PHYSICAL)),
        ((2024, 10), "School dental screening", "Decay found in two teeth; letter to Dawn; no dentist registered.",
         "Toothache later in the year.", HARM, "Letter home.", ["Maisie"], (N.MEDICAL,)),
        ((2025, 4), "Dawn", "Lee Cotter moved in; he cooks at weekends and takes Maisie to school.", "",
         UNSURE, "", [], ()),
        ((2026, 1, 20), "Maternity unit", "Alfie born at 37 weeks, 2.8 kg; home after two days.", "", GOOD, "",
         ["Alfie"], ()),
        ((2026, 2, 3), "Health visitor", "New-birth visit: Alfie feeding well; safe-sleep advice given to Dawn and "
         "Lee.", "", GOOD, "", ["Alfie"], (N.SUPERVISION,)),
        ((2026, 3), "GP", "Dawn seen for low mood after Alfie's birth; no follow-up appointment made.",
         "Mornings at home depend on how Dawn's night was.", HARM, "", [], (N.EMOTIONAL,)),
        ((2026, 4, 21), "Puddlecombe Primary", "Referral to children's services: Maisie hungry most mornings, "
         "tooth pain, glasses not collected, late three days a week.", "Hungry, tired and in pain in lessons.",
         HARM, "Child and family assessment started; this day in the life with each of them.", ["Maisie"],
         (N.NUTRITIONAL, N.MEDICAL, N.EDUCATIONAL)),
        ((2026, 5, 18), "Health visitor", "Safe-sleep advice given again after Dawn said she falls asleep on the "
         "sofa with Alfie.", "A risk to Alfie each time he sleeps on the sofa beside an exhausted parent.", HARM,
         "Moses basket offered for daytime naps.", ["Alfie"], (N.SUPERVISION,)),
        ((2026, 7, 15), "Family support worker", "Washing machine replaced through the local welfare grant.",
         "Clean uniform every day since.", GOOD, "", ["Maisie"], (N.PHYSICAL,)),
        ((2026, 9, 8), "Community dentist", "Maisie's decayed teeth treated; registered with the practice.",
         "No more toothache, she says.", GOOD, "", ["Maisie"], (N.MEDICAL,)),
    ])
    return case


# ---------------------------------------------------------------------------------------------
# 2. The Pennyworths of Lower Thistlebury: Jordan (15, teenager) and Ruby (3, preschool)
# ---------------------------------------------------------------------------------------------

def pennyworth() -> Case:
    karen = Adult("Karen Pennyworth", AdultRole.MOTHER)
    jordan = Child("Jordan Pennyworth", date_of_birth=date(2011, 2, 9), pronouns="he")
    ruby = Child("Ruby Pennyworth", date_of_birth=date(2023, 4, 2), pronouns="she")
    case = new_case("DEMO-0002 Pennyworth", [karen], [jordan, ruby])

    j_child = interview(case, jordan, CHILD, "teenager", date(2026, 9, 15), {
        "waking_ready": A("My phone alarm. Mum's gone to work by half six so nobody checks.",
                          {"who": "child_self", "regular": "varies"}, "okay"),
        "hygiene_clothes": A("I wash my own stuff. Sometimes there's no powder.", {"in_place": "partly",
                             "who": "child_self"}, "okay"),
        "school": A("I skip Thursdays, it's double maths and PE. Teachers are always on at me.",
                    {"how_often": "sometimes"}, "unhappy", b="If someone actually helped with maths."),
        "friends_relationships": A("I hang round with older lads from the estate. They've got cars.",
                                   {"known": "no"}, "happy"),
        "food": A("I buy chicken and chips with the money Mum leaves. Last proper meal was Sunday.",
                  {"how_often": "sometimes", "who": "child_self"}, "okay"),
        "whereabouts": A("Nobody knows where I am after school. Mum texts at ten sometimes. "
                         "I come back when I want, sometimes one or two.",
                         {"how_often": "rarely", "agreed": "no"}, "okay",
                         b="Nothing. Maybe if Mum was actually home."),
        "jobs_caring": A("I pick Ruby up from nursery on Wednesdays and watch her till Mum's back.",
                         {"how_often": "sometimes"}, "okay"),
        "family_time": A("Sunday dinner's alright. Mum's always tired or on her phone.",
                         {"how_often": "rarely"}, "unhappy"),
        "online_phone": A("No rules. I'm on it all night.", {"rules": "no"}, "happy"),
        "sleep": A("Three, four in the morning. Gaming or out.", {"regular": "no_routine", "own_bed": "yes"}, "okay"),
        "health_mental_health": A("I'm fine. I don't sleep much. I don't see the point of the doctor.",
                                  {"who": "child_self"}, "unhappy"),
        "independence_identity": A("I want to be a mechanic. I can cook pasta.", {"who": "child_self"}, "happy",
                                   b="A college taster day at Thistlebury College."),
    }, "child-1", place="Youth centre, Lower Thistlebury", present="Youth worker, Dev Sandhu (fictional)")

    j_parent = interview(case, jordan, PARENT, "teenager", date(2026, 9, 17), {
        "waking_ready": A("He's old enough. I ring him at quarter past seven.", {"who": "parent_carer",
                          "regular": "mostly_same"}, "okay",
                          own="I do early shifts at the care home, 6:30 till 3.",
                          imp="He has to be more grown up than some."),
        "school": A("He goes every day as far as I know.", {"how_often": "every_day"}, "okay"),
        "friends_relationships": A("He's got his mates from school, nice lads.", {"known": "yes"}, "happy"),
        "food": A("I leave a tenner and there's always food in. We have a roast Sundays.",
                  {"how_often": "every_day", "who": "parent_carer"}, "happy"),
        "whereabouts": A("He's in by nine, I always know where he is. He's at his mate Tyler's.",
                         {"how_often": "every_day", "agreed": "yes"}, "happy",
                         own="I'm in bed by nine because of my shifts.",
                         imp="I trust him, he's sensible."),
        "jobs_caring": A("He helps with Ruby now and again, it's good for him.", {"how_often": "rarely"}, "happy"),
        "family_time": A("We get on. He doesn't talk much, he's fifteen.", {"how_often": "most_days"}, "okay"),
        "online_phone": A("He knows the rules.", {"rules": "yes"}, "okay"),
        "sleep": A("He goes up at ten.", {"regular": "mostly_same", "own_bed": "yes"}, "okay"),
        "health_mental_health": A("He's healthy as a horse.", {"gp": "yes", "dentist": "yes", "who": "parent_carer"}, "happy"),
        "independence_identity": A("He's brilliant with engines, takes after his grandad.",
                                   {"who": "parent_carer"}, "very_happy",
                                   b="If he could do a motor vehicle course."),
    }, "parent-1", adult=karen, place="Family home, Larkspur Row, Lower Thistlebury")

    j_pro = interview(case, jordan, PRO, "teenager", date(2026, 9, 20), {
        "school": A("Attendance 68% this year; unauthorised absences mostly Thursdays; two fixed-term "
                    "exclusions for walking out.", {"how_often": "sometimes"},
                    src="Thistlebury Academy attendance officer"),
        "friends_relationships": A("Seen in cars with young men aged 18–20 known to police.", {"known": "no"},
                                   src="Neighbourhood police team intelligence"),
        "whereabouts": A("Reported missing twice by the youth centre (not by home) in August; found in "
                         "the next town after midnight both times.", {"how_often": "rarely", "agreed": "no"},
                         src="Police missing-person records; youth centre"),
        "food": A("Buys takeaway most days; eats free breakfast when in school.", {"how_often": "sometimes",
                  "who": "child_self"}, src="Academy pastoral lead"),
        "health_mental_health": A("Not seen by GP since 2022. Told his youth worker he feels 'numb'.",
                                  {"gp": "yes", "dentist": "no", "who": "nobody"}, src="GP practice; youth worker"),
        "sleep": A("Falls asleep in lessons.", {"regular": "no_routine", "own_bed": "yes"}, src="Form tutor"),
    }, "pro-1", place="Multi-agency meeting, Lower Thistlebury", source="Multi-agency: school, police and youth centre")

    analysis(case, jordan, [j_child, j_parent, j_pro], neglect={
        N.SUPERVISION: "Karen believes Jordan is home by nine and at a friend's; Jordan says nobody knows where "
                       "he is and he comes back at one or two. Two missing episodes reported by others, and "
                       "contact with older men. Risk of exploitation.",
        N.EDUCATIONAL: "Attendance 68%; Karen thinks he goes every day. Keen on engines: a way in.",
        N.NUTRITIONAL: "Lives on takeaways; a proper meal once a week.",
        N.EMOTIONAL: "Says he feels numb and that his mum is always tired; sleeps 3–4 hours.",
    }, strengths="Jordan has a clear ambition (mechanic), trusts his youth worker and is caring towards "
                 "Ruby; Karen works hard and loves him.",
       worries="Nobody knows his whereabouts in the evening; older associates; low mood; missed school.",
       now="Jordan is tired, hungry, unsafe at night and falling behind at school.",
       unchanged="Serious risk of criminal or sexual exploitation, exclusion and leaving school with nothing.",
       actions=[("Agreed home time and a check-in text at 9 pm, written with Jordan", "Karen and Jordan",
                 date(2026, 10, 1)),
                ("Referral to the exploitation panel", WORKER, date(2026, 9, 25)),
                ("Motor vehicle taster at Thistlebury College", "Youth worker", date(2026, 11, 20)),
                ("GP appointment about sleep and mood", "Jordan, with youth worker", date(2026, 10, 31))],
       ratings=[("Karen Pennyworth (mother)", 7, "I didn't know he was missing."),
                ("Jordan", 4, "It's alright but nobody's ever in."),
                ("Social worker", 3, "Out of sight every evening.")])

    r_child = interview(case, ruby, CHILD, "preschool", date(2026, 9, 16), {
        "getting_up": A("Mummy gets me up. Jordy sometimes.", {"regular": "mostly_same", "who": "parent_carer"},
                        "happy"),
        "meals": A("\"I had Weetabix. And a banana.\" (Pointed to the picture of cereal.)",
                   {"how_often": "every_day", "regular": "mostly_same"}, "very_happy"),
        "nursery": A("I like the sand and Miss Bea.", {"attends": "every_day", "who": "parent_carer"},
                     "very_happy"),
        "play_screens": A("Mummy plays dollies. Jordy does the iPad with me.",
                          {"plays_with": "most_days", "outside": "sometimes"}, "happy"),
        "rules_feelings": A("When I'm sad Mummy cuddles me.", {"comforts": "parent_carer"}, "happy"),
        "bath_bedtime": A("Bubbles! Mummy reads Gruffalo.", {"regular": "same_each_day", "who": "parent_carer"},
                          "very_happy"),
        "night": A("Sometimes the door bangs and I wake up.", {"who": "parent_carer", "wakes": "sometimes"},
                   "unhappy"),
        "supervision": A("Jordy looks after me and we watch YouTube.", {"who": "sibling", "safety": "partly"},
                         "okay"),
    }, "child-1", place="Nursery, with picture cards", present="Key worker Miss Bea")

    r_parent = interview(case, ruby, PARENT, "preschool", date(2026, 9, 17), {
        "getting_up": A("My mum gets her up on my early days and takes her to nursery.", {"who": "other_adult",
                        "regular": "mostly_same"}, "happy", own="I leave at six for the care home."),
        "meals": A("Cereal, fruit, proper tea. She's a good eater.", {"how_often": "every_day",
                   "regular": "same_each_day"}, "happy"),
        "washing_teeth_toilet": A("Dry in the day now; teeth twice a day.", {"how_often": "every_day",
                                  "who": "parent_carer"}, "happy"),
        "nursery": A("Thirty hours, she loves it.", {"attends": "every_day", "who": "other_adult"}, "very_happy"),
        "speech_development": A("Chatters all day. Two-year check was fine.", {"checks": "yes"}, "happy"),
        "play_screens": A("We do play-dough and the park at weekends.", {"plays_with": "most_days",
                          "outside": "most_days"}, "happy"),
        "supervision": A("Jordan minds her for an hour on Wednesdays.", {"who": "sibling", "safety": "yes"}, "okay",
                         imp="He's good with her."),
        "rules_feelings": A("Naughty step, and lots of cuddles.", {"comforts": "parent_carer"}, "happy"),
        "bath_bedtime": A("Bath, story, bed at seven.", {"regular": "same_each_day", "who": "parent_carer"}, "happy"),
        "night": A("She sleeps right through.", {"who": "parent_carer", "wakes": "rarely"}, "happy",
                   own="I'm asleep by nine, I don't hear Jordan come in."),
    }, "parent-1", adult=karen, place="Family home, Larkspur Row, Lower Thistlebury")

    r_pro = interview(case, ruby, PRO, "preschool", date(2026, 9, 18), {
        "nursery": A("Attendance 97%; happy, settled, collected by grandmother or Karen; by Jordan on "
                     "Wednesdays.", {"attends": "every_day", "who": "shared"}, src="Bumblebees Nursery register"),
        "speech_development": A("Development on track at the 2-year review.", {"checks": "yes"},
                                src="Health visitor record"),
        "meals": A("Arrives fed; eats well at lunch.", {"how_often": "every_day", "regular": "mostly_same"},
                   src="Nursery key worker"),
        "supervision": A("Jordan (15) collects Ruby on Wednesdays; once arrived 40 minutes late smelling of cannabis.",
                         {"who": "sibling", "safety": "partly"}, src="Nursery manager"),
    }, "pro-1", place="Nursery and health records", source="Nursery and health visitor")

    analysis(case, ruby, [r_child, r_parent, r_pro], neglect={
        N.EMOTIONAL: "Warm, consistent care from Karen and her grandmother; Ruby is happy and settled.",
        N.SUPERVISION: "Left with Jordan, who is himself unsupervised; woken by the door at night.",
    }, strengths="Good routines, nursery every day, development on track, a loving grandmother.",
       worries="Relying on Jordan as her carer while his own evenings are unsafe.",
       now="Ruby is thriving; supervision on Wednesdays is not reliable.",
       unchanged="Ruby could be left with an unsafe carer or taken where Jordan goes.",
       actions=[("Grandmother or a childminder to collect Ruby on Wednesdays", "Karen", date(2026, 10, 1))],
       ratings=[("Karen Pennyworth (mother)", 9, "She's my little ray of sunshine."),
                ("Nursery key worker", 8, "Happy and well cared for.")])

    chronology(case, [
        ((2011, 2, 9), "Maternity unit", "Jordan born.", "", GOOD, "", ["Jordan"], ()),
        ((2017, 6), "School", "Jordan's attendance 84% in Year 2; often late.", "Missed early reading help.",
         HARM, "Attendance letters.", ["Jordan"], (N.EDUCATIONAL,)),
        ((2023, 4, 2), "Maternity unit", "Ruby born.", "", GOOD, "", ["Ruby"], ()),
        ((2024, 11), "Health visitor", "Ruby's two-year review not attended; two appointments missed.",
         "Her speech was not checked.", HARM, "Home visit offered.", ["Ruby"], (N.MEDICAL,)),
        ((2025, 9), "Karen", "Karen took a second job, leaving home at 6.30; Jordan takes Ruby to nursery.",
         "Jordan late for school; Ruby at nursery on time.", UNSURE, "", [], (N.SUPERVISION,)),
        ((2026, 6, 12), "Thistlebury Academy", "Jordan's attendance 78%; falling asleep in lessons.",
         "Behind in three subjects.", HARM, "Early help assessment offered; accepted.", ["Jordan"],
         (N.EDUCATIONAL, N.SUPERVISION)),
    ])
    return case


# ---------------------------------------------------------------------------------------------
# 3. The Ashdowns of Great Fennimore: Sam (11, disabled)
# ---------------------------------------------------------------------------------------------

def ashdown() -> Case:
    michelle = Adult("Michelle Ashdown", AdultRole.MOTHER)
    ray = Adult("Ray Ashdown", AdultRole.FATHER)
    sam = Child("Sam Ashdown", date_of_birth=date(2015, 9, 30), pronouns="he",
                disability="Cerebral palsy (spastic quadriplegia); uses a powered wheelchair",
                communication="Eye-gaze communication aid, yes/no with eye pointing, some vocal sounds")
    case = new_case("DEMO-0003 Ashdown", [michelle, ray], [sam])

    s_child = interview(case, sam, CHILD, "disabled", date(2026, 8, 4), {
        "waking_personal_care": A("With his aid: 'Mum wash. Cold.' Eye-pointed 'no' to 'Is it comfy?'",
                                  {"who": "parent_carer", "regular": "mostly_same"}, "unhappy", sort="not_good"),
        "feeding": A("Smiled and eye-pointed 'yes' for 'Do you like tea-time?'. Ate pureed food safely.",
                     {"plan": "yes", "who": "parent_carer"}, "happy", sort="good"),
        "communication": A("The aid ran flat after ten minutes. Sam looked at the charger and vocalised.",
                           {"aid": "partly"}, "very_unhappy", b="'Charge it' (chosen with his aid).",
                           sort="not_good"),
        "school_day": A("School good. Music. Friends Ollie.", {"how_often": "most_days", "plan": "yes"},
                        "very_happy", sort="good"),
        "stimulation_inclusion": A("'Dad football.' Laughed when talking about watching football with Dad.",
                                   {"how_often": "sometimes", "who": "parent_carer"}, "very_happy", sort="good"),
        "equipment": A("Sam pointed at his chair and said 'stuck'. Right brake does not hold; splints left "
                       "red marks on both ankles.", {"working": "no"}, "very_unhappy",
                       b="'Chair fix.'", sort="not_good"),
        "bedtime_routine": A("Dad story.", {"regular": "mostly_same", "who": "parent_carer"}, "happy", sort="good"),
        "night_care": A("Eye-pointed 'yes' to 'Do you get sore at night?'", {"who": "parent_carer",
                        "how_often": "sometimes"}, "unhappy", sort="not_sure"),
        "autonomy": A("Chose his T-shirt and his drink with eye pointing when offered.", {"choices": "sometimes"},
                      "happy"),
    }, "child-1", place="Family home, with his aid and eye pointing", present="Michelle Ashdown; "
       "Sam's teaching assistant Mrs Darby (fictional)")

    s_parent = interview(case, sam, PARENT, "disabled", date(2026, 8, 4), {
        "waking_personal_care": A("I hoist him out at seven, wash and dress him. It takes an hour.",
                                  {"who": "parent_carer", "regular": "same_each_day"}, "okay",
                                  own="My back is going. Ray's on nights so it's me.",
                                  imp="Some mornings I rush him and he gets upset."),
        "feeding": A("Pureed, thickened drinks, just like the speech therapist said.",
                     {"plan": "yes", "who": "parent_carer"}, "happy"),
        "medication": A("Baclofen three times a day and his seizure medicine. Never missed.",
                        {"how_often": "every_day", "who": "parent_carer"}, "okay"),
        "school_transport": A("The minibus picks him up at eight.", {"who": "other_adult",
                              "how_often": "every_day"}, "happy"),
        "school_day": A("Fennimore Special School, he loves it.", {"how_often": "every_day", "plan": "yes"},
                        "very_happy"),
        "communication": A("He's got his talker, he uses it at school.", {"aid": "yes"}, "okay"),
        "stimulation_inclusion": A("Ray watches the football with him every Saturday.",
                                   {"how_often": "most_days", "who": "parent_carer"}, "very_happy"),
        "equipment": A("His chair and splints are all fine. Everything works.", {"working": "yes"}, "okay",
                       own="I haven't had a minute to ring wheelchair services.",
                       imp="I suppose if the chair's stiff he stays in one room."),
        "bedtime_routine": A("Ray does his bed and a story before work.", {"regular": "same_each_day",
                             "who": "parent_carer"}, "happy"),
        "night_care": A("I turn him twice a night.", {"who": "parent_carer", "how_often": "every_day"}, "okay",
                        own="I haven't slept a full night in eleven years."),
        "short_breaks": A("We were offered a short break but I don't want strangers doing his care.",
                          {"in_place": "no", "how_often": "never"}, "okay", b="Someone we know, at home."),
        "appointments": A("We go to the big ones.", {"how_often": "most_days"}, "okay"),
        "carer_capacity": A("I'm exhausted, if I'm honest.", {"support": "no"}, "unhappy",
                            b="A carer's assessment.", own="I gave up work when he was born."),
    }, "parent-1", adult=michelle, place="Family home, Mill Lane, Great Fennimore")

    s_pro = interview(case, sam, PRO, "disabled", date(2026, 8, 10), {
        "equipment": A("Powered wheelchair overdue for service since January (two appointments not kept); "
                       "right brake faulty. AFO splints outgrown, pressure marks reported by school. "
                       "Communication aid arrives uncharged 3 days in 5.", {"working": "no"},
                       src="Wheelchair services; school OT; class teacher"),
        "appointments": A("Was not brought to 3 of the last 5 orthopaedic and wheelchair appointments.",
                          {"how_often": "sometimes"}, src="Hospital appointment record"),
        "medication": A("Prescriptions collected on time; no missed doses evident.", {"how_often": "every_day",
                        "who": "parent_carer"}, src="Community pharmacy; GP"),
        "school_day": A("Attendance 94%; happy, sociable, progressing with eye-gaze.", {"how_often": "every_day",
                        "plan": "yes"}, src="Fennimore Special School"),
        "feeding": A("Safe swallow plan followed; weight stable.", {"plan": "yes", "who": "parent_carer"},
                     src="Speech and language therapist; dietitian"),
        "carer_capacity": A("Michelle has declined two short-break offers; no carer's assessment.",
                            {"support": "no"}, src="Children with disabilities team"),
    }, "pro-1", place="Team around the child meeting", source="School, health and therapy services")

    analysis(case, sam, [s_child, s_parent, s_pro], neglect={
        N.MEDICAL: "Michelle says the chair and splints are fine; Sam says 'stuck' and shows red marks; services "
                   "confirm overdue servicing, outgrown splints and missed appointments. Medication is reliable.",
        N.PHYSICAL: "Pressure marks from outgrown splints; sore at night.",
        N.EMOTIONAL: "Without a charged aid Sam cannot say what he wants at home; close, warm bond with Dad.",
        N.EDUCATIONAL: "School is a real strength.",
    }, strengths="Loving parents; medication and feeding plan followed carefully; Sam loves school and "
                 "football with his dad.",
       worries="Equipment not maintained; missed appointments; Michelle's exhaustion and refusal of breaks.",
       now="Sam is in pain from his splints, stuck in one room when the chair fails, and silenced when "
           "his aid is flat.",
       unchanged="Pressure sores, hip problems and loss of the independence his aid and chair give him.",
       actions=[("Emergency wheelchair repair and service", "Wheelchair services (referred by OT)",
                 date(2026, 8, 20)),
                ("New splints cast", "Orthotics clinic; Michelle to attend", date(2026, 9, 10)),
                ("Charging routine for the aid, with a spare charger for home", "School and Ray",
                 date(2026, 8, 31)),
                ("Carer's assessment for Michelle", "Adult social care", date(2026, 9, 30))],
       ratings=[("Michelle Ashdown (mother)", 7, "We manage."), ("Ray Ashdown (father)", 6, ""),
                ("Social worker", 4, "His equipment needs are not being met.")])

    chronology(case, [
        ((2015, 9, 30), "Maternity unit", "Sam born at 29 weeks; eight weeks in neonatal care.", "", UNSURE, "",
         ["Sam"], ()),
        ((2017, 5), "Paediatrician", "Cerebral palsy diagnosed; physiotherapy and equipment arranged.", "",
         GOOD, "", ["Sam"], (N.MEDICAL,)),
        ((2023, 9), "Occupational therapy", "Hoist and wet room fitted at home.", "Safer washing and moving.",
         GOOD, "", ["Sam"], (N.PHYSICAL,)),
        ((2025, 12), "Short breaks service", "Short breaks stopped when the provider closed; no replacement.",
         "Michelle and Ray without a break for eight months.", HARM, "Carers' assessment requested.", [],
         (N.EMOTIONAL,)),
        ((2026, 6), "Special school", "Sam's eye-gaze aid not charged on four mornings; he could not join in.",
         "Without his voice at school those mornings.", HARM, "", ["Sam"], (N.EDUCATIONAL,)),
    ])
    return case


# ---------------------------------------------------------------------------------------------
# 4. The Fenwicks of Saltmarsh Quay: a baby expected in January (pre-birth)
# ---------------------------------------------------------------------------------------------

def fenwick() -> Case:
    chloe = Adult("Chloe Fenwick", AdultRole.MOTHER)
    dan = Adult("Dan Merrow", AdultRole.FATHER)
    baby = Child("Baby Fenwick", expected_date=date(2027, 1, 18), pronouns="they")
    case = new_case("DEMO-0004 Fenwick", [chloe, dan], [baby])

    b_child = interview(case, baby, CHILD, "prebirth", date(2026, 10, 20), {
        "antenatal_care": A("The baby's growth is being checked: scans at 12 and 20 weeks, growth normal.",
                            {"booked": "yes", "kept": "usually"}),
        "substances": A("Chloe stopped smoking at 14 weeks; Dan smokes in the garden.",
                        {"smoke_free": "partly", "alcohol": "dont_know", "drugs": "dont_know"}),
        "relationships_safety": A("Raised voices heard from the flat by the neighbour twice.",
                                  {"calm": "sometimes"}),
        "getting_ready": A("No cot or Moses basket in the flat yet; some clothes from Chloe's sister.",
                           {"basics": "partly", "home": "partly"}),
        "imagined_sleep": A("There is nowhere safe for the baby to sleep yet; the plan is the sofa or the "
                            "parents' bed.", {"sleep_space": "no", "who_night": "varies"}),
        "feelings_about_baby": A("Chloe strokes her bump and talks to the baby by name (Bear).",
                                 {"talks": "every_day"}),
        "money_home": A("One-bedroom flat, damp in the bedroom.", {"home": "partly"}),
    }, "child-1", place="Observation during the home visit")

    b_parent = interview(case, baby, PARENT, "prebirth", date(2026, 10, 20), {
        "parents_day_now": A("I get up late, watch telly, go to my mum's. I'm sick most mornings.",
                             {"regular": "varies"}, own="Days just drift at the moment.",
                             imp="I'll have a routine when the baby comes."),
        "antenatal_care": A("I've been to all my scans. I missed one midwife appointment, I forgot.",
                            {"booked": "yes", "kept": "usually"}),
        "diet_health": A("I eat when I'm hungry. I take my vitamins when I remember.", {"meals": "sometimes"},
                         b="Healthy Start vouchers."),
        "relationships_safety": A("Me and Dan argue like anyone. He's never touched me.", {"calm": "most_days"},
                                  imp="The baby won't hear it."),
        "substances": A("I stopped smoking when I found out. Dan smokes outside.", {"smoke_free": "yes",
                        "alcohol": "rarely", "drugs": "never"}),
        "feelings_about_baby": A("We weren't planning it but I'm so excited. I call the bump Bear.",
                                 {"talks": "every_day"}, "very_happy"),
        "getting_ready": A("My sister's giving us clothes. We'll get the rest when the baby comes.",
                           {"basics": "partly", "home": "yes"}),
        "imagined_feeds": A("Bottle. Dan will do nights on his days off.", {"ready": "partly",
                            "who_night": "shared"}),
        "imagined_crying": A("I'll just cuddle them. My mum's five minutes away.", {"plan": "partly"}),
        "imagined_sleep": A("In with us in our bed, or on me on the sofa. That's how my mum did it and we "
                            "were fine. We haven't got room for a cot.", {"sleep_space": "yes",
                            "who_night": "parent_carer"}, b="A Moses basket that fits by the bed.",
                            imp="I don't see the problem, I'll be right there."),
        "support": A("My mum, my sister. I haven't met a health visitor yet.", {"in_place": "partly"}),
        "money_home": A("Universal Credit. The flat's damp but the landlord won't sort it.", {"home": "partly"},
                        b="Moving to a two-bed."),
        "own_childhood": A("I was in care for a bit when I was nine, my mum was poorly. We're close now.",
                           own="I want it to be different for mine."),
    }, "parent-1", adult=chloe, place="Flat 3, Harbour Court, Saltmarsh Quay", seen_alone=True)

    b_pro = interview(case, baby, PRO, "prebirth", date(2026, 10, 24), {
        "antenatal_care": A("Booked at 10 weeks; one missed appointment; growth normal at 20-week scan.",
                            {"booked": "yes", "kept": "usually"}, src="Community midwife"),
        "substances": A("CO reading normal at 20 weeks; partner smokes.", {"smoke_free": "partly",
                        "alcohol": "rarely", "drugs": "dont_know"}, src="Midwife; stop-smoking service"),
        "relationships_safety": A("Two police call-outs for a verbal argument in 2025; no charges.",
                                  {"calm": "sometimes"}, src="Police domestic abuse log"),
        "imagined_sleep": A("Chloe told the midwife she plans to bed-share; safe-sleep leaflet given; "
                            "no cot in the flat at the home visit.", {"sleep_space": "no",
                            "who_night": "varies"}, src="Community midwife home visit"),
        "money_home": A("Damp reported to environmental health; housing register application pending.",
                        {"home": "partly"}, src="Saltmarsh Quay Housing Options"),
        "own_childhood": A("Chloe was accommodated for six months aged nine during her mother's illness.",
                           src="Children's services records"),
    }, "pro-1", place="Pre-birth planning meeting", source="Midwife and agencies")

    analysis(case, baby, [b_child, b_parent, b_pro], neglect={
        N.SUPERVISION: "No plan for safe sleep: Chloe intends to bed-share or sleep with the baby on the sofa "
                       "and sees no risk; there is no cot or basket.",
        N.MEDICAL: "Antenatal care mostly kept; Chloe stopped smoking.",
        N.EMOTIONAL: "Chloe is already bonding with the baby; some arguments at home.",
        N.PHYSICAL: "Damp one-bedroom flat; few things ready.",
    }, strengths="Chloe is excited, talks to the baby, stopped smoking, has her mother and sister nearby "
                 "and wants a different childhood for her baby.",
       worries="No safe place to sleep; plan to bed-share on the sofa; arguments; damp housing.",
       now="The baby's health in the womb is being checked and protected from smoke by Chloe.",
       unchanged="A new baby sleeping on a sofa or in an adult bed faces a real risk of sudden infant death.",
       actions=[("Safe-sleep session with Chloe and Dan, and a Moses basket through the baby bank",
                 "Health visitor", date(2026, 12, 1)),
                ("Antenatal visit from the health visitor", "Health visitor", date(2026, 11, 20)),
                ("Damp treatment or move", "Housing Options", date(2027, 1, 10))],
       ratings=[("Chloe Fenwick (mother)", 8, "We'll be fine, we've got family."),
                ("Community midwife", 5, "Loving, but the sleep plan worries me.")])

    chronology(case, [
        ((2026, 6, 2), "Community midwife", "Pregnancy booked at 9 weeks; Chloe 18, in a one-bedroom flat with Dan.",
         "", GOOD, "", ["Baby"], ()),
        ((2026, 8), "Police", "Call to the flat: Dan and Chloe arguing; Chloe 22 weeks pregnant.",
         "Risk to the unborn baby from violence at home.", HARM, "Referral to children's services; DASH completed.",
         ["Baby"], (N.EMOTIONAL, N.SUPERVISION)),
        ((2026, 9, 14), "Community midwife", "Iron low at 28 weeks; tablets prescribed.", "", UNSURE,
         "Healthy Start applied for.", ["Baby"], (N.NUTRITIONAL, N.MEDICAL)),
    ])
    return case


# ---------------------------------------------------------------------------------------------
# More answers for each interview, by (child, interview), so every interview covers most topics
# ---------------------------------------------------------------------------------------------

MORE = {
    ("Maisie Hartley", "child-1"): {
        "jobs_and_caring": A("I give Alfie his dummy when he cries and I rock his bouncer.",
                             {"minds_others": "most_days"}, "okay"),
        "feelings_and_rules": A("When I'm sad I go to my room and talk to my teddy, Mr Buttons.",
                                {"comfort": "rarely"}, "unhappy", b="A hug from Mum."),
        "holidays": A("In the holidays I'm hungry more because there's no school dinners.",
                      {"meals": "sometimes", "who": "child_self"}, "unhappy"),
    },
    ("Maisie Hartley", "parent-1"): {
        "school_lunch": A("Free school meals, she likes the pasta.", {"how_often": "every_day"}, "happy"),
        "feelings_and_rules": A("I tell her off if she's cheeky, then we have a cuddle.", {"comfort": "every_day"},
                                "okay", imp="I'm snappy when I'm tired, I know that."),
        "holidays": A("We go to the park and my mum's. Money's tight in the summer.",
                      {"meals": "most_days", "who": "parent_carer"}, "okay", b="The holiday food club."),
        "other_carers": A("Only my mum, Pearl. She's brilliant with her.", {"same_care": "yes", "trusted": "yes"},
                          "happy"),
    },
    ("Maisie Hartley", "pro-1"): {
        "getting_up": A("Arrives tired; says she gets herself up with a tablet alarm.",
                        {"who": "child_self", "regular": "varies"}, src="Class teacher"),
        "washing_teeth": A("Complained of toothache in class twice; no toothbrush at home, she said.",
                           {"how_often": "sometimes", "basics": "partly"}, src="School nurse"),
        "after_school": A("Homework rarely returned; reading record signed by Nana at weekends only.",
                          {"who": "parent_carer", "homework": "rarely"}, src="Class teacher"),
        "weekend_changes": A("Spends Saturdays with her grandmother, who is a protective adult.",
                             {"regular": "mostly_same", "outings": "most_days"}, src="Family support worker"),
        "other_carers": A("Grandmother Pearl Hartley: regular, reliable, known to school.",
                          {"same_care": "yes", "trusted": "yes"}, src="School contact list"),
    },
    ("Maisie Hartley", "child-2"): {
        "friends_bullying": A("Nobody says I smell now. Harriet and Amira are my best friends.",
                              {"plays_with": "every_day"}, "very_happy"),
        "school_lunch": A("School dinners, I still like the pasta.", {"how_often": "every_day"}, "happy"),
        "weekend_changes": A("Nana's on Saturdays and we all went to the beach once.",
                             {"regular": "mostly_same", "outings": "most_days"}, "very_happy"),
        "feelings_and_rules": A("If I'm sad Mum lets me sit with her and Alfie.", {"comfort": "most_days"}, "happy"),
    },
    ("Alfie Hartley", "child-1"): {
        "crying_soothing": A("Observed: when Alfie cried Dawn picked him up and swayed; he settled in two minutes.",
                             {"how_often": "most_days"}, "okay"),
        "bath_evening": A("Dawn said baths are every other day; the bath seat was in the bathroom.",
                          {"how_often": "most_days", "who": "parent_carer"}, "happy"),
        "bedtime": A("Cot made up with a baby sleeping bag; no bumpers.", {"regular": "mostly_same",
                     "who": "parent_carer"}, "okay"),
        "home_warmth_money": A("Living room warm; bedroom cold and damp on the window.", {"enough": "sometimes"},
                               "okay"),
        "other_carers": A("Lee held Alfie confidently and talked to him.", {"same_care": "yes",
                          "who": "other_adult"}, "happy"),
    },
    ("Alfie Hartley", "parent-1"): {
        "crying_soothing": A("I walk him up and down. If I'm at the end of my tether I give him to Lee.",
                             {"how_often": "every_day"}, "okay", own="Some nights I cry with him.",
                             imp="He can probably tell I'm stressed."),
        "bath_evening": A("Bath every other night, Lee helps.", {"how_often": "most_days", "who": "shared"}, "happy"),
        "other_carers": A("Lee, and my mum has him for an hour sometimes.", {"same_care": "yes",
                          "who": "shared"}, "happy"),
        "home_warmth_money": A("We put the heating on for his room but the bills are scary.",
                               {"enough": "sometimes"}, "okay", b="Help with the gas bill."),
    },
    ("Alfie Hartley", "pro-1"): {
        "waking": A("Dawn responds quickly when he cries; observed at two visits.",
                    {"who": "parent_carer", "regular": "varies"}, src="Health visitor"),
        "feeding_hygiene": A("Bottles rinsed, not sterilised, at the 12-week visit; advice given.",
                             {"clean": "sometimes"}, src="Health visitor"),
        "nappy_dressing": A("Clean and appropriately dressed at every visit; mild nappy rash once.",
                            {"how_often": "every_day", "who": "parent_carer"}, src="Health visitor"),
        "night": A("Cot in parents' room; Dawn reports falling asleep while feeding on the sofa at night.",
                   {"who": "parent_carer", "comforted": "most_days"}, src="Health visitor"),
        "other_carers": A("Mother's partner and maternal grandmother; no concerns known.",
                          {"same_care": "yes", "who": "shared"}, src="Family support worker"),
        "home_warmth_money": A("Family in fuel debt; referred to the energy advice service.", {"enough": "sometimes"},
                               src="Family support worker"),
    },
    ("Jordan Pennyworth", "child-1"): {
        "night_time": A("Mum's asleep when I get in. Nobody's up.", {"adult_home": "every_day"}, "okay"),
        "weekend_changes": A("Weekends I'm out with the lads. Sunday dinner at Nan's sometimes.",
                             {"meals": "sometimes", "who": "child_self"}, "happy"),
        "safety_at_home": A("Home's fine. It's just quiet.", {"adult_home": "sometimes"}, "okay"),
    },
    ("Jordan Pennyworth", "parent-1"): {
        "hygiene_clothes": A("He does his own washing, he's very particular about his trainers.",
                             {"in_place": "yes", "who": "child_self"}, "happy"),
        "night_time": A("I'm in every night, I'm just asleep early.", {"adult_home": "every_day"}, "okay",
                        own="Up at half five for work, so I'm out like a light by nine."),
        "weekend_changes": A("He's at his mates' most of the weekend. Sunday we have a roast.",
                             {"meals": "most_days", "who": "parent_carer"}, "okay"),
    },
    ("Jordan Pennyworth", "pro-1"): {
        "waking_ready": A("Late most mornings; nobody answers the school's calls before 3 pm.",
                          {"who": "child_self", "regular": "no_routine"}, src="Academy attendance officer"),
        "hygiene_clothes": A("Well presented; new, expensive trainers and a second phone noticed.",
                             {"in_place": "yes", "who": "child_self"}, src="Form tutor; youth worker"),
        "jobs_caring": A("Collects his sister from nursery on Wednesdays.", {"how_often": "sometimes"},
                         src="Bumblebees Nursery"),
        "family_time": A("Karen says they are close; Jordan tells the youth worker home is 'empty'.",
                         {"how_often": "rarely"}, src="Youth worker"),
        "online_phone": A("Messages from unknown adults offering lifts seen by the youth worker.",
                          {"rules": "no"}, src="Youth worker"),
    },
    ("Ruby Pennyworth", "child-1"): {
        "washing_teeth_toilet": A("\"I do big girl toilet!\" Teeth: \"Mummy does it.\"",
                                  {"how_often": "every_day", "who": "parent_carer"}, "very_happy"),
        "clothes": A("Showed her unicorn wellies proudly. Clean, warm clothes.",
                     {"how_often": "every_day", "who": "parent_carer"}, "happy"),
        "teatime": A("Fish fingers! At the table with Nana.", {"together": "most_days",
                     "regular": "mostly_same"}, "happy"),
        "weekend_changes": A("Park! And swings.", {"regular": "mostly_same", "who": "parent_carer"}, "very_happy"),
        "other_carers": A("Nana makes pancakes.", {"how_often": "most_days", "knows_needs": "yes"}, "very_happy"),
    },
    ("Ruby Pennyworth", "parent-1"): {
        "clothes": A("She's always clean, I'm fussy about that.", {"how_often": "every_day",
                     "who": "parent_carer"}, "happy"),
        "teatime": A("Tea at five at my mum's or at home.", {"together": "most_days", "regular": "same_each_day"},
                     "happy"),
        "weekend_changes": A("Park, swimming, my mum's. Jordan's out.", {"regular": "mostly_same",
                             "who": "parent_carer"}, "happy"),
        "other_carers": A("My mum does two mornings and some teas.", {"how_often": "most_days",
                          "knows_needs": "yes"}, "happy"),
        "support_network": A("My mum and my friend Lisa from work.", {"someone": "yes"}, "happy"),
    },
    ("Ruby Pennyworth", "pro-1"): {
        "getting_up": A("Arrives on time, dressed and fed.", {"regular": "mostly_same", "who": "shared"},
                        src="Nursery key worker"),
        "washing_teeth_toilet": A("Toilet trained; teeth healthy at the last check.", {"how_often": "every_day",
                                  "who": "parent_carer"}, src="Nursery; health visitor"),
        "clothes": A("Always clean and dressed for the weather.", {"how_often": "every_day",
                     "who": "parent_carer"}, src="Nursery key worker"),
        "lunch_snacks": A("Eats a good lunch at nursery.", {"how_often": "every_day", "who": "other_adult"},
                          src="Nursery key worker"),
        "play_screens": A("Imaginative play, good concentration; talks about the park with Mum.",
                          {"plays_with": "most_days", "outside": "most_days"}, src="Nursery key worker"),
        "rules_feelings": A("Seeks comfort from staff appropriately; warm goodbyes with Karen.",
                            {"comforts": "parent_carer"}, src="Nursery key worker"),
        "poorly_and_hurt": A("Immunisations up to date.", {"injections": "yes", "who": "parent_carer"},
                             src="Child health record"),
        "support_network": A("Maternal grandmother closely involved.", {"someone": "yes"}, src="Nursery"),
    },
    ("Sam Ashdown", "child-1"): {
        "medication": A("Took his medicine from Mum calmly, smiled at her.", {"how_often": "every_day",
                        "who": "parent_carer"}, "okay"),
        "school_transport": A("Bus. Driver Kev funny.", {"who": "other_adult", "how_often": "every_day"},
                              "very_happy"),
        "teatime_meal": A("'Dad feed. Yes.' Eye-pointed to the picture of pasta.", {"regular": "mostly_same",
                          "who": "parent_carer"}, "happy"),
        "weekend_changes": A("'Home. Football.' Eye-pointed 'no' to 'Do you go out?'", {"out": "rarely"}, "unhappy"),
    },
    ("Sam Ashdown", "parent-1"): {
        "teatime_meal": A("Ray feeds him tea when he's home; it's slow, about forty minutes.",
                          {"regular": "same_each_day", "who": "shared"}, "happy"),
        "safety_supervision": A("He's never left. The ramp to the garden is broken so he stays in.",
                                {"who": "parent_carer", "safe_home": "partly"}, "okay", b="Fixing the ramp."),
        "weekend_changes": A("We don't get out much, the chair's hard work and the car's not adapted.",
                             {"out": "rarely"}, "unhappy"),
    },
    ("Sam Ashdown", "pro-1"): {
        "waking_personal_care": A("Clean and well dressed at school; red marks from splints on both ankles.",
                                  {"who": "parent_carer", "regular": "same_each_day"}, src="School nurse"),
        "school_transport": A("Transport every day; escort reports Sam's chair brake slips on the ramp.",
                              {"who": "other_adult", "how_often": "every_day"}, src="Transport escort"),
        "communication": A("Uses the eye-gaze aid well in school; at home it is often flat or not set up.",
                           {"aid": "partly"}, src="Speech and language therapist"),
        "stimulation_inclusion": A("Sociable and curious; few activities outside school and home.",
                                   {"how_often": "sometimes", "who": "parent_carer"}, src="Class teacher"),
        "night_care": A("Michelle turns him at night; no night-time support in place.",
                        {"who": "parent_carer", "how_often": "every_day"}, src="Children with disabilities team"),
        "short_breaks": A("Two short-break offers declined in 2026.", {"in_place": "no", "how_often": "never"},
                          src="Children with disabilities team"),
    },
    ("Baby Fenwick", "child-1"): {
        "parents_day_now": A("Chloe's days have no set shape; she sleeps late and is sick in the mornings.",
                             {"regular": "varies"}),
        "diet_health": A("Irregular meals; vitamins taken sometimes. The baby's growth is normal so far.",
                         {"meals": "sometimes"}),
        "imagined_feeds": A("Bottles and formula not yet bought.", {"ready": "no", "who_night": "shared"}),
        "imagined_crying": A("Chloe says her mum will help; no plan if the baby cries for a long time.",
                             {"plan": "partly"}),
        "support": A("Grandmother and aunt nearby; no health visitor contact yet.", {"in_place": "partly"}),
        "own_childhood": A("Chloe's own time in care makes this baby's early care matter to her."),
    },
    ("Baby Fenwick", "parent-1"): {
        "nights_now": A("I'm up till two on my phone, then sleep till eleven.", {"regular": "no_routine"},
                        own="I can't sleep, I'm uncomfortable.", imp="I'll have to change that."),
        "birth_plans": A("Hospital in Saltmarsh, Dan will drive. My bag's not packed.", {"plan": "partly"}),
        "imagined_play": A("I'll sing to them, I sing to the bump now.", {"how_often": "every_day"}, "very_happy"),
        # asked with Chloe on her own: kept out of every joint view and of the report's body
        "safe_to_talk": A("Dan shouts when he's had a drink, and once he took my phone off me for a whole "
                          "weekend. He's never hit me. Please don't tell him I said anything.",
                          notes="Seen alone in the kitchen while Dan was at work. DASH checklist completed "
                                "with Chloe; talked through with my manager the same day."),
    },
    ("Baby Fenwick", "pro-1"): {
        "parents_day_now": A("Chloe reports low mood and no routine; not in work or training.",
                             {"regular": "varies"}, src="Community midwife"),
        "diet_health": A("Iron low at 28 weeks; tablets prescribed; Healthy Start applied for.",
                         {"meals": "sometimes"}, src="Community midwife"),
        "feelings_about_baby": A("Warm about the pregnancy; talks about the baby often.", {"talks": "every_day"},
                                 src="Community midwife"),
        "getting_ready": A("No cot or basket; one-bedroom flat; clothes from family.", {"basics": "partly",
                           "home": "partly"}, src="Midwife home visit"),
        "imagined_feeds": A("Plans to bottle feed; no equipment yet.", {"ready": "no", "who_night": "shared"},
                            src="Community midwife"),
        "support": A("Maternal grandmother supportive; antenatal health visitor visit not yet held.",
                     {"in_place": "partly"}, src="Health visiting records"),
        "imagined_crying": A("Discussed coping with crying (ICON); Chloe said she'd 'just cuddle'.",
                             {"plan": "partly"}, src="Community midwife"),
        "nights_now": A("Chloe describes late nights on her phone and sleeping until late morning.",
                        {"regular": "no_routine"}, src="Community midwife"),
    },
}


FAMILIES = {"01-hartley.json": hartley, "02-pennyworth.json": pennyworth, "03-ashdown.json": ashdown,
            "04-fenwick.json": fenwick}


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else ROOT / "resources" / "demo"
    out.mkdir(parents=True, exist_ok=True)
    for name, build in FAMILIES.items():
        write_case_file(build(), out / name)
        print(f"wrote {out / name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
