"""Three stances said in a phrase of the speaker's own state (stances.ttl cues, in every
language): an intention denied ("has no intention", "не має наміру", "niyyətində deyil") rejects
what follows, and decides over a cue inside it ("against", "проти"), as readiness and hope do;
determination expressed ("expressed his determination", "عن عزمه") supports; being pleased
("we are pleased", "bizi sevindirir", "يسعدنا") welcomes. Near misses: an intention held,
being determined without expressing it, and a thing that only concerns the speaker.

The sentences are written for these tests (no article's text).
"""

from __future__ import annotations

import pytest

from tests.drafting import draft_of, stances

PEACE = "regional-peace-and-stability"  # a topic with no default stance of its own

NO_INTENTION = [
    (
        "en",
        "Bayramov said Azerbaijan has no intention of joining any operation against peace and "
        "stability in the region.",
    ),
    (
        "uk",
        "Байрамов заявив, що Баку не має наміру долучатися до будь-яких операцій "
        "проти миру і стабільності в регіоні.",
    ),
    (
        "ru",
        "Байрамов заявил, что Азербайджан не намерен участвовать в каких-либо операциях против "
        "мира и стабильности в регионе.",
    ),
    (
        "ar",
        "وقال بيراموف إن أذربيجان لا تنوي المشاركة في أي عمليات ضد السلام والاستقرار في المنطقة.",
    ),
    (
        "tr",
        "Bayramov, Azerbaycan'ın bölgede barış ve istikrara karşı hiçbir operasyona katılma "
        "niyetinde olmadığını söyledi.",
    ),
    (
        "fa",
        "بایراموف گفت جمهوری آذربایجان قصد ندارد در هیچ عملیاتی علیه صلح و ثبات در منطقه شرکت کند.",
    ),
    (
        "az",
        "Bayramov bildirib ki, Azərbaycan regionda sülh və sabitliyin pozulmasına yönələn heç bir "
        "əməliyyatda iştirak etmək niyyətində deyil.",
    ),
]

EXPRESSED = [
    (
        "en",
        "Bayramov expressed his determination to strengthen peace and stability in the region.",
        "supports",
    ),
    ("ru", "Байрамов выразил решимость укреплять мир и стабильность в регионе.", "supports"),
    ("ar", "وأعرب بيراموف عن عزمه على تعزيز السلام والاستقرار في المنطقة.", "supports"),
    (
        "en",
        'Bayramov said: "We are pleased with the strengthening of peace and stability in the '
        'region".',
        "welcomes",
    ),
    ("uk", "Байрамов заявив: «Нас тішить зміцнення миру і стабільності в регіоні».", "welcomes"),
    ("ar", "وقال بيراموف: يسعدنا تعزيز السلام والاستقرار في المنطقة.", "welcomes"),
    ("fa", "بایراموف گفت: از تقویت صلح و ثبات در منطقه خرسندیم.", "welcomes"),
    (
        "az",
        'Bayramov deyib: "Regionda sülh və sabitliyin möhkəmlənməsi bizi sevindirir".',
        "welcomes",
    ),
    (
        "tr",
        "Bayramov, bölgede barış ve istikrarın güçlenmesinden memnuniyet duyduğunu söyledi.",
        "welcomes",
    ),
    (
        "tr",
        "Bayramov, bölgede barış ve istikrarı zayıflatan adımlardan rahatsızlık duyduğunu söyledi.",
        "opposes",
    ),
]

NEAR_MISSES = [
    (
        "en",
        "Bayramov said Azerbaijan intends to join an operation against the threats to peace and "
        "stability in the region.",
        "opposes",
    ),
    (
        "az",
        "Bayramov bildirib ki, Azərbaycan regionda sülh və sabitliyin möhkəmlənməsinə yönələn "
        "əməliyyatlarda iştirak etmək niyyətindədir.",
        "affirms",
    ),
    (
        "fa",
        "بایراموف گفت جمهوری آذربایجان مصمم است صلح و ثبات در منطقه را تقویت کند.",
        "affirms",
    ),
    (
        "az",
        'Bayramov deyib: "Regionda sülh və sabitliyin möhkəmlənməsi bizi düşündürür".',
        "affirms",
    ),
    (
        "tr",
        "Bayramov, bölgede barış ve istikrarın güçlenmesini beklediğini söyledi.",
        "affirms",
    ),
]


@pytest.mark.parametrize(("language", "sentence"), NO_INTENTION)
def test_an_intention_denied_rejects_even_against_a_cue_inside_it(
    language: str, sentence: str
) -> None:
    assert stances(draft_of(language, sentence)) == [(PEACE, "rejects")]


@pytest.mark.parametrize(("language", "sentence", "stance"), EXPRESSED)
def test_determination_expressed_supports_and_being_pleased_welcomes(
    language: str, sentence: str, stance: str
) -> None:
    assert stances(draft_of(language, sentence)) == [(PEACE, stance)]


@pytest.mark.parametrize(("language", "sentence", "stance"), NEAR_MISSES)
def test_an_intention_held_or_a_concern_is_no_such_stance(
    language: str, sentence: str, stance: str
) -> None:
    assert stances(draft_of(language, sentence)) == [(PEACE, stance)]
