"""Read what users bring (claim forms, Turtle, TriG, N-Triples, N-Quads, JSON-LD) into graphs.

Every reader is strict: an unreadable file raises InputError with the file, the line when
there is one, and what to do; nothing is fetched from the network. Before any parsing a
file must be small enough (``MAX_BYTES``), UTF-8, not binary and not mojibake; after
parsing every literal must be well typed, and blank nodes are replaced by IRIs derived from
their content (so that adding the same file twice stores the same triples, and retracting
a claim finds the nodes nested in it under its IRI).
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from .claimform import FormError, compile_form, load_form
from .errors import InputError
from .intake import article_text
from .model import derived_properties
from .namespaces import (
    GRAPH,
    KB,
    MODEL_GRAPHS,
    PREFIXES,
    RDF_TYPE,
    curie,
    local,
    source_graph,
)
from .registry import Registry
from .skolem import skolemize
from .textio import read_utf8

RDF_FORMATS: dict[str, ox.RdfFormat] = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".trig": ox.RdfFormat.TRIG,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".json": ox.RdfFormat.JSON_LD,
}
CLAIM_FORM_SUFFIXES = (".yaml", ".yml")
# One file is validated in memory with pyshacl, about 4 s per 1,000 claims (~2 MB of
# Turtle); 10 MB is several thousand claims. Larger files are refused before they are read.
# Many files are validated in parts (kbase.check), so a batch may be larger; what it holds
# is kept in memory until it is written (about 0.5 KB per triple), hence a limit for it too.
MAX_BYTES = 10 * 1024 * 1024
MAX_BATCH_BYTES = 50 * MAX_BYTES
MAX_YAML_NODES = 200_000  # a claim form of 1,000 claims has ~20,000; aliases can explode

_RECORD_GRAPHS = (GRAPH["submission/"].value, GRAPH["retraction/"].value)
_MODEL_GRAPHS = frozenset(GRAPH[model] for model in MODEL_GRAPHS)


@dataclass
class Submission:
    """Triples to write: graphs replaced whole (a source with its claims) and graphs extended."""

    replace: dict[ox.NamedNode, list[ox.Triple]] = field(default_factory=dict)
    insert: dict[ox.NamedNode, list[ox.Triple]] = field(default_factory=lambda: defaultdict(list))
    files: list[Path] = field(default_factory=list)
    origin: dict[ox.NamedNode, list[Path]] = field(default_factory=dict)  # graph -> its files

    def triples(self) -> list[ox.Triple]:
        out: list[ox.Triple] = []
        for graphs in (self.replace, self.insert):
            for triples in graphs.values():
                out.extend(triples)
        return out

    def graphs(self) -> set[ox.NamedNode]:
        return set(self.replace) | {name for name, triples in self.insert.items() if triples}

    def graph_triples(self, name: ox.NamedNode) -> list[ox.Triple]:
        """What the submission writes to one graph (replaced whole, or added to)."""
        return self.replace.get(name) or self.insert.get(name) or []

    def files_of(self, graphs: Iterable[ox.NamedNode]) -> list[str]:
        """The names of the files the graphs came from, each once."""
        names = (path.name for graph in graphs for path in self.origin.get(graph, self.files))
        return list(dict.fromkeys(names))

    def merge(self, other: Submission) -> None:
        for name, triples in other.replace.items():
            if name in self.replace:
                raise InputError(
                    f"{other.files[0]}: another file already gives the whole graph {name}"
                )
            self.replace[name] = list(triples)
        for name, triples in other.insert.items():
            self.insert[name].extend(triples)
        for name in other.graphs():
            self.origin.setdefault(name, []).extend(other.files)
        self.files.extend(other.files)


def submission_files(paths: Iterable[Path]) -> list[Path]:
    """Files as given, a directory standing for every file under it that kb reads
    (claim forms and RDF files), in name order; each file once."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            suffixes = {*RDF_FORMATS, *CLAIM_FORM_SUFFIXES}
            found = sorted(p for p in path.rglob("*") if p.suffix.lower() in suffixes)
            if not found:
                raise InputError(f"{path}: no claim form or RDF file in this directory")
            files += [p for p in found if p.is_file()]
        else:
            files.append(path)
    return list(dict.fromkeys(files))


