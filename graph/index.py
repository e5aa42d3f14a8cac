"""In-memory indexes of the store, built once per store version from linear SPARQL.

Why: the store answers queries over the union of its named graphs, and a shared node (a
national decree, a province's unit) is described once in every graph that mentions it; the union
repeats each such triple once per graph. A SPARQL join through a shared node therefore grows with
the square of the number of documents (10,000 plans citing Nghị định 59/2023: 10,000 × 10,000
rows). Here every query is a single triple pattern with ``DISTINCT`` (or an aggregate over one
pattern, or a join whose two sides live in the same document's graph), so each costs one scan of
its predicate; the joins are done in Python with dicts, and the result is cached per
``store.version()``.

Identity makes a few joins free: a task's IRI is its document's IRI + ``/item/…`` and a unit's
IRI carries its jurisdiction (``id/org/<jurisdiction>/…``); :mod:`graph.ids` reads both.

>>> from graph.fixtures import seed_store
>>> ix = store_index(seed_store())
>>> nd59 = "https://cancu.vn/id/doc/vn/59/2023/nd-cp"
>>> sorted(t.rsplit("/", 1)[-1] for t in ix.derived_tasks(nd59))
['ii.2.1', 'ii.2.5', 'iii.2.2']
>>> len(ix.sources), sorted(ix.parents)[0].rsplit("/", 1)[-1]
(1, 'ii.1')
"""
from __future__ import annotations

import heapq
from dataclasses import dataclass, field

from .ids import ITEM, item_key, jurisdiction, split_task
from .store import PerVersion, Store, prefixed
from .vocab import DERIVE_PATH, ROLE_PROPS

__all__ = ["StoreIndex", "store_index"]


