"""Meeting constructions, in each language: each one yields the meeting, and its near miss
(a phone call, a letter, a decision, a visit with no partner) yields none.

The sentences are our own; the people are the registry's.
"""

from __future__ import annotations

import pytest

from kb.extract.pipeline import Options, extract

ARAGHCHI, ALIYEV, BAYRAMOV = "abbas-araghchi", "ilham-aliyev", "jeyhun-bayramov"


def met(language: str, text: str) -> list[set[str]]:
    """The people of each meeting extracted from a text."""
    draft = extract(text, Options(lang=language, published="2024-05-10"))
    return [{p["person"] for p in m["participants"]} for m in draft.form["meetings"]]


def rules_of(language: str, text: str) -> set[str]:
    draft = extract(text, Options(lang=language, published="2024-05-10"))
    return {v.value for notes in draft.extra.values() for _, v in notes if hasattr(v, "value")}


# (language, sentence that reports the meeting, the people who met)
HOST_AND_RECEIVE = [
    (
        "en",
        "President Ilham Aliyev received Abbas Araghchi in Baku on Monday afternoon.",
        {ALIYEV, ARAGHCHI},
    ),
    (
        "en",
        "Abbas Araghchi was received by President Ilham Aliyev in Baku on Monday.",
        {ALIYEV, ARAGHCHI},
    ),
    (
        "ru",
        "Президент Ильхам Алиев в понедельник принял в Баку Аббаса Аракчи и его делегацию.",
        {ALIYEV, ARAGHCHI},
    ),
    (
        "uk",
        "Президент Ільхам Алієв у понеділок прийняв у Баку Аббаса Арагчі та його делегацію.",
        {ALIYEV, ARAGHCHI},
    ),
    (
        "az",
        "Prezident İlham Əliyev bazar ertəsi Bakıda xarici işlər naziri Ceyhun Bayramovu qəbul edib.",
        {ALIYEV, BAYRAMOV},
    ),
    (
        "tr",
        "Dışişleri Bakanı Ceyhun Bayramov, bugün Bakü'de Cumhurbaşkanı İlham Aliyev tarafından kabul edildi.",
        {ALIYEV, BAYRAMOV},
    ),
    (
        "ar",
        "استقبل الرئيس إلهام علييف وزير الخارجية عباس عراقجي في باكو يوم الاثنين الماضي.",
        {ALIYEV, ARAGHCHI},
    ),
    ("fa", "الهام علی اف روز دوشنبه در باکو عباس عراقچی را به حضور پذیرفت.", {ALIYEV, ARAGHCHI}),
]

# (language, a sentence with a host or receive word that reports no meeting)
HOST_AND_RECEIVE_NEAR_MISSES = [
    ("en", "President Ilham Aliyev received a letter from Abbas Araghchi in Baku on Monday."),
    ("ru", "Президент Ильхам Алиев принял участие в саммите, на котором выступил Аракчи."),
    ("uk", "Президент Ільхам Алієв прийняв рішення після заяви Аббаса Арагчі у понеділок."),
    ("az", "Prezident İlham Əliyev bazar ertəsi Ceyhun Bayramovun hazırladığı qanunu qəbul edib."),
    (
        "tr",
        "Cumhurbaşkanı İlham Aliyev, bugün Ceyhun Bayramov'un daveti kabul etti ve açıklama yaptı.",
    ),
    ("ar", "أجرى وزير الخارجية عباس عراقجي محادثات هاتفية مع الرئيس إلهام علييف يوم الاثنين."),
    ("fa", "عراقچی روز دوشنبه در تماس تلفنی با الهام علی اف گفتگو کرد."),
]

