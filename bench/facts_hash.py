"""Fingerprint of the extracted facts on the real corpora: the guard for speed work.

    .venv/bin/python bench/facts_hash.py [--save FILE] [--diff FILE] [-j N] [CORPUS ...]

For every document of ``../shared/corpus/{dev, bulk/txt, bulk2025/txt, formats}`` (the files
``ingest.walk`` accepts), the sha256 of
``json.dumps(extract_file(p).to_json(), ensure_ascii=False, sort_keys=True)`` (or of the error's
class and message when the file is refused); one hash per corpus is printed, over the per-file
hashes in path order. ``--save FILE`` writes the per-file hashes as JSON; ``--diff FILE`` compares
with such a file and lists the documents whose facts differ (exit status 1 if any). A change that
is meant to be pure speed work must leave every corpus hash unchanged.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SHARED = ROOT.parent / "shared" / "corpus"
CORPORA = ("dev", "bulk/txt", "bulk2025/txt", "formats")


def file_hash(path: str) -> str:
    """The sha256 of one document's facts as canonical JSON (or of its typed refusal)."""
    from ingest import IngestError
    from ingest.pipeline import extract_file

    try:
        payload = json.dumps(extract_file(path).to_json(), ensure_ascii=False, sort_keys=True)
    except IngestError as e:
        payload = f"{type(e).__name__}: {e}"
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def corpus_files(name: str) -> list[str]:
    """The documents of one corpus, as paths relative to the corpus root (stable across checkouts)."""
    from ingest.pipeline import walk

    folder = SHARED / name
    return [str(p.relative_to(SHARED)) for p in walk([folder])] if folder.is_dir() else []


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpora", nargs="*", default=list(CORPORA))
    ap.add_argument("--save", help="write the per-file hashes (JSON) here")
    ap.add_argument("--diff", help="compare with per-file hashes saved earlier and list the differences")
    ap.add_argument("-j", type=int, default=1, help="worker processes")
    a = ap.parse_args()

    import os
    os.chdir(SHARED)  # Source.path is part of the facts: keep it relative and identical in every run
    per_file: dict[str, str] = {}
    for name in a.corpora:
        files = corpus_files(name)
        if a.j > 1:
            with ProcessPoolExecutor(a.j) as ex:
                hashes = list(ex.map(file_hash, files, chunksize=4))
        else:
            hashes = [file_hash(f) for f in files]
        per_file.update(zip(files, hashes))
        total = hashlib.sha256("\n".join(f"{f} {h}" for f, h in zip(files, hashes)).encode()).hexdigest()
        print(f"{name:14s} {len(files):4d} files  {total}")
    if a.save:
        Path(a.save).write_text(json.dumps(per_file, indent=0, sort_keys=True), encoding="utf-8")
    if a.diff:
        old = json.loads(Path(a.diff).read_text(encoding="utf-8"))
        differ = sorted(f for f in per_file if old.get(f) != per_file[f])
        for f in differ:
            print("differs:", f)
        print(f"{len(differ)} of {len(per_file)} documents differ")
        return 1 if differ else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
