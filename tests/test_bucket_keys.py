"""``# bucket-keys: ?KEY PATTERN``: a listing whose sort key is computed over several claims
streams by a bucket of one of them; each bucket's sub-selects start from the bucket's keys."""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
import pytest

from kb import queries
from kb.namespaces import MTG, SRC, XSD, sparql_prologue
from kb.queries import SavedQuery, narrow, run, saved_queries, stream
from kb.store import Store

from .test_descending_stream import recorded_queries

SOURCE = SRC["f0dfe1a430830148"]  # seeds/001_35c6b722bd335644.txt

QUERY = """SELECT ?meeting ?n WHERE {
  { SELECT ?meeting (COUNT(?account) AS ?n) (MAX(?e) AS ?key) WHERE {
      ?account kb:meeting ?meeting ; kb:earliest ?e } GROUP BY ?meeting }
  { SELECT ?account ?other WHERE { ?account kb:other ?other } }
}
ORDER BY ?key
"""


def test_the_header_names_a_key_and_the_pattern_that_lists_it(tmp_path: Path) -> None:
    path = tmp_path / "listing.rq"
    path.write_text(
        "# title: a listing\n# stream-by: ?sortMonth kb:sortMonth\n"
        "# bucket-keys: ?meeting ?a kb:meeting ?meeting ; kb:sortMonth ?sortMonth\n" + QUERY,
        encoding="utf-8",
    )
    query = SavedQuery.from_file(path)
    assert query.bucket_keys == [("meeting", "?a kb:meeting ?meeting ; kb:sortMonth ?sortMonth")]


def test_a_sub_select_that_projects_the_key_starts_from_its_values() -> None:
    one, two = MTG["2020-01-a"], MTG["2020-01-b"]
    narrowed = narrow(QUERY, {"meeting": [one, two]})
    values = f"VALUES ?meeting {{ {one} {two} }}"
    # in the aggregate (it projects ?meeting), not at the top (where the stream variable keeps
    # the bucket) nor in the sub-select that does not project it
    assert narrowed.count(values) == 1
    head, _, tail = narrowed.partition(values)
    assert "GROUP BY" not in head and "(COUNT(?account) AS ?n)" in head
    assert "?account kb:meeting ?meeting" in tail
    assert narrow(QUERY, {}) == QUERY


def test_a_bucket_without_keys_reads_nothing_in_those_sub_selects() -> None:
    store = ox.Store()
    kb = "https://w3id.org/kb/ontology#"
    account, meeting = ox.NamedNode("https://example.org/a1"), MTG["2020-01-a"]
    for predicate, value in (
        ("meeting", meeting),
        ("earliest", ox.Literal("2020-01-05", datatype=XSD.date)),
        ("other", ox.Literal("x")),
    ):
        store.add(ox.Quad(account, ox.NamedNode(kb + predicate), value))
    prologue = "PREFIX kb: <https://w3id.org/kb/ontology#>\n"
    assert len(list(store.query(prologue + QUERY))) == 1  # the query as written finds it
    narrowed = narrow(QUERY, {"meeting": []})
    assert "VALUES ?meeting {  }" in narrowed
    assert list(store.query(prologue + narrowed)) == []  # a valid query that reads nothing


def test_an_alias_streams_as_its_query() -> None:
    alias, target = saved_queries()["country-pair-timeline"], saved_queries()["meeting-timeline"]
    assert alias.stream_by == target.stream_by and alias.stream_by is not None
    assert alias.bucket_keys == target.bucket_keys and alias.bucket_keys


def test_a_rows_bucket_may_be_an_expression_of_its_variables(tmp_path: Path) -> None:
    path = tmp_path / "listing.rq"
    path.write_text(
        "# title: a listing\n# stream-by: ?sortMonth kb:sortMonth\n"
        "# bucket-keys: ?meeting ?a kb:meeting ?meeting ; kb:sortMonth ?sortMonth\n"
        "# bucket-of: COALESCE(YEAR(?key) * 100 + MONTH(?key), 0)\n" + QUERY,
        encoding="utf-8",
    )
    assert SavedQuery.from_file(path).bucket_of == "COALESCE(YEAR(?key) * 100 + MONTH(?key), 0)"


def test_the_meeting_timelines_find_a_meetings_month_from_its_date() -> None:
    for name in ("meeting-timeline", "country-pair-timeline", "timeline-meetings"):
        query = saved_queries()[name]
        assert "?earliest" in query.bucket_of and "?latest" in query.bucket_of
        assert "?sortMonth" not in query.text.split("PREFIX", 1)[1]  # the query binds no month


