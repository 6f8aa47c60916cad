"""Unreviewed entities: listed with where they were seen, merged into existing entities, accepted."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pyoxigraph import NamedNode

from kb import curation, identity, kbase, view
from kb.curation import CURATION_GRAPH
from kb.errors import InputError
from kb.namespaces import CLAIM, ENT, SRC, sparql_prologue
from kb.store import Store
from kb.store.embedded import EmbeddedStore

from .conftest import KbRunner
from .identity_helpers import AL_ALAM, TURAN, accounts_by_meeting, compile_variant, meeting_of

ARTICLES = Path(__file__).parent / "articles"
NEW = ENT["hosein-amirabdollahian"]
EXISTING = ENT["hossein-amir-abdollahian"]
AL_ALAM_SOURCE = SRC["f36ad5bd6216021b"]


def as_new_person(form: dict[str, Any]) -> None:
    """An extractor that did not recognise Amir-Abdollahian in the Arabic article."""
    mention = "حسين أميرعبد اللهيان"
    form["entities"] = [
        {
            "id": "hosein-amirabdollahian",
            "type": "person",
            "label": "Hosein Amirabdollahian",
            "country": "iran",
            "mention": mention,
        }
    ]
    for meeting in form["meetings"]:
        for participant in meeting["participants"]:
            if participant["person"] == "hossein-amir-abdollahian":
                participant["person"] = "hosein-amirabdollahian"
                participant.pop("office", None)  # the registry knows no term of a new person
    for statement in form["statements"]:
        if statement["speaker"] == "hossein-amir-abdollahian":
            statement["speaker"] = "hosein-amirabdollahian"


@pytest.fixture
def store() -> EmbeddedStore:
    """The Turan article and the Arabic one, extracted, the Arabic one naming a new person."""
    store = EmbeddedStore.in_memory()
    kbase.init(store)
    for compiled in (compile_variant(TURAN), compile_variant(AL_ALAM, as_new_person)):
        store.write(replace=identity.assign_meetings(store, {compiled.graph: compiled.triples}))
    return store


def mentions_of(store: Store, iri: NamedNode) -> int:
    rows = store.select(
        f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ {{ {iri} ?p ?o }} UNION {{ ?s ?p {iri} }} }} "
        f"FILTER (?g != {CURATION_GRAPH}) }}"
    ).rows
    return int(rows[0]["n"].value)  # type: ignore[attr-defined]


def test_unreviewed_entities_are_listed_with_where_they_were_seen(store: Store) -> None:
    (entity,) = curation.list_unreviewed(store)
    assert entity.iri == NEW and entity.label == "Hosein Amirabdollahian"
    assert entity.kinds == ["Person"] and entity.country == ENT["iran"]
    assert entity.sources == [AL_ALAM_SOURCE]
    assert "حسين أميرعبد اللهيان" in entity.mentions and "امير عبداللهيان" in entity.mentions
    assert (
        CLAIM["f36ad5bd6216021b/m1"] in entity.claims
        and CLAIM["f36ad5bd6216021b/s1"] in entity.claims
    )


def test_before_the_merge_the_reports_are_two_meetings(store: Store) -> None:
    assert meeting_of(store, CLAIM["f36ad5bd6216021b/m1"].value) != meeting_of(
        store, CLAIM["f0dfe1a430830148/m2"].value
    )


def test_merge_points_every_claim_to_the_existing_entity_and_records_it(store: Store) -> None:
    graphs = curation.merge(store, NEW, EXISTING, agent="curator")
    assert graphs == [NamedNode("https://w3id.org/kb/graph/source/f36ad5bd6216021b")]
    assert mentions_of(store, NEW) == 0
    speakers = store.select(
        sparql_prologue()
        + f"SELECT DISTINCT ?who WHERE {{ <{CLAIM['f36ad5bd6216021b/s1'].value}> kb:speaker ?who }}"
    ).rows
    assert [r["who"] for r in speakers] == [EXISTING]
    # recorded with PROV-O: who and when, and the new name resolves to the existing entity
    rows = store.select(
        sparql_prologue()
        + f"""SELECT ?who ?when WHERE {{ GRAPH {CURATION_GRAPH} {{
            ?a a kb:EntityMerge ; kb:mergedEntity {NEW} ; kb:mergedInto {EXISTING} ;
               prov:wasAssociatedWith ?who ; prov:endedAtTime ?when .
            {NEW} owl:sameAs {EXISTING} .
            {EXISTING} skos:altLabel "Hosein Amirabdollahian"@en , "حسين أميرعبد اللهيان"@ar }} }}"""
    ).rows
    assert len(rows) == 1 and rows[0]["who"].value.endswith("/curator")  # type: ignore[attr-defined]
    assert curation.list_unreviewed(store) == []
    assert [h["label"].value for h in curation.history(store, NEW)] == [  # type: ignore[attr-defined]
        f"kb entities merge {NEW.value} --into {EXISTING.value}"
    ]
    # the merged identity: now the two reports match, and reconcile makes them one meeting
    identity.reconcile(store)
    meeting = meeting_of(store, CLAIM["f36ad5bd6216021b/m1"].value)
    assert meeting == meeting_of(store, CLAIM["f0dfe1a430830148/m2"].value)
    assert len(accounts_by_meeting(store)[meeting]) == 2
    assert kbase.validate_all(store).conforms


def test_a_source_arriving_after_the_merge_is_rewritten_on_arrival(store: Store) -> None:
    curation.merge(store, NEW, EXISTING)
    again = compile_variant(AL_ALAM, as_new_person)
    graphs = identity.assign_meetings(store, {again.graph: again.triples})
    store.write(replace=graphs)
    assert mentions_of(store, NEW) == 0
    assert meeting_of(store, CLAIM["f36ad5bd6216021b/m1"].value) == meeting_of(
        store, CLAIM["f0dfe1a430830148/m2"].value
    )


def test_merge_refuses_what_is_not_unreviewed_or_unknown(store: Store) -> None:
    with pytest.raises(InputError, match="not an unreviewed entity"):
        curation.merge(store, EXISTING, ENT["ilham-aliyev"])
    with pytest.raises(InputError, match="not in the KB"):
        curation.merge(store, NEW, ENT["nobody-at-all"])


def test_accept_marks_the_entity_reviewed_and_records_it() -> None:
    store = EmbeddedStore.in_memory()
    kbase.init(store)
    path = ARTICLES / "tr" / "wire-fidan-antalya-forum.claims.yaml"
    compiled = compile_variant(
        path.name, directory=path.parent, origin="curated", drop_meeting_ids=False
    )
    store.write(replace={compiled.graph: compiled.triples})
    listed = {e.iri: e for e in curation.list_unreviewed(store)}
    kilic = ENT["serdar-kilic"]
    assert set(listed) == {
        kilic,
        NamedNode(
            "https://w3id.org/kb/office/turkey-special-envoy-for-the-normalization-process-with-armenia"
        ),
    }
    assert listed[kilic].mentions == ["Serdar Kılıç"] and listed[kilic].country == ENT["turkey"]
    curation.accept(store, kilic, agent="curator")
    assert kilic not in {e.iri for e in curation.list_unreviewed(store)}
    assert store.ask(sparql_prologue() + f"ASK {{ {kilic} kb:reviewStatus kb:Reviewed }}")
    assert not store.ask(sparql_prologue() + f"ASK {{ {kilic} kb:reviewStatus kb:Unreviewed }}")
    assert store.ask(
        sparql_prologue()
        + f"ASK {{ GRAPH {CURATION_GRAPH} {{ ?a a kb:EntityAcceptance ; "
        + f"kb:acceptedEntity {kilic} ; prov:endedAtTime ?t }} }}"
    )
    # re-adding the source keeps the decision
    store.write(replace=identity.assign_meetings(store, {compiled.graph: compiled.triples}))
    assert not store.ask(sparql_prologue() + f"ASK {{ {kilic} kb:reviewStatus kb:Unreviewed }}")
    with pytest.raises(InputError):
        curation.accept(store, kilic)


def test_entities_cli(kb: KbRunner, tmp_path: Path) -> None:
    location = tmp_path / "kb"
    assert kb("init", store=location).exit_code == 0
    disk = EmbeddedStore(location)
    for compiled in (compile_variant(TURAN), compile_variant(AL_ALAM, as_new_person)):
        disk.write(replace=identity.assign_meetings(disk, {compiled.graph: compiled.triples}))
    disk.close()
    listed = kb("entities", "--unreviewed", store=location)
    assert listed.exit_code == 0
    assert "ent:hosein-amirabdollahian  Hosein Amirabdollahian  (Person, ent:iran)" in listed.output
    assert (
        "seen in: src:f36ad5bd6216021b" in listed.output
        and "(1 unreviewed entity)" in listed.output
    )
    merged = kb(
        "entities",
        "merge",
        "hosein-amirabdollahian",
        "--into",
        "ent:hossein-amir-abdollahian",
        "--agent",
        "me",
        store=location,
    )
    assert merged.exit_code == 0, merged.output
    assert "(0 unreviewed entities)" in kb("entities", "--unreviewed", store=location).output
    assert kb("entities", "accept", "ent:hosein-amirabdollahian", store=location).exit_code == 2
    reconciled = kb("meetings", "reconcile", store=location)
    # the meeting keeps the IRI minted from the name the extractor found (IRIs are stable)
    canonical = "mtg:2023-10-04-hosein-amirabdollahian-khalaf-khalafov"
    assert (
        f"{canonical} <- mtg:2023-10-hossein-amir-abdollahian-khalaf-khalafov" in reconciled.output
    )
    explained = kb("explain", canonical, store=location)
    assert "reported by 2 source(s)" in explained.output
    assert "participants: Hossein Amir-Abdollahian, Khalaf Khalafov" in explained.output


def test_accept_rewrites_and_records_the_sources_not_their_derived_views() -> None:
    """The accepted person is also in the source's derived view (kb:attendee); the view is
    derived again with the source, so only the source is rewritten, counted and recorded."""
    store = EmbeddedStore.in_memory()
    kbase.init(store)
    path = ARTICLES / "tr" / "wire-fidan-antalya-forum.claims.yaml"
    compiled = compile_variant(
        path.name, directory=path.parent, origin="curated", drop_meeting_ids=False
    )
    view.write(store, replace={compiled.graph: compiled.triples})
    kilic = ENT["serdar-kilic"]
    assert store.ask(sparql_prologue() + f"ASK {{ ?meeting kb:attendee {kilic} }}")
    assert curation.accept(store, kilic, agent="curator") == [compiled.graph]
    used = store.select(
        sparql_prologue()
        + f"SELECT ?g WHERE {{ GRAPH {CURATION_GRAPH} {{ ?a kb:acceptedEntity {kilic} ; prov:used ?g }} }}"
    ).rows
    assert [row["g"] for row in used] == [compiled.graph]
