"""Render helpers: plain data in, Streamlit elements out. Every piece of document text or label
that reaches HTML goes through :func:`esc` first (a document containing ``<script>`` shows it as text).
"""
from __future__ import annotations

import dataclasses
import html
import re
from bisect import bisect_right
from typing import Iterable, Sequence
from urllib.parse import urlencode

import streamlit as st

from graph import api

from .i18n import t

# url paths of the pages (kept here so links are built in one place)
PATHS = {
    "overview": "", "document": "van-ban", "directives": "chi-dao", "ask": "hoi",
    "units": "don-vi", "graph": "do-thi", "sparql": "sparql", "upload": "nap",
}

HIGHLIGHT_COLORS = {
    "citation": "#ffe08a", "unit": "#b8e2c8", "date": "#cfe0ff", "header": "#e6d5f7", "task": "#f2f2f2",
}


def esc(value) -> str:
    """HTML-escape anything (None → empty)."""
    return html.escape("" if value is None else str(value), quote=True)


_MD_ALWAYS = frozenset("\\`*_[]<>~$&")     # inline Markdown anywhere: emphasis, code, links, images, HTML, math
_MD_START = frozenset("#-+>=|")              # block Markdown at the start of a line (line breaks become spaces)
_WJ = "\u2060"  # WORD JOINER: invisible; keeps "http://", "www." and "a@b" from being read as links


def md(value) -> str:
    """Text for an element that reads Markdown (``st.markdown``, ``st.title``, ``st.caption``,
    ``st.error`` …): line breaks as spaces; the characters that open Markdown constructs
    backslash-escaped; a ``:`` followed by a word (Streamlit's ``:red[…]``, ``:material/…:`` and
    emoji codes, ``http://``), ``@`` and ``www.`` followed by an invisible word joiner (Streamlit
    reads icons, emoji and bare URLs in the text after Markdown's escapes are gone). A title
    holding ``![x](http://host/t.png)``, ``<img …>``, ``**bold**`` or ``$x$`` shows exactly those
    characters and loads nothing.

    >>> print(md("![x](http://h/t.png) <b>, :red[y] — 1. read-only: x").replace("\u2060", "+"))
    !\\[x\\](http\\:+//h/t.png) \\<b\\>, \\:+red\\[y\\] — 1. read-only: x
    >>> print(md("1. item")), print(md("# title"))
    1\\. item
    \\# title
    (None, None)
    """
    text = " ".join(("" if value is None else str(value)).split())
    lead = len(text) - len(text.lstrip("0123456789"))
    out = []
    for i, c in enumerate(text):
        nxt = text[i + 1:i + 2]
        if (c in _MD_ALWAYS or (c == ":" and nxt and not nxt.isspace()) or (i == 0 and c in _MD_START)
                or (i == lead and lead and c in ".)")):
            out.append("\\" + c)
        else:
            out.append(c)
        if (c == ":" and nxt and not nxt.isspace()) or c == "@" or (
                c.lower() == "w" and text[max(0, i - 2):i + 2].lower() == "www."):
            out.append(_WJ)
    return "".join(out)


def url(page: str, lang: str = "vi", **params) -> str:
    """A relative link to a page with its query parameters (works under any base path)."""
    q = {k: v for k, v in params.items() if v not in (None, "")}
    if lang == "en":
        q["lang"] = "en"
    path = PATHS.get(page, page)
    return f"./{path}" + (f"?{urlencode(q)}" if q else "")


def doc_url(doc_id: str, lang: str = "vi", **extra) -> str:
    return url("document", lang, doc=doc_id, **extra)


# ---------------------------------------------------------------- frame

def _css_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3c ") + '"'


