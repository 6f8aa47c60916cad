"""The benchmark tasks. Each job runs in a fresh process (``python -m benchmarks.tasks JOB``).

A job is one task group on one backend at one size: it prepares what it needs (opens the
store, loads rdflib, starts a server), then for each operation resets the process's peak
memory (``/proc/self/clear_refs``), times a warm-up run and then several runs, and reports the
median with the peak resident memory of the process while doing it (for a server, the
server's peak is added). It prints one JSON line: its records, or why it is not available.

Backends that another branch provides (the SPARQL-server store ``kb.store.remote``, the
extractors ``kb.extract``) are imported lazily: without them the job says "not available".
"""

from __future__ import annotations

import contextlib
import importlib
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox

Record = dict[str, Any]


class NotAvailable(Exception):
    """The backend or feature is not present in this checkout (yet)."""


class PartialResults(Exception):
    """Some operations ran past their time limit or failed: the records of the others, the
    limits, and the failures."""

    def __init__(
        self, records: list[Record], timeouts: list[Record], failures: list[Record] | None = None
    ) -> None:
        super().__init__(f"{len(timeouts)} operation(s) timed out")
        self.records, self.timeouts, self.failures = records, timeouts, failures or []


# -- measuring ------------------------------------------------------------------------------


def _reset_peak(pid: int | str = "self") -> None:
    with contextlib.suppress(OSError):
        Path(f"/proc/{pid}/clear_refs").write_text("5")


def _peak_mb(pid: int | str = "self") -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@dataclass
class Timing:
    seconds: float
    runs: int
    peak_rss_mb: float
    result: Any = None
    cpu_seconds: float | None = None


class TimeLimit(Exception):
    """An operation ran past its time limit (only pure-Python work, such as rdflib's, is stopped)."""


@contextlib.contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    if not seconds:
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise TimeLimit(f"over {seconds:.0f} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def measure(
    operation: Callable[[], Any],
    runs: int = 5,
    budget: float = 20.0,
    warmup: bool = True,
    setup: Callable[[], None] | None = None,
    extra_peak: Callable[[], float] | None = None,
    limit: float | None = None,
) -> Timing:
    """Median wall time of ``operation`` over up to ``runs`` runs after one warm-up.

    Runs stop early once they have used ``budget`` seconds (at least one run is always made;
    a warm-up that alone takes more than half the budget counts as the one run). ``setup``
    runs untimed before each run. ``limit`` stops a run that takes longer (TimeLimit).
    ``cpu_seconds`` is the median CPU time of this process (all its threads) per run: on a
    busy machine it shows how much of the wall time was spent waiting for a core.
    """
    _reset_peak()
    times: list[float] = []
    cpu: list[float] = []
    result = None

    def once() -> tuple[float, float]:
        nonlocal result
        if setup:
            setup()
        start, start_cpu = time.perf_counter(), time.process_time()
        with time_limit(limit):
            result = operation()
        return time.perf_counter() - start, time.process_time() - start_cpu

    if warmup:
        elapsed, used = once()
        if elapsed > budget / 2:  # too slow to repeat within the budget: the warm-up is the run
            times.append(elapsed)
            cpu.append(used)
    while len(times) < runs and (not times or sum(times) < budget):
        elapsed, used = once()
        times.append(elapsed)
        cpu.append(used)
    peak = _peak_mb() + (extra_peak() if extra_peak else 0.0)
    return Timing(
        statistics.median(times),
        len(times),
        round(peak, 1),
        result,
        round(statistics.median(cpu), 6),
    )


def record(task: str, backend: str, statements: int | None, timing: Timing, **extra: Any) -> Record:
    return {
        "task": task,
        "backend": backend,
        "statements": statements,
        "seconds": round(timing.seconds, 6),
        "peak_rss_mb": timing.peak_rss_mb,
        "runs": timing.runs,
        "cpu_seconds": timing.cpu_seconds,
        "loadavg": round(os.getloadavg()[0], 2),
        **extra,
    }


