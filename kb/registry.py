"""Questions kb asks of the entity registry: labels, and who held which office when."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache

from pyoxigraph import Literal, NamedNode

from .dates import parse_partial
from .namespaces import local, sparql_prologue
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
