"""Văn bản: find a document; read its text with citations/units/dates highlighted, its structure,
its "Lược đồ" (what it is based on, up to the central documents, and what applies it) and its tasks.

URL: ``van-ban?doc=<IRI>[&tab=text|structure|schema|tasks|required][&item=II.2.1][&back=<IRI>]``, or
``van-ban?q=…`` (``back``: the document this one was opened from, linked back to).
"""
from __future__ import annotations

import streamlit as st

from graph.api import TASK_KINDS

from .. import data
from ..common import go, param, set_params, tr
from ..render import (compact_text, date_text, doc_rows, doc_url, esc, highlight_legend_html, highlighted_html,
                      links_html, md, selectable_table, structure_html, tasks_view, tech_details)

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
    back = param("back")
    top = st.columns([1, 3])
    if top[0].button(tr("doc.back"), key="doc_back", type="tertiary"):
        set_params(doc=None, tab=None, item=None, back=None)
        st.rerun()
    if back and back != doc_id:
        came = data.try_fetch("documents_by_id", [back], default={}) or {}
        name = came.get(back) or back
        top[1].html(f'<a href="{esc(doc_url(back, lang))}" target="_self">{esc(tr("doc.back_to", d=name))}</a>')
    try:
        rec = data.fetch("document", doc_id)
    except data.Unavailable:
        return
    row = rec.row
    # document text is text: md() keeps Markdown in a title (an image, a link, **bold**) inert
    st.title(md((row.display or row.symbol or row.title or tr("doc.untitled")).split(" — ")[0]))
    if row.title and row.title not in (row.display or ""):
        st.markdown(f"**{md(row.type)}** — {md(row.title)}" if row.type else md(row.title))
    meta = [(tr("doc.meta.type"), row.type), (tr("doc.meta.date"), date_text(row.date, lang)),
            (tr("doc.meta.issuer"), row.issuer_shown or row.issuer), (tr("doc.signer"), rec.signer)]
    st.caption(" · ".join(f"{k}: {md(v)}" for k, v in meta if v))
    if st.button(tr("doc.open_graph"), key="doc_graph", icon=":material/hub:"):
        go("graph", node=doc_id)

    tasks = [x for x in rec.tasks if x.kind in TASK_KINDS]
    labels = {
        "text": tr("doc.tab.text"), "structure": tr("doc.tab.structure"),
        "schema": f"{tr('doc.tab.schema')} ({len(rec.basis)} / {len(rec.applied_by)})",
        "tasks": f"{tr('doc.tab.tasks')} ({len(tasks)})",
        "required": f"{tr('doc.tab.required')} ({len(rec.required_by_it)})",
    }
    wanted = param("tab")
    if wanted not in TABS:
        wanted = "text" if rec.text else ("schema" if not rec.required_by_it else "required")
    tabs = dict(zip(TABS, st.tabs([labels[k] for k in TABS], default=labels[wanted], on_change="rerun",
                                  key=f"doc_tabs_{lang}")))

    if tabs["text"].open:
        with tabs["text"]:
            item = param("item")
            focus = next((x for x in rec.tasks if x.number == item), None) if item else None
            if focus is not None:
                st.info(f"**{md(focus.number)}** — {md(focus.shown or focus.text)}")
            if rec.text:
                st.html(highlight_legend_html(lang))
                text, highlights = compact_text(rec.text, rec.highlights)  # blank-line runs shortened, for display
                st.html(highlighted_html(text, highlights, lang, back=doc_id))
            else:
                st.info(tr("doc.no_text"))
                if rec.applied_by:
                    st.subheader(tr("doc.cited_by_list", n=len(rec.applied_by)))
                    st.html(links_html(rec.applied_by, lang, back=doc_id))
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
                st.html(links_html(rec.basis, lang, back=doc_id))
            with down:
                st.subheader(tr("doc.applied_by"))
                st.html(links_html(rec.applied_by, lang, back=doc_id))
    if tabs["tasks"].open:
        with tabs["tasks"]:
            if tasks:
                st.caption(tr("doc.items_note"))
                tasks_view(tasks, lang, key="doc_tasks", with_document=False)
            else:
                st.info(tr("doc.no_tasks"))
    if tabs["required"].open:
        with tabs["required"]:
            if rec.required_by_it:
                tasks_view(rec.required_by_it, lang, key="doc_required")
            else:
                st.info(tr("doc.no_required"))
    props = dict(data.try_fetch("properties", doc_id, default=[]) or [])
    tech_details([(tr("doc.meta.path"), rec.path), (tr("tech.sha"), props.get("sha256")),
                  (tr("tech.scope"), props.get("jurisdiction")), (tr("tech.iri"), doc_id),
                  (tr("prop.sourceFormat"), props.get("sourceFormat")),
                  (tr("prop.generatedAtTime"), props.get("generatedAtTime"))], lang)
