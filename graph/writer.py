"""The one way into the store: prepare a document (extract, build, check), then write it.

``cancu ingest`` prepares files in worker processes (or on a Dask cluster, :mod:`graph.cluster`)
and one :class:`Writer` in the main process writes them; the app's upload prepares and writes in
one call. Both go through :func:`prepare` and :class:`Writer`, so a document reaches the store only
after the checks of the SHACL shapes (:mod:`graph.checks`) passed on its triples.

What is checked where:

- the builder (:mod:`graph.build`) makes what the shapes require out of the facts and repairs or
  leaves out a fact that would break them (an ASCII ``D`` for ``Đ``, an impossible date, a span
  outside the text), each with a warning;
- :func:`prepare` runs the shapes, compiled to Python checks, on every document's triples; what
  still breaks a shape is dropped with a warning (:func:`graph.checks.enforce`); only a document
  without usable text is refused;
- the tests run pySHACL itself beside the compiled checks over the seed, the dev corpus and
  corrupted graphs (``tests/test_checks.py``): both must find the same violations.

The :class:`Writer` appends documents new to the store in bulk batches and replaces the others in
one transaction each (see :mod:`graph.store`); a file ingested again replaces what it gave before,
even when its document's identity changed (a plan without its own number, edited).
"""
from __future__ import annotations

import os
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ingest.errors import IngestError
from ingest.facts import Facts
from ingest.pipeline import extract_file

from . import ids
from .build import DocumentGraph, build_document, ntriples_bytes, schemes_triples
from .checks import SHAPES, enforce, problems
from .errors import InvalidDocument, UnknownNode, refusal
from .evidence import legacy_graphs
from .evidence import upgrade as upgrade_evidence
from .store import BULK_MAX_QUADS, GraphWrite, Store, literal
from .vocab import CANCU, GRAPH, ID

__all__ = ["Prepared", "prepare", "prepare_facts", "Writer", "WriteSummary", "write", "validate", "shacl_validate",
           "write_document", "delete_document", "source_key", "SHAPES"]


@lru_cache(maxsize=1)
def _shapes_graph():
    from rdflib import Graph
    return Graph().parse(SHAPES, format="turtle")


@lru_cache(maxsize=1)
def _schemes_nt() -> bytes:
    return ntriples_bytes(schemes_triples())


def shacl_validate(graph) -> list[str]:
    """pySHACL's verdict on an rdflib graph, one readable line each (empty: it conforms): the
    reference the compiled checks are tested against."""
    # imported here: pySHACL takes about a second to import and only the tests need it
    import pyshacl
    from rdflib.namespace import SH
    conforms, report, _ = pyshacl.validate(graph, shacl_graph=_shapes_graph(),
                                           inference="none", advanced=False, allow_warnings=True)
    if conforms:
        return []
    out = []
    for r in report.subjects(predicate=SH.focusNode):
        focus = report.value(r, SH.focusNode)
        path = report.value(r, SH.resultPath)
        msg = report.value(r, SH.resultMessage)
        short = ids.last_segment(str(path).rsplit("#", 1)[-1]) if path else ""
        out.append(f"{focus}{' ' + short if short else ''}: {msg}")
    return sorted(out)


def validate(graph) -> list[str]:
    """Problems of one document's graph with the shapes, one line each (empty: it conforms).
    A :class:`DocumentGraph` or triples are checked by the compiled checks, an rdflib graph by pySHACL."""
    if isinstance(graph, DocumentGraph):
        return problems(graph.triples)
    if isinstance(graph, (tuple, list)):
        return problems(graph)
    return shacl_validate(graph)


def source_key(path) -> str:
    """The file a document came from, as the store remembers it (absolute, symbolic links resolved)."""
    try:
        return str(Path(path).resolve())
    except (OSError, RuntimeError):
        return str(path)


@dataclass(frozen=True)
class Prepared:
    """One document extracted, built and checked, ready to write; picklable (a worker makes it).

    ``error`` is one line without the file name (``None`` when it can be written); ``error_kind``
    names the problem (the reader's error class, ``InvalidDocument`` …) for a translated message.
    ``warnings`` are the facts repaired or left out, one line each (the document is written).
    """

    path: str
    document: str | None = None     # the document's IRI
    graph: str | None = None        # its named graph's IRI
    nt: bytes = b""                 # the graph as N-Triples (UTF-8)
    triples: int = 0
    size: int = 0                   # bytes of the text of record
    error: str | None = None
    error_kind: str | None = None
    facts: Facts | None = None      # kept on request (the upload's preview shows them)
    warnings: tuple[str, ...] = ()
    repaired: int = 0               # facts repaired (flagged in the graph)
    dropped: int = 0                # facts left out
    key: str | None = None          # the source file (see source_key)

    @property
    def ok(self) -> bool:
        return self.error is None


