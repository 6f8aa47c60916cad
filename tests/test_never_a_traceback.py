"""Every command ends in its output or in one line on stderr with a documented exit code: never in
a traceback, whatever the data, the store or the disk.

Each environment below runs ``tests/cli_sweep.py`` once, in its own process and empty directory:
every command and subcommand of ``kb`` (from the CLI's own list), with --help, without
arguments, with each argument given missing, empty, binary and malformed files or odd text, with
each choice of each option (formats, languages), and with each output option pointed at a full
disk, a missing folder and a folder. The environments run two at a time.
``KB_DEBUG=1`` lets any unexpected exception end in its traceback, so a bug cannot hide behind
the CLI's last-resort "internal error" line.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from click.testing import CliRunner

from kb.cli import main
from kb.resources import CURATED_FOLDERS

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTED_EXIT_CODES = {0, 1, 2, 3, 4}  # kb/cli.py; 70 (internal error) is a bug
FULL_DISK_BYTES = 1 << 20  # the store opens, and the build's writes fail


def _curated_copy(workdir: Path) -> Path:
    home = workdir / "curated"
    for folder in CURATED_FOLDERS:
        shutil.copytree(ROOT / folder, home / folder)
    return home


def _no_data(workdir: Path) -> dict[str, str]:
    (workdir / "nothing").mkdir()
    return {"KB_HOME": str(workdir / "nothing")}


def _no_queries(workdir: Path) -> dict[str, str]:
    home = _curated_copy(workdir)
    for query in (home / "queries").glob("*.rq"):
        query.unlink()
    return {"KB_HOME": str(home)}


def _no_lexicons(workdir: Path) -> dict[str, str]:
    home = _curated_copy(workdir)
    for lexicon in (home / "ontology" / "lexicons").glob("*.yaml"):
        lexicon.unlink()
    return {"KB_HOME": str(home)}


def _unreadable_files(workdir: Path) -> dict[str, str]:
    """The registry, a lexicon and a saved query each a folder where a file should be (as root,
    a file's permissions would not stop kb from reading it)."""
    home = _curated_copy(workdir)
    for path in (
        home / "ontology" / "registry.ttl",
        home / "ontology" / "lexicons" / "en.yaml",
        home / "queries" / "sources.rq",
    ):
        path.unlink()
        path.mkdir()
    return {"KB_HOME": str(home)}


def _garbled_files(workdir: Path) -> dict[str, str]:
    home = _curated_copy(workdir)
    (home / "ontology" / "registry.ttl").write_bytes(b"@prefix : <#> .\n:a :b \xff\xfe .\n")
    (home / "ontology" / "lexicons" / "en.yaml").write_text("cues: [unclosed\n", encoding="utf-8")
    (home / "ontology" / "lexicons" / "fa.yaml").write_text("- [unclosed\n", encoding="utf-8")
    (home / "queries" / "sources.rq").write_bytes(bytes(range(256)))
    (home / "seeds" / "000_6127c40611fea0bb.claims.yaml").write_text(
        "source: {}\n", encoding="utf-8"
    )
    return {"KB_HOME": str(home)}


def _lexicon_not_a_mapping(workdir: Path) -> dict[str, str]:
    home = _curated_copy(workdir)
    (home / "ontology" / "lexicons" / "fa.yaml").write_text("- a list\n", encoding="utf-8")
    return {"KB_HOME": str(home)}


def _store_not_allowed(workdir: Path) -> dict[str, str]:
    """A store folder kb may not create: in a read-only folder, or (as root, whom permissions do
    not stop) in sysfs, where the kernel refuses."""
    if os.geteuid() == 0:
        return {"KB_STORE": "/sys/kb-data"}
    locked = workdir / "locked"
    locked.mkdir(mode=0o500)
    return {"KB_STORE": str(locked / "kb-data")}


def _store_not_a_folder(workdir: Path) -> dict[str, str]:
    (workdir / "kb-data").write_text("not a store\n", encoding="utf-8")
    return {}


def _built_then_data_gone(workdir: Path) -> dict[str, str]:
    """A KB built from the checkout's data, then run with no data at all."""
    built = subprocess.run(
        [sys.executable, "-m", "kb", "--quiet", "build"],
        cwd=workdir,
        capture_output=True,
        text=True,
    )
    assert built.returncode == 0, built.stderr
    return _no_data(workdir)


@dataclass(frozen=True)
class Environment:
    name: str
    prepare: Callable[[Path], dict[str, str]] = lambda _: {}
    sweep_args: list[str] = field(default_factory=list)


ENVIRONMENTS = [
    Environment("the checkout's data, a new directory"),
    Environment("no data at all (KB_HOME an empty folder)", _no_data),
    Environment("no saved queries", _no_queries),
    Environment("no lexicon for any language", _no_lexicons),
    Environment("unreadable registry, lexicon and saved query", _unreadable_files),
    Environment("garbled registry, lexicons, saved query and claim form", _garbled_files),
    Environment("a lexicon that is not a mapping", _lexicon_not_a_mapping),
    Environment("a store folder kb may not create", _store_not_allowed),
    Environment("a file where the store should be", _store_not_a_folder),
    Environment(
        "a full disk (writes past 1 MiB fail)", sweep_args=["--max-file-size", str(FULL_DISK_BYTES)]
    ),
    Environment("a built KB whose data is gone", _built_then_data_gone),
]


def sweep(environment: Environment, workdir: Path) -> list[dict[str, object]]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KB_")}
    env.update(environment.prepare(workdir))
    env["KB_DEBUG"] = "1"
    env["PYTHONPATH"] = str(ROOT)
    done = subprocess.run(
        [sys.executable, "-m", "tests.cli_sweep", *environment.sweep_args],
        cwd=workdir,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return [json.loads(line) for line in done.stdout.splitlines()]


def problems(run: dict[str, object]) -> list[str]:
    """What is wrong with how one run ended, if anything."""
    stderr = str(run["stderr"])
    found = []
    if run["traceback"] or "Traceback" in stderr:
        found.append(f"traceback:\n{run['traceback'] or stderr}")
    if run["exit_code"] not in DOCUMENTED_EXIT_CODES:
        found.append(f"exit code {run['exit_code']}: {stderr.strip()}")
    elif run["exit_code"] != 0 and not stderr.strip():
        found.append(f"exit code {run['exit_code']} and nothing on stderr")
    return found


@pytest.fixture(scope="module")
def sweeps(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Future[list[dict[str, object]]]]:
    """Every environment's sweep, two at a time (each is a process of its own)."""
    with ThreadPoolExecutor(max_workers=2) as pool:
        return {
            e.name: pool.submit(sweep, e, tmp_path_factory.mktemp("sweep")) for e in ENVIRONMENTS
        }


@pytest.mark.parametrize("environment", ENVIRONMENTS, ids=[e.name for e in ENVIRONMENTS])
def test_every_command_ends_without_a_traceback(
    environment: Environment, sweeps: dict[str, Future[list[dict[str, object]]]]
) -> None:
    runs = sweeps[environment.name].result()
    assert len(runs) > 100, "the sweep ran fewer commands than kb has"
    failures = [
        f"kb {' '.join(map(str, run['argv']))} -> {problem}"  # type: ignore[call-overload]
        for run in runs
        for problem in problems(run)
    ]
    assert not failures, f"{len(failures)} of {len(runs)} runs:\n" + "\n".join(failures)
    codes = Counter(int(run["exit_code"]) for run in runs)  # type: ignore[call-overload]
    print(f"{environment.name}: {len(runs)} runs, exit codes {dict(sorted(codes.items()))}")


def test_the_sweep_covers_every_command() -> None:
    from .cli_sweep import commands

    names = {" ".join(path) for path, _ in commands(main)}
    assert {
        "init",
        "build",
        "query",
        "queries",
        "extract",
        "entities merge",
        "meetings split",
    } <= names
    assert set(main.commands) <= names


def test_output_to_a_full_disk_ends_in_one_line(tmp_path: Path) -> None:
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "kb", "queries"],
            cwd=tmp_path,
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
        )
    assert (done.returncode, done.stderr) == (4, "kb: No space left on device\n")


def test_a_bug_ends_in_one_line_and_kb_debug_shows_its_traceback(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken() -> None:
        raise ZeroDivisionError("a bug\nover two lines")

    monkeypatch.setattr("kb.cli.ask.saved_queries", broken)
    monkeypatch.delenv("KB_DEBUG", raising=False)
    result = CliRunner().invoke(main, ["queries"])
    assert result.exit_code == 70
    assert result.stderr == (
        "kb: internal error: ZeroDivisionError: a bug (a bug; KB_DEBUG=1 shows the traceback)\n"
    )
    debugged = CliRunner().invoke(main, ["queries"], env={"KB_DEBUG": "1"})
    assert isinstance(debugged.exception, ZeroDivisionError)
