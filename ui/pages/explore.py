"""Đồ thị: search to a node, draw its ego graph (capped), expand neighbours, filter and colour by
node and edge type with a legend, click a node for its details and a link to its page, and find
a path between two nodes.

URL: ``do-thi?node=<IRI>[&hops=1][&max=150][&types=Document,Unit][&edges=cites,lead][&layout=cose]
[&sel=<IRI>][&to=<IRI>]``. Expansions and removals made by clicking live in the session.
"""
from __future__ import annotations

import streamlit as st

from graph import api
from graph.ids import last_segment

from .. import data
from ..common import go, int_param, param, set_params, tr
from ..graphview import LAYOUTS, NODE_COLORS, render_graph
from ..render import (date_text, due_text, legend_html, md, node_label, path_chain_html, quotes_html, rel_label,
                      tech_details)

MAX_CHOICES = (50, 100, 150, 300, 500)


def _csv(name: str) -> list[str]:
    return [x for x in param(name).split(",") if x]


def _merge(base: api.Subgraph, extras: list[api.Subgraph], removed: set[str]) -> api.Subgraph:
    """The drawn graph: the ego graph plus what was expanded, minus what was removed (bookkeeping only)."""
    nodes = {n.id: n for g in (base, *extras) for n in g.nodes if n.id not in removed}
    edges = {(e.source, e.target, e.type): e for g in (base, *extras) for e in g.edges
             if e.source in nodes and e.target in nodes}
    return api.Subgraph(list(nodes.values()), list(edges.values()), base.truncated or any(x.truncated for x in extras))


def _search_box(label: str, key: str) -> str | None:
    """A search box with a result picker; returns the picked node id."""
    lang = data.lang()
    q = st.text_input(label, key=key, placeholder="59/2023, Sở Nội vụ, II.2.1 …")
    if not q or not q.strip():
        return None
    try:
        hits = data.fetch("search_nodes", q.strip(), limit=20)
    except data.Unavailable:
        return None
    if not hits:
        st.caption(tr("graph.no_results"))
        return None
    legend = dict(_legend().node_types)
    labels = {h.id: f"{node_label(h.label)} · {legend.get(h.type, h.type)}" for h in hits}
    return st.selectbox(tr("graph.results"), [h.id for h in hits], format_func=labels.get, key=f"{key}_pick_{lang}")


def _legend() -> api.Legend:
    """The facade's legend with its labels in the session's language (Vietnamese when untranslated)."""
    legend = data.try_fetch("legend")
    if legend is None:
        legend = api.Legend(node_types=[(k, k) for k in NODE_COLORS], edge_types=[])

    def local(prefix: str, key: str, label: str) -> str:
        text = tr(f"{prefix}.{key}")
        return label if text == f"{prefix}.{key}" else text
    return api.Legend([(k, local("ntype", k, v)) for k, v in legend.node_types],
                      [(k, local("etype", k, v)) for k, v in legend.edge_types])


def _default_center() -> str | None:
    """The store's most cited directive that tasks derive from (else the latest document loaded)."""
    start = data.try_fetch("start_points")
    if start is not None and start.directive is not None:
        return start.directive.id
    ov = data.try_fetch("overview", top=10)
    if ov is None:
        return None
    if ov.ingest_log:
        return ov.ingest_log[0].document
    return ov.most_cited[0].id if ov.most_cited else None


