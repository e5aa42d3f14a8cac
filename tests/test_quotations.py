"""Provisions quoted from another text (a letter answering with a decree's articles, an amending circular's
new wording) are not items of the quoting document: their numbers make no tasks, and its own items stay."""
from __future__ import annotations

from ingest import extract_text
from ingest.structure import quoted_blocks

LETTER = """BỘ TÀI CHÍNH
CỤC THUẾ
Số: 5347/CT-CS
V/v tiền sử dụng đất

Kính gửi: Thuế tỉnh Nghệ An.

Cục Thuế có ý kiến như sau:
- Tại Điều 106 Nghị định số 131/2021/NĐ-CP quy định:
"Điều 106. Nguyên tắc
1. Việc miễn, giảm tiền sử dụng đất được thực hiện theo quy định.
2. Chế độ miễn hoặc giảm chỉ áp dụng một lần cho một hộ gia đình.”
- Tại khoản 3 Điều 18 Nghị định số 103/2024/NĐ-CP.
"Điều 18. Miễn tiền sử dụng đất
3. Miễn tiền sử dụng đất đối với đất ở trong hạn mức giao đất ở.
- Tại khoản 1 Điều 60 Thông tư số 80/2021/TT-BTC hướng dẫn:
"Điều 60. Thủ tục hồ sơ
1. Đối với đất trong hạn mức đất ở, hồ sơ bao gồm:
a) Văn bản đề nghị theo mẫu;
b) Giấy tờ có liên quan.
Đề nghị Thuế tỉnh Nghệ An phối hợp với các cơ quan chức năng để thực hiện.
Nơi nhận:
- Như trên;
"""

AMENDING = """THÔNG TƯ
Sửa đổi, bổ sung một số điều của Thông tư số 12/2025/TT-BCT

Điều 1. Sửa đổi, bổ sung một số điều của Thông tư số 12/2025/TT-BCT
1. Sửa đổi, bổ sung điểm b và điểm c khoản 2 Điều 5 như sau:
“b) Đời sống kinh tế được xác định theo Phụ lục I.
c) Điện năng phát bình quân được tính toán như sau.”.
2. Bổ sung khoản 3 Điều 22 như sau:
“3. Xây dựng tỷ lệ chi phí sửa chữa lớn.”.
3. Sở Công Thương có trách nhiệm hướng dẫn thực hiện.
Điều 2. Hiệu lực thi hành
1. Thông tư này có hiệu lực từ ngày 21 tháng 11 năm 2025.
2. Trong quá trình thực hiện, tổ chức, cá nhân phản ánh về Bộ Công Thương.
"""


def _quoted(text):
    return [text[a:b] for a, b in quoted_blocks(text, len(text))]


def test_a_letter_quoting_articles_has_no_items_of_its_own():
    blocks = _quoted(LETTER)
    assert [b.split("\n", 1)[0] for b in blocks] == ['"Điều 106. Nguyên tắc', '"Điều 18. Miễn tiền sử dụng đất',
                                                       '"Điều 60. Thủ tục hồ sơ']
    # a quotation left open ends at the quoting text's next bullet, or at its closing paragraph's recipients
    assert blocks[1].endswith("trong hạn mức giao đất ở.\n")
    assert "Nơi nhận" not in blocks[2]
    # the quoted articles make no items: the letter's own request is its one item (an unnumbered letter's body,
    # "preamble"), from the request after the law it recalls
    facts = extract_text(LETTER)
    assert [(t.id, t.lead) for t in facts.tasks] == [("preamble", ("Thuế tỉnh Nghệ An",))]
    task = facts.tasks[0]
    assert facts.source.text[task.start:task.end] == "Đề nghị Thuế tỉnh Nghệ An phối hợp với các cơ quan chức năng để thực hiện."


def test_an_amending_text_keeps_its_own_items_only():
    f = extract_text(AMENDING)
    ids = [t.id for t in f.tasks]
    assert ids == ["Điều 1", "Điều 1.1", "Điều 1.2", "Điều 1.3", "Điều 2", "Điều 2.1", "Điều 2.2"]
    lead = {t.id: t.lead for t in f.tasks}
    assert lead["Điều 1.3"] == ("Sở Công Thương",)


def test_text_without_quotations_is_unchanged():
    assert quoted_blocks("1. Sở Y tế chủ trì.\n2. Sở Tài chính phối hợp.\n", 44) == []
