"""Who said what: each rule of reading reported speech, in each language, with a near miss.

The sentences are written for these tests (no article's text). Each test extracts a short
article and looks at the statements: who speaks, and the quote (always verbatim).
"""

from __future__ import annotations

from typing import Any

import pytest

from kb.extract.pipeline import Draft

from .drafting import draft_of, said


def notes(draft: Draft, item: dict[str, Any]) -> dict[str, Any]:
    return draft.notes()[item["id"]]


# -- 1. quotations over sentences and paragraphs --------------------------------------------


@pytest.mark.parametrize(
    ("language", "paragraphs", "speaker", "quotes"),
    [
        (
            "ru",
            [
                "Глава МИД Азербайджана Джейхун Байрамов провел переговоры в Баку в четверг.",
                "«Наши страны связывают давние добрые отношения. Мы готовы развивать "
                "торговлю и транзит», — сказал Байрамов журналистам после встречи.",
            ],
            "jeyhun-bayramov",
            ["Наши страны связывают давние добрые отношения", "Мы готовы развивать торговлю"],
        ),
        (
            "en",
            [
                "Iranian Foreign Minister Abbas Araghchi spoke to reporters in Baku on Monday.",
                '"Our two countries share a long history of good relations and look ahead.',
                '"We will expand trade and transit across the border," Araghchi said after '
                "the talks ended in the evening.",
            ],
            "abbas-araghchi",
            ["Our two countries share a long history of good relations"],
        ),
    ],
)
def test_an_attribution_after_a_quotation_attributes_the_whole_block(
    language: str, paragraphs: list[str], speaker: str, quotes: list[str]
) -> None:
    found = said(draft_of(language, *paragraphs))
    for quote in quotes:
        assert any(s == speaker and quote in q for s, q in found), (quote, found)


def test_a_detached_line_after_a_quotation_names_its_speaker() -> None:
    draft = draft_of(
        "ru",
        "Министр иностранных дел России Сергей Лавров встретился с коллегой в Москве.",
        "«Мы поддерживаем мирный процесс между соседями и готовы помочь сторонам в "
        "переговорах о мирном договоре.",
        "Это отвечает интересам всего региона».",
        "– Сергей Лавров",
    )
    assert ("sergey-lavrov", "Это отвечает интересам всего региона") in said(draft)


def test_a_quotation_with_no_attribution_has_no_speaker() -> None:
    """Near miss: a quoted block nobody is said to have spoken states nothing."""
    draft = draft_of(
        "ru",
        "В Баку прошли переговоры делегаций двух стран по вопросам торговли и транзита.",
        "«Отношения между странами должны развиваться и дальше, несмотря на трудности».",
    )
    assert said(draft) == []


def test_a_closing_mark_never_opens_a_quotation() -> None:
    """A stray closing mark before a reporting verb does not turn the words after it into a
    quotation: Aliyev's statement is reported speech, its quote the clause after "that"."""
    draft = draft_of(
        "en",
        "President Ilham Aliyev received the delegation in Baku on Monday afternoon.",
        "The talks were held in a friendly atmosphere» and Ilham Aliyev said that relations "
        "between the two countries are developing successfully in all fields.",
    )
    (item,) = [s for s in draft.form["statements"] if s["speaker"] == "ilham-aliyev"]
    assert item["speech"] == "reported"
    assert item["quote"].startswith("relations between the two countries")


# -- 2. one statement per reporting verb and content clause ---------------------------------


@pytest.mark.parametrize(
    ("language", "sentence", "speaker", "quotes"),
    [
        (
            "en",
            "Foreign Minister Jeyhun Bayramov said that trade with Iran is growing fast, "
            "stressing that the North-South transport corridor must be completed soon.",
            "jeyhun-bayramov",
            ["trade with Iran is growing fast", "the North-South transport corridor must"],
        ),
        (
            "tr",
            "Dışişleri Bakanı Ceyhun Bayramov, iki ülke arasındaki ilişkilerin her alanda "
            "geliştiğini ve ortak projelerin hızla uygulandığını söyledi.",
            "jeyhun-bayramov",
            ["ilişkilerin her alanda geliştiğini", "ortak projelerin hızla uygulandığını"],
        ),
        (
            "ar",
            "وأكد وزير الخارجية جيهون بيراموف أهمية تطوير العلاقات الثنائية بين البلدين، "
            "مشيرا إلى ضرورة توسيع التعاون الاقتصادي في المنطقة.",
            "jeyhun-bayramov",
            ["أهمية تطوير العلاقات الثنائية", "ضرورة توسيع التعاون الاقتصادي"],
        ),
    ],
)
def test_each_reporting_verb_and_content_clause_is_a_statement(
    language: str, sentence: str, speaker: str, quotes: list[str]
) -> None:
    found = said(draft_of(language, sentence))
    for quote in quotes:
        assert any(s == speaker and quote in q for s, q in found), (quote, found)
    assert not any(quotes[0] in q and quotes[1] in q for _, q in found)


