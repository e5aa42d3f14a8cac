"""Hostile use (issue 13): nothing from outside reaches a query as text, the console reaches nothing
outside the store and stops on time, document text is never Markdown/HTML, exports take any text.

A "canary" HTTP server on loopback counts the requests it receives: an injected ``SERVICE``, a
``LOAD`` or a remote image pointing at it would show up there.
"""
from __future__ import annotations

import http.server
import os
import re
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


# ---------------------------------------------------------------- 2. the console and `cancu sparql`

@pytest.mark.parametrize("query", [
    "SELECT * WHERE { SERVICE <{u}/a> { ?s ?p ?o } }",
    "select * where { ?x ?y ?z . service silent <{u}/b> { ?s ?p ?o } }",
    "PREFIX ex: <http://e/>\nSELECT * WHERE {\n  ?s ?p ?o .\n  SeRvIcE <{u}/c> { ?a ?b ?c }\n}",
    "SELECT * WHERE { \\u0053ERVICE <{u}/d> { ?s ?p ?o } }",
    "SELECT * WHERE { BIND(<{u}/e> AS ?g) SERVICE ?g { ?s ?p ?o } }",
    "SELECT * FROM <{u}/f> WHERE { ?s ?p ?o }",
    "SELECT * FROM NAMED <{u}/g> WHERE { GRAPH ?g { ?s ?p ?o } }",
    "LOAD <{u}/h>",
    "LOAD SILENT <{u}/i> INTO GRAPH <urn:g>",
    "PREFIX a: <x:> # a comment\nINSERT DATA { <urn:a> <urn:b> <urn:c> }",
    "DELETE WHERE { ?s ?p ?o }",
    "DROP ALL",
])
def test_console_refuses_outward_access_and_updates_before_running(canary, query):
    from graph.sparql import run_sparql
    store = seed_store()
    before = store.count()
    with pytest.raises(BadQuery) as e:
        run_sparql(store, query.replace("{u}", canary.url), timeout_s=5)
    assert one_line(str(e.value))
    assert any(w in str(e.value) for w in ("SERVICE", "read-only", "FROM")), str(e.value)
    assert store.count() == before
    assert canary.hits == []


@pytest.mark.parametrize("query", [
    'SELECT ("SERVICE <http://127.0.0.1:9/>" AS ?x) WHERE {}',
    "SELECT ?service WHERE { ?service a cancu:Task } LIMIT 1  # SERVICE <http://127.0.0.1:9/> { }",
    "PREFIX ex: <http://e/service/> SELECT * WHERE { ?s ex:service ?o } LIMIT 1",
    "SELECT * FROM <https://cancu.vn/graph/schemes> WHERE { ?s ?p ?o } LIMIT 1",
    "SELECT ?t WHERE { ?t a cancu:Task ; cancu:itemNumber ?n FILTER(?n < \"Z\" && STRLEN(?n) > 1) } LIMIT 2",
])
def test_console_runs_what_only_looks_like_a_refused_word(query):
    from graph.sparql import run_sparql
    run_sparql(seed_store(), query, timeout_s=20)


def _children() -> list[int]:
    """Our process's live child processes (Linux /proc)."""
    out = []
    for task in Path(f"/proc/{os.getpid()}/task").iterdir():
        try:
            out += [int(x) for x in (task / "children").read_text().split()]
        except OSError:
            pass
    return [p for p in out if Path(f"/proc/{p}").exists()
            and Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()[0] not in ("Z", "X")]


