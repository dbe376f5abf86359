"""An organisation's base document is untrusted (issue 13): relationships pointing outside it go
from every part and from the package itself (a hyperlink to a web page or an e-mail address stays;
one to a file or a network share goes, its text kept), and a damaged or booby-trapped one is refused
in words, never with a parser's class name or message."""

from __future__ import annotations

import io
import zipfile

import pytest

from dayinlife.report import ReportError, ReportOptions, report_bytes
from tests.test_report import TODAY, full_case, org_base

IMAGE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
LINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


@pytest.fixture
def case(library):
    return full_case(library)


def rewritten(source, target, change):
    """A copy of the .docx `source` with `change(name, bytes) -> bytes | None` (None: left out)."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            body = change(item.filename, zin.read(item))
            if body is not None:
                zout.writestr(item, body)
    return target


def rel(rid, kind, target, mode="External"):
    return f'<Relationship Id="{rid}" Type="{kind}" Target="{target}" TargetMode="{mode}"/>'.encode()


def parts_of(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return "\n".join(z.read(n).decode("utf-8", "replace") for n in z.namelist()
                         if n.endswith(".xml") or n.endswith(".rels"))


def test_external_relationships_go_from_the_package_and_every_part(case, library, tmp_path):
    base = org_base(tmp_path / "plain.docx")
    hyperlinks = (f'<w:p xmlns:w="{W}" xmlns:r="{R}"><w:hyperlink r:id="rIdWeb"><w:r><w:t>council web site</w:t>'
                  f'</w:r></w:hyperlink><w:hyperlink r:id="rIdShare"><w:r><w:t>team share</w:t></w:r></w:hyperlink>'
                  f'</w:p>').encode()

    def change(name, body):
        if name == "_rels/.rels":
            return body.replace(b"</Relationships>", rel("rIdX1", IMAGE, "http://evil.example/p.png")
                                + rel("rIdX2", LINK, "file://///evil.example/share/x") + b"</Relationships>")
        if name == "word/_rels/header1.xml.rels" or name == "word/_rels/document.xml.rels":
            return body.replace(b"</Relationships>", rel("rIdWeb", LINK, "https://www.anyshire.example/")
                                + rel("rIdShare", LINK, "file://///evil.example/share/y")
                                + rel("rIdPic", IMAGE, "http://evil.example/q.png") + b"</Relationships>")
        if name == "word/header1.xml":
            return body.replace(b"</w:hdr>", hyperlinks + b"</w:hdr>")
        return body

    hostile = rewritten(base, tmp_path / "hostile.docx", change)
    with zipfile.ZipFile(hostile) as z:
        assert "word/header1.xml" in z.namelist()  # (the header the links are put in is there)
    data = report_bytes(case, case.children[0], library, ReportOptions(base_document=hostile), today=TODAY)
    xml = parts_of(data)
    assert "evil.example" not in xml
    assert "https://www.anyshire.example/" in xml  # a web page a reader may click stays
    assert "council web site" in xml and "team share" in xml  # the text of a link that went stays


@pytest.mark.parametrize("how, words", [
    ("no styles part", "a part it points to (word/styles.xml) is missing"),
    ("billion laughs", "uses entities"),
    ("entity from a file", "uses entities"),
    ("cut short", "damaged or cut short"),
    ("upper-case EXTERNAL", "one of its links is damaged"),
    ("entity in the header", "uses entities"),
    ("no section", "it has no page set-up"),
    ("macros", "it holds macros"),
])
def test_a_damaged_or_booby_trapped_base_is_refused_in_words(case, library, tmp_path, how, words):
    base = org_base(tmp_path / "plain.docx")
    laughs = (b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">'
              + b"".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">'.encode() for i in range(9))
              + b"]>" + f'<w:styles xmlns:w="{W}"><w:style w:styleId="x"><w:name w:val="&j;"/></w:style></w:styles>'.encode())
    from_file = (f'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/hostname">]>'
                 f'<w:styles xmlns:w="{W}"><w:style w:styleId="x"><w:name w:val="&x;"/></w:style></w:styles>').encode()

    def change(name, body):
        if how == "no styles part" and name == "word/styles.xml":
            return None
        if how == "billion laughs" and name == "word/styles.xml":
            return laughs
        if how == "entity from a file" and name == "word/styles.xml":
            return from_file
        if how == "entity in the header" and name == "word/header1.xml":
            return body.replace(b"<w:hdr", b'<!DOCTYPE w:hdr [<!ENTITY e "hello">]><w:hdr', 1).replace(
                b"Anyshire Council", b"&e; Council")
        if how == "no section" and name == "word/document.xml":
            return (f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>x</w:t></w:r></w:p></w:body>'
                    f'</w:document>').encode()
        if how == "macros" and name == "[Content_Types].xml":
            return body
        if how == "upper-case EXTERNAL" and name == "word/_rels/document.xml.rels":
            return body.replace(b"</Relationships>", rel("rIdE", IMAGE, "http://evil.example/f", "EXTERNAL")
                                + b"</Relationships>")
        return body

    if how == "macros":
        base = rewritten(base, tmp_path / "with macros.docx", lambda name, body: body)
        with zipfile.ZipFile(base, "a") as z:
            z.writestr("word/vbaProject.bin", b"\xd0\xcf\x11\xe0 not really a macro")
    if how == "cut short":
        whole = base.read_bytes()
        bad = tmp_path / "bad.docx"
        bad.write_bytes(whole[: len(whole) * 2 // 3])
    else:
        bad = rewritten(base, tmp_path / "bad.docx", change)
    with pytest.raises(ReportError) as err:
        report_bytes(case, case.children[0], library, ReportOptions(base_document=bad), today=TODAY)
    said = str(err.value)
    assert words in said, said
    for internal in ("KeyError", "XMLSyntaxError", "BadZipFile", "Error:", "archive", "xmlCtxt", "<string>"):
        assert internal not in said, said
