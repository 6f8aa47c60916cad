"""Visits: a visit to a country whose clause names a person of that country is a meeting of
the visitor and that host; a person of the visitor's own country is no host.

The sentences are our own; the people are the registry's (published 2024-05-10: Raisi is
president of Iran).
"""

from __future__ import annotations

import pytest

from kb.extract.pipeline import Options, extract

ALIYEV, RAISI = "ilham-aliyev", "ebrahim-raisi"


def met(language: str, text: str) -> list[set[str]]:
    draft = extract(text, Options(lang=language, published="2024-05-10"))
    return [{p["person"] for p in m["participants"]} for m in draft.form["meetings"]]


# (language, a visit with its host named, the same visit with a compatriot instead)
VISITS = [
    (
        "en",
        "Ilham Aliyev, on an official visit to Iran, invited Ebrahim Raisi to Baku next year.",
        "Ilham Aliyev, on an official visit to Iran, invited Jeyhun Bayramov to Baku next year.",
    ),
    (
        "ru",
        "Ильхам Алиев в ходе официального визита в Иран вручил Эбрахиму Раиси высокую награду.",
        "Ильхам Алиев в ходе официального визита в Иран вручил Джейхуну Байрамову высокую награду.",
    ),
    (
        "uk",
        "Ільхам Алієв під час офіційного візиту до Ірану вручив Ебрагіму Раїсі високу нагороду.",
        "Ільхам Алієв під час офіційного візиту до Ірану вручив Джейхуну Байрамову високу нагороду.",
    ),
    (
        "fa",
        "الهام علی اف در سفر رسمی خود به ایران از ابراهیم رئیسی برای سفر به باکو دعوت کرد.",
        "الهام علی اف در سفر رسمی خود به ایران از جیحون بایراموف برای سفر به باکو دعوت کرد.",
    ),
    (
        "ar",
        "وجه إلهام علييف خلال زيارته الرسمية إلى إيران دعوة إلى إبراهيم رئيسي لزيارة باكو.",
        "وجه إلهام علييف خلال زيارته الرسمية إلى إيران دعوة إلى جيهون بيراموف لزيارة باكو.",
    ),
    (
        "az",
        "İlham Əliyev İrana rəsmi səfəri zamanı İbrahim Rəisini Bakıya dəvət edib.",
        "İlham Əliyev İrana rəsmi səfəri zamanı Ceyhun Bayramovu Bakıya dəvət edib.",
    ),
    (
        "tr",
        "İlham Aliyev'in Tahran ziyareti sırasında Cumhurbaşkanı İbrahim Reisi bir tören düzenledi.",
        "İlham Aliyev'in Tahran ziyareti sırasında Ceyhun Bayramov bir tören düzenledi.",
    ),
]


@pytest.mark.parametrize(("language", "text", "near_miss"), VISITS, ids=[v[0] for v in VISITS])
def test_a_visit_meets_the_host_named_in_its_clause(
    language: str, text: str, near_miss: str
) -> None:
    assert met(language, text) == [{ALIYEV, RAISI}]
    assert met(language, near_miss) == []


def test_each_of_two_visits_meets_the_other_countrys_visitor() -> None:
    text = (
        "The minister praised both the visit of Ilham Aliyev to Iran in April and the "
        "recent visit of Ebrahim Raisi to Azerbaijan."
    )
    assert met("en", text) == [{ALIYEV, RAISI}]


def test_a_visit_with_no_host_named_is_no_meeting() -> None:
    assert met("en", "Ebrahim Raisi was on a visit to Azerbaijan last week for a summit.") == []


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("ar", "وقال ناصر كنعاني حول زيارة جيهون بيراموف إلى طهران إنها مفيدة."),
        (
            "en",
            "Nasser Kanaani, speaking at his briefing on the visit of Jeyhun Bayramov to Tehran, "
            "praised the ties.",
        ),
    ],
)
def test_who_speaks_of_a_visit_is_not_its_host(language: str, text: str) -> None:
    assert met(language, text) == []