def prepare(path, *, check: bool = True, keep_facts: bool = False, key: str | None = None,
            ingested_at: str | None = None) -> Prepared:
    """Extract, build and (``check``) check one file. Never raises: one bad document must not
    stop a folder."""
    try:
        facts = extract_file(path)
    except IngestError as e:
        return Prepared(str(path), error=e.problem, error_kind=type(e).__name__)
    except Exception as e:  # noqa: BLE001 - one bad document must not stop a folder
        return Prepared(str(path), error=f"{type(e).__name__}: {e}", error_kind=type(e).__name__)
    return prepare_facts(facts, check=check, keep_facts=keep_facts, key=key or source_key(path),
                         ingested_at=ingested_at)


def prepare_facts(facts: Facts, *, check: bool = True, keep_facts: bool = False,
                  ingested_at: str | None = None, key: str | None = None) -> Prepared:
    """Build and (``check``) check the graph of extracted facts. Never raises."""
    kept = facts if keep_facts else None
    path = facts.source.path
    try:
        dg = build_document(facts, ingested_at=ingested_at)
        triples, issues, fatal = enforce(dg.triples) if check else (dg.triples, [], [])
        nt = ntriples_bytes(triples)
    except Exception as e:  # noqa: BLE001 - one bad document must not stop a folder
        return Prepared(path, error=f"{type(e).__name__}: {e}", error_kind=type(e).__name__, facts=kept)
    if fatal:
        return Prepared(path, dg.document, dg.graph_iri, triples=len(dg), error=refusal(fatal),
                        error_kind=InvalidDocument.__name__, facts=kept)
    allw = list(dg.warnings) + list(issues)
    return Prepared(path, dg.document, dg.graph_iri, nt, len(triples), len(facts.source.text.encode("utf-8", "replace")),
                    facts=kept, warnings=tuple(str(w) for w in allw),
                    repaired=sum(1 for w in allw if w.action == "repaired"),
                    dropped=sum(1 for w in allw if w.action == "dropped"), key=key)


@dataclass
class WriteSummary:
    """What a :class:`Writer` did."""

    new: int = 0
    replaced: int = 0
    removed: int = 0        # older graphs of a re-ingested file that no longer has their identity
    transactions: int = 0
    bulk_batches: int = 0
    upgraded: int = 0       # graphs of an earlier annotation model rewritten (graph.evidence.upgrade)


