"""The listings counted from the derived view count what the claims say: who-met-whom pairs the
people all of a meeting's accounts name (kb:attendee), positions-by-topic-and-stance counts each
topic and stance's statements, speakers and sources (kb:positionStance, on the statement, its
speaker and its source). Streamed largest count first, they print the rows of the query run
whole, in its order."""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations
from pathlib import Path

import pyoxigraph as ox
import pytest

from kb import queries, view
from kb.namespaces import ENT, KB
from kb.queries import run, saved_queries, stream
from kb.store import Store
from kb.store.embedded import EmbeddedStore

from .identity_helpers import kb_of_accounts

ALIYEV, RAISI, ABDOLLAHIAN, BAYRAMOV = (
    "ilham-aliyev",
    "ebrahim-raisi",
    "hossein-amir-abdollahian",
    "jeyhun-bayramov",
)
# meeting -> each account's people (one source graph per account)
ACCOUNTS = {
    # two sources name different people at one meeting: its people are all three
    "2021-05-01-a": [(ALIYEV, RAISI), (ALIYEV, ABDOLLAHIAN)],
    # two sources name the same pair: one meeting, counted once
    "2021-06-01-b": [(ALIYEV, RAISI), (RAISI, ALIYEV)],
    "2021-07-01-c": [(ABDOLLAHIAN, BAYRAMOV)],
    "2021-08-01-d": [(ABDOLLAHIAN, BAYRAMOV, RAISI)],
}


@pytest.fixture
def meetings(tmp_path: Path) -> EmbeddedStore:
    reports = {meeting: [(people, "") for people in named] for meeting, named in ACCOUNTS.items()}
    return kb_of_accounts(tmp_path / "store", reports)


def pairs_met(accounts: dict[str, list[tuple[str, ...]]]) -> dict[tuple[str, str], int]:
    """For each pair of people (in the order of their IRIs' text), the meetings both took part
    in, over everyone any account of a meeting names."""
    counted: dict[tuple[str, str], int] = defaultdict(int)
    for people in accounts.values():
        everyone = sorted({ENT[person].value for named in people for person in named})
        for pair in combinations(everyone, 2):
            counted[pair] += 1
    return dict(counted)


def test_who_met_whom_pairs_the_people_every_account_of_a_meeting_names(
    meetings: EmbeddedStore,
) -> None:
    rows = run(meetings, saved_queries()["who-met-whom"]).rows
    listed = {(r["person1"].value, r["person2"].value): int(r["meetings"].value) for r in rows}
    assert listed == pairs_met(ACCOUNTS)
    assert (
        listed[(ENT[RAISI].value, ENT[ABDOLLAHIAN].value)] == 2
    )  # one of them across two accounts
    assert [int(r["meetings"].value) for r in rows] == sorted(listed.values(), reverse=True)


@pytest.mark.parametrize("probed", [1, queries.PROBED_BUCKETS])
def test_who_met_whom_streamed_by_count_prints_the_rows_of_the_whole_query(
    meetings: EmbeddedStore, probed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(queries, "PROBED_BUCKETS", probed)
    saved = saved_queries()["who-met-whom"]
    assert saved.descending and saved.stream_by and saved.stream_by[0] == "meetings"
    _, rows = stream(meetings, saved)
    assert list(rows) == run(meetings, saved).rows


def test_a_meetings_attendees_are_the_people_its_accounts_name_in_each_source(
    meetings: EmbeddedStore,
) -> None:
    for graph, derived in sources_and_views(meetings):
        named = {
            (t.subject, t.object) for t in meetings.graph(graph) if t.predicate == KB.participant
        }
        attendees = {t.object for t in meetings.graph(derived) if t.predicate == KB.attendee}
        assert attendees == {person for _, person in named}


def sources_and_views(store: Store) -> list[tuple[ox.NamedNode, ox.NamedNode]]:
    """Each source graph of ``store`` with its view graph."""
    names = store.graph_names()
    pairs = [(name, view.view_graph(name)) for name in names]
    return [(name, derived) for name, derived in pairs if derived is not None and derived in names]


def topic_stance_counts(store: Store) -> dict[tuple[str, str], tuple[int, int, int]]:
    """Per topic and stance, from the source graphs' own statements (not the view): how many
    statements, distinct speakers and distinct sources."""
    claims: dict[ox.NamedNode, dict[ox.NamedNode, set[object]]] = defaultdict(
        lambda: defaultdict(set)
    )
    wanted = (KB.position, KB.stance, KB.speaker, KB.source)
    for quad in store.quads():
        if view.view_graph(quad.graph_name) and quad.predicate in wanted:
            claims[quad.subject][quad.predicate].add(quad.object)
    groups: dict[tuple[str, str], list[set[object]]] = defaultdict(lambda: [set(), set(), set()])
    for statement, values in claims.items():
        if not all(values[p] for p in wanted):
            continue
        for position in values[KB.position]:
            for stance in values[KB.stance]:
                group = groups[(position.value, stance.value)]
                group[0].add(statement)
                group[1].update(values[KB.speaker])
                group[2].update(values[KB.source])
    return {key: (len(a), len(b), len(c)) for key, (a, b, c) in groups.items()}


def test_positions_by_topic_and_stance_count_statements_speakers_and_sources(
    seed_store: Store,
) -> None:
    rows = run(seed_store, saved_queries()["positions-by-topic-and-stance"]).rows
    listed = {
        (r["position"].value, r["stance"].value): (
            int(r["statements"].value),
            int(r["speakers"].value),
            int(r["sources"].value),
        )
        for r in rows
    }
    assert listed == topic_stance_counts(seed_store)
    assert any(speakers > 1 for _, speakers, _ in listed.values())


def test_a_statements_topic_and_stance_key_is_on_it_its_speaker_and_its_source(
    seed_store: Store,
) -> None:
    for graph, derived in sources_and_views(seed_store):
        own: dict[object, dict[object, object]] = defaultdict(dict)
        for t in seed_store.graph(graph):
            own[t.subject][t.predicate] = t.object
        keys = {(t.subject, t.predicate, t.object) for t in seed_store.graph(derived)}
        for statement, values in own.items():
            if KB.position not in values:
                continue
            key = ox.Literal(f"{values[KB.position].value} {values[KB.stance].value}")
            assert (statement, KB.positionStance, key) in keys
            assert (values[KB.speaker], KB.statesPositionStance, key) in keys
            assert (values[KB.source], KB.reportsPositionStance, key) in keys
