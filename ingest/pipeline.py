"""The extraction pipeline: Source → Facts, one stage per module.

read → clean (offset map) → outline + header → citations (numbered, named, partial, self) →
units → assignments → Facts with every offset mapped back to ``Source.text``.
"""
from __future__ import annotations

import bisect
import hashlib
import re
from pathlib import Path

from . import catalogue
from .citations import (RawCitation, find_citations, find_dates, find_named, find_partial, find_self, relations_of,
                        resolve_partials)
from .clean import clean
from .errors import ReadError
from .facts import Citation, DocumentInfo, Facts, Relation, Source, Span, Unit
from .header import read_header
from .read import SUPPORTED, read
from .structure import outline
from .tasks import build_tasks, context_year
from .units import capital_words, defined_aliases, find_units, merge_units

__all__ = ["extract", "extract_text", "extract_file", "walk"]


_CATALOGUE: list = []
# footnotes of saved web pages and Word exports: a marker "[1]" in the body, its text as a line
# "[1] Nghị quyết số 163/2024/QH15 …" after the signature
_FOOTNOTE_LINE = re.compile(r"(?m)^[ \t]*\[(\d{1,3})\][ \t]*(?=\S)")
_FOOTNOTE_MARK = re.compile(r"(?<=\S)\[(\d{1,3})\]")


def _catalogue():
    """The shipped law catalogue, loaded once per process (it is read-only)."""
    if not _CATALOGUE:
        _CATALOGUE.append(catalogue.load())
    return _CATALOGUE[0]


class _Mapped:
    """Offsets of the clean text mapped back to the text of record, and quotes of it."""

    def __init__(self, source: Source, cleaned):
        self.src = source.text
        self._clean = cleaned
        self.span = cleaned.span  # (start, end) of the clean text → of the text of record

    def quote(self, s: int, e: int) -> Span:
        a, b = self._clean.span(s, e)
        return Span(a, b, self.src[a:b])


def extract(source: Source) -> Facts:
    """Extract every fact from one read document."""
    c = clean(source.text)
    t = c.text
    m = _Mapped(source, c)
    o = outline(t)
    h = read_header(t, o.body_start)
    dates = find_dates(t)  # every date written: the facts' dates, and the fallback for the citing date
    doc_date = h.date or _fallback_date(dates, h.symbol)
    caps = capital_words(t)  # one scan of the capitalised words, shared by two stages
    allc = _raw_citations(t, h, doc_date, caps)
    citations = tuple(Citation(start=a, end=b, text=m.src[a:b], kind=r.kind, type=r.type,
                               symbol=r.symbol if r.kind != "self" else (r.symbol or h.symbol),
                               date=r.date, issuer=r.issuer, subject=r.subject, resolved=r.resolved,
                               section=o.section_at(r.start), symbol_span=m.span(*r.symbol_span) if r.symbol_span else None,
                               typo=r.typo)
                      for r in allc for a, b in [m.span(r.start, r.end)])
    mentions = _unit_mentions(t, allc, caps)
    units = tuple(Unit(name=n, aliases=al, mentions=tuple(m.span(s, e) for s, e in sp))
                  for n, al, sp in merge_units(mentions, t))
    tasks = build_tasks(t, m.src, o, mentions, _footnote_cites(t, _item_cites(allc), o.body_end), span=m.span, exclude=sorted((r.start, r.end) for r in allc),
                        year=context_year(h.title, h.date or doc_date), since=h.date,
                        title_span=h.spans.get("title"))
    doc = DocumentInfo(type=h.type, symbol=h.symbol, date=h.date, issuer=h.issuer, title=h.title, signer=h.signer,
                       signer_title=h.signer_title, place=h.place,
                       spans=tuple((k, m.quote(*v)) for k, v in h.spans.items()))
    return Facts(source=source, document=doc, citations=citations, units=units, tasks=tuple(tasks),
                 relations=_relations(t, allc, m), recipients=(m.quote(*o.recipients),) if o.recipients else (),
                 dates=tuple((m.quote(s, e), iso) for s, e, iso in dates))


