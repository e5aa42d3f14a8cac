"""Stage 3d: who does what: lead, support and report-to units and the deadline of each item.

Roles are read from the words of a clause and from the layout of the item:

- **cues before a unit**: ``Giao X``, ``Đề nghị X``, ``Yêu cầu X``, ``Đồng chủ trì với X`` and the
  fields ``Cơ quan chủ trì: X`` / ``Đơn vị thực hiện: X`` lead; ``phối hợp (với) X``, ``cùng X``
  and ``Đơn vị phối hợp: X`` support; ``báo cáo (kết quả) (về) X``, ``gửi (về) X`` and the
  ``(qua Y)`` after them receive reports;
- **the subject of a clause**: units that open a clause or a dash bullet and are followed by what
  they do (``Sở Y tế chủ trì …``, ``- Mặt trận Tổ quốc, Đoàn Thanh niên hỗ trợ …``,
  ``Căn cứ Kế hoạch này, các Sở, ban, ngành xây dựng …``) lead; a unit after a preposition
  (``của``, ``theo``, ``khi``, ``tại`` …) or inside parentheses does not;
- **the item's title**: a title that is a unit (``2. Sở Nội vụ:``), ``Trách nhiệm của X``,
  ``Nhiệm vụ của X``, ``Đối với X`` or ``X có trách nhiệm:`` names the lead of the item and of every
  item under it that names none of its own;
- **tables**: the ``chủ trì`` column leads, ``phối hợp`` supports, the time column is the deadline;
- **form fields** under an item (``b) Cơ quan chủ trì: …``, ``c) Thời gian thực hiện: …``) describe
  that item.

An item without a lead or deadline of its own inherits its parent's (``Thời gian thực hiện: năm
2026`` above items, ``2. Giao Phòng X`` above ``2.1``, ``2.2``).

    >>> from ingest.pipeline import extract_text
    >>> t = "III. TỔ CHỨC THỰC HIỆN\\n1. Giao Sở Nội vụ chủ trì, phối hợp với Sở Tài chính tham mưu, báo cáo UBND tỉnh trước ngày 15/12/2026.\\n"
    >>> task = extract_text(t).tasks[-1]
    >>> task.lead, task.support, task.report_to, task.deadline
    (('Sở Nội vụ',), ('Sở Tài chính',), ('Ủy ban nhân dân tỉnh',), '2026-12-15')
"""
from __future__ import annotations

import bisect
import datetime
import re
from dataclasses import dataclass, field

from .deadlines import Deadline, DeadlineIndex, deadline_of
from .units import COLON_FAMILIES, Mention, bare_units_at, unit_key

__all__ = ["Assignment", "assign_text", "assign_row", "assign_cells", "add_said_support", "title_lead", "ROLE_FIELDS"]

# --- cues that end right before a unit (tried on the 60 characters before it) -------------------
# ("Phân cấp cho Ủy ban nhân dân các phường thực hiện …", "Ủy quyền cho Giám đốc Sở Khoa học và Công nghệ thực hiện
# …": a power handed down with its work)
_CUE_LEAD = re.compile(r"(?:(?<![\wÀ-ỹ])(?<!được\s)(?<!đã\s)(?<!được\s\s)(?:[Gg]iao|(?<!văn\sbản\s)[Đđ]ề\s+nghị|[Yy]êu\s+cầu|[Pp]hân\s+công|(?<![\wÀ-ỹ] )(?:Phân\s+cấp|[ỦU]y\s+quyền|Uỷ\s+quyền)(?=\s+cho)|"
                       r"[Đđ]ồng\s+chủ\s+trì)(?:\s+(?:cho|với))?(?:\s+(?:các|những))?)\s*$")
# ("đề nghị các Thuế tỉnh, thành phố khẩn trương …": a plural before a name the grammar reads without it)
# (not "có văn bản đề nghị Tổng Kiểm toán nhà nước quyết định": a written request to the one who decides)
# ("phối hợp, hướng dẫn Bộ Y tế": a second verb shared by the partners named after it)
_CUE_SUPPORT = re.compile(r"(?<![\wÀ-ỹ])(?:[Pp]hối\s+hợp(?:\s+(?:chặt\s+chẽ|thường\s+xuyên|đồng\s+bộ))?"
                          r"(?:\s*(?:,|và)\s*(?:hướng\s+dẫn|hỗ\s+trợ|giúp\s+đỡ|tạo\s+điều\s+kiện\s+cho))?(?:\s+(?:với|cùng))?|"
                          r"[Cc]ùng(?:\s+với)?|[Hh]ỗ\s+trợ\s+phối\s+hợp|sự\s+phối\s+hợp(?:\s+chặt\s+chẽ)?\s+(?:giữa|của))\s*$")
_CUE_REPORT = re.compile(r"(?<![\wÀ-ỹ])(?<!được\s)(?:[Bb]áo\s+cáo(?:\s*(?:(?:(?:và|,)\s+)?(?:tham\s+mưu\s+)?(?:kiến\s+nghị|đề\s+xuất|đề\s+nghị)|"
                         r"(?:(?:và|,)\s+)?xin\s+ý\s+kiến(?:\s+chỉ\s+đạo)?(?:\s+của)?|(?:và|,)\s+tham\s+mưu(?:\s+(?:cho|giúp))?|kết\s+quả|định\s+kỳ|"
                         r"tình\s+hình|đột\s+xuất|tổng\s+hợp|nhanh|bằng\s+văn\s+bản|sơ\s+kết|tổng\s+kết|h[ằà]ng\s+(?:năm|quý|tháng|tuần|ngày)|"
                         r"6\s+tháng|thực\s+hiện|thường\s+xuyên|kịp\s+thời|ngay|đầy\s+đủ|và\s+đột\s+xuất|và\s+định\s+kỳ|lãnh\s+đạo))*"
                         r"(?:\s+(?:về|cho|lên|tới|đến|gửi|với))*|"
                         r"[Bb]áo\s+cáo[^.;:\n]{0,80}?theo\s+yêu\s+cầu\s+của|[Gg]ửi[^.;:\n]{0,60}?theo\s+yêu\s+cầu\s+của|"
                         r"[Gg]ửi(?:\s+(?:báo\s+cáo|kết\s+quả|kế\s+hoạch|văn\s+bản|hồ\s+sơ|về|cho|đến|tới|lên))*)\s*$")
# a report whose object runs long before the one who receives it ("báo cáo kết quả thực hiện các quy
# định của Quy chế về Ủy ban nhân dân tỉnh", "gửi báo cáo kết quả bảo quản … đến Ủy ban nhân dân cấp tỉnh",
# "gửi văn bản đề nghị khôi phục hộp thư … tới Sở Khoa học và Công nghệ");
# tried on the 160 characters before a unit, inside one clause, when they hold "áo" or "ửi" (every match
# does: the pattern opens with a look-behind, which the regex engine tries at every position)
# ("báo cáo định kỳ hoặc đột xuất về tình hình, kết quả thực hiện nội dung được ủy quyền theo yêu cầu của cơ quan có
# thẩm quyền": the one who asks for it receives it)
# ("báo cáo kết quả chống dịch và đề xuất công bố hết dịch với Chủ tịch Ủy ban nhân dân cấp tỉnh"; not "báo cáo
# kết quả làm việc với …", "… đối với …")
_CUE_REPORT_FAR = re.compile(r"(?<![\wÀ-ỹ])(?<!được\s)(?:[Bb]áo\s+cáo|[Gg]ửi\s+(?:báo\s+cáo|kết\s+quả|hồ\s+sơ|"
                             r"văn\s+bản(?!\s+(?:thông\s+báo|lấy\s+ý|xin\s+ý))|danh\s+sách))(?!\s+viên)[^.;:\n]{0,200}?"
                             r"\s(?:về|lên|tới|đến|(?<!việc\s)(?<!đổi\s)(?<!hợp\s)(?<!cùng\s)(?<!đối\s)(?<!gắn\s)(?<!kết\s)(?<!như\s)"
                             r"(?<!thuận\s)(?<!giữa\s)(?<!nhau\s)với|theo\s+yêu\s+cầu\s+của)\s*$")
# one told at once of what happened, who then acts ("phải báo ngay cho Sở Tư pháp để đối chiếu", "thông báo ngay
# cho Sở Tư pháp nếu để lộ mật khẩu", "kịp thời thông tin cho Sở Dân tộc và Tôn giáo"); the urgency tells it from a
# notice to whom it may concern ("thông báo tới các cơ quan, đơn vị", "trân trọng thông báo đến …", "thông báo đến
# Văn phòng đăng ký đất đai kết quả cập nhật"), which readers do not count; not one told so that it knows
# ("thông báo cho Tổ dân phố được biết"), nor "cung cấp thông tin cho X" (which supports), nor the offence of not
# doing so ("không thông báo cho cơ quan có thẩm quyền")
_NOTIFY_VERB = r"(?:[Tt]hông\s+báo|(?<![Tt]ình\s)(?<!ông\s)(?<!khai\s)[Bb]áo|(?<!cấp\s)[Tt]hông\s+tin)"
_CUE_NOTIFY = re.compile(r"(?<![\wÀ-ỹ])(?<!không\s)(?<!chưa\s)(?:(?:[Kk]ịp\s+thời|[Nn]gay)\s+" + _NOTIFY_VERB
                         + r"(?:\s+bằng\s+văn\s+bản)?|" + _NOTIFY_VERB + r"(?:\s+bằng\s+văn\s+bản)?\s+(?:ngay|kịp\s+thời)"
                         r"(?:\s+bằng\s+văn\s+bản)?)\s+(?:cho|đến|tới|với|về)\s*$")
