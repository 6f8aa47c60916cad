"""Many articles at a time: every text file and saved page under some directories, one draft
each, in parallel processes if asked, and one outcome per file for the summary.

An article is drafted unless it is empty, too short to be an article ("not news"), in a
language kb does not read, a duplicate of one read before it in the same run (same text
SHA-256), already in the KB (unless forced), or cannot be read at all ("failed", with the
reason). Nothing one file does stops the others.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml

from ..claimform import text_sha256
from ..errors import InputError
from ..intake import ARTICLE_SUFFIXES, Article, read_article
from .lexicon import LANGUAGES

MIN_ARTICLE_WORDS = 25  # fewer words than this is a caption, a stub or an error page
Outcome = Literal["drafted", "empty", "not-news", "language", "duplicate", "in-kb", "failed"]
OUTCOMES: tuple[Outcome, ...] = (
    "drafted",
    "empty",
    "not-news",
    "language",
    "duplicate",
    "in-kb",
    "failed",
)


@dataclass
class Result:
    """What became of one file."""

    path: Path
    outcome: Outcome
    reason: str = ""
    language: str = ""
    meetings: int = 0
    statements: int = 0
    text_sha256: str = ""
    data: bytes = b""  # the draft, serialised (TriG or claim form)
    kind: str = "text"
    note: str = ""  # what a drafted article's reader should check

    @property
    def summary(self) -> str:
        """One line on a drafted article: its language and what was found."""
        return (
            f"{self.path}: {self.language}, {self.meetings} meeting(s), "
            f"{self.statements} statement(s)" + (f" ({self.note})" if self.note else "")
        )


@dataclass
class Job:
    """What every article of a run is drafted with (picklable: it crosses process bounds)."""

    options: dict[str, str | None] = field(default_factory=dict)
    fmt: str = "trig"
    form_dir: Path | None = None  # where claim forms go: their `file:` is relative to it


def article_files(paths: Iterable[Path]) -> list[Path]:
    """The files named, and every .txt, .html and .htm under the directories named, sorted."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out += sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES
            )
        else:
            out.append(path)
    return list(dict.fromkeys(out))


def draft_file(path: Path, job: Job) -> Result:
    """Read, check and draft one file; every failure becomes a result, never an exception."""
    try:
        article = read_article(path)
    except InputError as error:
        return Result(path, "failed", str(error).removeprefix(f"{path}: "))
    except Exception as error:  # noqa: BLE001 - one bad file must not end the batch
        return Result(path, "failed", f"cannot read: {type(error).__name__}: {error}")
    skip = _skip(article, job)
    if skip is not None:
        return skip
    try:
        return _draft(article, job)
    except Exception as error:  # noqa: BLE001
        return Result(path, "failed", f"extraction failed: {type(error).__name__}: {error}")


def _skip(article: Article, job: Job) -> Result | None:
    path, text = article.path, article.text
    digest = text_sha256(text)
    if not text.strip():
        what = "no main text on the page" if article.kind == "html" else "no text"
        return Result(path, "empty", what, kind=article.kind)
    words = len(text.split())
    if words < MIN_ARTICLE_WORDS:
        return Result(
            path,
            "not-news",
            f"{words} words: too short to be an article (fewer than {MIN_ARTICLE_WORDS})",
            text_sha256=digest,
            kind=article.kind,
        )
    declared = article.meta.language if article.meta else None
    if declared and declared.value not in LANGUAGES and not job.options.get("lang"):
        return Result(
            path,
            "language",
            f"in {declared.value} ({declared.basis}); kb reads {', '.join(LANGUAGES)}",
            text_sha256=digest,
            kind=article.kind,
        )
    return None


def _draft(article: Article, job: Job) -> Result:
    from ..model import model_registry
    from .pipeline import Options, extract

    name = article.path.name
    if job.form_dir is not None:
        name = os.path.relpath(article.path, job.form_dir)
    options = Options(file=name, page=article.meta, page_sha256=article.page_sha256, **job.options)
    draft = extract(article.text, options)
    if job.fmt == "yaml":
        # the extractor's rules and confidence per claim, after the form (the compiler ignores
        # this section; a reviewer reads it)
        form = {**draft.form, "extractor": draft.notes()}
        data = yaml.dump(
            form, Dumper=PlainDumper, allow_unicode=True, sort_keys=False, width=1000
        ).encode("utf-8")
    else:
        data = trig(draft.compile(model_registry()))
    return Result(
        article.path,
        "drafted",
        language=draft.language,
        meetings=len(draft.form["meetings"]),
        statements=len(draft.form["statements"]),
        text_sha256=text_sha256(article.text),
        data=data,
        kind=article.kind,
        note=_language_note(draft.language, draft.reads_as),
    )


def _language_note(language: str, reads_as: str) -> str:
    if not reads_as:
        return ""
    return f"--lang {language}, but the text reads as {reads_as}"


def run(
    paths: list[Path],
    job: Job,
    *,
    jobs: int = 1,
    known: Callable[[str], str | None] = lambda digest: None,
) -> Iterator[Result]:
    """Draft every file, in the order given; ``known(text_sha256)`` names a source the KB
    already holds (the article is then reported, not drafted).

    With ``jobs`` > 1 the files are drafted in that many processes; results still come in
    order, so which of two duplicates is drafted does not depend on timing.
    """
    seen: dict[str, Path] = {}
    if jobs > 1 and len(paths) > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            chunk = max(1, min(16, len(paths) // (jobs * 4)))
            results: Iterable[Result] = pool.map(
                draft_file, paths, [job] * len(paths), chunksize=chunk
            )
            yield from _deduplicated(results, seen, known)
    else:
        yield from _deduplicated((draft_file(p, job) for p in paths), seen, known)


def _deduplicated(
    results: Iterable[Result], seen: dict[str, Path], known: Callable[[str], str | None]
) -> Iterator[Result]:
    for result in results:
        if result.outcome == "drafted":
            first = seen.get(result.text_sha256)
            source = known(result.text_sha256)
            if first is not None:
                result = Result(result.path, "duplicate", f"same text as {first}", kind=result.kind)
            elif source is not None:
                result = Result(
                    result.path,
                    "in-kb",
                    f"already in the KB as {source} (--force drafts it again)",
                    kind=result.kind,
                )
            else:
                seen[result.text_sha256] = result.path
        yield result


# -- serialising a draft ------------------------------------------------------------------------


class PlainDumper(yaml.SafeDumper):
    """YAML for people: a value used twice is written twice, never as an &anchor/*alias."""

    def ignore_aliases(self, data: object) -> bool:
        return True


def trig(compiled: Any) -> bytes:
    """A compiled draft as TriG, its source's named graph."""
    import pyoxigraph as ox

    from ..namespaces import PREFIXES

    quads = [ox.Quad(t.subject, t.predicate, t.object, compiled.graph) for t in compiled.triples]
    return ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=dict(PREFIXES)) or b""
