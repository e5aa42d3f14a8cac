"""Pre-Unicode Vietnamese text: recognise TCVN3 (ABC, ``.VnTime``) and VNI-Windows, convert to Unicode.

Legacy documents were typed with 8-bit fonts: the bytes are Windows-1252 to every program
except the font, so once decoded they show as mojibake ("C¨n cø LuËt" is TCVN3 for
"Căn cứ Luật", "UÛY BAN NHAÂN DAÂN" is VNI for "ỦY BAN NHÂN DÂN"). The two tables below are
written from the standards (TCVN 5712:1993 VN3 and the VNI-Windows font layout):

* TCVN3 is one byte per letter; it has no upper-case toned letters (headings use the
  ``.VnTimeH`` font on the lower-case codes, so their case cannot be recovered).
* VNI is a base letter followed by a diacritic byte (``a`` + ``ù`` = ``á``); ``đ ơ ư`` and
  the toned ``i`` and ``ỵ`` are single bytes.

:func:`detect` is cheap on ordinary Unicode text (it reads a sample) and only scans the whole
text when the sample looks legacy. :func:`convert` decides TCVN3 or VNI line by line, since
files mixing both exist.
"""
from __future__ import annotations

import re
import unicodedata

# ------------------------------------------------------------------ TCVN3 (ABC): byte → letter

TCVN3 = {
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
    0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ",
    0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xC6: "ặ",
    0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ",
    0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ",
    0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ",
    0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị",
    0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
    0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
    0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ",
    0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
    0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
    0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
}
# PDF text layers of TCVN3 fonts name some glyphs after Symbol characters.
TCVN3_PDF_EXTRA = {"\u2212": "ư", "\u2219": "ã"}

# ------------------------------------------------------------------ VNI-Windows: letter + mark

_ACUTE, _GRAVE, _HOOK, _TILDE, _DOT = "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"
_CIRC, _BREVE, _HORN = "\u0302", "\u0306", "\u031b"
# mark byte (lower-case glyph; the upper-case glyph is the same letter upper-cased) → (shape, tone)
VNI_MARKS = {
    "ù": ("", _ACUTE), "ø": ("", _GRAVE), "û": ("", _HOOK), "õ": ("", _TILDE), "ï": ("", _DOT),
    "â": (_CIRC, ""), "á": (_CIRC, _ACUTE), "à": (_CIRC, _GRAVE), "å": (_CIRC, _HOOK),
    "ã": (_CIRC, _TILDE), "ä": (_CIRC, _DOT),
    "ê": (_BREVE, ""), "é": (_BREVE, _ACUTE), "è": (_BREVE, _GRAVE), "ú": (_BREVE, _HOOK),
    "ü": (_BREVE, _TILDE), "ë": (_BREVE, _DOT),
}
# base letter → (Unicode base, shapes it accepts)
VNI_BASES = {
    "a": ("a", {"", _CIRC, _BREVE}), "e": ("e", {"", _CIRC}), "o": ("o", {"", _CIRC}),
    "u": ("u", {""}), "y": ("y", {""}), "ô": ("ơ", {""}), "ö": ("ư", {""}),
}
VNI_SINGLE = {
    "ô": "ơ", "ö": "ư", "ñ": "đ", "í": "í", "ì": "ì", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ",
    "Ô": "Ơ", "Ö": "Ư", "Ñ": "Đ", "Í": "Í", "Ì": "Ì", "Æ": "Ỉ", "Ó": "Ĩ", "Ò": "Ị", "Î": "Ỵ",
}


def _vni_pairs() -> dict[str, str]:
    pairs = {}
    for base, (ubase, shapes) in VNI_BASES.items():
        for mark, (shape, tone) in VNI_MARKS.items():
            if shape not in shapes:
                continue
            letter = unicodedata.normalize("NFC", ubase + shape + tone)
            pairs[base + mark] = letter  # lower-case letter, lower-case mark
            upper = letter.upper()
            pairs[base.upper() + mark.upper()] = upper  # UPPER-CASE heading
            pairs[base.upper() + mark] = upper  # Capitalised word (Aùp → Áp)
    return pairs


VNI_PAIRS = _vni_pairs()


