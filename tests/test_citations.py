"""Table-driven cases for every symbol family, date form and citation shape.

Each case is one line: the text, then what must be found (type, symbol, date, issuer). Adding a
regression case is a one-line diff.
"""
from __future__ import annotations

import pytest

from ingest import extract_text
from ingest.citations import find_citations, find_dates
from ingest.clean import clean


def cites(text):
    c = clean(text)
    return [(r.type, r.symbol, r.date, r.issuer) for r in find_citations(c.text)]


# (text, [(type, symbol, date, issuer)])
SYMBOL_CASES = [
    # VBQPPL: number/year/type-issuer
    ("Nghị định số 59/2023/NĐ-CP ngày 14/8/2023 của Chính phủ", [("Nghị định", "59/2023/NĐ-CP", "2023-08-14", "Chính phủ")]),
    ("Thông tư số 07/2023/TT-BNV", [("Thông tư", "07/2023/TT-BNV", None, "Bộ Nội vụ")]),
    ("Thông tư liên tịch số 02/2011/TTLT-VPCP-BNV", [("Thông tư liên tịch", "02/2011/TTLT-VPCP-BNV", None, None)]),
    ("Quyết định số 30/2018/QĐ-UBND ngày 12 tháng 10 năm 2018 của UBND thành phố", [("Quyết định", "30/2018/QĐ-UBND", "2018-10-12", "UBND thành phố")]),
    ("Nghị quyết số 23/2024/NQ-HĐND", [("Nghị quyết", "23/2024/NQ-HĐND", None, None)]),
    ("Pháp lệnh số 34/2007/PL-UBTVQH11", [("Pháp lệnh", "34/2007/PL-UBTVQH11", None, None)]),
    # National Assembly: the text says what it is
    ("Luật số 10/2022/QH15", [("Luật", "10/2022/QH15", None, "Quốc hội")]),
    ("Nghị quyết số 351/2017/UBTVQH14", [("Nghị quyết", "351/2017/UBTVQH14", None, "Ủy ban Thường vụ Quốc hội")]),
    # administrative, no year
    ("Kế hoạch số 32/KH-UBND ngày 31/01/2026 của UBND tỉnh", [("Kế hoạch", "32/KH-UBND", "2026-01-31", "UBND tỉnh")]),
    ("Quyết định số 844/QĐ-TTg", [("Quyết định", "844/QĐ-TTg", None, "Thủ tướng Chính phủ")]),
    ("Chương trình số 12/CTr-UBND", [("Chương trình", "12/CTr-UBND", None, None)]),
    ("Tờ trình số 72/TTr-BKHCN", [("Tờ trình", "72/TTr-BKHCN", None, "Bộ Khoa học và Công nghệ")]),
    # công văn: issuer first, no type code
    ("Công văn số 3266/UBND-NC ngày 25/8/2022 của UBND tỉnh", [("Công văn", "3266/UBND-NC", "2022-08-25", "UBND tỉnh")]),
    ("văn bản số 123/UBND-VX", [("Công văn", "123/UBND-VX", None, None)]),
    ("Công văn số 927/BNV-CTTN&BĐG ngày 30/01/2026", [("Công văn", "927/BNV-CTTN&BĐG", "2026-01-30", "Bộ Nội vụ")]),
    ("Văn bản số 12/KH-UBND", [("Kế hoạch", "12/KH-UBND", None, None)]),
    # consolidated text
    ("Văn bản hợp nhất số 23/VBHN-VPQH", [("Văn bản hợp nhất", "23/VBHN-VPQH", None, "Văn phòng Quốc hội")]),
    # Party: number-type/issuer
    ("Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị", [("Chỉ thị", "05-CT/TW", "2016-05-15", "Bộ Chính trị")]),
    ("Quy định số 429-QĐ/TU ngày 01/7/2022 của Ban Thường vụ Tỉnh ủy", [("Quy định", "429-QĐ/TU", "2022-07-01", "Ban Thường vụ Tỉnh ủy")]),
    ("Kết luận số 121-KL/TW, ngày 24/01/2025", [("Kết luận", "121-KL/TW", "2025-01-24", None)]),
    ("Kế hoạch số 141-KH/BDVTU", [("Kế hoạch", "141-KH/BDVTU", None, None)]),
    ("Chương trình hành động số 05-CTrPH/BDVTU-BCSĐ", [("Chương trình", "05-CTrPH/BDVTU-BCSĐ", None, None)]),
    ("Quy định số 08-QĐi/TW", [("Quy định", "08-QĐi/TW", None, None)]),
    ("Công văn số 8011-CV/BTCTW", [("Công văn", "8011-CV/BTCTW", None, "Ban Tổ chức Trung ương")]),
    ("CHỈ THỊ SỐ 36-CT/TW, NGÀY 16/8/2019", [("Chỉ thị", "36-CT/TW", "2019-08-16", None)]),
    ("CHƯƠNG TRÌNH HÀNH ĐỘNG SỐ 17-CTR/TU", [("Chương trình", "17-CTr/TU", None, None)]),
    # broken across lines and pages, spaces and missing hyphens
    ("Kế hoạch số 32/KH-\n\nUBND", [("Kế hoạch", "32/KH-UBND", None, None)]),
    ("Nghị định số 59/2023/NĐ-\n CP", [("Nghị định", "59/2023/NĐ-CP", None, "Chính phủ")]),
    ("Chỉ thị số 52-\nCT/TW", [("Chỉ thị", "52-CT/TW", None, None)]),
    ("Chỉ thị số 52-\n\nCÔNG BÁO/Số 286/Ngày 27-05-2026\n91\n\nCT/TW", [("Chỉ thị", "52-CT/TW", None, None)]),
    ("Nghị định 61/2018/NĐCP", [("Nghị định", "61/2018/NĐ-CP", None, "Chính phủ")]),
    ("Quyết định số 44 /2005/QĐ-UBND ngày 06 / 7 /2005", [("Quyết định", "44/2005/QĐ-UBND", "2005-07-06", None)]),
    ("Tờ trình số 164/TTr- SKHCN", [("Tờ trình", "164/TTr-SKHCN", None, None)]),
    ("Quy định 37QĐ/TW", [("Quy định", "37-QĐ/TW", None, None)]),
    ("Quyết định 47 - QĐ/TW", [("Quyết định", "47-QĐ/TW", None, None)]),
    ("Nghị quyết số 30c/NQCP", [("Nghị quyết", "30c/NQ-CP", None, "Chính phủ")]),
    ("Nghị quyết số 66-NQ/TW1 ngày 30/4/2025", [("Nghị quyết", "66-NQ/TW", "2025-04-30", None)]),  # footnote mark
    ("Nghị định số 59/2023/NÐ-CP", [("Nghị định", "59/2023/NĐ-CP", None, "Chính phủ")]),  # Ð U+00D0
    ("Quyết định số 82/2005-QĐ-UBND", [("Quyết định", "82/2005-QĐ-UBND", None, None)]),  # legacy separator
    ("SỐ:  144 /2002/QĐ/BTC", [("Quyết định", "144/2002/QĐ-BTC", None, "Bộ Tài chính")]),  # old "/" before the issuer
    ("Số: 66.16/2026/NQ-CP", [("Nghị quyết", "66.16/2026/NQ-CP", None, "Chính phủ")]),
    # lists inherit the type word
    ("các Nghị định số 59/2023/NĐ-CP và 60/2023/NĐ-CP", [("Nghị định", "59/2023/NĐ-CP", None, "Chính phủ"),
                                                          ("Nghị định", "60/2023/NĐ-CP", None, "Chính phủ")]),
    ("Quyết định số 12/QĐ-UBND, 13/QĐ-UBND", [("Quyết định", "12/QĐ-UBND", None, None), ("Quyết định", "13/QĐ-UBND", None, None)]),
    # issuer written before: "theo đề nghị của … tại"
    ("Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 1494/TTr-SNV", [("Tờ trình", "1494/TTr-SNV", None, "Sở Nội vụ")]),
    # an issuer written once for a list, or as the subject before the type word
    ("Kết luận số 182-KL/TW, ngày 29/7/2025 và Kết luận số 218-KL/TW, ngày 24/11/2025 của Bộ Chính trị",
     [("Kết luận", "182-KL/TW", "2025-07-29", "Bộ Chính trị"), ("Kết luận", "218-KL/TW", "2025-11-24", "Bộ Chính trị")]),
    ("ngày 25-3, Ban Thường vụ Tỉnh ủy đã có Quyết định số 1518-QĐ/TU về việc ban hành Quy chế",
     [("Quyết định", "1518-QĐ/TU", None, "Ban Thường vụ Tỉnh ủy")]),
    ("Theo đề nghị của Sở Nội vụ tại Tờ trình số 1494/TTr-SNV ngày 28 tháng 6 năm 2018, Công văn số 2231/SNV-CCHC&PC",
     [("Tờ trình", "1494/TTr-SNV", "2018-06-28", "Sở Nội vụ"), ("Công văn", "2231/SNV-CCHC&PC", None, "Sở Nội vụ")]),
    ("của Bộ Lao động, Thương binh và Xã hội", []),
    # not symbols
    ("ngày 31/01/2026 và tỷ lệ 1/2", []),
    ("Quyết định số 2629/QĐ-T", []),  # cut off
]


