"""Assignment tables in annexes: parts, restarting rows, several annexes (GUIDELINES: ``PL.<row>``,
``PL.<section>.<row>`` when rows restart per section, ``PL.II.3`` for row 3 of annex II of several).

The synthetic cases pin each layout; the real ones read the bench/silver/tasks14 gold (written by
readers who had not seen the rules) and compare with the scorer's own matching. Those skip clearly
without ../shared.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from ingest.pipeline import extract_text, extract_file

ROOT = Path(__file__).resolve().parent.parent

_DECISION = ("QUYẾT ĐỊNH:\nĐiều 1. Phê duyệt Chương trình.\nĐiều 2. Các bộ, ngành tổ chức thực hiện.\n"
             "KT. THỦ TƯỚNG\nPHÓ THỦ TƯỚNG\nNguyễn Văn A\n")


def _rows(text: str) -> dict[str, object]:
    return {t.id: t for t in extract_text(text).tasks if t.id.startswith("PL")}


def _flat_annex(number: str, parts: str) -> str:
    return (f"PHỤ LỤC {number}\nDANH MỤC NHIỆM VỤ\n(Kèm theo Quyết định số 1/QĐ-TTg)\nTT\nNhiệm vụ\n"
            f"Cơ quan chủ trì\nCơ quan phối hợp\nThời gian thực hiện\n{parts}")


_PART_I = ("I\nHoàn thiện thể chế\n1\nXây dựng Luật Chuyển đổi số.\nBộ Khoa học và Công nghệ\nBộ Công an\nTháng 12/2025\n"
           "2\nXây dựng Luật An ninh dữ liệu.\nBộ Công an\nBộ Tài chính\nTháng 12/2026\n")
_PART_II = "II\nPhát triển dữ liệu số\n1\nSố hóa dữ liệu.\nBộ Tư pháp\nBộ Y tế\nNăm 2027\n"


def test_a_roman_mark_alone_on_its_line_opens_a_part_and_its_rows_restart():
    rows = _rows(_DECISION + _flat_annex("", _PART_I + _PART_II))
    assert {"PL.I.1", "PL.I.2", "PL.II.1"} <= set(rows), sorted(rows)
    assert rows["PL.II.1"].lead == ("Bộ Tư pháp",) and rows["PL.II.1"].support == ("Bộ Y tế",)
    assert rows["PL.I.2"].deadline == "2026-12"


def test_rows_of_the_second_of_several_annexes_carry_its_number():
    text = _DECISION + _flat_annex("I", _PART_I) + _flat_annex("II", _PART_I + _PART_II)
    rows = _rows(text)
    assert {"PL.I.I.1", "PL.I.I.2", "PL.II.I.1", "PL.II.II.1"} <= set(rows), sorted(rows)
    assert rows["PL.II.II.1"].lead == ("Bộ Tư pháp",)


def test_annexes_listed_as_contents_before_they_are_printed_number_the_printed_ones():
    contents = "Phụ lục I\nDanh mục nhiệm vụ\nPhụ lục II\nDanh mục chỉ tiêu\n"
    text = _DECISION + contents + _flat_annex("I", _PART_I) + _flat_annex("II", _PART_I + _PART_II)
    rows = _rows(text)
    assert {"PL.I.I.1", "PL.II.II.1"} <= set(rows), sorted(rows)
    first = rows["PL.I.I.1"]
    assert text[first.start:first.end] == first.text and text.index("PHỤ LỤC I\n") < first.start


def test_lettered_parts_number_their_rows_and_roman_groups_inside_them_do_not():
    parts = ("A.\nBỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG\n1\nHoàn thiện chính sách.\nBộ Nông nghiệp và Môi trường\nBộ Xây dựng\n"
             "Năm 2026\nB.\nBỘ XÂY DỰNG\nI\nNhóm giao thông\n1\nKiểm định khí thải.\nBộ Xây dựng\nBộ Công an\nNăm 2027\n"
             "2\nPhát triển xe buýt điện.\nBộ Xây dựng\nBộ Tài chính\nNăm 2028\n")
    rows = _rows(_DECISION + _flat_annex("", parts))
    assert {"PL.A.1", "PL.B.1", "PL.B.2"} <= set(rows), sorted(rows)
    assert not any(r.startswith("PL.B.I") for r in rows), sorted(rows)
    assert rows["PL.B.2"].lead == ("Bộ Xây dựng",) and rows["PL.B.2"].deadline == "2028"


def test_a_part_printed_as_one_unnumbered_row_is_that_row():
    parts = ("A.\nBỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG\n1\nHoàn thiện chính sách.\nBộ Nông nghiệp và Môi trường\nBộ Xây dựng\n"
             "Năm 2026\nB.\nBỘ Y TẾ\nĐánh giá tác động sức khỏe.\nBộ Y tế\nBộ Nông nghiệp và Môi trường\nNăm 2030\n")
    rows = _rows(_DECISION + _flat_annex("", parts))
    assert rows["PL.B"].kind == "task", rows["PL.B"].kind
    assert rows["PL.B"].lead == ("Bộ Y tế",) and rows["PL.B"].deadline == "2030"


def test_a_pipe_table_with_an_executing_unit_column_beside_a_support_column_is_an_assignment_table():
    table = ("PHỤ LỤC\nDANH MỤC NHIỆM VỤ\n(Kèm theo Kế hoạch số 179/KH-UBND)\n"
             "| STT | Nhiệm vụ, giải pháp | Đơn vị thực hiện | Đơn vị phối hợp | Thời gian thực hiện |\n"
             "| A | PHÁT TRIỂN NỀN MÓNG |\n| I | Hoàn thiện thể chế |\n"
             "| 1.1 | Rà soát các quy định | Sở Tư pháp | Các sở, ban, ngành | Năm 2026 |\n"
             "| II | Phát triển hạ tầng |\n| 2.1 | Triển khai hạ tầng số | Sở Khoa học và Công nghệ | Sở Tài chính | Năm 2027 |\n"
             "| B | PHÁT TRIỂN KINH TẾ SỐ |\n| I | Doanh nghiệp số |\n"
             "| 1.1 | Hỗ trợ doanh nghiệp | Sở Công Thương | Sở Tài chính | Năm 2028 |\n")
    rows = _rows(_DECISION + table)
    assert {"PL.A.1.1", "PL.A.2.1", "PL.B.1.1"} <= set(rows), sorted(rows)
    assert rows["PL.B.1.1"].lead == ("Sở Công Thương",) and rows["PL.A.2.1"].support == ("Sở Tài chính",)


def test_a_list_of_procedures_naming_their_executing_agency_gives_no_work():
    table = ("PHỤ LỤC\nTHỦ TỤC HÀNH CHÍNH NỘI BỘ\n(Kèm theo Quyết định số 2/QĐ-UBND)\n"
             "| STT | Tên thủ tục hành chính | Lĩnh vực | Cơ quan thực hiện |\n"
             "| 1 | Thủ tục công nhận báo cáo viên | Phổ biến pháp luật | Sở Tư pháp |\n")
    assert _rows(_DECISION + table) == {}


_TABLES = ["2edf5927c71bc4c1", "646f0a00d4174382", "f004d93b21e7fc5f"]


@pytest.mark.parametrize("stem", _TABLES)
def test_real_annex_tables_are_found_with_their_roles(SHARED, scorer, stem):
    gold = json.loads((ROOT / "bench" / "silver" / "tasks14" / f"{stem}.json").read_text(encoding="utf-8"))
    facts = extract_file(SHARED / "corpus" / "bulk2025" / "txt" / f"{stem}.txt")
    got = {scorer.norm_id(t.id): t for t in facts.tasks}
    rows = [t for t in gold["tasks"] if t["id"].startswith("PL")]
    found = [t for t in rows if scorer.norm_id(t["id"]) in got]
    assert len(found) >= 0.95 * len(rows), f"{len(found)} of {len(rows)} annex rows found"
    leads = [t for t in found if all(scorer.covered(x, list(got[scorer.norm_id(t["id"])].lead)) for x in t["lead"])]
    assert len(leads) >= 0.75 * len(found), f"{len(leads)} of {len(found)} rows with their gold lead"


def test_a_lead_cell_listing_its_units_on_dash_lines_is_one_cell():
    """(2530/QĐ-TTg, annex II): "- Bộ Xây dựng;⏎- UBND các tỉnh, thành phố." is the lead cell, a note in brackets
    after a unit aside; the support cell follows it; a dash line of the description that goes on after its unit
    ("- Bộ Xây dựng chủ trì nghiên cứu …") is no cell."""
    row = ("1\nNghiên cứu mô hình kinh tế tuần hoàn\n- Bộ Xây dựng chủ trì nghiên cứu, ban hành hướng dẫn kỹ thuật.\n"
           "- Sản phẩm: Hướng dẫn kỹ thuật được ban hành.\n- Bộ Xây dựng (chủ trì phần\nchính sách);\n"
           "- Ủy ban nhân dân các tỉnh, thành phố.\n- Bộ Y tế;\n- Bộ Công Thương\nNăm 2027\n")
    text = _DECISION + (
        "PHỤ LỤC\nDANH MỤC NHIỆM VỤ\n(Kèm theo Quyết định số 1/QĐ-TTg)\nSTT\nTên nhiệm vụ\nNội dung chính\n"
        "Cơ quan chủ trì\nCơ quan phối hợp\nThời gian thực hiện\nI\nNhóm kinh tế tuần hoàn\n" + row)
    got = _rows(text)["PL.I.1"]
    assert got.lead == ("Bộ Xây dựng", "Ủy ban nhân dân các tỉnh, thành phố"), got.lead
    assert got.support == ("Bộ Y tế", "Bộ Công Thương"), got.support
