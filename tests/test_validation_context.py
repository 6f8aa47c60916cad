"""The KB context of a batch's parts, read once per node, is each part's own context.

``Context`` serves the parts of one submission from one store: a node's context is read the
first time a part mentions it and kept, a node the store has in no triple is looked up no
further, and a context from the rest of a batch is looked up only for the nodes parts share.
Each part must get exactly what one plain CONSTRUCT over every node it mentions gives
(``expected_context`` below: the same four lookups as ``context_for``'s docstring lists, with no
node skipped and nothing kept between parts). It tests the pre-filter, the reuse and the rest
of a batch, not the choice of lookups, which tests/test_mutations.py covers (each broken rule,
checked against the seed KB).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

import pyoxigraph as ox

from kb import kbase
from kb.claimform import compile_form_file
from kb.model import derived_properties
from kb.namespaces import ENT, KB, sparql_prologue
from kb.resources import SEEDS_DIR
from kb.store import Store
from kb.store.embedded import EmbeddedStore
from kb.validation import Context, named_nodes

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


def expected_context(
    store: Store, triples: Sequence[ox.Triple], exclude_graphs: Collection[ox.NamedNode] = ()
) -> list[ox.Triple]:
    """What the shapes need, by the specification of ``context_for``, in two CONSTRUCTs over
    every node ``triples`` mention: their own triples, the terms of office they hold, the
    accounts of a meeting, an office's terms; and the statements with a statement's source,
    speaker and position, with their offsets. Derived view triples are never context."""
    nodes = " ".join(str(node) for node in named_nodes(triples))
    excluded = ", ".join(str(g) for g in exclude_graphs) or "<urn:none>"

    def scoped(pattern: str) -> str:
        return f"{{ GRAPH ?g {{ {pattern} }} FILTER (?g NOT IN ({excluded})) }}"

    around = store.construct(
        sparql_prologue()
        + f"""CONSTRUCT {{ ?s ?p ?o . ?term ?tp ?to .
                          ?acct a kb:MeetingAccount ; kb:meeting ?s ; kb:source ?acctSource .
                          ?officeTerm a kb:OfficeTerm ; kb:office ?s . }}
        WHERE {{
            VALUES ?s {{ {nodes} }}
            {{ {scoped("?s ?p ?o")} }}
            UNION {{ {scoped("?term kb:holder ?s ; ?tp ?to")} }}
            UNION {{ {scoped("?acct kb:meeting ?s ; kb:source ?acctSource")} }}
            UNION {{ {scoped("?officeTerm a kb:OfficeTerm ; kb:office ?s")} }}
        }}"""
    )
    keys = " ".join(
        f"({t.object} {speaker.object} {position.object})"
        for t in triples
        if t.predicate == KB.source
        for speaker in triples
        if speaker.subject == t.subject and speaker.predicate == KB.speaker
        for position in triples
        if position.subject == t.subject and position.predicate == KB.position
    )
    same = (
        store.construct(
            sparql_prologue()
            + f"""CONSTRUCT {{ ?other a kb:Statement ; kb:source ?source ; kb:speaker ?speaker ;
                                 kb:position ?position ; kb:evidence ?evidence .
                          ?evidence oa:hasSelector ?selector .
                          ?selector a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end . }}
        WHERE {{
            VALUES (?source ?speaker ?position) {{ {keys} }}
            {
                scoped('''?other a kb:Statement ; kb:source ?source ; kb:speaker ?speaker ;
                         kb:position ?position ; kb:evidence ?evidence .
                       ?evidence oa:hasSelector ?selector .
                       ?selector a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end .''')
            }
        }}"""
        )
        if keys
        else []
    )
    derived = derived_properties()
    return [t for t in [*around, *same] if t.predicate not in derived]


def same(a: list[ox.Triple], b: list[ox.Triple]) -> bool:
    return sorted(set(map(str, a))) == sorted(set(map(str, b)))


def kb_with(parts: list[tuple[ox.NamedNode, list[ox.Triple]]]) -> EmbeddedStore:
    """A KB of the shipped model and registry, with ``parts`` written as source graphs."""
    store = EmbeddedStore.in_memory()
    store.add_new(kbase.model_registry().store.quads())
    store.add_new(ox.Quad(t.subject, t.predicate, t.object, g) for g, part in parts for t in part)
    return store


def test_each_part_gets_its_own_context_whatever_was_read_before() -> None:
    parts = sources()
    kb = kb_with(parts)  # the parts' own claims are in the KB: accounts, duplicates and all
    context = Context(kb)
    for _, part in parts * 2:  # the second round is served from what was read
        found = context.of(part)
        assert any(t.predicate == KB.holder for t in found)  # a speaker's terms of office
        assert any(t.predicate == KB.meeting for t in found)  # the meeting's accounts
        assert same(found, expected_context(kb, part))


def test_a_part_replacing_its_own_graph_gets_the_context_without_it() -> None:
    parts = sources()
    kb = kb_with(parts)
    for graph, part in parts:
        found = Context(kb, [graph]).of(part)
        assert same(found, expected_context(kb, part, [graph]))
        assert not any(t.subject in named_nodes(part) and t.predicate == KB.source for t in found)


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
        assert same(
            Context(batch, [graph], mentioned=shared).of(part),
            expected_context(batch, part, [graph]),
        )
    # the meeting two articles report: each finds the other's account through it
    found = Context(batch, [parts[1][0]], mentioned=shared).of(parts[1][1])
    assert any(t.predicate == KB.meeting for t in found)


def test_a_node_the_store_has_only_as_an_object_still_has_its_context() -> None:
    meeting, told, new = ENT["a-meeting"], ENT["told-account"], ENT["new-account"]
    kb = EmbeddedStore.in_memory()
    kb.add_new(
        ox.Quad(told, predicate, value, ENT["graph-of-told"])
        for predicate, value in [(KB.meeting, meeting), (KB.source, ENT["a-source"])]
    )  # the meeting has no triple of its own: only the account that reports it points at it
    part = [ox.Triple(new, KB.meeting, meeting)]
    found = Context(kb).of(part)
    assert ox.Triple(told, KB.meeting, meeting) in found
    assert same(found, expected_context(kb, part))
