"""The app as an officer's daily tool, in a real browser, on a store of the dev corpus (issue 12).

The store is built in the test from ``../shared/corpus/dev`` (``cancu ingest``; skipped with the
reason when ``../shared`` is absent), the app is started on it with the day fixed
(``CANCU_TODAY``), and each page is driven and looked at as an officer sees it: the deadline view
with the tasks overdue as of that day and its calendar file, one unit per real body (the Sở Nội vụ
of two provinces), the Excel file's headers, documents labelled with their issuer, back links,
quotes without page furniture, the graph's labels and written path, and every page in both
languages. Screenshots of every page in each language go to ``artifacts/screenshots/dev/``
(git-ignored; README, "Screenshots").
"""
from __future__ import annotations

import io
import os
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from conftest import shared_dir
from test_browser import CHROMIUM_ARGS, _chromium, _free_port, _settle

pytestmark = [pytest.mark.browser, pytest.mark.timeout(900)]

ROOT = Path(__file__).resolve().parent.parent
SHOTS = ROOT / "artifacts" / "screenshots" / "dev"
TODAY = "2026-02-10"
PAGES = [("tong-quan", "", "Tổng quan", "Overview"), ("van-ban", "van-ban", "Văn bản", "Documents"),
         ("chi-dao", "chi-dao", "Chỉ đạo → Nhiệm vụ", "Directives → Tasks"), ("hoi", "hoi", "Hỏi", "Ask"),
         ("don-vi", "don-vi", "Đơn vị", "Units"), ("han-xu-ly", "han-xu-ly", "Hạn xử lý", "Deadlines"),
         ("do-thi", "do-thi", "Đồ thị", "Graph"), ("sparql", "sparql", "SPARQL", "SPARQL"),
         ("nap", "nap", "Nạp văn bản", "Upload documents")]
ORG = "https://cancu.vn/id/org/"
Q844 = "https://cancu.vn/id/doc/vn/844/qd-ttg"


@pytest.fixture(scope="module")
def dev(tmp_path_factory):
    """The dev corpus ingested into a fresh store, and what the facade says of it (read before the app opens it)."""
    shared = shared_dir()
    if shared is None or not (shared / "corpus" / "dev").is_dir():
        pytest.skip("../shared/corpus/dev is absent: the dev-corpus store cannot be built here")
    pytest.importorskip("playwright.sync_api")
    _chromium()
    store = tmp_path_factory.mktemp("devstore") / "store"
    p = subprocess.run([sys.executable, "-m", "cancu.cli", "ingest", str(shared / "corpus" / "dev"), "--store", str(store),
                        "--quiet"], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert p.returncode == 0, p.stderr[-2000:]
    from graph import api
    kg = api.open_graph(str(store), read_only=True)
    facts = {
        "overdue": kg.deadlines(today=TODAY, status="overdue", limit=1000),
        "tasks": kg.overview().tasks,
        "start": kg.start_points(),
        "noi_vu": [u for u in kg.unit_rows("Sở Nội vụ") if u.name == "Sở Nội vụ" and u.place],
        "q844": kg.document(Q844),
    }
    kg.close()
    return store, facts


@pytest.fixture(scope="module")
def app(dev, tmp_path_factory):
    store, _ = dev
    port = _free_port()
    env = dict(os.environ, CANCU_STORE=str(store), CANCU_TODAY=TODAY, PYTHONUNBUFFERED="1",
               CANCU_UPLOADS=str(tmp_path_factory.mktemp("uploads")))
    log = open(tmp_path_factory.mktemp("browser-dev-log") / "streamlit.log", "w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true", "--server.port", str(port),
         "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.time() > deadline:
                log.flush()
                pytest.fail(f"streamlit did not start: {Path(log.name).read_text()[-2000:]}")
            time.sleep(0.3)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@pytest.fixture(scope="module")
def page(app):
    from playwright.sync_api import sync_playwright
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=_chromium(), args=CHROMIUM_ARGS)
        ctx = browser.new_context(viewport={"width": 1440, "height": 1000}, locale="vi-VN", accept_downloads=True)
        pg = ctx.new_page()
        pg.set_default_timeout(60_000)
        yield pg
        browser.close()


def _shot(pg, name: str) -> None:
    """The whole page: Streamlit scrolls inside its main block, so the window is made as tall as it first."""
    height = pg.evaluate("() => Math.max(...Array.from(document.querySelectorAll("
                         "'[data-testid=\"stMain\"], [data-testid=\"stAppViewContainer\"], section.main'))"
                         ".map(e => e.scrollHeight), 1000)")
    pg.set_viewport_size({"width": 1440, "height": min(int(height) + 40, 8000)})
    pg.wait_for_timeout(300)
    pg.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)
    pg.set_viewport_size({"width": 1440, "height": 1000})


