"""`kb report`: one self-contained page that answers, draws, quotes, links and flags disagreements.

The browser test opens the page in headless Chromium (Debian's chromium and chromium-driver,
installed by `make system-packages`), checks it renders without script errors and saves a
screenshot. `KB_UPDATE_SCREENSHOT=1 pytest tests/test_report.py` also refreshes the picture
committed at docs/report-screenshot.png.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest

from kb import view
from kb.namespaces import GRAPH, sparql_prologue
from kb.queries import saved_queries
from kb.report import build_report
from kb.report.data import SECTION_QUERIES, Dated, gather, run_saved
from kb.report.html import marked_text, when
from kb.resources import HOME
from kb.store import Store
from kb.store.embedded import EmbeddedStore

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
SCREENSHOT = HOME / "docs" / "report-screenshot.png"
CHROME_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
]


@pytest.fixture(scope="module")
def page(seed_store: Store) -> str:
    return build_report(seed_store)


@pytest.fixture(scope="module")
def report_file(page: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("report") / "report.html"
    path.write_text(page, encoding="utf-8")
    return path


# ---- the page as text ---------------------------------------------------------


@pytest.mark.parametrize("name", sorted(set(SECTION_QUERIES.values())))
def test_every_section_is_a_saved_query_with_a_header(name: str) -> None:
    saved = saved_queries()[name]
    assert saved.title and saved.description, f"queries/{name}.rq needs # title: and # description:"


def test_the_page_needs_no_network(page: str) -> None:
    assert not re.search(r"<(script|img|iframe|link)\b[^>]*\b(src|href)=\"(?!data:|#)", page), (
        "an external resource"
    )
    assert not re.search(r"@import|url\((?!#)", page), "CSS that loads something"
    assert "Content-Security-Policy" in page and "default-src 'none'" in page


def test_the_headline_question_is_answered_at_the_top_with_quotes_and_sources(
    seed_store: Store, page: str
) -> None:
    rows = run_saved(
        seed_store, "who-affirmed-territorial-integrity", {"country": "ent:azerbaijan"}
    )
    assert rows, "the seed KB answers the headline question"
    answer = page[page.index('<section id="answer">') : page.index('<section id="timeline">')]
    assert page.index('<section id="answer">') < page.index('<section id="timeline">')
    for row in rows:
        assert html.escape(row["quote"]) in answer, (
            f"the answer lacks the quote of {row['statement']}"
        )
    assert answer.count('class="source-link"') == len(rows)


def test_rtl_quotes_carry_their_language_and_direction(page: str) -> None:
    quotes = re.findall(r'<blockquote lang="([a-z-]+)" dir="(rtl|ltr)">', page)
    assert {("fa", "rtl"), ("ar", "rtl"), ("uk", "ltr"), ("en", "ltr")} <= set(quotes)
    assert all(d == "rtl" for lang, d in quotes if lang in ("fa", "ar"))


def test_every_link_in_the_page_reaches_an_anchor(page: str) -> None:
    ids = set(re.findall(r'\bid="([^"]+)"', page))
    targets = set(re.findall(r'href="#([^"]+)"', page))
    assert targets - ids == set()
    assert any(t.startswith("s-") for t in targets), "quotes link to their spans"


def test_each_quote_links_to_its_characters_in_the_source(seed_store: Store) -> None:
    data = gather(seed_store)
    for statement in data.statements:
        source = data.sources[statement.source]
        assert source.text[statement.start : statement.end] == statement.quote, statement.iri


def test_marked_source_text_is_the_source_text(seed_store: Store) -> None:
    """Overlapping spans are cut into pieces, never reordered or dropped."""
    for source in gather(seed_store).sources.values():
        marked = marked_text(source)
        assert html.unescape(re.sub(r"<[^>]+>", "", marked)) == source.text, source.iri
        assert source.spans
        for span in source.spans:
            anchor = f"s-{source.id}-{span.start}-{span.end}"
            assert f'id="{anchor}"' in marked, f"no anchor where {span.claim} starts"
            pieces = re.findall(
                rf'<mark[^>]*data-spans="[^"]*\b{anchor}\b[^"]*"[^>]*>([^<]*)</mark>', marked
            )
            assert html.unescape("".join(pieces)) == span.exact, f"{span.claim} is not marked whole"


@pytest.mark.parametrize(
    ("earliest", "latest", "expected"),
    [
        ("2023-10-04", "2023-10-04", "4 Oct 2023"),
        ("2023-10-04", "2023-10-05", "4–5 Oct 2023"),
        ("2004-12-21", "2004-12-28", "21–28 Dec 2004"),
        ("2004-01-01", "2004-12-31", "2004"),
        ("2017-08-20", "2021-08-25", "20 Aug 2017 – 25 Aug 2021"),
        ("", "2023-10-04", "by 4 Oct 2023"),
        ("", "", "undated"),
    ],
)
def test_dates_read_as_people_say_them(earliest: str, latest: str, expected: str) -> None:
    assert when(Dated(earliest=earliest, latest=latest)) == expected


def test_the_seed_disagreement_is_called_out(page: str) -> None:
    section = page[page.index('<section id="disagreements">') : page.index('<section id="quotes">')]
    assert "2023-10-04-hossein-amir-abdollahian-khalaf-khalafov" in section
    assert "differ on: dates" in section and "compatible" in section
    assert section.count('class="differs"') == 2  # the two accounts' date cells


# ---- disagreements, one regression case per kind, with the Turtle inline ------------

ACCOUNTS = (
    sparql_prologue()
    + """
