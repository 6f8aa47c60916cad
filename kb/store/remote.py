"""SPARQL servers as kb stores: Oxigraph server, Virtuoso, Fuseki, or any SPARQL 1.1 server.

Locations, in the ``ENGINE+URL`` form (credentials may instead come from KB_STORE_USER
and KB_STORE_PASSWORD, and are masked in every message)::

    oxigraph+http://127.0.0.1:7878
    virtuoso+http://dba:secret@127.0.0.1:8890
    fuseki+http://127.0.0.1:3030/kb
    sparql+http://host:7200/repositories/kb?update=/repositories/kb/statements&store=/repositories/kb/rdf-graphs/service

Options in the query string: ``timeout`` (seconds, default 30), ``retries`` (default 3),
``bulk`` (a build larger than this many triples is loaded graph by graph, default 200000),
``auth`` (basic or digest); ``sparql+`` also takes ``query``, ``update`` and ``store`` URLs
(absolute, or paths relative to the location).

What is atomic (docs/servers.md says the same, with the measurements):

- ``write`` and ``remove_graphs`` send ONE SPARQL update request. Oxigraph runs it in one
  transaction. Virtuoso compiles the whole request before running any of it (a malformed or
  ill-typed request changes nothing) but commits operation by operation, so only a server
  failure in the middle of the request could leave part of it applied.
- ``bulk_replace`` (``kb build`` above the ``bulk`` size) replaces graph by graph: each graph
  atomically (GSP PUT on Oxigraph and Fuseki; one update request per graph on Virtuoso,
  whose GSP PUT is not atomic), the build as a whole not.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import ClassVar
from urllib.parse import parse_qsl, quote, unquote, urljoin, urlsplit

import pyoxigraph as ox

from ..errors import InputError, StoreError
from . import Solutions, masked
from .embedded import write_update
from .http import Credentials, Http, Reply

SELECT_ACCEPT = "application/sparql-results+json"
GRAPH_ACCEPT = "application/n-triples, text/turtle;q=0.5"
DEFAULTS = {"timeout": 30.0, "retries": 3, "bulk": 200_000}

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

    def query_prologue(self, store: RemoteStore) -> str:
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

    def quads(self, store: RemoteStore) -> Iterator[ox.Quad]:
        for name in store.graph_names():
            yield from store.get_graph(name)

    def bulk_put(self, store: RemoteStore, name: ox.NamedNode, triples: list[ox.Triple]) -> None:
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

    def quads(self, store: RemoteStore) -> Iterator[ox.Quad]:
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
            if isinstance(quad.graph_name, ox.NamedNode):
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

    def query_prologue(self, store: RemoteStore) -> str:
        excluded = sorted(set(self.SYSTEM_GRAPHS) | store.system_graphs())
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

    def quads(self, store: RemoteStore) -> Iterator[ox.Quad]:
        # GSP GET is not cut at ResultSetMaxRows (measured with 25,000 triples), SELECT is
        for name in store.graph_names():
            yield from store.get_graph(name, path="/sparql-graph-crud")


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


def parse_location(
    location: str, environ: Mapping[str, str] | None = None
) -> tuple[Dialect, Endpoints]:
    """The dialect and endpoints of ``ENGINE+http(s)://[USER:PASSWORD@]HOST:PORT[/PATH][?OPTIONS]``."""
    environ = os.environ if environ is None else environ
    engine, _, url = location.partition("+")
    dialect = DIALECTS.get(engine)
    parts = urlsplit(url)
    if dialect is None or parts.scheme not in ("http", "https") or not parts.hostname:
        raise StoreError(
            f"unknown store location {masked(location)!r}: write ENGINE+http://HOST:PORT "
            f"with ENGINE one of {', '.join(DIALECTS)}"
        )
    user = unquote(parts.username) if parts.username else environ.get("KB_STORE_USER")
    password = unquote(parts.password) if parts.password else environ.get("KB_STORE_PASSWORD")
    options = dict(parse_qsl(parts.query, keep_blank_values=True))
    host = parts.hostname if ":" not in parts.hostname else f"[{parts.hostname}]"
    netloc = host + (f":{parts.port}" if parts.port else "")
    base = f"{parts.scheme}://{netloc}{parts.path.rstrip('/')}"
    shown_user = f"{quote(user, safe='')}{':***' if password else ''}@" if user else ""
    display = f"{engine}+{parts.scheme}://{shown_user}{netloc}{parts.path.rstrip('/')}"
    query, update, store = dialect.endpoints(base, options)
    scheme = options.pop("auth", dialect.auth_scheme)
    try:
        timeout = float(options.pop("timeout", DEFAULTS["timeout"]))
        retries = int(options.pop("retries", DEFAULTS["retries"]))
        bulk = int(options.pop("bulk", DEFAULTS["bulk"]))
    except ValueError as error:
        raise StoreError(f"{display}: bad option value: {error}") from None
    if options or scheme not in ("basic", "digest"):
        bad = ", ".join(options) or f"auth={scheme}"
        raise StoreError(
            f"{display}: unknown option {bad}; valid: timeout, retries, bulk, auth=basic|digest"
            + (", query, update, store" if dialect.name == "sparql" else "")
        )
    credentials = Credentials(user, password or "", scheme) if user else None
    return dialect, Endpoints(display, query, update, store, credentials, timeout, retries, bulk)


