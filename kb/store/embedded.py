"""The default backend: an on-disk pyoxigraph (RocksDB) store in one directory."""

from __future__ import annotations

import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import IO, TypeVar

import pyoxigraph as ox

from ..errors import InputError, StoreError
from ..machine import usable_cores
from . import Solutions


def write_update(
    replace: Mapping[ox.NamedNode, Iterable[ox.Triple]],
    insert: Mapping[ox.NamedNode, Iterable[ox.Triple]],
) -> str:
    """One SPARQL update request that replaces and extends named graphs."""
    operations = [f"DROP SILENT GRAPH {name}" for name in replace]
    for graphs in (replace, insert):
        for name, triples in graphs.items():
            body = " .\n".join(f"{t.subject} {t.predicate} {t.object}" for t in triples)
            if body:
                operations.append(f"INSERT DATA {{ GRAPH {name} {{\n{body} .\n}} }}")
    return " ;\n".join(operations)


# How often a queued writer tries the store's lock again; how many times a reader tries to
# open the store beside a writer.
RETRY_SECONDS = 0.1
READ_ONLY_ATTEMPTS = 20
T = TypeVar("T")
Item = TypeVar("Item")


def _locked(error: OSError) -> bool:
    """Whether opening failed because another process holds the store's write lock."""
    text = str(error).lower()
    return "lock" in text and ("unavailable" in text or "no locks" in text or "hold" in text)


