"""``kb explain``: which sources report a meeting, what each says, why they are one meeting,
and where they disagree."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from pyoxigraph import NamedNode

from ..curation import CURATION_GRAPH
from ..dates import DateBounds
from ..errors import InputError
from ..namespaces import curie, sparql_prologue
from ..store import Store
from .accounts import Account, Group, _v, accounts_in_store, labels_of


def explain(store: Store, meeting: NamedNode) -> str:
    """Which sources report a meeting, what each says, why they are one meeting, where they disagree."""
    prologue = sparql_prologue()
    accounts = [a for a in accounts_in_store(store) if a.meeting == meeting]
    if not accounts:
        raise InputError(f"no meeting {curie(meeting.value)}; `kb query meetings` lists them")
    detail = store.select(
        prologue
        + f"""SELECT ?account ?publisher ?language ?published ?basis ?because ?origin ?mention ?person WHERE {{
            ?account kb:meeting {meeting} ; kb:source ?source .
            OPTIONAL {{ ?source schema:publisher/rdfs:label ?publisher . FILTER (LANGMATCHES(LANG(?publisher), "en")) }}
            OPTIONAL {{ ?source dcterms:language ?language }}
            OPTIONAL {{ ?source schema:datePublished ?published }}
            OPTIONAL {{ ?account kb:dateBasis ?basis }}
            OPTIONAL {{ ?account kb:matchedBecause ?because }}
            OPTIONAL {{ ?account kb:origin ?origin }}
            OPTIONAL {{ ?account kb:participation ?part . ?part kb:participant ?person .
                       OPTIONAL {{ ?part kb:mention ?mention }} }}
        }}"""
    ).rows
    info: dict[NamedNode, dict[str, object]] = defaultdict(dict)
    mentions: dict[NamedNode, dict[NamedNode, str]] = defaultdict(dict)
    for row in detail:
        a = row["account"]
        for key in ("publisher", "language", "published", "basis", "because", "origin"):
            if key in row:
                info[a][key] = row[key]  # type: ignore[index]
        if "person" in row and "mention" in row:
            mentions[a][row["person"]] = row["mention"].value  # type: ignore[index,attr-defined]
    labels = labels_of(store, {x for a in accounts for x in [*a.participants, a.place] if x})
    group = Group(meeting, accounts)
    lines = [f"meeting {curie(meeting.value)}"]
    if group.earliest or group.latest:
        when = (
            group.earliest.isoformat()
            if group.earliest and group.earliest == group.latest
            else f"{group.earliest or '…'} to {group.latest or '…'}"
        )
        lines.append(f"  when (all sources allow): {when}")
    people = ", ".join(
        sorted(
            labels.get(p, curie(p.value)) for p in set().union(*(a.participants for a in accounts))
        )
    )
    lines.append(f"  participants: {people}")
    lines.append(f"  reported by {len(group.sources)} source(s), {len(accounts)} account(s):")
    for a in accounts:
        data = info[a.iri]
        origin = "curated" if a.curated else "extracted"
        publisher = getattr(data.get("publisher"), "value", "unknown publisher")
        language = getattr(data.get("language"), "value", "?")
        published = getattr(data.get("published"), "value", "undated")[:10]
        lines.append(f"  - {curie(a.iri.value)} ({origin}) in {curie(a.graph.value)}")
        lines.append(
            f"      source: {curie(a.source.value) if a.source else '?'}, {publisher}, "
            f"{language}, published {published}"
        )
        lines.append(f"      date: {a.date or '-'} (bounds {a.bounds_text})")
        if "basis" in data:
            lines.append(f"      date basis: {data['basis'].value}")  # type: ignore[attr-defined]
        lines.append(
            f"      place: {labels.get(a.place, curie(a.place.value)) if a.place else 'not printed'}"
        )
        names = "; ".join(
            f"{labels.get(p, curie(p.value))} as printed '{m}'"
            for p, m in sorted(mentions[a.iri].items(), key=lambda x: x[0].value)
        )
        if names:
            lines.append(f"      participants: {names}")
        if a.proposed is not None:
            lines.append(f"      proposed meeting: {curie(a.proposed.value)}")
        if "because" in data:
            lines.append(f"      why the same meeting: {data['because'].value}")  # type: ignore[attr-defined]
        elif len(accounts) > 1 and a.proposed is None:
            lines.append(f"      why the same meeting: its claim form names {curie(meeting.value)}")
    lines += [f"  disagreement: {d}" for d in disagreements(accounts, labels)]
    for row in store.select(
        prologue
        + f"""SELECT DISTINCT ?account ?other WHERE {{ ?account kb:meeting {meeting} ; kb:ambiguousMatch ?other }}"""
    ).rows:
        lines.append(
            f"  ambiguous: {curie(_v(row['account']))} could also be {curie(_v(row['other']))}"
        )  # type: ignore[attr-defined]
    for row in store.select(
        prologue
        + f"""SELECT ?label ?who ?when WHERE {{ GRAPH {CURATION_GRAPH} {{
            ?act a kb:MeetingSplit ; kb:splitFrom {meeting} ; rdfs:label ?label ;
                 prov:wasAssociatedWith ?who ; prov:endedAtTime ?when }} }} ORDER BY ?when"""
    ).rows:
        lines.append(
            f"  curation: {_v(row['label'])} by {_v(row['who']).rsplit('/', 1)[-1]} at {_v(row['when'])}"
        )  # type: ignore[attr-defined]
    return "\n".join(lines)


def disagreements(
    accounts: list[Account], labels: Mapping[NamedNode, str] | None = None
) -> list[str]:
    """Where the accounts of one meeting disagree: dates, their precision, places, participants."""
    labels = labels or {}
    out = []
    for i, a in enumerate(accounts):
        for b in accounts[i + 1 :]:
            pair = f"{curie(a.iri.value)} vs {curie(b.iri.value)}"
            bounds_a = DateBounds(a.earliest, a.latest)
            bounds_b = DateBounds(b.earliest, b.latest)
            if (
                bounds_a.narrowed(b.earliest, b.latest).consistent is False
                or bounds_b.narrowed(a.earliest, a.latest).consistent is False
            ):
                out.append(f"dates do not overlap: {a.bounds_text} vs {b.bounds_text} ({pair})")
            elif a.date != b.date:
                out.append(f"date precision: {a.date or 'none'} vs {b.date or 'none'} ({pair})")
            if a.place and b.place and a.place != b.place:
                out.append(
                    f"place: {labels.get(a.place, curie(a.place.value))} vs "
                    f"{labels.get(b.place, curie(b.place.value))} ({pair})"
                )
            elif bool(a.place) != bool(b.place):
                printed = a.place or b.place
                assert printed is not None
                out.append(
                    f"place printed by one source only: {labels.get(printed, curie(printed.value))} ({pair})"
                )
            if a.participants != b.participants:
                only = a.participants ^ b.participants
                out.append(
                    "participants: "
                    + ", ".join(sorted(labels.get(p, curie(p.value)) for p in only))
                    + f" named by one source only ({pair})"
                )
    return out
