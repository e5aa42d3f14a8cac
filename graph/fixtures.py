"""Hand-built Facts of the seed plan, with true offsets into its text (for tests and doctests).

They follow the gold annotation of ``ke-hoach-dan-van-dan-chu-2026`` so that the graph code can
be tested without depending on the state of the extractor. ``variant()`` re-issues the same plan
under another number, year and issuer (used by tests and by the 10,000-document benchmark).
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from pathlib import Path

from ingest.facts import Citation, DocumentInfo, Facts, Relation, Source, Span, Task, Unit

from .build import build_document
from .store import EmbeddedStore
from .writer import write_document

SEED = Path(__file__).resolve().parent.parent / "data" / "seed" / "ke-hoach-dan-van-dan-chu-2026.txt"

TCHCQT = "Phòng Tổ chức - Hành chính - Quản trị"


def _find(text: str, needle: str, after: int = 0) -> tuple[int, int]:
    """Offsets of ``needle`` in ``text`` at or after ``after``, whitespace-tolerant."""
    pat = r"\s+".join(re.escape(w) for w in needle.split())
    m = re.compile(pat).search(text, after)
    if not m:
        raise ValueError(f"not in the seed text: {needle!r}")
    return m.start(), m.end()


def _item(text: str, number: str, head: str, after: int, until: str | None) -> tuple[int, int]:
    s, _ = _find(text, f"{number} {head}", after)
    if until is None:
        return s, s + len(text[s:].split("\n\n \n\nNơi nhận")[0].rstrip())
    e, _ = _find(text, until, s + 1)
    return s, len(text[:e].rstrip())


def seed_facts(path: str | Path = SEED, text: str | None = None) -> Facts:
    """The facts of the seed plan (as the gold file has them)."""
    p = Path(path)
    text = text if text is not None else p.read_bytes().decode("utf-8-sig")
    src = Source(text=text, format="txt", path=str(p), sha256=hashlib.sha256(text.encode()).hexdigest(),
                 encoding="utf-8")
    items = _seed_items(text)
    span = {iid: sp for iid, _, _, sp in items}
    cites, relations = _seed_citations(text, span)
    ts, te = _find(text, "Thực hiện công tác dân vận, dân chủ năm 2026")
    ss, se = _find(text, "Trần Bình Minh")
    doc = DocumentInfo(type="Kế hoạch", issuer="Văn phòng UBND tỉnh",
                       title="Thực hiện công tác dân vận, dân chủ năm 2026", signer="Trần Bình Minh",
                       spans=(("title", Span(ts, te, text[ts:te])), ("signer", Span(ss, se, text[ss:se]))))
    return Facts(source=src, document=doc, citations=tuple(cites), units=_seed_units(text),
                 tasks=_seed_tasks(text, items), relations=tuple(relations))


def _seed_items(text: str) -> list[tuple[str, str, str | None, tuple[int, int]]]:
    """The seed's numbered items: (id, kind, parent, (start, end))."""
    # items: (id, kind, parent, head words, next item's head or None)
    sec = {k: _find(text, k)[0] for k in ("I. MỤC ĐÍCH", "II. NHIỆM VỤ", "III. TỔ CHỨC")}
    items = [
        ("I.1", "objective", None, "1. Quán triệt", "2. Đẩy mạnh tuyên", sec["I. MỤC ĐÍCH"]),
        ("II.1", "heading", None, "1. Về công tác dân vận", "2. Về công tác dân chủ", sec["II. NHIỆM VỤ"]),
        ("II.1.1", "task", "II.1", "1.1. Tiếp tục quán", "1.2. Tăng cường", sec["II. NHIỆM VỤ"]),
        ("II.1.3", "task", "II.1", "1.3. Tiếp tục thực hiện", "1.4. Đẩy mạnh", sec["II. NHIỆM VỤ"]),
        ("II.1.5", "task", "II.1", "1.5. Thực hiện nghiêm", "1.6. Đẩy mạnh", sec["II. NHIỆM VỤ"]),
        ("II.2", "heading", None, "2. Về công tác dân chủ", "III. TỔ CHỨC", sec["II. NHIỆM VỤ"]),
        ("II.2.1", "task", "II.2", "2.1. Tiếp tục tuyên", "2.2. Triển khai", sec["II. NHIỆM VỤ"]),
        ("II.2.2", "task", "II.2", "2.2. Triển khai thực hiện", "2.3. Tổ chức", sec["II. NHIỆM VỤ"]),
        ("II.2.5", "task", "II.2", "2.5. Tổ chức triển khai", "III. TỔ CHỨC", sec["II. NHIỆM VỤ"]),
        ("III.1", "assignment", None, "1. Người đứng đầu", "2. Giao Phòng", sec["III. TỔ CHỨC"]),
        ("III.2", "heading", None, "2. Giao Phòng", "3. Giao Trung tâm", sec["III. TỔ CHỨC"]),
        ("III.2.1", "assignment", "III.2", "2.1. Xây dựng", "2.2. Tham mưu", sec["III. TỔ CHỨC"]),
        ("III.2.2", "assignment", "III.2", "2.2. Tham mưu tổ chức", "2.3. Tham mưu", sec["III. TỔ CHỨC"]),
        ("III.2.3", "assignment", "III.2", "2.3. Tham mưu tổ chức", "2.4. Tham mưu", sec["III. TỔ CHỨC"]),
        ("III.2.4", "assignment", "III.2", "2.4. Tham mưu tổ chức", "2.5. Tham mưu", sec["III. TỔ CHỨC"]),
        ("III.2.5", "assignment", "III.2", "2.5. Tham mưu xây dựng", "3. Giao Trung tâm", sec["III. TỔ CHỨC"]),
        ("III.3", "assignment", None, "3. Giao Trung tâm", None, sec["III. TỔ CHỨC"]),
    ]
    return [(iid, kind, parent, _item(text, head.split(" ", 1)[0], head.split(" ", 1)[1], after, until))
            for iid, kind, parent, head, until, after in items]


