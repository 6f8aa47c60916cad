"""On Oxigraph server and Virtuoso too, a second source describing a new person, place, office
and publisher adds no row to any saved query: each answers as the embedded store does where
one source describes them (rows as multisets: the servers may order ties otherwise)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kb.namespaces import sparql_prologue
from kb.queries import saved_queries
from kb.store import Store

from ..test_described_in_two_sources import bindings, fill, kb_of
from .conftest import SERVERS, emptied, location_of
from .test_parity import rows


@pytest.fixture(scope="module", params=SERVERS)
def twice(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Store]:
    location = location_of(request, request.param, tmp_path_factory.mktemp("twice"))
    store = fill(emptied(location), described_twice=True)
    yield store
    store.close()


@pytest.fixture(scope="module")
def once(tmp_path_factory: pytest.TempPathFactory) -> Store:
    return kb_of(Path(tmp_path_factory.mktemp("once")) / "store", described_twice=False)


# (server, query, parameters bound) -> why the server fails it whatever the descriptions: a strict
# xfail, so that a fix shows up
KNOWN = {
    ("virtuoso", "timeline-statements", ("speaker",)): "Virtuoso 7.2: SQ200 Stack Overflow in "
    "cost model, with the speaker bound (the text before this branch too)",
}


# (server, query) -> why the server's answer on this KB depends on what the store held before: a
# non-strict xfail. Run alone, Virtuoso 7.2 answers meetings as the embedded store does; after the
# contract tests wrote and emptied the same server, it lost a participant's row (with the label
# tables DISTINCT) or kept a duplicate (with the whole SELECT DISTINCT): its plan, not the text
UNSTABLE = {
    ("virtuoso", "meetings"): "Virtuoso 7.2: rows lost or kept twice after the store was written "
    "and emptied by earlier tests (the same KB run alone passes)",
}


@pytest.mark.parametrize(("name", "values"), list(bindings()))
def test_a_second_description_adds_no_row_on_a_server(
    request: pytest.FixtureRequest, twice: Store, once: Store, name: str, values: dict[str, str]
) -> None:
    server = request.node.callspec.id.split("-")[0]
    reason = KNOWN.get((server, name, tuple(sorted(values))))
    if reason:
        request.applymarker(pytest.mark.xfail(reason=reason, strict=True))
    unstable = UNSTABLE.get((server, name))
    if unstable:
        request.applymarker(pytest.mark.xfail(reason=unstable, strict=False))
    saved = saved_queries()[name]
    text = saved.bound(values)
    assert rows(twice.select(sparql_prologue() + text), text) == rows(
        once.select(sparql_prologue() + text), text
    )
