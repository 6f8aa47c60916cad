"""Three kinds of stance cue read in every language (stances.ttl): urgency ("as soon as
possible", "скорейшее", "bir an önce", "في أقرب وقت") calls for what it hastens; instability
or tension brought about ("leads to instability", "بی ثباتی", "istikrarsızlığa") warns; the
importance of something, as a noun ("vacibliyini", "önemini"), supports it. Near misses: a
thing said to come soon, stability said to have grown, a thing said to be done.

The sentences are written for these tests (no article's text).
"""

from __future__ import annotations

import pytest

from tests.drafting import draft_of, stances

PEACE = "regional-peace-and-stability"
TREATY = "karabakh-conflict-settlement"  # "the peace treaty between Baku and Yerevan"
FORCES = "extra-regional-forces"

CUED = [
    (
        "en",
        "Bayramov said the peace treaty between Baku and Yerevan must be signed as soon as "
        "possible.",
        TREATY,
        "calls-for",
    ),
    (
        "ru",
        "Байрамов заявил, что стороны подчеркнули важность скорейшего подписания мирного "
        "договора между Баку и Ереваном.",
        TREATY,
        "calls-for",
    ),
    (
        "tr",
        "Bayramov, Bakü ile Erivan arasındaki barış anlaşmasının bir an önce imzalanmasını "
        "istediklerini söyledi.",
        TREATY,
        "calls-for",
    ),
    (
        "en",
        "Bayramov said the presence of foreign forces in the South Caucasus leads to instability.",
        FORCES,
        "warns",
    ),
    (
        "ru",
        "Байрамов заявил, что присутствие внешних сил на Южном Кавказе ведёт к нестабильности.",
        FORCES,
        "warns",
    ),
    (
        "fa",
        "بایراموف گفت حضور نیروهای خارجی در قفقاز جنوبی جز بی ثباتی نتیجه‌ای ندارد.",
        FORCES,
        "warns",
    ),
    (
        "tr",
        "Bayramov, yabancı güçlerin Güney Kafkasya'daki varlığının istikrarsızlığa yol açtığını "
        "söyledi.",
        FORCES,
        "warns",
    ),
    (
        "az",
        "Bayramov regionda sülh və sabitliyin möhkəmləndirilməsinin vacibliyini vurğulayıb.",
        PEACE,
        "supports",
    ),
    (
        "tr",
        "Bayramov, bölgede barış ve istikrarın güçlendirilmesinin önemini vurguladı.",
        PEACE,
        "supports",
    ),
]

NEAR_MISSES = [
    (
        "en",
        "Bayramov said the peace treaty between Baku and Yerevan will be signed soon.",
        TREATY,
        "supports",  # the topic's own default stance, no call
    ),
    (
        "en",
        "Bayramov said the peace treaty between Baku and Yerevan will be signed next year at "
        "the earliest.",
        TREATY,
        "supports",  # "at the earliest" says when, not that it must be hastened
    ),
    (
        "uk",
        "Байрамов заявив, що мирний договір між Баку та Єреваном буде підписано невдовзі.",
        TREATY,
        "supports",
    ),
    ("en", "Bayramov said peace and stability in the region had grown stronger.", PEACE, "affirms"),
    (
        "az",
        "Bayramov regionda sülh və sabitliyin möhkəmləndirildiyini vurğulayıb.",
        PEACE,
        "affirms",
    ),
]


@pytest.mark.parametrize(("language", "sentence", "topic", "stance"), CUED)
def test_urgency_calls_for_instability_warns_importance_supports(
    language: str, sentence: str, topic: str, stance: str
) -> None:
    assert stances(draft_of(language, sentence)) == [(topic, stance)]


@pytest.mark.parametrize(("language", "sentence", "topic", "stance"), NEAR_MISSES)
def test_what_comes_soon_or_has_grown_is_no_call_and_no_warning(
    language: str, sentence: str, topic: str, stance: str
) -> None:
    assert stances(draft_of(language, sentence)) == [(topic, stance)]
