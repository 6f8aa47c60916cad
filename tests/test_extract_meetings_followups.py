"""Meetings completed by the sentence after them: "the head of the delegation met X" with no
one named as the subject, then "at the meeting, Y said": Y met X. The near miss names X
again: X did not meet X.

The sentences are our own; the people are the registry's (published 2024-05-10).
"""

from __future__ import annotations

import pytest

from kb.extract.pipeline import Options, extract

ALIYEV, ARAGHCHI = "ilham-aliyev", "abbas-araghchi"


def met(language: str, text: str) -> list[set[str]]:
    draft = extract(text, Options(lang=language, published="2024-05-10"))
    return [{p["person"] for p in m["participants"]} for m in draft.form["meetings"]]


# (language, a meeting whose subject is unnamed, the next sentence, who it names, the partner)
NAMED_LATER = [
    (
        "en",
        "The head of the Iranian delegation met with Ilham Aliyev in Baku on Monday.\n",
        "Abbas Araghchi said at the meeting that the ties between the countries were growing.",
        "Abbas Araghchi",
        "Ilham Aliyev",
    ),
    (
        "ru",
        "Глава иранской делегации встретился с Ильхамом Алиевым в Баку в понедельник.\n",
        "На встрече Аббас Аракчи заявил, что связи между странами растут.",
        "Аббас Аракчи",
        "Ильхам Алиев",
    ),
    (
        "uk",
        "Голова іранської делегації зустрівся з Ільхамом Алієвим у Баку в понеділок.\n",
        "На зустрічі Аббас Арагчі заявив, що зв'язки між країнами зростають.",
        "Аббас Арагчі",
        "Ільхам Алієв",
    ),
    (
        "fa",
        "رئیس هیئت ایرانی روز دوشنبه در باکو با الهام علی اف دیدار کرد.\n",
        "عباس عراقچی در این دیدار گفت که روابط دو کشور رو به گسترش است.",
        "عباس عراقچی",
        "الهام علی اف",
    ),
    (
        "ar",
        "التقى رئيس الوفد الإيراني مع إلهام علييف في باكو يوم الاثنين.\n",
        "وقال عباس عراقجي خلال اللقاء إن العلاقات بين البلدين تتطور.",
        "عباس عراقجي",
        "إلهام علييف",
    ),
    (
        "az",
        "İran nümayəndə heyətinin başçısı bazar ertəsi Bakıda İlham Əliyevlə görüşüb.\n",
        "Abbas Əraqçi bu görüşdə iki ölkə arasında əlaqələrin inkişaf etdiyini vurğulayıb.",
        "Abbas Əraqçi",
        "İlham Əliyev",
    ),
    (
        "tr",
        "İran heyetinin başkanı pazartesi günü Bakü'de İlham Aliyev ile görüştü.\n",
        "Abbas Arakçi bu görüşmede iki ülke arasındaki ilişkilerin geliştiğini vurguladı.",
        "Abbas Arakçi",
        "İlham Aliyev",
    ),
]


@pytest.mark.parametrize(
    ("language", "meeting", "later", "named", "partner"),
    NAMED_LATER,
    ids=[n[0] for n in NAMED_LATER],
)
def test_the_person_named_at_the_meeting_met_its_partner(
    language: str, meeting: str, later: str, named: str, partner: str
) -> None:
    assert met(language, meeting + later) == [{ARAGHCHI, ALIYEV}]
    assert met(language, meeting + later.replace(named, partner)) == []


def test_a_meeting_far_later_does_not_complete_an_earlier_one() -> None:
    filler = "The weather in the capital was cold and the streets were quiet that week. " * 8
    text = (
        "The head of the Iranian delegation met with Ilham Aliyev in Baku on Monday.\n"
        + filler
        + "\nAbbas Araghchi said at the meeting that the ties between the countries were growing."
    )
    assert met("en", text) == []


RAISI = "ebrahim-raisi"

