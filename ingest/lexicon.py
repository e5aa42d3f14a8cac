"""Bilingual lexicon of Vietnamese public bodies: names, abbreviations, families and English forms.

The data is in ``data/lexicon/`` (``bodies.json``, ``abbreviations.json``, ``families.json``, each
with a JSON Schema); every entry carries its sources.  This module loads it once into frozen
dataclasses and answers five questions, each through indexes built at load (no scan per call):

* :func:`lookup` -- the :class:`Body` a printed name means (name, variant, abbreviation, code, a
  title in front, a place or a parent after it), or ``None``;
* :func:`expand` -- the name with its abbreviations written out, as the graph keys on it;
* :func:`english` -- the English name, composed with a place where the entry says how;
* :func:`from_english` -- the bodies an English question names (names, aliases, acronyms);
* :func:`recognise` -- how a name is known (``entry``, ``place``, ``collective``, ``parent``,
  ``family``) or ``None``: the measure used by ``bench/mine_bodies.py``.

Names are compared by :func:`fold_name` (case, spacing and punctuation, Ủy/Uỷ and the other
old/new tone placements, Đ look-alikes); there is no fuzzy matching.

    >>> lookup("Sở KH&CN").name
    'Sở Khoa học và Công nghệ'
    >>> lookup("UBND tỉnh Bắc Ninh").name
    'Ủy ban nhân dân tỉnh'
    >>> lookup("Giám đốc Sở Nội Vụ").name
    'Sở Nội vụ'
    >>> lookup("Luật Phòng, chống thiên tai") is None
    True
    >>> expand("Sở KH&CN"), expand("UBND tỉnh")
    ('Sở Khoa học và Công nghệ', 'Ủy ban nhân dân tỉnh')
    >>> expand("Chủ tịch UBND các xã, phường")
    'Chủ tịch Ủy ban nhân dân các xã, phường'
    >>> english("Ủy ban nhân dân tỉnh Bắc Ninh")
    "People's Committee of Bắc Ninh Province"
    >>> english("Sở Tài chính"), english("Công an tỉnh")
    ('Department of Finance', 'Provincial Police')
    >>> english("UBND các xã, phường, đặc khu")
    "People's Committees of communes, wards and special zones"
    >>> english("Trung tâm Chuyển đổi số") is None      # a family member: not translated
    True
    >>> [b.name for b in from_english("Which tasks does the Ministry of Finance support, and MOHA?")]
    ['Bộ Tài chính', 'Bộ Nội vụ']
    >>> [b.name for b in from_english("provincial police and the People's Committees of communes and wards")]
    ['Công an tỉnh', 'Ủy ban nhân dân các xã, phường, đặc khu']
    >>> recognise("Trung tâm PVHCC tỉnh"), recognise("Vụ Pháp chế - Bộ Tư pháp"), recognise("Hà Nội")
    ('entry', 'parent', None)
"""
from __future__ import annotations

import functools
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["Body", "Abbreviation", "Family", "Source", "Example", "Match", "Lexicon", "LexiconError", "load",
           "fold_name", "fold_english", "lookup", "resolve", "expand", "english", "from_english", "recognise",
           "family_of", "DATA_DIR"]

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "lexicon"


class LexiconError(ValueError):
    """The lexicon data is inconsistent (the message lists every problem)."""


# --------------------------------------------------------------------------------------------
# Keys
# --------------------------------------------------------------------------------------------
_D_LOOKALIKES = str.maketrans({"Ð": "Đ", "ð": "đ", "Ɖ": "Đ", "ɖ": "đ", "–": "-", "—": "-", "‐": "-", "‑": "-",
                               "’": "'", "‘": "'", "\u00a0": " "})
# Tone on the second vowel of an open oa/oe/uy syllable (hoà, khoẻ, uỷ) -> on the first (hòa, khỏe, ủy).
_TONE_MAP: dict[str, str] = {}
for _first, _marked_first, _second_marks, _second in (("o", "òóỏõọ", "àáảãạ", "a"), ("o", "òóỏõọ", "èéẻẽẹ", "e"),
                                                       ("u", "ùúủũụ", "ỳýỷỹỵ", "y")):
    for _i, _ch in enumerate(_second_marks):
        _TONE_MAP[_first + _ch] = _marked_first[_i] + _second
_TONE_RX = re.compile(r"(?<![q])(?:" + "|".join(_TONE_MAP) + r")(?![^\W\d_])")
_PUNCT_RX = re.compile(r"[\s,;.:\-/()\[\]\"“”'_*+]+")


