"""Stage 3e: the time limit an item sets, normalised (contract: ``deadline``).

Values: ``"2025-12-15"`` (a day), ``"2025-12"`` (a month), ``"2025-Q4"`` (a quarter), ``"2025"`` (a
year, or the end year of a period ``2026–2030``), or one of the words ``"thường xuyên"``,
``"hằng năm"``, ``"hằng quý"``, ``"hằng tháng"``, ``"hằng tuần"``, ``"hằng ngày"``.

A phrase is a deadline only where the words make it one: a date after ``trước`` / ``chậm nhất`` /
``hạn`` / ``vào`` (the day an event is set for: ``khởi công vào ngày 19 tháng 12 năm 2025``), a month or quarter (``trong tháng 11/2025``, ``Quý IV/2025``), a year after ``trong`` /
``đến`` / ``hoàn thành`` (``đến năm 2030``), a period under ``Giai đoạn`` or in a time column or
field, a recurring word (``hằng năm``, ``định kỳ hằng quý``) or ``thường xuyên`` used as an adverb
(never ``chi thường xuyên``, a budget line). A date inside a citation (``Nghị quyết 66-NQ/TW ngày
30/4/2025``) is never a deadline: the caller passes the citations' spans as ``exclude``.

When an item names several, the most precise wins (a day, a month, a quarter, a recurring word,
a year, ``thường xuyên``); a day written without its year (``trước ngày 10/12 hằng năm``) yields to
the recurring word; such a day in a periodic duty (``báo cáo định kỳ (trước ngày 15 tháng 12)``) or of
"the year after" (``trước ngày 30 tháng 01 năm sau``) recurs every year.

    >>> deadline_of("Hoàn thành trước ngày 15/12/2026.").value
    '2026-12-15'
    >>> deadline_of("gửi Báo cáo về Văn phòng Chính phủ trước 17 giờ ngày 27/11/2025").value
    '2025-11-27'
    >>> deadline_of("tổ chức lễ khởi công dự án vào ngày 19 tháng 12 năm 2025").value
    '2025-12-19'
    >>> DeadlineIndex("báo cáo Phó Thủ tướng trước ngày 15 tháng 11 năm 2025", since="2025-11-18").best(0, 60).value
    '2025-11-15'
    >>> DeadlineIndex("đất sử dụng ổn định trước ngày 01/7/2004", since="2025-11-18").best(0, 60) is None
    True
    >>> deadline_of("báo cáo kết quả trong Quý IV/2025").value
    '2025-Q4'
    >>> deadline_of("Định kỳ hằng năm (trước ngày 15 tháng 12) báo cáo").value
    'hằng năm'
    >>> deadline_of("báo cáo định kỳ (trước ngày 30 tháng 01 năm sau) về Ủy ban nhân dân tỉnh").value
    'hằng năm'
    >>> deadline_of("báo cáo định kỳ 6 tháng (trước ngày 15/6)") is None
    True
    >>> deadline_of("2026 - 2030", field=True).value
    '2030'
    >>> deadline_of("bố trí nguồn chi thường xuyên") is None
    True
    >>> deadline_of("Thực hiện Nghị quyết số 66-NQ/TW ngày 30/4/2025", exclude=[(10, 48)]) is None
    True
"""
from __future__ import annotations

import bisect
import datetime
import re
from dataclasses import dataclass

__all__ = ["Deadline", "DeadlineIndex", "deadline_of", "find_deadlines", "QUARTER_LABEL"]

_Y = r"(?:19|20)\d\d"
_ROMAN_Q = {"I": 1, "II": 2, "III": 3, "IV": 4, "1": 1, "2": 2, "3": 3, "4": 4}
QUARTER_LABEL = {1: "I", 2: "II", 3: "III", 4: "IV"}

_DAY_CUE = (r"(?:trước|chậm\s+nhất(?:\s+là)?|hạn\s+chót(?:\s+là)?|không\s+quá|đến\s+hết|hoàn\s+thành(?:\s+trước)?|"
            r"hạn(?:\s+cuối)?|xong\s+trước|trong\s+ngày|vào)")
