"""The JSON interchange format for a whole case (documented in docs/interchange.md).

Used for test and demo data, and (wrapped in encryption by the store) for moving a case
between machines. Reading is strict: a malformed file, or one written by a newer version of
the tool, is refused with a message that names the place in the file and what is wrong, and
nothing is half-imported.
"""

from __future__ import annotations

import base64
import binascii
import difflib
import io
import json
import os
from datetime import date, datetime
from pathlib import Path
from typing import Any, Callable
from uuid import uuid4

from . import __version__, dates, people
from .case import (Adult, AdultRole, Answer, Case, Child, Disclosure, Drawing, Interview, Perspective,
                   PerspectiveKind, REFERENCE_LIMIT, Worry, clean_reference, control_character)
from .chronology import TEXT_LIMIT as EVENT_TEXT_LIMIT, Effect, Event, event_to_dict, parse_iso_event_date
from .prompts import PRONOUN_SETS
from .family import Bond, Details, Family, Gender, Link, Relative, Role, problem as family_problem, \
    to_dict as family_to_dict
from .scores import MEASURES, Score, ScoreSet, problem as score_problem, to_dict as score_to_dict
from .sort import VALUES as SORT_PILES
from .template_loader import check_snapshot
from .template_model import ALSO_FELT_SCALE, FEELING_SCALE, Template, TemplateRef, content_hash
from .vocab import NeglectType

FORMAT_NAME = "dayinlife-case"
FORMAT_VERSION = 11  # 2: an interview's "source", a case's "hidden"; 3: "seen_alone", "disclosures";
#                    4: an answer's "also_felt"; 5: answers that name people ("person:<id>");
#                    6: an answer's "sensitive"; 7: an answer's "well" (what goes well);
#                    8: a child's interview's "worries" ("Something worries me" in child mode);
#                    9: an answer's "sort" (the pile a child put the topic's card on);
#                    10: a child's interview's "drawings" (drawn in child mode, PNG in base64);
#                    11: a case's "chronology" (significant events, chronology.py); an analysis's
#                        likelihood of change ("tried_before", "capacity", "prognosis"), its kept
#                        "versions" and "reviews"; a case's "scores" from other tools (scores.py)


class InterchangeError(ValueError):
    """The file cannot be imported; the message says where and why."""


# --------------------------------------------------------------------------- writing


def _dt(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _d(value: date | None) -> str | None:
    return value.isoformat() if value else None


def answer_to_dict(a: Answer) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in ("text", "well", "better", "sort", "own_day", "impact", "notes", "source"):
        if getattr(a, name):
            out[name] = getattr(a, name)
    if a.measures:
        out["measures"] = dict(a.measures)
    if a.feeling is not None:
        out["feeling"] = a.feeling
    if a.also_felt:
        out["also_felt"] = list(a.also_felt)
    if a.not_asked is not None:
        out["not_asked"] = a.not_asked
    if a.sensitive:
        out["sensitive"] = True
    if a.updated:
        out["updated"] = _dt(a.updated)
    return out


def disclosure_to_dict(x: Disclosure) -> dict[str, Any]:
    return {"id": x.id, "words": x.words, "asked": x.asked, "topic": x.topic_key, "at": _dt(x.at)}


def worry_to_dict(x: Worry) -> dict[str, Any]:
    return {"id": x.id, "stage": x.stage_key, "topic": x.topic_key, "words": x.words, "at": _dt(x.at)}


def drawing_to_dict(x: Drawing) -> dict[str, Any]:
    return {"id": x.id, "stage": x.stage_key, "topic": x.topic_key, "caption": x.caption, "at": _dt(x.at),
            "png": base64.b64encode(x.png).decode("ascii")}


def drawing_from_dict(d: dict[str, Any]) -> Drawing:
    """A drawing as the store keeps it (checked when it was first read or drawn)."""
    return Drawing(base64.b64decode(d["png"]), d["stage"], d.get("topic", ""), d.get("caption", ""),
                   datetime.fromisoformat(d["at"]), d.get("id") or uuid4().hex)


MAX_DRAWING_BYTES = 2_000_000  # a drawing of PICTURE_SIZE is a few tens of kilobytes
MAX_DRAWING_SIDE = 4000


def drawing_problem(png: bytes) -> str:
    """Why these bytes are not a drawing the app can show ("" when they are): a PNG, not too big,
    of a sensible size, that decodes whole."""
    if len(png) > MAX_DRAWING_BYTES:
        return f"is {len(png) // 1000} kB, more than a drawing can be ({MAX_DRAWING_BYTES // 1000} kB)"
    if not png.startswith(b"\x89PNG\r\n\x1a\n"):
        return "is not a PNG picture"
    from PIL import Image

    try:
        with Image.open(io.BytesIO(png)) as im:
            if im.format != "PNG":
                return "is not a PNG picture"
            if max(im.size) > MAX_DRAWING_SIDE or min(im.size) < 1:
                return f"is {im.size[0]} x {im.size[1]} pixels: a drawing is at most {MAX_DRAWING_SIDE} a side"
            im.verify()
    except Exception:  # noqa: BLE001 (Pillow raises many kinds for a broken picture)
        return "is a damaged picture"
    return ""


def worry_from_dict(d: dict[str, Any]) -> Worry:
    """A worry as the store keeps it (checked when it was first read or pressed)."""
    return Worry(d["stage"], d.get("topic", ""), d.get("words", ""), datetime.fromisoformat(d["at"]),
                 d.get("id") or uuid4().hex)


def disclosure_from_dict(d: dict[str, Any]) -> Disclosure:
    """A disclosure as the store keeps it (checked when it was first read or typed)."""
    return Disclosure(d["words"], d.get("asked", ""), d.get("topic", ""), datetime.fromisoformat(d["at"]),
                      d.get("id") or uuid4().hex)


def answer_from_dict(d: dict[str, Any]) -> Answer:
    """An answer as the store keeps it (checked when it was first read or typed)."""
    updated = d.get("updated")
    return Answer(
        text=d.get("text", ""), measures=dict(d.get("measures", {})), feeling=d.get("feeling"),
        also_felt=list(d.get("also_felt", [])), better=d.get("better", ""), well=d.get("well", ""),
        sort=d.get("sort", ""), own_day=d.get("own_day", ""), impact=d.get("impact", ""),
        notes=d.get("notes", ""), source=d.get("source", ""), not_asked=d.get("not_asked"),
        updated=datetime.fromisoformat(updated) if updated else None, sensitive=bool(d.get("sensitive", False)),
    )


def case_to_dict(case: Case) -> dict[str, Any]:
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "written_by": f"dayinlife {__version__}",
        "case": {
            "id": case.id,
            "reference": case.reference,
            "practitioner": case.practitioner,
            "archived": case.archived,
            "hidden": list(case.hidden),
            "created": _dt(case.created),
            "updated": _dt(case.updated),
            "adults": [
                {"id": a.id, "name": a.name, "role": a.role.value, "role_detail": a.role_detail}
                for a in case.adults
            ],
            "children": [
                {
                    "id": c.id,
                    "name": c.name,
                    "known_as": c.known_as,
                    "date_of_birth": _d(c.date_of_birth),
                    "expected_date": _d(c.expected_date),
                    "pronouns": c.pronouns,
                    "disability": c.disability,
                    "communication": c.communication,
                    "other_needs": c.other_needs,
                    "interviews": [
                        {
                            "id": i.id,
                            "perspective": {"kind": i.perspective.kind.value,
                                            "adult_id": i.perspective.adult_id},
                            "template": i.template.to_dict(),
                            "held_on": _d(i.held_on),
                            "place": i.place,
                            "present": i.present,
                            "interpreter": i.interpreter,
                            "practitioner": i.practitioner,
                            "source": i.source,
                            "seen_alone": i.seen_alone,
                            "disclosures": [disclosure_to_dict(x) for x in i.disclosures],
                            "worries": [worry_to_dict(x) for x in i.worries],
                            "drawings": [drawing_to_dict(x) for x in i.drawings],
                            "created": _dt(i.created),
                            "updated": _dt(i.updated),
                            "answers": {k: answer_to_dict(a) for k, a in i.answers.items()},
                        }
                        for i in c.interviews
                    ],
                }
                for c in case.children
            ],
            "template_snapshots": case.template_snapshots,
            "analyses": [analysis_to_dict(a) for a in case.analyses.values()],
            "chronology": [event_to_dict(ev) for ev in case.chronology],
            "scores": [score_to_dict(x) for x in case.scores],
            "family": family_to_dict(case.family),
        },
    }


