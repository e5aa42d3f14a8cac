"""Questions in Vietnamese or English → what they ask about → the tasks (and units) that answer.

A question is read into an :class:`Understanding` by a small grammar, each part optional:

* **documents**, found by the citation extractor (``ingest.extract_text``) and by the symbols and
  names the store knows, diacritics-insensitively ("nghi dinh 59", "59/2023", "Luật Thực hiện dân
  chủ ở cơ sở"). A document the store holds as a source ("theo Công điện 228/CĐ-TTg", and "this
  plan", "Quyết định này" when the store holds one document) is a **scope**: its own tasks. A
  document only cited is a **directive**: the tasks deriving from it.
* **units**, every one named ("Bộ Quốc phòng và Bộ Công an"): the store's unit names and aliases,
  and the bilingual lexicon of public bodies (``ingest.lexicon``: names, variants, abbreviations,
  Ủy/Uỷ, English names such as "Ministry of Finance" or "provincial police"). A unit named with a
  title ("Chủ tịch UBND các xã, phường") is its body.
* **roles**, in either language: lead / chủ trì, support / phối hợp, report to / báo cáo (a unit
  after "báo cáo", "gửi", "reports to" is the one receiving the report). Without a role word a
  unit's tasks are those it leads or supports (and those reported to it, in a "who" question or
  with "involve" / "liên quan"); a task that merely names the unit is not its task.
* **deadlines**: due by a date, in a month, quarter or year ("Quý IV/2025", "in November 2025",
  "by 5 December 2025"), overdue as of ``today``, recurring ("hằng năm", "each year", "thường xuyên").
* **who**: "Ai …", "Cơ quan nào …", "Who …", "Which agencies …": the answer lists the units and
  their roles, each with its task.
* **words**: what is left once the above and the question's own grammar are taken out, searched
  in the tasks' text (:mod:`graph.fulltext`: SQLite FTS5, BM25). English words are searched through
  a glossary of administrative terms (``data/ask/glossary.json``); Vietnamese words in an English
  question are searched as they are.

Every part narrows the answer; words narrow it only when some of the tasks hold them (a topic
the tasks do not spell out does not empty an answer the rest of the question gives). Only work
is answered: objectives, headings, form fields, provisions, scope and context items never, nor funding
items naming no lead ("… lập dự toán kinh phí, gửi Sở Tài chính" names one: it is work).
The answer says how it understood the question (``Answer.understood``) in the asker's language.

>>> from graph.fixtures import seed_store
>>> store = seed_store()
>>> a = ask(store, "Nghị định 59/2023 yêu cầu gì?")
>>> a.documents, [t.number for t in a.tasks]
(['59/2023/NĐ-CP'], ['II.2.1', 'II.2.5', 'III.2.2'])
>>> [t.number for t in ask(store, "nghi dinh 59 yeu cau gi doi voi Phong To chuc - Hanh chinh - Quan tri").tasks]
['III.2.2']
>>> [t.number for t in ask(store, "Trung tâm Thông tin có nhiệm vụ gì?").tasks]   # III.1: "(Trung tâm Thông tin; … xây dựng kế hoạch …)"
['III.1', 'III.3']
>>> [t.number for t in ask(store, "Trung tâm Thông tin chủ trì những nhiệm vụ nào?").tasks]
['III.3']
>>> sorted({l.label for l in ask(store, "Kế hoạch này thực hiện những văn bản nào?").links if l.rel == "applies"})
['Kế hoạch 32/KH-UBND', 'Quy định 429-QĐ/TU']
>>> a = ask(store, "Who reports to the Department of Home Affairs?")
>>> a.understood["text"], [t.number for t in a.tasks], sorted({(w.unit, w.role) for w in a.who})[0]
('Understood: unit Department of Home Affairs (receives reports); asks who.', ['III.2.1', 'III.2.5'], ('Phòng Tổ chức - Hành chính - Quản trị', 'lead'))
>>> [t.number for t in ask(store, "Who must publish news on the website?").tasks]
['III.3']
"""
from __future__ import annotations

import calendar
import datetime as dt
import functools
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from ingest import extract_text
from ingest import lexicon as bodies

from . import queries
from .deadlines import RECURRING as DEADLINE_WORDS
from .fulltext import fold_text, fold_words, fulltext
from .ids import fold_ascii, split_task, tidy_symbol
from .index import StoreIndex, store_index
from .lexicon import (Lexicon, UnitHit, english_name, find_all_units, lexicon, name_key, ngrams, proper_name_units,
                      resolve_unit, unit_homes)
from .results import Answer, DocLink, TaskRow, UnitRole
from .store import PerVersion, Store, prefixed
from .store import iri as sparql_iri
from .vocab import DOC_TYPES, REL_LABELS

__all__ = ["ask", "understand", "Understanding", "Due", "DEFAULT_LIMIT", "GLOSSARY"]

GLOSSARY = Path(__file__).resolve().parent.parent / "data" / "ask" / "glossary.json"

_TYPE_WORDS = sorted({fold_ascii(vi) for vi, _, _ in DOC_TYPES.values()} |
                     {"decree", "law", "circular", "directive", "decision", "plan", "resolution", "nd", "qd", "tt", "ct",
                      "dispatch", "telegram"},
                     key=len, reverse=True)
_TYPE_EN = {"decree": "nghi dinh", "law": "luat", "circular": "thong tu", "directive": "chi thi",
            "decision": "quyet dinh", "plan": "ke hoach", "resolution": "nghi quyet", "nd": "nghi dinh",
            "qd": "quyet dinh", "tt": "thong tu", "ct": "chi thi", "dispatch": "cong dien", "telegram": "cong dien"}
_BASIS = re.compile(r"(thuc hien (nhung|cac)? ?van ban nao|can cu (vao )?(nhung|cac)? ?(van ban|gi|nao)|"
                    r"based on|implements? (which|what)|applies (which|what)|basis|co so phap ly|van ban nao.*(thuc hien|can cu))")
_CITED_BY = re.compile(r"(van ban nao (trich dan|dan chieu|thuc hien|can cu)|(which|what) (documents|plans) "
                       r"(cite|apply|implement)|cited by)")
# roles named in the question
# "giao" gives work ("Công điện 228 giao Bộ Tài chính việc gì?") except in these words
_GIAO_WORDS = ("thong", "duc", "dich", "luu", "tiep", "nhan", "ket", "lien", "dien", "ban", "quyen", "dat", "dan", "hang")
_LEAD_Q = re.compile(r"\b(chu tri|chiu trach nhiem chinh|lead|leads|leading|led by|in charge|giao cho|given to|assigned to|"
                     r"giao(?! (?:" + "|".join(_GIAO_WORDS) + r"))|duoc giao)\b")
# "phối hợp" as a noun ("trong phối hợp cấp Giấy chứng nhận", "quy chế phối hợp") names the topic, not the role
_SUPPORT_Q = re.compile(r"\b((?<!trong )(?<!viec )(?<!tac )(?<!che )(?<!ve )(?<!cua )phoi hop|"
                        r"support|supports|supporting|assist|assists|assisting|cooperate|cooperates|"
                        r"cooperating|coordinate|coordinates|coordinating|collaborate|collaborates|collaborating|"
                        r"help|helps|helping|help with)\b")
_PARTNER_BEFORE = re.compile(r"\b(?:phoi hop|cung|work with|works with|support|supports|assist|assists|help|helps)"
                             r"(?: voi| cung)?$")
_ALL_ROLES_Q = re.compile(r"\b(lien quan|involv\w*|concern\w*|related to)\b")
_REPORT_BEFORE = re.compile(r"\b(bao cao|gui|nop|trinh|report|reports|reporting|reported|submit|submits|send|sends|sent)"
                            r"(?: (?:ve|len|den|cho|toi|voi|to|the))*$")
# "nộp hồ sơ khen thưởng cho X", "gửi báo cáo kết quả về X": a sending verb, its object, then "to"
_SENT_TO = re.compile(r"\b(?:gui|nop|bao cao|send|sends|sent|submit|submits|submitted)\b(?: \S+){1,6}? (?:cho|ve|len|den|toi|to)$")
_RECEIVES_AFTER = re.compile(r"(?:nhan|duoc nhan|tiep nhan|receives?|gets?) (?:bao cao|report)")
# "receive reports", "nhận báo cáo" anywhere in the question: the unit asked about is a receiver
_RECEIVES_Q = re.compile(r"\b(?:receiv\w*|gets?|collects?|nhan|tiep nhan) (?:the |their |any )?(?:reports?|bao cao)\b")
# "… phải báo cáo ai?", "gửi về đâu?", "báo cáo cơ quan nào?", "to whom …": the answer is where the work is
# reported, so only items that name whom they report to answer it
# ("trình ai phê duyệt?" asks who approves: a submission for approval is no report, GUIDELINES)
_WHOM = re.compile(r"\b(?:bao cao|gui|nop)\b(?: (?!ai\b)[^ ,;?]+){0,3}? (?:cho |ve |len |den |toi )?"
                   r"(?:ai|dau|co quan nao|don vi nao|cap nao)\b|\bto whom\b|\b(?:report|send|submit)\w*(?: \w+){0,4}? to which\b")
_REPORT_Q = re.compile(r"\b(bao cao|report|reports|reporting)\b")
# a question about "this document"
_SELF = re.compile(r"\b(ke hoach nay|van ban nay|cong dien nay|quyet dinh nay|nghi quyet nay|chi thi nay|thong bao nay|"
                   r"quy dinh nay|quy che nay|chuong trinh nay|de an nay|thong tu nay|nghi dinh nay|cong van nay|"
                   r"ke hoach|de an|chuong trinh|"
                   r"this (?:plan|document|decision|resolution|directive|dispatch|notice|regulation|programme|program|"
                   r"scheme|project|circular|decree|letter|telegram)|the (?:plan|scheme|programme|program|project))\b")
