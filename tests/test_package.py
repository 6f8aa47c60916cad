"""kb as a user installs it: the wheel built from the sdist, in a fresh virtual environment, run
from an empty directory far from the checkout.

The sdist and wheel are built once per run with the standard ``build`` frontend (as
``make dist`` does, without build isolation so that no package is downloaded). The fresh
environment gets the wheel without its dependencies and borrows them from this environment's
site-packages through a ``.pth`` line, which adds the folder but runs none of its ``.pth``
files: this checkout's editable install stays out of sight, and the test runs offline.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from kb.namespaces import sparql_prologue
from kb.output import render
from kb.queries import saved_queries
from kb.resources import CURATED_FOLDERS, DataHome, locate_data
from kb.store import Solutions, Store

from .test_never_a_traceback import problems

ROOT = Path(__file__).resolve().parent.parent
HEADLINE = "who-affirmed-territorial-integrity"
ARTICLE = ROOT / "tests" / "articles" / "en" / "wire-3plus3-tehran.txt"
TIMEOUT = 300

Run = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture(scope="session")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sdist and the wheel built from it, in a folder of their own."""
    out = tmp_path_factory.mktemp("dist")
    command = [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(ROOT)]
    built = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT)
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    return out


def _one(folder: Path, pattern: str) -> Path:
    (found,) = folder.glob(pattern)
    return found


