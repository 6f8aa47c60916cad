"""The derived view: written with its source, removed with it, rebuilt by kb init, never a claim;
and the listings that stream through it answer exactly as the query run whole."""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
import pytest

from kb import kbase, view
from kb.errors import StoreError
from kb.namespaces import CLAIM, DCTERMS, GRAPH, KB, MTG, OA, RDF_TYPE, SRC, XSD, sparql_prologue
from kb.queries import SavedQuery, bucket_rows, bucket_values, run, saved_queries, stream
from kb.resources import SEEDS_DIR
from kb.retract import retract
from kb.store import Store
from kb.store.embedded import EmbeddedStore
from kb.validation import validate_store
from kb.view import BUCKETS, derive, is_current, is_view_graph, rebuild, stamp, view_graph

from .identity_helpers import meeting_account

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
    run(fresh_store, saved_queries()["meeting-sources"])  # a query that does not read it runs
    kbase.init(fresh_store)
    assert run(fresh_store, positions).rows


def test_a_kb_of_meeting_accounts_without_evidence_is_refused_too_until_kb_init() -> None:
    store = EmbeddedStore.in_memory()
    kbase.init(store)  # the model, and a current (empty) view
    for graph in ("aaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbb"):  # two accounts that disagree on dates
        store.write(  # written without their views, as a KB from before the view was
            replace={
                GRAPH[f"source/{graph}"]: [
                    ox.Triple(SRC[graph], DCTERMS.language, ox.Literal("en")),
                    *meeting_account(graph, 1, "2023-10-m", ["khalaf-khalafov"], *DATES[graph]),
                ]
            }
        )
    store.write(replace={BUCKETS: []})  # ... whose bucket list has no stamp
    disagreements = saved_queries()["disagreements"]
    with pytest.raises(StoreError, match="kb init"):
        run(store, disagreements)
    kbase.init(store)
    assert run(store, disagreements).rows


DATES = {"aaaaaaaaaaaaaaaa": ("2023-10-01", "2023-10-02"), "bbbbbbbbbbbbbbbb": ("2023-10-05", "")}


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
# listings with parameters, streamed: a parameter narrows each bucket's query as the whole one's
STREAMED_WITH = [
    ("meeting-timeline", {"participant": "ent:khalaf-khalafov"}),
    ("meeting-timeline", {"country1": "ent:iran", "country2": "ent:azerbaijan"}),
    ("country-pair-timeline", {"country2": "ent:armenia"}),
    ("timeline-meetings", {"participant": "ent:ilham-aliyev"}),
    ("meetings", {"participant": "ent:khalaf-khalafov"}),
    ("meetings-between-countries", {"country1": "ent:azerbaijan", "country2": "ent:iran"}),
    ("timeline-statements", {"speaker": "ent:ebrahim-raisi"}),
    ("evidence-spans", {"source": f"src:{SOURCE}"}),
    ("meeting-sources", {"meeting": "mtg:2023-10-04-hossein-amir-abdollahian-khalaf-khalafov"}),
    ("disagreements", {"meeting": "mtg:2023-10-04-hossein-amir-abdollahian-khalaf-khalafov"}),
]


def assert_streams_as_whole(store: Store, saved: SavedQuery, values: dict[str, str]) -> None:
    whole = store.select(sparql_prologue() + saved.bound(values)).rows
    assert whole, f"{saved.name} {values}: no rows to compare"
    _, rows = stream(store, saved, values)
    assert list(rows) == whole
    for limit, offset in ((3, 0), (4, 2), (None, 5), (1, len(whole) - 1)):
        _, page = stream(store, saved, values, limit=limit, offset=offset)
        assert list(page) == whole[offset : None if limit is None else offset + limit]


def every_bucket(store: Store, saved: SavedQuery, values: dict[str, str]) -> list[dict]:
    """The rows of the listing's query in each bucket, bucket after bucket."""
    assert saved.stream_by is not None
    terms = saved.terms(values)
    return [
        row
        for bucket in bucket_values(store, saved.stream_by, saved.descending, terms)
        for row in bucket_rows(
            store,
            saved.text,
            terms,
            saved.stream_by[0],
            saved.bucket_keys,
            bucket,
            saved.bucket_of,
        )[1]
    ]


@pytest.mark.parametrize("name", STREAMED)
def test_a_streamed_listing_prints_the_rows_of_the_whole_query_in_its_order(
    seed_store: Store, name: str
) -> None:
    assert_streams_as_whole(seed_store, saved_queries()[name], {})


@pytest.mark.parametrize(("name", "values"), STREAMED_WITH)
def test_a_streamed_listing_with_parameters_prints_the_rows_of_the_whole_query(
    seed_store: Store, name: str, values: dict[str, str]
) -> None:
    assert_streams_as_whole(seed_store, saved_queries()[name], values)


@pytest.mark.parametrize("name", STREAMED)
def test_the_buckets_one_by_one_give_the_rows_of_the_whole_query(
    seed_store: Store, name: str
) -> None:
    """Not only the first bucket with rows and the rest after it, as `kb query` asks: every
    bucket's own query (bound, and narrowed to its keys) holds exactly its rows."""
    saved = saved_queries()[name]
    assert every_bucket(seed_store, saved, {}) == run(seed_store, saved).rows


def test_listings_sorted_by_date_source_or_meeting_stream() -> None:
    assert {
        "positions",
        "timeline-statements",
        "evidence-spans",
        "who-affirmed-territorial-integrity",
        "meetings",
        "meetings-between-countries",
        "meeting-timeline",
        "country-pair-timeline",
        "timeline-meetings",
        "sources",
        "disagreements",
        "meeting-disagreements",
    } <= set(STREAMED)


