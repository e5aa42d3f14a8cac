"""The questions officers ask of the graph, as pure functions of a store.

Assumptions: the store holds one named graph per source document and is queried as the union
of its graphs (see :mod:`graph.store`). Every function only reads (SPARQL SELECT), returns
plain lists of dicts (:func:`task_rows`: the :class:`graph.results.TaskRow` of given tasks), and
takes IRIs as ``str``. "Derives from" means: a task cites the document
(``cancu:derivesFrom``), or cites a document that details, applies or guides it, transitively.

The examples run against an in-memory store holding the seed plan's hand-built facts
(:func:`graph.fixtures.seed_store`).
"""
from __future__ import annotations

from .ids import DOC_BASE, annotation_parts, is_task, item_order, last_segment
from .lexicon import lexicon, type_labels
from .results import TaskRow
from .store import PerVersion, Store, iri, prefixed, values
from .vocab import CANCU, DERIVE_PATH, ELI, OA, PROV, RDFS, RELATIONS, ROLE_PROPS, ROLES, curie

__all__ = ["requirements_of", "worklist", "basis_chain", "directive_task_matrix", "cited_by",
           "most_cited", "task_details", "task_details_cache", "task_rows", "documents", "units", "ingest_log",
           "counts", "busiest_units", "labels", "cited_by_counts", "lead_counts"]

NAT = DOC_BASE + "vn/"

# predicate IRIs as plain str (rdflib's DefinedNamespace attribute access is slow in loops)
_P = dict(number=str(CANCU.itemNumber), kind=str(CANCU.itemKind), doc=str(PROV.hadPrimarySource),
          deadline=str(CANCU.deadline), start=str(OA.start), end=str(OA.end), exact=str(OA.exact),
          body=str(OA.hasBody))
# a task's links to units by role, and to the documents it cites ("cites")
_ROLE_OF = {**{str(RELATIONS[rel].prop): role for role, rel in ROLES.items()}, str(CANCU.derivesFrom): "cites"}

# the details of tasks already read, per store version (a page of an answer read again is free);
# one dict per version, so a reader never sees another version's entries
task_details_cache = PerVersion(lambda store: {}, keep=0)
_CACHE_MAX = 50000


def task_details(store: Store, tasks: list[str]) -> list[dict]:
    """Details of tasks: number, kind, text, units by role, cites, source span, document.

    Kept per store version (at most 50,000 tasks), so a page of an answer read again is free.

    >>> from graph.fixtures import seed_store
    >>> store = seed_store()
    >>> t = task_details(store, [r["task"] for r in requirements_of(store, NAT + "05-ct/tw")])
    >>> [(r["number"], r["source"]["start"] < r["source"]["end"]) for r in t]
    [('II.1.3', True)]
    """
    if not tasks:
        return []
    cache = task_details_cache(store)
    # one lookup per task, kept: another thread may clear the cache meanwhile
    have = {t: cache.get(t) for t in dict.fromkeys(tasks)}
    found = {d["task"]: d for d in _task_details(store, [t for t, d in have.items() if d is None])}
    if len(cache) > _CACHE_MAX:
        cache.clear()
    cache.update(found)
    return [dict(d) for d in (have[t] or found.get(t) for t in have) if d is not None]


def task_rows(store: Store, tasks: list[str], via: dict[str, list[str]] | None = None) -> list[TaskRow]:
    """TaskRows of ``tasks`` (IRIs), in the order given."""
    return [TaskRow.from_details(d, (via or {}).get(d["task"])) for d in task_details(store, list(tasks))]


