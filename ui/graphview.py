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


FAR = "\u200b"  # appended to the style key of a node or edge drawn without its caption


def near_nodes(subgraph: api.Subgraph, focus: str | None) -> set[str]:
    """The focus and its neighbours: the nodes whose labels are drawn (a canvas of 100 labels is unreadable)."""
    if not focus:
        return {n.id for n in subgraph.nodes}
    out = {focus}
    for e in subgraph.edges:
        if e.source == focus:
            out.add(e.target)
        elif e.target == focus:
            out.add(e.source)
    return out


def elements(subgraph: api.Subgraph, *, selected: str | None = None, type_labels: dict[str, str] | None = None,
             edge_labels: dict[str, str] | None = None, near: set[str] | None = None) -> tuple[dict, dict[str, str]]:
    """Cytoscape elements for a subgraph, and the map from the ids sent back to the real node ids.

    A node's ``label`` (its style key, shown as the heading of the component's side panel) is its
    type's label from the legend ("Văn bản được dẫn chiếu"), not the internal name ("CitedDocument").
    The component's side panel lists every field of what is clicked, so nothing internal is sent:
    a node's ``id`` is its readable name (the caption drawn), an edge's ``id`` its relation in the
    session's language (made unique with invisible characters), so an edge reads "Căn cứ ·
    source: Quyết định 844/QĐ-TTg · target: Luật …", never an IRI. Nodes outside ``near`` (and
    edges not touching the selected node) get a style key without a caption.
    """
    type_labels, edge_labels = type_labels or {}, edge_labels or {}
    back: dict[str, str] = {}
    sid_of: dict[str, str] = {}
    nodes = []
    for n in subgraph.nodes:
        name = safe(node_label(n.label)) or safe(n.id)
        sid, k = name, 2
        while sid in back:
            sid, k = f"{name} ({k})", k + 1
        back[sid] = n.id
        sid_of[n.id] = sid
        key = _style_key(type_labels.get(n.type, n.type)) + ("" if near is None or n.id in near else FAR)
        data = {"id": sid, "label": key}
        node = {"data": data}
        if n.id == selected:
            node["selected"] = True
        nodes.append(node)
    edges = []
    for i, e in enumerate(subgraph.edges):
        s, tgt = sid_of.get(e.source), sid_of.get(e.target)
        if s is not None and tgt is not None:
            shown = near is None or selected in (e.source, e.target)
            edges.append({"data": {"id": safe(edge_labels.get(e.type, e.label)) + FAR * (i + 1), "source": s,
                                   "target": tgt, "label": safe(e.type) + ("" if shown else FAR)}})
    return {"nodes": nodes, "edges": edges}, back


def render_graph(subgraph: api.Subgraph, legend: api.Legend, *, key: str, height: int = 720,
                 layout: str = "cose", selected: str | None = None) -> tuple[str, str, int] | None:
    """Draw the subgraph; return ``(action, node_id, timestamp)`` of the last click/expand/remove, or None.

    Labels are drawn for the selected node and its neighbours only. The component keeps returning
    its last event on later reruns: compare the timestamp.
    """
    # imported here: the component (and its assets) is only needed on the page that draws a graph
    from st_link_analysis import EdgeStyle, NodeStyle, st_link_analysis
    from st_link_analysis.component.events import Event

    type_labels = dict(legend.node_types)
    near = near_nodes(subgraph, selected) if len(subgraph.nodes) > 30 else None
    els, back = elements(subgraph, selected=selected, type_labels=type_labels, edge_labels=dict(legend.edge_types),
                         near=near)
    node_styles = []
    for kind, _label in legend.node_types:
        style_key = _style_key(type_labels.get(kind, kind))
        node_styles.append(_Readable(NodeStyle(style_key, NODE_COLORS.get(kind, "#7f7f7f"), "id",
                                               NODE_ICONS.get(kind)),
                                     {"min-zoomed-font-size": 0, "font-size": 11, "text-wrap": "ellipsis",
                                      "text-max-width": 180}))
        node_styles.append(_Readable(NodeStyle(style_key + FAR, NODE_COLORS.get(kind, "#7f7f7f"), None,
                                               NODE_ICONS.get(kind)), {"opacity": 0.75}))
    with warnings.catch_warnings():  # the component warns about its own default `labeled=False`
        warnings.simplefilter("ignore")
        edge_styles = []
        for kind, _label in legend.edge_types:
            edge_styles.append(EdgeStyle(safe(kind), EDGE_COLORS.get(kind, "#bdbdbd"), caption="id",
                                         directed=True))
            edge_styles.append(EdgeStyle(safe(kind) + FAR, EDGE_COLORS.get(kind, "#bdbdbd"), caption=None,
                                         directed=True))
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
