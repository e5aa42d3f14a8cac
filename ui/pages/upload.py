"""Nạp văn bản: upload .txt, .pdf or .docx (size-limited), preview what was extracted, then ingest.
Errors are shown as one line, never a traceback.
"""
from __future__ import annotations

import json

import streamlit as st

from graph import api

from .. import data
from ..common import go, tr
from ..render import md

TYPES = ["txt", "pdf", "docx"]
MAX_MB = api.MAX_UPLOAD_BYTES // (1024 * 1024)
TITLE_MAX = 300  # a title that ran on into the body is cut for the preview (the facts below keep it whole)


def _reason(name: str, error: str | None) -> str:
    """The reader's one line without the file name it repeats ("x.pdf: empty file" → "empty file")."""
    error = (error or "").strip()
    return error[len(name) + 1:].strip() if error.startswith(name + ":") else error


def _show_error(name: str, error: str | None, kind: str | None) -> None:
    """The problem in the session's language when its kind is known, the reader's own line below it."""
    reason = md(_reason(name, error))
    key = f"upload.err.{kind}"
    if kind and tr(key, mb=MAX_MB) != key:
        st.error(tr("upload.failed", name=md(name), error=tr(key, mb=MAX_MB)))
        st.caption(tr("upload.detail", error=reason))
    else:
        st.error(tr("upload.failed", name=md(name), error=reason))


def render() -> None:
    st.title(tr("upload.title"))
    st.caption(tr("upload.intro", mb=MAX_MB))
    handle = data.handle()
    if handle.read_only:
        st.warning(tr("upload.readonly"))
    up = st.file_uploader(tr("upload.file"), type=TYPES, key="up_file", max_upload_size=MAX_MB)
    if up is None:
        return
    size = up.size
    if size > api.MAX_UPLOAD_BYTES:
        st.error(tr("upload.too_large", name=md(up.name), size=size / 1024 / 1024, mb=MAX_MB))
        return
    blob = up.getvalue()
    try:
        preview = data.fetch("preview_upload", up.name, blob, cache=False)
    except data.Unavailable:
        return
    st.subheader(tr("upload.preview"))
    if not preview.ok:
        _show_error(up.name, preview.error, getattr(preview, "error_kind", None))
        return
    doc = preview.document or {}
    # what the document says is text, never Markdown (md): a title may hold ![x](http://…)
    st.markdown(" · ".join(md(doc.get(k)) for k in ("type", "symbol", "date", "issuer") if doc.get(k)) or md(up.name))
    if doc.get("title"):
        title = str(doc["title"])
        st.caption(md(title if len(title) <= TITLE_MAX else title[:TITLE_MAX].rsplit(" ", 1)[0] + " …"))
    st.info(tr("upload.summary", citations=preview.citations, tasks=preview.tasks, units=preview.units,
               triples=preview.triples))
    if preview.replaces:
        st.warning(tr("upload.replaces"))
    if preview.warnings:  # facts the ingest repairs or leaves out (plain text: they quote the document)
        with st.expander(tr("upload.warnings", n=len(preview.warnings)), icon=":material/build:"):
            st.text("\n".join(preview.warnings[:500]))
    if preview.facts:
        with st.expander(tr("upload.facts")):
            st.code(json.dumps(preview.facts, ensure_ascii=False, indent=1)[:200_000], language="json")
    if st.button(tr("upload.ingest"), type="primary", key="up_ingest", disabled=handle.read_only,
                 icon=":material/database_upload:"):
        try:
            res = data.write("ingest_upload", up.name, blob)
        except data.Unavailable as e:
            st.error(str(e))
            return
        if res.ok:
            st.session_state["up_done"] = (up.name, res.document)
        else:
            _show_error(up.name, res.error, getattr(res, "error_kind", None))
    done = st.session_state.get("up_done")
    if done and done[0] == up.name:
        st.success(tr("upload.done", name=md(done[0])))
        if done[1] and st.button(tr("upload.open"), key="up_open"):
            go("document", doc=done[1])
