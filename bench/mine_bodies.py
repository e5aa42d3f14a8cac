"""Mine the names of public bodies from real documents, and measure the lexicon's coverage.

    .venv/bin/python bench/mine_bodies.py [--corpus bulk2025|bulk|dev|all] [--top N] [--uncovered N] [--json]

Reads ``../shared/corpus/<corpus>/txt`` (``dev`` reads ``corpus/dev/*.txt`` and the units named by
its gold) and collects *mentions* of bodies from four places:

* ``recipients``: the items of ``Nơi nhận:`` blocks (``- Sở Nội vụ;``), split where a comma starts
  another body (``Thường trực: Thành ủy, HĐND Thành phố``); notes in brackets, "Như trên",
  "Lưu: …" and persons (a title followed by a personal name) are dropped and counted apart;
* ``headers``: the issuer lines above ``CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`` (``ỦY BAN NHÂN DÂN`` /
  ``TỈNH BẮC NINH`` is one body, ``BỘ TÀI CHÍNH`` / ``CỤC THUẾ`` two);
* ``assignments``: ``Giao <unit>`` and ``<unit> chủ trì`` at the start of a clause, the unit cut at
  punctuation or at the first verb;
* ``gold`` (dev only): the ``lead`` / ``support`` / ``report_to`` units of ``corpus/dev/gold``.

Leading titles (``Chủ tịch``, ``Giám đốc``, ``Thủ trưởng`` …) are stripped: "Chủ tịch UBND các xã"
is a mention of "UBND các xã". The script prints the counts per source, the most frequent candidate
names (grouped by ``ingest.lexicon.fold_name``) and the *coverage*: the share of mentions, by
frequency, that the lexicon recognises (``ingest.lexicon.recognise``: an entry, variant or
abbreviation, a name with a place, a collective form, or a member of a family). The mining is
heuristic on purpose (it must not depend on the lexicon it measures); its misses are listed.
"""
from __future__ import annotations

import argparse
import collections
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ingest import lexicon  # noqa: E402

SHARED = ROOT.parent / "shared"

# Words that start a new body after a comma in a recipient item or a header line.
_HEADS = ("Sở", "Bộ", "Ban", "Cục", "Vụ", "Văn phòng", "VP", "VPCP", "UBND", "Ủy ban", "Uỷ ban", "HĐND", "Hội đồng",
          "Tỉnh ủy", "Tỉnh uỷ", "Thành ủy", "Thành uỷ", "Đảng ủy", "Đảng uỷ", "Công an", "Thuế", "Kho bạc", "KBNN",
          "BHXH", "Bảo hiểm", "Ngân hàng", "NHNN", "Đài", "Báo", "Trung tâm", "Chi cục", "Tòa án", "Toà án", "TAND",
          "Viện", "VKSND", "Kiểm toán", "Thanh tra", "Mặt trận", "MTTQ", "UBMTTQ", "Hội", "Liên đoàn", "Đoàn",
          "Tỉnh đoàn", "Thành đoàn", "Cổng", "Bộ Chỉ huy", "Bộ CHQS", "Quốc hội", "Chính phủ", "Thủ tướng",
          "Trường", "Bệnh viện", "Tổng cục", "Tập đoàn", "Tổng công ty", "Công ty", "Phòng", "Chủ tịch",
          "Phó Chủ tịch", "Các", "các Phó", "Thường trực", "Lãnh đạo", "Liên hiệp", "TT", "TTr", "TTTU",
          "UB", "UBMTTQVN", "BCĐ", "Đài", "TAND", "VKSND")
_HEAD_RX = re.compile(r"(?:%s)\b" % "|".join(re.escape(h) for h in sorted(_HEADS, key=len, reverse=True)))

# Titles in front of a body's name: the mention is of the body.
_TITLES = (r"Chủ tịch|Giám đốc|Thủ trưởng|Bộ trưởng|Thứ trưởng|Chánh Văn phòng|Chánh Thanh tra|Chánh|Trưởng ban|Trưởng Ban|"
           r"Người đứng đầu|Lãnh đạo|Thường trực|Bí thư|Chủ nhiệm|Tổng Giám đốc|Cục trưởng|Chi cục trưởng|Vụ trưởng|"
           r"Trưởng|Thành viên|Đại biểu|các vị Đại biểu|đồng chí|Đ/c|đ/c|CT|PCT|CVP|PCVP|PVP|LĐVP|TTr|TT|BTV")
