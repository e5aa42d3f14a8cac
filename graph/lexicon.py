"""What the store knows to name things: document symbols and names, unit names and aliases, and
the labels of document types; a unit given by name resolved to its IRIs.

Built once per store version (:class:`graph.store.PerVersion`) from single-pattern DISTINCT
queries joined here: a shared node (a decree, a unit) is described in every citing document's
graph, and a SPARQL join through it would meet every copy.

>>> from graph.fixtures import seed_store
>>> lx = lexicon(seed_store())
>>> resolve_unit(lx, "Trung tâm Thông tin")[0], len(lx.sources)
('Trung tâm Thông tin', 1)
>>> find_units(lx, name_key("Phòng Tổ chức - Hành chính - Quản trị phải làm gì?"))[0]
'Phòng Tổ chức - Hành chính - Quản trị'
"""
from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from ingest import lexicon as bodies
from ingest.units import is_bare_noun, known_places

from .ids import ID, fold_ascii, jurisdiction, tidy_symbol
from .store import PerVersion, Store, iri, prefixed, values
from .vocab import DOC_TYPES

COLLECTIVES = Path(__file__).resolve().parent.parent / "data" / "ask" / "collectives.json"
UNIT_GRAMMAR = Path(__file__).resolve().parent.parent / "data" / "patterns" / "units.json"

__all__ = ["Lexicon", "lexicon", "name_key", "find_units", "find_all_units", "proper_name_units", "resolve_unit", "unit_homes",
           "type_labels", "english_name", "body_of", "UnitHit"]


def name_key(s: str) -> str:
    """Fold and normalise dashes/punctuation, for matching names inside a question.

    >>> name_key("Phòng Tổ chức – Hành chính (TCHC)?")
    'phong to chuc-hanh chinh tchc'
    """
    s = fold_ascii(s)
    s = re.sub(r"\s*[-–—]\s*", "-", s)
    s = re.sub(r"[?!.,;:()\"“”']", " ", s)
    return re.sub(r"\s+", " ", s).strip()


@dataclass
class Lexicon:
    """What the store knows to name documents and units (cached per store version)."""

    symbols: dict[str, set[str]] = field(default_factory=dict)   # folded symbol → document IRIs
    display: dict[str, str] = field(default_factory=dict)        # document IRI → tidy symbol
    types: dict[str, str] = field(default_factory=dict)          # document IRI → folded type
    names: dict[str, set[str]] = field(default_factory=dict)     # folded name → document IRIs
    units: dict[str, set[str]] = field(default_factory=dict)     # folded unit name → unit IRIs
    unit_label: dict[str, str] = field(default_factory=dict)     # unit IRI → name
    sources: list[str] = field(default_factory=list)             # ingested documents
    max_unit_words: int = 1
    max_name_words: int = 1
    body_units: dict[str, set[str]] = field(default_factory=dict)  # lexicon body name → unit IRIs meaning it
    unit_body: dict[str, str] = field(default_factory=dict)      # unit IRI → lexicon body name
    titles: dict[str, tuple[str, ...]] = field(default_factory=dict)   # ingested document → folded title words
    persons: dict[str, set[str]] = field(default_factory=dict)   # folded person's name → units ending with it
    places: dict[str, set[str]] = field(default_factory=dict)    # folded commune/ward name → units named for it
    level_index: dict[str, list[str]] = field(default_factory=dict)  # unit name → its names with a level after it
    title_grams: dict[str, set[str]] = field(default_factory=dict)     # three folded title words → documents


def lexicon(store: Store) -> Lexicon:
    """The store's lexicon, built once per store version."""
    return _lexicons(store)


