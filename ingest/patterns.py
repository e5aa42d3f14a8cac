"""Patterns as data: document types and issuer codes, loaded from ``data/patterns/*.json``.

The data files carry their own examples; ``tests/test_patterns_data.py`` checks them against the
grammar in both directions. Loading validates the files and reports every problem at once.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .errors import PatternError

DATA = Path(__file__).resolve().parent.parent / "data" / "patterns"


@dataclass(frozen=True, slots=True)
class DocType:
    name: str
    words: tuple[str, ...]
    codes: tuple[str, ...]
    family: str
    examples: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Patterns:
    types: tuple[DocType, ...]
    code_to_type: dict  # canonical code → type name ("NĐ" → "Nghị định")
    code_canonical: dict  # upper-cased code → canonical spelling ("CTR" → "CTr")
    word_to_type: dict  # folded type word → type name
    national_issuers: dict  # code → body
    term_issuers: dict  # "QH" → "Quốc hội"
    issuer_examples: dict


@lru_cache(maxsize=1)
def load(folder: str | None = None) -> Patterns:
    """Load and validate the pattern data (cached)."""
    base = Path(folder) if folder else DATA
    problems: list[str] = []
    try:
        types_raw = json.loads((base / "doc_types.json").read_text(encoding="utf-8"))
        issuers_raw = json.loads((base / "issuers.json").read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as e:
        raise PatternError(str(base), f"cannot load pattern data: {e}") from None
    types = []
    code_to_type: dict[str, str] = {}
    word_to_type: dict[str, str] = {}
    for i, t in enumerate(types_raw.get("types", [])):
        for key in ("name", "words", "codes", "family"):
            if key not in t:
                problems.append(f"doc_types.json types[{i}]: missing {key!r}")
        if not {"name", "words", "codes"} <= t.keys():
            continue
        dt = DocType(t["name"], tuple(t["words"]), tuple(t["codes"]), t.get("family", "any"),
                     tuple(t.get("examples", ())))
        types.append(dt)
        for c in dt.codes:
            if c in code_to_type:
                problems.append(f"doc_types.json: code {c!r} used by {code_to_type[c]!r} and {dt.name!r}")
            code_to_type[c] = dt.name
        for w in dt.words:
            word_to_type.setdefault(w.lower(), dt.name)
    if problems:
        raise PatternError(str(base), "; ".join(problems))
    code_canonical = {c.upper(): c for c in code_to_type}
    return Patterns(tuple(types), code_to_type, code_canonical, word_to_type,
                    dict(issuers_raw.get("national", {})), dict(issuers_raw.get("term_prefixed", {})),
                    dict(issuers_raw.get("examples", {})))
