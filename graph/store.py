"""The store behind one small interface: embedded Oxigraph (default) or any SPARQL 1.1 endpoint.

Both backends hold one named graph per source document and answer queries over the union of
the graphs. Every write is atomic, so a crash (even ``kill -9``) leaves the previous version of a
document or the new one, never half of it, and readers see one or the other:

- a document whose graph is new to the store is appended with Oxigraph's bulk loader
  (:meth:`EmbeddedStore.append_graphs`): a batch of documents (under :data:`BULK_MAX_QUADS` quads)
  is written as one set of sorted files ingested by RocksDB in one atomic step, with the graphs'
  bookkeeping (size, source file, the store's version) in the same step; that is as fast and as
  compact as a bulk load of the same quads;
- a document that replaces another (the same IRI, or the same source file: :data:`GraphWrite.key`)
  is one SPARQL UPDATE (``DROP SILENT GRAPH <g>; INSERT DATA {…}`` plus the bookkeeping), which both
  Oxigraph and SPARQL 1.1 servers apply in one transaction (:meth:`Store.write_graphs`).

Embedded store (``pyoxigraph.Store``, RocksDB) is single-writer: a process opened for writing
holds the lock; readers open a read-only snapshot (``Store.read_only``) and re-open it when the
files on disk change, so readers keep answering while ``cancu ingest`` writes.

An endpoint has no lock of its own: writers take a lease in the meta graph first
(:meth:`HttpStore.begin_write`), so two ingests into one endpoint never interleave their updates.

HTTP endpoint: ``http://host:port`` (Oxigraph server: ``/query`` and ``/update``) or a query URL
ending in ``/query`` or ``/sparql`` whose update URL is the same with ``/update`` (Fuseki:
``http://host:3030/ds/query``). Queries ask for the union of named graphs as default graph
(Oxigraph's ``union-default-graph`` parameter; configure ``tdb2:unionDefaultGraph`` on Fuseki).
"""
from __future__ import annotations

import io
import json
import os
import random
import re
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path
from typing import NamedTuple

import pyoxigraph as ox

from .errors import BadQuery, QueryTimeout, StoreUnavailable
from .ids import META_GRAPH, SCHEMES_GRAPH, STORE_NODE
from .vocab import CANCU, GRAPH, sparql_prefixes

__all__ = ["Store", "GraphWrite", "BULK_MAX_QUADS", "EmbeddedStore", "HttpStore", "open_store", "default_location",
           "PerVersion", "prefixed", "literal", "iri", "values", "is_update", "INTERNAL_TIMEOUT_S"]

ROOT = Path(__file__).resolve().parent.parent
# a bulk batch stays under the loader's own batch (1,000,000 quads), so RocksDB ingests it in one step
BULK_MAX_QUADS = 400_000
_XSD_INTEGER = "http://www.w3.org/2001/XMLSchema#integer"
_UPDATE_WORDS = ("insert", "delete", "load", "clear", "drop", "create", "add", "move", "copy", "with")
# the time limit of the app's own queries (the console has its own, see graph.sparql)
INTERNAL_TIMEOUT_S = float(os.environ.get("CANCU_QUERY_TIMEOUT") or 300)


def default_location() -> str:
    """The store used when none is given: ``$CANCU_STORE``, else ``data/store`` in the project."""
    return os.environ.get("CANCU_STORE") or str(ROOT / "data" / "store")


def is_update(query: str) -> bool:
    """True when a SPARQL string is an update (after its prologue).

    >>> is_update("PREFIX a: <x:> SELECT * {?s ?p ?o}"), is_update("prefix a: <x:>\\nDROP ALL")
    (False, True)
    """
    body = re.sub(r"(?is)^\s*(?:#[^\n]*\n\s*)*(?:(?:PREFIX\s+[\w-]*:\s*<[^>]*>|BASE\s*<[^>]*>)\s*(?:#[^\n]*\n\s*)*)*", "", query)
    word = re.match(r"\s*([A-Za-z]+)", body)
    return bool(word) and word.group(1).lower() in _UPDATE_WORDS


class GraphWrite(NamedTuple):
    """One document's named graph to write: its triples as N-Triples text, their number, and the
    file it came from (``key``: a later ingest of the same file replaces it)."""

    graph: str
    nt: str | bytes        # N-Triples (bytes: UTF-8)
    triples: int
    key: str | None = None

    def text(self) -> str:
        return self.nt if isinstance(self.nt, str) else self.nt.decode("utf-8")


