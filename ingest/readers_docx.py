"""DOCX → text, streamed: paragraphs and tables of the body, in document order.

A paragraph is a line: the text of its runs and hyperlinks as python-docx gives it (``w:t``
text, ``w:tab``/``w:ptab`` → tab, ``w:br`` (a line break, not a page or column break) and
``w:cr`` → newline, ``w:noBreakHyphen`` → ``-``). A table row is a line whose cells are joined by
:data:`ingest.readers_table.CELL_SEP` ("Cơ quan chủ trì | Cơ quan phối hợp | Thời gian").
A cell merged across columns (``gridSpan``) is written once; a cell continuing a vertical
merge (``vMerge``) is written empty, so columns stay aligned but the text is not repeated.
Content controls (``w:sdt``) are read through; a table nested in a cell is flattened into
the cell's text.

Bounded (a 154 KB DOCX can hold 100 MB of empty paragraphs): before it is inflated, the size
the ZIP directory declares for the main part must stay within ``max_inflated`` bytes
(``zipfile`` holds every member to its declared size while it inflates; images and other parts
are never inflated); the main part is then parsed incrementally
(``lxml.etree.iterparse``), each body paragraph and each row of a body table dropped once
written, so memory follows the largest paragraph or row, not the document; and reading stops
as soon as the text passes ``max_chars`` characters.
"""
from __future__ import annotations

import io
import posixpath
import zipfile

from .readers_table import cell_text, row_line

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
_STRICT_REL_TYPE = "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"
_P, _TBL, _TR, _SDT, _BODY = W + "p", W + "tbl", W + "tr", W + "sdt", W + "body"
_MAX_RELS = 1024 * 1024  # the package relationships are read whole: a few hundred bytes in practice


class DocxError(Exception):
    """One-line reason why the DOCX cannot be read."""


class DocxTooLarge(DocxError):
    """The DOCX would inflate beyond the limit, or its text is longer than allowed."""


def docx_text(data: bytes, max_inflated: int | None = None, max_chars: int | None = None) -> str:
    """Return the body text of a DOCX document given as bytes.

    Raises :class:`DocxTooLarge` when the ZIP directory declares more than ``max_inflated``
    bytes or the text passes ``max_chars`` characters (None: no limit), :class:`DocxError`
    when the package is damaged.
    """
    from lxml import etree

    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise DocxError("damaged or truncated DOCX (not a valid ZIP package)")
    try:
        z = zipfile.ZipFile(io.BytesIO(data))
        infos = z.infolist()  # the ZIP directory: declared sizes, nothing inflated yet
    except (zipfile.BadZipFile, ValueError, OSError, EOFError) as e:
        raise DocxError(f"damaged or truncated DOCX ({_short(e)})") from None
    sizes = {i.filename: i.file_size for i in infos}
    if sizes.get("_rels/.rels", 0) > _MAX_RELS:
        raise DocxTooLarge(f"DOCX package relationships would inflate to {_mb(sizes['_rels/.rels'])}")
    try:
        main = _main_part(z, etree)
        declared = sizes.get(main, 0)
        if max_inflated is not None and declared > max_inflated:
            raise DocxTooLarge(f"DOCX text part would inflate to {_mb(declared)} (> limit {_mb(max_inflated)})")
        lines = _Lines(max_chars)
        with z.open(main) as f:
            _stream_body(f, lines, etree)
    except DocxError:
        raise
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, EOFError) as e:
        raise DocxError(f"damaged or truncated DOCX ({_short(e)})") from None
    except Exception as e:  # lxml.etree.XMLSyntaxError and friends from a broken part
        raise DocxError(f"damaged DOCX ({type(e).__name__}: {_short(e)})") from None
    return "\n".join(lines.lines)


def _mb(n: int) -> str:
    return f"{n / 1_048_576:.1f} MB" if n >= 104_858 else f"{n} bytes"


def _short(e: Exception) -> str:
    return ((str(e).splitlines() or [""])[0] or type(e).__name__)[:120]


