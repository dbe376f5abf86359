"""The command line: `python -m dayinlife ...` or the installed `dayinlife` command.

Every failure is one plain line on stderr and a non-zero exit, never a traceback: the people
running these commands are template editors and trainers, not developers.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
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
    parser.add_argument("--data-dir", type=Path, default=None,
                        help="the folder holding the store (default: $DAYINLIFE_DATA_DIR, else the user-data folder)")
    # Also accepted after the command: `dayinlife case list --data-dir X`.
    store_opts = argparse.ArgumentParser(add_help=False)
    store_opts.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    top = parser.add_subparsers(dest="area", metavar="{templates,case,report,backup,restore,passphrase,store,demo}",
                                parser_class=_Parser)
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

    case = top.add_parser("case", help="cases in the store, and case files")
    csub = case.add_subparsers(dest="command", metavar="{list,import,export,check}", parser_class=_Parser)
    csub.required = True
    p = csub.add_parser("list", parents=[store_opts], help="each case's reference and its children")
    p.add_argument("--json", action="store_true")
    p.add_argument("--all", action="store_true", help="include archived cases")
    p.set_defaults(run=_case_list)
    p = csub.add_parser("import", parents=[store_opts],
                        help="import an encrypted case file or a plain JSON interchange file")
    p.add_argument("file", type=Path)
    choice = p.add_mutually_exclusive_group()
    choice.add_argument("--replace", action="store_true", help="replace a case with the same reference")
    choice.add_argument("--keep-both", action="store_true", help="keep a case with the same reference as well")
    p.set_defaults(run=_case_import)
    p = csub.add_parser("export", parents=[store_opts], help="export one case to an encrypted case file")
    p.add_argument("reference")
    p.add_argument("--out", type=Path, required=True)
    p.set_defaults(run=_case_export)
    p = csub.add_parser("check", help="check a case file (plain JSON, or encrypted as the app exports it) can be "
                                      "imported; exit 1 if not")
    p.add_argument("file", type=Path)
    p.set_defaults(run=_case_check)

    p = top.add_parser("report", parents=[store_opts], help="one child's day and its analysis, as a Word document")
    p.add_argument("reference", nargs="?", help="the case reference")
    p.add_argument("--child", metavar="NAME", help="the child's name or the name they are known as (needed)")
    p.add_argument("--out", type=Path, metavar="FILE.docx",
                   help="the file to write, or a folder for the default short file name (needed)")
    p.add_argument("--list-sections", action="store_true",
                   help="list the report's section ids, in the report's order, with what each holds, and stop")
    p.add_argument("--anonymise", "--anonymize", action="store_true",
                   help="labels instead of names throughout (Child A, Adult A, Practitioner A, [surname], "
                        "[case reference], and [name 1]/[place 1] for the case's list of names and places to "
                        "hide), for training or supervision")
    p.add_argument("--org-template", type=Path, metavar="FILE",
                   help="your organisation's own .docx or .dotx: its styles, header, footer and logo are used")
    p.add_argument("--sections", nargs="+", metavar="SECTION",
                   help="only these sections, in the report's own order (ids: see --list-sections; commas "
                        "also separate)")
    p.add_argument("--marking", default=None, metavar="TEXT",
                   help="the protective marking in the header (default OFFICIAL-SENSITIVE; '' for none)")
    p.add_argument("--notes", action="store_true",
                   help="include the practitioner's own notes on answers, marked as such (left out by default)")
    p.add_argument("--sensitive", action="store_true",
                   help="add the section for professionals only: sensitive answers, answers given when seen "
                        "alone, and disclosures (left out by default; never with --anonymise)")
    p.set_defaults(run=_report)

    p = top.add_parser("backup", parents=[store_opts], help="an encrypted backup of the whole store")
    p.add_argument("--out", type=Path, required=True)
    p.set_defaults(run=_backup)
    p = top.add_parser("restore", parents=[store_opts], help="restore a backup into a new data folder")
    p.add_argument("file", type=Path)
    p.set_defaults(run=_restore)
    p = top.add_parser("passphrase", help="change the store's passphrase")
    psub = p.add_subparsers(dest="command", metavar="{change}", parser_class=_Parser)
    psub.required = True
    p = psub.add_parser("change", parents=[store_opts], help="re-encrypt the store under a new passphrase")
    p.set_defaults(run=_passphrase_change)
    p = top.add_parser("store", help="the store itself")
    ssub = p.add_subparsers(dest="command", metavar="{check}", parser_class=_Parser)
    ssub.required = True
    p = ssub.add_parser("check", parents=[store_opts], help="check every page of the store decrypts and is sound")
    p.set_defaults(run=_store_check)
    p = top.add_parser("demo", help="the trainer's demo store of fictional families")
    dsub = p.add_subparsers(dest="command", metavar="{reset}", parser_class=_Parser)
    dsub.required = True
    p = dsub.add_parser("reset", parents=[store_opts],
                        help="put the shipped fictional families back in the demo store (<data folder>-demo)")
    p.set_defaults(run=_demo_reset)
    return parser


# --------------------------------------------------------------------------- passphrases and the store

PASSPHRASE_ENV = "DAYINLIFE_PASSPHRASE"
NEW_PASSPHRASE_ENV = "DAYINLIFE_NEW_PASSPHRASE"
FILE_PASSPHRASE_ENV = "DAYINLIFE_FILE_PASSPHRASE"


def _ask(prompt: str, env: str, confirm: bool = False) -> str:
    """A passphrase from the environment (for scripts and tests) or typed at a prompt."""
    import getpass

    from .interchange import is_text

    if os.environ.get(env):
        given = os.environ[env]
        if not is_text(given):  # a byte that is not UTF-8 (a script written in another encoding)
            raise CommandError(f"{env} holds a byte that is not UTF-8 text: set it from a UTF-8 script or "
                               f"type the passphrase at the prompt")
        return given
    if not sys.stdin or not sys.stdin.isatty():
        raise CommandError(f"a passphrase is needed: type it at a terminal, or set {env} for scripts")
    try:
        first = getpass.getpass(prompt)
        if confirm and getpass.getpass("Type it again: ") != first:
            raise CommandError("the two passphrases were not the same; nothing was changed")
    except EOFError:
        raise CommandError("no passphrase given") from None
    if not first:
        raise CommandError("the passphrase is empty")
    return first


def _head(path: Path) -> bytes:
    """The first bytes of a file the user named, to tell what kind it is (a pipe or a device refused)."""
    from . import files

    return files.read_head(path, 4096)


def _data_dir(args: argparse.Namespace) -> Path:
    from .datadir import ENV_VAR, folder_problem, resolve_data_dir, settle_default_folder

    if not getattr(args, "data_dir", None) and not os.environ.get(ENV_VAR):
        folder, note = settle_default_folder()  # a store in an earlier default folder is moved, once
        if note:
            print(f"dayinlife: {note}", file=sys.stderr)
    else:
        folder = resolve_data_dir(getattr(args, "data_dir", None))
    problem = folder_problem(folder)
    if problem:
        raise CommandError(problem, EXIT_PROBLEMS)
    return folder


def _open_store(args: argparse.Namespace, create: bool = False):
    from .datadir import missing_message, store_missing
    from .store import Store, StoreError

    folder = _data_dir(args)
    try:
        if store_missing(folder):  # never a new store over one whose database has gone
            raise CommandError(missing_message(folder), EXIT_PROBLEMS)
        if not Store.exists(folder):
            if not create:
                raise CommandError(f"there is no store in {folder} yet", EXIT_PROBLEMS)
            print(f"Creating a new store in {folder}. The passphrase cannot be recovered: if it is lost, "
                  f"so is the data. Keep a backup.", file=sys.stderr)
            return Store.create(folder, _ask("New passphrase for the store: ", PASSPHRASE_ENV, confirm=True))
        return Store.open(folder, _ask("Passphrase: ", PASSPHRASE_ENV))
    except StoreError as exc:
        raise CommandError(str(exc), EXIT_PROBLEMS) from None


def _store_errors(fn):
    """Run a command, turning the store's errors into one line and exit 1."""
    def wrapper(args: argparse.Namespace) -> int:
        from .store import StoreError

        try:
            return fn(args)
        except StoreError as exc:
            raise CommandError(str(exc), EXIT_PROBLEMS) from None
    return wrapper


