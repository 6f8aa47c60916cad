"""People joined by "and" into one subject speak together: "X and his counterpart Y welcomed
..." is a statement of each (a joint statement is entered once per participant)."""

from __future__ import annotations

import pytest

from .drafting import draft_of


def speakers(language: str, sentence: str) -> set[str]:
    return {item["speaker"] for item in draft_of(language, sentence).form["statements"]}


ALIYEV_PEZESHKIAN = {"ilham-aliyev", "masoud-pezeshkian"}


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        (
            "en",
            "President Ilham Aliyev and his Iranian counterpart Masoud Pezeshkian welcomed the "
            "progress in bilateral relations at the talks.",
        ),
        (
            "en",
            "President Ilham Aliyev and his Iranian counterpart Masoud Pezeshkian held talks in "
            "Baku, during which they welcomed the progress in bilateral relations.",
        ),
        (
            "ru",
            "Президент Ильхам Алиев и его иранский коллега Масуд Пезешкиан приветствовали "
            "прогресс в двусторонних отношениях на переговорах в Баку.",
        ),
    ],
)
def test_people_joined_by_and_before_the_verb_state_it_together(
    language: str, sentence: str
) -> None:
    assert speakers(language, sentence) == ALIYEV_PEZESHKIAN


def test_one_of_a_pair_named_again_before_the_verb_speaks_alone() -> None:
    # near miss: "where Aliyev said" is Aliyev's, not the pair's who met
    found = speakers(
        "en",
        "President Ilham Aliyev and Prime Minister Nikol Pashinyan met in Brussels on Monday, "
        "where Aliyev said that the peace treaty was ready for signing.",
    )
    assert found == {"ilham-aliyev"}


def test_a_name_after_a_comma_is_no_second_subject() -> None:
    # near miss: the greetings go to Pezeshkian (a dative after a comma), Aliyev assesses
    found = speakers(
        "tr",
        "Görüşmede Azerbaycan Cumhurbaşkanı İlham Aliyev, İran Cumhurbaşkanı Mesud "
        "Pezeşkiyan'a selamlarını ileterek ikili ilişkilerin geliştirilmesini önemli bir adım "
        "olarak değerlendirdi.",
    )
    assert "masoud-pezeshkian" not in found
