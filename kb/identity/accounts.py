"""Accounts of meetings as matching needs them: read from a store or from a submission's
graphs, grouped by the meeting they point to, with the pairs a curator kept apart and the
English labels of what they name."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from pyoxigraph import Literal, NamedNode, Triple

from ..curation import CURATION_GRAPH
from ..namespaces import KB, RDF_TYPE, SCHEMA, sparql_prologue
from ..store import Store


@dataclass
class Account:
    """One source's account of a meeting, as far as matching needs it."""

    iri: NamedNode
    graph: NamedNode
    meeting: NamedNode
    source: NamedNode | None = None
    curated: bool = False
    earliest: date | None = None
    latest: date | None = None
    date: str | None = None
    place: NamedNode | None = None
    participants: frozenset[NamedNode] = frozenset()
    proposed: NamedNode | None = None

    @property
    def bounds_text(self) -> str:
        if self.earliest and self.earliest == self.latest:
            return self.earliest.isoformat()
        if self.earliest or self.latest:
            return f"{self.earliest or '…'} to {self.latest or '…'}"
        return "undated"


@dataclass
class Group:
    """The accounts that currently point to one meeting."""

    meeting: NamedNode
    accounts: list[Account] = field(default_factory=list)
    fixed: bool = False  # already in the store: keeps its IRI when assigning

    @property
    def participants(self) -> frozenset[NamedNode]:
        return self.accounts[0].participants if self.accounts else frozenset()

    @property
    def earliest(self) -> date | None:
        days = [a.earliest for a in self.accounts if a.earliest]
        return max(days) if days else None

    @property
    def latest(self) -> date | None:
        days = [a.latest for a in self.accounts if a.latest]
        return min(days) if days else None

    @property
    def places(self) -> set[NamedNode]:
        return {a.place for a in self.accounts if a.place}

    @property
    def sources(self) -> set[NamedNode]:
        return {a.source for a in self.accounts if a.source}

    @property
    def span(self) -> int:
        if self.earliest and self.latest:
            return (self.latest - self.earliest).days
        return 10**6

    def preference(self) -> tuple[object, ...]:
        """Which IRI a merged meeting keeps: fixed, curated, most precise, most used, then by name."""
        return (
            not self.fixed,
            not any(a.curated for a in self.accounts),
            self.span,
            -len(self.accounts),
            self.meeting.value,
        )


def _v(term: object) -> str:
    """The lexical value of a term (an IRI's string, a literal's lexical form)."""
    return str(getattr(term, "value", term))


def _day(term: object) -> date | None:
    if isinstance(term, Literal):
        try:
            return date.fromisoformat(term.value[:10])
        except ValueError:
            return None
    return None


# -- reading accounts -------------------------------------------------------------------------


