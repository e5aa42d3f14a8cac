"""The lexicon of public bodies (data/lexicon/*.json, ingest/lexicon.py) is checked against its schemas,
its sources in ../shared, and itself: quotes are verbatim, abbreviation examples resolve, English names
go there and back, no printed form or English name means two bodies."""
from __future__ import annotations

import doctest
import json
import re
import time
from pathlib import Path

import jsonschema
import pytest

from ingest import lexicon as L

DATA = L.DATA_DIR
LX = L.load()
NAMES = ("bodies", "abbreviations", "families")


def _raw(name: str) -> dict:
    return json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))


# ------------------------------------------------------------------------------------------------
# Shape
# ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", NAMES)
def test_file_matches_its_schema(name):
    schema = json.loads((DATA / f"{name}.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in jsonschema.Draft202012Validator(schema).iter_errors(_raw(name))]
    assert errors == []


@pytest.mark.parametrize("name", NAMES)
def test_file_is_plain_json(name):
    raw = (DATA / f"{name}.json").read_text(encoding="utf-8")
    assert "\t" not in raw and raw == raw.strip() + ("\n" if raw.endswith("\n") else "")


def test_counts_per_level_are_sane():
    levels = {lv: sum(b.level == lv for b in LX.bodies) for lv in ("national", "party", "front", "province", "commune", "collective")}
    assert all(n >= 5 for n in levels.values()), levels
    # the 14 ministries and 3 ministry-level agencies of NQ 176/2025/QH15, all current
    current = [b for b in LX.bodies if b.kind in ("ministry", "ministry_level_agency") and b.status == "current"]
    assert len(current) == 17, [b.name for b in current]


def test_every_entry_says_how_its_english_is_sourced():
    for b in LX.bodies:
        if b.en:
            assert b.en_source, b.name
            assert b.en_source.startswith(("research §", "standard form (unverified)")), (b.name, b.en_source)


def test_research_sources_point_to_existing_sections(SHARED):
    note = (SHARED / "research" / "vn-public-bodies-2025.md").read_text(encoding="utf-8")
    heads = set(re.findall(r"^#{2,3} ([0-9]+(?:\.[0-9]+)?)[ .]", note, flags=re.M))
    refs = [(b.name, s.section) for b in LX.bodies for s in b.sources if s.ref.startswith("research/")]
    refs += [(a.abbr, s.section) for a in LX.abbreviations for s in a.sources]
    bad = [(n, sec) for n, sec in refs for part in sec.split("/") if part.lstrip("§") not in heads]
    assert bad == []


# ------------------------------------------------------------------------------------------------
# Sources in ../shared
# ------------------------------------------------------------------------------------------------
def _quotes():
    for b in LX.bodies:
        for s in b.sources:
            if s.quote:
                yield b.name, s.ref, s.quote
    for a in LX.abbreviations:
        for e in a.examples:
            yield a.abbr, e.ref, e.text
    for f in LX.families:
        for e in f.examples:
            yield f.head, e.ref, e.text


def test_every_quote_is_verbatim_in_its_file(SHARED):
    cache: dict[str, str] = {}
    missing = []
    for owner, ref, quote in _quotes():
        if ref not in cache:
            p = SHARED / ref
            cache[ref] = p.read_text(encoding="utf-8", errors="replace") if p.is_file() else ""
        if quote not in cache[ref]:
            missing.append((owner, ref, quote))
    assert missing == []


def test_quotes_exist_at_all():
    n = sum(1 for _ in _quotes())
    assert n > 250, n


# ------------------------------------------------------------------------------------------------
# Abbreviations
# ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("abbr", [a for a in LX.abbreviations], ids=[a.abbr for a in LX.abbreviations])
def test_abbreviation_examples_resolve(abbr):
    """A 'name' example means the body its expansion names; a 'part' example expands and is a known name
    (an entry, a name with a place, a collective form, or a family member)."""
    if abbr.kind == "name":
        target = LX.lookup(abbr.expansion)
        assert target is not None and L.fold_name(target.name) in {L.fold_name(n) for n in target.names}
        for form in (abbr.abbr,) + abbr.forms:
            assert LX.lookup(form) is target, form
    for ex in abbr.examples:
        assert LX.expand(ex.text) != ex.text, ex.text
        if abbr.kind == "name":
            assert LX.lookup(ex.text) is LX.lookup(abbr.expansion), ex.text
        else:
            assert LX.recognise(ex.text), ex.text


def test_expand_writes_out_the_standard_abbreviations():
    cases = {"Sở KH&CN": "Sở Khoa học và Công nghệ", "Sở TN&MT": "Sở Tài nguyên và Môi trường",
             "Sở LĐ-TB&XH": "Sở Lao động - Thương binh và Xã hội", "Sở VH,TT&DL": "Sở Văn hóa, Thể thao và Du lịch",
             "Sở GD&ĐT": "Sở Giáo dục và Đào tạo", "UBND tỉnh": "Ủy ban nhân dân tỉnh", "HĐND tỉnh": "Hội đồng nhân dân tỉnh",
             "UBMTTQ tỉnh": "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Ủy ban MTTQ Việt Nam tỉnh": "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
             "Bộ CHQS tỉnh": "Bộ Chỉ huy Quân sự tỉnh", "VP UBND TP": "Văn phòng Ủy ban nhân dân thành phố",
             "Sở KH & CN": "Sở Khoa học và Công nghệ"}
    assert {k: LX.expand(k) for k in cases} == cases


def test_abbreviations_that_are_not_bodies_stay():
    # TTHC is not a body; TT alone is ambiguous (Trung tâm, Thường trực, Thông tư)
    assert LX.expand("TTHC") == "TTHC"
    assert LX.expand("TT") == "TT"
    assert LX.lookup("TTHC") is None


# ------------------------------------------------------------------------------------------------
# Lookup
# ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("printed,name", [
    ("Sở Nội Vụ", "Sở Nội vụ"), ("Uỷ ban nhân dân tỉnh", "Ủy ban nhân dân tỉnh"), ("Sở Văn hoá, Thể thao và Du lịch", "Sở Văn hóa, Thể thao và Du lịch"),
    ("UBND tỉnh Bà Rịa - Vũng Tàu", "Ủy ban nhân dân tỉnh"), ("ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ", "Ủy ban nhân dân tỉnh"),
    ("UBND xã Thạch Kim", "Ủy ban nhân dân cấp xã"), ("Chủ tịch UBND các xã, phường", "Ủy ban nhân dân các xã, phường, đặc khu"),
    ("UBND cấp xã", "Ủy ban nhân dân cấp xã"), ("Giám đốc Sở Tài chính", "Sở Tài chính"), ("Chánh Thanh tra tỉnh", "Thanh tra tỉnh"),
    ("Chánh Văn phòng UBND tỉnh", "Văn phòng Ủy ban nhân dân tỉnh"), ("các sở, ban, ngành có liên quan", "các sở, ban, ngành"),
    ("Các Sở, ban, ngành thuộc tỉnh", "các sở, ban, ngành"), ("các cơ quan, đơn vị liên quan", "các cơ quan, đơn vị có liên quan"),
    ("Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ", "các Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ"),
    ("UBND các tỉnh, thành phố trực thuộc TW", "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"),
    ("Tỉnh ủy Nghệ An", "Tỉnh ủy"), ("Thuế tỉnh Tây Ninh", "Thuế tỉnh"), ("Công an thành phố", "Công an tỉnh"),
    ("Cục Thuế - Bộ Tài chính", "Cục Thuế"), ("Cục KSTTHC-VPCP", "Cục Kiểm soát thủ tục hành chính"), ("TTg", "Thủ tướng Chính phủ"),
    ("BTC", "Bộ Tài chính"), ("Bộ LĐTBXH", "Bộ Lao động - Thương binh và Xã hội"), ("Thủ tướng", "Thủ tướng Chính phủ"),
    ("Sở Tài chính các tỉnh, thành phố trực thuộc trung ương", "Sở Tài chính"),
    ("Đồng chí Bộ trưởng Bộ Y tế", "Bộ Y tế"), ("Thứ trưởng Bộ Y tế", "Bộ Y tế"), ("Đ/c Giám đốc Sở Nội vụ", "Sở Nội vụ"),
    ("Thống đốc Ngân hàng Nhà nước Việt Nam", "Ngân hàng Nhà nước Việt Nam"),
])
def test_lookup(printed, name):
    b = LX.lookup(printed)
    assert b is not None and b.name == name, (printed, b and b.name)