def _cp1252_aliases(table: dict[int, str]) -> dict[str, str]:
    """Key a byte table by the characters the byte can show up as (Latin-1 and Windows-1252)."""
    out = {}
    for b, letter in table.items():
        out[chr(b)] = letter
        alias = bytes([b]).decode("cp1252", errors="ignore")
        if alias:
            out[alias] = letter
    return out


_TCVN3_CHARS = _cp1252_aliases(TCVN3)
_TCVN3_TRANS = str.maketrans({**_TCVN3_CHARS, **TCVN3_PDF_EXTRA})
_VNI_RE = re.compile("|".join(sorted(map(re.escape, list(VNI_PAIRS) + list(VNI_SINGLE)), key=len, reverse=True)))
_VNI_MAP = {**VNI_SINGLE, **VNI_PAIRS}

# What gives each encoding away. TCVN3: the 0xA1–0xBE codes (â ă đ ư ơ ê ô à á ả ã ạ …), which
# VNI never uses and Unicode Vietnamese text has no reason to contain. VNI: a vowel followed by
# a mark byte, which precomposed Unicode never produces.
_TCVN3_MARK = re.compile("[" + "".join(chr(b) for b in TCVN3 if b <= 0xBE) + "\u2212\u2219]")
_VNI_MARK = re.compile(
    "[aeouyôö][ùøûõïâáàåãäêéèúüë]|[AEOUYÔÖ][ùøûõïâáàåãäêéèúüëÙØÛÕÏÂÁÀÅÃÄÊÉÈÚÜË]")
# A VNI mark byte with no vowel before it cannot be VNI: in TCVN3 it is a toned vowel ("céng").
_VNI_ORPHAN = re.compile(
    "(?<![aeouyôöAEOUYÔÖ])[ùøûõïâáàåãäêéèúüëÙØÛÕÏÂÁÀÅÃÄÊÉÈÚÜË]")
# Latin-1 characters that are not Vietnamese letters: legacy text is full of them, Unicode
# Vietnamese has a few at most (© ° « » § ± × · stay rare).
HINT = re.compile("[" + "".join(
    c for c in map(chr, range(0xA1, 0xFF))
    if c not in "àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ"
) + "\u2212\u2219]")
_NOT_HINT_BYTES = bytes(b for b in range(256) if not HINT.match(chr(b)))
# Letters only Unicode Vietnamese has (precomposed toned vowels, ă đ ơ ư, ĩ ũ).
_VIET = re.compile("[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]")

SAMPLE = 8_000


def _count(rx: re.Pattern, text: str) -> int:
    return rx.subn("", text)[1]


def detect(text: str) -> str | None:
    """Return ``"tcvn3"``, ``"vni"``, ``"tcvn3+vni"`` or None (not legacy) for decoded text.

    Cheap on Unicode text: it counts, in a sample, Latin-1 characters that are not Vietnamese
    letters (TCVN3's ``µ ¸ © ®``, VNI's ``ø û ï ä ñ ö``) against letters only Unicode
    Vietnamese has; the whole text is looked at only when the sample is not clearly Unicode.
    """
    if text.isascii():
        return None
    sample = text[:SAMPLE]
    latin1 = sample.encode("latin-1", errors="ignore")  # C speed: drops every char above U+00FF
    wide = len(sample) - len(latin1)  # Vietnamese letters (and typography such as “ ” –)
    if wide >= 20 and len(latin1.translate(None, _NOT_HINT_BYTES)) * 20 < wide:
        return None  # ordinary Unicode Vietnamese: the usual, cheap case
    hints, viet = _count(HINT, sample), _count(_VIET, sample)
    if len(text) > SAMPLE:
        hints, viet = _count(HINT, text), _count(_VIET, text)
    if hints < 5 or hints < 2 * viet:
        return None
    t, v = _tcvn3_score(text), _count(_VNI_MARK, text)
    if t and v and min(t, v) >= 0.15 * (t + v) and min(t, v) >= 10:
        return "tcvn3+vni"
    return "tcvn3" if t >= v else "vni"


