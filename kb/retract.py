"""Retract claims or whole sources, never silently: every retraction is recorded with PROV-O.

Retracting a source removes its named graph (the article and every claim read from it);
retracting a claim removes the claim's node and the nodes nested in it (IRIs under the
claim's IRI + "/": participations, evidence spans, selectors) from its source's graph,
together with the meeting node that only this account reported in that graph. The removal
and its record are one write, so a store never holds one without the other.

The record is a named graph ``graph:retraction/<id>``: a prov:Activity with the agent, the
time and the reason (rdfs:comment), and for each retracted entity prov:wasInvalidatedBy,
prov:invalidatedAtTime and a qualified prov:Invalidation carrying the reason.

Only the Store protocol is used (construct, select, ask, write), so retraction works the
same on the embedded store and on SPARQL servers.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field

import pyoxigraph as ox

from .errors import InputError, KBError
from .namespaces import (
    GRAPH,
    KB,
    PROV,
    RDF_TYPE,
    RDFS,
    SRC,
    claims_in,
    curie,
    expand,
    local,
    source_graph,
    sparql_prologue,
)
from .provenance import agent_iri, agent_triples, now_literal
from .store import Store
from .view import write as write_with_view

RECORD_PREFIX = GRAPH["retraction/"].value


class NothingToRetract(KBError):
    """The claim or source is not in the KB (never added, or already retracted)."""

    exit_code = 2


@dataclass
class Retraction:
    """What one ``kb retract`` removed, and where it recorded it."""

    record: ox.NamedNode
    sources: list[ox.NamedNode] = field(default_factory=list)
    claims: list[ox.NamedNode] = field(default_factory=list)
    triples: int = 0


def resolve(target: str) -> ox.NamedNode:
    """A CLI target as an IRI: ``claim:ID/s1``, ``src:ID``, ``<https://...>`` or a full IRI."""
    try:
        return expand(target)
    except ValueError as error:
        raise InputError(f"{target!r} is not a claim or source IRI: {error}") from error


def retract(
    store: Store, targets: Sequence[str], reason: str, agent: str | None = None
) -> Retraction:
    """Remove the claims and sources ``targets`` name, all or nothing, and record why."""
    if not reason.strip():
        raise InputError("say why: --reason is required and may not be empty")
    nodes = list(dict.fromkeys(resolve(t) for t in targets))
    sources = [n for n in nodes if n.value.startswith(SRC[""].value)]
    claims = [n for n in nodes if n not in sources]
    names = set(store.graph_names())
    replace: dict[ox.NamedNode, list[ox.Triple]] = {}
    retracted_claims: list[ox.NamedNode] = []
    removed = 0
    for source in sources:
        graph = source_graph(local(source))
        if graph not in names:
            raise NothingToRetract(_absent(store, source, "source"))
        content = store.graph(graph)
        retracted_claims += sorted(claims_in(content), key=str)
        removed += len(content)
        replace[graph] = []
    whole = set(replace)
    for claim in claims:
        if claim in retracted_claims:
            continue
        graphs = _graphs_holding(store, claim)
        if not graphs:
            raise NothingToRetract(_absent(store, claim, "claim"))
        for graph in graphs:
            if graph in whole:
                continue  # its whole source is retracted too
            content = replace[graph] if graph in replace else store.graph(graph)
            kept = _without_claim(content, claim)
            removed += len(content) - len(kept)
            replace[graph] = kept
        retracted_claims.append(claim)
    _refuse_dangling(store, replace, set(retracted_claims), set(sources))
    record = _record(reason, agent, sources, retracted_claims)
    (record_graph,) = record
    write_with_view(store, replace=replace, insert=record)
    return Retraction(record_graph, sources, retracted_claims, removed)


def _absent(store: Store, node: ox.NamedNode, kind: str) -> str:
    rows = store.select(
        sparql_prologue()
        + f"SELECT ?when ?why WHERE {{ {node} prov:qualifiedInvalidation ?i . "
        + "?i prov:atTime ?when ; rdfs:comment ?why } ORDER BY DESC(?when) LIMIT 1"
    ).rows
    if rows:
        when, why = rows[0]["when"].value, rows[0]["why"].value  # type: ignore[attr-defined]
        return f"{kind} {curie(node.value)} was already retracted on {when} (reason: {why})"
    return f"no {kind} {curie(node.value)} in the KB; `kb export` shows what is there"


