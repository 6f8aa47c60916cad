"""Saved pages per second through `kb extract`: read, main text and metadata, draft, compile;
on one core and in two processes, next to the same articles as text files.

Run: .venv/bin/python benchmarks/html_throughput.py [--copies 8] [--pad-kb 0]

The pages are kb's test pages (tests/html_pages.py: 7 languages x 4 layouts), each repeated
``--copies`` times with a distinct comment so that no two files are the same. Real saved pages
carry far more markup than these (scripts, styles, menus): ``--pad-kb 150`` adds that much
inline script and menu to each page, as a news site's saved page has. In-process figures are
timed after a warm-up (the registry, lexicons and language detector loaded once, as a long
`kb extract DIR` does); the ``--jobs 2`` figure is the whole run, worker start-up included.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kb.extract.batch import Job, draft_file, run  # noqa: E402
from tests.html_pages import ARTICLES, LAYOUTS, clean_text, page  # noqa: E402


def padding(kb: int) -> str:
    """``kb`` KiB of what a saved news page carries besides the article: script and a menu."""
    if kb <= 0:
        return ""
    script = "<script>" + ("var tracker = {id: 'x', events: []};" * (kb * 1024 // 80)) + "</script>"
    menu = "".join(f'<li><a href="/section/{n}">Section {n}</a></li>' for n in range(kb * 4))
    return script + f"<nav><ul>{menu}</ul></nav>"


def _write(folder: Path, copies: int, pad_kb: int) -> tuple[list[Path], list[Path]]:
    pages, texts = [], []
    extra = padding(pad_kb)
    for n in range(copies):
        for article in ARTICLES:
            text = folder / f"{article.slug}-{n}.txt"
            text.write_text(clean_text(article) + f"\n({n})\n", encoding="utf-8")
            texts.append(text)
            for layout in LAYOUTS:
                markup = page(article, layout).replace(
                    "</body>", f"{extra}<!-- copy {n} --></body>"
                )
                path = folder / f"{article.slug}-{layout}-{n}.html"
                path.write_text(markup, encoding="utf-8")
                pages.append(path)
    return pages, texts


def _per_second(paths: list[Path], job: Job) -> tuple[float, float]:
    """Articles per second of wall-clock time, and per second of this process's CPU time (the
    figure a machine shared with other jobs still gives)."""
    start, cpu = time.perf_counter(), time.process_time()
    for path in paths:
        draft_file(path, job)
    return len(paths) / (time.perf_counter() - start), len(paths) / (time.process_time() - cpu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--copies", type=int, default=8)
    parser.add_argument("--pad-kb", type=int, default=0)
    args = parser.parse_args()
    job = Job()
    with tempfile.TemporaryDirectory() as tmp:
        pages, texts = _write(Path(tmp), args.copies, args.pad_kb)
        size = sum(p.stat().st_size for p in pages) // len(pages) // 1024
        for path in pages[: len(ARTICLES) * len(LAYOUTS)]:  # warm-up: every language once
            draft_file(path, job)
        html_one = _per_second(pages, job)
        text_one = _per_second(texts, job)
        start = time.perf_counter()
        outcomes = [r.outcome for r in run(pages, job, jobs=2)]
        html_two = len(pages) / (time.perf_counter() - start)
    drafted = outcomes.count("drafted")
    print(f"{len(pages)} pages ({size} KiB on average; {drafted} drafted, the rest duplicates)")
    print(
        f"HTML, one core:  {html_one[0]:6.1f} articles/s, {html_one[1]:6.1f} per CPU second"
        " (read, main text, metadata, draft, compile)"
    )
    print(f"HTML, --jobs 2:  {html_two:6.1f} articles/s (whole run, worker start-up included)")
    print(
        f"text, one core:  {text_one[0]:6.1f} articles/s, {text_one[1]:6.1f} per CPU second"
        f" ({len(texts)} text files, same articles)"
    )


if __name__ == "__main__":
    main()
