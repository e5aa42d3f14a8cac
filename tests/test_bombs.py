"""Size and decompression bombs (issue 13, item 6): what a DOCX/PDF/HTML/DOC/RTF may inflate to
and the characters a document may hold are bounded, and refused beyond with one line.

"Refused quickly" is asserted on work, not time: the DOCX bombs are refused before the main
part is opened (the ZIP directory's declared size), the character limits stop a reader before
it has read the whole document. Peak memory and time are measured in ``bench/bombs.py``.
"""
from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from ingest import read
from ingest.errors import DamagedFile, EmptyDocument, TooLarge
from ingest.read import DEFAULT_MAX_CHARS, DEFAULT_MAX_INFLATED
from tests import bombs
from tests.conftest import shared_dir

CANCU = Path(sys.executable).with_name("cancu")
ROOT = Path(__file__).resolve().parent.parent
SEED = (ROOT / "data" / "seed" / "ke-hoach-dan-van-dan-chu-2026.txt").read_text(encoding="utf-8")
SHARED = shared_dir()


@pytest.fixture
def opened(monkeypatch):
    """The ZIP members opened for reading (zipfile.ZipFile.open in read mode)."""
    names = []
    real = zipfile.ZipFile.open

    def spy(self, name, mode="r", *a, **k):
        if mode == "r":
            names.append(getattr(name, "filename", name))
        return real(self, name, mode, *a, **k)
    monkeypatch.setattr(zipfile.ZipFile, "open", spy)
    return names


def test_the_issue_docx_bomb_is_refused_before_inflating(tmp_path, opened):
    """154 KB holding 100 MB of empty paragraphs ran 217 s and 2.3 GB."""
    p = bombs.empty_paragraphs_docx(tmp_path / "bomb.docx", 100)
    assert p.stat().st_size < 1_000_000
    opened.clear()
    with pytest.raises(TooLarge) as info:
        read(p)
    msg = str(info.value)
    assert msg == f"{p}: DOCX text part would inflate to 95.0 MB (> limit 32.0 MB); raise it with CANCU_MAX_INFLATED"
    assert "word/document.xml" not in opened


def test_a_directory_claiming_a_gigabyte_is_refused_before_inflating(tmp_path, opened):
    p = bombs.lying_docx(tmp_path / "claims.docx", 10**9)
    opened.clear()
    with pytest.raises(TooLarge, match="would inflate to 953.7 MB"):
        read(p)
    assert "word/document.xml" not in opened


def test_a_directory_cannot_understate_what_a_member_inflates_to(tmp_path):
    """zipfile holds a member to its declared size: a part larger than declared is damaged."""
    p = bombs.lying_docx(tmp_path / "understates.docx", 1000)
    with pytest.raises(DamagedFile, match="DOCX"):
        read(p)


def test_the_inflation_limit_is_configurable(tmp_path, monkeypatch):
    p = bombs.text_docx(tmp_path / "ok.docx", 0.2)
    assert "Kế hoạch số 12/KH-UBND" in read(p).text
    monkeypatch.setenv("CANCU_MAX_INFLATED", "100000")
    with pytest.raises(TooLarge, match="raise it with CANCU_MAX_INFLATED"):
        read(p)


def test_docx_text_stops_at_the_character_limit(tmp_path):
    p = bombs.text_docx(tmp_path / "long.docx", 2)  # ~1.3 M characters, within the inflation limit
    with pytest.raises(TooLarge, match="DOCX text longer than the limit of 10,000 characters; raise it with CANCU_MAX_CHARS"):
        read(p, max_chars=10_000)


def test_empty_paragraphs_within_the_limit_are_an_empty_document(tmp_path):
    p = bombs.empty_paragraphs_docx(tmp_path / "empty.docx", 1)
    with pytest.raises(EmptyDocument):
        read(p)


def test_text_over_the_character_limit(tmp_path, monkeypatch):
    p = tmp_path / "long.txt"
    p.write_text(SEED * 3, encoding="utf-8")
    with pytest.raises(TooLarge) as info:
        read(p, max_chars=len(SEED))
    assert str(info.value) == (f"{p}: document too long ({3 * len(SEED):,} characters > limit {len(SEED):,}; "
                               f"raise it with CANCU_MAX_CHARS)")
    assert read(p, max_chars=3 * len(SEED)).text == SEED * 3  # at the limit: read
    monkeypatch.setenv("CANCU_MAX_CHARS", str(len(SEED)))
    r = subprocess.run([str(CANCU), "extract", str(p)], capture_output=True, text=True, timeout=60)
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert len(r.stderr.splitlines()) == 1 and "document too long" in r.stderr and str(p) in r.stderr


def test_text_that_cannot_fit_is_refused_without_reading(tmp_path, monkeypatch):
    p = tmp_path / "spaces.txt"
    with open(p, "wb") as f:
        f.truncate(5_000)  # sparse
    opened = []
    real_open = open
    monkeypatch.setattr("builtins.open", lambda *a, **k: opened.append(a) or real_open(*a, **k))
    with pytest.raises(TooLarge, match="over 1,000 characters in 5000 bytes"):
        read(p, max_chars=1_000)
    assert not any(str(p) == str(a[0]) for a in opened)


def test_html_with_too_many_elements(tmp_path, monkeypatch):
    monkeypatch.setattr(sys.modules["ingest.read"], "MAX_HTML_TAGS", 1000)
    p = tmp_path / "deep.html"
    p.write_bytes(b"<html><body>" + b"<p>a</p>" * 600 + b"</body></html>")
    with pytest.raises(TooLarge, match=r"HTML page too large to parse \(1,204 tags > limit 1,000\)"):
        read(p)


def test_rtf_stops_at_the_character_limit(tmp_path):
    p = tmp_path / "long.rtf"
    p.write_bytes(b"{\\rtf1\\ansi " + b"Dieu 1. Pham vi\\par " * 20_000 + b"}")
    with pytest.raises(TooLarge, match="RTF text longer than the limit of 50,000 characters"):
        read(p, max_chars=50_000)
    assert read(p).text.startswith("Dieu 1. Pham vi\n")


def test_the_default_limits_are_documented_numbers():
    assert DEFAULT_MAX_CHARS == 20_000_000 and DEFAULT_MAX_INFLATED == 32 * 1024 * 1024


# ------------------------------------------------------------------ real PDF and DOC files

@pytest.mark.shared
def test_pdf_limits_on_a_real_gazette_pdf(monkeypatch):
    if SHARED is None:
        pytest.skip("../shared is absent: no real PDF here")
    p = SHARED / "corpus/bulk/pdf/thong-bao-so-02-2023-tb-lpqt-39022.pdf"
    n = len(read(p).text)
    with pytest.raises(TooLarge, match="PDF text longer than the limit of 100 characters"):
        read(p, max_chars=100)
    assert read(p, max_chars=n + 100)
    monkeypatch.setattr(sys.modules["ingest.read"], "MAX_PDF_PAGES", 1)
    with pytest.raises(TooLarge, match=r"PDF has too many pages \(\d+ > limit 1\)"):
        read(p)


@pytest.mark.shared
def test_doc_limit_on_a_real_word_97_file():
    if SHARED is None:
        pytest.skip("../shared is absent: no real .doc here")
    p = SHARED / "corpus/formats/legacy/2005-QD-256.doc"
    assert len(read(p).text) > 1_000
    with pytest.raises(TooLarge, match="Word document text longer than the limit of 1,000 characters"):
        read(p, max_chars=1_000)