NOMINAL_AND_PASSIVE = [
    (
        "en",
        "Talks between Abbas Araghchi and Jeyhun Bayramov were held in Baku on Monday.",
        {ARAGHCHI, BAYRAMOV},
    ),
    (
        "en",
        "Ilham Aliyev received a delegation led by Abbas Araghchi in Baku on Monday.",
        {ALIYEV, ARAGHCHI},
    ),
    (
        "ru",
        "Переговоры Аракчи и Ильхама Алиева прошли в понедельник в Москве и Баку.",
        {ARAGHCHI, ALIYEV},
    ),
    (
        "uk",
        "Переговори Аббаса Арагчі та Джейхуна Байрамова відбулися в понеділок у Баку.",
        {ARAGHCHI, BAYRAMOV},
    ),
    (
        "uk",
        "У понеділок у Баку зустрілися міністри Аббас Арагчі та Джейхун Байрамов.",
        {ARAGHCHI, BAYRAMOV},
    ),
    (
        "az",
        "Şənbə günü Bakıda Ceyhun Bayramovun başçılıq etdiyi heyət ilə Prezident İlham Əliyev "
        "görüşüb.",
        {ALIYEV, BAYRAMOV},
    ),
    ("ar", "عقد في باكو يوم الاثنين لقاء بين عراقجي وبيراموف لبحث العلاقات.", {ARAGHCHI, BAYRAMOV}),
    ("ar", "تم استقبال عراقجي من قبل الرئيس إلهام علييف في باكو يوم الاثنين.", {ALIYEV, ARAGHCHI}),
    ("fa", "عباس عراقچی روز دوشنبه با جیحون بایراموف دیدار و گفت‌وگو کرد.", {ARAGHCHI, BAYRAMOV}),
    (
        "fa",
        'حجت‌الاسلام "عباس عراقچی" روز دوشنبه در دیدار "جیحون بایراموف" بر همکاری تاکید کرد.',
        {ARAGHCHI, BAYRAMOV},
    ),
]

NOMINAL_NEAR_MISSES = [
    ("en", "Talks on the transport corridor were held in Baku, Abbas Araghchi said on Monday."),
    ("ru", "Аракчи и Байрамов в понедельник провели переговоры по телефону и обсудили коридор."),
    ("uk", "Аббас Арагчі та Джейхун Байрамов у понеділок провели переговори по телефону."),
    ("az", "Ceyhun Bayramov bazar ertəsi Abbas Əraqçi ilə telefonla görüşüb və danışıb."),
    ("tr", "Ceyhun Bayramov, bugün İlham Aliyev ile telefonda görüştü ve bölgeyi konuştu."),
    ("fa", "عباس عراقچی روز دوشنبه با جیحون بایراموف تلفنی گفتگو کرد و نظر داد."),
]

JOINT_ACTIONS = [
    (
        "en",
        "Abbas Araghchi and Jeyhun Bayramov signed a memorandum in Baku on Monday.",
        {ARAGHCHI, BAYRAMOV},
    ),
    (
        "en",
        "Abbas Araghchi held a joint press conference with Jeyhun Bayramov in Baku.",
        {ARAGHCHI, BAYRAMOV},
    ),
    (
        "fa",
        "عراقچی سه‌شنبه در یک نشست مطبوعاتی مشترک با جیحون بایراموف اعلام کرد که روابط خوب است.",
        {ARAGHCHI, BAYRAMOV},
    ),
    (
        "ru",
        "Аракчи и Байрамов подписали в понедельник в Баку меморандум о сотрудничестве.",
        {ARAGHCHI, BAYRAMOV},
    ),
]

JOINT_NEAR_MISSES = [
    ("en", "Ilham Aliyev signed a decree on Monday ahead of the visit of Abbas Araghchi."),
    ("en", "Abbas Araghchi told a press conference in Tehran on Monday that Baku is a friend."),
]


def _ids(cases: list[tuple[str, ...]]) -> list[str]:
    return [f"{case[0]}: {case[1][:40]}" for case in cases]


@pytest.mark.parametrize(
    ("language", "text", "people"),
    HOST_AND_RECEIVE + NOMINAL_AND_PASSIVE + JOINT_ACTIONS,
    ids=_ids(HOST_AND_RECEIVE + NOMINAL_AND_PASSIVE + JOINT_ACTIONS),
)
def test_construction_yields_the_meeting(language: str, text: str, people: set[str]) -> None:
    assert people in met(language, text)


@pytest.mark.parametrize(
    ("language", "text"),
    HOST_AND_RECEIVE_NEAR_MISSES + NOMINAL_NEAR_MISSES + JOINT_NEAR_MISSES,
    ids=_ids(HOST_AND_RECEIVE_NEAR_MISSES + NOMINAL_NEAR_MISSES + JOINT_NEAR_MISSES),
)
def test_near_miss_yields_no_meeting(language: str, text: str) -> None:
    assert met(language, text) == []