def frame_css(lang: str) -> str:
    """Style-only HTML for every page: Streamlit's built-in English hints hidden or replaced.

    The input hints ("Press Enter to submit form / to apply") are hidden (pages say what to do
    themselves); the upload box's button and limits line are rewritten in the session's language.
    """
    mb = api.MAX_UPLOAD_BYTES // (1024 * 1024)
    zone = '[data-testid="stFileUploaderDropzone"]'
    return ("<style>"
            '[data-testid="InputInstructions"]{display:none !important}'
            f'{zone} button [data-testid="stMarkdownContainer"] p{{font-size:0}}'
            f'{zone} button [data-testid="stMarkdownContainer"] p::after'
            f'{{content:{_css_string(t("upload.browse", lang))};font-size:0.875rem}}'
            f'{zone} [data-testid="stFileUploaderDropzoneInstructions"] span{{font-size:0}}'
            f'{zone} [data-testid="stFileUploaderDropzoneInstructions"] span::after'
            f'{{content:{_css_string(t("upload.limits", lang, mb=mb))};font-size:0.875rem}}'
            "</style>")


# ---------------------------------------------------------------- item labels

def strip_marker(number: str, text: str) -> str:
    """The item's text without its own leading marker when the item number already says it.

    >>> strip_marker("III", "III. TỔ CHỨC THỰC HIỆN")
    'TỔ CHỨC THỰC HIỆN'
    >>> strip_marker("II.2.1", "2.1. Tiếp tục tuyên truyền")
    'Tiếp tục tuyên truyền'
    >>> strip_marker("II.2", "a) khác")
    'a) khác'
    """
    head, _, rest = (text or "").strip().partition(" ")
    tok = head.rstrip(".)")
    if tok and rest.strip() and head != tok and (number == tok or number.endswith("." + tok)):
        return rest.strip()
    return text


def node_label(label: str) -> str:
    """A graph label "III. III. TỔ CHỨC" / "II.2.1. 2.1. Tiếp tục" without the repeated numeral.

    >>> node_label("III. III. TỔ CHỨC THỰC HIỆN")
    'III. TỔ CHỨC THỰC HIỆN'
    >>> node_label("II.2.1. 2.1. Tiếp tục")
    'II.2.1. Tiếp tục'
    >>> node_label("Nghị định 59/2023/NĐ-CP")
    'Nghị định 59/2023/NĐ-CP'
    """
    head, _, rest = (label or "").partition(" ")
    number = head.rstrip(".")
    if not number or number == head or not rest:
        return label
    stripped = strip_marker(number, rest)
    return label if stripped == rest else f"{head} {stripped}"


# ---------------------------------------------------------------- document text

_BLANK_RUN = re.compile(r"\n(?:[^\S\n]*\n)+")


def compact_text(text: str, highlights: Iterable[api.Highlight] = ()) -> tuple[str, list[api.Highlight]]:
    """For DISPLAY only: the text with runs of blank lines shortened, and the highlights moved to match.

    A double-spaced text (a blank line after most lines, as PDF/Word exports often are) loses one
    blank line per break; any text keeps at most one blank line in a row. Only whitespace between
    lines is removed, so every highlight still covers the same words.

    >>> compact_text("a \\n\\nb \\n\\n \\n\\nc")[0]
    'a \\nb \\n\\nc'
    """
    runs = list(_BLANK_RUN.finditer(text))
    lines = text.count("\n") + 1
    double = len(runs) * 2 >= max(1, lines - sum(m.group().count("\n") - 1 for m in runs))
    cuts: list[tuple[int, int]] = []  # removed [start, end) ranges, in order
    for m in runs:
        n = m.group().count("\n")
        keep = (1 if n == 2 else 2) if double else min(n, 2)
        s, e = m.span()
        if keep == 1:
            cuts.append((s + 1, e))
        elif e - 1 > s + 1:
            cuts.append((s + 1, e - 1))
    if not cuts:
        return text, list(highlights)
    starts = [c[0] for c in cuts]
    removed_before = [0]
    for s, e in cuts:
        removed_before.append(removed_before[-1] + e - s)

    def move(pos: int) -> int:
        i = bisect_right(starts, pos) - 1
        if i < 0:
            return pos
        s, e = cuts[i]
        return pos - removed_before[i] - (min(pos, e) - s)

    out, prev = [], 0
    for s, e in cuts:
        out.append(text[prev:s])
        prev = e
    out.append(text[prev:])
    moved = [dataclasses.replace(h, start=move(h.start), end=move(h.end)) for h in highlights]
    return "".join(out), moved


