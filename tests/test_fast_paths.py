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


# quick tests of the speed work on roles, units, tasks and citations: each one may only skip a
# pattern that cannot match (letters whose case IGNORECASE reads otherwise than str.lower included)
_CASE_ODD = ["İ", "ı", "ſ", "\u212a"]


def test_role_quick_tests_skip_no_match():
    strong = ["chủ", "trì", "Chủ", "CHỦ", "TRÌ", "có", "trách", "nhiệm", "chịu", "là", "cơ", "quan", "đơn", "vị",
              "thường", "trực", "đầu", "mối", "được", "giao", "đồng", "(", ")", ",", "x"] + _CASE_ODD
    far = ["báo", "cáo", "Báo", "gửi", "Gửi", "kết", "quả", "về", "lên", "đến", "viên", "được", "x", "."]
    bare = ["phối", "Phối", "hợp", "chặt", "chẽ", "với", "cùng", "doanh", "X", "("]
    found = [0, 0, 0]
    for t, _ in _texts(strong, 20000, 11, 6):
        found[0] += A._strong_after(t)
        assert A._strong_after(t) == bool(A._STRONG_AFTER.match(t)), t
    for t, rnd in _texts(bare, 80000, 12, 10):
        lo, hi = sorted((rnd.randrange(len(t) + 1), rnd.randrange(len(t) + 1))) if rnd.random() < 0.5 else (0, len(t))
        plain = [m.span() for m in A._SUPPORT_BARE.finditer(t, lo, hi)]
        found[1] += bool(plain)
        assert [m.span() for m in A._support_bare(t, lo, hi)] == plain, (t, lo, hi)
    for t, rnd in _texts(far, 80000, 15, 10):
        lo, hi = sorted((rnd.randrange(len(t) + 1), rnd.randrange(len(t) + 1))) if rnd.random() < 0.5 else (0, len(t))
        if A._CUE_REPORT_FAR.search(t, lo, hi):
            found[2] += 1
            tail = t[max(lo, hi - 60):hi].rstrip()
            assert len(tail) < 3 or tail.endswith(A._REPORT_FAR_ENDS), t[lo:hi]
            assert "áo" in t[lo:hi] or "ửi" in t[lo:hi], t[lo:hi]
    assert min(found) > 20, found  # the strings do reach the patterns


def test_unit_and_task_quick_tests_skip_no_match():
    from ingest import tasks as T
    from ingest.units import _LOWER_STARTS

    working = ["Nguyên tắc", "nguyên tắc", "Chế độ", "chế độ", "làm việc", "LÀM VIỆC", "hoạt động", "Quan hệ",
               "công tác", "theo", "là", "cơ quan", "thường trực", "Hội", "x", "."] + _CASE_ODD
    found = [0, 0]
    for t, _ in _texts(working, 20000, 13, 8):
        found[0] += T._working_rule(t)
        assert T._working_rule(t) == bool(T._WORKING_RULE.match(t)), t
    for t, _ in _texts([",", "và", "-", "&", "hoặc", "\n", "Sở", "x", " "], 5000, 14, 6):
        found[1] += bool(U._TRAIL.search(t))
        assert not U._TRAIL.search(t) or t.endswith(U._TRAIL_ENDS), t
    assert min(found) > 20, found
    # the lower-case starts: the look-ahead tested before the look-behind finds the same positions
    rest: dict[str, list[str]] = {}
    for w in _LOWER_STARTS:
        rest.setdefault(w[0], []).append(w[1:])
    behind_first = re.compile("|".join(re.escape(c) + r"(?<![\wÀ-ỹ]" + re.escape(c) + r")(?=" +
                                       "|".join(map(re.escape, sorted(v, key=len, reverse=True))) + ")"
                                       for c, v in rest.items()))
    for t, _ in _texts(list(_LOWER_STARTS) + ["x", "ác", "a", "1"], 5000, 17, 12):
        assert [m.start() for m in U._LOWER_START_RE.finditer(t)] == [m.start() for m in behind_first.finditer(t)], t


def test_law_heads_and_closing_marks_from_literals():
    from ingest import citations as C
    from ingest import regexes as R
    from ingest import structure as S

    pieces = ["Bộ", "luật", "Luật", "LUẬT", "Hiến", "pháp", "Pháp", "lệnh", "số", "này", "sư", "Dân", "sự", "x", "B",
              "Nơi nhận", "NƠI NHẬN", "TM.", "KT.", "TL.", "TUQ.", "Q.", "ỦY", "BAN", ":", "\u3000", "\xa0"]
    for t, _ in _texts(pieces, 20000, 19, 12):
        assert [m.span() for m in C._named_heads(t)] == [m.span() for m in R.NAMED_HEAD.finditer(t)], t
        plain = set()
        for m in re.finditer(r"Nơi nhận|NƠI NHẬN|TM\.|KT\.|TL\.|TUQ\.|Q\.", t):
            ls = t.rfind("\n", 0, m.start()) + 1
            if not t[ls:m.start()].strip() and S._END_MARK.match(t, ls):
                plain.add(ls)
        assert S.end_marks(t) == sorted(plain), t


def test_capital_runs_by_first_letter_and_odd_character_probe():
    from ingest import clean as C

    pieces = ["UBND", "TCHCQT", "Sở", "SỞ", "Đ", "ĐT", "QĐ", "KH&CN", "Ủ", "ỦY", "T", "x", "1", "-", "\xa0", "\u2013", "Ð"]
    for t, _ in _texts(pieces, 5000, 23, 10):
        runs = set(U._CAPS_RUN.findall(t))
        for letter in {r[0] for r in runs} | {"T", "Đ", "Q"}:
            assert set(U._caps_runs_from(letter).findall(t)) == {r for r in runs if r[0] == letter}, (letter, t)
        assert C._chars(t) == (C._CHAR_PROBE.sub(C._char_repl, t) if C._CHAR_PROBE.search(t) else t), t