def read_submission(
    paths: list[Path], registry: Registry, progress: Callable[[str], None] | None = None
) -> Submission:
    total = sum(path.stat().st_size for path in paths if path.is_file())
    if total > MAX_BATCH_BYTES and len(paths) > 1:
        raise InputError(
            f"{len(paths)} files of {_mb(total)} are more than kb takes in one submission "
            f"(limit {_mb(MAX_BATCH_BYTES)}); add them in several runs"
        )
    submission = Submission()
    for path in paths:
        if progress is not None:
            progress(f"reading {path.name}")
        submission.merge(read_file(path, registry))
    for name in list(submission.insert):
        if name in submission.replace:  # claims for a source given whole in the same run
            submission.replace[name].extend(submission.insert.pop(name))
    return submission


def read_file(path: Path, registry: Registry) -> Submission:
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    size = path.stat().st_size
    if size == 0:
        raise InputError(f"{path}: empty file")
    if size > MAX_BYTES:
        raise InputError(
            f"{path}: {_mb(size)} is more than kb reads in one file (limit {_mb(MAX_BYTES)}); "
            "split it, e.g. one file per source"
        )
    suffix = path.suffix.lower()
    if suffix in CLAIM_FORM_SUFFIXES:
        return _read_claim_form(path, registry)
    if suffix not in RDF_FORMATS:
        known = ", ".join(sorted([*RDF_FORMATS, *CLAIM_FORM_SUFFIXES]))
        raise InputError(f"{path}: unknown format {suffix or '(no extension)'}; kb reads {known}")
    text = read_utf8(path)
    fmt = RDF_FORMATS[suffix]
    if fmt == ox.RdfFormat.JSON_LD:
        _check_json_ld(path, text)
    try:
        quads = list(ox.parse(text.encode("utf-8"), format=fmt))
    except SyntaxError as error:
        raise InputError(
            f"{path}: malformed {fmt.name.replace('_', '-')}: {_one_line(error)}"
        ) from error
    except (ValueError, OSError) as error:  # e.g. a JSON-LD feature the parser will not load
        raise InputError(
            f"{path}: cannot read {fmt.name.replace('_', '-')}: {_one_line(error)}"
        ) from error
    if not quads:
        raise InputError(f"{path}: holds no triples")
    quads = skolemize(quads)
    check_literals(path, (q.triple for q in quads))
    return _group(path, quads)


def _read_claim_form(path: Path, registry: Registry) -> Submission:
    read_utf8(path)  # encoding, binary and mojibake checks with kb's messages
    try:
        form = load_form(path)
    except FormError as error:  # PyYAML's messages span lines
        raise FormError(_one_line(error)) from error
    except ValueError as error:  # PyYAML builds dates itself: 2022-13-45 raises ValueError
        raise FormError(f"{path}:{_bad_date_line(path)} not a date: {_one_line(error)}") from error
    _check_yaml_size(path, form)
    source = form["source"] if isinstance(form["source"], dict) else {}
    if not source.get("file"):
        raise FormError(
            f"{path}: source: needs 'file', the article's text file relative to this form"
        )
    article = path.parent / str(source["file"])
    if not article.is_file():
        raise FormError(f"{path}: source: file {article} does not exist")
    if article.stat().st_size > MAX_BYTES:
        raise InputError(
            f"{article}: {_mb(article.stat().st_size)} is not a news article "
            f"(limit {_mb(MAX_BYTES)})"
        )
    try:
        text = article_text(article, source.get("page_sha256"))
        compiled = compile_form(form, text, registry, where=str(path))
    except (TypeError, AttributeError, ValueError) as error:  # a field of the wrong shape
        raise FormError(
            f"{path}: not a valid claim form ({_one_line(error)}); compare with `kb claim-template`"
        ) from error
    check_literals(path, compiled.triples)
    return Submission(replace={compiled.graph: compiled.triples}, files=[path])


