"""The page registry: url paths, titles, icons; ``st.navigation`` is built from it in ``app.py``."""
from __future__ import annotations

import importlib

import streamlit as st

from .data import lang as current_lang
from .i18n import t
from .render import PATHS

# key → (module under ui.pages, title key, icon, section)
PAGES = {
    "overview": ("overview", "nav.overview", ":material/dashboard:", "nav.section.browse"),
    "document": ("document", "nav.document", ":material/description:", "nav.section.browse"),
    "directives": ("directives", "nav.directives", ":material/account_tree:", "nav.section.browse"),
    "ask": ("ask", "nav.ask", ":material/help:", "nav.section.browse"),
    "units": ("units", "nav.units", ":material/groups:", "nav.section.browse"),
    "deadlines": ("deadlines", "nav.deadlines", ":material/event:", "nav.section.browse"),
    "graph": ("explore", "nav.graph", ":material/hub:", "nav.section.explore"),
    "sparql": ("sparql", "nav.sparql", ":material/terminal:", "nav.section.explore"),
    "upload": ("upload", "nav.upload", ":material/upload_file:", "nav.section.manage"),
}


def _runner(module: str):
    # a page module is loaded by name when its page is first shown (the app starts without them)
    def run() -> None:
        importlib.import_module(f"ui.pages.{module}").render()
    run.__name__ = f"page_{module}"
    return run


def page(key: str, lang: str | None = None) -> st.Page:
    """The ``st.Page`` of a page key (same url path whatever the language)."""
    module, title, icon, _section = PAGES[key]
    path = PATHS[key]
    return st.Page(_runner(module), title=t(title, lang or current_lang()), icon=icon,
                   url_path=path or None, default=(key == "overview"))


def navigation(lang: str) -> dict[str, list[st.Page]]:
    sections: dict[str, list[st.Page]] = {}
    for key, (_m, _title, _icon, section) in PAGES.items():
        sections.setdefault(t(section, lang), []).append(page(key, lang))
    return sections