_DATE = (r"(?P<d>\d{1,2})\s*[/.\-]\s*(?P<m>\d{1,2})(?:\s*[/.\-]\s*(?P<y>" + _Y + r"))?(?![\d/])"
         r"|(?P<ld>\d{1,2})\s+tháng\s+(?P<lm>\d{1,2})(?:\s+năm\s+(?P<ly>" + _Y + r"))?")
# the hour a day's limit may carry ("trước 17 giờ ngày 27/11/2025", "chậm nhất 15h00 ngày 10/12/2025")
_HOUR = r"\d{1,2}\s*(?:giờ|h|:)\s*(?:\d{2}(?:\s*phút)?)?\s*(?:,\s*)?(?=ngày|Ngày)"
_PATTERNS = [
    ("day", re.compile(r"(?i:" + _DAY_CUE + r")\s*:?\s+(?:" + _HOUR + r")?(?:(?:ngày|Ngày)\s+)?(?:" + _DATE + r")")),
    # a month is a time limit after a cue ("trong tháng 11/2025", "hoàn thành tháng 12 năm 2025") or opening
    # a schedule line ("Tháng 12/2025: …"); "ngày 01 tháng 12 năm 2025" is a day, "vào tháng 12/2025" an event
    ("month", re.compile(r"(?<![\wÀ-ỹ/])(?P<pre>(?:[Tt]rong|[Tt]rước|[Hh]oàn\s+thành(?:\s+trong)?|[Đđ]ến(?:\s+hết)?|[Cc]uối|"
                         r"[Hh]ết|[Cc]hậm\s+nhất(?:\s+là)?|[Xx]ong(?:\s+trong)?|[Tt]ừ\s+nay\s+đến(?:\s+hết)?|[Tt]hực\s+hiện\s+trong|"
                         r"[Hh]ạn)\s+|(?:^|(?<=\n))[ \t]*(?:[-+•][ \t]*)?(?=T))[Tt]háng\s+(?P<mon>\d{1,2})\s*(?:/|-|năm)\s*(?P<y>" + _Y + r")")),
    ("quarter", re.compile(r"(?<![\wÀ-ỹ])(?P<pre>(?:từ|kể\s+từ)\s+)?[Qq]u[ýí]\s+(?P<q>IV|III|II|I|[1-4])(?![\wÀ-ỹ])"
                           r"(?:\s*(?:/|-|năm)\s*(?P<y>" + _Y + r"))?")),
    ("recurring", re.compile(r"(?<![\wÀ-ỹ])(?:[Đđ]ịnh\s+kỳ\s+)?[Hh][ằà]ng\s+(?P<unit>năm|quý|tháng|tuần|ngày)(?![\wÀ-ỹ])")),
    # (?:(?<!\s)|(?<=[\wÀ-ỹ]\s)|(?=\S)): not from deep inside a run of spaces, where an earlier start
    # finds the same match; without it a long run of spaces cost time quadratic in its length
    ("year", re.compile(r"(?<![\wÀ-ỹ])(?:(?<!\s)|(?<=[\wÀ-ỹ]\s)|(?=\S))"
                        r"(?P<cue>(?:hoàn\s+thành|xong|thực\s+hiện)?\s*(?:trong|đến|trước|cuối|hết|đến\s+hết|"
                        r"trong\s+cả)\s+)(?:năm\s+)(?P<y>" + _Y + r")(?![\d\-–])(?!\s*[-–]\s*" + _Y + r")")),
    ("period", re.compile(r"(?<![\wÀ-ỹ])(?:[Gg]iai\s+đoạn\s+(?:từ\s+)?(?:năm\s+)?)(?P<y1>" + _Y + r")\s*(?:[-–—]|đến(?:\s+năm)?)\s*"
                          r"(?P<y>" + _Y + r")(?!\d)")),
    ("standing", re.compile(r"(?<![\wÀ-ỹ])[Tt]hường\s+xuyên(?![\wÀ-ỹ])")),
]
# Where a match of each kind above can start: a superset of its starts, found fast (the kinds' own
# patterns open with a look-behind, so the regex engine tried them at every position of the text).
# Most kinds are found from a literal they must hold, which the engine finds as fast as str.find;
# the words that may come before it are then read backwards (see _starts). A day's cue, written in
# any case, is gated by its first letter (a small set the engine skips to) and a look-ahead.
_DAY_GATE = re.compile(r"[TtCcHhKkĐđXxVv\u212a](?=(?i:rước|rong|hậm|ạn|oàn|hông|ến|ong|ào))")
# ... or, faster, by the first word of the cue in the lower-cased text (each letter that the cue
# matches in any case lower-cases to the cue's letter), when lower-casing kept every offset
_DAY_WORDS = [re.compile(w) for w in ("trước", "trong", "chậm", "hạn", "hoàn", "không", "đến", "xong", "vào")]
_LITERAL = {"month": ("háng",), "quarter": ("uý", "uí"), "recurring": ("ằng", "àng"), "period": ("iai",),
            "standing": ("hường",)}
