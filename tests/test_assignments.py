"""Who does what: table-driven cases for lead / support / report_to / deadline and inheritance."""
from __future__ import annotations

import pytest

from ingest import extract_text

H = "KẾ HOẠCH\nI. MỤC ĐÍCH\n1. Bảo đảm hiệu quả.\nII. TỔ CHỨC THỰC HIỆN\n"

# (items under section II, task id, lead, support, report_to, deadline)
CASES = [
    # a title naming a family's members after a colon (a 2025 city decision: "2. Trách nhiệm của các Sở: Xây
    # dựng, Tài chính, Nội vụ.") and a unit heading with its owner ("2. Trung tâm … thuộc Sở Khoa học và Công nghệ")
    ("1. Trách nhiệm của các Sở: Xây dựng, Tài chính, Nội vụ.\na) Chủ trì tham mưu Ủy ban nhân dân tỉnh.\n",
     "II.1.a", ("Sở Xây dựng", "Sở Tài chính", "Sở Nội vụ"), (), (), None),
    ("1. Trung tâm Chuyển đổi số và Truyền thông thuộc Sở Khoa học và Công nghệ\na) Thực hiện quản trị hệ thống.\n",
     "II.1.a", ("Trung tâm Chuyển đổi số và Truyền thông",), (), (), None),
    # "đề nghị Y" after the clause's own lead, in the same sentence, is what X proposes to Y (a 2025 council
    # resolution: "Cơ quan lập đề án có trách nhiệm hoàn thiện hồ sơ, đề nghị Ủy ban nhân dân Thành phố trình …");
    # after a ";" it asks Y to act, and "Đồng chủ trì với Y" stays a lead
    ("1. Sở Tư pháp có trách nhiệm hoàn thiện hồ sơ, đề nghị Ủy ban nhân dân tỉnh trình Hội đồng nhân dân tỉnh.\n",
     "II.1", ("Sở Tư pháp",), (), (), None),
    ("1. Sở Tư pháp chủ trì thực hiện; đề nghị Liên đoàn Lao động tỉnh tham gia.\n",
     "II.1", ("Sở Tư pháp", "Liên đoàn Lao động tỉnh"), (), (), None),
    ("1. Bộ Ngoại giao đồng chủ trì với Bộ Khoa học và Công nghệ, đẩy mạnh ngoại giao kinh tế.\n",
     "II.1", ("Bộ Ngoại giao", "Bộ Khoa học và Công nghệ"), (), (), None),
    # a report whose object runs 150 characters and more before "về X" (a 2025 provincial decision on electrical
    # safety), with a yearly day of "the year after"
    ("1. Sở Công Thương báo cáo định kỳ (trước ngày 30 tháng 01 năm sau) về tình hình an toàn điện và các vi phạm "
     "hành lang bảo vệ an toàn công trình điện lực trên địa bàn về Ủy ban nhân dân tỉnh và Bộ Công Thương.\n",
     "II.1", ("Sở Công Thương",), (), ("Ủy ban nhân dân tỉnh", "Bộ Công Thương"), "hằng năm"),
    # a second verb after "phối hợp" is shared by the partners named after it (a 2025 notice of the Government Office)
    ("1. Bộ Công an tiếp tục chủ động phối hợp, hướng dẫn Bộ Y tế, Ban Quản lý dự án xử lý các vướng mắc.\n",
     "II.1", ("Bộ Công an",), ("Bộ Y tế", "Ban Quản lý dự án"), (), None),
    # the parties a regulation binds lead their duties (2025 provincial regulations on drainage, telecom
    # infrastructure and forest fires): a clause "X có các nghĩa vụ sau:" over lettered items, a list of parties
    # sharing one duty, a party after a condition, and a power handed down ("Phân cấp cho X thực hiện")
    ("1. Đơn vị thoát nước có các nghĩa vụ sau:\na) Cung cấp, duy trì ổn định dịch vụ thoát nước.\n",
     "II.1.a", ("Đơn vị thoát nước",), (), (), None),
    ("1. Doanh nghiệp có hạ tầng mạng viễn thông và chủ sở hữu hạ tầng kỹ thuật có nghĩa vụ tạo điều kiện cho "
     "doanh nghiệp khác sử dụng chung hạ tầng.\n",
     "II.1", ("Doanh nghiệp có hạ tầng mạng viễn thông", "chủ sở hữu hạ tầng kỹ thuật"), (), (), None),
    ("1. Khi xảy ra sự cố gây gián đoạn thông tin liên lạc, doanh nghiệp viễn thông phải ưu tiên khôi phục liên lạc.\n",
     "II.1", ("doanh nghiệp viễn thông",), (), (), None),
    ("1. Phân cấp cho Ủy ban nhân dân các phường thực hiện nhiệm vụ của chủ sở hữu tài sản đối với hệ thống thoát nước.\n",
     "II.1", ("Ủy ban nhân dân các phường",), (), (), None),
    ("1. Căn cứ Kế hoạch phát triển kinh tế - xã hội của địa phương, hàng năm Ủy ban nhân dân các xã, phường xây dựng "
     "kế hoạch ngầm hóa mạng cáp viễn thông.\n",
     "II.1", ("Ủy ban nhân dân các xã, phường",), (), (), "hằng năm"),
    ("1. Giao Sở Nội vụ chủ trì, phối hợp với Sở Tài chính tham mưu, báo cáo UBND tỉnh trước ngày 15/12/2026.\n",
     "II.1", ("Sở Nội vụ",), ("Sở Tài chính",), ("Ủy ban nhân dân tỉnh",), "2026-12-15"),
    ("1. Sở Y tế chủ trì tổ chức thực hiện, hoàn thành trong Quý I/2027.\n",
     "II.1", ("Sở Y tế",), (), (), "2027-Q1"),
    ("1. Người đứng đầu các phòng, đơn vị có trách nhiệm quán triệt (Trung tâm Thông tin; Nhà khách UBND tỉnh xây dựng kế hoạch).\n",
     "II.1", ("Người đứng đầu các phòng, đơn vị",), (), (), None),
    ("1. Giao Phòng Tổ chức - Hành chính - Quản trị\n1.1. Xây dựng kế hoạch, báo cáo Sở Nội vụ theo quy định.\n",
     "II.1.1", ("Phòng Tổ chức - Hành chính - Quản trị",), (), ("Sở Nội vụ",), None),
    ("1. Bộ Khoa học và Công nghệ\na) Chủ trì tổ chức triển khai.\nb) Phối hợp với Bộ Tài chính đề xuất cơ chế.\n",
     "II.1.b", ("Bộ Khoa học và Công nghệ",), ("Bộ Tài chính",), (), None),
    ("1. Bộ Ngoại giao\nĐồng chủ trì với Bộ Khoa học và Công nghệ, phối hợp với các cơ quan liên quan thúc đẩy hợp tác.\n",
     "II.1", ("Bộ Ngoại giao", "Bộ Khoa học và Công nghệ"), ("các cơ quan liên quan",), (), None),
    ("1. Đề nghị Đài Truyền hình Việt Nam, Đài Tiếng nói Việt Nam phối hợp tuyên truyền.\n",
     "II.1", ("Đài Truyền hình Việt Nam", "Đài Tiếng nói Việt Nam"), (), (), None),
    ("1. Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương thực hiện thường xuyên.\n",
     "II.1", ("Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương",), (), (), "thường xuyên"),
    ("1. Tên nhiệm vụ: Xây dựng đề án.\n2. Cơ quan chủ trì: Bộ Tư pháp.\n3. Cơ quan phối hợp: Các bộ, ngành.\n",
     "II", ("Bộ Tư pháp",), ("Các bộ, ngành",), (), None),
    # a time adverbial before the subject (2025 decisions and decrees: "Từ ngày 01 tháng 12 năm 2025, Trung tâm …
    # tổ chức thực hiện …", "Trước ngày 15 tháng 8 hằng năm, Bộ … thực hiện …"), and a provision rewritten in
    # quotes whose subject follows the opening quote ("như sau:⏎“Bộ Công Thương công bố …”"); a quoted term is no
    # subject ("Thay thế cụm từ “Tổng cục Thi hành án dân sự” thành …")
    ("1. Từ ngày 01 tháng 12 năm 2025, Trung tâm Phục vụ hành chính công tỉnh, Trung tâm Phục vụ hành chính công "
     "cấp xã tổ chức tiếp nhận hồ sơ không phụ thuộc vào địa giới hành chính.\n",
     "II.1", ("Trung tâm Phục vụ hành chính công tỉnh", "Trung tâm Phục vụ hành chính công cấp xã"), (), (), None),
    ("1. Trước ngày 15 tháng 8 hằng năm, Bộ Tài chính thực hiện nhập dự kiến vốn đầu tư phát triển.\n",
     "II.1", ("Bộ Tài chính",), (), (), "hằng năm"),
    ("1. Sửa đổi, bổ sung khoản 3 Điều 3 như sau:\n“Bộ Công Thương công bố lượng hạn ngạch thuế quan của các năm "
     "tiếp theo.”\n",
     "II.1", ("Bộ Công Thương",), (), (), None),
    ("1. Thay thế cụm từ “Tổng cục Thuế” thành “Cục Thuế”; “Cục Thuế tỉnh” thành “Thuế tỉnh”.\n",
     "II.1", (), (), (), None),
    # a report whose object runs long before "về" / "đến" and the one who receives it (bulk2025 layouts)
    ("1. Sở Tư pháp chủ trì, báo cáo kết quả thực hiện các quy định của Quy chế về Ủy ban nhân dân tỉnh.\n",
     "II.1", ("Sở Tư pháp",), (), ("Ủy ban nhân dân tỉnh",), None),
    ("1. Sở Văn hóa gửi báo cáo kết quả bảo quản, phục chế bảo vật quốc gia đến Bộ Văn hóa, Thể thao và Du lịch.\n",
     "II.1", ("Sở Văn hóa",), (), ("Bộ Văn hóa, Thể thao và Du lịch",), None),
    # body nouns listed bare after "phối hợp với" (t25_552 V.5 layout)
    ("1. Sở Khoa học và Công nghệ chủ trì, phối hợp với doanh nghiệp, viện nghiên cứu, trường đại học tổ chức đào tạo.\n",
     "II.1", ("Sở Khoa học và Công nghệ",), ("doanh nghiệp", "viện nghiên cứu", "trường đại học"), (), None),
    # "sự phối hợp giữa X, Y" (t25_86 Điều 8.1.a) and "gửi hồ sơ … đến X" (t25_86 Điều 6.2)
    ("1. Sở Nội vụ chủ trì, bảo đảm sự phối hợp giữa Sở Tài chính và các địa phương.\n",
     "II.1", ("Sở Nội vụ",), ("Sở Tài chính", "các địa phương"), (), None),
    ("1. Các cơ quan, đơn vị gửi hồ sơ đề nghị khen thưởng đến Sở Nội vụ.\n",
     "II.1", ("Các cơ quan, đơn vị",), (), ("Sở Nội vụ",), None),
    # a condition whose main clause opens with "thì" (t25_81 Điều 7.2 layout)
    ("1. Trong trường hợp có nội dung phát sinh ngoài Chương trình công tác thì Sở Tư pháp đề xuất, báo cáo Ủy ban nhân dân tỉnh.\n",
     "II.1", ("Sở Tư pháp",), (), ("Ủy ban nhân dân tỉnh",), None),
    # the last unit of a list after "của" opens the next clause when "chủ trì" follows (t25_62 Điều 4.4)
    ("1. Trên cơ sở đề xuất của Sở Nông nghiệp và Môi trường, Thuế tỉnh, Sở Tài chính chủ trì, phối hợp với các đơn vị có liên quan báo cáo Ủy ban nhân dân tỉnh.\n",
     "II.1", ("Sở Tài chính",), ("các đơn vị có liên quan",), ("Ủy ban nhân dân tỉnh",), None),
    # ... and when a verb follows the list of whose proposal it is (bulk2025 659/TB-VPCP item 2, 5.1.a of a
    # 2025 decision: "Căn cứ báo cáo … của X và Y, Cục Z lập Báo cáo")
    ("1. Trên cơ sở đề nghị của các Bộ, cơ quan liên quan, Bộ Tài chính khẩn trương rà soát, bố trí kinh phí.\n",
     "II.1", ("Bộ Tài chính",), (), (), None),
    # not after words that name no proposal: a guide's authors stay objects
    ("1. Theo hướng dẫn của Bộ Tư pháp, Sở Nội vụ, các đơn vị triển khai.\n",
     "II.1", (), (), (), None),
    # a unit heading wrapped after its comma (bulk2025 220/CĐ-TTg II.1): its items inherit the whole list
    ("1. Bộ trưởng các Bộ, Thủ trưởng cơ quan ngang bộ,\nChủ tịch Ủy ban nhân dân các tỉnh, thành phố\na) Tập trung triển khai các nhiệm vụ.\n",
     "II.1.a", ("Bộ trưởng các Bộ", "Thủ trưởng cơ quan ngang bộ", "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố"), (), (), None),
    # the subject after a time limit that opens the clause (2025 regulations: "Chậm nhất là 15 ngày làm việc
    # kể từ ngày nhận được đề nghị, cấp có thẩm quyền …", "Trước khi liên hệ …, Chi nhánh … gửi")
    ("1. Chậm nhất là 15 ngày làm việc kể từ ngày nhận được đề nghị, Sở Nội vụ phải xem xét, quyết định.\n",
     "II.1", ("Sở Nội vụ",), (), (), None),
    # a steering committee named without its long name receives reports
    ("1. Sở Y tế chủ trì thực hiện, định kỳ báo cáo Ban Chỉ đạo về tiến độ.\n",
     "II.1", ("Sở Y tế",), (), ("Ban Chỉ đạo",), None),
    # a conclusion's answer to a proposal: the bodies the proposal names are no leads (bulk2025 634/TB-VPCP III.7)
    ("1. Về đề nghị Chính phủ chỉ đạo Bộ Tài chính xem xét, bố trí vốn dự án: giao Bộ Tài chính chủ trì, phối hợp với Bộ Xây dựng xem xét, báo cáo cấp có thẩm quyền.\n",
     "II.1", ("Bộ Tài chính",), ("Bộ Xây dựng",), ("cấp có thẩm quyền",), None),
    # state corporations listed after "các Tập đoàn:", not in the lexicon (bulk2025 634/TB-VPCP III.9)
    ("1. Đề nghị các Tập đoàn: Bưu chính viễn thông Việt Nam, Công nghiệp - Viễn thông Quân đội tổ chức triển khai, hoàn thành trong tháng 12 năm 2025.\n",
     "II.1", ("Tập đoàn Bưu chính viễn thông Việt Nam", "Tập đoàn Công nghiệp - Viễn thông Quân đội"), (), (), "2025-12"),
    # a day of each month is a monthly time limit (bulk2025 220/CĐ-TTg III.2); "các cấp thẩm quyền" is the authority
    ("1. Bộ Tư pháp báo cáo Thủ tướng Chính phủ kết quả thực hiện nhiệm vụ của các bộ, ngành trước ngày 20 hằng tháng.\n",
     "II.1", ("Bộ Tư pháp",), (), ("Thủ tướng Chính phủ",), "hằng tháng"),
    ("1. Bộ Xây dựng chuẩn bị khởi công giai đoạn 2 dự án để báo cáo các cấp thẩm quyền.\n",
     "II.1", ("Bộ Xây dựng",), (), ("các cấp thẩm quyền",), None),
    # under a lead-in's addressees, an item that names its own lead mid-sentence has that lead alone;
    # "với vai trò là …" after a subject is an apposition (bulk2025 627/TB-VPCP III.5.g, 634/TB-VPCP III.4)
    ("1. Thời gian còn lại rất ngắn; do vậy, yêu cầu các bộ, ngành, địa phương:\na) Tập trung triển khai các dự án.\n"
     "b) Kết quả đạt được là nhờ sự nỗ lực chung. Bộ Xây dựng với vai trò là cơ quan thường trực, chủ động tổng hợp.\n",
     "II.1.b", ("Bộ Xây dựng",), (), (), None),
    ("1. Thời gian còn lại rất ngắn; do vậy, yêu cầu các bộ, ngành, địa phương:\na) Tập trung triển khai các dự án.\n",
     "II.1.a", ("các bộ, ngành, địa phương",), (), (), None),
    # a report whose object runs long before "với" and the one who receives it (bulk2025 regulations: "báo
    # cáo kết quả chống dịch và đề xuất công bố hết dịch với Chủ tịch …"); not "kết quả làm việc với"
    ("1. Sở Y tế chủ trì, báo cáo kết quả chống dịch và đề xuất công bố hết dịch với Chủ tịch Ủy ban nhân dân tỉnh.\n",
     "II.1", ("Sở Y tế",), (), ("Chủ tịch Ủy ban nhân dân tỉnh",), None),
    ("1. Sở Y tế chủ trì, báo cáo kết quả làm việc với Bộ Y tế.\n",
     "II.1", ("Sở Y tế",), (), (), None),
    ("1. Bộ Tư pháp chịu trách nhiệm tổng hợp chung, báo cáo và giải trình với các cơ quan có thẩm quyền theo quy định.\n",
     "II.1", ("Bộ Tư pháp",), (), ("các cơ quan có thẩm quyền",), None),
    # a body named by what it does, as the subject of a duty (silver tasks3 Điều 5.3, bulk2025 regulations)
    ("1. Đơn vị quản lý, vận hành hệ thống chiếu sáng công cộng có trách nhiệm bảo vệ nguồn sáng, thiết bị chiếu sáng.\n",
     "II.1", ("Đơn vị quản lý, vận hành hệ thống chiếu sáng công cộng",), (), (), None),
    # a line ending with "phối hợp" opens a bullet list of partners (t25_182 III.2.3.b); a list after
    # "Chế độ báo cáo:" names who reports, not to whom
    ("1. Công an tỉnh\na) Chủ trì, phối hợp\n- Sở Tài chính và các đơn vị có liên quan tham mưu bố trí ngân sách.\n"
     "- Sở Nội vụ tham mưu quy định về phân cấp quản lý.\n",
     "II.1.a", ("Công an tỉnh",), ("Sở Tài chính", "các đơn vị có liên quan", "Sở Nội vụ"), (), None),
    ("1. Chế độ báo cáo:\n- Các sở, ban, ngành báo cáo kết quả thực hiện.\n",
     "II.1", ("Các sở, ban, ngành",), (), (), None),
    # a week's day is a weekly time limit (silver tasks2 5dbaef1b item 4: "trước 15:00 ngày thứ Sáu hàng tuần")
    ("1. Sở Y tế tổng hợp, báo cáo kết quả phòng, chống dịch của các đơn vị trước 15:00 ngày thứ Sáu hàng tuần.\n",
     "II.1", ("Sở Y tế",), (), (), "hằng tuần"),
    # a numbered heading of what is planned for a period frames the items under it (bulk2025 987/KH-UBND II.2);
    # a period the text talks about does not ("thanh toán giai đoạn 2019-2022")
    ("1. Kế hoạch phát triển giai đoạn 2026 - 2030\n1.1. Phát triển hạ tầng trạm phát sóng 5G.\n",
     "II.1.1", (), (), (), "2030"),
    ("1. Sở Tài chính rà soát việc thanh toán giai đoạn 2019-2022.\n",
     "II.1", ("Sở Tài chính",), (), (), None),
    # a heading that gives its items to one body keeps it for an item naming another ("1. Giao Ủy ban nhân
    # dân Thành phố:" over "g) Chỉ đạo Sở Xây dựng chủ trì, …", bulk2025 edc6fac0 Điều 8.1.g)
    ("1. Giao Ủy ban nhân dân tỉnh:\na) Ban hành kế hoạch.\nb) Chỉ đạo các sở. Sở Xây dựng chủ trì, tham mưu thực hiện.\n",
     "II.1.b", ("Ủy ban nhân dân tỉnh", "Sở Xây dựng"), (), (), None),
    ("1. Về đầu tư kho dầu: với vai trò là chủ đầu tư, Tập đoàn Dầu khí Việt Nam chủ động làm việc với các đối tác.\n",
     "II.1", ("Tập đoàn Dầu khí Việt Nam",), (), (), None),
    # a condition closed by a comma, without "thì", before the main clause's subject (silver tasks7 8b9a38d6 Điều 5.1);
    # a list going on after the comma is no subject
    ("1. Trường hợp cần thiết điều chỉnh danh mục hàng hóa, Sở quản lý ngành, lĩnh vực đánh giá sự cần thiết.\n",
     "II.1", ("Sở quản lý ngành, lĩnh vực",), (), (), None),
    ("1. Trường hợp có ý kiến của Hội đồng thẩm định cấp tỉnh, bộ, ngành, cơ quan được giao trách nhiệm thông báo.\n",
     "II.1", (), (), (), None),
    # a title "Trách nhiệm X" without "của" names its lead when a unit opens it (silver tasks7 1a434d0a Điều 10.3);
    # "Trách nhiệm thi hành" names none
    ("1. Trách nhiệm các cơ quan, đơn vị cấp thành phố và Ủy ban nhân dân xã, phường\na) Tổ chức triển khai thực hiện.\n",
     "II.1.a", ("các cơ quan, đơn vị cấp thành phố", "Ủy ban nhân dân xã, phường"), (), (), None),
    ("1. Trách nhiệm thi hành\na) Tổ chức triển khai thực hiện.\n",
     "II.1.a", (), (), (), None),
    # a short heading line over the sentence that names who acts (silver tasks7 1a434d0a Điều 9.1)
    ("1. Thẩm quyền đánh giá, xếp loại\nỦy ban nhân dân tỉnh ban hành Quyết định đánh giá, xếp loại.\n",
     "II.1", ("Ủy ban nhân dân tỉnh",), (), (), None),
    # … not a sentence wrapped at the line's end ("… phối hợp với⏎Sở Tài chính …")
    ("1. Sở Nội vụ chủ trì, phối hợp với\nSở Tài chính rà soát biên chế.\n",
     "II.1", ("Sở Nội vụ",), ("Sở Tài chính",), (), None),
    # "Sở Tài chính" before a yearly day is a body, not the budget words that make "hằng năm" a kind of budget
    # (silver tasks7 8b9a38d6 Điều 5.3.a)
    ("1. Sở Y tế rà soát danh sách, gửi Sở Tài chính trước ngày 25 tháng 01 hằng năm hoặc theo yêu cầu.\n",
     "II.1", ("Sở Y tế",), (), ("Sở Tài chính",), "hằng năm"),
    # the closing paragraph of a chairman's dispatch, its line broken by the layout, is no part of the last item
    # (silver tasks7 717159673033f644: "Chủ tịch Ủy ban nhân dân⏎Thành phố đề nghị các cơ quan, đơn vị …")
    ("1. Giao Sở Xây dựng tổ chức khảo sát.\nChủ tịch Ủy ban nhân dân\nThành phố đề nghị các cơ quan, đơn vị khẩn "
     "trương triển khai; có khó khăn, đề nghị các cơ quan, đơn vị báo cáo gửi Sở Xây dựng để tổng hợp.\n",
     "II.1", ("Sở Xây dựng",), (), (), None),
    # a procedure's step after its time limit, the limit naming whose opinion it waits for (a 2025 ministry's
    # circular: "Trong thời hạn 05 ngày kể từ ngày nhận được ý kiến của các cơ quan chuyên môn, Cục … trình …"),
    # and not a list read as an object elsewhere in the limit ("… phải tham mưu cho UBND tỉnh, Chủ tịch UBND tỉnh")
    ("1. Trong thời hạn 05 ngày kể từ ngày nhận được ý kiến của các cơ quan chuyên môn, Sở Tài chính trình Bộ "
     "trưởng Bộ Nông nghiệp và Môi trường.\n", "II.1", ("Sở Tài chính",), (), (), None),
    ("1. Sau 03 ngày làm việc kể từ khi nhận được văn bản đề nghị của các cơ quan, đơn vị, Sở Khoa học và Công nghệ "
     "xác minh, khôi phục hộp thư.\n", "II.1", ("Sở Khoa học và Công nghệ",), (), (), None),
    ("1. Trong thời hạn 10 ngày làm việc, kể từ ngày nhận được kiến nghị phải tham mưu cho Ủy ban nhân dân tỉnh, "
     "Chủ tịch Ủy ban nhân dân tỉnh có văn bản thông báo.\n", "II.1", (), (), (), None),
    # "phối hợp" right before a bare body noun supports without "với"; "phối hợp tổ chức …" organises
    ("1. Văn phòng Ủy ban nhân dân tỉnh phối hợp cơ quan chuyên môn tham mưu.\n2. Sở Tài chính phối hợp tổ chức thi.\n",
     "II.1", ("Văn phòng Ủy ban nhân dân tỉnh",), ("cơ quan chuyên môn",), (), None),
    ("1. Văn phòng Ủy ban nhân dân tỉnh phối hợp cơ quan chuyên môn tham mưu.\n2. Sở Tài chính phối hợp tổ chức thi.\n",
     "II.2", ("Sở Tài chính",), (), (), None),
    # a request sent in writing far before the one who receives it is a report to it; a notice or a request for
    # opinions is not ("gửi văn bản thông báo …", "gửi văn bản lấy ý kiến …")
    ("1. Cơ quan, đơn vị gửi văn bản đề nghị khôi phục hộp thư điện tử bị tạm khóa tới Sở Khoa học và Công nghệ.\n",
     "II.1", ("Cơ quan, đơn vị",), (), ("Sở Khoa học và Công nghệ",), None),
    ("1. Văn phòng Ủy ban nhân dân tỉnh gửi văn bản lấy ý kiến, xác nhận đến Ủy ban nhân dân cấp xã.\n",
     "II.1", ("Văn phòng Ủy ban nhân dân tỉnh",), (), (), None),
    # a period of any length before the subject ("Định kỳ 03 năm một lần hoặc khi cần thiết, X, Y thực hiện …")
    ("1. Định kỳ 03 năm một lần hoặc khi cần thiết, Bộ Nông nghiệp và Môi trường, Ủy ban nhân dân cấp tỉnh thực "
     "hiện điều tra loài ngoại lai xâm hại.\n", "II.1", ("Bộ Nông nghiệp và Môi trường", "Ủy ban nhân dân cấp tỉnh"),
     (), (), None),
    # one office of a commune's council and committee (a 2025 provincial decision on voters' petitions)
    ("1. Văn phòng HĐND - UBND cấp xã có trách nhiệm phân loại kiến nghị.\n", "II.1",
     ("Văn phòng Hội đồng nhân dân - Ủy ban nhân dân cấp xã",), (), (), None),
    # units asked to work with the actor, named before the verb (silver tasks9, tasks11: regulations on
    # petitions and on religion); a report "để phối hợp" stays a report; whose unit ("thuộc Bộ A") is no role
    ("1. Sở Nội vụ phải có văn bản gửi đến các cơ quan, đơn vị liên quan đề nghị phối hợp giải quyết.\n", "II.1",
     ("Sở Nội vụ",), ("các cơ quan, đơn vị liên quan",), (), None),
    ("1. Công an tỉnh trao đổi thông tin với Sở Dân tộc và Tôn giáo để phối hợp giải quyết.\n", "II.1",
     ("Công an tỉnh",), ("Sở Dân tộc và Tôn giáo",), (), None),
    ("1. Sở Y tế chủ trì kiểm tra, Thanh tra tỉnh và các cơ quan có liên quan phối hợp.\n", "II.1",
     ("Sở Y tế",), ("Thanh tra tỉnh", "các cơ quan có liên quan"), (), None),
    ("1. Sở Công Thương phải báo cáo ngay Sở Khoa học và Công nghệ để phối hợp xử lý.\n", "II.1",
     ("Sở Công Thương",), (), ("Sở Khoa học và Công nghệ",), None),
    ("1. Sở Tài chính thông báo tới đơn vị chuyên trách thuộc Bộ Công an để phối hợp thực hiện.\n", "II.1",
     ("Sở Tài chính",), (), (), None),
    # body nouns listed bare after "báo cáo" receive the report, with the named units the list goes on with
    # (bulk2025 regulations on e-mail and archaeology); a noun cut short, a topic after "về": no receiver
    ("1. Sở Tài chính có trách nhiệm báo cáo cơ quan, đơn vị và Sở Khoa học và Công nghệ khi có sự cố.\n", "II.1",
     ("Sở Tài chính",), (), ("cơ quan", "đơn vị", "Sở Khoa học và Công nghệ"), None),
    ("1. Sở Nội vụ thống kê và báo cáo cơ quan quản lý công chức về tình hình đội ngũ.\n", "II.1",
     ("Sở Nội vụ",), (), (), None),
    ("1. Sở Nội vụ lập báo cáo về khối lượng, chất lượng tín hiệu.\n", "II.1", ("Sở Nội vụ",), (), (), None),
    # one told at once of what happened, who then acts, is reported to (bulk2025 regulations: a notarial database,
    # religious works); a notice to whom it may concern, one told so that it knows, the offence of not telling: not
    ("1. Sở Tài chính phải báo ngay cho Sở Tư pháp để đối chiếu, cập nhật kịp thời.\n", "II.1",
     ("Sở Tài chính",), (), ("Sở Tư pháp",), None),
    ("1. Sở Xây dựng kịp thời thông tin cho Sở Dân tộc và Tôn giáo những vấn đề phát sinh.\n", "II.1",
     ("Sở Xây dựng",), (), ("Sở Dân tộc và Tôn giáo",), None),
    ("1. Văn phòng Ủy ban nhân dân tỉnh trân trọng thông báo đến Sở Xây dựng.\n", "II.1",
     ("Văn phòng Ủy ban nhân dân tỉnh",), (), (), None),
    ("1. Sở Tư pháp thông báo ngay cho Sở Nội vụ được biết.\n", "II.1", ("Sở Tư pháp",), (), (), None),
    ("1. Sở Tư pháp không thông báo ngay cho Sở Nội vụ.\n", "II.1", ("Sở Tư pháp",), (), (), None),
    # subjects after inline numbers lead (a 2025 VPCP conclusion, bulk2025 silver tasks16)
    ("1. Khẩn trương ban hành chiến lược dữ liệu: (1) Thanh tra Chính phủ ban hành trước ngày 25/11/2025; (2) Bộ "
     "Công an chủ trì ban hành hướng dẫn.\n", "II.1", ("Thanh tra Chính phủ", "Bộ Công an"), (), (), "2025-11-25"),
    # a title that is a unit and what it was given: the unit its sub-items are about (a 2025 e-mail regulation)
    ("1. Các cơ quan, đơn vị được cấp 01 tài khoản quản trị Thư điện tử công vụ.\na) Thực hiện thống kê số liệu.\n",
     "II.1.a", ("Các cơ quan, đơn vị",), (), (), None),    # the clause's subject feeds back what goes wrong to a body, which receives its reports and may report on
    # (bulk2025 silver: 22 readers' cases in 24); not where no unit of the clause does ("đề nghị phản ánh về …")
    ("1. Trong quá trình thực hiện, nếu phát sinh vướng mắc, các cơ quan, tổ chức, đơn vị kịp thời phản ánh về Sở Tài "
     "chính để tổng hợp, báo cáo Chủ tịch Ủy ban nhân dân tỉnh xem xét.\n", "II.1", ("các cơ quan, tổ chức, đơn vị",), (),
     ("Sở Tài chính", "Chủ tịch Ủy ban nhân dân tỉnh"), None),
    ("1. Trong quá trình thực hiện nếu có vướng mắc các cơ quan, đơn vị, địa phương, cá nhân phản ánh về Sở Nội vụ.\n",
     "II.1", (), (), ("Sở Nội vụ",), None),
    ("1. Sở Y tế chủ trì hướng dẫn thực hiện. Trong quá trình thực hiện, nếu có vướng mắc, đề nghị phản ánh về Bộ Y "
     "tế để kịp thời giải quyết.\n", "II.1", ("Sở Y tế",), (), (), None),
    # "và các" opens another collective (bulk2025 silver readers split "các sở, ban, ngành và các địa phương, đơn vị
    # liên quan" in two); a unit after "thì" or after "và" in a list of leads opens its clause
    ("1. Sở Khoa học và Công nghệ chủ trì, phối hợp với các sở, ban, ngành và các địa phương, đơn vị liên quan xây "
     "dựng quy trình.\n", "II.1", ("Sở Khoa học và Công nghệ",), ("các sở, ban, ngành", "các địa phương, đơn vị liên quan"),
     (), None),
    ("1. Chủ tịch Ủy ban nhân dân các xã, phường, các tổ chức hành nghề công chứng trên địa bàn và các tổ chức, cá "
     "nhân có liên quan chịu trách nhiệm thi hành Quyết định này.\n", "II.1",
     ("Chủ tịch Ủy ban nhân dân các xã, phường", "các tổ chức, cá nhân có liên quan"), (), (), None),
    # a collective described before its duty (a 2025 provincial decision on machinery standards)
    ("1. Trường hợp cần thiết thì các cơ quan, tổ chức, đơn vị được phân cấp thẩm quyền tại Điều 3 có trách nhiệm "
     "ban hành quyết định.\n", "II.1", ("các cơ quan, tổ chức, đơn vị được phân cấp thẩm quyền tại Điều 3",), (), (),
     None),
]


