"""Common ways Russian, Ukrainian, Turkish and Azerbaijani news attribute a position, each
with a near miss that must not fire.

The sentences are written for these tests (no article's text). Each test extracts a short
article and looks at who is said to speak and what (always verbatim).
"""

from __future__ import annotations

import pytest

from kb.extract.pipeline import Options, extract

from .drafting import MET, draft_of, said

HEADLINE = {"ru": "Новости региона", "uk": "Новини регіону", "tr": "Bölgeden haberler",
            "az": "Regiondan xəbərlər"}  # fmt: skip


def statements(language: str, *paragraphs: str) -> list[tuple[str, str]]:
    """(speaker, quote) of an article in the language, under a headline in it."""
    return said(draft_of(language, HEADLINE[language], *paragraphs))


def speakers(language: str, *paragraphs: str) -> set[str]:
    return {speaker for speaker, _ in statements(language, *paragraphs)}


# -- 1. reporting verbs and phrases ----------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "paragraphs", "speaker", "quote"),
    [
        (  # "in X's opinion"
            "ru",
            [
                "Министр иностранных дел России Сергей Лавров прибыл в Ереван.",
                "По мнению Лаврова, Армения и Азербайджан должны как можно скорее подписать "
                "мирный договор.",
            ],
            "sergey-lavrov",
            "Армения и Азербайджан должны как можно скорее подписать мирный договор",
        ),
        (
            "uk",
            [
                "Міністр закордонних справ Росії Сергій Лавров прибув до Єревана.",
                "На думку Лаврова, Вірменія та Азербайджан мають якнайшвидше підписати мирний "
                "договір.",
            ],
            "sergey-lavrov",
            "Вірменія та Азербайджан мають якнайшвидше підписати мирний договір",
        ),
        (  # the present tense of an analysis piece
            "ru",
            [
                "Глава МИД Ирана Аббас Аракчи заявляет, что Тегеран не допустит изменения границ "
                "на Южном Кавказе."
            ],
            "abbas-araghchi",
            "Тегеран не допустит изменения границ на Южном Кавказе",
        ),
        (
            "uk",
            [
                "Очільник МЗС Ірану Аббас Арагчі наголошує, що Тегеран не допустить зміни кордонів "
                "на Південному Кавказі."
            ],
            "abbas-araghchi",
            "Тегеран не допустить зміни кордонів на Південному Кавказі",
        ),
        (  # "accused"
            "ru",
            [
                "Министр иностранных дел Армении Арарат Мирзоян обвинил Азербайджан в срыве "
                "мирного процесса."
            ],
            "ararat-mirzoyan",
            "Азербайджан в срыве мирного процесса",
        ),
        (
            "uk",
            [
                "Міністр закордонних справ Вірменії Арарат Мірзоян звинуватив Азербайджан у "
                "зриві мирного процесу."
            ],
            "ararat-mirzoyan",
            "Азербайджан у зриві мирного процесу",
        ),
        (
            "tr",
            [
                "Ermenistan Dışişleri Bakanı Ararat Mirzoyan, Azerbaycan'ı barış sürecini "
                "baltalamakla suçladı."
            ],
            "ararat-mirzoyan",
            "Azerbaycan'ı barış sürecini baltalamakla",
        ),
        (
            "az",
            [
                "Ermənistanın xarici işlər naziri Ararat Mirzoyan Azərbaycanı sülh prosesini "
                "pozmaqda ittiham edib."
            ],
            "ararat-mirzoyan",
            "Azərbaycanı sülh prosesini pozmaqda",
        ),
        (  # "remarked"
            "uk",
            [
                "Президент Азербайджану Ільхам Алієв виступив на форумі в Баку.",
                "Глава держави зауважив, що Азербайджан не має територіальних претензій до "
                "сусідів.",
            ],
            "ilham-aliyev",
            "Азербайджан не має територіальних претензій до сусідів",
        ),
        (  # "warned against"
            "ru",
            [
                "Президент Ирана Масуд Пезешкиан предостерег от вмешательства внешних сил в дела "
                "Южного Кавказа."
            ],
            "masoud-pezeshkian",
            "от вмешательства внешних сил в дела Южного Кавказа",
        ),
        (  # "confirmed"
            "tr",
            [
                "Dışişleri Bakanı Hakan Fidan, Türkiye'nin Azerbaycan ile Ermenistan arasındaki "
                "barış anlaşmasını desteklediğini teyit etti."
            ],
            "hakan-fidan",
            "Türkiye'nin Azerbaycan ile Ermenistan arasındaki barış anlaşmasını desteklediğini",
        ),
        (
            "az",
            [
                "Rusiyanın xarici işlər naziri Sergey Lavrov Moskvanın sülh sazişinin "
                "imzalanmasına kömək etməyə hazır olduğunu təsdiqləyib."
            ],
            "sergey-lavrov",
            "Moskvanın sülh sazişinin imzalanmasına kömək etməyə hazır olduğunu",
        ),
        (  # "welcomed"
            "tr",
            [
                "Azerbaycan Cumhurbaşkanı İlham Aliyev, ulaştırma hatlarının açılmasına ilişkin "
                "varılan mutabakatı memnuniyetle karşıladı."
            ],
            "ilham-aliyev",
            "ulaştırma hatlarının açılmasına ilişkin varılan mutabakatı",
        ),
    ],
)
def test_a_reporting_verb_or_phrase_of_the_language_reports_a_position(
    language: str, paragraphs: list[str], speaker: str, quote: str
) -> None:
    found = statements(language, *paragraphs)
    assert any(s == speaker and quote in q for s, q in found), found


