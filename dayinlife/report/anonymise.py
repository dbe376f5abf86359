"""Anonymising a report: every name the case knows becomes a stable, readable label.

The children are Child A, Child B…, the adults Adult A, Adult B… (in household order, so a
sibling's report uses the same labels), whoever wrote the analysis or held the interviews
Practitioner A…, a surname met on its own [surname], the case reference [case reference], and
each entry of the case's hidden list [place 1] or [name 1]. Full names, known-as names, first
names, surnames and the parts of double-barrelled names are replaced in any letter case, with
possessives kept ("Jo's" -> "Adult A's").

A name that is also an ordinary word ("Dawn", "Brook", "May") is replaced only where it is
written with a capital letter, so "at dawn" survives while "Dawn said" does not; a practitioner
field is split into a name and a job title ("S. O'Sullivan, Social Worker, North Children's
Services"), and only the name is hidden. Labels themselves are never rewritten.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from .text import ascii_fold, clean

TITLES = {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "rev", "revd", "cllr"}
RELATIVES = {"nan", "nana", "nanna", "nanny", "gran", "granny", "grandma", "grandad", "granddad", "grandpa",
             "grandmother", "grandfather", "aunt", "auntie", "aunty", "uncle", "cousin", "mum", "dad"}
# Words of a job title or an organisation: in a practitioner's field they are never a name.
ROLE_WORDS = set("""social worker workers senior manager team practitioner officer services service children's
childrens children child council family families support assistant lead advanced principal student newly
qualified health visitor nurse school safeguarding early help county city borough district demo trainee agency
locum independent reviewing iro sw asw and of the for in at consultant specialist coordinator co-ordinator
designated teacher head deputy mentor worker's north south east west central""".split())
# Ordinary English words that are also first names or surnames: replaced only when capitalised.
COMMON = set("""a an and as at be by do go he if in is it me my no of oh on or so to up us we ha ho le ma mo
yu la
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday
summer autumn winter spring dawn eve faith hope grace joy charity patience prudence honour mercy
rose lily daisy poppy ivy holly hazel heather violet iris jasmine willow rowan ash river sky storm sunny
ruby amber pearl crystal jade misty star angel melody harmony destiny precious princess
king duke earl prince rocky hunter chase mason cooper archer carter taylor parker tanner fletcher miller
baker cook butcher bishop knight page bell reed marsh moss wood woods forest field fields hill hills dale
lane ford bridge brook brooks rivers banks beach shore stone rock wells waters springs north south east west
young white black brown green grey gray gold silver rich sharp strong long short small little bright swift
wise good best love sweet noble proud kind bond frank will bill mark pat sue bob rob jack sandy rusty sonny
nick carol art ray gene guy max don drew chip bud lance rod jet cash rex major marshal judge lord dean
parish church chapel hall house castle tower gate gates wall walls burns hart hunt fox wolf lamb bird crow
swan finch robin wren drake hawk crane bull buck hare bear lion salmon fish pike bass pepper ginger honey
sugar candy cherry berry apple olive clay flint cliff glen heath lea lee barley cotton sea lake pool bath
moon sun day night street park field cross church well penny jewel early late hale best fair""".split())
# The tool's own words (the templates', the report's): a name that is one of them ("Baby Fenwick", a child
# known as "Child", a hidden entry "Report") is replaced only where capitalised in what people said, and
# never in the tool's wording, so "the baby's health" never becomes "the Child A's health".
COMMON |= set("""baby babies unborn newborn infant toddler child children child's kid kids teenager teen young
person people adult adults parent parents carer carers mother father mum mummy dad daddy family report reports
neglect analysis practitioner practitioners interview interviews professional professionals school nursery
teacher home day days life tool health safety care worry worries strength strengths summary section page
morning afternoon evening bedtime breakfast lunch dinner tea weekend weekends holiday holidays the this that
what who when where which why how""".split())
MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"}
PLACE_WORDS = set("""school primary secondary academy nursery college university preschool pre-school infant
infants junior road rd street st lane avenue ave close drive way crescent court place square gardens grove
terrace hill park estate house flats flat tower centre center hub surgery clinic hospital practice medical
church mosque temple gurdwara synagogue club library station farm village town city green row walk mews view
rise parade bridge cottage manor lodge ward unit home hostel refuge office county borough
wynd brae loan gate ffordd heol stryd lôn lon rhodfa cilgant ysgol meithrin feithrinfa meddygfa ysbyty""".split())
# (the last line: Scots and Welsh words for a street, and Welsh for school, nursery, surgery and hospital)
# Words of an organisation's or a place's name that are ordinary words everywhere else.
GENERIC = set("""family families community communities care youth offending hub group trust nhs foundation
partnership project charity centre services service network alliance association society board authority
department unit new old great royal general upper lower high middle little saint st the of and for
international national local regional united free open""".split())
_TOWN_ENDINGS = ("ford", "ton", "ham", "bury", "field", "combe", "wich", "stead", "worth", "mouth", "chester",
                 "caster", "borough", "burgh", "pool", "port", "minster", "thorpe", "wick", "hurst", "bridge")
