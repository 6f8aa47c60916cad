"""The curated model as shipped in ``ontology/``: read once per process.

The ontology, shapes, registry and concept schemes, each as the triples of its own named
graph, and the registry as a read-only view; everything that needs the model without a
store (the extractor, the claim-form compiler, the evaluators) asks here, not the write path.
"""

from __future__ import annotations

from functools import lru_cache

import pyoxigraph as ox

from .errors import InputError
from .namespaces import GRAPH, KB, MODEL_GRAPHS, RDF_TYPE
from .registry import Offices, Registry
from .resources import ONTOLOGY_DIR
from .skolem import skolemize
from .store.embedded import EmbeddedStore


@lru_cache(maxsize=1)
def model_graphs() -> dict[ox.NamedNode, list[ox.Triple]]:
    """The ontology, shapes, registry and concept schemes, each in its own named graph.

    Blank nodes (the shapes' property shapes and lists) get IRIs derived from their
    content: a store writes a blank node under a fresh id each time, so without this no
    two builds would hold the same triples, and no content hash could tell a finished
    build from an interrupted one.
    """
    graphs = {}
    for name, filename in MODEL_GRAPHS.items():
        path = ONTOLOGY_DIR / filename
        try:
            quads = skolemize(list(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)))
            graphs[GRAPH[name]] = [q.triple for q in quads]
        except (OSError, SyntaxError) as error:
            raise InputError(f"{path}: cannot load the model: {error}") from error
    return graphs


@lru_cache(maxsize=1)
def derived_properties() -> frozenset[ox.NamedNode]:
    """The properties kb.ttl types ``kb:DerivedProperty``: the derived view's (kb.view), which
    kb computes and writes itself, never a draft. Read from kb.ttl alone (a few ms), not
    from the whole model: ``kb add`` of one draft asks."""
    path = ONTOLOGY_DIR / MODEL_GRAPHS["ontology"]
    try:
        triples = [q.triple for q in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)]
    except (OSError, SyntaxError) as error:
        raise InputError(f"{path}: cannot load the model: {error}") from error
    return frozenset(
        t.subject
        for t in triples
        if t.predicate == RDF_TYPE
        and t.object == KB.DerivedProperty
        and isinstance(t.subject, ox.NamedNode)
    )


@lru_cache(maxsize=1)
def model_registry() -> Registry:
    """The registry as shipped in ontology/, independent of any store's state."""
    memory = EmbeddedStore.in_memory()
    memory.write(replace=model_graphs())
    return Registry(memory)


@lru_cache(maxsize=1)
def shipped_offices() -> Offices:
    """The offices of the registry as shipped in ontology/: holders at a date, titles."""
    return Offices(model_registry().store)
