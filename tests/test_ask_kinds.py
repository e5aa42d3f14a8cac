"""The kinds of question `ask` answers beyond "X yêu cầu gì?": units in either language and several at
once, roles, deadlines (by, in, overdue as of a given today, recurring), "who", a scope to one
document, topic words on the full-text index, and how each answer says it understood the question.

The store is the seed plan's hand-built facts with deadlines and roles added to a few items (the
seed itself sets none), so every case is deterministic."""
from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from graph.ask import ask, parse_due
from graph.build import build_document
from graph.fixtures import seed_facts
from graph.fulltext import FullText, fulltext
from graph.ids import fold_ascii
from graph.store import EmbeddedStore
from graph.writer import write_document

TODAY = dt.date(2026, 6, 15)
DEADLINES = {"II.1.1": "2026-05-31", "II.1.3": "2026-Q4", "II.1.5": "2026-11", "II.2.1": "thường xuyên",
             "II.2.2": "hằng năm", "III.2.1": "2026-12-05", "III.2.2": "hằng tuần", "III.2.5": "2026"}
SUPPORT = {"II.1.3": ("Bộ Tài chính",), "II.2.2": ("Sở Tài chính", "Công an tỉnh")}
LEAD = {"II.1.5": ("Bộ Quốc phòng",), "II.2.2": ("Bộ Công an",)}


@pytest.fixture(scope="module")
def store():
    f = seed_facts()
    tasks = tuple(replace(t, deadline=DEADLINES.get(t.id, t.deadline), support=SUPPORT.get(t.id, t.support),
                          lead=LEAD.get(t.id, t.lead)) for t in f.tasks)
    units = f.units + tuple(replace(f.units[0], name=n, aliases=(), mentions=())
                            for n in ("Bộ Tài chính", "Sở Tài chính", "Công an tỉnh", "Bộ Quốc phòng", "Bộ Công an"))
    s = EmbeddedStore(None)
    write_document(s, build_document(replace(f, tasks=tasks, units=units), ingested_at="2026-03-01T08:00:00+00:00"))
    return s


def ids(a):
    return [t.number for t in a.tasks]


@pytest.mark.parametrize("question,expected", [
    # English names through the bilingual lexicon, and the role named
    ("Which tasks does the Ministry of Finance support?", ["II.1.3"]),
    ("Bộ Tài chính phối hợp những nhiệm vụ nào?", ["II.1.3"]),
    ("What must the provincial police do?", ["II.2.2"]),
    ("Which tasks does the Department of Finance support?", ["II.2.2"]),
    # several units at once
    ("Bộ Quốc phòng và Bộ Công an phải làm gì?", ["II.1.5", "II.2.2"]),
    ("Bộ Quốc phòng, Bộ Công an chủ trì những nhiệm vụ nào?", ["II.1.5", "II.2.2"]),
    # Ủy/Uỷ, hoá/hóa, no diacritics
    ("bo tai chinh phoi hop nhiem vu nao", ["II.1.3"]),
    # report to: the unit after "báo cáo" / "reports to" receives the report
    ("Ai báo cáo Sở Nội vụ?", ["III.2.1", "III.2.5"]),
    ("Who reports to the Department of Home Affairs?", ["III.2.1", "III.2.5"]),
])
def test_units_and_roles(store, question, expected):
    assert ids(ask(store, question, today=TODAY)) == expected


@pytest.mark.parametrize("question,expected", [
    ("Which tasks are due by 5 December 2026?", ["II.1.1", "II.1.5", "III.2.1"]),
    ("What is due in November 2026?", ["II.1.5"]),
    ("Nhiệm vụ nào phải hoàn thành trong Quý IV/2026?", ["II.1.3", "II.1.5", "III.2.1"]),
    ("Nhiệm vụ nào có hạn trong tháng 11/2026?", ["II.1.5"]),
    ("nhiem vu nao phai hoan thanh truoc ngay 31/5/2026", ["II.1.1"]),
    ("Which tasks must be completed in 2026?", ["II.1.1", "II.1.3", "II.1.5", "III.2.1", "III.2.5"]),
    ("Nhiệm vụ nào đã quá hạn?", ["II.1.1"]),
    ("Which tasks are overdue?", ["II.1.1"]),
    ("Nhiệm vụ nào thực hiện thường xuyên?", ["II.2.1"]),
    ("What has to be done every year?", ["II.2.2"]),
    ("Nhiệm vụ nào thực hiện định kỳ?", ["II.2.1", "II.2.2", "III.2.2"]),
    ("Which tasks are done every week?", ["III.2.2"]),
    ("Nhiệm vụ nào báo cáo hằng tuần?", ["III.2.2"]),
    # "đến hết năm 2026": by the end of the year ("hết" is no topic word)
    ("Những nhiệm vụ nào phải thực hiện đến hết năm 2026?", ["II.1.1", "II.1.3", "II.1.5", "III.2.1", "III.2.5"]),
])
def test_deadlines(store, question, expected):
    a = ask(store, question, today=TODAY)
    assert ids(a) == expected
    assert a.intent == "deadline" and a.understood["dates"]


