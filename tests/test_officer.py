"""What an officer reads, below the pages: deadlines in words and statuses as of a day, the
calendar file, one IRI per real body, quotes without page furniture, the export's columns."""
from __future__ import annotations

import io

import pytest

from graph import deadlines as dl
from graph.api import KnowledgeGraph
from graph.export import officer_csv, officer_rows, officer_xlsx
from graph.fixtures import seed_store
from graph.ids import tidy_name, unit_iri
from graph.queries import shown_text


@pytest.mark.parametrize("value,vi,en", [
    ("2026-Q4", "Quý IV/2026", "Q4/2026"), ("2026-Q3", "Quý III/2026", "Q3/2026"),
    ("2025-12-15", "15/12/2025", "15/12/2025"), ("2026-05", "Tháng 5/2026", "May 2026"),
    ("2030", "Năm 2030", "Year 2030"), ("thường xuyên", "Thường xuyên", "Ongoing"),
    ("hằng quý", "Hằng quý", "Every quarter"), ("2025-13", "2025-13", "2025-13"),
])
def test_deadlines_read_as_officers_write_them(value, vi, en):
    assert dl.label(value, "vi") == vi and dl.label(value, "en") == en


def test_statuses_as_of_a_fixed_day():
    day = "2026-02-10"
    assert [dl.status(v, day) for v in ("2026-02-09", "2026-02-10", "2026-03-31", "2026-04-01", "2025", "hằng năm")] \
        == ["overdue", "this_month", "this_quarter", "upcoming", "overdue", "recurring"]
    assert dl.bucket("2026-05-20", "quarter") == "2026-Q2" and dl.bucket("hằng năm") == ""


def test_the_calendar_file_is_rfc5545():
    long = "Rà soát, sửa đổi; bổ sung " + "quy định " * 20
    ics = dl.ics([dl.IcsEvent("urn:a", "2026-02", long, "dòng 1\ndòng 2"),
                  dl.IcsEvent("urn:b", "thường xuyên", "x")], stamp="20260101T000000Z").decode("utf-8")
    lines = ics.split("\r\n")
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-2] == "END:VCALENDAR" and ics.count("BEGIN:VEVENT") == 1
    assert "DTSTART;VALUE=DATE:20260228" in lines and "DTEND;VALUE=DATE:20260301" in lines
    assert all(len(x.encode("utf-8")) <= 75 for x in lines)
    unfolded = ics.replace("\r\n ", "")
    assert "SUMMARY:Rà soát\\, sửa đổi\\; bổ sung" in unfolded and "DESCRIPTION:dòng 1\\ndòng 2" in unfolded


def test_one_iri_per_real_body():
    bn = unit_iri("Sở Nội vụ", "bac-ninh")
    assert bn == unit_iri("Sở Nội vụ tỉnh Bắc Ninh", "bac-ninh") == unit_iri("Sở Nội vụ tỉnh Bắc Ninh", "doc-1234")
    assert bn != unit_iri("Sở Nội vụ", "dong-nai")                          # two provinces, two bodies
    assert unit_iri("Uỷ ban nhân dân tỉnh", "bac-ninh") == unit_iri("Ủy ban nhân dân tỉnh Bắc Ninh", "x")
    assert unit_iri("Sở Văn hoá, Thể thao", "hue") == unit_iri("Sở Văn hóa, Thể thao", "hue")
    assert unit_iri("Ủy ban nhân dân các xã, phường", "can-tho") != unit_iri("Ủy ban nhân dân tỉnh", "can-tho")
    assert str(unit_iri("Bộ Chỉ huy Quân sự tỉnh", "dong-nai")).endswith("/dong-nai/bo-chi-huy-quan-su")
    assert tidy_name("Uỷ ban nhân dân") == "Ủy ban nhân dân"


def test_quotes_lose_the_page_furniture_but_not_the_words():
    raw = ("Xây dựng hệ thống \n\nCÔNG BÁO/Số 238/Ngày 21-04-2026 \n99\n \nTT \nTên nhiệm vụ \nCơ quan  \nchủ trì  \n"
           "Cơ quan  \nphối hợp  \ndữ liệu quốc gia")
    assert shown_text(raw) == "Xây dựng hệ thống dữ liệu quốc gia"
    assert shown_text("1. Giao Sở Nội vụ\nchủ trì.") == "1. Giao Sở Nội vụ chủ trì."


def test_the_officers_export_has_readable_columns_only():
    kg = KnowledgeGraph.over(seed_store())
    wl = kg.worklist("Phòng Tổ chức - Hành chính - Quản trị")
    tasks = wl.lead + wl.support
    roles = {t.id: ["lead"] for t in wl.lead} | {t.id: ["support"] for t in wl.support}
    rows = officer_rows(tasks, lang="vi", roles=roles)
    assert {r["role"] for r in rows} == {"Chủ trì"} | ({"Phối hợp"} if wl.support else set())
    csv = officer_csv(rows, "vi").decode("utf-8-sig")
    assert csv.splitlines()[0].startswith("STT,Văn bản,Cơ quan ban hành,Ngày ban hành,Mục,Nội dung nhiệm vụ,Vai trò")
    assert "https://" not in csv and ".txt" not in csv
    from openpyxl import load_workbook
    ws = load_workbook(io.BytesIO(officer_xlsx(officer_rows(tasks, lang="en"), "en", title="Tasks"))).active
    assert ws["A1"].value == "Tasks" and [c.value for c in ws[3]][:3] == ["No.", "Document", "Issued by"]
    assert "Role" not in [c.value for c in ws[3]]                            # no unit exported: no role column
    assert kg.export_tasks(tasks, "csv").startswith("\ufeff".encode())
