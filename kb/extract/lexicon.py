"""Curated data, loaded once: per-language cue words (ontology/lexicons/<lang>.yaml, read by
``kb.lexicons``), a snapshot of the registry (people, countries, places, organisations,
offices, terms of office: asked of ``kb.registry``, the one reader of the registry) and the
concept schemes' cue phrases (ontology/positions.ttl, ontology/stances.ttl).

Everything is compiled into one phrase index per language (``mentions``): a dictionary from
token tuples to what they signal, looked up once per token of an article. The snapshot holds
plain ids and lists in a fixed order (by id, then language and text), so what the extractor
finds does not depend on how the curated files are laid out.
"""

from __future__ import annotations

import fnmatch
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

from ..lexicons import LANGUAGES, LEXICON_DIR, language_lexicon, script_of_language
from ..namespaces import local
from ..registry import Registry

__all__ = [
    "LANGUAGES",
    "LEXICON_DIR",
    "LIST_KINDS",
    "Entity",
    "Model",
    "Term",
    "language_lexicon",
    "model",
    "script_of_language",
    "snapshot",
]

# The lists of a language file that become phrase kinds of the index. Each phrase is a key of
# its own, so such a list is a set: its order carries no meaning (kb.canonical sorts it).
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
    "second_person",
    "host_markers",
    "cancel_markers",
    "irrealis_markers",
    "joint_triggers",
    "agent_markers",
    "delegation_markers",
    "unnamed_speakers",
    "same_day_markers",
    "later_markers",
    "earlier_markers",
    "origin_markers",
    "editorial_verbs",
    "body_nouns",
    "topic_references",
    "topic_framers",
    "topic_postpositions",
    "hosting_verbs",
    "delegation_nouns",
)


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


@lru_cache(maxsize=1)
def model() -> Model:
    """The shipped registry and concept schemes, read once per run."""
    from ..model import model_graphs, model_registry

    return snapshot(model_registry(), model_graphs())


def snapshot(registry: Registry, graphs: dict[Any, list[Any]]) -> Model:
    """The registry (asked of ``kb.registry``) and the concept schemes as plain lookups."""
    from ..namespaces import GRAPH, KB, SKOS

    out = Model()
    for record in registry.entities():
        entity = Entity(
            local(record.iri),
            record.kind,
            record.label,
            country=local(record.country) if record.country is not None else None,
            office_of=local(record.office_of) if record.office_of is not None else None,
            role=record.role,
        )
        if entity.kind == "country":
            entity.country = entity.id
        out.entities[entity.id] = entity
    out.labels = [
        (text, language, local(iri))
        for text, language, iri in registry.labels()
        if local(iri) in out.entities
    ]
    out.demonyms = [
        (text, language, local(iri))
        for text, language, iri in registry.labels("demonyms")
        if local(iri) in out.entities
    ]
    for entity in out.entities.values():
        if (
            entity.kind == "organization"
            and entity.id.startswith("government-of-")
            and entity.country
        ):
            out.government_of[entity.country] = entity.id
    for held in registry.office_terms():
        term = Term(local(held.holder), local(held.office), held.start, held.end)
        out.terms_by_office[term.office].append(term)
        out.terms_by_holder[term.holder].append(term)
    for scheme in ("positions", "stances"):
        for t in graphs[GRAPH[scheme]]:
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
