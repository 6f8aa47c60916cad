"""The ``kb`` command: a thin layer over the library that maps outcomes to exit codes.

Exit codes: 0 success (validation conforms), 1 violations, 2 unreadable input,
3 the store cannot be opened or reached, 4 the system refused a read or a write (a missing
folder, no permission, a full disk), 70 an internal error (a bug; ``KB_DEBUG=1`` shows the
traceback). Every error is one line on stderr.
"""

from __future__ import annotations

import errno
import json
import os
import sys
import textwrap
from pathlib import Path

import click
import pyoxigraph as ox
import yaml

from . import __version__, kbase
from .claimform import iter_seed_forms
from .errors import InputError, KBError, ValidationFailed
from .output import FORMATS, render
from .progress import Progress
from .queries import SavedQuery, check_read_only, load_query, run, saved_queries
from .resources import DATA, DEFAULT_STORE, QUERIES_DIR, SEEDS_DIR
from .store import Store, masked, open_store
from .store.embedded import EmbeddedStore

EXPORT_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
    "jsonld": ox.RdfFormat.JSON_LD,
}
REPORT_FORMATS = ("text", "json", "turtle")
QUERIES_FORMATS = ("text", "json")
# Seconds a writer queues for the store's lock by default.
DEFAULT_WAIT = 60.0
EXIT_SYSTEM = 4  # an OSError no layer below turned into a KBError
EXIT_BUG = 70  # sysexits' EX_SOFTWARE