# -- shared helpers -------------------------------------------------------------------------


def oxigraph_cli() -> str:
    exe = Path(sys.executable).with_name("oxigraph")
    found = str(exe) if exe.exists() else shutil.which("oxigraph")
    if not found:
        raise NotAvailable("the oxigraph CLI is not installed (pip install oxigraph)")
    return found


def remote_module() -> Any:
    try:
        return importlib.import_module("kb.store.remote")
    except ImportError as error:
        raise NotAvailable(f"kb.store.remote is not present ({error})") from None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def oxigraph_server(location: Path) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """An ``oxigraph serve`` on 127.0.0.1 over ``location``; yields its kb location string."""
    port = _free_port()
    process = subprocess.Popen(
        [oxigraph_cli(), "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", port)) == 0:
                    break
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"oxigraph serve did not start on port {port}")
            time.sleep(0.05)
        yield f"oxigraph+http://127.0.0.1:{port}?timeout=3600&bulk=200000", process
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def open_fixture(fixture: Path) -> Any:
    """The fixture as ``kb query`` opens a store: read-only (a fixture is never written)."""
    from kb.store import open_store

    return open_store(str(fixture), read_only=True)


# Parameters the benchmark binds: the saved defaults, except a speaker who has statements in
# every synthetic KB (the default, Ali Akbar Ahmadian, took office in 2023, late in its timeline).
QUERY_PARAMS = {"statements-by-person": {"person": "ent:ilham-aliyev"}}


def saved_queries() -> dict[str, str]:
    from kb.queries import saved_queries as all_saved

    return {name: query.bound(QUERY_PARAMS.get(name, {})) for name, query in all_saved().items()}


def count_triples(path: Path) -> int:
    with path.open("rb") as handle:
        return sum(1 for _ in handle)


# -- ingest ---------------------------------------------------------------------------------


def _graphs(data: Path) -> dict[ox.NamedNode, list[ox.Triple]]:
    from benchmarks.generate import graphs_of

    return graphs_of(ox.parse(path=str(data), format=ox.RdfFormat.N_QUADS))