@pytest.mark.timeout(120)
def test_a_30_s_query_stops_using_cpu_when_its_limit_passes(app_store):
    """A query that would run far longer than 30 s on the seed store, limited to 2 s: the caller gets
    QueryTimeout on time, and afterwards nothing of ours keeps computing (no child left, no thread
    in this process burning CPU)."""
    from graph.sparql import run_sparql
    from graph.store import EmbeddedStore
    store = EmbeddedStore(app_store.location, mode="r")
    heavy = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    before = set(_children())  # other tests' helpers (a resource tracker, a cluster) are not this query's
    t0 = time.monotonic()
    with pytest.raises(QueryTimeout) as e:
        run_sparql(store, heavy, timeout_s=2)
    assert time.monotonic() - t0 < 6, "the caller waited far past the limit"
    assert one_line(str(e.value)) and "2 s" in str(e.value)
    cpu0 = time.process_time()
    time.sleep(3)
    assert time.process_time() - cpu0 < 0.5, "the query still uses CPU in this process"
    assert set(_children()) - before == set(), "the query's process is still alive"
    store.close()


def test_console_caps_rows(app_store):
    from graph.sparql import run_sparql
    from graph.store import EmbeddedStore
    with EmbeddedStore(app_store.location, mode="r") as store:
        res = run_sparql(store, "SELECT ?s ?p ?o WHERE { ?s ?p ?o }", limit=7)
    assert len(res.rows) == 7 and res.truncated


def _cli(*args, env=None):
    import subprocess
    import sys
    return subprocess.run([sys.executable, "-m", "cancu.cli", *args], capture_output=True, text=True,
                          cwd=ROOT, env=dict(os.environ, **(env or {})), timeout=120)


@pytest.mark.parametrize("query,expect", [
    ("SELECT * WHERE { SERVICE <{u}/cli> { ?s ?p ?o } }", "SERVICE"),
    ("LOAD <{u}/cli-load>", "read-only"),
    ("SELECT * WHERE { ?s ?p }", "invalid SPARQL"),
    ("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }", "stopped"),
])
def test_cancu_sparql_refuses_and_fails_in_one_line(app_store, canary, query, expect):
    r = _cli("sparql", "--store", str(app_store.location), "--timeout", "2", query.replace("{u}", canary.url))
    assert r.returncode == 1
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("cancu: sparql: ") and expect in lines[0], r.stderr
    assert "Traceback" not in r.stderr and r.stdout == ""
    assert canary.hits == []


def test_the_console_page_refuses_service(app_store, canary):
    at = run("sparql", query=f"SELECT * WHERE {{ SERVICE <{canary.url}/app> {{ ?s ?p ?o }} }}")
    assert at.error and "SERVICE" in at.error[0].value and one_line(at.error[0].value)
    assert not at.dataframe
    assert canary.hits == []


# ---------------------------------------------------------------- 4. exports take any text

def _task(text: str) -> dict:
    return {"document": "Kế hoạch\x0c1", "id": "I.1", "kind": "item", "text": text, "lead": "Sở\x00 Nội vụ",
            "support": "", "report_to": "", "deadline": None, "cites": "", "via": "", "path": "a.pdf",
            "start": 1, "end": 2}


def test_task_exports_take_control_characters_and_formulas():
    import csv
    import io

    from openpyxl import load_workbook

    from graph import export as ex
    rows = [_task("Chương I\x0cNHỮNG QUY ĐỊNH\x00 CHUNG\x1b"), _task('=HYPERLINK("http://127.0.0.1:9/","x")'),
            _task("x" * 40000)]
    wb = load_workbook(io.BytesIO(ex.tasks_xlsx(rows)))
    ws = wb.active
    assert ws["D2"].value == "Chương I NHỮNG QUY ĐỊNH CHUNG" and ws["E2"].value == "Sở Nội vụ"
    assert ws["A2"].value == "Kế hoạch 1"
    assert ws["D3"].data_type == "s" and ws["D3"].value.startswith("=HYPERLINK")  # text, not a formula
    assert len(ws["D4"].value) == ex.XLSX_CELL_MAX
    data = list(csv.reader(io.StringIO(ex.tasks_csv(rows).decode("utf-8-sig"))))
    assert data[1][3] == "Chương I NHỮNG QUY ĐỊNH CHUNG" and data[2][3].startswith("'=HYPERLINK")


