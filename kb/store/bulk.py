"""Bulk loading for the embedded store: millions of triples at the speed of ``oxigraph load``.

``EmbeddedStore.write`` sends one SPARQL update, which pyoxigraph parses and applies in one
transaction held in memory: at 3.3 million triples (10^5 statements) that is several times
slower than Oxigraph's own bulk loader and needs about 10 GB. The two functions here are the
fast paths, and they differ in what is atomic:

``build_new(path, quads)``
    Creates a NEW store at ``path`` (which must not exist) from a stream of quads. The quads
    are written with pyoxigraph's bulk loader (sorted runs written straight to RocksDB files,
    never all in memory) into a temporary directory beside ``path``, which is then renamed to
    ``path``. The rename is the commit: a reader, or a crash, sees either no store at ``path``
    or the complete one, never part of it. This is what ``kb build`` into a new location
    wants. The directory of ``path`` must be on one filesystem (it is: the temporary
    directory is its sibling).

``replace_graphs(store, graphs)``
    Replaces named graphs of an EXISTING embedded store, graph by graph: for each graph one
    update drops it and one ``Store.extend`` call (a single transaction) inserts its triples.
    Each graph's new content appears all at once, but between the drop and the insert of a
    graph a reader sees that graph empty, and a failure part way leaves the graphs before it
    replaced and those after it untouched. Use ``EmbeddedStore.write`` when a change must be
    all or nothing across graphs (``kb add`` of one article is small enough for it).

Neither validates anything: validate first, as ``kb.kbase.build`` does.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path

import pyoxigraph as ox

from ..errors import StoreError
from .embedded import EmbeddedStore


def build_new(path: str | Path, quads: Iterable[ox.Quad]) -> EmbeddedStore:
    """A new embedded store at ``path`` holding ``quads``, committed by a directory rename."""
    target = Path(path)
    if target.exists():
        raise StoreError(
            f"cannot build a new store at {target}: it exists (remove it, or use replace_graphs)"
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.building-", dir=target.parent))
    try:
        store = ox.Store(str(staging))
        store.bulk_extend(quads)
        store.flush()
        del store  # closes RocksDB before the directory moves
        os.rename(staging, target)
    except BaseException as error:
        shutil.rmtree(staging, ignore_errors=True)
        if isinstance(error, OSError):
            raise StoreError(f"bulk build of {target} failed: {error}") from error
        raise
    return EmbeddedStore(target)


def replace_graphs(
    store: EmbeddedStore, graphs: Mapping[ox.NamedNode, Iterable[ox.Triple]]
) -> None:
    """Replace each graph of ``graphs``, one transaction per graph (see the module docstring)."""
    raw: ox.Store = store._store  # noqa: SLF001 - this module is the embedded store's bulk path
    try:
        for name, triples in graphs.items():
            raw.update(f"DROP SILENT GRAPH {name}")
            raw.extend(ox.Quad(t.subject, t.predicate, t.object, name) for t in triples)
        raw.flush()
    except OSError as error:
        raise StoreError(f"bulk write to {store.location} failed: {error}") from error
