"""The extraction pipeline: Source → Facts, one stage per module."""
from __future__ import annotations

from pathlib import Path

from .errors import ReadError
from .facts import DocumentInfo, Facts, Source
from .read import SUPPORTED, read


def extract(source: Source) -> Facts:
    """Extract every fact from one read document."""
    return Facts(source=source, document=DocumentInfo())


def extract_text(text: str, path: str = "<text>") -> Facts:
    """Extract from a string (for tests, the app's preview and questions)."""
    import hashlib
    src = Source(text=text, format="txt", path=path, sha256=hashlib.sha256(text.encode("utf-8")).hexdigest())
    return extract(src)


def extract_file(path: str | Path) -> Facts:
    return extract(read(path))


def walk(paths) -> list[Path]:
    """Expand files and folders into document files, in path order."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out += sorted(q for q in p.rglob("*") if q.is_file() and q.suffix.lower() in SUPPORTED)
        elif p.exists():
            out.append(p)
        else:
            raise ReadError(str(p), "no such file or folder")
    return out
