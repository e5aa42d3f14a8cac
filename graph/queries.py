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

from functools import lru_cache

from ingest.catalogue import load as law_catalogue
from ingest.clean import clean
from ingest.lexicon import expand as expand_name

from .evidence import quotes
from .ids import (DOC_BASE, fold_ascii, implied_issuer, is_national_unit, is_task, item_order,
                  jurisdiction, last_segment, place_of, slug, task_document, tidy_name, tidy_symbol)
from .index import store_index
from .lexicon import known_places, lexicon, type_labels
from .results import TaskRow
from .store import PerVersion, Store, iri, prefixed, values
from .vocab import CANCU, DERIVE_PATH, DOC_TYPES, ELI, OA, PROV, RDFS, RELATIONS, ROLE_PROPS, ROLES, curie

__all__ = ["requirements_of", "worklist", "basis_chain", "directive_task_matrix", "cited_by",
           "most_cited", "task_details", "task_details_cache", "task_rows", "documents", "units", "ingest_log",
           "counts", "busiest_units", "labels", "cited_by_counts", "lead_counts"]

NAT = DOC_BASE + "vn/"

# predicate IRIs as plain str (rdflib's DefinedNamespace attribute access is slow in loops)
_P = dict(number=str(CANCU.itemNumber), kind=str(CANCU.itemKind), doc=str(PROV.hadPrimarySource),
          deadline=str(CANCU.deadline), deadline_text=str(CANCU.deadlineText), body=str(OA.hasBody),
          target=str(OA.hasTarget))
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
    units_ = unit_table(store)
    props = store.outgoing(tasks)
    anns = store.incoming(P["body"], tasks)
    # an annotation's target is the span <document#char=start,end>; its quote is sliced from the
    # document's text of record (graph.evidence)
    a_props = store.outgoing({a for s_ in anns.values() for a in s_})
    target_of = {a: o for a, ps in a_props.items() for p, o in ps if p == P["target"]}
    quoted = quotes(store, target_of.values())
    role_of = _ROLE_OF
    base = []
    for t in tasks:
        one = {}
        ro: dict[str, set[str]] = {}
        for p, o in props.get(t, ()):
            r = role_of.get(p)
            if r:
                name = lx.display.get(o) if r == "cites" else (units_.get(o) or {}).get("name")
                if name:
                    ro.setdefault(r, set()).add(name)
            elif p not in one or o < one[p]:
                one[p] = o
        if P["number"] not in one or P["doc"] not in one:
            continue
        sp = (None, None, None, None)
        for a in sorted(anns.get(t, ())):
            sp = quoted.get(target_of.get(a, ""), sp)
        base.append({"task": t, "number": one[P["number"]], "kind": one.get(P["kind"]), "doc": one[P["doc"]],
                     "deadline": one.get(P["deadline"]), "deadline_text": one.get(P["deadline_text"]),
                     "start": sp[1], "end": sp[2], "text": sp[3], "roles": ro})
    docs = sorted({r["doc"] for r in base})
    dinfo = {r["doc"]: r for r in store.select(prefixed(f"""
SELECT ?doc ?path (SAMPLE(?l) AS ?label) WHERE {{ {values("doc", docs)} ?doc cancu:sourcePath ?path .
  OPTIONAL {{ ?doc rdfs:label ?l }} }} GROUP BY ?doc ?path"""))} if docs else {}
    rows = document_rows(store, docs)
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
            "cites": sorted(ro.get("cites", ())), "deadline": r["deadline"], "deadline_text": r["deadline_text"],
            "document_issuer": rows.get(r["doc"], {}).get("issuer_shown"), "document_date": rows.get(r["doc"], {}).get("date"),
            "document_display": rows.get(r["doc"], {}).get("display"), "shown": shown_text(r["text"] or ""),
            "source": {"path": path, "start": int(r["start"]) if r["start"] is not None else None,
                       "end": int(r["end"]) if r["end"] else None},
        })
    return out


# the words of an annex table's header row, repeated by the PDF after each page break
_HEADER_WORDS = frozenset(
    "tt stt số tên nhiệm vụ nội dung cơ quan đơn vị chủ trì phối hợp thực hiện kết quả sản phẩm dự kiến "
    "thời gian hoàn thành hạn căn cứ bổ sung ghi chú lộ trình kinh phí nguồn ban hành trình cấp và / -".split())


