"""Exploration that reads only around a node: ego graphs, expansions, paths and node details.

Why not the networkx view of :mod:`graph.view`? Drawing the 150 nodes around a decree must not
cost a scan of the whole store: on 10,000 plans the whole view takes about a minute to build and
gigabytes to hold. Every function here asks the store for the edges of given nodes only (one
SPARQL query per node and direction, each edge type capped on its own with a sub-select
``LIMIT``, so a decree cited by 10,000 plans still answers in milliseconds and its neighbourhood
shows every kind of link, not just the first 150 citations).

Nodes are the document/unit/task IRIs of :mod:`graph.ids`; their kind is read from the IRI
(:func:`graph.ids.node_kind`). Edges are
``(source, type, target)`` with the types of :data:`graph.vocab.EDGE_TYPES`.

>>> from graph.fixtures import seed_store
>>> s = seed_store()
>>> nd59 = "https://cancu.vn/id/doc/vn/59/2023/nd-cp"
>>> g = ego(s, nd59, hops=1, max_nodes=50)
>>> g.nodes[nd59].kind, sorted({n.kind for n in g.nodes.values()}), g.truncated
('CitedDocument', ['CitedDocument', 'Document', 'Task', 'Unit'], False)
>>> sorted(a.rsplit("/", 1)[-1] for (a, k, b) in g.edges if k == "derives_from" and b == nd59)
['ii.2.1', 'ii.2.5', 'iii.2.2']
>>> plan = next(n for n, r in g.nodes.items() if r.kind == "Document")
>>> p = shortest_path(s, plan, nd59)
>>> p[0] == plan and p[-1] == nd59 and len(p) == 2
True
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .evidence import quotes
from .ids import last_segment, node_kind
from .store import Store, iri, prefixed, values
from .vocab import CANCU, EDGE_TYPES, OA, RELATIONS

__all__ = ["NodeInfo", "Neighbourhood", "describe", "edges_around", "ego", "expand",
           "shortest_path", "edges_between", "degree", "evidence"]

# edge type → its property (prefixed name)
_PROP = {k: p for k, (p, _) in EDGE_TYPES.items()}
# full property IRI → edge type, for the rows of queries that return ?p
_TYPE_OF = {str(r.prop): k for k, r in RELATIONS.items()}


@dataclass(frozen=True, slots=True)
class NodeInfo:
    label: str
    kind: str        # Document | CitedDocument | Unit | Task
    group: str       # Document | Unit | Task (CitedDocument → Document)


@dataclass
class Neighbourhood:
    """Nodes with their labels and kinds, edges ``(source, type, target)``, and whether a cap cut it."""

    nodes: dict[str, NodeInfo] = field(default_factory=dict)
    edges: list[tuple[str, str, str]] = field(default_factory=list)
    truncated: bool = False


def describe(store: Store, iris) -> dict[str, NodeInfo]:
    """Label and kind of each node; units and tasks without a label are not nodes and are left out.

    A document's label is its smallest ``rdfs:label`` (the same decree is labelled in every graph
    citing it), a unit's its smallest ``skos:prefLabel``; a document never ingested is a
    ``CitedDocument``.
    """
    iris = [i for i in dict.fromkeys(iris) if node_kind(i)]
    out: dict[str, NodeInfo] = {}
    for i in range(0, len(iris), 400):
        chunk = iris[i:i + 400]
        docs = [x for x in chunk if node_kind(x) != "Unit"]
        units = [x for x in chunk if node_kind(x) == "Unit"]
        labels: dict[str, str] = {}
        if docs:
            for r in store.select(prefixed(f"SELECT ?n (MIN(?l) AS ?label) WHERE {{ {values('n', docs)} "
                                           f"?n rdfs:label ?l }} GROUP BY ?n")):
                labels[r["n"]] = r["label"]
        if units:
            for r in store.select(prefixed(f"SELECT ?n (MIN(?l) AS ?label) WHERE {{ {values('n', units)} "
                                           f"?n skos:prefLabel ?l }} GROUP BY ?n")):
                labels[r["n"]] = r["label"]
        sources = set()
        top = [x for x in docs if node_kind(x) == "Document"]
        if top:
            sources = {r["n"] for r in store.select(prefixed(
                f"SELECT DISTINCT ?n WHERE {{ {values('n', top)} ?n a cancu:SourceDocument }}"))}
        for x in chunk:
            k = node_kind(x)
            lab = labels.get(x)
            if k == "Document":
                out[x] = NodeInfo(lab or last_segment(x), "Document" if x in sources else "CitedDocument",
                                  "Document")
            elif lab:
                out[x] = NodeInfo(lab, k, k)
    return out


def edges_around(store: Store, node: str, *, edge_types=None, per_type: int = 150) -> tuple[list, bool]:
    """The edges of ``node`` in both directions, at most ``per_type`` per edge type and direction.

    Returns (edges in round-robin order over the types, so a cap keeps every kind; capped?).
    """
    types = [k for k in EDGE_TYPES if not edge_types or k in edge_types]
    if not types:
        return [], False
    n = iri(node)
    lim = per_type + 1
    parts = []
    for k in types:
        p = _PROP[k]
        parts.append(f'{{ {{ SELECT DISTINCT ?x WHERE {{ {n} {p} ?x FILTER(isIRI(?x)) }} LIMIT {lim} }} '
                     f'BIND("{k}" AS ?t) BIND("out" AS ?d) }}')
        parts.append(f'{{ {{ SELECT DISTINCT ?x WHERE {{ ?x {p} {n} }} LIMIT {lim} }} '
                     f'BIND("{k}" AS ?t) BIND("in" AS ?d) }}')
    rows = store.select(prefixed(f"SELECT ?x ?t ?d WHERE {{ {' UNION '.join(parts)} }}"))
    groups: dict[tuple[str, str], list[str]] = {}
    for r in rows:
        if r["x"] != node:
            groups.setdefault((r["t"], r["d"]), []).append(r["x"])
    capped = any(len(v) > per_type for v in groups.values())
    lists = [sorted(v)[:per_type] for _, v in sorted(groups.items())]
    edges = []
    for i in range(max(map(len, lists), default=0)):
        for (t, d), v in zip(sorted(groups), lists):
            if i < len(v):
                edges.append((node, t, v[i]) if d == "out" else (v[i], t, node))
    return edges, capped


def edges_between(store: Store, nodes, *, edge_types=None, touching=None) -> list[tuple[str, str, str]]:
    """Every edge whose two ends are in ``nodes`` (and, given ``touching``, one end in it)."""
    nodes = list(dict.fromkeys(nodes))
    keep = set(nodes)
    props = {p: k for k, p in _PROP.items() if not edge_types or k in edge_types}
    if not props or not nodes:
        return []
    touch = set(touching) if touching is not None else None
    out = set()
    plist = ", ".join(props)
    for i in range(0, len(nodes), 300):
        rows = store.select(prefixed(f"SELECT DISTINCT ?s ?p ?o WHERE {{ {values('s', nodes[i:i + 300])} "
                                     f"?s ?p ?o FILTER(?p IN ({plist})) }}"))
        for r in rows:
            if r["o"] in keep and r["o"] != r["s"]:
                if touch is None or r["s"] in touch or r["o"] in touch:
                    out.add((r["s"], _TYPE_OF[r["p"]], r["o"]))
    return sorted(out)


def ego(store: Store, node: str, hops: int = 1, max_nodes: int = 150, node_types=None,
        edge_types=None) -> Neighbourhood:
    """The neighbourhood of ``node`` (both directions) up to ``hops``, at most ``max_nodes`` nodes.

    Breadth first, so the nearest nodes are kept; a hub's neighbours are taken round-robin over
    the edge types. The edges returned are all those among the kept nodes.
    """
    start = describe(store, [node])
    if node not in start:
        return Neighbourhood()
    nodes = dict(start)
    frontier, truncated = [node], False
    for _ in range(hops):
        nxt = []
        for n in frontier:
            budget = max_nodes - len(nodes)
            if budget <= 0:
                truncated = True
                break
            edges, capped = edges_around(store, n, edge_types=edge_types, per_type=budget)
            cands = [b if a == n else a for a, _, b in edges]
            cands = [c for c in dict.fromkeys(cands) if c not in nodes]
            info = describe(store, cands)
            fresh = [c for c in cands if c in info and (not node_types or info[c].kind in node_types
                                                        or (info[c].kind == "CitedDocument" and "Document" in node_types))]
            if capped or len(fresh) > budget:
                truncated = True
            for c in fresh[:budget]:
                nodes[c] = info[c]
                nxt.append(c)
        frontier = nxt
        if not frontier:
            break
    return Neighbourhood(nodes, edges_between(store, nodes, edge_types=edge_types), truncated)


def expand(store: Store, node: str, *, exclude=(), max_nodes: int = 50, edge_types=None) -> Neighbourhood:
    """The neighbours of ``node`` not in ``exclude`` (at most ``max_nodes``), with their edges to
    ``node`` and to the excluded (already drawn) nodes."""
    ex = set(exclude)
    here = describe(store, [node])
    if node not in here:
        return Neighbourhood()
    edges, capped = edges_around(store, node, edge_types=edge_types, per_type=max_nodes + len(ex))
    cands = [c for c in dict.fromkeys(b if a == node else a for a, _, b in edges) if c not in ex and c != node]
    info = describe(store, cands)
    fresh = [c for c in cands if c in info][:max_nodes]
    nodes = {**here, **{c: info[c] for c in fresh}}
    drawn = set(nodes) | ex
    return Neighbourhood(nodes, edges_between(store, drawn, edge_types=edge_types, touching=fresh),
                         capped or len([c for c in cands if c in info]) > max_nodes)


def _neighbours(store: Store, nodes: list[str]) -> dict[str, set[str]]:
    """Undirected neighbours (document/unit/task nodes) of each node, over every edge type."""
    plist = ", ".join(_PROP.values())
    out: dict[str, set[str]] = {n: set() for n in nodes}
    for i in range(0, len(nodes), 200):
        rows = store.select(prefixed(
            f"SELECT DISTINCT ?a ?b WHERE {{ {values('a', nodes[i:i + 200])} "
            f"{{ ?a ?p ?b FILTER(isIRI(?b)) }} UNION {{ ?b ?p ?a }} FILTER(?p IN ({plist})) }}"))
        for r in rows:
            if r["b"] != r["a"] and node_kind(r["b"]):
                out[r["a"]].add(r["b"])
    return out


def shortest_path(store: Store, a: str, b: str, max_len: int = 8, max_visited: int = 200_000) -> list[str] | None:
    """A shortest path between two nodes ignoring direction (bidirectional breadth-first search,
    expanding the smaller side), or None if there is none within ``max_len`` edges or the search
    would visit more than ``max_visited`` nodes."""
    if a == b:
        return [a] if describe(store, [a]) else None
    if len(describe(store, [a, b])) < 2:
        return None
    parents = [{a: None}, {b: None}]
    frontiers = [[a], [b]]
    depth = 0
    while frontiers[0] and frontiers[1] and depth < max_len:
        side = 0 if len(frontiers[0]) <= len(frontiers[1]) else 1
        par, other = parents[side], parents[1 - side]
        nxt = []
        nb = _neighbours(store, sorted(frontiers[side]))
        depth += 1
        meet = None
        for n in sorted(frontiers[side]):
            for m in sorted(nb.get(n, ())):
                if m in par:
                    continue
                par[m] = n
                nxt.append(m)
                if m in other and meet is None:
                    meet = m
        if meet is not None:
            left = _walk(parents[0], meet)[::-1]
            right = _walk(parents[1], meet)[1:]
            return left + right
        if sum(map(len, parents)) > max_visited:
            return None
        frontiers[side] = nxt
    return None


def _walk(par: dict, n: str) -> list[str]:
    out = [n]
    while par[n] is not None:
        n = par[n]
        out.append(n)
    return out


def degree(store: Store, node: str) -> int:
    """The number of edges of ``node`` (both directions, each type and neighbour counted once)."""
    parts = []
    n = iri(node)
    for k, p in _PROP.items():
        parts.append(f'{{ {n} {p} ?x FILTER(isIRI(?x)) BIND("{k}>" AS ?t) }}')
        parts.append(f'{{ ?x {p} {n} BIND("<{k}" AS ?t) }}')
    rows = store.select(prefixed(f"SELECT (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT ?x ?t WHERE {{ "
                                 f"{' UNION '.join(parts)} FILTER(?x != {n}) }} }}"))
    return int(rows[0]["n"]) if rows else 0


def evidence(store: Store, node: str, limit: int = 10) -> list[dict]:
    """Where the sources state ``node``: up to ``limit`` quoted spans (document, path, start, end, text),
    from the Web Annotations whose body is the node (a task's own text, a unit's or a cited
    document's mentions). Direct lookups from the annotations outwards, whatever the store's size.
    """
    anns = [r["ann"] for r in store.select(prefixed(f"SELECT ?ann WHERE {{ ?ann oa:hasBody {iri(node)} }} LIMIT {int(limit)}"))]
    if not anns:
        return []
    a_props = store.outgoing(anns)
    target = {a: o for a in anns for p, o in a_props.get(a, ()) if p == str(OA.hasTarget)}
    quoted = quotes(store, target.values())
    paths = store.outgoing({q[0] for q in quoted.values()})
    out = []
    for a in anns:
        q = quoted.get(target.get(a, ""))
        if q is None:
            continue
        doc, start, end, text = q
        path = min((o for p, o in paths.get(doc, ()) if p == str(CANCU.sourcePath)), default="")
        out.append({"document": doc, "path": path, "start": start, "end": end, "text": text})
    out.sort(key=lambda d: (d["document"], d["start"]))
    return out
