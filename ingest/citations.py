"""Stage 3b: citations: numbered symbols, laws by name, partial and self references, relations.

``find_citations(clean_text)`` returns ``RawCitation`` values with offsets into the clean text;
the pipeline maps them back to the source. Anchor first (the symbol), then expand left (type word,
"số") and right (date, "của" issuer, subject), as eyecite does with its tokens.

    >>> cs = find_citations("Căn cứ Nghị định số 59/2023/NĐ-CP ngày 14/8/2023 của Chính phủ ban hành quy định chi tiết.")
    >>> [(c.type, c.symbol, c.date, c.issuer) for c in cs]
    [('Nghị định', '59/2023/NĐ-CP', '2023-08-14', 'Chính phủ')]
"""
from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, replace

from . import regexes as R
from .catalogue import draft_mention, fold_key
from .clean import fold
from .dates import real_date
from .header import proper_case
from .patterns import load
from .symbols import CODE_TYPE
from .symbols import canonical_symbol
from .units import add_anchor_words, capital_words, unit_at

__all__ = ["RawCitation", "find_citations", "canonical_symbol", "iso_date", "find_dates", "relations_of"]

_P = load()
_TYPE_BY_WORD = {k.lower(): v for k, v in _P.word_to_type.items()}
_TYPE_BY_WORD.update({"nđ": "Nghị định", "nq": "Nghị quyết", "qđ": "Quyết định", "tt": "Thông tư", "ct": "Chỉ thị",
                      "kl": "Kết luận", "kh": "Kế hoạch", "cv": "Công văn", "hd": "Hướng dẫn"})
_TERM_END = re.compile(r"(?:QH|UBTVQH)\d{1,2}$")
_TERM_IN = re.compile(r"/(?:UBTVQH|QH)\d")
_NAME_TOKEN = re.compile(r"[^\s;,.:()\"“”]+")
_NAME_GAP_STOP = re.compile(r"[;:.()\"“”]|\n[ \t]*\n[ \t]*\n")
_PARTIAL_NOT = re.compile(r"\s*(?:[/\-]\s*[A-ZĐ]|\d)")
_FOOTNOTE = re.compile(r"(?<=[A-ZĐ]{2})\d{1,2}$")


@dataclass(frozen=True, slots=True)
class RawCitation:
    """A citation found in the clean text (offsets index the clean text)."""

    start: int
    end: int
    kind: str  # numbered | named | partial | self
    type: str | None
    symbol: str | None
    date: str | None = None
    issuer: str | None = None
    subject: str | None = None
    subject_span: tuple[int, int] | None = None
    symbol_span: tuple[int, int] | None = None
    resolved: str | None = None
    typo: bool = False
    number: str | None = None
    year: int | None = None
    name: str | None = None  # named laws: the name as written


def iso_date(m: re.Match) -> str | None:
    g = m.groupdict()
    d, mo, y = (g.get("d"), g.get("m"), g.get("y")) if g.get("d") else (g.get("ld"), g.get("lm"), g.get("ly"))
    return real_date(y, mo, d)  # None for a day the calendar lacks (31/02, 31/4)


def _back_over(text: str, j: int, chars: str, limit: int) -> int:
    """Walk left from j (exclusive) over ``chars``, at most ``limit`` characters; the new start."""
    k = j
    while k > 0 and j - k < limit and text[k - 1] in chars:
        k -= 1
    return k


_DIGITS = "0123456789"
_BLANK = " \t"
_WS = " \t\n\r"
_CODE_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZĐabcdefghijklmnopqrstuvwxyzđ"


def _symbol_matches(text: str):
    """SYMBOL matches, found from the slashes every symbol has (fast: no full regex pass)."""
    last_end = 0
    i = text.find("/")
    while i != -1:
        if i >= last_end:
            j = _back_over(text, i, _WS, 200)  # a symbol may break over a (blanked) page header
            j2 = _back_over(text, j, _CODE_LETTERS, 7)
            if j2 < j:  # Party form (05-CT/TW), "30c/…" or "37QĐ/…": letters before the slash
                k = _back_over(text, j2, _WS, 200)
                if k > 0 and text[k - 1] == "-":
                    k = _back_over(text, k - 1, _WS, 200)
                j = k
            st = _back_over(text, j, _DIGITS + ".", 9)
            while st < j and text[st] == ".":
                st += 1
            if st < j and st >= last_end:
                m = R.SYMBOL.match(text, st)
                if m and m.end() > i:
                    yield m
                    last_end = m.end()
        i = text.find("/", i + 1)