_WHO = re.compile(r"^(?:ai|nhung ai|co quan nao|don vi nao|nhung co quan nao|nhung don vi nao|bo nao|so nao|"
                  r"bo nganh nao|so nganh nao|who|whom|which (?:agenc\w+|units?|bod\w+|ministr\w+|departments?|"
                  r"organi[sz]ations?|authorit\w+|offices?))\b"
                  r"|\b(?:ai|cho ai|co quan nao|don vi nao|who|whom)\b")
# who executes a document: its closing clause ("Chánh Văn phòng …, Giám đốc các sở … chịu trách nhiệm thi hành Quyết
# định này"), asked as "Ai chịu trách nhiệm thi hành Quyết định …?", "… giao cho ai thi hành?", "Who is responsible for
# executing Decision …?" (not a plan "triển khai thi hành Luật …", nor "thi hành án": enforcing judgments)
_EXECUTION_Q = re.compile(r"\b(?:(?:chiu|co) trach nhiem (?:to chuc )?thi hanh|ai(?: (?:phai|se|can|chiu|co|trach|nhiem|to|chuc)){0,4} thi hanh)\b(?! an\b)"
                          r"|\b(?:responsible for|in charge of|must|shall|should|to) (?:the )?execut\w*"
                          r"|\bexecut\w* (?:of )?(?:the |this )?(?:decision|resolution|circular|decree|directive|regulation)\b")
# the words of such a clause, folded: one concept whose alternatives the full-text index searches
_EXECUTION_WORDS = ["chiu trach nhiem thi hanh", "co trach nhiem thi hanh", "trach nhiem to chuc thi hanh",
                   "can cu quyet dinh thi hanh", "chiu trach nhiem to chuc thuc hien quyet dinh",
                   "chiu trach nhiem thuc hien quyet dinh", "chiu trach nhiem thi hanh nghi quyet"]
_EN_FUNCTION = {"what", "which", "who", "whom", "whose", "does", "do", "did", "must", "should", "shall", "the", "of",
                "tasks", "task", "is", "are", "have", "has", "to", "due", "for", "and", "with", "under", "this",
                "that", "any", "on", "about", "require", "requires", "involve", "involves", "lead", "leads",
                "support", "supports", "how", "when", "where", "by", "in", "were", "was", "given", "duties"}
_VI_MARKS = re.compile(r"[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]", re.I)


# ------------------------------------------------------------------------------------------------
# deadlines asked about
# ------------------------------------------------------------------------------------------------
RECURRING = tuple(DEADLINE_WORDS)  # the recurring values the deadline view knows, in its order
_MONTHS = {m: i for i, names in enumerate(
    [(), ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
     ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
     ("december", "dec")]) for m in names}
_MON = r"(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")"
_ROMAN_Q = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4, "first": 1, "second": 2, "third": 3,
            "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_BY = re.compile(r"(?:truoc|den|cham nhat|han chot|toi|by|before|no later than|not later than|until|till|up to)"
                 r"(?: (?:ngay|het|the end of|end of|cuoi|the|nam))*\s*$")
_DEADLINE_WORDS = re.compile(r"\b(han|thoi han|hoan thanh|xong|ket thuc|due|deadline|deadlines|complete|completed|finish"
                             r"|finished|qua han|overdue|expire\w*|den het|end of)\b")  # ("đến hết năm 2025": by its end)
_OVERDUE = re.compile(r"\b(qua han|tre han|da het han|het han|cham tien do|overdue|past due|past (?:the |their )?"
                      r"(?:deadline|due date)|behind schedule|late)\b")
_RECUR = [(re.compile(r"\b(hang nam|moi nam|annual|annually|each year|every year|yearly|per year)\b"), ("hằng năm",)),
          (re.compile(r"\b(hang quy|moi quy|quarterly|each quarter|every quarter)\b"), ("hằng quý",)),
          (re.compile(r"\b(hang thang|moi thang|monthly|each month|every month)\b"), ("hằng tháng",)),
          (re.compile(r"\b(hang tuan|moi tuan|weekly|each week|every week)\b"), ("hằng tuần",)),
          (re.compile(r"\b(hang ngay|moi ngay|daily|each day|every day)\b"), ("hằng ngày",)),
          (re.compile(r"\b(thuong xuyen|lien tuc|regular|regularly|ongoing|continuous|continuously|routine)\b"),
           ("thường xuyên",)),
          (re.compile(r"\b(dinh ky|recurring|recurrent|periodic|periodical|periodically|repeated)\b"), RECURRING)]


@dataclass(frozen=True)
class Due:
    """A deadline filter: ``op`` is ``by`` (due on or before ``end``), ``in`` (due within
    ``start``–``end``), ``overdue`` (due before ``end`` = today, not recurring) or ``recurring``
    (``words`` the recurring values)."""

    op: str
    start: dt.date | None = None
    end: dt.date | None = None
    words: tuple[str, ...] = ()
    label: str = ""        # the period as asked ("2025-Q4", "2025-12-05")
    span: tuple[int, int] | None = None

    def holds(self, deadline: str | None, today: dt.date) -> bool:
        if not deadline:
            return False
        if self.op == "recurring":
            return deadline in self.words
        iv = deadline_interval(deadline)
        if iv is None:
            return False
        if iv[0] == iv[1] and iv[0].day == 1 and self.op in ("by", "in"):
            # "trước ngày 01/01/2026" is due by the end of 2025: a day that opens a month closes the one before
            day = iv[0] - dt.timedelta(days=1)
            iv = (day, day)
        if self.op == "by":
            return iv[1] <= self.end
        if self.op == "overdue":
            return iv[1] < self.end
        return self.start <= iv[0] and iv[1] <= self.end

    def describe(self, lang: str) -> str:
        vi = lang != "en"
        if self.op == "recurring":
            if vi:
                return "định kỳ (" + ", ".join(self.words) + ")"
            en = {"thường xuyên": "regular", "hằng năm": "every year", "hằng quý": "every quarter",
                  "hằng tháng": "every month", "hằng tuần": "every week", "hằng ngày": "every day"}
            return "recurring (" + ", ".join(en[w] for w in self.words) + ")"
        if self.op == "overdue":
            return f"quá hạn tính đến {self.end:%d/%m/%Y}" if vi else f"overdue as of {self.end:%Y-%m-%d}"
        if self.op == "by":
            return f"hạn đến {_period_vi(self.label)}" if vi else f"due by {_period_en(self.label, end=True)}"
        return f"hạn trong {_period_vi(self.label)}" if vi else f"due in {_period_en(self.label)}"


def _period_vi(label: str) -> str:
    m = re.fullmatch(r"(\d{4})-Q(\d)", label)
    if m:
        return f"Quý {['I', 'II', 'III', 'IV'][int(m.group(2)) - 1]}/{m.group(1)}"
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", label)
    if m:
        return f"ngày {int(m.group(3))}/{int(m.group(2))}/{m.group(1)}"
    m = re.fullmatch(r"(\d{4})-(\d{2})", label)
    if m:
        return f"tháng {int(m.group(2))}/{m.group(1)}"
    return f"năm {label}"


def _period_en(label: str, end: bool = False) -> str:
    m = re.fullmatch(r"(\d{4})-Q(\d)", label)
    if m:
        return ("the end of " if end else "") + f"Q{m.group(2)} {m.group(1)}"
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", label)
    if m:
        return f"{int(m.group(3))} {calendar.month_name[int(m.group(2))]} {m.group(1)}"
    m = re.fullmatch(r"(\d{4})-(\d{2})", label)
    if m:
        return ("the end of " if end else "") + f"{calendar.month_name[int(m.group(2))]} {m.group(1)}"
    return ("the end of " if end else "") + label


@functools.lru_cache(maxsize=4096)
def deadline_interval(value: str) -> tuple[dt.date, dt.date] | None:
    """The days a normalised deadline covers; None for recurring words.

    >>> deadline_interval("2025-Q4"), deadline_interval("2025-11")[1], deadline_interval("thường xuyên")
    ((datetime.date(2025, 10, 1), datetime.date(2025, 12, 31)), datetime.date(2025, 11, 30), None)
    """
    try:
        m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value)
        if m:
            d = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            return d, d
        m = re.fullmatch(r"(\d{4})-(\d{2})", value)
        if m:
            y, mo = int(m.group(1)), int(m.group(2))
            return dt.date(y, mo, 1), dt.date(y, mo, calendar.monthrange(y, mo)[1])
        m = re.fullmatch(r"(\d{4})-Q([1-4])", value)
        if m:
            y, q = int(m.group(1)), int(m.group(2))
            return dt.date(y, 3 * q - 2, 1), dt.date(y, 3 * q, calendar.monthrange(y, 3 * q)[1])
        m = re.fullmatch(r"(\d{4})", value)
        if m:
            return dt.date(int(value), 1, 1), dt.date(int(value), 12, 31)
    except ValueError:
        return None
    return None


