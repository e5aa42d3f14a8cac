"""Chỉ đạo → Nhiệm vụ: the directive × task matrix; pick any cited document (searchable) to see
the tasks deriving from it (directly or through documents that detail it) with lead, support and
report units and the quote.

URL: ``chi-dao?directive=<IRI>[&unit=<unit>]``.
"""
from __future__ import annotations

import streamlit as st

from .. import data
from ..common import param, set_params, tr
from ..render import md, tasks_view, unit_label


def render() -> None:
    lang = data.lang()
    st.title(tr("dir.title"))
    st.caption(tr("dir.intro"))
    try:
        choices = data.fetch("directive_choices")
    except data.Unavailable:
        return
    if not choices:
        st.info(tr("dir.none"))
        return
    ids = [d.id for d in choices]
    labels = {d.id: f"{d.label} ({d.count})" for d in choices}
    current = param("directive")
    if current and current not in labels:  # a deep link to a document not cited by an ingested one
        labels[current] = (data.try_fetch("documents_by_id", [current], default={}) or {}).get(current, current)
        ids.append(current)
    if not current:  # the store's most cited directive that tasks derive from
        start = data.try_fetch("start_points")
        current = start.directive.id if start and start.directive and start.directive.id in labels else ""
    index = ids.index(current) if current in ids else 0
    left, right = st.columns([2, 1])
    chosen = left.selectbox(tr("dir.pick"), ids, index=index, format_func=labels.get, key=f"dir_pick_{lang}",
                            help=tr("dir.pick_help"))
    units = data.try_fetch("unit_rows", default=[]) or []
    unit_ids = [""] + [u.id for u in units]
    unit_labels = {u.id: unit_label(u, lang) for u in units} | {"": tr("dir.all_units")}
    unit = param("unit")
    chosen_unit = right.selectbox(tr("dir.unit_filter"), unit_ids,
                                  index=unit_ids.index(unit) if unit in unit_ids else 0,
                                  format_func=lambda u: unit_labels.get(u, u), key=f"dir_unit_{lang}")
    if chosen != current or chosen_unit != unit:
        set_params(directive=chosen, unit=chosen_unit or None)

    try:
        tasks = data.fetch("requirements", chosen, unit=chosen_unit or None)
    except data.Unavailable:
        tasks = None
    if tasks is not None:
        st.subheader(tr("dir.tasks_of", d=md(labels.get(chosen, chosen).rsplit(" (", 1)[0])))
        if tasks:
            tasks_view(tasks, lang, key="dir_tasks")
        else:
            st.info(tr("dir.no_tasks"))

    try:
        matrix = data.fetch("matrix", max_directives=40)
    except data.Unavailable:
        return
    if not matrix.directives:
        return
    st.subheader(tr("dir.matrix"))
    columns, seen = [], set()
    for task in matrix.tasks:
        name = task.number if task.number not in seen else f"{task.document_label} {task.number}"
        seen.add(task.number)
        columns.append(name)
    rows = [{tr("col.document"): d.label, **{c: ("●" if cell else "") for c, cell in zip(columns, row)}}
            for d, row in zip(matrix.directives, matrix.cells)]
    st.dataframe(rows, hide_index=True, width="stretch", key="dir_matrix",
                 column_config={tr("col.document"): st.column_config.TextColumn(pinned=True, width="medium")})
