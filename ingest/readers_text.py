"""Plain-text bytes → Unicode: BOMs, UTF-8, UTF-16, Windows-1258, TCVN3, VNI, cp1252 mojibake.

The usual case, UTF-8 Vietnamese, costs one decode and a look at a sample
(:func:`ingest.legacy.detect`); everything else is tried only when that fails.
"""
from __future__ import annotations

import codecs
import re
import unicodedata

from . import legacy

# Magic numbers of binary formats someone may rename to .txt (first bytes → what it is).
_MAGIC = (
    (b"%PDF", "a PDF file"), (b"PK\x03\x04", "a ZIP archive or .docx"), (b"\xd0\xcf\x11\xe0", "an OLE2/Word .doc file"),
    (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
    (b"MZ", "a Windows executable"), (b"\x7fELF", "an ELF executable"), (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!", "a RAR archive"), (b"7z\xbc\xaf", "a 7-Zip archive"), (b"II*\x00", "a TIFF image"), (b"MM\x00*", "a TIFF image"),
)
# Control bytes that never occur in text (everything below 0x20 but \t \n \v \f \r and Ctrl-Z).
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x19\x1c-\x1f]")
_SNIFF = 8192

# UTF-8 Vietnamese read as Windows-1252: "á»" / "áº" start most toned letters, "Ä‘" is đ.
_MOJIBAKE_HINTS = ("á»", "áº", "Ä‘", "Æ°", "Ã¡", "Ã ")


class Undecodable(Exception):
    """One-line reason why these bytes are not a text we can decode."""


class Binary(Undecodable):
    """The bytes are not text at all."""


def sniff_binary(data: bytes) -> str | None:
    """Return what binary thing ``data`` is (one phrase) or None if it may be text."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return what
    head = data[:_SNIFF]
    if _utf16_without_bom(head):
        return None
    if b"\x00" in head or len(_CONTROL.findall(head)) > max(2, len(head) // 100):
        return "binary content"
    return None


def _utf16_without_bom(head: bytes) -> str | None:
    if len(head) < 16:
        return None
    even, odd = head[0::2], head[1::2]
    z_even, z_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if z_odd > 0.3 and z_even < 0.02:
        return "utf-16-le"
    if z_even > 0.3 and z_odd < 0.02:
        return "utf-16-be"
    return None


def decode_text(data: bytes) -> tuple[str, str, tuple[str, ...]]:
    """Decode text bytes; return (text, encoding, notes). Raises :class:`Undecodable`."""
    if data.startswith(codecs.BOM_UTF8):
        text, enc = _utf8(data[3:]), "utf-8"
        return _after_unicode(text, enc, ("dropped a UTF-8 byte order mark",))
    for bom, codec in ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
                       (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(codec)
            except UnicodeDecodeError as e:
                raise Undecodable(f"invalid {codec.upper()} text at byte {e.start + len(bom)}") from None
            return _after_unicode(text, codec.rsplit("-", 1)[0], (f"decoded as {codec.upper()} (byte order mark)",))
    what = sniff_binary(data)
    if what:
        raise Binary(f"not a text document ({what})")
    codec = _utf16_without_bom(data[:_SNIFF])
    if codec:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            raise Binary("not a text document (binary content)") from None
        return _after_unicode(text, "utf-16", (f"decoded as {codec.upper()} without byte order mark",))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return _single_byte(data)
    return _after_unicode(text, "utf-8", ())


def _utf8(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise Undecodable(f"invalid UTF-8 after a UTF-8 byte order mark (byte {e.start + 3})") from None


def _after_unicode(text: str, enc: str, notes: tuple[str, ...]) -> tuple[str, str, tuple[str, ...]]:
    """Unicode text: repair cp1252 mojibake, convert legacy TCVN3/VNI typed into it."""
    if text.isascii():
        return text, enc, notes
    sample = text[:legacy.SAMPLE]
    if any(h in sample for h in _MOJIBAKE_HINTS):
        fixed = _undo_mojibake(text)
        if fixed is not None:
            return fixed, enc, notes + ("repaired UTF-8 that had been decoded as Windows-1252 (mojibake)",)
    kind = legacy.detect(text)
    if kind:
        return legacy.convert(text, kind), kind, notes + (f"converted from {LEGACY_NAME[kind]} to Unicode",)
    return text, enc, notes


LEGACY_NAME = {"tcvn3": "TCVN3 (ABC)", "vni": "VNI-Windows", "tcvn3+vni": "mixed TCVN3 and VNI-Windows"}
_CP1252_REVERSE = {bytes([b]).decode("cp1252", errors="ignore") or chr(b): b for b in range(256)}


def _undo_mojibake(text: str) -> str | None:
    try:
        raw = bytes(_CP1252_REVERSE[c] if c in _CP1252_REVERSE else 256 for c in text)
    except ValueError:  # a character Windows-1252 cannot have produced: not mojibake
        return None
    try:
        fixed = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return fixed if legacy.vietnamese_share(fixed) > legacy.vietnamese_share(text) else None


def _single_byte(data: bytes) -> tuple[str, str, tuple[str, ...]]:
    """Not UTF-8: Windows-1258 first (if it reads as clean Vietnamese), then TCVN3/VNI."""
    try:
        text = unicodedata.normalize("NFC", data.decode("cp1258"))
    except UnicodeDecodeError:
        text = None
    if text is not None and legacy.vietnamese_share(text) >= 0.95 and legacy.count_vietnamese(text):
        return text, "cp1258", ("decoded as Windows-1258 and NFC-normalised (its tone marks are combining)",)
    latin = data.decode("latin-1")
    kind = legacy.detect(latin)
    if kind:
        out = legacy.convert(latin, kind)
        if legacy.vietnamese_share(out) >= 0.9:
            return out, kind, (f"converted from {LEGACY_NAME[kind]} to Unicode",)
        raise Undecodable(f"text encoding not recognised (not UTF-8 or UTF-16, and read as "
                          f"{LEGACY_NAME[kind]} it is not Vietnamese); save it as UTF-8")
    raise Undecodable("text encoding not recognised (not UTF-8 or UTF-16, and not Vietnamese in "
                      "Windows-1258, TCVN3 or VNI); save it as UTF-8")
