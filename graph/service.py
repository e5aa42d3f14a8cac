"""Implementation of :class:`graph.api.KnowledgeGraph` over a :class:`graph.store.Store`."""
from __future__ import annotations

import hashlib
import os
import re
import tempfile
import time
from pathlib import Path

from . import ids, queries
from . import neighbourhood as nb
from .api import (MAX_UPLOAD_BYTES, Answer, CountRow, DocLink, DocumentRecord, DocumentRow, Edge, Highlight,
                  IngestLogRow, IngestResult, KnowledgeGraph, Legend, Matrix, NodeDetails, NodeRef, Overview,
                  SectionNode, Span, SparqlResult, Subgraph, TaskRow, UploadPreview, Worklist)
from .errors import BadQuery, GraphError, StoreUnavailable, UnknownNode, error_kind
from .ids import ID, fold
from .index import jurisdiction
from .store import EmbeddedStore, PerVersion, Store, is_update, literal, open_store, prefixed
from .vocab import EDGE_TYPES, NODE_TYPES, REL_LABELS

__all__ = ["KnowledgeGraphImpl", "run_sparql"]

_ORG = str(ID) + "org/"
_ITEM_NUMBER = re.compile(r"^(?:[IVXLCivxlc]+|\d+)(?:\.\d+)*\.?$")


def _skey(text: str) -> str:
    """A search key: folded (no diacritics, lower case), with commas and quotes as spaces."""
    return " ".join(re.sub(r"[,;:()“”\"']", " ", fold(text)).split())


def run_sparql(store: Store, query: str, *, timeout_s: float = 10.0, limit: int = 5000) -> SparqlResult:
    """A read-only query: updates are refused, results capped at ``limit`` rows, time-limited."""
    if not query.strip():
        raise BadQuery("empty query")
    if is_update(query):
        raise BadQuery("read-only: updates (INSERT, DELETE, LOAD, DROP, CLEAR …) are refused")
    t0 = time.perf_counter()
    rows = store.select(prefixed(query) if "PREFIX" not in query.upper() else query, timeout_s=timeout_s, limit=limit)
    ms = (time.perf_counter() - t0) * 1000
    if rows and "_ask" in rows[0]:
        return SparqlResult([], [], boolean=rows[0]["_ask"] == "true", elapsed_ms=ms)
    cols = list(rows[0].keys()) if rows else []
    truncated = len(rows) > limit
    return SparqlResult(cols, [[r.get(c) for c in cols] for r in rows[:limit]], truncated=truncated, elapsed_ms=ms)


def _row(d: dict) -> DocumentRow:
    return DocumentRow(id=d["document"], symbol=d["symbol"], type=d["type"], title=d["title"], date=d["date"],
                       issuer=d["issuer"], ingested=d["ingested"], cited_by=d["cited_by"], tasks=d["tasks"])


