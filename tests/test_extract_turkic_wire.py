"""Azerbaijani and Turkish wire reporting (APA, Report, Azertac, president.az; Anadolu, DHA
shapes): a title's country stands before it, so a country right after a title opens what is
said ("Prezident Azərbaycan ilə İran arasında ...") and is no partner of the title; "head of
our state" (dövlətimizin başçısı) is Azerbaijan's president, not the foreign president received.
Near misses: a country before a title is still its country; a foreign president's title still
names him.

The sentences are written for these tests (no article's text).
"""

from __future__ import annotations

import pytest

from tests.drafting import draft_of, said

RECEIVED = (
    "Prezident İlham Əliyev martın 14-də İran Prezidenti Məsud Pezeşkiani qəbul edib."
)


@pytest.mark.parametrize(
    ("language", "paragraphs", "speaker", "quote"),
    [
        (
            "az",
            (RECEIVED, "Prezident Azərbaycan ilə İran arasında ticarətin artdığını qeyd edib."),
            "ilham-aliyev",
            "Azərbaycan ilə İran arasında ticarətin artdığını",
        ),
        (
            "tr",
            (
                "Cumhurbaşkanı Recep Tayyip Erdoğan, Nahçıvan'da Azerbaycan Cumhurbaşkanı İlham "
                "Aliyev ile görüştü.",
                "Cumhurbaşkanı Türkiye ile Azerbaycan arasındaki ticaretin arttığını söyledi.",
            ),
            "recep-tayyip-erdogan",
            "Türkiye ile Azerbaycan arasındaki ticaretin arttığını",
        ),
    ],
)
def test_a_country_after_a_title_opens_what_is_said(
    language: str, paragraphs: tuple[str, ...], speaker: str, quote: str
) -> None:
    assert said(draft_of(language, *paragraphs)) == [(speaker, quote)]


def test_a_country_before_a_title_is_its_country() -> None:
    found = said(
        draft_of(
            "az",
            RECEIVED,
            "İran Prezidenti regionda sülh və sabitliyin qorunmasının vacibliyini bildirib.",
        )
    )
    assert found == [
        ("masoud-pezeshkian", "regionda sülh və sabitliyin qorunmasının vacibliyini")
    ]


def test_the_head_of_our_state_is_azerbaijans_president_not_the_guest() -> None:
    found = said(
        draft_of(
            "az",
            RECEIVED,
            "Dövlətimizin başçısı regiona kənar qüvvələrin müdaxiləsinin yolverilməz olduğunu "
            "vurğulayıb.",
        )
    )
    assert found == [
        ("ilham-aliyev", "regiona kənar qüvvələrin müdaxiləsinin yolverilməz olduğunu")
    ]
