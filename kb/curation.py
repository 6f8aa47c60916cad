"""A curator's identity decisions: unreviewed entities listed, merged into existing ones, or accepted.

Design: a merge **rewrites** the IRIs in the source graphs (one Store.write that replaces every
affected graph and records the decision), rather than keeping owl:sameAs for query-time
resolution. Every saved query, export and SPARQL server then shows the merged identity with no
reasoning and no rewriting of queries, and counts ("who met whom most often") are right. The
decision itself is kept in the curation graph (https://w3id.org/kb/graph/curation) with PROV-O
(who, when) and an owl:sameAs from the merged IRI to the existing one; a source that arrives
later still naming the merged IRI (an extractor mints the same IRI from the same normalised name)
is rewritten on arrival by ``apply_curation``, which ``identity.assign_meetings`` calls first.
The merged entity's names (its labels and the mentions the sources print) become skos:altLabel
of the existing entity in the curation graph, so the spelling resolves from then on.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from pyoxigraph import Literal, NamedNode, Triple

from .errors import InputError
from .namespaces import GRAPH, KB, PREFIXES, PROV, RDF_TYPE, RDFS, SKOS, local, sparql_prologue
from .provenance import agent_iri, agent_triples, now_literal
from .store import Store
from .view import is_view_graph
from .view import write as write_with_view

CURATION_GRAPH = GRAPH["curation"]
OWL_SAME_AS = NamedNode(PREFIXES["owl"] + "sameAs")
_NAME_PREDICATES = (RDFS.label, SKOS.prefLabel, SKOS.altLabel)


def activity(
    kind: NamedNode, label: str, agent: str | None, *parts: object
) -> tuple[NamedNode, list[Triple]]:
    """A PROV-O activity of the curation graph: what, who and when."""
    when = now_literal()
    digest = hashlib.sha256(
        "|".join([kind.value, when.value, *map(str, parts)]).encode()
    ).hexdigest()[:16]
    iri = NamedNode(f"{CURATION_GRAPH.value}#{digest}")
    who = agent_iri(agent)
    return iri, [
        Triple(iri, RDF_TYPE, kind),
        Triple(iri, RDF_TYPE, KB.CurationActivity),
        Triple(iri, RDF_TYPE, PROV.Activity),
        Triple(iri, RDFS.label, Literal(label)),
        Triple(iri, PROV.wasAssociatedWith, who),
        *agent_triples(agent),
        Triple(iri, PROV.endedAtTime, when),
    ]


def graphs_mentioning(store: Store, iri: NamedNode) -> list[NamedNode]:
    """The graphs that mention ``iri``, but the derived view's: a source's view is derived
    again whenever the source is written."""
    rows = store.select(
        f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ {{ {iri} ?p ?o }} UNION {{ ?s ?p {iri} }} }} }}"
    ).rows
    graphs = [
        g for g in (r["g"] for r in rows) if isinstance(g, NamedNode) and not is_view_graph(g)
    ]
    return sorted(graphs, key=lambda g: g.value)


@dataclass
class UnreviewedEntity:
    iri: NamedNode
    label: str
    kinds: list[str] = field(default_factory=list)
    country: NamedNode | None = None
    sources: list[NamedNode] = field(default_factory=list)
    mentions: list[str] = field(default_factory=list)
    claims: list[NamedNode] = field(default_factory=list)


def decided(store: Store) -> tuple[dict[NamedNode, NamedNode], set[NamedNode]]:
    """Merged entities (merged IRI → existing IRI) and accepted entities, from the curation graph."""
    prologue = sparql_prologue()
    merged = {
        r["new"]: r["existing"]
        for r in store.select(
            prologue
            + f"""SELECT ?new ?existing WHERE {{ GRAPH {CURATION_GRAPH} {{
                ?a a kb:EntityMerge ; kb:mergedEntity ?new ; kb:mergedInto ?existing ;
                   prov:endedAtTime ?when }} }} ORDER BY ?when"""
        ).rows
    }
    accepted = {
        r["e"]
        for r in store.select(
            prologue
            + f"SELECT ?e WHERE {{ GRAPH {CURATION_GRAPH} {{ ?a a kb:EntityAcceptance ; kb:acceptedEntity ?e }} }}"
        ).rows
    }
    # a chain of merges (a into b, b into c) resolves to its end
    resolved = {}
    for new in merged:
        target, seen = merged[new], {new}
        while target in merged and target not in seen:
            seen.add(target)
            target = merged[target]
        resolved[new] = target
    return resolved, accepted  # type: ignore[return-value]


def list_unreviewed(store: Store) -> list[UnreviewedEntity]:
    """Entities marked kb:Unreviewed (by an extractor or a claim form's ``entities:``), with where they were seen."""
    prologue = sparql_prologue()
    merged, accepted = decided(store)
    rows = store.select(
        prologue
        + """SELECT ?e ?label ?type ?country ?g ?source WHERE {
            GRAPH ?g { ?e kb:reviewStatus kb:Unreviewed .
                       OPTIONAL { ?e rdfs:label ?label . FILTER (LANGMATCHES(LANG(?label), "en")) }
                       OPTIONAL { ?e a ?type }
                       OPTIONAL { ?e kb:country|kb:officeOf ?country } }
            OPTIONAL { GRAPH ?g { ?source a kb:Source } }
        } ORDER BY ?e"""
    ).rows
    found: dict[NamedNode, UnreviewedEntity] = {}
    for row in rows:
        iri = row["e"]
        assert isinstance(iri, NamedNode)
        if iri in merged or iri in accepted:
            continue
        entity = found.setdefault(
            iri,
            UnreviewedEntity(iri, str(getattr(row.get("label"), "value", local(iri)))),
        )
        kind = row.get("type")
        if isinstance(kind, NamedNode):
            short = kind.value.rsplit("/", 1)[-1].rsplit("#", 1)[-1]
            if short not in entity.kinds:
                entity.kinds.append(short)
        if isinstance(row.get("country"), NamedNode):
            entity.country = row["country"]  # type: ignore[assignment]
        source = row.get("source")
        if isinstance(source, NamedNode) and source not in entity.sources:
            entity.sources.append(source)
    for iri, entity in found.items():
        for row in store.select(
            prologue
            + f"""SELECT DISTINCT ?claim ?mention WHERE {{
                {{ ?claim kb:participation ?part . ?part kb:participant {iri} .
                   OPTIONAL {{ ?part kb:mention ?mention }} }}
                UNION {{ ?claim kb:speaker|kb:accordingTo {iri} }}
                UNION {{ {iri} skos:prefLabel|skos:altLabel ?mention }}
            }} ORDER BY ?claim ?mention"""
        ).rows:
            claim, mention = row.get("claim"), row.get("mention")
            if isinstance(claim, NamedNode) and claim not in entity.claims:
                entity.claims.append(claim)
            if isinstance(mention, Literal) and mention.value not in entity.mentions:
                entity.mentions.append(mention.value)
        for row in store.select(
            prologue
            + "SELECT DISTINCT ?source WHERE { ?claim kb:source ?source ; "
            + f"(kb:participation/kb:participant)|kb:speaker|kb:accordingTo {iri} }}"
        ).rows:
            if isinstance(row.get("source"), NamedNode) and row["source"] not in entity.sources:
                entity.sources.append(row["source"])  # type: ignore[arg-type]
    return list(found.values())


def _is_known(store: Store, iri: NamedNode) -> bool:
    return store.ask(f"ASK {{ {iri} a ?type }}")


def _is_unreviewed(store: Store, iri: NamedNode) -> bool:
    return store.ask(f"ASK {{ {iri} <{KB.reviewStatus.value}> <{KB.Unreviewed.value}> }}")


def rewrite_terms(
    triples: Iterable[Triple],
    merged: Mapping[NamedNode, NamedNode],
    accepted: Iterable[NamedNode] = (),
) -> tuple[list[Triple], list[Triple]]:
    """Triples with merged IRIs replaced, and the names of merged entities (as (existing, altLabel, name)).

    Triples about a merged entity itself (its type, labels, review status) are dropped: the
    existing entity is described by the registry; its names are returned to keep as altLabels.
    """
    accepted = set(accepted)
    out: list[Triple] = []
    names: list[Triple] = []
    for triple in triples:
        subject, predicate, obj = triple.subject, triple.predicate, triple.object
        if subject in merged:
            if predicate in _NAME_PREDICATES and isinstance(obj, Literal):
                names.append(Triple(merged[subject], SKOS.altLabel, obj))  # type: ignore[index]
            continue
        if predicate == KB.reviewStatus and obj == KB.Unreviewed and subject in accepted:
            obj = KB.Reviewed
        if obj in merged:
            obj = merged[obj]  # type: ignore[index]
        out.append(Triple(subject, predicate, obj))
    return out, names


def apply_curation(
    store: Store, replace_graphs: Mapping[NamedNode, list[Triple]]
) -> dict[NamedNode, list[Triple]]:
    """A submission's graphs with the curation graph's decisions applied (merged IRIs, accepted entities)."""
    merged, accepted = decided(store)
    if not merged and not accepted:
        return dict(replace_graphs)
    return {
        name: rewrite_terms(triples, merged, accepted)[0]
        for name, triples in replace_graphs.items()
    }


def merge(
    store: Store, new: NamedNode, existing: NamedNode, agent: str | None = None
) -> list[NamedNode]:
    """Merge an unreviewed entity into an existing one; returns the graphs rewritten. One write."""
    if new == existing:
        raise InputError("an entity cannot be merged into itself")
    if not _is_unreviewed(store, new):
        raise InputError(
            f"{new.value} is not an unreviewed entity (kb entities --unreviewed lists them)"
        )
    if not _is_known(store, existing):
        raise InputError(f"{existing.value} is not in the KB: merge into an entity of the registry")
    if _is_unreviewed(store, existing) and store.ask(
        f"ASK {{ GRAPH {CURATION_GRAPH} {{ ?a <{KB.mergedEntity.value}> {existing} }} }}"
    ):
        raise InputError(f"{existing.value} was itself merged away")
    graphs = [g for g in graphs_mentioning(store, new) if g != CURATION_GRAPH]
    replace: dict[NamedNode, list[Triple]] = {}
    names: list[Triple] = []
    for graph in graphs:
        rewritten, found = rewrite_terms(store.graph(graph), {new: existing})
        replace[graph] = rewritten
        names += found
        for triple in rewritten:  # the mentions the sources print become names of the entity
            if triple.predicate == KB.mention and isinstance(triple.object, Literal):
                names.append(Triple(existing, SKOS.altLabel, triple.object))
    act, record = activity(
        KB.EntityMerge,
        f"kb entities merge {new.value} --into {existing.value}",
        agent,
        new,
        existing,
    )
    record += [
        Triple(act, KB.mergedEntity, new),
        Triple(act, KB.mergedInto, existing),
        Triple(new, OWL_SAME_AS, existing),
        *[Triple(act, PROV.used, g) for g in graphs],
    ]
    record += list(dict.fromkeys(names))
    write_with_view(store, replace=replace, insert={CURATION_GRAPH: record})
    return graphs


def accept(store: Store, new: NamedNode, agent: str | None = None) -> list[NamedNode]:
    """Accept an unreviewed entity as a new entity of the KB; returns the graphs rewritten. One write."""
    if not _is_unreviewed(store, new):
        raise InputError(
            f"{new.value} is not an unreviewed entity (kb entities --unreviewed lists them)"
        )
    graphs = [g for g in graphs_mentioning(store, new) if g != CURATION_GRAPH]
    replace = {g: rewrite_terms(store.graph(g), {}, {new})[0] for g in graphs}
    act, record = activity(KB.EntityAcceptance, f"kb entities accept {new.value}", agent, new)
    record += [Triple(act, KB.acceptedEntity, new), *[Triple(act, PROV.used, g) for g in graphs]]
    write_with_view(store, replace=replace, insert={CURATION_GRAPH: record})
    return graphs


def history(store: Store, iri: NamedNode | None = None) -> list[dict[str, object]]:
    """The curation graph's activities (optionally those that concern ``iri``), oldest first."""
    concern = f"FILTER EXISTS {{ ?a ?anyP {iri} }}" if iri is not None else ""
    return store.select(
        sparql_prologue()
        + f"""SELECT ?a ?label ?who ?when WHERE {{ GRAPH {CURATION_GRAPH} {{
            ?a a kb:CurationActivity ; rdfs:label ?label ; prov:wasAssociatedWith ?who ; prov:endedAtTime ?when .
            {concern} }} }} ORDER BY ?when ?a"""
    ).rows  # type: ignore[return-value]
