"""The plain result types of the graph: frozen dataclasses of strings, numbers and lists.

No rdflib, pyoxigraph, networkx or pandas object is ever held here, so a front end can cache
them (``st.cache_data``) and never computes. Every node is addressed by its IRI, a plain ``str``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

__all__ = ["CountRow", "IngestLogRow", "Overview", "DocumentRow", "Quote", "Highlight", "SectionNode", "DocLink",
           "TaskRow", "DocumentRecord", "Matrix", "Answer", "UnitRole", "Worklist", "NodeRef", "Edge", "Subgraph",
           "NodeDetails", "Legend", "SparqlResult", "UploadPreview", "IngestResult", "UnitRow", "DeadlineRow",
           "DeadlineView", "StartPoints"]


@dataclass(frozen=True, slots=True)
class CountRow:
    """A labelled count (a most-cited directive, a unit with most tasks)."""

    id: str      # node IRI
    label: str   # symbol or name, for display
    count: int


@dataclass(frozen=True, slots=True)
class IngestLogRow:
    """One ingestion of one source document (a prov:Activity)."""

    document: str    # document IRI
    label: str       # symbol or title
    path: str        # the source file as ingested
    at: str          # ISO 8601 timestamp (UTC)
    triples: int     # size of the document's named graph
    tasks: int
    citations: int


@dataclass(frozen=True, slots=True)
class Overview:
    """KPIs for the home page."""

    documents: int            # ingested source documents
    cited_documents: int      # documents known only because something cites them
    tasks: int
    units: int
    citations: int
    triples: int
    most_cited: list[CountRow] = field(default_factory=list)       # directives/laws by citing documents
    busiest_units: list[CountRow] = field(default_factory=list)    # units by number of tasks they lead
    ingest_log: list[IngestLogRow] = field(default_factory=list)   # newest first


@dataclass(frozen=True, slots=True)
class DocumentRow:
    """One document in a list or search result."""

    id: str
    symbol: str | None        # "59/2023/NĐ-CP"; None for a plan without a number
    type: str | None          # "Nghị định", "Kế hoạch" …
    title: str | None
    date: str | None          # ISO date
    issuer: str | None
    ingested: bool            # True: we hold its text; False: only cited
    cited_by: int             # number of documents citing it
    tasks: int                # number of tasks it states
    display: str = ""         # the label an officer recognises: law name, issuer ("Kế hoạch 32/KH-UBND — Ủy ban nhân dân tỉnh Bắc Ninh")
    issuer_shown: str | None = None  # the issuer written out, with its place


@dataclass(frozen=True, slots=True)
class Quote:
    """A quoted stretch of a source document: ``text == source_text[start:end]``."""

    path: str       # the source file
    start: int
    end: int
    text: str
    document: str | None = None  # IRI of the document whose text this is


@dataclass(frozen=True, slots=True)
class Highlight:
    """A fact to highlight in the document's text."""

    start: int
    end: int
    kind: Literal["citation", "unit", "task", "date", "header"]
    label: str                   # e.g. the cited symbol, the unit name, the task id
    target: str | None = None    # IRI the highlight links to (cited document, unit, task)


@dataclass(frozen=True, slots=True)
class SectionNode:
    """A node of the document's structure tree (I → 1 → 1.1 …)."""

    id: str                      # task/section IRI
    number: str                  # "II.2.1"
    kind: str                    # objective | task | assignment | heading | article | row | field | provision
    text: str                    # first line / heading
    start: int
    end: int
    children: list["SectionNode"] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class DocLink:
    """A relation between two documents, for the "Lược đồ" columns."""

    rel: str                     # cites | based_on | applies | details | amends | replaces | …
    rel_label: str               # Vietnamese label of the relation ("Căn cứ", "Thực hiện" …)
    id: str                      # the other document's IRI
    label: str                   # its symbol or title
    depth: int = 1               # 1 = direct; 2+ = reached through another document (basis chain)
    evidence: Quote | None = None


