"""`kb serve` under load stays bounded: a query past --timeout is answered 503, more queries
than --max-queries at once are answered 503 at once, a body past the limit 413, and the
server never writes."""

from __future__ import annotations

import re
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from kb import kbase
from kb.queries import saved_queries
from kb.serve import Limits, make_server
from kb.store import Solutions
from kb.store.embedded import EmbeddedStore


class SlowStore:
    """An empty store whose SELECTs take as many seconds as the query's LIMIT says."""

    location = "slow"

    def __init__(self) -> None:
        self.inner = EmbeddedStore.in_memory()

    def select(self, sparql: str) -> Solutions:
        seconds = float(sparql.rsplit("LIMIT", 1)[-1])
        time.sleep(seconds / 10)
        return self.inner.select(sparql)

    def __getattr__(self, name: str) -> object:
        return getattr(self.inner, name)


@pytest.fixture
def server() -> Iterator[str]:
    httpd = make_server(
        SlowStore(), "127.0.0.1", 0, Limits(timeout=0.5, max_queries=1, max_body=1000)
    )  # type: ignore[arg-type]
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/sparql"
    finally:
        httpd.shutdown()
        httpd.server_close()


def ask(url: str, tenths: int) -> tuple[int, str]:
    query = f"SELECT * WHERE {{ ?s ?p ?o }} LIMIT {tenths}"
    request = urllib.request.Request(url + "?" + urllib.parse.urlencode({"query": query}))
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def test_a_quick_query_is_answered(server: str) -> None:
    assert ask(server, 0)[0] == 200


def test_a_query_past_the_timeout_is_answered_503_and_keeps_its_slot(server: str) -> None:
    started = time.monotonic()
    status, text = ask(server, 20)  # 2 s against a 0.5 s timeout
    assert status == 503 and "--timeout" in text
    assert time.monotonic() - started < 1.5
    busy, why = ask(server, 0)  # the slow query still runs: the one slot is taken
    assert busy == 503 and "busy" in why
    time.sleep(2)
    assert ask(server, 0)[0] == 200  # its slot is free again


def test_a_body_past_the_limit_is_refused(server: str) -> None:
    body = urllib.parse.urlencode({"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 0" + " " * 2000})
    request = urllib.request.Request(server, data=body.encode())
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=30)
    assert refused.value.code == 413


def test_updates_are_refused(server: str) -> None:
    body = urllib.parse.urlencode({"update": "CLEAR ALL"}).encode()
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(urllib.request.Request(server, data=body), timeout=30)
    assert refused.value.code == 403


def test_many_first_queries_at_once_all_parse(tmp_path: Path) -> None:
    """rdflib's parser breaks for good when two threads first use it together: kb serve's first
    answers, arriving at once, must all be answers, not syntax errors."""
    store = EmbeddedStore(tmp_path / "store")
    kbase.init(store)
    store.close()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "kb",
            "--store",
            str(tmp_path / "store"),
            "serve",
            "--port",
            "0",
            "--max-queries",
            "16",
        ],
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stderr is not None
        port = int(re.search(r":(\d+)/", server.stderr.readline()).group(1))  # type: ignore[union-attr]
        texts = [q.bound({}) for q in saved_queries().values()][:12]
        url = f"http://127.0.0.1:{port}/sparql"

        def status(text: str) -> int:
            body = urllib.parse.urlencode({"query": text}).encode()
            try:
                with urllib.request.urlopen(
                    urllib.request.Request(url, data=body), timeout=60
                ) as r:
                    return int(r.status)
            except urllib.error.HTTPError as error:
                return error.code

        with ThreadPoolExecutor(max_workers=len(texts)) as pool:
            statuses = list(pool.map(status, texts))
        assert statuses == [200] * len(texts), statuses
    finally:
        server.terminate()
        server.wait(timeout=30)
