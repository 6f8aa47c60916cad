"""``# stream-by: ?VAR PROPERTY``: a listing streams through the derived view's bucket list,
whose graph only kb.view names; any other pattern may still be given in full."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kb import view
from kb.errors import InputError
from kb.namespaces import SRC
from kb.queries import SavedQuery, saved_queries

QUERY = "SELECT ?x WHERE { ?x ?p ?o } ORDER BY ?x\n"


def saved(tmp_path: Path, header: str) -> SavedQuery:
    path = tmp_path / "listing.rq"
    path.write_text(f"# title: a listing\n# stream-by: {header}\n{QUERY}", encoding="utf-8")
    return SavedQuery.from_file(path)


def test_a_bucket_property_streams_through_the_views_bucket_list(tmp_path: Path) -> None:
    query = saved(tmp_path, "?sortMonth kb:sortMonth")
    assert query.stream_by == ("sortMonth", f"{view.BUCKETS} kb:sortMonth ?sortMonth")


def test_a_derived_property_without_buckets_is_refused_naming_those_with(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"kb:quote.*kb:sortMonth, kb:sourceBucket"):
        saved(tmp_path, "?quote kb:quote")


def test_a_pattern_given_in_full_is_kept(tmp_path: Path) -> None:
    query = saved(tmp_path, "?source ?source a kb:Source")
    assert query.stream_by == ("source", "?source a kb:Source")


def test_no_saved_query_writes_the_bucket_graph_itself() -> None:
    streamed = [q for q in saved_queries().values() if q.stream_by]
    assert streamed
    assert all(view.BUCKETS.value not in q.text for q in streamed)


def test_the_source_bucket_is_the_source_namespace_and_three_characters_of_the_id() -> None:
    """4,096 buckets of hexadecimal ids: a few hundred claims each at 10^6 statements."""
    (definition,) = [d for d in view.definitions() if "sourceBucket" in d]
    (length,) = re.findall(r"SUBSTR\(STR\(\?source\), 1, (\d+)\)", definition)
    assert int(length) == len(SRC[""].value) + 3
