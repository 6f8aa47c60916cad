"""Who says what when the sentence names nobody new: the speaker goes on only when nothing in
the sentence is a subject of its own, and a role noun names only the person it introduces.

The sentences are written for these tests (no article's text).
"""

from __future__ import annotations

from .drafting import draft_of, said

AR_OPENING = "قال عراقجي خلال زيارته إلى باكو إن طهران مستعدة للتعاون مع جيرانها."
AR_CONTENT = "أن الحدود بين البلدين آمنة وأن التعاون الاقتصادي سيستمر."


def test_a_verb_after_an_adverbial_phrase_with_a_preposition_goes_on_with_the_speaker() -> None:
    draft = draft_of("ar", f"{AR_OPENING} وفي رد على سؤال حول الحدود، أكد على {AR_CONTENT}")
    assert ("abbas-araghchi", AR_CONTENT[3:-1]) in said(draft)


def test_a_verb_after_an_adverbial_phrase_followed_by_its_own_subject_is_not_the_speaker() -> None:
    draft = draft_of(
        "ar",
        f"{AR_OPENING} وفي رد على سؤال حول الحدود، أكد المتحدث باسم الحكومة الأرمنية {AR_CONTENT}",
    )
    assert [quote for speaker, quote in said(draft) if speaker == "abbas-araghchi"] == [
        "طهران مستعدة للتعاون مع جيرانها"
    ]


EN_LATER = "The adviser said that Baku was ready to help Iran rebuild the region."


def test_a_role_noun_names_the_person_it_introduces() -> None:
    draft = draft_of(
        "en",
        "The Azerbaijani presidential adviser on foreign policy Hikmet Hajiyev arrived in Tehran. "
        + EN_LATER,
    )
    assert said(draft) == [("hikmet-hajiyev", "Baku was ready to help Iran rebuild the region")]


def test_a_role_noun_does_not_name_the_partner_of_its_talks() -> None:
    draft = draft_of(
        "en",
        "An Azerbaijani presidential adviser held talks with Abbas Araghchi in Tehran. " + EN_LATER,
    )
    assert "abbas-araghchi" not in [speaker for speaker, _ in said(draft)]