def find_dates(text: str) -> list[tuple[int, int, str]]:
    """Every date written in the text: (start, end, ISO), found from "/", "-", "." and "tháng"."""
    starts = set()
    for anchor, back in (("/", _DIGITS + _BLANK), ("tháng", _DIGITS + _WS), ("ngày", "")):
        i = text.find(anchor)
        while i != -1:
            if anchor == "ngày":
                k = i + 4
                while k < len(text) and text[k] in _WS:
                    k += 1
                starts.add(k)
            else:
                j = _back_over(text, i, _WS if anchor == "tháng" else _BLANK, 4)
                starts.add(_back_over(text, j, _DIGITS, 2))
            i = text.find(anchor, i + 1)
    out = []
    last = -1
    for st in sorted(starts):
        if st < last:
            continue
        m = R.DATE.match(text, st)
        if m:
            iso = iso_date(m)
            if iso:
                out.append((m.start(), m.end(), iso))
                last = m.end()
    return out


# ------------------------------------------------------------------ expansion

_TW_BY_WORDS: dict[int, set[str]] = {}
for _w in _TYPE_BY_WORD:
    _TW_BY_WORDS.setdefault(len(_w.split()), set()).add(_w)
_TW_MAXLEN = max(_TW_BY_WORDS)


def _left(text: str, s: int) -> tuple[str | None, int]:
    """The type word and "số" written just before a symbol: (type word, where the citation starts)."""
    window = text[max(0, s - 70):s]
    base = s - len(window)
    words = window.split()[-(_TW_MAXLEN + 3):]  # a type word (up to 4 words), "số", ":"
    toks = []
    pos = len(window)
    for w in reversed(words):
        pos = window.rfind(w, 0, pos)
        toks.append((w, base + pos))
    toks.reverse()
    start = s
    if toks and toks[-1][0].rstrip(":").lower() in ("số", ""):
        if toks[-1][0] == ":" and len(toks) > 1 and toks[-2][0].lower() == "số":
            toks.pop()
        if toks[-1][0].rstrip(":").lower() == "số":
            start = toks[-1][1]
            toks.pop()
    elif toks and toks[-1][0] == ":":
        toks.pop()
    # optional qualifiers between the type word and "số"; a type word is letters only, so only the
    # last words that are all letters are tried
    alpha = 0
    while alpha < min(_TW_MAXLEN, len(toks)) and toks[-1 - alpha][0].isalpha():
        alpha += 1
    low = [t.lower() for t, _ in toks[len(toks) - alpha:]]
    for n in range(alpha, 0, -1):
        if " ".join(low[-n:]) in _TW_BY_WORDS.get(n, ()):
            return " ".join(t for t, _ in toks[-n:]), toks[-n][1]
    return None, start


def _type_from_word(word: str | None) -> str | None:
    if not word:
        return None
    return _TYPE_BY_WORD.get(" ".join(word.split()).lower())


def _issuer_after(text: str, pos: int, limit: int) -> tuple[str, int, int] | None:
    """The issuer written after "của" at ``pos``: (name, start, end)."""
    m = R.OF.match(text, pos, min(limit, pos + 20))
    if not m:
        return None
    s = m.end()
    window_end = min(limit, s + 160)
    um = unit_at(text, s, window_end)
    if um:
        return um.name, s, um.end
    stop = R.ISSUER_STOP.search(text, s, window_end)
    e = stop.start() if stop else window_end
    name = " ".join(text[s:e].split())
    words = name.split()
    if not words or not (words[0][0].isupper() or words[0][0].isdigit()):
        return None
    if len(words) > 12:
        words = words[:12]
        name = " ".join(words)
    # trim the end back to the last word kept
    end = s
    for w in words:
        end = text.index(w, end) + len(w)
    return name, s, end


def _subject_after(text: str, pos: int, limit: int) -> tuple[str, int, int] | None:
    m = R.SUBJECT_START.match(text, pos, min(limit, pos + 30))
    if not m:
        return None
    s = m.end()
    end = min(limit, s + 600)
    i = s
    depth = 0
    while True:
        stop = R.SUBJECT_STOP.search(text, i, end)
        if not stop:
            i = end
            break
        ch = stop.group()
        if ch == "(":
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
        else:
            i = stop.start()
            break
        i = stop.end()
    subject = " ".join(text[s:i].split())
    if not subject:
        return None
    return subject, s, i


