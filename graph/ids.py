"""Identity: deterministic IRIs for documents, units, tasks and annotations (decided here only).

- National documents (``NĐ-CP``, ``QH``, ``TTg``, ``/TW``, ministries ``B…``) are identified by
  their symbol alone: ``id/doc/vn/59/2023/nd-cp``.
- Local documents (``KH-UBND``, ``QĐ/TU``, công văn ``…/UBND-NC``) are not unique nationally:
  their IRI carries the issuing body's jurisdiction and the year:
  ``id/doc/bac-ninh/2026/32/kh-ubnd``. When the jurisdiction cannot be read, it is scoped to
  the citing document (``doc-<hash>``) so that two provinces' "32/KH-UBND" never merge.
- A document without a symbol (a plan printed without its number) is identified by its
  jurisdiction, year, type and title.
- Units: jurisdiction + normalised name (``id/org/vn/bo-noi-vu``); national bodies under ``vn``.
- Tasks: the document's IRI + ``/item/`` + the item id (``…/item/II.2.1``).

>>> slug("Phòng Tổ chức - Hành chính - Quản trị")
'phong-to-chuc-hanh-chinh-quan-tri'
>>> is_national("59/2023/NĐ-CP"), is_national("32/KH-UBND"), is_national("05-CT/TW")
(True, False, True)
>>> jurisdiction_of("UBND tỉnh Bắc Ninh"), jurisdiction_of("Tỉnh ủy Hà Tĩnh"), jurisdiction_of("UBND tỉnh")
('bac-ninh', 'ha-tinh', None)
>>> str(document_iri("59/2023/NĐ-CP"))
'https://cancu.vn/id/doc/vn/59/2023/nd-cp'
>>> str(document_iri("32/KH-UBND", jurisdiction="bac-ninh", year=2026))
'https://cancu.vn/id/doc/bac-ninh/2026/32/kh-ubnd'
"""
from __future__ import annotations

import hashlib
import re
import unicodedata

from rdflib import URIRef

from .vocab import GRAPH, ID

_NATIONAL_TOKENS = {"CP", "TTG", "TW", "VPCP", "VPQH", "NHNN", "TANDTC", "VKSNDTC", "KTNN", "CTN", "BCT"}
_LOCAL_TOKENS = {"UBND", "HĐND", "TU", "HU", "ĐU", "QU", "TP", "UBMTTQ", "BCĐ", "BQL", "BDV", "BTG", "BTC"}
_NATIONAL_UNITS = (
    "chinh phu", "quoc hoi", "thu tuong", "bo chinh tri", "ban bi thu", "ban chap hanh trung uong",
    "uy ban thuong vu quoc hoi", "van phong chinh phu", "toa an nhan dan toi cao",
    "vien kiem sat nhan dan toi cao", "kiem toan nha nuoc", "ngan hang nha nuoc", "trung uong",
)
_JURIS = re.compile(
    r"(?:\b(?:tỉnh|thành phố|TP\.?|huyện|quận|thị xã|xã|phường|thị trấn)\s+|"
    r"\b(?:Tỉnh|Thành|Huyện|Quận|Thị) ủy\s+)"
    r"((?:[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ][^\s,.;:()]*)(?:\s+[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ][^\s,.;:()]*)*)")


def fold(s: str | None) -> str:
    """Lower case, no diacritics (đ → d), single spaces: for loose matching.

    >>> fold("Nghị định  59/2023/NĐ-CP")
    'nghi dinh 59/2023/nd-cp'
    """
    if not s:
        return ""
    s = unicodedata.normalize("NFC", s).replace("\u00d0", "Đ").replace("\u00f0", "đ")
    s = s.replace("Đ", "D").replace("đ", "d")
    s = "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")
    return re.sub(r"\s+", " ", s.lower()).strip()


def slug(s: str | None, keep: str = "") -> str:
    """ASCII slug: folded, non-alphanumerics (except ``keep``) collapsed to ``-``."""
    f = fold(s)
    out = re.sub(rf"[^a-z0-9{re.escape(keep)}]+", "-", f).strip("-")
    return out or "x"


