"""A picture of the day: how the child feels at each stage, by the child and by each adult.

Drawn with Pillow because python-docx takes raster images only. Each perspective has its own
line pattern and marker shape as well as its own colour (colour-blind safe), so the picture
still reads printed in black and white.
"""

from __future__ import annotations

import io
import textwrap
from dataclasses import dataclass
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

WIDTH = 2000
# Okabe-Ito colours; the child's line is black and thickest.
COLOURS = ["#000000", "#D55E00", "#0072B2", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"]
DASHES = [None, (34, 14), (8, 10), (30, 10, 6, 10), (16, 8), (4, 6), (40, 8, 8, 8)]
MARKERS = ["circle", "square", "triangle", "diamond", "down", "cross", "circle"]


@dataclass
class Series:
    label: str                      # "The child", "J.T. (mother)"
    feelings: list[str | None]      # one feeling value per stage, None where not given


@lru_cache(maxsize=8)
def font(size: int, bold: bool = False):
    names = (["DejaVuSans-Bold.ttf", "segoeuib.ttf", "arialbd.ttf", "Arial Bold.ttf"] if bold
             else ["DejaVuSans.ttf", "segoeui.ttf", "arial.ttf", "Arial.ttf"])
    for name in names:
        try:
            return ImageFont.truetype(name, size)
        except OSError:
            continue
    try:
        return ImageFont.load_default(size=size)
    except TypeError:  # Pillow built without FreeType
        return ImageFont.load_default()


def _text_width(draw, text: str, f) -> float:
    return draw.textlength(text, font=f)


def feelings_chart(title: str, stages: list[tuple[str, str]], levels: list[tuple[str, str]],
                   series: list[Series]) -> bytes:
    """PNG bytes: the stages of the day down the side (as in the comparison table), the feelings
    across from the unhappiest on the left to the happiest on the right, one line per person.
    `stages`: (title, hours text) in the order of the day; `levels`: the feeling scale as
    (value, label), happiest first; `series`: the child first, then each adult."""
    scratch = ImageDraw.Draw(Image.new("RGB", (10, 10)))
    f_title, f_label, f_small, f_legend = font(46, True), font(34), font(28), font(34)
    levels = list(reversed(levels))            # unhappiest on the left
    left, right, top = 560, 90, 100
    plot_w = WIDTH - left - right
    col = plot_w / max(1, len(levels) - 1)

    # the key, wrapped into rows
    legend_items, row_w, rows = [], 0, 1
    for i, s in enumerate(series):
        w = 130 + _text_width(scratch, s.label, f_legend) + 60
        if row_w + w > WIDTH - 80 and row_w:
            rows, row_w = rows + 1, 0
        legend_items.append((i, s, 40 + row_w, rows - 1))
        row_w += w
    head = top + rows * 58 + 40              # the feeling names across the top
    plot_top = head + 70
    row_h = 86
    height = int(plot_top + row_h * len(stages) + 20)

    img = Image.new("RGB", (WIDTH, height), "white")
    draw = ImageDraw.Draw(img)
    draw.text((40, 26), title, fill="black", font=f_title)
    for i, s, x, r in legend_items:
        y = top + r * 58 + 30
        _line(draw, (x, y), (x + 100, y), COLOURS[i % 7], 7 if i == 0 else 5, DASHES[i % 7])
        _marker(draw, x + 50, y, MARKERS[i % 7], COLOURS[i % 7])
        draw.text((x + 120, y), s.label, fill="black", font=f_legend, anchor="lm")

    for k, (_, label) in enumerate(levels):
        x = left + k * col
        draw.line((x, plot_top - 30, x, height - 10), fill="#C8C8C8", width=2)
        anchor = "la" if k == 0 else "ra" if k == len(levels) - 1 else "ma"
        draw.text((x + (-10 if k == 0 else 10 if k == len(levels) - 1 else 0), head), label, fill="black",
                  font=f_label, anchor=anchor)
    for j, (name, hours) in enumerate(stages):
        y = plot_top + (j + 0.5) * row_h
        if j % 2 == 0:
            draw.rectangle((30, y - row_h / 2, WIDTH - 20, y + row_h / 2), fill="#F3F3F3")
        label = name if _text_width(scratch, name, f_label) < left - 190 else textwrap.shorten(name, 18, placeholder="…")
        draw.text((40, y), label, fill="black", font=f_label, anchor="lm")
        if hours:
            draw.text((left - 30, y), hours, fill="#505050", font=f_small, anchor="rm")
    for k in range(len(levels)):  # draw the level lines again over the stripes
        x = left + k * col
        draw.line((x, plot_top - 30, x, height - 10), fill="#C8C8C8", width=2)

    index = {value: k for k, (value, _) in enumerate(levels)}
    spread = min(14.0, row_h / (len(series) + 2))
    for i, s in enumerate(series):
        offset = (i - (len(series) - 1) / 2) * spread
        points = [(left + index[v] * col, plot_top + (j + 0.5) * row_h + offset) if v in index else None
                  for j, v in enumerate(s.feelings)]
        colour, width, dash = COLOURS[i % 7], 7 if i == 0 else 5, DASHES[i % 7]
        for a, b in zip(points, points[1:]):
            if a and b:
                _line(draw, a, b, colour, width, dash)
        for p in points:
            if p:
                _marker(draw, p[0], p[1], MARKERS[i % 7], colour)

    out = io.BytesIO()
    img.save(out, "PNG", compress_level=6)
    return out.getvalue()


def _line(draw, a, b, colour, width, dash) -> None:
    if not dash:
        draw.line((a, b), fill=colour, width=width)
        return
    (x0, y0), (x1, y1) = a, b
    length = ((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5
    if length == 0:
        return
    ux, uy = (x1 - x0) / length, (y1 - y0) / length
    pos, k, on = 0.0, 0, True
    while pos < length:
        seg = dash[k % len(dash)]
        end = min(length, pos + seg)
        if on:
            draw.line((x0 + ux * pos, y0 + uy * pos, x0 + ux * end, y0 + uy * end), fill=colour, width=width)
        pos, k, on = end, k + 1, not on


def _marker(draw, x, y, shape, colour, r: float = 14) -> None:
    if shape == "circle":
        draw.ellipse((x - r, y - r, x + r, y + r), fill=colour, outline="white", width=2)
    elif shape == "square":
        draw.rectangle((x - r, y - r, x + r, y + r), fill=colour, outline="white", width=2)
    elif shape == "triangle":
        draw.polygon([(x, y - r - 3), (x - r - 2, y + r), (x + r + 2, y + r)], fill=colour, outline="white")
    elif shape == "down":
        draw.polygon([(x, y + r + 3), (x - r - 2, y - r), (x + r + 2, y - r)], fill=colour, outline="white")
    elif shape == "diamond":
        draw.polygon([(x, y - r - 4), (x + r + 4, y), (x, y + r + 4), (x - r - 4, y)], fill=colour, outline="white")
    else:
        draw.line((x - r, y - r, x + r, y + r), fill=colour, width=6)
        draw.line((x - r, y + r, x + r, y - r), fill=colour, width=6)


def describe(title: str, stages: list[tuple[str, str]], levels: list[tuple[str, str]], series: list[Series]) -> str:
    """The picture in words, for its alt text."""
    labels = dict(levels)
    parts = [f"{title}. A chart with the stages of the day from top to bottom and the feelings from "
             f"{levels[-1][1].lower()} on the left to {levels[0][1].lower()} on the right, one line for each person."]
    for s in series:
        given = [f"{stage[0]}: {labels[v].lower()}" for stage, v in zip(stages, s.feelings) if v in labels]
        parts.append(f"{s.label}: " + ("; ".join(given) if given else "no feelings recorded") + ".")
    return " ".join(parts)