def parse_due(text: str, today: dt.date) -> Due | None:
    """The deadline filter a (folded) question asks for, or None.

    >>> t = dt.date(2025, 11, 20)
    >>> parse_due(fold_ascii("Nhiệm vụ nào phải hoàn thành trong Quý IV/2025?"), t).label
    '2025-Q4'
    >>> d = parse_due("which tasks are due by 5 december 2025?", t); (d.op, d.end)
    ('by', datetime.date(2025, 12, 5))
    >>> parse_due("what is due in november 2025?", t).describe("en")
    'due in November 2025'
    >>> parse_due("nhiem vu nao da qua han?", t).describe("vi")
    'quá hạn tính đến 20/11/2025'
    >>> parse_due("by 10 december each year", t).words
    ('hằng năm',)
    >>> parse_due("ke hoach nam 2025 yeu cau gi", t) is None
    True
    """
    found: list[tuple[int, int, str]] = []   # (start, end, label)
    for m in re.finditer(r"\b(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\b", text):
        found.append((m.start(), m.end(), _iso(m.group(3), m.group(2), m.group(1))))
    for m in re.finditer(r"\bngay (\d{1,2}) thang (\d{1,2}) nam (\d{4})\b", text):
        found.append((m.start(), m.end(), _iso(m.group(3), m.group(2), m.group(1))))
    for m in re.finditer(r"\b(\d{1,2})(?:st|nd|rd|th)? (?:of )?" + _MON + r",? (\d{4})\b", text):
        found.append((m.start(), m.end(), _iso(m.group(3), _MONTHS[m.group(2)], m.group(1))))
    for m in re.finditer(r"\b" + _MON + r" (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})\b", text):
        found.append((m.start(), m.end(), _iso(m.group(3), _MONTHS[m.group(1)], m.group(2))))
    for m in re.finditer(r"\b(?:quy|q|quarter)\s*(iv|iii|ii|i|[1-4])\s*(?:/|-|,|nam|of|\s)\s*(?:nam\s+)?(\d{4})\b"
                         r"|\b(first|second|third|fourth|1st|2nd|3rd|4th) quarter (?:of )?(\d{4})\b"
                         r"|\b(\d{4})\s*-\s*q([1-4])\b", text):
        g = m.groups()
        q, y = (g[0], g[1]) if g[0] else (g[2], g[3]) if g[2] else (g[5], g[4])
        found.append((m.start(), m.end(), f"{y}-Q{_ROMAN_Q[q]}"))
    for m in re.finditer(r"\bthang (\d{1,2})\s*(?:/|-|nam)\s*(?:nam\s+)?(\d{4})\b|\b" + _MON + r",? (?:of )?(\d{4})\b", text):
        g = m.groups()
        mo, y = (int(g[0]), g[1]) if g[0] else (_MONTHS[g[2]], g[3])
        if 1 <= mo <= 12:
            found.append((m.start(), m.end(), f"{y}-{mo:02d}"))
    found = _outermost(found)
    recur = ()
    for rx, words in _RECUR:
        if rx.search(text):
            recur = words if not recur else tuple(dict.fromkeys(recur + words))
    if not found:
        for m in re.finditer(r"(?<![/\d-])\b(?:nam|year|in|by|before|truoc|den|trong|cuoi|end of)\s+(?:nam\s+)?((?:19|20)\d{2})\b(?![/-])",
                             text):
            if _DEADLINE_WORDS.search(text):
                found.append((m.start(1), m.end(), m.group(1)))
                break
    if not found:
        # "trước ngày 10/12 hằng năm", "by 10 December each year": the recurring value
        if recur:
            return Due("recurring", words=recur)
        if _OVERDUE.search(text):
            return Due("overdue", end=today)
        return None
    s, e, label = found[0]
    iv = deadline_interval(label)
    if iv is None:
        return None
    before = text[max(0, s - 40):s]
    op = "by" if _BY.search(before) else "in"
    return Due(op, iv[0], iv[1], label=label, span=(s, e))


def _iso(y, m, d) -> str:
    try:
        return dt.date(int(y), int(m), int(d)).isoformat()
    except ValueError:
        return f"{int(y):04d}"


def _outermost(found):
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    out, end = [], -1
    for f in found:
        if f[0] >= end:
            out.append(f)
            end = f[1]
    return out


# ------------------------------------------------------------------------------------------------
# topic words
# ------------------------------------------------------------------------------------------------
# the question's own grammar, folded (longest first): never searched
_VI_GRAMMAR = sorted("""
phai lam gi|lam gi|lam nhung gi|co nhiem vu gi|co trach nhiem gi|nhiem vu gi|nhiem vu nao|nhung nhiem vu nao|
nhung noi dung nao|noi dung nao|noi dung gi|nhung noi dung|nhung cong viec nao|cong viec nao|cong viec gi|
nhung nhiem vu|nhiem vu|giai phap|cong viec|viec gi|viec nao|yeu cau gi|yeu cau|can thuc hien|thuc hien|trien khai|
trach nhiem|duoc giao|giao cho|lien quan den|lien quan|nhu the nao|the nao|ra sao|khi nao|bao gio|ngay nao|
thoi han|han chot|hoan thanh|den han|qua han|tre han|het han|chu tri|phoi hop|la don vi|la co quan|don vi chu tri|
co quan chu tri|don vi phoi hop|co quan phoi hop|dinh ky|thuong xuyen|hang nam|hang quy|
hang thang|hang ngay|moi nam|hom nay|co quan nao|chi tieu nao|chi tieu gi|nhung chi tieu nao|muc tieu nao|muc tieu gi|
hoat dong nao|hoat dong gi|nhung hoat dong nao|giai phap nao|giai phap gi|bien phap nao|bien phap gi|don vi nao|nhung ai|cho ai|van ban nay|ke hoach nay|cong dien nay|
quyet dinh nay|nghi quyet nay|chi thi nay|thong bao nay|quy dinh nay|quy che nay|chuong trinh nay|de an nay|
thong tu nay|nghi dinh nay|cong van nay|ke hoach|de an|chuong trinh|cong dien|quyet dinh|nghi quyet|thong bao|
quy dinh|van ban|doi voi|chung toi|chung ta|bao nhieu|nhung gi|tinh den|hom nay|tiep theo
""".replace("\n", "").split("|"), key=len, reverse=True)
_VI_STOP = set("""
ai gi nao nhung cac co phai lam can duoc la va voi hay hoac nay do kia ve cua cho trong theo tai o de se da moi
mot so nhu thi ma khi neu bi boi tu den toi len ra vao nhat nua cung con roi vay sao the han truoc sau giua tren duoi
tinh phuong huyen tp trung uong gom cac nhieu it ngay thang nam quy viec giao bang het
""".split())
# Vietnamese compounds whose first or second syllable is a function word elsewhere
_VI_KEEP = {"theo doi", "cho phep", "co quan", "co che", "co so", "ve sinh", "de xuat", "de nghi", "de an", "bao dam",
            "bao cao", "tu van", "so lieu", "tai chinh", "tai nguyen", "tai lieu", "thanh tra", "thanh lap",
            "ra soat", "trong tam", "nha o", "nhu cau", "tre em", "co the", "can bo", "ngay le",
            "ban giao", "ho so", "bang khen", "cong bang", "binh dang", "trien lam", "dau tu", "tu nhan",
            "tu duy", "tu phap", "tinh hinh", "quy trinh", "lam nghiep", "thu do"} | {"giao " + w for w in _GIAO_WORDS}
_EN_STOP = set("""
a an the of to in on for by with and or is are was were be been being do does did doing have has had must should
shall will would can could may might what which who whom whose how when where why that this these those it its their
they them there here any all each every some such as at from into under about than then so not no nor only also
tasks task duties duty work jobs job responsibilities required require requires requirement requirements given
assigned involve involves involved involving concern concerns concerning related relating regarding lead leads led
leading support supports supported supporting report reports reported reporting charge respect one ones us our we
help helps helping helped receive receives received receiving coordinate coordinates coordinating coordinated
cooperate cooperates cooperating cooperated collaborate collaborates collaborating collaborated
what's whats agencies agency units unit bodies body ministries ministry departments department organisations
organizations organisation organization authorities authority offices office people's peoples committee committees
provincial province provinces city cities commune communes ward wards district central local government state
national council plan decision resolution directive dispatch notice regulation programme program circular decree
letter telegram document documents scheme project under pursuant according due deadline deadlines overdue date
dates year years month months quarter quarters today day days q1 q2 q3 q4 january february march april may june
july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
nine eight seven six five four three two ten many much need needs needed
""".split())


@functools.lru_cache(maxsize=1)
def _glossary() -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    data = json.loads(GLOSSARY.read_text(encoding="utf-8"))["terms"]
    out = [(tuple(k.lower().split()), tuple(dict.fromkeys(fold_words(v) for v in vs))) for k, vs in data.items()]
    return sorted(out, key=lambda kv: -len(kv[0]))


def _en_word_match(pattern: str, word: str) -> bool:
    if pattern.endswith("*"):
        return word.startswith(pattern[:-1])
    return word == pattern or word == pattern + "s" or word == pattern + "es"


def english_topic(words: list[str]) -> tuple[list[list[str]], list[str]]:
    """Glossary concepts in English words (lower case): ``(groups, the English words used)``; words
    the glossary does not know are left out.

    >>> english_topic("who must monitor the updating of information on preferred digital technology products".split())[1]
    ['monitor', 'updating', 'information', 'preferred', 'digital technology', 'products']
    """
    groups, shown = [], []
    i = 0
    gl = _glossary()
    while i < len(words):
        w = words[i]
        if w in _EN_STOP:
            i += 1
            continue
        for key, alts in gl:
            n = len(key)
            if i + n <= len(words) and all(_en_word_match(k, x) for k, x in zip(key, words[i:i + n])):
                groups.append(list(alts))
                shown.append(" ".join(words[i:i + n]))
                i += n
                break
        else:
            i += 1
    return groups, shown


