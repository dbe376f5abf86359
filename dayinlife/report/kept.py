"""The report's section for professionals only: sensitive answers, answers given when seen alone,
disclosures, what a child said worried them, and a child's drawings. Written only when the practitioner chooses it, never in an anonymised report, on
pages of its own after everything else, in a copy for professionals: the copy to share with the family
is made without it, and leaves no trace of what is kept apart."""

from __future__ import annotations

from ..case import Answer, PerspectiveKind
from ..compare import in_their_words
from ..dates import full_time
from ..evidence import topic_at
from ..sensitive import SECTION_TITLE, SECTION_WARNING, disclosures
from ..wording import feeling_heading
from ..worries import BUTTON, WorryShown, across, times
from . import docxkit as dk
from .model import long_date


class KeptSections:
    def child_worries(self, voice: str) -> list[WorryShown]:
        """Each "Something worries me" of the child's voice: in the interview compared and in the
        child's earlier ones, oldest first."""
        v = self.m.comparison.voice(voice)
        ivs = [v.interview, *self.m.choice.earlier.get(v.interview.id, [])]
        return [w for _iv, w in across(ivs, lambda _iv: self.m.template)]

    def with_section(self) -> bool:
        """Whether this copy has the section for professionals (never an anonymised one)."""
        return self.m.options.sensitive and not self.m.options.anonymise

    def worries_in_body(self, voice: str) -> list[WorryShown]:
        """The child's "Something worries me" as the report's body gives them. In a copy without the
        section for professionals (the one that may be shared with the family) only those the child
        said nothing more about, at a question that is not kept apart: a worry the child put into words,
        or pressed where they were seen alone or the answer is sensitive, leaves no trace there (no
        time, no place, no "kept out"), since a family reading "she said what it was" at bedtime could
        work out what, and press the child. The copy with the section gives every one."""
        listed = self.child_worries(voice)
        if self.with_section():
            return listed
        return [w for w in listed if not w.worry.words and self.worry_place(w) == w.where]

    def worry_place(self, w: WorryShown) -> str:
        """Where a worry was pressed, as the report's body says it: a topic asked only when the child is
        seen alone, or one whose answer is marked sensitive, is never named there (the body is what may be shared with the family, the section
        for professionals taken out); that section names it."""
        try:
            topic = self.m.template.topic(w.worry.topic_key)
        except KeyError:
            return w.where
        answers = [iv.answers.get(topic.key) for v in self.m.comparison.voices if v.kind is PerspectiveKind.CHILD
                   for iv in (v.interview, *self.m.choice.earlier.get(v.interview.id, []))]
        if topic.seen_alone or any(a is not None and a.sensitive for a in answers):
            return (f"at a question kept apart, as sensitive or asked of {self.m.name} alone (named in the section "
                    f"for professionals only)")
        return w.where

    def _worries_first(self, voice: str) -> None:
        """First under the child's voice: that the child pressed "Something worries me", where and
        when. What they said goes with the disclosures, in the section for professionals only."""
        listed = self.worries_in_body(voice)
        if not listed:
            return
        m, n = self.m, self.m.name
        self.heading(f"“{BUTTON}”", 2)
        self.para(f"In child mode {n} pressed “{BUTTON}” {times(len(listed))}. What it means is for the practitioner to "
                  f"find out with {n}; the tool does not judge it.")
        for w in listed:
            said = (f"What {n} said is in the section for professionals only." if w.worry.words
                    else f"{n} did not say what.")
            where = self.worry_place(w)
            dk.add_text(self.bullet(), f"{where[:1].upper()}{where[1:]}, {full_time(w.worry.at)}: {said}")

    def _kept_apart(self) -> None:
        m = self.m
        self.doc.add_page_break()
        self.heading(SECTION_TITLE, 1)
        self.para(SECTION_WARNING, bold=True)
        anything = False
        for v in m.comparison.voices:
            kept = [tc for tc in m.comparison.topics if v.label in tc.kept_out]
            told = disclosures(v.interview)
            earlier = [(older, disclosures(older)) for older in m.choice.earlier.get(v.interview.id, [])]
            earlier = [(older, d) for older, d in earlier if d]
            # what a child said worried them, and where, when the body could not say where
            worried = ([w for w in self.child_worries(v.label) if w.worry.words or self.worry_place(w) != w.where]
                       if v.kind is PerspectiveKind.CHILD else [])
            drawn = sorted(v.interview.drawings, key=lambda d: d.at) if v.kind is PerspectiveKind.CHILD else []
            if not (kept or told or earlier or worried or drawn):
                continue
            anything = True
            self.heading(f"{m.labels[v.label]}, {long_date(v.interview.held_on)}", 2)
            if v.interview.seen_alone is not None:
                self.para("Seen on their own." if v.interview.seen_alone else
                          "Not seen on their own: others were there.", italic=True)
            for tc in kept:
                self._kept_answer(tc, v, v.interview.answers[tc.topic.key])
            if told:
                self._disclosures(told, m.template)
            for older, told_then in earlier:
                p = self.para(f"Disclosed in an earlier interview, {long_date(older.held_on)}", bold=True)
                p.paragraph_format.keep_with_next = True
                self._disclosures(told_then, m.template)
            for w in worried:
                p = self.para(f"“{BUTTON}”, pressed in child mode: {w.where}, {full_time(w.worry.at)}", bold=True)
                if w.worry.words:
                    p.paragraph_format.keep_with_next = True
                    self.quote(w.worry.words)
                else:
                    self.para(f"{m.name} did not say what.", italic=True)
            for d in drawn:
                try:
                    where = topic_at(next(tc for tc in m.comparison.topics if tc.topic.key == d.topic_key))
                except StopIteration:
                    where = next((s.title for s in m.template.stages if s.id == d.stage_key), d.stage_key)
                p = self.para(f"A drawing, made in child mode: {where}, {full_time(d.at)}", bold=True)
                p.paragraph_format.keep_with_next = True
                self.drawing(d)
                self.para(f"Not to be shown to the family without a social worker's decision: it is "
                          f"{m.name}'s, and may name or show them.", italic=True)
        if not anything:
            self.para("In the interviews in this report, nothing is marked sensitive, no question asked only "
                      "when someone was seen on their own was answered, nothing disclosed was recorded, "
                      "no child said what worried them, and no child made a drawing.", italic=True)

    def _kept_answer(self, tc, v, a: Answer) -> None:
        m = self.m
        why = "asked when seen on their own" if tc.topic.seen_alone else "marked sensitive"
        p = self.para(f"{topic_at(tc)} ({why})", bold=True)
        p.paragraph_format.keep_with_next = True
        if a.not_asked is not None:
            self.para(f"Not asked: {a.not_asked.strip() or 'no reason given'}.", italic=True)
        if a.text:
            self.quote(a.text)
        n = m.name
        pairs = []
        if v.kind is PerspectiveKind.PARENT:
            pairs += [(label, text, True) for label, text in
                      (("Their own day", a.own_day), (f"How it affects {n}", a.impact)) if text]
        if a.source:
            pairs.append(("Source", a.source, False))
        for mc in tc.measures:
            value = a.measures.get(mc.measure.id)
            if value:
                pairs.append((mc.label, in_their_words(mc.scale, value, v.child_words, mc.people), False))
        if a.feeling:
            pairs.append((feeling_heading(m.template, v.kind, n), in_their_words(m.template.feelings, a.feeling, v.feeling_words), False))
        if a.also_felt:
            pairs.append(("Other feelings", self.also_felt(a), False))
        if a.well:
            pairs.append(("What goes well", a.well, True))
        if a.better:
            pairs.append(("What would make it better", a.better, True))
        self.facts(pairs)
        self.notes(a)

    def _disclosures(self, told, template) -> None:
        for d in told:
            asked = ""
            if d.topic_key:
                try:
                    asked = f" during “{template.topic(d.topic_key).title}”"
                except KeyError:
                    asked = ""
            p = self.para(f"Disclosed {full_time(d.at)}{asked}", bold=True)
            p.paragraph_format.keep_with_next = True
            if d.asked.strip():
                self.facts([("The question asked just before", d.asked, True)])
            self.quote(d.words)
