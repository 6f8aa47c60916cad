"""Dates as pages print them, in every language and calendar, and relative dates."""

from __future__ import annotations

from datetime import date

import pytest

from kb.extract.dates import find_dates, relative, weekday_before
from kb.extract.normalize import normalizer


def first(text: str, language: str) -> date:
    found = find_dates(normalizer().key(text), language)
    assert found, f"no date found in {text!r}"
    return found[0].day


@pytest.mark.parametrize(
    ("printed", "language", "expected"),
    [
        ("26.01.2022, 13:25", "uk", date(2022, 1, 26)),
        ("Baku /05.10.23/Turan:", "en", date(2023, 10, 5)),
        ("28 December 2004 y., Tuesday", "en", date(2004, 12, 28)),
        ("October 5, 2023", "en", date(2023, 10, 5)),
        ("5 жовтня 2023 року", "uk", date(2023, 10, 5)),
        ("5 октября 2023 года", "ru", date(2023, 10, 5)),
        ("5 Ekim 2023", "tr", date(2023, 10, 5)),
        ("5 oktyabr 2023", "az", date(2023, 10, 5)),
        ("الخميس ٠٥ أكتوبر ٢٠٢٣ - ٠٣:٥٥ بتوقيت غرينتش", "ar", date(2023, 10, 5)),
        ("٥ تشرين الأول ٢٠٢٣", "ar", date(2023, 10, 5)),
        ("۱۳ اکتبر ۲۰۲۳", "fa", date(2023, 10, 13)),
    ],
)
def test_gregorian_dates_in_each_language_and_digit_system(
    printed: str, language: str, expected: date
) -> None:
    assert first(printed, language) == expected


def test_solar_hijri_dates_are_converted_to_gregorian() -> None:
    assert first("۱۴ مهر ۱۴۰۲", "fa") == date(2023, 10, 6)
    assert first("۱۴۰۲/۰۷/۱۴", "fa") == date(2023, 10, 6)


def test_hijri_dates_are_converted_to_gregorian() -> None:
    assert first("20 ربيع الأول 1445", "ar") == date(2023, 10, 5)


def test_a_day_glued_to_a_persian_word_is_read() -> None:
    assert first("روز20 آبان 1403", "fa") == date(2024, 11, 10)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Leaders met at the G20 November 2024 summit in Rio.", "en"),
        ("Лидеры встретились на саммите G20 ноября 2024 года.", "ru"),
        ("Лідери зустрілися на саміті Б20 листопада 2024 року.", "uk"),
    ],
)
def test_a_number_glued_to_a_latin_or_cyrillic_word_is_no_day(text: str, language: str) -> None:
    found = find_dates(normalizer().key(text), language)
    assert date(2024, 11, 20) not in [d.day for d in found]


def test_the_time_is_kept_with_the_day() -> None:
    (found,) = find_dates(normalizer().key("26.01.2022, 13:25"), "uk")
    assert found.time == (13, 25)


def test_text_without_a_date_has_none() -> None:
    assert find_dates(normalizer().key("Iran and Azerbaijan held talks."), "en") == []


def test_a_weekday_is_the_last_such_day_on_or_before_publication() -> None:
    tuesday = date(2004, 12, 28)
    assert weekday_before(tuesday, 2) == date(2004, 12, 22)  # "late Wednesday"
    assert weekday_before(date(2023, 10, 5), 2) == date(
        2023, 10, 4
    )  # "مساء الاربعاء", Thursday article


def test_relative_day_ranges_become_bounds() -> None:
    bounds = relative("reldays", [14, 0], "днями", date(2022, 1, 26))
    assert bounds is not None
    assert (bounds.earliest, bounds.latest) == (date(2022, 1, 12), date(2022, 1, 26))


def test_earlier_this_year_runs_from_new_year_to_publication() -> None:
    bounds = relative("relperiod", "year_to_date", "earlier this year", date(2004, 12, 28))
    assert bounds is not None
    assert (bounds.earliest, bounds.latest) == (date(2004, 1, 1), date(2004, 12, 28))


@pytest.mark.parametrize(
    ("sentence", "language", "expected"),
    [
        (
            "Ali Shamkhani said after meeting his Azeri counterpart late Wednesday.",
            "en",
            date(2004, 12, 22),
        ),
        ("الذي يزور طهران مساء الاربعاء", "ar", date(2004, 12, 22)),
        ("Министры встретились во вторник.", "ru", date(2004, 12, 28)),
        ("Bakan çarşamba günü görüştü.", "tr", date(2004, 12, 22)),
    ],
)
def test_weekday_names_resolve_against_publication(
    sentence: str, language: str, expected: date
) -> None:
    from kb.extract.mentions import matcher
    from kb.extract.segment import Doc

    doc = Doc.of(sentence)
    cues = [m for m in matcher(language).index.find(doc.words) if m.kind == "weekday"]
    assert cues, f"no weekday in {sentence!r}"
    bounds = relative("weekday", cues[0].payload, "", date(2004, 12, 28))
    assert bounds is not None and bounds.earliest == expected
