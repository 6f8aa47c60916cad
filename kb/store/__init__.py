"""The one narrow interface every backend implements, and how a location string opens one.

A location is a filesystem path (the embedded on-disk store) or, for a SPARQL server,
``ENGINE+http://...`` in the form SQLAlchemy users know.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import IO, Protocol, cast, runtime_checkable

from pyoxigraph import CanonicalizationAlgorithm, Dataset, NamedNode, Quad, RdfFormat, Triple

from ..errors import StoreError

Term = object  # a pyoxigraph NamedNode, BlankNode or Literal


@dataclass
class Solutions:
    """The rows of a SELECT query: variable names in order, each row a dict of bound terms."""

    variables: list[str]
    rows: list[dict[str, Term]] = field(default_factory=list)

    def column(self, name: str) -> list[Term | None]:
        return [row.get(name) for row in self.rows]


@runtime_checkable
class Store(Protocol):
    """What kb needs of a triple store. Queries see the union of all named graphs.

    ``bulk`` declares whether the store also has the streaming bulk path of
    :class:`BulkStore` (new graphs added in one transaction without SPARQL text, a dump by
    the engine itself): the embedded store has it; a SPARQL server says it has not, and kb
    writes to it through ``write`` (and ``bulk_replace``, graph by graph, for a large build).
    """

    location: str
    bulk: bool

    def select(self, sparql: str) -> Solutions: ...

    def ask(self, sparql: str) -> bool: ...

    def construct(self, sparql: str) -> list[Triple]: ...

    def write(
        self,
        replace: Mapping[NamedNode, Iterable[Triple]] | None = None,
        insert: Mapping[NamedNode, Iterable[Triple]] | None = None,
    ) -> None:
        """In one transaction: replace each graph of ``replace`` by its triples, add ``insert``'s."""
        ...

    def remove_graphs(self, names: Iterable[NamedNode]) -> None:
        """Remove named graphs, all or nothing."""
        ...

    def graph_names(self) -> list[NamedNode]: ...

    def graph(self, name: NamedNode) -> list[Triple]:
        """Every triple of one named graph (none if there is no such graph)."""
        ...

    def quads(self) -> Iterator[Quad]:
        """Every quad of the store, in no particular order."""
        ...

    def close(self) -> None: ...


class BulkStore(Store, Protocol):
    """A store with the streaming bulk path (``bulk`` is true)."""

    def add_new(self, quads: Iterable[Quad]) -> None:
        """Add ``quads`` in one transaction, all or nothing, as the engine loads them (no
        SPARQL text): for graphs the store does not hold yet, or only extends."""
        ...

    def holds_graph(self, name: NamedNode) -> bool:
        """Whether the store has a graph of that name (cheap: no triple is read)."""
        ...

    def dump(self, output: IO[bytes], fmt: RdfFormat, prefixes: Mapping[str, str] | None) -> None:
        """Write the whole store to ``output`` in ``fmt``, serialised by the engine; a triple
        format gets the union of all graphs."""
        ...


def bulk_path(store: Store) -> BulkStore | None:
    """The store's bulk path, or None when it declares it has none."""
    return cast(BulkStore, store) if getattr(store, "bulk", False) else None


def replace_in_bulk(store: Store, graphs: Mapping[NamedNode, Iterable[Triple]]) -> None:
    """Replace many graphs, as ``kb build`` does: a store with a bulk path (a SPARQL server,
    for a build too large for one request) loads graph by graph, each graph atomically;
    any other store writes them in one transaction."""
    bulk = getattr(store, "bulk_replace", None)
    if bulk is not None:
        bulk(graphs)
    else:
        store.write(replace=graphs)


def content_hash(store: Store) -> str:
    """A SHA-256 of the store's canonical N-Quads: equal iff the contents are isomorphic.

    Blank nodes are relabelled canonically (RDF canonicalization), so re-loading the same
    Turtle, which mints new blank node labels, leaves the hash unchanged.
    """
    dataset = Dataset(store.quads())
    dataset.canonicalize(CanonicalizationAlgorithm.UNSTABLE)
    lines = sorted(str(quad) for quad in dataset)
    digest = hashlib.sha256()
    for line in lines:
        digest.update(line.encode("utf-8") + b"\n")
    return digest.hexdigest()


def masked(location: str) -> str:
    """The location as it may be printed: any password in it replaced by ``***``."""
    return re.sub(r"(://[^/:@?#]*):[^/?#]*@", r"\1:***@", location)


def open_store(
    location: str,
    read_only: bool = False,
    wait: float | None = None,
    on_wait: Callable[[], None] | None = None,
) -> Store:
    """Open the store at ``location``: a path, or ``ENGINE+http://...`` for a SPARQL server.

    An embedded store opened ``read_only`` never takes the write lock; a writer always takes
    it. A server's writers' lock (kb.store.serverlock) is taken only by a writer opened with
    ``wait``. Either queues up to ``wait`` seconds (``on_wait`` is called once if it has to).
    """
    engine, sep, _ = location.partition("+")
    if sep and "://" in location and "/" not in engine:
        from .remote import open_remote  # imported lazily: embedded users need no HTTP stack

        return open_remote(location, None if read_only else wait, on_wait)
    if "://" in location:
        raise StoreError(
            f"unknown store location {masked(location)!r}: use a directory path, or ENGINE+http://HOST:PORT "
            "with ENGINE one of oxigraph, virtuoso, fuseki, sparql"
        )
    from .embedded import EmbeddedStore

    return EmbeddedStore(location, read_only=read_only, wait=wait or 0.0, on_wait=on_wait)
