"""The same meeting across sources: accounts from any source, in any language, become one kb:Meeting.

Two groups of accounts report the same meeting when

- their participants are the same set of IRIs (after entity merges, see kb/curation.py);
- their date bounds overlap: the intersection of every account's [earliest, latest] is not
  empty (an unknown bound is open);
- their places do not conflict: at most one place among them (a source that prints no place
  conflicts with none);
- no source is in both (one article reporting two meetings of the same people keeps them
  apart), and no curator kept any two of their accounts apart (``kb meetings split``).

``assign_meetings(store, replace_graphs)`` applies this to a submission before it is written:
each new account's kb:meeting is pointed to the existing meeting it matches, keeping the IRI
its form proposed in kb:proposedMeeting and saying why in kb:matchedBecause. Existing meetings
keep their IRIs (links to them do not break when a new report arrives). ``reconcile(store)``
re-runs the matching over the whole KB, so the order in which sources arrive does not matter:
it merges meetings that arrived apart, choosing the IRI of a curated account, else the most
precisely dated, else the one most sources use. When several candidates match but are not
compatible with each other, nothing is merged and kb:ambiguousMatch lists them for a curator.

Each source's own account (date, place, participants, quotes) is never changed, so where
sources disagree the disagreement stays in the data and the saved query
``meeting-disagreements`` lists it. ``explain`` says which sources report a meeting and why;
``split`` takes an account out of its meeting again, and records that in the curation graph.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from pyoxigraph import Literal, NamedNode, Triple

from .curation import CURATION_GRAPH, activity, apply_curation
from .dates import DateBounds
from .errors import InputError
from .namespaces import KB, MTG, RDF_TYPE, RDFS, SCHEMA, curie, local, sparql_prologue
from .store import Store


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
    store: Store, participants: Iterable[NamedNode] | None = None, exclude: Iterable[NamedNode] = ()
) -> list[Account]:
    """The accounts of the store (those naming any of ``participants``), outside ``exclude``d graphs."""
    values = ""
    if participants is not None:
        wanted = " ".join(str(p) for p in set(participants))
        if not wanted:
            return []
        values = (
            f"VALUES ?someone {{ {wanted} }} ?account kb:participation/kb:participant ?someone ."
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
    return sorted(found.values(), key=lambda a: a.iri.value)


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


# -- matching ---------------------------------------------------------------------------------


def incompatibility(groups: list[Group], apart: set[frozenset[NamedNode]]) -> str | None:
    """Why these groups cannot be one meeting, or None when they can."""
    if len({g.participants for g in groups}) > 1:
        return "different participants"
    earliest = [g.earliest for g in groups if g.earliest]
    latest = [g.latest for g in groups if g.latest]
    if earliest and latest and max(earliest) > min(latest):
        return "dates do not overlap"
    places = set().union(*(g.places for g in groups))
    if len(places) > 1:
        return "different places: " + ", ".join(sorted(curie(p.value) for p in places))
    seen: set[NamedNode] = set()
    for group in groups:
        if group.sources & seen:
            return "one source reports both"
        seen |= group.sources
    accounts = [a.iri for g in groups for a in g.accounts]
    for i, a in enumerate(accounts):
        for b in accounts[i + 1 :]:
            if frozenset((a, b)) in apart:
                return "a curator kept them apart"
    return None


@dataclass
class Matching:
    """The outcome of matching: where each account's meeting goes, and the ambiguous candidates."""

    target: dict[NamedNode, NamedNode] = field(default_factory=dict)  # account -> meeting
    because: dict[NamedNode, str] = field(default_factory=dict)
    ambiguous: dict[NamedNode, list[NamedNode]] = field(default_factory=dict)
    merges: list[tuple[NamedNode, list[NamedNode]]] = field(default_factory=list)


def match(
    groups: list[Group],
    apart: set[frozenset[NamedNode]],
    labels: Mapping[NamedNode, str] | None = None,
) -> Matching:
    """Merge compatible groups (deterministically); fixed groups never merge with each other.

    A group merges with its candidates only when they form a closed, compatible cluster: every
    member's candidates are in the cluster. Otherwise the match is ambiguous and left to a curator.
    """
    result = Matching()
    buckets: dict[frozenset[NamedNode], list[Group]] = defaultdict(list)
    for group in groups:
        if group.accounts:
            buckets[group.participants].append(group)
    for bucket in buckets.values():
        _match_bucket(bucket, apart, labels or {}, result)
    return result


