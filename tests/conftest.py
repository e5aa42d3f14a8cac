"""Shared test helpers. Keep additive: other test modules add their fixtures here."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest


def shared_dir() -> Path | None:
    """``../shared`` next to the repository (real documents), or None when it is absent."""
    p = Path(__file__).resolve().parent.parent.parent / "shared"
    return p if p.is_dir() else None


@pytest.fixture
def SHARED() -> Path:
    """The shared folder; skips the test with a clear reason when it is absent."""
    p = shared_dir()
    if p is None:
        pytest.skip("../shared is absent: real documents are not available here")
    return p


@pytest.fixture
def scorer(SHARED):
    """The scorer's module (../shared/eval/score.py): its own id and name matching."""
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod
