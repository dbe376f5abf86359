"""The report's sections about the case over time: the chronology, as a timeline and a table.

A part of the Writer (writer.py), like sections.py: it uses the writer's plumbing and its model.
Everything here is what the practitioner recorded, laid out by date; the tool draws no conclusion
from the pattern.
"""

from __future__ import annotations

import io

from docx.shared import Cm

from ..chronology import Effect, EventDate, Kind, born_entries, entries, types_words
from ..dates import full_time
from ..oversight import Status, latest_review, status, status_words
from ..scores import for_child, series
from .model import long_date
from ..vocab import NeglectType
from . import docxkit as dk
from .timeline import Mark, describe, timeline_chart

OTHER_ROW = "Other events"
ASSESSMENT_ROW = "This assessment"
EFFECT_WORD = {Effect.HARMFUL: "Harmful", Effect.GOOD: "Good", Effect.NOT_KNOWN: "Not known yet"}
DRAFT_MARK = "DRAFT: not yet approved by a manager"
BY = {Kind.INTERVIEW: "held", Kind.DISCLOSURE: "recorded", Kind.ANALYSIS: "written", Kind.VERSION: "written",
      Kind.REVIEW: "reviewed"}



def births_among(case, child_id: str, whens: list[float], name=lambda s: s) -> list[tuple[float, str]]:
    """The births (or due dates) a child's timeline draws: the child's own, and a brother's or
    sister's only where it falls among this child's events (an older sister's birth years before
    would squeeze a baby's months into the chart's edge)."""
    span = whens + [when.fraction for when, _label in born_entries(case, child_id)]
    return [(when.fraction, label) for when, label in born_entries(case, name=name)
            if span and min(span) <= when.fraction <= max(span)]

