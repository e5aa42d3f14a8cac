"""Bad input: each gives the right ReadError subclass and one line, through read() and the CLI."""
from __future__ import annotations

import io
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from ingest.errors import (BinaryContent, DamagedFile, EmptyDocument, EncodingError, NoTextLayer, ReadError,
                           TooLarge, UnsupportedFormat)
from ingest.read import DEFAULT_MAX_BYTES, read

CANCU = Path(sys.executable).with_name("cancu")


# ------------------------------------------------------------------ makers: each returns the path

def image_pdf_bytes() -> bytes:
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (400, 500), "white")
    ImageDraw.Draw(img).text((40, 40), "QUYET DINH so 12/QD-UBND", fill="black")
    out = io.BytesIO()
    img.save(out, "PDF", resolution=72)
    return out.getvalue()


def docx_bytes() -> bytes:
    import docx

    d = docx.Document()
    d.add_paragraph("Điều 1. Phạm vi điều chỉnh " * 40)
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def encrypted_pdf_bytes() -> bytes:
    """An image PDF plus an incremental update that declares Standard encryption with a user password."""
    base = image_pdf_bytes()
    startxref = int(base.rsplit(b"startxref", 1)[1].split()[0])
    size = int(base.split(b"/Size", 1)[1].split()[0].strip(b"/>"))
    root = base.split(b"/Root", 1)[1].split(b"R", 1)[0] + b"R"
    enc_num = size
    obj = (f"{enc_num} 0 obj\n<< /Filter /Standard /V 1 /R 2 /Length 40 /P -4 "
           f"/O <{'11' * 32}> /U <{'22' * 32}> >>\nendobj\n").encode()
    offset = len(base)
    xref_at = offset + len(obj)
    xref = f"xref\n{enc_num} 1\n{offset:010d} 00000 n \n".encode()
    trailer = (b"trailer\n<< /Size " + str(size + 1).encode() + b" /Root" + root + b" /Encrypt "
               + str(enc_num).encode() + b" 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>]"
               + b" /Prev " + str(startxref).encode() + b" >>\nstartxref\n" + str(xref_at).encode() + b"\n%%EOF\n")
    return base + obj + xref + trailer


def write(name: str, data: bytes):
    def make(tmp: Path) -> Path:
        p = tmp / name
        p.write_bytes(data)
        return p
    return make


def sparse(name: str, size: int):
    def make(tmp: Path) -> Path:
        p = tmp / name
        with open(p, "wb") as f:
            f.truncate(size)  # sparse: instant, takes no disk
        return p
    return make


def truncated(name: str, maker, fraction: float = 0.5):
    def make(tmp: Path) -> Path:
        data = maker()
        p = tmp / name
        p.write_bytes(data[: int(len(data) * fraction)])
        return p
    return make


random.seed(1258)
RANDOM = bytes(random.randrange(256) for _ in range(4096))
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + RANDOM[:200]
ELF = b"\x7fELF\x02\x01\x01" + b"\x00" * 9 + RANDOM[:300]
GBK = "中华人民共和国国务院关于加强法治政府建设的决定。".encode("gbk") * 20

# (id, maker, error class, phrase in the message)
CASES = [
    ("missing", lambda tmp: tmp / "nope.txt", ReadError, "no such file"),
    ("empty 0 bytes", write("empty.txt", b""), EmptyDocument, "empty document"),
    ("only whitespace", write("blank.txt", b" \r\n\t\n  \n"), EmptyDocument, "empty document"),
    ("random bytes", write("random.txt", RANDOM), BinaryContent, "not a text document (binary content)"),
    ("png renamed", write("image.txt", PNG), BinaryContent, "not a text document"),
    ("executable renamed", write("program.txt", ELF), BinaryContent, "not a text document"),
    ("too large (sparse 50 MB + 1)", sparse("huge.txt", DEFAULT_MAX_BYTES + 1), TooLarge, "too large"),
    ("undecodable text", write("chinese-gbk.txt", GBK), EncodingError, "encoding not recognised"),
    ("unsupported extension", write("table.xlsx", b"PK\x03\x04 something"), UnsupportedFormat, "supported: .doc, .docx"),
    ("scanned pdf", lambda tmp: write("scan.pdf", image_pdf_bytes())(tmp), NoTextLayer, "PDF has no text layer"),
    ("truncated pdf", truncated("cut.pdf", image_pdf_bytes, 0.3), DamagedFile, "PDF"),
    ("not a pdf", write("fake.pdf", b"hello, I am not a PDF\n"), DamagedFile, "not a PDF file"),
    ("encrypted pdf", lambda tmp: write("locked.pdf", encrypted_pdf_bytes())(tmp), DamagedFile, "encrypted"),
    ("truncated docx", truncated("cut.docx", docx_bytes, 0.5), DamagedFile, "DOCX"),
    ("docx of junk", write("junk.docx", RANDOM), DamagedFile, "DOCX"),
    ("doc of junk", write("junk.doc", RANDOM), DamagedFile, "not a Word 97-2003 document"),
    ("rtf without header", write("bad.rtf", b"just text"), DamagedFile, "not an RTF document"),
    ("empty html", write("empty.html", b"<html><body>  </body></html>"), EmptyDocument, "empty document"),
]
IDS = [c[0] for c in CASES]


