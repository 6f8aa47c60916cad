"""`kb query` streams a sorted listing on a server as on the embedded store: bucket by bucket
where the listing has no bucket-keys (the bucket list, then a query per bucket), whole where
it has (Virtuoso refuses buckets' narrowed queries), whole but narrowed to its keys where a
parameter gives them (bucket-keys); the rows are those of the query run whole (compared as in
test_parity: ties under ORDER BY and the order inside GROUP_CONCAT are the engine's)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from kb import kbase
from kb.queries import run, saved_queries, stream
from kb.store import Solutions, Store

from .conftest import SERVERS, emptied, location_of
from .test_parity import answers, rows

STREAMED = [name for name, query in saved_queries().items() if query.stream_by]


@pytest.fixture(scope="module", params=SERVERS)
def server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Store]:
    location = location_of(request, request.param, tmp_path_factory.mktemp("streaming"))
    store = emptied(location)
    kbase.build(store)
    yield store
    store.close()


@pytest.mark.parametrize("name", STREAMED)
def test_a_streamed_listing_on_a_server_gives_the_whole_querys_rows(
    server: Store, name: str
) -> None:
    saved = saved_queries()[name]
    variables, whole = answers(server, saved)
    streamed_variables, streamed = stream(server, saved)
    assert streamed_variables == variables
    assert rows(Solutions(variables, list(streamed)), saved.bound({})) == whole


NARROWED = [
    ("evidence-spans", {"source": "src:f0dfe1a430830148"}),
    ("meeting-sources", {"meeting": "mtg:2023-10-04-hossein-amir-abdollahian-khalaf-khalafov"}),
]


@pytest.mark.parametrize(("name", "values"), NARROWED)
def test_a_listing_narrowed_to_its_parameters_keys_on_a_server_gives_the_whole_querys_rows(
    server: Store, name: str, values: dict[str, str]
) -> None:
    saved = saved_queries()[name]
    variables, whole = answers(server, saved, saved.bound(values))
    assert sum(whole.values()) > 0, f"{name} {values} answers nothing: a weak check"
    streamed_variables, streamed = stream(server, saved, values)
    assert streamed_variables == variables
    assert rows(Solutions(variables, list(streamed)), saved.bound(values)) == whole
    assert rows(run(server, saved, values), saved.bound(values)) == whole


NOWHERE = [
    ("evidence-spans", {"source": "src:0000000000000000"}),
    ("meeting-sources", {"meeting": "mtg:1999-01-01-nobody"}),
]


@pytest.mark.parametrize(("name", "values"), NOWHERE)
def test_a_listing_whose_parameter_matches_nothing_on_a_server_has_no_rows(
    server: Store, name: str, values: dict[str, str]
) -> None:
    saved = saved_queries()[name]
    assert list(stream(server, saved, values)[1]) == []
    assert run(server, saved, values).rows == []
