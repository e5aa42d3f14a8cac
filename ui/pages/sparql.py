"""SPARQL: a read-only console with example queries; updates are refused and queries time out.

URL: ``sparql?ex=<example number>`` or ``sparql?query=<text>``.
"""
from __future__ import annotations

import streamlit as st

from .. import data
from ..common import param, set_params, tr

TIMEOUT_S = 10.0


def _choose_example(examples: list[tuple[str, str, str]]) -> None:
    i = st.session_state.get("sq_ex")
    if i is not None:
        st.session_state["sq_text"] = examples[i][2]


def render() -> None:
    lang = data.lang()
    st.title(tr("sparql.title"))
    st.caption(tr("sparql.intro", s=int(TIMEOUT_S)))
    examples = data.try_fetch("sparql_examples", default=[]) or []
    if "sq_text" not in st.session_state:
        ex = param("ex")
        if ex.isdigit() and int(ex) < len(examples):
            st.session_state["sq_text"] = examples[int(ex)][2]
        else:
            st.session_state["sq_text"] = param("query") or (examples[0][2] if examples else "")
    if examples:
        st.selectbox(tr("sparql.examples"), range(len(examples)), index=None,
                     format_func=lambda i: examples[i][1 if lang == "en" else 0], key="sq_ex",
                     placeholder=tr("sparql.pick"), on_change=_choose_example, args=(examples,))
    with st.form("sq_form", border=False):
        query = st.text_area(tr("sparql.query"), key="sq_text", height=180)
        run = st.form_submit_button(tr("sparql.run"), type="primary", icon=":material/play_arrow:")
        st.caption(tr("sparql.hint"))
    if not (run or param("query") or param("ex")) or not query.strip():
        return
    set_params(query=query if len(query) < 1500 else None, ex=None)
    try:
        res = data.fetch("sparql", query, timeout_s=TIMEOUT_S, limit=5000, cache=False)
    except data.Unavailable:
        return
    if res.boolean is not None:
        st.success(tr("sparql.ask", v=res.boolean))
        return
    st.caption(tr("sparql.rows", n=len(res.rows), ms=res.elapsed_ms))
    if res.truncated:
        st.warning(tr("sparql.truncated"))
    table = [dict(zip(res.columns, row)) for row in res.rows]
    st.dataframe(table, hide_index=True, width="stretch", key="sq_result")
    csv = data.to_csv(res.columns, res.rows)
    st.download_button(tr("sparql.download"), csv, file_name="sparql.csv", mime="text/csv", on_click="ignore",
                       icon=":material/download:", key="sq_dl")
