"""Ontology documentation generated from the ontology itself (``kb docs -o docs/ontology.md``).

Everything comes from ``ontology/`` (classes and properties of ``kb.ttl``, the SHACL shapes
of ``shapes.ttl``, the concept schemes of ``positions.ttl`` and ``stances.ttl``) and from
the compiled seeds (one example of each kind of claim), so the page cannot drift from the
model: ``tests/test_docs.py`` fails, with the command to regenerate it, when it does.
The output is deterministic: everything is sorted, nothing depends on the clock.
"""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox
from rdflib import RDF, RDFS, SH, SKOS, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL
from rdflib.term import Node

from .namespaces import PREFIXES, curie
from .resources import ONTOLOGY_DIR

KB = PREFIXES["kb"]
SHAPES = "https://w3id.org/kb/shapes#"
ONTOLOGY = URIRef("https://w3id.org/kb/ontology")
DERIVED_PROPERTY = URIRef(KB + "DerivedProperty")
EXAMPLE_CLAIMS = ("m1", "s1")  # of the first seed article: a meeting account and a stated position
TEXT_PREVIEW = 120


def _derived_view(model: Graph, properties: list[Node]) -> list[str]:
    """The section on the derived view: what it is, how queries use it, its properties."""
    return [
        "## Derived view (not claims)",
        "",
        _en(model, DERIVED_PROPERTY, RDFS.comment),
        "",
        "Its definition is data: the CONSTRUCT queries of `ontology/views/` (kb.view), run over "
        "one source graph at a time. A query reads it like any other triple, since queries see "
        "the union of the graphs: `?statement kb:quote ?quote` instead of "
        "`?statement kb:evidence/oa:hasSelector/oa:exact ?quote`. A sorted listing whose "
        "first ORDER BY key is a claim's date declares `# stream-by: ?sortMonth kb:sortMonth` "
        "(the months the bucket list graph:view/buckets holds) and reads "
        "`?claim kb:sortMonth ?sortMonth`; `kb query` then prints it month by month (kb.queries). "
        "A listing whose key is computed over several claims (a meeting's date, over all its "
        "accounts) also declares where a bucket's rows come from, "
        "`# bucket-keys: ?meeting ?account kb:meeting ?meeting ; kb:sortMonth ?sortMonth` (the "
        "meetings of a month are among those with an account in it) and a row's month "
        "(`# bucket-of:`, from the meeting's date); the listing of sources streams by "
        "`kb:publishedMonth`, and the disagreements by the start of the meeting's IRI (the value "
        "`kb:meetingBucket` holds, computed in the query) of the meetings whose accounts differ: "
        "those with more than one `kb:accountDigest`, found by one scan, the only meetings whose "
        "accounts the disagreement listings compare. No shipped query reads `kb:meetingBucket` "
        "any more; it stays in the view for queries of one's own. "
        "The listings sorted by a count stream largest count first (`# stream-by: DESC(?n) "
        "PATTERN`) and count from the view where the count would otherwise join several "
        "properties over every claim: positions-by-topic-and-stance by the key "
        "`kb:positionStance` (on the statement, its speaker and its source), who-met-whom by "
        "each meeting's `kb:attendee` (the people all its accounts name). "
        "A draft never gives a derived property: `kb add` and `kb validate` refuse a file that does, and the shape "
        "`kbsh:NotDerivedShape` refuses one wherever validation meets it.",
        "",
        *_table(
            ["property", "range", "description"],
            [
                [_c(p), _c(model.value(p, RDFS.range)), _en(model, p, RDFS.comment)]
                for p in properties
            ],
        ),
    ]


def _graph(*names: str) -> Graph:
    graph = Graph()
    for name in names:
        graph.parse(ONTOLOGY_DIR / name, format="turtle")
    return graph


def _c(term: object) -> str:
    """A term in a Markdown cell: CURIE in code, literal as text."""
    if isinstance(term, URIRef) and str(term).startswith(SHAPES):
        return f"`kbsh:{str(term)[len(SHAPES) :]}`"
    if isinstance(term, URIRef):
        return f"`{curie(str(term))}`"
    if isinstance(term, Literal):
        return _cell(str(term))
    return "—"


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _en(graph: Graph, subject: Node, predicate: URIRef) -> str:
    values = [o for o in graph.objects(subject, predicate) if isinstance(o, Literal)]
    english = [v for v in values if v.language in ("en", None)]
    return _cell(str(sorted(english or values)[0])) if values else ""