def _raw_citations(t: str, h, doc_date: str | None, caps) -> list[RawCitation]:
    """Numbered, named, partial and self citations (clean offsets), in text order; the document's own
    number repeated (an annex header) is a self reference, its "Số: …" no citation at all; partial
    references resolved against the full symbols of the same document."""
    raw = find_citations(t)
    taken = [(r.start, r.end) for r in raw]
    named = find_named(t, _catalogue(), doc_date, taken=[r.symbol_span for r in raw if r.symbol_span])
    partial = find_partial(t, taken + [(n.start, n.end) for n in named], caps)
    allc = sorted(raw + named + partial + find_self(t, h.type), key=lambda r: (r.start, r.end))
    own, own_span, fixed = h.symbol, h.spans.get("symbol"), []
    for r in allc:
        if r.kind == "numbered" and own and r.symbol == own:
            if own_span and r.symbol_span == tuple(own_span):
                continue  # the header's "Số: …" itself
            r = RawCitation(start=r.start, end=r.end, kind="self", type=r.type, symbol=r.symbol, date=r.date,
                            issuer=r.issuer, symbol_span=r.symbol_span)
        fixed.append(r)
    return resolve_partials(fixed)


def _relations(t: str, allc: list[RawCitation], m: _Mapped) -> tuple[Relation, ...]:
    """Relations read from the citations' subjects ("Nghị định 59 quy định chi tiết Luật …")."""
    rels = []
    for outer, rel, inner in relations_of([r for r in allc if r.kind in ("numbered", "named")], t):
        to = inner.symbol or inner.resolved
        if outer.symbol and to and to != outer.symbol:
            a, b = m.span(inner.start, inner.end)
            rels.append(Relation(from_=outer.symbol, rel=rel, to=to, start=a, end=b, text=m.src[a:b]))
    return tuple(rels)


def _unit_mentions(t: str, allc: list[RawCitation], caps) -> list:
    """Every unit mention outside the citations' symbols."""
    symbol_spans = sorted(r.symbol_span for r in allc if r.symbol_span)
    sym_starts = [s for s, _ in symbol_spans]

    def in_symbol(pos: int) -> bool:
        k = bisect.bisect_right(sym_starts, pos) - 1
        return k >= 0 and symbol_spans[k][0] <= pos < symbol_spans[k][1]

    found = [m for m in find_units(t, caps=caps) if not in_symbol(m.start)]
    aliases = defined_aliases(t, found)  # "Quỹ" where the text defined it for "Quỹ nhà ở quốc gia"
    if not aliases:
        return found
    longer = {a.start: a.end for a in aliases}  # a defined name outgrowing the grammar's shorter read of it
    found = [m for m in found if longer.get(m.start, m.end) <= m.end]
    return sorted(found + aliases, key=lambda m: m.start)


def _item_cites(allc: list[RawCitation]) -> list[tuple[int, str | None]]:
    """(start, symbol) of what items may cite: numbered and partial citations, and laws by name except
    those named inside another citation's title ("Nghị định 146/2018 … quy định chi tiết … Luật Bảo
    hiểm y tế" is that document's relation, not something the item itself cites)."""
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

    return sorted(((r.start, r.symbol if r.kind == "numbered" else r.resolved) for r in allc
                   if r.kind in ("numbered", "partial") or (r.kind == "named" and not in_subject(r.start))),
                  key=lambda x: x[0])


def _footnote_cites(t: str, cites: list[tuple[int, str | None]], body_end: int) -> list[tuple[int, str | None]]:
    """``cites`` and, at each footnote marker of the body, what its footnote (after the signature,
    from ``body_end`` on) cites: the item holding the marker cites it."""
    notes = [m for m in _FOOTNOTE_LINE.finditer(t, body_end)] if t.find("[", body_end) != -1 else []
    if not notes or not cites:
        return cites
    starts = [c[0] for c in cites]
    cited: dict[str, list] = {}
    for k, m in enumerate(notes):
        end = notes[k + 1].start() if k + 1 < len(notes) else len(t)
        cited.setdefault(m.group(1), []).extend(cites[bisect.bisect_left(starts, m.start()):bisect.bisect_left(starts, end)])
    extra = [(mk.start(), sym) for mk in _FOOTNOTE_MARK.finditer(t, 0, notes[0].start())
             for _, sym in cited.get(mk.group(1), ())]
    return sorted(cites + extra, key=lambda x: x[0]) if extra else cites


def _fallback_date(found: list[tuple[int, int, str]], own: str | None) -> str | None:
    """The citing date when the header has none: the year of the own symbol, else the latest date written."""
    m = re.search(r"/((?:19|20)\d\d)/", own or "")
    if m:
        return f"{m.group(1)}-12-31"
    dates = [iso for _, _, iso in found]
    return max(dates) if dates else None


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