@_store_errors
def _case_list(args: argparse.Namespace) -> int:
    with _open_store(args) as store:
        cases = store.list_cases(include_archived=args.all)
    if args.json:
        _print_json({"cases": [{"reference": c.reference, "children": list(c.children), "updated": c.updated,
                                "archived": c.archived} for c in cases]})
    else:
        for c in cases:
            mark = " (archived)" if c.archived else ""
            print(f"{c.reference}{mark}: {', '.join(c.children) or 'no children yet'}")
        if not cases:
            print("no cases yet", file=sys.stderr)
    return EXIT_OK


@_store_errors
def _case_import(args: argparse.Namespace) -> int:
    from . import crypto
    from .store import CaseExists

    try:
        blob_kind = crypto.sealed_kind(_head(args.file))
    except OSError as exc:
        raise CommandError(f"{args.file}: cannot be read ({exc.strerror or exc})", EXIT_PROBLEMS) from None
    file_passphrase = _ask(f"Passphrase of {args.file.name}: ", FILE_PASSPHRASE_ENV) if blob_kind else None
    choice = "replace" if args.replace else "keep_both" if args.keep_both else "ask"
    with _open_store(args, create=True) as store:
        try:
            case = store.import_case_file(args.file, file_passphrase, on_conflict=choice)
        except CaseExists as exc:
            choice = _decide(exc)
            case = store.import_case_file(args.file, file_passphrase, on_conflict=choice)
    print(f"imported case {case.reference}: {len(case.children)} child(ren), "
          f"{sum(len(c.interviews) for c in case.children)} interview(s)")
    return EXIT_OK