def vietnamese_topic(words: list[str]) -> tuple[list[list[str]], list[str]]:
    """Folded Vietnamese words → concept groups: the runs of words between function words, each
    read as its pairs of neighbouring syllables (Vietnamese words are mostly two syllables: "theo
    dõi", "bảo hiểm"), a lone word as itself; and the words shown.

    >>> vietnamese_topic("ai theo doi don doc viec".split())
    ([['theo doi'], ['doi don'], ['don doc']], ['theo doi don doc'])
    >>> vietnamese_topic("thoi tiet the nao".split())[0]
    [['thoi tiet']]
    """
    keep = [False] * len(words)
    for i in range(len(words) - 1):
        if f"{words[i]} {words[i + 1]}" in _VI_KEEP:
            keep[i] = keep[i + 1] = True
    runs, cur = [], []
    for w, k in zip(words, keep):
        if k or (w not in _VI_STOP and not w.isdigit()):
            cur.append(w)
        elif cur:
            runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    groups, shown = [], []
    for r in runs:
        if len(r) == 1:
            if len(r[0]) > 1:
                groups.append([r[0]])
        else:
            groups += [[f"{a} {b}"] for a, b in zip(r, r[1:])]
        if len(r) > 1 or len(r[0]) > 1:
            shown.append(" ".join(r))
    return groups, shown


# ------------------------------------------------------------------------------------------------
# understanding
# ------------------------------------------------------------------------------------------------
@dataclass
class AskedUnit:
    name: str
    iris: list[str]
    roles: tuple[str, ...]
    english: str | None = None


@dataclass
class Understanding:
    """What a question asks (see the module docstring)."""

    question: str
    lang: str = "vi"
    directives: list[str] = field(default_factory=list)   # cited documents: the tasks deriving from them
    scope: list[str] = field(default_factory=list)        # source documents: their own tasks
    units: list[AskedUnit] = field(default_factory=list)
    roles: tuple[str, ...] = ()                           # roles named in the question (none: the default)
    due: Due | None = None
    who: bool = False
    whom: bool = False                                    # asks whom the work is reported to ("… báo cáo ai?")
    groups: list[list[str]] = field(default_factory=list)  # topic concepts (folded phrases)
    words: list[str] = field(default_factory=list)         # the topic words as the asker wrote them
    intent: str = "unknown"
    lexicon: Lexicon | None = None

    @property
    def documents(self) -> list[str]:
        return self.directives + [d for d in self.scope if d not in self.directives]


def _language(question: str) -> str:
    toks = re.findall(r"[A-Za-z']+", question)
    ascii_words = [t.lower() for t in toks]
    hits = sum(1 for t in ascii_words if t in _EN_FUNCTION)
    vi_marks = len(_VI_MARKS.findall(question))
    first = ascii_words[0] if ascii_words else ""
    if hits >= 2 and (vi_marks < 8 or first in ("what", "which", "who", "how", "when", "list", "show")):
        return "en"
    if not vi_marks and any(t in _EN_STOP or t in _TYPE_EN for t in ascii_words):
        return "en"
    return "vi"


def _find_documents(lx: Lexicon, q_raw: str, q: str) -> tuple[list[str], list[tuple[int, int]], list[str]]:
    """Documents named in a question: their IRIs, the spans of the raw question the citations
    occupy, and the (folded) names they were found by."""
    found: list[str] = []
    spans: list[tuple[int, int]] = []

    def add(iris):
        for i in sorted(iris):
            if i not in found:
                found.append(i)
    # 1. the citation extractor, when it finds something
    try:
        for c in extract_text(q_raw).citations:
            sym = c.symbol or c.resolved
            spans.append((c.start, c.end))
            if sym:
                add(lx.symbols.get(name_key(tidy_symbol(sym)).replace(" ", ""), ()))
    except Exception:  # noqa: BLE001 - the extractor is optional here; the lexicon below suffices
        pass
    # 2. symbols, whole or partial ("59/2023", "05-ct/tw", "kh-ubnd 32")
    compact = q.replace(" /", "/").replace("/ ", "/")
    for tok in re.findall(r"\d+(?:[/-][0-9a-z&]+(?:-[0-9a-z&]+)*)+|\d+", compact):
        if tok in lx.symbols:
            add(lx.symbols[tok])
            continue
        if not re.search(r"[/-]", tok):
            continue
        add(i for s, iris in lx.symbols.items() if s.startswith(tok + "/") or s.startswith(tok + "-")
            for i in iris)
    # 3. "nghị định (số) 59", "decree 59"
    for m in re.finditer(r"\b(" + "|".join(map(re.escape, _TYPE_WORDS)) + r")\s+(?:so\s+|no\.?\s+)?(\d+)\b(?![/-])", q):
        t = _TYPE_EN.get(m.group(1), m.group(1))
        num = m.group(2).lstrip("0") or "0"
        add(i for s, iris in lx.symbols.items() if re.match(rf"0*{num}[/-]", s)
            for i in iris if lx.types.get(i, t) == t)
    # 4. documents cited by name ("Luật Thực hiện dân chủ ở cơ sở")
    words = q.split()
    names = []
    for _, _, g in ngrams(words, lx.max_name_words):
        if g in lx.names and len(g.split()) >= 3:
            add(lx.names[g])
            names.append(g)
    return found, spans, names


# the words a question names a document by before its title ("Kế hoạch …", "Quy chế …", "the plan …" is
# not matched: titles are Vietnamese)
_TITLE_HEADS = [tuple(h.split()) for h in ("ke hoach", "chuong trinh", "de an", "quy dinh", "quy che", "phuong an",
                                           "huong dan", "quyet dinh", "nghi quyet", "chi thi", "cong dien",
                                           "thong bao", "ket luan", "van ban")]
_TITLE_MIN_WORDS = 4  # title words read in a row after the head


def _titled(lx: Lexicon, words: list[str]) -> tuple[list[str], str]:
    """Ingested documents a question names by their title: a document word ("Kế hoạch", "Quy chế")
    followed by at least four words in a row of the document's title; those with the longest such
    run, and the run as folded words (head included). Found through three-word keys of the titles,
    so the cost does not grow with the number of documents.

    >>> lx = Lexicon(titles={"d": ("ban", "hanh", "ke", "hoach", "trien", "khai", "thi", "hanh", "luat", "x")},
    ...              title_grams={"trien khai thi": {"d"}})
    >>> _titled(lx, "bo cong an chu tri nhung nhiem vu nao trong ke hoach trien khai thi hanh luat x".split())
    (['d'], 'ke hoach trien khai thi hanh luat x')
    >>> _titled(lx, "ke hoach trien khai cong viec".split())
    ([], '')
    """
    best: dict[str, int] = {}
    best_run = ""
    top = 0
    for i in range(len(words)):
        for head in _TITLE_HEADS:
            if tuple(words[i:i + len(head)]) != head:
                continue
            j = i + len(head)
            for d in lx.title_grams.get(" ".join(words[j:j + 3]), ()):
                tw = lx.titles.get(d, ())
                n = 0
                for k in range(len(tw) - 2):
                    m = 0
                    while j + m < len(words) and k + m < len(tw) and words[j + m] == tw[k + m]:
                        m += 1
                    n = max(n, m)
                if n >= _TITLE_MIN_WORDS and n >= top:
                    if n > top:
                        best, top = {}, n
                    best[d] = n
                    best_run = " ".join(words[i:j + n])
    return sorted(best), best_run


def _unit_roles(hit: UnitHit, words: list[str], q: str, q_en: str, lang: str, who: bool,
                whom: bool = False) -> tuple[str, ...]:
    """The roles asked of one unit: a report word just before it → report_to; else, in a question asking
    whom the work goes to ("Sở Tài chính phải báo cáo ai?"), the one doing it; else the question's role words;
    else lead and support (and report_to in a "who" question or with "involve")."""
    if hit.span is not None:
        before = " ".join(words[max(0, hit.span[0] - 4):hit.span[0]])
        after = " ".join(words[hit.span[1]:hit.span[1] + 3])
        wider = " ".join(words[max(0, hit.span[0] - 8):hit.span[0]])
        if _REPORT_BEFORE.search(before) or _RECEIVES_AFTER.match(after) or _SENT_TO.search(wider):
            return ("report_to",)
        if who and _PARTNER_BEFORE.search(before):
            return ("lead", "support")  # "Ai phối hợp với Sở Văn hóa …?": the one worked with leads, or is the partner
    elif hit.english:
        en = re.escape(fold_ascii(hit.english).replace("'", ""))
        if re.search(r"\b(report|reports|reported|reporting|submit|submits|submitted|send|sends|sent)\b(?: \w+){0,6}? to (?:the )?"
                     + en, q_en):
            return ("report_to",)
    if whom:
        return ("lead", "support")
    lead, support = bool(_LEAD_Q.search(q)), bool(_SUPPORT_Q.search(q))
    if _RECEIVES_Q.search(q):  # "Which tasks does X support or receive reports for?"
        return tuple(r for r, asked in (("lead", lead), ("support", support)) if asked) + ("report_to",)
    if lead and not support:
        return ("lead",)
    if support and not lead:
        return ("support",)
    if lead and support:
        return ("lead", "support")
    if who:
        # "Ai chịu trách nhiệm kiện toàn Ban Chỉ đạo …?": the one asked about is "ai"; a unit named is
        # also the object of the work, named in the task without a role
        return ("lead", "support", "report_to", "mentioned")
    if _ALL_ROLES_Q.search(q):
        return ("lead", "support", "report_to")
    return ("lead", "support")


