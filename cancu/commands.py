"""The commands over the graph store: `cancu ingest | ask | export | sparql`. Each calls the
library and prints; exit codes and messages as in ``../shared/contract.md``.

Errors: exit 1 with one line on stderr, ``cancu: <path or what>: <problem>``, no traceback.
"""
from __future__ import annotations

import csv
import datetime
import json
import os
import sys
from pathlib import Path

from graph import export as ex
from graph.ask import ask as answer
from graph.errors import GraphError
from graph.parallel import prepare_all
from graph.sparql import run_sparql
from graph.store import Store, open_store
from graph.writer import Writer, delete_document
from ingest.errors import IngestError
from ingest.pipeline import walk

__all__ = ["ingest", "ask", "export", "sparql", "WARNINGS_PER_DOCUMENT"]

WARNINGS_PER_DOCUMENT = 5  # warning lines printed per document (then "+N more")


def _err(msg: str) -> int:
    print(f"cancu: {msg}", file=sys.stderr)
    return 1


def _progress(total: int, quiet: bool):
    """A progress bar on a terminal (None when quiet or not a terminal)."""
    if quiet or not sys.stderr.isatty():
        return None
    # imported here: tqdm is only needed for a bar on a terminal
    from tqdm import tqdm
    return tqdm(total=total, unit="doc", file=sys.stderr, desc="ingest")


def _delete(store: Store, paths: list[str]) -> int:
    failed = 0
    for p in paths:
        try:
            if not delete_document(store, p):
                failed += 1
                _err(f"{p}: not in the store")
        except GraphError as e:
            failed += 1
            _err(str(e))
    return 1 if failed else 0


def _write_all(store: Store, paths: list[str], jobs: int, bar, *, scheduler: str | None = None,
               quiet: bool = False) -> int:
    """Prepare the files (in ``jobs`` worker processes, or on a Dask cluster) and write them through
    one :class:`Writer`; prints the warnings and a summary; the number of documents refused."""
    def say(line: str) -> None:
        if bar:
            bar.write(line, file=sys.stderr)
        else:
            print(line, file=sys.stderr)

    refused = repaired = dropped = written = 0

    def rewriting(n: int) -> None:  # the writer rewrites a store of the earlier model first: say why it waits
        if not quiet:
            say(f"cancu: {store.location}: {n} graphs hold the evidence of an earlier cancu; rewriting them as "
                f"span targets first (once; a store of 3 M quads takes about 2 minutes)")
    with Writer(store, on_rewrite=rewriting) as w:
        for doc in prepare_all(paths, jobs=jobs, scheduler=scheduler):
            if not doc.ok:
                refused += 1
                say(f"cancu: {doc.path}: {doc.error}")
            else:
                for line in doc.warnings[:WARNINGS_PER_DOCUMENT]:
                    say(f"cancu: {doc.path}: warning: {line}")
                if len(doc.warnings) > WARNINGS_PER_DOCUMENT:
                    say(f"cancu: {doc.path}: warning: (+{len(doc.warnings) - WARNINGS_PER_DOCUMENT} more)")
                repaired += doc.repaired
                dropped += doc.dropped
                w.add(doc)
                written += 1
            if bar:
                bar.update(1)
    if not quiet:
        sm = w.summary
        say(f"cancu: ingested {written} of {len(paths)} documents ({sm.new} new, {sm.replaced} replaced"
            f"{f', {sm.removed} older versions removed' if sm.removed else ''}); refused {refused}; "
            f"facts repaired {repaired}, left out {dropped}"
            f"{f'; {sm.upgraded} graphs rewritten to span targets' if sm.upgraded else ''}")
    return refused


def ingest(args) -> int:
    try:
        paths = [str(p) for p in walk(args.paths)] if not args.delete else list(args.paths)
    except IngestError as e:
        return _err(str(e))
    try:
        store = open_store(args.store, write=True)
    except GraphError as e:
        return _err(str(e))
    with store:
        if args.delete:
            return _delete(store, paths)
        if not paths:
            return _err(f"{' '.join(args.paths)}: no documents found")
        bar = _progress(len(paths), args.quiet)
        try:
            failed = _write_all(store, paths, args.jobs or os.cpu_count() or 1, bar,
                                scheduler=getattr(args, "scheduler", None), quiet=args.quiet)
        except GraphError as e:
            return _err(str(e))
        finally:
            if bar:
                bar.close()
    return 1 if failed else 0


def ask(args) -> int:
    today = None
    if getattr(args, "today", None):
        try:
            today = datetime.date.fromisoformat(args.today)
        except ValueError:
            return _err(f"--today {args.today}: not a date (YYYY-MM-DD)")
    try:
        with open_store(args.store) as store:
            # the command prints the whole answer (the contract); the app pages it (graph.ask.DEFAULT_LIMIT)
            ans = answer(store, args.question, args.unit, limit=getattr(args, "limit", None), today=today)
    except GraphError as e:
        return _err(str(e))
    if args.format == "json":
        print(json.dumps(ans.to_json(), ensure_ascii=False))
        return 0
    print(f"{'Q' if ans.lang == 'en' else 'Hỏi'}: {ans.question}")
    print(ans.understood.get("text") or f"Hiểu: văn bản {', '.join(ans.documents) or '—'}; đơn vị {ans.unit or '—'}")
    if ans.message:
        print(ans.message)
    for t in ans.tasks:
        lead = f" [chủ trì: {', '.join(t.lead)}]" if t.lead else ""
        due = f" [hạn: {t.deadline}]" if t.deadline else ""
        print(f"\n{t.document_label} — {t.number}{lead}{due}")
        print("  " + " ".join(t.text.split())[:400])
        if t.source:
            print(f"  ({t.source.path}:{t.source.start}-{t.source.end})")
    for link in ans.links:
        print(f"{'  ' * (link.depth - 1)}{link.rel_label}: {link.label}")
    return 0


def export(args) -> int:
    try:
        with open_store(args.store) as store:
            if args.format in ("csv", "xlsx"):
                rows = ex.all_task_dicts(store)
                data = ex.tasks_csv(rows) if args.format == "csv" else ex.tasks_xlsx(rows)
            else:
                data = ex.export_graph(store, args.format)
    except GraphError as e:
        return _err(str(e))
    if args.output:
        try:
            Path(args.output).write_bytes(data)
        except OSError as e:
            return _err(f"{args.output}: cannot write ({e.strerror})")
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    return 0


def sparql(args) -> int:
    try:
        with open_store(args.store) as store:
            timeout = getattr(args, "timeout", None) or float(os.environ.get("CANCU_SPARQL_TIMEOUT") or 30)
            res = run_sparql(store, args.query, timeout_s=timeout, limit=getattr(args, "limit", None) or 5000)
    except GraphError as e:
        return _err(f"sparql: {e}")
    except ValueError as e:  # a malformed $CANCU_SPARQL_TIMEOUT
        return _err(f"sparql: {e}")
    fmt = getattr(args, "format", "text") or "text"
    if res.boolean is not None:
        print(json.dumps({"boolean": res.boolean}) if fmt == "json" else str(res.boolean).lower())
        return 0
    if fmt == "json":
        print(json.dumps({"columns": res.columns, "rows": res.rows}, ensure_ascii=False))
    elif fmt == "csv":
        w = csv.writer(sys.stdout)
        w.writerow(res.columns)
        w.writerows(res.rows)
    else:
        print("\t".join(res.columns))
        for r in res.rows:
            print("\t".join("" if v is None else str(v) for v in r))
    if res.truncated:
        print("cancu: sparql: result truncated", file=sys.stderr)
    return 0
