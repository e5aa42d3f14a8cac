"""The text detector (issue 13, item 3): binary and mis-decoded content is refused with one typed
error and one line naming the file; every real document and short legitimate texts are accepted."""
from __future__ import annotations

import base64
import random
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import pytest

from ingest import detect
from ingest.errors import BinaryContent, EmptyDocument, EncodingError, ReadError
from ingest.read import SUPPORTED, read
from tests.conftest import shared_dir
from tests.test_read import SENTENCE, to_cp1258, to_mojibake, to_tcvn3, to_vni, SENTENCE_LOWER

CANCU = Path(sys.executable).with_name("cancu")
ROOT = Path(__file__).resolve().parent.parent
SEED = (ROOT / "data" / "seed" / "ke-hoach-dan-van-dan-chu-2026.txt").read_text(encoding="utf-8")

_r = random.Random(13)
PRINTABLE = bytes(_r.randrange(0x20, 0x7F) for _ in range(20_000))
NO_NUL = bytes(_r.randrange(1, 256) for _ in range(20_000))
CODE_POINTS = "".join(chr(_r.randrange(0x20, 0xD7FF)) for _ in range(20_000)).encode("utf-8")
LATIN_HIGH = "".join(chr(_r.randrange(0xA0, 0x250)) for _ in range(20_000)).encode("utf-8")
RANDOM_WORDS = " ".join("".join(chr(_r.randrange(97, 123)) for _ in range(_r.randrange(2, 8)))
                        for _ in range(3000)).encode()
# a real text with binary after the first 8 KB, where the byte sniffing of .txt files does not look
TAIL_BINARY = SEED.encode("utf-8") + bytes(_r.randrange(1, 32) for _ in range(4000))
# UTF-8 read as Windows-1252 once, with a character Windows-1252 lacks, so it cannot be repaired
MOJIBAKE = to_mojibake(SEED) + "→".encode("utf-8")
HTML_WRONG_CHARSET = (b'<html><head><meta charset="utf-8"></head><body><p>'
                      + to_cp1258(SEED.replace("\n", "</p><p>")) + b"</p></body></html>")

# (id, file name, bytes, error class, phrase)
BAD = [
    ("20,000 random printable bytes", "random.txt", PRINTABLE, BinaryContent, "no words"),
    ("20,000 random bytes without NUL", "noise.txt", NO_NUL, BinaryContent, "binary content"),
    ("random code points", "points.txt", CODE_POINTS, BinaryContent, "not Vietnamese or Latin-script text"),
    ("random Latin-1/Extended letters", "latin.txt", LATIN_HIGH, BinaryContent, "no words"),
    ("random lower-case words", "words.txt", RANDOM_WORDS, BinaryContent, "vowels"),
    ("base64", "attachment.txt", base64.b64encode(bytes(_r.randrange(256) for _ in range(15_000))), BinaryContent, "no words"),
    ("hex dump", "dump.txt", bytes(_r.randrange(256) for _ in range(8000)).hex().encode(), BinaryContent, "no words"),
    ("replacement characters", "fffd.txt", ("Quyết định \ufffd\ufffd số 12 " * 200).encode(), BinaryContent, "U+FFFD"),
    ("binary after 8 KB of text", "tail.txt", TAIL_BINARY, BinaryContent, "control characters"),
    ("unrepairable mojibake", "mojibake.txt", MOJIBAKE, BinaryContent, "mis-decoded"),
    ("Chinese in UTF-8", "zh.txt", "中华人民共和国国务院关于加强法治政府建设的决定。".encode() * 40, BinaryContent, "CJK"),
    ("Russian in UTF-8", "ru.txt", "Постановление правительства о порядке. ".encode() * 60, BinaryContent, "Cyrillic"),
    ("HTML in the wrong charset", "page.html", HTML_WRONG_CHARSET, BinaryContent, "U+FFFD"),
    ("Chinese in GBK", "gbk.txt", "中华人民共和国国务院关于加强法治政府建设的决定。".encode("gbk") * 20, EncodingError,
     "encoding not recognised"),
    ("empty", "empty.txt", b"", EmptyDocument, "empty document"),
    ("whitespace only", "blank.txt", b"  \r\n\t \n", EmptyDocument, "empty document"),
]

