"""Đơn vị: a unit's worklist (lead / support / receives reports), exportable to XLSX and CSV.

URL: ``don-vi?unit=<IRI or name>``.
"""
from __future__ import annotations

import streamlit as st

from .. import data
from ..common import param, set_params, tr
from ..render import md, tasks_view


def render() -> None:
    lang = data.lang()
    st.title(tr("units.title"))
    try:
        units = data.fetch("units", "", limit=2000)
    except data.Unavailable:
        return
    wanted = param("unit")
    if not units and not wanted:
        st.info(tr("units.none"))
        return
    ids = [u.id for u in units]
    labels = {u.id: f"{u.label} ({u.count})" for u in units}
    if wanted and wanted not in labels:
        ids.insert(0, wanted)
        labels[wanted] = wanted
    chosen = st.selectbox(tr("units.pick"), ids, index=ids.index(wanted) if wanted in ids else 0,
                          format_func=lambda u: labels.get(u, u), key=f"unit_pick_{lang}")
    if chosen != wanted:
        set_params(unit=chosen)
    try:
        wl = data.fetch("worklist", chosen)
    except data.Unavailable:
        return
    st.subheader(md(wl.unit))
    everything = list({x.id: x for x in (*wl.lead, *wl.support, *wl.report_to)}.values())
    if everything:
        c1, c2, _ = st.columns([1, 1, 4])
        safe_name = "".join(ch if ch.isalnum() else "-" for ch in wl.unit).strip("-")[:60] or "don-vi"
        for col, fmt, mime, label in (
            (c1, "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "units.export_xlsx"),
            (c2, "csv", "text/csv", "units.export_csv"),
        ):
            # deferred: the file is built only when the officer clicks (XLSX costs ~0.5 s)
            col.download_button(tr(label), data.deferred_export(everything, fmt), file_name=f"nhiem-vu-{safe_name}.{fmt}",
                                mime=mime, key=f"unit_dl_{fmt}", icon=":material/download:", on_click="ignore")
    tabs = st.tabs([tr("units.lead", n=len(wl.lead)), tr("units.support", n=len(wl.support)),
                    tr("units.report_to", n=len(wl.report_to))])
    for tab, rows, key in zip(tabs, (wl.lead, wl.support, wl.report_to), ("lead", "support", "report")):
        with tab:
            if rows:
                tasks_view(rows, lang, key=f"unit_{key}")
            else:
                st.info(tr("units.empty_role"))