@pytest.mark.parametrize(
    ("language", "paragraphs"),
    [
        # an opinion nobody named holds
        (
            "ru",
            [
                "По мнению экспертов, Армения и Азербайджан должны как можно скорее подписать "
                "мирный договор."
            ],
        ),
        # the noun of a reporting verb, and an impersonal form: no one speaks
        (
            "ru",
            [
                "Обвинения в срыве мирного процесса звучат все чаще.",
                "В Баку отмечается, что Армения и Азербайджан должны подписать мирный договор.",
            ],
        ),
        # a passive of a reporting verb (not in the table of its endings)
        ("az", ["Moskvanın sülh sazişinin imzalanmasına kömək etməyə hazır olduğu təsdiqlənib."]),
        # the noun "defence" starts like the verb "argue": a title, no statement
        ("tr", ["Milli Savunma Bakanı Yaşar Güler, Bakü'deki savunma fuarını ziyaret etti."]),
    ],
)
def test_a_word_that_only_looks_like_a_reporting_verb_reports_nothing(
    language: str, paragraphs: list[str]
) -> None:
    assert statements(language, *paragraphs) == []


# -- 2. "according to X" in Turkish: the holder before "göre" --------------------------------

TR_FIDAN = (
    "Dışişleri Bakanı Hakan Fidan gazetecilere yaptığı açıklamada, Ankara'nın Azerbaycan'ın "
    "toprak bütünlüğünü desteklediğini kaydetti."
)
TR_NORMAL = "Ermenistan ile Türkiye arasındaki normalleşme ancak barış sağlandıktan sonra mümkün"


def test_a_name_before_gore_holds_what_follows() -> None:
    found = statements("tr", TR_FIDAN, f"Fidan'a göre {TR_NORMAL} olabilir.")
    assert ("hakan-fidan", f"{TR_NORMAL} olabilir") in found


@pytest.mark.parametrize("source", ["Habere göre", "Resmi verilere göre"])
def test_a_report_or_data_before_gore_is_no_speaker(source: str) -> None:
    found = statements("tr", TR_FIDAN, f"{source} {TR_NORMAL} olabilir.")
    assert all(TR_NORMAL not in quote for _, quote in found), found