def test_a_joint_action_is_marked_by_its_rule() -> None:
    text = "Abbas Araghchi and Jeyhun Bayramov signed a memorandum in Baku on Monday."
    assert "meeting-joint-action" in rules_of("en", text)


def test_partners_are_found_across_the_whole_clause_not_a_fixed_window() -> None:
    text = (
        "عباس عراقچی روز دوشنبه با «جیحون بایراموف» وزیر امور خارجه جمهوری آذربایجان در باکو "
        "دیدار و گفت‌وگو کرد."
    )
    assert {ARAGHCHI, BAYRAMOV} in met("fa", text)


def test_a_later_visit_is_not_the_partner_of_an_earlier_meeting() -> None:
    text = (
        "Джейхун Байрамов отметил встречу министров в Москве, а также визит Аракчи в "
        "Азербайджан в прошлом году."
    )
    assert {BAYRAMOV, ARAGHCHI} not in met("ru", text)


RAISI, MIRZOYAN = "ebrahim-raisi", "ararat-mirzoyan"

# Groups and offices: "the presidents of X and Y" are the registry's holders at the date
# (published 2024-05-10 here), "the two presidents" the people just named.
GROUPS = [
    (
        "en",
        "The presidents of Azerbaijan and Iran met in Ashgabat on Monday to discuss ties.",
        {ALIYEV, RAISI},
    ),
    (
        "ru",
        "Президенты Азербайджана и Ирана встретились в понедельник в Ашхабаде и обсудили коридор.",
        {ALIYEV, RAISI},
    ),
    (
        "ar",
        "وتطرق الوزير إلى لقاء جمع بين الرئيسين الإيراني والأذربيجاني الشهر الماضي في عشق أباد.",
        {ALIYEV, RAISI},
    ),
    (
        "en",
        "Ilham Aliyev arrived in Tehran on Monday, where Ebrahim Raisi awaited him at the airport.\n"
        "The two presidents held talks at the palace on the next day.",
        {ALIYEV, RAISI},
    ),
]


@pytest.mark.parametrize(("language", "text", "people"), GROUPS, ids=_ids(GROUPS))
def test_a_group_is_the_office_holders_or_the_people_just_named(
    language: str, text: str, people: set[str]
) -> None:
    assert people in met(language, text)


def test_a_group_resolved_by_office_says_so() -> None:
    text = "The presidents of Azerbaijan and Iran met in Ashgabat on Monday to discuss ties."
    assert {"meeting-plural-office", "participant-office"} <= rules_of("en", text)


def test_a_rank_alone_with_no_one_named_is_no_meeting() -> None:
    assert (
        met("en", "The two presidents held talks in Ashgabat on Monday and discussed the corridor.")
        == []
    )


def test_what_follows_a_postposition_is_the_subject_not_the_partner() -> None:
    text = "Ceyhun Bayramov ile görüşen Abbas Arakçi, iki ülke arasındaki ilişkilerin geliştiğini söyledi."
    assert {ARAGHCHI, BAYRAMOV} in met("tr", text)


def test_a_meeting_noun_with_a_comitative_suffix() -> None:
    text = "Prezident İlham Əliyevin Ceyhun Bayramovla görüşməsi dünən Bakıda baş tutub."
    assert {ALIYEV, BAYRAMOV} in met("az", text)


def test_a_multilateral_meeting_keeps_every_named_participant() -> None:
    text = "Abbas Araghchi held trilateral talks with Jeyhun Bayramov and Ararat Mirzoyan in Tbilisi on Monday."
    assert met("en", text) == [{ARAGHCHI, BAYRAMOV, MIRZOYAN}]


def test_a_meeting_mentioned_in_passing_has_its_own_date() -> None:
    text = "Ilham Aliyev recalled his meeting with Abbas Araghchi in Ashgabat in June last year during the talks."
    draft = extract(text, Options(lang="en", published="2024-05-10"))
    (meeting,) = draft.form["meetings"]
    assert str(meeting["date"]["earliest"]) == "2023-06-01"