def open_remote(location: str) -> RemoteStore:
    dialect, endpoints = parse_location(location)
    return RemoteStore(dialect, endpoints)


class RemoteStore:
    """A SPARQL server behind the Store protocol; queries see the union of the KB's graphs."""

    bulk = False  # no streaming bulk path (Store.bulk): writes go through SPARQL updates

    def __init__(self, dialect: Dialect, endpoints: Endpoints, backoff: float = 0.2) -> None:
        self.dialect = dialect
        self.endpoints = endpoints
        self.location = endpoints.display  # printed by the CLI: never holds a password
        self.http = Http(endpoints.display, endpoints.timeout, endpoints.retries, backoff)
        self._system_graphs: set[str] | None = None

    def __repr__(self) -> str:
        return f"RemoteStore({self.location!r})"

    # -- queries ------------------------------------------------------------------------------

    def _query(self, sparql: str, form: str, accept: str, union: bool = True) -> Reply:
        text = sparql
        if union:
            text = self.dialect.query_prologue(self) + self.dialect.union_query(sparql)[0]
        reply = self.http.query(
            self.endpoints.query,
            text,
            form,
            accept,
            params=self.dialect.union_params if union else None,
            auth=self.dialect.read_auth(self.endpoints),
        )
        cut = reply.headers.get("x-sparql-maxrows")
        if cut:
            raise StoreError(
                f"{self.location}: the server cut the answer at {cut} rows (Virtuoso's "
                "ResultSetMaxRows); raise [SPARQL] ResultSetMaxRows in virtuoso.ini, "
                "or narrow the query"
            )
        state = reply.headers.get("x-sql-state")
        if state:  # Virtuoso's "anytime" answers: partial results after MaxQueryExecutionTime
            raise StoreError(
                f"{self.location}: the server returned a partial answer (SQL state {state}: "
                f"{reply.headers.get('x-sql-message', 'timeout')}); raise [SPARQL] "
                "MaxQueryExecutionTime in virtuoso.ini, or narrow the query"
            )
        return reply

    def _results(self, sparql: str, form: str, union: bool = True) -> dict:
        import json

        reply = self._query(sparql, form, SELECT_ACCEPT, union)
        try:
            return json.loads(reply.body.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise StoreError(f"{self.location}: unreadable query results: {error}") from error

    def select(self, sparql: str) -> Solutions:
        return self._select(sparql, union=True)

    def _select(self, sparql: str, union: bool) -> Solutions:
        results = self._results(sparql, "SELECT", union)
        if "boolean" in results:
            raise InputError("expected a SELECT query")
        added = self.dialect.union_query(sparql)[1] if union else set()
        variables = [v for v in results.get("head", {}).get("vars", []) if v not in added]
        blanks: dict[str, ox.BlankNode] = {}
        rows: list[dict[str, object]] = [
            {
                name: self.dialect.result_term(_term(value, blanks))
                for name, value in binding.items()
                if name in variables
            }
            for binding in results.get("results", {}).get("bindings", [])
        ]
        return Solutions(variables, rows)

    def ask(self, sparql: str) -> bool:
        results = self._results(sparql, "ASK")
        if "boolean" not in results:
            raise InputError("expected an ASK query")
        return bool(results["boolean"])

    def construct(self, sparql: str) -> list[ox.Triple]:
        reply = self._query(sparql, "CONSTRUCT", GRAPH_ACCEPT)
        return list(self._parse_graph(reply))

    def _parse_graph(self, reply: Reply) -> Iterator[ox.Triple]:
        media = reply.content_type.split(";")[0].strip() or "application/n-triples"
        fmt = ox.RdfFormat.from_media_type(media)
        if fmt is None:
            if media.startswith("application/sparql-results"):
                raise InputError("expected a CONSTRUCT or DESCRIBE query")
            raise StoreError(f"{self.location}: the server answered with unexpected {media!r}")
        try:
            for quad in ox.parse(reply.body, format=fmt):
                yield quad.triple
        except SyntaxError as error:
            raise StoreError(
                f"{self.location}: unreadable {fmt.name} from the server: {error}"
            ) from error

    # -- graphs ---------------------------------------------------------------------------------

    def system_graphs(self) -> set[str]:
        """The server's own graphs (Virtuoso's), found once per store."""
        if self._system_graphs is None:
            self._system_graphs = set()
            if type(self.dialect).is_system_graph is not Dialect.is_system_graph:
                names = self._select(self.dialect.list_graphs_query(), union=False)
                self._system_graphs = {
                    t.value
                    for t in names.column("g")
                    if isinstance(t, ox.NamedNode) and self.dialect.is_system_graph(t.value)
                }
        return self._system_graphs

    def graph(self, name: ox.NamedNode) -> list[ox.Triple]:
        return self.construct(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {name} {{ ?s ?p ?o }} }}")

    def graph_names(self) -> list[ox.NamedNode]:
        rows = self._select(self.dialect.list_graphs_query(), union=False)
        names = [t for t in rows.column("g") if isinstance(t, ox.NamedNode)]
        return [n for n in names if not self.dialect.is_system_graph(n.value)]

    def quads(self) -> Iterator[ox.Quad]:
        if not self.endpoints.store:
            yield from self._quads_by_select()
            return
        yield from self.dialect.quads(self)

    def _quads_by_select(self) -> Iterator[ox.Quad]:
        for name in self.graph_names():
            rows = self._select(
                f"SELECT ?s ?p ?o WHERE {{ GRAPH {name} {{ ?s ?p ?o }} }}", union=False
            )
            for row in rows.rows:
                yield ox.Quad(row["s"], row["p"], row["o"], name)  # type: ignore[arg-type]

    def get_graph(self, name: ox.NamedNode, path: str | None = None) -> Iterator[ox.Quad]:
        """One graph through the Graph Store Protocol (GET)."""
        url = self._store_url(path)
        reply = self.http.send(
            "GET",
            url,
            f"read graph {name}",
            write=False,
            auth=None if path else self.endpoints.credentials,
            params={self.dialect.graph_param: name.value},
            headers={"Accept": GRAPH_ACCEPT},
            ok_missing=True,
        )
        if reply.status == 404:
            return
        for triple in self._parse_graph(reply):
            yield ox.Quad(triple.subject, triple.predicate, triple.object, name)

    def _store_url(self, path: str | None) -> str:
        assert self.endpoints.store
        if path is None:
            return self.endpoints.store
        parts = urlsplit(self.endpoints.store)
        return f"{parts.scheme}://{parts.netloc}{path}"

    # -- writes ---------------------------------------------------------------------------------

    def write(self, replace: Graphs | None = None, insert: Graphs | None = None) -> None:
        """Replace and extend graphs in ONE update request (see the module docstring)."""
        replace = {name: list(triples) for name, triples in (replace or {}).items()}
        insert = {name: list(triples) for name, triples in (insert or {}).items()}
        self._update(self.dialect.update_text(replace, insert), "write")

    def remove_graphs(self, names: Iterable[ox.NamedNode]) -> None:
        self._update(" ;\n".join(f"DROP SILENT GRAPH {name}" for name in names), "remove graphs")

    def bulk_replace(self, graphs: Graphs) -> None:
        """Replace many graphs: in one request up to ``bulk`` triples, else graph by graph."""
        lists = {name: list(triples) for name, triples in graphs.items()}
        if sum(len(t) for t in lists.values()) <= self.endpoints.bulk:
            self.write(replace=lists)
            return
        for name, triples in lists.items():
            self.dialect.bulk_put(self, name, triples)

    def put_graph(self, name: ox.NamedNode, triples: list[ox.Triple]) -> None:
        """Replace one graph with a Graph Store Protocol PUT of N-Triples."""
        body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
        self.http.send(
            "PUT",
            self._store_url(None),
            f"replace graph {name}",
            write=True,
            auth=self.endpoints.credentials,
            params={self.dialect.graph_param: name.value},
            data=body,
            headers={"Content-Type": "application/n-triples"},
        )

    def _update(self, sparql: str, what: str) -> None:
        if not sparql.strip():
            return
        if not self.endpoints.update:
            raise StoreError(
                f"{self.location}: no update endpoint; give update=URL in the location"
            )
        self.http.send(
            "POST",
            self.endpoints.update,
            what,
            write=True,
            auth=self.endpoints.credentials,
            data=sparql.encode("utf-8"),
            headers={"Content-Type": "application/sparql-update; charset=utf-8"},
        )

    def close(self) -> None:
        self.http.close()


def _term(
    value: Mapping[str, str], blanks: dict[str, ox.BlankNode]
) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """A term of SPARQL JSON results (also Virtuoso's older "typed-literal")."""
    kind, text = value.get("type"), value.get("value", "")
    if kind == "uri":
        return ox.NamedNode(text)
    if kind == "bnode":
        return blanks.setdefault(text, ox.BlankNode())
    language = value.get("xml:lang")
    if language:
        return ox.Literal(text, language=language)
    datatype = value.get("datatype")
    return ox.Literal(text, datatype=ox.NamedNode(datatype)) if datatype else ox.Literal(text)