def _match_bucket(
    groups: list[Group],
    apart: set[frozenset[NamedNode]],
    labels: Mapping[NamedNode, str],
    result: Matching,
) -> None:
    live = {g.meeting: g for g in groups}

    def candidates(group: Group) -> list[Group]:
        return [
            other
            for other in live.values()
            if other is not group
            and not (group.fixed and other.fixed)
            and incompatibility([group, other], apart) is None
        ]

    changed = True
    while changed:
        changed = False
        ambiguous: dict[NamedNode, list[NamedNode]] = {}
        for group in sorted(live.values(), key=lambda g: g.preference()):
            found = candidates(group)
            if not found:
                continue
            cluster = [group, *found]
            members = {id(g) for g in cluster}
            closed = all({id(o) for o in candidates(m)} <= members for m in found)
            if (
                not closed
                or incompatibility(cluster, apart) is not None
                or sum(g.fixed for g in cluster) > 1
            ):
                if not group.fixed:
                    for account in group.accounts:
                        ambiguous[account.iri] = sorted(
                            (c.meeting for c in found), key=lambda m: m.value
                        )
                continue
            canonical = min(cluster, key=lambda g: g.preference())
            absorbed = [g for g in cluster if g is not canonical]
            for other in absorbed:
                for account in other.accounts:
                    result.because[account.iri] = _because(account, canonical, labels)
                    result.target[account.iri] = canonical.meeting
                canonical.accounts.extend(other.accounts)
                del live[other.meeting]
            result.merges.append((canonical.meeting, [g.meeting for g in absorbed]))
            changed = True
            break
        if not changed:
            result.ambiguous.update(ambiguous)


def _because(account: Account, group: Group, labels: Mapping[NamedNode, str]) -> str:
    def name(iri: NamedNode | None) -> str:
        return labels.get(iri, curie(iri.value)) if iri is not None else "?"

    people = ", ".join(sorted(name(p) for p in account.participants))
    others = "; ".join(
        f"{name(a.source)} ({curie(a.iri.value)}: {a.bounds_text}{', ' + name(a.place) if a.place else ''})"
        for a in sorted(group.accounts, key=lambda a: a.iri.value)
    )
    parts = [
        f"same participants ({people})",
        f"dates overlap ({account.bounds_text} and {group.earliest or '…'} to {group.latest or '…'})",
    ]
    if account.place and group.places:
        parts.append(f"same place ({name(account.place)})")
    elif account.place or group.places:
        parts.append(
            f"place {name(account.place or next(iter(group.places)))} printed by one side only"
        )
    else:
        parts.append("no place printed")
    disagreements = []
    if account.date and any(a.date and a.date != account.date for a in group.accounts):
        disagreements.append(
            "date precision: "
            + " vs ".join(sorted({account.date, *(a.date for a in group.accounts if a.date)}))
        )
    text = f"matched to {curie(group.meeting.value)} reported by {others}: " + "; ".join(parts)
    if disagreements:
        text += "; sources differ on " + "; ".join(disagreements)
    return text


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


# -- rewriting graphs -------------------------------------------------------------------------


def rewrite(
    triples: Iterable[Triple],
    target: Mapping[NamedNode, NamedNode],
    because: Mapping[NamedNode, str | None],
    ambiguous: Mapping[NamedNode, list[NamedNode]] | None = None,
    recompute: Iterable[NamedNode] = (),
) -> list[Triple]:
    """A graph's triples with accounts pointed to their new meetings and the evidence recorded.

    ``target`` maps accounts to meetings; ``because`` sets (or with None clears) kb:matchedBecause;
    ``ambiguous`` replaces kb:ambiguousMatch of the accounts in ``recompute`` (and of those it names).
    """
    ambiguous = ambiguous or {}
    recomputed = set(recompute) | set(ambiguous)
    out: list[Triple] = []
    proposed: dict[object, object] = {}
    old_meeting: dict[object, object] = {}
    for t in triples:
        if t.predicate == KB.proposedMeeting:
            proposed[t.subject] = t.object
        if t.predicate == KB.meeting:
            old_meeting[t.subject] = t.object
    for t in triples:
        s, p = t.subject, t.predicate
        if s in target and p in (KB.meeting, KB.proposedMeeting):
            continue
        if s in because and p == KB.matchedBecause:
            continue
        if s in recomputed and p == KB.ambiguousMatch:
            continue
        if p == RDF_TYPE and t.object == KB.Meeting:
            continue  # re-added below for the meetings still used
        out.append(t)
    for account, meeting in target.items():
        if account not in old_meeting:
            continue
        out.append(Triple(account, KB.meeting, meeting))  # type: ignore[arg-type]
        origin = proposed.get(account, old_meeting[account])
        if origin != meeting:
            out.append(Triple(account, KB.proposedMeeting, origin))  # type: ignore[arg-type]
    for account, text in because.items():
        if text and account in old_meeting:
            out.append(Triple(account, KB.matchedBecause, Literal(text)))
    for account, meetings in ambiguous.items():
        if account in old_meeting:
            out += [Triple(account, KB.ambiguousMatch, m) for m in meetings]
    used = {t.object for t in out if t.predicate == KB.meeting}
    out += [Triple(m, RDF_TYPE, KB.Meeting) for m in sorted(used, key=lambda m: m.value)]  # type: ignore[arg-type,union-attr]
    return out


