"""The facts cancu extracts, as frozen dataclasses.

Every fact that quotes the document carries ``start``/``end`` character offsets into
``Source.text`` (the text of record) and ``text == source.text[start:end]``.
``Facts.to_json()`` gives exactly the shape of ``../shared/contract.md`` (``cancu.extract/1``).
"""
from __future__ import annotations

from dataclasses import dataclass, field

SCHEMA = "cancu.extract/1"


@dataclass(frozen=True, slots=True)
class Source:
    """A document as read: its text of record and where it came from."""

    text: str
    format: str  # txt | pdf | docx | html
    path: str
    sha256: str
    encoding: str | None = None  # how the bytes were decoded (utf-8, utf-16, cp1258, tcvn3, vni …)
    notes: tuple[str, ...] = ()  # what the reader had to do (e.g. "converted from TCVN3")

    def to_json(self) -> dict:
        out = {"path": self.path, "sha256": self.sha256, "format": self.format, "chars": len(self.text)}
        if self.encoding:
            out["encoding"] = self.encoding
        if self.notes:
            out["notes"] = list(self.notes)
        return out


@dataclass(frozen=True, slots=True)
class Span:
    """A quoted stretch of the source text."""

    start: int
    end: int
    text: str

    def to_json(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """The document's own identity, from its header and signature block."""

    type: str | None = None
    symbol: str | None = None
    date: str | None = None  # ISO YYYY-MM-DD
    issuer: str | None = None
    title: str | None = None
    signer: str | None = None
    signer_title: str | None = None
    place: str | None = None
    spans: tuple[tuple[str, Span], ...] = ()  # (field name, where it was read)

    def to_json(self) -> dict:
        return {
            "type": self.type, "symbol": self.symbol, "date": self.date, "issuer": self.issuer,
            "title": self.title, "signer": self.signer, "signer_title": self.signer_title,
            "place": self.place, "spans": {k: s.to_json() for k, s in self.spans},
        }


@dataclass(frozen=True, slots=True)
class Citation:
    """One mention of another document (or of the document itself, kind ``self``)."""

    start: int
    end: int
    text: str
    kind: str  # numbered | named | self
    type: str | None = None
    symbol: str | None = None
    date: str | None = None
    issuer: str | None = None
    subject: str | None = None
    resolved: str | None = None  # for named laws: the catalogue's symbol
    section: str | None = None
    symbol_span: tuple[int, int] | None = None  # where the symbol itself is
    typo: bool = False  # the printed symbol was repaired (e.g. NĐCP → NĐ-CP)

    def to_json(self) -> dict:
        out = {
            "start": self.start, "end": self.end, "text": self.text, "kind": self.kind,
            "type": self.type, "symbol": self.symbol, "date": self.date, "issuer": self.issuer,
            "subject": self.subject, "resolved": self.resolved, "section": self.section,
        }
        if self.symbol_span:
            out["symbol_span"] = list(self.symbol_span)
        if self.typo:
            out["typo"] = True
        return out


@dataclass(frozen=True, slots=True)
class Relation:
    """A relation between two cited documents, read from one citation's subject."""

    from_: str
    rel: str  # implements | details | amends | replaces | guides | based_on
    to: str
    start: int
    end: int
    text: str

    def to_json(self) -> dict:
        return {"from": self.from_, "rel": self.rel, "to": self.to,
                "start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class Unit:
    """An organisation or unit named in the document, its aliases merged."""

    name: str
    aliases: tuple[str, ...] = ()
    mentions: tuple[tuple[int, int], ...] = ()

    def to_json(self) -> dict:
        return {"name": self.name, "aliases": list(self.aliases), "mentions": [list(m) for m in self.mentions]}


@dataclass(frozen=True, slots=True)
class Task:
    """One numbered item of the document (or one row of an assignment table)."""

    id: str
    kind: str  # task | assignment | objective | scope | funding | heading | field | provision
    start: int
    end: int
    text: str
    parent: str | None = None
    cites: tuple[str, ...] = ()
    lead: tuple[str, ...] = ()
    support: tuple[str, ...] = ()
    report_to: tuple[str, ...] = ()
    deadline: str | None = None  # ISO date, YYYY-MM, YYYY-Qn, YYYY or a keyword (thường xuyên)
    deadline_text: str | None = None
    inherited_lead: bool = False
    deadline_span: tuple[int, int] | None = None  # where the deadline's words are (source offsets)
    # (role, start, end): where each lead / support / report-to unit is named (source offsets; an
    # inherited lead points at the heading that names it)
    evidence: tuple[tuple[str, int, int], ...] = ()

    def to_json(self) -> dict:
        out = {
            "id": self.id, "kind": self.kind, "start": self.start, "end": self.end, "text": self.text,
            "parent": self.parent, "cites": list(self.cites), "lead": list(self.lead),
            "support": list(self.support), "report_to": list(self.report_to),
            "deadline": self.deadline, "deadline_text": self.deadline_text,
        }
        if self.deadline_span:
            out["deadline_span"] = list(self.deadline_span)
        if self.evidence:
            out["evidence"] = [list(x) for x in self.evidence]
        return out


@dataclass(frozen=True, slots=True)
class Facts:
    """Everything extracted from one document."""

    source: Source
    document: DocumentInfo
    citations: tuple[Citation, ...] = ()
    units: tuple[Unit, ...] = ()
    tasks: tuple[Task, ...] = ()
    relations: tuple[Relation, ...] = ()
    recipients: tuple[Span, ...] = ()
    dates: tuple[tuple[Span, str], ...] = ()  # every date mention and its ISO value
    warnings: tuple[str, ...] = field(default=())

    def to_json(self) -> dict:
        return {
            "schema": SCHEMA,
            "source": self.source.to_json(),
            "document": self.document.to_json(),
            "citations": [c.to_json() for c in self.citations],
            "units": [u.to_json() for u in self.units],
            "tasks": [t.to_json() for t in self.tasks],
            "relations": [r.to_json() for r in self.relations],
            "recipients": [r.to_json() for r in self.recipients],
            "dates": [dict(s.to_json(), value=v) for s, v in self.dates],
            "warnings": list(self.warnings),
        }