# (language, a reception, the guest's words on "your meeting with Raisi", the second-person
# phrase, the same without it)
ADDRESSED = [
    (
        "en",
        "Ilham Aliyev received Abbas Araghchi in Baku on Monday.\n",
        "Araghchi said: your meeting with Ebrahim Raisi in Tehran last year was historic.",
        "your meeting",
        "the meeting",
    ),
    (
        "ru",
        "Ильхам Алиев в понедельник принял в Баку Аббаса Аракчи.\n",
        "Аракчи сказал: ваша встреча с Эбрахимом Раиси в Тегеране была исторической.",
        "ваша встреча",
        "встреча",
    ),
    (
        "uk",
        "Ільхам Алієв у понеділок прийняв у Баку Аббаса Арагчі.\n",
        "Арагчі сказав: ваша зустріч з Ебрагімом Раїсі в Тегерані була історичною.",
        "ваша зустріч",
        "зустріч",
    ),
    (
        "fa",
        "الهام علی اف روز دوشنبه در باکو عباس عراقچی را به حضور پذیرفت.\n",
        "عراقچی گفت: دیدار شما با ابراهیم رئیسی در تهران تاریخی بود.",
        "دیدار شما",
        "دیدار",
    ),
    (
        "ar",
        "استقبل الرئيس إلهام علييف وزير الخارجية عباس عراقجي في باكو يوم الاثنين.\n",
        "وقال عراقجي: لقاء سيادتكم مع إبراهيم رئيسي في طهران كان تاريخيا.",
        "لقاء سيادتكم",
        "اللقاء",
    ),
    (
        "az",
        "Prezident İlham Əliyev bazar ertəsi Bakıda Abbas Əraqçini qəbul edib.\n",
        "Əraqçi deyib: sizin İbrahim Rəisi ilə Tehranda görüşünüz tarixi hadisə idi.",
        "sizin ",
        "",
    ),
    (
        "tr",
        "Cumhurbaşkanı İlham Aliyev, pazartesi günü Bakü'de Abbas Arakçi'yi kabul etti.\n",
        "Arakçi şöyle dedi: sizin İbrahim Reisi ile Tahran'daki görüşmeniz tarihi bir olaydı.",
        "sizin ",
        "",
    ),
]


@pytest.mark.parametrize(
    ("language", "reception", "words", "second_person", "plain"),
    ADDRESSED,
    ids=[a[0] for a in ADDRESSED],
)
def test_your_meeting_is_the_addressees_not_the_speakers(
    language: str, reception: str, words: str, second_person: str, plain: str
) -> None:
    meetings = met(language, reception + words)
    assert {ALIYEV, RAISI} in meetings and {ARAGHCHI, RAISI} not in meetings
    assert {ARAGHCHI, RAISI} in met(language, reception + words.replace(second_person, plain))
    assert met(language, words) == []  # no one spoken to is known


# (language, a statement quoted in the third person, a person's words in the first person)
QUOTED = [
    (
        "en",
        'The ministry said in a statement: "Jeyhun Bayramov was received by Abbas Araghchi in '
        'Tehran on Monday."',
        'Abbas Araghchi said: "We hope to meet with Jeyhun Bayramov in Tehran soon."',
    ),
    (
        "ru",
        "В заявлении министерства говорится: «Джейхун Байрамов был принят Аббасом Аракчи в "
        "Тегеране в понедельник».",
        "Аббас Аракчи сказал: «Мы надеемся встретиться с Джейхуном Байрамовым в Тегеране».",
    ),
    (
        "uk",
        "У заяві міністерства сказано: «Джейхуна Байрамова в понеділок прийняв у Тегерані "
        "Аббас Арагчі».",
        "Аббас Арагчі сказав: «Ми сподіваємося на зустріч з Джейхуном Байрамовим у Тегерані».",
    ),
    (
        "tr",
        'Bakanlığın açıklamasında, "Ceyhun Bayramov pazartesi günü Abbas Arakçi tarafından '
        "Tahran'da kabul edildi\" denildi.",
        'Abbas Arakçi, "Biz yakında Tahran\'da Ceyhun Bayramov ile görüşmeyi umuyoruz" dedi.',
    ),
    (
        "az",
        'Nazirliyin bəyanatında deyilir: "Ceyhun Bayramov bazar ertəsi Tehranda Abbas Əraqçi '
        'tərəfindən qəbul edilib".',
        'Abbas Əraqçi deyib: "Biz tezliklə Tehranda Ceyhun Bayramovla görüşməyi ümid edirik".',
    ),
    (
        "fa",
        "در بیانیه وزارت خارجه آمده است: «عباس عراقچی روز دوشنبه در تهران جیحون بایراموف را "
        "به حضور پذیرفت».",
        "عباس عراقچی گفت: «ما امیدواریم به زودی با جیحون بایراموف در تهران دیدار کنیم».",
    ),
    (
        "ar",
        'وجاء في بيان الوزارة: "استقبل عباس عراقجي جيهون بيراموف في طهران يوم الاثنين".',
        'وقال عباس عراقجي: "نحن نأمل أن نلتقي مع جيهون بيراموف في طهران قريبا".',
    ),
]


