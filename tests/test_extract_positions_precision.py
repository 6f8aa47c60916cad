"""What is a position: the rules that keep junk out of the statements, in each language, each
with a near miss that must still yield its statement.

The sentences are written for these tests (no article's text).
"""

from __future__ import annotations

import pytest

from kb.extract.pipeline import Options, extract

from .drafting import draft_of, said

# -- a page cut mid-sentence -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "opening", "cut", "rest"),
    [
        (
            "ru",
            "Министр иностранных дел России Сергей Лавров встретился с коллегой в Москве.",
            "Сергей Лавров заявил, что Москва готова помочь сосе",
            "дям.",
        ),
        (
            "uk",
            "Міністр закордонних справ України Андрій Сибіга зустрівся з колегою в Києві.",
            "Андрій Сибіга заявив, що Київ готовий допомогти сусі",
            "дам.",
        ),
        (
            "en",
            "Iranian Foreign Minister Abbas Araghchi met his counterpart in Baku on Monday.",
            "Abbas Araghchi said that Tehran is ready to help its neigh",
            "bours.",
        ),
        (
            "ar",
            "التقى وزير الخارجية الإيراني عباس عراقجي نظيره في باكو يوم الاثنين.",
            "وأكد عباس عراقجي أن طهران مستعدة لمساعدة جيرا",
            "نها.",
        ),
    ],
)
def test_a_statement_cut_by_the_end_of_the_page_is_not_entered(
    language: str, opening: str, cut: str, rest: str
) -> None:
    assert said(draft_of(language, opening, cut)) == []
    # near miss: the same sentence, whole, is a statement
    assert said(draft_of(language, opening, cut + rest))


def test_a_cut_clause_keeps_what_was_said_before_its_last_and() -> None:
    draft = draft_of(
        "en",
        "Iranian Foreign Minister Abbas Araghchi met his counterpart in Baku on Monday.",
        "Abbas Araghchi said that Tehran supports the peace process in the region and that it wi",
    )
    quotes = [q for _, q in said(draft)]
    assert quotes == ["Tehran supports the peace process in the region"], quotes


@pytest.mark.parametrize(
    ("language", "opening", "cut", "outside"),
    [
        (
            "ru",
            "Министр иностранных дел России Сергей Лавров встретился с коллегой в Москве.",
            "Лавров заявил, что Москва «поддерживает скорейшее начало переговоров, а также то, что",
            "Лавров заявил, что Москва поддерживает скорейшее начало переговоров, а также то, что",
        ),
        (
            "en",
            "Iranian Foreign Minister Abbas Araghchi met his counterpart in Baku on Monday.",
            'Araghchi said that Tehran "is ready to expand trade with Baku, but only if the',
            "Araghchi said that Tehran is ready to expand trade with Baku, but only if the",
        ),
    ],
    ids=["ru", "en"],
)
def test_a_comma_inside_a_quotation_left_open_by_the_cut_ends_no_statement(
    language: str, opening: str, cut: str, outside: str
) -> None:
    # the speaker's quoted sentence is cut off: its first comma may open a condition
    assert said(draft_of(language, opening, cut)) == []
    # near miss: with no quotation marks, the clause before the comma is what was said
    assert said(draft_of(language, opening, outside))


# -- minimum content ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "paragraphs", "junk", "kept"),
    [
        (
            "en",
            [
                "Iranian Foreign Minister Abbas Araghchi met Azerbaijani Foreign Minister "
                "Jeyhun Bayramov in Baku.",
                "Greeting the guests, Jeyhun Bayramov said: You are welcome! Our countries "
                "will build the new railway together.",
            ],
            ["the guests", "You are welcome"],
            "Our countries will build the new railway together",
        ),
        (
            "en",
            [
                "Iranian Foreign Minister Abbas Araghchi met Azerbaijani Foreign Minister "
                "Jeyhun Bayramov in Baku.",
                "In this regard, Araghchi stressed the need to open the new border crossing soon.",
            ],
            ["In this regard"],
            "the need to open the new border crossing soon",
        ),
        (
            "ru",
            [
                "Министр иностранных дел России Сергей Лавров встретился с коллегой в Москве.",
                "Сергей Лавров передал приветствие от президента и заявил, что Россия "
                "поддерживает переговоры соседей.",
            ],
            ["приветствие от президента"],
            "Россия поддерживает переговоры соседей",
        ),
    ],
)
def test_a_short_phrase_or_a_courtesy_is_no_position(
    language: str, paragraphs: list[str], junk: list[str], kept: str
) -> None:
    found = said(draft_of(language, *paragraphs))
    assert not any(j in q for j in junk for _, q in found), found
    assert any(kept in q for _, q in found), found


