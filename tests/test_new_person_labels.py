"""A person the registry lacks is labelled with the name as written, in the article's language,
the same way whether the draft goes to TriG or through the reviewed YAML form; the English
label is a machine transliteration and says so; the saved queries show the written name.
(Issue 15, "one new person, two labels"; issue 11, item 9.)"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import yaml

from kb.claimform import compile_form
from kb.extract.pipeline import Options, extract
from kb.kbase import add, init
from kb.model import model_registry
from kb.namespaces import ENT, KB, PREFIXES, RDFS, SKOS
from kb.queries import load_query, run
from kb.store.embedded import EmbeddedStore

# Made-up people and my own sentences.
ARABIC = "قال وزير الخارجية الأذربيجاني كريم ناصروف إن العلاقات مع إيران جيدة."
WRITTEN = "كريم ناصروف"
LABEL_PREDICATES = (RDFS.label, SKOS.prefLabel, SKOS.altLabel, KB.labelTransliterated)


def labels(triples: list[ox.Triple], person: ox.NamedNode) -> set[tuple[str, str]]:
    return {
        (t.predicate.value, str(t.object))
        for t in triples
        if t.subject == person and t.predicate in LABEL_PREDICATES
    }


def test_a_new_person_has_the_same_labels_through_trig_and_through_yaml() -> None:
    draft = extract(ARABIC, Options(published="2024-05-01", lang="ar"))
    (entity,) = draft.form["entities"]
    person = ENT[entity["id"]]
    through_trig = draft.compile(model_registry()).triples
    form = yaml.safe_load(yaml.safe_dump(draft.form, allow_unicode=True))
    through_yaml = compile_form(form, ARABIC, model_registry()).triples
    assert labels(through_trig, person) == labels(through_yaml, person)
    assert (SKOS.prefLabel.value, str(ox.Literal(WRITTEN, language="ar"))) in labels(
        through_trig, person
    )
    assert (KB.labelTransliterated.value, str(ox.Literal(True))) in labels(through_trig, person)


def test_a_latin_name_as_written_is_no_transliteration() -> None:
    draft = extract(
        "Azerbaijani Foreign Minister Karim Nasirov said that relations with Iran are good.",
        Options(published="2024-05-01", lang="en"),
    )
    (entity,) = draft.form["entities"]
    assert entity["label"] == entity["mention"] == "Karim Nasirov"
    assert "transliterated" not in entity


def test_the_positions_query_shows_the_written_name_of_an_unreviewed_speaker(
    tmp_path: Path,
) -> None:
    store = EmbeddedStore.in_memory()
    init(store)
    compiled = extract(ARABIC, Options(published="2024-05-01", lang="ar")).compile(model_registry())
    quads = [ox.Quad(t.subject, t.predicate, t.object, compiled.graph) for t in compiled.triples]
    draft = tmp_path / "draft.trig"
    draft.write_bytes(ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=dict(PREFIXES)) or b"")
    add(store, [draft])
    speakers = {row["speakerLabel"].value for row in run(store, load_query("positions")).rows}  # type: ignore[union-attr]
    assert WRITTEN in speakers
