"""Every saved query answers the seed KB with its expected rows (tests/golden/*.csv)."""

from __future__ import annotations

import csv
import io

import pytest

from kb.errors import InputError
from kb.namespaces import ENT, sparql_prologue
from kb.queries import Param, bind, check_read_only, saved_queries, to_term
from kb.store import Store

from .golden.regenerate import GOLDEN_DIR, answer

QUERIES = sorted(saved_queries())
REQUIRED_COLUMNS = {
    "positions": "statement speaker speakerLabel position positionLabel stance date earliest latest quote source",
    "meetings": "meeting date earliest latest place placeLabel participant participantLabel source",
    "who-affirmed-territorial-integrity": "speaker speakerLabel date earliest latest quote source sourceLabel",
}


def rows(csv_text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(csv_text)))


def test_there_are_the_required_and_at_least_five_more_saved_queries() -> None:
    assert set(REQUIRED_COLUMNS) <= set(QUERIES)
    assert len(QUERIES) >= len(REQUIRED_COLUMNS) + 5


@pytest.mark.parametrize("name", QUERIES)
def test_saved_query_has_a_title_and_a_description(name: str) -> None:
    saved = saved_queries()[name]
    assert saved.title and saved.description


@pytest.mark.parametrize("name", QUERIES)
def test_saved_query_returns_its_expected_rows(seed_store: Store, name: str) -> None:
    golden = GOLDEN_DIR / f"{name}.csv"
    assert golden.exists(), "run: .venv/bin/python -m tests.golden.regenerate"
    expected = rows(golden.read_text(encoding="utf-8"))
    actual = rows(answer(seed_store, name))
    assert actual[0] == expected[0], "columns changed"
    assert sorted(actual[1:]) == sorted(expected[1:]), (
        f"{name} answers differently; if intended: .venv/bin/python -m tests.golden.regenerate"
    )
    assert len(actual) > 1, f"{name} returns no rows on the seed KB"


@pytest.mark.parametrize("name", sorted(REQUIRED_COLUMNS))
def test_contract_columns_come_first_in_order(name: str, seed_store: Store) -> None:
    header = rows(answer(seed_store, name))[0]
    required = REQUIRED_COLUMNS[name].split()
    assert header[: len(required)] == required


def test_a_parameter_restricts_the_answer(seed_store: Store) -> None:
    saved = saved_queries()["who-affirmed-territorial-integrity"]
    armenia = seed_store.select(sparql_prologue() + saved.bound({"country": "ent:armenia"}))
    assert armenia.rows == []


def test_a_parameter_is_bound_as_one_term_never_spliced() -> None:
    param = Param("country", "iri", None, "")
    with pytest.raises(InputError):
        to_term("ent:x> } ; DROP ALL ; #", param)
    with pytest.raises(InputError):
        to_term("<http://x> } UNION { ?s ?p ?o", param)
    literal = to_term('x" } DROP ALL #', Param("name", "string", None, ""))
    bound = bind("SELECT ?s WHERE { ?s ?p ?name }", {"name": literal})
    assert 'VALUES (?name) { ("x\\" } DROP ALL #") }' in bound


def test_an_unknown_parameter_lists_the_valid_ones() -> None:
    with pytest.raises(InputError, match="valid: country"):
        saved_queries()["who-affirmed-territorial-integrity"].bound({"nation": "ent:iran"})


@pytest.mark.parametrize(
    "query, reason",
    [
        ("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", "SERVICE"),
        ("DELETE WHERE { ?s ?p ?o }", "update"),
        ("DROP ALL", "update"),
        ("SELECT * WHERE { ?s ?p ", "syntax"),
    ],
)
def test_only_read_only_queries_without_service_run(query: str, reason: str) -> None:
    with pytest.raises(InputError, match=reason):
        check_read_only(query)


@pytest.mark.parametrize("name", QUERIES)
def test_saved_queries_are_read_only(name: str) -> None:
    assert check_read_only(saved_queries()[name].bound({})) in {
        "SELECT",
        "ASK",
        "CONSTRUCT",
        "DESCRIBE",
    }


SAMPLE_VALUES = {
    "iri": "ent:iran",
    "string": "x",
    "date": "2023-10-04",
    "integer": "1",
    "decimal": "1.5",
    "lang": "en",
}
PARAMS = [
    (name, param) for name, saved in saved_queries().items() for param in saved.params.values()
]


@pytest.mark.parametrize("name, param", PARAMS, ids=[f"{n}-{p.name}" for n, p in PARAMS])
def test_every_declared_parameter_binds_and_runs(
    seed_store: Store, name: str, param: object
) -> None:
    saved = saved_queries()[name]
    value = param.default or SAMPLE_VALUES[param.kind]  # type: ignore[attr-defined]
    text = saved.bound({param.name: value})  # type: ignore[attr-defined]
    check_read_only(text)
    seed_store.select(sparql_prologue() + text)


def test_a_parameter_is_bound_inside_a_sub_select_that_projects_it() -> None:
    query = (
        "SELECT ?p ?n WHERE {\n"
        "  { SELECT ?p (COUNT(?s) AS ?n) WHERE { ?s <http://x/p> ?p } GROUP BY ?p }\n"
        "  { SELECT ?s WHERE { ?s <http://x/q> ?p } }\n"
        "}"
    )
    bound = bind(query, {"p": to_term("<http://x/a>", Param("p", "iri", None, ""))})
    outer, counted, other = bound.split("WHERE {")[1:]
    assert outer.lstrip().startswith("VALUES (?p) { (<http://x/a>) }")
    assert counted.lstrip().startswith("VALUES (?p) { (<http://x/a>) }")
    # ?p is not projected by the second sub-select: there it is another variable, left free
    assert "VALUES" not in other


def _patterns_after_a_bind(text: str) -> list[str]:
    """Triple patterns that follow a BIND in the same group of a query (comments dropped)."""
    groups: list[bool] = [False]  # per open group: has a BIND been seen in it
    late = []
    for raw in text.splitlines():
        line = raw.split(" #")[0].strip()
        if line.startswith("#"):
            continue
        if groups[-1] and line.startswith("?"):
            late.append(line)
        if line.startswith("BIND"):
            groups[-1] = True
        for char in line:
            if char == "{":
                groups.append(False)
            elif char == "}" and len(groups) > 1:
                groups.pop()
    return late


@pytest.mark.parametrize("name", QUERIES)
def test_no_triple_pattern_follows_a_bind_in_its_group(name: str) -> None:
    # A BIND closes the group's pattern so far: Oxigraph then joins what follows it as a separate
    # part and may pair every label with every statement (positions took 1.8 s for 1,000 rows).
    assert _patterns_after_a_bind(saved_queries()[name].text) == []


@pytest.mark.parametrize("name", ["timeline-meetings", "meeting-timeline"])
def test_a_participant_keeps_every_row_of_the_meetings_they_attended(
    seed_store: Store, name: str
) -> None:
    saved = saved_queries()[name]
    every = seed_store.select(sparql_prologue() + saved.bound({})).rows
    person = ENT["khalaf-khalafov"]
    theirs = {
        row["meeting"]
        for row in seed_store.select(
            sparql_prologue() + f"SELECT DISTINCT ?meeting WHERE {{ ?a kb:meeting ?meeting ; "
            f"kb:participation/kb:participant {person} }}"
        ).rows
    }
    assert theirs and len(theirs) < len({row["meeting"] for row in every})
    only = seed_store.select(sparql_prologue() + saved.bound({"participant": str(person)})).rows
    assert only == [row for row in every if row["meeting"] in theirs]