def test_a_verb_with_an_object_says_the_object_not_the_phrase_before_its_subject() -> None:
    draft = draft_of(
        "en",
        "Iranian Foreign Minister Abbas Araghchi met Azerbaijani Foreign Minister Jeyhun "
        "Bayramov in Baku.",
        "On the whole, Bayramov underlined the important role of the joint commission.",
    )
    quotes = [q for _, q in said(draft)]
    assert any("the important role of the joint commission" in q for q in quotes), quotes
    assert not any("On the whole" in q for q in quotes), quotes


# -- who speaks ------------------------------------------------------------------------------


def test_an_arabic_verb_with_no_subject_before_its_object_continues_the_speaker() -> None:
    draft = draft_of(
        "ar",
        "التقى وزير الخارجية الإيراني عباس عراقجي نظيره في باكو يوم الاثنين.",
        "وأكد عراقجي أن طهران تدعم الحوار بين دول المنطقة.",
        "ووصف التعاون الاقتصادي بين البلدين بأنه مفيد للشعبين.",
    )
    assert any(
        s == "abbas-araghchi" and q.startswith("التعاون الاقتصادي") for s, q in said(draft)
    ), said(draft)


def test_an_arabic_verb_before_an_unknown_name_does_not_continue_the_speaker() -> None:
    draft = draft_of(
        "ar",
        "التقى وزير الخارجية الإيراني عباس عراقجي نظيره في باكو يوم الاثنين.",
        "وأكد عراقجي أن طهران تدعم الحوار بين دول المنطقة.",
        "وأعرب كريم زاهدوف عن أمله في توسيع التجارة بين البلدين.",
    )
    # the hope is the new person's ("عن أمله" is a stance cue), never Araghchi's
    assert not any(s == "abbas-araghchi" and "توسيع التجارة" in q for s, q in said(draft)), said(
        draft
    )


def test_a_verb_of_reference_followed_by_saying_states_what_was_said() -> None:
    opening = "التقى وزير الخارجية الإيراني عباس عراقجي نظيره في باكو يوم الاثنين."
    draft = draft_of(
        "ar",
        opening,
        "وأشار عراقجي إلى العلاقات التاريخية بين البلدين قائلا: إن طهران تدعم الحوار الإقليمي.",
    )
    quotes = [q for _, q in said(draft)]
    assert any("طهران تدعم الحوار" in q for q in quotes), quotes
    assert not any("العلاقات التاريخية" in q for q in quotes), quotes
    # near miss: alone, the verb of reference reports what he stressed
    alone = draft_of("ar", opening, "وأشار عراقجي إلى رغبة طهران في تطوير العلاقات بين البلدين.")
    assert any("رغبة طهران في تطوير العلاقات" in q for _, q in said(alone)), said(alone)


@pytest.mark.parametrize(
    ("language", "opening", "impersonal", "personal"),
    [
        (
            "uk",
            "Міністр закордонних справ України Андрій Сибіга зустрівся з колегою в Києві.",
            "У спільній заяві зазначено, що сторони підтримують мирні переговори в регіоні.",
            "Андрій Сибіга зазначив, що Україна підтримує мирні переговори в регіоні.",
        ),
        (
            "ru",
            "Министр иностранных дел России Сергей Лавров встретился с коллегой в Москве.",
            "В документе отмечено, что стороны поддерживают мирные переговоры в регионе.",
            "Сергей Лавров отметил, что Россия поддерживает мирные переговоры в регионе.",
        ),
    ],
)
def test_an_impersonal_verb_form_gives_no_speaker(
    language: str, opening: str, impersonal: str, personal: str
) -> None:
    assert said(draft_of(language, opening, impersonal)) == []
    assert said(draft_of(language, opening, personal))


