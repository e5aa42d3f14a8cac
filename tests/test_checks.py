"""The shapes compiled to Python checks (graph/checks.py) agree with pySHACL: both accept the seed and
every dev document, and on corrupted graphs both find the same violations (focus node, path)."""
from __future__ import annotations

from dataclasses import replace

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import SH

from conftest import shared_dir
from graph.build import Lit, V, build_document
from graph.checks import check, compile_shapes, enforce
from graph.fixtures import seed_facts
from graph.writer import _shapes_graph
from ingest.pipeline import extract_file

AT = "2026-03-01T08:00:00+00:00"


def shacl_pairs(triples) -> set[tuple[str, str | None]]:
    """pySHACL's violations as (focus, path)."""
    import pyshacl
    from graph.build import ntriples
    g = Graph().parse(data=ntriples(triples), format="nt")
    conforms, report, _ = pyshacl.validate(g, shacl_graph=_shapes_graph(), inference="none", advanced=False,
                                           allow_warnings=True)
    out = set()
    for r in report.subjects(SH.focusNode, None):
        p = report.value(r, SH.resultPath)
        out.add((str(report.value(r, SH.focusNode)), str(p) if p is not None else None))
    assert conforms == (not out)
    return out


def fast_pairs(triples, spans: bool = False) -> set[tuple[str, str | None]]:
    """The compiled shapes' violations as (focus, path); with ``spans`` also the span check, which
    pySHACL cannot make."""
    return {(v.focus, v.path) for v in check(triples, spans=spans)}


@pytest.fixture(scope="module")
def seed():
    return build_document(seed_facts(), ingested_at=AT)


def test_shapes_compile_every_constraint():
    shapes = compile_shapes()
    assert {s.target.rsplit("#", 1)[-1] for s in shapes} >= {"SourceDocument", "Work", "Task", "Organization",
                                                               "Annotation"}


def test_unknown_constraint_fails_loudly(tmp_path):
    ttl = tmp_path / "s.ttl"
    ttl.write_text("@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <urn:ex:> .\n"
                   "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ex:p ; sh:uniqueLang true ] .\n")
    with pytest.raises(ValueError, match="not supported"):
        compile_shapes(str(ttl))


def test_seed_conforms_in_both(seed):
    assert fast_pairs(seed.triples, spans=True) == shacl_pairs(seed.triples) == set()


@pytest.mark.shared
def test_dev_corpus_conforms_in_both(SHARED):
    files = sorted((SHARED / "corpus" / "dev").glob("*.txt"))
    assert files
    for f in files:
        dg = build_document(extract_file(f), ingested_at=AT)
        assert fast_pairs(dg.triples, spans=True) == shacl_pairs(dg.triples) == set(), f.name


def _first(triples, p):
    return next(t for t in triples if t[1] == p)


def _without(triples, *drop):
    drop = set(drop)
    return tuple(t for t in triples if t not in drop)


