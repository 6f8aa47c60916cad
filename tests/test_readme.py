"""The shell sessions shown in the documentation still print what they show.

A Markdown file opts a code block in with an HTML comment on the line before its fence:

    <!-- readme-test -->
    ```console
    $ kb build
    built ./kb-data: Conforms: every claim satisfies the shapes.
    ```

Lines starting with ``$ `` are commands (``> `` continues one, as a shell's PS2 prompt
shows it); the lines after a command are its expected output, stdout and stderr together.
A line ``...`` stands for any number of lines, and ``...`` inside a line for any text.
``<!-- readme-test skip: why -->`` keeps a block in the documentation but reports it as
skipped, with the reason (for commands that do not exist yet).

The blocks of one file run in order in one temporary directory, where ``seeds/``,
``ontology/``, ``queries/`` and ``docs/`` of this checkout are linked, with this virtual
environment's ``kb`` and ``python`` first on the PATH; so ``./kb-data`` is fresh for each file.
Every ``.md`` file of the repository is checked: README.md, and any other that opts in.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from kb.resources import HOME

MARKER = re.compile(r"^<!--\s*readme-test(?:\s+skip:\s*(?P<reason>.*?))?\s*-->\s*$")
LINKED = ("seeds", "ontology", "queries", "docs")
SKIP_DIRS = {
    ".venv",
    ".git",
    "node_modules",
    "kb-data",
    ".pytest_cache",
    ".mypy_cache",
    ".ruff_cache",
}
TIMEOUT = 300


@dataclass
class Command:
    line: int
    text: str
    expected: list[str] = field(default_factory=list)


@dataclass
class Block:
    path: Path
    line: int
    commands: list[Command]
    skip: str | None = None


def parse(path: Path, text: str) -> list[Block]:
    """The opted-in blocks of a Markdown text."""
    lines = text.splitlines()
    blocks: list[Block] = []
    i = 0
    while i < len(lines):
        match = MARKER.match(lines[i].strip())
        if not match:
            i += 1
            continue
        j = i + 1
        while j < len(lines) and not lines[j].strip():
            j += 1
        if j >= len(lines) or not lines[j].lstrip().startswith("```"):
            raise ValueError(
                f"{path}:{i + 1}: <!-- readme-test --> must stand right before a ``` block"
            )
        fence = lines[j].lstrip()[:3]
        commands: list[Command] = []
        k = j + 1
        while k < len(lines) and not lines[k].lstrip().startswith(fence):
            line = lines[k]
            if line.startswith("$ "):
                commands.append(Command(k + 1, line[2:]))
            elif line.startswith("> ") or line == ">":
                if not commands or commands[-1].expected:
                    raise ValueError(f"{path}:{k + 1}: a '> ' line continues a '$ ' command")
                commands[-1].text += "\n" + line[2:]
            elif commands:
                commands[-1].expected.append(line)
            elif line.strip():
                raise ValueError(f"{path}:{k + 1}: the block must start with a '$ ' command")
            k += 1
        blocks.append(Block(path, j + 1, commands, match.group("reason")))
        i = k + 1
    return blocks


def _line_matches(expected: str, actual: str) -> bool:
    if "..." not in expected:
        return expected == actual
    pattern = ".*".join(re.escape(part) for part in expected.split("..."))
    return re.fullmatch(pattern, actual) is not None


def matches(expected: list[str], actual: list[str]) -> bool:
    """Whether the output lines match, ``...`` alone matching any number of lines."""
    expected = [line.rstrip() for line in expected]
    actual = [line.rstrip() for line in actual]
    while expected and not expected[-1]:
        expected.pop()
    while actual and not actual[-1]:
        actual.pop()
    memo: dict[tuple[int, int], bool] = {}

    def match(i: int, j: int) -> bool:
        if (i, j) in memo:
            return memo[i, j]
        if i == len(expected):
            result = j == len(actual)
        elif expected[i] == "...":
            result = match(i + 1, j) or (j < len(actual) and match(i, j + 1))
        else:
            result = (
                j < len(actual) and _line_matches(expected[i], actual[j]) and match(i + 1, j + 1)
            )
        memo[i, j] = result
        return result

    return match(0, 0)


def markdown_files() -> list[Path]:
    found = []
    for path in sorted(HOME.rglob("*.md")):
        if SKIP_DIRS & set(path.relative_to(HOME).parts):
            continue
        if "readme-test" in path.read_text(encoding="utf-8"):
            found.append(path)
    return found


def workspace(tmp_path: Path) -> dict[str, str]:
    for name in LINKED:
        (tmp_path / name).symlink_to(HOME / name, target_is_directory=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith("KB_")}
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    env["COLUMNS"] = "100"
    return env


def run(command: Command, cwd: Path, env: dict[str, str]) -> list[str]:
    done = subprocess.run(
        ["bash", "-o", "pipefail", "-c", command.text],
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        timeout=TIMEOUT,
        check=False,
    )
    return done.stdout.decode("utf-8", "replace").splitlines()


@pytest.mark.parametrize("path", markdown_files(), ids=lambda p: str(p.relative_to(HOME)))
def test_documented_commands_print_what_the_documentation_shows(path: Path, tmp_path: Path) -> None:
    env = workspace(tmp_path)
    blocks = parse(path, path.read_text(encoding="utf-8"))
    assert blocks, f"{path} mentions readme-test but has no block"
    for block in blocks:
        if block.skip is not None:
            continue  # reported by test_documented_blocks_not_run_yet
        for command in block.commands:
            actual = run(command, tmp_path, env)
            if not matches(command.expected, actual):
                pytest.fail(
                    f"{path.relative_to(HOME)}:{command.line}: `{command.text}` no longer prints "
                    "what the documentation shows.\n--- documented\n"
                    + "\n".join(command.expected)
                    + "\n--- printed now\n"
                    + "\n".join(actual)
                    + "\nUpdate the block with what is printed now, or fix the regression.",
                    pytrace=False,
                )


SKIPPED = [
    block
    for path in markdown_files()
    for block in parse(path, path.read_text(encoding="utf-8"))
    if block.skip
]


def test_every_documented_block_is_checked() -> None:
    """A block marked `readme-test skip` is documentation nobody checks: none is left."""
    assert [f"{b.path.relative_to(HOME)}:{b.line}: {b.skip}" for b in SKIPPED] == []


# ---- the runner itself -------------------------------------------------------------

EXAMPLE = """
Some prose.

