"""Stage 3a': the document's own identity: type, number and symbol, date, issuer, title, signer.

Read from the header block (before the preamble), the signature block, and, for consolidated
texts (văn bản hợp nhất), the "Số: …/VBHN-…" line near the end.

    >>> t = "CHÍNH PHỦ\\nSố: 59/2023/NĐ-CP\\nHà Nội, ngày 14 tháng 8 năm 2023\\nNGHỊ ĐỊNH\\nQuy định chi tiết một số điều\\nCăn cứ Luật …"
    >>> h = read_header(t, len(t))
    >>> h["type"], h["symbol"], h["date"], h["issuer"], h["title"]
    ('Nghị định', '59/2023/NĐ-CP', '2023-08-14', 'Chính phủ', 'Quy định chi tiết một số điều')
"""
from __future__ import annotations

import re

from . import regexes as R
from .citations import canonical_symbol
from .dates import real_date
from .patterns import load

__all__ = ["read_header", "proper_case"]

_P = load()
_TYPE_LINE = re.compile(
    r"(?m)^[ \t]*(?P<t>" + "|".join(sorted({w.upper() for t in _P.types for w in t.words if w[0].isupper()}, key=len, reverse=True))
    + r")(?:[ \t]+(?:HÀNH ĐỘNG|LIÊN TỊCH))?[ \t]*$")
_MOTTO = re.compile(r"CỘNG\s+H[ÒO]A|ĐỘC\s+LẬP|Độc\s+lập|ĐẢNG\s+CỘNG\s+SẢN|^[\s_\-=*.]+$")
_TITLE_STOP = re.compile(r"^\s*(?:Căn\s+cứ|Thực\s+hiện\s+(?:" + "|".join(w for t in _P.types for w in t.words if w[0].isupper()) +
                         r")|Theo\s+đề\s+nghị|Xét\s+đề\s+nghị|Để|Nhằm|Điều\s+1|I\.|[_\-=–]{3,}|\(Kèm\s+theo|Kính\s+gửi)")
_PLACE_WORDS = re.compile(r"\b(tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)\s+(\w)")
_UPPER_LINE = re.compile(r"^[\s" + R.UPPER + r"0-9,.&\-–()/]+$")
_SIGN_MARK = re.compile(r"(?m)^[ \t]*(?:TM\.|KT\.|TL\.|TUQ\.|Q\.)[ \t]*(?P<org>[^\n]*)$")
_PERSON = re.compile(r"^[ \t]*(?P<name>(?:" + R.UP + r"[" + R.LOWER + r"]+[ \t]+){1,4}" + R.UP + r"[" + R.LOWER + r"]+)[ \t]*$", re.M)
_SIGNER_TITLE = re.compile(r"(?m)^[ \t]*(?P<title>(?:CHỦ TỊCH|PHÓ CHỦ TỊCH|GIÁM ĐỐC|PHÓ GIÁM ĐỐC|THỦ TƯỚNG|PHÓ THỦ TƯỚNG|BỘ TRƯỞNG|THỨ TRƯỞNG|"
                           r"CHÁNH VĂN PHÒNG|PHÓ CHÁNH VĂN PHÒNG|TRƯỞNG BAN|PHÓ TRƯỞNG BAN|BÍ THƯ|PHÓ BÍ THƯ|TRƯỞNG PHÒNG|"
                           r"CHỦ NHIỆM|TỔNG THƯ KÝ|CHÁNH ÁN|VIỆN TRƯỞNG|TỔNG KIỂM TOÁN|THỐNG ĐỐC|TỔNG GIÁM ĐỐC)[^\n]*)$")


_SO_LINE = re.compile(r"(?m)^[ \t]*(?:(?:Số|SỐ)[ \t]*:?|(?:Luật|LUẬT|Bộ luật|Nghị quyết|Pháp lệnh|Lệnh)[ \t]+(?:số|Số)[ \t]*:)[ \t]*(?:\n[ \t]*)?(?=\d)")
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


