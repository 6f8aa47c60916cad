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

``accounts`` reads the accounts, ``matching`` decides which meeting each reports, ``explain``
tells a person why; this module rewrites the graphs (assign, reconcile, split).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from pyoxigraph import Literal, NamedNode, Triple

from ..curation import CURATION_GRAPH, activity, apply_curation
from ..errors import InputError
from ..namespaces import KB, MTG, RDF_TYPE, RDFS, curie, local, sparql_prologue
from ..store import Store
from ..view import write as write_with_view
from .accounts import (
    Account,
    Group,
    accounts_in_store,
    accounts_in_triples,
    kept_apart,
    labels_of,
    meetings_near,
)
from .explain import disagreements, explain
from .matching import Matching, incompatibility, match, matched_because

__all__ = [
    "Account",
    "Group",
    "Matching",
    "Reconciliation",
    "accounts_in_store",
    "accounts_in_triples",
    "assign_meetings",
    "disagreements",
    "explain",
    "incompatibility",
    "kept_apart",
    "match",
    "reconcile",
    "rewrite",
    "split",
]


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
    # only the meetings an account may report (its participants', within its dates): what
    # the lookup reads grows with the submission, not with every meeting of its participants
    existing = accounts_in_store(
        store,
        {p for a in new_accounts for p in a.participants},
        exclude=graphs,
        meetings=meetings_near(store, new_accounts),
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
                    result_because = matched_because(account, old, labels)
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
        write_with_view(store, replace=replace, insert={CURATION_GRAPH: record})
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
    write_with_view(store, replace={mine.graph: triples}, insert={CURATION_GRAPH: record})
    return new
