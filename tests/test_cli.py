"""The kb command: help with examples, exit codes, idempotent build, queries as tables and data."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from kb.cli import main
from kb.resources import SEEDS_DIR
from kb.store import Store

from .conftest import KbRunner
from .conftest import store_hash as _hash

COMMANDS = sorted(main.commands)


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_help_with_an_example(name: str) -> None:
    command = main.commands[name]
    assert command.help, f"kb {name} has no help"
    assert "Example:" in command.help, f"kb {name} help has no example"
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0
    assert f"kb {name}" in result.output.split("Example:")[1]


def test_top_level_help_lists_every_command() -> None:
    output = CliRunner().invoke(main, ["--help"]).output
    assert all(name in output for name in COMMANDS)


def test_build_is_idempotent(kb: KbRunner, tmp_path: Path) -> None:
    store = tmp_path / "kb"
    assert kb("build", store=store).exit_code == 0
    first = _hash(store)
    assert kb("build", store=store).exit_code == 0
    assert _hash(store) == first


def test_init_holds_the_model_and_no_claims(kb: KbRunner, tmp_path: Path) -> None:
    store = tmp_path / "kb"
    assert kb("init", store=store).exit_code == 0
    assert kb("init", store=store).exit_code == 0
    result = kb("query", "positions", "--format", "csv", store=store)
    assert result.exit_code == 0
    assert result.output.strip().count("\n") == 0  # header only


def test_query_prints_a_table_and_sparql_json(kb: KbRunner, tmp_path: Path) -> None:
    store = tmp_path / "kb"
    kb("build", store=store)
    table = kb("query", "who-affirmed-territorial-integrity", store=store)
    assert table.exit_code == 0
    assert "Ali Akbar Ahmadian" in table.output and "rows)" in table.output
    data = json.loads(kb("query", "meetings", "--format", "json", store=store).output)
    assert data["head"]["vars"][:3] == ["meeting", "date", "earliest"]
    assert data["results"]["bindings"]


@pytest.mark.parametrize(
    "args, code, message",
    [
        (["query", "no-such-query"], 2, "no saved query"),
        (["query", "who-met-whim"], 2, "did you mean who-met-whom?"),
        (["query", "missing.rq"], 2, "missing.rq: no such file"),
        (
            ["query", "positions", "--param", "nation=ent:iran"],
            2,
            "valid: speaker, position, stance",
        ),
        (
            [
                "query",
                "who-affirmed-territorial-integrity",
                "--param",
                "country=ent:x> } ; DROP ALL ; #",
            ],
            2,
            "parameter country",
        ),
        (["validate", "missing.ttl"], 2, "no such file"),
        (["--store", "ftp://example.org/kb", "init"], 3, "unknown store location"),
    ],
)
def test_bad_requests_get_one_line_and_an_exit_code(
    kb: KbRunner, args: list[str], code: int, message: str
) -> None:
    result = CliRunner().invoke(main, args) if args[0] == "--store" else kb(*args)
    assert result.exit_code == code
    assert message in result.output
    assert "Traceback" not in result.output


def test_validate_a_curated_claim_form_conforms(kb: KbRunner) -> None:
    result = kb("validate", str(SEEDS_DIR / "001_35c6b722bd335644.claims.yaml"))
    assert result.exit_code == 0, result.output
    assert "Conforms" in result.output


def test_add_then_query_a_claim_form(kb: KbRunner, tmp_path: Path) -> None:
    store = tmp_path / "kb"
    kb("init", store=store)
    assert (
        kb("add", str(SEEDS_DIR / "003_0d083f3321f654a4.claims.yaml"), store=store).exit_code == 0
    )
    result = kb("query", "meetings", "--format", "csv", store=store)
    assert "Khalaf Khalafov" in result.output


def test_version() -> None:
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0 and "kb, version" in result.output


def test_commands_are_click_commands() -> None:
    assert all(isinstance(c, click.Command) for c in main.commands.values())


@pytest.mark.parametrize("fmt", ["turtle", "nquads", "jsonld"])
def test_an_export_whose_reader_goes_away_ends_quietly_with_141(
    seed_store: Store, fmt: str
) -> None:
    """`kb export | head -c 10`: no message, and the shell's code for a closed pipe, whatever the
    format (a SIGPIPE'd command's 128 + 13, not 1 "violations" nor 3 "store failed")."""
    command = [sys.executable, "-c", "from kb.cli import main; main()"]
    exporting = subprocess.Popen(
        [*command, "--store", seed_store.location, "export", "--format", fmt],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert exporting.stdout is not None and exporting.stderr is not None
    assert len(exporting.stdout.read(10)) == 10
    exporting.stdout.close()
    assert exporting.wait(timeout=120) == 141
    assert exporting.stderr.read() == b""


def _query(store: Store, *args: str) -> click.testing.Result:
    return CliRunner().invoke(main, ["--store", store.location, "query", *args])


def test_a_misspelt_entity_is_named_with_the_closest_one_and_the_empty_answer_prints(
    seed_store: Store,
) -> None:
    result = _query(seed_store, "who-affirmed-territorial-integrity", "-p", "country=ent:azerbijan")
    assert result.exit_code == 0
    assert "(0 rows)" in result.stdout
    assert result.stderr == (
        "kb: note: country=ent:azerbijan names nothing in the KB; did you mean ent:azerbaijan?\n"
    )


def test_an_entity_like_no_other_gets_no_suggestion_and_a_known_one_no_note(
    seed_store: Store,
) -> None:
    unknown = _query(seed_store, "who-affirmed-territorial-integrity", "-p", "country=ent:qqqq")
    assert unknown.stderr == "kb: note: country=ent:qqqq names nothing in the KB\n"
    known = _query(seed_store, "who-affirmed-territorial-integrity", "-p", "country=ent:armenia")
    assert known.exit_code == 0 and known.stderr == ""


def test_a_parameter_given_twice_is_a_usage_error(seed_store: Store) -> None:
    result = _query(
        seed_store,
        "who-affirmed-territorial-integrity",
        "-p",
        "country=ent:iran",
        "-p",
        "country=ent:azerbaijan",
    )
    assert result.exit_code == 2
    assert "country is given twice" in result.stderr
