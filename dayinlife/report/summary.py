"""The report's front summary, the practitioner's reading by type of neglect, and the evidence by
type as an appendix: parts of the Writer (writer.py), like sections.py.

The summary is what a conference chair reads first. It picks nothing by judgement: the child's
words it leads with are those at the parts of the day the child chose a sad face for or put on
"not good" (and what the child said would make them better), and the differences it leads with are
those the comparison marks as far apart. Each says how it was chosen and where the rest is.
"""

from __future__ import annotations

from ..case import PerspectiveKind
from ..compare import WIDE, Agreement, TopicComparison, also_felt_words
from ..evidence import SYMBOL, topic_at
from ..sort import NOT_GOOD, pile_of_feeling
from ..vocab import ChildVoice, NeglectType
from ..wording import plural
from . import docxkit as dk
from .model import long_date
from .sections import WIDE_FILL

MOST_WORDS = 5        # the child's answers the summary leads with, at most
MOST_DIFFERENCES = 5  # the differences it lists, at most (the front stays within two pages)
WIDE_TABLE_VOICES = 4  # more people than this: a line each, not a table
DATES_APART = 28       # days: accounts further apart than this are said to be
BRIEF = {Agreement.AGREE: "agree", Agreement.DIFFER: "differ", Agreement.ONE_SIDE: "one side only",
         Agreement.WORDS_ONLY: "in words only", Agreement.NOT_ASKED: "not asked", Agreement.NO_ANSWER: "no answer"}


# How far apart answers are, for choosing the farthest for the front page: the share of its scale's
# length a difference spans ("2 steps apart (of 3)" is farther than "2 steps apart (of 4)"), so that
# ties of two steps are no longer settled by the order of the day (Alfie's page 1 gave who feeds him
# and left out where he sleeps: "every time" in his cot against "on the sofa with me"). A difference
# about who does something counts as two-thirds of the way, or a third where everyone names someone
# in common ("Dawn" against "Dawn and Lee").
WHO_FAR, WHO_NEAR = 0.67, 0.34
FEELING_STEPS = 4  # the faces' scale: very unhappy to very happy
STATES_FAR = 0.4   # a baby's states have no order: "unsettled" against "settled", below two steps of four


def _how_far(mc) -> float:
    if mc.steps is not None and mc.ranked_steps:
        return mc.steps / mc.ranked_steps
    from ..people import ids_of

    named = [set(ids_of(v)) for v in mc.values.values() if v]
    shared = len(named) > 1 and all(named) and set.intersection(*named)
    return WHO_NEAR if shared else WHO_FAR


def _hard(a, scale) -> bool:
    """An answer the child put on "not good" (its card), or gave a face on the sad side or another
    feeling (every "other feeling" is a hard one: scared, cross, hurting, worried)."""
    return a is not None and (a.sort == NOT_GOOD or bool(a.feeling and pile_of_feeling(scale, a.feeling) == NOT_GOOD)
                              or bool(a.also_felt))


def _gist(text: str, words: int = 10) -> str:
    """The start of what happened, up to its first full stop or about ten words."""
    first = text.strip().split(". ")[0].rstrip(".")
    cut = first.split()
    return " ".join(cut[:words]) + ("…" if len(cut) > words else "")


