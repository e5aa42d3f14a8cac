"""Exports: the graph (Turtle, TriG, JSON-LD, GraphML for Gephi) and the task list (CSV, XLSX)."""
from __future__ import annotations

import csv
import io

import networkx as nx
from rdflib import Dataset, Graph

from . import queries
from .ids import task_document
from .results import TaskRow
from .store import Store, prefixed
from .view import graph_view
from .vocab import bind

__all__ = ["export_graph", "all_task_dicts", "tasks_csv", "tasks_xlsx", "TASK_COLUMNS"]

TASK_COLUMNS = ["document", "id", "kind", "text", "lead", "support", "report_to", "deadline", "cites",
                "via", "path", "start", "end"]


def export_graph(store: Store, fmt: str) -> bytes:
    """``ttl`` (the union of the documents' graphs), ``trig``/``jsonld`` (named graphs kept), ``graphml``."""
    if fmt == "graphml":
        G = graph_view(store)
        H = nx.MultiDiGraph()
        for n, d in G.nodes(data=True):
            H.add_node(n, label=d["label"], type=d["type"])
        for u, v, k, d in G.edges(keys=True, data=True):
            H.add_edge(u, v, key=k, type=d["type"], label=d["label"])
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
    w.writerows(rows)
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def tasks_xlsx(rows: list[dict]) -> bytes:
    # imported here: openpyxl takes ~0.3 s to import and only this export needs it
    from openpyxl import Workbook
    wb = Workbook()
    ws = wb.active
    ws.title = "Nhiệm vụ"
    ws.append(TASK_COLUMNS)
    for r in rows:
        ws.append([r.get(c) for c in TASK_COLUMNS])
    ws.freeze_panes = "A2"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
