"""Run the doctests of graph/ (the queries are documented by examples on the seed plan's facts)."""
from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["graph.ids", "graph.store", "graph.queries", "graph.ask", "graph.view", "graph.index", "graph.neighbourhood"]


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name):
    mod = importlib.import_module(name)
    result = doctest.testmod(mod, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0, f"{result.failed} doctest(s) failed in {name}"
    assert result.attempted > 0
