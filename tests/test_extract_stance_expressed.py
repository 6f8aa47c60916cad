"""A stance expressed as a noun after a verb of expressing ("expressed hope, satisfaction,
displeasure", "expressed his satisfaction", "عن أمله", "əminliyini bildirib"), by thanks or
appreciation, or as a need ("requires", "потребують", "بحاجة إلى") is that stance (stances.ttl
cues, in every language); an opinion expressed, or a verb that only says, affirms.

The sentences are written for these tests (no article's text).
"""

from __future__ import annotations

import pytest

from tests.drafting import draft_of, stances

PEACE = "regional-peace-and-stability"  # a topic with no default stance of its own

EXPRESSED = [
    ("ar", "وأعرب بيراموف عن أمله في أن يسود السلام والاستقرار في المنطقة.", "hopes"),
    ("az", "Bayramov regionda sülh və sabitliyin möhkəmlənəcəyinə əminliyini bildirib.", "hopes"),
    ("uk", "Байрамов написав: «Упевнений, що мир і стабільність у регіоні зміцняться».", "hopes"),
    ("ar", "وأعرب بيراموف عن ارتياحه لتعزيز السلام والاستقرار في المنطقة.", "welcomes"),
    (
        "tr",
        "Bayramov, bölgede barış ve istikrara katkılarından dolayı İran'a teşekkür ederek "
        "görüşmeyi değerlendirdi.",
        "welcomes",
    ),
    (
        "en",
        "Bayramov said he highly appreciates the efforts for peace and stability in the region.",
        "welcomes",
    ),
    (
        "ar",
        "وأعرب بيراموف عن استيائه من الأعمال التي تهدد السلام والاستقرار في المنطقة.",
        "opposes",
    ),
    (
        "ru",
        "Байрамов выразил недовольство действиями, которые подрывают мир и стабильность в регионе.",
        "opposes",
    ),
    ("ar", "وقال بيراموف إن السلام والاستقرار في المنطقة بحاجة إلى خطوات عملية.", "calls-for"),
    (
        "uk",
        "Байрамов заявив, що мир і стабільність у регіоні потребують рішучих кроків.",
        "calls-for",
    ),
    (
        "en",
        "Bayramov said that peace and stability in the region requires practical steps.",
        "calls-for",
    ),
]

# with a possessive between the verb and the noun ("expressed his satisfaction", "выразил
# свою надежду"); the other languages mark it on the noun ("عن أمله", "ümidini")
POSSESSED = [
    (
        "en",
        "Bayramov expressed his satisfaction with the strengthening of peace and stability in "
        "the region.",
        "welcomes",
    ),
    (
        "en",
        "Bayramov expressed his confidence that peace and stability in the region will grow "
        "stronger.",
        "hopes",
    ),
    (
        "ru",
        "Байрамов выразил свою надежду на укрепление мира и стабильности в регионе.",
        "hopes",
    ),
    (
        "uk",
        "Байрамов висловив свою вдячність за зусилля заради миру і стабільності в регіоні.",
        "welcomes",
    ),
]

ONLY_SAID = [
    ("en", "Bayramov expressed his view on peace and stability in the region."),
    ("ar", "وأعرب بيراموف عن رأيه في السلام والاستقرار في المنطقة."),
    ("az", "Bayramov regionda sülh və sabitliyin möhkəmlənəcəyini bildirib."),
    ("en", "Bayramov said he highly values the efforts for peace and stability in the region."),
    (
        "ru",
        "Байрамов выразил мнение о действиях, которые касаются мира и стабильности в регионе.",
    ),
    ("uk", "Байрамов заявив, що мир і стабільність у регіоні принесуть рішучі кроки."),
]


@pytest.mark.parametrize(("language", "sentence", "stance"), EXPRESSED)
def test_a_stance_expressed_as_a_noun_or_a_need_is_that_stance(
    language: str, sentence: str, stance: str
) -> None:
    assert stances(draft_of(language, sentence)) == [(PEACE, stance)]


@pytest.mark.parametrize(("language", "sentence", "stance"), POSSESSED)
def test_a_stance_expressed_as_ones_own_noun_is_that_stance(
    language: str, sentence: str, stance: str
) -> None:
    assert stances(draft_of(language, sentence)) == [(PEACE, stance)]


@pytest.mark.parametrize(("language", "sentence"), ONLY_SAID)
def test_an_opinion_expressed_or_a_plain_saying_affirms(language: str, sentence: str) -> None:
    assert stances(draft_of(language, sentence)) == [(PEACE, "affirms")]