@pytest.mark.parametrize("text,want", SYMBOL_CASES, ids=[c[0][:40] for c in SYMBOL_CASES])
def test_symbols(text, want):
    assert cites(text) == want


DATE_CASES = [
    ("ngày 14/8/2023", "2023-08-14"),
    ("ngày 05/3/2020", "2020-03-05"),
    ("ngày 14-8-2023", "2023-08-14"),
    ("ngày 17.05.2021", "2021-05-17"),
    ("ngày 14 tháng 8 năm 2023", "2023-08-14"),
    ("ngày 01 tháng 02 năm 2023", "2023-02-01"),
    ("ngày 06 / 7 /2005", "2005-07-06"),
    ("ngày 14 tháng 8\nnăm 2023", "2023-08-14"),
    ("Hà Nội, ngày 13 tháng 5 năm 2026", "2026-05-13"),
]


@pytest.mark.parametrize("text,iso", DATE_CASES, ids=[c[0] for c in DATE_CASES])
def test_dates(text, iso):
    assert [d[2] for d in find_dates(clean(text).text)] == [iso]


@pytest.mark.parametrize("text", ["32/13/2026", "ngày 31/02", "1/2/3", "Điều 5.2"])
def test_not_dates(text):
    assert find_dates(clean(text).text) == []


