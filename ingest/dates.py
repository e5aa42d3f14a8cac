"""Dates that exist. A day written in a document is a date only if the calendar has it:
"31/02/2026" or "31/4/2025" is not a date (a typo, or an OCR slip) and yields None, never an
ISO string that a later stage (the catalogue, an ``xsd:date`` literal) would choke on.

    >>> real_date(2024, 2, 29), real_date(2025, 2, 29), real_date("2025", "4", "31")
    ('2024-02-29', None, None)
"""
from __future__ import annotations

from datetime import date


def real_date(year, month, day) -> str | None:
    """``YYYY-MM-DD`` for a day that exists (arguments as ints or digit strings), else None."""
    try:
        return date(int(year), int(month), int(day)).isoformat()
    except (TypeError, ValueError, OverflowError):
        return None
