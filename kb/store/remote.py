"""SPARQL servers as kb stores: Oxigraph server, Virtuoso, Fuseki, or any SPARQL 1.1 server.

Locations, in the ``ENGINE+URL`` form (credentials may instead come from KB_STORE_USER
and KB_STORE_PASSWORD, and are masked in every message)::

    oxigraph+http://127.0.0.1:7878
    virtuoso+http://dba:secret@127.0.0.1:8890
    fuseki+http://127.0.0.1:3030/kb
    sparql+http://host:7200/repositories/kb?update=/repositories/kb/statements&store=/repositories/kb/rdf-graphs/service

Options in the query string: ``timeout`` (seconds, default 30), ``retries`` (default 3),
``bulk`` (a build larger than this many triples is loaded graph by graph, default 200000),
``lease`` (seconds a writer holds the writers' lock without renewing it, default 30),
``auth`` (basic or digest); ``sparql+`` also takes ``query``, ``update`` and ``store`` URLs
(absolute, or paths relative to the location).

Writers (docs/servers.md says the same, with the measurements):

- A store opened with ``wait`` (every kb command that writes) holds the writers' lock kept in
  the store (``serverlock``) until it is closed, so writers queue and each reads the KB as
  the writer before it left it; on taking the lock it first undoes any write left half done.
- Its ``write`` is all or nothing (``journal``): the old content of the graphs it touches is
  kept in the store first, the write is one request that also removes that journal, and a
  write that fails, on any server, is undone from it (at once, or by the next writer).
- Without the lock, ``write`` and ``remove_graphs`` send ONE update request: Oxigraph runs it
  in one transaction; Virtuoso refuses a malformed one whole, but keeps the operations that
  ran before one that fails, so only the journal makes it all or nothing there.
- ``bulk_replace`` (``kb build``) is never journalled: up to ``bulk`` triples one request,
  above it graph by graph, each graph atomically (GSP PUT on Oxigraph and Fuseki; one update
  request per graph on Virtuoso, whose GSP PUT is not atomic), the build as a whole not.
"""

from __future__ import annotations

import os
import time
import weakref
from collections.abc import Callable, Iterable, Iterator, Mapping
from urllib.parse import parse_qsl, quote, unquote, urlsplit

import pyoxigraph as ox

from ..errors import InputError, StoreError
from . import Solutions, journal, masked
from .dialects import DIALECTS, GRAPH_ACCEPT, Dialect, Endpoints, Graphs
from .http import Credentials, Http, Reply
from .serverlock import LEASE_SECONDS, LOCK_GRAPH, ServerLock

SELECT_ACCEPT = "application/sparql-results+json"
DEFAULTS = {"timeout": 30.0, "retries": 3, "bulk": 200_000, "lease": LEASE_SECONDS}


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
        lease = float(options.pop("lease", DEFAULTS["lease"]))
    except ValueError as error:
        raise StoreError(f"{display}: bad option value: {error}") from None
    if options or scheme not in ("basic", "digest"):
        bad = ", ".join(options) or f"auth={scheme}"
        raise StoreError(
            f"{display}: unknown option {bad}; valid: timeout, retries, bulk, lease, auth=basic|digest"
            + (", query, update, store" if dialect.name == "sparql" else "")
        )
    credentials = Credentials(user, password or "", scheme) if user else None
    return dialect, Endpoints(
        display, query, update, store, credentials, timeout, retries, bulk, lease
    )


def open_remote(
    location: str, wait: float | None = None, on_wait: Callable[[], None] | None = None
) -> RemoteStore:
    """The server at ``location``; with ``wait``, holding the writers' lock (queued up to
    ``wait`` seconds, ``on_wait`` called once if it has to) and with any failed write undone."""
    dialect, endpoints = parse_location(location)
    store = RemoteStore(dialect, endpoints)
    if wait is not None:
        store.take_lock(wait, on_wait)
    return store