def highlighted_html(text: str, highlights: Iterable[api.Highlight], lang: str = "vi",
                     kinds: Sequence[str] = ("citation", "unit", "date", "header")) -> str:
    """The document's text, escaped, with highlights as ``<mark>`` (citations/units link to their page).

    Highlights nest (a date inside a citation); one that crosses another's boundary is dropped.
    """
    marks = sorted((h for h in highlights if h.kind in kinds and 0 <= h.start < h.end <= len(text)),
                   key=lambda h: (h.start, -h.end))
    out: list[str] = []
    stack: list[tuple[int, str]] = []  # (end, closing tag)
    pos = 0
    for h in marks:
        while stack and stack[-1][0] <= h.start:
            end, close = stack.pop()
            out.append(esc(text[pos:end]) + close)
            pos = end
        if stack and h.end > stack[-1][0]:
            continue  # crosses the enclosing mark: skip it
        out.append(esc(text[pos:h.start]))
        pos = h.start
        title = esc(f"{t('hl.' + h.kind, lang)}: {h.label}")
        style = f"background:{HIGHLIGHT_COLORS.get(h.kind, '#eee')};padding:0 2px;border-radius:3px"
        link = None
        if h.target and not stack:
            if h.kind == "citation":
                link = doc_url(h.target, lang)
            elif h.kind == "unit":
                link = url("units", lang, unit=h.target)
        if link:
            out.append(f'<a href="{esc(link)}" target="_self" style="color:inherit;text-decoration:none">'
                       f'<mark class="hl-{esc(h.kind)}" title="{title}" style="{style}">')
            stack.append((h.end, "</mark></a>"))
        else:
            out.append(f'<mark class="hl-{esc(h.kind)}" title="{title}" style="{style}">')
            stack.append((h.end, "</mark>"))
    while stack:
        end, close = stack.pop()
        out.append(esc(text[pos:end]) + close)
        pos = end
    out.append(esc(text[pos:]))
    body = "".join(out)
    return ('<div class="cancu-text" style="white-space:pre-wrap;font-family:inherit;line-height:1.6;'
            'max-height:70vh;overflow:auto;border:1px solid #ddd;border-radius:6px;padding:12px">'
            f"{body}</div>")


def highlight_legend_html(lang: str, kinds: Sequence[str] = ("citation", "unit", "date", "header")) -> str:
    chips = "".join(f'<mark style="background:{HIGHLIGHT_COLORS[k]};padding:0 6px;border-radius:3px;'
                    f'margin-right:8px">{esc(t("hl." + k, lang))}</mark>' for k in kinds)
    return f'<div style="margin:4px 0 8px 0">{esc(t("doc.legend", lang))} {chips}</div>'


# ---------------------------------------------------------------- structure tree

def _head_text(n: api.SectionNode) -> str:
    """A tree line: the item's first words without its repeated numeral; a cut-off line ends at a word, with "…"."""
    text = strip_marker(n.number, n.text).rstrip()
    cut = n.end - n.start > len(n.text) + 2 and len(text) >= 60 and text[-1:] not in ".;:!?…)”\""
    if cut and " " in text:
        text = text.rsplit(" ", 1)[0].rstrip(",;") + " …"
    return text


