"""A scraped page's furniture makes no claim: navigation bars, tickers and lists of other
stories' headlines, with or without a heading kb knows. A subheading or a caption alone
between the article's paragraphs is still read."""

from __future__ import annotations

from kb.extract.pipeline import Options, extract
from kb.extract.segment import Doc, lines_of

from .drafting import PUBLISHED


def _met(text: str, language: str = "en") -> set[frozenset[str]]:
    draft = extract(text, Options(lang=language, published=PUBLISHED))
    return {frozenset(p["person"] for p in m["participants"]) for m in draft.form["meetings"]}


def _speakers(text: str, language: str = "en") -> list[str]:
    draft = extract(text, Options(lang=language, published=PUBLISHED))
    return [s["speaker"] for s in draft.form["statements"]]


ARTICLE = """Caspian Daily

Bayramov and Araghchi talk transport in Baku

Azerbaijani Foreign Minister Jeyhun Bayramov met Iranian Foreign Minister Abbas Araghchi in Baku on Wednesday.

Bayramov said that the new railway will benefit every country of the region.
"""
BAYRAMOV_ARAGHCHI = frozenset({"jeyhun-bayramov", "abbas-araghchi"})

# Headlines of other stories under a heading that is no cut marker, one a line.
OTHER_STORIES = """
Elsewhere on the site
Aliyev receives Turkish Foreign Minister Hakan Fidan in Baku
Pashinyan meets Putin in Moscow to discuss the border
Zakharova: Moscow welcomes the progress in the peace process
"""


def test_a_list_of_other_headlines_after_the_article_is_no_meeting_and_no_statement() -> None:
    text = ARTICLE + OTHER_STORIES
    assert _met(text) == {BAYRAMOV_ARAGHCHI}
    assert _speakers(text) == ["jeyhun-bayramov"]


def test_headlines_separated_by_blank_lines_are_not_joined_into_one_paragraph() -> None:
    text = ARTICLE + "\n" + OTHER_STORIES.replace("\n", "\n\n")
    assert _met(text) == {BAYRAMOV_ARAGHCHI}


def test_a_subheading_between_paragraphs_is_read() -> None:
    # near miss: one short line with no full stop, with the article's prose after it
    text = ARTICLE + (
        "\nAliyev received Fidan in the evening\n\n"
        "President Ilham Aliyev later received Turkish Foreign Minister Hakan Fidan in Baku.\n"
    )
    assert frozenset({"ilham-aliyev", "hakan-fidan"}) in _met(text)


def test_a_short_last_line_cut_off_after_a_subheading_is_still_the_article() -> None:
    # near miss: the page stored cut after a subheading; its last line is read
    text = ARTICLE + (
        "\nThe president receives the Turkish minister\n"
        "President Ilham Aliyev later received Hakan Fidan and said that the"
    )
    assert frozenset({"ilham-aliyev", "hakan-fidan"}) in _met(text)


def test_a_navigation_bar_before_a_ticker_does_not_start_the_article() -> None:
    # A menu of many items is long but no prose: were it the body's start, the ticker's
    # heading would end the body before the article
    text = (
        "Xəbər portalı\n"
        "Xəbər lenti | Siyasət | İqtisadiyyat | Cəmiyyət | Dünya | İdman | Foto | Video\n"
        "Son xəbərlər\n"
        "Bakıda küləkli hava gözlənilir\n\n"
        "Ceyhun Bayramov iranlı həmkarı ilə görüşüb\n\n"
        "Azərbaycanın xarici işlər naziri Ceyhun Bayramov noyabrın 13-də Bakıda İranın "
        "xarici işlər naziri Abbas Əraqçi ilə görüşüb.\n"
    )
    assert _met(text, "az") == {BAYRAMOV_ARAGHCHI}


def test_a_hard_wrapped_paragraph_broken_after_a_function_word_is_joined() -> None:
    # near miss: every wrapped line starts with a capital (names), but a break after "of"
    # or "with" shows a paragraph, not a list
    text = (
        "Ministers meet\n\n"
        "Jeyhun Bayramov, who leads the foreign service of the Republic of\n"
        "Azerbaijan, who was in the Iranian capital for a conference, met with\n"
        "Abbas Araghchi, who heads the diplomacy of the Islamic Republic of\n"
        "Iran.\n"
    )
    doc = Doc.of(text)
    assert len(lines_of(doc)) == 2
    assert BAYRAMOV_ARAGHCHI in _met(text)


