"""`cancu ingest | ask | export | sparql`: parse nothing, call the library, print; exit codes.

Errors: exit 1 with one line on stderr, ``cancu: <path or what>: <problem>``, no traceback.
"""
from __future__ import annotations

import json
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from .errors import GraphError

__all__ = ["ingest", "ask", "export", "sparql", "prepare"]


def _err(msg: str) -> int:
    print(f"cancu: {msg}", file=sys.stderr)
    return 1


FLUSH_BYTES = 16 * 2**20  # the writer flushes the embedded store after this much N-Triples


def prepare(path: str) -> dict:
    """Worker: extract, build and validate one file; returns what the writer needs (picklable)."""
    from ingest.errors import IngestError
    from ingest.pipeline import extract_file
    from .build import build_document
    from .writer import validate
    try:
        facts = extract_file(path)
        dg = build_document(facts)
        problems = validate(dg.graph)
        if problems:
            return {"path": path, "error": f"refused by the shapes: {problems[0]}"
                    + (f" (+{len(problems) - 1} more)" if len(problems) > 1 else "")}
        return {"path": path, "graph": str(dg.graph_iri), "document": str(dg.document),
                "nt": dg.graph.serialize(format="nt"), "triples": len(dg.graph), "bytes": len(facts.source.text.encode())}
    except IngestError as e:
        return {"path": path, "error": e.problem}
    except Exception as e:  # noqa: BLE001 - one bad document must not stop a folder
        return {"path": path, "error": f"{type(e).__name__}: {e}"}


def ingest(args) -> int:
    from ingest.errors import IngestError
    from ingest.pipeline import walk
    from .store import open_store
    from .writer import _schemes, delete_document
    from . import ids

    try:
        paths = [str(p) for p in walk(args.paths)] if not args.delete else list(args.paths)
    except IngestError as e:
        return _err(str(e))
    try:
        store = open_store(args.store, write=True)
    except GraphError as e:
        return _err(str(e))
    failed = pending = 0
    with store:
        if args.delete:
            for p in paths:
                try:
                    if not delete_document(store, p):
                        failed += 1
                        _err(f"{p}: not in the store")
                except GraphError as e:
                    failed += 1
                    _err(str(e))
            return 1 if failed else 0
        if not paths:
            return _err(f"{' '.join(args.paths)}: no documents found")
        jobs = args.jobs or os.cpu_count() or 1
        show = not args.quiet and sys.stderr.isatty()
        bar = None
        if show:
            from tqdm import tqdm
            bar = tqdm(total=len(paths), unit="doc", file=sys.stderr, desc="ingest")
        try:
            if not store.ask(f"ASK {{ GRAPH <{ids.SCHEMES_GRAPH}> {{ ?s ?p ?o }} }}"):
                store.replace_graph(str(ids.SCHEMES_GRAPH), _schemes().serialize(format="nt"))
            if jobs == 1 or len(paths) == 1:
                results = map(prepare, paths)
                pool = None
            else:
                pool = ProcessPoolExecutor(max_workers=min(jobs, len(paths)))
                results = pool.map(prepare, paths, chunksize=1)
            for r in results:
                if "error" in r:
                    failed += 1
                    if bar:
                        bar.write(f"cancu: {r['path']}: {r['error']}", file=sys.stderr)
                    else:
                        _err(f"{r['path']}: {r['error']}")
                else:
                    store.replace_graph(r["graph"], r["nt"])
                    pending += len(r["nt"])
                    if pending > FLUSH_BYTES:  # bound the writer's memory on long ingests
                        store.flush()
                        pending = 0
                if bar:
                    bar.update(1)
            if pool:
                pool.shutdown()
        except GraphError as e:
            return _err(str(e))
        finally:
            if bar:
                bar.close()
    return 1 if failed else 0


def _open_reader(location):
    from .store import open_store
    return open_store(location, write=False)


def ask(args) -> int:
    from .ask import ask as ask_
    try:
        with _open_reader(args.store) as store:
            # the command prints the whole answer (the contract); the app pages it (graph.ask.DEFAULT_LIMIT)
            ans = ask_(store, args.question, args.unit, limit=getattr(args, "limit", None))
    except GraphError as e:
        return _err(str(e))
    if args.format == "json":
        print(json.dumps(ans.to_json(), ensure_ascii=False))
        return 0
    print(f"Hỏi: {ans.question}")
    print(f"Hiểu: văn bản {', '.join(ans.documents) or '—'}; đơn vị {ans.unit or '—'}")
    if ans.message:
        print(ans.message)
    for t in ans.tasks:
        lead = f" [chủ trì: {', '.join(t.lead)}]" if t.lead else ""
        print(f"\n{t.document_label} — {t.number}{lead}")
        print("  " + " ".join(t.text.split())[:400])
        if t.source:
            print(f"  ({t.source.path}:{t.source.start}-{t.source.end})")
    for link in ans.links:
        print(f"{'  ' * (link.depth - 1)}{link.rel_label}: {link.label}")
    return 0


def export(args) -> int:
    from . import export as ex
    try:
        with _open_reader(args.store) as store:
            if args.format in ("csv", "xlsx"):
                rows = ex.task_rows(store)
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
    from .service import run_sparql
    try:
        with _open_reader(args.store) as store:
            res = run_sparql(store, args.query, timeout_s=float(os.environ.get("CANCU_SPARQL_TIMEOUT", "30")))
    except GraphError as e:
        return _err(f"sparql: {e}")
    fmt = getattr(args, "format", "text") or "text"
    if res.boolean is not None:
        print(json.dumps({"boolean": res.boolean}) if fmt == "json" else str(res.boolean).lower())
        return 0
    if fmt == "json":
        print(json.dumps({"columns": res.columns, "rows": res.rows}, ensure_ascii=False))
    elif fmt == "csv":
        import csv
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
