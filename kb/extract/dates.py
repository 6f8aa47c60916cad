"""Dates as printed: numeric (26.01.2022, /05.10.23/, 1402/07/14), with month names in each
language and calendar (Gregorian, Solar Hijri, Hijri), in any digits (folded to ASCII before);
and relative dates ("late Wednesday", "مساء الاربعاء", "днями") resolved against the
publication date into a day or earliest/latest bounds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Any

from .lexicon import language_lexicon
from .normalize import normalizer

# The month tables of a language file and their calendars; "months_inflected" holds case forms
# of Gregorian month names ("в июне", "oktyabrında").
CALENDARS = {
    "months": "gregorian",
    "months_inflected": "gregorian",
    "months_solar_hijri": "solar-hijri",
    "months_hijri": "hijri",
}


@dataclass
class FoundDate:
    start: int  # in folded text
    end: int
    day: date
    time: tuple[int, int] | None = None
    precision: str = "day"  # day or month
    calendar: str = "gregorian"
    last: date | None = None  # the month's last day (precision "month"), or the second of two


def to_gregorian(calendar: str, year: int, month: int, day: int) -> date:
    """A day of a calendar as a Gregorian date (ValueError when there is no such day)."""
    if calendar == "solar-hijri":
        from convertdate import persian

        if not (1 <= month <= 12 and 1 <= day <= 31):
            raise ValueError("no such day")
        return date(*persian.to_gregorian(year, month, day))
    if calendar == "hijri":
        from hijridate import Hijri

        g = Hijri(year, month, day).to_gregorian()
        return date(g.year, g.month, g.day)
    return date(year, month, day)


@dataclass
class DatePatterns:
    numeric: re.Pattern[str]
    iso: re.Pattern[str]
    day_month_year: re.Pattern[str]
    month_day_year: re.Pattern[str]
    month_year: re.Pattern[str]
    year_month_day: re.Pattern[str]
    months: dict[str, tuple[str, int]]  # folded month name -> (calendar, number)
    year_first_calendar: str


_TIME = r"(?:\s*(?:[,\-–]|\bat\b)?\s*(\d{1,2}):(\d{2}))?"


@cache
def patterns(language: str) -> DatePatterns:
    lex = language_lexicon(language)
    months: dict[str, tuple[str, int]] = {}
    for table, calendar in CALENDARS.items():
        for name, number in (lex.get(table) or {}).items():
            months.setdefault(normalizer().key(str(name)), (calendar, int(number)))
    names = "|".join(re.escape(n) for n in sorted(months, key=len, reverse=True)) or "(?!)"
    year_first = (
        "solar-hijri"
        if lex.get("months_solar_hijri") and language == "fa"
        else "hijri"
        if lex.get("months_hijri")
        else "gregorian"
    )
    return DatePatterns(
        numeric=re.compile(
            r"(?<![\d.])(\d{1,2})\s?[./\-]\s?(\d{1,2})\s?[./\-]\s?(\d{4}|\d{2})(?![\d.]\d)" + _TIME
        ),
        iso=re.compile(r"(?<!\d)(\d{4})[\-/.](\d{1,2})[\-/.](\d{1,2})(?!\d)" + _TIME),
        day_month_year=re.compile(
            # a day may be glued to an Arabic-script word before it ("روز20 آبان 1403"), not
            # to a Latin or Cyrillic one ("G20 November 2024" is no date); the day before a
            # dash is the first of two ("10-11 November 2024")
            r"(?<![\d.A-Za-z\u00C0-\u024F\u0400-\u04FF])(?:(\d{1,2})\s?[-–]\s?)?"
            r"(\d{1,2})(?:st|nd|rd|th|-?го|-?ого)?\s+(" + names + r")\s*,?\s+(\d{4})(?!\d)" + _TIME
        ),
        month_day_year=re.compile(
            r"(?<![\w])("
            + names
            + r")\.?\s+(\d{1,2})(?:\s?[-–]\s?(\d{1,2}))?(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)"
            + _TIME
        ),
        month_year=re.compile(r"(?<![\w\d])(" + names + r")\s+(\d{4})(?!\d)"),
        # the year first, with its ending and word for "year" ("2025-ci il mayın 19-da")
        year_month_day=re.compile(
            r"(?<![\w\d])(\d{4})(?:-?\w{1,3})?(?:\s+\w{1,3})?\s+(" + names + r")\s+(\d{1,2})(?!\d)"
        ),
        months=months,
        year_first_calendar=year_first,
    )


def _year(text: str) -> int:
    year = int(text)
    if len(text) == 2:
        year += 2000 if year < 70 else 1900
    return year


def _calendar_of_year(year: int, calendar: str) -> str:
    if calendar != "gregorian":
        return calendar
    return "gregorian"


# days: the farthest apart two days printed together may be ("10-14 November": a forum's);
# "session 2 - 12 November" or "COP 29 – 12 November" are no two days
DAYS_TOGETHER = 6


def days_together(first: int, last: int) -> bool:
    """Whether two day numbers printed with a dash are the first and last of one stretch."""
    return first < last and last - first <= DAYS_TOGETHER


def _until(
    found: list[FoundDate], match: re.Match[str], calendar: str, year: int, month: int, last: int
) -> None:
    """The last of two days printed together ("10-11 November 2024") on the date just read,
    when the month has that day."""
    if not found or found[-1].start != match.start():
        return
    try:
        found[-1].last = to_gregorian(calendar, year, month, last)
    except (ValueError, OverflowError, IndexError):
        return  # "30-31 November": no 31st, the first day alone


def find_dates(folded: str, language: str) -> list[FoundDate]:
    """Every absolute date printed in (folded) text, in order, without overlaps."""
    p = patterns(language)
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []

    def add(
        match: re.Match[str],
        calendar: str,
        year: int,
        month: int,
        day: int,
        hour: Any,
        minute: Any,
        precision: str = "day",
    ) -> None:
        span = match.span()
        if any(a < span[1] and span[0] < b for a, b in taken):
            return
        if calendar == "gregorian" and 1300 <= year <= 1500:
            calendar = (
                p.year_first_calendar if p.year_first_calendar != "gregorian" else "solar-hijri"
            )
        try:
            day_value = to_gregorian(calendar, year, month, day)
        except (ValueError, OverflowError, IndexError):
            return
        if not (1900 <= day_value.year <= 2100):
            return
        time = (
            (int(hour), int(minute))
            if hour is not None and int(hour) < 24 and int(minute) < 60
            else None
        )
        found.append(FoundDate(span[0], span[1], day_value, time, precision, calendar))
        taken.append(span)

    for match in p.day_month_year.finditer(folded):
        calendar, month = p.months[match.group(3)]
        first, last = int(match.group(1) or match.group(2)), int(match.group(2))
        if not days_together(first, last):
            first = last  # a number before a dash that starts no stretch: the day alone
        year = int(match.group(4))
        add(match, calendar, year, month, first, match.group(5), match.group(6))
        if first < last:
            _until(found, match, calendar, year, month, last)
    for match in p.month_day_year.finditer(folded):
        calendar, month = p.months[match.group(1)]
        first, last = int(match.group(2)), int(match.group(3) or match.group(2))
        if not days_together(first, last):
            last = first
        year = int(match.group(4))
        add(match, calendar, year, month, first, match.group(5), match.group(6))
        if first < last:
            _until(found, match, calendar, year, month, last)
    for match in p.year_month_day.finditer(folded):
        calendar, month = p.months[match.group(2)]
        add(match, calendar, int(match.group(1)), month, int(match.group(3)), None, None)
    for match in p.iso.finditer(folded):
        add(
            match,
            "gregorian",
            int(match.group(1)),
            int(match.group(2)),
            int(match.group(3)),
            match.group(4),
            match.group(5),
        )
    for match in p.numeric.finditer(folded):
        first, second = int(match.group(1)), int(match.group(2))
        day, month = (
            (first, second)
            if first > 12 or language_lexicon(language).get("day_order", "dmy") == "dmy"
            else (second, first)
        )
        if month > 12:
            day, month = month, day
        add(match, "gregorian", _year(match.group(3)), month, day, match.group(4), match.group(5))
    for match in p.month_year.finditer(folded):
        calendar, month = p.months[match.group(1)]
        if calendar == "hijri":
            continue
        before = len(found)
        add(match, calendar, int(match.group(2)), month, 1, None, None, precision="month")
        if len(found) > before:
            found[-1].day, found[-1].last = month_span(calendar, int(match.group(2)), month)
    found.sort(key=lambda f: f.start)
    return found


def month_span(calendar: str, year: int, month: int) -> tuple[date, date]:
    """The first and last (Gregorian) days of a month of a calendar."""
    first = to_gregorian(calendar, year, month, 1)
    if month == 12:
        following = to_gregorian(calendar, year + 1, 1, 1)
    else:
        following = to_gregorian(calendar, year, month + 1, 1)
    return first, following - timedelta(days=1)


def year_of(calendar: str, day: date) -> int:
    """The year of a calendar that a Gregorian day falls in."""
    if calendar == "solar-hijri":
        from convertdate import persian

        return int(persian.from_gregorian(day.year, day.month, day.day)[0])
    if calendar == "hijri":
        from hijridate import Gregorian

        return int(Gregorian(day.year, day.month, day.day).to_hijri().year)
    return day.year


# The days of a month that its parts cover ("early October": 1-10); "late" runs to its end.
MONTH_PARTS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}


def _part_of(span: tuple[date, date], part: str | None) -> tuple[date, date]:
    """The days of a month's span that a part of it covers (all of them for no part)."""
    first, last = span
    if part not in MONTH_PARTS:
        return first, last
    low, high = MONTH_PARTS[part]
    return first + timedelta(days=low - 1), min(last, first + timedelta(days=high - 1))


