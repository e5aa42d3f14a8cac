"""One console query in a child process (``python -m graph.sparql_worker``), so that its time limit
stops the work: the parent kills this process when the limit passes, and the CPU it used is freed
at once (a thread in the app's own process cannot be stopped inside Oxigraph).

Protocol: one JSON object on stdin, ``{"query", "limit", "timeout_s", "location"}`` (an embedded
store opened read-only) or ``{"query", "limit", "timeout_s", "nquads"}`` (an in-memory store's
content); one JSON object on stdout: ``{"boolean": bool}``, ``{"columns": [...], "rows": [[...]]}``
(at most ``limit`` + 1 rows) or ``{"error": "<one line>", "kind": "BadQuery" | "StoreUnavailable"
| "QueryTimeout"}``. Imports only pyoxigraph and the standard library (it starts in a blink).

The query has been checked by :func:`graph.sparql.check_query` before it gets here (no SERVICE,
no update, no FROM outside the store).
"""
from __future__ import annotations

import json
import sys
import time


def _value(t):
    return None if t is None else t.value


def _first_line(e: BaseException) -> str:
    lines = str(e).strip().splitlines()
    return " ".join(lines[0].split())[:300] if lines else type(e).__name__


def run(req: dict) -> dict:
    import pyoxigraph as ox
    try:
        if req.get("nquads") is not None:
            store = ox.Store()
            store.bulk_load(req["nquads"].encode("utf-8"), format=ox.RdfFormat.N_QUADS)
        else:
            store = ox.Store.read_only(req["location"])
    except (OSError, RuntimeError, ValueError, SyntaxError) as e:
        return {"error": f"cannot open the store ({_first_line(e)})", "kind": "StoreUnavailable"}
    limit = int(req.get("limit") or 0)
    deadline = time.monotonic() + float(req.get("timeout_s") or 3600)
    try:
        res = store.query(req["query"], use_default_graph_as_union=True)
        if isinstance(res, (bool, ox.QueryBoolean)):
            return {"boolean": bool(res)}
        if hasattr(res, "variables"):
            columns = [v.value for v in res.variables]
            cells = lambda sol: [_value(sol[c]) for c in columns]  # noqa: E731
        else:  # CONSTRUCT / DESCRIBE: triples as rows
            columns = ["subject", "predicate", "object"]
            cells = lambda t: [_value(t.subject), _value(t.predicate), _value(t.object)]  # noqa: E731
        rows = []
        for item in res:
            rows.append(cells(item))
            if limit and len(rows) > limit:
                break
            if time.monotonic() > deadline:
                return {"error": "the query ran past its time limit and was stopped", "kind": "QueryTimeout"}
        return {"columns": columns, "rows": rows}
    except SyntaxError as e:
        return {"error": f"invalid SPARQL: {_first_line(e)}", "kind": "BadQuery"}
    except Exception as e:  # noqa: BLE001 - whatever the engine raises becomes one line
        return {"error": f"the query failed: {_first_line(e)}", "kind": "BadQuery"}


def main() -> int:
    try:
        req = json.loads(sys.stdin.buffer.read().decode("utf-8"))
        out = run(req)
    except Exception as e:  # noqa: BLE001 - one line, never a traceback
        out = {"error": f"the query failed: {_first_line(e)}", "kind": "BadQuery"}
    sys.stdout.write(json.dumps(out, ensure_ascii=False))
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
