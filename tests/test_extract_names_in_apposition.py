"""A person the registry does not know is introduced with a title in apposition: the name
first and the title after it between commas ("X, Iran's ambassador to Azerbaijan, said"), or
the title with its complement first and the name between commas ("Iran's envoy to Baku, X,
said"). A verb of speech between the commas makes a clause, not a title.

The sentences and the people in them are written for these tests.
"""

from __future__ import annotations

import pytest

from .drafting import MET, draft_of, said


def _new_people(language: str, sentence: str) -> dict[str, str | None]:
    draft = draft_of(language, sentence)
    return {item["id"]: item.get("country") for item in draft.entities()}


@pytest.mark.parametrize(
    ("language", "sentence", "speaker", "quote"),
    [
        (
            "en",
            "Farhad Rahimi, Iran's ambassador to Azerbaijan, said Tehran supports the peace "
            "process.",
            "farhad-rahimi",
            "Tehran supports the peace process",
        ),
        (
            "en",
            "On Monday, Farhad Rahimi, the Iranian ambassador, said Tehran supports the peace "
            "process.",
            "farhad-rahimi",
            "Tehran supports the peace process",
        ),
        (
            "en",
            "Iran's envoy to Baku, Farhad Rahimi, said Tehran supports the peace process.",
            "farhad-rahimi",
            "Tehran supports the peace process",
        ),
        (
            "en",
            "The spokesman for the Iranian government, Farhad Rahimi, said Iran supports the "
            "territorial integrity of Azerbaijan.",
            "farhad-rahimi",
            "Iran supports the territorial integrity of Azerbaijan",
        ),
        (
            "en",
            "Farhad Rahimi, Iran's deputy roads minister, said Tehran supports the peace process.",
            "farhad-rahimi",
            "Tehran supports the peace process",
        ),
        (
            "ru",
            "Фархад Рахими, посол Ирана в Азербайджане, заявил, что Тегеран поддерживает мирный "
            "процесс.",
            "farkhad-rakhimi",
            "Тегеран поддерживает мирный процесс",
        ),
        (
            "uk",
            "Фархад Рахімі, посол Ірану в Азербайджані, заявив, що Тегеран підтримує мирний "
            "процес.",
            "farkhad-rakhimi",
            "Тегеран підтримує мирний процес",
        ),
        (
            "ru",
            "Посол Ирана в Баку, Фархад Рахими, заявил, что Тегеран поддерживает мирный процесс.",
            "farkhad-rakhimi",
            "Тегеран поддерживает мирный процесс",
        ),
    ],
)
def test_a_new_person_with_a_title_in_apposition_is_the_speaker(
    language: str, sentence: str, speaker: str, quote: str
) -> None:
    assert said(draft_of(language, sentence)) == [(speaker, quote)]


@pytest.mark.parametrize(
    ("sentence", "country"),
    [
        (
            "Farhad Rahimi, Iran's ambassador to Azerbaijan, said Tehran supports the peace process.",
            "iran",
        ),
        (
            "Farhad Rahimi, the Azerbaijani ambassador in Tehran, said Baku supports the peace process.",
            "azerbaijan",
        ),
        (
            "Azerbaijan's envoy to Tehran, Farhad Rahimi, said Baku supports the peace process.",
            "azerbaijan",
        ),
    ],
)
def test_the_country_before_the_title_is_the_new_persons(sentence: str, country: str) -> None:
    assert _new_people("en", sentence) == {"farhad-rahimi": country}


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("en", "Farhad Rahimi, the minister said, supports the peace process."),
        ("ru", "Фархад Рахими, как сказал министр, поддерживает мирный процесс."),
    ],
)
def test_a_clause_between_commas_is_not_a_title(language: str, sentence: str) -> None:
    draft = draft_of(language, MET[language] + " " + sentence)
    assert draft.entities() == []
    assert [speaker for speaker, _ in said(draft)] == ["jeyhun-bayramov"]


def test_a_title_with_no_closing_comma_introduces_nobody() -> None:
    assert (
        _new_people(
            "en",
            "Farhad Rahimi, Iran's ambassador to Azerbaijan said Tehran supports the peace process.",
        )
        == {}
    )


def test_a_registered_person_between_commas_after_a_title_is_the_speaker() -> None:
    sentence = (
        "Iran's ambassador to Baku, Seyed Abbas Mousavi, said Iran supports the peace process."
    )
    assert said(draft_of("en", MET["en"], sentence)) == [
        ("abbas-mousavi", "Iran supports the peace process")
    ]
