"""Stage 1: bytes on disk → Source (the text of record). Minimal version; the readers work extends it."""
from __future__ import annotations

import hashlib
from pathlib import Path

from .errors import ReadError, UnsupportedFormat
from .facts import Source

SUPPORTED = {".txt": "txt"}


def read(path: str | Path) -> Source:
    """Read one document file into a Source."""
    p = Path(path)
    fmt = SUPPORTED.get(p.suffix.lower())
    if fmt is None:
        raise UnsupportedFormat(str(p), f"unsupported format {p.suffix or '(none)'}")
    try:
        data = p.read_bytes()
    except OSError as e:
        raise ReadError(str(p), f"cannot read file ({e.strerror})") from None
    text = data.decode("utf-8-sig")
    return Source(text=text, format=fmt, path=str(p), sha256=hashlib.sha256(data).hexdigest(), encoding="utf-8")