def _decide(exc) -> str:
    if not sys.stdin or not sys.stdin.isatty():
        raise CommandError(f"{exc} Run again with --replace or --keep-both.", EXIT_PROBLEMS)
    answer = input(f"{exc}\n[r]eplace it, [k]eep both, or [c]ancel? ").strip().lower()
    if answer.startswith("r"):
        return "replace"
    if answer.startswith("k"):
        return "keep_both"
    raise CommandError("import cancelled; nothing was changed", EXIT_PROBLEMS)


@_store_errors
def _case_export(args: argparse.Namespace) -> int:
    with _open_store(args) as store:
        case_id = store.find_case(args.reference)
        if case_id is None:
            raise CommandError(f"no case with reference {args.reference!r} in the store", EXIT_PROBLEMS)
        passphrase = _ask("Passphrase for the case file (the receiver will need it): ", FILE_PASSPHRASE_ENV,
                          confirm=True)
        store.export_case_file(case_id, args.out, passphrase)
    print(f"exported case {args.reference} to {args.out} (encrypted)")
    return EXIT_OK


@_store_errors
def _report(args: argparse.Namespace) -> int:
    from .report import DEFAULT_MARKING, SECTIONS, ReportError, ReportOptions, find_child
    from .session import Session

    if args.list_sections:
        width = max(map(len, SECTIONS))
        for section_id, what in SECTIONS.items():
            print(f"{section_id.ljust(width)}  {what}")
        return EXIT_OK
    missing = [name for name, value in (("the case reference", args.reference), ("--child NAME", args.child),
                                        ("--out FILE.docx", args.out)) if value is None]
    if missing:
        raise CommandError(f"report needs {', '.join(missing)} (or --list-sections to see the sections)",
                           EXIT_USAGE)

    managed = _managed()
    base, marking = args.org_template, DEFAULT_MARKING if args.marking is None else args.marking
    if managed.base_document is not None:
        if base is not None and Path(base).resolve() != managed.base_document.resolve():
            raise CommandError(managed.by_organisation(f"The house style ({managed.base_document})")
                               + ": --org-template cannot change it", EXIT_PROBLEMS)
        base = managed.base_document
    if managed.marking is not None:
        if args.marking is not None and args.marking != managed.marking:
            raise CommandError(managed.by_organisation(f"The marking ({managed.marking})")
                               + ": --marking cannot change it", EXIT_PROBLEMS)
        marking = managed.marking
    try:
        options = ReportOptions(
            base_document=base, anonymise=args.anonymise,
            sections=([s for item in args.sections for s in item.replace(",", " ").split()] if args.sections
                      else list(SECTIONS)),
            marking=marking, notes=args.notes,
            sensitive=args.sensitive)
        with _open_store(args) as store:
            case_id = store.find_case(args.reference)
            if case_id is None:
                raise CommandError(f"no case with reference {args.reference!r} in the store", EXIT_PROBLEMS)
            session = Session(store, _library(None))  # as the app's Export tab does
            case = session.open_case(case_id)
            child = find_child(case, args.child)
            path = session.export_report(case, child, args.out, options)
    except ReportError as exc:
        raise CommandError(str(exc), EXIT_PROBLEMS) from None
    print(f"wrote the report to {path}" + (" (anonymised)" if args.anonymise else ""))
    return EXIT_OK


