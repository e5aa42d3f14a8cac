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

Limits (each refused with :class:`~ingest.errors.TooLarge`, naming the variable that raises it):
the file's bytes (``$CANCU_MAX_BYTES``, 50 MB), the characters of the text
(``$CANCU_MAX_CHARS``, :data:`DEFAULT_MAX_CHARS` = 20 M; readers stop as soon as they pass it),
what a DOCX's main part inflates to (``$CANCU_MAX_INFLATED``, 32 MB, read from the ZIP directory
before inflating), an HTML page's tags (:data:`MAX_HTML_TAGS`) and a PDF's pages
(:data:`MAX_PDF_PAGES`). Last, the text detector (:mod:`ingest.detect`) refuses binary and
mis-decoded text with :class:`~ingest.errors.BinaryContent`.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

from . import detect, legacy
from .errors import (BinaryContent, DamagedFile, EmptyDocument, EncodingError, NoTextLayer, ReadError,
                     TooLarge, UnsupportedFormat)
from .facts import Source
from .readers_doc import DocFormatError, DocTooLarge, doc_text
from .readers_docx import DocxError, DocxTooLarge, docx_text
from .readers_html import HtmlError, html_text
from .readers_pdf import PAGE_SEP  # noqa: F401  (re-exported: how pages are joined)
from .readers_pdf import PdfError, PdfNoText, PdfTooLarge, pdf_text
from .readers_rtf import RtfError, RtfTooLarge, rtf_text
from .readers_table import CELL_SEP  # noqa: F401  (re-exported: how table rows look)
from .readers_text import LEGACY_NAME, Binary, Undecodable, decode_text, sniff_binary

SUPPORTED = {
    ".txt": "txt", ".pdf": "pdf", ".docx": "docx", ".html": "html", ".htm": "html",
    ".rtf": "rtf", ".doc": "doc",
}
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
MAX_BYTES_ENV = "CANCU_MAX_BYTES"
# The characters a document may hold once read (any format). The largest real document we have
# (a decree of the 2026 gazette) holds 1.16 M characters; 20 M is 17 times that, some 6,000
# printed pages. Extraction is linear (bench/linearity.py): 20 M characters of copies of the seed
# cost 25 s and 340 MB peak (bench/bombs.py); the most expensive shape measured (symbols with
# subjects citing symbols, 3.3 s/MB) would cost about a minute and a half.
DEFAULT_MAX_CHARS = 20_000_000
MAX_CHARS_ENV = "CANCU_MAX_CHARS"
# What the main part of a DOCX (word/document.xml) may inflate to, read from the ZIP directory
# before anything is inflated. Real DOCX: at most 1.3 MB (an 80 K-character decree); 32 MB is 25
# times that and bounds the parse of a hostile one (a 150 KB file of empty paragraphs) to
# seconds. Images and other parts are never inflated.
DEFAULT_MAX_INFLATED = 32 * 1024 * 1024
MAX_INFLATED_ENV = "CANCU_MAX_INFLATED"
# An HTML page is parsed whole (the body is chosen by how much text its elements hold): memory
# follows its number of elements. Real pages have at most 13,300 tags; 500,000 (~200 MB parsed).
MAX_HTML_TAGS = 500_000
# PDF pages read at most (each page costs a load even when it holds no text).
MAX_PDF_PAGES = 10_000


def _env_limit(value: int | None, env: str, default: int, unit: str) -> int:
    if value is not None:
        return int(value)
    raw = os.environ.get(env, "").strip()
    if raw:
        try:
            return int(float(raw))
        except ValueError:
            raise ReadError(None, f"{env}={raw!r} is not a number of {unit}") from None
    return default


def max_bytes_limit(max_bytes: int | None = None) -> int:
    """The size limit in force: the argument, else ``$CANCU_MAX_BYTES``, else 50 MB."""
    return _env_limit(max_bytes, MAX_BYTES_ENV, DEFAULT_MAX_BYTES, "bytes")


def max_chars_limit(max_chars: int | None = None) -> int:
    """The character limit in force: the argument, else ``$CANCU_MAX_CHARS``, else 20 M."""
    return _env_limit(max_chars, MAX_CHARS_ENV, DEFAULT_MAX_CHARS, "characters")


def max_inflated_limit() -> int:
    """What a DOCX's main part may inflate to: ``$CANCU_MAX_INFLATED``, else 32 MB."""
    return _env_limit(None, MAX_INFLATED_ENV, DEFAULT_MAX_INFLATED, "bytes")