def fold_name(s: str) -> str:
    """The lookup key of a Vietnamese name: NFC, Đ look-alikes, lower case, one tone style; punctuation
    (commas, hyphens, dots, brackets) and runs of spaces become one space; ``&`` loses its spaces.
    Diacritics stay (folding them away would conflate different words).

    >>> fold_name("Uỷ ban nhân dân  TỈNH") == fold_name("Ủy ban nhân dân tỉnh")
    True
    >>> fold_name("Bộ Lao động – Thương binh và Xã hội") == fold_name("Bộ Lao động-Thương binh và Xã hội")
    True
    >>> fold_name("Sở VH, TT & DL"), fold_name("Sở Văn hoá")
    ('sở vh tt&dl', 'sở văn hóa')
    >>> fold_name("Ðài") == fold_name("Đài"), fold_name("Đài") == fold_name("Dai")
    (True, False)
    """
    s = unicodedata.normalize("NFC", s).translate(_D_LOOKALIKES).lower()
    s = _TONE_RX.sub(lambda m: _TONE_MAP[m.group(0)], s)
    s = re.sub(r"\s*&\s*", "&", s)
    return _PUNCT_RX.sub(" ", s).strip()


def fold_english(s: str) -> str:
    """The key of an English name: lower case, apostrophes and punctuation dropped, one space, no
    leading article.

    >>> fold_english("The People’s Committee of  Bắc Ninh Province")
    'peoples committee of bắc ninh province'
    """
    s = unicodedata.normalize("NFC", s).translate(_D_LOOKALIKES).lower().replace("'", "")
    s = re.sub(r"[^\w&]+", " ", s).strip()
    return re.sub(r"^(?:the|all the)\s+", "", s)


# --------------------------------------------------------------------------------------------
# Data
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Source:
    """Where an entry comes from: ``ref`` is a path under ../shared (``research/…`` with ``section`` and
    ``mark`` V/C/C1/U, or ``corpus/…`` with a verbatim ``quote``)."""
    ref: str
    section: str | None = None
    mark: str | None = None
    quote: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Example:
    """A string printed verbatim in the cited ../shared file."""
    ref: str
    text: str


