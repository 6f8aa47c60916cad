"""The canonical form of a curated Turtle file (``ontology/registry.ttl``), comments kept.

The file is read as paragraphs separated by blank lines:

- the head (everything up to the last ``@prefix``) is kept as written;
- a paragraph of comments only is a heading: it stays where it is and opens a section;
- any other paragraph holds statements, with the comment lines written right above them.

Within a section, each subject's block is written in one form (``a`` and its types first, then
the predicates in ``PREDICATE_ORDER``, others after by IRI; the objects of a predicate sorted,
IRIs before literals, literals by language and text) and the blocks are sorted by subject,
except that a block with ``kb:holder`` (a term of office) comes right after its holder, so a
person stays followed by their terms. A block keeps the comment lines written above it.

>>> text = '''@prefix ex: <http://example.org/> .
...
... # Things
...
... ex:b ex:p "y"@en , "x"@en .
...
... # about a
... ex:a a ex:Thing .
... '''
>>> print(canonical_turtle(text), end="")
@prefix ex: <http://example.org/> .
<BLANKLINE>
# Things
<BLANKLINE>
# about a
ex:a a ex:Thing .
<BLANKLINE>
ex:b
    ex:p "x"@en ,
        "y"@en .
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

import pyoxigraph as ox

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
KB_HOLDER = "https://w3id.org/kb/ontology#holder"
# The reading order of a block: what it is, what it is called, what it belongs to, when, and
# where that comes from. Predicates not listed follow, sorted by IRI.
PREDICATE_ORDER = (
    "http://www.w3.org/2000/01/rdf-schema#label",
    "http://www.w3.org/2004/02/skos/core#prefLabel",
    "http://www.w3.org/2004/02/skos/core#altLabel",
    "https://w3id.org/kb/ontology#demonym",
    "https://w3id.org/kb/ontology#role",
    "https://w3id.org/kb/ontology#officeOf",
    "https://w3id.org/kb/ontology#actingFor",
    "https://w3id.org/kb/ontology#country",
    KB_HOLDER,
    "https://w3id.org/kb/ontology#office",
    "https://w3id.org/kb/ontology#start",
    "https://w3id.org/kb/ontology#end",
    "https://schema.org/sameAs",
    "https://w3id.org/kb/ontology#verification",
    "http://www.w3.org/ns/prov#wasDerivedFrom",
    "http://www.w3.org/2000/01/rdf-schema#seeAlso",
    "http://www.w3.org/2000/01/rdf-schema#comment",
    "https://w3id.org/kb/ontology#reviewStatus",
)
_PREFIX = re.compile(r"^@prefix\s+([A-Za-z][\w.-]*)?:\s*<([^>]*)>\s*\.\s*$")
_LOCAL = re.compile(r"^[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?$")
INDENT = "    "
# What may hold a "#" that is not a comment: IRIs and one-line strings.
_STRINGS_AND_IRIS = re.compile(r'<[^>]*>|"(?:[^"\\]|\\.)*"|\'(?:[^\'\\]|\\.)*\'')


class TurtleFormError(ValueError):
    """A Turtle file that the canonical form cannot take (blank nodes, a syntax error)."""


@dataclass
class _Block:
    subject: str
    comments: list[str]
    objects: dict[str, list[ox.NamedNode | ox.Literal]] = field(
        default_factory=lambda: defaultdict(list)
    )

    def key(self) -> tuple[str, int, str]:
        holders = self.objects.get(KB_HOLDER)
        if holders:
            return (holders[0].value, 1, self.subject)
        return (self.subject, 0, "")


def canonical_turtle(text: str) -> str:
    """The canonical form of a Turtle document (see the module's docstring)."""
    paragraphs = _paragraphs(text)
    head_end = max((n for n, p in enumerate(paragraphs) if _is_prefixes(p)), default=-1)
    head = paragraphs[: head_end + 1]
    prefixes = {
        m.group(1) or "": m.group(2)
        for p in head
        for line in p
        if (m := _PREFIX.match(line)) is not None
    }
    declared = "".join(line + "\n" for p in head for line in p if _PREFIX.match(line))
    out: list[str] = ["\n".join(p) for p in head]
    section: list[_Block] = []

    def close_section() -> None:
        out.extend(_render(b, prefixes) for b in sorted(section, key=_Block.key))
        section.clear()

    for paragraph in paragraphs[head_end + 1 :]:
        if all(line.lstrip().startswith("#") for line in paragraph):
            close_section()
            out.append("\n".join(paragraph))
            continue
        comments = [line.lstrip() for line in paragraph if line.lstrip().startswith("#")]
        body = [line for line in paragraph if not line.lstrip().startswith("#")]
        for line in body:
            if "#" in _STRINGS_AND_IRIS.sub("", line):
                raise TurtleFormError(
                    f"a comment at the end of a line ({line.strip()[:60]}): "
                    "put it on a line of its own above the statement"
                )
        section.extend(_blocks(declared + "\n".join(body), comments))
    close_section()
    return "\n\n".join(out) + "\n"


def _paragraphs(text: str) -> list[list[str]]:
    paragraphs: list[list[str]] = [[]]
    for line in text.splitlines():
        line = line.rstrip()
        if line:
            paragraphs[-1].append(line)
        elif paragraphs[-1]:
            paragraphs.append([])
    return [p for p in paragraphs if p]


def _is_prefixes(paragraph: list[str]) -> bool:
    return any(_PREFIX.match(line) for line in paragraph)


def _blocks(turtle: str, comments: list[str]) -> list[_Block]:
    try:
        triples = list(ox.parse(turtle, format=ox.RdfFormat.TURTLE))
    except SyntaxError as error:
        raise TurtleFormError(f"cannot read the statement: {error}") from error
    blocks: dict[str, _Block] = {}
    for t in triples:
        if not isinstance(t.subject, ox.NamedNode) or isinstance(t.object, ox.BlankNode):
            raise TurtleFormError(f"blank nodes have no canonical form here: {t}")
        block = blocks.get(t.subject.value)
        if block is None:
            block = blocks[t.subject.value] = _Block(
                t.subject.value, comments if not blocks else []
            )
        assert isinstance(t.object, ox.NamedNode | ox.Literal)
        block.objects[t.predicate.value].append(t.object)
    return list(blocks.values())


def _render(block: _Block, prefixes: dict[str, str]) -> str:
    predicates = sorted(
        block.objects,
        key=lambda p: (
            p != RDF_TYPE,
            PREDICATE_ORDER.index(p) if p in PREDICATE_ORDER else len(PREDICATE_ORDER),
            p,
        ),
    )
    lines = []
    for p in predicates:
        objects = [_term(o, prefixes) for o in sorted(set(block.objects[p]), key=_object_key)]
        if p == RDF_TYPE:
            lines.append("a " + " , ".join(objects))
        else:
            lines.append(_term(ox.NamedNode(p), prefixes) + " " + f" ,\n{INDENT * 2}".join(objects))
    subject = _term(ox.NamedNode(block.subject), prefixes)
    statement = subject + " " + f" ;\n{INDENT}".join(lines) + " ."
    if lines and not lines[0].startswith("a "):
        statement = subject + f"\n{INDENT}" + f" ;\n{INDENT}".join(lines) + " ."
    return "\n".join([*block.comments, statement])


def _object_key(term: ox.NamedNode | ox.Literal) -> tuple[int, str, str, str]:
    if isinstance(term, ox.NamedNode):
        return (0, "", term.value, "")
    return (1, term.language or "", term.value, term.datatype.value)


def _term(term: ox.NamedNode | ox.Literal, prefixes: dict[str, str]) -> str:
    if isinstance(term, ox.Literal):
        if term.language or term.datatype.value == "http://www.w3.org/2001/XMLSchema#string":
            return str(term)
        quoted = str(ox.Literal(term.value))
        return quoted + "^^" + _term(term.datatype, prefixes)
    best = max(
        (
            (len(ns), name)
            for name, ns in prefixes.items()
            if term.value.startswith(ns) and _LOCAL.match(term.value[len(ns) :])
        ),
        default=None,
    )
    if best is None:
        return str(term)
    name = best[1]
    return f"{name}:{term.value[len(prefixes[name]) :]}"
