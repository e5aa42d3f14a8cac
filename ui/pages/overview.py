"""Tổng quan: what is in the store — counts, most-cited directives, busiest units, ingestion log."""
from __future__ import annotations

import streamlit as st

from .. import data
from ..common import go, tr
from ..render import doc_url, url

EXAMPLE_QUESTION = "Nghị định 59/2023 yêu cầu gì?"


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

    with st.container(border=True):
        st.markdown(f"**{tr('overview.start')}**")
        b = st.columns(3)
        if b[0].button(tr("overview.try_ask", q=EXAMPLE_QUESTION), key="ov_ask", width="stretch"):
            go("ask", q=EXAMPLE_QUESTION)
        if b[1].button(tr("nav.directives"), key="ov_dir", width="stretch", icon=":material/account_tree:"):
            go("directives")
        if b[2].button(tr("nav.graph"), key="ov_graph", width="stretch", icon=":material/hub:"):
            go("graph")

    left, right = st.columns(2)
    with left:
        st.subheader(tr("overview.most_cited"))
        if not ov.most_cited:
            st.caption(tr("overview.nothing_yet"))
        else:
            st.dataframe(
                [{tr("col.document"): r.label, tr("col.cited_by"): r.count, tr("col.link"): doc_url(r.id, lang)}
                 for r in ov.most_cited],
                hide_index=True, width="stretch", key="ov_cited",
                column_config={tr("col.link"): st.column_config.LinkColumn(display_text=tr("open"), width="small")},
            )
    with right:
        st.subheader(tr("overview.busiest"))
        if not ov.busiest_units:
            st.caption(tr("overview.nothing_yet"))
        else:
            st.dataframe(
                [{tr("col.unit"): r.label, tr("col.tasks"): r.count, tr("col.link"): url("units", lang, unit=r.id)}
                 for r in ov.busiest_units],
                hide_index=True, width="stretch", key="ov_units",
                column_config={tr("col.link"): st.column_config.LinkColumn(display_text=tr("open"), width="small")},
            )
    st.subheader(tr("overview.log"))
    if not ov.ingest_log:
        st.caption(tr("overview.nothing_yet"))
        return
    st.dataframe(
        [{tr("col.at"): r.at, tr("col.document"): r.label, tr("col.path"): r.path, tr("col.tasks"): r.tasks,
          tr("col.citations"): r.citations, tr("col.triples"): r.triples, tr("col.link"): doc_url(r.document, lang)}
         for r in ov.ingest_log],
        hide_index=True, width="stretch", key="ov_log",
        column_config={tr("col.link"): st.column_config.LinkColumn(display_text=tr("open"), width="small")},
    )