_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b", re.IGNORECASE)
_APOSTROPHES, _HYPHENS = "'’‘`ʼ", "-‐‑–"
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
SURNAME, REFERENCE, WITHHELD = "[surname]", "[case reference]", "withheld"


def _norm(text: str) -> str:
    """The form tokens are compared in: any case, any apostrophe or hyphen, any run of spaces."""
    text = re.sub(f"[{_APOSTROPHES}]", "'", text)
    text = re.sub(f"[{_HYPHENS}]", "-", text)
    return re.sub(r"\s+", " ", text.strip()).casefold()


def _regex(token: str) -> str:
    out = []
    for ch in token:
        out.append(f"[{_APOSTROPHES}]" if ch == "'" else f"[{_HYPHENS}]" if ch == "-" else
                   r"\s+" if ch == " " else re.escape(ch))
    return "".join(out)


def _letter(i: int) -> str:
    return _LETTERS[i] if i < 26 else str(i + 1)


def _words(name: str) -> list[str]:
    return [w for w in re.split(r"\s+", clean(name).strip()) if w]


def _bare(word: str) -> str:
    return _norm(word).strip(".,;:()[]\"'")


def name_part(field: str) -> str:
    """A practitioner's field less its job title: 'S. O'Sullivan, Social Worker' -> "S. O'Sullivan"."""
    return re.split(r"\s*(?:,|\(|/|\||\s[-–—]\s)\s*", clean(field).strip(), maxsplit=1)[0].strip()


def hidden_kind(entry: str) -> str:
    """'place' for something that reads as a place (a school, street, postcode, a house number), else 'name'."""
    words = {_bare(w) for w in _words(entry)}
    if words & PLACE_WORDS or _POSTCODE.search(entry) or re.search(r"\d", entry):
        return "place"
    if len(words) == 1 and _bare(entry).endswith(_TOWN_ENDINGS):
        return "place"
    return "name"


@dataclass
class _Token:
    label: str
    person: bool    # a person's own label (a title before it goes too: "Mrs Jo Smith" -> "Adult A")
    weak: bool      # an ordinary word as well as a name: replaced only when capitalised
    level: int      # 0 whole names and entries, 1 first and middle names, 2 surnames and parts


