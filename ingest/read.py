"""Stage 1: bytes on disk → Source (the text of record).

``read(path)`` picks a reader by the file's suffix (:data:`SUPPORTED`), checks the file
before reading it (exists, is a file, not empty, not larger than ``max_bytes``), decodes it
and returns a :class:`~ingest.facts.Source`. Offsets of every later stage index
``Source.text``:

* ``.txt``: the bytes decoded; a leading BOM dropped; line endings untouched. UTF-8 (the
  fast path), UTF-16/32 with a BOM (or UTF-16 without one), Windows-1258 (NFC-normalised, since
  its tone marks are combining), pre-Unicode TCVN3/VNI (converted), UTF-8 read once as
  Windows-1252 (repaired). See :mod:`ingest.readers_text`.
* ``.pdf``: the text layer, page by page, pages joined by
  :data:`ingest.readers_pdf.PAGE_SEP` (``"\\n\\f\\n"``).
* ``.docx``/``.doc``/``.rtf``/``.html``: paragraphs as lines, table rows as lines with cells
  joined by :data:`ingest.readers_table.CELL_SEP` (``" | "``).

PDF, DOC and RTF text typed in TCVN3/VNI fonts is converted too (:mod:`ingest.legacy`).
``Source.notes`` says what the reader had to do. Every failure is a
:class:`~ingest.errors.ReadError` subclass with a one-line message.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

from . import detect, legacy
from .errors import (BinaryContent, DamagedFile, EmptyDocument, EncodingError, NoTextLayer, NotText, ReadError,
                     TooLarge, UnsupportedFormat)
from .facts import Source
from .readers_table import CELL_SEP  # noqa: F401  (re-exported: how table rows look)
from .readers_pdf import PAGE_SEP  # noqa: F401  (re-exported: how pages are joined)

SUPPORTED = {
    ".txt": "txt", ".pdf": "pdf", ".docx": "docx", ".html": "html", ".htm": "html",
    ".rtf": "rtf", ".doc": "doc",
}
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
MAX_BYTES_ENV = "CANCU_MAX_BYTES"


def max_bytes_limit(max_bytes: int | None = None) -> int:
    """The size limit in force: the argument, else ``$CANCU_MAX_BYTES``, else 50 MB."""
    if max_bytes is not None:
        return int(max_bytes)
    env = os.environ.get(MAX_BYTES_ENV, "").strip()
    if env:
        try:
            return int(float(env))
        except ValueError:
            raise ReadError(None, f"{MAX_BYTES_ENV}={env!r} is not a number of bytes") from None
    return DEFAULT_MAX_BYTES


def read(path: str | Path, max_bytes: int | None = None) -> Source:
    """Read one document file into a Source.

    Args:
        path: the file; its suffix chooses the reader (see :data:`SUPPORTED`).
        max_bytes: refuse larger files (default ``$CANCU_MAX_BYTES`` or 50 MB).

    Raises:
        ReadError: or a subclass, with one line naming the problem.
    """
    p = Path(path)
    name = str(p)
    try:
        st = p.stat()
    except FileNotFoundError:
        raise ReadError(name, "no such file") from None
    except OSError as e:
        raise ReadError(name, f"cannot read file ({e.strerror or type(e).__name__})") from None
    if p.is_dir():
        raise ReadError(name, "is a folder, not a document file")
    fmt = SUPPORTED.get(p.suffix.lower())
    if fmt is None:
        supported = ", ".join(sorted(SUPPORTED))
        raise UnsupportedFormat(name, f"unsupported format {p.suffix or '(no extension)'!r} (supported: {supported})")
    limit = max_bytes_limit(max_bytes)
    if st.st_size > limit:
        raise TooLarge(name, f"file too large ({_mb(st.st_size)} > limit {_mb(limit)}; raise it with {MAX_BYTES_ENV})")
    if st.st_size == 0:
        raise EmptyDocument(name, "empty document (0 bytes)")
    try:
        with open(p, "rb") as f:
            data = f.read(limit + 1)
    except OSError as e:
        raise ReadError(name, f"cannot read file ({e.strerror or type(e).__name__})") from None
    if len(data) > limit:  # grew while we looked, or stat lied (a pipe)
        raise TooLarge(name, f"file too large (> limit {_mb(limit)}; raise it with {MAX_BYTES_ENV})")
    text, encoding, notes = _READERS[fmt](data, name)
    if not text.strip():
        raise EmptyDocument(name, "empty document (no text, only whitespace)")
    what = detect.problem(text)
    if what:
        raise (BinaryContent if what.startswith("not a text document (binary") else NotText)(name, what)
    return Source(text=text, format=fmt, path=name, sha256=hashlib.sha256(data).hexdigest(),
                  encoding=encoding, notes=notes)


def _mb(n: int) -> str:
    return f"{n / 1_048_576:.1f} MB" if n >= 104_858 else f"{n} bytes"


# ------------------------------------------------------------------ one reader per format
# Each takes (bytes, path) and returns (text, encoding or None, notes).

def _read_txt(data: bytes, name: str):
    from .readers_text import Binary, Undecodable, decode_text

    if data.lstrip()[:5] == b"{\\rtf":
        text, enc, notes = _read_rtf(data, name)
        return text, enc, ("RTF content in a .txt file",) + notes
    try:
        return decode_text(data)
    except Binary as e:
        raise BinaryContent(name, str(e)) from None
    except Undecodable as e:
        raise EncodingError(name, str(e)) from None


def _legacy(text: str, encoding: str | None, notes: tuple[str, ...]):
    kind = legacy.detect(text)
    if kind:
        from .readers_text import LEGACY_NAME
        return legacy.convert(text, kind), kind, notes + (f"converted from {LEGACY_NAME[kind]} to Unicode",)
    return text, encoding, notes


def _read_pdf(data: bytes, name: str):
    from .readers_pdf import PdfError, PdfNoText, pdf_text

    if b"%PDF" not in data[:1024]:
        raise DamagedFile(name, "not a PDF file (no %PDF header)")
    try:
        text, notes = pdf_text(data)
    except PdfNoText as e:
        raise NoTextLayer(name, str(e)) from None
    except PdfError as e:
        raise DamagedFile(name, str(e)) from None
    return _legacy(text, None, notes)


def _read_docx(data: bytes, name: str):
    from .readers_docx import DocxError, docx_text

    if data.startswith(b"\xd0\xcf\x11\xe0"):
        text, enc, notes = _read_doc(data, name)
        return text, enc, ("Word 97-2003 .doc content in a .docx file",) + notes
    try:
        text = docx_text(data)
    except DocxError as e:
        raise DamagedFile(name, str(e)) from None
    return _legacy(text, None, ())


def _read_doc(data: bytes, name: str):
    from .readers_doc import DocFormatError, doc_text

    if data.startswith(b"PK\x03\x04"):
        text, enc, notes = _read_docx(data, name)
        return text, enc, ("DOCX content in a .doc file",) + notes
    if data.lstrip()[:5] == b"{\\rtf":
        text, enc, notes = _read_rtf(data, name)
        return text, enc, ("RTF content in a .doc file",) + notes
    try:
        text = doc_text(data)
    except DocFormatError as e:
        raise DamagedFile(name, str(e)) from None
    return _legacy(text, None, ())


def _read_rtf(data: bytes, name: str):
    from .readers_rtf import RtfError, rtf_text

    try:
        text = rtf_text(data)
    except RtfError as e:
        raise DamagedFile(name, str(e)) from None
    except (IndexError, ValueError) as e:
        raise DamagedFile(name, f"damaged RTF ({type(e).__name__})") from None
    return _legacy(text, None, ())


def _read_html(data: bytes, name: str):
    from .readers_html import HtmlError, html_text
    from .readers_text import sniff_binary

    what = sniff_binary(data)
    if what:
        raise BinaryContent(name, f"not an HTML page ({what})")
    try:
        text, enc = html_text(data)
    except HtmlError as e:
        raise DamagedFile(name, str(e)) from None
    return _legacy(text, enc, ())


_READERS = {"txt": _read_txt, "pdf": _read_pdf, "docx": _read_docx, "doc": _read_doc,
            "rtf": _read_rtf, "html": _read_html}