def month_bounds(
    calendar: str,
    month: int,
    phrase: str,
    published: date,
    years_back: int | None,
    part: str | None = None,
) -> Bounds | None:
    """Bounds of a month named without a year: in the year ``years_back`` before publication's
    ("in June last year": 1, "in March this year": 0), or, when no year is said (None), the
    last such month that began on or before the publication day; only its early, mid or
    late days when a ``part`` of it is named ("в начале октября")."""
    when = f"'{phrase}' in an article published on {published.isoformat()}"
    year = year_of(calendar, published) - (years_back or 0)
    try:
        first, last = _part_of(month_span(calendar, year, month), part)
        if years_back is None and first > published:  # "late October" read on 5 October
            first, last = _part_of(month_span(calendar, year - 1, month), part)
    except (ValueError, OverflowError, IndexError):
        return None
    if first > published:
        return None
    return Bounds(first, min(last, published), f"{when}: {first.isoformat()[:7]}")


def parse_fallback(text: str, language: str) -> date | None:
    """dateparser, for a short line the patterns above did not read (slow: used sparingly)."""
    if len(text) > 80 or not re.search(r"\d", text):
        return None
    import dateparser

    settings = {
        "DATE_ORDER": "DMY",
        "PREFER_DATES_FROM": "past",
        "REQUIRE_PARTS": ["day", "month", "year"],
    }
    try:
        parsed = dateparser.parse(text, languages=[language], settings=settings)  # type: ignore[arg-type]
    except Exception:  # dateparser raises many kinds of errors on odd input
        return None
    return parsed.date() if parsed else None


