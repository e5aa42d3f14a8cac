"""The grammar of document symbols, dates and item markers, composed from named pieces.

All regular expressions of the ingest package are compiled here (the catalogue and the pattern
data are the only other sources of matching). They run on the *clean* text (see clean.py): dashes
are ``-``, Đ is U+0110, and page furniture is blanked to spaces.
"""
from __future__ import annotations

import re

from .patterns import load

_P = load()

# ------------------------------------------------------------------ pieces

# Vietnamese upper- and lower-case letters (a range like À-Ỹ would mix both cases)
UPPER = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x1EFA)) if c.isupper() and c.isalpha())
LOWER = "a-z" + "".join(c for c in map(chr, range(0xC0, 0x1EFA)) if c.islower() and c.isalpha())
UP = "[" + UPPER + "]"

# a line break inside a symbol: the separator ends a line, the symbol goes on after blanks
BREAK = r"(?:[ \t]*\n\s*)?"
# a code group of a symbol: upper-case letters, digits and &; a few codes have lower-case letters
# (TTg, CTr, QĐi, QyĐ, TTr, Ctr); they must be followed by a separator or a boundary.
CODE = r"[A-ZĐ](?:[A-ZĐ0-9&]|(?:tr|r|y|i|g|h)(?=[A-ZĐ0-9&/\-\s.,;:)]|$))*"
CODE2 = r"(?=[A-ZĐ][A-ZĐ0-9&a-z])" + CODE
DASH = r"-(?:[ \t]+(?=[A-ZĐ]{2}))?" + BREAK
SLASH = r"[ \t]*/[ \t]*" + BREAK
NUM = r"(?<![\w/.\-])(?P<num>\d{1,5}(?:\.\d{1,3})?[a-z]?)"
YEAR = r"(?P<year>(?:19|20)\d\d)"

PARTY_TYPES = ["CTrPH", "CTr", "Ctr", "QĐi", "QyĐ", "TTr", "NQ", "QĐ", "CT", "KL", "QC", "HD", "TB",
               "TC", "BC", "KH", "ĐA", "CV", "BB", "BS", "TT", "TTr", "HĐ", "TTg"]
_party_types = "|".join(sorted(set(PARTY_TYPES) | {t.upper() for t in PARTY_TYPES}, key=len, reverse=True))

# 05-CT/TW · 429-QĐ/TU · 05-CTrPH/BDVTU-BCSĐ · 37QĐ/TW (hyphen missing) · 47 - QĐ/TW
PARTY = (NUM + r"(?:[ \t]*-[ \t]*" + BREAK + r"|(?=(?:" + _party_types + r")/))"
         r"(?P<ptype>" + _party_types + r")" + SLASH +
         r"(?P<pissuer>" + CODE + r"(?:" + DASH + CODE2 + r")*)(?![\w/])")

# 59/2023/NĐ-CP · 10/2022/QH15 · 32/KH-UBND · 3266/UBND-NC · 23/VBHN-VPQH · 82/2005-QĐ-UBND
SLASHED = (NUM + SLASH + r"(?:" + YEAR + r"(?:" + SLASH + r"|-))?"
           r"(?P<tail>" + CODE + r"(?:(?:" + DASH + r"|/)" + CODE2 + r")*)(?![\w/])")

SYMBOL = re.compile(r"(?:" + PARTY + r")|(?:" + SLASHED.replace("(?P<num>", "(?P<num2>") + r")")

# ------------------------------------------------------------------ dates

DAY = r"(?P<d>0?[1-9]|[12]\d|3[01])"
MONTH = r"(?P<m>0?[1-9]|1[0-2])"
YEAR4 = r"(?P<y>(?:19|20)\d\d)"
DATE_SHORT = DAY + r"[ \t]*(?P<sep>[/.\-])[ \t]*" + MONTH + r"[ \t]*(?P=sep)[ \t]*" + YEAR4 + r"(?!\d)"
DATE_LONG = (DAY.replace("?P<d>", "?P<ld>") + r"\s+tháng\s+" + MONTH.replace("?P<m>", "?P<lm>") +
             r"\s+năm\s+" + YEAR4.replace("?P<y>", "?P<ly>") + r"(?!\d)")
