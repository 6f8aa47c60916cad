"""The embedded store's streaming bulk paths: what ``kb build`` and ``kb add`` write with.

A SPARQL update (``DROP GRAPH``, ``INSERT DATA``) is parsed and applied by pyoxigraph in one
transaction held in memory: 3.3 KB per triple and a fifth of ``oxigraph load``'s speed. kb
writes that way only when it must replace a graph the store holds. Everywhere else:

``build_new(path, quads)``
    Creates a NEW store at ``path`` (nothing there, or an empty directory) from a stream of
    quads, as ``kb build`` does into a new location. The quads go through pyoxigraph's bulk
    loader (sorted runs written straight to RocksDB files, never all in memory) into a
    temporary directory beside ``path``, which is compacted (``optimize``) and then renamed to
    ``path``. The rename is the commit: a reader, or a crash, sees either no store at ``path``
    or the complete one. The bulk loader leaves its sorted runs side by side, and every read
    of such a store looks in each of them: compacted, six saved queries took 1.6 to 2.7
    times less CPU at 10^5 statements (3.8 million quads; compacting took 6 to 16 s, and the store
    grew from 0.8 to 1.3 GB on disk), and the headline's CPU went from 59 to 6 s at 10^6
    (the README's Benchmarks section has the commands).

``EmbeddedStore.add_new(quads)`` (the Store protocol's bulk path)
    Adds quads to an EXISTING store in one RocksDB transaction, without SPARQL text, as
    ``kb add`` does when every graph it writes is new (a new source, its record): all or
    nothing; its memory grows with what it writes (about 2 KB per triple), not with the KB.

Neither validates anything: validate first, as ``kb.kbase`` does.
"""

from __future__ import annotations

import itertools
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox

from ..errors import StoreError
from .embedded import EmbeddedStore

# Quads given to the bulk loader per call. In one call it holds up to three batches of a
# million quads at once: 2,079 MB at 10^6 statements (38 million quads). A million at a time
# it holds one: 1,180 MB, for more CPU (648 against 478 s with the compaction, as RocksDB
# merges the runs of each call while the next loads; +7% at 10^5).
BULK_CHUNK = 1_000_000


def build_new(path: str | Path, quads: Iterable[ox.Quad]) -> EmbeddedStore:
    """A new embedded store at ``path`` holding ``quads``, committed by a directory rename."""
    target = Path(path)
    if target.exists() and not (target.is_dir() and not any(target.iterdir())):
        raise StoreError(
            f"cannot build a new store at {target}: it exists (remove it, or write to it with kb add)"
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.building-", dir=target.parent))
    try:
        store = ox.Store(str(staging))
        for chunk in _chunks(quads, BULK_CHUNK):
            store.bulk_extend(chunk)
        store.flush()
        store.optimize()
        del store  # closes RocksDB before the directory moves
        os.rename(staging, target)  # onto an empty directory too: still one atomic step
    except BaseException as error:
        shutil.rmtree(staging, ignore_errors=True)
        if isinstance(error, OSError):
            raise StoreError(f"bulk build of {target} failed: {error}") from error
        raise
    return EmbeddedStore(target)


def _chunks(quads: Iterable[ox.Quad], size: int) -> Iterator[Iterator[ox.Quad]]:
    """``quads`` as consecutive runs of at most ``size``, none held in a list."""
    stream = iter(quads)
    for first in stream:
        yield itertools.chain((first,), itertools.islice(stream, size - 1))