def _groups(accounts: Iterable[Account], fixed: bool) -> dict[NamedNode, Group]:
    groups: dict[NamedNode, Group] = {}
    for account in accounts:
        groups.setdefault(account.meeting, Group(account.meeting, fixed=fixed)).accounts.append(
            account
        )
    return groups


def assign_meetings(
    store: Store, replace_graphs: Mapping[NamedNode, list[Triple]]
) -> dict[NamedNode, list[Triple]]:
    """A submission's graphs, each new account pointed to the existing meeting it reports.

    Call before writing (``kb add`` does): first the curation graph's entity merges are
    applied, then every kb:MeetingAccount of the submission whose participants, dates and
    place match an existing kb:Meeting (of another source) takes that meeting's IRI, keeping
    its own in kb:proposedMeeting and the reasons in kb:matchedBecause. Graphs the submission
    replaces are not matched against (re-adding a source re-matches it from scratch).
    """
    graphs = apply_curation(store, replace_graphs)
    new_accounts = accounts_in_triples(graphs)
    if not new_accounts:
        return graphs
    existing = accounts_in_store(
        store, {p for a in new_accounts for p in a.participants}, exclude=graphs
    )
    # accounts a submission re-sends with evidence from an earlier match start from their proposal
    for account in new_accounts:
        if account.proposed is not None:
            account.meeting = account.proposed
    new_groups = _groups(new_accounts, fixed=False)
    old_groups = _groups(existing, fixed=True)
    group_because: dict[NamedNode, str] = {}
    apart = kept_apart(store)
    labels = labels_of(
        store,
        {x for a in [*new_accounts, *existing] for x in [*a.participants, a.source, a.place] if x},
    )
    renamed: dict[NamedNode, NamedNode] = {}
    for meeting in sorted(set(new_groups) & set(old_groups), key=lambda m: m.value):
        # the form proposed an IRI already in use: a curator's IRI is an assertion, an
        # extractor's (derived from a date and names) only a proposal, checked like any other
        group, old = new_groups.pop(meeting), old_groups[meeting]
        if all(a.curated for a in group.accounts) or incompatibility([old, group], apart) is None:
            if not all(a.curated for a in group.accounts):
                for account in group.accounts:
                    renamed[account.iri] = meeting
                    result_because = _because(account, old, labels)
                    group_because[account.iri] = result_because
            old.accounts += group.accounts
        else:
            source = group.accounts[0].source
            suffix = local(source) if source else "new"
            fresh = MTG[f"{meeting.value.rsplit('/', 1)[-1]}--{suffix}"]
            for account in group.accounts:
                account.meeting = fresh
                renamed[account.iri] = fresh
            new_groups[fresh] = Group(fresh, group.accounts)
    result = match([*old_groups.values(), *new_groups.values()], apart, labels)
    for account_iri, meeting in renamed.items():
        result.target.setdefault(account_iri, meeting)
    for account_iri, text in group_because.items():
        result.because.setdefault(account_iri, text)
    new_iris = {a.iri for a in new_accounts}
    out = {}
    for graph, triples in graphs.items():
        mine = [a for a in new_accounts if a.graph == graph]
        target = {a.iri: result.target.get(a.iri, a.meeting) for a in mine}
        because = {a.iri: result.because.get(a.iri) for a in mine}
        ambiguous = {a: m for a, m in result.ambiguous.items() if a in new_iris and a in target}
        out[graph] = (
            rewrite(triples, target, because, ambiguous, recompute=target) if mine else triples
        )
    return out


