"""Same safety: a server that is down, slow, failing or refusing credentials gives one clear
line and exit code 3, never a traceback, a password, or a half-written submission."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
import requests
from click.testing import CliRunner

from kb.cli import main
from kb.errors import StoreError
from kb.resources import SEEDS_DIR
from kb.store import open_store
from kb.store.remote import RemoteStore, parse_location

from .conftest import emptied
from .fake import fake_server
from .servers import Server, free_port, isql

EMPTY = json.dumps({"head": {"vars": ["g"]}, "results": {"bindings": []}}).encode()
G = ox.NamedNode("http://example.org/g")
T = [
    ox.Triple(
        ox.NamedNode("http://example.org/s"), ox.NamedNode("http://example.org/p"), ox.Literal("o")
    )
]


def run(location: str, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["--store", location, *args], catch_exceptions=False)
    return result.exit_code, result.stderr


def test_a_server_that_is_down_is_retried_then_reported_in_one_line() -> None:
    location = f"oxigraph+http://127.0.0.1:{free_port()}?retries=2&timeout=2"
    code, err = run(location, "query", "positions")
    assert code == 3
    assert err.count("\n") == 1, err
    assert "cannot run a query" in err and "after 3 attempts" in err and "Traceback" not in err


def test_transient_failures_are_retried_with_backoff() -> None:
    answers = {1: (503, b"busy", 0.0), 2: (502, b"gateway", 0.0)}
    with fake_server(lambda n: answers.get(n, (200, EMPTY, 0.0))) as (base, seen):
        store = open_store(f"oxigraph+{base}?retries=3")
        assert store.graph_names() == []
    assert len(seen) == 3


@pytest.mark.parametrize("command", [["query", "positions"], ["init"], ["export"]])
def test_a_500_is_reported_and_not_retried(command: list[str]) -> None:
    with fake_server(lambda n: (500, b"Internal failure: disk full", 0.0)) as (base, seen):
        code, err = run(f"oxigraph+{base}?retries=3", *command)
    assert code == 3
    assert "HTTP 500" in err and "disk full" in err and err.count("\n") == 1, err
    assert len(seen) == 1


def test_a_slow_server_times_out_with_a_clear_error() -> None:
    with fake_server(lambda n: (200, EMPTY, 3.0)) as (base, seen):
        code, err = run(f"oxigraph+{base}?timeout=0.5&retries=3", "query", "positions")
        assert code == 3
        assert "no answer within 0.5 s" in err, err
        store = open_store(f"oxigraph+{base}?timeout=0.5&retries=3")
        with pytest.raises(StoreError, match="applies it whole or not at all"):
            store.write(replace={G: T})
    assert len(seen) == 2, "a timeout is not retried"


def test_passwords_never_show(monkeypatch: pytest.MonkeyPatch) -> None:
    dialect, endpoints = parse_location("virtuoso+http://dba:s3cr%40t@127.0.0.1:1?retries=0")
    store = RemoteStore(dialect, endpoints)
    for text in (store.location, repr(store), repr(endpoints), repr(endpoints.credentials)):
        assert "s3cr" not in text
    assert store.location == "virtuoso+http://dba:***@127.0.0.1:1"
    assert endpoints.credentials and endpoints.credentials.password == "s3cr@t"
    with pytest.raises(StoreError) as error:
        store.write(replace={G: T})
    assert "s3cr" not in str(error.value)
    monkeypatch.setenv("KB_STORE_USER", "curator")
    monkeypatch.setenv("KB_STORE_PASSWORD", "from-env")
    _, endpoints = parse_location("virtuoso+http://127.0.0.1:1")
    assert endpoints.credentials and endpoints.credentials.password == "from-env"
    assert "from-env" not in endpoints.display and "curator:***@" in endpoints.display
    with pytest.raises(StoreError) as error:
        open_store("virtuoso+ftp://dba:hunter2@host")
    assert "hunter2" not in str(error.value)


def test_bad_locations_are_refused_with_what_to_write() -> None:
    with pytest.raises(StoreError, match="ENGINE one of oxigraph, virtuoso, fuseki, sparql"):
        open_store("blazegraph+http://127.0.0.1:9999")
    with pytest.raises(StoreError, match="unknown option colour"):
        open_store("oxigraph+http://127.0.0.1:7878?colour=blue")


def test_endpoints_of_each_engine() -> None:
    _, fuseki = parse_location("fuseki+http://127.0.0.1:3030/kb")
    assert (fuseki.query, fuseki.update, fuseki.store) == (
        "http://127.0.0.1:3030/kb/query",
        "http://127.0.0.1:3030/kb/update",
        "http://127.0.0.1:3030/kb/data",
    )
    _, graphdb = parse_location(
        "sparql+http://127.0.0.1:7200/repositories/kb?update=/repositories/kb/statements"
        "&store=http://127.0.0.1:7200/repositories/kb/rdf-graphs/service"
    )
    assert graphdb.query == "http://127.0.0.1:7200/repositories/kb"
    assert graphdb.update == "http://127.0.0.1:7200/repositories/kb/statements"
    assert graphdb.store == "http://127.0.0.1:7200/repositories/kb/rdf-graphs/service"
    _, virtuoso = parse_location("virtuoso+http://dba:dba@127.0.0.1:8890")
    assert virtuoso.update == "http://127.0.0.1:8890/sparql-auth"
    assert virtuoso.credentials and virtuoso.credentials.scheme == "digest"


def test_wrong_credentials_are_refused_and_nothing_is_written(virtuoso_server: Server) -> None:
    store = emptied(virtuoso_server.location)
    wrong = virtuoso_server.location.replace("dba:dba@", "dba:wrong@")
    seed = sorted(SEEDS_DIR.glob("*.claims.yaml"))[0]
    code, err = run(wrong, "init")
    assert code == 3 and "refused" in err and "HTTP 401" in err and "wrong" not in err, err
    code, err = run(wrong, "add", str(seed))
    assert code == 3, err
    assert store.graph_names() == []


def test_the_cli_reads_credentials_from_the_environment(
    virtuoso_server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    emptied(virtuoso_server.location)
    monkeypatch.setenv("KB_STORE_USER", "dba")
    monkeypatch.setenv("KB_STORE_PASSWORD", "dba")
    code, err = run(virtuoso_server.location.replace("dba:dba@", ""), "init")
    assert code == 0, err
    assert "initialised virtuoso+http://127.0.0.1:" in err
    code, err = run(virtuoso_server.location, "init")
    assert code == 0 and "dba:***@" in err and "dba:dba" not in err, err


def test_anonymous_sparql_update_grant_also_opens_graph_store_writes(
    virtuoso_server: Server,
) -> None:
    """Why kb never asks for that grant: it makes anonymous GSP PUT work too."""
    anonymous = virtuoso_server.base + "/sparql-graph-crud"
    body = b"<http://example.org/s> <http://example.org/p> <http://example.org/o> .\n"

    def put() -> int:
        return requests.put(
            anonymous,
            params={"graph-uri": "http://example.org/anon"},
            data=body,
            headers={"Content-Type": "application/n-triples"},
            timeout=10,
        ).status_code

    assert put() >= 400, "anonymous writes must be refused out of the box"
    isql(virtuoso_server, 'GRANT SPARQL_UPDATE TO "SPARQL";')
    try:
        assert put() in (200, 201, 204)
    finally:
        isql(virtuoso_server, 'REVOKE SPARQL_UPDATE FROM "SPARQL";')
        open_store(virtuoso_server.location).remove_graphs(
            [ox.NamedNode("http://example.org/anon")]
        )
    assert put() >= 400


def test_virtuoso_gsp_put_is_not_atomic_so_kb_never_replaces_graphs_with_it(
    virtuoso_server: Server,
) -> None:
    """Measured: a PUT that fails half way leaves half a graph. kb's Virtuoso writes are updates."""
    store = emptied(virtuoso_server.location)
    good = "".join(
        f'<http://example.org/s{i}> <http://example.org/p> "v{i}" .\n' for i in range(4000)
    )
    auth = requests.auth.HTTPDigestAuth("dba", "dba")
    url = virtuoso_server.base + "/sparql-graph-crud-auth"
    params = {"graph-uri": G.value}
    requests.put(
        url,
        params=params,
        data=good.encode(),
        auth=auth,
        timeout=30,
        headers={"Content-Type": "application/n-triples"},
    ).raise_for_status()
    broken = good[: len(good) // 2] + "<broken"
    response = requests.put(
        url,
        params=params,
        data=broken.encode(),
        auth=auth,
        timeout=30,
        headers={"Content-Type": "application/n-triples"},
    )
    assert response.status_code >= 400
    left = sum(1 for _ in store.quads())
    assert 0 < left < 4000, f"Virtuoso left {left} triples: if 4000, its PUT became atomic"
    assert store.dialect.gsp_put_is_atomic is False  # type: ignore[attr-defined]


def test_the_tests_fail_without_server_binaries() -> None:
    """No silent skip: without virtuoso-t the server fixture fails and says what to run."""
    code = (
        "import os, pathlib, sys, tempfile; os.environ['PATH'] = '/nonexistent';"
        "from tests.backends.servers import start_virtuoso\n"
        "try:\n start_virtuoso(pathlib.Path(tempfile.mkdtemp()))\n"
        "except FileNotFoundError as e:\n print(e)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=Path(__file__).parents[2],
        check=True,
    ).stdout
    assert "make system-packages" in out