# ------------------------------------------------------------------ main finder

def find_citations(text: str, catalogue=None, doc_date: str | None = None) -> list[RawCitation]:
    """Every citation in the clean text, in order of appearance."""
    out: list[RawCitation] = []
    how: list[str] = []  # where each issuer came from: written | before | implied | none
    prev_end = -1
    prev_type = None
    for m in _symbol_matches(text):
        s, e = m.span()
        symbol, implied, typo = canonical_symbol(m)
        if symbol is None:
            continue
        scan = e  # where the right context starts (after a footnote mark, if any)
        fn = _FOOTNOTE.search(symbol)
        if fn and not _TERM_END.search(symbol):
            symbol = symbol[:fn.start()]
            e -= len(fn.group())
        tword, start = _left(text, s)  # left: a type word and/or "số" just before
        listed = prev_end >= 0 and start - prev_end < 40 and R.LIST_GAP.fullmatch(text, prev_end, start) is not None
        ctype = _citation_type(text, s, symbol, tword, implied, listed, prev_type)
        end = e
        date = None
        dm = R.DATE_AFTER.match(text, scan)
        if dm:
            date = iso_date(dm)
            end = dm.end()
        issuer, source, end, date = _citation_issuer(text, start, end, date)
        if issuer is None and listed and how and how[-1] == "before":
            issuer, source = out[-1].issuer, "before"  # "… tại Tờ trình số 1, Công văn số 2 …"
        if issuer is None:
            issuer = _implied_issuer(symbol)
            source = "implied" if issuer else "none"
        subj = _subject_after(text, end, len(text))
        subject, subject_span = (subj[0], (subj[1], subj[2])) if subj else (None, None)
        out.append(RawCitation(start=start, end=end, kind="numbered", type=ctype, symbol=symbol, date=date,
                               issuer=issuer, subject=subject, subject_span=subject_span, symbol_span=(s, e),
                               typo=typo))
        how.append(source)
        prev_end = end
        prev_type = ctype
    _share_list_issuers(text, out, how)
    return out


def _citation_type(text: str, s: int, symbol: str, tword, implied: str | None, listed: bool,
                   prev_type: str | None) -> str | None:
    """The type word before the symbol; a list continuation's inherited one; the one its codes imply;
    "Luật"/"Nghị quyết" written a little before a National Assembly symbol."""
    ctype = _type_from_word(tword)
    if ctype == "Công văn" and implied and implied not in ("Công văn",):
        ctype = implied  # "văn bản số 12/KH-UBND" is a Kế hoạch
    if ctype is None:
        # a list continuation inherits the type word of the previous citation
        if listed and prev_type and (implied is None or implied == prev_type or implied == "Công văn"):
            ctype = prev_type
        else:
            ctype = implied
    if ctype is None and _TERM_IN.search(symbol):
        back = text[max(0, s - 120):s]
        lw = list(re.finditer(r"\b(Bộ luật|Luật|Nghị quyết|Pháp lệnh)\b", back))
        if lw and not re.search(r"[;.]", back[lw[-1].end():]):
            ctype = "Luật" if "uật" in lw[-1].group(1) else lw[-1].group(1)
    return ctype


def _citation_issuer(text: str, start: int, end: int, date: str | None):
    """(issuer, where it came from, end of the citation, date): written after ("… của Bộ Y tế"), or
    before ("Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số …", "Ban Thường vụ Tỉnh ủy đã có
    Quyết định số …")."""
    issuer, source = None, "none"
    iss = _issuer_after(text, end, len(text))
    if iss:
        issuer, _, end = iss
        source = "written"
    if issuer is not None and issuer.isupper():
        issuer = proper_case(issuer)
    if issuer is None:
        back = R.PROPOSED_BY.search(text, max(0, start - 200), start) if "tại" in text[max(0, start - 70):start] else None
        if back and back.end() == start:
            issuer, source = " ".join(back.group("who").split()), "before"
    if issuer is None:
        tail = text[max(0, start - 16):start].rstrip()
        back = R.ISSUED_BY.search(text, max(0, start - 120), start) if tail.endswith(("hành", "có", "ký")) else None
        if back and back.end() == start:
            who = unit_at(text, back.start("who"), back.end("who"))
            if who and who.end >= back.end("who") - 1:
                issuer, source = who.name, "before"
                if date is None and back.group("bd"):
                    dd = R.DATE.match(text, back.start("bd"))
                    date = iso_date(dd) if dd else None
    return issuer, source, end, date