src:a a kb:Source ; dcterms:language "en" . src:b a kb:Source ; dcterms:language "fa" .
ent:x rdfs:label "X"@en . ent:y rdfs:label "Y"@en . ent:z rdfs:label "Z"@en .
ent:baku rdfs:label "Baku"@en . ent:tehran rdfs:label "Tehran"@en .
mtg:m a kb:Meeting .
<urn:a> a kb:MeetingAccount ; kb:meeting mtg:m ; kb:source src:a ;
    kb:earliest "2023-10-01"^^xsd:date ; kb:latest "2023-10-02"^^xsd:date ;
    kb:participation [ kb:participant ent:x ] , [ kb:participant ent:y ] %(a)s .
<urn:b> a kb:MeetingAccount ; kb:meeting mtg:m ; kb:source src:b ;
    kb:earliest "%(earliest)s"^^xsd:date ; kb:latest "%(latest)s"^^xsd:date ;
    kb:participation [ kb:participant ent:x ] , [ kb:participant %(other)s ] %(b)s .
"""
)


def disagreements(**case: str) -> list[dict[str, str]]:
    values = {
        "a": "",
        "b": "",
        "earliest": "2023-10-01",
        "latest": "2023-10-02",
        "other": "ent:y",
        **case,
    }
    store = EmbeddedStore.in_memory()
    view.rebuild(store)  # the stamp of a current view, as a new KB has it
    triples = list(ox.parse(ACCOUNTS % values, format=ox.RdfFormat.TURTLE))
    # written as kb writes a source graph: with its derived view, which the listing reads
    view.write(store, replace={GRAPH["source/test"]: triples})
    return run_saved(store, "disagreements")


def test_accounts_that_agree_are_no_disagreement() -> None:
    assert disagreements() == []


def test_a_different_place_is_a_disagreement() -> None:
    rows = disagreements(a="; schema:location ent:baku", b="; schema:location ent:tehran")
    assert {r["differs"] for r in rows} == {"place"}
    assert {r["placeLabel"] for r in rows} == {"Baku", "Tehran"}


def test_different_participants_are_a_disagreement() -> None:
    rows = disagreements(other="ent:z")
    assert {r["differs"] for r in rows} == {"participants"}
    assert {frozenset(r["participants"].split(", ")) for r in rows} == {
        frozenset("XY"),
        frozenset("XZ"),
    }


def test_dates_that_leave_no_common_day_contradict() -> None:
    rows = disagreements(earliest="2023-10-05", latest="2023-10-06")
    assert {(r["differs"], r["datesContradict"]) for r in rows} == {("dates", "true")}


def test_overlapping_dates_differ_without_contradiction() -> None:
    rows = disagreements(earliest="2023-10-02", latest="2023-10-02")
    assert {(r["differs"], r["datesContradict"]) for r in rows} == {("dates", "false")}


# ---- in a real browser ---------------------------------------------------------------


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        pytest.skip(
            "Debian chromium and chromium-driver are not installed: run `make system-packages`"
        )
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="kb-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in [*CHROME_FLAGS, f"--user-data-dir={profile}", "--window-size=1280,3000"]:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def severe(driver: object) -> list[dict[str, object]]:
    return [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]  # type: ignore[attr-defined]


def test_the_report_renders_in_chromium_without_script_errors(
    browser: object, report_file: Path, tmp_path: Path, seed_store: Store
) -> None:
    data = gather(seed_store)
    driver = browser
    driver.get(report_file.as_uri())  # type: ignore[attr-defined]
    assert driver.execute_script("return document.body.dataset.ready") == "true"  # type: ignore[attr-defined]
    assert severe(driver) == []
    counts = driver.execute_script(  # type: ignore[attr-defined]
        """return {
          dots: document.querySelectorAll('#timeline-chart .item[data-kind=statement]').length,
          meetings: document.querySelectorAll('#timeline-chart .item[data-kind=meeting]').length,
          nodes: document.querySelectorAll('#network-chart .node').length,
          edges: document.querySelectorAll('#network-chart .edge').length,
          rtl: [...document.querySelectorAll('#answer blockquote[dir=rtl]')]
            .map(q => getComputedStyle(q).direction),
        }"""
    )
    assert counts["dots"] == len(data.statements)
    assert counts["meetings"] == sum(len(m.participants) for m in data.meetings)
    assert counts["nodes"] == len({p.id for m in data.meetings for p in m.participants})
    assert counts["edges"] == len(data.pairs)
    assert counts["rtl"] and set(counts["rtl"]) == {"rtl"}

    screenshot = tmp_path / "report.png"
    assert driver.save_screenshot(str(screenshot))  # type: ignore[attr-defined]
    assert (
        screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and screenshot.stat().st_size > 50_000
    )
    if os.environ.get("KB_UPDATE_SCREENSHOT"):
        shutil.copyfile(screenshot, SCREENSHOT)

    # the check above is not vacuous: an error in the page would have been seen
    driver.execute_script("console.error('kb report test: a deliberate error')")  # type: ignore
    assert any("deliberate error" in str(entry["message"]) for entry in severe(driver))


def test_filters_hide_statements_in_the_timeline_and_the_quote_list(
    browser: object, report_file: Path
) -> None:
    driver = browser
    driver.get(report_file.as_uri())  # type: ignore[attr-defined]
    shown = driver.execute_script(  # type: ignore[attr-defined]
        """const marks = '#timeline-chart .item[data-kind=statement]';
        const before = document.querySelectorAll(marks).length;
        const chip = document.querySelector('#filters input[name=stances][value=affirms]');
        chip.click();
        const after = document.querySelectorAll(marks).length;
        const cards = [...document.querySelectorAll('#quote-list .statement')];
        const hidden = cards.filter(c => c.hidden);
        const language = document.querySelector('#filters input[name=languages][value=fa]');
        language.click();
        const noPersian = [...document.querySelectorAll('#quote-list .statement:not([hidden])')]
          .every(c => c.dataset.language !== 'fa');
        return {before, after, hidden: hidden.length,
                affirmsHidden: hidden.every(c => c.dataset.stance === 'affirms'),
                noPersian, text: document.getElementById('shown').textContent};"""
    )
    assert 0 < shown["after"] < shown["before"]
    assert shown["hidden"] == shown["before"] - shown["after"] and shown["affirmsHidden"]
    assert shown["noPersian"]
    assert re.match(rf"\d+ of {shown['before']} stated positions", shown["text"])
    assert severe(driver) == []


def test_a_source_link_opens_the_article_at_the_quoted_characters(
    browser: object, report_file: Path
) -> None:
    driver = browser
    driver.get(report_file.as_uri())  # type: ignore[attr-defined]
    result = driver.execute_script(  # type: ignore[attr-defined]
        """const link = document.querySelector('#answer .source-link');
        link.click();
        const anchor = document.getElementById(location.hash.slice(1));
        const marks = [...document.querySelectorAll('mark.target')];
        const quote = link.closest('article').querySelector('.original blockquote');
        return {open: anchor.closest('details').open, text: marks.map(m => m.textContent).join(''),
                quote: quote.textContent};"""
    )
    assert result["open"], "the source's <details> opened"
    assert result["text"] == result["quote"], "the highlighted characters are the quote"
    assert severe(driver) == []


def test_the_screenshot_for_people_is_committed() -> None:
    assert SCREENSHOT.exists(), (
        "run KB_UPDATE_SCREENSHOT=1 pytest tests/test_report.py and commit the picture"
    )
    assert SCREENSHOT.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
