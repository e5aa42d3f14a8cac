"""The pattern data (data/patterns/*.json) is checked in both directions against the grammar:
every example of a type is found with that type, every code maps to one type, issuer examples hold."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from ingest.citations import find_citations
from ingest.clean import clean
from ingest.errors import PatternError
from ingest.patterns import DATA, load

P = load()
EXAMPLES = [(t.name, ex) for t in P.types for ex in t.examples]


@pytest.mark.parametrize("type_name,example", EXAMPLES, ids=[e for _, e in EXAMPLES])
def test_every_example_is_found_with_its_type(type_name, example):
    found = find_citations(clean(example).text)
    assert len(found) == 1, f"{example!r} gave {found}"
    assert found[0].type == type_name
    assert found[0].start == 0 and found[0].end == len(example)


def test_every_type_with_codes_has_an_example():
    missing = [t.name for t in P.types if t.codes and not t.examples]
    assert missing == []


@pytest.mark.parametrize("symbol,issuer", sorted(P.issuer_examples.items()))
def test_issuer_examples(symbol, issuer):
    found = find_citations(symbol)
    assert found and found[0].symbol == symbol and found[0].issuer == issuer


def test_data_files_are_canonical_json():
    for name in ("doc_types.json", "issuers.json"):
        raw = (DATA / name).read_text(encoding="utf-8")
        json.loads(raw)  # valid
        assert "\t" not in raw


def test_invalid_pattern_data_reports_every_problem(tmp_path: Path):
    (tmp_path / "doc_types.json").write_text(json.dumps({"types": [
        {"name": "A", "words": ["A"], "codes": ["X"], "family": "any"},
        {"name": "B", "words": ["B"], "codes": ["X"], "family": "any"},
        {"name": "C"},
    ]}), encoding="utf-8")
    (tmp_path / "issuers.json").write_text("{}", encoding="utf-8")
    with pytest.raises(PatternError) as e:
        load.__wrapped__(str(tmp_path))
    msg = str(e.value)
    assert "code 'X' used by 'A' and 'B'" in msg and "types[2]: missing 'words'" in msg