def test_a_nominalised_verb_is_what_is_said_not_a_reporting_verb() -> None:
    """Near miss: "söylediğini" is the content clause of "belirtti", not a second act."""
    draft = draft_of(
        "tr",
        "Dışişleri Bakanı Ceyhun Bayramov, komşularla iyi ilişkiler kurmanın önemli "
        "olduğunu söylediğini belirtti.",
    )
    assert len(draft.form["statements"]) == 1


# -- 3. verb-final word order ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "sentence", "quote"),
    [
        (
            "az",
            "Xarici işlər naziri Ceyhun Bayramov iki ölkə arasında əməkdaşlığın uğurla "
            "inkişaf etdiyini vurğulayıb.",
            "iki ölkə arasında əməkdaşlığın uğurla inkişaf etdiyini",
        ),
        (
            "fa",
            "جیحون بایراموف وزیر امور خارجه آذربایجان روابط دو کشور را بسیار خوب و رو به "
            "گسترش توصیف کرد.",
            "روابط دو کشور را بسیار خوب و رو به گسترش",
        ),
    ],
)
def test_in_a_verb_final_language_the_quote_is_the_clause_before_the_verb(
    language: str, sentence: str, quote: str
) -> None:
    found = said(draft_of(language, sentence))
    assert any(s == "jeyhun-bayramov" and q == quote for s, q in found), found


# -- 4. speaker continuity; countries only as subjects --------------------------------------


@pytest.mark.parametrize(
    ("language", "paragraphs", "quote"),
    [
        (
            "en",
            [
                "Foreign Minister Jeyhun Bayramov said that relations with Iran are good.",
                "He added that the two countries will expand trade and transit links soon.",
            ],
            "the two countries will expand trade",
        ),
        (
            "ar",
            [
                "قال وزير الخارجية جيهون بيراموف إن العلاقات مع إيران جيدة جدا.",
                "وأضاف أن البلدين سيوسعان التجارة والعبور في المستقبل القريب.",
            ],
            "البلدين سيوسعان التجارة",
        ),
        (
            "az",
            [
                "Xarici işlər naziri Ceyhun Bayramov bildirib ki, İranla münasibətlər yaxşıdır.",
                "Bildirib ki, iki ölkə ticarət və tranzit əlaqələrini genişləndirəcək.",
            ],
            "iki ölkə ticarət və tranzit",
        ),
    ],
)
def test_a_reporting_verb_without_a_subject_continues_the_speaker(
    language: str, paragraphs: list[str], quote: str
) -> None:
    draft = draft_of(language, *paragraphs)
    (item,) = [s for s in draft.form["statements"] if quote in s["quote"]]
    assert item["speaker"] == "jeyhun-bayramov"
    assert notes(draft, item)["confidence"] < 0.75  # a weaker rule


def test_a_country_is_a_speaker_only_as_the_subject() -> None:
    """Near miss: "Azerbaijan" before "and added" is in the clause before, not the subject;
    the ministry right before its verb is."""
    draft = draft_of(
        "en",
        "Foreign Minister Abbas Araghchi praised the ties between Iran and Azerbaijan, and "
        "added that trade must grow in the coming years.",
        "Iran's Foreign Ministry said that the border crossings will stay open for trucks.",
    )
    speakers = {s: q for s, q in said(draft)}
    assert "government-of-azerbaijan" not in speakers
    assert any("trade must grow" in q for s, q in said(draft) if s == "abbas-araghchi")


def test_no_resolvable_speaker_means_no_statement() -> None:
    draft = draft_of("en", "It is said that the new railway will be completed in two years.")
    assert said(draft) == []


