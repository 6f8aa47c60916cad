"""Run every kb command and subcommand, in one process, on awkward input; report how each ended.

    python -m tests.cli_sweep [--max-file-size BYTES]

The caller sets the environment (``KB_HOME``, ``KB_STORE``) and the working directory, where this
creates its input files. The commands come from the CLI's own list (``kb.cli.main``), so a new
command is swept without editing this file. Each run is one JSON line on stdout: the arguments,
the exit code, stderr, and the traceback if the run ended in an exception that is not an exit.
``--max-file-size`` makes every write beyond that size fail, as a full disk does.
"""

from __future__ import annotations

import argparse
import json
import resource
import signal
import traceback
from collections.abc import Iterator
from pathlib import Path

import click
from click.testing import CliRunner

from kb.cli import main

# Commands that would run until stopped when their input is fine: given an impossible port.
NEVER_STARTS = {"serve": ["--port", "-1"]}

PROSE = "The foreign ministers of Iran and Azerbaijan met in Baku on 3 May 2024.\n"


def input_files(directory: Path) -> dict[str, Path]:
    """The awkward files and folders a path argument is given, created in ``directory``."""
    files = {
        "missing": directory / "missing.txt",
        "empty": directory / "empty.txt",
        "directory": directory / "a-directory",
        "binary": directory / "binary.bin",
        "prose": directory / "prose.txt",
        "broken claim form": directory / "broken.claims.yaml",
        "broken trig": directory / "broken.trig",
        "broken query": directory / "broken.rq",
    }
    files["empty"].write_text("", encoding="utf-8")
    files["directory"].mkdir(exist_ok=True)
    files["binary"].write_bytes(bytes(range(256)) * 4)
    files["prose"].write_text(PROSE, encoding="utf-8")
    files["broken claim form"].write_text("source: [unclosed\n", encoding="utf-8")
    files["broken trig"].write_text("<a> <b> .\n", encoding="utf-8")
    files["broken query"].write_text("SELECT ?x WHERE { ?x\n", encoding="utf-8")
    return files


TEXT_VALUES = ["no-such-thing", "", "ent:nobody", "<not an iri", "kb:claim/1 OR 1=1"]
OUTPUTS = ["/dev/full", "missing-folder/out.txt", "a-directory"]


def commands(
    group: click.Group, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], click.Command]]:
    """Every command and subcommand of ``group`` with the words that call it; groups too."""
    for name, command in group.commands.items():
        yield (*path, name), command
        if isinstance(command, click.Group):
            yield from commands(command, (*path, name))


def argument_values(param: click.Parameter, files: dict[str, Path]) -> list[str]:
    if isinstance(param.type, click.Choice):
        return ["nope", *map(str, param.type.choices)]
    if isinstance(param.type, (click.Path, click.File)):
        return [str(path) for path in files.values()]
    return TEXT_VALUES


def invocations(
    path: tuple[str, ...], command: click.Command, files: dict[str, Path]
) -> Iterator[list[str]]:
    """--help; no arguments; each argument given each awkward value; each choice of each
    option (a format, a language); each output option each unwritable place."""
    words = [*path]
    extra = NEVER_STARTS.get(path[-1], [])
    required = [
        word
        for param in command.params
        if isinstance(param, click.Option) and param.required and not param.is_flag
        for word in (param.opts[-1], "ent:nobody")
    ]
    arguments = [p for p in command.params if isinstance(p, click.Argument)]
    yield [*words, "--help"]
    yield [*words, *extra]
    tried: set[str] = set()
    for argument in arguments:
        for value in argument_values(argument, files):
            if value in tried:
                continue
            tried.add(value)
            yield [*words, *required, *extra, *(_fill(a, value, files) for a in arguments)]
    plausible = [str(files["prose"]) if _is_path(a) else "ent:nobody" for a in arguments]
    for option in command.params:
        if isinstance(option, click.Option) and isinstance(option.type, click.Choice):
            for choice in option.type.choices:
                yield [*words, *required, *extra, option.opts[-1], str(choice), *plausible]
        if isinstance(option, click.Option) and option.name == "output":
            for output in OUTPUTS:
                yield [*words, *required, *extra, option.opts[-1], output, *plausible]


def _is_path(param: click.Parameter) -> bool:
    return isinstance(param.type, (click.Path, click.File))


def _fill(argument: click.Parameter, value: str, files: dict[str, Path]) -> str:
    """``value`` where it suits ``argument``'s type, else a plausible value of that type."""
    if value in argument_values(argument, files):
        return value
    return str(files["prose"]) if _is_path(argument) else "ent:nobody"


def run(argv: list[str]) -> dict[str, object]:
    result = CliRunner().invoke(main, argv)
    error = result.exception
    crashed = error is not None and not isinstance(error, SystemExit)
    return {
        "argv": argv,
        "exit_code": result.exit_code,
        "stderr": result.stderr,
        "traceback": "".join(traceback.format_exception(*result.exc_info))
        if crashed and result.exc_info
        else None,
    }


def fail_writes_beyond(size: int) -> None:
    """Writes past ``size`` bytes of a file fail with EFBIG instead of killing the process."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))


def main_() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-file-size", type=int)
    args = parser.parse_args()
    files = input_files(Path.cwd())
    if args.max_file_size is not None:
        fail_writes_beyond(args.max_file_size)
    for path, command in commands(main):
        for argv in invocations(path, command, files):
            print(json.dumps(run(argv), ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main_()