_LITERAL_RE = {k: [re.compile(re.escape(w)) for w in ws] for k, ws in _LITERAL.items()}
# what the kind's pattern requires right after its literal (the common words "tháng", "hàng" are
# mostly no month or cycle): a literal not followed so starts no match, and the words before it
# are not read back
_LITERAL_TAIL = {"month": re.compile(r"\s+\d{1,2}\s*(?:/|-|năm)\s*" + _Y),
                 "recurring": re.compile(r"\s+(?:năm|quý|tháng|tuần|ngày)(?![\wÀ-ỹ])")}
_YEAR_ANCHOR = re.compile(r"năm\s+" + _Y)
# the words before "Tháng" that make a month a time limit (the month pattern's cue, optional parts spelt
# out; the first word in either case), and the last words of those, for a quick test
_MONTH_CUES = [("trong",), ("trước",), ("hoàn", "thành"), ("hoàn", "thành", "trong"), ("đến",), ("đến", "hết"),
               ("cuối",), ("hết",), ("chậm", "nhất"), ("chậm", "nhất", "là"), ("xong",), ("xong", "trong"),
               ("từ", "nay", "đến"), ("từ", "nay", "đến", "hết"), ("thực", "hiện", "trong"), ("hạn",)]
_MONTH_LAST = tuple({w[-1] for w in _MONTH_CUES} | {w[-1].capitalize() for w in _MONTH_CUES})
_YEAR_CUES = [("trong",), ("đến",), ("trước",), ("cuối",), ("hết",), ("đến", "hết"), ("trong", "cả")]
_YEAR_LAST = tuple({w[-1] for w in _YEAR_CUES})
_YEAR_LEADS = [("hoàn", "thành"), ("xong",), ("thực", "hiện")]
_GATED = {rx for kind, rx in _PATTERNS}

# in a time column or a "Thời gian thực hiện:" field every form counts, bare years and periods too
_FIELD_PATTERNS = [
    ("period", re.compile(r"(?<![\d/])(?:(?:[Gg]iai\s+đoạn|[Tt]ừ)\s+)?(?:[Nn]ăm\s+)?(?P<y1>" + _Y + r")\s*(?:[-–—]|đến(?:\s+năm)?)\s*"
                          r"(?:[Nn]ăm\s+)?(?P<y>" + _Y + r")(?!\d)")),
    ("year", re.compile(r"(?<![\d/.\-])(?:[Nn]ăm\s+)?(?P<y>" + _Y + r")(?![\d/.\-])")),
]
# a numbered heading of what is planned for a period, the period ending it ("2. Kế hoạch phát triển giai
# đoạn 2026 - 2030"): the period frames the items under it
_PLAN_HEADING = re.compile(r"[ \t]*(?:\d{1,2}(?:\.\d{1,2})*\.|[IVX]+\.)[ \t]*(?:[Kk]ế\s+hoạch|[Nn]hiệm\s+vụ|[Mm]ục\s+tiêu|[Ll]ộ\s+trình|[Cc]hỉ\s+tiêu|"
                           r"KẾ\s+HOẠCH|NHIỆM\s+VỤ|MỤC\s+TIÊU|LỘ\s+TRÌNH)[^\n.;:]{0,80}$")


def _plan_heading(text: str, line_start: int, e: int) -> bool:
    """Whether the period ending at ``e`` ends a ``_PLAN_HEADING`` line (only blanks or a colon after it)."""
    le = text.find("\n", e)
    return not text[e:len(text) if le == -1 else le].strip(" \t:") and _PLAN_HEADING.match(text, line_start, e) is not None


