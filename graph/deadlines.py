"""Deadlines as an officer reads them: the normalised value of a task (``cancu:deadline``, see
``ingest/deadlines.py``) turned into a period, a readable label, a status as of a given day, and an
iCalendar file that Outlook and Google Calendar import.

Values: ``"2025-12-15"`` (a day), ``"2025-12"`` (a month), ``"2025-Q4"`` (a quarter), ``"2025"`` (a
year), and the words ``"thường xuyên"`` (standing) and ``"hằng năm"`` / ``"hằng quý"`` /
``"hằng tháng"`` / ``"hằng tuần"`` / ``"hằng ngày"`` (recurring). Pure functions, no store.

    >>> label("2026-Q4"), label("2026-Q4", "en")
    ('Quý IV/2026', 'Q4/2026')
    >>> label("2025-12-05"), label("2025-12"), label("2030"), label("hằng năm", "en")
    ('05/12/2025', 'Tháng 12/2025', 'Năm 2030', 'Every year')
    >>> period("2026-Q3")
    (datetime.date(2026, 7, 1), datetime.date(2026, 9, 30))
    >>> status("2026-Q1", "2026-02-10"), status("2025-12-05", "2026-02-10"), status("thường xuyên", "2026-02-10")
    ('this_quarter', 'overdue', 'recurring')
    >>> status("2026-02-28", "2026-02-10"), status("2027", "2026-02-10")
    ('this_month', 'upcoming')
"""
from __future__ import annotations

import calendar
import datetime as _dt
import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["Due", "parse", "period", "label", "status", "bucket", "bucket_label", "officer_date", "STATUSES",
           "RECURRING", "ics", "IcsEvent", "today"]

_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
# recurring words → (Vietnamese, English) as an officer writes them
RECURRING = {
    "thường xuyên": ("Thường xuyên", "Ongoing"),
    "hằng năm": ("Hằng năm", "Every year"),
    "hằng quý": ("Hằng quý", "Every quarter"),
    "hằng tháng": ("Hằng tháng", "Every month"),
    "hằng tuần": ("Hằng tuần", "Every week"),
    "hằng ngày": ("Hằng ngày", "Every day"),
}
# the statuses of the deadline view, in the order filters list them
STATUSES = ("overdue", "this_month", "this_quarter", "upcoming", "recurring")
_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December")

_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_QUARTER = re.compile(r"(\d{4})-Q([1-4])")
_YEAR = re.compile(r"(\d{4})")


@dataclass(frozen=True, slots=True)
class Due:
    """A deadline read: its kind (day | month | quarter | year | recurring | other) and period."""

    value: str
    kind: str
    start: _dt.date | None = None
    end: _dt.date | None = None


def _month_end(y: int, m: int) -> _dt.date:
    return _dt.date(y, m, calendar.monthrange(y, m)[1])


@lru_cache(maxsize=8192)
def parse(value: str | None) -> Due:
    """The deadline value as a period (``start`` … ``end``, both inclusive). Kept per value (a
    store of 10,000 plans holds 100,000 deadlines and a few thousand distinct values)."""
    v = (value or "").strip()
    try:
        if m := _DAY.fullmatch(v):
            d = _dt.date(int(m[1]), int(m[2]), int(m[3]))
            return Due(v, "day", d, d)
        if m := _MONTH.fullmatch(v):
            y, mo = int(m[1]), int(m[2])
            return Due(v, "month", _dt.date(y, mo, 1), _month_end(y, mo))
        if m := _QUARTER.fullmatch(v):
            y, q = int(m[1]), int(m[2])
            return Due(v, "quarter", _dt.date(y, 3 * q - 2, 1), _month_end(y, 3 * q))
        if m := _YEAR.fullmatch(v):
            y = int(m[1])
            return Due(v, "year", _dt.date(y, 1, 1), _dt.date(y, 12, 31))
    except ValueError:  # "2025-13" or "2025-02-30": not a date, shown as written
        return Due(v, "other")
    if v.lower() in RECURRING:
        return Due(v.lower(), "recurring")
    return Due(v, "other")


def period(value: str | None) -> tuple[_dt.date | None, _dt.date | None]:
    d = parse(value)
    return d.start, d.end


def officer_date(iso: str | None, lang: str = "vi") -> str:
    """An ISO date (or timestamp) as an officer writes it: ``dd/mm/yyyy`` (a month: ``mm/yyyy``).

    >>> officer_date("2023-08-14"), officer_date("2026-03-01T08:00:00+00:00"), officer_date("2025-07")
    ('14/08/2023', '01/03/2026', '07/2025')
    """
    s = (iso or "").strip()
    if m := re.match(r"(\d{4})-(\d{2})-(\d{2})", s):
        return f"{m[3]}/{m[2]}/{m[1]}"
    if m := _MONTH.fullmatch(s):
        return f"{m[2]}/{m[1]}"
    return s


def label(value: str | None, lang: str = "vi") -> str:
    """The deadline as an officer reads it ("Quý IV/2026", "15/12/2025", "Tháng 5/2026", "Hằng năm")."""
    d = parse(value)
    en = lang == "en"
    if d.kind == "day":
        return d.start.strftime("%d/%m/%Y")
    if d.kind == "month":
        return f"{_MONTHS_EN[d.start.month - 1]} {d.start.year}" if en else f"Tháng {d.start.month}/{d.start.year}"
    if d.kind == "quarter":
        q = (d.start.month - 1) // 3 + 1
        return f"Q{q}/{d.start.year}" if en else f"Quý {_ROMAN[q]}/{d.start.year}"
    if d.kind == "year":
        return f"Year {d.start.year}" if en else f"Năm {d.start.year}"
    if d.kind == "recurring":
        return RECURRING[d.value][1 if en else 0]
    return d.value