_NOTIFY_ENDS = ("cho", "đến", "tới", "với", "về")
_TO_KNOW = re.compile(r"[^.;:\n]{0,80}?(?<![\wÀ-ỹ])(?:được[ \t]+)?biết(?![\wÀ-ỹ])")
_REPORT_FAR_ENDS = ("về", "lên", "tới", "đến", "với")  # its last words (the stretch before a unit, blanks aside, ends so)
# ... or the one who asks for the report: tried only there, not after every "của" (units follow it everywhere)
_ASKED_BY = re.compile(r"(?<![\wÀ-ỹ])theo\s+yêu\s+cầu\s+của$")
# between the one reported to and the next report: it gathers the reports and reports on ("… gửi Sở Tài
# chính để tổng hợp, báo cáo Ủy ban nhân dân Thành phố", "gửi Sở Tài chính tổng hợp vào kế hoạch ngân sách
# tỉnh hằng năm, để báo cáo …"); in one clause (no full stop, semicolon or line break)
_NEXT_HOP = re.compile(r"[^.;\n]{0,80}?(?<![\wÀ-ỹ])tổng\s+hợp[^.;\n]{0,80}$")
# the lead of a clause told to feed back what goes wrong to a body ("các cơ quan, tổ chức, đơn vị kịp thời phản ánh
# về Sở Tài chính để tổng hợp", "tổ chức, cá nhân có trách nhiệm phản ánh về Bộ Công Thương"): that body receives its
# reports (silver readers count it 22 times in 24; the dev readers do not where no unit of the clause does it:
# "…; nếu có vướng mắc, đề nghị phản ánh về Bộ Khoa học và Công nghệ")
_CUE_FEEDBACK = re.compile(r"(?<![\wÀ-ỹ])(?<!các\s)(?<!những\s)[Pp]hản\s+ánh(?:\s+(?:kịp\s+thời|ngay|bằng\s+văn\s+bản))*"
                           r"(?:\s*(?:,|và)\s*(?:kiến\s+nghị|đề\s+xuất))?\s+(?:về|đến|tới|lên)\s*$")
_FEEDBACK_ENDS = ("về", "đến", "tới", "lên")
_FEEDER_GAP = re.compile(r"[ \t]*(?:(?:có\s+trách\s+nhiệm|kịp\s+thời|chủ\s+động|cần|phải)[ \t]+)?$")
_CUE_VIA = re.compile(r"(?:\(|,)?\s*(?:qua|thông\s+qua)\s*$")
# the field labels of the forms plans use ("Cơ quan chủ trì:", "Đơn vị chủ trì tham mưu thực hiện:")
ROLE_FIELDS = {
    "lead": re.compile(r"(?:(?:[Cc]ơ\s+quan|[Đđ]ơn\s+vị|[Bb]ộ\s+phận)\s+(?:chủ\s+trì|thực\s+hiện|được\s+giao|chịu\s+trách\s+nhiệm)"
                       r"(?:\s+(?:tham\s+mưu|thực\s+hiện|triển\s+khai|chính))*|[Cc]hủ\s+trì(?:\s+thực\s+hiện)?|"
                       r"[Tt]rách\s+nhiệm\s+thực\s+hiện|[Cc]ơ\s+quan\s+thường\s+trực)\s*:\s*$"),
    "support": re.compile(r"(?:(?:[Cc]ơ\s+quan|[Đđ]ơn\s+vị|[Bb]ộ\s+phận)\s+phối\s+hợp(?:\s+thực\s+hiện)?|[Pp]hối\s+hợp(?:\s+thực\s+hiện)?)"
                          r"\s*:\s*$"),
    "report_to": re.compile(r"(?:[Bb]áo\s+cáo\s+(?:về|cho)|[Nn]ơi\s+nhận\s+báo\s+cáo|[Cc]ơ\s+quan\s+nhận\s+báo\s+cáo)\s*:\s*$"),
}
_FIELD_DEADLINE = re.compile(r"(?:[Tt]hời\s+(?:gian|hạn)(?:\s+(?:hoàn\s+thành|thực\s+hiện|triển\s+khai|trình))*|[Tt]iến\s+độ"
                             r"(?:\s+thực\s+hiện)?)\s*:\s*")
# a unit after these words is the object of something, not the one who acts
_NOT_SUBJECT_BEFORE = re.compile(
    r"(?<![\wÀ-ỹ])(?:của|theo|do|tại|thuộc|với|cho|đến|tới|từ|về|trong|ngoài|giữa|bởi|như|trước|sau|khi|để|là|trình|"
    r"tham\s+mưu|giúp|hướng\s+dẫn|chỉ\s+đạo|đôn\s+đốc|phục\s+vụ|đối\s+với|qua|kiến\s+nghị|đề\s+xuất|xin\s+ý\s+kiến|"
    r"ủy\s+quyền|uỷ\s+quyền|mời|lãnh\s+đạo|cùng|hoặc|gồm|bao\s+gồm|và|các|những|cấp|đoàn|thanh\s+tra|kiểm\s+tra|"
    r"giám\s+sát|làm\s+việc\s+với|phê\s+duyệt|chấp\s+thuận|quyết\s+định|thành\s+lập|kiện\s+toàn|sáp\s+nhập|"
    r"hợp\s+nhất|giải\s+thể|tổ\s+chức\s+lại|đánh\s+giá|khen\s+thưởng|xử\s+lý|trên|dưới|vào|ra|lên|nếu|thì|mà|nhưng)\s*$",
    re.I)
# in a row flattened from a PDF table, a unit after these words belongs to the description cell
_ROW_PREP_BEFORE = re.compile(r"(?<![\wÀ-ỹ])(?:của|cho|với|tại|đến|từ|về|theo|gửi|bởi|giữa|đối\s+với|trình|thuộc|và|hoặc|"
                              r"các|lên|trước|sau|như|giúp|thay|qua|do|tham\s+mưu|đề\s+xuất|hướng\s+dẫn|chỉ\s+đạo|là)\s*$", re.I)
# inside a cell, a unit after these words is an object ("Ủy ban nhân dân cấp tỉnh trình Hội đồng nhân dân")
_ROW_OBJECT_BEFORE = re.compile(r"(?<![\wÀ-ỹ])(?:của|cho|với|tại|đến|từ|về|theo|gửi|bởi|giữa|đối\s+với|trình|thuộc|lên|"
                                r"như|giúp|thay|qua|do|tham\s+mưu|đề\s+xuất|hướng\s+dẫn|chỉ\s+đạo|là)\s*$", re.I)
# what may come before a clause's subject: a bullet, the opening quote of a provision rewritten by an amendment
# ("như sau:⏎“Bộ Công Thương công bố …”"), an inline number ("(1) Thanh tra Chính phủ ban hành …; (2) Bộ Công an chủ
# trì …") and adverbial openers ending with a comma, a time among them ("Từ ngày 01 tháng 12 năm 2025, Trung tâm …
# tổ chức …", "Trước ngày 15 tháng 8 hằng năm, Bộ …")
_OPENERS = re.compile(
    r"^[\s\-+•*–“\"]*(?:\((?:\d{1,2}|[ivx]{1,4})\)\s*)?(?:(?:[Đđ]ồng\s+thời|[Tt]heo\s+đó|[Tt]rên\s+cơ\s+sở\s+đó|[Nn]goài\s+ra|[Bb]ên\s+cạnh\s+đó|[Hh][ằà]ng\s+năm|"
    r"[Đđ]ịnh\s+kỳ(?:\s+h[ằà]ng\s+(?:năm|quý|tháng)|[^;:,]{0,80}?)?|[Cc]ăn\s+cứ[^;:]{0,240}?|[Tt]rên\s+cơ\s+sở[^;:]{0,200}?|"
    r"[Tt]heo[^;:]{0,160}?|"
    r"[Tt]rong[^;:]{0,160}?|[Đđ]ể[^;:]{0,200}?|[Ss]au\s+khi[^;:]{0,200}?|[Kk]hi[^;:]{0,200}?|[Vv]ề[^;:]{0,200}?|"
    r"[Tt]rước\s+khi[^;:]{0,200}?|[Ss]au\s+\d{1,3}\s[^;:]{0,160}?|[Cc]hậm\s+nhất[^;:]{0,120}?|"
    r"(?:[Tt]rước|(?:[Kk]ể\s+)?[Tt]ừ|[Đđ]ến(?:\s+hết)?)\s+(?:ngày|tháng|quý|năm)\s[^;:]{0,100}?|"
    r"[Đđ]ối\s+với[^;:]{0,200}?|[Tt]ừ\s+nay[^;:]{0,60}?|[Tt]ùy\s+theo[^;:]{0,120}?|[Nn]hằm[^;:]{0,200}?|[Bb]ên\s+cạnh[^;:]{0,160}?|"
    r"[Nn]goài[^;:]{0,160}?|[Tt]hực\s+hiện[^;:]{0,240}?|[Tt]iếp\s+theo[^;:]{0,120}?|[Dd]ựa\s+trên[^;:]{0,160}?|"
    r"[Vv]ới\s+(?:tinh\s+thần|mục\s+tiêu|phương\s+châm)[^;:]{0,200}?|[Vv]ới\s+(?:vai\s+trò|tư\s+cách)[^;:]{0,120}?),\s*)*"
    r"(?:[Hh][ằà]ng\s+(?:năm|quý|tháng)\s+)?$")  # ("Căn cứ …, hàng năm Ủy ban nhân dân các xã xây dựng …")