# -- 3. titles, roles and sides ----------------------------------------------------------------


def test_a_title_is_not_joined_to_the_country_of_the_sentence_before() -> None:
    found = statements(
        "ru",
        "В заявлении МИД Ирана говорится, что Тегеран осуждает нападение на посольство "
        "Азербайджана. Официальный представитель МИД России Мария Захарова призвала Баку и "
        "Ереван к сдержанности и продолжению диалога.",
    )
    assert ("maria-zakharova", "Баку и Ереван к сдержанности и продолжению диалога") in found


def test_a_title_is_not_joined_to_a_country_inside_the_quotation_after_it() -> None:
    found = statements(
        "tr",
        "İran Cumhurbaşkanı Mesud Pezeşkiyan, Tahran'da Azerbaycan heyetini kabul etti.",
        'İranlı Cumhurbaşkanı, "Azerbaycan ile ilişkilerin geliştirilmesi dış politikamızın '
        'önceliğidir" diye vurguladı.',
    )
    quote = "Azerbaycan ile ilişkilerin geliştirilmesi dış politikamızın önceliğidir"
    assert ("masoud-pezeshkian", quote) in found
    assert ("ilham-aliyev", quote) not in found


RU_SUMMIT = (
    "Президент Азербайджана Ильхам Алиев и президент Ирана Масуд Пезешкиан провели переговоры "
    "в Тегеране."
)


def test_a_plural_title_alone_is_the_people_of_the_meeting() -> None:
    said_by = speakers(
        "ru",
        RU_SUMMIT,
        "Президенты выразили поддержку расширению торгово-экономического сотрудничества.",
    )
    assert said_by == {"ilham-aliyev", "masoud-pezeshkian"}


def test_a_plural_title_inside_what_is_said_is_no_speaker() -> None:
    said_by = speakers(
        "ru",
        RU_SUMMIT,
        "Министр иностранных дел России Сергей Лавров заявил, что Москва поддерживает усилия "
        "президентов по расширению сотрудничества в регионе.",
    )
    assert said_by == {"sergey-lavrov"}


RU_HAJIYEV = (
    "Помощник президента Азербайджана Хикмет Гаджиев заявил: «Азербайджан не имеет "
    "территориальных претензий к соседям»."
)


def test_a_role_with_its_country_before_a_name_is_that_person() -> None:
    found = statements(
        "ru",
        RU_HAJIYEV,
        "«Мы надеемся, что мирный договор будет подписан в этом году», – "
        "добавил помощник президента.",
    )
    for quote in (
        "Азербайджан не имеет территориальных претензий к соседям",
        "Мы надеемся, что мирный договор будет подписан в этом году",
    ):
        assert any(s == "hikmet-hajiyev" and quote in q for s, q in found), (quote, found)


def test_a_role_that_introduced_no_one_speaks_for_no_one() -> None:
    found = statements(
        "ru",
        "«Мы надеемся, что мирный договор будет подписан в этом году», – добавил "
        "помощник президента.",
    )
    assert found == []


def test_a_spokesperson_named_by_the_role_noun_alone() -> None:
    found = statements(
        "tr",
        "İran Dışişleri Bakanlığı Sözcüsü İsmail Bekayi, Tahran'da haftalık basın toplantısı "
        "düzenledi.",
        "Sözcü, İran'ın Kafkasya'daki sorunların barışçıl yollarla çözülmesinden yana olduğunu "
        "belirtti.",
    )
    assert any(s == "esmaeil-baghaei" and "barışçıl yollarla" in q for s, q in found), found


def test_a_spokesperson_role_noun_with_no_spokesperson_named_speaks_for_no_one() -> None:
    found = statements(
        "tr",
        "Sözcü, İran'ın Kafkasya'daki sorunların barışçıl yollarla çözülmesinden yana olduğunu "
        "belirtti.",
    )
    assert found == []


