"""Regenerate the expected rows of every saved query on the seed KB.

    .venv/bin/python -m tests.golden.regenerate

Review the diff of tests/golden/*.csv like any other change: it is what the queries answer.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from kb import kbase
from kb.namespaces import sparql_prologue
from kb.output import to_csv
from kb.queries import check_read_only, saved_queries
from kb.store.embedded import EmbeddedStore

GOLDEN_DIR = Path(__file__).parent


def answer(store: EmbeddedStore, name: str) -> str:
    saved = saved_queries()[name]
    text = saved.bound({})
    check_read_only(text)
    return to_csv(store.select(sparql_prologue() + text))


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        store = EmbeddedStore(Path(tmp) / "store")
        kbase.build(store)
        for name in saved_queries():
            (GOLDEN_DIR / f"{name}.csv").write_text(
                answer(store, name), encoding="utf-8", newline=""
            )
            print(f"wrote {name}.csv")


if __name__ == "__main__":
    main()