def _graphs_holding(store: Store, claim: ox.NamedNode) -> list[ox.NamedNode]:
    rows = store.select(
        sparql_prologue()
        + f"""SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ {claim} a ?type }}
              VALUES ?type {{ kb:Statement kb:MeetingAccount }} }}"""
    ).rows
    return sorted((row["g"] for row in rows), key=str)  # type: ignore[misc]


def _nested(node: object, claim: ox.NamedNode) -> bool:
    return isinstance(node, ox.NamedNode) and (
        node == claim or node.value.startswith(claim.value + "/")
    )


def _without_claim(triples: list[ox.Triple], claim: ox.NamedNode) -> list[ox.Triple]:
    """The graph without the claim and its nested nodes, nor a meeting only it reported here."""
    meetings = {t.object for t in triples if t.subject == claim and t.predicate == KB.meeting}
    kept = [t for t in triples if not _nested(t.subject, claim)]
    still_reported = {t.object for t in kept if t.predicate == KB.meeting}
    orphans = meetings - still_reported
    return [t for t in kept if t.subject not in orphans]


def _refuse_dangling(
    store: Store,
    replace: dict[ox.NamedNode, list[ox.Triple]],
    claims: set[ox.NamedNode],
    sources: set[ox.NamedNode],
) -> None:
    """Refuse to leave a claim pointing to a retracted one (a statement at a retracted meeting)."""
    targets = claims | sources
    if not targets:
        return
    values = " ".join(str(t) for t in targets)
    rows = store.select(
        f"""SELECT DISTINCT ?s ?p ?o ?g WHERE {{
            VALUES ?o {{ {values} }}
            GRAPH ?g {{ ?s ?p ?o }}
            FILTER (!STRSTARTS(STR(?g), "{GRAPH["submission/"].value}"))
            FILTER (!STRSTARTS(STR(?g), "{RECORD_PREFIX}"))
        }}"""
    ).rows
    dependents = []
    for row in rows:
        subject, graph = row["s"], row["g"]
        assert isinstance(graph, ox.NamedNode)
        if any(_nested(subject, c) for c in claims) or subject in sources:
            continue
        if graph in replace and not any(t.subject == subject for t in replace[graph]):
            continue  # the referring node goes too
        dependents.append(f"{curie(subject.value)} {curie(row['p'].value)} {curie(row['o'].value)}")  # type: ignore[attr-defined]
    if dependents:
        shown = "; ".join(sorted(dependents)[:5]) + (" ..." if len(dependents) > 5 else "")
        raise InputError(
            f"nothing retracted: {len(dependents)} triple(s) would point to what is retracted "
            f"({shown}); retract those claims too, in the same command"
        )


def _record(
    reason: str, agent: str | None, sources: list[ox.NamedNode], claims: list[ox.NamedNode]
) -> dict[ox.NamedNode, list[ox.Triple]]:
    when = now_literal()
    key = "\n".join([when.value, reason, *(n.value for n in [*sources, *claims])])
    graph = GRAPH["retraction/" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]]
    activity = ox.NamedNode(graph.value + "#activity")
    who = agent_iri(agent)
    comment = ox.Literal(reason.strip())
    triples = [
        ox.Triple(activity, RDF_TYPE, PROV.Activity),
        ox.Triple(activity, RDFS.label, ox.Literal("kb retract")),
        ox.Triple(activity, RDFS.comment, comment),
        ox.Triple(activity, PROV.endedAtTime, when),
        ox.Triple(activity, PROV.wasAssociatedWith, who),
        *agent_triples(agent),
    ]
    entities = [*sources, *(source_graph(local(s)) for s in sources), *claims]
    for index, entity in enumerate(entities, 1):
        invalidation = ox.NamedNode(f"{graph.value}#invalidation-{index}")
        triples += [
            ox.Triple(entity, PROV.wasInvalidatedBy, activity),
            ox.Triple(entity, PROV.invalidatedAtTime, when),
            ox.Triple(entity, PROV.qualifiedInvalidation, invalidation),
            ox.Triple(invalidation, RDF_TYPE, PROV.Invalidation),
            ox.Triple(invalidation, PROV.activity, activity),
            ox.Triple(invalidation, PROV.atTime, when),
            ox.Triple(invalidation, RDFS.comment, comment),
        ]
    return {graph: triples}
