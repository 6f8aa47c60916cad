"""The knowledge base's life cycle: init, build from the seeds, add submissions, export."""

from __future__ import annotations

import getpass
import hashlib
from collections.abc import Callable, Iterable
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox

from .claimform import CompiledSource, compile_form_file, iter_seed_forms
from .errors import InputError, ValidationFailed
from .namespaces import GRAPH, KB, MODEL_GRAPHS, PROV, RDF_TYPE, RDFS, XSD
from .registry import Registry
from .resources import ONTOLOGY_DIR, SEEDS_DIR
from .store import Store, replace_in_bulk
from .store.embedded import EmbeddedStore
from .submission import Submission, read_submission
from .validation import Report, context_for, validate_store, validate_submission, validate_triples

Progress = Callable[[str], None]


def _quiet(_: str) -> None:
    pass


@lru_cache(maxsize=1)
def model_graphs() -> dict[ox.NamedNode, list[ox.Triple]]:
    """The ontology, shapes, registry and concept schemes, each in its own named graph."""
    graphs = {}
    for name, filename in MODEL_GRAPHS.items():
        path = ONTOLOGY_DIR / filename
        try:
            graphs[GRAPH[name]] = list(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))
        except (OSError, SyntaxError) as error:
            raise InputError(f"{path}: cannot load the model: {error}") from error
    return graphs


@lru_cache(maxsize=1)
def model_registry() -> Registry:
    """The registry as shipped in ontology/, independent of any store's state."""
    memory = EmbeddedStore.in_memory()
    memory.write(replace=model_graphs())
    return Registry(memory)


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
    """Read and validate files against the shapes and the KB context they reference."""
    submission = read_submission(paths, Registry(store) if _has_registry(store) else model_registry())
    triples = submission.triples()
    if not triples:
        raise InputError("nothing to validate: the files hold no triples")
    context = list(context_for(store, triples))
    if not _has_registry(store):
        context += _model_context(triples)
    return submission, validate_submission(triples, context)


def add(store: Store, paths: list[Path], agent: str | None = None) -> Report:
    """Validate, then store all or nothing, recording the submission with PROV-O."""
    submission, report = check(store, paths)
    if not report.conforms:
        raise ValidationFailed("the submission breaks the shapes; nothing was written", report)
    record = _submission_record(store, submission, agent)
    store.write(replace=submission.replace, insert={**submission.insert, **record})
    return report


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


def _submission_record(
    store: Store, submission: Submission, agent: str | None
) -> dict[ox.NamedNode, list[ox.Triple]]:
    """A PROV-O record of the submission, named by its content so that re-adding changes nothing."""
    digest = hashlib.sha256()
    for line in sorted(str(t) for t in submission.triples()):
        digest.update(line.encode("utf-8"))
    graph = GRAPH["submission/" + digest.hexdigest()[:16]]
    if graph in set(store.graph_names()):
        return {}
    activity = ox.NamedNode(graph.value + "#activity")
    who = ox.NamedNode("https://w3id.org/kb/agent/" + (agent or getpass.getuser() or "unknown"))
    now = datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    triples = [
        ox.Triple(activity, RDF_TYPE, PROV.Activity),
        ox.Triple(activity, RDFS.label, ox.Literal("kb add")),
        ox.Triple(activity, PROV.wasAssociatedWith, who),
        ox.Triple(who, RDF_TYPE, PROV.Agent),
        ox.Triple(activity, PROV.endedAtTime, ox.Literal(now, datatype=XSD.dateTime)),
    ]
    for path in submission.files:
        triples.append(ox.Triple(activity, PROV.used, ox.Literal(str(path))))
    for name in [*submission.replace, *submission.insert]:
        triples.append(ox.Triple(name, PROV.wasGeneratedBy, activity))
    triples.append(ox.Triple(activity, KB.sha256, ox.Literal(digest.hexdigest())))
    return {graph: triples}