# -- 4. a meeting noun in a phrase about negotiations -------------------------------------------


@pytest.mark.parametrize(
    ("language", "sentence", "quote"),
    [
        ("tr", "Mirzoyan, Azerbaycan'ı müzakere sürecini baltalamakla suçladı.",
         "Azerbaycan'ı müzakere sürecini baltalamakla"),
        ("az", "Mirzoyan Azərbaycanı danışıqlar prosesini pozmaqda ittiham edib.",
         "Azərbaycanı danışıqlar prosesini pozmaqda"),
    ],
)  # fmt: skip
def test_the_negotiation_process_is_no_meeting_in_what_is_said(
    language: str, sentence: str, quote: str
) -> None:
    found = statements(language, sentence)
    assert ("ararat-mirzoyan", quote) in found


def test_talks_reported_in_what_is_said_are_still_a_meeting_and_no_position() -> None:
    found = statements(
        "tr",
        "Mirzoyan, Azerbaycan Dışişleri Bakanı Ceyhun Bayramov ile müzakere ettiklerini söyledi.",
    )
    assert found == []


# -- 5. the speaker before goes on ---------------------------------------------------------------

TR_QUOTED = '"Barış anlaşmasının bu yıl imzalanacağını umuyoruz" diye konuştu.'


def test_a_quotation_then_a_verb_with_no_subject_is_the_speaker_before() -> None:
    found = statements(
        "tr",
        "Azerbaycan Cumhurbaşkanı İlham Aliyev, Ermenistan'ın toprak taleplerinden "
        "vazgeçmesi gerektiğini söyledi.",
        TR_QUOTED,
    )
    assert ("ilham-aliyev", "Barış anlaşmasının bu yıl imzalanacağını umuyoruz") in found


def test_a_quotation_then_a_verb_with_no_subject_and_no_speaker_before_has_none() -> None:
    assert statements("tr", "Bakü'de görüşmeler sona erdi.", TR_QUOTED) == []


RU_BORDERS = "Тегеран не допустит изменения границ на Южном Кавказе."


def test_about_this_said_x_attributes_the_sentence_before() -> None:
    found = statements("ru", RU_BORDERS + " Об этом заявил глава МИД Ирана Аббас Аракчи.")
    assert found == [("abbas-araghchi", RU_BORDERS[:-1])]


def test_about_this_said_x_leaves_a_sentence_with_its_own_speaker() -> None:
    found = statements(
        "ru",
        "Президент Ирана Масуд Пезешкиан заявил, что " + RU_BORDERS[0].lower() + RU_BORDERS[1:],
        "Об этом он сказал в ходе встречи с министром иностранных дел Армении Араратом Мирзояном.",
    )
    assert {speaker for speaker, _ in found} == {"masoud-pezeshkian"}


# -- 6. transcripts: a name and a colon opens a turn of speech -----------------------------------

RU_TRANSCRIPT = [
    "Владимир Путин провёл переговоры с Президентом Ирана Масудом Пезешкианом в Казани.",
    "В.Путин: Господин Президент, рад Вас видеть.",
    "Россия поддерживает мирный процесс между Азербайджаном и Арменией.",
    "Мы всегда с удовольствием встречаем гостей в Москве.",
    "М.Пезешкиан (как переведено): Благодарю Вас.",
    "Иран выступает за укрепление связей с Россией во всех областях.",
]


def test_the_lines_after_a_speaker_s_label_are_that_speaker_s() -> None:
    found = statements("ru", *RU_TRANSCRIPT)
    assert (
        "vladimir-putin",
        "Россия поддерживает мирный процесс между Азербайджаном и Арменией",
    ) in (found)
    # an aside between the name and the colon; a country as the subject is the speaker's
    assert any(s == "masoud-pezeshkian" and "укрепление связей с Россией" in q for s, q in found), (
        found
    )
    assert "government-of-iran" not in {s for s, _ in found}


