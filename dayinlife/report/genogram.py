"""A genogram drawn with the usual symbols: a square for a male, a circle for a female, a diamond for
another identity or where it is not known; an X through someone who has died; a line below two
partners joins them (dashed when not married, one slash separated, two divorced); children hang from
it, oldest on the left; the child the report is about has a double outline; the people of the
household are boxed with a dashed line. Drawn with Pillow by our own small layout: generations from
the parent links, partners side by side, children under their parents.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image, ImageDraw

from ..family import Bond, Gender
from .picture import font

SYMBOL = 84
GAP_X = 250
ROW_H = 330
LABEL_H = 110  # below a symbol's centre + SYMBOL: room for a name on two lines and the year
AROUND = 124   # the household's line from a member's centre: clear of a label (GAP_X - 20 wide at most)


@dataclass
class Person:
    id: str
    label: str                 # a name, or a role when anonymised
    gender: Gender
    year: str = ""             # "b. 1999", "b. 2018"
    died: bool = False
    household: bool = False
    index: bool = False        # the child the report is about
    order: int = 0             # the oldest first among siblings (smaller is older)


@dataclass
class Tie:
    a: str
    b: str
    bond: Bond


def generations(people: list[Person], ties: list[Tie]) -> dict[str, int]:
    gen = {p.id: 0 for p in people}
    for _ in range(len(people) + 2):
        changed = False
        for t in ties:
            if t.a not in gen or t.b not in gen:
                continue
            if t.bond is Bond.PARENT and gen[t.b] < gen[t.a] + 1:
                gen[t.b], changed = gen[t.a] + 1, True
            elif t.bond.couple and gen[t.a] != gen[t.b]:
                top = max(gen[t.a], gen[t.b])
                gen[t.a] = gen[t.b] = top
                changed = True
        if not changed:
            break
    return gen


def layout(people: list[Person], ties: list[Tie]) -> tuple[dict[str, tuple[float, float]], int]:
    """Where each person's symbol is centred, and how many generations there are."""
    gen = generations(people, ties)
    by_id = {p.id: p for p in people}
    levels = sorted(set(gen.values()))
    parents = {p.id: [t.a for t in ties if t.bond is Bond.PARENT and t.b == p.id and t.a in by_id] for p in people}
    partners = {p.id: [t.b if t.a == p.id else t.a for t in ties if t.bond.couple and p.id in (t.a, t.b)
                       and (t.b if t.a == p.id else t.a) in by_id] for p in people}
    x: dict[str, float] = {}
    rows: list[list[str]] = []
    for level in levels:
        here = [p.id for p in people if gen[p.id] == level]

        def key(pid: str) -> tuple:
            ps = [x[q] for q in parents[pid] if q in x]
            return (sum(ps) / len(ps) if ps else 1e9, by_id[pid].order)
        here.sort(key=key)
        row: list[str] = []
        for pid in here:
            if pid in row:
                continue
            # a partner with no parents here goes beside them: those outside the household on the left
            outside = [q for q in partners[pid] if q in here and q not in row and not parents[q]
                       and not by_id[q].household]
            inside = [q for q in partners[pid] if q in here and q not in row and not parents[q] and by_id[q].household]
            row += outside + [pid] + inside
        rows.append(row)
        for i, pid in enumerate(row):
            x[pid] = i * GAP_X
    widest = max(len(r) for r in rows) if rows else 1
    for r in rows:  # each generation centred
        shift = (widest - len(r)) * GAP_X / 2
        for pid in r:
            x[pid] += shift
    pos = {pid: (x[pid], levels.index(gen[pid])) for pid in x}
    return {pid: (px, float(py)) for pid, (px, py) in pos.items()}, len(levels)


