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

The same rules read back: what an IRI names (:func:`node_kind`), a task's document
(:func:`task_document`), the jurisdiction an IRI carries (:func:`jurisdiction`), the document
order of items (:func:`item_order`). Nothing else in the project takes an IRI apart.

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
import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from rdflib import URIRef

from .vocab import GRAPH, ID

ISSUERS_FILE = Path(__file__).resolve().parent.parent / "data" / "patterns" / "issuers.json"

# Codes of a symbol that name a local body (a province's or a Party committee's): never national.
_LOCAL_TOKENS = {"UBND", "HĐND", "TU", "HU", "ĐU", "QU", "TP", "UBMTTQ", "BCĐ", "BQL", "BDV", "BTG"}
# The Party's central committee: no single issuer (data/patterns/issuers.json), but national.
_CENTRAL_TOKENS = {"TW"}
_NATIONAL_UNITS = (
    "chinh phu", "quoc hoi", "thu tuong", "bo chinh tri", "ban bi thu", "ban chap hanh trung uong",
    "uy ban thuong vu quoc hoi", "van phong chinh phu", "toa an nhan dan toi cao",
    "vien kiem sat nhan dan toi cao", "kiem toan nha nuoc", "ngan hang nha nuoc", "trung uong",
)
_JURIS = re.compile(
    r"(?:\b(?:tỉnh|thành phố|TP\.?|huyện|quận|thị xã|xã|phường|thị trấn)\s+|"
    r"\b(?:Tỉnh|Thành|Huyện|Quận|Thị) ủy\s+)"
    r"((?:[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ][^\s,.;:()]*)(?:\s+[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ][^\s,.;:()]*)*)")


@lru_cache(maxsize=1)
def _national_codes() -> tuple[frozenset[str], re.Pattern]:
    """Issuer codes naming one national body, and the term-prefixed ones (``QH15``), from
    ``data/patterns/issuers.json`` (the file the extractor reads too)."""
    data = json.loads(ISSUERS_FILE.read_text(encoding="utf-8"))
    codes = frozenset(c.upper() for c in data["national"])
    term = re.compile(r"(?:" + "|".join(sorted(map(re.escape, data["term_prefixed"]), key=len, reverse=True))
                      + r")\d*")
    return codes, term


def implied_issuer(symbol: str | None) -> str | None:
    """The national body a symbol's code names ("59/2023/NĐ-CP" → "Chính phủ"), or None.

    >>> implied_issuer("59/2023/NĐ-CP"), implied_issuer("72/2025/QH15"), implied_issuer("32/KH-UBND")
    ('Chính phủ', 'Quốc hội', None)
    """
    s = tidy_symbol(symbol)
    if "/" not in s:
        return None
    data = _issuer_names()
    for tok in reversed([t for t in re.split(r"[-/]+", s.split("/", 1)[1]) if t and not t.isdigit()]):
        if tok.upper() in _LOCAL_TOKENS:
            return None
        if tok in data["national"]:
            return data["national"][tok]
        for code, name in data["term_prefixed"].items():
            if re.fullmatch(rf"{re.escape(code)}\d*", tok):
                return name
    return None


@lru_cache(maxsize=1)
def _issuer_names() -> dict:
    return json.loads(ISSUERS_FILE.read_text(encoding="utf-8"))


def fold_ascii(s: str | None) -> str:
    """Lower case, no diacritics (đ → d), single spaces: for loose matching of what people type
    (``ingest.clean.fold`` keeps the diacritics; this one drops them).

    >>> fold_ascii("Nghị định  59/2023/NĐ-CP")
    'nghi dinh 59/2023/nd-cp'
    """
    if not s:
        return ""
    # the precomposed letters are folded by a table; what is left that is not ASCII (a mark that
    # does not compose, another script) goes the general way: decomposed, the marks dropped
    s = unicodedata.normalize("NFC", s).translate(_FOLD_TABLE)
    if not s.isascii():
        s = "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")
    return _SPACES.sub(" ", s.lower()).strip()