def test_small_talk_in_a_turn_and_the_narrative_before_it_state_nothing() -> None:
    quotes = [q for _, q in statements("ru", *RU_TRANSCRIPT)]
    assert not any("удовольствием" in q or "рад Вас видеть" in q for q in quotes), quotes
    assert not any("провёл переговоры" in q for q in quotes), quotes


def test_one_line_with_a_name_and_a_colon_makes_no_transcript() -> None:
    found = statements(
        "ru",
        "Министр иностранных дел России Сергей Лавров прибыл в Тегеран с визитом.",
        "Лавров: Россия поддерживает мирный процесс между Азербайджаном и Арменией.",
        "Переговоры продлятся два дня, сообщили в посольстве.",
    )
    assert not any("продлятся" in q for _, q in found), found


def test_a_quotation_on_a_transcript_line_is_the_speaker_s() -> None:
    found = statements(
        "ru",
        "Владимир Путин провёл переговоры с Президентом Азербайджана Ильхамом Алиевым.",
        "В.Путин: «Россия поддерживает мирные переговоры между Баку и Ереваном».",
        "И.Алиев: «Переговоры с Арменией должны завершиться подписанием мирного договора».",
    )
    assert any(s == "vladimir-putin" and "мирные переговоры" in q for s, q in found), found
    assert any(s == "ilham-aliyev" and "мирного договора" in q for s, q in found), found


EN_TRANSCRIPT = [
    "Vladimir Putin held talks with President of Iran Masoud Pezeshkian in Kazan.",
    "President of Russia Vladimir Putin: Mr President, I am glad to welcome you in Kazan. "
    "Russia supports a peace treaty between Baku and Yerevan.",
    "President of Iran Masoud Pezeshkian (retranslated): Thank you for the invitation. "
    "Iran is ready to expand its relations with Russia in all fields.",
]


def test_a_title_may_stand_before_the_name_that_labels_a_turn() -> None:
    found = said(draft_of("en", *EN_TRANSCRIPT))
    assert (
        "vladimir-putin",
        "Russia supports a peace treaty between Baku and Yerevan",
    ) in (found)
    assert any(s == "masoud-pezeshkian" and "expand its relations" in q for s, q in found), found


def test_a_greeting_that_opens_a_transcript_turn_states_nothing() -> None:
    quotes = [q for _, q in said(draft_of("en", *EN_TRANSCRIPT))]
    assert not any("glad to welcome" in q or "invitation" in q for q in quotes), quotes


def test_a_title_and_a_name_with_a_colon_in_running_text_make_no_turn() -> None:
    found = said(
        draft_of(
            "en",
            "President of Russia Vladimir Putin arrived in Tehran for talks.",
            "President of Russia Vladimir Putin: a visit that opens a new chapter, in the words "
            "of the Iranian press.",
            "The talks will last two days, the embassy said.",
        )
    )
    assert not any("two days" in q for _, q in found), found


# -- 7. meetings ---------------------------------------------------------------------------------


def met(language: str, *paragraphs: str) -> list[set[str]]:
    """The participants of each meeting of an article in the language."""
    draft = draft_of(language, HEADLINE[language], *paragraphs)
    return [{p["person"] for p in m["participants"]} for m in draft.form["meetings"]]


def test_talks_of_the_foreign_ministers_of_two_countries_in_the_genitive_plural() -> None:
    assert {"jeyhun-bayramov", "abbas-araghchi"} in met(
        "ru", "В Баку прошли переговоры глав МИД Азербайджана и Ирана."
    )


RU_TALKS = "В понедельник Сергей Лавров провел в Москве переговоры с Аббасом Аракчи."


def test_the_ministers_talks_named_as_a_group_are_the_ministers_met_before() -> None:
    meetings = met("ru", RU_TALKS, "Предыдущие переговоры министров состоялись в июне в Тегеране.")
    assert meetings == [{"sergey-lavrov", "abbas-araghchi"}] * 2, meetings