# a condition before the main clause, which opens with "thì" or after a comma ("Trong trường hợp … thì Liên
# hiệp các hội … đề xuất", "Trường hợp cần thiết điều chỉnh danh mục …, Sở quản lý ngành, lĩnh vực đánh giá …")
_CONDITION_THEN = re.compile(r"^[\s\-+•*–]*(?:[Tt]rong\s+)?(?:[Tt]rường\s+hợp|[Nn]ếu|[Kk]hi)(?:[^;:]{0,240}?[\s,]thì|[^;:,]{0,200}(?:,[^;:,]{0,200})?,)\s*$")
# after the subject: these words mean the unit was a noun inside a longer phrase
# ("Bộ Xây dựng với vai trò là cơ quan thường trực, chủ động …": an apposition, not "X with Y")
# (a unit opening its clause stays its subject when power is handed to it: "1. Ủy ban nhân dân cấp xã được phân cấp
# thẩm quyền quyết định thanh lý … có trách nhiệm tổ chức thực hiện")
_NOT_SUBJECT_AFTER = re.compile(r"^\s*(?:của|về|tại|trong|thuộc|theo\s+quy\s+định|đối\s+với|với(?!\s+(?:vai\s+trò|tư\s+cách)\s)|cho|nhằm|đến|từ|năm|"
                                r"ngày|số|đã\s+được|được\s+(?!giao\b|phân\s+(?:cấp|quyền)\b|[uủ]y\s+quyền\b|uỷ\s+quyền\b)|bị|sẽ\s+được|là\s+(?!cơ\s+quan|đơn\s+vị|đầu\s+mối))",
                                re.I)
_STRONG_AFTER = re.compile(r"^\s*(?:\([^()]{0,120}\)\s*)?,?\s*(?:chủ\s+trì|có\s+trách\s+nhiệm|chịu\s+trách\s+nhiệm|"
                           r"là\s+(?:cơ\s+quan|đơn\s+vị)\s+(?:chủ\s+trì|thường\s+trực|đầu\s+mối)|được\s+giao|đồng\s+chủ\s+trì)", re.I)
# the first words of its phrases, in lower case (none holds an "i" or an "s", the letters whose
# case IGNORECASE reads otherwise than str.lower): a quick test before the pattern
_STRONG_FIRST = ("chủ", "có", "chịu", "là", "được", "đồng")
# the last words the cues above end with (a cue ends the stretch before a unit, blanks aside): a quick
# test before the search, which tries the pattern at every position of the stretch
_LEAD_ENDS = ("iao", "nghị", "cầu", "công", "trì", "cho", "với", "các", "những")
_SUPPORT_ENDS = ("hợp", "chẽ", "xuyên", "bộ", "với", "ùng", "giữa", "của", "dẫn", "trợ", "đỡ", "cho")
_REPORT_ENDS = ("cáo", "kiến", "nghị", "xuất", "quả", "kỳ", "hình", "hợp", "nhanh", "bản", "kết", "năm", "quý", "tháng", "mưu", "giúp",
                "ngày", "hiện", "xuyên", "thời", "ngay", "đủ", "về", "cho", "lên", "tới", "đến", "ửi", "với", "của", "hoạch",
                "sơ", "đạo")
# the longest phrase of _NOT_SUBJECT_BEFORE has three words: a match lies in the last three of a stretch
_NOT_SUBJECT_WORDS = 3
# a list after these and a colon names whom the work is for, not who does it
_FOR_WHOM = re.compile(r"(?<![\wÀ-ỹ])(?:đối\s+với|cho|gồm|bao\s+gồm)\s*$", re.I)
_PREDICATE_AFTER = re.compile(r"[ \t]+[a-zđà-ỹ]")
# title-case letters (ǅ …): str.isupper refuses a line holding one, "capitals and no lower case" does not
_TITLECASE = re.compile("[\u01c5\u01c8\u01cb\u01f2\u1f88-\u1f8f\u1f98-\u1f9f\u1fa8-\u1faf\u1fbc\u1fcc\u1ffc]")
_ENUM_GAP = re.compile(r"^\s*(?:,|;|và|hoặc|cùng)?\s*$")
# a clause ends at ; . : ! ? and at a line break that starts a bullet or follows one of those (a
# line break inside a sentence, as PDF text has them, ends nothing)
_CLAUSE_END = re.compile(r";|[.:!?](?=\s|$)|\n(?=[ \t]*(?:[-+•*–]|\d{1,2}[.)]|[a-zđ]\)))")
# the last of them in a stretch (each match is one character: the rightmost start is the last match)
_LAST_CLAUSE_END = re.compile(r"(?s:.*)(?:" + _CLAUSE_END.pattern + ")")
# a character of the actor a title names: no colon, but the one a family's list of members follows
# ("Trách nhiệm của các Sở: Xây dựng, Tài chính, Nội vụ.")
_ACTOR_CHAR = r"(?:[^:;]|(?:" + "|".join(r"(?<=[Cc]ác " + re.escape(f) + ")" for f in COLON_FAMILIES) + r"):)"
# the duty nouns a title lists before its actor, in any order and case, one of them a duty ("Trách nhiệm và
# quyền hạn của …", "Quyền và trách nhiệm của …", "Chức năng, nhiệm vụ, quyền hạn của …"; "Quyền của …" is none)
_POWER = r"(?:chức\s+năng|(?:thẩm\s+)?quyền(?:\s+hạn)?|quyền\s+lợi)"
_DUTY = r"(?:trách\s+nhiệm|nhiệm\s+vụ|nghĩa\s+vụ)"
_DUTY_NOUNS = r"(?i:(?:" + _POWER + r"\s*(?:,|và)\s*){0,2}" + _DUTY + r"(?:\s*(?:,|và)\s*(?:" + _DUTY + "|" + _POWER + r")){0,3})"
# a body of two letters, the title's last word ("Nhiệm vụ, quyền hạn của bộ": a decree's "bộ, cơ quan ngang bộ")
_SHORT_ACTOR = r"(?:bộ|sở|xã|Bộ|Sở)(?=\s*[:.;]?\s*$)"
_TITLE_ACTOR = re.compile(r"^\s*(?:" + _DUTY_NOUNS + r"|[Pp]hân\s+công\s+(?:nhiệm\s+vụ|trách\s+nhiệm))\s+(?:cụ\s+thể\s+)?"
                          r"(?:của|cho)(?:\s+|(?=[A-ZĐ]))(?P<actor>" + _ACTOR_CHAR + r"{3,200}?|" + _SHORT_ACTOR + r")\s*[:.;]?\s*$|^\s*(?:[Đđ]ối\s+với|[Gg]iao(?:\s+cho)?|"
                          r"[Đđ]ề\s+nghị|[Yy]êu\s+cầu)\s+"
                          r"(?P<actor2>" + _ACTOR_CHAR + r"{3,200}?)\s*[:.;]?\s*$|^\s*(?:[Tt]rách\s+nhiệm|[Nn]hiệm\s+vụ)\s+"
                          r"(?P<actor3>" + _ACTOR_CHAR + r"{3,200}?)\s*[:.;]?\s*$")
# (a title glued to its actor by a typo, "Trách nhiệm củaTrung tâm …", still names it)
# a unit's owner after its name in a title ("… thuộc Sở Khoa học và Công nghệ")
_OWNED_BY = re.compile(r"[ \t]+(?:trực[ \t]+)?thuộc[ \t]+")
_TITLE_FOR = re.compile(r"^\s*(?:[Đđ]ối\s+với|[Gg]iao(?:\s+cho)?)\s+(?P<actor>[^\n:;]{3,160}?)\s*:")
# ("2. Đơn vị thoát nước có các nghĩa vụ sau:": the duties a regulation lists under the party it binds)
_TITLE_ROLE_TAIL = re.compile(r"^\s*(?:\([^()\n]{0,160}\))?\s*(?:[-–:]\s*)?(?:(?:có\s+trách\s+nhiệm|chịu\s+trách\s+nhiệm|chủ\s+trì|thực\s+hiện|"
                              r"có\s+(?:các\s+)?(?:nghĩa\s+vụ|nhiệm\s+vụ)(?=\s+(?:sau|như\s+sau|cụ\s+thể)|\s*:)|"
                              r"triển\s+khai|tập\s+trung\s+thực\s+hiện)(?:\s+(?:các|những))?(?:\s+(?:nội\s+dung|nhiệm\s+vụ|"
                              r"công\s+việc)(?:\s+(?:sau|cụ\s+thể|như\s+sau|chủ\s+yếu))*(?:\s+đây)?)?\s*:?)?\s*$", re.I)