@_store_errors
def _backup(args: argparse.Namespace) -> int:
    from .session import Session

    with _open_store(args) as store:
        Session(store, None).back_up(args.out)  # as Store → Back up… in the app
    print(f"backed up the store to {args.out} (encrypted under the store's passphrase)")
    return EXIT_OK


@_store_errors
def _restore(args: argparse.Namespace) -> int:
    from .datadir import kept_key_words
    from .store import Store

    folder = _data_dir(args)
    with Store.restore(args.file, folder, _ask("Passphrase of the backup: ", PASSPHRASE_ENV)) as store:
        count = len(store.list_cases(include_archived=True))
        kept = store.kept_key_file
    print(f"restored {count} case(s) into {folder}")
    if kept is not None:
        print(f"dayinlife: {kept_key_words(kept)}", file=sys.stderr)
    return EXIT_OK


@_store_errors
def _passphrase_change(args: argparse.Namespace) -> int:
    from .store import Store

    folder = _data_dir(args)
    if not Store.exists(folder):
        from .datadir import missing_message, store_missing

        raise CommandError(missing_message(folder) if store_missing(folder) else
                           f"there is no store in {folder} yet", EXIT_PROBLEMS)
    current = _ask("Current passphrase: ", PASSPHRASE_ENV)
    with Store.open(folder, current) as store:
        store.change_passphrase(current, _ask("New passphrase: ", NEW_PASSPHRASE_ENV, confirm=True))
    print("the passphrase has been changed")
    return EXIT_OK


@_store_errors
def _store_check(args: argparse.Namespace) -> int:
    with _open_store(args) as store:
        problems = store.integrity_problems()
    for problem in problems:
        print(f"store: {_in_words(problem)}", file=sys.stderr)
    if problems:
        print("The store is damaged: it has not been changed. Restore your latest backup made before the damage "
              "into a new folder (dayinlife restore BACKUP --data-dir NEW_FOLDER).", file=sys.stderr)
        return EXIT_PROBLEMS
    print("the store is sound")
    return EXIT_OK


def _in_words(problem: str) -> str:
    """One of SQLite's or SQLCipher's integrity findings, in words where it has a usual form."""
    m = re.search(r"HMAC verification failed for page (\d+)", problem)
    if m:
        return f"page {m.group(1)} does not decrypt: it was changed or damaged after it was written"
    return problem


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date in the form YYYY-MM-DD") from None


