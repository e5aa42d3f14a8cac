#!/usr/bin/env python3
"""A cheap generalisation signal on documents without gold (issue 8): of the work items whose own
text says "chủ trì", the share that get a lead; of those saying "phối hợp", the share that get a
support; of those saying "báo cáo", the share with a report-to; of those with a date-like phrase
("trước ngày", "Quý", "tháng … năm", "năm 20..", "thường xuyên", "hằng năm"), the share with a deadline.

    .venv/bin/python bench/role_signal.py [FOLDER ...]     (default ../shared/corpus/bulk2025/txt)

Items counted: kind task or assignment, own text (up to the first child). The word test is crude on
purpose (no gold needed): 100 % is not always right ("không chủ trì"), but a low share means the
rules miss a layout. Reads ../shared; says so and exits 0 when it is absent.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WORDS = {
    "lead": re.compile(r"chủ\s+trì", re.I),
    "support": re.compile(r"phối\s+hợp", re.I),
    "report_to": re.compile(r"báo\s+cáo\s+(?:về|cho|lên|kết\s+quả|[A-ZĐỦU])|gửi\s+(?:báo\s+cáo|về)", re.I),
    "deadline": re.compile(r"trước\s+ngày|chậm\s+nhất|[Qq]uý\s+[IV1-4]|tháng\s+\d{1,2}\s*(?:/|năm)\s*20\d\d|"
                           r"năm\s+20\d\d|thường\s+xuyên|h[ằà]ng\s+(?:năm|quý|tháng)", re.I),
}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folders", nargs="*", type=Path,
                    default=[ROOT.parent / "shared" / "corpus" / "bulk2025" / "txt"])
    ap.add_argument("--examples", type=int, default=0, help="print N misses per role")
    a = ap.parse_args()
    files = [p for f in a.folders if f.is_dir() for p in sorted(f.glob("*.txt"))]
    if not files:
        print("skipped: no folder to read (default ../shared/corpus/bulk2025/txt)")
        return 0
    from ingest.pipeline import extract_file

    said, got = Counter(), Counter()
    misses: dict[str, list] = {k: [] for k in WORDS}
    errors = 0
    for p in files:
        try:
            f = extract_file(p)
        except Exception as e:  # noqa: BLE001 - a benchmark counts what fails and goes on
            errors += 1
            print(f"error {p.name}: {e}", file=sys.stderr)
            continue
        kids = {t.parent for t in f.tasks if t.parent}
        for t in f.tasks:
            if t.kind not in ("task", "assignment"):
                continue
            own = t.text
            for role, rx in WORDS.items():
                if rx.search(own):
                    said[role] += 1
                    ok = bool(getattr(t, role)) if role != "deadline" else t.deadline is not None
                    got[role] += ok
                    if not ok and len(misses[role]) < a.examples:
                        misses[role].append(f"{p.name} {t.id}: {' '.join(own.split())[:160]}")
    print(f"documents: {len(files)}  errors: {errors}")
    for role in WORDS:
        n = said[role] or 1
        print(f"{role:10s} items saying it: {said[role]:5d}  with one: {got[role]:5d}  share {got[role] / n:.3f}")
    for role, ms in misses.items():
        for m in ms:
            print(f"  miss {role}: {m}")
    print("SIGNAL " + " ".join(f"{r}={got[r] / (said[r] or 1):.3f}" for r in WORDS))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
