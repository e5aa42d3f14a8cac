"""Read Vietnamese administrative documents and extract offset-anchored facts.

    >>> from ingest import read, extract
    >>> facts = extract(read("data/seed/ke-hoach-dan-van-dan-chu-2026.txt"))  # doctest: +SKIP
"""
from .errors import IngestError
from .facts import Facts
from .pipeline import extract, extract_text
from .read import read

__all__ = ["read", "extract", "extract_text", "Facts", "IngestError"]
