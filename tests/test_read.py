"""Stage 1 (ingest.read): encodings, legacy fonts, DOCX/PDF/HTML/DOC/RTF on real files."""
from __future__ import annotations

import difflib
import re
import time
import unicodedata
from pathlib import Path

import pytest

from ingest import legacy
from ingest.read import CELL_SEP, PAGE_SEP, SUPPORTED, read
from tests.conftest import shared_dir

SENTENCE = (
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\r\n"
    "Theo đề nghị của Giám đốc Sở Nội vụ, Ủy ban nhân dân tỉnh quyết định: "
    "giao Phòng Tổ chức - Hành chính chủ trì, phối hợp thực hiện trước ngày 31/12/2026.\n"
)
# TCVN3 cannot write capital toned letters (headings used another font): a sentence without them.
SENTENCE_LOWER = "căn cứ luật tổ chức chính quyền địa phương; đề nghị của giám đốc sở nội vụ, ủy ban nhân dân tỉnh Đắk Lắk.\n"

SHARED = shared_dir()
needs_shared = pytest.mark.skipif(SHARED is None, reason="../shared is absent: real documents are not available here")
LEGACY = SHARED / "corpus/formats/legacy" if SHARED else None


# ------------------------------------------------------------------ encoders used to make test bytes

def to_cp1258(text: str) -> bytes:
    """Windows-1258 bytes: precomposed letters where the code page has them, else base + tone mark."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        decomposed = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in "\u0300\u0301\u0303\u0309\u0323"))
        tone = "".join(c for c in decomposed if c in "\u0300\u0301\u0303\u0309\u0323")
        out += base.encode("cp1258") + tone.encode("cp1258")
    return bytes(out)


def to_tcvn3(text: str) -> bytes:
    reverse = {u: b for b, u in legacy.TCVN3.items()}
    return bytes(reverse[c] if c in reverse else ord(c) for c in text)


def to_vni(text: str) -> bytes:
    reverse = {u: k for k, u in legacy.VNI_SINGLE.items()}
    for k, u in legacy.VNI_PAIRS.items():
        if k in (k.lower(), k.upper()):  # skip the "Aù" capitalised spelling: "AÙ" for capitals
            reverse[u] = k
    return "".join(reverse.get(c, c) for c in text).encode("cp1252")


def to_mojibake(text: str) -> bytes:
    """UTF-8 bytes read as Windows-1252 (undefined bytes as Latin-1) and saved again as UTF-8."""
    chars = [bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in text.encode("utf-8")]
    return "".join(chars).encode("utf-8")


# ------------------------------------------------------------------ plain text encodings

ROUND_TRIPS = [
    # (name, bytes, expected encoding, a phrase the notes must contain or None for no notes)
    ("utf-8", SENTENCE.encode("utf-8"), "utf-8", None),
    ("utf-8 with BOM", b"\xef\xbb\xbf" + SENTENCE.encode("utf-8"), "utf-8", "byte order mark"),
    ("utf-16 LE with BOM", SENTENCE.encode("utf-16"), "utf-16", "UTF-16"),
    ("utf-16 BE with BOM", b"\xfe\xff" + SENTENCE.encode("utf-16-be"), "utf-16", "UTF-16-BE"),
    ("utf-16 LE without BOM", SENTENCE.encode("utf-16-le"), "utf-16", "without byte order mark"),
    ("windows-1258", to_cp1258(SENTENCE), "cp1258", "NFC"),
    ("cp1252 mojibake", to_mojibake(SENTENCE), "utf-8", "mojibake"),
]


@pytest.mark.parametrize("name,data,encoding,note", ROUND_TRIPS, ids=[c[0] for c in ROUND_TRIPS])
def test_encoding_round_trip(tmp_path, name, data, encoding, note):
    p = tmp_path / "doc.txt"
    p.write_bytes(data)
    src = read(p)
    assert src.text == SENTENCE  # \r\n kept: offsets index the decoded text
    assert src.encoding == encoding
    assert src.format == "txt"
    if note is None:
        assert src.notes == ()
    else:
        assert any(note in n for n in src.notes), src.notes


def test_cp1258_is_really_combining():
    # the test's own premise: Windows-1258 writes "ộ" as "ô" + combining dot below
    assert to_cp1258("ộ") == b"\xf4\xf2"


@pytest.mark.parametrize("encoding,encode,sentence", [
    ("tcvn3", to_tcvn3, SENTENCE_LOWER),
    ("vni", to_vni, SENTENCE),
    ("vni", to_vni, SENTENCE_LOWER),
])
def test_legacy_txt_round_trip(tmp_path, encoding, encode, sentence):
    p = tmp_path / "legacy.txt"
    p.write_bytes(encode(sentence))
    src = read(p)
    assert src.encoding == encoding
    assert src.text == sentence
    assert any("converted from" in n for n in src.notes)


def test_legacy_typed_into_utf8(tmp_path):
    # TCVN3 text that went through a program which saved it as UTF-8 ("C¨n cø")
    p = tmp_path / "legacy-utf8.txt"
    p.write_text(to_tcvn3(SENTENCE_LOWER).decode("latin-1"), encoding="utf-8")
    src = read(p)
    assert (src.encoding, src.text) == ("tcvn3", SENTENCE_LOWER)


def test_vni_pairs_and_tcvn3_table_are_complete():
    letters = set("àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ")
    assert letters <= set(legacy.TCVN3.values())
    vni_letters = set(legacy.VNI_PAIRS.values()) | set(legacy.VNI_SINGLE.values())
    assert letters <= vni_letters
    assert {c.upper() for c in letters} <= vni_letters


def test_unicode_vietnamese_is_not_legacy():
    assert legacy.detect(SENTENCE * 50) is None
    assert legacy.detect("hoà quân quê tuý " * 200) is None  # vowel + toned vowel is not VNI


# ------------------------------------------------------------------ legacy files vs ground truth

def _lines(s: str) -> list[str]:
    return [" ".join(line.replace(CELL_SEP, " ").split()) for line in s.splitlines() if line.strip()]


def _matched(a: list[str], b: list[str], unit) -> int:
    """Size of the match of two line lists, lines aligned first, then ``unit`` within changed blocks."""
    total = 0
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            total += sum(len(unit(line)) for line in a[i1:i2])
        elif tag == "replace":
            x, y = unit(" ".join(a[i1:i2])), unit(" ".join(b[j1:j2]))
            total += sum(m.size for m in difflib.SequenceMatcher(None, x, y, autojunk=False).get_matching_blocks())
    return total


def char_accuracy(got: str, truth: str) -> float:
    """Matched characters / characters of the truth (whitespace runs and table separators aside)."""
    b = _lines(truth)
    return _matched(_lines(got), b, str) / max(1, sum(map(len, b)))


LEGACY_FILES = [  # (file, encoding detected)
    ("2003-02144qd.doc", "tcvn3"), ("2003-A28.rtf", "tcvn3"), ("2004-NghiDinh29_1998.doc", "tcvn3"),
    ("2004-duanLD9820.doc", "tcvn3+vni"), ("2005-QD-256.doc", "tcvn3"), ("2005-QDSUA522.doc", "tcvn3"),
    ("2006-19412_QD115.04TTg_BLTch_DNNVV.pdf", "tcvn3"), ("2006-quydinhkiemtra02.doc", "vni"),
    ("2008-23.QD-991-UBND.doc", "vni"), ("2009-download.doc", "vni"),
]


@pytest.mark.shared
@needs_shared
@pytest.mark.parametrize("name,encoding", LEGACY_FILES, ids=[n for n, _ in LEGACY_FILES])
def test_legacy_conversion_against_ground_truth(name, encoding):
    src = read(LEGACY / name)
    truth = (LEGACY / "ground-truth" / (Path(name).stem + ".txt")).read_text(encoding="utf-8")
    acc = char_accuracy(src.text, truth)
    print(f"{name}: {encoding} character accuracy {acc:.4f}")
    assert src.encoding == encoding
    assert acc >= 0.98, f"{name}: accuracy {acc:.4f}"


@pytest.mark.shared
@needs_shared
@pytest.mark.parametrize("name", ["2019-CV-tham-gia-y-kien-TKCS-mo-da-VLXD-SauChua.doc",
                                  "CV-bo-sung-ho-so-xuyen-bien-gioi-LogisticVietTrung.doc"])
def test_unicode_doc_despite_legacy_font_table(name):
    src = read(SHARED / "corpus/formats/docx" / name)
    assert src.format == "doc" and src.encoding is None and src.notes == ()
    assert "CỘNG H" in src.text and "Độc lập - Tự do - Hạnh phúc" in src.text


# ------------------------------------------------------------------ bulk .txt: no misfire, fast

@pytest.mark.shared
@needs_shared
def test_bulk_txt_is_plain_utf8_and_fast():
    files = sorted((SHARED / "corpus/bulk/txt").glob("*.txt"))
    assert len(files) > 300
    size = sum(f.stat().st_size for f in files)
    t0 = time.perf_counter()
    converted = []
    for f in files:
        src = read(f)
        if src.encoding != "utf-8" or any("byte order mark" not in n for n in src.notes):
            converted.append((f.name, src.encoding, src.notes))
    rate = size / 1e6 / (time.perf_counter() - t0)
    print(f"bulk txt: {len(files)} files, {size / 1e6:.1f} MB, {rate:.0f} MB/s")
    assert converted == []
    assert rate >= 10, f"read() too slow on UTF-8 text: {rate:.1f} MB/s"


# ------------------------------------------------------------------ DOCX

def make_docx(tmp_path) -> Path:
    import docx

    d = docx.Document()
    d.add_paragraph("I. NHIỆM VỤ")
    table = d.add_table(rows=3, cols=3)
    for i, h in enumerate(["Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"]):
        table.cell(0, i).text = h
    table.cell(1, 0).text = "Sở Nội vụ"
    table.cell(1, 1).text = "Sở Tài chính"
    table.cell(1, 1).add_paragraph("Sở Tư pháp")
    table.cell(1, 2).text = "Quý IV/2026"
    table.cell(2, 0).merge(table.cell(2, 1)).text = "Các sở, ngành"
    table.cell(2, 2).text = "Thường xuyên"
    table.cell(1, 2).merge(table.cell(2, 2))
    d.add_paragraph("II. TỔ CHỨC THỰC HIỆN")
    p = tmp_path / "plan.docx"
    d.save(p)
    return p


def test_docx_paragraphs_and_tables_in_order(tmp_path):
    src = read(make_docx(tmp_path))
    lines = src.text.split("\n")
    assert src.format == "docx"
    assert lines[0] == "I. NHIỆM VỤ"
    assert lines[1] == CELL_SEP.join(["Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"])
    assert lines[2] == "Sở Nội vụ | Sở Tài chính Sở Tư pháp | Quý IV/2026 Thường xuyên"
    assert lines[3] == "Các sở, ngành"  # merged across two columns: once; the merged-down cell: empty
    assert lines[-1] == "II. TỔ CHỨC THỰC HIỆN"
    assert src.text.count("Các sở, ngành") == 1 and src.text.count("Thường xuyên") == 1


@pytest.mark.shared
@needs_shared
def test_docx_real_table_row_by_row():
    src = read(SHARED / "corpus/formats/docx/bao-cao-vp-ubnd.docx")
    lines = src.text.split("\n")
    header = "TT | Cụm công nghiệp | Địa điểm | Diện tích (ha) | Tỷ lệ lấp đầy (%) | Chủ đầu tư/đơn vị quản lý"
    assert header in lines
    i = lines.index(header)
    assert lines[i + 1] == "I. Cụm công nghiệp do UBND cấp xã, phường quản lý (16 cụm)"  # spans the row: once
    assert lines[i + 2] == "1 | Đầm Hồng | Phường Yên Bái, phường Văn Phú | 16 | 100 | UBND phường Yên Bái và phường Văn Phú"
    assert lines[i + 3].startswith("2 | Âu Lâu | ")


@pytest.mark.shared
@needs_shared
def test_docx_merged_header_cell_written_once():
    src = read(SHARED / "corpus/formats/docx/CV-597-HC-QLHC-CucHoaChat.docx")
    assert src.text.count("Số: 597/HC-QLHC") == 1
    row = next(line for line in src.text.split("\n") if "597/HC-QLHC" in line)
    assert row.endswith(" | Hà Nội, ngày 27 tháng 3 năm 2026")


@pytest.mark.shared
@needs_shared
@pytest.mark.parametrize("path", sorted((SHARED / "corpus/formats/docx").glob("*.docx")) if SHARED else [],
                         ids=lambda p: p.name)
def test_every_real_docx_reads(path):
    src = read(path)
    assert len(src.text) > 1000 and "CỘNG H" in src.text.upper()


# ------------------------------------------------------------------ PDF

BULK_PDFS = sorted((SHARED / "corpus/bulk/pdf").glob("*.pdf")) if SHARED else []
HEADER = re.compile(r"CÔNG BÁO/Số [\d +]+/Ngày \d{1,2}-\d{1,2}-\d{4}")


def word_ratio(a: str, b: str) -> float:
    """difflib's ratio over words (2·matches / total), lines aligned first."""
    la, lb = _lines(a), _lines(b)
    n = sum(len(line.split()) for line in la + lb)
    return 2 * _matched(la, lb, str.split) / max(1, n)


