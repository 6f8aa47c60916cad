"""The same article printed another way reads the same: hard-wrapped at a fixed width, with soft
hyphens or other invisible characters, with a byte order mark, with Windows line ends."""

from __future__ import annotations

import re

import pytest

from benchmarks.page_variants import soft_hyphenated, wrapped
from kb.extract.pipeline import Draft, Options, extract
from kb.extract.segment import Doc, lines_of

from .drafting import PUBLISHED

ARTICLE = (
    "Talks in Baku\n\n"
    "Iranian Foreign Minister Abbas Araghchi met Azerbaijani Foreign Minister Jeyhun Bayramov in "
    "Baku on Monday, at the start of a two-day visit.\n\n"
    "Bayramov stressed that the two neighbours must widen their trade and transport links in the "
    "years to come.\n\n"
    "Araghchi said that Iran supports the territorial integrity of Azerbaijan and welcomed the "
    "talks between Baku and Yerevan on a peace treaty.\n"
)


def read(text: str) -> list[tuple[str, str, str, str]]:
    """(speaker, topic, stance, quote with its invisible characters and line breaks read as
    spaces) of each statement."""
    draft: Draft = extract(text, Options(lang="en", published=PUBLISHED))
    out = []
    for item in draft.form["statements"]:
        assert item["quote"] in draft.text
        quote = " ".join(re.sub("[\u00ad\u2060\ufeff]", "", item["quote"]).split())
        out.append((item["speaker"], item["position"], item["stance"], quote))
    return out


def test_the_article_has_two_speakers() -> None:
    speakers = [speaker for speaker, *_ in read(ARTICLE)]
    assert "jeyhun-bayramov" in speakers and "abbas-araghchi" in speakers


@pytest.mark.parametrize(
    "variant",
    [
        pytest.param(lambda text: wrapped(text, 72), id="hard-wrapped at 72"),
        pytest.param(lambda text: wrapped(text, 60), id="hard-wrapped at 60"),
        pytest.param(soft_hyphenated, id="soft hyphens"),
        pytest.param(lambda text: "\ufeff" + text, id="byte order mark"),
        pytest.param(lambda text: text.replace("\n", "\r\n"), id="windows line ends"),
        pytest.param(lambda text: text.replace(" ", "\u2060 "), id="word joiners"),
    ],
)
def test_a_variant_of_the_article_reads_the_same(variant) -> None:
    assert read(variant(ARTICLE)) == read(ARTICLE)


def lines(text: str) -> list[str]:
    doc = Doc.of(text)
    return [doc.text[line.start : line.end] for line in lines_of(doc)]


WIDE = "x" * 60


def test_a_blank_line_ends_a_wrapped_paragraph() -> None:
    caption = "Photo of the foreign ministers at the ministry in Baku"
    paragraph = wrapped(f"The two ministers met for three hours and then {WIDE} spoke.", 40)
    assert lines(f"{caption}\n\n{paragraph}\n")[0] == caption


def test_an_abbreviation_at_a_line_end_does_not_end_the_wrapped_paragraph() -> None:
    text = (
        "The minister said that two years ago he had met with Mrs.\n"
        "Aliyeva in Baku and that the meeting had left a very good and\n"
        "lasting impression on him and on his whole delegation.\n"
    )
    assert len(lines(text)) == 1


def test_a_two_line_paragraph_joins_on_a_page_wrapped_at_a_fixed_width() -> None:
    page = (
        "The ministers of the two countries met in the capital on Monday and\n"
        "spoke about the road that will link the two countries by the end of\n"
        "the year.\n"
        "\n"
        "The minister of Azerbaijan said that his country wants the new road\n"
        "to open soon.\n"
    )
    assert lines(page)[1] == (
        "The minister of Azerbaijan said that his country wants the new road\nto open soon."
    )


def test_two_short_lines_stay_apart_on_a_page_that_is_not_wrapped() -> None:
    page = "Politics, economy and society news\nTalks in the capital end today.\n"
    assert len(lines(page)) == 2


