"""The app, page by page, with streamlit.testing.v1.AppTest on a real store: the seed plan as the
app uploads it, and one document whose text, title and citation carry markup.

These tests check the UI (layout, deep links, language, escaping, error handling);
``test_app_seed.py`` checks that a fresh store is seeded and answers through the pages.
"""
from __future__ import annotations

import hashlib
from pathlib import Path
from types import SimpleNamespace

import pytest

st = pytest.importorskip("streamlit")
from streamlit.testing.v1 import AppTest  # noqa: E402

from graph import api  # noqa: E402
from graph.build import build_document  # noqa: E402
from graph.errors import QueryTimeout  # noqa: E402
from graph.store import EmbeddedStore  # noqa: E402
from graph.writer import write_document  # noqa: E402
from ingest.facts import Citation, DocumentInfo, Facts, Source, Unit  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
SEED = ROOT / "data" / "seed" / "ke-hoach-dan-van-dan-chu-2026.txt"
ND59 = "https://cancu.vn/id/doc/vn/59/2023/nd-cp"
TCHC_NAME = "Phòng Tổ chức - Hành chính - Quản trị"
EVIL_TEXT = ("Công văn <script>window.__pwned=1</script> <img src=x onerror=\"window.__pwned=2\"> của Sở Nội vụ.\n"
             "Căn cứ Công văn số 1/CV ngày 01/02/2026;\n")


def evil_facts() -> Facts:
    """A document whose text, title, issuer and cited document's type carry markup."""
    text = EVIL_TEXT
    s, e = text.index("Công văn số 1/CV"), text.index(";")
    u = text.index("Sở Nội vụ")
    src = Source(text=text, format="txt", path="evil.txt", sha256=hashlib.sha256(text.encode()).hexdigest())
    return Facts(source=src,
                 document=DocumentInfo(type="Công văn", title="<script>alert(1)</script>", issuer="<i>evil</i>"),
                 citations=(Citation(start=s, end=e, text=text[s:e], kind="numbered", section="preamble",
                                     type="<script>alert(3)</script>", symbol="1/CV", date="2026-02-01"),),
                 units=(Unit("Sở Nội vụ", (), ((u, u + len("Sở Nội vụ")),)),))


@pytest.fixture(scope="module")
def seed(tmp_path_factory):
    """The app's store: the seed plan uploaded as an officer would, plus the markup document."""
    location = tmp_path_factory.mktemp("app") / "store"
    kg = api.open_graph(str(location))
    res = kg.ingest_upload(SEED.name, SEED.read_bytes())
    assert res.ok, res.error
    tchc = kg.units(TCHC_NAME)[0].id
    kg.close()
    evil = build_document(evil_facts(), ingested_at="2026-03-01T08:00:00+00:00")
    with EmbeddedStore(location, mode="w") as w:
        write_document(w, evil)
    mp = pytest.MonkeyPatch()
    mp.setenv("CANCU_STORE", str(location))
    st.cache_resource.clear()
    st.cache_data.clear()
    yield SimpleNamespace(location=location, plan=res.document, evil=str(evil.document), tchc=tchc)
    st.cache_resource.clear()
    st.cache_data.clear()
    mp.undo()


@pytest.fixture()
def empty_store(tmp_path, monkeypatch):
    """A fresh store the app opens (and seeds, unless told not to)."""
    monkeypatch.setenv("CANCU_STORE", str(tmp_path / "store"))
    st.cache_resource.clear()
    st.cache_data.clear()
    yield tmp_path / "store"
    st.cache_resource.clear()
    st.cache_data.clear()


def run(page: str = "", **params) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    if page:
        at.query_params["page"] = page
    for k, v in params.items():
        at.query_params[k] = v
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def texts(at: AppTest) -> str:
    """Everything rendered as text (markdown, captions, html, tables), for content checks."""
    parts = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "success", "warning", "error"):
        parts += [str(e.value) for e in getattr(at, kind)]
    parts += [str(getattr(e, "proto", e)) for e in at.get("html")]
    for df in at.dataframe:
        parts.append(df.value.to_csv())
    parts += [str(m.value) for m in at.metric]
    return "\n".join(parts)


