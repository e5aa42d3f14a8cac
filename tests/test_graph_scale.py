"""Lists and counts on a store of many re-issued plans equal a brute-force count over its quads.

A shared node (a national decree, a province's unit) is described in every graph that mentions
it, so the union default graph repeats it; the queries must neither multiply nor lose counts
because of that. 200 plans: the seed plan re-issued by 5 provinces in 2 years under 20 numbers
each (the same stamping as ``bench/graph.py ask``). Correctness only, no timing.
"""
from __future__ import annotations

from collections import Counter, defaultdict

import pytest

from graph import queries
from graph.api import KnowledgeGraph
from graph.ask import ask
from graph.build import build_document
from graph.fixtures import TCHCQT, seed_facts, variant
from graph.index import store_index
from graph.store import EmbeddedStore
from graph.vocab import CANCU, ELI, ORG, RDF
from graph.writer import delete_document

PROVINCES = ["Bắc Ninh", "Hà Tĩnh", "Phú Yên", "Gia Lai", "Kon Tum"]
YEARS = [2025, 2026]
PER = 20
SENTINEL = 987654
ND59 = "https://cancu.vn/id/doc/vn/59/2023/nd-cp"


def _nquads() -> str:
    base = seed_facts()
    out = []
    for year in YEARS:
        for prov in PROVINCES:
            dg = build_document(variant(base, SENTINEL, year=year, province=prov), ingested_at="2026-03-01T08:00:00+00:00")
            nt = dg.ntriples()
            for n in range(1, PER + 1):
                text = nt.replace(f"/{SENTINEL}/kh-vp", f"/{n}/kh-vp").replace(f'"{SENTINEL}/KH-VP"', f'"{n}/KH-VP"') \
                    .replace(f"({SENTINEL})", f"({n})").replace(f"#{SENTINEL}", f"#{n}")
                g = str(dg.graph_iri).replace(f"/{SENTINEL}/kh-vp", f"/{n}/kh-vp")
                out.append("".join(line[:-2] + f" <{g}> .\n" for line in text.splitlines() if line.strip()))
    return "".join(out)


@pytest.fixture(scope="module")
def big():
    store = EmbeddedStore(None)
    store.bulk_load_nquads(_nquads().encode("utf-8"))
    return store


def _brute(store):
    """Counts straight from the quads (no SPARQL)."""
    triples = {(q.subject.value, q.predicate.value, q.object.value) for q in store._store.quads_for_pattern(None, None, None, None)
               if q.graph_name.value.startswith("https://cancu.vn/graph/doc/")}
    by_p = defaultdict(set)
    for s, p, o in triples:
        by_p[p].add((s, o))
    typed = defaultdict(set)
    for s, o in by_p[str(RDF.type)]:
        typed[o].add(s)
    sources = typed[str(CANCU.SourceDocument)]
    cited_by = Counter(o for s, o in by_p[str(ELI.cites)] if s in sources)
    # what counts as a task: items of kind task or assignment (graph.queries.TASK_KINDS); units are
    # listed and counted when they hold one that is not a heading over sub-items
    actionable = {s for s, k in by_p[str(CANCU.itemKind)] if k in queries.TASK_KINDS}
    parents = {p for c, p in by_p[str(ELI.is_part_of)] if p in typed[str(CANCU.Task)]}
    lead = Counter(u for t, u in by_p[str(CANCU.leadUnit)] if t in actionable - parents)
    held = {u for prop in (CANCU.leadUnit, CANCU.supportUnit, CANCU.reportTo, CANCU.mentionsUnit)
            for t, u in by_p[str(prop)] if t in actionable - parents}
    tasks_of = Counter(o for s, o in by_p["http://www.w3.org/ns/prov#hadPrimarySource"] if s in actionable)
    return {"sources": sources, "tasks": actionable, "items": typed[str(CANCU.Task)], "units": typed[str(ORG.Organization)],
            "held": held, "cited_by": cited_by, "lead": lead, "tasks_of": tasks_of, "by_p": by_p,
            "citations": {s for s, _ in by_p[str(CANCU.citedAs)]},
            "cited": {o for _, o in by_p[str(ELI.cites)]} - sources,
            "works": typed[str(ELI.Work)] - typed[str(CANCU.Task)]}


@pytest.fixture(scope="module")
def brute(big):
    return _brute(big)


def test_counts(big, brute):
    c = queries.counts(big)
    assert c == {"documents": len(brute["sources"]), "cited_documents": len(brute["cited"]),
                 "tasks": len(brute["tasks"]), "items": len(brute["items"]), "units": len(brute["held"]),
                 "citations": len(brute["citations"])}
    assert c["documents"] == len(PROVINCES) * len(YEARS) * PER