def analysis_to_dict(a) -> dict[str, Any]:
    """What the analysis says, with its kept versions and reviews (oversight.py)."""
    from .oversight import review_to_dict, version_to_dict

    return {**a.to_dict(), "versions": [version_to_dict(v) for v in a.versions],
            "reviews": [review_to_dict(x) for x in a.reviews]}


def dumps_case(case: Case) -> str:
    return json.dumps(case_to_dict(case), ensure_ascii=False, indent=2)


def write_case_file(case: Case, path: Path) -> None:
    """Write atomically (files.write_atomically): a reader never sees half a file, and a failure
    leaves the old one. Raises OSError."""
    from . import files

    files.write_atomically(Path(path), dumps_case(case).encode("utf-8"))


# --------------------------------------------------------------------------- reading


class _Reader:
    """Reads plain data into the model, remembering where it is for the error message."""

    def __init__(self) -> None:
        self.problems: list[str] = []

    def fail(self, where: str, message: str) -> None:
        self.problems.append(f"{where}: {message}")

    def obj(self, value: Any, where: str) -> dict:
        if not isinstance(value, dict):
            self.fail(where, f"should be an object {{...}}, found {_json_kind(value)}")
            return {}
        return value

    def get(self, d: dict, key: str, where: str, kind: type | tuple, required: bool = True,
            default: Any = None) -> Any:
        if key not in d or d[key] is None:
            if required:
                self.fail(where, f"missing {key!r}")
            return default
        value = d[key]
        if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
            self.fail(f"{where}.{key}", f"should be {_kind_name(kind)}, found {_json_kind(value)}")
            return default
        if isinstance(value, str) and not is_text(value):
            self.fail(f"{where}.{key}", "holds a character that is not text (a lone half of a pair, \\ud800 to "
                                        "\\udfff): the file was damaged or made by hand")
            return default
        return value

    def only(self, d: dict, allowed: set[str], where: str) -> None:
        """Every key of `d` is one this format has: a misspelt one is named, never silently ignored."""
        for key in d:
            if key not in allowed:
                near = difflib.get_close_matches(str(key), sorted(allowed), n=1)
                hint = f" (did you mean {near[0]!r}?)" if near else ""
                self.fail(f"{where}.{key}", f"is not a field of this format{hint}")

    def text(self, d: dict, key: str, where: str, required: bool = False) -> str:
        before = len(self.problems)
        value = self.get(d, key, where, str, required, "")
        if required and len(self.problems) == before and not value.strip():
            self.fail(f"{where}.{key}", "is empty")
        return value

    def line(self, d: dict, key: str, where: str, required: bool = False) -> str:
        """A name or reference: one line of text, never a control character (a NUL, an escape)."""
        value = self.text(d, key, where, required)
        if isinstance(value, str) and (bad := control_character(value)):
            self.fail(f"{where}.{key}", f"holds a control character ({bad}), which no one types in a name or "
                                        f"a reference: the file was damaged or made by hand")
            return ""
        return value

    def parsed(self, d: dict, key: str, where: str, parse: Callable[[str], Any], what: str,
               required: bool = False) -> Any:
        value = self.get(d, key, where, str, required)
        if value is None:
            return None
        try:
            return parse(value)
        except ValueError:
            self.fail(f"{where}.{key}", f"{value!r} is not {what}")
            return None

    def choice(self, d: dict, key: str, where: str, enum: type, required: bool = True) -> Any:
        value = self.get(d, key, where, str, required)
        if value is None:
            return None
        try:
            return enum(value)
        except ValueError:
            allowed = ", ".join(e.value for e in enum)
            self.fail(f"{where}.{key}", f"{value!r} is not one of: {allowed}")
            return None

    def array(self, d: dict, key: str, where: str) -> list:
        return self.get(d, key, where, list, required=False, default=[])


