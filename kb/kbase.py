"""The knowledge base's life cycle: init, build from the seeds, add submissions, export."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from . import identity
from .claimform import CompiledSource, compile_form_file, iter_seed_forms
from .errors import InputError, ValidationFailed
from .model import model_graphs, model_registry
from .namespaces import GRAPH, KB, PROV, RDF_TYPE, RDFS, claims_in
from .provenance import agent_iri, agent_triples, extractor_iri, now_literal
from .registry import Registry
from .resources import SEEDS_DIR
from .store import Store, replace_in_bulk
from .submission import Submission, read_submission
from .validation import Report, context_for, validate_store, validate_submission, validate_triples

Progress = Callable[[str], None]


def _quiet(_: str) -> None:
    pass


def init(store: Store) -> None:
    """Write the model graphs; claims already in the store are kept."""
    store.write(replace=model_graphs())


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
    model = model_graphs()
    sources = compile_seeds(seeds_dir, progress)
    progress(f"validating {len(sources)} sources")
    everything = [t for triples in model.values() for t in triples]
    everything += [t for source in sources for t in source.triples]
    report = validate_triples(everything)
    if not report.conforms:
        raise ValidationFailed("the curated claims break the shapes; nothing was written", report)
    progress("writing")
    replace_in_bulk(store, {**model, **{s.graph: s.triples for s in sources}})
    return report


def check(store: Store, paths: list[Path]) -> tuple[Submission, Report]:
    """Read and validate files against the shapes and the KB context they reference.

    The context leaves out the graphs the submission replaces: what they hold now will be
    gone once it is written, so neither a claim nor a duplicate may lean on it. Each meeting
    account is first pointed to the meeting the KB already knows it reports (same people,
    compatible dates and place), whatever order the sources arrive in.
    """
    submission = read_submission(
        paths, Registry(store) if _has_registry(store) else model_registry()
    )
    submission.replace = identity.assign_meetings(store, submission.replace)
    triples = submission.triples()
    if not triples:
        raise InputError("nothing to validate: the files hold no triples")
    context = list(context_for(store, triples, exclude_graphs=list(submission.replace)))
    if not _has_registry(store):
        context += _model_context(triples)
    return submission, validate_submission(triples, context)


@dataclass
class Added:
    """What ``add`` did: the report, and the record graph it wrote (None: nothing changed)."""

    report: Report
    record: ox.NamedNode | None
    claims: int


def add(store: Store, paths: list[Path], agent: str | None = None) -> Added:
    """Validate, then store all or nothing in one write, recording the submission with PROV-O.

    Adding what the KB already holds writes nothing at all, not even a record, so running
    the same ``kb add`` twice leaves the store as the first run left it.
    """
    submission, report = check(store, paths)
    if not report.conforms:
        raise ValidationFailed("the submission breaks the shapes; nothing was written", report)
    claims = len(claims_in(submission.triples()))
    if _already_stored(store, submission):
        return Added(report, None, claims)
    record = _submission_record(store, submission, agent)
    store.write(replace=submission.replace, insert={**submission.insert, **record})
    (graph,) = record
    return Added(report, graph, claims)


def validate_all(store: Store) -> Report:
    """Validate the whole KB (every graph)."""
    return validate_store(store)


def export(store: Store, fmt: ox.RdfFormat) -> bytes:
    """The whole store in one RDF format; triple formats get the union of all graphs."""
    quads: Iterable[ox.Quad] = store.quads()
    if not fmt.supports_datasets:
        quads = (ox.Quad(q.subject, q.predicate, q.object) for q in quads)
    data = ox.serialize(quads, format=fmt, prefixes=_export_prefixes(fmt))
    assert data is not None  # serialize returns the bytes when given no output
    return data


def _export_prefixes(fmt: ox.RdfFormat) -> dict[str, str] | None:
    if fmt in (ox.RdfFormat.N_QUADS, ox.RdfFormat.N_TRIPLES, ox.RdfFormat.JSON_LD):
        return None
    from .namespaces import PREFIXES

    return dict(PREFIXES)


def _has_registry(store: Store) -> bool:
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
    store: Store, submission: Submission, agent: str | None
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
            ox.Triple(used, RDFS.label, ox.Literal(str(path.resolve()))),
            ox.Triple(used, KB.sha256, ox.Literal(hashlib.sha256(path.read_bytes()).hexdigest())),
        ]
    for name in sorted(submission.graphs(), key=str):
        record.append(ox.Triple(name, PROV.wasGeneratedBy, activity))
    for claim in sorted(claims_in(triples), key=str):
        record.append(ox.Triple(claim, PROV.wasGeneratedBy, activity))
    return {graph: record}
