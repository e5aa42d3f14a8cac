"""Benchmark of `cancu ingest` against its floor, measured in one run (issue 9).

Usage (from the project root):
    .venv/bin/python bench/ingest_speed.py                    # everything below (~5 minutes on 2 cores)
    .venv/bin/python bench/ingest_speed.py --skip-cluster     # without the Dask and endpoint runs
    .venv/bin/python bench/ingest_speed.py --kill             # also: kill -9 mid-ingest, every document whole or absent
    .venv/bin/python bench/ingest_speed.py --corpora          # also: dev + bulk + bulk2025 ingested, refusals counted
    .venv/bin/python bench/ingest_speed.py --only cluster     # one part (floor | gazette | cluster | kill | corpora)

1. *Floor, 40 gazette texts, one core.* The first 40 texts of ``corpus/bulk/txt`` (sorted by name):
   ``cancu extract`` of them, ``cancu ingest -j 1`` into a fresh store, and Oxigraph's own bulk load
   (``oxigraph load``) of the very quads that ingest wrote (dumped as N-Quads). Every command runs
   pinned to one core (``taskset -c 0``); wall times, interpreter start included in each cancu
   command. Ratio: ingest / (extract + load); the target is ≤ 2.
2. *The 401 gazette texts*: ``cancu ingest -j 1`` pinned to one core, ``-j 1`` and ``-j 2`` into
   fresh stores: documents/s, cores used (CPU / wall time), the speed-up of ``-j 2`` over one core
   and over ``-j 1`` (target ≥ 1.7 on 2 cores; ``-j 1`` alone already uses more than one core, the
   bulk loader's threads), peak memory of the largest process, and the
   store's size (after the next open lets RocksDB drop its write-ahead logs) against a store bulk
   loaded from the same quads by ``oxigraph load`` (target within 1.5×).
3. *Beyond one machine* (unless ``--skip-cluster``): the same 401 texts through a Dask scheduler
   and 2 worker processes (``dask scheduler`` / ``dask worker`` on this machine), written into the
   embedded store and into an ``oxigraph serve`` endpoint, with each part's CPU time.

Results are printed as JSON and written to ``bench/results/ingest_speed.json``. The machine may be shared:
every ratio compares figures measured in the same run.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT))


def _log(msg: str) -> None:
    print(f"[bench] {msg}", file=sys.stderr, flush=True)


def _size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def _settled_size(store: Path) -> int:
    """The store's size once the next open lets RocksDB delete the write-ahead logs it replayed."""
    import pyoxigraph
    s = pyoxigraph.Store(str(store))
    del s
    return _size(store)


def _compacted_size(store: Path) -> int:
    """The store's size after RocksDB compacted it (``optimize``, then until the size holds still).
    A store bulk loaded and never written again stays uncompacted, and smaller: compaction rewrites
    the loader's files larger (on these quads, ~1.6×)."""
    import pyoxigraph
    s = pyoxigraph.Store(str(store))
    s.optimize()
    last, still = -1, 0
    for _ in range(120):
        time.sleep(0.5)
        now = _size(store)
        still = still + 1 if now == last else 0
        if still >= 6:
            break
        last = now
    del s
    return _size(store)


def _run(cmd, *, one_core: bool = False, stdout=subprocess.DEVNULL, env=None) -> tuple[float, float, str]:
    """(wall seconds, children's CPU seconds, stderr) of a command."""
    if one_core and shutil.which("taskset"):
        cmd = ["taskset", "-c", "0", *cmd]
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    p = subprocess.run([str(c) for c in cmd], cwd=ROOT, stdout=stdout, stderr=subprocess.PIPE, text=True,
                       env={**os.environ, **(env or {})})
    wall = time.perf_counter() - t0
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    if p.returncode not in (0,):
        raise SystemExit(f"{cmd[:4]} failed: {p.stderr[-800:]}")
    return wall, (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime), p.stderr


def _peak_children_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def _dump(store: Path, out: Path) -> int:
    """The store's quads (every graph, its bookkeeping too) as N-Quads; their number."""
    import pyoxigraph as ox
    s = ox.Store.read_only(str(store))
    quads = list(s.quads_for_pattern(None, None, None, None))
    out.write_bytes(ox.serialize(quads, format=ox.RdfFormat.N_QUADS))
    return len(quads)


def cancu(*args) -> list:
    return [sys.executable, "-m", "cancu.cli", *args]