# A word typed in capitals under .VnTimeH: its ASCII letters are capitals, its toned letters
# carry lower-case codes. Two capitals or more make the word upper case ("PHÇN" → "PHẦN");
# one is only a capitalised word ("Sè" → "Số").
_TCVN3_WORD = re.compile(r"[^\s\d.,;:!?()\[\]\"'/|-]+")
_LOWER_CODES = frozenset(c for c, u in _TCVN3_CHARS.items() if u.islower())


def _upper_word(m: re.Match) -> str:
    word = m.group()
    caps = sum(1 for c in word if "A" <= c <= "Z")
    if caps >= 2 and not any("a" <= c <= "z" for c in word) and any(c in _LOWER_CODES for c in word):
        return word.translate(_TCVN3_TRANS).upper()
    return word.translate(_TCVN3_TRANS)


_ASCII_LOWER = re.compile("[a-z]")
_ASCII_UPPER = re.compile("[A-Z]")


def _tcvn3_line(line: str) -> str:
    if not _ASCII_LOWER.search(line) and _count(_ASCII_UPPER, line) >= 2:
        return line.translate(_TCVN3_TRANS).upper()  # a heading line typed in capitals
    return _TCVN3_WORD.sub(_upper_word, line)


def tcvn3_to_unicode(text: str) -> str:
    return "".join(_tcvn3_line(line) for line in text.splitlines(keepends=True))


def vni_to_unicode(text: str) -> str:
    return _VNI_RE.sub(lambda m: _VNI_MAP[m.group()], text)


# A lower-case code inside a word typed in capitals: TCVN3 under .VnTimeH (VNI has capitals).
_TCVN3_IN_CAPS = re.compile("(?<=[A-Z])[\u00e0-\u00fe]+(?=[A-Z])")


def _tcvn3_score(text: str) -> int:
    return _count(_TCVN3_MARK, text) + _count(_VNI_ORPHAN, text) + _count(_TCVN3_IN_CAPS, text)


def convert(text: str, encoding: str) -> str:
    """Convert legacy text to Unicode.

    ``encoding`` is what :func:`detect` said. For ``"tcvn3+vni"`` each line is decided on its
    own evidence; a line without any (e.g. only letters both encodings share) takes the
    encoding of the nearest line before it that had some, else after it.
    """
    if encoding == "tcvn3":
        return tcvn3_to_unicode(text)
    if encoding == "vni":
        return vni_to_unicode(text)
    lines = text.splitlines(keepends=True)
    decided: list[str | None] = []
    for line in lines:
        t, v = _tcvn3_score(line), _count(_VNI_MARK, line)
        decided.append(None if t == v else ("tcvn3" if t > v else "vni"))
    default = "tcvn3" if _tcvn3_score(text) >= _count(_VNI_MARK, text) else "vni"
    last = next((d for d in decided if d), default)
    out = []
    for line, enc in zip(lines, decided):
        enc = last = enc or last
        out.append(tcvn3_to_unicode(line) if enc == "tcvn3" else vni_to_unicode(line))
    return "".join(out)


_VIET_LETTERS = frozenset(
    "ĂăÂâĐđÊêÔôƠơƯưÀàÁáẢảÃãẠạÈèÉéẺẻẼẽẸẹÌìÍíỈỉĨĩỊịÒòÓóỎỏÕõỌọÙùÚúỦủŨũỤụỲỳÝýỶỷỸỹỴỵ"
    + "".join(chr(c) for c in range(0x1EA0, 0x1EFA))
)
# Typography that Unicode documents use and that says nothing about the encoding.
_NEUTRAL = frozenset("\u00a0\u200b\ufeff“”‘’–—…•°№×÷±≤≥→€\u2212")


def vietnamese_share(text: str) -> float:
    """Share of the non-ASCII characters (typography aside) that are Vietnamese letters.

    1.0 for text without any; mojibake, legacy codes and stray combining marks lower it.
    """
    sample = text[: 4 * SAMPLE]
    total = ok = 0
    for c in sample:
        if c > "\x7f" and c not in _NEUTRAL and not c.isspace():
            total += 1
            ok += c in _VIET_LETTERS
    return ok / total if total else 1.0


def count_vietnamese(text: str) -> int:
    """How many letters only Unicode Vietnamese has (ă đ ơ ư, precomposed toned vowels)."""
    return _count(_VIET, text)
