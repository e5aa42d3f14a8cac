#!/usr/bin/env python3
"""The dev-corpus ratchet: run the project's scorer and raise the floors the tests hold us to.

    .venv/bin/python bench/ratchet.py            # print the figures next to the floors
    .venv/bin/python bench/ratchet.py --raise    # raise every floor the figures now pass (never lowers one)

Floors live in ``tests/golden/dev_floors.json``:
- ``old``: the 29 gold documents annotated before 2026-12 keep the bars they had
  (citations P ≥ 0.98, R ≥ 0.97, attributes ≥ 0.95, named recall, task cites and lead units ≥ 0.90);
- ``all``: the whole dev corpus is held at the level measured, metric by metric (SCORE line keys,
  extraction and questions), minus nothing: a change that lowers a figure fails the test.
``tests/test_golden.py`` reads this file; it reads ``../shared`` and skips clearly without it.
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
FLOORS = ROOT / "tests" / "golden" / "dev_floors.json"
NEW_PREFIX = "t25_"  # gold files annotated with the 2026-12 fields


def gold_files(which: str) -> list[Path]:
    files = sorted((SHARED / "corpus" / "dev" / "gold").glob("*.json"))
    return [f for f in files if which == "all" or not f.name.startswith(NEW_PREFIX)]


def score(files: list[Path], ask: bool) -> tuple[dict, str]:
    """Run ../shared/eval/score.py over ``files``; the SCORE figures and the whole output."""
    cancu = ROOT / ".venv" / "bin" / "cancu"
    exe = str(cancu) if cancu.exists() else "cancu"
    cmd = [sys.executable, str(SHARED / "eval" / "score.py"), "--batch", f"{exe} extract {{files}} --format jsonl"]
    if ask:
        cmd += ["--ingest", f"{exe} ingest {{file}} --store {{store}}", "--ask", f"{exe} ask {{q}} --store {{store}} --format json"]
    else:
        cmd.append("--no-ask")
    for f in files:
        cmd += ["--gold", str(f)]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=1800, cwd=ROOT).stdout
    line = [ln for ln in out.splitlines() if ln.startswith("SCORE")][-1]
    figures = {k: float(v) for k, v in re.findall(r"(\w+)=([\d.]+)", line)}
    m = re.search(r"named references.*?R=([\d.]+)", out)
    figures["named_recall"] = float(m.group(1)) if m else figures.get("named_recall", 0.0)
    m = re.search(r"date=([\d.]+) type=([\d.]+) issuer=([\d.]+)", out)
    if m:
        figures["attrs_min"] = min(map(float, m.groups()))
    return figures, out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--raise", dest="raise_", action="store_true", help="raise the floors the figures pass")
    a = ap.parse_args()
    if not (SHARED / "eval" / "score.py").exists():
        print("skipped: ../shared is absent (the dev corpus and its scorer live there)")
        return 0
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    figures, _ = score(gold_files("all"), ask=True)
    failed = False
    for key, floor in sorted(floors["all"].items()):
        got = figures.get(key)
        ok = got is not None and (got <= floor if key in ("offsets_bad", "errors") else got >= floor)
        failed |= not ok
        print(f"{key:16s} floor {floor:.3f}  now {got:.3f}  {'ok' if ok else 'BELOW'}")
        if a.raise_ and ok and key not in ("offsets_bad", "errors") and got > floor:
            floors["all"][key] = got
    if a.raise_:
        FLOORS.write_text(json.dumps(floors, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"floors written to {FLOORS.relative_to(ROOT)}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
