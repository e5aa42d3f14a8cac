"""The app's only door to the graph: one cached store handle, cached query results, and errors
turned into one line on screen.

Every query goes through :func:`fetch`, which calls one method of :class:`graph.api.KnowledgeGraph`
and caches its result with ``st.cache_data`` keyed by ``(location, kg.version(), method, args)``,
so an ingest (which changes the version) invalidates everything at once.

Adapters over the facade (things the app needs that ``graph.api`` does not offer as one call)
live here and are listed in ``ADAPTERS``; each is a thin composition of facade calls.
"""
from __future__ import annotations

import csv
import importlib
import io
import logging
import os
import threading
from pathlib import Path
from typing import Any

import streamlit as st

from graph import api
from graph.errors import GraphError
from graph.export import csv_cell
from graph.ids import task_document
from graph.store import default_location

from .i18n import t
from .render import md, use_english_lookup

log = logging.getLogger("cancu.app")
ROOT = Path(__file__).resolve().parent.parent
SEED_DIR = ROOT / "data" / "seed"

# Things the facade does not provide in one call, composed here from facade calls.
ADAPTERS = {
    "ensure_seed": "ingest data/seed through KnowledgeGraph.ingest_upload when the store is empty",
    "page_target": "which page opens a node (document / unit / task's document), from NodeDetails",
}


# imported once per server process in a background thread (see warm_up): what the pages import lazily
WARM_MODULES = ("pandas", "pyarrow", "openpyxl")


@st.cache_resource(show_spinner=False)
def warm_up() -> threading.Thread:
    """Once per server process: import the heavy modules the pages need later, off the script thread.

    The first page then pays only for what it draws; tables (pandas/pyarrow), the graph canvas
    and the Excel export are ready by the next click.
    """
    def run() -> None:
        for name in WARM_MODULES:
            try:
                importlib.import_module(name)
            except Exception:  # noqa: BLE001 - warming is best effort; the page imports it again and reports
                log.debug("warm-up: %s not imported", name, exc_info=True)
    thread = threading.Thread(target=run, name="cancu-warm-up", daemon=True)
    thread.start()
    return thread


def store_location() -> str:
    """The store the app opens: the same default as the command line (``$CANCU_STORE``, else ``data/store``)."""
    return default_location()


def lang() -> str:
    return st.session_state.get("lang", "vi")


class Handle:
    """The open knowledge graph plus what happened when it was opened."""

    def __init__(self, kg: api.KnowledgeGraph | None, error: str | None, read_only: bool, seeded: int | None,
                 seed_error: str | None):
        self.kg, self.error, self.read_only = kg, error, read_only
        self.seeded, self.seed_error = seeded, seed_error
        self.warming: threading.Thread | None = None

    def warm(self) -> threading.Thread | None:
        """Build the store's per-version tables in a background thread (see ``KnowledgeGraph.warm``):
        after opening and after each ingest, so the next page does not pay for them."""
        if self.kg is None:
            return None
        kg = self.kg

        def run() -> None:
            try:
                kg.warm()
            except Exception:  # noqa: BLE001 - warming is best effort; the page builds what it needs
                log.debug("warming the store's tables failed", exc_info=True)
        self.warming = threading.Thread(target=run, name="cancu-warm-store", daemon=True)
        self.warming.start()
        return self.warming


def _seed_files() -> list[Path]:
    if not SEED_DIR.is_dir():
        return []
    return sorted(p for p in SEED_DIR.iterdir() if p.is_file() and p.suffix.lower() in {".txt", ".pdf", ".docx"})


def ensure_seed(kg: api.KnowledgeGraph) -> tuple[int | None, str | None]:
    """Adapter: when the store holds no document, ingest the embedded seed (data/seed) into it."""
    if kg.overview(top=1).documents:
        return None, None
    done, errors = 0, []
    for path in _seed_files():
        res = kg.ingest_upload(path.name, path.read_bytes())
        if res.ok:
            done += 1
        else:
            errors.append(f"{path.name}: {res.error}")
    return done, "; ".join(errors) or None


@st.cache_resource(show_spinner=False)
def _open(location: str) -> Handle:
    try:
        kg = api.open_graph(location)
        read_only = False
    except GraphError:
        try:
            kg = api.open_graph(location, read_only=True)  # another process writes: browse what is there
            read_only = True
        except GraphError as e:
            return Handle(None, str(e), True, None, None)
    except Exception as e:  # noqa: BLE001 - an unfinished backend must not show a traceback
        return Handle(None, f"{type(e).__name__}: {e}", True, None, None)
    seeded = seed_error = None
    if not read_only:
        try:
            seeded, seed_error = ensure_seed(kg)
        except Exception as e:  # noqa: BLE001 - GraphError or a bug below: shown as one line
            log.exception("seeding the store failed")
            seed_error = str(e)
    h = Handle(kg, None, read_only, seeded, seed_error)
    h.warm()
    return h


