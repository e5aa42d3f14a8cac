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
]


@pytest.mark.parametrize("name,kw,symbol", SELECTION, ids=[f"{n[:30]}|{kw}" for n, kw, _ in SELECTION])
def test_version_selection(cat, name, kw, symbol):
    got = cat.resolve(name, **kw)
    assert got is not None and got.symbol == symbol, f"{name!r} {kw} -> {got and got.symbol}"


NONE_CASES = [
    ("Luật Cán bộ, công chức", {"year": 2010}),  # no version passed in 2010
    ("Luật Tổ chức chính quyền địa phương", {"on": "2010-01-01"}),  # before the first version
    ("Luật Tổ chức chính quyền địa phương năm 1999", {}),
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
@pytest.mark.skipif(not (SHARED / "corpus" / "bulk" / "txt").is_dir(),
                    reason="../shared/corpus/bulk/txt is absent: cannot re-derive the catalogue")
def test_catalogue_is_reproducible_from_the_gazette():
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location("build_catalogue", ROOT / "bench" / "build_catalogue.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses look their module up
    spec.loader.exec_module(mod)
    assert mod.dumps(mod.build()) == DEFAULT_PATH.read_text(encoding="utf-8"), (
        "data/laws.json differs from a rebuild: run .venv/bin/python bench/build_catalogue.py")