def test_the_people_a_meeting_was_attended_by_met_each_other() -> None:
    text = "The meeting, attended by Abbas Araghchi, Jeyhun Bayramov and Ararat Mirzoyan, was held in Tbilisi."
    assert met("en", text) == [{ARAGHCHI, BAYRAMOV, MIRZOYAN}]
    text = "В Баку прошла встреча с участием Аракчи и Ильхама Алиева, сообщает пресс-служба."
    assert met("ru", text) == [{ARAGHCHI, ALIYEV}]


def test_partners_after_with_did_not_meet_each_other_when_the_subject_is_unknown() -> None:
    text = "The Iranian envoy met with Jeyhun Bayramov and Ararat Mirzoyan in Tbilisi on Monday afternoon."
    assert met("en", text) == []


def test_an_office_inside_another_persons_title_is_no_participant() -> None:
    text = (
        "The foreign policy adviser of the President of Azerbaijan Jeyhun Bayramov met Abbas "
        "Araghchi in Tehran on Monday."
    )
    assert met("en", text) == [{BAYRAMOV, ARAGHCHI}]
    text = (
        "В Тегеране с Аракчи встретился советник президента Азербайджана по внешней политике "
        "Джейхун Байрамов."
    )
    assert met("ru", text) == [{BAYRAMOV, ARAGHCHI}]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "Abbas Araghchi received a copy of the credentials of Jeyhun Bayramov in Tehran on Monday.",
        ),
        (
            "ar",
            "ولدى تسلمه نسخة من أوراق اعتماد السفير جيهون بيراموف اليوم أعرب عباس عراقجي عن أمله بالتوفيق للسفير.",
        ),
    ],
)
def test_receiving_the_credentials_is_a_meeting_and_the_subject_may_follow(
    language: str, text: str
) -> None:
    assert met(language, text) == [{ARAGHCHI, BAYRAMOV}]


def test_a_name_in_the_clause_is_the_subject_before_a_pronoun() -> None:
    text = (
        "Nazir Abbas Əraqçi bu gün jurnalistlərlə danışıb və onların suallarına cavab verib.\n"
        "Onun dediyinə görə, prezident İbrahim Rəisinin Bakıya səfəri və Ceyhun Bayramovla "
        "görüşməsi çox uğurlu olub."
    )
    assert {RAISI, BAYRAMOV} in met("az", text)
    assert {ARAGHCHI, BAYRAMOV} not in met("az", text)


def test_a_partner_named_after_a_role_noun_and_a_rank_is_the_named_person() -> None:
    """The role noun ("naziri") stands for the same person as the name after the rank (in
    2026 Nəsirzadə is a minister): the partner is the name, which the postposed "with" follows."""
    text = (
        "Zakir Həsənov dünən Bakıda qonşu ölkənin hərbi təchizat naziri briqada generali Əziz "
        "Nəsirzadə ilə görüşüb."
    )

    def met_in_2026(text: str) -> list[set[str]]:
        draft = extract(text, Options(lang="az", published="2026-02-10"))
        return [{p["person"] for p in m["participants"]} for m in draft.form["meetings"]]

    assert met_in_2026(text) == [{"zakir-hasanov", "aziz-nasirzadeh"}]
    assert met_in_2026(text.replace("ilə görüşüb", "ilə telefonla danışıb")) == []


# (language, a summons by a named person, a summons by a ministry or country: no one named)
SUMMONS = [
    (
        "en",
        "Jeyhun Bayramov was summoned by Abbas Araghchi to the foreign ministry on Monday.",
        "Iran summoned the ambassador of Azerbaijan to the foreign ministry on Monday.",
    ),
    (
        "ru",
        "Аббас Аракчи в понедельник вызвал Джейхуна Байрамова в министерство иностранных дел.",
        "В понедельник посол Азербайджана был вызван в МИД Ирана.",
    ),
    (
        "uk",
        "Аббас Арагчі у понеділок викликав Джейхуна Байрамова до міністерства закордонних справ.",
        "У понеділок посла Азербайджану викликали до МЗС Ірану.",
    ),
    (
        "fa",
        "عباس عراقچی روز دوشنبه جیحون بایراموف را به وزارت امور خارجه احضار کرد.",
        "سفیر جمهوری آذربایجان روز دوشنبه به وزارت امور خارجه احضار شد.",
    ),
    (
        "ar",
        "استدعى عباس عراقجي جيهون بيراموف إلى وزارة الخارجية يوم الاثنين.",
        "استدعت وزارة الخارجية الإيرانية سفير أذربيجان يوم الاثنين.",
    ),
    (
        "az",
        "Ceyhun Bayramov bazar ertəsi Abbas Əraqçi tərəfindən Xarici İşlər Nazirliyinə çağırılıb.",
        "Azərbaycanın səfiri bazar ertəsi İranın Xarici İşlər Nazirliyinə çağırılıb.",
    ),
    (
        "tr",
        "Salı sabahı Ceyhun Bayramov, Tahran'da Abbas Arakçi tarafından bakanlığa çağrıldı.",
        "Abbas Arakçi, pazartesi günü tarafları barışa ve diyaloğa çağırdı.",
    ),
]


