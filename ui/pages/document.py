"""Văn bản: find a document; read its text with citations/units/dates highlighted, its structure,
its "Lược đồ" (what it is based on, up to the central documents, and what applies it) and its tasks.

URL: ``van-ban?doc=<IRI>[&tab=text|structure|schema|tasks|required][&item=II.2.1]``, or ``van-ban?q=…``.
"""
from __future__ import annotations

import streamlit as st

from .. import data
from ..common import go, param, set_params, tr
from ..render import (compact_text, doc_rows, highlight_legend_html, highlighted_html, links_html, md,
                      selectable_table, structure_html, tasks_view)

TABS = ("text", "structure", "schema", "tasks", "required")


def render() -> None:
    doc_id = param("doc")
    if doc_id:
        _record(doc_id)
    else:
        _search()


def _search() -> None:
    lang = data.lang()
    st.title(tr("doc.title"))
    q = st.text_input(tr("doc.search"), value=param("q"), placeholder=tr("doc.search_ph"), key="doc_q")
    if q != param("q"):
        set_params(q=q)
    try:
        docs = data.fetch("documents", q, limit=500)
    except data.Unavailable:
        return
    if not docs:
        st.info(tr("doc.none"))
        return
    st.caption(tr("doc.pick"))
    picked = selectable_table(doc_rows(docs, lang), key=f"doc_list_{lang}")
    if picked is not None:
        set_params(doc=docs[picked].id, q=None)
        st.rerun()


def _record(doc_id: str) -> None:
    lang = data.lang()
    if st.button(tr("doc.back"), key="doc_back", type="tertiary"):
        set_params(doc=None, tab=None, item=None)
        st.rerun()
    try:
        rec = data.fetch("document", doc_id)
    except data.Unavailable:
        return
    row = rec.row
    # document text is text: md() keeps Markdown in a title (an image, a link, **bold**) inert
    st.title(md(row.symbol or row.title) if (row.symbol or row.title) else tr("doc.untitled"))
    if row.symbol and row.title:
        st.markdown(f"**{md(row.type)}** — {md(row.title)}" if row.type else md(row.title))
    meta = [(tr("doc.meta.type"), row.type), (tr("doc.meta.date"), row.date), (tr("doc.meta.issuer"), row.issuer),
            (tr("doc.signer"), rec.signer), (tr("doc.meta.path"), rec.path)]
    st.caption(" · ".join(f"{k}: {md(v)}" for k, v in meta if v))
    if st.button(tr("doc.open_graph"), key="doc_graph", icon=":material/hub:"):
        go("graph", node=doc_id)

    labels = {
        "text": tr("doc.tab.text"), "structure": tr("doc.tab.structure"),
        "schema": f"{tr('doc.tab.schema')} ({len(rec.basis)} / {len(rec.applied_by)})",
        "tasks": f"{tr('doc.tab.tasks')} ({len(rec.tasks)})",
        "required": f"{tr('doc.tab.required')} ({len(rec.required_by_it)})",
    }
    wanted = param("tab")
    if wanted not in TABS:
        wanted = "text" if rec.text else "schema"
    tabs = dict(zip(TABS, st.tabs([labels[k] for k in TABS], default=labels[wanted], on_change="rerun",
                                  key=f"doc_tabs_{lang}")))

    if tabs["text"].open:
        with tabs["text"]:
            item = param("item")
            focus = next((x for x in rec.tasks if x.number == item), None) if item else None
            if focus is not None:
                st.info(f"**{md(focus.number)}** — {md(focus.source.text if focus.source else focus.text)}")
            if rec.text:
                st.html(highlight_legend_html(lang))
                text, highlights = compact_text(rec.text, rec.highlights)  # blank-line runs shortened, for display
                st.html(highlighted_html(text, highlights, lang))
            else:
                st.info(tr("doc.no_text"))
    if tabs["structure"].open:
        with tabs["structure"]:
            if rec.structure:
                st.html(structure_html(rec.structure))
            else:
                st.info(tr("doc.no_structure"))
    if tabs["schema"].open:
        with tabs["schema"]:
            up, down = st.columns(2)
            with up:
                st.subheader(tr("doc.basis"))
                st.html(links_html(rec.basis, lang))
            with down:
                st.subheader(tr("doc.applied_by"))
                st.html(links_html(rec.applied_by, lang))
    if tabs["tasks"].open:
        with tabs["tasks"]:
            if rec.tasks:
                tasks_view(rec.tasks, lang, key="doc_tasks", with_document=False)
            else:
                st.info(tr("doc.no_tasks"))
    if tabs["required"].open:
        with tabs["required"]:
            if rec.required_by_it:
                tasks_view(rec.required_by_it, lang, key="doc_required")
            else:
                st.info(tr("doc.no_required"))
