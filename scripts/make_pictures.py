"""Draw the pictures for the shared scales' options (resources/pictures/*.svg), in the faces' style,
and a PNG beside every picture the report may show (those, the faces, the worry hand).

    .venv/bin/python scripts/make_pictures.py

Each picture is our own, drawn from simple shapes so they stay consistent and clear at 64 px and on
a projector: the same brown outline as the faces, the same few colours, a title and a description
(the alt text). templates/scales.toml names a picture beside each option (`picture = "week-5"`);
a partnership may point an option at another picture of its own in resources/pictures/. The words
are always shown under a picture: a picture never carries the meaning alone.

The Word report takes raster pictures only, so each SVG gets a PNG of PNG_PX square beside it,
drawn from the SVG by Qt's SVG renderer (tests/test_pictures.py checks they match). A
partnership's own SVG gets its PNG by running this again.
"""

from __future__ import annotations

import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "resources" / "pictures"
INK = "#4A3525"
SUN = "#FFE08A"
LEAF = "#C8E2D0"
SKY = "#9CC7F5"
SKIN = "#F3CFA6"
GREY = "#D9D4CE"
RED = "#E8A0A0"


def svg(title: str, desc: str, body: str) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" version="1.1" viewBox="0 0 100 100" width="100" height="100">\n'
            f"  <title>{title}</title>\n  <desc>Drawn for Day in My Life: {desc}</desc>\n{body}</svg>\n")


def week(filled: int) -> str:
    """Seven days as seven circles (four above, three below); the days it happens are filled."""
    spots = [(17 + 22 * i, 32) for i in range(4)] + [(28 + 22 * i, 66) for i in range(3)]
    out = []
    for n, (x, y) in enumerate(spots):
        fill = SUN if n < filled else "#FFFFFF"
        out.append(f'  <circle cx="{x}" cy="{y}" r="9" fill="{fill}" stroke="{INK}" stroke-width="3.5"/>\n')
    return "".join(out)


def person(x: float, y: float, scale: float, fill: str, dashed: bool = False) -> str:
    """A figure: a round head over a rounded body, standing on y (its feet)."""
    dash = ' stroke-dasharray="5 4"' if dashed else ""
    head_r, body_w, body_h = 9 * scale, 26 * scale, 30 * scale
    top = y - body_h
    head_y = top - head_r - 3 * scale
    head_fill = "none" if dashed else SKIN
    body_fill = "none" if dashed else fill
    return (f'  <circle cx="{x:.1f}" cy="{head_y:.1f}" r="{head_r:.1f}" fill="{head_fill}" stroke="{INK}" '
            f'stroke-width="3.5"{dash}/>\n'
            f'  <path d="M {x - body_w / 2:.1f} {y:.1f} L {x - body_w / 2:.1f} {top + 8 * scale:.1f} '
            f'Q {x - body_w / 2:.1f} {top:.1f} {x - body_w / 2 + 8 * scale:.1f} {top:.1f} '
            f'L {x + body_w / 2 - 8 * scale:.1f} {top:.1f} Q {x + body_w / 2:.1f} {top:.1f} '
            f'{x + body_w / 2:.1f} {top + 8 * scale:.1f} L {x + body_w / 2:.1f} {y:.1f} Z" fill="{body_fill}" '
            f'stroke="{INK}" stroke-width="3.5" stroke-linejoin="round"{dash}/>\n')


def clock(x: float, y: float, hour_angle: float, r: float = 13) -> str:
    """A small clock face with its hour hand at an angle (degrees from twelve) and minute hand up."""
    from math import cos, radians, sin

    hx, hy = x + 0.6 * r * sin(radians(hour_angle)), y - 0.6 * r * cos(radians(hour_angle))
    return (f'  <circle cx="{x}" cy="{y}" r="{r}" fill="#FFFFFF" stroke="{INK}" stroke-width="3.5"/>\n'
            f'  <path d="M {x} {y} L {x} {y - 0.8 * r:.1f}" stroke="{INK}" stroke-width="3" stroke-linecap="round"/>\n'
            f'  <path d="M {x} {y} L {hx:.1f} {hy:.1f}" stroke="{INK}" stroke-width="3.5" stroke-linecap="round"/>\n')


def clocks(angles: tuple[float, float, float]) -> str:
    return "".join(clock(x, y, a) for (x, y), a in zip(((22, 40), (50, 62), (78, 40)), angles))


def ring(fill: str) -> str:
    return f'  <circle cx="50" cy="50" r="42" fill="{fill}" stroke="{INK}" stroke-width="4"/>\n'