def _task_details(store: Store, tasks: list[str]) -> list[dict]:
    # direct lookups from the tasks outwards (task → its annotation → its selectors): each step
    # touches only the nodes of these tasks, whatever the size of the store
    if not tasks:
        return []
    P = _P
    lx = lexicon(store)
    props = store.outgoing(tasks)
    anns = store.incoming(P["body"], tasks)
    # an annotation's selectors are <ann/pos> and <ann/quote> (graph.ids.annotation_parts): no lookup of the
    # annotation and its target needed
    selectors = {a: [str(x) for x in annotation_parts(a)[1:]] for s_ in anns.values() for a in s_}
    sel_props = store.outgoing({x for xs in selectors.values() for x in xs})
    role_of = _ROLE_OF
    base = []
    for t in tasks:
        one = {}
        ro: dict[str, set[str]] = {}
        for p, o in props.get(t, ()):
            r = role_of.get(p)
            if r:
                name = lx.display.get(o) if r == "cites" else lx.unit_label.get(o)
                if name:
                    ro.setdefault(r, set()).add(name)
            elif p not in one or o < one[p]:
                one[p] = o
        if P["number"] not in one or P["doc"] not in one:
            continue
        sp = {}
        for a in sorted(anns.get(t, ())):
            for x in selectors[a]:
                for p, o in sel_props.get(x, ()):
                    sp[p] = o
        base.append({"task": t, "number": one[P["number"]], "kind": one.get(P["kind"]), "doc": one[P["doc"]],
                     "deadline": one.get(P["deadline"]), "start": sp.get(P["start"]), "end": sp.get(P["end"]),
                     "text": sp.get(P["exact"]), "roles": ro})
    docs = sorted({r["doc"] for r in base})
    dinfo = {r["doc"]: r for r in store.select(prefixed(f"""
SELECT ?doc ?path (SAMPLE(?l) AS ?label) WHERE {{ {values("doc", docs)} ?doc cancu:sourcePath ?path .
  OPTIONAL {{ ?doc rdfs:label ?l }} }} GROUP BY ?doc ?path"""))} if docs else {}
    seen, out = set(), []
    for r in base:
        if r["task"] in seen:
            continue
        seen.add(r["task"])
        d = dinfo.get(r["doc"], {})
        path = d.get("path") or ""
        ro = r["roles"]
        out.append({
            "task": r["task"], "number": r["number"], "kind": r["kind"], "document": r["doc"],
            "document_label": d.get("label") or last_segment(path), "text": r["text"] or "",
            "lead": sorted(ro.get("lead", ())), "support": sorted(ro.get("support", ())),
            "report_to": sorted(ro.get("report_to", ())), "mentioned": sorted(ro.get("mentioned", ())),
            "cites": sorted(ro.get("cites", ())), "deadline": r["deadline"],
            "source": {"path": path, "start": int(r["start"]) if r["start"] else None,
                       "end": int(r["end"]) if r["end"] else None},
        })
    return out


def _unit_filter(unit: str | list[str] | None) -> str:
    if not unit:
        return ""
    units_ = [unit] if isinstance(unit, str) else list(unit)
    held = "|".join(ROLE_PROPS[r] for r in ("lead", "support", "mentioned"))
    return (f"{values('unit', units_)}\n?task ({held}) ?unit .\n"
            "FILTER NOT EXISTS { ?task eli:has_part ?child }")


def requirements_of(store: Store, document: str, unit: str | list[str] | None = None) -> list[dict]:
    """Tasks that require something because of ``document`` (directly or through documents that
    detail, apply or guide it), optionally only those of ``unit`` (lead, support or named).

    Returns ``[{"task", "via"}]`` in document order; ``via`` is the document the task cites.

    >>> from graph.fixtures import seed_store
    >>> store = seed_store()
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
        f"SELECT DISTINCT ?via WHERE {{ ?via {DERIVE_PATH}+ {iri(document)} }}")) if r["via"] != document]
    q = prefixed(f"""
SELECT DISTINCT ?task ?via WHERE {{
  {values("via", vias)}
  ?task cancu:derivesFrom ?via .
  {_unit_filter(unit)}
}}""")
    rows = store.select(q)
    rows.sort(key=lambda r: item_order(r["task"]))
    return [{"task": r["task"], "via": r["via"]} for r in rows]


def worklist(store: Store, unit: str | list[str]) -> dict[str, list[str]]:
    """A unit's tasks by role: ``lead``, ``support``, ``report_to``, ``mentioned`` (named in the item
    without a role). Items with sub-items are left out (their items are listed).

    >>> from graph.fixtures import seed_store
    >>> store = seed_store()
    >>> u = [u["unit"] for u in units(store) if u["name"] == "Trung tâm Thông tin"][0]
    >>> {k: [t.rsplit("/", 1)[-1] for t in v] for k, v in worklist(store, u).items()}
    {'lead': ['iii.3'], 'support': [], 'report_to': [], 'mentioned': ['iii.1']}
    """
    units_ = [unit] if isinstance(unit, str) else list(unit)
    q = prefixed(f"""