# a period is a deadline as a heading ("2. Giai đoạn 2031 - 2035") or after these words
_PERIOD_CUE = re.compile(r"(?:thực\s+hiện|triển\s+khai|hoàn\s+thành|thời\s+gian|tiến\s+độ)(?:\s+(?:trong|cho))?\s*:?\s*$", re.I)
# (or the duty's own words right before it: "… có trách nhiệm thường xuyên theo dõi, rà soát …")
_CLAUSE_OPEN = re.compile(r"(?:(?:^|[\n.;:(]|[-+•]\s|[a-zđ]\)|\d[.)])\s*(?:[Đđ]ịnh\s+kỳ\s+(?:và\s+)?|[Tt]hực\s+hiện\s+)?"
                          r"|(?<![\wÀ-ỹ])(?:có|chịu)\s+trách\s+nhiệm\s+)$")
_DUTY_VERB = re.compile(r"(?:thực\s+hiện|triển\s+khai|tổ\s+chức|duy\s+trì)\s+$")
_CLAUSE_CLOSE = re.compile(r"\s*(?:[.;\n]|$)")
# a recurring word is a time limit after a duty, a date or "định kỳ" ("báo cáo hằng năm", "trước ngày 10/12 hằng năm",
# "trước ngày 20 hằng tháng": a day of each period)
_RECUR_AFTER = re.compile(r"(?:báo\s+cáo|tổ\s+chức|thực\s+hiện|triển\s+khai|rà\s+soát|kiểm\s+tra|cập\s+nhật|đánh\s+giá|"
                          r"xây\s+dựng(?:\s+kế\s+hoạch)?|tổng\s+hợp|sơ\s+kết|tổng\s+kết|họp|gửi|kế\s+hoạch|"
                          r"\d{1,2}\s*[/.\-]\s*\d{1,2}|tháng\s+\d{1,2}|ngày\s+(?:\d{1,2}|thứ\s+[\wÀ-ỹ]+|chủ\s+nhật))(?:\s+[\wÀ-ỹ]+){0,3}\s*$", re.I)
_BLANKS_BEFORE_WORD = re.compile(r"[ \t]+(?=\w)")
# or it closes a clause about a report ("Báo cáo kết quả về Sở Nội vụ hàng tháng.", "… lồng ghép vào Báo cáo cải
# cách thủ tục hành chính của đơn vị, địa phương hàng tháng.")
_REPORT_CLAUSE = re.compile(r"(?<![\wÀ-ỹ])[Bb]áo\s+cáo(?![\wÀ-ỹ])[^.;:\n]{0,200}$")


def _opens_after_comma(text: str, s: int, e: int) -> bool:
    """A recurring word after a comma and before a capitalised word, the clause's subject ("Căn cứ Kế hoạch …,
    hàng năm Ủy ban nhân dân các xã xây dựng …"): when the duty recurs."""
    m = _BLANKS_BEFORE_WORD.match(text, e) if text[max(0, s - 2):s].strip() == "," else None
    return m is not None and text[m.end()].isupper()


# (lower-case "tài chính" only: "gửi Sở Tài chính trước ngày 25 tháng 01 hằng năm" names a body, not a budget)
_BUDGET = re.compile(r"(?:ngân\s+sách|dự\s+toán|kinh\s+phí|vốn|(?<!quan\s)(?-i:tài)\s+chính|phụ\s+cấp|trợ\s+cấp|lương|chi\s+trả|"
                     r"quyết\s+toán|mức\s+chi|hỗ\s+trợ)[^.;:\n]{0,30}$", re.I)
_NAMED_PLAN = re.compile(r"(?:Chương\s+trình|Chiến\s+lược|Đề\s+án|Quy\s+hoạch|Kế\s+hoạch|[Tt]ầm\s+nhìn|Dự\s+án|Nghị\s+quyết|"
                         r"Định\s+hướng|Kết\s+luận|Chỉ\s+thị)[^.;:\n]{0,110}$")
