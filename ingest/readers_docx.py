"""DOCX → text with python-docx: paragraphs and tables of the body, in document order.

A paragraph is a line. A table row is a line whose cells are joined by
:data:`ingest.readers_table.CELL_SEP` ("Cơ quan chủ trì | Cơ quan phối hợp | Thời gian").
A cell merged across columns (``gridSpan``) is written once; a cell continuing a vertical
merge (``vMerge``) is written empty, so columns stay aligned but the text is not repeated.
Content controls (``w:sdt``) are read through; a table nested in a cell is flattened into
the cell's text.
"""
from __future__ import annotations

import io
import zipfile

from .readers_table import cell_text, row_line

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


class DocxError(Exception):
    """One-line reason why the DOCX cannot be read."""


def docx_text(data: bytes) -> str:
    """Return the body text of a DOCX document given as bytes."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise DocxError("damaged or truncated DOCX (not a valid ZIP package)")
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError, OSError, EOFError) as e:
        raise DocxError(f"damaged or truncated DOCX ({_short(e)})") from None
    except Exception as e:  # lxml.etree.XMLSyntaxError and friends from a broken part
        raise DocxError(f"damaged DOCX ({type(e).__name__}: {_short(e)})") from None
    lines: list[str] = []
    _blocks(document.element.body, document, lines)
    return "\n".join(lines)


def _short(e: Exception) -> str:
    return ((str(e).splitlines() or [""])[0] or type(e).__name__)[:120]


def _blocks(parent, document, lines: list[str]) -> None:
    from docx.text.paragraph import Paragraph

    for child in parent.iterchildren():
        tag = child.tag
        if tag == W + "p":
            lines.append(Paragraph(child, document).text)
        elif tag == W + "tbl":
            for tr in child.iterchildren(W + "tr"):
                lines.append(row_line(_row_cells(tr, document)))
        elif tag == W + "sdt":
            content = child.find(W + "sdtContent")
            if content is not None:
                _blocks(content, document, lines)


def _row_cells(tr, document) -> list[str]:
    cells = []
    for tc in _cells(tr):
        vmerge = tc.find(f"{W}tcPr/{W}vMerge")
        if vmerge is not None and vmerge.get(W + "val") in (None, "continue"):
            cells.append("")  # continues the cell above: its text was written there
            continue
        inner: list[str] = []
        _blocks(tc, document, inner)
        cells.append(cell_text(inner))
    return cells


def _cells(tr):
    for child in tr.iterchildren():
        if child.tag == W + "tc":
            yield child
        elif child.tag == W + "sdt":  # a content control around cells
            content = child.find(W + "sdtContent")
            if content is not None:
                yield from content.iterchildren(W + "tc")