@pytest.mark.shared
@needs_shared
@pytest.mark.parametrize("path", BULK_PDFS, ids=lambda p: p.stem)
def test_gazette_pdf_resembles_gazette_text(path):
    import pypdfium2 as pdfium

    src = read(path)
    txt = (SHARED / "corpus/bulk/txt" / (path.stem + ".txt")).read_text(encoding="utf-8-sig")
    ratio = word_ratio(src.text, txt)
    print(f"{path.stem}: word similarity to the gazette text {ratio:.3f}")
    assert src.format == "pdf" and ratio >= 0.98
    assert src.text.count(PAGE_SEP) == len(pdfium.PdfDocument(str(path))) - 1
    header_lines = [line for line in src.text.split("\n") if "CÔNG BÁO/Số" in line]
    assert header_lines, "running headers are kept"
    for line in header_lines:  # each running header is a line of its own
        assert HEADER.fullmatch(line.strip()), line


@pytest.mark.shared
@needs_shared
def test_pdf_signature_stamp_and_page_numbers_on_own_lines():
    src = read(SHARED / "corpus/bulk/pdf/nghi-dinh-so-144-2026-nd-cp-469482.pdf")
    lines = [line.strip() for line in src.text.split("\n")]
    assert "Ký bởi: CÔNG BÁO NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in lines
    assert "99" in lines and "100" in lines