def is_text(value: str) -> bool:
    """Whether `value` can be written as UTF-8 (no lone half of a surrogate pair)."""
    try:
        value.encode("utf-8")
        return True
    except UnicodeEncodeError:
        return False


def _json_kind(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "text", bool: "true/false", int: "a number",
            float: "a number", type(None): "null"}.get(type(value), type(value).__name__)


def _kind_name(kind: type | tuple) -> str:
    names = {str: "text", bool: "true/false", int: "a whole number", list: "a list", dict: "an object"}
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return " or ".join(names.get(k, k.__name__) for k in kinds)


def _datetime(text: str) -> datetime:
    return datetime.fromisoformat(text)


def case_from_dict(data: Any) -> Case:
    """Build a case from interchange data, or raise InterchangeError listing what is wrong."""
    r = _Reader()
    top = r.obj(data, "the file")
    if top:
        r.only(top, {"format", "version", "written_by", "case"}, "the file")
        if top.get("format") != FORMAT_NAME:
            found = ("it has no 'format'" if "format" not in top
                     else f"its 'format' is {json.dumps(top.get('format'))[:60]}")
            raise InterchangeError(f"this is not a Day in My Life case file ({found}, expected "
                                   f"\"{FORMAT_NAME}\")")
        version = top.get("version")
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            raise InterchangeError(f"the file's 'version' should be a whole number from 1, found "
                                   f"{json.dumps(version)[:60]}")
        if version > FORMAT_VERSION:
            raise InterchangeError(
                f"this case file was written by a newer version of Day in My Life (file format "
                f"version {version}; this version reads up to {FORMAT_VERSION}): update the app to import it")
    body = r.obj(top.get("case"), "case") if top else {}
    case = _read_case(r, body) if body else None
    if r.problems or case is None:
        shown = r.problems[:8]
        more = f" (and {len(r.problems) - 8} more)" if len(r.problems) > 8 else ""
        raise InterchangeError("the case file is not valid: " + "; ".join(shown) + more)
    return case


def _read_case(r: _Reader, d: dict) -> Case | None:
    w = "case"
    r.only(d, {"reference", "id", "practitioner", "archived", "created", "updated", "adults", "children",
               "analyses", "hidden", "template_snapshots", "chronology", "scores", "family"}, w)
    before = len(r.problems)
    reference = clean_reference(r.line(d, "reference", w, required=True))  # kept as the app keeps it
    if not reference and len(r.problems) == before:
        r.fail(f"{w}.reference", "holds nothing but invisible characters")
    if len(reference) > REFERENCE_LIMIT:
        r.fail(f"{w}.reference", f"is {len(reference):,} characters long; a case reference is at most "
                                 f"{REFERENCE_LIMIT}")
    snapshots = _read_snapshots(r, r.get(d, "template_snapshots", w, dict, False, {}))
    adults = []
    for i, raw in enumerate(r.array(d, "adults", w)):
        aw = f"{w}.adults[{i}]"
        a = r.obj(raw, aw)
        r.only(a, {"id", "name", "role", "role_detail"}, aw)
        name = r.line(a, "name", aw, required=True)
        role = r.choice(a, "role", aw, AdultRole)
        adult_id = r.text(a, "id", aw, required=True)
        if name and role and adult_id:
            adults.append(Adult(name, role, adult_id, r.line(a, "role_detail", aw)))
    adult_ids = [a.id for a in adults]
    if len(set(adult_ids)) != len(adult_ids):
        r.fail(f"{w}.adults", "two adults share one id")
    children = []
    for i, raw in enumerate(r.array(d, "children", w)):
        child = _read_child(r, r.obj(raw, f"{w}.children[{i}]"), f"{w}.children[{i}]",
                            set(adult_ids), snapshots)
        if child:
            children.append(child)
    ids = [c.id for c in children] + [iv.id for c in children for iv in c.interviews]
    if len(set(ids)) != len(ids):
        r.fail(f"{w}.children", "two children or interviews share one id")
    _check_named(r, w, children, set(adult_ids) | {c.id for c in children})
    if r.problems:
        return None
    analyses = _read_analyses(r, r.array(d, "analyses", w), {c.id for c in children})
    case = Case(reference, adults, children, id=r.text(d, "id", w, required=True),
                practitioner=r.line(d, "practitioner", w),
                archived=r.get(d, "archived", w, bool, False, False),
                template_snapshots={h: t.to_dict() for h, t in snapshots.items()},
                analyses=analyses, hidden=_read_hidden(r, d, w),
                chronology=_read_chronology(r, r.array(d, "chronology", w), {c.id for c in children}),
                scores=_read_scores(r, r.array(d, "scores", w), {c.id for c in children}),
                family=_read_family(r, r.get(d, "family", w, dict, False, {}),
                                    set(adult_ids) | {c.id for c in children}))
    for name in ("created", "updated"):
        value = r.parsed(d, name, w, _datetime, "a date and time")
        if value:
            setattr(case, name, value)
    return None if r.problems else case


