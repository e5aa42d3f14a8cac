"""Typed errors of the graph package. ``str(e)`` is one line fit for an officer or stderr."""
from __future__ import annotations


class GraphError(Exception):
    """Base class of every error raised by ``graph``."""


class StoreUnavailable(GraphError):
    """The store cannot be opened or reached (locked by another writer, endpoint down)."""


class UnknownNode(GraphError):
    """No node with this IRI (or name) is in the store."""


class BadQuery(GraphError):
    """A SPARQL query that cannot be parsed or that would change the store."""


class QueryTimeout(GraphError):
    """A query ran longer than its time limit."""


class InvalidDocument(GraphError):
    """A document's graph violates the SHACL shapes; the store was left unchanged."""

    def __init__(self, document: str, problems: list[str]):
        self.document = document
        self.problems = problems
        super().__init__(f"{document}: {refusal(problems)}")


class UploadRejected(GraphError):
    """An uploaded file is too large, of an unsupported type, or unreadable.

    ``kind`` names the problem for a translated message: the reader's error class
    (``NoTextLayer``, ``EncodingError`` … of :mod:`ingest.errors`) or ``TooLarge``,
    ``EmptyDocument``, ``UnsupportedFormat``."""

    def __init__(self, message: str, kind: str = "ReadError"):
        self.kind = kind
        super().__init__(message)


def refusal(problems: list[str]) -> str:
    """The one line saying why the shapes refused a document: the first problem and how many more."""
    first = problems[0] if problems else "invalid"
    more = f" (+{len(problems) - 1} more)" if len(problems) > 1 else ""
    return f"refused by the shapes: {first}{more}"


def error_kind(e: Exception) -> str:
    """The name of a problem, for a message in the reader's language."""
    return getattr(e, "kind", None) or type(e).__name__
