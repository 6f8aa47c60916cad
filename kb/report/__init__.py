"""``kb report``: the KB as one self-contained HTML page that people read by looking.

The page answers the headline question at the top, draws a filterable timeline of
meetings and stated positions and a who-met-whom view, shows every quote in its own
language and direction beside its English gloss, links each quote to the characters of
its source, and calls out meetings whose sources disagree. Everything it shows comes from
saved queries (``data.SECTION_QUERIES``); scripts and styles are inlined, so the file needs
no network (its Content-Security-Policy forbids any).

>>> from kb.store.embedded import EmbeddedStore
>>> from kb import kbase
>>> store = EmbeddedStore.in_memory(); _ = kbase.build(store)
>>> page = build_report(store)
>>> page.startswith("<!doctype html>") and 'dir="rtl"' in page
True
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..store import Store
from .data import SECTION_QUERIES, gather
from .html import render

__all__ = ["SECTION_QUERIES", "build_report", "write_report"]


def build_report(
    store: Store,
    country: str = "ent:azerbaijan",
    progress: Callable[[str], None] | None = None,
) -> str:
    """The report page; ``country`` is whose territorial integrity the headline asks about."""
    data = gather(store, country=country, progress=progress)
    if progress:
        progress("rendering")
    return render(data, store_label=getattr(store, "location", "") or "in-memory store")


def write_report(
    store: Store,
    path: Path,
    country: str = "ent:azerbaijan",
    progress: Callable[[str], None] | None = None,
) -> int:
    """Write the page to ``path`` (UTF-8); returns its size in bytes."""
    page = build_report(store, country=country, progress=progress).encode("utf-8")
    path.write_bytes(page)
    return len(page)
