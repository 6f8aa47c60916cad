"""One person, one agent IRI, whichever command they ran; one article, one source, with or
without a byte-order mark."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kb import curation, identity, kbase
from kb.claimform import compile_form_file
from kb.cli import main
from kb.namespaces import ENT, sparql_prologue
from kb.provenance import agent_iri
from kb.retract import retract
from kb.store.embedded import EmbeddedStore
from kb.submission import read_submission

from .identity_helpers import AL_ALAM, compile_variant
from .test_curation import as_new_person

ROOT = Path(__file__).parent.parent
ARTICLE = ROOT / "tests" / "articles" / "en" / "wire-3plus3-tehran.claims.yaml"
EXAMPLE = ROOT / "docs" / "examples" / "araghchi-bayramov-baku.txt"


def agents_of_activities(store: EmbeddedStore) -> dict[str, set[str]]:
    rows = store.select(
        sparql_prologue()
        + """SELECT ?activity ?agent WHERE { GRAPH ?g {
            ?activity prov:wasAssociatedWith ?agent . ?agent a prov:Agent } }"""
    ).rows
    out: dict[str, set[str]] = {}
    for row in rows:
        out.setdefault(row["agent"].value, set()).add(row["activity"].value)  # type: ignore[union-attr]
    return out


def test_add_retract_and_curation_record_one_agent_for_one_name() -> None:
    store = EmbeddedStore.in_memory()
    kbase.init(store)
    variant = compile_variant(AL_ALAM, as_new_person)
    store.write(replace=identity.assign_meetings(store, {variant.graph: variant.triples}))
    kbase.add(store, [ARTICLE], agent="Jane Doe")
    retract(store, [f"src:{_source_of(ARTICLE)}"], "a test", agent="Jane Doe")
    curation.accept(store, ENT["hosein-amirabdollahian"], agent="Jane Doe")
    agents = agents_of_activities(store)
    assert list(agents) == [agent_iri("Jane Doe").value]
    assert agent_iri("Jane Doe").value.endswith("/agent/Jane%20Doe")
    assert len(agents[agent_iri("Jane Doe").value]) == 3  # add, retract, accept


def test_curation_records_honour_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    _, triples = curation.activity(curation.KB.EntityAcceptance, "accept", "Jane Doe")
    assert any(t.object.value == "2023-11-14T22:13:20Z" for t in triples)  # type: ignore[union-attr]


def _source_of(form: Path) -> str:
    return compile_form_file(form, kbase.model_registry()).graph.value.rsplit("/", 1)[-1]


def test_an_article_with_a_byte_order_mark_is_one_source_raw_and_reviewed(tmp_path: Path) -> None:
    article = tmp_path / "bom.txt"
    article.write_bytes(b"\xef\xbb\xbf" + EXAMPLE.read_bytes())
    runner = CliRunner()
    drafted = runner.invoke(main, ["extract", str(article), "-o", str(tmp_path / "d.trig")])
    assert drafted.exit_code == 0, drafted.output
    reviewed = runner.invoke(
        main, ["extract", str(article), "--format", "yaml", "-o", str(tmp_path / "d.claims.yaml")]
    )
    assert reviewed.exit_code == 0, reviewed.output
    raw = read_submission([tmp_path / "d.trig"], kbase.model_registry())
    form = read_submission([tmp_path / "d.claims.yaml"], kbase.model_registry())
    assert list(raw.replace) == list(form.replace)
    titles = [
        t.object.value  # type: ignore[union-attr]
        for t in raw.triples() + form.triples()
        if t.predicate.value.endswith(("/name", "/title", "#title", "headline"))
    ]
    assert titles and not any("\ufeff" in title for title in titles)
