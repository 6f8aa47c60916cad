"""The one reader of the entity registry: labels, offices, terms of office, who held an office
at a date, and which office a title names in any language.

>>> from kb.model import shipped_offices
>>> offices = shipped_offices()
>>> offices.holder_at("iran-minister-of-defence", "2019-01-01", "2019-12-31").value
'https://w3id.org/kb/entity/amir-hatami'
>>> [o.value.rsplit("/", 1)[1] for o in offices.resolve_title("رئیس جمهور آذربایجان")]
['azerbaijan-president']

A title resolves through the office labels (rdfs:label, skos:prefLabel, skos:altLabel in every
language) compared by the one normaliser's ``loose_key`` (case, Arabic and Persian letter
forms, joiners, accents, punctuation, a leading article). "His Iranian counterpart" resolves
through the other participant's office, its ``kb:role`` and a country's demonyms.

A date range resolves to a holder only when exactly one person held the office at some day
of it: a range that spans a handover (or a handover day itself, when one term ends on the
day the next begins) is ambiguous and gives None; ``holders_at`` lists every candidate.
When nobody held the office, the holder of an acting office (kb:actingFor) answers.

The extractor reads the same registry once per run as a snapshot of plain lookups
(``kb.extract.lexicon.snapshot``), built from what ``Registry.entities``, ``Registry.labels``
and ``Registry.office_terms`` answer. Words that say "counterpart" are data: the lexicons'
``counterpart`` lists (``kb.lexicons``).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from typing import Any
from typing import Literal as Literal_

from pyoxigraph import Literal, NamedNode

from .dates import parse_partial
from .lexicons import words_in_every_language
from .namespaces import GRAPH, PREFIXES, expand, local, sparql_prologue
from .normalize import loose_key
from .store import Store


@dataclass(frozen=True)
class OfficeTerm:
    """A term of office, widened to whole days: a term that starts in "1995" starts on 1 January."""

    holder: NamedNode
    office: NamedNode
    start: date | None
    end: date | None
    start_text: str | None
    end_text: str | None

    def overlaps(self, earliest: date | None, latest: date | None) -> bool:
        starts_in_time = self.start is None or latest is None or self.start <= latest
        ends_in_time = self.end is None or earliest is None or earliest <= self.end
        return starts_in_time and ends_in_time


def _first_day(term: object) -> tuple[date | None, str | None]:
    if not isinstance(term, Literal):
        return None, None
    return parse_partial(term.value[:10])[0], term.value


def _last_day(term: object) -> tuple[date | None, str | None]:
    if not isinstance(term, Literal):
        return None, None
    return parse_partial(term.value[:10])[1], term.value


class Registry:
    """A read-only view of the registry held in a store."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.terms = lru_cache(maxsize=4096)(self._terms)
        self.label = cache(self._label)  # one query per IRI for the life of this view

    def _terms(self, holder: NamedNode, office: NamedNode | None = None) -> tuple[OfficeTerm, ...]:
        office_filter = f"VALUES ?office {{ {office} }}" if office is not None else ""
        rows = self.store.select(
            sparql_prologue()
            + f"""SELECT ?office ?start ?end WHERE {{
                {office_filter}
                ?term a kb:OfficeTerm ; kb:holder {holder} ; kb:office ?office .
                OPTIONAL {{ ?term kb:start ?start }}
                OPTIONAL {{ ?term kb:end ?end }}
            }} ORDER BY STR(?start) STR(?end) ?office"""  # stable: the order shows in kb:dateBasis
        ).rows
        terms = []
        for row in rows:
            start, start_text = _first_day(row.get("start"))
            end, end_text = _last_day(row.get("end"))
            terms.append(OfficeTerm(holder, row["office"], start, end, start_text, end_text))  # type: ignore[arg-type]
        return tuple(terms)

    def _label(self, iri: NamedNode) -> str:
        """The English label of an entity, else its id."""
        rows = self.store.select(
            sparql_prologue()
            + f"""SELECT ?label WHERE {{ {iri} rdfs:label|skos:prefLabel ?label .
                FILTER(LANGMATCHES(LANG(?label), "en")) }} LIMIT 1"""
        ).rows
        if rows:
            return rows[0]["label"].value  # type: ignore[attr-defined]
        return local(iri)

    # -- everything the registry holds, for a snapshot ----------------------------------------

    def entities(self) -> list[EntityRecord]:
        """Every entity of the registry graph with its kind, English label, country and role."""
        kinds: dict[NamedNode, str] = {}
        for row in self._registry_rows("?s a ?o", RDF_TYPE_OF_KIND):
            kind = ENTITY_KINDS[row["o"].value]
            held = kinds.get(row["s"])  # type: ignore[arg-type]
            if held is None or KIND_RANK.index(kind) > KIND_RANK.index(held):
                kinds[row["s"]] = kind  # type: ignore[index]
        facts: dict[tuple[NamedNode, str], list[str]] = defaultdict(list)
        for row in self._registry_rows("?s ?p ?o", tuple(map(str, _ENTITY_FACTS.values()))):
            facts[(row["s"], row["p"].value)].append(row["o"].value)  # type: ignore[index]

        def first(iri: NamedNode, fact: str) -> str | None:
            found = sorted(facts.get((iri, _ENTITY_FACTS[fact].value), []))
            return found[0] if found else None

        def entity_or_none(value: str | None) -> NamedNode | None:
            return NamedNode(value) if value is not None else None

        out = []
        for iri in sorted(kinds, key=lambda n: n.value):
            office_of = first(iri, "officeOf")
            out.append(
                EntityRecord(
                    iri,
                    kinds[iri],
                    first(iri, "label") or local(iri),
                    entity_or_none(first(iri, "country") or office_of),
                    entity_or_none(office_of),
                    first(iri, "role"),
                )
            )
        return out

    def labels(
        self, kind: Literal_["names", "demonyms"] = "names"
    ) -> list[tuple[str, str, NamedNode]]:
        """(text, language, entity) of every label (rdfs:label, skos:prefLabel, skos:altLabel)
        or every demonym (kb:demonym) in the registry graph; an untagged text counts as English."""
        predicates = ("kb:demonym",) if kind == "demonyms" else LABEL_PREDICATES
        found = {
            (row["o"].value, getattr(row["o"], "language", None) or "en", row["s"])
            for row in self._registry_rows("?s ?p ?o", predicates)
            if isinstance(row["o"], Literal)
        }
        return sorted(found, key=lambda t: (t[2].value, t[1], t[0]))  # type: ignore[union-attr]

    def office_terms(self) -> list[OfficeTerm]:
        """Every term of office, ordered by office, start, end and holder."""
        rows = self.store.select(
            sparql_prologue()
            + """SELECT ?holder ?office ?start ?end WHERE {
                ?term a kb:OfficeTerm ; kb:holder ?holder ; kb:office ?office .
                OPTIONAL { ?term kb:start ?start }
                OPTIONAL { ?term kb:end ?end }
            }"""
        ).rows
        terms = []
        for row in rows:
            start, start_text = _first_day(row.get("start"))
            end, end_text = _last_day(row.get("end"))
            terms.append(OfficeTerm(row["holder"], row["office"], start, end, start_text, end_text))  # type: ignore[arg-type]
        return sorted(
            set(terms),
            key=lambda t: (t.office.value, t.start_text or "", t.end_text or "", t.holder.value),
        )

    def _registry_rows(self, pattern: str, values: tuple[str, ...]) -> list[dict[str, Any]]:
        """Rows of one triple pattern in the registry graph, ?p or ?o bound to the values."""
        variable = "?o" if pattern == "?s a ?o" else "?p"
        return self.store.select(
            sparql_prologue()
            + f"""SELECT * WHERE {{ GRAPH {GRAPH["registry"]} {{
                VALUES {variable} {{ {" ".join(values)} }} {pattern} }} }}"""
        ).rows