def htmls(at: AppTest) -> list[str]:
    return [e.proto.body for e in at.get("html")]


# ---------------------------------------------------------------- every page renders

PAGES = ["", "van-ban", "chi-dao", "hoi", "don-vi", "do-thi", "sparql", "nap"]


@pytest.mark.parametrize("page", PAGES, ids=[p or "tong-quan" for p in PAGES])
def test_every_page_renders_without_exception(seed, page):
    at = run(page)
    assert at.title, "every page has a title"
    assert not at.error


@pytest.mark.parametrize("page", PAGES, ids=[p or "tong-quan" for p in PAGES])
def test_every_page_speaks_english_on_the_toggle(seed, page):
    at = run(page, lang="en")
    assert at.title
    assert at.session_state["lang"] == "en"


def test_overview_shows_counts_most_cited_and_log(seed):
    at = run()
    assert at.title[0].value == "Tổng quan"
    assert [m.label for m in at.metric][:2] == ["Văn bản đã nạp", "Văn bản được dẫn chiếu"]
    body = texts(at)
    assert "59/2023/NĐ-CP" in body and "Phòng Tổ chức - Hành chính - Quản trị" in body
    assert "Nhật ký nạp văn bản" in body


def test_language_toggle_switches_to_english(seed):
    at = run()
    at.toggle(key="lang_toggle").set_value(True).run()
    assert at.title[0].value == "Overview"
    assert at.query_params.get("lang") in ("en", ["en"])


# ---------------------------------------------------------------- Văn bản

def test_document_page_highlights_citations_units_and_header(seed):
    at = run("van-ban", doc=seed.plan)
    html = "\n".join(htmls(at))
    assert 'class="hl-citation"' in html and 'class="hl-unit"' in html and 'class="hl-header"' in html
    assert "./van-ban?doc=https%3A%2F%2Fcancu.vn%2Fid%2Fdoc%2Fvn%2F59%2F2023%2Fnd-cp" in html  # a citation links to the cited document
    assert "Trần Bình Minh" in texts(at)


@pytest.mark.parametrize("tab,expect", [
    ("structure", "III.2.2"), ("schema", "32/KH-UBND"), ("tasks", "III.2.2"),
])
def test_document_tabs_are_deep_linkable(seed, tab, expect):
    at = run("van-ban", doc=seed.plan, tab=tab)
    assert expect in texts(at)


def test_document_shows_what_derives_from_a_directive(seed):
    at = run("van-ban", doc=ND59, tab="required")
    body = texts(at)
    for item in ("II.2.1", "II.2.5", "III.2.2"):
        assert item in body


def test_document_search_lists_documents(seed):
    at = run("van-ban", q="59/2023")
    assert "59/2023/NĐ-CP" in texts(at)


def test_unknown_document_is_one_line_not_a_traceback(seed):
    at = run("van-ban", doc="urn:doc:nope")
    assert at.error and "no such document" in at.error[0].value


# ---------------------------------------------------------------- security: escaping

def test_document_text_and_labels_are_escaped(seed):
    at = run("van-ban", doc=seed.evil)
    html = "\n".join(htmls(at))
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in html
    assert "onerror=&quot;" in html  # the attribute stays text


def test_lluoc_do_links_are_escaped(seed):
    at = run("van-ban", doc=seed.evil, tab="schema")
    html = "\n".join(htmls(at))
    assert "<script" not in html and "<img" not in html and "<b>Dẫn" not in html
    assert "&lt;script&gt;alert(3)&lt;/script&gt;" in html


def test_graph_elements_are_inert_in_the_component_panel():
    from ui.graphview import elements
    sub = api.Subgraph([api.NodeRef("urn:x", "<img src=x onerror=alert(1)>", "Document")],
                       [api.Edge("urn:x", "urn:x", "cites", "<b>x</b>")])
    els, back = elements(sub)
    flat = repr(els)
    assert "<" not in flat and ">" not in flat
    assert list(back.values()) == ["urn:x"] and "urn:x" not in flat  # sent by its name, never its IRI


