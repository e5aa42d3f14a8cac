"""The builder makes its triples straight from the facts; the rdflib builder it replaced
(tests/legacy_build.py, kept only here) is the reference: the same triples on the seed and on
every dev document, and the N-Triples it writes parse back to them."""
from __future__ import annotations

import pytest
from rdflib import Graph

import legacy_build
from conftest import shared_dir
from graph.build import build_document, ntriples
from graph.fixtures import seed_facts
from ingest.pipeline import extract_file

AT = "2026-03-01T08:00:00+00:00"


def _dev_files():
    d = shared_dir()
    return sorted((d / "corpus" / "dev").glob("*.txt")) if d else []


def _same(facts) -> None:
    new = build_document(facts, ingested_at=AT)
    old = legacy_build.build_document(facts, ingested_at=AT)
    assert not new.warnings
    parsed = Graph().parse(data=new.ntriples(), format="nt")
    assert len(parsed) == len(new) == len(old.graph)
    assert set(parsed) == set(old.graph)
    # N-Quads carry the same triples in the document's named graph
    assert new.nquads().count(f" <{new.graph_iri}> .\n") == len(new)
    assert new.document == str(old.document) and new.graph_iri == str(old.graph_iri)


def test_seed_same_triples_as_the_rdflib_builder():
    _same(seed_facts())


@pytest.mark.shared
@pytest.mark.parametrize("path", _dev_files(), ids=lambda p: p.name[:40])
def test_dev_document_same_triples_as_the_rdflib_builder(path):
    _same(extract_file(path))


def test_dev_corpus_is_there_or_skipped(SHARED):
    assert len(_dev_files()) >= 40


def test_ntriples_escapes_what_the_syntax_needs():
    from graph.build import Lit
    tricky = 'a "quote", a \\ backslash,\nlines\r\n, a tab\t, a form feed\f, a NUL\x00 and Đ'
    nt = ntriples([("https://cancu.vn/id/x", "https://cancu.vn/def#p", Lit(tricky, lang="vi"))])
    g = Graph().parse(data=nt, format="nt")
    assert str(next(iter(g))[2]) == tricky
    import pyoxigraph as ox
    [t] = list(ox.parse(nt, format=ox.RdfFormat.N_TRIPLES))
    assert t.object.value == tricky
