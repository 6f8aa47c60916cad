"""A host named by its country or city: "Iran hosted the foreign ministers of A and B" is a
meeting of those ministers with Iran's foreign minister at the article's date, as wire copy
tells it. The host counts only as the subject of a hosting verb (``hosting_verbs``) whose
guests are named by one plural office. Near misses: a country that welcomes a meeting held
elsewhere, a city the registry places in no country, and a country hosting talks between
people it names (a mediator's: its own official is not said to be there).

The sentences are our own; the people are the registry's (published 2023-10-24).
"""

from __future__ import annotations

import pytest

from kb.extract.pipeline import Options, extract

IRAN_FM, IRAN_DM = "hossein-amir-abdollahian", "mohammad-reza-gharaei-ashtiani"
LAVROV, FIDAN, BAYRAMOV = "sergey-lavrov", "hakan-fidan", "jeyhun-bayramov"
MIRZOYAN = "ararat-mirzoyan"


def met(language: str, text: str) -> list[set[str]]:
    draft = extract(text, Options(lang=language, published="2023-10-24"))
    return [{p["person"] for p in m["participants"]} for m in draft.form["meetings"]]


# (language, a country or city hosting office holders, who met)
HOSTED = [
    (
        "en",
        "Iran hosted the foreign ministers of Russia, Turkey and Azerbaijan in Tehran on Monday "
        "for a round of consultations on the region.",
        {IRAN_FM, LAVROV, FIDAN, BAYRAMOV},
    ),
    (
        "en",
        "Tehran hosted a meeting of the defence ministers of Russia and Azerbaijan on Monday, "
        "officials in the capital said.",
        {IRAN_DM, "sergei-shoigu", "zakir-hasanov"},
    ),
    (
        "en",
        "Hossein Amir-Abdollahian hosted the foreign ministers of Russia and Turkey in Tehran on "
        "Monday for a round of consultations.",
        {IRAN_FM, LAVROV, FIDAN},
    ),
    (
        "ru",
        "Баку принял министров иностранных дел России, Турции и Ирана в понедельник для "
        "консультаций по вопросам безопасности.",
        {BAYRAMOV, LAVROV, FIDAN, IRAN_FM},
    ),
    (
        "uk",
        "Іран прийняв міністрів закордонних справ Росії, Туреччини та Азербайджану в понеділок "
        "для консультацій щодо безпеки в регіоні.",
        {IRAN_FM, LAVROV, FIDAN, BAYRAMOV},
    ),
    (
        "tr",
        "İran, pazartesi günü Tahran'da Rusya, Türkiye, Azerbaycan ve Ermenistan dışişleri "
        "bakanlarını ağırladı ve bölgesel konuları ele aldı.",
        {IRAN_FM, LAVROV, FIDAN, BAYRAMOV, MIRZOYAN},
    ),
]


@pytest.mark.parametrize(("language", "text", "people"), HOSTED, ids=[c[0] for c in HOSTED])
def test_the_host_country_is_its_holder_of_the_guests_office(
    language: str, text: str, people: set[str]
) -> None:
    assert met(language, text) == [people]


# (language, a sentence where no host is a participant, who met)
NO_HOST = [
    (
        "en",
        "Iran welcomed the meeting of the foreign ministers of Russia and Turkey in Moscow on "
        "Monday, its spokesman said in a brief statement.",
        {LAVROV, FIDAN},
    ),
    (
        "en",
        "Geneva hosted the foreign ministers of Russia and Turkey on Monday for a round of "
        "consultations on regional security.",
        {LAVROV, FIDAN},
    ),
    (
        "en",
        "Iran hosted talks between Jeyhun Bayramov and Ararat Mirzoyan in Tehran on Monday, "
        "according to diplomats who followed them.",
        {BAYRAMOV, MIRZOYAN},
    ),
    (
        "en",
        "Iran hosted talks between the foreign ministers of Azerbaijan and Armenia in Tehran on "
        "Monday, according to diplomats.",
        {BAYRAMOV, MIRZOYAN},
    ),
    (
        "ru",
        "Тегеран приветствовал встречу министров иностранных дел России и Турции в Москве в "
        "понедельник, говорится в заявлении.",
        {LAVROV, FIDAN},
    ),
    (
        "tr",
        "İran, pazartesi günü Tahran'da Rusya, Türkiye, Azerbaycan ve Ermenistan dışişleri "
        "bakanları ile görüştü ve bölgesel konuları ele aldı.",
        {LAVROV, FIDAN, BAYRAMOV, MIRZOYAN},
    ),
]


@pytest.mark.parametrize(("language", "text", "people"), NO_HOST, ids=[c[0] for c in NO_HOST])
def test_no_host_joins_a_meeting_it_did_not_host_by_office(
    language: str, text: str, people: set[str]
) -> None:
    assert met(language, text) == [people]


def test_a_plural_title_after_a_list_of_countries_is_each_countrys() -> None:
    """Where the country comes before its title (tr), a plural title takes the whole list
    before it; a singular one only the country right before it."""
    singular = (
        "Hakan Fidan, pazartesi günü Bakü'de Rusya, Azerbaycan ve Ermenistan Dışişleri Bakanı "
        "Ararat Mirzoyan ile görüştü ve bölgesel konuları ele aldı."
    )
    assert met("tr", singular) == [{FIDAN, MIRZOYAN}]
