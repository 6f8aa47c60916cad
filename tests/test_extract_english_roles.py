"""Role nouns of English readouts and wire copy: "the Azerbaijani leader" (a role that needs
its country) and "the head of state" of a president's readout (the president of the meeting,
not one only greeted), each with a near miss.

The sentences are written for these tests (no article's text).
"""

from __future__ import annotations

import pytest

from .drafting import draft_of, said

# -- "the Azerbaijani leader": a role noun that needs its country -------------------------

ALIYEV_MET = "President Ilham Aliyev received Iranian Foreign Minister Abbas Araghchi in Baku."


def test_the_leader_of_a_named_country_is_its_president() -> None:
    found = said(
        draft_of(
            "en",
            ALIYEV_MET,
            "The Azerbaijani leader said the corridor would bring lasting peace to the region.",
        )
    )
    assert ("ilham-aliyev", "the corridor would bring lasting peace to the region") in found


@pytest.mark.parametrize(
    "sentence",
    [
        "The opposition leader said the peace treaty was a mistake.",
        "The leader of the Musavat party said the peace treaty was a mistake.",
    ],
)
def test_a_leader_of_no_country_is_no_one_named_before(sentence: str) -> None:
    """Near miss: a party's leader is not the president named before."""
    assert said(draft_of("en", ALIYEV_MET, sentence)) == []


# -- "the head of state" of a readout: the host, not a president only greeted ---------------


def test_the_head_of_state_is_the_president_of_the_meeting() -> None:
    found = said(
        draft_of(
            "en",
            ALIYEV_MET,
            "Abbas Araghchi conveyed the greetings of President Masoud Pezeshkian to President "
            "Ilham Aliyev.",
            "The head of state noted that relations between Azerbaijan and Iran are developing "
            "successfully.",
        )
    )
    assert [speaker for speaker, _ in found] == ["ilham-aliyev"]


def test_the_head_of_state_with_no_meeting_is_the_president_named_last() -> None:
    """Near miss: with no meeting, the latest president named is still the one."""
    found = said(
        draft_of(
            "en",
            "President Ilham Aliyev spoke at a forum in Baku on Monday.",
            "President Masoud Pezeshkian arrived in Yerevan on Tuesday.",
            "The head of state noted that relations between Iran and Armenia are developing "
            "successfully.",
        )
    )
    assert [speaker for speaker, _ in found] == ["masoud-pezeshkian"]
