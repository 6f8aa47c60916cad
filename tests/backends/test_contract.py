"""The Store contract, the same tests on every backend: embedded, Oxigraph server, Virtuoso."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kb.cli import main
from kb.errors import StoreError
from kb.resources import SEEDS_DIR
from kb.store import Store, open_store
from kb.store.remote import RemoteStore

from .conftest import SERVERS, emptied, location_of

EX = "http://example.org/"
G1, G2 = ox.NamedNode(EX + "g1"), ox.NamedNode(EX + "g2")
XSD = "http://www.w3.org/2001/XMLSchema#"


def n(local: str) -> ox.NamedNode:
    return ox.NamedNode(EX + local)


TRICKY = [
    ox.Literal("Київ — «столиця»", language="uk"),
    ox.Literal("تمامیت\u200cارضی", language="fa"),
    ox.Literal('non-breaking\u00a0space, emoji 😀, quote " and\nnewline'),
    ox.Literal("2023-10", datatype=ox.NamedNode(XSD + "gYearMonth")),
    ox.Literal("2023-10-04", datatype=ox.NamedNode(XSD + "date")),
    ox.Literal("2023-10-05T03:55:00Z", datatype=ox.NamedNode(XSD + "dateTime")),
    ox.Literal("42", datatype=ox.NamedNode(XSD + "integer")),
    ox.Literal("true", datatype=ox.NamedNode(XSD + "boolean")),
    ox.Literal("en-GB", language="en-gb"),
]


def triples(subject: str, count: int = 3) -> list[ox.Triple]:
    return [ox.Triple(n(subject), n("p"), ox.Literal(f"v{i}")) for i in range(count)]


def quads_of(store: Store) -> set[str]:
    return {str(q) for q in store.quads()}


def test_a_new_store_is_empty(store: Store) -> None:
    assert store.graph_names() == []
    assert list(store.quads()) == []


def test_written_terms_come_back_exactly(store: Store) -> None:
    written = [ox.Triple(n("s"), n("p"), literal) for literal in TRICKY]
    store.write(replace={G1: written})
    assert quads_of(store) == {str(ox.Quad(t.subject, t.predicate, t.object, G1)) for t in written}
    rows = store.select(f"SELECT ?o WHERE {{ <{EX}s> <{EX}p> ?o }}").rows
    assert {str(row["o"]) for row in rows} == {str(lit) for lit in TRICKY}


def test_blank_nodes_are_kept_as_one_structure(store: Store) -> None:
    a, b = ox.BlankNode(), ox.BlankNode()
    store.write(
        replace={
            G1: [
                ox.Triple(n("s"), n("list"), a),
                ox.Triple(a, n("first"), n("x")),
                ox.Triple(a, n("rest"), b),
                ox.Triple(b, n("first"), n("y")),
            ]
        }
    )
    query = (
        f"SELECT ?x ?y WHERE {{ <{EX}s> <{EX}list> ?a . "
        f"?a <{EX}first> ?x ; <{EX}rest>/<{EX}first> ?y }}"
    )
    rows = store.select(query).rows
    assert [(r["x"], r["y"]) for r in rows] == [(n("x"), n("y"))]


def test_replace_replaces_exactly_its_graphs_and_insert_extends(store: Store) -> None:
    store.write(replace={G1: triples("a"), G2: triples("b")})
    store.write(replace={G1: triples("c", 1)}, insert={G2: triples("d", 1)})
    got = quads_of(store)
    assert {q for q in got if f"<{EX}g1>" in q} == {str(ox.Quad(*t, G1)) for t in triples("c", 1)}
    assert len([q for q in got if f"<{EX}g2>" in q]) == 4
    assert sorted(g.value for g in store.graph_names()) == [G1.value, G2.value]


def test_queries_see_the_union_of_the_graphs(store: Store) -> None:
    store.write(
        replace={
            G1: [ox.Triple(n("a"), n("knows"), n("b"))],
            G2: [ox.Triple(n("b"), n("knows"), n("c"))],
        }
    )
    rows = store.select(f"SELECT ?z WHERE {{ <{EX}a> <{EX}knows>/<{EX}knows> ?z }}").rows
    assert [r["z"] for r in rows] == [n("c")]
    assert store.ask(f"ASK {{ <{EX}b> <{EX}knows> <{EX}c> }}")
    built = store.construct(f"CONSTRUCT {{ ?s <{EX}linked> ?o }} WHERE {{ ?s <{EX}knows> ?o }}")
    assert len(built) == 2
    count = store.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows[0]["n"]
    assert count.value == "2", "the server's own graphs must not show in kb's union"


def test_a_query_can_name_its_graph(store: Store) -> None:
    """GRAPH <iri> sees that graph's triples (Virtuoso answered none: see VirtuosoDialect)."""
    store.write(replace={G1: triples("a", 2), G2: triples("b")})
    picked = store.select(f"SELECT * WHERE {{ GRAPH {G1} {{ ?s ?p ?o }} }}")
    assert sorted(picked.variables) == ["o", "p", "s"]
    assert {row["o"] for row in picked.rows} == {ox.Literal("v0"), ox.Literal("v1")}
    built = store.construct(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {G1} {{ ?s ?p ?o }} }}")
    assert set(built) == set(triples("a", 2))
    prefixed = (
        f"PREFIX ex: <{EX}> SELECT ?o WHERE {{ <{EX}a> ?p ?x . "
        '# GRAPH ex:g1 { ?s ?p ?o } is a comment, "GRAPH ex:g1 {" a string\n'
        "graph ex:g2 { ?s ?p ?o } }"
    )
    assert len(store.select(prefixed).rows) == 2 * 3  # ?x from g1, ?o from g2
    assert store.ask(f"ASK {{ GRAPH {G2} {{ <{EX}b> ?p ?o }} }}")
    assert not store.ask(f"ASK {{ GRAPH {G2} {{ <{EX}a> ?p ?o }} }}")


