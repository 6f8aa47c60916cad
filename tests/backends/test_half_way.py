"""An add that fails half-way leaves the KB exactly as it was, on every backend (issue #14,
part 3). Faults are injected between its requests and inside its write by a proxy in front
of a real server (tests/backends/proxy.py), or by killing the server or the writer; the
content hash of the KB (kb.store.content_hash) before and after is compared."""

from __future__ import annotations

import os
import shutil
import signal
import threading
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

import pyoxigraph as ox
import pytest

from kb import kbase
from kb.errors import StoreError
from kb.store import open_store
from kb.store.embedded import EmbeddedStore
from kb.store.remote import RemoteStore

from ..conftest import store_hash
from .conftest import SERVERS
from .proxy import Fault, Request, fault_proxy
from .servers import Server
from .writers import DRAFTS, kb_hash, lock_graph, ready, run, sources_in, start

FAILING = "DROP GRAPH <https://example.org/no-such-graph>"  # fails when run, on both servers


@pytest.fixture(params=SERVERS)
def server(request: pytest.FixtureRequest) -> Server:
    server: Server = request.getfixturevalue(f"{request.param}_server")
    ready(server.location)
    return server


def through(location: str, proxy: str, options: str = "") -> str:
    """``location`` sent through the proxy at ``proxy`` (its host and port replaced)."""
    host = urlsplit(location.split("+", 1)[1]).netloc.split("@")[-1]
    return location.replace(host, urlsplit(proxy).netloc) + options


def failing_before_last_operation(body: bytes) -> bytes:
    """The write with an operation that fails at run time just before its last one (which
    deletes the undo journal): on Virtuoso every operation before it stays applied."""
    head, last = body.decode("utf-8").rsplit(" ;\n", 1)
    return f"{head} ;\n{FAILING} ;\n{last}".encode()


def at_the_write(fault: Fault, server: Server) -> Callable[[Request], Fault | None]:
    """A rule that applies ``fault`` to the write request of an add (Virtuoso's digest sends
    it twice: first without, then with credentials), not to the undo that may follow."""
    digest = "virtuoso" in server.location
    done = threading.Event()

    def rule(request: Request) -> Fault | None:
        if done.is_set() or not request.is_write:
            return None
        if request.authorised or not digest:
            done.set()
        return fault

    return rule


def fail_request(number: int) -> Callable[[Request], Fault | None]:
    """A rule that answers the request ``number`` with a 500, and forwards every other."""
    return lambda request: Fault(500) if request.number == number else None


def test_a_500_on_any_request_of_an_add_leaves_the_kb_as_it_was(server: Server) -> None:
    before = kb_hash(server.location)
    with fault_proxy(server.base, lambda r: None) as clean:
        code, err = run(through(server.location, clean.base), "add", str(DRAFTS[0]))
        assert code == 0, err
        write = max(r.number for r in clean.seen if r.is_write)  # then the lock is given back
    assert kb_hash(server.location) != before
    ready(server.location)
    assert kb_hash(server.location) == before
    for step in range(1, write + 1):
        with fault_proxy(server.base, fail_request(step)) as p:
            code, err = run(through(server.location, p.base), "add", str(DRAFTS[0]))
        what = p.seen[step - 1].body[:120]
        assert code == 3, (step, what, err)
        assert kb_hash(server.location) == before, (step, what)
        assert lock_graph(server.location) == [], (step, what)


@pytest.mark.parametrize("change", ["new source", "source added again with another"])
def test_a_failure_inside_the_write_request_is_undone_at_once(server: Server, change: str) -> None:
    files = [str(DRAFTS[0])]
    if change != "new source":
        code, err = run(server.location, "add", str(DRAFTS[0]))
        assert code == 0, err
        files.append(str(DRAFTS[1]))  # the stored source's graph is replaced by the write
    before = kb_hash(server.location)
    with fault_proxy(
        server.base, at_the_write(Fault(rewrite=failing_before_last_operation), server)
    ) as p:
        code, err = run(through(server.location, p.base), "add", *files)
    assert p.faults, "the write went through the proxy"
    assert code == 3, err
    assert "write failed" in err and "The KB was put back as it was." in err, err
    assert len(err.strip().splitlines()) == 1, err
    assert kb_hash(server.location) == before
    assert lock_graph(server.location) == []


