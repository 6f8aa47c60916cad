"""The derived view is kb's own: a draft that gives a derived property is refused.

kb computes kb:quote, kb:sortMonth... (every kb:DerivedProperty of kb.ttl) from the claims
it writes; a draft's own value would be listed as if derived (a "verbatim" quote the source
never held). ``kb add`` and ``kb validate FILE`` refuse such a file when they read it, and
the shapes refuse such a triple wherever validation meets it (``kb validate --all``).
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib

from kb import kbase
from kb.errors import InputError
from kb.model import derived_properties
from kb.namespaces import GRAPH, KB, PREFIXES, RDF_TYPE
from kb.store.embedded import EmbeddedStore
from kb.validation import SH, shapes_graph

from .conftest import KbRunner, store_hash

SOURCE_GRAPH = GRAPH["source/f0dfe1a430830148"]  # seeds/001_35c6b722bd335644
RDFS_COMMENT = ox.NamedNode(PREFIXES["rdfs"] + "comment")
INVENTED = ox.Literal("words the article never printed", language="en")


def first_statement(store: EmbeddedStore) -> ox.NamedNode:
    graph = store.graph(SOURCE_GRAPH)
    found = [t.subject for t in graph if t.predicate == RDF_TYPE and t.object == KB.Statement]
    return sorted(found, key=str)[0]  # type: ignore[return-value]


def draft(store: EmbeddedStore, path: Path, *extra: ox.Triple) -> Path:
    """The seed source's graph as a TriG draft, with ``extra`` triples in it."""
    triples = [*store.graph(SOURCE_GRAPH), *extra]
    quads = [ox.Quad(t.subject, t.predicate, t.object, SOURCE_GRAPH) for t in triples]
    path.write_bytes(ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=dict(PREFIXES)) or b"")
    return path


def test_the_derived_properties_are_those_kb_ttl_declares() -> None:
    assert derived_properties() == {
        KB.quote,
        KB.quoteStart,
        KB.quoteEnd,
        KB.sortMonth,
        KB.sourceBucket,
        KB.meetingBucket,
        KB.accountDigest,
        KB.attendee,
        KB.positionStance,
        KB.statesPositionStance,
        KB.reportsPositionStance,
        KB.publishedMonth,
        KB.viewDefinition,
    }


def test_the_shapes_refuse_every_derived_property_and_nothing_else() -> None:
    shapes = shapes_graph()
    shape = rdflib.URIRef("https://w3id.org/kb/shapes#NotDerivedShape")
    targets = {ox.NamedNode(str(p)) for p in shapes.objects(shape, SH.targetSubjectsOf)}
    refused = {
        ox.NamedNode(str(shapes.value(p, SH.path)))
        for p in shapes.objects(shape, SH.property)
        if shapes.value(p, SH.maxCount) == rdflib.Literal(0)
    }
    assert targets == refused == derived_properties()


def test_a_draft_giving_a_quote_is_refused_naming_property_and_file(
    fresh_store: EmbeddedStore, tmp_path: Path
) -> None:
    claim = first_statement(fresh_store)
    path = draft(fresh_store, tmp_path / "quoted.trig", ox.Triple(claim, KB.quote, INVENTED))
    before = set(fresh_store.quads())
    with pytest.raises(InputError) as refused:
        kbase.add(fresh_store, [path])
    message = str(refused.value)
    assert "quoted.trig" in message and "kb:quote" in message and "\n" not in message
    assert set(fresh_store.quads()) == before


def test_a_draft_giving_its_sort_month_is_refused_by_kb_validate(
    fresh_store: EmbeddedStore, kb: KbRunner, tmp_path: Path
) -> None:
    claim = first_statement(fresh_store)
    month = ox.Triple(
        claim,
        KB.sortMonth,
        ox.Literal("190001", datatype=ox.NamedNode(PREFIXES["xsd"] + "integer")),
    )
    path = draft(fresh_store, tmp_path / "month.trig", month)
    result = kb("validate", str(path))
    assert result.exit_code != 0
    (line,) = [line for line in result.output.splitlines() if line.strip()]
    assert "month.trig" in line and "kb:sortMonth" in line


def test_kb_add_refuses_a_derived_property_and_leaves_the_store_unchanged(
    fresh_store: EmbeddedStore, kb: KbRunner, tmp_path: Path
) -> None:
    claim = first_statement(fresh_store)
    path = draft(fresh_store, tmp_path / "quoted.trig", ox.Triple(claim, KB.quote, INVENTED))
    location = tmp_path / "store"
    fresh_store.close()
    before = store_hash(location)
    result = kb("add", str(path), store=location)
    assert result.exit_code != 0
    assert "quoted.trig" in result.output and "kb:quote" in result.output
    assert store_hash(location) == before


def test_a_draft_of_a_source_the_kb_holds_with_its_view_still_validates(
    fresh_store: EmbeddedStore, tmp_path: Path
) -> None:
    """Near miss: the KB's own view of the claims (their kb:quote...) is not the draft's."""
    claim = first_statement(fresh_store)
    assert fresh_store.ask(f"ASK {{ {claim} {KB.quote} ?quote }}")
    note = ox.Triple(claim, RDFS_COMMENT, ox.Literal("Checked against the print edition."))
    _, report = kbase.check(fresh_store, [draft(fresh_store, tmp_path / "legit.trig", note)])
    assert report.conforms, report.render()
    added = kbase.add(fresh_store, [tmp_path / "legit.trig"])
    assert added.record is not None


def test_the_shapes_refuse_a_derived_property_written_around_kb_add(
    fresh_store: EmbeddedStore,
) -> None:
    claim = first_statement(fresh_store)
    fresh_store.write(insert={SOURCE_GRAPH: [ox.Triple(claim, KB.quote, INVENTED)]})
    report = kbase.validate_all(fresh_store)
    assert not report.conforms
    assert {v.path for v in report.violations} == {"kb:quote"}


def test_the_seed_kb_with_its_view_conforms_as_a_whole(fresh_store: EmbeddedStore) -> None:
    """Near miss: kb:validate --all leaves the view graphs, kb's own writing, out."""
    assert any(fresh_store.graph(GRAPH["view/" + SOURCE_GRAPH.value.rsplit("/", 1)[-1]]))
    assert kbase.validate_all(fresh_store).conforms