# rdf:type -> the kind the extractor and identity code speak of
ENTITY_KINDS = {
    PREFIXES["schema"] + "Person": "person",
    PREFIXES["schema"] + "Country": "country",
    PREFIXES["kb"] + "Place": "place",
    PREFIXES["schema"] + "Organization": "organization",
    PREFIXES["schema"] + "NewsMediaOrganization": "media",
    PREFIXES["kb"] + "Office": "office",
}
# A subject of several types takes the kind latest here (a news outlet is an organisation too).
KIND_RANK = ("organization", "place", "country", "office", "person", "media")
_ENTITY_FACTS = {
    "label": NamedNode("http://www.w3.org/2000/01/rdf-schema#label"),
    "country": NamedNode(PREFIXES["kb"] + "country"),
    "officeOf": NamedNode(PREFIXES["kb"] + "officeOf"),
    "role": NamedNode(PREFIXES["kb"] + "role"),
}
RDF_TYPE_OF_KIND = tuple(f"<{t}>" for t in ENTITY_KINDS)
LABEL_PREDICATES = ("rdfs:label", "skos:prefLabel", "skos:altLabel")


@dataclass(frozen=True)
class EntityRecord:
    """An entity of the registry as the snapshots need it."""

    iri: NamedNode
    kind: str  # person, country, place, organization, media, office
    label: str  # rdfs:label, else the id
    country: NamedNode | None  # kb:country, else the country of an office (kb:officeOf)
    office_of: NamedNode | None
    role: str | None  # an office's kb:role


