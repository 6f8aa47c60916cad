"""A saved web page read as an article: its main text, and what the page says about itself.

The main text comes from trafilatura (the boilerplate remover that measured best on kb's test
pages: ``benchmarks/html_boilerplate.py``), headed by the headline. The metadata is read from
the places news sites declare it, each value with its *basis*, the place it was read from
(``page: <meta property="article:published_time">``), so that a reviewer can tell a date the
page declares from one the extractor read in the text. When no declared date is found,
htmldate looks for one in the page's markup (``<time>`` elements, the URL), never in its text.

>>> page = read_page('<html lang="en"><head><title>Talks in Baku | The Gazette</title>'
...     '<meta property="og:site_name" content="The Gazette">'
...     '<meta property="article:published_time" content="2024-11-14T09:30:00+04:00">'
...     '</head><body><article><h1>Talks in Baku</h1><p>The ministers met in Baku on '
...     'Wednesday and discussed transport links between the two countries.</p></article>'
...     '</body></html>')
>>> page.text.splitlines()[0], page.meta.published.value, page.meta.published.basis
('Talks in Baku', '2024-11-14T09:30:00+04:00', 'page: <meta property="article:published_time">')
>>> page.meta.title.value, page.meta.site_name.value, page.meta.language.value
('Talks in Baku', 'The Gazette', 'en')
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urlsplit

# trafilatura drops every character Python does not print, the zero-width non-joiner among
# them, which Persian writes inside words (می‌کند): it is carried through as a placeholder.
ZWNJ = "\u200c"
_PLACEHOLDER = "\ufffc"
_ZWNJ_FORMS = re.compile(r"\u200c|&zwnj;|&#8204;|&#x0*200c;", re.IGNORECASE)

NEWS_TYPES = frozenset(
    {
        "NewsArticle",
        "Article",
        "ReportageNewsArticle",
        "AnalysisNewsArticle",
        "BackgroundNewsArticle",
        "OpinionNewsArticle",
        "ReviewNewsArticle",
        "BlogPosting",
        "Report",
        "WebPage",
    }
)
# Declared publication dates, in the order they are trusted: (attribute, value, basis).
_DATE_METAS = (
    ("property", "article:published_time"),
    ("property", "og:article:published_time"),
    ("itemprop", "datePublished"),
    ("name", "article:published_time"),
    ("name", "pubdate"),
    ("name", "publishdate"),
    ("name", "publish-date"),
    ("name", "dcterms.issued"),
    ("name", "dc.date.issued"),
    ("name", "dc.date"),
    ("name", "date"),
    ("name", "sailthru.date"),
    ("name", "parsely-pub-date"),
)
_TITLE_METAS = (("property", "og:title"), ("name", "twitter:title"), ("name", "dc.title"))
_SITE_METAS = (("property", "og:site_name"), ("name", "application-name"))
_SEPARATORS = re.compile(r"\s+[|\-–—:·»]\s+")


@dataclass(frozen=True)
class Declared:
    """A value the page declares, and where it was read (``page: <link rel="canonical">``)."""

    value: str
    basis: str


@dataclass(frozen=True)
class PageMeta:
    title: Declared | None = None
    published: Declared | None = None  # ISO 8601: a date, or a date and time with its offset
    site_name: Declared | None = None
    url: Declared | None = None
    language: Declared | None = None  # the primary subtag, lower case ("fa" for fa-IR)


@dataclass(frozen=True)
class Page:
    text: str  # the headline, then the main text, one paragraph a line, blank lines between
    meta: PageMeta


def read_page(markup: str) -> Page:
    """The main text and the metadata of a page (any markup: never raises on odd input)."""
    import lxml.html

    try:
        tree = lxml.html.document_fromstring(_without_declaration(markup))
    except (ValueError, lxml.etree.ParserError):  # empty, or nothing lxml can read as HTML
        return Page("", PageMeta())
    meta = _metadata(tree)
    body = _main_text(markup)
    headline = meta.title.value if meta.title else ""
    if headline and body.split("\n", 1)[0].strip() != headline:
        body = f"{headline}\n\n{body}" if body else headline
    return Page(body, meta)


def _without_declaration(markup: str) -> str:
    """lxml refuses a str that declares its own encoding (<?xml encoding=...?>)."""
    return re.sub(r"^\s*<\?xml[^>]*\?>", "", markup, count=1)


def _main_text(markup: str) -> str:
    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)  # an empty page is no error

    protect = _PLACEHOLDER not in markup
    if protect:
        markup = _ZWNJ_FORMS.sub(_PLACEHOLDER, markup)
    # fast: without trafilatura's second opinions (readability, jusText), which cost 3/4 of its
    # time on a saved news page and changed nothing on kb's test pages
    text = trafilatura.extract(
        markup, include_comments=False, include_tables=True, deduplicate=False, fast=True
    )
    if not text:
        return ""
    if protect:
        text = text.replace(_PLACEHOLDER, ZWNJ)
    return "\n\n".join(line.strip() for line in text.splitlines() if line.strip())


# -- metadata ------------------------------------------------------------------------------------


def _metadata(tree: Any) -> PageMeta:
    metas = _meta_tags(tree)
    ld = list(_json_ld(tree))
    site = _site_name(metas, ld)
    return PageMeta(
        title=_title(tree, metas, ld, site),
        published=_published(tree, metas, ld),
        site_name=site,
        url=_url(tree, metas, ld),
        language=_language(tree, metas, ld),
    )


def _meta_tags(tree: Any) -> dict[tuple[str, str], str]:
    """``(attribute, lower-case name) -> content`` of every <meta>, the first of each."""
    out: dict[tuple[str, str], str] = {}
    for element in tree.iter("meta"):
        content = (element.get("content") or "").strip()
        if not content:
            continue
        for attribute in ("property", "name", "itemprop", "http-equiv"):
            name = element.get(attribute)
            if name:
                out.setdefault((attribute, name.strip().lower()), content)
    return out


def _meta(metas: dict[tuple[str, str], str], attribute: str, name: str) -> Declared | None:
    value = metas.get((attribute, name.lower()))
    return Declared(value, f'page: <meta {attribute}="{name}">') if value else None


def _json_ld(tree: Any) -> Iterator[dict[str, Any]]:
    """The JSON-LD objects of article types (NewsArticle, Article, ...), outermost first."""
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        stack = [data]
        while stack:
            node = stack.pop(0)
            if isinstance(node, list):
                stack.extend(node)
            elif isinstance(node, dict):
                kinds = node.get("@type")
                kinds = kinds if isinstance(kinds, list) else [kinds]
                if any(k in NEWS_TYPES for k in kinds if isinstance(k, str)):
                    yield node
                if "@graph" in node:
                    stack.extend(node["@graph"] if isinstance(node["@graph"], list) else [])


def _ld(ld: list[dict[str, Any]], key: str) -> Declared | None:
    """A string value of the first article object that has ``key``, with its basis."""
    for node in sorted(ld, key=lambda n: n.get("@type") == "WebPage"):  # articles before pages
        value = node.get(key)
        if isinstance(value, dict):
            value = value.get("name") or value.get("@id") or value.get("url")
        if isinstance(value, list) and value:
            value = value[0]
            if isinstance(value, dict):
                value = value.get("name") or value.get("@id") or value.get("url")
        if isinstance(value, str) and value.strip():
            kind = node.get("@type")
            kind = kind[0] if isinstance(kind, list) and kind else kind
            return Declared(value.strip(), f"page: JSON-LD {kind} {key}")
    return None


def _text(element: Any) -> str:
    return re.sub(r"\s+", " ", element.text_content()).strip()


def _title(
    tree: Any, metas: dict[tuple[str, str], str], ld: list[dict[str, Any]], site: Declared | None
) -> Declared | None:
    found = _ld(ld, "headline")
    for attribute, name in _TITLE_METAS:
        found = found or _meta(metas, attribute, name)
    if found is None:
        heading = next(iter(tree.iter("h1")), None)
        if heading is not None and _text(heading):
            found = Declared(_text(heading), "page: <h1>")
    if found is None:
        title = next(iter(tree.iter("title")), None)
        if title is not None and _text(title):
            found = Declared(_strip_site(_text(title), site), "page: <title>")
    if found is None:
        return None
    return Declared(re.sub(r"\s+", " ", found.value).strip(), found.basis)


def _strip_site(title: str, site: Declared | None) -> str:
    """``Talks in Baku | The Gazette`` without the site's name."""
    if site is None:
        return title
    parts = _SEPARATORS.split(title)
    kept = [p for p in parts if p.strip().casefold() != site.value.casefold()]
    if len(kept) == len(parts) or not kept:
        return title
    return " - ".join(kept) if len(kept) > 1 else kept[0]


