"""Azerbaijani and Turkish wire reporting (APA, Report, Azertac, president.az; Anadolu, DHA
shapes): a title's country stands before it, so a country right after a title opens what is
said ("Prezident Azərbaycan ilə İran arasında ...") and is no partner of the title; "head of
our state" (dövlətimizin başçısı) is Azerbaijan's president, not the foreign president received.
Near misses: a country before a title is still its country; a foreign president's title still
names him. The topics and stances as these outlets phrase them (trade ties, the opening of
communications, tension in the region, the Middle Corridor, normalisation between Armenia and
Azerbaijan; condemned, concerned, will not allow), with near misses.

The sentences are written for these tests (no article's text).
"""

from __future__ import annotations

import pytest

from tests.drafting import MET, draft_of, said, stances

RECEIVED = "Prezident İlham Əliyev martın 14-də İran Prezidenti Məsud Pezeşkiani qəbul edib."


@pytest.mark.parametrize(
    ("language", "paragraphs", "speaker", "quote"),
    [
        (
            "az",
            (RECEIVED, "Prezident Azərbaycan ilə İran arasında ticarətin artdığını qeyd edib."),
            "ilham-aliyev",
            "Azərbaycan ilə İran arasında ticarətin artdığını",
        ),
        (
            "tr",
            (
                "Cumhurbaşkanı Recep Tayyip Erdoğan, Nahçıvan'da Azerbaycan Cumhurbaşkanı İlham "
                "Aliyev ile görüştü.",
                "Cumhurbaşkanı Türkiye ile Azerbaycan arasındaki ticaretin arttığını söyledi.",
            ),
            "recep-tayyip-erdogan",
            "Türkiye ile Azerbaycan arasındaki ticaretin arttığını",
        ),
    ],
)
def test_a_country_after_a_title_opens_what_is_said(
    language: str, paragraphs: tuple[str, ...], speaker: str, quote: str
) -> None:
    assert said(draft_of(language, *paragraphs)) == [(speaker, quote)]


def test_a_country_before_a_title_is_its_country() -> None:
    found = said(
        draft_of(
            "az",
            RECEIVED,
            "İran Prezidenti regionda sülh və sabitliyin qorunmasının vacibliyini bildirib.",
        )
    )
    assert found == [("masoud-pezeshkian", "regionda sülh və sabitliyin qorunmasının vacibliyini")]


def test_the_head_of_our_state_is_azerbaijans_president_not_the_guest() -> None:
    found = said(
        draft_of(
            "az",
            RECEIVED,
            "Dövlətimizin başçısı regiona kənar qüvvələrin müdaxiləsinin yolverilməz olduğunu "
            "vurğulayıb.",
        )
    )
    assert found == [
        ("ilham-aliyev", "regiona kənar qüvvələrin müdaxiləsinin yolverilməz olduğunu")
    ]


@pytest.mark.parametrize(
    ("language", "sentence", "expected"),
    [
        (
            "az",
            "Abbas Araqçi qarşılıqlı ticarətin həcminin artırılmasını təklif edib.",
            ("trade-and-economic-cooperation", "proposes"),
        ),
        (
            "az",
            "Abbas Araqçi regionda kommunikasiyaların açılmasını dəstəklədiyini bildirib.",
            ("regional-cooperation", "supports"),
        ),
        (
            "az",
            "Abbas Araqçi regionda gərginliyin artmasından narahat olduğunu bildirib.",
            ("regional-peace-and-stability", "warns"),
        ),
        (
            "az",
            "Ceyhun Bayramov Orta Dəhlizin əhəmiyyətini vurğulayıb.",
            ("transport-corridors", "supports"),
        ),
        (
            "tr",
            "Arakçi, karşılıklı ticaretin artırılmasını önerdi.",
            ("trade-and-economic-cooperation", "proposes"),
        ),
        (
            "tr",
            "Arakçi, bölgede ulaşım bağlantılarının açılmasını desteklediklerini belirtti.",
            ("regional-cooperation", "supports"),
        ),
        (
            "tr",
            "Arakçi, bölgedeki gerginliklerden endişe duyduklarını söyledi.",
            ("regional-peace-and-stability", "warns"),
        ),
        (
            "tr",
            "Arakçi, Ermenistan ile Azerbaycan arasındaki normalleşme sürecini memnuniyetle "
            "karşıladıklarını söyledi.",
            ("karabakh-conflict-settlement", "welcomes"),
        ),
    ],
)
def test_topics_and_stances_as_the_wires_phrase_them(
    language: str, sentence: str, expected: tuple[str, str]
) -> None:
    assert stances(draft_of(language, MET[language], sentence)) == [expected]


@pytest.mark.parametrize(
    ("language", "sentence", "stance"),
    [
        ("az", "Abbas Araqçi Qəzzada dinc sakinlərə qarşı hücumları pislədiyini deyib.", "opposes"),
        (
            "az",
            "Ceyhun Bayramov Azərbaycan ərazisinin heç bir ölkəyə qarşı istifadə olunmasına imkan "
            "verilməyəcəyini bildirib.",
            "rejects",
        ),
        ("tr", "Arakçi, bölgedeki gelişmelerden kaygı duyduklarını belirtti.", "warns"),
        # near misses: what was allowed, and a calm region, are no rejection and no warning
        (
            "az",
            "Ceyhun Bayramov bu layihəyə imkan verildiyini bildirib.",
            "affirms",
        ),
        ("tr", "Arakçi, bölgedeki gelişmelerin olumlu olduğunu belirtti.", "affirms"),
    ],
)
def test_condemned_concerned_and_will_not_allow(language: str, sentence: str, stance: str) -> None:
    assert [found for _, found in stances(draft_of(language, MET[language], sentence))] == [stance]