def corruptions(dg):
    """(name, corrupted triples): one broken rule of each kind the shapes have."""
    t = dg.triples
    doc = dg.document
    cited = next(s for s, p, o in t if p == V.eli_id_local and s != doc)
    task = next(s for s, p, o in t if p == V.cancu_itemNumber)
    unit = next(s for s, p, o in t if p == V.rdf_type and o == V.org_Organization)
    ann_body = _first(t, V.oa_hasBody)
    ann, _, target = ann_target = _first(t, V.oa_hasTarget)
    n = len(next(o for s, p, o in t if p == V.cancu_sourceText).value)
    retarget = lambda o: _without(t, ann_target) + ((ann, V.oa_hasTarget, o),)  # noqa: E731
    kind = next(x for x in t if x[1] == V.cancu_itemKind)
    stray = "https://cancu.vn/id/doc/nowhere"
    yield "two symbols", t + ((cited, V.eli_id_local, Lit("9/QĐ-X")),)
    yield "symbol with a space", t + ((stray, V.rdf_type, V.eli_Work), (stray, V.eli_id_local, Lit("9 / QĐ")))
    yield "impossible date", t + ((cited, V.eli_date_document, Lit("2025-02-31", V.xsd_date)),)
    yield "a year as date", t + ((stray, V.rdf_type, V.eli_Work), (stray, V.eli_date_document, Lit("2025", V.xsd_gYear)))
    yield "two dates", t + ((doc, V.eli_date_document, Lit("2025-01-01", V.xsd_date)),
                            (doc, V.eli_date_document, Lit("2025-01-02", V.xsd_date)))
    yield "unknown item kind", _without(t, kind) + ((kind[0], kind[1], Lit("wish")),)
    yield "task without number", tuple(x for x in t if not (x[0] == task and x[1] == V.cancu_itemNumber))
    yield "lead is not a unit", t + ((task, V.cancu_leadUnit, stray),)
    yield "derives from an untyped node", t + ((task, V.cancu_derivesFrom, stray),)
    yield "part of a literal", t + ((task, V.eli_is_part_of, Lit("II")),)
    yield "unit without a name", tuple(x for x in t if not (x[0] == unit and x[1] == V.skos_prefLabel))
    yield "unit with an empty name", t + ((stray + "u", V.rdf_type, V.org_Organization),
                                          (stray + "u", V.skos_prefLabel, Lit("", lang="vi")))
    yield "start after end", retarget(f"{doc}#char=999999,5")
    yield "negative start", retarget(f"{doc}#char=-1,5")
    yield "target as text", retarget(Lit(target))
    yield "target without a span", retarget(doc)
    yield "empty span", retarget(f"{doc}#char=5,5")
    yield "span past the text", retarget(f"{doc}#char=0,{n + 1}")
    yield "span of another document", retarget(f"{stray}#char=0,5")
    yield "annotation without body", _without(t, ann_body)
    yield "annotation without target", _without(t, ann_target)
    yield "two targets", t + ((ann, V.oa_hasTarget, f"{doc}#char=0,5"),)
    yield "second text of record", t + ((doc, V.cancu_sourceText, Lit("another text")),)
    yield "bad sha256", _without(t, _first(t, V.cancu_sha256)) + ((doc, V.cancu_sha256, Lit("xyz")),)
    yield "time as text", _without(t, _first(t, V.prov_generatedAtTime)) + (
        (doc, V.prov_generatedAtTime, Lit("yesterday", V.xsd_dateTime)),)
    yield "passed by a literal", t + ((cited, V.eli_passed_by, Lit("Bộ Nội vụ")),)
    yield "type not a concept", t + ((cited, V.eli_type_document, stray),)
    yield "source document not a work", tuple(x for x in t if not (x[0] == doc and x[2] == V.eli_Work))


# corrupted spans that only the span check sees (SHACL Core cannot compare a span with the text)
SPAN_ONLY = {"start after end", "empty span", "span past the text", "span of another document"}
N_CORRUPTIONS = 28


def test_corruptions_listed(seed):
    names = [name for name, _ in corruptions(seed)]
    assert len(names) == len(set(names)) == N_CORRUPTIONS and SPAN_ONLY <= set(names)


@pytest.mark.parametrize("k", range(N_CORRUPTIONS))
def test_corruptions_same_violations_as_pyshacl(seed, k):
    name, triples = list(corruptions(seed))[k]
    fast = fast_pairs(triples, spans=True)
    assert fast, f"{name}: not caught"
    shapes_only = fast_pairs(triples)
    assert shapes_only == shacl_pairs(triples), name
    if name in SPAN_ONLY:
        ann = _first(seed.triples, V.oa_hasTarget)[0]  # the annotation corruptions() retargets
        assert shapes_only == set() and fast == {(ann, V.oa_hasTarget)}, name
    else:
        assert fast == shapes_only, name


@pytest.mark.parametrize("k", range(N_CORRUPTIONS))
def test_enforce_leaves_a_graph_that_conforms(seed, k):
    name, triples = list(corruptions(seed))[k]
    kept, issues, fatal = enforce(triples)
    source_level = name in ("second text of record", "bad sha256", "time as text", "source document not a work")
    assert bool(fatal) == source_level, name
    if not fatal:
        assert issues and check(kept) == [] and shacl_pairs(kept) == set(), name
        assert len(kept) >= len(seed.triples) - 40, name  # the flaw went, not the document


def test_replace_keeps_the_dataclass_frozen(seed):
    # the graph property is made on demand and cached on the instance
    g = seed.graph
    assert len(g) == len(seed) and seed.graph is g
    assert len(replace(seed, triples=seed.triples[:10])) == 10
    assert URIRef(seed.document) in set(g.subjects())