def _open(pg, app: str, path: str, lang: str = "vi", **params) -> None:
    q = dict(params, **({"lang": "en"} if lang == "en" else {}))
    pg.goto(f"{app}/{path}" + (f"?{urllib.parse.urlencode(q)}" if q else ""))
    pg.wait_for_selector('[data-testid="stApp"]')
    _settle(pg)
    assert pg.locator('[data-testid="stException"]').count() == 0, f"{path}: exception on the page"


def _text(pg) -> str:
    return pg.evaluate("() => document.body.innerText")


def _grid_cells(pg) -> list[str]:
    """What the data grids show (the glide grid draws on a canvas; its accessible table holds the cells)."""
    return pg.evaluate("() => Array.from(document.querySelectorAll('[data-testid=\"stDataFrame\"] td, "
                       "[data-testid=\"stDataFrame\"] [role=gridcell]')).map(c => c.innerText)")


def _guard(pg, name: str, fn) -> None:
    try:
        fn()
    except BaseException:
        _shot(pg, f"zz-failure-{name}")
        raise


# ---------------------------------------------------------------- every page, both languages

@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_page_on_the_dev_store_in_each_language(page, app, lang):
    def walk():
        for i, (name, path, vi, en) in enumerate(PAGES):
            _open(page, app, path, lang)
            page.get_by_role("heading", name=en if lang == "en" else vi).first.wait_for()
            _settle(page)
            _shot(page, f"{lang}-{i + 1:02d}-{name}")
            body = _text(page)
            if lang == "en":  # the English side speaks English (no Vietnamese label of the app's own)
                for word in ("Tải ", "Chủ trì:", "Thời hạn", "Quá hạn", "Chi tiết kỹ thuật", "Văn bản đã nạp"):
                    assert word not in body, f"{name}: '{word}' on the English side"
    _guard(page, f"pages-{lang}", walk)


# ---------------------------------------------------------------- 1. the deadline view

def test_deadline_view_lists_the_overdue_tasks_as_of_a_fixed_day(page, app, dev):
    _, facts = dev
    overdue = facts["overdue"]
    assert overdue.total >= 5, "the dev corpus has tasks overdue on 10/02/2026"

    def walk():
        _open(page, app, "han-xu-ly", today=TODAY, status="overdue")
        page.locator(".cancu-dl").first.wait_for()
        body = _text(page)
        assert "10/02/2026" in body, "the day the status is computed for is said"
        cards = page.locator(".cancu-dl-overdue")
        assert cards.count() == overdue.total and page.locator(".cancu-dl").count() == overdue.total
        for r in overdue.rows:
            assert r.task.number in body
        # the readable deadline of each overdue task, in officer form ("Tháng 11/2025", "21/11/2025")
        dues = page.locator(".cancu-due").all_inner_texts()
        assert "Tháng 11/2025" in dues and all("-" not in d for d in dues), dues
        _shot(page, "vi-30-han-xu-ly-qua-han")
        # by quarter, every status, filtered to one unit's lead tasks
        _open(page, app, "han-xu-ly", today=TODAY, by="quarter")
        page.locator(".cancu-bucket").first.wait_for()
        heads = page.locator(".cancu-bucket").all_inner_texts()
        assert any(h.startswith("Quý IV/2026") for h in heads), heads
        assert any(h.startswith("Thường xuyên, định kỳ") for h in heads), heads
        assert page.locator(".cancu-timeline").count() == 1
        _shot(page, "vi-31-han-xu-ly-theo-quy")
        # the calendar file: one event per dated deadline, importable
        _open(page, app, "han-xu-ly", today=TODAY, status="overdue")
        with page.expect_download() as dl:
            page.get_by_role("button", name="Tải lịch (.ics)").click()
        ics = Path(dl.value.path()).read_bytes().decode("utf-8")
        assert ics.startswith("BEGIN:VCALENDAR\r\n") and ics.rstrip().endswith("END:VCALENDAR")
        assert ics.count("BEGIN:VEVENT") == overdue.total and "DTSTART;VALUE=DATE:2025" in ics
        # English
        _open(page, app, "han-xu-ly", "en", today=TODAY, status="overdue")
        page.locator(".cancu-dl").first.wait_for()
        body = _text(page)
        assert "Overdue" in body and "November 2025" in body and "Quá hạn" not in body
        _shot(page, "en-30-deadlines-overdue")
    _guard(page, "deadlines", walk)