def _seed_citations(text: str, span: dict[str, tuple[int, int]]) -> tuple[list[Citation], list[Relation]]:
    """The seed's citations, in order, and the relations read from their subjects."""
    T = lambda s, e: text[s:e]  # noqa: E731
    cites: list[Citation] = []

    def cite(needle, after, section, kind="numbered", **kw):
        s, e = _find(text, needle, after)
        cites.append(Citation(start=s, end=e, text=T(s, e), kind=kind, section=section, **kw))
        return e

    kh32 = dict(type="Kế hoạch", symbol="32/KH-UBND", date="2026-01-31", issuer="UBND tỉnh")
    nd59 = dict(type="Nghị định", symbol="59/2023/NĐ-CP", date="2023-08-14", issuer="Chính phủ",
                subject="ban hành quy định chi tiết một số điều của Luật Thực hiện dân chủ ở cơ sở")
    law = dict(type="Luật", resolved="10/2022/QH15")

    # citations, in order
    e = cite("Kế hoạch số 32/KH-UBND ngày 31/01/2026 của UBND tỉnh", 0, "preamble",
             subject="thực hiện công tác dân vận, dân chủ năm 2026", **kh32)
    e = cite("Luật Thực hiện dân chủ ở cơ sở", span["I.1"][0], "I.1", kind="named", **law)
    cite("Kế hoạch số 32/KH-UBND ngày 31/01/2026 của UBND tỉnh", e, "I.1", **kh32)
    cite("Kế hoạch số 32/KH-UBND ngày 31/01/2026 của UBND tỉnh", span["II.1.1"][0], "II.1.1", **kh32)
    cite("Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị", span["II.1.3"][0], "II.1.3",
         type="Chỉ thị", symbol="05-CT/TW", date="2016-05-15", issuer="Bộ Chính trị")
    e = cite("Quy định số 429-QĐ/TU ngày 01/7/2022 của Ban Thường vụ Tỉnh ủy", span["II.1.5"][0], "II.1.5",
             type="Quy định", symbol="429-QĐ/TU", date="2022-07-01", issuer="Ban Thường vụ Tỉnh ủy")
    e = cite("Công văn số 3266/UBND-NC ngày 25/8/2022 của UBND tỉnh", e, "II.1.5", type="Công văn",
             symbol="3266/UBND-NC", date="2022-08-25", issuer="UBND tỉnh",
             subject="triển khai thực hiện Quy định số 429-QĐ/TU ngày 01/7/2022 của Tỉnh uỷ")
    rel_s = cites[-1].start
    e = cite("Quy định số 429-QĐ/TU ngày 01/7/2022 của Tỉnh uỷ", e, "II.1.5", type="Quy định",
             symbol="429-QĐ/TU", date="2022-07-01", issuer="Tỉnh uỷ")
    relations = [Relation(from_="3266/UBND-NC", rel="implements", to="429-QĐ/TU", start=rel_s, end=e,
                          text=T(rel_s, e))]
    e = cite("Luật Thực hiện dân chủ ở cơ sở", span["II.2.1"][0], "II.2.1", kind="named", **law)
    s59 = _find(text, "Nghị định số 59/2023/NĐ-CP", e)[0]
    e = cite("Nghị định số 59/2023/NĐ-CP ngày 14/8/2023 của Chính phủ", e, "II.2.1", **nd59)
    e2 = cite("Luật Thực hiện dân chủ ở cơ sở", e, "II.2.1", kind="named", **law)
    relations.append(Relation(from_="59/2023/NĐ-CP", rel="details", to="10/2022/QH15", start=s59, end=e2,
                              text=T(s59, e2)))
    e = cite("Chỉ thị số 39-CT/TU ngày 16/01/2024 của Ban Thường vụ Tỉnh ủy", e2, "II.2.1", type="Chỉ thị",
             symbol="39-CT/TU", date="2024-01-16", issuer="Ban Thường vụ Tỉnh ủy")
    cite("Kế hoạch số 32/KH- UBND ngày 31/01/2026 của UBND tỉnh", e, "II.2.1", **kh32)
    e = cite("Chỉ thị số 30/CT-UBND ngày 20/10/2021 của Chủ tịch UBND tỉnh", span["II.2.2"][0], "II.2.2",
             type="Chỉ thị", symbol="30/CT-UBND", date="2021-10-20", issuer="Chủ tịch UBND tỉnh")
    cite("Công văn số 927/BNV-CTTN&BĐG ngày 30/01/2026", e, "II.2.2", type="Công văn",
         symbol="927/BNV-CTTN&BĐG", date="2026-01-30")
    e = cite("Luật thực hiện dân chủ ở cơ sở", span["II.2.5"][0], "II.2.5", kind="named", **law)
    e = cite("Nghị định số 59/2023/NĐ-CP ngày 14/8/2023 của Chính phủ", e, "II.2.5", **nd59)
    e = cite("Luật Thực hiện dân chủ ở cơ sở", e, "II.2.5", kind="named", **law)
    cite("Kế hoạch này", span["III.1"][0], "III.1", kind="self", type="Kế hoạch")
    e = cite("Luật thực hiện dân chủ ở cơ sở", span["III.2.2"][0], "III.2.2", kind="named", **law)
    e = cite("Nghị định số 59/2023/NĐ- CP ngày 14/8/2023 của Chính phủ", e, "III.2.2", **nd59)
    cite("Luật Thực hiện dân chủ ở cơ sở", e, "III.2.2", kind="named", **law)
    return cites, relations


