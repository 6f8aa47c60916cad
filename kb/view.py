"""The derived view: display fields kb computes from each source graph whenever it writes it.

A saved query that lists claims reads a claim's quote through a path of three triples
(``kb:evidence/oa:hasSelector/oa:exact``, with a second selector for the offsets), and a
listing sorted by date has no index to start from. So, for every source graph
``graph:source/ID`` it writes, kb also writes ``graph:view/ID``: the triples of the CONSTRUCT
queries in ``ontology/views/`` run over that one graph (the view's definition is data, next
to the ontology that declares its properties as ``kb:DerivedProperty``). It is written in
the same transaction as its source and removed with it, so a reader never sees one without
the other. The buckets sorted listings run through (``kb:sortMonth``, ``kb:sourceBucket``,
``kb:meetingBucket``, ``kb:publishedMonth``) are also listed in the small graph
``graph:view/buckets``, which only grows: a bucket no claim is in any more is an empty bucket,
not a wrong one.

Derived triples are not claims: validation and claim counts leave the view graphs out, and
a draft may not assert them. The bucket list also carries a stamp of the view's definition
(``kb:viewDefinition``): a listing refuses a store whose views are missing or older, and
``kb init`` rebuilds every view then (the migration for a store written before the view
existed, or after its definition changed).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox

from .errors import InputError, StoreError
from .model import derived_properties
from .namespaces import GRAPH, KB, sparql_prologue
from .resources import ONTOLOGY_DIR
from .store import Store

VIEWS_DIR = ONTOLOGY_DIR / "views"
SOURCE_GRAPHS = GRAPH["source/"].value
VIEW_GRAPHS = GRAPH["view/"].value
BUCKETS = GRAPH["view/buckets"]
# the derived properties whose values order a listing, listed in BUCKETS
BUCKET_PROPERTIES = (KB.sortMonth, KB.sourceBucket, KB.meetingBucket, KB.publishedMonth)


def view_graph(source_graph: ox.NamedNode) -> ox.NamedNode | None:
    """``graph:view/ID`` for ``graph:source/ID``; None for any other graph."""
    if not source_graph.value.startswith(SOURCE_GRAPHS):
        return None
    return ox.NamedNode(VIEW_GRAPHS + source_graph.value[len(SOURCE_GRAPHS) :])


def is_view_graph(name: object) -> bool:
    """Whether a graph holds derived triples (a source's view, or the bucket list)."""
    return isinstance(name, ox.NamedNode) and name.value.startswith(VIEW_GRAPHS)


@lru_cache(maxsize=1)
def definitions(directory: Path = VIEWS_DIR) -> tuple[str, ...]:
    """The CONSTRUCT queries that define the view, in file order."""
    try:
        return tuple(p.read_text(encoding="utf-8") for p in sorted(directory.glob("*.rq")))
    except OSError as error:
        raise InputError(f"{directory}: cannot read the view's definition: {error}") from error


def definition_stamp() -> str:
    """A short hash of the view's definition: a store's views were all derived by the
    definition whose stamp ``graph:view/buckets`` holds (``kb:viewDefinition``)."""
    meaningful = (
        "\n".join(line.rstrip() for line in text.splitlines() if line.strip()[:1] not in ("", "#"))
        for text in definitions()
    )  # comment lines and blank lines change no view
    digest = hashlib.sha256("\n\x00".join(meaningful).encode("utf-8"))
    return digest.hexdigest()[:16]


def stamp() -> ox.Triple:
    """The triple that says every view in the store is of the current definition."""
    return ox.Triple(BUCKETS, KB.viewDefinition, ox.Literal(definition_stamp()))


def is_current(store: Store) -> bool:
    """Whether every view in ``store`` is of the current definition (one lookup)."""
    return store.ask(
        sparql_prologue()
        + f"ASK {{ GRAPH {BUCKETS} {{ {BUCKETS} kb:viewDefinition {stamp().object} }} }}"
    )


@dataclass
class Derived:
    """What writing some source graphs adds: each one's view graph (to replace), and the
    sort buckets they use (to insert into BUCKETS)."""

    views: dict[ox.NamedNode, list[ox.Triple]] = field(default_factory=dict)
    buckets: list[ox.Triple] = field(default_factory=list)

    def replace(
        self, replace: Mapping[ox.NamedNode, Iterable[ox.Triple]]
    ) -> dict[ox.NamedNode, Iterable[ox.Triple]]:
        """``replace`` with the views added."""
        return {**replace, **self.views}

    def insert(
        self, insert: Mapping[ox.NamedNode, Iterable[ox.Triple]] | None = None
    ) -> dict[ox.NamedNode, Iterable[ox.Triple]]:
        """``insert`` with the buckets added."""
        insert = dict(insert or {})
        if self.buckets:
            insert[BUCKETS] = [*insert.get(BUCKETS, []), *self.buckets]
        return insert


def derive(graphs: Mapping[ox.NamedNode, Iterable[ox.Triple]]) -> Derived:
    """The view of every source graph among ``graphs`` (an empty one for a graph written
    empty: its view goes with it). Other graphs (the model, records) have none."""
    sources = {name: list(triples) for name, triples in graphs.items() if view_graph(name)}
    derived = Derived()
    if not sources:
        return derived
    memory = ox.Store()
    memory.extend(
        ox.Quad(t.subject, t.predicate, t.object, name)
        for name, triples in sources.items()
        for t in triples
    )
    months: set[ox.Triple] = set()
    for name, triples in sources.items():
        view = view_graph(name)
        assert view is not None
        out: list[ox.Triple] = []
        derived.views[view] = out
        if not triples:
            continue
        for definition in definitions():
            result = memory.query(definition, default_graph=name)
            assert isinstance(result, ox.QueryTriples)
            out.extend(result)
        months.update(
            ox.Triple(BUCKETS, t.predicate, t.object)
            for t in out
            if t.predicate in BUCKET_PROPERTIES
        )
    derived.buckets = sorted(months, key=str)
    return derived


def with_view(
    graphs: Mapping[ox.NamedNode, Iterable[ox.Triple]], store: Store | None = None
) -> dict[ox.NamedNode, list[ox.Triple]]:
    """``graphs`` to write whole (as ``kb build`` does), with the views of their source
    graphs and the bucket list: theirs and the one ``store`` holds. The list keeps the
    definition's stamp when every view will be of the current definition: the store's were,
    or ``graphs`` rewrite every source graph it holds (or there is no store yet)."""
    derived = derive(graphs)
    kept = store.graph(BUCKETS) if store is not None else []
    buckets = {t for t in kept if t.predicate != KB.viewDefinition} | set(derived.buckets)
    if store is None or is_current(store) or _rewrites_every_source(store, graphs):
        buckets.add(stamp())
    return {
        **{name: list(t) for name, t in graphs.items()},
        **derived.views,
        BUCKETS: sorted(buckets, key=str),
    }


def _rewrites_every_source(store: Store, graphs: Mapping[ox.NamedNode, object]) -> bool:
    return all(name in graphs for name in store.graph_names() if view_graph(name))


def write(
    store: Store,
    replace: Mapping[ox.NamedNode, Iterable[ox.Triple]] | None = None,
    insert: Mapping[ox.NamedNode, Iterable[ox.Triple]] | None = None,
) -> None:
    """``store.write``, with the view of every source graph it writes in the same
    transaction. A source graph only extended (``insert``) gets the view of its whole new
    content: what the store holds plus what is added."""
    replacing = {name: list(triples) for name, triples in (replace or {}).items()}
    inserting = {name: list(triples) for name, triples in (insert or {}).items()}
    written = dict(replacing)
    for name, triples in inserting.items():
        if triples and view_graph(name) and name not in replacing:
            written[name] = store.graph(name) + triples
    derived = derive(written)
    store.write(replace=derived.replace(replacing), insert=derived.insert(inserting))


@lru_cache(maxsize=1)
def _reads_view() -> re.Pattern[str]:
    """A derived property (kb.ttl's kb:DerivedProperty) named in a query, as kb:NAME or <IRI>."""
    names = sorted(p.value[len(KB[""].value) :] for p in derived_properties())
    either = "|".join(map(re.escape, names))
    return re.compile(rf"\bkb:(?:{either})\b|<{re.escape(KB[''].value)}(?:{either})>")


def require(store: Store, query: str) -> None:
    """Refuse a query that reads the view on a KB whose views are missing or of an older
    definition: it would answer with rows missing or wrong, not with an error."""
    if not _reads_view().search(query) or is_current(store):
        return
    # any claim the view derives from: a statement always has evidence, a meeting account may not
    if store.ask(
        sparql_prologue()
        + "ASK { { ?claim kb:evidence ?evidence } UNION { ?account kb:meeting ?m } }"
    ):
        raise StoreError(
            f"the derived view (kb.view) of the KB at {store.location} is missing or out of "
            "date, and this query reads it: run `kb init` once to rebuild it"
        )


# Source graphs a rebuild reads and writes at a time: each part is one transaction, and
# memory holds one part's graphs, not the KB's.
REBUILD_PART = 1000


def rebuild(store: Store) -> int:
    """Write the view of every source graph of ``store`` again, part by part, and the bucket
    list from scratch; the number of source graphs. A view graph whose source is gone is
    removed. Safe to run again after an interruption: every part is a transaction, and the
    definition's stamp is written last. Nothing to do when the stamp is current."""
    if is_current(store):
        return 0
    names = store.graph_names()
    sources = sorted((name for name in names if view_graph(name)), key=str)
    wanted = {view_graph(name) for name in sources}
    orphans = [name for name in names if is_view_graph(name) and name not in wanted]
    buckets: set[ox.Triple] = set()
    for start in range(0, len(sources), REBUILD_PART):
        part = sources[start : start + REBUILD_PART]
        derived = derive({name: store.graph(name) for name in part})
        buckets.update(derived.buckets)
        store.write(replace=derived.views)
    store.write(
        replace={
            **{name: [] for name in orphans if name != BUCKETS},
            BUCKETS: sorted({*buckets, stamp()}, key=str),
        }
    )
    return len(sources)
