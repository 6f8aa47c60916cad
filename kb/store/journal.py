"""All or nothing on a SPARQL server: every locked write keeps an undo journal in the store.

Oxigraph runs an update request in one transaction, but Virtuoso commits a request
operation by operation when one fails (measured: ``INSERT DATA …; CREATE GRAPH <existing>``
keeps the insert), and neither can be told that the client died after the write. So a
writer holding the lock (``serverlock``) writes in three steps:

1. **Journal**: the old content of every graph it will touch, as N-Quads text in literals
   (``lock:undo``, in chunks Virtuoso parses safely), then, in the last journal request, the
   names of those graphs (``lock:touches``), which arms the journal.
2. **Write**: one update request with the new content, ending with the operation that
   deletes the journal. Its commit is the commit of the write: a write that failed, on any
   server, leaves the journal behind.
3. **Undo** whenever a journal is left: at once if the server still answers, else by the next
   writer as soon as it takes the lock, before it reads anything. Undoing replaces each
   touched graph by its journalled content and deletes the journal, in one request that
   can be repeated until it succeeds.

A write that timed out is not undone at once (the server may still be running it): the
next writer undoes it, if it did not complete.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import pyoxigraph as ox

from ..errors import StoreError
from ..namespaces import BASE
from .dialects import Graphs, ServerStore
from .http import NoAnswer
from .serverlock import LOCK_GRAPH, ServerLock

TOUCHES = ox.NamedNode(BASE + "lock#touches")
UNDO = ox.NamedNode(BASE + "lock#undo")
CHUNK_BYTES = 200_000  # Virtuoso parses a long literal at ~0.3 MB/s and crashed on one of 8 MB
REQUEST_BYTES = 1_000_000


def write(store: ServerStore, lock: ServerLock, replace: Graphs, insert: Graphs) -> None:
    """Replace and extend graphs all or nothing, under ``lock`` (see the module docstring)."""
    replace = {name: list(triples) for name, triples in replace.items()}
    insert = {name: list(triples) for name, triples in insert.items()}
    touched = sorted(set(replace) | set(insert), key=str)
    if not touched:
        return
    try:
        _record(store, lock.node, touched)
        lock.confirm()
    except StoreError:  # nothing written yet: the journal goes (or is undone later, harmlessly)
        try:
            store._update(_forget(lock.node), "remove the undo journal")  # noqa: SLF001
        except StoreError:
            pass
        raise
    text = store.dialect.update_text(replace, insert)
    try:
        store._update(_joined(text, _forget(lock.node)), "write")  # noqa: SLF001
    except NoAnswer:
        raise
    except StoreError as error:
        # Virtuoso may have run part of a request it answered with a 4xx (measured: SP031),
        # so the HTTP layer's "Nothing was written." is not said here: the undo decides.
        failure = str(error).replace(" Nothing was written.", "")
        try:
            undo(store)
        except StoreError:
            raise StoreError(
                f"{failure} If the write did not complete, the next kb command that writes to "
                "this store puts the KB back as it was before this one (its undo journal is "
                "in the store)."
            ) from error
        raise StoreError(f"{failure} The KB was put back as it was.") from error


def undo(store: ServerStore) -> int:
    """Undo every write that left its journal behind; the number of journals undone."""
    rows = store._select(  # noqa: SLF001
        f"SELECT ?j ?p ?o WHERE {{ VALUES ?p {{ {TOUCHES} {UNDO} }} GRAPH {LOCK_GRAPH} {{ ?j ?p ?o }} }}",
        union=False,
    ).rows
    touches: dict[ox.NamedNode, list[ox.NamedNode]] = defaultdict(list)
    chunks: dict[ox.NamedNode, list[str]] = defaultdict(list)
    for row in rows:
        journal, kind, value = row["j"], row["p"], row["o"]
        if not isinstance(journal, ox.NamedNode):
            continue
        if kind == TOUCHES and isinstance(value, ox.NamedNode):
            touches[journal].append(value)
        elif kind == UNDO and isinstance(value, ox.Literal):
            chunks[journal].append(value.value)
    for journal in set(touches) | set(chunks):
        old: dict[ox.NamedNode, list[ox.Triple]] = {name: [] for name in touches.get(journal, [])}
        for quad in ox.parse("".join(chunks.get(journal, [])), format=ox.RdfFormat.N_QUADS):
            if isinstance(quad.graph_name, ox.NamedNode) and quad.graph_name in old:
                old[quad.graph_name].append(quad.triple)
        text = store.dialect.update_text(old, {}) if old else ""
        store._update(_joined(text, _forget(journal)), "undo a write that failed")  # noqa: SLF001
    return len(set(touches) | set(chunks))


def _record(store: ServerStore, journal: ox.NamedNode, touched: list[ox.NamedNode]) -> None:
    """Store the old content of ``touched`` (chunks first), then arm the journal with their names."""
    lines: list[str] = []
    for name in touched:
        lines.extend(f"{quad} .\n" for quad in store.dialect.read_graph(store, name))
    requests: list[list[ox.Literal]] = [[]]
    size = 0
    for chunk in _chunks(lines):
        if size + len(chunk) > REQUEST_BYTES and requests[-1]:
            requests.append([])
            size = 0
        requests[-1].append(ox.Literal(chunk))
        size += len(chunk)
    armed = [ox.Triple(journal, TOUCHES, name) for name in touched]
    for number, literals in enumerate(requests, 1):
        triples = [ox.Triple(journal, UNDO, literal) for literal in literals]
        if number == len(requests):
            triples += armed
        body = " .\n".join(f"{t.subject} {t.predicate} {t.object}" for t in triples)
        store._update(  # noqa: SLF001
            f"INSERT DATA {{ GRAPH {LOCK_GRAPH} {{\n{body} .\n}} }}", "record the undo journal"
        )


def _chunks(lines: Iterable[str]) -> Iterable[str]:
    chunk: list[str] = []
    size = 0
    for line in lines:
        if size + len(line) > CHUNK_BYTES and chunk:
            yield "".join(chunk)
            chunk, size = [], 0
        chunk.append(line)
        size += len(line)
    if chunk:
        yield "".join(chunk)


def _forget(journal: ox.NamedNode) -> str:
    return (
        f"DELETE {{ GRAPH {LOCK_GRAPH} {{ {journal} ?p ?o }} }} "
        f"WHERE {{ VALUES ?p {{ {TOUCHES} {UNDO} }} GRAPH {LOCK_GRAPH} {{ {journal} ?p ?o }} }}"
    )


def _joined(text: str, last: str) -> str:
    return f"{text} ;\n{last}" if text.strip() else last
