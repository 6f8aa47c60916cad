"""Russian and Ukrainian wire reporting (TASS, RIA, Interfax, UNN, Ukrinform shapes): the
speaker named after the verb past a setting ("сообщил в своем Telegram-канале X"), after
people who have a verb of their own ("X и Y встретились, сообщил Z"), or after a country's
verb ("Россия призывает ..., заявила X"); what a list after "обсудили" names is no statement;
a first name a dictionary knows only as a common noun ("Володимир") still opens a name; the
topics as the agencies phrase them. Near misses: a person after "что" is what is said, not
who says it; a speaker before the verb with no verb of his own speaks; things listed after
a stance are said apart.

The sentences are written for these tests (no article's text).
"""

from __future__ import annotations

import pytest

from tests.drafting import draft_of, said


def _speakers(language: str, *paragraphs: str) -> list[str]:
    return [speaker for speaker, _ in said(draft_of(language, *paragraphs))]


def test_a_speaker_named_after_a_setting_after_the_verb_speaks() -> None:
    found = said(
        draft_of(
            "ru",
            "Иран выступает против присутствия внерегиональных сил на Кавказе, сообщил в своем "
            "Telegram-канале министр иностранных дел Ирана Аббас Аракчи.",
        )
    )
    assert found == [
        ("abbas-araghchi", "Иран выступает против присутствия внерегиональных сил на Кавказе")
    ]


def test_a_person_after_that_is_what_is_said_not_who_says_it() -> None:
    speakers = _speakers(
        "ru",
        "Сергей Лавров заявил журналистам в Москве, что министр иностранных дел Ирана Аббас "
        "Аракчи поддерживает формат «3+3».",
    )
    assert speakers == ["sergey-lavrov"]


def test_the_speaker_after_the_verb_not_the_people_of_the_meeting_before_it() -> None:
    draft = draft_of(
        "ru",
        "Президент России Владимир Путин и президент Азербайджана Ильхам Алиев встретились "
        "накануне в Москве, сообщил журналистам министр иностранных дел России Сергей Лавров.",
    )
    assert said(draft) == []  # a meeting reported, no position
    assert {p["person"] for p in draft.form["meetings"][0]["participants"]} == {
        "vladimir-putin",
        "ilham-aliyev",
    }


def test_a_speaker_before_the_verb_with_no_verb_of_his_own_speaks() -> None:
    speakers = _speakers(
        "ru",
        "Сергей Лавров, в свою очередь, заявил министру иностранных дел Ирана Аббасу Аракчи, "
        "что Россия поддерживает мирный процесс.",
    )
    assert speakers == ["sergey-lavrov"]


def test_a_country_s_verb_before_an_inverted_verb_is_the_named_speaker_s() -> None:
    found = said(
        draft_of(
            "ru",
            "Россия призывает Армению и Азербайджан воздерживаться от шагов, ведущих к "
            "эскалации, заявила официальный представитель МИД России Мария Захарова на брифинге "
            "в среду.",
        )
    )
    assert [speaker for speaker, _ in found] == ["maria-zakharova"]
    assert "Захарова" not in found[0][1]  # the title and name are not what she said


def test_a_country_s_verb_alone_is_the_country_s() -> None:
    speakers = _speakers("ru", "Россия призывает Армению и Азербайджан к сдержанности.")
    assert speakers and "maria-zakharova" not in speakers


def test_what_was_discussed_as_well_is_no_statement() -> None:
    speakers = _speakers(
        "ru",
        "«Президенты обсудили весь комплекс двусторонних отношений, а также ситуацию в "
        "регионе», — сказал министр иностранных дел России Сергей Лавров.",
    )
    assert speakers == []


def test_things_listed_after_a_stance_are_said_apart() -> None:
    found = said(
        draft_of(
            "ru",
            "Сергей Лавров заявил, что Россия поддерживает мирный процесс, а также выступает за "
            "разблокирование транспортных коммуникаций.",
        )
    )
    assert len(found) == 2


def test_a_ministry_cited_as_a_body_speaks() -> None:
    speakers = _speakers("ru", "В МИД РФ заявили, что Москва поддерживает формат «3+3».")
    assert speakers == ["ministry-of-foreign-affairs-of-russia"]