def test_relations_from_subjects():
    t = ("Công văn số 3266/UBND-NC ngày 25/8/2022 của UBND tỉnh về việc triển khai thực hiện Quy định số "
         "429-QĐ/TU ngày 01/7/2022 của Tỉnh uỷ. Nghị định số 59/2023/NĐ-CP ngày 14/8/2023 của Chính phủ ban hành "
         "quy định chi tiết một số điều của Luật Thực hiện dân chủ ở cơ sở;")
    rels = {(r.from_, r.rel, r.to) for r in extract_text(t).relations}
    assert ("3266/UBND-NC", "implements", "429-QĐ/TU") in rels
    assert ("59/2023/NĐ-CP", "details", "10/2022/QH15") in rels


def test_named_law_resolved_by_date_and_year():
    f = extract_text("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025; "
                     "Bộ luật Lao động năm 2019; Luật Thực hiện dân chủ ở cơ sở.")
    named = [(c.text, c.resolved) for c in f.citations if c.kind == "named"]
    assert ("Luật Tổ chức chính quyền địa phương", "72/2025/QH15") in named
    assert ("Bộ luật Lao động", "45/2019/QH14") in named
    assert ("Luật Thực hiện dân chủ ở cơ sở", "10/2022/QH15") in named


def test_generic_law_words_are_not_named_laws():
    f = extract_text("Thực hiện theo quy định của pháp luật và các luật có liên quan.")
    assert [c for c in f.citations if c.kind == "named"] == []