@pytest.mark.parametrize("body,tid,lead,support,report,deadline", CASES, ids=[c[0][:40] for c in CASES])
def test_roles(body, tid, lead, support, report, deadline):
    f = extract_text(H + body)
    t = {x.id: x for x in f.tasks}[tid]
    assert (t.lead, t.support, t.report_to, t.deadline) == (lead, support, report, deadline)


def test_a_table_with_a_chu_tri_column_is_read_row_by_row():
    t = (H + "STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành\n"
         "1 | Xây dựng kế hoạch chuyển đổi số | Sở Khoa học và Công nghệ | Sở Nội vụ, Sở Tài chính | Quý II/2026\n"
         "2 | Rà soát thủ tục hành chính | Văn phòng UBND tỉnh | Các sở, ban, ngành | Thường xuyên\n")
    f = extract_text(t)
    rows = [x for x in f.tasks if x.text.startswith(("1 |", "2 |"))]
    assert [(r.lead, r.support, r.deadline) for r in rows] == [
        (("Sở Khoa học và Công nghệ",), ("Sở Nội vụ", "Sở Tài chính"), "2026-Q2"),
        (("Văn phòng Ủy ban nhân dân tỉnh",), ("Các sở, ban, ngành",), "thường xuyên")]
    assert all(t[r.start:r.end] == r.text for r in rows)


