"""Which meeting an account reports: the groups it may join, why two groups cannot be one
meeting, and the sentence that says why an account was matched."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field

from pyoxigraph import NamedNode

from ..namespaces import curie
from .accounts import Account, Group


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
                    result.because[account.iri] = matched_because(account, canonical, labels)
                    result.target[account.iri] = canonical.meeting
                canonical.accounts.extend(other.accounts)
                del live[other.meeting]
            result.merges.append((canonical.meeting, [g.meeting for g in absorbed]))
            changed = True
            break
        if not changed:
            result.ambiguous.update(ambiguous)


def matched_because(account: Account, group: Group, labels: Mapping[NamedNode, str]) -> str:
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
