"""Writing the report into Word, section by section, as a social worker reads an assessment.

All text goes in through python-docx (which escapes it), never through a template source, so
nothing a person typed can change the document's structure.
"""

from __future__ import annotations

import io

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm

from ..case import Answer, PerspectiveKind
from ..compare import TopicComparison, also_felt_words, in_their_words, said_something
from ..dates import full_time, now_utc, uk_date
from ..paths import option_picture
from ..pictures import chosen_picture, raster, scale_pictured
from ..sort import PILE_PICTURES, PILES
from ..sensitive import REPORT_NOTE
from ..template_model import ALSO_FELT_SCALE, Stage
from ..vocab import ChildVoice, StageKind
from ..wording import feeling_heading
from . import docxkit as dk
from .model import ReportModel, age_text, long_date
from ..evidence import topic_at
from ..oversight import is_approved
from .history import DRAFT_MARK, HistorySections
from .options import APPENDICES, FRONT, SECTIONS
from .kept import KeptSections
from .sections import SHORT_QUOTE, AnalysisSections, ComparingSections
from .summary import SummarySections
from .text import clean

OTHER_TIMES = (StageKind.WEEKEND, StageKind.HOLIDAYS, StageKind.OTHER_CARERS)
WIDE_TABLE_VOICES = 4  # more people than this: the comparison and feelings tables get a landscape page
WIDE_SECTIONS = ("comparison", "picture", "feelings")
NOTES_MARK = "Includes the practitioner's notes: not for the family"
KEPT_MARK = "Includes a section for professionals only"
KEPT_WARNING = ("This copy ends with a section for professionals only: sensitive answers, answers given when "
                "someone was seen on their own, anything disclosed, and what the child said worried them or "
                "drew. It is for professionals only. To share the report with the family, make the copy "
                "without that section, never this one with pages taken out: its page numbers, this note and "
                "the account's pointers to the section would show that something was removed.")
NOTES_WARNING = ("This copy includes the practitioner's own notes on the answers. It is for professionals "
                 "only: do not share it with the family. The copy without notes is the one to share.")
STAGE_FILL, HEAD_FILL = "E3E3E3", "D5DCE4"
PICTURE_CM = 0.6  # a picture the child chose, in the line of text: about a line and a half high


def shortened(words: str, limit: int = SHORT_QUOTE) -> tuple[str, bool]:
    """The answer exactly as typed if it is short; else whole sentences up to about `limit` words
    (never a sentence cut in the middle), and True to say it was cut."""
    import re

    spans = list(re.finditer(r"\S+", words))
    if len(spans) <= limit * 3 // 2:  # a little over the limit is kept whole
        return words, False
    ends = [m.end() for m in re.finditer(r"[.!?…](?=[\s”’\"')\]]|$)[”’\"')\]]*", words)]
    soon = spans[min(len(spans), limit * 2) - 1].end()
    cut = next((e for e in ends if spans[limit - 1].end() <= e <= soon), None)
    if cut is not None and len(re.findall(r"\S+", words[cut:])) < 8:
        return words, False  # little would be saved: keep it whole
    if cut is None:  # no sentence ends soon: cut between words, and say so
        return words[:spans[limit - 1].end()] + " …", True
    return words[:cut].rstrip(), True


def framed(png: bytes) -> bytes:
    """The drawing with a thin grey edge, so its page shows on the report's white paper."""
    from PIL import Image, ImageOps

    with Image.open(io.BytesIO(png)) as im:
        out = io.BytesIO()
        ImageOps.expand(im.convert("RGB"), border=4, fill="#9A9A9A").save(out, "PNG")
        return out.getvalue()