def accounts_in_store(
    store: Store,
    participants: Iterable[NamedNode] | None = None,
    exclude: Iterable[NamedNode] = (),
    meetings: Iterable[NamedNode] | None = None,
) -> list[Account]:
    """The accounts of the store (those naming any of ``participants``, of any of ``meetings``),
    outside ``exclude``d graphs."""
    values = ""
    wanted = None if participants is None else set(participants)
    if wanted is not None and not wanted:
        return []
    if meetings is not None:  # the meetings' accounts; who they name is checked below
        of = " ".join(str(m) for m in set(meetings))
        if not of:
            return []
        values = f"VALUES ?meeting {{ {of} }}"
    elif wanted is not None:
        values = (
            f"VALUES ?someone {{ {' '.join(map(str, wanted))} }} "
            "?account kb:participation/kb:participant ?someone ."
        )
    rows = store.select(
        sparql_prologue()
        + f"""SELECT ?g ?account ?meeting ?source ?origin ?earliest ?latest ?date ?place ?participant ?proposed
        WHERE {{
            GRAPH ?g {{
                ?account a kb:MeetingAccount ; kb:meeting ?meeting .
                {values}
                OPTIONAL {{ ?account kb:source ?source }}
                OPTIONAL {{ ?account kb:origin ?origin }}
                OPTIONAL {{ ?account kb:earliest ?earliest }}
                OPTIONAL {{ ?account kb:latest ?latest }}
                OPTIONAL {{ ?account kb:date ?date }}
                OPTIONAL {{ ?account schema:location ?place }}
                OPTIONAL {{ ?account kb:proposedMeeting ?proposed }}
                OPTIONAL {{ ?account kb:participation/kb:participant ?participant }}
            }}
        }}"""
    ).rows
    excluded = set(exclude)
    found: dict[NamedNode, Account] = {}
    people: dict[NamedNode, set[NamedNode]] = defaultdict(set)
    for row in rows:
        graph = row["g"]
        if graph in excluded:
            continue
        iri = row["account"]
        assert isinstance(iri, NamedNode) and isinstance(graph, NamedNode)
        account = found.get(iri)
        if account is None:
            account = found[iri] = Account(
                iri,
                graph,
                row["meeting"],  # type: ignore[arg-type]
                row.get("source"),  # type: ignore[arg-type]
                row.get("origin") == KB.Curated,
                _day(row.get("earliest")),
                _day(row.get("latest")),
                _v(row["date"]) if isinstance(row.get("date"), Literal) else None,
                row.get("place"),  # type: ignore[arg-type]
                proposed=row.get("proposed"),  # type: ignore[arg-type]
            )
        if isinstance(row.get("participant"), NamedNode):
            people[iri].add(row["participant"])  # type: ignore[arg-type]
    for iri, account in found.items():
        account.participants = frozenset(people[iri])
    if meetings is not None and wanted is not None:
        found = {iri: a for iri, a in found.items() if a.participants & wanted}
    return sorted(found.values(), key=lambda a: a.iri.value)


def meetings_near(store: Store, accounts: Iterable[Account]) -> set[NamedNode]:
    """The meetings of the store that any of ``accounts`` may report: those with an account
    naming every one of its participants whose dates overlap its own (undated: any), and
    those whose IRI it proposes.

    Matching joins an account only to a meeting whose participants are its own and whose
    accounts' dates all overlap its own (matching.incompatibility), so that meeting has an
    account naming all of its participants within its dates: matching needs no other. The
    lookup starts from the accounts' participants (one query for the stored accounts naming
    them), then reads the dates of only those naming all of some account's participants
    (a second query), not of every meeting its participants ever had.
    """
    accounts = list(accounts)
    named = {m for a in accounts for m in (a.meeting, a.proposed) if m is not None}
    people = {p for a in accounts for p in a.participants}
    if not people:
        return named
    # one-column VALUES only: Virtuoso answers nothing when VALUES rows repeat a person;
    # the type is checked with the dates, of the few accounts that name all the participants
    rows = store.select(
        sparql_prologue()
        + f"""SELECT ?g ?account ?someone WHERE {{
            GRAPH ?g {{
                VALUES ?someone {{ {" ".join(sorted(map(str, people)))} }}
                ?account kb:participation/kb:participant ?someone .
            }}
        }}"""
    ).rows
    naming: dict[tuple[object, object], set[object]] = defaultdict(set)  # (graph, account)
    for row in rows:
        naming[(row["g"], row["account"])].add(row["someone"])
    by_person: dict[object, list[tuple[object, object]]] = defaultdict(list)
    for key, names in naming.items():
        for person in names:
            by_person[person].append(key)
    windows: dict[tuple[object, object], list[Account]] = defaultdict(list)
    for account in accounts:
        if not account.participants:
            continue
        rarest = min(account.participants, key=lambda p: len(by_person.get(p, ())))
        for key in by_person.get(rarest, ()):
            if account.participants <= naming[key]:
                windows[key].append(account)
    if not windows:
        return named
    stored = " ".join(sorted({str(account) for _, account in windows}))
    for row in store.select(
        sparql_prologue()
        + f"""SELECT ?g ?account ?meeting ?earliest ?latest WHERE {{
            GRAPH ?g {{
                VALUES ?account {{ {stored} }}
                ?account a kb:MeetingAccount ; kb:meeting ?meeting .
                OPTIONAL {{ ?account kb:earliest ?earliest }}
                OPTIONAL {{ ?account kb:latest ?latest }}
            }}
        }}"""
    ).rows:
        key = (row["g"], row["account"])
        if key not in windows or not isinstance(row["meeting"], NamedNode):
            continue
        earliest, latest = row.get("earliest"), row.get("latest")
        for account in windows[key]:
            if _may_overlap(account, earliest, latest):
                named.add(row["meeting"])
                break
    return named


