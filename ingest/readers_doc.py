"""Word 97-2003 binary ``.doc``: the main document's text, read from the piece table.

Pure Python on ``olefile``: the ``WordDocument`` stream's FIB points at the CLX in the
``0Table``/``1Table`` stream; its piece table maps character positions to byte runs that are
either 8-bit ("compressed", Windows-1252) or UTF-16LE. Only the main story (``ccpText``
characters) is read: no headers, footnotes or comments.

Word's control characters become plain text: paragraph marks and line breaks → ``\\n``;
field codes (``\\x13 code \\x14 result \\x15``) keep only their result; a table cell mark
(``\\x07``) → :data:`ingest.readers_table.CELL_SEP`, a row-end mark → ``\\n``. Without the
paragraph properties a row end is recognised as a cell mark directly after another one, so
a row whose last cell is empty may end one cell early; paragraphs inside a cell stay on their
own lines. Legacy TCVN3/VNI text is left as is here: :mod:`ingest.legacy` converts it.
"""
from __future__ import annotations

import io
import re
import struct

from .readers_table import CELL_SEP

_FIELD = re.compile(r"\x13[^\x13\x14\x15]*(?:\x14|\x15)")  # a field's code up to its separator


class DocFormatError(Exception):
    """The file is not a Word 97-2003 document this reader understands (one-line message)."""


class DocTooLarge(DocFormatError):
    """The document's main text is longer than allowed."""


def doc_text(data: bytes, max_chars: int | None = None) -> str:
    """Return the main text of a Word 97-2003 document given as bytes (:class:`DocTooLarge`
    before decoding when the FIB says its main text holds more than ``max_chars`` characters)."""
    import olefile

    if not olefile.isOleFile(io.BytesIO(data)):
        raise DocFormatError("not a Word 97-2003 document (no OLE2 container)")
    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except Exception as e:  # olefile raises several kinds for damaged containers
        raise DocFormatError(f"damaged Word 97-2003 document ({_short(e)})") from None
    try:
        if not ole.exists("WordDocument"):
            raise DocFormatError("OLE2 file without a WordDocument stream (not a Word .doc)")
        wd = ole.openstream("WordDocument").read()
        if len(wd) < 0x1AA:
            raise DocFormatError("damaged Word 97-2003 document (FIB too short)")
        ident, = struct.unpack_from("<H", wd, 0)
        if ident != 0xA5EC:
            raise DocFormatError("not a Word 97-2003 document (older Word or unknown FIB)")
        flags, = struct.unpack_from("<H", wd, 0x0A)
        if flags & 0x0100:
            raise DocFormatError("Word document is encrypted (password-protected)")
        table_name = "1Table" if flags & 0x0200 else "0Table"
        if not ole.exists(table_name):
            raise DocFormatError(f"damaged Word 97-2003 document (no {table_name} stream)")
        table = ole.openstream(table_name).read()
        ccp_text, = struct.unpack_from("<i", wd, 0x4C)
        if max_chars is not None and ccp_text > max_chars:
            raise DocTooLarge(f"Word document text longer than the limit of {max_chars:,} characters "
                              f"({ccp_text:,})")
        fc_clx, lcb_clx = struct.unpack_from("<II", wd, 0x1A2)
        clx = table[fc_clx:fc_clx + lcb_clx]
        raw = _pieces_text(wd, clx, ccp_text)
    except (struct.error, IndexError, ValueError) as e:
        raise DocFormatError(f"damaged Word 97-2003 document ({_short(e)})") from None
    finally:
        ole.close()
    return _clean(raw)


def _short(e: Exception) -> str:
    return (str(e).splitlines() or [type(e).__name__])[0][:120] or type(e).__name__


def _pieces_text(wd: bytes, clx: bytes, ccp_text: int) -> str:
    i = 0
    while i < len(clx) and clx[i] == 0x01:  # Prc: skip property modifiers
        cb, = struct.unpack_from("<H", clx, i + 1)
        i += 3 + cb
    if i >= len(clx) or clx[i] != 0x02:
        raise DocFormatError("damaged Word 97-2003 document (no piece table)")
    lcb, = struct.unpack_from("<I", clx, i + 1)
    plc = clx[i + 5:i + 5 + lcb]
    n = (len(plc) - 4) // 12
    cps = struct.unpack_from(f"<{n + 1}i", plc, 0)
    out: list[str] = []
    for k in range(n):
        start, end = cps[k], min(cps[k + 1], ccp_text)
        if end <= start:
            break
        fc, = struct.unpack_from("<I", plc, 4 * (n + 1) + 8 * k + 2)
        count = end - start
        if fc & 0x40000000:
            off = (fc & 0x3FFFFFFF) // 2
            out.append(wd[off:off + count].decode("cp1252", errors="replace"))
        else:
            out.append(wd[fc:fc + 2 * count].decode("utf-16-le", errors="replace"))
    return "".join(out)


def _clean(raw: str) -> str:
    text = _FIELD.sub("", raw)  # field codes out, results kept
    text = text.replace("\x15", "").replace("\x14", "").replace("\x13", "")
    lines: list[str] = []
    # A row end is a cell mark right after a cell mark (the row-end paragraph holds only \x07).
    text = text.replace("\x07\r\x07", "\x07\x07")
    text = re.sub(r"\x07\x07", "\x00ROW\x00", text)
    text = text.replace("\x07", "\x00CELL\x00")
    text = text.replace("\r", "\n").replace("\x0b", "\n").replace("\x0c", "\n")
    text = text.replace("\x1e", "-").replace("\x1f", "").replace("\x01", "").replace("\x08", "")
    text = text.replace("\x00CELL\x00\x00ROW\x00", "\n").replace("\x00ROW\x00", "\n")
    text = text.replace("\x00CELL\x00", CELL_SEP)
    for line in text.split("\n"):
        lines.append(line[: -len(CELL_SEP)] if line.endswith(CELL_SEP) else line)
    return "\n".join(lines)
