"""What the tests of several writers on a server share: a KB made ready, kb run as a real
process or in this one, and the drafts they add."""

from __future__ import annotations

import copy
import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from click.testing import CliRunner

from kb.cli import main
from kb.resources import SEEDS_DIR
from kb.store import content_hash, open_store
from kb.store.remote import RemoteStore
from kb.store.serverlock import LOCK_GRAPH

from ..identity_helpers import AL_ALAM, TURAN
from .conftest import emptied

KB = [sys.executable, "-c", "from kb.cli import main; main()"]
ARTICLES = Path(__file__).parents[1] / "articles"
DRAFTS = sorted(ARTICLES.glob("*/*.claims.yaml"))[:8]
SOURCES = "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a <https://w3id.org/kb/ontology#Source> }"


def ready(location: str) -> str:
    """The KB at ``location`` emptied, its writers' lock and journals gone, then initialised."""
    store = emptied(location)
    assert isinstance(store, RemoteStore)
    store.remove_graphs([LOCK_GRAPH])
    store.close()
    code, err = run(location, "init")
    assert code == 0, err
    return location


def kb(location: str, *args: str, wait: float | None = None) -> subprocess.CompletedProcess[str]:
    """kb as a process of its own."""
    options = ["--store", location] + (["--wait", str(wait)] if wait is not None else [])
    return subprocess.run([*KB, *options, *args], capture_output=True, text=True, timeout=600)


def start(location: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [*KB, "--store", location, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def run(location: str, *args: str, wait: float = 60) -> tuple[int, str]:
    """kb in this process (faster than a process: for the many runs of a fault sweep)."""
    result = CliRunner().invoke(
        main, ["--store", location, "--wait", str(wait), *args], catch_exceptions=False
    )
    return result.exit_code, result.stderr


def sources_in(location: str) -> int:
    store = open_store(location, read_only=True)
    try:
        return int(store.select(SOURCES).rows[0]["n"].value)  # type: ignore[union-attr]
    finally:
        store.close()


def kb_hash(location: str) -> str:
    """The content hash of the KB's graphs (kb.store.content_hash)."""
    store = open_store(location, read_only=True)
    try:
        return content_hash(store)
    finally:
        store.close()


def lock_graph(location: str) -> list[dict[str, object]]:
    """What the writers' lock graph holds now (holders, journals)."""
    store = open_store(location, read_only=True)
    assert isinstance(store, RemoteStore)
    try:
        query = f"SELECT ?s ?p ?o WHERE {{ GRAPH {LOCK_GRAPH} {{ ?s ?p ?o }} }}"
        return store._select(query, union=False).rows  # noqa: SLF001
    finally:
        store.close()


def one_meeting_drafts(directory: Path) -> list[Path]:
    """Two seeds that report the same meeting, as an extractor drafts them: no meeting ids."""
    drafts = []
    for name in (TURAN, AL_ALAM):
        form = copy.deepcopy(yaml.safe_load((SEEDS_DIR / name).read_text(encoding="utf-8")))
        for meeting in form.get("meetings") or []:
            meeting.pop("meeting", None)
        shutil.copy(SEEDS_DIR / form["source"]["file"], directory / form["source"]["file"])
        draft = directory / name
        draft.write_text(yaml.safe_dump(form, allow_unicode=True), encoding="utf-8")
        drafts.append(draft)
    return drafts
