"""Tổng quan: what is in the store — counts, where to start (built from what the store holds: its
most cited directive, its busiest unit, the deadlines), most-cited directives, busiest units,
ingestion log."""
from __future__ import annotations

import streamlit as st

from .. import data
from ..common import go, tr
from ..render import date_text, doc_url, md, tech_details, unit_label, url


def render() -> None:
    lang = data.lang()
    st.title(tr("overview.title"))
    st.caption(tr("app.caption"))
    try:
        ov = data.fetch("overview", top=10)
    except data.Unavailable:
        return
    if not ov.documents:
        st.info(tr("store.empty"))
    c = st.columns(5)
    c[0].metric(tr("overview.documents"), ov.documents)
    c[1].metric(tr("overview.cited"), ov.cited_documents)
    c[2].metric(tr("overview.tasks"), ov.tasks)
    c[3].metric(tr("overview.units"), ov.units)
    c[4].metric(tr("overview.citations"), ov.citations)

    start = data.try_fetch("start_points")
    questions = (start.questions_en if lang == "en" else start.questions_vi) if start else []
    late = data.try_fetch("deadlines", today=data.today(), status="overdue", limit=1)
    with st.container(border=True):
        st.markdown(f"**{tr('overview.start')}**")
        b = st.columns(2)
        for i, q in enumerate(questions[:2]):
            if b[i].button(tr("overview.try_ask", q=md(q)), key=f"ov_ask_{i}", width="stretch", icon=":material/help:"):
                go("ask", q=q)
        b = st.columns(3)
        if late is not None and b[0].button(tr("overview.start_deadlines", n=late.counts.get("overdue", 0)),
                                            key="ov_dl", width="stretch", icon=":material/event:"):
            go("deadlines", status="overdue")
        if b[1].button(tr("nav.directives"), key="ov_dir", width="stretch", icon=":material/account_tree:"):
            go("directives", directive=start.directive.id if start and start.directive else None)
        if b[2].button(tr("nav.graph"), key="ov_graph", width="stretch", icon=":material/hub:"):
            go("graph", node=start.directive.id if start and start.directive else None)

    left, right = st.columns(2)
    link = st.column_config.LinkColumn(display_text=tr("open"), width="small")
    with left:
        st.subheader(tr("overview.most_cited"))
        if not ov.most_cited:
            st.caption(tr("overview.nothing_yet"))
        else:
            st.dataframe(
                [{tr("col.document"): r.label, tr("col.cited_by"): r.count, tr("col.link"): doc_url(r.id, lang)}
                 for r in ov.most_cited],
                hide_index=True, width="stretch", key="ov_cited",
                column_config={tr("col.document"): st.column_config.TextColumn(width=330), tr("col.link"): link})
    with right:
        st.subheader(tr("overview.busiest"))
        if not ov.busiest_units:
            st.caption(tr("overview.nothing_yet"))
        else:
            rows = (data.try_fetch("unit_rows", default=[]) or []) if lang == "en" else []
            named = {u.id: unit_label(u, lang) for u in rows}
            st.dataframe(
                [{tr("col.unit"): named.get(r.id, r.label), tr("col.tasks"): r.count,
                  tr("col.link"): url("units", lang, unit=r.id)} for r in ov.busiest_units],
                hide_index=True, width="stretch", key="ov_units",
                column_config={tr("col.unit"): st.column_config.TextColumn(width=330), tr("col.link"): link})
    st.subheader(tr("overview.log"))
    if not ov.ingest_log:
        st.caption(tr("overview.nothing_yet"))
        return
    st.dataframe(
        [{tr("col.at"): date_text(r.at, lang), tr("col.document"): r.label, tr("col.tasks"): r.tasks,
          tr("col.citations"): r.citations, tr("col.link"): doc_url(r.document, lang)}
         for r in ov.ingest_log],
        hide_index=True, width="stretch", key="ov_log", column_config={tr("col.link"): link})
    tech_details([(f"{tr('col.path')} · {r.label}", r.path) for r in ov.ingest_log[:50]], lang)
