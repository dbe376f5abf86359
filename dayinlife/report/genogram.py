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
    # the household: a dashed box around each row's run of household members
    for level in range(depth):
        members = sorted((centre(p.id)[0], p.id) for p in people if p.household and places[p.id][1] == level)
        if members:
            x0, x1 = members[0][0] - SYMBOL, members[-1][0] + SYMBOL
            y = top + 60 + level * ROW_H
            _dashed_box(d, x0, y - SYMBOL, x1, y + SYMBOL + 80)
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
            _dashed(d, min(ax, bx), y, max(ax, bx), y)
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
        d.text((cx, cy + SYMBOL / 2 + 44), _fit(d, p.label, f_label, GAP_X - 20), fill="black", font=f_label,
               anchor="ma")
        if p.year:
            d.text((cx, cy + SYMBOL / 2 + 82), p.year, fill="#404040", font=f_small, anchor="ma")
    del by_id
    out = io.BytesIO()
    img.save(out, "PNG", compress_level=6)
    return out.getvalue()


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


def _dashed(d, x0: float, y: float, x1: float, _y1: float) -> None:
    x = x0
    while x < x1:
        d.line((x, y, min(x + 18, x1), y), fill="black", width=4)
        x += 30


def _dashed_box(d, x0: float, y0: float, x1: float, y1: float) -> None:
    for a, b in (((x0, y0), (x1, y0)), ((x0, y1), (x1, y1))):
        x = a[0]
        while x < b[0]:
            d.line((x, a[1], min(x + 16, b[0]), a[1]), fill="#505050", width=3)
            x += 28
    for xx in (x0, x1):
        y = y0
        while y < y1:
            d.line((xx, y, xx, min(y + 16, y1)), fill="#505050", width=3)
            y += 28


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
