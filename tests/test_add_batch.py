"""kb add of many drafts at once, and kb build into a new location: the bulk paths.

A batch (``kb add DIR`` or many files) is read, validated in parts and written in one
transaction with one PROV-O record; one bad draft anywhere stores nothing. A build into a
location with no store yet is written by the bulk loader and holds what a build into an
empty store holds.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from kb import kbase
from kb.cli import main
from kb.store import bulk_path
from kb.store.embedded import EmbeddedStore, FreshView
from kb.store.remote import RemoteStore

from . import test_add
from .conftest import store_hash
from .test_add import open_store, records, run, synthetic_form

DRAFTS = 12
built, store_path = test_add.built, test_add.store_path  # the same fixtures: a built KB, a copy


def batch(directory: Path, bad: int | None = None) -> Path:
    """``DRAFTS`` claim forms on made-up articles, one folder each; draft ``bad`` names nobody."""
    for index in range(DRAFTS):
        synthetic_form(
            directory / f"draft-{index:02d}", 3, bad=1 if index == bad else None, tag=f"b{index}"
        )
    return directory


def test_a_directory_of_drafts_is_added_in_one_submission(store_path: Path, tmp_path: Path) -> None:
    result = run(store_path, "add", str(batch(tmp_path / "drafts")))
    assert result.exit_code == 0, result.output
    assert f"added {DRAFTS * 3} claim(s) from {DRAFTS} file(s)" in result.stderr
    store = open_store(store_path)
    assert len(records(store)) == 1  # one submission, one record
    store.close()


def test_a_bad_draft_in_the_middle_of_a_batch_stores_nothing(
    store_path: Path, tmp_path: Path
) -> None:
    before = store_hash(store_path)
    result = run(store_path, "add", str(batch(tmp_path / "drafts", bad=DRAFTS // 2)))
    assert result.exit_code == 1
    assert "nothing was written" in result.stderr
    assert "/s1> " in result.stderr  # the bad draft's claim is named
    assert store_hash(store_path) == before


def test_a_violation_in_a_batch_names_the_draft_it_came_from(
    store_path: Path, tmp_path: Path
) -> None:
    drafts = batch(tmp_path / "drafts", bad=4)
    result = run(store_path, "add", str(drafts))
    assert result.exit_code == 1
    violations = [line for line in result.stderr.splitlines() if "Violation" in line]
    (bad,) = (drafts / "draft-04").glob("*.claims.yaml")
    assert violations and all(f"Violation: {bad}: " in line for line in violations)


def test_a_batch_validated_in_parts_reports_what_it_would_whole(
    store_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    drafts = batch(tmp_path / "drafts", bad=3)
    store = open_store(store_path)
    _, whole = kbase.check(store, [drafts])
    monkeypatch.setattr(kbase, "PART_TRIPLES", 1)  # every draft a part of its own
    _, parts = kbase.check(store, [drafts])
    store.close()
    assert not whole.conforms and not parts.conforms
    assert [v.line() for v in parts.violations] == [v.line() for v in whole.violations]


def test_a_batch_adds_what_its_drafts_add_one_at_a_time(built: Path, tmp_path: Path) -> None:
    drafts = batch(tmp_path / "drafts")
    together, apart = tmp_path / "together", tmp_path / "apart"
    shutil.copytree(built, together)
    shutil.copytree(built, apart)
    assert run(together, "add", str(drafts)).exit_code == 0
    for form in sorted(drafts.glob("*/form.claims.yaml")):
        assert run(apart, "add", str(form)).exit_code == 0
    claims = (
        "SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } "
        "FILTER STRSTARTS(STR(?g), 'https://w3id.org/kb/graph/source/') }"
    )
    one, other = open_store(together), open_store(apart)
    assert {str(r) for r in one.select(claims).rows} == {str(r) for r in other.select(claims).rows}
    one.close()
    other.close()


def test_build_into_a_new_location_holds_what_a_build_into_an_empty_store_holds(
    tmp_path: Path,
) -> None:
    assert run(tmp_path / "new", "build").exit_code == 0
    empty = EmbeddedStore(tmp_path / "empty")
    kbase.build(empty)
    empty.close()
    assert store_hash(tmp_path / "new") == store_hash(tmp_path / "empty")


def test_the_store_protocol_declares_the_bulk_path(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path / "store")
    assert bulk_path(store) is store
    assert bulk_path(FreshView(store)) is None  # served read-only
    assert RemoteStore.bulk is False  # a SPARQL server is written through SPARQL updates
    store.close()


def test_drafts_piped_from_kb_extract_are_added(store_path: Path) -> None:
    articles = sorted(Path(__file__).parent.joinpath("articles", "en").glob("*.txt"))[:2]
    drafts = CliRunner().invoke(main, ["extract", *map(str, articles)], catch_exceptions=False)
    assert drafts.exit_code == 0, drafts.stderr
    result = CliRunner().invoke(
        main, ["--store", str(store_path), "add", "-"], input=drafts.stdout_bytes
    )
    assert result.exit_code == 0, result.output
    assert "from 1 file(s)" in result.stderr
    store = open_store(store_path)
    (record,) = records(store)
    used = store.select(
        f"SELECT ?label WHERE {{ GRAPH {record} {{ ?file a <http://www.w3.org/ns/prov#Entity> ; "
        "<http://www.w3.org/2000/01/rdf-schema#label> ?label } }"
    )
    assert [row["label"].value for row in used.rows] == ["-"]  # type: ignore[attr-defined]
    store.close()


def test_malformed_standard_input_is_named_stdin_and_adds_nothing(store_path: Path) -> None:
    before = store_hash(store_path)
    result = CliRunner().invoke(main, ["--store", str(store_path), "add", "-"], input=b"garbage {")
    assert result.exit_code == 2
    assert result.stderr.startswith("kb: <stdin>: malformed TriG")
    assert store_hash(store_path) == before