def _sorted(terms: Iterable[Node]) -> list[Node]:
    return sorted(terms, key=lambda t: curie(str(t)))


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join(row) + " |" for row in rows]
    return out


def _shape_value(shapes: Graph, shape: Node) -> str:
    """What a property shape allows, in a few words."""
    parts = []
    for predicate, word in ((SH["class"], "class"), (SH.datatype, "datatype"), (SH.node, "node")):
        parts += [f"{word} {_c(o)}" for o in _sorted(shapes.objects(shape, predicate))]
    for predicate, word in ((SH["in"], "one of"), (SH["or"], "any of")):
        for head in shapes.objects(shape, predicate):
            items = []
            for item in Collection(shapes, head):
                items.append(_shape_value(shapes, item) if isinstance(item, BNode) else _c(item))
            parts.append(f"{word} ({', '.join(items)})")
    for pattern in shapes.objects(shape, SH.pattern):
        parts.append(f"pattern `{pattern}`")
    return "; ".join(parts) or "—"


def _count(shapes: Graph, shape: Node) -> str:
    low = shapes.value(shape, SH.minCount)
    high = shapes.value(shape, SH.maxCount)
    return f"{low or 0}..{high or '*'}"


def _shape_rows(shapes: Graph, node_shape: Node) -> list[list[str]]:
    rows = []
    for prop in shapes.objects(node_shape, SH.property):
        path = shapes.value(prop, SH.path)
        rows.append(
            [
                _c(path),
                _count(shapes, prop),
                _shape_value(shapes, prop),
                _cell(str(shapes.value(prop, SH.message) or "")),
            ]
        )
    return sorted(rows)


def _turtle(triples: list[ox.Triple]) -> list[str]:
    """A small, stable Turtle rendering: subjects and predicates sorted, long text shortened."""
    by_subject: dict[str, list[tuple[str, str]]] = {}
    for t in triples:
        obj = t.object
        if isinstance(obj, ox.NamedNode):
            text = curie(obj.value)
        elif isinstance(obj, ox.Literal) and len(obj.value) > TEXT_PREVIEW:
            text = str(ox.Literal(obj.value[:TEXT_PREVIEW] + " …"))
        elif (
            isinstance(obj, ox.Literal)
            and obj.datatype.value.startswith(PREFIXES["xsd"])
            and not obj.language
        ):
            kind = curie(obj.datatype.value)
            text = str(ox.Literal(obj.value)) + ("" if kind == "xsd:string" else f"^^{kind}")
        else:
            text = str(obj)
        predicate = "a" if t.predicate.value == str(RDF.type) else curie(t.predicate.value)
        subject = t.subject.value if isinstance(t.subject, ox.NamedNode) else str(t.subject)
        by_subject.setdefault(curie(subject), []).append((predicate, text))
    out = []
    for subject in sorted(by_subject):
        pairs = sorted(by_subject[subject], key=lambda p: (p[0] != "a", p))
        lines = [f"    {p} {o}" for p, o in pairs]
        out.append(subject + "\n" + " ;\n".join(lines) + " .")
    return ["```turtle", "\n\n".join(out), "```"]


def _examples() -> dict[str, list[ox.Triple]]:
    """One seed source, its first meeting account and first stated position, with their parts."""
    from .kbase import compile_seeds

    first = compile_seeds()[0]
    claim_base = PREFIXES["claim"] + first.source_id + "/"
    examples = {"kb:Source": [t for t in first.triples if t.subject == first.iri]}
    for local, cls in zip(EXAMPLE_CLAIMS, ("kb:MeetingAccount", "kb:Statement"), strict=True):
        root = claim_base + local
        examples[cls] = [
            t
            for t in first.triples
            if isinstance(t.subject, ox.NamedNode)
            and (t.subject.value == root or t.subject.value.startswith(root + "/"))
        ]
    return examples


