"""Several people, one KB: readers never wait for a writer, writers queue, nothing is lost.

Real processes on one embedded store: ``kb serve`` while ``kb add`` runs, eight ``kb add``
started at once, readers during a write, and a writer that gives up.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest

from kb import kbase
from kb.errors import StoreError
from kb.store.embedded import EmbeddedStore

from .conftest import store_hash

KB = [sys.executable, "-c", "from kb.cli import main; main()"]
ARTICLES = Path(__file__).parent / "articles"
DRAFTS = sorted(ARTICLES.glob("*/*.claims.yaml"))[:8]
SOURCES = "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a <https://w3id.org/kb/ontology#Source> }"


def kb(store: Path, *args: str, wait: float | None = None) -> subprocess.CompletedProcess[str]:
    options = ["--store", str(store)] + (["--wait", str(wait)] if wait is not None else [])
    return subprocess.run([*KB, *options, *args], capture_output=True, text=True, timeout=300)


def start(store: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [*KB, "--store", str(store), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.fixture
def initialised(tmp_path: Path) -> Path:
    path = tmp_path / "store"
    store = EmbeddedStore(path)
    kbase.init(store)
    store.close()
    return path


def sources_in(store: Path) -> int:
    view = EmbeddedStore(store, read_only=True)
    try:
        return int(view.select(SOURCES).rows[0]["n"].value)  # type: ignore[union-attr]
    finally:
        view.close()


def test_eight_adds_started_at_once_all_land(initialised: Path) -> None:
    assert len(DRAFTS) == 8
    processes = [start(initialised, "add", str(draft)) for draft in DRAFTS]
    outcomes = [(p.wait(timeout=600), p.stderr.read() if p.stderr else "") for p in processes]
    assert [code for code, _ in outcomes] == [0] * 8, outcomes
    assert sources_in(initialised) == 8
    checked = kb(initialised, "validate", "--all")
    assert checked.returncode == 0, checked.stderr


def test_a_reader_does_not_wait_for_a_writer(initialised: Path) -> None:
    writer = EmbeddedStore(initialised)  # another process's lock, as far as kb is concerned
    try:
        started = time.monotonic()
        answer = kb(initialised, "query", "sources", "--format", "json")
        assert answer.returncode == 0, answer.stderr
        assert time.monotonic() - started < 30
        assert json.loads(answer.stdout)["results"]["bindings"] == []
    finally:
        writer.close()


def test_a_writer_past_its_wait_exits_3_with_one_line_and_changes_nothing(
    initialised: Path,
) -> None:
    before = store_hash(initialised)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, pyoxigraph; s = pyoxigraph.Store(sys.argv[1]); input()",
            str(initialised),
        ],
        stdin=subprocess.PIPE,
        text=True,
    )
    try:
        time.sleep(1.0)  # the holder has the lock
        started = time.monotonic()
        refused = kb(initialised, "add", str(DRAFTS[0]), wait=1)
        assert refused.returncode == 3
        assert time.monotonic() - started >= 1
        lines = refused.stderr.strip().splitlines()
        assert len(lines) == 1 and "busy: another kb command is writing" in lines[0], lines
    finally:
        holder.communicate("\n", timeout=30)
    assert store_hash(initialised) == before


def test_a_queued_writer_goes_ahead_once_the_lock_is_free(initialised: Path) -> None:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time, pyoxigraph; s = pyoxigraph.Store(sys.argv[1]); time.sleep(2)",
            str(initialised),
        ],
    )
    time.sleep(0.5)
    added = kb(initialised, "add", str(DRAFTS[0]), wait=60)
    holder.wait(timeout=30)
    assert added.returncode == 0, added.stderr
    assert sources_in(initialised) == 1


def test_readers_during_a_write_see_the_kb_before_or_after(initialised: Path) -> None:
    for draft in DRAFTS[:3]:
        assert kb(initialised, "add", str(draft)).returncode == 0
    writer = start(initialised, "add", *map(str, DRAFTS[3:]))
    seen = set()
    while writer.poll() is None:
        answer = kb(initialised, "query", "sources", "--format", "json")
        assert answer.returncode == 0, answer.stderr
        seen.add(
            len({b["source"]["value"] for b in json.loads(answer.stdout)["results"]["bindings"]})
        )
    assert writer.returncode == 0
    assert seen <= {3, 8}, seen  # one add is one transaction: never some of its sources
    assert sources_in(initialised) == 8


def test_serve_answers_from_the_kb_as_the_last_add_left_it(initialised: Path) -> None:
    server = start(initialised, "serve", "--port", "0")
    try:
        assert server.stderr is not None
        line = server.stderr.readline()
        port = int(re.search(r":(\d+)/", line).group(1))  # type: ignore[union-attr]

        def count() -> int:
            body = urllib.parse.urlencode({"query": SOURCES}).encode()
            request = urllib.request.Request(
                f"http://127.0.0.1:{port}/sparql",
                data=body,
                headers={"Accept": "application/sparql-results+json"},
            )
            with urllib.request.urlopen(request, timeout=30) as response:
                answer = json.load(response)
            return int(answer["results"]["bindings"][0]["n"]["value"])

        assert count() == 0
        added = kb(initialised, "add", str(DRAFTS[0]), wait=5)
        assert added.returncode == 0, added.stderr
        assert count() == 1
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_a_read_only_view_refuses_writes(initialised: Path) -> None:
    view = EmbeddedStore(initialised, read_only=True)
    try:
        with pytest.raises(StoreError, match="read-only"):
            view.remove_graphs([ox.NamedNode("https://example.org/g")])
    finally:
        view.close()
