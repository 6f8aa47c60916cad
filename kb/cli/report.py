"""``kb report``, ``kb docs`` and ``kb completion``: the KB shown, documented and completed.

Registered on the ``kb`` group at the bottom of :mod:`kb.cli`.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click
from click.shell_completion import get_completion_class

from ..namespaces import expand
from ..report import SECTION_QUERIES, build_report
from .ask import note_absent

if TYPE_CHECKING:
    from .context import Context

COMPLETION_SHELLS = ("bash", "zsh", "fish")


@click.command()
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("report.html"),
    show_default=True,
    help="Where to write the page; '-' writes it to stdout.",
)
@click.option(
    "--country",
    default="ent:azerbaijan",
    show_default=True,
    metavar="IRI",
    help="Whose territorial integrity the headline question asks about.",
)
@click.option(
    "-f", "--format", "fmt", type=click.Choice(["html"]), default="html", show_default=True
)
@click.pass_obj
def report(kb: Context, output: Path, country: str, fmt: str) -> None:
    """Write the KB as one self-contained HTML page: the headline answer, a filterable timeline,
    who met whom, every quote beside its gloss and source, and where sources disagree.

    The page needs no network: scripts and styles are inlined. Each section names the saved
    query it shows, so the same question can be asked with `kb query`.

    \b
    Example:
      kb report -o report.html
      kb report --country ent:armenia -o armenia.html
    """
    with kb.progress(len(SECTION_QUERIES) + 1, "report") as progress:
        page = build_report(kb.reader, country=country, progress=progress)
    note_absent(kb.reader, {"country": expand(country)})
    if str(output) == "-":
        sys.stdout.write(page)
        return
    output.write_text(page, encoding="utf-8")
    click.echo(f"wrote {output} ({len(page.encode('utf-8')) // 1024} KiB)", err=True)


@click.command()
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to a file instead of stdout (docs/ontology.md in this repository).",
)
@click.option(
    "-f", "--format", "fmt", type=click.Choice(["markdown"]), default="markdown", show_default=True
)
def docs(output: Path | None, fmt: str) -> None:
    """Document the ontology from the ontology itself: classes, properties, shapes, concept
    schemes and an example of each kind of claim, as Markdown.

    \b
    Example:
      kb docs -o docs/ontology.md
    """
    from ..docs import ontology_markdown

    text = ontology_markdown()
    if output is None:
        sys.stdout.write(text)
        return
    output.write_text(text, encoding="utf-8")
    click.echo(f"wrote {output}", err=True)


@click.command()
@click.argument("shell", type=click.Choice(COMPLETION_SHELLS))
@click.pass_context
def completion(ctx: click.Context, shell: str) -> None:
    """Print the shell completion script for bash, zsh or fish.

    \b
    Example:
      eval "$(kb completion bash)"                       # in ~/.bashrc
      kb completion fish > ~/.config/fish/completions/kb.fish
    """
    root = ctx.find_root()
    cls = get_completion_class(shell)
    assert cls is not None  # every shell of COMPLETION_SHELLS is built into click
    name = root.info_name or "kb"
    variable = "_{}_COMPLETE".format(name.replace("-", "_").replace(".", "_").upper())
    click.echo(cls(root.command, {}, name, variable).source())
