"""Extraction costs work linear in the size of a document (issue 9, item 4).

Speed is measured in ``bench/linearity.py``; these tests assert on growth instead, in two ways:

- **Work counted, deterministic.** A tracer counts the lines of ``ingest`` code executed while a
  document is extracted, once with k copies of a text and once with 4k copies. Linear work grows
  4×; a loop over pairs of citations, items or units grows 16× (the pair loop of
  ``relations_of`` and the partial-reference loop made it 5–7× at these sizes). The count does not
  depend on the machine, so the bound can be tight (4.4×).
- **Regular-expression backtracking**, which no tracer sees (it runs inside ``re``): a run of
  spaces after a symbol or after "Luật" cost time quadratic in its length. There the test compares
  CPU time of the seed with runs of n and of 4n spaces appended; linear costs ~1×, quadratic
  ≥ 10× at these sizes; the bound (4×, best of three) is generous enough for a noisy 2-core machine.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

import ingest
from ingest import extract_text
from tests.conftest import shared_dir

ROOT = Path(__file__).resolve().parent.parent
SEED = (ROOT / "data" / "seed" / "ke-hoach-dan-van-dan-chu-2026.txt").read_text(encoding="utf-8")
PACKAGE = str(Path(ingest.__file__).parent)

# citations nested in each other's subjects, partial references to them, laws by name, self references
DENSE = "".join(
    f"{i}. Căn cứ Nghị định số {i}/2023/NĐ-CP ngày 14/8/2023 của Chính phủ quy định chi tiết thi hành "
    f"Luật Thực hiện dân chủ ở cơ sở và hướng dẫn Quyết định số {i + 7}/QĐ-TTg ngày 2/3/2024 của Thủ tướng "
    f"Chính phủ về việc thực hiện Nghị quyết số {i + 3}-NQ/TW; Nghị định {i}/2023 và Nghị quyết {i + 3} "
    f"giao Sở Nội vụ chủ trì, phối hợp với Sở Tài chính thực hiện Kế hoạch này.\n"
    for i in range(1, 41))


def lines_executed(text: str) -> int:
    """Lines of ``ingest`` code run while extracting ``text`` (calls into other code not counted)."""
    count = 0

    def local(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return local

    def calls(frame, event, arg):
        if frame.f_code.co_filename.startswith(PACKAGE):
            return local
        return None

    extract_text(text[:10])  # load catalogue and patterns outside the count
    old = sys.gettrace()
    sys.settrace(calls)
    try:
        extract_text(text)
    finally:
        sys.settrace(old)
    return count


def copies(text: str, k: int) -> str:
    return (text.rstrip("\n") + "\n\n") * k


# deadlines of every kind, many to a document (their overlap check was a pair loop)
DEADLINES = "".join(f"{i}. Sở Nội vụ hoàn thành trước ngày 15/12/2026, báo cáo trong Quý IV/2025, hằng năm "
                    f"tổng kết; thực hiện đến năm 2030 và thường xuyên kiểm tra trong tháng 11/2025.\n"
                    for i in range(1, 61))

SHAPES = {
    "seed": (SEED, 8),
    "deadlines": (DEADLINES, 4),
    "dense citations": (DENSE, 4),
    "laws by name without a stop": ("Luật " * 400, 4),
    "one long line": (SEED.replace("\n", " "), 4),
    "CR line endings": (SEED.replace("\n", "\r"), 4),
}
_shared = shared_dir()
if _shared is not None:
    for name in ("bulk/txt/nghi-quyet-so-141-nq-cp-469678.txt", "dev/046_ct-17-cttu-yenbai-2018-du-luan-xa-hoi.txt",
                 "dev/049_qd-119-qdubnd-bacgiang-2009-bo-sung-tthc.txt"):
        p = _shared / "corpus" / name
        if p.exists():
            SHAPES[p.name] = (p.read_text(encoding="utf-8"), 8)


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_work_grows_linearly_with_copies(shape):
    text, k = SHAPES[shape]
    small, large = lines_executed(copies(text, k)), lines_executed(copies(text, 4 * k))
    assert small > 1000, small  # the count is doing its job
    ratio = large / small
    assert ratio <= 4.4, f"{shape}: {large} lines for 4× the text against {small} (×{ratio:.2f}; linear is ×4)"


def test_the_counter_catches_a_pair_loop():
    """The measure itself: a quadratic loop in the package is seen (×16 on 4× the input)."""
    from ingest import citations

    def quadratic(cits, text):
        n = 0
        for a in cits:
            for b in cits:
                n += a is b
        return []

    real = citations.relations_of
    import ingest.pipeline as pipeline
    pipeline.relations_of = quadratic
    try:
        quadratic.__code__ = quadratic.__code__.replace(co_filename=citations.__file__)
        small, large = lines_executed(copies(DENSE, 4)), lines_executed(copies(DENSE, 16))
    finally:
        pipeline.relations_of = real
    assert large / small > 6


def _cpu(text: str) -> float:
    best = float("inf")
    for _ in range(3):
        t0 = time.process_time()
        extract_text(text)
        best = min(best, time.process_time() - t0)
    return best


@pytest.mark.parametrize("after", ["Quyết định số 12/QĐ-UBND", "Luật", "Căn cứ Luật\t"])
def test_a_run_of_spaces_costs_linear_time(after):
    extract_text(SEED)  # warm up

    def doc(n: int) -> str:
        return SEED + "\n" + after + " " * n + "x\n" + after + "\t" * n + "y\n"

    small, large = _cpu(doc(4000)), _cpu(doc(16000))
    assert large <= 4 * small + 0.05, f"{after!r} + spaces: {large:.3f} s for 4× the spaces against {small:.3f} s"