def test_highlight_renderer_nests_and_escapes():
    from ui.render import highlighted_html
    text = "Căn cứ Nghị định 59/2023/NĐ-CP ngày 14/8/2023 & <script>x</script>"
    s = text.index("Nghị")
    d = text.index("14/8/2023")
    hs = [api.Highlight(s, d + 9, "citation", "59/2023/NĐ-CP", "urn:a"),
          api.Highlight(d, d + 9, "date", "2023-08-14"),
          api.Highlight(d + 3, len(text), "unit", "crosses")]  # crosses the citation: dropped
    html = highlighted_html(text, hs)
    assert html.count("<mark") == 2 and html.count("</mark>") == 2
    assert "&amp; &lt;script&gt;x&lt;/script&gt;" in html
    assert "<script>" not in html


# ---------------------------------------------------------------- Chỉ đạo → Nhiệm vụ

def test_directive_matrix_and_tasks(seed):
    at = run("chi-dao", directive=ND59)
    body = texts(at)
    assert "Ma trận chỉ đạo × nhiệm vụ" in body
    for item in ("II.2.1", "II.2.5", "III.2.2"):
        assert item in body
    assert TCHC_NAME in body  # lead unit column
    assert "Nghị định số 59/2023/NĐ-CP" in body  # the quoted source text


# ---------------------------------------------------------------- Hỏi

def test_ask_deep_link_answers_with_tasks_and_links(seed):
    at = run("hoi", q="Nghị định 59/2023 yêu cầu gì?")
    body = texts(at)
    for item in ("II.2.1", "II.2.5", "III.2.2"):
        assert item in body
    assert "./van-ban?doc=" in body  # each row links to the document view


def test_ask_box_submits(seed):
    at = run("hoi")
    at.text_input(key="ask_q").input("Nghị định 59/2023 yêu cầu gì?")
    at.button[0].click().run()
    assert not at.exception
    assert "III.2.2" in texts(at)


def test_ask_unknown_question_says_so(seed):
    at = run("hoi", q="thời tiết hôm nay?")
    assert "Chưa hiểu câu hỏi" in texts(at)


ASK_KINDS = [
    # (question, the understood-as line in Vietnamese, in English, something the answer shows)
    ("Nghị định 59/2023 yêu cầu gì?", "Đã hiểu: văn bản 59/2023/NĐ-CP.", "Understood: documents 59/2023/NĐ-CP.", "III.2.2"),
    ("Trung tâm Thông tin chủ trì những nhiệm vụ nào?", "Đã hiểu: đơn vị Trung tâm Thông tin (chủ trì).",
     "Understood: unit Trung tâm Thông tin (lead).", "III.3"),
    ("Ai báo cáo Sở Nội vụ?", "Đã hiểu: đơn vị Sở Nội vụ (nhận báo cáo); hỏi ai.",
     "Understood: unit Department of Home Affairs (receives reports); asks who.", "III.2.5"),
    ("Who must publish news on the website?", "Đã hiểu: từ khóa “publish”, “news”, “website”; hỏi ai.",
     "Understood: words “publish”, “news”, “website”; asks who.", "III.3"),
    ("Nhiệm vụ nào phải hoàn thành trong Quý IV/2026?", "Đã hiểu: hạn trong Quý IV/2026.",
     "Understood: due in Q4 2026.", None),
]


@pytest.mark.parametrize("question,vi,en,shows", ASK_KINDS, ids=[k[0][:24] for k in ASK_KINDS])
def test_ask_each_kind_says_how_it_understood(seed, question, vi, en, shows):
    at = run("hoi", q=question)
    body = texts(at)
    assert vi in body and "Loại câu hỏi:" in body
    if shows:
        assert shows in body
    at = run("hoi", q=question, lang="en")
    body = texts(at)
    assert en in body and "Kind of question:" in body