@pytest.mark.parametrize(("language", "text", "near_miss"), SUMMONS, ids=[s[0] for s in SUMMONS])
def test_a_summons_is_a_meeting_of_the_people_named(
    language: str, text: str, near_miss: str
) -> None:
    assert met(language, text) == [{ARAGHCHI, BAYRAMOV}]
    assert met(language, near_miss) == []


# (language, a meeting, the same talk held remotely: the manner anywhere in the clause)
REMOTE = [
    (
        "en",
        "Abbas Araghchi held talks with Jeyhun Bayramov in Baku on Monday.",
        "Abbas Araghchi held talks with Jeyhun Bayramov by video link on Monday.",
    ),
    (
        "ru",
        "Аббас Аракчи в понедельник провел переговоры с Джейхуном Байрамовым в Баку.",
        "Аббас Аракчи в понедельник провел переговоры с Джейхуном Байрамовым по видеосвязи.",
    ),
    (
        "uk",
        "Аббас Арагчі у понеділок провів переговори з Джейхуном Байрамовим у Баку.",
        "Аббас Арагчі у понеділок провів переговори з Джейхуном Байрамовим по відеозв'язку.",
    ),
    (
        "fa",
        "عراقچی سه‌شنبه در تهران با جیحون بایراموف گفت‌وگو کرد.",
        "عراقچی سه‌شنبه به صورت ویدئو کنفرانس با جیحون بایراموف گفت‌وگو کرد.",
    ),
    (
        "ar",
        "عقد عباس عراقجي محادثات مع جيهون بيراموف في باكو يوم الاثنين.",
        "عقد عباس عراقجي محادثات مع جيهون بيراموف عبر تقنية الفيديو يوم الاثنين.",
    ),
    (
        "az",
        "Abbas Əraqçi bazar ertəsi Bakıda Ceyhun Bayramovla görüşüb.",
        "Abbas Əraqçi bazar ertəsi Ceyhun Bayramovla videokonfrans vasitəsilə görüşüb.",
    ),
    (
        "tr",
        "Abbas Arakçi, pazartesi günü Bakü'de Ceyhun Bayramov ile görüştü.",
        "Abbas Arakçi, pazartesi günü Ceyhun Bayramov ile video konferans yoluyla görüştü.",
    ),
]


@pytest.mark.parametrize(("language", "text", "remote"), REMOTE, ids=[r[0] for r in REMOTE])
def test_a_talk_by_phone_or_video_link_is_no_meeting_wherever_the_clause_says_so(
    language: str, text: str, remote: str
) -> None:
    assert met(language, text) == [{ARAGHCHI, BAYRAMOV}]
    assert met(language, remote) == []


# (language, two people named, then "the two presidents" meet; the same meeting with no one
# named before it)
TWO_NAMED_THEN_A_GROUP = [
    (
        "tr",
        "İlham Aliyev pazartesi günü Tahran'a geldi, onu İbrahim Reisi karşıladı.\n",
        "İki cumhurbaşkanı sarayda bir araya geldi ve ilişkileri ele aldı.",
    ),
    (
        "az",
        "İlham Əliyev bazar ertəsi Tehrana gəlib, onu İbrahim Rəisi qarşılayıb.\n",
        "İki prezident sarayda görüşüb və iki ölkə arasındakı əlaqələri müzakirə edib.",
    ),
    (
        "ar",
        "وصل إلهام علييف إلى طهران يوم الاثنين ورحب به إبراهيم رئيسي.\n",
        "واجتمع رئيسا البلدين في القصر الرئاسي وبحثا العلاقات الثنائية.",
    ),
]


