"""The disagreement queries name a participant one account of a meeting has and another lacks.

The seed KB's disputed meeting differs only in its dates, so these tests give one of its two
accounts an extra participant and read both queries again."""

from __future__ import annotations

import pyoxigraph as ox

from kb.namespaces import KB, expand
from kb.queries import load_query, run
from kb.store.embedded import EmbeddedStore

DISPUTED = "mtg:2023-10-04-hossein-amir-abdollahian-khalaf-khalafov"
EXTRA = "ent:ilham-aliyev"


def _name_one_more_participant(store: EmbeddedStore) -> str:
    """Add EXTRA to the first account of DISPUTED (in that account's own graph); its IRI."""
    meeting = expand(DISPUTED)
    found = store.select(
        f"SELECT ?g ?account WHERE {{ GRAPH ?g {{ ?account <{KB.meeting.value}> <{meeting.value}> }} }}"
        " ORDER BY ?account LIMIT 1"
    ).rows[0]
    graph, account = found["g"], found["account"]
    assert isinstance(graph, ox.NamedNode) and isinstance(account, ox.NamedNode)
    participation = ox.NamedNode(account.value + "-extra-participation")
    store.write(
        insert={
            graph: [
                ox.Triple(account, KB.participation, participation),
                ox.Triple(participation, KB.participant, expand(EXTRA)),
            ]
        }
    )
    return account.value


def test_an_account_naming_someone_the_other_does_not_is_a_participants_disagreement(
    fresh_store: EmbeddedStore,
) -> None:
    _name_one_more_participant(fresh_store)
    rows = run(fresh_store, load_query("disagreements"), {"meeting": DISPUTED}).rows
    assert rows and all("participants" in str(row["differs"].value) for row in rows)


def test_the_pairwise_query_says_who_only_one_account_names(fresh_store: EmbeddedStore) -> None:
    account = _name_one_more_participant(fresh_store)
    rows = run(fresh_store, load_query("meeting-disagreements"), {"meeting": DISPUTED}).rows
    named = [r for r in rows if r["aspect"].value == "participants"]
    assert len(named) == 1
    side = "1" if named[0]["account1"].value == account else "2"
    assert named[0][f"value{side}"].value == "names Ilham Aliyev"


def test_accounts_naming_the_same_people_are_no_participants_disagreement(
    seed_store: EmbeddedStore,
) -> None:
    rows = run(seed_store, load_query("disagreements"), {"meeting": DISPUTED}).rows
    assert rows and not any("participants" in str(row["differs"].value) for row in rows)
