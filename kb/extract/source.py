"""The draft's ``source:`` section: each field from the command line, else from what the page
declares about itself, else from what the text prints; each with its basis.

The precedence is the same for every field (``docs/claim-form.md``, "Where the source's
metadata comes from"): an option the user gives (``--published``, ``--publisher``, ``--url``,
``--lang``) over the page's metadata (a saved web page's ``<meta>`` tags, JSON-LD, ``<link
rel="canonical">``, ``<html lang>``) over the extractor's reading of the text. The basis says
which one gave the value (``command line (--published)``, ``page: <meta
property="article:published_time">``, ``text: printed in the head``); the claim form keeps it
in ``source: basis:``, the RDF in ``kb:publishedBasis`` and its siblings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from ..dates import parse_partial
from ..intake.page import PageMeta
from .lexicon import LANGUAGES, script_of_language
from .mentions import Found, find
from .published import detect_language, published_of, publisher_of, title_of
from .segment import Doc, Line, script_of

COMMAND_LINE = "command line"
TEXT = "text"
_TEXT_RULES = {
    "published-marked": "text: printed after a publication marker",
    "published-head": "text: printed in the head",
    "published-dateline": "text: printed in the dateline",
    "published-fallback-dateparser": "text: read by dateparser in the head",
    "publisher-template": "text: named as the publisher",
    "publisher-dateline": "text: named in the dateline",
}


@dataclass
class SourceSection:
    """The ``source:`` mapping, the publication day, and the mentions found reading the text."""

    source: dict[str, Any]
    published_day: date | None
    found: Found
    basis: dict[str, str] = field(default_factory=dict)


def language_of(
    doc: Doc, lines: list[Line], lang: str | None, page: PageMeta | None
) -> tuple[str, str]:
    """The article's language and its basis.

    A page's declared language is believed when its script is the text's (a site's template
    that says ``lang="en"`` on every page, Persian ones too, is not).
    """
    if lang:
        return lang, f"{COMMAND_LINE} (--lang)"
    declared = page.language if page else None
    if declared and declared.value in LANGUAGES:
        sample = doc.text[:2000]
        if script_of(sample) in (None, script_of_language(declared.value)):
            return declared.value, declared.basis
    return detect_language(doc, lines), f"{TEXT}: detected"


def source_section(
    doc: Doc,
    lines: list[Line],
    language: str,
    options: Any,  # pipeline.Options
) -> SourceSection:
    """The source's title, publication date, publisher and URL, by precedence, with bases."""
    page: PageMeta = options.page or PageMeta()
    basis: dict[str, str] = {}
    title = title_of(doc, lines, language)  # also marks the title line, which later steps skip
    if page.title:
        title, basis["title"] = page.title.value, page.title.basis
    elif title:
        basis["title"] = f"{TEXT}: the headline"
    source: dict[str, Any] = {
        "file": options.file,
        "language": language,
        "title": title,
        "url": options.url,
    }
    published_day: date | None = None
    if options.published:
        published_day = publication_day(options.published)
        source["published"] = {"printed": options.published, "date": options.published}
        basis["published"] = f"{COMMAND_LINE} (--published)"
    elif page.published:
        published_day = publication_day(page.published.value)
        source["published"] = {"printed": page.published.value, "date": page.published.value}
        basis["published"] = page.published.basis
    else:
        published = published_of(doc, lines, language)
        if published is not None:
            published_day = published.day
            source["published"] = {"printed": published.printed, "date": published.value}
            basis["published"] = _TEXT_RULES.get(published.rule, f"{TEXT}: {published.rule}")
    era = (published_day, published_day)
    found = find(doc, language, era, [True] * len(doc.words))
    if options.publisher:
        source["publisher"] = options.publisher
        basis["publisher"] = f"{COMMAND_LINE} (--publisher)"
    else:
        named = _registered(page.site_name.value, language) if page.site_name else None
        if page.site_name and named:
            source["publisher"] = named
            basis["publisher"] = f'{page.site_name.basis}: "{page.site_name.value}"'
        else:
            publisher, rule = publisher_of(doc, lines, found, language)
            if publisher:
                source["publisher"] = publisher
                basis["publisher"] = _TEXT_RULES.get(rule, f"{TEXT}: {rule}")
            if page.site_name:  # a curator may add the outlet to the registry
                unknown = f'{page.site_name.basis}: "{page.site_name.value}", not in the registry'
                basis["publisher"] = f"{basis['publisher']} ({unknown})" if publisher else unknown
    if options.url:
        basis["url"] = f"{COMMAND_LINE} (--url)"
    elif page.url:
        source["url"], basis["url"] = page.url.value, page.url.basis
    if options.page_sha256:
        source["page_sha256"] = options.page_sha256
    source = {k: v for k, v in source.items() if v is not None}
    return SourceSection(source, published_day, found, basis)


def publication_day(value: str) -> date:
    """The day of a publication date written as ISO 8601 (a day, month, year or timestamp);
    ValueError says how to write it."""
    return datetime.fromisoformat(value).date() if "T" in value else parse_partial(value)[0]


def _registered(name: str, language: str) -> str | None:
    """The registry's news outlet or organisation a site's name names, if any."""
    doc = Doc.of(name)
    if not doc.words:
        return None
    found = find(doc, language, (None, None), [True] * len(doc.words))
    return next(
        (x.entity for x in found.mentions if x.kind in ("media", "organization") and x.entity),
        None,
    )