class RemoteStore:
    """A SPARQL server behind the Store protocol; queries see the union of the KB's graphs."""

    bulk = False  # no streaming bulk path (Store.bulk): writes go through SPARQL updates

    def __init__(self, dialect: Dialect, endpoints: Endpoints, backoff: float = 0.2) -> None:
        self.dialect = dialect
        self.endpoints = endpoints
        self.location = endpoints.display  # printed by the CLI: never holds a password
        self.http = Http(endpoints.display, endpoints.timeout, endpoints.retries, backoff)
        self._system_graphs: set[str] | None = None
        self._lock: ServerLock | None = None
        self._release: weakref.finalize | None = None

    def take_lock(self, wait: float, on_wait: Callable[[], None] | None = None) -> None:
        """Hold the writers' lock until ``close`` (see ``serverlock``), then undo any write
        a writer before left half done (see ``journal``): every later read sees the KB as the
        last completed write left it, and every write is journalled."""
        lock = ServerLock(
            RemoteStore(self.dialect, self.endpoints),
            self.endpoints.lease,
            self.endpoints.timeout,
        )
        lock.acquire(wait, on_wait)
        self._release = weakref.finalize(self, lock.release)  # also if never closed
        self._lock = lock
        try:
            journal.undo(self)
        except BaseException:
            self._release()
            raise

    def __repr__(self) -> str:
        return f"RemoteStore({self.location!r})"

    # -- queries ------------------------------------------------------------------------------

    def _query(self, sparql: str, form: str, accept: str, union: bool = True) -> Reply:
        text = sparql
        if union:
            text = self.dialect.query_prologue(self) + self.dialect.union_query(sparql)[0]
        for attempt in range(self.endpoints.retries + 1):
            reply = self.http.query(
                self.endpoints.query,
                text,
                form,
                accept,
                params=self.dialect.union_params if union else None,
                auth=self.dialect.read_auth(self.endpoints),
            )
            # Virtuoso answers a read that met a writer's locks "deadlocked" (SR172), seen
            # beside a writer killed mid-request: the read is simply asked again
            if "deadlock" not in reply.headers.get("x-sql-message", "").lower():
                break
            time.sleep(self.http.backoff * 2**attempt)
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
        return [n for n in names if n != LOCK_GRAPH and not self.dialect.is_system_graph(n.value)]

    def quads(self) -> Iterator[ox.Quad]:
        """Every quad of the KB's graphs (not the server's own, nor the writers' lock)."""
        yield from self.dialect.quads(self)

    def quads_by_select(self, name: ox.NamedNode) -> Iterator[ox.Quad]:
        """One graph by a SELECT (for a server without the Graph Store Protocol)."""
        rows = self._select(f"SELECT ?s ?p ?o WHERE {{ GRAPH {name} {{ ?s ?p ?o }} }}", union=False)
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
        """Replace and extend graphs: all or nothing under the writers' lock (journalled),
        else in one update request (see the module docstring)."""
        if self._lock is not None:
            journal.write(self, self._lock, replace or {}, insert or {})
        else:
            self._write_once(replace or {}, insert or {})

    def _write_once(self, replace: Graphs, insert: Graphs) -> None:
        replace = {name: list(triples) for name, triples in replace.items()}
        insert = {name: list(triples) for name, triples in insert.items()}
        self._update(self.dialect.update_text(replace, insert), "write")

    def remove_graphs(self, names: Iterable[ox.NamedNode]) -> None:
        self._update(" ;\n".join(f"DROP SILENT GRAPH {name}" for name in names), "remove graphs")

    def bulk_replace(self, graphs: Graphs) -> None:
        """Replace many graphs: in one request up to ``bulk`` triples, else graph by graph."""
        lists = {name: list(triples) for name, triples in graphs.items()}
        if sum(len(t) for t in lists.values()) <= self.endpoints.bulk:
            self._write_once(lists, {})  # one request, not journalled: a build is run again
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
        if self._release is not None:
            self._release()  # gives the writers' lock back, once
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