@pytest.mark.parametrize(("language", "statement", "words"), QUOTED, ids=[q[0] for q in QUOTED])
def test_a_quoted_statement_in_the_third_person_reports_its_meeting(
    language: str, statement: str, words: str
) -> None:
    draft = extract(statement, Options(lang=language, published="2024-10-10"))
    assert [{p["person"] for p in m["participants"]} for m in draft.form["meetings"]] == [
        {ARAGHCHI, "jeyhun-bayramov"}
    ]
    assert extract(words, Options(lang=language, published="2024-10-10")).form["meetings"] == []


# (language, a country summons a person, the next sentence names who received him)
SUMMONED_THEN_RECEIVED = [
    (
        "ru",
        "Иран в понедельник вызвал Джейхуна Байрамова в министерство иностранных дел.\n",
        "Там посла принял Аббас Аракчи, сообщило министерство.",
    ),
    (
        "uk",
        "Іран у понеділок викликав Джейхуна Байрамова до міністерства закордонних справ.\n",
        "Там посла прийняв Аббас Арагчі, повідомило міністерство.",
    ),
    (
        "tr",
        "İran, Ceyhun Bayramov'u pazartesi günü Dışişleri Bakanlığı'na çağırdı.\n",
        "Büyükelçi bakanlıkta Abbas Arakçi tarafından kabul edildi.",
    ),
    (
        "ar",
        "استدعت إيران جيهون بيراموف إلى وزارة الخارجية يوم الاثنين.\n",
        "وتم استقبال السفير من قبل عباس عراقجي في الوزارة.",
    ),
]


@pytest.mark.parametrize(
    ("language", "summons", "reception"),
    SUMMONED_THEN_RECEIVED,
    ids=[s[0] for s in SUMMONED_THEN_RECEIVED],
)
def test_who_received_a_person_a_country_summoned_met_him(
    language: str, summons: str, reception: str
) -> None:
    draft = extract(summons + reception, Options(lang=language, published="2024-10-10"))
    assert [{p["person"] for p in m["participants"]} for m in draft.form["meetings"]] == [
        {ARAGHCHI, "jeyhun-bayramov"}
    ]


def test_a_partner_after_by_completes_only_a_meeting_a_country_began() -> None:
    """An aide (no one named) met X; "received by Y" says nothing of Y meeting X."""
    text = (
        "Bir yardımcı pazartesi günü Ceyhun Bayramov ile görüştü.\n"
        "Büyükelçi bakanlıkta Abbas Arakçi tarafından kabul edildi."
    )
    assert extract(text, Options(lang="tr", published="2024-10-10")).form["meetings"] == []


# (language, a minister meets "his Azerbaijani counterpart", no one of Azerbaijan named)
COUNTERPARTS = [
    (
        "en",
        "Abbas Araghchi met his Azerbaijani counterpart in Tehran on Monday to discuss the corridor.",
    ),
    ("fa", "عباس عراقچی روز دوشنبه در تهران با همتای آذربایجانی خود دیدار کرد."),
    ("ru", "Аббас Аракчи в понедельник встретился в Тегеране со своим азербайджанским коллегой."),
    ("uk", "Аббас Арагчі у понеділок зустрівся в Тегерані зі своїм азербайджанським колегою."),
    ("az", "Abbas Əraqçi bazar ertəsi Tehranda azərbaycanlı həmkarı ilə görüşüb."),
]


@pytest.mark.parametrize(("language", "text"), COUNTERPARTS, ids=[c[0] for c in COUNTERPARTS])
def test_a_counterpart_no_one_named_is_the_holder_of_the_same_office(
    language: str, text: str
) -> None:
    """In October 2024 Araghchi is Iran's foreign minister, Bayramov Azerbaijan's."""
    draft = extract(text, Options(lang=language, published="2024-10-10"))
    assert [{p["person"] for p in m["participants"]} for m in draft.form["meetings"]] == [
        {ARAGHCHI, "jeyhun-bayramov"}
    ]


def test_a_counterpart_of_someone_holding_no_office_is_no_one() -> None:
    text = "The Iranian envoy met his Azerbaijani counterpart in Tehran on Monday to discuss trade."
    assert extract(text, Options(lang="en", published="2024-10-10")).form["meetings"] == []


