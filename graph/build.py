"""Facts → the triples of one named graph per source document (IRIs come from :mod:`graph.ids`).

The graph of a source document holds what that document says: its own description, the
documents it cites (as it describes them), the relations between them, its items (tasks) with
their units, the units it names, an ``oa:Annotation`` for every extracted fact (its target the
span of the text of record, ``<document#char=start,end>``, RFC 5147), and one ``prov:Activity``
for the ingestion.
Shared nodes (a cited decree, a unit) are simply described in every graph that mentions them;
queries read the union of the graphs. No blank nodes.

The triples are built straight from the facts as plain Python values (an IRI is a ``str``, a
literal a :class:`Lit`) and serialised to N-Triples / N-Quads text for the store; no rdflib graph
is made (``DocumentGraph.graph`` builds one on demand, for tests).

Fault isolation: a flaw in one fact never costs the document. What can be repaired safely is
repaired and flagged (an ASCII ``D`` typed for ``Đ`` in a symbol's code: one canonical symbol, the
variant kept as ``skos:hiddenLabel``; the mention's annotation says what was repaired), what
cannot is left out with a warning (an impossible date such as 31/02, a span outside the text, an
empty unit name). The warnings travel with the graph (:attr:`DocumentGraph.warnings`).

>>> from graph.fixtures import seed_facts
>>> dg = build_document(seed_facts(), ingested_at="2026-03-01T08:00:00+00:00")
>>> len(dg) > 500, dg.warnings
(True, ())
>>> dg.ntriples().count("\\n") == len(dg)
True
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from functools import cached_property, lru_cache
from typing import NamedTuple

from . import ids
from .ids import fold_ascii
from .vocab import CANCU, DCTERMS, DOC_TYPES, ELI, OA, ORG, PROV, RDF, RDFS, REL_LABELS, RELATION_WORDS, SKOS, XSD, bind

__all__ = ["DocumentGraph", "Lit", "Issue", "build_document", "build_schemes", "schemes_triples", "EXTRACTOR",
           "ntriples", "ntriples_bytes", "nt_term", "canonical_symbols"]

_s = str.__str__  # an rdflib URIRef (a str subclass with its own hash and equality) → a plain str

EXTRACTOR = _s(ids.ID["agent/cancu"])


class Lit(NamedTuple):
    """An RDF literal: its lexical form, and a datatype IRI or a language tag (neither: xsd:string)."""

    value: str
    datatype: str | None = None
    lang: str | None = None


Term = "str | Lit"


class _V:
    """The vocabulary's terms as plain strings (the vocabulary itself is :mod:`graph.vocab`)."""


for _name, _ns, _terms in (
        ("rdf", RDF, ["type"]), ("rdfs", RDFS, ["label"]),
        ("xsd", XSD, ["date", "gYearMonth", "gYear", "dateTime", "integer", "boolean", "string"]),
        ("skos", SKOS, ["Concept", "ConceptScheme", "prefLabel", "altLabel", "hiddenLabel", "inScheme"]),
        ("dcterms", DCTERMS, ["title"]), ("org", ORG, ["Organization"]),
        ("prov", PROV, ["Activity", "SoftwareAgent", "generated", "used", "wasAssociatedWith", "endedAtTime",
                        "generatedAtTime", "hadPrimarySource"]),
        ("oa", OA, ["Annotation", "hasBody", "hasTarget"]),
        ("eli", ELI, ["Work", "LegalResource", "WorkSubdivision", "ResourceType", "cites", "type_document",
                      "id_local", "date_document", "passed_by", "has_part", "is_part_of"]),
        ("cancu", CANCU, ["Task", "SourceDocument", "leadUnit", "supportUnit", "reportTo", "mentionsUnit", "deadline",
                          "deadlineText", "derivesFrom", "itemNumber", "itemKind", "inheritedLead", "issuerName",
                          "signer", "jurisdiction", "sourcePath", "sourceText", "sha256", "sourceFormat", "ingested",
                          "citedAs", "section", "repaired"])):
    for _t in _terms:
        setattr(_V, f"{_name}_{_t}", _s(_ns[_t]))