def _count_lines(nt: str) -> int:
    return sum(1 for line in nt.splitlines() if line.strip() and not line.lstrip().startswith("#"))


class Store:
    """What graph/ needs from a store. Rows are dicts of plain strings (or None)."""

    location: str

    # -- writing
    def replace_graph(self, graph_iri: str, ntriples: str) -> None:
        """Atomically replace one named graph with the given triples."""
        self.replace_graphs([(graph_iri, ntriples)])

    def replace_graphs(self, graphs: list[tuple[str, str]]) -> None:
        """Atomically replace several named graphs (one transaction)."""
        self.write_graphs([GraphWrite(g, nt, _count_lines(nt)) for g, nt in graphs])

    @staticmethod
    def _meta(graph_iri: str, w: GraphWrite | None) -> str:
        """The graph's bookkeeping in the meta graph, in the same update: its triple count
        (Overview.triples without counting every quad of a large store) and its source file."""
        g = iri(graph_iri)
        drop = f"DELETE WHERE {{ GRAPH <{META_GRAPH}> {{ {g} ?p ?o }} }} ;\n"
        if w is None:
            return drop
        key = f" ; <{CANCU.sourceKey}> {literal(w.key)}" if w.key else ""
        return drop + (f"INSERT DATA {{ GRAPH <{META_GRAPH}> {{ {g} <{CANCU.tripleCount}> {int(w.triples)}"
                       f"{key} }} }} ;\n")

    def write_graphs(self, graphs: list[GraphWrite], drop=()) -> None:
        """In one transaction: remove the graphs ``drop`` and replace each of ``graphs``."""
        parts = [f"DROP SILENT GRAPH {iri(g)} ;\n" + self._meta(g, None) for g in drop]
        for w in graphs:
            g = iri(w.graph)
            parts.append(f"DROP SILENT GRAPH {g} ;\nINSERT DATA {{ GRAPH {g} {{\n{w.text()}\n}} }} ;\n"
                         + self._meta(w.graph, w))
        self.update("".join(parts) + self._bump())

    def append_graphs(self, graphs: list[GraphWrite]) -> None:
        """Write graphs that are not in the store yet, in one atomic step (endpoints: one update)."""
        self.write_graphs(graphs)

    def graphs_of_key(self, key: str) -> list[str]:
        """The graphs written from the source file ``key``."""
        rows = self.select(f"SELECT ?g WHERE {{ GRAPH <{META_GRAPH}> {{ ?g <{CANCU.sourceKey}> {literal(key)} }} }}")
        return sorted(r["g"] for r in rows)

    def has_meta(self, graph_iri: str) -> bool:
        """True when the meta graph says something about this graph."""
        return self.ask(f"ASK {{ GRAPH <{META_GRAPH}> {{ {iri(graph_iri)} ?p ?o }} }}")

    def begin_write(self) -> None:
        """Take the right to write (a no-op where the store has a lock of its own)."""

    def renew_write(self) -> None:
        """Say the writer is still at work (endpoints: push the lease's expiry forward)."""

    def end_write(self) -> None:
        """Give the right to write back."""

    def has_graph(self, graph_iri: str) -> bool:
        """True when the named graph holds something."""
        return self.ask(f"ASK {{ GRAPH {iri(graph_iri)} {{ ?s ?p ?o }} }}")

    def drop_graph(self, graph_iri: str) -> bool:
        """Remove one named graph; True when it existed."""
        existed = self.has_graph(graph_iri)
        if existed:
            self.update(f"DROP SILENT GRAPH {iri(graph_iri)} ;\n" + self._meta(graph_iri, None) + self._bump())
        return existed

    @staticmethod
    def _new_version() -> str:
        """Versions sort in the order they were made (``version()`` reads the greatest)."""
        return f"{time.time():017.6f}-{uuid.uuid4().hex[:8]}"

    def _bump(self) -> str:
        v = self._new_version()
        return (f"DELETE WHERE {{ GRAPH <{META_GRAPH}> {{ <{STORE_NODE}> <{CANCU.storeVersion}> ?v }} }} ;\n"
                f"INSERT DATA {{ GRAPH <{META_GRAPH}> {{ <{STORE_NODE}> <{CANCU.storeVersion}> \"{v}\" }} }}")

    # -- reading
    def select(self, query: str, *, timeout_s: float | None = None, limit: int | None = None) -> list[dict]:
        raise NotImplementedError

    def ask(self, query: str) -> bool:
        raise NotImplementedError

    def update(self, update: str) -> None:
        raise NotImplementedError

    def graphs(self) -> list[str]:
        """Named graphs holding source documents."""
        rows = self.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        return sorted(r["g"] for r in rows if r["g"].startswith(str(GRAPH)) and r["g"] not in
                      (str(META_GRAPH), str(SCHEMES_GRAPH)))

    def outgoing(self, subjects) -> dict[str, set[tuple[str, str]]]:
        """``{subject: {(predicate, object value)}}`` over the union of the graphs, for known subjects
        (one lookup per subject; no join, so a shared node's copies collapse)."""
        subjects = list(dict.fromkeys(subjects))
        out: dict[str, set[tuple[str, str]]] = {x: set() for x in subjects}
        for i in range(0, len(subjects), 500):
            for r in self.select(f"SELECT DISTINCT ?s ?p ?o WHERE {{ {values('s', subjects[i:i + 500])} ?s ?p ?o }}"):
                out[r["s"]].add((r["p"], r["o"]))
        return out

    def incoming(self, predicate: str, objects) -> dict[str, set[str]]:
        """``{object: {subjects}}`` of ``?s <predicate> <object>`` for known objects."""
        objects = list(dict.fromkeys(objects))
        out: dict[str, set[str]] = {x: set() for x in objects}
        for i in range(0, len(objects), 500):
            for r in self.select(f"SELECT DISTINCT ?s ?o WHERE {{ {values('o', objects[i:i + 500])} "
                                 f"?s {iri(predicate)} ?o }}"):
                out[r["o"]].add(r["s"])
        return out

    def version(self) -> str:
        rows = self.select(f"SELECT (MAX(?v) AS ?m) WHERE {{ GRAPH <{META_GRAPH}> {{ <{STORE_NODE}> <{CANCU.storeVersion}> ?v }} }}")
        return rows[0]["m"] if rows and rows[0]["m"] else "empty"

    def dump(self, fmt: str = "trig") -> bytes:
        """Every named graph, as TriG or N-Quads (the meta graph left out)."""
        raise NotImplementedError

    def count(self) -> int:
        """Triples in the documents' graphs: the sizes kept in the meta graph when every graph has
        one (stores written by this version), else a full count."""
        rows = self.select(f"SELECT (COUNT(?g) AS ?k) (SUM(?n) AS ?n) WHERE {{ GRAPH <{META_GRAPH}> "
                           f"{{ ?g <{CANCU.tripleCount}> ?n }} }}")
        graphs = self.select(f"SELECT (COUNT(DISTINCT ?g) AS ?k) WHERE {{ GRAPH ?g {{ ?d a <{CANCU.SourceDocument}> }} }}")
        schemes = self.has_graph(str(SCHEMES_GRAPH))
        if rows and rows[0]["k"] and int(rows[0]["k"]) == int(graphs[0]["k"]) + int(schemes):
            return int(rows[0]["n"])
        rows = self.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?g != <{META_GRAPH}>) }}")
        return int(rows[0]["n"]) if rows else 0

    def close(self) -> None:
        pass

    def flush(self) -> None:
        """Persist what is buffered in memory (a no-op for endpoints)."""

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def _term(t) -> str | None:
    if t is None:
        return None
    return t.value


