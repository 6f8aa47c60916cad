"""Check claims against the SHACL shapes of ontology/shapes.ttl, and report.

The shapes are plain SHACL and SHACL-SPARQL, so any SHACL engine can run them. kb runs
the core constraints with pyshacl and the SHACL-SPARQL constraints itself on pyoxigraph,
one query per constraint over all focus nodes at once (pyshacl runs them one focus node at
a time through rdflib's SPARQL engine, which took 19 s of a 20 s check of the seed KB).

A submission is validated together with just the context it references (the types,
labels, terms of office and sources of the nodes it points to), never the whole KB, so
checking one claim costs the same whatever the size of the KB.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from functools import lru_cache

import pyoxigraph as ox
import rdflib
from pyshacl import validate as shacl_validate

from .namespaces import MODEL_GRAPHS, sparql_prologue
from .rdfconv import to_rdflib
from .resources import ONTOLOGY_DIR
from .store import Store

SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
_THIS = re.compile(r"\$this\b")
_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)


@dataclass(frozen=True)
class Violation:
    """One broken rule: which node, which property, which value, and what to do."""

    focus: str
    path: str | None
    value: str | None
    message: str
    severity: str
    shape: str

    def line(self) -> str:
        where = self.focus + (f" {self.path}" if self.path else "")
        value = f" (value: {self.value})" if self.value is not None else ""
        return f"{self.severity}: {where}{value}: {self.message}"


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
    graph = rdflib.Graph()
    graph.parse(ONTOLOGY_DIR / MODEL_GRAPHS["shapes"], format="turtle")
    return graph


@lru_cache(maxsize=1)
def core_shapes_graph() -> rdflib.Graph:
    """The shapes without their SHACL-SPARQL constraints, which kb runs itself."""
    core = rdflib.Graph()
    for triple in shapes_graph():
        if triple[1] != SH.sparql:
            core.add(triple)
    return core


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


def _curie(term: object) -> str | None:
    if term is None:
        return None
    if isinstance(term, (rdflib.URIRef, ox.NamedNode)):
        return "<" + (term.value if isinstance(term, ox.NamedNode) else str(term)) + ">"
    text = term.value if isinstance(term, ox.Literal) else str(term)
    return repr(text)[:120]


def validate_triples(
    triples: Iterable[ox.Triple], focus_nodes: Sequence[ox.NamedNode] | None = None
) -> Report:
    """Validate ``triples`` (claims plus any context they need).

    With ``focus_nodes``, only those nodes are checked: the rest is context.
    """
    triples = list(triples)
    data = to_rdflib(triples)
    memory = ox.Store()
    memory.extend(ox.Quad(t.subject, t.predicate, t.object) for t in triples)
    focus_iris = [str(node) for node in focus_nodes] if focus_nodes is not None else None
    return _validate(data, memory, focus_iris, focus_nodes)


def validate_store(store: Store) -> Report:
    """Validate everything in a store (the union of its graphs)."""
    triples = [q.triple for q in store.quads()]
    return validate_triples(triples)


def _validate(
    data: rdflib.Graph,
    memory: ox.Store,
    focus_iris: Sequence[str] | None,
    focus_nodes: Sequence[ox.NamedNode] | None,
) -> Report:
    focus = [rdflib.URIRef(n.value) for n in focus_nodes] if focus_nodes is not None else None
    if focus is not None and not focus:
        return Report(True, [], rdflib.Graph())
    _, report_graph, _ = shacl_validate(
        data,
        shacl_graph=core_shapes_graph(),
        inference="none",
        abort_on_first=False,
        allow_warnings=True,
        focus_nodes=focus,
    )
    violations = [_from_report(report_graph, result) for result in report_graph.subjects(rdflib.RDF.type, SH.ValidationResult)]
    for constraint in sparql_constraints():
        for solution in memory.query(constraint.query(focus_iris)):
            violation = Violation(
                focus=_curie(solution["this"]) or "?",
                path=None,
                value=_curie(solution["value"]) if "value" in [v.value for v in solution_vars(solution)] else None,
                message=constraint.message,
                severity="Violation",
                shape=_curie(constraint.shape) or "?",
            )
            violations.append(violation)
            _add_result(report_graph, violation, constraint, solution)
    violations.sort(key=lambda v: (v.focus, v.path or "", v.message))
    conforms = not any(v.severity == "Violation" for v in violations)
    report_graph.set((_report_node(report_graph), SH.conforms, rdflib.Literal(conforms)))
    return Report(conforms, violations, report_graph)


def solution_vars(solution: ox.QuerySolution) -> list[ox.Variable]:
    return [ox.Variable(name) for name in ("this", "value") if solution[name] is not None]


def _from_report(report_graph: rdflib.Graph, result: rdflib.term.Node) -> Violation:
    def get(p: rdflib.URIRef) -> object:
        return report_graph.value(result, p)

    return Violation(
        focus=_curie(get(SH.focusNode)) or "?",
        path=_curie(get(SH.resultPath)),
        value=_curie(get(SH.value)),
        message=str(get(SH.resultMessage) or "constraint violated"),
        severity=str(get(SH.resultSeverity)).rsplit("#", 1)[-1],
        shape=_curie(get(SH.sourceShape)) or "?",
    )


def _report_node(report_graph: rdflib.Graph) -> rdflib.term.Node:
    node = report_graph.value(predicate=rdflib.RDF.type, object=SH.ValidationReport)
    if node is None:
        node = rdflib.BNode()
        report_graph.add((node, rdflib.RDF.type, SH.ValidationReport))
    return node


def _add_result(
    report_graph: rdflib.Graph, violation: Violation, constraint: SparqlConstraint, solution: ox.QuerySolution
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
    value = solution["value"]
    if isinstance(value, ox.NamedNode):
        report_graph.add((result, SH.value, rdflib.URIRef(value.value)))
    elif isinstance(value, ox.Literal):
        report_graph.add((result, SH.value, rdflib.Literal(value.value)))


def context_for(store: Store, triples: Sequence[ox.Triple]) -> list[ox.Triple]:
    """What the shapes need from the KB to check ``triples``: the nodes they reference.

    For each IRI the submission points to but does not describe, its own triples (type,
    labels, scheme, a source's text and publication date), plus the terms of office of
    referenced people and offices, and the accounts of referenced meetings.
    """
    described = {t.subject for t in triples}
    referenced = {
        t.object for t in triples if isinstance(t.object, ox.NamedNode) and t.object not in described
    }
    if not referenced:
        return []
    values = " ".join(str(node) for node in referenced)
    query = sparql_prologue() + f"""
        CONSTRUCT {{ ?s ?p ?o . ?term ?tp ?to . ?acct kb:meeting ?s .
                    ?officeTerm a kb:OfficeTerm ; kb:office ?s . }}
        WHERE {{
            VALUES ?s {{ {values} }}
            {{ ?s ?p ?o }}
            UNION {{ ?term kb:holder ?s ; ?tp ?to }}
            UNION {{ ?acct kb:meeting ?s }}
            UNION {{ ?officeTerm a kb:OfficeTerm ; kb:office ?s }}
        }}"""
    return store.construct(query)


def validate_submission(triples: Sequence[ox.Triple], context: Iterable[ox.Triple] = ()) -> Report:
    """Validate a submission with the context it needs; results only for the submission's nodes."""
    focus = sorted({t.subject for t in triples if isinstance(t.subject, ox.NamedNode)}, key=str)
    return validate_triples(list(triples) + list(context), focus_nodes=focus)