@dataclass(frozen=True, slots=True)
class TaskRow:
    """A task (numbered item) with its units and the quoted source text."""

    id: str                      # task IRI
    document: str                # document IRI
    document_label: str          # symbol or title of the plan that states it
    number: str                  # "II.2.1"
    kind: str
    text: str
    lead: list[str] = field(default_factory=list)
    support: list[str] = field(default_factory=list)
    report_to: list[str] = field(default_factory=list)
    deadline: str | None = None
    cites: list[str] = field(default_factory=list)     # symbols cited in the item
    via: list[str] = field(default_factory=list)       # documents linking it to the asked directive
    source: Quote | None = None
    document_issuer: str | None = None                  # the issuer of the plan that states it, as printed
    document_date: str | None = None                    # its date (ISO)
    deadline_text: str | None = None                    # the deadline as printed ("Quý IV/2026")
    shown: str = ""                                     # the quote without page furniture, for display
    mentioned: list[str] = field(default_factory=list)  # units named in it without a role
    document_display: str = ""                          # the plan as an officer recognises it (with issuer)

    @classmethod
    def from_details(cls, d: dict, via: list[str] | None = None) -> "TaskRow":
        """A task from a :func:`graph.queries.task_details` dict."""
        src = d["source"]
        return cls(id=d["task"], document=d["document"], document_label=d["document_label"], number=d["number"],
                   kind=d["kind"], text=d["text"], lead=d["lead"], support=sorted(set(d["support"])),
                   report_to=d["report_to"], deadline=d["deadline"], cites=d["cites"], via=via or [],
                   source=Quote(path=src["path"], start=src["start"], end=src["end"], text=d["text"],
                                document=d["document"]) if src["start"] is not None else None,
                   document_issuer=d.get("document_issuer"), document_date=d.get("document_date"),
                   deadline_text=d.get("deadline_text"), shown=d.get("shown") or d["text"],
                   mentioned=list(d.get("mentioned") or ()),
                   document_display=d.get("document_display") or d["document_label"])

    def to_dict(self) -> dict:
        """A flat dict, for tables and CSV."""
        return {
            "document": self.document_label, "id": self.number, "kind": self.kind, "text": self.text,
            "lead": "; ".join(self.lead), "support": "; ".join(self.support),
            "report_to": "; ".join(self.report_to), "deadline": self.deadline or "",
            "cites": "; ".join(self.cites), "via": "; ".join(self.via),
            "path": self.source.path if self.source else "", "start": self.source.start if self.source else None,
            "end": self.source.end if self.source else None,
        }


@dataclass(frozen=True, slots=True)
class DocumentRecord:
    """Everything the document page shows."""

    row: DocumentRow
    signer: str | None
    path: str | None             # source file (None when only cited)
    text: str | None             # text of record (None when only cited)
    highlights: list[Highlight]
    structure: list[SectionNode]
    basis: list[DocLink]         # upward: what it is based on / applies / cites, transitively (depth)
    applied_by: list[DocLink]    # downward: documents that cite / apply / detail it ("Lược đồ", passive)
    tasks: list[TaskRow]         # tasks it states
    required_by_it: list[TaskRow]  # tasks elsewhere deriving from it (directly or via documents)


@dataclass(frozen=True, slots=True)
class Matrix:
    """Directive × task matrix: ``cells[i][j]`` is True when task j derives from directive i."""

    directives: list[CountRow]   # rows (count = number of tasks deriving from it)
    tasks: list[TaskRow]         # columns
    cells: list[list[bool]]


@dataclass(frozen=True, slots=True)
class UnitRole:
    """A unit's role in one task of an answer ("who" questions): who leads, supports, receives the report."""

    unit: str                    # the unit's name as the store knows it
    role: str                    # lead | support | report_to
    task: str                    # task IRI
    number: str                  # its item number ("II.2.1")
    document_label: str
    english: str | None = None   # the unit's English name when the bilingual lexicon knows it


@dataclass(frozen=True, slots=True)
class Answer:
    """The answer to a question, with what was understood and the source spans."""

    question: str
    documents: list[str]         # symbols understood in the question
    unit: str | None             # unit understood (or given); several joined with "; "
    intent: str                  # requirements | worklist | deadline | who | topic | tasks | basis | cited_by | unknown
    tasks: list[TaskRow]
    links: list[DocLink] = field(default_factory=list)  # for basis / cited_by questions
    message: str = ""            # one line for the officer when nothing was understood
    total: int = 0               # tasks (or links) matched; more than len(tasks) when the answer was capped
    understood: dict = field(default_factory=dict)     # graph.ask.Understanding.to_json(): documents, units, roles, dates, words
    who: list[UnitRole] = field(default_factory=list)  # the units and their roles, each with its task ("who" questions)
    lang: str = "vi"             # the asker's language (vi | en)

    def to_json(self) -> dict:
        """The contract shape of ``cancu ask --format json`` (extended: ``understood`` carries more
        keys, tasks carry support, report_to and deadline, ``who`` lists units with roles)."""
        out = {
            "question": self.question,
            "understood": {**self.understood, "documents": list(self.documents), "unit": self.unit},
            "tasks": [{"document": t.document_label, "id": t.number, "text": t.text, "lead": list(t.lead),
                       "support": list(t.support), "report_to": list(t.report_to), "deadline": t.deadline,
                       "cites": list(t.cites),
                       "source": {"path": t.source.path if t.source else None,
                                  "start": t.source.start if t.source else None,
                                  "end": t.source.end if t.source else None}}
                      for t in self.tasks],
            "kind": self.intent,
            "total": self.total,
        }
        if self.who:
            out["who"] = [{"unit": w.unit, "role": w.role, "id": w.number, "document": w.document_label,
                           **({"english": w.english} if w.english else {})} for w in self.who]
        if self.message:
            out["message"] = self.message
        return out


