"""Builders of hostile files (decompression and size bombs), streamed so that building one costs
little memory. Used by tests/test_bombs.py and bench/bombs.py."""
from __future__ import annotations

import zipfile
from pathlib import Path

_CT = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/'
       b'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
       b'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/'
       b'document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"'
       b'/></Types>')
_RELS = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats'
         b'.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
         b'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
_HEAD = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats'
         b'.org/wordprocessingml/2006/main"><w:body>')
_TAIL = b"</w:body></w:document>"


def docx(path: Path, body_chunks, level: int = 1) -> Path:
    """A minimal DOCX whose body is the given XML chunks (bytes), written without holding them."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as z:
        z.writestr("[Content_Types].xml", _CT)
        z.writestr("_rels/.rels", _RELS)
        with z.open("word/document.xml", "w", force_zip64=True) as f:
            f.write(_HEAD)
            for c in body_chunks:
                f.write(c)
            f.write(_TAIL)
    return path


def empty_paragraphs_docx(path: Path, mb: float) -> Path:
    """The issue's bomb: ``mb`` MB of ``<w:p/>`` (a 100 MB one is a 150 KB file)."""
    block = b"<w:p/>" * 100_000
    return docx(path, (block for _ in range(int(mb * 1e6) // len(block))))


def spaces_docx(path: Path, mb: float) -> Path:
    """One paragraph holding ``mb`` MB of spaces."""
    chunk = b" " * 1_000_000
    return docx(path, [b'<w:p><w:r><w:t xml:space="preserve">', *(chunk for _ in range(int(mb))),
                       b"</w:t></w:r></w:p>"])


def text_docx(path: Path, mb: float, sentence: str = "Giao Sở Nội vụ chủ trì thực hiện Kế hoạch số 12/KH-UBND. ") -> Path:
    """Paragraphs of real-looking text, ``mb`` MB of XML."""
    para = ("<w:p><w:r><w:t>" + sentence * 20 + "</w:t></w:r></w:p>").encode()
    block = para * 50
    return docx(path, (block for _ in range(max(1, int(mb * 1e6) // len(block)))))


def lying_docx(path: Path, declared: int) -> Path:
    """A small DOCX whose ZIP directory claims the main part inflates to ``declared`` bytes."""
    text_docx(path, 0.01)
    data = bytearray(path.read_bytes())
    name = b"word/document.xml"
    i = data.find(b"PK\x01\x02")
    while i != -1:  # central directory entries
        n = int.from_bytes(data[i + 28:i + 30], "little")
        if data[i + 46:i + 46 + n] == name:
            size = int.from_bytes(data[i + 24:i + 28], "little")
            if size == 0xFFFFFFFF:  # zip64: the size is the first field of the zip64 extra block
                extra = i + 46 + n + 4
                assert data[extra - 4:extra - 2] == b"\x01\x00"
                data[extra:extra + 8] = declared.to_bytes(8, "little")
            else:
                data[i + 24:i + 28] = min(declared, 0xFFFFFFFE).to_bytes(4, "little")
            break
        i = data.find(b"PK\x01\x02", i + 4)
    path.write_bytes(bytes(data))
    return path