class _NQuadsReader(io.RawIOBase):
    """The N-Quads of a batch of graphs and their bookkeeping, made a piece at a time as the bulk
    loader reads them (no copy of the whole batch in memory)."""

    PIECE = 1 << 20

    def __init__(self, graphs: list[GraphWrite], version: str):
        self._pieces = self._make(graphs, version)
        self._buf, self._pos = memoryview(b""), 0

    @staticmethod
    def _make(graphs, version):
        meta = f"<{META_GRAPH}>"
        for w in graphs:
            nt = w.nt if isinstance(w.nt, bytes) else w.nt.encode("utf-8")
            tail = f" <{w.graph}> .\n".encode()
            start = 0
            while start < len(nt):
                end = nt.find(b"\n", start + _NQuadsReader.PIECE)
                end = len(nt) if end < 0 else end + 1
                yield nt[start:end].replace(b" .\n", tail)
                start = end
            extra = f'<{w.graph}> <{CANCU.tripleCount}> "{w.triples}"^^<{_XSD_INTEGER}> {meta} .\n'
            if w.key:
                extra += f"<{w.graph}> <{CANCU.sourceKey}> {literal(w.key)} {meta} .\n"
            yield extra.encode("utf-8")
        yield f'<{STORE_NODE}> <{CANCU.storeVersion}> "{version}" {meta} .\n'.encode()

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        while self._pos >= len(self._buf):
            piece = next(self._pieces, None)
            if piece is None:
                return 0
            self._buf, self._pos = memoryview(piece), 0
        n = min(len(b), len(self._buf) - self._pos)
        b[:n] = self._buf[self._pos:self._pos + n]
        self._pos += n
        return n


