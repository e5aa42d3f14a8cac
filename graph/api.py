"""The facade the Streamlit app (and any other front end) calls: one object, plain data out.

Everything returned here is a result type of :mod:`graph.results` (frozen dataclasses), a list of
them, a ``dict``/``list`` of plain JSON-able values, or ``bytes`` (exports). No rdflib, pyoxigraph,
networkx or pandas object ever crosses this boundary, so the app can cache results with
``st.cache_data`` and never computes.

Identifiers: every node (document, unit, task, section) is addressed by its IRI, a plain ``str``
(``node_id``). IRIs are deterministic (see :mod:`graph.ids`), so they are stable across
re-ingestion and safe to put in a URL (``?id=…``).

Typical use::

    from graph import api
    kg = api.open_graph("data/store")            # or "http://127.0.0.1:7878" (a SPARQL endpoint)
    kg.overview().documents                       # KPIs
    rec = kg.document(kg.documents("59/2023")[0].id)
    kg.ask("Nghị định 59/2023 yêu cầu gì?", unit="Phòng Tổ chức - Hành chính - Quản trị")

Caching: ``kg.version()`` changes whenever the store changes (an ingest, a delete); use it as
part of ``st.cache_data`` keys. Errors: every method raises only :class:`graph.errors.GraphError`
subclasses (``UnknownNode``, ``BadQuery``, ``QueryTimeout``, ``InvalidDocument``,
``StoreUnavailable``, ``UploadRejected``) whose ``str()`` is one line fit to show an officer.

>>> from graph.fixtures import seed_store
>>> kg = KnowledgeGraph.over(seed_store())
>>> [t.number for t in kg.ask("Nghị định 59/2023 yêu cầu gì?").tasks]
['II.2.1', 'II.2.5', 'III.2.2']
"""
from __future__ import annotations

import dataclasses
import datetime
import hashlib
import os
import re
import tempfile
from functools import lru_cache
from pathlib import Path

import networkx as nx

from ingest.errors import IngestError
from ingest.pipeline import extract
from ingest.read import SUPPORTED, read

from . import deadlines as dl
from . import export, ids, queries
from . import neighbourhood as nb
from .ask import ask as answer
from .ask import understand
from .errors import BadQuery, GraphError, StoreUnavailable, UnknownNode, UploadRejected, error_kind
from .ids import fold_ascii, last_segment
from .fulltext import fulltext
from .index import store_index
from .lexicon import english_name, lexicon, resolve_unit, unit_homes
from .results import (Answer, CountRow, DeadlineRow, DeadlineView, DocLink, DocumentRecord, DocumentRow, Edge,
                      Highlight, IngestLogRow, IngestResult, Legend, Matrix, NodeDetails, NodeRef, Overview, Quote,
                      SectionNode, SparqlResult, StartPoints, Subgraph, TaskRow, UnitRole, UnitRow, UploadPreview, Worklist)
from .sparql import SPARQL_EXAMPLES, run_sparql
from .store import EmbeddedStore, PerVersion, Store, default_location, iri, literal, open_store, prefixed, shown
from .vocab import EDGE_TYPES, NODE_TYPES, REL_LABELS
from .writer import Prepared, delete_document, prepare, prepare_facts, source_key, write

__all__ = [
    "open_graph", "KnowledgeGraph", "GraphError", "MAX_UPLOAD_BYTES",
    "Overview", "CountRow", "IngestLogRow", "DocumentRow", "Quote", "Highlight", "SectionNode",
    "DocLink", "TaskRow", "DocumentRecord", "Matrix", "Answer", "Worklist", "NodeRef", "Edge",
    "Subgraph", "NodeDetails", "Legend", "SparqlResult", "UploadPreview", "IngestResult", "UnitRole", "UnitRow",
    "DeadlineRow", "DeadlineView", "StartPoints", "TASK_KINDS",
]

TASK_KINDS = queries.TASK_KINDS  # the item kinds that are tasks (counted and listed as such)

MAX_UPLOAD_BYTES = 20 * 1024 * 1024  # uploads larger than this are refused (UploadRejected)

_ITEM_NUMBER = re.compile(r"^(?:[IVXLCivxlc]+|\d+)(?:\.\d+)*\.?$")


def open_graph(location: str | None = None, *, read_only: bool = False) -> "KnowledgeGraph":
    """Open the knowledge graph at ``location``.

    ``location`` is a folder (the embedded Oxigraph store; default :func:`graph.store.default_location`)
    or an ``http(s)://`` SPARQL 1.1 endpoint (Oxigraph server, Fuseki …).
    ``read_only=True`` opens an embedded store without taking the writer lock, so the app can
    browse while ``cancu ingest`` writes (it sees the state at open time; call ``refresh()``).
    Raises ``StoreUnavailable`` with one line when it cannot be opened.
    """
    return KnowledgeGraph(location, read_only=read_only)


MAX_HOPS, MAX_NODES = 3, 1000  # the largest neighbourhood one call draws


def _ours(value, what: str = "node") -> str:
    """A node id from outside (a deep link, a caller): one of our IRIs (:func:`graph.ids.is_ours`),
    else ``UnknownNode`` with one line. Nothing else ever reaches a query."""
    if not ids.is_ours(value):
        raise UnknownNode(f"{shown(value)}: no such {what}")
    return value


