"""Named-law catalogue: resolve a law cited by name only to the symbol of the version meant.

Plans cite laws by name ("Luật Thực hiện dân chủ ở cơ sở", "Bộ luật Lao động năm 2019",
"Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025").  ``data/laws.json`` holds
one entry per law *version*; :meth:`Catalogue.resolve` picks the version:

* a date written with the name ("ngày 16 tháng 6 năm 2025") -> the version passed that day,
  else the version passed that year;
* a year written with the name ("năm 2019", or ``year=``) -> the version passed that year;
* ``on=`` (the citing document's ISO date) -> the latest version passed on or before it;
* nothing -> the latest version.

Names are compared by :func:`fold_key`, which folds case, spacing, punctuation, Đ
look-alikes and the two tone-placement styles, and keeps every other diacritic.  There is
no fuzzy matching: an unknown name gives ``None``.

    >>> cat = load()
    >>> cat.resolve("Luật thực hiện dân chủ ở cơ sở").symbol
    '10/2022/QH15'
    >>> cat.resolve("Luật Cán bộ, công chức", on="2019-05-01").symbol
    '22/2008/QH12'
    >>> cat.resolve("Luật Cán bộ, công chức", on="2026-01-15").symbol
    '80/2025/QH15'
    >>> cat.resolve("Luật Tổ chức chính quyền địa phương năm 2015").symbol
    '77/2015/QH13'
    >>> cat.resolve("Luật Không Có Thật") is None
    True
"""
from __future__ import annotations

import functools
import json
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Iterator

from .errors import PatternError

__all__ = ["load", "Catalogue", "Entry", "fold_key", "draft_mention", "DEFAULT_PATH", "SCHEMA_PATH"]

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
DEFAULT_PATH = DATA_DIR / "laws.json"
SCHEMA_PATH = DATA_DIR / "laws.schema.json"

# --------------------------------------------------------------------------------------
# Keys
# --------------------------------------------------------------------------------------
_D_LOOKALIKES = str.maketrans({"Ð": "Đ", "ð": "đ", "Ɖ": "Đ", "ɖ": "đ"})
# Tone on the second vowel of an open oa/oe/uy syllable ("hoà", "khoẻ", "thuỷ", "uỷ") ->
# on the first ("hòa", "khỏe", "thủy", "ủy").  Closed syllables ("hoàng", "thuyền") are
# written alike in both styles and are left alone; "qu" is a consonant, so "quý" stays.
_TONES = "àáảãạ", "èéẻẽẹ", "ỳýỷỹỵ"
_TONE_MAP: dict[str, str] = {}
for _first, _marked_second, _second in (("o", _TONES[0], "a"), ("o", _TONES[1], "e"), ("u", _TONES[2], "y")):
    _marked_first = "òóỏõọ" if _first == "o" else "ùúủũụ"
    for _i, _ch in enumerate(_marked_second):
        _TONE_MAP[_first + _ch] = _marked_first[_i] + _second
_TONE_RX = re.compile(r"(?<![q])(?:" + "|".join(_TONE_MAP) + r")(?![^\W\d_])")
_PUNCT_RX = re.compile(r"[\W_]+")


def fold_key(s: str) -> str:
    """The lookup key of a name: NFC, Đ look-alikes mapped, lower case, one tone style,
    punctuation and runs of spaces collapsed to one space.  Other diacritics are kept
    (ASCII folding would conflate different words).

    >>> fold_key("Luật  Cán bộ, công chức")
    'luật cán bộ công chức'
    >>> fold_key("Ủy ban") == fold_key("Uỷ ban") == fold_key("UỶ BAN")
    True
    >>> fold_key("hoà giải") == fold_key("hòa giải"), fold_key("Thuỷ sản") == fold_key("Thủy sản")
    (True, True)
    >>> fold_key("Ðất đai") == fold_key("Đất đai"), fold_key("Đất") == fold_key("Dat")
    (True, False)
    """
    s = unicodedata.normalize("NFC", s).translate(_D_LOOKALIKES).lower()
    s = _TONE_RX.sub(lambda m: _TONE_MAP[m.group(0)], s)
    return _PUNCT_RX.sub(" ", s).strip()