class EmbeddedStore:
    """A pyoxigraph store on disk; every write is one transaction.

    One process at a time may hold a store for writing (RocksDB's lock): a writer opened
    with ``wait`` seconds queues for it, calling ``on_wait`` once when it has to wait.
    Readers open it read-only (``read_only=True``), beside any writer, and see the store as
    the last completed write left it.

    It has the bulk path of the Store protocol: graphs it does not hold yet are added with
    the engine's own transactional insert, no SPARQL text, and ``dump`` streams from RocksDB.
    """

    bulk = True

    def __init__(
        self,
        path: str | Path,
        read_only: bool = False,
        wait: float = 0.0,
        on_wait: Callable[[], None] | None = None,
    ) -> None:
        self.location = str(path)
        self.read_only = read_only
        if read_only:
            self._store = self._open_read_only(path)
            return
        deadline = time.monotonic() + wait
        waited = False
        while True:
            try:
                self._store = ox.Store(str(path))
                return
            except OSError as error:
                if not _locked(error):
                    raise StoreError(f"cannot open the store at {path}: {error}") from error
                if time.monotonic() >= deadline:
                    raise StoreError(
                        f"the store at {path} is busy: another kb command is writing"
                        + (f" (waited {wait:g} s; raise --wait to wait longer)" if wait else "")
                    ) from error
                if not waited and on_wait is not None:
                    on_wait()
                waited = True
                time.sleep(RETRY_SECONDS)

    @staticmethod
    def _open_read_only(path: str | Path) -> ox.Store:
        if not Path(path).is_dir():
            raise StoreError(f"no KB at {path}: create one with kb build or kb init")
        for attempt in range(READ_ONLY_ATTEMPTS):
            try:
                return ox.Store.read_only(str(path))
            except (OSError, RuntimeError) as error:  # a writer replacing its files right now
                if attempt == READ_ONLY_ATTEMPTS - 1:
                    raise StoreError(f"cannot open the store at {path} to read: {error}") from error
                time.sleep(RETRY_SECONDS)
        raise AssertionError("unreachable")

    def version(self) -> tuple[int, int]:
        """What changes when a write completes: the newest modification time and the count of
        the store's files (cheap: one directory listing)."""
        if self.location == ":memory:":
            return (0, 0)
        entries = list(os.scandir(self.location))
        return (max((e.stat().st_mtime_ns for e in entries), default=0), len(entries))

    def reopened(self) -> EmbeddedStore:
        """A new read-only view of the same directory (what a reader sees after a write)."""
        return EmbeddedStore(self.location, read_only=True)

    @classmethod
    def in_memory(cls) -> EmbeddedStore:
        """A throw-away store, for validation contexts and tests."""
        self = cls.__new__(cls)
        self.location = ":memory:"
        self.read_only = False
        self._store = ox.Store()
        return self

    def _query(self, sparql: str) -> object:
        try:
            return self._store.query(sparql, use_default_graph_as_union=True)
        except SyntaxError as error:
            raise InputError(f"SPARQL syntax error: {error}") from error

    def _read(self, answer: Callable[[], T]) -> T:
        """One read; a read-only view retries once on a fresh view when a writer's compaction
        removed a file under it (RocksDB leaves read-only openers beside a writer on their own)."""
        for attempt in (1, 2):
            try:
                return answer()
            except BrokenPipeError:  # the reader of what the answer is written to has gone
                raise
            except (OSError, RuntimeError) as error:
                if not self.read_only or attempt == 2:
                    raise StoreError(f"query failed on {self.location}: {error}") from error
                self._store = self._open_read_only(self.location)
        raise AssertionError("unreachable")

    def select(self, sparql: str) -> Solutions:
        def answer() -> Solutions:
            result = self._query(sparql)
            if not isinstance(result, ox.QuerySolutions):
                raise InputError("expected a SELECT query")
            variables = [v.value for v in result.variables]
            rows = [
                {
                    name: term
                    for name, term in zip(variables, solution, strict=True)
                    if term is not None
                }
                for solution in result
            ]
            return Solutions(variables, rows)

        return self._read(answer)

    def select_stream(self, sparql: str) -> tuple[list[str], Iterator[dict[str, object]]]:
        """A SELECT query's variables, and its rows as the engine produces them: a listing's
        first rows arrive before its last are computed (a sorted one's only after the sort)."""
        result = self._read(lambda: self._query(sparql))
        if not isinstance(result, ox.QuerySolutions):
            raise InputError("expected a SELECT query")
        variables = [v.value for v in result.variables]

        def rows() -> Iterator[dict[str, object]]:
            try:
                for solution in result:
                    yield {
                        name: term
                        for name, term in zip(variables, solution, strict=True)
                        if term is not None
                    }
            except (OSError, RuntimeError) as error:
                raise StoreError(f"query failed on {self.location}: {error}") from error

        return variables, rows()

    def ask(self, sparql: str) -> bool:
        def answer() -> bool:
            result = self._query(sparql)
            if not isinstance(result, ox.QueryBoolean):
                raise InputError("expected an ASK query")
            return bool(result)

        return self._read(answer)

    def construct(self, sparql: str) -> list[ox.Triple]:
        def answer() -> list[ox.Triple]:
            result = self._query(sparql)
            if not isinstance(result, ox.QueryTriples):
                raise InputError("expected a CONSTRUCT or DESCRIBE query")
            return list(result)

        return self._read(answer)

    def write(
        self,
        replace: Mapping[ox.NamedNode, Iterable[ox.Triple]] | None = None,
        insert: Mapping[ox.NamedNode, Iterable[ox.Triple]] | None = None,
    ) -> None:
        """One transaction. When no graph of ``replace`` is in the store there is nothing to
        drop, and the triples go in through the bulk path (``add_new``); otherwise one SPARQL
        update drops and inserts."""
        replace, insert = replace or {}, insert or {}
        if any(self.holds_graph(name) for name in replace):
            self._update(write_update(replace, insert))
            return
        self.add_new(
            ox.Quad(t.subject, t.predicate, t.object, name)
            for graphs in (replace, insert)
            for name, triples in graphs.items()
            for t in triples
        )

    def add_new(self, quads: Iterable[ox.Quad]) -> None:
        self._write(lambda: self._store.extend(quads))

    def holds_graph(self, name: ox.NamedNode) -> bool:
        return self._store.contains_named_graph(name)

    def dump(
        self, output: IO[bytes], fmt: ox.RdfFormat, prefixes: Mapping[str, str] | None
    ) -> None:
        """The engine's own serialiser, straight from RocksDB to ``output``, graph by graph on
        every core (the engine releases the interpreter while it serialises), in the store's
        graph order. Prefixes are written once. A triple format (Turtle, N-Triples) has no
        graphs, so its output is the union of the graphs (a blank node keeps its store-wide
        label in every graph it is in); TriG wraps each graph's Turtle in its name, N-Quads
        ends each of a graph's N-Triples lines with it; JSON-LD is one dump of the store."""
        names = dict(prefixes) if prefixes else None
        if fmt == ox.RdfFormat.JSON_LD:
            self._read(lambda: self._store.dump(output, fmt, prefixes=names))
            return
        graphs: list[ox.DefaultGraph | ox.NamedNode | ox.BlankNode] = [ox.DefaultGraph()]
        graphs.extend(self._read(lambda: list(self._store.named_graphs())))
        body = ox.RdfFormat.N_TRIPLES if fmt == ox.RdfFormat.N_QUADS else fmt
        if fmt == ox.RdfFormat.TRIG:
            body = ox.RdfFormat.TURTLE

        def serialised(graph: ox.DefaultGraph | ox.NamedNode | ox.BlankNode) -> bytes:
            chunk = self._read(
                lambda: self._store.dump(format=body, from_graph=graph, prefixes=names) or b""
            )
            return _in_graph(chunk, graph, fmt)

        header = False
        for chunk in in_order_on_every_core(serialised, graphs):
            output.write(_without_prefix_lines(chunk) if header else chunk)
            header = header or chunk.startswith(b"@prefix ")

    def remove_graphs(self, names: Iterable[ox.NamedNode]) -> None:
        self._update(" ;\n".join(f"DROP SILENT GRAPH {name}" for name in names))

    def _update(self, sparql: str) -> None:
        if sparql.strip():
            self._write(lambda: self._store.update(sparql))

    def _write(self, transaction: Callable[[], None]) -> None:
        """Run one write transaction and flush it; refused on a read-only view."""
        if self.read_only:
            raise StoreError(f"the store at {self.location} was opened read-only")
        try:
            transaction()
            self._store.flush()
        except OSError as error:
            raise StoreError(f"write failed on {self.location}: {error}") from error

    def graph_names(self) -> list[ox.NamedNode]:
        return [g for g in self._store.named_graphs() if isinstance(g, ox.NamedNode)]

    def graph(self, name: ox.NamedNode) -> list[ox.Triple]:
        return self._read(
            lambda: [q.triple for q in self._store.quads_for_pattern(None, None, None, name)]
        )

    def quads(self) -> Iterator[ox.Quad]:
        return iter(self._store)

    def close(self) -> None:
        del self._store


