"""The named-law catalogue: its data (schema, examples both ways) and its lookup API."""
from __future__ import annotations

import copy
import doctest
import json
import time
import unicodedata
from pathlib import Path

import jsonschema
import pytest

import ingest.catalogue as catalogue_module
from ingest.catalogue import DEFAULT_PATH, SCHEMA_PATH, Catalogue, Entry, fold_key, load
from ingest.errors import PatternError

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DATA = json.loads(DEFAULT_PATH.read_text(encoding="utf-8"))
ENTRIES = DATA["laws"]


@pytest.fixture(scope="module")
def cat() -> Catalogue:
    return load()


# ------------------------------------------------------------------------------------------
# The data
# ------------------------------------------------------------------------------------------
def test_data_validates_against_schema():
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(DATA)


def test_data_is_canonically_formatted():
    text = DEFAULT_PATH.read_text(encoding="utf-8")
    assert text == json.dumps(DATA, ensure_ascii=False, indent=2) + "\n", (
        "data/laws.json is not canonically formatted: regenerate it with bench/build_catalogue.py")


def test_catalogue_size_and_provenance():
    assert len(ENTRIES) >= 100
    gazette = [e for e in ENTRIES if any(s["kind"] == "gazette" for s in e["sources"])]
    assert len(gazette) >= 100
    assert len({e["symbol"] for e in ENTRIES}) == len(ENTRIES)


@pytest.mark.parametrize("entry", ENTRIES, ids=[e["symbol"] for e in ENTRIES])
def test_every_entry_has_an_example(entry):
    assert entry["examples"], f"{entry['symbol']} has no example"


EXAMPLES = [(e["symbol"], ex) for e in ENTRIES for ex in e["examples"]]


@pytest.mark.parametrize("symbol,example", EXAMPLES, ids=[f"{s}:{x[:40]}" for s, x in EXAMPLES])
def test_every_example_resolves_to_its_entry(cat, symbol, example):
    got = cat.resolve(example)
    assert got is not None and got.symbol == symbol, f"{example!r} -> {got and got.symbol}, want {symbol}"


def test_names_cover_names_and_aliases(cat):
    names = cat.names()
    assert names == sorted(set(names))
    for e in ENTRIES:
        assert e["name"] in names
        assert set(e.get("aliases", [])) <= set(names)


def test_references_point_into_the_catalogue(cat):
    for e in cat:
        for ref in (e.replaced_by, e.amends):
            assert ref is None or ref in cat


