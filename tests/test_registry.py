"""The entity registry: every person once, every seed spelling resolves, offices have terms."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
import yaml

from kb import kbase
from kb.namespaces import PREFIXES, sparql_prologue
from kb.resources import ONTOLOGY_DIR, SEEDS_DIR
from kb.store import Store

# Mentions that name someone by an epithet or a role only; the extractors resolve those through
# offices and context, not labels.
EPITHETS = {
    'кремлівським "бункерним щуром"',
    "the visiting Iranian minister",
}


def _norm(text: str) -> str:
    text = (
        unicodedata.normalize("NFC", text)
        .replace("\u200c", " ")
        .replace("ي", "ی")
        .replace("ك", "ک")
    )
    return re.sub(r"\s+", " ", text).strip().casefold()


@pytest.fixture(scope="module")
def registry() -> Store:
    return kbase.model_registry().store


@pytest.fixture(scope="module")
def labels(registry: Store) -> dict[str, set[str]]:
    rows = registry.select(
        sparql_prologue() + "SELECT ?s ?l WHERE { ?s rdfs:label|skos:prefLabel|skos:altLabel ?l }"
    )
    out: dict[str, set[str]] = {}
    for row in rows.rows:
        out.setdefault(row["s"].value, set()).add(_norm(row["l"].value))  # type: ignore[attr-defined]
    return out


def _participants() -> list[tuple[str, dict[str, str]]]:
    found = []
    for form in sorted(SEEDS_DIR.glob("*.claims.yaml")):
        data = yaml.safe_load(form.read_text(encoding="utf-8"))
        for meeting in data.get("meetings") or []:
            for participant in meeting["participants"]:
                if participant.get("mention") in EPITHETS:
                    continue
                found.append((f"{form.name}:{meeting['id']}:{participant['person']}", participant))
    return found


PARTICIPANTS = _participants()


@pytest.mark.parametrize(
    "participant", [p for _, p in PARTICIPANTS], ids=[i for i, _ in PARTICIPANTS]
)
def test_every_seed_mention_resolves_through_the_registry(
    participant: dict[str, str], labels: dict[str, set[str]]
) -> None:
    mention = participant.get("mention", "")
    person = PREFIXES["ent"] + participant["person"]
    office = PREFIXES["office"] + participant.get("office", "")
    candidates = labels.get(person, set()) | labels.get(office, set())
    assert person in labels, f"{participant['person']} is not in the registry"
    assert any(label and label in _norm(mention) for label in candidates), (
        f"{mention!r} matches no label of {participant['person']} or {participant.get('office')}"
    )


def test_every_person_has_one_english_label_and_no_two_share_it(registry: Store) -> None:
    rows = registry.select(
        sparql_prologue()
        + """
        SELECT ?person (COUNT(?label) AS ?n) (SAMPLE(?label) AS ?l) WHERE {
          ?person a schema:Person ; rdfs:label ?label . FILTER (LANG(?label) = "en") }
        GROUP BY ?person"""
    ).rows
    assert all(int(r["n"].value) == 1 for r in rows)  # type: ignore[attr-defined]
    duplicates = [label for label, n in Counter(r["l"].value for r in rows).items() if n > 1]  # type: ignore[attr-defined]
    assert duplicates == []


def test_wikidata_links_are_the_confirmed_ones(registry: Store) -> None:
    rows = registry.select(
        sparql_prologue()
        + """
        SELECT ?entity ?qid WHERE { ?entity schema:sameAs ?qid }"""
    ).rows
    links = {r["entity"].value.rsplit("/", 1)[-1]: r["qid"].value.rsplit("/", 1)[-1] for r in rows}  # type: ignore[attr-defined]
    assert links["azerbaijan"] == "Q227" and links["iran"] == "Q794" and links["armenia"] == "Q399"


@pytest.mark.parametrize(
    "person, office",
    [
        ("amir-hatami", "iran-minister-of-defence"),
        ("zakir-hasanov", "azerbaijan-minister-of-defence"),
        ("ilham-aliyev", "azerbaijan-president"),
        ("ali-akbar-ahmadian", "iran-secretary-of-the-supreme-national-security-council"),
    ],
)
def test_seed_participants_have_terms_of_office(registry: Store, person: str, office: str) -> None:
    assert registry.ask(
        sparql_prologue()
        + f"""
        ASK {{ ?term a kb:OfficeTerm ; kb:holder ent:{person} ; kb:office office:{office} ; kb:start ?start }}"""
    )


def test_registry_file_is_in_the_ontology_folder() -> None:
    assert (Path(ONTOLOGY_DIR) / "registry.ttl").exists()
