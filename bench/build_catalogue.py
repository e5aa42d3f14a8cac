"""Re-derive the named-law catalogue (data/laws.json) from the gazette and 2025 document corpora.

Two corpora are mined, in the same way:

* ``../shared/corpus/bulk/txt``: official gazette texts (congbao.chinhphu.vn, see its
  ``MANIFEST.tsv``); sources of kind ``gazette``;
* ``../shared/corpus/bulk2025/txt``: 450 real administrative documents of 2025 (plans,
  decisions, dispatches) from a public legal-text library; sources of kind ``document``.
  They cite the laws of the 2020-2025 reorganisation that the gazette sample lacks.

Both cite laws in a few fixed shapes.  This script mines them, keeps the pairs that are
seen consistently, adds the research-note entries of
``../shared/research/vn-document-format.md`` §5 (marks V and C; C1/U only when a corpus
corroborates them), and writes ``data/laws.json``.

Shapes mined (after joining the text into one line per document):

* ``<Luật|Bộ luật|Pháp lệnh> <Name> [năm <yyyy>] số <n>/<yyyy>/QH<k>`` -> (name, symbol)
* ``<Luật|Bộ luật> <Name> ngày <d> tháng <m> năm <yyyy>`` (or ``ngày <d>/<m>/<yyyy>``)
                                                                    -> (name, passage date)
* ``<Luật> <Name> số <symbol> ngày <date> của Quốc hội, có hiệu lực thi hành kể từ ngày <date>``
  (the title block of a consolidated text, VBHN)                  -> (name, symbol, passed, in force)
* ``Luật số <symbol> ngày <date> [của Quốc hội] sửa đổi, bổ sung ... [, có hiệu lực ... từ ngày <date>]``
                                                                    -> an amending law, its own number
* ``Căn cứ Luật sửa đổi, bổ sung ... ngày <date>``                 -> an amending law's passage date
* a law's own text: ``Luật số: <symbol>``, ``Quốc hội ban hành <Name>``,
  ``... thông qua ngày <date>``, ``Luật này có hiệu lực thi hành từ ngày <date>``.

A name is never allowed to contain another ``Luật``/``Nghị định``/... nor digits, so a
symbol or date is attached to the nearest title before it.  ``Luật sửa đổi, bổ sung một
số điều của Luật X số N`` is ambiguous (N may be X's number or the amending law's) and is
not used for numbers.  A date-only mention is linked to a symbol when exactly one symbol
of that name (mined or from the research note) carries the date's year.

Consistency rules (each drop is logged by ``--report``):

* a symbol whose Quốc hội term cannot have passed a law in the symbol's year
  (``83/2015/QH14``: the XIVth Quốc hội sat from 2016) is a typo and dropped;
* spellings of one number (``2/2016/QH14``, ``02/2016/QH14``) are merged under the most
  frequent one; the same number and year under two terms with the same name keeps the
  better attested one;
* ``Luật X số A được sửa đổi, bổ sung bởi Luật số N`` says N amends X, so a mention
  ``Luật X số N`` (a common misnaming of the amending law) is not evidence that N is X;
* a name that ends in ``sửa đổi`` (``Luật Bảo hiểm y tế sửa đổi``) is a draft or an
  amending law, never a version of X, and is not mined;
* a symbol seen once is dropped unless another file dates a law of that name in its year.

Usage::

    .venv/bin/python bench/build_catalogue.py            # write data/laws.json
    .venv/bin/python bench/build_catalogue.py --check    # exit 1 if data/laws.json is stale
    .venv/bin/python bench/build_catalogue.py --report   # print what was mined and dropped
"""
from __future__ import annotations

import argparse
import collections
import json
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ingest.catalogue import fold_key  # noqa: E402  (after the path tweak)

SHARED = ROOT.parent / "shared"
BULK = SHARED / "corpus" / "bulk"
BULK2025 = SHARED / "corpus" / "bulk2025"
# (corpus folder, source kind): mined in this order; a missing second corpus is an error too,
# since the catalogue would silently lose entries
CORPORA = ((BULK, "gazette"), (BULK2025, "document"))
OUT = ROOT / "data" / "laws.json"