def _build_lexicon(store: Store) -> Lexicon:
    lx = Lexicon()
    sel = lambda q: store.select(prefixed(q))  # noqa: E731
    tlabel = type_labels(store)
    dtype = {r["d"]: tlabel.get(r["c"]) for r in sel("SELECT DISTINCT ?d ?c WHERE { ?d eli:type_document ?c }")}
    for r in sel("SELECT DISTINCT ?d ?sym WHERE { ?d eli:id_local ?sym }"):
        sym = tidy_symbol(r["sym"])
        lx.symbols.setdefault(name_key(sym).replace(" ", ""), set()).add(r["d"])
        lx.display[r["d"]] = sym
        if dtype.get(r["d"]):
            lx.types[r["d"]] = fold_ascii(dtype[r["d"]])
    orgs = {r["u"] for r in sel("SELECT DISTINCT ?u WHERE { ?u a org:Organization }")}
    alt = sel("SELECT DISTINCT ?d ?n WHERE { ?d skos:altLabel ?n }")
    for r in alt:
        n = name_key(r["n"])
        if r["d"] not in orgs and len(n.split()) >= 2:
            lx.names.setdefault(n, set()).add(r["d"])
            lx.max_name_words = max(lx.max_name_words, len(n.split()))
    pref = sel("SELECT DISTINCT ?u ?n WHERE { ?u skos:prefLabel ?n }")
    for r in sorted(pref, key=lambda r: r["n"]):
        if r["u"] in orgs:
            lx.unit_label.setdefault(r["u"], r["n"])
    for r in pref + [dict(u=r["d"], n=r["n"]) for r in alt if r["d"] in orgs]:
        # (a kind of body alone, "doanh nghiệp", names none: "người quản lý doanh nghiệp" asks for no unit)
        if r["u"] in orgs and not is_bare_noun(r["n"]):
            k = name_key(r["n"])
            lx.units.setdefault(k, set()).add(r["u"])
            lx.max_unit_words = max(lx.max_unit_words, len(k.split()))
    # a body is asked for by its name where the store holds its head ("Vụ Pháp chế" for "Vụ trưởng Vụ
    # Pháp chế", "Văn phòng Bộ" for "Chánh Văn phòng Bộ"); only a named body, never "các cơ quan"
    for u, label in list(lx.unit_label.items()):
        body = bodies.without_title(label)
        if body != label and body[:1].isupper() and len(body.split()) >= 2:
            lx.units.setdefault(name_key(body), set()).add(u)
    lx.sources = [r["d"] for r in sel("SELECT ?d WHERE { ?d a cancu:SourceDocument }")]
    # a body with its level after its name ("Ban Chỉ đạo … cấp xã") is that body too
    for k in lx.units:
        words = k.split()
        for n in range(2, len(words)):
            if _LEVEL_TAIL.fullmatch(" ".join(words[n:])):
                lx.level_index.setdefault(" ".join(words[:n]), []).append(k)
                break
    # a person holding a title ("Phó Thủ tướng Chính phủ Trần Hồng Hà") is asked for by the name alone
    for u, label in lx.unit_label.items():
        m = _person_re().search(label)
        if m and name_key(m.group()) not in _place_keys():  # "HĐND Hà Nội": a city, not a person named Hà
            lx.persons.setdefault(name_key(m.group()), set()).add(u)
    # a commune's or ward's body is asked for by the place's name ("the communes Gia Thuận, Tân Điền"
    # → "Ủy ban nhân dân xã Gia Thuận", "Ủy ban nhân dân xã Tân Điền")
    for u, label in lx.unit_label.items():
        m = _LOCAL_PLACE.search(label)
        if m:
            lx.places.setdefault(name_key(m.group(1)), set()).add(u)
    # the titles of ingested documents, for questions that name a document by its title ("trong Kế hoạch
    # triển khai thi hành Luật Bảo vệ dữ liệu cá nhân"); a 10,000-plan store re-issues a few titles
    for r in sel("SELECT DISTINCT ?d ?t WHERE { ?d a cancu:SourceDocument ; dcterms:title ?t }"):
        words = tuple(name_key(r["t"]).split())
        lx.titles[r["d"]] = words
        for i in range(len(words) - 2):
            lx.title_grams.setdefault(" ".join(words[i:i + 3]), set()).add(r["d"])
    # each unit's body in the bilingual lexicon, through any of its names ("Chủ tịch UBND các xã,
    # phường", "UBND xã, phường" → Ủy ban nhân dân các xã, phường, đặc khu): questions name a body in
    # either language and find every unit of the store that means it
    names: dict[str, list[str]] = {}
    for r in sorted(pref, key=lambda r: r["n"]) + [dict(u=r["d"], n=r["n"]) for r in alt]:
        if r["u"] in orgs:
            names.setdefault(r["u"], []).append(r["n"])
    for u, ns in names.items():
        for n in ns:
            b = body_of(n) or truncated_body(n)
            if b:
                lx.unit_body[u] = b
                lx.body_units.setdefault(b, set()).add(u)
                break
    return lx


