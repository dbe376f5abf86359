"""The report's comparing sections and the practitioner's analysis, as parts of the Writer
(writer.py holds the plumbing, the cover and each person's account)."""

from __future__ import annotations

import io

from docx.shared import Cm

from ..case import PerspectiveKind
from ..compare import WIDE, Agreement, Change, also_felt_words, in_their_words
from ..evidence import topic_at
from ..template_model import Stage
from . import docxkit as dk
from .model import long_date

LIKELIHOOD_TITLES = (("tried_before", "What has been tried before, and what happened"),
                     ("capacity", "The family's capacity to change"),
                     ("prognosis", "The prognosis for change"))
from .picture import Series, describe, feelings_chart
from ..sort import pile_of_feeling, pile_words

# A difference that matters most (far apart, or about who does something) is shaded dark; one
# step apart, light: so that among many small differences the wide ones still stand out.
WIDE_FILL, NEAR_FILL, WORSE_FILL = "F4B183", "FBE5D6", "F9D9B8"
PASSED_FILL = "EDEDED"  # a plan's date that has gone by: grey, not a colour that reads as a finding
DIFFER_FILL = WIDE_FILL
SHORT_QUOTE = 40  # words: long accounts repeated as evidence are cut after whole sentences near this


class ComparingSections:
    # ------------------------------------------------------------------ comparing

    def _comparison(self) -> None:
        voices = [v.label for v in self.m.comparison.voices]
        self.para("Stages of the day down the side, each person across. “≠ Differ” marks answers that "
                  "differ. A difference is not a finding: before raising it with the family, judge whether that "
                  "is safe, and never reveal to an adult what a child said. On a scale with an order "
                  "(how often, how regular) it says how many steps apart the answers are; differences of "
                  f"{WIDE} steps or more, and any difference about who does something, are shaded dark, a "
                  "difference of one step light. “= Agree” marks answers that match; “One side only” where "
                  "one person gave a comparable answer. A child's own choices are given in the words the "
                  "child saw. Topics answered only in words are listed so their accounts can be read side "
                  "by side.")
        self.para(self.m.comparison.tally().text(), bold=True)
        self._dates_apart()
        # with many people, the answers take more of the (landscape) width, so no word is broken
        first, last = (25, 15) if len(voices) <= 4 else (19, 12)
        pct = [first] + [(100 - first - last) / len(voices)] * len(voices) + [last]
        table, widths = self.table(pct, ["Stage and what was compared", *[self.m.labels[v] for v in voices],
                                         "The accounts"])
        silent = 0
        for stage, tcs in self.m.comparison.by_stage():
            live = [tc for tc in tcs if tc.agreement is not Agreement.NO_ANSWER]
            silent += len(tcs) - len(live)
            if not live:
                continue
            self.stage_row(table, widths, self.stage_title(stage))
            for tc in live:
                for mc in tc.compared:
                    fill = (WIDE_FILL if mc.wide else NEAR_FILL) if mc.agreement is Agreement.DIFFER else None
                    self.row(table, widths, [self.m.render(mc.measure.label)]
                             + [self.cell(tc, mc, v) for v in voices]
                             + [mc.mark], fill=fill, bold_last=mc.wide)
                if not tc.compared:
                    cells = []
                    for v in voices:
                        a = self.answered(tc, v)
                        cells.append("—" if a is None else "Not asked" if a.not_asked is not None and not a.text
                                     else "In words")
                    self.row(table, widths, [f"{tc.topic.title} (in words)", *cells,
                                             "Not asked" if tc.agreement is Agreement.NOT_ASKED else "Read the accounts"])
        if silent:
            self.para("")
            self.para(f"{silent} topic(s) nobody has answered yet are left out.", italic=True)

    def cell(self, tc, mc, voice: str) -> str:
        """One person's comparable answer as they saw it; 'Not asked' where they were not asked."""
        if mc.values.get(voice):
            return mc.shown(voice)
        a = self.answered(tc, voice)
        return "Not asked" if a is not None and a.not_asked is not None else "—"

    def estimating(self) -> list[str]:
        """The adults who gave an idea of the child's feelings somewhere."""
        return [v.label for v in self.m.comparison.voices if v.kind is not PerspectiveKind.CHILD
                and any(g.estimates.get(v.label) for g in self.m.comparison.feelings)]

    def _feeling_series(self) -> tuple[list[Stage], list[Series]]:
        gaps = self.m.comparison.feelings
        stages = [g.stage for g in gaps]
        adults = self.estimating()
        child = self.voices(PerspectiveKind.CHILD)
        series = []
        if child:
            series.append(Series(self.m.labels[child[0]], [g.child for g in gaps]))
        series += [Series(self.m.labels[a], [g.estimates.get(a) for g in gaps]) for a in adults]
        return stages, series

    def _own_feelings(self) -> bool:
        """Where the faces are each adult's own feelings (pre-birth), say so: nothing to set side by side."""
        if not self.m.template.common.own_feelings:
            return False
        self.para(f"In this template the faces record how each adult feels at each point of their own day, "
                  f"not a guess at how {self.m.name} feels, so they are not set side by side or drawn. "
                  f"They are in each person's account.", italic=True)
        return True

    def _picture(self) -> None:
        if self._own_feelings():
            return
        if not self.m.template.feelings.ordered:  # a baby's states: a line would make an order of them
            self.para(f"The states {self.m.name} can be in (settled, alert, unsettled and so on) have no "
                      f"order from better to worse, so they are not drawn as lines; the next section sets "
                      f"them side by side, stage by stage.", italic=True)
            return
        stages, series = self._feeling_series()
        series = [Series(self.m.anon.text(s.label), s.feelings) for s in series]  # drawn into the picture
        if not stages:
            self.para("No feelings were recorded, so there is no picture of the day yet.", italic=True)
            return
        scale = self.m.template.feelings
        levels = [(o.value, o.label) for o in scale.options if not o.unranked]
        labels = [(s.title, f"{s.hours[0] % 24:02d}–{s.hours[1] % 24:02d}" if s.hours else "") for s in stages]
        title = f"How {self.m.name} feels through the day"
        png = feelings_chart(title, labels, levels, series)
        self.doc.add_paragraph().add_run().add_picture(io.BytesIO(png), width=Cm(min(self.width_cm, 17.0)))
        shape = self.doc.inline_shapes[-1]
        dk.set_alt_text(shape, title, describe(title, labels, levels, series))
        self.para(f"{series[0].label}: the solid black line with round dots. Each adult has their own line pattern and marker (see the key). Where lines part, "
                  f"the adults see {self.m.name}'s feelings differently: something to weigh, not a finding.",
                  style=self.styles.caption)

    def _feelings(self) -> None:
        if self._own_feelings():
            return
        gaps = self.m.comparison.feelings
        if not gaps:
            self.para("No feelings were recorded.", italic=True)
            return
        child = self.voices(PerspectiveKind.CHILD)
        adults = self.estimating()
        scale = self.m.template.feelings
        marks = (f"“≠” (also shaded) marks an adult {WIDE} or more steps away from {self.m.name} on the "
                 f"{len([o for o in scale.options if not o.unranked])} faces; one step apart is noted, not marked."
                 if scale.ordered else
                 f"“≠” (also shaded) marks an adult whose idea differs: these states have no order, so "
                 f"there are no steps to count.")
        first = (f"{self.m.name}'s own feeling at each stage (in the words {self.m.name} saw) beside each "
                 f"adult's idea of it." if scale.ordered else
                 f"How {self.m.name} seemed at each stage, in {self.m.name}'s own account (seen, or told for "
                 f"{self.m.name}), beside each adult's idea of it.")
        self.para(f"{first} {marks} Other feelings "
                  f"(scared, cross, hurting, worried) are shown after “also”: they are not on the faces' "
                  f"order, so they are never counted as steps apart.")
        header = ["Stage", self.m.labels[child[0]] if child else "The child"] + [self.m.labels[a] for a in adults]
        table, widths = self.table([26, 20] + [54 / max(1, len(adults))] * len(adults), header)
        for g in gaps:
            row = table.add_row()
            dk.keep_row_together(row)
            dk.fit_row(row, widths)
            cells = row.cells
            dk.cell_text(cells[0], self.stage_title(g.stage), size=self.cell_pt)
            own = in_their_words(scale, g.child, True) if g.child else "—"
            if g.child_also:
                own += f"; also {also_felt_words(self.m.template, g.child_also)}"
            dk.cell_text(cells[1], own, size=self.cell_pt, bold=True)
            for cell, a in zip(cells[2:], adults):
                value, gap = g.estimates.get(a), g.gaps.get(a)
                text = self.option(scale.name, value)
                if gap is not None:
                    text = f"≠ {text} ({g.apart(a)})" if g.wide(a) else f"{text} ({g.apart(a)})"
                if g.also.get(a):
                    text += f"; also {also_felt_words(self.m.template, g.also[a])}"
                dk.cell_text(cell, text, size=self.cell_pt, bold=g.wide(a))
                if g.wide(a):
                    dk.shade(cell, WIDE_FILL)
        self._sort_beside_adults()

    def _sort_beside_adults(self) -> None:
        """The child's own sort of the cards beside the child's own face there and each adult's face
        for the child (with the pile it falls on: the top, middle or bottom of the faces)."""
        rows = self.m.comparison.sort
        adults = [v.label for v in self.m.comparison.voices if v.kind is not PerspectiveKind.CHILD
                  and any(r.adults.get(v.label) for r in rows)]
        if not rows:
            return
        n, scale = self.m.name, self.m.template.feelings
        self.heading(f"{n}'s sort beside the faces", 2)
        self.para(f"Each card {n} sorted, beside the face {n} chose at that time and each adult's face for {n}. "
                  f"After each adult's face is the pile it would be: the happier faces “good”, the middle one "
                  f"“not sure”, the sadder ones “not good”. “≠” marks good against not good. Where {n}'s sort "
                  f"and {n}'s own face disagree, or an adult's differs, it is something to talk about, not a finding.")
        header = ["Card", f"{n}'s sort", f"{n}'s face there"] + [self.m.labels[a] for a in adults]
        table, widths = self.table([24, 14, 16] + [46 / max(1, len(adults))] * len(adults), header)
        for r in rows:
            row = table.add_row()
            dk.keep_row_together(row)
            dk.fit_row(row, widths)
            cells = row.cells
            dk.cell_text(cells[0], r.topic_title if r.topic_title == r.stage_title
                         else f"{r.topic_title} ({r.stage_title})", size=self.cell_pt)
            dk.cell_text(cells[1], pile_words(r.child), size=self.cell_pt, bold=True)
            own = in_their_words(scale, r.child_face, True) if r.child_face else "—"
            disagree = r.child_face is not None and pile_of_feeling(scale, r.child_face) not in (None, r.child)
            dk.cell_text(cells[2], f"{own} (another pile)" if disagree else own, size=self.cell_pt)
            for cell, a in zip(cells[3:], adults):
                seen = r.adults.get(a)
                text = "—" if seen is None else (f"{self.option(scale.name, r.faces.get(a))} → "
                                                 f"{pile_words(seen).lower()}")
                if r.differs(a):
                    text += f" ({r.apart(a).lstrip('=≠ ')})"
                if r.far(a):
                    text = "≠ " + text
                dk.cell_text(cell, text, size=self.cell_pt, bold=r.far(a))
                if r.far(a):
                    dk.shade(cell, WIDE_FILL)

    def _change(self) -> None:
        if not self.m.changes:
            self.para("There are no earlier interviews with the same people to compare with.", italic=True)
            return
        for label, older, later, rows in self.m.changes:
            self.heading(f"{label}: {long_date(older.held_on)} and {long_date(later.held_on)}", 2)
            once = (Change.NEW, Change.GONE)
            moved = [r for r in rows if r.change not in (Change.SAME, *once)]
            same = [r for r in rows if r.change is Change.SAME]
            if moved:
                self.para("Better and worse are read from the order of each answer scale only, with how many "
                          "steps it moved; what a change means is for the practitioner and the family.",
                          italic=True)
                table, widths = self.table([24, 28, 17, 17, 14], ["Topic", "What", "Before", "After", "Change"])
                for r in moved:
                    worse = r.change is Change.WORSE
                    self.row(table, widths, [r.title, self.m.anon.text(r.what), r.before or "—", r.after or "—",
                                             r.said], fill=WORSE_FILL if worse else None, bold_last=worse)
            else:
                self.para("Nothing comparable changed.", italic=True)
            if same:
                self.para("Stayed the same: " + "; ".join(f"{r.title}, {self.m.anon.text(r.what)}: {r.after}"
                                                          for r in same) + ".")
            for change in once:  # a line each, not a table row each: there is nothing to set beside them
                only = [r for r in rows if r.change is change]
                if only:
                    self.para(f"{change.label}: " + "; ".join(
                        f"{r.title}, {self.m.anon.text(r.what)}: {r.after if change is Change.NEW else r.before}"
                        for r in only) + ".")
            self._words_then_and_now(older, later)

    def _words_then_and_now(self, older, later) -> None:
        """What the person said at each time, in their own words, topic by topic: often the clearest
        evidence of change, so never left out."""
        rows = []
        for tc in self.m.comparison.topics:
            then, now = older.answers.get(tc.topic.key), later.answers.get(tc.topic.key)
            a, b = (then.text.strip() if then else ""), (now.text.strip() if now else "")
            if a or b:
                rows.append((topic_at(tc), a, b))
        if not rows:
            return
        p = self.para("In their own words, then and now", bold=True)
        p.paragraph_format.keep_with_next = True
        table, widths = self.table([24, 38, 38], ["Topic", f"Then ({long_date(older.held_on)})",
                                                  f"Now ({long_date(later.held_on)})"])
        for title, a, b in rows:
            self.row(table, widths, [title, f"“{self.m.anon.text(a)}”" if a else "—",
                                     f"“{self.m.anon.text(b)}”" if b else "—"])


