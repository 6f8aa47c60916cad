"""How English wire copy and state media report positions: present-tense reporting verbs,
"writing that", and the topic and stance cues of the 2025 peace talks and the Trump Route,
each with a near miss.

The sentences are written for these tests (no article's text).
"""

from __future__ import annotations

import pytest

from .drafting import MET, draft_of, said, stances
from .drafting import said_after_meeting as statements

# -- reporting verbs in the present tense (leads: "X says", "X hopes that") ----------------


@pytest.mark.parametrize(
    ("sentence", "quote"),
    [
        (
            "Sergey Lavrov said Moscow supports the 3+3 platform and hopes that the next round "
            "will be held in Baku.",
            "Moscow supports the 3+3 platform",
        ),
        ("Araghchi urges the countries of the region to solve regional problems.", None),
        ("Bayramov notes that the peace agenda has no alternative.", None),
    ],
)
def test_a_present_tense_reporting_verb_reports(sentence: str, quote: str | None) -> None:
    found = statements("en", sentence)
    assert found, sentence
    if quote is not None:
        assert ("sergey-lavrov", quote) in found


def test_the_noun_hopes_reports_nothing() -> None:
    """Near miss: "hopes" as a noun, with no one to hold them."""
    assert (
        statements("en", "Hopes that the border will reopen soon are fading in Nakhchivan.") == []
    )


# -- "writing that" after a post on a social network -------------------------------------


def test_writing_that_says_what_follows() -> None:
    found = statements(
        "en",
        "President Recep Tayyip Erdoğan hailed the deal in a post on X, writing that it would "
        "contribute to lasting peace.",
    )
    assert ("recep-tayyip-erdogan", "it would contribute to lasting peace") in found


def test_writing_a_book_says_nothing() -> None:
    """Near miss: "writing" with no "that" reports no words."""
    assert statements("en", "Pashinyan is writing a book about the Karabakh conflict.") == []


# -- topic and stance cues of the 2025 peace talks and the Trump Route ----------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            'Araghchi said: "We welcome the peace agreement between Armenia and Azerbaijan."',
            ("karabakh-conflict-settlement", "welcomes"),
        ),
        (
            "Araghchi said the so-called Trump Route must not undermine regional security.",
            ("zangezur-corridor", "warns"),
        ),
        (
            "Araghchi said Iran would not accept any change to its borders with Armenia.",
            ("geopolitical-changes", "opposes"),
        ),
        (
            "Bayramov said solutions imposed from outside the region were counterproductive.",
            ("extra-regional-forces", "opposes"),
        ),
        (
            "Bayramov said the agreement would bring peace to the South Caucasus.",
            ("regional-peace-and-stability", "affirms"),
        ),
        (
            "Araghchi said the corridor would threaten regional security.",
            ("regional-peace-and-stability", "warns"),
        ),
        (
            "Bayramov said the route would remain under Armenian jurisdiction.",
            ("territorial-integrity-of-armenia", "affirms"),
        ),
    ],
)
def test_cues_of_the_peace_talks(sentence: str, expected: tuple[str, str]) -> None:
    assert stances(draft_of("en", MET["en"], sentence)) == [expected]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Araghchi said Iran would not accept the Trump Route.",
            [("zangezur-corridor", "rejects")],
        ),
        # near miss: accepting is not rejecting
        (
            "Araghchi said Iran would accept the Trump Route if it respects international law.",
            [("zangezur-corridor", "supports")],
        ),
        # near miss: "welcome" as a noun or adjective is no welcoming
        (
            "Bayramov said the peace agreement was a welcome step.",
            [("karabakh-conflict-settlement", "supports")],
        ),
    ],
)
def test_stance_cues_and_their_near_misses(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert stances(draft_of("en", MET["en"], sentence)) == expected


# -- topics English reports name in their own words ---------------------------------------


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        (
            "Araghchi said Iran supports the normalization process between Baku and Yerevan.",
            "karabakh-conflict-settlement",
        ),
        (
            "Bayramov said the delimitation of the border with Armenia should continue.",
            "karabakh-conflict-settlement",
        ),
        (
            "Bayramov said the Washington declaration opened a new chapter for the region.",
            "karabakh-conflict-settlement",
        ),
        (
            "Araghchi said Iran opposes any corridor that would cut Iran's border with Armenia.",
            "zangezur-corridor",
        ),
        (
            "Bayramov said the corridor through Armenia will connect mainland Azerbaijan with "
            "Nakhchivan.",
            "zangezur-corridor",
        ),
        (
            "Bayramov said energy cooperation with Iran, including gas swaps, will grow.",
            "trade-and-economic-cooperation",
        ),
        (
            "Araghchi said the security of the Caspian Sea is the responsibility of the littoral "
            "states.",
            "regional-peace-and-stability",
        ),
        (
            "Araghchi said the Caspian Sea must be free of any military presence of non-littoral "
            "states.",
            "extra-regional-forces",
        ),
        ("Araghchi called for restraint and dialogue to ease tensions.", "crisis-prevention"),
        (
            "Bayramov said relations between the two countries rest on good neighbourliness.",
            "bilateral-relations",
        ),
    ],
)
def test_topics_in_english_phrasings(sentence: str, topic: str) -> None:
    assert [found for found, _ in stances(draft_of("en", MET["en"], sentence))] == [topic]


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        # the Caspian's delimitation is no part of the Armenia-Azerbaijan peace process
        (
            "Bayramov said the delimitation of the Caspian Sea is a matter for the littoral "
            "states.",
            "unclassified",
        ),
        # Azerbaijan's own border with Armenia is not the corridor Iran fears for its border
        ("Bayramov said Azerbaijan wants peace on its border with Armenia.", "unclassified"),
        # relations with Israel are about Israel, not bilateral relations
        ("Araghchi warned against Baku's relations with Israel.", "israel-in-the-region"),
    ],
)
def test_near_misses_of_the_topics(sentence: str, topic: str) -> None:
    assert [found for found, _ in stances(draft_of("en", MET["en"], sentence))] == [topic]


