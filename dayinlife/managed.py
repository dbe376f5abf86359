"""Settings an organisation fixes for every user of a machine (docs/deploying.md).

The council's IT places `dayinlife-settings.toml` next to the installed app (beside the
`DayInMyLife` and `dayinlife` programs of the bundle; on a Mac, where the app is a signed .app,
in /Library/Application Support/DayInMyLife), or points `DAYINLIFE_SETTINGS` at another
file. What it sets, a user cannot change: the organisation's base Word document, the protective
marking, the longest time the app may stay open while idle, a folder of the partnership's own
templates, and the folder a report is saved to first. Whatever it leaves out stays the user's own
choice (kept in the app's per-user settings, as before).

A file with a mistake is named, line and all, and the settings it holds that are sound still
apply: a typing slip in one setting never lifts the others.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

ENV_VAR = "DAYINLIFE_SETTINGS"
FILE_NAME = "dayinlife-settings.toml"
FILE_LIMIT = 256 * 1024
IDLE_RANGE = (1, 240)  # minutes

_KNOWN = {
    "report": {"base_document", "marking", "export_folder"},
    "lock": {"longest_idle_minutes"},
    "templates": {"folder"},
}


@dataclass
class Managed:
    """What the organisation has fixed (None: left to the user), and where it was read from."""

    source: Path | None = None
    base_document: Path | None = None
    marking: str | None = None
    export_folder: Path | None = None
    longest_idle_minutes: int | None = None
    templates_folder: Path | None = None
    problems: list[str] = field(default_factory=list)

    @property
    def any(self) -> bool:
        return any(v is not None for v in (self.base_document, self.marking, self.export_folder,
                                           self.longest_idle_minutes, self.templates_folder))

    def by_organisation(self, what: str) -> str:
        """How a fixed setting is shown to the user: "Set by your organisation (in FILE)"."""
        return f"{what} is set by your organisation (in {self.source})"

    def idle_minutes(self, wanted: float) -> float:
        """The user's idle-lock time, never longer than the organisation allows."""
        return min(wanted, self.longest_idle_minutes) if self.longest_idle_minutes else wanted


def settings_path() -> Path | None:
    """The file to read: $DAYINLIFE_SETTINGS, else the one beside the installed programs, if any."""
    named = os.environ.get(ENV_VAR, "").strip()
    if named:
        return Path(named).expanduser()
    beside = _install_folder() / FILE_NAME
    return beside if beside.is_file() else None


MAC_FOLDER = Path("/Library/Application Support/DayInMyLife")


def _install_folder() -> Path:
    if getattr(sys, "frozen", False):  # the bundle: beside its programs
        programs = Path(sys.executable).resolve().parent
        if sys.platform == "darwin" and programs.name == "MacOS" and programs.parent.name == "Contents":
            # Inside a signed .app nothing may be added without breaking its signature: on a Mac
            # the machine-wide folder a device manager writes to holds the file instead.
            return MAC_FOLDER
        return programs
    return Path(__file__).resolve().parent.parent  # a checkout or an installed package: beside it


def load_managed(path: Path | None = None) -> Managed:
    """The organisation's settings (an empty Managed where there is no file)."""
    path = settings_path() if path is None else Path(path)
    if path is None:
        return Managed()
    managed = Managed(source=path)
    import tomllib  # here, not at the top: most machines have no file, and the lock screen waits for this

    from . import files

    try:
        text = files.read_limited(path, FILE_LIMIT, "settings file").decode("utf-8")
        data = tomllib.loads(text)
    except FileNotFoundError:
        managed.problems.append(f"{path}: the organisation's settings file is not there ({ENV_VAR} names it)")
        return managed
    except OSError as exc:
        managed.problems.append(f"{path}: cannot be read ({exc.strerror or exc})")
        return managed
    except UnicodeDecodeError:
        managed.problems.append(f"{path}: is not UTF-8 text; save it as UTF-8")
        return managed
    except (tomllib.TOMLDecodeError, ValueError, RecursionError) as exc:
        managed.problems.append(f"{path}: is not valid TOML ({str(exc)[:120]})")
        return managed

    def problem(where: str, what: str) -> None:
        managed.problems.append(f"{path}: {where}: {what}")

    for table, value in data.items():
        if table not in _KNOWN:
            problem(table, f"is not a setting (known: {', '.join(sorted(_KNOWN))})")
            continue
        if not isinstance(value, dict):
            problem(table, "should be a table ([" + table + "])")
            continue
        for key in value:
            if key not in _KNOWN[table]:
                problem(f"{table}.{key}", f"is not a setting (known in [{table}]: {', '.join(sorted(_KNOWN[table]))})")

    def text(table: str, key: str) -> str | None:
        value = data.get(table, {}).get(key) if isinstance(data.get(table), dict) else None
        if value is None:
            return None
        if not isinstance(value, str) or not value.strip():
            problem(f"{table}.{key}", "should be text in quotes, not empty")
            return None
        return value.strip()

    def folder(table: str, key: str) -> Path | None:
        value = text(table, key)
        if value is None:
            return None
        place = Path(os.path.expandvars(value)).expanduser()
        if not place.is_dir():
            problem(f"{table}.{key}", f"the folder {place} is not there (or cannot be reached)")
            return None
        return place

    document = text("report", "base_document")
    if document is not None:
        place = Path(os.path.expandvars(document)).expanduser()
        if place.suffix.lower() not in (".docx", ".dotx"):
            problem("report.base_document", f"{place.name} is not a Word document (.docx or .dotx)")
        elif not place.is_file():
            problem("report.base_document", f"the file {place} is not there (or cannot be reached)")
        else:
            managed.base_document = place
    marking = text("report", "marking")
    if marking is not None:
        if len(marking) > 60 or "\n" in marking:
            problem("report.marking", "should be one short line, such as OFFICIAL-SENSITIVE")
        else:
            managed.marking = marking
    managed.export_folder = folder("report", "export_folder")
    managed.templates_folder = folder("templates", "folder")
    minutes = data.get("lock", {}).get("longest_idle_minutes") if isinstance(data.get("lock"), dict) else None
    if minutes is not None:
        low, high = IDLE_RANGE
        if not isinstance(minutes, int) or isinstance(minutes, bool) or not low <= minutes <= high:
            problem("lock.longest_idle_minutes", f"should be a whole number of minutes from {low} to {high}")
        else:
            managed.longest_idle_minutes = minutes
    return managed
