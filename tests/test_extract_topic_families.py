"""Topic cue families that wire copy uses in every language: a partnership, common or mutual
interests and "the relations between" are the bilateral relations; high-level, mutual or
official visits and hosting a visit are diplomatic exchanges; the conflict "around" Karabakh,
the Karabakh "problem" and a peace agreement are the Karabakh settlement. Inflected forms
are matched by rule, not listed: an Azerbaijani word with a possessive and a case ending
("münasibətlərinin", "probleminə"), a Persian plural with its ezafe ("همکاری‌های"). Near misses:
a brother, tourists' visits and another war are none of these. A cue ending in "with" gives way
to the topic right after it ("relations with Israel").

The sentences are written for these tests (no article's text).
"""

from __future__ import annotations

import pytest

from tests.drafting import MET, draft_of, stances

BILATERAL = "bilateral-relations"
EXCHANGES = "diplomatic-exchanges"
SETTLEMENT = "karabakh-conflict-settlement"

FAMILIES = [
    ("en", "Araghchi said the strategic partnership with Baku keeps growing.", BILATERAL),
    ("ru", "Аракчи заявил, что у Ирана и Азербайджана много общего.", BILATERAL),
    ("uk", "Аракчі заявив, що Іран і Азербайджан пов'язує стратегічне партнерство.", BILATERAL),
    (
        "az",
        "Araqçi bildirib ki, Azərbaycanla İran arasındakı əlaqələrin dərin kökləri var.",
        BILATERAL,
    ),
    ("tr", "Arakçi, iki ülke arasındaki ilişkilerin köklü olduğunu söyledi.", BILATERAL),
    ("fa", "عراقچی گفت ایران و جمهوری آذربایجان منافع متقابل بسیاری دارند.", BILATERAL),
    ("ar", "وقال عراقجي إن الشراکة الثنائية مع أذربيجان تتقدم بثبات.", BILATERAL),  # Persian kaf
    (
        "en",
        "Araghchi said high-level visits between Tehran and Baku had become regular.",
        EXCHANGES,
    ),
    ("ru", "Аракчи заявил, что взаимные визиты министров стали регулярными.", EXCHANGES),
    ("uk", "Аракчі заявив, що офіційні візити міністрів стали регулярними.", EXCHANGES),
    ("az", "Araqçi bildirib ki, yüksək səviyyəli səfərlər müntəzəm xarakter alıb.", EXCHANGES),
    (
        "tr",
        "Arakçi, İran'ın Aliyev'in Tahran ziyaretine ev sahipliği yapmaya hazır olduğunu söyledi.",
        EXCHANGES,
    ),
    ("fa", "عراقچی گفت رفت و آمدهای سطح بالا میان دو کشور ادامه دارد.", EXCHANGES),
    ("ar", "وقال عراقجي إن الزيارات المتبادلة بين البلدين أصبحت منتظمة.", EXCHANGES),
    (
        "uk",
        "Аракчі заявив, що завершення конфлікту навколо Нагірного Карабаху відкриває нові "
        "можливості.",
        SETTLEMENT,
    ),
    ("en", "Araghchi said the conflict over Nagorno-Karabakh belongs to the past.", SETTLEMENT),
    ("fa", "عراقچی گفت مسئله قره‌باغ باید با گفتگو حل شود.", SETTLEMENT),
    ("ar", "وقال عراقجي إن التوصل إلى اتفاق سلام بات قريبا.", SETTLEMENT),
    (
        "az",
        "Araqçi bildirib ki, İran Dağlıq Qarabağ probleminə həmişə diqqət yetirib.",
        SETTLEMENT,
    ),
    ("tr", "Arakçi, Karabağ meselesine kalıcı bir çözüm bulunacağını söyledi.", SETTLEMENT),
    ("ru", "Аракчи заявил, что конфликт вокруг Нагорного Карабаха остался в прошлом.", SETTLEMENT),
]


