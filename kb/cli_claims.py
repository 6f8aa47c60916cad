"""``kb retract`` and ``kb claim-template``: taking claims out, and a form for putting them in."""

from __future__ import annotations

import hashlib
from pathlib import Path

import click

from .cli import Context
from .errors import InputError
from .retract import retract as retract_targets
from .submission import read_utf8

pass_context = click.make_pass_decorator(Context)  # the group's Context, as in kb.cli

TEMPLATE = """\
# kb claim form: fill it in, then `kb validate {form}` and `kb add {form}`.
# Full reference: docs/claim-form.md. Ids are slugs: entities are the English Wikipedia
# title in lower case with '-' (zakir-hasanov, tehran, irna); offices are COUNTRY-TITLE
# (iran-minister-of-defence); positions and stances are the concepts of
# ontology/positions.ttl and ontology/stances.ttl. Delete what you do not need.

source:
  file: {file}    # the article's UTF-8 text, relative to this form
  sha256: {sha256}    # of the article; kb checks it, so a changed file is noticed
  publisher: irna                   # the outlet (an organisation of the registry)
  language: en                      # BCP 47 code of the article: en, uk, ru, fa, ar, ...
  title: {title}
  published:                        # delete this block when the page prints no date
    printed: "05.10.2023"           # exactly as printed in the article
    date: 2023-10-05                # normalised: 2023-10-05 or 2023-10-05T13:25:00
  url: null                         # the page's address, when known

meetings:                           # one entry per meeting the article reports
  - id: m1                          # your local id, unique in this form
    participants:                   # at least two distinct people
      - person: khalaf-khalafov     # the person, by registry id
        office: azerbaijan-representative-of-the-president-on-special-assignments
        country: azerbaijan         # whom they represented
        mention: Khalaf Khalafov    # the name as printed, verbatim
      - person: ebrahim-raisi
        office: iran-president      # the office held on the meeting's date
        country: iran
        mention: Ibrahim Raisi
    place: tehran                   # optional: a place of the registry
    date:                           # optional: a day (2023-10-04), a month (2023-10), a year,
      earliest: 2023-10-04          #   or bounds; kb narrows them by the publication date
      latest: 2023-10-05            #   and the terms of office, and says why
      basis: why these bounds, in words
    evidence: copy the sentence that reports the meeting, verbatim from the article
    according_to: [irna]            # optional: whom the article cites for it
    attribution: According to IRNA  # optional: the attribution phrase, verbatim

statements:                         # one entry per stated position
  - id: s1
    speaker: ebrahim-raisi          # a person (an organisation when no person is named)
    position: regional-cooperation  # a concept of ontology/positions.ttl
    stance: affirms                 # affirms, supports, opposes, proposes, calls-for, ...
    quote: copy the words that carry the position, verbatim from the article
    speech: reported                # direct (quoted words) or reported
    at: m1                          # optional: the meeting (local id) where it was said
    gloss: null                     # an English rendering, for a non-English quote
"""


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
        text = read_utf8(article)
        title = next((line.strip() for line in text.splitlines() if line.strip()), "")
        fields = {
            "file": article.name,
            "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
            "title": _yaml_scalar(title) or "the headline, as printed",
        }
    stem = (article.stem if article else "article") + ".claims.yaml"
    click.echo(TEMPLATE.format(form=stem, **fields), nl=False)


def _yaml_scalar(text: str) -> str:
    """A single-line YAML scalar that reads back as ``text``."""
    import json

    return json.dumps(text[:200], ensure_ascii=False)
