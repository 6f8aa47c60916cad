"""The ``kb`` command: a thin layer over the library that maps outcomes to exit codes.

The group and its options live here; the commands, one module per area: ``lifecycle``
(init, build, validate, add, export), ``ask`` (query, queries), ``extract`` (extract,
evaluate), ``claims`` (retract, claim-template), ``identity`` (entities, explain, meetings),
``report`` (report, docs, completion), ``serve``. What they share (the store, exit codes,
errors as one line) is ``context``.
"""

from __future__ import annotations

import click

from .. import __version__
from ..resources import DATA, DEFAULT_STORE
from .ask import list_queries, query
from .claims import claim_template, retract
from .context import DEFAULT_WAIT, Context, KBGroup
from .extract import evaluate, extract
from .identity import entities, explain, meetings
from .lifecycle import EXPORT_FORMATS, add, build, export, init, validate
from .report import completion, docs, report
from .serve import serve

__all__ = ["EXPORT_FORMATS", "main"]


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


for command in (
    init,
    build,
    query,
    list_queries,
    validate,
    add,
    export,
    extract,
    evaluate,
    serve,
    report,
    docs,
    completion,
    entities,
    explain,
    meetings,
    retract,
    claim_template,
):
    main.add_command(command)
