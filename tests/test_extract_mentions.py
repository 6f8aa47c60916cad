"""People, offices, countries and places in every script, spelling and inflection."""

from __future__ import annotations

from datetime import date

import pytest

from kb.extract.mentions import Mention, find
from kb.extract.segment import Doc

ERA_2023 = (date(2023, 10, 5), date(2023, 10, 5))


def mentions(
    text: str, language: str, era: tuple[date | None, date | None] = (None, None)
) -> list[Mention]:
    doc = Doc.of(text)
    return find(doc, language, era, [True] * len(doc.words)).mentions


def people(
    text: str, language: str, era: tuple[date | None, date | None] = (None, None)
) -> set[str]:
    return {
        x.entity
        for x in mentions(text, language, era)
        if x.kind in ("person", "new-person", "office") and x.entity
    }


@pytest.mark.parametrize(
    ("text", "language", "person"),
    [
        ("зустріч міністра оборони Закіра Гасанова з колегою", "uk", "zakir-hasanov"),
        ("переговоры с Закиром Гасановым", "ru", "zakir-hasanov"),
        ("розмова з Ільхамом Алієвим", "uk", "ilham-aliyev"),
        (
            "з його іранським колегою Магаммедрезою Ґераї Аштіані",
            "uk",
            "mohammad-reza-gharaei-ashtiani",
        ),
        ("Hossein Amir Abdullahian", "en", "hossein-amir-abdollahian"),
        ("Hossein Amir Abdullahiyan", "en", "hossein-amir-abdollahian"),
    ],
)
def test_names_are_found_in_their_inflections_and_transliterations(
    text: str, language: str, person: str
) -> None:
    assert person in people(text, language)


@pytest.mark.parametrize(
    "text",
    [
        "ذاکر حسن‌اف وزیر دفاع",  # Persian letters, ZWNJ
        "ذاکر حسناف وزیر دفاع",  # ZWNJ missing
        "ذاكر حسن اف وزير دفاع",  # Arabic ك and ي, a space instead of ZWNJ
    ],
)
def test_persian_letter_variants_and_zwnj_match_the_same_person(text: str) -> None:
    assert "zakir-hasanov" in people(text, "fa")


def test_arabic_names_match_with_diacritics_hamza_and_spacing_variants() -> None:
    assert "hossein-amir-abdollahian" in people("مع وزير الخارجية حسين أميرعبد اللهيان", "ar")
    assert "hossein-amir-abdollahian" in people("واشار اميرعبداللهيان", "ar")
    assert "ilham-aliyev" in people("الرئيس إِلْهَام علييف", "ar")


def test_a_countrys_adjective_and_a_title_make_an_office() -> None:
    (office,) = [
        x for x in mentions("the Iranian Defence Minister said", "en") if x.kind == "office"
    ]
    assert office.offices == ["iran-minister-of-defence"]


@pytest.mark.parametrize(
    ("text", "language", "era", "person"),
    [
        ("talks with the President of Azerbaijan", "en", ERA_2023, "ilham-aliyev"),
        (
            "وزیر دفاع جمهوری اسلامی ایران گفت",
            "fa",
            (date(2019, 1, 1), date(2019, 1, 1)),
            "amir-hatami",
        ),
        (
            "вчора президент Росії заявив",
            "uk",
            (date(2022, 1, 26), date(2022, 1, 26)),
            "vladimir-putin",
        ),
    ],
)
def test_people_named_only_by_office_are_whoever_held_it_then(
    text: str, language: str, era: tuple[date, date], person: str
) -> None:
    assert person in people(text, language, era)


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        ("Iranian Defence Minister Farhad Karimzadeh arrived in Baku.", "en", "Farhad Karimzadeh"),
        ("Про це заявив міністр оборони Ірану Фархад Карімзаде.", "uk", "Фархад Карімзаде"),
        ("İran Dışişleri Bakanı Ferhat Kerimzade açıklama yaptı.", "tr", "Ferhat Kerimzade"),
        ("وقال وزير الخارجية الإيراني فرهاد كريمزاده في مؤتمر", "ar", "فرهاد كريمزاده"),
    ],
)
def test_unknown_people_introduced_by_an_office_become_new_entities(
    text: str, language: str, name: str
) -> None:
    new = [x for x in mentions(text, language) if x.kind == "new-person"]
    assert [x.name for x in new] == [name]
    assert new[0].entity and new[0].entity.isascii()


def test_lowercase_words_are_not_acronyms() -> None:
    assert all(x.entity != "united-states" for x in mentions("Follow us on social networks", "en"))
    assert any(x.entity == "united-states" for x in mentions("talks with the US", "en"))
