"""The knowledge base's life cycle as commands: ``init``, ``build``, ``validate``, ``add``,
``export``."""

from __future__ import annotations

import contextlib
import errno
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import click
import pyoxigraph as ox

from .. import kbase
from ..claimform import iter_seed_forms
from ..errors import InputError
from ..resources import SEEDS_DIR
from ..submission import submission_files
from .context import Context, pass_context

EXPORT_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
    "jsonld": ox.RdfFormat.JSON_LD,
}
REPORT_FORMATS = ("text", "json", "turtle")


@click.command()
@pass_context
def init(kb: Context) -> None:
    """Create the store with the ontology, shapes, concept schemes and registry, and no claims.

    On an existing store: write the model again, keep the claims, and rebuild the derived
    view of every source (what a KB written before the view needs once).

    \b
    Example:
      kb --store ./my-kb init
    """
    kbase.init(kb.store_or_new)
    click.echo(f"initialised {kb.location}", err=True)


@click.command()
@pass_context
def build(kb: Context) -> None:
    """Init plus the curated claims of seeds/, validated, written in one transaction.

    A new store (no store at the location yet) is written by the engine's bulk loader and
    appears whole when done; an existing one is updated in one transaction.

    \b
    Example:
      kb build
    """
    steps = len(list(iter_seed_forms(SEEDS_DIR))) + 2  # compile each form, validate, write
    new = kb.new_store_path()
    with kb.progress(steps, "building") as progress:
        if new is not None:
            report = kbase.build_new(new, progress=progress)
        else:
            report = kbase.build(kb.store, progress=progress)
    click.echo(f"built {kb.location}: {report.render('text')}", err=True)


@click.command()
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@click.option("--all", "whole", is_flag=True, help="Validate the whole KB instead of files.")
@click.option(
    "-f", "--format", "fmt", type=click.Choice(REPORT_FORMATS), default="text", show_default=True
)
@click.pass_context
def validate(ctx: click.Context, files: tuple[Path, ...], whole: bool, fmt: str) -> None:
    """Check claims against the shapes and the KB they reference: exit 0 conforms, 1 violations, 2 unreadable.

    \b
    Example:
      kb validate seeds/001_35c6b722bd335644.claims.yaml
      kb validate --all --format json
    """
    kb: Context = ctx.obj
    if not files and not whole:
        raise click.UsageError("give files to validate, or --all for the whole KB")
    if whole:
        report = kbase.validate_all(kb.reader)
    else:
        _, report = kbase.check(kb.reader_or_empty(), list(files))
    click.echo(report.render(fmt))
    ctx.exit(0 if report.conforms else 1)


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--agent", help="Who is adding (recorded with PROV-O); default: the login name.")
@click.option(
    "-f", "--format", "fmt", type=click.Choice(REPORT_FORMATS), default="text", show_default=True
)
@click.pass_context
def add(ctx: click.Context, files: tuple[Path, ...], agent: str | None, fmt: str) -> None:
    """Validate files, then store them all or nothing; re-adding the same claims changes nothing.

    A DIR stands for every claim form and RDF file under it: a batch of drafts is read,
    validated and written in one pass (one transaction, one PROV-O record), with a progress
    bar on a terminal. `-` reads TriG (what kb extract prints) from standard input.

    \b
    Example:
      kb add drafts/article.trig --agent curator@example.org
      kb add drafts/
      kb extract articles/*.txt | kb add -
    """
    kb: Context = ctx.obj
    ctx.meta["kb.report_format"] = fmt
    with _stdin_spooled(files) as (given, labels):
        paths = submission_files(given)
        with kb.progress(2 * len(paths) + 1, "adding") as progress:  # read, validate, write
            added = kbase.add(kb.store, paths, agent=agent, progress=progress, labels=labels)
    if added.record is None:
        click.echo(
            f"nothing to add: {kb.location} already holds these {added.claims} claim(s)", err=True
        )
    else:
        click.echo(
            f"added {added.claims} claim(s) from {len(paths)} file(s) to {kb.location} (record <{added.record.value}>)",
            err=True,
        )


STDIN = Path("-")


@contextlib.contextmanager
def _stdin_spooled(files: tuple[Path, ...]) -> Iterator[tuple[list[Path], dict[Path, str]]]:
    """The files, ``-`` replaced by a TriG file holding standard input (named ``-`` in the
    PROV-O record), removed afterwards."""
    if STDIN not in files:
        yield list(files), {}
        return
    with tempfile.TemporaryDirectory(prefix="kb-add-") as folder:
        spooled = Path(folder) / "stdin.trig"
        with spooled.open("wb") as out:
            shutil.copyfileobj(sys.stdin.buffer, out)
        try:
            yield [spooled if path == STDIN else path for path in files], {spooled: "-"}
        except InputError as error:  # named as the user gave it, not as kb spooled it
            raise InputError(str(error).replace(str(spooled), "<stdin>")) from error


@click.command()
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(list(EXPORT_FORMATS)),
    help="[default: the output file's extension (.ttl .trig .nq .jsonld), else turtle]",
)
@click.option(
    "-o", "--output", type=click.Path(path_type=Path), help="Write to a file instead of stdout."
)
@pass_context
def export(kb: Context, fmt: str | None, output: Path | None) -> None:
    """Export the whole KB as Turtle, TriG, N-Quads or JSON-LD.

    \b
    Example:
      kb export -o kb.trig
    """
    store, rdf_format = kb.reader, EXPORT_FORMATS[fmt or _format_of(output)]
    if output is not None and not output.parent.is_dir():
        raise FileNotFoundError(errno.ENOENT, "no such folder to write into", str(output.parent))
    if output is None:
        kbase.export_to(store, rdf_format, sys.stdout.buffer)
        return
    if output.exists() and not output.is_file():  # a device or a pipe: write into it, never over it
        with output.open("wb") as handle:
            kbase.export_to(store, rdf_format, handle)
        return
    partial = output.with_name(output.name + ".partial")  # the file appears whole, or not at all
    try:
        with partial.open("wb") as handle:
            kbase.export_to(store, rdf_format, handle)
        partial.replace(output)
    finally:
        partial.unlink(missing_ok=True)


def _format_of(output: Path | None) -> str:
    """The export format an output file's extension names; Turtle for any other."""
    suffix = output.suffix.lower().lstrip(".") if output is not None else ""
    by_extension = {f.file_extension: name for name, f in EXPORT_FORMATS.items()}
    return by_extension.get(suffix, "turtle")
