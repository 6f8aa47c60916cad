"""The knowledge base's life cycle: init, build from the seeds, add submissions, export."""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO

import pyoxigraph as ox

from . import identity, view
from .claimform import CompiledSource, compile_form_file, iter_seed_forms
from .errors import InputError, ValidationFailed
from .model import model_graphs, model_registry
from .namespaces import GRAPH, KB, PROV, RDF_TYPE, RDFS, claims_in
from .provenance import agent_iri, agent_triples, extractor_iri, now_literal
from .registry import Registry
from .resources import SEEDS_DIR
from .store import Store, bulk_path, replace_in_bulk
from .store.bulk import build_new as bulk_build_new
from .store.embedded import EmbeddedStore
from .submission import Submission, read_submission, submission_files
from .validation import (
    Context,
    Report,
    Violation,
    context_for,
    merged,
    named_nodes,
    validate_store,
    validate_triples,
)
from .validation_workers import Part, validate_parts, worker_pool, workers_for

Progress = Callable[[str], None]


def _quiet(_: str) -> None:
    pass


def init(store: Store) -> None:
    """Write the model graphs; claims already in the store are kept, and their derived view
    is rebuilt (kb.view: the migration of a store written before the view, or before a change
    to its definition)."""
    store.write(replace=model_graphs())
    view.rebuild(store)


def compile_seeds(seeds_dir: Path = SEEDS_DIR, progress: Progress = _quiet) -> list[CompiledSource]:
    registry = model_registry()
    compiled = []
    for form in iter_seed_forms(seeds_dir):
        progress(f"compiling {form.name}")
        compiled.append(compile_form_file(form, registry))
    return compiled


def build(store: Store, seeds_dir: Path = SEEDS_DIR, progress: Progress = _quiet) -> Report:
    """Init plus the curated claims of the seeds, validated first, then written in one transaction
    (on a server, graph by graph when the build exceeds its bulk size: see kb.store.remote)."""
    graphs, report = _checked_build(seeds_dir, progress)
    progress("writing")
    replace_in_bulk(store, view.with_view(graphs, store))
    return report


def build_new(path: Path, seeds_dir: Path = SEEDS_DIR, progress: Progress = _quiet) -> Report:
    """``build`` into a location that holds no store yet: the same graphs, validated the same
    way, written by the engine's bulk loader into a new store that a directory rename commits
    (kb.store.bulk.build_new): all or nothing, memory flat in the size of the build."""
    graphs, report = _checked_build(seeds_dir, progress)
    progress("writing")
    bulk_build_new(path, as_quads(view.with_view(graphs))).close()
    return report


def _checked_build(
    seeds_dir: Path, progress: Progress
) -> tuple[dict[ox.NamedNode, list[ox.Triple]], Report]:
    """The graphs ``kb build`` writes (the model and the seeds), once they pass the shapes."""
    model = model_graphs()
    sources = compile_seeds(seeds_dir, progress)
    progress(f"validating {len(sources)} sources")
    everything = [t for triples in model.values() for t in triples]
    everything += [t for source in sources for t in source.triples]
    report = validate_triples(everything)
    if not report.conforms:
        raise ValidationFailed("the curated claims break the shapes; nothing was written", report)
    return {**model, **{s.graph: s.triples for s in sources}}, report


def as_quads(graphs: dict[ox.NamedNode, list[ox.Triple]]) -> Iterator[ox.Quad]:
    """The triples of named graphs as quads, lazily (what the bulk paths take)."""
    for name, triples in graphs.items():
        for t in triples:
            yield ox.Quad(t.subject, t.predicate, t.object, name)


# A batch is validated in parts of about this many triples (a few dozen drafts): pyshacl's
# memory grows with what it validates at once, and its fixed cost per call is shared by the
# drafts of a part. Measured with benchmarks/run.py --only add (add-batch).
PART_TRIPLES = 20_000