def shown_text(text: str) -> str:
    r"""A quote as an officer should read it: page furniture (gazette running headers with their page
    numbers, signature stamps, an annex table's header row repeated after a page break) left out and
    the PDF's line breaks joined. For display only: the text of record keeps every character.

    >>> shown_text("Rà soát văn bản \n\nCÔNG BÁO/Số 238/Ngày 21-04-2026 \n99\n \nTT \nTên nhiệm vụ \nCơ quan  \n"
    ...            "chủ trì  \nquy phạm pháp luật")
    'Rà soát văn bản quy phạm pháp luật'
    >>> shown_text("Giao Sở Nội vụ chủ trì.\nKý bởi: Cổng Thông tin điện tử Chính phủ\nEmail: x@chinhphu.vn\n"
    ...            "Thời gian ký: 21.04.2026 08:10:00 +07:00")
    'Giao Sở Nội vụ chủ trì.'
    """
    if not text:
        return ""
    blanked = clean(text, ("chars", "furniture")).text
    lines = blanked.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        # a blanked header leaves spaces: a header row follows it when its next short lines are header words
        if not line.strip() and i + 1 < len(lines) and blanked != text:
            j = i + 1
            while j < len(lines) and not lines[j].strip():
                j += 1
            k = j
            while k < len(lines) and lines[k].strip() and len(lines[k]) <= 30 and all(
                    w in _HEADER_WORDS for w in lines[k].strip().lower().split()):
                k += 1
            if j < len(lines) and lines[j].strip().lower() in ("tt", "stt") and k - j >= 3:
                i = k
                continue
        out.append(line)
        i += 1
    return " ".join(" ".join(out).split())


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
    """Units leading the most tasks (``TASK_KINDS``), with their display name and place.

    >>> from graph.fixtures import seed_store
    >>> store = seed_store()
    >>> [(r["name"], r["count"]) for r in busiest_units(store, 1)]
    [('Phòng Tổ chức - Hành chính - Quản trị', 5)]
    """
    busy = busy_units(store)
    names = unit_table(store)
    ranked = sorted((u for u in busy if busy[u].get("lead") and u in names),
                    key=lambda u: (-busy[u]["lead"], names[u]["name"], u))[:top]
    return [{"unit": u, "name": names[u]["name"], "place": names[u]["place"], "count": busy[u]["lead"]}
            for u in ranked]


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
    # an ingested document printed without number or title is known by its first heading
    bare = sorted(d for d in docs if meta.get(d, {}).get("ingested") in ("true", "1")
                  and not meta[d].get("symbol") and not meta[d].get("title"))
    heads = {r["d"]: first_heading(r["x"]) for r in sel(
        f"SELECT ?d ?x WHERE {{ {values('d', bare)} ?d cancu:sourceText ?x }}")} if bare else {}
    where = places(store)
    out = []
    for d in docs:
        m = meta.get(d, {})
        if ids is not None and not m:
            continue
        row = {"document": d, "symbol": m.get("symbol"), "type": tlabel.get(m.get("typec")),
               "title": m.get("title") or heads.get(d), "date": m.get("date"), "issuer": m.get("issuer"),
               "label": m.get("label") or m.get("symbol") or d, "ingested": m.get("ingested") in ("true", "1"),
               "path": m.get("path"), "cited_by": cited.get(d, 0), "tasks": tasks.get(d, 0)}
        if heads.get(d):
            typed = row["type"] and fold_ascii(heads[d]).startswith(fold_ascii(row["type"]))
            row["label"] = heads[d] if typed or not row["type"] else f"{row['type']}: {heads[d]}"
        row["issuer_shown"] = issuer_shown(row["issuer"], row["symbol"], where.get(jurisdiction(d) or ""))
        row["display"] = document_display(row)
        out.append(row)
    per_doc = _tasks_per_doc(store)
    for row in out:
        row["tasks"] = per_doc.get(row["document"], 0) if row["ingested"] else 0
    return sorted(out, key=lambda d: (not d["ingested"], d["label"]))


def _task_count(store: Store, doc: str) -> int:
    return _tasks_per_doc(store).get(doc, 0)


def _build_tasks_per_doc(store: Store) -> dict[str, int]:
    out: dict[str, int] = {}
    for t in actionable_tasks(store):
        d = task_document(t)
        out[d] = out.get(d, 0) + 1
    return out