def structure_html(nodes: Sequence[api.SectionNode], open_depth: int = 1) -> str:
    """The document's item tree as nested ``<details>`` (escaped)."""
    def one(n: api.SectionNode, depth: int) -> str:
        head = f"<b>{esc(n.number)}</b> {esc(_head_text(n))}"
        if not n.children:
            return f'<div style="margin-left:1.2em;padding:2px 0">{head}</div>'
        kids = "".join(one(c, depth + 1) for c in n.children)
        opened = " open" if depth < open_depth else ""
        return (f'<details{opened} style="margin-left:{0 if depth == 0 else 1.2}em;padding:2px 0">'
                f"<summary>{head}</summary>{kids}</details>")
    return "<div class='cancu-tree'>" + "".join(one(n, 0) for n in nodes) + "</div>"


# ---------------------------------------------------------------- tables

def task_records(tasks: Sequence[api.TaskRow], lang: str, *, with_document: bool = True) -> list[dict]:
    rows = []
    for task in tasks:
        row = {}
        if with_document:
            row[t("col.document", lang)] = task.document_label
        row.update({
            t("col.number", lang): task.number,
            t("col.text", lang): task.source.text if task.source else task.text,
            t("col.lead", lang): "; ".join(task.lead),
            t("col.support", lang): "; ".join(task.support),
            t("col.report_to", lang): "; ".join(task.report_to),
            t("col.deadline", lang): task.deadline or "",
            t("col.cites", lang): "; ".join(task.cites),
        })
        if any(x.via for x in tasks):
            row[t("col.via", lang)] = "; ".join(task.via)
        row[t("col.link", lang)] = doc_url(task.document, lang, item=task.number)
        rows.append(row)
    return rows


def task_table(tasks: Sequence[api.TaskRow], lang: str, *, key: str, with_document: bool = True,
               height: int | str = "auto") -> None:
    """Tasks with their units and the quoted source text; each row links to its document."""
    rows = task_records(tasks, lang, with_document=with_document)
    st.dataframe(
        rows, key=key, hide_index=True, height=height, width="stretch",
        column_config={
            t("col.text", lang): st.column_config.TextColumn(width="large"),
            t("col.link", lang): st.column_config.LinkColumn(display_text=t("open", lang), width="small"),
        },
    )


def doc_rows(docs: Sequence[api.DocumentRow], lang: str) -> list[dict]:
    return [{
        t("col.symbol", lang): d.symbol or t("doc.untitled", lang),
        t("col.type", lang): d.type or "",
        t("col.title", lang): d.title or "",
        t("col.date", lang): d.date or "",
        t("col.issuer", lang): d.issuer or "",
        t("col.ingested", lang): t("yes", lang) if d.ingested else t("no", lang),
        t("col.cited_by", lang): d.cited_by,
        t("col.tasks", lang): d.tasks,
    } for d in docs]


def selectable_table(rows: list[dict], *, key: str, height: int | str = "auto",
                     column_config: dict | None = None) -> int | None:
    """A single-row-select table; returns the selected row's index or None."""
    event = st.dataframe(rows, key=key, hide_index=True, on_select="rerun", selection_mode="single-row",
                         height=height, width="stretch", column_config=column_config)
    try:
        selected = event.selection.rows
    except AttributeError:
        return None
    return selected[0] if selected else None


def links_html(links: Sequence[api.DocLink], lang: str) -> str:
    """A "Lược đồ" column: links grouped by relation, with counts; indirect ones indented."""
    if not links:
        return f"<p>{esc(t('doc.no_links', lang))}</p>"
    groups: dict[str, list[api.DocLink]] = {}
    for link in links:
        groups.setdefault(link.rel_label or link.rel, []).append(link)
    parts = []
    for label, items in groups.items():
        lis = []
        for link in sorted(items, key=lambda x: (x.depth, x.label)):
            depth = t("doc.depth_direct", lang) if link.depth <= 1 else t("doc.depth_via", lang, n=link.depth)
            quote = f'<div style="color:#666;font-size:0.85em">“{esc(link.evidence.text)}”</div>' if link.evidence else ""
            lis.append(f'<li style="margin-left:{(link.depth - 1) * 1.2}em">'
                       f'<a href="{esc(doc_url(link.id, lang))}" target="_self">{esc(link.label)}</a> '
                       f'<span style="color:#888;font-size:0.85em">({esc(depth)})</span>{quote}</li>')
        parts.append(f"<p style='margin-bottom:2px'><b>{esc(label)}</b> ({len(items)})</p><ul>{''.join(lis)}</ul>")
    return "".join(parts)