def test_a_parameter_a_key_pattern_names_narrows_the_listing_run_whole(seed_store: Store) -> None:
    """evidence-spans with a source: its sub-selects read that source's claims only, by
    lookups, rather than every claim of the KB by scans."""
    saved = saved_queries()["evidence-spans"]
    narrowed = queries._narrowed_by_parameters(seed_store, saved, {"source": SOURCE})
    assert narrowed is not None
    claims = seed_store.select(
        sparql_prologue() + f"SELECT DISTINCT ?claim WHERE {{ ?claim kb:source {SOURCE} }}"
    ).rows
    listed = set(re.findall(r"VALUES \?claim \{([^}]*)\}", narrowed))
    assert listed and all(
        set(values.split()) == {str(row["claim"]) for row in claims} for values in listed
    )
    rows = seed_store.select(sparql_prologue() + narrowed).rows
    as_written = seed_store.select(sparql_prologue() + saved.bound({"source": SOURCE.value})).rows
    assert rows and rows == as_written


@pytest.mark.parametrize("listing", ["run", "stream"])
def test_a_listing_run_with_such_a_parameter_is_read_narrowed(
    seed_store: Store, monkeypatch: pytest.MonkeyPatch, listing: str
) -> None:
    """`kb query` (stream) and the report (run) both read the listing narrowed, whole."""
    saved = saved_queries()["evidence-spans"]
    values = {"source": f"<{SOURCE.value}>"}
    narrowed = queries._narrowed_by_parameters(seed_store, saved, saved.terms(values))
    asked = recorded_queries(monkeypatch, seed_store)
    if listing == "run":
        run(seed_store, saved, values)
    else:
        list(stream(seed_store, saved, values)[1])
    assert narrowed is not None and asked[-1] == sparql_prologue() + narrowed


def test_a_parameter_only_the_stream_by_pattern_names_leaves_the_query_as_written(
    seed_store: Store,
) -> None:
    """meetings-corroborated's minSources, always bound (it has a default), is named by the
    pattern its buckets come from: the listing still streams bucket by bucket."""
    saved = saved_queries()["meetings-corroborated"]
    assert saved.stream_by is not None and "?minSources" in saved.stream_by[1]
    assert queries._narrowed_by_parameters(seed_store, saved, saved.terms({})) is None


def test_a_parameter_no_key_pattern_names_leaves_the_query_as_written(seed_store: Store) -> None:
    saved = saved_queries()["meetings"]  # its key pattern lists accounts by month, not by person
    terms = saved.terms({"participant": "ent:khalaf-khalafov"})
    assert queries._narrowed_by_parameters(seed_store, saved, terms) is None


def test_a_parameter_with_too_many_keys_leaves_the_query_as_written(
    seed_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(queries, "BUCKET_KEYS_READ_ALONE", 0)
    saved = saved_queries()["evidence-spans"]
    assert queries._narrowed_by_parameters(seed_store, saved, {"source": SOURCE}) is None


def test_a_parameter_that_gives_no_key_leaves_the_query_as_written(seed_store: Store) -> None:
    """No source has this id: narrowed, every sub-select would read ``VALUES ?claim { }``
    (which Virtuoso refuses); as written, the query finds no row of the source all the same."""
    saved = saved_queries()["evidence-spans"]
    nowhere = {"source": SRC["0000000000000000"]}
    assert queries._narrowed_by_parameters(seed_store, saved, nowhere) is None
    assert list(stream(seed_store, saved, {"source": "src:0000000000000000"})[1]) == []


SLICED = """# title: A source's claims, the KB's three earliest spans marked
# param: source iri | the source
# stream-by: ?sourceBucket kb:sourceBucket
# bucket-of: SUBSTR(STR(?source), 1, 30)
# bucket-keys: ?claim ?claim kb:sourceBucket ?sourceBucket ; kb:source ?source
PREFIX kb: <https://w3id.org/kb/ontology#>
SELECT ?source ?claim ?first WHERE {
  ?claim kb:source ?source .
  OPTIONAL { { SELECT ?claim (true AS ?first) WHERE { ?claim kb:quoteStart ?s }
               ORDER BY ?s ?claim LIMIT 3 } }
}
ORDER BY ?claim
"""


def test_a_sub_select_with_its_own_limit_is_never_narrowed(
    seed_store: Store, tmp_path: Path
) -> None:
    """Its rows are the KB's three earliest spans: narrowed to one source's claims, they would
    be that source's three."""
    path = tmp_path / "sliced.rq"
    path.write_text(SLICED, encoding="utf-8")
    saved = SavedQuery.from_file(path)
    assert narrow(saved.text, {"claim": [SOURCE]}) == saved.text
    values = {"source": f"<{SOURCE.value}>"}
    whole = seed_store.select(sparql_prologue() + saved.bound(values)).rows
    assert any("first" in row for row in whole)
    assert list(stream(seed_store, saved, values)[1]) == whole
    assert run(seed_store, saved, values).rows == whole