def understand(store: Store, question: str, unit: str | None = None, *, today: dt.date | None = None) -> Understanding:
    """What a question asks: documents (directives and scope), units and roles, a deadline filter,
    "who", topic words; ``intent`` names the kind of answer."""
    today = today or dt.date.today()
    lx = lexicon(store)
    ix = store_index(store)
    u = Understanding(question=question, lexicon=lx)
    u.lang = _language(question)
    q = name_key(question)
    words = q.split()
    docs, doc_spans, doc_names = _find_documents(lx, question, q)
    # a source document named is a scope (its own tasks); one only cited is a directive
    for d in docs:
        (u.scope if d in ix.sources and not ix.derives.get(d) else u.directives).append(d)
    # a document named by its title ("trong Kế hoạch triển khai thi hành Luật Bảo vệ dữ liệu cá nhân") is
    # a scope, and a law named inside that title is part of the name, not a directive
    titled, run = _titled(lx, words)
    if titled:
        u.scope += [d for d in titled if d not in u.scope]
        inside = {i for n in doc_names if n and f" {n} " in f" {run} " for i in lx.names.get(n, ())}
        u.directives = [d for d in u.directives if d not in inside]
        doc_names = [run] + doc_names
    if _SELF.search(q) and not docs and len(lx.sources) == 1:
        u.scope = list(lx.sources)
    u.who = bool(_WHO.search(q))
    u.whom = bool(_WHOM.search(q))
    hits = _read_units(u, lx, question, q, words, unit)
    u.due = _read_due(question, doc_spans, today)
    shown = [name_key(lx.display.get(d) or "") for d in docs]
    _read_topic(u, question, words, hits, doc_spans, doc_names + shown + _subjects_said(lx, q, docs), bool(docs))
    if _EXECUTION_Q.search(fold_ascii(question).replace("'", "")) and not u.due:
        # the clause that names who executes the document, whatever else the question says of it (its title)
        u.groups, u.words = [list(_EXECUTION_WORDS)], ["thi hành" if u.lang == "vi" else "execution"]
        u.who = True
    u.intent = _intent(u, q)
    return u


def _subjects_said(lx: Lexicon, q: str, docs: list[str]) -> list[str]:
    """The words "về …" says right after a document's number when they are its title's ("Quyết định 2553/QĐ-TTg
    về giảm lãi suất cho vay tín dụng chính sách"): they tell which document, and are no topic of the work asked.

    >>> lx = Lexicon(display={"d": "2553/QĐ-TTg"}, titles={"d": ("ve", "viec", "giam", "lai", "suat", "cho", "vay")})
    >>> _subjects_said(lx, "ai thi hanh quyet dinh 2553/qd-ttg ve giam lai suat cho vay?", ["d"])
    ['giam lai suat cho vay']
    """
    out = []
    for d in docs:
        title, sym = set(lx.titles.get(d, ())), name_key(lx.display.get(d) or "")
        at = q.find(sym + " ve ") if sym and title else -1
        if at == -1:
            continue
        run = []
        for w in re.sub(r"^ve (?:viec )?", "", q[at + len(sym) + 1:]).split():
            w = w.strip("?,.;:!")
            if w not in title:
                break
            run.append(w)
        if len(run) >= 2:
            out.append(" ".join(run))
    return out


_REQUESTING = {"yeu cau", "de nghi", "chi dao", "chi thi"}


def _read_units(u: Understanding, lx, question: str, q: str, words: list[str], unit: str | None) -> list[UnitHit]:
    """The units a question names, each with its roles (into ``u.units`` and ``u.roles``)."""
    q_en = fold_ascii(question).replace("'", "").replace("’", "")
    hits = find_all_units(lx, question, q)
    if not hits and u.lang == "en":
        hits = proper_name_units(lx, question)  # "the Director of Tan Cang - Petro Cam Ranh Company"
    # role words are read outside the units' names ("Ban Tuyên giáo" holds no "giao", gives no work)
    named = {k for h in hits if h.span is not None for k in range(*h.span)}
    q_roles = " ".join(w for k, w in enumerate(words) if k not in named) if named else q
    prev: tuple[UnitHit, tuple[str, ...]] | None = None
    for h in hits:
        if u.documents and h.span is not None and " ".join(words[h.span[1]:h.span[1] + 2]) in _REQUESTING:
            continue  # "…, Thủ tướng yêu cầu những gì?": the body asking for the work (the issuer), not one doing it
        if u.documents and _names_issuer(h, words, q_en):
            continue  # "Decision 456/QĐ-UBND of Bắc Ninh", "Quyết định 456/QĐ-UBND của UBND tỉnh": who issued it
        roles = _unit_roles(h, words, q_roles, q_en, u.lang, u.who, u.whom)
        if prev and prev[1] == ("report_to",) and _listed_after(prev[0], h, words):
            roles = ("report_to",)  # "báo cáo Chính phủ, Thủ tướng Chính phủ": both receive the report
        prev = (h, roles)
        u.units.append(AskedUnit(h.name, list(h.iris), roles, h.english or english_name(h.name)))
    if not u.units and unit:
        name, iris = resolve_unit(lx, unit)
        u.units.append(AskedUnit(name or unit, iris, ("lead", "support", "mentioned"), english_name(name or unit)))
    u.roles = tuple(dict.fromkeys(r for a in u.units for r in a.roles))
    return hits


# a document's number, then "of" / "của" and who issued it, up to the end of the clause
_ISSUED_BY = re.compile(r"\S/\S+\s+(?:of|by|issued\s+by|cua|do)\s+(?:the\s+)?([^?,.;:]+)")


def _names_issuer(h: UnitHit, words: list[str], q_en: str) -> bool:
    """Whether the unit is named as the issuer of the document the question asks about, right after
    its number ("Decision 456/QĐ-UBND of Bắc Ninh", "Quyết định 456/QĐ-UBND của UBND tỉnh")."""
    if h.span is not None:
        return h.span[0] >= 2 and words[h.span[0] - 1] in ("of", "cua") and "/" in words[h.span[0] - 2]
    m = _ISSUED_BY.search(q_en)
    name = fold_ascii(h.english or english_name(h.name) or "").replace("'", "")
    tail = m.group(1).strip() if m else ""
    # (a body found by its place alone, "Decision 1498/QĐ-UBND of Ninh Bình": the place is its identifiers' home)
    return bool(tail and name and (tail in name or name in tail
                                   or any(f"/{tail.replace(' ', '-')}/" in i for i in h.iris)))


_LIST_GAP = {",", "va", "hoac", "and", "or", "cung", "&"}


def _listed_after(a: UnitHit, b: UnitHit, words: list[str]) -> bool:
    """Whether unit ``b`` follows unit ``a`` in one list ("Chính phủ, Thủ tướng Chính phủ", "X và Y")."""
    if a.span is None or b.span is None or b.span[0] < a.span[1]:
        return False
    gap = words[a.span[1]:b.span[0]]
    return len(gap) <= 2 and all(w in _LIST_GAP for w in gap)


def _read_due(question: str, doc_spans, today: dt.date):
    """The deadline filter, read from the question with its citations blanked (a document's date is
    not a deadline)."""
    blanked = question
    for s, e in doc_spans:
        blanked = blanked[:s] + " " * (e - s) + blanked[e:]
    blanked = re.sub(r"\d+/\d{4}/[\wĐđ-]+|\d+/[A-ZĐa-zđ]+[\w&Đđ-]*", " ", blanked)
    return parse_due(fold_ascii(blanked), today)


_REPORT_GRAMMAR = ("bao", "cao", "gui", "nop", "trinh", "ve", "len", "den", "cho", "toi", "voi", "nhan", "tiep", "duoc")


_WHERE = re.compile(r"(?<![\wÀ-ỹ])đâu(?![\wÀ-ỹ])", re.I)
_FOLDS_AS_WHERE = re.compile(r"(?<![\wÀ-ỹ])(?:đầu|dầu|dấu|dâu|đậu|đấu|dẫu|đẫu|dậu)(?![\wÀ-ỹ])", re.I)


def _read_topic(u: Understanding, question: str, words: list[str], hits: list[UnitHit], doc_spans,
                names: list[str], has_docs: bool) -> None:
    """The topic words: what is left of the question once documents, units, dates and grammar are
    read (into ``u.groups`` and ``u.words``)."""
    taken = [False] * len(words)
    asked = {a.name: a for a in u.units}
    for h in hits:  # (a unit asking for the work is no asked unit, its words no topic either)
        a = asked.get(h.name)
        if h.span:
            for k in range(*h.span):
                taken[k] = True
            if a is not None and a.roles == ("report_to",):        # the report words around it are grammar, not a topic
                for k in list(range(max(0, h.span[0] - 4), h.span[0])) + list(range(h.span[1], min(len(words), h.span[1] + 3))):
                    if words[k] in _REPORT_GRAMMAR:
                        taken[k] = True
    residue = " ".join(w for w, t in zip(words, taken) if not t)
    residue = re.sub(r"\S*\d\S*", " ", residue)           # symbols, numbers, dates
    for n in names:                                      # documents' names and symbols
        if n:
            residue = re.sub(rf"\b{re.escape(n)}\b", " ", residue)
    if u.lang == "en":
        u.groups, u.words = _english_words(question, hits, doc_spans, has_docs)
        return
    for g in _VI_GRAMMAR:
        residue = re.sub(rf"\b{g}\b", " ", residue)
    if _WHERE.search(question) and not _FOLDS_AS_WHERE.search(question):
        residue = re.sub(r"\bdau\b", " ", residue)  # "gửi báo cáo về đâu": where to, no topic ("đầu tư" folds alike)
    for t in _TYPE_WORDS:
        residue = re.sub(rf"\b{re.escape(t)}\b", " ", residue)
    if u.whom:
        residue = re.sub(r"\b(?:bao cao|gui|nop|ve dau)\b", " ", residue)  # the report words ask whom, no topic
    if u.due or _OVERDUE.search(residue):
        residue = _OVERDUE.sub(" ", residue)
    u.groups, u.words = vietnamese_topic(re.sub(r"[^a-z ]", " ", residue).split())
    u.groups = _within_phrases(question, u.groups)
    # shown as the asker wrote them (with their diacritics): the run of syllables where the question
    # writes it ("đôn đốc" in "Đơn vị nào đôn đốc …", not the first syllable that folds alike)
    syl = re.findall(r"[^\W_]+", question.lower())
    fsyl = [fold_ascii(w) for w in syl]
    orig = {}
    for w, f in zip(syl, fsyl):
        orig.setdefault(f, w)

    def written(run: str) -> str:
        toks = run.split()
        for i in range(len(fsyl) - len(toks) + 1):
            if fsyl[i:i + len(toks)] == toks:
                return " ".join(syl[i:i + len(toks)])
        return " ".join(orig.get(w, w) for w in toks)
    u.words = [written(run) for run in u.words]


