"""The command line: `python -m dayinlife ...` or the installed `dayinlife` command.

Every failure is one plain line on stderr and a non-zero exit, never a traceback: the people
running these commands are template editors and trainers, not developers.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import Sequence

from . import __version__

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


class CommandError(Exception):
    """A failure to report as one line and exit with `code`."""

    def __init__(self, message: str, code: int = EXIT_USAGE):
        super().__init__(message)
        self.code = code


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, not usage plus error
        raise CommandError(f"{message} (see '{self.prog} --help')")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="dayinlife", description="Day in My Life: the day in the life of the child interview.")
    parser.add_argument("--version", action="version", version=f"dayinlife {__version__}")
    top = parser.add_subparsers(dest="area", metavar="{templates,case}", parser_class=_Parser)
    top.required = True

    templates = top.add_parser("templates", help="list, check and show interview templates")
    tsub = templates.add_subparsers(dest="command", metavar="{list,check,show,suggest}", parser_class=_Parser)
    tsub.required = True

    p = tsub.add_parser("list", help="the templates that load, and any that are broken")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.add_argument("--dir", type=Path, help="a folder of templates instead of the built-in one")
    p.set_defaults(run=_templates_list)

    p = tsub.add_parser("check", help="check template files; exit 1 and list the problems if any")
    p.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                   help="template files or folders (default: the built-in templates)")
    p.set_defaults(run=_templates_check)

    p = tsub.add_parser("show", help="one template: its stages, topics, prompts, tags and scales")
    p.add_argument("id", help="the template's id, e.g. primary")
    p.add_argument("--json", action="store_true", help="print the parsed template as JSON")
    p.add_argument("--dir", type=Path, help="a folder of templates instead of the built-in one")
    p.set_defaults(run=_templates_show)

    p = tsub.add_parser("suggest", help="the template suggested for a child")
    when = p.add_mutually_exclusive_group(required=True)
    when.add_argument("--dob", type=_date, help="date of birth, YYYY-MM-DD")
    when.add_argument("--due", type=_date, help="expected date of delivery, YYYY-MM-DD")
    p.add_argument("--disabled", action="store_true", help="the child is disabled")
    p.add_argument("--on", type=_date, default=None, help="the date of the interview (default: today)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=_templates_suggest)

    case = top.add_parser("case", help="case files in the JSON interchange format")
    csub = case.add_subparsers(dest="command", metavar="{check}", parser_class=_Parser)
    csub.required = True
    p = csub.add_parser("check", help="check a case file can be imported; exit 1 if not")
    p.add_argument("file", type=Path)
    p.set_defaults(run=_case_check)
    return parser


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date in the form YYYY-MM-DD") from None


def _library(folder: Path | None):
    from .template_loader import load_library

    if folder is not None and not folder.is_dir():
        raise CommandError(f"{folder} is not a folder")
    return load_library(folder)


def _templates_list(args: argparse.Namespace) -> int:
    library = _library(args.dir)
    if args.json:
        rows = [
            {
                "id": t.id, "title": t.title, "version": t.version, "suits": t.suits.describe(),
                "stages": len(t.stages), "topics": t.topic_count, "hash": t.content_hash,
                "file": t.source,
            }
            for t in library.ordered()
        ]
        _print_json({"templates": rows, "broken": library.broken_files,
                     "problems": [str(p) for p in library.problems]})
    else:
        for t in library.ordered():
            print(f"{t.id:<10} {t.title:<28} v{t.version:<6} {t.suits.describe():<26} "
                  f"{len(t.stages):>2} stages {t.topic_count:>3} topics")
        for path in library.broken_files:
            print(f"{'(broken)':<10} {path}: run 'dayinlife templates check {path}' to see why")
    return EXIT_OK


def _templates_check(args: argparse.Namespace) -> int:
    from .paths import templates_dir
    from .template_loader import SCALES_FILE, TemplateLibrary, load_library, load_scales, template_files

    library = TemplateLibrary()
    groups: dict[Path, list[Path]] = {}
    for path in args.paths or [templates_dir()]:
        if path.is_file() and path.name == SCALES_FILE:
            library.problems += load_scales(path)[1]
        elif path.is_dir():
            groups.setdefault(path, []).extend(template_files(path))
        elif path.exists():
            groups.setdefault(path.parent, []).append(path)
        else:
            raise CommandError(f"{path}: no such file or folder")
    for folder, files in groups.items():
        part = load_library(folder, files=files)
        library.templates.update(part.templates)
        library.problems += part.problems
        library.broken_files += part.broken_files
    for problem in library.problems:
        print(problem, file=sys.stderr)
    good = len(library.templates)
    if library.problems:
        print(f"{len(library.problems)} problem(s) in {len(set(p.file for p in library.problems))} "
              f"file(s); {good} template(s) fine", file=sys.stderr)
        return EXIT_PROBLEMS
    if good:
        print(f"{good} template(s) fine: {', '.join(sorted(library.templates))}")
    else:
        print("no problems found")
    return EXIT_OK


def _templates_show(args: argparse.Namespace) -> int:
    library = _library(args.dir)
    try:
        template = library.get(args.id)
    except KeyError as exc:
        raise CommandError(exc.args[0]) from None
    if args.json:
        data = template.to_dict()
        data["hash"] = template.content_hash
        _print_json(data)
        return EXIT_OK
    print(f"{template.title} ({template.id} v{template.version}, {template.suits.describe()})")
    print(template.summary)
    for stage in template.stages:
        print(f"\n== {stage.title} [{stage.id}, {stage.kind.value}]")
        for topic in stage.topics:
            tags = " ".join([n.value for n in topic.neglect] + list(topic.framework))
            print(f"  - {topic.title} [{topic.key}] {tags}")
            print(f"      child:  {template.render(topic.child, 'Sam')}")
            print(f"      parent: {template.render(topic.parent, 'Sam')}")
            for m in topic.measures:
                print(f"      compare: {template.render(m.label, 'Sam')} ({m.scale})")
    return EXIT_OK


def _templates_suggest(args: argparse.Namespace) -> int:
    from .choice import suggest_template

    library = _library(None)
    try:
        suggestion = suggest_template(library, date_of_birth=args.dob, expected_date=args.due,
                                      disabled=args.disabled, on=args.on)
    except ValueError as exc:
        raise CommandError(str(exc), EXIT_PROBLEMS) from None
    if args.json:
        _print_json({"template": suggestion.template_id, "reason": suggestion.reason,
                     "alternatives": list(suggestion.alternatives)})
    else:
        print(f"{suggestion.template_id}: {suggestion.reason}")
    return EXIT_OK


def _case_check(args: argparse.Namespace) -> int:
    from .interchange import InterchangeError, read_case_file

    try:
        case = read_case_file(args.file)
    except InterchangeError as exc:
        raise CommandError(str(exc), EXIT_PROBLEMS) from None
    interviews = sum(len(c.interviews) for c in case.children)
    print(f"{args.file}: case {case.reference}: {len(case.adults)} adult(s), "
          f"{len(case.children)} child(ren), {interviews} interview(s)")
    return EXIT_OK


def _print_json(data: object) -> None:
    print(json.dumps(data, indent=2, ensure_ascii=False))


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        return args.run(args)
    except CommandError as exc:
        print(f"dayinlife: {exc}", file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        print("dayinlife: stopped", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # last resort: still one line, and nothing personal in it
        print(f"dayinlife: unexpected error ({exc.__class__.__name__}): {exc}", file=sys.stderr)
        return 3