V = _V
_TRUE = Lit("true", V.xsd_boolean)
_REL_PROPS = {k: _s(v[0]) for k, v in REL_LABELS.items()}
_ROLE_PROPS = (("lead", V.cancu_leadUnit), ("support", V.cancu_supportUnit), ("report_to", V.cancu_reportTo))
# the kinds of item the shapes accept (graph/shapes.ttl, TaskShape itemKind sh:in)
ITEM_KINDS = frozenset(("objective", "task", "assignment", "heading", "article", "row", "field", "provision",
                        "scope", "funding", "context"))


@dataclass(frozen=True, slots=True)
class Issue:
    """One fact that was repaired or left out while building a document's graph (never a refusal).

    >>> str(Issue("repaired", "citation 10-25", "270/QD-TTg written 270/QĐ-TTg (ASCII D for Đ)"))
    'repaired citation 10-25: 270/QD-TTg written 270/QĐ-TTg (ASCII D for Đ)'
    """

    action: str   # "repaired" | "dropped"
    fact: str     # which fact: "citation 132-190", "item II.1", "document date"
    detail: str

    def __str__(self) -> str:
        return f"{self.action} {self.fact}: {self.detail}"


# ---------------------------------------------------------------- N-Triples text

_RARE = {ord("\t"): "\\t", ord("\b"): "\\b", ord("\f"): "\\f"}
_RARE.update({c: f"\\u{c:04X}" for c in (*range(0x20), 0x7F) if c not in _RARE and c not in (0x0A, 0x0D)})
_NEEDS_ESCAPE = re.compile(r'[\x00-\x1f\x7f"\\\ud800-\udfff]')
_NEEDS_RARE = re.compile(r"[\x00-\x09\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _escape(v: str) -> str:
    if not _NEEDS_ESCAPE.search(v):
        return v
    v = v.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    if _NEEDS_RARE.search(v):
        if _SURROGATE.search(v):  # not encodable: one replacement character each (offsets unchanged)
            v = _SURROGATE.sub("\ufffd", v)
        v = v.translate(_RARE)
    return v


def nt_term(t) -> str:
    """One term in N-Triples syntax.

    >>> nt_term("https://cancu.vn/id/x"), nt_term(Lit('a "b"\\n', lang="vi")), nt_term(Lit("5", V.xsd_integer))
    ('<https://cancu.vn/id/x>', '"a \\\\"b\\\\"\\\\n"@vi', '"5"^^<http://www.w3.org/2001/XMLSchema#integer>')
    """
    if type(t) is str:
        return f"<{t}>"
    v, dt, lang = t
    if lang:
        return f'"{_escape(v)}"@{lang}'
    if dt and dt != V.xsd_string:
        return f'"{_escape(v)}"^^<{dt}>'
    return f'"{_escape(v)}"'


def _lines(triples, tail: str):
    cache: dict[str, str] = {}
    for s, p, o in triples:
        a = cache.get(s)
        if a is None:
            a = cache[s] = f"<{s}>"
        b = cache.get(p)
        if b is None:
            b = cache[p] = f"<{p}>"
        if type(o) is str:
            c = cache.get(o)
            if c is None:
                c = cache[o] = f"<{o}>"
        else:
            c = nt_term(o)
        yield f"{a} {b} {c}{tail}"


def ntriples(triples, graph: str | None = None) -> str:
    """N-Triples text of the triples (N-Quads when ``graph`` is given), one line each."""
    return "".join(_lines(triples, f" <{graph}> .\n" if graph else " .\n"))


def ntriples_bytes(triples, chunk: int = 20_000) -> bytes:
    """N-Triples as UTF-8, encoded a few thousand lines at a time (a Vietnamese text held as one
    Python string takes two bytes a character: the bytes are the smaller form to keep and send)."""
    out, lines = [], []
    for line in _lines(triples, " .\n"):
        lines.append(line)
        if len(lines) >= chunk:
            out.append("".join(lines).encode("utf-8"))
            lines = []
    out.append("".join(lines).encode("utf-8"))
    return b"".join(out)


# ---------------------------------------------------------------- the graph of one document

@dataclass(frozen=True)
class DocumentGraph:
    """One source document's named graph, built in memory, not yet written."""

    document: str
    graph_iri: str
    triples: tuple            # ((subject, predicate, object), …): IRIs as str, literals as Lit
    path: str
    tasks: int
    citations: int
    warnings: tuple[Issue, ...] = ()
    ingested_at: str = ""

    def __len__(self) -> int:
        return len(self.triples)

    def ntriples(self) -> str:
        return ntriples(self.triples)

    def nquads(self) -> str:
        return ntriples(self.triples, self.graph_iri)

    @cached_property
    def graph(self):
        """The triples as an rdflib Graph (tests and serialisers; the store never needs it)."""
        from rdflib import Graph
        g = Graph()
        bind(g)
        g.parse(data=self.ntriples(), format="nt")
        return g


# ---------------------------------------------------------------- values checked before they are written

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_ISO_MONTH = re.compile(r"\d{4}-(0[1-9]|1[0-2])")
_ISO_YEAR = re.compile(r"\d{4}")


def _valid_day(v: str) -> bool:
    """An ISO day that exists (no 31/02).

    >>> _valid_day("2025-02-28"), _valid_day("2025-02-31"), _valid_day("2025-13-01")
    (True, False, False)
    """
    try:
        date.fromisoformat(v)
        return True
    except ValueError:
        return False


def _date_literal(v: str | None):
    """A deadline or date as a typed literal; None for an impossible day (the caller warns)."""
    if not v:
        return None
    if _ISO_DAY.fullmatch(v):
        return Lit(v, V.xsd_date) if _valid_day(v) else None
    if re.fullmatch(r"\d{4}-\d{2}", v):
        return Lit(v, V.xsd_gYearMonth) if _ISO_MONTH.fullmatch(v) else None
    if _ISO_YEAR.fullmatch(v):
        return Lit(v, V.xsd_gYear)
    return Lit(v)


@lru_cache(maxsize=1)
def _d_codes() -> dict[str, str]:
    """Codes of symbols written with ``Đ`` (data/patterns/doc_types.json, issuers.json, HĐND, BCĐ)
    by their ASCII spelling, ``{"QD": "QĐ", "ND": "NĐ", …}``; an ASCII spelling that is a code of
    its own (``HD`` Hướng dẫn beside ``HĐ`` Hợp đồng, ``DA`` Dự án beside ``ĐA`` Đề án) is left alone.

    >>> c = _d_codes(); c["QD"], c["HDND"], "HD" in c, "DA" in c
    ('QĐ', 'HĐND', False, False)
    """
    import json
    root = ids.ISSUERS_FILE.parent
    codes = {"HĐND", "BCĐ"}
    for t in json.loads((root / "doc_types.json").read_text(encoding="utf-8"))["types"]:
        codes.update(t.get("codes", ()))
    codes.update(json.loads(ids.ISSUERS_FILE.read_text(encoding="utf-8")).get("national", ()))
    return {c.replace("Đ", "D"): c for c in codes if "Đ" in c and c.replace("Đ", "D") not in codes}


def canonical_symbols(symbols) -> dict[str, str]:
    """``{symbol: canonical spelling}`` for the symbols of one document: spellings that differ only
    by ``D``/``Đ`` or letter case are one symbol; the canonical one writes the type code with ``Đ``
    where the standard does (``QĐ``, ``NĐ``), else it is the spelling met first.

    >>> canonical_symbols(["270/QD-TTg", "270/QĐ-TTg", "11/2020/ND-CP", "5/KH-UBND"])
    {'270/QD-TTg': '270/QĐ-TTg', '270/QĐ-TTg': '270/QĐ-TTg', '11/2020/ND-CP': '11/2020/NĐ-CP', '5/KH-UBND': '5/KH-UBND'}
    """
    groups: dict[str, list[str]] = {}
    for s in symbols:
        if s:
            groups.setdefault(fold_ascii(s), []).append(s)
    out: dict[str, str] = {}
    for variants in groups.values():
        variants = list(dict.fromkeys(variants))
        best = max(variants, key=lambda v: (v.count("Đ") + v.count("đ"), -variants.index(v)))
        if "Đ" not in best:
            best = _repair_d(best)
        for v in variants:
            out[v] = best
    return out


def _repair_d(sym: str) -> str:
    """``270/QD-TTg`` → ``270/QĐ-TTg``: an ASCII D in a code the standard writes with Đ."""
    if "/" not in sym:
        return sym
    head, _, code = sym.partition("/")
    codes = _d_codes()
    parts = re.split(r"([-/&])", code)
    fixed = [codes.get(p, p) if p.isascii() else p for p in parts]
    return f"{head}/{''.join(fixed)}"


class _Builder:
    def __init__(self, facts, ingested_at: str | None):
        self.f = facts
        self.t: dict[tuple, None] = {}   # the triples, in order, without repeats
        self.issues: list[Issue] = []
        self.text = facts.source.text
        d = facts.document
        self.juris = (ids.jurisdiction_of(d.issuer) or (ids.slug(d.place) if d.place else None))
        self.year = ids.year_of(d.date, d.symbol, d.title)
        national_issuer = ids.is_national_unit(d.issuer) or ids.is_national(d.symbol)
        if national_issuer:
            self.juris = "vn"
        self._sym_memo: dict[str, str] = {}
        self._unit_memo: dict[str, str | None] = {}
        self.canon = canonical_symbols(
            [ids.tidy_symbol(s) for s in self._all_symbols() if s])
        own = self.symbol(d.symbol)
        self.own = own
        self.doc = _s(ids.document_iri(own or None, jurisdiction=self.juris, year=self.year, type_=d.type,
                                       title=d.title, sha256=facts.source.sha256))
        self.scope = self.juris or f"doc-{ids.short_hash(self.doc)}"
        self.ingested_at = ingested_at or datetime.now(timezone.utc).isoformat(timespec="seconds")
        self.symbols: dict[str, str] = {}
        self.units: dict[str, str] = {}
        self.dated: set[str] = set()
        self.symbol_of: dict[str, str] = {}

    def _all_symbols(self):
        f = self.f
        yield f.document.symbol
        for c in f.citations:
            yield c.symbol
            yield c.resolved
        for r in f.relations:
            yield r.from_
            yield r.to
        for t in f.tasks:
            yield from t.cites

    def symbol(self, sym: str | None) -> str:
        """The canonical spelling of a symbol of this document ("" for none)."""
        if not sym:
            return ""
        out = self._sym_memo.get(sym)
        if out is None:
            s = ids.tidy_symbol(sym)
            out = self._sym_memo[sym] = self.canon.get(s, s)
        return out

    def add(self, s, p, o):
        if o is not None:
            self.t[(s, p, o)] = None

    def warn(self, action: str, fact: str, detail: str) -> None:
        self.issues.append(Issue(action, fact, detail))

    # -- shared pieces
    def annotate(self, body: str, kind: str, start: int, end: int, extra: str = "") -> str | None:
        """An oa:Annotation pointing at text[start:end] of this document, about ``body``."""
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(self.text)):
            self.warn("dropped", f"{kind} annotation", f"span {start}-{end} is not a stretch of the text "
                                                      f"({len(self.text)} characters)")
            return None
        ann = _s(ids.annotation_iri(self.doc, kind, start, end, extra or body))
        t = self.t
        # the target is the span itself, an RFC 5147 fragment of the text of record: the quote is
        # text[start:end] of the document's cancu:sourceText (3 triples, not 12 with selector nodes)
        t[(ann, V.rdf_type, V.oa_Annotation)] = None
        t[(ann, V.oa_hasBody, body)] = None
        t[(ann, V.oa_hasTarget, f"{self.doc}#char={start},{end}")] = None
        return ann

    def unit(self, name: str, aliases=()) -> str | None:
        if not aliases and name in self._unit_memo:
            return self._unit_memo[name]
        key = fold_ascii(name)
        if key in self.units:
            self._unit_memo[name] = self.units[key]
            return self.units[key]
        if not key:
            self.warn("dropped", "unit", f"a unit without a name ({name!r})")
            return None
        u = _s(ids.unit_iri(name, self.scope))
        self.units[key] = u
        self.add(u, V.rdf_type, V.org_Organization)
        self.add(u, V.skos_prefLabel, Lit(name, lang="vi"))
        for a in aliases:
            if a and fold_ascii(a) != key:
                self.add(u, V.skos_altLabel, Lit(a, lang="vi"))
                self.units.setdefault(fold_ascii(a), u)
        self.add(u, V.cancu_jurisdiction, Lit(ids.jurisdiction(u)))
        return u

    def set_symbol(self, iri: str, symbol: str, printed: str | None = None) -> None:
        """``eli:id_local`` (at most one per document): the canonical spelling; a spelling that was
        repaired is kept as ``skos:hiddenLabel``."""
        have = self.symbol_of.get(iri)
        if have is None:
            self.symbol_of[iri] = symbol
            self.add(iri, V.eli_id_local, Lit(symbol))
        elif have != symbol:  # two symbols whose IRIs coincide: the first stands, the other is a variant
            self.warn("repaired", f"symbol of {ids.last_segment(iri)}", f"{symbol} is another spelling of {have}")
            self.add(iri, V.skos_hiddenLabel, Lit(symbol))
        if printed:
            p = ids.tidy_symbol(printed)
            if p and p != self.symbol_of[iri]:
                self.add(iri, V.skos_hiddenLabel, Lit(p))

    def describe_doc(self, iri: str, *, type_: str | None, symbol: str | None, date: str | None,
                     issuer: str | None, title: str | None, printed: str | None = None, where: str = "document"):
        self.add(iri, V.rdf_type, V.eli_Work)
        ts = ids.slug(type_) if type_ else None
        if ts and DOC_TYPES.get(ts, ("", "", False))[2]:
            self.add(iri, V.rdf_type, V.eli_LegalResource)
        if type_:
            concept = _s(ids.doctype_iri(type_))
            self.add(iri, V.eli_type_document, concept)
            self.add(concept, V.rdf_type, V.skos_Concept)
            if ts not in DOC_TYPES:  # a type outside the scheme: described where it is used
                self.add(concept, V.skos_prefLabel, Lit(type_, lang="vi"))
                self.add(concept, V.skos_inScheme, _s(ids.ID["doctype"]))
        if symbol:
            self.set_symbol(iri, symbol, printed)
        if date and iri not in self.dated:
            # one date per document: when a text gives a cited document two dates (a typo, a date that
            # belongs to the next words), the first mention's stands; each mention keeps its own words
            if _ISO_DAY.fullmatch(date) and _valid_day(date):
                self.dated.add(iri)
                self.add(iri, V.eli_date_document, Lit(date, V.xsd_date))
            else:
                self.warn("dropped", f"date of {where}", f"{date!r} is not a day of the calendar")
        if issuer:
            self.add(iri, V.cancu_issuerName, Lit(issuer, lang="vi"))
            u = self.unit(issuer)
            if u:
                self.add(iri, V.eli_passed_by, u)
        if title:
            self.add(iri, V.dcterms_title, Lit(title, lang="vi"))
        if symbol:
            label = " ".join(x for x in (type_, self.symbol_of.get(iri, symbol)) if x)
        else:
            label = " ".join(x for x in (type_, title[:1].lower() + title[1:] if title and type_ else title) if x)
        if label:
            self.add(iri, V.rdfs_label, Lit(label, lang="vi"))

    def cited_iri(self, symbol: str | None, *, issuer=None, date=None, type_=None, name=None) -> str:
        if symbol:
            key = self.symbol(symbol)
            if key in self.symbols:
                return self.symbols[key]
            j = ids.jurisdiction_of(issuer) if issuer else None
            iri = _s(ids.document_iri(key, jurisdiction=j or self.juris, year=ids.year_of(date, key),
                                      scope=self.scope))
            if self.own and self.own == key:
                iri = self.doc
            self.symbols[key] = iri
            return iri
        return _s(ids.named_document_iri(type_, name or ""))

    # -- the document, step by step
    def build(self) -> DocumentGraph:
        self.describe_source()
        self.add_ingestion()
        for u in self.f.units:  # units first (tasks refer to them by name)
            ui = self.unit(u.name, u.aliases)
            if ui:
                for (s, e) in u.mentions:
                    self.annotate(ui, "unit", s, e)
        cite_by_section, n_cites = self.add_citations()
        self.add_relations()
        own_iri = self.add_tasks(cite_by_section)
        self.add_mentions(own_iri)
        return DocumentGraph(self.doc, _s(ids.graph_iri(self.doc)), tuple(self.t), self.f.source.path,
                             len(self.f.tasks), n_cites, tuple(self.issues), self.ingested_at)

    def describe_source(self) -> None:
        """The source document itself: its description, where its text came from, its header spans."""
        f, d, doc = self.f, self.f.document, self.doc
        self.describe_doc(doc, type_=d.type, symbol=self.own, date=d.date, issuer=d.issuer, title=d.title,
                          printed=d.symbol, where="the document")
        self.add(doc, V.rdf_type, V.cancu_SourceDocument)
        self.add(doc, V.cancu_ingested, _TRUE)
        self.add(doc, V.cancu_sourcePath, Lit(f.source.path))
        self.add(doc, V.cancu_sourceText, Lit(f.source.text))
        self.add(doc, V.cancu_sha256, Lit(f.source.sha256))
        self.add(doc, V.cancu_sourceFormat, Lit(f.source.format))
        self.add(doc, V.cancu_jurisdiction, Lit(self.scope))
        if d.signer:
            self.add(doc, V.cancu_signer, Lit(d.signer, lang="vi"))
        if not (self.own or d.type or d.title):
            self.add(doc, V.rdfs_label, Lit(ids.last_segment(f.source.path)))
        for name, span in d.spans:
            self.annotate(doc, f"header-{ids.slug(name)}", span.start, span.end)

    def add_ingestion(self) -> None:
        """The ingestion run (PROV-O)."""
        doc, run = self.doc, _s(ids.ingestion_iri(self.doc))
        when = Lit(self.ingested_at, V.xsd_dateTime)
        for triple in ((run, V.rdf_type, V.prov_Activity), (run, V.prov_generated, doc),
                       (run, V.prov_used, Lit(self.f.source.path)), (run, V.prov_wasAssociatedWith, EXTRACTOR),
                       (run, V.prov_endedAtTime, when), (doc, V.prov_generatedAtTime, when),
                       (EXTRACTOR, V.rdf_type, V.prov_SoftwareAgent), (EXTRACTOR, V.rdfs_label, Lit("cancu"))):
            self.t[triple] = None

    def add_citations(self) -> tuple[dict[str, list[str]], int]:
        """Every citation: the cited document as this text describes it, and the annotation of the
        mention. Returns the documents cited in each section, and the number of citations."""
        doc = self.doc
        cite_by_section: dict[str, list[str]] = {}
        n_cites = 0
        for c in self.f.citations:
            if c.kind == "self":
                target = doc
            elif c.symbol:
                target = self.cited_iri(c.symbol, issuer=c.issuer, date=c.date, type_=c.type)
            elif c.resolved:
                target = self.cited_iri(c.resolved, type_=c.type)
            else:
                target = self.cited_iri(None, type_=c.type, name=c.text)
            printed = c.symbol or c.resolved
            sym = self.symbol(printed) if printed else None
            if target != doc:
                n_cites += 1
                self.describe_doc(target, type_=c.type, symbol=sym, date=c.date, issuer=c.issuer,
                                  title=c.subject, printed=printed, where=f"the document cited at {c.start}-{c.end}")
                if c.kind == "named":
                    self.add(target, V.skos_altLabel, Lit(c.text, lang="vi"))
                    if not sym:
                        self.add(target, V.rdfs_label, Lit(c.text, lang="vi"))
                self.add(doc, V.eli_cites, target)
                if c.section and c.section not in ("preamble", None):
                    cite_by_section.setdefault(c.section, []).append(target)
                if c.section == "preamble" or (c.section is None and c.start < 1500):
                    rel = self._preamble_relation(c.start)
                    if rel:
                        self.add(doc, _REL_PROPS[rel], target)
            ann = self.annotate(target, "citation", c.start, c.end)
            if ann is None:
                continue
            if printed:
                as_printed = ids.tidy_symbol(printed)
                self.add(ann, V.cancu_citedAs, Lit(as_printed))
                if as_printed != sym:
                    self.add(ann, V.cancu_repaired, Lit(f"{as_printed} → {sym}"))
                    self.warn("repaired", f"citation {c.start}-{c.end}", f"{as_printed} written {sym} "
                                                                         "(one spelling per document)")
            if c.section:
                self.add(ann, V.cancu_section, Lit(c.section))
        return cite_by_section, n_cites

    def _endpoint(self, sym: str | None) -> str:
        """A document named by a relation or an item's citations: described at least as a work
        with its symbol, so every link ends at a typed document."""
        if not sym or sym == "self" or self.symbol(sym) == self.own:
            return self.doc
        iri = self.cited_iri(sym)
        if iri != self.doc:
            self.add(iri, V.rdf_type, V.eli_Work)
            self.set_symbol(iri, self.symbol(sym), sym)
        return iri

    def add_relations(self) -> None:
        """Relations between documents read from subjects ("… quy định chi tiết Luật …")."""
        for r in self.f.relations:
            rel = RELATION_WORDS.get(fold_ascii(r.rel).replace(" ", "_"), RELATION_WORDS.get(fold_ascii(r.rel)))
            if not rel:
                continue
            a, b = self._endpoint(r.from_), self._endpoint(r.to)
            if a == b:
                continue
            self.add(a, _REL_PROPS[rel], b)
            self.annotate(a, f"relation-{rel}", r.start, r.end, extra=f"{a}|{rel}|{b}")

    def task_iris(self) -> tuple[list[str], dict[str, str]]:
        """One IRI per item, in order, and the first item of each id. An item whose id repeats
        another's (an annex restarting "Điều 1", two ids with the same slug) gets "-2", "-3" … so
        no IRI carries two numbers or kinds."""
        item_iris: dict[str, str] = {}
        own_iri: list[str] = []
        used: set[str] = set()
        for t in self.f.tasks:
            base = iri = _s(ids.task_iri(self.doc, t.id))
            k = 2
            while iri in used:
                iri, k = f"{base}-{k}", k + 1
            used.add(iri)
            own_iri.append(iri)
            item_iris.setdefault(t.id, iri)
        return own_iri, item_iris

    def add_tasks(self, cite_by_section: dict[str, list[str]]) -> list[str]:
        """The numbered items with their parts, units by role, deadline and the documents they
        cite; returns their IRIs in order."""
        doc, add = self.doc, self.add
        own_iri, item_iris = self.task_iris()
        for t, ti in zip(self.f.tasks, own_iri):
            kind = t.kind
            if kind not in ITEM_KINDS:
                self.warn("repaired", f"item {t.id}", f"unknown kind {kind!r} recorded as 'context'")
                kind = "context"
            add(ti, V.rdf_type, V.cancu_Task)
            add(ti, V.rdf_type, V.eli_WorkSubdivision)
            add(ti, V.cancu_itemNumber, Lit(t.id))
            add(ti, V.cancu_itemKind, Lit(kind))
            add(ti, V.prov_hadPrimarySource, doc)
            first = self.text[t.start:t.end].strip().split("\n", 1)[0][:120]
            add(ti, V.rdfs_label, Lit(f"{t.id}. {first}" if first else t.id, lang="vi"))
            parent = item_iris.get(t.parent) if t.parent else None
            add(parent or doc, V.eli_has_part, ti)
            add(ti, V.eli_is_part_of, parent or doc)
            for role, prop in _ROLE_PROPS:
                for name in getattr(t, role):
                    if name:
                        u = self.unit(name)
                        if u:
                            add(ti, prop, u)
            if t.inherited_lead:
                add(ti, V.cancu_inheritedLead, _TRUE)
            if t.deadline:
                lit = _date_literal(t.deadline)
                if lit is None:
                    self.warn("dropped", f"deadline of item {t.id}", f"{t.deadline!r} is not a day of the calendar "
                                                                      "(its words are kept)")
                add(ti, V.cancu_deadline, lit)
            if t.deadline_text:
                add(ti, V.cancu_deadlineText, Lit(t.deadline_text, lang="vi"))
            targets = [self._endpoint(s) for s in t.cites if s and self.symbol(s) != self.own]
            targets += cite_by_section.get(t.id, [])
            for target in dict.fromkeys(targets):
                if target != doc:
                    add(ti, V.cancu_derivesFrom, target)
            self.annotate(ti, "task", t.start, t.end)
        return own_iri

    def add_mentions(self, own_iri: list[str]) -> None:
        """Units named inside an item without a role: the innermost item holding the mention; a
        unit named inside a citation ("Nghị định … của Chính phủ") is that document's issuer, not a
        mention."""
        f, t = self.f, self.t
        cite_spans = sorted((c.start, c.end) for c in f.citations)
        cite_starts = [a for a, _ in cite_spans]

        def in_citation(pos: int) -> bool:
            k = bisect.bisect_right(cite_starts, pos) - 1
            return k >= 0 and cite_spans[k][0] <= pos < cite_spans[k][1]

        queries = []
        for u in f.units:
            ui = self.units.get(fold_ascii(u.name))
            if ui:
                queries += [(s, e, ui) for (s, e) in u.mentions if not in_citation(s)]
        holders = innermost([(x.start, x.end) for x in f.tasks], [(s, e) for s, e, _ in queries])
        for (s, e, ui), holder in zip(queries, holders):
            if holder is not None:
                ti = own_iri[holder]
                if not any((ti, p, ui) in t for _, p in _ROLE_PROPS):
                    t[(ti, V.cancu_mentionsUnit, ui)] = None

    def _preamble_relation(self, start: int) -> str | None:
        """"Căn cứ …" → based_on, "Thực hiện …" → applies: the words that open the clause."""
        head = self.text[max(0, start - 300):start]
        clause = re.split(r"[;\n]\s*\n|;", head)[-1]
        f = fold_ascii(clause)
        if re.search(r"(^|\s)can cu\b", f):
            return "based_on"
        if re.search(r"(^|\s)(thuc hien|trien khai|tiep theo)\b", f):
            return "applies"
        return None