def test_trade_named_in_passing_is_no_trade_topic() -> None:
    """Near miss: a trade that is no relation between countries ("ticarət mərkəzi", a shopping
    centre) gives no trade topic."""
    found = stances(
        draft_of(
            "az",
            MET["az"],
            "Abbas Araqçi ticarət mərkəzində baş verən yanğından narahat olduğunu bildirib.",
        )
    )
    assert all(topic != "trade-and-economic-cooperation" for topic, _ in found)


@pytest.mark.parametrize(
    ("language", "sentence", "quote"),
    [
        (
            "az",
            "Nazir Araqçi bildirib ki, İran regionda sülh sazişinin imzalanmasını alqışlayır.",
            "İran regionda sülh sazişinin imzalanmasını",
        ),
        (
            "tr",
            "Arakçi dedi ki, İran barış anlaşmasının imzalanmasını memnuniyetle karşılıyor.",
            "İran barış anlaşmasının imzalanmasını",
        ),
    ],
)
def test_a_country_after_that_and_a_comma_speaks_inside_the_ministers_statement(
    language: str, sentence: str, quote: str
) -> None:
    assert said(draft_of(language, MET[language], sentence)) == [("abbas-araghchi", quote)]


def test_a_country_after_a_comma_with_no_that_speaks_for_itself() -> None:
    """Near miss: a comma with no "that" before it ends the minister's clause."""
    found = said(
        draft_of(
            "tr",
            MET["tr"],
            "Arakçi görüşmeyi değerlendirdi, İran ise barış anlaşmasının imzalanmasını "
            "memnuniyetle karşılıyor.",
        )
    )
    assert "government-of-iran" in [speaker for speaker, _ in found]


@pytest.mark.parametrize("language", ["tr", "en"])
def test_a_quotation_of_two_sentences_after_a_colon_is_quoted_without_its_marks(
    language: str,
) -> None:
    paragraph = {
        "tr": 'Arakçi şunları söyledi: "İran bölgede kalıcı barış istiyor. Barış anlaşmasını '
        'destekliyoruz."',
        "en": 'Araghchi said: "Iran wants lasting peace in the region. We support the peace '
        'treaty."',
    }[language]
    quotes = [quote for _, quote in said(draft_of(language, MET[language], paragraph))]
    assert quotes[0] in (
        "İran bölgede kalıcı barış istiyor",
        "Iran wants lasting peace in the region",
    )
    assert not any(quote.startswith('"') or quote.endswith('"') for quote in quotes)


def test_a_quotation_closed_inside_the_quote_keeps_its_marks() -> None:
    """Near miss: marks that open and close inside what is said stay ("the «3+3» format")."""
    found = said(
        draft_of("tr", MET["tr"], "Arakçi, İran'ın «3+3» formatını desteklediğini söyledi.")
    )
    assert found == [("abbas-araghchi", "İran'ın «3+3» formatını desteklediğini")]


def test_the_one_who_said_it_before_a_participle_and_what_he_touched_on() -> None:
    """'"...", diyen X, ... değindi': X said the quotation and touched on what follows."""
    found = said(
        draft_of(
            "tr",
            MET["tr"],
            '"İran, Güney Kafkasya\'da barıştan yanadır" diyen Arakçi, 3+3 formatının önemine '
            "değindi.",
        )
    )
    assert found == [
        ("abbas-araghchi", "İran, Güney Kafkasya'da barıştan yanadır"),
        ("abbas-araghchi", "3+3 formatının önemine"),
    ]


def test_a_subject_not_touched_on_is_no_statement() -> None:
    """Near miss: "değinmedi" (did not touch on) reports nothing."""
    assert said(draft_of("tr", MET["tr"], "Arakçi, 3+3 formatının önemine değinmedi.")) == []


@pytest.mark.parametrize(
    ("language", "sentence", "expected"),
    [
        (
            "az",
            "Abbas Araqçi İranın Azərbaycanla münasibətlərin inkişafına böyük əhəmiyyət "
            "verdiyini bildirib.",
            ("bilateral-relations", "affirms"),
        ),
        (
            "tr",
            "Arakçi, İran'ın Türkiye ile ilişkilerin gelişmesine büyük önem verdiğini söyledi.",
            ("bilateral-relations", "supports"),
        ),
        (
            "az",
            "Abbas Araqçi İranın Cənubi Qafqazda sülhün tərəfdarı olduğunu bildirib.",
            ("regional-peace-and-stability", "supports"),
        ),
    ],
)
def test_great_importance_to_the_development_of_relations(
    language: str, sentence: str, expected: tuple[str, str]
) -> None:
    assert stances(draft_of(language, MET[language], sentence)) == [expected]