def _whole(value, name: str, low: int, high: int) -> int:
    """A whole number from outside, clamped to ``[low, high]``; ``BadQuery`` with one line when it is none."""
    try:
        n = int(str(value).strip())
    except (TypeError, ValueError):
        raise BadQuery(f"{name}: a whole number from {low} to {high} is expected, not {shown(value, 20)!r}") from None
    return min(max(n, low), high)


def _search_key(text: str) -> str:
    """A search key: folded (no diacritics, lower case), with commas and quotes as spaces."""
    return " ".join(re.sub(r"[,;:()“”\"']", " ", fold_ascii(text)).split())


def _document_row(d: dict) -> DocumentRow:
    return DocumentRow(id=d["document"], symbol=d["symbol"], type=d["type"], title=d["title"], date=d["date"],
                       issuer=d["issuer"], ingested=d["ingested"], cited_by=d["cited_by"], tasks=d["tasks"],
                       display=d.get("display") or d["label"], issuer_shown=d.get("issuer_shown"))


def _symbol_rank(query: str, d: dict) -> int:
    """How a document matches what was typed: 0 its symbol's number is it ("844" → 844/QĐ-TTg),
    1 its symbol starts with it, 2 its symbol holds it, 3 anything else."""
    q = fold_ascii(query).replace(" ", "")
    sym = fold_ascii(d["symbol"] or "")
    if not q or not sym:
        return 3
    if sym == q or sym.split("/", 1)[0] == q or sym.split("-", 1)[0] == q:
        return 0
    if sym.startswith(q):
        return 1
    return 2 if q in sym else 3


def _highlight_kind(body: str, doc_id: str) -> str:
    """What an annotation of a document's text is about, from its body's IRI."""
    kind = ids.node_kind(body)
    if kind == "Task":
        return "task"
    if kind == "Unit":
        return "unit"
    return "header" if body == doc_id else "citation"


