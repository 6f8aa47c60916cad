"""The benchmarks' generator and record format, at a tiny size. Nothing here is timed."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest

from benchmarks import tasks
from benchmarks.generate import Generator, Stats, articles, generate, one_claim, write_dataset
from kb.namespaces import ENT, KB, OA, POS, RDF_TYPE, STANCE
from kb.store import bulk
from kb.store.bulk import build_new
from kb.store.embedded import EmbeddedStore
from kb.validation import context_for, validate_submission, validate_triples
from kb.view import is_view_graph

SIZE = 60


@pytest.fixture(scope="module")
def quads() -> list[ox.Quad]:
    return list(generate(SIZE, seed=3))


def test_generated_kb_conforms_to_the_shapes(quads: list[ox.Quad]) -> None:
    # as kb validate --all: the derived view is kb's own writing, which the shapes refuse
    report = validate_triples(q.triple for q in quads if not is_view_graph(q.graph_name))
    assert report.conforms, report.render()


def test_size_counts_statements_each_source_has_its_graph(quads: list[ox.Quad]) -> None:
    typed = [q for q in quads if q.predicate == RDF_TYPE and q.object == KB.Statement]
    assert len({q.subject for q in typed}) == SIZE
    for quad in typed:
        assert quad.graph_name.value.endswith("/" + quad.subject.value.split("/")[-2])
    # every quote is at its offsets in its source's text
    texts = {
        q.subject: q.object.value for q in quads if q.predicate.value == "https://schema.org/text"
    }
    exact = {q.subject.value: q.object.value for q in quads if q.predicate == OA.exact}
    starts = {q.subject.value: int(q.object.value) for q in quads if q.predicate == OA.start}
    sources = {q.subject.value: q.object for q in quads if q.predicate == OA.hasSource}
    for selector, start in starts.items():
        evidence = selector.rsplit("/", 1)[0]
        quote = exact[evidence + "/quote"]
        assert texts[sources[evidence]][start : start + len(quote)] == quote


def test_generation_is_deterministic() -> None:
    first = [str(q) for q in generate(20, seed=5)]
    assert first == [str(q) for q in generate(20, seed=5)]
    assert first != [str(q) for q in generate(20, seed=6)]


def test_articles_span_the_languages() -> None:
    texts = articles(40)
    assert len(texts) == 40 and all(len(t) > 200 for t in texts)
    languages = {s.language for s in Generator(1000, 11).sources()}  # ~120 sources
    assert languages == {"en", "uk", "ru", "fa", "ar", "az", "tr"}


def test_one_new_claim_checks_against_a_generated_kb(tmp_path: Path) -> None:
    path = tmp_path / "kb.nq"
    stats = write_dataset(path, SIZE, seed=3)
    assert json.loads(path.with_suffix(".nq.json").read_text())["statements"] == SIZE
    assert isinstance(stats, Stats) and stats.sources > 0
    store = build_new(tmp_path / "store", ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS))
    triples = tasks._claim_for(store)
    report = validate_submission(triples, context_for(store, triples))
    assert report.conforms, report.render()
    # and a claim quoting the wrong text is refused
    row = store.select(
        "SELECT ?s ?p WHERE { ?s a <https://w3id.org/kb/ontology#Source> ; "
        "<https://schema.org/datePublished> ?p } LIMIT 1"
    ).rows[0]
    wrong = one_claim(
        row["s"],
        "not the article's text at all. " * 3,
        ENT["ilham-aliyev"],
        POS["territorial-integrity-of-azerbaijan"],
        STANCE.affirms,
        row["p"].value,
    )
    assert not validate_submission(wrong, context_for(store, wrong)).conforms


def test_bulk_build_refuses_an_existing_store(tmp_path: Path) -> None:
    EmbeddedStore(tmp_path / "exists").close()
    with pytest.raises(Exception, match="exists"):
        build_new(tmp_path / "exists", [])


def test_bulk_build_in_chunks_keeps_every_quad(
    tmp_path: Path, quads: list[ox.Quad], monkeypatch: pytest.MonkeyPatch
) -> None:
    whole = build_new(tmp_path / "whole", iter(quads))  # in one call of the loader
    monkeypatch.setattr(bulk, "BULK_CHUNK", 7)  # and seven quads at a time
    chunked = build_new(tmp_path / "chunked", iter(quads))
    assert len(quads) > 7_000
    assert set(chunked.quads()) == set(whole.quads())


def test_records_have_the_schema() -> None:
    timing = tasks.measure(lambda: 42, runs=3, budget=1.0)
    record = tasks.record("query:meetings", "embedded", 1000, timing, rows=42)
    assert {"task", "backend", "statements", "seconds", "peak_rss_mb"} <= set(record)
    assert isinstance(record["seconds"], float) and record["seconds"] >= 0
    assert isinstance(record["peak_rss_mb"], float) and record["peak_rss_mb"] > 0
    assert record["runs"] == 3 and timing.result == 42
    json.dumps(record)
    committed = Path(__file__).resolve().parent.parent / "benchmarks" / "results.json"
    if committed.exists():
        for item in json.loads(committed.read_text()):
            assert {"task", "backend", "statements", "seconds", "peak_rss_mb"} <= set(item)
            kinds = {
                "ingest",
                "validate-one",
                "validate-all",
                "export",
                "extract",
                "add-one",
                "add-batch",
            }
            assert item["task"] in kinds or item["task"].startswith(("query:", "first-row:"))
            assert (item["statements"] is None) == (item["task"] == "extract")


def test_a_page_variant_rewrites_every_text_and_the_gold_quotes(tmp_path: Path) -> None:
    from benchmarks.page_variants import VARIANTS, printed

    devset = tmp_path / "devset"
    for folder in ("gold", "articles", "negatives"):
        (devset / folder).mkdir(parents=True)
    gold = {"id": "d-az-01", "source": {"language": "az"}, "positions": [{"quote": "əlaqələr"}]}
    (devset / "gold" / "d-az-01.yaml").write_text(json.dumps(gold), encoding="utf-8")
    (devset / "articles" / "d-az-01.txt").write_text("Yeni əlaqələr\n", encoding="utf-8")
    (devset / "negatives" / "dn-az-01.txt").write_text("Zəlzələ\n", encoding="utf-8")
    variant, gold_too = VARIANTS["Cyrillic schwa in Azerbaijani"]
    copy = printed(devset, tmp_path / "out", variant, gold_too)
    assert (copy / "articles" / "d-az-01.txt").read_text(encoding="utf-8") == "Yeni әlaqәlәr\n"
    assert (copy / "negatives" / "dn-az-01.txt").read_text(encoding="utf-8") == "Zәlzәlә\n"
    assert "әlaqәlәr" in (copy / "gold" / "d-az-01.yaml").read_text(encoding="utf-8")
