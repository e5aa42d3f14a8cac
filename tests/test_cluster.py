"""`cancu ingest --scheduler`: the per-document work on a Dask cluster (a LocalCluster of 2 worker
processes here) writes the same quads as a local ingest, over the dev corpus."""
from __future__ import annotations

import pytest

from graph.parallel import prepare_local, prepare_on_cluster
from graph.store import EmbeddedStore
from graph.writer import Writer
from test_writer import cli, dev_files, normalised

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  silence_logs=40) as c:
        yield c


@pytest.mark.shared
def test_cluster_ingest_writes_the_quads_of_a_local_ingest(cluster, tmp_path):
    files = dev_files()
    remote = tmp_path / "remote"
    p = cli("ingest", *files, "--store", remote, "--scheduler", cluster.scheduler_address)
    assert p.returncode == 0, p.stderr[-800:]
    assert f"ingested {len(files)} of {len(files)} documents" in p.stderr
    local = tmp_path / "local"
    assert cli("ingest", *files, "--store", local, "-j", "1", "-q").returncode == 0
    a, b = EmbeddedStore(remote), EmbeddedStore(local)
    assert normalised(a) == normalised(b)
    assert len(a.graphs()) >= 40


@pytest.mark.shared
def test_cluster_results_come_in_path_order_with_the_local_paths(cluster, tmp_path):
    files = [str(f) for f in dev_files(6)] + [str(tmp_path / "missing.txt")]
    remote = list(prepare_on_cluster(files, cluster.scheduler_address, window=3))
    local = list(prepare_local(files))
    assert [d.path for d in remote] == [d.path for d in local] == files
    assert [d.ok for d in remote] == [d.ok for d in local] == [True] * 6 + [False]
    assert [d.graph for d in remote] == [d.graph for d in local]
    assert [d.key for d in remote] == [d.key for d in local]
    s = EmbeddedStore(tmp_path / "s", mode="w")
    with Writer(s) as w:
        for d in remote[:6]:
            w.add(d)
    paths = {r["p"] for r in s.select("SELECT ?p WHERE { ?d <https://cancu.vn/def#sourcePath> ?p }")}
    assert paths == set(files[:6])  # the facts keep the path they were ingested from, not a worker's copy
    s.close()
