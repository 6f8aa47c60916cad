"""The headline question: who affirmed Azerbaijan's territorial integrity, and when?"""

from __future__ import annotations

import pytest

from kb.namespaces import sparql_prologue
from kb.queries import saved_queries
from kb.store import Solutions, Store


@pytest.fixture(scope="module")
def answer(seed_store: Store) -> Solutions:
    saved = saved_queries()["who-affirmed-territorial-integrity"]
    return seed_store.select(sparql_prologue() + saved.bound({}))


def rows_of(answer: Solutions, speaker: str, source_language_hint: str) -> list[dict[str, str]]:
    plain = [{k: v.value for k, v in row.items()} for row in answer.rows]  # type: ignore[attr-defined]
    return [
        r
        for r in plain
        if r["speakerLabel"] == speaker and source_language_hint in r["sourceLabel"]
    ]


def test_zakir_hasanov_in_january_2022_from_the_ukrainian_article(answer: Solutions) -> None:
    (row,) = rows_of(answer, "Zakir Hasanov", "Ostanniy Bastion")
    assert row["date"] == "2022-01"
    assert "територіальної цілісності Азербайджану" in row["quote"]


def test_ali_akbar_ahmadian_in_october_2023_from_the_english_article(answer: Solutions) -> None:
    (row,) = rows_of(answer, "Ali Akbar Ahmadian", "Turan")
    assert row["date"] == "2023-10"
    assert "part of the territory of Azerbaijan" in row["quote"]


def test_amir_hatami_is_bounded_by_his_term_as_minister_of_defence(answer: Solutions) -> None:
    (row,) = rows_of(answer, "Amir Hatami", "undated")
    assert "date" not in row
    assert (row["earliest"], row["latest"]) == ("2017-08-20", "2021-08-25")
    assert "Amir Hatami held the office of Minister of Defence of Iran" in row["dateBasis"]
    assert "تمامیت ارضی" in row["quote"]


def test_every_answer_has_a_quote_a_source_and_a_date_or_bounds(answer: Solutions) -> None:
    assert len(answer.rows) >= 5
    for row in answer.rows:
        assert row["quote"] and row["source"] and row["sourceLabel"]
        assert "date" in row or "earliest" in row or "latest" in row


def test_every_answer_is_about_azerbaijan(seed_store: Store, answer: Solutions) -> None:
    statements = " ".join(str(row["statement"]) for row in answer.rows)
    about = seed_store.select(
        sparql_prologue()
        + f"""
        SELECT DISTINCT ?country WHERE {{
          VALUES ?statement {{ {statements} }}
          ?statement kb:position/kb:concerns ?country }}"""
    )
    assert [r["country"].value for r in about.rows] == ["https://w3id.org/kb/entity/azerbaijan"]  # type: ignore[attr-defined]
