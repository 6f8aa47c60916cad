"""End to end on the five seeds, from the raw files with no options: the drafts validate, add
to a fresh store, never come from boilerplate, and match the curated claims."""

from __future__ import annotations

from pathlib import Path

import pytest

from kb import kbase
from kb.extract.evaluate import Tally, claims_of, compare, discover, evaluate
from kb.extract.pipeline import Options, extract
from kb.extract.segment import Doc, classify, lines_of
from kb.kbase import model_registry
from kb.namespaces import KB
from kb.resources import SEEDS_DIR
from kb.store.embedded import EmbeddedStore
from kb.textio import read_utf8 as read_text

SEEDS = sorted(SEEDS_DIR.glob("*.txt"))


def trig_of(article: Path, tmp_path: Path) -> Path:
    from kb.extract.batch import trig as _trig

    draft = extract(read_text(article), Options(file=article.name))
    out = tmp_path / (article.stem + ".trig")
    out.write_bytes(_trig(draft.compile(model_registry())))
    return out


@pytest.mark.parametrize("article", SEEDS, ids=lambda p: p.name)
def test_each_seed_draft_validates_and_adds_to_a_fresh_store(article: Path, tmp_path: Path) -> None:
    trig = trig_of(article, tmp_path)
    store = EmbeddedStore(tmp_path / "store")
    kbase.init(store)
    _, report = kbase.check(store, [trig])
    assert report.conforms, report.render("text")
    kbase.add(store, [trig])
    rows = store.select(
        "PREFIX kb: <https://w3id.org/kb/ontology#> "
        "SELECT ?claim WHERE { ?claim kb:origin kb:Extracted }"
    ).rows
    assert rows, "the draft added no extracted claims"


@pytest.mark.parametrize("article", SEEDS, ids=lambda p: p.name)
def test_every_extracted_claim_records_version_rules_and_confidence(article: Path) -> None:
    compiled = extract(read_text(article), Options()).compile(model_registry())
    claims = {t.subject for t in compiled.triples if t.predicate == KB.origin}
    for claim in claims:
        props = {t.predicate for t in compiled.triples if t.subject == claim}
        assert {KB.extractorVersion, KB.rule, KB.confidence} <= props, claim
        assert all(
            t.object == KB.Extracted
            for t in compiled.triples
            if t.subject == claim and t.predicate == KB.origin
        )


@pytest.mark.parametrize("article", SEEDS, ids=lambda p: p.name)
def test_no_claim_comes_from_boilerplate(article: Path) -> None:
    text = read_text(article)
    draft = extract(text, Options())
    doc = Doc.of(text)
    lines = lines_of(doc)
    from kb.extract.lexicon import language_lexicon, script_of_language

    classify(
        doc,
        lines,
        language_lexicon(draft.language)["boilerplate"],
        script_of_language(draft.language),
    )
    compiled = draft.compile(model_registry())
    starts = [int(t.object.value) for t in compiled.triples if t.predicate.value.endswith("#start")]  # type: ignore[union-attr]
    assert starts
    for start in starts:
        (line,) = [line for line in lines if line.start <= start < line.end]
        assert line.role == "body", (
            f"a claim at {start} comes from a {line.role} line: {text[line.start : line.end]!r}"
        )


def test_boilerplate_lines_are_recognised() -> None:
    text = read_text(SEEDS_DIR / "000_6127c40611fea0bb.txt")
    doc = Doc.of(text)
    lines = lines_of(doc)
    classify(doc, lines, {"cut": ["читайте також"], "drop": ["created with sketch"]}, "cyrillic")
    roles = {text[line.start : line.end]: line.role for line in lines}
    assert roles["Created with Sketch."] == "boilerplate"
    assert roles["Читайте також"] == "boilerplate"
    assert roles["Політика"] == "boilerplate"
    assert roles["Іран вирішив замиритися з Азербайджаном"] == "title"


@pytest.mark.parametrize(
    ("article", "language", "published", "publisher"),
    [
        ("000_6127c40611fea0bb.txt", "uk", "2022-01-26T13:25:00", "ostanniy-bastion"),
        ("001_35c6b722bd335644.txt", "en", "2023-10-05", "turan-information-agency"),
        ("002_fca3cd6499d7d6ee.txt", "fa", None, "ana-news-agency"),
        ("003_0d083f3321f654a4.txt", "ar", "2023-10-05T03:55:00Z", "al-alam-news-network"),
        ("004_23d3bdeec56e4b96.txt", "en", "2004-12-28", "news-lt"),
    ],
)
def test_source_metadata_is_read_from_the_page(
    article: str, language: str, published: str | None, publisher: str
) -> None:
    source = extract(read_text(SEEDS_DIR / article), Options()).form["source"]
    assert source["language"] == language
    assert (source.get("published") or {}).get("date") == published
    assert source.get("publisher") == publisher


def test_options_override_what_the_page_prints() -> None:
    text = read_text(SEEDS_DIR / "002_fca3cd6499d7d6ee.txt")
    source = extract(
        text,
        Options(published="2019-03-12", publisher="irna", url="https://example.org/a", lang="fa"),
    ).form["source"]
    assert source["published"]["date"] == "2019-03-12"
    assert (source["publisher"], source["url"], source["language"]) == (
        "irna",
        "https://example.org/a",
        "fa",
    )


@pytest.fixture(scope="module")
def seed_scores() -> dict[str, Tally]:
    totals = {kind: Tally() for kind in ("meetings", "positions")}
    for result in evaluate(discover([SEEDS_DIR]), model_registry()):
        for kind in totals:
            totals[kind].add(result.tallies[kind])
    return totals


def test_meetings_on_the_seeds_reach_f1_0_9(seed_scores: dict[str, Tally]) -> None:
    assert seed_scores["meetings"].scores()[2] >= 0.9


def test_positions_on_the_seeds_stay_above_their_measured_floor(
    seed_scores: dict[str, Tally],
) -> None:
    assert seed_scores["positions"].scores()[2] >= 0.88


def test_positions_on_the_seeds_reach_f1_0_9(seed_scores: dict[str, Tally]) -> None:
    assert seed_scores["positions"].scores()[2] >= 0.9


def test_a_draft_compared_with_itself_scores_perfectly() -> None:
    text = read_text(SEEDS_DIR / "001_35c6b722bd335644.txt")
    claims = claims_of(extract(text, Options()).compile(model_registry()).triples)
    tallies = compare(claims, claims)
    assert all(t.scores() == (1.0, 1.0, 1.0) for t in tallies.values())