_RANK = {"day": 1, "month": 2, "quarter": 3, "recurring": 4, "year": 5, "period": 5, "standing": 6, "yearless_day": 7}
# "thường xuyên" names a budget line, not a time, after these words
_NOT_STANDING = re.compile(r"(?:chi|kinh\s+phí|ngân\s+sách|nguồn|dự\s+toán|vốn|khoản|sự\s+nghiệp|hoạt\s+động|nhiệm\s+vụ|"
                           r"không|chưa|thiếu)\s*$", re.I)


@dataclass(frozen=True, slots=True)
class Deadline:
    """A deadline found in the text: its normalised value and the words (clean-text offsets)."""

    value: str
    start: int
    end: int
    text: str
    rank: int  # 1 = most precise


def _value(kind: str, m: re.Match, year: int | None) -> tuple[str | None, str]:
    g = m.groupdict()
    if kind == "day":
        d, mo, y = g["d"] or g["ld"], g["m"] or g["lm"], g["y"] or g["ly"]
        if not (1 <= int(mo) <= 12 and 1 <= int(d) <= 31):
            return None, kind
        if not y:
            return f"--{int(mo):02d}-{int(d):02d}", "yearless_day"
        return f"{int(y):04d}-{int(mo):02d}-{int(d):02d}", kind
    if kind == "month":
        if not 1 <= int(g["mon"]) <= 12:
            return None, kind
        return f"{int(g['y']):04d}-{int(g['mon']):02d}", kind
    if kind == "quarter":
        if g.get("pre"):
            return None, kind
        y = g["y"] or (str(year) if year else None)
        return (f"{y}-Q{_ROMAN_Q[g['q'].upper()]}" if y else None), kind
    if kind == "recurring":
        return "hằng " + g["unit"].lower(), kind
    if kind in ("year", "period"):
        return g["y"], kind
    return "thường xuyên", kind


def _valid_day(value: str) -> bool:
    try:
        datetime.date.fromisoformat(value)
        return True
    except ValueError:
        return False  # 31/02, 31/4: not a day, so not a deadline


# after a day without its year: the year after the one reported on ("trước ngày 30 tháng 01 năm sau")
_NEXT_YEAR = re.compile(r"\s+(?:của\s+)?năm\s+(?:sau|tiếp\s+theo)(?![\wÀ-ỹ])")
# before it: a periodic duty ("báo cáo định kỳ (trước ngày 15 tháng 12)")
_PERIODIC_BEFORE = re.compile(r"(?<![\wÀ-ỹ])[Đđ]ịnh\s+kỳ(?![\wÀ-ỹ])(?!\s+(?:\d|h[ằà]ng|mỗi))"
                              r"(?![^.;\n]*?(?:h[ằà]ng|mỗi|\d)\s+(?:quý|tháng|tuần|ngày))[^.;\n]*$")