def test_most_cited_and_busiest_units(big, brute):
    top = queries.most_cited(big, 15)
    assert [r["count"] for r in top] == sorted(brute["cited_by"].values(), reverse=True)[:15]
    assert all(brute["cited_by"][r["document"]] == r["count"] for r in top)
    assert top[0]["count"] == len(brute["sources"])  # every plan cites Nghị định 59/2023
    busy = queries.busiest_units(big, 15)
    assert [r["count"] for r in busy] == sorted(brute["lead"].values(), reverse=True)[:15]
    assert all(brute["lead"][r["unit"]] == r["count"] for r in busy)


def test_units(big, brute):
    us = queries.units(big)
    assert {u["unit"] for u in us} == brute["units"]
    lead_items = Counter(u for _, u in brute["by_p"][str(CANCU.leadUnit)])
    assert {u["unit"]: u["lead"] for u in us} == {u: lead_items.get(u, 0) for u in brute["units"]}
    assert set(queries.busy_units(big)) == brute["held"]
    assert len({u["unit"] for u in us if u["name"] == TCHCQT}) == len(PROVINCES)  # one per province


def test_documents(big, brute):
    docs = queries.documents(big)
    assert {d["document"] for d in docs} == brute["works"]
    for d in docs:
        assert d["cited_by"] == brute["cited_by"].get(d["document"], 0), d["document"]
        assert d["tasks"] == brute["tasks_of"].get(d["document"], 0), d["document"]
        assert d["ingested"] == (d["document"] in brute["sources"])
    assert {d["document"] for d in queries.documents(big, ingested_only=True)} == brute["sources"]


def test_ingest_log(big, brute):
    log = queries.ingest_log(big, limit=10)
    per_plan = brute["tasks_of"][log[0]["document"]]
    assert per_plan > 5
    assert len(log) == 10 and all(r["tasks"] == per_plan and r["citations"] > 5 for r in log)


def test_requirements_worklist_and_ask_totals(big, brute):
    derives = brute["by_p"][str(CANCU.derivesFrom)]
    direct = {t for t, d in derives if d == ND59}
    ix = store_index(big)
    assert store_index(big) is ix  # built once per store version
    assert ix.derived_tasks(ND59) == direct and len(direct) == 3 * len(brute["sources"])
    a = ask(big, "Nghị định 59/2023 yêu cầu gì?", limit=50)
    assert a.total == len(direct) and len(a.tasks) == 50
    assert all(t.source and t.source.end > t.source.start and t.text for t in a.tasks)
    # the home unit's jurisdiction first
    home = sorted(u for u in brute["units"] if u.endswith("/phong-to-chuc-hanh-chinh-quan-tri"))[0]
    a = ask(big, "Nghị định 59/2023 yêu cầu gì?", unit=home, limit=None)
    mine = {t for t, u in brute["by_p"][str(CANCU.leadUnit)] | brute["by_p"][str(CANCU.supportUnit)]
            | brute["by_p"][str(CANCU.mentionsUnit)] if u == home}
    assert {t.id for t in a.tasks} == (direct & mine) - {p for _, p in brute["by_p"][str(ELI.is_part_of)]}
    kg = KnowledgeGraph.over(big)
    wl = kg.worklist(home, limit=None)
    assert {t.id for t in wl.lead} == {t for t, u in brute["by_p"][str(CANCU.leadUnit)] if u == home} - \
        {p for _, p in brute["by_p"][str(ELI.is_part_of)]}
    wl = kg.worklist(TCHCQT, limit=30)  # the name in every province: capped, its tasks only
    assert len(wl.lead) == 30 and all(TCHCQT in t.lead for t in wl.lead)
    m = kg.matrix(max_directives=5, max_tasks=40)
    assert len(m.tasks) == 40 and m.directives[0].count == len(ix.derived_tasks(m.directives[0].id))
    ov = kg.overview(top=3)
    assert ov.documents == len(brute["sources"]) and ov.most_cited[0].count == len(brute["sources"])
    rec = kg.document(sorted(brute["sources"])[0], limit=20)
    assert len(rec.tasks) == 17 and len(rec.applied_by) <= 20 and rec.highlights


def test_delete_invalidates_the_index(big, brute):
    before = store_index(big)
    doc = sorted(brute["sources"])[-1]
    assert delete_document(big, doc)
    ix = store_index(big)
    assert ix is not before and len(ix.derived_tasks(ND59)) == len(before.derived_tasks(ND59)) - 3
    assert queries.counts(big)["documents"] == len(brute["sources"]) - 1
    assert queries.most_cited(big, 1)[0]["count"] == len(brute["sources"]) - 1
