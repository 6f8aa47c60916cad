"""`kb query` streams its rows and pages through them; aliases keep old query names working."""

from __future__ import annotations

from itertools import islice

import pytest

from kb.output import FORMATS, TABLE_SAMPLE, render, render_stream
from kb.queries import load_query, run, saved_queries, stream
from kb.store import Store

from .conftest import KbRunner


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", ["positions", "who-met-whom", "meetings"])
def test_a_streamed_answer_prints_as_the_whole_answer_did(
    seed_store: Store, name: str, fmt: str
) -> None:
    saved = load_query(name)
    variables, rows = stream(seed_store, saved)
    streamed = "".join(render_stream(variables, rows, fmt, saved.table_columns))
    whole = render(run(seed_store, saved), fmt, saved.table_columns)
    # CSV and TSV end with their last row's line end, as the W3C formats have it; the others
    # as printed text, with a newline
    assert streamed == (whole if fmt in ("csv", "tsv") else whole + "\n")


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_a_delimited_answer_has_no_blank_line_after_its_last_row(
    seed_store: Store, fmt: str
) -> None:
    variables, rows = stream(seed_store, load_query("positions"))
    streamed = "".join(render_stream(variables, rows, fmt))
    line_end = "\r\n" if fmt == "csv" else "\n"
    assert streamed.endswith(line_end) and not streamed.endswith(line_end * 2)


def test_rows_come_before_the_listing_is_read_to_its_end(seed_store: Store) -> None:
    variables, rows = stream(seed_store, load_query("positions"))
    assert "quote" in variables
    assert len(list(islice(rows, 3))) == 3  # the rest is never read


def test_limit_and_offset_page_through_the_answer(seed_store: Store) -> None:
    saved = load_query("positions")
    every = run(seed_store, saved).rows
    _, page = stream(seed_store, saved, limit=5, offset=10)
    assert list(page) == every[10:15]
    _, rest = stream(seed_store, saved, offset=len(every) - 2)
    assert list(rest) == every[-2:]


def test_a_long_table_keeps_the_widths_of_its_first_rows() -> None:
    rows = [{"n": _literal(str(i))} for i in range(TABLE_SAMPLE)]
    rows.append({"n": _literal("a much longer value than any before it")})
    lines = "".join(render_stream(["n"], iter(rows), "table")).splitlines()
    assert lines[1] == "-" * len(str(TABLE_SAMPLE - 1))
    assert lines[-2] == "a much longer value than any before it"
    assert lines[-1] == f"({TABLE_SAMPLE + 1} rows)"


def _literal(text: str) -> object:
    import pyoxigraph as ox

    return ox.Literal(text)


def test_kb_query_pages_with_limit_and_offset(kb: KbRunner, seed_store: Store) -> None:
    location = seed_store.location
    whole = kb("query", "who-met-whom", "--format", "csv", store=location).stdout.splitlines()
    page = kb(
        "query", "who-met-whom", "--format", "csv", "--limit", "2", "--offset", "1", store=location
    ).stdout.splitlines()
    assert page[0] == whole[0]
    assert page[1:3] == whole[2:4]
    assert len([line for line in page if line]) == 3


def test_an_alias_is_its_query_with_its_own_defaults(seed_store: Store) -> None:
    alias = saved_queries()["country-pair-timeline"]
    target = saved_queries()["meeting-timeline"]
    assert alias.text == target.text
    assert alias.params["country1"].default == "ent:iran"
    assert set(alias.params) == set(target.params)
    between = run(seed_store, target, {"country1": "ent:iran", "country2": "ent:azerbaijan"})
    assert run(seed_store, alias).rows == between.rows
