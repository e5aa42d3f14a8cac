"""Stage 3d: who does what: lead, support and report-to units and the deadline of each item.

Rules (on the item's own text, before its first child):

- lead: "Giao X …", "X chủ trì", "X có/chịu trách nhiệm", "Đề nghị X", "Đồng chủ trì với X" (X co-leads),
  an item or dash bullet that opens with a unit ("Bộ Y tế trình …"), or a heading that is just a
  unit ("2. Sở Nội vụ:"); an item without a lead of its own inherits its heading's.
- support: units after "phối hợp (với)"; report_to: units after "báo cáo" / "gửi … tổng hợp".
- annex rows: the first cell after the description leads, the second supports.
- deadline: "trước ngày 15/12/2026", "Quý I/2026", "tháng 6/2026", "năm 2026", "thường xuyên", "hằng năm".

    >>> from ingest.pipeline import extract_text
    >>> t = "III. TỔ CHỨC THỰC HIỆN\\n1. Giao Sở Nội vụ chủ trì, phối hợp với Sở Tài chính tham mưu, báo cáo UBND tỉnh trước ngày 15/12/2026.\\n"
    >>> task = extract_text(t).tasks[-1]
    >>> task.lead, task.support, task.report_to, task.deadline
    (('Sở Nội vụ',), ('Sở Tài chính',), ('UBND tỉnh',), '2026-12-15')
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .units import Mention, unit_key

__all__ = ["Assignment", "assign_text", "assign_row", "assign_cells", "heading_units", "deadline_of"]

_GIAO = re.compile(r"(?<!được)(?<!được )(?<!đã )(?:^|\s)(?:Giao|giao)(?:\s+cho)?\s+$")
_DENGHI = re.compile(r"(?:^|\s)(?:[Đđ]ề\s+nghị|[Yy]êu\s+cầu)\s+$")
_FORM_LEAD = re.compile(r"(?:(?:[Cc]ơ\s+quan|[Đđ]ơn\s+vị)\s+chủ\s+trì|(?:^|[|.;]\s*)Chủ\s+trì)\s*:\s*$")
_FORM_SUPPORT = re.compile(r"(?:(?:[Cc]ơ\s+quan|[Đđ]ơn\s+vị)\s+phối\s+hợp|(?:^|[|.;]\s*)Phối\s+hợp)\s*:\s*$")
# a unit as the subject of a duty: not after a preposition, followed by a duty verb
_PREP_BEFORE = re.compile(r"(?:của|cho|với|tại|đến|từ|về|theo|gửi|bởi|giữa|đối\s+với|trình|thuộc|và|hoặc|các|lên|trước|sau|như|"
                          r"giúp|thay|qua|do|tham\s+mưu|đề\s+xuất|hướng\s+dẫn|chỉ\s+đạo|là)\s*$", re.I)
_DUTY_AFTER = re.compile(r"^\s*(?:,\s*)?(?:chủ\s+trì|có\s+trách\s+nhiệm|chịu\s+trách\s+nhiệm|cần|phải|khẩn\s+trương|"
                         r"chủ\s+động|tiếp\s+tục|thực\s+hiện|triển\s+khai|xây\s+dựng|ban\s+hành|rà\s+soát|bố\s+trí|"
                         r"nghiên\s+cứu|tham\s+mưu|theo\s+dõi|kiểm\s+tra|phối\s+hợp|tổ\s+chức|đồng\s+chủ\s+trì|"
                         r"căn\s+cứ|trên\s+cơ\s+sở|theo\s+chức\s+năng|trong\s+phạm\s+vi|đưa|trình|hướng\s+dẫn|chỉ\s+đạo|"
                         r"quán\s+triệt|thường\s+xuyên|định\s+kỳ|lãnh\s+đạo|sửa\s+đổi|cập\s+nhật|đẩy\s+mạnh|tăng\s+cường|tập\s+trung|"
                         r"theo\s+(?:chức\s+năng|nhiệm\s+vụ)|tiếp\s+công\s+dân|giải\s+quyết|bảo\s+đảm|đảm\s+bảo|quản\s+lý|"
                         r"hỗ\s+trợ|ưu\s+tiên|phân\s+bổ|cân\s+đối|đề\s+xuất|chuẩn\s+bị|nắm\s+bắt|thẩm\s+định)\b", re.I)
_AFTER_LEAD = re.compile(r"(?i)^\s*(?:,\s*)?(?:chủ\s+trì|có\s+trách\s+nhiệm|chịu\s+trách\s+nhiệm|là\s+cơ\s+quan\s+chủ\s+trì|"
                         r"đồng\s+chủ\s+trì|thực\s+hiện|tổ\s+chức|chỉ\s+đạo|tham\s+mưu|xây\s+dựng|trình|ban\s+hành|"
                         r"hướng\s+dẫn|rà\s+soát|theo\s+dõi|triển\s+khai|bố\s+trí|nghiên\s+cứu|đưa|phối\s+hợp|cần|"
                         r"tiếp\s+tục|khẩn\s+trương|chủ\s+động|căn\s+cứ|kiểm\s+tra|phụ\s+trách)\b")
_SUPPORT = re.compile(r"(?i)(?:phối\s+hợp(?:\s+chặt\s+chẽ)?(?:\s+với)?|cùng\s+với)\s+$")
_COLEAD = re.compile(r"[Đđ]ồng\s+chủ\s+trì(?:\s+với)?\s+$")
_REPORT = re.compile(r"(?i)(?:báo\s+cáo(?:\s+(?:kết\s+quả|định\s+kỳ|tình\s+hình|đột\s+xuất|về))*(?:\s+(?:cho|lên|về))?|"
                     r"gửi(?:\s+(?:báo\s+cáo|về|kết\s+quả))*)\s+$")
_ENUM_GAP = re.compile(r"^\s*(?:,|;|và|hoặc)\s*$")

_DEADLINE = re.compile(
    r"(?P<before>trước|chậm\s+nhất|hạn\s+chót|hoàn\s+thành\s+trong)\s+(?:ngày\s+)?"
    r"(?:(?P<d>\d{1,2})\s*[/.\-]\s*(?P<m>\d{1,2})\s*[/.\-]\s*(?P<y>(?:19|20)\d\d)"
    r"|(?P<ld>\d{1,2})\s+tháng\s+(?P<lm>\d{1,2})(?:\s+năm\s+(?P<ly>(?:19|20)\d\d))?)"
    r"|(?P<q>[Qq]uý\s+(?P<qn>I{1,3}|IV|[1-4]))(?:\s*(?:/|năm)\s*(?P<qy>(?:19|20)\d\d))?"
    r"|(?P<mo>[Tt]háng\s+(?P<mon>\d{1,2})\s*(?:/|năm)\s*(?P<moy>(?:19|20)\d\d))"
    r"|(?P<kw>[Tt]hường\s+xuyên|[Hh][ằà]ng\s+năm|[Đđ]ịnh\s+kỳ|[Hh][ằà]ng\s+quý|[Hh][ằà]ng\s+tháng)"
    r"|(?P<yr>[Tt]rong\s+năm\s+(?P<yy>20\d\d))")
_QN = {"I": 1, "II": 2, "III": 3, "IV": 4, "1": 1, "2": 2, "3": 3, "4": 4}


@dataclass
class Assignment:
    lead: list[str] = field(default_factory=list)
    support: list[str] = field(default_factory=list)
    report_to: list[str] = field(default_factory=list)
    deadline: str | None = None
    deadline_text: str | None = None
    own_lead: bool = False
    form_lead: bool = False
    form_support: bool = False


def _add(lst: list[str], name: str):
    k = unit_key(name)
    if all(unit_key(x) != k for x in lst):
        lst.append(name)


def _chain(units: list[Mention], k: int, text: str) -> list[Mention]:
    """The unit at k and the ones enumerated right after it ("X, Y và Z")."""
    out = [units[k]]
    j = k + 1
    while j < len(units) and _ENUM_GAP.match(text[out[-1].end:units[j].start]):
        out.append(units[j])
        j += 1
    return out


def deadline_of(text: str, start: int, end: int) -> tuple[str | None, str | None]:
    best = None
    for m in _DEADLINE.finditer(text, start, end):
        g = m.groupdict()
        if g["d"] or g["ld"]:
            if not g["before"]:
                continue  # a date alone is a reference date, not a deadline
            y = g["y"] or g["ly"]
            if not y:
                continue
            iso = f"{int(y):04d}-{int(g['m'] or g['lm']):02d}-{int(g['d'] or g['ld']):02d}"
            return iso, " ".join(m.group().split())
        if g["q"]:
            y = g["qy"]
            val = f"{y}-Q{_QN[g['qn'].upper()]}" if y else f"Q{_QN[g['qn'].upper()]}"
            return val, " ".join(m.group().split())
        if g["mo"]:
            return f"{int(g['moy']):04d}-{int(g['mon']):02d}", " ".join(m.group().split())
        if g["kw"] and best is None:
            best = (" ".join(g["kw"].lower().split()), g["kw"])
        if g["yr"] and best is None and m.group().lower().startswith("trong"):
            best = (g["yy"], " ".join(m.group().split()))
    return best if best else (None, None)


_CUES = [("colead", _COLEAD), ("support", _SUPPORT), ("report", _REPORT), ("form_lead", _FORM_LEAD),
         ("form_support", _FORM_SUPPORT), ("giao", _GIAO), ("denghi", _DENGHI)]
# the last word a cue can end with: only then are the (end-anchored) cue patterns tried
_CUE_LAST = {"trì", "với", "hợp", "cáo", "về", "cho", "lên", "gửi", "quả", "kỳ", "hình", "xuất", "giao", "Giao",
             "nghị", "cầu", ":", "chẽ"}
_PREP_LAST = {w for w in ("của cho với tại đến từ về theo gửi bởi giữa với trình thuộc và hoặc các lên trước sau như giúp "
                          "thay qua do mưu xuất dẫn đạo là").split()}


def _last_word(s: str) -> str:
    s = s.rstrip()
    if s.endswith(":"):
        return ":"
    k = len(s)
    while k > 0 and not s[k - 1].isspace():
        k -= 1
    return s[k:].lower() if s[k:] not in ("Giao",) else "Giao"


def _cue(before: str) -> str | None:
    """Which role cue ends ``before`` (colead, support, report, form_lead, form_support, giao, denghi)."""
    lw = _last_word(before)
    if lw not in _CUE_LAST:
        return None
    tail = before[-45:]
    for name, rx in _CUES:
        if rx.search(tail):
            return name
    return None


def _after_prep(before: str) -> bool:
    lw = _last_word(before)
    return lw in _PREP_LAST and bool(_PREP_BEFORE.search(before[-30:]))


def assign_text(text: str, start: int, end: int, units: list[Mention], want_deadline: bool = True) -> Assignment:
    """Roles named in text[start:end] (``units`` are the mentions inside it, in order)."""
    a = Assignment()
    depth, counted = 0, start  # parenthesis depth up to the current unit, counted incrementally
    for k, u in enumerate(units):
        before = text[max(start, u.start - 60):u.start]
        depth += text.count("(", counted, u.start) - text.count(")", counted, u.start)
        counted = u.start
        cue = _cue(before)
        if cue is None and u.start - start <= 8 and text[start:u.start].strip() in (
                "Giao", "giao", "- Giao", "+ Giao", "Giao cho", "giao cho"):
            cue = "giao"
        if cue:
            chain = _chain(units, k, text)
            role = {"colead": a.lead, "support": a.support, "report": a.report_to, "form_lead": a.lead,
                    "form_support": a.support, "giao": a.lead, "denghi": a.lead}[cue]
            for x in chain:
                _add(role, x.name)
            if cue in ("form_lead", "giao", "denghi"):
                a.own_lead = True
            a.form_lead = a.form_lead or cue == "form_lead"
            a.form_support = a.form_support or cue == "form_support"
            continue
        if depth > 0:
            continue  # units named inside parentheses are examples, not the ones in charge
        chain = _chain(units, k, text)
        tail_after = text[chain[-1].end:min(end, chain[-1].end + 40)]
        if _DUTY_AFTER.match(tail_after) and not _after_prep(before):
            for x in chain:
                _add(a.lead, x.name)
            a.own_lead = True
            continue
        stripped = before.rstrip()
        opening = (u.start - start <= 60 and not stripped) or stripped.endswith((".", ";", ":")) or \
            (stripped[-1:] in "-+•" and "\n" in stripped[-4:])
        if opening and (_AFTER_LEAD.match(tail_after) or text[chain[-1].end:end].strip() in ("", ":")
                        or tail_after.lstrip().startswith(":")):
            for x in chain:
                _add(a.lead, x.name)
            a.own_lead = True
    if want_deadline or a.lead or a.support or a.report_to:
        a.deadline, a.deadline_text = deadline_of(text, start, end)
    return a



def assign_row(text: str, start: int, end: int, units: list[Mention]) -> Assignment:
    """An annex row flattened one line per cell fragment: description, lead cell, support cell, …"""
    a = Assignment()
    if not units:
        return a
    # the lead cell starts at the first unit that opens a line
    lines = []
    pos = start
    for ln in text[start:end].split("\n"):
        lines.append((pos, pos + len(ln)))
        pos += len(ln) + 1
    line_starts = {s + (len(text[s:e]) - len(text[s:e].lstrip())) for s, e in lines}
    first = None
    for k, u in enumerate(units):
        if u.start in line_starts and u.start > start + 2 and not _PREP_BEFORE.search(text[max(start, u.start - 30):u.start]):
            first = k
            break
    if first is None:
        return a
    cells: list[list[Mention]] = [[units[first]]]
    for u in units[first + 1:]:
        gap = text[cells[-1][-1].end:u.start]
        if "\n" in gap and not re.search(r"[,&]\s*$|\bvà\s*$|-\s*$", text[cells[-1][-1].end - 5:cells[-1][-1].end] + gap.split("\n")[0]) \
                and u.start in line_starts:
            cells.append([u])
        elif _ENUM_GAP.match(gap) or gap.strip() in ("", ",", ";"):
            cells[-1].append(u)
        else:
            cells.append([u])
        if len(cells) > 2:
            break
    for x in cells[0]:
        _add(a.lead, x.name)
    a.own_lead = True
    if len(cells) > 1:
        for x in cells[1]:
            _add(a.support, x.name)
    a.deadline, a.deadline_text = deadline_of(text, start, end)
    return a


def heading_units(text: str, start: int, end: int, units: list[Mention]) -> list[str]:
    """A heading that names who does its sub-items ("8. Các Khu Công nghệ cao, … và hiệp hội …")."""
    own = text[start:end].strip()
    if not units or len(own) > 220 or text[start:units[0].start].strip() not in ("", "Giao", "giao"):
        return []
    rest = text[start:end]
    for u in units:
        rest = rest.replace(text[u.start:u.end], " ")
    words = re.findall(r"[\wÀ-ỹ]+", rest)
    if len(words) > 6:  # more than connectors and a stray word or two: a sentence, not a list of units
        return []
    return [u.name for u in units]


def assign_cells(text: str, cells, units: list[Mention]) -> Assignment:
    """A table row whose columns are known: units in the "chủ trì" cell lead, in "phối hợp" support."""
    a = Assignment()
    for role, s, e in cells:
        if role == "deadline":
            raw = " ".join(text[s:e].split())
            a.deadline, a.deadline_text = deadline_of(text, s, e)
            if a.deadline is None and raw:
                a.deadline_text = raw
            continue
        inside = [u for u in units if s <= u.start < e]
        names = [u.name for u in inside]
        if not names:  # the column says it is a unit even when the grammar does not know the name
            names = [n for n in (" ".join(x.split()) for x in re.split(r"[;,]\s*(?=[A-ZĐ])", text[s:e])) if n]
        target = a.lead if role == "lead" else a.support
        for n in names:
            _add(target, n)
    a.own_lead = bool(a.lead)
    return a