def test_objectives_are_not_assignments():
    f = extract_text(H + "1. Giao Sở Nội vụ theo dõi.\n")
    kinds = {x.id: x.kind for x in f.tasks}
    assert kinds["I.1"] == "objective" and kinds["II.1"] == "assignment"


def test_passive_giao_is_no_lead():
    f = extract_text(H + "1. Thực hiện các nhiệm vụ được giao tại Quyết định này.\n")
    assert {x.id: x.lead for x in f.tasks}["II.1"] == ()


def test_a_flattened_row_reads_its_time_cell():
    """A PDF table row flattened one cell per line: a line holding only a date is the time column
    (bulk2025 74e2ddc7b11340da, annex of a Thông báo kết luận)."""
    from ingest.assignments import assign_row
    from ingest.units import find_units
    text = "6.\nXây dựng Luật Thuế thu nhập cá nhân (thay thế)\nNghị quyết số 71/NQ-CP\nBộ Tài chính\n31/10/2025\n"
    a = assign_row(text, 2, len(text), find_units(text, 2, len(text)))
    assert a.lead == ["Bộ Tài chính"] and a.deadline is not None and a.deadline.value == "2025-10-31"
    assert text[a.deadline.start:a.deadline.end] == "31/10/2025"


def test_a_flattened_row_whose_lead_column_comes_first():
    """'STT | Cơ quan chủ trì | Cơ quan phối hợp | … | Nội dung' flattened by PDF extraction
    (bulk2025 646f0a00d41743, annex of a Quyết định TTg): the row's first line is the lead cell and
    the dash list after it the support cell."""
    from ingest.assignments import assign_row
    from ingest.units import find_units
    text = ("1\nBộ Nông nghiệp và Môi trường\n- Bộ Khoa học và Công nghệ;\n- Bộ Xây dựng;\n"
            "Hoàn thiện hệ thống chính sách pháp luật về kiểm soát chất lượng không khí\n")
    a = assign_row(text, 1, len(text), find_units(text, 1, len(text)), lead_first=True)
    assert a.lead == ["Bộ Nông nghiệp và Môi trường"]
    assert a.support == ["Bộ Khoa học và Công nghệ", "Bộ Xây dựng"]


