"""Hỏi: a question box on the same engine as ``cancu ask``; the answer says how it understood the
question (documents, units and roles, dates, words) in the app's language, lists the units and
their roles for a "who" question, then the tasks with quotes and links to the document view.

URL: ``hoi?q=<question>[&unit=<unit>]``.
"""
from __future__ import annotations

import datetime

import streamlit as st

from .. import data
from ..common import param, set_params, tr
from ..render import links_html, md, tasks_view

EXAMPLES = (
    "Nghị định 59/2023 yêu cầu gì?",
    "Trung tâm Thông tin chủ trì những nhiệm vụ nào?",
    "Ai báo cáo Sở Nội vụ?",
    "Who must publish news on the website?",
    "Nhiệm vụ nào phải hoàn thành trong Quý IV/2026?",
    "Kế hoạch này căn cứ vào văn bản nào?",
)


def _use_example(question: str) -> None:
    st.session_state["ask_q"] = question


def _who_table(answer, lang: str) -> None:
    """The units and their roles, each with its task (English names on the English side)."""
    rows = []
    for w in answer.who:
        rows.append({tr("ask.who.unit"): (w.english or w.unit) if lang == "en" else w.unit,
                     tr("ask.who.role"): tr(f"ask.role.{w.role}"),
                     tr("ask.who.task"): w.number, tr("ask.who.document"): w.document_label})
    st.subheader(tr("ask.who", n=len({w.unit for w in answer.who})))
    st.dataframe(rows, hide_index=True, use_container_width=True, key="ask_who")


def render() -> None:
    lang = data.lang()
    st.title(tr("ask.title"))
    if "ask_q" not in st.session_state:
        st.session_state["ask_q"] = param("q")
    if "ask_unit" not in st.session_state:
        st.session_state["ask_unit"] = param("unit")
    # plain inputs, no st.form: Enter in either box answers, and no English "submit form" hint
    q = st.text_input(tr("ask.box"), placeholder=tr("ask.placeholder"), key="ask_q")
    unit = st.text_input(tr("ask.unit"), key="ask_unit")
    st.button(tr("ask.submit"), type="primary", icon=":material/search:", key="ask_submit", help=tr("ask.hint"))
    st.caption(tr("ask.examples"))
    start = data.try_fetch("start_points")  # built from what this store holds; the seed's as a fallback
    examples = (start.questions_en if lang == "en" else start.questions_vi) if start else []
    examples = list(examples) or list(EXAMPLES)
    cols = st.columns(len(examples))
    for i, example in enumerate(examples):
        cols[i].button(md(example), key=f"ask_ex_{i}", on_click=_use_example, args=(example,), type="tertiary")
    if (q or "") != param("q") or (unit or "") != param("unit"):
        set_params(q=q, unit=unit)
    if not q or not q.strip():
        return
    try:
        # today in the arguments: an "overdue" answer is not kept past midnight
        answer = data.fetch("ask", q.strip(), unit=(unit or "").strip() or None,
                            today=datetime.date.today().isoformat())
    except data.Unavailable:
        return
    understood = answer.understood or {}
    line = understood.get("text_en" if lang == "en" else "text_vi") or understood.get("text") or \
        tr("ask.understood", docs=", ".join(answer.documents) or tr("ask.nothing"), unit=answer.unit or tr("ask.nothing"))
    # the line repeats the asker's words and unit names: Markdown-escaped (render.md)
    st.markdown(f":material/psychology: {md(line)}", help=tr("ask.kind", kind=tr(f"ask.kind.{answer.intent}")))
    st.caption(tr("ask.kind", kind=tr(f"ask.kind.{answer.intent}")))
    if answer.message:
        st.info(md(answer.message) if answer.lang == lang else tr("ask.no_answer"))
    if answer.who:
        _who_table(answer, lang)
    if answer.tasks:
        st.subheader(tr("ask.n_tasks", n=len(answer.tasks)))
        if answer.total > len(answer.tasks):
            st.caption(tr("ask.total", n=len(answer.tasks), total=answer.total))
        tasks_view(answer.tasks, lang, key="ask_tasks")
    elif not answer.links and not answer.message:
        st.warning(tr("ask.no_answer"))
    if answer.links:
        st.subheader(tr("ask.links"))
        st.html(links_html(answer.links, lang))
