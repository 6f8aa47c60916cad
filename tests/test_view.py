"""The derived view: written with its source, removed with it, rebuilt by kb init, never a claim;
and the listings that stream through it answer exactly as the query run whole."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kb import kbase
from kb.errors import StoreError
from kb.namespaces import CLAIM, GRAPH, KB, OA, RDF_TYPE, XSD, sparql_prologue
from kb.queries import run, saved_queries, stream
from kb.resources import SEEDS_DIR
from kb.retract import retract
from kb.store import Store
from kb.store.embedded import EmbeddedStore
from kb.validation import validate_store
from kb.view import BUCKETS, derive, is_current, is_view_graph, rebuild, stamp, view_graph

SOURCE = "f0dfe1a430830148"  # seeds/001_35c6b722bd335644.txt
SOURCE_GRAPH = GRAPH[f"source/{SOURCE}"]
VIEW = GRAPH[f"view/{SOURCE}"]

SEED_FORM = SEEDS_DIR / "001_35c6b722bd335644.claims.yaml"


def view_of(store: Store, graph: ox.NamedNode) -> set[tuple[str, str, str]]:
    return {(t.subject.value, t.predicate.value, str(t.object)) for t in store.graph(graph)}


def test_every_source_graph_has_a_view_with_each_claims_quote_and_offsets(
    seed_store: Store,
) -> None:
    rows = seed_store.select(
        sparql_prologue()
        + f"""SELECT ?claim ?quote ?exact ?start ?begin WHERE {{
            GRAPH {VIEW} {{ ?claim kb:quote ?quote ; kb:quoteStart ?start }}
            GRAPH {SOURCE_GRAPH} {{ ?claim kb:evidence/oa:hasSelector ?q , ?p .
                                     ?q oa:exact ?exact . ?p oa:start ?begin }} }}"""
    ).rows
    assert rows
    assert all(row["quote"] == row["exact"] and row["start"] == row["begin"] for row in rows)
    sources = [g for g in seed_store.graph_names() if view_graph(g)]
    assert all(view_graph(g) in seed_store.graph_names() for g in sources)


def test_a_claims_sort_month_is_the_month_of_its_earliest_date_and_is_listed() -> None:
    dated, undated = CLAIM["x/s1"], CLAIM["x/s2"]
    triples = [
        ox.Triple(dated, RDF_TYPE, KB.Statement),
        ox.Triple(dated, KB.earliest, ox.Literal("2019-11-30", datatype=XSD.date)),
        ox.Triple(dated, KB.latest, ox.Literal("2020-01-02", datatype=XSD.date)),
        ox.Triple(undated, RDF_TYPE, KB.Statement),
    ]
    derived = derive({GRAPH["source/x"]: triples, GRAPH["registry"]: triples})
    assert set(derived.views) == {GRAPH["view/x"]}  # the model and the records have none
    months = {
        t.subject: int(t.object.value)
        for t in derived.views[GRAPH["view/x"]]
        if t.predicate == KB.sortMonth
    }
    assert months == {dated: 201911, undated: 0}  # undated claims list first
    assert {int(t.object.value) for t in derived.buckets} == {201911, 0}
    assert all(t.subject == BUCKETS for t in derived.buckets)


def test_kb_add_writes_the_view_with_the_source_and_retract_removes_it(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path / "store")
    kbase.init(store)
    assert VIEW not in store.graph_names()
    kbase.add(store, [SEED_FORM])
    quotes = {t.object for t in store.graph(VIEW) if t.predicate == KB.quote}
    exact = {t.object for t in store.graph(SOURCE_GRAPH) if t.predicate == OA.exact}
    assert quotes and quotes == exact
    assert store.graph(BUCKETS)
    retract(store, [f"src:{SOURCE}"], "a test of the view", agent="test")
    assert VIEW not in store.graph_names() and SOURCE_GRAPH not in store.graph_names()


def test_retracting_a_claim_takes_it_out_of_its_sources_view(fresh_store: EmbeddedStore) -> None:
    before = {s for s, _, _ in view_of(fresh_store, VIEW)}
    assert CLAIM[f"{SOURCE}/s3"].value in before
    retract(fresh_store, [f"claim:{SOURCE}/s3"], "misattributed", agent="test")
    after = {s for s, _, _ in view_of(fresh_store, VIEW)}
    assert after == before - {CLAIM[f"{SOURCE}/s3"].value}


def test_kb_init_rebuilds_a_view_that_is_missing(fresh_store: EmbeddedStore) -> None:
    before = view_of(fresh_store, VIEW)
    fresh_store.remove_graphs([VIEW, BUCKETS])
    kbase.init(fresh_store)
    assert view_of(fresh_store, VIEW) == before
    assert fresh_store.graph(BUCKETS)


def test_a_query_that_reads_the_view_refuses_a_kb_written_before_it(
    fresh_store: EmbeddedStore,
) -> None:
    fresh_store.remove_graphs([g for g in fresh_store.graph_names() if is_view_graph(g)])
    positions = saved_queries()["positions"]
    with pytest.raises(StoreError, match="kb init"):
        run(fresh_store, positions)
    with pytest.raises(StoreError, match="kb init"):
        stream(fresh_store, positions)
    run(fresh_store, saved_queries()["meetings"])  # a query that does not read it runs
    kbase.init(fresh_store)
    assert run(fresh_store, positions).rows


def test_a_view_of_an_older_definition_is_refused_until_kb_init_rebuilds_it(
    fresh_store: EmbeddedStore,
) -> None:
    older = ox.Triple(BUCKETS, KB.viewDefinition, ox.Literal("0123456789abcdef"))
    kept = [t for t in fresh_store.graph(BUCKETS) if t.predicate != KB.viewDefinition]
    fresh_store.write(replace={BUCKETS: [*kept, older]})
    positions = saved_queries()["positions"]
    with pytest.raises(StoreError, match="out of date"):
        run(fresh_store, positions)
    kbase.init(fresh_store)
    assert stamp() in fresh_store.graph(BUCKETS) and older not in fresh_store.graph(BUCKETS)
    assert run(fresh_store, positions).rows


def test_kb_init_leaves_views_of_the_current_definition_alone(
    fresh_store: EmbeddedStore,
) -> None:
    assert is_current(fresh_store)
    assert rebuild(fresh_store) == 0  # nothing derived again


def test_kb_build_over_a_store_with_a_source_of_unknown_view_keeps_no_stamp(
    fresh_store: EmbeddedStore,
) -> None:
    """The stamp says every view in the store is current: a build that rewrites only the
    seeds cannot say so of a source whose view predates the stamp."""
    other = GRAPH["source/0000000000000000"]
    fresh_store.write(replace={other: [ox.Triple(CLAIM["x"], KB.quote, ox.Literal("old"))]})
    fresh_store.write(replace={BUCKETS: []})
    kbase.build(fresh_store)
    assert not is_current(fresh_store)
    kbase.init(fresh_store)
    assert is_current(fresh_store)


def test_the_view_is_neither_validated_nor_a_claim(fresh_store: EmbeddedStore) -> None:
    # a derived triple no shape would accept on a claim: ignored, because it is in a view graph
    bogus = ox.Triple(CLAIM[f"{SOURCE}/s1"], KB.speaker, ox.Literal("not an entity"))
    fresh_store.write(insert={VIEW: [bogus]})
    assert validate_store(fresh_store).conforms
    assert not any(t.predicate == RDF_TYPE for t in fresh_store.graph(VIEW))


STREAMED = [name for name, query in saved_queries().items() if query.stream_by]


@pytest.mark.parametrize("name", STREAMED)
def test_a_streamed_listing_prints_the_rows_of_the_whole_query_in_its_order(
    seed_store: Store, name: str
) -> None:
    saved = saved_queries()[name]
    whole = seed_store.select(sparql_prologue() + saved.bound({})).rows
    _, rows = stream(seed_store, saved)
    assert list(rows) == whole
    for limit, offset in ((3, 0), (4, 2), (None, 5)):
        _, page = stream(seed_store, saved, limit=limit, offset=offset)
        assert list(page) == whole[offset : None if limit is None else offset + limit]


def test_listings_sorted_by_date_or_source_stream() -> None:
    assert {
        "positions",
        "timeline-statements",
        "evidence-spans",
        "who-affirmed-territorial-integrity",
    } <= set(STREAMED)