_LEVEL_WORDS = {"tinh", "thanh pho", "cap tinh", "cap xa", "cap huyen", "xa", "phuong", "huyen", "quan", "thi xa",
                "trung uong", "viet nam", "tinh thanh pho", "cac cap"}


@functools.lru_cache(maxsize=1)
def _body_prefixes() -> dict[str, frozenset[str]]:
    """Every beginning of three words or more of the lexicon's Vietnamese names (``name_key``-ed),
    shorter than the name → the bodies whose names begin so."""
    out: dict[str, set[str]] = {}
    for b in bodies.load().bodies:
        for n in b.names:
            words = name_key(n).split()
            for k in range(3, len(words)):
                # a name without its level or place ("Hội đồng Thi đua - Khen thưởng" of "… tỉnh") is
                # the same kind of body at another level, not a name cut short
                if " ".join(words[k:]) not in _LEVEL_WORDS:
                    out.setdefault(" ".join(words[:k]), set()).add(b.name)
    return {k: frozenset(v) for k, v in out.items()}


def truncated_body(name: str) -> str | None:
    """The body a name cut short means, when only one body's name begins with it: a table cell
    printed "Bộ Khoa học và \\n Công nghệ" over two lines is read as "Bộ Khoa học".

    >>> truncated_body("Bộ Khoa học"), truncated_body("Sở Văn hóa") is None
    ('Bộ Khoa học và Công nghệ', True)
    """
    hit = _body_prefixes().get(name_key(name), frozenset())
    return next(iter(hit)) if len(hit) == 1 else None


@functools.lru_cache(maxsize=65536)
def body_of(name: str) -> str | None:
    """The lexicon body a unit's name means (its canonical Vietnamese name), or None: the name, a
    variant or abbreviation, a title in front ("Giám đốc Sở Nội vụ"), a place after it. "The units
    of X" ("các đơn vị thuộc Bộ Tài chính") is not X.

    >>> body_of("Chủ tịch UBND các xã, phường"), body_of("Sở Nội Vụ tỉnh Bắc Ninh")
    ('Ủy ban nhân dân các xã, phường, đặc khu', 'Sở Nội vụ')
    >>> body_of("các đơn vị thuộc Bộ Tài chính") is None
    True
    """
    m = bodies.resolve(name)
    if m is None or m.how == "parent":
        return None
    return m.body.name


@functools.lru_cache(maxsize=65536)
def english_name(name: str) -> str | None:
    """The English name of a unit (the bilingual lexicon, with its place: "People's Committee of
    Bắc Ninh Province"), or None when the lexicon cannot say it safely. For the app's English side.

    >>> english_name("Sở Tài chính"), english_name("Chủ tịch Ủy ban nhân dân tỉnh Bắc Ninh")
    ('Department of Finance', "People's Committee of Bắc Ninh Province")
    >>> english_name("Tổ công tác đặc biệt") is None
    True
    """
    return bodies.english(name)


_lexicons = PerVersion(_build_lexicon, keep=8)


def ngrams(words: list[str], n_max: int):
    """``(start, end, phrase)`` of the word n-grams, longest first."""
    for n in range(min(n_max, len(words)), 0, -1):
        for i in range(len(words) - n + 1):
            yield i, i + n, " ".join(words[i:i + n])


def find_units(lx: Lexicon, q: str) -> tuple[str | None, list[str]]:
    """The longest unit name in a question (``name_key``-ed); a phrase of 4 words or more that
    begins known names ("Ủy ban nhân dân các tỉnh, thành phố" for "… trực thuộc trung ương")
    names all of them."""
    words = q.split()
    for _, _, g in ngrams(words, lx.max_unit_words):
        if g in lx.units and len(g) > 3:
            iris = sorted(lx.units[g])
            return lx.unit_label[iris[0]], iris
        if len(g.split()) >= 4:
            longer = sorted({u for k, us in lx.units.items() if k.startswith(g + " ") for u in us})
            if longer:
                return lx.unit_label[longer[0]], longer
    return None, []


@dataclass(frozen=True)
class UnitHit:
    """A unit named in a question: the name shown, the store's units it means, where it was read
    (word positions in the ``name_key``-ed question, or None for an English name), its body."""

    name: str
    iris: tuple[str, ...]
    span: tuple[int, int] | None = None
    body: str | None = None
    english: str | None = None