@dataclass
class Assignment:
    """The roles and deadline of one item, with the spans (clean offsets) that state them."""

    lead: list[str] = field(default_factory=list)
    support: list[str] = field(default_factory=list)
    report_to: list[str] = field(default_factory=list)
    deadline: Deadline | None = None
    own_lead: bool = False
    form_lead: bool = False
    form_support: bool = False
    form_deadline: bool = False
    title_lead: bool = False  # the lead is named by the item's title (inherited by its sub-items)
    evidence: list[tuple[str, int, int]] = field(default_factory=list)  # (role, start, end) of each unit


def _add(a: Assignment, role: str, m: Mention | tuple[str, int, int]):
    name, s, e = (m.name, m.start, m.end) if isinstance(m, Mention) else m
    lst = getattr(a, role)
    k = unit_key(name)
    if all(unit_key(x) != k for x in lst):
        lst.append(name)
    a.evidence.append((role, s, e))


def _chains(text: str, units: list[Mention]) -> list[list[Mention]]:
    """Units enumerated together ("X, Y và Z") as one chain. A remark in parentheses after a member, and the
    units it names, do not break the list ("phối hợp Văn phòng UBND tỉnh (Trung tâm Phục vụ hành chính công
    tỉnh) và UBND các xã, phường"): the list goes on after it when a separator follows."""
    out: list[list[Mention]] = []
    remark = None  # the parentheses right after the last chain's last member, when a list goes on after them
    for u in units:
        if remark and u.start < remark.end():
            continue
        gap = text[remark.end() if remark else out[-1][-1].end:u.start] if out else ""
        if out and _ENUM_GAP.match(gap) and ("\n" not in gap or gap.strip() in (",", "và", "hoặc")):
            out[-1].append(u)
        else:
            out.append([u])
        remark = _REMARK_IN_LIST.match(text, u.end)
    return out


# a remark in parentheses after a list member, then the list's last joint ("(Trung tâm …) và"); not the one a
# report goes through ("gửi Bộ A (qua Vụ B), Ủy ban …"), nor a remark before a comma, which may close an
# adverbial ("Trước khi … tại Đài Loan (Trung Quốc), doanh nghiệp …")
_REMARK_IN_LIST = re.compile(r"[ \t]*\((?![ \t]*(?:thông[ \t]+)?qua[ \t])[^()\n;]{1,160}\)(?=[ \t]*(?:và|hoặc)[ \t])")


def _clause_start(text: str, start: int, pos: int) -> int:
    """The start of the clause holding ``pos``: after the last ; . : ! ?, a line break before a bullet,
    or the end of a heading line written in capitals ("II. NHIỆM VỤ CỤ THỂ")."""
    lo = max(start, pos - 400)
    m = _LAST_CLAUSE_END.match(text, lo, pos)
    last = m.end() if m else lo
    nl = text.rfind("\n", last, pos)
    while nl != -1:
        line = text[max(lo, text.rfind("\n", lo, nl) + 1):nl]
        if line.isupper() or (_TITLECASE.search(line) and any(c.isupper() for c in line)
                              and not any(c.islower() for c in line)):
            last = nl + 1
            break
        nl = text.rfind("\n", last, nl)
    return last


def _paren_depth(text: str, start: int, pos: int) -> int:
    return text.count("(", start, pos) - text.count(")", start, pos)


def _strong_after(after: str) -> bool:
    """``_STRONG_AFTER.match(after)``, tried only when a parenthesis or one of its first words opens ``after``."""
    rest = after.lstrip()
    if rest[:1] == ",":
        rest = rest[1:].lstrip()
    elif rest[:1] == "(":
        return _STRONG_AFTER.match(after) is not None
    return rest[:5].lower().startswith(_STRONG_FIRST) and _STRONG_AFTER.match(after) is not None


_BULLETS = ("-", "+", "•", "–")
_BULLET_LINE = re.compile(r"[ \t]*[-+•–][ \t]*")
# the words ending a line that opens a list whose bullets each start with the units of that role ("b) Chủ
# trì, phối hợp⏎- Sở Tài chính và các đơn vị có liên quan tham mưu …⏎- Sở Nội vụ …")
# (not a report cue: "Chế độ báo cáo:⏎- Các sở, ban, ngành báo cáo …" lists who reports)
_LIST_CUES = (("support", re.compile(r"(?<![\wÀ-ỹ])[Pp]hối\s+hợp(?:\s+(?:với|cùng))?\s*:?\s*$")),)


def _listed_role(text: str, start: int, s: int) -> str | None:
    """The role of units that open a bullet line of a list whose opening line ends with a cue (at most 30
    bullet lines back), or None."""
    ls = text.rfind("\n", start, s) + 1
    if ls == 0 or ls <= start:
        return None
    b = _BULLET_LINE.match(text, ls, s)
    if b is None or b.end() != s:
        return None  # the units do not open the bullet line
    end = ls - 1  # the line break before the bullet line
    for _ in range(30):
        prev = text.rfind("\n", start, end) + 1
        if prev == 0 and start > 0:
            prev = start
        line = text[prev:end]
        if not _BULLET_LINE.match(line):
            for role, rx in _LIST_CUES:
                if rx.search(line):
                    return role
            return None
        if prev <= start:
            return None
        end = prev - 1
    return None


def _role_of(text: str, start: int, end: int, chain: list[Mention], prev_role: str | None, prev_end: int,
             title_end: int | None = None, last_end: int | None = None) -> str | None:
    """lead | support | report_to | None for a chain of units, from the words around it (``prev_role`` and
    ``prev_end``: the last chain given a role; ``last_end``: the end of the chain before, with a role or not)."""
    s = chain[0].start
    # an article's or a section's title is no cue for the unit opening its text ("Điều 21. Chế độ báo cáo⏎X …")
    before = text[max(start, s - 60, title_end if title_end is not None and title_end <= s else start):s]
    tail = before.rstrip()  # the cues end the stretch: their last words are tested first
    if tail.endswith("qua") and _CUE_VIA.search(before) and prev_role == "report_to" and s - prev_end < 30:
        return "report_to"
    if tail.endswith(_BULLETS):
        listed = _listed_role(text, start, s)
        if listed:
            return listed
    if tail.endswith(":"):
        for role, rx in ROLE_FIELDS.items():
            if rx.search(before):
                return role
        if prev_role and not text[prev_end:s].strip(" \t:"):
            return prev_role  # "phối hợp với các đơn vị: Văn phòng UBND tỉnh, …": the list names them
        if _FOR_WHOM.search(tail, 0, len(tail) - 1) and not (
                "\n" in before[len(tail):] and _PREDICATE_AFTER.match(text, chain[-1].end, end)):
            # "Sở Tài chính quyết định đối với: Văn phòng …; các cơ quan …", "Chi phí … bao gồm: Bảo hiểm xã
            # hội": whom it is done for, what is listed; not a sentence opening the next line ("… bao gồm:⏎
            # Chủ tịch Ủy ban nhân dân cấp xã chỉ đạo …")
            return None
    if tail.endswith(_SUPPORT_ENDS) and _CUE_SUPPORT.search(before):
        return "support"
    if tail.endswith(_NOTIFY_ENDS) and _CUE_NOTIFY.search(before) and not _TO_KNOW.match(text, chain[-1].end, end):
        return "report_to"
    far = max(start, s - 240, title_end if title_end is not None and title_end <= s else start)
    near = tail.endswith(_REPORT_ENDS) and _CUE_REPORT.search(before)
    far_m = None if near else ((len(tail) < 3 or tail.endswith(_REPORT_FAR_ENDS)
                                or (tail.endswith("của") and _ASKED_BY.search(tail))) and (
        text.find("áo", far, s) != -1 or text.find("ửi", far, s) != -1) and _CUE_REPORT_FAR.search(text, far, s))
    if near or far_m:
        if far_m and prev_role == "report_to" and far_m.group(0).rstrip().endswith("của"):
            return None  # "gửi báo cáo … về Bộ Nội vụ trước ngày … hoặc theo yêu cầu của cơ quan có thẩm quyền": when
        if prev_role == "report_to" and _NEXT_HOP.match(text, prev_end, s) and \
                text.find("phản ánh", max(start, prev_end - 120), prev_end) == -1:
            # "báo cáo về Bộ Y tế để tổng hợp, báo cáo Thủ tướng Chính phủ": the one reported to reports on
            return None
        return "report_to"
    if tail.endswith(_FEEDBACK_ENDS) and (fb := _CUE_FEEDBACK.search(before)):
        # the lead of the clause feeds back, or the unit right before the verb does ("nếu có vướng mắc các cơ quan,
        # đơn vị, địa phương, cá nhân phản ánh về Sở Nội vụ")
        led = prev_role == "lead" and prev_end > start and s - prev_end < 80 and _CLAUSE_END.search(text, prev_end, s) is None
        if led or (last_end is not None and last_end < s
                   and _FEEDER_GAP.match(text, last_end, s - len(before) + fb.start())):
            return "report_to"
    if tail.endswith(_LEAD_ENDS):
        cue = _CUE_LEAD.search(before)
        if cue:
            if prev_role == "lead" and cue.group()[:2] in ("Đề", "đề") and _CLAUSE_END.search(text, prev_end, s) is None:
                return None  # "X có trách nhiệm hoàn thiện hồ sơ, đề nghị Y trình …": X proposes to Y, who is no lead
            return "lead"
    cs = _clause_start(text, start, s)
    if title_end is not None and cs < title_end <= s:
        cs = title_end  # an article's or a section's title ends a clause ("Điều 11. Tổ chức thực hiện")
    left = text[cs:s]
    after = text[chain[-1].end:min(end, chain[-1].end + 160)]
    if _CONDITION_THEN.match(left) and (left.rstrip().endswith("thì") or after.lstrip()[:1] not in (",", ";", "(")):
        left = ""  # "Trong trường hợp …, thì X đề xuất": X opens the main clause (not a list going on)
    if left.endswith(("thì ", "thì\n")) and _strong_after(after):
        return "lead"  # "Căn cứ …, trường hợp cần thiết … thì các cơ quan … có trách nhiệm ban hành …": main clause
    if left.endswith((" và ", " và\n")) and prev_role == "lead" and _strong_after(after) and (
            _CLAUSE_END.search(text, prev_end, s) is None or _executes_after_list(text, prev_end, s, after)):
        # "Chủ tịch … các xã, các tổ chức hành nghề công chứng … và các tổ chức, cá nhân có liên quan chịu trách nhiệm"
        return "lead"
    words = left.rsplit(None, _NOT_SUBJECT_WORDS)
    if _NOT_SUBJECT_BEFORE.search(left, len(words[0]) if len(words) > _NOT_SUBJECT_WORDS else 0):
        return None
    if _strong_after(after):
        return "lead"
    # (a closing quote after the unit makes it a quoted term: "Thay thế cụm từ “Tổng cục Thuế” thành …")
    if _OPENERS.match(left) and not _NOT_SUBJECT_AFTER.match(after) and after.strip()[:1] not in ("", ")", "]", "”", '"'):
        return "lead"
    return None


