"""Throughput of the full extraction next to a bare single-regex scan of the same texts.

    .venv/bin/python bench/extract.py [FOLDER] [--repeat N]      (default ../shared/corpus/bulk/txt)

One process, one core. Texts are read first (not timed); then, in the same run:
- bare scan: one regular expression for document symbols over every text (``re.finditer``);
- full extraction: ``ingest.extract`` (cleaning, outline, header, citations, named laws, units,
  tasks) and the JSON the CLI would print, for every text.
Prints MB/s (UTF-8 bytes of the texts) and docs/s for both, their ratio, and the peak RSS.
"""
from __future__ import annotations

import argparse
import json
import re
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BARE = re.compile(r"\d{1,5}(?:/(?:19|20)\d\d)?[/-][A-ZĐ][A-ZĐa-z0-9&]*(?:[-/][A-ZĐ][A-ZĐa-z0-9&]*)*")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", default=str(ROOT.parent / "shared" / "corpus" / "bulk" / "txt"))
    ap.add_argument("--repeat", type=int, default=1, help="passes over the corpus (best one is reported)")
    a = ap.parse_args()
    folder = Path(a.folder)
    if not folder.is_dir():
        print(f"skipped: {folder} is not there (the benchmark reads ../shared/corpus/bulk/txt)")
        return 0
    from ingest import extract, read
    from ingest.catalogue import load

    load()  # one-time start-up cost, not per document
    sources = [read(p) for p in sorted(folder.glob("*.txt"))]
    mb = sum(len(s.text.encode("utf-8")) for s in sources) / 1e6
    n = len(sources)

    # CPU time of this process (time.process_time) is what one core spends; wall time is shown too,
    # since on a shared machine it also counts waiting for the core
    best_bare = best_full = wall_bare = wall_full = float("inf")
    found = 0
    for _ in range(a.repeat):
        w0, t0 = time.perf_counter(), time.process_time()
        found = sum(1 for s in sources for _ in BARE.finditer(s.text))
        best_bare = min(best_bare, time.process_time() - t0)
        wall_bare = min(wall_bare, time.perf_counter() - w0)
        w0, t0 = time.perf_counter(), time.process_time()
        cites = 0
        for s in sources:
            f = extract(s)
            cites += len(f.citations)
            json.dumps(f.to_json(), ensure_ascii=False)
        best_full = min(best_full, time.process_time() - t0)
        wall_full = min(wall_full, time.perf_counter() - w0)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"corpus: {n} documents, {mb:.1f} MB (UTF-8)")
    print(f"bare single-regex scan: {best_bare:.2f} s CPU ({wall_bare:.2f} s wall)  {mb / best_bare:.1f} MB/s  "
          f"{n / best_bare:.0f} docs/s  ({found} matches)")
    print(f"full extraction + JSON: {best_full:.2f} s CPU ({wall_full:.2f} s wall)  {mb / best_full:.2f} MB/s  "
          f"{n / best_full:.1f} docs/s  ({cites} citations)")
    print(f"ratio full/bare: {best_full / best_bare:.1f}x   peak RSS: {rss:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