@pytest.mark.shared
@needs_shared
def test_pdf_words_not_split_inside_syllables():
    # a gazette table drawn glyph run by glyph run: PDFium alone breaks "v\nề"
    src = read(SHARED / "corpus/bulk/pdf/quyet-dinh-so-225-qd-bldtbxh-41601.pdf")
    assert "\nề\n" not in src.text and "quy định về" in src.text


def test_pdf_text_layer_made_on_the_fly(tmp_path):
    import ctypes

    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    pdf = pdfium.PdfDocument.new()
    page = pdf.new_page(595, 842)
    font = raw.FPDFText_LoadStandardFont(pdf, b"Helvetica")
    obj = raw.FPDFPageObj_CreateTextObj(pdf, font, 12.0)
    text = "Dieu 1. Pham vi dieu chinh"
    buf = ctypes.create_string_buffer((text + "\0").encode("utf-16-le"))
    raw.FPDFText_SetText(obj, ctypes.cast(buf, ctypes.POINTER(raw.FPDF_WCHAR)))
    raw.FPDFPageObj_Transform(obj, 1, 0, 0, 1, 72, 700)
    raw.FPDFPage_InsertObject(page, obj)
    raw.FPDFPage_GenerateContent(page)
    p = tmp_path / "made.pdf"
    pdf.save(str(p))
    src = read(p)
    assert (src.format, src.text.strip(), src.notes) == ("pdf", text, ())


