"""Run every benchmark, print a table, write benchmarks/results.json.

    make bench                                  # sizes 10^3, 10^4, 10^5 statements
    SIZES=1000,10000,100000,1000000 make bench  # 10^6 too (on request: ~30 GB of disk, long)
    python -m benchmarks.run --sizes 1000 --only ingest,query

For each size the synthetic KB is generated once (benchmarks/generate.py, seeded) as N-Quads
in the work directory, then every task runs in its own fresh process (benchmarks/tasks.py), so
that one task's memory never counts against another's. ``results.json`` is a list of records
``{"task", "backend", "statements", "seconds", "peak_rss_mb", ...}`` where ``seconds`` is the
median time of one operation; the machine and the versions go to ``environment.json``.
Tasks whose backend is not in this checkout (a SPARQL-server store, the extractors) are shown
as "n/a" in the table and left out of results.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

from benchmarks.generate import DATA_VERSION, write_dataset
from benchmarks.tasks import compact

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
QUERY_NAMES = sorted(p.stem for p in (ROOT / "queries").glob("*.rq"))
HEADLINE = "who-affirmed-territorial-integrity"


def environment(args: argparse.Namespace) -> dict[str, Any]:
    def version(package: str) -> str | None:
        try:
            return metadata.version(package)
        except metadata.PackageNotFoundError:
            return None

    cpu = ""
    try:
        cpu = next(
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        )
    except (OSError, StopIteration):
        pass
    memory = ""
    try:
        kib = int(
            next(
                line.split()[1]
                for line in Path("/proc/meminfo").read_text().splitlines()
                if line.startswith("MemTotal")
            )
        )
        memory = f"{kib / 1024 / 1024:.1f} GiB"
    except (OSError, StopIteration, ValueError):
        pass
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    dirty = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=no"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    ).stdout.strip()
    return {
        "date": datetime.now(UTC).replace(microsecond=0).isoformat(),
        "command": "python -m benchmarks.run " + " ".join(sys.argv[1:]),
        "commit": commit + ("+dirty" if dirty else ""),
        "machine": {
            "cpu": cpu,
            "cores": os.cpu_count(),
            "memory": memory,
            "platform": platform.platform(),
        },
        "python": platform.python_version(),
        "packages": {
            p: version(p)
            for p in ("pyoxigraph", "oxigraph", "rdflib", "pyshacl", "lingua-language-detector")
        },
        "env": {
            k: os.environ.get(k)
            for k in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "OMP_NUM_THREADS")
        },
        "generator": {"version": DATA_VERSION, "seed": args.seed},
        "settings": {
            "runs": args.runs,
            "budget_seconds": args.budget,
            "rdflib_max": args.rdflib_max,
            "validate_all_max": args.validate_all_max,
            "write_max": args.write_max,
            "rdflib_limit": args.rdflib_limit,
        },
    }


def run_job(job: dict[str, Any], timeout: float) -> dict[str, Any]:
    label = f"{job['kind']}/{job.get('backend', '-')}" + (
        f" @ {job['statements']}" if job.get("statements") else ""
    )
    print(f"  {label} ...", end="", flush=True)
    start = time.monotonic()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "benchmarks.tasks", json.dumps(job)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        print(f" timed out after {timeout:.0f} s")
        return {"failed": f"timed out after {timeout:.0f} s"}
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        tail = (done.stderr.strip().splitlines() or ["no output"])[-1]
        print(f" failed: {tail}")
        return {"failed": tail}
    result = json.loads(lines[-1])
    if "unavailable" in result:
        print(f" not available: {result['unavailable']}")
    else:
        print(f" {time.monotonic() - start:.1f} s")
    return result


def dataset(work: Path, size: int, seed: int) -> tuple[Path, int]:
    path = work / f"kb-{size}-seed{seed}-g{DATA_VERSION}.nq"
    stats = path.with_suffix(path.suffix + ".json")
    if not (path.exists() and stats.exists()):
        print(f"  generating {size} statements ...", end="", flush=True)
        start = time.monotonic()
        write_dataset(path, size, seed)
        print(f" {time.monotonic() - start:.1f} s")
    with path.open("rb") as handle:
        quads = sum(1 for _ in handle)
    return path, quads


ADD_TASKS = ("add-one", "add-batch")


def add_jobs(
    job: Callable[..., None], wanted: Callable[[str], bool], size: int, common: dict[str, Any]
) -> None:
    """Adding drafts to a KB of this size: one article's draft, and a batch of 1,000."""
    for task in ADD_TASKS:
        if wanted(task):
            job(task, "embedded", size, **common)


