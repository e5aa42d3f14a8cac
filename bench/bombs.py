"""Time and peak memory of reading (and extracting) hostile and very large files.

    .venv/bin/python bench/bombs.py [--only NAME ...] [--keep DIR]

Each case is built in a temporary folder (streamed: building costs little memory), then read by
``ingest.read`` and, when accepted, extracted by ``ingest.extract``, in a fresh process whose
peak RSS (``ru_maxrss``) and wall time are printed with the outcome (refused: the one-line error).
Issue 13 measured the first two at 217 s / 2.3 GB and 2 GB before refusal.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SEED = ROOT / "data" / "seed" / "ke-hoach-dan-van-dan-chu-2026.txt"


def _sparse(path: Path, size: int, fill: bytes = b"") -> Path:
    with open(path, "wb") as f:
        if fill:
            chunk = fill * (1_000_000 // len(fill))
            for _ in range(size // len(chunk)):
                f.write(chunk)
        else:
            f.truncate(size)
    return path


def _seed_copies(path: Path, mb: float) -> Path:
    unit = SEED.read_text(encoding="utf-8").rstrip("\n") + "\n\n"
    n = max(1, int(mb * 1e6 / len(unit.encode("utf-8"))))
    with open(path, "w", encoding="utf-8") as f:
        for _ in range(n):
            f.write(unit)
    return path


def _rtf(path: Path, mb: float) -> Path:
    unit = b"\\'e1\\'e0 x\\par "
    with open(path, "wb") as f:
        f.write(b"{\\rtf1\\ansi ")
        block = unit * 10_000
        for _ in range(int(mb * 1e6) // len(block)):
            f.write(block)
        f.write(b"}")
    return path


def _html(path: Path, tags: int) -> Path:
    with open(path, "wb") as f:
        f.write(b"<html><body><div>")
        block = b"<p>a</p>" * 10_000
        for _ in range(tags // 20_000):
            f.write(block)
        f.write(b"</div></body></html>")
    return path


def cases(tmp: Path) -> dict:
    from tests import bombs

    return {
        "docx: 100 MB of empty paragraphs (the issue's bomb)": lambda: bombs.empty_paragraphs_docx(tmp / "a.docx", 100),
        "docx: 1 GB of spaces in one paragraph": lambda: bombs.spaces_docx(tmp / "b.docx", 1000),
        "docx: 30 MB of empty paragraphs (under the limit)": lambda: bombs.empty_paragraphs_docx(tmp / "c.docx", 30),
        "docx: 30 MB of text paragraphs (over the character limit)": lambda: bombs.text_docx(tmp / "d.docx", 30),
        "docx: 20 MB of text paragraphs (under both limits)": lambda: bombs.text_docx(tmp / "d2.docx", 20),
        "txt: 1 GB of spaces": lambda: _sparse(tmp / "e.txt", 1_000_000_000, b" "),
        "txt: 50 MB of spaces (just under the byte limit)": lambda: _sparse(tmp / "f.txt", 50 * 1024 * 1024 - 1, b" "),
        "txt: copies of the seed up to the character limit": lambda: _seed_copies(tmp / "g.txt", 26),
        "rtf: 50 MB of escapes and paragraphs": lambda: _rtf(tmp / "h.rtf", 49),
        "html: 480,000 tags (under the limit)": lambda: _html(tmp / "i.html", 480_000),
    }


CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, sys.argv[2])
from ingest import extract, read
from ingest.errors import IngestError
t0 = time.perf_counter()
out = {}
try:
    src = read(sys.argv[1])
    out["read"] = f"{len(src.text):,} characters"
    f = extract(src)
    out["extracted"] = f"{len(f.citations)} citations, {len(f.tasks)} tasks"
except IngestError as e:
    out["refused"] = str(e).split(": ", 1)[1]
out["seconds"] = time.perf_counter() - t0
out["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(out))
"""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", nargs="*", help="cases whose name contains one of these words")
    ap.add_argument("--keep", help="build the files in this folder and keep them")
    a = ap.parse_args()
    tmp = Path(a.keep) if a.keep else Path(tempfile.mkdtemp(prefix="cancu-bombs-"))
    tmp.mkdir(parents=True, exist_ok=True)
    idle = tmp / "idle.txt"
    idle.write_text("Kế hoạch", encoding="utf-8")
    base = json.loads(subprocess.run([sys.executable, "-c", CHILD, str(idle), str(ROOT)], capture_output=True,
                                     text=True).stdout)
    idle.unlink()
    print(f"a process that reads and extracts one word: {base['peak_mb']:.0f} MB peak RSS, {base['seconds']:.2f} s")
    try:
        for name, build in cases(tmp).items():
            if a.only and not any(w in name for w in a.only):
                continue
            t0 = time.perf_counter()
            path = build()
            built = time.perf_counter() - t0
            r = subprocess.run([sys.executable, "-c", CHILD, str(path), str(ROOT)], capture_output=True, text=True,
                               env={**os.environ, "CANCU_MAX_BYTES": str(2 * 1024**3)} if "1 GB" in name and "txt" in name
                               else None)
            if r.returncode != 0:
                print(f"{name}: CRASHED\n{r.stderr}")
                continue
            out = json.loads(r.stdout)
            what = f"refused: {out['refused']}" if "refused" in out else f"read {out['read']}; {out.get('extracted', '')}"
            print(f"{name} [{path.stat().st_size / 1e6:.2f} MB on disk, built in {built:.1f} s]\n"
                  f"    {out['seconds']:.2f} s, peak RSS {out['peak_mb']:.0f} MB — {what}", flush=True)
            if not a.keep:
                path.unlink()
    finally:
        if not a.keep:
            for p in tmp.iterdir():
                p.unlink()
            tmp.rmdir()
    return 0


if __name__ == "__main__":
    sys.exit(main())