DATE = re.compile(r"(?<![\d/.\-])(?:" + DATE_SHORT + r"|" + DATE_LONG + r")", re.I)
# "ngày 14/8/2023" right after a symbol (an optional comma first). The quantifiers over spaces are
# possessive (a word or a digit follows them, so giving spaces back never helps): with plain ones a
# run of spaces after a symbol costs time quadratic in its length.
DATE_AFTER = re.compile(r"[ \t]*+,?\s*+(?:ban hành\s++|ký\s++)?ngày\s++(?:" + DATE_SHORT + r"|" + DATE_LONG + r")", re.I)

# ------------------------------------------------------------------ type words and their context

_words = sorted({w for t in _P.types for w in t.words} | {"NĐ", "NQ", "QĐ", "TT", "CT", "KL", "KH", "CV", "HD"},
                key=len, reverse=True)
TYPE_WORD = r"(?P<tword>" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in _words) + r")"
# list continuation between two symbols: ", " / " và " / "; " (optionally with "số")
LIST_GAP = re.compile(r"\s*(?:,|;|và|hoặc|,\s*và)\s*(?:(?:số|Số)\s*:?\s*)?$")
# "của <issuer>" right after a symbol or its date
OF = re.compile(r"[ \t]*,?\s*của\s+", re.I)
# where a subject starts
SUBJECT_START = re.compile(
    r"[ \t]*,?\s*(?:(?P<ve>về\s+việc|về|V/v|v/v)\s+|(?=(?:ban\s+hành|quy\s+định|hướng\s+dẫn|phê\s+duyệt|sửa\s+đổi|"
    r"thành\s+lập|triển\s+khai|thực\s+hiện|bãi\s+bỏ|giao|công\s+bố|kiện\s+toàn)\s))", re.I)
# where a subject stops: ";", a full stop, an unbalanced ")", or a new numbered item or bullet
SUBJECT_STOP = re.compile(r"[;()]|\.(?=\s|$)|\n(?=[ \t]*(?:[-+•][ \t]|\d{1,2}(?:\.\d{1,2})*[.)][ \t]|[a-zđ]\)[ \t]|"
                          r"[IVX]{1,4}[.:][ \t]|Điều[ \t]+\d|Chương[ \t]|CHƯƠNG[ \t]))")
ISSUER_STOP = re.compile(
    r"\s(?:về|V/v|v/v|ban\s+hành|quy\s+định|hướng\s+dẫn|phê\s+duyệt|triển\s+khai|thực\s+hiện|tại|trong|đối\s+với|"
    r"nhằm|để|đã|được|theo|có|sửa\s+đổi|bổ\s+sung|thành\s+lập|giao|kiện\s+toàn|công\s+bố|là|cho|với|"
    r"số|ngày|năm|gửi|tổ\s+chức|tiếp\s+tục|bãi\s+bỏ|thông\s+qua|và\s+(?=[a-zđ]|(?:"
    + "|".join(re.escape(w) for w in _words if w[0].isupper()) + r")\b|các\b|số\b))\b"
    r"|[,;:.()\"“”]|\n[ \t]*\n[ \t]*\n"
    r"|\n(?=[ \t]*(?:Căn\s+cứ|Xét|Theo\s+đề\s+nghị|Trên\s+cơ\s+sở)\s)", re.I)  # the preamble's next line

SELF = re.compile(r"\b(?P<tword>" + "|".join(re.escape(w) for w in _words if w[0].isupper() and " " in w or w in ("Luật",))
                  + r")\s+này\b")

# partial references: a type word and a number, no full symbol ("Nghị quyết 57", "NĐ 59/2023")
PARTIAL = re.compile(TYPE_WORD + r"\s+(?:số\s+)?(?P<pnum>\d{1,5})(?:\s*/\s*(?P<pyear>(?:19|20)\d\d))?(?![\w/\-])")

# laws cited by name
# no leading look-behind (it would disable the regex engine's first-character skip): callers check
# that the character before is no letter
NAMED_HEAD = re.compile(r"(?P<head>Bộ\s+[Ll]uật|Luật|Hiến\s+pháp|Pháp\s+lệnh)\b(?!\s+(?:số|này|sư)\b)")

# ------------------------------------------------------------------ structure