def test_self_reference_and_own_number():
    t = ("ỦY BAN NHÂN DÂN\nTỈNH X\nSố: 12/KH-UBND\nX, ngày 02 tháng 3 năm 2026\nKẾ HOẠCH\nVề việc A\n"
         "I. MỤC ĐÍCH\n1. Triển khai Kế hoạch này.\nPHỤ LỤC\n(Kèm theo Kế hoạch số 12/KH-UBND ngày 02/3/2026)\n")
    f = extract_text(t)
    assert f.document.symbol == "12/KH-UBND"
    assert [c.kind for c in f.citations] == ["self", "self"]
    assert all(t[c.start:c.end] == c.text for c in f.citations)


def test_partial_reference_resolved_in_document():
    f = extract_text("Căn cứ Nghị định số 59/2023/NĐ-CP ngày 14/8/2023. Theo Nghị định 59/2023, các cơ quan …")
    partial = [c for c in f.citations if c.kind == "partial"]
    assert len(partial) == 1 and partial[0].resolved == "59/2023/NĐ-CP"


def test_named_law_with_a_comma_in_its_name():
    f = extract_text("Căn cứ Luật Cán bộ, công chức ngày 13 tháng 11 năm 2008;")
    assert [(c.text, c.resolved) for c in f.citations if c.kind == "named"] == [("Luật Cán bộ, công chức", "22/2008/QH12")]


def test_law_inside_a_title_is_a_relation_not_the_items_citation():
    t = ("Điều 1. Giao Bảo hiểm xã hội Việt Nam thanh toán theo Nghị định số 146/2018/NĐ-CP ngày 17 tháng 10 năm 2018 "
         "của Chính phủ quy định chi tiết một số điều của Luật Bảo hiểm y tế.\n")
    f = extract_text(t)
    task = [x for x in f.tasks if x.id == "Điều 1"][0]
    assert task.cites == ("146/2018/NĐ-CP",)
    assert ("146/2018/NĐ-CP", "details") == next((r.from_, r.rel) for r in f.relations)


# Bills, revisions and amending laws are not the law they name
DRAFT_CASES = [
    # (text, citing document's date, [(text of the named mention, resolved)])
    ("Theo đề nghị của Bộ Nội vụ về dự án Luật Viên chức (sửa đổi);", None,
     [("Luật Viên chức (sửa đổi)", None)]),
    ("Chỉnh lý dự thảo Luật Viên chức (sửa đổi) báo cáo Ủy ban Thường vụ Quốc hội.", None,
     [("Luật Viên chức (sửa đổi)", None)]),
    ("Xây dựng Luật Bảo hiểm y tế sửa đổi.", None, [("Luật Bảo hiểm y tế sửa đổi", None)]),
    ("Hoàn thiện dự thảo Luật Dữ liệu trình Quốc hội.", None, [("Luật Dữ liệu", None)]),
    # as amended, the law is still itself
    ("Căn cứ Luật Viên chức ngày 15 tháng 11 năm 2010;", None, [("Luật Viên chức", "58/2010/QH12")]),
    # an amending law is its own law; the law named inside its title is the amended law
    ("Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Ban hành văn bản quy phạm pháp luật ngày 25 tháng 6 năm 2025;",
     None, [("Luật sửa đổi, bổ sung một số điều của Luật Ban hành văn bản quy phạm pháp luật", "87/2025/QH15"),
            ("Luật Ban hành văn bản quy phạm pháp luật", "64/2025/QH15")]),
]


@pytest.mark.parametrize("text,doc_date,expected", DRAFT_CASES, ids=[c[0][:40] for c in DRAFT_CASES])
def test_bills_and_revisions_are_not_resolved_to_the_law(text, doc_date, expected):
    from ingest.catalogue import load as load_catalogue
    from ingest.citations import find_named

    got = [(" ".join(text[c.start:c.end].split()), c.resolved)
           for c in find_named(clean(text).text, load_catalogue(), doc_date)]
    assert got == expected


