"""Stage 2: the text of record → a clean text to match on, with an offset map back.

Cleaning is a named list of steps. Every step but ``nfc`` replaces characters one for one, so
the offset map is the identity unless the source held decomposed (NFD) Vietnamese; ``nfc`` builds
the map while it composes. Facts are found on ``Clean.text`` and mapped back with
``Clean.span(start, end)``, so ``source.text[s:e]`` is always the quoted words.

Steps (``STEPS``, applied in this order):

- ``nfc``: compose combining marks (``a\u0301`` → ``á``).
- ``chars``: one-for-one repairs: Ð (U+00D0) → Đ, ð → đ, every dash and minus → ``-``,
  odd spaces (NBSP, thin, zero-width, BOM) → space, ``／``/``⁄`` → ``/``, form feed → newline.
- ``furniture``: blank out page furniture that interrupts sentences and symbols: gazette
  running headers (``CÔNG BÁO/Số 286/Ngày 27-05-2026``), the page number beside them, and
  signature stamps (``Ký bởi: …``, ``Cơ quan: …``, ``Ngày ký: …``). Blanked characters become
  spaces, line breaks stay, so a symbol broken across a page (``52-⏎⏎CÔNG BÁO…⏎CT/TW``) joins
  like one broken across a line.

Folding for matching only (``fold``): tone-placement variants (uỷ/ủy, hoà/hòa) and case.

    >>> c = clean("Nghị định 59/2023/NÐ–CP")
    >>> c.text
    'Nghị định 59/2023/NĐ-CP'
    >>> c.span(10, 23)
    (10, 23)
    >>> clean(c.text).text == c.text
    True
"""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

__all__ = ["Clean", "clean", "fold", "STEPS"]

_CHAR_MAP = {
    0x00D0: "Đ", 0x00F0: "đ", 0x0189: "Đ",
    0x2010: "-", 0x2011: "-", 0x2012: "-", 0x2013: "-", 0x2014: "-", 0x2015: "-", 0x2212: "-",
    0xFE58: "-", 0xFE63: "-", 0xFF0D: "-",
    0x00A0: " ", 0x2002: " ", 0x2003: " ", 0x2004: " ", 0x2005: " ", 0x2006: " ", 0x2007: " ",
    0x2008: " ", 0x2009: " ", 0x200A: " ", 0x200B: " ", 0x202F: " ", 0x205F: " ", 0x3000: " ",
    0xFEFF: " ", 0x00AD: " ",
    0xFF0F: "/", 0x2044: "/", 0x2215: "/",
    0x000C: "\n", 0x000B: "\n",
}
_CHAR_TABLE = str.maketrans({k: v for k, v in _CHAR_MAP.items()})
_CHAR_PROBE = re.compile("[" + "".join(re.escape(chr(k)) for k in _CHAR_MAP) + "]")

_COMBINING = re.compile(r"[^\u0300-\u036f][\u0300-\u036f]+")


