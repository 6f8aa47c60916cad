"""The by-hand measurements behind benchmarks/README.md's "what would close the gaps".

Runs on a store that ``benchmarks.run`` left in its work directory (``store-SIZE``), and prints
CPU times (best of 3), so that a busy machine does not blur the comparison:

- each saved query on the on-disk store and on an in-memory pyoxigraph copy of it;
- ``kb.validation.context_for``'s query as written, and with its VALUES block inside each branch;
- kb's Turtle export against Oxigraph's own dump (both read the whole store).

    python -m benchmarks.probe --size 10000 [--work /tmp/kb-bench] [--only queries,context,export]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox

from benchmarks.tasks import _claim_for, saved_queries
from kb.kbase import export
from kb.namespaces import sparql_prologue
from kb.store.embedded import EmbeddedStore


def cpu(operation: Callable[[], object], repeat: int = 3) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.process_time()
        result = operation()
        best = min(best, time.process_time() - start)
    return best, result


def queries(store: EmbeddedStore) -> None:
    memory = ox.Store()
    memory.bulk_extend(store.quads())
    print("query: CPU on disk / in memory (rows)")
    for name, text in saved_queries().items():
        disk, rows = cpu(
            lambda t=text: sum(1 for _ in store._store.query(t, use_default_graph_as_union=True))
        )
        mem, _ = cpu(
            lambda t=text: sum(1 for _ in memory.query(t, use_default_graph_as_union=True))
        )
        print(f"  {name}: {disk * 1000:.1f} ms / {mem * 1000:.1f} ms ({rows} rows)")


def context(store: EmbeddedStore) -> None:
    triples = _claim_for(store)
    described = {t.subject for t in triples}
    referenced = {
        t.object
        for t in triples
        if isinstance(t.object, ox.NamedNode) and t.object not in described
    }
    values = "VALUES ?s { " + " ".join(str(n) for n in referenced) + " }"
    head = (
        sparql_prologue()
        + """CONSTRUCT { ?s ?p ?o . ?term ?tp ?to . ?acct kb:meeting ?s .
        ?officeTerm a kb:OfficeTerm ; kb:office ?s . } WHERE { """
    )
    branches = [
        "?s ?p ?o",
        "?term kb:holder ?s ; ?tp ?to",
        "?acct kb:meeting ?s",
        "?officeTerm a kb:OfficeTerm ; kb:office ?s",
    ]
    outside = head + values + " UNION ".join(f"{{ {b} }}" for b in branches) + " }"
    inside = head + " UNION ".join(f"{{ {values} {b} }}" for b in branches) + " }"
    for label, query in (
        ("VALUES outside the UNION (as written)", outside),
        ("VALUES inside each branch", inside),
    ):
        seconds, found = cpu(lambda q=query: len(store.construct(q)))
        print(f"context_for, {label}: {seconds * 1000:.1f} ms ({found} triples)")


def exports(store: EmbeddedStore) -> None:
    seconds, size = cpu(lambda: len(export(store, ox.RdfFormat.TURTLE)), repeat=1)
    print(f"kb export turtle: {seconds:.2f} s CPU ({size:,} bytes)")
    seconds, size = cpu(
        lambda: len(store._store.dump(format=ox.RdfFormat.N_QUADS) or b""), repeat=1
    )
    print(f"Oxigraph Store.dump N-Quads: {seconds:.2f} s CPU ({size:,} bytes)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, required=True)
    parser.add_argument("--work", type=Path, default=Path("/tmp/kb-bench"))
    parser.add_argument("--only", default="queries,context,export")
    args = parser.parse_args()
    store = EmbeddedStore(args.work / f"store-{args.size}")
    parts = {"queries": queries, "context": context, "export": exports}
    for name in args.only.split(","):
        parts[name](store)


if __name__ == "__main__":
    main()
