"""Saved web pages in: the article's main text, without the page's junk, and the page's metadata
with where each value came from (tests/html_pages.py: our own pages, in seven languages)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from kb.cli import main
from kb.extract.evaluate import claims_of
from kb.extract.pipeline import Options, extract
from kb.intake import looks_like_html, read_article
from kb.intake.page import read_page
from kb.kbase import model_registry
from tests.html_pages import ARTICLES, LAYOUTS, Article, clean_text, junk_lines, page

RTL_AND_OTHERS = [a for a in ARTICLES if a.lang in ("en", "ru", "fa", "ar", "uk", "az", "tr")]


def _claims(text: str, options: Options) -> tuple[object, ...]:
    """The claims of a draft, with each quote as text instead of offsets (texts differ)."""
    claims = claims_of(extract(text, options).compile(model_registry()).triples)
    positions = sorted((s, text[a:b], p, st) for s, a, b, p, st in claims.positions)
    return (sorted(claims.meetings, key=repr), positions)


@pytest.mark.parametrize("article", RTL_AND_OTHERS, ids=lambda a: a.lang)
@pytest.mark.parametrize("layout", LAYOUTS)
def test_the_source_text_is_the_article_without_the_junk(article: Article, layout: str) -> None:
    text = read_page(page(article, layout)).text
    assert text.startswith(article.title + "\n\n")
    for paragraph in article.paragraphs:
        assert paragraph in text
    lines = text.splitlines()
    for junk in junk_lines(article):
        assert junk not in lines, f"{junk!r} kept"


@pytest.mark.parametrize("article", RTL_AND_OTHERS, ids=lambda a: a.lang)
def test_a_page_gives_the_claims_of_the_same_article_saved_as_text(article: Article) -> None:
    expected = _claims(clean_text(article), Options())
    for layout in LAYOUTS:
        found = read_page(page(article, layout))
        assert _claims(found.text, Options(page=found.meta)) == expected, layout


def test_metadata_in_meta_tags_is_used_with_its_basis() -> None:
    article = ARTICLES[0]
    found = read_page(page(article, "divsoup"))
    source = extract(found.text, Options(page=found.meta)).form["source"]
    assert source["title"] == article.title
    assert source["published"]["date"] == article.published
    assert source["url"] == article.url
    assert source["basis"]["published"] == 'page: <meta property="article:published_time">'
    assert source["basis"]["url"] == 'page: <link rel="canonical">'
    assert source["basis"]["language"] == 'page: <meta http-equiv="content-language">'
    assert "not in the registry" in source["basis"]["publisher"]  # an invented outlet


def test_metadata_in_json_ld_news_article_is_used() -> None:
    article = next(a for a in ARTICLES if a.lang == "fa")
    found = read_page(page(article, "jsonld"))
    source = extract(found.text, Options(page=found.meta)).form["source"]
    assert (source["title"], source["published"]["date"], source["url"]) == (
        article.title,
        article.published,
        article.url,
    )
    assert source["basis"]["published"] == "page: JSON-LD NewsArticle datePublished"


def test_without_page_metadata_the_date_is_read_in_the_text() -> None:
    article = next(a for a in ARTICLES if a.lang == "ru")
    found = read_page(page(article, "bare"))
    source = extract(found.text, Options(page=found.meta)).form["source"]
    assert source["published"]["date"] == "2024-10-15T14:05:00"
    assert source["basis"]["published"].startswith("text: ")


def test_command_line_options_come_before_the_page() -> None:
    found = read_page(page(ARTICLES[0], "semantic"))
    options = Options(page=found.meta, published="2024-12-04", url="https://example.org/x")
    source = extract(found.text, options).form["source"]
    assert source["published"]["date"] == "2024-12-04"
    assert source["url"] == "https://example.org/x"
    assert source["basis"]["published"] == "command line (--published)"
    assert source["basis"]["url"] == "command line (--url)"


def test_a_registered_outlet_named_by_the_page_is_the_publisher() -> None:
    markup = page(ARTICLES[0], "semantic").replace("The Anatolian Ledger", "IRNA")
    found = read_page(markup)
    source = extract(found.text, Options(page=found.meta)).form["source"]
    assert source["publisher"] == "irna"
    assert source["basis"]["publisher"] == 'page: <meta property="og:site_name">: "IRNA"'


def test_persian_zero_width_non_joiners_survive_the_boilerplate_remover() -> None:
    article = next(a for a in ARTICLES if a.lang == "fa")
    assert "\u200c" in article.paragraphs[1]
    assert article.paragraphs[1] in read_page(page(article, "semantic")).text


def test_a_template_language_that_disagrees_with_the_script_is_not_believed() -> None:
    article = next(a for a in ARTICLES if a.lang == "ar")
    found = read_page(page(article, "semantic").replace('lang="ar"', 'lang="en"'))
    source = extract(found.text, Options(page=found.meta)).form["source"]
    assert source["language"] == "ar"
    assert source["basis"]["language"] == "text: detected"


def test_html_is_told_by_content_not_by_name(tmp_path: Path) -> None:
    saved = tmp_path / "article.txt"
    saved.write_text(page(ARTICLES[0], "semantic"), encoding="utf-8")
    article = read_article(saved)
    assert article.kind == "html" and article.text.startswith(ARTICLES[0].title)
    assert article.page_sha256 is not None and len(article.page_sha256) == 64
    assert not looks_like_html("Talks in Baku\n\nThe ministers said <nothing> new.")
    assert looks_like_html("\n<p>Fragment of a page</p><p>more</p>")


def test_a_page_in_another_encoding_is_decoded_as_it_declares(tmp_path: Path) -> None:
    article = next(a for a in ARTICLES if a.lang == "ru")
    markup = page(article, "divsoup").replace("charset=utf-8", "charset=windows-1251")
    saved = tmp_path / "page.htm"
    saved.write_bytes(markup.encode("cp1251"))
    assert article.paragraphs[0] in read_article(saved).text


def test_kb_extract_on_a_page_drafts_a_form_that_validates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = next(a for a in ARTICLES if a.lang == "en")
    monkeypatch.chdir(tmp_path)
    Path("page.html").write_text(page(article, "semantic"), encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(
        main, ["extract", "page.html", "--format", "yaml", "-o", "d.claims.yaml"]
    )
    assert result.exit_code == 0, result.output
    form = Path("d.claims.yaml").read_text(encoding="utf-8")
    assert "page_sha256:" in form and "article:published_time" in form
    assert runner.invoke(main, ["validate", "d.claims.yaml"]).exit_code == 0
    result = runner.invoke(main, ["extract", "page.html", "-o", "d.trig"])
    trig = Path("d.trig").read_text(encoding="utf-8")
    assert "kb:pageSha256" in trig and "kb:publishedBasis" in trig
    assert "cookies" not in trig
    assert runner.invoke(main, ["validate", "d.trig"]).exit_code == 0


def test_a_form_whose_page_changed_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("page.html").write_text(page(ARTICLES[0], "semantic"), encoding="utf-8")
    runner = CliRunner()
    runner.invoke(main, ["extract", "page.html", "--format", "yaml", "-o", "d.claims.yaml"])
    Path("page.html").write_text(page(ARTICLES[0], "divsoup"), encoding="utf-8")
    result = runner.invoke(main, ["validate", "d.claims.yaml"])
    assert result.exit_code == 2
    assert "page_sha256 does not match the page" in result.output


def test_a_bad_page_named_alone_is_refused_with_the_reason(tmp_path: Path) -> None:
    (tmp_path / "empty.html").write_text("<html><head></head><body></body></html>")
    (tmp_path / "menu.html").write_text("<html><body><nav>Home</nav></body></html>")
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "empty.html")])
    assert result.exit_code == 2
    assert "empty: no main text on the page" in result.output
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "menu.html")])
    assert result.exit_code == 2
    assert "not news: 1 words: too short to be an article" in result.output


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("<>/=\"' pa-zhtmlbody\u200cبر!-")), max_size=200))
def test_any_markup_in_no_crash_out(markup: str) -> None:
    found = read_page(markup)
    assert isinstance(found.text, str)
