"""CPU time of each saved query on one store, in this process: the engine's work without the
noise a busy machine adds to wall time. For comparing query shapes (the plans themselves:
``oxigraph query --location STORE --query-file Q.rq --union-default-graph --explain --stats``).

    python -m benchmarks.query_cpu /tmp/kb-bench/store-10000
    python -m benchmarks.query_cpu /tmp/kb-bench/store-10000 positions,meetings --queries OLD_DIR
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import pyoxigraph as ox

from benchmarks.tasks import QUERY_PARAMS
from kb.queries import saved_queries
from kb.resources import QUERIES_DIR


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("store", help="an embedded store (a directory), opened read-only")
    parser.add_argument("names", nargs="?", default="", help="queries, comma-separated (all)")
    parser.add_argument("--queries", type=Path, default=QUERIES_DIR, help="a folder of .rq files")
    parser.add_argument("--runs", type=int, default=3, help="runs per query; the least is shown")
    args = parser.parse_args()
    store = ox.Store.read_only(args.store)
    only = {n for n in args.names.split(",") if n}
    for name, saved in saved_queries(args.queries).items():
        if only and name not in only:
            continue
        text = saved.bound(QUERY_PARAMS.get(name, {}))
        best = None
        for _ in range(args.runs):
            wall, cpu = time.perf_counter(), time.process_time()
            rows = sum(1 for _ in store.query(text, use_default_graph_as_union=True))
            run = (time.process_time() - cpu, time.perf_counter() - wall, rows)
            best = run if best is None or run < best else best
        assert best is not None
        print(f"{name:36s} {best[0] * 1000:9.1f} ms CPU {best[1] * 1000:9.1f} ms wall {best[2]:7d} rows")


if __name__ == "__main__":
    main()
