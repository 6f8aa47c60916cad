"""Extractor throughput: articles per second on one core, over the seed articles repeated.

Run: .venv/bin/python benchmarks/extract_throughput.py [--repeat 40] [--compile]

The lexicons, the registry and the language detector are loaded once before timing (as a
long-running `kb extract` over many files does); --compile also compiles each draft to RDF.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kb.extract.pipeline import Options, extract  # noqa: E402
from kb.kbase import model_registry  # noqa: E402
from kb.resources import SEEDS_DIR  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=40)
    parser.add_argument("--compile", action="store_true", help="also compile each draft to RDF")
    args = parser.parse_args()
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS_DIR.glob("*.txt"))]
    registry = model_registry()
    for text in texts:  # warm-up: build every language's index once
        extract(text, Options())
    start, cpu_start = time.perf_counter(), time.process_time()
    count = 0
    for _ in range(args.repeat):
        for text in texts:
            draft = extract(text, Options())
            if args.compile:
                draft.compile(registry)
            count += 1
    elapsed = time.perf_counter() - start
    cpu = time.process_time() - cpu_start  # what one core spent: the figure on a busy machine
    print(
        f"{count} articles in {elapsed:.2f} s: {count / elapsed:.1f} articles/s"
        f" ({'extract + compile' if args.compile else 'extract'},"
        f" {sum(map(len, texts)) // len(texts)} characters on average);"
        f" {cpu:.2f} s of CPU: {count / cpu:.1f} articles per CPU-second"
    )


if __name__ == "__main__":
    main()
