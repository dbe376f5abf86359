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


def star(cx: float, cy: float, r: float, fill: str) -> str:
    from math import cos, radians, sin

    points = []
    for i in range(10):
        rad = r if i % 2 == 0 else r * 0.45
        a = radians(-90 + 36 * i)
        points.append(f"{cx + rad * cos(a):.1f},{cy + rad * sin(a):.1f}")
    return (f'  <polygon points="{" ".join(points)}" fill="{fill}" stroke="{INK}" stroke-width="3.5" '
            f'stroke-linejoin="round"/>\n')


def line(d: str, width: float = 3.5, fill: str = "none") -> str:
    return (f'  <path d="{d}" fill="{fill}" stroke="{INK}" stroke-width="{width}" stroke-linecap="round" '
            f'stroke-linejoin="round"/>\n')


# The cards a child sorts (sort.py picks one for each topic by what the topic is about). Each says
# its part of the day in a picture; the topic's words are always written under it.
CARDS: dict[str, tuple[str, str, str]] = {
    "card-morning": ("Morning", "the sun coming up over the ground.",
                     line("M 10 70 L 90 70", 4) + f'  <path d="M 26 70 A 24 24 0 0 1 74 70 Z" fill="{SUN}" '
                     f'stroke="{INK}" stroke-width="3.5"/>\n' + line("M 50 30 L 50 20 M 24 42 L 17 35 M 76 42 L 83 35")),
    "card-food": ("Food", "a bowl with a spoon in it.",
                  line("M 68 16 L 54 52", 5) + f'  <path d="M 14 50 L 86 50 Q 84 84 50 84 Q 16 84 14 50 Z" '
                  f'fill="{SKY}" stroke="{INK}" stroke-width="3.5" stroke-linejoin="round"/>\n'),
    "card-wash": ("Washing", "a tap with drops of water falling.",
                  line("M 20 30 L 60 30 Q 70 30 70 40 L 70 46", 7) + line("M 36 30 L 36 18 M 28 18 L 44 18", 5)
                  + "".join(f'  <path d="M {x} {y} Q {x - 5} {y + 8} {x} {y + 10} Q {x + 5} {y + 8} {x} {y} Z" '
                            f'fill="{SKY}" stroke="{INK}" stroke-width="2.5"/>\n'
                            for x, y in ((70, 56), (62, 72), (78, 74)))),
    "card-clothes": ("Clothes", "a T-shirt.",
                     f'  <path d="M 36 16 Q 50 26 64 16 L 88 30 L 78 46 L 70 42 L 70 86 L 30 86 L 30 42 L 22 46 '
                     f'L 12 30 Z" fill="{LEAF}" stroke="{INK}" stroke-width="3.5" stroke-linejoin="round"/>\n'),
    "card-school": ("School", "a school building with a flag.",
                    f'  <path d="M 14 86 L 14 46 L 50 24 L 86 46 L 86 86 Z" fill="{RED}" stroke="{INK}" '
                    f'stroke-width="3.5" stroke-linejoin="round"/>\n'
                    f'  <rect x="42" y="62" width="16" height="24" fill="#FFFFFF" stroke="{INK}" stroke-width="3"/>\n'
                    + line("M 50 24 L 50 8") + f'  <path d="M 50 8 L 64 12 L 50 16 Z" fill="{SUN}" stroke="{INK}" '
                    f'stroke-width="2.5"/>\n'),
    "card-journey": ("Going out", "a path with footprints along it.",
                     line("M 30 90 Q 20 60 50 50 Q 80 40 70 10", 14).replace(INK, GREY, 1)
                     + "".join(f'  <ellipse cx="{x}" cy="{y}" rx="4" ry="6" fill="{INK}"/>\n'
                               for x, y in ((28, 78), (38, 62), (54, 50), (66, 38), (70, 22)))),
    "card-play": ("Playing", "a ball.",
                  f'  <circle cx="50" cy="52" r="34" fill="{SUN}" stroke="{INK}" stroke-width="3.5"/>\n'
                  + line("M 16 52 Q 50 30 84 52 M 50 18 Q 34 52 50 86")),
    "card-screens": ("Screens", "a tablet with a picture on its screen.",
                     f'  <rect x="18" y="14" width="64" height="74" rx="8" fill="#FFFFFF" stroke="{INK}" '
                     f'stroke-width="3.5"/>\n  <rect x="26" y="22" width="48" height="52" fill="{SKY}" '
                     f'stroke="{INK}" stroke-width="2.5"/>\n  <circle cx="50" cy="81" r="3" fill="{INK}"/>\n'),
    "card-bed": ("Bed", "a bed with a pillow and a cover.",
                 line("M 12 40 L 12 84 M 88 56 L 88 84 M 12 72 L 88 72", 5)
                 + f'  <rect x="16" y="48" width="20" height="14" rx="5" fill="#FFFFFF" stroke="{INK}" stroke-width="3"/>\n'
                 f'  <path d="M 38 72 L 38 54 L 86 54 L 86 72 Z" fill="{SKY}" stroke="{INK}" stroke-width="3.5" '
                 f'stroke-linejoin="round"/>\n'),
    "card-night": ("Night", "a moon and stars.",
                   f'  <path d="M 58 14 A 32 32 0 1 0 86 62 A 26 26 0 1 1 58 14 Z" fill="{SUN}" stroke="{INK}" '
                   f'stroke-width="3.5" stroke-linejoin="round"/>\n' + star(24, 24, 9, SUN) + star(82, 24, 7, SUN)),
    "card-health": ("Health", "a heart with a plaster across it.",
                    f'  <path d="M 50 86 L 16 50 Q 6 36 16 24 Q 30 12 50 30 Q 70 12 84 24 Q 94 36 84 50 Z" '
                    f'fill="{RED}" stroke="{INK}" stroke-width="3.5" stroke-linejoin="round"/>\n'
                    f'  <rect x="30" y="40" width="40" height="14" rx="6" fill="{SKIN}" stroke="{INK}" '
                    f'stroke-width="3" transform="rotate(-30 50 47)"/>\n'),
    "card-medicine": ("Medicine", "a bottle of medicine and a spoon.",
                      f'  <rect x="22" y="34" width="34" height="52" rx="6" fill="{SKY}" stroke="{INK}" stroke-width="3.5"/>\n'
                      f'  <rect x="28" y="20" width="22" height="14" fill="#FFFFFF" stroke="{INK}" stroke-width="3"/>\n'
                      + line("M 30 60 L 48 60 M 39 51 L 39 69", 4)
                      + line("M 66 86 L 76 46", 4) + f'  <ellipse cx="77" cy="40" rx="8" ry="10" fill="#FFFFFF" '
                      f'stroke="{INK}" stroke-width="3"/>\n'),
    "card-home": ("Home", "a house with a door and a window.",
                  f'  <path d="M 16 86 L 16 46 L 50 18 L 84 46 L 84 86 Z" fill="{SUN}" stroke="{INK}" '
                  f'stroke-width="3.5" stroke-linejoin="round"/>\n'
                  f'  <rect x="26" y="58" width="16" height="28" fill="#FFFFFF" stroke="{INK}" stroke-width="3"/>\n'
                  f'  <rect x="54" y="54" width="20" height="16" fill="{SKY}" stroke="{INK}" stroke-width="3"/>\n'),
    "card-money": ("Money", "a pile of coins.",
                   "".join(f'  <ellipse cx="{x}" cy="{y}" rx="22" ry="8" fill="{SUN}" stroke="{INK}" stroke-width="3.5"/>\n'
                           for x, y in ((40, 78), (40, 68), (40, 58), (68, 80)))
                   + f'  <circle cx="66" cy="38" r="18" fill="{SUN}" stroke="{INK}" stroke-width="3.5"/>\n'),
    "card-people": ("People", "a grown-up and a child side by side.",
                    person(34, 90, 1.2, LEAF) + person(72, 90, 0.85, SUN)),
    "card-feelings": ("Feelings", "two hearts.",
                      f'  <path d="M 36 70 L 12 46 Q 4 36 12 26 Q 22 18 36 30 Q 50 18 60 26 Q 68 36 60 46 Z" '
                      f'fill="{RED}" stroke="{INK}" stroke-width="3.5" stroke-linejoin="round"/>\n'
                      f'  <path d="M 68 90 L 50 72 Q 44 64 50 56 Q 58 50 68 60 Q 78 50 86 56 Q 92 64 86 72 Z" '
                      f'fill="{SUN}" stroke="{INK}" stroke-width="3.5" stroke-linejoin="round"/>\n'),
    "card-talk": ("Talking", "a speech bubble.",
                  f'  <path d="M 20 20 L 80 20 Q 90 20 90 30 L 90 58 Q 90 68 80 68 L 44 68 L 26 86 L 30 68 '
                  f'L 20 68 Q 10 68 10 58 L 10 30 Q 10 20 20 20 Z" fill="#FFFFFF" stroke="{INK}" stroke-width="3.5" '
                  f'stroke-linejoin="round"/>\n' + "".join(f'  <circle cx="{x}" cy="44" r="5" fill="{INK}"/>\n'
                                                         for x in (32, 50, 68))),
    "card-jobs": ("Jobs", "a basket of washing.",
                  f'  <path d="M 14 44 L 86 44 L 78 86 L 22 86 Z" fill="{GREY}" stroke="{INK}" stroke-width="3.5" '
                  f'stroke-linejoin="round"/>\n' + line("M 30 44 Q 36 24 50 30 Q 62 18 72 44")
                  + line("M 30 56 L 70 56 M 28 70 L 72 70", 3)),
    "card-other": ("Another part of the day", "a star.", star(50, 52, 38, SUN)),
    "pencil": ("Draw it", "a pencil drawing a wavy line.",
               line("M 10 86 Q 24 70 36 84 Q 48 96 60 82", 4)
               + f'  <path d="M 62 76 L 22 36 L 36 22 L 76 62 Z" fill="{SUN}" stroke="{INK}" stroke-width="3.5" '
               f'stroke-linejoin="round" transform="translate(10 -10)"/>\n'
               + f'  <path d="M 72 66 L 86 80 L 66 72 Z" fill="{SKIN}" stroke="{INK}" stroke-width="3" '
               f'stroke-linejoin="round" transform="translate(0 -4)"/>\n'
               + f'  <path d="M 32 26 L 46 12 L 40 6 Q 36 2 32 6 L 26 12 Q 22 16 26 20 Z" fill="{RED}" '
               f'stroke="{INK}" stroke-width="3" stroke-linejoin="round"/>\n'),
}


