"""Which stored meetings a new account is matched against: those its dates allow.

``meetings_near`` keeps the lookup of ``kb add`` flat in the size of the KB: it returns the
meetings with an account naming one of the new account's participants whose dates overlap
the new account's (an undated side overlaps anything), and any meeting IRI the new account
proposes; a meeting all of whose accounts lie outside its dates cannot be its meeting.
"""

from __future__ import annotations

import datetime

from pyoxigraph import Literal, NamedNode, Quad

from kb.identity.accounts import Account, meetings_near
from kb.namespaces import GRAPH, KB, MTG, RDF_TYPE, XSD
from kb.store.embedded import EmbeddedStore

PERSON, OTHER = NamedNode("https://w3id.org/kb/entity/a"), NamedNode("https://w3id.org/kb/entity/b")


def stored(name: str, earliest: str | None, latest: str | None) -> list[Quad]:
    """A stored account of meeting ``name`` with PERSON and OTHER, in a graph of its own."""
    graph, account = GRAPH[f"source/{name}"], NamedNode(f"https://w3id.org/kb/claim/{name}/m1")
    participation = NamedNode(account.value + "/p1")
    quads = [
        Quad(account, RDF_TYPE, KB.MeetingAccount, graph),
        Quad(account, KB.meeting, MTG[name], graph),
        Quad(account, KB.participation, participation, graph),
        Quad(participation, KB.participant, PERSON, graph),
    ]
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


def test_a_proposed_meeting_iri_is_looked_at_whatever_its_dates() -> None:
    found = meetings_near(store(), [new_account("2001-03-15", "2001-03-22", proposed="before")])
    assert "before" in names(found)