def handle() -> Handle:
    return _open(store_location())


def version() -> str:
    h = handle()
    if h.kg is None:
        return ""
    try:
        return h.kg.version()
    except GraphError:
        return ""


@st.cache_data(show_spinner=False, max_entries=512)
def _cached(location: str, version_: str, method: str, args: tuple, kwargs: dict) -> Any:
    kg = _open(location).kg
    return getattr(kg, method)(*args, **kwargs)


class Unavailable(Exception):
    """A fetch failed; its message has already been shown."""


def fetch(method: str, *args, quiet: bool = False, cache: bool = True, **kwargs) -> Any:
    """``kg.<method>(*args, **kwargs)``, cached per store version; errors become one line on screen.

    Raises :class:`Unavailable` after showing the message (pages catch it and stop drawing).
    """
    h = handle()
    if h.kg is None:
        if not quiet:
            st.error(t("store.unavailable", lang(), error=md(h.error)))
        raise Unavailable(h.error)
    try:
        if cache:
            return _cached(store_location(), version(), method, args, kwargs)
        return getattr(h.kg, method)(*args, **kwargs)
    except GraphError as e:
        if not quiet:
            st.error(error_line(e))
        raise Unavailable(str(e)) from None
    except Exception as e:  # noqa: BLE001 - a bug below the facade: one line on screen, the trace in the log
        log.exception("graph.api %s failed", method)
        if not quiet:
            st.error(t("error.generic", lang(), error=md(f"{type(e).__name__}: {e}")))
        raise Unavailable(str(e)) from None


def error_line(e: GraphError) -> str:
    """A graph error in the session's language, the library's own line kept in brackets."""
    key = f"error.{type(e).__name__}"
    text = t(key, lang(), error=md(e))
    return text if text != key else t("error.generic", lang(), error=md(e))


def try_fetch(method: str, *args, default=None, **kwargs) -> Any:
    """Like :func:`fetch` but returns ``default`` (silently) on failure."""
    try:
        return fetch(method, *args, quiet=True, **kwargs)
    except Unavailable:
        return default


def write(method: str, *args) -> Any:
    """Call a writing method (an upload ingest) and drop every cached result."""
    h = handle()
    if h.kg is None:
        raise Unavailable(h.error)
    try:
        out = getattr(h.kg, method)(*args)
    except Exception as e:  # noqa: BLE001 - ingest_upload should never raise; if it does, one line
        log.exception("graph.api %s failed", method)
        raise Unavailable(t("error.generic", lang(), error=md(f"{type(e).__name__}: {e}"))) from None
    _cached.clear()
    h.warm()
    return out


def page_target(details: api.NodeDetails) -> tuple[str, dict[str, str]] | None:
    """Adapter: the page (url path, query params) that shows a node, or None."""
    node = details.node
    if node.type in ("Document", "CitedDocument"):
        return "van-ban", {"doc": node.id}
    if node.type == "Unit":
        return "don-vi", {"unit": node.id}
    if node.type in ("Task", "Section"):
        doc = task_document(node.id)
        if doc:
            return "van-ban", {"doc": doc, "tab": "structure"}
    return None


def to_csv(columns: list[str], rows: list[list]) -> bytes:
    """A result table as CSV (UTF-8 with BOM, so Excel reads Vietnamese)."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(columns)
    writer.writerows(["" if v is None else csv_cell(v) for v in row] for row in rows)
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def deferred_export(tasks: list, fmt: str, *, lang_: str = "vi", roles: dict[str, list[str]] | None = None,
                    title: str | None = None):
    """A callable building the officer's CSV/XLSX of ``tasks`` (headers in ``lang_``, the role
    column when ``roles`` is given) when a download is clicked (runs off the script thread)."""
    kg = handle().kg

    def build() -> bytes:
        return kg.export_tasks(list(tasks), fmt, lang=lang_, roles=roles, title=title)
    return build


def deferred_ics(rows: list, lang_: str = "vi"):
    """A callable building the iCalendar file of deadline rows when a download is clicked."""
    kg = handle().kg

    def build() -> bytes:
        return kg.export_ics(list(rows), lang_)
    return build


def today() -> str | None:
    """The day deadlines are computed for: ``?today=YYYY-MM-DD`` (a deep link, the tests) or
    ``$CANCU_TODAY``; None means the real date."""
    return st.query_params.get("today") or os.environ.get("CANCU_TODAY") or None


# the English names of units on the English side of task cards (ui.render cannot import this module)
use_english_lookup(lambda names: try_fetch("english_names", list(names), default={}))