@dataclass
class Reconciliation:
    merges: list[tuple[NamedNode, list[NamedNode]]]
    ambiguous: dict[NamedNode, list[NamedNode]]
    graphs: list[NamedNode]


def reconcile(store: Store, agent: str | None = None, dry_run: bool = False) -> Reconciliation:
    """Match the accounts of the whole KB again and write the merges in one transaction."""
    accounts = accounts_in_store(store)
    groups = _groups(accounts, fixed=False)
    apart = kept_apart(store)
    labels = labels_of(
        store, {x for a in accounts for x in [*a.participants, a.source, a.place] if x}
    )
    result = match(list(groups.values()), apart, labels)
    by_graph: dict[NamedNode, list[Account]] = defaultdict(list)
    for account in accounts:
        by_graph[account.graph].append(account)
    stale_ambiguity = {
        r["a"]
        for r in store.select(
            sparql_prologue() + "SELECT DISTINCT ?a WHERE { ?a kb:ambiguousMatch ?m }"
        ).rows
    }
    replace: dict[NamedNode, list[Triple]] = {}
    for graph, mine in by_graph.items():
        moved = [a for a in mine if a.iri in result.target]
        touched = [a for a in mine if a.iri in result.ambiguous or a.iri in stale_ambiguity]
        if not moved and not touched:
            continue
        target = {a.iri: result.target[a.iri] for a in moved}
        because = {a.iri: result.because[a.iri] for a in moved}
        ambiguous = {a.iri: result.ambiguous[a.iri] for a in mine if a.iri in result.ambiguous}
        replace[graph] = rewrite(
            store.graph(graph),
            target,
            because,
            ambiguous,
            recompute=[a.iri for a in touched],
        )
    if replace and not dry_run:
        act, record = activity(
            KB.MeetingReconciliation, "kb meetings reconcile", agent, len(result.merges)
        )
        for canonical, absorbed in result.merges:
            merged = ", ".join(curie(m.value) for m in absorbed)
            record.append(
                Triple(act, RDFS.comment, Literal(f"merged {merged} into {curie(canonical.value)}"))
            )
        store.write(replace=replace, insert={CURATION_GRAPH: record})
    return Reconciliation(result.merges, result.ambiguous, sorted(replace, key=lambda g: g.value))


def split(store: Store, account: NamedNode, agent: str | None = None) -> NamedNode:
    """Take an account out of its meeting (undo a merge); returns the account's meeting now.

    The account goes back to the meeting its form proposed when that is free, else to a new
    meeting named after its proposal and its source. The curation graph records that the account
    is kept apart from every other account of the meeting, so matching never merges them again.
    """
    rows = [a for a in accounts_in_store(store) if a.iri == account]
    if not rows:
        raise InputError(
            f"{account.value} is not a meeting account (kb explain MEETING lists them)"
        )
    mine = rows[0]
    others = [
        a
        for a in accounts_in_store(store, mine.participants)
        if a.meeting == mine.meeting and a.iri != account
    ]
    if not others:
        raise InputError(
            f"{curie(account.value)} is the only account of {curie(mine.meeting.value)}: nothing to split"
        )
    in_use = {a.meeting for a in accounts_in_store(store, mine.participants)}
    proposal = mine.proposed or mine.meeting
    new = proposal
    if new in in_use:
        source_id = local(mine.source) if mine.source else mine.iri.value.rsplit("/", 2)[-2]
        new = MTG[f"{proposal.value.rsplit('/', 1)[-1]}--{source_id}"]
    triples = rewrite(
        store.graph(mine.graph), {account: new}, {account: None}, {}, recompute=[account]
    )
    triples = [
        t for t in triples if not (t.subject == account and t.predicate == KB.proposedMeeting)
    ]
    act, record = activity(KB.MeetingSplit, f"kb meetings split {account.value}", agent, account)
    record += [Triple(act, KB.splitAccount, account), Triple(act, KB.splitFrom, mine.meeting)]
    record += [Triple(account, KB.keptApartFrom, o.iri) for o in others]
    record += [Triple(o.iri, KB.keptApartFrom, account) for o in others]
    store.write(replace={mine.graph: triples}, insert={CURATION_GRAPH: record})
    return new


# -- explaining -------------------------------------------------------------------------------


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