def _main_part(z: zipfile.ZipFile, etree) -> str:
    """The main document part named by the package relationships (``word/document.xml`` usually)."""
    names = set(z.namelist())
    if "_rels/.rels" not in names:
        raise DocxError("damaged DOCX (no package relationships: not a Word document)")
    rels = etree.fromstring(z.read("_rels/.rels"), etree.XMLParser(resolve_entities=False, no_network=True))
    for rel in rels:
        if rel.get("Type") in (_REL_TYPE, _STRICT_REL_TYPE):
            target = posixpath.normpath(rel.get("Target", "").lstrip("/"))
            if target in names:
                return target
            raise DocxError(f"damaged DOCX (main part {target!r} missing)")
    raise DocxError("not a Word document (the package has no main document part)")


class _Lines:
    """The lines written so far, refused once they pass the character limit."""

    __slots__ = ("lines", "chars", "limit")

    def __init__(self, limit: int | None):
        self.lines: list[str] = []
        self.chars = 0
        self.limit = limit

    def append(self, line: str) -> None:
        self.lines.append(line)
        self.chars += len(line) + 1
        if self.limit is not None and self.chars > self.limit:
            raise DocxTooLarge(f"DOCX text longer than the limit of {self.limit:,} characters")


def _stream_body(f, lines: _Lines, etree) -> None:
    """Write the body's blocks as they end; a body table is written row by row.

    Only the ends of paragraphs, tables, rows and content controls are reported by the parser
    (filtered in C); those inside a body block are left to the block's own end.
    """
    parser = etree.iterparse(f, events=("end",), tag=(_P, _TBL, _TR, _SDT), resolve_entities=False,
                             remove_blank_text=True, no_network=True)
    for _, el in parser:
        parent = el.getparent()
        if parent is None:
            continue
        if parent.tag == _BODY:  # a block of the body ended
            tag = el.tag
            if tag == _P:
                lines.append(_paragraph_text(el))
            elif tag == _SDT:
                content = el.find(W + "sdtContent")
                if content is not None:
                    _blocks(content, lines)
            elif tag == _TBL:
                for tr in el.iterchildren(_TR):  # rows not yet written (none, normally)
                    lines.append(row_line(_row_cells(tr)))
            _drop(el, parent)
        elif el.tag == _TR and parent.tag == _TBL:
            grand = parent.getparent()
            if grand is not None and grand.tag == _BODY:  # a row of a body table: written, then dropped
                lines.append(row_line(_row_cells(el)))
                _drop(el, parent)


def _drop(el, parent) -> None:
    """Free a finished element and the siblings before it (already written)."""
    el.clear()
    while el.getprevious() is not None:
        del parent[0]
    parent.remove(el)


def _run_text(r) -> str:
    out = []
    for e in r:
        tag = e.tag
        if tag == W + "t":
            out.append(e.text or "")
        elif tag == W + "tab" or tag == W + "ptab":
            out.append("\t")
        elif tag == W + "br":
            out.append("\n" if e.get(W + "type", "textWrapping") == "textWrapping" else "")
        elif tag == W + "cr":
            out.append("\n")
        elif tag == W + "noBreakHyphen":
            out.append("-")
    return "".join(out)


def _paragraph_text(p) -> str:
    """The paragraph's runs and hyperlinks (their runs), as python-docx's ``Paragraph.text``."""
    out = []
    for child in p:
        if child.tag == W + "r":
            out.append(_run_text(child))
        elif child.tag == W + "hyperlink":
            out.extend(_run_text(r) for r in child if r.tag == W + "r")
    return "".join(out)


def _blocks(parent, lines) -> None:
    for child in parent.iterchildren():
        tag = child.tag
        if tag == _P:
            lines.append(_paragraph_text(child))
        elif tag == _TBL:
            for tr in child.iterchildren(_TR):
                lines.append(row_line(_row_cells(tr)))
        elif tag == _SDT:
            content = child.find(W + "sdtContent")
            if content is not None:
                _blocks(content, lines)


def _row_cells(tr) -> list[str]:
    cells = []
    for tc in _cells(tr):
        vmerge = tc.find(f"{W}tcPr/{W}vMerge")
        if vmerge is not None and vmerge.get(W + "val") in (None, "continue"):
            cells.append("")  # continues the cell above: its text was written there
            continue
        inner: list[str] = []
        _blocks(tc, inner)
        cells.append(cell_text(inner))
    return cells


def _cells(tr):
    for child in tr.iterchildren():
        if child.tag == W + "tc":
            yield child
        elif child.tag == _SDT:  # a content control around cells
            content = child.find(W + "sdtContent")
            if content is not None:
                yield from content.iterchildren(W + "tc")