# -- relative dates ------------------------------------------------------------------------


@dataclass
class Bounds:
    earliest: date | None
    latest: date | None
    basis: str


def weekday_before(published: date, weekday: int) -> date:
    """The last day with this weekday on or before the publication day."""
    return published - timedelta(days=(published.weekday() - weekday) % 7)


def relative(
    kind: str,
    payload: Any,
    phrase: str,
    published: date,
    *,
    past: bool = False,
    dateline: str | None = None,
) -> Bounds | None:
    """Bounds of a relative date phrase in an article published on ``published`` (or in a
    dispatch of that day under a ``dateline``, as printed); a weekday said to be ``past``
    ("last Thursday", "الخميس الماضي") is before the publication day."""
    when = (
        f"'{phrase}' under the dateline '{dateline}' ({published.isoformat()})"
        if dateline
        else f"'{phrase}' in an article published on {published.isoformat()}"
    )
    if kind == "weekday":
        latest = published - timedelta(days=1) if past else published
        day = weekday_before(latest, int(payload))
        return Bounds(day, day, f"{when}: {day.strftime('%A')} {day.isoformat()}")
    if kind == "reldays":
        if isinstance(payload, list):
            far, near = int(payload[0]), int(payload[1])
            return Bounds(published - timedelta(days=far), published - timedelta(days=near), when)
        day = published - timedelta(days=int(payload))
        return Bounds(day, day, f"{when}: {day.isoformat()}")
    if kind == "relperiod":
        monday = published - timedelta(days=published.weekday())
        if payload == "year_to_date":
            return Bounds(date(published.year, 1, 1), published, when)
        if payload == "month_to_date":
            return Bounds(published.replace(day=1), published, when)
        if payload == "month_start":
            first = published.replace(day=1)
            return Bounds(first, min(published, first.replace(day=MONTH_PARTS["early"][1])), when)
        if payload == "week_to_date":  # the calendar week, from its Monday
            return Bounds(monday, published, when)
        if payload == "last_week":  # the calendar week before the publication's
            return Bounds(monday - timedelta(days=7), monday - timedelta(days=1), when)
        if payload == "last_weekend":  # the last Saturday and Sunday before publication
            saturday = weekday_before(published - timedelta(days=1), 5)
            return Bounds(saturday, min(saturday + timedelta(days=1), published), when)
        if payload == "last_month":
            last = published.replace(day=1) - timedelta(days=1)
            return Bounds(last.replace(day=1), last, when)
        if payload == "last_year":
            return Bounds(date(published.year - 1, 1, 1), date(published.year - 1, 12, 31), when)
    return None