def ontology_markdown() -> str:
    """The documentation page, as Markdown."""
    model = _graph("kb.ttl")
    shapes = _graph("shapes.ttl")
    schemes = _graph("positions.ttl", "stances.ttl")
    examples = _examples()
    version = model.value(ONTOLOGY, OWL.versionInfo)
    out = [
        "# The kb ontology",
        "",
        "<!-- Generated from ontology/*.ttl by `kb docs -o docs/ontology.md`; do not edit -->",
        "",
        f"**{_en(model, ONTOLOGY, RDFS.label)}** (version {version}): "
        f"{_en(model, ONTOLOGY, RDFS.comment)}",
        "",
        "Namespace prefixes used below (`kbsh:` is `" + SHAPES + "`, the shapes):",
        "",
        *_table(["prefix", "namespace"], [[f"`{p}:`", f"`{iri}`"] for p, iri in PREFIXES.items()]),
        "",
        "## Classes",
        "",
    ]
    classes = _sorted(
        s
        for s in model.subjects(RDF.type, OWL.Class)
        if str(s).startswith(KB) and s != DERIVED_PROPERTY
    )
    derived = _sorted(model.subjects(RDF.type, DERIVED_PROPERTY))
    out += _table(
        ["class", "label", "what it is"],
        [
            [
                f"[{_c(c)}](#{curie(str(c)).replace(':', '').lower()})",
                _en(model, c, RDFS.label),
                _en(model, c, RDFS.comment),
            ]
            for c in classes
        ],
    )
    documented: set[Node] = set()
    for cls in classes:
        name = curie(str(cls))
        out += ["", f"### {name}", "", _en(model, cls, RDFS.comment), ""]
        parents = _sorted(model.objects(cls, RDFS.subClassOf))
        if parents:
            out += ["Subclass of " + ", ".join(_c(p) for p in parents) + ".", ""]
        props = _sorted(model.subjects(RDFS.domain, cls))
        documented.update(props)
        if props:
            out += ["Properties:", ""]
            out += _table(
                ["property", "range", "description"],
                [
                    [_c(p), _c(model.value(p, RDFS.range)), _en(model, p, RDFS.comment)]
                    for p in props
                ],
            )
            out.append("")
        for shape in _sorted(shapes.subjects(SH.targetClass, cls)):
            out += [f"Shape {_c(shape)}: every {name} must satisfy", ""]
            out += _table(["path", "count", "value", "message"], _shape_rows(shapes, shape))
            rules = sorted(
                _cell(str(shapes.value(rule, SH.message) or ""))
                for rule in shapes.objects(shape, SH.sparql)
            )
            if rules:
                out += ["", "and the rules (SHACL-SPARQL):", ""] + [f"- {r}" for r in rules]
            out.append("")
        if name in examples:
            out += [
                "Example, from the seeds (prefixes as above):",
                "",
                *_turtle(examples[name]),
                "",
            ]
    others = [
        p
        for p in _sorted(model.subjects(RDF.type, OWL.ObjectProperty))
        + _sorted(model.subjects(RDF.type, OWL.DatatypeProperty))
        if p not in documented and p not in derived and str(p).startswith(KB)
    ]
    out += ["## Other properties", ""]
    out += _table(
        ["property", "domain", "range", "description"],
        [
            [
                _c(p),
                _c(model.value(p, RDFS.domain)),
                _c(model.value(p, RDFS.range)),
                _en(model, p, RDFS.comment),
            ]
            for p in others
        ],
    )
    out += ["", *_derived_view(model, derived)]
    out += ["", "## Concept schemes", ""]
    for scheme in _sorted(schemes.subjects(RDF.type, SKOS.ConceptScheme)):
        out += [
            f"### {_en(schemes, scheme, SKOS.prefLabel)} ({_c(scheme)})",
            "",
            _en(schemes, scheme, RDFS.comment),
            "",
        ]
        concepts = _sorted(schemes.subjects(SKOS.inScheme, scheme))
        out += _table(
            ["concept", "label", "broader", "definition"],
            [
                [
                    _c(c),
                    _en(schemes, c, SKOS.prefLabel),
                    ", ".join(_c(b) for b in _sorted(schemes.objects(c, SKOS.broader))) or "—",
                    _en(schemes, c, SKOS.definition),
                ]
                for c in concepts
            ],
        )
        out.append("")
    return "\n".join(out).rstrip() + "\n"
