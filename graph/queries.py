"""The questions officers ask of the graph, as pure functions of a store.

Assumptions: the store holds one named graph per source document and is queried as the union
of its graphs (see :mod:`graph.store`). Every function only reads (SPARQL SELECT), returns
plain lists of dicts, and takes IRIs as ``str``. "Derives from" means: a task cites the document
(``cancu:derivesFrom``), or cites a document that details, applies or guides it, transitively.

The examples run against an in-memory store holding the seed plan's hand-built facts
(:func:`graph.fixtures.seed_store`).
"""
from __future__ import annotations

from .ids import ID
from .store import Store, prefixed

__all__ = ["requirements_of", "worklist", "basis_chain", "directive_task_matrix", "cited_by",
           "most_cited", "task_details", "documents", "units", "ingest_log", "counts", "busiest_units",
           "DERIVE_PATH"]

DERIVE_PATH = "(cancu:details|eli:applies|cancu:guides)"
NAT = str(ID) + "doc/vn/"


def _doctest_store():
    from .fixtures import seed_store
    return seed_store()


def item_order(task_iri: str) -> tuple:
    """Document order of items from their IRIs: ``…/item/ii.2.10`` after ``…/item/ii.2.9``.

    >>> sorted(["d/item/ii.2.10", "d/item/ii.2.9", "d/item/i.1", "d/item/iii.1"], key=item_order)
    ['d/item/i.1', 'd/item/ii.2.9', 'd/item/ii.2.10', 'd/item/iii.1']
    """
    doc, _, item = task_iri.rpartition("/item/")
    roman = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10,
             "xi": 11, "xii": 12, "xiii": 13, "xiv": 14, "xv": 15}
    key = []
    for part in item.split("."):
        if part in roman:
            key.append((0, roman[part], ""))
        elif part.isdigit():
            key.append((0, int(part), ""))
        else:
            key.append((1, 0, part))
    return (doc, key)


def _values(var: str, iris) -> str:
    return f"VALUES ?{var} {{ {' '.join(f'<{i}>' for i in iris)} }}"


def _split(s: str | None) -> list[str]:
    return sorted({x for x in (s or "").split("\x1f") if x})


def task_details(store: Store, tasks: list[str]) -> list[dict]:
    """Details of tasks: number, kind, text, units by role, cites, source span, document.

    >>> store = _doctest_store()
    >>> t = task_details(store, [r["task"] for r in requirements_of(store, NAT + "05-ct/tw")])
    >>> [(r["number"], r["source"]["start"] < r["source"]["end"]) for r in t]
    [('II.1.3', True)]
    """
    if not tasks:
        return []
    vals = _values("task", tasks)
    base = store.select(prefixed(f"""
SELECT ?task ?number ?kind ?doc ?deadline WHERE {{
  {vals}
  ?task cancu:itemNumber ?number ; cancu:itemKind ?kind ; prov:hadPrimarySource ?doc .
  OPTIONAL {{ ?task cancu:deadline ?deadline }}
}}"""))
    # spans and quotes in their own queries, so the task binds first (no scan of every selector)
    spans = {r["task"]: r for r in store.select(prefixed(f"""
SELECT ?task ?start ?end WHERE {{ {vals} ?ann oa:hasBody ?task ; oa:hasTarget ?tg . ?tg oa:hasSelector ?pos .
  ?pos oa:start ?start ; oa:end ?end . }}"""))}
    quotes = {r["task"]: r["text"] for r in store.select(prefixed(f"""
SELECT ?task ?text WHERE {{ {vals} ?ann oa:hasBody ?task ; oa:hasTarget ?tg . ?tg oa:hasSelector ?q .
  ?q oa:exact ?text . }}"""))}
    for r in base:
        sp = spans.get(r["task"], {})
        r["start"], r["end"], r["text"] = sp.get("start"), sp.get("end"), quotes.get(r["task"])
    docs = sorted({r["doc"] for r in base})
    dinfo = {r["doc"]: r for r in store.select(prefixed(f"""
SELECT ?doc ?path (SAMPLE(?l) AS ?label) WHERE {{ {_values("doc", docs)} ?doc cancu:sourcePath ?path .
  OPTIONAL {{ ?doc rdfs:label ?l }} }} GROUP BY ?doc ?path"""))} if docs else {}
    # names of units and symbols of documents come from the lexicon: joining on shared nodes
    # through the union default graph would repeat them once per graph describing them
    from .ask import lexicon
    lx = lexicon(store)
    roles: dict[str, dict[str, set]] = {}
    for r in store.select(prefixed(f"""
SELECT DISTINCT ?task ?role ?x WHERE {{
  {vals}
  {{ ?task cancu:leadUnit ?x BIND("lead" AS ?role) }}
  UNION {{ ?task cancu:supportUnit ?x BIND("support" AS ?role) }}
  UNION {{ ?task cancu:reportTo ?x BIND("report_to" AS ?role) }}
  UNION {{ ?task cancu:mentionsUnit ?x BIND("mentioned" AS ?role) }}
  UNION {{ ?task cancu:derivesFrom ?x BIND("cites" AS ?role) }}
}}""")):
        name = lx.display.get(r["x"]) if r["role"] == "cites" else lx.unit_label.get(r["x"])
        if name:
            roles.setdefault(r["task"], {}).setdefault(r["role"], set()).add(name)
    seen, out = set(), []
    for r in base:
        if r["task"] in seen:
            continue
        seen.add(r["task"])
        d = dinfo.get(r["doc"], {})
        path = d.get("path") or ""
        ro = roles.get(r["task"], {})
        out.append({
            "task": r["task"], "number": r["number"], "kind": r["kind"], "document": r["doc"],
            "document_label": d.get("label") or path.rsplit("/", 1)[-1], "text": r["text"] or "",
            "lead": sorted(ro.get("lead", ())), "support": sorted(ro.get("support", ())),
            "report_to": sorted(ro.get("report_to", ())), "mentioned": sorted(ro.get("mentioned", ())),
            "cites": sorted(ro.get("cites", ())), "deadline": r["deadline"],
            "source": {"path": path, "start": int(r["start"]) if r["start"] else None,
                       "end": int(r["end"]) if r["end"] else None},
        })
    order = {t: i for i, t in enumerate(tasks)}
    return sorted(out, key=lambda r: order.get(r["task"], 0))