@pytest.mark.parametrize(
    ("language", "said", "recalled"),
    [
        (
            "ru",
            "Лавров заявил, что Россия поддерживает мирный процесс.",
            "Напомним, что в мае прошли переговоры глав МИД Азербайджана и Армении Джейхуна "
            "Байрамова и Арарата Мирзояна.",
        ),
        (
            "uk",
            "Лавров заявив, що Росія підтримує мирний процес.",
            "Нагадаємо, що у травні відбулися переговори глав МЗС Азербайджану та Вірменії "
            "Джейхуна Байрамова та Арарата Мірзояна.",
        ),
    ],
)
def test_the_outlet_recalling_a_meeting_is_no_speaker_and_no_participant(
    language: str, said: str, recalled: str
) -> None:
    talks = {
        "ru": RU_TALKS,
        "uk": "У понеділок Сергій Лавров провів у Москві переговори з Аббасом Аракчі.",
    }
    meetings = met(language, talks[language], f"{said} {recalled}")
    assert {"jeyhun-bayramov", "ararat-mirzoyan"} in meetings, meetings
    assert not any(
        "sergey-lavrov" in m and m & {"jeyhun-bayramov", "ararat-mirzoyan"} for m in meetings
    )


def test_an_official_recalling_something_is_still_a_speaker() -> None:
    # near miss: "напомнил" is the minister's own verb, not the outlet's "напомним"
    found = statements(
        "ru",
        RU_TALKS,
        "Лавров напомнил, что Россия поддерживает мирный процесс между Баку и Ереваном.",
    )
    assert any(s == "sergey-lavrov" and "мирный процесс" in q for s, q in found), found


def test_the_head_of_one_foreign_ministry_in_the_genitive_is_one_person() -> None:
    meetings = met("ru", "Визит главы МИД Ирана Аббаса Аракчи в Баку начался в понедельник.")
    assert all(len(people) < 2 for people in meetings), meetings


def test_welcomed_by_a_host_with_a_ceremony_is_a_meeting() -> None:
    assert {"ilham-aliyev", "recep-tayyip-erdogan"} in met(
        "tr",
        "Azerbaycan Cumhurbaşkanı İlham Aliyev, Ankara'da Cumhurbaşkanı Recep Tayyip Erdoğan "
        "tarafından resmi törenle karşılandı.",
    )


def test_welcoming_a_statement_is_no_meeting_with_its_author() -> None:
    assert (
        met(
            "tr",
            "Azerbaycan Cumhurbaşkanı İlham Aliyev, Ermenistan Başbakanı Nikol Paşinyan'ın "
            "açıklamasını memnuniyetle karşıladı.",
        )
        == []
    )


# -- 8. "in his words, Iran stands for ...": the holder of the words speaks ------------------------


@pytest.mark.parametrize(
    ("language", "opening", "content"),
    [
        (
            "ru",
            "Официальный представитель МИД Ирана Эсмаил Багаи провел брифинг в Тегеране.",
            "По его словам, Иран выступает за мирное урегулирование конфликтов на Кавказе.",
        ),
        (
            "uk",
            "Речник МЗС Ірану Есмаїл Багаї провів брифінг у Тегерані.",
            "За його словами, Іран виступає за мирне врегулювання конфліктів на Кавказі.",
        ),
    ],
)
def test_a_country_inside_his_words_speaks_for_him(
    language: str, opening: str, content: str
) -> None:
    assert speakers(language, opening, content) == {"esmaeil-baghaei"}


def test_a_country_that_speaks_with_no_words_of_anyone_is_its_government() -> None:
    said_by = speakers(
        "ru",
        "Официальный представитель МИД Ирана Эсмаил Багаи провел брифинг в Тегеране.",
        "Между тем Иран выступает за мирное урегулирование конфликтов на Кавказе.",
    )
    assert said_by == {"government-of-iran"}


# -- 9. dates as the languages write them --------------------------------------------------------


