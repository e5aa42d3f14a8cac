"""Stage 4: every numbered item of the outline as a ``Task`` with its kind, roles, deadline and cites.

``build_tasks`` walks the outline once, in document order: each item's own roles
(``assignments``), the lead its title names, what it inherits from its parent (lead and deadline),
the form fields that describe their parent, and the kind of the item (``task``, ``assignment``,
``objective``, ``scope``, ``funding``, ``heading``, ``field``, ``provision``). Offsets are mapped back
to the source text by the ``span`` function the pipeline passes in.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import replace
from typing import Callable

from . import assignments as A
from .deadlines import DeadlineIndex
from .facts import Task
from .structure import Item, Outline
from .units import Mention, unit_key

__all__ = ["build_tasks", "task_kind", "WORK_KINDS"]

WORK_KINDS = ("task", "assignment")  # the kinds that give work to somebody

# an item whose body is a form field of its parent ("2. Cơ quan chủ trì: Bộ Tư pháp.", "3. Thời hạn: …")
_FIELD = re.compile(r"\s*(?:(?:[Cc]ơ\s+quan|[Đđ]ơn\s+vị|[Bb]ộ\s+phận)\s+(?:chủ\s+trì|phối\s+hợp|thực\s+hiện|được\s+giao)"
                    r"(?:\s+(?:tham\s+mưu|thực\s+hiện|triển\s+khai))*|[Cc]hủ\s+trì|[Pp]hối\s+hợp|"
                    r"[Tt]hời\s+(?:gian|hạn)(?:\s+(?:hoàn\s+thành|thực\s+hiện|triển\s+khai))?|[Tt]iến\s+độ(?:\s+thực\s+hiện)?|"
                    r"[Ss]ản\s+phẩm(?:\s+(?:đầu\s+ra|dự\s+kiến))?|[Nn]ội\s+dung(?:\s+(?:thực\s+hiện|công\s+việc|nhiệm\s+vụ))?|"
                    r"[Tt]ên\s+nhiệm\s+vụ|[Kk]ết\s+quả(?:\s+(?:đầu\s+ra|dự\s+kiến))?|"
                    r"(?:[Nn]guồn\s+)?[Kk]inh\s+phí(?:\s+thực\s+hiện)?)\s*:")
# an article that enacts or dates the document rather than giving work ("Điều 1. Ban hành kèm theo
# Quyết định này …", "Điều 1. Công bố kèm theo Quyết định này Danh mục thủ tục hành chính …", "Điều 1. Phê duyệt …" (only as the first article), "Điều 3. Quyết định này có
# hiệu lực …"); one that also names who carries it out stays a task
_ENACT = re.compile(r"\s*(?:Ban\s+hành\s+kèm\s+theo|Phê\s+duyệt|Công\s+bố(?:,\s*phê\s+duyệt)?\s+(?:kèm\s+theo|[Dd]anh\s+mục|[^\n.;]{0,40}?thủ\s+tục\s+hành\s+chính))")
_EXECUTES = re.compile(r"chịu\s+trách\s+nhiệm\s+(?:thi\s+hành|tổ\s+chức|thực\s+hiện)|tổ\s+chức\s+thực\s+hiện", re.I)
_PASSED = re.compile(r"\s*[A-ZĐ][\w ]{0,40}?\s+này\s+(?:đã\s+)?được\s+(?:Hội\s+đồng\s+nhân\s+dân|Quốc\s+hội|Ủy\s+ban)[^\n]{0,120}?thông\s+qua")
_IN_FORCE = re.compile(r"\s*(?:(?:Hiệu\s+lực(?:\s+thi\s+hành)?|Điều\s+khoản\s+thi\s+hành)\s*\.?\s*\n\s*)?"
                       r"(?:[A-ZĐ][\w ]{0,40}?\s+này\s+có\s+hiệu\s+lực|Có\s+hiệu\s+lực|"
                       # a repeal or replacement ("2. Bãi bỏ Quyết định số …", "Nghị định này thay thế Nghị định số …")
                       r"Bãi\s+bỏ\s|[A-ZĐ][\w ]{0,40}?\s+này\s+thay\s+thế\s|[A-ZĐ][^.;]{0,160}?\s(?:hết\s+hiệu\s+lực|còn\s+hiệu\s+lực\s+một\s+phần))")
# items that state who or what the document concerns, or what pays for it: not work
_SCOPE = re.compile(r"\s*(?:Đối\s+tượng(?:\s+áp\s+dụng)?|Phạm\s+vi(?:\s+(?:điều\s+chỉnh|áp\s+dụng))?|Giải\s+thích\s+từ\s+ngữ)"
                    r"\s*(?:[:.]|\n|$)", re.I)
_FUNDING = re.compile(r"\s*(?:(?:Về\s+)?(?:[Nn]guồn\s+)?[Kk]inh\s+phí(?:\s+(?:thực\s+hiện|bảo\s+đảm))?|[Nn]guồn\s+(?:lực|vốn)|"
                      r"(?:Kinh\s+phí|KINH\s+PHÍ)(?:\s+VÀ\s+NGUỒN\s+LỰC)?)(?:\s+(?:và|VÀ)\s+[^\n]{0,60})?\s*(?:[:.]|\n|$)")
# items that state how a body is made up or works rather than give it work ("2. Thành phần Hội đồng
# … gồm:", "Cơ cấu tổ chức", "a) Hội đồng hoạt động theo nguyên tắc tập trung …", "đ) Quan hệ làm
# việc giữa …", "5. Sở Nội vụ là cơ quan thường trực của Hội đồng …"): context; what a composition
# heading lists is context too
_COMPOSITION = re.compile(r"\s*(?:Thành\s+phần|Cơ\s+cấu\s+tổ\s+chức)(?![\wÀ-ỹ])", re.I)
# an article that is only a body's make-up or its place ("Điều 3. Cơ cấu tổ chức" over "1. Vụ Tổ chức - Biên
# chế.", "Điều 1. Vị trí và chức năng" of a decree on a ministry's duties): its clauses name units, give no work
_ARTICLE_MAKEUP = re.compile(r"\s*(?:Cơ\s+cấu\s+tổ\s+chức|Vị\s+trí(?:\s*,|\s+và)\s+chức\s+năng)\s*\.?\s*$", re.I)
_WORKING_RULE = re.compile(r"\s*(?:(?:Nguyên\s+tắc|Chế\s+độ)\s+(?:làm\s+việc|hoạt\s+động)|Quan\s+hệ\s+(?:làm\s+việc|công\s+tác)"
                           r"|[^\n.;:]{0,120}?\s(?:hoạt\s+động|làm\s+việc)\s+theo\s+(?:nguyên\s+tắc|chế\s+độ)"
                           r"|[^\n.;:]{0,160}?\slà\s+cơ\s+quan\s+thường\s+trực[^\n.;:]{0,120}\.?\s*$)(?![\wÀ-ỹ])", re.I)
# every match of _WORKING_RULE holds one of these words (in any case)
_WORKING_RULE_WORDS = ("làm", "hoạt", "quan", "thường")


def _working_rule(line: str) -> bool:
    low = line.lower()
    return any(w in low for w in _WORKING_RULE_WORDS) and _WORKING_RULE.match(line) is not None


_TITLE_YEAR = re.compile(r"(?:năm|giai\s+đoạn)\s+((?:19|20)\d\d)", re.I)
# a regulation of one body's functions and duties ("QUY ĐỊNH CHỨC NĂNG, NHIỆM VỤ, QUYỀN HẠN VÀ CƠ CẤU
# TỔ CHỨC CỦA SỞ TƯ PHÁP"): its article "Nhiệm vụ và quyền hạn" lists what that body does, each item
# with the body as its unnamed subject ("a) Chủ trì, phối hợp với … lập và đề xuất …")
# (and a body's charter, "ĐIỀU LỆ TỔ CHỨC VÀ HOẠT ĐỘNG CỦA QUỸ BẢO VỆ MÔI TRƯỜNG TỈNH …", whose "Điều 3. Nhiệm vụ"
# lists the body's duties)
_REGULATES = re.compile(r"(?:chức\s+năng,\s*nhiệm\s+vụ(?:,\s*|\s+và\s+)quyền\s+hạn(?:\s+và\s+cơ\s+cấu\s+tổ\s+chức)?|"
                        r"điều\s+lệ\s+(?:về\s+)?tổ\s+chức\s+và\s+hoạt\s+động)\s+của\s+", re.I)
_DUTIES = re.compile(r"\s*(?:Điều\s+\d+\s*\.\s*)?(?:(?:vị\s+trí,?\s+)?chức\s+năng,?\s+)?nhiệm\s+vụ(?:(?:,\s*|\s+và\s+)"
                     r"quyền\s+hạn)?\s*[:.]?\s*$", re.I)


# a numbered item over sub-items that is work in its own words: its subject and a sentence of duties before its
# first sub-item, 20 lower-case words and more besides the units it names ("2. Chủ tịch Ủy ban nhân dân các
# tỉnh, thành phố tổ chức theo dõi sát tình hình, tập trung chỉ đạo khắc phục … theo Nghị quyết số 380/NQ-CP …,
# đồng thời chủ động triển khai …, trong đó:")
OWN_WORK_WORDS = 20
# … not an introduction of the list below ("… thực hiện một số nhiệm vụ như sau:", "… các điều kiện sau:")
_LIST_INTRO = re.compile(r"(?:như\s+sau|sau\s+đây|dưới\s+đây|\ssau|gồm(?:\s+có)?|cụ\s+thể|có\s+trách\s+nhiệm|"
                         r"có\s+nhiệm\s+vụ)\s*:?\s*$")


def _own_words(text: str, start: int, end: int, units: list[Mention]) -> int:
    """The lower-case words of text[start:end] outside the units named there: what an item says besides
    whom it names ("1. Chủ tịch UBND các tỉnh, thành phố từ Hà Tĩnh đến Lâm Đồng, trong đó trọng tâm là
    các tỉnh: Đắk Lắk, Khánh Hòa, Gia Lai và Lâm Đồng:" says 8, words of places aside)."""
    n, at = 0, start
    for u in units:
        if u.start >= end:
            break
        if u.start >= at:
            n += sum(1 for w in text[at:u.start].split() if w[:1].islower())
            at = max(at, u.end)
    return n + sum(1 for w in text[at:end].split() if w[:1].islower())


def _part_work(text: str, it: Item, asg: A.Assignment) -> bool:
    """A part of the body without numbered items whose prose opens with its lead ("VII. CHẾ ĐỘ BÁO CÁO⏎Các
    sở, ban, ngành … gửi báo cáo …"): the part is itself a task. Not a table or a form (annexes, templates)."""
    if it.kind != "section" or it.children or not asg.own_lead or it.end - it.body_start > 3000:
        return False
    title_end = text.find("\n", it.body_start, it.end)
    if title_end == -1 or "|" in text[it.body_start:it.end] or "…" in text[it.body_start:it.end] \
            or "...." in text[it.body_start:it.end]:
        return False
    first = min((x for r, x, _ in asg.evidence if r == "lead"), default=-1)
    return first > title_end and not text[title_end:first].strip()


def task_kind(item: Item, text: str, gives_work: bool, own_work: bool = False, leads: bool = False) -> str:
    """objective | scope | funding | context | task | assignment | heading, and the two kinds that give no work:
    ``field`` (a form field of its parent) and ``provision`` (an article enacting or dating the document).
    ``own_work``: the item names its lead and words its duties itself before its sub-items; ``leads``: it
    opens the prose of a part of the body without numbered items, which is then a task itself."""
    if item.kind not in ("row", "row_heading") and text and _FIELD.match(text, item.body_start):
        return "field"
    if item.kind in ("article", "item") and not item.children and text and not gives_work and (
            _IN_FORCE.match(text, item.body_start) or _PASSED.match(text, item.body_start)
            or (item.id == "Điều 1" and _ENACT.match(text, item.body_start))) \
            and not _EXECUTES.search(text, item.body_start, item.end):
        return "provision"
    if item.kind == "row":
        return "task"
    if item.kind == "row_heading":
        return "heading"
    sk = item.section_kind or "task"
    if item.kind not in ("row",) and _SCOPE.match(text, item.body_start):
        return "scope"
    if item.kind not in ("row",) and not gives_work and _FUNDING.match(text, item.body_start):
        return "funding"
    if (item.kind == "section" and (item.children or not leads or " " in item.id)) \
            or (item.kind == "article" and item.children):
        return "heading"  # a part without numbered items that gives work is itself the task ("VII. CHẾ ĐỘ BÁO CÁO⏎X gửi …")
    if item.children and sk not in ("assignment", "scope", "funding", "context") and not (own_work and sk == "task"):
        return "heading"
    return {"objective": "objective", "assignment": "assignment", "scope": "scope", "funding": "funding",
            "context": "context", "other": "task"}.get(sk, "task")


def context_year(title: str | None, date: str | None) -> int | None:
    """The year a plan is about: the one its title names ("… năm 2026"), else its date's year."""
    m = _TITLE_YEAR.search(title or "")
    if m:
        return int(m.group(1))
    return int(date[:4]) if date and date[:4].isdigit() else None


def _title_end(text: str, it: Item) -> int:
    """The end of the item's title: its first line, and the lines after it that go on with a lower-case
    word (a title wrapped by PDF extraction: "8. Các Khu Công nghệ cao, … và hiệp hội, doanh\nnghiệp liên quan")
    or after a comma."""
    pos = it.body_start
    while True:
        nl = text.find("\n", pos, it.end)
        if nl == -1:
            return it.end
        nxt = text[nl + 1:nl + 3].lstrip(" \t")[:1]
        end = text[pos:nl].rstrip()[-1:]
        # a list of units wrapped after its comma goes on with a capital ("1. Bộ trưởng các Bộ, Thủ trưởng
        # cơ quan ngang bộ,⏎Chủ tịch Ủy ban nhân dân các tỉnh, thành phố")
        if not ((nxt.islower() and end not in ".;:!?") or (end == "," and nxt.isupper() and nl - it.body_start < 200
                                                                   and ". " not in text[it.body_start:nl])):
            return nl
        pos = nl + 1


def regulated_body(text: str, title_span: tuple[int, int] | None, mentions: list[Mention]) -> tuple[str, int, int] | None:
    """The one body whose functions and duties the document regulates, as (unit name, start, end) of its
    words in the title; None when the title is not such a regulation or the body is no unit the text
    names. The title is upper case, so the body is the longest unit named in the text that its words
    spell, letter case aside."""
    if not title_span:
        return None
    ts, te = title_span
    m = _REGULATES.search(text, ts, te)
    if m is None or _REGULATES.search(text, m.end(), te):
        return None
    rest = text[m.end():te].casefold()
    best = None
    for u in {u.name for u in mentions}:
        words = u.split()
        pat = r"\s+".join(re.escape(w.casefold()) for w in words)
        hit = re.match(pat + r"(?![\wÀ-ỹ])", rest)
        if hit and (best is None or hit.end() > best[1]):
            best = (u, hit.end())
    return (best[0], m.end(), m.end() + best[1]) if best else None


# a conclusion notice of a working session with a province or city ("KẾT LUẬN CỦA PHÓ THỦ TƯỚNG … TẠI BUỔI
# LÀM VIỆC VỚI LÃNH ĐẠO TỈNH PHÚ THỌ"): its items without a subject are addressed to that locality's
# People's Committee ("1. Nhận diện đầy đủ …", "2. … Tỉnh căn cứ các quy định hiện hành …")
_VISITED = re.compile(r"làm\s+việc\s+với\s+(?:lãnh\s+đạo\s+)?(?P<level>tỉnh|thành\s+phố)\s+(?P<place>[^\W\d_]+(?:[ \t]+[^\W\d_]+){0,3}?)"
                      r"(?=\s+về\s|\s*$|\s*\n)", re.I)
_PEOPLES_COMMITTEE = ("ủy ban nhân dân ", "uỷ ban nhân dân ")


def visited_body(text: str, title_span: tuple[int, int] | None, mentions: list[Mention]) -> tuple[str, int, int] | None:
    """The People's Committee of the province or city a conclusion notice's working session was held
    with, as (unit name, start, end) of the words naming it: its mention in the text ("thông báo để Ủy ban
    nhân dân tỉnh Phú Thọ … biết"), else the title's words ("TỈNH PHÚ THỌ"); None for other documents."""
    if not title_span:
        return None
    m = _VISITED.search(text, *title_span)
    if m is None:
        return None
    level = " ".join(m.group("level").split()).casefold()
    place = " ".join(m.group("place").split()).casefold()
    for u in mentions:
        n = u.name.casefold()
        if n.startswith(_PEOPLES_COMMITTEE) and n[len(_PEOPLES_COMMITTEE[0]):] == f"{level} {place}":
            return u.name, u.start, u.end
    # the place as the text writes it ("tỉnh Điện Biên"), for the name; the title's words as evidence
    pat = r"\s+".join(map(re.escape, f"{level} {place}".split()))
    w = re.search(r"(?<![\wÀ-ỹ])" + pat + r"(?![\wÀ-ỹ])", text[title_span[1]:], re.I)
    written = " ".join(w.group().split()) if w and w.group()[:1].islower() else f"{level} {place.title()}"
    return f"Ủy ban nhân dân {written}", m.start("level"), m.end("place")


# the sentence that hands the numbered items to their addressees, right before the first one ("…, Thủ tướng
# Chính phủ yêu cầu Bộ trưởng, Thủ trưởng cơ quan ngang Bộ, Chủ tịch Ủy ban nhân dân các tỉnh … thực hiện một
# số nhiệm vụ trọng tâm sau:")
_LEAD_IN_CUE = re.compile(r"(?<![\wÀ-ỹ])(?:[Yy]êu\s+cầu|[Gg]iao|[Đđ]ề\s+nghị)[ \t\n]+")


# the execution article of a decision: "Chánh Văn phòng …; Giám đốc các Sở: …; Chủ tịch Ủy ban nhân dân các xã,
# phường thuộc vùng …; Thủ trưởng các đơn vị liên quan chịu trách nhiệm thi hành Quyết định này"
_EXECUTES = re.compile(r"(?:chịu|có)\s+trách\s+nhiệm\s+(?:tổ\s+chức\s+)?thi\s+hành\s+(?:Quyết\s+định|Nghị\s+quyết|Chỉ\s+thị)\s+này")
_SEGMENT_GAP = re.compile(r"[\s,]*(?:và\s+)?")
_OWNER_BEFORE = re.compile(r"(?<![\wÀ-ỹ])(?:thuộc|của|tại)\s*$")


def executing_units(text: str, start: int, end: int, mentions: list[Mention]) -> list[Mention]:
    """In an article charging bodies with executing the decision, the body opening each ";"-separated
    part before "chịu trách nhiệm thi hành …" and those enumerated with it (a qualifier after a name,
    "thuộc vùng đồng bào dân tộc thiểu số", breaks no part); [] for other items. ``mentions``: the
    article's, in order (one pass over them)."""
    m = _EXECUTES.search(text, start, end)
    if m is None:
        return []
    parts: list[list[Mention]] = []  # the mentions of each part, split where a ";" or ". " lies between two of them
    seg = start
    for u in mentions:
        if not start <= u.start < m.start():
            continue
        cut = max(text.rfind(";", seg, u.start), text.rfind(". ", seg, u.start))  # a part ends at ";" or a sentence's end
        if cut != -1 or not parts:
            seg = cut + 1 if cut != -1 else start
            parts.append([])
            gap = text[seg:u.start]
            if not _SEGMENT_GAP.fullmatch(gap[gap.rfind("\n") + 1:]):
                parts[-1] = None  # the part opens with other words: its units do not execute
                continue
        if parts[-1] is not None:
            parts[-1].append(u)
        seg = u.end
    out: list[Mention] = []
    for part in parts:
        for u in A._chains(text, part)[0] if part else ():
            if _OWNER_BEFORE.search(text, max(start, u.start - 12), u.start):
                break  # "… đơn vị trực thuộc Ủy ban nhân dân thành phố": the owner, not a part
            out.append(u)
    return out


_SENTENCE_END = re.compile(r"[.;!?](?:\s|$)")


def preamble_lead_in(text: str, first_start: int, mentions: list[Mention]) -> list[Mention]:
    """The units a lead-in sentence ending in a colon right before the first numbered item addresses:
    the enumeration right after its last "yêu cầu" / "giao" / "đề nghị" (no full stop in between)."""
    base = max(0, first_start - 800)
    head = text[base:first_start].rstrip()
    if not head.endswith(":"):
        return []
    cue = None
    for cue in _LEAD_IN_CUE.finditer(head):
        pass
    if cue is None or _SENTENCE_END.search(head, cue.end()):
        return []
    at, colon = base + cue.end(), base + len(head) - 1
    after = [m for m in mentions if at <= m.start < colon]
    if not after or after[0].start != at:
        return []
    return A._chains(text, after)[0]


# the last words of a line that a sentence wrapped at the line's end goes on from
_WRAPPED_AT = re.compile(r"(?<![\wÀ-ỹ])(?:với|và|của|cho|về|các|tại|để|đến|trong|theo|là|do|hoặc|cùng|từ|trên|giữa|"
                         r"những|mưu|cáo|giao|nghị|trì|hợp)$")


def _heading_line(text: str, it: Item, te: int, units: list[Mention]) -> bool:
    """Whether an item's first line is a heading of its own ("1. Thẩm quyền đánh giá, xếp loại" over
    "Ủy ban nhân dân thành phố ban hành …"): short, naming no unit, not ending as a wrapped sentence does."""
    title = text[it.body_start:te].rstrip()
    return (te < it.end and 0 < len(title) <= 120 and title[-1:] not in ",;:-" and not _WRAPPED_AT.search(title)
            and not any(it.body_start <= u.start < te for u in units) and text[te + 1:te + 2].isupper())


def _own_assignment(text: str, it: Item, inside: list[Mention], exclude, year, deadlines) -> A.Assignment:
    if it.kind == "row" and it.cells:
        asg = A.assign_cells(text, it.cells, inside, year=year)
        if not any(role == "support" for role, _, _ in it.cells):  # no "phối hợp" column: read the task's words
            cells = [(s, e) for _, s, e in it.cells]
            words = [m for m in inside if m.start >= it.body_start and not any(s <= m.start < e for s, e in cells)]
            A.add_said_support(asg, text, it.body_start, it.end, words, exclude=exclude, year=year, deadlines=deadlines)
        return asg
    own = [m for m in inside if m.start >= it.body_start]
    if it.kind == "row":
        return A.assign_row(text, it.body_start, it.end, own, exclude=exclude, year=year, deadlines=deadlines,
                            lead_first=it.lead_first, support_column=it.support_column,
                            time_after_lead=it.time_after_lead)
    te = _title_end(text, it)
    asg = A.assign_text(text, it.body_start, it.end, own, exclude=exclude, year=year, deadlines=deadlines,
                        title_end=te if it.kind in ("article", "section") or _heading_line(text, it, te, own) else None,
                        heading_end=te if te < it.end else None)
    tl = A.title_lead(text, it.body_start, te, own)
    if tl:
        merged = A.Assignment(support=asg.support, report_to=asg.report_to, deadline=asg.deadline, own_lead=True,
                              form_lead=asg.form_lead, form_support=asg.form_support, form_deadline=asg.form_deadline,
                              title_lead=True, evidence=[e for e in asg.evidence if e[0] != "lead"])
        for name, s, e in tl:
            A._add(merged, "lead", (name, s, e))
        first = min(s for _, s, _ in tl)
        for name, (role, s, e) in zip(asg.lead, [x for x in asg.evidence if x[0] == "lead"]):
            if not it.body_start <= s < first:  # not the one handing the powers over ("UBND tỉnh ủy quyền cho …:")
                A._add(merged, "lead", (name, s, e))
        return merged
    return asg


# an item that opens with the one in charge ("c) Bộ Quốc phòng phát huy …", "2. Giao Sở Y tế …") names
# its own lead: the heading's lead-in ("yêu cầu các bộ, ngành, địa phương:") is not added to it. Not
# "Đề nghị X …": among a body's duties it proposes to X ("c) Đề nghị Chủ tịch UBND tỉnh quyết định …")
_LEAD_OPENING = re.compile(r"\s*(?:[(]?[0-9]{1,3}(?:\.[0-9]{1,3})*[.)]|[(]?[a-zđ][)]|[-+•*–])?\s*"
                           r"(?:[Gg]iao\s+(?:cho\s+)?)?")


def _opens_with_lead(text: str, it, asg: A.Assignment) -> bool:
    """Whether the item's words open with a lead of its own (its first unit, at the clause's start)."""
    starts = [x for r, x, _ in asg.evidence if r == "lead"]
    if not asg.lead or not starts:
        return False
    m = _LEAD_OPENING.match(text, it.start)
    return m is not None and m.end() == min(starts)


def _names_one_of(own: list[str], leads: list[str]) -> bool:
    """Whether an item names as its lead some of its parent's leads and no other ("Sở Y tế, UBND cấp xã và các
    cơ quan, đơn vị có liên quan … có trách nhiệm:" over "1. Đối với …: Giao Sở Y tế chủ động …"): those lead it."""
    keys = {unit_key(x) for x in leads}
    return len(keys) > 1 and bool(own) and all(unit_key(x) in keys for x in own)


def _inherit(text: str, it: Item, asg: A.Assignment, parent: A.Assignment, addressed: set[str]) -> bool:
    """What the item takes from its parent's assignment (in place); whether its lead is only the parent's.

    The parent's lead holds for the item, together with the units its own clauses name; an item whose
    title names its own lead ("2.2. Sở Nội vụ") replaces it, so does an item that names some of its parent's
    several leads and no other ("… Giao Sở Y tế chủ động …" under "Sở Y tế, UBND cấp xã … có trách nhiệm:"),
    and so does an item that names its own under
    a lead-in's addressees (``addressed``: "yêu cầu các bộ, ngành, địa phương:" over "g) … Bộ Xây dựng với
    vai trò là cơ quan thường trực, chủ động …"), and a procedure's step that names who acts in it ("Bước 2.
    Trong vòng 02 ngày làm việc, Phòng Văn hóa - Xã hội …" under "Ủy ban nhân dân cấp xã thực hiện các công
    việc sau:")."""
    inherited = False
    if parent.lead and not asg.title_lead and not _opens_with_lead(text, it, asg) \
            and not (asg.lead and (it.parent in addressed or it.marker.startswith("Bước"))) \
            and not _names_one_of(asg.lead, parent.lead):
        own = list(asg.lead)
        asg.lead = list(parent.lead)
        for name in own:
            if all(unit_key(name) != unit_key(x) for x in asg.lead):
                asg.lead.append(name)
        asg.evidence += [x for x in parent.evidence if x[0] == "lead"]
        inherited = not own
        if inherited and it.parent in addressed:
            addressed.add(it.id)
    if asg.deadline is None and parent.deadline is not None:
        asg.deadline = parent.deadline
    if inherited and not asg.support and parent.support:
        # "1. Bộ Tài chính chủ trì, phối hợp với các bộ, địa phương liên quan:" over a), b), c)
        asg.support = list(parent.support)
        asg.evidence += [x for x in parent.evidence if x[0] == "support"]
    if not asg.report_to and parent.report_to:
        asg.report_to = list(parent.report_to)
        asg.evidence += [x for x in parent.evidence if x[0] == "report_to"]
    return inherited


def _addresses(text: str, first_child: int, inside: list[Mention], asg: A.Assignment) -> bool:
    """Whether the item's lead is whom its lead-in sentence addresses, in general words ("… yêu cầu các bộ,
    ngành, địa phương:"); not one body it gives its items to ("1. Giao Ủy ban nhân dân Thành phố:")."""
    said = preamble_lead_in(text, first_child, inside)
    return bool(said) and all(m.kind == "collective" for m in said) \
        and {unit_key(m.name) for m in said} == {unit_key(x) for x in asg.lead}


# in a letter's body, the body that asks ("Sở Giáo dục và Đào tạo đề nghị các đơn vị, trường …") is its writer
_ASKS = re.compile(r"[ \t\n]*(?:kính[ \t]+|trân[ \t]+trọng[ \t]+)?(?:đề[ \t]+nghị|yêu[ \t]+cầu)(?![\wÀ-ỹ])")


def _drop_requesters(text: str, asg: A.Assignment, inside: list[Mention]) -> None:
    """Drop from a letter's leads the units that only ask others for the work ("X đề nghị Y …"), when the
    letter names another lead (in place; ``inside``: the item's unit mentions)."""
    spans = {(s, e) for r, s, e in asg.evidence if r == "lead"}
    asking = {m.name for m in inside if (m.start, m.end) in spans and _ASKS.match(text, m.end)}
    doing = {m.name for m in inside if (m.start, m.end) in spans and not _ASKS.match(text, m.end)}
    asking -= doing
    kept = [n for n in asg.lead if n not in asking]
    if asking and kept and len(kept) < len(asg.lead):
        asg.lead = kept
        gone = {(m.start, m.end) for m in inside if m.name in asking}
        asg.evidence = [x for x in asg.evidence if not (x[0] == "lead" and (x[1], x[2]) in gone)]


def build_tasks(text: str, src: str, outline: Outline, mentions: list[Mention], cites: list, *,
                span: Callable[[int, int], tuple[int, int]], exclude=(), year: int | None = None,
                since: str | None = None, title_span: tuple[int, int] | None = None) -> list[Task]:
    """One ``Task`` per item of ``outline`` (offsets of ``text``, the clean text; ``src`` is the source
    text that ``span`` maps them into). ``cites``: (start, symbol) of the citations an item may cite,
    sorted by start; ``exclude``: spans (clean offsets) whose dates are never deadlines; ``title_span``:
    the document's title (clean offsets), which may name the body a regulation of duties is about."""
    ms = sorted(mentions, key=lambda m: m.start)
    mstarts = [m.start for m in ms]
    cstarts = [c[0] for c in cites]
    by_id: dict[str, A.Assignment] = {}
    tasks: list[Task] = []
    deadlines = DeadlineIndex(text, year=year, exclude=exclude, since=since)
    subject = regulated_body(text, title_span, ms)
    addressee = visited_body(text, title_span, ms)
    first = next((it for it in outline.items if it.parent is None and it.kind == "item"), None)
    lead_in = preamble_lead_in(text, first.start, ms) if first is not None and first.start == outline.body_start else []
    addressed: set[str] = set()  # items whose lead is only the lead-in's addressees
    first_child: dict[str, int] = {}
    for it in outline.items:
        if it.parent is not None and it.parent not in first_child:
            first_child[it.parent] = it.start
    for it in outline.items:
        s, e = it.start, it.end
        inside = ms[bisect.bisect_left(mstarts, s):bisect.bisect_left(mstarts, e)]
        asg = _own_assignment(text, it, inside, exclude, year, deadlines)
        if it.id == "preamble":
            _drop_requesters(text, asg, inside)
        if it.kind == "article":
            for m in executing_units(text, it.body_start, it.end, inside):
                if m.name not in asg.support and m.name not in asg.report_to:
                    A._add(asg, "lead", m)
        if subject and not asg.lead and it.kind != "row" and _DUTIES.match(text, it.body_start, _title_end(text, it)):
            A._add(asg, "lead", subject)  # "Điều 2. Nhiệm vụ và quyền hạn" of the body the title names
            asg.title_lead = True
        if addressee and not asg.lead and it.kind in ("item", "letter", "point") and \
                (it.section_kind or "task") not in ("context", "objective", "scope", "funding"):
            A._add(asg, "lead", addressee)  # a conclusion's item without a subject: the locality met with
        if lead_in and not asg.lead and it.parent is None and it.kind == "item":
            for m in lead_in:  # an item without a subject: the addressees of the lead-in sentence
                A._add(asg, "lead", m)
            addressed.add(it.id)
        parent = by_id.get(it.parent) if it.parent else None
        inherited = _inherit(text, it, asg, parent, addressed) if parent is not None and it.kind != "row" else False
        if it.id in first_child and asg.lead and it.id not in addressed \
                and _addresses(text, first_child[it.id], inside, asg):
            addressed.add(it.id)
        by_id[it.id] = asg
        item_cites: list[str] = []
        for _, sym in cites[bisect.bisect_left(cstarts, s):bisect.bisect_left(cstarts, e)]:
            if sym and sym not in item_cites:
                item_cites.append(sym)
        a, b = span(s, e)
        b = a + len(src[a:b].rstrip())
        gives_work = bool(asg.lead or asg.support or asg.report_to)
        own_work = bool(it.children) and asg.own_lead and it.kind in ("item", "letter", "point") \
            and _own_words(text, it.body_start, first_child.get(it.id, it.end), inside) >= OWN_WORK_WORDS \
            and not _LIST_INTRO.search(text, it.body_start, first_child.get(it.id, it.end))
        dl = asg.deadline
        tasks.append(Task(id=it.id, kind=task_kind(it, text, gives_work, own_work, _part_work(text, it, asg)), start=a, end=b, text=src[a:b],
                          parent=it.parent,
                          cites=tuple(item_cites), lead=tuple(asg.lead), support=tuple(asg.support),
                          report_to=tuple(asg.report_to), deadline=dl.value if dl else None,
                          deadline_text=dl.text if dl else None, inherited_lead=inherited,
                          deadline_span=span(dl.start, dl.end) if dl else None,
                          evidence=tuple((r, *span(x, y)) for r, x, y in asg.evidence)))
    tasks = _organisation_items(text, outline, tasks)
    tasks = _lift_form_fields(tasks, by_id)
    tasks = _apply_cross_references(text, outline, tasks, span)
    first = next((it for it in outline.items if it.id == "Điều 1"), None)
    publishes = first is not None and _PUBLISHES_PROCEDURES.match(text, first.start, first.end) is not None
    tasks = _fields_make_tasks(tasks)
    return _procedure_annex(tasks) if publishes else tasks


# a decision publishing administrative procedures ("Điều 1. Công bố kèm theo Quyết định này Danh mục thủ
# tục hành chính …") gives work in its articles only: its annex is the procedures themselves ("1. Thủ tục
# Cho phép nhập khẩu thuốc … Trình tự thực hiện: Bước 1 …", the dossier's parts, the forms)
_PUBLISHES_PROCEDURES = re.compile(r"Điều\s+1\s*\.\s*Công\s+bố[^.;]{0,160}?thủ\s+tục", re.I)


def _procedure_annex(tasks: list[Task]) -> list[Task]:
    """The annex items of a decision whose first article publishes procedures, as context."""
    first = next((t for t in tasks if t.id == "Điều 1"), None)
    if first is None or first.kind != "provision":
        return tasks
    return [replace(t, kind="context") if t.id.startswith("PL") and t.kind in ("task", "assignment") else t
            for t in tasks]


def _organisation_items(text: str, outline: Outline, tasks: list[Task]) -> list[Task]:
    """Items on a body's composition or working rules (``_COMPOSITION``, ``_WORKING_RULE``) give no
    work: they become ``context``, and so does every item under a composition heading."""
    items = {it.id: it for it in outline.items}
    made_up: set[str] = set()
    out = []
    for t in tasks:
        it = items.get(t.id)
        if it is None or it.kind == "row" or t.kind in ("field", "provision"):
            out.append(t)
            continue
        line_end = text.find("\n", it.body_start, it.end)
        first = text[it.body_start:it.end if line_end == -1 else line_end]
        if (t.parent in made_up or _COMPOSITION.match(first)) and it.kind != "article":
            made_up.add(t.id)
            t = replace(t, kind="context")
        elif it.kind == "article" and _ARTICLE_MAKEUP.match(first):
            made_up.add(t.id)
            t = replace(t, kind="heading" if it.children else "context")
        elif not it.children and _working_rule(first):
            t = replace(t, kind="context")
        out.append(t)
    return out


def _lift_form_fields(tasks: list[Task], by_id: dict) -> list[Task]:
    """"Cơ quan chủ trì: X" / "Cơ quan phối hợp: Y" / "Thời gian thực hiện: …" written as numbered or
    lettered fields describe their parent."""
    index = {t.id: i for i, t in enumerate(tasks)}
    # each item and every item under it, by id ("III.3" → III.3, III.3.a, …): one pass, no pair loop
    under: dict[str, list[int]] = {}
    for k, other in enumerate(tasks):
        parts = other.id.split(".")
        for n in range(1, len(parts) + 1):
            under.setdefault(".".join(parts[:n]), []).append(k)
    for t in list(tasks):
        asg = by_id.get(t.id)
        if not asg or not t.parent or t.parent not in index or t.kind != "field":
            continue
        pi = index[t.parent]
        p = tasks[pi]
        changes = {}
        if asg.lead and asg.form_lead and (not p.lead or p.inherited_lead):
            changes.update(lead=tuple(asg.lead), inherited_lead=False)
        if asg.support and not p.support:
            changes["support"] = tuple(asg.support)
        if asg.report_to and not p.report_to:
            changes["report_to"] = tuple(asg.report_to)
        if asg.deadline is not None and asg.form_deadline and p.deadline is None:
            changes.update(deadline=t.deadline, deadline_text=t.deadline_text, deadline_span=t.deadline_span)
        if changes:
            changes["evidence"] = p.evidence + t.evidence
            tasks[pi] = replace(p, **changes)
    return tasks


def _fields_make_tasks(tasks: list[Task]) -> list[Task]:
    """A heading whose sub-items are all form fields is itself the task ("Điều 2. Điều chỉnh …"
    followed by "1. Nội dung: …", "2. Cơ quan chủ trì: Bộ Tư pháp.", "3. Thời hạn: …")."""
    kids: dict[str, list[str]] = {}
    for t in tasks:
        if t.parent:
            kids.setdefault(t.parent, []).append(t.kind)
    return [replace(t, kind="task") if t.kind == "heading" and kids.get(t.id) and all(k == "field" for k in kids[t.id])
            else t for t in tasks]


# --- cross-references: "Chủ trì … thực hiện các nhiệm vụ quy định tại các mục 1, 2; điểm a, b mục 7
# Phần III Điều 1 Quyết định này" gives the referenced items their lead (or support) ---------------
# the unit that refers to the items advises the one named after "tham mưu (trình)", who acts in them
_ADVISES_ON = re.compile(r"tham\s+mưu(?:\s+(?:trình|cho|giúp))?\s+[A-ZĐ][^;]*$")
_XREF = re.compile(r"(?:nhiệm\s+vụ|nội\s+dung|hoạt\s+động|công\s+việc|giải\s+pháp)[^.;:\n]{0,60}?\btại\s+"
                   r"(?P<refs>(?:các\s+)?(?:điểm|mục|khoản|tiểu\s+mục|Phần|phần|Mục)\s+(?:[^.;\n]|(?<=\d)\.(?=\d)|;(?=\s*(?:các\s+)?(?:điểm|mục|khoản)\s))"
                   r"{1,300}?)"
                   r"(?=(?:\s+(?:của\s+)?(?:Quyết\s+định|Kế\s+hoạch|Đề\s+án|Chương\s+trình|Nghị\s+quyết|Chỉ\s+thị)\s+này)|(?<!\d)\.|\.(?!\d)|\n|;(?!\s*(?:các\s+)?(?:điểm|mục|khoản)\s)|$)")
_XREF_TOKEN = re.compile(r"(?P<pts>(?:các\s+)?điểm\s+[a-zđ](?:\s*(?:,|và)\s*(?:điểm\s+)?[a-zđ])*(?![\wÀ-ỹ]))"
                         r"|(?P<nums>(?:các\s+)?(?:mục|khoản|tiểu\s+mục)\s+\(?\d{1,2}\)?(?:\s*(?:,|-|–|và)\s*\(?\d{1,2}\)?)*)"
                         r"|(?P<part>(?:Phần|phần|Mục|mục)\s+\(?(?P<roman>[IVX]{1,5})\)?(?![\wÀ-ỹ]))"
                         r"|(?P<art>Điều\s+(?P<artn>\d{1,3}))"
                         # "mục (IV) (4.1) (4.2)", "mục (IV)(3.4)(a)": numbers in brackets after the part
                         r"|\((?P<pnum>\d{1,2}(?:\.\d{1,2}){0,2})\)(?:\s*\((?P<plet>[a-zđ])\))?")


def _xref_ids(refs: str) -> list[str]:
    """Item ids named by a cross-reference ("các mục 1, 2; điểm a, b mục 7 Phần III" → III.1, III.2,
    III.7.a, III.7.b); relative to the Roman part or article named last, if any."""
    local: list[str] = []
    letters: list[str] = []
    container = ""
    for m in _XREF_TOKEN.finditer(refs):
        if m.group("pts"):
            letters = re.findall(r"(?<![\wÀ-ỹ])([a-zđ])(?![\wÀ-ỹ])", m.group("pts").split("điểm", 1)[1])
        elif m.group("nums"):
            body = re.sub(r"^(?:các\s+)?(?:mục|khoản|tiểu\s+mục)\s+", "", m.group("nums"))
            nums: list[int] = []
            for a, dash, b in re.findall(r"\(?(\d{1,2})\)?(?:\s*([-–])\s*\(?(\d{1,2})\)?)?", body):
                nums += list(range(int(a), int(b) + 1)) if dash and b and int(b) >= int(a) else [int(a)]
            if letters:
                local += [f"{nums[0]}.{x}" for x in letters]
                local += [str(n) for n in nums[1:]]
            else:
                local += [str(n) for n in nums]
            letters = []
        elif m.group("pnum"):
            local.append(m.group("pnum") + (f".{m.group('plet')}" if m.group("plet") else ""))
        elif m.group("part") and not container:
            container = m.group("roman")
        elif m.group("art") and not container:
            container = f"Điều {m.group('artn')}"
    return [f"{container}.{x}" if container else x for x in local] or ([container] if container else [])


def _apply_cross_references(text: str, outline: Outline, tasks: list[Task], span) -> list[Task]:
    index = {t.id: i for i, t in enumerate(tasks)}
    under: dict[str, list[int]] = {}  # each item and every item under it, built at the first reference
    starts = {it.id: it for it in outline.items}
    changes: dict[int, dict] = {}
    for t in list(tasks):
        if not t.lead or t.kind not in WORK_KINDS:
            continue
        it = starts.get(t.id)
        if it is None:
            continue
        if text.find("tại", it.body_start, it.end) == -1:
            continue  # every cross-reference holds "tại" ("… quy định tại các mục 1, 2 …")
        for m in _XREF.finditer(text, it.body_start, it.end):
            refs = _xref_ids(m.group("refs"))
            ids = [i for i in refs if i in index and "." in i]
            if not ids:
                continue  # a whole part ("tại Phần III") is too wide to hand out
            clause = text[max(it.body_start, text.rfind("\n", it.body_start, m.start()) + 1):m.start()]
            clause = clause[max(clause.rfind(";"), clause.rfind(". ")) + 1:]
            role = "lead" if re.search(r"[Cc]hủ\s+trì", clause) else "support" if re.search(r"[Pp]hối\s+hợp", clause) else "lead"
            if _ADVISES_ON.search(clause):
                role = "support"  # "tham mưu trình Chủ tịch UBND tỉnh thực hiện các nội dung tại khoản 1": the one advised acts
            ev = (role, *span(*m.span()))
            if not under:  # "III.3" → III.3, III.3.a, …: one pass over the items, no pair loop
                for k, other in enumerate(tasks):
                    parts = other.id.split(".")
                    for n in range(1, len(parts) + 1):
                        under.setdefault(".".join(parts[:n]), []).append(k)
            for target in ids:
                # a referenced heading stands for every item under it
                for k in under.get(target, ()):
                    other = tasks[k]
                    if other.kind not in WORK_KINDS:
                        continue
                    ch = changes.setdefault(k, {"lead": list(other.lead) if not other.inherited_lead else [],
                                                "support": list(other.support), "evidence": list(other.evidence)})
                    dest = ch[role]
                    for name in t.lead:
                        if all(unit_key(name) != unit_key(x) for x in dest + (ch["lead"] if role == "support" else [])):
                            dest.append(name)
                    if role == "lead":
                        for name in t.support:
                            if all(unit_key(name) != unit_key(x) for x in ch["support"]):
                                ch["support"].append(name)
                    ch["evidence"].append(ev)
    for k, ch in changes.items():
        other = tasks[k]
        tasks[k] = replace(other, lead=tuple(ch["lead"]) or other.lead, support=tuple(ch["support"]),
                           inherited_lead=other.inherited_lead and not ch["lead"], evidence=tuple(ch["evidence"]))
    return tasks
