"""The text detector's decisions: every real document (none may be refused) and the bad inputs.

    .venv/bin/python bench/detect.py

Reads every document of ../shared/corpus (dev, bulk/txt, bulk/pdf, bulk2025/txt, formats) with
``ingest.read`` and prints, per corpus, how many were read and refused (listing any refusal), then
the decision on each bad and legitimate input of tests/test_detect.py, and the detector's own
throughput on the 401 gazette texts.
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpus"


def main() -> int:
    from ingest import detect, read
    from ingest.errors import ReadError
    from ingest.read import SUPPORTED

    if CORPUS.is_dir():
        total = refused = 0
        for corpus in ("dev", "bulk/txt", "bulk/pdf", "bulk2025/txt", "formats"):
            files = sorted(p for p in (CORPUS / corpus).rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED)
            bad = []
            for p in files:
                try:
                    read(p)
                except ReadError as e:
                    bad.append(str(e))
            total, refused = total + len(files), refused + len(bad)
            print(f"{corpus:14} {len(files):4} documents, {len(bad)} refused" + "".join(f"\n    {b}" for b in bad))
        print(f"{'all real':14} {total:4} documents, {refused} refused")
        texts = [p.read_text(encoding="utf-8") for p in sorted((CORPUS / "bulk/txt").glob("*.txt"))]
        mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
        t0 = time.process_time()
        for t in texts:
            detect.problem(t)
        dt = time.process_time() - t0
        print(f"detector alone on bulk/txt: {mb:.1f} MB in {dt:.2f} s CPU ({mb / dt:.0f} MB/s)")
    else:
        print(f"skipped the real corpora: {CORPUS} is not there")

    from tests.test_detect import BAD, GOOD
    with tempfile.TemporaryDirectory() as tmp:
        print("\nbad inputs:")
        for case, name, data, _, _ in BAD:
            p = Path(tmp) / name
            p.write_bytes(data)
            try:
                read(p)
                print(f"  ACCEPTED  {case}")
            except ReadError as e:
                print(f"  refused   {case}: {type(e).__name__}: {str(e).split(': ', 1)[1]}")
        print("legitimate inputs:")
        for case, name, data in GOOD:
            p = Path(tmp) / name
            p.write_bytes(data)
            try:
                src = read(p)
                print(f"  accepted  {case} ({len(src.text):,} characters, {src.encoding})")
            except ReadError as e:
                print(f"  REFUSED   {case}: {e}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