<!-- readme-test -->
```console
$ echo one; echo two
one
two
$ printf 'a\\nb\\nc\\nd\\n'
a
...
d
$ python - <<'EOF'
> print("size", 7 * 6)
> EOF
size ...
```

```console
$ not run: no marker
```

<!-- readme-test skip: kb extract is not there yet -->
```
$ kb extract article.txt -o draft.trig
```
"""


def test_the_parser_reads_commands_continuations_and_skips() -> None:
    blocks = parse(Path("example.md"), EXAMPLE)
    assert [len(b.commands) for b in blocks] == [3, 1]
    first = blocks[0].commands
    assert first[0].text == "echo one; echo two" and first[0].expected == ["one", "two"]
    assert first[2].text == "python - <<'EOF'\nprint(\"size\", 7 * 6)\nEOF"
    assert blocks[1].skip == "kb extract is not there yet"


def test_the_example_runs(tmp_path: Path) -> None:
    env = workspace(tmp_path)
    for command in parse(Path("example.md"), EXAMPLE)[0].commands:
        assert matches(command.expected, run(command, tmp_path, env)), command.text


@pytest.mark.parametrize(
    ("expected", "actual", "ok"),
    [
        (["a", "...", "d"], ["a", "d"], True),
        (["a", "...", "d"], ["a", "b", "c", "d"], True),
        (["a", "...", "d"], ["a", "b", "c"], False),
        (["wrote report.html (... KiB)"], ["wrote report.html (261 KiB)"], True),
        (["two"], ["one"], False),
        (["x", ""], ["x"], True),
    ],
)
def test_wildcards(expected: list[str], actual: list[str], ok: bool) -> None:
    assert matches(expected, actual) is ok


def test_a_marker_without_a_block_is_an_error() -> None:
    with pytest.raises(ValueError, match="right before"):
        parse(Path("bad.md"), "<!-- readme-test -->\ntext\n")