def test_the_header_says_whether_the_lead_column_comes_first():
    from ingest.structure import outline
    head = "QUYẾT ĐỊNH\nĐiều 1. Phê duyệt.\nNơi nhận:\n- Như trên.\nPHỤ LỤC\n"
    rows = "1\nBộ Y tế\nBộ Tài chính\nXây dựng đề án\n2\nBộ Tài chính\nBộ Y tế\nBan hành hướng dẫn\n"
    first = outline(head + "STT\nCơ quan chủ trì\nCơ quan phối hợp\nNội dung\n" + rows)
    later = outline(head + "STT\nNội dung\nCơ quan chủ trì\nCơ quan phối hợp\n" + rows)
    assert [i.lead_first for i in first.items if i.kind == "row"] == [True, True]
    assert [i.lead_first for i in later.items if i.kind == "row"] == [False, False]



def test_a_title_glued_to_its_actor_still_names_it():
    """"Điều 4. Trách nhiệm củaTrung tâm …" (a missing space, bulk2025 silver tasks9): the items under the
    title are the centre's duties."""
    f = extract_text("QUYẾT ĐỊNH\nBan hành Quy chế phối hợp\n\nĐiều 1. Trách nhiệm củaTrung tâm Phục vụ hành chính "
                     "công tỉnh\n1. Kiểm tra tính đầy đủ của thành phần hồ sơ.\n2. Trả kết quả cho tổ chức, cá nhân.\n")
    by = {t.id: t for t in f.tasks}
    assert by["Điều 1.1"].lead == ("Trung tâm Phục vụ hành chính công tỉnh",)
    assert by["Điều 1.2"].lead == ("Trung tâm Phục vụ hành chính công tỉnh",)