def _seed_tasks(text: str, items) -> tuple[Task, ...]:
    """The seed's items with the documents they cite and their units by role."""
    item_cites = {"I.1": ("10/2022/QH15", "32/KH-UBND"), "II.1.1": ("32/KH-UBND",), "II.1.3": ("05-CT/TW",),
                  "II.1.5": ("429-QĐ/TU", "3266/UBND-NC"),
                  "II.2.1": ("10/2022/QH15", "59/2023/NĐ-CP", "39-CT/TU", "32/KH-UBND"),
                  "II.2.2": ("30/CT-UBND", "927/BNV-CTTN&BĐG"), "II.2.5": ("10/2022/QH15", "59/2023/NĐ-CP"),
                  "III.2.2": ("10/2022/QH15", "59/2023/NĐ-CP")}
    lead = {"III.1": ("Người đứng đầu các phòng, đơn vị",), "III.3": ("Trung tâm Thông tin",),
            "III.2": (TCHCQT,), **{f"III.2.{i}": (TCHCQT,) for i in range(1, 6)}}
    report = {"III.2.1": ("Sở Nội vụ",), "III.2.5": ("UBND tỉnh", "Sở Nội vụ")}
    return tuple(
        Task(id=iid, kind=kind, start=sp[0], end=sp[1], text=text[sp[0]:sp[1]], parent=parent,
             cites=item_cites.get(iid, ()), lead=lead.get(iid, ()), report_to=report.get(iid, ()),
             inherited_lead=iid.startswith("III.2."))
        for iid, kind, parent, sp in items)