_TITLE_RX = re.compile(r"^(?:(?:và\s+)?(?:(?:các|Các)\s+)?(?:vị\s+)?(?:Phó\s+)?(?:" + _TITLES + r")\.?(?:\s*,\s*|\s+|$))+(?=\S|$)")
_LONE_TITLE_RX = re.compile(r"^(?:(?:các|Các)\s+)?(?:Phó\s+)?(?:" + _TITLES + r"|Thứ trưởng|Phó Thủ tướng(?: Chính phủ| CP)?|PTTgCP|PTTg|Trợ lý|Thư ký|đại biểu(?: HĐND)?(?: \S+)?)\.?$")
# Persons: a (possibly abbreviated) title followed by a personal name, e.g. "PCTr Đặng Ngọc Minh".
_PERSON_RX = re.compile(
    r"^(?:(?:Phó\s+)?(?:CTr|PCTr|CT|PCT|Chủ tịch|Phó CTr\.?|Đ/c|đồng chí|Ông|Bà|TGĐ|PTGĐ|Giám đốc|Bộ trưởng|Thứ trưởng)\.?\s+)"
    r"[A-ZĐÀ-Ỹ][a-zà-ỹ]+(?:\s+[A-ZĐÀ-Ỹ][a-zà-ỹ]+){1,3}\s*(?:\(.*)?$")
_SURNAMES = ("Nguyễn|Trần|Lê|Phạm|Hoàng|Huỳnh|Phan|Vũ|Võ|Đặng|Bùi|Đỗ|Hồ|Ngô|Dương|Lý|Đinh|Trịnh|Đoàn|Lâm|Mai|Trương|"
             "Lương|Tạ|Cao|Chu|Tô|Hà|Kiều|Thái|Văn|Quách|Tăng|Lò|Triệu|Hứa|Giang|Lục|Nông|Vương")
_PERSON_NAME_RX = re.compile(r"(?:^|\s)(?:" + _SURNAMES + r")(?:\s+[A-ZĐ][a-zà-ỹ]+){1,3}$")
_FURNITURE_RX = re.compile(r"^(?:Như\s+(?:trên|Điều|Khoản|điều|khoản|mục)|Lưu\b|Lưu:|Website|Trang\s+(?:web|thông tin)|"
                           r"Cổng\s+(?:TTĐT|thông tin|Thông tin)|Trang\s+(?:TTĐT|tin)|Công báo|Các\s+(?:thành viên|đồng chí)|Thành viên|"
                           r"Đăng\s+(?:tải|Công báo)|VT\b|Báo cáo)", re.I)

_VERBS = ("chủ trì", "phối hợp", "có trách nhiệm", "chịu trách nhiệm", "thực hiện", "tổ chức", "tham mưu", "hướng dẫn",
          "triển khai", "theo dõi", "căn cứ", "khẩn trương", "rà soát", "xây dựng", "nghiên cứu", "đôn đốc", "kiểm tra",
          "chỉ đạo", "trình", "làm", "là", "tiếp tục", "cung cấp", "bố trí", "quản lý", "thẩm định", "tổng hợp", "ban hành",
          "báo cáo", "đề xuất", "lập", "cập nhật", "phổ biến", "tuyên truyền", "công bố", "giải quyết", "thông báo",
          "xử lý", "giám sát", "đánh giá", "chủ động", "nắm", "sửa đổi", "hoàn thiện", "tiếp nhận", "bảo đảm", "đảm bảo",
          "thường xuyên", "tập trung", "để", "nhằm", "trong", "theo", "tại", "về", "từ", "trước", "sau", "với", "cho",
          "hoàn thành", "thống nhất", "trực tiếp", "hằng", "hàng", "định kỳ", "được", "đã", "sẽ", "cần", "phải",
          "giao", "ủy quyền", "uỷ quyền", "thanh tra", "kiểm soát", "ứng dụng", "mở", "có", "gửi", "trên cơ sở")
_STOP_RX = re.compile(r"\s+(?:%s)(?=\s|$|[,;.:])" % "|".join(re.escape(v) for v in _VERBS))
# After a comma a name goes on only with these words (collective forms, names with commas).
_COMMA_GOES_ON = re.compile(
    r"(?:ban|ngành|đơn vị|phường|đặc khu|thị trấn|thị xã|thành phố|cơ quan|Thể thao|tổ chức|địa phương|đoàn thể|"
    r"xã|doanh nghiệp|cá nhân|quận|huyện|cơ sở|hội|Thương binh|các đoàn thể|các tổ chức|Hội|các hội|ngành)\b")


def fold(s: str) -> str:
    return lexicon.fold_name(s)


