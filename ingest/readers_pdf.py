"""PDF text layer → text, with pypdfium2.

Each page's text comes in PDFium's reading order, one printed line per text line; pages are
joined by :data:`PAGE_SEP`. Running headers ("CÔNG BÁO/Số 286/Ngày 27-05-2026"), page numbers
and signature stamps (annotations, flattened into the page first) are kept on lines of their
own; the cleaning stage masks them later. ``\\r\\n`` becomes ``\\n``; PDFium's marker for a hyphen it generated
(U+FFFE) becomes ``-``.
"""
from __future__ import annotations

import re

PAGE_SEP = "\n\f\n"


class PdfError(Exception):
    """One-line reason why the PDF cannot be read."""


class PdfNoText(PdfError):
    """The PDF has pages but no text on any of them."""


class PdfTooLarge(PdfError):
    """The PDF has more pages, or its text more characters, than allowed."""


def pdf_pages(data: bytes, max_chars: int | None = None, max_pages: int | None = None) -> list[str]:
    """Return the text of each page of a PDF given as bytes.

    Raises :class:`PdfTooLarge` before reading a page when the PDF has more than ``max_pages``
    pages, and before extracting a page's text when the characters so far would pass
    ``max_chars`` (PDFium counts a page's characters without building its text).
    """
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        msg = str(e)
        if "password" in msg.lower():
            raise PdfError("PDF is encrypted (password required)") from None
        raise PdfError(f"damaged or truncated PDF ({_pdfium_reason(msg)})") from None
    try:
        n = len(pdf)
        if n == 0:
            raise PdfError("PDF has no pages")
        if max_pages is not None and n > max_pages:
            raise PdfTooLarge(f"PDF has too many pages ({n:,} > limit {max_pages:,})")
        pages = []
        chars = 0
        for i in range(n):
            page = pdf[i]
            if pdfium.raw.FPDFPage_GetAnnotCount(page) > 0:
                # A gazette's signature stamp ("Ký bởi: …") is an annotation, outside the page's
                # text layer: flatten it in so that it is kept like the rest of the page.
                if pdfium.raw.FPDFPage_Flatten(page, pdfium.raw.FLAT_NORMALDISPLAY) == pdfium.raw.FLATTEN_SUCCESS:
                    page.close()
                    page = pdf[i]
            try:
                tp = page.get_textpage()
                try:
                    chars += tp.count_chars() + len(PAGE_SEP)
                    if max_chars is not None and chars > max_chars:
                        raise PdfTooLarge(f"PDF text longer than the limit of {max_chars:,} characters")
                    pages.append(_clean(_mend_breaks(tp, _split_edges(tp, tp.get_text_range()))))
                finally:
                    tp.close()
            finally:
                page.close()
        return pages
    except pdfium.PdfiumError as e:
        raise PdfError(f"damaged PDF ({_pdfium_reason(str(e))})") from None
    finally:
        pdf.close()


def _pdfium_reason(msg: str) -> str:
    line = (msg.splitlines() or ["unknown error"])[0]
    return line.rstrip(".")[:120]


def _mend_breaks(tp, text: str) -> str:
    """Drop the line breaks PDFium puts inside a printed line.

    Some PDFs place each glyph run on its own (tables, rotated pages, toned letters drawn in
    two pieces: "v" + "ề"); PDFium then starts a new line in mid-word. A break is dropped
    when the characters on both sides sit on one line (they overlap across the reading
    direction, horizontal or rotated) and follow each other closely along it.
    """
    if "\r\n" not in text or tp.count_chars() != len(text):
        return text
    out, last = [], 0
    i = text.find("\r\n")
    while i != -1:
        p, n = i - 1, i + 2
        while p >= 0 and text[p] == " ":
            p -= 1
        if p >= 0 and n < len(text) and not text[n].isspace() and text[p] not in "\r\n":
            join = _same_line(tp.get_charbox(p), tp.get_charbox(n))
            if join is not None:
                out.append(text[last:i].rstrip(" ") + (" " if join or text[p + 1:i].strip(" ") != text[p + 1:i] else ""))
                last = i + 2
        i = text.find("\r\n", i + 2)
    out.append(text[last:])
    return "".join(out)