def read(path: str | Path, max_bytes: int | None = None, max_chars: int | None = None) -> Source:
    """Read one document file into a Source.

    Args:
        path: the file; its suffix chooses the reader (see :data:`SUPPORTED`).
        max_bytes: refuse larger files (default ``$CANCU_MAX_BYTES`` or 50 MB).
        max_chars: refuse documents whose text is longer (default ``$CANCU_MAX_CHARS`` or 20 M);
            DOCX, PDF, DOC and RTF readers stop as soon as they pass it.

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
    chars = max_chars_limit(max_chars)
    if fmt == "txt" and st.st_size > 4 * chars:  # every encoding takes at most 4 bytes a character
        raise TooLarge(name, f"document too long (over {chars:,} characters in {_mb(st.st_size)}; "
                             f"raise it with {MAX_CHARS_ENV})")
    try:
        with open(p, "rb") as f:
            data = f.read(limit + 1)
    except OSError as e:
        raise ReadError(name, f"cannot read file ({e.strerror or type(e).__name__})") from None
    if len(data) > limit:  # grew while we looked, or stat lied (a pipe)
        raise TooLarge(name, f"file too large (> limit {_mb(limit)}; raise it with {MAX_BYTES_ENV})")
    text, encoding, notes = _READERS[fmt](data, name, chars)
    if len(text) > chars:
        raise TooLarge(name, f"document too long ({len(text):,} characters > limit {chars:,}; "
                             f"raise it with {MAX_CHARS_ENV})")
    if not text.strip():
        raise EmptyDocument(name, "empty document (no text, only whitespace)")
    what = detect.problem(text)
    if what:
        raise BinaryContent(name, what)
    return Source(text=text, format=fmt, path=name, sha256=hashlib.sha256(data).hexdigest(),
                  encoding=encoding, notes=notes)


def _mb(n: int) -> str:
    return f"{n / 1_048_576:.1f} MB" if n >= 104_858 else f"{n} bytes"


# ------------------------------------------------------------------ one reader per format
# Each takes (bytes, path, the character limit) and returns (text, encoding or None, notes).

def _too_long(name: str, what: str) -> TooLarge:
    return TooLarge(name, f"{what}; raise it with {MAX_CHARS_ENV}")


def _read_txt(data: bytes, name: str, max_chars: int):

    if data.lstrip()[:5] == b"{\\rtf":
        text, enc, notes = _read_rtf(data, name, max_chars)
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
        return legacy.convert(text, kind), kind, notes + (f"converted from {LEGACY_NAME[kind]} to Unicode",)
    return text, encoding, notes


def _read_pdf(data: bytes, name: str, max_chars: int):

    if b"%PDF" not in data[:1024]:
        raise DamagedFile(name, "not a PDF file (no %PDF header)")
    try:
        text, notes = pdf_text(data, max_chars=max_chars, max_pages=MAX_PDF_PAGES)
    except PdfTooLarge as e:
        raise (_too_long(name, str(e)) if "characters" in str(e) else TooLarge(name, str(e))) from None
    except PdfNoText as e:
        raise NoTextLayer(name, str(e)) from None
    except PdfError as e:
        raise DamagedFile(name, str(e)) from None
    return _legacy(text, None, notes)


def _read_docx(data: bytes, name: str, max_chars: int):

    if data.startswith(b"\xd0\xcf\x11\xe0"):
        text, enc, notes = _read_doc(data, name, max_chars)
        return text, enc, ("Word 97-2003 .doc content in a .docx file",) + notes
    try:
        text = docx_text(data, max_inflated=max_inflated_limit(), max_chars=max_chars)
    except DocxTooLarge as e:
        env = MAX_CHARS_ENV if "characters" in str(e) else MAX_INFLATED_ENV
        raise TooLarge(name, f"{e}; raise it with {env}") from None
    except DocxError as e:
        raise DamagedFile(name, str(e)) from None
    return _legacy(text, None, ())


def _read_doc(data: bytes, name: str, max_chars: int):

    if data.startswith(b"PK\x03\x04"):
        text, enc, notes = _read_docx(data, name, max_chars)
        return text, enc, ("DOCX content in a .doc file",) + notes
    if data.lstrip()[:5] == b"{\\rtf":
        text, enc, notes = _read_rtf(data, name, max_chars)
        return text, enc, ("RTF content in a .doc file",) + notes
    try:
        text = doc_text(data, max_chars=max_chars)
    except DocTooLarge as e:
        raise _too_long(name, str(e)) from None
    except DocFormatError as e:
        raise DamagedFile(name, str(e)) from None
    return _legacy(text, None, ())


def _read_rtf(data: bytes, name: str, max_chars: int):

    try:
        text = rtf_text(data, max_chars=max_chars)
    except RtfTooLarge as e:
        raise _too_long(name, str(e)) from None
    except RtfError as e:
        raise DamagedFile(name, str(e)) from None
    except (IndexError, ValueError) as e:
        raise DamagedFile(name, f"damaged RTF ({type(e).__name__})") from None
    return _legacy(text, None, ())


def _read_html(data: bytes, name: str, max_chars: int):

    what = sniff_binary(data)
    if what:
        raise BinaryContent(name, f"not an HTML page ({what})")
    tags = data.count(b"<")  # an upper bound of the elements the parse would build
    if tags > MAX_HTML_TAGS:
        raise TooLarge(name, f"HTML page too large to parse ({tags:,} tags > limit {MAX_HTML_TAGS:,})")
    try:
        text, enc = html_text(data)
    except HtmlError as e:
        raise DamagedFile(name, str(e)) from None
    return _legacy(text, enc, ())


_READERS = {"txt": _read_txt, "pdf": _read_pdf, "docx": _read_docx, "doc": _read_doc,
            "rtf": _read_rtf, "html": _read_html}
