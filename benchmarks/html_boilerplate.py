"""Which boilerplate remover keeps the article and drops the rest: trafilatura, readability-lxml,
jusText, measured on kb's own test pages (tests/html_pages.py: 7 languages, 4 layouts).

Run: .venv/bin/python benchmarks/html_boilerplate.py [--repeat 3] [--pad-kb 150]

Per extractor, over every page: the share of the article's paragraphs kept verbatim (recall:
a paragraph with one character changed is lost),
the share of boilerplate pieces kept (menu items, cookie banner, most-read and related
headlines, comments, footer: leakage), whether the headline was kept, pages where a paragraph
was lost, and the median time per page.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.html_pages import ARTICLES, LAYOUTS, junk_lines, page  # noqa: E402

STOPLISTS = {
    "en": "English",
    "ru": "Russian",
    "uk": "Ukrainian",
    "fa": "Persian",
    "ar": "Arabic",
    "az": "Azerbaijani",
    "tr": "Turkish",
}


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def with_trafilatura(markup: str, lang: str) -> str:
    import trafilatura

    return trafilatura.extract(markup, include_comments=False, include_tables=True) or ""


def with_trafilatura_fast(markup: str, lang: str) -> str:
    import trafilatura

    return trafilatura.extract(markup, include_comments=False, include_tables=True, fast=True) or ""


def with_trafilatura_precision(markup: str, lang: str) -> str:
    import trafilatura

    return (
        trafilatura.extract(
            markup, include_comments=False, include_tables=True, favor_precision=True
        )
        or ""
    )


def with_readability(markup: str, lang: str) -> str:
    import lxml.html
    from readability import Document

    document = Document(markup)
    tree = lxml.html.fromstring(document.summary())
    for element in tree.iter("br", "p", "div", "h1", "h2", "h3", "li"):
        element.tail = "\n" + (element.tail or "")
    return document.short_title() + "\n" + tree.text_content()


def with_justext(markup: str, lang: str) -> str:
    import justext

    paragraphs = justext.justext(markup.encode("utf-8"), justext.get_stoplist(STOPLISTS[lang]))
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def with_justext_short(markup: str, lang: str) -> str:
    """jusText with its length thresholds lowered for short news paragraphs."""
    import justext

    paragraphs = justext.justext(
        markup.encode("utf-8"),
        justext.get_stoplist(STOPLISTS[lang]),
        length_low=30,
        length_high=100,
        stopwords_low=0.2,
        stopwords_high=0.25,
    )
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def with_kb(markup: str, lang: str) -> str:
    """What kb stores: trafilatura with Persian's zero-width non-joiners kept, headline first."""
    from kb.intake.page import read_page

    return read_page(markup).text


EXTRACTORS: dict[str, Callable[[str, str], str]] = {
    "kb (trafilatura, ZWNJ kept)": with_kb,
    "trafilatura": with_trafilatura,
    "trafilatura (fast: no fallback)": with_trafilatura_fast,
    "trafilatura (favor_precision)": with_trafilatura_precision,
    "readability-lxml": with_readability,
    "justext": with_justext,
    "justext (short paragraphs)": with_justext_short,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3, help="timing runs per page")
    parser.add_argument("--pad-kb", type=int, default=0, help="inline script and menu per page")
    args = parser.parse_args()
    from benchmarks.html_throughput import padding

    extra = padding(args.pad_kb) + "</body>"
    pages = [
        (a, layout, page(a, layout).replace("</body>", extra))
        for a in ARTICLES
        for layout in LAYOUTS
    ]
    print(
        f"{len(pages)} pages ({len(ARTICLES)} languages x {len(LAYOUTS)} layouts, "
        f"{sum(len(m) for _, _, m in pages) // len(pages) // 1024} KiB on average)\n"
    )
    print(
        f"{'extractor':<30} {'recall':>7} {'leakage':>8} {'headline':>9} "
        f"{'pages lost text':>16} {'ms/page':>8}"
    )
    for name, run in EXTRACTORS.items():
        kept = total = leaked = junk = headlines = lossy = 0
        times: list[float] = []
        losses: list[str] = []
        for article, layout, markup in pages:
            run(markup, article.lang)  # warm-up
            for _ in range(args.repeat):
                start = time.perf_counter()
                out = run(markup, article.lang)
                times.append(time.perf_counter() - start)
            text = _squash(out)
            lines = {_squash(line) for line in out.splitlines()}
            found = [_squash(p) in text for p in article.paragraphs]
            kept += sum(found)
            total += len(found)
            pieces = junk_lines(article)
            # a piece leaks when it is a line of its own, or inside one when it is long (a
            # menu item such as "Economy" may be a word of the article)
            leaked += sum(
                _squash(piece) in lines or (len(piece) > 25 and _squash(piece) in text)
                for piece in pieces
            )
            junk += len(pieces)
            headlines += _squash(article.title) in text
            if not all(found):
                lossy += 1
                losses.append(f"{article.lang}/{layout}")
        print(
            f"{name:<30} {kept / total:>7.1%} {leaked / junk:>8.1%} "
            f"{headlines:>4}/{len(pages):<4} {lossy:>16} {statistics.median(times) * 1000:>8.1f}"
        )
        if losses:
            print(f"{'':<30} lost text on: {', '.join(losses)}")


if __name__ == "__main__":
    main()