@dataclass
class StoreIndex:
    """Who cites what, which tasks derive from which documents, which units hold which tasks."""

    sources: set[str] = field(default_factory=set)                 # ingested documents
    derives: dict[str, set[str]] = field(default_factory=dict)     # cited document → tasks citing it
    derived_from: dict[str, set[str]] = field(default_factory=dict)  # document → documents detailing/applying it
    grounded: dict[str, set[str]] = field(default_factory=dict)    # document → source documents based on / applying it
    roles: dict[str, dict[str, set[str]]] = field(default_factory=dict)  # unit → role → tasks
    parents: set[str] = field(default_factory=set)                 # tasks with sub-items (other than form fields)
    children: dict[str, list[str]] = field(default_factory=dict)   # task → its sub-items
    nontask: set[str] = field(default_factory=set)                 # objectives, form fields, provisions (funding naming no lead)
    rank: dict[str, int] = field(default_factory=dict)             # task → position in (document, item) order
    deadlines: dict[str, str] = field(default_factory=dict)        # task → normalised deadline ("2025-12", "hằng năm" …)
    headings: set[str] = field(default_factory=set)                # items of kind "heading"
    works: set[str] = field(default_factory=set)                   # items of kind "task" over sub-items (own work)
    stated: dict[str, set[str]] = field(default_factory=dict)      # source document → every item it states
    led: set[str] = field(default_factory=set)                     # items naming a lead unit

    # -- derived questions
    def vias(self, document: str) -> list[str]:
        """``document`` and the documents detailing, applying or guiding it, transitively."""
        out, seen, stack = [document], {document}, [document]
        while stack:
            for d in sorted(self.derived_from.get(stack.pop(), ())):
                if d not in seen:
                    seen.add(d)
                    out.append(d)
                    stack.append(d)
        return out

    def derived_tasks(self, document: str) -> set[str]:
        """Tasks deriving from ``document`` directly or through documents that detail/apply it.

        Only what an officer acts on: a heading citing the document stands for its sub-items
        ("II. NHIỆM VỤ — Nhằm đạt được mục tiêu Chỉ thị 52 …, các bộ thực hiện: 1. … 2. …"), and
        objectives, form fields and provisions are left out.
        """
        out: set[str] = set()
        for v in self.vias(document):
            out |= self.derives.get(v, set())
        return self.actionable(out)

    def actionable(self, tasks: set[str]) -> set[str]:
        """``tasks`` with each heading replaced by its sub-items (recursively), minus the items
        that give no work (objectives, form fields, provisions)."""
        out, stack = set(tasks), [t for t in tasks if t in self.parents]
        while stack:
            for c in self.children.get(stack.pop(), ()):
                if c not in out:
                    out.add(c)
                    if c in self.parents:
                        stack.append(c)
        return {t for t in out if t not in self.parents and t not in self.nontask}

    def unit_tasks(self, units, roles=("lead", "support", "mentioned"), *, leaves: bool = True,
                   own_parents: bool = False) -> set[str]:
        """Tasks where one of ``units`` has one of ``roles``. ``leaves``: items with sub-items are
        left out (their sub-items inherit the role), except a task that words its own duties over them
        ("2. Chủ tịch … tổ chức theo dõi sát tình hình, … trong đó: a) …"), and unless ``own_parents``
        and the item is a task or an assignment in its own right (not a heading): "2. Các cơ quan … có
        trách nhiệm theo dõi, tổng hợp …: a) Công an tỉnh … b) Sở Nội vụ …" is work of its own."""
        out: set[str] = set()
        for u in units:
            r = self.roles.get(u, {})
            for role in roles:
                out |= r.get(role, set())
        if not leaves:
            return out
        keep = (out - self.parents) | (out & self.parents & self.works)  # "2. X tổ chức …, trong đó: a) …"
        if own_parents:
            keep |= {t for t in out & self.parents if t not in self.headings}
        # a heading without sub-items (a table's part in an annex: "I. DANH MỤC THỦ TỤC … | Trung tâm …") is no work
        return {t for t in keep - self.nontask if t not in self.headings or t in self.parents}

    def grounded_tasks(self, document: str) -> set[str]:
        """The work of the source documents that rest on ``document`` ("Căn cứ …", "Thực hiện …", "Tiếp theo …"
        in their preamble), for a document no task names: what a plan implementing it asks of its units."""
        out: set[str] = set()
        for v in self.vias(document):
            for d in self.grounded.get(v, ()):
                out |= self.stated_tasks(d)
        return out

    def stated_tasks(self, document: str) -> set[str]:
        """The work a source document states: its items minus headings with sub-items, objectives,
        fields and provisions."""
        return self.actionable(self.stated.get(document, set()))

    def with_own_parents(self, tasks: set[str], seeds: set[str]) -> set[str]:
        """``tasks`` plus the items of ``seeds`` that have sub-items yet are work of their own
        (a task or an assignment, not a heading), objectives and the like left out."""
        return tasks | {t for t in seeds & self.parents if t not in self.headings and t not in self.nontask}

    def ordered(self, tasks, limit: int | None = None, home: set[str] | None = None) -> list[str]:
        """Tasks in document and item order, the home jurisdictions' documents first, capped at ``limit``."""
        big = len(self.rank)

        def key(t):
            return (0 if home and jurisdiction(t) in home else 1, self.rank.get(t, big), t)
        if limit is None or limit >= len(tasks):
            return sorted(tasks, key=key)
        return heapq.nsmallest(limit, tasks, key=key)


def store_index(store: Store) -> StoreIndex:
    """The index of ``store`` at its current version (built on first use, then cached)."""
    return _index(store)


