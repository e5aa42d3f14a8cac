"""Hỏi: a question box on the same engine as ``cancu ask``; the answer as a table of tasks with
quotes and links to the document view.

URL: ``hoi?q=<question>[&unit=<unit>]``.
"""
from __future__ import annotations

import streamlit as st

from .. import data
from ..common import param, set_params, tr
from ..render import links_html, md, tasks_view

EXAMPLES = (
    "Nghị định 59/2023 yêu cầu gì?",
    "Luật Thực hiện dân chủ ở cơ sở yêu cầu gì?",
    "Phòng Tổ chức - Hành chính - Quản trị phải làm gì?",
    "Kế hoạch này căn cứ vào văn bản nào?",
)


def _use_example(question: str) -> None:
    st.session_state["ask_q"] = question


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
        answer = data.fetch("ask", q.strip(), unit=(unit or "").strip() or None)
    except data.Unavailable:
        return
    docs = ", ".join(answer.documents) or tr("ask.nothing")
    st.markdown(tr("ask.understood", docs=md(docs), unit=md(answer.unit or tr("ask.nothing"))))
    if answer.message:
        st.info(md(answer.message))
    if answer.tasks:
        st.subheader(tr("ask.n_tasks", n=len(answer.tasks)))  # "1 task" / "2 tasks"
        tasks_view(answer.tasks, lang, key="ask_tasks")
    elif not answer.links:
        st.warning(tr("ask.no_answer"))
    if answer.links:
        st.subheader(tr("ask.links"))
        st.html(links_html(answer.links, lang))
