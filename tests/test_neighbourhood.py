"""graph.neighbourhood reads around a node only; it must agree with the networkx view of the whole
store (graph.view), which is the slow but obvious reference.

The store holds the seed plan plus, when ../shared is present, ten real dev documents, so the
documents share cited decrees and units across graphs (the case where a careless SPARQL join
repeats rows). Without ../shared the seed alone is used (and the module says so in its output).
"""
from __future__ import annotations

import random
from pathlib import Path

import networkx as nx
import pytest

from graph import neighbourhood as nb
from graph.build import build_document
from graph.store import EmbeddedStore
from graph.view import ego as view_ego
from graph.view import graph_view
from graph.writer import write_document
from ingest.pipeline import extract_file

from tests.conftest import shared_dir

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "seed" / "ke-hoach-dan-van-dan-chu-2026.txt"
ND59 = "https://cancu.vn/id/doc/vn/59/2023/nd-cp"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    files = [SEED]
    shared = shared_dir()
    if shared is not None:
        files += sorted((shared / "corpus" / "dev").glob("*.txt"))[:10]
    else:
        print("../shared is absent: the neighbourhood is compared on the seed plan alone")
    s = EmbeddedStore(tmp_path_factory.mktemp("nb") / "store", mode="w")
    for f in files:
        write_document(s, build_document(extract_file(f)))
    yield s
    s.close()


@pytest.fixture(scope="module")
def G(store):
    return graph_view(store)


def _kind(G, n):
    d = G.nodes[n]
    return "CitedDocument" if d["type"] == "Document" and not d["ingested"] else d["type"]


def _sample(G, k=60):
    nodes = sorted(G.nodes)
    return random.Random(7).sample(nodes, min(k, len(nodes)))


@pytest.mark.parametrize("hops", [1, 2])
def test_ego_equals_the_whole_store_view(store, G, hops):
    for n in _sample(G):
        H, _ = view_ego(G, n, hops, 100_000)
        got = nb.ego(store, n, hops, 100_000)
        assert set(got.nodes) == set(H.nodes), n
        assert set(got.edges) == {(u, d["type"], v) for u, v, d in H.edges(data=True)}, n
        for x, info in got.nodes.items():
            assert (info.label, info.kind) == (G.nodes[x]["label"], _kind(G, x))
        assert not got.truncated


def test_ego_cap_keeps_the_nearest_and_every_edge_type(store, G):
    hub = max(G.nodes, key=G.degree)
    got = nb.ego(store, hub, 2, 12)
    assert len(got.nodes) == 12 and got.truncated and hub in got.nodes
    first_ring = set(nx.all_neighbors(G, hub))
    assert set(got.nodes) - {hub} <= first_ring          # breadth first: ring 1 fills the cap
    types_near = {d["type"] for _, _, d in G.in_edges(hub, data=True)} | {d["type"] for _, _, d in G.out_edges(hub, data=True)}
    types_kept = {t for a, t, b in got.edges if hub in (a, b)}
    assert types_kept == types_near or len(types_kept) >= min(len(types_near), 11)


def test_filters(store, G):
    n = max(G.nodes, key=G.degree)
    got = nb.ego(store, n, 1, 1000, node_types=["Unit"], edge_types=["lead", "support", "passed_by"])
    assert all(i.kind == "Unit" for x, i in got.nodes.items() if x != n)
    assert all(t in ("lead", "support", "passed_by") for _, t, _ in got.edges)


def test_expand_excludes_the_drawn_and_links_back(store, G):
    n = max(G.nodes, key=G.degree)
    drawn = list(nb.ego(store, n, 1, 8).nodes)
    more = nb.expand(store, n, exclude=drawn, max_nodes=5)
    fresh = set(more.nodes) - {n}
    assert fresh and len(fresh) <= 5 and not fresh & set(drawn)
    assert all(a in fresh or b in fresh for a, _, b in more.edges)
    assert set(nx.all_neighbors(G, n)) >= fresh


def test_paths_are_shortest(store, G):
    U = G.to_undirected(as_view=True)
    rnd = random.Random(3)
    nodes = sorted(G.nodes)
    found = 0
    for _ in range(40):
        a, b = rnd.sample(nodes, 2)
        try:
            want = nx.shortest_path_length(U, a, b)
        except nx.NetworkXNoPath:
            want = None
        got = nb.shortest_path(store, a, b, max_len=50)
        if want is None:
            assert got is None
            continue
        found += 1
        assert got[0] == a and got[-1] == b and len(got) - 1 == want
        assert all(U.has_edge(x, y) for x, y in zip(got, got[1:]))
    assert found
    assert nb.shortest_path(store, nodes[0], "https://cancu.vn/id/doc/nowhere") is None


def test_degree_and_evidence_quote_the_source(store, G):
    for n in _sample(G, 25):
        assert nb.degree(store, n) == G.degree(n), n
    ev = nb.evidence(store, ND59)
    assert ev
    for e in ev:
        text = store.select(f"SELECT ?t WHERE {{ <{e['document']}> <https://cancu.vn/def#sourceText> ?t }}")[0]["t"]
        assert e["end"] > e["start"] and text[e["start"]:e["end"]] == e["text"]
    assert any("59/2023" in e["text"] for e in ev)