PICTURES: dict[str, tuple[str, str, str]] = {
    "week-7": ("Every day", "seven circles for the days of the week, all seven filled.", week(7)),
    "week-5": ("Most days", "seven circles for the days of the week, five filled.", week(5)),
    "week-3": ("Sometimes", "seven circles for the days of the week, three filled.", week(3)),
    "week-1": ("Not often", "seven circles for the days of the week, one filled.", week(1)),
    "week-0": ("Never", "seven circles for the days of the week, none filled.", week(0)),
    "question": ("Not sure", "a round sign with a question mark.",
                 ring(GREY) + f'  <path d="M 36 38 Q 36 24 50 24 Q 64 24 64 37 Q 64 46 54 50 Q 50 52 50 60" '
                              f'fill="none" stroke="{INK}" stroke-width="7" stroke-linecap="round"/>\n'
                              f'  <circle cx="50" cy="74" r="5" fill="{INK}"/>\n'),
    "not-seen": ("Not seen", "an eye with a line across it.",
                 f'  <path d="M 8 50 Q 50 12 92 50 Q 50 88 8 50 Z" fill="#FFFFFF" stroke="{INK}" stroke-width="4"/>\n'
                 f'  <circle cx="50" cy="50" r="12" fill="{SKY}" stroke="{INK}" stroke-width="3.5"/>\n'
                 f'  <path d="M 18 84 L 82 16" stroke="{INK}" stroke-width="6" stroke-linecap="round"/>\n'),
    "grown-up": ("A grown-up at home", "a grown-up standing.", person(50, 90, 1.6, LEAF)),
    "other-grown-up": ("Another grown-up", "a grown-up standing, in a different colour.", person(50, 90, 1.6, SKY)),
    "me": ("Me, on my own", "a child standing on their own.", person(50, 90, 1.1, SUN)),
    "nobody": ("Nobody", "the dashed outline of a person who is not there.", person(50, 90, 1.6, GREY, True)),
    "grown-ups-together": ("Grown-ups together", "two grown-ups standing side by side.",
                           person(30, 90, 1.15, LEAF) + person(70, 90, 1.15, SKY)),
    "brother-or-sister": ("A brother or sister", "two children standing side by side.",
                          person(32, 90, 0.95, SUN) + person(68, 90, 0.8, "#F5C0D6")),
    "different-people": ("Different people", "a grown-up and a child with a curved arrow between them.",
                         person(28, 92, 1.0, LEAF) + person(74, 92, 0.8, SUN)
                         + f'  <path d="M 24 22 Q 50 4 74 24" fill="none" stroke="{INK}" stroke-width="3.5" '
                           f'stroke-linecap="round"/>\n  <path d="M 66 20 L 75 25 L 74 15" fill="none" '
                           f'stroke="{INK}" stroke-width="3.5" stroke-linecap="round" stroke-linejoin="round"/>\n'),
    "clocks-same": ("The same every day", "three clocks all showing the same time.", clocks((90, 90, 90))),
    "clocks-mostly": ("Mostly the same", "three clocks, two showing the same time and one a little later.",
                      clocks((90, 90, 130))),
    "clocks-varies": ("It changes", "three clocks each showing a different time.", clocks((30, 150, 260))),
    "clocks-none": ("No set time", "three clocks without hands.",
                    "".join(f'  <circle cx="{x}" cy="{y}" r="13" fill="#FFFFFF" stroke="{INK}" stroke-width="3.5" '
                            f'stroke-dasharray="5 4"/>\n' for x, y in ((22, 40), (50, 62), (78, 40)))),
    "yes": ("Yes", "a round sign with a tick.",
            ring(LEAF) + f'  <path d="M 28 52 L 44 68 L 74 34" fill="none" stroke="{INK}" stroke-width="8" '
                         f'stroke-linecap="round" stroke-linejoin="round"/>\n'),
    "partly": ("A bit", "a round sign, half filled.",
               ring("#FFFFFF") + f'  <path d="M 50 8 A 42 42 0 0 0 50 92 Z" fill="{SUN}" stroke="{INK}" '
                                 f'stroke-width="4"/>\n'),
    "no": ("No", "a round sign with a cross.",
           ring(RED) + f'  <path d="M 32 32 L 68 68 M 68 32 L 32 68" stroke="{INK}" stroke-width="8" '
                       f'stroke-linecap="round"/>\n'),
    "not-needed": ("Not needed", "a round sign with a flat line across.",
                   ring(GREY) + f'  <path d="M 28 50 L 72 50" stroke="{INK}" stroke-width="8" stroke-linecap="round"/>\n'),
}


PNG_PX = 128  # about 1 cm in the report at 300 dpi and more


def rasterise(svg_file: Path, px: int = PNG_PX):
    """The SVG drawn as a square QImage of `px` on a transparent background."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    image = QImage(px, px, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(svg_file)).render(painter)
    painter.end()
    return image


def raster_sources() -> list[Path]:
    """Every picture the report may show: the options' pictures, the faces, the worry hand."""
    resources = OUT.parent
    return sorted([*OUT.glob("*.svg"), *(resources / "faces").glob("*.svg"), resources / "icons" / "worry.svg"])


def main() -> int:
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 (Qt's painting needs one)
    OUT.mkdir(parents=True, exist_ok=True)
    for name, (title, desc, body) in PICTURES.items():
        (OUT / f"{name}.svg").write_text(svg(title, desc, body), encoding="utf-8", newline="\n")
    print(f"wrote {len(PICTURES)} pictures to {OUT}")
    sources = raster_sources()
    for source in sources:
        if not rasterise(source).save(str(source.with_suffix(".png")), "PNG"):
            print(f"could not write {source.with_suffix('.png')}", file=sys.stderr)
            return 1
    print(f"wrote {len(sources)} PNGs beside them, {PNG_PX} px square, for the report")
    return 0


if __name__ == "__main__":
    sys.exit(main())