def merged_records(path: Path, new: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The records already in ``path`` with this run's in place of those they measure again
    (same task, backend and size): a run of some tasks keeps the others' figures."""
    try:
        old = json.loads(path.read_text())
    except (OSError, ValueError):
        old = []
    measured = {(r["task"], r["backend"], r["statements"]) for r in new}
    kept = [r for r in old if (r["task"], r["backend"], r["statements"]) not in measured]
    return kept + new


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes", default="1000,10000,100000", help="numbers of statements, comma-separated"
    )
    parser.add_argument(
        "--only",
        default="",
        help="tasks to run: ingest,query,validate-one,validate-all,export,extract,add-one,add-batch",
    )
    parser.add_argument(
        "--work",
        type=Path,
        default=Path(os.environ.get("KB_BENCH_WORK", "/tmp/kb-bench")),
        help="where the generated data and stores go (default /tmp/kb-bench, or KB_BENCH_WORK)",
    )
    parser.add_argument(
        "--skip", default="", help="TASK/BACKEND pairs not to run, e.g. ingest/oxigraph-server"
    )
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--runs", type=int, default=5, help="timed runs per operation after a warm-up (at most)"
    )
    parser.add_argument(
        "--budget",
        type=float,
        default=20.0,
        help="seconds of timed runs per operation (at least one run)",
    )
    parser.add_argument("--ingest-runs", type=int, default=3)
    parser.add_argument(
        "--rdflib-max", type=int, default=10_000, help="largest size loaded into rdflib"
    )
    parser.add_argument(
        "--rdflib-limit",
        type=float,
        default=120.0,
        help="seconds after which an rdflib query is stopped",
    )
    parser.add_argument(
        "--validate-all-max",
        type=int,
        default=10_000,
        help="largest size validated whole with pyshacl",
    )
    parser.add_argument(
        "--write-max", type=int, default=10_000, help="largest size ingested through Store.write"
    )
    parser.add_argument(
        "--articles", type=int, default=300, help="synthetic articles for the extraction benchmark"
    )
    parser.add_argument(
        "--timeout", type=float, default=1800, help="seconds before a job is abandoned"
    )
    parser.add_argument("--output", type=Path, default=HERE / "results.json")
    parser.add_argument("--markdown", type=Path, default=HERE / "results.md")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    only = {t.strip() for t in args.only.split(",") if t.strip()}
    args.work.mkdir(parents=True, exist_ok=True)

    def wanted(kind: str) -> bool:
        return not only or kind in only

    env = environment(args)
    records: list[dict[str, Any]] = []
    notes: dict[tuple[str, str, int | None], str] = {}  # cells that are n/a, skipped or failed
    timeouts: list[dict[str, Any]] = []  # operations stopped at a time limit: lower bounds only
    started = time.monotonic()

    skipped = {t.strip() for t in args.skip.split(",") if t.strip()}

    def job(kind: str, backend: str, size: int | None, **extra: Any) -> None:
        if f"{kind}/{backend}" in skipped:
            notes[(kind, backend, size)] = "skipped: --skip"
            return
        spec = {
            "kind": kind,
            "backend": backend,
            "statements": size,
            "work": str(args.work),
            "runs": args.runs,
            "budget": args.budget,
            **extra,
        }
        result = run_job(spec, args.timeout)
        tasks = [f"query:{q}" for q in QUERY_NAMES] if kind == "query" else [kind]
        for stopped in result.get("timeouts", []):
            timeouts.append(stopped)
            notes[(stopped["task"], stopped["backend"], stopped["statements"])] = (
                f"stopped: > {stopped['limit_seconds']:.0f} s"
            )
        for failed in result.get("failures", []):
            notes[(failed["task"], failed["backend"], failed["statements"])] = (
                "failed: " + failed["error"]
            )
        if "records" in result:
            records.extend(result["records"])
        else:
            why = (
                "n/a: " + result["unavailable"]
                if "unavailable" in result
                else "failed: " + result["failed"]
            )
            for task in tasks:
                notes[(task, backend, size)] = why

    for size in sizes:
        print(f"{size} statements")
        data, triples = dataset(args.work, size, args.seed)
        fixture = args.work / f"store-{size}"
        common = {"data": str(data), "triples": triples, "fixture": str(fixture)}
        need_fixture = any(
            wanted(k) for k in ("query", "validate-one", "validate-all", "export", *ADD_TASKS)
        )
        if wanted("ingest") or need_fixture:
            job(
                "ingest",
                "oxigraph-load",
                size,
                runs=args.ingest_runs if wanted("ingest") else 1,
                keep=str(fixture),
                **common,
            )
            if not fixture.exists():  # no oxigraph CLI: build the fixture with pyoxigraph
                import pyoxigraph as ox

                store = ox.Store(str(fixture))
                store.bulk_load(path=str(data), format=ox.RdfFormat.N_QUADS)
                store.flush()
                del store
                compact(fixture)
            if not wanted("ingest"):
                records[:] = [
                    r for r in records if not (r["task"] == "ingest" and r["statements"] == size)
                ]
        if wanted("ingest"):
            job("ingest", "embedded", size, runs=args.ingest_runs, **common)
            if size <= args.write_max:
                job("ingest", "embedded-write", size, runs=args.ingest_runs, **common)
            else:
                notes[("ingest", "embedded-write", size)] = (
                    f"skipped: above --write-max {args.write_max}"
                )
            job("ingest", "oxigraph-server", size, runs=args.ingest_runs, **common)
        if wanted("query"):
            job("query", "embedded", size, **common)
            job("query", "oxigraph-server", size, **common)
            if size <= args.rdflib_max:
                # rdflib runs until it is 25 times slower than the embedded store (enough to
                # decide the 20x target), at least 10 s and at most --rdflib-limit
                limits = {
                    r["task"][6:]: min(args.rdflib_limit, max(10.0, 25 * r["seconds"]))
                    for r in records
                    if r["task"].startswith("query:")
                    and r["backend"] == "embedded"
                    and r["statements"] == size
                }
                job("query", "rdflib", size, limits=limits, **common)
            else:
                for q in QUERY_NAMES:
                    notes[(f"query:{q}", "rdflib", size)] = (
                        f"skipped: above --rdflib-max {args.rdflib_max}"
                    )
        if wanted("validate-one"):
            job("validate-one", "embedded", size, **common)
            job("validate-one", "oxigraph-server", size, **common)
        if wanted("validate-all"):
            if size <= args.validate_all_max:
                job("validate-all", "pyshacl", size, **{**common, "runs": 3})
            else:
                notes[("validate-all", "pyshacl", size)] = (
                    f"skipped: above --validate-all-max {args.validate_all_max}"
                )
        if wanted("export"):
            job("export", "embedded", size, **common)
            job("export", "oxigraph-dump", size, **common)
            job("export", "oxigraph-server", size, **common)
        add_jobs(job, wanted, size, common)
    if wanted("extract"):
        print("extraction")
        job("extract", "kb", None, articles=args.articles)

    elapsed = time.monotonic() - started
    env["elapsed_seconds"] = round(elapsed)
    env["stopped_at_time_limit"] = timeouts
    records[:] = merged_records(args.output, records)
    args.output.write_text(json.dumps(records, indent=1, ensure_ascii=False) + "\n")
    environment_file = args.output.with_name(args.output.name.replace("results", "environment"))
    if environment_file == args.output:
        environment_file = args.output.with_suffix(".environment.json")
    environment_file.write_text(json.dumps(env, indent=1) + "\n")
    text = report(records, notes, sizes, env, timeouts)
    args.markdown.write_text(text)
    print()
    print(text)
    print(f"wrote {args.output} and {args.markdown} in {elapsed / 60:.1f} min")


