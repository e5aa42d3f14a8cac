"""Benchmark of the graph: ingestion throughput, and `ask` latency on a 10,000-document store.

Usage (from the project root):
    .venv/bin/python bench/graph.py ingest [--corpus ../shared/corpus] [--jobs 1 2]
    .venv/bin/python bench/graph.py ask [--docs 10000] [--rdflib-docs 300]

``ingest`` runs ``cancu ingest`` on the dev corpus and the bulk texts into a fresh embedded store,
once per ``--jobs`` value, and reports docs/s, MB/s, the store's size and the peak memory
(max RSS of the command and its workers).

``ask`` builds a store of ``--docs`` plans by re-issuing real plans (the seed plan, and each dev
document carrying an action plan: at least two items citing documents and two naming their lead,
which today are Quyết định 844/QĐ-TTg, Nghị quyết 97/NQ-CP and Nghị quyết 113/NQ-CP) under other
numbers, years and issuers: for each
(template, province, year) one variant is built with the real builder (``graph.fixtures.variant``:
the plan's symbol ``<n>/KH-VP``, date and issuer ``Văn phòng UBND tỉnh <province>`` change, so its
IRI, its units and its local citations move to that province's jurisdiction), and the other plan
numbers of that (template, province, year) are stamped from its N-Triples by replacing the
plan number in the document's IRI and symbol. National documents (59/2023/NĐ-CP …) are shared
by all plans, as they should be. The store is bulk-loaded, then 20 different questions are each
asked 5 times (after one warm-up that builds the lexicon); p50/p95 are reported. The same
questions' SPARQL (requirements, worklist, basis chain) is then run on an Oxigraph store and an
rdflib in-memory Dataset holding the same ``--rdflib-docs`` plans, and the ratio is reported.
Results are printed as JSON and written to ``bench/results/graph-<what>.json``.
"""
from __future__ import annotations

import argparse
import json
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PROVINCES = ["Bắc Ninh", "Hà Tĩnh", "Phú Yên", "Gia Lai", "Kon Tum", "Hưng Yên", "Tuyên Quang", "Lào Cai",
             "Nghệ An", "Thanh Hóa", "Quảng Bình", "Quảng Trị", "Đồng Nai", "Long An", "Cà Mau", "Sơn La",
             "Điện Biên", "Lai Châu", "Yên Bái", "Hòa Bình", "Thái Nguyên", "Lạng Sơn", "Cao Bằng", "Bắc Giang",
             "Phú Thọ", "Vĩnh Phúc", "Hải Dương", "Thái Bình", "Nam Định", "Ninh Bình", "Hà Nam", "Bình Định",
             "Khánh Hòa", "Ninh Thuận", "Bình Thuận", "Đắk Lắk", "Đắk Nông", "Lâm Đồng", "Bình Phước", "Tây Ninh"]
YEARS = [2023, 2024, 2025, 2026]
SENTINEL = 987654


def _log(msg: str) -> None:
    print(f"[bench] {msg}", file=sys.stderr, flush=True)


def _save(name: str, data: dict) -> None:
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / f"graph-{name}.json").write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    print(json.dumps(data, ensure_ascii=False, indent=1))


def bench_ingest(corpus: Path, jobs_list: list[int]) -> None:
    files = sorted((corpus / "dev").glob("*.txt")) + sorted((corpus / "bulk" / "txt").glob("*.txt"))
    mb = sum(f.stat().st_size for f in files) / 2**20
    results = {"documents": len(files), "megabytes": round(mb, 2), "runs": []}
    for jobs in jobs_list:
        with tempfile.TemporaryDirectory() as tmp:
            store = Path(tmp) / "store"
            t0 = time.perf_counter()
            before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            p = subprocess.run([sys.executable, "-m", "cancu.cli", "ingest", str(corpus / "dev"),
                                str(corpus / "bulk" / "txt"), "--store", str(store), "-j", str(jobs), "-q"],
                               cwd=ROOT, capture_output=True, text=True)
            dt = time.perf_counter() - t0
            peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            failed = [line for line in p.stderr.splitlines() if line.startswith("cancu:")]
            size = sum(f.stat().st_size for f in store.rglob("*") if f.is_file())
            # RocksDB deletes the write-ahead log of what the last flush persisted at the next open
            import pyoxigraph
            del_ = pyoxigraph.Store(str(store))
            del del_
            settled = sum(f.stat().st_size for f in store.rglob("*") if f.is_file())
            results["runs"].append({"jobs": jobs, "seconds": round(dt, 2), "docs_per_s": round(len(files) / dt, 2),
                                    "mb_per_s": round(mb / dt, 3), "store_mb_at_exit": round(size / 2**20, 1),
                                    "store_mb": round(settled / 2**20, 1),
                                    "peak_rss_mb": round(max(peak, before) / 1024, 1), "failed": len(failed),
                                    "first_failures": failed[:3]})
    _save("ingest", results)


