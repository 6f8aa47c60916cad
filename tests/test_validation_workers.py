"""Parts of a batch validated in worker processes report what validating them here reports.

The parts are the curated claims of a seed article, one of them broken in a nested rule
(a speaker that is no person, organisation or country: an sh:or, which a focus-node
filter inside pyshacl would skip). Two workers must return the same reports, in order,
as one process; how many workers a batch gets follows the cores and ``KB_WORKERS``.
"""

from __future__ import annotations

from collections.abc import Iterator

import pyoxigraph as ox
import pytest

from kb import kbase
from kb.claimform import compile_form_file
from kb.errors import InputError, KBError
from kb.machine import usable_cores
from kb.namespaces import ENT, KB
from kb.resources import SEEDS_DIR
from kb.validation import context_for
from kb.validation_workers import Part, validate_parts, worker_pool, workers_for

FORM = SEEDS_DIR / "001_35c6b722bd335644.claims.yaml"


def parts() -> list[Part]:
    """The seed article's claims twice: as they are, and with every speaker unknown."""
    triples = compile_form_file(FORM, kbase.model_registry()).triples
    broken = [
        ox.Triple(t.subject, t.predicate, ENT["nobody-we-know"]) if t.predicate == KB.speaker else t
        for t in triples
    ]
    registry = kbase.model_registry().store
    return [(part, context_for(registry, part)) for part in (triples, broken)]


def lines(workers: int) -> list[list[str]]:
    with worker_pool(workers) as pool:
        return [[v.line() for v in r.violations] for r in validate_parts(parts(), pool)]


def test_two_workers_report_what_one_process_reports() -> None:
    here = lines(1)
    assert here[0] == []  # the curated claims conform
    assert any("kb:speaker" in line for line in here[1])  # the nested rule fired
    assert lines(2) == here


def test_a_batch_gets_a_worker_per_core_and_never_more_than_its_parts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("KB_WORKERS", raising=False)
    assert workers_for(1) == 1
    assert 1 <= workers_for(100) <= usable_cores()
    monkeypatch.setenv("KB_WORKERS", "1")
    assert workers_for(100) == 1
    monkeypatch.setenv("KB_WORKERS", "3")
    assert workers_for(2) == 2


@pytest.mark.parametrize("setting", ["abc", "0", "-2", "1.5"])
def test_a_number_of_workers_that_is_not_a_whole_positive_number_is_refused(
    monkeypatch: pytest.MonkeyPatch, setting: str
) -> None:
    monkeypatch.setenv("KB_WORKERS", setting)
    with pytest.raises(InputError, match="KB_WORKERS"):
        workers_for(100)


def test_a_worker_killed_mid_batch_stops_it_with_a_message_not_a_traceback() -> None:
    with worker_pool(2) as pool:
        first, second = parts()

        def killing_the_workers() -> Iterator[Part]:
            yield first
            for process in list(pool._processes.values()):  # type: ignore[union-attr]
                process.kill()
            yield second

        with pytest.raises(KBError, match="validation worker stopped.*nothing was written"):
            list(validate_parts(killing_the_workers(), pool))
