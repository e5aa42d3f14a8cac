"""What every page shares: the language, query parameters (the URL is the state), page links."""
from __future__ import annotations

import streamlit as st

from graph.store import shown

from .data import lang
from .i18n import t
from .nav import page
from .render import md

__all__ = ["lang", "t", "tr", "param", "int_param", "set_params", "go"]


def tr(key: str, **kwargs) -> str:
    """``t`` in the session's language."""
    return t(key, lang(), **kwargs)


def param(name: str, default: str = "") -> str:
    """A query parameter of the current URL (a deep link)."""
    value = st.query_params.get(name)
    return value if value is not None else default


def int_param(name: str, default: int, low: int, high: int) -> int:
    """A whole-number query parameter clamped to ``[low, high]``; a malformed one (``hops=abc``) is
    one line on screen and the default is used."""
    raw = param(name).strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        st.warning(tr("param.bad", name=name, value=md(shown(raw, 40)), default=default))
        return default
    return min(max(value, low), high)


def set_params(**params) -> None:
    """Set (or, with None/"", remove) query parameters, keeping the others and the language."""
    for k, v in params.items():
        if v in (None, ""):
            if k in st.query_params:
                del st.query_params[k]
        else:
            st.query_params[k] = str(v)
    if lang() == "en":
        st.query_params["lang"] = "en"


def go(page_key: str, **params) -> None:
    """Switch to another page with query parameters (``page_key`` as in ``ui.render.PATHS``)."""
    q = {k: str(v) for k, v in params.items() if v not in (None, "")}
    if lang() == "en":
        q["lang"] = "en"
    st.switch_page(page(page_key), query_params=q)