@dataclass(frozen=True, slots=True)
class Worklist:
    """A unit's tasks by role."""

    unit: str                    # the unit's name as known to the store
    unit_id: str | None
    lead: list[TaskRow]
    support: list[TaskRow]
    report_to: list[TaskRow]
    place: str | None = None     # the province (or other place) the body belongs to; None for a national body
    english: str | None = None   # its English name (the lexicon of public bodies), when known
    national: bool = False


@dataclass(frozen=True, slots=True)
class UnitRow:
    """A body that holds tasks, for lists and pickers (one row per real body)."""

    id: str
    name: str                    # the official spelling ("Sở Nội vụ")
    place: str | None            # "Bắc Ninh"; None for a national body or an unknown place
    english: str | None          # "Department of Home Affairs"
    national: bool
    lead: int
    support: int                 # support, and named in a task without a role
    report_to: int

    @property
    def total(self) -> int:
        return self.lead + self.support + self.report_to


@dataclass(frozen=True, slots=True)
class DeadlineRow:
    """A task with a deadline, as the deadline view lists it."""

    task: TaskRow
    due: str                     # the normalised value ("2026-Q4", "2025-12-05", "hằng năm")
    end: str | None              # the last day of its period (ISO); None when recurring
    status: str                  # overdue | this_month | this_quarter | upcoming | recurring
    roles: list[str] = field(default_factory=list)  # the chosen unit's roles in it (lead | support | report_to)


@dataclass(frozen=True, slots=True)
class DeadlineView:
    """The deadline view as of ``today``: the rows kept by the filters and how many of each status."""

    today: str                   # ISO date the statuses are computed for
    rows: list[DeadlineRow]      # sorted by end date (recurring last), at most ``limit``
    counts: dict[str, int]       # status → tasks, over everything the other filters keep
    total: int                   # rows matching all filters (more than len(rows) when capped)


@dataclass(frozen=True, slots=True)
class StartPoints:
    """Where a new officer starts on this store: its most cited directive that tasks derive from,
    its busiest unit, and example questions built from them (Vietnamese and English)."""

    directive: CountRow | None
    unit: CountRow | None
    questions_vi: list[str]
    questions_en: list[str]


@dataclass(frozen=True, slots=True)
class NodeRef:
    """A node, for search results and graph canvases."""

    id: str
    label: str
    type: str                    # Document | CitedDocument | Unit | Task | Section | DocType
    group: str | None = None     # e.g. the document type, for colouring


@dataclass(frozen=True, slots=True)
class Edge:
    source: str
    target: str
    type: str                    # cites | based_on | applies | details | lead | support | report_to | has_part | derives_from | passed_by
    label: str                   # Vietnamese label


@dataclass(frozen=True, slots=True)
class Subgraph:
    """A piece of the graph to draw; ``truncated`` when the node cap was hit."""

    nodes: list[NodeRef]
    edges: list[Edge]
    truncated: bool = False
    positions: dict[str, tuple[float, float]] = field(default_factory=dict)  # optional layout


@dataclass(frozen=True, slots=True)
class NodeDetails:
    node: NodeRef
    properties: list[tuple[str, str]]   # (property label, value) for display
    outgoing: list[Edge]                # at most 200 per edge type
    incoming: list[Edge]
    degree: int                         # all its edges (each type and neighbour once)
    centrality: float                   # degree centrality: degree / (nodes in the graph - 1)
    evidence: list[Quote] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)  # labels of the neighbours listed in the edges


@dataclass(frozen=True, slots=True)
class Legend:
    node_types: list[tuple[str, str]]   # (type, Vietnamese label)
    edge_types: list[tuple[str, str]]


@dataclass(frozen=True, slots=True)
class SparqlResult:
    columns: list[str]
    rows: list[list[str | None]]
    truncated: bool = False
    boolean: bool | None = None          # for ASK queries
    elapsed_ms: float = 0.0


@dataclass(frozen=True, slots=True)
class UploadPreview:
    """What ingesting an upload would add (nothing is written)."""

    filename: str
    ok: bool
    error: str | None            # one line when ok is False
    document: dict               # DocumentInfo as JSON
    citations: int
    tasks: int
    units: int
    triples: int
    replaces: bool               # a document with the same identity is already in the store
    facts: dict | None = None    # the full cancu.extract/1 JSON, for display
    error_kind: str | None = None  # the problem's name (graph.errors.error_kind), for a translated message
    warnings: tuple[str, ...] = ()  # facts that ingesting would repair or leave out, one line each


@dataclass(frozen=True, slots=True)
class IngestResult:
    filename: str
    ok: bool
    error: str | None
    document: str | None         # IRI of the ingested document
    triples: int = 0
    replaced: bool = False
    error_kind: str | None = None  # the problem's name (graph.errors.error_kind), for a translated message
    warnings: tuple[str, ...] = ()  # facts repaired or left out (the document was written), one line each
