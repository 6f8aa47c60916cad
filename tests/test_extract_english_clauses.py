"""Clauses of English wire copy: "X held talks with Y, while Z met W", "X said ..., and he
added ...", "His Armenian counterpart Y, for his part, said ...", "by saying", and the
documents "according to a readout" cites, each with a near miss.

The sentences are written for these tests (no article's text).
"""

from __future__ import annotations

from .drafting import draft_of
from .drafting import said_after_meeting as statements

ARRIVED = (
    "Russian Foreign Minister Sergei Lavrov and Armenian Foreign Minister Ararat Mirzoyan "
    "arrived in Tehran on Monday. Azerbaijani Foreign Minister Jeyhun Bayramov and Iranian "
    "Foreign Minister Hossein Amir-Abdollahian arrived on Sunday."
)


def _met(*paragraphs: str) -> list[list[str]]:
    draft = draft_of("en", ARRIVED, *paragraphs)
    return [
        sorted(p["person"] for p in meeting["participants"]) for meeting in draft.form["meetings"]
    ]


# -- "while" opens a clause with a subject of its own ---------------------------------------


def test_while_opens_another_meeting() -> None:
    assert _met("Lavrov held talks with Mirzoyan, while Amir-Abdollahian met Bayramov.") == [
        ["ararat-mirzoyan", "sergey-lavrov"],
        ["hossein-amir-abdollahian", "jeyhun-bayramov"],
    ]


def test_while_with_no_subject_of_its_own_keeps_the_meeting() -> None:
    """Near miss: "while in Tehran" names no one; the partners listed before still met X."""
    assert _met("Lavrov held talks with Mirzoyan and Bayramov while in Tehran.") == [
        ["ararat-mirzoyan", "sergey-lavrov"],
        ["jeyhun-bayramov", "sergey-lavrov"],
    ]


# -- "he" after a speaker named in the same sentence ----------------------------------------


def test_he_is_the_speaker_named_before_in_the_sentence() -> None:
    found = statements(
        "en", "Bayramov said the deal was signed, and he added that the peace treaty should follow."
    )
    assert [speaker for speaker, _ in found] == ["jeyhun-bayramov", "jeyhun-bayramov"]


def test_he_opening_a_sentence_is_the_speaker_before() -> None:
    """Near miss: with no speaker before it in its sentence, "he" is the last one who spoke."""
    found = statements(
        "en",
        "Bayramov said the deal was signed.",
        "He added that the peace treaty should follow.",
    )
    assert [speaker for speaker, _ in found] == ["jeyhun-bayramov", "jeyhun-bayramov"]


# -- a possessive before a title that is attached to a name ---------------------------------


def test_his_counterpart_named_after_the_title_speaks() -> None:
    found = statements(
        "en",
        "Bayramov said Baku was ready to sign the peace treaty.",
        "His Armenian counterpart Ararat Mirzoyan, for his part, said Yerevan was committed to "
        "the peace agenda.",
    )
    assert ("ararat-mirzoyan", "Yerevan was committed to the peace agenda") in found


def test_he_before_a_verb_is_still_the_subject() -> None:
    """Near miss: "He told X" is the speaker before, not X."""
    found = statements(
        "en",
        "Bayramov said Baku was ready to sign the peace treaty.",
        "He told Armenian Foreign Minister Ararat Mirzoyan that Baku was committed to the peace "
        "agenda.",
    )
    assert ("jeyhun-bayramov", "Baku was committed to the peace agenda") in found


# -- "by saying"; "according to a readout"; "adds to" ---------------------------------------


def test_by_saying_reports_what_follows() -> None:
    found = statements(
        "en",
        "Araghchi opened the session by saying the disputes of the Caucasus must be solved by "
        "the countries of the region.",
    )
    assert found == [
        (
            "abbas-araghchi",
            "the disputes of the Caucasus must be solved by the countries of the region",
        )
    ]


def test_a_readout_cited_is_no_speaker_and_adds_to_is_no_verb() -> None:
    found = statements(
        "en",
        "Araghchi said the presence of foreign forces adds to the tension, according to a "
        "readout released by his ministry.",
    )
    assert found == [("abbas-araghchi", "the presence of foreign forces adds to the tension")]


