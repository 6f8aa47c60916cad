"""Backends under test: the embedded store, an Oxigraph server and a Virtuoso, the servers
started once per session on loopback. A missing server binary FAILS the tests (with what to
run), never skips them: CI must prove every backend."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kb.store import Store, open_store

from .servers import Server, start_oxigraph, start_virtuoso

BACKENDS = ["embedded", "oxigraph", "virtuoso"]
SERVERS = ["oxigraph", "virtuoso"]


def _start(factory, tmp_path_factory: pytest.TempPathFactory, name: str) -> Iterator[Server]:  # type: ignore[no-untyped-def]
    try:
        server = factory(tmp_path_factory.mktemp(name))
    except FileNotFoundError as error:
        pytest.fail(str(error), pytrace=False)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    yield from _start(start_oxigraph, tmp_path_factory, "oxigraph")


@pytest.fixture(scope="session")
def virtuoso_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    yield from _start(start_virtuoso, tmp_path_factory, "virtuoso")


def location_of(request: pytest.FixtureRequest, backend: str, directory: Path) -> str:
    if backend == "embedded":
        return str(directory / "store")
    server: Server = request.getfixturevalue(f"{backend}_server")
    return server.location


def emptied(location: str) -> Store:
    """The store at ``location`` with every graph removed (servers are shared by the tests)."""
    store = open_store(location)
    store.remove_graphs(store.graph_names())
    return store


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def location(request: pytest.FixtureRequest, backend: str, tmp_path: Path) -> str:
    return location_of(request, backend, tmp_path)


@pytest.fixture
def store(location: str) -> Iterator[Store]:
    """An empty store of each backend."""
    store = emptied(location)
    yield store
    store.close()