@functools.lru_cache(maxsize=1)
def _body_keys() -> tuple[dict[str, str], int]:
    """``name_key`` of every Vietnamese name, variant and abbreviation of the lexicon, and of the
    abbreviations of whole names ("Sở KH&CN") → body name (keys that would mean two bodies once
    folded are left out)."""
    out: dict[str, str] = {}
    clash: set[str] = set()
    lx = bodies.load()
    named = [(n, b.name) for b in lx.bodies for n in b.names]
    # abbreviations that are a whole name ("Sở KH&CN", "Bộ GD&ĐT", "VPCP") and their printed forms
    for a in lx.abbreviations:
        b = lx.lookup(a.expansion) if a.kind == "name" else None
        if b is not None:
            named += [(f, b.name) for f in (a.abbr, *a.forms)]
    # names that begin with an abbreviated part, as questions print them ("UBND cấp xã", "HĐND tỉnh")
    parts = [(a.expansion, f) for a in lx.abbreviations if a.kind == "part" and " " in a.expansion
             for f in (a.abbr, *a.forms)]
    named += [(f + n[len(x):], body) for n, body in list(named) for x, f in parts if n.startswith(x + " ")]
    for n, body in named:
        k = name_key(n)
        if not k or len(k) < 3:
            continue
        if k in out and out[k] != body:
            clash.add(k)
        out[k] = body
    for k in clash:
        out.pop(k, None)
    return out, max((len(k.split()) for k in out), default=1)


# English plurals of collective bodies the lexicon's English names do not spell out
_EN_PC_OF_PROVINCES = re.compile(r"People['’]?s Committees of (?:the )?(?:[\w-]+ ){0,3}?provinces(?: and (?:centrally[- ]run )?cities)?", re.I)
_EN_LOCAL = r"(?:commune|communal|ward|special[- ]zone)s?"
_EN_PC_OF_COMMUNES = re.compile(r"\b" + _EN_LOCAL + r"(?:\s*(?:/|,|and|or)(?:\s*(?:and|or))?\s*" + _EN_LOCAL + r")*(?:[- ]level)?\s+People['’]?s Committees", re.I)


def _english_forms(q: str) -> str:
    """English plural forms of collective bodies written as the lexicon's English names spell them.

    >>> _english_forms("What must the commune/ward People's Committees do?")
    "What must the People's Committees of communes and wards do?"
    >>> _english_forms("the commune, ward and special-zone People's Committees")
    "the People's Committees of communes and wards"
    >>> _english_forms("the People's Committees of the nine central provinces")
    "the People's Committees of provinces and centrally-run cities"
    """
    q = _EN_PC_OF_COMMUNES.sub("People's Committees of communes and wards", q)
    return _EN_PC_OF_PROVINCES.sub("People's Committees of provinces and centrally-run cities", q)


@functools.lru_cache(maxsize=1)
def _person_re() -> re.Pattern:
    """A person's name ending a unit's name: a family name (the unit grammar's list) and one to three
    capitalised words."""
    names = json.loads(UNIT_GRAMMAR.read_text(encoding="utf-8"))["surnames"]["names"]
    return re.compile(r"(?<![\wÀ-ỹ])(?:" + "|".join(sorted(map(re.escape, names), key=len, reverse=True)) +
                      r")(?:\s+[A-ZĐÀ-Ỹ][\wÀ-ỹ]*){1,3}$")


@functools.lru_cache(maxsize=1)
def _place_keys() -> frozenset[str]:
    """The provinces and cities, keyed as names are: "Hà Nội" is no person's name."""
    return frozenset(name_key(p) for p in known_places())


def _persons(lx: Lexicon, words: list[str], taken: list[bool]) -> list[UnitHit]:
    """Persons a question names ("Phó Thủ tướng Nguyễn Hòa Bình"): the units whose name ends with the
    person's name; the title words before the name that those units' names hold are read with it."""
    hits = []
    if not lx.persons:
        return hits
    for i, j, g in ngrams(words, 4):
        if j - i < 2 or any(taken[i:j]) or g not in lx.persons:
            continue
        iris = lx.persons[g]
        held = {w for u in iris for w in name_key(lx.unit_label.get(u, "")).split()}
        while i > 0 and not taken[i - 1] and words[i - 1] in held:
            i -= 1
        for k in range(i, j):
            taken[k] = True
        hits.append(UnitHit(lx.unit_label[sorted(iris)[0]], tuple(sorted(iris)), (i, j), None))
    return hits