def test_a_first_name_the_dictionary_reads_as_a_common_noun_opens_a_name() -> None:
    draft = draft_of(
        "uk",
        "Президент України Володимир Зеленський зустрівся з президентом Азербайджану Ільхамом "
        "Алієвим у Давосі.",
    )
    people = {p["person"] for m in draft.form["meetings"] for p in m["participants"]}
    assert "ilham-aliyev" in people and len(people) == 2


def test_a_common_noun_after_a_title_is_no_name() -> None:
    draft = draft_of(
        "ru", "Председатель Федерального собрания встретился с Ильхамом Алиевым в Баку."
    )
    people = {p["person"] for m in draft.form["meetings"] for p in m["participants"]}
    assert not any("federaln" in p for p in people)


PHRASINGS = [
    (
        "ru",
        "Лавров заявил, что российско-азербайджанские отношения носят характер стратегического "
        "партнерства.",
        "bilateral-relations",
    ),
    (
        "uk",
        "Джейхун Байрамов заявив, що Україна та Азербайджан розвивають стратегічне партнерство.",
        "bilateral-relations",
    ),
    (
        "ru",
        "Байрамов заявил, что Баку ценит вклад Москвы в обеспечение стабильности на Южном Кавказе.",
        "regional-peace-and-stability",
    ),
    (
        "ru",
        "Мария Захарова призвала Армению и Азербайджан к сдержанности на границе.",
        "crisis-prevention",
    ),
    (
        "uk",
        "Джейхун Байрамов закликав сторони уникати ескалації на кордоні.",
        "crisis-prevention",
    ),
    (
        "ru",
        "Мирзоян заявил, что стороны продвинулись в делимитации границы.",
        "karabakh-conflict-settlement",
    ),
    (
        "uk",
        "Байрамов закликав до виконання всіх положень тристоронніх заяв.",
        "karabakh-conflict-settlement",
    ),
    (
        "ru",
        "Пезешкиан заявил, что регион должен решать свои проблемы без вмешательства извне.",
        "extra-regional-forces",
    ),
    (
        "ru",
        "Лавров заявил, что контакты на высшем уровне будут продолжены.",
        "diplomatic-exchanges",
    ),
    (
        "ru",
        "Лавров заявил, что Москва готова содействовать разблокированию транспортных коммуникаций.",
        "regional-cooperation",
    ),
    (
        "uk",
        "Алієв заявив, що Баку зацікавлений у розширенні економічних зв'язків з Україною.",
        "trade-and-economic-cooperation",
    ),
    (
        "ru",
        "Никол Пашинян отметил, что Ереван готов к подписанию мирного соглашения.",
        "karabakh-conflict-settlement",
    ),
    (
        "ru",
        "Сергей Лавров заявил, что Азербайджан остается надежным партнером России.",
        "bilateral-relations",
    ),
    (
        "ru",
        "Сергей Лавров заявил, что Россия выступает за разблокирование всех транспортных "
        "коммуникаций.",
        "regional-cooperation",
    ),
    (
        "ru",
        "Владимир Путин отметил, что Россия будет содействовать урегулированию отношений между "
        "Баку и Ереваном.",
        "karabakh-conflict-settlement",
    ),
    (
        "ru",
        "Владимир Путин призвал стороны воздерживаться от применения силы на границе.",
        "crisis-prevention",
    ),
    (
        "uk",
        "Масуд Пезешкіан наголосив, що Іран виступає проти присутності іноземних сил у регіоні.",
        "extra-regional-forces",
    ),
    (
        "uk",
        "Масуд Пезешкіан заявив, що Тегеран готовий долучитися до розвитку регіональних "
        "транспортних маршрутів.",
        "transport-corridors",
    ),
]


@pytest.mark.parametrize(("language", "sentence", "topic"), PHRASINGS)
def test_a_topic_as_russian_and_ukrainian_agencies_phrase_it(
    language: str, sentence: str, topic: str
) -> None:
    positions = [item["position"] for item in draft_of(language, sentence).form["statements"]]
    assert topic in positions


def test_partnership_in_sport_is_no_bilateral_topic() -> None:
    draft = draft_of(
        "ru", "Лавров заявил, что клубы подписали соглашение о спортивном партнерстве."
    )
    assert "bilateral-relations" not in [item["position"] for item in draft.form["statements"]]