def _within_phrases(question: str, groups: list[list[str]]) -> list[list[str]]:
    """The concepts of a Vietnamese question without the syllable pairs read across its punctuation
    ("xã hội, gửi cho ai" holds no "hội gửi"): a pair the question writes only with a comma or a
    stop between its syllables is no word of it.

    >>> _within_phrases("Ai lập dự toán, gửi cho ai?", [["lap du"], ["du toan"], ["toan gui"]])
    [['lap du'], ['du toan']]
    """
    folded = fold_ascii(question)
    out = []
    for g in groups:
        pair = g[0].split() if len(g) == 1 else []
        if len(pair) == 2 and not re.search(rf"\b{pair[0]}\s+{pair[1]}\b", folded) \
                and re.search(rf"\b{pair[0]}\s*[,;:.()?!]+\s*{pair[1]}\b", folded):
            continue
        out.append(g)
    return out


def _intent(u: Understanding, q: str) -> str:
    """The kind of answer a question asks for."""
    if _BASIS.search(q) and u.documents:
        return "basis"
    if _CITED_BY.search(q) and u.documents:
        return "cited_by"
    if u.directives:
        return "requirements"
    if u.who:
        return "who"
    if u.units:
        return "worklist"
    if u.due:
        return "deadline"
    if u.groups:
        return "topic"
    if u.scope:
        return "tasks"
    return u.intent


def _english_words(question: str, hits: list[UnitHit], doc_spans, has_docs: bool = False) -> tuple[list[list[str]], list[str]]:
    """Topic concepts of an English question: glossary words, and Vietnamese words written in it
    (a name in parentheses that is not a unit, such as "(phản biện)")."""
    text = question
    for s, e in doc_spans:
        text = text[:s] + " " * (e - s) + text[e:]
    # English names of the units asked about are not topic words
    en = bodies.fold_english(text)
    names = []
    for h in hits:
        b = bodies.load().get(h.body) if h.body else None
        if b is not None:
            names += [bodies.fold_english(n) for n in b.english_names]
    for n in sorted(set(names), key=len, reverse=True):
        en = re.sub(rf"\b{re.escape(n)}\b", " ", en)
    vi_words, en_words = [], []
    for tok in en.split():
        (vi_words if _VI_MARKS.search(tok) else en_words).append(tok)
    if doc_spans or has_docs:
        en_words = [w for w in en_words if w.rstrip("s") not in _TYPE_EN and w not in ("law", "laws", "requirements")]
    if hits:
        # "What is X responsible for?": the unit's duties; in "Who is responsible for implementing …?" the
        # word narrows the answer to the clauses charging someone, as "chịu trách nhiệm" does in Vietnamese
        en_words = [w for w in en_words if w not in ("responsible", "responsibility")]
    groups, shown = english_topic([w for w in en_words if not re.search(r"\d", w)])
    # an acronym is written the same in both languages ("Which tasks involve applying BIM?", "PKI"):
    # searched as written, unless it names a body or abbreviates one ("UBND"), is part of a symbol
    # ("23/KL-LNTPTW") or a Roman numeral
    said = {w for h in hits for w in (h.name + " " + (h.english or "")).split()}
    for h in hits:  # the initials of a body asked about ("Ministry of Finance (MOF)")
        ws = re.findall(r"[A-Za-z]+", h.english or "")
        said |= {"".join(w[0] for w in ws).upper(), "".join(w[0] for w in ws if w[0].isupper())}
    for tok in dict.fromkeys(re.findall(r"(?<![\w&/.-])[A-Z][A-Z&]{1,7}(?![\w&/-])", text)):
        if tok in said or re.fullmatch(r"[IVXLC]+", tok) or bodies.resolve(tok) is not None \
                or bodies.expand(tok) != tok or bodies.from_english(tok) or tok.lower() in _EN_STOP \
                or any(tok.lower() in g for g in groups):
            continue
        groups.append([tok.lower()])
        shown.append(tok)
    # Vietnamese words in parentheses (not unit names)
    unit_words = {w for h in hits if h.span for w in name_key(h.name).split()}
    for m in re.finditer(r"\(([^)]*)\)", question):
        inner = name_key(m.group(1))
        if not inner or any(inner in name_key(h.name) or name_key(h.name) in inner for h in hits):
            continue
        if m.group(1).strip() in said:
            continue  # the initials of a body asked about ("Ministry of Finance (MOF)")
        if bodies.resolve(m.group(1)) is not None:
            continue  # the body's name in Vietnamese ("the wards, communes and the special zone (UBND phường, xã, đặc khu)")
        ws = [w for w in inner.split() if w not in unit_words]
        g, s = vietnamese_topic(ws)
        # "social review (phản biện)": the Vietnamese words translate the English ones before them;
        # a concept the glossary already gave is one concept, not two the tasks must both hold
        groups += [x for x in g if not any(set(x) <= set(y) for y in groups)]
        shown += [m.group(1)]
    return groups, shown


# ------------------------------------------------------------------------------------------------
# answering
# ------------------------------------------------------------------------------------------------
DEFAULT_LIMIT = 50  # tasks per answer (a page): a decree cited by 10,000 plans is not read in one screen
TOPIC_MAX = 12      # a question asked by its words alone: the best tasks, at most this many


def _label(lx: Lexicon, iri: str, store: Store) -> str:
    if iri in lx.display:
        t = lx.types.get(iri)
        vi = next((v for v, _, _ in DOC_TYPES.values() if fold_ascii(v) == t), None) if t else None
        return f"{vi} {lx.display[iri]}" if vi else lx.display[iri]
    rows = store.select(prefixed(f"SELECT ?l WHERE {{ {sparql_iri(iri)} rdfs:label ?l }} LIMIT 1"))
    return rows[0]["l"] if rows else iri


def _homes(lx: Lexicon, unit: str | None, home: str | None) -> set[str]:
    """The officer's own jurisdictions: ``home`` if given, else the given unit's."""
    if home:
        return {home}
    if not unit:
        return set()
    return unit_homes(resolve_unit(lx, unit)[1])


