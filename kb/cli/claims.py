"""``kb retract`` and ``kb claim-template``: taking claims out, and a form for putting them in."""

from __future__ import annotations

import hashlib
from importlib import resources
from pathlib import Path

import click

from ..errors import InputError
from ..intake import read_article
from ..retract import retract as retract_targets
from .context import Context

pass_context = click.make_pass_decorator(Context)  # the group's Context, as in kb.cli


def _template() -> str:
    """The commented claim form, kept as a data file beside the code (kb/data/claim-template.yaml)."""
    return resources.files("kb.data").joinpath("claim-template.yaml").read_text(encoding="utf-8")


@click.command("retract")
@click.argument("targets", nargs=-1, required=True, metavar="CLAIM|SOURCE...")
@click.option(
    "--reason", required=True, help="Why the claims are withdrawn (recorded with PROV-O)."
)
@click.option("--agent", help="Who retracts (recorded); default: the login name.")
@pass_context
def retract(kb: Context, targets: tuple[str, ...], reason: str, agent: str | None) -> None:
    """Remove claims or whole sources, recording who, when and why (PROV-O), never silently.

    A SOURCE (src:ID) goes with its graph: the article and every claim read from it. A
    CLAIM (claim:ID/LOCAL) goes with the nodes nested in it (its participations, evidence
    and selectors). All targets go in one transaction, or none does: a claim that others
    point to (a meeting where a statement was made) must be retracted with them.

    \b
    Example:
      kb retract claim:f0dfe1a430830148/s3 --reason "misattributed: Raisi did not say this"
      kb retract src:f0dfe1a430830148 --reason "duplicate of another outlet's article"
    """
    done = retract_targets(kb.store, list(targets), reason, agent)
    what = [f"{len(done.sources)} source(s)"] if done.sources else []
    click.echo(
        f"retracted {', '.join(what + [f'{len(done.claims)} claim(s)'])} "
        f"({done.triples} triples) from {kb.location}; recorded in <{done.record.value}>",
        err=True,
    )


@click.command("claim-template")
@click.argument("article", required=False, type=click.Path(path_type=Path))
def claim_template(article: Path | None) -> None:
    """Print a commented claim form (YAML) to fill in; with ARTICLE, its file and SHA-256 are set.

    Save the form beside the article: its `file:` is relative to the form.

    \b
    Example:
      kb claim-template articles/raisi.txt > raisi.claims.yaml
      $EDITOR raisi.claims.yaml && kb add raisi.claims.yaml
    """
    if article is None:
        fields = {"file": "article.txt", "sha256": "null", "title": "the headline, as printed"}
    else:
        if not article.is_file():
            raise InputError(f"{article}: no such file")
        text = read_article(article).text  # a saved page: its main text, headline first
        title = next((line.strip() for line in text.splitlines() if line.strip()), "")
        fields = {
            "file": article.name,
            "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
            "title": _yaml_scalar(title) or "the headline, as printed",
        }
    stem = (article.stem if article else "article") + ".claims.yaml"
    click.echo(_template().format(form=stem, **fields), nl=False)


def _yaml_scalar(text: str) -> str:
    """A single-line YAML scalar that reads back as ``text``."""
    import json

    return json.dumps(text[:200], ensure_ascii=False)
