"""Stage 3a': the document's own identity: type, number and symbol, date, issuer, title, signer.

Read from the header block (before the preamble), the signature block, and, for consolidated
texts (văn bản hợp nhất), the "Số: …/VBHN-…" line near the end.

    >>> t = "CHÍNH PHỦ\\nSố: 59/2023/NĐ-CP\\nHà Nội, ngày 14 tháng 8 năm 2023\\nNGHỊ ĐỊNH\\nQuy định chi tiết một số điều\\nCăn cứ Luật …"
    >>> h = read_header(t, len(t))
    >>> h.type, h.symbol, h.date, h.issuer, h.title
    ('Nghị định', '59/2023/NĐ-CP', '2023-08-14', 'Chính phủ', 'Quy định chi tiết một số điều')
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import regexes as R
from .dates import real_date
from .patterns import load
from .structure import end_marks
from .symbols import canonical_symbol

__all__ = ["Header", "read_header", "proper_case"]

_P = load()
_TYPE_LINE = re.compile(
    r"(?m)^[ \t]*(?P<t>" + "|".join(sorted({w.upper() for t in _P.types for w in t.words if w[0].isupper()}, key=len, reverse=True))
    + r")(?:[ \t]+(?:HÀNH ĐỘNG|LIÊN TỊCH))?(?:[ \t]*$|(?P<glued>(?=[A-ZĐ][a-zà-ỹđ])))")
# (a saved web page may glue the title to the type word: "NGHỊ ĐỊNHQuy định về chính sách …")
_MOTTO = re.compile(r"CỘNG\s+H[ÒO]A|ĐỘC\s+LẬP|Độc\s+lập|ĐẢNG\s+CỘNG\s+SẢN|^[\s_\-=*.]+$")
_TITLE_STOP = re.compile(r"^\s*(?:Căn\s+cứ|Thực\s+hiện\s+(?:" + "|".join(w for t in _P.types for w in t.words if w[0].isupper()) +
                         r")|Theo\s+đề\s+nghị|Xét\s+đề\s+nghị|Để|Nhằm|Điều\s+1|I\.|[_\-=–]{3,}|\(Kèm\s+theo|Kính\s+gửi)")
# the enacting authority's line between the title and the preamble ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH NGHỆ AN",
# "CHÍNH PHỦ", "BỘ TRƯỞNG BỘ NỘI VỤ"): no part of the title when the preamble ("Căn cứ …") follows it
_AUTHORITY_LINE = re.compile(r"^\s*(?:CHÍNH\s+PHỦ|(?:PHÓ\s+)?THỦ\s+TƯỚNG\s+CHÍNH\s+PHỦ|(?:PHÓ\s+)?CHỦ\s+TỊCH\s+[^\n]+|"
                             r"ỦY\s+BAN\s+NHÂN\s+DÂN\s+[^\n]+|UỶ\s+BAN\s+NHÂN\s+DÂN\s+[^\n]+|HỘI\s+ĐỒNG\s+NHÂN\s+DÂN\s+[^\n]+|"
                             r"BỘ\s+TRƯỞNG\s+[^\n]+|GIÁM\s+ĐỐC\s+[^\n]+|THỐNG\s+ĐỐC\s+[^\n]+|TỔNG\s+KIỂM\s+TOÁN\s+[^\n]+|"
                             r"VIỆN\s+TRƯỞNG\s+[^\n]+|CHÁNH\s+ÁN\s+[^\n]+|ỦY\s+BAN\s+THƯỜNG\s+VỤ\s+QUỐC\s+HỘI|QUỐC\s+HỘI)\s*$")
_PLACE_WORDS = re.compile(r"\b(tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)\s+(\w)")
_UPPER_LINE = re.compile(r"^[\s" + R.UPPER + r"0-9,.&\-–()/]+$")
_SIGN_MARK = re.compile(r"(?m)^[ \t]*(?:TM\.|KT\.|TL\.|TUQ\.|Q\.)[ \t]*(?P<org>[^\n]*)$")
_PERSON = re.compile(r"^[ \t]*(?P<name>(?:" + R.UP + r"[" + R.LOWER + r"]+[ \t]+){1,4}" + R.UP + r"[" + R.LOWER + r"]+)[ \t]*$", re.M)
_SIGNER_TITLE = re.compile(r"(?m)^[ \t]*(?P<title>(?:CHỦ TỊCH|PHÓ CHỦ TỊCH|GIÁM ĐỐC|PHÓ GIÁM ĐỐC|THỦ TƯỚNG|PHÓ THỦ TƯỚNG|BỘ TRƯỞNG|THỨ TRƯỞNG|"
                           r"CHÁNH VĂN PHÒNG|PHÓ CHÁNH VĂN PHÒNG|TRƯỞNG BAN|PHÓ TRƯỞNG BAN|BÍ THƯ|PHÓ BÍ THƯ|TRƯỞNG PHÒNG|"
                           r"CHỦ NHIỆM|TỔNG THƯ KÝ|CHÁNH ÁN|VIỆN TRƯỞNG|TỔNG KIỂM TOÁN|THỐNG ĐỐC|TỔNG GIÁM ĐỐC)[^\n]*)$")


_SO_LINE = re.compile(r"(?m)^[ \t]*(?:(?:Số|SỐ)[ \t]*:?|(?:Luật|LUẬT|Bộ luật|Nghị quyết|Pháp lệnh|Lệnh)[ \t]+(?:số|Số)[ \t]*:)[ \t]*(?:\n[ \t]*)?(?=\d)")
# a header laid out as a table and flattened to one line per row ("| CỘNG HÒA … | Số: 21/2025/TT-BGDĐT |",
# "------------------ Số: 1661/NQ-UBTVQH15 | CỘNG HÒA …", "CHÍNH PHỦ__________ Số: 170/2025/NĐ-CP | …"): the
# number opens a cell, or follows a rule
_SO_CELL = re.compile(r"(?m)(?:^|\||[-=_]{3,})[ \t]*(?:Số|SỐ)[ \t]*:[ \t]*(?=\d)")
_CONTINUED = re.compile(r"\(\s*Tiếp\s+theo\s+Công\s+báo", re.I)


def proper_case(s: str) -> str:
    """ỦY BAN NHÂN DÂN TỈNH BẮC NINH → Ủy ban nhân dân tỉnh Bắc Ninh (place names capitalised)."""
    s = " ".join(s.split())
    if not s.isupper():
        return s
    words = s.lower().split()
    out = []
    cap_next = True
    for i, w in enumerate(words):
        if w in ("ubnd", "hđnd", "ubmttq", "bch", "btv"):
            out.append(w.upper())
            continue
        out.append(w[:1].upper() + w[1:] if cap_next else w)
        cap_next = False
        prev2 = " ".join(words[max(0, i - 1):i + 1])
        if w in ("tỉnh", "huyện", "quận", "xã", "phường") or prev2 in ("thành phố", "thị xã", "thị trấn"):
            cap_next = True
        elif out and i > 0 and out[-2:-1] and out[-2][:1].isupper() and cap_next is False and i >= 1 and \
                words[i - 1] in ("tỉnh", "huyện", "quận", "xã", "phường", "phố", "trấn"):
            cap_next = True
    text = " ".join(out)
    # words following a capitalised place word continue the place name
    text = re.sub(r"\b(tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn) (\w+)((?: \w+){0,2})$",
                  lambda m: m.group(1) + " " + " ".join(x[:1].upper() + x[1:] for x in (m.group(2) + m.group(3)).split()),
                  text)
    for name, full in (("Chính phủ", "chính phủ"), ("Quốc hội", "quốc hội")):
        text = text.replace(" " + full, " " + name)
    return text


@dataclass
class Header:
    """A document's own identity as its header and signature state it; ``spans`` are where each field
    was read (clean offsets)."""

    type: str | None = None
    symbol: str | None = None
    date: str | None = None
    issuer: str | None = None
    title: str | None = None
    signer: str | None = None
    signer_title: str | None = None
    place: str | None = None
    spans: dict = field(default_factory=dict)


def read_header(text: str, body_start: int) -> Header:
    """Fields of the document's own identity, each with its span in ``text`` (clean offsets)."""
    head_end = min(body_start, 4000) if body_start > 0 else min(len(text), 4000)
    h = Header()
    so, type_code = _own_symbol(text, head_end, h)
    type_code = _consolidated_symbol(text, h) or type_code
    _place_date(text[:head_end], h)
    tl = _type_and_title(text, head_end, h)
    if h.title is None:
        _subject_line(text, head_end, h)
    if h.symbol is None:
        type_code = _symbol_of_continued_page(text[:head_end], h) or type_code
    _type_fallbacks(text, head_end, type_code, h)
    _issuer(text, body_start, so, tl, h)
    _signer(text, h)
    return h


