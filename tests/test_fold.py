"""graph.ids.fold_ascii folds by a table of precomposed letters; the general way (decompose, drop
the marks) is the reference it must agree with on any text."""
from __future__ import annotations

import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from graph.ids import fold_ascii, slug


def reference(s: str | None) -> str:
    if not s:
        return ""
    s = unicodedata.normalize("NFC", s).replace("\u00d0", "Đ").replace("\u00f0", "đ")
    s = s.replace("Đ", "D").replace("đ", "d")
    s = "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")
    return re.sub(r"\s+", " ", s.lower()).strip()


VIETNAMESE = "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXY" \
             "àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ" \
             "ÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴÐð \t\n/-.,\u0300\u0301\u0303\u0309\u0323"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=VIETNAMESE, max_size=60) | st.text(max_size=30))
def test_fold_ascii_agrees_with_the_decomposition(s):
    assert fold_ascii(s) == reference(s)


def test_every_latin_letter_folds_as_the_decomposition():
    for cp in range(0x3000):
        c = chr(cp)
        for s in (c, "a" + c, c + "\u0301", "Đ" + c + "\u0323"):
            assert fold_ascii(s) == reference(s), hex(cp)


def test_examples():
    assert fold_ascii("  Ủy ban nhân dân tỉnh  Bắc Ninh ") == "uy ban nhan dan tinh bac ninh"
    assert fold_ascii("NÐ-CP đ") == "nd-cp d"
    assert slug("Nghị định 59/2023/NĐ-CP") == "nghi-dinh-59-2023-nd-cp"
    assert slug("II.1.đ", keep=".") == "ii.1.d"
