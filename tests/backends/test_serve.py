"""kb serve: the store read-only over the SPARQL 1.1 Protocol, on loopback, from any backend."""

from __future__ import annotations

import csv
import io
import threading
from collections.abc import Iterator

import pytest
import requests

from kb.errors import InputError
from kb.serve import make_server
from kb.store import Store
from kb.store.remote import open_remote

QUERY = "SELECT ?s ?label WHERE { ?s rdfs:label ?label } ORDER BY ?s ?label LIMIT 5"


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """kb serve over the seed KB (embedded), on a free loopback port."""
    from kb import kbase
    from kb.store.embedded import EmbeddedStore

    store = EmbeddedStore(tmp_path_factory.mktemp("serve") / "store")
    kbase.build(store)
    yield from _serving(store)


def _serving(store: Store) -> Iterator[str]:
    server = make_server(store, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_the_query_page_is_self_contained(endpoint: str) -> None:
    page = requests.get(endpoint + "/", timeout=10)
    assert page.status_code == 200 and page.headers["Content-Type"].startswith("text/html")
    assert "<form" in page.text and 'action="/sparql"' in page.text
    assert "http://" not in page.text.replace("http://www.w3.org", "").split("<body>")[0]
    assert "<script" not in page.text


@pytest.mark.parametrize("method", ["GET", "POST", "POST-direct"])
def test_select_as_sparql_json(endpoint: str, method: str) -> None:
    headers = {"Accept": "application/sparql-results+json"}
    if method == "GET":
        response = requests.get(
            endpoint + "/sparql", params={"query": QUERY}, headers=headers, timeout=10
        )
    elif method == "POST":
        response = requests.post(
            endpoint + "/sparql", data={"query": QUERY}, headers=headers, timeout=10
        )
    else:
        headers["Content-Type"] = "application/sparql-query"
        response = requests.post(
            endpoint + "/sparql", data=QUERY.encode(), headers=headers, timeout=10
        )
    assert response.status_code == 200, response.text
    results = response.json()
    assert results["head"]["vars"] == ["s", "label"]
    assert len(results["results"]["bindings"]) == 5


@pytest.mark.parametrize(
    ("accept", "media"), [("text/csv", "text/csv"), ("text/tab-separated-values", "text/tab")]
)
def test_select_as_csv_and_tsv(endpoint: str, accept: str, media: str) -> None:
    response = requests.get(
        endpoint + "/sparql", params={"query": QUERY}, headers={"Accept": accept}, timeout=10
    )
    assert response.headers["Content-Type"].startswith(media)
    delimiter = "," if media == "text/csv" else "\t"
    rows = list(csv.reader(io.StringIO(response.text), delimiter=delimiter))
    assert len(rows) == 6


def test_ask_and_construct(endpoint: str) -> None:
    ask = requests.get(
        endpoint + "/sparql", params={"query": "ASK { ?s a kb:Statement }"}, timeout=10
    )
    assert ask.json()["boolean"] is True
    construct = requests.get(
        endpoint + "/sparql",
        params={"query": "CONSTRUCT { ?s a kb:Statement } WHERE { ?s a kb:Statement } LIMIT 3"},
        headers={"Accept": "application/n-triples"},
        timeout=10,
    )
    assert construct.headers["Content-Type"].startswith("application/n-triples")
    assert len(construct.text.strip().splitlines()) == 3


@pytest.mark.parametrize(
    "request_kwargs",
    [
        {"data": {"update": "DROP ALL"}},
        {"data": {"query": "DROP ALL"}},
        {"data": b"DROP ALL", "headers": {"Content-Type": "application/sparql-update"}},
        {"params": {"update": "CLEAR ALL"}, "method": "GET"},
    ],
)
def test_updates_are_refused_with_403(endpoint: str, request_kwargs: dict) -> None:  # type: ignore[type-arg]
    method = request_kwargs.pop("method", "POST")
    response = requests.request(method, endpoint + "/sparql", timeout=10, **request_kwargs)
    assert response.status_code == 403
    assert requests.get(
        endpoint + "/sparql", params={"query": "ASK { ?s ?p ?o }"}, timeout=10
    ).json()["boolean"]


def test_service_and_bad_syntax_are_refused(endpoint: str) -> None:
    service = "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"
    assert (
        requests.get(endpoint + "/sparql", params={"query": service}, timeout=10).status_code == 400
    )
    assert (
        requests.get(endpoint + "/sparql", params={"query": "SELEKT"}, timeout=10).status_code
        == 400
    )


def test_a_browser_gets_a_table(endpoint: str) -> None:
    response = requests.post(
        endpoint + "/sparql",
        data={"query": QUERY},
        headers={"Accept": "text/html,*/*;q=0.8"},
        timeout=10,
    )
    assert response.headers["Content-Type"].startswith("text/html")
    assert response.text.count("<tr>") == 6


def test_it_listens_on_loopback_only(endpoint: str) -> None:
    with pytest.raises(InputError, match="loopback"):
        make_server(object(), "0.0.0.0", 0)  # type: ignore[arg-type]


def test_it_serves_a_server_backed_store_too(oxigraph_server) -> None:  # type: ignore[no-untyped-def]
    store = open_remote(oxigraph_server.location)
    for base in _serving(store):
        answer = requests.get(base + "/sparql", params={"query": "ASK { ?s ?p ?o }"}, timeout=10)
        assert answer.status_code == 200 and "boolean" in answer.json()
