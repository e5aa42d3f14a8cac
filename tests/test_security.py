"""Hostile use (issue 13): nothing from outside reaches a query as text, the console reaches nothing
outside the store and stops on time, document text is never Markdown/HTML, exports take any text.

A "canary" HTTP server on loopback counts the requests it receives: an injected ``SERVICE``, a
``LOAD`` or a remote image pointing at it would show up there.
"""
from __future__ import annotations

import http.server
import os
import threading
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

from graph import api
from graph.errors import BadQuery, GraphError, QueryTimeout, UnknownNode
from graph.fixtures import seed_store

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
SEED = ROOT / "data" / "seed" / "ke-hoach-dan-van-dan-chu-2026.txt"
ND59 = "https://cancu.vn/id/doc/vn/59/2023/nd-cp"


class Canary:
    """A loopback HTTP server that records every request it receives."""

    def __init__(self):
        hits = self.hits = []

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - the http.server API
                hits.append(self.path)
                self.send_response(500)
                self.end_headers()
            do_POST = do_GET

            def log_message(self, *args):
                pass
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="module")
def canary():
    c = Canary()
    yield c
    c.close()


def hostile(canary) -> dict[str, str]:
    """Values a deep link or an API caller could send where a node id is expected."""
    return {
        "service": f"{ND59}> }} SERVICE SILENT <{canary.url}/svc> {{ ?a ?b ?c }} VALUES ?zz {{ <urn:z",
        "service-union": f"{ND59}> ?p ?o }} UNION {{ SERVICE <{canary.url}/u> {{ ?a ?b ?c }} }} #",
        "quotes": f'{ND59}" \' ""',
        "braces": f"{ND59}{{}}",
        "gt": f"{ND59}>",
        "space": f"{ND59} ",
        "newline": f"{ND59}\n#",
        "other-scheme": f"{canary.url}/x",
        "overlong": ND59 + "/" + "a" * 5000,
        "markdown": f"![x]({canary.url}/t.png)",
    }


def one_line(msg: str) -> bool:
    return "\n" not in msg and "Traceback" not in msg and len(msg) < 400


# ---------------------------------------------------------------- 1. deep links → bound, checked terms

def test_our_iris_are_recognised_and_nothing_else():
    from graph.ids import is_ours
    assert is_ours(ND59) and is_ours(ND59 + "/item/ii.2.1") and is_ours("https://cancu.vn/graph/doc/vn/59/2023/nd-cp")
    for bad in ("", None, 5, "urn:x", "https://cancu.vn/id/", "https://cancu.vn/id/Doc", ND59 + ">", ND59 + " ",
                ND59 + "\n", ND59 + '"', ND59 + "{", "https://cancu.vn/id/" + "a" * 600, "http://cancu.vn/id/doc/x"):
        assert not is_ours(bad), bad


def test_query_terms_are_written_by_the_library():
    from graph.store import iri, literal, values
    assert literal('a "b" \\ c\n\x00 } #') == '"a \\"b\\" \\\\ c\\n\\u0000 } #"'
    with pytest.raises(BadQuery):
        iri(f"{ND59}> }} SERVICE <http://h/> {{")
    with pytest.raises(BadQuery):
        values("x } SERVICE <http://h/> { ?a", [ND59])


def test_hostile_node_ids_through_the_facade_reach_no_query(canary):
    kg = api.KnowledgeGraph.over(seed_store())
    before = len(canary.hits)
    for name, value in hostile(canary).items():
        calls = {
            "document": lambda: kg.document(value),
            "requirements": lambda: kg.requirements(value),
            "requirements+unit": lambda: kg.requirements(ND59, value),
            "matrix": lambda: kg.matrix(directives=[value]),
            "worklist": lambda: kg.worklist(value),
            "ego": lambda: kg.ego(value),
            "expand": lambda: kg.expand(value),
            "expand-exclude": lambda: kg.expand(ND59, exclude=[value]),
            "path": lambda: kg.path(ND59, value),
            "node": lambda: kg.node(value),
            "search": lambda: kg.search_nodes(value),
            "ask": lambda: kg.ask(value, value),
            "delete": lambda: kg.delete_document(value),
        }
        for call, fn in calls.items():
            try:
                fn()
            except GraphError as e:
                assert one_line(str(e)), (name, call, str(e))
    assert canary.hits[before:] == []


@pytest.mark.parametrize("value", ["abc", "", "1e9", "-5", "2 OR 1", None])
def test_malformed_numbers_are_one_line_or_clamped(value):
    kg = api.KnowledgeGraph.over(seed_store())
    try:
        sub = kg.ego(ND59, hops=value, max_nodes=value)
    except BadQuery as e:
        assert one_line(str(e)) and "hops" in str(e)
    else:
        assert sub.nodes


def test_internal_queries_have_a_time_limit(monkeypatch):
    import graph.store as gs
    store = seed_store()
    monkeypatch.setattr(gs, "INTERNAL_TIMEOUT_S", 0.5)
    t0 = time.monotonic()
    with pytest.raises(QueryTimeout):
        store.select("SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }")
    assert time.monotonic() - t0 < 5


# ---------------------------------------------------------------- the app (AppTest) on a real store

st = pytest.importorskip("streamlit")
from streamlit.testing.v1 import AppTest  # noqa: E402


@pytest.fixture(scope="module")
def app_store(tmp_path_factory):
    location = tmp_path_factory.mktemp("sec") / "store"
    kg = api.open_graph(str(location))
    res = kg.ingest_upload(SEED.name, SEED.read_bytes())
    assert res.ok, res.error
    kg.close()
    mp = pytest.MonkeyPatch()
    mp.setenv("CANCU_STORE", str(location))
    st.cache_resource.clear()
    st.cache_data.clear()
    yield SimpleNamespace(location=location, plan=res.document)
    st.cache_resource.clear()
    st.cache_data.clear()
    mp.undo()


def run(page: str = "", **params) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    if page:
        at.query_params["page"] = page
    for k, v in params.items():
        at.query_params[k] = v
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def messages(at: AppTest) -> list[str]:
    return [str(e.value) for kind in ("error", "warning", "info") for e in getattr(at, kind)]


@pytest.mark.parametrize("kind", ["service", "service-union", "quotes", "braces", "gt", "overlong", "markdown"])
def test_hostile_deep_links_are_one_line_and_reach_nothing(app_store, canary, kind):
    value = hostile(canary)[kind]
    before = len(canary.hits)
    links = [("van-ban", dict(doc=value)), ("chi-dao", dict(directive=value, unit=value)),
             ("don-vi", dict(unit=value)), ("hoi", dict(q=value, unit=value)),
             ("do-thi", dict(node=value, sel=value, to=value, hops="abc", max="x", types=value, edges=value))]
    for page, params in links:
        at = run(page, **params)
        for msg in messages(at):
            assert one_line(msg), (page, msg)
            assert "/work/" not in msg and "site-packages" not in msg, (page, msg)
    assert canary.hits[before:] == []


@pytest.mark.parametrize("hops", ["abc", "-1", "99", "1.5", "1;DROP"])
def test_malformed_graph_link_is_a_message_not_a_traceback(app_store, hops):
    at = run("do-thi", node=ND59, hops=hops, max="lots")
    assert at.title
    for msg in messages(at):
        assert one_line(msg) and "Traceback" not in msg

