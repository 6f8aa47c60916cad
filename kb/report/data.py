"""What the report shows, read from the store through the saved queries of ``queries/``.

Every section of the report is the answer of one saved query, so an analyst can ask the
same question on the command line (``kb query NAME``); :data:`SECTION_QUERIES` lists them.
This module turns their rows into plain Python values; it knows nothing of HTML.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox

from ..namespaces import curie, sparql_prologue
from ..queries import Param, load_query, run, to_term
from ..store import Store

# The saved query behind each part of the report, in the order the report runs them.
SECTION_QUERIES: dict[str, str] = {
    "answer": "who-affirmed-territorial-integrity",
    "statements": "timeline-statements",
    "meetings": "timeline-meetings",
    "pairs": "who-met-whom",
    "disagreements": "disagreements",
    "sources": "sources",
    "spans": "evidence-spans",
}

Row = dict[str, str]


def run_saved(store: Store, name: str, params: dict[str, str] | None = None) -> list[Row]:
    """The rows of a saved SELECT query, each term as its plain value (IRIs in full)."""
    solutions = run(store, load_query(name), params)
    rows = []
    for solution in solutions.rows:
        row = {}
        for variable, term in solution.items():
            if isinstance(term, (ox.NamedNode, ox.Literal, ox.BlankNode)):
                row[variable] = term.value
            elif term is not None:
                row[variable] = str(term)
        rows.append(row)
    return rows


def local(iri: str) -> str:
    """A short id safe for HTML ids: the CURIE's local part with ``/`` and ``:`` as ``-``."""
    name = curie(iri).strip("<>")
    _, _, rest = name.partition(":")
    return "".join(c if c.isalnum() or c in "-_" else "-" for c in (rest or name))


@dataclass
class Dated:
    date: str = ""
    earliest: str = ""
    latest: str = ""
    basis: str = ""


@dataclass
class Statement(Dated):
    id: str = ""
    iri: str = ""
    speaker: str = ""
    speaker_label: str = ""
    country: str = ""
    country_label: str = ""
    position: str = ""
    position_label: str = ""
    stance: str = ""
    stance_label: str = ""
    quote: str = ""
    quote_language: str = ""
    gloss: str = ""
    speech: str = ""
    meeting: str = ""
    source: str = ""
    language: str = ""
    start: int = 0
    end: int = 0


@dataclass
class Participant:
    id: str
    label: str
    country: str
    country_label: str


@dataclass
class Meeting(Dated):
    id: str = ""
    iri: str = ""
    places: str = ""
    participants: list[Participant] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)


@dataclass
class Pair:
    person1: str
    person1_label: str
    person2: str
    person2_label: str
    meetings: int


@dataclass
class Account(Dated):
    account: str = ""
    source: str = ""
    source_label: str = ""
    language: str = ""
    place: str = ""
    participants: str = ""


@dataclass
class Disagreement:
    meeting: str
    meeting_id: str
    differs: list[str]
    dates_contradict: bool
    accounts: list[Account] = field(default_factory=list)


@dataclass
class Span:
    claim: str
    kind: str
    start: int
    end: int
    exact: str


@dataclass
class Source:
    id: str
    iri: str
    publisher: str
    language: str
    title: str
    published: str
    printed: str
    file_name: str
    sha256: str
    text: str
    spans: list[Span] = field(default_factory=list)

    @property
    def label(self) -> str:
        return f"{self.publisher or 'unknown publisher'}, {self.published[:10] or 'undated'}"


@dataclass
class ReportData:
    country: str
    country_label: str
    answer: list[Statement]
    statements: list[Statement]
    meetings: list[Meeting]
    pairs: list[Pair]
    disagreements: list[Disagreement]
    sources: dict[str, Source]


def _dated(row: Row, basis: str = "dateBasis") -> dict[str, Any]:
    return {
        "date": row.get("date", ""),
        "earliest": row.get("earliest", ""),
        "latest": row.get("latest", ""),
        "basis": row.get(basis, ""),
    }


def _statement(row: Row) -> Statement:
    return Statement(
        id=local(row["statement"]),
        iri=row["statement"],
        speaker=row["speaker"],
        speaker_label=row.get("speakerLabel", ""),
        country=row.get("country", ""),
        country_label=row.get("countryLabel", ""),
        position=row.get("position", ""),
        position_label=row.get("positionLabel", ""),
        stance=row.get("stance", ""),
        stance_label=row.get("stanceLabel", ""),
        quote=row.get("quote", ""),
        quote_language=row.get("quoteLanguage", ""),
        gloss=row.get("gloss", ""),
        speech=row.get("speech", "").rpartition("#")[2],
        meeting=row.get("meeting", ""),
        source=row.get("source", ""),
        language=row.get("language", ""),
        start=int(row.get("start", 0)),
        end=int(row.get("end", 0)),
        **_dated(row),
    )


