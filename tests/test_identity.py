"""The same meeting across sources (issue #4): matching on arrival, reconcile, explain, split."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest
from pyoxigraph import NamedNode

from kb import identity, kbase, view
from kb.identity import Account, Group, match
from kb.namespaces import CLAIM, ENT, MTG, SRC, sparql_prologue
from kb.output import to_csv
from kb.queries import saved_queries
from kb.store import Store
from kb.store.embedded import EmbeddedStore

from .conftest import KbRunner
from .identity_helpers import (
    AL_ALAM,
    TURAN,
    accounts_by_meeting,
    compile_variant,
    meeting_of,
    source_graph_triples,
)

KHALAFOV_MEETING = MTG["2023-10-04-hossein-amir-abdollahian-khalaf-khalafov"].value
TURAN_SOURCE = SRC["f0dfe1a430830148"].value
AL_ALAM_SOURCE = SRC["f36ad5bd6216021b"].value
TURAN_M2 = CLAIM["f0dfe1a430830148/m2"].value
AL_ALAM_M1 = CLAIM["f36ad5bd6216021b/m1"].value


def query(store: Store, name: str, **params: str) -> list[dict[str, str]]:
    text = saved_queries()[name].bound(params)
    return list(csv.DictReader(io.StringIO(to_csv(store.select(sparql_prologue() + text)))))


@pytest.fixture
def model_store() -> EmbeddedStore:
    store = EmbeddedStore.in_memory()
    kbase.init(store)
    return store


def add(store: Store, compiled: object) -> None:
    """What `kb add` does with a submission once the lead wires identity in: assign, then write."""
    graphs = identity.assign_meetings(store, {compiled.graph: compiled.triples})  # type: ignore[attr-defined]
    view.write(store, replace=graphs)  # with the source's derived view, as kb add writes


# -- curated KB ------------------------------------------------------------------------------


def test_curated_kb_has_the_khalafov_amir_abdollahian_meeting_once_with_two_sources(
    seed_store: Store,
) -> None:
    meetings = accounts_by_meeting(seed_store)
    assert meetings[KHALAFOV_MEETING] == {TURAN_SOURCE, AL_ALAM_SOURCE}
    rows = query(seed_store, "meetings-corroborated")
    assert [r["meeting"] for r in rows] == [KHALAFOV_MEETING]
    assert rows[0]["sourceCount"] == "2" and rows[0]["languages"] in ("en, ar", "ar, en")


def test_reconcile_on_the_curated_kb_changes_nothing(fresh_store: Store) -> None:
    before = source_graph_triples(fresh_store)
    result = identity.reconcile(fresh_store)
    assert result.merges == [] and result.graphs == []
    assert source_graph_triples(fresh_store) == before


# -- extracted reports arriving separately -----------------------------------------------------


def test_extraction_proposes_different_meeting_iris() -> None:
    turan = compile_variant(TURAN)
    al_alam = compile_variant(AL_ALAM)
    assert any(
        t.object == MTG["2023-10-hossein-amir-abdollahian-khalaf-khalafov"] for t in turan.triples
    )
    assert any(
        t.object == MTG["2023-10-04-hossein-amir-abdollahian-khalaf-khalafov"]
        for t in al_alam.triples
    )


@pytest.mark.parametrize(
    "order", [(TURAN, AL_ALAM), (AL_ALAM, TURAN)], ids=["turan-first", "al-alam-first"]
)
def test_two_reports_become_one_meeting_in_either_order(
    model_store: Store, order: tuple[str, str]
) -> None:
    for name in order:
        add(model_store, compile_variant(name))
    meeting = meeting_of(model_store, TURAN_M2)
    assert meeting_of(model_store, AL_ALAM_M1) == meeting
    assert accounts_by_meeting(model_store)[meeting] == {TURAN_SOURCE, AL_ALAM_SOURCE}
    assert meeting.endswith("-hossein-amir-abdollahian-khalaf-khalafov")
    # the later report keeps its own proposal and says why it was matched
    later = TURAN_M2 if order[1] == TURAN else AL_ALAM_M1
    rows = model_store.select(
        sparql_prologue()
        + f"SELECT ?p ?why WHERE {{ <{later}> kb:proposedMeeting ?p ; kb:matchedBecause ?why }}"
    ).rows
    assert len(rows) == 1
    why = rows[0]["why"].value  # type: ignore[attr-defined]
    assert "same participants (Hossein Amir-Abdollahian, Khalaf Khalafov)" in why
    assert "same place (Tehran)" in why and "date precision: 2023-10 vs 2023-10-04" in why
    # each source's own account stays as printed
    dates = {
        r["account"]: r["date"] for r in query(model_store, "meetings") if r["meeting"] == meeting
    }
    assert dates == {TURAN_M2: "2023-10", AL_ALAM_M1: "2023-10-04"}
    # the other meetings of the Turan article are not merged with it
    assert len(accounts_by_meeting(model_store)) == 7
    assert identity.reconcile(model_store).merges == []
    assert kbase.validate_all(model_store).conforms


@pytest.mark.parametrize(
    "order", [(TURAN, AL_ALAM), (AL_ALAM, TURAN)], ids=["turan-first", "al-alam-first"]
)
def test_reconcile_after_the_fact_gives_the_same_kb_whatever_the_order(
    model_store: Store, order: tuple[str, str]
) -> None:
    for name in order:  # written without matching, as a KB built before identity existed
        compiled = compile_variant(name)
        model_store.write(replace={compiled.graph: compiled.triples})
    assert len(accounts_by_meeting(model_store)) == 8
    result = identity.reconcile(model_store, agent="tester")
    assert [(m.value, [a.value for a in absorbed]) for m, absorbed in result.merges] == [
        (KHALAFOV_MEETING, [MTG["2023-10-hossein-amir-abdollahian-khalaf-khalafov"].value])
    ]
    assert accounts_by_meeting(model_store)[KHALAFOV_MEETING] == {TURAN_SOURCE, AL_ALAM_SOURCE}
    assert identity.reconcile(model_store).merges == []  # idempotent
    reference = EmbeddedStore.in_memory()
    kbase.init(reference)
    for name in (TURAN, AL_ALAM):
        compiled = compile_variant(name)
        reference.write(replace={compiled.graph: compiled.triples})
    identity.reconcile(reference)
    assert source_graph_triples(model_store) == source_graph_triples(reference)


def test_an_extracted_report_joins_the_curated_meeting(fresh_store: Store) -> None:
    add(
        fresh_store, compile_variant(AL_ALAM)
    )  # replaces the curated Al-Alam graph with an extracted one
    assert meeting_of(fresh_store, AL_ALAM_M1) == KHALAFOV_MEETING
    assert accounts_by_meeting(fresh_store)[KHALAFOV_MEETING] == {TURAN_SOURCE, AL_ALAM_SOURCE}


def test_re_adding_a_matched_source_changes_nothing(model_store: Store) -> None:
    add(model_store, compile_variant(AL_ALAM))
    add(model_store, compile_variant(TURAN))
    before = source_graph_triples(model_store)
    add(model_store, compile_variant(TURAN))
    assert source_graph_triples(model_store) == before


# -- explain and split --------------------------------------------------------------------------


def test_explain_says_which_sources_and_why(
    model_store: Store, kb: KbRunner, tmp_path: Path
) -> None:
    add(model_store, compile_variant(AL_ALAM))
    add(model_store, compile_variant(TURAN))
    text = identity.explain(model_store, NamedNode(KHALAFOV_MEETING))
    assert "reported by 2 source(s)" in text
    assert "Turan Information Agency, en, published 2023-10-05" in text
    assert "Al-Alam News Network, ar, published 2023-10-05" in text
    assert (
        "why the same meeting: matched to mtg:2023-10-04-hossein-amir-abdollahian-khalaf-khalafov"
        in text
    )
    assert "as printed 'خلف خلف اوف'" in text
    assert "disagreement: date precision: 2023-10 vs 2023-10-04" in text
    store = tmp_path / "cli"
    assert kb("build", store=store).exit_code == 0
    result = kb("explain", "mtg:2023-10-04-hossein-amir-abdollahian-khalaf-khalafov", store=store)
    assert result.exit_code == 0 and "reported by 2 source(s)" in result.output
    assert kb("explain", "mtg:no-such-meeting", store=store).exit_code == 2


def test_split_undoes_a_merge_and_reconcile_keeps_it_apart(model_store: Store) -> None:
    add(model_store, compile_variant(AL_ALAM))
    add(model_store, compile_variant(TURAN))
    new = identity.split(model_store, NamedNode(TURAN_M2), agent="curator")
    assert new == MTG["2023-10-hossein-amir-abdollahian-khalaf-khalafov"]
    assert meeting_of(model_store, TURAN_M2) == new.value
    assert meeting_of(model_store, AL_ALAM_M1) == KHALAFOV_MEETING
    assert not model_store.ask(
        sparql_prologue() + f"ASK {{ <{TURAN_M2}> kb:matchedBecause|kb:proposedMeeting ?x }}"
    )
    assert identity.reconcile(model_store).merges == []
    text = identity.explain(model_store, NamedNode(KHALAFOV_MEETING))
    assert "curation: kb meetings split" in text and "by curator" in text
    assert kbase.validate_all(model_store).conforms
    # re-adding the split source does not merge it again either
    add(model_store, compile_variant(TURAN))
    assert meeting_of(model_store, TURAN_M2) != KHALAFOV_MEETING


def test_split_of_the_canonical_account_mints_a_new_meeting(
    fresh_store: Store, kb: KbRunner, tmp_path: Path
) -> None:
    new = identity.split(fresh_store, NamedNode(AL_ALAM_M1))
    assert new.value == KHALAFOV_MEETING + "--f36ad5bd6216021b"
    assert meeting_of(fresh_store, TURAN_M2) == KHALAFOV_MEETING
    with pytest.raises(Exception, match="only account"):
        identity.split(fresh_store, NamedNode(AL_ALAM_M1))


def test_meetings_cli_reconcile_and_split(kb: KbRunner, tmp_path: Path) -> None:
    store = tmp_path / "kb"
    assert kb("build", store=store).exit_code == 0
    result = kb("meetings", "reconcile", "--dry-run", store=store)
    assert result.exit_code == 0
    result = kb("meetings", "split", "claim:f0dfe1a430830148/m2", "--agent", "curator", store=store)
    assert result.exit_code == 0, result.output
    assert kb("meetings", "split", "claim:nothing/m9", store=store).exit_code == 2


# -- matching rules -----------------------------------------------------------------------------

A, B = ENT["a"], ENT["b"]


def _group(
    name: str,
    earliest: str | None,
    latest: str | None,
    place: str | None = None,
    fixed: bool = False,
    source: str | None = None,
) -> Group:
    account = Account(
        CLAIM[name],
        NamedNode("https://example.org/g/" + (source or name)),
        MTG[name],
        SRC[source or name],
        False,
        date.fromisoformat(earliest) if earliest else None,
        date.fromisoformat(latest) if latest else None,
        None,
        ENT[place] if place else None,
        frozenset({A, B}),
    )
    return Group(MTG[name], [account], fixed=fixed)


def test_overlapping_dates_and_same_place_match() -> None:
    result = match(
        [
            _group("x", "2023-10-04", "2023-10-05", "tehran", fixed=True),
            _group("y", "2023-10-04", "2023-10-04"),
        ],
        set(),
    )
    assert result.target == {CLAIM["y"]: MTG["x"]}


@pytest.mark.parametrize(
    "other, reason",
    [
        (("2023-10-06", "2023-10-07", None), "dates do not overlap"),
        (("2023-10-04", "2023-10-04", "baku"), "different places"),
    ],
)
def test_conflicting_reports_stay_apart(other: tuple[str, str, str | None], reason: str) -> None:
    groups = [_group("x", "2023-10-04", "2023-10-05", "tehran"), _group("y", *other)]
    assert identity.incompatibility(groups, set()).startswith(reason)  # type: ignore[union-attr]
    assert match(groups, set()).target == {}


def test_one_source_reporting_two_meetings_keeps_them_apart() -> None:
    groups = [_group("x", None, None, source="s"), _group("y", None, None, source="s")]
    assert match(groups, set()).target == {}


def test_a_report_that_fits_two_meetings_is_ambiguous_not_merged() -> None:
    groups = [
        _group("x", "2023-10-01", "2023-10-02", fixed=True),
        _group("y", "2023-10-05", "2023-10-06", fixed=True),
        _group("new", None, None),
    ]
    result = match(groups, set())
    assert result.target == {}
    assert result.ambiguous[CLAIM["new"]] == [MTG["x"], MTG["y"]]


def test_three_reports_of_one_meeting_merge_into_the_most_precise() -> None:
    groups = [
        _group("wide", "2023-10-01", "2023-10-31"),
        _group("exact", "2023-10-04", "2023-10-04"),
        _group("mid", "2023-10-03", "2023-10-05"),
    ]
    result = match(groups, set())
    assert result.target == {CLAIM["wide"]: MTG["exact"], CLAIM["mid"]: MTG["exact"]}


# -- dates from what is known -------------------------------------------------------------------


def test_the_undated_hatami_hasanov_meeting_is_bounded_by_hatamis_term(seed_store: Store) -> None:
    rows = [
        r
        for r in query(seed_store, "meetings")
        if r["meeting"].endswith("undated-amir-hatami-zakir-hasanov")
    ]
    assert rows
    for row in rows:
        assert "2017-08-20" <= row["earliest"] <= row["latest"] <= "2021-08-25"
        assert row["date"] == ""
        assert (
            "Amir Hatami held the office of Minister of Defence of Iran 2017-08-20 to 2021-08-25"
            in row["dateBasis"]
        )
    timeline = [
        r
        for r in query(seed_store, "country-pair-timeline")
        if r["meeting"].endswith("undated-amir-hatami-zakir-hasanov")
    ]
    assert timeline[0]["earliest"] == "2017-08-20" and timeline[0]["latest"] == "2021-08-25"
    assert "Amir Hatami held the office" in timeline[0]["dateBasis"]


# -- disagreements --------------------------------------------------------------------------------


def test_disagreements_query_on_the_curated_kb(seed_store: Store) -> None:
    rows = query(seed_store, "meeting-disagreements")
    assert [(r["meeting"], r["aspect"], r["value1"], r["value2"]) for r in rows] == [
        (KHALAFOV_MEETING, "date precision", "2023-10", "2023-10-04")
    ]


def test_disagreements_on_date_place_and_participants_are_listed(fresh_store: Store) -> None:
    def disagree(form: dict) -> None:
        m1 = form["meetings"][0]
        m1["place"] = "baku"
        m1["date"] = {"value": "2023-10-03", "basis": "test"}
        m1["participants"].append(
            {
                "person": "ebrahim-raisi",
                "office": "iran-president",
                "country": "iran",
                "mention": "إلهام علييف",
            }
        )
        m1["participants"][-1]["mention"] = form["meetings"][0]["participants"][1]["mention"]

    compiled = compile_variant(AL_ALAM, disagree, origin="curated", drop_meeting_ids=False)
    fresh_store.write(replace={compiled.graph: compiled.triples})
    rows = query(
        fresh_store,
        "meeting-disagreements",
        meeting="mtg:2023-10-04-hossein-amir-abdollahian-khalaf-khalafov",
    )
    found = {(r["aspect"], r["value1"], r["value2"]) for r in rows}
    assert ("date", "2023-10-04 to 2023-10-05", "2023-10-03 to 2023-10-03") in found
    assert ("place", ENT["tehran"].value, ENT["baku"].value) in found
    assert ("participants", "", "names Ebrahim Raisi") in found
    assert all(r["aspect"] != "date precision" for r in rows)


def test_an_extractors_iri_already_in_use_is_only_a_proposal(model_store: Store) -> None:
    def exact(form: dict) -> None:
        form["meetings"][1]["date"] = {"value": "2023-10-04", "basis": "test"}

    def in_baku(form: dict) -> None:
        form["meetings"][0]["place"] = "baku"

    add(model_store, compile_variant(TURAN, exact))
    add(model_store, compile_variant(AL_ALAM, in_baku))  # proposes the same IRI, conflicting place
    assert meeting_of(model_store, TURAN_M2) == KHALAFOV_MEETING
    assert meeting_of(model_store, AL_ALAM_M1) == KHALAFOV_MEETING + "--f36ad5bd6216021b"
    add(model_store, compile_variant(AL_ALAM))  # same IRI, compatible: joins, and says why
    assert meeting_of(model_store, AL_ALAM_M1) == KHALAFOV_MEETING
    assert model_store.ask(sparql_prologue() + f"ASK {{ <{AL_ALAM_M1}> kb:matchedBecause ?why }}")
