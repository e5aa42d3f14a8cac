"""Where documents are prepared (read → extract → build → check): in this process, in N worker
processes on this machine, or on a Dask cluster; the results come back in path order to the one
writer (:class:`graph.writer.Writer`).

Memory stays bounded whatever the number of files: at most ``window`` documents are in flight
(submitted and not yet written), by default 32 per worker: enough that the workers keep going
while the writer loads a batch (a gazette text's N-Triples are under a megabyte on average; with
eight per worker, the 401 gazette texts took 19 s at ``-j 2`` instead of 16–17 s, the workers
waiting on the writer). Worker processes die with their
parent (``PR_SET_PDEATHSIG`` on Linux, and a watch on the parent's pid everywhere), so a killed
``cancu ingest`` leaves none behind.

A Dask cluster (``cancu ingest --scheduler tcp://host:8786``; the ``distributed`` package) does the
same per-document work on its workers. The file's bytes are read here and shipped with the task,
so workers need the project installed but not the files; a document's facts keep the path it was
ingested from. The results, hence the quads written, are those of a local ingest.
"""
from __future__ import annotations

import os
import signal
import tempfile
import threading
import time
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path

from ingest.errors import IngestError
from ingest.pipeline import extract_file

from .writer import Prepared, prepare, prepare_facts, source_key

__all__ = ["prepare_all", "prepare_local", "prepare_on_cluster", "prepare_bytes"]


def _die_with_parent(parent: int) -> None:
    """Worker initializer: end this process when the parent ends (even by ``kill -9``)."""
    try:
        import ctypes
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:  # the parent died before the signal was asked for
        os._exit(1)

    def watch() -> None:
        while True:
            time.sleep(1.0)
            if os.getppid() != parent:
                os._exit(1)
    threading.Thread(target=watch, name="cancu-parent-watch", daemon=True).start()


def _in_order(submit, paths, window: int):
    """Submit ``window`` documents ahead, yield their results in path order."""
    it = iter(paths)
    futures = deque()
    for p in it:
        futures.append(submit(p))
        if len(futures) >= window:
            break
    while futures:
        doc = futures.popleft().result()
        nxt = next(it, None)
        if nxt is not None:
            futures.append(submit(nxt))
        yield doc


def prepare_local(paths, *, jobs: int = 1, window: int | None = None):
    """Prepared documents in path order, made by ``jobs`` worker processes (1: in this process)."""
    paths = [str(p) for p in paths]
    if jobs <= 1 or len(paths) <= 1:
        for p in paths:
            yield prepare(p)
        return
    pool = ProcessPoolExecutor(max_workers=min(jobs, len(paths)), initializer=_die_with_parent,
                               initargs=(os.getpid(),))
    try:
        yield from _in_order(lambda p: pool.submit(prepare, p), paths, window or 32 * jobs)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def prepare_bytes(path: str, data: bytes, key: str | None = None) -> Prepared:
    """Prepare a file from its bytes (on a cluster worker that cannot see the file): the facts keep
    ``path`` as where the document came from."""
    with tempfile.TemporaryDirectory(prefix="cancu-") as d:
        tmp = Path(d) / Path(path).name
        tmp.write_bytes(data)
        try:
            facts = extract_file(tmp)
        except IngestError as e:
            return Prepared(path, error=e.problem, error_kind=type(e).__name__)
        except Exception as e:  # noqa: BLE001 - one bad document must not stop a folder
            return Prepared(path, error=f"{type(e).__name__}: {e}", error_kind=type(e).__name__)
    facts = replace(facts, source=replace(facts.source, path=path))
    return prepare_facts(facts, key=key or path)


def _read_task(path: str):
    """(path, bytes, key) to ship, or a Prepared error when the file cannot be read here."""
    try:
        return path, Path(path).read_bytes(), source_key(path)
    except OSError as e:
        return Prepared(path, error=f"cannot read file ({e.strerror or type(e).__name__})", error_kind="ReadError")


def prepare_on_cluster(paths, scheduler, *, window: int | None = None):
    """Prepared documents in path order, made by the workers of a Dask cluster (``scheduler``: its
    address, ``tcp://host:8786``, or a ``distributed`` cluster object)."""
    # imported here: distributed is only needed for a cluster
    from distributed import Client
    client = Client(scheduler)
    try:
        n = max(1, len(client.scheduler_info().get("workers", {})))

        def submit(p):
            task = _read_task(p)
            if isinstance(task, Prepared):
                return _Ready(task)
            return client.submit(prepare_bytes, *task, pure=False)
        yield from _in_order(submit, [str(p) for p in paths], window or 4 * n)
    finally:
        client.close()


class _Ready:
    """A result already known (a file this machine could not read), shaped like a future."""

    def __init__(self, value):
        self.value = value

    def result(self):
        return self.value


def prepare_all(paths, *, jobs: int = 1, scheduler=None, window: int | None = None):
    """Prepared documents in path order: on a Dask cluster when ``scheduler`` is given, else in
    ``jobs`` local worker processes."""
    if scheduler:
        yield from prepare_on_cluster(paths, scheduler, window=window)
    else:
        yield from prepare_local(paths, jobs=jobs, window=window)
