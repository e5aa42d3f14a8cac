"""The rdflib builder this project used before graph/build.py built quads straight from the facts:
kept only as the reference of tests/test_build_equivalence.py (same triples on the seed and dev).


The graph of a source document holds what that document says: its own description, the
documents it cites (as it describes them), the relations between them, its items (tasks) with
their units, the units it names, an ``oa:Annotation`` whose target is the span
``<document#char=start,end>`` for every extracted fact, and one ``prov:Activity`` for the ingestion.
Shared nodes (a cited decree, a unit) are simply described in every graph that mentions them;
queries read the union of the graphs. No blank nodes.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import datetime, timezone

from rdflib import Graph, Literal, URIRef

from graph.build import Lit
from graph import ids
from graph.ids import fold_ascii
from graph.vocab import CANCU, DCTERMS, DOC_TYPES, ELI, OA, ORG, PROV, RDF, RDFS, REL_LABELS, RELATION_WORDS, SKOS, XSD, bind

__all__ = ["DocumentGraph", "build_document", "build_schemes", "EXTRACTOR"]

EXTRACTOR = ids.ID["agent/cancu"]


@dataclass(frozen=True)
class DocumentGraph:
    """One source document's named graph, built in memory, not yet written."""

    document: URIRef
    graph_iri: URIRef
    graph: Graph
    path: str
    tasks: int
    citations: int

    def __len__(self) -> int:
        return len(self.graph)


def _type_slug(t: str | None) -> str | None:
    return ids.slug(t) if t else None


def _date_literal(v: str | None) -> Literal | None:
    if not v:
        return None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
        return Literal(v, datatype=XSD.date)
    if re.fullmatch(r"\d{4}-\d{2}", v):
        return Literal(v, datatype=XSD.gYearMonth)
    if re.fullmatch(r"\d{4}", v):
        return Literal(v, datatype=XSD.gYear)
    return Literal(v)


