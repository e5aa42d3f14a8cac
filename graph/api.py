"""The facade the Streamlit app (and any other front end) calls: one object, plain data out.

Everything returned here is a frozen dataclass, a list of them, a ``dict``/``list`` of plain
JSON-able values, or ``bytes`` (exports). No rdflib, pyoxigraph, networkx or pandas object ever
crosses this boundary, so the app can cache results with ``st.cache_data`` and never computes.

Identifiers: every node (document, unit, task, section) is addressed by its IRI, a plain ``str``
(``node_id``). IRIs are deterministic (see :mod:`graph.build`), so they are stable across
re-ingestion and safe to put in a URL (``?id=…``).

Typical use::

    from graph import api
    kg = api.open_graph("data/store")            # or "http://127.0.0.1:7878" (a SPARQL endpoint)
    kg.overview().documents                       # KPIs
    rec = kg.document(kg.documents("59/2023")[0].id)
    kg.ask("Nghị định 59/2023 yêu cầu gì?", unit="Phòng Tổ chức - Hành chính - Quản trị")

Caching: ``kg.version()`` changes whenever the store changes (an ingest, a delete); use it as
part of ``st.cache_data`` keys. Errors: every method raises only :class:`graph.errors.GraphError`
subclasses (``UnknownNode``, ``BadQuery``, ``QueryTimeout``, ``InvalidDocument``,
``StoreUnavailable``, ``UploadRejected``) whose ``str()`` is one line fit to show an officer.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from .errors import GraphError  # noqa: F401  (re-exported for the app)

__all__ = [
    "open_graph", "KnowledgeGraph",
    "Overview", "CountRow", "IngestLogRow", "DocumentRow", "Span", "Highlight", "SectionNode",
    "DocLink", "TaskRow", "DocumentRecord", "Matrix", "Answer", "Worklist", "NodeRef", "Edge",
    "Subgraph", "NodeDetails", "Legend", "SparqlResult", "UploadPreview", "IngestResult",
    "MAX_UPLOAD_BYTES",
]

MAX_UPLOAD_BYTES = 20 * 1024 * 1024  # uploads larger than this are refused (UploadRejected)

Role = Literal["lead", "support", "report_to"]


# ---------------------------------------------------------------- plain result types

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


@dataclass(frozen=True, slots=True)
class Span:
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
    evidence: Span | None = None


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
    source: Span | None = None

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
class Answer:
    """The answer to a question, with what was understood and the source spans."""

    question: str
    documents: list[str]         # symbols understood in the question
    unit: str | None             # unit understood (or given)
    intent: str                  # requirements | worklist | basis | cited_by | unknown
    tasks: list[TaskRow]
    links: list[DocLink] = field(default_factory=list)  # for basis / cited_by questions
    message: str = ""            # one line for the officer when nothing was understood
    total: int = 0               # tasks (or links) matched; more than len(tasks) when the answer was capped

    def to_json(self) -> dict:
        """The contract shape of ``cancu ask --format json``."""
        return {
            "question": self.question,
            "understood": {"documents": list(self.documents), "unit": self.unit},
            "tasks": [{"document": t.document_label, "id": t.number, "text": t.text, "lead": list(t.lead),
                       "cites": list(t.cites),
                       "source": {"path": t.source.path if t.source else None,
                                  "start": t.source.start if t.source else None,
                                  "end": t.source.end if t.source else None}}
                      for t in self.tasks],
        }


@dataclass(frozen=True, slots=True)
class Worklist:
    """A unit's tasks by role."""

    unit: str                    # the unit's name as known to the store
    unit_id: str | None
    lead: list[TaskRow]
    support: list[TaskRow]
    report_to: list[TaskRow]


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
    evidence: list[Span] = field(default_factory=list)
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


@dataclass(frozen=True, slots=True)
class IngestResult:
    filename: str
    ok: bool
    error: str | None
    document: str | None         # IRI of the ingested document
    triples: int = 0
    replaced: bool = False
    error_kind: str | None = None  # the problem's name (graph.errors.error_kind), for a translated message


# ---------------------------------------------------------------- the facade

def open_graph(location: str | None = None, *, read_only: bool = False) -> "KnowledgeGraph":
    """Open the knowledge graph at ``location``.

    ``location`` is a folder (the embedded Oxigraph store; default ``data/store`` or
    ``$CANCU_STORE``) or an ``http(s)://`` SPARQL 1.1 endpoint (Oxigraph server, Fuseki …).
    ``read_only=True`` opens an embedded store without taking the writer lock, so the app can
    browse while ``cancu ingest`` writes (it sees the state at open time; call ``refresh()``).
    Raises ``StoreUnavailable`` with one line when it cannot be opened.
    """
    from .service import KnowledgeGraphImpl
    return KnowledgeGraphImpl(location, read_only=read_only)