def test_overdue_counts_from_the_given_today(store):
    assert ids(ask(store, "Which tasks are overdue?", today=dt.date(2027, 1, 10))) == \
        ["II.1.1", "II.1.3", "II.1.5", "III.2.1", "III.2.5"]
    assert ids(ask(store, "Which tasks are overdue?", today=dt.date(2026, 1, 1))) == []


def test_deadline_with_a_unit(store):
    assert ids(ask(store, "Phòng Tổ chức - Hành chính - Quản trị phải hoàn thành gì trước ngày 31/12/2026?",
                   today=TODAY)) == ["III.2.1", "III.2.5"]


def test_who_lists_units_with_their_roles(store):
    a = ask(store, "Ai theo dõi việc đăng tin trên Trang thông tin điện tử?", today=TODAY)
    assert a.intent == "who" and ids(a) == ["III.3"]
    assert [(w.unit, w.role, w.number) for w in a.who] == [("Trung tâm Thông tin", "lead", "III.3")]
    j = a.to_json()
    assert j["who"][0] == {"unit": "Trung tâm Thông tin", "role": "lead", "id": "III.3", "document": a.tasks[0].document_label}


def test_who_in_english_gives_english_names(store):
    a = ask(store, "Who supports the tasks due in the fourth quarter of 2026?", today=TODAY)
    assert ids(a) == ["II.1.3", "II.1.5", "III.2.1"]
    assert ("Bộ Tài chính", "support", "Ministry of Finance") in {(w.unit, w.role, w.english) for w in a.who}


def test_topic_words_in_either_language(store):
    assert ids(ask(store, "Nhiệm vụ nào về Trang thông tin điện tử?", today=TODAY)) == ["III.3"]
    assert ids(ask(store, "Who must publish news on the website?", today=TODAY)) == ["III.3"]


def test_topic_narrows_a_unit_only_where_the_words_are(store):
    all_ = ids(ask(store, "Phòng Tổ chức - Hành chính - Quản trị phải làm gì?", today=TODAY))
    some = ids(ask(store, "Phòng Tổ chức - Hành chính - Quản trị phải làm gì về báo cáo kết quả?", today=TODAY))
    assert set(some) < set(all_) and some
    # words no task of the unit holds do not empty the answer
    assert ids(ask(store, "Phòng Tổ chức - Hành chính - Quản trị phải làm gì về tàu vũ trụ?", today=TODAY)) == all_


def test_scope_to_this_plan(store):
    a = ask(store, "Trong kế hoạch này, Trung tâm Thông tin chủ trì những gì?", today=TODAY)
    assert ids(a) == ["III.3"] and a.understood["scope"]
    a = ask(store, "What does the Information Centre (Trung tâm Thông tin) lead in this plan?", today=TODAY)
    assert ids(a) == ["III.3"] and a.understood["scope"]


def test_a_mention_is_no_role(store):
    # II.2.2 names Sở Tài chính as support; Nhà khách Thanh Xuân is only named inside III.1's list
    assert "III.1" in ids(ask(store, "Nhà khách Thanh Xuân Hà Nội có nhiệm vụ gì?", today=TODAY))
    assert ids(ask(store, "Nhà khách Thanh Xuân Hà Nội chủ trì những nhiệm vụ nào?", today=TODAY)) == []


def test_objectives_and_headings_are_never_answers(store):
    for q in ("Luật Thực hiện dân chủ ở cơ sở", "Nhiệm vụ nào về dân vận, dân chủ?", "Nhiệm vụ nào hoàn thành trong năm 2026?"):
        got = ids(ask(store, q, today=TODAY))
        assert "I.1" not in got and "II.1" not in got and "II.2" not in got and "III.2" not in got