def test_a_sentence_opening_with_a_cut_marker_is_read() -> None:
    # "Recommended" heads a list of links; a full sentence that starts with the word is prose
    text = ARTICLE + (
        "\nRecommended by his advisers, President Ilham Aliyev received Hakan Fidan in Baku.\n"
    )
    assert frozenset({"ilham-aliyev", "hakan-fidan"}) in _met(text)


def test_a_bulleted_list_of_other_stories_is_no_claim() -> None:
    text = ARTICLE + (
        "\n• Putin hosts Aliyev in the Kremlin for talks on transit.\n"
        "• Lavrov met Araghchi in Moscow on Tuesday.\n"
        "- Pashinyan said that Armenia is ready to sign the treaty.\n"
    )
    assert _met(text) == {BAYRAMOV_ARAGHCHI}
    assert _speakers(text) == ["jeyhun-bayramov"]


def test_paragraphs_of_direct_speech_opened_by_dashes_are_read() -> None:
    # near miss: a dash opens each paragraph, and a second dash hands over to the author
    text = (
        "Переговоры в Москве\n\n"
        "Министр иностранных дел России Сергей Лавров встретился в Москве с Джейхуном "
        "Байрамовым.\n\n"
        "— Россия поддерживает мирный договор между Азербайджаном и Арменией, — заявил Лавров.\n"
        "— Баку готов подписать договор в этом году, — заявил Байрамов.\n"
    )
    assert set(_speakers(text, "ru")) == {"sergey-lavrov", "jeyhun-bayramov"}


UK_ARTICLE = (
    "Байрамов і Арагчі провели переговори в Баку\n\n"
    "Міністр закордонних справ Азербайджану Джейхун Байрамов провів у середу в Баку "
    "переговори з міністром закордонних справ Ірану Аббасом Арагчі.\n\n"
    "Байрамов заявив, що Азербайджан і Іран мають будувати нові залізниці.\n"
)


def test_a_ticker_of_short_sentences_before_the_headline_is_not_the_article() -> None:
    text = (
        "Новини Кавказу\n"
        "Стрічка\n"
        "Алієв провів переговори з Пезешкіаном у Тегерані.\n"
        "Лавров зустрівся з Арагчі в Москві.\n"
        "Пашинян заявив, що Вірменія готова до миру.\n\n" + UK_ARTICLE
    )
    assert _met(text, "uk") == {BAYRAMOV_ARAGHCHI}
    assert _speakers(text, "uk") == ["jeyhun-bayramov"]


def test_a_short_first_paragraph_before_a_caption_is_still_the_article() -> None:
    # near miss: one short paragraph, then a caption with no full stop, then prose
    text = (
        "Алієв і Пезешкіан зустрілися в Баку\n\n"
        "Президент Ільхам Алієв прийняв у Баку президента Ірану Масуда Пезешкіана.\n\n"
        "Ільхам Алієв та Масуд Пезешкіан під час зустрічі. Фото: пресслужба\n\n"
        "Пезешкіан наголосив, що Тегеран підтримує територіальну цілісність Азербайджану.\n"
    )
    assert frozenset({"ilham-aliyev", "masoud-pezeshkian"}) in _met(text, "uk")


def test_furniture_labelled_in_another_language_ends_the_article() -> None:
    # an Azerbaijani page with an English "read more" link: every language's markers apply
    text = (
        "Ceyhun Bayramov iranlı həmkarı ilə görüşüb\n\n"
        "Azərbaycanın xarici işlər naziri Ceyhun Bayramov noyabrın 13-də Bakıda İranın "
        "xarici işlər naziri Abbas Əraqçi ilə görüşüb.\n\n"
        "Read more: Prezident İlham Əliyev Bakıda Hakan Fidanı qəbul edib.\n"
    )
    assert _met(text, "az") == {BAYRAMOV_ARAGHCHI}


def test_a_labelled_author_bio_is_cut_even_when_it_is_a_sentence() -> None:
    text = ARTICLE + (
        "\nAbout the author: Rashad Aliyev is our editor, and he met Hakan Fidan in Ankara.\n"
    )
    assert _met(text) == {BAYRAMOV_ARAGHCHI}