class KnowledgeGraph:
    """The operations the app calls, over one store. See :func:`open_graph`."""

    def __init__(self, location: str | None = None, *, read_only: bool = False):
        self.location = str(location or default_location())
        self.read_only = read_only
        self._store: Store | None = None
        self._open()

    @classmethod
    def over(cls, store: Store) -> "KnowledgeGraph":
        """The facade over a store already open (benchmarks and tests that build their own)."""
        kg = cls.__new__(cls)
        kg.location, kg.read_only, kg._store = store.location, False, store
        return kg

    # -- housekeeping
    def _open(self) -> None:
        if self.location.startswith(("http://", "https://")):
            self._store = open_store(self.location)
            return
        p = Path(self.location)
        if not (p / "CURRENT").exists():
            if self.read_only:
                raise StoreUnavailable(f"{p}: no store here (run `cancu ingest` first)")
            EmbeddedStore(p, mode="w").close()  # create it empty
        # read-only snapshot: `cancu ingest` may write meanwhile; writes open a writer briefly
        self._store = EmbeddedStore(p, mode="r")

    @property
    def store(self) -> Store:
        if self._store is None:
            raise StoreUnavailable(f"{self.location}: the store is closed")
        if isinstance(self._store, EmbeddedStore):
            self._store.refresh()
        return self._store

    def version(self) -> str:
        """A token that changes whenever the store changes (use in cache keys)."""
        return self.store.version()

    def refresh(self) -> None:
        """Re-open a read-only store to see the latest writes."""
        if isinstance(self._store, EmbeddedStore):
            self._store.refresh()

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    def warm(self) -> None:
        """Build the per-version tables now (lexicon, task index, document list, search labels), so
        the next page or question finds them ready; the app calls it in a background thread after
        opening the store and after each ingest. Safe to call from several threads."""
        s = self.store
        lexicon(s)
        store_index(s)
        fulltext(s)
        _documents(s, False)
        _search_table(s)
        queries.busy_units(s)
        queries.unit_table(s)
        queries.deadline_table(s)

    # -- home
    def overview(self, top: int = 10) -> Overview:
        """Counts, most-cited directives, units with most tasks, ingestion log."""
        s = self.store
        c = queries.counts(s)
        return Overview(
            documents=c["documents"], cited_documents=c["cited_documents"], tasks=c["tasks"], units=c["units"],
            citations=c["citations"], triples=s.count(),
            most_cited=[CountRow(r["document"], self._display([r["document"]])[r["document"]], r["count"])
                        for r in queries.most_cited(s, top)],
            busiest_units=[CountRow(r["unit"], f'{r["name"]} ({r["place"]})' if r["place"] else r["name"], r["count"])
                           for r in queries.busiest_units(s, top)],
            ingest_log=[IngestLogRow(r["document"], r["label"], r["path"], r["at"], 0, r["tasks"], r["citations"])
                        for r in queries.ingest_log(s)])

    # -- documents
    def documents(self, query: str = "", *, ingested_only: bool = False, limit: int = 500) -> list[DocumentRow]:
        """Documents whose symbol/title/issuer matches ``query`` (diacritics-insensitive); all when empty."""
        q = fold_ascii(query)
        hits = []
        for d in _documents(self.store, ingested_only):
            if q:
                hay = fold_ascii(" ".join(str(d.get(k) or "") for k in ("symbol", "title", "issuer", "label", "type",
                                                                          "display")))
                if q not in hay:
                    continue
            hits.append(d)
        if q:  # the document whose number was typed first ("844" → Quyết định 844/QĐ-TTg), then as listed
            hits.sort(key=lambda d: (_symbol_rank(query, d), not d["ingested"]))
        return [_document_row(d) for d in hits[:limit]]

    def directive_choices(self) -> list[CountRow]:
        """Every document cited by an ingested one, for a directive picker: label with issuer, count
        = the tasks deriving from it; those with most tasks first, then the most cited."""
        s = self.store
        ix = store_index(s)
        ok = queries.actionable_tasks(s)
        rows = [d for d in _documents(s, False) if d["cited_by"] or d["document"] in ix.derives]
        counts = {d["document"]: len(ix.derived_tasks(d["document"]) & ok) for d in rows}
        rows.sort(key=lambda d: (-counts[d["document"]], -d["cited_by"], d["display"]))
        return [CountRow(d["document"], d["display"], counts[d["document"]]) for d in rows]

    def documents_by_id(self, iris: list[str]) -> dict[str, str]:
        """Documents' labels as officers recognise them (law name, issuer), by IRI (ours only)."""
        return self._display([i for i in iris if ids.is_ours(i)])

    def properties(self, node_id: str) -> list[tuple[str, str]]:
        """A node's literal properties ``(name, value)`` (the text of record left out): for the
        technical details of a page."""
        rows = self.store.select(f"SELECT DISTINCT ?p ?o WHERE {{ {iri(_ours(node_id))} ?p ?o FILTER(isLiteral(?o)) }}")
        return sorted({(last_segment(r["p"].rsplit("#", 1)[-1]), r["o"][:500]) for r in rows
                       if not r["p"].endswith("sourceText")})

    def resolve_document(self, text: str) -> str | None:
        """The IRI of the document a symbol or phrase names ("59/2023", "nghi dinh 59"), or None."""
        docs = understand(self.store, text).documents
        return docs[0] if docs else None

    def document(self, doc_id: str, *, limit: int = 500) -> DocumentRecord:
        """The full record of one document (raises ``UnknownNode``)."""
        s = self.store
        rows = queries.documents(s, ids=[_ours(doc_id, "document")])
        if not rows:
            raise UnknownNode(f"{doc_id}: no such document")
        d = rows[0]
        d_ = iri(doc_id)
        meta = s.select(prefixed(f"""SELECT ?text ?signer WHERE {{ OPTIONAL {{ {d_} cancu:sourceText ?text }}
                                     OPTIONAL {{ {d_} cancu:signer ?signer }} }} LIMIT 1"""))
        tasks = self._stated_tasks(doc_id)
        chain = queries.basis_chain(s, doc_id)
        cited = queries.cited_by(s, doc_id)[:limit]
        labels = self._display([r["to"] for r in chain] + [r["from"] for r in cited])
        basis = [DocLink(r["rel"], REL_LABELS[r["rel"]][1], r["to"], labels[r["to"]], r["depth"]) for r in chain]
        applied = [DocLink(r["rel"], REL_LABELS[r["rel"]][1], r["from"], labels[r["from"]]) for r in cited]
        return DocumentRecord(row=_document_row(d), signer=meta[0]["signer"] if meta else None, path=d["path"],
                              text=meta[0]["text"] if meta else None,
                              highlights=self._highlights(doc_id) if d["ingested"] else [],
                              structure=self._structure(doc_id, tasks), basis=basis, applied_by=applied,
                              tasks=tasks, required_by_it=self.requirements(doc_id, limit=limit))

    def _highlights(self, doc_id: str) -> list[Highlight]:
        """The annotated spans of an ingested document's text."""
        # the annotations live in the document's own graph; the kind of a body is read from its
        # IRI (graph.ids): a join on the body's rdf:type would meet every graph describing it
        g = ids.graph_iri(ids.URIRef(doc_id))
        rows = self.store.select(prefixed(f"""SELECT ?body ?t ?cited WHERE {{ GRAPH {iri(g)} {{
            ?ann oa:hasTarget ?t ; oa:hasBody ?body . OPTIONAL {{ ?ann cancu:citedAs ?cited }} }} }}"""))
        hl = [Highlight(sp[1], sp[2], _highlight_kind(r["body"], doc_id), r["cited"] or last_segment(r["body"]),
                        r["body"]) for r in rows if (sp := ids.span_of(r["t"])) is not None and sp[0] == doc_id]
        hl.sort(key=lambda h: (h.start, -h.end))
        return hl

    def _stated_tasks(self, doc_id: str) -> list[TaskRow]:
        """The tasks a document states, in text order."""
        s = self.store
        task_ids = [r["t"] for r in s.select(prefixed(f"SELECT ?t WHERE {{ ?t prov:hadPrimarySource {iri(doc_id)} }}"))]
        details = queries.task_details(s, task_ids)
        details.sort(key=lambda t: t["source"]["start"] or 0)
        return [TaskRow.from_details(t) for t in details]

    def _structure(self, doc_id: str, tasks: list[TaskRow]) -> list[SectionNode]:
        """The item tree of a document (its roots)."""
        parents = {r["t"]: r["p"] for r in self.store.select(prefixed(
            f"SELECT ?t ?p WHERE {{ ?t prov:hadPrimarySource {iri(doc_id)} ; eli:is_part_of ?p }}"))}
        nodes = {t.id: SectionNode(t.id, t.number, t.kind, " ".join(t.text.split())[:160],
                                   t.source.start if t.source else 0, t.source.end if t.source else 0, [])
                 for t in tasks}
        roots = []
        for t in tasks:
            p = parents.get(t.id)
            (nodes[p].children if p in nodes else roots).append(nodes[t.id])
        return roots

    def _display(self, iris) -> dict[str, str]:
        """Documents' labels as officers recognise them (law names, issuers); else :meth:`_labels`."""
        iris = list(dict.fromkeys(iris))
        rows = queries.document_rows(self.store, iris)
        missing = [i for i in iris if i not in rows]
        out = self._labels(missing) if missing else {}
        out.update({i: r.get("display") or r["label"] for i, r in rows.items()})
        return out

    def _labels(self, iris) -> dict[str, str]:
        """Display labels: rdfs:label, else skos:prefLabel, else the IRI's last segment."""
        iris = list(dict.fromkeys(iris))
        lab = queries.labels(self.store, iris)
        missing = [i for i in iris if i not in lab]
        if missing:
            lab.update(queries.labels(self.store, missing, "skos:prefLabel"))
        return {i: lab.get(i) or last_segment(i) for i in iris}

    # -- tasks and directives
    def requirements(self, doc_id: str, unit: str | None = None, *, limit: int | None = 500) -> list[TaskRow]:
        """Tasks deriving from a document, directly or via documents that detail/apply it; of
        ``unit`` if given; the first ``limit`` in document order."""
        s = self.store
        _ours(doc_id, "document")
        ix = store_index(s)
        cands = ix.derived_tasks(doc_id)
        homes: set[str] = set()
        if unit:
            iris = resolve_unit(lexicon(s), unit)[1]
            cands &= ix.unit_tasks(iris)
            homes = unit_homes(iris)
        cands &= queries.actionable_tasks(s)
        order = ix.ordered(cands, limit, homes)
        vias = ix.vias(doc_id)
        labels = self._display(vias)
        via = {t: [labels[v] for v in vias if t in ix.derives.get(v, ())] for t in order}
        return queries.task_rows(s, order, via)

    def matrix(self, *, directives: list[str] | None = None, max_directives: int = 40,
               max_tasks: int = 300) -> Matrix:
        """Directive × task matrix over the store (or the given directive IRIs); at most
        ``max_tasks`` columns (document order)."""
        s = self.store
        ix = store_index(s)
        if directives is None:
            directives = list(set(ix.derives) | set(ix.derived_from))
        else:
            directives = [_ours(d, "document") for d in directives]
        ok = queries.actionable_tasks(s)
        by_dir = {d: ix.derived_tasks(d) & ok for d in directives}
        by_dir = {d: t for d, t in by_dir.items() if t}
        dirs = sorted(by_dir, key=lambda d: (-len(by_dir[d]), d))[:max_directives]
        task_ids = ix.ordered({t for d in dirs for t in by_dir[d]}, max_tasks)
        tasks = queries.task_rows(s, task_ids)
        tasks.sort(key=lambda t: (t.document, t.source.start if t.source else 0))
        labels = self._display(dirs)
        return Matrix([CountRow(d, labels[d], len(by_dir[d])) for d in dirs], tasks,
                      [[t.id in by_dir[d] for t in tasks] for d in dirs])

    def ask(self, question: str, unit: str | None = None, *, today: str | None = None) -> Answer:
        """Answer a Vietnamese or English question; every task carries its source span.
        ``today`` (ISO date, default the system's) dates "overdue"; ``Answer.understood`` says how
        the question was read (``text_vi`` / ``text_en``)."""
        return answer(self.store, question, unit, today=datetime.date.fromisoformat(today) if today else None)

    @staticmethod
    def english_name(name: str) -> str | None:
        """The English name of a unit as the bilingual lexicon knows it ("Sở Tài chính" →
        "Department of Finance", with its place: "People's Committee of Bắc Ninh Province"), or
        None; for the app's English side."""
        return english_name(name)


    # -- units
    def units(self, query: str = "", limit: int = 500) -> list[CountRow]:
        """Units known to the store matching ``query``; count = tasks they lead."""
        q = fold_ascii(query)
        return [CountRow(u["unit"], u["name"], u["lead"]) for u in queries.units(self.store)
                if not q or q in fold_ascii(u["name"] + " " + " ".join(u["aliases"]))][:limit]

    def unit_rows(self, query: str = "", *, limit: int = 5000) -> list[UnitRow]:
        """The bodies that hold at least one task (one row per body: spelling variants are one IRI,
        a provincial department is its province's), busiest first; ``query`` matches the name, its
        printed variants, the place and the English name, diacritics ignored."""
        s = self.store
        busy = queries.busy_units(s)
        table = queries.unit_table(s)
        q = fold_ascii(query)
        out = []
        for u, n in busy.items():
            row = table.get(u)
            if row is None:
                continue
            en = _english(row["name"])
            if q and q not in fold_ascii(" ".join([row["name"], *row["aliases"], row["place"] or "", en or ""])):
                continue
            out.append(UnitRow(u, row["name"], row["place"], en, row["national"], n.get("lead", 0),
                               n.get("support", 0) + n.get("mentioned", 0), n.get("report_to", 0)))
        out.sort(key=lambda r: (-r.total, r.name, r.place or ""))
        return out[:limit]

    def worklist(self, unit: str, *, limit: int | None = 500) -> Worklist:
        """A unit's tasks as lead / support / report recipient (unit by name, alias or IRI), at most
        ``limit`` per role (document order, its jurisdiction first)."""
        s = self.store
        name, iris = resolve_unit(lexicon(s), unit)
        if not iris:
            raise UnknownNode(f"{shown(unit)}: no such unit in the store")
        ix = store_index(s)
        homes = unit_homes(iris)
        ok = queries.actionable_tasks(s)

        def pick(roles):
            return queries.task_rows(s, ix.ordered(ix.unit_tasks(iris, roles) & ok, limit, homes))
        row = queries.unit_table(s).get(iris[0]) or {}
        label = row.get("name") or name
        return Worklist(label, iris[0], pick(("lead",)), pick(("support", "mentioned")), pick(("report_to",)),
                        place=row.get("place"), english=_english(label), national=bool(row.get("national")))

    # -- deadlines
    def deadlines(self, *, today: str | None = None, unit: str | None = None, document: str | None = None,
                  role: str | None = None, status: str | None = None, limit: int = 300) -> DeadlineView:
        """Every task with a deadline, as of ``today`` (ISO; the real date when None), filtered by
        unit (name or IRI; with ``role`` lead | support | report_to), document and status (overdue |
        this_month | this_quarter | upcoming | recurring); sorted by the last day of the period,
        recurring ones last; at most ``limit`` rows, the counts cover every row."""
        s = self.store
        day = dl.today(today)
        table = queries.deadline_table(s)
        ok = queries.actionable_tasks(s)
        cands = {t for t in table if t in ok}
        roles_of: dict[str, list[str]] = {}
        if unit:
            iris = resolve_unit(lexicon(s), unit)[1]
            ix = store_index(s)
            wanted = (role,) if role else ("lead", "support", "report_to", "mentioned")
            held: set[str] = set()
            for r in wanted:
                ts = ix.unit_tasks(iris, (r,), leaves=False)
                for t in ts:
                    roles_of.setdefault(t, []).append("support" if r == "mentioned" else r)
                held |= ts
            cands &= held
        if document:
            document = _ours(document, "document")
            cands = {t for t in cands if ids.task_document(t) == document}
        st_of = {t: dl.status(table[t], day) for t in cands}
        counts = {k: 0 for k in dl.STATUSES}
        for v in st_of.values():
            counts[v] += 1
        keep = [t for t in cands if not status or st_of[t] == status]
        far = dl.parse("9999").end
        end_of = {t: dl.parse(table[t]).end or far for t in keep}
        # by the period's end, then in item order: only the rows that can be among the first
        # ``limit`` are put in item order (a store of 10,000 plans holds 100,000 deadlines)
        keep.sort(key=end_of.__getitem__)
        head = keep if len(keep) <= limit else [t for t in keep if end_of[t] <= end_of[keep[limit - 1]]]
        shown = sorted(head, key=lambda t: (end_of[t], ids.item_order(t)))[:limit]
        rows = {r.id: r for r in queries.task_rows(s, shown)}
        out = []
        for t in shown:
            if t in rows:
                end = dl.parse(table[t]).end
                out.append(DeadlineRow(rows[t], table[t], end.isoformat() if end else None, st_of[t],
                                       sorted(set(roles_of.get(t, ())))))
        return DeadlineView(day.isoformat(), out, counts, len(keep))

    def english_names(self, names: list[str]) -> dict[str, str]:
        """The English names of bodies named in Vietnamese (those the lexicon of public bodies knows)."""
        out = {}
        for n in names:
            en = _english(n)
            if en:
                out[n] = en[:1].upper() + en[1:]
        return out

    def export_ics(self, rows: list[DeadlineRow], lang: str = "vi") -> bytes:
        """The dated deadlines of ``rows`` as an iCalendar file (Outlook, Google Calendar)."""
        events = []
        for r in rows:
            t = r.task
            lead = ", ".join(t.lead)
            head = f"{t.number} · {t.document_label}"
            summary = f"{head}: {_short(t.shown or t.text, 90)}"
            words = ("Hạn", "Chủ trì", "Văn bản") if lang != "en" else ("Deadline", "Lead", "Document")
            desc = "\n".join(x for x in (
                f"{words[0]}: {dl.label(r.due, lang)}" + (f" ({t.deadline_text})" if t.deadline_text else ""),
                f"{words[1]}: {lead}" if lead else "", f"{words[2]}: {t.document_display}", "", t.shown or t.text) if x is not None)
            events.append(dl.IcsEvent(t.id, r.due, summary, desc))
        return dl.ics(events, name="Căn cứ — hạn xử lý" if lang != "en" else "Căn cứ — deadlines")

    def start_points(self) -> StartPoints:
        """What this store holds to start from: the most cited document that tasks derive from,
        the unit leading most tasks, and example questions built from them and a deadline."""
        s = self.store
        ix = store_index(s)
        ok = queries.actionable_tasks(s)
        directive = None
        for r in queries.most_cited(s, 25):
            n = len(ix.derived_tasks(r["document"]) & ok)
            if n:
                directive = CountRow(r["document"], self._display([r["document"]])[r["document"]], n)
                break
        if directive is None:  # nothing cited by two plans: the document most tasks derive from
            best = max(ix.derives, key=lambda d: (len(ix.derived_tasks(d) & ok), d), default=None)
            if best and ix.derived_tasks(best) & ok:
                directive = CountRow(best, self._display([best])[best], len(ix.derived_tasks(best) & ok))
        busiest = queries.busiest_units(s, 1)
        unit = CountRow(busiest[0]["unit"], busiest[0]["name"], busiest[0]["count"]) if busiest else None
        vi, en = [], []
        if directive:
            short = queries.lexicon(s).display.get(directive.id)
            typ = next((d["type"] for d in queries.document_rows(s, [directive.id]).values()), None)
            name = f"{typ} {short}" if typ and short else directive.label.split(" — ")[0]
            vi.append(f"{name} yêu cầu gì?")
            en.append(f"What does {name} require?")
        if unit:
            vi.append(f"{unit.label} chủ trì những nhiệm vụ nào?")
            en_name = _english(unit.label)
            en.append(f"Which tasks does {'the ' + en_name if en_name and en_name[0].isupper() else unit.label} lead?")
        if ix.sources:
            first = sorted(queries.document_rows(s, list(ix.sources)[:50]).values(),
                           key=lambda d: (-d["tasks"], d["label"]))
            if first and first[0]["symbol"]:
                name = f"{first[0]['type'] or ''} {first[0]['symbol']}".strip()
                vi.append(f"{name} căn cứ vào văn bản nào?")
                en.append(f"Which documents is {name} based on?")
        return StartPoints(directive, unit, vi, en)

    def export_tasks(self, tasks: list[TaskRow], fmt: str, *, lang: str = "vi",
                     roles: dict[str, list[str]] | None = None, title: str | None = None) -> bytes:
        """Tasks as a file an officer hands over: XLSX (headers in ``lang``, widths and wrap) or CSV
        (UTF-8 with BOM, opens in Excel): document, issuer, date, item, task, the role of the unit
        exported (``roles``: task IRI → lead | support | report_to), lead, support, report to and the
        deadline in officer form; no internal field."""
        rows = export.officer_rows(tasks, lang=lang, roles=roles)
        if fmt == "csv":
            return export.officer_csv(rows, lang)
        if fmt == "xlsx":
            return export.officer_xlsx(rows, lang, title=title)
        raise BadQuery(f"unknown task export format {fmt!r} (csv, xlsx)")

    def export_graph(self, fmt: str) -> bytes:
        """The whole graph serialised (ttl, trig, jsonld, graphml)."""
        return export.export_graph(self.store, fmt)

    # -- exploration: read around the node only (graph.neighbourhood), never the whole store
    @staticmethod
    def _subgraph(g: nb.Neighbourhood, layout: bool = False) -> Subgraph:
        nodes = [NodeRef(n, i.label, i.kind, i.group) for n, i in g.nodes.items()]
        edges = [Edge(a, b, t, EDGE_TYPES[t][1]) for a, t, b in g.edges]
        pos = {}
        if layout and nodes:
            H = nx.Graph()
            H.add_nodes_from(g.nodes)
            H.add_edges_from((a, b) for a, _, b in g.edges)
            pos = {n: (float(x), float(y)) for n, (x, y) in nx.spring_layout(H, seed=1).items()}
        return Subgraph(nodes, edges, g.truncated, pos)

    def search_nodes(self, text: str, *, types: list[str] | None = None, limit: int = 20) -> list[NodeRef]:
        """Documents (label, symbol, title) and units (name, aliases) containing ``text``, folded,
        best first (earliest match, then shortest key); and tasks whose item number is ``text``."""
        q = _search_key(text)
        if not q:
            return []

        def want(t: str) -> bool:
            return not types or t in types or (t == "CitedDocument" and "Document" in types)
        best: dict[str, tuple] = {}
        for lab, n, t, label in _search_table(self.store):
            i = lab.find(q)
            if i < 0 or not want(t):
                continue
            key = (i, len(lab), n)
            if n not in best or key < best[n][0]:
                best[n] = (key, NodeRef(n, label, t, "Document" if t == "CitedDocument" else t))
        hits = [r for _, r in sorted(best.values(), key=lambda h: h[0])]
        if want("Task") and len(hits) < limit and _ITEM_NUMBER.match(text.strip()):
            number = text.strip().rstrip(".").upper()
            found = [r["t"] for r in self.store.select(prefixed(
                f"SELECT ?t WHERE {{ ?t cancu:itemNumber {literal(number)} }} LIMIT {limit - len(hits)}"))]
            info = nb.describe(self.store, sorted(found))
            hits += [NodeRef(t, info[t].label, "Task", "Task") for t in sorted(found) if t in info]
        return hits[:limit]

    def ego(self, node_id: str, *, hops: int = 1, max_nodes: int = 150, node_types: list[str] | None = None,
            edge_types: list[str] | None = None, layout: bool = False) -> Subgraph:
        """The neighbourhood of a node up to ``hops`` (1 to 3; capped at ``max_nodes``, at most 1,000)."""
        hops, max_nodes = _whole(hops, "hops", 1, MAX_HOPS), _whole(max_nodes, "max_nodes", 1, MAX_NODES)
        g = nb.ego(self.store, _ours(node_id), hops, max_nodes, node_types, edge_types)
        if not g.nodes:
            raise UnknownNode(f"{node_id}: no such node")
        return self._subgraph(g, layout)

    def expand(self, node_id: str, *, exclude: list[str] | None = None, max_nodes: int = 50,
               edge_types: list[str] | None = None) -> Subgraph:
        """The direct neighbours of a node not already in ``exclude`` (for click-to-expand)."""
        max_nodes = _whole(max_nodes, "max_nodes", 1, MAX_NODES)
        g = nb.expand(self.store, _ours(node_id), exclude=[x for x in exclude or () if ids.is_ours(x)],
                      max_nodes=max_nodes, edge_types=edge_types)
        if not g.nodes:
            raise UnknownNode(f"{node_id}: no such node")
        return self._subgraph(g)

    def path(self, source: str, target: str, *, max_len: int = 8) -> Subgraph | None:
        """A shortest path between two nodes (ignoring direction), or None."""
        s = self.store
        p = nb.shortest_path(s, _ours(source), _ours(target), _whole(max_len, "max_len", 1, 12))
        if not p:
            return None
        pairs = set(zip(p, p[1:])) | set(zip(p[1:], p))
        edges = [e for e in nb.edges_between(s, p) if (e[0], e[2]) in pairs]
        return self._subgraph(nb.Neighbourhood(nb.describe(s, p), edges))

    def node(self, node_id: str) -> NodeDetails:
        """Properties, edges, degree, centrality and evidence (the quoted spans stating it) of one node
        (raises ``UnknownNode``)."""
        s = self.store
        info = nb.describe(s, [_ours(node_id)]).get(node_id)
        if info is None:
            raise UnknownNode(f"{node_id}: no such node")
        rows = s.select(f"SELECT DISTINCT ?p ?o WHERE {{ {iri(node_id)} ?p ?o FILTER(isLiteral(?o)) }}")
        props = sorted({(last_segment(r["p"].rsplit("#", 1)[-1]), r["o"][:500]) for r in rows
                        if not r["p"].endswith("sourceText")})
        edges, _ = nb.edges_around(s, node_id, per_type=200)
        out = [Edge(a, b, t, EDGE_TYPES[t][1]) for a, t, b in edges if a == node_id]
        inc = [Edge(a, b, t, EDGE_TYPES[t][1]) for a, t, b in edges if b == node_id]
        deg = nb.degree(s, node_id)
        n = _node_counts(s)
        spans = [Quote(e["path"], e["start"], e["end"], e["text"], e["document"]) for e in nb.evidence(s, node_id)]
        names = {k: v.label for k, v in nb.describe(s, [e.target for e in out] + [e.source for e in inc]).items()}
        return NodeDetails(NodeRef(node_id, info.label, info.kind, info.group), props, out, inc, deg,
                           deg / (n - 1) if n > 1 else 0.0, spans, names)

    def legend(self) -> Legend:
        """Node and edge types, with Vietnamese labels, for legends and filters."""
        return Legend(list(NODE_TYPES.items()), [(k, v[1]) for k, v in EDGE_TYPES.items()])

    # -- query
    def sparql(self, query: str, *, timeout_s: float = 10.0, limit: int = 5000) -> SparqlResult:
        """A read-only SPARQL query (updates raise ``BadQuery``; over time ``QueryTimeout``)."""
        return run_sparql(self.store, query, timeout_s=timeout_s, limit=limit)

    def sparql_examples(self) -> list[tuple[str, str, str]]:
        """Example read-only queries in our vocabulary: ``(Vietnamese title, English title, query)``."""
        return list(SPARQL_EXAMPLES)

    # -- uploads: the same prepare → write path as `cancu ingest` (graph.writer)
    def _uploads_dir(self) -> Path:
        """Where uploaded originals are kept: beside an embedded store (``data/uploads`` for
        ``data/store``), so the source path every fact quotes stays valid; for an endpoint, the
        temporary folder. ``$CANCU_UPLOADS`` overrides both."""
        if os.environ.get("CANCU_UPLOADS"):
            return Path(os.environ["CANCU_UPLOADS"])
        if self.location.startswith(("http://", "https://")) or self.location == ":memory:":
            return Path(tempfile.gettempdir()) / "cancu-uploads"
        return Path(self.location).resolve().parent / "uploads"

    def _upload_key(self, filename: str) -> str:
        """The identity of an upload: its file name in the uploads folder. Uploading a file of the
        same name again replaces what the earlier one gave, even when its document's identity
        changed (an edited plan without its own number)."""
        return source_key(self._uploads_dir() / Path(filename).name)

    def _upload_path(self, filename: str, data: bytes) -> Path:
        """Where an upload's original is kept once ingested (refused in one line: too large, empty,
        an unsupported type)."""
        if len(data) > MAX_UPLOAD_BYTES:
            raise UploadRejected(f"{filename}: too large ({len(data) // 1024} KB; limit {MAX_UPLOAD_BYTES // 2**20} MB)",
                                 "TooLarge")
        if not data:
            raise UploadRejected(f"{filename}: empty file", "EmptyDocument")
        suffix = Path(filename).suffix.lower()
        if suffix not in SUPPORTED:
            raise UploadRejected(f"{filename}: unsupported format {suffix or '(none)'} "
                                 f"({', '.join(sorted(SUPPORTED))})", "UnsupportedFormat")
        return self._uploads_dir() / f"{hashlib.sha256(data).hexdigest()[:12]}-{Path(filename).name}"

    def _prepare_upload(self, filename: str, data: bytes, *, check: bool) -> Prepared:
        """Keep the upload beside the store and prepare it; raises ``UploadRejected`` with one line."""
        dest = self._upload_path(filename, data)
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_bytes(data)
        doc = prepare(dest, check=check, keep_facts=True, key=self._upload_key(filename))
        if not doc.ok:
            raise UploadRejected(f"{filename}: {doc.error}", doc.error_kind or "ReadError")
        return doc

    def _prepare_preview(self, filename: str, data: bytes) -> Prepared:
        """Prepare an upload as :meth:`_prepare_upload` would, writing nothing beside the store: the
        bytes are read from a private temporary folder (removed at once) and the facts carry the
        path the original would be kept at, so the preview names the same document."""
        dest = self._upload_path(filename, data)
        with tempfile.TemporaryDirectory(prefix="cancu-preview-") as tmp:
            held = Path(tmp) / dest.name
            held.write_bytes(data)
            try:
                facts = extract(dataclasses.replace(read(held), path=str(dest)))
            except IngestError as e:
                raise UploadRejected(f"{filename}: {e.problem}", type(e).__name__) from None
            except Exception as e:  # noqa: BLE001 - one line for the officer, as prepare() does
                raise UploadRejected(f"{filename}: {type(e).__name__}: {e}", type(e).__name__) from None
        doc = prepare_facts(facts, keep_facts=True, key=self._upload_key(filename))  # the checks cost milliseconds
        if not doc.ok:
            raise UploadRejected(f"{filename}: {doc.error}", doc.error_kind or "ReadError")
        return doc

    def preview_upload(self, filename: str, data: bytes) -> UploadPreview:
        """Extract an uploaded file and say what ingesting it would add; writes nothing (neither the
        store nor the uploads folder), never raises."""
        try:
            doc = self._prepare_preview(filename, data)
            facts = doc.facts
            return UploadPreview(filename, True, None, facts.document.to_json(), len(facts.citations),
                                 len(facts.tasks), len(facts.units), doc.triples,
                                 self.store.has_graph(doc.graph) or bool(self.store.graphs_of_key(doc.key)),
                                 facts.to_json(), warnings=doc.warnings)
        except GraphError as e:
            return UploadPreview(filename, False, str(e), {}, 0, 0, 0, 0, False, error_kind=error_kind(e))

    def ingest_upload(self, filename: str, data: bytes) -> IngestResult:
        """Extract, validate and ingest an uploaded file (replacing its previous version); never raises."""
        try:
            doc = self._prepare_upload(filename, data, check=True)
            replaced = self._writing(lambda w: write(w, doc))
            return IngestResult(filename, True, None, doc.document, doc.triples, replaced, warnings=doc.warnings)
        except GraphError as e:
            return IngestResult(filename, False, str(e), None, error_kind=error_kind(e))

    def delete_document(self, doc_id: str) -> bool:
        """Remove an ingested document's named graph; True when something was removed."""
        _ours(doc_id, "document")
        return self._writing(lambda w: delete_document(w, doc_id))

    def _writing(self, fn):
        """``fn(store)`` on a writable store: a read-only embedded snapshot opens a writer briefly."""
        st = self._store
        if isinstance(st, EmbeddedStore) and st.mode != "w":
            with EmbeddedStore(st.location, mode="w") as w:
                out = fn(w)
            st.refresh()
            return out
        return fn(self.store)