def test_a_country_s_stand_told_before_about_this_said_x_is_x_s() -> None:
    found = said(
        draft_of(
            "ru",
            "Россия выступает за то, чтобы страны региона сами решали свои проблемы.",
            "Об этом заявил министр иностранных дел России Сергей Лавров в пятницу.",
        )
    )
    assert found == [
        ("sergey-lavrov", "Россия выступает за то, чтобы страны региона сами решали свои проблемы")
    ]


def test_a_person_s_words_told_before_about_this_said_x_stay_the_person_s() -> None:
    speakers = _speakers(
        "ru",
        "Джейхун Байрамов заявил, что Баку привержен мирной повестке.",
        "Об этом сообщил министр иностранных дел России Сергей Лавров в пятницу.",
    )
    assert speakers == ["jeyhun-bayramov"]


# Reporting verbs of the agencies beyond "said": drew attention to, rejected, praised, "in his
# assessment"; each reports a position of the one named.
VERBS = [
    ("ru", "Кроме того, Сергей Лавров обратил внимание на необходимость делимитации границы."),
    ("ru", "Сергей Лавров отверг обвинения в адрес российских миротворцев на Кавказе."),
    ("ru", "Джейхун Байрамов, в свою очередь, высоко оценил роль России в регионе."),
    ("ru", "По оценке Сергея Лаврова, отношения двух стран находятся на высоком уровне."),
    ("uk", "Джейхун Байрамов звернув увагу на необхідність делімітації кордону."),
    ("uk", "Джейхун Байрамов відкинув звинувачення на адресу азербайджанських військових."),
    ("uk", "За оцінкою Джейхуна Байрамова, відносини двох країн перебувають на високому рівні."),
    ("ru", "Сергей Лавров признал, что мирный договор пока не согласован сторонами."),
    ("ru", "Сергей Лавров потребовал прекратить вмешательство внерегиональных сил."),
    ("uk", "Джейхун Байрамов визнав, що мирний договір поки не узгоджено сторонами."),
    ("uk", "Джейхун Байрамов пообіцяв розширити транспортні коридори через Азербайджан."),
]


@pytest.mark.parametrize(("language", "sentence"), VERBS)
def test_a_reporting_verb_of_the_agencies_reports_a_position(language: str, sentence: str) -> None:
    assert len(_speakers(language, sentence)) == 1


def test_attention_drawn_by_an_event_is_no_one_s_position() -> None:
    speakers = _speakers(
        "ru", "Внимание прессы обратила на себя встреча министров в Москве на прошлой неделе."
    )
    assert speakers == []


# "arrived in X on a visit at the invitation of Y": the place before the visit noun is where
# the visit goes, and "с визитом" is no partner's "with".
HOSTED_VISITS = [
    (
        "ru",
        "Президент Ирана Масуд Пезешкиан прибыл в Баку с официальным визитом по приглашению "
        "Ильхама Алиева во вторник.",
    ),
    (
        "uk",
        "Президент Ірану Масуд Пезешкіан прибув до Азербайджану з офіційним візитом на "
        "запрошення Ільхама Алієва у вівторок.",
    ),
    (
        "en",
        "Iranian President Masoud Pezeshkian arrived in Baku on an official visit at the "
        "invitation of Ilham Aliyev on Tuesday.",
    ),
]


@pytest.mark.parametrize(("language", "sentence"), HOSTED_VISITS)
def test_a_visit_to_a_place_named_before_it_met_the_host(language: str, sentence: str) -> None:
    meetings = draft_of(language, sentence).form["meetings"]
    assert [{p["person"] for p in m["participants"]} for m in meetings] == [
        {"masoud-pezeshkian", "ilham-aliyev"}
    ]


def test_a_visit_with_no_host_named_is_no_meeting() -> None:
    draft = draft_of(
        "ru",
        "Президент Ирана Масуд Пезешкиан прибыл в Баку с визитом и раскритиковал политику Армении.",
    )
    assert draft.form["meetings"] == []


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        (
            "ru",
            "На встрече с Ильхамом Алиевым Владимир Путин признал, что ракеты российской ПВО "
            "взорвались рядом с самолетом.",
        ),
        (
            "uk",
            "На зустрічі з Ільхамом Алієвим Володимир Путін визнав, що ракети російської ППО "
            "вибухнули поруч з літаком.",
        ),
    ],
)
def test_at_a_meeting_with_x_the_one_who_admits_met_x(language: str, sentence: str) -> None:
    draft = draft_of(language, sentence)
    assert [{p["person"] for p in m["participants"]} for m in draft.form["meetings"]] == [
        {"vladimir-putin", "ilham-aliyev"}
    ]
    assert [speaker for speaker, _ in said(draft)] == ["vladimir-putin"]


