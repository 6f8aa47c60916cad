"""Shared fixtures: the seed KB is built once per test session into a temporary store."""

from __future__ import annotations

import gc
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from kb import kbase
from kb.cli import main
from kb.store import Store, content_hash
from kb.store.embedded import EmbeddedStore


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    """The seed KB, built once; tests that change a KB use ``fresh_store`` instead."""
    store = EmbeddedStore(tmp_path_factory.mktemp("seed-kb") / "store")
    kbase.build(store)
    return store


@pytest.fixture
def fresh_store(tmp_path: Path) -> EmbeddedStore:
    """A newly built seed KB that a test may change."""
    store = EmbeddedStore(tmp_path / "store")
    kbase.build(store)
    return store


KbRunner = Callable[..., Result]


def store_hash(path: Path) -> str:
    """The content hash of the embedded store at ``path`` (opened, hashed, closed again)."""
    gc.collect()  # a CLI run in this process may still hold the store's lock until collected
    store = EmbeddedStore(path)
    try:
        return content_hash(store)
    finally:
        store.close()


@pytest.fixture
def kb(tmp_path: Path) -> KbRunner:
    """Run the kb CLI against a store in this test's temporary directory."""
    runner = CliRunner()

    def run(*args: str, store: Path | None = None) -> Result:
        location = str(store or tmp_path / "cli-store")
        return runner.invoke(main, ["--store", location, *args], catch_exceptions=False)

    return run
