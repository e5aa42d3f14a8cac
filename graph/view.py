"""networkx views of the store, built with SPARQL over IRI links and cached per store version.

The view holds the whole store: it serves the GraphML export and, in the tests, as the reference
that :mod:`graph.neighbourhood` (what the app explores with) must agree with.

Nodes are IRIs with ``label`` and ``type`` (Document, Unit, Task); edges carry ``type``
(cites, based_on, applies, details, lead, support, report_to, mentions, derives_from, has_part,
passed_by). Literals never become nodes.

>>> from graph.fixtures import seed_store
>>> G = graph_view(seed_store())
>>> G.number_of_nodes() > 20, sorted({d["type"] for _, d in G.nodes(data=True)})
(True, ['Document', 'Task', 'Unit'])
"""
from __future__ import annotations

import networkx as nx

from .ids import last_segment
from .store import PerVersion, Store, prefixed
from .vocab import EDGE_TYPES

__all__ = ["graph_view", "ego"]


def graph_view(store: Store) -> nx.MultiDiGraph:
    """The document/unit/task graph of the whole store (cached until the store changes)."""
    return _views(store)


def _build_view(store: Store) -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    # single-pattern DISTINCT queries joined here: a shared node (a decree, a unit) is described
    # in every graph mentioning it, and a SPARQL join on it would repeat it once per graph
    sel = lambda q: store.select(prefixed(q))  # noqa: E731
    works = {r["n"] for r in sel("SELECT DISTINCT ?n WHERE { ?n a eli:Work }")}
    tasks = {r["n"] for r in sel("SELECT ?n WHERE { ?n a cancu:Task }")}
    orgs = {r["n"] for r in sel("SELECT DISTINCT ?n WHERE { ?n a org:Organization }")}
    sources = {r["n"] for r in sel("SELECT ?n WHERE { ?n a cancu:SourceDocument }")}
    labels: dict[str, str] = {}
    for r in sel("SELECT DISTINCT ?n ?l WHERE { ?n rdfs:label ?l }"):
        if r["n"] not in labels or r["l"] < labels[r["n"]]:
            labels[r["n"]] = r["l"]
    names: dict[str, str] = {}
    for r in sel("SELECT DISTINCT ?n ?l WHERE { ?n skos:prefLabel ?l }"):
        if r["n"] in orgs and (r["n"] not in names or r["l"] < names[r["n"]]):
            names[r["n"]] = r["l"]
    for n in works - tasks:
        G.add_node(n, label=labels.get(n) or last_segment(n), type="Document", ingested=n in sources)
    for n in orgs:
        if n in names:
            G.add_node(n, label=names[n], type="Unit", ingested=False)
    for n in tasks:
        if n in labels:
            G.add_node(n, label=labels[n], type="Task", ingested=False)
    union = " UNION ".join(f'{{ ?s {p} ?o BIND("{k}" AS ?t) }}' for k, (p, _) in EDGE_TYPES.items())
    for r in store.select(prefixed(f"SELECT DISTINCT ?s ?t ?o WHERE {{ {union} FILTER(isIRI(?o)) }}")):
        if r["s"] in G and r["o"] in G:
            G.add_edge(r["s"], r["o"], key=r["t"], type=r["t"], label=EDGE_TYPES[r["t"]][1])
    return G


_views = PerVersion(_build_view, keep=4)


def ego(G: nx.MultiDiGraph, node: str, hops: int = 1, max_nodes: int = 150,
        node_types=None, edge_types=None) -> tuple[nx.MultiDiGraph, bool]:
    """The neighbourhood of ``node`` (both directions) up to ``hops``, at most ``max_nodes`` nodes.

    Returns (subgraph, truncated). Breadth first, so the nearest nodes are kept.
    """
    keep, frontier, truncated = [node], [node], False
    seen = {node}
    for _ in range(hops):
        nxt = []
        for n in frontier:
            nbrs = [(v, d) for _, v, d in G.out_edges(n, data=True)] + [(u, d) for u, _, d in G.in_edges(n, data=True)]
            for v, d in nbrs:
                if v in seen or (edge_types and d["type"] not in edge_types) or \
                        (node_types and G.nodes[v]["type"] not in node_types):
                    continue
                if len(keep) >= max_nodes:
                    truncated = True
                    break
                seen.add(v)
                keep.append(v)
                nxt.append(v)
        frontier = nxt
    H = G.subgraph(keep).copy()
    if edge_types:
        H.remove_edges_from([(u, v, k) for u, v, k, d in H.edges(keys=True, data=True) if d["type"] not in edge_types])
    return H, truncated
