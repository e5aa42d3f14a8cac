"""Cleaning: one-for-one repairs, NFC with an offset map back to the source, page furniture."""
from __future__ import annotations

import unicodedata

import pytest

from ingest import extract_text
from ingest.clean import clean, fold


def test_nfd_text_maps_back_to_the_source():
    nfd = unicodedata.normalize("NFD", "Căn cứ Nghị định số 59/2023/NĐ-CP ngày 14/8/2023 của Chính phủ")
    f = extract_text(nfd)
    c = [x for x in f.citations if x.kind == "numbered"][0]
    assert c.symbol == "59/2023/NĐ-CP" and c.issuer == "Chính phủ"
    assert nfd[c.start:c.end] == c.text and unicodedata.normalize("NFC", c.text).startswith("Nghị định")


def test_one_for_one_repairs_keep_offsets():
    src = "Nghị định 59/2023/NÐ–CP\u00a0ngày 14/8/2023"
    c = clean(src)
    assert c.text == "Nghị định 59/2023/NĐ-CP ngày 14/8/2023" and c.to_source is None


def test_gazette_furniture_is_blanked_line_by_line():
    src = "a của Bộ\nCÔNG BÁO/Số 286/Ngày 27-05-2026 \n91 \nKý bởi: CÔNG BÁO\nCơ quan: VĂN PHÒNG\nNgày ký: 2026\nChính trị"
    out = clean(src).text
    assert len(out) == len(src) and out.count("\n") == src.count("\n")
    assert "CÔNG BÁO" not in out and "91" not in out and "Ký bởi" not in out and out.endswith("Chính trị")


def test_a_bare_number_line_elsewhere_is_kept():
    assert "12" in clean("STT\n12\nNội dung").text


def test_unknown_step_names_the_valid_ones():
    with pytest.raises(ValueError, match="valid"):
        clean("x", steps=("nfc", "nope"))


@pytest.mark.parametrize("a,b", [("Uỷ ban", "Ủy ban"), ("hoà", "hòa"), ("Thuỷ", "Thủy"), ("ĐÀ", "Đà"), ("Ð", "Đ")])
def test_fold_tone_placement(a, b):
    assert fold(a) == fold(b)


def test_fold_keeps_diacritics():
    assert fold("Hội") != fold("Hỏi")


def test_a_point_printed_on_its_predecessors_line_starts_a_line():
    t = ("a) Lễ tang phải được tổ chức chu đáo. b) Uỷ ban nhân dân cấp xã có trách nhiệm tạo điều kiện.\n"
         "c) Thực hiện theo điểm d) khoản 2 Điều này. đ) Không tính.\n")
    c = clean(t)
    assert len(c.text) == len(t) and c.span(0, len(t)) == (0, len(t))
    lines = c.text.splitlines()
    # b) follows a) after a full stop: its own line; "điểm d)" is a reference, and đ) is not the letter after c)
    assert lines[:2] == ["a) Lễ tang phải được tổ chức chu đáo.", "b) Uỷ ban nhân dân cấp xã có trách nhiệm tạo điều kiện."]
    assert lines[2] == "c) Thực hiện theo điểm d) khoản 2 Điều này. đ) Không tính."


def test_inline_points_of_a_real_regulation_are_items(SHARED):
    """A real decision (bulk2025) prints point b) on point a)'s line; b) is an item with its own lead."""
    p = SHARED / "corpus" / "bulk2025" / "txt" / "01bf9d04a5b9e2c8.txt"
    if not p.is_file():
        pytest.skip(f"{p} is absent")
    from ingest.pipeline import extract_file
    tasks = {t.id: t for t in extract_file(p).tasks}
    assert tasks["Điều 8.2.b"].text.startswith("b) Uỷ ban nhân dân cấp xã có trách nhiệm")
    assert tasks["Điều 8.2.b"].lead == ("Uỷ ban nhân dân cấp xã",)
    assert not tasks["Điều 8.2.a"].lead
