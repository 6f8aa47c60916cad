"""kb retract: claims and sources leave the KB with a recorded reason, never silently."""

from __future__ import annotations

import gc
import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner, Result

from kb import kbase
from kb.cli import main
from kb.errors import InputError
from kb.namespaces import CLAIM, GRAPH, SRC, sparql_prologue
from kb.retract import NothingToRetract, retract
from kb.store import Solutions, Store, content_hash
from kb.store.embedded import EmbeddedStore
from kb.validation import validate_store

SOURCE = "f0dfe1a430830148"  # seeds/001_35c6b722bd335644.txt


def claim(local: str) -> ox.NamedNode:
    return CLAIM[f"{SOURCE}/{local}"]


class ProtocolOnly:
    """A store that offers nothing but the Store protocol, as a SPARQL server backend does."""

    bulk = False

    def __init__(self, store: Store) -> None:
        self._inner = store
        self.location = store.location

    def select(self, sparql: str) -> Solutions:
        return self._inner.select(sparql)

    def ask(self, sparql: str) -> bool:
        return self._inner.ask(sparql)

    def construct(self, sparql: str) -> list[ox.Triple]:
        return self._inner.construct(sparql)

    def write(self, replace: dict | None = None, insert: dict | None = None) -> None:
        self._inner.write(replace=replace, insert=insert)

    def remove_graphs(self, names: Iterable[ox.NamedNode]) -> None:
        self._inner.remove_graphs(names)

    def graph_names(self) -> list[ox.NamedNode]:
        return self._inner.graph_names()

    def graph(self, name: ox.NamedNode) -> list[ox.Triple]:
        return self._inner.graph(name)

    def quads(self) -> Iterator[ox.Quad]:
        return self._inner.quads()

    def close(self) -> None:
        self._inner.close()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("retract") / "store"
    store = EmbeddedStore(path)
    kbase.build(store)
    store.close()
    return path


@pytest.fixture
def store(built: Path, tmp_path: Path) -> Iterator[ProtocolOnly]:
    shutil.copytree(built, tmp_path / "store")
    inner = EmbeddedStore(tmp_path / "store")
    yield ProtocolOnly(inner)
    inner.close()


def about(store: Store, node: ox.NamedNode) -> int:
    """Triples whose subject is ``node`` or nested under it (outside record graphs)."""
    return len(
        store.select(f"""SELECT ?s ?p ?o WHERE {{ GRAPH ?g {{ ?s ?p ?o }}
        FILTER (?s = {node} || STRSTARTS(STR(?s), "{node.value}/"))
        FILTER (!STRSTARTS(STR(?g), "{GRAPH["retraction/"].value}"))
        FILTER (!STRSTARTS(STR(?g), "{GRAPH["submission/"].value}")) }}""").rows
    )


def test_retracting_a_claim_removes_it_and_its_nested_nodes(store: ProtocolOnly) -> None:
    assert about(store, claim("s3")) > 5
    done = retract(store, [f"claim:{SOURCE}/s3"], "misattributed", agent="curator@example.org")
    assert done.claims == [claim("s3")]
    assert about(store, claim("s3")) == 0
    assert about(store, claim("s2")) > 5  # its neighbours stay
    assert validate_store(store).conforms


def test_the_retraction_is_recorded_with_its_reason(store: ProtocolOnly) -> None:
    done = retract(
        store, [f"<{claim('s3').value}>"], "Raisi did not say this", agent="curator@example.org"
    )
    rows = store.select(
        sparql_prologue()
        + f"""
        SELECT ?when ?why ?who ?at WHERE {{ GRAPH {done.record} {{
            {claim("s3")} prov:wasInvalidatedBy ?activity ; prov:invalidatedAtTime ?when ;
                prov:qualifiedInvalidation ?invalidation .
            ?invalidation a prov:Invalidation ; rdfs:comment ?why ; prov:atTime ?at ;
                prov:activity ?activity .
            ?activity a prov:Activity ; prov:wasAssociatedWith ?agent ; rdfs:comment ?why .
            ?agent rdfs:label ?who .
        }} }}"""
    ).rows
    assert len(rows) == 1
    assert rows[0]["why"].value == "Raisi did not say this"  # type: ignore[attr-defined]
    assert rows[0]["who"].value == "curator@example.org"  # type: ignore[attr-defined]
    assert rows[0]["when"] == rows[0]["at"]


