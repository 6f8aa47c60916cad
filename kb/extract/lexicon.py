"""Curated data, loaded once: per-language cue words (ontology/lexicons/<lang>.yaml), the
registry's labels (people, countries, places, organisations, offices, terms of office) and
the concept schemes' cue phrases (ontology/positions.ttl, ontology/stances.ttl).

Everything is compiled into one phrase index per language: a dictionary from token tuples
to what they signal, looked up once per token of an article.
"""

from __future__ import annotations

import fnmatch
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import cache, lru_cache
from typing import Any

import yaml

from ..dates import parse_partial
from ..errors import InputError
from ..resources import ONTOLOGY_DIR

LEXICON_DIR = ONTOLOGY_DIR / "lexicons"
# The languages kb reads: one lexicon file each (``_common.yaml`` is shared by all).
LANGUAGES = tuple(sorted(p.stem for p in LEXICON_DIR.glob("*.yaml") if not p.stem.startswith("_")))

# The lists of a language file that become phrase kinds of the index.
LIST_KINDS = (
    "speech_verbs",
    "addressed_verbs",
    "complementizers",
    "pronouns",
    "first_person",
    "turn_markers",
    "both_sides",
    "counterpart",
    "meeting_triggers",
    "weak_triggers",
    "with_markers",
    "not_with",
    "conjunctions",
    "stopwords",
    "discussion_verbs",
    "impersonal_speech",
    "sides",
    "nominal_speech",
    "background_markers",
    "honorifics",
    "group_references",
    "multilateral_markers",
    "separate_markers",
    "not_meeting",
    "remote_markers",
    "joint_triggers",
    "agent_markers",
    "delegation_markers",
)


@cache
def language_lexicon(language: str) -> dict[str, Any]:
    path = LEXICON_DIR / f"{language}.yaml"
    if not path.exists():
        path = LEXICON_DIR / "en.yaml"
    return _load(path)


def script_of_language(language: str) -> str | None:
    """The script a language is written in (its lexicon's ``script:``): latin, cyrillic, arabic."""
    if language not in LANGUAGES:
        return None
    script = language_lexicon(language).get("script")
    return str(script) if script else None


def _load(path: Any) -> dict[str, Any]:
    try:
        with open(path, encoding="utf-8") as handle:
            data = yaml.safe_load(handle)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise InputError(f"{path}: cannot read the lexicon: {error}".replace("\n", " ")) from error
    if not isinstance(data, dict):
        raise InputError(f"{path}: cannot read the lexicon: expected a mapping")
    return data


# -- the registry ------------------------------------------------------------------------


@dataclass
class Entity:
    id: str
    kind: str  # person, country, place, organization, media, office
    label: str
    country: str | None = None
    office_of: str | None = None
    role: str | None = None  # an office's kb:role ("minister-of-defence")


@dataclass
class Term:
    holder: str
    office: str
    start: date | None
    end: date | None

    def covers(self, earliest: date | None, latest: date | None) -> bool:
        return (self.start is None or latest is None or self.start <= latest) and (
            self.end is None or earliest is None or earliest <= self.end
        )


@dataclass
class Model:
    """The registry and concept schemes as plain Python lookups."""

    entities: dict[str, Entity] = field(default_factory=dict)
    labels: list[tuple[str, str, str]] = field(default_factory=list)  # (text, language, entity id)
    demonyms: list[tuple[str, str, str]] = field(
        default_factory=list
    )  # (text, language, country id)
    terms_by_office: dict[str, list[Term]] = field(default_factory=lambda: defaultdict(list))
    terms_by_holder: dict[str, list[Term]] = field(default_factory=lambda: defaultdict(list))
    cues: list[tuple[str, str, str, str]] = field(
        default_factory=list
    )  # (scheme, concept, language, text)
    broader: dict[str, str] = field(default_factory=dict)
    default_stance: dict[str, str] = field(default_factory=dict)  # position -> stance
    admits_stance: dict[str, set[str]] = field(default_factory=dict)  # position -> stances
    government_of: dict[str, str] = field(default_factory=dict)  # country id -> organisation id

    def offices_for(self, country: str | None, patterns: list[str]) -> list[str]:
        """Office ids of a country whose role (kb:role) matches a pattern."""
        found = []
        for pattern in patterns:
            for entity in self.entities.values():
                if entity.kind != "office" or (country and entity.office_of != country):
                    continue
                if fnmatch.fnmatchcase(entity.role or "", pattern) and entity.id not in found:
                    found.append(entity.id)
        return found

    def fills_role(self, office: str, patterns: list[str]) -> bool:
        """Whether an office's role matches one of the patterns of a role noun."""
        found = self.entities.get(office)
        role = found.role if found is not None else None
        return role is not None and any(fnmatch.fnmatchcase(role, p) for p in patterns)

    def holders(self, office: str, earliest: date | None, latest: date | None) -> list[str]:
        return [
            t.holder for t in self.terms_by_office.get(office, []) if t.covers(earliest, latest)
        ]

    def offices_held(self, person: str, earliest: date | None, latest: date | None) -> list[str]:
        return [
            t.office for t in self.terms_by_holder.get(person, []) if t.covers(earliest, latest)
        ]

    def term_bounds(self, person: str, office: str) -> list[Term]:
        return [t for t in self.terms_by_holder.get(person, []) if t.office == office]


