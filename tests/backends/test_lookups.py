"""The lookups ``kb add`` makes before it validates give the same answers on every backend:
a part's KB context (``kb.validation.Context``: the nodes the store has, each one's context
read once) and the stored meetings a batch's accounts may report (``meetings_near``)."""

from __future__ import annotations

from collections.abc import Iterator

import pyoxigraph as ox
import pytest

from kb import kbase
from kb.claimform import compile_form_file
from kb.identity import accounts_in_triples, meetings_near
from kb.model import model_graphs
from kb.namespaces import KB
from kb.resources import SEEDS_DIR
from kb.store import Store
from kb.store.embedded import EmbeddedStore
from kb.validation import Context

from .conftest import emptied

# 001 (stored) and 003 (submitted) report the same meeting
STORED = [
    SEEDS_DIR / f"{name}.claims.yaml" for name in ("000_6127c40611fea0bb", "001_35c6b722bd335644")
]
SUBMITTED = [
    SEEDS_DIR / f"{name}.claims.yaml" for name in ("002_fca3cd6499d7d6ee", "003_0d083f3321f654a4")
]


def compiled() -> tuple[dict[ox.NamedNode, list[ox.Triple]], list[list[ox.Triple]]]:
    registry = kbase.model_registry()
    stored = [compile_form_file(form, registry) for form in STORED]
    graphs = {**model_graphs(), **{source.graph: source.triples for source in stored}}
    return graphs, [compile_form_file(form, registry).triples for form in SUBMITTED]


@pytest.fixture
def store(location: str) -> Iterator[Store]:
    store = emptied(location)
    store.write(replace=compiled()[0])
    yield store
    store.close()


def compiled_graph(form: object) -> ox.NamedNode:
    return compile_form_file(form, kbase.model_registry()).graph  # type: ignore[arg-type]


def lines(triples: list[ox.Triple]) -> list[str]:
    return sorted(set(map(str, triples)))


def test_a_parts_context_is_the_same_on_every_backend(store: Store) -> None:
    graphs, parts = compiled()
    reference = EmbeddedStore.in_memory()
    reference.write(replace=graphs)
    mine, theirs = Context(store), Context(reference)
    for part in parts * 2:  # the second round from what was read
        found = mine.of(part)
        assert found  # the speakers' labels and terms of office
        assert lines(found) == lines(theirs.of(part))


def test_the_meetings_a_batch_may_report_are_the_same_on_every_backend(store: Store) -> None:
    graphs, parts = compiled()
    reference = EmbeddedStore.in_memory()
    reference.write(replace=graphs)
    elsewhere = ox.NamedNode("https://w3id.org/kb/meeting/proposed-elsewhere")
    renamed = [  # proposing another IRI: only participants and dates can find the meeting
        [
            ox.Triple(t.subject, t.predicate, elsewhere) if t.predicate == KB.meeting else t
            for t in p
        ]
        for p in parts
    ]
    submitted = {ox.NamedNode(f"https://example.org/part/{i}"): p for i, p in enumerate(renamed)}
    accounts = accounts_in_triples(submitted)
    found = meetings_near(store, accounts)
    assert found == meetings_near(reference, accounts)
    stored = {t.object for t in graphs[compiled_graph(STORED[1])] if t.predicate == KB.meeting}
    assert stored & found  # the meeting 001 reports, found from 003's account
