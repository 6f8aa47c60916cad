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
        "Jeyhun Bayramov, the Minister of Foreign Affairs of the Republic of\n"
        "Azerbaijan, who was in the Iranian capital for a conference, met with\n"
        "Abbas Araghchi, Minister of Foreign Affairs of the Islamic Republic of\n"
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