# per-version tables read by several pages (built once per store version, see graph.store.PerVersion)
_documents = PerVersion(lambda store, ingested_only: queries.documents(store, ingested_only=ingested_only), keep=4)


def _build_search_table(store: Store) -> list[tuple[str, str, str, str | None]]:
    """(search key, IRI, type, label) of every document and unit."""
    # documents by label, symbol and title, units by name and aliases; tasks are found by their
    # item number instead (search_nodes): reading 170,000 task labels on 10,000 plans takes seconds
    rows = []
    for d in _documents(store, False):
        t = "Document" if d["ingested"] else "CitedDocument"
        for key in {d["label"], d["symbol"] or "", d["title"] or ""} - {""}:
            rows.append((_search_key(key), d["document"], t, d["label"]))
    for u in queries.units(store):
        for key in {u["name"], *u["aliases"]}:
            rows.append((_search_key(key), u["unit"], "Unit", u["name"]))
    return rows


def _count_nodes(store: Store) -> int:
    """Nodes of the document/unit/task graph (for degree centrality)."""
    c = queries.counts(store)
    return c["documents"] + c["cited_documents"] + c["tasks"] + c["units"]


_search_table = PerVersion(_build_search_table, keep=0)


@lru_cache(maxsize=65536)
def _english(name: str | None) -> str | None:
    """The English name of a body from the lexicon of public bodies (None when it has none)."""
    try:
        return english_name(name) if name else None
    except Exception:  # noqa: BLE001 - a lexicon problem must not break a page; the Vietnamese name stays
        return None


def _short(text: str, n: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= n else text[:n].rsplit(" ", 1)[0] + " …"
_node_counts = PerVersion(_count_nodes, keep=0)