REG = "QUYẾT ĐỊNH\nBan hành Quy định\n\n"


def _leads(body: str):
    """The extraction of a regulation made of ``body``, and each task's lead by id."""
    f = extract_text(REG + body)
    return f, {t.id: t.lead for t in f.tasks}


def test_a_party_s_duties_under_a_nghia_vu_title():
    """"Nghĩa vụ của X" over items names X as their lead, as "Trách nhiệm của X" does (a 2025 market rules
    regulation, bulk2025 silver tasks16); the scope after the party ("trong …", "đối với …") and a long
    lower-case phrase after "và" are not the party; a name that holds "và" stays whole."""
    f, lead = _leads("Điều 1. Quyền và nghĩa vụ của thương nhân kinh doanh tại chợ\n1. Chấp hành nội quy chợ.\n"
                     "Điều 2. Nghĩa vụ của cán bộ, công chức trong thi hành công vụ\n1. Thực hiện đúng quy định.\n"
                     "Điều 3. Nghĩa vụ của doanh nghiệp và giá thuê sử dụng chung hạ tầng kỹ thuật viễn thông\n"
                     "1. Công khai giá thuê.\n"
                     "Điều 4. Trách nhiệm của Ban quản lý các khu công nghệ cao và khu công nghiệp Thành phố\n"
                     "1. Bảo đảm nguồn lực.\n")
    assert lead["Điều 1.1"] == ("thương nhân kinh doanh tại chợ",)
    assert lead["Điều 2.1"] == ("cán bộ, công chức",)
    assert lead["Điều 3.1"] == ("doanh nghiệp",)
    assert lead["Điều 4.1"] == ("Ban quản lý các khu công nghệ cao và khu công nghiệp Thành phố",)
    first = next(t for t in f.tasks if t.id == "Điều 1.1")
    assert all(f.source.text[s:e] == "thương nhân kinh doanh tại chợ" for r, s, e in first.evidence if r == "lead")
    # a sentence that opens like a title names no actor of its own: the article's actor stays (bulk2025
    # c15a1748f51c3fd0, a decision on teachers' duties)
    _, lead = _leads("Điều 1. Nhiệm vụ của giáo viên, giáo viên chủ nhiệm\n1. Nhiệm vụ của giáo viên thực hiện "
                     "theo quy định tại điều lệ trường học.\n")
    assert lead["Điều 1.1"] == ("giáo viên, giáo viên chủ nhiệm",)


