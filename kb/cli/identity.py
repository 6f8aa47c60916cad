"""``kb entities``, ``kb explain`` and ``kb meetings``: a curator's identity commands."""

from __future__ import annotations

import click
from pyoxigraph import NamedNode

from .. import curation, identity
from ..errors import InputError
from ..namespaces import PREFIXES, curie, expand
from .context import Context

pass_context = click.make_pass_decorator(Context)  # the group's Context, as in kb.cli


def _iri(value: str, prefix: str) -> NamedNode:
    """``value`` (CURIE, <full IRI> or bare id in ``prefix``'s namespace) as an IRI, or InputError."""
    try:
        return expand(value, PREFIXES[prefix])
    except ValueError as error:
        raise InputError(f"{value!r} is not an IRI: {error}") from None


def _entity(value: str) -> NamedNode:
    return _iri(value, "ent")


@click.group(invoke_without_command=True)
@click.option(
    "--unreviewed",
    is_flag=True,
    help="List the entities that await a curator, with where they were seen.",
)
@click.pass_context
def entities(ctx: click.Context, unreviewed: bool) -> None:
    """Review the entities extractors and claim forms introduced: list, merge, accept.

    Entities are given as CURIEs (ent:ID), <full IRIs> or bare ids.
    A merge rewrites every claim that names the new entity to name the existing one, in one
    transaction, and records who and when (PROV-O) in the curation graph.

    \b
    Example:
      kb entities --unreviewed
      kb entities merge ent:new-spelling-of-a-minister --into ent:the-minister
      kb entities accept ent:a-new-envoy --agent curator@example.org
    """
    if ctx.invoked_subcommand is not None:
        return
    if not unreviewed:
        click.echo(ctx.get_help())
        return
    kb: Context = ctx.obj
    found = curation.list_unreviewed(kb.reader)
    for entity in found:
        kinds = ", ".join(entity.kinds) or "entity"
        country = f", {curie(entity.country.value)}" if entity.country else ""
        click.echo(f"{curie(entity.iri.value)}  {entity.label}  ({kinds}{country})")
        if entity.mentions:
            click.echo("    printed as: " + "; ".join(entity.mentions))
        click.echo(
            "    seen in: " + (", ".join(curie(s.value) for s in entity.sources) or "no source")
        )
        if entity.claims:
            click.echo("    claims: " + ", ".join(curie(c.value) for c in entity.claims))
    click.echo(f"({len(found)} unreviewed entit{'y' if len(found) == 1 else 'ies'})")


@entities.command("merge")
@click.argument("new")
@click.option("--into", "existing", required=True, help="The existing entity the new one is.")
@click.option("--agent", help="Who decides (recorded with PROV-O); default: the login name.")
@pass_context
def entities_merge(kb: Context, new: str, existing: str, agent: str | None) -> None:
    """Merge an unreviewed entity into an existing one; every claim then names the existing one.

    \b
    Example:
      kb entities merge ent:new-spelling-of-a-minister --into ent:the-minister
    """
    graphs = curation.merge(kb.store, _entity(new), _entity(existing), agent)
    click.echo(f"merged {new} into {existing}: {len(graphs)} graph(s) rewritten", err=True)


@entities.command("accept")
@click.argument("new")
@click.option("--agent", help="Who decides (recorded with PROV-O); default: the login name.")
@pass_context
def entities_accept(kb: Context, new: str, agent: str | None) -> None:
    """Accept an unreviewed entity as a new entity of the KB (kb:reviewStatus kb:Reviewed).

    \b
    Example:
      kb entities accept ent:serdar-kilic
    """
    graphs = curation.accept(kb.store, _entity(new), agent)
    click.echo(f"accepted {new}: {len(graphs)} graph(s) updated", err=True)


@click.command()
@click.argument("meeting")
@pass_context
def explain(kb: Context, meeting: str) -> None:
    """Say which sources report a meeting, what each says (date, place, participants), and why they are one.

    MEETING is a CURIE (mtg:...), a <full IRI> or a bare meeting id.

    \b
    Example:
      kb explain mtg:2023-10-04-first-participant-second-participant
    """
    click.echo(identity.explain(kb.reader, _iri(meeting, "mtg")))


@click.group()
def meetings() -> None:
    """Match the accounts of meetings across sources again, or take one apart.

    \b
    Example:
      kb meetings reconcile
      kb meetings split claim:f0dfe1a430830148/m2
    """


@meetings.command("reconcile")
@click.option("--dry-run", is_flag=True, help="Say what would be merged; write nothing.")
@click.option("--agent", help="Who runs it (recorded with PROV-O); default: the login name.")
@pass_context
def meetings_reconcile(kb: Context, dry_run: bool, agent: str | None) -> None:
    """Match every account of the KB again, so that the order sources arrived in does not matter.

    \b
    Example:
      kb meetings reconcile --dry-run
    """
    result = identity.reconcile(kb.store, agent=agent, dry_run=dry_run)
    for canonical, absorbed in result.merges:
        click.echo(f"{curie(canonical.value)} <- " + ", ".join(curie(m.value) for m in absorbed))
    for account, candidates in sorted(result.ambiguous.items(), key=lambda x: x[0].value):
        click.echo(
            f"ambiguous: {curie(account.value)} could be "
            + " or ".join(curie(m.value) for m in candidates)
        )
    verb = "would merge" if dry_run else "merged"
    click.echo(
        f"{verb} {len(result.merges)} meeting group(s); {len(result.graphs)} graph(s)", err=True
    )


@meetings.command("split")
@click.argument("account")
@click.option("--agent", help="Who decides (recorded with PROV-O); default: the login name.")
@pass_context
def meetings_split(kb: Context, account: str, agent: str | None) -> None:
    """Take a source's account out of the meeting it was matched to (and keep it apart from then on).

    ACCOUNT is the account's CURIE (claim:SOURCE/m1) or <full IRI>; `kb explain MEETING` lists them.

    \b
    Example:
      kb meetings split claim:f0dfe1a430830148/m2
    """
    new = identity.split(kb.store, _iri(account, "claim"), agent)
    click.echo(f"{account} now reports {curie(new.value)}", err=True)
