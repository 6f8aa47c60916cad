"""The derived view cannot be forged or missed: a draft cannot assert a derived property, and
a listing on a store without its view says how to rebuild it (a reviewer's reproductions).
Dates with a time zone, which would stream out of order, are refused by the shapes
(tests/test_claim_dates_shapes.py)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kb import kbase, view
from kb.errors import KBError
from kb.namespaces import GRAPH, KB, PREFIXES, RDF_TYPE
from kb.queries import saved_queries, stream
from kb.store.embedded import EmbeddedStore

SOURCE_GRAPH = GRAPH["source/f0dfe1a430830148"]  # seeds/001_35c6b722bd335644
INVENTED_QUOTE = "a sentence nobody in the source ever said"


def statements(store: EmbeddedStore) -> list[ox.NamedNode]:
    graph = store.graph(SOURCE_GRAPH)
    found = {t.subject for t in graph if t.predicate == RDF_TYPE and t.object == KB.Statement}
    return sorted(found, key=str)  # type: ignore[arg-type]


def test_a_draft_that_asserts_a_derived_property_is_refused(
    fresh_store: EmbeddedStore, tmp_path: Path
) -> None:
    claim = statements(fresh_store)[0]
    triples = [
        *fresh_store.graph(SOURCE_GRAPH),
        ox.Triple(claim, KB.quote, ox.Literal(INVENTED_QUOTE, language="en")),
    ]
    draft = tmp_path / "draft.trig"
    quads = [ox.Quad(t.subject, t.predicate, t.object, SOURCE_GRAPH) for t in triples]
    draft.write_bytes(ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=dict(PREFIXES)) or b"")
    try:
        kbase.add(fresh_store, [draft])
    except KBError:
        return  # refused: the fix
    _, rows = stream(fresh_store, saved_queries()["positions"])
    quotes = {str(row["quote"].value) for row in rows}  # type: ignore[attr-defined]
    assert INVENTED_QUOTE not in quotes, "a quote not in the source is listed as verbatim"


def test_a_listing_on_a_store_without_its_view_says_to_run_kb_init(
    fresh_store: EmbeddedStore,
) -> None:
    fresh_store.remove_graphs([g for g in fresh_store.graph_names() if view.is_view_graph(g)])
    with pytest.raises(KBError, match="kb init"):
        _, rows = stream(fresh_store, saved_queries()["positions"])
        list(rows)