@pytest.mark.parametrize(
    ("language", "named", "group"),
    TWO_NAMED_THEN_A_GROUP,
    ids=[g[0] for g in TWO_NAMED_THEN_A_GROUP],
)
def test_two_presidents_are_the_two_just_named(language: str, named: str, group: str) -> None:
    assert met(language, named + group) == [{ALIYEV, RAISI}]
    assert met(language, group) == []


def test_a_date_printed_in_full_dates_the_meeting_of_an_undated_article() -> None:
    """No publication date: relative dates cannot be read, a printed one can, even with its
    day glued to the word before it ("روز20")."""
    text = (
        "خبرگزاری مهر گزارش داد که روابط دو کشور رو به گسترش است و طرفین بر همکاری تاکید دارند.\n"
        "عباس عراقچی در روز20 فروردین 1404 در باکو با جیحون بایراموف دیدار و گفت‌وگو کرد."
    )
    draft = extract(text, Options(lang="fa"))
    assert draft.form["source"].get("published") is None
    (meeting,) = draft.form["meetings"]
    assert str(meeting["date"]["earliest"]) == str(meeting["date"]["latest"]) == "2025-04-09"
    undated = extract(text.replace("در روز20 فروردین 1404 ", "دیروز "), Options(lang="fa"))
    assert "latest" not in undated.form["meetings"][0].get("date", {})  # the term's start only


def test_a_meeting_some_years_ago_is_dated_about_that_many_years_back() -> None:
    text = (
        "Two years ago, Ilham Aliyev met Abbas Araghchi in Baku, the ministry recalled on Friday."
    )
    draft = extract(text, Options(lang="en", published="2024-05-10"))
    (meeting,) = draft.form["meetings"]
    earliest, latest = meeting["date"]["earliest"], meeting["date"]["latest"]
    assert str(earliest) <= "2022-05-10" <= str(latest) and (latest - earliest).days < 366


def test_a_second_meeting_in_a_clause_of_its_own_is_that_clause_s_subject_s() -> None:
    text = (
        "Talks\n\nSergey Lavrov held talks with Ararat Mirzoyan on the sidelines, the ministry "
        "said, while Abbas Araghchi met Jeyhun Bayramov in the morning.\n"
    )
    assert met("en", text) == [{"sergey-lavrov", "ararat-mirzoyan"}, {ARAGHCHI, BAYRAMOV}]


def test_a_country_that_is_a_verb_s_subject_is_not_the_country_of_the_title_after_it() -> None:
    text = "Talks\n\nIran hosted foreign ministers from Russia, Turkey, Azerbaijan and Armenia.\n"
    ministers = {"sergey-lavrov", "hakan-fidan", BAYRAMOV, "ararat-mirzoyan"}
    # the host country stands for its own foreign minister (see test_extract_meetings_hosts.py)
    assert ministers | {"hossein-amir-abdollahian"} in met("en", text)
    # near miss: with no verb between them, the country is the title's ("Iran's foreign minister")
    assert {ARAGHCHI, BAYRAMOV} in met(
        "en", "Talks\n\nIran Foreign Minister Abbas Araghchi met Bayramov.\n"
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "أجرى أمين مجلس الأمن الروسي سيرغي شويغو سلسلة لقاءات في طهران مع كبار المسؤولين "
        "الإيرانيين، في مقدمتهم رئيس الجمهورية مسعود بزشكيان.",
        "عقد سيرغي شويغو اجتماعات في طهران مع الرئيس مسعود بزشكيان.",
        "أجرى سيرغي شويغو مشاورات في طهران مع الرئيس مسعود بزشكيان.",
    ],
)
def test_arabic_plural_meeting_nouns_report_meetings(sentence: str) -> None:
    assert {"sergei-shoigu", "masoud-pezeshkian"} in met("ar", "أخبار\n\n" + sentence + "\n")