def _may_overlap(account: Account, earliest: object, latest: object) -> bool:
    """Whether a stored account with these bounds (None: unknown) may overlap ``account``'s
    dates. A bound kb cannot read as a day excludes nothing, as matching treats it."""
    start, end = _day_text(earliest), _day_text(latest)
    if account.latest and start and start > account.latest.isoformat():
        return False
    return not (account.earliest and end and end < account.earliest.isoformat())


_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _day_text(bound: object) -> str:
    """A bound's first ten characters when they are a day (as text), else ''."""
    text = _v(bound) if bound is not None else ""
    return text[:10] if _DAY.match(text) else ""


def accounts_in_triples(graphs: Mapping[NamedNode, Iterable[Triple]]) -> list[Account]:
    """The accounts of a submission's graphs (not yet in any store)."""
    found: list[Account] = []
    for graph, triples in graphs.items():
        by_subject: dict[object, list[Triple]] = defaultdict(list)
        for triple in triples:
            by_subject[triple.subject].append(triple)
        for subject, about in by_subject.items():
            if not any(t.predicate == RDF_TYPE and t.object == KB.MeetingAccount for t in about):
                continue
            values: dict[NamedNode, list[object]] = defaultdict(list)
            for triple in about:
                values[triple.predicate].append(triple.object)
            meeting = values.get(KB.meeting, [None])[0]
            if not isinstance(meeting, NamedNode) or not isinstance(subject, NamedNode):
                continue
            participants = {
                t.object
                for part in values.get(KB.participation, [])
                for t in by_subject.get(part, [])
                if t.predicate == KB.participant and isinstance(t.object, NamedNode)
            }
            first = _first_of(values)
            found.append(
                Account(
                    subject,
                    graph,
                    meeting,
                    first(KB.source),  # type: ignore[arg-type]
                    first(KB.origin) == KB.Curated,
                    _day(first(KB.earliest)),
                    _day(first(KB.latest)),
                    _v(first(KB.date)) if isinstance(first(KB.date), Literal) else None,
                    first(SCHEMA.location),  # type: ignore[arg-type]
                    frozenset(participants),  # type: ignore[arg-type]
                    first(KB.proposedMeeting),  # type: ignore[arg-type]
                )
            )
    return sorted(found, key=lambda a: a.iri.value)


def _first_of(values: Mapping[NamedNode, list[object]]) -> Callable[[NamedNode], object]:
    return lambda predicate: values.get(predicate, [None])[0]


def kept_apart(store: Store) -> set[frozenset[NamedNode]]:
    """Pairs of accounts a curator kept apart."""
    rows = store.select(
        sparql_prologue()
        + f"SELECT ?a ?b WHERE {{ GRAPH {CURATION_GRAPH} {{ ?a kb:keptApartFrom ?b }} }}"
    ).rows
    return {frozenset((r["a"], r["b"])) for r in rows}  # type: ignore[arg-type]


def labels_of(store: Store, iris: Iterable[NamedNode]) -> dict[NamedNode, str]:
    wanted = " ".join(str(i) for i in set(iris))
    if not wanted:
        return {}
    rows = store.select(
        sparql_prologue()
        + f"""SELECT ?x (SAMPLE(?l) AS ?label) WHERE {{ VALUES ?x {{ {wanted} }}
            {{ ?x rdfs:label ?l . FILTER (LANGMATCHES(LANG(?l), "en")) }}
            UNION {{ ?x schema:publisher/rdfs:label ?l . FILTER (LANGMATCHES(LANG(?l), "en")) }}
        }} GROUP BY ?x"""
    ).rows
    return {r["x"]: r["label"].value for r in rows}  # type: ignore[attr-defined,misc]
