"""A picture of the chronology: years along the bottom, one row for each type of neglect (and one
for events of no type), a mark for each event in its row, and the interviews and analyses of this
assessment in a row of their own, so a pattern over years shows at a glance.

Each kind of mark has its own shape as well as its own colour, so the picture reads printed in
black and white: harmful a filled square, good an open circle, not known a small diamond.
Drawn with Pillow (python-docx takes raster images only).
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image, ImageDraw

from ..chronology import Effect
from .picture import font

WIDTH = 2000
MARKS = {Effect.HARMFUL: ("square", "#B2182B"), Effect.GOOD: ("circle", "#1A7F37"),
         Effect.NOT_KNOWN: ("diamond", "#6B6B6B")}
WORDS = {Effect.HARMFUL: "harmful to the child", Effect.GOOD: "good for the child",
         Effect.NOT_KNOWN: "not known yet"}


@dataclass
class Mark:
    when: float                 # the year with the time through it (EventDate.fraction)
    row: int                    # which row: an index into the rows given
    effect: Effect | None       # None: one of this assessment's interviews or analyses


def timeline_chart(title: str, rows: list[str], marks: list[Mark], births: list[tuple[float, str]],
                   assessment_row: str, report: tuple[float, str] | None = None) -> bytes:
    """PNG bytes. `rows`: the labels of the rows, top to bottom (types of neglect, then the events of
    no type); the assessment's own row is drawn last, under them. `births`: (when, 'Maisie born'),
    drawn as a line down the whole picture."""
    f_title, f_label, f_small = font(46, True), font(32), font(28)
    all_rows = rows + [assessment_row]
    times = [m.when for m in marks] + [b[0] for b in births] + ([report[0]] if report else [])
    first = int(min(times)) if times else 2000
    last = int(max(times)) + 1 if times else first + 1
    if last - first < 2:
        first, last = first - 1, last + 1
    left, right, top = 560, 60, 100
    key_h = 60
    row_h = 74
    plot_top = top + key_h + 40
    height = plot_top + row_h * len(all_rows) + 90
    img = Image.new("RGB", (WIDTH, height), "white")
    draw = ImageDraw.Draw(img)
    draw.text((40, 26), title, fill="black", font=f_title)

    # the key
    x = 40
    for effect in (Effect.HARMFUL, Effect.GOOD, Effect.NOT_KNOWN):
        shape, colour = MARKS[effect]
        _mark(draw, x + 16, top + key_h / 2, shape, colour)
        draw.text((x + 44, top + key_h / 2), WORDS[effect].capitalize(), fill="black", font=f_small, anchor="lm")
        x += 80 + draw.textlength(WORDS[effect].capitalize(), font=f_small)
    _assessment_mark(draw, x + 16, top + key_h / 2)
    draw.text((x + 44, top + key_h / 2), "This assessment", fill="black", font=f_small, anchor="lm")

    plot_w = WIDTH - left - right

    def at(when: float) -> float:
        return left + (when - first) / (last - first) * plot_w

    for j, label in enumerate(all_rows):
        y0 = plot_top + j * row_h
        if j % 2 == 0:
            draw.rectangle((30, y0, WIDTH - 20, y0 + row_h), fill="#F3F3F3")
        if draw.textlength(label, font=f_label) < left - 60:
            draw.text((40, y0 + row_h / 2), label, fill="black", font=f_label, anchor="lm")
        else:  # two smaller lines ("Lack of supervision / and guidance"), cut only if still too long
            draw.multiline_text((40, y0 + row_h / 2), _two_lines(draw, label, f_small, left - 60), fill="black",
                                font=f_small, anchor="lm", spacing=2)
    bottom = plot_top + row_h * len(all_rows)
    step = 1 if last - first <= 12 else 2 if last - first <= 24 else 5
    for year in range(first, last + 1):
        x = at(year)
        draw.line((x, plot_top, x, bottom), fill="#C8C8C8", width=2)
        if (year - first) % step == 0:
            draw.text((x, bottom + 12), str(year), fill="black", font=f_small, anchor="ma")
    draw.line((left, bottom, WIDTH - right, bottom), fill="black", width=3)
    for k, (when, label) in enumerate(sorted(births)):
        x = at(when)
        draw.line((x, plot_top - 8, x, bottom), fill="#404040", width=3)
        draw.text((x + 6, plot_top - 10 - (k % 2) * 30), label, fill="#404040", font=f_small, anchor="lb")
    if report is not None:
        x = at(report[0])
        for y in range(int(plot_top - 8), int(bottom), 22):
            draw.line((x, y, x, min(y + 12, bottom)), fill="black", width=3)
        draw.text((x - 6, bottom + 48), report[1], fill="black", font=f_small, anchor="ra")

    # marks on the same day in one row sit side by side, not on top of each other
    placed: dict[tuple[int, int], int] = {}
    for m in sorted(marks, key=lambda m: (m.row, m.when)):
        x = at(m.when)
        slot = (m.row, round(x / (34 if m.effect is None else 20)))
        n = placed.get(slot, 0)
        placed[slot] = n + 1
        y = plot_top + (m.row + 0.5) * row_h + (0, -20, 20)[n % 3]
        if m.effect is None:  # side by side when close together, so each interview can be counted
            slot = (m.row, round(x / 34))
            n = placed.get(slot, 0) - 1
            _assessment_mark(draw, x + (n % 4) * 14 - (6 if n else 0), plot_top + (len(all_rows) - 0.5) * row_h
                             + (0, -14, 14, 0)[n % 4])
        else:
            shape, colour = MARKS[m.effect]
            _mark(draw, x, y, shape, colour)
    out = io.BytesIO()
    img.save(out, "PNG", compress_level=6)
    return out.getvalue()


def _two_lines(draw, text: str, f, width: float) -> str:
    """The label on two lines, broken at the last space that lets the first fit; each line cut to fit."""
    words = text.split()
    for k in range(len(words) - 1, 0, -1):
        head = " ".join(words[:k])
        if draw.textlength(head, font=f) <= width:
            tail = " ".join(words[k:])
            return head + "\n" + (tail if draw.textlength(tail, font=f) <= width else _cut(draw, tail, f, width))
    return _cut(draw, text, f, width)


def _cut(draw, text: str, f, width: float) -> str:
    while text and draw.textlength(text + "…", font=f) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _mark(draw, x: float, y: float, shape: str, colour: str, r: float = 15) -> None:
    if shape == "square":
        draw.rectangle((x - r, y - r, x + r, y + r), fill=colour, outline="white", width=2)
    elif shape == "circle":
        draw.ellipse((x - r, y - r, x + r, y + r), fill="white", outline=colour, width=7)
    else:
        r -= 3
        draw.polygon([(x, y - r - 3), (x + r + 3, y), (x, y + r + 3), (x - r - 3, y)], fill=colour, outline="white")


def _assessment_mark(draw, x: float, y: float) -> None:
    """A black upward triangle: an interview or analysis of this assessment."""
    draw.polygon([(x, y - 17), (x - 15, y + 12), (x + 15, y + 12)], fill="black", outline="white")


def describe(title: str, rows: list[str], counts: list[dict[Effect, int]], first: str, last: str,
             assessment: int) -> str:
    """The picture in words, for its alt text."""
    parts = [f"{title}. A timeline from {first} to {last}, one row for each type of neglect."]
    for label, c in zip(rows, counts):
        said = [f"{n} {WORDS[e]}" for e, n in c.items() if n]
        if said:
            parts.append(f"{label}: {', '.join(said)}.")
    if assessment:
        parts.append(f"This assessment (its interviews and analysis): {assessment} "
                     f"entr{'ies' if assessment != 1 else 'y'}.")
    return " ".join(parts)