def ingest(job: dict[str, Any]) -> list[Record]:
    data, work, size, backend = (
        Path(job["data"]),
        Path(job["work"]),
        job["statements"],
        job["backend"],
    )
    target = work / f"ingest-{backend}"
    triples = job["triples"]

    def clean() -> None:
        shutil.rmtree(target, ignore_errors=True)

    extra_peak: Callable[[], float] | None = None
    if backend == "embedded":
        from kb.store.bulk import build_new  # what `kb build` writes a new store with

        def operation() -> None:
            store = build_new(target, ox.parse(path=str(data), format=ox.RdfFormat.N_QUADS))
            store.close()

    elif backend == "embedded-write":
        from kb.store.embedded import EmbeddedStore

        def operation() -> None:  # one Store.write transaction, as `kb add` writes
            store = EmbeddedStore(target)
            store.write(replace=_graphs(data))
            store.close()

    elif backend == "oxigraph-load":
        cli = oxigraph_cli()
        child_peak = [0.0]
        child_cpu: list[float] = []

        def operation() -> None:
            process = subprocess.Popen(
                [cli, "load", "--location", str(target), "--file", str(data)],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            _, status, usage = os.wait4(process.pid, 0)
            process.returncode = os.waitstatus_to_exitcode(status)
            if process.returncode != 0:
                raise RuntimeError(f"oxigraph load exited with {process.returncode}")
            child_peak[0] = max(child_peak[0], usage.ru_maxrss / 1024)
            child_cpu.append(usage.ru_utime + usage.ru_stime)

        extra_peak = lambda: child_peak[0]  # noqa: E731

    elif backend == "oxigraph-server":
        remote = remote_module()
        from kb import store as kb_store

        replace_in_bulk = getattr(kb_store, "replace_in_bulk", None)
        server_peak = [0.0]

        def operation() -> None:
            target.mkdir(parents=True, exist_ok=True)
            with oxigraph_server(target) as (location, process):
                store = remote.open_remote(location)
                _reset_peak(process.pid)
                start = time.perf_counter()
                graphs = _graphs(data)
                if replace_in_bulk is not None:
                    replace_in_bulk(store, graphs)
                else:
                    store.write(replace=graphs)
                elapsed = time.perf_counter() - start
                server_peak[0] = max(server_peak[0], _peak_mb(process.pid))
                store.close()
            timed.append(elapsed)

        timed: list[float] = []
        extra_peak = lambda: server_peak[0]  # noqa: E731
        timing = measure(
            operation,
            runs=job["runs"],
            budget=job["budget"],
            warmup=False,
            setup=clean,
            extra_peak=extra_peak,
        )
        timing.seconds = statistics.median(timed[-timing.runs :])  # server start-up excluded
        timing.cpu_seconds = None  # the server's CPU time is not the client's
        clean()
        return [record("ingest", backend, size, timing, triples=triples)]
    else:
        raise ValueError(f"unknown ingest backend {backend}")

    # ingest is not warmed up: every run builds a new store from scratch (OS caches are warm
    # after the first run of the first backend, since the data file was just written)
    timing = measure(
        operation,
        runs=job["runs"],
        budget=job["budget"],
        warmup=False,
        setup=clean,
        extra_peak=extra_peak,
    )
    if backend == "oxigraph-load":
        timing.cpu_seconds = round(statistics.median(child_cpu[-timing.runs :]), 6)
    if job.get("keep") and backend == "oxigraph-load":
        fixture = Path(job["keep"])
        shutil.rmtree(fixture, ignore_errors=True)
        target.rename(fixture)
        compact(fixture)
    clean()
    return [record("ingest", backend, size, timing, triples=triples)]


def compact(fixture: Path) -> None:
    """Compact a store the bulk loader wrote, as ``kb build`` compacts the store it builds
    (``kb.store.bulk.build_new``): the fixtures are what an analyst's KB is."""
    store = ox.Store(str(fixture))
    store.optimize()
    store.flush()
    del store


# -- queries --------------------------------------------------------------------------------


def queries(job: dict[str, Any]) -> list[Record]:
    size, backend = job["statements"], job["backend"]
    texts = saved_queries()
    only = job.get("only")
    limits = job.get("limits") or {}
    out: list[Record] = []
    timeouts: list[Record] = []
    failures: list[Record] = []
    with contextlib.ExitStack() as stack:
        extra_peak: Callable[[], float] | None = None
        if backend == "embedded":
            store = open_fixture(Path(job["fixture"]))

            def run(text: str) -> int:
                return len(store.select(text).rows)

        elif backend == "rdflib":
            import rdflib

            dataset = rdflib.Dataset(default_union=True)
            dataset.parse(job["data"], format="nquads")

            def run(text: str) -> int:
                return len(list(dataset.query(text)))

        elif backend == "oxigraph-server":
            remote = remote_module()
            location, process = stack.enter_context(oxigraph_server(Path(job["fixture"])))
            store = remote.open_remote(location)
            stack.callback(store.close)
            extra_peak = lambda: _peak_mb(process.pid)  # noqa: E731

            def run(text: str) -> int:
                calls[0] += 1
                return len(store.select(text).rows)

        else:
            raise ValueError(f"unknown query backend {backend}")
        calls = [0]  # operations run on the server, to share its CPU time among them
        for name, text in texts.items():
            if only and name not in only:
                continue
            if extra_peak is not None:
                _reset_peak(process.pid)
                calls[0], server_cpu = 0, _cpu_seconds(process.pid)
            try:
                timing = measure(
                    lambda t=text: run(t),
                    runs=job["runs"],
                    budget=job["budget"],
                    extra_peak=extra_peak,
                    limit=limits.get(name),
                )
            except TimeLimit:
                timeouts.append(_stopped(name, backend, size, limits[name]))
                continue
            except Exception as error:  # one query an engine cannot run leaves the others' figures
                if backend != "rdflib":
                    raise
                failures.append(
                    {
                        "task": f"query:{name}",
                        "backend": backend,
                        "statements": size,
                        "error": f"{type(error).__name__}: {error}"[:200],
                    }
                )
                continue
            extra = {"rows": timing.result}
            if backend == "embedded":
                extra["first_row_seconds"] = first_row_seconds(
                    store, name, runs=3 if timing.seconds < 2 else 1
                )
            if backend == "oxigraph-server":
                # the engine's own CPU time per query (the server process's), which a busy
                # machine does not inflate as it does wall time; the client's parsing is left out
                timing.cpu_seconds = round(
                    (_cpu_seconds(process.pid) - server_cpu) / max(calls[0], 1), 6
                )
            out.append(record(f"query:{name}", backend, size, timing, **extra))
    if timeouts or failures:
        raise PartialResults(out, timeouts, failures)
    return out


def _stopped(name: str, backend: str, size: int, limit: float) -> Record:
    return {
        "task": f"query:{name}",
        "backend": backend,
        "statements": size,
        "limit_seconds": limit,
        "peak_rss_mb": round(_peak_mb(), 1),
    }


def _cpu_seconds(pid: int) -> float:
    """User and system CPU seconds a process has used so far (from /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def first_row_seconds(store: Any, name: str, runs: int = 3) -> float:
    """Median seconds until a saved query's first row arrives as `kb query` prints it
    (kb.queries.stream: the store's streaming read, a listing with ``stream-by`` bucket by
    bucket); a sorted listing without it gives its first row only after its sort."""
    from kb.queries import check_read_only, stream
    from kb.queries import saved_queries as all_saved

    saved = all_saved()[name]
    # the read-only check (rdflib's parser: 15 to 110 ms per query text, once per process and
    # the same at every size) is left out, as a warm `kb serve` has it cached
    check_read_only(saved.bound(QUERY_PARAMS.get(name, {})))
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        _, rows = stream(store, saved, QUERY_PARAMS.get(name, {}))
        next(rows, None)
        times.append(time.perf_counter() - start)
        del rows
    return round(statistics.median(times), 6)


def first_rows(job: dict[str, Any]) -> list[Record]:
    """Only the first row of each saved query (``only``: some), as ``kb query`` prints it, on
    the embedded store: for sizes where timing every whole listing would take too long. A
    record's ``seconds`` is the first row's time, under the task ``first-row:NAME``; its
    ``cpu_seconds`` also holds a share of the query's one read-only check."""
    store = open_fixture(Path(job["fixture"]))
    only = job.get("only")
    out: list[Record] = []
    for name in saved_queries():
        if only and name not in only:
            continue
        _reset_peak()
        cpu = time.process_time()
        seconds = first_row_seconds(store, name, runs=job.get("runs", 3))
        timing = Timing(seconds, job.get("runs", 3), round(_peak_mb(), 1))
        timing.cpu_seconds = round((time.process_time() - cpu) / job.get("runs", 3), 6)
        out.append(record(f"first-row:{name}", "embedded", job["statements"], timing))
    return out


# -- validation -----------------------------------------------------------------------------


def _claim_for(store: Any) -> list[ox.Triple]:
    """One new statement quoting an article already in the KB, by a registry person."""
    from benchmarks.generate import one_claim
    from kb.namespaces import ENT, POS, STANCE, sparql_prologue

    rows = store.select(
        sparql_prologue()
        + """SELECT ?source ?text ?published WHERE {
            ?source a kb:Source ; schema:text ?text ; schema:datePublished ?published ;
                    kb:fileName ?file . FILTER (STRSTARTS(?file, "bench-"))
        } ORDER BY ?file LIMIT 1"""
    ).rows
    row = rows[0]
    return one_claim(
        row["source"],
        row["text"].value,
        ENT["ilham-aliyev"],
        POS["territorial-integrity-of-azerbaijan"],
        STANCE.affirms,
        row["published"].value,
    )


def _open_kb_store(
    job: dict[str, Any], stack: contextlib.ExitStack
) -> tuple[Any, Callable[[], float] | None]:
    """The job's KB on its backend (embedded, or an Oxigraph server the stack stops), and how to
    read the server's peak memory."""
    backend = job["backend"]
    if backend == "embedded":
        return open_fixture(Path(job["fixture"])), None
    if backend == "oxigraph-server":
        remote = remote_module()
        location, process = stack.enter_context(oxigraph_server(Path(job["fixture"])))
        return remote.open_remote(location), lambda: _peak_mb(process.pid)
    raise ValueError(f"unknown backend {backend} for task {job.get('task')}")


def validate_one(job: dict[str, Any]) -> list[Record]:
    from kb.validation import context_for, validate_submission

    size, backend = job["statements"], job["backend"]
    with contextlib.ExitStack() as stack:
        store, extra_peak = _open_kb_store(job, stack)
        triples = _claim_for(store)

        def check() -> bool:
            context = context_for(store, triples)
            return validate_submission(triples, context).conforms

        timing = measure(check, runs=job["runs"], budget=job["budget"], extra_peak=extra_peak)
        if backend == "oxigraph-server":
            timing.cpu_seconds = None
        if timing.result is not True:
            raise RuntimeError(
                "the benchmark's new claim does not conform: the measurement would be meaningless"
            )
        return [record("validate-one", backend, size, timing, conforms=True)]


def validate_all(job: dict[str, Any]) -> list[Record]:
    from kb.kbase import validate_all as kb_validate_all

    store = open_fixture(Path(job["fixture"]))
    timing = measure(
        lambda: kb_validate_all(store).conforms,
        runs=job["runs"],
        budget=job["budget"],
        warmup=False,
    )
    return [
        record(
            "validate-all",
            "pyshacl",
            job["statements"],
            timing,
            conforms=timing.result,
            triples=job["triples"],
        )
    ]


# -- export ---------------------------------------------------------------------------------


class _Sink:
    """A binary output that only counts what is written to it (the export's bytes)."""

    def __init__(self) -> None:
        self.size = 0

    def write(self, data: bytes) -> int:
        self.size += len(data)
        return len(data)

    def flush(self) -> None:
        pass


def _export_size(store: Any) -> int:
    from kb.kbase import export_to

    sink = _Sink()
    export_to(store, ox.RdfFormat.TURTLE, sink)  # type: ignore[arg-type]
    return sink.size


def _store_dump(job: dict[str, Any]) -> Record:
    """The engine's own N-Quads dump of the same store, no kb code: the speed kb's export is
    compared with."""
    store = ox.Store.read_only(job["fixture"])

    def dump() -> int:
        sink = _Sink()
        store.dump(sink, ox.RdfFormat.N_QUADS)  # type: ignore[arg-type]
        return sink.size

    timing = measure(dump, runs=job["runs"], budget=job["budget"])
    return record(
        "export",
        "oxigraph-dump",
        job["statements"],
        timing,
        triples=job["triples"],
        bytes=timing.result,
    )


def export(job: dict[str, Any]) -> list[Record]:
    size, backend = job["statements"], job["backend"]
    if backend == "oxigraph-dump":
        return [_store_dump(job)]
    with contextlib.ExitStack() as stack:
        store, extra_peak = _open_kb_store(job, stack)
        timing = measure(
            lambda: _export_size(store),
            runs=job["runs"],
            budget=job["budget"],
            extra_peak=extra_peak,
        )
        if backend == "oxigraph-server":
            timing.cpu_seconds = None
        return [
            record("export", backend, size, timing, triples=job["triples"], bytes=timing.result)
        ]


# -- extraction -----------------------------------------------------------------------------


def extract(job: dict[str, Any]) -> list[Record]:
    try:
        pipeline = importlib.import_module("kb.extract.pipeline")
    except ImportError as error:
        raise NotAvailable(f"kb.extract is not present ({error})") from None
    from benchmarks.generate import articles

    with contextlib.suppress(AttributeError, OSError):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    texts = articles(job["articles"], seed=11)
    options = pipeline.Options
    for text in texts[:20]:  # warm-up: every language's lexicon and index is built once
        pipeline.extract(text, options())
    _reset_peak()
    times = []
    for text in texts:
        start = time.perf_counter()
        pipeline.extract(text, options())
        times.append(time.perf_counter() - start)
    timing = Timing(statistics.median(times), len(times), round(_peak_mb(), 1))
    mean = sum(times) / len(times)
    return [
        record(
            "extract",
            "kb",
            None,
            timing,
            articles_per_second=round(1 / mean, 1),
            mean_characters=round(sum(map(len, texts)) / len(texts)),
        )
    ]


# -- adding drafts ----------------------------------------------------------------------------

DRAFT_ARTICLES = (
    1_300  # synthetic articles extracted once: enough drafts with claims for both tasks
)
DRAFT_SEED = 23  # not the KB's seed (7): the articles are new to every KB


def drafts(work: Path) -> list[Path]:
    """TriG drafts of synthetic articles, written once by ``kb extract DIR -o DRAFTS/`` (the
    command an analyst runs): those with at least one claim that pass the shapes on their
    own (an analyst fixes or drops the others before adding), in name order."""
    from benchmarks.generate import GENERATOR_VERSION, articles

    folder = work / f"drafts-seed{DRAFT_SEED}-g{GENERATOR_VERSION}"
    listing = folder / "valid.txt"
    if not listing.exists():
        shutil.rmtree(folder, ignore_errors=True)
        texts = folder / "articles"
        texts.mkdir(parents=True)
        for index, text in enumerate(articles(DRAFT_ARTICLES, seed=DRAFT_SEED)):
            (texts / f"article-{index:05d}.txt").write_text(text, encoding="utf-8")
        subprocess.run(
            [*_kb_command(), "extract", str(texts), "-o", str(folder / "trig")],
            check=True,
            capture_output=True,
        )
        listing.write_text("".join(f"{path.name}\n" for path in _valid_drafts(folder / "trig")))
    return [folder / "trig" / name for name in listing.read_text().split()]


def _valid_drafts(folder: Path) -> list[Path]:
    """The drafts in ``folder`` with a claim, less those the shapes refuse (one batch check
    against the shipped model): a draft with a broken claim, and every draft describing a
    node that breaks a shape only together (a new person given two English names by two
    drafts, say)."""
    from kb import kbase
    from kb.namespaces import local, source_graph
    from kb.store.embedded import EmbeddedStore

    claimed = [
        path
        for path in sorted(folder.glob("*.trig"))
        if b"kb:Statement" in path.read_bytes() or b"kb:MeetingAccount" in path.read_bytes()
    ]
    submission, report = kbase.check(EmbeddedStore.in_memory(), claimed)
    broken = {v for v in report.violations if v.severity == "Violation"}
    graphs: set[ox.NamedNode] = set()
    for violation in broken:
        if violation.claim:
            source = ox.NamedNode(violation.claim.strip("<>").rsplit("/", 1)[0])
            graphs.add(source_graph(local(source)))
    nodes = {v.focus for v in broken if not v.claim}
    graphs |= {
        graph
        for graph in submission.replace
        if any(f"<{t.subject.value}>" in nodes for t in submission.replace[graph])
    }
    refused = {p.name for graph in graphs for p in submission.origin.get(graph, [])}
    return [path for path in claimed if path.name not in refused]


def _kb_command() -> list[str]:
    return [sys.executable, "-m", "kb"]


def _kb_add(store: Path, paths: list[Path]) -> tuple[float, float, float]:
    """``kb add PATHS`` in a fresh process: its wall time, CPU time and peak memory (MB)."""
    start = time.perf_counter()
    process = subprocess.Popen(
        [*_kb_command(), "--quiet", "--store", str(store), "add", *map(str, paths)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    stderr = process.stderr.read().decode() if process.stderr else ""
    if os.waitstatus_to_exitcode(status) != 0 or "added" not in stderr:
        raise RuntimeError(f"kb add did not add: {stderr.strip().splitlines()[-1:]}")
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def _copy_fixture(job: dict[str, Any], name: str) -> Path:
    copy = Path(job["work"]) / f"{name}-{job['statements']}"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(job["fixture"], copy)
    return copy


def add_one(job: dict[str, Any]) -> list[Record]:
    """``kb add`` of one extracted article's draft into the KB, in a fresh process (imports
    and all); each run adds another draft, so every run writes a new source."""
    available = drafts(Path(job["work"]))
    store = _copy_fixture(job, "add-one")
    runs = [_kb_add(store, [available[0]])]  # warm-up: the OS caches the store's files
    for draft in available[1 : 1 + job["runs"]]:
        runs.append(_kb_add(store, [draft]))
    shutil.rmtree(store, ignore_errors=True)
    timed = runs[1:]
    timing = Timing(
        statistics.median(r[0] for r in timed),
        len(timed),
        round(max(r[2] for r in timed), 1),
        cpu_seconds=round(statistics.median(r[1] for r in timed), 6),
    )
    return [record("add-one", "embedded", job["statements"], timing)]


BATCH_DRAFTS = 1_000


def add_batch(job: dict[str, Any]) -> list[Record]:
    """``kb add DIR`` of 1,000 extracted drafts in one submission, in a fresh process, into a
    fresh copy of the KB each run."""
    available = drafts(Path(job["work"]))[-BATCH_DRAFTS:]  # none of add-one's drafts
    if len(available) < BATCH_DRAFTS:
        raise RuntimeError(f"only {len(available)} drafts with claims; raise DRAFT_ARTICLES")
    folder = Path(job["work"]) / "add-batch-drafts"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    for draft in available:
        os.link(draft, folder / draft.name)
    runs = []
    spent = 0.0
    while len(runs) < job["runs"] and (not runs or spent < job["budget"]):
        store = _copy_fixture(job, "add-batch")
        runs.append(_kb_add(store, [folder]))
        spent += runs[-1][0]
    shutil.rmtree(store, ignore_errors=True)
    timing = Timing(
        statistics.median(r[0] for r in runs),
        len(runs),
        round(max(r[2] for r in runs), 1),
        cpu_seconds=round(statistics.median(r[1] for r in runs), 6),
    )
    return [
        record(
            "add-batch",
            "embedded",
            job["statements"],
            timing,
            drafts=BATCH_DRAFTS,
            articles_per_second=round(BATCH_DRAFTS / timing.seconds, 1),
        )
    ]


JOBS: dict[str, Callable[[dict[str, Any]], list[Record]]] = {
    "ingest": ingest,
    "query": queries,
    "first-row": first_rows,
    "validate-one": validate_one,
    "validate-all": validate_all,
    "export": export,
    "extract": extract,
    "add-one": add_one,
    "add-batch": add_batch,
}


def main() -> None:
    job = json.loads(sys.argv[1])
    tempfile.tempdir = job.get("work") or None
    try:
        result: dict[str, Any] = {"records": JOBS[job["kind"]](job)}
    except NotAvailable as reason:
        result = {"unavailable": str(reason)}
    except PartialResults as partial:
        result = {
            "records": partial.records,
            "timeouts": partial.timeouts,
            "failures": partial.failures,
        }
    print("\n" + json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