# A year or date written after the name, on a folded key: "... năm 2019",
# "... ngày 16 tháng 6 năm 2025", "... ngày 16 6 2025" (from 16/6/2025), "... 2017".
_TRAILING_DATE_RX = re.compile(
    r"^(?P<base>.+?)\s+(?:"
    r"ngày (?P<d>\d{1,2}) (?:tháng )?(?P<m>\d{1,2}) (?:năm )?(?P<y>\d{4})"
    r"|(?:năm )?(?P<year>\d{4})"
    r")$")


def _split_date(key: str) -> tuple[str, int | None, str | None]:
    """Split a folded key into (base name, year, ISO date) when a year/date trails it."""
    m = _TRAILING_DATE_RX.match(key)
    if not m:
        return key, None, None
    if m.group("year"):
        return m.group("base"), int(m.group("year")), None
    y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
    try:
        iso = date(y, mo, d).isoformat()
    except ValueError:
        iso = None
    return m.group("base"), y, iso


# --------------------------------------------------------------------------------------
# Drafts and amendments
# --------------------------------------------------------------------------------------
# "dự án Luật X", "dự thảo Luật X", "dự luật X", "đề nghị xây dựng Luật X": a bill, not the law.
_DRAFT_BEFORE_RX = re.compile(r"(?:dự\s+án|dự\s+thảo|dự\s+luật|(?:hồ\s+sơ\s+)?đề\s+nghị\s+xây\s+dựng)\s+$", re.I)
# "Luật X (sửa đổi)", "Luật X (sửa đổi, bổ sung)", "Luật X sửa đổi": the bill (or the amending law)
# that revises X, never X itself.  "Luật X sửa đổi, bổ sung bởi/theo/tại ..." (X as amended) is X.
_DRAFT_AFTER_RX = re.compile(
    r"\s*\(\s*sửa\s+đổi(?:\s*,?\s*bổ\s+sung)?\s*\)"
    r"|[ \t]+sửa\s+đổi(?:\s*,?\s*bổ\s+sung)?(?!\s*,?\s*(?:bổ\s+sung\s+)?(?:bởi|theo|tại|một\s+số)\b)(?![^\W\d_])",
    re.I)


def draft_mention(text: str, start: int, end: int) -> int | None:
    """When the law named at ``text[start:end]`` is a draft or a revision of that law rather
    than the law in force, the end of the mention including its "(sửa đổi)" mark; else None.

    "Luật X (sửa đổi)", "Luật X sửa đổi", "dự án Luật X", "dự thảo Luật X" name a bill (or
    the law that will amend X): resolving them to X's current version would be wrong.

    >>> t = "về dự án Luật Viên chức (sửa đổi);"
    >>> t[9:draft_mention(t, 9, 23)]
    'Luật Viên chức (sửa đổi)'
    >>> t = "Xây dựng Luật Bảo hiểm y tế sửa đổi."
    >>> t[9:draft_mention(t, 9, 27)]
    'Luật Bảo hiểm y tế sửa đổi'
    >>> draft_mention("dự thảo Luật Dữ liệu", 8, 20)
    20
    >>> draft_mention("theo Luật Viên chức năm 2010", 5, 19) is None
    True
    >>> draft_mention("Luật Đất đai sửa đổi, bổ sung bởi Luật số 43/2024/QH15", 0, 12) is None
    True
    """
    after = _DRAFT_AFTER_RX.match(text, end)
    if after:
        return after.end()
    if _DRAFT_BEFORE_RX.search(text[max(0, start - 40):start]):
        return end
    return None


