"""Is this text? The last check of ``ingest.read``: refuse binary and mis-decoded content.

A reader can turn almost any bytes into a string: random bytes decode as Windows-1258 or as
printable ASCII, a page in the wrong code page decodes with replacement characters, a PDF font
without a Unicode map yields symbols. :func:`problem` looks at the text as read and names what is
wrong in one phrase, or returns None; ``ingest.read`` raises it as
:class:`~ingest.errors.BinaryContent` (the one error of the detector). The rules and their thresholds, measured on every real
document we have (942 texts of ../shared/corpus: dev, bulk, bulk2025, formats; the worst real
value in brackets), each with a wide margin:

- control characters (other than tab, line feed, carriage return, vertical tab, form feed):
  refused above 1 % of the characters (and at least 8); worst real document 0.24 % (U+0085 in a
  gazette text);
- U+FFFD replacement characters: above 0.5 % (and at least 8); none in a real document;
- letters outside the Latin script: above 30 % of the letters (and at least 20); worst real 1.7 %
  (Chinese names in a Vietnamese text);
- stray Latin-1 symbols, the mark of text read with the wrong code page (``Quyáº¿t Ä‘á»‹nh``):
  above 8 % of the letters (and at least 20); worst real 1.4 %;
- whitespace: below 5 % of the characters (given 500 visible characters); worst real 17.6 %;
- vowels among Latin letters: below 28 % or above 62 % (given 300 letters); real 36 %–47 %.

Random printable ASCII has ~1 % whitespace and ~23 % vowels; base64 and hex have no whitespace;
random code points are mostly CJK; random high bytes read as TCVN3 have no whitespace. The
statistical rules need a minimum of material (in brackets above), so a three-line notice is never
judged by its letter counts; the counts for control and replacement characters hold at any size.

Cost: control and replacement characters are counted over the whole text (C-speed scans); the
letter statistics over at most :data:`SAMPLE_WINDOWS` windows of :data:`WINDOW` characters spread
evenly over the text (the whole text when it is shorter), so a 20 M-character document costs the
same as a 32 K one.
"""
from __future__ import annotations

import re

from .legacy import HINT

__all__ = ["problem", "SAMPLE_WINDOWS", "WINDOW"]

SAMPLE_WINDOWS = 8
WINDOW = 4096

_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
# Counting is done on the ASCII part with bytes.translate (C speed, no list of matches) and on
# the rest with regular expressions that match rarely or only non-ASCII letters.
_ASCII = bytes(range(128))
_ASCII_LETTERS = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_NOT_ASCII_LETTER = bytes(c for c in _ASCII if c not in _ASCII_LETTERS)
_NOT_ASCII_VOWEL = bytes(c for c in _ASCII if c not in b"aeiouyAEIOUY")
_NOT_ASCII_SPACE = bytes(c for c in _ASCII if c not in b" \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f")
_WIDE_SPACE = re.compile(r"[\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]")
# letters of the Latin script beyond ASCII: Latin-1, Latin Extended-A/B, Latin Extended Additional
_WIDE_LATIN = re.compile(r"[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff]")
# the consonants among them (đ, ç, ñ, ß, š, ž …); the rest are vowels, with every Vietnamese one
_WIDE_CONSONANT = re.compile(r"[ĐđÇçÑñßŠšŽžŁłŚśŹźŻżĆćŃńŘřČčĎďŤťŇňĽľĹĺŔŕĜĝĞğĤĥĴĵĶķĻļŅņŖŗŞşŢţŦŧŴŵŶŷ]")
# letters outside the Latin script (CJK, Cyrillic, Greek, Arabic …)
_NON_LATIN = re.compile(r"[^\W\d_\x00-\u024f\u1e00-\u1eff]")

_SCRIPTS = (  # (first, last code point, name) of the scripts met when something is not Latin
    (0x0370, 0x03FF, "Greek"), (0x0400, 0x052F, "Cyrillic"), (0x0590, 0x05FF, "Hebrew"),
    (0x0530, 0x058F, "Armenian"), (0x0600, 0x08FF, "Arabic or Syriac"), (0x0900, 0x0DFF, "Indic"),
    (0x0E00, 0x0E7F, "Thai"), (0x0E80, 0x0EFF, "Lao"), (0x0F00, 0x0FFF, "Tibetan"), (0x1000, 0x109F, "Myanmar"),
    (0x10A0, 0x10FF, "Georgian"), (0x1100, 0x11FF, "Hangul"), (0x1780, 0x17FF, "Khmer"),
    (0x3040, 0x30FF, "Japanese kana"), (0x3400, 0x9FFF, "CJK"), (0xAC00, 0xD7AF, "Hangul"),
)


def _script(c: str) -> str:
    o = ord(c)
    for a, b, name in _SCRIPTS:
        if a <= o <= b:
            return name
    return "other non-Latin"


def _sample(text: str) -> str:
    if len(text) <= SAMPLE_WINDOWS * WINDOW:
        return text
    step = (len(text) - WINDOW) // (SAMPLE_WINDOWS - 1)
    return "\n".join(text[i * step:i * step + WINDOW] for i in range(SAMPLE_WINDOWS))


def _pct(x: float) -> str:
    return f"{100 * x:.1f}%" if x < 0.1 else f"{100 * x:.0f}%"


def problem(text: str) -> str | None:
    """One phrase saying why ``text`` is not a readable document, or None when it may be one."""
    n = len(text)
    if not n:
        return None
    fffd = text.count("\ufffd")
    if fffd >= 8 and fffd > 0.005 * n:
        return (f"mis-decoded text ({fffd} replacement characters U+FFFD, {_pct(fffd / n)} of the text: "
                f"wrong encoding or a damaged file)")
    controls = _CONTROL.findall(text)
    if len(controls) >= 8 and len(controls) > 0.01 * n:
        return f"not a text document (binary content: {_pct(len(controls) / n)} control characters)"
    s = _sample(text)
    m = len(s)
    a = s.encode("ascii", "ignore")
    wide = _WIDE_LATIN.findall(s)
    latin = len(a.translate(None, _NOT_ASCII_LETTER)) + len(wide)
    foreign = _NON_LATIN.findall(s)
    letters = latin + len(foreign)
    if len(foreign) >= 20 and len(foreign) > 0.3 * letters:
        scripts: dict[str, int] = {}
        for c in foreign:
            k = _script(c)
            scripts[k] = scripts.get(k, 0) + 1
        main = max(scripts, key=scripts.get)
        return (f"not Vietnamese or Latin-script text ({_pct(len(foreign) / letters)} of the letters are "
                f"{main}; cancu reads Vietnamese documents)")
    hints = len(HINT.findall(s))
    if hints >= 20 and hints > 0.08 * letters:
        return (f"mis-decoded text ({_pct(hints / letters)} of the letters are stray symbols such as "
                f"'º' '»' 'Ã': read with the wrong code page?)")
    ws = len(a.translate(None, _NOT_ASCII_SPACE)) + len(_WIDE_SPACE.findall(s))
    if m - ws >= 500 and ws < 0.05 * m:
        return f"not a text document (no words: {_pct(ws / m)} whitespace)"
    if latin >= 300:
        vowels = len(a.translate(None, _NOT_ASCII_VOWEL)) + len(wide) - len(_WIDE_CONSONANT.findall(s))
        if not 0.28 <= vowels / latin <= 0.62:
            return (f"not a text document (letters unlike Vietnamese or any Latin-script language: "
                    f"{_pct(vowels / latin)} vowels)")
    return None