def test_a_writer_cut_off_after_a_partial_write_is_undone_by_the_next_writer(
    server: Server,
) -> None:
    """The write fails half done and the server is then out of the writer's reach (every later
    request answered 500), so the undo is left to the next writer, which does it first."""
    before = kb_hash(server.location)
    digest = "virtuoso" in server.location
    cut_off = threading.Event()

    def rule(request: Request) -> Fault | None:
        if cut_off.is_set():
            return Fault(500)
        if request.is_write and (request.authorised or not digest):
            cut_off.set()
            return Fault(rewrite=failing_before_last_operation)
        return None

    with fault_proxy(server.base, rule) as p:
        code, err = run(through(server.location, p.base, "?lease=2"), "add", str(DRAFTS[0]))
    assert code == 3, err
    assert "the next kb command that writes to this store puts the KB back" in err, err
    if digest:
        assert kb_hash(server.location) != before, "Virtuoso kept the operations before the failure"
    time.sleep(2.5)  # the cut-off writer's lease runs out
    open_store(server.location, wait=10).close()  # any writer undoes it when it takes the lock
    assert kb_hash(server.location) == before
    assert lock_graph(server.location) == []


@pytest.mark.parametrize("when", ["before the write", "during the write"])
def test_a_server_killed_at_the_write_leaves_the_kb_as_it_was_or_complete(
    server: Server, when: str
) -> None:
    before = kb_hash(server.location)
    killed = threading.Event()

    def kill() -> None:
        if not killed.is_set():
            killed.set()
            if when == "before the write":
                server.kill()
            else:
                threading.Timer(0.01, server.kill).start()  # while the server runs the write

    try:
        with fault_proxy(server.base, at_the_write(Fault(before=kill), server)) as p:
            code, err = run(
                through(server.location, p.base, "?lease=2&retries=1"), "add", str(DRAFTS[0])
            )
    finally:
        time.sleep(0.2)
        if server.process.poll() is None:
            server.kill()
        server.restart()
    assert killed.is_set(), (code, err)
    if when == "before the write" or code != 0:  # 0: the write was done before the kill
        assert code == 3 and len(err.strip().splitlines()) == 1, err
    time.sleep(2.5)  # the lease of the writer that could not give the lock back
    open_store(server.location, wait=10).close()
    if when == "before the write":
        assert kb_hash(server.location) == before
    else:  # the server may have committed the write just before it died: all of it
        assert kb_hash(server.location) == before or sources_in(server.location) == 1
    assert lock_graph(server.location) == []


def test_virtuoso_keeps_what_a_request_did_before_an_operation_that_fails(
    virtuoso_server: Server, oxigraph_server: Server
) -> None:
    """Why kb journals its writes: measured, Virtuoso keeps the operations of a request that ran
    before the one that failed; Oxigraph rolls the whole request back."""
    graph = ox.NamedNode("https://example.org/kept")
    cases = [(virtuoso_server, "", True), (oxigraph_server, "", False)]
    # what kb sends Virtuoso starts with this define; a failure then comes as a 400 (SP031)
    cases.append((virtuoso_server, "define sql:big-data-const 1\n", True))
    for server, define, kept in cases:
        store = open_store(ready(server.location))
        assert isinstance(store, RemoteStore)
        try:
            with pytest.raises(StoreError, match="write failed"):
                store._update(  # noqa: SLF001
                    f'{define}INSERT DATA {{ GRAPH {graph} {{ {graph} {graph} "kept" }} }} ;\n'
                    f"{FAILING}",
                    "write",
                )
            assert (graph in store.graph_names()) is kept, server.location
        finally:
            store.remove_graphs([graph])
            store.close()


def test_an_embedded_add_killed_at_any_moment_leaves_the_kb_as_it_was_or_complete(
    tmp_path: Path,
) -> None:
    initialised = tmp_path / "initialised"
    store = EmbeddedStore(initialised)
    kbase.init(store)
    store.close()
    before = store_hash(initialised)
    counts = set()
    for number, delay in enumerate((0.3, 0.8, 1.3, 1.8, 2.5, 3.5)):
        path = tmp_path / f"store-{number}"
        shutil.copytree(initialised, path)
        adding = start(str(path), "add", *map(str, DRAFTS[:4]))
        time.sleep(delay)
        os.kill(adding.pid, signal.SIGKILL)
        adding.wait()
        count = sources_in(str(path))
        assert count in (0, 4), (delay, count)
        if count == 0:
            assert store_hash(path) == before, delay
        counts.add(count)
    assert 0 in counts, "no kill came before the write: raise the first delay"