class AnalysisSections:
    # ------------------------------------------------------------------ the practitioner's analysis

    def _text_of(self, attr: str) -> str:
        return getattr(self.m.analysis, attr, "") if self.m.analysis is not None else ""

    def _strengths(self) -> None:
        self.not_written(self._text_of("strengths"))
        said = [(v, tc, a) for v in self.m.comparison.voices for tc in self.m.comparison.topics
                if (a := tc.answers.get(v.label)) is not None and a.well.strip()]
        if not said:
            return
        p = self.para("What each person said goes well, in their own words", bold=True)
        p.paragraph_format.keep_with_next = True
        for v, tc, a in said:
            p = self.bullet()
            dk.add_text(p, f"{self.m.labels[v.label]}, {topic_at(tc)}: ", bold=True)
            self._words(p, self.m.anon.text(a.well), True)

    def _worries(self) -> None:
        self.not_written(self._text_of("worries"))

    def _impact(self) -> None:
        self.heading("Now", 2)
        self.not_written(self._text_of("impact_now"))
        self.heading("If nothing changes", 2)
        self.not_written(self._text_of("impact_if_unchanged"))

    def _likelihood(self) -> None:
        self.para(f"The practitioner's own judgement (nothing here is scored): what has been tried, what the family has shown "
                  f"it can do, and how likely change is in {self.m.name}'s timescale.", italic=True)
        for attr, title in LIKELIHOOD_TITLES:
            self.heading(title, 2)
            self.not_written(self._text_of(attr))

    def _plan(self) -> None:
        actions = self.m.analysis.actions if self.m.analysis is not None else []
        if not actions:
            self.para("No actions written yet.", italic=True)
            return
        today = self.m.today
        table, widths = self.table([48, 24, 28], ["What needs to happen", "Who", "By when"])
        for a in actions:
            passed = a.by_when is not None and a.by_when < today
            self.row(table, widths, [self.m.anon.text(a.what), self.m.anon.text(a.who) or "—",
                                     long_date(a.by_when) + (" (passed)" if passed else "")],
                     fill=PASSED_FILL if passed else None)
        passed = sum(1 for a in actions if a.by_when is not None and a.by_when < today)
        if passed:
            lead = ("The action" if len(actions) == 1 else "Both actions" if passed == len(actions) == 2
                    else f"All {len(actions)} actions" if passed == len(actions)
                    else f"{passed} of the {len(actions)} actions")
            self.para(f"{lead} had a date before this report ({long_date(today)}): whether each was done is for "
                      f"the practitioner to bring up to date.", italic=True)

    def _ratings(self) -> None:
        ratings = self.m.analysis.ratings if self.m.analysis is not None else []
        if not ratings:
            self.para("No scales recorded.", italic=True)
            return
        self.para("Each person's own view on a scale from 0 to 10, with their reason. They are not added up.")
        table, widths = self.table([30, 14, 56], ["Who", "Scale (0–10)", "Why"])
        for r in ratings:
            self.row(table, widths, [self.m.anon.text(r.person), str(r.score), self.m.anon.text(r.reason) or "—"])