def test_an_article_asking_a_body_names_it_and_a_skipped_article_number_is_an_article():
    """"Điều 21. Đề nghị Ủy ban mặt trận Tổ quốc cấp tỉnh, cấp xã" right after "Điều 19" (the printed
    numbering skips 20: a 2025 waste regulation, bulk2025 silver tasks16) is an article whose items the
    Front leads; an article further out of turn is not ("Điều 5." right after "Điều 1.")."""
    _, lead = _leads("Điều 1. Trách nhiệm của Sở Tài chính\n1. Bố trí kinh phí.\n"
                     "Điều 2. Trách nhiệm của Ủy ban nhân dân cấp xã\n1. Tổ chức thu gom.\n"
                     "Điều 4. Đề nghị Ủy ban mặt trận Tổ quốc cấp tỉnh, cấp xã\n1. Tuyên truyền, vận động Nhân dân.\n"
                     "Điều 5. Điều khoản thi hành\n1. Sở Nông nghiệp và Môi trường làm đầu mối.\n")
    assert lead["Điều 4.1"] == ("Ủy ban mặt trận Tổ quốc cấp tỉnh, cấp xã",)
    assert lead["Điều 2.1"] == ("Ủy ban nhân dân cấp xã",)
    assert "Điều 5.1" in lead
    _, lead = _leads("Điều 1. Phạm vi\nNội dung.\nĐiều 5. Nguyên tắc\nNội dung.\n")
    assert "Điều 5" not in lead


