"""The facade's exploration, matrix and upload methods on a real embedded store (the seed plan uploaded)."""
from __future__ import annotations

from pathlib import Path

import pytest

from graph import api

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "seed" / "ke-hoach-dan-van-dan-chu-2026.txt"
ND59 = "https://cancu.vn/id/doc/vn/59/2023/nd-cp"


@pytest.fixture(scope="module")
def kg(tmp_path_factory):
    g = api.open_graph(str(tmp_path_factory.mktemp("kg") / "store"))
    yield g
    g.close()


@pytest.fixture(scope="module")
def doc(kg):
    data = SEED.read_bytes()
    pre = kg.preview_upload(SEED.name, data)
    assert pre.ok and pre.tasks > 10 and pre.triples > 100 and not pre.replaces
    assert kg.overview().documents == 0                      # a preview writes nothing
    res = kg.ingest_upload(SEED.name, data)
    assert res.ok and res.document and not res.replaced
    return res.document


def test_upload_refusals_and_replacement(kg, doc):
    assert not kg.preview_upload("x.exe", b"MZ").ok
    assert not kg.ingest_upload("empty.txt", b"").ok
    v = kg.version()
    again = kg.ingest_upload(SEED.name, SEED.read_bytes())
    assert again.ok and again.replaced and kg.version() != v
    assert kg.overview().documents == 1                      # replaced, not duplicated
    schemes = int(kg.sparql("SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://cancu.vn/graph/schemes> { ?s ?p ?o } }").rows[0][0])
    assert kg.overview().triples == again.triples + schemes  # from the sizes kept in the meta graph


def test_search_ego_expand_path_node(kg, doc):
    hits = kg.search_nodes("59/2023")
    assert hits and hits[0].id == ND59 and hits[0].type == "CitedDocument"
    assert kg.search_nodes("trung tam thong tin", types=["Unit"])[0].type == "Unit"
    task = kg.search_nodes("ii.2.1")                         # a task by its item number
    assert [t.id.rsplit("/", 1)[-1] for t in task] == ["ii.2.1"] and task[0].type == "Task"
    assert kg.search_nodes("ii.2.1", types=["Unit"]) == []
    assert doc in [h.id for h in kg.search_nodes("dan van dan chu", types=["Document"])]   # by its title
    sub = kg.ego(doc, hops=1, max_nodes=10)
    assert doc in {n.id for n in sub.nodes} and len(sub.nodes) <= 10 and sub.truncated
    more = kg.expand(ND59, exclude=[doc], max_nodes=5)
    assert ND59 in {n.id for n in more.nodes} and doc not in {n.id for n in more.nodes}
    p = kg.path(doc, ND59)
    assert p and {doc, ND59} <= {n.id for n in p.nodes}
    det = kg.node(ND59)
    assert det.node.id == ND59 and det.incoming and det.centrality > 0
    lg = kg.legend()
    assert ("Unit", "Đơn vị") in lg.node_types
    with pytest.raises(api.GraphError):
        kg.node("https://cancu.vn/id/nothing")


def test_matrix_requirements_worklist(kg, doc):
    m = kg.matrix(max_directives=5)
    assert m.directives and len(m.cells) == len(m.directives) and all(len(r) == len(m.tasks) for r in m.cells)
    row = next(i for i, d in enumerate(m.directives) if d.id == ND59)
    assert sum(m.cells[row]) == m.directives[row].count == len(kg.requirements(ND59))
    assert all(t.source and t.source.start < t.source.end for t in kg.requirements(ND59))
    wl = kg.worklist("Trung tâm Thông tin")
    assert wl.unit_id and wl.lead
    assert kg.export_tasks(wl.lead, "csv").startswith("\ufeff".encode())


def test_delete(kg, doc):
    assert kg.delete_document(doc)
    assert kg.overview().documents == 0 and kg.search_nodes("59/2023") == []


def test_uploaded_originals_are_kept_beside_the_store(kg, doc):
    assert kg.ingest_upload(SEED.name, SEED.read_bytes()).ok     # (test_delete removed it)
    rec = kg.document(doc)
    kept = Path(rec.path)
    assert kept.is_file() and kept.parent == Path(kg.location).resolve().parent / "uploads"
    assert kept.read_bytes() == SEED.read_bytes()          # the quoted offsets index this file's text
