"""The small python-docx helpers the report needs: the base document, styles that may be
missing from it, text in either writing direction, shading, column widths, alt text, fields."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from .. import files
from .options import ReportError
from .text import clean, direction_runs, starts_rtl

HEADINGS = ("Heading 1", "Heading 2", "Heading 3")
_DOCUMENT_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_TEMPLATE_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# An organisation's base document is a few megabytes at most (styles, a logo). Far more unpacked is
# not a letterhead: a zip bomb took 45 s and 8 GB before failing.
BASE_UNPACKED_LIMIT = 60 * 1024 * 1024
BASE_PARTS_LIMIT = 2000
_HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
_R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


# ---------------------------------------------------------------------------- the base document


def new_document(base: Path | None):
    """A document to build on: the organisation's own (its styles, page, header, footer and logo,
    with its body emptied), or a plain A4 one."""
    if base is None:
        doc = docx.Document()
        for section in doc.sections:
            section.orientation = WD_ORIENT.PORTRAIT
            section.page_width, section.page_height = Cm(21.0), Cm(29.7)
            section.left_margin = section.right_margin = Cm(2.0)
            section.top_margin, section.bottom_margin = Cm(2.0), Cm(1.8)
        normal = doc.styles["Normal"]
        normal.font.name, normal.font.size = "Arial", Pt(11)  # plain sans serif, as public-sector guides ask
        # single lines with a half-line between paragraphs, as an assessment is laid out (the blank
        # template's 1.15 lines and 10 pt after spread a report over a third more pages)
        normal.paragraph_format.line_spacing = 1.0
        normal.paragraph_format.space_after = Pt(6)
        return doc
    doc = _open_base(Path(base))
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    return doc


def _open_base(path: Path):
    name = path.name
    try:
        data = files.read_limited(path, BASE_UNPACKED_LIMIT, "letterhead")
    except FileNotFoundError:
        raise ReportError(f"The organisation's template {name} cannot be found.") from None
    except IsADirectoryError:
        raise ReportError(f"The organisation's template {name} is a folder, not a Word document.") from None
    except OSError as exc:
        raise ReportError(f"The organisation's template {name} cannot be read ({exc.strerror or exc}).") from None
    if data.startswith(_OLE_MAGIC):
        raise ReportError(f"The organisation's template {name} cannot be used: it is password-protected, or in "
                          f"the old Word 97-2003 format. Save an unprotected copy as a Word document (.docx).")
    if not data.startswith(b"PK"):
        raise ReportError(f"The organisation's template {name} cannot be used: it is not a Word document (.docx).")
    try:
        data = _as_document(data)
        doc = docx.Document(io.BytesIO(data))
    except _Refused as exc:
        raise ReportError(f"The organisation's template {name} cannot be used: {exc}") from None
    except Exception as exc:  # zip, XML or package errors: all mean the file is damaged
        raise ReportError(f"The organisation's template {name} cannot be used: {_what_is_wrong(exc)}. "
                          f"{_SAVE_AGAIN}") from None
    if not doc.sections:  # every document Word saves has its page set-up; the report needs one
        raise ReportError(f"The organisation's template {name} cannot be used: it has no page set-up (section), "
                          f"which every document saved by Word has. Save it again from Word, or ask for a fresh "
                          f"copy.")
    strip_external(doc)  # nothing fetched from elsewhere when the report is opened
    missing = [h for h in HEADINGS if h not in doc.styles]
    if missing:
        raise ReportError(f"The organisation's template {name} cannot be used: it has no {', '.join(missing)} "
                          f"style(s), which Word's navigation pane and the report's headings need. Add the "
                          f"built-in heading styles to it (use each once in Word) and save it again.")
    return doc


_ENTITY_WORDS = ("its XML uses entities (text defined once and repeated, or brought in from another file), "
                 "which a Word document never needs and which could make it very large or read other files")


def _what_is_wrong(exc: Exception) -> str:
    """A damaged base document's fault, in words (never a class name or a parser's own message)."""
    text = str(exc)
    if isinstance(exc, zipfile.BadZipFile) or "zip" in text.lower():
        return "it is damaged or cut short (it cannot be unpacked as a Word document is)"
    if isinstance(exc, KeyError) and "There is no item named" in text:
        import re

        m = re.search(r"named '([^']{1,80})'", text)
        return f"a part it points to ({m.group(1)}) is missing from it" if m else "a part it points to is missing"
    if exc.__class__.__name__ == "XMLSyntaxError":
        if "entit" in text.lower() or "amplification" in text.lower():
            return _ENTITY_WORDS
        return "its XML is damaged"
    return "it is damaged"


_SAVE_AGAIN = "Save it again from Word as a Word document (.docx), or ask for a fresh copy."


class _Refused(Exception):
    """A base document refused for what it is: its words finish "… cannot be used: "."""


_CLICKABLE = ("http://", "https://", "mailto:")  # a web page or an e-mail address, as a letterhead's footer has


def strip_external(doc) -> int:
    """Remove every relationship of the base document that points outside it and that Word would
    fetch on opening (an attached template on a remote address, a linked picture, a linked object, a
    frame), in every part and in the package itself, with what refers to it, so a report never reaches
    out when it is opened. A hyperlink a reader must click stays if it is a web page or an e-mail
    address; one to a file or a network share (file://, \\\\server) goes, its text kept. Fields that
    fetch go too (_strip_fetching_fields). Returns how many were removed."""
    removed = 0
    package = doc.part.package
    for rid, rel in list(package.rels.items()):  # _rels/.rels: nothing in a document refers to these
        if rel.is_external:
            del package.rels[rid]
            removed += 1
    for part in package.iter_parts():
        element = getattr(part, "_element", None)
        for rid, rel in list(part.rels.items()):
            if not rel.is_external:
                continue
            if rel.reltype == _HYPERLINK and str(rel.target_ref).strip().lower().startswith(_CLICKABLE):
                continue
            if element is not None:
                _drop_references(element, rid)
            del part.rels[rid]
            removed += 1
        if element is not None and part.partname.endswith(".xml"):
            removed += _strip_fetching_fields(element)
    return removed


def _drop_references(element, rid: str) -> None:
    """What in a part refers to a relationship being removed: an attached template goes, a
    hyperlink becomes its plain text, any other reference loses the attribute."""
    for node in list(element.iter()):
        for attr, value in list(node.attrib.items()):
            if value != rid or not attr.startswith("{" + _R_NS + "}"):
                continue
            if node.tag == qn("w:attachedTemplate"):
                node.getparent().remove(node)
            elif node.tag == qn("w:hyperlink"):
                parent = node.getparent()
                at = parent.index(node)
                for child in list(node):
                    parent.insert(at, child)
                    at += 1
                parent.remove(node)
            else:
                del node.attrib[attr]
            break


# Field codes that bring in something from another file or address when Word updates them (and a
# header's fields update on opening). What the field last showed stays, as plain text.
_FETCHING_FIELDS = {"INCLUDEPICTURE", "INCLUDETEXT", "INCLUDE", "LINK", "DDE", "DDEAUTO", "IMPORT"}


def _fetches(instruction: str) -> bool:
    words = instruction.split()
    return bool(words) and words[0].upper() in _FETCHING_FIELDS


def _strip_fetching_fields(element) -> int:
    removed = 0
    for simple in list(element.iter(qn("w:fldSimple"))):
        if _fetches(simple.get(qn("w:instr"), "")):
            parent = simple.getparent()
            at = parent.index(simple)
            for child in list(simple):
                parent.insert(at, child)
                at += 1
            parent.remove(simple)
            removed += 1
    # A field in runs: begin, its instruction (often split over runs), separate, what it shows, end.
    stack: list[dict] = []
    for node in list(element.iter(qn("w:fldChar"), qn("w:instrText"))):
        if node.tag == qn("w:instrText"):
            if stack:
                stack[-1]["code"].append(node)
            continue
        kind = node.get(qn("w:fldCharType"))
        if kind == "begin":
            stack.append({"marks": [node], "code": []})
        elif kind == "separate" and stack:
            stack[-1]["marks"].append(node)
        elif kind == "end" and stack:
            field = stack.pop()
            field["marks"].append(node)
            if _fetches("".join(n.text or "" for n in field["code"])):
                for n in field["marks"] + field["code"]:
                    n.getparent().remove(n)
                removed += 1
    return removed


def _as_document(data: bytes) -> bytes:
    """A Word template (.dotx) is a document with another content type: open it as one."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        if "[Content_Types].xml" not in z.namelist() or "word/document.xml" not in z.namelist():
            raise _Refused("it is not a Word document (.docx).")  # some other zip: a spreadsheet, an archive ...
        infos = z.infolist()
        if len(infos) > BASE_PARTS_LIMIT or sum(i.file_size for i in infos) > BASE_UNPACKED_LIMIT:
            raise _Refused(f"unpacked it would be far larger than any letterhead (over "
                           f"{BASE_UNPACKED_LIMIT // (1024 * 1024)} MB). Save a copy with only its styles, header, "
                           f"footer and logo.")
        names = z.namelist()
        if any(n.lower().endswith("vbaproject.bin") for n in names):
            raise _Refused("it holds macros (it is a macro-enabled document, .docm, whatever its name). Save a "
                           "copy from Word as a Word document (.docx), without macros.")
        for item in infos:  # every part, headers and footers too: python-docx drops a DOCTYPE, not its entities
            if item.filename.lower().endswith((".xml", ".rels")):
                head = z.read(item.filename)
                if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                    raise _Refused(f"{_ENTITY_WORDS}. {_SAVE_AGAIN}")
                if item.filename.lower().endswith(".rels") and any(
                        mode not in (b"External", b"Internal") for mode in re.findall(rb'TargetMode="([^"]*)"', head)):
                    # e.g. "EXTERNAL": read as a part inside, which is not there
                    raise _Refused(f"one of its links is damaged (it is marked in a way Word never writes). "
                                   f"{_SAVE_AGAIN}")
        types = z.read("[Content_Types].xml")
        if _TEMPLATE_CT.encode() not in types:
            return data
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as w:
            for item in z.infolist():
                body = z.read(item.filename)
                if item.filename == "[Content_Types].xml":
                    body = body.replace(_TEMPLATE_CT.encode(), _DOCUMENT_CT.encode())
                w.writestr(item, body)
        return out.getvalue()


class Styles:
    """The style names to use, falling back cleanly where a base document lacks one."""

    def __init__(self, doc):
        names = {s.name for s in doc.styles}
        self.title = "Title" if "Title" in names else "Heading 1"
        self.quote = "Quote" if "Quote" in names else None
        self.bullet = "List Bullet" if "List Bullet" in names else None
        self.caption = "Caption" if "Caption" in names else None
        self.header = "Header" if "Header" in names else None
        self.footer = "Footer" if "Footer" in names else None
        self.table = next((t for t in ("Table Grid", "Light Grid Accent 1") if t in names), None)


# ---------------------------------------------------------------------------- text


def add_text(paragraph, text: str, *, bold: bool = False, italic: bool = False, size: float | None = None):
    """Text exactly as typed: line breaks as breaks, tabs as tabs, right-to-left pieces marked so."""
    text = clean(text)
    for piece, rtl in direction_runs(text):
        run = paragraph.add_run(piece)
        if bold:
            run.bold = True
        if italic:
            run.italic = True
        if size:
            run.font.size = Pt(size)
        if rtl:
            run.font.rtl = True
    if starts_rtl(text):
        set_bidi(paragraph)
    return paragraph


_AFTER_BIDI = ("w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
               "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
               "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
               "w:pPrChange")


def set_bidi(paragraph) -> None:
    """A right-to-left paragraph (Arabic, Hebrew): it starts at the right margin."""
    p_pr = paragraph._p.get_or_add_pPr()
    if p_pr.find(qn("w:bidi")) is None:
        p_pr.insert_element_before(OxmlElement("w:bidi"), *_AFTER_BIDI)


def add_field(paragraph, instruction: str) -> None:
    """A Word field such as PAGE or NUMPAGES (Word and LibreOffice fill it in when shown)."""
    def fld_char(kind: str) -> None:
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        paragraph.add_run()._r.append(el)

    fld_char("begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    paragraph.add_run()._r.append(instr)
    fld_char("separate")
    paragraph.add_run("1")
    fld_char("end")


# ---------------------------------------------------------------------------- tables


def new_table(doc, rows: int, widths_cm: list[float], styles: Styles):
    table = doc.add_table(rows=rows, cols=len(widths_cm))
    if styles.table:
        table.style = styles.table
    else:
        _borders(table)
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    grid = table._tbl.tblGrid
    for col, w in zip(grid.findall(qn("w:gridCol")), widths_cm):
        col.set(qn("w:w"), str(int(Cm(w).twips)))
    return table


def fit_row(row, widths_cm: list[float]) -> None:
    for cell, w in zip(row.cells, widths_cm):
        cell.width = Cm(w)


def _borders(table) -> None:
    """Plain single borders, for a base document with no table styles (e.g. one from LibreOffice)."""
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "single")
        el.set(qn("w:sz"), "4")
        el.set(qn("w:space"), "0")
        el.set(qn("w:color"), "808080")
        borders.append(el)
    tbl_pr.append(borders)


def shade(cell, fill: str) -> None:
    """Cell shading (always paired with words or symbols: never colour alone)."""
    tc_pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tc_pr.append(shd)


def repeat_as_header(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def keep_row_together(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:cantSplit"))


def cell_text(cell, text: str, *, bold: bool = False, italic: bool = False, size: float | None = None):
    """Fill a new cell's first paragraph; more paragraphs for each further line group. No space after
    them: the cell's own margins part one row from the next."""
    out = add_text(cell.paragraphs[0], text, bold=bold, italic=italic, size=size)
    for paragraph in cell.paragraphs:
        paragraph.paragraph_format.space_after = Pt(0)
    return out


# ---------------------------------------------------------------------------- pictures


def space_after(run, points: float) -> None:
    """Widen the space after each character of `run` (a picture in the line: the gap after it)."""
    rpr = run._r.get_or_add_rPr()
    spacing = OxmlElement("w:spacing")
    spacing.set(qn("w:val"), str(int(points * 20)))  # twentieths of a point
    rpr.append(spacing)


def set_alt_text(inline_shape, title: str, description: str) -> None:
    """Alt text that screen readers and Word's accessibility checker read (docPr title/descr)."""
    doc_pr = inline_shape._inline.docPr
    doc_pr.set("title", clean(title))
    doc_pr.set("descr", clean(description))


# ---------------------------------------------------------------------------- the package


LANGUAGE = "en-GB"
_APP_XML = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
            'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
            '<Application>Day in My Life</Application><DocSecurity>0</DocSecurity></Properties>').encode("utf-8")
_THUMBNAIL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"
_APP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"
_CUSTOM_XML = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml"


def _cap(text: str) -> str:
    return clean(text)[:255]  # Word's limit for a property; python-docx refuses longer


def set_properties(doc, *, title: str, subject: str, author: str, status: str, when) -> None:
    """Fresh document properties: nothing kept from the template (its author, revision, dates,
    'generated by python-docx'). `when` is an aware datetime: python-docx writes it as UTC ('Z')."""
    from datetime import timezone

    props = doc.core_properties
    for child in list(props._element):
        props._element.remove(child)
    props.title, props.subject = _cap(title), _cap(subject)
    props.author = props.last_modified_by = _cap(author)
    props.content_status = _cap(status)
    props.language = LANGUAGE
    props.created = props.modified = when.astimezone(timezone.utc).replace(microsecond=0)
    props.revision = 1


def tidy_package(doc) -> None:
    """No trace of python-docx's own template: its blank thumbnail, its empty bibliography, its
    application name ('Microsoft Macintosh Word'); and UK English for Word's spelling checker."""
    package = doc.part.package
    for rel in [r for r in package.rels.values() if r.reltype == _THUMBNAIL]:
        del package.rels[rel.rId]
    for rel in package.rels.values():
        if rel.reltype == _APP and not rel.is_external:
            rel.target_part._blob = _APP_XML
    for rel in [r for r in doc.part.rels.values() if r.reltype == _CUSTOM_XML and not r.is_external]:
        blob = rel.target_part.blob
        if b"bibliography" in blob and b"<b:Source>" not in blob:  # an empty list of sources
            del doc.part.rels[rel.rId]
    settings = doc.settings.element
    for el in settings.findall(qn("w:savePreviewPicture")):
        settings.remove(el)  # or Word saves a new thumbnail of the first page
    for el in settings.findall(qn("w:themeFontLang")):
        el.set(qn("w:val"), LANGUAGE)
    _set_style_language(doc)


def _set_style_language(doc) -> None:
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), LANGUAGE)
    for el in styles.iter(qn("w:lang")):  # a style of its own in US English
        for attr, value in el.attrib.items():
            if value.lower() == "en-us":
                el.set(attr, LANGUAGE)
    for rel in doc.part.rels.values():  # Word 2010's copy of the styles
        if rel.reltype.endswith("/stylesWithEffects") and not rel.is_external:
            rel.target_part._blob = rel.target_part.blob.replace(b'="en-US"', b'="en-GB"')