def test_an_arabic_plural_noun_of_talks_with_no_partner_is_no_meeting() -> None:
    # near miss: talks announced, no one named to meet
    assert met("ar", "أخبار\n\nأعلن سيرغي شويغو أن اللقاءات ستستمر.\n") == []


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("fa", "سرگئی شویگو در تهران دیدارهایی با مقامات ایرانی از جمله مسعود پزشکیان داشت."),
        ("fa", "سرگئی شویگو در تهران با مسعود پزشکیان رایزنی‌هایی انجام داد."),
        ("az", "Sergey Şoyqu Tehranda Prezident Məsud Pezeşkianla görüşlər keçirib."),
        ("tr", "Sergey Şoygu, Tahran'da Cumhurbaşkanı Mesud Pezeşkiyan ile temaslarda bulundu."),
        ("en", "Sergei Shoigu held consultations in Tehran with President Masoud Pezeshkian."),
    ],
)
def test_a_series_of_meetings_or_consultations_is_a_meeting(language: str, sentence: str) -> None:
    assert {"sergei-shoigu", "masoud-pezeshkian"} in met(language, "News\n\n" + sentence + "\n")


def test_consultations_by_phone_are_no_meeting() -> None:
    text = "News\n\nSergei Shoigu held phone consultations with President Masoud Pezeshkian.\n"
    assert met("en", text) == []


@pytest.mark.parametrize(
    ("language", "lead", "sentence"),
    [
        (
            "fa",
            "هیئت ایرانی روز دوشنبه برای یک سفر رسمی دو روزه وارد باکو شد.",
            "رئیس جمهور ایران روز دوشنبه با الهام علی‌اف در باکو دیدار کرد.",
        ),
        (
            "en",
            "The Iranian delegation arrived in Baku on Monday for a two-day official visit.",
            "Iran's president met Ilham Aliyev in Baku.",
        ),
    ],
)
def test_an_office_before_with_or_a_meeting_verb_is_not_the_title_of_the_name_after(
    language: str, lead: str, sentence: str
) -> None:
    assert {"ebrahim-raisi", ALIYEV} in met(language, f"News\n\n{lead}\n\n{sentence}\n")


def test_an_office_right_before_a_name_is_still_its_title() -> None:
    # near miss: "رئیس جمهور ایران ابراهیم رئیسی" is one person
    text = (
        "News\n\nهیئت ایرانی روز دوشنبه برای یک سفر رسمی دو روزه وارد باکو شد.\n\n"
        "رئیس جمهور ایران ابراهیم رئیسی با الهام علی‌اف در باکو دیدار کرد.\n"
    )
    assert met("fa", text) == [{"ebrahim-raisi", ALIYEV}]


def test_the_head_of_a_country_s_delegation_is_not_that_country_s_president() -> None:
    text = (
        "News\n\nوصل الوفد الإيراني إلى باكو يوم الاثنين في زيارة رسمية تستغرق يومين.\n\n"
        "التقى رئيس الوفد الإيراني مع إلهام علييف في باكو يوم الاثنين.\n"
    )
    assert not any("ebrahim-raisi" in people for people in met("ar", text))


def test_people_who_held_separate_meetings_with_a_partner_did_not_meet_each_other() -> None:
    text = (
        "News\n\nThe Russian president arrived in the Turkish capital for a two-day visit.\n\n"
        "Ilham Aliyev and Nikol Pashinyan held separate meetings with Vladimir Putin.\n"
    )
    assert not any({ALIYEV, "nikol-pashinyan"} <= people for people in met("en", text))


def test_a_that_clause_ends_before_the_speaker_s_next_verb_joined_by_and() -> None:
    text = (
        "News\n\nThe Russian foreign minister arrived in the Turkish capital for a visit.\n\n"
        "Sergei Lavrov said that Vladimir Putin is ready for talks, and then met Hakan Fidan.\n"
    )
    assert met("en", text) == [{"sergey-lavrov", "hakan-fidan"}]


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        (
            "ru",
            "Президент Ирана Масуд Пезешкиан прибыл в Баку из Москвы с официальным визитом по "
            "приглашению Ильхама Алиева.",
        ),
        (
            "en",
            "Iranian President Masoud Pezeshkian arrived in Baku from Moscow on an official "
            "visit at the invitation of Ilham Aliyev.",
        ),
    ],
)
def test_the_place_a_visitor_came_from_is_not_the_visit_s_destination(
    language: str, sentence: str
) -> None:
    lead = "The Iranian president began a regional tour that will take him to three capitals."
    assert {"masoud-pezeshkian", ALIYEV} in met(language, f"News\n\n{lead}\n\n{sentence}\n")