def meeting_days(language: str, *paragraphs: str) -> list[tuple[str, str]]:
    """(earliest, latest) of each meeting; articles dated 2025-05-21."""
    text = HEADLINE[language] + "\n\n" + "\n\n".join(paragraphs) + "\n"
    draft = extract(text, Options(lang=language, published="2025-05-21"))
    return [
        (str(m["date"].get("earliest")), str(m["date"].get("latest")))
        for m in draft.form["meetings"]
    ]


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("az", "Prezident İlham Əliyev mayın 19-da Tehranda Məsud Pezeşkian ilə görüşüb."),
        ("az", "Prezident İlham Əliyev 2025-ci il mayın 19-da Tehranda Məsud Pezeşkian ilə "
               "görüşüb."),
        ("tr", "Azerbaycan Cumhurbaşkanı İlham Aliyev ile İran Cumhurbaşkanı Mesud Pezeşkiyan "
               "19 Mayıs'ta Tahran'da bir araya geldi."),
        ("ru", "Президент Азербайджана Ильхам Алиев и президент Ирана Масуд Пезешкиан провели "
               "переговоры в Тегеране 19-го мая."),
    ],
)  # fmt: skip
def test_a_day_and_month_with_their_case_endings_date_the_meeting(
    language: str, sentence: str
) -> None:
    assert meeting_days(language, sentence) == [("2025-05-19", "2025-05-19")]


def test_the_minutes_of_a_time_on_the_line_before_are_no_day() -> None:
    days = meeting_days(
        "az",
        "21 may 2025, 14:05",
        "Mayın 20-də Prezident İlham Əliyev Tehranda Məsud Pezeşkian ilə görüşüb.",
    )
    assert days == [("2025-05-20", "2025-05-20")]


def test_a_year_then_a_month_then_a_count_is_no_day() -> None:
    from kb.extract.dates import find_dates
    from kb.extract.normalize import normalizer

    assert find_dates(normalizer().key("2024-cü ilin oktyabrında 5 nəfər yaralanıb"), "az") == []


# -- 10. "during the meeting with X, Y said": X is the partner, Y the subject ------------------

RU_DURING = (
    "На встрече с министром иностранных дел Армении Араратом Мирзояном Аббас Аракчи заявил, "
    "что Иран поддерживает мирный процесс."
)


def test_the_person_after_the_partner_of_with_is_the_subject() -> None:
    assert speakers("ru", RU_DURING) == {"abbas-araghchi"}
    assert {"abbas-araghchi", "ararat-mirzoyan"} in met("ru", RU_DURING)


def test_partners_joined_by_and_after_with_are_all_partners() -> None:
    meetings = met(
        "ru", "Сергей Лавров встретился в Алматы с Араратом Мирзояном и Джейхуном Байрамовым."
    )
    assert {"sergey-lavrov", "ararat-mirzoyan"} in meetings
    assert {"sergey-lavrov", "jeyhun-bayramov"} in meetings


def test_an_unknown_ukrainian_name_in_a_case_form_is_the_registered_name() -> None:
    assert {"ilham-aliyev", "masoud-pezeshkian"} in met(
        "uk", "Відбулася зустріч Ільхама Алієва та Масуда Пезешкіана."
    )


def test_came_together_is_a_meeting_in_azerbaijani() -> None:
    assert {"zakir-hasanov", "aziz-nasirzadeh"} in met(
        "az", "Zakir Həsənov İranın müdafiə naziri Əziz Nəsirzadə ilə bir araya gəlib."
    )


# -- 11. "said that Russia stands for X": one statement, the speaker's ----------------------------