_tasks_per_doc = PerVersion(_build_tasks_per_doc, keep=2)


def first_heading(text: str | None, limit: int = 120) -> str | None:
    r"""The first heading of a text printed without number or title: its first line in capitals
    after the national motto, else its first line ("KẾ HOẠCH Triển khai …" → "Triển khai …").

    >>> first_heading("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nKẾ HOẠCH\nTuyên truyền pháp luật năm 2026\n1. Mục đích")
    'Tuyên truyền pháp luật năm 2026'
    """
    if not text:
        return None
    lines = [" ".join(x.split()) for x in text[:4000].split("\n")]
    lines = [x for x in lines if x]
    skip = ("cong hoa xa hoi", "doc lap", "so:", "so ", "-----", "___", "dang cong san", "uy ban", "ubnd", "hoi dong",
            "bo ", "so ", "van phong", "tinh uy", "thanh uy", "huyen uy", "ban ", "phong ", "cuc ", "tong cuc")
    for i, line in enumerate(lines[:40]):
        f = fold_ascii(line)
        if len(f) < 3 or f.startswith(skip[:6]) or (line.isupper() and f.startswith(skip)):
            continue
        if f in {fold_ascii(v) for v, _, _ in DOC_TYPES.values()} or f.upper() == f.upper() and line.isupper() and len(line) < 25:
            nxt = lines[i + 1] if i + 1 < len(lines) else ""
            if nxt and not fold_ascii(nxt).startswith(skip):
                return _cut(nxt, limit)
            continue
        return _cut(line, limit)
    return None


def _cut(s: str, limit: int) -> str:
    return s if len(s) <= limit else s[:limit].rsplit(" ", 1)[0] + " …"


@lru_cache(maxsize=65536)
def issuer_shown(issuer: str | None, symbol: str | None, place: str | None) -> str | None:
    """The issuer as an officer recognises it: abbreviations written out, the official spelling,
    the national body a symbol implies when the text names none, and the place of a local body
    printed without it ("UBND tỉnh" of a Bắc Ninh plan → "Ủy ban nhân dân tỉnh Bắc Ninh").

    >>> issuer_shown("UBND tỉnh", "32/KH-UBND", "Bắc Ninh"), issuer_shown(None, "59/2023/NĐ-CP", None)
    ('Ủy ban nhân dân tỉnh Bắc Ninh', 'Chính phủ')
    >>> issuer_shown("Sở Nội vụ", None, "Đồng Nai"), issuer_shown(None, "32/KH-UBND", "Bắc Ninh")
    ('Sở Nội vụ (Đồng Nai)', 'Bắc Ninh')
    """
    if not issuer:
        return implied_issuer(symbol) or place
    name = tidy_name(expand_name(issuer) or issuer)
    if name.isupper() or name.islower():
        name = name[:1].upper() + name[1:].lower()
    if place and not place_of(name) and not is_national_unit(name) and fold_ascii(place) not in fold_ascii(name):
        if fold_ascii(name).endswith((" tinh", " thanh pho", " huyen", " xa")):
            return f"{name} {place}"
        return f"{name} ({place})"
    return name


def document_display(d: dict) -> str:
    """See :func:`_display` (the same label for the same parts, computed once)."""
    return _display(d.get("label"), d.get("symbol"), d.get("issuer_shown"))


@lru_cache(maxsize=65536)
def _display(label: str | None, symbol: str | None, issuer: str | None) -> str:
    d = {"label": label, "symbol": symbol, "issuer_shown": issuer}
    return _document_display(d)


def _document_display(d: dict) -> str:
    """A document's label an officer recognises: the catalogue's name of a law ("Luật Tổ chức
    chính quyền địa phương (72/2025/QH15)"), and its issuer ("Kế hoạch 32/KH-UBND — Ủy ban nhân
    dân tỉnh Bắc Ninh").

    >>> document_display({"symbol": "72/2025/QH15", "label": "Luật 72/2025/QH15", "issuer_shown": "Quốc hội"})
    'Luật Tổ chức chính quyền địa phương (72/2025/QH15) — Quốc hội'
    """
    label = d.get("label") or d.get("symbol") or ""
    law = law_catalogue().get(tidy_symbol(d["symbol"])) if d.get("symbol") else None
    if law and fold_ascii(law.name) not in fold_ascii(label):
        label = f"{law.name} ({tidy_symbol(d['symbol'])})"
    issuer = d.get("issuer_shown")
    if issuer and fold_ascii(issuer) not in fold_ascii(label):
        return f"{label} — {issuer}"
    return label