def _unit_filter(unit: str | list[str] | None) -> str:
    if not unit:
        return ""
    units_ = [unit] if isinstance(unit, str) else list(unit)
    return (f"{_values('unit', units_)}\n?task (cancu:leadUnit|cancu:supportUnit|cancu:mentionsUnit) ?unit .\n"
            "FILTER NOT EXISTS { ?task eli:has_part ?child }")


def requirements_of(store: Store, document: str, unit: str | list[str] | None = None) -> list[dict]:
    """Tasks that require something because of ``document`` (directly or through documents that
    detail, apply or guide it), optionally only those of ``unit`` (lead, support or named).

    Returns ``[{"task", "via"}]`` in document order; ``via`` is the document the task cites.

    >>> store = _doctest_store()
    >>> nd59 = NAT + "59/2023/nd-cp"
    >>> sorted(r["task"].rsplit("/", 1)[-1] for r in requirements_of(store, nd59))
    ['ii.2.1', 'ii.2.5', 'iii.2.2']
    >>> law = NAT + "10/2022/qh15"                     # 59/2023 details the law: reached both ways
    >>> sorted({r["task"].rsplit("/", 1)[-1] for r in requirements_of(store, law)})
    ['i.1', 'ii.2.1', 'ii.2.5', 'iii.2.2']
    >>> unit = [u["unit"] for u in units(store) if u["name"].startswith("Phòng Tổ chức")][0]
    >>> [r["task"].rsplit("/", 1)[-1] for r in requirements_of(store, nd59, unit)]
    ['iii.2.2']
    """
    # 1. the document and the documents that detail/apply/guide it (small); 2. the tasks citing them
    vias = [document] + [r["via"] for r in store.select(prefixed(
        f"SELECT DISTINCT ?via WHERE {{ ?via {DERIVE_PATH}+ <{document}> }}")) if r["via"] != document]
    q = prefixed(f"""
SELECT DISTINCT ?task ?via WHERE {{
  {_values("via", vias)}
  ?task cancu:derivesFrom ?via .
  {_unit_filter(unit)}
}}""")
    rows = store.select(q)
    rows.sort(key=lambda r: item_order(r["task"]))
    return [{"task": r["task"], "via": r["via"]} for r in rows]


