"""Stage 3c: organisations and units named in the text, abbreviations merged.

``find_units(text, start, end)`` returns unit mentions (name, start, end) in a stretch of the clean
text; ``merge_units`` groups mentions into ``Unit`` facts (UBND ↔ Ủy ban nhân dân, initials such
as TCHCQT ↔ Phòng Tổ chức - Hành chính - Quản trị).

    >>> [m.name for m in find_units("Giao Trung tâm Thông tin tăng cường tin, bài; báo cáo Sở Nội vụ.")]
    ['Trung tâm Thông tin', 'Sở Nội vụ']
    >>> [m.name for m in find_units("Bộ Y tế, Bộ Văn hóa, Thể thao và Du lịch phối hợp")]
    ['Bộ Y tế', 'Bộ Văn hóa, Thể thao và Du lịch']
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .clean import fold

__all__ = ["Mention", "find_units", "unit_key", "merge_units", "UNIT_HEAD"]

_UPPER = "".join(c for c in map(chr, range(0xC0, 0x1EFA)) if c.isupper() and c.isalpha())
_LOWER = "".join(c for c in map(chr, range(0xC0, 0x1EFA)) if c.islower() and c.isalpha())
_CAP = "[A-Z" + _UPPER + "]"
_LOW = "[a-z" + _LOWER + "]"
_CAPW = _CAP + r"[\wÀ-ỹ]*"  # a capitalised syllable (or an acronym: UBND)
_LOWW = r"(?:" + _LOW + r"[\wà-ỹ]*)"
_STOPW = r"(?:và|của|về|có|theo|tại|với|trong|các|để|thì|là|được|đã|sẽ|đang|chưa|không|vẫn|cũng|cần|phải|trình|đề|chủ|phối|tổ|thực|báo|triển|tham|xây|chịu|căn)\b"
_NAMEGROUP = _CAPW + r"(?:\s+(?!" + _STOPW + r"|[a-zđ]\))" + _LOWW + r")?"
_GROUPS = _NAMEGROUP + r"(?:[ \t]+(?!" + r"(?:Bộ|Sở|Ban|Phòng|UBND|Ủy|Uỷ|Trung|Văn|Nhà|Cục|Chi|Tổng|Vụ)\b)" + _NAMEGROUP + r")*"

# organisation heads that take a proper name after them
_NAMED_HEADS = [
    "Ủy ban nhân dân", "Uỷ ban nhân dân", "UBND", "Hội đồng nhân dân", "HĐND", "Ủy ban", "Uỷ ban",
    "Văn phòng", "Nhà khách", "Trung tâm", "Phòng", "Sở", "Bộ", "Ban", "Cục", "Chi cục", "Tổng cục", "Vụ",
    "Công an", "Bảo hiểm xã hội", "Ngân hàng", "Kho bạc Nhà nước", "Kho bạc", "Thanh tra", "Đài", "Thông tấn xã",
    "Báo", "Cổng thông tin điện tử", "Cổng Thông tin điện tử", "Trường", "Viện", "Hội", "Liên đoàn", "Mặt trận",
    "Đoàn", "Tỉnh ủy", "Tỉnh uỷ", "Thành ủy", "Huyện ủy", "Đảng ủy", "Khu", "Tòa án", "Viện kiểm sát",
    "Kiểm toán", "Chi nhánh", "Tổng công ty", "Công ty", "Học viện", "Đại học", "Bệnh viện",
]
_PERSON_HEADS = ["Chủ tịch", "Phó Chủ tịch", "Giám đốc", "Phó Giám đốc", "Bộ trưởng", "Thủ trưởng", "Người đứng đầu",
                 "Chánh Văn phòng", "Trưởng phòng", "Trưởng ban", "Thủ tướng Chính phủ", "Thủ tướng"]
UNIT_HEAD = r"(?:" + "|".join(r"\s+".join(map(re.escape, h.split())) for h in sorted(_NAMED_HEADS + _PERSON_HEADS, key=len, reverse=True)) + r")"

_JURIS = (r"(?:cấp\s+(?:tỉnh|huyện|xã|trung\s+ương)(?:\s*,\s*cấp\s+(?:tỉnh|huyện|xã))*(?:\s+ở\s+địa\s+phương)?"
          r"|các\s+cấp"
          r"|(?:các\s+)?tỉnh\s*,\s*thành\s+phố(?:\s+trực\s+thuộc\s+[Tt]rung\s+ương)?"
          r"|các\s+huyện\s*,\s*(?:thị\s+xã\s*,\s*)?thành\s+phố(?:\s+thuộc\s+tỉnh)?"
          r"|các\s+xã\s*,\s*(?:phường\s*,\s*)?thị\s+trấn"
          r"|(?:tỉnh|thành\s+phố|huyện|quận|thị\s+xã|xã|phường|thị\s+trấn)(?:[ \t]+" + _CAPW + r")*)")

# named unit: head + name groups joined by và / , / - / & (never into another head)
_NEXT_GROUP = r"(?:[ \t]*(?:,|và|-|&)\s*(?!" + UNIT_HEAD + r"\b)" + _GROUPS + r")"
_KNOWN = ["Bộ Kế hoạch và Đầu tư", "Bộ Nông nghiệp và Phát triển nông thôn", "Bộ Lao động - Thương binh và Xã hội",
          "Bộ Giao thông vận tải", "Bộ Tài nguyên và Môi trường", "Bộ Thông tin và Truyền thông",
          "Ngân hàng Nhà nước Việt Nam", "Ngân hàng Nhà nước", "Bảo hiểm xã hội Việt Nam", "Thông tấn xã Việt Nam",
          "Đài Truyền hình Việt Nam", "Đài Tiếng nói Việt Nam", "Kiểm toán nhà nước", "Ủy ban Mặt trận Tổ quốc Việt Nam",
          "Mặt trận Tổ quốc Việt Nam", "Văn phòng Chính phủ", "Thanh tra Chính phủ", "Bộ Chính trị", "Ban Bí thư",
          "Ban Chấp hành Trung ương Đảng", "Ban Chấp hành Trung ương", "Ủy ban Thường vụ Quốc hội", "Uỷ ban Thường vụ Quốc hội",
          "Thủ tướng Chính phủ", "Chính phủ", "Quốc hội", "Chủ tịch nước", "Ban Thường vụ Tỉnh ủy", "Ban Thường vụ Tỉnh uỷ", "Ban Thường vụ Huyện ủy"]
_KNOWN_RE = "|".join(r"\s+".join(map(re.escape, k.split())) for k in sorted(_KNOWN, key=len, reverse=True))
_NAMED = (r"(?P<known>" + _KNOWN_RE + r")(?:\s+" + _JURIS + r")?|(?P<head>" + UNIT_HEAD + r")(?:\s+(?P<juris>" + _JURIS + r")|\s+(?P<name>" + _GROUPS + _NEXT_GROUP + r"*)"
          r"(?:\s+" + _JURIS + r")?)?")

_COLLECTIVE = [
    r"[Cc]ác\s+[Bb]ộ\s*,\s*cơ\s+quan\s+ngang\s+[Bb]ộ(?:\s*,\s*cơ\s+quan\s+thuộc\s+Chính\s+phủ)?",
    r"[Cc]ác\s+[Bb]ộ\s*,\s*ngành(?:\s*,\s*(?:địa\s+phương|cơ\s+quan))*(?:\s+(?:có\s+)?liên\s+quan)?",
    r"[Cc]ác\s+[Bb]ộ(?:\s+ở\s+Trung\s+ương)?",
    r"[Cc]ác\s+[Bb]ộ\s+trưởng",
    r"[Cc]ác\s+cơ\s+quan\s*,\s*(?:tổ\s+chức|đơn\s+vị)(?:\s*,\s*(?:cá\s+nhân|đơn\s+vị|doanh\s+nghiệp|tổ\s+chức))*(?:\s+(?:có\s+)?liên\s+quan)?",
    r"[Cc]ác\s+cơ\s+quan\s+(?:thông\s+tấn\s*,\s*báo\s+chí|có\s+liên\s+quan|liên\s+quan)",
    r"[Cc]ơ\s+quan\s*,\s*tổ\s+chức(?:\s*,|\s+và)\s+doanh\s+nghiệp\s+liên\s+quan",
    r"[Cc]ác\s+tổ\s+chức\s+(?:có\s+)?liên\s+quan",
    r"[Cc]ác\s+(?:sở|phòng)\s*,\s*(?:ban|đơn\s+vị)(?:\s*,\s*(?:ngành|đơn\s+vị))*",
    r"[Cc]ác\s+phòng\s*,\s*ban\s*,\s*đơn\s+vị",
    r"[Nn]gười\s+đứng\s+đầu\s+(?:các\s+)?(?:phòng\s*,\s*đơn\s+vị|cơ\s+quan\s*,\s*đơn\s+vị|sở\s*,\s*ban\s*,\s*ngành|cơ\s+quan|đơn\s+vị)",
    r"Thủ\s+trưởng\s+(?:các\s+)?cơ\s+quan\s+(?:ngang\s+[Bb]ộ|thuộc\s+Chính\s+phủ)(?:\s*,\s*cơ\s+quan\s+thuộc\s+Chính\s+phủ)?",
    r"Thủ\s+trưởng\s+các\s+(?:sở\s*,\s*ban\s*,\s*ngành|cơ\s+quan\s*,\s*đơn\s+vị)[^,;.\n]{0,40}?(?=[,;.\n]|\s+(?:và|chịu|có))",
    r"[Cc]ơ\s+sở\s+khám\s+bệnh\s*,\s*chữa\s+bệnh",
    r"cơ\s+quan\s+bảo\s+hiểm\s+xã\s+hội",
    r"[Hh]iệp\s+hội\s*,\s*doanh\s+nghiệp\s+liên\s+quan",
    r"[Cc]ác\s+[Kk]hu\s+[Cc]ông\s+nghệ\s+cao",
    r"[Cc]ác\s+(?:sở|ban|ngành)\s*,\s*(?:đoàn\s+thể|ban\s*,\s*ngành)(?:\s*,\s*[^,;.\n]{0,30}?)?(?=[;.\n]|\s+(?:có|chịu|và))",
    r"Chủ\s+tịch\s+(?:Ủy|Uỷ)\s+ban\s+nhân\s+dân\s+" + _JURIS,
    r"Chủ\s+tịch\s+UBND\s+" + _JURIS,
    r"Giám\s+đốc\s+(?:các\s+)?[Ss]ở(?:\s*,\s*(?:ban|ngành|Thủ\s+trưởng)[^;.\n]{0,40}?)?(?:[ \t]+" + _NAMEGROUP + r")?",
]
_UNIT_RE = re.compile(r"(?<![\wÀ-ỹ])(?:" + "|".join(f"(?:{c})" for c in _COLLECTIVE) + r"|" + _NAMED + r")(?![\wÀ-ỹ])")

# words that end a name when they come after it (verbs and function words)
_TRAIL = re.compile(r"(?:[ \t]*(?:,|và|-|&))+$")
_BARE_HEADS = {"Bộ", "Ban", "Sở", "Phòng", "Vụ", "Cục", "Hội", "Đoàn", "Khu", "Báo", "Đài", "Trường", "Viện",
               "Văn phòng", "Trung tâm", "Ủy ban", "Uỷ ban", "Công ty", "Chi nhánh", "Mặt trận", "Ngân hàng",
               "Thanh tra", "Kiểm toán", "Chủ tịch", "Phó Chủ tịch", "Giám đốc", "Phó Giám đốc", "Người đứng đầu",
               "Trưởng phòng", "Trưởng ban", "Thủ trưởng"}
_ALLOW_BARE = {"Bộ trưởng", "Thủ tướng Chính phủ", "Thủ tướng", "Tỉnh ủy", "Tỉnh uỷ", "Thành ủy", "Huyện ủy",
               "Đảng ủy", "Kho bạc Nhà nước", "UBND", "Ủy ban nhân dân", "Uỷ ban nhân dân", "Chánh Văn phòng"}
_NOT_UNIT_NAMES = re.compile(r"^(?:Bộ|Ban|Sở|Hội|Đoàn|Khu|Vụ|Phòng|Văn phòng|Trung tâm)\s+(?:Luật\b|Chỉ\s+số|Tiêu\s+chí|Quy\s+tắc|"
                             r"Quy\s+chuẩn|Tiêu\s+chuẩn|Quy\s+định|Nghị\s+định|Thông\s+tư|" + _LOW + ")")


_DASH_SPACES = re.compile(r"\s*-\s*")


@dataclass(frozen=True, slots=True)
class Mention:
    name: str  # whitespace-normalised
    start: int
    end: int


def _norm(s: str) -> str:
    s = " ".join(s.split())
    if "-" in s:
        s = _DASH_SPACES.sub(" - ", s)
    return s.replace(" ,", ",")


_CAP_WORD = re.compile(r"[A-Z" + "".join(c for c in map(chr, range(0xC0, 0x1EFA)) if c.isupper() and c.isalpha()) + r"]\w*")
_HEAD_FIRST = {h.split()[0] for h in _NAMED_HEADS + _PERSON_HEADS + _KNOWN} | {
    "Các", "Người", "Thủ", "Cơ", "Hiệp", "Giám", "Chủ", "Uỷ", "Ủy"}
_LOWER_STARTS = ("các", "người", "cơ", "hiệp")


_ANCHOR_WORDS: set[str] = set(_HEAD_FIRST)
_ANCHOR_RE: list = []


def add_anchor_words(words) -> None:
    """Let another stage share the one scan for the capitalised words it starts from."""
    _ANCHOR_WORDS.update(words)
    _ANCHOR_RE.clear()


def capital_words(text: str) -> list[tuple[int, str]]:
    """The positions of the capitalised words some stage starts from (one fast scan, shared)."""
    if not _ANCHOR_RE:
        alt = "|".join(sorted(map(re.escape, _ANCHOR_WORDS), key=len, reverse=True))
        _ANCHOR_RE.append(re.compile(r"(?:" + alt + r")(?!\w)"))
    # no word-boundary test here: the stages' own patterns refuse a start inside a word
    return [(m.start(), m.group()) for m in _ANCHOR_RE[0].finditer(text)]


def _unit_candidates(text: str, start: int, end: int, caps: list[tuple[int, str]] | None = None) -> list[int]:
    """Where a unit may start: capitalised head words and a few lower-case collectives."""
    if caps is not None and start == 0 and end == len(text):
        cands = [p for p, w in caps if w in _HEAD_FIRST]
    else:
        cands = [m.start() for m in _CAP_WORD.finditer(text, start, end) if m.group() in _HEAD_FIRST]
    for lit in _LOWER_STARTS:
        i = text.find(lit, start, end)
        while i != -1:
            cands.append(i)
            i = text.find(lit, i + 1, end)
    cands.sort()
    return cands


def unit_at(text: str, pos: int, end: int | None = None) -> "Mention | None":
    """The unit whose name starts exactly at ``pos``, if any."""
    m = _UNIT_RE.match(text, pos, len(text) if end is None else end)
    return _mention(text, m) if m else None


def _mention(text: str, m: re.Match) -> "Mention | None":
    s, e = m.span()
    raw = text[s:e]
    tm = _TRAIL.search(raw)
    if tm:
        e = s + tm.start()
        raw = text[s:e]
    name = _norm(raw)
    if not name or name in _BARE_HEADS:
        return None
    if _NOT_UNIT_NAMES.match(name) and name not in _ALLOW_BARE and not name.startswith("Bộ trưởng"):
        return None
    return Mention(name, s, e)


def find_units(text: str, start: int = 0, end: int | None = None, caps=None) -> list[Mention]:
    """Unit mentions in text[start:end], in order, without overlaps (``caps``: capital_words(text))."""
    end = len(text) if end is None else end
    out: list[Mention] = []
    last = start
    for pos in _unit_candidates(text, start, end, caps):
        if pos < last:
            continue
        m = _UNIT_RE.match(text, pos, end)
        if not m:
            continue
        men = _mention(text, m)
        if men is None:
            continue
        out.append(men)
        last = men.end
    return out


def _find_units_slow(text: str, start: int = 0, end: int | None = None) -> list[Mention]:
    """Reference implementation (a full regex pass, no candidate positions), for tests."""
    end = len(text) if end is None else end
    return [men for m in _UNIT_RE.finditer(text, start, end) if (men := _mention(text, m)) is not None]


_EXPAND = [(re.compile(r"\bUBND\b"), "Ủy ban nhân dân"), (re.compile(r"\bHĐND\b"), "Hội đồng nhân dân"),
           (re.compile(r"\bUBMTTQ\b"), "Ủy ban Mặt trận Tổ quốc")]


@functools.lru_cache(maxsize=4096)
def unit_key(name: str) -> str:
    """A key for merging: abbreviations expanded, tone placement and case folded."""
    s = name
    for rx, full in _EXPAND:
        s = rx.sub(full, s)
    s = re.sub(r"\s*-\s*", " - ", s)
    return fold(s)


def initials(name: str) -> str:
    """TCHCQT for "Phòng Tổ chức - Hành chính - Quản trị" (the head word left out)."""
    words = re.findall(r"[\wÀ-ỹ]+", name)
    if len(words) < 3:
        return ""
    body = words[1:] if words[0] in ("Phòng", "Sở", "Ban", "Trung", "Bộ", "Văn", "Vụ", "Cục") else words
    if words[0] in ("Trung", "Văn") and len(body) > 1:
        body = body[1:]
    return "".join(w[0].upper() for w in body).replace("Đ", "Đ")


def merge_units(mentions: list[Mention], text: str) -> list[tuple[str, tuple[str, ...], tuple[tuple[int, int], ...]]]:
    """Group mentions into units: (display name, aliases, mention spans)."""
    groups: dict[str, dict] = {}
    order: list[str] = []
    for m in mentions:
        k = unit_key(m.name)
        g = groups.get(k)
        if g is None:
            g = groups[k] = {"names": [], "spans": []}
            order.append(k)
        g["names"].append(m.name)
        g["spans"].append((m.start, m.end))
    # abbreviations by initials (TCHCQT) found anywhere in the text: index the capitals once
    acronyms: dict[str, list[tuple[int, int]]] = {}
    wanted = {ini for ini in (initials(max(groups[k]["names"], key=len)) for k in order) if len(ini) >= 3}
    for ini in wanted:
        i = text.find(ini)
        while i != -1:
            j = i + len(ini)
            if (i == 0 or not text[i - 1].isalnum()) and (j >= len(text) or not text[j].isalnum()):
                acronyms.setdefault(ini, []).append((i, j))
            i = text.find(ini, j)
    for k in order:
        g = groups[k]
        name = max(g["names"], key=len)
        ini = initials(name)
        if len(ini) >= 3 and ini in acronyms:
            for sp in acronyms[ini]:
                g["names"].append(ini)
                g["spans"].append(sp)
    out = []
    for k in order:
        g = groups[k]
        names = list(dict.fromkeys(g["names"]))
        display = max((n for n in names if not n.isupper() or len(names) == 1), key=len, default=names[0])
        aliases = tuple(n for n in names if n != display)
        out.append((display, aliases, tuple(sorted(set(g["spans"])))))
    return out