def find_deadlines(text: str, start: int = 0, end: int | None = None, *, year: int | None = None,
                   exclude=(), field: bool = False) -> list[Deadline]:
    """Every deadline phrase in text[start:end], in order (``exclude``: spans to skip, such as
    citations; ``year``: the year a quarter without its own belongs to; ``field``: the stretch is a
    time column or field, where bare years and periods count)."""
    end = len(text) if end is None else end
    ex = exclude if isinstance(exclude, _Spans) else _Spans(exclude)
    out: list[Deadline] = []
    # spans kept by the kinds before this one: sorted and disjoint, so the one starting last before
    # a match's end is the only one that can overlap it (a pair loop over them was quadratic)
    taken: list[tuple[int, int]] = []
    for kind, rx in _PATTERNS + (_FIELD_PATTERNS if field else []):
        starts = [a for a, _ in taken]
        kept: list[tuple[int, int]] = []  # this kind's: finditer's matches never overlap each other
        for m in _matches(kind, rx, text, start, end):
            s, e = m.span()
            j = bisect.bisect_left(starts, e) - 1
            if ex.holds(s) or ex.holds(e - 1) or (j >= 0 and taken[j][1] > s):
                continue
            if kind == "standing" and (_NOT_STANDING.search(text, max(start, s - 25), s)
                                       or not (field or s == start or _CLAUSE_OPEN.search(text, max(start, s - 40), s)
                                               or (_DUTY_VERB.search(text, max(start, s - 20), s)
                                                   and _CLAUSE_CLOSE.match(text, e)))):
                continue  # "phối hợp thường xuyên" is how, not when; a duty is standing when it opens with it
            if kind == "recurring" and (_BUDGET.search(text, max(start, s - 40), s) or not (
                    field or s == start or m.group(0)[:1] in "Đđ" or _CLAUSE_OPEN.search(text, max(start, s - 40), s)
                    or _RECUR_AFTER.search(text, max(start, s - 40), s) or _opens_after_comma(text, s, e)
                    or (_CLAUSE_CLOSE.match(text, e) and _REPORT_CLAUSE.search(text, max(start, s - 200), s)))):
                continue  # "dự toán ngân sách hằng năm", "cây hằng năm": a cycle or a kind, not a time limit
            if kind == "year" and not field and m.group("cue").strip().startswith("đến") and _NAMED_PLAN.search(text, max(start, s - 120), s):
                continue  # "Chương trình … phòng, chống ma túy đến năm 2030": a programme's name
            if kind == "period" and not field:
                ls = text.rfind("\n", start, s) + 1 or start
                pre = text[max(ls, s - 30):s]
                if pre.strip(" \t-+•*") and not _PERIOD_CUE.search(pre) and not re.fullmatch(r"\s*(?:\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ]\)|[IVX]+\.)?\s*", pre) \
                        and not _plan_heading(text, ls, e):
                    continue  # "… thanh toán giai đoạn 2019-2022": a period the text talks about
            value, k = _value(kind, m, year)
            if k == "yearless_day":
                nxt = _NEXT_YEAR.match(text, e, end)
                if nxt or _PERIODIC_BEFORE.search(text, max(start, s - 40), s):
                    # "báo cáo định kỳ (trước ngày 15 tháng 12)", "trước ngày 30 tháng 01 năm sau": every year
                    value, k, e = "hằng năm", "recurring", nxt.end() if nxt else e
            if value is None or (k == "day" and not _valid_day(value)):
                continue
            kept.append((s, e))
            out.append(Deadline(value, s, e, " ".join(text[s:e].split()), _RANK[k]))
        if kept:
            taken = sorted(taken + kept)
    return sorted(out, key=lambda d: d.start)


def _matches(kind: str, rx: re.Pattern, text: str, start: int, end: int):
    """The matches of ``rx.finditer(text, start, end)``, trying ``rx`` only where a gate of ``kind``
    allows a start (the leftmost start at or after the last match's end is the same)."""
    if rx not in _GATED:
        yield from rx.finditer(text, start, end)  # the field patterns: short stretches
        return
    pos = start
    for c in _starts(kind, text, start, end):
        if c >= pos:
            m = rx.match(text, c, end)
            if m:
                yield m
                pos = m.end()


def _starts(kind: str, text: str, start: int, end: int) -> list[int]:
    """Sorted positions of text[start:end] where a match of ``kind`` may start (``start`` always)."""
    found = {start}
    if kind == "day":
        low = text[start:end].lower()
        if len(low) == end - start:
            found.update(start + g.start() for rx in _DAY_WORDS for g in rx.finditer(low))
        else:
            found.update(g.start() for g in _DAY_GATE.finditer(text, start, end))
    elif kind == "year":
        for g in _YEAR_ANCHOR.finditer(text, start, end):
            for c in _phrases_before(text, start, g.start(), _YEAR_CUES, last=_YEAR_LAST):
                found.update(_year_starts(text, start, c))
    else:
        tail = _LITERAL_TAIL.get(kind)
        for rx in _LITERAL_RE[kind]:
            for g in rx.finditer(text, start, end):
                if tail is None or tail.match(text, g.end(), end):
                    found.update(_before_literal(kind, text, start, g.start() - 1))
    return sorted(c for c in found if start <= c < end)


