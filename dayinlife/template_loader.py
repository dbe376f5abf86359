"""Read template files, check them, and report every problem in words an editor can act on.

A template is hand-edited TOML, so the loader never stops at the first mistake and never lets
one broken file stop the others: it collects `Problem`s (file, line, where, what) and keeps
going. Only a template with no problems is handed to the rest of the program.
"""

from __future__ import annotations

import difflib
import json
import re
import tomllib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Callable

from . import files
from .paths import face_picture, option_picture
from .prompts import PromptError, check_prompt
from . import dates
from .template_model import (
    APPROVED,
    DRAFT,
    ALSO_FELT_SCALE,
    FEELING_SCALE,
    FORMAT_VERSION,
    CommonWording,
    Measure,
    Review,
    Scale,
    ScaleOption,
    Stage,
    Suits,
    Template,
    Topic,
)
from .vocab import FRAMEWORK_DIMENSIONS, ChildVoice, NeglectType, StageKind

SCALES_FILE = "scales.toml"
ID_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None
    where: str
    message: str

    def __str__(self) -> str:
        place = f"{self.file}:{self.line}" if self.line else self.file
        return f"{place}: {self.where}: {self.message}" if self.where else f"{place}: {self.message}"


@dataclass
class TemplateLibrary:
    """The templates that loaded, and the problems of those that did not."""

    templates: dict[str, Template] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    broken_files: list[str] = field(default_factory=list)

    def get(self, template_id: str) -> Template:
        try:
            return self.templates[template_id]
        except KeyError:
            known = ", ".join(sorted(self.templates)) or "none"
            raise KeyError(f"no template with id {template_id!r} (available: {known})") from None

    def ordered(self) -> list[Template]:
        """Youngest first, the disabled-child template last: the order a practitioner expects."""
        return sorted(
            self.templates.values(),
            key=lambda t: (t.suits.disability, t.suits.from_months, t.id),
        )


# --------------------------------------------------------------------------- line numbers


class _LineIndex:
    """Finds the line of a key path in a TOML file written in the layout templates/README.md
    shows (`[[stages]]` and `[[stages.topics]]` headers). Anything else gets no line, and the
    key path alone says where."""

    _HEADER = re.compile(r"^\s*\[\[?\s*([A-Za-z0-9_.\"' -]+?)\s*\]\]?\s*(#.*)?$")

    def __init__(self, text: str):
        self.lines = text.splitlines()
        self.headers: list[tuple[int, str]] = []  # (0-based line, dotted name)
        for i, line in enumerate(self.lines):
            m = self._HEADER.match(line)
            if m:
                self.headers.append((i, m.group(1).replace(" ", "")))

    def line_of(self, path: list[str | int]) -> int | None:
        if not path:
            return None
        # The lines holding the current table's own keys, and the region its sub-tables lie in.
        own = (0, self.headers[0][0] if self.headers else len(self.lines))
        region = (0, len(self.lines))
        found = None
        prefix, i = "", 0
        while i < len(path) and isinstance(path[i], str):
            name = prefix + str(path[i])
            indexed = i + 1 < len(path) and isinstance(path[i + 1], int)
            wanted = path[i + 1] if indexed else 0
            matches = [k for k, (ln, h) in enumerate(self.headers)
                       if h == name and region[0] <= ln < region[1]]
            if wanted >= len(matches):
                break
            k = matches[wanted]
            ln = self.headers[k][0]
            later = self.headers[k + 1:]
            own = (ln + 1, later[0][0] if later else len(self.lines))
            region = (ln, next((l for l, h in later if not h.startswith(name + ".")), len(self.lines)))
            found = ln + 1
            prefix = name + "."
            i += 2 if indexed else 1
        if i < len(path) and isinstance(path[i], str):
            key = re.compile(rf"^\s*{re.escape(str(path[i]))}\s*=")
            for n in range(*own):
                if key.match(self.lines[n]):
                    return n + 1
        return found


# --------------------------------------------------------------------------- reading helpers