# -- the table --------------------------------------------------------------------------------


def fmt_seconds(seconds: float) -> str:
    if seconds < 0.001:
        return f"{seconds * 1e6:.0f} µs"
    if seconds < 1:
        return f"{seconds * 1000:.1f} ms"
    return f"{seconds:.2f} s"


def fmt_size(size: int | None) -> str:
    if size is None:
        return "-"
    exponent = len(str(size)) - 1
    return f"10^{exponent}" if size == 10**exponent else f"{size:,}"


ORDER = {
    "ingest": 0,
    "query": 1,
    "validate-one": 2,
    "validate-all": 3,
    "export": 4,
    "add-one": 5,
    "add-batch": 6,
    "extract": 7,
}
BACKEND_ORDER = {
    "embedded": 0,
    "embedded-write": 1,
    "oxigraph-dump": 2,
    "oxigraph-load": 2,
    "oxigraph-server": 3,
    "rdflib": 4,
    "pyshacl": 5,
    "kb": 6,
}


def report(
    records: list[dict[str, Any]],
    notes: dict[tuple[str, str, int | None], str],
    sizes: list[int],
    env: dict[str, Any],
    timeouts: list[dict[str, Any]],
) -> str:
    cells: dict[tuple[str, str], dict[int | None, str]] = {}
    by_key = {(r["task"], r["backend"], r["statements"]): r for r in records}
    for r in records:
        extra = (
            f" ({r['rows']} rows)"
            if "rows" in r and r["task"].startswith("query:") and r["backend"] == "embedded"
            else ""
        )
        cells.setdefault((r["task"], r["backend"]), {})[r["statements"]] = (
            f"{fmt_seconds(r['seconds'])} · {r['peak_rss_mb']:.0f} MB{extra}"
        )
    for (task, backend, size), why in notes.items():
        if why.startswith("stopped"):
            cells.setdefault((task, backend), {})[size] = why.split(": ", 1)[1] + " (stopped)"
        else:
            cells.setdefault((task, backend), {})[size] = (
                "n/a" if why.startswith("n/a") else why.split(":")[0]
            )

    def sort_key(key: tuple[str, str]) -> tuple[int, str, int]:
        task, backend = key
        return ORDER.get(task.split(":")[0], 9), task, BACKEND_ORDER.get(backend, 9)

    columns = [s for s in sizes]
    lines = [
        "| task | backend | " + " | ".join(f"{fmt_size(s)} statements" for s in columns) + " |",
        "|---|---|" + "---|" * len(columns),
    ]
    extract_cells = None
    for key in sorted(cells, key=sort_key):
        if key[0] == "extract":
            extract_cells = cells[key]
            continue
        row = [cells[key].get(s, "") for s in columns]
        lines.append(f"| {key[0]} | {key[1]} | " + " | ".join(row) + " |")
    table = "\n".join(lines)
    machine = env["machine"]
    pk = env["packages"]
    out = [
        f"Machine: {machine['cpu']}, {machine['cores']} cores, {machine['memory']}; Python {env['python']}, "
        f"pyoxigraph {pk['pyoxigraph']}, oxigraph CLI {pk['oxigraph']}, rdflib {pk['rdflib']}, pyshacl {pk['pyshacl']}; "
        f"commit {env['commit']}, {env['date']}; whole run {env.get('elapsed_seconds', 0) / 60:.0f} min.",
        "",
        "Each cell: median time of one operation · peak resident memory of the process doing it "
        "(plus the server's, for oxigraph-server).",
        "",
        table,
    ]
    if extract_cells is not None:
        r = by_key.get(("extract", "kb", None))
        if r:
            out += [
                "",
                f"Extraction (`kb.extract`, one core, {r['runs']} synthetic articles of {r['mean_characters']} characters "
                f"on average, seven languages): median {fmt_seconds(r['seconds'])} per article, "
                f"{r['articles_per_second']} articles/s (mean), peak {r['peak_rss_mb']:.0f} MB.",
            ]
        else:
            out += ["", "Extraction: " + next(iter(extract_cells.values()))]
    unavailable = sorted({why for why in notes.values() if why.startswith("n/a")})
    if unavailable:
        out += [
            "",
            "Not available in this checkout: " + "; ".join(w[5:] for w in unavailable) + ".",
        ]
    out += ["", "Targets:", ""] + [f"- {line}" for line in targets(records, sizes, timeouts)]
    return "\n".join(out) + "\n"