def _fold_table() -> dict[int, str]:
    """Each precomposed Latin letter → itself decomposed without its marks (Đ, Ð → D)."""
    table = {}
    for cp in (*range(0xC0, 0x250), *range(0x1E00, 0x1F00)):
        c = chr(cp)
        base = "".join(x for x in unicodedata.normalize("NFD", c) if unicodedata.category(x) != "Mn")
        if base != c:
            table[cp] = base
    table.update({0xD0: "D", 0xF0: "d", 0x110: "D", 0x111: "d"})
    return table


_FOLD_TABLE = _fold_table()
_SPACES = re.compile(r"\s+")


def slug(s: str | None, keep: str = "") -> str:
    """ASCII slug: folded, non-alphanumerics (except ``keep``) collapsed to ``-``."""
    out = _slug_rx(keep).sub("-", fold_ascii(s)).strip("-")
    return out or "x"


@lru_cache(maxsize=None)
def _slug_rx(keep: str) -> re.Pattern:
    return re.compile(rf"[^a-z0-9{re.escape(keep)}]+")


def tidy_symbol(sym: str | None) -> str:
    """NFC, ``Đ`` not ``Ð``, no spaces, dashes unified; the key for identity.

    >>> tidy_symbol(" 59/2023/NÐ - CP")
    '59/2023/NĐ-CP'
    """
    if not sym:
        return ""
    s = unicodedata.normalize("NFC", sym).replace("\u00d0", "Đ").replace("\u00f0", "đ")
    s = re.sub(r"\s+", "", s).replace("–", "-").replace("—", "-")
    return s


def is_national(symbol: str | None) -> bool:
    """True for symbols of central bodies (government, ministries, National Assembly, Party centre):
    a code naming one national body in ``data/patterns/issuers.json``, a term-prefixed one
    (``QH15``), the Party centre (``TW``) or a ministry-shaped code (``B…``), and no local code.

    >>> is_national("40/2025/TT-BTC"), is_national("12/2024/TT-BVHTTDL"), is_national("5-KH/BTG")
    (True, True, False)
    """
    s = tidy_symbol(symbol)
    if not s or "/" not in s and "-" not in s:
        return False
    code = s.split("/", 1)[1] if "/" in s else s
    tokens = {t.upper() for t in re.split(r"[-/&]+", code) if t and not t.isdigit()}
    if tokens & _LOCAL_TOKENS:
        return False
    national, term = _national_codes()
    return any(t in national or t in _CENTRAL_TOKENS or term.fullmatch(t)
               or re.fullmatch(r"B[A-ZĐ]{1,7}", t) for t in tokens)


# "Bộ …" names a ministry, except a province's military commands ("Bộ Chỉ huy Quân sự tỉnh")
_LOCAL_BO = ("bo phan", "bo chi huy", "bo tu lenh thanh pho", "bo tu lenh thu do")


def is_national_unit(name: str | None) -> bool:
    """True for a body of the central state or Party (a ministry, the Government …).

    >>> is_national_unit("Bộ Nội vụ"), is_national_unit("Bộ Chỉ huy Quân sự tỉnh"), is_national_unit("Sở Nội vụ")
    (True, False, False)
    """
    f = fold_ascii(name)
    return any(f == u or f.startswith(u + " ") for u in _NATIONAL_UNITS) or (
        f.startswith("bo ") and not f.startswith(_LOCAL_BO))


def jurisdiction_of(name: str | None) -> str | None:
    """The slug of the place named in an issuer ("UBND tỉnh Bắc Ninh" → "bac-ninh"), or None."""
    place = place_of(name)
    return slug(place) if place else None


def place_of(name: str | None) -> str | None:
    """The place named in a body's name, as printed ("UBND tỉnh Bắc Ninh" → "Bắc Ninh"), or None.

    >>> place_of("Sở Nội vụ tỉnh Bắc Ninh"), place_of("Ủy ban nhân dân các tỉnh, thành phố"), place_of("Thành ủy Hà Nội")
    ('Bắc Ninh', None, 'Hà Nội')
    """
    if not name:
        return None
    m = _JURIS.search(unicodedata.normalize("NFC", name))
    return m.group(1) if m else None