def _before_literal(kind: str, text: str, lo: int, p: int) -> list[int]:
    """Where a match of ``kind`` whose first letter is at p (the one before its literal) may start:
    there, or at the optional words before it ("Định kỳ hằng năm", "kể từ Quý II", "trong Tháng 12")."""
    if kind == "recurring":
        return [p] + [d for k in _word_before(text, lo, p, ("kỳ",)) for d in _word_before(text, lo, k, ("định", "Định"))]
    if kind == "quarter":
        return [p] + [c for t in _word_before(text, lo, p, ("từ",)) for c in (t, *_word_before(text, lo, t, ("kể",)))]
    if kind == "month":
        q = p
        while q > lo and text[q - 1] in " \t-+•":
            q -= 1  # a schedule line ("- Tháng 12/2025: …") opens at the line's start
        return [p, q] + _phrases_before(text, lo, p, _MONTH_CUES, last=_MONTH_LAST, cased_first=True)
    return [p]


def _year_starts(text: str, lo: int, c: int) -> list[int]:
    """Where a year's match may start given its cue word at c: there, the first two and the last of the
    blanks before it (its look-arounds allow no other start inside a run of blanks), or the words
    that may lead the cue ("hoàn thành", "xong", "thực hiện")."""
    b = _blanks_before(text, lo, c)
    return [c, b, b + 1, c - 1] + _phrases_before(text, lo, b, _YEAR_LEADS, blank=False)


def _blanks_before(text: str, lo: int, p: int) -> int:
    """The start of the run of blanks that ends at p (p when there is none)."""
    while p > lo and text[p - 1].isspace():
        p -= 1
    return p


def _word_before(text: str, lo: int, p: int, words, blank: bool = True) -> list[int]:
    """Starts of those of ``words`` that end where the blanks before p start (``blank``: one at least)."""
    r = _blanks_before(text, lo, p)
    if blank and r == p:
        return []
    return [r - len(w) for w in words if r - len(w) >= lo and text.startswith(w, r - len(w))]


def _phrases_before(text: str, lo: int, p: int, phrases, *, last=None, blank: bool = True,
                    cased_first: bool = False) -> list[int]:
    """Starts of the phrases (words with blanks between them) that end before p as _word_before reads
    it; ``last``: their last words, a quick test first; ``cased_first``: the first word in either case."""
    r = _blanks_before(text, lo, p)
    if (blank and r == p) or (last is not None and not text.endswith(last, lo, r)):
        return []
    out = []
    for words in phrases:
        q, need = p, blank
        for i in range(len(words) - 1, -1, -1):
            w = words[i]
            found = _word_before(text, lo, q, (w, w[0].upper() + w[1:]) if i == 0 and cased_first else (w,), need)
            if not found:
                break
            q, need = found[0], True
        else:
            out.append(q)
    return out


class _Spans:
    """Sorted spans with a membership test (built once per document, asked once per match)."""

    def __init__(self, spans):
        self.spans = sorted(spans)
        self.starts = [a for a, _ in self.spans]

    def holds(self, pos: int) -> bool:
        k = bisect.bisect_right(self.starts, pos) - 1
        return k >= 0 and self.spans[k][0] <= pos < self.spans[k][1]


_DRAFTING_WEEKS = 6
_LIMIT_CUE = re.compile(r"(?i:trước|chậm\s+nhất|hạn|hoàn\s+thành|xong)")  # not "đến hết ngày …" (a state as of a day)


def _weeks_before(iso: str, weeks: int) -> str:
    """The ISO day ``weeks`` before ``iso`` (a day, month or year; the first of the period)."""
    parts = [int(x) for x in re.findall(r"\d+", iso)[:3]] + [1, 1]
    try:
        day = datetime.date(parts[0], parts[1] or 1, parts[2] or 1)
    except ValueError:
        return iso
    return (day - datetime.timedelta(weeks=weeks)).isoformat()


# a limit counted from the document's own day ("Thời hạn chậm nhất 05 ngày làm việc kể từ ngày ban hành Quyết định",
# "trong vòng 10 ngày kể từ ngày ký Kế hoạch này"): the document named by its capitalised type; not a procedure's
# step ("… kể từ ngày ban hành quyết định thu hồi đất", "kể từ ngày ký hợp đồng", a decree's "… kể từ ngày ban hành.")
_FROM_ISSUE = re.compile(r"(?<![\wÀ-ỹ])(?i:chậm\s+nhất(?:\s+là)?|không\s+quá|trong\s+(?:thời\s+hạn|vòng|thời\s+gian))\s+"
                         r"(?P<n>\d{1,3})\s+ngày(?P<work>\s+làm\s+việc)?\s*,?\s*(?:kể\s+)?từ\s+ngày\s+(?:ký|ban\s+hành)"
                         r"\s+(?:Quyết\s+định|Kế\s+hoạch|Thông\s+báo|Chỉ\s+thị|Công\s+văn|Văn\s+bản)(?:\s+này)?"
                         r"(?=\s*(?:[.;,)]|\n|$))")