def worklist(store: Store, unit: str | list[str]) -> dict[str, list[str]]:
    """A unit's tasks by role: ``lead``, ``support``, ``report_to``, ``mentioned`` (named in the item
    without a role). Items with sub-items are left out (their items are listed).

    >>> store = _doctest_store()
    >>> u = [u["unit"] for u in units(store) if u["name"] == "Trung tâm Thông tin"][0]
    >>> {k: [t.rsplit("/", 1)[-1] for t in v] for k, v in worklist(store, u).items()}
    {'lead': ['iii.3'], 'support': [], 'report_to': [], 'mentioned': ['iii.1']}
    """
    units_ = [unit] if isinstance(unit, str) else list(unit)
    q = prefixed(f"""
SELECT DISTINCT ?task ?role WHERE {{
  {_values("unit", units_)}
  {{ ?task cancu:leadUnit ?unit . BIND("lead" AS ?role) }}
  UNION {{ ?task cancu:supportUnit ?unit . BIND("support" AS ?role) }}
  UNION {{ ?task cancu:reportTo ?unit . BIND("report_to" AS ?role) }}
  UNION {{ ?task cancu:mentionsUnit ?unit . BIND("mentioned" AS ?role) }}
  FILTER NOT EXISTS {{ ?task eli:has_part ?child }}
}}""")
    out: dict[str, list[str]] = {"lead": [], "support": [], "report_to": [], "mentioned": []}
    rows = sorted(store.select(q), key=lambda r: item_order(r["task"]))
    for r in rows:
        if r["task"] not in out[r["role"]]:
            out[r["role"]].append(r["task"])
    return out


_REL_Q = {"based_on": "eli:based_on", "applies": "eli:applies", "details": "cancu:details",
          "guides": "cancu:guides", "cites": "eli:cites", "amends": "eli:amends", "replaces": "cancu:replaces"}


def basis_chain(store: Store, document: str, *, max_depth: int = 6, rels=("based_on", "applies", "details",
                                                                        "guides", "cites")) -> list[dict]:
    """The documents a document rests on, transitively, up to the central ones.

    Returns ``[{"from", "rel", "to", "depth"}]`` breadth first; ``cites`` is followed only at depth 1.

    >>> store = _doctest_store()
    >>> doc = [d["document"] for d in documents(store) if d["ingested"]][0]
    >>> chain = basis_chain(store, doc)
    >>> sorted({(r["rel"], r["to"].rsplit("/doc/", 1)[1]) for r in chain if r["rel"] != "cites"})[:2]
    [('applies', 'doc-92fd417331/2022/429-qd/tu'), ('applies', 'doc-92fd417331/2026/32/kh-ubnd')]
    >>> any(r["rel"] == "details" and r["depth"] == 2 for r in chain)
    True
    """
    out, seen, frontier = [], {document}, [document]
    for depth in range(1, max_depth + 1):
        if not frontier:
            break
        use = [r for r in rels if r != "cites" or depth == 1]
        union = " UNION ".join(f'{{ ?from {_REL_Q[r]} ?to . BIND("{r}" AS ?rel) }}' for r in use)
        rows = store.select(prefixed(f"SELECT DISTINCT ?from ?rel ?to WHERE {{ {_values('from', frontier)} {union} }}"))
        nxt = []
        strong = {(r["from"], r["to"]) for r in rows if r["rel"] != "cites"}
        for r in sorted(rows, key=lambda r: (r["from"], r["rel"], r["to"])):
            if r["rel"] == "cites" and (r["from"], r["to"]) in strong:
                continue
            out.append({"from": r["from"], "rel": r["rel"], "to": r["to"], "depth": depth})
            if r["to"] not in seen:
                seen.add(r["to"])
                nxt.append(r["to"])
        frontier = nxt
    return out


def cited_by(store: Store, document: str) -> list[dict]:
    """Documents that cite, apply, detail or are based on ``document`` (the passive "Lược đồ").

    >>> store = _doctest_store()
    >>> [(r["rel"], r["from"].rsplit("/doc/", 1)[1]) for r in cited_by(store, NAT + "10/2022/qh15")]
    [('details', 'vn/59/2023/nd-cp'), ('cites', 'unknown/2026/ke-hoach-thuc-hien-cong-tac-dan-van-dan-chu-nam-2026')]
    """
    union = " UNION ".join(f'{{ ?from {p} <{document}> . BIND("{r}" AS ?rel) }}' for r, p in _REL_Q.items())
    rows = store.select(prefixed(f"SELECT DISTINCT ?from ?rel WHERE {{ {union} }}"))
    rank = list(_REL_Q)
    strong = {r["from"] for r in rows if r["rel"] != "cites"}
    rows = [r for r in rows if r["rel"] != "cites" or r["from"] not in strong]
    return sorted(({"from": r["from"], "rel": r["rel"]} for r in rows), key=lambda r: (rank.index(r["rel"]), r["from"]))


