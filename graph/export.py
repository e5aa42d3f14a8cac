"""Exports: the graph (Turtle, TriG, JSON-LD, GraphML for Gephi) and the task list (CSV, XLSX)."""
from __future__ import annotations

import csv
import io
import re

import networkx as nx
from rdflib import Dataset, Graph

from . import queries
from .ids import task_document
from .results import TaskRow
from .store import Store, prefixed
from .view import graph_view
from .vocab import bind

__all__ = ["export_graph", "all_task_dicts", "tasks_csv", "tasks_xlsx", "TASK_COLUMNS", "cell_text", "csv_cell"]

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
    rows = store.select(prefixed("""SELECT ?t ?start WHERE { ?t a cancu:Task .
        OPTIONAL { ?a oa:hasBody ?t ; oa:hasTarget/oa:hasSelector/oa:start ?start } }"""))
    order = [r["t"] for r in sorted(rows, key=lambda r: (task_document(r["t"]), int(r["start"] or 0)))]
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