@pytest.mark.parametrize("printed", ["Luật Phòng, chống thiên tai", "Phòng, chống tham nhũng", "Hà Nội", "Trường Sa", "Hội An",
                                     "Trung tâm Chuyển đổi số", "Vụ Pháp chế - Bộ Tư pháp", "Doanh nghiệp", "", "Ban hành"])
def test_lookup_gives_none_for_what_is_not_a_known_body(printed):
    assert LX.lookup(printed) is None


@pytest.mark.parametrize("printed,how", [("Trung tâm Chuyển đổi số", "family"), ("Chi cục Kiểm lâm", "family"),
                                         ("Vụ Pháp chế - Bộ Tư pháp", "parent"), ("Các cơ quan, tổ chức, đơn vị có liên quan", "collective"),
                                         ("Trường Đại học Bách khoa Hà Nội", "family"), ("Trường Sa", None), ("Hội An", None),
                                         ("Đài Loan", None), ("Phòng, chống tham nhũng", None)])
def test_recognise_families_and_false_friends(printed, how):
    assert LX.recognise(printed) == how


def test_family_examples_are_members_of_their_family():
    for f in LX.families:
        for e in f.examples:
            assert LX.recognise(e.text), (f.head, e.text)
            if LX.lookup(e.text) is None and LX.resolve(e.text) is None:
                assert LX.family_of(LX.expand(e.text)) is f, (f.head, e.text)


