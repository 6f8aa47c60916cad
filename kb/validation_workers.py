"""Validate the parts of a batch in worker processes, to use every core the machine gives.

pyshacl is pure Python: one process validates on one core, about 1 s per part of 20,000
triples. The parts of a batch are independent once each has its context (the KB's and the
rest of the batch's), so they are validated side by side, each in a worker process forked
from a server that has already imported the validator; the parent meanwhile gathers the
next parts' contexts. Every part is validated exactly as ``validate_submission`` does it
in process, and nothing is written until every report is back.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor

import pyoxigraph as ox

from .validation import Report, validate_submission

Part = tuple[list[ox.Triple], list[ox.Triple]]  # a part's triples, and the context it needs
MAX_WORKERS = 4


def workers_for(parts: int) -> int:
    """How many processes to validate ``parts`` parts with: one per core this process may
    run on (``KB_WORKERS`` overrides), never more than the parts, 1 for a single part."""
    wanted = os.environ.get("KB_WORKERS")
    cores = int(wanted) if wanted and wanted.isdigit() else len(os.sched_getaffinity(0))
    return max(1, min(cores, parts, MAX_WORKERS))


def validate_parts(parts: Iterable[Part], workers: int) -> Iterator[Report]:
    """Each part's report, in the order of ``parts``, validated by ``workers`` processes.

    ``parts`` is read lazily, at most two parts ahead of each worker, so memory holds a few
    parts at a time, not the whole batch's contexts. A worker's error is raised here.
    """
    if workers <= 1:
        for part, context in parts:
            yield validate_submission(part, context)
        return
    server = multiprocessing.get_context("forkserver")
    server.set_forkserver_preload(["kb.validation"])
    with ProcessPoolExecutor(max_workers=workers, mp_context=server) as pool:
        pending: list[Future[Report]] = []
        for part, extra in parts:
            pending.append(pool.submit(_validate_serialized, _serialized(part, extra)))
            if len(pending) > 2 * workers:
                yield pending.pop(0).result()
        for future in pending:
            yield future.result()


# A part travels to its worker as N-Quads, the engine's own serialisation: five times faster
# than pickling its terms one by one. The context is one named graph; blank nodes keep their
# labels across the part and its context, being in one document.
_CONTEXT = ox.NamedNode("urn:x-kb:context")


def _serialized(part: list[ox.Triple], context: list[ox.Triple]) -> bytes:
    quads = [ox.Quad(*t) for t in part]
    quads += [ox.Quad(t.subject, t.predicate, t.object, _CONTEXT) for t in context]
    return ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b""


def _validate_serialized(data: bytes) -> Report:
    part: list[ox.Triple] = []
    context: list[ox.Triple] = []
    for quad in ox.parse(data, format=ox.RdfFormat.N_QUADS):
        (context if quad.graph_name == _CONTEXT else part).append(quad.triple)
    return validate_submission(part, context)


__all__ = ["validate_parts", "workers_for"]
