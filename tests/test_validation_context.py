"""The KB context of a batch's parts, read once per node, is each part's own context.

``Context`` serves the parts of one submission from one store: a node's context is read the
first time a part mentions it and kept, a node the store has in no triple is looked up no
further, and a context from the rest of a batch is looked up only for the nodes parts share.
Each part must get exactly what ``context_for`` alone gives it.
"""

from __future__ import annotations

import pyoxigraph as ox

from kb import kbase
from kb.claimform import compile_form_file
from kb.namespaces import ENT, KB
from kb.resources import SEEDS_DIR
from kb.store.embedded import EmbeddedStore
from kb.validation import Context, context_for, named_nodes

# three seed articles; 001 and 003 report the same meeting
FORMS = [
    SEEDS_DIR / f"{name}.claims.yaml"
    for name in ("000_6127c40611fea0bb", "001_35c6b722bd335644", "003_0d083f3321f654a4")
]


def sources() -> list[tuple[ox.NamedNode, list[ox.Triple]]]:
    """Three seed articles' claims, compiled against the shipped registry."""
    registry = kbase.model_registry()
    compiled = [compile_form_file(form, registry) for form in FORMS]
    return [(source.graph, source.triples) for source in compiled]


def same(a: list[ox.Triple], b: list[ox.Triple]) -> bool:
    return sorted(set(map(str, a))) == sorted(set(map(str, b)))


def test_each_part_gets_its_own_context_whatever_was_read_before() -> None:
    registry = kbase.model_registry().store
    context = Context(registry)
    for _, part in sources() * 2:  # the second round is served from what was read
        found = context.of(part)
        assert any(t.predicate == KB.holder for t in found)  # a speaker's terms of office
        assert same(found, context_for(registry, part))


def test_a_node_the_store_lacks_has_no_context() -> None:
    registry = kbase.model_registry().store
    stranger = ox.Triple(ENT["nobody-we-know"], KB.speaker, ENT["nobody-either"])
    assert Context(registry).of([stranger]) == []


def test_the_rest_of_a_batch_is_read_only_through_the_nodes_parts_share() -> None:
    parts = sources()
    batch = EmbeddedStore.in_memory()
    batch.add_new(ox.Quad(t.subject, t.predicate, t.object, g) for g, part in parts for t in part)
    seen: set[ox.NamedNode] = set()
    shared: set[ox.NamedNode] = set()
    for _, part in parts:
        shared |= named_nodes(part) & seen
        seen |= named_nodes(part)
    for graph, part in parts:
        whole = context_for(batch, part, exclude_graphs=[graph])
        assert same(Context(batch, [graph], mentioned=shared).of(part), whole)
    # the meeting two articles report: each finds the other's account through it
    assert any(t.predicate == KB.meeting for t in context_for(batch, parts[1][1], [parts[1][0]]))