class Anonymiser:
    """Replaces the case's names in text. With `active` False every method hands text back as typed."""

    def __init__(self, active: bool = True):
        self.active = active
        self._tokens: dict[str, _Token] = {}
        self._people: dict[str, str] = {}          # a whole name as given -> its label
        self._others: dict[str, str] = {}          # names met only through name(): Person A ...
        self.counts = {"children": 0, "adults": 0, "practitioners": 0, "place": 0, "name": 0, "reference": 0}
        self._pattern: re.Pattern | None = None
        self._protect: re.Pattern | None = None

    # ------------------------------------------------------------------ what is hidden

    def _add(self, token: str, label: str, level: int, person: bool, weak: bool = False) -> None:
        key = _norm(token)
        if len(key.replace(" ", "")) < 2 or not any(ch.isalpha() or ch.isdigit() for ch in key):
            return
        old = self._tokens.get(key)
        if old is not None and old.level <= level:
            return
        weak = weak or (" " not in key and _bare(key) in COMMON)
        self._tokens[key] = _Token(label, person, weak, level)
        folded = ascii_fold(key)  # "Siobhan" typed for "Siobhán"
        if folded != key and len(folded) >= len(key) - 2 and folded not in self._tokens:
            self._tokens[folded] = _Token(label, person, weak, level)
        self._pattern = None

    def _add_name_parts(self, name: str, label: str, person: bool, family: bool = False,
                        skip: frozenset[str] | set[str] = frozenset()) -> None:
        """First, middle and last names and the pieces of a double-barrelled one. `family`: a lone
        surname is the family's ([surname]), not this person's."""
        words = [w.strip(",;:") for w in _words(name) if _bare(w) not in TITLES | RELATIVES | skip]
        words = [w for w in words if len(w.strip(".")) > 1]  # initials ("S.") are not names
        if not words:
            return
        if len(words) > 1:
            self._add(" ".join(words), label, 0, person)
        last = SURNAME if family else label
        for i, word in enumerate(words):
            if word[:1].islower() and i:           # "de", "van", "bin": only with the rest of the name
                continue
            surname = i == len(words) - 1 and i > 0
            pieces = re.split(f"[{_HYPHENS}{_APOSTROPHES}]", word)  # "O'Neill-Ward": "Neill", "Ward"
            for part in [word] + (pieces if len(pieces) > 1 else []):
                if part is word or len(part) > 2:
                    self._add(part, last if surname else label, 2 if surname else 1,
                              person and not (surname and family))
        if len(words) > 2 and words[1][:1].islower():  # "de la Cruz" as a surname phrase
            self._add(" ".join(words[1:]), last, 2, person and not family)

    def add_person(self, full: str, label: str, known_as: str = "") -> None:
        """A member of the household: whole name, known-as, each part; a lone surname becomes [surname]."""
        full = clean(full).strip()
        if not full:
            return
        self._people.setdefault(_norm(full), label)
        self._add(full, label, 0, True)
        if known_as.strip():
            self._add(known_as.strip(), label, 0, True)
            self._people.setdefault(_norm(known_as), label)
        self._add_name_parts(full, label, True, family=True)

    def add_practitioner(self, field: str, label: str) -> None:
        """Whoever wrote the analysis or held an interview: the whole field and the name in it, never the
        words of a job title."""
        field = clean(field).strip()
        name = name_part(field)
        if not name or not [w for w in _words(name) if _bare(w) not in ROLE_WORDS | TITLES]:
            return  # "Social worker": a role, not a name
        for whole in (field, name):
            self._people.setdefault(_norm(whole), label)
            self._add(whole, label, 0, True)
        self._add_name_parts(name, label, True, skip=ROLE_WORDS)

    def add_hidden(self, entry: str) -> str:
        """One of the case's other names and places; returns its label."""
        entry = clean(entry).strip()
        if not entry:
            return ""
        key = _norm(entry)
        if key in self._tokens and self._tokens[key].level == 0:
            return self._tokens[key].label
        kind = hidden_kind(entry)
        self.counts[kind] += 1
        label = f"[{kind} {self.counts[kind]}]"
        self._add(entry, label, 0, False)
        words = _words(entry)
        if words and _bare(words[0]) in TITLES | RELATIVES:
            self._add(" ".join(words[1:]), label, 0, False)
        named = [w for w in words if _bare(w) not in TITLES | RELATIVES]
        ordinary = PLACE_WORDS | ROLE_WORDS | GENERIC
        if kind == "name" and 0 < len(named) <= 3 and all(w[:1].isupper() and _bare(w) not in ordinary
                                                          for w in named):
            self._add_name_parts(entry, label, False)   # a person: "Dr Ezeji", "Nana Pearl"
        else:  # a place or an organisation: its distinctive words ("Puddlecombe"), only where capitalised
            for word in named:
                bare = word.strip(".,;:()")
                if len(bare) > 3 and bare[:1].isupper() and _bare(bare) not in ordinary | COMMON:
                    self._add(bare, label, 2, False, weak=True)
        return label

    def add_reference(self, reference: str) -> None:
        reference = clean(reference).strip()
        if reference:
            self.counts["reference"] = 1
            self._add(reference, REFERENCE, 0, False)
            spaced = re.sub(r"[\s/\\_.:-]+", " ", reference).strip()
            if spaced != reference:
                self._add(spaced, REFERENCE, 0, False)

    # ------------------------------------------------------------------ replacing

    def _compile(self) -> None:
        keys = sorted(self._tokens, key=len, reverse=True)
        titles = "|".join(sorted(TITLES, key=len, reverse=True))
        alternatives = "|".join(_regex(k) for k in keys) or r"(?!x)x"
        self._pattern = re.compile(rf"(?<!\w)(?P<title>(?:{titles})\.?\s+)?(?P<tok>{alternatives})"
                                   rf"(?P<plural>e?s)?(?P<poss>[{_APOSTROPHES}](?![\w]))?(?!\w)", re.IGNORECASE)
        labels = sorted({t.label for t in self._tokens.values()} | set(self._others.values()), key=len,
                        reverse=True)
        self._protect = (re.compile(r"(?<!\w)(?:" + "|".join(re.escape(label) for label in labels) + r")(?!\w)")
                         if labels else None)

    def _replace(self, m: re.Match, strong_only: bool) -> str:
        word, title, poss = m.group("tok"), m.group("title") or "", m.group("poss") or ""
        token, plural = self._tokens.get(_norm(word)), m.group("plural") or ""
        if token is None:
            return m.group(0)
        if plural and token.label != SURNAME:
            # only a family's name takes a plural ("the Hartleys"); a person's name with a bare "s" is a
            # possessive written without its apostrophe, as children write ("Kacpers phone")
            if plural.lower() != "s" or token.weak or poss or not token.person:
                return m.group(0)
            plural, poss = "", "'s"
        if token.weak:
            before, after = m.string[:m.start("tok")], m.string[m.end("tok"):]
            month = _bare(word) in MONTHS and (re.search(r"(?<!\d)\d{1,2}(?:st|nd|rd|th)?\s+$", before)
                                               or re.match(r"\s+\d", after))
            if strong_only or not word[:1].isupper() or month:
                return m.group(0)
        if poss and not plural and word[-1:].lower() in "sxz":
            poss += "s"   # "Jones' house" -> "[surname]'s house"
        if token.person and title[:1].isupper():
            title = ""   # "Mrs Jo Smith" -> "Adult A"; but "I miss Jo" keeps its verb
        return title + token.label + plural + poss

    def text(self, text: str | None, *, strong_only: bool = False) -> str:
        """Text with every known name replaced. `strong_only`: leave the names that are also ordinary
        words (for the tool's own words, where "Summer holidays" is not a name)."""
        text = clean(text)
        if not self.active or not text or not self._tokens:
            return text
        if self._pattern is None:
            self._compile()
        out, last = [], 0
        spans = [m.span() for m in self._protect.finditer(text)] if self._protect else []
        for start, end in spans + [(len(text), len(text))]:
            out.append(self._pattern.sub(lambda m: self._replace(m, strong_only), text[last:start]))
            out.append(text[start:end])
            last = end
        return "".join(out)

    def name(self, full: str) -> str:
        """A person's name as the report shows it: their label, or (a name the case does not know)
        a label of its own."""
        full = clean(full).strip()
        if not self.active:
            return full
        if not full:
            return ""
        key = _norm(full)
        label = self._people.get(key) or self._people.get(_norm(name_part(full)))
        if label is None:
            label = self._others.setdefault(key, f"Person {_letter(len(self._others))}")
            self._pattern = None
        return label

    def reference(self, reference: str) -> str:
        return WITHHELD if self.active else clean(reference)

    def tokens(self) -> list[str]:
        """The names being hidden (for tests and checks)."""
        return sorted(self._tokens)

    def mentions_any(self, text: str) -> bool:
        """True when the text holds a name or entry of the case (a folder path, say)."""
        return self.active and bool(self._tokens) and self.text(text, strong_only=True) != clean(text)

    def summary(self) -> str:
        """What was hidden, in kinds and numbers (never the names), for the cover."""
        c = self.counts
        people = [f"{n} {one if n == 1 else many}" for n, one, many in
                  ((c["children"], "child", "children"), (c["adults"], "adult", "adults")) if n]
        kinds = [f"the names of the household ({' and '.join(people) or 'none recorded'}; shown as Child A, "
                 f"Adult A and so on)"]
        if c["practitioners"]:
            kinds.append("the practitioner's name" if c["practitioners"] == 1 else
                         f"the names of {c['practitioners']} practitioners")
        if c["reference"]:
            kinds.append("the case reference")
        listed = [f"{c[k]} {k}{'' if c[k] == 1 else 's'}" for k in ("name", "place") if c[k]]
        if listed:
            kinds.append(f"{' and '.join(listed)} listed to hide for this case (shown as [name 1], [place 1] …)")
        said = ", ".join(kinds[:-1]) + (" and " if len(kinds) > 1 else "") + kinds[-1]
        return (f"Anonymised report. Replaced with labels: {said}. Where each interview was held is left out. "
                f"What people said in their own words may "
                f"still identify the family (a nickname, a pet, a street, a job, an event): read the whole "
                f"report and check it before you share it.")


