"""Support denied is opposition: "does not support", "не поддерживает", "desteklemediğini",
"حمایت نمی‌کند", "لا تدعم" are cues of opposes (stances.ttl), and a stance cue inside a longer
one ("support" in "does not support") is part of it. The same sentences without the negation
support (near misses).

The sentences are written for these tests (no article's text).
"""

from __future__ import annotations

import pytest

from tests.drafting import draft_of, stances

CORRIDOR = "zangezur-corridor"

PAIRS = [
    (
        "en",
        "Bayramov said Iran does not support the Zangezur corridor.",
        "Bayramov said Iran supports the Zangezur corridor.",
    ),
    (
        "ru",
        "Байрамов заявил, что Иран не поддерживает Зангезурский коридор.",
        "Байрамов заявил, что Иран поддерживает Зангезурский коридор.",
    ),
    (
        "uk",
        "Байрамов заявив, що Іран не підтримує Зангезурський коридор.",
        "Байрамов заявив, що Іран підтримує Зангезурський коридор.",
    ),
    (
        "tr",
        "Bayramov, İran'ın Zengezur koridorunu desteklemediğini söyledi.",
        "Bayramov, İran'ın Zengezur koridorunu desteklediğini söyledi.",
    ),
    (
        "az",
        "Bayramov bildirib ki, İran Zəngəzur dəhlizini dəstəkləmir.",
        "Bayramov bildirib ki, İran Zəngəzur dəhlizini dəstəkləyir.",
    ),
    (
        "fa",
        "بایراموف گفت ایران از کریدور زنگزور حمایت نمی‌کند.",
        "بایراموف گفت ایران از کریدور زنگزور حمایت می‌کند.",
    ),
    (
        "ar",
        "وقال بيراموف إن إيران لا تدعم ممر زنغزور.",
        "وقال بيراموف إن إيران تدعم ممر زنغزور.",
    ),
]


@pytest.mark.parametrize(("language", "denied", "given"), PAIRS)
def test_support_denied_is_opposition_and_support_given_is_support(
    language: str, denied: str, given: str
) -> None:
    assert (CORRIDOR, "opposes") in stances(draft_of(language, denied))
    assert "supports" not in {s for _, s in stances(draft_of(language, denied))}
    assert (CORRIDOR, "supports") in stances(draft_of(language, given))
    assert "opposes" not in {s for _, s in stances(draft_of(language, given))}


def test_in_the_interest_of_supports_and_not_in_the_interest_of_warns() -> None:
    """ "not in the interest(s) of" holds "in the interest(s) of": the longer cue decides."""
    peace = "regional-peace-and-stability"
    assert stances(
        draft_of(
            "en", "Bayramov said that lasting peace in the region is in the interest of all states."
        )
    ) == [(peace, "supports")]
    for sentence in (
        "Bayramov said that tension is not in the interest of peace and stability in the region.",
        "Bayramov said that tension is not in the interests of peace and stability in the region.",
    ):
        assert stances(draft_of("en", sentence)) == [(peace, "warns")], sentence
