"""Validate a document's graph with the SHACL shapes and write it atomically (or delete it)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from rdflib import Graph

from . import ids
from .build import DocumentGraph, build_schemes
from .errors import InvalidDocument, UnknownNode
from .store import Store, literal

__all__ = ["validate", "write_document", "delete_document", "SHAPES"]

SHAPES = Path(__file__).with_name("shapes.ttl")


@lru_cache(maxsize=1)
def _shapes() -> Graph:
    return Graph().parse(SHAPES, format="turtle")


@lru_cache(maxsize=1)
def _schemes() -> Graph:
    return build_schemes()


def validate(graph: Graph) -> list[str]:
    """SHACL problems of one document's graph, one readable line each (empty: it conforms)."""
    import pyshacl
    from rdflib.namespace import SH
    conforms, report, _ = pyshacl.validate(graph, shacl_graph=_shapes(),
                                           inference="none", advanced=False, allow_warnings=True)
    if conforms:
        return []
    out = []
    for r in report.subjects(predicate=SH.focusNode):
        focus = report.value(r, SH.focusNode)
        path = report.value(r, SH.resultPath)
        msg = report.value(r, SH.resultMessage)
        short = str(path).rsplit("#", 1)[-1].rsplit("/", 1)[-1] if path else ""
        out.append(f"{focus}{' ' + short if short else ''}: {msg}")
    return sorted(out)


def write_document(store: Store, dg: DocumentGraph, *, check: bool = True) -> None:
    """Replace the document's named graph in one transaction, after validation.

    Raises ``InvalidDocument`` (store unchanged) when the shapes are violated.
    """
    if check:
        problems = validate(dg.graph)
        if problems:
            raise InvalidDocument(dg.path, problems)
    graphs = [(str(dg.graph_iri), dg.graph.serialize(format="nt"))]
    if not store.ask(f"ASK {{ GRAPH <{ids.SCHEMES_GRAPH}> {{ ?s ?p ?o }} }}"):
        graphs.insert(0, (str(ids.SCHEMES_GRAPH), _schemes().serialize(format="nt")))
    store.replace_graphs(graphs)


def delete_document(store: Store, document: str) -> bool:
    """Remove a source document's named graph (by document IRI, graph IRI or source path)."""
    if document.startswith(str(ids.GRAPH)):
        g = document
    elif document.startswith(str(ids.ID)):
        g = str(ids.graph_iri(ids.URIRef(document)))
    else:
        rows = store.select(
            "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?d <https://cancu.vn/def#sourcePath> ?p } "
            f"FILTER(?p = {literal(document)} || STRENDS(?p, {literal('/' + document.lstrip('./'))})) }}")
        if not rows:
            raise UnknownNode(f"{document}: no ingested document with this path")
        return any([store.drop_graph(r["g"]) for r in rows])
    return store.drop_graph(g)

