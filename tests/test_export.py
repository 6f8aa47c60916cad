"""Each export format reads back as the same graph in rdflib and pyoxigraph; Turtle passes rapper."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import threading
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import isomorphic

from kb import kbase
from kb.cli import EXPORT_FORMATS
from kb.rdfconv import to_rdflib
from kb.store import Store
from kb.store.embedded import EmbeddedStore

from .conftest import KbRunner

RDFLIB_FORMATS = {"turtle": "turtle", "trig": "trig", "nquads": "nquads", "jsonld": "json-ld"}


@pytest.fixture(scope="module")
def union_graph(seed_store: Store) -> rdflib.Graph:
    return to_rdflib(quad.triple for quad in seed_store.quads())


@pytest.fixture(scope="module")
def quad_count(seed_store: Store) -> int:
    return sum(1 for _ in seed_store.quads())


@pytest.mark.parametrize("fmt", sorted(EXPORT_FORMATS))
def test_export_reads_back_as_the_same_graph_in_rdflib(
    seed_store: Store, union_graph: rdflib.Graph, fmt: str
) -> None:
    data = kbase.export(seed_store, EXPORT_FORMATS[fmt])
    if EXPORT_FORMATS[fmt].supports_datasets:
        dataset = rdflib.Dataset()
        dataset.parse(data=data, format=RDFLIB_FORMATS[fmt])
        read = rdflib.Graph()
        for s, p, o, _ in dataset.quads():
            read.add((s, p, o))
    else:
        read = rdflib.Graph().parse(data=data, format=RDFLIB_FORMATS[fmt])
    assert isomorphic(read, union_graph)


def canonical(quads: object, as_triples: bool) -> list[str]:
    """Quads (or their triples) with blank nodes canonically relabelled, sorted."""
    dataset = ox.Dataset()
    for quad in quads:  # type: ignore[attr-defined]
        dataset.add(ox.Quad(quad.subject, quad.predicate, quad.object) if as_triples else quad)
    dataset.canonicalize(ox.CanonicalizationAlgorithm.UNSTABLE)
    return sorted(map(str, dataset))


@pytest.mark.parametrize("fmt", sorted(EXPORT_FORMATS))
def test_export_reads_back_as_the_same_dataset_in_pyoxigraph(
    seed_store: Store, quad_count: int, fmt: str
) -> None:
    rdf_format = EXPORT_FORMATS[fmt]
    read = ox.Store()
    read.load(kbase.export(seed_store, rdf_format), format=rdf_format)
    as_triples = not rdf_format.supports_datasets
    assert canonical(read, as_triples) == canonical(seed_store.quads(), as_triples)
    assert quad_count > 5_000


@pytest.mark.parametrize("fmt", ["turtle", "trig"])
def test_a_text_export_passes_rapper(seed_store: Store, tmp_path: Path, fmt: str) -> None:
    rapper = shutil.which("rapper")
    assert rapper, "rapper is missing: run `make system-packages` (Debian raptor2-utils)"
    path = tmp_path / f"kb.{fmt}"
    path.write_bytes(kbase.export(seed_store, EXPORT_FORMATS[fmt]))
    result = subprocess.run(
        [rapper, "--input", fmt, "--count", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "error" not in result.stderr.lower()


def test_export_into_a_pipe_writes_into_it_and_leaves_it_a_pipe(
    kb: KbRunner, tmp_path: Path
) -> None:
    """A file is replaced whole (written beside it, then renamed); a device or a pipe given as
    ``-o`` is written into, never renamed over (``-o /dev/full`` must not become a file)."""
    assert kb("init").exit_code == 0
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    read: list[bytes] = []
    reader = threading.Thread(target=lambda: read.append(pipe.read_bytes()))
    reader.start()
    result = kb("export", "--format", "nquads", "-o", str(pipe))
    reader.join(timeout=30)
    assert result.exit_code == 0, result.output
    assert stat.S_ISFIFO(pipe.stat().st_mode)
    assert read and b"<" in read[0]  # the KB's quads came through the pipe


AWKWARD = [
    ox.Quad(
        ox.NamedNode("https://example.org/a"),
        ox.NamedNode("https://example.org/says"),
        ox.Literal('ends a line .\nand another " .\n'),
        ox.NamedNode("https://example.org/graph/1"),
    ),
    ox.Quad(
        ox.BlankNode("shared"),
        ox.NamedNode("https://example.org/p"),
        ox.Literal("in a graph named by a blank node"),
        ox.BlankNode("g"),
    ),
    ox.Quad(
        ox.BlankNode("shared"),
        ox.NamedNode("https://example.org/p"),
        ox.Literal("in the default graph"),
        ox.DefaultGraph(),
    ),
]


@pytest.mark.parametrize("fmt", sorted(EXPORT_FORMATS))
def test_a_graph_by_graph_export_keeps_line_breaks_in_literals_and_blank_node_graphs(
    tmp_path: Path, fmt: str
) -> None:
    """Graphs are serialised one by one and joined: a literal holding " .\\n" stays one
    literal, a graph named by a blank node keeps its name, a blank node in two graphs stays one
    node."""
    store = EmbeddedStore(tmp_path / "store")
    store.add_new(AWKWARD)
    rdf_format = EXPORT_FORMATS[fmt]
    read = ox.Store()
    read.load(kbase.export(store, rdf_format), format=rdf_format)
    as_triples = not rdf_format.supports_datasets
    assert canonical(read, as_triples) == canonical(AWKWARD, as_triples)


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("kb.ttl", "turtle"),
        ("kb.trig", "trig"),
        ("kb.nq", "nquads"),
        ("kb.jsonld", "jsonld"),
        ("kb.TriG", "trig"),
        ("kb.txt", "turtle"),
    ],
)
def test_without_a_format_the_output_file_s_extension_names_it(
    kb: KbRunner, tmp_path: Path, name: str, fmt: str
) -> None:
    assert kb("init").exit_code == 0
    assert kb("export", "-o", str(tmp_path / name)).exit_code == 0
    assert kb("export", "--format", fmt, "-o", str(tmp_path / "expected")).exit_code == 0
    assert (tmp_path / name).read_bytes() == (tmp_path / "expected").read_bytes()


def test_an_output_folder_that_does_not_exist_is_named_and_nothing_is_written(
    kb: KbRunner, tmp_path: Path
) -> None:
    assert kb("init").exit_code == 0
    result = kb("export", "-o", str(tmp_path / "missing" / "kb.nq"))
    assert result.exit_code == 4
    assert result.stderr.strip() == f"kb: {tmp_path / 'missing'}: no such folder to write into"
    assert not (tmp_path / "missing").exists()
