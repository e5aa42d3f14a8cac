"""The words behind a graph fact: an annotation's target is a span of a document's text of record.

Every extracted fact has an ``oa:Annotation`` whose ``oa:hasTarget`` is an RFC 5147 fragment IRI
``<document#char=start,end>`` (:func:`graph.ids.span_target`): the characters ``start:end`` (code
points, end exclusive) of the document's ``cancu:sourceText``. The quote is not stored a second
time; it is sliced from the text here. Texts are read once per store version (at most
``TEXTS_MAX`` characters kept), so a page of answers read again costs no store lookup.

>>> from graph.fixtures import seed_store
>>> store = seed_store()
>>> anns = store.select("SELECT ?t WHERE { ?a <http://www.w3.org/ns/oa#hasTarget> ?t } LIMIT 1")
>>> (doc, start, end, text), = quotes(store, [anns[0]["t"]]).values()
>>> text == source_texts(store, [doc])[doc][start:end] and len(text) == end - start > 0
True
"""
from __future__ import annotations

import threading

from .ids import META_GRAPH, span_of
from .store import PerVersion, Store, iri, prefixed, values
from .vocab import CANCU

__all__ = ["source_texts", "quotes", "legacy_graphs", "upgrade", "TEXTS_MAX"]

TEXTS_MAX = 64_000_000  # characters of text kept per store version
_CHUNK = 200            # documents per lookup


class _Texts(dict):
    def __init__(self):
        super().__init__()
        self.size = 0
        self.lock = threading.Lock()


_texts = PerVersion(lambda store: _Texts(), keep=0)


def source_texts(store: Store, docs) -> dict[str, str]:
    """The text of record (``cancu:sourceText``) of each of ``docs`` that has one."""
    docs = list(dict.fromkeys(docs))
    cache = _texts(store)
    with cache.lock:
        have = {d: cache[d] for d in docs if d in cache}
    want = [d for d in docs if d not in have]
    for i in range(0, len(want), _CHUNK):
        part = want[i:i + _CHUNK]
        got = {r["d"]: r["x"] for r in store.select(prefixed(
            f"SELECT ?d ?x WHERE {{ {values('d', part)} ?d cancu:sourceText ?x }}"))}
        have.update(got)
        with cache.lock:
            if cache.size + sum(map(len, got.values())) > TEXTS_MAX:
                cache.clear()
                cache.size = 0
            cache.update(got)
            cache.size += sum(map(len, got.values()))
    return have


def quotes(store: Store, targets) -> dict[str, tuple[str, int, int, str]]:
    """``{target: (document, start, end, quoted text)}`` for each span target whose document has a
    text of record covering the span (other targets are left out)."""
    spans = {t: s for t in dict.fromkeys(targets) if (s := span_of(t)) is not None}
    texts = source_texts(store, [s[0] for s in spans.values()])
    out = {}
    for t, (doc, start, end) in spans.items():
        x = texts.get(doc)
        if x is not None and start < end <= len(x):
            out[t] = (doc, start, end, x[start:end])
    return out


# ---------------------------------------------------------------- stores written before the spans

_LEGACY_GRAPHS = """SELECT DISTINCT ?g WHERE { GRAPH ?g { ?p a oa:TextPositionSelector } }"""


def legacy_graphs(store: Store) -> list[str]:
    """The named graphs still holding annotations of the earlier model (a target node with a
    ``TextPositionSelector`` and a ``TextQuoteSelector``, 12 triples a fact)."""
    return sorted(r["g"] for r in store.select(prefixed(_LEGACY_GRAPHS)))


def upgrade(store: Store) -> int:
    """Rewrite every annotation of the earlier model as an annotation whose target is its span
    ``<document#char=start,end>``; the number of graphs rewritten. One transaction per graph (its
    triple count in the meta graph with it), so a crash leaves each graph old or new, and the next
    writer finishes the work; readers read only the new form."""
    graphs = legacy_graphs(store)
    for g in graphs:
        gi = iri(g)
        store.update(prefixed(f"""
DELETE {{ GRAPH {gi} {{ ?ann oa:hasTarget ?t . ?t ?p1 ?o1 . ?sel ?p2 ?o2 }} }}
INSERT {{ GRAPH {gi} {{ ?ann oa:hasTarget ?span }} }}
WHERE {{ GRAPH {gi} {{ ?ann oa:hasTarget ?t . ?t oa:hasSource ?doc ; oa:hasSelector ?pos .
    ?pos a oa:TextPositionSelector ; oa:start ?s ; oa:end ?e .
    ?t ?p1 ?o1 . ?t oa:hasSelector ?sel . ?sel ?p2 ?o2 }}
  BIND(IRI(CONCAT(STR(?doc), "#char=", STR(?s), ",", STR(?e))) AS ?span) }} ;
DELETE {{ GRAPH <{META_GRAPH}> {{ {gi} <{CANCU.tripleCount}> ?old }} }}
INSERT {{ GRAPH <{META_GRAPH}> {{ {gi} <{CANCU.tripleCount}> ?n }} }}
WHERE {{ {{ SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {gi} {{ ?s ?p ?o }} }} }}
  OPTIONAL {{ GRAPH <{META_GRAPH}> {{ {gi} <{CANCU.tripleCount}> ?old }} }} }} ;
""" + store._bump()))
    return len(graphs)