def _read_chronology(r: _Reader, raw: list, child_ids: set[str]) -> list[Event]:
    """Each significant event, every field checked, with its place named."""
    out: list[Event] = []
    seen: set[str] = set()
    for i, item in enumerate(raw):
        w = f"case.chronology[{i}]"
        d = r.obj(item, w)
        if not d:
            continue
        before = len(r.problems)
        r.only(d, {"id", "when", "what", "source", "impact", "effect", "action", "children", "neglect",
                   "created", "updated"}, w)
        when = r.parsed(d, "when", w, parse_iso_event_date, "a date (YYYY-MM-DD), a month (YYYY-MM) or a year (YYYY)", True)
        texts = {k: r.text(d, k, w, required=(k == "what")) for k in ("what", "source", "impact", "action")}
        for k, v in texts.items():
            if len(v) > EVENT_TEXT_LIMIT:
                r.fail(f"{w}.{k}", f"is {len(v):,} characters long; an event's {k} is at most {EVENT_TEXT_LIMIT:,}")
        effect = r.choice(d, "effect", w, Effect, required=False) or Effect.NOT_KNOWN
        children = []
        for j, c in enumerate(r.array(d, "children", w)):
            if not isinstance(c, str):
                r.fail(f"{w}.children[{j}]", f"should be a child's id (text), found {_json_kind(c)}")
            elif c not in child_ids:
                r.fail(f"{w}.children[{j}]", f"{c[:60]!r} is not a child in this case")
            elif c not in children:
                children.append(c)
        neglect = []
        for j, code in enumerate(r.array(d, "neglect", w)):
            try:
                kind = NeglectType(code) if isinstance(code, str) else None
            except ValueError:
                kind = None
            if kind is None:
                r.fail(f"{w}.neglect[{j}]", f"{json.dumps(code)[:60]} is not one of: "
                                            f"{', '.join(n.value for n in NeglectType)}")
            elif kind not in neglect:
                neglect.append(kind)
        event_id = r.text(d, "id", w) or uuid4().hex
        if event_id in seen:
            r.fail(f"{w}.id", "is the id of another event in this chronology")
        seen.add(event_id)
        created = r.parsed(d, "created", w, _datetime, "a date and time")
        updated = r.parsed(d, "updated", w, _datetime, "a date and time")
        if len(r.problems) == before and when is not None:
            out.append(Event(when, texts["what"], texts["source"], texts["impact"], effect, texts["action"],
                             children, [n for n in NeglectType if n in neglect], event_id, created, updated))
    return out


def _read_scores(r: _Reader, raw: list, child_ids: set[str]) -> list[ScoreSet]:
    """Each set of scores from another tool: its fields checked by type and place, then as the app
    checks one it keeps (scores.problem: areas, ranges)."""
    out: list[ScoreSet] = []
    seen: set[str] = set()
    for i, item in enumerate(raw):
        w = f"case.scores[{i}]"
        d = r.obj(item, w)
        if not d:
            continue
        before = len(r.problems)
        r.only(d, {"id", "measure", "on", "name", "by", "informant", "children", "notes", "scores", "low", "high",
                   "better", "updated"}, w)
        measure = r.get(d, "measure", w, str)
        if isinstance(measure, str) and measure not in MEASURES:
            r.fail(f"{w}.measure", f"{measure[:60]!r} is not one of: {', '.join(MEASURES)}")
        on = r.parsed(d, "on", w, date.fromisoformat, "a date (YYYY-MM-DD)", True)
        scores = []
        for j, raw_score in enumerate(r.array(d, "scores", w)):
            sw = f"{w}.scores[{j}]"
            x = r.obj(raw_score, sw)
            r.only(x, {"area", "value"}, sw)
            area, value = r.text(x, "area", sw, True), r.get(x, "value", sw, int)
            if area and isinstance(value, int):
                scores.append(Score(area, value))
        children = []
        for j, c in enumerate(r.array(d, "children", w)):
            if not isinstance(c, str) or c not in child_ids:
                r.fail(f"{w}.children[{j}]", f"{json.dumps(c)[:60]} is not a child in this case")
            elif c not in children:
                children.append(c)
        low, high = r.get(d, "low", w, int, False), r.get(d, "high", w, int, False)
        sid = r.text(d, "id", w) or uuid4().hex
        if sid in seen:
            r.fail(f"{w}.id", "is the id of another set of scores")
        seen.add(sid)
        updated = r.parsed(d, "updated", w, _datetime, "a date and time")
        texts = {k: r.text(d, k, w) for k in ("name", "by", "informant", "notes", "better")}
        if len(r.problems) != before or on is None or measure not in MEASURES:
            continue
        s = ScoreSet(measure, on, scores, texts["name"], texts["by"], texts["informant"], children, texts["notes"],
                     low, high, texts["better"], sid, updated)
        said = score_problem(s, child_ids)
        if said:
            r.fail(w, said)
            continue
        out.append(s)
    return out


def _read_family(r: _Reader, d: dict, household: set[str]) -> Family:
    """The wider family: every field checked by type and place, then as the app checks it (family.problem)."""
    w = "case.family"
    if not d:
        return Family()
    before = len(r.problems)
    r.only(d, {"relatives", "links", "details", "childhood", "history"}, w)
    relatives = []
    for i, raw in enumerate(r.array(d, "relatives", w)):
        rw = f"{w}.relatives[{i}]"
        x = r.obj(raw, rw)
        r.only(x, {"id", "name", "role", "role_detail", "gender", "born", "died", "where", "notes"}, rw)
        name, role = r.line(x, "name", rw, True), r.choice(x, "role", rw, Role)
        gender = r.choice(x, "gender", rw, Gender, required=False) or Gender.OTHER
        born, died = r.get(x, "born", rw, int, False), r.get(x, "died", rw, bool, False, False)
        rid = r.text(x, "id", rw, True)
        if name and role and rid:
            relatives.append(Relative(name, role, gender, born, died, r.text(x, "where", rw), r.text(x, "notes", rw),
                                      r.line(x, "role_detail", rw), rid))
    known = household | {x.id for x in relatives}
    if len(known) != len(household) + len(relatives):
        r.fail(f"{w}.relatives", "two people share one id")
    links = []
    for i, raw in enumerate(r.array(d, "links", w)):
        lw = f"{w}.links[{i}]"
        x = r.obj(raw, lw)
        r.only(x, {"id", "a", "b", "bond", "notes"}, lw)
        a, b, bond = r.text(x, "a", lw, True), r.text(x, "b", lw, True), r.choice(x, "bond", lw, Bond)
        for key, pid in (("a", a), ("b", b)):
            if pid and pid not in known:
                r.fail(f"{lw}.{key}", f"{pid[:60]!r} is not anyone in this family")
        if a and b and bond:
            links.append(Link(a, b, bond, r.text(x, "notes", lw), r.text(x, "id", lw) or uuid4().hex))
    details = {}
    for pid, raw in r.get(d, "details", w, dict, False, {}).items():
        dw = f"{w}.details[{pid[:40]!r}]"
        x = r.obj(raw, dw)
        r.only(x, {"gender", "born", "died"}, dw)
        if pid not in household:
            r.fail(dw, "is not an adult or a child of the household")
            continue
        details[pid] = Details(r.choice(x, "gender", dw, Gender, required=False) or Gender.OTHER,
                               r.get(x, "born", dw, int, False), r.get(x, "died", dw, bool, False, False))
    childhood = {}
    for pid, text in r.get(d, "childhood", w, dict, False, {}).items():
        if pid not in known:
            r.fail(f"{w}.childhood[{pid[:40]!r}]", "is not anyone in this family")
        elif not isinstance(text, str) or not is_text(text):
            r.fail(f"{w}.childhood[{pid[:40]!r}]", f"should be text, found {_json_kind(text)}")
        else:
            childhood[pid] = text
    family = Family(relatives, links, details, childhood, r.text(d, "history", w))
    if len(r.problems) == before:
        said = family_problem(family, known)
        if said:
            r.fail(w, said)
    return family