def _site_name(metas: dict[tuple[str, str], str], ld: list[dict[str, Any]]) -> Declared | None:
    found = _ld(ld, "publisher")
    for attribute, name in _SITE_METAS:
        found = found or _meta(metas, attribute, name)
    return found


def _url(tree: Any, metas: dict[tuple[str, str], str], ld: list[dict[str, Any]]) -> Declared | None:
    candidates: list[Declared | None] = []
    for link in tree.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and link.get("href"):
            candidates.append(Declared(link.get("href").strip(), 'page: <link rel="canonical">'))
    candidates += [_meta(metas, "property", "og:url"), _ld(ld, "url"), _ld(ld, "mainEntityOfPage")]
    return next((c for c in candidates if c is not None and _is_web_address(c.value)), None)


def _is_web_address(value: str) -> bool:
    parts = urlsplit(value)
    return (
        parts.scheme in ("http", "https")
        and bool(parts.netloc)
        and not re.search(r"[\s<>\"{}|\\^`]", value)
    )


def _language(
    tree: Any, metas: dict[tuple[str, str], str], ld: list[dict[str, Any]]
) -> Declared | None:
    candidates: list[Declared | None] = []
    root_lang = tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang")
    if root_lang:
        candidates.append(Declared(root_lang, f'page: <html lang="{root_lang}">'))
    candidates += [
        _meta(metas, "http-equiv", "content-language"),
        _ld(ld, "inLanguage"),
        _meta(metas, "property", "og:locale"),
    ]
    for found in candidates:
        if found is None:
            continue
        code = re.split(r"[-_,;\s]", found.value.strip().lower(), maxsplit=1)[0]
        if re.fullmatch(r"[a-z]{2,3}", code):
            return Declared(code, found.basis)
    return None


