"""RTF → text: control words stripped, ``\\'xx`` and ``\\uN`` escapes decoded.

``\\'xx`` bytes are decoded with the document's ``\\ansicpgN`` code page (Windows-1252 when it
has none); legacy TCVN3/VNI text therefore comes out as mojibake that :mod:`ingest.legacy`
converts afterwards. Paragraphs and line breaks become ``\\n``; table cells are joined by
:data:`ingest.readers_table.CELL_SEP`, one row per line. Font tables, style sheets, pictures,
field instructions, headers and footers and other destinations are skipped.
"""
from __future__ import annotations

import re

from .readers_table import CELL_SEP

_TOKEN = re.compile(rb"\\([a-zA-Z]+)(-?\d+)? ?|\\'([0-9a-fA-F]{2})|\\(.)|([{}])|([\r\n]+)|([^\\{}\r\n]+)", re.S)

# Destinations whose content is not document text.
_SKIP = frozenset(
    b"fonttbl colortbl stylesheet info pict object objdata fldinst header headerl headerr headerf "
    b"footer footerl footerr footerf footnote listtable listoverridetable revtbl rsidtbl generator "
    b"xmlnstbl themedata colorschememapping datastore latentstyles pgdsctbl filetbl mmathPr "
    b"bkmkstart bkmkend template nonshppict shppict sp sn sv blipuid panose falt".split()
)
_BREAK = {b"par": "\n", b"line": "\n", b"sect": "\n", b"page": "\n", b"tab": "\t", b"cell": CELL_SEP,
          b"nestcell": CELL_SEP, b"row": "\n", b"nestrow": "\n", b"emdash": "—", b"endash": "–",
          b"lquote": "‘", b"rquote": "’", b"ldblquote": "“", b"rdblquote": "”", b"bullet": "•"}
_SYMBOL = {b"~": "\u00a0", b"_": "-", b"-": "", b"\\": "\\", b"{": "{", b"}": "}", b"\n": "\n", b"\r": "\n"}


_CHUNK = 8_192
_ROW_END = re.compile(re.escape(CELL_SEP) + r"$", re.M)  # the separator after a row's last cell


class RtfError(Exception):
    """Not an RTF document (one-line message)."""


class RtfTooLarge(RtfError):
    """The document's text is longer than allowed."""


def rtf_text(data: bytes, max_chars: int | None = None) -> str:
    """Return the text of an RTF document given as bytes.

    Tokens are read one at a time and the text gathered in chunks, so memory follows the text,
    not the number of tokens; :class:`RtfTooLarge` as soon as the text passes ``max_chars``.
    """
    if not data.lstrip().startswith(b"{\\rtf"):
        raise RtfError("not an RTF document (no {\\rtf header)")
    m = re.search(rb"\\ansicpg(\d+)", data[:2000])
    codepage = f"cp{int(m.group(1))}" if m else "cp1252"
    try:
        "".encode(codepage)
    except LookupError:
        codepage = "cp1252"
    out: list[str] = []
    chunks: list[str] = []  # out, joined every _CHUNK pieces
    total = 0
    pending = bytearray()  # \'xx bytes waiting to be decoded together
    stack: list[tuple[bool, int]] = []
    skip, uc, to_skip = False, 1, 0
    first_in_group = False

    def flush():
        if pending:
            out.append(pending.decode(codepage, errors="replace"))
            pending.clear()

    for token in _TOKEN.finditer(data):
        if len(out) >= _CHUNK:
            chunk = "".join(out)
            out.clear()
            chunks.append(chunk)
            total += len(chunk)
            if max_chars is not None and total > max_chars:
                raise RtfTooLarge(f"RTF text longer than the limit of {max_chars:,} characters")
        word, arg, hexbyte, sym, brace, newline, plain = token.groups()
        if brace == b"{":
            flush()
            stack.append((skip, uc))
            first_in_group = True
            continue
        if brace == b"}":
            flush()
            skip, uc = stack.pop() if stack else (False, 1)
            to_skip = 0
            first_in_group = False
            continue
        starts_group, first_in_group = first_in_group, False
        if newline:
            continue
        if sym:
            if sym == b"*":
                skip = True
            elif not skip:
                if to_skip:
                    to_skip -= 1
                    continue
                flush()
                out.append(_SYMBOL.get(sym, ""))
            continue
        if hexbyte:
            if to_skip:
                to_skip -= 1
            elif not skip:
                pending.append(int(hexbyte, 16))
            continue
        if word:
            if starts_group and word in _SKIP:
                skip = True
                continue
            if word == b"uc" and arg:
                uc = int(arg)
                continue
            if skip:
                continue
            if word == b"u" and arg:
                flush()
                n = int(arg)
                out.append(chr(n + 65536 if n < 0 else n))
                to_skip = uc
                continue
            if word in _BREAK:
                flush()
                out.append(_BREAK[word])
            continue
        if plain and not skip:
            text = plain.decode(codepage, errors="replace")
            if to_skip:
                cut = min(to_skip, len(text))
                text, to_skip = text[cut:], to_skip - cut
            flush()
            out.append(text)
    flush()
    chunks.append("".join(out))
    return _ROW_END.sub("", "".join(chunks))
