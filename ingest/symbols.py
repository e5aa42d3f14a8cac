"""Document symbols in their canonical form (Nghị định 30/2020/NĐ-CP and the Party's rules).

``canonical_symbol(match)`` turns a match of ``regexes.SYMBOL`` into the symbol as the standard writes
it: joined across line breaks, no spaces, the codes spelled as in ``data/patterns`` (``NĐ-CP``,
``QĐ-TTg``, ``CTr/TU``), a type code glued to its issuer split (``NĐCP`` → ``NĐ-CP``, flagged as
repaired), the old ``/`` between type and issuer replaced (``144/2002/QĐ/BTC`` → ``QĐ-BTC``). Used by
the citations and by the header (a document's own number), so it lives apart from both.

    >>> from ingest import regexes as R
    >>> canonical_symbol(R.SYMBOL.search("số 59/2023/NĐCP ngày"))
    ('59/2023/NĐ-CP', 'Nghị định', True)
"""
from __future__ import annotations

import re

from .patterns import load

__all__ = ["canonical_symbol", "CODE_TYPE"]

_P = load()
CODE_TYPE = {c.upper(): t for c, t in _P.code_to_type.items()}  # type code → the document type it implies
_CODE_CANON = dict(_P.code_canonical)
_ISSUER_CODES = {c.upper(): c for c in list(_P.national_issuers) + ["UBND", "HĐND", "TU", "ĐU", "TW", "HU", "QU"]}
_CODE_TYPE = CODE_TYPE


def _squash(s: str) -> str:
    return "".join(s.split())


def _canon_code(code: str) -> str:
    return _CODE_CANON.get(code.upper(), code)


def _canon_issuer(code: str) -> str:
    return _ISSUER_CODES.get(code.upper(), code) if code.isupper() or code.upper() in _ISSUER_CODES else code


def _split_glued(tail: str) -> str | None:
    """NĐCP → NĐ-CP, QĐUBND → QĐ-UBND: a type code glued to a known issuer code."""
    up = tail.upper()
    for code in sorted(_CODE_TYPE, key=len, reverse=True):
        if up.startswith(code) and up[len(code):] in _ISSUER_CODES:
            return _canon_code(code) + "-" + _ISSUER_CODES[up[len(code):]]
    return None


def canonical_symbol(m: re.Match) -> tuple[str, str | None, bool]:
    """The canonical symbol of a SYMBOL match, the type its codes imply, and whether it was repaired."""
    if m.group("ptype"):
        num = m.group("num")
        ptype = _canon_code(m.group("ptype"))
        issuer = "-".join(_canon_issuer(_squash(x)) for x in m.group("pissuer").split("-"))
        typo = not re.search(r"\d[ \t]*-", m.group(0)[: m.group(0).find(m.group("ptype")) + 1])
        implied = _CODE_TYPE.get(ptype.upper())
        if ptype in ("QĐi", "QyĐ"):
            implied = "Quy định"
        return f"{num}-{ptype}/{issuer}", implied, typo
    num = m.group("num2")
    year = m.group("year")
    tail_raw = _squash(m.group("tail"))
    legacy_slash = "/" in tail_raw  # old form "144/2002/QĐ/BTC": written today as QĐ-BTC
    tail_raw = tail_raw.replace("/", "-")
    parts = [_canon_issuer(p) for p in tail_raw.split("-")]
    typo = legacy_slash
    implied: str | None = None
    if year:
        if len(parts) == 1 and not re.fullmatch(r"(?:UBTVQH|QH)\d{1,2}", parts[0]):
            glued = _split_glued(parts[0])
            if glued:
                parts = glued.split("-")
                typo = True
        parts[0] = _canon_code(parts[0])
        implied = _CODE_TYPE.get(parts[0].upper())
        if re.fullmatch(r"QH\d{1,2}", parts[0]):
            implied = None  # a law or a resolution of the National Assembly: the text must say
        sep = "/" if "/" + year + "/" in _squash(m.group(0)) or "/" + year + "-" not in _squash(m.group(0)) else "-"
        return f"{num}/{year}{sep}{'-'.join(parts)}", implied, typo
    first = parts[0].upper()
    if len(parts) == 1:
        glued = _split_glued(parts[0])
        if glued:
            parts, typo = glued.split("-"), True
            first = parts[0].upper()
    if first in _CODE_TYPE and len(parts) == 1:
        return None, None, False  # "2629/QĐ": a type code and no issuer is a cut-off symbol
    if first in _CODE_TYPE and len(parts) > 1:
        parts[0] = _canon_code(parts[0])
        implied = _CODE_TYPE[first]
    elif first == "VBHN":
        implied = "Văn bản hợp nhất"
    else:
        implied = "Công văn"  # issuer first, no type code
    return f"{num}/{'-'.join(parts)}", implied, typo