def _check_named(r: _Reader, w: str, children: list[Child], known: set[str]) -> None:
    """Every answer that names people names people of this case, in the stored form."""
    for ci, child in enumerate(children):
        for ii, iv in enumerate(child.interviews):
            for key, answer in iv.answers.items():
                for mid, value in answer.measures.items():
                    if people.is_named(value) and (wrong := people.problem(value, known)):
                        r.fail(f"{w}.children[{ci}].interviews[{ii}].answers[{key!r}].measures[{mid!r}]", wrong)


def _read_seen_alone(r: _Reader, d: dict, w: str) -> bool | None:
    value = d.get("seen_alone")
    if value is not None and not isinstance(value, bool):
        r.fail(f"{w}.seen_alone", f"should be true, false or null, found {_json_kind(value)}")
        return None
    return value


def _read_disclosures(r: _Reader, d: dict, w: str) -> list[Disclosure]:
    out = []
    for i, raw in enumerate(r.array(d, "disclosures", w)):
        where = f"{w}.disclosures[{i}]"
        x = r.obj(raw, where)
        words = r.text(x, "words", where, required=True)
        at = r.parsed(x, "at", where, _datetime, "a date and time", required=True)
        if words and at:
            out.append(Disclosure(words, r.text(x, "asked", where), r.text(x, "topic", where), at,
                                  r.text(x, "id", where) or uuid4().hex))
    return out


def _in_child_mode(r: _Reader, d: dict, w: str, kind: PerspectiveKind | None, field: str, what: str,
                   fields: set[str]):
    """Each object of an interview's list of things a child did in child mode (`field`), with its
    place, holding only `fields`; none, and the problem noted, in an interview that is not a child's."""
    raw_list = r.array(d, field, w)
    if raw_list and kind is not None and kind is not PerspectiveKind.CHILD:
        r.fail(f"{w}.{field}", f"only a child's own interview has {what} (child mode)")
        return
    for i, raw in enumerate(raw_list):
        where = f"{w}.{field}[{i}]"
        x = r.obj(raw, where)
        r.only(x, fields, where)
        yield where, x


def _at_a_stage(r: _Reader, where: str, snapshot: Template | None, stage: str, topic: str) -> bool:
    """Whether what a child did in child mode names a stage (and topic) of the interview's template;
    if not, the problem is noted at `where`."""
    if snapshot is None or not stage:
        return True
    found = next((st for st in snapshot.stages if st.id == stage), None)
    if found is None:
        r.fail(f"{where}.stage", f"{stage!r} is not a stage of the interview's template")
        return False
    if topic and topic not in {t.key for t in found.topics}:
        r.fail(f"{where}.topic", f"{topic!r} is not a topic of the stage {stage!r}")
        return False
    return True


def _read_worries(r: _Reader, d: dict, w: str, kind: PerspectiveKind | None,
                  snapshot: Template | None) -> list[Worry]:
    """"Something worries me", as the child pressed it: only in a child's own interview, at a stage
    (and topic) of the interview's template."""
    out = []
    for where, x in _in_child_mode(r, d, w, kind, "worries", "\"Something worries me\"",
                                   {"id", "stage", "topic", "words", "at"}):
        stage = r.text(x, "stage", where, required=True)
        topic = r.text(x, "topic", where)
        at = r.parsed(x, "at", where, _datetime, "a date and time", required=True)
        if not _at_a_stage(r, where, snapshot, stage, topic):
            continue
        if stage and at:
            out.append(Worry(stage, topic, r.text(x, "words", where), at, r.text(x, "id", where) or uuid4().hex))
    return out


def _read_drawings(r: _Reader, d: dict, w: str, kind: PerspectiveKind | None,
                   snapshot: Template | None) -> list[Drawing]:
    """Drawings made in child mode: only in a child's own interview, at a stage (and topic) of its
    template, each a PNG that decodes whole and is not too big."""
    out = []
    for where, x in _in_child_mode(r, d, w, kind, "drawings", "drawings",
                                   {"id", "stage", "topic", "caption", "at", "png"}):
        stage = r.text(x, "stage", where, required=True)
        topic = r.text(x, "topic", where)
        at = r.parsed(x, "at", where, _datetime, "a date and time", required=True)
        encoded = r.get(x, "png", where, str, True, "")
        try:
            png = base64.b64decode(encoded, validate=True) if len(encoded) <= MAX_DRAWING_BYTES * 4 // 3 + 4 else None
        except (binascii.Error, ValueError):
            png = b""
        if png is None:
            r.fail(f"{where}.png", f"is more than a drawing can be ({MAX_DRAWING_BYTES // 1000} kB)")
            continue
        problem = drawing_problem(png) if png else "is not base64 (the letters a PNG is written in)"
        if problem:
            r.fail(f"{where}.png", problem)
            continue
        if not _at_a_stage(r, where, snapshot, stage, topic):
            continue
        if stage and at:
            out.append(Drawing(png, stage, topic, r.text(x, "caption", where), at,
                               r.text(x, "id", where) or uuid4().hex))
    return out