def genogram_chart(title: str, people: list[Person], ties: list[Tie]) -> bytes:
    f_title, f_label, f_small = font(46, True), font(30), font(26)
    places, depth = layout(people, ties)
    left, top = 140, 150
    width = int(max([px for px, _ in places.values()] + [0]) + left * 2 + 120)
    width = max(width, 1400)
    height = int(top + depth * ROW_H + 160)
    img = Image.new("RGB", (width, height), "white")
    d = ImageDraw.Draw(img)
    d.text((40, 30), title, fill="black", font=f_title)

    def centre(pid: str) -> tuple[float, float]:
        px, level = places[pid]
        return left + 60 + px, top + 60 + level * ROW_H

    by_id = {p.id: p for p in people}
    # the household: one dashed line around its members, stepping in or out between generations that
    # follow each other (two boxes, one per row, read as two households)
    spans = []
    for level in range(depth):
        members = sorted(centre(p.id)[0] for p in people if p.household and places[p.id][1] == level)
        if members:
            y = top + 60 + level * ROW_H
            spans.append((level, members[0] - AROUND, members[-1] + AROUND, y - SYMBOL, y + SYMBOL + LABEL_H))
    runs: list[list[tuple]] = []
    for span in spans:
        if runs and runs[-1][-1][0] == span[0] - 1:
            runs[-1].append(span)
        else:
            runs.append([span])
    for run in runs:
        _dashed_path(d, _outline(run))
    # couples
    couple_mid: dict[frozenset, tuple[float, float]] = {}
    for t in ties:
        if not t.bond.couple or t.a not in places or t.b not in places:
            continue
        (ax, ay), (bx, by) = centre(t.a), centre(t.b)
        y = max(ay, by) + SYMBOL / 2 + 30
        d.line((ax, ay + SYMBOL / 2, ax, y), fill="black", width=4)
        d.line((bx, by + SYMBOL / 2, bx, y), fill="black", width=4)
        if t.bond is Bond.TOGETHER:
            _dashed_path(d, [(min(ax, bx), y), (max(ax, bx), y)], dash=18, gap=12, fill="black", width=4)
        else:
            d.line((ax, y, bx, y), fill="black", width=4)
        mid = ((ax + bx) / 2, y)
        couple_mid[frozenset((t.a, t.b))] = mid
        slashes = {Bond.SEPARATED: 1, Bond.DIVORCED: 2}.get(t.bond, 0)
        for k in range(slashes):
            sx = mid[0] - 12 + k * 22
            d.line((sx - 10, y + 16, sx + 10, y - 16), fill="black", width=4)
    # children from their parents' line (or from one parent)
    kids: dict[tuple, list[str]] = {}
    for p in people:
        ps = tuple(sorted(t.a for t in ties if t.bond is Bond.PARENT and t.b == p.id and t.a in places))
        if ps and p.id in places:
            kids.setdefault(ps, []).append(p.id)
    for ps, children in kids.items():
        start = couple_mid.get(frozenset(ps)) if len(ps) == 2 else None
        if start is None:
            px, py = centre(ps[0])
            start = (px, py + SYMBOL / 2)
        bar_y = centre(children[0])[1] - SYMBOL / 2 - 50
        d.line((start[0], start[1], start[0], bar_y), fill="black", width=4)
        xs = [centre(c)[0] for c in children] + [start[0]]
        d.line((min(xs), bar_y, max(xs), bar_y), fill="black", width=4)
        for c in children:
            cx, cy = centre(c)
            d.line((cx, bar_y, cx, cy - SYMBOL / 2), fill="black", width=4)
    # the people
    for p in people:
        if p.id not in places:
            continue
        cx, cy = centre(p.id)
        _symbol(d, cx, cy, p.gender, p.index)
        if p.died:
            r = SYMBOL / 2 + 6
            d.line((cx - r, cy - r, cx + r, cy + r), fill="black", width=5)
            d.line((cx - r, cy + r, cx + r, cy - r), fill="black", width=5)
        # the name on up to two lines (never cut to "Kayleigh Bro…"), then the year, each on white so
        # that a line passing behind does not run through the words
        y = cy + SYMBOL / 2 + 44
        for line, colour, f in [(t, "black", f_label) for t in _lines(d, p.label, f_label, GAP_X - 20)] + \
                ([(p.year, "#404040", f_small)] if p.year else []):
            x0, y0, x1, y1 = d.textbbox((cx, y), line, font=f, anchor="ma")
            d.rectangle((x0 - 6, y0 - 3, x1 + 6, y1 + 3), fill="white")
            d.text((cx, y), line, fill=colour, font=f, anchor="ma")
            y += 36 if f is f_label else 30
    del by_id
    out = io.BytesIO()
    img.save(out, "PNG", compress_level=6)
    return out.getvalue()