def test_the_header_says_what_follows_the_lead_column():
    """A flattened header "STT | Tên nhiệm vụ | Đơn vị chủ trì | Thời hạn | Kết quả thực hiện": no "phối hợp"
    column, the time right after the lead; "… | Cơ quan chủ trì | Cơ quan phối hợp | Thời hạn": a support column."""
    from ingest.structure import outline
    head = "QUYẾT ĐỊNH\nĐiều 1. Phê duyệt.\nNơi nhận:\n- Như trên.\nPHỤ LỤC\n"
    rows = "1\nXây dựng đề án\nBộ Y tế\n31/10/2025\nĐã gửi Bộ Tài chính\n"
    results = outline(head + "STT\nTên nhiệm vụ\nĐơn vị chủ trì\nThời hạn\nKết quả thực hiện\n" + rows)
    support = outline(head + "STT\nNội dung\nCơ quan chủ trì\nCơ quan phối hợp\nThời hạn\n" + rows)
    assert [(i.support_column, i.time_after_lead) for i in results.items if i.kind == "row"] == [(False, True)]
    assert [(i.support_column, i.time_after_lead) for i in support.items if i.kind == "row"] == [(True, False)]


def test_a_title_that_lists_duties_and_powers_names_its_actor():
    """The duty nouns of a title come in any order with powers beside them ("Trách nhiệm và quyền hạn của X",
    "Quyền và trách nhiệm của X", "Chức năng, nhiệm vụ, quyền hạn của X"; a consolidated Ministry of Defence
    regulation, bulk2025 silver tasks17); a title of rights alone ("Quyền của X") names no lead."""
    _, lead = _leads("Điều 1. Trách nhiệm và quyền hạn của Bộ Quốc phòng\n1. Chủ trì tổ chức đón tiếp.\n"
                     "Điều 2. Quyền và trách nhiệm của Hội đồng quản lý\n1. Phê duyệt kế hoạch.\n"
                     "Điều 3. Chức năng, nhiệm vụ, quyền hạn của Sở Tư pháp\n1. Tham mưu xây dựng văn bản.\n"
                     "Điều 4. Quyền của Sở Nội vụ\n1. Được cung cấp thông tin.\n")
    assert lead["Điều 1.1"] == ("Bộ Quốc phòng",)
    assert lead["Điều 2.1"] == ("Hội đồng quản lý",)
    assert lead["Điều 3.1"] == ("Sở Tư pháp",)
    assert lead["Điều 4.1"] == ()


