"""Questions in Vietnamese or English → which documents, which unit → queries → an Answer.

Documents are found in the question by the citation extractor (``ingest.extract_text``) and by
matching the symbols and names the store knows, diacritics-insensitively ("nghi dinh 59",
"59/2023", "Luật Thực hiện dân chủ ở cơ sở"). Units are found among the unit names and aliases
the store knows (longest match). Every task in an answer carries its source span.

>>> from graph.fixtures import seed_store
>>> store = seed_store()
>>> a = ask(store, "Nghị định 59/2023 yêu cầu gì?")
>>> a.documents, [t.number for t in a.tasks]
(['59/2023/NĐ-CP'], ['II.2.1', 'II.2.5', 'III.2.2'])
>>> [t.number for t in ask(store, "nghi dinh 59 yeu cau gi doi voi Phong To chuc - Hanh chinh - Quan tri").tasks]
['III.2.2']
>>> [t.number for t in ask(store, "Trung tâm Thông tin có nhiệm vụ gì?").tasks]
['III.1', 'III.3']
>>> sorted({l.label for l in ask(store, "Kế hoạch này thực hiện những văn bản nào?").links if l.rel == "applies"})
['Kế hoạch 32/KH-UBND', 'Quy định 429-QĐ/TU']
"""
from __future__ import annotations

import re

from ingest import extract_text

from . import queries
from .ids import fold_ascii, tidy_symbol
from .index import store_index
from .lexicon import Lexicon, find_units, lexicon, name_key, ngrams, resolve_unit, unit_homes
from .results import Answer, DocLink
from .store import Store, prefixed
from .store import iri as sparql_iri
from .vocab import DOC_TYPES, REL_LABELS

__all__ = ["ask", "understand", "DEFAULT_LIMIT"]

_TYPE_WORDS = sorted({fold_ascii(vi) for vi, _, _ in DOC_TYPES.values()} |
                     {"decree", "law", "circular", "directive", "decision", "plan", "resolution", "nd", "qd", "tt", "ct"},
                     key=len, reverse=True)
_TYPE_EN = {"decree": "nghi dinh", "law": "luat", "circular": "thong tu", "directive": "chi thi",
            "decision": "quyet dinh", "plan": "ke hoach", "resolution": "nghi quyet", "nd": "nghi dinh",
            "qd": "quyet dinh", "tt": "thong tu", "ct": "chi thi"}
_BASIS = re.compile(r"(thuc hien (nhung|cac)? ?van ban nao|can cu (vao )?(nhung|cac)? ?(van ban|gi|nao)|"
                    r"based on|implements? (which|what)|applies (which|what)|basis|co so phap ly|van ban nao.*(thuc hien|can cu))")
_CITED_BY = re.compile(r"(van ban nao (trich dan|dan chieu|thuc hien|can cu)|(which|what) (documents|plans) "
                       r"(cite|apply|implement)|cited by|ai thuc hien)")
_REPORT = re.compile(r"(bao cao|report)")
# the role a question asks about: "X chủ trì những nhiệm vụ nào?" → lead only; "X phối hợp …" → support only
_LEAD_Q = re.compile(r"\b(chu tri|lead|leads|led by|in charge)\b")
_SUPPORT_Q = re.compile(r"\b(phoi hop|support|supports|assist|assists)\b")
_SELF = re.compile(r"\b(ke hoach nay|van ban nay|this plan|this document)\b")


def _find_documents(lx: Lexicon, q_raw: str, q: str) -> list[str]:
    found: list[str] = []

    def add(iris):
        for i in sorted(iris):
            if i not in found:
                found.append(i)
    # 1. the citation extractor, when it finds something
    try:
        for c in extract_text(q_raw).citations:
            sym = c.symbol or c.resolved
            if sym:
                add(lx.symbols.get(name_key(tidy_symbol(sym)).replace(" ", ""), ()))
    except Exception:  # noqa: BLE001 - the extractor is optional here; the lexicon below suffices
        pass
    # 2. symbols, whole or partial ("59/2023", "05-ct/tw", "kh-ubnd 32")
    compact = q.replace(" /", "/").replace("/ ", "/")
    for tok in re.findall(r"\d+(?:[/-][0-9a-z&]+(?:-[0-9a-z&]+)*)+|\d+", compact):
        if tok in lx.symbols:
            add(lx.symbols[tok])
            continue
        if not re.search(r"[/-]", tok):
            continue
        add(i for s, iris in lx.symbols.items() if s.startswith(tok + "/") or s.startswith(tok + "-")
            for i in iris)
    # 3. "nghị định (số) 59", "decree 59"
    for m in re.finditer(r"\b(" + "|".join(map(re.escape, _TYPE_WORDS)) + r")\s+(?:so\s+|no\.?\s+)?(\d+)\b(?![/-])", q):
        t = _TYPE_EN.get(m.group(1), m.group(1))
        num = m.group(2).lstrip("0") or "0"
        add(i for s, iris in lx.symbols.items() if re.match(rf"0*{num}[/-]", s)
            for i in iris if lx.types.get(i, t) == t)
    # 4. documents cited by name ("Luật Thực hiện dân chủ ở cơ sở")
    words = q.split()
    for _, _, g in ngrams(words, lx.max_name_words):
        if g in lx.names and len(g.split()) >= 3:
            add(lx.names[g])
    return found


