"""Asking the KB: ``query`` (a saved query or a .rq file, parameters bound as terms) and
``queries`` (what there is to ask)."""

from __future__ import annotations

import json
import textwrap

import click
from pyoxigraph import Literal, NamedNode

from ..errors import InputError
from ..output import FORMATS, render_stream
from ..queries import (
    SavedQuery,
    absent_iris,
    check_read_only,
    load_query,
    saved_queries,
    stream,
)
from ..resources import DATA, QUERIES_DIR
from ..store import Store
from .context import Context, pass_context

QUERIES_FORMATS = ("text", "json")


@click.command()
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
@click.option(
    "--limit", type=click.IntRange(min=0), default=None, help="Print at most this many rows."
)
@click.option("--offset", type=click.IntRange(min=0), default=0, help="Skip this many rows first.")
@pass_context
def query(
    kb: Context, name: str, params: tuple[str, ...], fmt: str, limit: int | None, offset: int
) -> None:
    """Run a saved query (by name) or a .rq file; parameters are bound as RDF terms.

    Rows print as the store produces them (a long listing starts before its end is computed);
    --limit and --offset page through a long answer.

    \b
    Example:
      kb query who-affirmed-territorial-integrity --param country=ent:armenia --format csv
      kb query positions --limit 20 --offset 40
    """
    saved = load_query(name)
    values: dict[str, str] = {}
    for item in params:
        key, sep, value = item.partition("=")
        if not sep:
            raise click.BadParameter(f"{item!r}: write NAME=VALUE", param_hint="--param")
        if key.strip() in values:
            raise click.BadParameter(f"{key.strip()} is given twice", param_hint="--param")
        values[key.strip()] = value
    form = check_read_only(saved.bound(values))
    if form != "SELECT":
        raise click.UsageError(f"{name} is an {form} query; kb query prints SELECT results")
    note_absent(kb.reader, saved.terms(values))
    variables, rows = stream(kb.reader, saved, values, limit=limit, offset=offset)
    for piece in render_stream(variables, rows, fmt, saved.table_columns):
        click.echo(piece, nl=False)


def note_absent(store: Store, terms: dict[str, NamedNode | Literal]) -> None:
    """One line on stderr for each IRI parameter the KB knows nothing of (the answer, empty,
    still prints): a misspelt entity is named, with the closest one the KB has."""
    for name, given, closest in absent_iris(store, terms):
        hint = f"; did you mean {closest}?" if closest else ""
        click.echo(f"kb: note: {name}={given} names nothing in the KB{hint}", err=True)


@click.command("queries")
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