# --------------------------------------------------------------------------------------
# Entries
# --------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Entry:
    """One version of a law: its name, canonical symbol, dates and provenance."""

    name: str
    kind: str  # Luật | Bộ luật | Hiến pháp | Pháp lệnh
    symbol: str  # 10/2022/QH15; HP-<year> for a constitution
    passed: str | None  # ISO date
    in_force: str | None  # ISO date
    replaced_by: str | None = None
    amends: str | None = None
    aliases: tuple[str, ...] = ()
    examples: tuple[str, ...] = ()
    sources: tuple[tuple[str, str], ...] = ()  # (kind, ref)

    @property
    def year(self) -> int:
        """The year the version was passed (from the date, else from the symbol)."""
        if self.passed:
            return int(self.passed[:4])
        return int(re.search(r"\d{4}", self.symbol).group(0))

    @property
    def order_date(self) -> str:
        """The date used to order versions; an unknown passage date counts as 31 December."""
        return self.passed or f"{self.year:04d}-12-31"

    @classmethod
    def from_json(cls, d: dict) -> "Entry":
        return cls(
            name=d["name"], kind=d["kind"], symbol=d["symbol"], passed=d.get("passed"),
            in_force=d.get("in_force"), replaced_by=d.get("replaced_by"), amends=d.get("amends"),
            aliases=tuple(d.get("aliases", ())), examples=tuple(d.get("examples", ())),
            sources=tuple((s["kind"], s["ref"]) for s in d.get("sources", ())),
        )


class Catalogue:
    """The law versions, indexed by folded name (and alias) and by symbol.

    >>> cat = Catalogue([
    ...     Entry("Luật Cán bộ, công chức", "Luật", "22/2008/QH12", "2008-11-13", None),
    ...     Entry("Luật Cán bộ, công chức", "Luật", "80/2025/QH15", "2025-06-24", "2025-07-01"),
    ... ])
    >>> cat.resolve("LUẬT CÁN BỘ, CÔNG CHỨC").symbol
    '80/2025/QH15'
    >>> cat.resolve("Luật Cán bộ, công chức", on="2024-12-31").symbol
    '22/2008/QH12'
    >>> cat.resolve("Luật Cán bộ, công chức ngày 13 tháng 11 năm 2008").symbol
    '22/2008/QH12'
    >>> cat.resolve("Luật Cán bộ, công chức", year=2010) is None
    True
    """

    def __init__(self, entries: list[Entry] | tuple[Entry, ...]):
        self._entries = tuple(sorted(entries, key=lambda e: (fold_key(e.name), e.order_date, e.symbol)))
        self._by_symbol = {e.symbol: e for e in self._entries}
        by_key: dict[str, list[Entry]] = {}
        for e in self._entries:
            for n in (e.name, *e.aliases):
                lst = by_key.setdefault(fold_key(n), [])
                if e not in lst:
                    lst.append(e)
        self._by_key = {k: tuple(sorted(v, key=lambda e: (e.order_date, e.symbol))) for k, v in by_key.items()}

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self._entries)

    def __contains__(self, symbol: object) -> bool:
        return symbol in self._by_symbol

    def get(self, symbol: str) -> Entry | None:
        """The entry with this canonical symbol, or None."""
        return self._by_symbol.get(symbol)

    def names(self) -> list[str]:
        """All names and aliases as written in the catalogue (sorted, unique), for a matcher."""
        return sorted({n for e in self._entries for n in (e.name, *e.aliases)})

    def versions(self, name: str) -> tuple[Entry, ...]:
        """Every version known under this name or alias, oldest first (empty when unknown)."""
        return self._by_key.get(fold_key(name), ())

    def resolve(self, name: str, *, year: int | None = None, on: str | None = None) -> Entry | None:
        """The version of the law called ``name`` that the citation means, or None.

        name (str): the name as written; a trailing "năm 2019" or "ngày 16 tháng 6 năm 2025"
            is read as the year/date written with it.
        year (int | None): a year written with the name; selects the version passed that
            year (None when no version was passed that year).
        on (str | None): the citing document's ISO date; selects the latest version passed
            on or before it (None when all versions are later).
        RETURNS (Entry | None): None for an unknown name; never a different law.

        A year or date written with the name wins over ``on``.
        """
        key = fold_key(name)
        versions = self._by_key.get(key)
        exact_date = None
        if versions is None:
            base, written_year, exact_date = _split_date(key)
            versions = self._by_key.get(base) if written_year is not None else None
            if versions is None:
                return None
            if year is None:
                year = written_year
            elif year != written_year:
                exact_date = None
        if exact_date:
            hit = [e for e in versions if e.passed == exact_date]
            if hit:
                return hit[-1]
        if year is not None:
            hit = [e for e in versions if e.year == year]
            return hit[-1] if hit else None
        if on is not None:
            on_iso = _iso(on)
            hit = [e for e in versions if e.order_date <= on_iso]
            return hit[-1] if hit else None
        return versions[-1]


