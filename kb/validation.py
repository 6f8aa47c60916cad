"""Check claims against the SHACL shapes of ontology/shapes.ttl, and report.

The shapes are plain SHACL and SHACL-SPARQL, so any SHACL engine can run them. kb runs
the core constraints with pyshacl and the SHACL-SPARQL constraints itself on pyoxigraph,
one query per constraint over all focus nodes at once (pyshacl runs them one focus node at
a time through rdflib's SPARQL engine, which took 19 s of a 20 s check of the seed KB).

A submission is validated together with just the context it references (the types,
labels, terms of office and sources of the nodes it points to), never the whole KB, so
checking one claim costs the same whatever the size of the KB. Results are kept only for
the submission's own nodes: the context is partial by design (a term of office without
its holder, say) and is not what is being checked.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import asdict, dataclass
from functools import lru_cache
from typing import Any, cast

import pyoxigraph as ox
import rdflib
import rdflib.collection
from pyshacl import validate as shacl_validate

from .model import derived_properties
from .namespaces import (
    CLAIM_TYPES,
    KB,
    MODEL_GRAPHS,
    OA,
    RDF_TYPE,
    curie,
    sparql_prologue,
)
from .rdfconv import to_rdflib
from .resources import ONTOLOGY_DIR
from .store import Store
from .view import is_view_graph

SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
_THIS = re.compile(r"\$this\b")
_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)
# Claims own the nodes nested in them through these properties (and by IRI: claim + "/...").
_NESTING = (KB.participation, KB.evidence, OA.hasSelector)

# rdflib logs a traceback for every ill-typed literal it parses; the shapes report those.
logging.getLogger("rdflib.term").setLevel(logging.ERROR)


@dataclass(frozen=True)
class Violation:
    """One broken rule: which claim and node, which property, which value, and what to do.

    ``claim`` is the claim that owns ``focus`` (the focus itself for a claim; the claim of
    a participation, evidence span or selector nested in it), or None for nodes that belong
    to no claim (a source, a meeting, a registry entry).
    """

    claim: str | None
    focus: str
    path: str | None
    value: str | None
    message: str
    severity: str
    shape: str
    file: str | None = None  # the draft it came from, in a submission of several files

    def line(self) -> str:
        """The violation on one line: ``[FILE: ]claim <...> [node <...>] path P value V:
        message``."""
        parts = [f"claim {self.claim}" if self.claim else f"node {self.focus}"]
        if self.claim and self.focus != self.claim:
            parts.append(f"node {self.focus}")
        if self.path:
            parts.append(f"path {self.path}")
        if self.value is not None:
            parts.append(f"value {self.value}")
        where = f"{self.file}: " if self.file else ""
        return f"{self.severity}: {where}{' '.join(parts)}: {self.message}"


@dataclass
class Report:
    conforms: bool
    violations: list[Violation]
    graph: rdflib.Graph

    def render(self, fmt: str = "text") -> str:
        if fmt == "json":
            return json.dumps(
                {"conforms": self.conforms, "violations": [asdict(v) for v in self.violations]},
                ensure_ascii=False,
                indent=2,
            )
        if fmt == "turtle":
            return self.graph.serialize(format="turtle")
        if self.conforms:
            return "Conforms: every claim satisfies the shapes."
        lines = [f"{len(self.violations)} violation(s):"]
        lines += [f"- {v.line()}" for v in self.violations]
        return "\n".join(lines)


@dataclass(frozen=True)
class SparqlConstraint:
    """A SHACL-SPARQL constraint rewritten to find every violating focus node in one query."""

    shape: rdflib.term.Node
    target_class: rdflib.URIRef
    message: str
    select: str

    def query(self, focus: Sequence[str] | None) -> str:
        head = f"?this a <{self.target_class}> ."
        if focus is not None:
            head = "VALUES ?this { " + " ".join(focus) + " } " + head
        match = _WHERE.search(self.select)
        assert match, f"SPARQL constraint of {self.shape} has no WHERE"
        return self.select[: match.end()] + f"\n  {head}\n" + self.select[match.end() :]


@lru_cache(maxsize=1)
def shapes_graph() -> rdflib.Graph:
    """ontology/shapes.ttl, read by Oxigraph's parser (a tenth of rdflib's time, which was a
    sixth of ``kb add`` of one draft), with its prefixes bound."""
    path = ONTOLOGY_DIR / MODEL_GRAPHS["shapes"]
    parser = ox.parse(path=path, format=ox.RdfFormat.TURTLE)
    graph = to_rdflib(quad.triple for quad in parser)
    for prefix, namespace in parser.prefixes.items():
        graph.bind(prefix, namespace)
    return graph


@lru_cache(maxsize=1)
def core_shapes_graph() -> rdflib.Graph:
    """The shapes without their SHACL-SPARQL constraints, which kb runs itself, in rdflib's
    store without contexts: pyshacl reads the shapes once per shape and value node (some
    20,000 times for a part of a batch), and the default store's bookkeeping of the graph
    each triple is in was a tenth of a validation."""
    core = rdflib.Graph(store="SimpleMemory")
    for triple in shapes_graph():
        if triple[1] != SH.sparql:
            core.add(triple)
    return core


# Shapes that reach a node otherwise than by following triples forward from a focus node:
# with any of these, pyshacl gets every triple (see _read_by_core_shapes). A target by
# subjects of P is not one: the triple that makes a node a target is its own, by P, which
# the shapes name.
_REACHING_BACK = (SH.closed, SH.inversePath, SH.targetObjectsOf, SH.target)


@lru_cache(maxsize=1)
def _core_predicates() -> frozenset[ox.NamedNode] | None:
    """Every predicate pyshacl may read when it checks the core shapes: the IRIs the shapes
    name (their paths, classes, lessThan properties...), rdf:type and rdfs:subClassOf; None
    when a shape reaches nodes otherwise than forward from its focus nodes (sh:closed, an
    inverse path, a target by subject or object)."""
    core = core_shapes_graph()
    if any((None, term, None) in core for term in _REACHING_BACK):
        return None
    named = {str(term) for triple in core for term in triple if isinstance(term, rdflib.URIRef)}
    named |= {str(rdflib.RDF.type), str(rdflib.RDFS.subClassOf)}
    return frozenset(ox.NamedNode(iri) for iri in named)


def _read_by_core_shapes(
    triples: list[ox.Triple], focus: Collection[str] | None = None
) -> list[ox.Triple]:
    """The triples the core shapes can see from ``focus`` (IRIs; None: from every node).

    pyshacl reads a focus node's triples, then its value nodes' and so on, always forward
    and only by the predicates the shapes name; results are kept for the focus nodes only.
    The triples of context nodes no path reaches (the terms of office, other accounts and
    other statements the SHACL-SPARQL rules need) and the predicates no shape names (a third
    of a draft's: provenance, cues, alternative labels) would only be converted to rdflib
    and validated for nothing.
    """
    predicates = _core_predicates()
    if predicates is None:
        return triples
    read = [t for t in triples if t.predicate in predicates]
    if focus is None:
        return read
    by_subject: dict[object, list[ox.Triple]] = {}
    for triple in read:
        by_subject.setdefault(triple.subject, []).append(triple)
    todo: list[object] = [ox.NamedNode(iri) for iri in focus]
    seen = set(todo)
    kept: list[ox.Triple] = []
    while todo:
        for triple in by_subject.get(todo.pop(), ()):
            kept.append(triple)
            if triple.object not in seen:
                seen.add(triple.object)
                todo.append(triple.object)
    return kept


@lru_cache(maxsize=1)
def sparql_constraints() -> tuple[SparqlConstraint, ...]:
    shapes = shapes_graph()
    constraints = []
    for shape, constraint in shapes.subject_objects(SH.sparql):
        select = str(shapes.value(constraint, SH.select))
        message = str(shapes.value(constraint, SH.message) or "SPARQL constraint violated")
        prefixes = "".join(
            f"PREFIX {shapes.value(d, SH.prefix)}: <{shapes.value(d, SH.namespace)}>\n"
            for owner in shapes.objects(constraint, SH.prefixes)
            for d in shapes.objects(owner, SH.declare)
        )
        for target in shapes.objects(shape, SH.targetClass):
            constraints.append(
                SparqlConstraint(shape, target, message, prefixes + _THIS.sub("?this", select))  # type: ignore[arg-type]
            )
    return tuple(constraints)


def _show(term: object) -> str | None:
    """A term as a report shows it: ``<iri>``, or the literal in N-Triples form, shortened."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return f"<{term.value}>"
    if isinstance(term, rdflib.URIRef):
        return f"<{term}>"
    if isinstance(term, rdflib.Literal):
        term = ox.Literal(
            str(term),
            language=term.language,
            datatype=ox.NamedNode(str(term.datatype))
            if term.datatype and not term.language
            else None,
        )
    text = str(term)
    return text if len(text) <= 160 else text[:150] + "…" + text[-8:]


def _path(term: object, graph: rdflib.Graph | None = None) -> str | None:
    """A property path as SPARQL writes it: ``kb:stance``, or ``kb:stance/skos:inScheme``."""
    if isinstance(term, (rdflib.URIRef, ox.NamedNode)):
        return curie(term.value if isinstance(term, ox.NamedNode) else str(term))
    if isinstance(term, rdflib.BNode) and graph is not None and graph.value(term, rdflib.RDF.first):
        steps = [_path(step, graph) or "?" for step in rdflib.collection.Collection(graph, term)]
        return "/".join(steps)
    if isinstance(term, rdflib.BNode) and graph is not None:
        inverse = graph.value(term, SH.inversePath)
        if inverse is not None:
            return "^" + (_path(inverse, graph) or "?")
    return None if term is None else str(term)


def prepare() -> None:
    """Read and index the shapes now rather than at the first validation (a worker does)."""
    _core_predicates()
    sparql_constraints()


def validate_triples(
    triples: Iterable[ox.Triple], focus_nodes: Collection[ox.NamedNode] | None = None
) -> Report:
    """Validate ``triples`` (claims plus any context they need).

    With ``focus_nodes``, results are kept only for those nodes: the rest is context.
    """
    triples = list(triples)
    memory = ox.Store()
    memory.extend(ox.Quad(t.subject, t.predicate, t.object) for t in triples)
    focus = None if focus_nodes is None else {n.value for n in focus_nodes}
    if focus is not None and not focus:
        empty = _new_report()
        empty.add((_report_node(empty), SH.conforms, rdflib.Literal(True)))
        return Report(True, [], empty)
    # pyshacl's own focus-node option filters with a list (quadratic: 13 s for 1,000
    # claims), and in pyshacl 0.40 it also passes every nested shape (sh:or, sh:node) whose
    # value node is not in the list: a speaker that is no person went unreported. Validating
    # the small context too and filtering afterwards is both right and faster.
    _, full_report, _ = shacl_validate(
        to_rdflib(_read_by_core_shapes(triples, focus), lexical=True),
        shacl_graph=core_shapes_graph(),
        inference="none",
        abort_on_first=False,
        allow_warnings=True,
    )
    report_graph = _new_report()
    violations = []
    for result in full_report.subjects(rdflib.RDF.type, SH.ValidationResult):
        node = full_report.value(result, SH.focusNode)
        if focus is not None and not (isinstance(node, rdflib.URIRef) and str(node) in focus):
            continue
        _copy_result(full_report, result, report_graph)
        violations.append(_from_report(full_report, result))
    focus_values = None if focus is None else [f"<{iri}>" for iri in sorted(focus)]
    for constraint in sparql_constraints():
        for solution in _select(memory, constraint.query(focus_values)):
            violation = Violation(
                claim=None,
                focus=_show(solution["this"]) or "?",
                path=_path(_get(solution, "path")),
                value=_show(_get(solution, "value")),
                message=constraint.message,
                severity="Violation",
                shape=_show(constraint.shape) or "?",
            )
            violations.append(violation)
            _add_result(report_graph, violation, constraint, solution)
    owners = _owners(memory, {v.focus for v in violations})
    violations = [_owned(v, owners) for v in violations]
    violations.sort(key=lambda v: (v.claim or v.focus, v.focus, v.path or "", v.message))
    conforms = not any(v.severity == "Violation" for v in violations)
    report_graph.set((_report_node(report_graph), SH.conforms, rdflib.Literal(conforms)))
    return Report(conforms, violations, report_graph)


def merged(reports: Sequence[Report]) -> Report:
    """One report of several: a batch validated in parts, as if it had been validated whole."""
    graph = _new_report()
    violations: list[Violation] = []
    for report in reports:
        for result in report.graph.objects(_report_node(report.graph), SH.result):
            _copy_result(report.graph, result, graph)
        violations += report.violations
    violations.sort(key=lambda v: (v.claim or v.focus, v.focus, v.path or "", v.message))
    conforms = all(report.conforms for report in reports)
    graph.set((_report_node(graph), SH.conforms, rdflib.Literal(conforms)))
    return Report(conforms, violations, graph)


def validate_store(store: Store) -> Report:
    """Validate everything in a store (the union of its graphs but the derived view's)."""
    triples = [q.triple for q in store.quads() if not is_view_graph(q.graph_name)]
    return validate_triples(triples)


def _select(memory: ox.Store, query: str) -> ox.QuerySolutions:
    result = memory.query(query)
    assert isinstance(result, ox.QuerySolutions)
    return result


def _get(solution: ox.QuerySolution, name: str) -> object:
    try:
        return solution[name]
    except (KeyError, IndexError):  # the variable is not projected by this constraint
        return None


def _owners(memory: ox.Store, nodes: set[str]) -> dict[str, str]:
    """For each node (as ``<iri>``), the claim it belongs to, if any."""
    iris = [n for n in nodes if n.startswith("<")]
    if not iris:
        return {}
    nesting = "|".join(str(p) for p in _NESTING)
    types = " ".join(str(t) for t in CLAIM_TYPES)
    query = f"""SELECT ?node ?claim WHERE {{
        VALUES ?node {{ {" ".join(iris)} }}
        VALUES ?type {{ {types} }}
        ?claim ({nesting})* ?node ; a ?type .
    }}"""
    owners = {f"<{row['node'].value}>": f"<{row['claim'].value}>" for row in _select(memory, query)}
    claims = {
        f"<{row['claim'].value}>"
        for row in _select(
            memory, f"SELECT ?claim WHERE {{ VALUES ?type {{ {types} }} ?claim a ?type }}"
        )
    }
    for node in iris:  # nested by IRI only, e.g. a participation whose claim lost its type
        if node not in owners:
            parts = node[1:-1].split("/")
            for cut in range(len(parts) - 1, 0, -1):
                candidate = "<" + "/".join(parts[:cut]) + ">"
                if candidate in claims:
                    owners[node] = candidate
                    break
    return owners


def _owned(violation: Violation, owners: dict[str, str]) -> Violation:
    return Violation(
        claim=owners.get(violation.focus),
        focus=violation.focus,
        path=violation.path,
        value=violation.value,
        message=violation.message,
        severity=violation.severity,
        shape=violation.shape,
    )


def _from_report(report_graph: rdflib.Graph, result: rdflib.term.Node) -> Violation:
    def get(p: rdflib.URIRef) -> object:
        return report_graph.value(result, p)

    return Violation(
        claim=None,
        focus=_show(get(SH.focusNode)) or "?",
        path=_path(get(SH.resultPath), report_graph),
        value=_show(get(SH.value)),
        message=str(get(SH.resultMessage) or "constraint violated"),
        severity=str(get(SH.resultSeverity)).rsplit("#", 1)[-1],
        shape=_show(get(SH.sourceShape)) or str(get(SH.sourceShape)),
    )


def _new_report() -> rdflib.Graph:
    graph = rdflib.Graph()
    graph.bind("sh", SH)
    graph.add((rdflib.BNode(), rdflib.RDF.type, SH.ValidationReport))
    return graph


def _report_node(report_graph: rdflib.Graph) -> rdflib.term.Node:
    node = report_graph.value(predicate=rdflib.RDF.type, object=SH.ValidationReport)
    assert node is not None
    return node


def _copy_result(source: rdflib.Graph, result: rdflib.term.Node, target: rdflib.Graph) -> None:
    """Copy one validation result and the blank nodes it uses (paths, details) into ``target``."""
    target.add((_report_node(target), SH.result, result))
    todo, seen = [result], set()
    while todo:
        node = todo.pop()
        if node in seen:
            continue
        seen.add(node)
        for p, o in source.predicate_objects(node):
            target.add((node, p, o))
            if isinstance(o, rdflib.BNode):
                todo.append(o)


def _to_rdflib_term(term: object) -> rdflib.term.Node | None:
    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return rdflib.Literal(term.value, lang=term.language)
        return rdflib.Literal(term.value, datatype=rdflib.URIRef(term.datatype.value))
    return None


def _add_result(
    report_graph: rdflib.Graph,
    violation: Violation,
    constraint: SparqlConstraint,
    solution: ox.QuerySolution,
) -> None:
    """Record a SHACL-SPARQL result in the W3C validation report graph, as pyshacl would."""
    result = rdflib.BNode()
    report_graph.add((_report_node(report_graph), SH.result, result))
    report_graph.add((result, rdflib.RDF.type, SH.ValidationResult))
    report_graph.add((result, SH.focusNode, rdflib.URIRef(solution["this"].value)))
    report_graph.add((result, SH.resultSeverity, SH.Violation))
    report_graph.add((result, SH.sourceConstraintComponent, SH.SPARQLConstraintComponent))
    report_graph.add((result, SH.sourceShape, constraint.shape))
    report_graph.add((result, SH.resultMessage, rdflib.Literal(violation.message)))
    for predicate, name in ((SH.value, "value"), (SH.resultPath, "path")):
        term = _to_rdflib_term(_get(solution, name))
        if term is not None:
            report_graph.add((result, predicate, term))


def context_for(
    store: Store, triples: Sequence[ox.Triple], exclude_graphs: Collection[ox.NamedNode] = ()
) -> list[ox.Triple]:
    """What the shapes need from the KB to check ``triples``: the nodes they mention.

    For each IRI the submission mentions, its own triples in the KB (type, labels, scheme,
    a source's text and publication date), the terms of office of people and offices, the
    accounts of meetings (with their sources), and the statements of the same source,
    speaker and position (with their quote offsets), against which duplicates are found.
    Every lookup starts from a node of the submission, so the context grows with the
    submission, not with the KB. Graphs in ``exclude_graphs`` (those the submission
    replaces) are left out: what they hold now will be gone once it is written.
    """
    return Context(store, exclude_graphs).of(triples)


class Context:
    """``context_for`` from one store for the parts of one submission: each node's context
    is read once, whichever parts mention it (a batch's parts share the registry's people,
    offices and positions), and a node the store has in no triple is looked up no further.

    ``mentioned``, when given, holds every node the store may have (the others are not
    looked up); otherwise the store is asked.
    """

    def __init__(
        self,
        store: Store,
        exclude_graphs: Collection[ox.NamedNode] = (),
        mentioned: Collection[ox.NamedNode] | None = None,
    ) -> None:
        self.store = store
        self.exclude_graphs = list(exclude_graphs)
        self.mentioned = mentioned
        self._of: dict[ox.NamedNode, list[ox.Triple]] = {}  # a node's context, once read
        self._held: set[ox.NamedNode] = set()  # the nodes read that the store has

    def of(self, triples: Sequence[ox.Triple]) -> list[ox.Triple]:
        """The context of ``triples`` (see ``context_for``)."""
        nodes = named_nodes(triples)
        self._read(nodes.difference(self._of))
        held = nodes & self._held
        context = list(dict.fromkeys(t for node in held for t in self._of[node]))
        return context + _same_statements(self.store, triples, self._scoped, held)

    def _scoped(self, pattern: str) -> str:
        if not self.exclude_graphs:
            return f"{{ {pattern} }}"
        excluded = ", ".join(str(g) for g in self.exclude_graphs)
        return f"{{ GRAPH ?g {{ {pattern} }} FILTER (?g NOT IN ({excluded})) }}"

    def _read(self, nodes: set[ox.NamedNode]) -> None:
        for node in nodes:
            self._of[node] = []
        if self.mentioned is not None:
            nodes = nodes.intersection(self.mentioned)
        else:
            nodes = _mentioned(self.store, nodes)
        self._held |= nodes
        if not nodes:
            return
        # VALUES inside every branch: outside the UNION, Oxigraph evaluated each branch over
        # the whole KB first (55 ms at 10^5 statements against 3 ms; benchmarks/README.md).
        # A SELECT, not a CONSTRUCT: each row says which node it is the context of.
        bound = "VALUES ?s { " + " ".join(str(node) for node in nodes) + " } "
        # the KB's derived view is kb's own, never a submission's (the shapes refuse it in
        # drafts): left out by the engine, as a speaker's key of each topic and stance is one
        # row per source that quotes them (1,000 for the busiest at 10^5 statements)
        derived = ", ".join(str(p) for p in sorted(derived_properties(), key=str))
        scoped = self._scoped
        query = (
            sparql_prologue()
            + f"""
            SELECT ?s ?p ?o ?term ?tp ?to ?acct ?acctSource ?officeTerm
            WHERE {{
                {scoped(bound + f"?s ?p ?o FILTER (?p NOT IN ({derived}))")}
                UNION {scoped(bound + f"?term kb:holder ?s ; ?tp ?to FILTER (?tp NOT IN ({derived}))")}
                UNION {scoped(bound + "?acct kb:meeting ?s ; kb:source ?acctSource")}
                UNION {scoped(bound + "?officeTerm a kb:OfficeTerm ; kb:office ?s")}
            }}"""
        )
        for row in self.store.select(query).rows:
            term = cast("dict[str, Any]", row)
            node = term["s"]
            if "p" in term:
                found = [ox.Triple(node, term["p"], term["o"])]
            elif "term" in term:
                found = [ox.Triple(term["term"], term["tp"], term["to"])]
            elif "acct" in term:
                account = term["acct"]
                found = [
                    ox.Triple(account, RDF_TYPE, KB.MeetingAccount),
                    ox.Triple(account, KB.meeting, node),
                    ox.Triple(account, KB.source, term["acctSource"]),
                ]
            else:
                office_term = term["officeTerm"]
                found = [
                    ox.Triple(office_term, RDF_TYPE, KB.OfficeTerm),
                    ox.Triple(office_term, KB.office, node),
                ]
            self._of[node] += found


def _mentioned(store: Store, nodes: set[ox.NamedNode]) -> set[ox.NamedNode]:
    """Those of ``nodes`` the store has in any triple, as subject or object: every branch of
    the context starts from one of those. Most of a draft's nodes are its own new claims,
    evidence and selectors, which this one lookup each leaves out of the context's four."""
    if not nodes:
        return nodes
    values = " ".join(str(node) for node in nodes)
    rows = store.select(
        f"SELECT ?s WHERE {{ VALUES ?s {{ {values} }} "
        "FILTER (EXISTS { ?s ?p ?o } || EXISTS { ?x ?q ?s }) }"
    ).rows
    return {row["s"] for row in rows if isinstance(row["s"], ox.NamedNode)}


def named_nodes(triples: Iterable[ox.Triple]) -> set[ox.NamedNode]:
    """The IRIs the triples have as subject or object."""
    nodes: set[ox.NamedNode] = set()
    for subject, _, value in triples:  # a Triple's terms, each read once
        nodes.add(subject)  # type: ignore[arg-type]
        nodes.add(value)  # type: ignore[arg-type]
    return {node for node in nodes if isinstance(node, ox.NamedNode)}


def _same_statements(
    store: Store,
    triples: Sequence[ox.Triple],
    scoped: Callable[[str], str],
    mentioned: Collection[ox.NamedNode],
) -> list[ox.Triple]:
    """Statements in the KB with the source, speaker and position of a submitted statement
    (of those whose three the KB ``mentioned`` at all)."""
    by_subject: dict[ox.NamedNode, dict[ox.NamedNode, object]] = {}
    key = source, speaker, position = (KB.source, KB.speaker, KB.position)
    for subject, predicate, value in triples:  # a Triple's terms, each read once
        if predicate in key and isinstance(subject, ox.NamedNode):
            by_subject.setdefault(subject, {})[predicate] = value
    keys = {
        (fields[source], fields[speaker], fields[position])
        for fields in by_subject.values()
        if len(fields) == 3 and all(x in mentioned for x in fields.values())
    }
    if not keys:
        return []
    rows = " ".join(f"({source} {speaker} {position})" for source, speaker, position in keys)
    pattern = """?other a kb:Statement ; kb:source ?source ; kb:speaker ?speaker ;
                     kb:position ?position ;
                     kb:evidence ?evidence . ?evidence oa:hasSelector ?selector .
                 ?selector a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end ."""
    # VALUES inside the scoped group: outside GRAPH ?g, Oxigraph matched the pattern in every
    # graph first (the whole KB: seconds at 10^4 statements) and joined the keys afterwards.
    # A SELECT, its triples built here: Virtuoso 7.2 estimates this pattern under GRAPH ?g
    # sanely as a SELECT but spuriously as a CONSTRUCT ("The estimated execution time 0 (sec)
    # exceeds the limit of 400 (sec)", measured once its statistics have seen a build)
    query = (
        sparql_prologue()
        + f"""
        SELECT ?other ?source ?speaker ?position ?evidence ?selector ?start ?end
        WHERE {{
            {scoped(f"VALUES (?source ?speaker ?position) {{ {rows} }} " + pattern)}
        }}"""
    )
    found: list[ox.Triple] = []
    for row in store.select(query).rows:
        term = cast("dict[str, Any]", row)  # every variable is bound: the pattern binds them
        other, evidence, selector = term["other"], term["evidence"], term["selector"]
        found += [
            ox.Triple(other, RDF_TYPE, KB.Statement),
            ox.Triple(other, KB.source, term["source"]),
            ox.Triple(other, KB.speaker, term["speaker"]),
            ox.Triple(other, KB.position, term["position"]),
            ox.Triple(other, KB.evidence, evidence),
            ox.Triple(evidence, OA.hasSelector, selector),
            ox.Triple(selector, RDF_TYPE, OA.TextPositionSelector),
            ox.Triple(selector, OA.start, term["start"]),
            ox.Triple(selector, OA.end, term["end"]),
        ]
    return list(dict.fromkeys(found))  # a CONSTRUCT's graph: each triple once


def validate_submission(triples: Sequence[ox.Triple], context: Iterable[ox.Triple] = ()) -> Report:
    """Validate a submission with the context it needs; results only for the submission's nodes."""
    focus = {t.subject for t in triples if isinstance(t.subject, ox.NamedNode)}
    submitted = set(triples)
    return validate_triples(
        list(triples) + [t for t in context if t not in submitted], focus_nodes=focus
    )


__all__ = [
    "Report",
    "Violation",
    "Context",
    "context_for",
    "curie",
    "merged",
    "named_nodes",
    "prepare",
    "validate_store",
    "validate_submission",
    "validate_triples",
]
