"""Which stance a statement takes: the stance cues of stances.ttl are read wherever they stand,
and the one that governs what is said decides.

The sentences are written for these tests (no article's text).
"""

from __future__ import annotations

from tests.drafting import draft_of, stances

PEACE = "regional-peace-and-stability"  # a topic with no default stance of its own


def test_a_speech_verb_as_printed_is_still_a_stance_cue_by_its_lemma() -> None:
    """ "застерегла" is listed as a speech verb; by its lemma it is "застеріг", a warning."""
    assert stances(
        draft_of(
            "uk",
            "Речниця МЗС Росії Марія Захарова застерегла сторони від кроків, що підірвуть мир "
            "і стабільність у регіоні.",
        )
    ) == [(PEACE, "warns")]
    assert stances(
        draft_of(
            "ru",
            "Официальный представитель МИД России Мария Захарова предостерегла стороны от шагов, "
            "подрывающих мир и стабильность в регионе.",
        )
    ) == [(PEACE, "warns")]


def test_a_speech_verb_that_is_no_stance_by_its_lemma_only_affirms() -> None:
    assert stances(
        draft_of(
            "uk",
            "Речниця МЗС Росії Марія Захарова сказала, що мир і стабільність у регіоні залежать "
            "від сторін.",
        )
    ) == [(PEACE, "affirms")]