def in_order_on_every_core(
    work: Callable[[Item], T], items: Iterable[Item], ahead: int = 4
) -> Iterator[T]:
    """``work`` of each item, in the items' order, computed on every core (a thread per core:
    for work that releases the interpreter), at most ``ahead`` results per core waiting."""
    cores = usable_cores()
    with ThreadPoolExecutor(max_workers=cores) as pool:
        pending: deque[Future[T]] = deque()
        for item in items:
            pending.append(pool.submit(work, item))
            if len(pending) >= cores * ahead:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def _in_graph(
    chunk: bytes, graph: ox.DefaultGraph | ox.NamedNode | ox.BlankNode, fmt: ox.RdfFormat
) -> bytes:
    """One graph's triples as a part of a dataset format: a TriG block named by the graph, or
    N-Quads lines ending with it (in N-Triples a raw line break only ends a statement)."""
    if not chunk or isinstance(graph, ox.DefaultGraph):
        return chunk
    if fmt == ox.RdfFormat.N_QUADS:
        return chunk.replace(b" .\n", f" {graph} .\n".encode())
    if fmt == ox.RdfFormat.TRIG:
        prefixes = len(chunk) - len(_without_prefix_lines(chunk))
        return chunk[:prefixes] + f"{graph} {{\n".encode() + chunk[prefixes:] + b"}\n"
    return chunk


def _without_prefix_lines(chunk: bytes) -> bytes:
    """A Turtle chunk without the ``@prefix`` lines the serialiser writes first."""
    start = 0
    while chunk.startswith(b"@prefix ", start):
        start = chunk.index(b"\n", start) + 1
    return chunk[start:]


class FreshView:
    """A read-only view of an embedded store that follows its writers: before each query it
    reopens the store if a write has completed since (one directory listing per query; a
    reopen costs about 20 ms, and only after a write)."""

    bulk = False  # served read-only: nothing is written through it

    def __init__(self, store: EmbeddedStore) -> None:
        self.location = store.location
        self._store = store
        self._version = store.version()
        self._reopening = threading.Lock()

    def current(self) -> EmbeddedStore:
        """The view to query now (safe from several threads: a view being replaced is left to
        the queries still running on it, and closed when the last lets go of it)."""
        version = self._store.version()
        if version != self._version:
            with self._reopening:
                if version != self._version:
                    self._store, self._version = self._store.reopened(), version
        return self._store

    def select(self, sparql: str) -> Solutions:
        return self.current().select(sparql)

    def select_stream(self, sparql: str) -> tuple[list[str], Iterator[dict[str, object]]]:
        return self.current().select_stream(sparql)

    def ask(self, sparql: str) -> bool:
        return self.current().ask(sparql)

    def construct(self, sparql: str) -> list[ox.Triple]:
        return self.current().construct(sparql)

    def write(
        self,
        replace: Mapping[ox.NamedNode, Iterable[ox.Triple]] | None = None,
        insert: Mapping[ox.NamedNode, Iterable[ox.Triple]] | None = None,
    ) -> None:
        raise StoreError(f"the store at {self.location} is served read-only")

    def remove_graphs(self, names: Iterable[ox.NamedNode]) -> None:
        raise StoreError(f"the store at {self.location} is served read-only")

    def graph_names(self) -> list[ox.NamedNode]:
        return self.current().graph_names()

    def graph(self, name: ox.NamedNode) -> list[ox.Triple]:
        return self.current().graph(name)

    def quads(self) -> Iterator[ox.Quad]:
        return self.current().quads()

    def close(self) -> None:
        self._store.close()