class KnowledgeGraphImpl(KnowledgeGraph):
    def __init__(self, location: str | None, *, read_only: bool = False):
        self.location = str(location or os.environ.get("CANCU_STORE") or "data/store")
        self.read_only = read_only
        self._store: Store | None = None
        self._open()

    @classmethod
    def over(cls, store: Store) -> "KnowledgeGraphImpl":
        """The facade over a store already open (benchmarks and tests that build their own)."""
        kg = cls.__new__(cls)
        kg.location, kg.read_only, kg._store = store.location, False, store
        return kg

    # -- housekeeping
    def _open(self):
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
        return self.store.version()

    def refresh(self) -> None:
        if isinstance(self._store, EmbeddedStore):
            self._store.refresh()

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    # -- home
    def overview(self, top: int = 10) -> Overview:
        s = self.store
        c = queries.counts(s)
        return Overview(
            documents=c["documents"], cited_documents=c["cited_documents"], tasks=c["tasks"], units=c["units"],
            citations=c["citations"], triples=s.count(),
            most_cited=[CountRow(r["document"], r["label"], r["count"]) for r in queries.most_cited(s, top)],
            busiest_units=[CountRow(r["unit"], r["name"], r["count"]) for r in queries.busiest_units(s, top)],
            ingest_log=[IngestLogRow(r["document"], r["label"], r["path"], r["at"], 0, r["tasks"], r["citations"])
                        for r in queries.ingest_log(s)])

    # -- documents
    def _all_documents(self, ingested_only: bool) -> list[dict]:
        """queries.documents, kept per store version (the document list is read on many pages)."""
        return _documents(self.store, ingested_only)

    def warm(self) -> None:
        from .ask import lexicon
        from .index import store_index
        s = self.store
        lexicon(s)
        store_index(s)
        self._all_documents(False)
        self._label_table()

    def documents(self, query: str = "", *, ingested_only: bool = False, limit: int = 500) -> list[DocumentRow]:
        q = fold(query)
        out = []
        for d in self._all_documents(ingested_only):
            if q:
                hay = fold(" ".join(str(d[k] or "") for k in ("symbol", "title", "issuer", "label", "type")))
                if q not in hay:
                    continue
            out.append(_row(d))
            if len(out) >= limit:
                break
        return out

    def resolve_document(self, text: str) -> str | None:
        from .ask import understand
        docs = understand(self.store, text)["documents"]
        return docs[0] if docs else None

    def _doc(self, doc_id: str) -> dict:
        rows = queries.documents(self.store, ids=[doc_id])
        if not rows:
            raise UnknownNode(f"{doc_id}: no such document")
        return rows[0]

    def document(self, doc_id: str, *, limit: int = 500) -> DocumentRecord:
        from .ask import task_row
        s = self.store
        d = self._doc(doc_id)
        meta = s.select(prefixed(f"""SELECT ?text ?signer WHERE {{ OPTIONAL {{ <{doc_id}> cancu:sourceText ?text }}
                                     OPTIONAL {{ <{doc_id}> cancu:signer ?signer }} }} LIMIT 1"""))
        text = meta[0]["text"] if meta else None
        hl = []
        if d["ingested"]:
            # the annotations live in the document's own graph; the kind of a body is read from its
            # IRI (graph.ids): a join on the body's rdf:type would meet every graph describing it
            g = ids.graph_iri(ids.URIRef(doc_id))
            rows = s.select(prefixed(f"""SELECT ?body ?start ?end ?cited WHERE {{ GRAPH <{g}> {{
                ?ann oa:hasTarget ?t ; oa:hasBody ?body . ?t oa:hasSource <{doc_id}> ; oa:hasSelector ?p .
                ?p oa:start ?start ; oa:end ?end . OPTIONAL {{ ?ann cancu:citedAs ?cited }} }} }}"""))
            for r in rows:
                body = r["body"]
                if "/item/" in body:
                    kind = "task"
                elif body.startswith(_ORG):
                    kind = "unit"
                elif body == doc_id:
                    kind = "header"
                else:
                    kind = "citation"
                hl.append(Highlight(int(r["start"]), int(r["end"]), kind, r["cited"] or body.rsplit("/", 1)[-1], body))
            hl.sort(key=lambda h: (h.start, -h.end))
        task_ids = [r["t"] for r in s.select(prefixed(
            f"SELECT ?t WHERE {{ ?t prov:hadPrimarySource <{doc_id}> }}"))]
        details = queries.task_details(s, task_ids)
        details.sort(key=lambda t: t["source"]["start"] or 0)
        tasks = [task_row(t) for t in details]
        parents = {r["t"]: r["p"] for r in s.select(prefixed(
            f"SELECT ?t ?p WHERE {{ ?t prov:hadPrimarySource <{doc_id}> ; eli:is_part_of ?p }}"))}
        nodes = {t.id: SectionNode(t.id, t.number, t.kind, " ".join(t.text.split())[:160],
                                   t.source.start if t.source else 0, t.source.end if t.source else 0, [])
                 for t in tasks}
        roots = []
        for t in tasks:
            p = parents.get(t.id)
            (nodes[p].children if p in nodes else roots).append(nodes[t.id])
        chain = queries.basis_chain(s, doc_id)
        cited = queries.cited_by(s, doc_id)[:limit]
        labels = self._labels([r["to"] for r in chain] + [r["from"] for r in cited])
        basis = [DocLink(r["rel"], REL_LABELS[r["rel"]][1], r["to"], labels[r["to"]], r["depth"]) for r in chain]
        applied = [DocLink(r["rel"], REL_LABELS[r["rel"]][1], r["from"], labels[r["from"]]) for r in cited]
        return DocumentRecord(row=_row(d), signer=meta[0]["signer"] if meta else None, path=d["path"], text=text,
                              highlights=hl, structure=roots, basis=basis, applied_by=applied, tasks=tasks,
                              required_by_it=self.requirements(doc_id, limit=limit))

    def _label(self, iri: str) -> str:
        return self._labels([iri])[iri]

    def _labels(self, iris) -> dict[str, str]:
        """Display labels: rdfs:label, else skos:prefLabel, else the IRI's last segment."""
        iris = list(dict.fromkeys(iris))
        lab = queries._labels(self.store, iris)
        missing = [i for i in iris if i not in lab]
        if missing:
            lab.update(queries._labels(self.store, missing, "skos:prefLabel"))
        return {i: lab.get(i) or i.rsplit("/", 1)[-1] for i in iris}

    # -- tasks and directives
    def requirements(self, doc_id: str, unit: str | None = None, *, limit: int | None = 500) -> list[TaskRow]:
        """Tasks deriving from a document (see the facade), the first ``limit`` in document order."""
        from .ask import lexicon, resolve_unit, task_rows
        from .index import store_index
        s = self.store
        ix = store_index(s)
        cands = ix.derived_tasks(doc_id)
        homes: set[str] = set()
        if unit:
            iris = resolve_unit(lexicon(s), unit)[1]
            cands &= ix.unit_tasks(iris)
            homes = {j for j in map(jurisdiction, iris) if j}
        order = ix.ordered(cands, limit, homes)
        vias = ix.vias(doc_id)
        labels = self._labels(vias)
        via = {t: [labels[v] for v in vias if t in ix.derives.get(v, ())] for t in order}
        return task_rows(s, order, via)

    def matrix(self, *, directives: list[str] | None = None, max_directives: int = 40,
               max_tasks: int = 300) -> Matrix:
        """Directive × task matrix; at most ``max_tasks`` columns (document order)."""
        from .ask import task_rows
        from .index import store_index
        s = self.store
        ix = store_index(s)
        if directives is None:
            directives = list(set(ix.derives) | set(ix.derived_from))
        by_dir = {d: ix.derived_tasks(d) for d in directives}
        by_dir = {d: t for d, t in by_dir.items() if t}
        dirs = sorted(by_dir, key=lambda d: (-len(by_dir[d]), d))[:max_directives]
        task_ids = ix.ordered({t for d in dirs for t in by_dir[d]}, max_tasks)
        tasks = task_rows(s, task_ids)
        tasks.sort(key=lambda t: (t.document, t.source.start if t.source else 0))
        labels = self._labels(dirs)
        return Matrix([CountRow(d, labels[d], len(by_dir[d])) for d in dirs], tasks,
                      [[t.id in by_dir[d] for t in tasks] for d in dirs])

    def ask(self, question: str, unit: str | None = None) -> Answer:
        from .ask import ask
        return ask(self.store, question, unit)

    # -- units
    def units(self, query: str = "", limit: int = 500) -> list[CountRow]:
        q = fold(query)
        return [CountRow(u["unit"], u["name"], u["lead"]) for u in queries.units(self.store)
                if not q or q in fold(u["name"] + " " + " ".join(u["aliases"]))][:limit]

    def worklist(self, unit: str, *, limit: int | None = 500) -> Worklist:
        """A unit's tasks by role, at most ``limit`` per role (document order, its jurisdiction first)."""
        from .ask import lexicon, resolve_unit, task_rows
        from .index import store_index
        s = self.store
        name, iris = resolve_unit(lexicon(s), unit)
        if not iris:
            raise UnknownNode(f"{unit}: no such unit in the store")
        ix = store_index(s)
        homes = {j for j in map(jurisdiction, iris) if j}
        pick = lambda roles: task_rows(s, ix.ordered(ix.unit_tasks(iris, roles), limit, homes))  # noqa: E731
        return Worklist(name, iris[0], pick(("lead",)), pick(("support", "mentioned")), pick(("report_to",)))

    def export_tasks(self, tasks: list[TaskRow], fmt: str) -> bytes:
        from .export import tasks_csv, tasks_xlsx
        rows = [t.to_dict() for t in tasks]
        if fmt == "csv":
            return tasks_csv(rows)
        if fmt == "xlsx":
            return tasks_xlsx(rows)
        raise BadQuery(f"unknown task export format {fmt!r} (csv, xlsx)")

    def export_graph(self, fmt: str) -> bytes:
        from .export import export_graph
        return export_graph(self.store, fmt)

    # -- exploration: read around the node only (graph.neighbourhood), never the whole store
    @staticmethod
    def _sub(g: "nb.Neighbourhood", layout: bool = False) -> Subgraph:
        nodes = [NodeRef(n, i.label, i.kind, i.group) for n, i in g.nodes.items()]
        edges = [Edge(a, b, t, EDGE_TYPES[t][1]) for a, t, b in g.edges]
        pos = {}
        if layout and nodes:
            import networkx as nx
            H = nx.Graph()
            H.add_nodes_from(g.nodes)
            H.add_edges_from((a, b) for a, _, b in g.edges)
            pos = {n: (float(x), float(y)) for n, (x, y) in nx.spring_layout(H, seed=1).items()}
        return Subgraph(nodes, edges, g.truncated, pos)

    def _label_table(self) -> list[tuple[str, str, str, str | None]]:
        """(search key, IRI, type, label) of every document and unit, per store version."""
        return _search_table(self.store)

    def search_nodes(self, text: str, *, types: list[str] | None = None, limit: int = 20) -> list[NodeRef]:
        """Documents (label, symbol, title) and units (name, aliases) containing ``text``, folded,
        best first (earliest match, then shortest key); and tasks whose item number is ``text``."""
        q = _skey(text)
        if not q:
            return []
        want = lambda t: not types or t in types or (t == "CitedDocument" and "Document" in types)  # noqa: E731
        best: dict[str, tuple] = {}
        for lab, n, t, label in self._label_table():
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

    def ego(self, node_id: str, *, hops: int = 1, max_nodes: int = 150, node_types=None, edge_types=None,
            layout: bool = False) -> Subgraph:
        g = nb.ego(self.store, node_id, hops, max_nodes, node_types, edge_types)
        if not g.nodes:
            raise UnknownNode(f"{node_id}: no such node")
        return self._sub(g, layout)

    def expand(self, node_id: str, *, exclude=None, max_nodes: int = 50, edge_types=None) -> Subgraph:
        g = nb.expand(self.store, node_id, exclude=exclude or (), max_nodes=max_nodes, edge_types=edge_types)
        if not g.nodes:
            raise UnknownNode(f"{node_id}: no such node")
        return self._sub(g)

    def path(self, source: str, target: str, *, max_len: int = 8) -> Subgraph | None:
        s = self.store
        p = nb.shortest_path(s, source, target, max_len)
        if not p:
            return None
        pairs = set(zip(p, p[1:])) | set(zip(p[1:], p))
        edges = [e for e in nb.edges_between(s, p) if (e[0], e[2]) in pairs]
        return self._sub(nb.Neighbourhood(nb.describe(s, p), edges))

    def _node_count(self) -> int:
        """Nodes of the document/unit/task graph (for degree centrality), per store version."""
        return _node_counts(self.store)

    def node(self, node_id: str) -> NodeDetails:
        s = self.store
        info = nb.describe(s, [node_id]).get(node_id)
        if info is None:
            raise UnknownNode(f"{node_id}: no such node")
        rows = s.select(f"SELECT DISTINCT ?p ?o WHERE {{ <{node_id}> ?p ?o FILTER(isLiteral(?o)) }}")
        props = sorted({(r["p"].rsplit("#", 1)[-1].rsplit("/", 1)[-1], r["o"][:500]) for r in rows
                        if not r["p"].endswith("sourceText")})
        edges, _ = nb.edges_around(s, node_id, per_type=200)
        out = [Edge(a, b, t, EDGE_TYPES[t][1]) for a, t, b in edges if a == node_id]
        inc = [Edge(a, b, t, EDGE_TYPES[t][1]) for a, t, b in edges if b == node_id]
        deg = nb.degree(s, node_id)
        n = self._node_count()
        spans = [Span(e["path"], e["start"], e["end"], e["text"], e["document"]) for e in nb.evidence(s, node_id)]
        names = {k: v.label for k, v in nb.describe(s, [e.target for e in out] + [e.source for e in inc]).items()}
        return NodeDetails(NodeRef(node_id, info.label, info.kind, info.group), props, out, inc, deg,
                           deg / (n - 1) if n > 1 else 0.0, spans, names)

    def legend(self) -> Legend:
        return Legend(list(NODE_TYPES.items()), [(k, v[1]) for k, v in EDGE_TYPES.items()])

    def sparql(self, query: str, *, timeout_s: float = 10.0, limit: int = 5000) -> SparqlResult:
        return run_sparql(self.store, query, timeout_s=timeout_s, limit=limit)

    def sparql_examples(self) -> list[tuple[str, str, str]]:
        from .examples import SPARQL_EXAMPLES
        return list(SPARQL_EXAMPLES)

    # -- uploads
    def _uploads_dir(self) -> Path:
        """Where uploaded originals are kept: beside an embedded store (``data/uploads`` for
        ``data/store``), so the source path every fact quotes stays valid; for an endpoint, the
        temporary folder. ``$CANCU_UPLOADS`` overrides both."""
        if self.location.startswith(("http://", "https://")) or self.location == ":memory:":
            return Path(tempfile.gettempdir()) / "cancu-uploads"
        return Path(self.location).resolve().parent / "uploads"

    def _extract_upload(self, filename: str, data: bytes):
        from ingest.errors import IngestError
        from ingest.pipeline import extract_file
        from ingest.read import SUPPORTED
        from .errors import UploadRejected
        if len(data) > MAX_UPLOAD_BYTES:
            raise UploadRejected(f"{filename}: too large ({len(data) // 1024} KB; limit {MAX_UPLOAD_BYTES // 2**20} MB)",
                                 "TooLarge")
        if not data:
            raise UploadRejected(f"{filename}: empty file", "EmptyDocument")
        suffix = Path(filename).suffix.lower()
        if suffix not in SUPPORTED:
            raise UploadRejected(f"{filename}: unsupported format {suffix or '(none)'} "
                                 f"({', '.join(sorted(SUPPORTED))})", "UnsupportedFormat")
        updir = Path(os.environ.get("CANCU_UPLOADS") or self._uploads_dir())
        updir.mkdir(parents=True, exist_ok=True)
        dest = updir / f"{hashlib.sha256(data).hexdigest()[:12]}-{Path(filename).name}"
        dest.write_bytes(data)
        try:
            return extract_file(dest)
        except IngestError as e:
            raise UploadRejected(f"{filename}: {e.problem}", type(e).__name__) from None

    def preview_upload(self, filename: str, data: bytes) -> UploadPreview:
        from .build import build_document
        try:
            facts = self._extract_upload(filename, data)
            dg = build_document(facts)
            replaces = self.store.ask(f"ASK {{ GRAPH <{dg.graph_iri}> {{ ?s ?p ?o }} }}")
            return UploadPreview(filename, True, None, facts.document.to_json(), len(facts.citations),
                                 len(facts.tasks), len(facts.units), len(dg), replaces, facts.to_json())
        except GraphError as e:
            return UploadPreview(filename, False, str(e), {}, 0, 0, 0, 0, False, error_kind=error_kind(e))

    def ingest_upload(self, filename: str, data: bytes) -> IngestResult:
        from .build import build_document
        from .writer import write_document
        try:
            facts = self._extract_upload(filename, data)
            dg = build_document(facts)
            st = self._store
            if isinstance(st, EmbeddedStore) and st.mode != "w":
                with EmbeddedStore(st.location, mode="w") as w:
                    replaced = w.ask(f"ASK {{ GRAPH <{dg.graph_iri}> {{ ?s ?p ?o }} }}")
                    write_document(w, dg)
                st.refresh()
            else:
                replaced = self.store.ask(f"ASK {{ GRAPH <{dg.graph_iri}> {{ ?s ?p ?o }} }}")
                write_document(self.store, dg)
            return IngestResult(filename, True, None, str(dg.document), len(dg), replaced)
        except GraphError as e:
            return IngestResult(filename, False, str(e), None, error_kind=error_kind(e))

    def delete_document(self, doc_id: str) -> bool:
        from .writer import delete_document
        st = self._store
        if isinstance(st, EmbeddedStore) and st.mode != "w":
            with EmbeddedStore(st.location, mode="w") as w:
                ok = delete_document(w, doc_id)
            st.refresh()
            return ok
        return delete_document(self.store, doc_id)


# per-version tables read by several pages (built once per store version, see graph.store.PerVersion)
_documents = PerVersion(lambda store, ingested_only: queries.documents(store, ingested_only=ingested_only), keep=4)


def _build_search_table(store: Store) -> list[tuple[str, str, str, str | None]]:
    # documents by label, symbol and title, units by name and aliases; tasks are found by their
    # item number instead (search_nodes): reading 170,000 task labels on 10,000 plans takes seconds
    rows = []
    for d in _documents(store, False):
        t = "Document" if d["ingested"] else "CitedDocument"
        for key in {d["label"], d["symbol"] or "", d["title"] or ""} - {""}:
            rows.append((_skey(key), d["document"], t, d["label"]))
    for u in queries.units(store):
        for key in {u["name"], *u["aliases"]}:
            rows.append((_skey(key), u["unit"], "Unit", u["name"]))
    return rows


def _count_nodes(store: Store) -> int:
    c = queries.counts(store)
    return c["documents"] + c["cited_documents"] + c["tasks"] + c["units"]


_search_table = PerVersion(_build_search_table, keep=0)
_node_counts = PerVersion(_count_nodes, keep=0)