def _published(
    tree: Any, metas: dict[tuple[str, str], str], ld: list[dict[str, Any]]
) -> Declared | None:
    candidates: list[Declared | None] = [_ld(ld, "datePublished")]
    candidates += [_meta(metas, attribute, name) for attribute, name in _DATE_METAS]
    for element in tree.iter("time"):
        if element.get("itemprop") == "datePublished" or element.get("pubdate") is not None:
            candidates.append(
                Declared(element.get("datetime") or "", "page: <time itemprop=datePublished>")
            )
    for found in candidates:
        value = normalised_date(found.value) if found else None
        if found and value:
            return Declared(value, found.basis)
    return _htmldate(tree)


def _htmldate(tree: Any) -> Declared | None:
    """htmldate's reading of the page's markup (never its text: that is kb's own reader)."""
    from htmldate import find_date

    try:
        value = find_date(tree, extensive_search=False, original_date=True, outputformat="%Y-%m-%d")
    except Exception:  # noqa: BLE001 - a heuristic over arbitrary markup: no date, not a crash
        return None
    day = normalised_date(value) if value else None
    return Declared(day, "page: htmldate (the page's markup)") if day else None


def normalised_date(value: str) -> str | None:
    """An ISO 8601 date or date-time (with its offset) from a declared value, or None.

    >>> normalised_date("2024-11-14T09:30:00Z"), normalised_date("2024-11-14")
    ('2024-11-14T09:30:00Z', '2024-11-14')
    >>> normalised_date("Thu, 14 Nov 2024 09:30:00 +0400"), normalised_date("soon")
    ('2024-11-14T09:30:00+04:00', None)
    """
    text = value.strip()
    moment: datetime | date | None = None
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        try:
            moment = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
    if moment is None or not 1900 < moment.year <= date.today().year + 1:
        return None
    if len(text) <= 10 and "T" not in text and " " not in text:
        return moment.date().isoformat()
    if moment.tzinfo is None:
        return moment.isoformat(timespec="seconds")
    iso = moment.isoformat(timespec="seconds")
    return iso[:-6] + "Z" if text.endswith("Z") and iso.endswith("+00:00") else iso
