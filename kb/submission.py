"""Read what users bring (claim forms, Turtle, TriG, N-Triples, N-Quads, JSON-LD) into graphs.

Every reader is strict: an unreadable file raises InputError with the file, the line when
there is one, and what to do; nothing is fetched from the network.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from .claimform import FormError, compile_form_file, read_text
from .errors import InputError
from .namespaces import KB, RDF_TYPE, source_graph
from .registry import Registry

RDF_FORMATS: dict[str, ox.RdfFormat] = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".trig": ox.RdfFormat.TRIG,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".json": ox.RdfFormat.JSON_LD,
}
CLAIM_FORM_SUFFIXES = (".yaml", ".yml")
MAX_BYTES = 200 * 1024 * 1024


@dataclass
class Submission:
    """Triples to write: graphs replaced whole (a source with its claims) and graphs extended."""

    replace: dict[ox.NamedNode, list[ox.Triple]] = field(default_factory=dict)
    insert: dict[ox.NamedNode, list[ox.Triple]] = field(default_factory=lambda: defaultdict(list))
    files: list[Path] = field(default_factory=list)

    def triples(self) -> list[ox.Triple]:
        out: list[ox.Triple] = []
        for graphs in (self.replace, self.insert):
            for triples in graphs.values():
                out.extend(triples)
        return out

    def merge(self, other: Submission) -> None:
        for name, triples in other.replace.items():
            self.replace.setdefault(name, []).extend(triples)
        for name, triples in other.insert.items():
            self.insert[name].extend(triples)
        self.files.extend(other.files)


def read_submission(paths: list[Path], registry: Registry) -> Submission:
    submission = Submission()
    for path in paths:
        submission.merge(read_file(path, registry))
    return submission


def read_file(path: Path, registry: Registry) -> Submission:
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    size = path.stat().st_size
    if size == 0:
        raise InputError(f"{path}: empty file")
    if size > MAX_BYTES:
        raise InputError(f"{path}: {size // 2**20} MB is more than kb reads in one submission; split it")
    suffix = path.suffix.lower()
    if suffix in CLAIM_FORM_SUFFIXES:
        compiled = compile_form_file(path, registry)
        return Submission(replace={compiled.graph: compiled.triples}, files=[path])
    if suffix not in RDF_FORMATS:
        known = ", ".join(sorted([*RDF_FORMATS, *CLAIM_FORM_SUFFIXES]))
        raise InputError(f"{path}: unknown format {suffix or '(no extension)'}; kb reads {known}")
    text = read_text(path)
    fmt = RDF_FORMATS[suffix]
    if fmt == ox.RdfFormat.JSON_LD:
        _refuse_remote_context(path, text)
    try:
        quads = list(ox.parse(text.encode("utf-8"), format=fmt))
    except SyntaxError as error:
        raise InputError(f"{path}: malformed {fmt.name}: {error}") from error
    return _group(path, quads)


def _refuse_remote_context(path: Path, text: str) -> None:
    """JSON-LD may name a remote @context; kb never fetches one."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(f"{path}: line {error.lineno}: malformed JSON: {error.msg}") from error

    def remote(node: object) -> bool:
        if isinstance(node, dict):
            context = node.get("@context")
            items = context if isinstance(context, list) else [context]
            if any(isinstance(item, str) for item in items):
                return True
            return any(remote(value) for value in node.values())
        if isinstance(node, list):
            return any(remote(item) for item in node)
        return False

    if remote(document):
        raise InputError(f"{path}: JSON-LD with a remote @context is refused (kb never fetches); inline the context")


def _group(path: Path, quads: list[ox.Quad]) -> Submission:
    """Named graphs keep their names; default-graph triples go to the graph of their source."""
    submission = Submission(files=[path])
    default: list[ox.Triple] = []
    for quad in quads:
        if isinstance(quad.graph_name, ox.DefaultGraph):
            default.append(quad.triple)
        elif isinstance(quad.graph_name, ox.NamedNode):
            submission.replace.setdefault(quad.graph_name, []).append(quad.triple)
        else:
            raise InputError(f"{path}: graph names must be IRIs, not blank nodes")
    if default:
        sources = {t.subject for t in default if t.predicate == RDF_TYPE and t.object == KB.Source}
        if len(sources) > 1:
            raise InputError(f"{path}: describes {len(sources)} sources; use TriG with one graph per source")
        if sources:
            (source,) = sources
            submission.replace.setdefault(_graph_of(source), []).extend(default)
        else:
            cited = {t.object for t in default if t.predicate == KB.source}
            if len(cited) != 1:
                raise InputError(
                    f"{path}: claims must cite exactly one kb:source (found {len(cited)}); "
                    "use TriG with one graph per source"
                )
            (source,) = cited
            submission.insert[_graph_of(source)].extend(default)
    return submission


def _graph_of(source: ox.NamedNode | ox.BlankNode | ox.Literal) -> ox.NamedNode:
    if not isinstance(source, ox.NamedNode):
        raise InputError("a source must be named by an IRI")
    return source_graph(source.value.rstrip("/").rsplit("/", 1)[-1])


__all__ = ["FormError", "Submission", "read_file", "read_submission"]
