"""The `cancu` command: parse arguments, call one library function, print.

Errors: exit 1 (bad input) or 2 (usage) with one line on stderr naming the file and the problem.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from ingest.errors import IngestError
from ingest.pipeline import extract_file, walk

from . import commands

EXIT_BAD_INPUT = 1
EXIT_USAGE = 2
STORE_HELP = "a store folder or a SPARQL endpoint URL (default: $CANCU_STORE, else data/store)"


def _fail(message: str, code: int = EXIT_BAD_INPUT) -> int:
    print(f"cancu: {message}", file=sys.stderr)
    return code


_LINE_BREAKERS = {"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"}


def _dump(obj) -> str:
    """One JSON Lines record: no raw character that a line splitter would break on."""
    s = json.dumps(obj, ensure_ascii=False)
    for ch, esc in _LINE_BREAKERS.items():
        if ch in s:
            s = s.replace(ch, esc)
    return s


# ---------------------------------------------------------------- extract

def cmd_extract(args) -> int:
    try:
        paths = walk(args.paths)
    except IngestError as e:
        return _fail(str(e))
    single = len(args.paths) == 1 and len(paths) == 1 and not Path(args.paths[0]).is_dir()
    fmt = args.format or ("json" if single else "jsonl")
    failed = 0
    for path in paths:
        try:
            facts = extract_file(path)
        except (IngestError, Exception) as e:  # noqa: BLE001 - one bad file must not stop the others
            failed += 1
            problem = e.problem if isinstance(e, IngestError) else f"internal error ({type(e).__name__}: {e})"
            if fmt == "jsonl" or not single:
                print(_dump({"source": {"path": str(path)}, "error": problem}), flush=True)
            print(f"cancu: {path}: {problem}", file=sys.stderr)
            continue
        if fmt == "text":
            print(facts.source.text)
        elif fmt == "json" and single:
            print(_dump(facts.to_json()))
        else:
            print(_dump(facts.to_json()), flush=True)
    return EXIT_BAD_INPUT if failed else 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="cancu", description="cancu: the legal basis of Vietnamese plans, as a graph")
    sub = p.add_subparsers(dest="command", required=True)

    e = sub.add_parser("extract", help="print the facts of documents (touches no store)")
    e.add_argument("paths", nargs="+", metavar="PATH")
    e.add_argument("--format", choices=["json", "jsonl", "text"])
    e.set_defaults(func=cmd_extract)

    i = sub.add_parser("ingest", help="extract documents and write them into the graph store")
    i.add_argument("paths", nargs="+", metavar="PATH")
    i.add_argument("--store", help=STORE_HELP)
    i.add_argument("--jobs", "-j", type=int, default=0, help="worker processes (default: all cores)")
    i.add_argument("--scheduler", metavar="tcp://HOST:8786",
                   help="hand the per-document work (read, extract, build, check) to this Dask scheduler")
    i.add_argument("--delete", action="store_true", help="remove these documents from the store instead")
    i.add_argument("--quiet", "-q", action="store_true")
    i.set_defaults(func=commands.ingest)

    a = sub.add_parser("ask", help="answer a question (Vietnamese or English) over the store")
    a.add_argument("question")
    a.add_argument("--store", help=STORE_HELP)
    a.add_argument("--unit", default=os.environ.get("CANCU_UNIT"))
    a.add_argument("--format", choices=["json", "text"], default="text")
    a.add_argument("--today", metavar="YYYY-MM-DD", help="the date 'overdue' is counted from (default: today)")
    a.set_defaults(func=commands.ask)

    x = sub.add_parser("export", help="export the graph or the task list")
    x.add_argument("--format", choices=["ttl", "trig", "jsonld", "graphml", "csv", "xlsx"], required=True)
    x.add_argument("--store", help=STORE_HELP)
    x.add_argument("-o", "--output")
    x.set_defaults(func=commands.export)

    s = sub.add_parser("sparql", help="run a read-only SPARQL query over the store")
    s.add_argument("query")
    s.add_argument("--store", help=STORE_HELP)
    s.add_argument("--format", choices=["json", "text", "csv"], default="text")
    s.add_argument("--timeout", type=float, default=None,
                   help="seconds before the query is stopped (default $CANCU_SPARQL_TIMEOUT or 30)")
    s.add_argument("--limit", type=int, default=5000, help="at most this many rows (default 5000)")
    s.set_defaults(func=commands.sparql)
    return p


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as e:  # argparse already printed one usage line
        return EXIT_USAGE if e.code else 0
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return _fail("interrupted", 130)
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