def _share_list_issuers(text: str, out: list[RawCitation], how: list[str]) -> None:
    """"Kết luận số 182-KL/TW, ngày … và Kết luận số 218-KL/TW, ngày … của Bộ Chính trị": the issuer
    written after the last member of a list belongs to the members before it that have none."""
    for i in range(len(out) - 2, -1, -1):
        if how[i] in ("none", "implied") and how[i + 1] == "written" and out[i].subject is None \
                and R.LIST_GAP.fullmatch(text, out[i].end, out[i + 1].start) is not None:
            out[i] = replace(out[i], issuer=out[i + 1].issuer)
            how[i] = "written"


def _implied_issuer(symbol: str) -> str | None:
    tail = symbol.split("/")[-1]
    codes = tail.split("-")
    m = re.fullmatch(r"(UBTVQH|QH)\d{1,2}", codes[0])
    if m:
        return _P.term_issuers[m.group(1)]
    if "/" in symbol and "-" in symbol.split("/", 1)[0]:  # Party: 05-CT/TW
        return _P.national_issuers.get(codes[0]) if codes[0] in ("VPTW", "BTCTW") else None
    if codes[0].upper() in ("TTLT", "NQLT"):
        return None  # joint documents have several issuers
    if len(codes) >= 2 and codes[0].upper() in CODE_TYPE:
        return _P.national_issuers.get(codes[1])
    return _P.national_issuers.get(codes[0])


_REL_CUES = [
    (re.compile(r"quy\s+định\s+chi\s+tiết|hướng\s+dẫn\s+thi\s+hành|hướng\s+dẫn\s+thực\s+hiện|hướng\s+dẫn\s+một\s+số|hướng\s+dẫn", re.I), "details"),
    (re.compile(r"sửa\s+đổi|bổ\s+sung", re.I), "amends"),
    (re.compile(r"thay\s+thế|bãi\s+bỏ", re.I), "replaces"),
    (re.compile(r"thực\s+hiện|triển\s+khai|cụ\s+thể\s+hóa|cụ\s+thể\s+hoá", re.I), "implements"),
]


def relations_of(cits: list[RawCitation], text: str) -> list[tuple[RawCitation, str, RawCitation]]:
    """Citations inside another citation's subject: (outer, rel, inner).

    Linear in the number of citations: the inner candidates of each subject are found by
    bisection over the citations sorted by start (a subject is at most a few hundred characters),
    not by trying every pair. Pairs come out in the order of ``cits`` (outer, then inner).
    """

    order = sorted(range(len(cits)), key=lambda k: cits[k].start)
    starts = [cits[k].start for k in order]
    out = []
    for outer in cits:
        if not outer.subject_span or outer.kind == "self":
            continue
        ss, se = outer.subject_span
        inside = sorted(order[bisect.bisect_left(starts, ss):bisect.bisect_left(starts, se)])
        if not inside or (len(inside) == 1 and cits[inside[0]] is outer):
            continue
        # the cues (plain words, no anchors or lookarounds) match the same in text[ss:p] and in
        # text between ss and p; one that is nowhere in the subject is in no part of it
        cues = [(rx, name) for rx, name in _REL_CUES if rx.search(text, ss, se)]
        for k in inside:
            inner = cits[k]
            if inner is outer:
                continue
            rel = "cites"
            best = -1
            for rx, name in cues:
                for m in rx.finditer(text, ss, inner.start):
                    if m.start() > best:
                        best, rel = m.start(), name
            out.append((outer, rel, inner))
    return out


def resolve_partials(cits: list[RawCitation]) -> list[RawCitation]:
    """Resolve each partial reference ("Nghị định 59/2023") to the first full symbol of the same
    document with its number (and its year and type, when the reference gives them).

    One pass to index the full symbols by (number, year, type), one pass to look up: linear, where
    comparing every partial with every full symbol was quadratic. Same result: the first match in
    the order of ``cits``.
    """
    first: dict[tuple, str] = {}
    for f in cits:
        if f.kind != "numbered":
            continue
        num = f.symbol.split("/")[0].split("-")[0].lstrip("0")
        years = [None] + f.symbol.split("/")[1:-1]  # "/2023/" in the symbol: an inner segment
        for y in years:
            for t in (None, f.type):
                first.setdefault((num, y, t), f.symbol)
    out = []
    for r in cits:
        if r.kind == "partial":
            key = ((r.number or "").lstrip("0"), None if r.year is None else str(r.year), r.type)
            sym = first.get(key)
            if sym is not None:
                r = replace(r, resolved=sym)
        out.append(r)
    return out