def _narrow(store: Store, u: Understanding, cands: set[str]) -> tuple[set[str], dict[str, float]]:
    """The candidates holding the topic words (at least half of the concepts); all of them when none does."""
    # (the work of a unit named: a topic that is its document's subject narrows nothing there; a question
    # by its words alone, "Ai có thẩm quyền phê duyệt …", is narrowed by them even when the title repeats them)
    groups = u.groups
    if not groups or not cands:
        return cands, {}
    titled = _titled_by(u.lexicon, groups, cands) if u.units else set()
    free = {t for t in cands if split_task(t)[0] in titled}
    rest = cands - free
    need = max(1, (len(groups) + 1) // 2)
    rows = fulltext(store).covering(groups, rest, need) if rest else []
    if not rows and not free:
        return cands, {}
    scores = {t: s for t, s, _ in rows}
    scores.update((t, float(len(groups))) for t in free)
    return free | {t for t, _, _ in rows}, scores


TITLE_DOCS = 20  # the titles read to tell a document's subject from a task's topic (a few documents' worth)


def _titled_by(lx: Lexicon, groups: list[list[str]], cands: set[str]) -> set[str]:
    """The candidates' documents whose title holds every topic concept: there the concepts name the
    document ("… phải làm gì trong Chiến dịch Quang Trung?" of the Công điện titled "… triển khai Chiến
    dịch Quang Trung … các tỉnh miền Trung", "Sở Xây dựng phải làm gì về dữ liệu số nhà?" of the letter
    "V/v rà soát và chuẩn hóa dữ liệu số nhà …"), not one of its tasks, and narrow nothing."""
    docs = {split_task(t)[0] for t in cands}
    if len(docs) > TITLE_DOCS:
        return set()

    out = set()
    for d in docs:
        words = lx.titles.get(d, ())   # folded title words, read once per store version
        title, syllables = " ".join(words), set(words)
        # all or nothing: a topic only partly in the title ("hồ sơ khen thưởng" under a title on "khen
        # thưởng") still narrows by all its words
        if title and all(_in_title(g, title, syllables) for g in groups):
            out.add(d)
    return out


def _in_title(g: list[str], title: str, syllables: set[str]) -> bool:
    """Whether a concept is in a folded title: the phrase, or each of its syllables ("quản lý giá" is read
    as the pairs "quản lý", "lý giá", the second of which no title spells: "… quản lý nhà nước về giá")."""
    return any(re.search(rf"(?<!\w){re.escape(p)}(?!\w)", title) or all(x in syllables for x in p.split())
               for p in g if p.strip())


def _untitled(lx: Lexicon, groups: list[list[str]], tasks) -> list[list[str]]:
    """The concepts not in the title of every document of ``tasks`` (a few documents): "… Nghị quyết về
    vùng phát thải thấp?" of the resolution so titled asks by its other words."""
    docs = {split_task(t)[0] for t in tasks}
    if not docs or len(docs) > TITLE_DOCS:
        return groups
    titles = [(" ".join(lx.titles.get(d, ())), set(lx.titles.get(d, ()))) for d in docs]
    return [g for g in groups if not all(t and _in_title(g, t, sy) for t, sy in titles)]


def _within_titled(u: Understanding, ix: StoreIndex, ft) -> list[tuple[str, float, int]]:
    """The items holding a question's other concepts in the documents whose title holds some of them ("Ai giám
    sát việc thực hiện Nghị quyết về mức chi chính sách đầu tư trong lâm nghiệp?": the resolution so titled,
    and who supervises in it). Documents found through three-word keys of the titles (a few at most)."""
    lx = u.lexicon
    docs: set[str] = set()
    for run in u.words:
        w = fold_ascii(run).split()
        for i in range(len(w) - 2):
            docs |= lx.title_grams.get(" ".join(w[i:i + 3]), set())
    if not docs or len(docs) > TITLE_DOCS:
        return []
    rows: list[tuple[str, float, int]] = []
    for d in sorted(docs):
        words = lx.titles.get(d, ())
        title, syllables = " ".join(words), set(words)
        rest = [g for g in u.groups if not _in_title(g, title, syllables)]
        if rest and len(rest) < len(u.groups):
            within = {t for t in ix.stated.get(d, ()) if t not in ix.nontask}
            rows += ft.covering(rest, within, max(1, (len(rest) + 1) // 2))
    return sorted(rows, key=lambda r: -r[1])


def _topic_only(store: Store, u: Understanding, ix: StoreIndex) -> tuple[set[str], dict[str, float]]:
    ft = fulltext(store)
    need = max(1, (len(u.groups) + 1) // 2)
    rows = ft.search(u.groups, limit=200, min_groups=need)
    rows = [(t, s, k) for t, s, k in rows if t not in ix.nontask and (t not in ix.parents or t not in ix.headings)]
    if u.who and not u.units and rows and not any(t in ix.led for t, _, _ in rows):
        # "Ai giám sát việc thực hiện Nghị quyết về vùng phát thải thấp?": the best-scored items name nobody
        # ("Thiết lập hệ thống giám sát …"); who does it is asked among the items naming their lead
        docs = {split_task(t)[0] for t, _, _ in rows}
        within = {t for d in docs for t in ix.stated.get(d, ()) if t in ix.led and t not in ix.nontask}
        groups = _untitled(u.lexicon, u.groups, [t for t, _, _ in rows]) or u.groups
        led = ft.covering(groups, within, max(1, (len(groups) + 1) // 2))
        top = ft.covering(groups, {rows[0][0]}, 1)
        if led and led[0][2] >= (top[0][2] if top else 0):
            rows = led  # as many of those words as the best item held: not a weaker match for a name
    if not rows and len(u.groups) > 1:
        rows = _within_titled(u, ix, ft)
    if not rows:
        return set(), {}
    best = rows[0][1]
    keep = [(t, s) for t, s, _ in rows if s >= 0.6 * best][:TOPIC_MAX]
    return {t for t, _ in keep}, dict(keep)


def _understood_text(u: Understanding, lx: Lexicon, store: Store, lang: str, scope: list[str],
                     directives: list[str]) -> str:
    """One line saying how the question was understood, in ``lang``."""
    en = lang == "en"
    role_vi = {"lead": "chủ trì", "support": "phối hợp", "report_to": "nhận báo cáo", "mentioned": "được nêu"}
    role_en = {"lead": "lead", "support": "support", "report_to": "receives reports", "mentioned": "named"}
    parts = []
    if directives:
        parts.append(("documents " if en else "văn bản ") + ", ".join(directives))
    if scope:
        parts.append(("within " if en else "trong phạm vi ") + ", ".join(scope))
    for a in u.units:
        name = (a.english or a.name) if en else a.name
        roles = ", ".join((role_en if en else role_vi)[r] for r in a.roles)
        known = "" if a.iris else (" — not in the store" if en else " — chưa có trong kho")
        parts.append((f"unit {name}" if en else f"đơn vị {name}") + f" ({roles}){known}")
    if u.due:
        parts.append(u.due.describe(lang))
    if u.words:
        parts.append(("words " if en else "từ khóa ") + ", ".join(f"“{w}”" for w in u.words))
    if u.who:
        parts.append("asks who" if en else "hỏi ai")
    if u.whom:
        parts.append("asks whom it is reported to" if en else "hỏi báo cáo cho ai")
    if not parts:
        return "Not understood." if en else "Chưa hiểu câu hỏi."
    return ("Understood: " if en else "Đã hiểu: ") + "; ".join(parts) + "."


def _understood(u: Understanding, lx: Lexicon, store: Store, symbols: list[str]) -> dict:
    """What was understood, as JSON: its parts, and one line in the asker's language (``text``)
    and in each language (``text_vi``, ``text_en``: the app shows the one of its language)."""
    scope = [lx.display.get(d) or _label(lx, d, store) for d in u.scope]
    directives = [lx.display.get(d) or _label(lx, d, store) for d in u.directives]
    texts = {lang: _understood_text(u, lx, store, lang, scope, directives) for lang in ("vi", "en")}
    return {"kind": u.intent, "lang": u.lang, "scope": scope, "directives": directives,
            "units": [{"name": a.name, "english": a.english, "roles": list(a.roles), "known": bool(a.iris)}
                      for a in u.units],
            "roles": list(u.roles),
            "dates": ({"op": u.due.op, "start": u.due.start.isoformat() if u.due.start else None,
                       "end": u.due.end.isoformat() if u.due.end else None, "recurring": list(u.due.words),
                       "text": u.due.describe(u.lang)} if u.due else None),
            "words": list(u.words), "who": u.who, "text": texts[u.lang], "text_vi": texts["vi"], "text_en": texts["en"]}


# words before a unit's name, in its clause, that make it the object of someone else's work ("đôn
# đốc các sở …", "tại Trung tâm …", "đề xuất của Bộ …", "gửi Sở Nội vụ"), not the one doing it
_NOT_ACTOR = re.compile(r"\b(nhu|cua|voi|tai|cho|den|ve|tu|trinh|gui|nop|theo(?! doi)|don doc|huong dan|chi dao|yeu cau|"
                        r"de nghi|giup|tham muu|phoi hop|cung|kiem tra|giam sat|thuoc|bao cao|ho tro|tham gia|giao|"
                        r"bao gom|gom|trong do|ngoai|tru|qua|dua|lam viec)\b")
_CLAUSE = re.compile(r"[.;:(\n]|\bthi\b|\bde\b")
_SENDING = re.compile(r"\b(gui|den|ve|bao cao|trinh|nop|len|cho)$")
# words just after a unit's name that make it the one doing the work, whatever stands before it
# ("… trên cơ sở đề xuất của Sở Nông nghiệp …, Sở Tài chính chủ trì …"; "phản ánh về Sở Khoa học và
# Công nghệ để tổng hợp, trình …"): leading, or acting in any role
_FED_BACK = re.compile(r"\bphan anh\b")
_LEADS_AFTER = re.compile(r"\s*,?\s*(?:chu tri|chiu trach nhiem chinh)\b")
_ACTS_AFTER = re.compile(r"\s*,?\s*(?:chu tri|chiu trach nhiem|co trach nhiem|phoi hop|(?:de )?(?:tong hop|tham muu))\b")


def _mentions(store: Store, ix: StoreIndex, a: AskedUnit, mode: str) -> set[str]:
    """Tasks that name the unit without a role, read where its name stands in its clause.

    ``acting``: the name opens its clause ("(Trung tâm Thông tin; Nhà khách … xây dựng kế hoạch …)",
    "… thì Liên hiệp các hội … đề xuất và báo cáo …") and nothing before it makes it the object of
    someone else's work ("đôn đốc các sở …", "tại Trung tâm …", "đề xuất của Bộ …"); or a word of
    work follows it ("Sở Tài chính chủ trì", "về Sở … để tổng hợp"). ``leading``: "chủ trì" follows
    it. ``receiving``: a word of sending stands just before it ("gửi hồ sơ … đến Sở Nội vụ")."""
    cands: set[str] = set()
    fed: set[str] = set()  # fed back to, it compiles and submits ("phản ánh về Sở … để tổng hợp, trình …")
    for iri in a.iris:
        roles = ix.roles.get(iri, {})
        cands |= roles.get("mentioned", set())
        if mode == "acting":
            fed |= roles.get("report_to", set())
    fed -= cands
    cands = (cands | fed) - ix.parents - ix.nontask
    if not cands:
        return set()
    key = (tuple(sorted(a.iris)), a.name, mode)
    memo = _mention_memo(store)
    if key in memo:
        return memo[key]
    lx = lexicon(store)
    names = {fold_ascii(lx.unit_label.get(i, "")) for i in a.iris} | {fold_ascii(a.name)}
    names = {n for n in names if len(n) > 3}
    out = set()
    # the indexed text: folded, punctuation kept (clauses), read by row id
    for task, text in fulltext(store).texts(cands).items():
        if any(_named_in_role(text, m, mode) and (task not in fed or _FED_BACK.search(text, max(0, m.start() - 40),
                                                                                   m.start()))
               for n in names for m in re.finditer(r"\s+".join(map(re.escape, n.split())), text)):
            out.add(task)
    if len(memo) > 4096:
        memo.clear()
    memo[key] = out
    return out


def _named_in_role(text: str, m: re.Match, mode: str) -> bool:
    """Whether the name found at ``m`` in a task's folded text stands as ``mode`` asks (see
    :func:`_mentions`)."""
    head = text[:m.start()]
    clause = head[max((c.end() for c in _CLAUSE.finditer(head)), default=0):]
    if mode == "receiving":
        return bool(_SENDING.search(" ".join(re.findall(r"[a-z]+", clause)[-6:])))
    if mode == "leading":
        return bool(_LEADS_AFTER.match(text, m.end()))
    if _ACTS_AFTER.match(text, m.end()):
        return True
    lead_words = [w for w in re.findall(r"[a-z0-9]+", clause) if not re.fullmatch(r"\d+|[a-z]|[ivx]+", w)]
    return len(lead_words) <= 1 and not _NOT_ACTOR.search(clause)


_mention_memo = PerVersion(lambda store: {}, keep=0)


def _addressed(store: Store, ix: StoreIndex, u: Understanding, a: AskedUnit) -> set[str]:
    """A unit named with its place ("Ủy ban nhân dân tỉnh Phú Thọ") is the addressee of a document
    whose title names that place ("Kết luận … tại buổi làm việc với lãnh đạo tỉnh Phú Thọ"): the
    document's tasks that name no lead are its work."""
    m = bodies.resolve(a.name)
    if m is None or not m.place:
        return set()
    place = fold_ascii(m.place)
    docs = u.scope or (list(ix.sources) if len(ix.sources) <= 50 else [])
    titles = {r["document"]: r["title"] for r in queries.documents(store, ids=docs)} if docs else {}
    out: set[str] = set()
    led = ix.led
    for d, title in titles.items():
        if title and re.search(rf"\b{re.escape(place)}\b", fold_ascii(title)):
            out |= {t for t in ix.stated_tasks(d) if t not in led and t not in ix.headings}
    return out


def _who_rows(rows: list[TaskRow], u: Understanding) -> list[UnitRole]:
    """The units and their roles in each task of the answer (the asked units' own rows left out when
    they only receive the reports)."""
    receivers = {a.name for a in u.units if a.roles == ("report_to",)}
    asked_roles = {r for a in u.units for r in a.roles} if u.units and not receivers else set()
    out = []
    for t in rows:
        for role, names in (("lead", t.lead), ("support", t.support), ("report_to", t.report_to)):
            if asked_roles and u.roles and role not in asked_roles and not receivers:
                continue
            for n in names:
                if receivers and n in receivers and role == "report_to":
                    continue
                out.append(UnitRole(n, role, t.id, t.number, t.document_label, english_name(n)))
    return out


_MESSAGES = {
    "none": ("Không tìm thấy nhiệm vụ nào cho câu hỏi này.", "No task answers this question."),
    "requirements": ("Không tìm thấy nhiệm vụ nào xuất phát từ văn bản này.", "No task derives from this document."),
    "unknown": ("Chưa hiểu câu hỏi: hãy nêu số hiệu văn bản (vd. 59/2023/NĐ-CP), tên đơn vị, thời hạn hoặc nội dung.",
                "Question not understood: name a document (e.g. 59/2023/NĐ-CP), a unit, a deadline or a topic."),
}


def ask(store: Store, question: str, unit: str | None = None, *, limit: int | None = DEFAULT_LIMIT,
        home: str | None = None, today: dt.date | None = None) -> Answer:
    """Answer a question over the store (see the module docstring).

    ``limit`` caps the tasks (and links) returned; ``Answer.total`` says how many matched. Tasks
    come in document and item order (by relevance for a question asked by its words alone), those
    of the home jurisdiction first: ``home`` (a jurisdiction slug such as ``bac-ninh``) or the
    jurisdiction of the ``unit`` given. ``today`` dates "overdue" (default: the system's date).
    The candidate tasks come from :func:`graph.index.store_index` and :func:`graph.fulltext.fulltext`
    (built once per store version), so the cost of an answer depends on its size, not on the size
    of the store.
    """
    today = today or dt.date.today()
    u = understand(store, question, unit, today=today)
    lx = u.lexicon
    lang_i = 1 if u.lang == "en" else 0
    symbols = [lx.display.get(d) or _label(lx, d, store) for d in u.documents]
    unit_shown = "; ".join(a.name for a in u.units) or None
    understood = _understood(u, lx, store, symbols)

    def answer(intent, rows, total, msg="", links=(), who=()):
        return Answer(question, symbols, unit_shown, intent, rows, links=list(links), message=msg, total=total,
                      understood=understood, who=list(who), lang=u.lang)

    if u.intent in ("basis", "cited_by"):
        links = _links(store, u, limit)
        return answer(u.intent, [], len(links), links=links)
    if u.intent == "unknown":
        return answer("unknown", [], 0, _MESSAGES["unknown"][lang_i])

    ix = store_index(store)
    cands = _candidates(store, ix, u, today)
    scores: dict[str, float] = {}
    if cands is None:
        cands, scores = _topic_only(store, u, ix)
    elif sum(map(bool, (u.directives, u.units, u.due))) < 2:
        # words narrow what the rest of the question gives, unless two of a directive, a unit and
        # a deadline already did
        cands, scores = _narrow(store, u, cands)
    total = len(cands)
    homes = _homes(lx, unit, home)
    if scores and u.intent == "topic":
        order = sorted(cands, key=lambda t: (-scores.get(t, 0.0), ix.rank.get(t, 0)))[:limit or None]
    else:
        order = ix.ordered(cands, limit, homes)
    via = _vias(ix, lx, u, order) if u.directives else None
    if not cands and u.intent == "topic":
        return answer("unknown", [], 0, _MESSAGES["unknown"][lang_i])
    rows = queries.task_rows(store, order, via)
    if u.who and not u.units:
        # "Ai giám sát …?" asks for units: a task naming none ("… chịu sự giám sát của cơ quan nhà nước")
        # cannot answer it, when others do
        named = [r for r in rows if r.lead or r.support or r.report_to]
        if named:
            total -= len(rows) - len(named)
            rows = named
    who = _who_rows(rows, u) if u.who else []
    msg = "" if rows else _MESSAGES["requirements" if u.intent == "requirements" else "none"][lang_i]
    return answer(u.intent, rows, total, msg, who=who)


def _links(store: Store, u: Understanding, limit: int | None) -> list[DocLink]:
    """The documents a basis question's documents rest on, or those citing them."""
    lx, links = u.lexicon, []
    for d in u.documents:
        if u.intent == "basis":
            for r in queries.basis_chain(store, d):
                links.append(DocLink(rel=r["rel"], rel_label=REL_LABELS[r["rel"]][1], id=r["to"],
                                     label=_label(lx, r["to"], store), depth=r["depth"]))
        else:
            for r in queries.cited_by(store, d)[:limit]:
                links.append(DocLink(rel=r["rel"], rel_label=REL_LABELS[r["rel"]][1], id=r["from"],
                                     label=_label(lx, r["from"], store)))
    return links


def _candidates(store: Store, ix, u: Understanding, today: dt.date) -> set[str] | None:
    """The tasks the documents, units and deadline of a question allow (None: none of them named)."""
    cands: set[str] | None = None
    # documents: tasks deriving from the directives; the scope's own tasks
    if u.directives:
        cands = set()
        for d in u.directives:
            seeds = set()
            for v in ix.vias(d):
                seeds |= ix.derives.get(v, set())
            # no task names it (only objectives do, "Quán triệt, triển khai có hiệu quả Quyết định …"): the
            # work of the documents resting on it ("Kế hoạch triển khai Nghị quyết 57-NQ/TW" whose items cite nothing)
            named = ix.with_own_parents(ix.actionable(seeds), seeds) if seeds else set()
            cands |= named or ix.grounded_tasks(d)
    if u.scope:
        stated = set()
        for d in u.scope:
            stated |= ix.stated_tasks(d) | ix.with_own_parents(set(), ix.stated.get(d, set()))
        cands = stated if cands is None else cands & stated
    # units in their roles; a unit acting and one receiving its reports ("Bộ Nội vụ phải báo cáo Chính phủ về
    # những việc gì?") ask for the tasks both hold (not in a "who" question, where the one acting is asked for)
    acting = [a for a in u.units if a.roles != ("report_to",)]
    receiving = [a for a in u.units if a.roles == ("report_to",)]
    if acting and receiving and not u.who:
        both = _unit_candidates(store, ix, u, acting) & _unit_candidates(store, ix, u, receiving)
        cands = both if cands is None else cands & both
    elif u.units:
        mine = _unit_candidates(store, ix, u, u.units)
        cands = mine if cands is None else cands & mine
    # deadlines
    if u.due:
        dated = {t for t, d in ix.deadlines.items() if u.due.holds(d, today)}
        dated = ix.with_own_parents(dated - ix.parents - ix.nontask, dated)
        cands = dated if cands is None else cands & dated
    if u.whom:  # "… báo cáo ai?": the items that say whom they report to
        told = {t for roles in ix.roles.values() for t in roles.get("report_to", ())}
        cands = told if cands is None else cands & told
    return cands


def _unit_candidates(store: Store, ix, u: Understanding, units) -> set[str]:
    """The tasks any of ``units`` holds in its roles; a unit asked as a partner that supports nothing ("Ủy ban Mặt
    trận Tổ quốc tỉnh phối hợp với ai, làm gì?" of a front that leads its one item: "Đề nghị Ủy ban Mặt trận …
    phối hợp với Thường trực …") is answered with the work it leads (a unit only named is never given a role)."""
    mine: set[str] = set()
    for a in units:
        got = _unit_tasks(store, ix, u, a)
        if not got and a.roles == ("support",):
            got = set(ix.unit_tasks(a.iris, ("lead",), own_parents=bool(u.due)))
        mine |= got
    return mine


def _unit_tasks(store: Store, ix, u: Understanding, a: AskedUnit) -> set[str]:
    # an item with sub-items that holds the unit's role and its own deadline is asked too
    mine = set(ix.unit_tasks(a.iris, a.roles, own_parents=bool(u.due)))
    if "lead" in a.roles:
        mine |= _mentions(store, ix, a, "acting" if "support" in a.roles else "leading")
    if "report_to" in a.roles:
        mine |= _mentions(store, ix, a, "receiving")
    if "lead" in a.roles:
        mine |= _addressed(store, ix, u, a)
    return mine


def _vias(ix, lx, u: Understanding, order: list[str]) -> dict[str, list[str]]:
    """For each task answered, the documents through which it derives from the directives asked."""
    picked = set(order)
    via: dict[str, list[str]] = {t: [] for t in order}
    for v in dict.fromkeys(v for d in u.directives for v in ix.vias(d)):
        for t in ix.derives.get(v, set()) & picked:
            lab = lx.display.get(v, v)
            if lab not in via[t]:
                via[t].append(lab)
    return via