def _read_analysis(r: _Reader, d: dict, w: str, kept: bool = True):
    """One analysis, every field checked for its type, with its place named (and, when `kept`, its
    versions kept for review and their reviews)."""
    from .analysis import Action, Analysis, NeglectJudgement, ScaleRating

    before = len(r.problems)
    r.only(d, {"child_id", "interview_ids", "by_neglect", "strengths", "worries", "impact_now",
               "impact_if_unchanged", "tried_before", "capacity", "prognosis", "actions", "ratings",
               "practitioner", "updated"} | ({"versions", "reviews"} if kept else set()), w)
    child_id = r.text(d, "child_id", w, required=True)
    interview_ids = []
    for i, item in enumerate(r.array(d, "interview_ids", w)):
        if isinstance(item, str) and is_text(item):
            interview_ids.append(item)
        else:
            r.fail(f"{w}.interview_ids[{i}]", f"should be text, found {_json_kind(item)}")
    by_neglect = {}
    for code, raw in r.get(d, "by_neglect", w, dict, False, {}).items():
        nw = f"{w}.by_neglect[{code!r}]"
        try:
            kind = NeglectType(code)
        except ValueError:
            r.fail(nw, f"{code!r} is not one of: {', '.join(n.value for n in NeglectType)}")
            continue
        j = r.obj(raw, nw)
        r.only(j, {"narrative"}, nw)
        by_neglect[kind] = NeglectJudgement(r.text(j, "narrative", nw))
    actions = []
    for i, raw in enumerate(r.array(d, "actions", w)):
        aw = f"{w}.actions[{i}]"
        a = r.obj(raw, aw)
        r.only(a, {"what", "who", "by_when"}, aw)
        actions.append(Action(r.text(a, "what", aw, required=True), r.text(a, "who", aw),
                              r.parsed(a, "by_when", aw, date.fromisoformat, "a date (YYYY-MM-DD)")))
    ratings = []
    for i, raw in enumerate(r.array(d, "ratings", w)):
        rw = f"{w}.ratings[{i}]"
        a = r.obj(raw, rw)
        r.only(a, {"person", "score", "reason"}, rw)
        score = r.get(a, "score", rw, int)
        person, reason = r.text(a, "person", rw, required=True), r.text(a, "reason", rw)
        if isinstance(score, int) and not 0 <= score <= 10:
            r.fail(f"{rw}.score", f"should be from 0 to 10, found {score}")
        elif isinstance(score, int):
            ratings.append(ScaleRating(person, score, reason))
    analysis = Analysis(child_id, interview_ids, by_neglect, strengths=r.text(d, "strengths", w),
                        worries=r.text(d, "worries", w), impact_now=r.text(d, "impact_now", w),
                        impact_if_unchanged=r.text(d, "impact_if_unchanged", w),
                        tried_before=r.text(d, "tried_before", w), capacity=r.text(d, "capacity", w),
                        prognosis=r.text(d, "prognosis", w), actions=actions, ratings=ratings,
                        practitioner=r.text(d, "practitioner", w),
                        updated=r.parsed(d, "updated", w, _datetime, "a date and time"))
    if kept:
        analysis.versions, analysis.reviews = _read_oversight(r, d, w, child_id)
    return analysis if len(r.problems) == before else None


def _read_oversight(r: _Reader, d: dict, w: str, child_id: str):
    """The versions kept for review (numbered 1, 2, 3... in order, each what an analysis says, checked
    as one) and the reviews, each of a version there."""
    from .oversight import COMMENTS_LIMIT, Outcome, Review, Version

    versions, reviews, ids = [], [], set()
    for i, raw in enumerate(r.array(d, "versions", w)):
        vw = f"{w}.versions[{i}]"
        x = r.obj(raw, vw)
        r.only(x, {"id", "number", "at", "by", "data"}, vw)
        number = r.get(x, "number", vw, int)
        if isinstance(number, int) and number != i + 1:
            r.fail(f"{vw}.number", f"should be {i + 1} (versions are numbered in order from 1), found {number}")
        at = r.parsed(x, "at", vw, _datetime, "a date and time", required=True)
        data = r.get(x, "data", vw, dict, True, {})
        if data:
            said = _read_analysis(r, data, f"{vw}.data", kept=False)
            if said is not None and said.child_id != child_id:
                r.fail(f"{vw}.data.child_id", "is not the child this analysis is about")
        vid = r.text(x, "id", vw) or uuid4().hex
        if vid in ids:
            r.fail(f"{vw}.id", "is the id of another version or review")
        ids.add(vid)
        if isinstance(number, int) and at is not None and data:
            versions.append(Version(number, at, r.text(x, "by", vw), data, vid))
    numbers = {v.number for v in versions}
    for i, raw in enumerate(r.array(d, "reviews", w)):
        rw = f"{w}.reviews[{i}]"
        x = r.obj(raw, rw)
        r.only(x, {"id", "version", "by", "at", "outcome", "comments"}, rw)
        number = r.get(x, "version", rw, int)
        if isinstance(number, int) and number not in numbers:
            r.fail(f"{rw}.version", f"names version {number}, which this analysis does not have")
        by = r.text(x, "by", rw, required=True)
        at = r.parsed(x, "at", rw, _datetime, "a date and time", required=True)
        outcome = r.choice(x, "outcome", rw, Outcome)
        comments = r.text(x, "comments", rw)
        if len(comments) > COMMENTS_LIMIT:
            r.fail(f"{rw}.comments", f"is {len(comments):,} characters long; at most {COMMENTS_LIMIT:,}")
        rid = r.text(x, "id", rw) or uuid4().hex
        if rid in ids:
            r.fail(f"{rw}.id", "is the id of another version or review")
        ids.add(rid)
        if isinstance(number, int) and by and at is not None and outcome is not None:
            reviews.append(Review(number, by, at, outcome, comments, rid))
    return versions, reviews


def _read_hidden(r: _Reader, d: dict, w: str) -> list[str]:
    out = []
    for i, item in enumerate(r.array(d, "hidden", w)):
        if isinstance(item, str) and not is_text(item):
            r.fail(f"{w}.hidden[{i}]", "holds a character that is not text")
        elif isinstance(item, str):
            if item.strip():
                out.append(item.strip())
        else:
            r.fail(f"{w}.hidden[{i}]", f"should be text, found {_json_kind(item)}")
    return out


