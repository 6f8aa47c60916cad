"""Validate the parts of a batch in worker processes, to use every core the machine gives.

pyshacl is pure Python: one process validates on one core, about 1 s per part of 20,000
triples. The parts of a batch are independent once each has its context (the KB's and the
rest of the batch's), so they are validated side by side, each in a worker process forked
from a server that has already imported the validator; the parent meanwhile gathers the
next parts' contexts. Every part is validated exactly as ``validate_submission`` does it
in process, and nothing is written until every report is back.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

import pyoxigraph as ox

from .validation import Report, validate_submission

if TYPE_CHECKING:
    from concurrent.futures import Future
    from multiprocessing.context import BaseContext

Part = tuple[list[ox.Triple], list[ox.Triple]]  # a part's triples, and the context it needs
MAX_WORKERS = 4


def workers_for(parts: int) -> int:
    """How many processes to validate ``parts`` parts with: one per core this process may
    run on (``KB_WORKERS`` overrides), never more than the parts, 1 for a single part."""
    wanted = os.environ.get("KB_WORKERS")
    cores = int(wanted) if wanted and wanted.isdigit() else len(os.sched_getaffinity(0))
    return max(1, min(cores, parts, MAX_WORKERS))


def start_server() -> BaseContext:
    """Start (once) the server workers are forked from; it imports the validator while the
    caller goes on, e.g. reading the rest of a batch."""
    import multiprocessing
    import multiprocessing.forkserver

    server = multiprocessing.get_context("forkserver")
    server.set_forkserver_preload(["kb.validation"])
    multiprocessing.forkserver.ensure_running()
    return server


def validate_parts(parts: Iterable[Part], workers: int) -> Iterator[Report]:
    """Each part's report, in the order of ``parts``, validated by ``workers`` processes.

    ``parts`` is read lazily, at most two parts ahead of each worker, so memory holds a few
    parts at a time, not the whole batch's contexts. A worker's error is raised here.
    """
    if workers <= 1:
        for part, context in parts:
            yield validate_submission(part, context)
        return
    from concurrent.futures import ProcessPoolExecutor  # here: one draft never needs it

    with ProcessPoolExecutor(max_workers=workers, mp_context=start_server()) as pool:
        pending: list[Future[Report]] = []
        for part, extra in parts:
            pending.append(pool.submit(_validate_serialized, _serialized(part), _serialized(extra)))
            if len(pending) > 2 * workers:
                yield pending.pop(0).result()
        for future in pending:
            yield future.result()


# A part travels to its worker as N-Triples, the engine's own serialisation: five times
# faster than pickling its terms one by one. Blank nodes keep their labels in both documents
# (the parser keeps N-Triples labels), so the part and its context still share them.
def _serialized(triples: list[ox.Triple]) -> bytes:
    return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""


def _validate_serialized(part: bytes, context: bytes) -> Report:
    return validate_submission(_parsed(part), _parsed(context))


def _parsed(data: bytes) -> list[ox.Triple]:
    return [quad.triple for quad in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)]


__all__ = ["Part", "start_server", "validate_parts", "workers_for"]