_LOCAL_PLACE = re.compile(r"(?<![\wÀ-ỹ])(?:xã|phường|thị trấn|đặc khu)\s+((?:[A-ZĐÀ-Ỹ][\wÀ-ỹ]*\s*){1,4})$")


def _places(lx: Lexicon, words: list[str], taken: list[bool]) -> list[UnitHit]:
    """Communes and wards a question names by their place ("Gia Thuận"): the units named for it."""
    hits = []
    if not lx.places:
        return hits
    for i, j, g in ngrams(words, 4):
        if any(taken[i:j]) or g not in lx.places:
            continue
        for k in range(i, j):
            taken[k] = True
        iris = lx.places[g]
        hits.append(UnitHit(lx.unit_label[sorted(iris)[0]], tuple(sorted(iris)), (i, j), None))
    return hits


_LEVEL_TAIL = re.compile(r"(?:cap (?:tinh|huyen|xa|thanh pho|co so|trung uong)|tinh|thanh pho|huyen|xa|phuong|dac khu|"
                         r"cac cap|trung uong)(?: [a-z]+){0,3}")


def _level_keys(lx: Lexicon, g: str) -> list[str]:
    """Store unit names that are ``g`` followed by a level or a place ("… cấp xã", "… tỉnh Bắc Ninh")."""
    return [k for k in lx.level_index.get(g, ())]


@functools.lru_cache(maxsize=1)
def _key_abbreviations() -> dict[str, str]:
    """The lexicon's one-word abbreviations of a name's part (UBND, HĐND, MTTQ …), keyed as names are."""
    return {name_key(a.abbr): name_key(a.expansion) for a in bodies.load().abbreviations
            if a.kind == "part" and " " not in name_key(a.abbr)}


def _expand_key(g: str) -> str:
    """A name key with the abbreviations of a name's part written out ("chu tich ubnd cac tinh" →
    "chu tich uy ban nhan dan cac tinh"), as the store's unit names are keyed."""
    table = _key_abbreviations()
    return " ".join(table.get(w, w) for w in g.split())


def find_all_units(lx: Lexicon, question: str, q: str) -> list[UnitHit]:
    """Every unit a question names, in the order written: the store's unit names and aliases, the
    lexicon's Vietnamese names, variants and abbreviations (Ủy/Uỷ, hoá/hóa and diacritics ignored),
    its English names ("Ministry of Finance", "provincial police", "MOHA"), and a phrase of four
    words or more that begins known names. ``q`` is ``name_key(question)``. Longest match first;
    matches do not overlap."""
    words = q.split()
    taken = [False] * len(words)
    hits: list[UnitHit] = []
    keys, kmax = _body_keys()
    n_max = max(lx.max_unit_words, kmax)
    people = _persons(lx, words, taken)
    hits += people
    for i, j, g in ngrams(words, n_max):
        if any(taken[i:j]) or len(g) <= 3:
            continue
        iris: set[str] = set()
        name = None
        body = keys.get(g)
        if g in lx.units:
            iris |= lx.units[g]
            name = lx.unit_label[sorted(lx.units[g])[0]]
            # the same body at a level the question leaves out ("Ban Chỉ đạo Dân số và Phát triển" asks for
            # "… cấp xã" and "… tỉnh" too)
            iris |= {u for k in _level_keys(lx, g) for u in lx.units[k]}
        if body:
            iris |= lx.body_units.get(body, set())
            name = name or body
        # a store unit of the same body ("Văn phòng UBND tỉnh" = "Chánh Văn phòng Ủy ban nhân dân tỉnh")
        for u in list(iris):
            b = lx.unit_body.get(u)
            if b:
                body = body or b
                iris |= lx.body_units.get(b, set())
        wide = _expand_key(g)
        if not iris and not body and wide != g and wide in lx.units:
            iris, name = set(lx.units[wide]), lx.unit_label[sorted(lx.units[wide])[0]]
        if not iris and not body and len(wide.split()) >= 4 and (j - i >= 4 or wide != g):
            # "Chủ tịch UBND các tỉnh" begins "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố từ Hà Tĩnh …"
            longer = sorted({u for k, us in lx.units.items() if k.startswith(wide + " ") for u in us})
            if longer:
                iris, name = set(longer), lx.unit_label[longer[0]]
        if iris or body:
            # the place right after the name is the body's ("UBND Thành phố Hà Nội"), no topic word
            j += next((n for n in (3, 2, 1) if " ".join(words[j:j + n]) in _place_keys()
                       and not any(taken[j:j + n])), 0)
            for k in range(i, j):
                taken[k] = True
            hits.append(UnitHit(name or g, tuple(sorted(iris)), (i, j), body))
    places = _places(lx, words, taken)
    hits += places
    # English names: the lexicon reads them from the question as written
    seen = {h.body for h in hits if h.body}
    for b in bodies.from_english(_english_forms(question)):
        if b.name in seen or (people and b.kind in ("head_of_government", "head_of_state")):
            continue  # "Deputy Prime Minister Trần Hồng Hà": the title goes with the person named
        if places and b.level == "collective":
            continue  # "the coastal communes Gia Thuận, Tân Điền": those communes, not all of them
        seen.add(b.name)
        hits.append(UnitHit(b.name, tuple(sorted(lx.body_units.get(b.name, set()))), None, b.name, b.en))
    hits.sort(key=lambda h: h.span[0] if h.span else 10**6)
    return [_with_members(lx, _with_collective_heads(lx, h)) for h in hits]