def test_the_844_task_shows_its_quarter_in_officer_form(page, app, dev):
    _, facts = dev
    task = next(t for t in facts["q844"].tasks if t.deadline == "2026-Q4")

    def walk():
        _open(page, app, "van-ban", doc=Q844, tab="tasks")
        page.locator(".cancu-deadline").first.wait_for()
        shown = page.locator(".cancu-deadline").all_inner_texts()
        assert any("Quý IV/2026" in x for x in shown), shown
        assert task.number in _text(page)
        assert "2026-Q4" not in _text(page)
        _shot(page, "vi-32-van-ban-844-nhiem-vu")
        _open(page, app, "van-ban", "en", doc=Q844, tab="tasks")
        page.locator(".cancu-deadline").first.wait_for()
        assert any("Q4/2026" in x for x in page.locator(".cancu-deadline").all_inner_texts())
    _guard(page, "844", walk)


# ---------------------------------------------------------------- 2. units with identity, 6. the export

def test_the_so_noi_vu_of_two_provinces_are_two_units_and_the_export_is_an_officers(page, app, dev):
    _, facts = dev
    noi_vu = {u.place: u for u in facts["noi_vu"]}
    assert {"Bắc Ninh", "Đồng Nai"} <= set(noi_vu), noi_vu
    bn = noi_vu["Bắc Ninh"]
    assert bn.id == ORG + "bac-ninh/so-noi-vu" and noi_vu["Đồng Nai"].id == ORG + "dong-nai/so-noi-vu"

    def walk():
        _open(page, app, "don-vi")
        page.locator('[data-testid="stSelectbox"]').first.click()
        page.keyboard.type("Sở Nội vụ (")
        page.get_by_role("option").first.wait_for()
        options = page.get_by_role("option").all_inner_texts()
        for place in ("Bắc Ninh", "Đồng Nai"):
            assert sum(o.startswith(f"Sở Nội vụ ({place})") for o in options) == 1, options
        assert not any(o.rstrip().endswith("(0)") or "· 0 " in o for o in options), options
        _shot(page, "vi-40-don-vi-so-noi-vu")
        page.keyboard.press("Escape")
        _open(page, app, "don-vi", unit=bn.id)
        page.get_by_text("Tỉnh, thành phố: Bắc Ninh").first.wait_for()
        assert page.get_by_role("heading", name="Sở Nội vụ (Bắc Ninh)").count() == 1
        _shot(page, "vi-41-don-vi-so-noi-vu-bac-ninh")
        with page.expect_download() as dl:
            page.get_by_role("button", name="Tải Excel (XLSX)").click()
        _check_xlsx(Path(dl.value.path()).read_bytes(), "vi")
        # English: the lexicon's English name, the province, English headers
        _open(page, app, "don-vi", "en", unit=bn.id)
        page.get_by_role("heading", name="Department of Home Affairs (Bắc Ninh)").first.wait_for()
        assert "Province: Bắc Ninh" in _text(page)
        _shot(page, "en-41-units-so-noi-vu-bac-ninh")
        with page.expect_download() as dl:
            page.get_by_role("button", name="Download Excel (XLSX)").click()
        _check_xlsx(Path(dl.value.path()).read_bytes(), "en")
    _guard(page, "units", walk)


