"""The IRIs kb mints and the standard vocabularies it reuses."""

from __future__ import annotations

import re
from collections.abc import Iterable

from pyoxigraph import NamedNode, Triple

BASE = "https://w3id.org/kb/"

PREFIXES: dict[str, str] = {
    "kb": BASE + "ontology#",
    "ent": BASE + "entity/",
    "office": BASE + "office/",
    "term": BASE + "term/",
    "pos": BASE + "position/",
    "stance": BASE + "stance/",
    "mtg": BASE + "meeting/",
    "src": BASE + "source/",
    "claim": BASE + "claim/",
    "graph": BASE + "graph/",
    "schema": "https://schema.org/",
    "prov": "http://www.w3.org/ns/prov#",
    "oa": "http://www.w3.org/ns/oa#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "time": "http://www.w3.org/2006/time#",
    "org": "http://www.w3.org/ns/org#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "sh": "http://www.w3.org/ns/shacl#",
    "wd": "http://www.wikidata.org/entity/",
}


class Namespace:
    """Mints NamedNodes under one prefix: ``KB.Statement``, ``KB["dateBasis"]``."""

    def __init__(self, base: str) -> None:
        self.base = base

    def __getattr__(self, local: str) -> NamedNode:
        if local.startswith("__"):
            raise AttributeError(local)
        node = NamedNode(self.base + local)
        setattr(self, local, node)  # minted once: the next ``KB.x`` is a plain attribute
        return node

    def __getitem__(self, local: str) -> NamedNode:
        return NamedNode(self.base + local)


KB = Namespace(PREFIXES["kb"])
ENT = Namespace(PREFIXES["ent"])
OFFICE = Namespace(PREFIXES["office"])
POS = Namespace(PREFIXES["pos"])
STANCE = Namespace(PREFIXES["stance"])
MTG = Namespace(PREFIXES["mtg"])
SRC = Namespace(PREFIXES["src"])
CLAIM = Namespace(PREFIXES["claim"])
GRAPH = Namespace(PREFIXES["graph"])
SCHEMA = Namespace(PREFIXES["schema"])
PROV = Namespace(PREFIXES["prov"])
OA = Namespace(PREFIXES["oa"])
SKOS = Namespace(PREFIXES["skos"])
DCTERMS = Namespace(PREFIXES["dcterms"])
RDF = Namespace(PREFIXES["rdf"])
RDFS = Namespace(PREFIXES["rdfs"])
XSD = Namespace(PREFIXES["xsd"])

RDF_TYPE = RDF.type

# What counts as a claim: the nodes a user adds, retracts, and a shape reports against.
CLAIM_TYPES = (KB.Statement, KB.MeetingAccount)


def claims_in(triples: Iterable[Triple]) -> set[NamedNode]:
    """The claims typed in these triples."""
    return {
        t.subject
        for t in triples
        if t.predicate == RDF_TYPE and t.object in CLAIM_TYPES and isinstance(t.subject, NamedNode)
    }


def curie(iri: str) -> str:
    """``kb:speaker`` for an IRI under a known prefix, ``<iri>`` otherwise.

    >>> curie("https://w3id.org/kb/entity/iran"), curie("https://example.org/x")
    ('ent:iran', '<https://example.org/x>')
    """
    for prefix, base in PREFIXES.items():
        if iri.startswith(base) and re.fullmatch(r"[\w.-]+(/[\w.-]+)*", iri[len(base) :]):
            return f"{prefix}:{iri[len(base) :]}"
    return f"<{iri}>"


def expand(text: str, default: str | None = None) -> NamedNode:
    """An IRI from a CURIE (``ent:iran``), ``<full IRI>``, a full IRI, or a bare id under
    ``default``; ValueError for anything else.

    >>> expand("ent:iran").value, expand("iran", PREFIXES["ent"]).value
    ('https://w3id.org/kb/entity/iran', 'https://w3id.org/kb/entity/iran')
    """
    text = text.strip()
    if text.startswith("<") and text.endswith(">"):
        return NamedNode(text[1:-1])
    prefix, colon, rest = text.partition(":")
    if colon and prefix in PREFIXES:
        return NamedNode(PREFIXES[prefix] + rest)
    if colon and rest.startswith("//"):
        return NamedNode(text)
    if default is not None:
        return NamedNode(default + text)
    raise ValueError("write a CURIE such as ent:iran or a full IRI in <...>")


def local(iri: NamedNode | str) -> str:
    """The last path segment of an IRI: ``iran`` for ``ent:iran``, the id of a source."""
    value = iri.value if isinstance(iri, NamedNode) else iri
    return value.rstrip("/").rsplit("/", 1)[-1]


def sparql_prologue() -> str:
    """PREFIX declarations for every namespace above, for queries kb writes itself."""
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())


def source_graph(source_id: str) -> NamedNode:
    """The named graph that holds one source and every claim read from it."""
    return GRAPH["source/" + source_id]


# Graphs that hold the model rather than claims, each loaded from one file of ontology/.
MODEL_GRAPHS: dict[str, str] = {
    "ontology": "kb.ttl",
    "shapes": "shapes.ttl",
    "registry": "registry.ttl",
    "positions": "positions.ttl",
    "stances": "stances.ttl",
}