# ------------------------------------------------------------------ laws by name, partial and self references

# Where a law's name ends. The stop words start only where a run of spaces starts, and the run is
# taken whole (a word follows it): a search from inside a long run of spaces stays linear.
_NAME_STOP = re.compile(r"(?<!\s)\s++(?:ngày|năm|số|và|của|được|đã|quy|về|theo|tại|có|thì|là|để|trong|với|nhằm|hiện|sửa)\b|[;,.:()\"“”]|\n[ \t]*\n|$")


def _named_heads(text: str):
    """The matches of ``NAMED_HEAD.finditer(text)``, tried only where a head can start: found from the
    literals every head holds ("uật" of Luật and Bộ luật, "Hiến", "Pháp"), not at every B, L, H or P."""
    starts = []
    i = text.find("uật")
    while i != -1:
        j = i - 1
        if j >= 0 and text[j] in "Ll":
            if text[j] == "L":
                starts.append(j)  # Luật
            k = j
            while k > 0 and text[k - 1].isspace():
                k -= 1
            if 2 <= k < j and text.startswith("Bộ", k - 2):
                starts.append(k - 2)  # Bộ luật, Bộ Luật
        i = text.find("uật", i + 3)
    for word in ("Hiến", "Pháp"):
        i = text.find(word)
        while i != -1:
            starts.append(i)
            i = text.find(word, i + len(word))
    starts.sort()
    last = 0
    for p in starts:
        if p >= last:
            m = R.NAMED_HEAD.match(text, p)
            if m:
                yield m
                last = m.end()


def find_named(text: str, catalogue, doc_date: str | None = None, taken: list[tuple[int, int]] | None = None) -> list[RawCitation]:
    """Laws, codes and the constitution cited by name ("Luật Thực hiện dân chủ ở cơ sở").

    A bill or a revision ("dự án Luật Viên chức (sửa đổi)", "Luật Bảo hiểm y tế sửa đổi") is
    found with its mark but not resolved: it is not the law in force (see
    ``catalogue.draft_mention``).
    """
    out: list[RawCitation] = []
    taken = sorted(taken or [])
    tstarts = [a for a, _ in taken]
    keys = _catalogue_keys(catalogue)
    prefixes = _KEY_PREFIXES.get(id(catalogue), set())
    for m in _named_heads(text):
        s = m.start()
        if s and text[s - 1].isalnum():
            continue
        k0 = bisect.bisect_right(tstarts, s) - 1
        if text[max(0, s - 5):s].lower().endswith("pháp ") or (k0 >= 0 and taken[k0][0] <= s < taken[k0][1]):
            continue
        found = _law_name_end(text, m, keys, prefixes)
        if found is None:
            continue
        name_key, e = found
        if (draft_end := draft_mention(text, s, e)) is not None:
            e, name_key = draft_end, None
        name = " ".join(text[s:e].split())
        after = text[e:e + 60]
        ym = re.match(r"\s*(?:năm\s+(?P<y>(?:19|20)\d\d)|,?\s*ngày\s+\d{1,2}(?:\s+tháng\s+\d{1,2}\s+năm\s+|\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*)(?P<y2>(?:19|20)\d\d))", after)
        year = int(ym.group("y") or ym.group("y2")) if ym else None
        resolved = _resolve_law(text, s, e, catalogue, name_key, name, after, year, doc_date)
        head = m.group("head")
        ltype = "Bộ luật" if head.lower().startswith("bộ") else ("Hiến pháp" if head.startswith("Hiến") else
                                                                ("Pháp lệnh" if head.startswith("Pháp") else "Luật"))
        out.append(RawCitation(start=s, end=e, kind="named", type=ltype, symbol=None, resolved=resolved,
                               name=name, year=year))
    return out


