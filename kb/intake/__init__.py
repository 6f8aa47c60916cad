"""Reading an article file: plain text as it is, a saved web page as its main text and metadata.

What a file is, is decided by its content, not its name: a ``.txt`` that holds HTML is read as
a page, and a page saved without an extension too. A page may be in any encoding it declares
(``<meta charset>``) or that can be told from its bytes; a text file is read as every kb
command reads one (:func:`kb.textio.read_utf8`).

>>> looks_like_html("<!DOCTYPE html><html><body><p>Talks</p></body></html>")
True
>>> looks_like_html("Talks in Baku\\n\\nThe ministers met on <Wednesday>.")
False
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from ..errors import InputError
from ..textio import read_utf8
from .page import PageMeta

ARTICLE_SUFFIXES = (".txt", ".html", ".htm")
SNIFF_BYTES = 4096
_HTML_START = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
    r"<(?:!doctype\s+html|html|head|body|meta|title|article|div|p|section|main|header|table)\b",
    re.IGNORECASE | re.DOTALL,
)
_HTML_ANYWHERE = re.compile(r"<(?:html|head|body)[\s>]", re.IGNORECASE)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)


@dataclass(frozen=True)
class Article:
    """An article as kb reads it: the text quotes point into, and where it came from."""

    path: Path
    kind: Literal["text", "html"]
    text: str
    meta: PageMeta | None = None  # what a page declares about itself
    page_sha256: str | None = None  # SHA-256 of the page's bytes, for a page
    notes: list[str] = field(default_factory=list)


def looks_like_html(head: str) -> bool:
    """Whether the start of a file is HTML markup (a page, or a fragment of one)."""
    head = head.lstrip("\ufeff")
    return bool(_HTML_START.match(head) or _HTML_ANYWHERE.search(head))


def read_article(path: Path) -> Article:
    """The article in a file; raises :class:`InputError` for what cannot be read as one."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(f"{path}: cannot read: {error.strerror}") from error
    if not looks_like_html(data[:SNIFF_BYTES].decode("latin-1")):
        return Article(path, "text", read_utf8(path))
    return read_page_file(path, data)


def read_page_file(path: Path, data: bytes) -> Article:
    from .page import read_page

    if b"\x00" in data:
        raise InputError(f"{path}: binary file (contains NUL bytes), expected an HTML page")
    page = read_page(decode_page(data))
    return Article(path, "html", page.text, page.meta, hashlib.sha256(data).hexdigest())


def decode_page(data: bytes) -> str:
    """A page's markup as text: by its byte order mark, its declared charset, UTF-8, or a guess."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    declared = _CHARSET.search(data[:SNIFF_BYTES])
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        return str(best) if best is not None else data.decode("utf-8", errors="replace")


def article_text(path: Path, page_sha256: str | None = None) -> str:
    """The text a claim form's quotes point into: a page's main text, or the text file itself.

    ``page_sha256``, when a form declares it, must be the page's: the page has not changed.
    """
    try:
        head = path.read_bytes()[:SNIFF_BYTES]
    except OSError as error:
        raise InputError(f"{path}: cannot read: {error.strerror}") from error
    if not looks_like_html(head.decode("latin-1")):
        return read_utf8(path)
    article = read_page_file(path, path.read_bytes())
    if page_sha256 and page_sha256 != article.page_sha256:
        raise InputError(
            f"{path}: page_sha256 does not match the page: it changed since the form was drafted"
        )
    return article.text