def test_an_arabic_sentence_opening_with_the_word_of_a_share_button_is_read() -> None:
    # near miss: "شارك" labels a share button and also means "took part"
    text = (
        "محادثات في باكو\n\n"
        "شارك وزير الخارجية الإيراني عباس عراقجي في منتدى باكو، والتقى نظيره الأذربيجاني "
        "جيهون بيراموف يوم الأربعاء.\n"
    )
    assert BAYRAMOV_ARAGHCHI in _met(text, "ar")


def test_a_date_marked_under_the_article_outranks_a_sidebars_dates_above_it() -> None:
    article = (
        "Кавказ-Инфо\n"
        "17.09.2016 Алиев принял министра обороны Ирана\n"
        "16.09.2016 Лавров встретился с Зарифом\n\n"
        "Байрамов и Аракчи провели переговоры в Баку\n\n"
        "Министр иностранных дел Азербайджана Джейхун Байрамов в среду провел в Баку "
        "переговоры с министром иностранных дел Ирана Аббасом Аракчи.\n\n"
        "Аракчи подчеркнул, что Тегеран поддерживает мирный процесс на Кавказе.\n\n"
    )
    marked = extract(article + "Дата публикации: 14.11.2024\n", Options(lang="ru"))
    assert marked.form["source"]["published"]["date"] == "2024-11-14"
    assert str(marked.form["meetings"][0]["date"]["earliest"]) == "2024-11-13"
    # near miss: with no marked date, the date at the head of the page is what the page has
    unmarked = extract(article, Options(lang="ru"))
    assert unmarked.form["source"]["published"]["date"] == "2016-09-17"


def test_short_sentences_under_a_heading_after_the_article_are_other_stories() -> None:
    text = ARTICLE + (
        "\nMore on our site\n"
        "Putin met Pashinyan in Moscow last week.\n"
        "Aliyev received Hakan Fidan on Monday.\n"
        "Araghchi said Iran will not accept any change of borders.\n"
    )
    assert _met(text) == {BAYRAMOV_ARAGHCHI}
    assert _speakers(text) == ["jeyhun-bayramov"]


def test_two_short_closing_paragraphs_under_a_subheading_are_the_article() -> None:
    # near miss: a subheading and two short sentences that end the article
    text = ARTICLE + (
        "\nThe president also meets the guest\n"
        "Ilham Aliyev received Araghchi later.\n"
        "Aliyev received Hakan Fidan on Monday.\n"
    )
    assert frozenset({"ilham-aliyev", "hakan-fidan"}) in _met(text)


def test_a_ticker_of_clock_times_is_no_meeting() -> None:
    text = ARTICLE + (
        "\n12:40 Lavrov meets Bayramov in Moscow\n12:10 Erdogan receives Aliyev in Ankara\n"
    )
    assert _met(text) == {BAYRAMOV_ARAGHCHI}


def test_an_archive_photos_caption_is_no_meeting() -> None:
    text = ARTICLE.replace(
        "\nBayramov said",
        "\nArchive photo: Ilham Aliyev receives Hassan Rouhani in Baku\n\nBayramov said",
    )
    assert _met(text) == {BAYRAMOV_ARAGHCHI}


def test_a_dated_headline_of_another_story_above_the_article_is_not_its_date() -> None:
    head = (
        "Kafkas Postası\n"
        "Manşetler\n"
        "3 Ekim 2023 - Erdoğan ve Aliyev Nahçıvan'da görüştü\n\n"
        "Fidan, Bayramov ile Ankara'da görüştü\n\n"
    )
    body = (
        "Dışişleri Bakanı Hakan Fidan, dün Ankara'da Azerbaycan Dışişleri Bakanı Ceyhun "
        "Bayramov ile görüştü.\n"
    )
    draft = extract(head + "14 Kasım 2024 Perşembe 11:20\n\n" + body, Options(lang="tr"))
    assert draft.form["source"]["published"]["date"].startswith("2024-11-14")
    assert str(draft.form["meetings"][0]["date"]["earliest"]) == "2024-11-13"
    # near miss: with no date line of its own, the head's dated headline is all the page has
    alone = extract(head + body, Options(lang="tr"))
    assert alone.form["source"]["published"]["date"] == "2023-10-03"