def render() -> None:
    lang = data.lang()
    st.title(tr("graph.title"))
    legend = _legend()
    type_labels = dict(legend.node_types)
    edge_labels = dict(legend.edge_types)

    top = st.columns([3, 1])
    with top[0]:
        picked = _search_box(tr("graph.search"), "g_q")
    with top[1]:
        st.write("")
        st.write("")
        if picked and st.button(tr("graph.center"), key="g_go", type="primary", width="stretch"):
            _recenter(picked)

    center = param("node") or _default_center()
    if not center:
        st.info(tr("graph.start"))
        return

    with st.expander(tr("graph.layout") + " · " + tr("graph.node_types") + " · " + tr("graph.edge_types"),
                     expanded=False):
        c = st.columns([1, 1, 1, 3, 3])
        hops = c[0].selectbox(tr("graph.hops"), (1, 2, 3), index=int_param("hops", 1, 1, 3) - 1, key="g_hops")
        max_default = int_param("max", 150, 1, MAX_CHOICES[-1])
        max_nodes = c[1].selectbox(tr("graph.max_nodes"), MAX_CHOICES,
                                   index=MAX_CHOICES.index(max_default) if max_default in MAX_CHOICES else 2,
                                   key="g_max")
        layout = c[2].selectbox(tr("graph.layout"), LAYOUTS,
                                index=LAYOUTS.index(param("layout")) if param("layout") in LAYOUTS else 0, key="g_layout")
        node_types = c[3].multiselect(tr("graph.node_types"), list(type_labels), default=[
            x for x in _csv("types") if x in type_labels], format_func=type_labels.get, key=f"g_types_{lang}")
        edge_types = c[4].multiselect(tr("graph.edge_types"), list(edge_labels), default=[
            x for x in _csv("edges") if x in edge_labels], format_func=edge_labels.get, key=f"g_edges_{lang}")
    set_params(node=center, hops=hops if hops != 1 else None, max=max_nodes if max_nodes != 150 else None,
               layout=layout if layout != "cose" else None, types=",".join(node_types), edges=",".join(edge_types))
    st.html(legend_html(legend, NODE_COLORS, lang))
    _canvas(center, hops, max_nodes, node_types, edge_types, layout)


def _recenter(node_id: str) -> None:
    st.session_state.pop("g_state", None)
    set_params(node=node_id, sel=node_id, to=None)
    st.rerun()


@st.fragment
def _canvas(center: str, hops: int, max_nodes: int, node_types: list[str], edge_types: list[str], layout: str) -> None:
    lang = data.lang()
    state = st.session_state.setdefault("g_state", {})
    if state.get("center") != center:
        state.clear()
        state.update(center=center, extras=[], removed=set(), ts=0)
    try:
        ego = data.fetch("ego", center, hops=hops, max_nodes=max_nodes, node_types=node_types or None,
                         edge_types=edge_types or None)
    except data.Unavailable:
        return
    target = param("to")
    path = None
    if target:
        path = data.try_fetch("path", param("sel") or center, target)
    shown = path if path is not None else _merge(ego, state["extras"], state["removed"])

    st.caption(tr("graph.nodes_edges", n=len(shown.nodes), m=len(shown.edges)) + " · " + tr("graph.hint")
               + (" " + tr("graph.focus_note") if len(shown.nodes) > 30 else ""))
    if shown.truncated:
        st.warning(tr("graph.truncated", n=max_nodes))
    focus = param("sel") or center
    event = render_graph(shown, _legend(), key=f"canvas_{abs(hash((center, bool(path))))}", layout=layout,
                         selected=focus)
    if event and event[2] > state.get("ts", 0):
        state["ts"] = event[2]
        action, node_id, _ts = event
        if action == "select":
            set_params(sel=node_id)
            st.rerun(scope="fragment")
        elif action == "expand":
            drawn = [n.id for n in shown.nodes]
            more = data.try_fetch("expand", node_id, exclude=drawn, max_nodes=50, edge_types=edge_types or None)
            if more is not None:
                state["extras"].append(more)
            set_params(sel=node_id)
            st.rerun(scope="fragment")
        elif action == "remove":
            state["removed"].add(node_id)
            st.rerun(scope="fragment")
    if path is not None or target:
        if path is None:
            st.info(tr("graph.no_path"))
        else:
            st.success(tr("graph.path_len", n=len(path.edges)))
            st.html(path_chain_html(path, param("sel") or center, _legend(), lang))
        if st.button(tr("graph.reset"), key="g_reset"):
            set_params(to=None)
            st.rerun(scope="fragment")
    left, right = st.columns([3, 2])
    with left:
        _details(focus, lang, {n.id: n for n in shown.nodes})
    with right:
        with st.expander(tr("graph.path"), expanded=True):
            other = _search_box(tr("graph.path_to"), "g_to")
            if other and st.button(tr("graph.path_find"), key="g_path"):
                set_params(to=other)
                st.rerun(scope="fragment")