def _build_places(store: Store) -> dict[str, str]:
    seen: dict[str, dict[str, int]] = {}
    names = [r["n"] for r in store.select(prefixed("SELECT DISTINCT ?n WHERE { ?u skos:prefLabel ?n }"))]
    names += [r["i"] for r in store.select(prefixed("SELECT DISTINCT ?i WHERE { ?d cancu:issuerName ?i }"))]
    for n in names:
        p = place_of(n)
        if p:
            form = tidy_name(p)
            forms = seen.setdefault(slug(p), {})
            forms[form] = forms.get(form, 0) + 1
    out = {slug(p): p for p in known_places()}
    out.update({k: sorted(v, key=lambda f: (-v[f], f))[0] for k, v in seen.items()})
    return out


_places = PerVersion(_build_places, keep=2)


def places(store: Store) -> dict[str, str]:
    """Jurisdiction slug → the place as printed ("bac-ninh" → "Bắc Ninh"), read from the bodies'
    names and the documents' issuers (per store version)."""
    return _places(store)


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
    document_rows(store, docs)
    out = []
    for r in rows:
        ps = props.get(r["doc"], set())
        path = min((o for p, o in ps if p == str(CANCU.sourcePath)), default=None)
        if path is None:
            continue
        label = min((o for p, o in ps if p == str(RDFS.label)), default=None)
        shown = document_rows(store, [r["doc"]]).get(r["doc"], {}).get("display")
        out.append({"document": r["doc"], "path": path, "at": r["at"], "label": shown or label or path,
                    "tasks": _task_count(store, r["doc"]),
                    "citations": len({o for p, o in ps if p == str(ELI.cites)})})
    return out


def counts(store: Store) -> dict[str, int]:
    """Numbers for the home page.

    >>> from graph.fixtures import seed_store
    >>> store = seed_store()
    >>> c = counts(store); (c["documents"], c["items"], c["tasks"] <= c["items"], c["units"] > 5)
    (1, 17, True, True)
    """
    one = lambda q: int(store.select(prefixed(q))[0]["n"])  # noqa: E731
    return {"documents": one("SELECT (COUNT(?s) AS ?n) WHERE { ?s a cancu:SourceDocument }"),
            "cited_documents": len({r["c"] for r in store.select(prefixed("SELECT DISTINCT ?c WHERE { ?x eli:cites ?c }"))}
                                   - {r["s"] for r in store.select(prefixed("SELECT ?s WHERE { ?s a cancu:SourceDocument }"))}),
            "tasks": len(actionable_tasks(store)),
            "items": one("SELECT (COUNT(?t) AS ?n) WHERE { ?t a cancu:Task }"),
            "units": len(busy_units(store)),
            "citations": one("SELECT (COUNT(?a) AS ?n) WHERE { ?a cancu:citedAs ?s }")}


# ---------------------------------------------------------------- what counts as a task

# the item kinds that give work to someone (ingest.pipeline): objectives, scope, funding, context,
# headings, form fields and provisions keep their place in the outline but are not tasks
TASK_KINDS = ("task", "assignment")


def _build_actionable(store: Store) -> frozenset[str]:
    kinds = " ".join(f'"{k}"' for k in TASK_KINDS)
    out: set[str] = set()
    for r in store.select(prefixed(f'SELECT ?k (GROUP_CONCAT(STR(?t); SEPARATOR=" ") AS ?ts) WHERE {{ '
                                   f'VALUES ?k {{ {kinds} }} ?t cancu:itemKind ?k }} GROUP BY ?k')):
        out.update((r["ts"] or "").split())
    return frozenset(out)


_actionable = PerVersion(_build_actionable, keep=2)


def actionable_tasks(store: Store) -> frozenset[str]:
    """The IRIs of the items whose kind is a task (``TASK_KINDS``), per store version.

    >>> from graph.fixtures import seed_store
    >>> len(actionable_tasks(seed_store())) <= counts(seed_store())["items"]
    True
    """
    return _actionable(store)


# ---------------------------------------------------------------- units as bodies