DateLike = date | str | None


def as_iri(value: NamedNode | str, namespace: str = PREFIXES["office"]) -> NamedNode:
    """An IRI from a NamedNode, a CURIE (office:x, ent:x), <full IRI> or a bare id."""
    return value if isinstance(value, NamedNode) else expand(value, namespace)


def _first(value: DateLike) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    return parse_partial(str(value)[:10])[0]


def _last(value: DateLike) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    return parse_partial(str(value)[:10])[1]


@dataclass(frozen=True)
class OfficeInfo:
    iri: NamedNode
    country: NamedNode | None
    acting_for: NamedNode | None
    label: str
    role: str | None  # kb:role: the same for counterpart offices of every country


class Offices:
    """The registry's offices, their terms and labels, loaded once from a store."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.info: dict[NamedNode, OfficeInfo] = {}
        self.terms: dict[NamedNode, list[OfficeTerm]] = defaultdict(list)
        self._by_label: dict[str, set[NamedNode]] = defaultdict(set)
        self._demonyms: dict[str, set[NamedNode]] = defaultdict(set)
        self._load()

    def _load(self) -> None:
        prologue = sparql_prologue()
        rows = self.store.select(
            prologue
            + """SELECT ?office ?country ?acting ?label ?role WHERE {
                ?office a kb:Office .
                OPTIONAL { ?office kb:officeOf ?country }
                OPTIONAL { ?office kb:role ?role }
                OPTIONAL { ?office kb:actingFor ?acting }
                OPTIONAL { ?office rdfs:label ?label . FILTER (LANGMATCHES(LANG(?label), "en")) }
            }"""
        ).rows
        for row in rows:
            office = row["office"]
            assert isinstance(office, NamedNode)
            label = row.get("label")
            self.info[office] = OfficeInfo(
                office,
                row.get("country"),  # type: ignore[arg-type]
                row.get("acting"),  # type: ignore[arg-type]
                label.value if isinstance(label, Literal) else local(office),
                role.value if isinstance(role := row.get("role"), Literal) else None,
            )
        for row in self.store.select(
            prologue
            + """SELECT ?office ?name WHERE {
                ?office a kb:Office ; rdfs:label|skos:prefLabel|skos:altLabel ?name }"""
        ).rows:
            self._by_label[loose_key(row["name"].value)].add(row["office"])  # type: ignore[attr-defined,arg-type]
        for term in Registry(self.store).office_terms():
            self.terms[term.office].append(term)
        for row in self.store.select(
            prologue
            + """SELECT ?country ?name WHERE {
                ?country a schema:Country ; kb:demonym|rdfs:label|skos:prefLabel|skos:altLabel ?name }"""
        ).rows:
            self._demonyms[loose_key(row["name"].value)].add(row["country"])  # type: ignore[attr-defined,arg-type]

    # -- who held an office ------------------------------------------------------------------

    def holders_at(
        self, office: NamedNode | str, earliest: DateLike, latest: DateLike
    ) -> list[OfficeTerm]:
        """Every term of the office that overlaps the range (open ends are unbounded)."""
        iri = as_iri(office)
        first, last = _first(earliest), _last(latest)
        found = [t for t in self.terms.get(iri, []) if t.overlaps(first, last)]
        return sorted(found, key=lambda t: (t.start or date.min, t.holder.value))

    def holder_at(
        self,
        office: NamedNode | str,
        earliest: DateLike,
        latest: DateLike = None,
        acting: bool = True,
    ) -> NamedNode | None:
        """The one person who held the office within [earliest, latest], else None.

        ``latest`` defaults to ``earliest`` (one day, month or year when a partial date is
        given). When nobody held the office then, an acting holder (kb:actingFor) answers.
        """
        if latest is None and earliest is not None:
            latest = earliest
        iri = as_iri(office)
        holders = {t.holder for t in self.holders_at(iri, earliest, latest)}
        if len(holders) == 1:
            return holders.pop()
        if holders or not acting:
            return None
        stand_ins = {
            t.holder
            for other in self.info.values()
            if other.acting_for == iri
            for t in self.holders_at(other.iri, earliest, latest)
        }
        return stand_ins.pop() if len(stand_ins) == 1 else None

    def held(
        self, person: NamedNode | str, office: NamedNode | str, earliest: DateLike, latest: DateLike
    ) -> bool | None:
        """Whether the person held the office at some day of the range; None when the registry has no term of it."""
        iri = as_iri(office)
        who = as_iri(person, PREFIXES["ent"])
        if not self.terms.get(iri):
            return None
        return any(t.holder == who for t in self.holders_at(iri, earliest, latest))

    # -- which office a title names ----------------------------------------------------------

    def resolve_title(self, text: str, country: NamedNode | str | None = None) -> list[NamedNode]:
        """The offices whose labels (any language, folded) equal ``text``; optionally of one country."""
        key = loose_key(text)
        found = set(self._by_label.get(key, set()))
        if not found and " " in key:
            squeezed = key.replace(" ", "")
            found = {
                o
                for label, offices in self._by_label.items()
                if label.replace(" ", "") == squeezed
                for o in offices
            }
        if country is not None:
            wanted = as_iri(country, PREFIXES["ent"])
            found = {o for o in found if self.info.get(o) and self.info[o].country == wanted}
        return sorted(found, key=lambda o: o.value)

    def countries_in(self, text: str) -> list[NamedNode]:
        """Countries named in a phrase by a name or demonym ("his Iranian counterpart" → Iran)."""
        words = loose_key(text).split()
        found: set[NamedNode] = set()
        for size in (3, 2, 1):
            for i in range(len(words) - size + 1):
                found |= self._demonyms.get(" ".join(words[i : i + size]), set())
        return sorted(found, key=lambda c: c.value)

    def counterpart(self, office: NamedNode | str, country: NamedNode | str) -> NamedNode | None:
        """The office of ``country`` that corresponds to ``office`` (defence minister to defence minister)."""
        mine = self.info.get(as_iri(office))
        wanted = as_iri(country, PREFIXES["ent"])
        if mine is None or mine.role is None:
            return None
        matches = [
            o
            for o, info in self.info.items()
            if info.country == wanted and info.role == mine.role and info.acting_for is None
        ]
        return matches[0] if len(matches) == 1 else None

    def resolve_office(
        self,
        text: str,
        counterpart_of: NamedNode | str | None = None,
        country: NamedNode | str | None = None,
    ) -> NamedNode | None:
        """The one office a mention names: a title, or "his <demonym> counterpart" of another office."""
        offices = self.resolve_title(text, country)
        if len(offices) == 1:
            return offices[0]
        if counterpart_of is not None and _is_counterpart(text):
            countries = [as_iri(country, PREFIXES["ent"])] if country else self.countries_in(text)
            if len(countries) == 1:
                return self.counterpart(counterpart_of, countries[0])
        return None

    def resolve_mention(
        self,
        text: str,
        earliest: DateLike,
        latest: DateLike = None,
        counterpart_of: NamedNode | str | None = None,
        country: NamedNode | str | None = None,
    ) -> NamedNode | None:
        """The person a title mention names at a date.

        "The President of Azerbaijan" at a date → whoever held that office then.
        """
        office = self.resolve_office(text, counterpart_of, country)
        return self.holder_at(office, earliest, latest) if office is not None else None


def _is_counterpart(text: str) -> bool:
    """Whether a mention says "counterpart" in some language (the lexicons' ``counterpart``)."""
    folded = loose_key(text)
    return any(word in folded for word in _counterpart_words())


@cache
def _counterpart_words() -> tuple[str, ...]:
    return tuple(k for w in words_in_every_language("counterpart") if (k := loose_key(w)))