def _law_name_end(text: str, m: re.Match, keys: dict, prefixes: set) -> tuple[str | None, int] | None:
    """(catalogue key, end) of the law's name after its head: the longest catalogued name that the
    words spell (a word at a time while a catalogued name still starts so); else a capitalised name
    up to where names stop (no key); None when no name follows."""
    s = m.start()
    words = ((wm.group(), wm.end()) for wm in _NAME_TOKEN.finditer(text[m.end():m.end() + 200]))
    cand = [(fold(m.group("head")), m.end())]
    for w, wend in itertools.islice(words, 18):
        phrase_end = m.end() + wend
        gap = text[cand[-1][1]:phrase_end - len(w)]
        if _NAME_GAP_STOP.search(gap):
            break
        if "," in gap:
            cand.append((cand[-1][0] + ",", cand[-1][1]))
        nxt = cand[-1][0] + " " + fold(w)
        cand.append((nxt, phrase_end))
        key_now = nxt.replace(" ,", ",")
        if key_now not in prefixes and key_now + "," not in prefixes:
            break
    for key, e in reversed(cand):
        k = key.replace(" ,", ",")
        if k in keys:
            return keys[k], e
    stop = _NAME_STOP.search(text, m.end(), _name_window(text, s))
    e = stop.start() if stop else m.end()
    if e - m.end() < 3 or not re.match(r"\s+\S", text[m.end():e]) or e - s > 120:
        return None
    nxt = text[m.end():e].split()
    if not nxt or not nxt[0][0].isupper() and m.group("head") in ("Luật",) and nxt[0] not in ("sửa",):
        return None
    return None, e


def _resolve_law(text: str, s: int, e: int, catalogue, name_key: str | None, name: str, after: str,
                 year: int | None, doc_date: str | None) -> str | None:
    """The catalogue's symbol for a law named at text[s:e]: the version its written number names
    ("Luật Cán bộ, công chức số 22/2008/QH12" in a 2025 document), else the version in force by the
    citing document's date (or the year written after the name)."""
    if catalogue is None or not name_key:
        return None
    if re.match(r"\s+của\s+(?:Hội\s+đồng\s+nhân\s+dân|HĐND|Ủy\s+ban\s+nhân\s+dân|Uỷ\s+ban\s+nhân\s+dân|UBND)", after):
        return None  # "Luật Ban hành VBQPPL của HĐND, UBND (2004)" is another law than the catalogue's
    written = _WRITTEN_LAW_NUMBER.match(after)
    resolved = _written_version(catalogue, name_key, written.groups(), _in_amending_title(text, s, e)) if written else None
    if not resolved:
        entry = catalogue.resolve(name, year=year, on=doc_date)
        resolved = entry.symbol if entry else None
    return resolved


_WRITTEN_LAW_NUMBER = re.compile(r"\s*,?\s*(?:số\s*:?\s*)?(\d{1,3})\s*/\s*((?:19|20)\d\d)\s*/\s*((?:PL-UBTVQH|UBTVQH|QH)\d{1,2})(?![\w/])")


_AMEND_OPEN = re.compile(r"sửa\s+đổi\s*,?\s*bổ\s+sung", re.I)


def _in_amending_title(text: str, s: int, e: int) -> bool:
    """True for an amending law's own name ("Luật sửa đổi, bổ sung ... của Luật X") and for a law
    named inside one (its "Luật X"): a number written after either may be X's or the amending law's."""
    if _AMEND_OPEN.search(text, s, e):
        return True
    before = re.split(r";|\n\s*\n|Căn cứ", text[max(0, s - 400):s])[-1]
    hits = list(_AMEND_OPEN.finditer(before))
    return bool(hits) and not re.search(r"\d", before[hits[-1].end():])


def _written_version(catalogue, name: str, parts: tuple[str, str, str], amending: bool) -> str | None:
    """The version a number written after a law's name picks, or None to fall back on the date.

    The number wins when the catalogue knows it under this name, or does not know it and the
    mention is a plain one; a number the catalogue gives to another law (an amending law's, or
    a misnaming), or one after an amending law's title, decides nothing."""

    def named(entry) -> bool:
        return entry is not None and fold_key(name) in {fold_key(n) for n in (entry.name, *entry.aliases)}

    sym = _law_symbol(catalogue, *parts)
    known = catalogue.get(sym)
    if known is None:
        return None if amending else sym
    if named(known):
        return sym
    # "Luật Di sản văn hóa số 32/2009/QH12": the number of the law that amended it -> the version amended
    if known.amends and named(catalogue.get(known.amends)):
        return known.amends
    return None