@pytest.mark.shared
@pytest.mark.timeout(600)
def test_gazette_pdfs_export_to_every_format_and_every_units_download(SHARED, tmp_path):
    """The 9 gazette PDFs (form feeds between pages): `cancu export` in every format, and the app's
    Excel/CSV download of every unit's worklist, without a traceback."""
    import io
    import xml.etree.ElementTree as ET

    from openpyxl import load_workbook
    store = tmp_path / "store"
    r = _cli("ingest", str(SHARED / "corpus" / "bulk" / "pdf"), "--store", str(store), "--quiet")
    assert r.returncode == 0, r.stderr
    for fmt in ("xlsx", "csv", "ttl", "trig", "jsonld", "graphml"):
        out = tmp_path / f"all.{fmt}"
        r = _cli("export", "--store", str(store), "--format", fmt, "-o", str(out))
        assert r.returncode == 0 and r.stderr == "", (fmt, r.stderr[-500:])
        assert out.stat().st_size > 1000
    assert load_workbook(tmp_path / "all.xlsx").active.max_row > 100
    ET.parse(tmp_path / "all.graphml")
    kg = api.open_graph(str(store), read_only=True)
    units = kg.units("", limit=5000)
    assert len(units) > 30
    for u in units:
        wl = kg.worklist(u.id)
        tasks = list({x.id: x for x in (*wl.lead, *wl.support, *wl.report_to)}.values())
        load_workbook(io.BytesIO(kg.export_tasks(tasks, "xlsx")))
        kg.export_tasks(tasks, "csv").decode("utf-8")
    kg.close()


# ---------------------------------------------------------------- 5. an upload preview writes nothing

def test_upload_preview_writes_nothing_until_the_officer_confirms(tmp_path, monkeypatch):
    uploads = tmp_path / "uploads"
    monkeypatch.setenv("CANCU_UPLOADS", str(uploads))
    kg = api.open_graph(str(tmp_path / "store"))
    version, graphs = kg.version(), kg.store.graphs()
    data = SEED.read_bytes()
    pre = kg.preview_upload(SEED.name, data)
    assert pre.ok and pre.tasks > 10 and not pre.replaces
    assert not uploads.exists() or list(uploads.iterdir()) == [], "the preview wrote the file"
    assert kg.version() == version and kg.store.graphs() == graphs, "the preview wrote to the store"
    bad = kg.preview_upload("rong.txt", b"   \n")
    assert not bad.ok and one_line(bad.error) and "rong.txt" in bad.error and "cancu-preview" not in bad.error
    assert not uploads.exists() or list(uploads.iterdir()) == []
    res = kg.ingest_upload(SEED.name, data)  # confirmed: now the original is kept and the graph written
    assert res.ok and len(list(uploads.iterdir())) == 1
    assert res.document == kg.documents("", ingested_only=True)[0].id
    again = kg.preview_upload(SEED.name, data)
    assert again.ok and again.replaces, "the preview names the same document as the ingest"
    assert again.facts["source"]["path"] == str(next(uploads.iterdir()))
    kg.close()


# ---------------------------------------------------------------- 3. document text is text, not Markdown/HTML

def evil_text(url: str) -> str:
    """A plan without a number (its title is its label everywhere) whose title and items carry
    Markdown, HTML and JavaScript pointing at ``url``."""
    return (
        "UBND TỈNH BẮC NINH\nVĂN PHÒNG\n\nKẾ HOẠCH\n"
        f"Thực hiện ![x]({url}/t.png) <img src={url}/i.png onerror=alert(1)> **đậm** :material/home: "
        f"[bấm]({url}/l) <script>alert(2)</script>\n\n"
        "Căn cứ Nghị định số 59/2023/NĐ-CP ngày 14/8/2023 của Chính phủ; Văn phòng ban hành kế hoạch như sau:\n\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n"
        f"1. Phòng Tổ chức - Hành chính chủ trì triển khai ![y]({url}/q.png) <img src={url}/j.png> "
        "theo Nghị định số 59/2023/NĐ-CP.\n"
        "2. Trung tâm Thông tin phối hợp thực hiện.\n")


