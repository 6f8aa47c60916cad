"""Streamed meeting listings and a meeting whose accounts leave their dates open on different
sides (found in review).

meeting-timeline and timeline-meetings sort a meeting by ``COALESCE(?earliest, ?latest)``:
the latest kb:earliest and the earliest kb:latest its accounts give. Each bound is taken over
the accounts that give it (in Oxigraph, ``MAX``/``MIN`` over a group in which one account has
no such bound has no value), so the meeting's month is always one account's kb:sortMonth, and
the bucket that lists it has it among its ``bucket-keys``.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kb import kbase, view
from kb.namespaces import GRAPH, KB, MTG, RDF_TYPE, SRC, XSD
from kb.queries import run, saved_queries, stream
from kb.store.embedded import EmbeddedStore

from .identity_helpers import meeting_account

MET = ("ilham-aliyev", "ebrahim-raisi")  # who meets in every account below
SEED_SOURCE = "f0dfe1a430830148"  # seeds/001_35c6b722bd335644.txt, which has a language
DCTERMS_LANGUAGE = ox.NamedNode("http://purl.org/dc/terms/language")


@pytest.mark.parametrize("name", ["meeting-timeline", "timeline-meetings"])
def test_a_meeting_known_only_after_one_day_and_before_another_streams_as_listed_whole(
    fresh_store: EmbeddedStore, name: str
) -> None:
    """One source says "after 1 January 2017", the other "before 1 March 2017": the whole
    query lists the meeting undated (month 0), where neither account is."""
    graph = GRAPH[f"source/{SEED_SOURCE}"]
    view.write(
        fresh_store,
        insert={
            graph: [
                *meeting_account(SEED_SOURCE, 91, "2017-01-test-open", MET, earliest="2017-01-01"),
                *meeting_account(SEED_SOURCE, 92, "2017-01-test-open", MET, latest="2017-03-01"),
            ]
        },
    )
    saved = saved_queries()[name]
    whole = run(fresh_store, saved).rows
    assert MTG["2017-01-test-open"] in {row["meeting"] for row in whole}
    _, rows = stream(fresh_store, saved)
    assert list(rows) == whole


def test_a_dated_meeting_whose_month_no_account_has_streams_as_listed_whole(
    tmp_path: Path,
) -> None:
    """Accounts 2020-01-30..2020-02-02 and "before 10 March 2020": listed whole on 2020-02-02
    (month 202002); the buckets are January and March, and each drops it."""
    store = EmbeddedStore(tmp_path / "store")
    kbase.init(store)
    source = "00000000000000aa"
    view.write(
        store,
        replace={
            GRAPH[f"source/{source}"]: [
                ox.Triple(SRC[source], RDF_TYPE, KB.Source),
                ox.Triple(SRC[source], DCTERMS_LANGUAGE, ox.Literal("en")),
                *meeting_account(source, 1, "2020-02-test-open", MET, "2020-01-30", "2020-02-02"),
                *meeting_account(source, 2, "2020-02-test-open", MET, latest="2020-03-10"),
            ]
        },
    )
    saved = saved_queries()["meeting-timeline"]
    whole = run(store, saved).rows
    assert [row["meeting"] for row in whole] == [MTG["2020-02-test-open"]]
    _, rows = stream(store, saved)
    assert list(rows) == whole


def test_an_undated_account_leaves_the_meeting_the_bounds_its_dated_accounts_give(
    fresh_store: EmbeddedStore,
) -> None:
    """meeting-timeline lists "the tightest bounds all its sources allow": an account that
    gives no date allows any, as matching (``Group.earliest``) reads it."""
    graph = GRAPH[f"source/{SEED_SOURCE}"]
    view.write(
        fresh_store,
        insert={
            graph: [
                *meeting_account(
                    SEED_SOURCE, 93, "2016-01-test-undated", MET, "2016-01-01", "2016-02-01"
                ),
                *meeting_account(SEED_SOURCE, 94, "2016-01-test-undated", MET),
            ]
        },
    )
    rows = run(fresh_store, saved_queries()["meeting-timeline"]).rows
    (row,) = [r for r in rows if r["meeting"] == MTG["2016-01-test-undated"]]
    assert (row.get("earliest"), row.get("latest")) == (
        ox.Literal("2016-01-01", datatype=XSD.date),
        ox.Literal("2016-02-01", datatype=XSD.date),
    )
