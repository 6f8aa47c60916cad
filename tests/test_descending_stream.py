"""``# stream-by: DESC(?VAR) PATTERN``: a listing sorted by a count, largest first, streams by
count. One ordered pass over the pattern gives the counts and, with each, its keys
(``# bucket-keys: ?KEY`` without a pattern); the first bucket's rows are read from its keys
only, and the rows, bucket after bucket, are those of the query run whole, in its order."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kb import queries
from kb.errors import InputError
from kb.namespaces import MTG
from kb.queries import SavedQuery, run, saved_queries, stream
from kb.store import Solutions, Store
from kb.store.embedded import EmbeddedStore

from .identity_helpers import kb_of_accounts

MET = ("ilham-aliyev", "ebrahim-raisi")
# meeting -> the sources that report it; two ties (3 and 1), a bucket of several meetings,
# and a meeting one source reports twice (two accounts, one source)
REPORTS = {
    "2020-01-05-b": ["s1", "s2", "s3"],
    "2020-01-05-a": ["s4", "s5", "s6"],
    "2020-02-05-c": ["s1", "s7"],
    "2020-03-05-d": ["s2"],
    "2020-03-05-e": ["s8", "s8"],
    "2020-03-05-f": ["s3"],
}
PATTERN = "{ SELECT ?m (COUNT(?a) AS ?n) WHERE { ?a ?p ?m } GROUP BY ?m }"


def saved(tmp_path: Path, *headers: str) -> SavedQuery:
    path = tmp_path / "listing.rq"
    lines = "".join(f"# {header}\n" for header in headers)
    path.write_text(f"# title: a listing\n{lines}SELECT ?m WHERE {{ ?a ?p ?m }}\n", "utf-8")
    return SavedQuery.from_file(path)


def test_desc_names_the_variable_and_a_bare_key_comes_from_the_pattern(tmp_path: Path) -> None:
    query = saved(tmp_path, f"stream-by: DESC(?n) {PATTERN}", "bucket-keys: ?m")
    assert query.stream_by == ("n", PATTERN) and query.descending
    assert query.bucket_keys == [("m", PATTERN)]
    ascending = saved(tmp_path, "stream-by: ?source ?source a kb:Source")
    assert ascending.stream_by == ("source", "?source a kb:Source") and not ascending.descending


def test_a_bare_key_the_pattern_does_not_bind_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"bucket-keys \?meeting without a pattern"):
        saved(tmp_path, f"stream-by: DESC(?n) {PATTERN}", "bucket-keys: ?meeting")


def test_the_listings_sorted_by_a_count_stream_largest_first() -> None:
    for name in ("meeting-sources", "meetings-corroborated"):
        query = saved_queries()[name]
        assert query.descending and query.stream_by and query.stream_by[0] == "sourceCount"
        assert ("meeting", query.stream_by[1]) in query.bucket_keys


@pytest.fixture
def reported(tmp_path: Path) -> EmbeddedStore:
    reports = {
        meeting: [(MET, source) for source in sources] for meeting, sources in REPORTS.items()
    }
    return kb_of_accounts(tmp_path / "store", reports)


@pytest.mark.parametrize("probed", [1, 2, queries.PROBED_BUCKETS])
@pytest.mark.parametrize("name", ["meeting-sources", "meetings-corroborated"])
def test_streamed_by_count_the_rows_are_the_whole_querys(
    reported: EmbeddedStore, monkeypatch: pytest.MonkeyPatch, name: str, probed: int
) -> None:
    monkeypatch.setattr(queries, "PROBED_BUCKETS", probed)
    saved = saved_queries()[name]
    whole = run(reported, saved).rows
    counts = [int(row["sourceCount"].value) for row in whole]  # type: ignore[attr-defined]
    least = 1 if name == "meeting-sources" else 2
    assert counts == [n for n in (3, 3, 2, 1, 1, 1) if n >= least]
    # ties in the order of the meeting: a before b, d, e, f
    assert [row["meeting"] for row in whole][:2] == [MTG["2020-01-05-a"], MTG["2020-01-05-b"]]
    _, rows = stream(reported, saved)
    assert list(rows) == whole
    for limit, offset in ((1, 0), (2, 1), (None, 3)):
        _, page = stream(reported, saved, limit=limit, offset=offset)
        assert list(page) == whole[offset : None if limit is None else offset + limit]


def test_the_first_bucket_is_read_from_the_meetings_with_the_most_sources(
    reported: EmbeddedStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = recorded_queries(monkeypatch)
    _, rows = stream(reported, saved_queries()["meeting-sources"])
    first = next(rows)
    assert first["meeting"] == MTG["2020-01-05-a"]
    ranking, *keys, bucket = asked
    assert "ORDER BY DESC(?sourceCount)" in ranking
    narrowed = [set(values.split()) for values in re.findall(r"VALUES \?meeting \{(.*?)\}", bucket)]
    top = {str(MTG["2020-01-05-a"]), str(MTG["2020-01-05-b"])}
    assert narrowed and all(values == top for values in narrowed)  # no later bucket's meeting
    (sources,) = keys  # the sources of its meetings' accounts, by index lookups from them
    assert "VALUES ?meeting" in sources and "ORDER BY" not in sources


@pytest.mark.parametrize("least", ["1", "3", "4"])
def test_the_count_pattern_sees_the_querys_parameters(
    reported: EmbeddedStore, monkeypatch: pytest.MonkeyPatch, least: str
) -> None:
    """meetings-corroborated lists only the counts of at least minSources: none above every
    count (the whole query then, which has no rows), and no bucket probed that has no rows."""
    saved = saved_queries()["meetings-corroborated"]
    whole = run(reported, saved, {"minSources": least}).rows
    assert len(whole) == {"1": 6, "3": 2, "4": 0}[least]
    asked = recorded_queries(monkeypatch)
    _, rows = stream(reported, saved, {"minSources": least})
    assert list(rows) == whole
    ranking = [query for query in asked if "ORDER BY DESC(?sourceCount)" in query]
    assert ranking and all(f'"{least}"' in query for query in ranking)
    buckets = [query for query in asked if "GROUP_CONCAT" in query and "VALUES ?meeting" in query]
    assert len(buckets) == (1 if whole else 0)


@pytest.mark.parametrize(("most", "narrowed"), [(2, 1), (1, 0)])
def test_a_bucket_with_too_many_keys_is_read_with_the_rest(
    reported: EmbeddedStore, monkeypatch: pytest.MonkeyPatch, most: int, narrowed: int
) -> None:
    """With at most two keys read alone, the two meetings with three sources are one bucket,
    read by their keys, and the rest follows; with one, the first bucket is too large and the
    query is run whole."""
    saved = saved_queries()["meeting-sources"]
    whole = run(reported, saved).rows
    monkeypatch.setattr(queries, "BUCKET_KEYS_READ_ALONE", most)
    asked = recorded_queries(monkeypatch)
    _, rows = stream(reported, saved)
    assert list(rows) == whole
    buckets = [query for query in asked if "GROUP_CONCAT" in query and "VALUES ?meeting" in query]
    assert len(buckets) == narrowed
    assert str(MTG["2020-03-05-d"]) not in "".join(asked)  # a one-source meeting: never a key


def recorded_queries(monkeypatch: pytest.MonkeyPatch, store: Store | None = None) -> list[str]:
    """The queries kb.queries asks the store from now on (and those asked of ``store``'s
    ``select`` directly, as ``run`` asks)."""
    asked: list[str] = []
    select_stream = queries._select_stream

    def recorded(store: object, sparql: str) -> tuple[list[str], queries.Rows]:
        asked.append(sparql)
        return select_stream(store, sparql)  # type: ignore[arg-type]

    monkeypatch.setattr(queries, "_select_stream", recorded)
    if store is not None:
        select = store.select

        def recorded_select(sparql: str) -> Solutions:
            asked.append(sparql)
            return select(sparql)

        monkeypatch.setattr(store, "select", recorded_select)
    return asked
