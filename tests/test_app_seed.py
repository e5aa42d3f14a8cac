"""The app on the real store built from the seed plan (graph.api + Oxigraph), through AppTest.

The store is a temporary folder named by CANCU_STORE; the app itself ingests the seed on first
open (the same path a fresh machine takes).
"""
from __future__ import annotations

from pathlib import Path

import pytest

st = pytest.importorskip("streamlit")
from streamlit.testing.v1 import AppTest  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
ITEMS = ("II.2.1", "II.2.5", "III.2.2")
QUESTION = "Nghị định 59/2023 yêu cầu gì?"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    mp = pytest.MonkeyPatch()
    location = tmp_path_factory.mktemp("app-seed") / "store"
    mp.setenv("CANCU_STORE", str(location))
    st.cache_resource.clear()
    st.cache_data.clear()
    yield location
    from ui import data
    h = data._open(str(location))
    if h.kg is not None:
        h.kg.close()
    st.cache_resource.clear()
    st.cache_data.clear()
    mp.undo()


def run(page: str = "", **params) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    if page:
        at.query_params["page"] = page
    for k, v in params.items():
        at.query_params[k] = v
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def body(at: AppTest) -> str:
    parts = []
    for kind in ("title", "subheader", "markdown", "caption", "info", "success", "warning", "error"):
        parts += [str(e.value) for e in getattr(at, kind)]
    parts += [e.proto.body for e in at.get("html")]
    parts += [df.value.to_csv() for df in at.dataframe]
    parts += [str(m.value) for m in at.metric]
    return "\n".join(parts)


PAGES = ["", "van-ban", "chi-dao", "hoi", "don-vi", "do-thi", "sparql", "nap"]


def test_first_open_ingests_the_seed(store):
    at = run()
    values = {m.label: m.value for m in at.metric}
    assert int(values["Văn bản đã nạp"]) >= 1
    assert int(values["Nhiệm vụ"]) > 0


@pytest.mark.parametrize("page", PAGES, ids=[p or "tong-quan" for p in PAGES])
def test_every_page_on_the_seed(store, page):
    at = run(page)
    assert at.title
    assert not at.error, [e.value for e in at.error]


def test_ask_decree_59_lists_its_tasks(store):
    at = run("hoi", q=QUESTION)
    text = body(at)
    assert "59/2023/NĐ-CP" in text
    for item in ITEMS:
        assert item in text, f"{item} missing from the answer"


def test_directive_page_for_decree_59(store):
    from ui import data
    kg = data._open(str(store)).kg
    nd59 = kg.resolve_document("59/2023/NĐ-CP")
    assert nd59, "the store knows Nghị định 59/2023"
    at = run("chi-dao", directive=nd59)
    text = body(at)
    for item in ITEMS:
        assert item in text


def test_plan_text_is_highlighted(store):
    from ui import data
    kg = data._open(str(store)).kg
    plan = kg.overview().ingest_log[0].document
    at = run("van-ban", doc=plan)
    html = "\n".join(e.proto.body for e in at.get("html"))
    assert 'class="hl-citation"' in html
    assert 'class="hl-unit"' in html


def test_sparql_console_cannot_write(store):
    at = run("sparql", query="INSERT DATA { <urn:a> <urn:b> <urn:c> }")
    assert at.error
    from ui import data
    res = data._open(str(store)).kg.sparql("SELECT ?o WHERE { <urn:a> <urn:b> ?o }")
    assert res.rows == []


def test_uploaded_script_is_shown_as_text(store):
    from ui import data
    kg = data._open(str(store)).kg
    text = ("KẾ HOẠCH\nThử nghiệm <script>window.__pwned=1</script> an toàn\n"
            "Căn cứ Nghị định số 59/2023/NĐ-CP ngày 14/8/2023 của Chính phủ;\n"
            "1. Giao Sở Nội vụ <img src=x onerror=alert(1)> chủ trì.\n")
    res = kg.ingest_upload("xss-test.txt", text.encode("utf-8"))
    assert res.ok, res.error
    st.cache_data.clear()
    at = run("van-ban", doc=res.document)
    html = "\n".join(e.proto.body for e in at.get("html"))
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;" in html
    kg.delete_document(res.document)
    st.cache_data.clear()


def test_graph_page_details_quote_the_source_and_open_the_document(store):
    from ui import data
    kg = data._open(str(store)).kg
    nd59 = kg.resolve_document("59/2023/NĐ-CP")
    at = run("do-thi", node=nd59)
    html = "\n".join(e.proto.body for e in at.get("html"))
    assert "Nghị định số 59/2023/NĐ-CP" in html                   # a quoted span from the plan's text
    assert "Kế hoạch" in html                                        # the document it was read in
    tech = " ".join(df.value.to_csv() for df in at.dataframe)
    assert "ke-hoach-dan-van-dan-chu-2026.txt" in tech              # the file: a technical detail, kept apart
    plan = kg.overview().ingest_log[0].document
    task = next(n.id for n in kg.ego(plan, hops=3, max_nodes=500).nodes if n.type == "Task")
    assert data.page_target(kg.node(task)) == ("van-ban", {"doc": plan, "tab": "structure"})


def test_graph_page_in_english(store):
    from ui import data
    nd59 = data._open(str(store)).kg.resolve_document("59/2023/NĐ-CP")
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params["page"] = "do-thi"
    at.query_params["node"] = nd59
    at.session_state["lang"] = "en"
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    text = body(at)
    assert "Cited document" in text and "Văn bản được dẫn chiếu" not in text
