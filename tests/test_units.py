"""Unit names: the fast candidate scan finds exactly what a full regex pass finds; merging."""
from __future__ import annotations

from pathlib import Path

import pytest

from ingest.clean import clean
from ingest.units import GRAMMAR, _find_units_slow, find_units, merge_units, unit_key

SEED = Path(__file__).resolve().parent.parent / "data" / "seed" / "ke-hoach-dan-van-dan-chu-2026.txt"


def _texts(shared):
    yield SEED.read_text(encoding="utf-8")
    if shared is not None:
        for p in sorted((shared / "corpus" / "dev").glob("*.txt")):
            yield p.read_text(encoding="utf-8")


def test_fast_scan_equals_full_pass():
    from tests.conftest import shared_dir
    for raw in _texts(shared_dir()):
        t = clean(raw).text
        assert [(m.name, m.start, m.end) for m in find_units(t)] == [(m.name, m.start, m.end) for m in _find_units_slow(t)]


@pytest.mark.parametrize("text,names", [
    ("Giao Trung tâm Thông tin tăng cường tin, bài", ["Trung tâm Thông tin"]),
    ("Bộ Y tế, Bộ Văn hóa, Thể thao và Du lịch phối hợp", ["Bộ Y tế", "Bộ Văn hóa, Thể thao và Du lịch"]),
    ("của Ban \n\nThường vụ Tỉnh ủy về", ["Ban Thường vụ Tỉnh ủy"]),
    ("Ủy ban nhân \ndân cấp tỉnh ở \nđịa phương", ["Ủy ban nhân dân cấp tỉnh ở địa phương"]),
    ("Sở Công Thương đang trình", ["Sở Công Thương"]),
    ("bộ phận một cửa và ban hành quy chế", []),
    # a verb or an adverb after a name is no word of it (a 2025 fund's charter)
    ("Quỹ Bảo vệ môi trường tài trợ và Hội đồng Quản lý Quỹ yêu cầu", ["Quỹ Bảo vệ môi trường", "Hội đồng Quản lý Quỹ"]),
    ("Hội đồng Quản lý Quỹ thành lập Ban Quản lý dự án", ["Hội đồng Quản lý Quỹ", "Ban Quản lý dự án"]),
    ("thông báo đến Chi nhánh Văn phòng đăng ký đất đai biết", ["Chi nhánh Văn phòng đăng ký đất đai"]),
    # the People's Committees of several places named by one head (2530/QĐ-TTg, a 2026 decree)
    ("UBND thành phố Hà Nội, Thành phố Hồ Chí Minh và UBND các tỉnh, thành phố khác",
     ["Ủy ban nhân dân thành phố Hà Nội", "Ủy ban nhân dân thành phố Hồ Chí Minh", "Ủy ban nhân dân các tỉnh, thành phố"]),
    ("Ủy ban nhân dân Thành phố Hà Nội, Thành phố \nĐà Nẵng xem xét",
     ["Ủy ban nhân dân Thành phố Hà Nội", "Ủy ban nhân dân thành phố Đà Nẵng"]),
])
def test_names(text, names):
    assert [m.name for m in find_units(clean(text).text)] == names


def test_abbreviations_merge():
    t = "Giao Phòng Tổ chức - Hành chính - Quản trị tham mưu; UBND tỉnh và Ủy ban nhân dân tỉnh.\nLưu: VT, TCHCQT."
    merged = merge_units(find_units(t), t)
    names = {n: al for n, al, _ in merged}
    assert "TCHCQT" in names["Phòng Tổ chức - Hành chính - Quản trị"]
    assert unit_key("UBND tỉnh") == unit_key("Ủy ban nhân dân tỉnh") == unit_key("Uỷ ban nhân dân tỉnh")
    assert len([n for n in names if unit_key(n) == unit_key("UBND tỉnh")]) == 1


@pytest.mark.parametrize("example", GRAMMAR["examples"], ids=[e["text"][:40] for e in GRAMMAR["examples"]])
def test_grammar_examples(example):
    """Every example of data/patterns/units.json gives exactly the units it lists."""
    assert [m.name for m in find_units(clean(example["text"]).text)] == example["units"]


def test_grammar_words_are_used():
    """Every head, title and collective noun of the data takes part in at least one real name."""
    for key in ("heads", "titles", "collective_nouns", "collective_phrases", "collective_qualifiers", "forces"):
        assert GRAMMAR[key] and all(isinstance(w, str) and w.strip() == w for w in GRAMMAR[key]), key


def test_bare_units_only_name_body_nouns():
    """A bare list of body nouns splits into its nouns; words that are no body give nothing."""
    from ingest.units import bare_units_at
    t = "doanh nghiệp viễn thông và chủ đầu tư thực hiện"
    assert [m.name for m in bare_units_at(t, 0, len(t))] == ["doanh nghiệp viễn thông", "chủ đầu tư"]
    assert all(t[m.start:m.end] == m.name for m in bare_units_at(t, 0, len(t)))
    t = "gia đình người qua đời"
    assert bare_units_at(t, 0, len(t)) == []


@pytest.mark.parametrize("text, quoted, named", [
    # the short name after its definition, not where it opens a sibling's name
    ("Nghị định này quy định về Quỹ nhà ở quốc gia (sau đây gọi là Quỹ). Quỹ có văn bản báo cáo Bộ Xây dựng. "
     "Quỹ nhà ở địa phương thực hiện. Quỹ Bảo vệ môi trường hỗ trợ.", ["Quỹ"], "Quỹ nhà ở quốc gia"),
    # a name defined twice: the latest definition holds after it
    ("Ban Quản lý các khu công nghiệp tỉnh (sau đây gọi tắt là “Ban Quản lý”) thẩm định. Ban Quản lý chủ trì.",
     ["Ban Quản lý"], "Ban Quản lý các khu công nghiệp tỉnh"),
    # the tail of a longer name right before the parenthesis defines nothing
    ("xếp hạng của Hội đồng Thi đua – Khen thưởng ngành Y tế thành phố (gọi tắt là Hội đồng thi đua). Hội đồng thi "
     "đua họp xét.", [], None),
    # a list of bodies given a descriptive name of its own (a 2025 provincial decision on land registration): the
    # name is a unit wherever it comes after, in either case of its first letter, and outgrows the grammar's read
    ("Phòng kinh tế thuộc Ủy ban nhân dân xã (sau đây gọi là Cơ quan có chức năng quản lý đất đai cấp xã). Phối hợp "
     "với cơ quan có chức năng quản lý đất đai cấp xã.", ["cơ quan có chức năng quản lý đất đai cấp xã"],
     "Cơ quan có chức năng quản lý đất đai cấp xã"),
    ("Đơn vị sự nghiệp thuộc Bộ tự bảo đảm chi thường xuyên (sau đây gọi là đơn vị sự nghiệp thuộc Bộ nhóm 2). Đơn "
     "vị sự nghiệp thuộc Bộ nhóm 2 quyết định.", ["Đơn vị sự nghiệp thuộc Bộ nhóm 2"], "đơn vị sự nghiệp thuộc Bộ nhóm 2"),
])
def test_defined_short_names_name_their_body(text, quoted, named):
    from ingest.units import defined_aliases
    t = clean(text).text
    found = defined_aliases(t, find_units(t))
    assert [t[m.start:m.end] for m in found] == quoted
    assert all(m.name == named for m in found)
