"""A content clause that names no topic but refers to one ("this project", "цей конфлікт", "هذه
العملية") takes the topic named just before it: in the same sentence outside the clause (rule
``topic-framing``) or in the sentences before (rule ``topic-back-reference``), with a lower
confidence than a topic named in the clause; so does a clause after a phrase that frames it
("Speaking about the corridor, X said that ..."). Near misses: a clause with no referring or
framing phrase stays unclassified, and a referring phrase far from any topic gives none.

The sentences are written for these tests (no article's text).
"""

from __future__ import annotations

import pytest

from kb.extract.pipeline import Draft
from kb.namespaces import KB
from tests.drafting import MET, draft_of

UNCLASSIFIED = "unclassified"


def _statement(draft: Draft, words: str) -> tuple[str, list[str], float]:
    """The position, rules and confidence of the statement whose quote holds these words."""
    for item in draft.form["statements"]:
        if words in item["quote"]:
            notes = draft.extra[item["id"]]
            rules = [value.value for key, value in notes if key == KB.rule]
            confidence = next(float(value.value) for key, value in notes if key == KB.confidence)
            return item["position"], rules, confidence
    raise AssertionError(f"no statement quotes {words!r}: {draft.form['statements']}")


FRAMED = [
    (
        "en",
        "The ministers spoke about the North-South transport corridor and voiced their "
        "confidence that this project will link the two seas.",
        "this project will link",
        "transport-corridors",
    ),
    (
        "ar",
        "ورحب عراقجي بالتوصل إلى اتفاق سلام بين أرمينيا وأذربيجان، معلناً استعداد طهران "
        "للمساعدة في هذه العملية.",
        "للمساعدة في هذه العملية",
        "karabakh-conflict-settlement",
    ),
]


@pytest.mark.parametrize(("language", "sentence", "words", "concept"), FRAMED)
def test_a_clause_referring_to_a_topic_of_its_sentence_takes_it(
    language: str, sentence: str, words: str, concept: str
) -> None:
    position, rules, confidence = _statement(draft_of(language, MET[language], sentence), words)
    assert position == concept
    assert "topic-framing" in rules
    assert confidence < 0.5  # below a topic named in the clause


BACK = [
    (
        "uk",
        "Аракчі заявив, що Іран підтримує врегулювання конфлікту навколо Нагірного Карабаху.",
        "Байрамов сказав, що цей конфлікт уже позаду і регіон має дивитися вперед.",
        "цей конфлікт уже позаду",
    ),
    (
        "ru",
        "Аракчи заявил, что Иран поддерживает урегулирование карабахского конфликта.",
        "Байрамов сказал, что этот конфликт остался в прошлом и регион смотрит вперед.",
        "этот конфликт остался",
    ),
    (
        "az",
        "Araqçi bildirib ki, İran Qarabağ münaqişəsinin həllini dəstəkləyir.",
        "Bayramov qeyd edib ki, bu münaqişə artıq keçmişdə qalıb və region irəliyə baxır.",
        "bu münaqişə artıq",
    ),
]


@pytest.mark.parametrize(("language", "first", "second", "words"), BACK)
def test_a_conflict_referred_back_to_is_the_one_named_before(
    language: str, first: str, second: str, words: str
) -> None:
    draft = draft_of(language, MET[language], first, second)
    position, rules, _ = _statement(draft, words)
    assert position == "karabakh-conflict-settlement"
    assert "topic-back-reference" in rules


def test_a_reference_goes_back_through_an_earlier_reference() -> None:
    draft = draft_of(
        "en",
        MET["en"],
        "Araghchi said Iran supports the settlement of the Karabakh conflict.",
        "Bayramov said this conflict had ended. He added that the region should look ahead. "
        "He said that this conflict must never return to the region.",
    )
    position, _, _ = _statement(draft, "this conflict must never return")
    assert position == "karabakh-conflict-settlement"


def test_near_miss_a_clause_with_no_referring_phrase_stays_unclassified() -> None:
    draft = draft_of(
        "en",
        MET["en"],
        "The ministers spoke about the North-South transport corridor and voiced their "
        "confidence that Azerbaijan will host many guests next year.",
    )
    position, _, _ = _statement(draft, "will host many guests")
    assert position == UNCLASSIFIED


def test_near_miss_a_referring_phrase_far_from_any_topic_names_none() -> None:
    draft = draft_of(
        "en",
        MET["en"],
        "Araghchi said Iran supports the settlement of the Karabakh conflict.",
        "The weather in Baku was warm. The guests visited the old city. They saw the museum. "
        "They had lunch by the sea.",
        "Bayramov said that this project will bring many tourists to Azerbaijan.",
    )
    position, _, _ = _statement(draft, "this project will bring")
    assert position == UNCLASSIFIED


FRAMERS = [
    (
        "en",
        "Speaking about the North-South transport corridor, Bayramov said that much work "
        "remains to be done on the Azerbaijani side.",
        "much work remains",
        "transport-corridors",
    ),
    (
        "ru",
        "Говоря о коридоре «Север — Юг», Байрамов отметил, что Азербайджан завершил свою "
        "часть работы.",
        "завершил свою часть",
        "transport-corridors",
    ),
    (  # a postposition after the topic
        "tr",
        "Kuzey-Güney koridoru hakkında konuşan Bayramov, Azerbaycan'ın kendi bölümünü "
        "tamamladığını söyledi.",
        "kendi bölümünü",
        "transport-corridors",
    ),
]


@pytest.mark.parametrize(("language", "sentence", "words", "concept"), FRAMERS)
def test_a_phrase_framing_the_statement_gives_its_topic(
    language: str, sentence: str, words: str, concept: str
) -> None:
    position, rules, _ = _statement(draft_of(language, MET[language], sentence), words)
    assert position == concept
    assert "topic-framing" in rules


def test_near_miss_a_topic_named_before_with_no_framing_phrase_gives_none() -> None:
    draft = draft_of(
        "en",
        MET["en"],
        "After the talks, which also covered the North-South transport corridor, Bayramov "
        "told reporters that Azerbaijan will host many guests next year.",
    )
    position, _, _ = _statement(draft, "will host many guests")
    assert position == UNCLASSIFIED


def test_near_miss_a_noun_with_no_demonstrative_names_its_own_thing() -> None:
    # "the conflict in Gaza" is not the Karabakh conflict named before
    draft = draft_of(
        "en",
        MET["en"],
        "The ministers discussed the peace treaty between Armenia and Azerbaijan. Araghchi "
        "said the conflict in Gaza must end at once.",
    )
    position, _, _ = _statement(draft, "the conflict in Gaza must end")
    assert position == UNCLASSIFIED
