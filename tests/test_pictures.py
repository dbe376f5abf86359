"""The pictures the report shows are the ones child mode shows: every SVG an answer may have (the
options' pictures, the faces, the worry hand) has its PNG beside it, drawn from it now (not from an
older drawing), and the report's rule for which answers have a picture is child mode's."""

import importlib.util
from pathlib import Path

from dayinlife.paths import resources_dir
from dayinlife.pictures import choice_pictures, chosen_picture, raster, scale_pictured
from dayinlife.template_loader import load_library

REPO = Path(__file__).resolve().parent.parent


def make_pictures():
    spec = importlib.util.spec_from_file_location("make_pictures", REPO / "scripts" / "make_pictures.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_picture_has_its_png_drawn_from_it(qapp):  # pytest-qt's application: Qt draws the SVG
    from PySide6.QtGui import QImage

    script = make_pictures()
    sources = script.raster_sources()
    assert len(sources) >= 30 and resources_dir() / "icons" / "worry.svg" in sources
    stale = []
    for svg in sources:
        png = raster(svg)
        assert png is not None, f"{svg.name} has no PNG beside it: run scripts/make_pictures.py"
        kept = QImage(str(png)).convertToFormat(QImage.Format.Format_ARGB32)
        fresh = script.rasterise(svg)
        assert (kept.width(), kept.height()) == (script.PNG_PX, script.PNG_PX)
        differing = sum(1 for y in range(0, kept.height(), 2) for x in range(0, kept.width(), 2)
                        if abs(kept.pixelColor(x, y).alpha() - fresh.pixelColor(x, y).alpha()) > 24
                        or abs(kept.pixelColor(x, y).red() - fresh.pixelColor(x, y).red()) > 24)
        if differing > 0.01 * (kept.width() * kept.height() / 4):
            stale.append(svg.name)
    assert not stale, f"PNGs older than their SVG: {stale} (run scripts/make_pictures.py)"


def test_the_shared_scales_are_pictured_as_child_mode_shows_them():
    """What child mode offers on "who" (the household's people first) and "routine" all have
    pictures, and the picture of each chosen answer is the one child mode showed for it."""
    from datetime import date

    from dayinlife import people
    from dayinlife.case import Adult, AdultRole, Case, Child

    case = Case("FICT-PIC-1")
    case.adults.append(Adult("Jo Fictional", AdultRole.MOTHER))
    kid = Child("Kit Fictional", date_of_birth=date(2018, 1, 1))
    case.children += [kid, Child("Lou Fictional", date_of_birth=date(2020, 1, 1))]
    t = load_library().get("primary")
    for name in ("who", "routine"):
        scale = t.scales[name]
        assert scale_pictured(scale)
        named = [value for value, _words in people.choices(case, kid)] if scale.people else []
        values = named + [o.value for o in scale.options if not o.retired]
        pictures = choice_pictures(scale, values, case)
        assert pictures is not None and set(pictures) == set(values)
        for value in values:
            assert chosen_picture(scale, value, case) == pictures[value]
        if scale.people:
            mum, lou = named[0], next(v for v in named if "+" not in v and v != named[0])
            assert pictures[mum].name == "grown-up.svg" and pictures[lou].name == "brother-or-sister.svg"


def test_an_answer_without_a_picture_has_none(tmp_path):
    library = load_library()
    scale = library.get("primary").feelings
    assert chosen_picture(scale, None, None, feelings=True) is None
    assert chosen_picture(scale, "no_such_face", None, feelings=True) is None
    assert raster(tmp_path / "own.svg") is None  # a partnership's own picture, no PNG drawn yet