def test_the_source_of_a_report_is_not_a_reporting_verb() -> None:
    draft = draft_of(
        "ru",
        "Министр иностранных дел России Сергей Лавров встретился с коллегой в Москве.",
        "Как сообщили агентству в МИД, министр подчеркнул важность мирного договора.",
    )
    quotes = [(s, q) for s, q in said(draft)]
    assert quotes and all(s == "sergey-lavrov" for s, _ in quotes), quotes
    assert not any("агентству" in q for _, q in quotes), quotes


def test_an_adviser_of_a_president_is_not_the_president() -> None:
    draft = draft_of(
        "ru",
        "Президент России Владимир Путин принял делегацию в Москве.",
        "Советник российского президента добавил, что Россия поддерживает мирный договор.",
    )
    assert not any(s == "vladimir-putin" for s, _ in said(draft)), said(draft)
    # near miss: the president himself
    direct = draft_of(
        "ru",
        "Президент России Владимир Путин принял делегацию в Москве.",
        "Российский президент добавил, что Россия поддерживает мирный договор.",
    )
    assert any(s == "vladimir-putin" for s, _ in said(direct)), said(direct)


# -- content clauses ---------------------------------------------------------------------------


def test_items_of_a_list_joined_by_as_well_as_are_said_apart() -> None:
    draft = draft_of(
        "ru",
        "Министр иностранных дел России Сергей Лавров встретился с коллегой в Москве.",
        "Лавров отметил встречу президентов двух стран в Сочи, а также важность "
        "расширения торговли между странами.",
    )
    quotes = [q for _, q in said(draft)]
    assert any(q.startswith("важность расширения торговли") for q in quotes), quotes
    assert not any("встречу президентов" in q for q in quotes), quotes


def test_a_converb_with_that_says_the_that_clause_not_the_quotation_before_it() -> None:
    draft = draft_of(
        "uk",
        "Президент Азербайджану Ільхам Алієв зустрівся з колегою в Баку.",
        "Алієв назвав переговори «дуже корисними», заявивши згодом, що Азербайджан "
        "«прагне миру з сусідами».",
    )
    quotes = [q for _, q in said(draft)]
    assert any(q.startswith("Азербайджан «прагне миру з сусідами»") for q in quotes), quotes


# -- joint statements --------------------------------------------------------------------------

MEETING_AR = "التقى وزير الخارجية الإيراني عباس عراقجي بوزير خارجية أذربيجان جيهون بيراموف في باكو."


def test_an_arabic_dual_verb_after_the_sides_is_a_statement_of_both() -> None:
    draft = draft_of(
        "ar",
        MEETING_AR,
        "وبحث الطرفان شؤون الموانئ، وأكدا على ضرورة المشاريع المشتركة بين "
        "البلدين، واعتبراها خطوة نحو ربط موانئ بحر قزوين.",
    )
    found = said(draft)
    for quote in ("ضرورة المشاريع المشتركة", "خطوة نحو ربط موانئ"):
        speakers = {s for s, q in found if quote in q}
        assert speakers == {"abbas-araghchi", "jeyhun-bayramov"}, (quote, found)


def test_one_side_of_the_meeting_is_not_both() -> None:
    draft = draft_of(
        "ar",
        MEETING_AR,
        "وأكد الجانب الإيراني على أهمية تطوير العلاقات الثنائية بين البلدين.",
    )
    assert {s for s, _ in said(draft)} == {"abbas-araghchi"}, said(draft)


# -- pronouns and bare titles ------------------------------------------------------------------


def test_he_is_the_subject_the_sentence_before_opened_with_not_a_name_inside_it() -> None:
    draft = draft_of(
        "en",
        "Iranian Foreign Minister Abbas Araghchi met Azerbaijani Foreign Minister Jeyhun "
        "Bayramov in Baku on Monday.",
        "The Iranian minister later visited a port built with President Ilham Aliyev's support.",
        "He stressed that Iran will expand transit through the new port.",
    )
    assert ("abbas-araghchi", "Iran will expand transit through the new port") in said(draft)
    # near miss: a sentence that opens with a name hands "he" to that name
    other = draft_of(
        "en",
        "Iranian Foreign Minister Abbas Araghchi met Azerbaijani Foreign Minister Jeyhun "
        "Bayramov in Baku on Monday.",
        "Bayramov later visited a port built with Iranian support.",
        "He stressed that Azerbaijan will expand transit through the new port.",
    )
    assert ("jeyhun-bayramov", "Azerbaijan will expand transit through the new port") in said(other)