# Markdown/HTML left live: a link or image bracket, a tag, bold, an icon code or a bare URL that no
# backslash or word joiner (ui.render.md) has made inert
MARKUP = [re.compile(p) for p in (r"(?<!\\)\[[^\]]*(?<!\\)\]\(", r"(?<!\\)<(?:img|script)", r"(?<!\\)\*\*đậm",
                                  r":(?!\u2060)material/", r"https?:(?!\u2060)//")]


def _markdown_values(at: AppTest) -> list[str]:
    return [str(e.value) for kind in ("title", "header", "subheader", "markdown", "caption", "info", "success",
                                      "warning", "error") for e in getattr(at, kind)]


def _assert_inert(at: AppTest, must_show: str) -> None:
    values = _markdown_values(at)
    for v in values:
        assert not any(m.search(v) for m in MARKUP), v
    assert any(must_show in v for v in values), f"{must_show!r} not shown: {values}"


@pytest.fixture(scope="module")
def evil_doc(app_store, canary):
    kg = api.open_graph(str(app_store.location))
    res = kg.ingest_upload("ke-hoach-doc-hai.txt", evil_text(canary.url).encode("utf-8"))
    assert res.ok, res.error
    kg.close()
    st.cache_data.clear()
    return res.document


def test_document_page_shows_markdown_in_a_title_as_text(app_store, evil_doc):
    at = run("van-ban", doc=evil_doc, item="I.1")
    _assert_inert(at, "đậm")
    assert any("!\\[x\\]" in v for v in _markdown_values(at))


def test_node_details_show_markdown_in_a_label_as_text(app_store, evil_doc):
    at = run("do-thi", node=evil_doc)
    _assert_inert(at, "đậm")


def test_upload_preview_shows_markdown_in_a_title_as_text(app_store, canary):
    data = evil_text(canary.url).encode("utf-8")

    def page(data: bytes):
        import streamlit as st_

        from ui.pages import upload

        class Uploaded:
            name, size = "ke-hoach ![z](http://127.0.0.1:9/n.png).txt", len(data)

            def getvalue(self):
                return data
        st_.file_uploader = lambda *a, **k: Uploaded()
        upload.render()
    at = AppTest.from_function(page, args=(data,), default_timeout=60)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    _assert_inert(at, "đậm")


def test_error_messages_echoing_a_link_are_text(app_store, canary):
    at = run("van-ban", doc=f"![x]({canary.url}/e.png) <img src={canary.url}/f.png>")
    assert at.error
    _assert_inert(at, "img")


def test_console_refuses_an_overlong_query():
    from graph.sparql import MAX_QUERY_CHARS, run_sparql
    with pytest.raises(BadQuery) as e:
        run_sparql(seed_store(), "SELECT * WHERE { ?s ?p ?o } #" + "x" * MAX_QUERY_CHARS)
    assert one_line(str(e.value)) and "too long" in str(e.value)


@pytest.mark.endpoint
def test_an_endpoint_is_sent_no_hostile_query(canary):
    """Over a SPARQL endpoint ($CANCU_TEST_ENDPOINT, read only here): the console refuses SERVICE before
    sending anything, and hostile node ids never reach it."""
    url = os.environ.get("CANCU_TEST_ENDPOINT")
    if not url:
        pytest.skip("no SPARQL endpoint: set CANCU_TEST_ENDPOINT (.ci/run starts one)")
    from graph.sparql import run_sparql
    from graph.store import HttpStore
    store = HttpStore(url)
    with pytest.raises(BadQuery):
        run_sparql(store, f"SELECT * WHERE {{ SERVICE <{canary.url}/ep> {{ ?s ?p ?o }} }}")
    kg = api.KnowledgeGraph.over(store)
    for value in hostile(canary).values():
        for fn in (kg.document, kg.node, kg.ego, kg.requirements):
            with pytest.raises(GraphError):
                fn(value)
    assert canary.hits == []
