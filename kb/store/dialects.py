"""How each kind of SPARQL server is spoken to: its paths, its parameters, and the quirks
kb works around (each measured; docs/servers.md gives the details).

The standard SPARQL 1.1 behaviour is ``Dialect``; each server overrides only what differs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import ClassVar, Protocol
from urllib.parse import urljoin

import pyoxigraph as ox

from . import Solutions
from .embedded import write_update
from .http import Credentials, Http
from .serverlock import LOCK_GRAPH

GRAPH_ACCEPT = "application/n-triples, text/turtle;q=0.5"

_BOOLEAN = ox.NamedNode("http://www.w3.org/2001/XMLSchema#boolean")
Graphs = Mapping[ox.NamedNode, Iterable[ox.Triple]]


@dataclass(frozen=True)
class Endpoints:
    """Where one server answers, and how kb talks to it."""

    display: str  # the location with the password masked: safe to print
    query: str
    update: str | None
    store: str | None  # Graph Store Protocol
    credentials: Credentials | None
    timeout: float
    retries: int
    bulk: int
    lease: float  # seconds a writer holds the writers' lock without renewing it


class ServerStore(Protocol):
    """What dialects and the undo journal ask of a server store (kb.store.remote.RemoteStore),
    named here so that neither imports it."""

    location: str
    dialect: Dialect
    endpoints: Endpoints
    http: Http

    def _update(self, sparql: str, what: str) -> None: ...

    def _select(self, sparql: str, union: bool) -> Solutions: ...

    def get_graph(self, name: ox.NamedNode, path: str | None = None) -> Iterator[ox.Quad]: ...

    def quads_by_select(self, name: ox.NamedNode) -> Iterator[ox.Quad]: ...

    def graph_names(self) -> list[ox.NamedNode]: ...

    def system_graphs(self) -> set[str]: ...

    def write(self, replace: Graphs | None = None, insert: Graphs | None = None) -> None: ...

    def put_graph(self, name: ox.NamedNode, triples: list[ox.Triple]) -> None: ...


class Dialect:
    """What a kind of server needs: paths, parameters, and how to write and read graphs.

    The standard SPARQL 1.1 behaviour lives here; each server overrides only what differs.
    """

    name: ClassVar[str] = "sparql"
    query_path: ClassVar[str] = ""
    update_path: ClassVar[str] = ""
    store_path: ClassVar[str] = ""
    graph_param: ClassVar[str] = "graph"
    auth_scheme: ClassVar[str] = "basic"
    union_params: ClassVar[dict[str, str]] = {}  # makes the default graph the union of graphs
    gsp_put_is_atomic: ClassVar[bool] = True

    def endpoints(self, base: str, options: dict[str, str]) -> tuple[str, str | None, str | None]:
        return base + self.query_path, base + self.update_path, base + self.store_path

    def update_text(self, replace: Graphs, insert: Graphs) -> str:
        """One update request; the embedded store's own, so both backends write the same way."""
        return write_update(replace, insert)

    def query_prologue(self, store: ServerStore) -> str:
        return ""

    def union_query(self, sparql: str) -> tuple[str, set[str]]:
        """A query as sent with the union prologue, and the variables it added (which a
        ``SELECT *`` must not show)."""
        return sparql, set()

    def is_system_graph(self, name: str) -> bool:
        return False

    def list_graphs_query(self) -> str:
        return "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"

    def read_auth(self, endpoints: Endpoints) -> Credentials | None:
        return endpoints.credentials

    def result_term(self, term: ox.NamedNode | ox.BlankNode | ox.Literal) -> object:
        """A term of a query result as written (servers that rewrite terms undo it here)."""
        return term

    def quads(self, store: ServerStore) -> Iterator[ox.Quad]:
        for name in store.graph_names():
            yield from self.read_graph(store, name)

    def read_graph(self, store: ServerStore, name: ox.NamedNode) -> Iterator[ox.Quad]:
        """Every quad of one graph, uncut (a Graph Store Protocol GET where there is one)."""
        if store.endpoints.store:
            return store.get_graph(name)
        return store.quads_by_select(name)

    def bulk_put(self, store: ServerStore, name: ox.NamedNode, triples: list[ox.Triple]) -> None:
        """Replace one graph atomically, without an update request the size of the graph."""
        if store.endpoints.store and self.gsp_put_is_atomic:
            store.put_graph(name, triples)
        else:
            store.write(replace={name: triples})


