"""Which stored meetings a new account is matched against: those of its participants that
its dates allow.

``meetings_near`` keeps the lookup of ``kb add`` flat in the size of the KB, for one draft or
a batch: it returns the meetings with an account naming every participant of the new account
whose dates overlap the new account's (an undated side overlaps anything), and any meeting
IRI the new account proposes. A meeting all of whose accounts lie outside its dates, or
none of whose accounts names all of its participants, cannot be its meeting.
"""

from __future__ import annotations

import datetime

from pyoxigraph import Literal, NamedNode, Quad

from kb.identity.accounts import Account, meetings_near
from kb.namespaces import GRAPH, KB, MTG, RDF_TYPE, XSD
from kb.store.embedded import EmbeddedStore

PERSON, OTHER = NamedNode("https://w3id.org/kb/entity/a"), NamedNode("https://w3id.org/kb/entity/b")


def stored(
    name: str,
    earliest: str | None,
    latest: str | None,
    people: tuple[NamedNode, ...] = (PERSON, OTHER),
) -> list[Quad]:
    """A stored account of meeting ``name`` with ``people``, in a graph of its own."""
    graph, account = GRAPH[f"source/{name}"], NamedNode(f"https://w3id.org/kb/claim/{name}/m1")
    quads = [
        Quad(account, RDF_TYPE, KB.MeetingAccount, graph),
        Quad(account, KB.meeting, MTG[name], graph),
    ]
    for index, person in enumerate(people, 1):
        participation = NamedNode(f"{account.value}/p{index}")
        quads.append(Quad(account, KB.participation, participation, graph))
        quads.append(Quad(participation, KB.participant, person, graph))
    for predicate, day in ((KB.earliest, earliest), (KB.latest, latest)):
        if day:
            quads.append(Quad(account, predicate, Literal(day, datatype=XSD.date), graph))
    return quads


def new_account(earliest: str | None, latest: str | None, proposed: str = "new") -> Account:
    day = datetime.date.fromisoformat
    return Account(
        NamedNode("https://w3id.org/kb/claim/new/m1"),
        GRAPH["source/new"],
        MTG[proposed],
        earliest=day(earliest) if earliest else None,
        latest=day(latest) if latest else None,
        participants=frozenset({PERSON, OTHER}),
    )


def store() -> EmbeddedStore:
    kb = EmbeddedStore.in_memory()
    kb.add_new(
        stored("before", "2001-01-01", "2001-01-31")
        + stored("overlapping", "2001-03-20", "2001-03-25")
        + stored("after", "2001-06-01", "2001-06-01")
        + stored("undated", None, None)
        + stored("open-ended", "2001-02-01", None)
        + stored("one-of-them", "2001-03-20", "2001-03-25", people=(PERSON,))
    )
    return kb


def names(meetings: set[NamedNode]) -> set[str]:
    return {m.value.rsplit("/", 1)[-1] for m in meetings}


def test_a_dated_account_is_matched_against_the_meetings_its_dates_allow() -> None:
    found = meetings_near(store(), [new_account("2001-03-15", "2001-03-22")])
    assert names(found) == {"overlapping", "undated", "open-ended", "new"}


def test_an_undated_account_is_matched_against_every_meeting_of_its_participants() -> None:
    found = meetings_near(store(), [new_account(None, None)])
    assert names(found) == {"before", "overlapping", "after", "undated", "open-ended", "new"}


def test_a_meeting_of_only_some_of_its_participants_is_not_looked_at() -> None:
    # "one-of-them" overlaps in time but names PERSON alone: other participants, never a match
    for found in (
        meetings_near(store(), [new_account("2001-03-15", "2001-03-22")]),
        meetings_near(store(), [new_account(None, None)]),
    ):
        assert "one-of-them" not in names(found)


def test_a_batch_of_accounts_gets_each_one_its_own_window() -> None:
    accounts = [new_account("2001-01-10", "2001-01-10"), new_account("2001-06-01", "2001-06-02")]
    assert names(meetings_near(store(), accounts)) == {
        "before",
        "after",
        "open-ended",
        "undated",
        "new",
    }


def test_a_proposed_meeting_iri_is_looked_at_whatever_its_dates() -> None:
    found = meetings_near(store(), [new_account("2001-03-15", "2001-03-22", proposed="before")])
    assert "before" in names(found)
