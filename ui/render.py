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
from graph.deadlines import bucket as deadline_bucket
from graph.deadlines import bucket_label as deadline_bucket_label
from graph.deadlines import label as deadline_label
from graph.deadlines import officer_date

from .i18n import t

# url paths of the pages (kept here so links are built in one place)
PATHS = {
    "overview": "", "document": "van-ban", "directives": "chi-dao", "ask": "hoi",
    "units": "don-vi", "deadlines": "han-xu-ly", "graph": "do-thi", "sparql": "sparql", "upload": "nap",
}
STATUS_COLORS = {"overdue": "#b3261e", "this_month": "#c25e00", "this_quarter": "#8a6d00", "upcoming": "#1f6f3f",
                 "recurring": "#555"}


def date_text(iso: str | None, lang: str = "vi") -> str:
    """A date as officers write it (dd/mm/yyyy)."""
    return officer_date(iso, lang)


def due_text(value: str | None, lang: str = "vi") -> str:
    """A deadline as officers write it ("Quý IV/2026", "15/12/2025", "Hằng năm")."""
    return deadline_label(value, lang) if value else ""


def unit_label(row, lang: str = "vi", *, count: bool = False) -> str:
    """A body as listed: its name in the session's language (English from the lexicon when there is
    one) with its province ("Sở Nội vụ (Bắc Ninh)"), and its number of tasks."""
    name = (row.english or row.name) if lang == "en" else row.name
    if lang == "en" and row.english and name[:1].islower():
        name = name[:1].upper() + name[1:]
    out = f"{name} ({row.place})" if row.place and row.place not in name else name
    return f"{out} · {t('units.total', lang, n=row.total)}" if count else out