def _where(path: list[str | int]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


class _Checker:
    """Walks one parsed file and records problems against it."""

    def __init__(self, file: str, text: str, authoring: bool = True):
        self.file = file
        # False for a template carried in a case file or the store: the rules for writing one
        # (a child_label on each measure put to the child) came later than some of those files,
        # and what was asked then is kept as it was, not refused
        self.authoring = authoring
        self.index = _LineIndex(text)
        self.problems: list[Problem] = []

    def problem(self, path: list[str | int], message: str) -> None:
        self.problems.append(Problem(self.file, self.index.line_of(path), _where(path), message))

    def table(self, data: Any, path: list[str | int]) -> dict | None:
        if not isinstance(data, dict):
            self.problem(path, f"should be a table, found {_kind(data)}")
            return None
        return data

    def unknown_fields(self, data: dict, allowed: set[str], path: list[str | int]) -> None:
        for key in data:
            if key not in allowed:
                near = difflib.get_close_matches(key, sorted(allowed), n=1)
                hint = f" (did you mean {near[0]!r}?)" if near else f" (known: {', '.join(sorted(allowed))})"
                self.problem(path + [key], f"unknown field {key!r}{hint}")

    def text(self, data: dict, key: str, path: list[str | int], required: bool = True,
             prompt: bool = False, why: str = "") -> str:
        if key not in data:
            if required:
                self.problem(path, f"missing required field {key!r}" + (f" ({why})" if why else ""))
            return ""
        value = data[key]
        if not isinstance(value, str):
            self.problem(path + [key], f"should be text in quotes, found {_kind(value)}")
            return ""
        if not value.strip():
            if required:
                self.problem(path + [key], "is empty")
            return ""
        if prompt:
            try:
                check_prompt(value)
            except PromptError as exc:
                self.problem(path + [key], f"wording cannot be filled in: {exc}")
                return ""
        return value.strip()

    def ident(self, data: dict, key: str, path: list[str | int]) -> str:
        value = self.text(data, key, path)
        if value and not ID_PATTERN.match(value):
            self.problem(path + [key], f"{value!r} should use only lower case letters, digits and _, starting with a letter")
            return ""
        return value

    def flag(self, data: dict, key: str, path: list[str | int], default: bool) -> bool:
        value = data.get(key, default)
        if not isinstance(value, bool):
            self.problem(path + [key], f"should be true or false, found {_kind(value)}")
            return default
        return value

    def whole(self, data: dict, key: str, path: list[str | int]) -> int | None:
        if key not in data:
            self.problem(path, f"missing required field {key!r}")
            return None
        value = data[key]
        if isinstance(value, bool) or not isinstance(value, int):
            self.problem(path + [key], f"should be a whole number, found {_kind(value)}")
            return None
        return value

    def array(self, data: dict, key: str, path: list[str | int], required: bool = True) -> list:
        if key not in data:
            if required:
                self.problem(path, f"missing required field {key!r}")
            return []
        value = data[key]
        if not isinstance(value, list):
            self.problem(path + [key], f"should be a list in [brackets], found {_kind(value)}")
            return []
        if required and not value:
            self.problem(path + [key], "is empty: give at least one")
        return value

    def tables(self, data: dict, key: str, path: list[str | int], fields: set[str] | None = None,
               required: bool = True):
        """Each table of the list `data[key]`, with its path; other entries are reported."""
        for i, item in enumerate(self.array(data, key, path, required)):
            item_path = path + [key, i]
            table = self.table(item, item_path)
            if table is None:
                continue
            if fields is not None:
                self.unknown_fields(table, fields, item_path)
            yield item_path, table

    def codes(self, data: dict, key: str, path: list[str | int], known: list[str],
              convert: Callable[[str], Any] = str) -> tuple:
        out = []
        for i, code in enumerate(self.array(data, key, path)):
            if not isinstance(code, str):
                self.problem(path + [key, i], f"should be text in quotes, found {_kind(code)}")
            elif code not in known:
                near = difflib.get_close_matches(code, known, n=1)
                hint = f"did you mean {near[0]!r}? " if near else ""
                self.problem(path + [key, i], f"unknown tag {code!r} ({hint}known: {', '.join(known)})")
            elif convert(code) in out:
                self.problem(path + [key, i], f"tag {code!r} is listed twice")
            else:
                out.append(convert(code))
        return tuple(out)


def _kind(value: Any) -> str:
    return {
        str: "text", bool: "true/false", int: "a number", float: "a number",
        list: "a list", dict: "a table",
    }.get(type(value), type(value).__name__)


_TOML_HINTS = {
    "Illegal character '\\n'": "text in quotes is not closed before the end of the line",
    "Unclosed array": "a list in [brackets] is not closed",
    "Unclosed inline table": "a { ... } is not closed on its line",
    "Cannot overwrite a value": "the same field is given twice",
    "Cannot declare": "the same field or table is given twice",
    "Expected '=' after a key in a key/value pair": "expected 'field = value' here",
    "Invalid value": "the value is not text in \"quotes\", a number, true/false or a [list]",
}


def _plain_toml_message(message: str) -> str:
    for raw, plain in _TOML_HINTS.items():
        if message.startswith(raw):
            return plain + message[len(raw):]
    return message


def _parse(path: Path) -> tuple[dict | None, str, list[Problem]]:
    name = str(path)
    try:
        raw = files.read_limited(path, TEMPLATE_FILE_LIMIT, "template")
    except OSError as exc:
        return None, "", [Problem(name, None, "", f"cannot be read: {exc.strerror or exc}")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, "", [Problem(name, line, "", "is not UTF-8 text; save it as UTF-8")]
    try:
        return tomllib.loads(text), text, []
    except RecursionError:
        return None, text, [Problem(name, None, "", "is nested too deeply to be a template (lists or tables "
                                                    "inside one another thousands of times)")]
    except tomllib.TOMLDecodeError as exc:
        message = _plain_toml_message(str(exc))
        m = re.search(r"\(at line (\d+), column (\d+)\)", message)
        line = int(m.group(1)) if m else None
        if m:
            message = message[: m.start()].strip() + f" (column {m.group(2)})"
        elif "end of document" in message:
            line = text.count("\n") + 1
        return None, text, [Problem(name, line, "", f"is not valid TOML: {message}")]
    except ValueError:  # Python refuses to read an integer of more than 4,300 digits
        m = re.search(r"\d{1000,}", text)
        line = text.count("\n", 0, m.start()) + 1 if m else None
        return None, text, [Problem(name, line, "", "holds a number thousands of digits long, which no template "
                                                    "needs: correct it")]


# --------------------------------------------------------------------------- scales


def load_scales(path: Path) -> tuple[dict[str, Scale], list[Problem]]:
    data, text, problems = _parse(path)
    if data is None:
        return {}, problems
    c = _Checker(str(path), text)
    scales = _read_scales(c, data)
    if FEELING_SCALE not in data:
        c.problem([], f"the {FEELING_SCALE!r} scale (the feelings faces every answer uses) is missing")
    if ALSO_FELT_SCALE not in data:
        c.problem([], f"the {ALSO_FELT_SCALE!r} scale (other feelings a child can add beside the face) is missing")
    return scales, problems + c.problems


def _read_scales(c: _Checker, data: dict, path: list[str | int] | None = None) -> dict[str, Scale]:
    scales: dict[str, Scale] = {}
    for name, body in data.items():
        where: list[str | int] = (path or []) + [name]
        if not isinstance(name, str) or not ID_PATTERN.match(name):
            c.problem(where, "a scale's name should use only lower case letters, digits and _")
            continue
        body = c.table(body, where)
        if body is None:
            continue
        c.unknown_fields(body, {"title", "ordered", "options", "people"}, where)
        title = c.text(body, "title", where)
        ordered = c.flag(body, "ordered", where, False)
        people = c.flag(body, "people", where, False)
        if people and ordered:
            c.problem(where + ["people"], "a scale that names people cannot also be ordered")
        options: list[ScaleOption] = []
        raw_options = body.get("options")
        if isinstance(raw_options, list) and len(raw_options) == 1:
            c.problem(where + ["options"], "a scale needs at least two options")
        for opath, opt in c.tables(body, "options", where, {"value", "label", "child_label", "unranked", "retired",
                                                              "picture"}):
            value = c.ident(opt, "value", opath)
            label = c.text(opt, "label", opath)
            child_label = c.text(opt, "child_label", opath, required=False) or label
            picture = _picture(c, opt, opath)
            if value and value in {o.value for o in options}:
                c.problem(opath + ["value"], f"value {value!r} is used twice in this scale")
            elif value and label:
                options.append(ScaleOption(value, label, child_label, c.flag(opt, "unranked", opath, False),
                                           c.flag(opt, "retired", opath, False), picture))
        if title and isinstance(raw_options, list) and len(options) == len(raw_options) >= 2:
            if sum(not o.retired for o in options) < 2 and not people:
                c.problem(where + ["options"], "a scale needs at least two options that are not retired")
            scales[name] = Scale(name, title, ordered, tuple(options), people)
    return scales


# A template carried inside a case file is a few hundred kilobytes at most; anything much larger is
# not a template someone wrote, and is refused before it is read.
SNAPSHOT_LIMIT = 2_000_000  # characters, as JSON
TEMPLATE_FILE_LIMIT = 2_000_000  # bytes: the largest shipped template is a small fraction of it


def check_snapshot(data: Any, where: str) -> list[Problem]:
    """The problems of a template carried inside a case file (its snapshot), checked as a template
    file is: the same validator, the same sandbox rules for its wording, and a size limit. Whoever
    makes the file can recompute its fingerprint, so the fingerprint alone proves nothing."""
    c = _Checker(where, "", authoring=False)
    if not isinstance(data, dict):
        c.problem([], f"should be a table, found {_kind(data)}")
        return c.problems
    try:
        size = len(json.dumps(data, ensure_ascii=False))
    except (TypeError, ValueError, RecursionError):
        c.problem([], "is not plain data (or is nested far too deep)")
        return c.problems
    if size > SNAPSHOT_LIMIT:
        c.problem([], f"is far too large for a template ({size:,} characters; the limit is {SNAPSHOT_LIMIT:,})")
        return c.problems
    raw_scales = c.table(data.get("scales"), ["scales"])
    scales = _read_scales(c, raw_scales, ["scales"]) if raw_scales is not None else {}
    body = {k: v for k, v in _without_blanks(data).items() if k != "scales"}
    _pardon_leaked_ask(c, body)
    _read_template(c, body, scales, where)
    return c.problems


def _pardon_leaked_ask(c: _Checker, body: dict) -> None:
    """Until December 2026 the loader could record a topic as asked of adults only while it kept its
    question for the child (a measure's `ask` overwrote the topic's). Case files made then carry such
    snapshots: their child wording is still checked, then set aside, so those files still import."""
    stages = body.get("stages")
    for i, stage in enumerate(stages if isinstance(stages, list) else []):  # the checker names a wrong type
        topics = stage.get("topics") if isinstance(stage, dict) else None
        for j, topic in enumerate(topics if isinstance(topics, list) else []):
            if isinstance(topic, dict) and topic.get("ask") == "adults" and "child" in topic:
                c.text(topic, "child", ["stages", i, "topics", j], required=False, prompt=True)
                del topic["child"]


def _without_blanks(value: Any) -> Any:
    """A snapshot as a template file would say it: fields with nothing in them left out."""
    if isinstance(value, dict):
        return {k: _without_blanks(v) for k, v in value.items() if v is not None and v != ""}
    if isinstance(value, list):
        return [_without_blanks(v) for v in value]
    return value


# --------------------------------------------------------------------------- templates

_TOP_FIELDS = {"format", "id", "title", "version", "summary", "child_voice", "suits", "common", "stages", "review"}
_STAGE_FIELDS = {"id", "title", "kind", "hours", "intro", "topics"}
_TOPIC_FIELDS = {
    "key", "title", "neglect", "framework", "child", "observe", "parent", "parent_own",
    "parent_impact", "professional", "agencies", "measures", "seen_alone", "ask", "ages", "card",
}
_NEGLECT_CODES = [n.value for n in NeglectType]
_FRAMEWORK_CODES = list(FRAMEWORK_DIMENSIONS)


def load_template_file(path: Path, scales: dict[str, Scale]) -> tuple[Template | None, list[Problem]]:
    """One template, or None and the reasons it cannot be used."""
    data, text, problems = _parse(path)
    if data is None:
        return None, problems
    c = _Checker(str(path), text)
    template = _read_template(c, data, scales, str(path))
    problems += sorted(c.problems, key=lambda p: p.line or 0)
    return (template if not problems else None), problems


def _read_template(c: _Checker, data: dict, scales: dict[str, Scale], source: str) -> Template | None:
    fmt = data.get("format")
    if fmt is None:
        c.problem([], "missing required field 'format' (write format = 1 at the top)")
    elif isinstance(fmt, bool) or not isinstance(fmt, int):
        c.problem(["format"], f"should be a whole number, found {_kind(fmt)}")
    elif fmt > FORMAT_VERSION:
        c.problem(["format"], f"is written for a newer version of Day in My Life (format {fmt}); "
                              f"this version reads format {FORMAT_VERSION}")
        return None
    elif fmt < 1:
        c.problem(["format"], f"format {fmt} does not exist; use {FORMAT_VERSION}")
    c.unknown_fields(data, _TOP_FIELDS, [])
    template_id = c.ident(data, "id", [])
    title = c.text(data, "title", [])
    version = data.get("version")
    if isinstance(version, (int, float)) and not isinstance(version, bool):
        c.problem(["version"], f"should be text in quotes, e.g. version = \"{version}\"")
        version = ""
    else:
        version = c.text(data, "version", [])
    summary = c.text(data, "summary", [], required=False)
    voice_text = c.text(data, "child_voice", [])
    voice = None
    if voice_text:
        try:
            voice = ChildVoice(voice_text)
        except ValueError:
            c.problem(["child_voice"], f"unknown value {voice_text!r} (use one of: "
                                       f"{', '.join(v.value for v in ChildVoice)})")

    suits = _read_suits(c, data)
    common = _read_common(c, data, scales)
    review = _read_review(c, data)

    stages: list[Stage] = []
    keys: dict[str, str] = {}
    stage_ids: set[str] = set()
    seen_later_kind = ""
    for spath, raw_stage in c.tables(data, "stages", [], _STAGE_FIELDS):
        stage = _read_stage(c, raw_stage, spath, voice, scales, keys)
        if stage is None:
            continue
        if stage.id in stage_ids:
            c.problem(spath + ["id"], f"stage id {stage.id!r} is used twice")
        stage_ids.add(stage.id)
        if stage.kind.is_time_of_day and seen_later_kind:
            c.problem(spath + ["kind"], f"a {stage.kind.value!r} stage comes after a "
                                        f"{seen_later_kind!r} stage: walk the weekday first")
        if not stage.kind.is_time_of_day:
            seen_later_kind = seen_later_kind or stage.kind.value
        stages.append(stage)

    if c.problems or not (template_id and title and version and voice and suits and common):
        return None
    used = {common.faces, ALSO_FELT_SCALE} | {m.scale for s in stages for t in s.topics for m in t.measures}
    return Template(
        id=template_id,
        title=title,
        version=version,
        summary=summary,
        child_voice=voice,
        suits=suits,
        common=common,
        stages=tuple(stages),
        scales={name: scales[name] for name in sorted(used) if name in scales},
        source=source,
        review=review,
    )


def _read_review(c: _Checker, data: dict) -> Review:
    """[review]: status = "draft" or "approved"; an approved template names who signed it off and when."""
    if "review" not in data:
        return Review()
    raw = c.table(data["review"], ["review"])
    if raw is None:
        return Review()
    c.unknown_fields(raw, {"status", "reviewed_by", "reviewed_on"}, ["review"])
    status = c.text(raw, "status", ["review"], required=False) or DRAFT
    if status not in (DRAFT, APPROVED):
        c.problem(["review", "status"], f"unknown value {status!r} (use \"draft\" or \"approved\")")
        return Review()
    by = c.text(raw, "reviewed_by", ["review"], required=False)
    on = c.text(raw, "reviewed_on", ["review"], required=False)
    if on:
        try:
            day = date.fromisoformat(on)
        except ValueError:
            c.problem(["review", "reviewed_on"], f"{on!r} is not a date (write it as YYYY-MM-DD)")
            return Review()
        if day > dates.today():
            c.problem(["review", "reviewed_on"], f"{on} is in the future")
            return Review()
    if status == APPROVED and not (by and on):
        c.problem(["review"], "an approved template names who signed it off (reviewed_by) and when (reviewed_on)")
        return Review()
    return Review(status, by, on)


def _read_suits(c: _Checker, data: dict) -> Suits | None:
    if "suits" not in data:
        c.problem([], "missing required table [suits] (the ages the template suits)")
        return None
    raw = c.table(data["suits"], ["suits"])
    if raw is None:
        return None
    c.unknown_fields(raw, {"from_months", "to_months", "unborn", "disability"}, ["suits"])
    lo = c.whole(raw, "from_months", ["suits"])
    hi = c.whole(raw, "to_months", ["suits"])
    unborn = c.flag(raw, "unborn", ["suits"], False)
    disability = c.flag(raw, "disability", ["suits"], False)
    if lo is None or hi is None:
        return None
    if hi <= lo:
        c.problem(["suits", "to_months"], f"should be more than from_months ({lo})")
        return None
    return Suits(lo, hi, unborn, disability)


def _read_common(c: _Checker, data: dict, scales: dict[str, Scale]) -> CommonWording | None:
    if "common" not in data:
        c.problem([], "missing required table [common] (the feelings and 'what would make it better' wording)")
        return None
    raw = c.table(data["common"], ["common"])
    if raw is None:
        return None
    own = c.flag(raw, "own_feelings", ["common"], False)
    # where the faces are each adult's own feelings, the child's side has none to ask about
    fields = ("feeling_parent", "better_child", "better_parent") if own else (
        "feeling_child", "feeling_parent", "better_child", "better_parent")
    optional = ("opening_child", "opening_parent", "also_felt_child", "also_felt_parent", "well_child",
                "well_parent") + (("feeling_child",) if own else ())
    c.unknown_fields(raw, set(fields) | set(optional) | {"faces", "own_feelings"}, ["common"])
    values = {f: c.text(raw, f, ["common"], prompt=True) for f in fields}
    values |= {f: c.text(raw, f, ["common"], required=False, prompt=True) for f in optional}
    if own and values.get("feeling_child"):
        c.problem(["common", "feeling_child"], "is not asked where own_feelings = true (the faces are each "
                                               "adult's own feelings): leave it out")
    faces = FEELING_SCALE
    if "faces" in raw:
        faces = c.ident(raw, "faces", ["common"]) or FEELING_SCALE
        if faces not in scales:
            c.problem(["common", "faces"], f"names no scale in scales.toml ({faces!r}); the faces need one, "
                                           f"e.g. {FEELING_SCALE!r}")
        else:
            missing = [o.value for o in scales[faces].options if not face_picture(o.value).is_file()]
            if missing:
                c.problem(["common", "faces"], f"the {faces!r} scale has no picture for "
                                               f"{', '.join(map(repr, missing))} (resources/faces/<value>.svg)")
    if not all(values[f] for f in fields):
        return None
    return CommonWording(**values, faces=faces, own_feelings=own)


def _read_stage(c: _Checker, raw: dict, spath: list[str | int], voice: ChildVoice | None,
                scales: dict[str, Scale], keys: dict[str, str]) -> Stage | None:
    stage_id = c.ident(raw, "id", spath)
    title = c.text(raw, "title", spath)
    intro = c.text(raw, "intro", spath, required=False)
    kind_text = c.text(raw, "kind", spath)
    kind = None
    if kind_text:
        try:
            kind = StageKind(kind_text)
        except ValueError:
            c.problem(spath + ["kind"], f"unknown stage kind {kind_text!r} (use one of: "
                                        f"{', '.join(k.value for k in StageKind)})")
    hours = None
    if "hours" in raw:
        h = raw["hours"]
        if (not isinstance(h, list) or len(h) != 2
                or not all(isinstance(x, int) and not isinstance(x, bool) and 0 <= x <= 24 for x in h)
                or h[0] == h[1]):
            c.problem(spath + ["hours"], "should be two different clock hours from 0 to 24, e.g. [7, 9]")
        else:
            hours = (h[0], h[1])
    topics = []
    for tpath, raw_topic in c.tables(raw, "topics", spath, _TOPIC_FIELDS):
        key = raw_topic.get("key")
        if isinstance(key, str) and key in keys:
            c.problem(tpath + ["key"], f"topic key {key!r} is already used in stage "
                                       f"{keys[key]!r}: every key must be unique")
        elif isinstance(key, str):
            keys[key] = stage_id
        topic = _read_topic(c, raw_topic, tpath, voice, scales)
        if topic is not None:
            topics.append(topic)
    if not (stage_id and title and kind):
        return None
    return Stage(stage_id, title, kind, tuple(topics), hours, intro)


# Words that talk about the child rather than to them, in a child's own question: the mistake that
# had child mode ask Jay "Who gets Jay up?". The name alone may stand where the child is spoken to
# ("Who makes your tea, {{ name }}?").
_ABOUT_THE_CHILD = re.compile(r"\{\{\s*(they|They|them|their|Their|theirs|themself|they_are|They_are|they_have|"
                              r"They_have|s)\s*\}\}")
_NAME = re.compile(r"\{\{\s*name\s*\}\}")
_NAME_SPOKEN_TO = re.compile(r"^\{\{\s*name\s*\}\},|,\s*\{\{\s*name\s*\}\}\s*[?.!]?$")


_PICTURE_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def _picture(c: _Checker, opt: dict, opath: list[str | int]) -> str:
    """An option's picture: a name in resources/pictures/ (without ".svg"). In a template file the
    picture must be there; a case file's snapshot may name one this installation lacks (the words
    are shown alone then)."""
    if "picture" not in opt:
        return ""
    name = opt["picture"]
    if not isinstance(name, str) or not _PICTURE_NAME.fullmatch(name):
        c.problem(opath + ["picture"], f"must be a picture's name: small letters, digits and hyphens, without "
                                       f"\".svg\" (e.g. \"week-5\"), not {name!r}")
        return ""
    if c.authoring and not option_picture(name).is_file():
        c.problem(opath + ["picture"], f"names no picture: resources/pictures/{name}.svg is not there")
        return ""
    return name


def _check_child_label(c: _Checker, raw_m: dict, mpath: list[str | int], child_label: str,
                       voice: ChildVoice | None) -> None:
    """A measure put to the child carries the question as the child hears it: to them ("you"), or,
    in a baby's voice, as the baby ("me")."""
    baby = voice is ChildVoice.BABY
    example = "\"Who feeds me?\"" if baby else "\"Who gets you up on a school day?\""
    how = "in the baby's voice" if baby else "to them"
    if not child_label:
        if "child_label" not in raw_m:  # an empty one is reported by c.text already
            c.problem(mpath, f"needs a child_label: the question as the child is asked it, {how} ({example})")
        return
    named = len(_NAME.findall(child_label)) - (1 if _NAME_SPOKEN_TO.search(child_label) else 0)
    if _ABOUT_THE_CHILD.search(child_label) or named > 0:
        c.problem(mpath + ["child_label"], f"talks about the child instead of {how}: {child_label!r} "
                                           f"(write it as, say, {example})")


def _read_topic(c: _Checker, raw: dict, tpath: list[str | int], voice: ChildVoice | None,
                scales: dict[str, Scale]) -> Topic | None:
    key = c.ident(raw, "key", tpath)
    title = c.text(raw, "title", tpath)
    neglect = c.codes(raw, "neglect", tpath, _NEGLECT_CODES, NeglectType)
    framework = c.codes(raw, "framework", tpath, _FRAMEWORK_CODES)
    ask = c.text(raw, "ask", tpath, required=False) or "everyone"
    if ask not in ("everyone", "adults", "child"):
        c.problem(tpath + ["ask"], f"should be \"everyone\", \"adults\" (never put to the child) or \"child\" "
                                   f"(never put to a parent or carer), not {ask!r}")
        ask = "everyone"
    seen_alone = c.flag(raw, "seen_alone", tpath, False)
    ages = None
    if "ages" in raw:
        a = raw["ages"]
        if (not isinstance(a, list) or len(a) != 2
                or not all(isinstance(x, int) and not isinstance(x, bool) and 0 <= x <= 240 for x in a)
                or a[0] >= a[1]):
            c.problem(tpath + ["ages"], "should be two ages in whole months, the first lower, from 0 to 240, "
                                        "e.g. [0, 24] for the under-twos")
        else:
            ages = (a[0], a[1])
    if ask == "adults" and raw.get("child"):
        c.problem(tpath + ["child"], "a topic asked of adults only (ask = \"adults\") has no child prompt")
    for field_name in ("parent", "parent_own", "parent_impact"):
        if ask == "child" and raw.get(field_name):
            c.problem(tpath + [field_name], "a topic never put to a parent or carer (ask = \"child\") has no "
                                            "parent prompts")
    child = c.text(raw, "child", tpath, prompt=True) if ask != "adults" else ""
    if ask == "adults" and raw.get("card"):
        c.problem(tpath + ["card"], "a topic asked of adults only (ask = \"adults\") is never a child's card")
    card = c.text(raw, "card", tpath, required=False, prompt=True) if ask != "adults" else ""
    needs_observe = bool(voice and voice.needs_observation)
    observe = c.text(raw, "observe", tpath, required=needs_observe, prompt=True,
                     why=f"templates with child_voice = {voice.value!r} say what to observe "
                         f"for every topic" if needs_observe else "")
    parent = c.text(raw, "parent", tpath, prompt=True) if ask != "child" else ""
    parent_own = c.text(raw, "parent_own", tpath, required=False, prompt=True) if ask != "child" else ""
    parent_impact = c.text(raw, "parent_impact", tpath, required=False, prompt=True) if ask != "child" else ""
    professional = c.text(raw, "professional", tpath, prompt=True)
    agencies = []
    for i, a in enumerate(c.array(raw, "agencies", tpath)):
        if not isinstance(a, str) or not a.strip():
            c.problem(tpath + ["agencies", i], "should be the name of an agency in quotes")
        else:
            agencies.append(a.strip())
    measures: list[Measure] = []
    for mpath, raw_m in c.tables(raw, "measures", tpath, {"id", "scale", "label", "good", "ask", "child_label"},
                                 required=False):
        mid = c.ident(raw_m, "id", mpath)
        scale = c.text(raw_m, "scale", mpath)
        label = c.text(raw_m, "label", mpath, prompt=True)
        child_label = c.text(raw_m, "child_label", mpath, required=False, prompt=True)
        m_asks_child = ask != "adults" and raw_m.get("ask") != "adults"
        if not c.authoring:
            pass
        elif m_asks_child:
            _check_child_label(c, raw_m, mpath, child_label, voice)
        elif "child_label" in raw_m:
            c.problem(mpath + ["child_label"], "a measure never put to the child (ask = \"adults\") has no "
                                               "child_label")
        good = c.text(raw_m, "good", mpath, required=False)
        # the measure's own: the topic's `ask` is another thing, and must not be overwritten here
        m_ask = c.text(raw_m, "ask", mpath, required=False) or "everyone"
        if m_ask not in ("everyone", "adults"):
            c.problem(mpath + ["ask"], f"should be \"everyone\" or \"adults\" (asked of adults only), not {m_ask!r}")
            m_ask = "everyone"
        if good and good not in ("first", "last"):
            c.problem(mpath + ["good"], f"should be \"first\" or \"last\" (which end of the scale is better), "
                                        f"not {good!r}")
            good = ""
        if good and scale in scales and not scales[scale].ordered:
            c.problem(mpath + ["good"], f"the {scale!r} scale has no order, so neither end is better")
            good = ""
        if scale and scale not in scales:
            near = difflib.get_close_matches(scale, sorted(scales), n=1)
            hint = f"did you mean {near[0]!r}? " if near else ""
            c.problem(mpath + ["scale"], f"scale {scale!r} does not exist ({hint}scales: "
                                         f"{', '.join(sorted(scales)) or 'none loaded'})")
            continue
        if mid and mid in {m.id for m in measures}:
            c.problem(mpath + ["id"], f"measure id {mid!r} is used twice in this topic")
            continue
        if mid and scale and label:
            measures.append(Measure(mid, scale, label, good, m_ask, child_label))
    if seen_alone and raw.get("measures"):
        c.problem(tpath + ["measures"], "a topic asked only when the person is seen on their own is never "
                                        "compared, so it has no measures")
        return None
    if not all((key, title, neglect, framework, child or ask == "adults", parent or ask == "child",
                professional, agencies)):
        return None
    if needs_observe and not observe:
        return None
    return Topic(key, title, neglect, framework, child, parent, professional, tuple(agencies),
                 observe, parent_own, parent_impact, tuple(measures), seen_alone, ask, ages, card)


# --------------------------------------------------------------------------- the library


def _named_for(path: Path, template_id: str) -> bool:
    return path.name == f"{template_id}.toml"


def collision(path: Path, template_id: str, other: str, shipped: bool = False) -> Problem:
    try:
        line = _LineIndex(path.read_text("utf-8")).line_of(["id"])
    except (OSError, UnicodeDecodeError):
        line = None
    whose = " (a template shipped with the app)" if shipped else ""
    return Problem(str(path), line, "id", f"template id {template_id!r} is already used by {other}{whose}: "
                                          f"give this template an id of its own")


def check_collisions(library: "TemplateLibrary", shipped: "TemplateLibrary",
                     checked: "TemplateLibrary | None" = None) -> None:
    """Templates checked together from several folders: an id a shipped template has, or one already
    used in another folder `checked`, is a problem of the template that is not shipped (or came later)."""
    for tid, template in list(library.templates.items()):
        for others, is_shipped in ((shipped, True), (checked, False)):
            other = others.templates.get(tid) if others is not None else None
            if other is not None and Path(other.source).resolve() != Path(template.source).resolve():
                library.templates.pop(tid)
                library.broken_files.append(template.source)
                library.problems.append(collision(Path(template.source), tid, other.source, shipped=is_shipped))
                break


def template_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.toml") if p.name != SCALES_FILE)


def load_library(folder: Path | None = None, files: list[Path] | None = None) -> TemplateLibrary:
    """Every template in `folder` (the built-in ones by default), or just `files`.

    Scales come from `scales.toml` beside the templates, or the built-in one when the folder
    has none.
    """
    from .paths import templates_dir

    folder = folder or templates_dir()
    library = TemplateLibrary()
    scales_path = folder / SCALES_FILE
    if not scales_path.exists():
        scales_path = templates_dir() / SCALES_FILE
    scales, scale_problems = load_scales(scales_path)
    library.problems += scale_problems
    for path in files if files is not None else template_files(folder):
        template, problems = load_template_file(path, scales)
        if template is not None and template.id in library.templates:
            first = library.templates[template.id]
            if _named_for(path, template.id) and not _named_for(Path(first.source), template.id):
                # the file named for its id (a shipped template's name) stays; the copy is the problem
                library.templates.pop(template.id)
                library.broken_files.append(first.source)
                library.problems.append(collision(Path(first.source), template.id, str(path)))
            else:
                problems = [collision(path, template.id, first.source)]
                template = None
        library.problems += problems
        if template is None:
            library.broken_files.append(str(path))
        else:
            library.templates[template.id] = template
    return library


def load_with_organisation(folder: Path | None) -> TemplateLibrary:
    """The shipped templates and, if the organisation names one (managed settings), its folder of
    the partnership's own, each checked on load as the shipped ones are and shown with its source
    (the file it came from). An id a shipped template has is the organisation's file's problem."""
    shipped = load_library()
    if folder is None:
        return shipped
    own = load_library(Path(folder))
    check_collisions(own, shipped)
    shipped.templates.update(own.templates)
    shipped.problems += own.problems
    shipped.broken_files += own.broken_files
    return shipped