# --------------------------------------------------------------------------------------------
# Sources
# --------------------------------------------------------------------------------------------
def _split_item(item: str, also_and: bool = False) -> list[str]:
    """Split a recipient item at commas (and, if asked, at "và") that start another body, never inside
    "Bộ Văn hóa, Thể thao và Du lịch" or "Sở Giáo dục và Đào tạo"."""
    parts, cur = [], ""
    for piece in re.split(r"(,\s*|\s+và\s+)" if also_and else r"(,\s*)", item):
        if re.fullmatch(r",\s*|\s+và\s+", piece):
            cur += piece
            continue
        if cur and _HEAD_RX.match(piece) and not _COMMA_GOES_ON.match(piece):
            parts.append(cur.rstrip(", "))
            cur = piece
        else:
            cur += piece
    if cur.strip(", "):
        parts.append(cur.rstrip(", "))
    return parts


def _clean_name(s: str) -> str:
    s = re.sub(r"\([^()]*\)?", " ", s)                     # notes: (để b/c), (qua Sở Nội vụ), (BTC)
    s = re.sub(r"\s+", " ", s).strip(" -+•*;.,:\t")
    return s


def recipients(text: str) -> tuple[list[str], collections.Counter]:
    """Body names of the ``Nơi nhận`` blocks, and counts of what was dropped (furniture, persons)."""
    names: list[str] = []
    dropped: collections.Counter = collections.Counter()
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        if not re.match(r"^\s*\*{0,2}Nơi\s+nhận\s*:?", lines[i]):
            i += 1
            continue
        rest = re.sub(r"^\s*\*{0,2}Nơi\s+nhận\s*:?\*{0,2}", "", lines[i]).strip()
        items: list[str] = [rest] if rest else []
        j = i + 1
        while j < len(lines) and j < i + 80:
            ln = lines[j].strip()
            if not ln:
                j += 1
                continue
            if re.match(r"^[-+•*]", ln):
                items.append(ln)
            elif items and not re.search(r"[;.]\s*$", items[-1]) and not ln.isupper() and not re.match(r"^(?:KT|TM|TL|Q)\.", ln):
                items[-1] += " " + ln                        # a wrapped item
            else:
                break
            if re.match(r"^[-+•*]\s*Lưu\b", ln):
                break
            j += 1
        for it in items:
            it = re.sub(r"^[-+•*]\s*", "", it).strip()
            for part in re.split(r";", it):
                part = part.strip()
                if not part:
                    continue
                if _FURNITURE_RX.match(part):
                    dropped["furniture"] += 1
                    continue
                if ":" in part:                                # "VPCP: BTCN, các Vụ"  /  "Thường trực: Thành ủy, HĐND"
                    before, after = part.split(":", 1)
                    if re.fullmatch(r"\s*(?:Thường trực|TT|Thường trực\s+\S+|Các Tập đoàn|Đồng chí|Đ/c)\s*", before):
                        part = after
                    else:
                        part = before
                for name in _split_item(part, also_and=not re.search(r"ĐBQH|Quốc hội", part)):
                    name = _clean_name(name)
                    if not name or len(name) < 3 or not re.search(r"[A-Za-zÀ-ỹĐđ]", name):
                        continue
                    if _PERSON_RX.match(name) or _PERSON_NAME_RX.search(name):
                        dropped["person"] += 1
                        continue
                    names.append(name)
        i = j
    return names, dropped


_HEADER_HEAD = re.compile(r"^(?:ỦY BAN|UỶ BAN|UBND|HỘI ĐỒNG|BỘ\b(?! TÀI\b)(?!\s*$)|SỞ|CỤC|THUẾ|TRUNG TÂM|VĂN PHÒNG|BAN|"
                          r"CHỦ TỊCH|THỦ TƯỚNG|KIỂM TOÁN|CHÍNH PHỦ|TỔNG CỤC|CHI CỤC|KHO BẠC|BẢO HIỂM|NGÂN HÀNG|"
                          r"THANH TRA|CÔNG AN|ĐẢNG|TỈNH ỦY|THÀNH ỦY|QUỐC HỘI|VIỆN|TÒA|ĐÀI)")


def headers(text: str) -> list[str]:
    """Issuer lines above the national motto, joined where a name wraps, split where a new body starts."""
    lines = text.split("\n")[:10]
    block: list[str] = []
    for ln in lines:
        if re.search(r"CỘNG H(?:ÒA|OÀ)", ln.upper()):
            break
        ln = ln.strip().strip("-").strip()
        if not ln:
            continue
        if not ln.isupper() or ln.startswith("#") or "|" in ln or len(ln) > 80:
            return []
        block.append(ln)
    else:
        return []
    bodies: list[str] = []
    for ln in block:
        if bodies and not _HEADER_HEAD.match(ln):
            bodies[-1] += " " + ln
        elif bodies and re.fullmatch(r"BỘ|BỘ TÀI", bodies[-1]):
            bodies[-1] += " " + ln
        else:
            bodies.append(ln)
    out = []
    for b in bodies:
        b = re.sub(r"^(?:PHÓ\s+)?CHỦ TỊCH\s+(?=ỦY BAN|UỶ BAN|UBND)", "", b)
        out.append(re.sub(r"\s+", " ", b).strip(" ,"))
    return out