# ------------------------------------------------------------------------------------------
# Version selection
# ------------------------------------------------------------------------------------------
SELECTION = [
    # the 2008 law is the one in force for a 2019 plan, the 2025 law after 1/7/2025
    ("Luật Cán bộ, công chức", {"on": "2019-05-01"}, "22/2008/QH12"),
    ("Luật Cán bộ, công chức", {"on": "2025-06-24"}, "80/2025/QH15"),
    ("Luật Cán bộ, công chức", {}, "80/2025/QH15"),
    ("Luật Cán bộ, công chức", {"year": 2008}, "22/2008/QH12"),
    ("Luật Cán bộ, công chức năm 2008", {}, "22/2008/QH12"),
    ("Luật Cán bộ, công chức ngày 13 tháng 11 năm 2008", {}, "22/2008/QH12"),
    # local government: 2015 law, February 2025 law, June 2025 law
    ("Luật Tổ chức chính quyền địa phương", {"on": "2018-10-09"}, "77/2015/QH13"),
    ("Luật Tổ chức chính quyền địa phương", {"on": "2025-04-01"}, "65/2025/QH15"),
    ("Luật Tổ chức chính quyền địa phương", {"on": "2025-12-11"}, "72/2025/QH15"),
    ("Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025", {}, "72/2025/QH15"),
    ("Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025", {}, "65/2025/QH15"),
    ("Luật Tổ chức chính quyền địa phương ngày 16/6/2025", {}, "72/2025/QH15"),
    ("Luật Tổ chức chính quyền địa phương năm 2015", {}, "77/2015/QH13"),
    # a year written with the name wins over the citing document's date
    ("Luật Tổ chức chính quyền địa phương năm 2015", {"on": "2026-01-01"}, "77/2015/QH13"),
    ("Bộ luật Lao động năm 2019", {}, "45/2019/QH14"),
    ("Bộ luật Lao động", {"on": "2016-01-01"}, "10/2012/QH13"),
    ("Luật Thực hiện dân chủ ở cơ sở", {"on": "2026-03-01"}, "10/2022/QH15"),
    ("Hiến pháp năm 2013", {}, "HP-2013"),
    ("Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam", {"on": "2020-01-01"}, "HP-2013"),
    ("Hiến pháp", {"on": "2005-01-01"}, "HP-1992"),
    # two amending laws share a name: the date selects
    ("Luật sửa đổi, bổ sung một số điều của Luật Ban hành văn bản quy phạm pháp luật",
     {"on": "2021-06-01"}, "63/2020/QH14"),
    ("Luật sửa đổi, bổ sung một số điều của Luật Ban hành văn bản quy phạm pháp luật", {}, "87/2025/QH15"),
    # 2025 laws mined from the 2025 documents: the citing document's date picks the version
    ("Luật Tổ chức Chính phủ", {"on": "2025-01-10"}, "76/2015/QH13"),
    ("Luật Tổ chức Chính phủ", {"on": "2025-11-24"}, "63/2025/QH15"),
    ("Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025", {}, "63/2025/QH15"),
    ("Luật Ban hành văn bản quy phạm pháp luật", {"on": "2025-03-01"}, "64/2025/QH15"),
    ("Luật Ban hành văn bản quy phạm pháp luật", {"on": "2024-12-31"}, "80/2015/QH13"),
    ("Luật sửa đổi, bổ sung một số điều của Luật Ban hành văn bản quy phạm pháp luật",
     {"on": "2025-11-25"}, "87/2025/QH15"),  # passed 25/6/2025 (a 2025 căn cứ line)
    ("Luật sửa đổi, bổ sung một số điều Luật Ban hành văn bản quy phạm pháp luật",  # without "của"
     {"on": "2025-11-25"}, "87/2025/QH15"),
    ("Luật Ngân sách nhà nước", {"on": "2025-05-01"}, "83/2015/QH13"),
    ("Luật Ngân sách nhà nước", {"on": "2025-07-01"}, "89/2025/QH15"),
    ("Luật Di sản văn hóa", {"on": "2020-01-01"}, "28/2001/QH10"),  # 32/2009/QH12 amends it, is not it
    ("Luật Di sản văn hóa", {"on": "2025-12-01"}, "45/2024/QH15"),
    ("Luật Phòng, chống ma túy", {"on": "2025-11-17"}, "73/2021/QH14"),
    ("Luật Dữ liệu", {"on": "2025-12-01"}, "60/2024/QH15"),
    ("Luật Đường sắt", {"on": "2024-01-01"}, "06/2017/QH14"),
    ("Luật Đường sắt", {"on": "2025-12-01"}, "95/2025/QH15"),
]


@pytest.mark.parametrize("name,kw,symbol", SELECTION, ids=[f"{n[:30]}|{kw}" for n, kw, _ in SELECTION])
def test_version_selection(cat, name, kw, symbol):
    got = cat.resolve(name, **kw)
    assert got is not None and got.symbol == symbol, f"{name!r} {kw} -> {got and got.symbol}"


NONE_CASES = [
    ("Luật Cán bộ, công chức", {"year": 2010}),  # no version passed in 2010
    ("Luật Tổ chức chính quyền địa phương", {"on": "2010-01-01"}),  # before the first version
    ("Luật Tổ chức chính quyền địa phương năm 1999", {}),
    ("Luật Phòng, chống ma túy", {"on": "2020-06-01"}),  # the 2021 law is the only version known
]


@pytest.mark.parametrize("name,kw", NONE_CASES)
def test_no_version_gives_none(cat, name, kw):
    assert cat.resolve(name, **kw) is None


def test_bad_on_date_is_a_value_error(cat):
    with pytest.raises(ValueError, match="ISO date"):
        cat.resolve("Luật Cán bộ, công chức", on="13/11/2008")