def _account(
    graph_id: str, n: int, meeting: str, person: str, earliest: str = "", latest: str = ""
) -> list[ox.Triple]:
    """One participant's account, reported by a seed article (which has a language)."""
    return meeting_account(graph_id, n, meeting, [person], earliest, latest, source=SOURCE)


@pytest.mark.parametrize("name", ["meeting-timeline", "timeline-meetings"])
def test_a_meeting_whose_accounts_differ_in_month_lists_once_in_the_month_of_its_date(
    fresh_store: EmbeddedStore, name: str
) -> None:
    """A meeting is sorted by its date over all its accounts (the latest earliest, else the
    earliest latest), whose month is one account's kb:sortMonth: streamed month by month, it
    is listed once, in that month, with what every account says."""
    source = "0000000000000abc"
    view.write(
        fresh_store,
        replace={
            GRAPH[f"source/{source}"]: [
                # bounds 2020-01-30..2020-02-02 and 2020-02-01: dated 2020-02-01, an account
                # in January
                *meeting_account(
                    source,
                    1,
                    "2020-02-test-a",
                    ["ilham-aliyev"],
                    "2020-01-30",
                    "2020-02-02",
                    source=SOURCE,
                ),
                *meeting_account(
                    source,
                    2,
                    "2020-02-test-a",
                    ["ebrahim-raisi"],
                    "2020-02-01",
                    "2020-02-01",
                    source=SOURCE,
                ),
                # only "before 10 May 2019", and an undated account (month 0)
                *meeting_account(
                    source,
                    3,
                    "undated-test-b",
                    ["ilham-aliyev"],
                    latest="2019-05-10",
                    source=SOURCE,
                ),
                *_account(source, 4, "undated-test-b", "ebrahim-raisi"),
            ]
        },
    )
    saved = saved_queries()[name]
    whole = run(fresh_store, saved).rows
    listed = [str(row["meeting"]) for row in whole]
    assert f"<{MTG['2020-02-test-a'].value}>" in listed
    assert f"<{MTG['undated-test-b'].value}>" in listed
    _, rows = stream(fresh_store, saved)
    assert list(rows) == whole
    assert every_bucket(fresh_store, saved, {}) == whole
    if name == "meeting-timeline":  # one row per meeting
        assert listed.count(f"<{MTG['2020-02-test-a'].value}>") == 1
        assert listed.count(f"<{MTG['undated-test-b'].value}>") == 1
        (row,) = [r for r in whole if r["meeting"] == MTG["2020-02-test-a"]]
        assert (row["earliest"].value, row["latest"].value) == ("2020-02-01", "2020-02-01")
        assert set(row["participants"].value.split(", ")) == {"Ilham Aliyev", "Ebrahim Raisi"}


@pytest.mark.parametrize("name", ["disagreements", "meeting-disagreements"])
def test_disagreements_in_several_buckets_stream_as_the_whole_query(
    fresh_store: EmbeddedStore, name: str
) -> None:
    """Streamed by the start of the meeting's IRI (kb:meetingBucket): disputes of meetings in
    different buckets, and of the seed KB's, list in the order of the whole query."""
    source = "0000000000000def"
    view.write(
        fresh_store,
        replace={
            GRAPH[f"source/{source}"]: [
                # apart in date and in who took part
                *meeting_account(
                    source,
                    1,
                    "2019-03-test-c",
                    ["ilham-aliyev"],
                    "2019-03-01",
                    "2019-03-02",
                    source=SOURCE,
                ),
                *meeting_account(
                    source,
                    2,
                    "2019-03-test-c",
                    ["ebrahim-raisi"],
                    "2019-03-20",
                    "2019-03-21",
                    source=SOURCE,
                ),
                *_account(source, 3, "undated-test-d", "ilham-aliyev"),
                *_account(source, 4, "undated-test-d", "ebrahim-raisi"),
            ]
        },
    )
    saved = saved_queries()[name]
    whole = run(fresh_store, saved).rows
    meetings = {str(row["meeting"]) for row in whole}
    assert {f"<{MTG['2019-03-test-c'].value}>", f"<{MTG['undated-test-d'].value}>"} <= meetings
    assert len(meetings) >= 3  # and the seed KB's disputed meeting
    assert_streams_as_whole(fresh_store, saved, {})
    assert every_bucket(fresh_store, saved, {}) == whole
    assert_streams_as_whole(fresh_store, saved, {"meeting": "mtg:2019-03-test-c"})


def test_the_meeting_bucket_is_the_meeting_namespace_and_seven_characters_of_the_id() -> None:
    """The disagreement listings compute it from the meeting's IRI as the view derives it."""
    (definition,) = [d for d in view.definitions() if "meetingBucket" in d]
    (length,) = re.findall(r"SUBSTR\(STR\(\?meeting\), 1, (\d+)\)", definition)
    assert int(length) == len(MTG[""].value) + 7
    for name in ("disagreements", "meeting-disagreements"):
        assert f"SUBSTR(STR(?meeting), 1, {length})" in saved_queries()[name].text


def test_the_published_month_is_computed_by_the_listing_as_by_the_view() -> None:
    (definition,) = [d for d in view.definitions() if "publishedMonth" in d]
    month = "YEAR(?published) * 100 + MONTH(?published)"
    assert f"COALESCE({month}, 0)" in definition
    assert f"IF(BOUND(?published), {month}, 0)" in saved_queries()["sources"].text