def _check_xlsx(blob: bytes, lang: str) -> None:
    from openpyxl import load_workbook
    ws = load_workbook(io.BytesIO(blob)).active
    rows = [[c.value for c in r] for r in ws.iter_rows()]
    header_row = next(i for i, r in enumerate(rows) if r and r[0] in ("STT", "No."))
    headers = rows[header_row]
    want = (["STT", "Văn bản", "Cơ quan ban hành", "Ngày ban hành", "Mục", "Nội dung nhiệm vụ", "Vai trò",
             "Đơn vị chủ trì", "Đơn vị phối hợp", "Nhận báo cáo", "Thời hạn"] if lang == "vi" else
            ["No.", "Document", "Issued by", "Date", "Item", "Task", "Role", "Lead", "Support", "Report to", "Deadline"])
    assert headers[:len(want)] == want, headers
    body = rows[header_row + 1:]
    assert body, "tasks are exported"
    col = dict(zip(headers, range(len(headers))))
    roles = {r[col[want[6]]] for r in body}
    assert roles & ({"Chủ trì", "Phối hợp", "Nhận báo cáo"} if lang == "vi" else {"Lead", "Support", "Receives reports"})
    flat = " ".join(str(v) for r in body for v in r if v is not None)
    for internal in ("https://", "/tmp/", ".txt", "sha256"):
        assert internal not in flat, internal
    assert all("\n" not in str(r[col[want[5]]]) for r in body), "no PDF line break inside a cell"
    assert all(r[col[want[3]]] is None or str(r[col[want[3]]])[2] == "/" for r in body), "dates read dd/mm/yyyy"
    assert ws.column_dimensions["F"].width >= 50 and ws.cell(header_row + 2, 6).alignment.wrap_text


# ---------------------------------------------------------------- 3. start, 4. documents, 5. tasks

def test_start_and_examples_come_from_the_store(page, app, dev):
    _, facts = dev
    start = facts["start"]
    assert start.directive and start.unit and start.questions_vi

    def walk():
        _open(page, app, "")
        body = _text(page)
        question = start.questions_vi[0]
        assert question in body and "Nghị định 59/2023" not in body
        metric = page.locator('[data-testid="stMetric"]').nth(2).inner_text()
        assert str(facts["tasks"]) in metric, "Nhiệm vụ counts tasks only"
        assert f"{facts['overdue'].total} nhiệm vụ quá hạn" in body
        page.get_by_role("button", name=f"Hỏi: “{question}”").click()
        page.get_by_role("heading", name="Hỏi").first.wait_for()
        _settle(page)
        assert "nhiệm vụ" in _text(page).lower() and page.locator('[data-testid="stException"]').count() == 0
        assert start.questions_vi[1] in _text(page), "the example questions are the store's"
        _shot(page, "vi-50-hoi-tu-tong-quan")
    _guard(page, "start", walk)