def targets(
    records: list[dict[str, Any]], sizes: list[int], timeouts: list[dict[str, Any]]
) -> list[str]:
    get = {(r["task"], r["backend"], r["statements"]): r for r in records}
    stopped = {(t["task"], t["backend"], t["statements"]): t["limit_seconds"] for t in timeouts}
    lines = []

    def verdict(ok: bool) -> str:
        return "**met**" if ok else "**missed**"

    if 10_000 in sizes:
        ratios = []
        for q in QUERY_NAMES:
            a, b = (
                get.get((f"query:{q}", "embedded", 10_000)),
                get.get((f"query:{q}", "rdflib", 10_000)),
            )
            limit = stopped.get((f"query:{q}", "rdflib", 10_000))
            if a and (b or limit):
                ratios.append(
                    ((b["seconds"] if b else limit) / a["seconds"], q, "" if b else "at least ")
                )
        if ratios:
            worst = min(ratios)
            every = ", ".join(
                f"{q} {bound}{r:,.0f}x" for r, q, bound in sorted(ratios, key=lambda x: x[1])
            )
            lines.append(
                f"Every saved query ≥ 20x faster than rdflib at 10^4: {verdict(worst[0] >= 20)} "
                f"(lowest {worst[2]}{worst[0]:,.0f}x, {worst[1]}; {every})"
            )
    head = get.get((f"query:{HEADLINE}", "embedded", 100_000))
    if head:
        lines.append(
            f"Headline query < 50 ms at 10^5: {verdict(head['seconds'] < 0.05)} ({fmt_seconds(head['seconds'])})"
        )
    for backend in ("embedded", "embedded-write", "oxigraph-server"):
        for size in sizes:
            a, floor = (
                get.get(("ingest", backend, size)),
                get.get(("ingest", "oxigraph-load", size)),
            )
            if a and floor and size == max(s for s in sizes if get.get(("ingest", backend, s))):
                share = floor["seconds"] / a["seconds"]
                lines.append(
                    f"Ingest ({backend}) ≥ half the rate of `oxigraph load` at {fmt_size(size)}: "
                    f"{verdict(share >= 0.5)} ({share:.2f} of its rate; "
                    f"{a['triples'] / a['seconds']:,.0f} vs {floor['triples'] / floor['seconds']:,.0f} quads/s)"
                )
    lines += add_targets(get, sizes)
    ones = [
        (s, get[("validate-one", "embedded", s)]["seconds"])
        for s in sizes
        if ("validate-one", "embedded", s) in get
    ]
    flat = [t for s, t in ones if 1_000 <= s <= 100_000]
    if len(flat) >= 2:
        lines.append(
            f"Checking one claim flat from 10^3 to 10^5 (within 2x): {verdict(max(flat) / min(flat) <= 2)} "
            f"({', '.join(fmt_seconds(t) for _, t in ones)}; max/min {max(flat) / min(flat):.2f})"
        )
    one = get.get(("validate-one", "embedded", 100_000))
    if one:
        whole = get.get(("validate-all", "pyshacl", 100_000))
        if whole:
            lines.append(
                f"One claim ≥ 100x faster than whole-KB pyshacl at 10^5: {verdict(whole['seconds'] / one['seconds'] >= 100)} "
                f"({whole['seconds'] / one['seconds']:,.0f}x)"
            )
        else:
            known = [r for r in records if r["task"] == "validate-all"]
            if known:
                base = max(known, key=lambda r: r["statements"])
                estimate = base["seconds"] * 100_000 / base["statements"]
                lines.append(
                    f"One claim ≥ 100x faster than whole-KB pyshacl at 10^5: {verdict(estimate / one['seconds'] >= 100)} "
                    f"(EXTRAPOLATED: whole-KB validation linear from {fmt_size(base['statements'])} "
                    f"→ about {fmt_seconds(estimate)} at 10^5, {estimate / one['seconds']:,.0f}x)"
                )
    ex = get.get(("extract", "kb", None))
    if ex:
        lines.append(
            f"Extraction ≥ 100 articles/s on one core: {verdict(ex['articles_per_second'] >= 100)} "
            f"({ex['articles_per_second']} articles/s)"
        )
    for size in sizes:
        e = get.get(("export", "embedded", size))
        if e and size == max(sizes):
            rate = e["triples"] / e["seconds"]
            dump = get.get(("export", "oxigraph-dump", size))
            beside = (
                f"; the store's own N-Quads dump {dump['triples'] / dump['seconds']:,.0f}/s"
                if dump
                else ""
            )
            lines.append(
                f"Turtle export ≥ 200,000 triples/s at {fmt_size(size)}: {verdict(rate >= 200_000)} "
                f"({rate:,.0f} triples/s{beside})"
            )
    build = [r for r in records if r["task"] == "ingest" and r["statements"] == 1_000_000]
    for r in build:
        lines.append(
            f"Building 10^6 statements under 4 GB ({r['backend']}): {verdict(r['peak_rss_mb'] < 4096)} ({r['peak_rss_mb']:,.0f} MB)"
        )
    return lines + query_targets(get, sizes)


