"""Items that give no work (form fields of their parent, articles enacting or dating the document,
objectives) are told apart from tasks, and questions answer with the tasks only."""
from __future__ import annotations

import pytest

from graph.ask import ask
from graph.build import build_document
from graph.store import EmbeddedStore
from graph.writer import write_document
from ingest import extract, extract_text, read
from tests.conftest import shared_dir

DECISION = """QUYẾT ĐỊNH
Về việc ban hành Kế hoạch hành động thực hiện Chỉ thị số 52-CT/TW

Điều 1. Ban hành kèm theo Quyết định này Kế hoạch hành động thực hiện Chỉ thị số 52-CT/TW ngày 03 tháng 10 năm 2025 của Ban Bí thư.
Điều 2. Điều chỉnh nhiệm vụ xây dựng Đề án mạng lưới chuyên gia pháp lý như sau:
1. Tên nhiệm vụ: Xây dựng Đề án mạng lưới chuyên gia pháp lý.
2. Cơ quan chủ trì: Bộ Tư pháp.
3. Cơ quan phối hợp: Bộ Ngoại giao.
4. Thời gian hoàn thành: Quý IV/2026.
Điều 3. Quyết định này có hiệu lực kể từ ngày ký.
Điều 4. Bộ trưởng Bộ Tư pháp chịu trách nhiệm thi hành Quyết định này.
"""


def kinds(facts):
    return {t.id: t.kind for t in facts.tasks}


def test_fields_provisions_and_the_task_they_describe():
    f = extract_text(DECISION)
    k = kinds(f)
    assert k["Điều 1"] == "provision" and k["Điều 3"] == "provision"
    assert [k[f"Điều 2.{i}"] for i in range(1, 5)] == ["field"] * 4
    assert k["Điều 2"] == "task" and k["Điều 4"] != "provision"     # the execution clause gives work
    d2 = next(t for t in f.tasks if t.id == "Điều 2")
    assert d2.lead == ("Bộ Tư pháp",) and d2.support == ("Bộ Ngoại giao",)


def test_a_later_article_titled_phe_duyet_is_not_a_provision():
    f = extract_text("LUẬT\nĐiều 1. Phạm vi điều chỉnh\nLuật này quy định học bổng.\n"
                     "Điều 5. Phê duyệt học sinh hưởng chính sách\nỦy ban nhân dân cấp xã phê duyệt danh sách.\n")
    assert kinds(f).get("Điều 5") != "provision"


@pytest.fixture
def store(tmp_path):
    s = EmbeddedStore(tmp_path / "s", mode="w")
    write_document(s, build_document(extract_text(DECISION, path="qd.txt")))
    yield s
    s.close()


def test_questions_answer_with_tasks_not_fields_or_provisions(store):
    got = [t.number for t in ask(store, "Bộ Tư pháp chủ trì những nhiệm vụ nào?").tasks]
    assert "Điều 2" in got and not any(n.startswith("Điều 2.") for n in got)   # the task, not its "Cơ quan chủ trì" field
    # only Điều 1 cites it, enacting the plan: that provision is no answer; as no task names the directive,
    # the work of the decision resting on it (titled "… thực hiện Chỉ thị số 52-CT/TW") answers
    got = [t.number for t in ask(store, "Chỉ thị 52-CT/TW").tasks]
    assert got == ["Điều 2", "Điều 4"]


def test_a_heading_citing_a_directive_stands_for_its_items(tmp_path):
    text = ("KẾ HOẠCH\nI. MỤC ĐÍCH, YÊU CẦU\n1. Quán triệt Chỉ thị số 52-CT/TW ngày 03/10/2025 của Ban Bí thư.\n"
            "II. NHIỆM VỤ\nNhằm đạt được mục tiêu Chỉ thị số 52-CT/TW, các cơ quan thực hiện:\n"
            "1. Sở Y tế chủ trì rà soát quy định.\n2. Sở Tài chính chủ trì bố trí kinh phí.\n")
    s = EmbeddedStore(tmp_path / "s", mode="w")
    write_document(s, build_document(extract_text(text, path="kh.txt")))
    assert [t.number for t in ask(s, "Chỉ thị 52-CT/TW yêu cầu gì?").tasks] == ["II.1", "II.2"]
    s.close()


