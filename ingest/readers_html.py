"""HTML pages saved from legal portals → text, with lxml.

The document body is ``div#toanvancontent`` (vbpl.vn's "Toàn văn") when the page has one;
otherwise scripts, styles, navigation, headers and footers are dropped and the element that
holds the most text directly (not through nested containers) is taken. Block elements end
lines, ``<br>`` breaks one, tables are written row by row as in DOCX
(:mod:`ingest.readers_table`); runs of spaces inside a line collapse to one and at most one
blank line separates paragraphs.
"""
from __future__ import annotations

import codecs
import re

from .readers_table import cell_text, row_line

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
_SPACES = re.compile(r"[ \t\u00a0\u200b\r\f\v]+")
_BLANKS = re.compile(r"\n{3,}")

_DROP = ("script", "style", "noscript", "nav", "header", "footer", "iframe", "svg", "template", "button",
         "select", "head", "object", "embed")
_BLOCK = frozenset(
    "p div section article main aside blockquote pre ul ol li dl dt dd h1 h2 h3 h4 h5 h6 hr "
    "address figure figcaption center form fieldset caption title tbody thead tfoot".split()
)
_CONTAINERS = frozenset("div section article main body td form center".split())
_CHROME = re.compile(r"(^|[\s_-])(menu|nav|navbar|header|footer|breadcrumb|sidebar|banner|cookie)($|[\s_-])", re.I)


class HtmlError(Exception):
    """One-line reason why the page cannot be read."""


def decode_html(data: bytes) -> tuple[str, str]:
    """Decode by BOM, then ``<meta charset>``, default UTF-8; return (text, encoding)."""
    for bom, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom):].decode(codec, errors="replace"), codec.split("-le")[0].split("-be")[0]
    m = _META_CHARSET.search(data[:8192])
    codec = "utf-8"
    if m:
        try:
            codec = codecs.lookup(m.group(1).decode("ascii")).name
        except LookupError:
            codec = "utf-8"
    try:
        return data.decode(codec), codec
    except UnicodeDecodeError:
        return data.decode(codec, errors="replace"), codec + " (with invalid bytes replaced)"


def html_text(data: bytes) -> tuple[str, str]:
    """Return (text, encoding) of an HTML page given as bytes."""
    from lxml import etree, html

    text, enc = decode_html(data)
    text = _XML_DECL.sub("", text, count=1)
    if not text.strip():
        return "", enc
    try:
        root = html.document_fromstring(text)
    except (etree.ParserError, ValueError) as e:
        raise HtmlError(f"cannot parse HTML ({str(e)[:100]})") from None
    body = _body(root)
    lines: list[str] = []
    _walk(body, lines)
    out = "\n".join(_SPACES.sub(" ", line).strip() for line in "".join(lines).split("\n"))
    return _BLANKS.sub("\n\n", out).strip("\n"), enc


def _body(root):
    from lxml import etree

    found = root.xpath('//*[@id="toanvancontent"]')
    if found and found[0].text_content().strip():
        body = found[0]
        for el in body.xpath(".//script|.//style|.//noscript"):
            el.drop_tree()
        return body
    for el in root.xpath("|".join(f"//{t}" for t in _DROP)):
        el.drop_tree()
    for el in root.iter(etree.Comment):
        el.drop_tree() if el.getparent() is not None else None
    for el in root.xpath("//*[@id or @class]"):
        if el.tag in ("body", "html", "form"):
            continue
        if _CHROME.search(el.get("id", "") + " " + el.get("class", "")):
            el.drop_tree()
    best, best_score = root.find("body") if root.find("body") is not None else root, -1
    for el in root.iter(*_CONTAINERS):
        score = _direct_text(el)
        if score > best_score:
            best, best_score = el, score
    return best


def _direct_text(el) -> int:
    """Text held by ``el`` itself or by non-container children (paragraphs, tables, spans)."""
    n = len((el.text or "").strip())
    for child in el:
        if not isinstance(child.tag, str):
            continue
        if child.tag not in _CONTAINERS and not _holds_container(child):
            n += len(child.text_content().strip())
        n += len((child.tail or "").strip())
    return n


def _holds_container(el) -> bool:
    return any(True for _ in el.iterdescendants("div", "section", "article", "main"))


def _walk(el, out: list[str]) -> None:
    if not isinstance(el.tag, str):  # comments, processing instructions
        if el.tail:
            out.append(el.tail)
        return
    tag = el.tag.lower()
    if tag in _DROP and tag != "head":
        pass
    elif tag == "table":
        out.append("\n")
        for tr in el.xpath("./tr|./thead/tr|./tbody/tr|./tfoot/tr"):
            cells = []
            for td in tr:
                if isinstance(td.tag, str) and td.tag.lower() in ("td", "th"):
                    inner: list[str] = []
                    _inline(td, inner)
                    cells.append(cell_text("".join(inner).split("\n")))
            line = row_line(cells)
            if line:
                out.append(line + "\n")
    elif tag == "br":
        out.append("\n")
    else:
        block = tag in _BLOCK or tag in ("tr", "td", "th")
        if block:
            out.append("\n")
        if el.text:
            out.append(el.text)
        for child in el:
            _walk(child, out)
        if block:
            out.append("\n")
    if el.tail:
        out.append(el.tail)


def _inline(el, out: list[str]) -> None:
    """A cell's content: blocks end lines, nested tables flatten to their cells' text."""
    if el.text:
        out.append(el.text)
    for child in el:
        if isinstance(child.tag, str):
            tag = child.tag.lower()
            if tag == "br" or tag in _BLOCK or tag in ("tr", "td", "th", "table"):
                out.append("\n")
            if tag not in _DROP:
                _inline(child, out)
            if tag in _BLOCK or tag in ("tr", "td", "th", "table"):
                out.append("\n")
        if child.tail:
            out.append(child.tail)