def _opens_clause(text: str, start: int, end: int, first: Mention, u: Mention) -> bool:
    """Whether the unit, last of a list read as an object (``first`` opens the list), is the subject of the
    clause after it: a strong role word follows it, or all before it in the clause is an opener ending with
    a comma (whose proposal, or the time limit of a procedure's step)."""
    after = text[u.end:min(end, u.end + 160)]
    if _strong_after(after):
        return True
    cs = _clause_start(text, start, u.start)
    left = text[cs:u.start]
    return bool((_ON_PROPOSALS.match(left) or _TIME_LIMIT_OF.match(text, cs, first.start))
                and not _NOT_SUBJECT_AFTER.match(after) and after.strip()[:1] not in ("", ")", "]", ",", ";", "("))


_AND_GAP = re.compile(r"[ \t]+và[ \t]+")
# the execution clause's duty: its subjects may be listed with semicolons ("Chánh Văn phòng …; Thủ trưởng các sở …;
# Các Doanh nghiệp được nhà nước giao tài sản … và các tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành")
_EXECUTES = re.compile(r"\s*,?\s*(?:chịu|có)\s+trách\s+nhiệm\s+(?:thi\s+hành|tổ\s+chức\s+thực\s+hiện)", re.I)


def _executes_after_list(text: str, prev_end: int, s: int, after: str) -> bool:
    """Whether the units after "và" close a semicolon list of subjects of the execution clause (no sentence end
    nor colon since the last subject)."""
    return _EXECUTES.match(after) is not None and ";" in text[prev_end:s] and not any(c in text[prev_end:s] for c in ".:!?")


def _last_joins_lead(text: str, end: int, chain: list[Mention], prev_end: int) -> bool:
    """Whether the last unit of a chain read as no subject (it opens with an owner: "… của Kiểm toán nhà nước
    và các tổ chức …") joins the subjects named before it in the same clause: "và" before it, a strong role
    word after it."""
    u = chain[-1]
    return (len(chain) > 1 and _AND_GAP.fullmatch(text, chain[-2].end, u.start) is not None
            and _strong_after(text[u.end:min(end, u.end + 160)]) and _CLAUSE_END.search(text, prev_end, u.start) is None)


# the execution clause closing a decision or a circular, its subjects listed before it: "Chánh Văn phòng, Cục trưởng
# Cục Nhà giáo và Cán bộ quản lý giáo dục, Thủ trưởng …, Giám đốc Sở …, người đứng đầu các cơ sở giáo dục công lập,
# tổ chức và cá nhân liên quan chịu trách nhiệm thi hành Thông tư này./."
_EXECUTION = re.compile(r"(?:chịu|có)\s+trách\s+nhiệm\s+(?:thi\s+hành|tổ\s+chức\s+thực\s+hiện)"
                        r"(?=\s*(?:[./]|$)|\s+(?:[\wÀ-ỹ]+\s+){0,3}này(?![\wÀ-ỹ]))")
_SENTENCE_END = re.compile(r"(?s:.*)[.!?](?=\s)")
_ELEMENT_SEP = re.compile(r"(?s:.*)(?:[,;:]|(?<![\wÀ-ỹ])(?:và|hoặc)(?![\wÀ-ỹ]))")
# a unit followed by the verb of a modifier is its object, not a subject ("người đứng đầu tổ chức do Chính phủ,
# Thủ tướng Chính phủ thành lập")
_OBJECT_TAIL = re.compile(r"\s*(?:thành\s+lập|ban\s+hành|quyết\s+định|quy\s+định|phê\s+duyệt|giao|cử|chỉ\s+định|"
                          r"được|đã|trình|gửi|báo\s+cáo|đề\s+nghị|cấp\s+phép|công\s+nhận)(?![\wÀ-ỹ])")


def _execution_subjects(text: str, start: int, end: int, units: list[Mention], a: Assignment,
                        title_end: int | None) -> None:
    """Every unit that opens an element of the list of subjects before an execution clause leads (``_EXECUTION``):
    a unit right after the sentence's start, a comma, a semicolon, a colon or "và", outside parentheses; not
    a unit named after "thuộc" / "của" inside an element ("Thủ trưởng các đơn vị thuộc Bộ Tài chính")."""
    if "trách nhiệm" not in text[start:end]:
        return
    for m in _EXECUTION.finditer(text, start, end):
        lo = max(start, title_end if title_end is not None and title_end <= m.start() else start, m.start() - 900)
        se = _SENTENCE_END.match(text, lo, m.start())
        lo = se.end() if se else lo
        taken = {(s, e) for _, s, e in a.evidence}
        for u in units:
            if u.start < lo or u.end > m.start() or (u.start, u.end) in taken or _paren_depth(text, lo, u.start) > 0:
                continue
            sep = _ELEMENT_SEP.match(text, lo, u.start)
            gap = text[sep.end() if sep else lo:u.start].strip()
            if gap in ("", "các", "Các") and not _OBJECT_TAIL.match(text, u.end, m.start()):
                _add(a, "lead", u)
                a.own_lead = True


# "Trên cơ sở đề nghị của các Bộ, cơ quan liên quan, " / "Theo đề xuất của Sở A, Sở B, ": whose proposal
_ON_PROPOSALS = re.compile(r"^[\s\-+•*–]*(?:[Tt]rên\s+cơ\s+sở|[Tt]heo|[Cc]ăn\s+cứ)\s+(?i:(?:hồ\s+sơ\s+)?đề\s+nghị|đề\s+xuất|ý\s+kiến|báo\s+cáo|"
                           r"kết\s+quả|kết\s+luận|tờ\s+trình|thông\s+báo)[^;:.]{0,200}?\sc(?:ủa|ua)\s[^;:.]{0,200}?,\s*$")
# ("Trên cơ sở Báo cáo số 1052/BC-CP … của Chính phủ và Kết luận … của Văn phòng Quốc hội, Bộ Xây dựng làm việc …")
# a procedure's time limit before its step, the list it names right after "của" / "từ" ("Trong thời hạn 05 ngày
# kể từ ngày nhận được ý kiến của các cơ quan chuyên môn, Cục X trình …", "Sau khi nhận đủ hồ sơ của Sở A, Sở B …")
_TIME_LIMIT_OF = re.compile(r"[\s\-+•*–]*(?:[Tt]rong\s+(?:thời\s+hạn|vòng)|[Cc]hậm\s+nhất|[Ss]au\s+(?:khi|\d{1,3}\s+ngày)|"
                            r"[Kk]ể\s+từ)\s"
                            r"[^;:.]{0,200}?\s(?:của|từ)\s+$")


# an item of a meeting's conclusions that answers a proposal opens with it as its topic, up to a colon
# ("7. Về đề nghị Chính phủ chỉ đạo Bộ Tài chính xem xét, bố trí vốn …: giao Bộ Tài chính chủ trì …"): the
# bodies the proposal names are what was asked for, not who is given the work
_PROPOSAL_TOPIC = re.compile(r"[ \t]*Về[ \t]+(?:các[ \t]+)?(?:đề[ \t]+nghị|kiến[ \t]+nghị|đề[ \t]+xuất)(?![\wÀ-ỹ])")


