"""The extraction pipeline: Source → Facts, one stage per module.

read → clean (offset map) → outline + header → citations (numbered, named, partial, self) →
units → assignments → Facts with every offset mapped back to ``Source.text``.
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

from . import assignments as A
from .citations import RawCitation, find_citations, find_dates, find_named, find_partial, find_self, relations_of
from .clean import clean
from .errors import ReadError
from .facts import Citation, DocumentInfo, Facts, Relation, Source, Span, Task, Unit
from .header import read_header
from .read import SUPPORTED, read
from .structure import outline
from .units import capital_words, find_units, merge_units, unit_key

__all__ = ["extract", "extract_text", "extract_file", "walk"]


_CATALOGUE: list = []


def _catalogue():
    """The shipped law catalogue, loaded once per process (it is read-only)."""
    if not _CATALOGUE:
        from . import catalogue
        _CATALOGUE.append(catalogue.load())
    return _CATALOGUE[0]


# an item whose body is a form field of its parent ("2. Cơ quan chủ trì: Bộ Tư pháp.", "3. Thời hạn: …")
_FIELD = re.compile(r"\s*(?:(?:[Cc]ơ\s+quan|[Đđ]ơn\s+vị)\s+(?:chủ\s+trì|phối\s+hợp|thực\s+hiện)|"
                    r"[Tt]hời\s+(?:gian|hạn)(?:\s+(?:hoàn\s+thành|thực\s+hiện))?|[Ss]ản\s+phẩm(?:\s+đầu\s+ra)?|"
                    r"[Tt]ên\s+nhiệm\s+vụ|[Kk]ết\s+quả(?:\s+(?:đầu\s+ra|dự\s+kiến))?|"
                    r"(?:[Nn]guồn\s+)?[Kk]inh\s+phí(?:\s+thực\s+hiện)?)\s*:")
# an article that enacts or dates the document rather than giving work ("Điều 1. Ban hành kèm theo
# Quyết định này …", "Điều 1. Phê duyệt …" (only as the first article), "Điều 3. Quyết định này có
# hiệu lực …"); one that also names who carries it out stays a task
_ENACT = re.compile(r"\s*(?:Ban\s+hành\s+kèm\s+theo|Phê\s+duyệt)")
_EXECUTES = re.compile(r"chịu\s+trách\s+nhiệm\s+(?:thi\s+hành|tổ\s+chức|thực\s+hiện)|tổ\s+chức\s+thực\s+hiện", re.I)
_IN_FORCE = re.compile(r"\s*(?:[A-ZĐ][\w ]{0,40}?\s+này\s+có\s+hiệu\s+lực|Có\s+hiệu\s+lực)")


def _task_kind(item, text: str = "", gives_work: bool = False) -> str:
    """objective | task | assignment | heading, and the two kinds that give no work: ``field`` (a
    form field of its parent) and ``provision`` (an article enacting or dating the document)."""
    if item.kind not in ("row", "row_heading") and text and _FIELD.match(text, item.body_start):
        return "field"
    if item.kind == "article" and not item.children and text and not gives_work and (
            _IN_FORCE.match(text, item.body_start) or (item.id == "Điều 1" and _ENACT.match(text, item.body_start))) \
            and not _EXECUTES.search(text, item.body_start, item.end):
        return "provision"
    if item.kind in ("row",):
        return "task"
    if item.kind == "row_heading":
        return "heading"
    sk = item.section_kind or "task"
    if item.kind in ("section",) or (item.kind == "article" and item.children):
        return "heading"
    if item.children and sk != "assignment":
        return "heading"
    return {"objective": "objective", "assignment": "assignment"}.get(sk, "task")


def extract(source: Source) -> Facts:
    """Extract every fact from one read document."""
    c = clean(source.text)
    t = c.text
    src = source.text

    def span(s: int, e: int) -> tuple[int, int]:
        return c.span(s, e)

    def quote(s: int, e: int) -> Span:
        a, b = span(s, e)
        return Span(a, b, src[a:b])

    o = outline(t)
    h = read_header(t, o.body_start)
    own = h["symbol"]
    doc_date = h["date"] or _fallback_date(t, own)
    cat = _catalogue()

    raw = find_citations(t)
    taken = [(r.start, r.end) for r in raw]
    named = find_named(t, cat, doc_date, taken=[r.symbol_span for r in raw if r.symbol_span])
    caps = capital_words(t)  # one scan of the capitalised words, shared by two stages
    partial = find_partial(t, taken + [(n.start, n.end) for n in named], caps)
    selfs = find_self(t, h["type"])
    allc: list[RawCitation] = sorted(raw + named + partial + selfs, key=lambda r: (r.start, r.end))

    # the document's own number repeated (annex headers) is a self-reference
    fixed = []
    own_span = h["spans"].get("symbol")
    for r in allc:
        if r.kind == "numbered" and own and r.symbol == own:
            if own_span and r.symbol_span == tuple(own_span):
                continue  # the header's "Số: …" itself
            r = RawCitation(start=r.start, end=r.end, kind="self", type=r.type, symbol=r.symbol, date=r.date,
                            issuer=r.issuer, symbol_span=r.symbol_span)
        fixed.append(r)
    allc = fixed
    # partial references resolved against full symbols of the same document
    full = [r for r in allc if r.kind == "numbered"]
    for i, r in enumerate(allc):
        if r.kind == "partial":
            for f in full:
                num = f.symbol.split("/")[0].split("-")[0]
                if num.lstrip("0") == (r.number or "").lstrip("0") and (r.year is None or f"/{r.year}/" in f.symbol) \
                        and (r.type is None or f.type == r.type):
                    allc[i] = RawCitation(**{**{k: getattr(r, k) for k in r.__slots__}, "resolved": f.symbol})
                    break

    citations = []
    for r in allc:
        a, b = span(r.start, r.end)
        sym_span = span(*r.symbol_span) if r.symbol_span else None
        symbol = r.symbol if r.kind != "self" else (r.symbol or own)
        citations.append(Citation(start=a, end=b, text=src[a:b], kind=r.kind, type=r.type, symbol=symbol,
                                  date=r.date, issuer=r.issuer, subject=r.subject,
                                  resolved=r.resolved, section=o.section_at(r.start), symbol_span=sym_span,
                                  typo=r.typo))

    rels = []
    for outer, rel, inner in relations_of([r for r in allc if r.kind in ("numbered", "named")], t):
        to = inner.symbol or inner.resolved
        if outer.symbol and to and to != outer.symbol:
            a, b = span(inner.start, inner.end)
            rels.append(Relation(from_=outer.symbol, rel=rel, to=to, start=a, end=b, text=src[a:b]))

    # units: every mention outside citation symbols
    import bisect
    symbol_spans = sorted(r.symbol_span for r in allc if r.symbol_span)
    sym_starts = [s for s, _ in symbol_spans]

    def in_symbol(pos: int) -> bool:
        k = bisect.bisect_right(sym_starts, pos) - 1
        return k >= 0 and symbol_spans[k][0] <= pos < symbol_spans[k][1]

    mentions = [m for m in find_units(t, caps=caps) if not in_symbol(m.start)]
    merged = merge_units(mentions, t)
    units = tuple(Unit(name=n, aliases=al, mentions=tuple(span(s, e) for s, e in sp)) for n, al, sp in merged)
    display = {}
    for n, al, _ in merged:
        for x in (n,) + al:
            display[unit_key(x)] = n

    # tasks: every numbered item
    by_id = {}
    tasks = []
    ms = sorted(mentions, key=lambda m: m.start)
    mstarts = [m.start for m in ms]
    # a law named inside another citation's title ("Nghị định 146/2018 … quy định chi tiết … Luật Bảo hiểm
    # y tế") is that document's relation (details), not something the item itself cites
    subjects = sorted(r.subject_span for r in allc if r.subject_span)
    sub_starts = [a for a, _ in subjects]

    def in_subject(pos: int) -> bool:
        k = bisect.bisect_right(sub_starts, pos) - 1
        while k >= 0:
            if subjects[k][0] <= pos < subjects[k][1]:
                return True
            k -= 1
            if k >= 0 and subjects[k][1] < pos - 800:
                break
        return False

    cit_starts = sorted(((r.start, r) for r in allc if r.kind in ("numbered", "partial") or (r.kind == "named" and not in_subject(r.start))),
                        key=lambda x: x[0])
    cstarts = [x[0] for x in cit_starts]
    for it in o.items:
        s, e = it.start, it.end
        k0, k1 = bisect.bisect_left(mstarts, s), bisect.bisect_left(mstarts, e)
        inside = ms[k0:k1]
        if it.kind == "row" and it.cells:
            asg = A.assign_cells(t, it.cells, inside)
        elif it.kind == "row":
            asg = A.assign_row(t, it.body_start, e, [m for m in inside if m.start >= it.body_start])
        else:
            own_units = [m for m in inside if m.start >= it.body_start]
            asg = A.assign_text(t, it.body_start, e, own_units, want_deadline=False)
            if it.children and not asg.own_lead:
                hu = A.heading_units(t, it.body_start, e, own_units)
                if hu:
                    asg.lead, asg.own_lead = hu, True
        by_id[it.id] = asg
        parent = by_id.get(it.parent) if it.parent else None
        lead = list(asg.lead)
        if parent is not None and parent.lead and it.kind != "row":
            lead = list(dict.fromkeys(parent.lead + lead))
            asg.lead = lead
        cites = []
        for _, r in cit_starts[bisect.bisect_left(cstarts, s):bisect.bisect_left(cstarts, e)]:
            sym = r.symbol if r.kind == "numbered" else r.resolved
            if sym and sym not in cites:
                cites.append(sym)
        a, b = span(s, e)
        b = a + len(src[a:b].rstrip())
        tasks.append(Task(id=it.id, kind=_task_kind(it, t, bool(lead or asg.support or asg.report_to)), start=a, end=b, text=src[a:b], parent=it.parent,
                          cites=tuple(cites), lead=tuple(lead), support=tuple(asg.support),
                          report_to=tuple(asg.report_to), deadline=asg.deadline, deadline_text=asg.deadline_text,
                          inherited_lead=bool(parent and parent.lead)))

    tasks = _lift_form_fields(tasks, by_id)
    tasks = _fields_make_tasks(tasks)
    spans = tuple((k, quote(*v)) for k, v in h["spans"].items())
    doc = DocumentInfo(type=h["type"], symbol=own, date=h["date"], issuer=h["issuer"], title=h["title"],
                       signer=h["signer"], signer_title=h["signer_title"], place=h["place"], spans=spans)
    recipients = (quote(*o.recipients),) if o.recipients else ()
    dates = tuple((quote(s, e), iso) for s, e, iso in find_dates(t))
    return Facts(source=source, document=doc, citations=tuple(citations), units=units, tasks=tuple(tasks),
                 relations=tuple(rels), recipients=recipients, dates=dates)


def _fallback_date(text: str, own: str | None) -> str | None:
    """The citing date when the header has none: the year of the own symbol, else the latest date written."""
    import re as _re
    m = _re.search(r"/((?:19|20)\d\d)/", own or "")
    if m:
        return f"{m.group(1)}-12-31"
    dates = [iso for _, _, iso in find_dates(text)]
    return max(dates) if dates else None


def _lift_form_fields(tasks: list[Task], by_id: dict) -> list[Task]:
    """"Cơ quan chủ trì: X" / "Cơ quan phối hợp: Y" written as numbered fields describe their parent."""
    from dataclasses import replace as _replace
    index = {t.id: i for i, t in enumerate(tasks)}
    for t in list(tasks):
        asg = by_id.get(t.id)
        if not asg or not t.parent or t.parent not in index:
            continue
        pi = index[t.parent]
        p = tasks[pi]
        if asg.form_lead and not p.lead:
            tasks[pi] = p = _replace(p, lead=tuple(asg.lead))
        if asg.form_support and not p.support:
            tasks[pi] = _replace(p, support=tuple(asg.support))
    return tasks


def _fields_make_tasks(tasks: list[Task]) -> list[Task]:
    """A heading whose sub-items are all form fields is itself the task ("Điều 2. Điều chỉnh …"
    followed by "1. Nội dung: …", "2. Cơ quan chủ trì: Bộ Tư pháp.", "3. Thời hạn: …")."""
    from dataclasses import replace as _replace
    kids: dict[str, list[str]] = {}
    for t in tasks:
        if t.parent:
            kids.setdefault(t.parent, []).append(t.kind)
    return [_replace(t, kind="task") if t.kind == "heading" and kids.get(t.id) and all(k == "field" for k in kids[t.id])
            else t for t in tasks]


def extract_text(text: str, path: str = "<text>") -> Facts:
    """Extract from a string (for tests, the app's preview and questions)."""
    src = Source(text=text, format="txt", path=path, sha256=hashlib.sha256(text.encode("utf-8")).hexdigest())
    return extract(src)


def extract_file(path: str | Path) -> Facts:
    """Read and extract one file; bad input raises a typed ``IngestError`` with one clear line."""
    return extract(read(path))


def walk(paths) -> list[Path]:
    """Expand files and folders into document files, in path order."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out += sorted(q for q in p.rglob("*") if q.is_file() and q.suffix.lower() in SUPPORTED)
        elif p.exists():
            out.append(p)
        else:
            raise ReadError(str(p), "no such file or folder")
    return out
