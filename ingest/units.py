"""Stage 3c: organisations and units named in the text, abbreviations merged.

The names of Vietnamese public bodies form a structured, closed-ish set, so units are found by a
grammar composed of named pieces whose words are data (``data/patterns/units.json``, with
examples the tests check):

- **named** bodies: a head that takes a proper name (``Sở``, ``Ủy ban nhân dân``, ``Hội đồng``,
  ``Liên hiệp`` …) followed by the name and a jurisdiction (``Sở Nội vụ tỉnh Bắc Ninh``,
  ``Ủy ban nhân dân các xã, phường``), or a known national body (``Bộ Kế hoạch và Đầu tư``);
- **collective** forms: ``các`` + a list of body nouns + qualifiers (``các sở, ban, ngành có liên
  quan``, ``các cơ quan, đơn vị thuộc Ủy ban nhân dân tỉnh``), forces (``lực lượng Công an``),
  sectors (``ngành Giáo dục và Đào tạo``) and the authority (``cấp có thẩm quyền``);
- **persons in charge**: a title before a body (``Chủ tịch Ủy ban nhân dân các xã, phường``,
  ``Thủ trưởng các sở, ban, ngành``) or a comrade named as assignee (``đồng chí Nguyễn Văn An``).

``find_units(text, start, end)`` returns unit mentions in a stretch of the clean text;
``merge_units`` groups mentions into ``Unit`` facts (UBND ↔ Ủy ban nhân dân, initials such as
TCHCQT ↔ Phòng Tổ chức - Hành chính - Quản trị).

    >>> [m.name for m in find_units("Giao Trung tâm Thông tin tăng cường tin, bài; báo cáo Sở Nội vụ.")]
    ['Trung tâm Thông tin', 'Sở Nội vụ']
    >>> [m.name for m in find_units("Bộ Y tế, Bộ Văn hóa, Thể thao và Du lịch phối hợp")]
    ['Bộ Y tế', 'Bộ Văn hóa, Thể thao và Du lịch']
    >>> [(m.name, m.kind) for m in find_units("phối hợp với các cơ quan, đơn vị có liên quan")]
    [('các cơ quan, đơn vị có liên quan', 'collective')]
"""
from __future__ import annotations

import bisect
import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path

from .clean import fold
from .lexicon import expand as expand_abbreviations
from .lexicon import load as load_lexicon

__all__ = ["COLON_FAMILIES", "Mention", "find_units", "defined_aliases", "unit_at", "bare_units_at", "unit_key",
           "is_bare_noun", "merge_units", "UNIT_HEAD", "capital_words", "add_anchor_words", "initials", "GRAMMAR"]

DATA = Path(__file__).resolve().parent.parent / "data" / "patterns" / "units.json"
GRAMMAR = json.loads(DATA.read_text(encoding="utf-8"))

_UPPER = "".join(c for c in map(chr, range(0xC0, 0x1EFA)) if c.isupper() and c.isalpha())
_LOWER = "".join(c for c in map(chr, range(0xC0, 0x1EFA)) if c.islower() and c.isalpha())
_CAP = "[A-Z" + _UPPER + "]"
_LOW = "[a-z" + _LOWER + "]"
_CAPW = _CAP + r"[\wÀ-ỹ]*"  # a capitalised syllable (or an acronym: UBND)
_LOWW = r"(?:" + _LOW + r"[\wà-ỹ]*)"


def _alt(words) -> str:
    """An alternation of phrases, any run of blanks between their words, longest first where one
    phrase starts another ("Sở Nội vụ" before "Sở"). Written as a trie, so that the regex engine reads
    each character once instead of trying every phrase in turn: a phrase that starts a longer one is
    tried after it, as in longest-first order; phrases that part at a character cannot both match."""
    return _trie_re(_trie(" ".join(w.split()) for w in words), r"\s+")


def _trie(words) -> dict:
    """Words as a trie of characters ("" marks the end of a word)."""
    trie: dict = {}
    for w in set(words):
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return trie


def _alt_flat(words) -> str:
    """The same phrases as a flat alternation, longest first (what follows it binds to the last one)."""
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(set(words), key=len, reverse=True))