def anonymiser_for(case, active: bool = True) -> Anonymiser:
    """The anonymiser for every report of a case: the same person has the same label in each."""
    anon = Anonymiser(active)
    for i, child in enumerate(case.children):
        anon.add_person(child.name, f"Child {_letter(i)}", child.known_as)
    for i, adult in enumerate(case.adults):
        anon.add_person(adult.name, f"Adult {_letter(i)}")
    anon.counts["children"], anon.counts["adults"] = len(case.children), len(case.adults)
    for i, relative in enumerate(case.family.relatives):  # the wider family: labelled too (by role in the genogram)
        anon.add_person(relative.name, f"Relative {_letter(i)}")
    fields: list[str] = [case.practitioner]
    fields += [getattr(case.analyses.get(c.id), "practitioner", "") for c in case.children]
    fields += [iv.practitioner for c in case.children for iv in c.interviews]
    for analysis in case.analyses.values():  # who wrote each kept version, who reviewed it
        fields += [v.by for v in analysis.versions] + [r.by for r in analysis.reviews]
    seen: dict[str, str] = {}
    for field in fields:
        name = name_part(field or "")
        if not name or not [w for w in _words(name) if _bare(w) not in ROLE_WORDS | TITLES]:
            continue
        label = seen.setdefault(_norm(name), f"Practitioner {_letter(len(seen))}")
        anon.add_practitioner(field, label)
    anon.counts["practitioners"] = len(seen)
    for entry in _entries(case.hidden):
        anon.add_hidden(entry)
    anon.add_reference(case.reference)
    return anon


def _entries(hidden: Iterable[str]) -> list[str]:
    return [e for e in (clean(h).strip() for h in hidden) if e]


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"


def scrub_document(doc, anon: Anonymiser) -> None:
    """A last pass over every part of the finished document (body, tables, headers, footers, alt
    text, properties) for the case's names: whatever reached the page without passing the
    anonymiser is caught here. Names that are also ordinary words are left to the first pass,
    which knows which words a person typed."""
    if not anon.active:
        return
    for part in doc.part.package.iter_parts():
        root = getattr(part, "_element", None)
        if root is None:
            continue
        for el in root.iter(f"{_W}t"):
            if el.text:
                el.text = anon.text(el.text, strong_only=True)
        for el in root.iter(f"{_WP}docPr"):
            for attr in ("title", "descr", "name"):
                if el.get(attr):
                    el.set(attr, anon.text(el.get(attr), strong_only=True))
    props = doc.core_properties
    for attr in ("title", "subject", "author", "last_modified_by", "keywords", "comments", "category",
                 "content_status", "identifier", "version"):
        value = getattr(props, attr) or ""
        if value:
            setattr(props, attr, anon.text(value, strong_only=True)[:255])