def test_a_genitive_name_is_not_the_speaker() -> None:
    """Near miss: the name of whose letter was delivered does not speak."""
    draft = draft_of(
        "en",
        "The envoy handed over Ilham Aliyev's letter and said that Baku values the "
        "friendly relations with its neighbours.",
    )
    assert all(s != "ilham-aliyev" for s, _ in said(draft))


# -- 5. joint statements --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "paragraphs"),
    [
        (
            "en",
            [
                "Foreign Minister Jeyhun Bayramov met with Iranian Foreign Minister Abbas "
                "Araghchi in Baku on Monday.",
                "The sides noted the importance of the North-South transport corridor for "
                "the region.",
            ],
        ),
        (
            "ar",
            [
                "التقى وزير الخارجية جيهون بيراموف في باكو يوم الاثنين مع وزير الخارجية "
                "الإيراني عباس عراقجي.",
                "وأكد الجانبان على أهمية ممر الشمال-الجنوب للنقل في المنطقة.",
            ],
        ),
    ],
)
def test_a_joint_statement_belongs_to_every_participant(
    language: str, paragraphs: list[str]
) -> None:
    found = said(draft_of(language, *paragraphs))
    speakers = {s for s, _ in found}
    assert {"jeyhun-bayramov", "abbas-araghchi"} <= speakers
    quotes = {q for _, q in found}
    assert len(quotes) == 1  # the same quote for both


# -- 6. bare titles -------------------------------------------------------------------------


def test_a_bare_title_is_the_person_introduced_with_that_office() -> None:
    draft = draft_of(
        "en",
        "Azerbaijani Defence Minister Zakir Hasanov met Iranian Foreign Minister Abbas "
        "Araghchi in Baku on Monday.",
        "The defence minister said that military cooperation between the two countries will grow.",
    )
    (item,) = draft.form["statements"]
    assert item["speaker"] == "zakir-hasanov"


def test_a_bare_title_nobody_holds_in_the_article_has_no_speaker() -> None:
    """Near miss: "the general" refers to no one the article introduced."""
    draft = draft_of(
        "en",
        "Foreign Minister Jeyhun Bayramov met the delegation in Baku on Monday morning.",
        "The general said that military cooperation between the two countries will grow.",
    )
    assert all(s != "jeyhun-bayramov" for s, _ in said(draft))


# -- 7. stance without a topic --------------------------------------------------------------


def test_a_clause_with_no_known_topic_is_an_unclassified_statement() -> None:
    draft = draft_of(
        "uk",
        "Міністр закордонних справ Азербайджану Джейхун Байрамов зустрівся з колегою в Баку.",
        "Байрамов заявив, що сподівається на швидке завершення будівництва нового мосту.",
    )
    (item,) = draft.form["statements"]
    assert item["position"] == "unclassified"
    assert notes(draft, item)["confidence"] <= 0.3


def test_a_disaster_report_states_no_position() -> None:
    """Near miss: an official quoted on a fire, in an article with no politics in it."""
    draft = draft_of(
        "en",
        "A fire broke out in a warehouse in Baku on Monday night, officials said.",
        "The head of the fire service Rashad Aliyev said that nobody was injured and the "
        "causes of the fire are being investigated.",
    )
    assert said(draft) == []


# -- 8. rules and confidence ----------------------------------------------------------------


def test_every_statement_carries_its_rules_and_a_confidence() -> None:
    draft = draft_of(
        "en",
        "Foreign Minister Jeyhun Bayramov said that the North-South transport corridor "
        "matters to the whole region.",
    )
    for item in draft.form["statements"]:
        note = notes(draft, item)
        assert note["rules"] and 0 < note["confidence"] <= 1
        assert any(r.startswith("act-") for r in note["rules"])


def test_also_keeps_the_speaker_and_in_turn_hands_over() -> None:
    """ "كما" (also) before a verb with no subject: the same speaker; "بدوره" (in turn): someone
    else, here unnamed, so no statement for the first speaker."""
    draft = draft_of(
        "ar",
        "قال وزير الخارجية جيهون بيراموف إن العلاقات مع إيران جيدة جدا.",
        "كما رحب بتوسيع التعاون الاقتصادي بين البلدين في المستقبل القريب.",
        "بدوره اعتبر الضيف أن الحوار بين البلدين مفيد للمنطقة كلها.",
    )
    found = said(draft)
    assert any(s == "jeyhun-bayramov" and "بتوسيع التعاون" in q for s, q in found), found
    assert not any("الحوار بين البلدين" in q for _, q in found), found