def read_header(text: str, body_start: int) -> dict:
    """Fields of the document's own identity, each with its span in ``text`` (clean offsets)."""
    head_end = min(body_start, 4000) if body_start > 0 else min(len(text), 4000)
    head = text[:head_end]
    out = {"type": None, "symbol": None, "date": None, "issuer": None, "title": None, "signer": None,
           "signer_title": None, "place": None, "spans": {}}
    # number and symbol
    so = _SO_LINE.search(head)
    if so is None:  # PDF columns may put the number line after the title: the first "Số: …" anywhere
        so = _SO_LINE.search(text, 0, min(len(text), 20000))
    type_code = None
    if so:
        line_end = text.find("\n", so.end())
        line_end = len(text) if line_end == -1 else line_end
        m = R.SYMBOL.search(text, so.end(), min(line_end + 40, len(text)))
        if m and m.start() - so.end() < 6:
            sym, implied, _ = canonical_symbol(m)
            out["symbol"] = sym
            type_code = implied
            out["spans"]["symbol"] = m.span()
    # a consolidated text (văn bản hợp nhất) carries its own number "Số: 2007/VBHN-…" after the
    # consolidated body, before its annexes; the header at the top is the original document's
    i = text.find("/VBHN")
    while i != -1:
        ls = text.rfind("\n", 0, i) + 1
        m = _SO_LINE.match(text, ls)
        if m:
            sm = R.SYMBOL.match(text, m.end())
            if sm and "VBHN" in sm.group(0).upper():
                out["symbol"], type_code, _ = canonical_symbol(sm)
                out["spans"]["symbol"] = sm.span()
                break
        i = text.find("/VBHN", i + 1)
    # place and date
    pd = R.PLACE_DATE.search(head)
    if pd and pd.group("ld").isdigit() and pd.group("lm").isdigit():
        out["date"] = real_date(pd.group("ly"), pd.group("lm"), pd.group("ld"))  # None for 31/02
        out["place"] = " ".join(pd.group("place").split())
        if out["date"]:
            out["spans"]["date"] = pd.span()
    # type and title
    tl = None
    for m in _TYPE_LINE.finditer(head):
        tl = m
        break
    if tl:
        word = tl.group("t").title() if tl.group("t") != "LUẬT" else "Luật"
        out["type"] = _P.word_to_type.get(" ".join(tl.group("t").lower().split()), None) or word
        out["spans"]["type"] = tl.span("t")
        lines = []
        pos = tl.end() + 1
        title_start = None
        title_end = None
        for ln in text[pos:head_end + 400].split("\n")[:8]:
            s = pos
            pos += len(ln) + 1
            if not ln.strip():
                if lines:
                    # blank lines inside a title are common in PDF text; stop at the second
                    continue
                continue
            if _TITLE_STOP.match(ln) or _MOTTO.search(ln) or (_UPPER_LINE.match(ln) and lines and not lines[-1].isupper()):
                break
            if lines and (lines[-1].isupper() != ln.strip().isupper() or len(ln) > 200):
                break  # an upper-case title followed by the body's first sentence
            if _SIGN_MARK.match(ln):
                break
            lines.append(ln.strip())
            title_start = s if title_start is None else title_start
            title_end = s + len(ln.rstrip())
            if len(lines) >= 4 or ln.rstrip().endswith(")"):
                break
        if lines:
            out["title"] = " ".join(" ".join(lines).split())
            out["spans"]["title"] = (title_start, title_end)
    if out["symbol"] is None:
        # a gazette continuation page: "Thông tư số 102/2018/TT-BTC ngày … (Tiếp theo Công báo số …)"
        # or an annex "(Ban hành kèm theo Quyết định số 63/2010/QĐ-UBND …)" standing for its document
        for m in R.SYMBOL.finditer(head[:1500]):
            around = head[max(0, m.start() - 80):m.end() + 160]
            if _CONTINUED.search(around) or re.search(r"\((?:Ban\s+hành\s+)?[Kk]èm\s+theo\s+[^()]{0,40}$", head[max(0, m.start() - 60):m.start()]):
                out["symbol"], type_code, _ = canonical_symbol(m)
                out["spans"]["symbol"] = m.span()
                break
    if out["type"] is None:  # no header: a first line that opens with a type word ("Kế hoạch triển khai …")
        first = re.match(r"\s*(\S+(?:\s+\S+){0,2})", text)
        if first:
            words = first.group(1).split()
            for n in range(len(words), 0, -1):
                w = " ".join(words[:n])
                if w[:1].isupper() and w.lower() in _P.word_to_type and _P.word_to_type[w.lower()] != "Công văn":
                    out["type"] = _P.word_to_type[w.lower()]
                    break
    if (out["symbol"] and "VBHN" in out["symbol"]) or re.search(r"VĂN\s+BẢN\s+HỢP\s+NHẤT", head[:800]):
        out["type"] = "Văn bản hợp nhất"
    elif out["type"] is None and type_code:
        out["type"] = type_code
    # issuer: the upper-case lines of the top-left block, before "Số"
    limit = so.start() if so else (tl.start() if tl else 0)
    block = []
    for ln in text[:limit].split("\n"):
        s = ln.split(" | ")[0].strip().rstrip("-_= ").strip()  # a header laid out as a table: its first cell
        if not s or _MOTTO.search(s) or not _UPPER_LINE.match(s) or re.fullmatch(r"[\d\s]+", s):
            if s and block and not _UPPER_LINE.match(s):
                block = []
            continue
        block.append(s)
    if block:
        out["issuer"] = proper_case(" ".join(block[-2:]) if len(block) >= 2 and len(block[-1].split()) <= 3 else block[-1])
    else:
        bm = re.search(r"(?P<iss>(?:Văn phòng|Sở|Ban|Phòng|Ủy ban nhân dân|UBND|Trung tâm)[^.\n;]{0,60}?)\s+ban\s+hành\s+(?:kế\s+hoạch|quyết\s+định|hướng\s+dẫn|chương\s+trình)",
                       text[:max(body_start, 0) or 3000])
        if bm:
            out["issuer"] = " ".join(bm.group("iss").split())
            out["spans"]["issuer"] = bm.span("iss")
    # signature: the last signer title and the person under it
    st = None
    from .structure import _end_marks  # signer titles sit right after the TM./KT. marks or end the text
    windows = [(p, p + 300) for p in _end_marks(text)] + [(max(0, len(text) - 1500), len(text))]
    for ws, we in windows:
        for m in _SIGNER_TITLE.finditer(text, ws, we):
            if st is None or m.start() > st.start():
                st = m
    if st:
        out["signer_title"] = " ".join(st.group("title").split())
        pm = _PERSON.search(text, st.end(), min(len(text), st.end() + 400))
        if pm:
            out["signer"] = " ".join(pm.group("name").split())
            out["spans"]["signer"] = pm.span("name")
    return out