def tech_details(rows: Sequence[tuple[str, object]], lang: str) -> None:
    """Internals (file paths, hashes, identifiers, offsets) kept out of the way, in one expander."""
    rows = [(k, v) for k, v in rows if v not in (None, "")]
    if not rows:
        return
    with st.expander(t("tech.title", lang), icon=":material/settings:"):
        st.dataframe([{t("col.property", lang): k, t("col.value", lang): str(v)} for k, v in rows],
                     hide_index=True, width="stretch")

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
                     kinds: Sequence[str] = ("citation", "unit", "date", "header"), *, back: str | None = None) -> str:
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
                link = doc_url(h.target, lang, back=back)
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
            row[t("col.document", lang)] = task.document_display or task.document_label
        row.update({
            t("col.number", lang): task.number,
            t("col.text", lang): task.shown or task.text,
            t("col.lead", lang): "; ".join(task.lead),
            t("col.support", lang): "; ".join(task.support),
            t("col.report_to", lang): "; ".join(task.report_to),
            t("col.deadline", lang): due_text(task.deadline, lang),
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
        t("col.document", lang): (d.display or d.symbol or d.title or "").split(" — ")[0],
        t("col.type", lang): d.type or "",
        t("col.title", lang): d.title or "",
        t("col.date", lang): date_text(d.date, lang),
        t("col.issuer", lang): d.issuer_shown or d.issuer or "",
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


def rel_label(rel: str, fallback: str, lang: str) -> str:
    """A relation's name in the session's language."""
    text = t(f"etype.{rel}", lang)
    return fallback if text == f"etype.{rel}" else text


def links_html(links: Sequence[api.DocLink], lang: str, *, back: str | None = None) -> str:
    """A "Lược đồ" column: links grouped by relation, with counts; indirect ones indented. Each link
    carries ``back`` (the document shown), so the page it opens links back to it."""
    if not links:
        return f"<p>{esc(t('doc.no_links', lang))}</p>"
    groups: dict[str, list[api.DocLink]] = {}
    for link in links:
        groups.setdefault(rel_label(link.rel, link.rel_label or link.rel, lang), []).append(link)
    parts = []
    for label, items in groups.items():
        lis = []
        for link in sorted(items, key=lambda x: (x.depth, x.label)):
            depth = t("doc.depth_direct", lang) if link.depth <= 1 else t("doc.depth_via", lang, n=link.depth)
            quote = f'<div style="color:#666;font-size:0.85em">“{esc(link.evidence.text)}”</div>' if link.evidence else ""
            lis.append(f'<li style="margin-left:{(link.depth - 1) * 1.2}em">'
                       f'<a href="{esc(doc_url(link.id, lang, back=back))}" target="_self">{esc(link.label)}</a> '
                       f'<span style="color:#888;font-size:0.85em">({esc(depth)})</span>{quote}</li>')
        parts.append(f"<p style='margin-bottom:2px'><b>{esc(label)}</b> ({len(items)})</p><ul>{''.join(lis)}</ul>")
    return "".join(parts)


def legend_html(legend: api.Legend, colors: dict[str, str], lang: str) -> str:
    chips = "".join(
        f'<span style="display:inline-block;margin:2px 10px 2px 0"><span style="display:inline-block;width:12px;'
        f'height:12px;border-radius:6px;background:{colors.get(kind, "#999")};vertical-align:middle"></span> '
        f"{esc(label)}</span>" for kind, label in legend.node_types)
    return f'<div style="font-size:0.9em">{chips}</div>'


def quotes_html(spans: Sequence[api.Quote], labels: dict[str, str] | None = None) -> str:
    """Quoted source spans, escaped, each with the document it was read in (file and offsets are
    technical details, shown apart)."""
    labels = labels or {}
    return "".join(
        f'<blockquote style="margin:4px 0;padding:4px 10px;border-left:3px solid #b3261e;background:#faf7f5">'
        f'{esc(" ".join(s.text.split()))}'
        + (f'<div style="color:#888;font-size:0.8em">{esc(labels[s.document])}</div>' if s.document in labels else "")
        + "</blockquote>" for s in spans)


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
        quote = task.shown or task.text
        head = f'<b style="font-size:1.05em">{esc(task.number)}</b>'
        if with_document:
            head += (f' · <a href="{esc(doc_url(task.document, lang, item=task.number))}" target="_self">'
                     f"{esc(task.document_display or task.document_label)}</a>")
        if task.deadline:
            tip = f' title="{esc(task.deadline_text)}"' if task.deadline_text else ""
            head += (f' · <span class="cancu-deadline" style="color:#b3261e"{tip}>{esc(t("col.deadline", lang))}: '
                     f'{esc(due_text(task.deadline, lang))}</span>')
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


_english_lookup = None  # names → their English names; set by ui.data (which imports this module)


def use_english_lookup(fn) -> None:
    """Where :func:`english_units` reads English names (``ui.data`` sets it: the facade, cached)."""
    global _english_lookup
    _english_lookup = fn


def english_units(tasks: Sequence[api.TaskRow]) -> Sequence[api.TaskRow]:
    """The tasks with their units' English names (from the lexicon of public bodies), where known."""
    names = sorted({n for x in tasks for n in (*x.lead, *x.support, *x.report_to)})
    if not names:
        return tasks
    en = (_english_lookup(names) if _english_lookup else None) or {}
    if not en:
        return tasks
    swap = lambda xs: [en.get(n, n) for n in xs]  # noqa: E731
    return [dataclasses.replace(x, lead=swap(x.lead), support=swap(x.support), report_to=swap(x.report_to))
            for x in tasks]


def tasks_view(tasks: Sequence[api.TaskRow], lang: str, *, key: str, with_document: bool = True) -> None:
    """Cards for the first tasks (readable), the full list as a sortable table below; on the
    English side the units by their English names."""
    if lang == "en":
        tasks = english_units(tasks)
    st.html(task_cards_html(tasks[:CARD_LIMIT], lang, with_document=with_document))
    if len(tasks) > CARD_LIMIT:
        st.caption(t("tasks.more", lang, n=len(tasks) - CARD_LIMIT))
    with st.expander(t("tasks.table", lang, n=len(tasks)), expanded=len(tasks) > CARD_LIMIT):
        task_table(tasks, lang, key=key, with_document=with_document)


# ---------------------------------------------------------------- deadlines

def _buckets(rows: Sequence[api.DeadlineRow], by: str) -> list[tuple[str, list[api.DeadlineRow]]]:
    """Rows by the month or quarter they fall due in (in date order), the recurring ones last."""
    groups: dict[str, list[api.DeadlineRow]] = {}
    for r in rows:
        groups.setdefault(deadline_bucket(r.due, by), []).append(r)
    return sorted(groups.items(), key=lambda kv: (kv[0] == "", kv[0]))


def timeline_html(rows: Sequence[api.DeadlineRow], by: str, lang: str) -> str:
    """A bar per month or quarter (stacked by status), the recurring tasks apart, and a legend."""
    groups = [(k, v) for k, v in _buckets(rows, by) if k]
    if not groups:
        return ""
    top = max(len(v) for _, v in groups)
    bars = []
    for key, items in groups:
        segs = "".join(
            f'<div title="{esc(t("dl.status." + s, lang))}: {n}" style="background:{STATUS_COLORS[s]};'
            f'height:{max(3, round(90 * n / top))}px"></div>'
            for s in ("upcoming", "this_quarter", "this_month", "overdue")
            for n in [sum(1 for r in items if r.status == s)] if n)
        bars.append(f'<div style="display:flex;flex-direction:column;align-items:center;min-width:58px">'
                    f'<div style="font-size:0.8em;color:#444">{len(items)}</div>'
                    f'<div style="display:flex;flex-direction:column-reverse;width:26px;height:92px;'
                    f'justify-content:flex-start">{segs}</div>'
                    f'<div style="font-size:0.75em;white-space:nowrap;margin-top:2px">'
                    f'{esc(_bar_label(key, lang))}</div></div>')
    legend = "".join(f'<span style="margin-right:12px"><span style="display:inline-block;width:10px;height:10px;'
                     f'background:{STATUS_COLORS[s]};margin-right:4px"></span>{esc(t("dl.status." + s, lang))}</span>'
                     for s in ("overdue", "this_month", "this_quarter", "upcoming"))
    return (f'<div class="cancu-timeline"><div style="font-size:0.9em;margin-bottom:4px">'
            f'{esc(t("dl.timeline", lang, by=t("dl.by." + by, lang).lower()))}</div>'
            f'<div style="display:flex;align-items:flex-end;gap:4px;overflow-x:auto;padding-bottom:6px">'
            f'{"".join(bars)}</div><div style="font-size:0.8em;color:#444">{legend}</div></div>')


def _bar_label(key: str, lang: str) -> str:
    """A bar's short label: "11/2025" for a month, "Quý IV/2026" / "Q4/2026" for a quarter."""
    if "-Q" in key:
        return deadline_bucket_label(key, lang)
    y, _, m = key.partition("-")
    return f"{m}/{y}"


def deadline_cards_html(rows: Sequence[api.DeadlineRow], by: str, lang: str) -> str:
    """The deadline rows as cards under a heading per month or quarter: status, deadline as an
    officer writes it, the task's item and document, the quote and who leads."""
    out = []
    for key, items in _buckets(rows, by):
        out.append(f'<h3 class="cancu-bucket" style="margin:14px 0 6px 0;font-size:1.15em">'
                   f'{esc(deadline_bucket_label(key, lang))} · {esc(t("dl.count", lang, n=len(items)))}</h3>')
        for r in items:
            task = r.task
            color = STATUS_COLORS.get(r.status, "#555")
            roles = ", ".join(t(f"role.{x}", lang) for x in r.roles)
            tip = f' title="{esc(task.deadline_text)}"' if task.deadline_text else ""
            lead = "; ".join(task.lead)
            out.append(
                f'<div class="cancu-dl cancu-dl-{esc(r.status)}" style="border:1px solid #e3e3e3;'
                f'border-left:5px solid {color};border-radius:8px;padding:6px 12px;margin:0 0 6px 0">'
                f'<div><span style="background:{color};color:#fff;border-radius:4px;padding:0 6px;font-size:0.85em">'
                f'{esc(t("dl.status." + r.status, lang))}</span> '
                f'<b class="cancu-due"{tip}>{esc(due_text(r.due, lang))}</b> · <b>{esc(task.number)}</b> · '
                f'<a href="{esc(doc_url(task.document, lang, item=task.number))}" target="_self">'
                f'{esc(task.document_display or task.document_label)}</a>'
                + (f' · <span style="color:#555">{esc(t("col.role", lang))}: {esc(roles)}</span>' if roles else "")
                + f'</div><div style="margin:3px 0;white-space:normal">{esc(_cut(task.shown or task.text, 420))}</div>'
                + (f'<div style="font-size:0.9em"><span style="color:#666">{esc(t("col.lead", lang))}:</span> '
                   f'{esc(lead)}</div>' if lead else "")
                + "</div>")
    return "".join(out)


def _cut(text: str, n: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= n else text[:n].rsplit(" ", 1)[0] + " …"


def path_chain_html(path: api.Subgraph, start: str | None, legend: api.Legend, lang: str) -> str:
    """A path written out as a chain of labelled edges: "Kế hoạch 32/KH-UBND —Căn cứ→ Nghị định
    59/2023/NĐ-CP —Quy định chi tiết→ Luật …" (an arrow against the reading order when the edge
    points back)."""
    nodes = [n for n in path.nodes]
    if start and nodes and nodes[-1].id == start:
        nodes.reverse()
    edge_names = dict(legend.edge_types)
    by_pair = {}
    for e in path.edges:
        by_pair.setdefault((e.source, e.target), e)
    parts = []
    for i, n in enumerate(nodes):
        parts.append(f'<span class="cancu-path-node" style="background:#eef3fb;border-radius:4px;padding:1px 6px">'
                     f'{esc(node_label(n.label))}</span>')
        if i + 1 < len(nodes):
            nxt = nodes[i + 1]
            fwd = by_pair.get((n.id, nxt.id))
            e = fwd or by_pair.get((nxt.id, n.id))
            name = rel_label(e.type, edge_names.get(e.type, e.label), lang) if e else "?"
            arrow = f" —{esc(name)}→ " if fwd or e is None else f" ←{esc(name)}— "
            parts.append(f'<span class="cancu-path-edge" style="color:#b3261e;white-space:nowrap">{arrow}</span>')
    return (f'<div class="cancu-path" style="line-height:2"><b>{esc(t("graph.path_chain", lang))}:</b> '
            f'{"".join(parts)}</div>')