def test_ask_who_lists_units_and_roles_in_both_languages(seed):
    body = texts(run("hoi", q="Ai báo cáo Sở Nội vụ?"))
    assert "Đơn vị và vai trò" in body and TCHC_NAME in body and "chủ trì" in body
    body = texts(run("hoi", q="Who reports to the Department of Home Affairs?", lang="en"))
    assert "Units and their roles" in body and "lead" in body


# ---------------------------------------------------------------- Đơn vị

def test_unit_worklist_and_exports(seed):
    at = run("don-vi", unit=seed.tchc)
    body = texts(at)
    assert "III.2.2" in body
    labels = [b.proto.label for b in at.get("download_button")]
    assert "Tải CSV" in labels and "Tải Excel (XLSX)" in labels


# ---------------------------------------------------------------- Đồ thị

def test_graph_page_shows_details_of_the_selected_node(seed):
    at = run("do-thi", node=seed.plan, sel=ND59)
    body = texts(at)
    assert "Chi tiết nút" in body and "59/2023/NĐ-CP" in body
    assert any(b.label == "Mở trang của nút này" for b in at.button)


def test_graph_search_finds_a_node(seed):
    at = run("do-thi")
    at.text_input(key="g_q").input("59/2023").run()
    assert not at.exception
    picker = [s for s in at.selectbox if s.label == "Kết quả"]
    assert picker and any("59/2023/NĐ-CP" in o for o in picker[0].options)


def test_graph_path_between_two_nodes(seed):
    at = run("do-thi", node=seed.plan, sel=seed.plan, to=ND59)
    assert "Đường đi 1 bước." in texts(at)


def test_graph_event_parsing():
    from ui.graphview import parse_event
    back = {"a": "urn:a"}
    assert parse_event({"action": "select", "data": {"target_id": "a"}, "timestamp": 5}, back) == ("select", "urn:a", 5)
    assert parse_event({"action": "expand", "data": {"node_ids": ["a"]}, "timestamp": 6}, back) == ("expand", "urn:a", 6)
    assert parse_event(None, back) is None


# ---------------------------------------------------------------- SPARQL

def test_sparql_runs_an_example(seed):
    at = run("sparql", ex="0")
    assert at.dataframe, "a result table"


def test_sparql_refuses_updates(seed):
    at = run("sparql", query="INSERT DATA { <urn:a> <urn:b> <urn:c> }")
    assert at.error and "read-only" in at.error[0].value
    assert not at.dataframe


def test_sparql_time_limit_is_a_message(seed, monkeypatch):
    def slow(self, query, *, timeout_s=10.0, limit=5000):  # a query abandoned at its time limit
        raise QueryTimeout(f"the query ran longer than {timeout_s:g} s and was abandoned")
    monkeypatch.setattr(api.KnowledgeGraph, "sparql", slow)
    at = run("sparql", query="SELECT * WHERE { ?s ?p ?o }")
    assert at.error and "10 s" in at.error[0].value


# ---------------------------------------------------------------- Nạp văn bản and the seed

def test_upload_page_states_the_limit(seed):
    at = run("nap")
    assert "20 MB" in texts(at)


def test_empty_store_is_seeded_on_first_open(empty_store):
    at = run()
    assert at.success and "kế hoạch mẫu" in at.success[0].value
    assert [m.value for m in at.metric][0] == "1"


def test_store_env_var_is_read(monkeypatch, tmp_path):
    from ui import data
    monkeypatch.setenv("CANCU_STORE", str(tmp_path))
    assert data.store_location() == str(tmp_path)


def test_app_code_does_not_compute():
    """No regex, SPARQL strings, rdflib/networkx or pyoxigraph in app.py and the pages."""
    import re
    files = [ROOT / "app.py", *sorted((ROOT / "ui" / "pages").glob("*.py"))]
    banned = re.compile(r"\bimport re\b|re\.compile|\brdflib\b|\bnetworkx\b|\bnx\.|pyoxigraph|\bSELECT\s+\?|\bWHERE\s*\{")
    for f in files:
        hits = banned.findall(f.read_text(encoding="utf-8"))
        assert not hits, f"{f.name}: {hits}"


