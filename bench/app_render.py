"""Benchmark (not a test): the first render of each app page, on the seed and on a 10,000-document store.

Usage (from the project root):
    .venv/bin/python bench/app_render.py                 # the seed plan only
    .venv/bin/python bench/app_render.py --docs 10000    # + 10,000 re-issued plans (as bench/graph.py builds them)

Each page is rendered once with ``streamlit.testing.v1.AppTest`` (the page's whole script run, in
process, as the server would run it) after clearing ``st.cache_data``, so every query is cold;
the store handle (``st.cache_resource``) is opened once beforehand and its time reported apart, and so
is the Streamlit runtime's own start (an empty script run: what ``streamlit run`` does before the first
page). The app's warm-up (``ui.data.warm_up``, heavy imports in a thread) starts inside the first page.
The server then builds the store's per-version tables (lexicon, task index, document list, search
labels) in a background thread (``ui.data.Handle.warm``, again after each ingest); the benchmark
waits for it and reports its time apart (``warm_after_open_s``): a page opened before it ends waits
for the table it needs. Targets: under 2 s per page on the seed, under 4 s on 10,000 documents.
Results are printed as JSON and written to ``bench/results/app-render-<docs>.json``.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

QUESTION = "Nghị định 59/2023 yêu cầu gì?"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=0, help="re-issued plans added to the seed (e.g. 10000)")
    ap.add_argument("--store", type=Path, help="use this existing store instead of building one")
    ap.add_argument("--corpus", type=Path, help="with --docs: re-issue the dev corpus's plans too (four templates, "
                                                "as bench/graph.py; e.g. ../shared/corpus)")
    ap.add_argument("--keep", type=Path, help="build the store here and keep it (reuse it with --store)")
    ap.add_argument("--repeat", type=int, default=3, help="renders per page (first is reported; median too)")
    args = ap.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="cancu-app-bench-"))
    location = args.store or args.keep or tmp / "store"
    out: dict = {"documents_added": args.docs}
    if not args.store:
        out.update(_build_store(location, args.docs, args.corpus))
    os.environ["CANCU_STORE"] = str(location)

    import streamlit as st
    from streamlit.testing.v1 import AppTest
    from ui import data

    t0 = time.perf_counter()
    handle = data._open(str(location))
    out["open_store_s"] = round(time.perf_counter() - t0, 2)
    if handle.kg is None:
        raise SystemExit(f"cannot open the store: {handle.error}")
    # the server warms the store's per-version tables in a background thread once it has opened it
    # (and again after each ingest): how long that takes is reported, and pages are timed after it
    t0 = time.perf_counter()
    if handle.warming is not None:
        handle.warming.join()
    out["warm_after_open_s"] = round(time.perf_counter() - t0, 2)
    # what `streamlit run` does once at server start, before any page (custom-component discovery,
    # runtime set-up): done here on an empty script and reported apart, as the store opening is
    t0 = time.perf_counter()
    AppTest.from_string("import streamlit as st\nst.write('')", default_timeout=300).run()
    out["runtime_start_s"] = round(time.perf_counter() - t0, 2)
    ov = handle.kg.overview(top=1)
    out["store"] = {"documents": ov.documents, "tasks": ov.tasks, "units": ov.units, "triples": ov.triples}
    plan = out.get("plan") or (ov.ingest_log[0].document if ov.ingest_log else "")
    nd59 = handle.kg.resolve_document("59/2023/NĐ-CP") or ""

    pages = [
        ("tong-quan", "", {}), ("van-ban (list)", "van-ban", {}), ("van-ban (plan)", "van-ban", {"doc": plan}),
        ("van-ban (59/2023, Lược đồ)", "van-ban", {"doc": nd59, "tab": "schema"}),
        ("chi-dao", "chi-dao", {}), ("hoi", "hoi", {"q": QUESTION}), ("don-vi", "don-vi", {}),
        ("han-xu-ly", "han-xu-ly", {"today": "2026-02-10"}),
        ("han-xu-ly (quá hạn, theo quý)", "han-xu-ly", {"today": "2026-02-10", "status": "overdue", "by": "quarter"}),
        ("do-thi", "do-thi", {}), ("sparql", "sparql", {"ex": "0"}), ("nap", "nap", {}),
    ]
    pages += [(f"{name} [en]", page, {**params, "lang": "en"}) for name, page, params in pages]
    results = {}
    for name, page, params in pages:
        times, problems = [], []
        for _ in range(max(1, args.repeat)):
            st.cache_data.clear()
            at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
            if page:
                at.query_params["page"] = page
            for k, v in params.items():
                at.query_params[k] = v
            t0 = time.perf_counter()
            at.run()
            times.append(time.perf_counter() - t0)
            problems = [str(e.value)[:200] for e in at.exception] + [str(e.value)[:200] for e in at.error]
        print(f"{name}: {times[0]:.2f}s", file=sys.stderr, flush=True)
        results[name] = {"first_s": round(times[0], 3), "median_s": round(sorted(times)[len(times) // 2], 3),
                         **({"problems": problems} if problems else {})}
    limit = 2.0 if out["store"]["documents"] < 1000 else 4.0  # the seed vs the 10,000-plan store
    out["pages"] = results
    out["target_s"] = limit
    out["all_under_target"] = all(r["first_s"] < limit for r in results.values())
    dest = ROOT / "bench" / "results"
    dest.mkdir(parents=True, exist_ok=True)
    (dest / f"app-render-{args.docs or out['store']['documents']}.json").write_text(json.dumps(out, ensure_ascii=False, indent=1), encoding="utf-8")
    print(json.dumps(out, ensure_ascii=False, indent=1))
    return 0


def _build_store(location: Path, n_docs: int, corpus: Path | None = None) -> dict:
    from graph import api
    info: dict = {}
    kg = api.open_graph(str(location))
    seed = ROOT / "data" / "seed" / "ke-hoach-dan-van-dan-chu-2026.txt"
    t0 = time.perf_counter()
    res = kg.ingest_upload(seed.name, seed.read_bytes())
    info["seed_ingest_s"] = round(time.perf_counter() - t0, 2)
    if not res.ok:
        raise SystemExit(f"seed not ingested: {res.error}")
    info["plan"] = res.document
    kg.close()
    if n_docs:
        # the 10,000-document store of the graph benchmark: re-issued plans, bulk-loaded
        from graph.store import EmbeddedStore
        import graph as _graph  # noqa: F401
        spec = __import__("importlib.util").util.spec_from_file_location("bench_graph", ROOT / "bench" / "graph.py")
        bench_graph = __import__("importlib.util").util.module_from_spec(spec)
        spec.loader.exec_module(bench_graph)
        # the plans of bench/graph.py iter_nquads, loaded 500 at a time as they are made (the
        # four-template store is 5 GB of N-Quads: held whole, it does not fit beside a test run)
        store = EmbeddedStore(location, mode="w")
        t0 = time.perf_counter()
        meta = _stream_plans(bench_graph, n_docs, corpus, store)
        store._store.optimize()
        store.close()
        info["build_and_load_s"] = round(time.perf_counter() - t0, 1)
        info.update(meta)
    return info


def _stream_plans(bg, n_docs: int, corpus: Path | None, store) -> dict:
    """``bench/graph.py``'s re-issued plans (``iter_nquads``: same templates, provinces, years and
    numbers), each batch of 500 bulk-loaded as soon as it is made."""
    info: dict = {}
    made = 0
    batch: list[str] = []
    for plan in bg.iter_nquads(n_docs, corpus, info):
        batch.append(plan)
        made += 1
        if len(batch) >= 500:
            store.bulk_load_nquads("".join(batch).encode("utf-8"))
            batch = []
    if batch:
        store.bulk_load_nquads("".join(batch).encode("utf-8"))
    return {**info, "plans": made}


if __name__ == "__main__":
    sys.exit(main())
