"""Load on `kb serve`: concurrent clients asking saved queries of a synthetic KB, on loopback.

Builds a KB of N statements (benchmarks.generate), starts `kb serve` on it in its own process,
and sends REQUESTS saved-query requests from CLIENTS threads (every saved query in turn, with
its default parameters). Prints the outcome counts (200, the documented 503s, anything else),
p50/p99 latency and throughput. Bounded: it stops after REQUESTS requests or --seconds.

    python -m benchmarks.serve_load --statements 10000 --clients 16 --requests 2000
"""

from __future__ import annotations

import argparse
import collections
import re
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox

from benchmarks.generate import write_dataset
from kb.queries import saved_queries


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--requests", type=int, default=2_000)
    parser.add_argument("--seconds", type=float, default=600.0, help="stop after this long")
    parser.add_argument("--max-queries", type=int, default=4)
    parser.add_argument("--timeout", type=float, default=30.0)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        data, store = Path(tmp) / "kb.nq", Path(tmp) / "store"
        write_dataset(data, args.statements)
        ox.Store(str(store)).bulk_load(path=str(data), format=ox.RdfFormat.N_QUADS)
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "kb",
                "--store",
                str(store),
                "serve",
                "--port",
                "0",
                "--max-queries",
                str(args.max_queries),
                "--timeout",
                str(args.timeout),
            ],
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            assert server.stderr is not None
            port = int(re.search(r":(\d+)/", server.stderr.readline()).group(1))  # type: ignore[union-attr]
            run(f"http://127.0.0.1:{port}/sparql", args)
        finally:
            server.terminate()
            server.wait(timeout=30)


def run(url: str, args: argparse.Namespace) -> None:
    queries = [q.bound({}) for q in saved_queries().values()]
    outcomes: collections.Counter[str] = collections.Counter()
    latencies: list[float] = []
    reasons: dict[str, str] = {}
    lock = threading.Lock()
    issued = iter(range(args.requests))
    deadline = time.monotonic() + args.seconds

    def client() -> None:
        while time.monotonic() < deadline:
            with lock:
                index = next(issued, None)
            if index is None:
                return
            body = urllib.parse.urlencode({"query": queries[index % len(queries)]}).encode()
            request = urllib.request.Request(url, data=body, headers={"Accept": "text/csv"})
            started = time.monotonic()
            try:
                with urllib.request.urlopen(request, timeout=120) as response:
                    response.read()
                    outcome = str(response.status)
            except urllib.error.HTTPError as error:
                outcome = str(error.code)
                if error.code != 503:
                    with lock:
                        reasons.setdefault(outcome, error.read().decode("utf-8", "replace")[:200])
            except OSError as error:
                outcome = f"error: {type(error).__name__}"
            with lock:
                outcomes[outcome] += 1
                if outcome == "200":
                    latencies.append(time.monotonic() - started)

    started = time.monotonic()
    threads = [threading.Thread(target=client) for _ in range(args.clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    latencies.sort()

    def pct(p: float) -> float:
        return (
            latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000 if latencies else 0.0
        )

    done = sum(outcomes.values())
    print(
        f"kb serve at {args.statements} statements, {args.clients} clients, --max-queries "
        f"{args.max_queries}: {done} requests in {elapsed:.1f} s ({done / elapsed:.1f}/s); "
        f"outcomes {dict(sorted(outcomes.items()))}; 200s: p50 {pct(0.5):.0f} ms, "
        f"p99 {pct(0.99):.0f} ms"
    )
    for outcome, why in sorted(reasons.items()):
        print(f"  first {outcome}: {why.strip()}")


if __name__ == "__main__":
    main()