def query_targets(get: dict[tuple[str, Any, Any], dict[str, Any]], sizes: list[int]) -> list[str]:
    """The saved queries against the Oxigraph server (same engine, so within 1.5x) at the
    largest size both ran, and how soon each listing's first row arrives at 10^5."""
    lines = []

    def verdict(ok: bool) -> str:
        return "**met**" if ok else "**missed**"

    both = [
        s
        for s in sizes
        if any(get.get((f"query:{q}", "oxigraph-server", s)) for q in QUERY_NAMES)
        and any(get.get((f"query:{q}", "embedded", s)) for q in QUERY_NAMES)
    ]
    if both:
        size = max(both)
        ratios = []
        for q in QUERY_NAMES:
            a, b = (
                get.get((f"query:{q}", "embedded", size)),
                get.get((f"query:{q}", "oxigraph-server", size)),
            )
            if a and b:
                ratios.append((a["seconds"] / b["seconds"], q))
        worst = max(ratios)
        lines.append(
            f"Every saved query within 1.5x of the Oxigraph server's time at {fmt_size(size)}, wall: "
            f"{verdict(worst[0] <= 1.5)} (slowest relative: {worst[1]} {worst[0]:.2f}x; "
            + ", ".join(f"{q} {r:.2f}x" for r, q in sorted(ratios, key=lambda x: x[1]))
            + ")"
        )
        cpu = [
            (a["cpu_seconds"] / b["cpu_seconds"], q)
            for q in QUERY_NAMES
            if (a := get.get((f"query:{q}", "embedded", size)))
            and (b := get.get((f"query:{q}", "oxigraph-server", size)))
            and a.get("cpu_seconds")
            and b.get("cpu_seconds")
        ]
        if cpu:
            worst = max(cpu)
            lines.append(
                f"... on CPU time (kb's process against the server's): {verdict(worst[0] <= 1.5)} "
                f"(slowest relative: {worst[1]} {worst[0]:.2f}x; "
                + ", ".join(f"{q} {r:.2f}x" for r, q in sorted(cpu, key=lambda x: x[1]))
                + ")"
            )
    firsts = [
        (get[(f"query:{q}", "embedded", 100_000)].get("first_row_seconds"), q)
        for q in QUERY_NAMES
        if (f"query:{q}", "embedded", 100_000) in get
    ]
    firsts = [(t, q) for t, q in firsts if t is not None]
    if firsts:
        slow = [f"{q} {fmt_seconds(t)}" for t, q in sorted(firsts, reverse=True) if t >= 0.1]
        lines.append(
            f"Every listing's first row < 100 ms at 10^5: {verdict(not slow)}"
            + (f" (over: {', '.join(slow)})" if slow else "")
        )
    return lines