def innermost(spans: list[tuple[int, int]], queries: list[tuple[int, int]]) -> list[int | None]:
    """For each query span, the index of the shortest span holding it (ties: the lower index), or
    None. Outline items nest, so one sweep answers every query; spans that
    overlap without nesting fall back to a scan per query.

    >>> innermost([(0, 100), (10, 50), (20, 30), (60, 90)], [(21, 25), (12, 40), (61, 62), (95, 99), (0, 200)])
    [2, 1, 3, 0, None]
    """
    order = sorted(range(len(spans)), key=lambda i: (spans[i][0], -spans[i][1], -i))
    qorder = sorted(range(len(queries)), key=lambda k: queries[k][0])
    out: list[int | None] = [None] * len(queries)
    stack: list[int] = []
    j = 0
    laminar = True
    for k in qorder:
        qs, qe = queries[k]
        while j < len(order) and spans[order[j]][0] <= qs:
            i = order[j]
            s, e = spans[i]
            while stack and spans[stack[-1]][1] <= s and spans[stack[-1]][1] < e:
                stack.pop()
            if stack and spans[stack[-1]][1] < e:
                laminar = False
                break
            stack.append(i)
            j += 1
        if not laminar:
            break
        for i in reversed(stack):
            s, e = spans[i]
            if s <= qs and qe <= e:
                out[k] = i
                break
    else:
        return out
    ranked = sorted(range(len(spans)), key=lambda i: spans[i][1] - spans[i][0])
    return [next((i for i in ranked if spans[i][0] <= qs and qe <= spans[i][1]), None) for qs, qe in queries]


