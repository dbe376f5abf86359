"""Text going into the report: made safe for XML, split by writing direction, and folded for file names
(anonymising is in anonymise.py).

Everything a person typed goes through `clean` so that a stray control character (pasted from
another system) is dropped instead of making the document unreadable; nothing else is changed.
"""

from __future__ import annotations

import re
import unicodedata

# XML 1.0 allows tab, newline, carriage return and the rest of Unicode except these.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean(text: str | None) -> str:
    """The text as typed, less what XML cannot hold, with every line ending as '\\n'."""
    if not text:
        return ""
    return _ILLEGAL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


# ---------------------------------------------------------------------------- writing direction


def _is_rtl_char(ch: str) -> bool:
    return unicodedata.bidirectional(ch) in ("R", "AL")


def _is_ltr_char(ch: str) -> bool:
    return unicodedata.bidirectional(ch) == "L"


def has_rtl(text: str) -> bool:
    return any(_is_rtl_char(ch) for ch in text)


def starts_rtl(text: str) -> bool:
    """True when the first letter with a direction is right-to-left (Arabic, Hebrew ...)."""
    for ch in text:
        if _is_rtl_char(ch):
            return True
        if _is_ltr_char(ch):
            return False
    return False


def direction_runs(text: str) -> list[tuple[str, bool]]:
    """The text cut into (piece, is_rtl) pieces; neutral characters (spaces, digits,
    punctuation) stay with the piece before them, so a run is marked right-to-left only where
    the letters are."""
    if not has_rtl(text):
        return [(text, False)]
    out: list[tuple[str, bool]] = []
    current, rtl = [], None
    for ch in text:
        here = True if _is_rtl_char(ch) else False if _is_ltr_char(ch) else None
        if here is not None and rtl is not None and here != rtl:
            out.append(("".join(current), rtl))
            current = []
        if here is not None:
            rtl = here
        current.append(ch)
    if current:
        out.append(("".join(current), bool(rtl)))
    return out


# ---------------------------------------------------------------------------- names and initials

_FOLD = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae",
                       "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "Þ": "Th", "ı": "i"})


def ascii_fold(text: str) -> str:
    """Letters without accents, for file names: 'Siobhán Łucja' -> 'Siobhan Lucja'."""
    text = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return "".join(ch for ch in text if ord(ch) < 128 and not unicodedata.combining(ch))


def initials(name: str) -> str:
    """'Jo Testperson' -> 'J.T.'; "Siobhán O'Neill-Ward" -> 'S.O.'; '' -> ''."""
    letters = []
    for part in name.split():
        first = next((ch for ch in part if ch.isalpha()), "")
        if first:
            letters.append(first.upper() + ".")
    return "".join(letters)