_CLAUSE_START = r"(?:^|\n)[ \t]*(?:[-+•*][ \t]*|[a-zđ][)\.][ \t]*|\d+(?:\.\d+)*[.)]?[ \t]+|[IVX]+\.[ \t]*)?"


def _cut_unit(s: str) -> str | None:
    """The unit at the start of ``s``: cut at punctuation (a comma only when no name goes on), a verb or a clause."""
    out = ""
    for piece in re.split(r"(,)", s):
        if piece == ",":
            out += ","
            continue
        if out.endswith(",") and not re.match(r"\s*" + _COMMA_GOES_ON.pattern, piece):
            out = out[:-1]
            break
        m = re.search(r"[;.:()\n\"“”]", piece)
        stop = _STOP_RX.search(piece)
        cut = min([x for x in (m.start() if m else None, stop.start() if stop else None) if x is not None], default=None)
        if cut is not None:
            out += piece[:cut]
            break
        out += piece
    out = re.sub(r"\s+", " ", out).strip(" ,")
    if not out or len(out.split()) > 16 or not (out[0].isupper() or re.match(r"(?:các|cơ quan)\s", out)):
        return None
    return out


def assignments(text: str) -> list[str]:
    """``Giao <unit>`` anywhere and ``<unit> chủ trì`` at the start of a clause."""
    names = []
    for m in re.finditer(r"(?:\bGiao|(?<=[,;:]\s)giao|(?<=\svà\s)giao)\s+(?:cho\s+)?(?=\S)", text):
        u = _cut_unit(text[m.end():m.end() + 200])
        for part in _split_item(u, also_and=True) if u else []:
            names.append(part)
    for m in re.finditer(_CLAUSE_START + r"(?P<u>[^\n;:.]{3,120}?)\s+(?:là cơ quan\s+)?chủ trì\b", text):
        u = m.group("u")
        if re.search(r"\b[Gg]iao\b", u):
            continue                                           # already counted as "Giao <unit>"
        u = re.sub(r"^(?:Theo đó,\s*)?(?:Đề nghị|Yêu cầu|Đồng ý|Ủy quyền|Uỷ quyền)?\s*", "", u)
        for part in _split_item(u, also_and=True):         # "Đài Truyền hình Việt Nam và Đài Tiếng nói Việt Nam"
            part = _cut_unit(part + ".")
            if part and not re.fullmatch(r"(?:Cơ quan|Đơn vị|Tổ chức|Người|Bộ phận|Cấp)(?: thực hiện)?", part) \
                    and not _OPENER_RX.match(part):
                names.append(part)                             # (not the field labels "Cơ quan chủ trì:")
    return names


# Clause openers that are not units ("Đối với …", "Trên cơ sở …", "Trường hợp …").
_OPENER_RX = re.compile(
    r"^(?:Đối với|Trên cơ sở|Tiếp tục|Theo|Là cơ quan|Hằng năm|Hàng năm|Ngày|Trong|Trước|Về|Văn bản|Tài liệu|Trường hợp|"
    r"Xác định|Ưu tiên|Thực hiện|Tham mưu|Triệu tập|Thay mặt|Đại diện|Phát huy|Thành phần|Giá|Tên|Đồng thời|Đồng ý|"
    r"Trụ sở|Việc|Khi|Nếu|Sau|Từ|Căn cứ|Để|Nhằm|Do|Với|Tại|Hoặc|Đối|Đồng)\b")


def gold_units(path: Path) -> list[str]:
    d = json.loads(path.read_text(encoding="utf-8"))
    out = []
    for t in d.get("tasks", []):
        for k in ("lead", "support", "report_to"):
            v = t.get(k) or []
            out.extend([v] if isinstance(v, str) else [u for u in v if isinstance(u, str)])
    return out


def strip_title(name: str) -> str:
    """``Chủ tịch, các PCT UBND tỉnh`` -> ``UBND tỉnh``; a title alone stays (it is dropped as a person)."""
    if _LONE_TITLE_RX.match(name) or re.fullmatch(r"Thủ tướng(?: Chính phủ)?", name):
        return name
    rest = _TITLE_RX.sub("", name).strip(" ,")
    return rest or name


