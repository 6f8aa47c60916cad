"""Bodies and people the registry knows speak and meet under each language's usual names
for them (Azerbaijan's foreign ministry, Iran's parliament speaker).

The sentences are written for these tests. Each article opens with a meeting, as a diplomatic
report does, so that what follows reads as political.
"""

from __future__ import annotations

import pytest

from .drafting import MET, draft_of, said


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


@pytest.mark.parametrize(
    ("language", "meeting", "sentence", "quote"),
    [
        (
            "en",
            "Iranian parliament speaker Mohammad Bagher Ghalibaf met Azerbaijani President Ilham "
            "Aliyev in Baku on 12 March 2024.",
            "Ghalibaf said that Tehran supported the territorial integrity of Azerbaijan.",
            "Tehran supported the territorial integrity of Azerbaijan",
        ),
        (
            "ru",
            "Спикер парламента Ирана Мохаммад Багер Галибаф встретился в Баку с президентом "
            "Азербайджана Ильхамом Алиевым.",
            "Галибаф заявил, что Иран поддерживает территориальную целостность Азербайджана.",
            "Иран поддерживает территориальную целостность Азербайджана",
        ),
    ],
)
def test_iran_s_parliament_speaker_meets_and_speaks(
    language: str, meeting: str, sentence: str, quote: str
) -> None:
    draft = draft_of(language, meeting, sentence)
    assert ("mohammad-bagher-ghalibaf", quote) in said(draft)
    met = [{p["person"] for p in m["participants"]} for m in draft.form["meetings"]]
    assert {"mohammad-bagher-ghalibaf", "ilham-aliyev"} in met


@pytest.mark.parametrize(
    ("language", "sentence", "people"),
    [
        (
            "ru",
            "Министр дорог и градостроительства Ирана Фарзане Садег и вице-премьер Азербайджана "
            "Шахин Мустафаев провели в среду переговоры в Баку.",
            {"farzaneh-sadegh", "shahin-mustafayev"},
        ),
        (
            "en",
            "Iranian Roads Minister Farzaneh Sadegh met Azerbaijani Deputy Prime Minister Shahin "
            "Mustafayev in Baku on Wednesday.",
            {"farzaneh-sadegh", "shahin-mustafayev"},
        ),
    ],
)
def test_the_co_chairs_of_the_intergovernmental_commission_are_registered(
    language: str, sentence: str, people: set[str]
) -> None:
    draft = draft_of(language, sentence)
    met = {p["person"] for meeting in draft.form["meetings"] for p in meeting["participants"]}
    assert met == people
    assert draft.entities() == []


def test_the_roads_ministers_title_in_persian_is_not_what_she_said() -> None:
    sentence = "فرزانه صادق وزیر راه و شهرسازی نیز گفت ایران از روند صلح حمایت می‌کند."
    assert said(draft_of("fa", MET["fa"] + " " + sentence)) == [
        ("farzaneh-sadegh", "ایران از روند صلح")
    ]
