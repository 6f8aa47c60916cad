"""A claim's dates are calendar days without a time zone (kb:date, kb:earliest, kb:latest).

SPARQL orders zoned dates on the instant they begin, so one dated "+14:00" may sort before
the day before it; a listing streamed month by month would then print rows in another order
than the whole query. The shapes refuse a time zone, and say how to fix it.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kb import kbase
from kb.namespaces import GRAPH, KB, PREFIXES, RDF_TYPE, XSD
from kb.store.embedded import EmbeddedStore

SOURCE_GRAPH = GRAPH["source/f0dfe1a430830148"]  # seeds/001_35c6b722bd335644, of 2023-10-05
DATES = (KB.date, KB.earliest, KB.latest)


def dated_draft(store: EmbeddedStore, path: Path, prop: ox.NamedNode, value: ox.Literal) -> Path:
    """The seed source as a TriG draft, its first statement dated by ``prop`` ``value`` only."""
    graph = store.graph(SOURCE_GRAPH)
    claim = min(
        (t.subject for t in graph if t.predicate == RDF_TYPE and t.object == KB.Statement),
        key=str,
    )
    triples = [t for t in graph if not (t.subject == claim and t.predicate in DATES)]
    triples.append(ox.Triple(claim, prop, value))
    quads = [ox.Quad(t.subject, t.predicate, t.object, SOURCE_GRAPH) for t in triples]
    path.write_bytes(ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=dict(PREFIXES)) or b"")
    return path


ZONED = [
    (KB.earliest, ox.Literal("2023-10-04+03:00", datatype=XSD.date)),
    (KB.latest, ox.Literal("2023-10-04Z", datatype=XSD.date)),
    (KB.date, ox.Literal("2023-10-04-05:00", datatype=XSD.date)),
    (KB.date, ox.Literal("2023-10Z", datatype=XSD.gYearMonth)),
]
PLAIN = [
    (KB.earliest, ox.Literal("2023-10-04", datatype=XSD.date)),
    (KB.latest, ox.Literal("2023-10-04", datatype=XSD.date)),
    (KB.date, ox.Literal("2023-10-04", datatype=XSD.date)),
    (KB.date, ox.Literal("2023-10", datatype=XSD.gYearMonth)),
    (KB.date, ox.Literal("2023", datatype=XSD.gYear)),
]


@pytest.mark.parametrize(("prop", "value"), ZONED, ids=lambda x: getattr(x, "value", x))
def test_a_date_with_a_time_zone_is_refused_with_how_to_fix_it(
    seed_store: EmbeddedStore, tmp_path: Path, prop: ox.NamedNode, value: ox.Literal
) -> None:
    path = dated_draft(seed_store, tmp_path / "zoned.trig", prop, value)  # type: ignore[arg-type]
    _, report = kbase.check(seed_store, [path])
    assert not report.conforms
    (zone,) = [v for v in report.violations if "without a time zone" in v.message]
    assert zone.path == "kb:" + prop.value.rsplit("#", 1)[-1]
    assert "drop the zone" in zone.message


@pytest.mark.parametrize(("prop", "value"), PLAIN, ids=lambda x: getattr(x, "value", x))
def test_the_same_date_without_a_time_zone_is_accepted(
    seed_store: EmbeddedStore, tmp_path: Path, prop: ox.NamedNode, value: ox.Literal
) -> None:
    path = dated_draft(seed_store, tmp_path / "plain.trig", prop, value)  # type: ignore[arg-type]
    _, report = kbase.check(seed_store, [path])
    assert report.conforms, report.render()