def legend_html(legend: api.Legend, colors: dict[str, str], lang: str) -> str:
    chips = "".join(
        f'<span style="display:inline-block;margin:2px 10px 2px 0"><span style="display:inline-block;width:12px;'
        f'height:12px;border-radius:6px;background:{colors.get(kind, "#999")};vertical-align:middle"></span> '
        f"{esc(label)}</span>" for kind, label in legend.node_types)
    return f'<div style="font-size:0.9em">{chips}</div>'


def quotes_html(spans: Sequence[api.Quote]) -> str:
    """Quoted source spans, escaped, each with where it was read."""
    return "".join(
        f'<blockquote style="margin:4px 0;padding:4px 10px;border-left:3px solid #b3261e;background:#faf7f5">'
        f'{esc(s.text)}<div style="color:#888;font-size:0.8em">{esc(s.path)} [{s.start}:{s.end}]</div></blockquote>'
        for s in spans)


CARD_LIMIT = 50


def task_cards_html(tasks: Sequence[api.TaskRow], lang: str, *, with_document: bool = True) -> str:
    """Tasks as readable cards: item number, the quoted text, who leads / supports / receives reports."""
    def chips(label_key: str, names: Sequence[str], color: str) -> str:
        if not names:
            return ""
        return (f'<span style="margin-right:14px"><span style="color:#666">{esc(t(label_key, lang))}:</span> '
                + ", ".join(f'<span style="background:{color};border-radius:4px;padding:0 5px">{esc(n)}</span>'
                            for n in names) + "</span>")
    cards = []
    for task in tasks:
        quote = task.source.text if task.source else task.text
        head = f'<b style="font-size:1.05em">{esc(task.number)}</b>'
        if with_document:
            head += (f' · <a href="{esc(doc_url(task.document, lang, item=task.number))}" target="_self">'
                     f"{esc(task.document_label)}</a>")
        if task.deadline:
            head += f' · <span style="color:#b3261e">{esc(t("col.deadline", lang))}: {esc(task.deadline)}</span>'
        roles = (chips("col.lead", task.lead, "#d8f0de") + chips("col.support", task.support, "#eef7e0")
                 + chips("col.report_to", task.report_to, "#fde2e0"))
        extra = chips("col.cites", task.cites, "#fff1c2") + chips("col.via", task.via, "#e8e8f8")
        cards.append(
            '<div style="border:1px solid #e3e3e3;border-radius:8px;padding:8px 12px;margin:0 0 8px 0">'
            f"<div>{head}</div>"
            f'<div style="white-space:normal;margin:4px 0;padding-left:8px;border-left:3px solid #ddd">{esc(quote)}</div>'
            f'<div style="font-size:0.92em">{roles}</div>'
            + (f'<div style="font-size:0.85em;margin-top:2px">{extra}</div>' if extra else "")
            + "</div>")
    return "".join(cards)


def tasks_view(tasks: Sequence[api.TaskRow], lang: str, *, key: str, with_document: bool = True) -> None:
    """Cards for the first tasks (readable), the full list as a sortable table below."""
    st.html(task_cards_html(tasks[:CARD_LIMIT], lang, with_document=with_document))
    if len(tasks) > CARD_LIMIT:
        st.caption(t("tasks.more", lang, n=len(tasks) - CARD_LIMIT))
    with st.expander(t("tasks.table", lang, n=len(tasks)), expanded=len(tasks) > CARD_LIMIT):
        task_table(tasks, lang, key=key, with_document=with_document)
