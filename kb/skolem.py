"""Blank nodes as IRIs that depend only on their content, so the same RDF read twice, from
any file or syntax, holds the same terms (and a content hash can compare two stores)."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from typing import Any

import pyoxigraph as ox

from .namespaces import BASE

GENID = BASE + "genid/"


def skolemize(quads: list[ox.Quad]) -> list[ox.Quad]:
    """Blank nodes replaced by IRIs that depend only on the triples around them.

    A blank node gets a hash of its description (its properties and values, and the node
    and property pointing to it, refined over three rounds) and lives under the IRI of the
    nearest node that points to it: ``<claim>/genid-<hash>``, so it is nested in its claim.
    The same content therefore gets the same IRIs whichever file or syntax it came in.
    """
    blanks = {t for q in quads for t in (q.subject, q.object) if isinstance(t, ox.BlankNode)}
    if not blanks:
        return quads
    out_edges: dict[ox.BlankNode, list[ox.Quad]] = defaultdict(list)
    in_edges: dict[ox.BlankNode, list[ox.Quad]] = defaultdict(list)
    for q in quads:
        if isinstance(q.subject, ox.BlankNode):
            out_edges[q.subject].append(q)
        if isinstance(q.object, ox.BlankNode):
            in_edges[q.object].append(q)
    label = {b: "" for b in blanks}

    def show(term: object) -> str:
        return label[term] if isinstance(term, ox.BlankNode) else str(term)

    for _ in range(3):
        label = {
            b: hashlib.sha256(
                "\n".join(
                    [label[b]]
                    + sorted(f"> {q.predicate} {show(q.object)}" for q in out_edges[b])
                    + sorted(f"< {show(q.subject)} {q.predicate}" for q in in_edges[b])
                ).encode("utf-8")
            ).hexdigest()[:16]
            for b in blanks
        }
    iri: dict[ox.BlankNode, ox.NamedNode] = {}

    def name(b: ox.BlankNode, seen: frozenset[ox.BlankNode] = frozenset()) -> ox.NamedNode:
        if b not in iri:
            parents = sorted(
                (q.subject for q in in_edges[b] if q.subject not in seen and q.subject != b),
                key=str,
            )
            named = [p for p in parents if isinstance(p, ox.NamedNode)]
            if named:
                iri[b] = ox.NamedNode(f"{named[0].value.rstrip('/#')}/genid-{label[b]}")
            elif parents:
                parent = name(parents[0], seen | {b})  # type: ignore[arg-type]
                iri[b] = ox.NamedNode(f"{parent.value}/genid-{label[b]}")
            else:
                iri[b] = ox.NamedNode(GENID + label[b])
        return iri[b]

    def term(t: Any) -> Any:
        return name(t) if isinstance(t, ox.BlankNode) else t

    return [ox.Quad(term(q.subject), q.predicate, term(q.object), q.graph_name) for q in quads]
