"""Several writers on one SPARQL server (issue #14, part 3): they queue behind the writers'
lock kept in the store (kb.store.serverlock), every add lands, and a queued writer sees the
KB as the writer before it left it. Real kb processes against real servers."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from kb.store import open_store
from kb.store.remote import RemoteStore
from kb.store.serverlock import HELD_BY, LOCK_GRAPH

from ..identity_helpers import accounts_by_meeting
from .conftest import SERVERS
from .writers import DRAFTS, kb, lock_graph, one_meeting_drafts, ready, sources_in, start

HOLD = """
import sys, time
from kb.store import open_store
store = open_store(sys.argv[1], wait=10)
print("holding", flush=True)
time.sleep(float(sys.argv[2]))
store.close()
"""


@pytest.fixture(params=SERVERS)
def location(request: pytest.FixtureRequest) -> str:
    server = request.getfixturevalue(f"{request.param}_server")
    return ready(server.location)


def hold_lock(location: str, seconds: float) -> subprocess.Popen[str]:
    """Another process that takes the writers' lock and keeps it ``seconds``."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, location, str(seconds)], stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
    return holder


def test_eight_adds_started_at_once_all_land(location: str) -> None:
    assert len(DRAFTS) == 8
    processes = [start(location, "add", str(draft)) for draft in DRAFTS]
    outcomes = [(p.wait(timeout=600), p.stderr.read() if p.stderr else "") for p in processes]
    assert [code for code, _ in outcomes] == [0] * 8, outcomes
    assert sources_in(location) == 8
    checked = kb(location, "validate", "--all")
    assert checked.returncode == 0, checked.stderr
    assert lock_graph(location) == [], "every writer gave the lock back"


def test_two_accounts_of_one_meeting_added_at_once_become_one_meeting(
    location: str, tmp_path: Path
) -> None:
    """The second writer validates against the KB with the first one's meeting in it."""
    first, second = one_meeting_drafts(tmp_path)
    processes = [start(location, "add", str(first)), start(location, "add", str(second))]
    outcomes = [(p.wait(timeout=600), p.stderr.read() if p.stderr else "") for p in processes]
    assert [code for code, _ in outcomes] == [0, 0], outcomes
    store = open_store(location, read_only=True)
    try:
        shared = [m for m, sources in accounts_by_meeting(store).items() if len(sources) == 2]
    finally:
        store.close()
    assert len(shared) == 1, accounts_by_meeting(store)


def test_a_writer_past_its_wait_exits_3_with_one_line_and_changes_nothing(location: str) -> None:
    holder = hold_lock(location, 6)
    try:
        before = sources_in(location)
        started = time.monotonic()
        refused = kb(location, "add", str(DRAFTS[0]), wait=1)
        assert refused.returncode == 3
        assert time.monotonic() - started >= 1
        lines = refused.stderr.strip().splitlines()
        assert len(lines) == 1 and "busy: another kb command is writing" in lines[0], lines
        assert sources_in(location) == before
    finally:
        holder.wait(timeout=60)


def test_a_queued_writer_goes_ahead_once_the_lock_is_given_back(location: str) -> None:
    holder = hold_lock(location, 2)
    added = kb(location, "add", str(DRAFTS[0]), wait=60)
    holder.wait(timeout=60)
    assert added.returncode == 0, added.stderr
    assert sources_in(location) == 1


def test_readers_never_wait_for_the_lock(location: str) -> None:
    holder = hold_lock(location, 20)
    try:
        started = time.monotonic()
        answer = kb(location, "query", "sources", "--format", "json", wait=0)
        assert answer.returncode == 0, answer.stderr
        assert time.monotonic() - started < 15
    finally:
        holder.kill()
        holder.wait()


def test_the_lock_of_a_killed_writer_is_broken_once_its_lease_runs_out(location: str) -> None:
    short = location + "?lease=2"
    holder = hold_lock(short, 600)
    holder.kill()  # no chance to give the lock back
    holder.wait()
    started = time.monotonic()
    added = kb(short, "add", str(DRAFTS[0]), wait=30)
    assert added.returncode == 0, added.stderr
    assert 1.5 <= time.monotonic() - started < 30
    assert sources_in(location) == 1


COUNT = """
import sys
import pyoxigraph as ox
from kb.store import open_store
G = ox.NamedNode("https://example.org/counter")
P = ox.NamedNode("https://example.org/count")
for _ in range(int(sys.argv[2])):
    store = open_store(sys.argv[1], wait=120)
    rows = store.select(f"SELECT ?n WHERE {{ GRAPH {G} {{ {G} {P} ?n }} }}").rows
    n = int(rows[0]["n"].value) if rows else 0
    store.write(replace={G: [ox.Triple(G, P, ox.Literal(str(n + 1), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")))]})
    store.close()
"""


def test_the_lock_serialises_read_then_write(location: str) -> None:
    """Four processes each read a counter and write it plus one, five times: no update lost."""
    processes = [
        subprocess.Popen([sys.executable, "-c", COUNT, location, "5"], stderr=subprocess.PIPE)
        for _ in range(4)
    ]
    assert [p.wait(timeout=600) for p in processes] == [0] * 4, [
        p.stderr.read() if p.stderr else b"" for p in processes
    ]
    store = open_store(location, read_only=True)
    assert isinstance(store, RemoteStore)
    count = store.select("SELECT ?n WHERE { GRAPH ?g { ?g <https://example.org/count> ?n } }")
    assert [row["n"].value for row in count.rows] == ["20"]  # type: ignore[union-attr]


def test_the_lock_graph_is_not_part_of_the_kb(location: str) -> None:
    """Exports, validation and graph listings leave it out on both servers; Virtuoso's union
    queries exclude it too, Oxigraph's see its triples while a writer holds it (documented)."""
    holder = hold_lock(location, 20)
    try:
        store = open_store(location, read_only=True)
        try:
            assert LOCK_GRAPH not in store.graph_names()
            assert not any(q.graph_name == LOCK_GRAPH for q in store.quads())
            seen = store.ask(f"ASK {{ ?s <{HELD_BY.value}> ?o }}")
        finally:
            store.close()
        assert seen is ("oxigraph" in location)
        exported = kb(location, "export", "--format", "nquads", wait=0)
        assert exported.returncode == 0 and "/lock" not in exported.stdout
    finally:
        holder.kill()
        holder.wait()