def floor_40(files: list[Path], tmp: Path) -> dict:
    _log("floor: extract, ingest -j 1, oxigraph load of the same quads (40 texts, one core)")
    ex, ex_cpu, _ = _run(cancu("extract", *files, "--format", "jsonl"), one_core=True)
    store = tmp / "s40"
    ing, ing_cpu, err = _run(cancu("ingest", *files, "--store", store, "-j", "1"), one_core=True)
    nq = tmp / "s40.nq"
    quads = _dump(store, nq)
    bulk = tmp / "b40"
    load, load_cpu, _ = _run([BIN / "oxigraph", "load", "--location", bulk, "--file", nq], one_core=True)
    return {"documents": len(files), "megabytes": round(sum(f.stat().st_size for f in files) / 2**20, 2),
            "quads": quads, "extract_s": round(ex, 2), "oxigraph_load_s": round(load, 2),
            "floor_s": round(ex + load, 2), "ingest_s": round(ing, 2),
            "ratio_to_floor": round(ing / (ex + load), 2), "target_ratio": 2.0,
            "store_mb": round(_settled_size(store) / 2**20, 1), "bulk_loaded_mb": round(_size(bulk) / 2**20, 1),
            "summary": err.strip().splitlines()[-1] if err.strip() else ""}


def gazette_401(files: list[Path], tmp: Path) -> dict:
    out = {"documents": len(files), "megabytes": round(sum(f.stat().st_size for f in files) / 2**20, 2), "runs": []}
    _log("401 gazette texts, cancu extract (the floor's first part)")
    out["extract_s"] = round(_run(cancu("extract", *files, "--format", "jsonl"))[0], 2)
    for jobs, one_core in ((1, True), (1, False), (2, False)):
        _log(f"401 gazette texts, -j {jobs}{' on one core' if one_core else ''}")
        store = tmp / f"s401-{jobs}{'-one-core' if one_core else ''}"
        wall, cpu, err = _run(cancu("ingest", *files, "--store", store, "-j", str(jobs)), one_core=one_core)
        out["runs"].append({"jobs": jobs, "one_core": one_core, "seconds": round(wall, 2), "cpu_s": round(cpu, 2),
                            "cores_used": round(cpu / wall, 2), "docs_per_s": round(len(files) / wall, 2),
                            "store_mb": round(_settled_size(store) / 2**20, 1),
                            "summary": err.strip().splitlines()[-1]})
    one, j1, j2 = out["runs"]
    # -j 1 is not one core: the bulk loader sorts and writes in threads of its own
    out["speedup_j2"] = round(j1["seconds"] / j2["seconds"], 2)
    out["speedup_j2_vs_one_core"] = round(one["seconds"] / j2["seconds"], 2)
    out["peak_rss_mb"] = round(_peak_children_mb(), 1)
    nq = tmp / "s401.nq"
    out["quads"] = _dump(tmp / "s401-1", nq)
    bulk = tmp / "b401"
    load, _, _ = _run([BIN / "oxigraph", "load", "--location", bulk, "--file", nq])
    out["oxigraph_load_s"] = round(load, 2)
    out["floor_docs_per_s"] = round(len(files) / (out["extract_s"] + load), 2) if "extract_s" in out else None
    out["bulk_loaded_mb"] = round(_size(bulk) / 2**20, 1)
    out["store_to_bulk"] = round(j1["store_mb"] / out["bulk_loaded_mb"], 2)
    out["compacted_store_mb"] = round(_compacted_size(tmp / "s401-1") / 2**20, 1)
    out["compacted_bulk_mb"] = round(_compacted_size(bulk) / 2**20, 1)
    out["compacted_store_to_bulk"] = round(out["compacted_store_mb"] / out["compacted_bulk_mb"], 2)
    return out


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_http(url: str) -> None:
    for _ in range(200):
        try:
            urllib.request.urlopen(url, timeout=0.5)
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"{url} did not start")


