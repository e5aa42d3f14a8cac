"""ingest.nlp: facts lifted onto a spaCy Doc (blank "vi", no pyvi, no model)."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

spacy = pytest.importorskip("spacy")

from ingest.facts import Citation, DocumentInfo, Facts, Source, Span, Task, Unit  # noqa: E402
from ingest.nlp import SPANS_KEY, doc_from_spans, nlp, to_doc  # noqa: E402

SEED = Path(__file__).resolve().parent.parent / "data" / "seed" / "ke-hoach-dan-van-dan-chu-2026.txt"

TEXT = ("Căn cứ Nghị định số 59/2023/NĐ-CP ngày 14/8/2023 của Chính phủ; Luật Thực hiện dân chủ ở cơ sở,\n"
        "1. Giao Phòng Tổ chức - Hành chính - Quản trị (TCHCQT) chủ trì, báo cáo Sở Nội vụ.")


def _facts(text: str = TEXT) -> Facts:
    def at(s: str) -> tuple[int, int]:
        i = text.index(s)
        return i, i + len(s)

    c1, c2 = at("Nghị định số 59/2023/NĐ-CP"), at("Luật Thực hiện dân chủ ở cơ sở")
    d = at("14/8/2023")
    u1, u2 = at("Phòng Tổ chức - Hành chính - Quản trị"), at("Sở Nội vụ")
    t = at("1. Giao Phòng Tổ chức - Hành chính - Quản trị (TCHCQT) chủ trì, báo cáo Sở Nội vụ.")
    return Facts(
        source=Source(text, "txt", "<test>", hashlib.sha256(text.encode()).hexdigest()),
        document=DocumentInfo(),
        citations=(Citation(*c1, text[slice(*c1)], "numbered", symbol="59/2023/NĐ-CP"),
                   Citation(*c2, text[slice(*c2)], "named", type="Luật", resolved="10/2022/QH15")),
        units=(Unit("Phòng Tổ chức - Hành chính - Quản trị", ("TCHCQT",), (u1,)), Unit("Sở Nội vụ", (), (u2,))),
        tasks=(Task("1", "task", *t, text[slice(*t)]),),
        dates=((Span(*d, text[slice(*d)]), "2023-08-14"),),
    )


def test_blank_vi_needs_no_pyvi_and_no_model():
    pipeline = nlp()
    assert pipeline.lang == "vi"
    assert pipeline.config["nlp"]["tokenizer"]["use_pyvi"] is False
    assert nlp() is pipeline  # cached


def test_every_span_covers_its_fact():
    facts = _facts()
    doc = to_doc(facts)
    spans = doc.spans[SPANS_KEY]
    expected = [(c.start, c.end) for c in facts.citations] + [m for u in facts.units for m in u.mentions] \
        + [(s.start, s.end) for s, _ in facts.dates] + [(t.start, t.end) for t in facts.tasks]
    assert len(spans) == len(expected)
    for start, end in expected:
        covering = [s for s in spans if s.start_char <= start and end <= s.end_char]
        assert covering, f"no span covers {TEXT[start:end]!r}"
        assert TEXT[start:end] in covering[0].text
    labels = {s.label_ for s in spans}
    assert {"CITATION", "LAW", "UNIT", "DATE", "TASK"} <= labels
    assert doc.text == TEXT  # nothing lost


def test_expand_alignment_keeps_trailing_punctuation_token():
    doc = doc_from_spans("theo 59/2023/NĐ-CP, và", [(5, 18, "CITATION")])
    (span,) = doc.spans[SPANS_KEY]
    assert span.text == "59/2023/NĐ-CP,"  # whitespace tokenizer: the comma stays on the token


def test_out_of_range_and_blank_spans_are_dropped():
    doc = doc_from_spans("abc def", [(0, 0, "X"), (5, 99, "X"), (3, 4, "X"), (4, 7, "UNIT")])
    assert [(s.text, s.label_) for s in doc.spans[SPANS_KEY]] == [("def", "UNIT")]


def test_displacy_escapes_document_text():
    from spacy import displacy
    text = "Căn cứ <script>alert(1)</script> Nghị định 59/2023/NĐ-CP"
    start = text.index("Nghị")
    doc = doc_from_spans(text, [(start, len(text), "CITATION"), (7, 32, "UNIT")])
    html = displacy.render(doc, style="span", options={"spans_key": SPANS_KEY}, page=False)
    assert "<script>" not in html
    assert "&lt;script&gt;" in html


def test_seed_text_round_trips_through_the_tokenizer():
    if not SEED.exists():
        pytest.skip("seed plan missing")
    text = SEED.read_text(encoding="utf-8-sig")
    doc = doc_from_spans(text, [])
    assert doc.text == text