class _Builder:
    def __init__(self, facts, ingested_at: str | None):
        self.f = facts
        self.g = Graph()
        bind(self.g)
        self.text = facts.source.text
        d = facts.document
        self.juris = (ids.jurisdiction_of(d.issuer) or (ids.slug(d.place) if d.place else None))
        self.year = ids.year_of(d.date, d.symbol, d.title)
        national_issuer = ids.is_national_unit(d.issuer) or ids.is_national(d.symbol)
        if national_issuer:
            self.juris = "vn"
        self.doc = ids.document_iri(d.symbol, jurisdiction=self.juris, year=self.year, type_=d.type,
                                    title=d.title, sha256=facts.source.sha256)
        self.scope = self.juris or f"doc-{ids.short_hash(str(self.doc))}"
        self.ingested_at = ingested_at or datetime.now(timezone.utc).isoformat(timespec="seconds")
        self.symbols: dict[str, URIRef] = {}
        self.units: dict[str, URIRef] = {}
        self.sources_seen: set[URIRef] = set()

    def add(self, s, p, o):
        if o is not None:
            self.g.add((s, p, o))

    # -- shared pieces
    def annotate(self, body: URIRef, kind: str, start: int, end: int, extra: str = "") -> URIRef:
        """An oa:Annotation pointing at text[start:end] of this document, about ``body``."""
        ann = ids.annotation_iri(self.doc, kind, start, end, extra or str(body))
        g = self.g
        g.add((ann, RDF.type, OA.Annotation))
        g.add((ann, OA.hasBody, body))
        g.add((ann, OA.hasTarget, ids.span_target(self.doc, start, end)))
        return ann

    def unit(self, name: str, aliases=()) -> URIRef:
        key = fold_ascii(name)
        if key in self.units:
            return self.units[key]
        u = ids.unit_iri(name, self.scope)
        self.units[key] = u
        self.add(u, RDF.type, ORG.Organization)
        self.add(u, SKOS.prefLabel, Literal(name, lang="vi"))
        for a in aliases:
            if a and fold_ascii(a) != key:
                self.add(u, SKOS.altLabel, Literal(a, lang="vi"))
                self.units.setdefault(fold_ascii(a), u)
        self.add(u, CANCU.jurisdiction, Literal(ids.jurisdiction(u)))
        return u

    def describe_doc(self, iri: URIRef, *, type_: str | None, symbol: str | None, date: str | None,
                     issuer: str | None, title: str | None):
        self.add(iri, RDF.type, ELI.Work)
        ts = _type_slug(type_)
        if ts and DOC_TYPES.get(ts, ("", "", False))[2]:
            self.add(iri, RDF.type, ELI.LegalResource)
        if type_:
            concept = ids.doctype_iri(type_)
            self.add(iri, ELI.type_document, concept)
            self.add(concept, RDF.type, SKOS.Concept)
            if ts not in DOC_TYPES:  # a type outside the scheme: described where it is used
                self.add(concept, SKOS.prefLabel, Literal(type_, lang="vi"))
                self.add(concept, SKOS.inScheme, ids.ID["doctype"])
        if symbol:
            self.add(iri, ELI.id_local, Literal(ids.tidy_symbol(symbol)))
        if (iri, ELI.date_document, None) not in self.g:
            # one date per document: when a text gives a cited document two dates (a typo, a date that
            # belongs to the next words), the first mention's stands; each mention keeps its own words
            self.add(iri, ELI.date_document, _date_literal(date))
        if issuer:
            self.add(iri, CANCU.issuerName, Literal(issuer, lang="vi"))
            self.add(iri, ELI.passed_by, self.unit(issuer))
        if title:
            self.add(iri, DCTERMS.title, Literal(title, lang="vi"))
        if symbol:
            label = " ".join(x for x in (type_, ids.tidy_symbol(symbol)) if x)
        else:
            label = " ".join(x for x in (type_, title[:1].lower() + title[1:] if title and type_ else title) if x)
        if label:
            self.add(iri, RDFS.label, Literal(label, lang="vi"))

    def cited_iri(self, symbol: str | None, *, issuer=None, date=None, type_=None, name=None) -> URIRef:
        if symbol:
            key = ids.tidy_symbol(symbol)
            if key in self.symbols:
                return self.symbols[key]
            j = ids.jurisdiction_of(issuer) if issuer else None
            iri = ids.document_iri(key, jurisdiction=j or self.juris, year=ids.year_of(date, key),
                                   scope=self.scope)
            if self.f.document.symbol and ids.tidy_symbol(self.f.document.symbol) == key:
                iri = self.doc
            self.symbols[key] = iri
            return iri
        return ids.named_document_iri(type_, name or "")

    # -- the document, step by step
    def build(self) -> DocumentGraph:
        self.describe_source()
        self.add_ingestion()
        for u in self.f.units:  # units first (tasks refer to them by name)
            ui = self.unit(u.name, u.aliases)
            for (s, e) in u.mentions:
                self.annotate(ui, "unit", s, e)
        cite_by_section, n_cites = self.add_citations()
        self.add_relations()
        own_iri = self.add_tasks(cite_by_section)
        self.add_mentions(own_iri)
        return DocumentGraph(self.doc, ids.graph_iri(self.doc), self.g, self.f.source.path, len(self.f.tasks), n_cites)

    def describe_source(self) -> None:
        """The source document itself: its description, where its text came from, its header spans."""
        f, d, doc = self.f, self.f.document, self.doc
        self.describe_doc(doc, type_=d.type, symbol=d.symbol, date=d.date, issuer=d.issuer, title=d.title)
        self.add(doc, RDF.type, CANCU.SourceDocument)
        self.add(doc, CANCU.ingested, Literal(True))
        self.add(doc, CANCU.sourcePath, Literal(f.source.path))
        self.add(doc, CANCU.sourceText, Literal(f.source.text))
        self.add(doc, CANCU.sha256, Literal(f.source.sha256))
        self.add(doc, CANCU.sourceFormat, Literal(f.source.format))
        self.add(doc, CANCU.jurisdiction, Literal(self.scope))
        if d.signer:
            self.add(doc, CANCU.signer, Literal(d.signer, lang="vi"))
        if not (d.symbol or d.type or d.title):
            self.add(doc, RDFS.label, Literal(ids.last_segment(f.source.path)))
        for name, span in d.spans:
            self.annotate(doc, f"header-{ids.slug(name)}", span.start, span.end)

    def add_ingestion(self) -> None:
        """The ingestion run (PROV-O)."""
        g, doc, run = self.g, self.doc, ids.ingestion_iri(self.doc)
        g.add((run, RDF.type, PROV.Activity))
        g.add((run, PROV.generated, doc))
        g.add((run, PROV.used, Literal(self.f.source.path)))
        g.add((run, PROV.wasAssociatedWith, EXTRACTOR))
        g.add((run, PROV.endedAtTime, Literal(self.ingested_at, datatype=XSD.dateTime)))
        g.add((doc, PROV.generatedAtTime, Literal(self.ingested_at, datatype=XSD.dateTime)))
        g.add((EXTRACTOR, RDF.type, PROV.SoftwareAgent))
        g.add((EXTRACTOR, RDFS.label, Literal("cancu")))

    def add_citations(self) -> tuple[dict[str, list[URIRef]], int]:
        """Every citation: the cited document as this text describes it, and the annotation of the
        mention. Returns the documents cited in each section, and the number of citations."""
        g, doc = self.g, self.doc
        cite_by_section: dict[str, list[URIRef]] = {}
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
            if target != doc:
                n_cites += 1
                sym = c.symbol or c.resolved
                self.describe_doc(target, type_=c.type, symbol=sym, date=c.date, issuer=c.issuer,
                                  title=c.subject)
                if c.kind == "named":
                    self.add(target, SKOS.altLabel, Literal(c.text, lang="vi"))
                    if not sym:
                        self.add(target, RDFS.label, Literal(c.text, lang="vi"))
                g.add((doc, ELI.cites, target))
                if c.section and c.section not in ("preamble", None):
                    cite_by_section.setdefault(c.section, []).append(target)
                if c.section == "preamble" or (c.section is None and c.start < 1500):
                    rel = self._preamble_relation(c.start)
                    if rel:
                        g.add((doc, REL_LABELS[rel][0], target))
            ann = self.annotate(target, "citation", c.start, c.end)
            if c.symbol or c.resolved:
                g.add((ann, CANCU.citedAs, Literal(ids.tidy_symbol(c.symbol or c.resolved))))
            if c.section:
                g.add((ann, CANCU.section, Literal(c.section)))
        return cite_by_section, n_cites

    def add_relations(self) -> None:
        """Relations between documents read from subjects ("… quy định chi tiết Luật …")."""
        g, doc, d = self.g, self.doc, self.f.document
        own = ids.tidy_symbol(d.symbol) if d.symbol else None
        for r in self.f.relations:
            rel = RELATION_WORDS.get(fold_ascii(r.rel).replace(" ", "_"), RELATION_WORDS.get(fold_ascii(r.rel)))
            if not rel:
                continue
            a = doc if (not r.from_ or r.from_ in ("self", own)) else self.cited_iri(r.from_)
            b = doc if (not r.to or r.to in ("self", own)) else self.cited_iri(r.to)
            if a == b:
                continue
            g.add((a, REL_LABELS[rel][0], b))
            if a != doc:
                self.add(a, RDF.type, ELI.Work)
                self.add(a, ELI.id_local, Literal(ids.tidy_symbol(r.from_)))
            if b != doc:
                self.add(b, RDF.type, ELI.Work)
                self.add(b, ELI.id_local, Literal(ids.tidy_symbol(r.to)))
            self.annotate(a, f"relation-{rel}", r.start, r.end, extra=f"{a}|{rel}|{b}")

    def task_iris(self) -> tuple[list[URIRef], dict[str, URIRef]]:
        """One IRI per item, in order, and the first item of each id. An item whose id repeats
        another's (an annex restarting "Điều 1", two ids with the same slug) gets "-2", "-3" … so
        no IRI carries two numbers or kinds."""
        item_iris: dict[str, URIRef] = {}
        own_iri: list[URIRef] = []
        used: set[URIRef] = set()
        for t in self.f.tasks:
            base = iri = ids.task_iri(self.doc, t.id)
            k = 2
            while iri in used:
                iri, k = URIRef(f"{base}-{k}"), k + 1
            used.add(iri)
            own_iri.append(iri)
            item_iris.setdefault(t.id, iri)
        return own_iri, item_iris

    def add_tasks(self, cite_by_section: dict[str, list[URIRef]]) -> list[URIRef]:
        """The numbered items with their parts, units by role, deadline and the documents they
        cite; returns their IRIs in order."""
        g, doc, d = self.g, self.doc, self.f.document
        own = ids.tidy_symbol(d.symbol) if d.symbol else None
        own_iri, item_iris = self.task_iris()
        for t, ti in zip(self.f.tasks, own_iri):
            g.add((ti, RDF.type, CANCU.Task))
            g.add((ti, RDF.type, ELI.WorkSubdivision))
            g.add((ti, CANCU.itemNumber, Literal(t.id)))
            g.add((ti, CANCU.itemKind, Literal(t.kind)))
            g.add((ti, PROV.hadPrimarySource, doc))
            first = self.text[t.start:t.end].strip().split("\n", 1)[0][:120]
            g.add((ti, RDFS.label, Literal(f"{t.id}. {first}" if first else t.id, lang="vi")))
            parent = item_iris.get(t.parent) if t.parent else None
            g.add((parent or doc, ELI.has_part, ti))
            g.add((ti, ELI.is_part_of, parent or doc))
            for role, prop in (("lead", CANCU.leadUnit), ("support", CANCU.supportUnit),
                               ("report_to", CANCU.reportTo)):
                for name in getattr(t, role):
                    if name:
                        g.add((ti, prop, self.unit(name)))
            if t.inherited_lead:
                g.add((ti, CANCU.inheritedLead, Literal(True)))
            self.add(ti, CANCU.deadline, _date_literal(t.deadline))
            if t.deadline_text:
                g.add((ti, CANCU.deadlineText, Literal(t.deadline_text, lang="vi")))
            targets = [self.cited_iri(s) for s in t.cites if s and s != own]
            targets += cite_by_section.get(t.id, [])
            for target in dict.fromkeys(targets):
                if target != doc:
                    g.add((ti, CANCU.derivesFrom, target))
            self.annotate(ti, "task", t.start, t.end)
        return own_iri

    def add_mentions(self, own_iri: list[URIRef]) -> None:
        """Units named inside an item without a role: the innermost item holding the mention; a
        unit named inside a citation ("Nghị định … của Chính phủ") is that document's issuer, not a
        mention."""
        f, g = self.f, self.g
        spans = sorted(((t.end - t.start, t.start, t.end, i) for i, t in enumerate(f.tasks)), key=lambda x: x[0])
        cite_spans = sorted((c.start, c.end) for c in f.citations)
        cite_starts = [a for a, _ in cite_spans]

        def in_citation(pos: int) -> bool:
            k = bisect.bisect_right(cite_starts, pos) - 1
            return k >= 0 and cite_spans[k][0] <= pos < cite_spans[k][1]

        for u in f.units:
            ui = self.units[fold_ascii(u.name)]
            for (s, e) in u.mentions:
                if in_citation(s):
                    continue
                holder = next((i for _, ts, te, i in spans if ts <= s and e <= te), None)
                if holder is not None:
                    ti = own_iri[holder]
                    if not any((ti, p, ui) in g for p in (CANCU.leadUnit, CANCU.supportUnit, CANCU.reportTo)):
                        g.add((ti, CANCU.mentionsUnit, ui))

    def _preamble_relation(self, start: int) -> str | None:
        """"Căn cứ …" → based_on, "Thực hiện …" → applies: the words that open the clause."""
        head = self.text[max(0, start - 300):start]
        clause = re.split(r"[;\n]\s*\n|;", head)[-1]
        f = fold_ascii(clause)
        if re.search(r"(^|\s)can cu\b", f):
            return "based_on"
        if re.search(r"(^|\s)(thuc hien|trien khai)\b", f):
            return "applies"
        return None


