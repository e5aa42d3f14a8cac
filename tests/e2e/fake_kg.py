"""An in-memory stand-in for graph.api.KnowledgeGraph, shaped like the seed plan, for app tests.

It lets the UI be tested independently of the store (and before the graph layer is complete):
tests patch ``graph.api.open_graph`` to return a :class:`FakeKG`. One document holds
``<script>`` in its text and title, to check that the app escapes everything.
"""
from __future__ import annotations

import csv
import io

from graph import api
from graph.errors import BadQuery, UnknownNode

PLAN = "urn:doc:plan"
ND59 = "urn:doc:59-2023-nd-cp"
LAW = "urn:doc:10-2022-qh15"
KH32 = "urn:doc:32-kh-ubnd"
EVIL = "urn:doc:evil"
TCHC = "urn:unit:tchcqt"
SNV = "urn:unit:so-noi-vu"

PLAN_TEXT = (
    "KẾ HOẠCH\nThực hiện công tác dân vận, dân chủ năm 2026\n"
    "Thực hiện Kế hoạch số 32/KH-UBND ngày 31/01/2026 của UBND tỉnh.\n"
    "II. NHIỆM VỤ\n2. Về công tác dân chủ\n"
    "2.1. Tiếp tục tuyên truyền Luật Thực hiện dân chủ ở cơ sở; Nghị định số 59/2023/NĐ-CP ngày 14/8/2023 của Chính phủ.\n"
    "2.5. Tổ chức triển khai thực hiện đầy đủ các nội dung (Nghị định số 59/2023/NĐ-CP).\n"
    "III. TỔ CHỨC THỰC HIỆN\n2. Giao Phòng Tổ chức - Hành chính - Quản trị\n"
    "2.2. Tham mưu tổ chức Hội nghị cán bộ theo Nghị định số 59/2023/NĐ-CP, báo cáo Sở Nội vụ.\n"
)
EVIL_TEXT = "Công văn <script>window.__pwned=1</script> <img src=x onerror=\"window.__pwned=2\"> của Sở Nội vụ.\n"


def _at(text: str, s: str, nth: int = 0) -> tuple[int, int]:
    i = -1
    for _ in range(nth + 1):
        i = text.index(s, i + 1)
    return i, i + len(s)


def _line(text: str, prefix: str) -> tuple[int, int]:
    i = text.index(prefix)
    return i, text.index("\n", i)


