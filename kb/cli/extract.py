"""``kb extract`` and ``kb evaluate``: draft claims from raw articles, and measure the drafts
against curated claims."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..errors import InputError
from ..extract.lexicon import LANGUAGES
from ..extract.source import publication_day
from ..textio import read_utf8
from .context import Context

pass_context = click.make_pass_decorator(Context)  # the group's Context, as in kb.cli


SUMMARY_WORDS = {
    "drafted": "drafted",
    "empty": "empty",
    "not-news": "not news",
    "language": "in a language kb does not read",
    "duplicate": "duplicate",
    "in-kb": "already in the KB",
    "failed": "failed",
}


@click.command()
@click.argument("articles", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="A .trig file, or a directory for one draft per article (needed with a DIR of articles).",
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
    callback=lambda ctx, param, value: _checked_date(value),
    help="Publication date (2023-10-05 or 2023-10-05T03:55:00), over what the page declares or prints.",
)
@click.option("--publisher", help="Publisher's entity id in the registry (e.g. irna).")
@click.option("--url", help="The article's URL.")
@click.option(
    "--lang",
    type=click.Choice(LANGUAGES),
    help="Language, instead of the page's or detecting it.",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Articles extracted in parallel processes (with a DIR).",
)
@click.option("--force", is_flag=True, help="Draft articles the KB already holds (same text).")
@pass_context
def extract(
    kb: Context,
    articles: tuple[Path, ...],
    output: Path | None,
    fmt: str,
    published: str | None,
    publisher: str | None,
    url: str | None,
    lang: str | None,
    jobs: int,
    force: bool,
) -> None:
    """Draft claims from articles, text files or saved web pages (HTML, told by content):
    one named graph per article, each claim marked extracted.

    A page's main text is what kb stores and quotes from; its title, date, site name, URL
    and language are used unless an option gives them. With a DIR, every .txt, .html and .htm
    under it is read, one draft per article goes to -o DRAFTS/, and a summary says what was
    skipped (empty, not news, another language, duplicate, already in the KB) or failed, and
    why. Exit code 1 when a file could not be read.

    \b
    Example:
      kb extract seeds/001_35c6b722bd335644.txt -o drafts/
      kb extract saved-page.html --format yaml > article.claims.yaml
      kb extract saved-pages/ -o drafts/ --jobs 2
      kb validate drafts/001_35c6b722bd335644.trig && kb add drafts/001_35c6b722bd335644.trig
    """
    from ..model import model_registry

    model_registry()  # the registry first: a broken one is reported before any article is read
    options = {"published": published, "publisher": publisher, "url": url, "lang": lang}
    if any(path.is_dir() for path in articles):
        _batch(kb, articles, output, fmt, options, jobs, force)
        return
    _one_by_one(articles, output, fmt, options)


def _one_by_one(
    articles: tuple[Path, ...], output: Path | None, fmt: str, options: dict[str, str | None]
) -> None:
    """Files named one by one: each drafted or refused (exit 2) with the reason."""
    from ..extract.batch import Job, draft_file

    if output is not None and output.suffix == "" and not output.exists():
        output.mkdir(parents=True)
    chunks: list[bytes] = []
    job = Job(options, fmt)
    for path in articles:
        result = draft_file(path, job) if _is_page(path) else _text_draft(path, job)
        if result.outcome != "drafted":
            raise InputError(f"{path}: {SUMMARY_WORDS[result.outcome]}: {result.reason}")
        click.echo(result.summary, err=True)
        if output is not None and output.is_dir():
            suffix = ".claims.yaml" if fmt == "yaml" else ".trig"
            (output / (path.stem + suffix)).write_bytes(result.data)
        else:
            chunks.append(result.data)
    if chunks:
        data = b"".join(chunks)
        if output is not None:
            output.write_bytes(data)
        else:
            sys.stdout.buffer.write(data)


def _is_page(path: Path) -> bool:
    from ..intake import SNIFF_BYTES, looks_like_html

    try:
        with path.open("rb") as handle:
            return looks_like_html(handle.read(SNIFF_BYTES).decode("latin-1"))
    except OSError:
        return False


def _text_draft(path: Path, job):  # type: ignore[no-untyped-def]
    """A text file drafted as kb always has: any UTF-8 text, refused only when unreadable."""
    from ..extract.batch import Result, _draft
    from ..intake import Article

    article = Article(path, "text", read_utf8(path))
    try:
        return _draft(article, job)
    except InputError as error:
        return Result(path, "failed", f"the draft does not compile: {error}")


def _batch(
    kb: Context,
    articles: tuple[Path, ...],
    output: Path | None,
    fmt: str,
    options: dict[str, str | None],
    jobs: int,
    force: bool,
) -> None:
    from ..extract.batch import OUTCOMES, Job, article_files, run

    if output is None or (output.exists() and not output.is_dir()):
        raise InputError("a directory of articles needs -o DRAFTS/, a directory for one draft each")
    output.mkdir(parents=True, exist_ok=True)
    files = article_files(articles)
    known = {} if force else _sources_in_kb(kb)
    job = Job(options, fmt, output.resolve() if fmt == "yaml" else None)
    counts = dict.fromkeys(OUTCOMES, 0)
    problems: list[str] = []
    empty_drafts = 0
    written: set[Path] = set()
    with kb.progress(len(files), "extracting") as progress:
        for result in run(files, job, jobs=jobs, known=lambda d: known.get(d[:16])):
            counts[result.outcome] += 1
            progress.advance(1, result.path.name)
            if result.outcome != "drafted":
                problems.append(
                    f"  {result.outcome.replace('-', ' '):<10} {result.path}: {result.reason}"
                )
                continue
            empty_drafts += result.meetings + result.statements == 0
            if result.note:
                problems.append(f"  {'note':<10} {result.path}: {result.note}")
            target = _draft_path(result.path, articles, output, fmt, written)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(result.data)
    parts = [
        f"{counts['drafted']} drafted"
        + (f" ({empty_drafts} with no claim)" if empty_drafts else "")
    ]
    parts += [f"{counts[o]} {SUMMARY_WORDS[o]}" for o in OUTCOMES[1:] if counts[o]]
    click.echo(f"read {len(files)} file(s): {', '.join(parts)}; drafts in {output}/", err=True)
    for line in problems:
        click.echo(line, err=True)
    if counts["failed"]:
        raise click.exceptions.Exit(1)


def _draft_path(
    path: Path, roots: tuple[Path, ...], output: Path, fmt: str, written: set[Path]
) -> Path:
    """Where a draft goes: the article's place under its DIR, mirrored under the output."""
    suffix = ".claims.yaml" if fmt == "yaml" else ".trig"
    relative = Path(path.name)
    for root in roots:
        if root.is_dir() and path.is_relative_to(root):
            relative = path.relative_to(root)
            break
    target = output / relative.parent / (relative.stem + suffix)
    if target in written:  # page.html beside page.txt
        target = (
            output / relative.parent / (f"{relative.stem}-{relative.suffix.lstrip('.')}" + suffix)
        )
    written.add(target)
    return target


def _sources_in_kb(kb: Context) -> dict[str, str]:
    """The sources the KB holds, by the first 16 hex digits of their text's SHA-256."""
    from ..namespaces import source_graph

    location = kb.location
    if "://" not in location and not Path(location).is_dir():
        return {}  # no KB yet: nothing is in it
    prefix = source_graph("").value
    ids = {
        g.value[len(prefix) :]: f"src:{g.value[len(prefix) :]}"
        for g in kb.reader.graph_names()
        if g.value.startswith(prefix)
    }
    kb.close()  # release the store before worker processes start
    return ids


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
    from .. import devset
    from ..extract.evaluate import discover, report
    from ..extract.evaluate import evaluate as run
    from ..model import model_registry

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


def _checked_date(value: str | None) -> str | None:
    """``--published`` checked before any file is read: one usage error, not one per file."""
    if value is not None:
        try:
            publication_day(value)
        except ValueError as error:
            raise click.BadParameter(str(error)) from None
    return value
