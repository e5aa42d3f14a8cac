"""Check the document's own type and symbol on the 401 gazette texts against their file names.

    .venv/bin/python bench/bulk_check.py [FOLDER]    (default ../shared/corpus/bulk/txt)

A file name such as ``nghi-dinh-so-111-2022-nd-cp-38434.txt`` says the type (Nghị định) and the
symbol (111/2022/NĐ-CP). Prints the share right and the misses.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TYPES = {"nghi-dinh": "Nghị định", "thong-tu-lien-tich": "Thông tư liên tịch", "thong-tu": "Thông tư",
         "van-ban-hop-nhat": "Văn bản hợp nhất", "nghi-quyet": "Nghị quyết", "quyet-dinh": "Quyết định",
         "luat": "Luật", "chi-thi": "Chỉ thị", "thong-bao": "Thông báo", "bo-luat": "Bộ luật"}


def slug(s: str | None) -> str:
    """A file-name form of a symbol; leading zeros dropped as file names drop them (07/… → 7-…)."""
    return re.sub(r"(?<![0-9])0+(?=[0-9])", "", _slug(re.sub(r"(?<=\d)\.(?=\d)", "", s or "")))


def _slug(s: str | None) -> str:
    s = unicodedata.normalize("NFD", (s or "").replace("Đ", "D").replace("đ", "d"))
    s = "".join(c for c in s if unicodedata.category(c) != "Mn").lower()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def expected(name: str) -> tuple[str | None, str]:
    stem = Path(name).stem
    m = re.match(r"(?P<t>[a-z-]+?)-so-(?P<sym>.+)-\d+$", stem)
    if not m:
        return None, ""
    return TYPES.get(m.group("t")), re.sub(r"(?<![0-9])0+(?=[0-9])", "", m.group("sym"))


def main() -> int:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "corpus" / "bulk" / "txt"
    if not folder.is_dir():
        print(f"skipped: {folder} is not there (../shared is needed for this check)")
        return 0
    p = subprocess.run([str(ROOT / ".venv" / "bin" / "cancu"), "extract", str(folder), "--format", "jsonl"],
                       capture_output=True, text=True)
    ok = n = 0
    misses = []
    for line in p.stdout.splitlines():
        o = json.loads(line)
        path = o["source"]["path"]
        n += 1
        if "error" in o:
            misses.append((Path(path).name, "ERROR " + o["error"]))
            continue
        t, sym = expected(path)
        d = o["document"]
        good_t = t is None or d.get("type") == t
        good_s = slug(d.get("symbol")) == sym
        if good_t and good_s:
            ok += 1
        else:
            misses.append((Path(path).name, f"type={d.get('type')!r} symbol={d.get('symbol')!r} want {t!r} {sym!r}"))
    for name, why in misses:
        print(f"  {name}: {why}")
    print(f"own type and symbol right: {ok}/{n} = {ok / max(n, 1):.3f}  (exit {p.returncode})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