# ---------------------------------------------------------------- display helpers (officer-facing polish)

def test_compact_text_shortens_blank_lines_and_keeps_highlights_on_the_same_words():
    from ui.render import compact_text
    lines = ["KẾ HOẠCH ", "Thực hiện công tác dân vận ", " ", "Căn cứ Nghị định số 59/2023/NĐ-CP ngày ",
             "14/8/2023 của Chính phủ; ", "1. Giao Sở Nội vụ chủ trì."]
    text = "\n\n".join(lines)  # double-spaced, as the seed and many PDF exports are
    spans = [("Nghị định số 59/2023/NĐ-CP ngày \n\n14/8/2023", "citation"), ("Sở Nội vụ", "unit"),
             ("14/8/2023", "date"), ("KẾ HOẠCH", "header")]
    hs = [api.Highlight(text.index(s), text.index(s) + len(s), kind, s) for s, kind in spans]
    shown, moved = compact_text(text, hs)
    assert "\n\n\n" not in shown and shown.count("\n") < text.count("\n")
    assert "dân vận \n\nCăn cứ" in shown  # a real paragraph break (two blank lines) stays one blank line
    assert "ngày \n14/8/2023" in shown  # a plain line break is one newline again
    for h, m in zip(hs, moved):
        assert "".join(text[h.start:h.end].split()) == "".join(shown[m.start:m.end].split()), h.label
    # the whole page: still escaped, still marked
    from ui.render import highlighted_html
    html = highlighted_html(shown, moved)
    assert html.count("<mark") == 4


def test_compact_text_leaves_single_spaced_text_alone():
    from ui.render import compact_text
    text = "Dòng một\nDòng hai\n\nĐoạn mới\nDòng bốn"
    hs = [api.Highlight(text.index("Đoạn"), text.index("Đoạn") + 4, "unit", "x")]
    shown, moved = compact_text(text, hs)
    assert shown == text and moved == hs
    shown, _ = compact_text("a\n\n\n\n\nb\nc\nd\ne")
    assert shown == "a\n\nb\nc\nd\ne"


def test_item_numerals_are_not_repeated():
    from ui.render import node_label, strip_marker, structure_html
    assert node_label("III. III. TỔ CHỨC THỰC HIỆN") == "III. TỔ CHỨC THỰC HIỆN"
    assert node_label("II.2.1. 2.1. Tiếp tục tuyên truyền") == "II.2.1. Tiếp tục tuyên truyền"
    assert node_label("Chỉ thị 05-CT/TW") == "Chỉ thị 05-CT/TW"
    assert node_label("Nghị định 59/2023/NĐ-CP") == "Nghị định 59/2023/NĐ-CP"
    assert strip_marker("II.2", "2. Về công tác dân chủ") == "Về công tác dân chủ"
    assert strip_marker("II.2", "3. khác") == "3. khác"
    tree = structure_html([api.SectionNode("urn:i", "III", "heading", "III. TỔ CHỨC THỰC HIỆN", 0, 10)])
    assert "<b>III</b> TỔ CHỨC THỰC HIỆN" in tree
    from ui.graphview import elements
    els, _ = elements(api.Subgraph([api.NodeRef("urn:t", "III. III. TỔ CHỨC THỰC HIỆN", "Task")], []))
    assert els["nodes"][0]["data"]["id"] == "III. TỔ CHỨC THỰC HIỆN"


def test_streamlit_english_hints_are_replaced(seed):
    from ui.render import frame_css
    css = frame_css("vi")
    assert 'InputInstructions"]{display:none' in css and "Chọn tệp từ máy" in css and "20 MB" in css
    assert "Browse files" in frame_css("en")
    at = run("hoi")
    assert not at.get("form"), "the question box is a plain input: no English 'submit form' hint"
    assert any("InputInstructions" in b for b in htmls(at))


def test_overview_says_when_nothing_is_there(empty_store, monkeypatch):
    monkeypatch.setattr("ui.data.ensure_seed", lambda kg: (None, None))
    at = run()
    assert "Chưa có gì" in texts(at) and not at.dataframe


