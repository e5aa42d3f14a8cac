"""The store test-suite, run against both backends: embedded Oxigraph and a SPARQL endpoint.

The endpoint is ``$CANCU_TEST_ENDPOINT`` (CI starts ``oxigraph serve``); when it is absent, a
fixture starts ``oxigraph serve`` from the venv on a free port, and the endpoint tests skip with
a message when the binary is not there either.
"""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import textwrap
import time
import urllib.request
from dataclasses import replace
from pathlib import Path

import pytest
from rdflib import Dataset, Literal
from rdflib.compare import isomorphic

from graph import ids
from graph.build import Lit, V, build_document, ntriples
from graph.evidence import legacy_graphs
from legacy_build import earlier_model
from graph.errors import InvalidDocument
from graph.fixtures import seed_facts, variant
from graph.store import EmbeddedStore, GraphWrite, HttpStore
from graph.vocab import CANCU, OA
from graph.writer import Writer, delete_document, write_document

AT = "2026-03-01T08:00:00+00:00"
ROOT = Path(__file__).resolve().parent.parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def endpoint(tmp_path_factory):
    """A SPARQL endpoint: $CANCU_TEST_ENDPOINT, or an `oxigraph serve` started here."""
    url = os.environ.get("CANCU_TEST_ENDPOINT")
    if url:
        yield url
        return
    binary = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which("oxigraph")
    if not binary:
        pytest.skip("no SPARQL endpoint: set CANCU_TEST_ENDPOINT=http://127.0.0.1:7878 or install the "
                    "`oxigraph` PyPI package (its server binary) in the venv")
    port = _free_port()
    loc = tmp_path_factory.mktemp("oxigraph-server")
    proc = subprocess.Popen([binary, "serve", "--location", str(loc), "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(url + "/query?query=ASK%7B%7D", timeout=0.5)
            break
        except OSError:
            time.sleep(0.1)
    else:
        proc.kill()
        pytest.skip("oxigraph serve did not start")
    yield url
    proc.terminate()
    proc.wait(5)


@pytest.fixture(params=["embedded", pytest.param("endpoint", marks=pytest.mark.endpoint)])
def store(request, tmp_path):
    if request.param == "embedded":
        s = EmbeddedStore(tmp_path / "store", mode="w")
        yield s
        s.close()
    else:
        s = HttpStore(request.getfixturevalue("endpoint"))
        s.update("DROP ALL")
        yield s
        s.update("DROP ALL")


def dataset(store) -> Dataset:
    ds = Dataset()
    ds.parse(data=store.dump("nquads").decode("utf-8"), format="nquads")
    return ds


def quads(store) -> set:
    """Every quad (no blank nodes by construction, so set equality is isomorphism)."""
    return {(q[0], q[1], q[2], q[3]) for q in dataset(store).quads((None, None, None, None))}


def same_dataset(a, b) -> bool:
    """Equal quads, and each named graph isomorphic (rdflib.compare) to its counterpart."""
    da, db = dataset(a), dataset(b)
    ga = {g.identifier: g for g in da.graphs() if len(g)}
    gb = {g.identifier: g for g in db.graphs() if len(g)}
    return ga.keys() == gb.keys() and all(isomorphic(ga[k], gb[k]) for k in ga) and quads(a) == quads(b)


def graph_of(store, g) -> set:
    return {(q[0], q[1], q[2]) for q in dataset(store).quads((None, None, None, ids.URIRef(str(g))))}


def seed_graph():
    return build_document(seed_facts(), ingested_at=AT)


def other_graph():
    return build_document(variant(seed_facts(), 7, year=2025, province="Bắc Ninh"), ingested_at=AT)


def test_write_then_read(store):
    dg = seed_graph()
    write_document(store, dg)
    assert store.graphs() == [str(dg.graph_iri)]
    assert graph_of(store, dg.graph_iri) == set(dg.graph)


def test_store_of_the_earlier_model_is_rewritten_by_the_next_writer(store):
    dg, other = seed_graph(), other_graph()
    old = earlier_model(dg)
    n_ann = sum(1 for s, p, o in dg.triples if p == str(OA.hasTarget))
    assert n_ann > 30 and len(old) == len(dg.triples) + 9 * n_ann
    store.write_graphs([GraphWrite(str(dg.graph_iri), ntriples(old), len(old))])
    write_document(store, other)  # a writer: rewrites the seed's graph first
    assert legacy_graphs(store) == []
    assert graph_of(store, dg.graph_iri) == set(dg.graph)
    assert graph_of(store, other.graph_iri) == set(other.graph)
    counts = {r["g"]: int(r["n"]) for r in store.select(
        f"SELECT ?g ?n WHERE {{ GRAPH <{ids.META_GRAPH}> {{ ?g <{CANCU.tripleCount}> ?n }} }}")}
    assert counts[str(dg.graph_iri)] == len(dg.triples)
    with Writer(store) as w:  # nothing left to rewrite
        pass
    assert w.summary.upgraded == 0


def test_reingest_is_identical(store):
    dg = seed_graph()
    write_document(store, dg)
    before = store.count()
    write_document(store, seed_graph())
    assert store.count() == before
    assert graph_of(store, dg.graph_iri) == set(dg.graph)


def test_delete_removes_only_that_document(store):
    a, b = seed_graph(), other_graph()
    write_document(store, a)
    only_a = quads(store)
    write_document(store, b)
    assert len(store.graphs()) == 2
    assert delete_document(store, str(b.document))
    assert quads(store) == only_a
    assert graph_of(store, a.graph_iri) == set(a.graph)
    assert not delete_document(store, str(b.document))


def test_delete_by_path(store):
    a = seed_graph()
    write_document(store, a)
    assert delete_document(store, "data/seed/ke-hoach-dan-van-dan-chu-2026.txt")
    assert store.graphs() == []


def test_shacl_violation_leaves_store_unchanged(store):
    write_document(store, seed_graph())
    before = quads(store)
    good = seed_graph()
    # a span whose start is after its end, and a second text of record
    ann, _, target = next(t for t in good.triples if t[1] == str(OA.hasTarget))
    triples = tuple(t for t in good.triples if t != (ann, str(OA.hasTarget), target))
    bad = replace(good, triples=triples + ((ann, str(OA.hasTarget), f"{good.document}#char=1000000,5"),
                                           (good.document, str(CANCU.sourceText), Lit("another text"))))
    with pytest.raises(InvalidDocument) as e:
        write_document(store, bad)
    assert "refused by the shapes" in str(e.value) and "\n" not in str(e.value)
    assert quads(store) == before


def test_export_import_isomorphic(store, tmp_path):
    write_document(store, seed_graph())
    write_document(store, other_graph())
    trig = store.dump("trig")
    other = EmbeddedStore(tmp_path / "copy", mode="w")
    ds = Dataset()
    ds.parse(data=trig.decode("utf-8"), format="trig")
    other.update("INSERT DATA { " + "".join(
        f"GRAPH <{g.identifier}> {{ {g.serialize(format='nt')} }} " for g in ds.graphs() if len(g)) + "}")
    assert same_dataset(other, store)
    other.close()


def test_version_changes_on_write(store):
    v0 = store.version()
    write_document(store, seed_graph())
    v1 = store.version()
    assert v1 != v0
    delete_document(store, str(seed_graph().document))
    assert store.version() != v1


# ---------------------------------------------------------------- embedded only: crashes and readers

WRITER = textwrap.dedent("""
    import sys
    from graph.build import build_document
    from graph.fixtures import seed_facts, variant
    from graph.store import EmbeddedStore
    from graph.writer import write_document
    store = EmbeddedStore(sys.argv[1], mode="w")
    base = seed_facts()
    graphs = [build_document(base, ingested_at="2026-03-01T08:00:00+00:00"),
              build_document(base, ingested_at="2026-03-02T08:00:00+00:00")]
    print("ready", flush=True)
    i = 0
    while True:
        write_document(store, graphs[i % 2], check=False)
        i += 1
        if len(sys.argv) > 2 and i >= int(sys.argv[2]):
            break
    print("done", i, flush=True)
""")


def _writer(path, n=None):
    return subprocess.Popen([sys.executable, "-c", WRITER, str(path)] + ([str(n)] if n else []),
                            cwd=ROOT, stdout=subprocess.PIPE, text=True)


def test_kill_9_leaves_previous_or_new_version(tmp_path):
    path = tmp_path / "store"
    versions = [set(build_document(seed_facts(), ingested_at=at).graph)
                for at in ("2026-03-01T08:00:00+00:00", "2026-03-02T08:00:00+00:00")]
    for delay in (0.7, 1.3):
        p = _writer(path)
        assert p.stdout.readline().strip() == "ready"
        time.sleep(delay)
        p.send_signal(signal.SIGKILL)
        p.wait()
        s = EmbeddedStore(path, mode="r")
        got = graph_of(s, seed_graph().graph_iri)
        s.close()
        assert got in versions, f"a half-written document after kill -9 ({len(got)} triples)"


def test_readers_answer_while_a_writer_ingests(tmp_path):
    from graph import queries
    path = tmp_path / "store"
    w = EmbeddedStore(path, mode="w")
    write_document(w, seed_graph())
    w.close()
    p = _writer(path, 200)  # enough writes that the reader overlaps them even on a slow machine
    assert p.stdout.readline().strip() == "ready"
    reader = EmbeddedStore(path, mode="r")
    answered = 0
    nd59 = str(ids.ID["doc/vn/59/2023/nd-cp"])
    while p.poll() is None:
        reader.refresh()
        assert len(queries.requirements_of(reader, nd59)) == 3  # every answer whole, never half a write
        answered += 1
    assert p.returncode == 0
    assert answered >= 1  # the reader answered while the writer was writing (how often depends on the machine)
    reader.close()


def test_quotes_are_the_python_slices_of_the_text(store):
    """A span counts code points, as Python does: characters outside the BMP, combining marks and
    line breaks before it do not shift it (graph.evidence.quotes cuts it in the store)."""
    from graph.evidence import quotes
    doc = "https://cancu.vn/id/doc/test/quotes"
    text = "𝔸𝔹 Nghi\u0323 đi\u0323nh\r\nsố 59/2023/NĐ-CP 🙂 của Chính phủ"
    spans = [(text.index("số"), text.index("số") + len("số 59/2023/NĐ-CP")), (0, 2), (3, 9),
             (len(text) - 9, len(text)), (5, len(text) + 1)]
    triples = [(doc, str(CANCU.sourceText), Lit(text))]
    store.write_graphs([GraphWrite("https://cancu.vn/graph/test/quotes", ntriples(triples), 1)])
    got = quotes(store, [f"{doc}#char={s},{e}" for s, e in spans])
    want = {f"{doc}#char={s},{e}": (doc, s, e, text[s:e]) for s, e in spans if e <= len(text)}
    assert got == want and len(want) == 4
