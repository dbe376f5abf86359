"""Which picture goes with an answer the child chose, the same in child mode, compare and the report.

Child mode shows a choice's pictures where every option offered has one (else words alone); the
picture of an option is the one templates/scales.toml names beside it, and for a person of the
household named as the answer, a grown-up, two grown-ups sharing it, or another child
(people.picture_of). Compare and the report show the chosen picture beside the child's words, as
the child saw it. The report takes raster pictures only (python-docx): each drawing has a PNG
beside its SVG (scripts/make_pictures.py draws both); a partnership's own SVG without one is shown
in the report by its words alone.
"""

from __future__ import annotations

from pathlib import Path

from .case import Case
from .paths import face_picture, option_picture
from .people import is_named, picture_of
from .template_model import Scale


def picture_name(scale: Scale, value: str, case: Case | None) -> str:
    """The name of the picture for one answer on a scale ("" where the scale names none)."""
    if is_named(value):
        return picture_of(value, case) if case is not None else ""
    return next((o.picture for o in scale.options if o.value == value), "")


def choice_pictures(scale: Scale, values: list[str], case: Case | None) -> dict[str, Path] | None:
    """Each offered value's picture file, where every one of them has one (else None: words alone)."""
    out = {}
    for value in values:
        name = picture_name(scale, value, case)
        path = option_picture(name) if name else None
        if path is None or not path.is_file():
            return None
        out[value] = path
    return out


def scale_pictured(scale: Scale) -> bool:
    """Whether child mode shows this scale's choices as pictures: every option it offers has one
    (a named person always has)."""
    return all(o.picture and option_picture(o.picture).is_file() for o in scale.options if not o.retired)


def chosen_picture(scale: Scale, value: str | None, case: Case | None, *, feelings: bool = False) -> Path | None:
    """The picture (SVG) of the one answer chosen, if it has one: a face on a feelings scale."""
    if not value:
        return None
    if feelings:
        path = face_picture(value)
    else:
        name = picture_name(scale, value, case)
        path = option_picture(name) if name else None
    return path if path is not None and path.is_file() else None


def raster(svg: Path | None) -> Path | None:
    """The PNG drawn beside a picture, for the Word report (None where there is none)."""
    if svg is None:
        return None
    png = svg.with_suffix(".png")
    return png if png.is_file() else None
