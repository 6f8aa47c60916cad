"""A content clause joined by "and" to a second predicate with a frame of its own ("is ready
to", "should", "has no intention") says two things: each with its own quote and stance."""

from __future__ import annotations

from tests.drafting import MET, draft_of


def quoted(language: str, sentence: str) -> dict[str, str]:
    """Each statement's quote with its stance."""
    draft = draft_of(language, MET[language], sentence)
    return {item["quote"]: item["stance"] for item in draft.form["statements"]}


def test_and_before_a_frame_opens_a_second_statement() -> None:
    found = quoted(
        "en",
        "Araghchi said that Tehran fully supports the territorial integrity of Azerbaijan and "
        "is ready to expand economic cooperation in all fields.",
    )
    assert found["Tehran fully supports the territorial integrity of Azerbaijan"] == "supports"
    assert found["is ready to expand economic cooperation in all fields"] == "offers"


def test_and_between_two_nouns_cuts_nothing() -> None:
    # near miss: "integrity and sovereignty" is one object of one stance
    found = quoted(
        "en",
        "Araghchi said that Tehran fully supports the territorial integrity and sovereignty of "
        "Azerbaijan within its recognised borders.",
    )
    assert found == {
        "Tehran fully supports the territorial integrity and sovereignty of Azerbaijan within "
        "its recognised borders": "supports"
    }


def test_and_before_a_new_subject_with_a_frame_cuts_nothing() -> None:
    # near miss: "Baku and Yerevan must" joins two subjects; the frame is the whole clause's
    found = quoted(
        "en",
        "Araghchi said the peace treaty between Baku and Yerevan must be signed without delay.",
    )
    assert list(found.values()) == ["calls-for"]


def test_a_frame_before_and_that_does_not_reach_the_next_clause() -> None:
    # near miss to a frame deciding the clause after it: "and that" opens a new thing said
    found = quoted(
        "en",
        "Araghchi said Iran is ready to help and that Tehran supports the peace treaty between "
        "Armenia and Azerbaijan.",
    )
    assert found["Tehran supports the peace treaty between Armenia and Azerbaijan"] == "supports"