# the public holidays on a fixed day of the solar calendar (the lunar ones, Tết and the Hùng Kings' day, are not
# counted: a limit that spans them comes out a few days early)
_FIXED_HOLIDAYS = {(1, 1), (4, 30), (5, 1), (9, 2)}


def days_after(iso: str, n: int, working: bool) -> str | None:
    """The day ``n`` days after the ISO day ``iso``, or ``n`` working days (Monday to Friday, not a fixed
    holiday); None when ``iso`` is no day.

    >>> days_after("2025-11-22", 5, True), days_after("2025-11-18", 3, False)
    ('2025-11-28', '2025-11-21')
    """
    try:
        day = datetime.date.fromisoformat(iso)
    except ValueError:
        return None
    if not working:
        return (day + datetime.timedelta(days=n)).isoformat()
    while n > 0:
        day += datetime.timedelta(days=1)
        n -= day.weekday() < 5 and (day.month, day.day) not in _FIXED_HOLIDAYS
    return day.isoformat()


def _from_issue(text: str, since: str | None) -> list[Deadline]:
    """The limits ``text`` counts from the document's own day ``since``."""
    if not since or len(since) != 10:
        return []
    out: list[Deadline] = []
    i = text.find("từ ngày")
    while i != -1:  # the pattern tried only around its words (tried everywhere it cost 4% of an extraction)
        hi = min(len(text), i + 120)  # (a match must end before the window does: "$" holds at its end)
        m = _FROM_ISSUE.search(text, max(0, i - 60), hi)
        if m and m.start() < i < m.end() and (m.end() < hi or hi == len(text)) and (not out or out[-1].end <= m.start()):
            value = days_after(since, int(m.group("n")), bool(m.group("work")))
            if value:
                out.append(Deadline(value, m.start(), m.end(), " ".join(m.group(0).split()), _RANK["day"]))
        i = text.find("từ ngày", i + 7)
    return out


class DeadlineIndex:
    """Every deadline phrase of a document, found in one pass; ``best(start, end)`` answers for one
    item (linear in the document, not in items × text). With the document's day (``since``), a limit
    counted from it is a day too."""

    def __init__(self, text: str, *, year: int | None = None, exclude=(), since: str | None = None):
        # a date before the document's own is no time limit it sets ("đất sử dụng trước ngày 01/7/2004"),
        # except a day a few weeks before it (a text drafted before it was signed: "báo cáo trước ngày 15
        # tháng 11 năm 2025" in a notice of 18/11/2025); months and years keep the document's date
        floor = _weeks_before(since, _DRAFTING_WEEKS) if since else None
        self.found = [d for d in find_deadlines(text, year=year, exclude=_Spans(exclude))
                      if not d.value.startswith("--") and not (since and d.value[:1].isdigit() and d.value < (
                          floor if len(d.value) == 10 and _LIMIT_CUE.match(d.text) else since)[:len(d.value)])]
        self.found = sorted(self.found + _from_issue(text, since), key=lambda d: d.start)
        self.starts = [d.start for d in self.found]

    def best(self, start: int, end: int) -> Deadline | None:
        inside = self.found[bisect.bisect_left(self.starts, start):bisect.bisect_left(self.starts, end)]
        inside = [d for d in inside if d.end <= end]
        return min(inside, key=lambda d: (d.rank, d.start)) if inside else None


def deadline_of(text: str, start: int = 0, end: int | None = None, *, year: int | None = None,
                exclude=(), field: bool = False) -> Deadline | None:
    """The deadline an item sets: the most precise phrase, the first of equals; None when none."""
    found = [d for d in find_deadlines(text, start, end, year=year, exclude=exclude, field=field)
             if not d.value.startswith("--")]
    return min(found, key=lambda d: (d.rank, d.start)) if found else None
