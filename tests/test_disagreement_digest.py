"""The disagreement listings compare only the meetings whose accounts' digests differ.

kb.view gives each meeting one kb:accountDigest per account (its date fields, place and
participants); the listings find the meetings with more than one by one scan and compare only
their accounts. Each case below is two accounts of one meeting, each in its own source graph
as kb writes them: a difference of any kind must still be listed (none missed), and accounts
that say the same in another order must not be (none invented).
"""

from __future__ import annotations

import random

import pyoxigraph as ox
import pytest

from kb import view
from kb.namespaces import GRAPH, KB, MTG, sparql_prologue
from kb.queries import run, saved_queries, stream
from kb.store import Store
from kb.store.embedded import EmbeddedStore

PEOPLE = "abcdefghij"  # ent:a ... ent:j

ACCOUNT = (
    sparql_prologue()
    + """
src:%(name)s a kb:Source ; dcterms:language "en" .
<https://w3id.org/kb/claim/%(name)s/m1> a kb:MeetingAccount ; kb:meeting mtg:%(meeting)s ;
    kb:source src:%(name)s %(fields)s .
%(people)s
"""
)
LABELS = "\n".join(
    f'<https://w3id.org/kb/entity/{p}> <http://www.w3.org/2000/01/rdf-schema#label> "{p.upper()}"@en .'
    for p in PEOPLE
)
BOUNDS = '; kb:earliest "2023-10-01"^^xsd:date ; kb:latest "2023-10-04"^^xsd:date'


def account(
    name: str, people: str, fields: str = BOUNDS, meeting: str = "2023-10-test"
) -> list[ox.Triple]:
    """Account m1 of source ``name``: ``people`` (letters, in the order written) at
    ``meeting``, with ``fields`` (Turtle: dates, place)."""
    account_iri = f"<https://w3id.org/kb/claim/{name}/m1>"
    named = "\n".join(
        f"{account_iri} kb:participation <https://w3id.org/kb/claim/{name}/m1/p{i}> . "
        f"<https://w3id.org/kb/claim/{name}/m1/p{i}> kb:participant ent:{person} ."
        for i, person in enumerate(people)
    )
    text = ACCOUNT % {"name": name, "fields": fields, "people": named, "meeting": meeting}
    return list(ox.parse(text, format=ox.RdfFormat.TURTLE))


def kb_of(*accounts: list[ox.Triple], store: Store | None = None) -> Store:
    """A KB of these accounts (in ``store``, else a new one in memory), each in its own
    source graph, written as kb writes them."""
    store = store or EmbeddedStore.in_memory()
    view.rebuild(store)  # the stamp of a current view, as a new KB has it
    labels = list(ox.parse(LABELS, format=ox.RdfFormat.TURTLE))
    store.write(insert={GRAPH["registry"]: labels})
    for n, triples in enumerate(accounts):
        view.write(store, replace={GRAPH[f"source/test{n}"]: triples})
    return store


def listed(store: Store, name: str) -> list[dict[str, str]]:
    """The listing's rows (each value as text), the same whether run whole or streamed."""
    saved = saved_queries()[name]
    whole = run(store, saved).rows
    _, streamed = stream(store, saved)
    assert list(streamed) == whole
    return [{k: getattr(v, "value", str(v)) for k, v in row.items()} for row in whole]


def digests(store: Store) -> set[str]:
    return {t.object.value for t in store.quads() if t.predicate == KB.accountDigest}


def test_accounts_naming_the_same_people_in_another_order_agree() -> None:
    store = kb_of(account("one", "abc"), account("two", "cab"))
    assert len(digests(store)) == 1
    assert listed(store, "disagreements") == []
    assert listed(store, "meeting-disagreements") == []


