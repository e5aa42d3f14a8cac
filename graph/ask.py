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
from dataclasses import dataclass, field

from . import queries
from .index import jurisdiction, store_index
from .api import Answer, DocLink, Span, TaskRow
from .ids import canonical_symbol, fold
from .store import PerVersion, Store, prefixed
from .vocab import DOC_TYPES, REL_LABELS

__all__ = ["ask", "Lexicon", "lexicon", "understand", "task_row", "task_rows", "DEFAULT_LIMIT"]

_TYPE_WORDS = sorted({fold(vi) for vi, _, _ in DOC_TYPES.values()} |
                     {"decree", "law", "circular", "directive", "decision", "plan", "resolution", "nd", "qd", "tt", "ct"},
                     key=len, reverse=True)
_TYPE_EN = {"decree": "nghi dinh", "law": "luat", "circular": "thong tu", "directive": "chi thi",
            "decision": "quyet dinh", "plan": "ke hoach", "resolution": "nghi quyet", "nd": "nghi dinh",
            "qd": "quyet dinh", "tt": "thong tu", "ct": "chi thi"}
_US = re.compile(r"\b(us|we|our|chung toi|chung ta|don vi toi|don vi minh|co quan toi|toi)\b")
_BASIS = re.compile(r"(thuc hien (nhung|cac)? ?van ban nao|can cu (vao )?(nhung|cac)? ?(van ban|gi|nao)|"
                    r"based on|implements? (which|what)|applies (which|what)|basis|co so phap ly|van ban nao.*(thuc hien|can cu))")
_CITED_BY = re.compile(r"(van ban nao (trich dan|dan chieu|thuc hien|can cu)|(which|what) (documents|plans) "
                       r"(cite|apply|implement)|cited by|ai thuc hien)")
_REPORT = re.compile(r"(bao cao|report)")
# the role a question asks about: "X chủ trì những nhiệm vụ nào?" → lead only; "X phối hợp …" → support only
_LEAD_Q = re.compile(r"\b(chu tri|lead|leads|led by|in charge)\b")
_SUPPORT_Q = re.compile(r"\b(phoi hop|support|supports|assist|assists)\b")
_SELF = re.compile(r"\b(ke hoach nay|van ban nay|this plan|this document)\b")


def _norm(s: str) -> str:
    """Fold and normalise dashes/punctuation for matching names inside a question."""
    s = fold(s)
    s = re.sub(r"\s*[-–—]\s*", "-", s)
    s = re.sub(r"[?!.,;:()\"“”']", " ", s)
    return re.sub(r"\s+", " ", s).strip()


@dataclass
class Lexicon:
    """What the store knows to name documents and units (cached per store version)."""

    symbols: dict[str, set[str]] = field(default_factory=dict)   # folded symbol → document IRIs
    display: dict[str, str] = field(default_factory=dict)        # document IRI → canonical symbol
    types: dict[str, str] = field(default_factory=dict)          # document IRI → folded type
    names: dict[str, set[str]] = field(default_factory=dict)     # folded name → document IRIs
    units: dict[str, set[str]] = field(default_factory=dict)     # folded unit name → unit IRIs
    unit_label: dict[str, str] = field(default_factory=dict)     # unit IRI → name
    sources: list[str] = field(default_factory=list)             # ingested documents
    max_unit_words: int = 1
    max_name_words: int = 1


def lexicon(store: Store) -> Lexicon:
    """The store's lexicon, built once per store version."""
    return _lexicons(store)


def _build_lexicon(store: Store) -> Lexicon:
    lx = Lexicon()
    # Shared nodes are described in every citing document's graph and the union default graph
    # repeats them per graph: single-pattern DISTINCT queries, joined here, stay linear.
    sel = lambda q: store.select(prefixed(q))  # noqa: E731
    tlabel = queries._type_labels(store)
    dtype = {r["d"]: tlabel.get(r["c"]) for r in sel("SELECT DISTINCT ?d ?c WHERE { ?d eli:type_document ?c }")}
    for r in sel("SELECT DISTINCT ?d ?sym WHERE { ?d eli:id_local ?sym }"):
        sym = canonical_symbol(r["sym"])
        lx.symbols.setdefault(_norm(sym).replace(" ", ""), set()).add(r["d"])
        lx.display[r["d"]] = sym
        if dtype.get(r["d"]):
            lx.types[r["d"]] = fold(dtype[r["d"]])
    orgs = {r["u"] for r in sel("SELECT DISTINCT ?u WHERE { ?u a org:Organization }")}
    for r in sel("SELECT DISTINCT ?d ?n WHERE { ?d skos:altLabel ?n }"):
        n = _norm(r["n"])
        if r["d"] not in orgs and len(n.split()) >= 2:
            lx.names.setdefault(n, set()).add(r["d"])
            lx.max_name_words = max(lx.max_name_words, len(n.split()))
    pref = sel("SELECT DISTINCT ?u ?n WHERE { ?u skos:prefLabel ?n }")
    for r in sorted(pref, key=lambda r: r["n"]):
        if r["u"] in orgs:
            lx.unit_label.setdefault(r["u"], r["n"])
    for r in pref + [dict(u=r["d"], n=r["n"]) for r in sel("SELECT DISTINCT ?d ?n WHERE { ?d skos:altLabel ?n }")
                     if r["d"] in orgs]:
        if r["u"] in orgs:
            k = _norm(r["n"])
            lx.units.setdefault(k, set()).add(r["u"])
            lx.max_unit_words = max(lx.max_unit_words, len(k.split()))
    lx.sources = [r["d"] for r in store.select(prefixed("SELECT ?d WHERE { ?d a cancu:SourceDocument }"))]
    return lx