def test_real_decisions_from_the_dev_corpus():
    shared = shared_dir()
    if shared is None:
        pytest.skip("../shared is absent: real documents are not available here")
    from ingest.pipeline import extract_file
    k = kinds(extract_file(shared / "corpus" / "dev" / "004_nq-97-nqcp-2026-ctr-nq66-phap-luat.txt"))
    assert k["Điều 1"] == "provision" and k["Điều 2"] == "task" and k["Điều 2.2"] == "field"
    k = kinds(extract_file(shared / "corpus" / "dev" / "001_qd-844-qdttg-2026-kh-chithi52-bhyt.txt"))
    assert k["Điều 1"] == "provision" and k["I.1"] == "objective" and k["III.1"] == "assignment"


@pytest.mark.parametrize("first", [
    "Công bố kèm theo Quyết định này Danh mục 03 thủ tục hành chính được sửa đổi, bổ sung trong lĩnh vực Giáo dục.",
    "Công bố Danh mục thủ tục hành chính sửa đổi, bổ sung trong lĩnh vực đầu tư.",
    "Công bố thủ tục hành chính nội bộ được chuẩn hóa lĩnh vực Giáo dục và Đào tạo.",
])
def test_an_article_publishing_procedures_is_a_provision(first):
    """'Điều 1. Công bố kèm theo Quyết định này Danh mục thủ tục hành chính …' (the first article of the
    decisions publishing administrative procedures, 74 of them in corpus/bulk2025) enacts, gives no work."""
    f = extract_text(f"QUYẾT ĐỊNH\nVề việc công bố thủ tục hành chính\n\nĐiều 1. {first}\n"
                     "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n"
                     "Điều 3. Giám đốc Sở Giáo dục và Đào tạo chịu trách nhiệm thi hành Quyết định này.\n")
    k = kinds(f)
    assert k["Điều 1"] == "provision" and k["Điều 3"] != "provision"


def test_repeals_and_an_in_force_article_with_its_own_title_are_provisions():
    """'Điều 3. Hiệu lực thi hành.⏎Quyết định này có hiệu lực …', '2. Bãi bỏ Quyết định số …' and '…
    này thay thế Nghị định số …' date or repeal, they give no work (forms found in 2025 decisions)."""
    f = extract_text("QUYẾT ĐỊNH\nBan hành Quy định về an toàn điện\n\n"
                     "Điều 1. Sở Công Thương chủ trì hướng dẫn thực hiện Quy định này.\n"
                     "Điều 2. Hiệu lực thi hành.\nQuyết định này có hiệu lực kể từ ngày 01 tháng 12 năm 2025.\n"
                     "Điều 3. Điều khoản chuyển tiếp\n1. Bãi bỏ Quyết định số 04/2020/QĐ-UBND ngày 10/3/2020.\n"
                     "2. Quyết định này thay thế Quyết định số 05/2021/QĐ-UBND.\n"
                     "3. Sở Công Thương tổng hợp vướng mắc, báo cáo Ủy ban nhân dân tỉnh.\n")
    k = kinds(f)
    assert k["Điều 2"] == "provision" and k["Điều 3.1"] == "provision" and k["Điều 3.2"] == "provision"
    assert k["Điều 1"] != "provision" and k["Điều 3.3"] != "provision"


DISPATCH = """CÔNG ĐIỆN
Về việc chủ động ứng phó với bão số 15

1. Chủ tịch Ủy ban nhân dân các tỉnh, thành phố tổ chức theo dõi sát tình hình, tập trung chỉ đạo khắc phục nhanh hậu quả các đợt bão, lũ vừa qua theo chỉ đạo tại Nghị quyết số 380/NQ-CP ngày 25/11/2025 của Chính phủ, đồng thời chủ động triển khai các biện pháp cần thiết, trong đó:
a) Rà soát phương án sơ tán dân.
b) Bố trí lực lượng, phương tiện.
2. Bộ trưởng Bộ Quốc phòng chỉ đạo:
a) Bố trí lực lượng cứu hộ.
b) Sẵn sàng phương tiện.
"""