def canonical_symbol(sym: str | None) -> str:
    """NFC, ``Đ`` not ``Ð``, no spaces, dashes unified; the key for identity.

    >>> canonical_symbol(" 59/2023/NÐ - CP")
    '59/2023/NĐ-CP'
    """
    if not sym:
        return ""
    s = unicodedata.normalize("NFC", sym).replace("\u00d0", "Đ").replace("\u00f0", "đ")
    s = re.sub(r"\s+", "", s).replace("–", "-").replace("—", "-")
    return s


def is_national(symbol: str | None) -> bool:
    """True for symbols of central bodies (government, ministries, National Assembly, Party centre)."""
    s = canonical_symbol(symbol)
    if not s or "/" not in s and "-" not in s:
        return False
    code = s.split("/", 1)[1] if "/" in s else s
    tokens = {t.upper() for t in re.split(r"[-/&]+", code) if t and not t.isdigit()}
    if tokens & _LOCAL_TOKENS:
        return False
    return any(t in _NATIONAL_TOKENS or re.fullmatch(r"(?:QH|UBTVQH)\d*", t)
               or re.fullmatch(r"B[A-ZĐ]{1,7}", t) for t in tokens)


def is_national_unit(name: str | None) -> bool:
    f = fold(name)
    return any(f == u or f.startswith(u + " ") for u in _NATIONAL_UNITS) or (
        f.startswith("bo ") and not f.startswith("bo phan"))


def jurisdiction_of(name: str | None) -> str | None:
    """The slug of the place named in an issuer ("UBND tỉnh Bắc Ninh" → "bac-ninh"), or None."""
    if not name:
        return None
    m = _JURIS.search(unicodedata.normalize("NFC", name))
    return slug(m.group(1)) if m else None


def year_of(*values: str | int | None) -> int | None:
    """The first plausible year found in the values (ISO dates, symbols, titles)."""
    for v in values:
        if v is None:
            continue
        if isinstance(v, int):
            return v
        m = re.search(r"(?<!\d)(19[4-9]\d|20\d\d)(?!\d)", str(v))
        if m:
            return int(m.group(1))
    return None


def _symbol_path(symbol: str) -> str:
    return "/".join(slug(part) for part in canonical_symbol(symbol).split("/"))


def short_hash(*parts: str, n: int = 10) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:n]


def document_iri(symbol: str | None, *, jurisdiction: str | None = None, year: int | None = None,
                 type_: str | None = None, title: str | None = None, scope: str | None = None,
                 sha256: str | None = None) -> URIRef:
    """The IRI of a document. ``scope`` replaces an unknown jurisdiction for local documents."""
    if symbol:
        if is_national(symbol):
            return ID[f"doc/vn/{_symbol_path(symbol)}"]
        place = jurisdiction or scope or "unknown"
        y = year or year_of(symbol)
        return ID[f"doc/{place}/{y or 'x'}/{_symbol_path(symbol)}"]
    place = jurisdiction or scope or "unknown"
    if title:
        return ID[f"doc/{place}/{year or 'x'}/{slug(type_)}-{slug(title)[:80]}"]
    return ID[f"doc/sha/{(sha256 or 'x')[:20]}"]


def named_document_iri(type_: str | None, name: str) -> URIRef:
    """A document cited by name only, not resolved to a symbol ("Luật Đất đai")."""
    return ID[f"doc/named/{slug(name)[:100]}"]


def unit_iri(name: str, jurisdiction: str | None) -> URIRef:
    place = "vn" if is_national_unit(name) else (jurisdiction or "unknown")
    return ID[f"org/{place}/{slug(name)[:100]}"]


def task_iri(doc: URIRef, item_id: str) -> URIRef:
    """Item ``d)`` and item ``đ)`` are different items: ``đ`` becomes ``dd`` before slugging."""
    return URIRef(f"{doc}/item/{slug(re.sub(r'(?<=[.])đ(?=$|[.])', 'dd', item_id), keep='.')}")


def annotation_iri(doc: URIRef, kind: str, start: int, end: int, extra: str = "") -> URIRef:
    tail = f"-{short_hash(extra, n=6)}" if extra else ""
    return URIRef(f"{doc}/ann/{kind}/{start}-{end}{tail}")


def graph_iri(doc: URIRef) -> URIRef:
    """The named graph holding what one source document says."""
    return GRAPH[str(doc)[len(str(ID)):]]


def doctype_iri(type_: str | None) -> URIRef:
    return ID[f"doctype/{slug(type_)}"]


SCHEMES_GRAPH = GRAPH["schemes"]