# ------------------------------------------------------------------------------------------
# Name matching
# ------------------------------------------------------------------------------------------
VARIANTS = [
    ("Luật Thuỷ sản", "Luật Thủy sản"),
    ("LUẬT THỰC HIỆN DÂN CHỦ Ở CƠ SỞ", "Luật Thực hiện dân chủ ở cơ sở"),
    ("  Luật   Thực hiện dân chủ ở cơ sở ", "Luật Thực hiện dân chủ ở cơ sở"),
    (unicodedata.normalize("NFD", "Luật Tổ chức chính quyền địa phương"), "Luật Tổ chức chính quyền địa phương"),
    ("Luật Ðất đai", "Luật Đất đai"),  # U+00D0 look-alike
    ("Luật Cán bộ công chức", "Luật Cán bộ, công chức"),  # punctuation collapsed
    ("Luật Tổ chức Chính quyền địa phương", "Luật Tổ chức chính quyền địa phương"),
]


@pytest.mark.parametrize("variant,name", VARIANTS)
def test_variants_resolve_like_the_name(cat, variant, name):
    assert cat.resolve(variant) is not None
    assert cat.resolve(variant) == cat.resolve(name)


@pytest.mark.parametrize("a,b", [("Uỷ ban", "Ủy ban"), ("hoà giải", "hòa giải"), ("thuỷ lợi", "thủy lợi"),
                                  ("khoẻ", "khỏe"), ("Hoà Bình", "HÒA BÌNH")])
def test_fold_key_folds_tone_placement(a, b):
    assert fold_key(a) == fold_key(b)


@pytest.mark.parametrize("a,b", [("Đề án", "Dự án"), ("Đất", "Dat"), ("quý", "qúy"),
                                  ("Luật Đầu tư", "Luật Dau tu")])
def test_fold_key_keeps_diacritics(a, b):
    assert fold_key(a) != fold_key(b)


UNKNOWN = [
    "Luật Không Có Thật",
    "Luật Cán bộ",  # a prefix is not the law
    "Luật Cán bộ, công chức và Luật Viên chức",
    "Luật Can bo, cong chuc",  # ASCII-folded text is not matched
    "",
    "pháp luật",
    # a bill or revision is not the law in force
    "Luật Viên chức (sửa đổi)",
    "Luật Bảo hiểm y tế sửa đổi",
    "dự án Luật Viên chức (sửa đổi)",
    "dự thảo Luật Dữ liệu",
]


@pytest.mark.parametrize("name", UNKNOWN)
def test_unknown_names_give_none(cat, name):
    assert cat.resolve(name) is None


def test_amending_law_is_not_the_amended_law(cat):
    amend = cat.resolve("Luật sửa đổi, bổ sung một số điều của Luật Cán bộ, công chức và Luật Viên chức")
    assert amend is not None and amend.symbol == "52/2019/QH14"
    bhyt = cat.resolve("Luật sửa đổi, bổ sung một số điều của Luật Bảo hiểm y tế", on="2025-01-01")
    assert bhyt.symbol == "51/2024/QH15" and bhyt.amends == "25/2008/QH12"
    assert cat.resolve("Luật Bảo hiểm y tế").symbol == "25/2008/QH12"


def test_amending_law_numbers_are_not_versions_of_the_amended_law(cat):
    # "Luật Di sản văn hóa số 28/2001/QH10 đã được sửa đổi, bổ sung một số điều theo Luật số 32/2009/QH12"
    assert [e.symbol for e in cat.versions("Luật Di sản văn hóa")] == ["28/2001/QH10", "45/2024/QH15"]
    amend = cat.get("32/2009/QH12")
    assert amend is not None and amend.name == "Luật sửa đổi, bổ sung một số điều của Luật Di sản văn hóa"
    assert amend.amends == "28/2001/QH10"
    assert cat.get("87/2025/QH15").amends == "64/2025/QH15"


def test_no_symbol_with_an_impossible_term():
    """A law numbered n/yyyy/QHk was passed by the k-th Quốc hội, which sat in yyyy."""
    terms = {10: (1997, 2002), 11: (2002, 2007), 12: (2007, 2011), 13: (2011, 2016), 14: (2016, 2021),
             15: (2021, 2026), 16: (2026, 2031)}
    for e in ENTRIES:
        if e["symbol"].startswith("HP-"):
            continue
        _n, y, term = e["symbol"].split("/")
        k = int(term.removeprefix("PL-UBTVQH").removeprefix("QH"))
        lo, hi = terms[k]
        assert lo <= int(y) <= hi, f"{e['symbol']}: the {k}th Quốc hội did not sit in {y}"


