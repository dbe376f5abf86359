"""Where the built-in data folders are, from a checkout or from an installed wheel.

A wheel carries `templates/`, `forms/` and `resources/` inside the package (as `_templates`,
`_forms`, `_resources`, see setup.cfg); a checkout or an editable install has them at the top of
the repository. Look inside the package first, then beside it.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _data_dir(name: str) -> Path:
    inside = _PACKAGE / f"_{name}"
    if inside.is_dir():
        return inside
    beside = _PACKAGE.parent / name
    if beside.is_dir():
        return beside
    raise FileNotFoundError(
        f"the {name!r} folder is missing from this installation (looked in {inside} and {beside})"
    )


def templates_dir() -> Path:
    return _data_dir("templates")


def forms_dir() -> Path:
    return _data_dir("forms")


def resources_dir() -> Path:
    return _data_dir("resources")


def option_picture(name: str) -> Path:
    """The picture an option of a scale names (templates/scales.toml: `picture = "week-5"`)."""
    return resources_dir() / "pictures" / f"{name}.svg"


def worry_picture() -> Path:
    """The hand on child mode's "Something worries me", and beside it wherever a worry is shown."""
    return resources_dir() / "icons" / "worry.svg"


def face_picture(value: str) -> Path:
    """The picture for one answer on a feelings scale (a face, or a baby's state)."""
    return resources_dir() / "faces" / f"{value}.svg"