def check(
    store: Store, paths: list[Path], progress: Progress = _quiet
) -> tuple[Submission, Report]:
    """Read and validate files (or every draft under a directory) against the shapes and the
    KB context they reference.

    The context leaves out the graphs the submission replaces: what they hold now will be
    gone once it is written, so neither a claim nor a duplicate may lean on it. Each meeting
    account is first pointed to the meeting the KB already knows it reports (same people,
    compatible dates and place), whatever order the sources arrive in. A batch of many
    drafts is validated in parts, each with its context from the KB and from the rest of
    the batch, so that the result is the one validating the whole batch at once would give;
    the parts are validated side by side in worker processes, one per core
    (``kb.validation_workers``), while this process gathers the next parts' contexts.
    """
    has_registry = _has_registry(store)
    submission = read_submission(
        submission_files(paths),
        Registry(store) if has_registry else model_registry(),
        progress,
    )
    expected_parts = -(-len(submission.triples()) // PART_TRIPLES)  # about: graphs are whole
    with worker_pool(workers_for(expected_parts)) as pool:  # starting while meetings are assigned
        submission.replace = identity.assign_meetings(store, submission.replace)
        triples = submission.triples()
        if not triples:
            raise InputError("nothing to validate: the files hold no triples")
        parts = list(_parts(submission))
        batch = _batch_view(submission) if len(parts) > 1 else None
        shared = _shared_nodes(submission, parts) if batch is not None else set()
        # graphs the store does not hold have nothing to leave out (and a long NOT IN costs)
        kb_context = Context(store, _held_graphs(store, submission.replace))

        def with_context() -> Iterator[Part]:
            for graphs, files in parts:
                for name in files:
                    progress(f"validating {name}")
                part = [t for graph in graphs for t in submission.graph_triples(graph)]
                context = kb_context.of(part)
                if batch is not None:  # the rest of the batch has only the nodes parts share
                    context += Context(batch, graphs, mentioned=shared).of(part)
                if not has_registry:
                    context += _model_context(part)
                yield part, context

        reports = list(validate_parts(with_context(), pool if len(parts) > 1 else None))
    report = reports[0] if len(reports) == 1 else merged(reports)
    if not report.conforms and len(submission.files) > 1:
        report.violations = _with_files(submission, report.violations)
    return submission, report


def _with_files(submission: Submission, violations: list[Violation]) -> list[Violation]:
    """Each violation with the draft its claim (or node) came from."""
    graph_of = {
        str(t.subject): graph
        for graph in submission.graphs()
        for t in submission.graph_triples(graph)
    }
    named = []
    for violation in violations:
        graph = graph_of.get(violation.claim or violation.focus) or graph_of.get(violation.focus)
        paths = submission.origin.get(graph, submission.files) if graph is not None else []
        files = ", ".join(dict.fromkeys(map(str, paths))) or None
        named.append(replace(violation, file=files))
    return named


def _shared_nodes(
    submission: Submission, parts: list[tuple[list[ox.NamedNode], list[str]]]
) -> set[ox.NamedNode]:
    """The IRIs more than one part mentions: the only ones whose context a part may find
    in the rest of the batch (every triple there is in another part's graphs)."""
    seen: set[ox.NamedNode] = set()
    shared: set[ox.NamedNode] = set()
    for graphs, _ in parts:
        mine = named_nodes(t for graph in graphs for t in submission.graph_triples(graph))
        shared |= mine & seen
        seen |= mine
    return shared


def _held_graphs(store: Store, names: Iterable[ox.NamedNode]) -> list[ox.NamedNode]:
    """Those of ``names`` the store holds."""
    bulk = bulk_path(store)
    if bulk is not None:
        return [name for name in names if bulk.holds_graph(name)]
    held = set(store.graph_names())
    return [name for name in names if name in held]


def _parts(submission: Submission) -> Iterator[tuple[list[ox.NamedNode], list[str]]]:
    """The submission's graphs in parts of about PART_TRIPLES triples (a graph is never
    split), each with the names of the files it came from."""
    graphs: list[ox.NamedNode] = []
    size = 0
    for name in sorted(submission.graphs(), key=str):
        graphs.append(name)
        size += len(submission.graph_triples(name))
        if size >= PART_TRIPLES:
            yield graphs, submission.files_of(graphs)
            graphs, size = [], 0
    if graphs:
        yield graphs, submission.files_of(graphs)


def _batch_view(submission: Submission) -> Store:
    """The whole batch in a throw-away store: the context one part of it takes from the rest."""
    view = EmbeddedStore.in_memory()
    view.add_new(as_quads({**submission.replace, **submission.insert}))
    return view


@dataclass
class Added:
    """What ``add`` did: the report, and the record graph it wrote (None: nothing changed)."""

    report: Report
    record: ox.NamedNode | None
    claims: int


def add(
    store: Store,
    paths: list[Path],
    agent: str | None = None,
    progress: Progress = _quiet,
    labels: Mapping[Path, str] | None = None,
) -> Added:
    """Validate, then store all or nothing in one write, recording the submission with PROV-O.

    ``paths`` are files, or directories whose drafts are all added in this one submission.
    The write is one transaction; on the embedded store, when every graph it replaces is
    new (a new source), that transaction is the engine's own insert, not a SPARQL update.
    Adding what the KB already holds writes nothing at all, not even a record, so running
    the same ``kb add`` twice leaves the store as the first run left it. ``labels`` name
    files in the record otherwise than by their path (standard input, spooled to a file).
    """
    submission, report = check(store, paths, progress)
    if not report.conforms:
        raise ValidationFailed("the submission breaks the shapes; nothing was written", report)
    claims = len(claims_in(submission.triples()))
    if _already_stored(store, submission):
        return Added(report, None, claims)
    record = _submission_record(store, submission, agent, labels or {})
    progress("writing")
    view.write(store, replace=submission.replace, insert={**submission.insert, **record})
    (graph,) = record
    return Added(report, graph, claims)


def validate_all(store: Store) -> Report:
    """Validate the whole KB (every graph)."""
    return validate_store(store)


def export(store: Store, fmt: ox.RdfFormat) -> bytes:
    """The whole store in one RDF format; triple formats get the union of all graphs."""
    buffer = io.BytesIO()
    export_to(store, fmt, buffer)
    return buffer.getvalue()


def export_to(store: Store, fmt: ox.RdfFormat, output: IO[bytes]) -> None:
    """``export`` streamed to ``output``: by the engine's own dump where the store has the
    bulk path (no Python object per triple), else quad by quad from ``Store.quads``."""
    prefixes = _export_prefixes(fmt)
    bulk = bulk_path(store)
    if bulk is not None:
        bulk.dump(output, fmt, prefixes)
        return
    quads: Iterable[ox.Quad] = store.quads()
    if not fmt.supports_datasets:
        quads = (ox.Quad(q.subject, q.predicate, q.object) for q in quads)
    ox.serialize(quads, output, format=fmt, prefixes=prefixes)


def _export_prefixes(fmt: ox.RdfFormat) -> dict[str, str] | None:
    if fmt in (ox.RdfFormat.N_QUADS, ox.RdfFormat.N_TRIPLES, ox.RdfFormat.JSON_LD):
        return None
    from .namespaces import PREFIXES

    return dict(PREFIXES)


def _has_registry(store: Store) -> bool:
    bulk = bulk_path(store)
    if bulk is not None:  # one lookup, not the list of every graph
        return bulk.holds_graph(GRAPH["registry"])
    return GRAPH["registry"] in set(store.graph_names())


def _model_context(triples: list[ox.Triple]) -> list[ox.Triple]:
    """Context from the shipped model, for validating files before any store exists."""
    return context_for(model_registry().store, triples)


def _canonical(triples: Iterable[ox.Triple]) -> set[ox.Triple]:
    """Triples as a store gives them back (it normalises some literals, e.g. "01"^^xsd:integer)."""
    memory = ox.Store()
    memory.extend(ox.Quad(t.subject, t.predicate, t.object) for t in triples)
    return {q.triple for q in memory}


def _already_stored(store: Store, submission: Submission) -> bool:
    """Whether writing the submission would change nothing."""
    for graph, triples in submission.replace.items():
        if _canonical(triples) != set(store.graph(graph)):
            return False
    for graph, triples in submission.insert.items():
        if triples and not _canonical(triples) <= set(store.graph(graph)):
            return False
    return True


def _submission_record(
    store: Store, submission: Submission, agent: str | None, labels: Mapping[Path, str]
) -> dict[ox.NamedNode, list[ox.Triple]]:
    """A PROV-O record of one ``kb add``: who, when, from which files, with which extractors.

    The record is a named graph of its own, ``graph:submission/<id>``: the activity, the
    agent who ran it (``--agent`` or the login name), for extracted claims the extractor
    (a prov:SoftwareAgent per kb:extractorVersion), each file used (path and SHA-256), and
    every graph and claim it generated.
    """
    triples = submission.triples()
    digest = hashlib.sha256()
    for line in sorted(str(t) for t in triples):
        digest.update(line.encode("utf-8") + b"\n")
    when = now_literal()
    graph = GRAPH[
        "submission/" + hashlib.sha256((digest.hexdigest() + when.value).encode()).hexdigest()[:16]
    ]
    activity = ox.NamedNode(graph.value + "#activity")
    who = agent_iri(agent)
    record = [
        ox.Triple(activity, RDF_TYPE, PROV.Activity),
        ox.Triple(activity, RDFS.label, ox.Literal("kb add")),
        ox.Triple(activity, PROV.endedAtTime, when),
        ox.Triple(activity, PROV.wasAssociatedWith, who),
        ox.Triple(activity, KB.sha256, ox.Literal(digest.hexdigest())),
        *agent_triples(agent),
    ]
    versions = sorted(
        {
            t.object.value
            for t in triples
            if t.predicate == KB.extractorVersion and isinstance(t.object, ox.Literal)
        }
    )
    for version in versions:
        extractor = extractor_iri(version)
        record += [
            ox.Triple(activity, PROV.wasAssociatedWith, extractor),
            ox.Triple(extractor, RDF_TYPE, PROV.SoftwareAgent),
            ox.Triple(extractor, RDFS.label, ox.Literal(f"kb extract {version}")),
        ]
    for index, path in enumerate(submission.files, 1):
        used = ox.NamedNode(f"{graph.value}#file-{index}")
        record += [
            ox.Triple(activity, PROV.used, used),
            ox.Triple(used, RDF_TYPE, PROV.Entity),
            ox.Triple(used, RDFS.label, ox.Literal(labels.get(path) or str(path.resolve()))),
            ox.Triple(used, KB.sha256, ox.Literal(hashlib.sha256(path.read_bytes()).hexdigest())),
        ]
    for name in sorted(submission.graphs(), key=str):
        record.append(ox.Triple(name, PROV.wasGeneratedBy, activity))
    for claim in sorted(claims_in(triples), key=str):
        record.append(ox.Triple(claim, PROV.wasGeneratedBy, activity))
    return {graph: record}