def most_cited(store: Store, top: int = 10) -> list[dict]:
    """Documents cited by the most source documents (ties by symbol).

    >>> store = _doctest_store()
    >>> [(r["label"], r["count"]) for r in most_cited(store, 2)]
    [('Chỉ thị 05-CT/TW', 1), ('Chỉ thị 30/CT-UBND', 1)]
    """
    rows = store.select(prefixed(f"""
SELECT ?doc (SAMPLE(?l) AS ?label) (COUNT(DISTINCT ?src) AS ?n) WHERE {{
  ?src a cancu:SourceDocument ; eli:cites ?doc .
  OPTIONAL {{ ?doc rdfs:label ?l }}
}} GROUP BY ?doc ORDER BY DESC(?n) ?label LIMIT {int(top)}"""))
    return [{"document": r["doc"], "label": r["label"] or r["doc"], "count": int(r["n"])} for r in rows]


def busiest_units(store: Store, top: int = 10) -> list[dict]:
    """Units leading the most tasks.

    >>> store = _doctest_store()
    >>> [(r["name"], r["count"]) for r in busiest_units(store, 1)]
    [('Phòng Tổ chức - Hành chính - Quản trị', 6)]
    """
    rows = store.select(prefixed(f"""
SELECT ?unit (SAMPLE(?l) AS ?name) (COUNT(DISTINCT ?task) AS ?n) WHERE {{
  ?task cancu:leadUnit ?unit . OPTIONAL {{ ?unit skos:prefLabel ?l }}
}} GROUP BY ?unit ORDER BY DESC(?n) ?name LIMIT {int(top)}"""))
    return [{"unit": r["unit"], "name": r["name"] or r["unit"], "count": int(r["n"])} for r in rows]


def directive_task_matrix(store: Store, directives: list[str] | None = None) -> list[dict]:
    """(directive, task, via) triples: which tasks derive from which documents.

    >>> store = _doctest_store()
    >>> m = directive_task_matrix(store)
    >>> sorted({r["directive"].rsplit("/doc/", 1)[1] for r in m})[:3]
    ['doc-92fd417331/2021/30/ct-ubnd', 'doc-92fd417331/2022/3266/ubnd-nc', 'doc-92fd417331/2022/429-qd/tu']
    """
    vals = _values("directive", directives) if directives else ""
    rows = store.select(prefixed(f"""
SELECT DISTINCT ?directive ?task ?via WHERE {{
  {vals}
  {{ ?task cancu:derivesFrom ?directive . BIND(?directive AS ?via) }}
  UNION {{ ?task cancu:derivesFrom ?via . ?via {DERIVE_PATH}+ ?directive . }}
}}"""))
    return sorted(rows, key=lambda r: (r["directive"], r["task"]))


def documents(store: Store, *, ingested_only: bool = False) -> list[dict]:
    """Every document (ingested or only cited) with its metadata and counts.

    >>> store = _doctest_store()
    >>> [d["symbol"] for d in documents(store) if d["type"] == "Nghị định"]
    ['59/2023/NĐ-CP']
    """
    flt = "?doc a cancu:SourceDocument ." if ingested_only else ""
    rows = store.select(prefixed(f"""
SELECT ?doc (SAMPLE(?sym) AS ?symbol) (SAMPLE(?tl) AS ?type) (SAMPLE(?ti) AS ?title) (SAMPLE(?d) AS ?date)
       (SAMPLE(?iss) AS ?issuer) (SAMPLE(?lab) AS ?label) (SAMPLE(?ing) AS ?ingested) (SAMPLE(?p) AS ?path)
       (COUNT(DISTINCT ?src) AS ?citedBy) WHERE {{
  ?doc a eli:Work . {flt}
  FILTER NOT EXISTS {{ ?doc a cancu:Task }}
  OPTIONAL {{ ?doc eli:id_local ?sym }}
  OPTIONAL {{ ?doc eli:type_document/skos:prefLabel ?tl FILTER(LANG(?tl) = "vi") }}
  OPTIONAL {{ ?doc dcterms:title ?ti }}
  OPTIONAL {{ ?doc eli:date_document ?d }}
  OPTIONAL {{ ?doc cancu:issuerName ?iss }}
  OPTIONAL {{ ?doc rdfs:label ?lab }}
  OPTIONAL {{ ?doc cancu:ingested ?ing }}
  OPTIONAL {{ ?doc cancu:sourcePath ?p }}
  OPTIONAL {{ ?src a cancu:SourceDocument ; eli:cites ?doc }}
}} GROUP BY ?doc"""))
    tasks = {r["doc"]: int(r["n"]) for r in store.select(prefixed(
        "SELECT ?doc (COUNT(?t) AS ?n) WHERE { ?t a cancu:Task ; prov:hadPrimarySource ?doc } GROUP BY ?doc"))}
    out = [{"document": r["doc"], "symbol": r["symbol"], "type": r["type"], "title": r["title"],
            "date": r["date"], "issuer": r["issuer"], "label": r["label"] or r["symbol"] or r["doc"],
            "ingested": r["ingested"] in ("true", "1"), "path": r["path"], "cited_by": int(r["citedBy"]),
            "tasks": tasks.get(r["doc"], 0)} for r in rows]
    return sorted(out, key=lambda d: (not d["ingested"], d["label"]))


