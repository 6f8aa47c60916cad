"""A ministry the registry knows speaks for itself, in each language's usual name for it.

The sentences are written for these tests. Each article opens with a meeting, as a diplomatic
report does, so that what follows reads as political.
"""

from __future__ import annotations

import pytest

from .drafting import draft_of, said

MET = {
    "en": "Iranian Foreign Minister Abbas Araghchi met Azerbaijani Foreign Minister Jeyhun "
    "Bayramov in Baku on Monday.",
    "ru": "Министр иностранных дел Ирана Аббас Аракчи встретился в Баку с министром иностранных "
    "дел Азербайджана Джейхуном Байрамовым.",
    "fa": "عراقچی وزیر امور خارجه کشورمان روز دوشنبه با بایراموف دیدار کرد.",
    "tr": "İran Dışişleri Bakanı Abbas Arakçi, Bakü'de Azerbaycan Dışişleri Bakanı Ceyhun "
    "Bayramov ile görüştü.",
}


@pytest.mark.parametrize(
    ("language", "sentence", "quote"),
    [
        (
            "en",
            "The Azerbaijani Foreign Ministry said that Baku condemned the attack on the embassy.",
            "Baku condemned the attack on the embassy",
        ),
        (
            "ru",
            "МИД Азербайджана заявил, что Баку осуждает нападение на посольство.",
            "Баку осуждает нападение на посольство",
        ),
        (
            "fa",
            "وزارت امور خارجه جمهوری آذربایجان اعلام کرد که باکو حمله به سفارت را محکوم می‌کند.",
            "باکو حمله به سفارت را",
        ),
        (
            "tr",
            "Azerbaycan Dışişleri Bakanlığı, Bakü'nün büyükelçiliğe yapılan saldırıyı kınadığını "
            "açıkladı.",
            "Bakü'nün büyükelçiliğe yapılan saldırıyı kınadığını",
        ),
    ],
)
def test_azerbaijan_s_foreign_ministry_speaks(language: str, sentence: str, quote: str) -> None:
    found = said(draft_of(language, MET[language], sentence))
    assert ("ministry-of-foreign-affairs-of-azerbaijan", quote) in found


def test_a_bare_foreign_ministry_is_not_azerbaijan_s() -> None:
    """ "The foreign ministry" fits any country: it is never taken for Azerbaijan's."""
    found = said(
        draft_of("en", MET["en"], "The foreign ministry said that the talks had gone well.")
    )
    assert all(speaker != "ministry-of-foreign-affairs-of-azerbaijan" for speaker, _ in found)


def test_a_ukrainian_spelling_of_aliyev_with_g_is_his() -> None:
    found = said(
        draft_of(
            "uk",
            "Президент Азербайджану Ільгам Алієв прийняв у Баку міністра закордонних справ Ірану.",
            "Ільгам Алієв заявив, що Баку підтримує мирний процес у регіоні.",
        )
    )
    assert ("ilham-aliyev", "Баку підтримує мирний процес у регіоні") in found