GOOD = [
    ("three-line notice", "notice.txt",
     "THÔNG BÁO\nPhòng họp tầng 2 tạm đóng cửa ngày 15/3/2026.\nĐề nghị các đơn vị lưu ý.\n".encode()),
    ("one word", "word.txt", "Kế hoạch".encode()),
    ("a number", "n.txt", b"12/QD-UBND"),
    ("English memo", "memo.txt", b"This memo sets out the meeting schedule for the quarter.\n" * 40),
    ("French note", "fr.txt", "Le comité a approuvé le règlement intérieur et la déclaration commune.\n".encode() * 40),
    ("German note (accepted; the legacy detector reads its umlauts as TCVN3)", "de.txt", "Die Behörde prüft die Anträge gemäß der Verordnung über Zuständigkeiten.\n".encode() * 40),
    ("the seed", "seed.txt", SEED.encode()),
    ("the seed in NFD", "nfd.txt", unicodedata.normalize("NFD", SEED).encode()),
    ("the seed with CRLF", "crlf.txt", SEED.replace("\n", "\r\n").encode()),
    ("the seed in UTF-16", "u16.txt", SEED.encode("utf-16")),
    ("the seed in Windows-1258", "cp1258.txt", to_cp1258(SEED)),
    ("the seed as mojibake (repaired)", "moji.txt", to_mojibake(SEED)),
    ("TCVN3", "tcvn3.txt", to_tcvn3(SENTENCE_LOWER * 30)),
    ("VNI", "vni.txt", to_vni(SENTENCE * 30)),
    ("Chinese names in a Vietnamese text", "names.txt", (SEED + "\nHội thảo với Đại học 清華大學 và 北京大學.\n").encode()),
    ("a form of dotted lines", "form.txt",
     ("Họ và tên:" + "." * 90 + "\nNgày sinh:" + "." * 90 + "\nĐịa chỉ:" + "." * 90 + "\n").encode() * 3 + SEED.encode()),
    ("a few stray control characters", "ctl.txt", SEED.replace("\n\n", "\n\x85\n", 10).encode()),
    ("a page with its charset", "page.html", b'<html><head><meta charset="windows-1258"></head><body><p>'
     + to_cp1258(SEED.replace("\n", "</p><p>")) + b"</p></body></html>"),
]


@pytest.mark.parametrize("case,name,data,error,phrase", BAD, ids=[c[0] for c in BAD])
def test_bad_content_is_refused_with_one_line(tmp_path, case, name, data, error, phrase):
    p = tmp_path / name
    p.write_bytes(data)
    with pytest.raises(error) as info:
        read(p)
    assert type(info.value) is error
    msg = str(info.value)
    assert "\n" not in msg and msg.startswith(f"{p}: ") and phrase in msg, msg


@pytest.mark.parametrize("case,name,data", GOOD, ids=[c[0] for c in GOOD])
def test_legitimate_text_is_accepted(tmp_path, case, name, data):
    p = tmp_path / name
    p.write_bytes(data)
    assert read(p).text.strip()


def test_the_cli_refuses_random_bytes_in_one_line(tmp_path):
    """The case of the issue: 20,000 random bytes named .txt gave exit 0 and a 'UTF-8' document."""
    paths = []
    for _, name, data, _, _ in BAD:
        p = tmp_path / name
        p.write_bytes(data)
        paths.append(p)
    r = subprocess.run([str(CANCU), "extract", str(paths[0])], capture_output=True, text=True, timeout=60)
    assert r.returncode == 1 and not r.stdout and "Traceback" not in r.stderr
    [line] = r.stderr.splitlines()
    assert line.endswith(f"{paths[0]}: not a text document (no words: 1.1% whitespace)"), line
    r = subprocess.run([str(CANCU), "extract", *map(str, paths)], capture_output=True, text=True, timeout=120)
    assert r.returncode == 1 and "Traceback" not in r.stderr
    lines = r.stderr.splitlines()
    assert len(lines) == len(paths) and all(str(p) in line for p, line in zip(paths, lines)), r.stderr


def test_the_detector_raises_one_typed_error():
    """Every refusal of the detector is a BinaryContent (a ReadError): one class for the CLI, the
    app's message table and callers; the message says which signal refused the text."""
    assert issubclass(BinaryContent, ReadError)
    assert {error for _, _, _, error, _ in BAD if error not in (EmptyDocument, EncodingError)} == {BinaryContent}


def test_detection_cost_is_bounded_by_the_sample():
    """The letter statistics read a fixed sample: 40× the text costs little more than 1×."""
    big = SEED * 2000  # 22 M characters
    assert detect.problem(big) is None
    t0 = time.process_time()
    detect.problem(big)
    assert time.process_time() - t0 < 5  # a whole-text scan of letters would be several times slower


# ------------------------------------------------------------------ every real document is accepted

SHARED = shared_dir()
CORPORA = ["dev", "bulk/txt", "bulk/pdf", "bulk2025/txt", "formats"]


@pytest.mark.shared
@pytest.mark.parametrize("corpus", CORPORA)
def test_every_real_document_is_accepted(corpus):
    if SHARED is None:
        pytest.skip("../shared is absent: the real corpora cannot be checked here")
    folder = SHARED / "corpus" / corpus
    files = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED)
    assert files, f"no documents under {folder}"
    refused = []
    for p in files:
        try:
            read(p)
        except ReadError as e:
            refused.append(str(e))
    assert not refused, f"{len(refused)} of {len(files)} refused:\n" + "\n".join(refused)