def understand(store: Store, question: str, unit: str | None = None) -> dict:
    """What a question is about: ``documents`` (IRIs), ``unit`` (name), ``unit_iris``, ``intent``."""
    lx = lexicon(store)
    q = name_key(question)
    docs = _find_documents(lx, question, q)
    self_doc = bool(_SELF.search(q))
    if self_doc and not docs and len(lx.sources) == 1:
        docs = list(lx.sources)
    unit_name, unit_iris = find_units(lx, q)
    if not unit_iris and unit:
        unit_name, unit_iris = resolve_unit(lx, unit)
    if _BASIS.search(q) and docs:
        intent = "basis"
    elif _CITED_BY.search(q) and docs:
        intent = "cited_by"
    elif docs:
        intent = "requirements"
    elif unit_iris:
        intent = "worklist"
    else:
        intent = "unknown"
    if _REPORT.search(q):
        roles = ("report_to",)
    elif _LEAD_Q.search(q) and not _SUPPORT_Q.search(q):
        roles = ("lead",)
    elif _SUPPORT_Q.search(q) and not _LEAD_Q.search(q):
        roles = ("support",)
    else:
        roles = ("lead", "support", "mentioned")
    return {"documents": docs, "unit": unit_name, "unit_iris": unit_iris, "intent": intent,
            "roles": roles, "lexicon": lx}


def _label(lx: Lexicon, iri: str, store: Store) -> str:
    if iri in lx.display:
        t = lx.types.get(iri)
        vi = next((v for v, _, _ in DOC_TYPES.values() if fold_ascii(v) == t), None) if t else None
        return f"{vi} {lx.display[iri]}" if vi else lx.display[iri]
    rows = store.select(prefixed(f"SELECT ?l WHERE {{ {sparql_iri(iri)} rdfs:label ?l }} LIMIT 1"))
    return rows[0]["l"] if rows else iri


DEFAULT_LIMIT = 50  # tasks per answer (a page): a decree cited by 10,000 plans is not read in one screen


def _homes(lx: Lexicon, unit: str | None, home: str | None) -> set[str]:
    """The officer's own jurisdictions: ``home`` if given, else the given unit's."""
    if home:
        return {home}
    if not unit:
        return set()
    return unit_homes(resolve_unit(lx, unit)[1])


def ask(store: Store, question: str, unit: str | None = None, *, limit: int | None = DEFAULT_LIMIT,
        home: str | None = None) -> Answer:
    """Answer a question over the store (see the module docstring).

    ``limit`` caps the tasks (and links) returned; ``Answer.total`` says how many matched. Tasks
    come in document and item order, those of the home jurisdiction first: ``home`` (a
    jurisdiction slug such as ``bac-ninh``) or the jurisdiction of the ``unit`` given. The
    candidate tasks come from :func:`graph.index.store_index` (built once per store version), so
    the cost of an answer depends on its size, not on the size of the store.
    """
    u = understand(store, question, unit)
    lx, docs = u["lexicon"], u["documents"]
    symbols = [lx.display.get(d) or _label(lx, d, store) for d in docs]
    homes = _homes(lx, unit, home)
    if u["intent"] == "requirements":
        ix = store_index(store)
        mine = ix.unit_tasks(u["unit_iris"], u["roles"]) if u["unit_iris"] else None
        cands: set[str] = set()
        for d in docs:
            cands |= ix.derived_tasks(d)
        if mine is not None:
            cands &= mine
        total = len(cands)
        # one order for all the documents asked about (a local symbol names one document per
        # province): the home jurisdiction first, then document and item order
        order = ix.ordered(cands, limit, homes)
        picked = set(order)
        via: dict[str, list[str]] = {t: [] for t in order}
        for v in dict.fromkeys(v for d in docs for v in ix.vias(d)):
            for t in ix.derives.get(v, set()) & picked:
                lab = lx.display.get(v, v)
                if lab not in via[t]:
                    via[t].append(lab)
        rows = queries.task_rows(store, order, via)
        msg = "" if rows else "Không tìm thấy nhiệm vụ nào xuất phát từ văn bản này."
        return Answer(question, symbols, u["unit"], "requirements", rows, message=msg, total=total)
    if u["intent"] == "worklist":
        ix = store_index(store)
        cands = ix.unit_tasks(u["unit_iris"], u["roles"])
        order = ix.ordered(cands, limit, homes)
        rows = queries.task_rows(store, order)
        return Answer(question, symbols, u["unit"], "worklist", rows, total=len(cands))
    if u["intent"] in ("basis", "cited_by"):
        links = []
        for d in docs:
            if u["intent"] == "basis":
                for r in queries.basis_chain(store, d):
                    links.append(DocLink(rel=r["rel"], rel_label=REL_LABELS[r["rel"]][1], id=r["to"],
                                         label=_label(lx, r["to"], store), depth=r["depth"]))
            else:
                for r in queries.cited_by(store, d)[:limit]:
                    links.append(DocLink(rel=r["rel"], rel_label=REL_LABELS[r["rel"]][1], id=r["from"],
                                         label=_label(lx, r["from"], store)))
        return Answer(question, symbols, u["unit"], u["intent"], [], links=links, total=len(links))
    return Answer(question, symbols, u["unit"], "unknown", [],
                  message="Chưa hiểu câu hỏi: hãy nêu số hiệu văn bản (vd. 59/2023/NĐ-CP) hoặc tên đơn vị.")