def _read_analyses(r: _Reader, raw: list, child_ids: set[str]) -> dict:
    from .analysis import Analysis

    out = {}
    for i, item in enumerate(raw):
        where = f"case.analyses[{i}]"
        d = r.obj(item, where)
        if not d:
            continue
        analysis = _read_analysis(r, d, where)
        if analysis is None:
            continue
        if analysis.child_id not in child_ids:
            r.fail(f"{where}.child_id", f"{analysis.child_id!r} is not a child in this case")
            continue
        if analysis.child_id in out:  # one analysis per child: keeping either would lose the other unseen
            r.fail(f"{where}.child_id", "is a second analysis for the same child (a case keeps one analysis "
                                        "per child): merge the two into one before importing")
            continue
        out[analysis.child_id] = analysis
    return out


def _read_snapshots(r: _Reader, raw: dict) -> dict[str, Template]:
    out = {}
    for h, snap in raw.items():
        where = f"case.template_snapshots[{h!r}]"
        problems = check_snapshot(snap, where)  # checked as a template file is, before anything is read
        if problems:
            shown = "; ".join(f"{p.where}: {p.message}" if p.where else p.message for p in problems[:3])
            more = f" (and {len(problems) - 3} more)" if len(problems) > 3 else ""
            r.fail(where, f"is not a template the app can use: {shown}{more}")
            continue
        try:
            template = Template.from_dict(snap)
        except (KeyError, TypeError, ValueError, AttributeError, IndexError) as exc:
            r.fail(where, f"is not a readable template ({exc.__class__.__name__}: {exc})")
            continue
        if content_hash(template.to_dict()) != h:
            r.fail(where, "its content does not match its fingerprint (the file was altered)")
            continue
        out[h] = template
    return out


def _read_child(r: _Reader, d: dict, w: str, adult_ids: set[str],
                snapshots: dict[str, Template]) -> Child | None:
    r.only(d, {"id", "name", "known_as", "date_of_birth", "expected_date", "pronouns", "disability",
               "communication", "other_needs", "interviews"}, w)
    name = r.line(d, "name", w, required=True)
    child_id = r.text(d, "id", w, required=True)
    dob = r.parsed(d, "date_of_birth", w, date.fromisoformat, "a date (YYYY-MM-DD)")
    if dob is not None and dob > dates.today():
        r.fail(f"{w}.date_of_birth", f"{dob.isoformat()} is in the future: give it as the 'expected_date'")
    due = r.parsed(d, "expected_date", w, date.fromisoformat, "a date (YYYY-MM-DD)")
    if d.get("date_of_birth") is None and d.get("expected_date") is None:
        r.fail(w, "needs a 'date_of_birth' or an 'expected_date'")
    pronouns = r.text(d, "pronouns", w) or "they"
    if pronouns not in PRONOUN_SETS:
        r.fail(f"{w}.pronouns", f"{pronouns!r} is not one of: {', '.join(PRONOUN_SETS)}")
    interviews = []
    for i, raw in enumerate(r.array(d, "interviews", w)):
        iv = _read_interview(r, r.obj(raw, f"{w}.interviews[{i}]"), f"{w}.interviews[{i}]",
                             adult_ids, snapshots)
        if iv:
            interviews.append(iv)
    if not (name and child_id) or (dob is None and due is None):
        return None
    return Child(name, child_id, dob, due, pronouns, r.text(d, "disability", w),
                 r.text(d, "communication", w), r.text(d, "other_needs", w), interviews,
                 known_as=r.line(d, "known_as", w))


def _read_interview(r: _Reader, d: dict, w: str, adult_ids: set[str],
                    snapshots: dict[str, Template]) -> Interview | None:
    before = len(r.problems)
    r.only(d, {"id", "perspective", "template", "held_on", "place", "present", "interpreter", "practitioner",
               "source", "seen_alone", "disclosures", "worries", "drawings", "answers", "created", "updated"}, w)
    p = r.obj(d.get("perspective"), f"{w}.perspective")
    r.only(p, {"kind", "adult_id"}, f"{w}.perspective")
    kind = r.choice(p, "kind", f"{w}.perspective", PerspectiveKind)
    adult_id = r.get(p, "adult_id", f"{w}.perspective", str, required=False)
    perspective = None
    if kind is PerspectiveKind.PARENT and adult_id not in adult_ids:
        r.fail(f"{w}.perspective.adult_id", f"{adult_id!r} is not an adult in this household")
    elif kind is not None and kind is not PerspectiveKind.PARENT and adult_id is not None:
        r.fail(f"{w}.perspective.adult_id", "only a parent/carer interview names an adult")
    elif kind is not None:
        perspective = Perspective(kind, adult_id)
    t = r.obj(d.get("template"), f"{w}.template")
    r.only(t, {"id", "version", "hash"}, f"{w}.template")
    ref = TemplateRef(r.text(t, "id", f"{w}.template", True), r.text(t, "version", f"{w}.template", True),
                      r.text(t, "hash", f"{w}.template", True))
    held_on = r.parsed(d, "held_on", w, date.fromisoformat, "a date (YYYY-MM-DD)", required=True)
    if held_on is not None and held_on > dates.today():  # a mistyped year must not reach an assessment
        r.fail(f"{w}.held_on", f"{held_on.isoformat()} is in the future (today is {dates.today().isoformat()})")
    snapshot = snapshots.get(ref.content_hash)
    if snapshot is None and ref.content_hash and not any(f"case.template_snapshots[{ref.content_hash!r}]"
                                                        in p for p in r.problems):
        r.fail(f"{w}.template", f"the file does not carry the template this interview used ({ref.id} "
                                f"v{ref.version}): without it the interview cannot be shown or reported")
    if snapshot is not None and (snapshot.id, snapshot.version) != (ref.id, ref.version):
        # the report would name one template and show another's questions
        r.fail(f"{w}.template", f"names template {ref.id} v{ref.version}, but the template the file carries "
                                f"for it is {snapshot.id} v{snapshot.version}")
    if held_on is not None and held_on.year < 1900:
        r.fail(f"{w}.held_on", f"{held_on.isoformat()} is not a date an interview could have been held")
    answers = {}
    for key, raw in r.get(d, "answers", w, dict, False, {}).items():
        answer = _read_answer(r, r.obj(raw, f"{w}.answers[{key!r}]"), f"{w}.answers[{key!r}]", key, snapshot)
        if answer is not None:
            answers[key] = answer
    worries = _read_worries(r, d, w, kind, snapshot)
    drawings = _read_drawings(r, d, w, kind, snapshot)
    if len(r.problems) > before or perspective is None or held_on is None:
        return None
    iv = Interview(perspective, ref, held_on, id=r.text(d, "id", w, required=True),
                   place=r.text(d, "place", w), present=r.text(d, "present", w),
                   interpreter=r.text(d, "interpreter", w), practitioner=r.text(d, "practitioner", w),
                   answers=answers, source=r.text(d, "source", w),
                   seen_alone=_read_seen_alone(r, d, w), disclosures=_read_disclosures(r, d, w), worries=worries,
                   drawings=drawings)
    for name in ("created", "updated"):
        value = r.parsed(d, name, w, _datetime, "a date and time")
        if value:
            setattr(iv, name, value)
    return iv