@pytest.fixture(scope="session")
def venv(dist: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment with the wheel installed; this environment's packages
    serve as its dependencies."""
    venv = tmp_path_factory.mktemp("venv") / "v"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    ours = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    Path(purelib, "kb-test-dependencies.pth").write_text("\n".join(sorted(ours)) + "\n")
    install = [sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet"]
    install += ["--no-deps", "--no-index", str(_one(dist, "*.whl"))]
    subprocess.run(install, check=True, timeout=TIMEOUT)
    return venv


@pytest.fixture
def run(venv: Path, tmp_path: Path) -> Run:
    """Run a command of the installed environment in an empty directory; kb's own
    environment variables unset, so kb finds nothing but what the wheel carries."""
    workdir = tmp_path / "empty"
    workdir.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("KB_") and k != "PYTHONPATH"}
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"

    def run_(*args: str, **extra_env: str) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(
            list(args),
            cwd=workdir,
            env={**env, **extra_env},
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
        )
        assert "Traceback" not in done.stderr, done.stderr
        return done

    return run_


def test_the_wheel_and_the_sdist_carry_the_curated_data(dist: Path) -> None:
    wheel = zipfile.ZipFile(_one(dist, "*.whl")).namelist()
    sdist = tarfile.open(_one(dist, "*.tar.gz")).getnames()
    for folder in CURATED_FOLDERS:
        files = sorted(
            p.relative_to(ROOT).as_posix() for p in (ROOT / folder).rglob("*") if p.is_file()
        )
        assert files, folder
        assert {f"kb/data/{f}" for f in files} <= set(wheel), f"the wheel lacks {folder}/"
        assert {f"kb-{_version()}/{f}" for f in files} <= set(sdist), f"the sdist lacks {folder}/"
    assert "kb/data/ontology/lexicons/en.yaml" in wheel


def _version() -> str:
    from kb import __version__

    return __version__


def test_twine_finds_the_metadata_complete(dist: Path) -> None:
    files = [str(p) for p in sorted(dist.iterdir())]
    checked = subprocess.run(
        [sys.executable, "-m", "twine", "check", "--strict", *files],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    metadata = zipfile.ZipFile(_one(dist, "*.whl")).read(f"kb-{_version()}.dist-info/METADATA")
    text = metadata.decode("utf-8")
    for field in ("Summary: ", "License-Expression: MIT", "Requires-Python: >=3.11"):
        assert field in text
    assert "Classifier: Programming Language :: Python :: 3.11" in text


def test_the_installed_kb_says_which_data_it_reads(run: Run, venv: Path) -> None:
    version = run("kb", "--version")
    assert version.returncode == 0
    first, data = version.stdout.splitlines()
    assert first == f"kb, version {_version()}"
    assert data.startswith(f"data: {venv}") and data.endswith("kb/data (installed package)")
    assert run("python", "-m", "kb", "--version").stdout == version.stdout
    elsewhere = run("kb", "--version", KB_HOME=str(ROOT)).stdout
    assert f"data: {ROOT} (KB_HOME)" in elsewhere


def test_the_installed_kb_runs_the_demo_from_an_empty_directory(
    run: Run, seed_store: Store, tmp_path: Path
) -> None:
    assert run("kb", "init").stderr == "initialised ./kb-data\n"
    built = run("kb", "build")
    assert built.returncode == 0
    assert built.stderr.endswith("built ./kb-data: Conforms: every claim satisfies the shapes.\n")
    assert run("kb", "validate", "--all").stdout.startswith("Conforms")

    headline = run("kb", "query", HEADLINE)
    assert headline.returncode == 0, headline.stderr
    assert headline.stdout == _demo_rows(seed_store) + "\n"

    as_csv = run("kb", "query", HEADLINE, "-f", "csv").stdout
    assert _rows(as_csv) == _rows(render(_headline(seed_store), "csv"))

    drafted = run("kb", "extract", str(ARTICLE), "-o", "draft.trig")
    assert drafted.returncode == 0, drafted.stderr
    assert run("kb", "validate", "draft.trig").returncode == 0

    reported = run("kb", "report", "-o", "report.html")
    assert reported.returncode == 0, reported.stderr
    exported = run("kb", "export", "--format", "nquads", "-o", "kb.nq")
    assert exported.returncode == 0, exported.stderr

    workdir = tmp_path / "empty"
    assert "<html" in (workdir / "report.html").read_text(encoding="utf-8")
    assert (workdir / "kb.nq").stat().st_size > 100_000
    assert sorted(p.name for p in workdir.iterdir()) == [
        "draft.trig",
        "kb-data",
        "kb.nq",
        "report.html",
    ]


def _headline(store: Store) -> Solutions:
    return store.select(sparql_prologue() + saved_queries()[HEADLINE].bound({}))


def _demo_rows(store: Store) -> str:
    """What ``kb query who-affirmed-territorial-integrity`` prints on the checkout's seed KB."""
    return render(_headline(store), "table", saved_queries()[HEADLINE].table_columns)


def _rows(csv_text: str) -> list[list[str]]:
    return sorted(row for row in csv.reader(io.StringIO(csv_text)) if row)


def test_the_installed_kb_lists_its_saved_queries(run: Run) -> None:
    listed = run("kb", "queries")
    assert listed.returncode == 0
    assert sorted(
        line.split()[0] for line in listed.stdout.splitlines() if line[:1].isalnum()
    ) == sorted(saved_queries())


def test_shell_completion_works_from_the_installed_command(run: Run) -> None:
    commands = run("kb", _KB_COMPLETE="bash_complete", COMP_WORDS="kb que", COMP_CWORD="1")
    assert commands.stdout.split() == ["plain,queries", "plain,query"]
    assert run("kb", "completion", "bash").stdout.startswith("_kb_completion()")


def test_kb_home_points_the_installed_kb_at_another_copy(run: Run, tmp_path: Path) -> None:
    home = tmp_path / "curated"
    for folder in CURATED_FOLDERS:
        shutil.copytree(ROOT / folder, home / folder)
    (home / "queries" / "all-sources.rq").write_text(
        "# title: Every source\nSELECT ?source WHERE { ?source a kb:Source }\n", encoding="utf-8"
    )
    listed = run("kb", "queries", KB_HOME=str(home)).stdout
    assert "all-sources" in listed
    assert "all-sources" not in run("kb", "queries").stdout


def test_no_command_of_the_installed_kb_ends_in_a_traceback(venv: Path, tmp_path: Path) -> None:
    """The sweep of tests/test_never_a_traceback.py, run by the installed kb with its own data."""
    workdir = tmp_path / "empty"
    workdir.mkdir()
    sweep = shutil.copy(ROOT / "tests" / "cli_sweep.py", tmp_path / "cli_sweep.py")
    env = {k: v for k, v in os.environ.items() if not k.startswith("KB_") and k != "PYTHONPATH"}
    done = subprocess.run(
        [str(venv / "bin" / "python"), str(sweep)],
        cwd=workdir,
        env={**env, "KB_DEBUG": "1"},
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    runs = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(runs) > 100
    failures = [f"kb {' '.join(run['argv'])} -> {p}" for run in runs for p in problems(run)]
    assert not failures, "\n".join(failures)


def test_the_checkout_reads_its_top_level_folders(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KB_HOME", raising=False)
    assert locate_data() == DataHome(ROOT, "source checkout")


def test_kb_home_comes_first(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("KB_HOME", str(tmp_path))
    assert locate_data() == DataHome(tmp_path, "KB_HOME")


# -- every package kb imports is one it declares --------------------------------------------------

PAGE = """<html lang="en"><head><title>Talks in Baku</title>
<meta property="article:published_time" content="2024-11-14"></head><body>
<nav>Home | World</nav><article><h1>Talks in Baku</h1>
<p>President Ilham Aliyev received Foreign Minister Abbas Araghchi in Baku on 14 November.</p>
<p>"We support the territorial integrity of every state in the region," Araghchi said.</p>
</article><footer>Cookies</footer></body></html>"""

# Runs kb's commands in a process where a third-party package outside the allowed
# distributions cannot be imported (an optional import then takes its fallback, as it would
# where the package is not installed); prints each command's exit code.
WITH_DECLARED_ONLY = """
import sys
from importlib.abc import MetaPathFinder
from importlib.metadata import packages_distributions

allowed = set(sys.argv[1].split(","))
owners = packages_distributions()

class DeclaredOnly(MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        top = name.partition(".")[0]
        dists = {d.lower().replace("_", "-").replace(".", "-") for d in owners.get(top, [])}
        if dists and top != "kb" and not dists & allowed:
            raise ModuleNotFoundError(f"{top} ({', '.join(sorted(dists))}) is not declared", name=name)
        return None

sys.meta_path.insert(0, DeclaredOnly())
from kb.cli import main
for args in sys.argv[2:]:
    try:
        code = main(args.split(), standalone_mode=False) or 0
    except SystemExit as done:
        code = done.code
    print("kb-exit", code)
"""


def _declared_closure(name: str) -> set[str]:
    """The distributions pip installs for ``name``: its requirements and theirs, extras only
    where a requirement asks for them (an extra a package no longer provides brings nothing)."""
    from importlib.metadata import PackageNotFoundError, distribution

    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    closure: set[str] = set()
    todo = [(name, frozenset[str]())]
    while todo:
        wanted, extras = todo.pop()
        key = canonicalize_name(wanted)
        if (key, extras) in {(k, frozenset[str]()) for k in closure} and not extras:
            continue
        try:
            requires = distribution(wanted).requires or []
        except PackageNotFoundError:
            continue
        closure.add(key)
        for text in requires:
            requirement = Requirement(text)
            marker = requirement.marker
            if marker and not any(marker.evaluate({"extra": e}) for e in {"", *extras}):
                continue
            if canonicalize_name(requirement.name) not in closure or requirement.extras:
                todo.append((requirement.name, frozenset(requirement.extras)))
    return closure


def test_kb_runs_on_its_declared_dependencies_alone(tmp_path: Path) -> None:
    """Reading a web page and a text, building, adding, querying and reporting need nothing
    but kb's declared dependencies, so a plain ``pip install`` of the wheel has all it needs
    (the tests above borrow this environment's packages and would not notice a missing one)."""
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    store = tmp_path / "kb-data"
    commands = [
        f"extract {tmp_path / 'page.html'} -o {tmp_path / 'page.trig'}",
        f"extract {ARTICLE} -o {tmp_path / 'article.trig'}",
        f"--store {store} build",
        f"--store {store} add {tmp_path / 'page.trig'}",
        f"--store {store} query {HEADLINE} --format csv",
        f"--store {store} report -o {tmp_path / 'report.html'}",
    ]
    allowed = ",".join(sorted(_declared_closure("kb")))
    done = subprocess.run(
        [sys.executable, "-c", WITH_DECLARED_ONLY, allowed, *commands],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )
    codes = [line.split()[1] for line in done.stdout.splitlines() if line.startswith("kb-exit ")]
    assert codes == ["0"] * len(commands), done.stderr
    assert "is not declared" not in done.stderr, done.stderr
