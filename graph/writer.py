"""The one way into the store: prepare a document (extract, build, validate), then write it.

``cancu ingest`` prepares files in worker processes and writes each in the main process; the
app's upload prepares and writes in one call. Both go through :func:`prepare` and :func:`write`,
so a document reaches the store only after the SHACL shapes accepted it, in one transaction that
replaces its previous version (and adds the scheme of document types the first time).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import SH

from ingest.errors import IngestError
from ingest.facts import Facts
from ingest.pipeline import extract_file

from . import ids
from .build import DocumentGraph, build_document, build_schemes
from .errors import InvalidDocument, UnknownNode, refusal
from .store import Store, literal
from .vocab import CANCU, GRAPH, ID

__all__ = ["Prepared", "prepare", "prepare_facts", "write", "validate", "write_document", "delete_document",
           "SHAPES"]

SHAPES = Path(__file__).with_name("shapes.ttl")


@lru_cache(maxsize=1)
def _shapes() -> Graph:
    return Graph().parse(SHAPES, format="turtle")


@lru_cache(maxsize=1)
def _schemes_nt() -> str:
    return build_schemes().serialize(format="nt")


def validate(graph: Graph) -> list[str]:
    """SHACL problems of one document's graph, one readable line each (empty: it conforms)."""
    # imported here: pySHACL takes about a second to import and only validation needs it
    import pyshacl
    conforms, report, _ = pyshacl.validate(graph, shacl_graph=_shapes(),
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


@dataclass(frozen=True)
class Prepared:
    """One document extracted, built and checked, ready to write; picklable (a worker makes it).

    ``error`` is one line without the file name (``None`` when it can be written); ``error_kind``
    names the problem (the reader's error class, ``InvalidDocument`` …) for a translated message.
    """

    path: str
    document: str | None = None     # the document's IRI
    graph: str | None = None        # its named graph's IRI
    nt: str = ""                    # the graph as N-Triples
    triples: int = 0
    size: int = 0                   # bytes of the text of record
    error: str | None = None
    error_kind: str | None = None
    facts: Facts | None = None      # kept on request (the upload's preview shows them)

    @property
    def ok(self) -> bool:
        return self.error is None


def prepare(path, *, check: bool = True, keep_facts: bool = False) -> Prepared:
    """Extract, build and (``check``) validate one file. Never raises: one bad document must not
    stop a folder."""
    try:
        facts = extract_file(path)
    except IngestError as e:
        return Prepared(str(path), error=e.problem, error_kind=type(e).__name__)
    except Exception as e:  # noqa: BLE001 - one bad document must not stop a folder
        return Prepared(str(path), error=f"{type(e).__name__}: {e}", error_kind=type(e).__name__)
    return prepare_facts(facts, check=check, keep_facts=keep_facts)


def prepare_facts(facts: Facts, *, check: bool = True, keep_facts: bool = False,
                  ingested_at: str | None = None) -> Prepared:
    """Build and (``check``) validate the graph of extracted facts. Never raises."""
    kept = facts if keep_facts else None
    path = facts.source.path
    try:
        dg = build_document(facts, ingested_at=ingested_at)
        problems = validate(dg.graph) if check else []
    except Exception as e:  # noqa: BLE001 - one bad document must not stop a folder
        return Prepared(path, error=f"{type(e).__name__}: {e}", error_kind=type(e).__name__, facts=kept)
    if problems:
        return Prepared(path, str(dg.document), str(dg.graph_iri), triples=len(dg), error=refusal(problems),
                        error_kind=InvalidDocument.__name__, facts=kept)
    return Prepared(path, str(dg.document), str(dg.graph_iri), dg.graph.serialize(format="nt"), len(dg),
                    len(facts.source.text.encode()), facts=kept)


def write(store: Store, doc: Prepared) -> bool:
    """Replace the document's named graph in one transaction (adding the scheme of document types
    when the store has none yet); True when it replaced a previous version."""
    if not doc.ok:
        raise ValueError(f"{doc.path}: cannot be written ({doc.error})")
    replaced = store.has_graph(doc.graph)
    graphs = [(doc.graph, doc.nt)]
    if not store.has_graph(str(ids.SCHEMES_GRAPH)):
        graphs.insert(0, (str(ids.SCHEMES_GRAPH), _schemes_nt()))
    store.replace_graphs(graphs)
    return replaced


def write_document(store: Store, dg: DocumentGraph, *, check: bool = True) -> bool:
    """Write a graph built in memory (tests, fixtures, benchmarks) through :func:`write`.

    Raises ``InvalidDocument`` (store unchanged) when the shapes are violated.
    """
    if check:
        problems = validate(dg.graph)
        if problems:
            raise InvalidDocument(dg.path, problems)
    return write(store, Prepared(dg.path, str(dg.document), str(dg.graph_iri), dg.graph.serialize(format="nt"),
                                 len(dg)))


def delete_document(store: Store, document: str) -> bool:
    """Remove a source document's named graph (by document IRI, graph IRI or source path)."""
    if document.startswith(str(GRAPH)):
        g = document
    elif document.startswith(str(ID)):
        g = str(ids.graph_iri(URIRef(document)))
    else:
        rows = store.select(
            f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?d <{CANCU.sourcePath}> ?p }} "
            f"FILTER(?p = {literal(document)} || STRENDS(?p, {literal('/' + document.lstrip('./'))})) }}")
        if not rows:
            raise UnknownNode(f"{document}: no ingested document with this path")
        return any([store.drop_graph(r["g"]) for r in rows])
    return store.drop_graph(g)
