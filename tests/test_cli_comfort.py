"""A comfortable command line: help with examples, aligned lists, JSON, completion, progress."""

from __future__ import annotations

import io
import json
import re

import click
import pytest
from click.testing import CliRunner

from kb import __version__
from kb.cli import main
from kb.progress import Progress, should_draw, track
from kb.queries import saved_queries
from kb.resources import DATA

COMMANDS = sorted(main.commands.values(), key=lambda c: c.name or "")
# Commands whose output is data another tool may read: each offers --format.
DATA_COMMANDS = ("query", "queries", "validate", "export", "report", "docs")


class Terminal(io.StringIO):
    """A stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def run(*args: str) -> click.testing.Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c.name)
def test_every_command_has_help_with_an_example(command: click.Command) -> None:
    assert command.help, f"kb {command.name} has no help"
    assert "Example:" in command.help, f"kb {command.name}'s help shows no example"


@pytest.mark.parametrize("name", DATA_COMMANDS)
def test_every_command_that_prints_data_offers_format(name: str) -> None:
    options = {opt for param in main.commands[name].params for opt in getattr(param, "opts", [])}
    assert "--format" in options, f"kb {name} has no --format"


def test_version_names_the_data_kb_reads() -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [f"kb, version {__version__}", f"data: {DATA.describe()}"]


def test_an_unknown_query_parameter_lists_the_valid_ones(tmp_path) -> None:
    result = run(
        "--store", str(tmp_path / "kb"), "query", "positions", "--param", "speakr=ent:ebrahim-raisi"
    )
    assert result.exit_code == 2
    assert "unknown parameter speakr" in result.stderr
    assert "valid: speaker, position, stance" in result.stderr


def test_queries_lists_names_titles_descriptions_and_parameters_aligned() -> None:
    result = run("queries")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    queries = saved_queries()
    title_columns = set()
    for name, saved in queries.items():
        line = next(line for line in lines if line.startswith(name + " "))
        title_columns.add(line.index(saved.title))
        for param in saved.params:
            assert f"--param {param}=" in result.output
    assert len(title_columns) == 1, "titles do not start in one column"
    column = title_columns.pop()
    body = [line for line in lines if line and not any(line.startswith(n + " ") for n in queries)]
    assert all(line[:column].strip() == "" for line in body), (
        "descriptions are not aligned under the titles"
    )
    assert "One row per statement that affirms or supports" in result.output


def test_queries_as_json() -> None:
    result = run("queries", "--format", "json")
    records = json.loads(result.output)
    assert [r["name"] for r in records] == list(saved_queries())
    who = next(r for r in records if r["name"] == "who-affirmed-territorial-integrity")
    assert who["params"] == [
        {
            "name": "country",
            "type": "iri",
            "default": "ent:azerbaijan",
            "description": "the country whose territorial integrity was affirmed",
        }
    ]
    assert who["title"] and who["description"]


@pytest.mark.parametrize(
    ("shell", "marker"),
    [
        ("bash", "complete -o nosort -F"),
        ("zsh", "compdef"),
        ("fish", "complete --no-files --command kb"),
    ],
)
def test_completion_prints_the_shells_script(shell: str, marker: str) -> None:
    result = CliRunner().invoke(main, ["completion", shell], prog_name="kb")
    assert result.exit_code == 0
    assert "_KB_COMPLETE" in result.output
    assert marker in result.output


def test_completion_refuses_an_unknown_shell() -> None:
    result = CliRunner().invoke(main, ["completion", "tcsh"])
    assert result.exit_code == 2
    assert "bash" in result.output + result.stderr


def test_progress_draws_on_a_terminal() -> None:
    stream = Terminal()
    with Progress(3, "building", stream=stream) as step:
        for name in ("a", "b", "c"):
            step(f"compiling {name}")
    out = stream.getvalue()
    assert "building" in out and "compiling c" in out and "3/3" in out


@pytest.mark.parametrize(
    "stream, quiet", [(io.StringIO(), False), (Terminal(), True)], ids=["piped", "quiet"]
)
def test_progress_is_silent_when_piped_or_quiet(stream: io.StringIO, quiet: bool) -> None:
    assert not should_draw(stream, quiet)
    with Progress(2, "building", stream=stream, quiet=quiet) as step:
        step("one")
        step("two")
    assert list(track([1, 2], "adding", stream=stream, quiet=quiet)) == [1, 2]
    assert stream.getvalue() == ""


def test_build_shows_no_bar_when_piped(tmp_path) -> None:
    result = run("--store", str(tmp_path / "kb"), "build")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert not re.search(r"\[#*-*\]", result.stderr), "a progress bar was drawn into a pipe"
    assert "Conforms" in result.stderr