def _meetings(rows: list[Row]) -> list[Meeting]:
    meetings: dict[str, Meeting] = {}
    for row in rows:
        meeting = meetings.get(row["meeting"])
        if meeting is None:
            meeting = meetings[row["meeting"]] = Meeting(
                id=local(row["meeting"]),
                iri=row["meeting"],
                places=row.get("places", ""),
                sources=row.get("sources", "").split(),
                languages=row.get("languages", "").split(),
                **_dated(row),
            )
        if all(p.id != row["person"] for p in meeting.participants):
            meeting.participants.append(
                Participant(
                    row["person"],
                    row.get("personLabel", ""),
                    row.get("country", ""),
                    row.get("countryLabel", ""),
                )
            )
    return list(meetings.values())


def _disagreements(rows: list[Row]) -> list[Disagreement]:
    found: dict[str, Disagreement] = {}
    for row in rows:
        item = found.get(row["meeting"])
        if item is None:
            item = found[row["meeting"]] = Disagreement(
                meeting=row["meeting"],
                meeting_id=local(row["meeting"]),
                differs=row.get("differs", "").split(),
                dates_contradict=row.get("datesContradict") == "true",
            )
        item.accounts.append(
            Account(
                account=row["account"],
                source=row["source"],
                source_label=row.get("sourceLabel", ""),
                language=row.get("language", ""),
                place=row.get("placeLabel", ""),
                participants=row.get("participants", ""),
                **_dated(row),
            )
        )
    return list(found.values())


def _sources(rows: list[Row], spans: list[Row]) -> dict[str, Source]:
    sources = {
        row["source"]: Source(
            id=local(row["source"]),
            iri=row["source"],
            publisher=row.get("publisherLabel", ""),
            language=row.get("language", ""),
            title=row.get("title", ""),
            published=row.get("published", ""),
            printed=row.get("datePrinted", ""),
            file_name=row.get("fileName", ""),
            sha256=row.get("sha256", ""),
            text=row.get("text", ""),
        )
        for row in rows
    }
    for row in spans:
        source = sources.get(row["source"])
        if source is not None:
            source.spans.append(
                Span(row["claim"], row["kind"], int(row["start"]), int(row["end"]), row["exact"])
            )
    return sources


def gather(
    store: Store,
    country: str = "ent:azerbaijan",
    progress: Callable[[str], None] | None = None,
) -> ReportData:
    """Run every query the report needs; ``progress`` is told the name of each as it starts."""
    rows: dict[str, list[Row]] = {}
    for section, name in SECTION_QUERIES.items():
        if progress:
            progress(f"kb query {name}")
        params = {"country": country} if section == "answer" else {}
        rows[section] = run_saved(store, name, params)
    statements = [_statement(r) for r in rows["statements"]]
    by_iri = {s.iri: s for s in statements}
    return ReportData(
        country=country,
        country_label=country_label(store, country),
        # the headline query decides which statements answer it and in what order
        answer=[by_iri[r["statement"]] for r in rows["answer"] if r["statement"] in by_iri],
        statements=statements,
        meetings=_meetings(rows["meetings"]),
        pairs=[
            Pair(
                r["person1"],
                r.get("person1Label", ""),
                r["person2"],
                r.get("person2Label", ""),
                int(r["meetings"]),
            )
            for r in rows["pairs"]
        ],
        disagreements=_disagreements(rows["disagreements"]),
        sources=_sources(rows["sources"], rows["spans"]),
    )


def country_label(store: Store, country: str) -> str:
    """The English label of the country the headline question asks about (bound as a term)."""
    term = to_term(country, Param("country", "iri", None, ""))
    query = (
        'SELECT ?label WHERE { ?c rdfs:label ?label . FILTER (LANGMATCHES(LANG(?label), "en")) '
        f"VALUES ?c {{ {term} }} }} LIMIT 1"
    )
    solutions = store.select(sparql_prologue() + query)
    label = solutions.rows[0].get("label") if solutions.rows else None
    if isinstance(label, ox.Literal):
        return label.value
    return curie(term.value)
