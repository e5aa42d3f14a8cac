"""The read-only SPARQL console: :func:`run_sparql` (updates, SERVICE, LOAD and outside FROM
refused before anything runs; rows capped; a time limit that stops the work) and example queries
in the project's vocabulary.

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

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

from .errors import BadQuery, QueryTimeout, StoreUnavailable
from .results import SparqlResult
from .store import EmbeddedStore, Store, prefixed, shown
from .vocab import GRAPH, ID

__all__ = ["run_sparql", "check_query", "SPARQL_EXAMPLES"]

ROOT = Path(__file__).resolve().parent.parent
MAX_QUERY_CHARS = 100_000  # a console query longer than this is refused (one line)

# SPARQL's lexical tokens, enough to tell a keyword from the same letters inside a string, an IRI,
# a comment, a variable, a prefixed name or a language tag (the longest match first, as the grammar)
_TOKENS = re.compile(r"""
    (?P<ws>\s+)
  | (?P<comment>\#[^\n]*)
  | (?P<string>'\'\'(?:[^'\\]|\\.|'(?!''))*'\'\'|"\"\"(?:[^"\\]|\\.|"(?!""))*"\"\"
              |'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$][^\s(){}\[\],;.=<>!&|*/+^"'#@-]+)
  | (?P<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
  | (?P<pname>(?:[^\W\d][\w.-]*)?:(?:[\w.:%-]|\\.)*)
  | (?P<word>[^\W\d]\w*)
  | (?P<other>.)
""", re.X | re.S)

# keywords that only an update or an outward access has (LOAD fetches a URL)
_UPDATE_KEYWORDS = {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"}
_OURS = (str(GRAPH), str(ID))


def check_query(query: str) -> None:
    """Refuse, before anything runs, what the console must never do, with one line (``BadQuery``):
    an update (read-only), ``SERVICE`` (a federated query: the server would send requests to any
    address), ``LOAD``, and ``FROM``/``FROM NAMED`` naming anything but this store's own graphs.
    The query is tokenised, so the same letters inside a string, an IRI or a comment are allowed.

    >>> check_query('SELECT ("SERVICE <http://x/>" AS ?s) WHERE { ?s ?p ?o } # SERVICE')
    >>> check_query("select * { ?s ?p ?o . Service <http://127.0.0.1:9/> { ?a ?b ?c } }")
    Traceback (most recent call last):
    graph.errors.BadQuery: SERVICE (a federated query) is refused: the console reads this store only
    """
    # some engines read \\uXXXX escapes before the grammar (SPARQL 1.1 §19.2), Oxigraph only inside
    # strings and IRIs: both readings are checked
    unescaped = _CODEPOINT.sub(lambda m: chr(min(int(m.group(1) or m.group(2), 16), 0x10FFFF)), query)
    for text in dict.fromkeys((query, unescaped)):
        _check_tokens(text)


_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def _check_tokens(query: str) -> None:
    words = []
    for m in _TOKENS.finditer(query):
        kind = m.lastgroup
        if kind in ("ws", "comment"):
            continue
        words.append((kind, m.group().upper() if kind == "word" else m.group()))
    for i, (kind, tok) in enumerate(words):
        if kind != "word":
            continue
        if tok == "SERVICE":
            raise BadQuery("SERVICE (a federated query) is refused: the console reads this store only")
        if tok in _UPDATE_KEYWORDS:
            raise BadQuery("read-only: updates (INSERT, DELETE, LOAD, DROP, CLEAR …) are refused")
        if tok == "FROM":
            k = i + 1 + (words[i + 1:i + 2] == [("word", "NAMED")])
            kind2, target = words[k] if k < len(words) else ("", "")
            if kind2 != "iri" or not target[1:-1].startswith(_OURS):
                raise BadQuery(f"FROM {shown(target, 60)} is refused: a query may name only this store's graphs "
                               f"(<{GRAPH}…>)")


def _isolated(store: EmbeddedStore, query: str, timeout_s: float, limit: int) -> dict:
    """Run the query in a child process (:mod:`graph.sparql_worker`) killed at its time limit."""
    req = {"query": query, "limit": limit, "timeout_s": timeout_s}
    if store.location == ":memory:":
        req["nquads"] = store.dump("nquads").decode("utf-8")
    else:
        req["location"] = store.location
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    try:
        proc = subprocess.Popen([sys.executable, "-m", "graph.sparql_worker"], stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=str(ROOT), env=env)
    except OSError as e:
        raise StoreUnavailable(f"cannot start the query process ({e.strerror or e})") from None
    try:
        out, _ = proc.communicate(json.dumps(req).encode("utf-8"), timeout=timeout_s)
    except subprocess.TimeoutExpired:
        proc.kill()  # the work stops here: the process and its CPU are gone
        proc.communicate()
        raise QueryTimeout(f"the query ran longer than {timeout_s:g} s and was stopped") from None
    except BaseException:
        proc.kill()
        proc.communicate()
        raise
    try:
        res = json.loads(out.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise BadQuery(f"the query failed (its process ended with status {proc.returncode})") from None
    if "error" in res:
        raise {"QueryTimeout": QueryTimeout, "StoreUnavailable": StoreUnavailable}.get(res.get("kind"), BadQuery)(
            res["error"])
    return res


def run_sparql(store: Store, query: str, *, timeout_s: float = 10.0, limit: int = 5000) -> SparqlResult:
    """A read-only query over this store only: checked by :func:`check_query` first (updates,
    SERVICE, LOAD and outside FROM refused), results capped at ``limit`` rows, and stopped at
    ``timeout_s`` (an embedded store's query runs in a child process killed at the limit; an
    endpoint is given up on at the limit, and stops when its own limit says so, e.g. Oxigraph's
    ``serve --timeout-s``). Errors are ``GraphError`` with one line."""
    if not query.strip():
        raise BadQuery("empty query")
    if len(query) > MAX_QUERY_CHARS:
        raise BadQuery(f"the query is too long ({len(query):,} characters; at most {MAX_QUERY_CHARS:,})")
    query = prefixed(query) if "PREFIX" not in query.upper() else query
    check_query(query)
    limit = max(1, int(limit))
    t0 = time.perf_counter()
    if isinstance(store, EmbeddedStore):
        res = _isolated(store, query, float(timeout_s), limit)
        ms = (time.perf_counter() - t0) * 1000
        if "boolean" in res:
            return SparqlResult([], [], boolean=res["boolean"], elapsed_ms=ms)
        cols, rows = res["columns"], res["rows"]
        return SparqlResult(cols, rows[:limit], truncated=len(rows) > limit, elapsed_ms=ms)
    rows = store.select(query, timeout_s=timeout_s, limit=limit)
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
    ?doc cancu:sourcePath ?path .
  }
  # the target is the span <document#char=start,end> of the text of record (RFC 5147)
  BIND(STRAFTER(STR(?target), "#char=") AS ?span)
  BIND(xsd:integer(STRBEFORE(?span, ",")) AS ?start)
  BIND(xsd:integer(STRAFTER(?span, ",")) AS ?end)
} ORDER BY ?path ?start LIMIT 200"""),
    ("Các lần nạp văn bản (PROV-O)", "Ingestion runs (PROV-O)", """\
SELECT ?doc ?path ?at WHERE {
  GRAPH ?g { ?run a prov:Activity ; prov:generated ?doc ; prov:endedAtTime ?at . ?doc cancu:sourcePath ?path }
} ORDER BY DESC(?at) LIMIT 50"""),
]
