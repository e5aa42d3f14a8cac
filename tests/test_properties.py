"""Invariants on arbitrary text (hypothesis): extraction never raises, every offset is in bounds and
quotes its text, cleaning is idempotent and its offset map is monotone."""
from __future__ import annotations

import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingest import extract_text
from ingest.clean import clean

# text made of the pieces that matter: Vietnamese letters (composed and decomposed), digits,
# separators of symbols, line breaks, page furniture and real symbol fragments
PIECES = st.sampled_from([
    "Nghị định", "số", " ", "\n", "\n\n", "59", "/", "2023", "-", "NĐ", "CP", "Ð", "–", "ngày", "14/8/2023",
    "tháng", "năm", "của", "Chính phủ", "Kế hoạch", "32/KH-", "UBND", "05-CT/TW", "Luật Thực hiện dân chủ ở cơ sở",
    "I.", "II.", "1.", "2.1.", "a)", "- ", "Giao", "Sở Nội vụ", "phối hợp với", "báo cáo", "Phòng", "(", ")", ";",
    "CÔNG BÁO/Số 286/Ngày 27-05-2026", "Ký bởi: X", "Điều 1.", "PHỤ LỤC", "STT", "chủ trì", "này",
    "a\u0301", "Ủy ban nhân dân", "uỷ", "\u00a0", "\ufeff", "\u2028", "𝕏",
])
DOCS = st.one_of(st.text(max_size=400), st.lists(PIECES, max_size=80).map("".join))

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(DOCS)
def test_extraction_never_raises_and_offsets_quote_the_text(text):
    f = extract_text(text)
    n = len(text)
    for c in f.citations:
        assert 0 <= c.start < c.end <= n and text[c.start:c.end] == c.text
    for t in f.tasks:
        assert 0 <= t.start <= t.end <= n and text[t.start:t.end] == t.text
    for u in f.units:
        for s, e in u.mentions:
            assert 0 <= s < e <= n
    for r in f.relations:
        assert text[r.start:r.end] == r.text
    for sp, _ in f.dates:
        assert text[sp.start:sp.end] == sp.text
    for _, sp in f.document.spans:
        assert text[sp.start:sp.end] == sp.text
    f.to_json()  # serialisable


@SETTINGS
@given(DOCS)
def test_cleaning_is_idempotent(text):
    once = clean(text).text
    assert clean(once).text == once


@SETTINGS
@given(DOCS)
def test_offset_map_is_monotone_and_in_bounds(text):
    c = clean(text)
    assert unicodedata.is_normalized("NFC", c.text)
    prev = 0
    for i in range(len(c.text) + 1):
        s, _ = c.span(i, i)
        assert prev <= s <= len(text)
        prev = s
    assert c.span(0, len(c.text)) == (0, len(text)) or len(c.text) == 0
