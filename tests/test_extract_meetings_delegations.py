"""A delegation referred back to: an article that named "a delegation led by X" and later says
someone "also received the Azerbaijani delegation" (``delegation_nouns``) tells of a meeting
with X. Near misses: a delegation of another country than the one X led, and a delegation
whose leader the article never named.

The sentences are our own; the people are the registry's (published 2024-11-14).
"""

from __future__ import annotations

import pytest

from kb.extract.pipeline import Options, extract

ARAGHCHI, MUSTAFAYEV = "abbas-araghchi", "shahin-mustafayev"

LED = {
    "en": (
        "An Azerbaijani delegation led by Deputy Prime Minister Shahin Mustafayev arrived in "
        "Tehran on Monday for talks on transport corridors.\n"
    ),
    "ru": (
        "Азербайджанская делегация во главе с вице-премьером Шахином Мустафаевым прибыла в "
        "понедельник в Тегеран для переговоров о транспортных коридорах.\n"
    ),
    "uk": (
        "Азербайджанська делегація на чолі з віцепрем'єром Шахіном Мустафаєвим прибула в "
        "понеділок до Тегерана для переговорів про транспортні коридори.\n"
    ),
    "tr": (
        "Başbakan Yardımcısı Şahin Mustafayev başkanlığındaki Azerbaycan heyeti pazartesi günü "
        "ulaştırma koridorları üzerine görüşmeler için Tahran'a geldi.\n"
    ),
    "fa": (
        "هیئتی به ریاست شاهین مصطفی‌یف معاون نخست وزیر جمهوری آذربایجان روز دوشنبه برای "
        "گفتگو درباره کریدورهای ترانزیتی وارد تهران شد.\n"
    ),
}

# (language, a later sentence referring back to the delegation)
REFERRED = [
    (
        "en",
        "Abbas Araghchi also received the Azerbaijani delegation later in the day, the "
        "ministry said.",
    ),
    ("en", "Abbas Araghchi met with the delegation later in the day, the ministry said."),
    ("ru", "Делегацию принял также министр иностранных дел Ирана Аббас Аракчи, сообщили в МИД."),
    ("ru", "Аббас Аракчи также встретился с делегацией позже в тот же день, сообщили в МИД."),
    (
        "uk",
        "Аббас Арагчі також прийняв азербайджанську делегацію пізніше того ж дня, повідомило "
        "міністерство.",
    ),
    ("tr", "Abbas Arakçi aynı gün heyeti de kabul etti, bakanlık açıkladı."),
    ("fa", "عباس عراقچی نیز همان روز هیئت آذربایجانی را به حضور پذیرفت."),
]


def met(language: str, text: str) -> list[set[str]]:
    draft = extract(text, Options(lang=language, published="2024-11-14"))
    return [{p["person"] for p in m["participants"]} for m in draft.form["meetings"]]


@pytest.mark.parametrize(("language", "later"), REFERRED, ids=[c[0] for c in REFERRED])
def test_the_delegation_referred_back_to_is_its_head_named_before(
    language: str, later: str
) -> None:
    assert met(language, LED[language] + later) == [{ARAGHCHI, MUSTAFAYEV}]


def test_a_verb_first_subject_receiving_the_delegation_met_its_head() -> None:
    text = (
        "وصل وفد برئاسة وزير الخارجية الأذربيجاني جيهون بيراموف إلى طهران يوم الاثنين لإجراء "
        "محادثات حول ممرات النقل.\n"
        "واستقبل الرئيس الإيراني مسعود بزشكيان الوفد في وقت لاحق من اليوم نفسه."
    )
    assert met("ar", text) == [{"masoud-pezeshkian", "jeyhun-bayramov"}]


def test_a_delegation_of_another_country_is_not_the_one_led_before() -> None:
    later = (
        "Abbas Araghchi also received the Turkish delegation later in the day, the ministry said."
    )
    assert met("en", LED["en"] + later) == []


def test_a_delegation_whose_leader_was_never_named_is_no_one() -> None:
    text = (
        "An Azerbaijani delegation arrived in Tehran on Monday for talks on transport corridors, "
        "officials said.\n"
        "Abbas Araghchi also received the Azerbaijani delegation later in the day, the ministry "
        "said."
    )
    assert met("en", text) == []
