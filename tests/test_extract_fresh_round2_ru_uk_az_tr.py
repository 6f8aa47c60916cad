"""Second round of Russian, Ukrainian, Azerbaijani and Turkish constructions from fresh probe
text, each with a near miss that must not fire.

The sentences are written for these tests (no article's text). Each test extracts a short
article and looks at who is said to speak and what (always verbatim).
"""

from __future__ import annotations

import pytest

from .drafting import draft_of, said

HEADLINE = {"ru": "Новости региона", "uk": "Новини регіону", "tr": "Bölgeden haberler",
            "az": "Regiondan xəbərlər"}  # fmt: skip
TALKS_RU = (
    "Министр иностранных дел России Сергей Лавров провел переговоры с главой МИД Ирана "
    "Аббасом Аракчи в Москве."
)
TALKS_UK = (
    "Міністр закордонних справ Росії Сергій Лавров провів переговори з очільником МЗС "
    "Азербайджану Джейхуном Байрамовим у Москві."
)


def statements(language: str, *paragraphs: str) -> list[tuple[str, str]]:
    """(speaker, quote) of an article in the language, under a headline in it."""
    return said(draft_of(language, HEADLINE[language], *paragraphs))


# -- 1. a quotation the author's words interrupt ---------------------------------------------


@pytest.mark.parametrize(
    "paragraph",
    [
        # "«A, — said X. — B»": one quotation, the verb and speaker inside it
        "«Иран никогда не стремился к созданию ядерного оружия, — заявил Аракчи. — Наша "
        "позиция по этому вопросу остается неизменной».",
        # "«A», — said X. — «B»"
        "«Иран никогда не стремился к созданию ядерного оружия», — заявил Аракчи. — «Наша "
        "позиция по этому вопросу остается неизменной».",
        # "«A, — said X, — B»": the quotation goes on in the same sentence
        "«Иран никогда не стремился к созданию ядерного оружия, — подчеркнул Аракчи, — и наша "
        "позиция по этому вопросу остается неизменной».",
    ],
)
def test_both_parts_of_a_quotation_the_author_interrupts_are_the_speaker_s(paragraph: str) -> None:
    out = statements("ru", TALKS_RU, paragraph)
    assert ("abbas-araghchi", "Иран никогда не стремился к созданию ядерного оружия") in out
    assert any(
        speaker == "abbas-araghchi"
        and quote.endswith("позиция по этому вопросу остается неизменной")
        for speaker, quote in out
    ), out


def test_a_dash_inside_a_quotation_with_no_comma_before_it_interrupts_nothing() -> None:
    out = statements(
        "ru",
        TALKS_RU,
        "«Безопасность региона — общая ответственность всех соседей, и Иран ее признает», — "
        "заявил Аракчи.",
    )
    assert out == [
        (
            "abbas-araghchi",
            "Безопасность региона — общая ответственность всех соседей, и Иран ее признает",
        )
    ]


def test_a_dash_after_a_full_stop_opens_the_next_sentence_of_direct_speech() -> None:
    """ "... said X. — B, — said he.": B is his, not the first sentence's."""
    out = statements(
        "uk",
        TALKS_UK,
        "Лавров заявив, що Росія підтримує зусилля Баку і Єревана з підписання мирної угоди. — "
        "Ми готові й надалі надавати сприяння сторонам, — сказав він.",
    )
    assert ("sergey-lavrov", "Ми готові й надалі надавати сприяння сторонам") in out
    assert not any(speaker == "jeyhun-bayramov" for speaker, _ in out), out


def test_a_name_after_a_quotation_s_closing_mark_and_full_stop_is_still_a_name() -> None:
    """ "...». X called ...": the closing mark before the full stop is no initial of X."""
    out = statements(
        "ru",
        TALKS_RU,
        "«Иран никогда не стремился к созданию ядерного оружия», — заявил Аракчи. — «Наша "
        "позиция остается неизменной».",
        "Аракчи призвал западные страны отказаться от политики санкций.",
    )
    assert ("abbas-araghchi", "западные страны отказаться от политики санкций") in out


# -- 2. a hope about talks -------------------------------------------------------------------


def test_a_hope_that_talks_resume_is_a_position() -> None:
    out = statements(
        "ru",
        TALKS_RU,
        "Глава МИД Ирана в свою очередь выразил надежду, что переговоры по ядерной программе "
        "возобновятся в ближайшее время.",
    )
    assert out == [
        ("abbas-araghchi", "переговоры по ядерной программе возобновятся в ближайшее время")
    ]