class SummarySections:
    """Mixed into the Writer."""

    # ------------------------------------------------------------------ the summary

    def _summary(self) -> None:
        self._words_that_lead()
        self._differ_most()

    def _worried(self, voice: str) -> None:
        """That the child pressed "Something worries me", where and when: never what they said."""
        from ..worries import BUTTON, times

        listed = self.worries_in_body(voice)
        if listed:
            n = self.m.name
            days = {long_date(w.worry.at.date()) for w in listed}
            where = ("; ".join(self.worry_place(w) for w in listed) + f", on {days.pop()}" if len(days) == 1
                     else "; ".join(f"{self.worry_place(w)}, {long_date(w.worry.at.date())}" for w in listed))
            p = self.para("")
            dk.add_text(p, f"In child mode {n} pressed “{BUTTON}” {times(len(listed))}: ", bold=True)
            dk.add_text(p, f"{where}. What it means is for the practitioner to find out with {n}.")

    def hard_topics(self, voice: str) -> list[TopicComparison]:
        """The parts of the day the child put on "not good", or chose a face on the sad side or another
        feeling for (scared, cross, hurting, worried: every "other feeling" is a hard one), in the
        day's order. Maisie's "Worried" at night was left off the front page, which said she chose no
        sad face."""
        m = self.m
        sorted_bad = {r.topic_key for r in m.comparison.sort if r.child == NOT_GOOD}
        return [tc for tc in m.comparison.topics
                if tc.topic.key in sorted_bad or _hard(self.answered(tc, voice), m.template.feelings)]

    def _words_that_lead(self) -> None:
        m, n = self.m, self.m.name
        voices = self.voices(PerspectiveKind.CHILD)
        where = self.full_in.get(PerspectiveKind.CHILD)
        self.heading(f"In {n}'s own words" if m.template.child_voice.value == "direct"
                     else f"{n}'s day, as seen and told for {n}", 2)
        if not voices:
            self.para(f"No interview with {n} is included.", italic=True)
            return
        voice = voices[0]
        self._worried(voice)
        if m.template.child_voice is ChildVoice.BABY:
            self._seen_of_baby(voice, where)
            return
        self._hard_now(voice, where)
        self._hard_then(voice)

    def _hard_then(self, voice: str) -> None:
        """The parts of the day the child put on "not good" or chose a sad face for at an earlier
        interview set against this one: named, with where the words then are (never repeated here)."""
        m, n = self.m, self.m.name
        later = m.comparison.voice(voice).interview
        scale, change = m.template.feelings, self.titled.get("change")
        for _label, older, newer, _rows in m.changes:
            if newer is not later:
                continue
            titles = [topic_at(tc) for tc in m.comparison.topics if _hard(older.answers.get(tc.topic.key), scale)]
            if titles:
                self.para(f"At the earlier interview ({long_date(older.held_on)}) {n} put on “not good” or chose a "
                          f"sad face or a hard feeling for: {'; '.join(titles)}." + (f" {n}'s words then are under “{change}”."
                                                                   if change else ""), italic=True)

    def _hard_now(self, voice: str, where: str | None) -> None:
        m, n = self.m, self.m.name
        hard = [tc for tc in self.hard_topics(voice) if (a := self.answered(tc, voice)) and (a.text or a.better)]
        better = [tc for tc in m.comparison.topics if tc not in hard
                  and (a := self.answered(tc, voice)) is not None and a.better.strip()]
        if hard:
            how = (f"The parts of the day {n} put on “not good” or chose a sad face or a hard feeling for "
                   f"(scared, cross, hurting, worried), with what {n} said would make them better")
        elif better:
            how = (f"{n} put nothing on “not good” and chose no sad face or hard feeling. Below is what {n} said "
                   f"would make the day better")
        else:
            self.para(f"{n} put nothing on “not good”, chose no sad face or hard feeling and said nothing about "
                      f"what would make the day better." + (f" {n}'s whole account is under “{where}”." if where else ""),
                      italic=True)
            return
        shown = (hard or better)[:MOST_WORDS]
        more = len(hard or better) - len(shown)
        self.para(how + (f" ({len(shown)} of {len(shown) + more}, in the order of the day)" if more else "")
                  + "." + (f" {n}'s whole account is under “{where}”." if where else ""), italic=True)
        for tc in shown:
            a = self.answered(tc, voice)
            p = self.bullet()
            dk.add_text(p, f"{topic_at(tc)}: ", bold=True)
            text = self.m.anon.text(a.text) if hard else ""
            if text:
                self.cut_words(p, text, where)
            if a.feeling:
                dk.add_text(p, (" — " if text else "") + f"feeling: {self.feeling(voice, a.feeling)}")
            if a.also_felt:
                dk.add_text(p, ("; " if a.feeling else " — " if text else "")
                            + f"also felt: {also_felt_words(self.m.template, a.also_felt)}")
            if a.better.strip():
                dk.add_text(p, (". " if text or a.feeling or a.also_felt else "") + "What would make it better: ")
                self.cut_words(p, self.m.anon.text(a.better), where)

    def _seen_of_baby(self, voice: str, where: str | None) -> None:
        """A baby chooses nothing, and a baby's states have no order to pick the hard ones by: what was
        seen and told for the baby is given part by part, in the order of the day."""
        n = self.m.name
        seen = [tc for tc in self.m.comparison.topics if (a := self.answered(tc, voice)) and a.text.strip()]
        if not seen:
            self.para(f"Nothing is written yet about what was seen of {n}." + (
                f" {n}'s account is under “{where}”." if where else ""), italic=True)
            return
        shown = seen[:MOST_WORDS]
        self.para(f"What was seen of {n}, and how {n} seemed, in the order of the day"
                  + (f" (the first {len(shown)} of {len(seen)} parts of the day)" if len(seen) > len(shown) else "")
                  + "." + (f" The whole account is under “{where}”." if where else ""), italic=True)
        for tc in shown:
            a = self.answered(tc, voice)
            p = self.bullet()
            dk.add_text(p, f"{topic_at(tc)}: ", bold=True)
            self.cut_words(p, self.m.anon.text(a.text), where)
            if a.feeling:
                dk.add_text(p, f" — how {n} seemed: {self.feeling(voice, a.feeling)}")

    def cut_words(self, p, words: str, where: str | None) -> None:
        """Someone's words in quotation marks: whole, or cut after whole sentences where they are given
        whole elsewhere in the report (saying so)."""
        from .writer import shortened

        cut = False
        if where:
            words, cut = shortened(words)
        self._words(p, words, True)
        if cut:
            dk.add_text(p, f" [continues under “{where}”]", italic=True)

    def _differ_most(self) -> None:
        """The answers the comparison marks far apart, the farthest first (about who does something
        counts as far), as a table: what, each person's answer, how far apart."""
        m, n = self.m, self.m.name
        self.heading("Where the accounts differ most", 2)
        voices = [v.label for v in m.comparison.voices]
        rows = []  # (how far, order in the day, what, {voice: answer}, mark)
        for i, tc in enumerate(m.comparison.topics):
            for mc in tc.compared:
                if mc.wide:
                    rows.append((_how_far(mc), i,
                                 f"{topic_at(tc)}: {m.render(mc.measure.label)}",
                                 {v: mc.shown(v) for v in voices if mc.values.get(v)}, mc.mark.removeprefix("≠ ")))
        answers = len(rows)
        child = self.voices(PerspectiveKind.CHILD)
        order = {tc.stage.id: i for i, tc in reversed(list(enumerate(m.comparison.topics)))}
        for g in m.comparison.feelings:
            far = [a for a in g.estimates if g.wide(a)]
            if child and far and g.child:
                said = {child[0]: self.feeling(child[0], g.child)}
                said.update({a: f"{self.option(m.template.feelings.name, g.estimates[a])} ({g.apart(a)})" for a in far})
                ordered = m.template.feelings.ordered
                rows.append((max(g.gaps[a] / FEELING_STEPS if ordered and g.gaps.get(a) else STATES_FAR for a in far),
                             order.get(g.stage.id, 0),
                             f"{self.stage_title(g.stage)}: how {n} feels", said, "Differ"))
        comparison = self.titled.get("comparison")
        if not rows:
            self.para("The comparison marks no difference as far apart." + (
                f" Every comparable answer is in “{comparison}”." if comparison else ""), italic=True)
            return
        shown = sorted(sorted(rows, key=lambda r: (-r[0], r[1]))[:MOST_DIFFERENCES], key=lambda r: r[1])
        felt = len(rows) - answers
        of = (f"{plural(answers, 'answer')} and {plural(felt, 'feeling')}" if felt and answers
              else plural(answers, "answer") if answers else plural(felt, "feeling"))
        intro = self.para("Where the comparison marks answers far apart (two steps or more on a scale with an order, or "
                  f"about who does something), and where an adult's idea of how {n} feels is far from {n}'s own: "
                  + ((f"the {len(shown)} farthest apart of {len(rows)} ({of})" if felt and answers else
                      f"the {len(shown)} farthest apart of {of}") if len(rows) > len(shown) else of)
                  + ", in the order of the day." + (f" Every comparable answer is in “{comparison}”." if comparison
                                                   else ""), italic=True)
        self._dates_apart(intro)
        people = [v for v in voices if any(v in r[3] for r in shown)]
        if len(people) > WIDE_TABLE_VOICES:  # too many columns for the front's portrait page: a line each
            for _far, _i, what, said, mark in shown:
                p = self.bullet()
                dk.add_text(p, f"{what} ({mark}): ", bold=True)
                dk.add_text(p, "; ".join(f"{m.labels[v]}: {said[v]}" for v in people if v in said))
            return
        first = 30
        table, widths = self.table([first] + [(86 - first) / len(people)] * len(people) + [14],
                                   ["What", *[m.labels[v] for v in people], "How far apart"])
        for _far, _i, what, said, mark in shown:
            self.row(table, widths, [what, *[said.get(v, "—") for v in people], mark], fill=WIDE_FILL)

    def _dates_apart(self, after=None) -> None:
        """Accounts given weeks apart may differ because the day changed, not because people disagree:
        said, with each date, wherever the accounts are set side by side."""
        voices = self.m.comparison.voices
        if len(voices) < 2:
            return
        dates = [v.interview.held_on for v in voices]
        days = (max(dates) - min(dates)).days
        if days <= DATES_APART:
            return
        one_year = len({d.year for d in dates}) == 1
        when = [f"{self.undated(v)} {v.interview.held_on.day} {v.interview.held_on:%B}"
                + ("" if one_year else f" {v.interview.held_on.year}") for v in voices]
        p = after or self.para("")  # at the end of a paragraph already there, or one of its own
        dk.add_text(p, (" " if after else "") + f"These accounts were given up to {plural(days // 7, 'week')} apart",
                    bold=True)
        dk.add_text(p, f" ({'; '.join(when)}{f' {dates[0].year}' if one_year else ''}): a difference may be a "
                       f"change over that time rather than a disagreement.")

    # ------------------------------------------------------------------ the reading by type

    def _neglect(self) -> None:
        m = self.m
        evidence = self.titled.get("evidence")
        self.para("The practitioner's own reading of the evidence for each type of neglect. The tool gives no "
                  "score and makes no finding." + (f" The answers that bear on each type are listed in "
                                                   f"“{evidence}”." if evidence else ""), italic=True)
        by = m.comparison.by_neglect()
        # the chronology's events bear on a type too: "nothing recorded bears on Educational" beside an
        # Early Help plan and 82% attendance, both tagged so, told the manager the history was not read
        from ..chronology import Kind

        events = [e for e in self._chronology_entries() if e.kind is Kind.EVENT]
        none = []
        for n in NeglectType:
            tcs = [tc for tc in by[n] if tc.agreement is not Agreement.NO_ANSWER]
            history = [e for e in events if n in e.neglect]
            judgement = m.analysis.by_neglect.get(n) if m.analysis is not None else None
            narrative = judgement.narrative if judgement is not None else ""
            if not tcs and not history and not narrative.strip():
                none.append(n.label)
                continue
            self.heading(n.label, 2)
            self.not_written(narrative)
            if tcs:
                differ = sum(1 for tc in tcs if tc.differs)
                self.para(f"In the interviews: {plural(len(tcs), 'topic')} about it"
                          + (f", the accounts differing at {differ}" if differ else "")
                          + " (a count of topics, not a measure of concern).", italic=True)
            if history:
                said = "; ".join(f"{e.when.text}, {_gist(e.what)}" for e in history)
                self.para(f"In the chronology: {said}" + ("" if said.endswith("…") else "."), italic=True)
        if none:
            self.para(f"Nothing in the interviews or the chronology bears on: {', '.join(none)}.", italic=True)

    # ------------------------------------------------------------------ the evidence, as an appendix

    def _evidence(self) -> None:
        """Each type of neglect with the parts of the day that may show it: what the comparison
        shows and who spoke about it. Answers are given in full once, in the person's account; only
        the words of someone whose account is not in this report are given here."""
        m = self.m
        where = {kind: title for kind, title in self.full_in.items()}
        kinds = {PerspectiveKind.CHILD: "the child's", PerspectiveKind.PARENT: "the parents'",
                 PerspectiveKind.PROFESSIONAL: "professionals'"}
        pointers = [f"{kinds[k]} under “{where[k]}”" for k in kinds if k in where]
        if "other" in where:
            pointers.append(f"weekends, holidays and other carers under “{where['other']}”")
        self.para("The parts of the day that may show each type of neglect, with what the comparison shows for "
                  "each (“≠ differ”, “= agree”, “◐ one side only”, “✎ in words only”). This is evidence to weigh, not "
                  "a judgement." + (
                      " Each answer is given in full once, in the person's account: " + "; ".join(pointers) + "."
                      if pointers else ""), italic=True)
        by = m.comparison.by_neglect()
        apart = []
        for n in NeglectType:
            tcs = [tc for tc in by[n] if tc.agreement is not Agreement.NO_ANSWER]
            if not tcs:
                continue
            p = self.para("")
            dk.add_text(p, f"{n.label}: ", bold=True)
            dk.add_text(p, "; ".join(f"{topic_at(tc)} ({SYMBOL[tc.agreement]} {BRIEF[tc.agreement]})" for tc in tcs)
                        + ".")
            apart += [(tc, v) for tc in tcs for v in m.comparison.voices
                      if self.answered(tc, v.label) is not None and self.place_of(tc, v.kind) is None
                      and (tc, v) not in apart]
        if apart:  # their account is not in this report: their words are given here, once each
            self.para("The answers of those whose account is not in this report", bold=True
                      ).paragraph_format.keep_with_next = True
            for tc, v in apart:
                self.summary(tc, v.label, self.answered(tc, v.label), v.kind)

    def place_of(self, tc: TopicComparison, kind: PerspectiveKind) -> str | None:
        """The title of the section that gives this answer in full, or None when it is not in the report."""
        from .writer import OTHER_TIMES

        if kind is PerspectiveKind.PROFESSIONAL:  # a professional's account gives every part of the day
            return self.full_in.get(kind)
        return self.full_in.get("other") if tc.stage.kind in OTHER_TIMES else self.full_in.get(kind)