def _trie_re(node: dict, blank: str | None = None) -> str:
    """The regex of one trie node: its branches, and the empty match last when a word ends there
    (``blank``: what a space stands for, itself when None)."""
    branches = [(blank if ch == " " and blank else re.escape(ch)) + _trie_re(child, blank)
                for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        return "(?:" + body + ")?"
    return body


# words that end a name when they come after it (verbs and function words)
_STOPW = (r"(?:và|của|về|có|theo|tại|với|trong|các|để|thì|là|được|đã|sẽ|đang|chưa|không|vẫn|cũng|cần|phải|trình|"
          r"đề|chủ|phối|tổ|tổng|thực|báo|triển|tham|xây|chịu|căn|cân|bố|chỉ|hướng|kiểm|theo|rà|tiếp|thường|định|nghiên|"
          r"khẩn|quản|giám|hỗ|đôn|tăng|đẩy|tập|ban|nắm|lập|lãnh|sửa|ưu|đảm|giải|quyết|làm|đưa|gửi|"
          r"lồng|cập|huy|tuyên|phổ|đánh|thẩm|trực|mở|hoàn|nâng|nộp|trả|ký|xem|xét|xử|"
          r"khen|ứng|hằng|hàng|năm|trước|sau|khi|nhằm|đến|từ|ngay|kịp|sớm|tích|nghiêm|ngày|tháng|quý|trên|dưới|ra|"
          r"vào|lên|hoặc|nếu|do|bị|cùng|như|mà|nhưng|này|đó|đây|gồm|bao|cung|thu|phát|đối|tại|cho|với|hết|"
          r"toàn|mọi|những|một|hai|ba|về|tiến|chấp|phê|góp|tranh|tìm|sớm|xác|đúng|yêu|bổ|bắt|biết|"
          r"thành\s+(?:lập|viên)|tài\s+trợ|dự\s+(?:toán|thảo)|thông\s+(?:báo|qua))\b")  # ("Quỹ … tài trợ", "Hội đồng … thành lập",
# "Công ty … thông báo")


def _compounds(words) -> str:
    """Compound words of names, later syllables in either case ("Mặt trận [tT]ổ [qQ]uốc"), as one pattern:
    a trie of syllables, so that the compounds sharing a first syllable ("Hội đồng nhân dân", "Hội đồng
    quản trị") are tried from it once, longer ones first (``_alt``, a trie of characters, would need
    every case spelling of the later syllables and compiles a second slower at start-up)."""
    def syl(w: str) -> str:
        return f"[{w[0].lower()}{w[0].upper()}]" + re.escape(w[1:]) if w[:1].isalpha() else re.escape(w)
    trie: dict = {}
    for w in set(words):
        node = trie
        for i, x in enumerate(w.split()):
            node = node.setdefault(re.escape(x) if i == 0 else syl(x), {})
        node[""] = {}

    def rx(node: dict, first: bool) -> str:
        branches = [("" if first else r"\s+") + k + rx(child, False) for k, child in sorted(node.items()) if k]
        if not branches:
            return ""
        body = "(?:" + "|".join(branches) + ")"
        return "(?:" + body + ")?" if "" in node else body
    return rx(trie, True) + r"(?![\wÀ-ỹ])"


# a name's words: a capitalised syllable and at most one lower-case one that is no verb or function
# word, or a compound whose later syllables would read as one ("Việc làm", "Phát triển", "Đổi mới sáng tạo")
_COMPOUND = _compounds(GRAMMAR["name_compounds"]["words"])
# (a level word starts the jurisdiction, never a name's lower-case word: "… Việt Nam thành phố Hà Nội"; a name's
# "quốc gia" is its own tail, "Cục Viễn thám quốc gia", "Ban Chỉ đạo quốc gia"); a
# number closes a military or regional name ("Bộ Tư lệnh Vùng 4 Hải quân", "Quân khu 7", "khu vực XV")
_NAMEGROUP = (r"(?:" + _COMPOUND + r"|" + _CAPW + r")(?:\s+(?!" + _STOPW + r"|[a-zđ]\)|quốc\s+gia|(?:thành\s+phố|thị\s+xã|thị\s+trấn|"
              r"đặc\s+khu|tỉnh|huyện|quận|phường)(?![\wÀ-ỹ]))" + _LOWW + r"){0,1}(?:[ \t]+quốc[ \t]+gia(?![\wÀ-ỹ]))?(?:(?:(?<=Vùng)|(?<=[Kk]hu)|(?<=[Kk]hu\svực)|(?<=đoàn))"
              r"[ \t]+(?:\d{1,3}|[IVXL]{1,5})(?![\wÀ-ỹ/]|[.,-]\d))?")
# lower-case words that may bridge two capitalised parts of one name (Ban Quản lý khu Kinh tế,
# Liên hiệp các hội Khoa học và Kỹ thuật)
_BRIDGE = r"(?:khu|các\s+hội|các|cụm)"

# capitalised words that start a document's subject, never the next part of a body's name
_NOT_NAME_START = (r"(?:Quy\s+định|Hướng\s+dẫn|Ban\s+hành|Về\b|Quy\s+chế|Phê\s+duyệt|Sửa\s+đổi|Bổ\s+sung|Thực\s+hiện|"
                   r"Triển\s+khai|Tổ\s+chức\s+thực|Ngày\b|Số\b)")
_HEADS = GRAMMAR["heads"]
_TITLES = GRAMMAR["titles"]
UNIT_HEAD = r"(?:" + _alt(_HEADS + _TITLES) + r")"
_HEAD_RE = r"(?:" + _alt(_HEADS) + r")"
_GROUPS = (_NAMEGROUP + r"(?:[ \t]+(?:" + _BRIDGE + r"[ \t]+(?=" + _CAP + r"))?(?!" + r"(?:Bộ|Sở|Ban|Phòng|UBND|Ủy|Uỷ|Trung|Văn|Nhà|"
           r"Cục|Chi|Tổng|Vụ)\b)(?!" + _NOT_NAME_START + r")" + _NAMEGROUP + r")*")

# capitalised words that start what a body does, never a place's name ("Bộ Chỉ huy Quân sự tỉnh Phối hợp …")
_VERB_CAP = (r"(?:Phối|Chủ\s+trì|Có\s+trách|Chịu|Thực|Tổ\s+chức|Triển|Tham|Xây|Theo|Căn|Giao|Đề|Báo|Hướng|Kiểm|Chỉ|Rà|"
             r"Nghiên|Là\b|Được|Hỗ|Đôn|Tăng|Đẩy|Tập|Ban\s+hành|Quản|Giám|Cập|Bố|Cân|Trình|Tiếp|Khẩn|Thường|Định|Hằng|Hàng)")
_PLACE_WORD = r"(?!" + _VERB_CAP + r"(?![\wÀ-ỹ]))" + _CAPW  # (whole words: "Quảng Ngãi" is no "Quản lý")
_PLACE_NAME = _PLACE_WORD + r"(?:[ \t]+" + _PLACE_WORD + r")*(?:[ \t]*-[ \t]*" + _PLACE_WORD + r"(?:[ \t]+" + _PLACE_WORD + r")*)?"
_LEVEL = r"(?:xã|phường|đặc\s+khu|thị\s+trấn|huyện|quận|thị\s+xã|thành\s+phố|tỉnh)"
# localities listed by name ("các tỉnh: Đắk Lắk, Khánh Hòa, Gia Lai và Lâm Đồng", "các tỉnh, thành phố trực thuộc
# Trung ương: Hà Tĩnh, Quảng Trị, Huế"); past a line break only after a colon ("UBND⏎các tỉnh,⏎thành phố⏎Bộ Nội vụ,"
# is two cells of a table)
_PLACE_LIST = (r"(?:các\s+|Các\s+)(?:tỉnh|thành\s+phố)(?:\s*,\s*thành\s+phố)?(?:\s+trực\s+thuộc\s+[Tt]rung\s+ương)?(?:\s*:\s*|[ \t]+)"
               + _PLACE_NAME + r"(?:[ \t]*,\s*" + _PLACE_NAME + r")*(?:[ \t]*,?\s+và\s+" + _PLACE_NAME + r")?")
# a party committee in lower case after a title or a head ("Bí thư tỉnh ủy", "Thường trực tỉnh ủy",
# "Bí thư đảng ủy xã Tân Phú"; not "Ủy ban nhân dân tỉnh ủy quyền cho …", which delegates)
_PARTY_COMMITTEE = (r"(?:tỉnh|thành|huyện|quận|đảng)[ \t]+(?:ủy|uỷ)(?![\wÀ-ỹ])(?!\s+(?:quyền|thác|nhiệm|viên)(?![\wÀ-ỹ]))(?:[ \t]+(?:" + _LEVEL + r"[ \t]+)?"
                    + _PLACE_NAME + r")?")
_JURIS = (r"(?:" + _PLACE_LIST.replace("(?:các\\s+|Các\\s+)", "các\\s+", 1) + r"|cấp\s+(?:tỉnh|huyện|xã|trung\s+ương|cơ\s+sở)(?:\s*,\s*cấp\s+(?:tỉnh|huyện|xã))*(?:\s+ở\s+địa\s+phương)?"
          r"|các\s+cấp"
          r"|(?:các\s+)?tỉnh\s*,\s*thành\s+phố(?:\s+trực\s+thuộc\s+[Tt]rung\s+ương)?"
          r"(?:[ \t]+từ[ \t]+" + _PLACE_NAME + r"[ \t]+(?:đến|tới)[ \t]+" + _PLACE_NAME + r")?"  # "… từ Hà Tĩnh đến Khánh Hòa"
          r"|(?:các\s+)?" + _LEVEL + r"(?:\s*[,/]\s*" + _LEVEL + r")+(?:\s*(?:,|và|hoặc)\s*" + _LEVEL + r")?(?:\s+(?:thuộc\s+tỉnh|trực\s+thuộc))?"
          r"|các\s+" + _LEVEL + r"(?:\s+trực\s+thuộc\s+[Tt]rung\s+ương)?(?![\wÀ-ỹ])(?![ \t]*[:/])"  # "Ủy ban nhân dân các phường" (one level, in
          # the plural; not "… các xã: Gia Thuận, Tân Điền", the list of places a colon opens)
          r"|" + _PARTY_COMMITTEE + r"|(?:tỉnh|thành\s+phố|Tỉnh|Thành\s+phố|huyện|quận|thị\s+xã|xã|phường|thị\s+trấn|đặc\s+khu)(?:[ \t]+" + _PLACE_NAME + r")?"
          r"|[Tt]rung\s+ương)")

# known national bodies whose name the head grammar would cut short or not reach
_KNOWN = ["Bộ Kế hoạch và Đầu tư", "Bộ Nông nghiệp và Phát triển nông thôn", "Bộ Lao động - Thương binh và Xã hội",
          "Bộ Giao thông vận tải", "Bộ Tài nguyên và Môi trường", "Bộ Thông tin và Truyền thông",
          "Bộ Nông nghiệp và Môi trường", "Bộ Dân tộc và Tôn giáo", "Bộ Giáo dục và Đào tạo", "Bộ Khoa học và Công nghệ",
          "Ngân hàng Nhà nước Việt Nam", "Ngân hàng Nhà nước", "Bảo hiểm xã hội Việt Nam", "Thông tấn xã Việt Nam",
          "Đài Truyền hình Việt Nam", "Đài Tiếng nói Việt Nam", "Kiểm toán nhà nước", "Kiểm toán Nhà nước",
          "Ủy ban Mặt trận Tổ quốc Việt Nam", "Mặt trận Tổ quốc Việt Nam", "Văn phòng Chính phủ", "Thanh tra Chính phủ",
          "Bộ Chính trị", "Ban Bí thư", "Ban Chấp hành Trung ương Đảng", "Ban Chấp hành Trung ương",
          "Ủy ban Thường vụ Quốc hội", "Uỷ ban Thường vụ Quốc hội", "Thủ tướng Chính phủ", "Chính phủ", "Quốc hội",
          "Chủ tịch nước", "Ban Thường vụ Tỉnh ủy", "Ban Thường vụ Tỉnh uỷ", "Ban Thường vụ Huyện ủy",
          "Ban Thường vụ Thành ủy", "Thường trực Tỉnh ủy", "Thường trực Hội đồng nhân dân", "Thường trực HĐND",
          "Liên hiệp các hội Khoa học và Kỹ thuật", "Liên hiệp các Hội Khoa học và Kỹ thuật",
          "Liên hiệp các tổ chức hữu nghị", "Liên đoàn Lao động", "Hội Liên hiệp Phụ nữ", "Hội Cựu chiến binh",
          "Hội Nông dân", "Đoàn Thanh niên Cộng sản Hồ Chí Minh", "Tỉnh đoàn", "Thành đoàn",
          "Bộ đội Biên phòng", "Bộ Chỉ huy Quân sự", "Bộ Chỉ huy Bộ đội Biên phòng", "Kho bạc nhà nước", "Kho bạc Nhà nước",
          "Báo và Phát thanh, Truyền hình", "Đài Phát thanh và Truyền hình", "Đài Phát thanh - Truyền hình"]
# the lexicon of public bodies (data/lexicon, ingest/lexicon.py): every named body and its variants,
# and the abbreviations that stand for a whole name ("Sở KH&CN"), are known names
_LEX = load_lexicon()
_KNOWN += [n for b in _LEX.bodies for n in (b.name, *b.variants) if n[:1].isupper() and " " in n and n not in _HEADS
           and not re.search(r"\s(?:(?:cấp\s+)?(?:tỉnh|thành\s+phố|huyện|quận|thị\s+xã|xã|phường|đặc\s+khu))$", n)]
# "Tỉnh ủy" and "Tỉnh uỷ" are the same word in two spellings of the tone mark
_KNOWN += [v for n in _KNOWN for v in (n.replace("ủy", "uỷ").replace("Ủy", "Uỷ"), n.replace("uỷ", "ủy").replace("Uỷ", "Ủy"))
           if v != n]
_WHOLE_ABBR = [f for a in _LEX.abbreviations if a.kind == "name" for f in (a.abbr, *a.forms) if " " in f or "&" in f]
_KNOWN_RE = _alt(_KNOWN + _WHOLE_ABBR)

# names whose words after the head are in lower case ("Ban Quản lý các khu công nghiệp tỉnh"), printed
# with any of those words capitalised too ("Ban quản lý Khu kinh tế tỉnh", "Ban Quản lý Khu Công nghệ
# cao"); function words as they are


def _lower_named() -> str:
    """Each name as a pattern whose words after the first start in either case ("[kK]hu"), longest first."""
    def word(w: str) -> str:
        return re.escape(w) if w in ("các", "và", "nhà") else f"[{w[0].lower()}{w[0].upper()}]" + re.escape(w[1:])
    names = sorted({" ".join(n.split()) for n in GRAMMAR["lower_names"]}, key=len, reverse=True)
    return "(?:" + "|".join(r"\s+".join([re.escape(n.split()[0])] + [word(w) for w in n.split()[1:]]) for n in names) + ")"


def _joint_offices() -> str:
    """An office of two bodies ("Văn phòng HĐND - UBND", "Văn phòng Đoàn ĐBQH và HĐND"): its head, the
    first body, a joiner and the second body, each body in any of its spellings."""
    joint = GRAMMAR["joint_offices"]
    joiner = r"(?:[ \t]*(?:" + "|".join(re.escape(j) for j in joint["joiners"] if not j.isalpha()) + r")[ \t]*|\s+(?:" \
        + "|".join(j for j in joint["joiners"] if j.isalpha()) + r")\s+)"
    pairs = "|".join(_alt(first) + joiner + _alt(second) for first, second in joint["pairs"])
    return "(?:" + _alt(joint["heads"]) + r"\s+(?:" + pairs + "))"


_LOWER_NAMED = "(?:" + _joint_offices() + "|" + _lower_named() + r")(?![\wÀ-ỹ])"

# named unit: head + name groups joined by và / , / - / & (never into another head)
_NEXT_GROUP = r"(?:[ \t]*(?:,|và|-|&)\s*(?!" + UNIT_HEAD + r"\b)" + _GROUPS + r")"
_NOT_PLACE = r"(?!(?:" + _alt(sorted({h.split()[0] for h in _HEADS + _TITLES if h[:1].isupper()})) + r")(?![\wÀ-ỹ]))"
# a lower-case name with its place ("Trung tâm phục vụ hành chính công tỉnh")
_NAMED_LOWER = _LOWER_NAMED + r"(?:\s+" + _JURIS + r"|[ \t]+" + _NOT_PLACE + _PLACE_NAME + r")?"
_NAMED = (_NAMED_LOWER + r"|(?:" + _KNOWN_RE + r")(?:[ \t]+[A-ZĐ][\wÀ-ỹ]*(?=[ \t]+(?:tỉnh|thành\s+phố)\b))?(?:\s+" + _JURIS + r")?"
          r"|(?:" + _HEAD_RE + r")(?:\s+" + _JURIS + r"|\s+(?:" + _BRIDGE + r"[ \t]+(?=" + _CAP + r"))?" + _GROUPS + _NEXT_GROUP + r"*(?:\s+" + _JURIS + r")?)?")

# collective forms
_CNOUNS = GRAMMAR["collective_nouns"]
# "trường hợp", "hội nghị", "ban hành": a body noun followed by these is another word
# ("huy động các lực lượng, phương tiện, vật tư": a body noun listed with the means it brings names what is
# mobilised, not a body: "collective_means")
_BREAK = (r"(?!\s+(?:" + _alt(GRAMMAR["collective_noun_breakers"]) + r")(?![\wÀ-ỹ]))"
          r"(?![ \t]*,[ \t]*(?:" + _alt(GRAMMAR["collective_means"]) + r")(?![\wÀ-ỹ]))")
_CNOUN = r"(?:" + _alt(_CNOUNS) + r")(?![\wÀ-ỹ])" + _BREAK
_LOWER_CNOUNS = [w for w in _CNOUNS if w[:1].islower()]  # "cơ quan", "đơn vị" …
_UPPER_CNOUNS = [w for w in _CNOUNS if w[:1].isupper()]  # "Bộ", "Sở" …
_QUAL = r"(?:" + _alt(GRAMMAR["collective_qualifiers"]) + r")(?![\wÀ-ỹ])"
_SEPC = r"(?:\s*,\s*(?:các\s+)?|\s+(?:và|hoặc)\s+(?!các\s))"
# a later noun of the list is no capitalised head of a named body ("các cơ quan Trung ương, Bộ Tài chính":
# the list ends before "Bộ"); a capitalised qualifier may follow it ("các Sở, Ban, Ngành Trung ương")
# ("Các chủ rừng và lực lượng Kiểm lâm": the force is a unit of its own, not the list's last noun)
_CNOUN_NEXT = (r"(?:(?:" + _alt(_LOWER_CNOUNS) + r")(?![\wÀ-ỹ])(?!(?<=lượng)[ \t]+(?:" + _alt(GRAMMAR["forces"]) + r")(?![\wÀ-ỹ]))|(?:" + _alt(_UPPER_CNOUNS)
               + r")(?![\wÀ-ỹ])(?![ \t]+(?!Trung\s+ương|Tỉnh(?![\wÀ-ỹ])|Thành\s+phố)[A-ZĐ]))" + _BREAK)
_CBODY = _CNOUN + r"(?:" + _SEPC + _CNOUN_NEXT + r")*(?:\s+" + _QUAL + r")*"
_OPENER = r"(?:" + _alt(GRAMMAR["collective_openers"]) + r")"


def _capitalised(words: list[str]) -> list[str]:
    """The words with their first letter in upper case, as a sentence or a heading opens with them."""
    return [w[:1].upper() + w[1:] for w in words]


_CAP_CNOUN = r"(?:" + _alt(_UPPER_CNOUNS + _capitalised(_LOWER_CNOUNS)) + r")"
_PHRASES = GRAMMAR["collective_phrases"]
# (not a model of government: "chính quyền địa phương 02 cấp cơ bản vận hành thông suốt")
_CPHRASE = r"(?:" + _alt(_PHRASES + _capitalised(_PHRASES)) + r")(?![\wÀ-ỹ])(?![ \t]+(?:0?[23]|hai|ba)[ \t]+cấp(?![\wÀ-ỹ]))"
# a body named by its role in a procedure, in a sentence ("Cơ quan chủ trì có văn bản …"), not a form's label
# ("Cơ quan chủ trì: …") nor a table's column heading ("| Cơ quan chủ trì | Cơ quan phối hợp |")
_ROLES = GRAMMAR["role_phrases"]["phrases"]
_ROLE_PHRASE = (r"(?:" + _alt(_ROLES + _capitalised(_ROLES)) + r")(?=[ \t]+[a-zđà-ỹ])"
                + r"(?![ \t]+thực[ \t]+hiện\s+[A-ZĐ])")  # a flattened heading row: "… Cơ quan chủ trì thực hiện Thời hạn …"
# a list of body nouns without "các" needs "(có) liên quan" after it ("phối hợp với cơ quan có liên quan")
_RELATED = (r"(?:" + _alt(_LOWER_CNOUNS) + r")(?:" + _SEPC + _CNOUN + r")*\s+(?:có\s+)?liên\s+quan(?![\wÀ-ỹ])")
_MANAGING = GRAMMAR["managing_bodies"]
# "Sở quản lý ngành, lĩnh vực", "các cơ quan chuyên môn quản lý ngành, lĩnh vực cấp tỉnh" (before the other
# forms: "Các Sở" alone would be read first)
_MANAGED = (r"(?:" + _OPENER + r"\s+)?(?:" + _alt(_MANAGING["heads"]) + r")\s+quản\s+lý\s+(?:"
            + _alt(_MANAGING["domains"]) + r")(?![\wÀ-ỹ])(?:\s+" + _QUAL + r")*")
# "cơ quan chuyên môn về văn hóa cấp tỉnh", "Cơ quan quản lý nhà nước về xây dựng thuộc Ủy ban nhân dân tỉnh"
_ABOUT = (r"(?:" + _OPENER + r"\s+)?(?:" + _alt(_MANAGING["subject_heads"]) + r")\s+(?:" + _alt(_MANAGING["subjects"])
          + r")(?![\wÀ-ỹ])(?:\s+" + _QUAL + r")*")
# one kind of body and whom it belongs to, opening a sentence or a heading ("2. Đơn vị sự nghiệp công lập thuộc
# Ủy ban nhân dân thành phố"): a collective, as "các đơn vị …" is (not a place: "Xã thuộc tỉnh" is no body)
_OWNED_QUALS = [q for q in GRAMMAR["collective_qualifiers"] if q.startswith(("thuộc ", "trực thuộc "))]
_OWNED_KIND = (r"(?:" + _alt(_capitalised([w for w in _LOWER_CNOUNS if w not in GRAMMAR["place_nouns"]])) + r")(?![\wÀ-ỹ])"
               + r"(?:\s+khác)?\s+(?:" + _alt(_OWNED_QUALS) + r")(?![\wÀ-ỹ])")
_COLLECTIVE = (_ABOUT + r"|" + _MANAGED + r"|" + _ROLE_PHRASE + r"|" + _PLACE_LIST.replace("(?:các\\s+|Các\\s+)", "Các\\s+", 1) + r"|" + _CPHRASE + r"(?:\s+" + _QUAL + r")*|" + _RELATED + r"|" + _OPENER + r"\s+" + _HEAD_RE + r"\s+" + _GROUPS + r"|" + _OPENER + r"\s+" + _CBODY
               + r"|" + _CAP_CNOUN + r"(?:" + _SEPC + _CNOUN_NEXT + r")+(?:\s+" + _QUAL + r")*|" + _OWNED_KIND)
# a bare list of body nouns, without "các" or "liên quan" ("doanh nghiệp, viện nghiên cứu, trường đại học"):
# a unit only where a cue before it says so (assignments: "phối hợp với …"); each noun may take two
# lower-case words that are not verbs or function words
_BARE_STOP = (r"(?:và|hoặc|của|về|có|theo|tại|với|trong|các|để|thì|là|được|đã|sẽ|đang|thuộc|trực|tổ|thực|triển|tham|xây|"
              r"chủ|phối|báo|hướng|kiểm|cung|nhằm|trên|khi|cho|đến|từ|bảo|nâng|tăng|đẩy|rà|giải|quản|lập|hỗ|tuyên|"
              r"vận|tạo|bố|thường|kịp|liên|này|đó)(?![\wÀ-ỹ])")
_BARE_NOUN = (r"(?:" + _alt(_LOWER_CNOUNS) + r")(?![\wÀ-ỹ])(?:[ \t]+(?!" + _BARE_STOP + r")"
              + _LOWW + r"){0,2}")
_BARE_LIST = re.compile(_BARE_NOUN + r"(?:(?:[ \t]*,[ \t]*|[ \t]+(?:và|hoặc)[ \t]+)" + _BARE_NOUN + r")*")
_BARE_SEP = re.compile(r"[ \t]*,[ \t]*|[ \t]+(?:và|hoặc)[ \t]+")


def bare_units_at(text: str, pos: int, end: int) -> list[Mention]:
    """The body nouns listed bare at ``pos`` ("doanh nghiệp, viện nghiên cứu"), one mention each."""
    m = _BARE_LIST.match(text, pos, end)
    if not m:
        return []
    out, s = [], pos
    for sep in _BARE_SEP.finditer(text, pos, m.end()):
        out.append(Mention(_norm(text[s:sep.start()]), s, sep.start(), "collective"))
        s = sep.end()
    out.append(Mention(_norm(text[s:m.end()]), s, m.end(), "collective"))
    return [x for x in out if x.name]


_FORCE = (r"(?:(?:các|Các)\s+)?(?:lực\s+lượng|Lực\s+lượng)\s+(?:" + _alt(GRAMMAR["forces"]) + r")(?![\wÀ-ỹ])"
          r"(?:\s+(?:tỉnh|thành\s+phố|Tỉnh|Thành\s+phố|cấp\s+xã|xã|có\s+liên\s+quan|liên\s+quan))?")
# (the look-ahead binds to the shortest sector only, as it always has: the flat alternation keeps that)
_SECTOR = (r"(?:cơ\s+quan|ngành|Ngành)\s+(?:" + _alt_flat(GRAMMAR["sectors"]) + r"(?![\wÀ-ỹ])|" + _GROUPS + _NEXT_GROUP + r"*)"
           r"(?:\s+(?:tỉnh|thành\s+phố|Tỉnh|Thành\s+phố))?")
_AUTHORITY = r"(?:(?:các\s+)?(?<![Pp]hân\s)cấp\s+(?:có\s+)?|(?:[Cc]ác\s+)?(?:cơ\s+quan|Cơ\s+quan)\s+có\s+)thẩm\s+quyền"  # "báo cáo (các) cấp (có) thẩm quyền"
# (not "Phân cấp thẩm quyền ban hành …": handing powers down)
# a person: a family name and one to three more capitalised words ("Trần Hồng Hà"; a PDF line may break it)
_PERSON_NAME = r"(?:" + _alt(GRAMMAR["surnames"]["names"]) + r")(?:\s+" + _CAPW + r"){1,3}"
# a person's name after "đồng chí", a title in front or not ("đồng chí Phó Giám đốc Nguyễn Văn A")
_NAME_RUN = r"(?:(?:" + _alt(_TITLES) + r")\s+)?" + _CAPW + r"(?:[ \t]+" + _CAPW + r"){1,4}"
_APPOSITION = r"(?:[ \t]*,[ \t]*(?:" + _alt(_TITLES) + r")(?:\s+(?:" + _NAMED + r"))?)?"
# a named body after a title must carry its name or jurisdiction ("Giám đốc Sở Nội vụ"); a bare head
# there starts a collective ("Thủ trưởng Sở, ban, ngành")
_NAMED_STRICT = (r"(?:" + _KNOWN_RE + r")(?:\s+" + _JURIS + r")?|(?:" + _HEAD_RE + r")(?:\s+" + _JURIS + r"|\s+(?:" + _BRIDGE
                 + r"[ \t]+(?=" + _CAP + r"))?" + _GROUPS + _NEXT_GROUP + r"*(?:\s+" + _JURIS + r")?)")
# ("Hội" of "Hội đồng", a council, is no collective noun: "Chủ tịch Hội đồng thành viên")
# ("Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ …", "các Phó Thủ tướng": the ministers, the deputies, in the plural)
# (a title that names its body, "Thủ tướng Chính phủ", "Chủ tịch nước", takes no other: "báo cáo Thủ tướng Chính
# phủ⏎Bộ Khoa học và Công nghệ" ends one table cell and starts the next)
_TITLE_BODY = (r"(?:[Cc]ác\s+(?=Bộ\s+trưởng|Phó\s+Thủ\s+tướng|Thứ\s+trưởng|Phó\s+Chủ\s+tịch|Phó\s+Giám\s+đốc))?(?:" + _alt(_TITLES) + r")(?:(?<!Chính\sphủ)(?<!Chủ\stịch\snước)\s+(?:" + _NAMED_LOWER + r"|" + _PARTY_COMMITTEE + r"|" + _NAMED_STRICT + r"|" + _COLLECTIVE + r"|(?![Hh]ội\s+đồng)(?:các\s+)?" + _CBODY
               + r"|(?:Các\s+)?(?![Hh]ội\s+đồng)" + _CAP_CNOUN + r"(?:" + _SEPC + _CNOUN + r")*(?:\s+" + _QUAL + r")*"  # "Thủ trưởng Cơ quan ngang Bộ"
               + r"|" + _NAMED + r"|[Hh]ội\s+đồng(?:\s+(?:quản\s+trị|quản\s+lý|thành\s+viên))?(?![\wÀ-ỹ])))?(?:\s+" + _PERSON_NAME + r")?")
# "đồng chí" before a title and its body ("đồng chí Bộ trưởng Bộ Xây dựng"), or before a person's name
# (the apposition, ", Phó Giám đốc Sở X", follows a person's name only: after a title it is the next unit)
_PERSON = (r"(?:(?:[Cc]ác\s+)?(?:đồng\s+chí|Đồng\s+chí)|đ/c|Đ/c)\s+(?:" + _TITLE_BODY + r"(?![ \t]+" + _CAP + r")|"
           + _NAME_RUN + _APPOSITION + r")")

# a body or person named by what it does, as the subject of a duty ("Đơn vị thoát nước có trách nhiệm …",
# "Người sử dụng Hệ thống có trách nhiệm …", "Cơ quan thanh tra khẩn trương …"): the words after a capitalised
# head, right before the duty (the other forms would read the bare head, which names no body); not a list
# ("Cơ quan, tổ chức …", "… và cơ quan có thẩm quyền"), not a title ("Người đứng đầu")
_DESCRIBING = GRAMMAR["described_bodies"]


def _phrases(words) -> str:
    """Whole phrases (``_alt``'s trie), their words apart by blanks on one line."""
    return r"(?:" + _trie_re(_trie(" ".join(w.split()) for w in words), r"[ \t]+") + r")(?![\wÀ-ỹ])"


_DUTY = _phrases(_DESCRIBING["duties"])
_PARTY_DUTY = _phrases(_DESCRIBING["duties"] + _DESCRIBING["party_duties"])
_DESCRIBED_WORD = r"(?!" + _DUTY + r"|(?:" + _alt(_DESCRIBING["stops"]) + r")(?![\wÀ-ỹ]))[a-zà-ỹđ][a-zà-ỹđ]*"
# "và" joins two words of one description ("Đơn vị vận hành hệ thống điện và thị trường điện quốc gia"), not two
# bodies ("… và cơ quan có thẩm quyền", "… và chủ sở hữu công trình")
_JOINED_WORD = (r"và(?=[ \t]+(?!(?:cơ[ \t]+quan|đơn[ \t]+vị|người|tổ[ \t]+chức|doanh[ \t]+nghiệp|chủ|nhà[ \t]+đầu[ \t]+tư|"
                r"các|những|cá[ \t]+nhân)(?![\wÀ-ỹ]))[a-zà-ỹđ])")
# a blank, or a line break inside the sentence (the next line goes on in lower case, as PDF text runs on)
_RUN_ON = r"(?:[ \t]+|[ \t]*\n[ \t]*(?=[a-zà-ỹđ]))"
_DESCRIBED_MORE = (r"(?:,?" + _RUN_ON + r"(?:" + _DESCRIBED_WORD + r"|" + _JOINED_WORD + r"|(?!" + _HEAD_RE + r")[A-ZĐ][a-zà-ỹđ]+)){0,"
                   + str(_DESCRIBING["max_words"] - 1) + r"}")
# a party a regulation binds ("Doanh nghiệp …", "chủ sở hữu …"): capitalised, or in lower case after a comma
# or "và" (a condition before it, or a list)
_PARTIES = _DESCRIBING["party_heads"]
_LOWER_PARTIES = _alt([w[0].lower() + w[1:] for w in _PARTIES])
_PARTY_HEAD = (r"(?:" + _alt(_PARTIES) + r"|(?<=,[ \t])(?:" + _LOWER_PARTIES + r")|(?<=và[ \t])(?:" + _LOWER_PARTIES
               + r"))(?![\wÀ-ỹ])")
# another party of the same list, whose description reaches the duty they share
_NEXT_PARTY = (r"(?:[ \t]*,[ \t]*|[ \t]+(?:và|hoặc)[ \t]+)(?:" + _alt(_PARTIES) + r"|" + _LOWER_PARTIES
               + r")(?![\wÀ-ỹ])" + r"(?:[ \t]+" + _DESCRIBED_WORD + _DESCRIBED_MORE + r")?[ \t]+" + _PARTY_DUTY)
_DESCRIBED = (r"(?!(?:" + _alt(_TITLES) + r")(?![\wÀ-ỹ]))(?:(?:" + _alt(_DESCRIBING["heads"]) + r")[ \t]+" + _DESCRIBED_WORD
              + _DESCRIBED_MORE + r"(?=" + _RUN_ON + _DUTY + r")|" + _PARTY_HEAD + r"(?:[ \t]+(?:(?:các|những)[ \t]+)?"
              + _DESCRIBED_WORD + _DESCRIBED_MORE
              + r")?(?=" + _RUN_ON + _PARTY_DUTY + r"|" + _NEXT_PARTY + r"))")
_UNIT_RE = re.compile(
    r"(?<![\wÀ-ỹ])(?:(?P<person>" + _PERSON + r")|(?P<auth>" + _AUTHORITY + r")|(?P<force>" + _FORCE + r")"
    r"|(?P<described>" + _DESCRIBED + r")"
    r"|(?P<coll>" + _COLLECTIVE + r")|(?P<title>" + _TITLE_BODY + r")|(?P<sector>" + _SECTOR + r")|(?P<named>" + _NAMED + r")"
    r")"
    r"(?![\wÀ-ỹ])")
# what describes a collective before the duty it is the subject of ("các cơ quan, tổ chức, đơn vị được phân cấp
# thẩm quyền tại Điều 3 có trách nhiệm …"), as a described body's words, no comma (no stop word: "các cơ quan …
# phải", "… và …"; not a list: "Các doanh nghiệp viễn thông, chủ sở hữu hạ tầng có trách nhiệm"); not how or
# when it acts ("căn cứ chức năng, nhiệm vụ", "theo …", "trong phạm vi …", "khi …") nor what it relates to ("các
# sở, ban, ngành có liên quan tới việc thực hiện Kế hoạch này")
_TAIL_WORD = (r"(?!(?:căn[ \t]+cứ|theo|trong|trên|khi|nếu|tới|đến|về|cho|đối[ \t]+với|chủ[ \t]+động|kịp[ \t]+thời|tiếp[ \t]+tục|"
              r"tăng[ \t]+cường)(?![\wÀ-ỹ]))(?:(?!" + _CAP + r")" + _DESCRIBED_WORD + r"|(?!" + _HEAD_RE + r")[A-ZĐ][a-zà-ỹđ]+|\d{1,3})")
_COLLECTIVE_DESCRIBED = re.compile(r"[ \t]+" + _TAIL_WORD + r"(?:[ \t]+" + _TAIL_WORD + r"){0,11}(?=[ \t]+" + _DUTY + r")")
# a body as the issuer of a document ("… của Bộ trưởng Bộ Công an"): named bodies and titles only
_NAMED_ONLY_RE = re.compile(r"(?<![\wÀ-ỹ])(?:(?P<title>" + r"(?:" + _alt(_TITLES) + r")(?:\s+(?:" + _NAMED + r"))?)|"
                            r"(?P<named>" + _NAMED + r"))(?![\wÀ-ỹ])")

_TRAIL = re.compile(r"(?:[ \t]*(?:,|và|-|&|hoặc|(?<=[ \t])(?<!trực[ \t])thuộc))+$")  # "Quỹ Bảo vệ môi trường thuộc" (its owner is no name)
# what a text ends with when _TRAIL finds something in it ($ also matches before a final line break)
_TRAIL_ENDS = (",", "và", "-", "&", "hoặc", " thuộc", "\n")
_BARE_HEADS = {"Bộ", "Ban", "Sở", "Phòng", "Vụ", "Cục", "Hội", "Đoàn", "Khu", "Báo", "Đài", "Trường", "Viện", "Cơ quan",
               "Văn phòng", "Trung tâm", "Ủy ban", "Uỷ ban", "Công ty", "Tập đoàn", "Tổng công ty", "Chi nhánh", "Mặt trận", "Ngân hàng", "Quỹ",
               "Thanh tra", "Kiểm toán", "Chủ tịch", "Phó Chủ tịch", "Giám đốc", "Phó Giám đốc", "Người đứng đầu",
               "Trưởng phòng", "Trưởng ban", "Trưởng Ban", "Thủ trưởng", "Hội đồng", "Hiệp hội", "Liên hiệp", "Thuế", "Thống kê",
               "Trưởng", "Thành viên", "Thường trực", "Tổ", "Trạm", "Hạt", "Đội", "Cụm", "Khối", "Tạp chí", "Bí thư",
               "Cảnh sát", "Hải quan", "Tòa án", "Viện kiểm sát", "Chi bộ", "Đảng bộ", "Học viện", "Đại học", "Bệnh viện",
               "Thứ trưởng", "Cục trưởng", "Vụ trưởng", "Hiệu trưởng", "Tổ trưởng", "Chi cục trưởng", "Tổng Giám đốc",
               "Ban Quản lý", "Ban Chỉ huy", "Bộ Chỉ huy", "Tổ công tác", "Liên đoàn", "Nhà xuất bản",
               "Chánh Thanh tra", "Chỉ huy trưởng", "Bưu điện", "Tổng công ty", "Chi cục", "Tổng cục", "người đứng đầu",
               "thủ trưởng"}
_ALLOW_BARE = {"Bộ trưởng", "Thủ tướng Chính phủ", "Thủ tướng", "Tỉnh ủy", "Tỉnh uỷ", "Thành ủy", "Huyện ủy",
               "Đảng ủy", "Kho bạc Nhà nước", "UBND", "Ủy ban nhân dân", "Uỷ ban nhân dân", "Chánh Văn phòng", "Công an",
               "Phó Thủ tướng"}
_NOT_UNIT_NAMES = re.compile(r"^(?:Bộ|Ban|Sở|Hội|Hội\s+đồng|Đoàn|Khu|Vụ|Phòng|Văn phòng|Trung tâm|Cơ\s+quan|Quỹ|Tổ|Đội|Trạm|"
                             r"Cụm|Khối|Báo|Trường|Viện|Thuế|Hải\s+quan|Cảnh\s+sát)\s+(?:Luật\b|Chỉ\s+số|Tiêu\s+chí|Quy\s+tắc|"
                             r"Quy\s+chuẩn|Tiêu\s+chuẩn|Quy\s+định|Nghị\s+định|Thông\s+tư|Quyết\s+định|"
                             r"Kế\s+hoạch(?!\s*(?:[-–,]|và)\s*(?:Tài\s+chính|Đầu\s+tư))|"  # not "Vụ Kế hoạch - Tài chính"
                             r"Chương\s+trình|Đề\s+án|Dự\s+án|Nghị\s+quyết|Chỉ\s+thị|(?!" + _LEVEL + r"(?![\wÀ-ỹ])|cấp\s|các\s|trung\s+ương)" + _LOW + ")")
_MULTI_HEAD = re.compile(r"(?:" + _alt([h for h in _HEADS + _TITLES + _KNOWN if " " in h]) + r")(?![\wÀ-ỹ])")
_LOWER_NAMED_RE = re.compile(_LOWER_NAMED)  # "Ban quản lý Khu kinh tế tỉnh": a head, then lower case, yet a name
_NOT_COLLECTIVE = re.compile(r"^(?:[Cc]ác|[Mm]ọi)\s+(?:xã|phường|huyện|quận|tỉnh|thành\s+phố|thị\s+trấn|đặc\s+khu)$")
_DASH_SPACES = re.compile(r"\s*-\s*")


PLACES_FILE = DATA.parent.parent / "places.json"


@functools.lru_cache(maxsize=1)
def known_places() -> tuple[str, ...]:
    """The provinces and cities as printed (data/places.json)."""
    return tuple(json.loads(PLACES_FILE.read_text(encoding="utf-8"))["places"])


# a place of several words that a line break cuts, as PDFs and narrow columns do ("UBND Thành phố Hồ Chí⏎Minh"):
# its first words, ending a name, and the rest, opening the next line
_PLACE_TAILS = tuple((" " + " ".join(w[:k]), " ".join(w[k:])) for w in (p.split() for p in known_places() if " " in p)
                     for k in range(1, len(w)) if w[k] != "-")
_LINE_GAP = re.compile(r"[ \t]*\n[ \t]*")


@dataclass(frozen=True, slots=True)
class Mention:
    """A unit named in the text: its name (whitespace-normalised), where, and what kind of name it is
    (``named`` body, ``collective`` form, ``title`` of a person in charge, ``person``, ``authority``)."""

    name: str
    start: int
    end: int
    kind: str = "named"


def _across_line(text: str, men: "Mention", end: int) -> "Mention":
    """The mention with the rest of its place when a line break cuts the place ("Ủy ban nhân dân Thành phố Hồ
    Chí⏎Minh" is the city's committee, not one of a place "Hồ Chí")."""
    if text[men.end:men.end + 1] not in ("\n", " ", "\t"):
        return men
    gap = _LINE_GAP.match(text, men.end, end)
    if gap is None:
        return men
    for head, rest in _PLACE_TAILS:
        if men.name.endswith(head) and text.startswith(rest, gap.end()) and not _WORD_AT.match(text, gap.end() + len(rest)):
            stop = gap.end() + len(rest)
            return Mention(f"{men.name} {rest}", men.start, stop, men.kind)
    return men


_WORD_AT = re.compile(r"[\wÀ-ỹ]")


@functools.lru_cache(maxsize=8192)
def _norm(s: str) -> str:
    """A name as written, blanks single and around dashes (names recur: kept for the last 8,192)."""
    s = " ".join(s.split())
    if "-" in s:
        s = _DASH_SPACES.sub(" - ", s)
    return s.replace(" ,", ",")


_CAP_WORD = re.compile(r"[A-Z" + _UPPER + r"]\w*")
_HEAD_FIRST = ({h.split()[0] for h in _HEADS + _TITLES + _KNOWN} | {w.split()[0] for w in GRAMMAR["collective_openers"]}
               | {w.split()[0] for w in _CNOUNS if w[:1].isupper()}
               | {w[:1].upper() + w[1:].split()[0] for w in _CNOUNS if w[:1].islower()}
               | {"Lực", "Ngành", "Đồng", "Đ/c", "Cơ"})
_HEAD_FIRST = {w for w in _HEAD_FIRST if w[:1].isupper()}
_LOWER_STARTS = ("các", "đại", "toàn", "tất", "mọi", "lực", "cơ", "ngành", "cấp", "đồng", "đ/c", "người", "thủ", "hiệp", "tổ",
                 "đơn", "sở", "bộ", "ban", "địa", "doanh", "cá", "hội", "phòng", "chủ", "nhà", "viện", "trường", "trung",
                 "hợp", "tập", "xã", "phường", "huyện", "quận", "tỉnh", "thành", "thị", "đặc", "khu", "cụm", "khối", "đoàn",
                 "chính quyền")  # "chính quyền địa phương", "chính quyền các cấp" (not every "chính …": a frequent word)



def _lower_start_re(words) -> re.Pattern:
    """Every position where one of ``words`` starts, in one scan: one branch per first letter (a set
    of letters the regex engine skips to) and a look-ahead for the rest, so that no start inside
    another word's match is missed; a start inside a word is refused, as _UNIT_RE's look-behind does
    (tested after the look-ahead, which fails more often)."""
    rest: dict[str, list[str]] = {}
    for w in words:
        rest.setdefault(w[0], []).append(w[1:])
    return re.compile("|".join(re.escape(c) + r"(?=" + "|".join(map(re.escape, sorted(v, key=len, reverse=True))) + ")"
                               r"(?<![\wÀ-ỹ]" + re.escape(c) + r")" for c, v in rest.items()))


_LOWER_START_RE = _lower_start_re(_LOWER_STARTS)

_ANCHOR_WORDS: set[str] = set(_HEAD_FIRST)
_ANCHOR_RE: list = []


def add_anchor_words(words) -> None:
    """Let another stage share the one scan for the capitalised words it starts from."""
    _ANCHOR_WORDS.update(words)
    _ANCHOR_RE.clear()


def capital_words(text: str) -> list[tuple[int, str]]:
    """The positions of the capitalised words some stage starts from (one fast scan, shared)."""
    if not _ANCHOR_RE:
        _ANCHOR_RE.append(re.compile(r"(?:" + _trie_re(_trie(_ANCHOR_WORDS)) + r")(?!\w)"))  # longest first, as a trie
    # no word-boundary test here: the stages' own patterns refuse a start inside a word
    return [(m.start(), m.group()) for m in _ANCHOR_RE[0].finditer(text)]


def _unit_candidates(text: str, start: int, end: int, caps: list[tuple[int, str]] | None = None) -> list[int]:
    """Where a unit may start: capitalised head words and a few lower-case collective openers."""
    if caps is not None and start == 0 and end == len(text):
        cands = [p for p, w in caps if w in _HEAD_FIRST]
    else:
        cands = [m.start() for m in _CAP_WORD.finditer(text, start, end) if m.group() in _HEAD_FIRST]
    cands += [m.start() for m in _LOWER_START_RE.finditer(text, start, end)]
    cands.sort()
    return cands


# the kind of a mention by the one group of _UNIT_RE that matched (they are alternatives)
_KIND_OF_GROUP = {"person": "person", "auth": "authority", "force": "collective", "coll": "collective", "title": "title",
                  "sector": "collective", "named": "named", "described": "collective"}


def _kind(m: re.Match) -> str:
    return _KIND_OF_GROUP[m.lastgroup]


def unit_at(text: str, pos: int, end: int | None = None) -> "Mention | None":
    """The named body (or person's title with its body) whose name starts exactly at ``pos``."""
    m = _NAMED_ONLY_RE.match(text, pos, len(text) if end is None else end)
    return _mention(text, m, "title" if m and m.group("title") is not None else "named", expand=False) if m else None


# the honorific before a title ("các đồng chí Bộ trưởng, Thủ trưởng …", "đồng chí Chủ tịch Ủy ban nhân dân
# tỉnh"): the unit is the office, named without it ("các Bộ trưởng", "Chủ tịch Ủy ban nhân dân tỉnh"; the
# mention's words keep it); before a person's name it stays
_HONORIFIC_TITLE = re.compile(r"(?P<many>[Cc]ác\s+)?(?:đồng\s+chí|Đồng\s+chí|đ/c|Đ/c)\s+(?=(?:" + _alt(_TITLES) + r")(?![\wÀ-ỹ]))")


def _mention(text: str, m: re.Match, kind: str, expand: bool = True) -> "Mention | None":
    s, e = m.span()
    honorific = _HONORIFIC_TITLE.match(text, s, e) if kind == "person" else None
    if honorific:
        kind = "title"
    raw = text[s:e]
    tm = _TRAIL.search(raw) if raw.endswith(_TRAIL_ENDS) else None
    if tm:
        e = s + tm.start()
        raw = text[s:e]
    if kind in ("title", "person") and e < len(text) and text[e] == "\n":
        pm = _PERSON_TAIL.search(raw)
        if pm:  # a person's name broken by a line end ("… Chính phủ Nguyễn Hòa⏎Bình chỉ đạo")
            more = _NEXT_LINE_CAPS.match(text, e)
            if more and len(pm.group().split()) + len(more.group().split()) <= 4:
                e = more.end()
                raw = text[s:e]
    if honorific:
        raw = (honorific.group("many") or "") + text[honorific.end():e]
    name = _display(_norm(raw)) if expand else _norm(raw)
    if not name or name in _BARE_HEADS:
        return None
    if kind == "named" and _NOT_UNIT_NAMES.match(name) and name not in _ALLOW_BARE and not _MULTI_HEAD.match(name) \
            and not _LOWER_NAMED_RE.match(name):
        return None
    if kind == "collective" and _NOT_COLLECTIVE.match(name):
        return None
    if name == "Chính phủ" and _PROGRAMME_AFTER.match(text, e):
        return None  # "Chính phủ số", "Chính phủ điện tử": the digital government, not the Government
    return Mention(name, s, e, kind)


# ("… của Chính phủ số 59/2023/NĐ-CP" is the Government: a number follows)
_PROGRAMME_AFTER = re.compile(r"[ \t]+(?:số(?![ \t]*\d)|điện\s+tử)(?![\wÀ-ỹ])")


_PERSON_TAIL = re.compile(r"(?<![\wÀ-ỹ])(?:" + _alt(GRAMMAR["surnames"]["names"]) + r")(?:[ \t]+" + _CAPW + r"){0,2}$")
_NEXT_LINE_CAPS = re.compile(r"\n" + _CAPW + r"(?:[ \t]+" + _CAPW + r")?(?=[ \t]+" + _LOW + r"|[ \t]*[,.;:]|[ \t]*$)")
_CAPS_RUN = re.compile(_CAP + "{3,}")  # a run of three capitals or more (initials: TCHCQT)


@functools.lru_cache(maxsize=None)
def _caps_runs_from(letter: str) -> re.Pattern:
    """The whole runs of _CAPS_RUN that start with ``letter``: opening with the literal, the regex engine
    skips to it as fast as str.find (a scan for any capital tests every character of the text)."""
    return re.compile(re.escape(letter) + r"(?<!" + _CAP + re.escape(letter) + r")" + _CAP + "{2,}")
_ABBR_MARK = re.compile(r"[A-ZĐ]{2,}|&")


@functools.lru_cache(maxsize=8192)
def _display(name: str) -> str:
    """The full name a unit is known by: its abbreviations written out (Sở KH&CN → Sở Khoa học và Công
    nghệ, UBND tỉnh → Ủy ban nhân dân tỉnh); the printed form stays an alias of the unit."""
    return expand_abbreviations(name) if _ABBR_MARK.search(name) else name


COLON_FAMILIES = GRAMMAR["colon_list_heads"]["families"]
# "Các Bộ:", "Bộ trưởng các Bộ:", "các Bộ, cơ quan:", "các Tập đoàn:" (the collective ends right before the colon)
_COLON_HEAD = re.compile(r"^(?P<title>.*?\s)?[Cc]ác\s+(?P<family>" + _alt(COLON_FAMILIES) + r")(?:\s*,\s*(?:cơ\s+quan|ngành)"
                         r"(?:\s+ngang\s+[Bb]ộ)?)*$")


@functools.lru_cache(maxsize=1)
def _colon_members() -> dict[str, re.Pattern]:
    """Per family, the short names of its members in the lexicon (longest first), as one pattern."""
    out = {}
    for fam in COLON_FAMILIES:
        shorts = sorted({b.name[len(fam) + 1:] for b in _LEX.bodies if b.name.startswith(fam + " ")}, key=len, reverse=True)
        if shorts:
            words = [r"\s+".join(map(re.escape, x.split())) for x in shorts]  # a PDF line may break a name
            out[fam] = re.compile(r"(?:" + re.escape(fam) + r"\s+)?(?:" + "|".join(words) + r")(?![\wÀ-ỹ])")
    return out


_COLON_SEP = re.compile(r"\s*(?:[(][A-ZĐ][A-Za-zĐ]{1,9}[)])?\s*(?:,|và)\s*(?:(?<=,)\s*và\s+)?")
# families whose members are many and mostly not in the lexicon (state corporations): a collective of
# theirs is a mention only when a colon list of members follows it ("đề nghị các Tập đoàn: Bưu chính
# Viễn thông Việt Nam, Công nghiệp - Viễn thông Quân đội tổ chức …"); alone it is no body ("các Tập đoàn
# lớn trên thế giới")
_OPEN_FAMILIES = ("Tập đoàn", "Tổng công ty")
_MEMBER_STOP = re.compile(r"[,;:(\n]|\s(?:và|cùng)\s")
_OPEN_COLON = re.compile(r"(?<![\wÀ-ỹ])[Cc]ác[ \t]+(?:Tập[ \t]+đoàn|Tổng[ \t]+công[ \t]+ty)(?=[ \t]*:)")


def _spread_colon_list(text: str, men: Mention, end: int) -> list[Mention]:
    """The members a collective lists after a colon ("Các Bộ: Tài chính, Y tế" → Bộ Tài chính, Bộ Y tế),
    each spanning its short name in the text; [] when no list follows."""
    hm = _COLON_HEAD.match(men.name)
    if not hm:
        return []
    pos = men.end
    while pos < end and text[pos] in " \t":
        pos += 1
    if pos >= end or text[pos] != ":":
        return []
    fam, title = hm.group("family"), (hm.group("title") or "").strip()
    first = men.start  # the first member's words run from the collective's ("các Bộ: Tài chính"), so that
    # it stays in the enumeration the collective was in ("gửi Báo cáo về Văn phòng Chính phủ và các Bộ: …")
    members_re = _colon_members().get(fam)
    out: list[Mention] = []
    pos += 1
    while True:
        while pos < end and text[pos] in " \t\n":
            pos += 1
        m = members_re.match(text, pos, end) if members_re else None
        if m:
            short = " ".join(m.group().split())
            name, stop_at = (short if short.startswith(fam + " ") else f"{fam} {short}"), m.end()
        elif fam in _OPEN_FAMILIES and not text.startswith(fam, pos):
            # a member the lexicon does not hold ("các Tập đoàn: Bưu chính Viễn thông Việt Nam, …"): the
            # name grammar reads it with the family's head word in front, and its words end where it ends
            # (up to the next separator: members hold no comma); a member printed with a lower-case word
            # inside ("Bưu chính viễn thông Việt Nam") is its whole stretch when that ends in a capital
            head = fam + " "
            stop = _MEMBER_STOP.search(text, pos, min(end, pos + 200))
            stretch = text[pos:stop.start() if stop else min(end, pos + 200)].rstrip()
            um = _UNIT_RE.match(head + stretch)
            one = _mention(head + stretch, um, _kind(um)) if um else None
            if one is None or one.kind != "named" or one.end <= len(head):
                break
            words = stretch.split()
            if one.end < len(head) + len(stretch) and len(words) <= 8 and words[-1][:1].isupper():
                name, stop_at = " ".join([fam] + words), pos + len(stretch)
            else:
                name, stop_at = one.name, pos + one.end - len(head)
        else:
            um = _UNIT_RE.match(text, pos, end) if out else None  # a full name among the members
            one = _mention(text, um, _kind(um)) if um else None
            if one is None or one.kind != "named":
                break
            name, stop_at = one.name, um.end()
        e = pos + len(text[pos:stop_at].rstrip())
        out.append(Mention(f"{title} {name}" if title else name, first if not out else pos, e, "named"))
        sep = _COLON_SEP.match(text, e, end)
        if not sep or sep.end() == e:
            break
        pos = sep.end()
    return out


# "Ủy ban nhân dân các xã: Gia Thuận, Tân Điền, Gò Công Đông, Tân Phú Đông" ("… 04 xã: …"): a body of the local level
# followed by the places it is named for (capitalised names of one to four syllables)
_PLACE = _CAP + r"[^\W\d_]*(?:[ \t]+" + _CAP + r"[^\W\d_]*){0,3}"
_LOCAL_COLON = re.compile(r"[ \t]+(?:các|\d{1,3})[ \t]+(?P<level>xã|phường|thị[ \t]+trấn|đặc[ \t]+khu)"
                          r"(?:[ \t]*,[ \t]*(?:xã|phường|thị[ \t]+trấn|đặc[ \t]+khu))*[ \t]*:[ \t]*")
_PLACE_RE = re.compile(_PLACE + r"(?![\wÀ-ỹ])")


def _spread_local_list(text: str, men: Mention, end: int) -> list[Mention]:
    """The places a local body lists after a colon ("Ủy ban nhân dân các xã: Gia Thuận, Tân Điền" →
    Ủy ban nhân dân xã Gia Thuận, Ủy ban nhân dân xã Tân Điền); [] unless two or more follow."""
    hm = _LOCAL_COLON.match(text, men.end, end)
    if not hm:
        return []
    level = " ".join(hm.group("level").split())
    out: list[Mention] = []
    pos = hm.end()
    while True:
        m = _PLACE_RE.match(text, pos, end)
        if not m:
            break
        out.append(Mention(f"{men.name} {level} {m.group()}", men.start if not out else pos, m.end(), "named"))
        sep = _COLON_SEP.match(text, m.end(), end)
        if not sep or sep.end() == m.end():
            break
        pos = sep.end()
    return out if len(out) >= 2 else []


# a People's Council or Committee of one province or city, then others of the same rank named after a comma
# ("UBND thành phố Hà Nội, Thành phố Hồ Chí Minh và UBND các tỉnh …", "Ủy ban nhân dân tỉnh Lào Cai, tỉnh Yên Bái"):
# each is that body of its own place
_LOCAL_HEAD = re.compile(r"(?P<head>Ủy ban nhân dân|Uỷ ban nhân dân|Hội đồng nhân dân) (?:tỉnh|thành phố|Thành phố) [A-ZĐ]")
_SAME_RANK = re.compile(r"[ \t]*(?:,|và)\s*(?P<level>[Tt]ỉnh|[Tt]hành[ \t]+phố)\s+(?P<place>" + _PLACE + r")(?![\wÀ-ỹ])")


def _spread_same_rank(text: str, men: Mention, end: int) -> list[Mention]:
    """The bodies of the same rank named after ``men`` by their places alone (its head, their level and place)."""
    hm = _LOCAL_HEAD.match(men.name)
    if not hm:
        return []
    out: list[Mention] = []
    pos = men.end
    while True:
        m = _SAME_RANK.match(text, pos, end)
        if not m:
            return out
        level = " ".join(m.group("level").lower().split())
        out.append(Mention(f"{hm.group('head')} {level} {m.group('place')}", m.start("level"), m.end(), "named"))
        pos = m.end()


# a collective's owner named in full after "thuộc" or "của" ("các đơn vị thuộc Bộ Tài chính", "các cơ quan chuyên
# môn thuộc các bộ, ngành Trung ương", "các Ban của Hội đồng nhân dân Thành phố"): the qualifiers know "thuộc Bộ",
# "thuộc Ủy ban nhân dân tỉnh" only; "thuộc, trực thuộc Bộ Nội vụ" is one owner; or the named body it sits in,
# after "tại" ("cơ quan quản lý nhà nước về điện lực tại Bộ Công Thương")
_OWNER_AT = re.compile(r"[ \t]*\n?[ \t]*(?:(?:trực\s+)?thuộc(?:[ \t]*(?:,|và|/)[ \t]*trực\s+thuộc)?|của|tại)(?:[ \t]+|[ \t]*\n[ \t]*)")
_OWNER_CUT = re.compile(r"(?<![\wÀ-ỹ])(?:trực\s+)?thuộc(?:\s+(?:Bộ|Sở))?$")
# the owner's word right after the collective, on its line or the next ("các Ban⏎của Hội đồng nhân dân tỉnh")
_OWNER_NEXT = re.compile(r"[ \t]*\n?[ \t]*(?:(?:trực[ \t]+)?thuộc|của)(?![\wÀ-ỹ])|[ \t]+tại[ \t]")


def _may_have_owner(text: str, men: Mention) -> bool:
    """A collective, or a title over one ("Thủ trưởng các đơn vị"), that "thuộc", "của" or "tại" may follow with its
    owner."""
    return (men.kind == "collective" or (men.kind == "title" and "các " in men.name)) and (
        "thuộc" in text[men.start:men.end + 13] or _OWNER_NEXT.match(text, men.end) is not None)


def _with_owner(text: str, men: Mention, end: int) -> Mention:
    """``men`` (a collective) up to the end of the body it belongs to, when that is named after "thuộc" or "của" (or
    sits in, after "tại": a named body only)."""
    raw = text[men.start:men.end]
    cut = _OWNER_CUT.search(raw)
    if cut:
        pos = men.start + cut.start()
    elif _OWNER_NEXT.match(text, men.end):
        pos = men.end
    else:
        return men
    at = _OWNER_AT.match(text, pos, end)
    if not at:
        return men
    um = _UNIT_RE.match(text, at.end(), end)
    owner = _mention(text, um, _kind(um)) if um else None
    if owner is None or owner.end <= men.end or not (
            owner.kind == "named" or (owner.kind == "collective" and text.startswith("các ", at.end()))):
        return men
    if text.startswith(" tại", pos) and owner.kind != "named":
        return men  # "cơ quan quản lý nhà nước về điện lực tại Bộ Công Thương": the body it sits in, named
    return Mention(_display(_norm(text[men.start:owner.end])), men.start, owner.end, men.kind)


def _with_description(text: str, men: Mention, end: int) -> Mention:
    """``men`` (a collective opening with "các") up to the words that describe it before its duty, when they do."""
    tail = _COLLECTIVE_DESCRIBED.match(text, men.end, end)
    if tail is None:
        return men
    return Mention(_display(_norm(text[men.start:tail.end()])), men.start, tail.end(), men.kind)


def find_units(text: str, start: int = 0, end: int | None = None, caps=None) -> list[Mention]:
    """Unit mentions in text[start:end], in order, without overlaps (``caps``: capital_words(text))."""
    end = len(text) if end is None else end
    out: list[Mention] = []
    last = start
    match = _UNIT_RE.match
    for pos in _unit_candidates(text, start, end, caps):
        if pos < last:
            continue
        m = match(text, pos, end)
        if not m:
            if text.startswith(("các T", "Các T"), pos):
                om = _OPEN_COLON.match(text, pos, end)
                members = _spread_colon_list(text, Mention(" ".join(om.group().split()), pos, om.end(), "collective"),
                                             end) if om else []
                if members:
                    out += members
                    last = members[-1].end
            continue
        men = _mention(text, m, _kind(m))
        if men is None:
            continue
        men = _across_line(text, men, end)
        if _may_have_owner(text, men):
            men = _with_owner(text, men, end)
        if men.name[:3] in ("các", "Các") and men.kind == "collective":
            men = _with_description(text, men, end)
        out.append(men)
        last = men.end
        if "ác " in men.name:
            members = _spread_colon_list(text, men, end)
            if members:  # "Các Bộ: Quốc phòng, Công an" names those two, no more
                out[-1:] = members
                last = members[-1].end
        elif text.startswith(" ", men.end) and _LOCAL_COLON.match(text, men.end, end):
            members = _spread_local_list(text, men, end)
            if members:
                out[-1:] = members
                last = members[-1].end
        elif text.startswith((",", " và"), men.end) and men.name.startswith(("Ủy", "Uỷ", "Hội")):
            members = _spread_same_rank(text, men, end)
            if members:
                out += members
                last = members[-1].end
    return out


# a body's short name defined right after it ("Quỹ nhà ở quốc gia (sau đây gọi tắt là Quỹ)", "Hội đồng
# thẩm định cấp tỉnh (sau đây gọi là Hội đồng thẩm định)"): a capitalised name of at most four words
_DEFINES = re.compile(r"\((?:[Ss]au[ \t]+đây[ \t]+)?(?:gọi|viết)[ \t]+(?:tắt[ \t]+|chung[ \t]+)?là[ \t]+[“\"]?"
                      r"(?P<alias>[A-ZĐ][\wÀ-ỹ]*(?:[ \t]+[\wÀ-ỹ]+){0,3})[”\"]?[ \t]*\)")


# a list of bodies given a descriptive name of its own ("Phòng kinh tế thuộc Ủy ban nhân dân xã, … (sau đây gọi
# là Cơ quan có chức năng quản lý đất đai cấp xã)", "Đơn vị sự nghiệp thuộc Bộ tự bảo đảm … (sau đây gọi là đơn
# vị sự nghiệp thuộc Bộ nhóm 1)"): "cơ quan", "đơn vị", "tổ chức" or "bộ phận" and at least two more words,
# commas allowed (a named body's short name, "Hội đồng thi đua", is read above, by its head)
_DEFINES_BODY = re.compile(r"\((?:[Ss]au[ \t]+đây[ \t]+)?(?:được[ \t]+)?(?:gọi|viết)[ \t]+(?:tắt[ \t]+|chung[ \t]+)?là"
                           r"[ \t]+[“\"]?"
                           r"(?P<alias>(?:[Cc]ơ[ \t]+quan|[Đđ]ơn[ \t]+vị|[Tt]ổ[ \t]+chức|[Bb]ộ[ \t]+phận)"
                           r"(?:,?[ \t]+[\wÀ-ỹ]+){2,11})[”\"]?[ \t]*\)")
_TITLE_SET = frozenset(_TITLES)
_HEAD_WORDS_BEFORE = re.compile(r"(?<![\wÀ-ỹ])(?:" + _HEAD_RE + r")(?:[ \t]+[a-zà-ỹđ][\wÀ-ỹ]*){1,6}$")


def defined_aliases(text: str, mentions: list[Mention]) -> list[Mention]:
    """Where a body is called by the short name the text defines for it, as mentions of that body (its full
    name, the short name's words as the span): "Quỹ có văn bản báo cáo …" after "Quỹ nhà ở quốc gia (sau đây
    gọi là Quỹ)"; where a name is defined twice, the latest definition holds. Not where another unit was
    read (``mentions``, in order), nor where the short name opens a longer name ("Quỹ nhà ở địa phương",
    "Quỹ Bảo vệ môi trường"). One scan for the definitions, one for each short name."""
    ends = {m.end: m for m in mentions}
    defs: dict[str, list[tuple[int, Mention]]] = {}  # short name → (end of its definition, the body), in order
    for d in _DEFINES.finditer(text):
        at = d.start()
        while at > 0 and text[at - 1] in " \t":  # the body's name ends before the blanks
            at -= 1
        body = ends.get(at)
        if body is None:  # a head and the lower-case words the grammar leaves unread ("Quỹ nhà ở quốc gia (…)")
            h = _HEAD_WORDS_BEFORE.search(text, max(0, at - 80), at)
            body = Mention(_norm(h.group()), h.start(), h.end(), "named") if h else None
        alias = " ".join(d.group("alias").split())
        if body is None or unit_key(alias) == unit_key(body.name) \
                or alias.split()[0].casefold() != body.name.split()[0].casefold() \
                or any(u.end == len(alias) for u in find_units(alias)[:1]):
            continue  # no body right before it (a name's tail, "… ngành Y tế thành phố (gọi tắt là Hội đồng thi
            # đua)", is none: the short name keeps the name's head), or a short name read as a unit of its own
        defs.setdefault(alias, []).append((d.end(), body))
    for d in _DEFINES_BODY.finditer(text):
        alias = " ".join(d.group("alias").split())
        if alias in defs or any(u.end == len(alias) for u in find_units(alias)[:1]):
            continue  # a short name of the body before it (above), or a name the grammar reads whole
        defs.setdefault(alias, []).append((d.end(), Mention(alias, d.start("alias"), d.end("alias"), "collective")))
    starts = [m.start for m in mentions]
    out: dict[int, Mention] = {}
    for alias, ds in defs.items():
        words = r"[ \t]+".join(map(re.escape, alias.split()))
        if ds[0][1].kind == "collective":  # a defined collective, in either case of its first letter
            words = f"[{words[0].lower()}{words[0].upper()}]" + words[1:]
        def_ends = [e for e, _ in ds]
        for m in re.compile(r"(?<![\wÀ-ỹ])" + words + r"(?![\wÀ-ỹ])").finditer(text, ds[0][0]):
            a, b = m.span()
            body = ds[bisect.bisect_right(def_ends, a) - 1][1]
            k = bisect.bisect_right(starts, a) - 1
            if a in out or (k >= 0 and mentions[k].start <= a < mentions[k].end
                            and not (body.kind == "collective" and mentions[k].start == a and mentions[k].end < b)):
                continue  # inside a unit read by the grammar (a defined collective may outgrow one it opens)
            nxt = body.name[len(alias):].split()[:1] if body.name.startswith(alias + " ") else []
            follow = text[b:b + 40].split()[:1]
            if follow and (follow[0][:1].isupper() or follow[0] in nxt or f"{alias} {follow[0]}" in _TITLE_SET):
                continue  # the opening of a longer name, or of a title ("Chi cục trưởng")
            out[a] = Mention(body.name, a, b, body.kind)
    return [out[a] for a in sorted(out)]


def _find_units_slow(text: str, start: int = 0, end: int | None = None) -> list[Mention]:
    """Reference implementation (a full regex pass, no candidate positions), for tests."""
    end = len(text) if end is None else end
    out: list[Mention] = []
    pos = start
    while pos < end:
        m = _UNIT_RE.search(text, pos, end)
        om = _OPEN_COLON.search(text, pos, end)
        members = []
        while om and (m is None or om.start() < m.start()) and not members:  # a state corporations' colon list first
            members = _spread_colon_list(text, Mention(" ".join(om.group().split()), om.start(), om.end(), "collective"), end)
            om = None if members else _OPEN_COLON.search(text, om.start() + 1, end)
        if members:
            out += members
            pos = members[-1].end
            continue
        if not m:
            break
        men = _mention(text, m, _kind(m))
        if men is None:
            pos = m.start() + 1
            continue
        men = _across_line(text, men, end)
        if _may_have_owner(text, men):
            men = _with_owner(text, men, end)
        if men.name[:3] in ("các", "Các") and men.kind == "collective":
            men = _with_description(text, men, end)
        out.append(men)
        pos = men.end
        if "ác " in men.name:
            members = _spread_colon_list(text, men, end)
            if members:
                out[-1:] = members
                pos = members[-1].end
        elif text.startswith(" ", men.end) and _LOCAL_COLON.match(text, men.end, end):
            members = _spread_local_list(text, men, end)
            if members:
                out[-1:] = members
                pos = members[-1].end
        elif text.startswith((",", " và"), men.end) and men.name.startswith(("Ủy", "Uỷ", "Hội")):
            members = _spread_same_rank(text, men, end)
            if members:
                out += members
                pos = members[-1].end
    return out


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


@functools.lru_cache(maxsize=4096)
def initials(name: str) -> str:
    """TCHCQT for "Phòng Tổ chức - Hành chính - Quản trị" (the head word left out)."""
    words = re.findall(r"[\wÀ-ỹ]+", name)
    if len(words) < 3:
        return ""
    body = words[1:] if words[0] in ("Phòng", "Sở", "Ban", "Trung", "Bộ", "Văn", "Vụ", "Cục") else words
    if words[0] in ("Trung", "Văn") and len(body) > 1:
        body = body[1:]
    return "".join(w[0].upper() for w in body)


def _standing_alone(text: str, words: set[str]) -> dict[str, list[tuple[int, int]]]:
    """Where each of ``words`` occurs with no letter or digit either side, in order. A word of capitals
    standing alone is a whole run of capitals: words that are no such run of the text (one scan finds
    them all) are not looked for."""
    found: dict[str, list[tuple[int, int]]] = {}
    runs: dict[str, set[str]] = {}  # the runs of capitals, by first letter (only those of the words' first letters)
    for w in words:
        if _CAPS_RUN.fullmatch(w):
            if w[0] not in runs:
                runs[w[0]] = set(_caps_runs_from(w[0]).findall(text))
            if w not in runs[w[0]]:
                continue
        i = text.find(w)
        while i != -1:
            j = i + len(w)
            if (i == 0 or not text[i - 1].isalnum()) and (j >= len(text) or not text[j].isalnum()):
                found.setdefault(w, []).append((i, j))
            i = text.find(w, j)
    return found


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
        printed = _norm(text[m.start:m.end])
        # the words as printed are another name ("UBND tỉnh"), unless they are only a colon list's short
        # name for a member ("Xây dựng" for Bộ Xây dựng) or that list's opening ("Các Bộ: Tài chính")
        if printed != m.name and ":" not in printed and not m.name.endswith(" " + printed):
            g["names"].append(printed)
        g["spans"].append((m.start, m.end))
    # abbreviations by initials (TCHCQT) found anywhere in the text: index the capitals once
    wanted = {ini for ini in (initials(max(groups[k]["names"], key=len)) for k in order) if len(ini) >= 3}
    acronyms = _standing_alone(text, wanted)
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


_BARE_NOUNS = frozenset(w for w in GRAMMAR["collective_nouns"] if w[:1].islower())


def is_bare_noun(name: str) -> bool:
    """Whether a unit's name is one kind of body alone, in lower case ("doanh nghiệp", "bộ", "cơ quan"): it names
    no body by itself, and a question that holds the words ("người quản lý doanh nghiệp") asks for no unit.

    >>> is_bare_noun("doanh nghiệp"), is_bare_noun("các doanh nghiệp"), is_bare_noun("Bộ Y tế")
    (True, False, False)
    """
    return " ".join(name.split()) in _BARE_NOUNS

