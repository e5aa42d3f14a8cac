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

import re
from dataclasses import dataclass, field

from .ids import ID, fold_ascii, jurisdiction, tidy_symbol
from .store import PerVersion, Store, iri, prefixed, values
from .vocab import DOC_TYPES

__all__ = ["Lexicon", "lexicon", "name_key", "find_units", "resolve_unit", "unit_homes", "type_labels"]


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
        if r["u"] in orgs:
            k = name_key(r["n"])
            lx.units.setdefault(k, set()).add(r["u"])
            lx.max_unit_words = max(lx.max_unit_words, len(k.split()))
    lx.sources = [r["d"] for r in sel("SELECT ?d WHERE { ?d a cancu:SourceDocument }")]
    return lx


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