# --------------------------------------------------------------------------------------
# Research-note entries (vn-document-format.md §5).  Fields the note marks U are None.
# "mark" decides admission: V and C always; C1 and U only when the gazette mined the same
# (name, symbol) pair.
# --------------------------------------------------------------------------------------
RESEARCH_REF = "shared/research/vn-document-format.md §5"
RESEARCH: list[dict] = [
    dict(kind="Luật", name="Luật Thực hiện dân chủ ở cơ sở", symbol="10/2022/QH15",
         passed="2022-11-10", in_force="2023-07-01", mark="V",
         note="V: vietjack.me (Chương VI, Điều 91); congan.kontum.gov.vn"),
    dict(kind="Pháp lệnh", name="Pháp lệnh Thực hiện dân chủ ở xã, phường, thị trấn",
         symbol="34/2007/PL-UBTVQH11", passed="2007-04-20", in_force=None, mark="V",
         replaced_by="10/2022/QH15", note="V: replaced by Luật 10/2022/QH15 (its Điều 91, vietjack.me)"),
    dict(kind="Luật", name="Luật Cán bộ, công chức", symbol="22/2008/QH12",
         passed="2008-11-13", in_force=None, mark="C",
         note="C: date from căn cứ lines in two public GitHub files; number from a third, and from three "
              "more found by code search (\"Luật Cán bộ, công chức số 22/2008/QH12\")"),
    dict(kind="Luật", name="Luật Cán bộ, công chức", symbol="80/2025/QH15",
         passed="2025-06-24", in_force="2025-07-01", mark="C", note="C: three public GitHub files"),
    dict(kind="Luật", name="Luật Viên chức", symbol="58/2010/QH12",
         passed="2010-11-15", in_force=None, mark="C",
         note="date C; number U in the note, corroborated by code search: \"Luật Viên chức số 58/2010/QH12\" "
              "in four public GitHub files of three repositories"),
    dict(kind="Luật", name="Luật sửa đổi, bổ sung một số điều của Luật Cán bộ, công chức và Luật Viên chức",
         symbol="52/2019/QH14", passed="2019-11-25", in_force=None, mark="C",
         note="date C; number U in the note, corroborated by code search: \"... Luật Cán bộ, công chức và "
              "Luật Viên chức số 52/2019/QH14\" and \"Luật số 52/2019/QH14\" in three public GitHub files"),
    dict(kind="Luật", name="Luật Viên chức", symbol="129/2025/QH15",
         passed=None, in_force=None, mark="C", note="C for the number only (several repositories)"),
    dict(kind="Luật", name="Luật Tiếp công dân", symbol="42/2013/QH13",
         passed="2013-11-25", in_force=None, mark="C", note="C: three public GitHub files"),
    dict(kind="Luật", name="Luật Khiếu nại", symbol="02/2011/QH13",
         passed="2011-11-11", in_force=None, mark="C", note="C: three public GitHub files"),
    dict(kind="Luật", name="Luật Tố cáo", symbol="25/2018/QH14",
         passed="2018-06-12", in_force=None, mark="C", note="C: three public GitHub files"),
    dict(kind="Luật", name="Luật Phòng, chống tham nhũng", symbol="36/2018/QH14",
         passed="2018-11-20", in_force="2019-07-01", mark="C", note="C: three public GitHub files"),
    dict(kind="Luật", name="Luật Thi đua, khen thưởng", symbol="06/2022/QH15",
         passed="2022-06-15", in_force="2024-01-01", mark="C", note="C: three public GitHub files"),
    dict(kind="Luật", name="Luật Ban hành văn bản quy phạm pháp luật", symbol="80/2015/QH13",
         passed="2015-06-22", in_force="2016-07-01", mark="V",
         note="V: thuviennhadat.vn, VBHN 23/VBHN-VPQH"),
    dict(kind="Luật", name="Luật sửa đổi, bổ sung một số điều của Luật Ban hành văn bản quy phạm pháp luật",
         symbol="63/2020/QH14", passed="2020-06-18", in_force="2021-01-01", mark="V", amends="80/2015/QH13",
         note="V: thuviennhadat.vn, VBHN 23/VBHN-VPQH"),
    dict(kind="Luật", name="Luật Ban hành văn bản quy phạm pháp luật", symbol="64/2025/QH15",
         passed="2025-02-19", in_force="2025-04-01", mark="C", note="C: §3.1, two public GitHub files"),
    dict(kind="Luật", name="Luật sửa đổi, bổ sung một số điều của Luật Ban hành văn bản quy phạm pháp luật",
         symbol="87/2025/QH15", passed=None, in_force="2025-07-01", mark="C", amends="64/2025/QH15",
         note="C: §3.1, two public GitHub files; passage date U"),
    dict(kind="Luật", name="Luật Tổ chức chính quyền địa phương", symbol="72/2025/QH15",
         passed="2025-06-16", in_force="2025-07-01", mark="C",
         note="C: three public GitHub files (passage date C1)"),
    dict(kind="Luật", name="Luật Tổ chức chính quyền địa phương", symbol="65/2025/QH15",
         passed="2025-02-19", in_force=None, mark="C",
         note="not in the note; number from one public GitHub file (vbpl metadata: so_hieu 65/2025/QH15, "
              "ngay_ban_hanh 2025-02-19), name and date corroborated by four gazette căn cứ lines "
              "\"Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025\""),
    dict(kind="Luật", name="Luật Tổ chức chính quyền địa phương", symbol="77/2015/QH13",
         passed="2015-06-19", in_force=None, mark="C",
         note="U in the note (number seen without a name); corroborated by code search: \"Luật Tổ chức chính "
              "quyền địa phương số 77/2015/QH13 [ngày 19 tháng 6 năm 2015]\" in three public GitHub files; the "
              "gazette's Luật Quy hoạch đô thị căn cứ lines confirm a 2015 law 77/2015/QH13"),
    dict(kind="Luật", name="Luật Tổ chức Chính phủ", symbol="76/2015/QH13",
         passed="2015-06-19", in_force=None, mark="C", note="C: a public GitHub file + căn cứ text in another"),
    dict(kind="Luật", name="Luật Mặt trận Tổ quốc Việt Nam", symbol="75/2015/QH13",
         passed=None, in_force=None, mark="C",
         note="C1 in the note; corroborated by code search: \"Luật Mặt trận Tổ quốc Việt Nam số 75/2015/QH13\" "
              "in four public GitHub files"),
    dict(kind="Luật", name="Luật Tiếp cận thông tin", symbol="104/2016/QH13",
         passed=None, in_force=None, mark="C", note="C: two public GitHub files"),
    dict(kind="Luật", name="Luật Thanh tra", symbol="11/2022/QH15",
         passed=None, in_force=None, mark="C1", note="C1: a public GitHub file"),
    dict(kind="Luật", name="Luật Lưu trữ", symbol="33/2024/QH15",
         passed=None, in_force=None, mark="C1", note="C1: a public GitHub file"),
    dict(kind="Luật", name="Luật Thực hành tiết kiệm, chống lãng phí", symbol="44/2013/QH13",
         passed=None, in_force=None, mark="C1", note="C1: a public GitHub file"),
]

# Constitutions have no symbol.  The catalogue gives them the documented identifier
# "HP-<year>" (see data/laws.schema.json).  The year of each is attested by the gazette
# corpus ("Hiến pháp ... năm 1992 đã được sửa đổi ...") and by the research note (§3.3,
# tier 1: "Hiến pháp năm 2013"); adoption and in-force dates are the well-known ones
# (2013: adopted 28/11/2013, in force 01/01/2014; 1992: adopted 15/4/1992).
CONSTITUTIONS: list[dict] = [
    dict(kind="Hiến pháp", name="Hiến pháp", symbol="HP-1992", passed="1992-04-15", in_force=None,
         aliases=["Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam"],
         sources=[{"kind": "gazette", "ref": "corpus/bulk/txt (several decrees): \"Hiến pháp nước Cộng hòa xã hội "
                   "chủ nghĩa Việt Nam năm 1992 đã được sửa đổi, bổ sung một số điều theo Nghị quyết số 51/2001/QH10\""},
                  {"kind": "research", "ref": "adoption date 15/4/1992: domain knowledge (U)"}]),
    dict(kind="Hiến pháp", name="Hiến pháp", symbol="HP-2013", passed="2013-11-28", in_force="2014-01-01",
         aliases=["Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam"],
         sources=[{"kind": "research", "ref": RESEARCH_REF.replace("§5", "§3.3") + ": tier 1 example \"Hiến pháp năm 2013\""},
                  {"kind": "research", "ref": "adopted 28/11/2013, in force 01/01/2014: domain knowledge (U)"}]),
]