ROMAN = r"(?P<roman>(?:X{0,3})(?:IX|IV|V?I{0,3}))"
ITEM = re.compile(
    r"^(?P<indent>[ \t]*(?:\#{1,6}[ \t]+)?)(?:"  # a Markdown heading mark (saved web pages) is indentation
    r"(?P<part>(?:PHẦN|Phần|CHƯƠNG|Chương|MỤC|Mục)\s+(?:[IVXLC]+|\d+)\b\.?)"
    r"|(?P<article>Điều\s+(?P<artnum>\d+[a-z]?)\s*[.:])"
    r"|(?=[IVX])" + ROMAN + r"\s*[.:/]\s"
    r"|(?P<dec>\d{1,2}(?:\.\d{1,2}){0,3})(?P<decend>\.|\)|(?=\s))(?:\[\d{1,3}\])?"  # "2.[18] Chủ trì …": a consolidated text's footnote mark
    r"(?:[ \t]+(?=\S)|(?<=\.)[ \t]*\n[ \t]*(?=[A-ZĐ]))"  # "2.⏎Văn phòng UBND tỉnh cập nhật …": a PDF line break after the number
    r"|(?P<letter>[a-zđ])(?:\)|\.(?=[ \t]+[A-ZĐÀÁẢÃẠĂẮẰẲẴẶÂẤẦẨẪẬÈÉẺẼẸÊẾỀỂỄỆÌÍỈĨỊÒÓỎÕỌÔỐỒỔỖỘƠỚỜỞỠỢÙÚỦŨỤƯỨỪỬỮỰỲÝỶỸỴ]))[ \t]+"
    r"|\((?P<paren>\d{1,2}|(?:i{1,3}|iv|vi{0,3}|ix|x))\)[ \t]+(?=\S)"
    r"|(?:[-+][ \t]+)?(?P<step>Bước[ \t]+(?P<stepnum>\d{1,2})[ \t]*[.:])[ \t]*(?=\S)"  # a procedure's "Bước 1." / "- Bước 1:"
    r"|(?P<dash>[-+•*▪])[ \t]+"
    r")", re.M)

PLACE_DATE = re.compile(r"" + r"(?P<place>" + UP + r"[^\n,]{1,40}),\s*ngày\s+(?P<ld>\d{1,2}|\.+|…+)\s+tháng\s*(?P<lm>\d{1,2}|\.+|…+)\s+năm\s+(?P<ly>\d{4})")
# the same without its comma, a place of capitalised words opening its line or a table cell ("Hà Nội ngày 01
# tháng 12 năm 2025"), the whole line or cell ("BTC ngày 16 tháng 11 năm 2020 của …", "Vào ngày 7 tháng 5 năm 2024,
# Bộ …" are no date lines)
PLACE_DATE_BARE = re.compile(r"(?m)(?:^|\|)[ \t]*(?P<place>(?:" + UP + r"[a-zà-ỹđ]+[ \t]+){0,3}" + UP + r"[a-zà-ỹđ]+)[ \t]+ngày\s+"
                             r"(?P<ld>\d{1,2})\s+tháng\s*(?P<lm>\d{1,2})\s+năm\s+(?P<ly>\d{4})[ \t]*(?=\||$)")

# "Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số …" (who issued the document cited next)
PROPOSED_BY = re.compile(r"(?:đề\s+nghị|ý\s+kiến|đề\s+xuất|báo\s+cáo(?:\s+thẩm\s+định)?|thẩm\s+định)\s+của\s+(?:(?:Giám\s+đốc|Bộ\s+trưởng|Thủ\s+trưởng|"
                         r"Chánh\s+Thanh\s+tra|Chủ\s+nhiệm)\s+(?=(?:Sở|Bộ|Ban|Cục|Thanh\s+tra|Văn\s+phòng|Ủy\s+ban|UBND)\b))?(?P<who>[^,;.()\n]{3,80}?)\s*,?\s+tại\s+"
                         r"(?:(?:các\s+)?" + TYPE_WORD.replace("?P<tword>", "?:") + r"\s+)?(?:số\s*:?\s*)?$", re.I)

# "ngày 25-3, Ban Thường vụ Tỉnh ủy đã có Quyết định số …" / "Ủy ban nhân dân huyện ban hành Kế hoạch số …"
ISSUED_BY = re.compile(r"(?:ngày\s+(?P<bd>\d{1,2}\s*[/\-.]\s*\d{1,2}\s*[/\-.]\s*(?:19|20)\d\d)\s*,\s*)?"
                       r"(?P<who>" + UP + r"[^,;.()\n]{2,70}?)\s+(?:đã\s+|vừa\s+)?(?:ban\s+hành|có|ký(?:\s+ban\s+hành)?)\s+$")