def test_references_resolve_and_successors_are_named_back():
    names = {b.name for b in LX.bodies}
    for b in LX.bodies:
        for n in b.predecessors + b.successors + ((b.parent,) if b.parent else ()):
            assert re.sub(r"\s*\(part.*\)$", "", n) in names, (b.name, n)
        if b.status == "historical":
            assert b.successors or b.valid_to or b.note, b.name


def test_codes_agree_with_the_issuer_patterns():
    issuers = json.loads((DATA.parent / "patterns" / "issuers.json").read_text(encoding="utf-8"))["national"]
    for code, name in issuers.items():
        b = LX.lookup(code) if re.fullmatch(r"[A-ZĐ][A-ZĐa-z]*", code) else None
        if b is not None and code in b.codes:
            assert L.fold_name(name) in {L.fold_name(n) for n in b.names}, (code, name, b.name)


# ------------------------------------------------------------------------------------------------
# English
# ------------------------------------------------------------------------------------------------
WITH_EN = [b for b in LX.bodies if b.en]


@pytest.mark.parametrize("body", WITH_EN, ids=[b.name for b in WITH_EN])
def test_english_round_trip(body):
    assert LX.english(body.name) == body.en
    assert LX.from_english(body.en) == [body], body.en
    for alias in body.en_aliases:
        assert LX.from_english(alias) == [body], alias
    for acr in body.en_abbr:
        assert LX.from_english(f"What does {acr} do?") == [body], acr


@pytest.mark.parametrize("question, name", [
    ("Which tasks does the Women's Union lead?", "Hội Liên hiệp Phụ nữ tỉnh"),
    ("What must the Farmers' Association do?", "Hội Nông dân tỉnh"),
    ("Which tasks involve the Youth Union?", "Tỉnh đoàn"),
    ("What does the Cooperative Alliance support?", "Liên minh Hợp tác xã tỉnh"),
    ("What must the Economic Zone Management Board do?", "Ban Quản lý Khu kinh tế tỉnh"),
])
def test_a_provincial_body_answers_to_its_english_name_without_provincial(question, name):
    """Officers drop "Provincial" ("the Women's Union"): a province's department or front organisation
    answers to its English name without it, where no other body has that short name."""
    assert [b.name for b in LX.from_english(question)] == [name]


def _with_place(b: L.Body) -> tuple[str, str]:
    """A printed name of ``b`` with a place, and the place as the English template receives it."""
    n = b.name
    if n.endswith(" cấp xã"):
        return n[: -len("cấp xã")] + "xã Thạch Kim", "Thạch Kim Commune"
    if n.endswith(" cấp huyện"):
        return n[: -len("cấp huyện")] + "huyện Can Lộc", "Can Lộc District"
    if n.endswith(" tỉnh"):
        return n + " Bắc Ninh", "Bắc Ninh Province"
    if n.endswith(" khu vực"):
        return n + " III", "III"
    if n in ("Thành ủy",):
        return "Thành ủy thành phố Hà Nội", "Hà Nội City"
    if n in ("Tỉnh ủy", "Huyện ủy", "Tỉnh đoàn"):
        return n + " " + ("Nghệ An" if n != "Huyện ủy" else "Can Lộc"), None
    return n + " tỉnh Bắc Ninh", "Bắc Ninh Province"