# -- "told reporters": the audience is not what is said -----------------------------------


def test_told_reporters_reports_what_follows() -> None:
    found = statements("en", "Araghchi told reporters the peace agreement is a historic step.")
    assert found == [("abbas-araghchi", "the peace agreement is a historic step")]


def test_told_a_person_is_still_addressed() -> None:
    """Near miss: "told X that" with a person: X is spoken to, what follows "that" is said."""
    found = statements("en", "Araghchi told Bayramov that the peace agreement is a historic step.")
    assert found == [("abbas-araghchi", "the peace agreement is a historic step")]


def test_we_propose_proposes() -> None:
    assert stances(
        draft_of("en", MET["en"], 'Araghchi said: "We propose a new 3+3 meeting in Baku."')
    ) == [("3plus3-format", "proposes")]


# -- "the three leaders" of a trilateral meeting speak together ----------------------------


def test_the_three_leaders_share_a_statement() -> None:
    draft = draft_of(
        "en",
        "Vladimir Putin held a trilateral meeting with Ilham Aliyev and Nikol Pashinyan in "
        "Moscow on Monday.",
        "The three leaders agreed to work towards a peace treaty.",
    )
    assert sorted(speaker for speaker, _ in said(draft)) == [
        "ilham-aliyev",
        "nikol-pashinyan",
        "vladimir-putin",
    ]


def test_the_two_leaders_are_not_three() -> None:
    """Near miss: "the two leaders" after a two-party meeting are those two."""
    draft = draft_of(
        "en",
        "Vladimir Putin met Ilham Aliyev in Moscow on Monday.",
        "The two leaders agreed to work towards a peace treaty.",
    )
    assert sorted(speaker for speaker, _ in said(draft)) == ["ilham-aliyev", "vladimir-putin"]


# -- stances of criticism, concern and refusal ---------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Araghchi criticised the Zangezur corridor project.", ("zangezur-corridor", "opposes")),
        (
            "Araghchi expressed concern over the presence of foreign forces in the region.",
            ("extra-regional-forces", "warns"),
        ),
        (
            "Araghchi said Tehran would never accept the Trump Route.",
            ("zangezur-corridor", "rejects"),
        ),
        (
            "Araghchi said Iran will not allow the Trump Route to cut its border.",
            ("zangezur-corridor", "rejects"),
        ),
        # near misses: allowing is no refusal; not being concerned is no warning
        (
            "Araghchi said Iran would allow the Trump Route if it respects international law.",
            ("zangezur-corridor", "supports"),
        ),
        (
            "Araghchi said Iran is not concerned about the Zangezur corridor.",
            ("zangezur-corridor", "supports"),
        ),
    ],
)
def test_criticism_concern_and_refusal(sentence: str, expected: tuple[str, str]) -> None:
    assert stances(draft_of("en", MET["en"], sentence)) == [expected]