def thumb(fill: str, down: bool = False) -> str:
    """A hand with its thumb up (or, turned over, down), on a round card."""
    turn = ' transform="rotate(180 50 50)"' if down else ""
    return (ring(fill) + f'  <g{turn}>\n'
            f'  <path d="M 42 46 L 46 22 Q 48 14 55 16 Q 60 18 58 28 L 56 44 Z" fill="{SKIN}" stroke="{INK}" '
            f'stroke-width="3.5" stroke-linejoin="round"/>\n'
            f'  <rect x="30" y="44" width="40" height="34" rx="8" fill="{SKIN}" stroke="{INK}" stroke-width="3.5"/>\n'
            f'  <path d="M 30 55 L 52 55 M 30 66 L 52 66" stroke="{INK}" stroke-width="3" stroke-linecap="round"/>\n'
            f'  </g>\n')


# The three piles the cards are sorted onto (sort.PILE_PICTURES).
PILES: dict[str, tuple[str, str, str]] = {
    "pile-good": ("Good", "a thumb up, on a green circle.", thumb(LEAF)),
    "pile-not-sure": ("Not sure", "a question mark, on a grey circle.", PICTURES["question"][2]),
    "pile-not-good": ("Not good", "a thumb down, on a pink circle.", thumb(RED, down=True)),
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
    for name, (title, desc, body) in {**PICTURES, **CARDS, **PILES}.items():
        (OUT / f"{name}.svg").write_text(svg(title, desc, body), encoding="utf-8", newline="\n")
    print(f"wrote {len(PICTURES) + len(CARDS) + len(PILES)} pictures to {OUT}")
    sources = raster_sources()
    for source in sources:
        if not rasterise(source).save(str(source.with_suffix(".png")), "PNG"):
            print(f"could not write {source.with_suffix('.png')}", file=sys.stderr)
            return 1
    print(f"wrote {len(sources)} PNGs beside them, {PNG_PX} px square, for the report")
    return 0


if __name__ == "__main__":
    sys.exit(main())