WITH_PLACE = [b for b in LX.bodies if b.en_place]


@pytest.mark.parametrize("body", WITH_PLACE, ids=[b.name for b in WITH_PLACE])
def test_english_with_a_place_round_trip(body):
    printed, place = _with_place(body)
    m = LX.resolve(printed)
    assert m is not None and m.body is body, (printed, m)
    if place is None:
        return
    en = LX.english(printed)
    assert en == body.en_place.format(place=place), printed
    assert LX.from_english(en) == [body], en


def test_from_english_reads_questions():
    q = LX.from_english
    assert [b.name for b in q("Which tasks does the Ministry of Finance support?")] == ["Bộ Tài chính"]
    assert [b.name for b in q("tasks of MOF, MOHA and the finance ministry")] == ["Bộ Tài chính", "Bộ Nội vụ"]
    assert [b.name for b in q("What must the Department of Home Affairs and the provincial police do?")] == ["Sở Nội vụ", "Công an tỉnh"]
    assert [b.name for b in q("People's Committees of communes and wards")] == ["Ủy ban nhân dân các xã, phường, đặc khu"]
    assert [b.name for b in q("the People's Committee of Bắc Ninh Province")] == ["Ủy ban nhân dân tỉnh"]
    assert [b.name for b in q("Office of the People's Committee of Bắc Ninh Province")] == ["Văn phòng Ủy ban nhân dân tỉnh"]
    assert [b.name for b in q("Ministry of Defence and Ministry of Public Security")] == ["Bộ Quốc phòng", "Bộ Công an"]
    assert q("most of the tasks") == [] and q("") == []


def test_english_is_none_where_it_cannot_be_said_safely():
    assert LX.english("Trung tâm Chuyển đổi số") is None
    assert LX.english("Cục Kiểm soát thủ tục hành chính") is None          # no verified English
    assert LX.english("Bộ Tài chính tỉnh Bắc Ninh") is None                 # a ministry takes no place
    assert LX.english("Các cơ quan, tổ chức, đơn vị có liên quan") == "relevant agencies, organisations and units"


# ------------------------------------------------------------------------------------------------
# Consistency, speed, doctests
# ------------------------------------------------------------------------------------------------
def test_no_printed_form_or_english_name_means_two_bodies():
    # load() refuses such data; check the refusal itself on a small conflicting set
    b = _raw("bodies")["bodies"]
    a = _raw("abbreviations")["abbreviations"]
    f = _raw("families")
    clash = dict(b[0], name="Bộ Thử", variants=[b[0]["name"]], codes=[], en="Ministry of Tests", en_aliases=[], en_abbr=[])
    with pytest.raises(L.LexiconError) as e:
        L.Lexicon.from_data(b + [clash], a, f["families"], f["collective_words"])
    assert "means both" in str(e.value)
    # and on the real data: every folded name and English name is one body's
    keys: dict[str, str] = {}
    for body in LX.bodies:
        for n in body.names:
            k = L.fold_name(n)
            assert keys.setdefault(k, body.name) == body.name, (n, keys[k], body.name)
        for n in body.english_names:
            k = "en:" + L.fold_english(n)
            assert keys.setdefault(k, body.name) == body.name, (n, keys[k], body.name)


def test_lookups_are_fast():
    names = [b.name + " tỉnh Số " + str(i) for i, b in enumerate(LX.bodies * 30)]
    t = time.perf_counter()
    for n in names:
        LX.resolve(n)
    per_call = (time.perf_counter() - t) / len(names)
    assert per_call < 0.002, per_call


def test_doctests():
    result = doctest.testmod(L, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 10 and result.failed == 0


def test_mining_script_coverage(SHARED):
    import subprocess
    import sys
    root = Path(__file__).resolve().parent.parent
    p = subprocess.run([sys.executable, str(root / "bench" / "mine_bodies.py"), "--json", "--top", "5", "--uncovered", "5"],
                       capture_output=True, text=True, cwd=root, timeout=300)
    assert p.returncode == 0, p.stderr
    summary = json.loads(p.stdout)["summary"]
    assert summary["mentions"] > 3000 and summary["coverage"] >= 0.85, summary
