"""A unit given "the tasks at section …" of the plan leads (or supports) the items of that section:
the reference is read into item ids, and every item under a referenced heading takes the unit."""
from __future__ import annotations

import pytest

from ingest import extract_text
from ingest.tasks import _xref_ids

CASES = [
    # (the reference as printed after "tại", the item ids it names)
    ("các mục 1, 2; điểm a, b mục 7 Phần III Điều 1", ["III.1", "III.2", "III.7.a", "III.7.b"]),
    ("điểm c mục 3 Phần III Điều 1", ["III.3.c"]),
    ("mục (IV) (1)", ["IV.1"]),                                   # numbers in brackets after the part
    ("mục (IV) (4.1) (4.2) và Phụ lục", ["IV.4.1", "IV.4.2"]),
    ("mục (IV)(3.4)(a)", ["IV.3.4.a"]),
    ("khoản 2 Điều 5", ["Điều 5.2"]),
    ("Phần III", ["III"]),                                        # a whole part: named, not handed out
]


@pytest.mark.parametrize("refs,ids", CASES)
def test_reference_to_item_ids(refs, ids):
    assert _xref_ids(refs) == ids


PLAN = """KẾ HOẠCH
Phát triển kinh tế số năm 2026

I. MỤC TIÊU
Nâng cao năng lực số của tỉnh.
II. NHIỆM VỤ
1. Nông nghiệp
a) Xây dựng cơ sở dữ liệu nông hộ trên địa bàn tỉnh.
b) Phát triển sàn giao dịch nông sản trực tuyến.
2. Giáo dục
2.1. Giáo dục phổ thông
a) Số hóa học bạ cho học sinh các cấp.
2.2. Giáo dục nghề nghiệp
a) Đào tạo kỹ năng số cho người lao động.
3. Y tế
a) Triển khai bệnh án điện tử tại các bệnh viện.
III. TỔ CHỨC THỰC HIỆN
1. Sở Nông nghiệp và Môi trường
Chủ trì triển khai các nhiệm vụ tại mục (II) (1) của Kế hoạch.
2. Sở Giáo dục và Đào tạo
Chủ trì triển khai các nhiệm vụ tại mục (II) (2.1) (2.2) của Kế hoạch.
3. Sở Khoa học và Công nghệ
Phối hợp triển khai các nhiệm vụ tại mục (II)(3)(a).
"""


def test_bracketed_section_references_hand_out_the_items():
    f = extract_text(PLAN)
    by = {t.id: t for t in f.tasks}
    assert by["II.1.a"].lead == ("Sở Nông nghiệp và Môi trường",)
    assert by["II.1.b"].lead == ("Sở Nông nghiệp và Môi trường",)
    assert by["II.2.1.a"].lead == ("Sở Giáo dục và Đào tạo",)
    assert by["II.2.2.a"].lead == ("Sở Giáo dục và Đào tạo",)
    assert "Sở Khoa học và Công nghệ" in by["II.3.a"].support
    assert by["II.3.a"].lead == ()                     # "phối hợp" gives support, not the lead
    for t in (by["II.1.a"], by["II.2.1.a"]):          # the evidence is the reference's own words
        role, start, end = next(e for e in t.evidence if e[0] == "lead")
        assert "tại mục (II)" in PLAN[start:end]