# old tone placement at the end of a syllable → the placement of the official spelling
# ("Uỷ ban" → "Ủy ban", "hoá" → "hóa"); never after "q" ("quỹ" keeps its tone on the y)
_TONES = {"oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa", "oè": "òe", "oé": "óe", "oẻ": "ỏe",
          "oẽ": "õe", "oẹ": "ọe", "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy"}
_TONES.update({k[0].upper() + k[1:]: v[0].upper() + v[1:] for k, v in list(_TONES.items())})
_TONE_RX = re.compile(r"(?<![Qq])(" + "|".join(_TONES) + r")(?![A-Za-zÀ-ỹ])")


def tidy_name(name: str | None) -> str:
    """A body's name as shown: NFC, one space, the official tone placement ("Uỷ ban nhân dân" →
    "Ủy ban nhân dân", "Sở Văn hoá" → "Sở Văn hóa"); spelling variants then read alike.

    >>> tidy_name("Uỷ ban nhân dân  tỉnh"), tidy_name("Sở Văn hoá, Thể thao"), tidy_name("Quỹ Hỗ trợ"), tidy_name("hoàn")
    ('Ủy ban nhân dân tỉnh', 'Sở Văn hóa, Thể thao', 'Quỹ Hỗ trợ', 'hoàn')
    """
    s = " ".join(unicodedata.normalize("NFC", name or "").split())
    return _TONE_RX.sub(lambda m: _TONES[m.group(1)], s)


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
    return "/".join(slug(part) for part in tidy_symbol(symbol).split("/"))


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


# the level words a body's name may end with in its own jurisdiction ("Công an tỉnh", "Sở Y tế thành phố")
_LEVEL_TAIL = ("-tinh", "-thanh-pho", "-tp")
# the provincial bodies whose name may end with the level word and mean the same body without it
# ("Công an tỉnh" = "Công an", "Sở Y tế thành phố" = "Sở Y tế"); any other keeps its level word:
# "Ủy ban nhân dân tỉnh" is not "Ủy ban nhân dân", nor "Hội đồng Thi đua - Khen thưởng tỉnh" the
# council of every agency
_LEVEL_FREE = ("so-", "cong-an", "lien-hiep-", "bo-chi-huy-", "ban-chi-huy-", "bao-hiem-xa-hoi", "thanh-tra",
               "toa-an-nhan-dan", "vien-kiem-sat-nhan-dan", "kho-bac-nha-nuoc")


def unit_key(name: str, jurisdiction: str | None = None) -> str:
    """The name part of a unit's IRI: the slug of its name without the place it belongs to, so that
    "Sở Nội vụ tỉnh Bắc Ninh", "Sở Nội vụ tỉnh" and "Sở Nội vụ" in Bắc Ninh are one body.

    >>> unit_key("Sở Nội vụ tỉnh Bắc Ninh", "bac-ninh"), unit_key("Công an tỉnh", "dong-nai")
    ('so-noi-vu', 'cong-an')
    >>> unit_key("Ủy ban nhân dân tỉnh Bắc Ninh", "bac-ninh"), unit_key("Uỷ ban nhân dân xã, phường", "can-tho")
    ('uy-ban-nhan-dan-tinh', 'uy-ban-nhan-dan-xa-phuong')
    """
    key = slug(name)
    place = jurisdiction if jurisdiction and jurisdiction != "vn" and not jurisdiction.startswith("doc-") else None
    if place and key.endswith("-" + place) and len(key) > len(place) + 1:
        key = key[:-len(place) - 1]
    if place and key.startswith(_LEVEL_FREE):
        for tail in _LEVEL_TAIL:
            if key.endswith(tail) and len(key) > len(tail) + 3:
                key = key[:-len(tail)]
                break
    return key[:100]