class Writer:
    """The single writer of one ingest (or upload).

    ``add`` a prepared document: one new to the store waits in a batch that is appended in bulk
    (when it reaches ``batch_triples`` triples, after ``batch_seconds``, or at ``flush``); one that
    replaces a graph (the same IRI, or an earlier graph of the same source file) is written at
    once, in one transaction that also removes what it replaces. Use it as a context manager: it
    takes the store's writer lease (endpoints), flushes at the end and settles an embedded store
    after a long ingest.
    """

    def __init__(self, store: Store, *, batch_triples: int | None = None, batch_seconds: float = 10.0,
                 flush_bytes: int = 16 * 2**20, on_rewrite=None):
        self.store = store
        self.on_rewrite = on_rewrite  # called with the number of graphs of the earlier model, before they are rewritten
        if batch_triples is None:
            batch_triples = int(os.environ.get("CANCU_INGEST_BATCH", "200000"))
        self.batch_triples = max(1, min(batch_triples, BULK_MAX_QUADS // 2))
        self.batch_seconds = batch_seconds
        self.flush_bytes = flush_bytes
        self.pending: list[GraphWrite] = []
        self.pending_graphs: set[str] = set()
        self.pending_keys: set[str] = set()
        self.pending_triples = 0
        self.since = self.renewed = time.monotonic()
        self.unflushed = 0            # bytes written through transactions since the last flush
        self.tx_bytes = 0             # bytes written through transactions in all
        self.summary = WriteSummary()
        self._schemes = None

    def __enter__(self) -> "Writer":
        self.store.begin_write()
        try:  # a store written before the compact annotations is rewritten first (graph.evidence)
            old = legacy_graphs(self.store)
            if old and self.on_rewrite:
                self.on_rewrite(len(old))
            self.summary.upgraded = upgrade_evidence(self.store, old)
        except BaseException:
            self.store.end_write()
            raise
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        try:
            if exc_type is None:
                self.flush()
                if self.tx_bytes > self.flush_bytes and hasattr(self.store, "settle"):
                    self.store.settle()  # the write-ahead logs of the transactions go
        finally:
            self.store.end_write()

    def _schemes_write(self) -> list[GraphWrite]:
        if self._schemes is None:
            self._schemes = self.store.has_graph(str(ids.SCHEMES_GRAPH))
        if self._schemes:
            return []
        self._schemes = True
        nt = _schemes_nt()
        return [GraphWrite(str(ids.SCHEMES_GRAPH), nt, nt.count(b"\n"))]

    def add(self, doc: Prepared) -> bool:
        """Write (or queue) one prepared document; True when it replaces something in the store."""
        if not doc.ok:
            raise ValueError(f"{doc.path}: cannot be written ({doc.error})")
        if time.monotonic() - self.renewed > 30:  # an endpoint's lease stays ours while we work
            self.store.renew_write()
            self.renewed = time.monotonic()
        w = GraphWrite(doc.graph, doc.nt, doc.triples, doc.key)
        if doc.graph in self.pending_graphs or (doc.key and doc.key in self.pending_keys):
            self.flush()
        older = [g for g in self.store.graphs_of_key(doc.key) if g != doc.graph] if doc.key else []
        exists = self.store.has_graph(doc.graph) or self.store.has_meta(doc.graph)
        if exists or older or doc.triples + 8 >= BULK_MAX_QUADS:
            self.flush()
            self.store.write_graphs(self._schemes_write() + [w], drop=older)
            self.summary.transactions += 1
            self.summary.removed += len(older)
            self.unflushed += len(doc.nt)
            self.tx_bytes += len(doc.nt)
            if self.unflushed > self.flush_bytes:  # bound the memory tables of the embedded store
                self.store.flush()
                self.unflushed = 0
            replaced = exists or bool(older)
            if replaced:
                self.summary.replaced += 1
            else:
                self.summary.new += 1
            return replaced
        if self.pending_triples + doc.triples > self.batch_triples:
            self.flush()
        self.pending.append(w)
        self.pending_graphs.add(doc.graph)
        if doc.key:
            self.pending_keys.add(doc.key)
        self.pending_triples += doc.triples
        self.summary.new += 1
        if self.pending_triples >= self.batch_triples or time.monotonic() - self.since > self.batch_seconds:
            self.flush()
        return False

    def flush(self) -> None:
        """Append the queued new documents (one atomic step)."""
        self.since = time.monotonic()
        if not self.pending:
            return
        batch = self._schemes_write() + self.pending
        self.pending, self.pending_graphs, self.pending_keys, self.pending_triples = [], set(), set(), 0
        self.store.append_graphs(batch)
        self.summary.bulk_batches += 1


def write(store: Store, doc: Prepared) -> bool:
    """Write one document now (replacing its previous version); True when it replaced one."""
    with Writer(store) as w:
        return w.add(doc)


def write_document(store: Store, dg: DocumentGraph, *, check: bool = True) -> bool:
    """Write a graph built in memory (tests, fixtures, benchmarks) through :func:`write`.

    Raises ``InvalidDocument`` (store unchanged) when the shapes are violated.
    """
    if check:
        found = problems(dg.triples)
        if found:
            raise InvalidDocument(dg.path, found)
    return write(store, Prepared(dg.path, dg.document, dg.graph_iri, ntriples_bytes(dg.triples), len(dg)))


def delete_document(store: Store, document: str) -> bool:
    """Remove a source document's named graph (by document IRI, graph IRI or source path)."""
    if document.startswith(str(GRAPH)):
        g = document
    elif document.startswith(str(ID)):
        g = str(ids.graph_iri(document))
    else:
        rows = store.select(
            f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?d <{CANCU.sourcePath}> ?p }} "
            f"FILTER(?p = {literal(document)} || STRENDS(?p, {literal('/' + document.lstrip('./'))})) }}")
        if not rows:
            raise UnknownNode(f"{document}: no ingested document with this path")
        return any([store.drop_graph(r["g"]) for r in rows])
    return store.drop_graph(g)