def _proposal_topic_end(text: str, start: int, end: int) -> int:
    """The end of an item's proposal topic (its colon), or ``start`` when it opens with none."""
    if "Về" not in text[start:start + 8] or not _PROPOSAL_TOPIC.match(text, start, end):
        return start
    line_end = text.find("\n", start, end)
    colon = text.find(":", start, end if line_end == -1 else line_end)
    return start if colon == -1 else colon


def assign_text(text: str, start: int, end: int, units: list[Mention], *, exclude=(), year: int | None = None,
                deadline: bool = True, title_end: int | None = None, heading_end: int | None = None,
                deadlines: DeadlineIndex | None = None) -> Assignment:
    """Roles named in text[start:end] (``units`` are the mentions inside it, in order)."""
    a = Assignment()
    prev_role, prev_end = None, start
    last_end = None
    depth, at = 0, start  # the parentheses open at ``at``, counted on from the last chain (chains are in order)
    topic_end = _proposal_topic_end(text, start, end)
    for chain in _chains(text, units):
        if chain[0].start < topic_end:
            continue  # "7. Về đề nghị Chính phủ chỉ đạo Bộ Tài chính …: giao Bộ Tài chính chủ trì": what was proposed
        depth += _paren_depth(text, at, chain[0].start)
        at = chain[0].start
        role = _role_of(text, start, end, chain, prev_role, prev_end, title_end, last_end)
        last_end = chain[-1].end
        if role is None and len(chain) > 1 and "," in text[chain[-2].end:chain[-1].start] \
                and _opens_clause(text, start, end, chain[0], chain[-1]):
            # "trên cơ sở đề xuất của Sở A, Cơ quan B, Sở C chủ trì", "Trên cơ sở đề nghị của các Bộ, cơ quan
            # liên quan, Bộ Tài chính khẩn trương rà soát": the last of the list opens a clause
            role, chain = "lead", chain[-1:]
        elif role is None and prev_role == "lead" and _last_joins_lead(text, end, chain, prev_end):
            # "Thủ trưởng các đơn vị …, cán bộ, công chức của Kiểm toán nhà nước và các tổ chức, cá nhân có liên
            # quan chịu trách nhiệm thi hành": whose staff ends the list, the last unit is one more subject
            role, chain = "lead", chain[-1:]
        if role in (None, "report_to"):
            sa = _SUPPORT_AFTER.match(text, chain[-1].end, end)
            if sa and (sa.group("ask") if role else not _OWNER_BEFORE.search(text, max(start, chain[0].start - 12),
                                                                            chain[0].start)):
                # "gửi văn bản đến các cơ quan liên quan đề nghị phối hợp giải quyết" (asked to work with, not
                # reported to: "báo cáo ngay Sở A để phối hợp xử lý" stays a report); not whose unit ("thuộc Bộ A")
                role = "support"
        if depth > 0 and not (role == "report_to" and prev_role == "report_to"):
            continue  # units named inside parentheses are examples, not the ones in charge
        if role is None:
            continue
        for u in chain:
            _add(a, role, u)
        if role == "lead":
            a.own_lead = True
            before = text[max(start, chain[0].start - 60):chain[0].start]
            a.form_lead = a.form_lead or bool(ROLE_FIELDS["lead"].search(before))
        if role == "support":
            before = text[max(start, chain[0].start - 60):chain[0].start]
            a.form_support = a.form_support or bool(ROLE_FIELDS["support"].search(before))
        prev_role, prev_end = role, chain[-1].end
    _execution_subjects(text, start, end, units, a, title_end)
    _bare_support(text, start, end, units, a)
    _bare_report(text, start, end, units, a)
    if deadline:
        head = text[start:start + 44]  # a field counts when it opens within 40 characters ("Thời …", "Tiến …")
        fm = _FIELD_DEADLINE.search(text, start, end) if "hời" in head or "iến" in head else None
        if fm and fm.start() - start < 40:
            line_end = text.find("\n", fm.end(), end)
            a.deadline = deadline_of(text, fm.end(), end if line_end == -1 else line_end, year=year,
                                     exclude=exclude, field=True)
            a.form_deadline = a.deadline is not None
        if a.deadline is None and heading_end is not None and deadlines is not None:
            a.deadline = deadlines.best(start, heading_end)  # a period or date in the title frames the item
        if a.deadline is None:
            a.deadline = (deadlines.best(start, end) if deadlines is not None
                          else deadline_of(text, start, end, year=year, exclude=exclude))
    return a


# the units asked to work with the actor, named before the verb: "… liên hệ với các sở liên quan để phối
# hợp giải quyết", "gửi đến các cơ quan, đơn vị liên quan đề nghị phối hợp", "… chủ trì, Thanh tra tỉnh và
# các cơ quan liên quan phối hợp."
_SUPPORT_AFTER = re.compile(r"[ \t]*,?[ \t]*(?:(?:để|(?P<ask>đề[ \t]+nghị)|nhằm)[ \t]+(?:cùng[ \t]+)?phối[ \t]+hợp"
                            r"(?![\wÀ-ỹ])(?![ \t]+với)|phối[ \t]+hợp[ \t]*(?=[.;\n]|$))")
_OWNER_BEFORE = re.compile(r"(?<![\wÀ-ỹ])(?:thuộc|của)[ \t]*$")


# "phối hợp (với)" right before a bare list of body nouns ("phối hợp với doanh nghiệp, viện nghiên cứu",
# "phối hợp cơ quan chuyên môn tham mưu"; without "với" not a verb: "phối hợp tổ chức thi", "phối hợp phòng chống …")
_SUPPORT_BARE = re.compile(r"(?<![\wÀ-ỹ])[Pp]hối\s+hợp(?:\s+chặt\s+chẽ)?"
                           r"(?:\s+(?:với|cùng)[ \t]+|[ \t]+(?!tổ\s+chức|phòng\s+(?:chống|ngừa)))(?=[a-zđ])")


def _support_bare(text: str, start: int, end: int):
    """The matches of ``_SUPPORT_BARE.finditer(text, start, end)``, tried only before each "hối" (the
    pattern opens with a look-behind, which the regex engine would try at every position; its matches
    cannot overlap, so trying each start on its own finds the same ones)."""
    i = text.find("hối", start + 1, end)
    while i != -1:
        m = _SUPPORT_BARE.match(text, i - 1, end)
        if m:
            yield m
        i = text.find("hối", i + 3, end)


def _bare_support(text: str, start: int, end: int, units: list[Mention], a: Assignment) -> None:
    """Body nouns listed bare after "phối hợp với" support (the cue says they are units)."""
    named = {u.start: u for u in units}
    for m in _support_bare(text, start, end):
        if m.end() in named or _paren_depth(text, start, m.start()) > 0:
            continue
        _add_bare_list(a, "support", text, bare_units_at(text, m.end(), end), end, named)


def _add_bare_list(a: Assignment, role: str, text: str, bare: list[Mention], end: int,
                   named: dict[int, Mention]) -> None:
    """Give ``role`` to the bare body nouns of a list and to the named units the list goes on with
    ("phối hợp với đơn vị điện lực và các đơn vị liên quan")."""
    for u in bare:
        _add(a, role, u)
    pos = bare[-1].end if bare else None
    while pos is not None:
        gap = _ENUM_GAP_AT.match(text, pos, end)
        nxt = named.get(gap.end()) if gap and gap.end() > pos else None
        if nxt is None:
            break
        _add(a, role, nxt)
        pos = nxt.end


# "báo cáo (cho|lên …)" right before a bare list of body nouns ("báo cáo cơ quan, đơn vị và Sở Khoa học
# và Công nghệ", "báo cáo cơ quan chuyên môn …"); not the report's object ("báo cáo kết quả …", "báo cáo
# về khối lượng …", "… về tổ chức, hoạt động")
_REPORT_BARE = re.compile(r"[Bb]áo\s+cáo(?:\s+(?:bằng\s+văn\s+bản|kịp\s+thời|ngay|định\s+kỳ))?"
                          r"(?:\s+(?:cho|lên|với|tới|đến))?[ \t]+(?=[a-zđ])(?!tổ\s+chức|khối|cụm|cá\s+nhân)")


_NOUN_ENDS = re.compile(r"[ \t]*(?:[,.;:\n(]|$|(?:và|hoặc|để|về|nếu|khi|trước|theo|bằng)(?![\wÀ-ỹ]))")


def _bare_report(text: str, start: int, end: int, units: list[Mention], a: Assignment) -> None:
    """Body nouns listed bare after "báo cáo" receive the report, and the named units the list goes on with."""
    if a.report_to:
        return  # the item names whom it reports to
    named = {u.start: u for u in units}
    i = text.find("áo cáo", start + 1, end)
    while i != -1:
        m = _REPORT_BARE.match(text, i - 1, end)
        if m and m.end() not in named and not text[i - 2:i - 1].isalpha() and _paren_depth(text, start, i) == 0 \
                and text[max(start, i - 7):i - 1].rstrip() != "được":
            bare = bare_units_at(text, m.end(), end)
            if bare and not _NOUN_ENDS.match(text, bare[-1].end, end):
                bare = []  # a noun cut short ("cơ quan quản lý công chức"): not read as "cơ quan"
            _add_bare_list(a, "report_to", text, bare, end, named)
        i = text.find("áo cáo", i + 6, end)