def test_an_item_that_words_its_own_duties_over_sub_items_is_work():
    """A dispatch's item naming its lead and a sentence of duties before its sub-items (a 2025 Prime Minister's
    dispatch) is a task; one whose own words are only its lead over the sub-items stays their heading."""
    f = extract_text(DISPATCH)
    k = kinds(f)
    assert k["1"] == "task" and k["2"] == "heading"
    one = next(t for t in f.tasks if t.id == "1")
    assert one.lead == ("Chủ tịch Ủy ban nhân dân các tỉnh, thành phố",) and "380/NQ-CP" in one.cites
    assert k["1.a"] == k["2.a"] == "task"


FORECAST = """KẾ HOẠCH
Tài chính - ngân sách nhà nước 03 năm 2026 - 2028

I. TÌNH HÌNH THỰC HIỆN DỰ TOÁN NĂM 2025
1. Thu ngân sách
Thu ngân sách đạt 95% dự toán.
II. DỰ BÁO NHỮNG TÁC ĐỘNG VÀ CÁC GIẢI PHÁP TỔ CHỨC THỰC HIỆN KẾ HOẠCH
1. Dự báo những tác động
Giá cả biến động khó lường.
2. Các giải pháp tổ chức thực hiện kế hoạch
2.1. Thu ngân sách
- Ngành Thuế tăng cường quản lý thu, chống thất thu ngân sách.
2.2. Chi ngân sách
- Quản lý chi ngân sách hiệu quả, tiết kiệm.
"""


def test_work_named_under_a_forecast_part_is_work():
    """A part read as context ("DỰ BÁO … VÀ CÁC GIẢI PHÁP …") whose numbered heading names the solutions:
    the items under that heading are tasks, the forecast beside it stays context (silver tasks12, a
    provincial three-year budget plan)."""
    k = kinds(extract_text(FORECAST))
    assert k["II.2.1"] == "task" and k["II.2.2"] == "task"
    assert k["II.1"] == "context" and k["I.1"] == "context"


REPORTING = """KẾ HOẠCH
Thực hiện công tác bình đẳng giới năm 2026

I. MỤC ĐÍCH, YÊU CẦU
1. Nâng cao nhận thức về bình đẳng giới.
II. TỔ CHỨC THỰC HIỆN
1. Sở Y tế chủ trì triển khai Kế hoạch.
III. CHẾ ĐỘ BÁO CÁO
Các sở, ban, ngành gửi báo cáo kết quả thực hiện về Sở Y tế trước ngày 15/11/2026.
IV. PHỤ LỤC MẪU BIỂU
Sở Y tế | Mẫu 01 | Báo cáo kết quả
"""


def test_a_part_without_items_that_opens_with_its_lead_is_a_task():
    """'III. CHẾ ĐỘ BÁO CÁO⏎Các sở, ban, ngành gửi báo cáo …' gives work itself (dev t25_174 VII, silver
    tasks12); a part holding a table, or parts over numbered items, stay headings."""
    f = extract_text(REPORTING)
    k = kinds(f)
    assert k["III"] == "task" and k["I"] == "heading" and k["II"] == "heading" and k["IV"] == "heading"
    t = next(t for t in f.tasks if t.id == "III")
    assert t.lead == ("Các sở, ban, ngành",) and t.report_to == ("Sở Y tế",) and t.deadline == "2026-11-15"