def add_targets(
    get: dict[tuple[str, str, int | None], dict[str, Any]], sizes: list[int]
) -> list[str]:
    """The write path's targets: `kb build`'s memory beside `oxigraph load`'s, adding one
    draft flat in the size of the KB, a batch of 1,000 drafts at 50 articles/s or more."""

    def verdict(ok: bool) -> str:
        return "**met**" if ok else "**missed**"

    lines = []
    for size in sizes:
        ours, floor = (
            get.get(("ingest", "embedded", size)),
            get.get(("ingest", "oxigraph-load", size)),
        )
        if ours and floor:
            share = ours["peak_rss_mb"] / floor["peak_rss_mb"]
            lines.append(
                f"`kb build`'s peak memory ≤ 1.5x `oxigraph load`'s at {fmt_size(size)}: "
                f"{verdict(share <= 1.5)} ({ours['peak_rss_mb']:,.0f} vs {floor['peak_rss_mb']:,.0f} MB, {share:.2f}x)"
            )
        if ours and size >= 100_000:
            lines.append(
                f"`kb build` under 2 GB at {fmt_size(size)}: {verdict(ours['peak_rss_mb'] < 2048)} "
                f"({ours['peak_rss_mb']:,.0f} MB)"
            )
    ones = [
        (s, get[("add-one", "embedded", s)]) for s in sizes if ("add-one", "embedded", s) in get
    ]
    if len(ones) >= 2:
        (first, base), *rest = ones
        for size, r in rest:
            ratio = r["seconds"] / base["seconds"]
            lines.append(
                f"add-one at {fmt_size(size)} ≤ 1.5x add-one at {fmt_size(first)}: {verdict(ratio <= 1.5)} "
                f"({fmt_seconds(r['seconds'])} vs {fmt_seconds(base['seconds'])}, {ratio:.2f}x; "
                f"CPU {r['cpu_seconds']:.2f} vs {base['cpu_seconds']:.2f} s)"
            )
    for size in sizes:
        r = get.get(("add-batch", "embedded", size))
        if r:
            lines.append(
                f"add-batch ≥ 50 articles/s at {fmt_size(size)}: {verdict(r['articles_per_second'] >= 50)} "
                f"({r['articles_per_second']} articles/s, {r['drafts']} drafts in {fmt_seconds(r['seconds'])}, "
                f"peak {r['peak_rss_mb']:,.0f} MB)"
            )
    return lines


if __name__ == "__main__":
    main()