# an English question names a body the lexicon has no English name for by its Vietnamese proper name, with or
# without its tones, among English words ("the Director of Tan Cang - Petro Cam Ranh Company")
_EN_PROPER = re.compile(r"[A-ZĐÀ-Ỹ][\wÀ-ỹ]*(?:(?:[ \t]*-[ \t]*|[ \t]+)[A-ZĐÀ-Ỹ][\wÀ-ỹ]*)+")
_EN_TITLES = {"director": "giam doc", "chairman": "chu tich", "chairperson": "chu tich", "minister": "bo truong"}
_PROPER_MAX_UNITS = 12  # more store units than this share the words: a place or a common word, not one body
_PROPER_MAX_WORDS = 8  # the longest stretch tried (each is looked for in every unit name of the store)


def proper_name_units(lx: Lexicon, question: str) -> list[UnitHit]:
    """The store's units an English question names by their Vietnamese proper name: the longest stretch (two
    words or more) of a run of capitalised words that whole words of folded unit names hold (tones ignored;
    the English words around it, "Company", "Guest House", are left out); with an English title in the
    question ("Director of …"), the units headed by that title when there are some.

    Read only when nothing else in the question names a unit; a stretch that more than a dozen units share
    (a place, "Ho Chi Minh") names none.

    >>> lx = Lexicon(units={"nha khach thanh xuan ha noi": {"u1"}}, unit_label={"u1": "Nhà khách Thanh Xuân Hà Nội"})
    >>> [h.name for h in proper_name_units(lx, "What does the Thanh Xuan Ha Noi Guest House do?")]
    ['Nhà khách Thanh Xuân Hà Nội']
    """
    titles = {v for w, v in _EN_TITLES.items() if re.search(rf"\b{w}\b", question, re.I)}
    hits: list[UnitHit] = []
    for m in _EN_PROPER.finditer(question):
        words = name_key(m.group()).split()
        found: list[str] = []
        for n in range(min(len(words), _PROPER_MAX_WORDS), 1, -1):  # the longest stretch first
            for i in range(len(words) - n + 1):
                key = " ".join(words[i:i + n])
                found = sorted({u for k, us in lx.units.items() if f" {key} " in f" {k} " for u in us})
                if found:
                    break
            if found:
                break
        if not found or len(found) > _PROPER_MAX_UNITS:
            continue
        titled = [u for u in found if any(name_key(lx.unit_label[u]).startswith(t + " ") for t in titles)]
        found = titled or found
        hits.append(UnitHit(lx.unit_label[found[0]], tuple(found), None, None))
    return hits


def _with_collective_heads(lx: Lexicon, h: UnitHit) -> UnitHit:
    """A collective body also means the store's units whose names begin with one of its names
    ("các sở" → "Các sở, cơ quan thuộc Ủy ban nhân dân tỉnh")."""
    b = bodies.load().get(h.body) if h.body else None
    if b is None or b.level != "collective":
        return h
    heads = {name_key(n) for n in b.names if len(name_key(n).split()) >= 2}
    more = {u for k, us in lx.units.items() for hd in heads if k.startswith(hd + " ") for u in us}
    if not more - set(h.iris):
        return h
    return UnitHit(h.name, tuple(sorted(set(h.iris) | more)), h.span, h.body, h.english)


