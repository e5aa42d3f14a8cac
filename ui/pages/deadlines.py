"""Hạn xử lý: every task with a deadline on a timeline by month or quarter; filters by unit,
document, the unit's role and status (overdue as of today, due this month / quarter, upcoming,
recurring); the list as an iCalendar file (Outlook, Google Calendar) and as Excel.

URL: ``han-xu-ly?unit=<IRI>&doc=<IRI>&role=lead|support|report_to&status=overdue|…&by=month|quarter
[&today=YYYY-MM-DD]`` (``today`` fixes the day the status is computed for, e.g. in tests).
"""
from __future__ import annotations

import streamlit as st

from graph.deadlines import STATUSES

from .. import data
from ..common import param, set_params, tr
from ..render import date_text, deadline_cards_html, timeline_html, unit_label

ROLES = ("", "lead", "support", "report_to")
CARD_LIMIT = 300


def render() -> None:
    lang = data.lang()
    st.title(tr("dl.title"))
    today = data.today()
    units = data.try_fetch("unit_rows", default=[]) or []
    docs = [d for d in (data.try_fetch("documents", ingested_only=True, limit=5000, default=[]) or []) if d.tasks]
    unit_ids = [""] + [u.id for u in units]
    unit_names = {u.id: unit_label(u, lang) for u in units} | {"": tr("dl.all")}
    doc_ids = [""] + [d.id for d in docs]
    doc_names = {d.id: d.display for d in docs} | {"": tr("dl.all")}
    want_unit, want_doc = param("unit"), param("doc")
    if want_unit and want_unit not in unit_names:
        unit_ids.append(want_unit)
        unit_names[want_unit] = want_unit
    if want_doc and want_doc not in doc_names:
        doc_ids.append(want_doc)
        doc_names[want_doc] = want_doc

    c = st.columns([4, 4, 2, 2])
    unit = c[0].selectbox(tr("dl.unit"), unit_ids, index=unit_ids.index(want_unit) if want_unit in unit_ids else 0,
                          format_func=lambda u: unit_names.get(u, u), key=f"dl_unit_{lang}")
    doc = c[1].selectbox(tr("dl.document"), doc_ids, index=doc_ids.index(want_doc) if want_doc in doc_ids else 0,
                         format_func=lambda d: doc_names.get(d, d), key=f"dl_doc_{lang}")
    role_names = {"": tr("dl.any_role"), "lead": tr("role.lead"), "support": tr("role.support"),
                  "report_to": tr("role.report_to")}
    role = c[2].selectbox(tr("dl.role"), ROLES, index=ROLES.index(param("role")) if param("role") in ROLES else 0,
                          format_func=role_names.get, key=f"dl_role_{lang}", disabled=not unit)
    by_names = {"month": tr("dl.by.month"), "quarter": tr("dl.by.quarter")}
    by = c[3].radio(tr("dl.by"), ("month", "quarter"), index=1 if param("by") == "quarter" else 0,
                    format_func=by_names.get, key=f"dl_by_{lang}", horizontal=True)
    try:
        base = data.fetch("deadlines", today=today, unit=unit or None, document=doc or None,
                          role=(role or None) if unit else None)
    except data.Unavailable:
        return
    st.caption(tr("dl.intro", today=date_text(base.today, lang)))
    options = ("", *STATUSES)
    wanted = param("status") if param("status") in options else ""
    status = st.segmented_control(
        tr("dl.status"), options, default=wanted,
        format_func=lambda k: (f"{tr('dl.status.' + k)} ({base.counts.get(k, 0)})" if k
                               else f"{tr('dl.status.all')} ({sum(base.counts.values())})"),
        key=f"dl_status_{lang}") or ""
    set_params(unit=unit or None, doc=doc or None, role=(role or None) if unit else None, status=status or None,
               by=by if by != "month" else None)
    view = base
    if status:
        try:
            view = data.fetch("deadlines", today=today, unit=unit or None, document=doc or None,
                              role=(role or None) if unit else None, status=status)
        except data.Unavailable:
            return
    if not view.rows:
        st.info(tr("dl.none"))
        return
    d1, d2, _ = st.columns([1.6, 1.2, 2.2])
    stem = "han-xu-ly" + (f"-{status}" if status else "")
    d1.download_button(tr("dl.ics"), data.deferred_ics(view.rows, lang), file_name=f"{stem}.ics",
                       mime="text/calendar", key="dl_ics", icon=":material/calendar_month:", on_click="ignore",
                       help=tr("dl.ics_help"))
    roles = {r.task.id: r.roles for r in view.rows} if unit else None
    d2.download_button(tr("dl.xlsx"), data.deferred_export([r.task for r in view.rows], "xlsx", lang_=lang, roles=roles,
                                                            title=tr("dl.title") + (f" — {unit_names.get(unit)}" if unit else "")),
                       file_name=f"{stem}.xlsx", key="dl_xlsx", icon=":material/download:", on_click="ignore",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    st.html(timeline_html(view.rows, by, lang))
    if view.total > len(view.rows):
        st.caption(tr("dl.more", shown=len(view.rows), n=view.total))
    st.html(deadline_cards_html(view.rows[:CARD_LIMIT], by, lang))
