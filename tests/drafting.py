"""Short articles for the extraction tests: a headline, then the paragraphs a test writes."""

from __future__ import annotations

from kb.extract.pipeline import Draft, Options, extract

PUBLISHED = "2024-11-14"
# A meeting to open an article with, as a diplomatic report does, so that what follows reads as
# political.
MET = {
    "en": (
        "Iranian Foreign Minister Abbas Araghchi met Azerbaijani Foreign Minister Jeyhun "
        "Bayramov in Baku on Monday."
    ),
    "fa": "عراقچی وزیر امور خارجه کشورمان روز دوشنبه با بایراموف دیدار کرد.",
    "ar": (
        "التقى وزير الخارجية الإيراني عباس عراقجي نظيره الأذربيجاني جيهون بيراموف في باكو "
        "يوم الاثنين."
    ),
    "ru": (
        "Министр иностранных дел Ирана Аббас Аракчи встретился в Баку с министром "
        "иностранных дел Азербайджана Джейхуном Байрамовым."
    ),
    "tr": (
        "İran Dışişleri Bakanı Abbas Arakçi, Bakü'de Azerbaycan Dışişleri Bakanı Ceyhun "
        "Bayramov ile görüştü."
    ),
    "uk": (
        "Міністр закордонних справ Ірану Аббас Аракчі зустрівся в Баку з міністром "
        "закордонних справ Азербайджану Джейхуном Байрамовим."
    ),
    "az": (
        "İranın xarici işlər naziri Abbas Araqçi Bakıda Azərbaycanın xarici işlər naziri "
        "Ceyhun Bayramov ilə görüşüb."
    ),
}


def draft_of(language: str, *paragraphs: str) -> Draft:
    """The draft of an article of these paragraphs under a neutral headline, dated PUBLISHED."""
    text = "Talks in the region\n\n" + "\n\n".join(paragraphs) + "\n"
    return extract(text, Options(lang=language, published=PUBLISHED))


def said(draft: Draft) -> list[tuple[str, str]]:
    """(speaker, quote) of every statement, each quote checked verbatim."""
    out = []
    for item in draft.form["statements"]:
        assert item["quote"] in draft.text
        out.append((item["speaker"], item["quote"]))
    return out


def said_after_meeting(language: str, *paragraphs: str) -> list[tuple[str, str]]:
    """(speaker, quote) of every statement of an article that opens with a meeting (``MET``)."""
    return said(draft_of(language, MET[language], *paragraphs))


def stances(draft: Draft) -> list[tuple[str, str]]:
    """(position, stance) of every statement."""
    return [(item["position"], item["stance"]) for item in draft.form["statements"]]