_lexicons = PerVersion(_build_lexicon, keep=8)


def _ngrams(words: list[str], n_max: int):
    for n in range(min(n_max, len(words)), 0, -1):
        for i in range(len(words) - n + 1):
            yield i, i + n, " ".join(words[i:i + n])


def _find_units(lx: Lexicon, q: str) -> tuple[str | None, list[str]]:
    """The longest unit name in the question; a phrase of 4 words or more that begins known names
    ("Ủy ban nhân dân các tỉnh, thành phố" for "… trực thuộc trung ương") names all of them."""
    words = q.split()
    for _, _, g in _ngrams(words, lx.max_unit_words):
        if g in lx.units and len(g) > 3:
            iris = sorted(lx.units[g])
            return lx.unit_label[iris[0]], iris
        if len(g.split()) >= 4:
            longer = sorted({u for k, us in lx.units.items() if k.startswith(g + " ") for u in us})
            if longer:
                return lx.unit_label[longer[0]], longer
    return None, []


def resolve_unit(lx: Lexicon, name: str) -> tuple[str | None, list[str]]:
    """A unit given by name, alias or IRI (loose: folded, or contained)."""
    if name in lx.unit_label:
        return lx.unit_label[name], [name]
    k = _norm(name)
    if k in lx.units:
        iris = sorted(lx.units[k])
        return lx.unit_label[iris[0]], iris
    hits = sorted({u for n, us in lx.units.items() if k and (k in n or n in k) and len(n) > 3 for u in us})
    if hits:
        return lx.unit_label[hits[0]], hits
    return name, []


def _find_documents(lx: Lexicon, q_raw: str, q: str) -> list[str]:
    found: list[str] = []

    def add(iris):
        for i in sorted(iris):
            if i not in found:
                found.append(i)
    # 1. the citation extractor, when it finds something
    try:
        from ingest import extract_text
        for c in extract_text(q_raw).citations:
            sym = c.symbol or c.resolved
            if sym:
                add(lx.symbols.get(_norm(canonical_symbol(sym)).replace(" ", ""), ()))
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
    for _, _, g in _ngrams(words, lx.max_name_words):
        if g in lx.names and len(g.split()) >= 3:
            add(lx.names[g])
    return found


def understand(store: Store, question: str, unit: str | None = None) -> dict:
    """What a question is about: ``documents`` (IRIs), ``unit`` (name), ``unit_iris``, ``intent``."""
    lx = lexicon(store)
    q = _norm(question)
    docs = _find_documents(lx, question, q)
    self_doc = bool(_SELF.search(q))
    if self_doc and not docs and len(lx.sources) == 1:
        docs = list(lx.sources)
    unit_name, unit_iris = _find_units(lx, q)
    if not unit_iris and unit and (_US.search(q) or not docs or True):
        unit_name, unit_iris = resolve_unit(lx, unit)
    elif unit and not unit_iris:
        unit_name = unit
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
            "report": roles == ("report_to",), "roles": roles, "lexicon": lx}


def task_row(d: dict, via: list[str] | None = None) -> TaskRow:
    """A task_details dict → api.TaskRow."""
    src = d["source"]
    return TaskRow(id=d["task"], document=d["document"], document_label=d["document_label"], number=d["number"],
                   kind=d["kind"], text=d["text"], lead=d["lead"], support=sorted(set(d["support"])),
                   report_to=d["report_to"], deadline=d["deadline"], cites=d["cites"], via=via or [],
                   source=Span(path=src["path"], start=src["start"], end=src["end"], text=d["text"],
                               document=d["document"]) if src["start"] is not None else None)


def task_rows(store: Store, tasks: list[str], via: dict[str, list[str]] | None = None) -> list[TaskRow]:
    """TaskRows of ``tasks`` (IRIs), in the order given."""
    details = {t["task"]: t for t in queries.task_details(store, list(tasks))}
    return [task_row(details[t], (via or {}).get(t)) for t in tasks if t in details]


def _label(lx: Lexicon, iri: str, store: Store) -> str:
    if iri in lx.display:
        t = lx.types.get(iri)
        vi = next((v for v, _, _ in DOC_TYPES.values() if fold(v) == t), None) if t else None
        return f"{vi} {lx.display[iri]}" if vi else lx.display[iri]
    rows = store.select(prefixed(f"SELECT ?l WHERE {{ <{iri}> rdfs:label ?l }} LIMIT 1"))
    return rows[0]["l"] if rows else iri


DEFAULT_LIMIT = 50  # tasks per answer (a page): a decree cited by 10,000 plans is not read in one screen


def _homes(lx: Lexicon, unit: str | None, home: str | None) -> set[str]:
    """The officer's own jurisdictions: ``home`` if given, else the given unit's."""
    if home:
        return {home}
    if not unit:
        return set()
    return {j for j in (jurisdiction(i) for i in resolve_unit(lx, unit)[1]) if j}


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
        rows = [task_row(t, via.get(t["task"])) for t in queries.task_details(store, order)]
        msg = "" if rows else "Không tìm thấy nhiệm vụ nào xuất phát từ văn bản này."
        return Answer(question, symbols, u["unit"], "requirements", rows, message=msg, total=total)
    if u["intent"] == "worklist":
        ix = store_index(store)
        cands = ix.unit_tasks(u["unit_iris"], u["roles"])
        order = ix.ordered(cands, limit, homes)
        rows = task_rows(store, order)
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