def test_who_is_named_in_what_is_announced_does_not_speak() -> None:
    draft = draft_of(
        "ru", "Кремль объявил, что Владимир Путин встретится с Ильхамом Алиевым в Душанбе."
    )
    assert "vladimir-putin" not in [speaker for speaker, _ in said(draft)]


@pytest.mark.parametrize(
    ("language", "paragraphs"),
    [
        (
            "ru",
            (
                "Министр иностранных дел Ирана Аббас Аракчи принял в Тегеране посла "
                "Азербайджана Али Ализаде.",
                "Посол Азербайджана, в свою очередь, заявил, что Баку заинтересован в "
                "расширении сотрудничества с Тегераном.",
            ),
        ),
        (
            "uk",
            (
                "Міністр закордонних справ Ірану Аббас Аракчі прийняв у Тегерані посла "
                "Азербайджану Алі Алізаде.",
                "Посол Азербайджану, своєю чергою, заявив, що Баку зацікавлений у розширенні "
                "співпраці з Тегераном.",
            ),
        ),
    ],
)
def test_the_ambassador_named_before_speaks_as_the_ambassador(
    language: str, paragraphs: tuple[str, str]
) -> None:
    draft = draft_of(language, *paragraphs)
    assert [(s["speaker"], s["position"]) for s in draft.form["statements"]] == [
        ("ali-alizade", "bilateral-relations")
    ]


def test_an_ambassador_no_one_named_is_nobody() -> None:
    speakers = _speakers(
        "ru",
        "Посол Азербайджана заявил, что Баку заинтересован в расширении сотрудничества с "
        "Тегераном.",
    )
    assert speakers == []


@pytest.mark.parametrize(
    ("language", "sentence", "people"),
    [
        (
            "ru",
            "В Алматы министр иностранных дел Азербайджана Джейхун Байрамов и министр "
            "иностранных дел Армении Арарат Мирзоян провели переговоры с Сергеем Лавровым.",
            {"jeyhun-bayramov", "ararat-mirzoyan", "sergey-lavrov"},
        ),
        (
            "en",
            "Jeyhun Bayramov and Ararat Mirzoyan held talks with Sergey Lavrov in Moscow on "
            "Tuesday.",
            {"jeyhun-bayramov", "ararat-mirzoyan", "sergey-lavrov"},
        ),
    ],
)
def test_subjects_joined_by_and_met_each_other_and_the_partner(
    language: str, sentence: str, people: set[str]
) -> None:
    meetings = draft_of(language, sentence).form["meetings"]
    assert [{p["person"] for p in m["participants"]} for m in meetings] == [people]


def test_people_of_another_clause_are_no_subjects_of_the_meeting() -> None:
    meetings = draft_of(
        "ru",
        "Сергей Лавров и Мария Захарова сообщили, что Владимир Путин встретился с Ильхамом "
        "Алиевым в Душанбе.",
    ).form["meetings"]
    assert [{p["person"] for p in m["participants"]} for m in meetings] == [
        {"vladimir-putin", "ilham-aliyev"}
    ]


def test_an_attack_not_left_unanswered_is_a_warning() -> None:
    draft = draft_of(
        "uk",
        "Президент Азербайджану Ільхам Алієв провів зустріч з Джейхуном Байрамовим у Баку.",
        '"Ми не залишимо цей напад без відповіді", - наголосив Ільхам Алієв.',
    )
    assert [(s["speaker"], s["stance"]) for s in draft.form["statements"]] == [
        ("ilham-aliyev", "warns")
    ]


def test_a_question_left_unanswered_is_no_warning() -> None:
    draft = draft_of(
        "ru",
        "Президент Азербайджана Ильхам Алиев провел встречу с Джейхуном Байрамовым в Баку.",
        "Ильхам Алиев отметил, что Баку поддерживает мирный процесс, хотя вопрос журналиста "
        "остался без ответа.",
    )
    assert [s["stance"] for s in draft.form["statements"]] == ["supports"]


def test_a_denial_is_a_reporting_verb() -> None:
    speakers = _speakers(
        "ru",
        "Мария Захарова отрицает, что Россия препятствует мирному процессу между Баку и Ереваном.",
    )
    assert speakers == ["maria-zakharova"]
