"""The SPARQL console's example queries (graph.sparql) run on the seed store and return rows."""
from __future__ import annotations

import pytest

from graph.api import KnowledgeGraph
from graph.fixtures import seed_store
from graph.sparql import SPARQL_EXAMPLES, run_sparql
from graph.store import is_update


@pytest.mark.parametrize("vi,en,query", SPARQL_EXAMPLES, ids=[e[1][:40] for e in SPARQL_EXAMPLES])
def test_example_runs_on_the_seed(vi, en, query):
    assert vi and en and not is_update(query)
    res = run_sparql(seed_store(), query)
    assert res.rows and res.columns and not res.truncated


def test_facade_offers_them():
    kg = KnowledgeGraph.__new__(KnowledgeGraph)
    assert 5 <= len(kg.sparql_examples()) <= 8
    assert all(len(x) == 3 for x in kg.sparql_examples())


def test_basis_chain_reaches_the_law_through_the_decree():
    rows = run_sparql(seed_store(), SPARQL_EXAMPLES[3][2]).rows
    assert any(b.endswith("/10/2022/qh15") and v.endswith("/59/2023/nd-cp") for _, b, v in rows)