_KINDS = {
    "https://schema.org/Person": "person",
    "https://schema.org/Country": "country",
    "https://w3id.org/kb/ontology#Place": "place",
    "https://schema.org/Organization": "organization",
    "https://schema.org/NewsMediaOrganization": "media",
    "https://w3id.org/kb/ontology#Office": "office",
}
_RANK = ["organization", "place", "country", "office", "person", "media"]


@lru_cache(maxsize=1)
def model() -> Model:
    """The registry and concept schemes of ontology/, read once."""
    from ..model import model_graphs
    from ..namespaces import GRAPH, KB, PREFIXES, RDF_TYPE, RDFS, SKOS

    graphs = model_graphs()
    out = Model()
    registry: list[Any] = graphs[GRAPH["registry"]]
    kinds: dict[str, str] = {}
    props: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
    for t in registry:
        props[t.subject.value][t.predicate.value].append(t.object)
        if t.predicate == RDF_TYPE and t.object.value in _KINDS:
            kind = _KINDS[t.object.value]
            previous = kinds.get(t.subject.value)
            if previous is None or _RANK.index(kind) > _RANK.index(previous):
                kinds[t.subject.value] = kind
    ent, office_ns = PREFIXES["ent"], PREFIXES["office"]

    def local(iri: str) -> str:
        return iri.rsplit("/", 1)[-1]

    for iri, kind in kinds.items():
        p = props[iri]
        english = [o.value for o in p[RDFS.label.value]]
        country = p.get(KB.country.value) or p.get(KB.officeOf.value)
        entity = Entity(
            local(iri),
            kind,
            english[0] if english else local(iri),
            country=local(country[0].value) if country else None,
            office_of=local(p[KB.officeOf.value][0].value) if p.get(KB.officeOf.value) else None,
            role=p[KB.role.value][0].value if p.get(KB.role.value) else None,
        )
        if kind == "country":
            entity.country = entity.id
        out.entities[entity.id] = entity
        for predicate in (RDFS.label, SKOS.prefLabel, SKOS.altLabel):
            for label in p.get(predicate.value, []):
                out.labels.append((label.value, label.language or "en", entity.id))
        for label in p.get(KB.demonym.value, []):
            out.demonyms.append((label.value, label.language or "en", entity.id))
    for entity in out.entities.values():
        if (
            entity.kind == "organization"
            and entity.id.startswith("government-of-")
            and entity.country
        ):
            out.government_of[entity.country] = entity.id
    for p in props.values():
        if KB.holder.value in p and KB.office.value in p:
            start = p.get(KB.start.value)
            end = p.get(KB.end.value)
            term = Term(
                local(p[KB.holder.value][0].value),
                local(p[KB.office.value][0].value),
                parse_partial(start[0].value[:10])[0] if start else None,
                parse_partial(end[0].value[:10])[1] if end else None,
            )
            out.terms_by_office[term.office].append(term)
            out.terms_by_holder[term.holder].append(term)
    del ent, office_ns
    for scheme in ("positions", "stances"):
        triples: list[Any] = graphs[GRAPH[scheme]]
        for t in triples:
            if t.predicate == KB.cue:
                out.cues.append(
                    (scheme, local(t.subject.value), t.object.language or "en", t.object.value)
                )
            elif t.predicate == SKOS.broader:
                out.broader[local(t.subject.value)] = local(t.object.value)
            elif t.predicate == KB.defaultStance:
                out.default_stance[local(t.subject.value)] = local(t.object.value)
            elif t.predicate == KB.admitsStance:
                out.admits_stance.setdefault(local(t.subject.value), set()).add(
                    local(t.object.value)
                )
    return out