def _library(folder: Path | None):
    from .template_loader import load_library, load_with_organisation

    if folder is not None and not folder.is_dir():
        raise CommandError(f"{folder} is not a folder")
    return load_library(folder) if folder is not None else load_with_organisation(_managed().templates_folder)


_MANAGED: dict = {}


def _managed():
    """The organisation's settings (dayinlife/managed.py), read once a command; problems said once."""
    from .managed import load_managed, settings_path

    path = settings_path()
    if path not in _MANAGED:
        _MANAGED[path] = load_managed(path) if path is not None else load_managed(None)
        for problem in _MANAGED[path].problems:
            print(f"dayinlife: the organisation's settings: {_one_line(problem)}", file=sys.stderr)
    return _MANAGED[path]


def _templates_list(args: argparse.Namespace) -> int:
    library = _library(args.dir)
    if args.json:
        rows = [
            {
                "id": t.id, "title": t.title, "version": t.version, "suits": t.suits.describe(),
                "stages": len(t.stages), "topics": t.topic_count, "hash": t.content_hash,
                "file": t.source, "review": t.review.to_dict(), "status": t.review.label,
            }
            for t in library.ordered()
        ]
        _print_json({"templates": rows, "broken": library.broken_files,
                     "problems": [str(p) for p in library.problems]})
    else:
        for t in library.ordered():
            print(f"{t.id:<10} {t.title:<28} v{t.version:<6} {t.suits.describe():<26} "
                  f"{len(t.stages):>2} stages {t.topic_count:>3} topics  "
                  f"{'approved' if t.review.approved else 'DRAFT: not yet approved for use'}")
        for path in library.broken_files:
            print(f"{'(broken)':<10} {path}: run 'dayinlife templates check {path}' to see why")
        if not library.templates and not library.broken_files:
            print(f"no templates (.toml files) in {args.dir}" if args.dir else "no templates", file=sys.stderr)
    return EXIT_OK


def _templates_check(args: argparse.Namespace) -> int:
    from .paths import templates_dir
    from .template_loader import (SCALES_FILE, TemplateLibrary, check_collisions, load_library, load_scales,
                                  template_files)

    library = TemplateLibrary()
    groups: dict[Path, list[Path]] = {}
    for path in args.paths or [templates_dir()]:
        if path.is_file() and path.name == SCALES_FILE:
            library.problems += load_scales(path)[1]
        elif path.is_dir():
            found = template_files(path)
            if not found:
                others = sorted(p.name for p in path.iterdir() if p.is_file() and not p.name.startswith("."))
                raise CommandError(f"{path}: no templates found (templates are .toml files)"
                                   + (f"; these are not read: {', '.join(others[:5])}"
                                      + (" ..." if len(others) > 5 else "") if others else ""), EXIT_PROBLEMS)
            groups.setdefault(path, []).extend(found)
        elif path.exists():
            if path.suffix.lower() != ".toml":
                raise CommandError(f"{path}: templates are .toml files; this one is not read"
                                   + (" (the JSON that 'templates show --json' writes is for reading, not for "
                                      "loading)" if path.suffix.lower() == ".json" else ""), EXIT_PROBLEMS)
            groups.setdefault(path.parent, []).append(path)
        else:
            raise CommandError(f"{path}: no such file or folder")
    shipped = load_library()
    for folder, files in groups.items():
        part = load_library(folder, files=files)
        check_collisions(part, shipped, library)  # never a shipped template's id, nor one used in another folder
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
    from .template_choice import suggest_template

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
    from . import crypto
    from .case_files import read_case_file_any
    from .interchange import InterchangeError
    from .store import StoreError

    try:
        sealed = crypto.sealed_kind(_head(args.file))
    except FileNotFoundError:
        raise CommandError(f"{args.file}: no such file", EXIT_PROBLEMS) from None
    except OSError as exc:
        raise CommandError(f"{args.file}: cannot be read ({exc.strerror or exc})", EXIT_PROBLEMS) from None
    file_passphrase = _ask(f"Passphrase of {args.file.name}: ", FILE_PASSPHRASE_ENV) if sealed else None
    try:  # the same reading an import does, encrypted files too
        case = read_case_file_any(args.file, file_passphrase)
    except (InterchangeError, StoreError) as exc:
        raise CommandError(str(exc), EXIT_PROBLEMS) from None
    interviews = sum(len(c.interviews) for c in case.children)
    print(f"{args.file}: case {case.reference}: {len(case.adults)} adult(s), "
          f"{len(case.children)} child(ren), {interviews} interview(s)")
    return EXIT_OK