SELECT DISTINCT ?task ?role WHERE {{
  {values("unit", units_)}
  {" UNION ".join(f'{{ ?task {p} ?unit . BIND("{r}" AS ?role) }}' for r, p in ROLE_PROPS.items())}
  FILTER NOT EXISTS {{ ?task eli:has_part ?child }}
}}""")
    out: dict[str, list[str]] = {r: [] for r in ROLE_PROPS}
    rows = sorted(store.select(q), key=lambda r: item_order(r["task"]))
    for r in rows:
        if r["task"] not in out[r["role"]]:
            out[r["role"]].append(r["task"])
    return out


# the document relations read by basis_chain and cited_by, in the order cited_by ranks them
_REL_Q = {k: curie(RELATIONS[k].prop) for k in ("based_on", "applies", "details", "guides", "cites", "amends", "replaces")}


def basis_chain(store: Store, document: str, *, max_depth: int = 6, rels=("based_on", "applies", "details",
                                                                        "guides", "cites")) -> list[dict]:
    """The documents a document rests on, transitively, up to the central ones.

    Returns ``[{"from", "rel", "to", "depth"}]`` breadth first; ``cites`` is followed only at depth 1.

    >>> from graph.fixtures import seed_store
    >>> store = seed_store()
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
        rows = store.select(prefixed(f"SELECT DISTINCT ?from ?rel ?to WHERE {{ {values('from', frontier)} {union} }}"))
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

    >>> from graph.fixtures import seed_store
    >>> store = seed_store()
    >>> [(r["rel"], r["from"].rsplit("/doc/", 1)[1]) for r in cited_by(store, NAT + "10/2022/qh15")]
    [('details', 'vn/59/2023/nd-cp'), ('cites', 'unknown/2026/ke-hoach-thuc-hien-cong-tac-dan-van-dan-chu-nam-2026')]
    """
    union = " UNION ".join(f'{{ ?from {p} {iri(document)} . BIND("{r}" AS ?rel) }}' for r, p in _REL_Q.items())
    rows = store.select(prefixed(f"SELECT DISTINCT ?from ?rel WHERE {{ {union} }}"))
    rank = list(_REL_Q)
    strong = {r["from"] for r in rows if r["rel"] != "cites"}
    rows = [r for r in rows if r["rel"] != "cites" or r["from"] not in strong]
    return sorted(({"from": r["from"], "rel": r["rel"]} for r in rows), key=lambda r: (rank.index(r["rel"]), r["from"]))


def labels(store: Store, iris, prop: str = "rdfs:label") -> dict[str, str]:
    """One label per IRI (the smallest, for determinism), DISTINCT on a single pattern."""
    iris = list(iris)
    out: dict[str, str] = {}
    for i in range(0, len(iris), 2000):
        for r in store.select(prefixed(f"SELECT DISTINCT ?x ?l WHERE {{ {values('x', iris[i:i + 2000])} ?x {prop} ?l }}")):
            if r["x"] not in out or r["l"] < out[r["x"]]:
                out[r["x"]] = r["l"]
    return out


def cited_by_counts(store: Store) -> dict[str, int]:
    """Document → number of ingested documents citing it (the citing document's graph holds both
    triples, so this join never meets the union's repetition of shared nodes)."""
    return _cited_counts(store)


_cited_counts = PerVersion(lambda store: {r["d"]: int(r["n"]) for r in store.select(prefixed(
    "SELECT ?d (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a cancu:SourceDocument ; eli:cites ?d } GROUP BY ?d"))},
    keep=0)


def lead_counts(store: Store) -> dict[str, int]:
    """Unit → number of tasks it leads (one pattern, aggregated in the store)."""
    return {r["u"]: int(r["n"]) for r in store.select(prefixed(
        "SELECT ?u (COUNT(DISTINCT ?t) AS ?n) WHERE { ?t cancu:leadUnit ?u } GROUP BY ?u"))}


def most_cited(store: Store, top: int = 10) -> list[dict]:
    """Documents cited by the most source documents (ties by label).

    >>> from graph.fixtures import seed_store
    >>> store = seed_store()
    >>> [(r["label"], r["count"]) for r in most_cited(store, 2)]
    [('Chỉ thị 05-CT/TW', 1), ('Chỉ thị 30/CT-UBND', 1)]
    """
    counts_ = cited_by_counts(store)
    if not counts_:
        return []
    ranked = sorted(counts_.items(), key=lambda kv: -kv[1])
    cut = ranked[min(top, len(ranked)) - 1][1]
    cands = [d for d, n in ranked if n >= cut]          # the ties at the cut need their labels
    names = labels(store, cands)
    rows = sorted(cands, key=lambda d: (-counts_[d], names.get(d, d)))[:top]
    return [{"document": d, "label": names.get(d, d), "count": counts_[d]} for d in rows]


def busiest_units(store: Store, top: int = 10) -> list[dict]:
    """Units leading the most tasks.

    >>> from graph.fixtures import seed_store
    >>> store = seed_store()
    >>> [(r["name"], r["count"]) for r in busiest_units(store, 1)]
    [('Phòng Tổ chức - Hành chính - Quản trị', 6)]
    """
    counts_ = lead_counts(store)
    if not counts_:
        return []
    ranked = sorted(counts_.items(), key=lambda kv: -kv[1])
    cut = ranked[min(top, len(ranked)) - 1][1]
    cands = [u for u, n in ranked if n >= cut]
    names = labels(store, cands, "skos:prefLabel")
    rows = sorted(cands, key=lambda u: (-counts_[u], names.get(u, u)))[:top]
    return [{"unit": u, "name": names.get(u, u), "count": counts_[u]} for u in rows]


def directive_task_matrix(store: Store, directives: list[str] | None = None) -> list[dict]:
    """(directive, task, via) triples: which tasks derive from which documents.

    >>> from graph.fixtures import seed_store
    >>> store = seed_store()
    >>> m = directive_task_matrix(store)
    >>> sorted({r["directive"].rsplit("/doc/", 1)[1] for r in m})[:3]
    ['doc-92fd417331/2021/30/ct-ubnd', 'doc-92fd417331/2022/3266/ubnd-nc', 'doc-92fd417331/2022/429-qd/tu']
    """
    vals = values("directive", directives) if directives else ""
    rows = store.select(prefixed(f"""
SELECT DISTINCT ?directive ?task ?via WHERE {{
  {vals}
  {{ ?task cancu:derivesFrom ?directive . BIND(?directive AS ?via) }}
  UNION {{ ?task cancu:derivesFrom ?via . ?via {DERIVE_PATH}+ ?directive . }}
}}"""))
    return sorted(rows, key=lambda r: (r["directive"], r["task"]))


_DOC_PROPS = {"symbol": "eli:id_local", "typec": "eli:type_document", "title": "dcterms:title",
              "date": "eli:date_document", "issuer": "cancu:issuerName", "label": "rdfs:label",
              "ingested": "cancu:ingested", "path": "cancu:sourcePath"}


def documents(store: Store, *, ingested_only: bool = False, ids: list[str] | None = None) -> list[dict]:
    """Every document (ingested or only cited) with its metadata and counts; only ``ids`` if given.

    Each property comes from one DISTINCT pattern (a cited decree is described in every citing
    document's graph; joining its properties in SPARQL would multiply those copies).

    >>> from graph.fixtures import seed_store
    >>> store = seed_store()
    >>> [d["symbol"] for d in documents(store) if d["type"] == "Nghị định"]
    ['59/2023/NĐ-CP']
    """
    sel = lambda q: store.select(prefixed(q))  # noqa: E731
    if ids is not None:
        docs = set(ids)
    elif ingested_only:
        docs = {r["d"] for r in sel("SELECT ?d WHERE { ?d a cancu:SourceDocument }")}
    else:
        docs = {r["d"] for r in sel("SELECT DISTINCT ?d WHERE { ?d a eli:Work }") if not is_task(r["d"])}
    if not docs:
        return []
    meta: dict[str, dict] = {}
    lim = values("doc", sorted(docs)) if ids is not None else ""
    # one query per property with the predicate bound: the store scans that predicate only. Labels
    # of documents with a symbol are "<type> <symbol>" as graph.build writes them, so rdfs:label
    # (also carried by every task) is read only for the documents without one
    for k, prop in _DOC_PROPS.items():
        if k == "label":
            continue
        for r in sel(f"SELECT DISTINCT ?doc ?o WHERE {{ {lim} ?doc {prop} ?o }}"):
            if r["doc"] not in docs:
                continue
            m = meta.setdefault(r["doc"], {})
            if k not in m or r["o"] < m[k]:
                m[k] = r["o"]
    tlabel = type_labels(store)
    nosym = sorted(d for d in docs if "symbol" not in meta.get(d, {}))
    for d, lab in labels(store, nosym).items():
        meta.setdefault(d, {})["label"] = lab
    for d in docs:
        m = meta.get(d)
        if m and "symbol" in m and "label" not in m:
            t = tlabel.get(m.get("typec"))
            m["label"] = f"{t} {m['symbol']}" if t else m["symbol"]
    if ingested_only or ids is not None:
        q = f"{values('doc', sorted(docs))} ?t prov:hadPrimarySource ?doc"
    else:
        q = "?t prov:hadPrimarySource ?doc"
    tasks = {r["doc"]: int(r["n"]) for r in sel(f"SELECT ?doc (COUNT(?t) AS ?n) WHERE {{ {q} }} GROUP BY ?doc")}
    cited = cited_by_counts(store)
    out = []
    for d in docs:
        m = meta.get(d, {})
        if ids is not None and not m:
            continue
        out.append({"document": d, "symbol": m.get("symbol"), "type": tlabel.get(m.get("typec")),
                    "title": m.get("title"), "date": m.get("date"), "issuer": m.get("issuer"),
                    "label": m.get("label") or m.get("symbol") or d, "ingested": m.get("ingested") in ("true", "1"),
                    "path": m.get("path"), "cited_by": cited.get(d, 0), "tasks": tasks.get(d, 0)})
    return sorted(out, key=lambda d: (not d["ingested"], d["label"]))


def units(store: Store) -> list[dict]:
    """Units with their names, aliases and the number of tasks they lead.

    >>> from graph.fixtures import seed_store
    >>> store = seed_store()
    >>> sorted(u["name"] for u in units(store))[:2]
    ['Ban Thường vụ Tỉnh ủy', 'Bộ Chính trị']
    """
    sel = lambda q: store.select(prefixed(q))  # noqa: E731
    orgs = {r["u"] for r in sel("SELECT DISTINCT ?u WHERE { ?u a org:Organization }")}
    names: dict[str, str] = {}
    aliases: dict[str, set[str]] = {}
    for r in sel("SELECT DISTINCT ?u ?n WHERE { ?u skos:prefLabel ?n }"):
        if r["u"] in orgs and (r["u"] not in names or r["n"] < names[r["u"]]):
            names[r["u"]] = r["n"]
    for r in sel("SELECT DISTINCT ?u ?n WHERE { ?u skos:altLabel ?n }"):
        if r["u"] in orgs:
            aliases.setdefault(r["u"], set()).add(r["n"])
    lead = lead_counts(store)
    return sorted(({"unit": u, "name": n, "aliases": sorted(aliases.get(u, ())), "lead": lead.get(u, 0)}
                   for u, n in names.items()), key=lambda u: (-u["lead"], u["name"]))


def ingest_log(store: Store, limit: int = 50) -> list[dict]:
    """Ingestions, newest first: document, path, time, number of tasks and citations."""
    # sorted here: the store's ORDER BY on dateTime literals costs more than the whole list
    rows = store.select(prefixed("SELECT ?doc ?at WHERE { ?doc prov:generatedAtTime ?at }"))
    rows.sort(key=lambda r: (r["at"], r["doc"]), reverse=True)
    rows = rows[:int(limit)]
    if not rows:
        return []
    docs = [r["doc"] for r in rows]
    # direct lookups from these documents (one pattern each: no join for the store to plan)
    props = store.outgoing(docs)
    tasks = store.incoming(str(PROV.hadPrimarySource), docs)
    out = []
    for r in rows:
        ps = props.get(r["doc"], set())
        path = min((o for p, o in ps if p == str(CANCU.sourcePath)), default=None)
        if path is None:
            continue
        label = min((o for p, o in ps if p == str(RDFS.label)), default=None)
        out.append({"document": r["doc"], "path": path, "at": r["at"], "label": label or path,
                    "tasks": len(tasks.get(r["doc"], ())),
                    "citations": len({o for p, o in ps if p == str(ELI.cites)})})
    return out


def counts(store: Store) -> dict[str, int]:
    """Numbers for the home page.

    >>> from graph.fixtures import seed_store
    >>> store = seed_store()
    >>> c = counts(store); (c["documents"], c["tasks"], c["units"] > 5)
    (1, 17, True)
    """
    one = lambda q: int(store.select(prefixed(q))[0]["n"])  # noqa: E731
    return {"documents": one("SELECT (COUNT(?s) AS ?n) WHERE { ?s a cancu:SourceDocument }"),
            "cited_documents": len({r["c"] for r in store.select(prefixed("SELECT DISTINCT ?c WHERE { ?x eli:cites ?c }"))}
                                   - {r["s"] for r in store.select(prefixed("SELECT ?s WHERE { ?s a cancu:SourceDocument }"))}),
            "tasks": one("SELECT (COUNT(?t) AS ?n) WHERE { ?t a cancu:Task }"),
            "units": one("SELECT (COUNT(DISTINCT ?u) AS ?n) WHERE { ?u a org:Organization }"),
            "citations": one("SELECT (COUNT(?a) AS ?n) WHERE { ?a cancu:citedAs ?s }")}