class KnowledgeGraph:
    """The operations the app calls. See :func:`open_graph`."""

    location: str

    # -- housekeeping
    def version(self) -> str:
        """A token that changes whenever the store changes (use in cache keys)."""
        raise NotImplementedError

    def refresh(self) -> None:
        """Re-open a read-only store to see the latest writes; drop cached views."""
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    # -- home
    def warm(self) -> None:
        """Build the per-version tables now (lexicon, task index, document list, search labels), so
        the next page or question finds them ready; the app calls it in a background thread after
        opening the store and after each ingest. Safe to call from several threads."""

    def overview(self, top: int = 10) -> Overview:
        """Counts, most-cited directives, units with most tasks, ingestion log."""
        raise NotImplementedError

    # -- documents
    def documents(self, query: str = "", *, ingested_only: bool = False, limit: int = 500) -> list[DocumentRow]:
        """Documents whose symbol/title/issuer matches ``query`` (diacritics-insensitive); all when empty."""
        raise NotImplementedError

    def document(self, doc_id: str) -> DocumentRecord:
        """The full record of one document (raises ``UnknownNode``)."""
        raise NotImplementedError

    def resolve_document(self, text: str) -> str | None:
        """The IRI of the document a symbol or phrase names ("59/2023", "nghi dinh 59"), or None."""
        raise NotImplementedError

    # -- tasks and directives
    def matrix(self, *, directives: list[str] | None = None, max_directives: int = 40) -> Matrix:
        """Directive × task matrix over the store (or the given directive IRIs)."""
        raise NotImplementedError

    def requirements(self, doc_id: str, unit: str | None = None) -> list[TaskRow]:
        """Tasks deriving from a document, directly or via documents that detail/apply it; of ``unit`` if given."""
        raise NotImplementedError

    def ask(self, question: str, unit: str | None = None) -> Answer:
        """Answer a Vietnamese or English question; every task carries its source span."""
        raise NotImplementedError

    # -- units
    def units(self, query: str = "", limit: int = 500) -> list[CountRow]:
        """Units known to the store matching ``query``; count = tasks they lead."""
        raise NotImplementedError

    def worklist(self, unit: str) -> Worklist:
        """A unit's tasks as lead / support / report recipient (unit by name, alias or IRI)."""
        raise NotImplementedError

    def export_tasks(self, tasks: list[TaskRow], fmt: Literal["csv", "xlsx"]) -> bytes:
        """Task rows as CSV (UTF-8 with BOM, opens in Excel) or XLSX bytes."""
        raise NotImplementedError

    def export_graph(self, fmt: Literal["ttl", "trig", "jsonld", "graphml"]) -> bytes:
        """The whole graph serialised."""
        raise NotImplementedError

    # -- exploration
    def search_nodes(self, text: str, *, types: list[str] | None = None, limit: int = 20) -> list[NodeRef]:
        """Nodes whose label matches ``text`` (diacritics-insensitive), best first."""
        raise NotImplementedError

    def ego(self, node_id: str, *, hops: int = 1, max_nodes: int = 150,
            node_types: list[str] | None = None, edge_types: list[str] | None = None,
            layout: bool = False) -> Subgraph:
        """The neighbourhood of a node up to ``hops`` (capped at ``max_nodes``)."""
        raise NotImplementedError

    def expand(self, node_id: str, *, exclude: list[str] | None = None, max_nodes: int = 50,
               edge_types: list[str] | None = None) -> Subgraph:
        """The direct neighbours of a node not already in ``exclude`` (for click-to-expand)."""
        raise NotImplementedError

    def path(self, source: str, target: str, *, max_len: int = 8) -> Subgraph | None:
        """A shortest path between two nodes (ignoring direction), or None."""
        raise NotImplementedError

    def node(self, node_id: str) -> NodeDetails:
        """Properties, edges, degree, centrality and evidence (the quoted spans stating it) of one node
        (raises ``UnknownNode``)."""
        raise NotImplementedError

    def legend(self) -> Legend:
        """Node and edge types, with Vietnamese labels, for legends and filters."""
        raise NotImplementedError

    # -- query
    def sparql(self, query: str, *, timeout_s: float = 10.0, limit: int = 5000) -> SparqlResult:
        """A read-only SPARQL query (updates raise ``BadQuery``; over time ``QueryTimeout``)."""
        raise NotImplementedError

    def sparql_examples(self) -> list[tuple[str, str, str]]:
        """Example read-only queries in our vocabulary: ``(Vietnamese title, English title, query)``."""
        raise NotImplementedError

    # -- uploads
    def preview_upload(self, filename: str, data: bytes) -> UploadPreview:
        """Extract an uploaded file and say what ingesting it would add; writes nothing, never raises."""
        raise NotImplementedError

    def ingest_upload(self, filename: str, data: bytes) -> IngestResult:
        """Extract, validate and ingest an uploaded file (replacing its previous version); never raises."""
        raise NotImplementedError

    def delete_document(self, doc_id: str) -> bool:
        """Remove an ingested document's named graph; True when something was removed."""
        raise NotImplementedError