def _print_json(data: object) -> None:
    """JSON for a script: as UTF-8 where the output is, else with \\u escapes, so a name a narrow
    console (cp1252) cannot show still arrives exact, never as "?"."""
    encoding = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "").replace("_", "")
    print(json.dumps(data, indent=2, ensure_ascii=encoding not in ("utf8", "utf8sig")))


def _never_fail_on_a_character() -> None:
    """A console or a redirected file in a narrow encoding (cp1252 on Windows) cannot show every name
    ("Łucja"): write what it can and mark the rest, never fail. And text from a case file is never
    written raw to a terminal: control characters (which can move the cursor, clear the screen or
    hide text) are shown as escapes."""
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        try:
            stream.reconfigure(errors="replace")
        except (AttributeError, ValueError, OSError):
            pass
        if stream is not None and not isinstance(stream, _Visible):
            setattr(sys, name, _Visible(stream))


# Control characters (but for line ends and tabs) and the bidirectional overrides that reorder text.
_HIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


class _Visible:
    """A text stream that writes control characters as visible escapes (\\x1b, \\u202e)."""

    def __init__(self, stream):
        self._stream = stream

    def write(self, text: str) -> int:
        return self._stream.write(_HIDDEN.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text))

    def __getattr__(self, name):
        return getattr(self._stream, name)


def main(argv: Sequence[str] | None = None) -> int:
    _never_fail_on_a_character()
    _MANAGED.clear()  # read afresh by each command
    from . import store_lock

    # a command waits for another command's turn (DAYINLIFE_LOCK_WAIT seconds), then says who holds it
    try:
        store_lock.wait_seconds = max(0.0, float(os.environ.get("DAYINLIFE_LOCK_WAIT", "20")))
        if not math.isfinite(store_lock.wait_seconds):  # "inf" or "nan" would wait for ever
            raise ValueError
    except ValueError:
        store_lock.wait_seconds = 20.0
    try:
        args = build_parser().parse_args(argv)
        return args.run(args)
    except CommandError as exc:
        print(f"dayinlife: {_one_line(str(exc))}", file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        print("dayinlife: stopped", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # last resort: still one line, and nothing personal in it
        print(f"dayinlife: unexpected error ({exc.__class__.__name__}): {_one_line(str(exc))}", file=sys.stderr)
        return 3


def _one_line(message: str) -> str:
    """A message is one line, whatever a file name in it holds (a line break could forge another line)."""
    return message.replace("\r", "\\r").replace("\n", "\\n")


# --------------------------------------------------------------------------- the trainer's demo

@_store_errors
def _demo_reset(args: argparse.Namespace) -> int:
    from . import demo
    from .datadir import demo_data_dir, is_demo_folder

    _data_dir(args)  # the real folder named must be a folder, or could be one, to have a demo beside it
    folder = demo_data_dir(getattr(args, "data_dir", None))
    try:
        store = demo.reset_demo_store(folder) if is_demo_folder(folder) else demo.open_demo_store(folder)
    except OSError as exc:
        raise CommandError(f"The demo store cannot be made in {folder}: {exc.strerror or exc}.", EXIT_PROBLEMS) from None
    count = len(store.list_cases())
    store.close()
    print(f"the demo store in {folder} holds the {count} shipped fictional families "
          f"(passphrase: {demo.DEMO_PASSPHRASE!r})")
    return EXIT_OK
