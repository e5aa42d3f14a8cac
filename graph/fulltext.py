"""Topic search over the tasks' own words: an SQLite FTS5 index kept in step with the store.

Why SQLite FTS5 (``sqlite3`` of the standard library): a real inverted index with BM25 ranking,
embedded (no server, nothing to install), one file, transactional, and fast on the sizes we have
(170,000 tasks on 10,000 plans: a query is a few milliseconds). It lives *beside* the graph store
rather than inside it, so it works the same next to the embedded Oxigraph store and next to any
SPARQL endpoint (Oxigraph's own full-text support is not part of SPARQL 1.1, and an endpoint
such as Fuseki would need its own text index configured). What it indexes is read from the store,
so the store stays the single source of truth and the index can always be rebuilt from it.

Vietnamese folding: the text is folded before it is indexed and the question's words are folded
the same way (lower case, no diacritics, ``đ`` → ``d``: :func:`fold_words`), so "Theo dõi",
"theo doi" and "THEO DÕI" are one phrase. FTS5's own ``remove_diacritics`` keeps ``đ`` (a letter,
not a diacritic), hence the folding here. Each task is one row: ``body`` (its own words) and
``context`` (the words of the item it belongs to, ranked lower).

Kept in step per store version: each source document's ingestion time (``prov:generatedAtTime``)
is recorded with its rows; on a new store version only the documents added, replaced or removed
since are re-read (one named graph each), so an upload costs the size of that document. Where:
inside an embedded store's folder (``cancu-fulltext.sqlite``; it is removed with the store), in a
cache folder for an endpoint (``$CANCU_CACHE`` or ``~/.cache/cancu``), in memory for an
in-memory store.

>>> from graph.fixtures import seed_store
>>> ft = fulltext(seed_store())
>>> [t.rsplit("/", 1)[-1] for t, _, _ in ft.search([["trang thong tin dien tu"]])][:1]
['iii.3']
>>> fold_words("Đôn đốc, theo dõi!")
'don doc theo doi'
"""
from __future__ import annotations

import hashlib
import itertools
import os
import re
import sqlite3
import threading
import unicodedata
import weakref
from pathlib import Path

from .ids import fold_ascii, graph_iri, span_of, task_document
from .store import EmbeddedStore, PerVersion, Store, iri, prefixed, values

__all__ = ["FullText", "fulltext", "fold_words", "fold_text", "FILE_NAME"]

FILE_NAME = "cancu-fulltext.sqlite"
_SCHEMA = 3
_BULK = 40          # more documents than this to (re)index: read every task text in two queries


def fold_words(text: str) -> str:
    """The indexed form of a text: folded (no diacritics, đ → d, lower case), words only.

    >>> fold_words("Quý IV/2025: Ủy ban nhân dân (UBND)")
    'quy iv 2025 uy ban nhan dan ubnd'
    """
    return " ".join(re.findall(r"[0-9a-z]+", fold_ascii(text)))


_MARKS = re.compile(r"[\u0300-\u036f]")


def fold_text(text: str) -> str:
    """``text`` folded (lower case, no diacritics, đ → d) with its punctuation kept: what is indexed,
    so a reader can still see where clauses begin.

    >>> fold_text("(Trung tâm; Đài)")
    '(trung tam; dai)'
    """
    t = text.replace("đ", "d").replace("Đ", "D").replace("\u00d0", "D").replace("\u00f0", "d")
    return _MARKS.sub("", unicodedata.normalize("NFD", t)).lower()


def _words(folded: str) -> str:
    return " ".join(re.findall(r"[0-9a-z]+", folded))


SEARCH_QUERIES = 24  # FTS5 queries one search may run (sets of concepts tried): a few ms each on a large store


def _phrase(p: str) -> str:
    return '"' + p.replace('"', " ") + '"'


