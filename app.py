"""cancu — the officers' app: browse, ask and explore the legal-reference graph.

Run: ``.venv/bin/streamlit run app.py`` (the store is ``$CANCU_STORE`` or ``data/store``; an empty
store is filled with the embedded seed plan on first open). Layout only: every fact comes from
``graph.api`` through ``ui.data``; pages live in ``ui/pages``.
"""
from __future__ import annotations

from pathlib import Path

import streamlit as st

from ui import data
from ui.i18n import t
from ui.nav import PAGES, navigation, page
from ui.render import PATHS, frame_css, md

# the icon is a file served by the app itself: a ":material/…:" page icon makes every browser fetch
# it from fonts.gstatic.com (nothing the app shows may come from another host)
ICON = Path(__file__).resolve().parent / "ui" / "static" / "icon.png"
st.set_page_config(page_title="Căn cứ", page_icon=str(ICON), layout="wide")

# LANGUAGE: Vietnamese first; ?lang=en (deep link) or the sidebar toggle switches to English
if "lang" not in st.session_state:
    st.session_state["lang"] = "en" if st.query_params.get("lang") == "en" else "vi"


def _toggle_lang() -> None:
    st.session_state["lang"] = "en" if st.session_state.get("lang_toggle") else "vi"
    if st.session_state["lang"] == "en":
        st.query_params["lang"] = "en"
    elif "lang" in st.query_params:
        del st.query_params["lang"]


lang = st.session_state["lang"]

# LEGACY DEEP LINKS: ?page=van-ban&doc=… → the page's own url
wanted = st.query_params.get("page")
if wanted:
    key = next((k for k in PAGES if PATHS[k] == wanted or k == wanted), None)
    if key:
        rest = {k: v for k, v in st.query_params.to_dict().items() if k != "page"}
        st.switch_page(page(key, lang), query_params=rest)

# FRAME
st.html(frame_css(lang))  # Streamlit's own English hints: hidden or said in the session's language
pg = st.navigation(navigation(lang))
with st.sidebar:
    st.toggle(t("lang.toggle", lang), value=(lang == "en"), key="lang_toggle", on_change=_toggle_lang)
    handle = data.handle()
    data.warm_up()  # once per server process, after the store is open (and seeded): heavy imports off-thread
    if handle.kg is None:
        st.error(t("store.unavailable", lang, error=md(handle.error)))
    else:
        if handle.seeded and not st.session_state.get("seed_notice"):
            st.session_state["seed_notice"] = True  # once per session
            st.success(t("store.seeded", lang, n=handle.seeded))
        if handle.seed_error:
            st.warning(t("store.seed_failed", lang, error=md(handle.seed_error)))
    with st.expander(t("tech.title", lang), icon=":material/settings:"):
        st.caption(f"{t('store.label', lang)}: `{data.store_location()}`")
pg.run()
