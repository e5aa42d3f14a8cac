"""Stage 2: the text of record → a clean text to match on, with an offset map back.

Cleaning is a named list of steps. Every step but ``newlines`` and ``nfc`` replaces characters
one for one, so the offset map is the identity unless the source held ``\\r\\n`` line endings or
decomposed (NFD) Vietnamese; those two steps build the map (:class:`OffsetMap`, one breakpoint per
edit) while they drop or compose characters. Facts are found on ``Clean.text`` and mapped back with
``Clean.span(start, end)``, so ``source.text[s:e]`` is always the quoted words.

Steps (``STEPS``, applied in this order):

- ``newlines``: ``\\r\\n`` and a lone ``\\r`` become ``\\n`` (Windows and old Mac line endings), with
  the offset map, so facts do not depend on how lines end while offsets keep indexing the text as read.
- ``nfc``: compose combining marks (``a\u0301`` → ``á``).
- ``chars``: one-for-one repairs: Ð (U+00D0) → Đ, ð → đ, every dash and minus → ``-``,
  odd spaces (NBSP, thin, zero-width, BOM) → space, ``／``/``⁄`` → ``/``, form feed → newline.
- ``furniture``: blank out page furniture that interrupts sentences and symbols: gazette
  running headers (``CÔNG BÁO/Số 286/Ngày 27-05-2026``), the page number beside them, and
  signature stamps (``Ký bởi: …``, ``Cơ quan: …``, ``Ngày ký: …``). Blanked characters become
  spaces, line breaks stay, so a symbol broken across a page (``52-⏎⏎CÔNG BÁO…⏎CT/TW``) joins
  like one broken across a line.
- ``points``: a lettered point printed on the line of the point before it, after a full stop
  (``a) … qua đời. b) Uỷ ban nhân dân cấp xã …``), starts a line: the space before it becomes a line
  break (the next letter of that point only).

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
from array import array
from bisect import bisect_right
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
_CHARS = tuple(map(chr, _CHAR_MAP))

_COMBINING = re.compile(r"[^\u0300-\u036f][\u0300-\u036f]+")


class OffsetMap:
    """A map from the indices of a text to those of the text it was made from, piecewise.

    ``source = i + delta[k]`` for the last breakpoint ``at[k] <= i``. A step that drops or composes
    characters adds one breakpoint where the difference changes, so the map costs memory per edit,
    not per character (a CRLF text of a million lines: two arrays of a million integers).

    >>> m = OffsetMap.of_edits([(2, 1)])  # index 2 onwards sits one further in the source
    >>> [m[i] for i in range(4)]
    [0, 1, 3, 4]
    """

    __slots__ = ("at", "delta")

    def __init__(self, at, delta):
        self.at = at
        self.delta = delta

    @classmethod
    def of_edits(cls, edits) -> "OffsetMap":
        """From (index, delta from there on) pairs in increasing index order."""
        at, delta = array("q", [0]), array("q", [0])
        for i, d in edits:
            if at[-1] == i:
                delta[-1] = d
            else:
                at.append(i)
                delta.append(d)
        return cls(at, delta)

    def __getitem__(self, i: int) -> int:
        return i + self.delta[bisect_right(self.at, i) - 1]


class _Chain:
    """Several offset maps applied in turn (each step's map, last step first)."""

    __slots__ = ("maps",)

    def __init__(self, maps):
        self.maps = tuple(maps)

    def __getitem__(self, i: int) -> int:
        for m in self.maps:
            i = m[i]
        return i


@dataclass(frozen=True, slots=True)
class Clean:
    """A cleaned text and the way back to the source."""

    text: str
    source_len: int
    to_source: OffsetMap | _Chain | None = None  # clean index → source index (``to_source[i]``), None = identity

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of the clean text to the source text."""
        if self.to_source is None:
            return start, end
        return self.to_source[start], self.to_source[end]

    def pos(self, i: int) -> int:
        return i if self.to_source is None else self.to_source[i]


def _newlines(text: str) -> tuple[str, OffsetMap | None]:
    r"""``\r\n`` and a lone ``\r`` become ``\n``: the facts must not depend on line endings.

    A clean ``\n`` that was ``\r\n`` maps to the ``\r``; the index after it to the index after
    the ``\n``, so a span that ends at a line break quotes the whole ``\r\n`` or none of it.
    """
    if "\r" not in text:
        return text, None
    edits = []
    removed = 0
    i = text.find("\r\n")
    while i != -1:
        removed += 1
        edits.append((i - removed + 2, removed))  # after the clean "\n" (at i - removed + 1)
        i = text.find("\r\n", i + 2)
    out = text.replace("\r\n", "\n").replace("\r", "\n")
    return out, (OffsetMap.of_edits(edits) if edits else None)


def _nfc(text: str) -> tuple[str, OffsetMap | None]:
    """Compose combining marks; every character of a composed cluster maps to the cluster's start."""
    if unicodedata.is_normalized("NFC", text):
        return text, None
    out: list[str] = []
    edits: list[tuple[int, int]] = []
    o = 0  # output length so far
    cur = 0  # source index - output index from o on
    last = 0

    def put(src_start: int, src_end: int, composed: str) -> None:
        nonlocal o, cur
        out.append(composed)
        n = len(composed)
        if n == src_end - src_start:  # same length: index for index
            if src_start - o != cur:
                cur = src_start - o
                edits.append((o, cur))
            o += n
            return
        for k in range(n):  # every composed character maps to the cluster's start
            edits.append((o + k, src_start - (o + k)))
        o += n
        cur = src_end - o
        edits.append((o, cur))

    for m in _COMBINING.finditer(text):
        s, e = m.span()
        if s > last:
            put(last, s, unicodedata.normalize("NFC", text[last:s]))
        put(s, e, unicodedata.normalize("NFC", m.group()))
        last = e
    if last < len(text):
        put(last, len(text), unicodedata.normalize("NFC", text[last:]))
    return "".join(out), OffsetMap.of_edits(edits)


def _char_repl(m: re.Match) -> str:
    return _CHAR_MAP[ord(m.group())]


def _chars(text: str) -> str:
    if not any(c in text for c in _CHARS):  # one str search per character: faster than a regex scan for the set
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
        hm = _HEADER_LINE.match(text, ls, le)
        if hm and hm.end() == le:
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
        out.append(" " * (e - s))  # every blanked span is one line, without its line break
        last = e
    out.append(text[last:])
    return "".join(out)


# the letters of lettered points, in the Vietnamese order (a b c d đ e g h …) and the Latin one (… e f g)
_NEXT_LETTER = {"a": "b", "b": "c", "c": "d", "d": "đe", "đ": "e", "e": "gf", "f": "g", "g": "h", "h": "i", "i": "kj",
                "j": "k", "k": "l", "l": "m", "m": "n", "n": "o", "o": "p", "p": "q", "q": "r", "r": "s", "s": "t",
                "t": "u", "u": "v", "v": "x", "x": "y"}
_POINT_LINE = re.compile(r"^[ \t]*([a-zđ])\)[ \t]", re.M)
_INLINE_POINT = re.compile(r"[.;:][ \t]*( )([a-zđ])\)[ \t]+[A-ZĐÀ-Ỹ]")


def _points(text: str) -> str:
    """A lettered point printed on its predecessor's line after a full stop ("a) Lễ tang phải … qua
    đời. b) Uỷ ban nhân dân cấp xã có trách nhiệm …") starts a line of its own: the space before it
    becomes a line break. Only the next letter of the line's own point counts, so "a) … theo điểm
    c) khoản 2" is left alone."""
    if ") " not in text:
        return text
    chars = None
    for m in _POINT_LINE.finditer(text):
        letter, pos = m.group(1), m.end()
        while True:
            le = text.find("\n", pos)
            le = len(text) if le == -1 else le
            nm = _INLINE_POINT.search(text, pos, le)
            while nm and nm.group(2) not in _NEXT_LETTER.get(letter, ""):
                nm = _INLINE_POINT.search(text, nm.end(2), le)
            if nm is None:
                break
            if chars is None:
                chars = list(text)
            chars[nm.start(1)] = "\n"
            letter, pos = nm.group(2), nm.end()
    return text if chars is None else "".join(chars)


STEPS = {"newlines": _newlines, "nfc": _nfc, "chars": _chars, "furniture": _furniture, "points": _points}
_MAPPED = ("newlines", "nfc")  # steps that may change the length (they return a map back)


def clean(text: str, steps: tuple[str, ...] = ("newlines", "nfc", "chars", "furniture", "points")) -> Clean:
    """Clean ``text`` with the named steps (applied in the order of :data:`STEPS`); unknown names
    raise ValueError naming the valid ones."""
    unknown = [s for s in steps if s not in STEPS]
    if unknown:
        raise ValueError(f"unknown cleaning step(s) {unknown}; valid: {sorted(STEPS)}")
    maps = []
    out = text
    for name in STEPS:
        if name not in steps:
            continue
        if name in _MAPPED:
            out, m = STEPS[name](out)
            if m is not None:
                maps.append(m)
        else:
            out = STEPS[name](out)
    to_source = None if not maps else maps[0] if len(maps) == 1 else _Chain(reversed(maps))
    return Clean(text=out, source_len=len(text), to_source=to_source)


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
