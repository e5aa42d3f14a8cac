"""Stage 3a: the document's outline: header, preamble, numbered items, annex rows, recipients, signature.

``outline(clean_text)`` returns an ``Outline`` whose offsets index the clean text. Item ids follow
the contract: the Roman numeral first (``II.2.1``), ``Điều 2.1.a`` in decisions, ``PL.<row>`` or
``PL.<section>.<row>`` for the rows of an annex table, ``preamble`` before the first item.

    >>> o = outline("KẾ HOẠCH\\nI. MỤC TIÊU\\n1. Một.\\nII. NHIỆM VỤ\\n1. Hai.\\n1.1. Ba.\\na) Bốn.\\n")
    >>> [i.id for i in o.items]
    ['I', 'I.1', 'II', 'II.1', 'II.1.1', 'II.1.1.a']
    >>> o.section_at(o.items[-1].start)
    'II.1.1.a'
"""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field

from . import regexes as R

__all__ = ["Item", "Outline", "outline", "roman_value", "end_marks"]

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
LETTERS = "abcdđeghiklmnopqrstuvxy"


def _to_roman(v: int) -> str:
    out = ""
    for n, r in ((40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while v >= n:
            out += r
            v -= n
    return out


def roman_value(s: str) -> int:
    total = 0
    for a, b in zip(s, s[1:] + " "):
        v = _ROMAN.get(a, 0)
        total += -v if _ROMAN.get(b, 0) > v else v
    return total


@dataclass
class Item:
    id: str
    kind: str  # section | item | letter | point | article | row | row_heading
    marker: str
    start: int  # start of the marker
    end: int = -1  # end of the item's own text (before its first child or next item)
    body_start: int = -1  # start of the text after the marker
    parent: str | None = None
    level: int = 0
    section_kind: str | None = None  # objective | task | assignment | other, from the Roman heading
    children: list = field(default_factory=list)
    cells: tuple = ()  # annex rows: the cells after the description
    lead_first: bool = False  # flattened annex rows: the lead column comes right after the number
    support_column: bool = True  # flattened annex rows: the header has a "phối hợp" column
    time_after_lead: bool = False  # flattened annex rows: the time column comes right after the lead's

    def heading(self, text: str) -> str:
        line_end = text.find("\n", self.body_start)
        return text[self.body_start: line_end if line_end != -1 else len(text)].strip()


@dataclass
class Outline:
    items: list[Item]
    body_start: int  # first numbered item (end of the preamble)
    body_end: int  # start of "Nơi nhận" / signature
    header_end: int
    annex_start: int | None = None
    recipients: tuple[int, int] | None = None
    signature: tuple[int, int] | None = None
    _starts: list = field(default_factory=list)

    def __post_init__(self):
        self._starts = [i.start for i in self.items]

    def section_at(self, pos: int) -> str:
        """The id of the innermost item holding ``pos`` (``preamble`` before the first)."""
        k = bisect.bisect_right(self._starts, pos) - 1
        if k < 0 or pos < self.body_start:
            return "preamble"
        it = self.items[k]
        return it.id if pos < it.end else "closing"

    def item(self, item_id: str) -> Item | None:
        for it in self.items:
            if it.id == item_id:
                return it
        return None


_SECTION_KIND = [
    (re.compile(r"^\s*(?:(?:đánh\s+giá\s+)?(?:tình\s+hình|thực\s+trạng|bối\s+cảnh|kết\s+quả\s+(?:thực\s+hiện|đạt\s+được))|"
                r"đánh\s+giá(?:\s+chung)?|dự\s+báo|sự\s+cần\s+thiết|căn\s+cứ\s+(?:pháp\s+lý|xây\s+dựng)|"
                r"nguy\s+cơ|tồn\s+tại|hạn\s+chế)", re.I), "context"),
    (re.compile(r"^\s*(?:đối\s+tượng|phạm\s+vi)", re.I), "scope"),
    (re.compile(r"^\s*(?:về\s+)?(?:nguồn\s+)?kinh\s+phí", re.I), "funding"),
    (re.compile(r"mục\s+(đích|tiêu)|yêu\s+cầu|quan\s+điểm", re.I), "objective"),
    (re.compile(r"tổ\s+chức\s+thực\s+hiện|trách\s+nhiệm|phân\s+công|điều\s+khoản\s+thi\s+hành", re.I), "assignment"),
    (re.compile(r"nhiệm\s+vụ|giải\s+pháp|nội\s+dung|hoạt\s+động|chương\s+trình|kế\s+hoạch", re.I), "task"),
]
_END_MARK = re.compile(r"(?m)^[ \t]*(?:Nơi\s+nhận|NƠI\s+NHẬN)\s*:?|^[ \t]*(?:TM\.|KT\.|TL\.|TUQ\.|Q\.)\s*" + R.UP)
# what end_marks looks for first: the words at a line's start, after blanks (found from the line
# breaks, a literal the regex engine skips to quickly)
_END_WORDS = r"(?:Nơi nhận|NƠI NHẬN|TM\.|KT\.|TL\.|TUQ\.|Q\.)"
_END_LINE = re.compile(r"\n[^\S\n]*" + _END_WORDS)
_END_FIRST_LINE = re.compile(r"[^\S\n]*" + _END_WORDS)
_ANNEX = re.compile(r"(?m)^[ \t]*(?:PHỤ\s+LỤC|Phụ\s+lục)(?:\s+[IVX\d]+)?[ \t]*\.?[ \t]*$")
_LIST_ANNEX = re.compile(r"[ \t]*(?:\#{1,6}[ \t]+)?DANH\s+MỤC\b[^\n]*\n(?:[^\n]*\n){0,3}?[ \t]*\((?:Ban\s+hành\s+)?[Kk]èm\s+theo\b")
# the lead column: "Cơ quan chủ trì", or "Đơn vị thực hiện" / "Cơ quan thực hiện" ("Thời gian thực hiện" is not)
# when a "phối hợp" column follows (a list of procedures names its "Cơ quan thực hiện" with none)
_LEAD_COLUMN = r"(?:chủ\s*trì|(?:đơn\s*vị|cơ\s*quan)\s*(?:thực\s*hiện|chịu\s*trách\s*nhiệm))"
_LEAD_HEAD = r"(?:chủ\s*trì|(?:đơn\s*vị|cơ\s*quan)\s*(?:thực\s*hiện|chịu\s*trách\s*nhiệm)(?=[\s\S]{0,60}?phối\s*hợp))"
_TABLE_HEAD = re.compile(r"(?is)\b(?:STT|TT)\b.{0,400}?" + _LEAD_HEAD)
_ROW_ID = re.compile(r"(?m)^[ \t]*(?P<id>\d{1,2}(?:\.\d{1,2})?)\.?[ \t]*$|^[ \t]*(?P<id2>\d{1,2}(?:\.\d{1,2})?)\.?[ \t]+(?=\S)")
_CONTENT_COLUMN = re.compile(r"(?i)nội\s*dung|nhiệm\s*vụ|tên|hoạt\s*động|công\s*việc|giải\s*pháp|chỉ\s*tiêu|sản\s*phẩm")
_ROW_SECTION = re.compile(r"(?m)^[ \t]*(?P<roman>[IVX]{1,5})\.[ \t]+(?=\S)")


_ITEM_LINE = re.compile(r"\n(?=[ \t]*(?:#{1,6}[ \t]+)?(?:\d{1,2}[.)\s]|[IVXL]{1,8}[ \t]*[.:/]|[a-zđ][.)]|\((?:\d|[ivx])|"
                        r"Điều[ \t]|Phần[ \t]|PHẦN[ \t]|Chương[ \t]|CHƯƠNG[ \t]|Mục[ \t]|MỤC[ \t]|(?:[-+][ \t]+)?Bước[ \t]))")


# a line opening a quotation of another text's provisions: a quote mark at its start, after a line that
# announces it ("… quy định:", "… như sau:") or before a number or an article ("“Điều 18.", "”5.", "\"b)")
_QUOTE_LINE = re.compile(r"\n[ \t]*[“\"”]")  # (a text's first line is a title, never a quotation)
_QUOTED_ITEM = re.compile(r"[ \t]*(?:Điều[ \t]+\d|\d{1,3}[.)]|[a-zđ]\))")
_QUOTE_CLOSE = re.compile(r"[”\"][ \t.;,/]*$")
_QUOTE_BREAK = re.compile(r"[ \t]*(?:[-+•][ \t]|Nơi[ \t]+nhận|NƠI[ \t]+NHẬN)")


def quoted_blocks(text: str, end: int) -> list[tuple[int, int]]:
    """The stretches of ``text[:end]`` quoting another text's provisions (a letter citing a decree's
    articles, an amending circular's new wording), line by line: from a line opening a quotation to the
    line that closes it, or to a bullet or the recipients, which are the quoting text's own voice again.
    Items numbered inside are the quoted text's, not this document's. One pass over the lines."""
    out: list[tuple[int, int]] = []
    for m in _QUOTE_LINE.finditer(text, 0, end):
        s = m.start() + 1
        if out and s < out[-1][1]:
            continue  # inside the block before ("\"Điều 107." within a quotation still open)
        if not _QUOTED_ITEM.match(text, m.end(), end) and text[s - 2:s] != ":\n":
            continue
        pos = s
        while pos < end:
            le = text.find("\n", pos, end)
            le = end if le == -1 else le
            if pos > s and _QUOTE_BREAK.match(text, pos, le):
                break
            pos = le + 1
            if _QUOTE_CLOSE.search(text, max(s, le - 12), le):
                break
        out.append((s, min(pos, end)))
    return out


# articles run together on one line, where a saved page lost the body's line breaks ("… QUYẾT ĐỊNH: Điều 1. Công bố …
# Điều 2. Quyết định này có hiệu lực …"): read where no article opens a line
_INLINE_ARTICLE = re.compile(r"(?<=[.:;] )Điều[ \t]+\d{1,3}[.:][ \t]+(?=[A-ZĐ])")
_ARTICLE_LINE = re.compile(r"(?m)^[ \t]*(?:\#{1,6}[ \t]+)?Điều[ \t]+1[.:]")
_ITEM_AT = re.compile(R.ITEM.pattern.replace("^", "", 1), re.M)


def _items(text: str, end: int):
    """ITEM matches at line starts whose first character may start an item (found by one fast scan),
    outside quotations of other texts' provisions; articles inside a line where no article opens one."""
    starts = [0] if text[:1] else []
    starts += [m.end() for m in _ITEM_LINE.finditer(text, 0, end)]
    inline = set()
    if "Điều" in text and not _ARTICLE_LINE.search(text, 0, end):
        inline = {m.start() for m in _INLINE_ARTICLE.finditer(text, 0, end)}
        starts = sorted(set(starts) | inline)
    blocks = quoted_blocks(text, end) if ("“" in text or '"' in text) else []
    if blocks:
        bs = [b[0] for b in blocks]
        starts = [ls for ls in starts if not (k := bisect.bisect_right(bs, ls) - 1) >= 0 or ls >= blocks[k][1]]
    for ls in starts:
        m = R.ITEM.match(text, ls, end) or (_ITEM_AT.match(text, ls, end) if ls in inline else None)
        if m:
            yield m


def _annex_headings(text: str):
    """"PHỤ LỤC" / "Phụ lục" heading lines, and a "DANH MỤC …" title over "(Kèm theo Quyết định …)" (an
    annex without the word), found from the words (no full-text regex pass)."""
    yield from _annex_heading_matches(text)


@functools.lru_cache(maxsize=2)
def _annex_heading_matches(text: str) -> tuple:
    """_annex_headings, kept for the last texts: the outline asks twice for a document's."""
    hits = []
    for word, rx in (("PHỤ LỤC", _ANNEX), ("Phụ lục", _ANNEX), ("DANH MỤC", _LIST_ANNEX)):
        i = text.find(word)
        while i != -1:
            ls = text.rfind("\n", 0, i) + 1
            m = rx.match(text, ls)
            if m:
                hits.append(m)
            i = text.find(word, i + 1)
    return tuple(sorted(hits, key=lambda m: m.start()))


# the caption of a list published with the decision under a title of its own, no annex heading over it ("THỦ TỤC
# HÀNH CHÍNH MỚI BAN HÀNH …⏎(Ban hành kèm theo Quyết định số …)"): its numbered items belong to no article either
_CAPTION = re.compile(r"\n[ \t]*\((?:Ban[ \t]+hành[ \t]+)?[Kk]èm[ \t]+theo[ \t]")
_SIGNED = re.compile(r"[ \t]*(?:Nơi[ \t]+nhận|NƠI[ \t]+NHẬN)[ \t]*(?::|(?=\n))|[ \t]*(?:TM|KT|TL|TUQ|Q)\.")


def _attached_caption(text: str, mark: int) -> int | None:
    """Where the caption of a list published after the signature at ``mark`` is, or None (``mark`` must be the
    recipients' label or a signature line, not "Nơi nhận báo cáo …" in a sentence)."""
    if not _SIGNED.match(text, mark):
        return None
    m = _CAPTION.search(text, mark, mark + 3000)
    return m.start() if m else None


def _line_start_of(text: str, word: str) -> int | None:
    """The start of the first line that begins (after blanks) with ``word``."""
    i = text.find(word)
    while i != -1:
        ls = text.rfind("\n", 0, i) + 1
        if not text[ls:i].strip():
            return ls
        i = text.find(word, i + 1)
    return None


def end_marks(text: str) -> list[int]:
    """Line starts of "Nơi nhận" and of the signature marks (TM., KT., TL., TUQ., Q.)."""
    return list(_end_marks(text))


# the recipients' list flattened into one table row without its "Nơi nhận:" label, as saved web pages of
# decrees have it ("| - Thủ tướng, các Phó Thủ tướng Chính phủ; - Các bộ, …; - Lưu: VT, NN (2). | |"):
# dash-led, its addressees separated by "; -", ending with the archive line ("Lưu: VT")
_RECIPIENTS_OPEN = re.compile(r"[ \t]*(?:\|[ \t]*)?-[ \t]")
_RECIPIENTS_NEXT = re.compile(r";[ \t]*-")
# (or another office's abbreviation after a colon: "- Lưu: HC, PLTP." of the National Assembly's Standing Committee)
_ARCHIVE = re.compile(r"-[ \t]*Lưu[ \t]*(?::[ \t]*[A-ZĐ]{2,6}(?=[ \t]*[,.;|]|[ \t]*$)|:?[ \t]*(?:VT|VP|Văn[ \t]+thư))")


def _recipients_row(text: str, ls: int, le: int) -> bool:
    """Whether the line text[ls:le] is such a row (each test a single pass over the line)."""
    return (_RECIPIENTS_OPEN.match(text, ls, le) is not None and _RECIPIENTS_NEXT.search(text, ls, le) is not None
            and _ARCHIVE.search(text, ls, le) is not None)


@functools.lru_cache(maxsize=2)
def _end_marks(text: str) -> tuple[int, ...]:
    """end_marks, kept for the last texts: the outline and the header both ask for a document's."""
    starts = [0] if _END_FIRST_LINE.match(text) else []
    starts += [m.start() + 1 for m in _END_LINE.finditer(text)]
    marks = [ls for ls in starts if _END_MARK.match(text, ls)]
    i = text.find("Lưu")
    while i != -1:  # a recipients' row holds the archive line: found from the word, then its line is read once
        ls = text.rfind("\n", 0, i) + 1
        nl = text.find("\n", i)
        if _recipients_row(text, ls, len(text) if nl == -1 else nl):
            marks.append(ls)
        i = -1 if nl == -1 else text.find("Lưu", nl)
    return tuple(sorted(set(marks)))


_KIND_WORDS = ("mục", "yêu", "quan", "tổ", "trách", "phân", "điều", "nhiệm", "giải", "nội", "hoạt", "chương", "kế", "tình",
               "thực", "bối", "kết", "đánh", "dự", "sự", "căn", "nguy", "tồn", "hạn", "đối", "phạm", "kinh")


# an unnumbered closing paragraph after the last item belongs to no item ("Trên đây là Kế hoạch …",
# "Trong quá trình thực hiện, nếu có khó khăn …", "Văn phòng Chính phủ thông báo để … biết, thực hiện./." (its
# addressees may run over lines), "Văn phòng Chính phủ trân trọng thông báo./.",
# "Chủ tịch UBND tỉnh yêu cầu Thủ trưởng các sở, ban, ngành … thực hiện nghiêm túc Chỉ thị này",
# "Yêu cầu các sở, ban, ngành, đơn vị, địa phương nghiêm túc triển khai thực hiện./.", and the adoption formula that
# ends a law or a resolution: "Nghị quyết này được Ủy ban Thường vụ Quốc hội … thông qua ngày 16 tháng 6 năm 2025.")
_CLOSING = re.compile(
    r"[ \t]*(?:Trên\s+đây\s+là|Trong\s+quá\s+trình\s+(?:tổ\s+chức\s+)?(?:triển\s+khai\s+)?(?:thực\s+hiện|triển\s+khai)|"
    r"Quá\s+trình\s+(?:tổ\s+chức\s+)?(?:triển\s+khai\s+)?thực\s+hiện|Đây\s+là\s+nhiệm\s+vụ|Nhận\s+được\s+(?:văn\s+bản|Công\s+văn)|"
    r"[A-ZĐÀ-Ỹ][^\n.]{0,80}?\s(?:xin\s+|trân\s+trọng\s+)?(?:thông\s+báo|trả\s+lời)\s+để\s[^.;]{0,300}?biết|"
    r"[A-ZĐÀ-Ỹ][^\n.]{0,80}?\s(?:xin\s+|trân\s+trọng\s+)?thông\s+báo\s*\./\.|"
    r"(?:Chủ\s+tịch\s+)?(?:(?:Ủy|Uỷ)\s+ban\s+nhân\s+dân|UBND)\s+(?:[Tt]ỉnh|[Tt]hành\s+phố|xã|phường)[^\n.]{0,40}?\s(?:yêu\s+cầu|đề\s+nghị)\s|"
    r"Yêu\s+cầu\s+(?:các|Thủ\s+trưởng|Giám\s+đốc)[^\n]{0,160}?nghiêm\s+túc[^\n]{0,120}\./\.|"
    r"[^\n]{0,120}?(?:khẩn\s+trương\s+)?(?:triển\s+khai\s+)?thực\s+hiện\s+nghiêm\s+túc[^\n]{0,80}\./\.|"
    r"(?:Luật|Bộ\s+luật|Pháp\s+lệnh|Nghị\s+quyết)\s+này\s+(?:đã\s+)?được\s+[^\n]{0,160}?thông\s+qua\s+ngày)")


def _cut_closing(text: str, items: list, end: int) -> None:
    """End the last item before an unnumbered closing paragraph (it belongs to no item)."""
    last = max((it for it in items if it.start < end and it.kind not in ("row", "row_heading")),
               key=lambda it: it.start, default=None)
    if last is None:
        return
    pos = text.find("\n", last.body_start, last.end)
    while pos != -1 and pos < last.end:
        ls = pos + 1
        if _CLOSING.match(text, ls, last.end) and not text[ls:ls + 2].lstrip()[:1] in "-+•":
            last.end = max(last.body_start, ls - 1)
            return
        pos = text.find("\n", ls, last.end)


# a numbered heading naming the work to be done, under a part read as context or objectives
_WORK_TITLE = re.compile(r"[ \t]*(?:(?:Các|Một\s+số|Những)\s+)?(?:nhiệm\s+vụ|giải\s+pháp|Nhiệm\s+vụ|Giải\s+pháp)"
                         r"(?![\wÀ-ỹ])[^\n]{0,160}(?:\n|$)")


def _kind_of_section(title: str) -> str:
    low = title.lower()
    if not any(w in low for w in _KIND_WORDS):  # cheap test before the patterns
        return "other"
    for rx, kind in _SECTION_KIND:
        if rx.search(low):
            return kind
    return "other"


def _next_letter_ok(prev: str | None, cur: str) -> bool:
    if cur not in LETTERS:
        return False
    if prev is None:
        return cur == "a"
    i = LETTERS.index(prev)
    return LETTERS.index(cur) in (i + 1, i + 2)  # tolerate one skipped letter


class _Numbering:
    """The numbered items of the body, found line by line: each marker kind (article, Roman section,
    decimal, letter) with the plausibility rules that keep wrapped lines and quoted numbers out."""

    def __init__(self, text: str, annex_at: int | None = None, bare_parens: bool = False):
        self.text = text
        self.bare_parens = bare_parens  # "(1)", "(2)" … are the items themselves (a text with no other numbering)
        self.annex_at = annex_at  # an annex heading after the signature: what follows starts afresh
        self.items: list[Item] = []
        self.top: Item | None = None  # current Roman section or article
        self.last_roman = 0
        self.last_article = 0
        self.dec_stack: list[Item] = []  # decimal items under the current top
        self.letter_parent: Item | None = None
        self.last_letter: str | None = None
        self.paren_parent: Item | None = None  # the item whose "(1) (2)" / "(i) (ii)" points are read
        self.step_parent: Item | None = None  # the item whose procedure steps ("Bước 1.", "Bước 2.") are read
        self.last_step: int = 0
        self.last_paren: int = 0
        marks = end_marks(text)
        self.signed_at = marks[0] if marks else len(text)  # where the body's signature or recipients begin

    def scan(self, end: int) -> list[Item]:
        n = len(self.text)
        for m in _items(self.text, end):
            if self.annex_at is not None and m.start() > self.annex_at:
                self.annex_at = None
                self._enter_annex()
            line_end = self.text.find("\n", m.end())
            rest = self.text[m.end():n if line_end == -1 else line_end]
            if m.group("article"):
                self.article(m, rest)
            elif m.group("roman"):
                self.roman(m, rest)
            elif m.group("dec"):
                self.decimal(m, rest)
            elif m.group("letter"):
                self.letter(m, rest)
            elif m.group("paren"):
                self.paren(m, rest)
            elif m.group("step"):
                self.step(m, rest)
        return self.items

    def _enter_annex(self) -> None:
        """Numbered items of an annex after the signature belong to no article of the decision: they are
        ``PL.1``, ``PL.1.a``… without a parent (the annex heading is no item)."""
        self.top = Item(id="PL", kind="section", marker="", start=-1, body_start=-1, level=0, section_kind="other")
        self.dec_stack, self.letter_parent, self.last_letter = [], self.top, None

    def _new_top(self, it: Item) -> None:
        self.top = it
        self.items.append(it)
        self.dec_stack, self.letter_parent, self.last_letter = [], it, None

    def article(self, m: re.Match, rest: str) -> None:
        num = int(m.group("artnum").rstrip("abcdefghijklmnopqrstuvwxyz"))
        if num == self.last_article and m.group("artnum")[-1:].isalpha() and rest.strip()[:1].isupper():
            # an article a later text inserted after its base ("Điều 10a." after "Điều 10."; a consolidated
            # text prints them): the numbering goes on from the base
            self._new_top(Item(id=f"Điều {m.group('artnum')}", kind="article", marker=m.group("article"),
                               start=m.start("article"), body_start=m.end(), level=0,
                               section_kind=_kind_of_section(rest)))
            return
        # an article printed out of turn is a reference, but one number skipped under a title of its own is
        # a gap in the printed numbering ("Điều 19." then "Điều 21. Đề nghị Ủy ban Mặt trận Tổ quốc …")
        if num != self.last_article + 1 and num != 1 and not (
                num == self.last_article + 2 and self.last_article and rest.strip()[:1].isupper()):
            return
        self.last_article = num
        self._new_top(Item(id=f"Điều {m.group('artnum')}", kind="article", marker=m.group("article"),
                           start=m.start("article"), body_start=m.end(), level=0,
                           section_kind=_kind_of_section(rest) if rest else "other"))

    def roman(self, m: re.Match, rest: str) -> None:
        v = roman_value(m.group("roman"))
        if not rest.strip() or not rest.lstrip()[:1].isupper():
            return
        capital_title = not any(c.islower() for c in rest)
        if v == self.last_roman and capital_title and self.last_article == 0:
            v = self.last_roman + 1  # "IV. TỔ CHỨC THỰC HIỆN" printed twice: the second is V
        elif v not in (self.last_roman + 1, 1) and not (v == self.last_roman + 2 and capital_title) \
                and not (self.last_roman == 0 and capital_title and v <= 5):
            return  # a first section other than I only with a capitalised title
        self.last_roman = v
        self._new_top(Item(id=_to_roman(v), kind="section", marker=m.group(0).strip(), start=m.start("roman"),
                           body_start=m.end(), level=0, section_kind=_kind_of_section(rest)))

    def decimal(self, m: re.Match, rest: str) -> None:
        dec = m.group("dec")
        parts = [int(x) for x in dec.split(".")]
        if m.group("decend") not in (".", ")") and len(parts) == 1:
            return  # "20 tỉnh" wrapped: a bare number without a dot is no item
        if not rest.strip() or not (rest.lstrip()[:1].isupper() or rest.lstrip()[:1] in "“\"("):
            return
        if "\n" in m.group(0) and not (len(parts) == 1 and parts[0] > 1 and self.top is not None
                                       and self.top.kind == "article" and m.start() < self.signed_at):
            return  # a number alone on its line ("2.⏎Văn phòng …") is a clause only inside an article's text
        depth = len(parts)
        if not self._continues(parts):
            return
        top = self.top
        # parent: the decimal item one level up, else the top
        par_items = [d for d in self.dec_stack if d.level == depth - 1] if depth > 1 else []
        sk = par_items[-1].section_kind if par_items else top.section_kind if top else None
        if sk in ("context", "objective") and _WORK_TITLE.match(rest):
            sk = "task"  # "III. DỰ BÁO … VÀ CÁC GIẢI PHÁP …" ⏎ "2. Các giải pháp tổ chức thực hiện": its work
        it = Item(id=(top.id + "." if top else "") + ".".join(map(str, parts)), kind="item",
                  marker=dec + (m.group("decend") or ""), start=m.start("dec"), body_start=m.end(), level=depth,
                  section_kind=sk)
        it.parent = par_items[-1].id if par_items else (top.id if top and top.start >= 0 else None)
        self.dec_stack = [d for d in self.dec_stack if d.level < depth] + [it]
        self.items.append(it)
        self.letter_parent, self.last_letter = it, None

    def _continues(self, parts: list[int]) -> bool:
        """A decimal number is an item when it continues the sequence at its depth."""
        depth = len(parts)
        if depth == 1:
            prev = [int(d.marker.rstrip(".)").split(".")[0]) for d in self.dec_stack if d.level == 1]
            if prev:
                return parts[0] in (prev[-1] + 1, prev[-1] + 2)  # tolerate one number skipped by a typo
            return parts[0] == 1 or self.top is None
        parent_marker = ".".join(map(str, parts[:-1]))
        if not any(d.marker.rstrip(".)") == parent_marker for d in self.dec_stack):
            return False
        prev_sib = [d for d in self.dec_stack
                    if d.level == depth and d.marker.rstrip(".)").rsplit(".", 1)[0] == parent_marker]
        want = (int(prev_sib[-1].marker.rstrip(".)").rsplit(".", 1)[1]) + 1) if prev_sib else 1
        return parts[-1] == want

    def paren(self, m: re.Match, rest: str) -> None:
        """A point numbered in brackets, "(1)", "(2)" or "(i)", "(ii)", at a line's start: a sub-item of the
        item it follows (``3.1`` for "(1)" under "3.", ``1.b.ii`` for "(ii)" under "b)"), when the numbers
        run from one and the point starts as a sentence does."""
        raw = m.group("paren")
        num = int(raw) if raw.isdigit() else roman_value(raw.upper())
        if self.bare_parens:
            self._bare_paren(m, rest, raw, num)
            return
        base = self.items[-1] if self.items else None
        if num == 1:
            if base is None or base.start < 0 or base.kind not in ("section", "article", "item", "letter"):
                return
            parent = base
        else:
            parent = self.paren_parent  # (set only once an item was read: the last item exists)
            if parent is None or num != self.last_paren + 1 or self.items[-1].kind != "point" \
                    or self.items[-1].parent != parent.id:
                return
        if not rest.strip() or not (rest.lstrip()[:1].isupper() or rest.lstrip()[:1] in "“\"("):
            return
        self.paren_parent, self.last_paren = parent, num
        self.items.append(Item(id=f"{parent.id}.{raw}", kind="point", marker=f"({raw})", start=m.start() + len(m.group("indent")),
                               body_start=m.end(), level=parent.level + 1, parent=parent.id,
                               section_kind=parent.section_kind))

    def step(self, m: re.Match, rest: str) -> None:
        """A procedure's step at a line's start ("Bước 1. Trong thời gian 02 ngày làm việc, Ủy ban nhân dân cấp xã
        tiếp nhận …", "- Bước 2: …"): a point of the item it follows (``Điều 4.d.1``), when the steps run from
        one."""
        num = int(m.group("stepnum"))
        if num == 1:
            base = self.items[-1] if self.items else None
            if base is None or base.start < 0 or base.kind not in ("section", "article", "item", "letter", "point"):
                return
            parent = base
        else:
            parent = self.step_parent
            last = self.items[-1] if self.items else None
            if parent is None or num != self.last_step + 1 or last is None or last.parent != parent.id \
                    or not last.marker.startswith("Bước"):
                return
        if not rest.strip():
            return
        self.step_parent, self.last_step = parent, num
        self.items.append(Item(id=f"{parent.id}.{num}", kind="point", marker=f"Bước {num}", start=m.start("step"),
                               body_start=m.end(), level=parent.level + 1, parent=parent.id,
                               section_kind=parent.section_kind))

    def _bare_paren(self, m: re.Match, rest: str, raw: str, num: int) -> None:
        """"(1)", "(2)" … as top items ``1``, ``2`` …: one run from one, each starting as a sentence does."""
        if not raw.isdigit() or num != self.last_paren + 1 or not rest.lstrip()[:1].isupper():
            return
        self.last_paren = num
        it = Item(id=raw, kind="item", marker=f"({raw})", start=m.start() + len(m.group("indent")),
                  body_start=m.end(), level=1)
        self.items.append(it)
        self.letter_parent, self.last_letter = it, None

    def letter(self, m: re.Match, rest: str) -> None:
        letter = m.group("letter")
        base = self.letter_parent or self.top
        if not _next_letter_ok(self.last_letter, letter) or not rest.strip() or base is None:
            return
        self.items.append(Item(id=f"{base.id}.{letter}", kind="letter", marker=letter + ")", start=m.start("letter"),
                               body_start=m.end(), level=base.level + 1, parent=base.id if base.start >= 0 else None,
                               section_kind=base.section_kind))
        self.last_letter = letter


def _annex(text: str, end_marks: list[int]) -> re.Match | None:
    """The annex heading ("PHỤ LỤC") after the signature that opens an assignment table."""
    for m in _annex_headings(text):
        if end_marks and m.start() > end_marks[0] and _TABLE_HEAD.search(text, m.end(), min(len(text), m.end() + 3000)):
            return m
    return None


_ANNEX_NUMBER = re.compile(r"(?:LỤC|lục)\s+(?P<n>[IVX]{1,5}|\d{1,2})\b")


def _numbered_annexes(text: str, marks: list[int]) -> list[tuple[int, str]]:
    """(start, number) of the annexes after the signature when there are several ("PHỤ LỤC I", "PHỤ LỤC
    II"): their tables' rows are told apart by the annex's number (``PL.II.3``); [] for one annex."""
    out = []
    for m in _annex_headings(text):
        n = _ANNEX_NUMBER.search(m.group())
        if n and (not marks or m.start() > marks[0]):
            if n.group("n") in {x for _, x in out}:
                out = []  # the annexes listed before ("Phụ lục I", "Phụ lục II" … as contents), then printed
            out.append((m.start(), n.group("n")))
    return out if len(out) > 1 else []


def _annex_prefix(annexes: list[tuple[int, str]], pos: int) -> str:
    """"PL.II." for a row inside annex II of several, "PL." otherwise."""
    k = bisect.bisect_right([a for a, _ in annexes], pos) - 1
    return f"PL.{annexes[k][1]}." if k >= 0 else "PL."


def _annex_tables(text: str, first: re.Match, annexes: list[tuple[int, str]]) -> list[Item]:
    """The rows of the assignment tables of the annexes from ``first`` on, each annex's own when there are several."""
    if not annexes:
        return _annex_rows(text, first.end(), len(text))
    rows = []
    for k, (a, _) in enumerate(annexes):
        end = annexes[k + 1][0] if k + 1 < len(annexes) else len(text)
        if end > first.start():
            rows += _annex_rows(text, max(a, first.start()), end, _annex_prefix(annexes, a))
    return rows


def _add_pipe_rows(text: str, items: list[Item], annexes: list[tuple[int, str]] = ()) -> None:
    """Tables read as "cell | cell | …" lines (DOCX, HTML, Markdown) with a "chủ trì" column: one item
    per row, numbered under the annex (PL.…, PL.II.… when there are several) or under the section or
    article holding the table."""
    taken = {it.id for it in items}
    any_annex = next(_annex_headings(text), None)
    tops = [i for i in items if i.kind in ("section", "article")]
    top_starts = [i.start for i in tops]
    for row in _pipe_rows(text):
        if any_annex is not None and row.start > any_annex.start():
            prefix = _annex_prefix(annexes, row.start)
        else:
            k = bisect.bisect_right(top_starts, row.start) - 1
            prefix = f"{tops[k].id}." if k >= 0 else "PL."
        rid = prefix + row.marker
        if rid in taken:
            rid = rid + ".bảng"
        row.id = rid
        if row.parent:
            row.parent = prefix + row.parent
        taken.add(rid)
        items.append(row)


def _set_ends(text: str, items: list[Item], end_marks: list[int], annex_start: int | None) -> None:
    """Each item's own text runs to the next item's start (a parent's only up to its first child),
    never past a signature mark or into the annex."""
    n = len(text)
    items.sort(key=lambda i: i.start)
    for k, it in enumerate(items):
        nxt = items[k + 1].start if k + 1 < len(items) else n
        k2 = bisect.bisect_right(end_marks, it.start)
        mark = end_marks[k2] if k2 < len(end_marks) else n
        if annex_start is not None and it.start < annex_start:
            mark = min(mark, annex_start)
        it.end = max(min(nxt, mark), it.body_start)


ATTACHED_SUFFIX = " (kèm theo)"


def _unique_tops(items: list[Item]) -> None:
    """A decision's own articles keep their numbers; an article of the text it attaches (a "Quy định"
    restarting at Điều 1) whose number is already taken is qualified (``Điều 3 (kèm theo)``). Only the
    colliding article is renamed: its sub-items keep ``Điều 3.1`` and point to the new id."""
    seen: set[str] = set()
    renamed: str | None = None
    old: str | None = None
    for it in items:
        if it.level == 0 and it.kind in ("article", "section"):
            renamed = old = None
            if it.id in seen:
                old, renamed = it.id, it.id + ATTACHED_SUFFIX
                it.id = renamed
        elif renamed is not None and it.parent == old:
            it.parent = renamed
        seen.add(it.id)


def _link_children(items: list[Item]) -> None:
    by_id: dict[str, Item] = {}
    for it in items:
        by_id.setdefault(it.id, it)
        if it.parent and it.parent in by_id:
            by_id[it.parent].children.append(it.id)


def _recipients(text: str) -> tuple[int, int] | None:
    """The "Nơi nhận:" block, up to the signature marks."""
    nr = min((p for p in (_line_start_of(text, "Nơi nhận"), _line_start_of(text, "NƠI NHẬN")) if p is not None),
             default=None)
    if nr is None:
        return None
    m = re.search(r"\n[ \t]*(?:TM\.|KT\.|TL\.|TUQ\.|Q\.|" + R.UP + "{2,}[" + R.UPPER + r" ]*\n)", text[nr:])
    return (nr, nr + m.start() if m else min(len(text), nr + 600))


_ORDINALS = ("nhất", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười")
# a paragraph opened by an ordinal word ("Thứ nhất, các bộ, ngành …", "Thứ hai: …")
_ORDINAL_LINE = re.compile(r"(?m)^[ \t]*Thứ[ \t]+(" + "|".join(_ORDINALS) + r")[ \t]*[,:.][ \t]*(?=\S)")


def _ordinal_items(text: str, items: list[Item], end: int) -> list[Item]:
    """Paragraphs numbered by ordinal words ("Thứ nhất, …", "Thứ hai, …"), as a conclusion notice writes its
    requests, in a section or article with no numbered item of its own: its items ``II.1``, ``II.2`` …, one
    run from "nhất" on (outside a section such words enumerate a paragraph's points, not items)."""
    tops = [it for it in items if it.level == 0 and it.kind in ("section", "article")]
    starts = [t.start for t in tops]
    has_children = {it.parent for it in items if it.parent}
    out: list[Item] = []
    runs: dict[str, int] = {}  # the section's id → the ordinals read in it so far
    for m in _ORDINAL_LINE.finditer(text, 0, end):
        k = bisect.bisect_right(starts, m.start()) - 1
        top = tops[k] if k >= 0 else None
        if top is None or top.id in has_children:
            continue  # outside a section, or in one numbered otherwise
        key = top.id
        n = _ORDINALS.index(m.group(1)) + 1
        if n != runs.get(key, 0) + 1:
            continue
        runs[key] = n
        out.append(Item(id=f"{key}.{n}", kind="item", marker=f"Thứ {m.group(1)}",
                        start=m.start() + len(m.group()) - len(m.group().lstrip()), body_start=m.end(), level=1,
                        parent=key, section_kind=top.section_kind))
    return out


def outline(text: str) -> Outline:
    """Parse the numbered structure of a (clean) document text."""
    marks = end_marks(text)
    annex_m = _annex(text, marks)
    region_end = annex_m.start() if annex_m else len(text)
    closing = [e for e in marks if e < region_end]
    body_end = closing[-1] if closing else region_end
    # an annex after the signature that holds no assignment table (those are read as rows, PL.…)
    after_signature = None if annex_m else next((m.start() for m in _annex_headings(text)
                                                 if marks and m.start() > marks[0]), None)
    if after_signature is None and annex_m is None and marks:
        after_signature = _attached_caption(text, marks[0])
    items = _Numbering(text, after_signature).scan(region_end)
    if not items:  # numbered only "(1)", "(2)" … (a dispatch quoted on a web page)
        items = _Numbering(text, after_signature, bare_parens=True).scan(region_end)
    if "Thứ nhất" in text:
        items += _ordinal_items(text, items, body_end)
    body_start = items[0].start if items else body_end
    annex_start = annex_m.start() if annex_m else None
    annexes = _numbered_annexes(text, marks)
    if annex_m:
        items.extend(_annex_tables(text, annex_m, annexes))
    if " | " in text:
        _add_pipe_rows(text, items, annexes)
    _set_ends(text, items, marks, annex_start)
    _cut_closing(text, items, body_end if annex_start is None else min(body_end, annex_start))
    _unique_tops(items)
    _link_children(items)
    if not items and marks:
        letter = _letter_body(text, marks[0])
        if letter is not None:
            items = [letter]
    return Outline(items=items, body_start=body_start, body_end=body_end, header_end=body_start,
                   annex_start=annex_start, recipients=_recipients(text), signature=None)


# an unnumbered letter (công văn) is one item, ``preamble`` (GUIDELINES: the text before any numbering): its
# body runs from the addressees' block ("Kính gửi: …") or from the sentence that introduces the directions
# ("…, Phó Thủ tướng Chính phủ Trần Hồng Hà có ý kiến như sau:") to the closing paragraph or the recipients
_ADDRESSED = re.compile(r"(?m)^[ \t]*(?:-[ \t]*)?Kính[ \t]+gửi[ \t]*:?")
_AS_FOLLOWS = re.compile(r"như[ \t]+sau[ \t]*:[ \t]*\n")
# the first line of the body after the addressees (a wrapped addressee line opens with none of these)
_BODY_OPENER = re.compile(r"(?:Xét|Về|Thực[ \t]+hiện|Theo|Căn[ \t]+cứ|Trên[ \t]+cơ[ \t]+sở|Tiếp[ \t]+theo|Sau[ \t]+khi|"
                          r"Ngày|Để|Nhằm|Triển[ \t]+khai|Qua|Trước|Hiện[ \t]+nay|Vừa[ \t]+qua|Thời[ \t]+gian[ \t]+qua|"
                          r"Nhận[ \t]+được|Tại|Trả[ \t]+lời|Phúc[ \t]+đáp|Từ|Do|Tiếp[ \t]+nhận)(?![\wÀ-ỹ])")

# a letter that answers an enquiry (a tax office to a company or a local office, an office to a voter) assigns
# no work: "Cục Thuế nhận được công văn số …", "Trả lời công văn số …", "Về vấn đề này, …"
_ANSWERS = re.compile(r"nhận\s+được\s+(?:công\s+văn|văn\s+bản|đơn|thư|câu\s+hỏi|phiếu|email|kiến\s+nghị|hồ\s+sơ)|"
                      r"Trả\s+lời\s+(?:công\s+văn|văn\s+bản|đơn|thư|câu\s+hỏi|kiến\s+nghị)|[Vv]ề\s+vấn\s+đề\s+này|"
                      r"trả\s+lời\s+(?:như\s+sau|để)", re.I)

# the request that gives the work ("…, đề nghị các Thuế tỉnh, thành phố khẩn trương …"; not "theo đề nghị của …")
_REQUEST = re.compile(r"(?:(?<=\n)|(?<=[.;:,][ \t])|(?<=[.;:,]\n))[ \t\-+]*(?:đề\s+nghị|Đề\s+nghị|yêu\s+cầu|Yêu\s+cầu)"
                      r"(?!\s+của)(?=\s)")

# directions that open by recalling the law ("- Tại Điều 106 Nghị định số 131/2021/NĐ-CP quy định: …")
_RECALLS = re.compile(r"[ \t\n\-+]*(?:Tại|Căn[ \t]+cứ|Theo[ \t]+quy[ \t]+định)(?![\wÀ-ỹ])")


def _body_start(text: str, after: int, end: int) -> int | None:
    """Where a letter's directions start: after "… có ý kiến như sau:"; else at the sentence of its first
    request ("Để bảo đảm …, đề nghị các Thuế tỉnh, thành phố …", after paragraphs that recall the law);
    else at the first line after the addressees' block (a line that opens a paragraph, "Xét …", "Thực hiện …",
    or follows one ending a sentence; a dash-led line is one more addressee)."""
    follows = _AS_FOLLOWS.search(text, after, end)
    if follows is not None:
        if not _RECALLS.match(text, follows.end(), end):
            return follows.end()
        # "… có ý kiến như sau: - Tại Điều 106 Nghị định … quy định: …": the law recalled, then the request
        req = _REQUEST.search(text, follows.end(), end)
        return follows.end() if req is None else _sentence_start(text, follows.end(), req.start())
    first = None
    pos = text.find("\n", after, end)
    while pos != -1:
        ls = pos + 1
        le = text.find("\n", ls, end)
        line = text[ls:le if le != -1 else end].lstrip()
        # (the line before, read back a bounded stretch: no copy of the text up to here)
        if not line.startswith(("-", "+")) and (_BODY_OPENER.match(line)
                                                or text[max(after, pos - 200):pos].rstrip().endswith((".", ";"))):
            first = ls
            break
        pos = le
    if first is None:
        return None
    req = _REQUEST.search(text, first, end)
    return first if req is None else _sentence_start(text, first, req.start())


def _sentence_start(text: str, lo: int, pos: int) -> int:
    """The start of the sentence holding ``pos`` (not before ``lo``)."""
    return max(lo, text.rfind(".\n", lo, pos) + 2, text.rfind(". ", lo, pos) + 2)


def _letter_body(text: str, end: int) -> Item | None:
    """The body of a letter with no numbered item, as one item ``preamble``; None when the text addresses
    nobody ("Kính gửi") before ``end`` (the recipients or the signature) or answers an enquiry."""
    m = _ADDRESSED.search(text, 0, end)
    if m is None or _ANSWERS.search(text, m.end(), end):
        return None
    start = _body_start(text, m.end(), end)
    if start is None or start >= end:
        return None
    body = Item(id="preamble", kind="item", marker="", start=start, end=end, body_start=start, level=1,
                section_kind="task")
    _cut_closing(text, [body], end)  # "Văn phòng Chính phủ thông báo để … biết, thực hiện./."
    body.end = start + len(text[start:body.end].rstrip())
    return body if body.end > start else None


CELL_SEP = " | "
_HEAD_ROLES = [("lead", re.compile(_LEAD_COLUMN, re.I)), ("support", re.compile(r"phối\s*hợp", re.I)),
               ("deadline", re.compile(r"thời\s*(?:gian|hạn)|hoàn\s*thành|tiến\s*độ", re.I)),
               ("id", re.compile(r"^\s*(?:S?TT|số\s*TT)\s*$", re.I)),
               ("task", re.compile(r"nội\s*dung|nhiệm\s*vụ|công\s*việc|tên", re.I))]
_ROW_MARK = re.compile(r"^\s*(?P<id>\d{1,3}(?:\.\d{1,3}){0,2}|[IVX]{1,5}|[A-ZĐ])\.?\s*$")


def _cell_spans(text: str, ls: int, le: int) -> list[tuple[int, int]]:
    """The cells of a "cell | cell" line; a Markdown row's outer pipes ("| a | b |") are not cells."""
    line = text[ls:le]
    if line.lstrip().startswith("|"):
        ls += len(line) - len(line.lstrip()) + 1
    if text[ls:le].rstrip().endswith("|") and text[ls:le].rstrip()[:-1].rstrip() != "":
        le = ls + len(text[ls:le].rstrip()) - 1
    spans = []
    pos = ls
    while True:
        j = text.find(CELL_SEP, pos, le)
        spans.append((pos, le if j == -1 else j))
        if j == -1:
            return spans
        pos = j + len(CELL_SEP)


_PLAIN_MERGED = re.compile(r"^[ \t]*(?:(?P<roman>[IVX]{1,5})[ \t]*[.:)]?[ \t]+\S.{0,200}|.{1,200})$")


def _resumes(text: str, pos: int, ncells: int) -> bool:
    """Whether the table goes on after the line ending at ``pos`` (its next line is a row of ``ncells`` cells)."""
    nxt = text.find("\n", pos + 1)
    line = text[pos + 1:len(text) if nxt == -1 else nxt]
    return CELL_SEP in line and line.count(CELL_SEP) + 1 >= max(2, ncells - 1)


_MERGED_ROW = re.compile(r"^[ \t]*\|[ \t]*(?:(?P<roman>[IVX]{1,5})[ \t]*[.:)]?[ \t]+\S[^|]*|[^|]*)\|[ \t]*$")


def _pipe_rows(text: str) -> list[Item]:
    """Rows of "cell | cell" tables whose header names a "chủ trì" column.

    Each row becomes an Item (kind ``row``) whose ``cells`` are (role, start, end) for the lead,
    support and deadline columns; ``marker`` is the row number as printed.
    """
    rows: list[Item] = []
    for hm in re.finditer(r"(?mi)^[^\n]*" + _LEAD_HEAD + r"[^\n]*$", text):
        ls, le = hm.span()
        if CELL_SEP not in text[ls:le]:
            continue
        head = _cell_spans(text, ls, le)
        roles: dict[str, int] = {}
        for ci, (a, b) in enumerate(head):
            for role, rx in _HEAD_ROLES:
                if role not in roles and rx.search(text[a:b]) and (b - a <= 60 or role == "task"):
                    roles[role] = ci
                    break
        if "lead" not in roles or any(len(text[a:b].strip()) > 80 for a, b in head):
            continue  # a header names its columns in a few words; a long cell is a data row saying "chủ trì"
        id_col = roles.get("id", 0)
        pos = le + 1
        section = None
        letters = False
        while pos < len(text):
            nle = text.find("\n", pos)
            nle = len(text) if nle == -1 else nle
            line = text[pos:nle]
            if CELL_SEP not in line:
                merged = _MERGED_ROW.match(line) or (_resumes(text, nle, len(head)) and _PLAIN_MERGED.match(line))
                if merged:  # "| I. Kinh tế số |" (Markdown) or "I. Kinh tế số" (DOCX): a row merged across the table
                    if merged.group("roman"):
                        section = merged.group("roman")
                        rows.append(Item(id=section, kind="row_heading", marker=section, start=pos + merged.start("roman"),
                                         body_start=pos + merged.end("roman"), level=0, section_kind="task"))
                    pos = nle + 1
                    continue
                if line.strip():
                    break
                pos = nle + 1
                continue
            cells = _cell_spans(text, pos, nle)
            mark = _ROW_MARK.match(text[cells[id_col][0]:cells[id_col][1]]) if id_col < len(cells) else None
            if mark is None and id_col < len(cells):
                # a merged section row read from DOCX/HTML repeats its title in every cell: "I. Kinh tế số | I. Kinh tế số"
                mark = re.match(r"\s*(?P<id>[IVX]{1,5})[.:)]?\s+\S", text[cells[id_col][0]:cells[id_col][1]])
            step = _next_section(section, mark.group("id"), letters) if mark else None
            if step == "group" or (mark and step is None and re.fullmatch(r"[A-ZĐ]", mark.group("id"))):
                pass  # a roman heading inside a lettered part ("| A | … |", "| I | … |", "| 1.1 | … |"): no new part
            elif mark and re.fullmatch(r"[IVX]{1,5}|[A-ZĐ]", mark.group("id")):
                # a section row ("| I | NHÓM GIẢI PHÁP … |", "| A | PHÁT TRIỂN … |", merged cells): the rows after it restart
                letters = letters or step == "letter"
                section = mark.group("id")
                rows.append(Item(id=section, kind="row_heading", marker=section, start=cells[id_col][0] + mark.start("id"),
                                 body_start=cells[id_col][1], level=0, section_kind="task"))
            elif mark and roles["lead"] < len(cells) <= len(head):
                # a row may print fewer cells than its header: the last, empty ones ("Nguồn kinh phí") are left out
                role_cells = tuple((role, cells[ci][0], cells[ci][1]) for role, ci in roles.items()
                                   if role in ("lead", "support", "deadline") and ci < len(cells))
                rid = f"{section}.{mark.group('id')}" if section else mark.group("id")
                rows.append(Item(id=rid, kind="row", marker=rid, start=cells[id_col][0] + mark.start("id"),
                                 body_start=cells[id_col][1], level=rid.count(".") + 1, section_kind="task",
                                 cells=role_cells, parent=section))
            elif mark is None and rows and rows[-1].kind == "row" and len(cells) <= len(head):
                _continue_row(rows[-1], cells, roles, id_col, len(head))
            pos = nle + 1
    return rows


def _continue_row(row: Item, cells: list[tuple[int, int]], roles: dict[str, int], id_col: int, ncols: int) -> None:
    """A row printed without a number under a numbered one ("| 1 | Xây dựng hạ tầng … | Trung tâm … |"
    then "| Xây dựng hạ tầng kỹ thuật dự phòng … | Trung tâm … |"): the numbered row's cell was merged
    down, so this is more of that task, and its units join the row's. When the number cell is left out
    the columns after it move one place left."""
    shift = 1 if len(cells) < ncols else 0
    extra = tuple((role, cells[ci - shift][0], cells[ci - shift][1]) for role, ci in roles.items()
                  if role in ("lead", "support") and ci > id_col and ci - shift < len(cells))
    row.cells = tuple(row.cells) + extra


_VI_LETTERS = "ABCDĐEGHIKLMNOPQRSTUVXY"  # the Vietnamese alphabet, as parts are lettered (A., B., … Đ., E.)
# a section row read one cell per line: its mark alone on its line ("II", "A."), its title on the next
_SECTION_ALONE = re.compile(r"[ \t]*(?P<mark>[IVX]{1,5}|[A-ZĐ])[ \t]*\.?[ \t]*$")


def _next_section(current: str | None, mark: str, letters: bool) -> str | None:
    """"letter" or "roman" when ``mark`` opens the section after ``current`` (parts lettered A, B, … or
    numbered I, II, …); "group" for a roman heading inside a lettered part (its rows keep the part's
    numbering); None when it is no section mark here."""
    if current is None:
        return {"A": "letter", "I": "roman"}.get(mark)
    if letters:
        if mark in _VI_LETTERS and _VI_LETTERS.index(current) < _VI_LETTERS.index(mark) <= _VI_LETTERS.index(current) + 2:
            return "letter"
        return "group" if re.fullmatch(r"[IVX]{1,5}", mark) else None
    if re.fullmatch(r"[IVX]{1,5}", mark) and roman_value(mark) == roman_value(current) + 1:
        return "roman"
    return None


_HEAD_SUPPORT = re.compile(r"(?i)phối\s*hợp")
_HEAD_TIME = re.compile(r"(?i)[ \t]*(?:thời\s*(?:hạn|gian)|tiến\s*độ|hoàn\s*thành)")


def _columns_after_lead(text: str, lead_end: int, end: int) -> tuple[bool, bool]:
    """What a flattened table's header says after its lead column: (whether a "phối hợp" column
    follows, whether the time column comes right after the lead's). The header runs to its first row."""
    first_row = _ROW_ID.search(text, lead_end, min(end, lead_end + 600))
    stop = first_row.start() if first_row else min(end, lead_end + 300)
    nxt = text.find("\n", lead_end, stop)
    return (_HEAD_SUPPORT.search(text, lead_end, stop) is not None,
            nxt != -1 and _HEAD_TIME.match(text, nxt + 1, stop) is not None)


_MARK_ALONE = re.compile(r"[ \t]*\d{1,2}\.?[ \t]*")


def _skips_one(parts: tuple[int, ...], last: tuple[int, ...] | None, line: str) -> bool:
    """A row mark alone on its line ("39", "39.") one number past the next: a number printed twice or
    left out ("36." "37." "37." "39."), which must not end the table."""
    return (last is not None and len(parts) == 1 and parts[0] == last[0] + 2
            and _MARK_ALONE.fullmatch(line) is not None)


def _row_follows(parts: tuple[int, ...], last: tuple[int, ...] | None) -> bool:
    """Whether a row numbered ``parts`` comes next after the row numbered ``last``."""
    if last is None:
        return parts in ((1,), (1, 1))
    cands = {(last[0] + 1,), (last[0] + 1, 1)}
    cands |= {(last[0], last[1] + 1)} if len(last) == 2 else {(last[0], 1)}
    return parts in cands


def _section_mark(text: str, ls: int, le: int, line: str) -> str | None:
    """The mark of a section row: "I. Title" on one line, or the mark alone with its title on the next line."""
    sm = _ROW_SECTION.match(line)
    if sm:
        return sm.group("roman")
    am = _SECTION_ALONE.match(line)
    if am is None or le >= len(text):
        return None
    nxt_end = text.find("\n", le + 1)
    nxt = text[le + 1:len(text) if nxt_end == -1 else nxt_end]
    if not nxt.strip() or _ROW_ID.match(nxt) or _SECTION_ALONE.match(nxt):
        return None
    return am.group("mark")


# the caption of a table, a numbered line right before its header ("2. Các nhiệm vụ về chuyển đổi số quá hạn
# chưa hoàn thành" then "STT", "Nhiệm vụ", …)
_TABLE_CAPTION = re.compile(r"(?m)^[ \t]*(?P<n>\d{1,2})\.[ \t]+\S[^\n]*\n[ \t]*$")


def _captioned_tables(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """(start, number) of the tables of an annex that each repeat the header under a numbered caption
    ("1. Các nhiệm vụ về …" STT …, "2. Các nhiệm vụ về …" STT …); [] unless there are two or more, numbered 1, 2, …"""
    out = []
    for h in _TABLE_HEAD.finditer(text, start, end):
        line = text.rfind("\n", start, h.start())
        prev = text.rfind("\n", start, line) if line > start else -1
        cap = _TABLE_CAPTION.match(text, prev + 1, line + 1) if line > start else None
        if cap is None:
            return []
        out.append((cap.start("n"), cap.group("n")))
    return out if len(out) > 1 and [n for _, n in out] == [str(k + 1) for k in range(len(out))] else []


def _annex_rows(text: str, start: int, end: int, prefix: str = "PL.") -> list[Item]:
    """Rows of an assignment table in an annex, flattened one cell per line by PDF extraction.

    Parts of the table (a row "I. Hoàn thiện thể chế", or "A." then "BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG") prefix
    the ids of their rows (``PL.I.3``, ``PL.A.2``), whether the rows restart in each part or go on; so do
    the numbered captions of tables that each repeat the header (``PL.I.2.5``: row 5 of the second table)."""
    tables = _captioned_tables(text, start, end)
    if tables:
        rows = []
        for k, (a, n) in enumerate(tables):
            rows.append(Item(id=f"{prefix}{n}", kind="row_heading", marker=f"{n}.", start=a,
                             body_start=a + len(n) + 1, level=0, section_kind="task"))
            rows += _annex_rows(text, a, tables[k + 1][0] if k + 1 < len(tables) else end, f"{prefix}{n}.")
        return rows
    head = _TABLE_HEAD.search(text, start, min(end, start + 3000))
    if not head:
        return []
    # "STT | Cơ quan chủ trì | Cơ quan phối hợp | … | Nội dung": no description column before the lead's
    lead_first = not _CONTENT_COLUMN.search(text, head.start(), head.end())
    support_column, time_after_lead = _columns_after_lead(text, head.end(), end)
    rows: list[Item] = []
    section = None
    letters = False
    pos = head.end()
    last: tuple[int, ...] | None = None
    before: tuple[int, ...] | None = None  # the last row of the part before (rows may go on across parts)
    line_starts = [m.start() for m in re.finditer(r"(?m)^", text[pos:end])]
    for ls in line_starts:
        ls += pos
        le = text.find("\n", ls)
        le = end if le == -1 or le > end else le
        line = text[ls:le]
        mark = _section_mark(text, ls, le, line) if line[:1] in " \tIVXABCDĐEGHKLMNOPQRSTUY" else None
        step = _next_section(section, mark, letters) if mark else None
        if step == "group":
            continue
        if step:
            letters = letters or step == "letter"
            section = mark
            before, last = last or before, None
            rows.append(Item(id=f"{prefix}{section}", kind="row_heading", marker=mark, start=ls + line.index(mark),
                             body_start=ls + line.index(mark) + len(mark), level=0, section_kind="task"))
            continue
        rm = _ROW_ID.match(line)
        if not rm:
            continue
        rid = rm.group("id") or rm.group("id2")
        parts = tuple(int(x) for x in rid.split("."))
        if not (_row_follows(parts, last) or (last is None and before is not None and _row_follows(parts, before))
                or _skips_one(parts, last, line)):
            continue
        last = parts
        rid_text = ".".join(map(str, parts))
        ident = f"{prefix}{section}.{rid_text}" if section else f"{prefix}{rid_text}"
        rows.append(Item(id=ident, kind="row", marker=rid, start=ls + (rm.start("id") if rm.group("id") else rm.start("id2")),
                         body_start=ls + rm.end(), level=len(parts), section_kind="task", lead_first=lead_first,
                         support_column=support_column, time_after_lead=time_after_lead))
    # a row with sub-rows (1. then 1.1) is a group heading (the ids that are another's prefix, in one pass)
    parents = {r.id.rsplit(".", 1)[0] for r in rows if "." in r.id}
    for r in rows:
        if r.kind == "row" and r.id in parents:
            r.kind = "row_heading"
    # a part printed as one unnumbered row ("D." "BỘ CÔNG THƯƠNG" then its cells): the part is the row
    for k, r in enumerate(rows):
        nxt = rows[k + 1] if k + 1 < len(rows) else None
        if r.kind == "row_heading" and r.level == 0 and (nxt is None or nxt.level == 0):
            stop = nxt.start if nxt else end
            if text.count("\n", r.body_start, min(stop, r.body_start + 4000)) >= 3:
                title_end = text.find("\n", text.find("\n", r.body_start) + 1)
                r.kind, r.lead_first, r.body_start = "row", lead_first, title_end + 1  # its cells start after the title
    return rows