def test_a_proposal_on_how_to_open_a_meeting_is_no_position() -> None:
    out = statements(
        "ru",
        TALKS_RU,
        "Лавров предложил начать переговоры с обсуждения графика следующих консультаций.",
    )
    assert out == []


# -- 3. people no one names ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "paragraphs"),
    [
        (
            "ru",
            [
                "Министр иностранных дел Азербайджана Джейхун Байрамов выразил уверенность, что "
                "мирный договор будет подписан в ближайшее время.",
                "Многие эксперты считают, что Москва стремится сохранить влияние в регионе.",
            ],
        ),
        (
            "uk",
            [
                "Міністр закордонних справ Азербайджану Джейхун Байрамов висловив упевненість, "
                "що мирний договір буде підписано найближчим часом.",
                "Експерти вважають, що Москва прагне зберегти вплив у регіоні.",
            ],
        ),
        (
            "az",
            [
                "Azərbaycanın xarici işlər naziri Ceyhun Bayramov bildirib ki, Azərbaycan İranla "
                "əməkdaşlığın genişləndirilməsində maraqlıdır.",
                "Ekspertlər hesab edir ki, Rusiya regionda təsirini saxlamağa çalışır.",
            ],
        ),
    ],
)
def test_what_unnamed_experts_believe_is_no_one_s_position(
    language: str, paragraphs: list[str]
) -> None:
    out = statements(language, *paragraphs)
    assert [speaker for speaker, _ in out] == ["jeyhun-bayramov"], out


def test_the_speaker_before_goes_on_where_no_one_else_is_the_subject() -> None:
    out = statements(
        "ru",
        "Министр иностранных дел Азербайджана Джейхун Байрамов выразил уверенность, что мирный "
        "договор будет подписан в ближайшее время.",
        "Также заявил, что Баку выступает за открытие всех коммуникаций в регионе.",
    )
    assert ("jeyhun-bayramov", "Баку выступает за открытие всех коммуникаций в регионе") in out


# -- 4. short contents of a verb that is a stance; titles and people -------------------------


def test_a_verb_that_is_a_stance_needs_only_a_short_object() -> None:
    out = statements("ru", TALKS_RU, "Аракчи также осудил удары по инфраструктуре.")
    assert out == [("abbas-araghchi", "удары по инфраструктуре")]


def test_a_short_object_of_a_verb_that_is_no_stance_states_nothing() -> None:
    assert statements("ru", TALKS_RU, "Аракчи также отметил роль посредников.") == []


def test_the_head_of_a_country_s_diplomacy_is_its_foreign_minister() -> None:
    out = statements(
        "ru",
        TALKS_RU,
        "Как подчеркнул глава российской дипломатии, работа рабочей группы по разблокированию "
        "коммуникаций должна быть продолжена.",
    )
    assert [speaker for speaker, _ in out] == ["sergey-lavrov"]


def test_the_head_of_a_country_s_delegation_is_not_its_foreign_minister() -> None:
    out = statements(
        "ru",
        TALKS_RU,
        "Как подчеркнул глава российской делегации, работа рабочей группы по разблокированию "
        "коммуникаций должна быть продолжена.",
    )
    assert out == []


def meetings(language: str, *paragraphs: str) -> list[set[str]]:
    draft = draft_of(language, HEADLINE[language], *paragraphs)
    return [{p["person"] for p in m["participants"]} for m in draft.form["meetings"]]


def test_the_first_vice_president_of_iran_named_in_azerbaijani_meets() -> None:
    out = meetings(
        "az",
        "Ceyhun Bayramov Tehranda İranın birinci vitse-prezidenti Məhəmmədrza Arif ilə görüşüb.",
    )
    assert out == [{"jeyhun-bayramov", "mohammad-reza-aref"}]


def test_a_reception_in_the_turkish_past_perfect_is_a_meeting() -> None:
    out = meetings(
        "tr",
        "Cumhurbaşkanı Recep Tayyip Erdoğan, dün de İran Cumhurbaşkanı Mesud Pezeşkiyan'ı kabul "
        "etmişti.",
    )
    assert out == [{"recep-tayyip-erdogan", "masoud-pezeshkian"}]


def test_accepting_an_offer_in_the_turkish_past_perfect_is_no_meeting() -> None:
    out = meetings(
        "tr", "Cumhurbaşkanı Recep Tayyip Erdoğan, İran'ın teklifini geçen ay kabul etmişti."
    )
    assert out == []


# -- 5. direct speech over paragraphs, after dashes and in dialogues -------------------------