class OxigraphDialect(Dialect):
    name = "oxigraph"
    query_path, update_path, store_path = "/query", "/update", "/store"
    union_params = {"union-default-graph": "true"}

    def list_graphs_query(self) -> str:
        return "SELECT ?g WHERE { GRAPH ?g { } }"  # Oxigraph answers from its graph index

    def quads(self, store: ServerStore) -> Iterator[ox.Quad]:
        """The whole dataset in one GSP GET (Oxigraph serves N-Quads at /store)."""
        assert store.endpoints.store
        reply = store.http.send(
            "GET",
            store.endpoints.store,
            "read the store",
            write=False,
            auth=store.endpoints.credentials,
            headers={"Accept": "application/n-quads"},
        )
        for quad in ox.parse(reply.body, format=ox.RdfFormat.N_QUADS):
            if isinstance(quad.graph_name, ox.NamedNode) and quad.graph_name != LOCK_GRAPH:
                yield quad


class FusekiDialect(Dialect):
    name = "fuseki"
    query_path, update_path, store_path = "/query", "/update", "/data"
    # TDB's union of the named graphs; without it Fuseki's default graph is its own graph
    union_params = {"default-graph-uri": "urn:x-arq:UnionGraph"}


class GenericDialect(Dialect):
    name = "sparql"

    def endpoints(self, base: str, options: dict[str, str]) -> tuple[str, str | None, str | None]:
        def resolve(key: str) -> str | None:
            value = options.pop(key, None)
            return urljoin(base + "/", value) if value else None

        return resolve("query") or base, resolve("update"), resolve("store")


class VirtuosoDialect(Dialect):
    """Virtuoso 7: reads anonymous at /sparql, writes with digest auth at /sparql-auth.

    Quirks handled here (each measured, see docs/servers.md): blank nodes are refused in
    INSERT DATA and the same label may not appear in two operations; large INSERT DATA needs
    ``define sql:big-data-const 1`` or fails with "generated SQL text has exceeded 10000
    lines"; the default graph is the union of ALL graphs, Virtuoso's own included, so kb
    excludes those (and then answers GRAPH <iri> with no rows, so queries name a graph
    through VALUES: see ``union_query``); results are cut at ResultSetMaxRows
    (X-SPARQL-MaxRows header); a GSP PUT that fails half way leaves half the graph, so it
    is never used to replace graphs.
    """

    name = "virtuoso"
    query_path, update_path, store_path = "/sparql", "/sparql-auth", "/sparql-graph-crud-auth"
    graph_param = "graph-uri"
    auth_scheme = "digest"
    gsp_put_is_atomic = False
    TEMPLATE_TRIPLES = 200  # blank-node triples per INSERT {...} WHERE {} operation
    SYSTEM_GRAPHS = (
        "http://www.openlinksw.com/schemas/virtrdf#",
        "http://www.w3.org/ns/ldp#",
        "http://www.w3.org/2002/07/owl#",
    )
    _SYSTEM = re.compile(r"^https?://[^/]+/(sparql|DAV/)$|^http://www\.openlinksw\.com/")

    def read_auth(self, endpoints: Endpoints) -> Credentials | None:
        return None  # reads go to the anonymous /sparql: least privilege

    def result_term(self, term: ox.NamedNode | ox.BlankNode | ox.Literal) -> object:
        """Virtuoso answers "true"^^xsd:boolean as "1" in query results (not in GSP reads)."""
        if isinstance(term, ox.Literal) and term.datatype == _BOOLEAN and term.value in ("0", "1"):
            return ox.Literal("true" if term.value == "1" else "false", datatype=_BOOLEAN)
        return term

    def is_system_graph(self, name: str) -> bool:
        return name in self.SYSTEM_GRAPHS or bool(self._SYSTEM.match(name))

    def query_prologue(self, store: ServerStore) -> str:
        excluded = sorted(set(self.SYSTEM_GRAPHS) | store.system_graphs() | {LOCK_GRAPH.value})
        return "".join(
            f"define input:default-graph-exclude <{g}>\ndefine input:named-graph-exclude <{g}>\n"
            for g in excluded
        )

    def union_query(self, sparql: str) -> tuple[str, set[str]]:
        """``GRAPH <iri> {…}`` as ``VALUES ?v { <iri> } GRAPH ?v {…}`` (same solutions).

        Measured on 7.2.5: once a query carries an ``input:*-graph-exclude`` define, as every
        union query does, a SELECT or CONSTRUCT with ``GRAPH <iri>`` compiles to no rows
        (its explain plan selects NULL), while ASK and COUNT still see the rows; ``GRAPH ?v``
        bound by VALUES or a FILTER is answered right.
        """
        added: list[str] = []

        def replace(match: re.Match[str]) -> str:
            if match.group("graph") is None:
                return match.group(0)  # a string, an IRI or a comment: left as it is
            variable = f"?{_GRAPH_VARIABLE}{len(added) + 1}"
            added.append(variable[1:])
            return f"VALUES {variable} {{ {match.group('name')} }} GRAPH {variable}"

        text = _QUERY_TOKENS.sub(replace, sparql)
        return text, set(added)

    def update_text(self, replace: Graphs, insert: Graphs) -> str:
        operations = [f"DROP SILENT GRAPH {name}" for name in replace]
        for graphs in (replace, insert):
            for name, triples in graphs.items():
                ground, groups = _split_blank_nodes(list(triples), self.TEMPLATE_TRIPLES)
                if ground:
                    operations.append(f"INSERT DATA {{ GRAPH {name} {{\n{_body(ground)} .\n}} }}")
                for group in groups:
                    operations.append(
                        f"INSERT {{ GRAPH {name} {{\n{_body(group)} .\n}} }} WHERE {{ }}"
                    )
        if not operations:
            return ""
        return "define sql:big-data-const 1\n" + " ;\n".join(operations)

    def read_graph(self, store: ServerStore, name: ox.NamedNode) -> Iterator[ox.Quad]:
        # GSP GET is not cut at ResultSetMaxRows (measured with 25,000 triples), SELECT is
        return store.get_graph(name, path="/sparql-graph-crud")