class FakeKG(api.KnowledgeGraph):
    def __init__(self, location: str | None = None, read_only: bool = False, empty: bool = False):
        self.location = location or "fake"
        self.read_only = read_only
        self._version = 1
        self._ingested: dict[str, tuple[str, str]] = {}  # id -> (label, text)
        self.calls: list[str] = []
        if not empty:
            self._load()

    # ---- data
    def _load(self):
        self._ingested = {PLAN: ("Kế hoạch dân vận, dân chủ 2026", PLAN_TEXT),
                          EVIL: ("<script>alert(1)</script> Công văn", EVIL_TEXT)}
        self._version += 1

    def _task(self, number, prefix, lead=(), support=(), report=(), via=()):
        s, e = _line(PLAN_TEXT, prefix)
        return api.TaskRow(id=f"urn:task:{number}", document=PLAN, document_label="Kế hoạch dân vận 2026",
                           number=number, kind="task", text=PLAN_TEXT[s:e], lead=list(lead), support=list(support),
                           report_to=list(report), cites=["59/2023/NĐ-CP"], via=list(via),
                           source=api.Span("data/seed/plan.txt", s, e, PLAN_TEXT[s:e], PLAN))

    def _tasks(self):
        if PLAN not in self._ingested:
            return []
        return [self._task("II.2.1", "2.1. Tiếp tục"), self._task("II.2.5", "2.5. Tổ chức"),
                self._task("III.2.2", "2.2. Tham mưu", lead=["Phòng Tổ chức - Hành chính - Quản trị"],
                           report=["Sở Nội vụ"])]

    def _row(self, doc_id):
        rows = {
            PLAN: api.DocumentRow(PLAN, None, "Kế hoạch", "Thực hiện công tác dân vận, dân chủ năm 2026", None,
                                  "Văn phòng UBND tỉnh", True, 0, 3),
            ND59: api.DocumentRow(ND59, "59/2023/NĐ-CP", "Nghị định", "Quy định chi tiết Luật Thực hiện dân chủ ở cơ sở",
                                  "2023-08-14", "Chính phủ", False, 1, 0),
            LAW: api.DocumentRow(LAW, "10/2022/QH15", "Luật", "Luật Thực hiện dân chủ ở cơ sở", None, "Quốc hội", False, 1, 0),
            KH32: api.DocumentRow(KH32, "32/KH-UBND", "Kế hoạch", "Công tác dân vận, dân chủ năm 2026", "2026-01-31",
                                  "UBND tỉnh", False, 1, 0),
            EVIL: api.DocumentRow(EVIL, "<b>1</b>/CV", "Công văn", "<script>alert(1)</script>", None,
                                  "<i>evil</i>", True, 0, 0),
        }
        if doc_id not in rows or (doc_id in (PLAN, EVIL) and doc_id not in self._ingested):
            raise UnknownNode(f"unknown node {doc_id}")
        return rows[doc_id]

    # ---- housekeeping
    def version(self):
        return str(self._version)

    def refresh(self):
        pass

    def close(self):
        pass

    def overview(self, top=10):
        self.calls.append("overview")
        n = len(self._ingested)
        tasks = self._tasks()
        return api.Overview(
            documents=n, cited_documents=3 if n else 0, tasks=len(tasks), units=2 if n else 0, citations=5 if n else 0,
            triples=120 * n,
            most_cited=[api.CountRow(ND59, "59/2023/NĐ-CP", 3), api.CountRow(KH32, "32/KH-UBND", 1)][:top] if n else [],
            busiest_units=[api.CountRow(TCHC, "Phòng Tổ chức - Hành chính - Quản trị", 1)] if n else [],
            ingest_log=[api.IngestLogRow(d, lbl, "data/seed/plan.txt", "2026-11-27T05:00:00Z", 120, 3, 5)
                        for d, (lbl, _t) in self._ingested.items()])

    def documents(self, query="", *, ingested_only=False, limit=500):
        ids = [PLAN, ND59, LAW, KH32, EVIL]
        rows = []
        for i in ids:
            try:
                r = self._row(i)
            except UnknownNode:
                continue
            if query and query.lower() not in f"{r.symbol} {r.title} {r.issuer}".lower():
                continue
            rows.append(r)
        return rows[:limit]

    def document(self, doc_id):
        row = self._row(doc_id)
        text = self._ingested.get(doc_id, (None, None))[1]
        highlights, structure, tasks = [], [], []
        if doc_id == PLAN:
            highlights = [
                api.Highlight(*_at(text, "Kế hoạch số 32/KH-UBND ngày 31/01/2026 của UBND tỉnh"), "citation", "32/KH-UBND", KH32),
                api.Highlight(*_at(text, "31/01/2026"), "date", "2026-01-31"),
                api.Highlight(*_at(text, "Nghị định số 59/2023/NĐ-CP ngày 14/8/2023"), "citation", "59/2023/NĐ-CP", ND59),
                api.Highlight(*_at(text, "Luật Thực hiện dân chủ ở cơ sở"), "citation", "10/2022/QH15", LAW),
                api.Highlight(*_at(text, "Phòng Tổ chức - Hành chính - Quản trị"), "unit", "Phòng TCHCQT", TCHC),
                api.Highlight(*_at(text, "Sở Nội vụ"), "unit", "Sở Nội vụ", SNV),
            ]
            tasks = self._tasks()
            structure = [api.SectionNode("urn:s:II", "II", "heading", "NHIỆM VỤ", 0, 1, [
                api.SectionNode("urn:s:II.2", "II.2", "heading", "Về công tác dân chủ", 0, 1, [
                    api.SectionNode(t.id, t.number, t.kind, t.text, 0, 1) for t in tasks[:2]])]),
                api.SectionNode("urn:s:III", "III", "heading", "TỔ CHỨC THỰC HIỆN", 0, 1, [
                    api.SectionNode(tasks[2].id, "III.2.2", "task", tasks[2].text, 0, 1)])]
        elif doc_id == EVIL:
            highlights = [api.Highlight(*_at(text, "<script>window.__pwned=1</script>"), "citation",
                                        "<script>x</script>", "urn:doc:<script>"),
                          api.Highlight(*_at(text, "Sở Nội vụ"), "unit", "<b>unit</b>", SNV)]
        basis = applied = []
        if doc_id == PLAN:
            basis = [api.DocLink("applies", "Thực hiện", KH32, "32/KH-UBND", 1),
                     api.DocLink("cites", "Dẫn chiếu", ND59, "59/2023/NĐ-CP", 1),
                     api.DocLink("based_on", "Căn cứ", LAW, "10/2022/QH15", 2)]
        if doc_id == ND59:
            applied = [api.DocLink("cites", "Được dẫn chiếu bởi", PLAN, "Kế hoạch dân vận 2026", 1)]
        if doc_id == EVIL:
            basis = [api.DocLink("cites", "<b>Dẫn</b>", ND59, "<script>alert(3)</script>", 1,
                                 api.Span("x", 0, 1, "<img src=x onerror=alert(4)>"))]
        required = self._tasks() if doc_id == ND59 else []
        return api.DocumentRecord(row, "Trần Bình Minh" if doc_id == PLAN else None,
                                  "data/seed/plan.txt" if text else None, text, highlights, structure, basis,
                                  applied, tasks, required)

    def resolve_document(self, text):
        return ND59 if "59" in text else None

    def matrix(self, *, directives=None, max_directives=40):
        tasks = self._tasks()
        if not tasks:
            return api.Matrix([], [], [])
        dirs = [api.CountRow(ND59, "59/2023/NĐ-CP", 3), api.CountRow(KH32, "32/KH-UBND", 1)]
        return api.Matrix(dirs, tasks, [[True, True, True], [False, False, True]])

    def requirements(self, doc_id, unit=None):
        tasks = self._tasks() if doc_id == ND59 else self._tasks()[2:] if doc_id == KH32 else []
        if unit:
            tasks = [t for t in tasks if unit in t.lead or unit == TCHC and t.lead]
        return tasks

    def ask(self, question, unit=None):
        self.calls.append(f"ask:{question}")
        if "59" in question:
            return api.Answer(question, ["59/2023/NĐ-CP"], unit, "requirements", self.requirements(ND59, unit))
        return api.Answer(question, [], unit, "unknown", [], message="Không hiểu câu hỏi.")

    def units(self, query="", limit=500):
        if not self._ingested:
            return []
        return [api.CountRow(TCHC, "Phòng Tổ chức - Hành chính - Quản trị", 1), api.CountRow(SNV, "Sở Nội vụ", 0)]

    def worklist(self, unit):
        tasks = self._tasks()
        if unit in (TCHC, "Phòng Tổ chức - Hành chính - Quản trị"):
            return api.Worklist("Phòng Tổ chức - Hành chính - Quản trị", TCHC, tasks[2:], [], [])
        if unit in (SNV, "Sở Nội vụ"):
            return api.Worklist("Sở Nội vụ", SNV, [], [], tasks[2:])
        raise UnknownNode(f"unknown unit {unit}")

    def export_tasks(self, tasks, fmt):
        if fmt == "csv":
            buf = io.StringIO()
            rows = [t.to_dict() for t in tasks]
            w = csv.DictWriter(buf, fieldnames=list(rows[0]) if rows else ["id"])
            w.writeheader()
            w.writerows(rows)
            return ("\ufeff" + buf.getvalue()).encode()
        import openpyxl
        wb = openpyxl.Workbook()
        ws = wb.active
        for t in tasks:
            ws.append([t.number, t.text])
        out = io.BytesIO()
        wb.save(out)
        return out.getvalue()

    def export_graph(self, fmt):
        return b""

    # ---- exploration
    def _nodes(self):
        nodes = [api.NodeRef(PLAN, "Kế hoạch dân vận 2026", "Document", "Kế hoạch"),
                 api.NodeRef(ND59, "59/2023/NĐ-CP", "CitedDocument", "Nghị định"),
                 api.NodeRef(LAW, "10/2022/QH15", "CitedDocument", "Luật"),
                 api.NodeRef(KH32, "32/KH-UBND", "CitedDocument", "Kế hoạch"),
                 api.NodeRef(TCHC, "Phòng Tổ chức - Hành chính - Quản trị", "Unit"),
                 api.NodeRef(SNV, "Sở Nội vụ", "Unit"),
                 api.NodeRef(EVIL, "<img src=x onerror=alert(5)>", "Document", "Công văn")]
        nodes += [api.NodeRef(t.id, t.number, "Task") for t in self._tasks()]
        return nodes

    def _edges(self):
        e = [api.Edge(PLAN, ND59, "cites", "dẫn chiếu"), api.Edge(PLAN, LAW, "cites", "dẫn chiếu"),
             api.Edge(PLAN, KH32, "applies", "thực hiện"), api.Edge(ND59, LAW, "details", "quy định chi tiết"),
             api.Edge(EVIL, SNV, "cites", "<b>x</b>")]
        for t in self._tasks():
            e += [api.Edge(PLAN, t.id, "has_part", "gồm"), api.Edge(t.id, ND59, "derives_from", "xuất phát từ")]
        e += [api.Edge("urn:task:III.2.2", TCHC, "lead", "chủ trì"), api.Edge("urn:task:III.2.2", SNV, "report_to", "báo cáo")]
        return e

    def search_nodes(self, text, *, types=None, limit=20):
        return [n for n in self._nodes() if text.lower() in n.label.lower() and (not types or n.type in types)][:limit]

    def ego(self, node_id, *, hops=1, max_nodes=150, node_types=None, edge_types=None, layout=False):
        nodes = {n.id: n for n in self._nodes()}
        if node_id not in nodes:
            raise UnknownNode(f"unknown node {node_id}")
        keep = {node_id}
        edges = [e for e in self._edges() if not edge_types or e.type in edge_types]
        for _ in range(hops):
            keep |= {e.target for e in edges if e.source in keep} | {e.source for e in edges if e.target in keep}
        keep = {k for k in keep if k == node_id or not node_types or nodes[k].type in node_types}
        truncated = len(keep) > max_nodes
        keep = set(list(keep)[:max_nodes]) | {node_id}
        return api.Subgraph([nodes[k] for k in keep], [e for e in edges if e.source in keep and e.target in keep], truncated)

    def expand(self, node_id, *, exclude=None, max_nodes=50, edge_types=None):
        g = self.ego(node_id, hops=1, max_nodes=max_nodes, edge_types=edge_types)
        return g

    def path(self, source, target, *, max_len=8):
        nodes = {n.id: n for n in self._nodes()}
        if source == target:
            return api.Subgraph([nodes[source]], [])
        for e in self._edges():
            if {e.source, e.target} == {source, target}:
                return api.Subgraph([nodes[source], nodes[target]], [e])
        return None

    def node(self, node_id):
        nodes = {n.id: n for n in self._nodes()}
        if node_id not in nodes:
            raise UnknownNode(f"unknown node {node_id}")
        out = [e for e in self._edges() if e.source == node_id]
        inc = [e for e in self._edges() if e.target == node_id]
        ev = [t.source for t in self._tasks() if t.id == node_id and t.source]
        props = [("Nhãn", nodes[node_id].label), ("IRI", node_id)]
        return api.NodeDetails(nodes[node_id], props, out, inc, len(out) + len(inc), 0.125, ev)

    def legend(self):
        return api.Legend(
            node_types=[("Document", "Văn bản đã nạp"), ("CitedDocument", "Văn bản được dẫn"), ("Unit", "Đơn vị"),
                        ("Task", "Nhiệm vụ")],
            edge_types=[("cites", "Dẫn chiếu"), ("applies", "Thực hiện"), ("details", "Quy định chi tiết"),
                        ("has_part", "Gồm"), ("derives_from", "Xuất phát từ"), ("lead", "Chủ trì"),
                        ("report_to", "Báo cáo")])

    # ---- query
    def sparql(self, query, *, timeout_s=10.0, limit=5000):
        words = query.upper().split()
        if any(w in words for w in ("INSERT", "DELETE", "DROP", "CLEAR", "LOAD", "CREATE")):
            raise BadQuery("chỉ cho phép truy vấn đọc (SELECT, ASK, CONSTRUCT, DESCRIBE)")
        if "SLEEP" in words:
            from graph.errors import QueryTimeout
            raise QueryTimeout(f"truy vấn vượt quá {timeout_s:.0f} giây")
        if words[:1] == ["ASK"]:
            return api.SparqlResult([], [], boolean=True)
        return api.SparqlResult(["s", "label"], [[n.id, n.label] for n in self._nodes()], elapsed_ms=1.5)

    # ---- uploads
    def preview_upload(self, filename, data):
        if len(data) > api.MAX_UPLOAD_BYTES:
            return api.UploadPreview(filename, False, "tệp quá lớn", {}, 0, 0, 0, 0, False)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            return api.UploadPreview(filename, False, "không đọc được tệp (không phải văn bản UTF-8)", {}, 0, 0, 0, 0, False)
        return api.UploadPreview(filename, True, None, {"type": "Kế hoạch", "title": text[:40]}, text.count("/"), 1, 1,
                                 10, False, {"schema": "cancu.extract/1"})

    def ingest_upload(self, filename, data):
        p = self.preview_upload(filename, data)
        if not p.ok:
            return api.IngestResult(filename, False, p.error, None)
        if filename.startswith("ke-hoach"):
            self._load()
            return api.IngestResult(filename, True, None, PLAN, 120)
        self._ingested[f"urn:doc:{filename}"] = (filename, data.decode())
        self._version += 1
        return api.IngestResult(filename, True, None, f"urn:doc:{filename}", 10)

    def delete_document(self, doc_id):
        return self._ingested.pop(doc_id, None) is not None