_EDGE_NUMBER = re.compile(r"^\d{1,4}(?P<sp> )\S|\S(?P<sp2> )\d{1,4}$")


def _split_edges(tp, text: str, edge_lines: int = 3) -> str:
    """Put a page's running header and its page number on lines of their own.

    PDFium joins text on one baseline with a space however far apart it is
    ("68 CÔNG BÁO/Số 577/Ngày 07-3-2023"). In the first and last ``edge_lines`` lines of the
    page, and between a line and a number at either end of it elsewhere, a space across a gap
    wider than twice the type size becomes a line break.
    """
    if tp.count_chars() != len(text):
        return text  # _mend_breaks changed the text: positions no longer match the boxes
    lines = text.split("\r\n")
    if not lines:
        return text
    pos, starts = 0, []
    for line in lines:
        starts.append(pos)
        pos += len(line) + 2
    edges = set(range(min(edge_lines, len(lines)))) | set(range(max(0, len(lines) - edge_lines), len(lines)))
    candidates: list[int] = []
    for li, line in enumerate(lines):
        if li in edges:
            candidates += [starts[li] + j for j, ch in enumerate(line) if ch == " "]
        else:  # elsewhere only a number glued at either end (a page number)
            m = _EDGE_NUMBER.search(line)
            if m:
                candidates.append(starts[li] + (m.start("sp") if m.group("sp") else m.start("sp2")))
    cut: list[int] = []
    for k in candidates:
        if k == 0 or k + 1 >= len(text) or text[k - 1] in " \r\n" or text[k + 1] in " \r\n":
            continue
        a, b = tp.get_charbox(k - 1), tp.get_charbox(k + 1)
        found = _gap(a, b)
        if found is not None and found[0] > 2 * found[1] or found is None and _far(a, b):
            cut.append(k)  # far apart on one line, or two places of the page joined by a space
    if not cut:
        return text
    chars = list(text)
    for k in cut:
        chars[k] = "\n"
    return "".join(chars)


def _gap(a, b) -> tuple[float, float] | None:
    """(gap from box ``a`` to box ``b`` along their line, type size), None if not on one line.

    Boxes are (left, bottom, right, top); the line may run left to right or, on rotated
    pages, up or down.
    """
    al, ab, ar, at = a
    bl, bb, br, bt = b
    size = max(ar - al, at - ab, br - bl, bt - bb)
    if size <= 0:
        return None
    if min(at, bt) - max(ab, bb) >= 0.5 * min(at - ab, bt - bb) > 0:  # horizontal text
        return bl - ar, size
    if min(ar, br) - max(al, bl) >= 0.5 * min(ar - al, br - bl) > 0:  # rotated text
        return (bb - at if bb >= ab else ab - bt), size
    return None


def _far(a, b) -> bool:
    """Boxes further apart than three type sizes (centre to centre), in any direction."""
    size = max(a[2] - a[0], a[3] - a[1], b[2] - b[0], b[3] - b[1])
    dx = (a[0] + a[2] - b[0] - b[2]) / 2
    dy = (a[1] + a[3] - b[1] - b[3]) / 2
    return size > 0 and (dx * dx + dy * dy) ** 0.5 > 3 * size


def _same_line(a, b) -> bool | None:
    """None: a new line. False: the same word continues. True: the same line, after a space."""
    found = _gap(a, b)
    if found is None:
        return None
    gap, size = found
    if -0.3 * size <= gap <= 0.4 * size:
        return gap > 0.2 * size
    return None


def _clean(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufffe", "-").replace("\x00", "")


def pdf_text(data: bytes, max_chars: int | None = None, max_pages: int | None = None) -> tuple[str, tuple[str, ...]]:
    """Return (text, notes) of a PDF; raise :class:`PdfNoText` when no page has text and
    :class:`PdfTooLarge` past the limits (see :func:`pdf_pages`)."""
    pages = pdf_pages(data, max_chars=max_chars, max_pages=max_pages)
    empty = sum(1 for p in pages if not p.strip())
    if empty == len(pages):
        raise PdfNoText("PDF has no text layer (scanned image?); OCR is not supported")
    notes = (f"{empty} of {len(pages)} pages have no text layer (scanned?)",) if empty else ()
    return PAGE_SEP.join(pages), notes