def units(store: Store) -> list[dict]:
    """Units with their names, aliases and the number of tasks they lead.

    >>> store = _doctest_store()
    >>> sorted(u["name"] for u in units(store))[:2]
    ['Ban Thường vụ Tỉnh ủy', 'Bộ Chính trị']
    """
    rows = store.select(prefixed("""
SELECT ?unit (SAMPLE(?n) AS ?name) (GROUP_CONCAT(DISTINCT ?a; SEPARATOR="\\u001f") AS ?aliases)
       (COUNT(DISTINCT ?t) AS ?lead) WHERE {
  ?unit a org:Organization ; skos:prefLabel ?n .
  OPTIONAL { ?unit skos:altLabel ?a }
  OPTIONAL { ?t cancu:leadUnit ?unit }
} GROUP BY ?unit"""))
    return sorted(({"unit": r["unit"], "name": r["name"], "aliases": _split(r["aliases"]),
                    "lead": int(r["lead"])} for r in rows), key=lambda u: (-u["lead"], u["name"]))


def ingest_log(store: Store, limit: int = 50) -> list[dict]:
    """Ingestions, newest first: document, path, time, number of tasks and citations."""
    rows = store.select(prefixed(f"""
SELECT ?doc ?path ?at (SAMPLE(?l) AS ?label)
       (COUNT(DISTINCT ?t) AS ?tasks) (COUNT(DISTINCT ?c) AS ?cites) WHERE {{
  ?doc a cancu:SourceDocument ; cancu:sourcePath ?path ; prov:generatedAtTime ?at .
  OPTIONAL {{ ?doc rdfs:label ?l }}
  OPTIONAL {{ ?t prov:hadPrimarySource ?doc }}
  OPTIONAL {{ ?doc eli:cites ?c }}
}} GROUP BY ?doc ?path ?at ORDER BY DESC(?at) LIMIT {int(limit)}"""))
    return [{"document": r["doc"], "path": r["path"], "at": r["at"], "label": r["label"] or r["path"],
             "tasks": int(r["tasks"]), "citations": int(r["cites"])} for r in rows]


def counts(store: Store) -> dict[str, int]:
    """Numbers for the home page.

    >>> store = _doctest_store()
    >>> c = counts(store); (c["documents"], c["tasks"], c["units"] > 5)
    (1, 17, True)
    """
    q = prefixed("""
SELECT
  (COUNT(DISTINCT ?src) AS ?documents) (COUNT(DISTINCT ?cited) AS ?cited)
  (COUNT(DISTINCT ?task) AS ?tasks) (COUNT(DISTINCT ?unit) AS ?units) (COUNT(DISTINCT ?ann) AS ?citations)
WHERE {
  { ?src a cancu:SourceDocument } UNION { ?x eli:cites ?cited FILTER NOT EXISTS { ?cited a cancu:SourceDocument } }
  UNION { ?task a cancu:Task } UNION { ?unit a org:Organization } UNION { ?ann cancu:citedAs ?s }
}""")
    r = store.select(q)[0]
    return {"documents": int(r["documents"]), "cited_documents": int(r["cited"]), "tasks": int(r["tasks"]),
            "units": int(r["units"]), "citations": int(r["citations"])}