def _build(store: Store) -> StoreIndex:
    ix = StoreIndex()
    sel = lambda q: store.select(prefixed(q))  # noqa: E731
    # grouped in the store (one row per cited document / unit / role): turning 10^5 rows into
    # Python dicts costs far more than splitting a few long strings
    ix.sources = {r["d"] for r in sel("SELECT ?d WHERE { ?d a cancu:SourceDocument }")}
    for r in sel('SELECT ?x (GROUP_CONCAT(STR(?t); SEPARATOR=" ") AS ?ts) WHERE { ?t cancu:derivesFrom ?x } GROUP BY ?x'):
        ix.derives[r["x"]] = set(r["ts"].split())
    for r in sel(f"SELECT DISTINCT ?a ?b WHERE {{ ?a {DERIVE_PATH} ?b }}"):
        if r["a"] != r["b"]:
            ix.derived_from.setdefault(r["b"], set()).add(r["a"])
    for r in sel("SELECT DISTINCT ?a ?b WHERE { ?a a cancu:SourceDocument ; eli:based_on|eli:applies ?b }"):
        if r["a"] != r["b"]:
            ix.grounded.setdefault(r["b"], set()).add(r["a"])
    union = " UNION ".join(f'{{ ?t {p} ?u BIND("{k}" AS ?r) }}' for k, p in ROLE_PROPS.items())
    for r in sel(f'SELECT ?u ?r (GROUP_CONCAT(STR(?t); SEPARATOR=" ") AS ?ts) WHERE {{ {union} }} GROUP BY ?u ?r'):
        ix.roles.setdefault(r["u"], {})[r["r"]] = set(r["ts"].split())
        if r["r"] == "lead":
            ix.led |= ix.roles[r["u"]]["lead"]
    # items that give no work: objectives, form fields of their parent, provisions (ingest.pipeline);
    # a funding item naming a lead gives work ("… Liên hiệp các hội … lập dự toán kinh phí, gửi Sở
    # Tài chính tổng hợp …")
    fields: set[str] = set()
    for r in sel('SELECT ?k (GROUP_CONCAT(STR(?t); SEPARATOR=" ") AS ?ts) WHERE { '
                 'VALUES ?k { "objective" "field" "provision" "scope" "funding" "context" } ?t cancu:itemKind ?k } GROUP BY ?k'):
        ts = set((r["ts"] or "").split())
        ix.nontask |= ts - ix.led if r["k"] == "funding" else ts
        if r["k"] == "field":
            fields = ts
    for r in sel('SELECT ?p (GROUP_CONCAT(STR(?c); SEPARATOR=" ") AS ?cs) WHERE { ?c eli:is_part_of ?p '
                 f'FILTER(CONTAINS(STR(?p), "{ITEM}")) }} GROUP BY ?p'):
        kids = r["cs"].split()
        ix.children[r["p"]] = kids
        if any(k not in fields for k in kids):   # a heading whose sub-items are only form fields is a task
            ix.parents.add(r["p"])
    for r in sel('SELECT ?k (GROUP_CONCAT(STR(?t); SEPARATOR=" ") AS ?ts) WHERE { '
                 'VALUES ?k { "heading" } ?t cancu:itemKind ?k } GROUP BY ?k'):
        ix.headings = set((r["ts"] or "").split())
    # only the tasks over sub-items: every other task is no parent, and a store holds thousands of them
    for r in sel('SELECT (GROUP_CONCAT(STR(?t); SEPARATOR=" ") AS ?ts) WHERE { '
                 '?t cancu:itemKind "task" FILTER EXISTS { ?c eli:is_part_of ?t } }'):
        ix.works = set((r["ts"] or "").split())
    for r in sel('SELECT ?d (GROUP_CONCAT(STR(?t); SEPARATOR=" ") AS ?ts) WHERE { ?t prov:hadPrimarySource ?d ; '
                 'a cancu:Task } GROUP BY ?d'):
        ix.stated[r["d"]] = set((r["ts"] or "").split())
    for r in sel("SELECT ?t ?d WHERE { ?t cancu:deadline ?d }"):
        ix.deadlines[r["t"]] = r["d"]
    tasks = {t for ts in ix.derives.values() for t in ts} | {t for r in ix.roles.values() for ts in r.values() for t in ts}
    tasks |= {t for ts in ix.stated.values() for t in ts}
    # document order: the item part's key is shared by many documents (the same numbering), so memoised
    keys: dict[str, list] = {}

    def order_key(t):
        doc, item = split_task(t)
        k = keys.get(item)
        if k is None:
            k = keys[item] = item_key(item)
        return (doc, k)
    ix.rank = {t: i for i, t in enumerate(sorted(tasks, key=order_key))}
    return ix


_index = PerVersion(_build, keep=4)