def test_remove_graphs(store: Store) -> None:
    store.write(replace={G1: triples("a"), G2: triples("b")})
    store.remove_graphs([G1, n("never-there")])
    assert [g.value for g in store.graph_names()] == [G2.value]


@pytest.fixture(params=SERVERS)
def server_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[RemoteStore]:
    store = emptied(location_of(request, str(request.param), tmp_path))
    assert isinstance(store, RemoteStore)
    yield store
    store.close()


def test_an_update_the_server_cannot_read_changes_nothing(server_store: RemoteStore) -> None:
    """A request cut short (as by a dropped connection) is refused whole, on every server."""
    store = server_store
    store.write(replace={G1: triples("a")})
    before = quads_of(store)
    update = store.dialect.update_text({G1: triples("b", 50)}, {G2: triples("c", 50)})
    with pytest.raises(StoreError, match="Nothing was written"):
        store._update(update[: len(update) // 2], "write")
    assert quads_of(store) == before


def test_a_big_build_goes_graph_by_graph_with_the_same_result(location: str, store: Store) -> None:
    from kb import kbase

    bulk = open_store(location + "?bulk=1000") if "+" in location else store
    kbase.build(bulk)
    names = {g.value for g in bulk.graph_names()}
    assert len(names) >= 10
    assert sum(1 for _ in bulk.quads()) > 5000


def cli(location: str, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["--store", location, *args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def counts(location: str) -> tuple[int, int]:
    """Graphs and quads, with the store opened only for the count (the CLI needs it closed)."""
    store = open_store(location)
    try:
        return len(store.graph_names()), sum(1 for _ in store.quads())
    finally:
        store.close()


@pytest.fixture(params=SERVERS)
def cleared(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The location of an empty server store. (The CLI on the embedded store is tested
    elsewhere: in one process its RocksDB lock outlives a CliRunner invocation.)"""
    location = location_of(request, str(request.param), tmp_path)
    emptied(location).close()
    return location


def test_every_command_works_against_the_store(cleared: str, tmp_path: Path) -> None:
    location = cleared
    assert cli(location, "init")[0] == 0
    seed = sorted(SEEDS_DIR.glob("*.claims.yaml"))[1]
    code, _, err = cli(location, "add", str(seed), "--agent", "tester")
    assert code == 0, err
    code, out, err = cli(location, "query", "positions", "--format", "csv")
    assert code == 0, err
    assert out.count("\n") > 2
    code, out, _ = cli(location, "validate", "--all")
    assert code == 0, out
    export = tmp_path / "kb.nq"
    assert cli(location, "export", "--format", "nquads", "-o", str(export))[0] == 0
    assert len(export.read_bytes().splitlines()) == counts(location)[1]
    assert "dba:dba" not in err and ":dba@" not in err


def test_re_adding_changes_nothing(cleared: str) -> None:
    location = cleared
    cli(location, "init")
    seed = sorted(SEEDS_DIR.glob("*.claims.yaml"))[2]
    assert cli(location, "add", str(seed))[0] == 0
    before = counts(location)
    assert cli(location, "add", str(seed))[0] == 0
    assert counts(location) == before