def test_a_further_sentence_of_a_quoted_block_states_something_only_with_a_stance() -> None:
    opening = "Президент Азербайджану Ільхам Алієв зустрівся з колегою в Баку."
    draft = draft_of(
        "uk",
        opening,
        '"На щастя, Азербайджан і Грузія мають спільні плани. Наступного тижня делегація '
        'поїде до Тбілісі", — сказав Алієв.',
    )
    quotes = [q for _, q in said(draft)]
    assert any("Азербайджан і Грузія мають спільні плани" in q for q in quotes), quotes
    assert not any("делегація поїде" in q for q in quotes), quotes


def test_a_page_that_ends_on_a_closing_mark_with_no_full_stop_was_cut() -> None:
    opening = "Министр иностранных дел России Сергей Лавров встретился с коллегой в Москве."
    cut = draft_of("ru", opening, "Сергей Лавров заявил, что Россия поддерживает формат «3+3»")
    assert said(cut) == []
    whole = draft_of("ru", opening, "Сергей Лавров заявил, что Россия поддерживает формат «3+3».")
    assert said(whole)


def test_thanks_for_hospitality_is_a_courtesy() -> None:
    opening = "Министр иностранных дел России Сергей Лавров встретился с коллегой в Москве."
    polite = draft_of("ru", opening, "Лавров поблагодарил Баку за гостеприимство на переговорах.")
    assert said(polite) == []
    # near miss: thanks for support is a position
    thanks = draft_of("ru", opening, "Лавров поблагодарил Баку за поддержку мирного договора.")
    assert said(thanks)


def test_a_bare_title_is_the_person_the_article_introduced_with_it() -> None:
    draft = draft_of(
        "en",
        "Iranian President Masoud Pezeshkian received Azerbaijani Deputy Prime Minister "
        "Karim Zahidov in Tehran on Monday.",
        "Azerbaijan's deputy prime minister said that Baku supports the new railway to Iran.",
    )
    statements = draft.form["statements"]
    assert [s["speaker"] for s in statements] == ["karim-zahidov"], statements
    assert draft.notes()[statements[0]["id"]]["confidence"] < 0.75  # a weaker rule
    # near miss: with no one introduced with that office, the title is the registry's holder
    alone = draft_of(
        "en",
        "Iranian President Masoud Pezeshkian received a delegation in Tehran on Monday.",
        "Azerbaijan's deputy prime minister said that Baku supports the new railway to Iran.",
    )
    assert all(s["speaker"] != "karim-zahidov" for s in alone.form["statements"])


def test_a_bare_title_in_an_undated_article_with_no_one_introduced_is_no_speaker() -> None:
    text = (
        "Talks in the region\n\n"
        "A delegation arrived in Tehran for talks on Monday.\n\n"
        "Azerbaijan's deputy prime minister said that Baku supports the new railway to Iran.\n"
    )
    undated = extract(text, Options(lang="en"))
    assert undated.form["statements"] == []
    # near miss: dated, the title is the registry's holder at that date
    dated = extract(text, Options(lang="en", published="2025-06-14"))
    assert dated.form["statements"], dated.form


def test_a_role_noun_refers_to_the_person_it_introduced() -> None:
    opening = (
        "Министр иностранных дел России Сергей Лавров принял в Москве советника "
        "президента Азербайджана по внешней политике Карима Захидова."
    )
    later = "Советник азербайджанского президента добавил, что Баку поддерживает мирный договор."
    draft = draft_of("ru", opening, later)
    speakers = {s for s, _ in said(draft)}
    assert len(speakers) == 1 and "zakhidov" in speakers.pop(), said(draft)
    # near miss: no adviser introduced, no speaker
    alone = draft_of(
        "ru", "Министр иностранных дел России Сергей Лавров провел переговоры в Москве.", later
    )
    assert said(alone) == []


def test_a_joined_verb_with_an_object_pronoun_says_more_of_the_same_statement() -> None:
    merged = draft_of(
        "ar",
        MEETING_AR,
        "وأكد عراقجي على أهمية الممر الجديد بين البلدين، واعتبرها عاملا مهما في تطوير التجارة.",
    )
    quotes = {q for _, q in said(merged)}
    assert any("أهمية الممر الجديد" in q and "عاملا مهما" in q for q in quotes), quotes
    # near miss: a joined verb with an object of its own is a statement of its own
    apart = draft_of(
        "ar",
        MEETING_AR,
        "وأكد عراقجي على أهمية الممر الجديد بين البلدين، ودعا إلى تطوير التجارة بين البلدين.",
    )
    quotes = {q for _, q in said(apart)}
    assert not any("أهمية الممر الجديد" in q and "تطوير التجارة" in q for q in quotes), quotes