def test_he_and_a_named_person_signing_met() -> None:
    """ "He" is the person the article just named; a title attached to a name is part of it."""
    text = (
        "Abbas Araghchi arrived in Baku on Sunday.\n"
        "On Monday he and President Ilham Aliyev signed a memorandum on transport."
    )
    assert met("en", text) == [{ARAGHCHI, ALIYEV}]
    assert (
        met("en", "On Monday he and President Ilham Aliyev signed a memorandum on transport.") == []
    )


def test_the_previous_trilateral_meeting_is_of_the_three_not_the_last_two() -> None:
    """A group named with "trilateral" is the latest meeting of three or more; without it, the
    latest meeting."""
    text = (
        "Владимир Путин провел в Москве трехсторонние переговоры с Ильхамом Алиевым и Николом "
        "Пашиняном.\nЗатем Путин отдельно встретился с Пашиняном.\n"
        "Прошлая трехсторонняя встреча лидеров состоялась в январе в Сочи."
    )
    three = {"vladimir-putin", ALIYEV, "nikol-pashinyan"}
    assert met("ru", text)[-1] == three
    assert met("ru", text.replace("Прошлая трехсторонняя", "Прошлая"))[-1] == three - {ALIYEV}


# (language, a quoted third-person statement of a reception, the same reception as a plan
# under a condition)
QUOTED_PLANS = [
    (
        "en",
        'The embassy said: "Abbas Araghchi was received by Foreign Minister Jeyhun Bayramov."',
        'The embassy said: "Abbas Araghchi will be received by Foreign Minister Jeyhun Bayramov '
        'if the talks resume."',
    ),
    (
        "ru",
        "В посольстве сообщили: «Аббаса Аракчи принял Джейхун Байрамов».",
        "В посольстве сообщили: «Аббаса Аракчи примет Джейхун Байрамов, если переговоры "
        "будут возобновлены».",
    ),
]


@pytest.mark.parametrize(
    ("language", "statement", "plan"), QUOTED_PLANS, ids=[q[0] for q in QUOTED_PLANS]
)
def test_a_quoted_meeting_in_the_future_or_under_a_condition_is_no_meeting(
    language: str, statement: str, plan: str
) -> None:
    draft = extract(statement, Options(lang=language, published="2024-10-10"))
    assert [{p["person"] for p in m["participants"]} for m in draft.form["meetings"]] == [
        {ARAGHCHI, "jeyhun-bayramov"}
    ]
    assert extract(plan, Options(lang=language, published="2024-10-10")).form["meetings"] == []


SUMMONS = "Iran summoned Jeyhun Bayramov to the foreign ministry on Monday.\n"


@pytest.mark.parametrize(
    "later",
    [
        "At the cabinet meeting, Abbas Araghchi said the economy grows.",
        "The rain stopped. The roads opened. The schools reopened.\n"
        "At the meeting, Abbas Araghchi said the economy grows.",
    ],
)
def test_a_later_meeting_refers_back_only_as_the_meeting_and_soon(later: str) -> None:
    """'At the meeting' in the next sentence is the summons; a meeting of another kind
    (the reviewer's counter-example) or one three sentences on is not."""
    soon = extract(
        SUMMONS + "At the meeting, Abbas Araghchi said the economy grows.",
        Options(lang="en", published="2024-10-10"),
    )
    assert [{p["person"] for p in m["participants"]} for m in soon.form["meetings"]] == [
        {ARAGHCHI, "jeyhun-bayramov"}
    ]
    late = extract(SUMMONS + later, Options(lang="en", published="2024-10-10"))
    assert late.form["meetings"] == []


def test_a_later_meeting_of_another_kind_is_not_the_summons_in_turkish() -> None:
    summons = "İran, Ceyhun Bayramov'u pazartesi günü bakanlığa çağırdı.\n"
    same = extract(
        summons + "Bu görüşmede Abbas Arakçi ekonominin büyüdüğünü söyledi.",
        Options(lang="tr", published="2024-10-10"),
    )
    assert [{p["person"] for p in m["participants"]} for m in same.form["meetings"]] == [
        {ARAGHCHI, "jeyhun-bayramov"}
    ]
    other = extract(
        summons + "Bu kabine toplantısında Abbas Arakçi ekonominin büyüdüğünü söyledi.",
        Options(lang="tr", published="2024-10-10"),
    )
    assert other.form["meetings"] == []