# Short forms used in real plans for a law whose full name the gazette gives.  Keyed by
# the full name; every alias applies to all versions of that name.
ALIASES: dict[str, list[str]] = {
    "Luật Ban hành văn bản quy phạm pháp luật": ["Luật Ban hành VBQPPL"],
}

# --------------------------------------------------------------------------------------
# Text cleaning
# --------------------------------------------------------------------------------------
_DROP_LINE = re.compile(
    r"^\s*(?:CÔNG BÁO/Số.*|\d+\s*|Người ký:.*|Email:.*|Cơ quan:.*|Thời gian ký:.*|Ký bởi:.*|Ngày ký:.*)$")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ufeff\u200b]")


def clean(text: str) -> str:
    """Gazette text -> one NFC line: running headers, page numbers, signature stamps dropped."""
    text = unicodedata.normalize("NFC", text).replace("Ð", "Đ").replace("ð", "đ")
    text = _CONTROL.sub(" ", text)
    lines = [ln for ln in text.splitlines() if not _DROP_LINE.match(ln)]
    text = " ".join(lines)
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text)
    text = re.sub(r"\s*/\s*(?=\d|QH|PL|UBTV)", "/", text)  # "56/2024/ QH15" -> "56/2024/QH15"
    return re.sub(r"\s+", " ", text)


# --------------------------------------------------------------------------------------
# Regex building blocks
# --------------------------------------------------------------------------------------
KIND = r"(?P<kind>Bộ luật|Luật|Pháp lệnh)"
SYMBOL = r"(?P<sym{n}>\d{{1,3}}/\d{{4}}/(?:PL-UBTVQH|QH)\d{{1,2}})(?![\w/-])"
# "ngày 16 tháng 6 năm 2025" (the gazette) or "ngày 16/6/2025" (many 2025 documents)
DATE = r"ngày (?P<d{n}>\d{{1,2}})(?: tháng |/)(?P<m{n}>\d{{1,2}})(?: năm |/)(?P<y{n}>\d{{4}})"
# Words that never occur inside a law's name: crossing one means the regex left the title.
_STOP = (r"Luật|Bộ luật|Pháp lệnh|Nghị định|Nghị quyết|Thông tư|Quyết định|Hiến pháp|Điều|khoản|"
         r"của|được|đã|theo|tại|về việc|ngày|năm|và các|sau đây|thì|này|như sau|quy định tại|hướng dẫn")
_NAME_TOKEN = rf"(?:(?!\b(?:{_STOP})\b)[^\W\d_]+)"
NAME = (rf"(?P<name>(?=[A-ZĐ\u00C0-\u00DD\u0102\u0110\u01A0\u01AF\u1EA0-\u1EF8]){_NAME_TOKEN}"
        rf"(?:(?:, | - | )(?:{_NAME_TOKEN})){{0,24}}?)")

# Amending law title: "sửa đổi, bổ sung ..." up to a terminator, no digits or semicolons.
AMEND_TITLE = r"(?P<title>(?:về )?[Ss]ửa đổi,? bổ sung [^;\d“”\"()]{5,600}?)"

RX_NAME_SYM_DATE = re.compile(
    rf"(?<![\w]){KIND} {NAME}(?: năm (?P<yname>\d{{4}}))?,? số:? {SYMBOL.format(n=1)}"
    rf"(?: ?,? {DATE.format(n=1)})?"
    rf"(?: của Quốc hội(?: khóa [IVXLC]+)?)?"
    rf"(?:,? có hiệu lực(?: thi hành)?(?: kể)? từ {DATE.format(n=2)})?")
RX_NAME_DATE = re.compile(rf"(?<![\w]){KIND} {NAME},? {DATE.format(n=1)}")
RX_AMEND_BY_SYMBOL = re.compile(
    rf"(?<![\w])Luật số:? {SYMBOL.format(n=1)}(?: ?,? {DATE.format(n=1)})?(?: của Quốc hội(?: khóa [IVXLC]+)?)?,? "
    rf"{AMEND_TITLE}(?:,? có hiệu lực(?: thi hành)?(?: kể)? từ {DATE.format(n=2)}|(?=[;.]| có căn cứ| được))")
# "Căn cứ Luật sửa đổi, bổ sung ... ngày <date>", also as the next item of a căn cứ list
# ("...; Luật sửa đổi, bổ sung ... ngày 25/6/2025")
RX_AMEND_CAN_CU = re.compile(
    rf"(?:Căn cứ |; ?)Luật (?P<title>[Ss]ửa đổi,? bổ sung [^;\d“”\"()]{{5,600}}?),? {DATE.format(n=1)}")
# "Luật X [số A] [ngày D] (đã) được sửa đổi, bổ sung (một số điều) bởi Luật số N[, Luật số M]":
# N and M amend X, so "Luật X số N" elsewhere misnames the amending law.
_SYM_LOOSE = r"\d{1,3}/\d{4}/(?:PL-UBTVQH|QH)\d{1,2}"
RX_AMENDED_BY = re.compile(
    rf"(?<![\w]){KIND} {NAME}(?: năm \d{{4}})?(?:,? số:? {SYMBOL.format(n=1)})?(?: ?,? {DATE.format(n=1)})?"
    rf"(?: của Quốc hội(?: khóa [IVXLC]+)?)?,? \(?(?:đã )?được sửa đổi,? bổ sung(?: một số điều)?(?: (?:bởi|theo|tại))? "
    rf"(?P<list>Luật số:? {_SYM_LOOSE}(?:(?:,| và) Luật số:? {_SYM_LOOSE})*)")
# "Luật sửa đổi, bổ sung một số điều của Luật X số N [ngày D]": N is X's number or the amending
# law's; kept aside and used only when another line says that N amends X (see consolidate)
RX_AMEND_NAME_SYM = re.compile(
    rf"(?<![\w])Luật (?P<title>[Ss]ửa đổi,? bổ sung [^;\d“”\"()]{{5,600}}?),? số:? {SYMBOL.format(n=1)}"
    rf"(?: ?,? {DATE.format(n=1)})?")