RESOLUTION = """NGHỊ QUYẾT
Quy định chính sách hỗ trợ đầu tư hạ tầng

Điều 1. Nguyên tắc
1. Việc sử dụng ngân sách theo Nghị quyết này chịu sự giám sát của cơ quan nhà nước có thẩm quyền.
2. Thẩm quyền ủy thác; thẩm định, giám sát và chi phí quản lý ủy thác.
Điều 2. Tổ chức thực hiện
1. Giao Thường trực Hội đồng nhân dân tỉnh giám sát việc thực hiện Nghị quyết.
2. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh tuyên truyền và giám sát việc thực hiện Nghị quyết.
"""


def test_who_answers_with_the_tasks_that_name_units(tmp_path):
    """'Ai giám sát …?' asks for units: items that only speak of supervision without naming who does it are
    left out when others name units (silver tasks12, a city council resolution)."""
    s = EmbeddedStore(tmp_path / "s", mode="w")
    write_document(s, build_document(extract_text(RESOLUTION, path="nq.txt")))
    got = [t.number for t in ask(s, "Ai giám sát việc thực hiện Nghị quyết này?").tasks]
    plain = [t.number for t in ask(s, "giám sát việc thực hiện Nghị quyết").tasks]
    s.close()
    assert got == ["Điều 2.1", "Điều 2.2"]
    assert "Điều 1.2" in plain  # the words alone still find the item that names no unit


def test_a_table_part_of_an_annex_is_no_units_work(tmp_path, SHARED):
    """A heading without sub-items ("I. DANH MỤC THỦ TỤC HÀNH CHÍNH …" over a table naming the service
    centres) does not answer what a unit must do (silver tasks12: a decision publishing procedures)."""
    f = extract(read(SHARED / "corpus" / "bulk2025" / "txt" / "e7cd8d423108e103.txt"))
    assert any(t.id == "I" and t.kind == "heading" and t.lead for t in f.tasks)  # the case is there
    s = EmbeddedStore(tmp_path / "s", mode="w")
    write_document(s, build_document(f))
    got = [t.number for t in ask(s, "Trung tâm Phục vụ hành chính công có trách nhiệm gì?").tasks]
    s.close()
    assert got == ["Điều 4"]



def test_who_asks_by_the_words_the_title_does_not_hold(tmp_path, SHARED):
    """'Ai giám sát … Nghị quyết về vùng phát thải thấp?' of the resolution so titled (silver tasks10): the
    items holding both words name nobody ("Thiết lập hệ thống giám sát …"), so who supervises is asked among
    the items naming their lead, by the words the title does not hold."""
    f = extract(read(SHARED / "corpus" / "bulk2025" / "txt" / "f20b8af669b140e9.txt"))
    s = EmbeddedStore(tmp_path / "s", mode="w")
    write_document(s, build_document(f))
    got = [t.number for t in ask(s, "Ai giám sát việc thực hiện Nghị quyết về vùng phát thải thấp?").tasks]
    s.close()
    assert got == ["Điều 12.2", "Điều 12.3"], got


def test_an_article_on_a_bodys_place_or_make_up_gives_no_work():
    # a decree on a ministry's duties (25/2025/NĐ-CP): "Vị trí và chức năng" and "Cơ cấu tổ chức" name the
    # ministry and its units; "Nhiệm vụ và quyền hạn" gives the work
    text = ("NGHỊ ĐỊNH\nQuy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Nội vụ\n"
            "Điều 1. Vị trí và chức năng\nBộ Nội vụ là cơ quan của Chính phủ, thực hiện chức năng quản lý nhà nước.\n"
            "Điều 2. Nhiệm vụ và quyền hạn\n1. Trình Chính phủ dự án luật về tổ chức bộ máy.\n"
            "Điều 3. Cơ cấu tổ chức\n1. Vụ Tổ chức - Biên chế.\n2. Vụ Chính quyền địa phương.\n"
            "Điều 4. Hiệu lực thi hành\nNghị định này có hiệu lực thi hành từ ngày 01 tháng 3 năm 2025.\n")
    k = kinds(extract_text(text))
    assert k["Điều 1"] == "context" and k["Điều 3.1"] == "context" and k["Điều 3.2"] == "context"
    assert k["Điều 2.1"] == "task"
