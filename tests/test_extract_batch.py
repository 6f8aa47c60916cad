"""``kb extract DIR -o DRAFTS/``: fifty mixed files, bad ones among them, give one draft per
article, one summary line per file that was not drafted, and the same with --jobs 2."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kb.cli import main
from tests.html_pages import ARTICLES, clean_text, page

GERMAN = (
    '<html lang="de"><head><title>Gespräche in Baku</title></head><body><article>'
    "<h1>Gespräche in Baku</h1><p>Die Außenminister der beiden Länder haben sich am Montag in "
    "Baku getroffen und über den Ausbau der Verkehrsverbindungen gesprochen, teilten beide "
    "Ministerien nach dem Treffen mit. Weitere Gespräche sollen im nächsten Monat folgen.</p>"
    "</article></body></html>"
)


def _mixed(root: Path) -> dict[str, int]:
    """Fifty files: 21 articles, 16 duplicates, 13 bad files; and two files kb does not read."""
    for article in ARTICLES:
        folder = root / "pages" / article.lang
        folder.mkdir(parents=True)
        (folder / "semantic.html").write_text(page(article, "semantic"), encoding="utf-8")
        (folder / "bare.txt").write_text(page(article, "bare"), encoding="utf-8")  # HTML in .txt
        # the same main text as bare.txt (the date line under the headline is kept in both)
        (folder / "divsoup.htm").write_text(page(article, "divsoup"), encoding="utf-8")
        (folder / "saved.txt").write_text(clean_text(article), encoding="utf-8")
        # the same main text as semantic.html: a duplicate by text hash
        (folder / "z-jsonld.html").write_text(page(article, "jsonld"), encoding="utf-8")
    copies = root / "z-copies"
    copies.mkdir()
    (copies / "again.txt").write_text(clean_text(ARTICLES[0]), encoding="utf-8")
    (copies / "again.html").write_text(page(ARTICLES[1], "semantic"), encoding="utf-8")
    bad = root / "bad"
    bad.mkdir()
    (bad / "empty.html").write_bytes(b"")
    (bad / "blank.txt").write_text("  \n\n \n", encoding="utf-8")
    (bad / "no-body.html").write_text("<html><head><title></title></head><body></body></html>")
    (bad / "menu-only.html").write_text(
        "<html><body><nav><a href='/'>Home</a> <a href='/p'>Politics</a></nav></body></html>"
    )
    (bad / "short.txt").write_text("Talks in Baku.\n", encoding="utf-8")
    (bad / "caption.htm").write_text("<p>Photo: the ministers in Baku.</p>")
    (bad / "german.html").write_text(GERMAN, encoding="utf-8")
    (bad / "binary.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64))
    (bad / "binary.txt").write_bytes(bytes(range(256)))
    (bad / "latin1.txt").write_bytes("Gespräche in Baku über Verkehr".encode("latin-1"))
    (bad / "broken.html").write_text("<html><body><div><p>Unclosed <<<>>> <b><i></div></p>")
    (bad / "only-script.html").write_text("<html><head><script>var a = 1;</script></head></html>")
    (bad / "comment-only.htm").write_text("<!-- saved from a page that failed to load -->")
    (root / "notes.md").write_text("not an article: kb reads .txt, .html, .htm")
    (root / "photo.png").write_bytes(b"\x89PNG\r\n")
    return {
        "drafted": 21,
        "duplicate": 16,
        "empty": 5,
        "not news": 4,
        "in a language kb does not read": 1,
        "failed": 3,
    }


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    root = tmp_path_factory.mktemp("saved")
    return root, _mixed(root)


def _extract(tmp: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["--store", str(tmp / "no-kb"), "extract", *args])
    return result.exit_code, result.output


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_directory_gives_one_draft_per_article_and_a_summary(
    mixed: tuple[Path, dict[str, int]], tmp_path: Path, jobs: str
) -> None:
    root, expected = mixed
    out = tmp_path / "drafts"
    code, output = _extract(tmp_path, str(root), "-o", str(out), "--jobs", jobs)
    summary = output.splitlines()[0]
    assert summary.startswith("read 50 file(s): 21 drafted"), output
    for what, count in expected.items():
        assert f"{count} {what}" in summary, (what, output)
    assert code == 1  # three files could not be read
    drafts = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.trig"))
    assert len(drafts) == 21
    assert {"pages/fa/semantic.trig", "pages/fa/bare.trig", "pages/fa/saved.trig"} <= set(drafts)
    assert not any(d.endswith(("z-jsonld.trig", "divsoup.trig")) for d in drafts)
    assert not any(d.startswith(("bad/", "z-copies/")) for d in drafts)
    lines = output.splitlines()[1:]
    assert len(lines) == 50 - 21  # one line per file not drafted
    assert any("bad/german.html: in de" in line for line in lines)
    assert any(
        line.split()[0] == "duplicate" and "pages/ar/z-jsonld.html: same text as" in line
        for line in lines
    )
    assert any("bad/binary.html: binary file" in line for line in lines)
    assert any("bad/latin1.txt: " in line and "not UTF-8" in line for line in lines)


def test_parallel_drafts_are_the_same_as_one_by_one(
    mixed: tuple[Path, dict[str, int]], tmp_path: Path
) -> None:
    root, _ = mixed
    _extract(tmp_path, str(root / "pages"), "-o", str(tmp_path / "one"))
    _extract(tmp_path, str(root / "pages"), "-o", str(tmp_path / "two"), "-j", "2")
    one = {
        p.relative_to(tmp_path / "one"): p.read_bytes() for p in (tmp_path / "one").rglob("*.trig")
    }
    two = {
        p.relative_to(tmp_path / "two"): p.read_bytes() for p in (tmp_path / "two").rglob("*.trig")
    }
    assert one == two and len([p for p in one if p.suffix == ".trig"]) == 21


def test_articles_already_in_the_kb_are_skipped_unless_forced(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    for article in ARTICLES[:3]:
        (articles / f"{article.slug}.html").write_text(page(article, "semantic"), encoding="utf-8")
    store = str(tmp_path / "kb")
    runner = CliRunner()
    assert runner.invoke(main, ["--store", store, "init"]).exit_code == 0
    first = articles / f"{ARTICLES[0].slug}.html"
    assert (
        runner.invoke(main, ["extract", str(first), "-o", str(tmp_path / "a.trig")]).exit_code == 0
    )
    added = runner.invoke(main, ["--store", store, "add", str(tmp_path / "a.trig")])
    assert added.exit_code == 0, added.output
    result = runner.invoke(
        main, ["--store", store, "extract", str(articles), "-o", str(tmp_path / "d")]
    )
    assert result.exit_code == 0
    assert "read 3 file(s): 2 drafted, 1 already in the KB" in result.output
    assert "--force drafts it again" in result.output
    result = runner.invoke(
        main, ["--store", store, "extract", str(articles), "-o", str(tmp_path / "e"), "--force"]
    )
    assert "read 3 file(s): 3 drafted;" in result.output


def test_a_directory_needs_an_output_directory(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(clean_text(ARTICLES[0]), encoding="utf-8")
    code, output = _extract(tmp_path, str(tmp_path))
    assert code == 2 and "needs -o DRAFTS/" in output