def build_document(facts, *, ingested_at: str | None = None) -> DocumentGraph:
    """Build the named graph of one source document from its facts (pure, no I/O)."""
    return _Builder(facts, ingested_at).build()


def schemes_triples() -> tuple:
    """The SKOS scheme of document types (its own named graph), as triples."""
    scheme = _s(ids.ID["doctype"])
    out = [(scheme, V.rdf_type, V.skos_ConceptScheme), (scheme, V.skos_prefLabel, Lit("Loại văn bản", lang="vi")),
           (scheme, V.skos_prefLabel, Lit("Document types", lang="en"))]
    for key, (vi, en, _legal) in DOC_TYPES.items():
        c = _s(ids.ID[f"doctype/{key}"])
        out += [(c, V.rdf_type, V.skos_Concept), (c, V.rdf_type, V.eli_ResourceType), (c, V.skos_inScheme, scheme),
                (c, V.skos_prefLabel, Lit(vi, lang="vi")), (c, V.skos_prefLabel, Lit(en, lang="en"))]
    return tuple(out)


def build_schemes():
    """The SKOS scheme of document types as an rdflib Graph (serialisers and tests)."""
    from rdflib import Graph
    g = Graph()
    bind(g)
    g.parse(data=ntriples(schemes_triples()), format="nt")
    return g
