"""The graph canvas: one adapter over the component (st-link-analysis, Cytoscape.js), so it can
be swapped for another without touching the pages.

``render_graph(subgraph, legend, key=...)`` draws a :class:`graph.api.Subgraph` and returns the
last interaction as ``("select" | "expand" | "remove", node_id, timestamp)`` or ``None``.

Escaping: the component's side panel writes node properties with ``innerHTML``, so every value
sent to it has ``< >`` replaced by look-alike characters (``‹ ›``): text shows, markup never runs. ``&``
stays (a character reference decodes to text, never to a tag; the canvas font has no full-width ``＆``,
so "CTTN&BĐG" showed a box).
"""
from __future__ import annotations

import warnings
from typing import Sequence

from graph import api

from .render import node_label

# colours by node type (the legend uses the same table)
NODE_COLORS = {
    "Document": "#1f77b4",        # ingested documents
    "CitedDocument": "#9ecae1",   # documents only cited
    "Unit": "#2ca02c",
    "Task": "#ff7f0e",
    "Section": "#fdd0a2",
    "DocType": "#9467bd",
}
NODE_ICONS = {"Document": "description", "CitedDocument": "account_balance", "Unit": "group",
              "Task": "flag", "Section": "folder", "DocType": "sell"}
EDGE_COLORS = {
    "cites": "#9e9e9e", "based_on": "#1f77b4", "applies": "#17becf", "details": "#8c564b",
    "lead": "#2ca02c", "support": "#98df8a", "report_to": "#d62728", "has_part": "#c7c7c7",
    "derives_from": "#ff7f0e", "passed_by": "#9467bd", "guides": "#bcbd22", "mentions": "#dbdb8d",
    "amends": "#e377c2", "replaces": "#7f7f7f", "repeals": "#d62728",
}
LAYOUTS = ("cose", "breadthfirst", "concentric", "circle", "grid")

_LOOKALIKE = str.maketrans({"<": "‹", ">": "›"})


def safe(value) -> str:
    """A string that is inert inside ``innerHTML`` (look-alikes for ``< >``)."""
    return ("" if value is None else str(value)).translate(_LOOKALIKE)


def _style_key(value: str) -> str:
    """A node style key: inert in the side panel, and no quote to end the ``node[label='…']`` selector."""
    return safe(value).replace("'", "’").replace('"', "”")


def elements(subgraph: api.Subgraph, *, selected: str | None = None, type_labels: dict[str, str] | None = None,
             edge_labels: dict[str, str] | None = None) -> tuple[dict, dict[str, str]]:
    """Cytoscape elements for a subgraph, and the map from the ids sent back to the real node ids.

    A node's ``label`` (its style key, shown as the heading of the component's side panel) is its
    type's label from the legend ("Văn bản được dẫn chiếu"), not the internal name ("CitedDocument").
    """
    type_labels, edge_labels = type_labels or {}, edge_labels or {}
    back: dict[str, str] = {}
    nodes = []
    for n in subgraph.nodes:
        sid = safe(n.id)
        back[sid] = n.id
        data = {"id": sid, "label": _style_key(type_labels.get(n.type, n.type)), "name": safe(node_label(n.label))}
        if n.group:
            data["group"] = safe(n.group)
        node = {"data": data}
        if n.id == selected:
            node["selected"] = True
        nodes.append(node)
    known = set(back)
    edges = []
    for i, e in enumerate(subgraph.edges):
        s, tgt = safe(e.source), safe(e.target)
        if s in known and tgt in known:
            edges.append({"data": {"id": f"e{i}", "source": s, "target": tgt, "label": safe(e.type),
                                   "name": safe(edge_labels.get(e.type, e.label))}})
    return {"nodes": nodes, "edges": edges}, back


def render_graph(subgraph: api.Subgraph, legend: api.Legend, *, key: str, height: int = 560,
                 layout: str = "cose", selected: str | None = None) -> tuple[str, str, int] | None:
    """Draw the subgraph; return ``(action, node_id, timestamp)`` of the last click/expand/remove, or None.

    The component keeps returning its last event on later reruns: compare the timestamp.
    """
    # imported here: the component (and its assets) is only needed on the page that draws a graph
    from st_link_analysis import EdgeStyle, NodeStyle, st_link_analysis
    from st_link_analysis.component.events import Event

    type_labels = dict(legend.node_types)
    els, back = elements(subgraph, selected=selected, type_labels=type_labels, edge_labels=dict(legend.edge_types))
    node_styles = [_Readable(NodeStyle(_style_key(type_labels.get(kind, kind)), NODE_COLORS.get(kind, "#7f7f7f"), "name",
                                       NODE_ICONS.get(kind)),
                             {"min-zoomed-font-size": 0, "font-size": 11, "text-wrap": "ellipsis", "text-max-width": 160})
                   for kind, _label in legend.node_types]
    with warnings.catch_warnings():  # the component warns about its own default `labeled=False`
        warnings.simplefilter("ignore")
        edge_styles = [EdgeStyle(safe(kind), EDGE_COLORS.get(kind, "#bdbdbd"), caption="name", directed=True)
                       for kind, _label in legend.edge_types]
    event = st_link_analysis(
        els, layout=layout if layout in LAYOUTS else "cose", node_styles=node_styles, edge_styles=edge_styles,
        height=height, key=key, node_actions=["expand", "remove"],
        events=[Event("select", "click tap", "node")],
    )
    return parse_event(event, back)


class _Readable:
    """A style whose captions stay visible when the canvas is zoomed out (the default hides them)."""

    def __init__(self, style, extra: dict):
        self.style, self.extra = style, extra

    def dump(self) -> dict:
        out = self.style.dump()
        out["style"] = {**out["style"], **self.extra}
        return out


def parse_event(event, back: dict[str, str]) -> tuple[str, str, int] | None:
    """The component's return value → ``(action, real node id, timestamp)``."""
    if not isinstance(event, dict):
        return None
    action, data = event.get("action"), event.get("data") or {}
    if action == "select":
        sid = data.get("target_id")
    elif action in ("expand", "remove"):
        ids: Sequence[str] = data.get("node_ids") or []
        sid = ids[0] if ids else None
    else:
        return None
    if sid is None:
        return None
    return action, back.get(sid, sid), int(event.get("timestamp") or 0)