def _own_symbol(text: str, head_end: int, h: Header):
    """"Số: 21/KH-UBND" in the header (or, in PDF columns, the first such line anywhere)."""
    so = _SO_LINE.search(text, 0, head_end) or _SO_CELL.search(text, 0, min(head_end, 1500))
    if so is None:  # PDF columns may put the number line after the title: the first "Số: …" anywhere
        so = _SO_LINE.search(text, 0, min(len(text), 20000))
    type_code = None
    if so:
        line_end = text.find("\n", so.end())
        line_end = len(text) if line_end == -1 else line_end
        m = R.SYMBOL.search(text, so.end(), min(line_end + 40, len(text)))
        if m and m.start() - so.end() < 6:
            h.symbol, type_code, _ = canonical_symbol(m)
            h.spans["symbol"] = m.span()
    return so, type_code


def _consolidated_symbol(text: str, h: Header) -> str | None:
    """A consolidated text (văn bản hợp nhất) carries its own number "Số: 2007/VBHN-…" after the
    consolidated body, before its annexes; the header at the top is the original document's."""
    i = text.find("/VBHN")
    while i != -1:
        ls = text.rfind("\n", 0, i) + 1
        m = _SO_LINE.match(text, ls)
        if m:
            sm = R.SYMBOL.match(text, m.end())
            if sm and "VBHN" in sm.group(0).upper():
                h.symbol, type_code, _ = canonical_symbol(sm)
                h.spans["symbol"] = sm.span()
                return type_code
        i = text.find("/VBHN", i + 1)
    return None