def _seed_units(text: str) -> tuple[Unit, ...]:
    """The units the seed names, with every mention."""
    def mentions(name, after=0):
        out, pos = [], after
        while True:
            try:
                s, e = _find(text, name, pos)
            except ValueError:
                return tuple(out)
            out.append((s, e))
            pos = e

    return (
        Unit(TCHCQT, ("TCHCQT",), mentions(TCHCQT) + mentions("TCHCQT")),
        Unit("Trung tâm Thông tin", (), mentions("Trung tâm Thông tin")),
        Unit("Nhà khách Thanh Xuân Hà Nội", (), mentions("Nhà khách Thanh Xuân Hà Nội")),
        Unit("Nhà khách UBND tỉnh", (), mentions("Nhà khách UBND tỉnh")),
        Unit("Sở Nội vụ", (), mentions("Sở Nội vụ")),
        Unit("Người đứng đầu các phòng, đơn vị", (), mentions("Người đứng đầu các phòng, đơn vị")),
        Unit("UBND tỉnh", (), ((_find(text, "UBND tỉnh và Sở Nội vụ")[0],
                                _find(text, "UBND tỉnh và Sở Nội vụ")[0] + len("UBND tỉnh")),)),
    )


def variant(facts: Facts, n: int, *, year: int, province: str, path: str | None = None) -> Facts:
    """The same plan re-issued as plan number ``n`` of ``year`` by ``Văn phòng UBND tỉnh <province>``.

    The text is unchanged (offsets stay valid); the document's own identity (symbol, date,
    issuer) changes, so its IRI, its units and its local citations land in another jurisdiction.
    """
    d = replace(facts.document, symbol=f"{n}/KH-VP", date=f"{year}-03-{1 + n % 28:02d}",
                issuer=f"Văn phòng UBND tỉnh {province}", title=f"{facts.document.title} ({n})")
    src = replace(facts.source, path=path or f"{facts.source.path}#{province}-{year}-{n}",
                  sha256=hashlib.sha256(f"{facts.source.sha256}{province}{year}{n}".encode()).hexdigest())
    cites = tuple(replace(c, issuer=f"UBND tỉnh {province}") if c.issuer == "UBND tỉnh" else c
                  for c in facts.citations)
    return replace(facts, document=d, source=src, citations=cites)


_SEED_STORE = None


def seed_store():
    """An in-memory store holding the seed plan's facts (built once per process)."""
    global _SEED_STORE
    if _SEED_STORE is None:
        _SEED_STORE = EmbeddedStore(None)
        write_document(_SEED_STORE, build_document(seed_facts(), ingested_at="2026-03-01T08:00:00+00:00"))
    return _SEED_STORE