def test_a_consolidated_text_s_footnote_marks_and_inserted_articles():
    """A consolidated text (văn bản hợp nhất) prints a footnote mark after an item's number ("2.[18] Chủ trì …")
    and the articles a later text inserted after their base ("Điều 10a." after "Điều 10."): both are items,
    and the numbering goes on from the base."""
    _, lead = _leads("Điều 1. Trách nhiệm của Bộ Quốc phòng\n1.[17] (được bãi bỏ).\n2.[18] Chủ trì tổ chức đón tiếp.\n"
                     "Điều 1a. Trách nhiệm của Bộ Công an[12]\n1. Chủ trì bảo đảm an ninh.\n"
                     "Điều 2. Trách nhiệm của Ủy ban nhân dân tỉnh\n1. Phối hợp với Bộ Quốc phòng.\n")
    assert lead["Điều 1.2"] == ("Bộ Quốc phòng",)
    assert lead["Điều 1a.1"] == ("Bộ Công an",)
    assert lead["Điều 2.1"] == ("Ủy ban nhân dân tỉnh",)
    assert "Điều 1.3" not in lead  # the inserted article's item is its own, not a third item of Điều 1


def test_a_subject_after_the_reports_its_work_rests_on():
    """"Trên cơ sở Báo cáo … của Chính phủ và Kết luận … của Văn phòng Quốc hội, Bộ Xây dựng làm việc …" (a
    Government Office letter, bulk2025 silver tasks17): the last unit of the list after the documents' issuers
    opens the clause, whatever the case of the document's word."""
    _, lead = _leads("Điều 1. Tổ chức thực hiện\n1. Trên cơ sở Báo cáo số 1052/BC-CP ngày 12/11/2025 của Chính phủ và "
                     "Kết luận của Ủy ban Thường vụ Quốc hội tại Thông báo số 4387/TB-VPQH của Văn phòng Quốc hội, Bộ Xây "
                     "dựng làm việc với Ủy ban Khoa học, Công nghệ và Môi trường của Quốc hội.\n")
    assert lead["Điều 1.1"] == ("Bộ Xây dựng",)