@pytest.mark.parametrize(
    ("language", "sentence", "quote"),
    [
        (
            "ru",
            "Министр иностранных дел России Сергей Лавров заявил, что Россия выступает за мирное "
            "урегулирование конфликта.",
            "Россия выступает за мирное урегулирование конфликта",
        ),
        (
            "ru",
            "Министр иностранных дел России Сергей Лавров заявил, что Москва выступает за мирное "
            "урегулирование конфликта.",
            "Москва выступает за мирное урегулирование конфликта",
        ),
        (
            "uk",
            "Міністр закордонних справ Росії Сергій Лавров заявив, що Росія виступає за мирне "
            "врегулювання конфлікту.",
            "Росія виступає за мирне врегулювання конфлікту",
        ),
        (  # an object too short to be a statement alone
            "ru",
            "Министр иностранных дел России Сергей Лавров подчеркнул, что Москва выступает за "
            "политико-дипломатическое урегулирование.",
            "Москва выступает за политико-дипломатическое урегулирование",
        ),
    ],
)
def test_a_reporting_verb_inside_the_that_clause_is_part_of_what_is_said(
    language: str, sentence: str, quote: str
) -> None:
    assert statements(language, sentence) == [("sergey-lavrov", quote)]


def test_a_second_verb_after_a_comma_and_and_is_a_statement_of_its_own() -> None:
    found = statements(
        "ru",
        "Министр иностранных дел России Сергей Лавров заявил, что Россия поддерживает мирный "
        "процесс, и добавил, что Москва готова помочь в делимитации границы.",
    )
    quotes = [q for _, q in found]
    assert "Россия поддерживает мирный процесс" in quotes, quotes
    assert any(q.startswith("Москва готова помочь") for q in quotes), quotes


# -- 12. "X, «A. B» dedi": a quotation of two sentences between the subject and the verb ---------

TR_FORUM = "Dışişleri Bakanı Hakan Fidan, Bakü'de düzenlenen forumda konuştu."


def test_the_name_before_a_quotation_of_sentences_is_the_subject_of_the_verb_after_it() -> None:
    found = statements(
        "tr",
        TR_FORUM,
        'Fidan, "Bölgede kalıcı barış istiyoruz. Azerbaycan ile Ermenistan arasındaki anlaşma '
        'bu yolda önemli bir adımdır" dedi.',
    )
    for quote in ("Bölgede kalıcı barış istiyoruz", "anlaşma bu yolda önemli bir adımdır"):
        assert any(s == "hakan-fidan" and quote in q for s, q in found), (quote, found)


def test_a_quotation_of_sentences_with_no_name_before_it_has_no_speaker() -> None:
    found = statements(
        "tr",
        "Bakü'de düzenlenen forum sona erdi.",
        '"Bölgede kalıcı barış istiyoruz. Azerbaycan ile Ermenistan arasındaki anlaşma bu yolda '
        'önemli bir adımdır" dedi.',
    )
    assert found == []


def test_a_speaker_named_in_a_group_and_alone_states_a_thing_once() -> None:
    draft = draft_of(
        "en",
        "Iran hosted foreign ministers from Russia, Turkey, Azerbaijan and Armenia on Monday.",
        "The participants reaffirmed respect for the territorial integrity of states, Hakan "
        "Fidan told reporters.",
    )
    found = said(draft)
    assert len(found) == len(set(found)), found
    assert ("hakan-fidan", "respect for the territorial integrity of states") in found


def test_a_name_after_and_a_verb_is_what_is_said_not_a_new_speaker() -> None:
    found = said(
        draft_of(
            "en",
            "Sergei Lavrov said the talks were useful and added Vladimir Putin would visit "
            "Turkey in May.",
        )
    )
    assert {s for s, _ in found} <= {"sergey-lavrov"}, found


def test_a_pronoun_before_a_country_object_is_still_the_subject() -> None:
    found = said(
        draft_of(
            "fa",
            MET["fa"],
            "وی آمریکا را مسئول ناامنی منطقه دانست و تاکید کرد که حضور نیروهای خارجی در "
            "قفقاز جنوبی به ضرر منطقه است.",
        )
    )
    assert found and {s for s, _ in found} == {"abbas-araghchi"}, found