def test_more_than_eight_people_in_another_order_are_compared_in_full_and_agree() -> None:
    """Past eight people the digests differ (each names its account), and the listings' own
    comparison finds the accounts the same."""
    shuffled = "".join(random.Random(4).sample(PEOPLE, len(PEOPLE)))
    store = kb_of(account("one", PEOPLE), account("two", shuffled))
    assert len(digests(store)) == 2
    assert listed(store, "disagreements") == []
    assert listed(store, "meeting-disagreements") == []


def test_a_ninth_person_named_differently_is_a_participants_disagreement() -> None:
    """Eight people are written into the digest; the ninth must still be compared."""
    store = kb_of(account("one", PEOPLE[:9]), account("two", PEOPLE[:8] + PEOPLE[9]))
    assert {r["differs"] for r in listed(store, "disagreements")} == {"participants"}


def test_one_more_person_named_is_a_participants_disagreement() -> None:
    store = kb_of(account("one", "ab"), account("two", "bad"))
    assert {r["differs"] for r in listed(store, "disagreements")} == {"participants"}
    (row,) = listed(store, "meeting-disagreements")
    assert (row["aspect"], row["value1"], row["value2"]) == ("participants", "", "names D")


def test_an_account_naming_nobody_differs_from_one_naming_someone() -> None:
    store = kb_of(account("one", ""), account("two", "a"))
    assert {r["differs"] for r in listed(store, "disagreements")} == {"participants"}


@pytest.mark.parametrize(
    ("other", "differs", "contradict", "aspect"),
    [
        # the same bounds, a date of another precision: no day excluded
        (BOUNDS + '; kb:date "2023-10"^^xsd:gYearMonth', "dates", "false", "date precision"),
        # bounds with no common day
        (
            '; kb:earliest "2023-10-05"^^xsd:date ; kb:latest "2023-10-06"^^xsd:date',
            "dates",
            "true",
            "date",
        ),
        # from a day after the other's last, with no last day of its own
        ('; kb:earliest "2023-10-05"^^xsd:date', "dates", "true", "date"),
        # only the first day differs, or only the last: overlapping bounds, the same date (a
        # pair meeting-disagreements does not list, as before: "" is no aspect)
        (
            '; kb:earliest "2023-09-30"^^xsd:date ; kb:latest "2023-10-04"^^xsd:date'
            '; kb:date "2023-10-04"^^xsd:date',
            "dates",
            "false",
            "",
        ),
        (
            '; kb:earliest "2023-10-01"^^xsd:date ; kb:latest "2023-10-05"^^xsd:date'
            '; kb:date "2023-10-04"^^xsd:date',
            "dates",
            "false",
            "",
        ),
        ("; schema:location ent:baku", "place", "false", "place"),
    ],
)
def test_a_difference_in_dates_or_place_is_listed(
    other: str, differs: str, contradict: str, aspect: str
) -> None:
    dated = BOUNDS + '; kb:date "2023-10-04"^^xsd:date'
    if aspect == "place":
        dated, other = dated + "; schema:location ent:tehran", dated + other
    store = kb_of(account("one", "ab", dated), account("two", "ba", other))
    rows = listed(store, "disagreements")
    assert {(r["differs"], r["datesContradict"]) for r in rows} == {(differs, contradict)}
    assert {r["aspect"] for r in listed(store, "meeting-disagreements")} == {aspect} - {""}


def test_the_digest_does_not_depend_on_the_order_triples_are_written_in() -> None:
    triples = account("one", "cabd", BOUNDS + "; schema:location ent:baku")
    first = view.derive({GRAPH["source/x"]: triples}).views[GRAPH["view/x"]]
    shuffled = random.Random(7).sample(triples, len(triples))
    again = view.derive({GRAPH["source/x"]: shuffled}).views[GRAPH["view/x"]]
    (digest,) = [t for t in first if t.predicate == KB.accountDigest]
    assert digest.subject == MTG["2023-10-test"]
    assert digest in again
    assert digest.object.value.rstrip().endswith(
        " ".join(f"https://w3id.org/kb/entity/{p}" for p in "abcd")
    )