class Writer(SummarySections, ComparingSections, HistorySections, AnalysisSections, KeptSections):
    def __init__(self, model: ReportModel):
        self.m = model
        self.doc = dk.new_document(model.options.base_document)
        self.styles = dk.Styles(self.doc)
        section = self.doc.sections[-1]
        self.width_cm = max(10.0, (section.page_width - section.left_margin - section.right_margin) / 360000)
        self.cell_pt = 9 if self.width_cm >= 16 else 8   # narrower pages: smaller table text, fewer broken words
        self.full_in: dict[PerspectiveKind, str] = {}   # where each voice's accounts are given in full
        self.titled: dict[str, str] = {}                 # each chosen section's heading, appendices lettered
        self.new_page = False                            # the next heading starts a page

    # ------------------------------------------------------------------ plumbing

    def heading(self, text: str, level: int):
        p = self.doc.add_paragraph(style=f"Heading {level}")
        if self.new_page:
            p.paragraph_format.page_break_before, self.new_page = True, False
        return dk.add_text(p, text)

    def para(self, text: str = "", *, style: str | None = None, bold: bool = False, italic: bool = False):
        p = self.doc.add_paragraph(style=style)
        if text:
            dk.add_text(p, text, bold=bold, italic=italic)
        return p

    def facts(self, pairs: list[tuple]):
        """Several 'Label: value' lines in one paragraph, one line each, so they read as a block. A
        fourth item, where given, is the pictures the person chose, [(PNG file, words)], shown small
        before the words (each with the words as its alt text)."""
        if not pairs:
            return None
        p = self.doc.add_paragraph()
        for i, (label, value, quote, *chosen) in enumerate(pairs):
            dk.add_text(p, ("\n" if i else "") + f"{label}: ", bold=True)
            for png, words in (chosen[0] if chosen else ()):
                self.small_picture(p, png, words)
            self._words(p, value, quote)
        return p

    def small_picture(self, p, png, words: str) -> None:
        """A picture the child chose, about the height of two lines, in the line of text, with what
        it means as its alt text (the words are always written beside it too)."""
        run = p.add_run()
        shape = run.add_picture(str(png), height=Cm(PICTURE_CM))
        dk.set_alt_text(shape, words, f"The picture the child chose: {words}")
        dk.space_after(run, 4)  # a gap before the words, without a second space in the text

    def seen_pictures(self, tc: TopicComparison, voice: str) -> list[tuple[str, str, bool, list]]:
        """The child's comparable answers as they saw them: the words, and the picture child mode
        shows with each (where it has one in the report)."""
        out = []
        handed = not self.m.child.is_unborn  # an unborn baby's voice is told by an adult, never in child mode
        for mc in tc.measures:
            value = mc.values.get(voice)
            if not value:
                continue
            seen = []
            if handed and scale_pictured(mc.scale):
                png = raster(chosen_picture(mc.scale, value, self.m.case))
                if png is not None:
                    seen.append((png, mc.seen(voice).strip("“”")))
            out.append((self.m.render(mc.measure.label), mc.shown(voice), False, seen))
        return out

    def faces_chosen(self, voice: str, values: list[str], scale_name: str = "") -> list[tuple]:
        """The faces the child chose (on the feelings scale, or the other feelings'), as pictures for
        `facts`, each with its words as the child saw them."""
        scale = self.m.template.scales.get(scale_name) if scale_name else self.m.template.feelings
        child = self.m.comparison.voice(voice).feeling_words
        if self.m.child.is_unborn:
            return []  # told by an adult: no faces were tapped
        out = []
        for value in values:
            png = raster(chosen_picture(scale, value, None, feelings=True))
            option = next((o for o in scale.options if o.value == value), None) if scale is not None else None
            if png is not None and option is not None:
                out.append((png, (option.child_label if child and option.child_label else option.label)))
        return out

    def _words(self, p, value: str, quote: bool) -> None:
        value = clean(value)
        dk.add_text(p, "“" if quote else "")
        dk.add_text(p, value)
        if quote:
            dk.add_text(p, "”")
        if dk.starts_rtl(value):
            dk.set_bidi(p)

    def quote(self, text: str):
        p = self.doc.add_paragraph(style=self.styles.quote)
        self._words(p, text, True)
        if not self.styles.quote:
            for run in p.runs:
                run.italic = True
        return p

    def bullet(self):
        p = self.doc.add_paragraph(style=self.styles.bullet)
        if not self.styles.bullet:
            p.add_run("• ")
        return p

    def not_written(self, text: str, what: str = "Not written yet.") -> None:
        text = self.m.anon.text(text).strip("\n")
        if text.strip():
            self.para(text)
        else:
            self.para(what, italic=True)

    def table(self, widths_pct: list[float], header: list[str]):
        widths = [self.width_cm * w / sum(widths_pct) for w in widths_pct]
        table = dk.new_table(self.doc, 1, widths, self.styles)
        row = table.rows[0]
        dk.repeat_as_header(row)
        dk.fit_row(row, widths)
        for cell, text in zip(row.cells, header):
            dk.cell_text(cell, text, bold=True, size=self.cell_pt)
            dk.shade(cell, HEAD_FILL)
        return table, widths

    def row(self, table, widths, values: list[str], *, fill: str | None = None, bold_last: bool = False):
        row = table.add_row()
        dk.keep_row_together(row)
        cells = row.cells
        dk.fit_row(row, widths)
        for i, (cell, text) in enumerate(zip(cells, values)):
            dk.cell_text(cell, text, size=self.cell_pt, bold=bold_last and i == len(values) - 1)
            if fill:
                dk.shade(cell, fill)
        return row

    def stage_row(self, table, widths, text: str) -> None:
        row = table.add_row()
        cells = row.cells
        dk.fit_row(row, widths)
        merged = cells[0].merge(cells[-1])
        dk.cell_text(merged, text, bold=True, size=self.cell_pt)
        dk.shade(merged, STAGE_FILL)
        keep = merged.paragraphs[0].paragraph_format
        keep.keep_with_next = True

    # ------------------------------------------------------------------ words of the answers

    def stage_title(self, stage: Stage) -> str:
        if stage.hours:
            a, b = stage.hours
            return f"{stage.title} ({a % 24:02d}:00–{b % 24:02d}:00)"
        return stage.title

    def option(self, scale: str, value: str | None) -> str:
        if not value:
            return "—"
        s = self.m.template.scales.get(scale)
        try:
            return s.option(value).label if s else value
        except KeyError:
            return value

    def measures(self, tc: TopicComparison, voice: str) -> list[tuple[str, str]]:
        """That person's comparable answers, as they saw them (a child's in the child's words)."""
        return [(self.m.render(mc.measure.label), mc.shown(voice)) for mc in tc.measures if mc.values.get(voice)]

    def also_felt(self, answer) -> str:
        """The other feelings chosen beside the face: "Scared, worried"."""
        words = also_felt_words(self.m.template, answer.also_felt)
        return words[:1].upper() + words[1:]

    def feeling(self, voice: str, value: str | None) -> str:
        """A feeling as the person chose it: the child's own in the child's words ("Sad")."""
        v = self.m.comparison.voice(voice)
        return in_their_words(self.m.template.feelings, value, v.feeling_words) if value else "—"

    def notes(self, answer: Answer) -> None:
        """The practitioner's notes on an answer, only when the practitioner chose to include them."""
        if self.m.options.notes and answer.notes.strip():
            p = self.para("")
            dk.add_text(p, "Practitioner's note (not the family's words): ", bold=True, italic=True)
            dk.add_text(p, self.m.anon.text(answer.notes), italic=True)

    def answered(self, tc: TopicComparison, voice: str) -> Answer | None:
        a = tc.answers.get(voice)
        return a if a is not None and not a.is_empty else None

    def voices(self, kind: PerspectiveKind) -> list[str]:
        return self.m.voice(kind)

    def day_stages(self, other: bool = False) -> list[tuple[Stage, list[TopicComparison]]]:
        return [(s, tcs) for s, tcs in self.m.comparison.by_stage() if (s.kind in OTHER_TIMES) == other]

    def summary(self, tc: TopicComparison, voice: str, answer: Answer, kind, shorten: bool = False,
                scaled: bool = True) -> None:
        """One person's answer to one topic, as a bullet: their words, then the comparable answers.
        With `shorten`, a long answer that is given in full elsewhere is cut after whole sentences,
        and says where the whole of it is."""
        p = self.bullet()
        dk.add_text(p, f"{self.m.labels[voice]}: ", bold=True)
        if answer.not_asked is not None:
            dk.add_text(p, f"not asked ({self.m.anon.text(answer.not_asked) or 'no reason given'})", italic=True)
            if not said_something(answer):
                return
            dk.add_text(p, "; recorded all the same: ")
        words = self.m.anon.text(answer.text or answer.own_day or answer.source)
        if words:
            where = self.full_in.get(kind) if tc.stage.kind not in OTHER_TIMES else self.full_in.get("other")
            cut = False
            if shorten and where:
                words, cut = shortened(words)
            self._words(p, words, True)
            if cut:
                dk.add_text(p, f" [continues: the whole answer is under “{where}”, {topic_at(tc)}]", italic=True)
        # as evidence, the comparable answers are left to the comparison table when it is there
        extra = [] if (shorten or not scaled) and self.m.options.wants("comparison") else \
            [f"{label}: {value}" for label, value in self.measures(tc, voice)]
        if answer.feeling:
            extra.append(f"feeling: {self.feeling(voice, answer.feeling)}")
        if answer.also_felt:
            extra.append(f"also felt: {also_felt_words(self.m.template, answer.also_felt)}")
        if extra:
            dk.add_text(p, (" — " if words else "") + "; ".join(extra))

    # ------------------------------------------------------------------ the report

    def write(self) -> None:
        m, o = self.m, self.m.options
        self._properties()
        self._header_footer()
        dk.add_text(self.doc.add_paragraph(style=self.styles.title), f"A day in the life of {m.full_name}")
        if o.notes:  # never to be mistaken for the copy that may be shared with the family
            self.para(NOTES_WARNING, bold=True)
        if o.sensitive:
            self.para(KEPT_WARNING, bold=True)
        if not is_approved(m.analysis):
            self.para(self._draft_words(), bold=True)
        own_feelings = m.template.common.own_feelings  # nothing to draw: each adult's own feelings
        order = [s for s in SECTIONS if o.wants(s) and not (s == "picture" and own_feelings)]  # in the options' order
        self.titled = self._numbered(order)
        for kind, section in ((PerspectiveKind.CHILD, "child_day"), (PerspectiveKind.PARENT, "parent_day"),
                              (PerspectiveKind.PROFESSIONAL, "professionals"), ("other", "other_times")):
            if o.wants(section):
                self.full_in[kind] = self.titled[section]
        wide = len(m.comparison.voices) > WIDE_TABLE_VOICES
        appendices = [s for s in order if s in APPENDICES]
        for i, section in enumerate(order):
            if wide:
                self._turn_page(landscape=section in WIDE_SECTIONS)
            before = order[i - 1] if i else None
            if before in FRONT and section not in FRONT and section not in APPENDICES:
                self.page_break()  # the front pages stand alone: what a conference chair reads first
            if section == (appendices[0] if appendices else None):
                self._appendices(appendices, after=before is not None)
            if section != "cover":
                self.heading(self.titled[section], 1)
            getattr(self, f"_{section}")()
        if o.sensitive and not o.anonymise:
            if wide:
                self._turn_page(landscape=False)
            self._kept_apart()

    def page_break(self) -> None:
        """The next heading starts a page: as its own property, so that a page that ends full is not
        followed by an empty one (as a break in a paragraph of its own would be)."""
        self.new_page = True

    def _numbered(self, order: list[str]) -> dict[str, str]:
        """Each chosen section's heading; the appendices lettered in order ("Appendix A: ...")."""
        titles = self._titles()
        letters = iter("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        return {s: f"Appendix {next(letters)}: {titles[s]}" if s in APPENDICES else titles.get(s, "") for s in order}

    def _appendices(self, appendices: list[str], after: bool) -> None:
        """A new page, and what the appendices hold, before the first of them."""
        if after:
            self.page_break()
        self.heading("Appendices", 1)
        once = ("Each adult's words are given in full once, in their own account, and their answers chosen "
                "from a scale once, in the comparison (the child's are in the child's own account too)."
                if self.m.options.wants("comparison") else
                "Each person's answers are given in full once, in their own account.")
        self.para(f"The full accounts and tables the summary and the analysis draw on. {once}", italic=True)
        for s in appendices:
            self.bullet().add_run(self.titled[s])

    def _turn_page(self, landscape: bool) -> None:
        """A landscape section for a table with many people (seven columns of answers do not fit
        a portrait page without breaking words), and back. Headers and footers carry on."""
        from docx.enum.section import WD_ORIENT, WD_SECTION

        last = self.doc.sections[-1]
        if (last.orientation == WD_ORIENT.LANDSCAPE) == landscape:
            return
        section = self.doc.add_section(WD_SECTION.NEW_PAGE)
        section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        width, height = section.page_width, section.page_height
        if (width < height) == landscape:
            section.page_width, section.page_height = height, width
        self.width_cm = max(10.0, (section.page_width - section.left_margin - section.right_margin) / 360000)

    def _titles(self) -> dict[str, str]:
        n = self.m.name
        direct = self.m.template.child_voice.value == "direct"
        return {
            "child_day": (f"{n}'s typical day, in {self.m.their} own words" if direct
                          else f"{n}'s typical day, as seen and as the carer tells it for {n}"),
            "parent_day": f"The parent's own day, and how it affects {n}",
            "professionals": "What professionals know",
            "comparison": "Where the accounts differ",
            "picture": f"A picture of {n}'s day",
            "feelings": ("Feelings: each adult's own, not compared" if self.m.template.common.own_feelings
                         else f"How {n} seems: {n} and the adults" if not self.m.template.feelings.ordered
                         else f"How {n} feels: {n} and the adults"),
            "other_times": "Weekends, holidays and other carers",
            "change": "Change over time",
            "scores": "Scores from other tools",
            "chronology": f"Chronology: what has happened to {n}",
            "genogram": f"{n}'s family",
            "strengths": "Strengths: what is working well",
            "worries": "Worries",
            "summary": "Summary",
            "neglect": "The practitioner's reading by type of neglect",
            "evidence": "The evidence by type of neglect",
            "impact": f"Impact on {n}",
            "likelihood": "Likelihood of change",
            "plan": "What needs to happen: who, what, by when",
            "ratings": "Scales from 0 to 10",
            "oversight": "Management oversight",
        }

    def _properties(self) -> None:
        m = self.m
        anonymised = m.options.anonymise
        dk.set_properties(self.doc, title=f"A day in the life of {m.full_name}"
                          + (" (with the practitioner's notes)" if m.options.notes else ""),
                          subject="Day in the life analysis (anonymised)" if anonymised else f"Case {m.case.reference}",
                          author="Day in My Life" if anonymised else m.practitioner,
                          status=m.options.marking, when=now_utc())
        dk.tidy_package(self.doc)

    def _header_footer(self) -> None:
        marking = clean(self.m.options.marking).strip()
        if not is_approved(self.m.analysis):  # on every page until a manager approves the analysis as it stands
            marking = f"{DRAFT_MARK} — {marking}" if marking else DRAFT_MARK
        if self.m.options.notes:  # on every page: this copy holds the practitioner's own notes
            marking = f"{marking} — {NOTES_MARK}" if marking else NOTES_MARK
        if self.m.options.sensitive:
            marking = f"{marking} — {KEPT_MARK}" if marking else KEPT_MARK
        for section in self.doc.sections:
            headers = [section.header]
            if section.different_first_page_header_footer:
                headers.append(section.first_page_header)
            if self.doc.settings.odd_and_even_pages_header_footer:
                headers.append(section.even_page_header)
            for header in headers:
                if not marking:
                    continue
                header.is_linked_to_previous = False
                first = header.paragraphs[0] if header.paragraphs else header.add_paragraph()
                p = first if not first.text.strip() and not first._p.xpath(".//w:drawing") else \
                    first.insert_paragraph_before()
                p.style = self.styles.header
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                dk.add_text(p, marking, bold=True)
        if self.m.options.base_document is None:  # an organisation's own footer is left as it is
            footer = self.doc.sections[0].footer
            p = footer.paragraphs[0]
            p.style = self.styles.footer
            case = "" if self.m.options.anonymise else f", case {self.m.case.reference}"
            dk.add_text(p, f"Day in my life: {self.m.full_name}{case}. Page ", size=9)
            dk.add_field(p, "PAGE")
            dk.add_text(p, " of ", size=9)
            dk.add_field(p, "NUMPAGES")
            if marking:  # marked at the bottom of each page as well as the top
                p = footer.add_paragraph(style=self.styles.footer)
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                dk.add_text(p, marking, bold=True, size=9)

    # ------------------------------------------------------------------ cover

    def _cover(self) -> None:
        m, anon = self.m, self.m.anon
        ivs = m.comparison.voices
        latest = max(v.interview.held_on for v in ivs)
        known = "" if m.options.anonymise or not m.child.known_as.strip() else f" (known as {clean(m.child.known_as)})"
        who = []
        for v in ivs:
            iv, bits = v.interview, [m.labels[v.label]]
            if iv.interpreter.strip():
                bits.append(f"interpreter: {anon.text(iv.interpreter)}")
            if iv.present.strip():
                bits.append(f"also present: {anon.text(iv.present)}")
            who.append(", ".join(bits))
        rows = [
            ("Case reference", anon.reference(m.case.reference)),
            ("Child", m.full_name + known),
            ("Age", age_text(m.child, latest) + (f" at the latest interview ({long_date(latest)})"
                                                 if m.child.date_of_birth else "")),
            *[(label, anon.text(value)) for label, value in (
                ("Disability", m.child.disability), ("How the child communicates", m.child.communication),
                ("Other needs", m.child.other_needs)) if value.strip()],
            (f"{m.name} lives with" if m.child.date_of_birth else "The household", self._household(latest)),
            ("Template", f"{m.template.title}, version {m.template.version}. " + (
                m.template.review.label + "." if m.template.review.approved
                else "The template itself is not yet signed off for use by the local partnership.")),
            ("Management oversight", self._status()),
            ("Interviews compared", "\n".join(f"{long_date(v.interview.held_on)}: {self.undated(v)}"
                                              # where, only when named: an address or a school's name
                                              # identifies a family as surely as a surname
                                              + (f", at {v.interview.place.strip()}" if v.interview.place.strip()
                                                 and not anon.active else "") for v in ivs)),
            ("Who took part", "\n".join(who)),
            ("Practitioner", m.practitioner or "—"),
            ("Report made", long_date(m.today)),
        ]
        earlier = []
        for v in ivs:  # every interview is accounted for: the earlier ones of each person, listed
            for older in m.choice.earlier.get(v.interview.id, []):
                earlier.append(f"{long_date(older.held_on)}: {self.undated(v)}, earlier interview"
                               + (f" (set against the later one under “{self.titled['change']}”)"
                                  if "change" in self.titled else ""))
        if earlier:
            rows.append(("Earlier interviews", "\n".join(earlier)))
        widths = [self.width_cm * 0.28, self.width_cm * 0.72]
        table = dk.new_table(self.doc, 0, widths, self.styles)
        for label, value in rows:
            row = table.add_row()
            dk.fit_row(row, widths)
            cells = row.cells
            dk.cell_text(cells[0], label, bold=True)
            dk.shade(cells[0], HEAD_FILL)
            dk.cell_text(cells[1], value)
        self.para("")
        if m.options.anonymise:
            self.para(anon.summary(), bold=True)
        self.para("This report sets out each person's account of an ordinary day, side by side. Where "
                  "accounts differ, that is not a finding; before raising a difference with the family, judge "
                  "whether it is safe to, and never reveal to an adult what a child said. The tool "
                  "gives no score; the judgements in it are the practitioner's. " + REPORT_NOTE, italic=True)

    def _household(self, on) -> str:
        """Everyone else in the household, with their role or age: a baby brother or a partner who
        took part in no interview is still on the first page a manager reads."""
        from ..voices import in_brackets, role_text

        m, anon = self.m, self.m.anon
        people = [f"{anon.name(a.name)} ({in_brackets(role_text(a))})" for a in m.case.adults]
        people += [f"{anon.name(c.name)} "
                   f"({'unborn' if c.date_of_birth is None else 'aged ' + age_text(c, on)})"
                   for c in m.case.children if c.id != m.child.id]
        return "\n".join(people) or "No one else is recorded in the household."

    # ------------------------------------------------------------------ accounts

    def _child_day(self) -> None:
        voices = self.voices(PerspectiveKind.CHILD)
        if not voices:
            self.para(f"No interview with {self.m.name} is included.", italic=True)
            return
        voice = voices[0]
        self._worries_first(voice)
        self._own_sort()
        seen = {tc.topic.key: self.seen_pictures(tc, voice) for tc in self.m.comparison.topics}  # once each
        if any(chosen for pairs in seen.values() for *_x, chosen in pairs if chosen):
            baby = self.m.template.child_voice is ChildVoice.BABY
            self.para((f"The small pictures beside some answers are the ones shown with the answers chosen for "
                       f"{self.m.name}" if baby else
                       f"The small pictures beside some answers are the ones {self.m.name} saw in child mode with "
                       f"the words {self.m.name} chose") + "; the words are always there too. Answers without one "
                      "were chosen from words.", italic=True)
        drawn = self.drawings_by_topic(voice)
        for stage, tcs in self.day_stages():
            said = [(tc, a) for tc in tcs if (a := self.answered(tc, voice)) or drawn.get(tc.topic.key)]
            if not said:
                continue
            self.heading(self.stage_title(stage), 2)
            for tc, a in said:
                if len(said) > 1 or tc.topic.title != stage.title:
                    self.heading(tc.topic.title, 3)
                if a is None or not self.not_asked(a):
                    for d in drawn.get(tc.topic.key, []):
                        self.drawing_noted(d)
                    continue
                if a.text:
                    self.quote(self.m.anon.text(a.text))
                pairs = list(seen[tc.topic.key])
                if a.feeling:
                    pairs.append((feeling_heading(self.m.template, PerspectiveKind.CHILD, self.m.name),
                                  self.feeling(voice, a.feeling), False, self.faces_chosen(voice, [a.feeling])))
                if a.also_felt:
                    pairs.append(("Other feelings", self.also_felt(a), False,
                                  self.faces_chosen(voice, a.also_felt, ALSO_FELT_SCALE)))
                if a.well:
                    pairs.append(("What goes well", self.m.anon.text(a.well), True))
                if a.better:
                    pairs.append(("What would make it better", self.m.anon.text(a.better), True))
                self.facts(pairs)
                self.notes(a)
                for d in drawn.get(tc.topic.key, []):  # after their words; the drawing itself is kept apart
                    self.drawing_noted(d)
        quiet = self.not_talked_about(voice)
        if quiet:
            self.para(f"Not talked about with {self.m.name}: {'; '.join(quiet)}.", italic=True)

    def drawings_by_topic(self, voice: str) -> dict[str, list]:
        """The child's drawings, by the topic they were drawn at (one drawn at a stage goes with its
        first topic). The account says a drawing was made there; the drawing itself and the child's
        words about it go in the section for professionals only (they may name or show the family,
        and are shared with them only by a social worker's decision)."""
        iv = self.m.comparison.voice(voice).interview
        firsts = {tc.stage.id: tc.topic.key for tc in reversed(self.m.comparison.topics)}
        keys = {tc.topic.key for tc in self.m.comparison.topics}
        out: dict[str, list] = {}
        for d in sorted(iv.drawings, key=lambda d: d.at):
            key = d.topic_key if d.topic_key in keys else firsts.get(d.stage_key)
            if key:
                out.setdefault(key, []).append(d)
        return out

    def drawing_noted(self, d) -> None:
        """Where the child's account says a drawing was made, and where it is: only in the copy with
        the section for professionals. A copy without it may be shared with the family, and a drawing
        may name or show them: there it leaves no trace (a family told "a drawing is left out here"
        could press the child about it)."""
        if not self.with_section():
            return
        n = self.m.name
        self.para(f"{n} made a drawing here in child mode ({full_time(d.at)}). It and what {n} said about it "
                  f"are in the section for professionals only.", italic=True)

    def drawing(self, d) -> None:
        """A drawing, as wide as half the page, with what the child said about it under it (their
        words as the practitioner typed them) and as its alt text."""
        n = self.m.name
        p = self.doc.add_paragraph()
        shape = p.add_run().add_picture(io.BytesIO(framed(d.png)), width=Cm(min(8.0, self.width_cm / 2)))
        words = self.m.anon.text(d.caption)
        dk.set_alt_text(shape, f"{n}'s drawing",
                        f"{n}'s drawing. What {n} said about it: {words}" if words
                        else f"{n}'s drawing. {n} did not say anything about it.")
        if words:
            q = self.para("")
            dk.add_text(q, f"{n}'s drawing. {n} said: ", bold=True)
            self._words(q, words, True)
        else:
            self.para(f"{n}'s drawing. Nothing was written down about it.", italic=True)

    def _own_sort(self) -> None:
        """The cards the child sorted in child mode, pile by pile, as the child put them."""
        rows = self.m.comparison.sort
        if not rows:
            return
        n = self.m.name
        self.heading(f"How {n} sorted the cards", 2)
        self.para(f"In child mode {n} put a card for each part of the day under “good”, “not sure” or "
                  f"“not good”. This is {n}'s own sort; what each adult thinks {n} feels at those times "
                  f"is set beside it under how {n} feels.")
        pairs = []
        for value, words in PILES:
            titles = [r.topic_title for r in rows if r.child == value]
            if titles:
                png = raster(option_picture(PILE_PICTURES[value]))
                pairs.append((words, "; ".join(titles), False, [(png, words)] if png else []))
        self.facts(pairs)

    def not_talked_about(self, voice: str) -> list[str]:
        """Every part of the day nothing is recorded about for this person: a whole stage by its
        name, a topic inside a stage otherwise talked about by its own ('Lunch at school (At school)'),
        weekends, holidays and other carers included."""
        kind = self.m.comparison.voice(voice).kind
        out = []
        for stage, tcs in self.m.comparison.by_stage():
            # never a topic not asked of this person, one asked only when seen alone, or one whose
            # answer is kept out: saying so would tell the reader there is something kept apart
            asked = [tc for tc in tcs if tc.topic.asked_of(kind) and not tc.topic.seen_alone]
            silent = [tc for tc in asked if self.answered(tc, voice) is None and voice not in tc.kept_out]
            if not silent:
                continue
            if len(silent) == len(tcs):
                out.append(stage.title)
            else:
                out += [topic_at(tc) for tc in silent]
        return out

    def _parent_day(self) -> None:
        voices = self.voices(PerspectiveKind.PARENT)
        if not voices:
            self.para("No interview with a parent or carer is included.", italic=True)
            return
        n = self.m.name
        scaled = self.scaled_elsewhere()
        for voice in voices:
            iv = next(v.interview for v in self.m.comparison.voices if v.label == voice)
            self.heading(f"{self.m.labels[voice]}, {long_date(iv.held_on)}", 2)
            for stage, tcs in self.day_stages():
                said = [(tc, a) for tc in tcs if (a := self.answered(tc, voice))]
                if not said:
                    continue
                self.heading(self.stage_title(stage), 3)
                for tc, a in said:
                    if len(said) > 1 or tc.topic.title != stage.title:
                        self.para(tc.topic.title, bold=True).paragraph_format.keep_with_next = True
                    if not self.not_asked(a):
                        continue
                    pairs = [(label, self.m.anon.text(text), True) for label, text in (
                        (f"About {n}'s day", a.text), ("Their own day", a.own_day), (f"How it affects {n}", a.impact))
                        if text]
                    pairs += [] if scaled else [(label, value, False) for label, value in self.measures(tc, voice)]
                    if a.feeling:
                        pairs.append((feeling_heading(self.m.template, PerspectiveKind.PARENT, n),
                                      self.feeling(voice, a.feeling), False))
                    if a.also_felt:
                        pairs.append(("Other feelings they think " + n + " has", self.also_felt(a), False))
                    if a.well:
                        pairs.append(("What goes well", self.m.anon.text(a.well), True))
                    if a.better:
                        pairs.append(("What would make it better", self.m.anon.text(a.better), True))
                    self.facts(pairs)
                    self.notes(a)

    def _professionals(self) -> None:
        """Each professional source on its own (the school, an educational psychologist, the GP...)."""
        voices = self.voices(PerspectiveKind.PROFESSIONAL)
        if not voices:
            self.para("No account from professionals is included.", italic=True)
            return
        scaled = self.scaled_elsewhere()
        for voice in voices:
            said = [(tc, a) for tc in self.m.comparison.topics if (a := self.answered(tc, voice))]
            self.heading(self.m.labels[voice], 2)
            if not said:
                self.para("Nothing is recorded in this account yet.", italic=True)
                continue
            for tc, a in said:
                p = self.para(topic_at(tc), bold=True)
                p.paragraph_format.keep_with_next = True
                if not self.not_asked(a):
                    continue
                if a.text:
                    self.para(self.m.anon.text(a.text))
                pairs = [("Source", self.m.anon.text(a.source), False)] if a.source else []
                pairs += [] if scaled else [(label, value, False) for label, value in self.measures(tc, voice)]
                if a.feeling:
                    pairs.append((feeling_heading(self.m.template, PerspectiveKind.PROFESSIONAL, self.m.name),
                                  self.feeling(voice, a.feeling), False))
                if a.also_felt:
                    pairs.append(("Other feelings", self.also_felt(a), False))
                self.facts(pairs)
                self.notes(a)

    def scaled_elsewhere(self) -> bool:
        """Whether an adult's answers chosen from a scale are left to the comparison, where they stand
        beside everyone else's, so each is given once; says so, and where, when they are."""
        if not self.m.options.wants("comparison"):
            return False
        self.para(f"Answers chosen from a scale (how often, who does it) are in “{self.titled['comparison']}”, "
                  f"beside everyone else's; here is what was said, and the feelings.", italic=True)
        return True

    def undated(self, v) -> str:
        """A voice's label without the date a professional account carries, where the date is said beside it."""
        return self.m.labels[v.label].removesuffix(f", {uk_date(v.interview.held_on)}")

    def not_asked(self, a: Answer) -> bool:
        """Say that a topic was not asked, with the reason; True when something was recorded all the
        same (a child's words, say), which is then given too."""
        if a.not_asked is None:
            return True
        reason = self.m.anon.text(a.not_asked).strip().rstrip(".;,") or "no reason given"
        reason = reason.removeprefix("Not asked:").removeprefix("not asked:").strip() or "no reason given"
        self.para(f"Not asked: {reason}."
                  + (" What was recorded all the same follows." if said_something(a) else ""), italic=True)
        return said_something(a)

    def _other_times(self) -> None:
        stages = [(s, tcs) for s, tcs in self.day_stages(other=True)
                  if any(self.answered(tc, v.label) for tc in tcs for v in self.m.comparison.voices)]
        if not stages:
            self.para("Nothing is recorded about weekends, holidays or other carers.", italic=True)
            return
        scaled = self.scaled_elsewhere()
        for stage, tcs in stages:
            self.heading(stage.title, 2)
            for tc in tcs:
                said = [(v, a) for v in self.m.comparison.voices if (a := self.answered(tc, v.label))]
                if not said:
                    continue
                if len(tcs) > 1 or tc.topic.title != stage.title:
                    self.para(tc.topic.title, bold=True).paragraph_format.keep_with_next = True
                for v, a in said:
                    self.summary(tc, v.label, a, v.kind, scaled=not scaled)
                    if a.impact:
                        p = self.bullet()
                        dk.add_text(p, f"{self.m.labels[v.label]}, how it affects {self.m.name}: ", bold=True)
                        self._words(p, self.m.anon.text(a.impact), True)
                    if a.well:
                        p = self.bullet()
                        dk.add_text(p, f"{self.m.labels[v.label]}, what goes well: ", bold=True)
                        self._words(p, self.m.anon.text(a.well), True)