AZERBAIJANI = (
    "Bakıda danışıqlar\n\n"
    "Azərbaycan Respublikasının xarici işlər naziri Ceyhun Bayramov İranın xarici işlər naziri "
    "Abbas Əraqçi ilə görüşüb.\n\n"
    "Ceyhun Bayramov vurğulayıb ki, iki ölkə arasında nəqliyyat əlaqələri genişlənməlidir.\n"
)
RUSSIAN = (
    "Переговоры в Баку\n\n"
    "Министр иностранных дел Ирана Аббас Аракчи встретился в Баку с министром иностранных дел "
    "Азербайджана Джейхуном Байрамовым.\n\n"
    "Аракчи подчеркнул, что Иран поддерживает территориальную целостность Азербайджана.\n"
)


NEW_PERSON = (
    "Gəncədə görüş\n\n"
    "Müdafiə nazirinin müavini general-mayor Rauf Məmmədəliyev Gəncədə İranın baş konsulu "
    "Əli Həsənzadə ilə görüşüb.\n\n"
    "Rauf Məmmədəliyev bildirib ki, İran və Azərbaycan arasında hərbi əməkdaşlıq daha da "
    "genişlənməlidir.\n"
)
UKRAINIAN = (
    "Переговори в Баку\n\n"
    "Міністр закордонних справ Ірану Аббас Аракчі зустрівся в Баку з міністром закордонних справ "
    "Азербайджану Джейхуном Байрамовим.\n\n"
    "Натомість Байрамов зазначив, що сторонам ще багато треба зробити. «Ми готові до нових "
    "переговорів з Єреваном про мирний договір», – сказав він журналістам.\n"
)


def cyrillic_schwa(text: str) -> str:
    return text.translate(str.maketrans("əƏ", "әӘ"))


@pytest.mark.parametrize(
    ("language", "text", "variant"),
    [
        pytest.param("az", AZERBAIJANI, cyrillic_schwa, id="az with the Cyrillic schwa"),
        pytest.param("az", NEW_PERSON, cyrillic_schwa, id="az new people, Cyrillic schwa"),
        pytest.param("az", NEW_PERSON, soft_hyphenated, id="az new people, soft hyphens"),
        pytest.param(
            "uk",
            UKRAINIAN,
            lambda text: text.replace("«", "„").replace("»", "“"),
            id="uk quotation in „ “",
        ),
        pytest.param(
            "ru", RUSSIAN, lambda text: text.translate(str.maketrans("е", "ё")), id="ru ё for е"
        ),
    ],
)
def test_a_word_printed_in_another_form_reads_the_same(language, text, variant) -> None:
    def drafted(text: str) -> list[tuple[str, str, str]]:
        draft = extract(text, Options(lang=language, published=PUBLISHED))
        people = [p["person"] for m in draft.form["meetings"] for p in m["participants"]]
        return [
            *((person, "", "") for person in people),
            *((s["speaker"], s["position"], s["stance"]) for s in draft.form["statements"]),
        ]

    assert drafted(variant(text)) == drafted(text)
    assert drafted(text)


QUOTED = (
    "Talks in Baku\n\n"
    "Iranian Foreign Minister Abbas Araghchi met Azerbaijani Foreign Minister Jeyhun Bayramov in "
    "Baku on Monday.\n\n"
    '"Iran supports the territorial integrity of Azerbaijan," Araghchi said.\n\n'
    "Bayramov said: «Baku welcomes the talks on a peace treaty with Yerevan».\n"
)


def test_html_character_references_left_by_a_scraper_read_as_their_characters() -> None:
    escaped = QUOTED.replace('"', "&quot;").replace("«", "&laquo;").replace("»", "&#187;")
    assert read(escaped) == read(QUOTED)
    assert len(read(QUOTED)) == 2


def test_an_ampersand_that_is_no_character_reference_stays_as_it_is() -> None:
    text = QUOTED.replace("Monday.", "Monday at the R&D; centre &zz; of the ministry.")
    assert read(text) == read(QUOTED)
