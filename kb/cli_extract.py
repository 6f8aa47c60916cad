"""``kb extract`` and ``kb evaluate``: draft claims from raw articles, and measure the drafts
against curated claims."""

from __future__ import annotations

import sys
from pathlib import Path

import click
import pyoxigraph as ox
import yaml

from .errors import InputError
from .namespaces import PREFIXES
from .textio import read_utf8


def _drafts(articles: tuple[Path, ...], options: dict[str, str | None]):  # type: ignore[no-untyped-def]
    from .extract.pipeline import Options, extract

    for path in articles:
        text = read_utf8(path)
        yield path, extract(text, Options(file=path.name, **options))


class _PlainDumper(yaml.SafeDumper):
    """YAML for people: a value used twice is written twice, never as an &anchor/*alias."""

    def ignore_aliases(self, data: object) -> bool:
        return True


def _trig(compiled) -> bytes:  # type: ignore[no-untyped-def]
    quads = [ox.Quad(t.subject, t.predicate, t.object, compiled.graph) for t in compiled.triples]
    return ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=dict(PREFIXES)) or b""


@click.command()
@click.argument("articles", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="A .trig file, or a directory for one .trig per article.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["trig", "yaml"]),
    default="trig",
    show_default=True,
    help="TriG (ready for kb validate / kb add) or the claim form (YAML) to review.",
)
@click.option(
    "--published",
    help="Publication date (2023-10-05 or 2023-10-05T03:55:00) when the page does not print it.",
)
@click.option("--publisher", help="Publisher's entity id in the registry (e.g. irna).")
@click.option("--url", help="The article's URL.")
@click.option(
    "--lang",
    type=click.Choice(["en", "uk", "ru", "fa", "ar", "az", "tr"]),
    help="Language, instead of detecting it.",
)
def extract(
    articles: tuple[Path, ...],
    output: Path | None,
    fmt: str,
    published: str | None,
    publisher: str | None,
    url: str | None,
    lang: str | None,
) -> None:
    """Draft claims from raw articles: one named graph per article, each claim marked extracted.

    \b
    Example:
      kb extract seeds/001_35c6b722bd335644.txt -o drafts/
      kb extract article.txt --published 2023-10-05 --format yaml > article.claims.yaml
      kb validate drafts/001_35c6b722bd335644.trig && kb add drafts/001_35c6b722bd335644.trig
    """
    from .kbase import model_registry

    registry = model_registry()
    options = {"published": published, "publisher": publisher, "url": url, "lang": lang}
    if output is not None and output.suffix == "" and not output.exists():
        output.mkdir(parents=True)
    chunks: list[bytes] = []
    for path, draft in _drafts(articles, options):
        if fmt == "yaml":
            # the extractor's rules and confidence per claim, after the form (the compiler
            # ignores this section; a reviewer reads it)
            form = {**draft.form, "extractor": draft.notes()}
            data = yaml.dump(
                form, Dumper=_PlainDumper, allow_unicode=True, sort_keys=False, width=1000
            ).encode("utf-8")
        else:
            try:
                data = _trig(draft.compile(registry))
            except InputError as error:
                raise InputError(f"{path}: the draft does not compile: {error}") from error
        meetings, statements = len(draft.form["meetings"]), len(draft.form["statements"])
        click.echo(
            f"{path}: {draft.language}, {meetings} meeting(s), {statements} statement(s)", err=True
        )
        if output is not None and output.is_dir():
            suffix = ".claims.yaml" if fmt == "yaml" else ".trig"
            (output / (path.stem + suffix)).write_bytes(data)
        else:
            chunks.append(data)
    if chunks:
        data = b"".join(chunks)
        if output is not None:
            output.write_bytes(data)
        else:
            sys.stdout.buffer.write(data)


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--devset",
    "devset_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="A development set of real articles (gold/, articles/, negatives/); default: "
    "$KB_DEVSET or ../shared/devset when present.",
)
@click.option("--show", type=int, default=0, help="List up to N misses and extras of the devset.")
def evaluate(paths: tuple[Path, ...], devset_dir: Path | None, show: int) -> None:
    """Precision, recall and F1 of the extractors against curated claims, per language and kind.

    Without arguments: every seeds/*.claims.yaml and tests/articles/**/*.claims.yaml; seeds and
    other articles are reported apart. The development set of real articles
    (``../shared/devset``, or ``--devset DIR``) is scored too when present, through the same
    add-and-query path a user takes; its absence is said, not an error.

    \b
    Example:
      kb evaluate
      kb evaluate tests/articles/ seeds/003_0d083f3321f654a4.claims.yaml
      kb evaluate --devset ../shared/devset --show 20
    """
    from . import devset
    from .extract.evaluate import discover, report
    from .extract.evaluate import evaluate as run
    from .kbase import model_registry

    if devset_dir is not None and devset.locate(devset_dir) is None:
        raise InputError(f"{devset_dir}: not a development set (no gold/ folder)")
    forms = discover(paths) if paths or devset_dir is None else []
    if paths and not forms:
        raise InputError("no claim forms (*.claims.yaml) to evaluate in the given paths")
    results = []
    for result in run(forms, model_registry()):
        click.echo(f"… {result.form.name}", err=True)
        results.append(result)
    if results:
        click.echo(report(results))
    if paths and devset_dir is None:
        return
    found = devset.locate(devset_dir)
    if found is None:
        click.echo(
            "development set: not present (../shared/devset or $KB_DEVSET); skipped", err=True
        )
        return
    scored = []
    for article in devset.score(found):
        click.echo(f"… {article.id}", err=True)
        scored.append(article)
    click.echo(f"\ndevelopment set ({found}):")
    click.echo(devset.report(scored, show))