# right after "Luật X số N [ngày D] [của Quốc hội]": "về sửa đổi, bổ sung ..." -> N is an amending law
RX_THEN_AMENDS = re.compile(r",? (?:về )?(?:việc )?[Ss]ửa đổi,? bổ sung")
RX_OWN_NUMBER = re.compile(rf"^.{{0,400}}?Luật số: ?{SYMBOL.format(n=1)}")
RX_OWN_TITLE = re.compile(r"Quốc hội ban hành (?P<title>(?:Bộ luật|Luật) [^;.\d“”]{3,600}?)(?=\.| số \d|;|\s*\d?\s*Chương)")
RX_OWN_PASSED = re.compile(rf"thông qua {DATE.format(n=1)}")
RX_ANY_IN_FORCE = re.compile(rf"hiệu lực(?: thi hành)?(?: kể)? từ {DATE.format(n=1)}")
RX_OWN_IN_FORCE = re.compile(rf"Luật này có hiệu lực thi hành (?:kể )?từ {DATE.format(n=1)}")


def _quote(line: str, limit: int = 240) -> str:
    """A source quote: the matched line, or its head and tail joined by " ... " when long, so
    that the number or date at its end stays quoted (each part is verbatim)."""
    if len(line) <= limit:
        return line
    return f"{line[:limit - 90].rstrip()} ... {line[-85:].lstrip()}"