def _as_date(day: str | _dt.date | None) -> _dt.date:
    if isinstance(day, _dt.date):
        return day
    if day:
        return _dt.date.fromisoformat(str(day)[:10])
    return _dt.date.today()


def today(override: str | None = None) -> _dt.date:
    """The day the view is computed for: ``override`` (``YYYY-MM-DD``, for tests) or the real date."""
    try:
        return _as_date(override) if override else _dt.date.today()
    except ValueError:
        return _dt.date.today()


def status(value: str | None, on: str | _dt.date | None = None) -> str:
    """``overdue`` (the period ended before ``on``), ``this_month`` / ``this_quarter`` (it ends in
    the month / quarter of ``on``), ``upcoming``, or ``recurring`` (standing and recurring words,
    and anything not a date)."""
    d = parse(value)
    if d.end is None:
        return "recurring"
    day = _as_date(on)
    if d.end < day:
        return "overdue"
    if (d.end.year, d.end.month) == (day.year, day.month):
        return "this_month"
    if d.end.year == day.year and (d.end.month - 1) // 3 == (day.month - 1) // 3:
        return "this_quarter"
    return "upcoming"


def bucket(value: str | None, by: str = "month") -> str:
    """The month (``2026-05``) or quarter (``2026-Q2``) a deadline falls due in; "" when recurring."""
    d = parse(value)
    if d.end is None:
        return ""
    if by == "quarter":
        return f"{d.end.year}-Q{(d.end.month - 1) // 3 + 1}"
    return f"{d.end.year}-{d.end.month:02d}"


def bucket_label(key: str, lang: str = "vi") -> str:
    """A bucket's heading ("Tháng 5/2026", "Quý II/2026"; "" → the recurring group)."""
    if not key:
        return "Thường xuyên, định kỳ" if lang != "en" else "Ongoing and recurring"
    return label(key, lang)


# ---------------------------------------------------------------- iCalendar (RFC 5545)

@dataclass(frozen=True, slots=True)
class IcsEvent:
    uid: str            # stable: the task's IRI
    value: str          # the deadline value
    summary: str
    description: str = ""
    url: str = ""


def _ics_text(s: str) -> str:
    return (s.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", ""))


def _fold(line: str) -> str:
    """Lines of at most 75 octets, continued with a space (RFC 5545 §3.1), never inside a character."""
    out, cur = [], b""
    for ch in line:
        b = ch.encode("utf-8")
        if len(cur) + len(b) > (75 if not out else 74):
            out.append(cur.decode("utf-8"))
            cur = b""
        cur += b
    out.append(cur.decode("utf-8"))
    return "\r\n ".join(out)


def ics(events: list[IcsEvent], *, name: str = "Căn cứ — hạn xử lý", stamp: str | None = None) -> bytes:
    """An iCalendar file: one all-day event per dated deadline, on its last day (a month's, a
    quarter's or a year's last day), with a reminder a week before. Recurring and standing
    deadlines have no day to put in a calendar and are left out.

    >>> b = ics([IcsEvent("urn:t1", "2026-Q4", "II.2.1 Rà soát, báo cáo")], stamp="20260101T000000Z")
    >>> lines = b.decode().split("\\r\\n")
    >>> [x for x in lines if x.startswith(("DTSTART", "DTEND", "SUMMARY"))]
    ['DTSTART;VALUE=DATE:20261231', 'DTEND;VALUE=DATE:20270101', 'SUMMARY:II.2.1 Rà soát\\\\, báo cáo']
    >>> len(ics([IcsEvent("urn:t2", "hằng năm", "x")]).decode().split("BEGIN:VEVENT")) - 1
    0
    """
    stamp = stamp or _dt.datetime.now(_dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//cancu//han-xu-ly//VI", "CALSCALE:GREGORIAN",
             "METHOD:PUBLISH", f"X-WR-CALNAME:{_ics_text(name)}"]
    for e in events:
        d = parse(e.value)
        if d.end is None:
            continue
        uid = hashlib.sha1(e.uid.encode("utf-8")).hexdigest()[:20] + "@cancu.vn"
        lines += ["BEGIN:VEVENT", f"UID:{uid}", f"DTSTAMP:{stamp}",
                  f"DTSTART;VALUE=DATE:{d.end:%Y%m%d}",
                  f"DTEND;VALUE=DATE:{d.end + _dt.timedelta(days=1):%Y%m%d}",
                  f"SUMMARY:{_ics_text(e.summary)}", "TRANSP:TRANSPARENT"]
        if e.description:
            lines.append(f"DESCRIPTION:{_ics_text(e.description)}")
        if e.url:
            lines.append(f"URL:{_ics_text(e.url)}")
        lines += ["BEGIN:VALARM", "ACTION:DISPLAY", f"DESCRIPTION:{_ics_text(e.summary)}", "TRIGGER:-P7D",
                  "END:VALARM", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return ("\r\n".join(_fold(x) for x in lines) + "\r\n").encode("utf-8")