def unit_iri(name: str, jurisdiction: str | None) -> URIRef:
    """A unit: national bodies under ``vn``; a body whose name carries its place ("Sở Nội vụ tỉnh
    Bắc Ninh") under that place; any other under the jurisdiction of the document naming it, so the
    "Sở Nội vụ" of a plan of UBND tỉnh Bắc Ninh is the Sở Nội vụ of Bắc Ninh.

    >>> str(unit_iri("Sở Nội vụ", "bac-ninh")) == str(unit_iri("Sở Nội vụ tỉnh Bắc Ninh", "ha-noi"))
    True
    >>> str(unit_iri("Sở Nội vụ", "dong-nai")).rsplit("/org/", 1)[1], str(unit_iri("Bộ Nội vụ", "dong-nai")).rsplit("/org/", 1)[1]
    ('dong-nai/so-noi-vu', 'vn/bo-noi-vu')
    """
    if is_national_unit(name):
        place = "vn"
    else:
        place = jurisdiction_of(name) or jurisdiction or "unknown"
    return ID[f"org/{place}/{unit_key(name, place)}"]


def task_iri(doc: URIRef, item_id: str) -> URIRef:
    """Item ``d)`` and item ``đ)`` are different items: ``đ`` becomes ``dd`` before slugging."""
    return URIRef(f"{doc}{ITEM}{slug(re.sub(r'(?<=[.])đ(?=$|[.])', 'dd', item_id), keep='.')}")


def annotation_iri(doc: URIRef, kind: str, start: int, end: int, extra: str = "") -> URIRef:
    tail = f"-{short_hash(extra, n=6)}" if extra else ""
    return URIRef(f"{doc}/ann/{kind}/{start}-{end}{tail}")


def span_target(doc: str, start: int, end: int) -> URIRef:
    """The target of an annotation: the characters ``start:end`` of the document's text of record
    (``cancu:sourceText``), as an RFC 5147 fragment IRI (code points, end exclusive, as Python slices).

    >>> str(span_target("https://cancu.vn/id/doc/x", 3, 9))
    'https://cancu.vn/id/doc/x#char=3,9'
    """
    return URIRef(f"{doc}#char={start},{end}")


_SPAN = re.compile(r"#char=(0|[1-9][0-9]*),([1-9][0-9]*)$")


def span_of(target: str) -> tuple[str, int, int] | None:
    """``(document, start, end)`` of a :func:`span_target` IRI; ``None`` for anything else.

    >>> span_of("https://cancu.vn/id/doc/x#char=3,9"), span_of("https://cancu.vn/id/doc/x#char=9")
    (('https://cancu.vn/id/doc/x', 3, 9), None)
    """
    m = _SPAN.search(target)
    if m is None:
        return None
    return target[:m.start()], int(m.group(1)), int(m.group(2))


def ingestion_iri(doc: URIRef) -> URIRef:
    """The prov:Activity of a document's ingestion."""
    return URIRef(f"{doc}/ingestion")


def graph_iri(doc: URIRef) -> URIRef:
    """The named graph holding what one source document says."""
    return GRAPH[str(doc)[len(str(ID)):]]


def doctype_iri(type_: str | None) -> URIRef:
    return ID[f"doctype/{slug(type_)}"]


SCHEMES_GRAPH = GRAPH["schemes"]   # the SKOS scheme of document types
META_GRAPH = GRAPH["meta"]         # the store's bookkeeping: its version, each graph's size
STORE_NODE = ID["store"]           # the subject of the store's version marker


# ---------------------------------------------------------------- reading IRIs back

DOC_BASE = str(ID) + "doc/"
ORG_BASE = str(ID) + "org/"
ITEM = "/item/"
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10,
          "xi": 11, "xii": 12, "xiii": 13, "xiv": 14, "xv": 15}


def is_task(iri: str) -> bool:
    """True for a task's (numbered item's) IRI: its document's IRI + ``/item/…``."""
    return ITEM in iri