class EmbeddedStore(Store):
    """Oxigraph on disk (``data/store``). ``mode='w'`` takes the writer lock; ``'r'`` does not."""

    def __init__(self, path: str | os.PathLike | None, mode: str = "r"):
        self.location = str(path) if path is not None else ":memory:"
        self.mode = mode
        self._lock = threading.Lock()
        self._stamp = None
        if path is None:  # in memory (tests, doctests, benchmarks)
            self.mode = "w"
            self._store = ox.Store()
            return
        p = Path(path)
        if mode == "w":
            p.mkdir(parents=True, exist_ok=True)
            try:
                self._store = ox.Store(str(p))
            except OSError as e:
                if "lock" in str(e).lower():
                    raise StoreUnavailable(f"{p}: the store is being written by another process "
                                           "(another cancu ingest or the app's upload); try again when it ends") from None
                raise StoreUnavailable(f"{p}: cannot open the store ({e})") from None
        else:
            if not (p / "CURRENT").exists():
                raise StoreUnavailable(f"{p}: no store here (run `cancu ingest` first)")
            self._open_ro()

    def _disk_stamp(self):
        try:
            return tuple(sorted((e.name, e.stat().st_mtime_ns, e.stat().st_size) for e in os.scandir(self.location)
                                if e.name.endswith((".log", ".sst")) or e.name in ("CURRENT",) or e.name.startswith("MANIFEST")))
        except OSError:
            return None

    def _open_ro(self):
        # a writer's compaction may delete a file between reading the manifest and opening it: retry
        for attempt in range(20):
            try:
                self._stamp = self._disk_stamp()
                self._store = ox.Store.read_only(self.location)
                return
            except (OSError, RuntimeError) as e:
                if attempt == 19:
                    raise StoreUnavailable(f"{self.location}: cannot open the store read-only ({e})") from None
                time.sleep(0.05)

    def refresh(self) -> bool:
        """Read-only mode: re-open when the files changed; True when it did."""
        if self.mode == "w" or self.location == ":memory:":
            return False
        stamp = self._disk_stamp()
        if stamp != self._stamp:
            with self._lock:
                self._open_ro()
            return True
        return False

    def update(self, update: str) -> None:
        if self.mode != "w":
            raise StoreUnavailable(f"{self.location}: the store is open read-only")
        try:
            self._store.update(update)
        except SyntaxError as e:
            raise BadQuery(f"invalid update: {e}") from None
        except OSError as e:
            raise StoreUnavailable(f"{self.location}: write failed ({e})") from None

    def _retrying(self, fn):
        """``fn()``; on a read-only snapshot whose files a writer compacted away, re-open once and retry."""
        try:
            return fn()
        except (OSError, RuntimeError):
            if self.mode != "r":
                raise
            with self._lock:
                self._open_ro()
            return fn()

    def _query(self, query: str):
        def run():
            try:
                return self._store.query(query, use_default_graph_as_union=True)
            except SyntaxError as e:
                raise BadQuery(f"invalid SPARQL: {str(e).splitlines()[0]}") from None
        try:
            return self._retrying(run)
        except (OSError, RuntimeError) as e:
            raise StoreUnavailable(f"{self.location}: read failed ({e})") from None

    def _rows(self, query: str, limit: int | None, timeout_s: float) -> list[dict]:
        # Oxigraph evaluates lazily: leaving the loop (limit reached, time up) ends the work
        deadline = time.monotonic() + timeout_s

        def late():
            if time.monotonic() > deadline:
                raise QueryTimeout(f"the query ran longer than {timeout_s:g} s and was stopped")

        def run():
            res = self._store.query(query, use_default_graph_as_union=True)
            if isinstance(res, (bool, ox.QueryBoolean)):
                return [{"_ask": "true" if res else "false"}]
            if not hasattr(res, "variables"):  # CONSTRUCT/DESCRIBE: triples as rows
                out = []
                for t in res:
                    out.append({"subject": _term(t.subject), "predicate": _term(t.predicate), "object": _term(t.object)})
                    if limit and len(out) > limit:
                        break
                    late()
                return out
            names = [v.value for v in res.variables]
            out = []
            for sol in res:
                out.append({n: _term(sol[n]) for n in names})
                if limit and len(out) > limit:
                    break
                late()
            return out
        try:
            return self._retrying(run)
        except SyntaxError as e:
            raise BadQuery(f"invalid SPARQL: {str(e).splitlines()[0]}") from None
        except (OSError, RuntimeError) as e:
            raise StoreUnavailable(f"{self.location}: read failed ({e})") from None

    def select(self, query: str, *, timeout_s: float | None = None, limit: int | None = None) -> list[dict]:
        """Rows of a query, at most ``limit`` + 1. Without ``timeout_s`` the internal limit
        (:data:`INTERNAL_TIMEOUT_S`) is checked between rows; with it, the caller also gets its answer
        (or ``QueryTimeout``) on time while the work stops at its next row. A query that computes
        long before its first row (an aggregate over everything) is stopped for sure only by running
        it in another process: the console does (:mod:`graph.sparql`)."""
        if timeout_s is None:
            return self._rows(query, limit, INTERNAL_TIMEOUT_S)
        box: dict = {}

        def target():
            try:
                box["rows"] = self._rows(query, limit, timeout_s)
            except BaseException as e:  # noqa: BLE001 - re-raised in the caller
                box["error"] = e
        th = threading.Thread(target=target, daemon=True)
        th.start()
        th.join(timeout_s)
        if th.is_alive():
            raise QueryTimeout(f"the query ran longer than {timeout_s:g} s and was stopped")
        if "error" in box:
            raise box["error"]
        return box["rows"]

    def outgoing(self, subjects) -> dict[str, set[tuple[str, str]]]:
        """Direct index lookups (``quads_for_pattern``): no query planning, no join."""
        def run():
            out = {}
            for x in dict.fromkeys(subjects):
                out[x] = {(q.predicate.value, q.object.value)
                          for q in self._store.quads_for_pattern(ox.NamedNode(x), None, None, None)}
            return out
        return self._retrying(run)

    def incoming(self, predicate: str, objects) -> dict[str, set[str]]:
        p = ox.NamedNode(predicate)

        def run():
            return {x: {q.subject.value for q in self._store.quads_for_pattern(None, p, ox.NamedNode(x), None)}
                    for x in dict.fromkeys(objects)}
        return self._retrying(run)

    def ask(self, query: str) -> bool:
        return bool(self._query(query))

    def dump(self, fmt: str = "trig") -> bytes:
        quads = [q for q in self._store.quads_for_pattern(None, None, None, None)
                 if not (isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value == str(META_GRAPH))]
        rdf_fmt = {"trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS}[fmt]
        return ox.serialize(quads, format=rdf_fmt, prefixes=None) if fmt == "nquads" else \
            ox.serialize(quads, format=rdf_fmt)

    def bulk_load_nquads(self, data: bytes) -> None:
        """Fast, non-transactional load (benchmarks, imports into an empty store)."""
        self._store.bulk_load(data, format=ox.RdfFormat.N_QUADS)
        self.update(self._bump())

    def append_graphs(self, graphs: list[GraphWrite]) -> None:
        """Graphs not in the store yet, with their bookkeeping and a new store version, through
        Oxigraph's bulk loader: under :data:`BULK_MAX_QUADS` quads, the loader writes one set of
        sorted files that RocksDB ingests in one atomic step (readers and a crash see all of the
        batch or none of it). Then the older version markers go (until then the newest one reads)."""
        if self.mode != "w":
            raise StoreUnavailable(f"{self.location}: the store is open read-only")
        n = sum(w.triples for w in graphs)
        if n + 4 * len(graphs) + 1 >= BULK_MAX_QUADS:
            raise ValueError(f"a bulk batch holds fewer than {BULK_MAX_QUADS} quads ({n} given)")
        version = self._new_version()
        try:
            self._store.bulk_load(_NQuadsReader(graphs, version), format=ox.RdfFormat.N_QUADS)
        except SyntaxError as e:
            raise BadQuery(f"invalid N-Quads: {str(e).splitlines()[0]}") from None
        except OSError as e:
            raise StoreUnavailable(f"{self.location}: write failed ({e})") from None
        self.update(f"DELETE {{ GRAPH <{META_GRAPH}> {{ <{STORE_NODE}> <{CANCU.storeVersion}> ?v }} }} "
                    f"WHERE {{ GRAPH <{META_GRAPH}> {{ <{STORE_NODE}> <{CANCU.storeVersion}> ?v }} "
                    f"FILTER(?v != {literal(version)}) }}")

    def graphs_of_key(self, key: str) -> list[str]:
        p, meta = ox.NamedNode(str(CANCU.sourceKey)), ox.NamedNode(str(META_GRAPH))
        return self._retrying(lambda: sorted(
            q.subject.value for q in self._store.quads_for_pattern(None, p, ox.Literal(key), meta)))

    def has_graph(self, graph_iri: str) -> bool:
        g = ox.NamedNode(graph_iri)
        return self._retrying(lambda: next(iter(self._store.quads_for_pattern(None, None, None, g)), None) is not None)

    def has_meta(self, graph_iri: str) -> bool:
        g, meta = ox.NamedNode(graph_iri), ox.NamedNode(str(META_GRAPH))
        return self._retrying(lambda: next(iter(self._store.quads_for_pattern(g, None, None, meta)), None) is not None)

    def settle(self) -> None:
        """After a long ingest: persist the memory tables and re-open, which lets RocksDB delete the
        write-ahead logs of what is now on disk (they otherwise stay until the next open)."""
        if self.mode != "w" or self.location == ":memory:" or self._store is None:
            return
        self.flush()
        self._store = None
        self._store = ox.Store(self.location)

    def size_bytes(self) -> int:
        return sum(f.stat().st_size for f in Path(self.location).rglob("*") if f.is_file())

    def flush(self) -> None:
        """Write RocksDB's memory tables to disk: a long ingest calls it every few tens of MB, which
        keeps the writer's memory flat (the tables otherwise grow to gigabytes)."""
        if self.mode == "w" and self._store is not None:
            try:
                self._store.flush()
            except OSError as e:
                raise StoreUnavailable(f"{self.location}: write failed ({e})") from None

    def close(self) -> None:
        st = getattr(self, "_store", None)
        if st is not None and self.mode == "w":
            try:
                st.flush()
            except OSError:
                pass
        self._store = None


class HttpStore(Store):
    """A SPARQL 1.1 Protocol endpoint (query + update)."""

    def __init__(self, location: str, timeout_s: float = 60.0):
        self.location = location.rstrip("/")
        base = self.location
        if base.endswith(("/query", "/sparql")):
            self.query_url = base
            self.update_url = base.rsplit("/", 1)[0] + "/update"
        else:
            self.query_url, self.update_url = base + "/query", base + "/update"
        self.timeout_s = timeout_s
        # Oxigraph: the union of named graphs as default graph
        self.union_param = os.environ.get("CANCU_UNION_PARAM", "union-default-graph")

    def _post(self, url: str, body: str, content_type: str, accept: str, timeout: float, params: str = "") -> bytes:
        req = urllib.request.Request(url + (("?" + params) if params else ""), data=body.encode("utf-8"),
                                     headers={"Content-Type": content_type, "Accept": accept}, method="POST")
        try:
            with urllib.request.urlopen(req, timeout=timeout) as r:
                return r.read()
        except urllib.error.HTTPError as e:
            msg = e.read().decode("utf-8", "replace").strip().splitlines()
            msg = msg[0][:200] if msg else e.reason
            if e.code == 400:
                raise BadQuery(f"the endpoint refused the query: {msg}") from None
            raise StoreUnavailable(f"{self.location}: HTTP {e.code}: {msg}") from None
        except TimeoutError:
            raise QueryTimeout(f"the endpoint did not answer within {timeout:g} s") from None
        except (urllib.error.URLError, OSError) as e:
            reason = getattr(e, "reason", e)
            if isinstance(reason, TimeoutError) or "timed out" in str(reason):
                raise QueryTimeout(f"the endpoint did not answer within {timeout:g} s") from None
            raise StoreUnavailable(f"{self.location}: cannot reach the endpoint ({reason})") from None

    def update(self, update: str) -> None:
        self._post(self.update_url, update, "application/sparql-update", "*/*", self.timeout_s * 10)

    def _json(self, query: str, timeout_s: float | None):
        params = urllib.parse.urlencode({self.union_param: "true"}) if self.union_param else ""
        raw = self._post(self.query_url, query, "application/sparql-query",
                         "application/sparql-results+json", timeout_s or self.timeout_s, params)
        try:
            return json.loads(raw)
        except json.JSONDecodeError:
            raise BadQuery("the endpoint did not return SPARQL JSON results (a CONSTRUCT query?)") from None

    def select(self, query: str, *, timeout_s: float | None = None, limit: int | None = None) -> list[dict]:
        data = self._json(query, timeout_s)
        if "boolean" in data:
            return [{"_ask": "true" if data["boolean"] else "false"}]
        names = data["head"].get("vars", [])
        rows = []
        for b in data["results"]["bindings"]:
            rows.append({n: (b[n]["value"] if n in b else None) for n in names})
            if limit and len(rows) > limit:
                break
        return rows

    def ask(self, query: str) -> bool:
        return bool(self._json(query, None).get("boolean"))

    def refresh(self) -> bool:
        return False

    # -- one writer at a time: a lease in the meta graph
    LEASE_S = 180.0     # a lease not renewed for this long belongs to a writer that died
    WAIT_S = 120.0      # how long begin_write waits for another writer to finish

    def _leases(self) -> list[str]:
        rows = self.select(f"SELECT ?l WHERE {{ GRAPH <{META_GRAPH}> {{ <{STORE_NODE}> <{CANCU.writerLease}> ?l }} }}")
        return [r["l"] for r in rows if r["l"]]

    def _lease_update(self, drop: str | None, add: str | None) -> None:
        node = f"GRAPH <{META_GRAPH}> {{ <{STORE_NODE}> <{CANCU.writerLease}>"
        parts = []
        if drop:
            parts.append(f"DELETE DATA {{ {node} {literal(drop)} }} }}")
        if add:
            parts.append(f"INSERT DATA {{ {node} {literal(add)} }} }}")
        self._post(self.update_url, " ;\n".join(parts), "application/sparql-update", "*/*", self.timeout_s)

    def begin_write(self) -> None:
        """Take the endpoint's writer lease: insert a claim, read every claim; the writer whose claim
        is the only one holds the lease (two writers that claim at once both see two claims, withdraw
        and try again after a random pause). A claim carries its expiry; an expired one (a writer
        killed while it held the lease) is removed by the next writer."""
        if getattr(self, "_lease", None):
            return
        me = uuid.uuid4().hex
        deadline = time.monotonic() + self.WAIT_S
        while True:
            now = time.time()
            for claim in self._leases():
                try:
                    expired = float(claim.split("|", 1)[1]) < now
                except (IndexError, ValueError):
                    expired = True
                if expired:
                    self._lease_update(claim, None)
            mine = f"{me}|{now + self.LEASE_S:.3f}"
            self._lease_update(None, mine)
            if self._leases() == [mine]:
                self._lease = mine
                return
            self._lease_update(mine, None)
            if time.monotonic() > deadline:
                raise StoreUnavailable(f"{self.location}: the endpoint is being written by another cancu ingest "
                                       "(or an upload); try again when it ends")
            time.sleep(0.05 + random.random() * 0.45)

    def renew_write(self) -> None:
        """Push the lease's expiry forward (each write does)."""
        old = getattr(self, "_lease", None)
        if old:
            new = f"{old.split('|', 1)[0]}|{time.time() + self.LEASE_S:.3f}"
            self._lease_update(old, new)
            self._lease = new

    def end_write(self) -> None:
        lease, self._lease = getattr(self, "_lease", None), None
        if lease:
            self._lease_update(lease, None)

    def write_graphs(self, graphs: list[GraphWrite], drop=()) -> None:
        self.renew_write()
        super().write_graphs(graphs, drop)

    def dump(self, fmt: str = "trig") -> bytes:
        q = ("SELECT ?g ?s ?p ?o (DATATYPE(?o) AS ?dt) (LANG(?o) AS ?lang) (isIRI(?o) AS ?iri) "
             "WHERE { GRAPH ?g { ?s ?p ?o } }")
        quads = []
        for r in self.select(q):
            if r["g"] == str(META_GRAPH):
                continue
            if r["iri"] in ("true", "1"):
                o = ox.NamedNode(r["o"])
            elif r["lang"]:
                o = ox.Literal(r["o"], language=r["lang"])
            else:
                o = ox.Literal(r["o"], datatype=ox.NamedNode(r["dt"])) if r["dt"] else ox.Literal(r["o"])
            quads.append(ox.Quad(ox.NamedNode(r["s"]), ox.NamedNode(r["p"]), o, ox.NamedNode(r["g"])))
        return ox.serialize(quads, format={"trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS}[fmt])


def open_store(location: str | os.PathLike | None = None, *, write: bool = False) -> Store:
    """Open a store: a folder (embedded Oxigraph) or an ``http(s)://`` SPARQL endpoint."""
    loc = str(location or default_location())
    if loc.startswith(("http://", "https://")):
        return HttpStore(loc)
    return EmbeddedStore(loc, mode="w" if write else "r")


def prefixed(query: str) -> str:
    """Our PREFIX lines + the query."""
    return sparql_prefixes() + query


def iri(value: str) -> str:
    """An IRI as a SPARQL term, written by the RDF library: anything that is not one IRI (``>``, a
    space, a brace, a quote …) raises ``BadQuery`` instead of reaching a query as text.

    >>> iri("https://cancu.vn/id/doc/vn/59/2023/nd-cp")
    '<https://cancu.vn/id/doc/vn/59/2023/nd-cp>'
    >>> iri("urn:a> } SERVICE <http://h/> {")
    Traceback (most recent call last):
    graph.errors.BadQuery: not an IRI: 'urn:a> } SERVICE <http://h/> {'
    """
    try:
        return str(ox.NamedNode(str(value)))
    except (ValueError, TypeError):
        raise BadQuery(f"not an IRI: {shown(value)!r}") from None


def shown(value, n: int = 80) -> str:
    """A value fit for a one-line message: control characters and runs of spaces as one space, at
    most ``n`` characters.

    >>> shown("a\\nb\\x00c" + "x" * 100, 10)
    'a b cxxxx…'
    """
    text = " ".join("".join(c if c.isprintable() else " " for c in str(value)).split())
    return text if len(text) <= n else text[:n - 1] + "…"


_VAR = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def values(var: str, iris) -> str:
    """A ``VALUES ?var { <iri> … }`` clause (each IRI written by :func:`iri`).

    >>> values("d", ["urn:a", "urn:b"])
    'VALUES ?d { <urn:a> <urn:b> }'
    """
    if not _VAR.fullmatch(var):
        raise BadQuery(f"not a variable name: {shown(var)!r}")
    return f"VALUES ?{var} {{ {' '.join(iri(i) for i in iris)} }}"


def literal(text: str) -> str:
    """A SPARQL string literal, written by the RDF library (quotes, backslashes, line breaks and
    control characters escaped).

    >>> literal('Sở "Nội vụ"')
    '"Sở \\\\"Nội vụ\\\\""'
    """
    return str(ox.Literal(str(text)))


class PerVersion:
    """A table computed from a store, built once per store version (the lexicon, the task index,
    the document list …); the kept values are dropped when more than ``keep`` pile up. A caller
    asking while another builds the same table waits for that build instead of starting a second.

    >>> builds = []
    >>> table = PerVersion(lambda store: builds.append(store.version()) or len(builds))
    >>> s = EmbeddedStore(None)
    >>> table(s), table(s), len(builds)
    (1, 1, 1)
    """

    def __init__(self, build, keep: int = 4):
        self._build, self._keep = build, keep
        self._values: dict = {}
        self._lock = threading.Lock()
        self._building = threading.Lock()

    def __call__(self, store: "Store", *args):
        key = (id(store), store.version(), *args)
        with self._lock:
            if key in self._values:
                return self._values[key]
        with self._building:
            with self._lock:
                if key in self._values:
                    return self._values[key]
            value = self._build(store, *args)
            with self._lock:
                if len(self._values) > self._keep:
                    self._values.clear()
                self._values[key] = value
        return value