_ENUM_GAP_AT = re.compile(r"[ \t]*(?:,|và|hoặc|cùng)[ \t]*")


def title_lead(text: str, body_start: int, title_end: int, units: list[Mention]) -> list[tuple[str, int, int]]:
    """The lead an item's title names: a title that is a unit ("2. Sở Nội vụ:"), ``Trách nhiệm của X``,
    ``Nhiệm vụ của X``, ``Đối với X``, ``X có trách nhiệm:``; [] when the title names none."""
    title = text[body_start:title_end]
    if not title.strip() or len(title) > 300:
        return []
    inside = [u for u in units if body_start <= u.start < title_end]
    m = _TITLE_ACTOR.match(title)
    if m:
        g = next(k for k in ("actor", "actor2", "actor3") if m.group(k))
        a0, a1 = body_start + m.start(g), body_start + m.end(g)
        named = [u for u in inside if a0 <= u.start < a1]
        if g == "actor3" and (not named or named[0].start != a0):
            return []  # "Trách nhiệm thi hành": no "của" and no body right after the word
        if named and not _rest_is_words(text, a0, a1, named):
            return [(u.name, u.start, u.end) for u in named]
        if g != "actor":
            return []
        cut = _ACTOR_SCOPE.search(text, a0, a1)  # "Nghĩa vụ của cán bộ, công chức trong thi hành công vụ"
        if cut and _PREDICATE_END.search(text, a0, cut.start()):
            return []  # a sentence, not a title: "Nhiệm vụ của giáo viên thực hiện theo quy định tại …"
        a1 = cut.start() if cut else a1
        tail = _ACTOR_AND.search(text, a0, a1)  # "Nghĩa vụ của doanh nghiệp và giá thuê sử dụng chung hạ tầng …"
        rest = text[tail.end():a1].split() if tail else []
        a1 = tail.start() if len(rest) > 4 and not any(w[:1].isupper() for w in rest) else a1
        actor = " ".join(text[a0:a1].split()).rstrip(".;,")
        return [(actor, a0, a0 + len(text[a0:a1].rstrip(" .;,")))] if 2 <= len(actor) <= 160 else []
    m = _TITLE_FOR.match(title)
    if m:
        a0, a1 = body_start + m.start("actor"), body_start + m.end("actor")
        named = [u for u in inside if a0 <= u.start < a1]
        if named and not _rest_is_words(text, a0, a1, named):
            return [(u.name, u.start, u.end) for u in named]
    if not inside or text[body_start:inside[0].start].strip() not in ("", "Giao", "giao", "-", "Đề nghị", "đề nghị",
                                                                       "Yêu cầu", "Giao cho"):
        return []
    chains = _chains(text, inside)
    chain = chains[0]
    given = _DELEGATED.match(text, chain[-1].end, title_end)
    if given and len(chains) > 1 and chains[1][0].start == given.end():
        chain = chains[1]  # "2. UBND tỉnh ủy quyền cho Giám đốc Sở Nội vụ:": the one given the powers leads
    tail_at = chain[-1].end
    owner = _OWNED_BY.match(text, tail_at, title_end)
    if owner:  # "2. Trung tâm Chuyển đổi số và Truyền thông thuộc Sở Khoa học và Công nghệ": the owner leads not
        tail_at = next((u.end for u in inside if u.start == owner.end()), tail_at)
    tail = text[tail_at:title_end]
    said = _TITLE_SAID.match(tail)
    tail = tail[said.end():] if said else tail
    if _TITLE_ROLE_TAIL.match(tail) or re.match(r"\s*(?:\([^()\n]{0,160}\))?\s*:", tail) or _TITLE_GIVEN.match(tail):
        return [(u.name, u.start, u.end) for u in chain]
    return []


# a title that hands powers or work to a unit ("UBND tỉnh ủy quyền cho Chủ tịch UBND tỉnh:", "… phân cấp cho …")
_DELEGATED = re.compile(r"[ \t]+(?:[uủ]y[ \t]+quyền|uỷ[ \t]+quyền|phân[ \t]+cấp|phân[ \t]+quyền|giao)(?:[ \t]+cho)?[ \t]+")


# what a title says of its units before their duty or its colon ("Sở Y tế, UBND cấp xã và các cơ quan, đơn vị có liên
# quan đến các lĩnh vực …, có trách nhiệm:", "Sở Khoa học và Công nghệ là cơ quan quản lý, vận hành Hệ thống …, có
# trách nhiệm:", "2. Các cơ quan, đơn vị liên quan đến hoạt động của doanh nghiệp:")
_TITLE_SAID = re.compile(r"[ \t]+(?:là|(?:(?:có[ \t]+)?liên[ \t]+quan[ \t]+)?(?:đến|tới))[ \t][^:;\n]{0,200}?"
                         r"(?:,(?=[ \t]*(?:có|chịu)[ \t]+trách[ \t]+nhiệm)|(?=[ \t]*:[ \t]*$))")


# a title that is a unit and what it was given ("3. Các cơ quan, đơn vị được cấp 01 tài khoản quản trị …."): the
# unit its sub-items are about
_TITLE_GIVEN = re.compile(r"[ \t]+được[ \t]+(?:cấp|giao|phân[ \t]+công|cử)(?![\wÀ-ỹ])[^\n:;]{0,200}[.:]?[ \t]*$")


# where an unnamed actor's words end and the scope of its duty begins
# (a party is named in a few words: a long phrase in lower case after "và" is what the article is also about;
# not a name that holds "và", "Ban quản lý các khu công nghệ cao và khu công nghiệp Thành phố")
_ACTOR_AND = re.compile(r"\s+và\s+")
_PREDICATE_END = re.compile(r"(?<![\wÀ-ỹ])(?:thực\s+hiện|được|là|có|phải|do)\s*$")
_ACTOR_SCOPE = re.compile(r"\s+(?:đối\s+với|trong|khi|về|theo|được\s+quy\s+định)\s")


def _rest_is_words(text: str, a0: int, a1: int, units: list[Mention]) -> bool:
    """True when, besides the units, the actor phrase holds more than connectors."""
    rest = text[a0:a1]
    for u in units:
        rest = rest.replace(text[u.start:u.end], " ")
    return len(re.findall(r"[\wÀ-ỹ]+", rest)) > 3


# between two units of one cell flattened one line per fragment: separators and line breaks only
_CELL_LIST_GAP = re.compile(r"[\s,;&]*(?:(?:và|hoặc)[\s,;]*)?(?:[-+•][ \t]*)?")


def assign_row(text: str, start: int, end: int, units: list[Mention], *, exclude=(), year=None,
               deadlines: DeadlineIndex | None = None, lead_first: bool = False, support_column: bool = True,
               time_after_lead: bool = False) -> Assignment:
    """An annex row flattened one line per cell fragment: description, lead cell, support cell, …
    (``lead_first``: the table's header puts the lead column right after the number, before the
    description, so the lead cell is the row's first line; ``time_after_lead``: the time column follows
    the lead's, so the lead cell is the units right above the time cell; without ``support_column`` a
    later cell — results, notes — names no support)."""
    a = Assignment()
    if not units:
        return a
    above = _cell_above_time(text, start, end, units, year, exclude) if time_after_lead and not lead_first else None
    if above is not None:
        k, time = above
        return _row_roles(a, text, start, end, units, k, [units[k:_cell_end(text, units, k)]],
                          exclude=exclude, year=year, deadlines=deadlines, time=time)
    # the lead cell starts at the first unit that opens a line
    line_starts = set()
    dash_cells = set()  # units that are a whole dash line: "- Bộ Xây dựng;" (a cell listing its units), not "- Bộ Xây dựng chủ trì …"
    pos = start
    for ln in text[start:end].split("\n"):
        line_starts.add(pos + len(ln) - len(ln.lstrip()))
        bullet = _BULLET_LINE.match(ln)
        if bullet:
            dash_cells.add(pos + bullet.end())
        pos += len(ln) + 1
    dash_cells = {u.start for u in units if u.start in dash_cells and _CELL_LINE_END.match(text, u.end)}
    first = None
    for k, u in enumerate(units):
        if lead_first:
            first = k if not text[start:u.start].strip(" \t\n.") else None
            break
        if (u.start in line_starts or u.start in dash_cells) and u.start > start + 2 and \
                not _ROW_PREP_BEFORE.search(text[max(start, u.start - 30):u.start]):
            first = k if first is None else first
            if not _RUNS_ON.match(text, u.end):
                first = k  # a cell, not the agent of the description's words ("Thủ tướng Chính phủ giao về …")
                break
    if first is None:
        return a
    cells: list[list[Mention]] = [[units[first]]]
    for u in units[first + 1:]:
        if _ROW_OBJECT_BEFORE.search(text, max(start, u.start - 30), u.start):
            continue  # "Ủy ban nhân dân cấp tỉnh trình Hội đồng nhân dân": the object inside a cell
        gap = text[cells[-1][-1].end:u.start]
        if len(cells) == 2 and _CELL_LIST_GAP.fullmatch(gap):
            cells[-1].append(u)  # the support cell lists its units one per line ("Bộ Ngoại giao;\nCơ quan, tổ chức …")
        elif "\n" in gap and not re.search(r"[,&]\s*$|\bvà\s*$|-\s*$", text[cells[-1][-1].end - 5:cells[-1][-1].end] + gap.split("\n")[0]) \
                and u.start in line_starts:
            cells.append([u])
        elif _ENUM_GAP.match(gap) or gap.strip() in ("", ",", ";") or (
                u.start in dash_cells and cells[-1][-1].start in dash_cells and _DASH_GAP.fullmatch(gap)):
            cells[-1].append(u)  # ("- Bộ Xây dựng;⏎- UBND các tỉnh, thành phố.": one cell listing its units)
        else:
            cells.append([u])
        if len(cells) > 2:
            break
    return _row_roles(a, text, start, end, units, first, cells if support_column else cells[:1],
                      exclude=exclude, year=year, deadlines=deadlines)


