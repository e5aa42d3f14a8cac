"""Exports: the graph (Turtle, TriG, JSON-LD, GraphML for Gephi), the task list for machines (CSV,
XLSX with field names: ``cancu export``) and the officer's task list (headers in Vietnamese or
English, readable dates and deadlines, widths and wrap, no internal field: the app's downloads)."""
from __future__ import annotations

import csv
import io
import re

import networkx as nx
from rdflib import Dataset, Graph

from . import queries
from .deadlines import label as deadline_label
from .deadlines import officer_date
from .ids import span_of, task_document
from .results import TaskRow
from .store import Store, prefixed
from .view import graph_view
from .vocab import bind

__all__ = ["export_graph", "all_task_dicts", "tasks_csv", "tasks_xlsx", "TASK_COLUMNS", "cell_text", "csv_cell",
           "officer_rows", "officer_csv", "officer_xlsx", "OFFICER_COLUMNS"]

TASK_COLUMNS = ["document", "id", "kind", "text", "lead", "support", "report_to", "deadline", "cites",
                "via", "path", "start", "end"]


# control characters that XML 1.0 (so XLSX and GraphML) cannot hold; a PDF's form feed (page break)
# and vertical tab read as a space, the others (NUL …) are dropped
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
XLSX_CELL_MAX = 32767  # characters a spreadsheet cell holds


def cell_text(value, limit: int | None = None):
    """A value fit for an XML-based export (XLSX, GraphML): text without the control characters XML
    refuses (form feed → space, NUL and the like dropped), cut to ``limit`` characters; other values
    as they are.

    >>> cell_text("Chương I\\x0cNHỮNG QUY ĐỊNH\\x00 CHUNG")
    'Chương I NHỮNG QUY ĐỊNH CHUNG'
    """
    if not isinstance(value, str):
        return value
    text = _CONTROL.sub(lambda m: " " if m.group() in "\x0b\x0c" else "", value)
    if limit and len(text) > limit:
        text = text[:limit - 1] + "…"
    return text


def csv_cell(value):
    """A CSV cell for Excel: :func:`cell_text`, and a text Excel would run as a formula (``=``, ``+``,
    ``@``, or ``-`` before a non-space) kept as text by a leading apostrophe.

    >>> csv_cell("=1+2"), csv_cell("- Tổ chức"), csv_cell("-1+cmd"), csv_cell(3)
    ("'=1+2", '- Tổ chức', "'-1+cmd", 3)
    """
    text = cell_text(value)
    if isinstance(text, str) and text[:1] in ("=", "+", "@", "-") and not text[1:2].isspace() and text != "-":
        return "'" + text
    return text


def export_graph(store: Store, fmt: str) -> bytes:
    """``ttl`` (the union of the documents' graphs), ``trig``/``jsonld`` (named graphs kept), ``graphml``."""
    if fmt == "graphml":
        G = graph_view(store)
        H = nx.MultiDiGraph()
        for n, d in G.nodes(data=True):
            H.add_node(n, label=cell_text(d["label"]), type=d["type"])
        for u, v, k, d in G.edges(keys=True, data=True):
            H.add_edge(u, v, key=k, type=d["type"], label=cell_text(d["label"]))
        buf = io.BytesIO()
        nx.write_graphml(H, buf, encoding="utf-8")
        return buf.getvalue()
    data = store.dump("nquads")
    ds = Dataset()
    ds.parse(data=data.decode("utf-8"), format="nquads")
    bind(ds)
    if fmt == "trig":
        return ds.serialize(format="trig").encode("utf-8")
    if fmt == "jsonld":
        return ds.serialize(format="json-ld").encode("utf-8")
    if fmt == "ttl":
        g = Graph()
        bind(g)
        for s, p, o, _ in ds.quads((None, None, None, None)):
            g.add((s, p, o))
        return g.serialize(format="turtle").encode("utf-8")
    raise ValueError(f"unknown export format {fmt!r} (ttl, trig, jsonld, graphml, csv, xlsx)")


def all_task_dicts(store: Store) -> list[dict]:
    """Every task of every ingested document as a flat dict (:meth:`TaskRow.to_dict`), in document order."""
    rows = store.select(prefixed("""SELECT ?t ?target WHERE { ?t a cancu:Task .
        OPTIONAL { ?a oa:hasBody ?t ; oa:hasTarget ?target } }"""))
    start = {}
    for r in rows:  # the task's span <document#char=start,end> (graph.ids.span_of); the first one counts
        sp = span_of(r["target"] or "")
        at = sp[1] if sp else 0
        start[r["t"]] = min(start.get(r["t"], at), at)
    order = sorted(start, key=lambda t: (task_document(t), start[t]))
    return [TaskRow.from_details(d).to_dict() for d in queries.task_details(store, order)]


