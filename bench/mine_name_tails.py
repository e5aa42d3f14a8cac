"""Mine the names the unit grammar cuts short: names printed with a lower-case tail.

    .venv/bin/python bench/mine_name_tails.py [FOLDER ...] [--min-count 4] [--min-docs 3] [--share 0.5]

(default folders: ../shared/corpus/bulk2025/txt and ../shared/corpus/bulk/txt)

For every unit mention the extraction finds, the lower-case words printed right after it (up to four,
stopping at a verb or function word) are counted. A tail printed after at least ``--share`` of a
name's mentions, at least ``--min-count`` times, in ``--min-docs`` documents or more, is most likely
the rest of the name ("Trung tâm Phục vụ Hành chính | công", "Văn phòng Hội đồng | nhân dân",
"Trung tâm Kiểm soát | bệnh tật"): such names go to ``name_compounds`` in
``data/patterns/units.json``, with the counts printed here. Read the list: a tail that is a verb
phrase ("… | chịu trách nhiệm") or a place is no part of a name. Documents of the untuned silver
sets (``UNTUNED``: tasks4, tasks6) are left out. Reads ../shared; says so and exits 0 when it is absent.
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
CORPUS = ROOT.parent / "shared" / "corpus"

# words after a name that start what the body does, or a place or a level: never a name's tail
_STOP = set("và của về có theo tại với trong các để thì là được đã sẽ đang chưa không vẫn cũng cần phải trình "
            "chủ phối thực tổ xây triển tham hướng kiểm báo chỉ rà giao đề nghị quyết cho từ đến trước sau khi "
            "này đó thuộc trực tỉnh xã phường huyện thành".split())
_WORD = re.compile(r"[ \t]+([a-zà-ỹđ][\wà-ỹ]*)")


UNTUNED = ("tasks4", "tasks6")  # silver sets whose failures are never read


def _untuned() -> set[str]:
    """The source files of the untuned silver sets (never mined, so that they stay untuned)."""
    out: set[str] = set()
    for g in (g for name in UNTUNED for g in (ROOT / "bench" / "silver" / name).glob("*.json")):
        try:
            out.add(Path(json.loads(g.read_text(encoding="utf-8")).get("file", "")).name)
        except (OSError, ValueError):
            continue
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folders", nargs="*", type=Path, default=[CORPUS / "bulk2025" / "txt", CORPUS / "bulk" / "txt"])
    ap.add_argument("--min-count", type=int, default=4)
    ap.add_argument("--min-docs", type=int, default=3)
    ap.add_argument("--share", type=float, default=0.5)
    a = ap.parse_args()
    skip = _untuned()
    files = [p for f in a.folders if f.is_dir() for p in sorted(f.glob("*.txt")) if p.name not in skip]
    if not files:
        print("skipped: no folder to read (default ../shared/corpus/bulk2025/txt and bulk/txt)")
        return 0
    from ingest.pipeline import extract_file

    seen: collections.Counter = collections.Counter()
    tails: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    docs: dict[tuple[str, str], set[str]] = collections.defaultdict(set)
    for p in files:
        try:
            facts = extract_file(p)
        except Exception:  # noqa: BLE001 - a document that does not extract is skipped
            continue
        text = facts.source.text
        for u in facts.units:
            for s, e in u.mentions:
                name = " ".join(text[s:e].split())
                if not name[:1].isupper() or " " not in name:
                    continue
                seen[name] += 1
                words, pos = [], e
                while len(words) < 4:
                    m = _WORD.match(text, pos)
                    if not m or m.group(1) in _STOP:
                        break
                    words.append(m.group(1))
                    pos = m.end()
                for k in range(1, len(words) + 1):
                    tail = " ".join(words[:k])
                    tails[name][tail] += 1
                    docs[(name, tail)].add(p.name)
    rows = [(n, len(docs[(name, tail)]), seen[name], name, tail)
            for name, c in tails.items() for tail, n in c.items()
            if n >= a.min_count and len(docs[(name, tail)]) >= a.min_docs and n / seen[name] >= a.share]
    print(f"documents: {len(files)}   (count, documents, mentions of the name, name | tail)")
    for n, nd, total, name, tail in sorted(rows, key=lambda r: -r[0]):
        print(f"{n:5d} {nd:4d} {total:5d}  {name} | {tail}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
