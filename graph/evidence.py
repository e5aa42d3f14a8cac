"""The words behind a graph fact: an annotation's target is a span of a document's text of record.

Every extracted fact has an ``oa:Annotation`` whose ``oa:hasTarget`` is an RFC 5147 fragment IRI
``<document#char=start,end>`` (:func:`graph.ids.span_target`): the characters ``start:end`` (code
points, end exclusive) of the document's ``cancu:sourceText``. The quote is not stored a second
time: :func:`quotes` has the store cut it from the text (SPARQL ``SUBSTR`` counts code points, as
Python does), so only the quoted words travel, however long the document.

>>> from graph.fixtures import seed_store
>>> store = seed_store()
>>> anns = store.select("SELECT ?t WHERE { ?a <http://www.w3.org/ns/oa#hasTarget> ?t } LIMIT 1")
>>> (doc, start, end, text), = quotes(store, [anns[0]["t"]]).values()
>>> text == store.select(f"SELECT ?x WHERE {{ <{doc}> <https://cancu.vn/def#sourceText> ?x }}")[0]["x"][start:end]
True
"""
from __future__ import annotations

from .ids import META_GRAPH, span_of
from .store import Store, iri, prefixed
from .vocab import CANCU

__all__ = ["quotes", "legacy_graphs", "upgrade"]

_CHUNK = 400  # spans per query


def quotes(store: Store, targets) -> dict[str, tuple[str, int, int, str]]:
    """``{target: (document, start, end, quoted text)}`` for each span target whose document has a
    text of record covering the span (other targets are left out)."""
    spans = {t: s for t in targets if (s := span_of(t)) is not None}
    items = list(spans.items())
    out = {}
    for i in range(0, len(items), _CHUNK):
        part = items[i:i + _CHUNK]
        rows = " ".join(f"({iri(t)} {iri(d)} {s + 1} {e - s} {e})" for t, (d, s, e) in part)
        for r in store.select(prefixed(f"""SELECT ?t ?q WHERE {{ VALUES (?t ?d ?s ?n ?e) {{ {rows} }}
  ?d cancu:sourceText ?x . FILTER(STRLEN(?x) >= ?e) BIND(SUBSTR(?x, ?s, ?n) AS ?q) }}""")):
            out[r["t"]] = (*spans[r["t"]], r["q"])
    return out


# ---------------------------------------------------------------- stores written before the spans

_LEGACY_GRAPHS = """SELECT DISTINCT ?g WHERE { GRAPH ?g { ?p a oa:TextPositionSelector } }"""


def legacy_graphs(store: Store) -> list[str]:
    """The named graphs still holding annotations of the earlier model (a target node with a
    ``TextPositionSelector`` and a ``TextQuoteSelector``, 12 triples a fact)."""
    return sorted(r["g"] for r in store.select(prefixed(_LEGACY_GRAPHS)))


def upgrade(store: Store, graphs: list[str] | None = None) -> int:
    """Rewrite every annotation of the earlier model as an annotation whose target is its span
    ``<document#char=start,end>``; the number of graphs rewritten. One transaction per graph (its
    triple count in the meta graph with it), so a crash leaves each graph old or new, and the next
    writer finishes the work; readers read only the new form. ``graphs``: those
    :func:`legacy_graphs` gave, when the caller has asked already. It costs about 30 µs a quad of the
    old graphs (a store of the 401 gazette texts and dev, 3 M quads: 89 s); ingesting the source
    files afresh, when they are at hand, is quicker (39 s)."""
    graphs = legacy_graphs(store) if graphs is None else graphs
    for g in graphs:
        gi = iri(g)
        # five plain updates (no join of a target's triples with its selectors' triples)
        store.update(prefixed(f"""
INSERT {{ GRAPH {gi} {{ ?ann oa:hasTarget ?span }} }}
WHERE {{ GRAPH {gi} {{ ?ann oa:hasTarget ?t . ?t oa:hasSource ?doc ; oa:hasSelector ?pos . ?pos oa:start ?s ; oa:end ?e }}
  BIND(IRI(CONCAT(STR(?doc), "#char=", STR(?s), ",", STR(?e))) AS ?span) }} ;
DELETE WHERE {{ GRAPH {gi} {{ ?x a oa:SpecificResource ; ?p ?o }} }} ;
DELETE WHERE {{ GRAPH {gi} {{ ?x a oa:TextPositionSelector ; ?p ?o }} }} ;
DELETE WHERE {{ GRAPH {gi} {{ ?x a oa:TextQuoteSelector ; ?p ?o }} }} ;
DELETE {{ GRAPH {gi} {{ ?ann oa:hasTarget ?t }} }}
WHERE {{ GRAPH {gi} {{ ?ann oa:hasTarget ?t . FILTER(!CONTAINS(STR(?t), "#char=")) }} }} ;
DELETE {{ GRAPH <{META_GRAPH}> {{ {gi} <{CANCU.tripleCount}> ?old }} }}
INSERT {{ GRAPH <{META_GRAPH}> {{ {gi} <{CANCU.tripleCount}> ?n }} }}
WHERE {{ {{ SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {gi} {{ ?s ?p ?o }} }} }}
  OPTIONAL {{ GRAPH <{META_GRAPH}> {{ {gi} <{CANCU.tripleCount}> ?old }} }} }} ;
""" + store._bump()))
    if graphs and hasattr(store, "settle"):
        store.settle()  # the write-ahead logs of the rewrite go
    return len(graphs)