def _law_symbol(catalogue, number: str, year: str, term: str) -> str:
    """A law number as written, in the catalogue's spelling when it knows it ("2/2011/QH13" -> "02/2011/QH13")."""
    for sym in (f"{int(number):02d}/{year}/{term}", f"{int(number)}/{year}/{term}", f"{number}/{year}/{term}"):
        if sym in catalogue:
            return sym
    return f"{number}/{year}/{term}"


_NOT_SPACE = re.compile(r"\S")


def _name_window(text: str, s: int) -> int:
    """Where the search for the end of a name starting at ``s`` may stop looking.

    A name longer than 120 characters is dropped, so only a stop before ``s + 121`` matters. The
    window reaches 8 characters past the first non-space at or after ``s + 121``: a stop that begins
    before ``s + 121`` is a character, a blank line or spaces and a short word, so it ends inside the
    window and is found as in the whole text; a stop the window cuts short (``$`` or ``\\b`` at its
    edge) begins after that non-space, past ``s + 120``, and the name is dropped as before. Without
    a window, a text of names without stops cost time quadratic in its length.
    """
    k = _NOT_SPACE.search(text, s + 121)
    return len(text) if k is None else min(len(text), k.start() + 8)


_KEYS_CACHE: dict = {}
_KEY_PREFIXES: dict = {}


def _catalogue_keys(catalogue) -> dict:
    if catalogue is None:
        return {}
    k = id(catalogue)
    if k not in _KEYS_CACHE:
        keys = {fold(n).replace(" ,", ","): n for n in catalogue.names()}
        # the same names written without their commas ("Luật Thi đua khen thưởng")
        for key, n in list(keys.items()):
            keys.setdefault(" ".join(key.replace(",", " ").split()), n)
        _KEYS_CACHE[k] = keys
        pre = set()
        for key in _KEYS_CACHE[k]:
            words = key.split(" ")
            for i in range(1, len(words) + 1):
                pre.add(" ".join(words[:i]))
        _KEY_PREFIXES[k] = pre
    return _KEYS_CACHE[k]


_PARTIAL_FIRST = {w.split()[0] for w in _TYPE_BY_WORD if w} | {"NĐ", "NQ", "QĐ", "TT", "CT", "KL", "KH", "CV", "HD"}
_PARTIAL_CASED = {f(w) for w in _PARTIAL_FIRST for f in (str.capitalize, str.upper) if f(w)[:1].isupper()}


def _register_anchor_words():
    add_anchor_words(_PARTIAL_CASED)


_register_anchor_words()


def find_partial(text: str, taken: list[tuple[int, int]], caps: list[tuple[int, str]] | None = None) -> list[RawCitation]:
    """"Nghị quyết 57", "Nghị định 59/2023": a number without a full symbol.

    Tried only where a type word may start (capitalised words, shared with the unit scan, and
    "văn bản"), not at every position of the text.
    """


    caps = capital_words(text) if caps is None else caps
    starts = [p for p, w in caps if w in _PARTIAL_CASED]
    i = text.find("văn bản")
    while i != -1:
        starts.append(i)
        i = text.find("văn bản", i + 1)
    starts.sort()
    taken = sorted(taken)
    tstarts = [x for x, _ in taken]
    out = []
    last = 0
    for p in starts:
        if p < last or (p and text[p - 1].isalnum()):
            continue
        m = R.PARTIAL.match(text, p)
        if not m:
            continue
        s, e = m.span()
        k = bisect.bisect_right(tstarts, e) - 1
        if k >= 0 and taken[k][1] > s:  # overlaps a full citation
            continue
        if _PARTIAL_NOT.match(text, e, e + 4):
            continue
        out.append(RawCitation(start=s, end=e, kind="partial", type=_type_from_word(m.group("tword")), symbol=None,
                               number=m.group("pnum"), year=int(m.group("pyear")) if m.group("pyear") else None))
        last = e
    return out


def find_self(text: str, own_type: str | None) -> list[RawCitation]:
    """"Kế hoạch này", "Quyết định này": the document itself (found from the word "này")."""
    out = []
    i = text.find(" này")
    while i != -1:
        st = max(0, i - 40)
        for m in R.SELF.finditer(text, st, i + 4):
            if m.end() == i + 4:
                out.append(RawCitation(start=m.start(), end=m.end(), kind="self",
                                       type=_type_from_word(m.group("tword")), symbol=None))
                break
        i = text.find(" này", i + 1)
    return out
