"""Killing ``kb add`` or ``kb build`` at any moment leaves the store as before or as after.

Each case runs the real command once to the end to learn the "after" content hash and how
long it takes, then again and again on fresh copies of the "before" store, killing it with
SIGKILL after a random delay, and checks that the store then holds exactly the "before" or
the "after" contents (kb.store.content_hash), never something in between. The delays
cover the whole run, with more of them late, where the write happens. SOURCE_DATE_EPOCH
fixes the time in the PROV record, so every finished run gives the same "after" hash.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kb import kbase
from kb.store.embedded import EmbeddedStore

from .conftest import store_hash
from .test_add import synthetic_form

RUNS = 10
PARALLEL = 2  # runs at once (two cores are common): the reference timing is taken the same way
KB = [sys.executable, "-c", "from kb.cli import main; main()"]


def start(store: Path, args: tuple[str, ...]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [*KB, "--store", str(store), *args],
        env={**os.environ, "SOURCE_DATE_EPOCH": "1700000000"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def kill_at_random_moments(
    before_store: Path, work: Path, args: tuple[str, ...], seed: int
) -> list[str]:
    """Run ``kb ARGS`` on copies of ``before_store``, kill each at a random moment, compare."""
    before = store_hash(before_store)
    references = []
    for index in range(PARALLEL):
        references.append(work / f"reference-{index}")
        shutil.copytree(before_store, references[-1])
    started = time.monotonic()
    processes = [start(path, args) for path in references]
    durations = []
    for process in processes:
        _, stderr = process.communicate(timeout=180)
        assert process.returncode == 0, stderr.decode()
        durations.append(time.monotonic() - started)
    duration = sum(durations) / len(durations)
    after = {store_hash(path) for path in references}
    assert len(after) == 1, "finished runs disagree: the command is not deterministic"
    (after_hash,) = after
    assert after_hash != before
    rng = random.Random(seed)
    outcomes = []
    for batch in range(RUNS // PARALLEL):
        runs = []
        for index in range(PARALLEL):
            copy = work / f"run-{batch}-{index}"
            shutil.copytree(before_store, copy)
            late = (batch * PARALLEL + index) % 3 != 0  # two in three runs die late, near the write
            delay = duration * (rng.uniform(0.5, 1.05) if late else rng.uniform(0.05, 0.5))
            runs.append((delay, copy))
        began = time.monotonic()
        processes = [start(copy, args) for _, copy in runs]
        for (delay, _), process in sorted(zip(runs, processes, strict=True), key=lambda p: p[0][0]):
            time.sleep(max(0.0, began + delay - time.monotonic()))
            process.send_signal(signal.SIGKILL)
            process.wait()
        for delay, copy in runs:
            got = store_hash(copy)
            where = f"seed {seed}: killed after {delay:.2f}s of {duration:.2f}s"
            assert got in (before, after_hash), (
                f"{where}: the store is neither as before nor as after"
            )
            outcomes.append("after" if got == after_hash else "before")
            shutil.rmtree(copy)
    return outcomes


@pytest.fixture(scope="module")
def initialised(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("crash") / "init"
    store = EmbeddedStore(path)
    kbase.init(store)
    store.close()
    return path


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("crash") / "built"
    store = EmbeddedStore(path)
    kbase.build(store)
    store.close()
    return path


def test_killing_kb_build_leaves_the_store_before_or_after(
    initialised: Path, tmp_path: Path
) -> None:
    seed = int(time.time())
    outcomes = kill_at_random_moments(initialised, tmp_path, ("build",), seed)
    print(f"kb build killed {RUNS} times (seed {seed}): {outcomes}")


def test_killing_kb_add_leaves_the_store_before_or_after(built: Path, tmp_path: Path) -> None:
    seed = int(time.time())
    form = synthetic_form(tmp_path / "wire", 40)
    outcomes = kill_at_random_moments(
        built, tmp_path, ("add", str(form), "--agent", "crash-test"), seed
    )
    print(f"kb add killed {RUNS} times (seed {seed}): {outcomes}")
