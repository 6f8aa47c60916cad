"""A broader topic's cue joined to a narrower topic's cue by a word or two ("Azerbaijan's
sovereignty and territorial integrity") is the narrower topic's statement, once; apart from it
(after a comma) it is a statement of its own.

The sentences are written for these tests (no article's text).
"""

from __future__ import annotations

import pytest

from tests.drafting import draft_of, stances

NARROWER = "territorial-integrity-of-azerbaijan"

JOINED = [
    (
        "az",
        "Bayramov bildirib ki, Tehran Azərbaycanın suverenliyinə və ərazi bütövlüyünə hörmətlə "
        "yanaşır.",
    ),
    (
        "tr",
        "Bayramov, Tahran'ın Azerbaycan'ın egemenliğine ve toprak bütünlüğüne saygı duyduğunu "
        "söyledi.",
    ),
    ("ar", "وقال بيراموف إن طهران تحترم سيادة ووحدة أراضي أذربيجان."),
    ("en", "Bayramov said Tehran respects Azerbaijan's sovereignty and territorial integrity."),
]

APART = [
    (
        "en",
        "Bayramov said Tehran respects Azerbaijan's sovereignty, and territorial integrity is a "
        "principle of international law.",
    ),
    (
        "tr",
        "Bayramov, Tahran'ın Azerbaycan'ın egemenliğine saygı duyduğunu, toprak bütünlüğünün ise "
        "uluslararası hukukun ilkesi olduğunu söyledi.",
    ),
]


@pytest.mark.parametrize(("language", "sentence"), JOINED)
def test_sovereignty_and_territorial_integrity_of_a_country_is_one_statement(
    language: str, sentence: str
) -> None:
    assert stances(draft_of(language, sentence)) == [(NARROWER, "affirms")]


@pytest.mark.parametrize(("language", "sentence"), APART)
def test_territorial_integrity_said_apart_is_a_statement_of_its_own(
    language: str, sentence: str
) -> None:
    assert [p for p, _ in stances(draft_of(language, sentence))] == [
        NARROWER,
        "territorial-integrity",
    ]