def test_according_to_a_person_still_names_the_speaker() -> None:
    """Near miss: "according to X" with a person cites X."""
    found = statements("en", "According to Bayramov, the peace treaty is ready to be signed.")
    assert found == [("jeyhun-bayramov", "the peace treaty is ready to be signed")]


# -- "said A and that B": both are said ---------------------------------------------------


def test_said_a_and_that_b_states_both() -> None:
    found = statements(
        "en",
        "Araghchi said the peace agreement is a historic step and that Iran is ready to help.",
    )
    assert [quote for _, quote in found] == [
        "the peace agreement is a historic step",
        "Iran is ready to help",
    ]


def test_and_inside_the_setting_before_that_is_no_second_clause() -> None:
    """Near miss: "said at the talks in Baku and Tehran that A": A alone is said."""
    found = statements(
        "en", "Araghchi said at the talks in Baku and Tehran that the peace agreement is a step."
    )
    assert [quote for _, quote in found] == ["the peace agreement is a step"]


# -- "according to" a person introduced by a title ----------------------------------------


def test_according_to_a_minister_named_with_a_title() -> None:
    found = statements(
        "en",
        "According to Iran's foreign minister Abbas Araghchi, the peace treaty is ready to be "
        "signed.",
    )
    assert found == [("abbas-araghchi", "the peace treaty is ready to be signed")]


def test_according_to_a_document_names_no_speaker() -> None:
    """Near miss: "according to the agreement" cites no one."""
    found = statements("en", "According to the agreement, the peace treaty is ready to be signed.")
    assert found == []


# -- a country with a relative clause before its verb -------------------------------------


def test_a_country_with_a_relative_clause_speaks() -> None:
    found = statements(
        "en",
        "Iran, which borders Armenia, said it opposes any change of borders in the region.",
    )
    assert [speaker for speaker, _ in found] == ["government-of-iran"]


def test_a_relative_clause_with_a_verb_of_its_own_is_no_subject() -> None:
    """Near miss: a relative clause that closes on no comma leaves the verb's own subject."""
    found = statements(
        "en", "Iran, which borders Armenia and Azerbaijan said, opposes any change of borders."
    )
    assert "government-of-iran" not in [speaker for speaker, _ in found]


# -- a long title in apposition; courtesy; "threaten" -------------------------------------


def test_a_long_title_in_apposition_introduces_its_holder() -> None:
    found = statements(
        "en",
        "Ali Akbar Velayati, a senior adviser to Supreme Leader Ali Khamenei, said the corridor "
        "would threaten regional security.",
    )
    assert found == [("ali-akbar-velayati", "the corridor would threaten regional security")]


def test_thanks_for_the_meeting_is_courtesy() -> None:
    """Near miss of a welcome: thanking for a meeting or an invitation states no position."""
    assert statements("en", "Bayramov thanked his Iranian counterpart for the meeting.") == []


# -- a meeting proposed is no meeting -----------------------------------------------------


def test_a_proposed_meeting_is_no_meeting() -> None:
    assert _met("Pashinyan has proposed a meeting with Bayramov to sign the treaty.") == []


def test_a_meeting_held_and_a_proposal_made_is_a_meeting() -> None:
    """Near miss: "held a meeting with X and proposed Y": the meeting took place."""
    assert _met("Lavrov held a meeting with Bayramov and proposed a new round of talks.") == [
        ["jeyhun-bayramov", "sergey-lavrov"]
    ]


# -- "In his remarks, X stressed": the name, not the possessive, is the subject -------------


def test_a_name_after_an_opening_with_his_speaks() -> None:
    found = statements(
        "en", "In his remarks, Bayramov stressed that the peace treaty must be signed soon."
    )
    assert found == [("jeyhun-bayramov", "the peace treaty must be signed soon")]


def test_he_after_an_opening_with_his_is_the_speaker_before() -> None:
    """Near miss: with no name after the opening, "he" is the one who spoke before."""
    found = statements(
        "en",
        "Bayramov said the talks went well.",
        "In his remarks, he stressed that the peace treaty must be signed soon.",
    )
    assert ("jeyhun-bayramov", "the peace treaty must be signed soon") in found
