"""Facts → a spaCy ``Doc`` whose spans are the extracted facts (for displaCy and spaCy tooling).

spaCy is an adapter here, never the source of truth: the character-level grammar finds the
facts (:mod:`ingest.pipeline`), and this module lifts their offsets onto tokens with
``doc.char_span(start, end, label, alignment_mode="expand")``.

The pipeline is ``spacy.blank("vi")`` with ``use_pyvi = False``: no pyvi, no model download.
That tokenizer splits on whitespace only, so punctuation stays on its token
(``59/2023/NĐ-CP,``); ``expand`` alignment therefore may widen a span to the whole token —
every span still covers its fact's characters.

    >>> from ingest.facts import Facts, Source, DocumentInfo, Citation
    >>> text = "Căn cứ Nghị định số 59/2023/NĐ-CP, Sở Nội vụ"
    >>> f = Facts(Source(text, "txt", "<t>", ""), DocumentInfo(),
    ...           citations=(Citation(7, 33, text[7:33], "numbered", symbol="59/2023/NĐ-CP"),))
    >>> doc = to_doc(f)
    >>> [(s.label_, s.text) for s in doc.spans[SPANS_KEY]]
    [('CITATION', 'Nghị định số 59/2023/NĐ-CP,')]
"""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable

from .facts import Facts

__all__ = ["nlp", "to_doc", "doc_from_spans", "SPANS_KEY", "LABELS"]

SPANS_KEY = "cancu"

# label → what it marks (also the legend of the rendered text)
LABELS = {
    "CITATION": "a cited document (numbered, or 'Kế hoạch này')",
    "LAW": "a law cited by its name",
    "UNIT": "a unit or organisation",
    "DATE": "a date",
    "TASK": "a numbered item (task, objective, assignment)",
    "RECIPIENT": "a recipient in 'Nơi nhận'",
    "HEADER": "the document's own header fields (number, date, issuer, signer)",
}

_COMPONENT = "cancu_facts"


@lru_cache(maxsize=1)
def nlp():
    """The cached ``spacy.blank("vi")`` pipeline (whitespace tokenizer, no pyvi) with the facts component."""
    import spacy
    from spacy.language import Language

    if not Language.has_factory(_COMPONENT):
        @Language.component(_COMPONENT)
        def _facts_component(doc):  # the facts arrive through doc.user_data (see to_doc)
            spans = doc.user_data.pop(("cancu", "spans"), ())
            doc.spans[SPANS_KEY] = _lift(doc, spans)
            return doc

    pipeline = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
    pipeline.add_pipe(_COMPONENT)
    return pipeline


def _lift(doc, spans: Iterable[tuple[int, int, str]]):
    out = []
    for start, end, label in spans:
        if not (0 <= start < end <= len(doc.text)) or not doc.text[start:end].strip():
            continue
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
        if span is not None:
            out.append(span)
    out.sort(key=lambda s: (s.start_char, -s.end_char, s.label_))
    return out


def fact_spans(facts: Facts) -> list[tuple[int, int, str]]:
    """The (start, end, label) of every fact worth marking in ``facts.source.text``."""
    out: list[tuple[int, int, str]] = []
    for c in facts.citations:
        out.append((c.start, c.end, "LAW" if c.kind == "named" else "CITATION"))
    for u in facts.units:
        out.extend((s, e, "UNIT") for s, e in u.mentions)
    for span, _value in facts.dates:
        out.append((span.start, span.end, "DATE"))
    for t in facts.tasks:
        out.append((t.start, t.end, "TASK"))
    for r in facts.recipients:
        out.append((r.start, r.end, "RECIPIENT"))
    for _name, s in facts.document.spans:
        out.append((s.start, s.end, "HEADER"))
    return out


def doc_from_spans(text: str, spans: Iterable[tuple[int, int, str]]):
    """A Doc of ``text`` with ``spans`` (start, end, label) in ``doc.spans[SPANS_KEY]``."""
    pipeline = nlp()
    doc = pipeline.make_doc(text)
    doc.user_data[("cancu", "spans")] = tuple(spans)
    for _name, proc in pipeline.pipeline:
        doc = proc(doc)
    return doc


def to_doc(facts: Facts):
    """The document's text as a Doc, every extracted fact a labelled span in ``doc.spans["cancu"]``."""
    return doc_from_spans(facts.source.text, fact_spans(facts))