def _place_date(head: str, h: Header) -> None:
    pd = R.PLACE_DATE.search(head) or R.PLACE_DATE_BARE.search(head)
    if pd and pd.group("ld").isdigit() and pd.group("lm").isdigit():
        h.date = real_date(pd.group("ly"), pd.group("lm"), pd.group("ld"))  # None for 31/02
        h.place = " ".join(pd.group("place").split())
        if h.date:
            h.spans["date"] = pd.span()


def _type_and_title(text: str, head_end: int, h: Header):
    """The type line ("KẾ HOẠCH") and the title lines under it, up to the body's first sentence."""
    tl = _TYPE_LINE.search(text, 0, head_end)
    if not tl:
        return None
    word = tl.group("t").title() if tl.group("t") != "LUẬT" else "Luật"
    h.type = _P.word_to_type.get(" ".join(tl.group("t").lower().split()), None) or word
    h.spans["type"] = tl.span("t")
    lines: list[str] = []
    pos = tl.end() + (tl.group("glued") is None)
    title_start = title_end = None
    window = text[pos:head_end + 400].split("\n")[:8]
    for k, ln in enumerate(window):
        s = pos
        pos += len(ln) + 1
        if not ln.strip():
            continue  # blank lines inside a title are common in PDF text
        if lines and _AUTHORITY_LINE.match(ln) and _TITLE_STOP.match(next((x for x in window[k + 1:] if x.strip()), "")):
            break
        if _TITLE_STOP.match(ln) or _MOTTO.search(ln) or (_UPPER_LINE.match(ln) and lines and not lines[-1].isupper()):
            break
        if lines and (lines[-1].isupper() != ln.strip().isupper() or len(ln) > 200):
            break  # an upper-case title followed by the body's first sentence
        if _SIGN_MARK.match(ln):
            break
        lines.append(ln.strip())
        title_start = s if title_start is None else title_start
        title_end = s + len(ln.rstrip())
        if len(lines) >= 4 or ln.rstrip().endswith(")") or tl.group("glued") is not None:
            break  # (a title glued to the type word is that one line of a web page: what follows repeats it)
    if lines:
        h.title = " ".join(" ".join(lines).split())
        h.spans["title"] = (title_start, title_end)
    return tl


# a letter's subject under its number ("V/v rà soát và chuẩn hóa dữ liệu số nhà …"): its title; the lines a
# PDF wrapped it onto go on in lower case
_SUBJECT_LINE = re.compile(r"(?m)^[ \t]*(?:V/[vV]|Về\s+việc)[ \t]*[.:]?[ \t]+(?=\S)")