class HistorySections:
    """Mixed into the Writer."""

    def _status(self) -> str:
        m = self.m
        return m.anon.text(status_words(m.analysis, full_time))

    def _draft_words(self) -> str:
        return f"{self._status()} Until a manager approves it, every page says DRAFT."

    def _oversight(self) -> None:
        m = self.m
        a = m.analysis
        self.para(self._status())
        if a is None or not (a.versions or a.reviews):
            self.para("Each version of the analysis submitted for review, and each manager's review of it, is listed "
                      "here, with who and when; they are kept for good and cannot be changed.", italic=True)
            return
        table, widths = self.table([22, 30, 22, 26], ["When", "What", "Who", "Comments"])
        rows = [(v.at, f"Version {v.number} submitted for review", v.by, "") for v in a.versions]
        rows += [(r.at, f"Review of version {r.version}: {r.outcome.label.lower()}", r.by, r.comments)
                 for r in a.reviews]
        for at, what, who, comments in sorted(rows, key=lambda row: row[0]):
            self.row(table, widths, [full_time(at), what, m.anon.text(who) if who else "—",
                                     m.anon.text(comments) or "—"])
        if status(a) is Status.CHANGED:
            review = latest_review(a.reviews, a.versions[-1].number)
            self.para(f"The analysis in this report has changed since version {a.versions[-1].number} was approved "
                      f"on {full_time(review.at)}: this report is a draft.", italic=True)

    def _scores(self) -> None:
        m = self.m
        sets = for_child(m.case.scores, m.child.id)
        if not sets:
            self.para(f"No scores from other tools (such as the Graded Care Profile 2 or the SDQ) are recorded for "
                      f"{m.name}.", italic=True)
            return
        self.para("Scores from tools in use beside this assessment, as they were recorded: the scores and the "
                  "practitioner's notes only. Each tool's own guidance says what a score means; the tool adds "
                  "nothing up and reads nothing into them.", italic=True)
        for (_measure, _title), group in series(sets).items():
            first = group[0]
            self.heading(first.title, 2)
            if first.better_words():
                self.para(f"Scores from {first.range_of('')[0]} to {first.range_of('')[1]}: {first.better_words()}."
                          if first.measure != "sdq" else f"Scores: {first.better_words()}.")
            areas: list[str] = []
            for g in group:
                for sc in g.scores:
                    if sc.area not in areas:
                        areas.append(sc.area)
            if first.kind.areas:
                order = [k for k, _ in first.kind.areas]
                areas.sort(key=lambda a: order.index(a) if a in order else len(order))
            shown = group[-6:]  # the latest six, side by side
            widths_pct = [40] + [60 / len(shown)] * len(shown)
            table, widths = self.table(widths_pct, ["Area"] + [long_date(g.on) for g in shown])
            for area in areas:
                values = [g.value(area) for g in shown]
                self.row(table, widths, [first.area_name(area)] + ["—" if v is None else str(v) for v in values])
            if len(group) > len(shown):
                self.para(f"{len(group) - len(shown)} earlier set(s) of these scores are on record in the app.",
                          italic=True)
            for g in shown:
                said = ", ".join(x for x in (m.anon.text(g.by), f"completed by {g.informant}" if g.informant else "")
                                 if x)
                line = f"{long_date(g.on)}: scored by {said}." if said else f"{long_date(g.on)}."
                if g.notes:
                    line += f" {m.anon.text(g.notes)}"
                self.para(line)

    def _genogram(self) -> None:
        from ..family import Bond, Gender, parents_of, role_words
        from ..voices import role_text
        from .genogram import Person, Tie, describe, genogram_chart

        m, f = self.m, self.m.case.family
        anon = m.anon.active
        people: list[Person] = []
        for a in m.case.adults:
            det = f.details.get(a.id)
            label = role_text(a) if anon else a.name
            people.append(Person(a.id, label, det.gender if det else Gender.OTHER,
                                 f"b. {det.born}" if det and det.born else "", bool(det and det.died), household=True))
        for i, c in enumerate(sorted(m.case.children, key=lambda c: c.date_of_birth or c.expected_date)):
            det = f.details.get(c.id)
            year = f"b. {c.date_of_birth.year}" if c.date_of_birth else \
                (f"due {c.expected_date.year}" if c.expected_date else "")
            people.append(Person(c.id, m.anon.name(c.name) if anon else c.called or c.name,
                                 det.gender if det else Gender.OTHER, year, bool(det and det.died), household=True,
                                 index=c.id == m.child.id, order=i))
        for r in f.relatives:
            label = (r.role_detail.strip() or r.role.label) if anon else r.name
            people.append(Person(r.id, label, r.gender, f"b. {r.born}" if r.born else "", r.died))
        ties = [Tie(x.a, x.b, x.bond) for x in f.links]
        for c in m.case.children:  # the household's mother, then father, where fewer than two are linked
            linked = {t.a for t in ties if t.bond is Bond.PARENT and t.b == c.id}
            ties += [Tie(pid, c.id, Bond.PARENT) for pid in parents_of(m.case, c.id) if pid not in linked]
        title = f"{m.name}'s family (genogram)"
        png = genogram_chart(title, people, ties)
        self.doc.add_paragraph().add_run().add_picture(io.BytesIO(png), width=Cm(min(self.width_cm, 17.0)))
        dk.set_alt_text(self.doc.inline_shapes[-1], title, m.anon.text(describe(title, people, ties)))
        self.para("A square is a male, a circle a female, a diamond another identity or not known; an X, someone "
                  "who has died. A line under two people joins a couple (dashed: not married; one slash: "
                  "separated; two: divorced); children hang from it, oldest on the left. "
                  f"{m.name} has a double outline; the household is inside the dashed line."
                  + (" People beyond the household are named by their role." if anon else ""),
                  style=self.styles.caption)
        if not f.relatives and not f.links:
            self.para("No relatives beyond the household are recorded yet, and no relationships: the picture shows "
                      "the household only.", italic=True)
        if f.relatives:
            table, widths = self.table([24, 20, 28, 28], ["Who", "To the children", "Where, and how often seen",
                                                          "Notes"])
            called = {c.id: m.anon.name(c.called or c.name) for c in m.case.children}
            for r in f.relatives:
                who = (r.role_detail.strip() or r.role.label) if anon else r.name
                theirs = [called[x.b] for x in f.links if x.bond is Bond.PARENT and x.a == r.id and x.b in called]
                # whose parent, where not every child's; the family's own words after the role chosen
                role = m.anon.text(role_words(r, " and ".join(theirs) if len(theirs) < len(called) else ""))
                self.row(table, widths, [who + (" (died)" if r.died else ""), role,
                                         m.anon.text(r.where) or "—", m.anon.text(r.notes) or "—"])
        self.heading("Family history", 2)
        self.not_written(f.history, "No family history written yet.")
        said = [(pid, text) for pid, text in f.childhood.items() if text.strip()]
        if said:
            self.heading("The parents' own childhood", 2)
            names = {p.id: p.label for p in people}
            for pid, text in said:
                p = self.para(f"{names.get(pid, 'Someone')}: ", bold=True)
                dk.add_text(p, m.anon.text(text))

    def _chronology_entries(self):
        """The child's chronology as the report gives it: that something was disclosed, or that the child
        pressed "Something worries me", only in a copy with the section for professionals (a report may be
        read by the family); the oversight trail in its own section."""
        m = self.m
        rows = entries(m.case, m.child.id, name=m.anon.name, text=m.anon.text, oversight=False)
        return [e for e in rows if e.kind is not Kind.DISCLOSURE or (m.options.sensitive and not m.options.anonymise)]

    def _chronology(self) -> None:
        m = self.m
        rows = self._chronology_entries()
        events = [e for e in rows if e.kind is Kind.EVENT]
        if not events:
            self.para(f"No events are recorded in the chronology for {m.name} yet: only this assessment's "
                      f"interviews. A chronology starts at or before birth and is kept up to date, with good "
                      f"events as well as worrying ones.", italic=True)
        else:
            self.para(f"{len(events)} event{'s' if len(events) != 1 else ''} recorded for {m.name} or the whole "
                      f"family, from {events[0].when.text} to {events[-1].when.text}, with this assessment's "
                      f"interviews among them: the practitioner's record of facts, in date order. What the pattern "
                      f"means is weighed in the analysis" + (f" (each type's events are listed under “{self.titled['neglect']}”)"
                                                              if "neglect" in self.titled else "") + ".")
            self._timeline(rows)
        self._others_events()  # either way
        widths_pct = [14, 43, 27, 16]  # "Educational" and "Supervision" whole on a line
        table, widths = self.table(widths_pct, ["Date", "What happened, and where it comes from",
                                                f"Impact on {m.name}", "Bears on"])
        for e in rows:
            what = e.what
            if e.kind is Kind.EVENT and not e.child_ids:
                what = f"Whole family: {what}"
            if e.source:
                what = f"{what} ({e.source})" if e.kind is Kind.EVENT else \
                    f"{what.rstrip('.')} ({BY[e.kind]} by {e.source})"
            if e.action:
                what += f" Action taken: {e.action}"
            impact = e.impact
            if e.effect is not None:
                impact = f"{EFFECT_WORD[e.effect]}. {impact}".strip() if impact else EFFECT_WORD[e.effect] + "."
            row = self.row(table, widths, [e.when.text, what, impact, types_words(e.neglect)])
            if e.kind is not Kind.EVENT:
                for cell in row.cells:
                    dk.shade(cell, "F2F2F2")
        self.para("Shaded rows are this assessment's own interviews and analysis.", style=self.styles.caption)

    def _others_events(self) -> None:
        """How many events concern only the child's brothers and sisters, and whose: they are in those
        children's own reports, and a manager reading this one should know they are there (a baby's
        weight falling was in no report but the baby's)."""
        m = self.m
        theirs: dict[str, int] = {}
        for ev in m.case.chronology:
            if ev.child_ids and m.child.id not in ev.child_ids:
                for c in m.case.children:
                    if c.id in ev.child_ids:
                        theirs[c.id] = theirs.get(c.id, 0) + 1
        if theirs:
            names = {c.id: m.anon.name(c.name) if m.anon.active else c.called or c.name for c in m.case.children}
            said = " and ".join(f"{n} event{'s' if n != 1 else ''} about {names[cid]}" for cid, n in theirs.items())
            self.para(f"Not listed here, as they concern another child of the household alone: {said}, in that "
                      f"child's own chronology.", italic=True)

    def _timeline(self, rows) -> None:
        m = self.m
        types = [n for n in NeglectType if any(n in e.neglect for e in rows)]
        labels = [n.label for n in types]
        other = any(e.kind is Kind.EVENT and not e.neglect for e in rows)
        if other:
            labels.append(OTHER_ROW)
        marks, counts = [], [{Effect.HARMFUL: 0, Effect.GOOD: 0, Effect.NOT_KNOWN: 0} for _ in labels]
        assessment = 0
        for e in rows:
            if e.kind is not Kind.EVENT:
                marks.append(Mark(e.when.fraction, len(labels), None))
                assessment += 1
                continue
            for i in ([types.index(n) for n in e.neglect] or [len(labels) - 1]):
                marks.append(Mark(e.when.fraction, i, e.effect))
                counts[i][e.effect] += 1
        births = births_among(m.case, m.child.id, [mk.when for mk in marks], m.anon.name)
        title = f"{m.name}'s chronology: events by the type of neglect they bear on"
        png = timeline_chart(title, labels, marks, births, ASSESSMENT_ROW,
                             report=(EventDate.of(m.today).fraction, "This report"))
        self.doc.add_paragraph().add_run().add_picture(io.BytesIO(png), width=Cm(min(self.width_cm, 17.0)))
        dk.set_alt_text(self.doc.inline_shapes[-1], title,
                        describe(title, labels, counts, rows[0].when.text, rows[-1].when.text, assessment))
        self.para("Each mark is one event, in the row of each type of neglect it bears on (a good event too): a "
                  "filled square harmful, an open circle good, a diamond not known yet; triangles are this "
                  "assessment's interviews and analysis. Solid lines mark each child's birth (or due date), the "
                  "dashed line this report.", style=self.styles.caption)