def tasks_csv(rows: list[dict]) -> bytes:
    """CSV with a BOM (Excel opens it as UTF-8)."""
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=TASK_COLUMNS, extrasaction="ignore")
    w.writeheader()
    w.writerows({c: csv_cell(r.get(c)) for c in TASK_COLUMNS} for r in rows)
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def tasks_xlsx(rows: list[dict]) -> bytes:
    # imported here: openpyxl takes ~0.3 s to import and only this export needs it
    from openpyxl import Workbook
    wb = Workbook()
    ws = wb.active
    ws.title = "Nhiệm vụ"
    ws.append(TASK_COLUMNS)
    for r in rows:
        ws.append([cell_text(r.get(c), XLSX_CELL_MAX) for c in TASK_COLUMNS])
        for cell in ws[ws.max_row]:
            if cell.data_type == "f":  # a text starting with "=" stays text, never a formula
                cell.data_type = "s"
    ws.freeze_panes = "A2"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


# ---------------------------------------------------------------- the officer's task list

# column key → (Vietnamese header, English header, width in characters)
OFFICER_COLUMNS = {
    "no": ("STT", "No.", 6),
    "document": ("Văn bản", "Document", 28),
    "issuer": ("Cơ quan ban hành", "Issued by", 26),
    "date": ("Ngày ban hành", "Date", 13),
    "item": ("Mục", "Item", 9),
    "task": ("Nội dung nhiệm vụ", "Task", 70),
    "role": ("Vai trò", "Role", 14),
    "lead": ("Đơn vị chủ trì", "Lead", 28),
    "support": ("Đơn vị phối hợp", "Support", 28),
    "report_to": ("Nhận báo cáo", "Report to", 22),
    "deadline": ("Thời hạn", "Deadline", 16),
    "deadline_text": ("Thời hạn (nguyên văn)", "Deadline (as written)", 22),
}
ROLE_NAMES = {"lead": ("Chủ trì", "Lead"), "support": ("Phối hợp", "Support"),
              "report_to": ("Nhận báo cáo", "Receives reports")}


def officer_rows(tasks: list[TaskRow], *, lang: str = "vi", roles: dict[str, list[str]] | None = None) -> list[dict]:
    """The rows of the officer's export: readable values only (dd/mm/yyyy dates, "Quý IV/2026"
    deadlines, the quote without page furniture or line breaks), no IRI, path or offset. The role
    column appears when ``roles`` (task IRI → its roles for the unit exported) is given."""
    en = 1 if lang == "en" else 0
    out = []
    for i, t in enumerate(tasks, 1):
        row = {"no": i, "document": t.document_label, "issuer": t.document_issuer or "",
               "date": officer_date(t.document_date), "item": t.number, "task": t.shown or " ".join(t.text.split()),
               "lead": "; ".join(t.lead), "support": "; ".join(t.support), "report_to": "; ".join(t.report_to),
               "deadline": deadline_label(t.deadline, lang) if t.deadline else "",
               "deadline_text": t.deadline_text or ""}
        if roles is not None:
            row["role"] = ", ".join(ROLE_NAMES[r][en] for r in roles.get(t.id, ()) if r in ROLE_NAMES)
        out.append(row)
    return out


def _columns(rows: list[dict]) -> list[str]:
    return [k for k in OFFICER_COLUMNS if k != "role" or any("role" in r for r in rows)]


def officer_csv(rows: list[dict], lang: str = "vi") -> bytes:
    """The officer's rows as CSV with a BOM (Excel opens it as UTF-8), headers in ``lang``."""
    cols = _columns(rows)
    en = 1 if lang == "en" else 0
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow([OFFICER_COLUMNS[c][en] for c in cols])
    for r in rows:
        w.writerow([csv_cell(r.get(c, "")) for c in cols])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def officer_xlsx(rows: list[dict], lang: str = "vi", *, title: str | None = None) -> bytes:
    """The officer's rows as a workbook: a title line, bold headers in ``lang`` on a grey band,
    column widths, wrapped text aligned at the top, frozen header, printable in landscape."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter
    cols = _columns(rows)
    en = 1 if lang == "en" else 0
    wb = Workbook()
    ws = wb.active
    ws.title = "Tasks" if en else "Nhiệm vụ"
    first = 1
    if title:
        ws.cell(row=1, column=1, value=cell_text(title, XLSX_CELL_MAX)).font = Font(bold=True, size=13)
        first = 3
    thin = Side(style="thin", color="BBBBBB")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for j, c in enumerate(cols, 1):
        cell = ws.cell(row=first, column=j, value=OFFICER_COLUMNS[c][en])
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="E7E6E6")
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        cell.border = border
        ws.column_dimensions[get_column_letter(j)].width = OFFICER_COLUMNS[c][2]
    top = Alignment(wrap_text=True, vertical="top")
    for i, r in enumerate(rows, first + 1):
        for j, c in enumerate(cols, 1):
            cell = ws.cell(row=i, column=j, value=cell_text(r.get(c, ""), XLSX_CELL_MAX))
            cell.alignment = top
            cell.border = border
    ws.freeze_panes = ws.cell(row=first + 1, column=1)
    ws.auto_filter.ref = f"A{first}:{get_column_letter(len(cols))}{first + max(len(rows), 1)}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{first}:{first}"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
