"""The fast paths of the speed work find exactly what the plain patterns find (issue 9, item 4).

Each fast path trades a full regex pass for anchors, a trie or a quick test; these tests hold it to
the plain pattern on random strings built from the words the patterns look for (blanks, line breaks,
bullets and digits between them), so that an edit of a pattern's words that the fast path does not
follow fails here. ``bench/facts_hash.py`` checks the same on the real corpora.
"""
from __future__ import annotations

import random
import re

from ingest import assignments as A
from ingest import deadlines as D
from ingest import units as U

SEPARATORS = [" ", "  ", "\t", "\n", "", " \n ", "   ", "\n- ", "\n+ \t"]


def _texts(pieces, n, seed, words=25):
    rnd = random.Random(seed)
    for _ in range(n):
        yield "".join(rnd.choice(pieces) + rnd.choice(SEPARATORS) for _ in range(rnd.randrange(1, words))), rnd


def test_deadline_gates_find_every_match():
    pieces = ["trong", "Trong", "TRONG", "trước", "Trước", "đến", "Đến", "hết", "cả", "cuối", "hoàn", "thành", "xong",
              "thực", "hiện", "chậm", "nhất", "là", "từ", "Từ", "nay", "hạn", "Hạn", "chót", "không", "quá", "KHÔNG",
              "\u212aHÔNG", "ngày", "Ngày", "tháng", "Tháng", "năm", "2025", "2030", "12", "5", "/", "-", ".", ":",
              "Quý", "quý", "quí", "IV", "kể", "Định", "định", "kỳ", "hằng", "Hằng", "hàng", "Giai", "giai", "đoạn",
              "thường", "Thường", "xuyên", "chi", "x", "(", ";", "•", "İ"]
    for t, rnd in _texts(pieces, 3000, 7):
        a, b = sorted((rnd.randrange(len(t) + 1), rnd.randrange(len(t) + 1))) if rnd.random() < 0.5 else (0, len(t))
        for kind, rx in D._PATTERNS:
            plain = [m.span() for m in rx.finditer(t, a, b)]
            assert [m.span() for m in D._matches(kind, rx, t, a, b)] == plain, (kind, t, a, b)


def test_unit_phrase_trie_is_the_longest_first_alternation():
    toks = ["a", "ab", "b", "Sở", "Sở,", "-", "&", "y", "tế", "c"]
    rnd = random.Random(5)
    for _ in range(300):
        words = [" ".join(rnd.choice(toks) for _ in range(rnd.randrange(1, 4))) for _ in range(rnd.randrange(1, 8))]
        tail = rnd.choice(["", r"(?![\wÀ-ỹ])", r"\s+b", r"(?:\s+c)?(?!\w)"])
        trie, flat = re.compile("(?:" + U._alt(words) + ")" + tail), re.compile("(?:" + U._alt_flat(words) + ")" + tail)
        for t, _ in _texts(toks + ["x"], 5, rnd.random(), 6):
            for p in range(len(t)):
                m1, m2 = trie.match(t, p), flat.match(t, p)
                assert (m1 and m1.span()) == (m2 and m2.span()), (words, tail, t, p)


def test_role_cues_quick_tests_and_clause_ends():
    words = sorted({w for rx in (A._CUE_LEAD, A._CUE_SUPPORT, A._CUE_REPORT, A._CUE_VIA, *A.ROLE_FIELDS.values())
                    for w in re.findall(r"[^\W\d_]+", rx.pattern.replace("\\s", " ")) if len(w) > 1})
    checks = [(A._CUE_LEAD, A._LEAD_ENDS), (A._CUE_SUPPORT, A._SUPPORT_ENDS), (A._CUE_REPORT, A._REPORT_ENDS),
              (A._CUE_VIA, ("qua",))] + [(rx, (":",)) for rx in A.ROLE_FIELDS.values()]
    for t, rnd in _texts(words + ["6", ",", "(", ":", "Giao", "Gửi", "Cùng", "được"], 20000, 3, 7):
        tail = t.rstrip()
        for rx, ends in checks:
            assert not rx.search(t) or tail.endswith(ends), (rx.pattern[:40], t)
        last = t.rsplit(None, A._NOT_SUBJECT_WORDS)
        k = len(last[0]) if len(last) > A._NOT_SUBJECT_WORDS else 0
        assert bool(A._NOT_SUBJECT_BEFORE.search(t)) == bool(A._NOT_SUBJECT_BEFORE.search(t, k)), t
        lo = rnd.randrange(len(t) + 1)
        pos = rnd.randrange(lo, len(t) + 1)
        ends_at = [m.end() for m in A._CLAUSE_END.finditer(t, lo, pos)]
        m = A._LAST_CLAUSE_END.match(t, lo, pos)
        assert (m.end() if m else lo) == (ends_at[-1] if ends_at else lo), (t, lo, pos)