def test_entry_is_frozen(cat):
    e = cat.resolve("Luật Thực hiện dân chủ ở cơ sở")
    assert isinstance(e, Entry) and e.year == 2022
    with pytest.raises(AttributeError):
        e.symbol = "x"


def test_load_is_cached():
    assert load() is load(DEFAULT_PATH)


def test_lookups_are_fast(cat):
    names = cat.names()
    t = time.perf_counter()
    for _ in range(20):
        for n in names:
            cat.resolve(n, on="2024-01-01")
    assert time.perf_counter() - t < 2.0


def test_doctests():
    result = doctest.testmod(catalogue_module, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0


# ------------------------------------------------------------------------------------------
# Invalid data
# ------------------------------------------------------------------------------------------
def _good() -> dict:
    return {"laws": [
        {"name": "Luật Cán bộ, công chức", "kind": "Luật", "symbol": "22/2008/QH12", "passed": "2008-11-13",
         "in_force": None, "replaced_by": "80/2025/QH15", "amends": None,
         "sources": [{"kind": "research", "ref": "test"}], "examples": ["Luật Cán bộ, công chức năm 2008"]},
        {"name": "Luật Cán bộ, công chức", "kind": "Luật", "symbol": "80/2025/QH15", "passed": "2025-06-24",
         "in_force": "2025-07-01", "replaced_by": None, "amends": None,
         "sources": [{"kind": "research", "ref": "test"}], "examples": ["Luật Cán bộ, công chức"]},
    ]}


def _write(tmp_path: Path, data: dict) -> Path:
    p = tmp_path / "laws.json"
    p.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return p


def test_small_valid_file_loads(tmp_path):
    cat = load(_write(tmp_path, _good()))
    assert len(cat) == 2 and cat.resolve("Luật Cán bộ, công chức", on="2020-01-01").symbol == "22/2008/QH12"


def test_schema_problems_are_all_listed(tmp_path):
    data = _good()
    data["laws"][0]["symbol"] = "22/2008/NĐ-CP"  # not a law symbol
    data["laws"][0]["examples"] = []  # no example
    data["laws"][1]["kind"] = "Nghị định"  # not a kind of law
    data["laws"][1]["passed"] = "24/06/2025"  # not ISO
    del data["laws"][1]["sources"]
    with pytest.raises(PatternError) as info:
        load(_write(tmp_path, data))
    problems = info.value.problems
    assert len(problems) >= 5, problems
    text = str(info.value)
    for needle in ("laws/0/symbol", "laws/0/examples", "laws/1/kind", "laws/1/passed", "sources"):
        assert needle in text, (needle, text)


def test_cross_entry_problems_are_all_listed(tmp_path):
    data = _good()
    extra = copy.deepcopy(data["laws"][1])
    data["laws"].append(extra)  # duplicate symbol
    data["laws"][0]["replaced_by"] = "99/2099/QH99"  # dangling reference
    data["laws"][0]["passed"] = "2009-11-13"  # not the symbol's year
    data["laws"][1]["in_force"] = "2025-01-01"  # before passage
    with pytest.raises(PatternError) as info:
        load(_write(tmp_path, data))
    text = str(info.value)
    for needle in ("duplicate symbol", "99/2099/QH99", "not in the symbol's year", "before passed"):
        assert needle in text, (needle, text)


def test_example_resolving_elsewhere_is_a_problem(tmp_path):
    data = _good()
    data["laws"][0]["examples"] = ["Luật Cán bộ, công chức"]  # resolves to the 2025 version
    with pytest.raises(PatternError, match="example 'Luật Cán bộ, công chức' resolves to 80/2025/QH15"):
        load(_write(tmp_path, data))


def test_alias_naming_two_laws_is_a_problem(tmp_path):
    data = _good()
    data["laws"].append({"name": "Luật Viên chức", "aliases": ["Luật Cán bộ, công chức"], "kind": "Luật",
                         "symbol": "58/2010/QH12", "passed": "2010-11-15", "in_force": None, "replaced_by": None,
                         "amends": None, "sources": [{"kind": "research", "ref": "t"}],
                         "examples": ["Luật Viên chức"]})
    with pytest.raises(PatternError, match="also names a different law"):
        load(_write(tmp_path, data))


def test_unreadable_file_is_a_pattern_error(tmp_path):
    p = tmp_path / "laws.json"
    p.write_text("{not json", encoding="utf-8")
    with pytest.raises(PatternError, match="cannot read"):
        load(p)


# ------------------------------------------------------------------------------------------
# Reproducibility from the gazette corpus
# ------------------------------------------------------------------------------------------
@pytest.mark.shared
@pytest.mark.skipif(not (SHARED / "corpus" / "bulk" / "txt").is_dir() or not (SHARED / "corpus" / "bulk2025" / "txt").is_dir(),
                    reason="../shared/corpus/bulk{,2025}/txt is absent: cannot re-derive the catalogue")
def test_catalogue_is_reproducible_from_the_gazette():
    mod = _build_module()
    assert mod.dumps(mod.build()) == DEFAULT_PATH.read_text(encoding="utf-8"), (
        "data/laws.json differs from a rebuild: run .venv/bin/python bench/build_catalogue.py")


# ------------------------------------------------------------------------------------------
# Sources: every mined entry cites a file and a line that says what the entry says
# ------------------------------------------------------------------------------------------
def _build_module():
    import importlib.util
    import sys

    if "build_catalogue" in sys.modules:
        return sys.modules["build_catalogue"]
    spec = importlib.util.spec_from_file_location("build_catalogue", ROOT / "bench" / "build_catalogue.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses look their module up
    spec.loader.exec_module(mod)
    return mod


_REF_RX = __import__("re").compile(r'^(?P<where>[^ ]+)(?: \((?P<paren>[^()]*)\))?: "(?P<quote>.*)"$')


def _source_file(kind: str, where: str, paren: str) -> Path | None:
    """The ../shared file a mined source names: a gazette ref names its stem in brackets, a
    2025 document's ref its path."""
    if kind == "gazette":
        return SHARED / "corpus" / "bulk" / "txt" / f"{paren}.txt"
    if kind == "document":
        return SHARED / where
    return None


# the constitutions' sources are written by hand in the builder (CONSTITUTIONS), not mined
MINED = [(e["symbol"], i, s) for e in ENTRIES if not e["symbol"].startswith("HP-")
         for i, s in enumerate(e["sources"]) if s["kind"] in ("gazette", "document")]


def test_mined_sources_are_well_formed():
    assert len({sym for sym, _, s in MINED if s["kind"] == "document"}) >= 50
    for sym, i, src in MINED:
        ref = src["ref"]
        m = _REF_RX.match(ref)
        assert m, f"{sym} source {i}: {ref!r} names no file and quote"
        if src["kind"] == "document":
            assert m["where"].startswith("corpus/bulk2025/txt/") and m["where"].endswith(".txt"), ref


def test_mined_quotes_say_what_the_entry_says():
    """The quote names the law (its name or an alias; the head of it in a long quote cut in two) and
    gives its number, its passage date or (a law's own text) both."""
    import re

    by_symbol = {e["symbol"]: e for e in ENTRIES}
    for sym, i, src in MINED:
        m = _REF_RX.match(src["ref"])
        if not m:
            continue
        e, quote = by_symbol[sym], m["quote"]
        qk = fold_key(quote)
        names = [fold_key(n) for n in (e["name"], *e.get("aliases", []))]
        # "Luật số 46/2014/QH13 ngày ... sửa đổi, bổ sung một số điều của Luật Bảo hiểm y tế"
        names += [n.removeprefix("luật ") for n in names if n.startswith("luật sửa đổi")]
        cut = " ... " in quote  # a long line quoted by its head and tail
        assert any(n in qk or (cut and n[:40] in qk) for n in names), f"{sym}: {quote!r} does not name {e['name']!r}"
        dates = []
        if e["passed"]:
            y, mo, d = (int(x) for x in e["passed"].split("-"))
            dates = [rf"ngày 0?{d}(?: tháng |/)0?{mo}(?: năm |/){y}"]
        assert sym in quote or any(re.search(rx, quote) for rx in dates), f"{sym}: {quote!r} gives neither number nor date"


@pytest.mark.shared
@pytest.mark.skipif(not (SHARED / "corpus" / "bulk" / "txt").is_dir() or not (SHARED / "corpus" / "bulk2025" / "txt").is_dir(),
                    reason="../shared/corpus/bulk{,2025}/txt is absent: cannot check quotes against their files")
def test_mined_quotes_appear_in_their_files():
    """Each quote (each part of a '... '-joined own-text quote) is in the cited file, as the
    builder reads it (one NFC line, running headers dropped)."""
    mod = _build_module()
    texts: dict[Path, str] = {}
    missing = []
    for sym, i, src in MINED:
        m = _REF_RX.match(src["ref"])
        if not m:
            continue
        path = _source_file(src["kind"], m["where"], m["paren"])
        assert path is not None and path.is_file(), f"{sym} source {i}: {path} does not exist"
        if path not in texts:
            texts[path] = mod.clean(path.read_text(encoding="utf-8", errors="replace"))
        for part in m["quote"].split(" ... "):
            if part not in texts[path]:
                missing.append(f"{sym}: {part!r} not in {path.name}")
    assert not missing, "\n".join(missing[:20])


# ------------------------------------------------------------------------------------------
# The builder's consistency rules, on made-up evidence (no ../shared needed)
# ------------------------------------------------------------------------------------------
def _mined(mod, sym, *names):
    e = mod.Mined(sym)
    for j, n in enumerate(names):
        e.saw(n, f"f{j}", f"{n} số {sym}")
    return e


def test_builder_drops_a_term_that_did_not_sit_that_year():
    mod = _build_module()
    log = []
    out = mod.consolidate({"83/2015/QH14": _mined(mod, "83/2015/QH14", "Luật Ngân sách nhà nước"),
                           "83/2015/QH13": _mined(mod, "83/2015/QH13", "Luật Ngân sách nhà nước")}, {}, log.append)
    assert list(out) == ["83/2015/QH13"] and "term did not sit" in log[0]


def test_builder_merges_spellings_of_one_number():
    mod = _build_module()
    out = mod.consolidate({"2/2016/QH14": _mined(mod, "2/2016/QH14", "Luật Tín ngưỡng, tôn giáo"),
                           "02/2016/QH14": _mined(mod, "02/2016/QH14", *["Luật Tín ngưỡng, tôn giáo"] * 2)}, {}, lambda _: None)
    assert list(out) == ["02/2016/QH14"] and out["02/2016/QH14"].names["Luật Tín ngưỡng, tôn giáo"] == 3


def test_builder_ignores_a_law_named_after_the_law_it_amends():
    mod = _build_module()
    amended_by = {"32/2009/QH12": {fold_key("Luật Di sản văn hóa")}}
    out = mod.consolidate({"32/2009/QH12": _mined(mod, "32/2009/QH12", "Luật Di sản văn hóa", "Luật Di sản văn hóa")},
                          amended_by, lambda _: None)
    assert out == {}
    # ... and takes "Luật sửa đổi, bổ sung một số điều của Luật X số N" as N's own name when so confirmed
    numbered = {"32/2009/QH12": _mined(mod, "32/2009/QH12", "Luật sửa đổi, bổ sung một số điều của Luật Di sản văn hóa")}
    out = mod.consolidate({}, amended_by | {"*numbered": numbered}, lambda _: None)
    assert list(out["32/2009/QH12"].names) == ["Luật sửa đổi, bổ sung một số điều của Luật Di sản văn hóa"]
    # unconfirmed, it is not used (N may be X's own number)
    assert mod.consolidate({}, {"*numbered": numbered}, lambda _: None) == {}


@pytest.mark.parametrize("name,amend", [
    ("Luật sửa đổi, bổ sung một số điều của Luật Đất đai", True),
    ("Luật Sửa đổi, bổ sung một số điều của Luật Đất đai", True),
    ("Luật Bảo hiểm y tế sửa đổi", True),
    ("Luật Bảo hiểm y tế", False),
])
def test_builder_knows_amending_and_draft_names(name, amend):
    assert _build_module()._is_amend_name(name) is amend


def test_builder_canonical_amending_name():
    mod = _build_module()
    assert mod._amend_name("Sửa đổi bổ sung một số điều Luật Ban hành văn bản quy phạm pháp luật") == (
        "Luật sửa đổi, bổ sung một số điều của Luật Ban hành văn bản quy phạm pháp luật")
