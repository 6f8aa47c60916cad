"""Moving triples between pyoxigraph (storage, queries) and rdflib (pyshacl)."""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox
import rdflib

_XSD_STRING = ox.NamedNode("http://www.w3.org/2001/XMLSchema#string")


def to_rdflib(triples: Iterable[ox.Triple], lexical: bool = False) -> rdflib.Graph:
    """An rdflib graph of the triples, each term converted once (a plain string literal
    becomes rdflib's plain literal, as an N-Triples parser would give it). rdflib normalises
    typed literals ("2023-10-04+03:00"^^xsd:date becomes "2023-10-04") unless ``lexical``,
    which keeps each literal's lexical form as stored (what a shape's sh:pattern checks).

    >>> graph = to_rdflib([ox.Triple(ox.NamedNode("http://e/a"), ox.NamedNode("http://e/p"), ox.Literal("x"))])
    >>> [str(o) for o in graph.objects()]
    ['x']
    """
    graph = rdflib.Graph()
    terms: dict[object, rdflib.term.Node] = {}

    def term(node: object) -> rdflib.term.Node:
        converted = terms.get(node)
        if converted is None:
            converted = terms[node] = _term(node, lexical)
        return converted

    graph.addN((term(t.subject), term(t.predicate), term(t.object), graph) for t in triples)
    return graph


def _term(node: object, lexical: bool = False) -> rdflib.term.Node:
    if isinstance(node, ox.NamedNode):
        return rdflib.URIRef(node.value)
    if isinstance(node, ox.BlankNode):
        return rdflib.BNode(node.value)
    if isinstance(node, ox.Literal):
        if node.language:
            return rdflib.Literal(node.value, lang=node.language)
        if node.datatype == _XSD_STRING:
            return rdflib.Literal(node.value)
        datatype = rdflib.URIRef(node.datatype.value)
        return rdflib.Literal(node.value, datatype=datatype, normalize=not lexical)
    raise TypeError(f"not an RDF term kb stores: {node!r}")


def from_rdflib(graph: rdflib.Graph) -> list[ox.Triple]:
    data = graph.serialize(format="nt", encoding="utf-8")
    return list(ox.parse(data, format=ox.RdfFormat.N_TRIPLES))