@functools.lru_cache(maxsize=1)
def _collectives() -> list[tuple[re.Pattern, frozenset[str], tuple[str, ...], tuple[str, ...]]]:
    """The collectives named by what their members are (``data/ask/collectives.json``): the pattern
    of their names (``name_key``-ed), their members' body kinds, the heads of members' short names,
    the lexicon bodies whose units are members."""
    out = []
    for c in json.loads(COLLECTIVES.read_text(encoding="utf-8"))["collectives"]:
        names = sorted({name_key(n) for n in c["names"]}, key=len, reverse=True)
        out.append((re.compile(r"\b(?:" + "|".join(map(re.escape, names)) + r")\b"), frozenset(c["kinds"]),
                    tuple(name_key(h) for h in c["heads"]), tuple(c.get("bodies", ()))))
    return out


def _with_members(lx: Lexicon, h: UnitHit) -> UnitHit:
    """A collective named by what its members are ("các đoàn thể", "Các đoàn thể, tổ chức xã hội",
    "mass organisations") also means the store's units that are such members: the Fatherland Front,
    the Women's Union, the Youth Union … (by their lexicon body's kind, or by the head of a short
    name the lexicon does not hold: "Hội Phụ nữ")."""
    said = name_key(h.name) + " | " + name_key(h.english or "")
    more: set[str] = set()
    for rx, kinds, heads, members in _collectives():
        if not rx.search(said):
            continue
        for b in members:  # "UBND cấp xã" also means the store's "UBND các xã, phường"
            more |= lx.body_units.get(b, set())
        lexi = bodies.load()
        more |= {u for u, b in lx.unit_body.items() if lexi.get(b) is not None and lexi.get(b).kind in kinds}
        more |= {u for k, us in lx.units.items() for hd in heads if k == hd or k.startswith(hd + " ")
                 for u in us if u not in lx.unit_body}
    if not more - set(h.iris):
        return h
    return UnitHit(h.name, tuple(sorted(set(h.iris) | more)), h.span, h.body, h.english)


def resolve_unit(lx: Lexicon, name: str) -> tuple[str | None, list[str]]:
    """A unit given by name, alias or IRI (loose: folded, or contained) → (its name, its IRIs)."""
    if name in lx.unit_label:
        return lx.unit_label[name], [name]
    k = name_key(name)
    if k in lx.units:
        iris = sorted(lx.units[k])
        return lx.unit_label[iris[0]], iris
    hits = sorted({u for n, us in lx.units.items() if k and (k in n or n in k) and len(n) > 3 for u in us})
    if hits:
        return lx.unit_label[hits[0]], hits
    return name, []


def unit_homes(iris: list[str]) -> set[str]:
    """The jurisdictions of units (their IRIs carry them)."""
    return {j for j in map(jurisdiction, iris) if j}


def type_labels(store: Store) -> dict[str, str]:
    """Document type concept → Vietnamese label: the scheme's types from graph.vocab, and the
    types outside it as the graphs using them describe them (kept per store version)."""
    return _type_table(store)


def _build_type_labels(store: Store) -> dict[str, str]:
    out = {str(ID[f"doctype/{k}"]): vi for k, (vi, _, _) in DOC_TYPES.items()}
    # a type outside the scheme is described in every graph using it: one DISTINCT pattern, then
    # lookups of those concepts (a join of the two would meet every copy of every other)
    extra = sorted({r["c"] for r in store.select(prefixed(
        f'SELECT DISTINCT ?c WHERE {{ ?c skos:inScheme {iri(ID["doctype"])} }}'))} - set(out))
    if extra:
        for r in store.select(prefixed(f'SELECT DISTINCT ?c ?l WHERE {{ {values("c", extra)} ?c skos:prefLabel ?l '
                                       'FILTER(LANG(?l) = "vi") }')):
            if r["c"] not in out or r["l"] < out[r["c"]]:
                out[r["c"]] = r["l"]
    return out


_type_table = PerVersion(_build_type_labels, keep=0)