def _iso(on: str) -> str:
    try:
        return date.fromisoformat(on).isoformat()
    except (TypeError, ValueError):
        raise ValueError(f"on must be an ISO date such as '2025-07-01', got {on!r}") from None


# --------------------------------------------------------------------------------------
# Loading and validation
# --------------------------------------------------------------------------------------
def check(data: object, schema: dict | None = None, use_schema: bool = True) -> tuple[list[str], Catalogue | None]:
    """Every problem of a catalogue document (schema first, then cross-entry checks).

    ``use_schema=False`` skips the JSON Schema pass (about a second): the shipped file is checked
    against the schema by the tests, so loading it at run time only repeats the cheap checks.
    """
    problems: list[str] = []
    if use_schema:
        import jsonschema

        schema = schema if schema is not None else json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
        validator = jsonschema.Draft202012Validator(schema)
        problems = [f"{'/'.join(map(str, e.absolute_path)) or '(top)'}: {e.message}"
                    for e in sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))]
        if problems:
            return problems, None

    laws = data["laws"]
    symbols = [d["symbol"] for d in laws]
    seen: set[str] = set()
    for i, d in enumerate(laws):
        where = f"laws/{i} ({d['symbol']})"
        if d["symbol"] in seen:
            problems.append(f"{where}: duplicate symbol")
        seen.add(d["symbol"])
        if not d["name"].startswith(d["kind"]):
            problems.append(f"{where}: name {d['name']!r} does not start with its kind {d['kind']!r}")
        for f in ("replaced_by", "amends"):
            if d[f] and d[f] not in symbols:
                problems.append(f"{where}: {f} {d[f]} is not a symbol in the catalogue")
            if d[f] == d["symbol"]:
                problems.append(f"{where}: {f} points to itself")
        m = re.search(r"\d{4}", d["symbol"])
        if d["passed"] and m and d["passed"][:4] != m.group(0):
            problems.append(f"{where}: passed {d['passed']} is not in the symbol's year {m.group(0)}")
        for f in ("passed", "in_force"):
            if d[f]:
                try:
                    date.fromisoformat(d[f])
                except ValueError:
                    problems.append(f"{where}: {f} {d[f]} is not a real date")
        if d["passed"] and d["in_force"] and d["in_force"] < d["passed"]:
            problems.append(f"{where}: in_force {d['in_force']} is before passed {d['passed']}")
    if problems:
        return problems, None

    cat = Catalogue([Entry.from_json(d) for d in laws])
    # a name or alias must not name two different laws (different names)
    owner: dict[str, str] = {}
    for e in cat:
        for n in (e.name, *e.aliases):
            k = fold_key(n)
            if owner.setdefault(k, fold_key(e.name)) != fold_key(e.name):
                problems.append(f"{e.symbol}: {n!r} also names a different law ({owner[k]!r})")
    for e in cat:
        for ex in e.examples:
            got = cat.resolve(ex)
            if got is None or got.symbol != e.symbol:
                problems.append(f"{e.symbol}: example {ex!r} resolves to {got.symbol if got else None}")
    return problems, (None if problems else cat)


@functools.lru_cache(maxsize=8)
def _load(path: str) -> Catalogue:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise PatternError(path, f"cannot read the catalogue: {exc}") from exc
    try:
        problems, cat = check(data, use_schema=Path(path) != DEFAULT_PATH.resolve())
    except (KeyError, TypeError, AttributeError) as exc:  # malformed beyond what the cheap checks expect
        problems, cat = [f"malformed catalogue: {exc!r}"], None
    if problems:
        err = PatternError(path, f"{len(problems)} problem(s):\n  " + "\n  ".join(problems))
        err.problems = problems
        raise err
    return cat


def load(path: str | Path | None = None) -> Catalogue:
    """The catalogue at ``path`` (default ``data/laws.json``), validated and cached.

    Raises PatternError listing every problem found (schema and cross-entry checks).
    """
    return _load(str(Path(path or DEFAULT_PATH).resolve()))
