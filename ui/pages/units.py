"""Đơn vị: the bodies that hold tasks (one per real body, with its province); a body's worklist
(lead / support / receives reports), exportable to Excel and CSV, and a link to its deadlines.

URL: ``don-vi?unit=<IRI or name>``.
"""
from __future__ import annotations

import streamlit as st

from .. import data
from ..common import go, param, set_params, tr
from ..render import md, tasks_view, tech_details, unit_label


def render() -> None:
    lang = data.lang()
    st.title(tr("units.title"))
    try:
        units = data.fetch("unit_rows")
    except data.Unavailable:
        return
    wanted = param("unit")
    if not units and not wanted:
        st.info(tr("units.none"))
        return
    ids = [u.id for u in units]
    labels = {u.id: unit_label(u, lang, count=True) for u in units}
    if wanted and wanted not in labels:
        ids.insert(0, wanted)
        labels[wanted] = wanted
    st.caption(tr("units.n_units", n=len(units)))
    chosen = st.selectbox(tr("units.pick"), ids, index=ids.index(wanted) if wanted in ids else 0,
                          format_func=lambda u: labels.get(u, u), key=f"unit_pick_{lang}")
    if chosen != wanted:
        set_params(unit=chosen)
    try:
        wl = data.fetch("worklist", chosen)
    except data.Unavailable:
        return
    shown = (wl.english or wl.unit) if lang == "en" else wl.unit
    st.subheader(md(f"{shown} ({wl.place})" if wl.place else shown))
    where = tr("units.national") if wl.national else (tr("units.place", place=wl.place) if wl.place
                                                        else tr("units.place_unknown"))
    other = tr("units.english", name=wl.unit if lang == "en" else wl.english) if wl.english else ""
    st.caption(md(" · ".join(x for x in (where, other) if x)))
    everything = list({x.id: x for x in (*wl.lead, *wl.support, *wl.report_to)}.values())
    roles: dict[str, list[str]] = {}
    for role, rows in (("lead", wl.lead), ("support", wl.support), ("report_to", wl.report_to)):
        for x in rows:
            roles.setdefault(x.id, []).append(role)
    if everything:
        c1, c2, c3, _ = st.columns([1.5, 1.1, 1.7, 1])
        safe_name = "".join(ch if ch.isalnum() else "-" for ch in wl.unit + " " + (wl.place or "")).strip("-")[:60]
        title = tr("units.export_title", unit=f"{shown} ({wl.place})" if wl.place else shown)
        for col, fmt, mime, label in (
            (c1, "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "units.export_xlsx"),
            (c2, "csv", "text/csv", "units.export_csv"),
        ):
            # deferred: the file is built only when the officer clicks (XLSX costs ~0.5 s)
            col.download_button(tr(label), data.deferred_export(everything, fmt, lang_=lang, roles=roles, title=title),
                                file_name=f"nhiem-vu-{safe_name or 'don-vi'}.{fmt}", mime=mime, key=f"unit_dl_{fmt}",
                                icon=":material/download:", on_click="ignore")
        if c3.button(tr("dl.open_unit"), key="unit_dl", icon=":material/event:"):
            go("deadlines", unit=wl.unit_id)
    tabs = st.tabs([tr("units.lead", n=len(wl.lead)), tr("units.support", n=len(wl.support)),
                    tr("units.report_to", n=len(wl.report_to))])
    for tab, rows, key in zip(tabs, (wl.lead, wl.support, wl.report_to), ("lead", "support", "report")):
        with tab:
            if rows:
                tasks_view(rows, lang, key=f"unit_{key}")
            else:
                st.info(tr("units.empty_role"))
    tech_details([(tr("tech.iri"), wl.unit_id)], lang)
