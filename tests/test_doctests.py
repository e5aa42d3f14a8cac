"""The Examples in the ingest modules' docstrings run as tests."""
from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["ingest.clean", "ingest.citations", "ingest.structure", "ingest.units", "ingest.assignments",
           "ingest.header"]


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name):
    mod = importlib.import_module(name)
    result = doctest.testmod(mod, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0, f"{name} has no examples"
    assert result.failed == 0