def _row_roles(a: Assignment, text: str, start: int, end: int, units: list[Mention], first: int,
               cells: list[list[Mention]], *, exclude, year, deadlines, time: Deadline | None = None) -> Assignment:
    """A row's roles from its cells: the first leads, the second (the "phối hợp" column) supports; ``time``,
    the time cell right after the lead's when the header says so."""
    for x in cells[0]:
        _add(a, "lead", x)
    a.own_lead = True
    if len(cells) > 1:
        for x in cells[1]:
            _add(a, "support", x)
    if first:  # the description's own words may name whom the task reports to, and who supports it
        add_said_support(a, text, start, units[first].start, units[:first], exclude=exclude, year=year,
                         roles=("report_to",) if len(cells) > 1 else ("support", "report_to"))
    # a time column right after the lead's is the row's deadline, over a date its words hold ("… chiến lược đến năm
    # 2035" then "01/10/2025"); elsewhere a line of a date alone may be the words' own, wrapped ("- Từ⏎quý III/2030")
    said = (deadlines.best(start, end) if deadlines is not None
            else deadline_of(text, start, end, year=year, exclude=exclude)) if time is None else None
    a.deadline = time or said or _time_cell(text, start, end, year, exclude)
    return a


# a unit that opens a line and goes on with a verb of one who gives the work: the agent inside the description
# ("… nhiệm vụ được Chính phủ,⏎Thủ tướng Chính phủ giao về …"), not the lead cell ("Bộ Tài chính chủ trì theo dõi")
_RUNS_ON = re.compile(r"[ \t]+(?:giao|phân\s+công|chỉ\s+đạo|yêu\s+cầu|ban\s+hành|quyết\s+định|phê\s+duyệt)(?![\wÀ-ỹ])")


def _cell_above_time(text: str, start: int, end: int, units: list[Mention], year,
                     exclude) -> tuple[int, Deadline] | None:
    """The index of the first unit of the cell right above a row's time cell, when that cell holds
    units only, one line or a list ("Bộ Khoa học và Công nghệ" then "10/10/2025"), and the time cell's
    deadline; None otherwise."""
    found = _time_line_and_cell(text, start, end, year, exclude)
    if found is None:
        return None
    line = found[0]
    k = max((i for i, u in enumerate(units) if u.end <= line), default=None)
    if k is None or not _CELL_LINE_END.fullmatch(text, units[k].end, line):
        return None
    while k > 0:
        gap = text[units[k - 1].end:units[k].start]
        if not _CELL_LIST_GAP.fullmatch(gap) or ("\n" in gap and not _line_start(text, units[k - 1].start)):
            break
        k -= 1
    return (k, found[1]) if _line_start(text, units[k].start) and units[k].start > start + 2 else None


def _cell_end(text: str, units: list[Mention], k: int) -> int:
    """One past the last unit of the cell that starts with ``units[k]``."""
    j = k
    while j + 1 < len(units) and _CELL_LIST_GAP.fullmatch(text[units[j].end:units[j + 1].start]):
        j += 1
    return j + 1


def _line_start(text: str, pos: int) -> bool:
    """Whether only blanks or a bullet come before ``pos`` on its line."""
    ls = text.rfind("\n", 0, pos) + 1
    return not text[ls:pos].strip(" \t-+•")


# a unit that is a whole dash line of a cell, a note in brackets after it ("- Bộ Nông nghiệp và Môi trường (chủ trì
# phần chính sách);"); the next dash line goes on with the cell unless a full stop ended it (the next cell's list)
_CELL_LINE_END = re.compile(r"[ \t]*(?:\([^()]{0,200}\))?[ \t]*[;.,]?[ \t]*(?:\n|$)")
_DASH_GAP = re.compile(r"[ \t]*(?:\([^()]{0,200}\))?[ \t]*[;,]?[ \t]*\n[ \t]*[-+•–][ \t]*")
_TIME_CELL = re.compile(r"[ \t]*(?:[Nn]hiệm\s+vụ\s+(?=[Tt]hường|[Hh][ằà]ng))?(?P<cell>(?:(?:[Nn]ăm|[Tt]háng|[Qq]uý|[Tt]rước"
                        r"(?:\s+ngày)?|[Hh]oàn\s+thành)\s+)?[\dIV][\dIV/.\-–\s]{3,20}|[Tt]hường\s+xuyên|[Hh][ằà]ng\s+(?:năm|quý|tháng))"
                        r"[ \t]*\.?[ \t]*$")


_BARE_DAY = re.compile(r"\s*(?:[Tt]rước\s+(?:ngày\s+)?)?(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*((?:19|20)\d\d)\s*")


def _bare_day(text: str, start: int, end: int) -> Deadline | None:
    """A cell holding a whole date and nothing else ("31/10/2025")."""
    m = _BARE_DAY.fullmatch(text, start, end)
    if not m:
        return None
    try:
        value = datetime.date(int(m.group(3)), int(m.group(2)), int(m.group(1))).isoformat()
    except ValueError:
        return None
    s, e = m.start(1), m.end(3)
    return Deadline(value, s, e, text[s:e], 1)


def _time_cell(text: str, start: int, end: int, year, exclude) -> Deadline | None:
    """The time column of a row flattened one cell per line: a line that holds nothing but a date, a
    month, a quarter, a year, a period or a standing duty ("31/10/2025", "Quý IV/2025", "2026-2030",
    "Nhiệm vụ thường xuyên")."""
    found = _time_line_and_cell(text, start, end, year, exclude)
    return found[1] if found else None


def _time_line_and_cell(text: str, start: int, end: int, year, exclude) -> tuple[int, Deadline] | None:
    """The start of a row's first time cell line and its deadline."""
    pos = text.find("\n", start, end)
    while pos != -1:
        le = text.find("\n", pos + 1, end)
        le = end if le == -1 else le
        m = _TIME_CELL.fullmatch(text, pos + 1, le)
        if m:
            s, e = m.start("cell"), le
            d = deadline_of(text, s, e, year=year, exclude=exclude, field=True) or _bare_day(text, s, e)
            if d is not None:
                return pos + 1, d
        pos = le if le < end else -1
    return None


def _cell_parts(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """The parts of a table cell: split at ";" and line breaks, and at a comma before a capital."""
    out, pos = [], s
    for m in re.finditer(r";|\n|,(?=\s*[A-ZĐ])", text[s:e]):
        out.append((pos, s + m.start()))
        pos = s + m.end()
    out.append((pos, e))
    return [(a + len(text[a:b]) - len(text[a:b].lstrip()), a + len(text[a:b].rstrip())) for a, b in out if text[a:b].strip()]


def add_said_support(a: Assignment, text: str, start: int, end: int, units: list[Mention], *, exclude=(),
                     year=None, deadlines: DeadlineIndex | None = None, roles=("support",)) -> None:
    """Add to a table row's roles the support its own words name ("Chủ trì, phối hợp với Bộ Tư pháp, Văn
    phòng Chính phủ rà soát …"), for a table without a "phối hợp" column, and the ones it reports to
    when ``roles`` says so ("… gửi Bộ Khoa học và Công nghệ, Bộ Tài chính để tổng hợp"); a unit that leads
    stays lead."""
    said = assign_text(text, start, end, units, exclude=exclude, year=year, deadlines=deadlines)
    names = {(u.start, u.end): u.name for u in units}
    for role, s, e in said.evidence:
        name = names.get((s, e)) or " ".join(text[s:e].split())
        if role in roles and all(unit_key(name) != unit_key(x) for x in a.lead):
            _add(a, role, (name, s, e))


def assign_cells(text: str, cells, units: list[Mention], *, year=None) -> Assignment:
    """A table row whose columns are known: units in the "chủ trì" cell lead, in "phối hợp" support."""
    a = Assignment()
    for role, s, e in cells:
        if role == "deadline":
            a.deadline = deadline_of(text, s, e, year=year, field=True)
            continue
        target = "lead" if role == "lead" else "support"
        # the column says every part of the cell is a unit, even one the grammar does not know
        for ps, pe in _cell_parts(text, s, e):
            inside = [u for u in units if ps <= u.start < pe]
            if inside:
                for u in inside:
                    _add(a, target, u)
                continue
            name = " ".join(text[ps:pe].split()).strip(" ,;.")
            if name and len(name) <= 120 and any(c.isalpha() for c in name):
                _add(a, target, (name, ps, pe))
    a.own_lead = bool(a.lead)
    return a