# ------------------------------------------------------------------ HTML

@pytest.mark.shared
@needs_shared
@pytest.mark.parametrize("name,must", [
    ("vbpl.html", ["Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam", "Điều 1."]),
    ("vbpl_v1.html", ["HIẾN PHÁP", "Điều 1"]),
    ("vbpl_v2.html", ["LỜI NÓI ĐẦU", "Điều 1\n", "Điều 120"]),
    ("vbpl_thuoctinh.html", ["Số ký hiệu | 101/2015/QH13 | Ngày ban hành | 27/11/2015", "Nguyễn Sinh Hùng"]),
])
def test_html_pages(name, must):
    src = read(SHARED / "corpus/formats/html" / name)
    assert src.format == "html" and src.encoding == "utf-8"
    for phrase in must:
        assert phrase in src.text, phrase
    for junk in ("function(", "gtag(", "$(document)", "{ display"):
        assert junk not in src.text, junk
    assert "\n\n\n" not in src.text and "  " not in src.text


def test_html_made_up_page(tmp_path):
    page = """<html><head><meta charset="windows-1258"><title>t</title><script>var x=1;</script></head>
    <body><nav>Trang chủ | Tìm kiếm</nav><div id="main"><p>Điều 1.   Phạm vi</p><p>Nội dung<br>dòng hai</p>
    <table><tr><td>Cơ quan chủ trì</td><td colspan="2">Cơ quan phối hợp</td></tr>
    <tr><td><p>Sở Nội vụ</p></td><td>Sở Tư pháp</td><td>2026</td></tr></table></div>
    <footer>Bản quyền</footer></body></html>"""
    p = tmp_path / "page.htm"
    p.write_bytes(page.replace("windows-1258", "utf-8").encode("utf-8"))
    src = read(p)
    assert src.text == ("Điều 1. Phạm vi\n\nNội dung\ndòng hai\n\n"
                        "Cơ quan chủ trì | Cơ quan phối hợp\nSở Nội vụ | Sở Tư pháp | 2026")
    assert "Trang chủ" not in src.text and "Bản quyền" not in src.text and "var x" not in src.text


def test_supported_formats():
    assert {".txt", ".pdf", ".docx", ".html", ".htm"} <= set(SUPPORTED)
    assert SUPPORTED[".htm"] == "html"