def _date(m: re.Match, n: int) -> str | None:
    if m.group(f"y{n}") is None:
        return None
    y, mo, d = int(m.group(f"y{n}")), int(m.group(f"m{n}")), int(m.group(f"d{n}"))
    if not (1945 <= y <= 2100 and 1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


_AMEND_OPEN = re.compile(r"[Ss]ửa đổi(?:,? bổ sung)?")


def _inside_amend_title(text: str, start: int) -> bool:
    """True when ``start`` lies inside the title of an amending law ("Luật sửa đổi, bổ sung
    một số điều của Luật A, Luật B ..."): a number or date that follows belongs to that
    amending law (or is ambiguous), not to Luật A/B."""
    before = text[max(0, start - 700):start]
    before = re.split(r";|Căn cứ", before)[-1]
    hits = list(_AMEND_OPEN.finditer(before))
    return bool(hits) and not re.search(r"\d", before[hits[-1].end():])


def _tidy_name(kind: str, name: str) -> str:
    name = re.sub(r"\s+", " ", name).strip(" ,-")
    return f"{kind} {name}"


def _is_amend_name(name: str) -> bool:
    """An amending law's name ("Luật sửa đổi, bổ sung ...") or a draft's / an amendment's
    colloquial name ("Luật Bảo hiểm y tế sửa đổi"): never a version of the law it names."""
    return bool(re.match(r"(?:Luật|Bộ luật) (?:về )?[Ss]ửa đổi", name)
                or re.search(r"\b[Ss]ửa đổi(?:,? bổ sung)?$", name))


def _amend_name(title: str) -> str:
    """The canonical amending-law name: "Luật sửa đổi, bổ sung một số điều của Luật X"
    (lower-case "sửa", the comma, and "của" before the amended law)."""
    title = re.sub(r"\s+", " ", title).strip(" ,")
    title = re.sub(r"^về ", "", title)
    title = re.sub(r"^[Ss]ửa đổi,? bổ sung", "sửa đổi, bổ sung", title)
    title = re.sub(r"^(sửa đổi, bổ sung một số điều) (?=(?:Bộ luật|Luật) )", r"\1 của ", title)
    return "Luật " + title


_TERMS = {9: (1992, 1997), 10: (1997, 2002), 11: (2002, 2007), 12: (2007, 2011), 13: (2011, 2016),
          14: (2016, 2021), 15: (2021, 2026), 16: (2026, 2031)}


def _term_fits(sym: str) -> bool:
    """True when the Quốc hội term of a symbol (QH13, PL-UBTVQH11) sat in the symbol's year."""
    m = re.fullmatch(r"\d+/(\d{4})/(?:PL-UBTVQH|QH)(\d+)", sym)
    if not m:
        return True
    span = _TERMS.get(int(m.group(2)))
    return span is not None and span[0] <= int(m.group(1)) <= span[1]


def _sym_parts(sym: str) -> tuple[int, int, str]:
    """(number, year, issuer-and-term) of a symbol: "02/2016/QH14" -> (2, 2016, "QH14")."""
    n, y, rest = sym.split("/", 2)
    return int(n), int(y), rest


# --------------------------------------------------------------------------------------
# Mining
# --------------------------------------------------------------------------------------
@dataclass
class Mined:
    """Evidence for one symbol: names, passage dates, in-force dates, with the file stems."""
    symbol: str
    names: collections.Counter = field(default_factory=collections.Counter)
    passed: collections.Counter = field(default_factory=collections.Counter)
    in_force: collections.Counter = field(default_factory=collections.Counter)
    in_force_once: dict[str, set] = field(default_factory=dict)  # date -> files, not confirmed in-document
    files: dict[str, dict[str, str]] = field(default_factory=dict)  # name key -> stem -> what the line says
    own: bool = False  # evidence from the law's own text or a consolidated title block

    def saw(self, name: str, stem: str, line: str, weight: int = 1) -> None:
        self.names[name] += weight
        self.files.setdefault(fold_key(name), {}).setdefault(stem, line)

    def merge(self, other: "Mined") -> None:
        """Take in the evidence of another spelling of the same symbol."""
        self.names.update(other.names)
        self.passed.update(other.passed)
        self.in_force.update(other.in_force)
        for d, stems in other.in_force_once.items():
            self.in_force_once.setdefault(d, set()).update(stems)
        for k, fs in other.files.items():
            for stem, line in fs.items():
                self.files.setdefault(k, {}).setdefault(stem, line)
        self.own = self.own or other.own


def read_manifest() -> dict[str, tuple[str, str]]:
    """stem -> (source kind, what to cite): the gazette's URL, or a 2025 document's path and symbol."""
    out: dict[str, tuple[str, str]] = {}
    for folder, kind in CORPORA:
        rows = (folder / "MANIFEST.tsv").read_text(encoding="utf-8").splitlines()
        head = rows[0].split("\t")
        for r in rows[1:]:
            if not r.strip():
                continue
            cells = dict(zip(head, r.split("\t")))
            stem = Path(cells["file"]).stem
            if kind == "gazette":
                url = cells.get("source_url", "").removeprefix("https://").removeprefix("http://")
                out[stem] = (kind, f"{url or stem} ({stem})")
            else:
                sym = cells.get("symbol", "").strip()
                where = f"corpus/{folder.name}/txt/{stem}.txt"
                out[stem] = (kind, f"{where} ({sym})" if sym else where)
    return out


def corpus_files() -> list[tuple[Path, str]]:
    """Every text to mine, with its source kind: the gazette's first, then the 2025 documents'."""
    return [(p, kind) for folder, kind in CORPORA for p in sorted((folder / "txt").glob("*.txt"))]


def mine(report: bool = False):
    """Mine every text; return (by_symbol, name_dates, name_date_files, amended_by, manifest)."""
    manifest = read_manifest()
    by_symbol: dict[str, Mined] = {}
    name_dates: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    name_date_files: dict[tuple[str, str], dict[str, str]] = collections.defaultdict(dict)
    # symbol -> name keys of the laws it is said to amend ("Luật X ... được sửa đổi, bổ sung bởi Luật số N")
    amended_by: dict[str, set[str]] = collections.defaultdict(set)
    # symbol -> Mined evidence that "Luật sửa đổi, bổ sung ... của Luật X số N" names the amending law
    amend_numbered: dict[str, Mined] = {}

    def ev(sym: str) -> Mined:
        return by_symbol.setdefault(sym, Mined(sym))

    for path, kind in corpus_files():
        stem, text = path.stem, clean(path.read_text(encoding="utf-8", errors="replace"))
        # An in-force date in a title block is kept when the same document states it again
        # (the law's final article or a footnote): one gazette title block says 01/10/2026
        # for Luật 67/2025/QH15, whose own Điều says 01/10/2025.
        in_force_dates = collections.Counter(_date(m, 1) for m in RX_ANY_IN_FORCE.finditer(text))

        def note_in_force(e: Mined, d: str) -> None:
            if in_force_dates[d] >= 2:
                e.in_force[d] += 1
            else:
                e.in_force_once.setdefault(d, set()).add(stem)

        for m in RX_AMENDED_BY.finditer(text):
            name = _tidy_name(m.group("kind"), m.group("name"))
            if _is_amend_name(name) or _inside_amend_title(text, m.start()):
                continue
            for sym in re.findall(_SYM_LOOSE, m.group("list")):
                amended_by[sym].add(fold_key(name))

        for m in RX_NAME_SYM_DATE.finditer(text):
            name = _tidy_name(m.group("kind"), m.group("name"))
            if _is_amend_name(name) or _inside_amend_title(text, m.start()):
                continue
            if m.group("yname") and int(m.group("yname")) != _year(m.group("sym1")):
                continue  # "Luật Đất đai năm 2013 số 31/2024/QH15": the year and the number disagree
            if RX_THEN_AMENDS.match(text, m.end()):
                # "Luật Quảng cáo số 75/2025/QH15 ngày 16/6/2025 của Quốc hội về sửa đổi, bổ sung ...":
                # the number is an amending law's, misnamed
                amended_by[m.group("sym1")].add(fold_key(name))
                continue
            e = ev(m.group("sym1"))
            e.saw(name, stem, _quote(m.group(0)))
            if (d := _date(m, 1)):
                e.passed[d] += 1
            if (d := _date(m, 2)):
                note_in_force(e, d)
                e.own = True

        for m in RX_AMEND_NAME_SYM.finditer(text):
            e = amend_numbered.setdefault(m.group("sym1"), Mined(m.group("sym1")))
            e.saw(_amend_name(m.group("title")), stem, _quote(m.group(0)))
            if (d := _date(m, 1)):
                e.passed[d] += 1

        for m in RX_NAME_DATE.finditer(text):
            name = _tidy_name(m.group("kind"), m.group("name"))
            if _is_amend_name(name) or _inside_amend_title(text, m.start()) or (d := _date(m, 1)) is None:
                continue
            name_dates[fold_key(name)][(name, d)] += 1
            name_date_files[(fold_key(name), d)].setdefault(stem, _quote(m.group(0)))

        for m in RX_AMEND_BY_SYMBOL.finditer(text):
            name = _amend_name(m.group("title"))
            e = ev(m.group("sym1"))
            e.saw(name, stem, _quote(m.group(0)))
            if (d := _date(m, 1)):
                e.passed[d] += 1
            if (d := _date(m, 2)):
                note_in_force(e, d)

        for m in RX_AMEND_CAN_CU.finditer(text):
            name = _amend_name(m.group("title"))
            if (d := _date(m, 1)) is None or re.search(r"\b(?:hiệu lực|từ|đến|trước|sau|kể|thông qua)$", name):
                continue
            name_dates[fold_key(name)][(name, d)] += 1
            name_date_files[(fold_key(name), d)].setdefault(stem, _quote(m.group(0).removeprefix("; ").removeprefix(";")))

        if kind == "gazette" and stem.startswith("luat-so-"):  # a law's own text
            num, title = RX_OWN_NUMBER.search(text), RX_OWN_TITLE.search(text)
            if num and title:
                e = ev(num.group("sym1"))
                name = re.sub(r"\s+", " ", title.group("title")).strip()
                e.saw(name, stem, "", weight=3)  # the law's own title outweighs citations
                e.files[fold_key(name)][stem] = f"Luật số: {num.group('sym1')} ... Quốc hội ban hành {name}"
                e.own = True
                if (p := RX_OWN_PASSED.search(text)):
                    e.passed[_date(p, 1)] += 3
                if (f := RX_OWN_IN_FORCE.search(text)):
                    e.in_force[_date(f, 1)] += 3

    amended_by["*numbered"] = amend_numbered  # type: ignore[assignment]  (unpacked by consolidate)
    return by_symbol, name_dates, name_date_files, amended_by, manifest


def _year(sym: str) -> int:
    return int(sym.split("/")[1])


def _kind(name: str) -> str:
    for k in ("Bộ luật", "Pháp lệnh", "Hiến pháp"):
        if name.startswith(k):
            return k
    return "Luật"


def _evidence(e: Mined) -> int:
    return sum(e.names.values())


def consolidate(by_symbol: dict[str, Mined], amended_by: dict[str, set[str]], log) -> dict[str, Mined]:
    """Apply the symbol-level consistency rules before names are decided: impossible terms,
    spellings of one number, one number under two terms, misnamed amending laws."""
    amended_by = dict(amended_by)
    amend_numbered: dict[str, Mined] = amended_by.pop("*numbered", {})
    # "Luật sửa đổi, bổ sung một số điều của Luật X số N": N is the amending law's number when
    # another line says so ("Luật X số A được sửa đổi, bổ sung bởi Luật số N")
    for sym, e in sorted(amend_numbered.items()):
        title_key = fold_key(e.names.most_common(1)[0][0])
        amended = {fold_key(x) for x in re.findall(r"(?:Bộ luật|Luật) [^,]+?(?=, (?:Bộ luật|Luật) |,? và |$)",
                                                   e.names.most_common(1)[0][0].split(" của ", 1)[-1])}
        if amended_by.get(sym, set()) & amended:
            log(f"AMEND {sym}: {title_key!r} is the amending law's own number (it amends {sorted(amended_by[sym] & amended)})")
            by_symbol.setdefault(sym, Mined(sym)).merge(e)
    out: dict[str, Mined] = {}
    for sym, e in sorted(by_symbol.items()):
        if not _term_fits(sym):
            log(f"DROP {sym}: the Quốc hội term did not sit in {_year(sym)} (a typo); names {dict(e.names)}")
            continue
        out[sym] = e
    # spellings: "2/2016/QH14" and "02/2016/QH14" are one law; the most frequent spelling wins
    groups: dict[tuple, list[str]] = collections.defaultdict(list)
    for sym in out:
        groups[_sym_parts(sym)].append(sym)
    for syms in groups.values():
        if len(syms) > 1:
            syms.sort(key=lambda s: (-_evidence(out[s]), s))
            for s in syms[1:]:
                log(f"MERGE {s} into {syms[0]} (spellings of one number)")
                out[syms[0]].merge(out.pop(s))
    # one number and year under two terms with the same top name: a typo of the term
    by_num: dict[tuple[int, int], list[str]] = collections.defaultdict(list)
    for sym in out:
        n, y, _ = _sym_parts(sym)
        by_num[(n, y)].append(sym)
    for syms in by_num.values():
        if len(syms) < 2:
            continue
        tops = {s: fold_key(out[s].names.most_common(1)[0][0]) for s in syms}
        syms.sort(key=lambda s: (-_evidence(out[s]), s))
        for s in syms[1:]:
            if tops[s] == tops[syms[0]]:
                log(f"DROP {s}: same number, year and name as the better attested {syms[0]} (a typo of the term)")
                out.pop(s)
    # "Luật X số A được sửa đổi, bổ sung bởi Luật số N": a mention "Luật X số N" misnames N
    for sym, keys in sorted(amended_by.items()):
        e = out.get(sym)
        if e is None:
            continue
        for n in [n for n in e.names if fold_key(n) in keys]:
            log(f"NOTE {sym}: {n!r} ignored, {sym} amends that law ({e.names[n]} mention(s))")
            del e.names[n]
            e.files.pop(fold_key(n), None)
        if not e.names:
            log(f"DROP {sym}: only named after the law it amends")
            out.pop(sym)
    return out


def decide(by_symbol, name_dates, name_date_files, amended_by, manifest, log):
    """Turn evidence into entries: one name per symbol, a passage date, consistency checks."""
    by_symbol = consolidate(by_symbol, amended_by, log)
    entries: dict[str, dict] = {}
    # symbols per name key, to link date-only mentions
    for sym, e in sorted(by_symbol.items()):
        keys = collections.Counter()
        display: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
        for n, c in e.names.items():
            keys[fold_key(n)] += c
            display[fold_key(n)][n] += c
        (top, top_n), total = keys.most_common(1)[0], sum(keys.values())
        files = e.files.get(top, {})
        mentions_files = len(files)
        if len(keys) > 1 and top_n < 0.8 * total and not _amend_variants(keys):
            # files that date a law of each name in the symbol's year may settle it
            # ("Luật Đường bộ số 35/2024/QH15" vs "Luật Giao thông đường bộ số 35/2024/QH15", and
            # "Luật Đường bộ ngày 27/6/2024" in three more files)
            dated_keys = keys.copy()
            for k in keys:
                dated_keys[k] += len({stem for (_n, d) in name_dates.get(k, {}) if int(d[:4]) == _year(sym)
                                      for stem in name_date_files[(k, d)]})
            (top, top_n), total = dated_keys.most_common(1)[0], sum(dated_keys.values())
            if top_n < 0.8 * total:
                log(f"DROP {sym}: names disagree {dict(keys)}")
                continue
            log(f"KEEP {sym}: names disagree {dict(keys)}; dated mentions settle it for {top!r}")
            files = e.files.get(top, {})
            mentions_files = len(files)
            top_n = keys[top]
        corroborated = any(r["symbol"] == sym and fold_key(r["name"]) == top for r in RESEARCH)
        # a single mention is kept when another file dates a law of that name in the symbol's year
        dated = any(int(d[:4]) == _year(sym) and set(name_date_files[(top, d)]) - set(files)
                    for (_n, d) in name_dates.get(top, {}))
        if dated and not e.own and mentions_files < 2 and top_n < 2 and not corroborated:
            log(f"KEEP {sym}: seen once, year corroborated by a dated mention of {top!r}")
        if not e.own and mentions_files < 2 and top_n < 2 and not corroborated and not dated:
            log(f"DROP {sym}: seen once ({display[top].most_common(1)[0][0]!r} in {next(iter(files), '?')})")
            continue
        for k in keys:
            if k != top:
                log(f"NOTE {sym}: minority name {k!r} ignored (top {top!r})")
        name = display[top].most_common(1)[0][0]
        entries[sym] = dict(name=name, key=top, symbol=sym, evidence=e, files=files)

    # a law is not passed twice in one year under one name: a second symbol seen in a single
    # file ("Luật Bảo vệ môi trường số 17/2020/QH14" beside 72/2020/QH14) is a typo
    by_key_year: dict[tuple[str, int], list[str]] = collections.defaultdict(list)
    for sym, ent in entries.items():
        if not _is_amend_name(ent["name"]):
            by_key_year[(ent["key"], _year(sym))].append(sym)
    for (key, _y), syms in sorted(by_key_year.items()):
        if len(syms) < 2:
            continue
        syms.sort(key=lambda s: (-len(entries[s]["files"]), -_evidence(entries[s]["evidence"]), s))
        for s in syms[1:]:
            ent = entries[s]
            corroborated = any(r["symbol"] == s and fold_key(r["name"]) == key for r in RESEARCH)
            if len(ent["files"]) < 2 and not ent["evidence"].own and not corroborated:
                log(f"DROP {s}: a second symbol of {key!r} in {_year(s)}, seen in one file beside {syms[0]}")
                del entries[s]

    # name key -> symbols (research-note symbols too: a date-only mention is only linked when
    # no other known version of the name shares its year)
    by_key: dict[str, list[str]] = collections.defaultdict(list)
    for sym, ent in entries.items():
        by_key[ent["key"]].append(sym)
    research_keys: dict[str, set[str]] = collections.defaultdict(set)
    for r in RESEARCH:
        if r["mark"] in ("V", "C") or r["symbol"] in entries:
            research_keys[fold_key(r["name"])].add(r["symbol"])

    for sym, ent in entries.items():
        e: Mined = ent["evidence"]
        dates = collections.Counter({d: c for d, c in e.passed.items() if d and int(d[:4]) == _year(sym)})
        date_refs: dict[str, tuple[str, str]] = {}  # stem -> (line, date)
        # date-only mentions of the same name whose year matches exactly one symbol
        known = set(by_key[ent["key"]]) | research_keys.get(ent["key"], set())
        same_year = sorted(s for s in known if _year(s) == _year(sym))
        if len(same_year) == 1:
            for (n, d), c in name_dates.get(ent["key"], {}).items():
                if int(d[:4]) == _year(sym):
                    dates[d] += c
                    for stem, line in name_date_files[(ent["key"], d)].items():
                        date_refs.setdefault(stem, (line, d))
        elif len(same_year) > 1:
            log(f"NOTE {sym}: {len(same_year)} symbols share name and year {same_year}; no date linking")
        passed = None
        if dates:
            (best, bc), tot = dates.most_common(1)[0], sum(dates.values())
            if bc >= 0.8 * tot:
                passed = best
            else:
                log(f"NOTE {sym}: passage dates disagree {dict(dates)}; left null")
        for d, stems in e.in_force_once.items():
            if len(stems) >= 2:
                e.in_force[d] += len(stems)
            elif not e.in_force:
                log(f"NOTE {sym}: in-force date {d} stated once ({min(stems)}) and not confirmed; left out")
        in_force = None
        if e.in_force:
            (best, bc), tot = e.in_force.most_common(1)[0], sum(e.in_force.values())
            in_force = best if bc >= 0.8 * tot else None
        if passed and in_force and in_force < passed:
            log(f"NOTE {sym}: in-force date {in_force} before passage {passed}; in-force date left out")
            in_force = None
        # only lines that give the date kept are sources
        date_refs = {stem: line for stem, (line, d) in date_refs.items() if d == passed}
        ent.update(passed=passed, passed_n=dates.get(passed, 0), in_force=in_force, date_refs=date_refs)
    return entries, by_key


def _amend_variants(keys: collections.Counter) -> bool:
    """True when every name is an amending law's and all amend the same first law: spellings
    of one long title ("... của Luật Chứng khoán, Luật Kế toán, ..." / "... của Luật Chứng
    khoán, kế toán, ...")."""
    firsts = set()
    for k in keys:
        m = re.match(r"luật sửa đổi bổ sung một số điều của (.+)", k)
        if not m:
            return False
        firsts.add(" ".join(m.group(1).split()[:3]))  # "luật chứng khoán"
    return len(firsts) == 1


def _source(stem: str, line: str, manifest: dict[str, tuple[str, str]]) -> dict:
    kind, where = manifest.get(stem, ("gazette", stem))
    return {"kind": kind, "ref": f"{where}: \"{line.strip()}\""}


def _source_order(item: tuple[str, str], manifest) -> tuple:
    """Gazette sources first, then the 2025 documents; by file name within each."""
    return (manifest.get(item[0], ("gazette",))[0] != "gazette", item[0])


def _examples(name: str, version: dict, versions: list[dict]) -> list[str]:
    """Strings that must resolve to this version: the bare name (latest version only), the
    name with its year (when no other version shares the year), with its passage date."""
    y = _sym_year(version["symbol"])
    latest = version is versions[-1]
    same_year = [v for v in versions if _sym_year(v["symbol"]) == y]
    ex = [name] if latest else []
    if len(same_year) == 1:
        ex.append(f"{name} năm {y}")
    if version["passed"] and (len(versions) > 1 or not ex):
        yy, m, d = version["passed"].split("-")
        ex.append(f"{name} ngày {int(d)} tháng {int(m)} năm {yy}")
    if latest:
        ex += [a for a in version.get("aliases", []) if a != name]
    return ex


def build(report: bool = False) -> dict:
    lines: list[str] = []
    log = lines.append
    by_symbol, name_dates, name_date_files, amended_by, manifest = mine()
    entries, by_key = decide(by_symbol, name_dates, name_date_files, amended_by, manifest, log)

    def order(items):
        return sorted(items, key=lambda it: _source_order(it, manifest))

    laws: dict[str, dict] = {}
    support: dict[str, int] = {}  # how many mentions give the mined passage date
    for sym, ent in entries.items():
        files = ent["files"]
        srcs = [_source(stem, line, manifest) for stem, line in order(files.items())[:4]]
        srcs += [_source(stem, line, manifest) for stem, line in order(ent["date_refs"].items())[:2]
                 if stem not in files]
        laws[sym] = dict(name=ent["name"], kind=_kind(ent["name"]), symbol=sym, passed=ent["passed"],
                         in_force=ent["in_force"], replaced_by=None, amends=None, sources=srcs)
        support[sym] = ent["passed_n"]

    # research entries
    for r in RESEARCH:
        sym, src = r["symbol"], {"kind": "research", "ref": f"{RESEARCH_REF} ({r['mark']}; {r['note']})"}
        mined = laws.get(sym)
        if mined and fold_key(mined["name"]) != fold_key(r["name"]):
            log(f"CONFLICT {sym}: research name {r['name']!r} vs mined {mined['name']!r}; research entry dropped")
            continue
        if r["mark"] in ("C1", "U") and not mined:
            log(f"SKIP research {sym} {r['name']!r}: mark {r['mark']} and not mined from a corpus")
            continue
        if mined:
            for f in ("passed", "in_force"):
                if f == "passed" and r[f] and mined[f] and r[f] != mined[f] and support[sym] < 2:
                    log(f"CONFLICT {sym}: {f} research {r[f]} vs mined {mined[f]} (one mention); research kept")
                    mined[f] = r[f]
                elif r[f] and mined[f] and r[f] != mined[f]:
                    log(f"CONFLICT {sym}: {f} research {r[f]} vs mined {mined[f]}; mined kept")
                elif r[f] and not mined[f]:
                    mined[f] = r[f]
            mined["sources"].append(src)
            for f in ("replaced_by", "amends"):
                mined[f] = mined[f] or r.get(f)
        else:
            laws[sym] = dict(name=r["name"], kind=r["kind"], symbol=sym, passed=r["passed"],
                             in_force=r["in_force"], replaced_by=r.get("replaced_by"),
                             amends=r.get("amends"), sources=[src])
    # lines "<name> ngày <passage date>" back every entry whose date they match
    for law in laws.values():
        if not law["passed"]:
            continue
        have = {src["ref"] for src in law["sources"]}
        found = name_date_files.get((fold_key(law["name"]), law["passed"]), {})
        for stem, line in order(found.items())[:2]:
            src = _source(stem, line, manifest)
            if src["ref"] not in have and not any(stem in r for r in have):
                law["sources"].append(src)
    for c in CONSTITUTIONS:
        laws[c["symbol"]] = {k: v for k, v in c.items()} | dict(replaced_by=None, amends=None)

    # versions: same name -> the later one replaces the earlier one (amending laws excepted:
    # two amending laws of the same name amend, they do not replace each other)
    groups: dict[str, list[dict]] = collections.defaultdict(list)
    for law in laws.values():
        groups[fold_key(law["name"])].append(law)
    for key, vs in groups.items():
        vs.sort(key=lambda x: (x["passed"] or f"{_sym_year(x['symbol'])}-12-31", x["symbol"]))
        if _is_amend_name(vs[0]["name"]):
            continue
        for a, b in zip(vs, vs[1:]):
            a["replaced_by"] = a["replaced_by"] or b["symbol"]

    # amends: a single amended law named in an amending law's name -> its latest version
    # passed before the amending law
    for law in laws.values():
        if law["amends"] or not _is_amend_name(law["name"]):
            continue
        m = re.fullmatch(r"Luật (?:về )?sửa đổi, bổ sung (?:một số điều của )?((?:Bộ luật|Luật) .+)", law["name"])
        if not m or re.search(r"\b(?:Luật|Bộ luật)\b", m.group(1)[5:]) or "," in m.group(1) and " và " in m.group(1):
            continue
        target = [v for v in groups.get(fold_key(m.group(1)), [])
                  if (v["passed"] or "9999") < (law["passed"] or "0000") or _sym_year(v["symbol"]) < _sym_year(law["symbol"])]
        if target:
            law["amends"] = target[-1]["symbol"]

    # aliases and examples
    out = []
    for key, vs in groups.items():
        for v in vs:
            aliases = set(v.get("aliases", [])) | set(ALIASES.get(v["name"], []))
            # "Luật sửa đổi, bổ sung một số điều Luật X" (without "của") is written too
            if (short := v["name"].replace(" một số điều của ", " một số điều ", 1)) != v["name"]:
                aliases.add(short)
            v["aliases"] = sorted(aliases)
        for v in vs:
            ex = _examples(v["name"], v, vs)
            if v["kind"] == "Hiến pháp":
                ex += [f"Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam năm {_sym_year(v['symbol'])}"]
            if not ex:
                log(f"UNREACHABLE {v['symbol']}: no example can select it")
            entry = {"name": v["name"]}
            if v["aliases"]:
                entry["aliases"] = v["aliases"]
            entry.update(kind=v["kind"], symbol=v["symbol"], passed=v["passed"], in_force=v["in_force"],
                         replaced_by=v["replaced_by"], amends=v["amends"], sources=v["sources"], examples=ex)
            out.append(entry)
    out.sort(key=lambda x: (fold_key(x["name"]), x["passed"] or "", x["symbol"]))
    if report:
        print("\n".join(lines))
    n_gazette = sum(any(s["kind"] == "gazette" for s in x["sources"]) for x in out)
    n_document = sum(any(s["kind"] == "document" for s in x["sources"]) for x in out)
    n_research = sum(all(s["kind"] == "research" for s in x["sources"]) for x in out)
    return {
        "$schema": "./laws.schema.json",
        "description": ("Named-law catalogue: one entry per law version. Generated by bench/build_catalogue.py "
                        "from the official gazette corpus (congbao.chinhphu.vn), a corpus of 2025 administrative "
                        "documents (corpus/bulk2025) and the research note; edit the script, not this file."),
        "counts": {"entries": len(out), "with_gazette_source": n_gazette, "with_document_source": n_document,
                   "research_only": n_research},
        "laws": out,
    }


def _sym_year(sym: str) -> int:
    m = re.search(r"(\d{4})", sym)
    return int(m.group(1)) if m else 0


def dumps(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="exit 1 if data/laws.json differs from a rebuild")
    ap.add_argument("--report", action="store_true", help="print decisions (drops, conflicts, notes)")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    for folder, _kind_ in CORPORA:
        if not (folder / "txt").is_dir():
            print(f"{folder}/txt not found: every corpus of CORPORA is needed", file=sys.stderr)
            return 2
    text = dumps(build(report=args.report))
    if args.check:
        same = args.out.exists() and args.out.read_text(encoding="utf-8") == text
        print("up to date" if same else f"{args.out} is stale: run bench/build_catalogue.py")
        return 0 if same else 1
    args.out.write_text(text, encoding="utf-8")
    data = json.loads(text)
    print(f"wrote {args.out}: {data['counts']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
