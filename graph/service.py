"""Implementation of :class:`graph.api.KnowledgeGraph` (filled in progressively)."""
from __future__ import annotations

from .api import KnowledgeGraph


class KnowledgeGraphImpl(KnowledgeGraph):
    def __init__(self, location: str | None, *, read_only: bool = False):
        self.location = location or "data/store"
        self.read_only = read_only