def _templates(corpus: Path | None):
    from graph.fixtures import seed_facts
    out = [seed_facts()]
    if corpus and (corpus / "dev").is_dir():
        from ingest.pipeline import extract_file
        for f in sorted((corpus / "dev").glob("*.txt")):
            try:
                facts = extract_file(f)
            except Exception:  # noqa: BLE001 - a template that does not extract is skipped
                continue
            # a real action plan: items that cite documents and items that name who leads them (the
            # dev corpus's plans are excerpts; its decisions and resolutions carry whole action plans)
            if sum(1 for t in facts.tasks if t.cites) >= 2 and sum(1 for t in facts.tasks if t.lead) >= 2:
                out.append(facts)
    return out


def iter_nquads(n_docs: int, corpus: Path | None, info: dict):
    """Yield the N-Quads of ``n_docs`` re-issued plans, one string per plan (see the module
    docstring), without holding them all: a 10,000-plan store is tens of GB of strings.
    ``info`` receives the counts of templates and variants built."""
    from graph.build import build_document
    from graph.fixtures import variant
    templates = _templates(corpus)
    made, built = 0, 0
    info.update(templates=len(templates), variants_built=0)
    combos = [(t, p, y) for y in YEARS for p in PROVINCES for t in range(len(templates))]
    per = -(-n_docs // len(combos))
    for ti, prov, year in combos:
        if made >= n_docs:
            break
        base = variant(templates[ti], SENTINEL, year=year, province=prov)
        dg = build_document(base, ingested_at="2026-03-01T08:00:00+00:00")
        built += 1
        info["variants_built"] = built
        g = str(dg.graph_iri)
        nt = dg.ntriples()
        for k in range(per):
            if made >= n_docs:
                break
            n = 1 + ti * 100000 + k
            text = nt.replace(f"/{SENTINEL}/kh-vp", f"/{n}/kh-vp").replace(f'"{SENTINEL}/KH-VP"', f'"{n}/KH-VP"') \
                .replace(f"({SENTINEL})", f"({n})").replace(f"#{SENTINEL}", f"#{n}")
            gi = g.replace(f"/{SENTINEL}/kh-vp", f"/{n}/kh-vp")
            lines = [line[:-2] + f" <{gi}> .\n" for line in text.splitlines() if line.strip()]
            # the graph's size in the meta graph, as graph.store writes it
            lines.append(f'<{gi}> <https://cancu.vn/def#tripleCount> "{len(lines)}"^^<http://www.w3.org/2001/XMLSchema#integer> '
                         '<https://cancu.vn/graph/meta> .\n')
            yield "".join(lines)
            made += 1


QUESTIONS = [
    ("Nghị định 59/2023 yêu cầu gì?", None), ("What does 59/2023 require of us?", "UNIT"),
    ("nghi dinh 59 yeu cau gi", None), ("Chỉ thị 05-CT/TW", None), ("Luật Thực hiện dân chủ ở cơ sở", None),
    ("Quy định 429-QĐ/TU yêu cầu gì?", None), ("Kế hoạch 32/KH-UBND", None), ("Chỉ thị 39-CT/TU", None),
    ("Chỉ thị 30/CT-UBND yêu cầu gì?", None), ("Công văn 927/BNV-CTTN&BĐG", None),
    ("Công văn 3266/UBND-NC", None), ("Decree 59 requirements", None), ("Directive 05-CT/TW", None),
    ("law 10/2022/QH15", None), ("Nghị định 59/2023 yêu cầu gì đối với chúng tôi?", "UNIT"),
    ("Chỉ thị 05-CT/TW yêu cầu gì?", "UNIT"), ("Kế hoạch 32/KH-UBND yêu cầu gì?", "UNIT"),
    ("Trung tâm Thông tin có nhiệm vụ gì?", None), ("Phòng Tổ chức - Hành chính - Quản trị phải làm gì?", None),
    ("Sở Nội vụ nhận báo cáo gì?", None),
    # units in English, several units, roles, deadlines, who
    ("Which tasks does the Ministry of Justice lead?", None), ("Bộ Tư pháp và Bộ Tài chính chủ trì những nhiệm vụ nào?", None),
    ("Which tasks does the Ministry of Finance support?", None), ("Bảo hiểm xã hội Việt Nam phải làm gì?", None),
    ("Nhiệm vụ nào phải hoàn thành trong Quý IV/2026?", None), ("Which tasks are overdue?", None),
    ("Ai báo cáo Sở Nội vụ?", None), ("Who reports to the Department of Home Affairs?", None),
]
# questions answered from the tasks' words (the full-text index)
TOPIC_QUESTIONS = [
    ("Ai theo dõi, đôn đốc việc thực hiện?", None), ("Nhiệm vụ nào về bảo hiểm y tế?", None),
    ("Who must publish news on the website?", None), ("Nhiệm vụ nào về chuyển đổi số và dữ liệu?", None),
    ("What must be done about health insurance payments?", None), ("Ai tổ chức hội nghị đối thoại với nhân dân?", None),
    ("Who must review legal documents?", None), ("Nhiệm vụ nào về cải cách thủ tục hành chính?", None),
    ("Bộ Y tế phải làm gì về thanh toán bảo hiểm y tế?", None), ("Which tasks concern training of officials?", None),
]


def _facade_timings(store) -> dict:
    """What the app's pages call, on the big store: the first call (cold: builds the per-version
    index and caches) and the second (warm), in ms."""
    from graph.api import KnowledgeGraph
    kg = KnowledgeGraph.over(store)
    doc = next(r["d"] for r in store.select("SELECT ?d WHERE { ?d a <https://cancu.vn/def#SourceDocument> } LIMIT 1"))
    nd59 = "https://cancu.vn/id/doc/vn/59/2023/nd-cp"
    unit = next(r["u"] for r in store.select(
        'SELECT ?u WHERE { ?u <http://www.w3.org/2004/02/skos/core#prefLabel> "Trung tâm Thông tin"@vi } LIMIT 1'))
    calls = [("overview", lambda: kg.overview()), ("documents", lambda: kg.documents()),
             ("documents('59/2023')", lambda: kg.documents("59/2023")), ("units", lambda: kg.units()),
             ("document(plan)", lambda: kg.document(doc)), ("document(59/2023)", lambda: kg.document(nd59)),
             ("requirements(59/2023)", lambda: kg.requirements(nd59)), ("worklist(unit IRI)", lambda: kg.worklist(unit)),
             ("worklist('Trung tâm Thông tin')", lambda: kg.worklist("Trung tâm Thông tin")),
             ("matrix", lambda: kg.matrix()), ("search_nodes('59/2023')", lambda: kg.search_nodes("59/2023")),
             ("ego(59/2023)", lambda: kg.ego(nd59)), ("ego(plan, 2 hops)", lambda: kg.ego(doc, hops=2)),
             ("node(59/2023)", lambda: kg.node(nd59)), ("path(plan, 59/2023)", lambda: kg.path(doc, nd59))]
    out = {}
    for name, fn in calls:
        _log(name)
        ms = []
        for _ in range(2):
            t0 = time.perf_counter()
            fn()
            ms.append(round((time.perf_counter() - t0) * 1000, 1))
        out[name] = {"cold_ms": ms[0], "warm_ms": ms[1]}
    return out


def bench_ask(n_docs: int, rdflib_docs: int, corpus: Path | None, limit: int, keep: Path | None = None,
              reuse: Path | None = None, facade: bool = True) -> None:
    from graph import queries
    from graph.ask import ask
    from graph.ids import ID
    from graph.index import store_index
    from graph.lexicon import lexicon
    from graph.store import EmbeddedStore
    res: dict = {"documents": n_docs, "task_limit_per_answer": limit,
                 "templates_from": str(corpus / "dev") if corpus else "the seed plan only"}
    tmp = Path(tempfile.mkdtemp())
    where = reuse or keep or tmp / "store"
    info: dict = {}
    head: list[str] = []  # the first `rdflib_docs` plans, for the rdflib comparison below
    try:
        store = EmbeddedStore(where, mode="w")
        build_s = load_s = 0.0
        batch: list[str] = []
        made = 0
        t0 = time.perf_counter()
        for plan in iter_nquads(n_docs if not reuse else rdflib_docs, corpus, info):
            made += 1
            if len(head) < rdflib_docs:
                head.append(plan)
            if reuse:
                continue
            batch.append(plan)
            if len(batch) == 500:  # streamed: only one batch of plans is held at a time
                t1 = time.perf_counter()
                build_s += t1 - t0
                store.bulk_load_nquads("".join(batch).encode("utf-8"))
                batch = []
                t0 = time.perf_counter()
                load_s += t0 - t1
                _log(f"loaded {made} plans")
        build_s += time.perf_counter() - t0
        if batch:
            t1 = time.perf_counter()
            store.bulk_load_nquads("".join(batch).encode("utf-8"))
            load_s += time.perf_counter() - t1
        del batch
        if not reuse:
            t1 = time.perf_counter()
            store._store.optimize()
            load_s += time.perf_counter() - t1
        res.update(info, build_s=round(build_s, 1))
        _log(f"built {made} plans in {res['build_s']} s")
        res["load_s"] = round(load_s, 1) if not reuse else None
        if reuse:
            res["reused_store"] = str(reuse)
            res.pop("build_s", None)
        res["triples"] = len(store._store)
        res["store_mb"] = round(store.size_bytes() / 2**20, 1)
        res["source_documents"] = int(store.select(
            "SELECT (COUNT(?d) AS ?n) WHERE { ?d a <https://cancu.vn/def#SourceDocument> }")[0]["n"])
        _log(f"loaded {res['triples']} triples in {res['load_s']} s")
        # the home unit: one province's Phòng TCHCQT
        unit = next(r["u"] for r in store.select(
            'SELECT ?u WHERE { ?u <http://www.w3.org/2004/02/skos/core#prefLabel> "Phòng Tổ chức - Hành chính - Quản trị"@vi } LIMIT 1'))
        t0 = time.perf_counter()
        lexicon(store)
        res["lexicon_cold_ms"] = round((time.perf_counter() - t0) * 1000, 1)
        t0 = time.perf_counter()
        store_index(store)
        res["index_cold_ms"] = round((time.perf_counter() - t0) * 1000, 1)
        _log(f"lexicon {res['lexicon_cold_ms']} ms, index {res['index_cold_ms']} ms")
        t0 = time.perf_counter()
        from graph.fulltext import fulltext
        fulltext(store)
        res["fulltext_cold_ms"] = round((time.perf_counter() - t0) * 1000, 1)
        _log(f"full-text index {res['fulltext_cold_ms']} ms")
        sizes, per_q = {}, {}
        for kind, qs in (("ask", QUESTIONS), ("topic", TOPIC_QUESTIONS)):
            lat, first = [], []
            for q, u in qs:
                queries.task_details_cache(store).clear()  # the first ask of a question reads its tasks from the store
                t0 = time.perf_counter()
                ask(store, q, unit if u else None, limit=limit)
                first.append((time.perf_counter() - t0) * 1000)
                ms = []
                for _ in range(5):
                    t0 = time.perf_counter()
                    a = ask(store, q, unit if u else None, limit=limit)
                    ms.append((time.perf_counter() - t0) * 1000)
                lat += ms
                key = q + (" [unit]" if u else "")
                sizes[key] = {"tasks": len(a.tasks), "total": a.total, "links": len(a.links), "kind": a.intent}
                per_q[key] = round(statistics.median(ms), 1)
                _log(f"{key}: {per_q[key]} ms, {len(a.tasks)}/{a.total} tasks")
            lat.sort()
            first.sort()
            label = "ask_ms" if kind == "ask" else "topic_ask_ms"
            res[label] = {"p50": round(statistics.median(lat), 1), "p95": round(lat[int(0.95 * len(lat)) - 1], 1),
                          "max": round(lat[-1], 1), "n": len(lat)}
            res[label.replace("_ms", "_first_ms")] = {
                "p50": round(statistics.median(first), 1), "p95": round(first[max(0, int(0.95 * len(first)) - 1)], 1),
                "max": round(first[-1], 1), "n": len(first),
                "note": "each question's first ask, the task-details cache emptied before it"}
        res["ask_median_ms_per_question"] = per_q
        res["answer_sizes"] = sizes
        if facade:
            res["facade_ms"] = _facade_timings(store)
        store.close()

        # same queries, Oxigraph vs rdflib in memory, on the first `rdflib_docs` plans
        from rdflib import Dataset
        sub = "".join(head)
        oxs = EmbeddedStore(None)
        oxs.bulk_load_nquads(sub.encode("utf-8"))
        ds = Dataset(default_union=True)
        t0 = time.perf_counter()
        ds.parse(data=sub, format="nquads")
        rdflib_load = time.perf_counter() - t0
        nd59, law = str(ID["doc/vn/59/2023/nd-cp"]), str(ID["doc/vn/10/2022/qh15"])
        plan = next(r["d"] for r in oxs.select("SELECT ?d WHERE { ?d a <https://cancu.vn/def#SourceDocument> } LIMIT 1"))
        unit_s = next(r["u"] for r in oxs.select(
            'SELECT ?u WHERE { ?u <http://www.w3.org/2004/02/skos/core#prefLabel> "Trung tâm Thông tin"@vi } LIMIT 1'))

        class RdflibStore:
            def select(self, q, **_):
                out = []
                for row in ds.query(q):
                    out.append({str(k): (str(v) if v is not None else None) for k, v in row.asdict().items()})
                    for k in row.labels:
                        out[-1].setdefault(str(k), None)
                return out

        rs = RdflibStore()
        calls = [("requirements 59/2023", lambda s: queries.requirements_of(s, nd59)),
                 ("requirements law (transitive)", lambda s: queries.requirements_of(s, law)),
                 ("worklist", lambda s: queries.worklist(s, unit_s)),
                 ("basis chain", lambda s: queries.basis_chain(s, plan)),
                 ("cited_by law", lambda s: queries.cited_by(s, law))]
        cmp = {}
        for name, fn in calls:
            _log(name)
            times = {}
            for label, s in (("oxigraph", oxs), ("rdflib", rs)):
                fn(s)
                t0 = time.perf_counter()
                for _ in range(3):
                    n = len(fn(s))
                times[label] = (time.perf_counter() - t0) / 3 * 1000
            cmp[name] = {"oxigraph_ms": round(times["oxigraph"], 2), "rdflib_ms": round(times["rdflib"], 1),
                         "rdflib_over_oxigraph": round(times["rdflib"] / max(times["oxigraph"], 1e-6), 1), "rows": n}
        res["rdflib_vs_oxigraph"] = {"documents": rdflib_docs, "triples": len(ds), "rdflib_load_s": round(rdflib_load, 1),
                                     "queries": cmp}
        res["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    _save(f"ask-{res.get('source_documents', n_docs)}" + ("-reused-store" if reuse else ""), res)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="what", required=True)
    i = sub.add_parser("ingest")
    i.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    i.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    a = sub.add_parser("ask")
    a.add_argument("--docs", type=int, default=10000)
    a.add_argument("--rdflib-docs", type=int, default=300)
    a.add_argument("--limit", type=int, default=50, help="tasks per answer (graph.ask.DEFAULT_LIMIT)")
    a.add_argument("--keep", type=Path, help="build the store here and keep it")
    a.add_argument("--store", type=Path, help="reuse a store built with --keep (skip building and loading)")
    a.add_argument("--no-facade", action="store_true", help="skip the timings of the app's facade calls")
    a.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    args = ap.parse_args()
    if args.what == "ingest":
        bench_ingest(args.corpus, args.jobs)
    else:
        bench_ask(args.docs, args.rdflib_docs, args.corpus if args.corpus.is_dir() else None, args.limit,
                  keep=args.keep, reuse=args.store, facade=not args.no_facade)
    return 0


if __name__ == "__main__":
    sys.exit(main())