def _subject_line(text: str, head_end: int, h: Header) -> None:
    """The title of a document that has no type line over one: its "V/v …" subject line, without "V/v"."""
    m = _SUBJECT_LINE.search(text, 0, head_end)
    if m is None:
        return
    start = end = m.end()
    while True:
        nl = text.find("\n", end, head_end)
        end = head_end if nl == -1 else nl
        nxt = text[end + 1:end + 2]
        if nl == -1 or not nxt.islower() or end - start > 400:
            break
        end += 1
    end = start + len(text[start:end].rstrip().rstrip("."))
    if end > start:
        h.title = " ".join(text[start:end].split())
        h.spans["title"] = (start, end)


def _symbol_of_continued_page(head: str, h: Header) -> str | None:
    """A gazette continuation page ("Thông tư số 102/2018/TT-BTC ngày … (Tiếp theo Công báo số …)") or
    an annex ("(Ban hành kèm theo Quyết định số 63/2010/QĐ-UBND …)") stands for its document."""
    for m in R.SYMBOL.finditer(head[:1500]):
        around = head[max(0, m.start() - 80):m.end() + 160]
        if _CONTINUED.search(around) or re.search(r"\((?:Ban\s+hành\s+)?[Kk]èm\s+theo\s+[^()]{0,40}$", head[max(0, m.start() - 60):m.start()]):
            h.symbol, type_code, _ = canonical_symbol(m)
            h.spans["symbol"] = m.span()
            return type_code
    return None


def _type_fallbacks(text: str, head_end: int, type_code: str | None, h: Header) -> None:
    if h.type is None:  # no header: a first line that opens with a type word ("Kế hoạch triển khai …")
        first = re.match(r"\s*(\S+(?:\s+\S+){0,2})", text)
        if first:
            words = first.group(1).split()
            for n in range(len(words), 0, -1):
                w = " ".join(words[:n])
                if w[:1].isupper() and w.lower() in _P.word_to_type and _P.word_to_type[w.lower()] != "Công văn":
                    h.type = _P.word_to_type[w.lower()]
                    break
    if (h.symbol and "VBHN" in h.symbol) or re.search(r"VĂN\s+BẢN\s+HỢP\s+NHẤT", text[:min(head_end, 800)]):
        h.type = "Văn bản hợp nhất"
    elif h.type is None and type_code:
        h.type = type_code


def _issuer(text: str, body_start: int, so, tl, h: Header) -> None:
    """The upper-case lines of the top-left block, before "Số"; else "… ban hành kế hoạch"."""
    limit = so.start() if so else (tl.start() if tl else 0)
    block: list[str] = []
    for ln in text[:limit].split("\n"):
        s = ln.split(" | ")[0].strip().rstrip("-_= ").strip()  # a header laid out as a table: its first cell
        if not s or _MOTTO.search(s) or not _UPPER_LINE.match(s) or re.fullmatch(r"[\d\s]+", s):
            if s and block and not _UPPER_LINE.match(s):
                block = []
            continue
        block.append(s)
    if block:
        h.issuer = proper_case(" ".join(block[-2:]) if len(block) >= 2 and len(block[-1].split()) <= 3 else block[-1])
        return
    bm = re.search(r"(?P<iss>(?:Văn phòng|Sở|Ban|Phòng|Ủy ban nhân dân|UBND|Trung tâm)[^.\n;]{0,60}?)\s+ban\s+hành\s+"
                   r"(?:kế\s+hoạch|quyết\s+định|hướng\s+dẫn|chương\s+trình)", text[:max(body_start, 0) or 3000])
    if bm:
        h.issuer = " ".join(bm.group("iss").split())
        h.spans["issuer"] = bm.span("iss")


def _signer(text: str, h: Header) -> None:
    """The last signer title (right after the TM./KT. marks, or at the end) and the person under it."""
    st = None
    windows = [(p, p + 300) for p in end_marks(text)] + [(max(0, len(text) - 1500), len(text))]
    for ws, we in windows:
        for m in _SIGNER_TITLE.finditer(text, ws, we):
            if st is None or m.start() > st.start():
                st = m
    if st:
        h.signer_title = " ".join(st.group("title").split())
        pm = _PERSON.search(text, st.end(), min(len(text), st.end() + 400))
        if pm:
            h.signer = " ".join(pm.group("name").split())
            h.spans["signer"] = pm.span("name")