def _add(counter: collections.Counter, names: list[str], dropped: collections.Counter) -> None:
    for n in names:
        n = strip_title(n)
        if _LONE_TITLE_RX.match(n) and not re.fullmatch(r"Thủ tướng(?: Chính phủ)?", n):
            dropped["person"] += 1                            # "Bộ trưởng", "Các Thứ trưởng": a person, no body
        else:
            counter[n] += 1


# --------------------------------------------------------------------------------------------
def mine(corpus: str) -> dict[str, collections.Counter]:
    by_source: dict[str, collections.Counter] = {s: collections.Counter() for s in
                                                  ("recipients", "headers", "assignments", "gold")}
    dropped: collections.Counter = collections.Counter()
    corpora = ["bulk2025", "bulk", "dev"] if corpus == "all" else [corpus]
    for c in corpora:
        folder = SHARED / "corpus" / c / ("" if c == "dev" else "txt")
        for f in sorted(folder.glob("*.txt")):
            text = f.read_text(encoding="utf-8", errors="replace")
            names, dr = recipients(text)
            dropped.update(dr)
            _add(by_source["recipients"], names, dropped)
            _add(by_source["headers"], headers(text), dropped)
            _add(by_source["assignments"], assignments(text), dropped)
        if c == "dev":
            for g in sorted((SHARED / "corpus" / "dev" / "gold").glob("*.json")):
                _add(by_source["gold"], gold_units(g), dropped)
    by_source["_dropped"] = dropped
    return by_source


def report(by_source: dict[str, collections.Counter], top: int, uncovered: int, as_json: bool) -> int:
    dropped = by_source.pop("_dropped")
    total: collections.Counter = collections.Counter()
    for c in by_source.values():
        total.update(c)
    groups: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for name, n in total.items():
        groups[fold(name)][name] += n
    rows = []
    for key, forms in groups.items():
        shown = forms.most_common(1)[0][0]
        how = lexicon.recognise(shown)
        rows.append({"name": shown, "count": sum(forms.values()), "recognised": how})
    rows.sort(key=lambda r: (-r["count"], r["name"]))
    per_source = {}
    for s, c in by_source.items():
        n = sum(c.values())
        hit = sum(v for k, v in c.items() if lexicon.recognise(k))
        per_source[s] = {"mentions": n, "distinct": len(c), "recognised": hit, "coverage": round(hit / n, 4) if n else None}
    n = sum(total.values())
    hit = sum(v for k, v in total.items() if lexicon.recognise(k))
    how_counts = collections.Counter()
    for k, v in total.items():
        how_counts[lexicon.recognise(k) or "-"] += v
    summary = {"mentions": n, "distinct": len(rows), "recognised": hit, "coverage": round(hit / n, 4) if n else None,
               "by_source": per_source, "by_how": dict(how_counts.most_common()), "dropped": dict(dropped)}
    if as_json:
        print(json.dumps({"summary": summary, "candidates": rows[:top],
                          "uncovered": [r for r in rows if not r["recognised"]][:uncovered]}, ensure_ascii=False, indent=1))
        return 0
    print(f"mentions {n} ({len(rows)} distinct names after folding); dropped: "
          + ", ".join(f"{k} {v}" for k, v in dropped.items()))
    for s, d in per_source.items():
        if d["mentions"]:
            print(f"  {s:12s} {d['mentions']:6d} mentions {d['distinct']:5d} distinct  coverage {d['coverage']:.1%}")
    print(f"COVERAGE {hit}/{n} = {hit / n:.1%} of mentions (by frequency) recognised by the lexicon")
    print("  by how: " + ", ".join(f"{k} {v}" for k, v in how_counts.most_common()))
    print(f"\ntop {top} candidates (count, recognised-as, name):")
    for r in rows[:top]:
        print(f"{r['count']:6d}  {r['recognised'] or '-':10s}  {r['name']}")
    print(f"\ntop {uncovered} NOT recognised:")
    for r in [r for r in rows if not r["recognised"]][:uncovered]:
        print(f"{r['count']:6d}  {r['name']}")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", default="bulk2025", choices=["bulk2025", "bulk", "dev", "all"])
    ap.add_argument("--top", type=int, default=60)
    ap.add_argument("--uncovered", type=int, default=60)
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args(argv)
    if not (SHARED / "corpus").is_dir():
        print(f"skipped: {SHARED / 'corpus'} is not there (../shared is needed for mining)")
        return 0
    return report(mine(a.corpus), a.top, a.uncovered, a.json)


if __name__ == "__main__":
    sys.exit(main())