def test_a_quotation_closed_in_the_next_paragraph_is_the_speaker_s_in_both() -> None:
    out = statements(
        "uk",
        "Президент Азербайджану Ільхам Алієв дав інтерв'ю телеканалу.",
        "«Азербайджан ніколи не стане плацдармом проти Ірану. Азербайджан проводить "
        "незалежну зовнішню політику.",
        "Наші відносини з Іраном перебувають на найвищому рівні», – сказав Алієв.",
    )
    assert ("ilham-aliyev", "Азербайджан ніколи не стане плацдармом проти Ірану") in out
    assert ("ilham-aliyev", "Азербайджан проводить незалежну зовнішню політику") in out


def test_a_quotation_left_open_at_a_paragraph_s_end_is_no_one_s() -> None:
    out = statements(
        "uk",
        "Президент Азербайджану Ільхам Алієв дав інтерв'ю телеканалу.",
        "«Азербайджан ніколи не стане плацдармом проти Ірану. Ми проводимо незалежну "
        "зовнішню політику.",
        "Вірменія та Азербайджан ведуть переговори про мирний договір з 2022 року.",
    )
    assert not any("плацдармом" in quote for _, quote in out), out


def test_direct_speech_after_a_dash_over_two_sentences_is_the_speaker_s() -> None:
    out = statements(
        "uk",
        "Президент Азербайджану Ільхам Алієв дав інтерв'ю телеканалу.",
        "– Ми не висуваємо нових умов Вірменії. Це питання безпеки Азербайджану, – підкреслив він.",
    )
    assert ("ilham-aliyev", "Ми не висуваємо нових умов Вірменії") in out
    assert ("ilham-aliyev", "Це питання безпеки Азербайджану") in out


INTERVIEW = [
    "Официальный представитель МИД России Мария Захарова дала интервью нашему агентству.",
    "— Мария Владимировна, как в Москве оценивают переговоры между Баку и Ереваном?",
    "— Мы приветствуем любые шаги, которые ведут к нормализации отношений Армении и Азербайджана.",
    "— Звучат мнения, что Россия теряет влияние в регионе.",
    "— Россия была и остается ключевым игроком на Южном Кавказе.",
]


def test_the_answers_of_an_interview_printed_as_a_dialogue_of_dashes_are_the_interviewee_s() -> (
    None
):
    out = statements("ru", *INTERVIEW)
    assert ("maria-zakharova", "Россия была и остается ключевым игроком на Южном Кавказе") in out
    assert any(
        speaker == "maria-zakharova" and quote.startswith("Мы приветствуем любые шаги")
        for speaker, quote in out
    ), out
    assert not any("теряет влияние" in quote for _, quote in out), out  # a question


def test_a_background_paragraph_after_the_last_answer_is_no_one_s() -> None:
    out = statements(
        "ru",
        *INTERVIEW,
        "Россия и Азербайджан подписали декларацию о союзническом взаимодействии в 2022 году.",
    )
    assert not any("декларацию" in quote for _, quote in out), out


def test_dashed_lines_with_no_question_are_no_interview() -> None:
    out = statements(
        "ru",
        "Официальный представитель МИД России Мария Захарова провела брифинг.",
        "— Россия и Азербайджан подписали декларацию о союзническом взаимодействии.",
        "— Армения вышла из ряда программ ОДКБ в прошлом году.",
    )
    assert out == []


# -- 6. speech announced by a colon, quoted by an outlet, named by a title -------------------

SUMMIT_RU = (
    "Президент Азербайджана Ильхам Алиев и премьер-министр Армении Никол Пашинян провели "
    "двустороннюю встречу в Абу-Даби."
)


def test_a_quotation_opening_the_paragraph_after_said_and_a_colon_is_the_speaker_s() -> None:
    out = statements(
        "ru",
        SUMMIT_RU,
        "Пашинян, в частности, заявил:",
        "«Армения готова парафировать текст мирного договора в ближайшие недели».",
    )
    assert (
        "nikol-pashinyan",
        "Армения готова парафировать текст мирного договора в ближайшие недели",
    ) in out


def test_a_quotation_opening_a_paragraph_after_one_with_no_colon_is_no_one_s() -> None:
    out = statements(
        "ru",
        SUMMIT_RU,
        "Пашинян выступил на форуме в Абу-Даби.",
        "«Армения готова парафировать текст мирного договора в ближайшие недели».",
    )
    assert out == []


def test_an_outlet_quoting_a_person_reports_that_person_s_words() -> None:
    out = statements(
        "ru", SUMMIT_RU, "«Азербайджан не претендует на чужие земли», — цитирует Алиева агентство."
    )
    assert out == [("ilham-aliyev", "Азербайджан не претендует на чужие земли")]


