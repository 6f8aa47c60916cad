"""The IRIs kb mints and the standard vocabularies it reuses."""

from __future__ import annotations

from pyoxigraph import NamedNode

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
        return NamedNode(self.base + local)

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