TECHNICAL = ("sourcePath", "sha256", "jurisdiction", "sourceFormat", "generatedAtTime", "ingested")
DATES = ("date_document", "generatedAtTime")


def _value(key: str, value: str) -> str:
    """A property's value as an officer reads it: yes/no, dd/mm/yyyy dates, deadlines in words."""
    if value in ("true", "false"):
        return tr(f"value.{value}")
    if key in DATES:
        return date_text(value, data.lang())
    if key == "deadline":
        return due_text(value, data.lang())
    return value


def _prop(key: str) -> str:
    """A property's label in the session language (the key itself when the table does not know it)."""
    label = tr(f"prop.{key}")
    return key if label == f"prop.{key}" else label


def _details(node_id: str, lang: str, drawn: dict[str, api.NodeRef]) -> None:
    st.subheader(tr("graph.details"))
    try:
        d = data.fetch("node", node_id)
    except data.Unavailable:
        if node_id not in drawn:
            st.caption(tr("graph.no_selection"))
            return
        d = api.NodeDetails(drawn[node_id], [], [], [], 0, 0.0)  # what the canvas knows about it
    legend = _legend()
    types, edges = dict(legend.node_types), dict(legend.edge_types)
    st.markdown(f"**{md(node_label(d.node.label))}**")
    st.caption(f"{md(types.get(d.node.type, d.node.type))} · {tr('graph.degree')}: {d.degree} · "
               f"{tr('graph.centrality')}: {d.centrality:.4f}")
    b = st.columns(2)
    target = data.page_target(d)
    if target and b[0].button(tr("graph.open_page"), key="g_open", icon=":material/open_in_new:", type="primary"):
        page_key = {"van-ban": "document", "don-vi": "units"}[target[0]]
        go(page_key, **target[1])
    if node_id != param("node") and b[1].button(tr("graph.center"), key="g_center", icon=":material/center_focus_strong:"):
        _recenter(node_id)
    shown = [(k, v) for k, v in d.properties if k not in TECHNICAL]
    if shown:
        st.dataframe([{tr("col.property"): _prop(k), tr("col.value"): _value(k, v)} for k, v in shown],
                     hide_index=True, width="stretch", key="g_props")
    for title, rows, other in ((tr("graph.outgoing", n=len(d.outgoing)), d.outgoing, "target"),
                               (tr("graph.incoming", n=len(d.incoming)), d.incoming, "source")):
        if rows:
            with st.expander(title):
                st.dataframe([{tr("col.relation"): rel_label(e.type, edges.get(e.type, e.label), lang),
                               tr("col.node"): node_label(d.names.get(getattr(e, other))
                                                          or (drawn[getattr(e, other)].label if getattr(e, other) in drawn
                                                              else last_segment(getattr(e, other))))}
                              for e in rows[:200]], hide_index=True, width="stretch")
    if d.evidence:
        with st.expander(tr("graph.evidence"), expanded=True):
            docs = sorted({q.document for q in d.evidence[:10] if q.document})
            names = data.try_fetch("documents_by_id", docs, default={}) or {}
            st.html(quotes_html(d.evidence[:10], names))
    tech_details([(_prop(k), v) for k, v in d.properties if k in TECHNICAL]
                 + [(tr("tech.iri"), node_id)]
                 + [(f"{tr('tech.offsets')} · {q.path}", f"{q.start}–{q.end}") for q in d.evidence[:10]], lang)
