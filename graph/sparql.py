"""The read-only SPARQL console: :func:`run_sparql` (updates refused, rows capped, time-limited)
and example queries in the project's vocabulary.

Each example is ``(Vietnamese title, English title, query)``; our PREFIX lines are added when a
query has none. They are written for large stores: a shared node (a decree, a unit) is described
in every graph that mentions it, so joins through it are made inside one document's graph
(``GRAPH ?g { … }``) or avoided, and aggregates count ``DISTINCT``. Every query is run on the seed
store by ``tests/test_graph_examples.py``.

>>> from graph.fixtures import seed_store
>>> run_sparql(seed_store(), "ASK { ?t a cancu:Task }").boolean
True
"""
from __future__ import annotations

import time

from .errors import BadQuery
from .results import SparqlResult
from .store import Store, is_update, prefixed

__all__ = ["run_sparql", "SPARQL_EXAMPLES"]


def run_sparql(store: Store, query: str, *, timeout_s: float = 10.0, limit: int = 5000) -> SparqlResult:
    """A read-only query: updates are refused, results capped at ``limit`` rows, time-limited."""
    if not query.strip():
        raise BadQuery("empty query")
    if is_update(query):
        raise BadQuery("read-only: updates (INSERT, DELETE, LOAD, DROP, CLEAR …) are refused")
    t0 = time.perf_counter()
    rows = store.select(prefixed(query) if "PREFIX" not in query.upper() else query, timeout_s=timeout_s, limit=limit)
    ms = (time.perf_counter() - t0) * 1000
    if rows and "_ask" in rows[0]:
        return SparqlResult([], [], boolean=rows[0]["_ask"] == "true", elapsed_ms=ms)
    cols = list(rows[0].keys()) if rows else []
    truncated = len(rows) > limit
    return SparqlResult(cols, [[r.get(c) for c in cols] for r in rows[:limit]], truncated=truncated, elapsed_ms=ms)


SPARQL_EXAMPLES: list[tuple[str, str, str]] = [
    ("Văn bản dẫn chiếu Nghị định 59/2023/NĐ-CP", "Documents citing Decree 59/2023/NĐ-CP", """\
SELECT DISTINCT ?doc ?label ?path WHERE {
  GRAPH ?g {
    ?doc a cancu:SourceDocument ; eli:cites ?cited ; cancu:sourcePath ?path .
    ?cited eli:id_local "59/2023/NĐ-CP" .
    OPTIONAL { ?doc rdfs:label ?label }
  }
} ORDER BY ?label LIMIT 200"""),
    ("Nhiệm vụ xuất phát từ Nghị định 59/2023 (trực tiếp hoặc qua văn bản quy định chi tiết)",
     "Tasks deriving from Decree 59/2023 (directly or through documents detailing it)", """\
SELECT DISTINCT ?task ?number ?via WHERE {
  ?via (cancu:details|eli:applies|cancu:guides)* <https://cancu.vn/id/doc/vn/59/2023/nd-cp> .
  ?task cancu:derivesFrom ?via ; cancu:itemNumber ?number .
} ORDER BY ?task LIMIT 200"""),
    ("Nhiệm vụ do một đơn vị chủ trì, kèm văn bản", "Tasks a unit leads, with their document", """\
SELECT ?task ?number ?label ?document WHERE {
  GRAPH ?g {
    ?task cancu:leadUnit ?unit ; cancu:itemNumber ?number ; rdfs:label ?label ; prov:hadPrimarySource ?doc .
    ?unit skos:prefLabel "Trung tâm Thông tin"@vi .
    OPTIONAL { ?doc rdfs:label ?document }
  }
} ORDER BY ?task LIMIT 200"""),
    ("Chuỗi căn cứ: văn bản mà mỗi kế hoạch căn cứ, thực hiện hoặc dẫn chiếu, và các văn bản chúng quy định chi tiết",
     "Basis chain: what each plan rests on, applies or cites, and what those detail or apply in turn", """\
SELECT DISTINCT ?plan ?basis ?via WHERE {
  ?plan a cancu:SourceDocument ; eli:based_on|eli:applies|eli:cites ?via .
  ?via (cancu:details|eli:applies|cancu:guides)* ?basis .
} ORDER BY ?plan ?basis LIMIT 200"""),
    ("Văn bản được dẫn chiếu nhiều nhất", "Most cited documents", """\
SELECT ?cited (COUNT(DISTINCT ?doc) AS ?citing) WHERE {
  ?doc a cancu:SourceDocument ; eli:cites ?cited .
} GROUP BY ?cited ORDER BY DESC(?citing) ?cited LIMIT 20"""),
    ("Đơn vị chủ trì nhiều nhiệm vụ nhất", "Units leading the most tasks", """\
SELECT ?unit ?name (COUNT(DISTINCT ?task) AS ?tasks) WHERE {
  GRAPH ?g { ?task cancu:leadUnit ?unit . ?unit skos:prefLabel ?name }
} GROUP BY ?unit ?name ORDER BY DESC(?tasks) ?name LIMIT 20"""),
    ("Trích đoạn nguồn của mỗi nhiệm vụ (Web Annotation)", "The source span of each task (Web Annotation)", """\
SELECT ?number ?start ?end ?path WHERE {
  GRAPH ?g {
    ?ann oa:hasBody ?task ; oa:hasTarget ?target .
    ?task a cancu:Task ; cancu:itemNumber ?number ; prov:hadPrimarySource ?doc .
    ?target oa:hasSource ?doc ; oa:hasSelector ?pos .
    ?pos a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end .
    ?doc cancu:sourcePath ?path .
  }
} ORDER BY ?path ?start LIMIT 200"""),
    ("Các lần nạp văn bản (PROV-O)", "Ingestion runs (PROV-O)", """\
SELECT ?doc ?path ?at WHERE {
  GRAPH ?g { ?run a prov:Activity ; prov:generated ?doc ; prov:endedAtTime ?at . ?doc cancu:sourcePath ?path }
} ORDER BY DESC(?at) LIMIT 50"""),
]