@pytest.mark.parametrize("case,make,error,phrase", CASES, ids=IDS)
def test_read_raises_one_line(tmp_path, case, make, error, phrase):
    path = make(tmp_path)
    with pytest.raises(error) as info:
        read(path)
    message = str(info.value)
    assert type(info.value) is error, type(info.value)
    assert "\n" not in message
    assert phrase in message, message
    assert message.startswith(str(path) + ": ")


@pytest.mark.parametrize("case,make,error,phrase", CASES, ids=IDS)
def test_cli_main_exits_1_with_one_line(tmp_path, capsys, case, make, error, phrase):
    from cancu.cli import main

    path = make(tmp_path)
    code = main(["extract", str(path)])
    err = capsys.readouterr().err
    assert code == 1, err
    assert len(err.splitlines()) == 1, err
    assert path.name in err and phrase in err


def test_cli_process_one_line_per_bad_file(tmp_path):
    """The installed console script, once for all bad files and once for a missing one."""
    paths = [make(tmp_path) for case, make, _, _ in CASES if case != "missing"]
    r = subprocess.run([str(CANCU), "extract", *map(str, paths)], capture_output=True, text=True, timeout=120)
    assert r.returncode == 1
    assert "Traceback" not in r.stderr
    lines = r.stderr.splitlines()
    assert len(lines) == len(paths), r.stderr
    for path, line in zip(paths, lines):
        assert str(path) in line
    missing = tmp_path / "nope.txt"
    r = subprocess.run([str(CANCU), "extract", str(missing)], capture_output=True, text=True, timeout=60)
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert len(r.stderr.splitlines()) == 1 and str(missing) in r.stderr and "no such file" in r.stderr


def test_directory_is_not_a_document(tmp_path):
    with pytest.raises(ReadError, match="is a folder"):
        read(tmp_path)


def test_size_limit_parameter_and_env(tmp_path, monkeypatch):
    p = tmp_path / "small.txt"
    p.write_text("Điều 1. Phạm vi điều chỉnh\n", encoding="utf-8")
    assert read(p, max_bytes=1000).text.startswith("Điều 1")
    with pytest.raises(TooLarge, match="too large"):
        read(p, max_bytes=10)
    monkeypatch.setenv("CANCU_MAX_BYTES", "10")
    with pytest.raises(TooLarge):
        read(p)
    assert read(p, max_bytes=1000)  # the parameter wins over the environment
    r = subprocess.run([str(CANCU), "extract", str(p)], capture_output=True, text=True, timeout=60,
                       env={**os.environ, "CANCU_MAX_BYTES": "10"})
    assert r.returncode == 1 and len(r.stderr.splitlines()) == 1 and "too large" in r.stderr


def test_size_checked_before_reading(tmp_path, monkeypatch):
    p = sparse("big.txt", DEFAULT_MAX_BYTES + 1)(tmp_path)
    opened = []
    real_open = open
    monkeypatch.setattr("builtins.open", lambda *a, **k: opened.append(a) or real_open(*a, **k))
    with pytest.raises(TooLarge):
        read(p)
    assert not any(str(p) == str(a[0]) for a in opened)


def test_every_error_is_a_read_error():
    for _, _, error, _ in CASES:
        assert issubclass(error, ReadError)
