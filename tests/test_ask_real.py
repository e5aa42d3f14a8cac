"""Rules of the question layer on real dev documents through the real extractor: each case is one
rule (which items are work, how topic words are read, which units a collective means), checked on a
store holding that document alone, as the scorer asks it."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from graph.ask import _within_phrases, ask, understand
from graph.index import store_index
from graph.store import EmbeddedStore
from tests.conftest import shared_dir

ROOT = Path(__file__).resolve().parent.parent
DOCS = {"81": "t25_81-2025-qd-ubnd_32bf80.txt"}

pytestmark = pytest.mark.shared


def _store(tmp_path_factory, key: str) -> EmbeddedStore:
    shared = shared_dir()
    if shared is None:
        pytest.skip("../shared is absent: real documents are not available here")
    doc = shared / "corpus" / "dev" / DOCS[key]
    path = tmp_path_factory.mktemp(f"doc{key}") / "store"
    p = subprocess.run([sys.executable, "-m", "cancu.cli", "ingest", str(doc), "--store", str(path), "-q"],
                       cwd=ROOT, capture_output=True, text=True, timeout=180)
    assert p.returncode == 0, p.stderr
    return EmbeddedStore(path, mode="r")


@pytest.fixture(scope="module")
def qd81(tmp_path_factory):
    return _store(tmp_path_factory, "81")


def ids(a):
    return [t.number for t in a.tasks]


def test_a_funding_item_naming_a_lead_is_work(qd81):
    # Điều 9.1 (funding): "… Liên hiệp các hội … lập dự toán kinh phí, gửi Sở Tài chính tổng hợp …"
    assert "Điều 9.1" in ids(ask(qd81, "Liên hiệp các hội Khoa học và Kỹ thuật tỉnh phải làm gì?"))
    # a funding item naming no lead stays out (Điều 9.2, 9.3: how costs are paid)
    idle = {t.rsplit("/", 1)[-1] for t in store_index(qd81).nontask}
    assert {"dieu-9.2", "dieu-9.3"} <= idle and "dieu-9.1" not in idle


def test_topic_pairs_are_not_read_across_punctuation(qd81):
    u = understand(qd81, "Ai lập dự toán kinh phí tư vấn, phản biện và giám định xã hội, gửi cho ai?")
    assert ["hoi gui"] not in u.groups and ["van phan"] not in u.groups
    assert ids(ask(qd81, "Ai lập dự toán kinh phí tư vấn, phản biện và giám định xã hội, gửi cho ai?")) == ["Điều 9.1"]


def test_within_phrases_keeps_pairs_written_together():
    assert _within_phrases("theo dõi, đôn đốc", [["theo doi"], ["doi don"], ["don doc"]]) == [["theo doi"], ["don doc"]]
    assert _within_phrases("theo dõi đôn đốc", [["doi don"]]) == [["doi don"]]


def test_vietnamese_in_parentheses_translates_the_english_before_it(qd81):
    # "social review (phản biện)" is one concept, and "drafting agency" is "cơ quan chủ trì soạn thảo"
    q = "What must a drafting agency do when its plan or project goes to social review (phản biện)?"
    u = understand(qd81, q)
    assert len(u.groups) == 2
    got = ids(ask(qd81, q))
    assert {"Điều 8.2", "Điều 8.4"} <= set(got)