@dataclass(frozen=True)
class Body:
    """One body or body family (``level`` national/party/front/province/commune/collective)."""
    name: str
    level: str
    kind: str
    en: str | None = None
    en_source: str | None = None
    en_aliases: tuple[str, ...] = ()
    en_abbr: tuple[str, ...] = ()
    en_place: str | None = None
    abbr: tuple[str, ...] = ()
    codes: tuple[str, ...] = ()
    variants: tuple[str, ...] = ()
    parent: str | None = None
    predecessors: tuple[str, ...] = ()
    successors: tuple[str, ...] = ()
    status: str = "current"
    valid_from: str | None = None
    valid_to: str | None = None
    note: str | None = None
    sources: tuple[Source, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """The Vietnamese forms that mean this body (name first)."""
        return (self.name,) + self.variants + self.abbr

    @property
    def english_names(self) -> tuple[str, ...]:
        return ((self.en,) if self.en else ()) + self.en_aliases


@dataclass(frozen=True)
class Abbreviation:
    """``kind`` "name": the abbreviation is a whole name; "part": it abbreviates words inside a name."""
    abbr: str
    expansion: str
    kind: str
    forms: tuple[str, ...] = ()
    en: str | None = None
    note: str | None = None
    examples: tuple[Example, ...] = ()
    sources: tuple[Source, ...] = ()


@dataclass(frozen=True)
class Family:
    """A recurring family (``Trung tâm X``): members start with ``head`` then a capitalised word, an
    abbreviation or a level word; ``next_words`` restricts that word, ``excludes`` lists false friends."""
    head: str
    en_head: str
    level: str
    kind: str
    forms: tuple[str, ...] = ()
    bare: bool = False
    next_words: tuple[str, ...] = ()
    excludes: tuple[str, ...] = ()
    note: str | None = None
    examples: tuple[Example, ...] = ()


@dataclass(frozen=True)
class Match:
    """How a printed name resolved: the body, and the place or parent written with it."""
    body: Body
    how: str                       # entry | place | collective | scope | parent
    place: str | None = None       # "Bắc Ninh"
    place_kind: str | None = None  # "tỉnh", "thành phố", "xã" …
    parent: Body | None = None


# --------------------------------------------------------------------------------------------
# Grammar pieces
# --------------------------------------------------------------------------------------------
_PLACE_KINDS = {"tỉnh": "Province", "thành phố": "City", "tp": "City", "xã": "Commune", "phường": "Ward",
                "đặc khu": "Special Zone", "huyện": "District", "quận": "District", "thị xã": "Town",
                "thị trấn": "Township"}
_KIND_RX = r"(?:tỉnh|thành\s+phố|tp\.?|xã|phường|đặc\s+khu|huyện|quận|thị\s+xã|thị\s+trấn)"
# "Ủy ban nhân dân | tỉnh | Bắc Ninh"
_KIND_WORD_RX = re.compile(r"\s(?P<kind>" + _KIND_RX + r")(?=\s)", re.I)
_TITLE_RX = re.compile(
    r"^(?:(?:các|Các)\s+)?(?:(?:[Đđ]ồng chí|[Đđ]/c)\s+)?(?:Phó\s+)?(?:Chủ tịch|Giám đốc|Thủ trưởng|Bộ trưởng|Thứ trưởng|Chánh|"
    r"Trưởng ban|Trưởng Ban|Người đứng đầu|Lãnh đạo|Cục trưởng|Vụ trưởng|Chi cục trưởng|Tổng cục trưởng|Viện trưởng|"
    r"Hiệu trưởng|Thống đốc|Tư lệnh|Chỉ huy trưởng|Bí thư|Chủ nhiệm|Tổng Giám đốc|Trưởng)\s+(?=\S)")
# scope after a collective or a department family: "… tỉnh", "… thuộc tỉnh", "… các tỉnh, thành phố trực thuộc Trung ương"
_SCOPE_RX = re.compile(
    r"\s+(?:(?:thuộc|của|cấp|trên địa bàn)\s+)?(?:các\s+)?(?:tỉnh|thành phố|tp)(?:\s+thành phố)?(?:\s+trực thuộc\s+trung ương)?$"
    r"|\s+trên địa bàn$|\s+(?:có\s+)?liên quan(?:\s+khác)?$")
_UNITS_OF_RX = re.compile(r"^(?:các\s+)?(?:cơ quan,\s*)?(?:đơn vị|cơ quan|Ban/đơn vị|phòng, ban)(?:\s+trực)?\s+thuộc\s+(?P<parent>.+)$", re.I)
_PARENT_SPLIT_RX = re.compile(r"\s*[-–]\s*(?=[A-ZĐ]|Ủy|Văn)|\s*/\s*|\s+(?=Bộ\s|Văn phòng Chính phủ$)")


def _is_place(s: str) -> bool:
    """A proper place name: 1–5 words, each capitalised (or a number); "Việt Nam" is not a local place."""
    words = [w for w in s.split() if w not in ("-", "–")]          # "Bà Rịa - Vũng Tàu"
    if not 1 <= len(words) <= 5 or re.fullmatch(r"Việt Nam|VIỆT NAM|VN", s):
        return False
    return all(w[:1].isupper() or w[:1].isdigit() for w in words)


def _form_pattern(form: str) -> str:
    """A regex for an abbreviation as printed: spaces may vary, and so may spaces around & , -."""
    out = []
    for tok in re.split(r"(\s+|[&,\-])", form):
        if not tok:
            continue
        if tok.isspace():
            out.append(r"\s+")
        elif tok in "&,-":
            out.append(r"\s*" + re.escape(tok) + r"\s*")
        else:
            out.append(re.escape(tok))
    return "".join(out)


def _fold_english_mapped(text: str) -> tuple[str, list[int]]:
    """:func:`fold_english` (without the article rule) and, for each folded character, its index in ``text``."""
    t = unicodedata.normalize("NFC", text).translate(_D_LOOKALIKES)
    out: list[str] = []
    pos: list[int] = []
    for i, ch in enumerate(t):
        if ch == "'":
            continue
        if re.match(r"[\w&]", ch):
            out.append(ch.lower())
            pos.append(i)
        elif out and out[-1] != " ":
            out.append(" ")
            pos.append(i)
    return "".join(out), pos


def _en_place_kinds(b: "Body") -> tuple[str, ...]:
    """The English place kinds a body's ``en_place`` template takes ("Province", "City" …)."""
    k = fold_name(b.name)
    if "huyện" in k or b.name in ("Huyện ủy",):
        return ("District", "Town")
    if b.level == "commune" or "cấp xã" in k or k.endswith(" xã"):
        return ("Commune", "Ward", "Special Zone")
    if k.startswith("thành ") or k.endswith("thành phố"):
        return ("City",)
    return ("Province", "City")


def _title(s: str) -> str:
    """"BẮC NINH" -> "Bắc Ninh" (Roman numerals stay: "III"); other spellings are kept."""
    if not s.isupper():
        return s
    return " ".join(w if re.fullmatch(r"[IVXLC]+", w) else w.title() for w in s.split(" "))


# --------------------------------------------------------------------------------------------
# The lexicon
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class Lexicon:
    bodies: tuple[Body, ...]
    abbreviations: tuple[Abbreviation, ...]
    families: tuple[Family, ...]
    _index: dict = field(default_factory=dict, repr=False, compare=False)        # fold -> Body
    _collective: dict = field(default_factory=dict, repr=False, compare=False)   # reduced fold -> Body
    _stems: dict = field(default_factory=dict, repr=False, compare=False)        # "ủy ban nhân dân" -> Body
    _codes: dict = field(default_factory=dict, repr=False, compare=False)        # "BTC" -> Body
    _by_name: dict = field(default_factory=dict, repr=False, compare=False)
    _expand_rx: list = field(default_factory=list, repr=False, compare=False)
    _expand_map: dict = field(default_factory=dict, repr=False, compare=False)
    _en_rx: list = field(default_factory=list, repr=False, compare=False)
    _family_heads: list = field(default_factory=list, repr=False, compare=False)
    collective_words: dict = field(default_factory=dict, repr=False, compare=False)  # folded word -> English plural
    _collective_sets: dict = field(default_factory=dict, repr=False, compare=False)  # frozenset of words -> Body

    # ---------------------------------------------------------------- building
    @classmethod
    def from_data(cls, bodies: list[dict], abbreviations: list[dict], families: list[dict],
                  collective_words: list[dict] = ()) -> "Lexicon":
        problems: list[str] = []
        bs = tuple(_body(d) for d in bodies)
        ab = tuple(_abbreviation(d) for d in abbreviations)
        fs = tuple(_family(d) for d in families)
        lx = cls(bs, ab, fs, collective_words={fold_name(d["vi"]): d["en"] for d in collective_words})
        lx._build(problems)
        if problems:
            raise LexiconError("lexicon data: " + "; ".join(problems))
        return lx

    def _build(self, problems: list[str]) -> None:
        self._index_names(problems)
        self._index_abbreviations(problems)
        self._index_english(problems)
        # collective forms as sets of words: "các sở, ban, ngành có liên quan" = {sở, ban, ngành}
        for b in self.bodies:
            if b.level == "collective":
                for n in b.names:
                    words = self._collective_parts(self.expand(n))
                    if words:
                        self._collective_sets.setdefault(frozenset(words[0]), b)
        # families, longest head first
        heads = [(h, f) for f in self.families for h in (f.head,) + f.forms]
        heads.sort(key=lambda x: len(x[0]), reverse=True)
        self._family_heads.extend(heads)

    def _index_names(self, problems: list[str]) -> None:
        """Vietnamese names, variants, codes and the stems that take a place ("Tỉnh ủy Nghệ An")."""
        by_name = self._by_name
        for b in self.bodies:
            if b.name in by_name:
                problems.append(f"duplicate name {b.name!r}")
            by_name[b.name] = b
        for b in self.bodies:
            for n in b.names:
                self._add(self._index, fold_name(n), b, problems, n)
                if b.level == "collective":
                    self._add(self._collective, _reduce_collective(fold_name(n)), b, problems, n)
            for c in b.codes:
                if c in self._codes and self._codes[c] is not b:
                    problems.append(f"code {c!r} used by {self._codes[c].name!r} and {b.name!r}")
                self._codes[c] = b
        for b in self.bodies:                # stems for "<stem> <Place>": "Tỉnh ủy Nghệ An", "Đài … Nghệ An"
            for n in (b.name,) + b.variants:
                m = re.match(r"^(?P<stem>.+?)\s+(?P<kind>tỉnh|thành phố|cấp tỉnh|cấp xã|xã|phường)$", n)
                if m and b.level != "collective":
                    k = fold_name(m.group("stem"))
                    if k not in self._index and k not in self._stems:
                        self._stems[k] = b
        for b in self.bodies:
            if b.level in ("province", "party", "front", "commune") and b.name not in self._stems:
                self._stems.setdefault(fold_name(b.name), b)
        for n in (p for b in self.bodies for p in b.predecessors + b.successors + ((b.parent,) if b.parent else ())):
            base = re.sub(r"\s*\(part.*\)$", "", n)
            if base not in by_name:
                problems.append(f"reference to unknown body {n!r}")

    def _index_abbreviations(self, problems: list[str]) -> None:
        """One alternation of every abbreviation, longest form first, case-sensitive, whole tokens."""
        forms: dict[str, str] = {}
        for a in self.abbreviations:
            for f in (a.abbr,) + a.forms:
                k = fold_name(f)
                if k in forms and forms[k] != a.expansion:
                    problems.append(f"abbreviation {f!r} expands to {forms[k]!r} and {a.expansion!r}")
                forms[k] = a.expansion
                if a.kind == "name" and fold_name(a.expansion) not in self._index:
                    problems.append(f"abbreviation {a.abbr!r}: expansion {a.expansion!r} is not a body")
        self._expand_map.update(forms)
        all_forms = sorted({f for a in self.abbreviations for f in (a.abbr,) + a.forms}, key=len, reverse=True)
        pats = [_form_pattern(f) for f in all_forms]
        self._expand_rx.append(re.compile(r"(?<![\w&])(?:" + "|".join(pats) + r")(?![\w&])"))

    def _index_english(self, problems: list[str]) -> None:
        """English names and aliases (folded, longest first), acronyms (case-sensitive), place templates."""
        en_keys: dict[str, Body] = {}
        for b in self.bodies:
            for e in b.english_names:
                self._add(en_keys, fold_english(e), b, problems, e)
        # "Provincial Economic Zone Management Board" is asked about as "the Economic Zone Management
        # Board", "Provincial Women's Union" as "the Women's Union": a province's body (a department or a
        # front organisation) answers to its name without "Provincial" where no other body has it
        short: dict[str, dict[str, Body]] = {}
        for b in self.bodies:
            for k in (fold_english(e) for e in b.english_names) if b.level in ("province", "front") else ():
                if k.startswith("provincial ") and len(k.split()) >= 3:
                    short.setdefault(k[len("provincial "):], {})[b.name] = b
        en_keys.update({k: next(iter(bs.values())) for k, bs in short.items() if k not in en_keys and len(bs) == 1})
        acr: dict[str, Body] = {}
        for b in self.bodies:
            for a in b.en_abbr:
                if a in acr and acr[a] is not b:
                    problems.append(f"English acronym {a!r} used by {acr[a].name!r} and {b.name!r}")
                acr[a] = b
        templ: dict[tuple[str, str, str], Body] = {}
        for b in sorted((b for b in self.bodies if b.en_place), key=lambda b: len(_en_place_kinds(b))):
            head, _, tail = fold_english(b.en_place.replace("{place}", "PLACEHOLDER")).partition("placeholder")
            for kind in _en_place_kinds(b):
                templ.setdefault((head, tail, kind.lower()), b)
        kinds = "|".join(sorted({k for (_, _, k) in templ}, key=len, reverse=True))
        place_rxs = []
        for head, tail in sorted({(h, t) for (h, t, _) in templ}):
            rx = re.compile(r"\b" + re.escape(head) + r"(?:[\w]+ ){1,4}?(?P<kind>" + kinds + r")\b" + re.escape(tail))
            place_rxs.append((rx, head, tail))
        names_rx = re.compile(r"\b(?:" + "|".join(re.escape(k) for k in sorted(en_keys, key=len, reverse=True)) + r")\b")
        acr_rx = re.compile(r"\b(?:" + "|".join(re.escape(k) for k in sorted(acr, key=len, reverse=True)) + r")\b")
        self._en_rx.extend([("names", names_rx, en_keys), ("acronyms", acr_rx, acr), ("places", place_rxs, templ)])

    @staticmethod
    def _add(index: dict, key: str, body: Body, problems: list[str], shown: str) -> None:
        if not key:
            return
        other = index.get(key)
        if other is not None and other is not body:
            problems.append(f"{shown!r} means both {other.name!r} and {body.name!r}")
        index[key] = body

    # ---------------------------------------------------------------- questions
    def get(self, name: str) -> Body | None:
        """The entry with exactly this canonical name."""
        return self._by_name.get(name)

    def expand(self, text: str) -> str:
        """Abbreviations written out (``Sở KH&CN`` -> ``Sở Khoa học và Công nghệ``); other text unchanged."""
        rx = self._expand_rx[0]
        return rx.sub(lambda m: self._expand_map.get(fold_name(m.group(0)), m.group(0)), text)

    def resolve(self, name: str) -> Match | None:
        return _resolve_cached(self, name)

    def _resolve(self, name: str) -> Match | None:
        s = re.sub(r"\s+", " ", unicodedata.normalize("NFC", name)).strip(" \t-+•*;.,:")
        if not s:
            return None
        m = self._resolve_plain(s)
        if m is None:
            stripped = _TITLE_RX.sub("", s)
            if stripped != s:
                m = self._resolve_plain(stripped)
        return m

    def _resolve_plain(self, s: str) -> Match | None:
        x = self.expand(s)
        k = fold_name(x)
        b = self._index.get(k)
        if b is not None:
            return Match(b, "collective" if b.level == "collective" else "entry")
        if re.fullmatch(r"[A-ZĐ][A-ZĐ0-9]*", s) and s in self._codes:          # issuer codes: BTC, VPCP
            return Match(self._codes[s], "entry")
        r = _reduce_collective(k)
        if r in self._collective:
            return Match(self._collective[r], "collective")
        parts = self._collective_parts(x)
        if parts and frozenset(parts[0]) in self._collective_sets:
            return Match(self._collective_sets[frozenset(parts[0])], "collective")
        m = self._with_place(x)
        if m:
            return m
        m = self._with_scope(x)
        if m:
            return m
        return self._with_parent(x)

    def _with_place(self, x: str) -> Match | None:
        for mk in _KIND_WORD_RX.finditer(x):          # every "tỉnh"/"xã"… followed by a place ("Bảo hiểm xã hội tỉnh X")
            base, kind, place = x[:mk.start()].strip(), fold_name(mk.group("kind")), x[mk.end():].strip()
            if not base or not _is_place(place):
                continue
            kind = "thành phố" if kind == "tp" else kind
            tries = [f"{base} {kind}"]
            if kind == "thành phố":
                tries.append(f"{base} tỉnh")
            if kind in ("xã", "phường", "đặc khu"):
                tries.append(f"{base} cấp xã")
            if kind in ("huyện", "quận", "thị xã"):
                tries.append(f"{base} cấp huyện")
            tries.append(base)
            for t in tries:
                b = self._index.get(fold_name(t))
                if b is not None and b.level != "collective" and (t != base or b.level in ("province", "commune", "party", "front")):
                    return Match(b, "place", _title(place), kind)
        # "<stem> <Place>": "Tỉnh ủy Nghệ An", "Sở Y tế Hà Nội", "Báo và Phát thanh, Truyền hình Đồng Nai"
        words = x.split(" ")
        for i in range(len(words) - 1, 0, -1):
            head, place = " ".join(words[:i]), " ".join(words[i:])
            if not _is_place(place):
                continue
            hit = self._stems.get(fold_name(head))
            if hit is not None:
                return Match(hit, "place", _title(place), None)
        return None

    def _with_scope(self, x: str) -> Match | None:
        """"Sở Tài chính các tỉnh, thành phố trực thuộc trung ương", "các sở, ban, ngành thuộc tỉnh"."""
        k = fold_name(x)
        reduced = re.sub(r"\s+các\s+tỉnh\s+thành\s+phố(?:\s+trực\s+thuộc\s+trung\s+ương)?$", "", k)
        if reduced != k:
            b = self._index.get(reduced)
            if b is not None:
                return Match(b, "scope")
        prev = None
        while prev != k:
            prev, k = k, _SCOPE_RX.sub("", k).strip()
            b = self._index.get(k) or self._collective.get(_reduce_collective(k))
            if b is not None and k != prev:
                return Match(b, "collective" if b.level == "collective" else "scope")
        return None

    def _with_parent(self, x: str) -> Match | None:
        """"Vụ Pháp chế - Bộ Tư pháp", "Cục KSTTHC-VPCP", "Cục Pháp chế/BQP": the unit, under a known parent;
        "các đơn vị thuộc Bộ Tài chính": the units of a known body (the match names the parent only)."""
        mu = _UNITS_OF_RX.match(x)
        if mu:
            right = mu.group("parent")
            pm = self._index.get(fold_name(right)) or (self._codes.get(right) if right.isupper() else None)
            if pm is not None:
                return Match(pm, "parent", parent=pm)
        for m in reversed(list(_PARENT_SPLIT_RX.finditer(x))):
            left, right = x[:m.start()].strip(), x[m.end():].strip()
            if not left or not right:
                continue
            pm = self._index.get(fold_name(self.expand(right))) or (self._codes.get(right) if right.isupper() else None)
            if pm is None or pm.level not in ("national", "province"):
                continue
            child = self._index.get(fold_name(left))
            if child is not None:
                return Match(child, "parent", parent=pm)
            if self.family_of(left) is not None:
                return Match(pm, "parent", parent=pm)  # the unit is unknown: the match names its parent only
        return None

    def _collective_parts(self, x: str) -> tuple[list[str], bool] | None:
        """The words of a collective form made only of collective words ("các cơ quan, tổ chức, đơn vị có
        liên quan" -> ["cơ quan", "tổ chức", "đơn vị"], related=True), or None."""
        k = fold_name(x)
        had_cac = k.startswith("các ")
        k = re.sub(r"^các\s+", "", k)
        related = bool(re.search(r"\s(?:có\s+)?liên\s+quan(?:\s+khác)?$", k))
        k = re.sub(r"\s+(?:có\s+)?liên\s+quan(?:\s+khác)?$", "", k)
        k = re.sub(r"\s+(?:ở\s+)?trung\s+ương$|\s+(?:thuộc\s+|của\s+|cấp\s+|trên\s+địa\s+bàn\s+)?(?:tỉnh|thành\s+phố|tp)$"
                   r"|\s+trên\s+địa\s+bàn$", "", k)
        segs = [re.sub(r"^các\s+", "", p.strip()) for p in re.split(r",|\s+và\s+", re.sub(r"(?<=\S) (?=(?:" + "|".join(
            sorted((re.escape(w) for w in self.collective_words), key=len, reverse=True)) + r")(?: |$))", ",", k)) if p.strip()]
        if not segs or any(p not in self.collective_words for p in segs):
            return None
        if len(segs) == 1 and not (had_cac or related):
            return None
        return segs, related

    def lookup(self, name: str) -> Body | None:
        """The body a printed name means, or None.

        Tried in order: the name, its variants and abbreviations (after :meth:`expand`); a title in
        front ("Giám đốc Sở Nội vụ"); a collective form with or without "các" / "có liên quan"; a
        place after the name ("UBND tỉnh Bắc Ninh", "Tỉnh ủy Nghệ An"); a scope ("… các tỉnh, thành
        phố trực thuộc trung ương"); a known parent after a known unit ("Cục Thuế - Bộ Tài chính").
        An unknown member of a family ("Trung tâm Chuyển đổi số") gives None (see :meth:`family_of`).
        """
        m = self.resolve(name)
        if m is None or (m.how == "parent" and m.body is m.parent):
            return None
        return m.body

    def family_of(self, name: str) -> Family | None:
        """The family a name belongs to by its head word, or None.

        The head must be followed by a capitalised word, an abbreviation, a Roman numeral, or a
        level word (tỉnh, thành phố, xã, khu vực, cơ sở, cấp, các); a bare head counts only for
        families marked ``bare`` (Ủy ban nhân dân, Hội đồng nhân dân).
        """
        s = re.sub(r"\s+", " ", unicodedata.normalize("NFC", name)).strip(" \t-+•*;.,:")
        s = re.sub(r"^(?:các|Các|CÁC)\s+", "", _TITLE_RX.sub("", s))     # "Các Chi cục Hải quan khu vực"
        words = s.split(" ")
        for head, fam in self._family_heads:
            n = len(head.split(" "))
            if fold_name(" ".join(words[:n])) != fold_name(head):
                continue
            rest = " ".join(words[n:])
            if any(fold_name(s).startswith(fold_name(e)) for e in fam.excludes):
                return None
            if not rest:
                return fam if fam.bare else None
            if fam.next_words:
                return fam if any(rest.startswith(w) or rest.upper().startswith(w.upper()) and rest.isupper()
                                  for w in fam.next_words) else None
            first = words[n]
            if first[:1].isupper() or first[:1].isdigit() or re.match(
                    r"(?:tỉnh|thành|xã|phường|đặc|huyện|quận|thị|khu|cơ|cấp|các|trực|đa)$", first):
                return fam
            return None
        return None

    def recognise(self, name: str) -> str | None:
        """How a printed name is known: "entry", "place", "collective", "scope", "parent", "family", or None."""
        m = self.resolve(name)
        if m is not None:
            return m.how
        if self._collective_parts(self.expand(_TITLE_RX.sub("", name.strip()))):
            return "collective"
        return "family" if self.family_of(self.expand(name)) is not None else None

    def english(self, name: str) -> str | None:
        """The English name of a printed name, or None when the lexicon cannot say it safely.

        A place written with the name is composed through the entry's ``en_place`` template
        ("People's Committee of {place}"); an entry without a template gives None then. A unit
        under a parent gets the unit's name. An unknown family member gives None.
        """
        m = self.resolve(name)
        if m is None:
            parts = self._collective_parts(self.expand(_TITLE_RX.sub("", name.strip())))
            if parts:                                  # composed word by word: "relevant agencies, organisations and units"
                ws = [self.collective_words[w] for w in parts[0]]
                s = ws[0] if len(ws) == 1 else ", ".join(ws[:-1]) + " and " + ws[-1]
                return ("relevant " if parts[1] else "") + s
            return None
        if m.body.en is None or (m.how == "parent" and m.body is m.parent):
            return None
        if m.how == "place":
            if not m.body.en_place:
                return None
            kind = _PLACE_KINDS.get(m.place_kind or "")
            return m.body.en_place.format(place=f"{m.place} {kind}" if kind else m.place)
        return m.body.en

    def from_english(self, text: str) -> list[Body]:
        """The bodies an English text names, in the order they appear, each once.

        Matches English names and aliases (case and punctuation folded), the place templates
        ("People's Committee of Bắc Ninh Province"), and acronyms (case-sensitive: MOF, MOHA).
        """
        folded, pos = _fold_english_mapped(text)
        found: list[tuple[int, int, Body]] = []          # (start in text, -length, body)
        for kind, rx, table in self._en_rx:
            if kind == "places":
                for prx, head, tail in rx:
                    for m in prx.finditer(folded):
                        b = table.get((head, tail, m.group("kind")))
                        if b is not None:
                            found.append((pos[m.start()], -(pos[m.end() - 1] - pos[m.start()] + 1), b))
            elif kind == "names":
                for m in rx.finditer(folded):
                    found.append((pos[m.start()], -(pos[m.end() - 1] - pos[m.start()] + 1), table[m.group(0)]))
            else:
                for m in rx.finditer(text):
                    found.append((m.start(), -(m.end() - m.start()), table[m.group(0)]))
        found.sort()
        out: list[Body] = []
        end = -1
        for start, neg_len, b in found:                  # the longest match wins where matches overlap
            if start >= end:
                end = start - neg_len
                if b not in out:
                    out.append(b)
        return out


def _reduce_collective(k: str) -> str:
    """A folded collective form without a leading "các" or a trailing "(có) liên quan"."""
    k = re.sub(r"^các\s+", "", k)
    return re.sub(r"\s+(?:có\s+)?liên\s+quan(?:\s+khác)?$", "", k)


@functools.lru_cache(maxsize=65536)
def _resolve_cached(lx: Lexicon, name: str) -> Match | None:
    return lx._resolve(name)


# --------------------------------------------------------------------------------------------
# Loading
# --------------------------------------------------------------------------------------------
def _sources(ds) -> tuple[Source, ...]:
    return tuple(Source(d["ref"], d.get("section"), d.get("mark"), d.get("quote"), d.get("note")) for d in ds or ())


def _examples(ds) -> tuple[Example, ...]:
    return tuple(Example(d["ref"], d["text"]) for d in ds or ())


def _body(d: dict) -> Body:
    t = lambda k: tuple(d.get(k) or ())  # noqa: E731
    return Body(d["name"], d["level"], d["kind"], d.get("en"), d.get("en_source"), t("en_aliases"), t("en_abbr"),
                d.get("en_place"), t("abbr"), t("codes"), t("variants"), d.get("parent"), t("predecessors"),
                t("successors"), d.get("status", "current"), d.get("valid_from"), d.get("valid_to"), d.get("note"),
                _sources(d.get("sources")))


def _abbreviation(d: dict) -> Abbreviation:
    return Abbreviation(d["abbr"], d["expansion"], d["kind"], tuple(d.get("forms") or ()), d.get("en"), d.get("note"),
                        _examples(d.get("examples")), _sources(d.get("sources")))


def _family(d: dict) -> Family:
    return Family(d["head"], d["en_head"], d["level"], d["kind"], tuple(d.get("forms") or ()), bool(d.get("bare")),
                  tuple(d.get("next_words") or ()), tuple(d.get("excludes") or ()), d.get("note"),
                  _examples(d.get("examples")))


@functools.lru_cache(maxsize=4)
def load(path: str | Path = DATA_DIR) -> Lexicon:
    """The lexicon in ``path`` (default ``data/lexicon``), loaded and indexed once."""
    p = Path(path)
    read = lambda n: json.loads((p / n).read_text(encoding="utf-8"))  # noqa: E731
    fam = read("families.json")
    return Lexicon.from_data(read("bodies.json")["bodies"], read("abbreviations.json")["abbreviations"],
                             fam["families"], fam.get("collective_words", []))


# module-level shortcuts on the default lexicon
def lookup(name: str) -> Body | None:
    return load().lookup(name)


def resolve(name: str) -> Match | None:
    return load().resolve(name)


def expand(text: str) -> str:
    return load().expand(text)


def english(name: str) -> str | None:
    return load().english(name)


def from_english(text: str) -> list[Body]:
    return load().from_english(text)


def recognise(name: str) -> str | None:
    return load().recognise(name)


def family_of(name: str) -> Family | None:
    return load().family_of(name)


def without_title(name: str) -> str:
    """The body a title heads ("Vụ trưởng Vụ Pháp chế" → "Vụ Pháp chế", "Chánh Văn phòng Bộ" →
    "Văn phòng Bộ"); the name itself when it opens with no title.

    >>> without_title("Vụ trưởng Vụ Pháp chế"), without_title("Sở Y tế")
    ('Vụ Pháp chế', 'Sở Y tế')
    """
    return _TITLE_RX.sub("", name.strip())
