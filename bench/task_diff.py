#!/usr/bin/env python3
"""Per-task differences between `cancu extract` and gold annotations (lead, support, report-to, deadline).

    python bench/task_diff.py [GOLD_DIR_OR_FILE ...] [--only lead,support,report,deadline,missing]

Uses the scorer's own name matching (../shared/eval/score.py), so a line here is a miss there.
Reads ../shared; prints nothing but a message when it is absent.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))


def _scorer():
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold", nargs="*", type=Path)
    ap.add_argument("--only", default="lead,support,report,deadline,missing")
    a = ap.parse_args()
    if not SHARED.exists():
        print("../shared is absent: no gold to compare with")
        return 0
    sc = _scorer()
    from ingest.pipeline import extract_file

    want = set(a.only.split(","))
    files = []
    for g in a.gold or [SHARED / "corpus" / "dev" / "gold"]:
        files += sorted(g.glob("*.json")) if g.is_dir() else [g]
    for gf in files:
        g = json.loads(gf.read_text(encoding="utf-8"))
        if not g.get("tasks"):
            continue
        doc = (gf.parent / g["file"]).resolve()
        facts = json.loads(json.dumps(extract_file(doc).to_json()))
        pt = {sc.norm_id(t["id"]): t for t in facts["tasks"]}
        lines = []
        for gt in g["tasks"]:
            p = pt.get(sc.norm_id(gt["id"]))
            if p is None:
                if "missing" in want:
                    lines.append(f"  {gt['id']}: MISSING (gold lead={gt.get('lead')})")
                continue
            for key, pkey, tag in (("lead", "lead", "lead"), ("support", "support", "support"),
                                   ("report_to", "report_to", "report")):
                if key not in gt or tag not in want:
                    continue
                gl, pl = gt[key], p.get(pkey) or []
                miss = [x for x in gl if not sc.covered(x, pl)]
                extra = [x for x in pl if not sc.covered(x, gl)]
                if miss or extra:
                    lines.append(f"  {gt['id']} [{p['kind']}] {tag}: missing={miss} extra={extra}")
            if "deadline" in gt and "deadline" in want:
                ok = [sc.norm_deadline(x) for x in [gt["deadline"], *gt.get("deadline_accept", [])]]
                if sc.norm_deadline(p.get("deadline")) not in ok:
                    lines.append(f"  {gt['id']} deadline: got={p.get('deadline')!r} ({p.get('deadline_text')!r}) "
                                 f"want={gt['deadline']!r} ({gt.get('deadline_text')!r})")
        if lines:
            print(f"{gf.name}: {len(lines)} differences")
            print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
