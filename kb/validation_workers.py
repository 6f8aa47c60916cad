"""Validate the parts of a batch in worker processes, to use every core the machine gives.

pyshacl is pure Python: one process validates on one core, about 1 s per part of 20,000
triples. The parts of a batch are independent once each has its context (the KB's and the
rest of the batch's), so they are validated side by side in worker processes while this
process gathers the next parts' contexts. Every part is validated exactly as
``validate_submission`` does it in process, and nothing is written until every report is
back. The workers are started fresh (not forked from a process that holds the store open)
and are this process's children: their CPU time is counted in its own, as ``time`` shows.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

import pyoxigraph as ox

from .errors import InputError, KBError
from .machine import usable_cores
from .validation import Report, prepare, validate_submission

if TYPE_CHECKING:
    from concurrent.futures import Executor, Future

Part = tuple[list[ox.Triple], list[ox.Triple]]  # a part's triples, and the context it needs
MAX_WORKERS = 4


def workers_for(parts: int) -> int:
    """How many processes to validate ``parts`` parts with: one per core this process may
    run on (``KB_WORKERS`` overrides), never more than the parts, 1 for a single part."""
    wanted = os.environ.get("KB_WORKERS", "").strip()
    if wanted and not (wanted.isdigit() and int(wanted) > 0):
        raise InputError(f"KB_WORKERS={wanted!r}: give a whole number of processes, 1 or more")
    cores = int(wanted) if wanted else usable_cores()
    return max(1, min(cores, parts, MAX_WORKERS))


@contextlib.contextmanager
def worker_pool(workers: int) -> Iterator[Executor | None]:
    """``workers`` processes, started now so that they import the validator while the
    caller goes on (reading, assigning meetings); None for one worker: validate in process."""
    if workers <= 1:
        yield None
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        for _ in range(workers):  # each start-up task starts a process
            pool.submit(prepare)
        yield pool


def validate_parts(parts: Iterable[Part], pool: Executor | None) -> Iterator[Report]:
    """Each part's report, in the order of ``parts``, validated in ``pool`` (None: here).

    ``parts`` is read lazily, at most a few parts ahead of the workers, so memory holds a
    few parts at a time, not the whole batch's contexts. A worker's error is raised here.
    """
    if pool is None:
        for part, context in parts:
            yield validate_submission(part, context)
        return
    from concurrent.futures.process import BrokenProcessPool

    pending: list[Future[Report]] = []
    try:
        for part, context in parts:
            pending.append(
                pool.submit(_validate_serialized, _serialized(part), _serialized(context))
            )
            if len(pending) > 4:
                yield pending.pop(0).result()
        for future in pending:
            yield future.result()
    except BrokenProcessPool as error:  # a worker killed (out of memory, a signal)
        raise KBError(
            f"a validation worker stopped ({error}); nothing was written. "
            "KB_WORKERS=1 validates in this process"
        ) from error


# A part travels to its worker as N-Triples, the engine's own serialisation: five times
# faster than pickling its terms one by one. Blank nodes keep their labels in both documents
# (the parser keeps N-Triples labels), so the part and its context still share them.
def _serialized(triples: list[ox.Triple]) -> bytes:
    return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""


def _validate_serialized(part: bytes, context: bytes) -> Report:
    return validate_submission(_parsed(part), _parsed(context))


def _parsed(data: bytes) -> list[ox.Triple]:
    return [quad.triple for quad in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)]


__all__ = ["Part", "validate_parts", "worker_pool", "workers_for"]
