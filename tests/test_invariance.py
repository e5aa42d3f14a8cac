"""Line-ending and encoding invariance (issue 13, item 2): the facts of a document do not depend
on how its lines end (LF, CRLF, CR), on a UTF-8 byte order mark, on NFD-decomposed letters or on
Windows-1258 bytes. Offsets differ between the variants; every quote still equals
``text[start:end]`` of the variant's own text as read.

Each variant is written to a file and read with ``ingest.read`` (the real reader), then
extracted. Over every dev document when ../shared is present, over the seed always.
"""
from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from ingest import extract, read
from ingest.clean import clean
from tests.conftest import shared_dir
from tests.test_read import to_cp1258

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "seed" / "ke-hoach-dan-van-dan-chu-2026.txt"
SHARED = shared_dir()
DEV = sorted((SHARED / "corpus" / "dev").glob("*.txt")) if SHARED else []
DOCS = [SEED] + DEV


def _cp1258_safe(text: str) -> str:
    """The text with what Windows-1258 cannot write (→, ≤, emoji …) replaced by '?'."""
    return "".join(c if _encodable(c) else "?" for c in text)


def _encodable(c: str) -> bool:
    try:
        to_cp1258(c)
        return True
    except UnicodeEncodeError:
        return False


# variant name → (text → the text to compare against, text → bytes on disk)
VARIANTS = {
    "crlf": (lambda t: t, lambda t: t.replace("\n", "\r\n").encode("utf-8")),
    "cr": (lambda t: t, lambda t: t.replace("\n", "\r").encode("utf-8")),
    "bom": (lambda t: t, lambda t: b"\xef\xbb\xbf" + t.encode("utf-8")),
    "nfd": (lambda t: t, lambda t: unicodedata.normalize("NFD", t).encode("utf-8")),
    "cp1258": (_cp1258_safe, lambda t: to_cp1258(t)),
    "cp1258+crlf": (_cp1258_safe, lambda t: to_cp1258(t.replace("\n", "\r\n"))),
}


def facts_without_offsets(f) -> dict:
    """The facts as JSON with every offset and quote taken out: ``start``/``end``/``text`` and any
    ``…_span`` key, and the numbers inside nested lists (``mentions`` ``[[s, e], …]``, ``evidence``
    ``[[role, s, e], …]``), whose lengths stay."""
    j = f.to_json()
    j.pop("source")

    def walk(x, nested=False):
        if isinstance(x, dict):
            return {k: walk(v) for k, v in x.items() if k not in ("start", "end", "text") and not k.endswith("_span")}
        if isinstance(x, list):
            return [walk(v, True) for v in x if not (nested and isinstance(v, int) and not isinstance(v, bool))]
        return x
    return walk(j)


def assert_quotes_match(f) -> None:
    text = f.source.text
    for c in f.citations:
        assert text[c.start:c.end] == c.text
    for t in f.tasks:
        assert text[t.start:t.end] == t.text
    for r in f.relations:
        assert text[r.start:r.end] == r.text
    for sp, _ in f.dates:
        assert text[sp.start:sp.end] == sp.text
    for _, sp in f.document.spans:
        assert text[sp.start:sp.end] == sp.text
    for sp in f.recipients:
        assert text[sp.start:sp.end] == sp.text


def _base_facts(path: Path, tmp_path: Path, prepare) -> tuple[str, dict]:
    text = prepare(path.read_text(encoding="utf-8-sig"))
    p = tmp_path / "original.txt"
    p.write_bytes(text.encode("utf-8"))
    return text, facts_without_offsets(extract(read(p)))


_CACHE: dict = {}


@pytest.mark.parametrize("variant", sorted(VARIANTS))
@pytest.mark.parametrize("doc", DOCS, ids=[p.name for p in DOCS])
def test_facts_do_not_depend_on_line_endings_or_encoding(tmp_path, doc, variant):
    prepare, encode = VARIANTS[variant]
    key = (doc, prepare is _cp1258_safe)
    if key not in _CACHE:
        _CACHE[key] = _base_facts(doc, tmp_path, prepare)
    text, want = _CACHE[key]
    p = tmp_path / f"variant-{variant}.txt"
    p.write_bytes(encode(text))
    f = extract(read(p))
    assert_quotes_match(f)
    got = facts_without_offsets(f)
    for part in want:  # part by part, for a readable failure
        assert got[part] == want[part], f"{doc.name} [{variant}]: {part} differ"


def test_the_dev_corpus_is_there_or_the_skip_says_why():
    if not DEV:
        pytest.skip("../shared is absent: only the seed is checked for line-ending invariance")
    assert len(DEV) >= 40


def test_crlf_keeps_the_seed_symbol_whole():
    """The seed with CRLF cut 59/2023/NĐ-CP to 59/2023/NĐ before cleaning turned line endings."""
    text = SEED.read_text(encoding="utf-8")
    for nl in ("\r\n", "\r"):
        f = extract(read_text_as(text.replace("\n", nl)))
        symbols = {c.symbol for c in f.citations if c.symbol}
        assert "59/2023/NĐ-CP" in symbols and "59/2023/NĐ" not in symbols


def read_text_as(text: str):
    from ingest.pipeline import extract_text
    return extract_text(text).source


@pytest.mark.parametrize("src", [
    "a\r\nb\r\n\r\nc", "\r\n\r\n", "x\ry\r", "a\u0301\r\ne\u0302\u0301\rz", "\r", "đ\r\n\u0323",
])
def test_offset_map_over_crlf_and_nfd(src):
    c = clean(src)
    assert "\r" not in c.text
    assert c.span(0, len(c.text)) == (0, len(src))
    prev = 0
    for i in range(len(c.text) + 1):
        s = c.pos(i)
        assert prev <= s <= len(src)
        prev = s
    # each clean line maps back to the same line of the source, without its line ending
    start = 0
    for line in c.text.split("\n"):
        a, b = c.span(start, start + len(line))
        assert unicodedata.normalize("NFC", src[a:b]) == line
        start += len(line) + 1