@dataclass(frozen=True, slots=True)
class Clean:
    """A cleaned text and the way back to the source."""

    text: str
    source_len: int
    to_source: tuple[int, ...] | None = None  # clean index → source index (len+1 entries), None = identity

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of the clean text to the source text."""
        if self.to_source is None:
            return start, end
        return self.to_source[start], self.to_source[end]

    def pos(self, i: int) -> int:
        return i if self.to_source is None else self.to_source[i]


def _nfc(text: str) -> tuple[str, list[int] | None]:
    if unicodedata.is_normalized("NFC", text):
        return text, None
    out: list[str] = []
    mapping: list[int] = []
    last = 0
    for m in _COMBINING.finditer(text):
        s, e = m.span()
        if s > last:
            chunk = unicodedata.normalize("NFC", text[last:s])
            # chunk has no combining marks after a base here, but may hold other compositions
            if len(chunk) == s - last:
                out.append(chunk)
                mapping.extend(range(last, s))
            else:  # rare: compose the chunk as one cluster
                out.append(chunk)
                mapping.extend([last] * len(chunk))
        composed = unicodedata.normalize("NFC", m.group())
        out.append(composed)
        mapping.extend([s] * len(composed))
        last = e
    if last < len(text):
        chunk = unicodedata.normalize("NFC", text[last:])
        out.append(chunk)
        mapping.extend(range(last, len(text)) if len(chunk) == len(text) - last else [last] * len(chunk))
    mapping.append(len(text))
    return "".join(out), mapping


def _char_repl(m: re.Match) -> str:
    return _CHAR_MAP[ord(m.group())]


def _chars(text: str) -> str:
    if _CHAR_PROBE.search(text) is None:
        return text
    return _CHAR_PROBE.sub(_char_repl, text)  # only where an odd character is


_HEADER_LINE = re.compile(r"[ \t]*CÔNG BÁO\s*/\s*Số[^\n]{0,60}$", re.M)
_PAGE_NO = re.compile(r"[ \t]*\d{1,4}[ \t]*$", re.M)
_STAMP = re.compile(r"[ \t]*(?:Ký bởi|Ngày ký|Thời gian ký)[ \t]*:[^\n]*$|[ \t]*(?:Cơ quan|Email)[ \t]*:[^\n]*$"
                    r"(?=\n[ \t]*(?:Ngày ký|Thời gian ký|Email|Cơ quan)[ \t]*:)", re.M | re.I)


def _line_at(text: str, i: int) -> tuple[int, int]:
    ls = text.rfind("\n", 0, i) + 1
    le = text.find("\n", i)
    return ls, (len(text) if le == -1 else le)


def _furniture(text: str) -> str:
    """Blank gazette headers (with the page number beside them) and signature stamps, line by line."""
    blanks: list[tuple[int, int]] = []
    i = text.find("CÔNG BÁO")
    while i != -1:
        ls, le = _line_at(text, i)
        if _HEADER_LINE.match(text, ls, le) and _HEADER_LINE.match(text, ls, le).end() == le:
            blanks.append((ls, le))
            if ls > 0:  # page number on the line before
                pls, ple = _line_at(text, ls - 1)
                if pls < ple and _PAGE_NO.fullmatch(text, pls, ple):
                    blanks.append((pls, ple))
            if le < len(text):  # or on the line after
                nls, nle = _line_at(text, le + 1)
                if nls < nle and _PAGE_NO.fullmatch(text, nls, nle):
                    blanks.append((nls, nle))
        i = text.find("CÔNG BÁO", le)
    for a in ("Ký bởi", "Ngày ký", "Thời gian ký", "Cơ quan:", "Email:"):
        i = text.find(a)
        while i != -1:
            ls, le = _line_at(text, i)
            m = _STAMP.match(text, ls, len(text))
            if m and m.end() == le:
                blanks.append((ls, le))
            i = text.find(a, le)
    if not blanks:
        return text
    out = []
    last = 0
    for s, e in sorted(set(blanks)):
        if s < last:
            continue
        out.append(text[last:s])
        out.append(re.sub(r"[^\n]", " ", text[s:e]))
        last = e
    out.append(text[last:])
    return "".join(out)


STEPS = {"nfc": None, "chars": _chars, "furniture": _furniture}


def clean(text: str, steps: tuple[str, ...] = ("nfc", "chars", "furniture")) -> Clean:
    """Clean ``text`` with the named steps; unknown names raise ValueError naming the valid ones."""
    unknown = [s for s in steps if s not in STEPS]
    if unknown:
        raise ValueError(f"unknown cleaning step(s) {unknown}; valid: {sorted(STEPS)}")
    mapping = None
    out = text
    if "nfc" in steps:
        out, mapping = _nfc(out)
    for name in steps:
        if name != "nfc":
            out = STEPS[name](out)
    return Clean(text=out, source_len=len(text), to_source=tuple(mapping) if mapping is not None else None)


# ------------------------------------------------------------------ folding for matching keys

_TONE_FOLD = {
    # old-style (hòa, thủy) → new-style (hoà, thuỷ) is arbitrary; we fold to the old style
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}
_TONE_RE = re.compile("|".join(map(re.escape, _TONE_FOLD)))


@functools.lru_cache(maxsize=65536)
def fold(s: str) -> str:
    """A matching key: NFC, Đ not Ð, tone placement folded (uỷ → ủy), lower case, single spaces.

    Diacritics stay (folding them away conflates different words); use it for keys, never display.

    >>> fold("Uỷ ban  nhân dân") == fold("Ủy ban nhân dân")
    True
    >>> fold("Hoà Bình")
    'hòa bình'
    """
    s = unicodedata.normalize("NFC", s).translate(_CHAR_TABLE).lower()
    s = _TONE_RE.sub(lambda m: _TONE_FOLD[m.group()], s)
    return " ".join(s.split())