def _unit_display(labels: set[str], place: str | None) -> str:
    """The name a unit is shown by: its labels in the official spelling, the one without its
    place preferred (the place is shown beside it), then the most complete."""
    tidy = {tidy_name(x) for x in labels if x and x.strip()}
    if not tidy:
        return ""
    fplace = fold_ascii(place) if place else ""
    return sorted(tidy, key=lambda x: (bool(fplace) and fplace in fold_ascii(x), -len(x), x))[0]


def _build_unit_table(store: Store) -> dict[str, dict]:
    sel = lambda q: store.select(prefixed(q))  # noqa: E731
    orgs = {r["u"] for r in sel("SELECT DISTINCT ?u WHERE { ?u a org:Organization }")}
    labels: dict[str, set[str]] = {}
    aliases: dict[str, set[str]] = {}
    for r in sel("SELECT DISTINCT ?u ?n WHERE { ?u skos:prefLabel ?n }"):
        if r["u"] in orgs:
            labels.setdefault(r["u"], set()).add(r["n"])
    for r in sel("SELECT DISTINCT ?u ?n WHERE { ?u skos:altLabel ?n }"):
        if r["u"] in orgs:
            aliases.setdefault(r["u"], set()).add(r["n"])
    places_ = places(store)
    out = {}
    for u, ls in labels.items():
        j = jurisdiction(u) or ""
        place = places_.get(j)
        out[u] = {"unit": u, "name": _unit_display(ls, place), "jurisdiction": j, "place": place,
                  "national": j == "vn", "aliases": sorted((ls | aliases.get(u, set())))}
    return out


_unit_table = PerVersion(_build_unit_table, keep=2)


def unit_table(store: Store) -> dict[str, dict]:
    """Every unit: its display ``name`` (official spelling), its ``jurisdiction`` slug, the
    ``place`` it belongs to as printed ("Bắc Ninh"; None for national bodies and unknown places),
    ``national``, and every name it was printed with (``aliases``). Per store version.

    >>> from graph.fixtures import seed_store
    >>> t = unit_table(seed_store())
    >>> sorted(v["name"] for v in t.values() if v["national"])[:2]
    ['Bộ Chính trị', 'Chính phủ']
    """
    return _unit_table(store)


def unit_name(store: Store, unit: str) -> str | None:
    """A unit's display name (None when the store does not know it)."""
    row = unit_table(store).get(unit)
    return row["name"] if row else None


# ---------------------------------------------------------------- deadlines

def _build_deadline_table(store: Store) -> dict[str, str]:
    return {r["t"]: r["d"] for r in store.select(prefixed("SELECT ?t ?d WHERE { ?t cancu:deadline ?d }"))}


_deadline_table = PerVersion(_build_deadline_table, keep=2)


def deadline_table(store: Store) -> dict[str, str]:
    """Task IRI → its normalised deadline, for every item that has one (per store version).

    >>> from graph.fixtures import seed_store
    >>> isinstance(deadline_table(seed_store()), dict)
    True
    """
    return _deadline_table(store)


def busy_units(store: Store) -> dict[str, dict[str, int]]:
    """Units holding at least one task (``TASK_KINDS``, not a heading with sub-items) → the number
    of tasks they lead, support, receive reports of, or are named in (per store version).

    >>> from graph.fixtures import seed_store
    >>> b = busy_units(seed_store())
    >>> all(sum(v.values()) > 0 for v in b.values()) and len(b) > 3
    True
    """
    return _busy(store)


def _build_busy(store: Store) -> dict[str, dict[str, int]]:
    ix = store_index(store)
    ok = actionable_tasks(store) - ix.parents
    out = {}
    for u, roles in ix.roles.items():
        n = {role: len(ts & ok) for role, ts in roles.items()}
        if any(n.values()):
            out[u] = n
    return out


_busy = PerVersion(_build_busy, keep=2)


_doc_rows = PerVersion(lambda store: {}, keep=0)


def document_rows(store: Store, docs) -> dict[str, dict]:
    """The :func:`documents` rows of given documents, kept per store version (read once each)."""
    cache = _doc_rows(store)
    have = {d: cache.get(d) for d in dict.fromkeys(docs)}
    missing = [d for d, r in have.items() if r is None]
    if missing:
        found = {r["document"]: r for r in documents(store, ids=missing)}
        cache.update(found)
        have.update(found)
    return {d: r for d, r in have.items() if r is not None}