def test_an_outlet_writing_with_no_one_quoted_reports_no_one_s_words() -> None:
    out = statements(
        "ru", SUMMIT_RU, "«Азербайджан не претендует на чужие земли», — пишет агентство."
    )
    assert not any(speaker == "ilham-aliyev" for speaker, _ in out), out


def test_the_head_of_a_country_s_state_in_the_genitive_is_its_president() -> None:
    out = statements(
        "ru",
        SUMMIT_RU,
        "По словам главы азербайджанского государства, открытие коммуникаций отвечает интересам "
        "всех народов региона.",
    )
    assert [speaker for speaker, _ in out] == ["ilham-aliyev"]


def test_the_head_of_a_country_s_delegation_in_the_genitive_is_no_one_known() -> None:
    out = statements(
        "ru",
        SUMMIT_RU,
        "По словам главы азербайджанской делегации, открытие коммуникаций отвечает интересам "
        "всех народов региона.",
    )
    assert not any(speaker == "ilham-aliyev" for speaker, _ in out), out


# -- 7. Turkish months in running text; quoted reports of meetings ---------------------------


def meeting_dates(language: str, *paragraphs: str) -> list[tuple[str, str]]:
    draft = draft_of(language, HEADLINE[language], *paragraphs)
    return [(str(m["date"]["earliest"]), str(m["date"]["latest"])) for m in draft.form["meetings"]]


def test_a_lowercase_turkish_month_before_the_word_for_month_dates_the_meeting() -> None:
    out = meeting_dates(
        "tr", "Hakan Fidan ile Ceyhun Bayramov eylül ayında New York'ta görüşmüştü."
    )
    assert out == [("2024-09-01", "2024-09-30")]


def test_a_lowercase_word_spelled_as_a_turkish_month_is_no_month() -> None:
    out = meeting_dates("tr", "Hakan Fidan ile Ceyhun Bayramov ekim ve hasat öncesinde görüştü.")
    assert out and not out[0][0].startswith("2024-10"), out


def test_a_quoted_report_of_a_summons_in_the_third_person_is_no_position() -> None:
    out = statements(
        "tr",
        "İran Dışişleri Bakanlığı'nın internet sitesindeki açıklamada, \"Azerbaycan Büyükelçisi, "
        "Bakan Yardımcısı Ali Rıza Hakikiyan tarafından Dışişleri Bakanlığına çağrıldı ve "
        "Bakü'nün açıklamalarına tepki iletildi.\" denildi.",
    )
    assert out == []


def test_a_quoted_judgement_of_a_meeting_in_the_third_person_is_a_position() -> None:
    out = statements(
        "az",
        'Səfir Abbas Musəvi bildirib: "Prezidentlərin görüşü ikitərəfli münasibətlərdə yeni '
        'mərhələnin başlanğıcı oldu."',
    )
    assert [speaker for speaker, _ in out] == ["abbas-mousavi"], out


# -- 8. "answered"; a list of more news ends the article -------------------------------------


def test_answered_that_reports_a_position() -> None:
    out = statements(
        "ru",
        SUMMIT_RU,
        "Пашинян ответил, что вопрос изменения конституции Армении будет решаться на референдуме.",
    )
    assert out == [
        ("nikol-pashinyan", "вопрос изменения конституции Армении будет решаться на референдуме")
    ]


def test_answered_a_question_with_no_content_reports_nothing() -> None:
    assert statements("ru", SUMMIT_RU, "Пашинян ответил на вопросы журналистов.") == []


@pytest.mark.parametrize(
    ("language", "marker", "headline"),
    [
        ("uk", "Більше новин:", "Пашинян зустрівся з Алієвим у Празі"),
        ("ru", "Другие новости", "Пашинян встретился с Алиевым в Праге"),
        ("tr", "Diğer haberler", "Erdoğan, Aliyev ile görüştü"),
        ("az", "Digər xəbərlər", "Ceyhun Bayramov Hakan Fidanla görüşüb"),
    ],
)
def test_a_list_of_more_news_after_the_article_reports_no_meeting(
    language: str, marker: str, headline: str
) -> None:
    body = {
        "uk": "Вірменія та Азербайджан ведуть переговори про мирний договір вже кілька років.",
        "ru": "Армения и Азербайджан ведут переговоры о мирном договоре уже несколько лет.",
        "tr": "Ermenistan ile Azerbaycan birkaç yıldır barış anlaşması üzerinde çalışıyor.",
        "az": "Azərbaycan və Ermənistan bir neçə ildir ki, sülh sazişi üzərində işləyir.",
    }[language]
    draft = draft_of(language, HEADLINE[language], body, marker, headline)
    assert draft.form["meetings"] == []