def _bad_date_line(path: Path) -> str:
    """`` line N`` of the first impossible ISO date in a YAML file, or ''."""
    for number, line in enumerate(read_utf8(path).splitlines(), 1):
        for match in re.finditer(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b", line):
            try:
                date(*(int(part) for part in match.groups()))
            except ValueError:
                return f" line {number}: {match.group()}"
    return ""


def _check_yaml_size(path: Path, form: Any) -> None:
    """Refuse forms whose aliases expand into more nodes than any claim form has."""
    budget = MAX_YAML_NODES
    stack = [form]
    while stack:
        node = stack.pop()
        budget -= 1
        if budget < 0:
            raise FormError(
                f"{path}: expands to more than {MAX_YAML_NODES} values (YAML aliases?); "
                "write it out plainly"
            )
        if isinstance(node, dict):
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)


# -- text: size, encoding, binary, mojibake ---------------------------------------------------


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split())


def _mb(size: int) -> str:
    return f"{size / 2**20:.0f} MB" if size >= 2**20 else f"{size / 1024:.0f} KB"


# -- JSON-LD ------------------------------------------------------------------------------------


_NOT_IN_IRI = re.compile(r'[\s<>"{}|\\^`]')


def _check_json_ld(path: Path, text: str) -> None:
    """Refuse a remote @context (or @import of one): kb never fetches. Refuse IRIs with spaces.

    A JSON-LD processor drops a node whose @id is not a valid IRI without a word, so an
    "@id" with a space would lose data silently; kb refuses the file instead.
    """
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(f"{path}: line {error.lineno}: malformed JSON: {error.msg}") from error
    except RecursionError:
        raise InputError(f"{path}: JSON nested too deeply") from None
    stack = [document]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            context = node.get("@context")
            for item in context if isinstance(context, list) else [context]:
                if isinstance(item, str) or (isinstance(item, dict) and "@import" in item):
                    where = item if isinstance(item, str) else item["@import"]
                    raise InputError(
                        f"{path}: JSON-LD with a remote @context ({where}) is refused: "
                        "kb never fetches; inline the context"
                    )
            for key, value in node.items():
                iris = [key] if not key.startswith("@") else []
                if key in ("@id", "@type", "@vocab", "@base"):
                    iris += [
                        v
                        for v in (value if isinstance(value, list) else [value])
                        if isinstance(v, str)
                    ]
                for iri in iris:
                    if _NOT_IN_IRI.search(iri):
                        raise InputError(
                            f"{path}: JSON-LD: invalid IRI {iri!r} "
                            f'(no spaces or <>"{{}}|\\^` in IRIs; '
                            "write %20 for a space)"
                        )
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)


# -- literals --------------------------------------------------------------------------------

_XSD = PREFIXES["xsd"]
_TZ = r"(Z|[+-]\d{2}:\d{2})?"
_LEXICAL = {
    "date": re.compile(rf"-?\d{{4,}}-\d{{2}}-\d{{2}}{_TZ}"),
    "dateTime": re.compile(rf"-?\d{{4,}}-\d{{2}}-\d{{2}}T\d{{2}}:\d{{2}}:\d{{2}}(\.\d+)?{_TZ}"),
    "gYear": re.compile(rf"-?\d{{4,}}{_TZ}"),
    "gYearMonth": re.compile(rf"-?\d{{4,}}-(0[1-9]|1[0-2]){_TZ}"),
    "integer": re.compile(r"[+-]?\d+"),
    "nonNegativeInteger": re.compile(r"\+?\d+|-0+"),
    "positiveInteger": re.compile(r"\+?0*[1-9]\d*"),
    "decimal": re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)"),
    "double": re.compile(r"[+-]?((\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|INF)|NaN"),
    "float": re.compile(r"[+-]?((\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|INF)|NaN"),
    "boolean": re.compile(r"true|false|1|0"),
    "language": re.compile(r"[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*"),
}