def task_document(task: str) -> str:
    """The document of a task, from its IRI ("" when it is not a task's).

    >>> task_document("https://cancu.vn/id/doc/bac-ninh/2026/32/kh-vp/item/ii.2.1")
    'https://cancu.vn/id/doc/bac-ninh/2026/32/kh-vp'
    """
    return task.rpartition(ITEM)[0]


def split_task(task: str) -> tuple[str, str]:
    """(document IRI, item part) of a task's IRI.

    >>> split_task("d/item/ii.2.10")
    ('d', 'ii.2.10')
    """
    doc, _, item = task.rpartition(ITEM)
    return doc, item


def node_kind(iri: str) -> str | None:
    """Task, Unit or Document, from the IRI alone; None for anything else.

    >>> node_kind("https://cancu.vn/id/doc/vn/59/2023/nd-cp/item/ii.2.1"), node_kind("https://cancu.vn/id/org/vn/so-noi-vu")
    ('Task', 'Unit')
    """
    if iri.startswith(DOC_BASE):
        return "Task" if is_task(iri) else "Document"
    if iri.startswith(ORG_BASE):
        return "Unit"
    return None


def jurisdiction(iri: str) -> str | None:
    """The jurisdiction segment of a document, task or unit IRI (``vn``, ``bac-ninh``, ``doc-<hash>``).

    >>> jurisdiction("https://cancu.vn/id/org/bac-ninh/so-noi-vu"), jurisdiction("https://cancu.vn/id/doc/vn/59/2023/nd-cp")
    ('bac-ninh', 'vn')
    """
    for base in (DOC_BASE, ORG_BASE):
        if iri.startswith(base):
            return iri[len(base):].split("/", 1)[0]
    return None


def item_key(item: str) -> list:
    """The sort key of an item part (``ii.2.10``): Roman and Arabic numerals by value.

    >>> sorted(["ii.2.10", "ii.2.9", "a"], key=item_key)
    ['ii.2.9', 'ii.2.10', 'a']
    """
    key = []
    for part in item.split("."):
        if part in _ROMAN:
            key.append((0, _ROMAN[part], ""))
        elif part.isdigit():
            key.append((0, int(part), ""))
        else:
            key.append((1, 0, part))
    return key


def item_order(task_iri: str) -> tuple:
    """Document order of items from their IRIs: ``…/item/ii.2.10`` after ``…/item/ii.2.9``.

    >>> sorted(["d/item/ii.2.10", "d/item/ii.2.9", "d/item/i.1", "d/item/iii.1"], key=item_order)
    ['d/item/i.1', 'd/item/ii.2.9', 'd/item/ii.2.10', 'd/item/iii.1']
    """
    doc, item = split_task(task_iri)
    return (doc, item_key(item))


# What this project mints (documents, units, tasks, annotations, named graphs): our two bases and
# then lower-case ASCII letters, digits, ``.``, ``-`` and ``/`` only (slugs, item numbers, hashes).
_OURS = re.compile(rf"(?:{re.escape(str(ID))}|{re.escape(str(GRAPH))})[a-z0-9][a-z0-9._/-]*")
MAX_IRI = 512  # ours are under 200 characters; a longer value is not one of them


def is_ours(iri) -> bool:
    """True for an IRI of our own scheme (the only kind a deep link or an API caller may name);
    anything else (another scheme, a quote, a brace, ``>``, spaces, an overlong value) is False.

    >>> is_ours("https://cancu.vn/id/doc/vn/59/2023/nd-cp/item/ii.2.1"), is_ours("https://cancu.vn/id/org/vn/bo-noi-vu")
    (True, True)
    >>> is_ours("https://cancu.vn/id/doc/x> } SERVICE <http://h/> {"), is_ours("urn:x"), is_ours("https://cancu.vn/id/" + "a" * 600)
    (False, False, False)
    """
    return isinstance(iri, str) and len(iri) <= MAX_IRI and _OURS.fullmatch(iri) is not None


def last_segment(iri: str) -> str:
    """The last path segment of an IRI, a fallback label (``…/nd-cp`` → ``nd-cp``)."""
    return iri.rsplit("/", 1)[-1]