def test_documents_you_can_recognise(page, app, dev):
    def walk():
        # the symbol typed comes first, with its issuer
        _open(page, app, "van-ban", q="844")
        cells = _grid_cells(page)
        first = next(c for c in cells if c.strip())
        assert first.startswith("Quyết định 844/QĐ-TTg"), cells[:5]
        assert "Thủ tướng Chính phủ" in cells
        _shot(page, "vi-60-van-ban-844")
        # a cited document links back to the one it was opened from
        _open(page, app, "van-ban", doc=Q844)
        link = page.locator("a:has(mark.hl-citation)").first
        link.click()
        page.get_by_text("← Quay lại Quyết định 844/QĐ-TTg").first.wait_for()
        _settle(page)
        _shot(page, "vi-61-van-ban-quay-lai")
        # the directive picker holds every cited document, the most cited law by its catalogue name
        _open(page, app, "chi-dao")
        page.locator('[data-testid="stSelectbox"]').first.click()
        page.keyboard.type("Tổ chức chính quyền địa phương")
        page.get_by_role("option").first.wait_for()
        options = page.get_by_role("option").all_inner_texts()
        assert any("Luật Tổ chức chính quyền địa phương (72/2025/QH15) — Quốc hội" in o for o in options), options
        page.keyboard.press("Escape")
        # quotes without page furniture: the gazette's running headers of Nghị quyết 97 are not shown
        _open(page, app, "van-ban", doc="https://cancu.vn/id/doc/vn/97/nq-cp", tab="tasks")
        assert "CÔNG BÁO/Số" not in _text(page)
        # technical details are behind one expander, closed
        assert page.get_by_text("Chi tiết kỹ thuật").count() >= 1
        assert "sha256" not in _text(page).lower() and ".txt" not in _text(page)
        _shot(page, "vi-62-van-ban-nq97-nhiem-vu")
    _guard(page, "documents", walk)


# ---------------------------------------------------------------- 7. the graph

def test_graph_is_readable_and_the_path_is_written_out(page, app, dev):
    _, facts = dev
    law = "https://cancu.vn/id/doc/vn/72/2025/qh15"

    def walk():
        _open(page, app, "do-thi")  # the default centre: the store's most cited directive tasks derive from
        page.get_by_role("heading", name="Chi tiết nút").wait_for()
        name = facts["start"].directive.label.split(" — ")[0].split(" (")[0]
        page.wait_for_function("(n) => document.body.innerText.includes(n)", arg=name, timeout=30_000)
        _shot(page, "vi-69-do-thi-mac-dinh")
        _open(page, app, "do-thi", node=Q844, hops="2", max="100")
        frame = _canvas(page)
        info = frame.evaluate("""() => {
            const cy = document.getElementById('cy')._cyreg.cy;
            const labelled = cy.nodes().filter(n => (n.style('label') || '').length > 0).length;
            return {nodes: cy.nodes().length, labelled, width: document.getElementById('cy').clientWidth};
        }""")
        assert info["width"] >= 900, info          # the page's whole width (it was three fifths of it)
        assert 50 <= info["nodes"] <= 100, info
        assert 0 < info["labelled"] < info["nodes"], info   # the focus and its neighbours only
        _shot(page, "vi-70-do-thi")
        # the path from a Bắc Ninh plan to the law, as a chain of labelled edges
        plan = "https://cancu.vn/id/doc/vn/844/qd-ttg"
        _open(page, app, "do-thi", node=plan, sel=plan, to=law)
        page.locator(".cancu-path").first.wait_for()
        chain = page.locator(".cancu-path").inner_text()
        assert chain.startswith("Đường đi:") and ("→" in chain or "←" in chain), chain
        assert len(page.locator(".cancu-path-node").all()) >= 2
        _shot(page, "vi-71-do-thi-duong-di")
        _open(page, app, "do-thi", "en", node=plan, sel=plan, to=law)
        page.locator(".cancu-path").first.wait_for()
        assert page.locator(".cancu-path").inner_text().startswith("The path:")
        _shot(page, "en-71-graph-path")
    _guard(page, "graph", walk)


def _canvas(pg):
    frame = None
    for _ in range(360):
        frame = next((f for f in pg.frames if "st_link_analysis" in f.url or "component" in f.url), None)
        if frame is not None:
            try:
                if frame.evaluate("() => !!document.getElementById('cy')?._cyreg?.cy"):
                    pg.wait_for_timeout(1500)
                    return frame
            except Exception:  # noqa: BLE001 - frame still loading or replaced by a rerun
                pass
        pg.wait_for_timeout(250)
    raise AssertionError("the graph component did not load within 90 s")