class KBGroup(click.Group):
    """Turns every error into one line on stderr and its exit code, never a traceback."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            result = super().invoke(ctx)
            sys.stdout.flush()  # a full disk under redirected output fails here, not at exit
            return result
        except ValidationFailed as error:
            if error.report is not None:
                fmt = ctx.meta.get("kb.report_format", "text")
                click.echo(error.report.render(fmt), err=fmt == "text")  # type: ignore[attr-defined]
            click.echo(f"kb: {error}", err=True)
            ctx.exit(error.exit_code)
        except KBError as error:
            click.echo(f"kb: {error}", err=True)
            ctx.exit(error.exit_code)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except yaml.YAMLError as error:  # a data file (a lexicon, say) no layer below checked
            click.echo(f"kb: {_malformed_yaml(error)}", err=True)
            ctx.exit(InputError.exit_code)
        except OSError as error:
            if error.errno == errno.EPIPE:
                raise  # click's main() ends quietly when the reader of stdout has gone
            _drop_unwritable_stdout()
            where = f"{error.filename}: " if error.filename else ""
            click.echo(f"kb: {where}{error.strerror or error}", err=True)
            ctx.exit(EXIT_SYSTEM)
        except Exception as error:
            if os.environ.get("KB_DEBUG"):
                raise
            first_line = (str(error).splitlines() or [""])[0]
            click.echo(
                f"kb: internal error: {type(error).__name__}: {first_line} "
                "(a bug; KB_DEBUG=1 shows the traceback)",
                err=True,
            )
            ctx.exit(EXIT_BUG)


def _malformed_yaml(error: yaml.YAMLError) -> str:
    mark = getattr(error, "problem_mark", None)
    where = f"{mark.name}: line {mark.line + 1}: " if mark else ""
    return f"{where}malformed YAML: {getattr(error, 'problem', None) or error}"


def _drop_unwritable_stdout() -> None:
    """Point stdout at /dev/null if it cannot be flushed, so that exiting does not fail again."""
    try:
        sys.stdout.flush()
    except OSError:
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError):  # not a real file (a test's captured output)
            pass


class Context:
    """The store a command works on: opened read-only for readers, queued for writers."""

    def __init__(self, location: str, quiet: bool, wait: float = DEFAULT_WAIT) -> None:
        self._location = location
        self.location = masked(location)  # what messages show: never a password
        self.quiet = quiet
        self.wait = wait
        self._store: Store | None = None

    @property
    def store(self) -> Store:
        """The store for writing: waits (up to ``--wait`` s) while another command writes."""
        if self._store is None:
            self._store = open_store(self._location, wait=self.wait, on_wait=self._waiting)
        return self._store

    @property
    def reader(self) -> Store:
        """The store for reading: never takes the write lock, so it never waits for a writer."""
        if self._store is None:
            self._store = open_store(self._location, read_only=True)
        return self._store

    def reader_or_empty(self) -> Store:
        """The store for reading, or an empty one when none exists yet (validating a file
        against the shipped model alone)."""
        if (
            self._store is None
            and "://" not in self._location
            and not Path(self._location).exists()
        ):
            self._store = EmbeddedStore.in_memory()
        return self.reader

    def _waiting(self) -> None:
        if not self.quiet and sys.stderr.isatty():
            click.echo("waiting for the store: another kb command is writing", err=True)

    def close(self) -> None:
        """Release the store (an embedded store's lock, a remote store's connections)."""

        if self._store is not None:
            self._store.close()
            self._store = None

    def progress(self, total: int | None, label: str) -> Progress:
        """A progress bar on stderr for ``total`` steps; silent when piped or with --quiet."""
        return Progress(total, label, quiet=self.quiet)


pass_context = click.make_pass_decorator(Context)


@click.group(cls=KBGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(
    __version__,
    prog_name="kb",
    message="%(prog)s, version %(version)s\ndata: " + DATA.describe().replace("%", "%%"),
    help="Show the version and the data kb reads (KB_HOME, checkout or package), and exit.",
)
@click.option(
    "--store",
    "location",
    envvar="KB_STORE",
    default=DEFAULT_STORE,
    show_default=True,
    help="Where the KB lives: a directory (embedded store) or ENGINE+http://HOST:PORT.",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress messages.")
@click.option(
    "--wait",
    type=click.FloatRange(min=0),
    envvar="KB_WAIT",
    default=DEFAULT_WAIT,
    show_default=True,
    help="Seconds a writing command waits for another one to finish before it gives up (exit 3).",
)
@click.pass_context
def main(ctx: click.Context, location: str, quiet: bool, wait: float) -> None:
    """kb: diplomatic meetings and stated positions as validated RDF claims.

    \b
    Example:
      kb build && kb query who-affirmed-territorial-integrity
    """
    ctx.obj = Context(location, quiet, wait)
    ctx.call_on_close(ctx.obj.close)


@main.command()
@pass_context
def init(kb: Context) -> None:
    """Create the store with the ontology, shapes, concept schemes and registry, and no claims.

    \b
    Example:
      kb --store ./my-kb init
    """
    kbase.init(kb.store)
    click.echo(f"initialised {kb.location}", err=True)


@main.command()
@pass_context
def build(kb: Context) -> None:
    """Init plus the curated claims of seeds/, validated, written in one transaction.

    \b
    Example:
      kb build
    """
    steps = len(list(iter_seed_forms(SEEDS_DIR))) + 2  # compile each form, validate, write
    with kb.progress(steps, "building") as progress:
        report = kbase.build(kb.store, progress=progress)
    click.echo(f"built {kb.location}: {report.render('text')}", err=True)


@main.command()
@click.argument("name")
@click.option(
    "-p",
    "--param",
    "params",
    multiple=True,
    metavar="NAME=VALUE",
    help="Bind a parameter (repeatable).",
)
@click.option(
    "-f", "--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True
)
@pass_context
def query(kb: Context, name: str, params: tuple[str, ...], fmt: str) -> None:
    """Run a saved query (by name) or a .rq file; parameters are bound as RDF terms.

    \b
    Example:
      kb query who-affirmed-territorial-integrity --param country=ent:armenia --format csv
    """
    saved = load_query(name)
    values = {}
    for item in params:
        key, sep, value = item.partition("=")
        if not sep:
            raise click.BadParameter(f"{item!r}: write NAME=VALUE", param_hint="--param")
        values[key.strip()] = value
    form = check_read_only(saved.bound(values))
    if form != "SELECT":
        raise click.UsageError(f"{name} is a {form} query; kb query prints SELECT results")
    solutions = run(kb.reader, saved, values)
    click.echo(render(solutions, fmt, saved.table_columns))


@main.command("queries")
@click.option(
    "-f", "--format", "fmt", type=click.Choice(QUERIES_FORMATS), default="text", show_default=True
)
def list_queries(fmt: str) -> None:
    """List the saved queries with their titles, descriptions and parameters.

    \b
    Example:
      kb queries
      kb queries --format json
    """
    queries = saved_queries()
    if not queries:
        raise InputError(
            f"no saved queries in {QUERIES_DIR} ({DATA.origin}); KB_HOME points kb at other data"
        )
    if fmt == "json":
        click.echo(
            json.dumps([_query_record(q) for q in queries.values()], ensure_ascii=False, indent=2)
        )
        return
    click.echo(_queries_text(queries))


def _query_record(saved: SavedQuery) -> dict[str, object]:
    params = [
        {"name": p.name, "type": p.kind, "default": p.default, "description": p.description}
        for p in saved.params.values()
    ]
    return {
        "name": saved.name,
        "title": saved.title,
        "description": saved.description,
        "params": params,
    }


def _queries_text(queries: dict[str, SavedQuery]) -> str:
    """Names in one column, title, wrapped description and aligned parameters in the next."""
    indent = max((len(name) for name in queries), default=0) + 2
    width = max(40, 100 - indent)  # fixed, so that the output is the same in every terminal
    pad = " " * indent
    out: list[str] = []
    for name, saved in queries.items():
        if out:
            out.append("")
        out.append(click.style(name.ljust(indent), bold=True) + (saved.title or "(no title)"))
        for line in textwrap.wrap(saved.description, width):
            out.append(pad + click.style(line, dim=True))
        usages = {p.name: f"--param {p.name}={p.kind.upper()}" for p in saved.params.values()}
        column = max((len(u) for u in usages.values()), default=0) + 2
        for param in saved.params.values():
            default = f" (default {param.default})" if param.default else ""
            out.append(pad + usages[param.name].ljust(column) + param.description + default)
    return "\n".join(out)


@main.command()
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


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--agent", help="Who is adding (recorded with PROV-O); default: the login name.")
@click.option(
    "-f", "--format", "fmt", type=click.Choice(REPORT_FORMATS), default="text", show_default=True
)
@click.pass_context
def add(ctx: click.Context, files: tuple[Path, ...], agent: str | None, fmt: str) -> None:
    """Validate files, then store them all or nothing; re-adding the same claims changes nothing.

    \b
    Example:
      kb add drafts/article.trig --agent curator@example.org
    """
    kb: Context = ctx.obj
    ctx.meta["kb.report_format"] = fmt
    added = kbase.add(kb.store, list(files), agent=agent)
    if added.record is None:
        click.echo(
            f"nothing to add: {kb.location} already holds these {added.claims} claim(s)", err=True
        )
    else:
        click.echo(
            f"added {added.claims} claim(s) from {len(files)} file(s) to {kb.location} (record <{added.record.value}>)",
            err=True,
        )


@main.command()
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(list(EXPORT_FORMATS)),
    default="turtle",
    show_default=True,
)
@click.option(
    "-o", "--output", type=click.Path(path_type=Path), help="Write to a file instead of stdout."
)
@pass_context
def export(kb: Context, fmt: str, output: Path | None) -> None:
    """Export the whole KB as Turtle, TriG, N-Quads or JSON-LD.

    \b
    Example:
      kb export --format trig -o kb.trig
    """
    data = kbase.export(kb.reader, EXPORT_FORMATS[fmt])
    if output:
        output.write_bytes(data)
    else:
        sys.stdout.buffer.write(data)


# Commands that live in their own modules, registered here so `kb --help` lists them all.
from .cli_claims import claim_template, retract  # noqa: E402
from .cli_extract import evaluate, extract  # noqa: E402
from .cli_identity import entities, explain, meetings  # noqa: E402
from .cli_report import completion, docs, report  # noqa: E402
from .cli_serve import serve  # noqa: E402

main.add_command(extract)
main.add_command(evaluate)
main.add_command(serve)
main.add_command(report)
main.add_command(docs)
main.add_command(completion)
main.add_command(entities)
main.add_command(explain)
main.add_command(meetings)
main.add_command(retract)
main.add_command(claim_template)