def test_a_meeting_with_statements_made_at_it_is_not_retracted_alone(store: ProtocolOnly) -> None:
    before = content_hash(store)
    with pytest.raises(InputError, match="kb:statedAt"):
        retract(store, [f"claim:{SOURCE}/m1"], "wrong meeting")
    assert content_hash(store) == before
    retract(
        store,
        [f"claim:{SOURCE}/{local}" for local in ("m1", "s1", "s2", "s3", "s4")],
        "wrong meeting",
    )
    assert about(store, claim("m1")) == 0
    assert validate_store(store).conforms  # no meeting left without an account in this graph


def test_retracting_a_source_removes_its_graph(store: ProtocolOnly) -> None:
    graph = GRAPH[f"source/{SOURCE}"]
    done = retract(store, [f"src:{SOURCE}"], "the outlet withdrew the article")
    assert graph not in store.graph_names()
    assert done.sources == [SRC[SOURCE]]
    assert len(done.claims) == 26
    invalidated = store.select(
        sparql_prologue()
        + f"""
        SELECT ?entity WHERE {{ GRAPH {done.record} {{ ?entity prov:invalidatedAtTime ?t }} }}"""
    ).column("entity")
    assert {SRC[SOURCE], graph, claim("m1"), claim("s20")} <= set(invalidated)
    assert validate_store(store).conforms


def test_nothing_to_retract(store: ProtocolOnly) -> None:
    before = content_hash(store)
    with pytest.raises(NothingToRetract, match="no claim"):
        retract(store, [f"claim:{SOURCE}/s999"], "typo")
    with pytest.raises(NothingToRetract, match="no source"):
        retract(store, ["src:0000000000000000"], "typo")
    with pytest.raises(InputError, match="--reason"):
        retract(store, [f"claim:{SOURCE}/s3"], "  ")
    assert content_hash(store) == before
    retract(store, [f"claim:{SOURCE}/s3"], "first time")
    with pytest.raises(NothingToRetract, match="already retracted on .* first time"):
        retract(store, [f"claim:{SOURCE}/s3"], "second time")


def test_all_targets_or_none(store: ProtocolOnly) -> None:
    before = content_hash(store)
    with pytest.raises(NothingToRetract):
        retract(store, [f"claim:{SOURCE}/s3", f"claim:{SOURCE}/s999"], "one is missing")
    assert content_hash(store) == before


def test_readding_the_source_restores_the_claim(store: ProtocolOnly) -> None:
    graph = GRAPH[f"source/{SOURCE}"]
    query = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }}"
    original = sorted(map(str, store.construct(query)))
    retract(store, [f"claim:{SOURCE}/s3"], "by mistake")
    from kb.resources import SEEDS_DIR

    kbase.add(store, [SEEDS_DIR / "001_35c6b722bd335644.claims.yaml"])
    assert sorted(map(str, store.construct(query))) == original


def run(store: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--store", str(store), *args], catch_exceptions=False)


def test_the_cli(built: Path, tmp_path: Path) -> None:
    path = tmp_path / "store"
    shutil.copytree(built, path)
    missing_reason = run(path, "retract", f"claim:{SOURCE}/s3")
    assert missing_reason.exit_code == 2
    assert "--reason" in missing_reason.stderr
    done = run(path, "retract", f"claim:{SOURCE}/s3", "--reason", "misattributed", "--agent", "me")
    assert done.exit_code == 0, done.output
    assert "retracted 1 claim(s)" in done.stderr
    assert "graph/retraction/" in done.stderr
    again = run(path, "retract", f"claim:{SOURCE}/s3", "--reason", "again")
    assert again.exit_code == 2
    assert again.stderr.strip().splitlines() == [
        next(line for line in again.stderr.splitlines() if line.startswith("kb: "))
    ]
    assert "already retracted" in again.stderr
    gc.collect()
