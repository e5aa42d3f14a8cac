"""Typed errors of the ingest package. Each carries one line that names the file and the problem."""
from __future__ import annotations


class IngestError(Exception):
    """Base class: a document could not be read or extracted."""

    def __init__(self, path: str | None, problem: str):
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}" if path else problem)


class ReadError(IngestError):
    """The file cannot be read as a document (missing, empty, binary, too large, damaged)."""


class UnsupportedFormat(ReadError):
    """The file's format is not one cancu reads."""


class EncodingError(ReadError):
    """The text's encoding cannot be recognised or converted."""


class NoTextLayer(ReadError):
    """A PDF without a text layer (a scan); cancu does no OCR."""


class TooLarge(ReadError):
    """The file is larger than the configured limit."""


class EmptyDocument(ReadError):
    """The file holds no text (0 bytes, or only whitespace once read)."""


class BinaryContent(ReadError):
    """What was read is not text: a file whose bytes are not text (an image, an executable,
    random bytes), or whose decoded text is binary, mis-decoded (replacement characters,
    mojibake) or made of letters unlike any Vietnamese or Latin-script text (the text detector,
    :mod:`ingest.detect`, raises only this)."""


class DamagedFile(ReadError):
    """A PDF/DOCX/DOC/RTF that is truncated, corrupt or encrypted."""


class PatternError(IngestError):
    """A pattern data file is invalid (raised at load time, listing every problem)."""
