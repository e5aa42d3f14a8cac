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
    reader = _RtfReader(codepage, max_chars)
    for token in _TOKEN.finditer(data):
        reader.feed(*token.groups())
    return _ROW_END.sub("", reader.text())


class _RtfReader:
    """The RTF state machine: groups, skipped destinations, \\uN with its fallback characters, \\'xx
    bytes decoded together in the document's code page."""

    def __init__(self, codepage: str, max_chars: int | None):
        self.codepage, self.max_chars = codepage, max_chars
        self.out: list[str] = []
        self.chunks: list[str] = []  # out, joined every _CHUNK pieces
        self.total = 0
        self.pending = bytearray()  # \\'xx bytes waiting to be decoded together
        self.stack: list[tuple[bool, int]] = []
        self.skip, self.uc, self.to_skip = False, 1, 0
        self.first_in_group = False

    def flush(self) -> None:
        if self.pending:
            self.out.append(self.pending.decode(self.codepage, errors="replace"))
            self.pending.clear()

    def text(self) -> str:
        self.flush()
        self.chunks.append("".join(self.out))
        return "".join(self.chunks)

    def _chunk(self) -> None:
        chunk = "".join(self.out)
        self.out.clear()
        self.chunks.append(chunk)
        self.total += len(chunk)
        if self.max_chars is not None and self.total > self.max_chars:
            raise RtfTooLarge(f"RTF text longer than the limit of {self.max_chars:,} characters")

    def feed(self, word, arg, hexbyte, sym, brace, newline, plain) -> None:
        if len(self.out) >= _CHUNK:
            self._chunk()
        if brace:
            self.flush()
            if brace == b"{":
                self.stack.append((self.skip, self.uc))
                self.first_in_group = True
            else:
                self.skip, self.uc = self.stack.pop() if self.stack else (False, 1)
                self.to_skip = 0
                self.first_in_group = False
            return
        starts_group, self.first_in_group = self.first_in_group, False
        if newline:
            return
        if sym:
            self._symbol(sym)
        elif hexbyte:
            if self.to_skip:
                self.to_skip -= 1
            elif not self.skip:
                self.pending.append(int(hexbyte, 16))
        elif word:
            self._control(word, arg, starts_group)
        elif plain and not self.skip:
            self._plain(plain)

    def _symbol(self, sym: bytes) -> None:
        if sym == b"*":
            self.skip = True
        elif not self.skip:
            if self.to_skip:
                self.to_skip -= 1
                return
            self.flush()
            self.out.append(_SYMBOL.get(sym, ""))

    def _control(self, word: bytes, arg, starts_group: bool) -> None:
        if starts_group and word in _SKIP:
            self.skip = True
        elif word == b"uc" and arg:
            self.uc = int(arg)
        elif self.skip:
            return
        elif word == b"u" and arg:
            self.flush()
            n = int(arg)
            self.out.append(chr(n + 65536 if n < 0 else n))
            self.to_skip = self.uc
        elif word in _BREAK:
            self.flush()
            self.out.append(_BREAK[word])

    def _plain(self, plain: bytes) -> None:
        text = plain.decode(self.codepage, errors="replace")
        if self.to_skip:
            cut = min(self.to_skip, len(text))
            text, self.to_skip = text[cut:], self.to_skip - cut
        self.flush()
        self.out.append(text)