def test_direct_speech_that_only_reports_a_meeting_is_no_position() -> None:
    opening = (
        "Iranian Foreign Minister Abbas Araghchi met Azerbaijani Foreign Minister Jeyhun "
        "Bayramov in Baku on Monday."
    )
    plain = draft_of("en", opening, "Araghchi said: We held a meeting with the minister in May.")
    assert said(plain) == []
    # near miss: an assessment of the meeting is a position
    judged = draft_of(
        "en",
        opening,
        "Araghchi said: It was a fruitful meeting for the relations of our countries.",
    )
    assert said(judged)


# -- quotation marks -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("opening_mark", "closing_mark"),
    [("„", "“"), ("“", '"'), ('"', "“"), ("‹", "›"), ("«", "”")],
)
def test_a_quoted_block_in_mismatched_marks_is_attributed_whole(
    opening_mark: str, closing_mark: str
) -> None:
    draft = draft_of(
        "ru",
        "Министр иностранных дел России Сергей Лавров встретился с коллегой в Москве.",
        f"{opening_mark}Россия поддерживает мирный договор между соседями. Мы готовы помочь "
        f"сторонам в переговорах{closing_mark}, — сказал Лавров.",
    )
    assert ("sergey-lavrov", "Россия поддерживает мирный договор между соседями") in said(draft)
    # near miss: a term in marks is no quotation and the sentence after it no statement of it
    term = draft_of(
        "ru",
        "Министр иностранных дел России Сергей Лавров встретился с коллегой в Москве.",
        f"Стороны обсудили формат {opening_mark}3+3{closing_mark} в Баку.",
    )
    assert said(term) == []


# -- interviews ----------------------------------------------------------------------------------


def test_a_question_line_of_an_interview_is_nobody_s_statement() -> None:
    draft = draft_of(
        "en",
        "Azerbaijani Foreign Minister Jeyhun Bayramov spoke to our newspaper in Baku.",
        "Q: Iran built a new road to the border. What do you think of it?",
        "A: We welcome the new road. It will help trade between our countries.",
        "Q: And the railway? Where is it now?",
        "A: The railway will be ready next year.",
    )
    quotes = [q for _, q in said(draft)]
    assert not any(q.startswith(("What do you think", "Where is it now")) for q in quotes)
    assert not any(q.startswith("A:") for q in quotes), quotes
    assert any(q.startswith("We welcome the new road") for q in quotes), quotes


def test_thanks_for_being_received_is_a_courtesy_in_direct_speech() -> None:
    opening = (
        "Iranian Foreign Minister Abbas Araghchi met Azerbaijani Foreign Minister Jeyhun "
        "Bayramov in Baku on Monday."
    )
    polite = draft_of(
        "en", opening, "Araghchi said: Thank you very much for receiving us in your beautiful city."
    )
    assert said(polite) == []
    # near miss: thanks for a policy is a position
    thanks = draft_of(
        "en", opening, "Araghchi said: We thank Azerbaijan for its support of the peace process."
    )
    assert said(thanks)


# -- what a later reporting verb's subject is not ----------------------------------------------


@pytest.mark.parametrize("source", ["officials", "Iranian state media", "the sources"])
def test_the_subject_of_a_later_reporting_verb_is_not_part_of_the_statement(source: str) -> None:
    sentence = (
        "President Masoud Pezeshkian stressed the importance of the peace process in the "
        f"Caucasus, {source} said."
    )
    assert said(draft_of("en", sentence)) == [
        ("masoud-pezeshkian", "the importance of the peace process in the Caucasus")
    ]


def test_a_long_clause_after_a_comma_before_a_later_verb_stays_in_the_statement() -> None:
    sentence = (
        "President Masoud Pezeshkian stressed that Iran supports the peace process, which the "
        "region needs, and added that trade should grow."
    )
    quotes = [quote for _, quote in said(draft_of("en", sentence))]
    assert quotes[0].startswith("Iran supports the peace process, which the region needs")