@pytest.mark.parametrize(("language", "sentence", "concept"), FAMILIES)
def test_a_family_of_wire_phrasings_names_its_topic(
    language: str, sentence: str, concept: str
) -> None:
    positions = [position for position, _ in stances(draft_of(language, MET[language], sentence))]
    assert concept in positions


INFLECTED = [
    (
        "az",
        "Araqçi bildirib ki, Tehran bütün qonşu ölkələrlə dostluq münasibətlərinin qurulmasına önəm verir.",
        BILATERAL,
    ),
    ("fa", "عراقچی بر همکاری‌های دو کشور در مجامع بین‌المللی تاکید کرد.", BILATERAL),
]


@pytest.mark.parametrize(("language", "sentence", "concept"), INFLECTED)
def test_an_inflected_form_of_a_cue_word_is_matched_by_rule(
    language: str, sentence: str, concept: str
) -> None:
    positions = [position for position, _ in stances(draft_of(language, MET[language], sentence))]
    assert concept in positions


NEAR_MISSES = [
    ("en", "Araghchi said his brother had studied medicine in Tabriz for many years.", BILATERAL),
    ("en", "Araghchi said tourist visits to the old city of Baku had doubled.", EXCHANGES),
    ("en", "Araghchi said the war in Gaza must end without further delay.", SETTLEMENT),
    ("az", "Araqçi Novruz bayramı münasibətilə Azərbaycan xalqını təbrik edib.", BILATERAL),
]


@pytest.mark.parametrize(("language", "sentence", "concept"), NEAR_MISSES)
def test_near_miss_a_like_phrase_of_another_kind_is_not_the_topic(
    language: str, sentence: str, concept: str
) -> None:
    positions = [position for position, _ in stances(draft_of(language, MET[language], sentence))]
    assert concept not in positions


WITH_SIDE = [
    ("en", "Araghchi said Iran values its relations with Azerbaijan.", BILATERAL),
    ("en", "Araghchi warned Baku against deepening its ties with Israel.", "israel-in-the-region"),
    ("ru", "Аракчи предостерег Баку от развития отношений с Израилем.", "israel-in-the-region"),
    ("uk", "Аракчі заявив, що Іран цінує відносини з Азербайджаном.", BILATERAL),
    (  # near miss: the topic after "with" comes later, past the other side
        "en",
        "Bayramov said Baku would sign a peace agreement with Armenia based on respect for "
        "territorial integrity.",
        SETTLEMENT,
    ),
]


@pytest.mark.parametrize(("language", "sentence", "concept"), WITH_SIDE)
def test_relations_with_a_side_that_is_a_topic_are_about_that_side(
    language: str, sentence: str, concept: str
) -> None:
    # "relations with" is the bilateral relations, unless what follows "with" names a topic
    positions = [position for position, _ in stances(draft_of(language, MET[language], sentence))]
    assert positions == [concept]


LONGER_PHRASE = [
    (
        "en",
        "Araghchi welcomed the normalization of relations between Armenia and Azerbaijan.",
        SETTLEMENT,
    ),
    ("fa", "عراقچی گفت روابط جمهوری آذربایجان و ارمنستان رو به بهبود است.", SETTLEMENT),
    (
        "ru",
        "Аракчи заявил, что армяно-азербайджанские отношения постепенно улучшаются.",
        SETTLEMENT,
    ),
    # near miss: the relations of two other countries stay the bilateral relations
    ("en", "Araghchi praised the relations between Iran and Azerbaijan.", BILATERAL),
    ("tr", "Arakçi, ilişkilerin her alanda genişleyeceğini söyledi.", BILATERAL),
    ("ar", "وقال عراقجي إن تنفيذ الاتفاقيات في شتى المجالات يحتاج إلى خطوات عملية.", BILATERAL),
]


@pytest.mark.parametrize(("language", "sentence", "concept"), LONGER_PHRASE)
def test_a_cue_inside_a_longer_cue_gives_way_to_it(
    language: str, sentence: str, concept: str
) -> None:
    # "relations between" inside "relations between Armenia and Azerbaijan" is the settlement
    positions = [position for position, _ in stances(draft_of(language, MET[language], sentence))]
    assert positions == [concept]