def build_document(facts, *, ingested_at: str | None = None) -> DocumentGraph:
    """Build the named graph of one source document from its facts (pure, no I/O)."""
    return _Builder(facts, ingested_at).build()


def build_schemes() -> Graph:
    """The SKOS scheme of document types (its own named graph)."""
    g = Graph()
    bind(g)
    scheme = ids.ID["doctype"]
    g.add((scheme, RDF.type, SKOS.ConceptScheme))
    g.add((scheme, SKOS.prefLabel, Literal("Loại văn bản", lang="vi")))
    g.add((scheme, SKOS.prefLabel, Literal("Document types", lang="en")))
    for key, (vi, en, legal) in DOC_TYPES.items():
        c = ids.ID[f"doctype/{key}"]
        g.add((c, RDF.type, SKOS.Concept))
        g.add((c, RDF.type, ELI.ResourceType))
        g.add((c, SKOS.inScheme, scheme))
        g.add((c, SKOS.prefLabel, Literal(vi, lang="vi")))
        g.add((c, SKOS.prefLabel, Literal(en, lang="en")))
    return g


# ---------------------------------------------------------------- the earlier evidence model

def earlier_model(dg) -> tuple:
    """The graph as stores held it before span targets: each annotation's target a node with a
    TextPositionSelector and a TextQuoteSelector (12 triples an annotation, not 3)."""
    text = next(o for s, p, o in dg.triples if p == str(CANCU.sourceText)).value
    out = []
    for s, p, o in dg.triples:
        if p != str(OA.hasTarget):
            out.append((s, p, o))
            continue
        doc, start, end = ids.span_of(o)
        t, pos, q = f"{s}/target", f"{s}/pos", f"{s}/quote"
        integer = "http://www.w3.org/2001/XMLSchema#integer"
        out += [(s, p, t), (t, str(RDF.type), str(OA.SpecificResource)), (t, str(OA.hasSource), doc),
                (t, str(OA.hasSelector), pos), (t, str(OA.hasSelector), q),
                (pos, str(RDF.type), str(OA.TextPositionSelector)), (pos, str(OA.start), Lit(str(start), integer)),
                (pos, str(OA.end), Lit(str(end), integer)), (q, str(RDF.type), str(OA.TextQuoteSelector)),
                (q, str(OA.exact), Lit(text[start:end]))]
    return tuple(out)
