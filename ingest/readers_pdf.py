"""PDF text layer → text, with pypdfium2.

Each page's text comes in PDFium's reading order, one printed line per text line; pages are
joined by :data:`PAGE_SEP`. Running headers ("CÔNG BÁO/Số 286/Ngày 27-05-2026"), page numbers
and signature stamps are kept: PDFium puts them on their own lines, and the cleaning stage
masks them later. ``\\r\\n`` becomes ``\\n``; PDFium's marker for a hyphen it generated
(U+FFFE) becomes ``-``.
"""
from __future__ import annotations

PAGE_SEP = "\n\f\n"


class PdfError(Exception):
    """One-line reason why the PDF cannot be read."""


class PdfNoText(PdfError):
    """The PDF has pages but no text on any of them."""


def pdf_pages(data: bytes) -> list[str]:
    """Return the text of each page of a PDF given as bytes."""
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
        pages = []
        for i in range(n):
            page = pdf[i]
            try:
                tp = page.get_textpage()
                try:
                    pages.append(_clean(tp.get_text_range()))
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


def _clean(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufffe", "-").replace("\x00", "")


def pdf_text(data: bytes) -> tuple[str, tuple[str, ...]]:
    """Return (text, notes) of a PDF; raise :class:`PdfNoText` when no page has text."""
    pages = pdf_pages(data)
    empty = sum(1 for p in pages if not p.strip())
    if empty == len(pages):
        raise PdfNoText("PDF has no text layer (scanned image?); OCR is not supported")
    notes = (f"{empty} of {len(pages)} pages have no text layer (scanned?)",) if empty else ()
    return PAGE_SEP.join(pages), notes