def test_upload_error_does_not_repeat_the_file_name():
    from ui.pages.upload import _reason
    assert _reason("rong.pdf", "rong.pdf: empty file") == "empty file"
    assert _reason("a.pdf", "tệp quá lớn") == "tệp quá lớn"
    assert _reason("a.pdf", None) == ""


def test_graph_property_names_are_translated():
    from ui.i18n import STRINGS
    for key in ("generatedAtTime", "sourcePath", "issuerName", "itemNumber"):
        vi, en = STRINGS[f"prop.{key}"]
        assert vi and en and vi != key


def test_structure_lines_cut_at_a_word():
    from ui.render import structure_html
    full = "5. Nêu cao tinh thần trách nhiệm và sự tận tụy phục vụ nhân dân của cán bộ, công chức; người đứng đầu cơ quan Văn phòng."
    cut = full[:100]  # the store keeps the first 100 characters: "… cơ quan Văn p"
    node = api.SectionNode("urn:i5", "I.5", "objective", cut, 0, len(full))
    html = structure_html([node])
    assert "Văn p<" not in html and "…" in html and "<b>I.5</b> Nêu cao" in html
    whole = api.SectionNode("urn:i6", "I.6", "objective", "6. Ngắn gọn.", 0, 12)
    assert "<b>I.6</b> Ngắn gọn.</div>" in structure_html([whole])


def test_graph_nodes_carry_their_type_label():
    from ui.graphview import elements
    sub = api.Subgraph([api.NodeRef("urn:c", "Chỉ thị 05-CT/TW", "CitedDocument")], [])
    els, _ = elements(sub, type_labels={"CitedDocument": "Văn bản được dẫn chiếu"})
    assert els["nodes"][0]["data"]["label"] == "Văn bản được dẫn chiếu"
    assert elements(sub)[0]["nodes"][0]["data"]["label"] == "CitedDocument"


def test_graph_labels_keep_the_ampersand_and_stay_inert():
    from ui.graphview import elements
    sub = api.Subgraph([api.NodeRef("urn:c", "Công văn 927/BNV-CTTN&BĐG &#60;img src=x onerror=alert(1)&#62;", "CitedDocument")], [])
    name = elements(sub)[0]["nodes"][0]["data"]["id"]
    assert "CTTN&BĐG" in name and "<" not in name and ">" not in name


def test_every_reader_problem_has_a_message_in_both_languages():
    import inspect

    import ingest.errors as E
    from ui.i18n import STRINGS
    kinds = [n for n, c in inspect.getmembers(E, inspect.isclass) if issubclass(c, E.ReadError)]
    assert "NoTextLayer" in kinds and len(kinds) >= 7
    for kind in kinds + ["InvalidDocument"]:
        vi, en = STRINGS[f"upload.err.{kind}"]
        assert vi and en and vi != en


def test_upload_errors_are_shown_in_the_session_language(tmp_path, monkeypatch):
    from tests.test_bad_input import image_pdf_bytes
    kg = api.open_graph(str(tmp_path / "store"))
    pre = kg.preview_upload("scan.pdf", image_pdf_bytes())
    assert not pre.ok and pre.error_kind == "NoTextLayer" and "scan.pdf" in pre.error
    assert kg.ingest_upload("rong.txt", b"").error_kind == "EmptyDocument"
    assert kg.preview_upload("x.exe", b"MZ").error_kind == "UnsupportedFormat"
    kg.close()

    def page(lang):
        import streamlit as st
        from ui.pages.upload import _show_error
        st.session_state["lang"] = lang
        _show_error("scan.pdf", "scan.pdf: PDF has no text layer (scanned?)", "NoTextLayer")
    for lang, want in (("vi", "bản quét"), ("en", "probably a scan")):
        at = AppTest.from_function(page, args=(lang,))
        at.run()
        assert not at.exception
        assert want in at.error[0].value and "scan.pdf" in at.error[0].value
        assert "PDF has no text layer" in at.caption[0].value       # the reader's own line, below