def _lines(d, text: str, f, width: float) -> list[str]:
    """A label on one line where it fits, else two, broken between words (a word too long is cut)."""
    if d.textlength(text, font=f) <= width or " " not in text.strip():
        return [_fit(d, text, f, width)]
    words = text.split()
    best = None
    for i in range(1, len(words)):
        a, b = " ".join(words[:i]), " ".join(words[i:])
        wide = max(d.textlength(a, font=f), d.textlength(b, font=f))
        if best is None or wide < best[0]:
            best = (wide, a, b)
    return [_fit(d, best[1], f, width), _fit(d, best[2], f, width)]


def _outline(run: list[tuple]) -> list[tuple[float, float]]:
    """A closed line around rows of the household that follow each other: down the right-hand side,
    stepping at the middle of the gap between rows, and back up the left."""
    right, left = [], []
    for i, (_level, x0, x1, y0, y1) in enumerate(run):
        top = y0 if i == 0 else (run[i - 1][4] + y0) / 2
        bottom = y1 if i == len(run) - 1 else (y1 + run[i + 1][3]) / 2
        right += [(x1, top), (x1, bottom)]
        left += [(x0, top), (x0, bottom)]
    return right + list(reversed(left)) + [right[0]]


def _dashed_path(d, points: list[tuple[float, float]], dash: float = 16, gap: float = 12, fill: str = "#505050",
                 width: int = 3) -> None:
    """A dashed line through the points: a couple not married, and the household's outline."""
    for (ax, ay), (bx, by) in zip(points, points[1:]):
        length = ((bx - ax) ** 2 + (by - ay) ** 2) ** 0.5
        step = 0.0
        while step < length:
            end = min(step + dash, length)
            d.line((ax + (bx - ax) * step / length, ay + (by - ay) * step / length,
                    ax + (bx - ax) * end / length, ay + (by - ay) * end / length), fill=fill, width=width)
            step += dash + gap


def _fit(d, text: str, f, width: float) -> str:
    if d.textlength(text, font=f) <= width:
        return text
    while text and d.textlength(text + "…", font=f) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _symbol(d, cx: float, cy: float, gender: Gender, index: bool) -> None:
    r = SYMBOL / 2
    for grow in ((0, 12) if index else (0,)):
        rr = r + grow
        box = (cx - rr, cy - rr, cx + rr, cy + rr)
        fill = "white" if grow == 0 else None
        if gender is Gender.MALE:
            d.rectangle(box, outline="black", width=5, fill=fill)
        elif gender is Gender.FEMALE:
            d.ellipse(box, outline="black", width=5, fill=fill)
        else:
            d.polygon([(cx, cy - rr - 6), (cx + rr + 6, cy), (cx, cy + rr + 6), (cx - rr - 6, cy)],
                      outline="black", width=5, fill=fill)
    if index:  # drawn again so the inner symbol sits over the outer one's fill
        _symbol(d, cx, cy, gender, False)


def describe(title: str, people: list[Person], ties: list[Tie]) -> str:
    """The genogram in words, for its alt text."""
    names = {p.id: p.label for p in people}
    parts = [f"{title}."]
    home = [p.label for p in people if p.household]
    if home:
        parts.append("In the household: " + ", ".join(home) + ".")
    away = [p.label + (" (died)" if p.died else "") for p in people if not p.household]
    if away:
        parts.append("Beyond it: " + ", ".join(away) + ".")
    for t in ties:
        if t.a in names and t.b in names:
            parts.append(f"{names[t.a]} and {names[t.b]}: {t.bond.label.lower()}." if t.bond.couple
                         else f"{names[t.a]} is a parent of {names[t.b]}.")
    return " ".join(parts)