def ill_typed(literal: ox.Literal) -> str | None:
    """Why a literal is not a valid value of its XSD datatype, or None when it is.

    >>> ill_typed(ox.Literal("2022-13-45", datatype=ox.NamedNode(_XSD + "date")))
    'not a valid xsd:date (month 13, day 45)'
    >>> ill_typed(ox.Literal("2022-02-28", datatype=ox.NamedNode(_XSD + "date"))) is None
    True
    """
    datatype = literal.datatype.value
    if not datatype.startswith(_XSD):
        return None
    name = datatype[len(_XSD) :]
    pattern = _LEXICAL.get(name)
    value = literal.value
    if pattern is None:
        return None
    if not pattern.fullmatch(value):
        return f"not a valid xsd:{name}"
    if name in ("date", "dateTime"):
        year, month, day = (int(part) for part in re.findall(r"\d+", value.lstrip("-"))[:3])
        try:
            date(max(year, 1), month, day)
            if name == "dateTime":
                datetime.fromisoformat(value.lstrip("-")[:19].replace("T24:00:00", "T00:00:00"))
        except ValueError:
            return (
                f"not a valid xsd:{name} (month {month}, day {day})"
                if name == "date"
                else f"not a valid xsd:{name}"
            )
    return None


def check_literals(path: Path, triples: Iterable[ox.Triple]) -> None:
    for triple in triples:
        literal = triple.object
        if isinstance(literal, ox.Literal) and not literal.language:
            reason = ill_typed(literal)
            if reason:
                raise InputError(
                    f"{path}: ill-typed literal {literal} on {triple.subject} {triple.predicate}: "
                    f"{reason}"
                )


# -- blank nodes ------------------------------------------------------------------------------


# -- graphs ------------------------------------------------------------------------------------


def _group(path: Path, quads: list[ox.Quad]) -> Submission:
    """Named graphs keep their names; default-graph triples go to the graph of their source."""
    _check_not_derived(path, quads)
    submission = Submission(files=[path])
    default: list[ox.Triple] = []
    for quad in quads:
        if isinstance(quad.graph_name, ox.DefaultGraph):
            default.append(quad.triple)
        elif isinstance(quad.graph_name, ox.NamedNode):
            graph = submission.replace.get(quad.graph_name)
            if graph is None:  # each graph name checked once, not once per quad
                _check_graph_name(path, quad.graph_name)
                graph = submission.replace[quad.graph_name] = []
            graph.append(quad.triple)
        else:
            raise InputError(f"{path}: graph names must be IRIs, not blank nodes")
    if default:
        sources: set[object] = {
            t.subject for t in default if t.predicate == RDF_TYPE and t.object == KB.Source
        }
        if len(sources) > 1:
            raise InputError(
                f"{path}: describes {len(sources)} sources; use TriG with one graph per source"
            )
        if sources:
            (source,) = sources
            submission.replace.setdefault(_graph_of(path, source), []).extend(default)
        else:
            cited: set[object] = {t.object for t in default if t.predicate == KB.source}
            if len(cited) != 1:
                raise InputError(
                    f"{path}: claims must cite exactly one kb:source (found {len(cited)}); "
                    "use TriG with one graph per source"
                )
            (source,) = cited
            submission.insert[_graph_of(path, source)].extend(default)
    return submission


def _check_not_derived(path: Path, quads: Iterable[ox.Quad]) -> None:
    """Refuse a derived property (kb:DerivedProperty in kb.ttl): kb computes the derived view
    from the claims it writes, so a draft's own kb:quote would be listed as if verbatim."""
    derived = derived_properties()
    for quad in quads:
        if quad.predicate in derived:
            name = curie(quad.predicate.value)
            raise InputError(
                f"{path}: {name} on {quad.subject} is a derived property (kb:DerivedProperty) "
                "that kb computes from the claims into their view graph: remove it from the file"
            )


def _check_graph_name(path: Path, name: ox.NamedNode) -> None:
    if name in _MODEL_GRAPHS or name.value.startswith(_RECORD_GRAPHS):
        raise InputError(
            f"{path}: kb add never writes {name} (the model or a record); "
            "give claims in a source's graph"
        )
    if not name.value.startswith(GRAPH["source/"].value):
        raise InputError(
            f"{path}: graph {name} is not a source's graph; "
            "name it graph:source/<id> after its source "
            "src:<id>, or put the triples in the default graph"
        )


def _graph_of(path: Path, source: object) -> ox.NamedNode:
    if not isinstance(source, ox.NamedNode):
        raise InputError(f"{path}: a source must be named by an IRI")
    return source_graph(local(source))


__all__ = [
    "FormError",
    "Submission",
    "read_file",
    "read_submission",
    "submission_files",
]
