"""Helpers for the identity tests: seed claim forms compiled as an extractor would, stores."""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import yaml
from pyoxigraph import Literal, NamedNode, Triple

from kb import kbase, view
from kb.claimform import CompiledSource, compile_form
from kb.namespaces import CLAIM, ENT, GRAPH, KB, MTG, RDF_TYPE, SRC, XSD, sparql_prologue
from kb.resources import SEEDS_DIR
from kb.store import Store
from kb.store.embedded import EmbeddedStore
from kb.textio import read_utf8 as read_text

TURAN = "001_35c6b722bd335644.claims.yaml"
ANA = "002_fca3cd6499d7d6ee.claims.yaml"
AL_ALAM = "003_0d083f3321f654a4.claims.yaml"


def seed_form(name: str) -> dict[str, Any]:
    return yaml.safe_load((SEEDS_DIR / name).read_text(encoding="utf-8"))


def compile_variant(
    name: str,
    change: Callable[[dict[str, Any]], None] | None = None,
    origin: str = "extracted",
    drop_meeting_ids: bool = True,
    directory: Path = SEEDS_DIR,
) -> CompiledSource:
    """A seed's claim form compiled as an extractor would: no curated meeting ids, origin extracted."""
    form = copy.deepcopy(yaml.safe_load((directory / name).read_text(encoding="utf-8")))
    if drop_meeting_ids:
        for meeting in form.get("meetings") or []:
            meeting.pop("meeting", None)
    if change:
        change(form)
    text = read_text(directory / form["source"]["file"])
    return compile_form(form, text, kbase.model_registry(), origin=origin, where=name)


def accounts_by_meeting(store: Store) -> dict[str, set[str]]:
    """meeting IRI -> the sources of its accounts."""
    rows = store.select(
        sparql_prologue()
        + "SELECT ?m ?s WHERE { ?a a kb:MeetingAccount ; kb:meeting ?m ; kb:source ?s }"
    ).rows
    out: dict[str, set[str]] = {}
    for row in rows:
        out.setdefault(row["m"].value, set()).add(row["s"].value)  # type: ignore[attr-defined]
    return out


def meeting_of(store: Store, account: str) -> str:
    rows = store.select(sparql_prologue() + f"SELECT ?m WHERE {{ <{account}> kb:meeting ?m }}").rows
    assert len(rows) == 1, rows
    return rows[0]["m"].value  # type: ignore[attr-defined]


def source_graph_triples(store: Store) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for quad in store.quads():
        graph = quad.graph_name
        if isinstance(graph, NamedNode) and "/graph/source/" in graph.value:
            out.setdefault(graph.value, set()).add(
                str(Triple(quad.subject, quad.predicate, quad.object))
            )
    return out


def meeting_account(
    graph_id: str,
    n: int,
    meeting: str,
    people: Sequence[str],
    earliest: str = "",
    latest: str = "",
    source: str = "",
) -> list[Triple]:
    """Meeting account ``n`` of source graph ``graph_id`` (reported by ``source``, by default
    that graph's own source): ``people`` met at ``meeting``, within the bounds given."""
    account = CLAIM[f"{graph_id}/m{n}"]
    triples = [
        Triple(account, RDF_TYPE, KB.MeetingAccount),
        Triple(account, KB.meeting, MTG[meeting]),
        Triple(account, KB.source, SRC[source or graph_id]),
    ]
    for index, person in enumerate(people, 1):
        participation = CLAIM[f"{graph_id}/m{n}/p{index}"]
        triples.append(Triple(account, KB.participation, participation))
        triples.append(Triple(participation, KB.participant, ENT[person]))
    for bound, value in ((KB.earliest, earliest), (KB.latest, latest)):
        if value:
            triples.append(Triple(account, bound, Literal(value, datatype=XSD.date)))
    return triples


def kb_of_accounts(
    path: Path, reports: dict[str, list[tuple[Sequence[str], str]]]
) -> EmbeddedStore:
    """A new KB at ``path`` of meeting accounts, each in a source graph of its own: for each
    meeting, its accounts' people and source ("" for the graph's own)."""
    store = EmbeddedStore(path)
    kbase.init(store)
    graphs: dict[NamedNode, list[Triple]] = {}
    for number, (meeting, accounts) in enumerate(reports.items()):
        for index, (people, source) in enumerate(accounts):
            graph_id = f"{number:08d}{index:08d}"
            graphs[GRAPH[f"source/{graph_id}"]] = meeting_account(
                graph_id, 1, meeting, people, source=source
            )
    view.write(store, insert=graphs)
    return store