def _read_answer(r: _Reader, d: dict, w: str, key: str, snapshot: Template | None) -> Answer | None:
    known = {"text", "measures", "feeling", "also_felt", "better", "well", "sort", "own_day", "impact", "notes",
             "source", "not_asked", "updated", "sensitive"}
    for extra in sorted(set(d) - known):
        r.fail(f"{w}.{extra}", "is not a field of an answer")
    measures = r.get(d, "measures", w, dict, False, {})
    for mid, value in measures.items():
        if not isinstance(value, str):
            r.fail(f"{w}.measures[{mid!r}]", f"should be text, found {_json_kind(value)}")
    feeling = r.get(d, "feeling", w, str, False)
    also_felt = r.get(d, "also_felt", w, list, False, [])
    for i, value in enumerate(also_felt):
        if not isinstance(value, str):
            r.fail(f"{w}.also_felt[{i}]", f"should be text, found {_json_kind(value)}")
    if len(set(also_felt)) != len(also_felt):
        r.fail(f"{w}.also_felt", "names the same feeling twice")
    piled = r.get(d, "sort", w, str, False, "")
    if piled and piled not in SORT_PILES:
        r.fail(f"{w}.sort", f"{piled!r} is not a pile a card can be put on ({', '.join(sorted(SORT_PILES))})")
    if snapshot is not None:
        try:
            topic = snapshot.topic(key)
        except KeyError:
            r.fail(w, f"topic {key!r} is not in template {snapshot.id} v{snapshot.version}")
            return None
        scales = {m.id: snapshot.scales[m.scale] for m in topic.measures}
        for mid, value in measures.items():
            if mid not in scales:
                r.fail(f"{w}.measures[{mid!r}]", f"topic {key!r} has no measure {mid!r}")
            elif isinstance(value, str) and people.is_named(value) and scales[mid].people:
                pass  # a named answer: checked against the people of the case once all are read
            elif isinstance(value, str) and value not in scales[mid].values:
                r.fail(f"{w}.measures[{mid!r}]", f"{value!r} is not an answer on the "
                                                 f"{scales[mid].name!r} scale")
        if feeling is not None and feeling not in snapshot.feelings.values:
            r.fail(f"{w}.feeling", f"{feeling!r} is not one of the faces on the {snapshot.common.faces!r} scale")
        others = snapshot.scales.get(ALSO_FELT_SCALE)
        for i, value in enumerate(also_felt):
            if isinstance(value, str) and (others is None or value not in others.values):
                r.fail(f"{w}.also_felt[{i}]", f"{value!r} is not one of the other feelings in template "
                                               f"{snapshot.id} v{snapshot.version}")
    return Answer(
        text=r.text(d, "text", w), measures=dict(measures), feeling=feeling,
        also_felt=[v for v in also_felt if isinstance(v, str)],
        better=r.text(d, "better", w), well=r.text(d, "well", w), own_day=r.text(d, "own_day", w),
        sort=piled if piled in SORT_PILES else "",
        impact=r.text(d, "impact", w),
        notes=r.text(d, "notes", w), source=r.text(d, "source", w),
        not_asked=r.get(d, "not_asked", w, str, False),
        updated=r.parsed(d, "updated", w, _datetime, "a date and time"),
        sensitive=bool(r.get(d, "sensitive", w, bool, False)),
    )


class _Twice(ValueError):
    pass


def _no_key_twice(pairs: list[tuple[str, Any]]) -> dict:
    """An object, refusing a key given twice: a JSON reader would keep one copy and drop the other unseen."""
    out = {}
    for key, value in pairs:
        if key in out:
            others = [k for k in out if k != key][:3]
            beside = f" (in the object that also holds {', '.join(map(repr, others))})" if others else ""
            raise _Twice(f"the key {key!r} is given twice in one object{beside}: one of the two would be "
                         f"lost, so the file is refused")
        out[key] = value
    return out


def loads_case(text: str | bytes) -> Case:
    if not text.strip():
        raise InterchangeError("the case file is empty")
    try:
        data = json.loads(text, object_pairs_hook=_no_key_twice)
    except _Twice as exc:
        raise InterchangeError(f"the case file is not valid: {exc}") from None
    except json.JSONDecodeError as exc:
        what = exc.msg.removesuffix(" at")  # ("Unterminated string starting at": then "at line ...")
        raise InterchangeError(f"the case file is not valid JSON: {what} at line {exc.lineno}, "
                               f"column {exc.colno}") from None
    except UnicodeDecodeError:
        raise InterchangeError("the case file is not UTF-8 text") from None
    except ValueError:  # a number thousands of digits long: no case file holds one
        raise InterchangeError("the case file holds a number too long to be part of a case file") from None
    except RecursionError:
        raise InterchangeError("the case file is nested too deeply to be a case file (lists or tables "
                               "inside one another thousands of times)") from None
    try:
        return case_from_dict(data)
    except RecursionError:
        raise InterchangeError("the case file is nested too deeply to be a case file") from None


CASE_FILE_LIMIT = 256 * 1024 * 1024  # far beyond a family's case, drawings and all


def read_case_file(path: Path) -> Case:
    from . import files

    path = Path(path)
    try:
        raw = files.read_limited(path, CASE_FILE_LIMIT, "case file")
    except FileNotFoundError:
        raise InterchangeError(f"{path}: no such file") from None
    except OSError as exc:
        raise InterchangeError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    return loads_case(raw)
