"""A stance cue is a phrase of assessment, not a bare adjective or adverb that assesses
anything ("a historic disaster" welcomes nothing; "a historic visit" does).

The sentences are written for these tests (no article's text).
"""

from __future__ import annotations

from kb.extract.pipeline import Options, extract


def stances(language: str, sentence: str) -> list[str]:
    draft = extract(
        "Talks in the region\n\n" + sentence, Options(lang=language, published="2024-11-14")
    )
    return [item["stance"] for item in draft.form["statements"]]


def test_a_historic_visit_is_welcomed() -> None:
    assert stances(
        "en",
        "Erdogan said the visit of Ilham Aliyev to Ankara was a historic visit for the region.",
    ) == ["welcomes"]


def test_a_historic_disaster_is_not_welcomed() -> None:
    found = stances(
        "en",
        "Erdogan said that the earthquake was a historic disaster for cooperation between "
        "Turkey and Azerbaijan.",
    )
    assert found and "welcomes" not in found


def test_fortunately_alone_welcomes_nothing() -> None:
    found = stances(
        "en",
        "Erdogan said that fortunately the earthquake had not stopped cooperation between "
        "Turkey and Azerbaijan.",
    )
    assert "welcomes" not in found