def _cpu_of(pid: int) -> float:
    """CPU seconds of a live process and its children (from /proc)."""
    total = 0.0
    tick = os.sysconf("SC_CLK_TCK")
    for d in Path("/proc").iterdir():
        if not d.name.isdigit():
            continue
        try:
            f = (d / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(d.name) == pid or int(f[1]) == pid:
            total += (int(f[11]) + int(f[12])) / tick
    return total


def cluster(files: list[Path], tmp: Path) -> dict:
    """A scheduler and two workers (each its own process, as on separate machines), the writer
    here, into the embedded store and into an Oxigraph server."""
    port = _free_port()
    procs = {"scheduler": subprocess.Popen([BIN / "dask", "scheduler", "--host", "127.0.0.1", "--port", str(port),
                                            "--dashboard-address", ":0"], cwd=ROOT, stdout=subprocess.DEVNULL,
                                           stderr=subprocess.DEVNULL)}
    addr = f"tcp://127.0.0.1:{port}"
    time.sleep(2)
    for k in (1, 2):
        procs[f"worker{k}"] = subprocess.Popen([BIN / "dask", "worker", addr, "--nworkers", "1", "--nthreads", "1",
                                                "--no-dashboard"], cwd=ROOT, stdout=subprocess.DEVNULL,
                                               stderr=subprocess.DEVNULL)
    oxi_port = _free_port()
    procs["oxigraph"] = subprocess.Popen([BIN / "oxigraph", "serve", "--location", tmp / "server", "--bind",
                                          f"127.0.0.1:{oxi_port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    endpoint = f"http://127.0.0.1:{oxi_port}"
    _wait_http(endpoint + "/query?query=ASK%7B%7D")
    from distributed import Client
    with Client(addr) as c:
        c.wait_for_workers(2, timeout=60)
    out = {"documents": len(files), "runs": []}
    try:
        for where in ("embedded", "endpoint"):
            _log(f"401 gazette texts on the Dask cluster, into the {where} store")
            before = {k: _cpu_of(p.pid) for k, p in procs.items()}
            target = tmp / "s-cluster" if where == "embedded" else endpoint
            wall, cpu, err = _run(cancu("ingest", *files, "--store", target, "--scheduler", addr))
            after = {k: _cpu_of(p.pid) for k, p in procs.items()}
            out["runs"].append({"store": where, "seconds": round(wall, 2), "docs_per_s": round(len(files) / wall, 2),
                                "cpu_s": {"client (read, write)": round(cpu, 2),
                                          **{k: round(after[k] - before[k], 2) for k in procs}},
                                "summary": err.strip().splitlines()[-1]})
    finally:
        for p in procs.values():
            p.send_signal(signal.SIGTERM)
        for p in procs.values():
            try:
                p.wait(10)
            except subprocess.TimeoutExpired:
                p.kill()
    return out


def kill_test(files: list[Path], tmp: Path) -> dict:
    """kill -9 of `cancu ingest` at several moments; every document in the store whole or absent
    (its quads those the writer prepared, and its size in the meta graph right)."""
    import pyoxigraph as ox
    from graph.writer import prepare
    expected = {}
    for f in files:
        d = prepare(f, ingested_at="2026-01-01T00:00:00+00:00")
        expected[d.graph] = d.triples
    store = tmp / "skill"
    out = []
    for delay in (3.0, 6.0, 9.0, 12.0):
        p = subprocess.Popen(cancu("ingest", *files, "--store", store, "-j", "2", "-q"), cwd=ROOT,
                             stderr=subprocess.DEVNULL)
        time.sleep(delay)
        p.send_signal(signal.SIGKILL)
        p.wait()
        s = ox.Store.read_only(str(store))
        graphs = {q.graph_name.value for q in s.quads_for_pattern(None, None, None, None)}
        docs = [g for g in graphs if g in expected]
        whole = sum(1 for g in docs if len(list(s.quads_for_pattern(None, None, None, ox.NamedNode(g)))) == expected[g])
        out.append({"killed_after_s": delay, "documents_present": len(docs), "whole": whole})
        del s
    return {"runs": out, "all_whole": all(r["whole"] == r["documents_present"] for r in out)}


def corpora(corpus: Path, tmp: Path) -> dict:
    """Every real corpus into one store: what was refused, repaired and left out (issue 13)."""
    out = {}
    for name, folder in (("dev", corpus / "dev"), ("bulk", corpus / "bulk" / "txt"),
                         ("bulk2025", corpus / "bulk2025" / "txt")):
        _log(f"all of {name}")
        p = subprocess.run(cancu("ingest", folder, "--store", tmp / "s-all"), cwd=ROOT, capture_output=True, text=True)
        lines = p.stderr.strip().splitlines()
        out[name] = {"exit": p.returncode, "summary": lines[-1] if lines else "",
                     "warning_lines": sum(1 for x in lines if ": warning: " in x),
                     "refusals": [x for x in lines if x.startswith("cancu: ") and ": warning: " not in x][:-1][:10]}
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    ap.add_argument("--skip-cluster", action="store_true")
    ap.add_argument("--kill", action="store_true")
    ap.add_argument("--corpora", action="store_true", help="also: ingest dev, bulk and bulk2025 and count refusals")
    ap.add_argument("--only", choices=["floor", "gazette", "cluster", "kill", "corpora"],
                    help="run one part only")
    a = ap.parse_args()
    texts = sorted((Path(a.corpus) / "bulk" / "txt").glob("*.txt"))
    if not texts:
        raise SystemExit(f"no gazette texts under {a.corpus}/bulk/txt")
    res = {"machine_cores": os.cpu_count()}
    parts = {"floor": lambda tmp: floor_40(texts[:40], tmp), "gazette": lambda tmp: gazette_401(texts, tmp),
             "cluster": lambda tmp: cluster(texts, tmp), "kill": lambda tmp: kill_test(texts[:60], tmp),
             "corpora": lambda tmp: corpora(Path(a.corpus), tmp)}
    names = {"floor": "floor_40", "gazette": "gazette_401", "cluster": "cluster_401", "kill": "kill_9",
             "corpora": "corpora"}
    todo = [a.only] if a.only else ["floor", "gazette"] + ([] if a.skip_cluster else ["cluster"]) + \
        (["kill"] if a.kill else []) + (["corpora"] if a.corpora else [])
    with tempfile.TemporaryDirectory() as d:
        for part in todo:
            res[names[part]] = parts[part](Path(d))
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / f"ingest_speed{'-' + a.only if a.only else ''}.json").write_text(json.dumps(res, ensure_ascii=False, indent=1), encoding="utf-8")
    print(json.dumps(res, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