class FullText:
    """The task index of one store (see the module docstring)."""

    def __init__(self, path: str):
        self.path = path
        self._lock = threading.Lock()
        self._db = sqlite3.connect(path, check_same_thread=False, timeout=30, isolation_level=None)
        if path != ":memory:":
            self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("PRAGMA temp_store=MEMORY")
        self._rids: dict[str, int] | None = None   # task → row id, read once after each change
        have = {r[0] for r in self._db.execute("SELECT name FROM sqlite_master")}
        if "meta" in have:
            row = self._db.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
            if not row or row[0] != str(_SCHEMA):
                for t in ("vocab", "fts", "tasks", "docs", "meta"):
                    self._db.execute(f"DROP TABLE IF EXISTS {t}")
                have = set()
        if "meta" not in have:
            self._db.executescript(f"""
                CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT);
                INSERT OR REPLACE INTO meta VALUES ('schema', '{_SCHEMA}');
                CREATE TABLE IF NOT EXISTS docs(doc TEXT PRIMARY KEY, stamp TEXT);
                CREATE TABLE IF NOT EXISTS tasks(rid INTEGER PRIMARY KEY, task TEXT UNIQUE, doc TEXT);
                CREATE INDEX IF NOT EXISTS tasks_doc ON tasks(doc);
                CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(body, context, tokenize = 'unicode61');
                CREATE VIRTUAL TABLE IF NOT EXISTS vocab USING fts5vocab(fts, row);
            """)

    # -- keeping in step
    def sync(self, store: Store) -> dict:
        """Bring the index in step with ``store``: re-read the documents added, replaced or removed
        since the last sync. Returns what changed (``added``, ``removed``)."""
        current = {r["d"]: r["at"] for r in store.select(prefixed(
            "SELECT ?d ?at WHERE { ?d a cancu:SourceDocument ; prov:generatedAtTime ?at }"))}
        with self._lock:
            held = dict(self._db.execute("SELECT doc, stamp FROM docs").fetchall())
        stale = [d for d, s in held.items() if current.get(d) != s]
        fresh = [d for d, s in current.items() if held.get(d) != s]
        if not stale and not fresh:
            return {"added": 0, "removed": 0}
        rows = _read_tasks(store, fresh) if fresh else []
        with self._lock:
            db = self._db
            db.execute("BEGIN IMMEDIATE")
            try:
                for d in set(stale) | set(fresh):  # (another process may have indexed a fresh one meanwhile)
                    db.execute("DELETE FROM fts WHERE rowid IN (SELECT rid FROM tasks WHERE doc = ?)", (d,))
                    db.execute("DELETE FROM tasks WHERE doc = ?", (d,))
                    db.execute("DELETE FROM docs WHERE doc = ?", (d,))
                for task, doc, body, ctx in rows:
                    rid = db.execute("INSERT INTO tasks(task, doc) VALUES (?, ?)", (task, doc)).lastrowid
                    db.execute("INSERT INTO fts(rowid, body, context) VALUES (?, ?, ?)", (rid, body, ctx))
                db.executemany("INSERT OR REPLACE INTO docs VALUES (?, ?)", [(d, current[d]) for d in fresh])
                db.execute("COMMIT")
                self._rids = None
            except BaseException:
                db.execute("ROLLBACK")
                raise
        return {"added": len(fresh), "removed": len(stale)}

    def __len__(self) -> int:
        with self._lock:
            return self._db.execute("SELECT COUNT(*) FROM tasks").fetchone()[0]

    # -- searching
    def frequency(self, phrase: str) -> int:
        """How many tasks hold the phrase's rarest word (a cheap upper bound of the phrase's count)."""
        words = phrase.split()
        if not words:
            return 0
        with self._lock:
            got = dict(self._db.execute(
                f"SELECT term, doc FROM vocab WHERE term IN ({','.join('?' * len(words))})", words).fetchall())
        return min(got.get(w, 0) for w in words)

    def holds(self, group: list[str]) -> bool:
        """Whether some task holds one of the phrases of a concept."""
        alts = " OR ".join(_phrase(p) for p in group if p.strip())
        if not alts:
            return False
        with self._lock:
            return self._db.execute("SELECT 1 FROM fts WHERE fts MATCH ? LIMIT 1", (alts,)).fetchone() is not None

    def _row_ids(self, tasks) -> list[int]:
        """The row ids of ``tasks`` (under the lock; the task → row id table is read once per change)."""
        if self._rids is None:
            self._rids = dict(self._db.execute("SELECT task, rid FROM tasks").fetchall())
        get = self._rids.get
        return [r for r in map(get, tasks) if r is not None]

    def _within(self, within) -> set[int]:
        """Fill the temporary table of row ids of ``within`` (under the lock); the row ids."""
        db = self._db
        rids = set(self._row_ids(within))
        db.execute("CREATE TEMP TABLE IF NOT EXISTS within_(rid INTEGER PRIMARY KEY)")
        db.execute("DELETE FROM within_")
        db.executemany("INSERT INTO within_ VALUES (?)", ((r,) for r in rids))
        return rids

    def _match(self, query: str, within: set[str] | None, limit: int) -> list[tuple[str, float]]:
        sql = "SELECT t.task, bm25(fts, 1.0, 0.35) AS r FROM fts JOIN tasks t ON t.rid = fts.rowid WHERE fts MATCH ?"
        with self._lock:
            if within is not None:
                self._within(within)
                sql += " AND fts.rowid IN (SELECT rid FROM within_)"
            return self._db.execute(sql + " ORDER BY r LIMIT ?", (query, limit)).fetchall()

    def texts(self, tasks) -> dict[str, str]:
        """The indexed (folded, punctuation kept) text of each task."""
        out = {}
        with self._lock:
            rids = self._row_ids(tasks)
            for i in range(0, len(rids), 500):
                part = rids[i:i + 500]
                out.update(self._db.execute(
                    f"SELECT t.task, f.body FROM fts f JOIN tasks t ON t.rid = f.rowid "
                    f"WHERE f.rowid IN ({','.join('?' * len(part))})", part).fetchall())
        return out

    def search(self, groups: list[list[str]], within: set[str] | None = None, *, limit: int = 200,
               min_groups: int | None = None) -> list[tuple[str, float, int]]:
        """Tasks holding the words: ``groups`` is a list of concepts, each a list of folded phrases
        that say it (any one will do). All concepts first; when no task holds them all, the most
        common concept is dropped and the search retried, down to ``min_groups`` (half of them by
        default). Returns ``(task, score, concepts held)``, best first (score: BM25, higher is better);
        ``within`` restricts the search to those tasks.
        """
        groups = [[p for p in dict.fromkeys(g) if p.strip()] for g in groups]
        groups = [g for g in groups if g]
        if not groups or (within is not None and not within):
            return []
        need = min_groups if min_groups is not None else max(1, (len(groups) + 1) // 2)
        # the rarest concepts are kept longest; a concept no task holds ("phí tư" read across "kinh
        # phí tư vấn") cannot help and goes first
        freq = [max(self.frequency(p) for p in g) if self.holds(g) else 0 for g in groups]
        order = sorted((i for i in range(len(groups)) if freq[i]), key=lambda i: freq[i])
        # the most concepts some task holds together: the sets of that many are tried rarest first and
        # the first that some task holds answers (dropping only the most common concept would lose a
        # task lacking one rare word), within a budget of queries
        tried = 0
        for size in range(len(order), need - 1, -1):
            for keep in sorted(itertools.combinations(order, size), key=lambda c: sum(freq[i] for i in c)):
                if tried >= SEARCH_QUERIES:
                    return []
                tried += 1
                q = " AND ".join("(" + " OR ".join(_phrase(p) for p in groups[i]) + ")" for i in keep)
                rows = self._match(q, within, limit)
                if rows:
                    return [(t, -r, size) for t, r in rows]
        return []

    def covering(self, groups: list[list[str]], within: set[str], need: int) -> list[tuple[str, float, int]]:
        """The tasks of ``within`` holding at least ``need`` of the concepts (and nearly as many as
        the best of them), with a score (concepts held, the item's own words counting more than its
        parent's) and how many they hold, best first. Each concept is one FTS5 query restricted to
        the candidates' row ids (posting lists intersected in SQLite, no text read)."""
        groups = [[p for p in dict.fromkeys(g) if p.strip()] for g in groups]
        groups = [g for g in groups if g]
        if not groups or not within:
            return []
        held: dict[int, float] = {}
        count: dict[int, int] = {}
        with self._lock:
            rids = set(self._row_ids(within))
            for g in groups:
                # the concept's whole posting list, intersected here: asking SQLite for "MATCH and rowid
                # IN (…)" makes it test the match row by row
                alts = " OR ".join(_phrase(p) for p in g)
                own = rids.intersection(r for (r,) in self._db.execute(
                    "SELECT rowid FROM fts WHERE fts MATCH ?", (f"body : ({alts})",)))
                up = rids.intersection(r for (r,) in self._db.execute(
                    "SELECT rowid FROM fts WHERE fts MATCH ?", (f"context : ({alts})",)))
                for r in own | up:
                    count[r] = count.get(r, 0) + 1
                    held[r] = held.get(r, 0.0) + (1.0 if r in own else 0.35)
            keep = [r for r, n in count.items() if n >= need]
            if not keep:
                return []
            # nearly as many: one fewer than the best, unless the best holds only two (then both)
            best = max(count[r] for r in keep)
            keep = [r for r in keep if count[r] >= (best - 1 if best > 2 else best)]
            names = {}
            for i in range(0, len(keep), 500):
                part = keep[i:i + 500]
                names.update(self._db.execute(
                    f"SELECT rid, task FROM tasks WHERE rid IN ({','.join('?' * len(part))})", part).fetchall())
        out = [(names[r], held[r], count[r]) for r in keep if r in names]
        out.sort(key=lambda x: (-x[2], -x[1], x[0]))
        return out

    def close(self) -> None:
        with self._lock:
            self._db.close()


def _read_tasks(store: Store, docs: list[str]) -> list[tuple[str, str, str, str]]:
    """(task, document, folded body, folded context) of the tasks the documents state.

    A task's text is the span of its annotation's target (``<document#char=start,end>``) in the
    document's text of record, read a few hundred documents at a time."""
    sel = lambda q: store.select(prefixed(q))  # noqa: E731
    want = set(docs)
    span: dict[str, tuple[str, int, int]] = {}
    parent: dict[str, str] = {}
    if len(docs) > _BULK:
        # single-pattern scans over the whole store (a join would meet every graph's copies)
        for r in sel('SELECT ?t ?tg WHERE { ?ann oa:hasBody ?t ; oa:hasTarget ?tg . '
                     'FILTER(CONTAINS(STR(?ann), "/ann/task/")) }'):
            sp = span_of(r["tg"])
            if sp is not None and sp[0] in want and _doc_of(r["t"]) == sp[0]:
                span.setdefault(r["t"], sp)
        for r in sel("SELECT ?t ?p WHERE { ?t eli:is_part_of ?p . ?t a cancu:Task }"):
            parent[r["t"]] = r["p"]
    else:
        for d in docs:
            g = graph_iri(d)
            for r in sel(f"""SELECT ?t ?tg ?p WHERE {{ GRAPH {iri(str(g))} {{ ?ann oa:hasBody ?t . ?t a cancu:Task .
                ?ann oa:hasTarget ?tg . OPTIONAL {{ ?t eli:is_part_of ?p }} }} }}"""):
                sp = span_of(r["tg"])
                if sp is not None and sp[0] == d:
                    span.setdefault(r["t"], sp)
                if r["p"]:
                    parent[r["t"]] = r["p"]
    by_doc: dict[str, list[str]] = {}
    for t, sp in span.items():
        by_doc.setdefault(sp[0], []).append(t)
    out = []
    order = sorted(by_doc)
    for i in range(0, len(order), 200):
        part = order[i:i + 200]
        texts = {r["d"]: r["x"] for r in sel(f"SELECT ?d ?x WHERE {{ {values('d', part)} ?d cancu:sourceText ?x }}")}
        for d in part:
            x = texts.get(d)
            if x is None:
                continue
            quote = lambda t: x[span[t][1]:span[t][2]]  # noqa: E731
            for t in by_doc[d]:
                p = parent.get(t)
                ctx = quote(p)[:400] if p in span and span[p][0] == d else ""
                out.append((t, d, fold_text(quote(t)), fold_text(ctx)))
    return out


def _doc_of(task: str) -> str:
    return task_document(task)


def _location(store: Store) -> str:
    if isinstance(store, EmbeddedStore):
        if store.location == ":memory:":
            return ":memory:"
        p = Path(store.location)
        if os.access(p, os.W_OK):
            return str(p / FILE_NAME)
    base = Path(os.environ.get("CANCU_CACHE") or Path.home() / ".cache" / "cancu")
    base.mkdir(parents=True, exist_ok=True)
    return str(base / f"fulltext-{hashlib.sha1(store.location.encode()).hexdigest()[:16]}.sqlite")


_handles: "weakref.WeakKeyDictionary[Store, FullText]" = weakref.WeakKeyDictionary()
_handles_lock = threading.Lock()


def _handle(store: Store) -> FullText:
    with _handles_lock:
        ft = _handles.get(store)
        if ft is None:
            ft = _handles[store] = FullText(_location(store))
        return ft


def _synced(store: Store) -> FullText:
    ft = _handle(store)
    ft.sync(store)
    return ft


_per_version = PerVersion(_synced, keep=8)


def fulltext(store: Store) -> FullText:
    """The full-text index of ``store``, in step with its current version (synced on first use)."""
    return _per_version(store)