DIALECTS: dict[str, Dialect] = {
    d.name: d for d in (OxigraphDialect(), VirtuosoDialect(), FusekiDialect(), GenericDialect())
}


_GRAPH_VARIABLE = "kbGraphOfVirtuoso"
_IRIREF = r"""<[^<>"{}|^`\\\x00-\x20]*>"""
_SKIP = r"(?:\s|\#[^\n]*\n)+"  # white space and comments between tokens
_STRINGS = (
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'(?:[^'\\\n]|\\.)*'"
)
# Strings, IRIs and comments (matched so that nothing inside them is rewritten), or the
# keyword GRAPH followed by an IRI or a prefixed name, then "{".
_QUERY_TOKENS = re.compile(
    rf"""
      {_STRINGS}
    | {_IRIREF}
    | \#[^\n]*
    | (?<![\w:?$])(?P<graph>(?i:GRAPH)){_SKIP}
      (?P<name>{_IRIREF}|[A-Za-z][\w.-]*:[\w.%:-]*|:[\w.%:-]*)(?=(?:{_SKIP})?\{{)
    """,
    re.VERBOSE,
)


def _body(triples: Iterable[ox.Triple]) -> str:
    return " .\n".join(f"{t.subject} {t.predicate} {t.object}" for t in triples)


def _split_blank_nodes(
    triples: list[ox.Triple], size: int
) -> tuple[list[ox.Triple], list[list[ox.Triple]]]:
    """Triples without blank nodes, and the others grouped so that triples sharing a blank
    node stay in one group (one operation), each group about ``size`` triples."""
    parent: dict[ox.BlankNode, ox.BlankNode] = {}

    def find(node: ox.BlankNode) -> ox.BlankNode:
        while parent.setdefault(node, node) != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    ground, blank = [], []
    for t in triples:
        nodes = [n for n in (t.subject, t.object) if isinstance(n, ox.BlankNode)]
        if not nodes:
            ground.append(t)
            continue
        blank.append((t, nodes[0]))
        if len(nodes) == 2:
            parent[find(nodes[0])] = find(nodes[1])
    components: dict[ox.BlankNode, list[ox.Triple]] = {}
    for t, node in blank:
        components.setdefault(find(node), []).append(t)
    groups: list[list[ox.Triple]] = []
    for component in components.values():
        if groups and len(groups[-1]) + len(component) <= size:
            groups[-1].extend(component)
        else:
            groups.append(list(component))
    return ground, groups