@pytest.mark.parametrize("question,lang,text", [
    ("Bộ Tài chính phối hợp những nhiệm vụ nào?", "vi", "Đã hiểu: đơn vị Bộ Tài chính (phối hợp)."),
    ("Which tasks does the Ministry of Finance support?", "en", "Understood: unit Ministry of Finance (support)."),
    ("What is due in November 2026?", "en", "Understood: due in November 2026."),
    ("Nhiệm vụ nào phải hoàn thành trong Quý IV/2026?", "vi", "Đã hiểu: hạn trong Quý IV/2026."),
    ("Nhiệm vụ nào đã quá hạn?", "vi", "Đã hiểu: quá hạn tính đến 15/06/2026."),
])
def test_understood_in_the_askers_language(store, question, lang, text):
    a = ask(store, question, today=TODAY)
    assert a.lang == lang and a.understood["text"] == text
    assert a.understood["text_vi"].startswith("Đã hiểu") and a.understood["text_en"].startswith("Understood")
    j = a.to_json()
    assert {"documents", "unit", "units", "roles", "dates", "words", "kind", "text"} <= set(j["understood"])


def test_parse_due_ignores_document_dates():
    assert parse_due(fold_ascii("Quyết định 7619/QĐ-BCA yêu cầu gì?"), TODAY) is None
    assert parse_due(fold_ascii("Kế hoạch năm 2026 yêu cầu gì?"), TODAY) is None


def test_fulltext_folds_and_follows_the_store(tmp_path):
    """The index folds đ and diacritics, and follows re-ingestion and removal of a document."""
    from graph.fixtures import seed_facts as sf
    s = EmbeddedStore(tmp_path / "store", mode="w")
    f = sf()
    write_document(s, build_document(f, ingested_at="2026-03-01T08:00:00+00:00"))
    ft = fulltext(s)
    assert (tmp_path / "store" / "cancu-fulltext.sqlite").exists()
    n = len(ft)
    assert n == len(f.tasks)
    hit = ft.search([["don vi"], ["dan van"]])
    assert hit and all(h[2] == 2 for h in hit)
    assert ft.search([["Đơn vị".lower()]]) == []        # the question's words are folded by the caller
    # re-ingested later: the index re-reads that document only, and holds each task once
    write_document(s, build_document(f, ingested_at="2026-04-01T08:00:00+00:00"))
    assert len(fulltext(s)) == n
    # a second handle on the same file (another process) sees the same rows without re-reading
    other = FullText(str(tmp_path / "store" / "cancu-fulltext.sqlite"))
    assert other.sync(s) == {"added": 0, "removed": 0} and len(other) == n
    s.close()


def test_fulltext_bulk_read_equals_per_document_read(store, monkeypatch):
    """Many documents at once are read in two scans of the store; the rows are the same."""
    from graph import fulltext as ftmod
    one = FullText(":memory:")
    one.sync(store)
    monkeypatch.setattr(ftmod, "_BULK", 0)
    bulk = FullText(":memory:")
    bulk.sync(store)
    tasks = {t for t, _, _ in one.search([["dan van"]], limit=100)}
    assert len(one) == len(bulk) and tasks == {t for t, _, _ in bulk.search([["dan van"]], limit=100)}
    assert one.texts(tasks) == bulk.texts(tasks)


def test_a_day_that_opens_a_month_closes_the_month_before():
    """"trước ngày 01/01/2026" is due by the end of 2025 and in December 2025, not in January 2026;
    overdue still counts from the day itself."""
    import datetime as dt

    from graph.ask import Due
    today = dt.date(2026, 6, 1)
    end_2025 = Due("by", None, dt.date(2025, 12, 31), label="2025")
    december = Due("in", dt.date(2025, 12, 1), dt.date(2025, 12, 31), label="2025-12")
    january = Due("in", dt.date(2026, 1, 1), dt.date(2026, 1, 31), label="2026-01")
    assert end_2025.holds("2026-01-01", today) and december.holds("2026-01-01", today)
    assert not january.holds("2026-01-01", today)
    assert not end_2025.holds("2026-01-02", today) and january.holds("2026-01-02", today)
    assert Due("overdue", None, dt.date(2026, 1, 1)).holds("2025-12-31", today)
    assert not Due("overdue", None, dt.date(2026, 1, 1)).holds("2026-01-01", today)