def test_2025_laws_resolved_by_name_and_the_documents_date():
    from ingest.catalogue import load as load_catalogue
    from ingest.citations import find_named

    t = ("Căn cứ Luật Tổ chức Chính phủ; Luật Phòng, chống ma túy; Luật Ngân sách nhà nước; "
         "Luật Tổ chức chính quyền địa phương; Luật Thi đua khen thưởng.")
    cat = load_catalogue()
    late = {c.name: c.resolved for c in find_named(t, cat, "2025-11-17")}
    assert late == {"Luật Tổ chức Chính phủ": "63/2025/QH15", "Luật Phòng, chống ma túy": "73/2021/QH14",
                    "Luật Ngân sách nhà nước": "89/2025/QH15",
                    "Luật Tổ chức chính quyền địa phương": "72/2025/QH15",
                    "Luật Thi đua khen thưởng": "06/2022/QH15"}  # written without its comma
    early = {c.name: c.resolved for c in find_named(t, cat, "2024-12-01")}
    assert early["Luật Tổ chức Chính phủ"] == "76/2015/QH13"
    assert early["Luật Ngân sách nhà nước"] == "83/2015/QH13"
    assert early["Luật Tổ chức chính quyền địa phương"] == "77/2015/QH13"


def test_a_number_written_after_the_name_picks_the_version():
    from ingest.catalogue import load as load_catalogue
    from ingest.citations import find_named

    t = "Luật Cán bộ, công chức số 22/2008/QH12 đã được sửa đổi, bổ sung; Luật Tổ chức Chính phủ số 76/2015/QH13;"
    got = [(c.name, c.resolved) for c in find_named(t, load_catalogue(), "2025-12-01")]
    assert got == [("Luật Cán bộ, công chức", "22/2008/QH12"), ("Luật Tổ chức Chính phủ", "76/2015/QH13")]


WRITTEN_NUMBER_CASES = [
    # inside an amending law's title the number is the amending law's: the law named in it goes by date
    ("Luật Sửa đổi, bổ sung một số điều của Luật Ban hành văn bản quy phạm pháp luật số 87/2025/QH15;",
     [("Luật Sửa đổi, bổ sung một số điều của Luật Ban hành văn bản quy phạm pháp luật", "87/2025/QH15"),
      ("Luật Ban hành văn bản quy phạm pháp luật", "64/2025/QH15")]),
    # the number of the law that amended it: the version it amended
    ("Luật Di sản văn hóa số 32/2009/QH12", [("Luật Di sản văn hóa", "28/2001/QH10")]),
    # the catalogue's number under this name
    ("Luật Thủy lợi số 8/2017/QH14", [("Luật Thủy lợi", "08/2017/QH14")]),
    # a number the catalogue does not know, after a plain mention, is taken as written
    ("Luật Thủy lợi số 99/2017/QH14", [("Luật Thủy lợi", "99/2017/QH14")]),
]


@pytest.mark.parametrize("text,expected", WRITTEN_NUMBER_CASES, ids=[c[0][:40] for c in WRITTEN_NUMBER_CASES])
def test_a_written_number_is_checked_against_the_catalogue(text, expected):
    from ingest.catalogue import load as load_catalogue
    from ingest.citations import find_named

    assert [(c.name, c.resolved) for c in find_named(text, load_catalogue(), "2025-12-01")] == expected


def test_an_issuer_at_a_title_s_end_stops_at_the_preamble_s_next_line():
    """A council resolution's title ends with the cited resolution's issuer in capitals, and the preamble's
    "Căn cứ …" opens the next line (66/2025/NQ-HĐND of Hà Nội, corpus/bulk2025): the issuer is the council."""
    text = ("NGHỊ QUYẾT\nVỀ VIỆC SỬA ĐỔI QUY ĐỊNH VỀ PHÍ TẠI NGHỊ QUYẾT SỐ 16/2023/NQ-HĐND NGÀY 06 THÁNG 12 NĂM 2023 "
            "CỦA HỘI ĐỒNG NHÂN DÂN THÀNH PHỐ HÀ NỘI\nCăn cứ Luật Phí và lệ phí số 97/2015/QH13;\n")
    [c] = [c for c in find_citations(text) if c.symbol == "16/2023/NQ-HĐND"]
    assert c.issuer == "Hội đồng nhân dân thành phố Hà Nội"
