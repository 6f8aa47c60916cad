"""office-conflicts at the edges of a term of office: an account's bounds inside or across a term's
first and last day, a term given as a month or a year (covering it whole), a gap between two terms
of one person, a person with no term in an office the registry knows, a term with no dates. Each
account is written as `kb add` writes it (with its derived view) and the rows the query lists for
it are its conflicts.
"""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kb import view
from kb.namespaces import CLAIM, ENT, GRAPH, KB, MTG, OFFICE, RDF_TYPE, SRC, XSD
from kb.queries import run, saved_queries
from kb.store.embedded import EmbeddedStore

SOURCE = "00000000000000c1"  # a source graph of the tests' own


def account(
    n: int, person: str, office: str, earliest: str = "", latest: str = ""
) -> list[ox.Triple]:
    """Meeting account ``n`` of the test source: ``person`` met someone as ``office``, between
    ``earliest`` and ``latest`` (either may be left open)."""
    claim = CLAIM[f"{SOURCE}/m{n}"]
    participation = CLAIM[f"{SOURCE}/m{n}/p1"]
    triples = [
        ox.Triple(claim, RDF_TYPE, KB.MeetingAccount),
        ox.Triple(claim, KB.meeting, MTG[f"test-office-conflicts-{n}"]),
        ox.Triple(claim, KB.source, SRC[SOURCE]),
        ox.Triple(claim, KB.participation, participation),
        ox.Triple(participation, KB.participant, ENT[person]),
        ox.Triple(participation, KB.inOffice, OFFICE[office]),
    ]
    for bound, value in ((KB.earliest, earliest), (KB.latest, latest)):
        if value:
            triples.append(ox.Triple(claim, bound, ox.Literal(value, datatype=XSD.date)))
    return triples


def conflicts(store: EmbeddedStore, *accounts: list[ox.Triple]) -> dict[int, str]:
    """The test accounts office-conflicts lists, by number, with their conflict."""
    graph = GRAPH[f"source/{SOURCE}"]
    triples = [ox.Triple(SRC[SOURCE], RDF_TYPE, KB.Source)]
    view.write(store, replace={graph: [*triples, *(t for a in accounts for t in a)]})
    rows = run(store, saved_queries()["office-conflicts"]).rows
    prefix = CLAIM[f"{SOURCE}/m"].value
    return {
        int(row["account"].value[len(prefix) :]): row["conflict"].value  # type: ignore[attr-defined]
        for row in rows
        if row["account"].value.startswith(prefix)  # type: ignore[attr-defined]
    }


@pytest.mark.parametrize(
    ("earliest", "latest", "expected"),
    [
        ("2019-05-01", "2019-05-01", None),  # inside the term (2017-08-20 to 2021-08-25)
        ("2017-08-20", "2017-08-20", None),  # its first day
        ("2021-08-25", "2021-08-25", None),  # its last day
        ("2017-08-01", "2017-08-25", None),  # bounds across its first day: may have held it
        ("2017-08-19", "2017-08-19", "not in office then"),  # the day before
        ("2021-08-26", "2021-09-01", "not in office then"),  # after it
        ("", "", None),  # no dates: nothing to contradict
        ("", "2017-08-19", "not in office then"),  # before, its earliest open
        ("2021-08-26", "", "not in office then"),  # after, its latest open
    ],
)
def test_a_term_given_as_days_confirms_the_accounts_that_overlap_it(
    fresh_store: EmbeddedStore, earliest: str, latest: str, expected: str | None
) -> None:
    found = conflicts(
        fresh_store, account(1, "amir-hatami", "iran-minister-of-defence", earliest, latest)
    )
    assert found.get(1) == expected


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ("2005-08-01", None),  # the first day of its starting month (2005-08)
        ("2005-07-31", "not in office then"),
        ("2009-12-31", None),  # the last day of its ending year (2009)
        ("2010-01-01", "not in office then"),
    ],
)
def test_a_term_given_as_a_month_and_a_year_covers_them_whole(
    fresh_store: EmbeddedStore, day: str, expected: str | None
) -> None:
    found = conflicts(
        fresh_store, account(1, "mostafa-mohammad-najjar", "iran-minister-of-defence", day, day)
    )
    assert found.get(1) == expected


def test_a_month_ending_a_term_ends_on_its_last_day(fresh_store: EmbeddedStore) -> None:
    found = conflicts(
        fresh_store,
        account(
            1,
            "edward-nalbandian",
            "armenia-minister-of-foreign-affairs",
            "2018-05-31",
            "2018-05-31",
        ),
        account(
            2,
            "edward-nalbandian",
            "armenia-minister-of-foreign-affairs",
            "2018-06-01",
            "2018-06-01",
        ),
    )
    assert found == {2: "not in office then"}


def test_between_two_terms_of_the_same_person_is_out_of_office(fresh_store: EmbeddedStore) -> None:
    found = conflicts(
        fresh_store,
        account(1, "vladimir-putin", "russia-president", "2004-06-01", "2004-06-01"),
        account(2, "vladimir-putin", "russia-president", "2010-06-01", "2010-06-01"),
        account(3, "vladimir-putin", "russia-president", "2015-06-01", "2015-06-01"),
    )
    assert found == {2: "not in office then"}


def test_a_person_without_a_term_in_a_known_office_is_out_of_office(
    fresh_store: EmbeddedStore,
) -> None:
    found = conflicts(
        fresh_store,
        account(1, "amir-hatami", "azerbaijan-minister-of-defence", "2019-05-01", "2019-05-01"),
    )
    assert found == {1: "not in office then"}


def test_a_term_without_dates_cannot_confirm_the_account(fresh_store: EmbeddedStore) -> None:
    found = conflicts(
        fresh_store,
        account(
            1,
            "khalaf-khalafov",
            "azerbaijan-representative-of-the-president-on-special-assignments",
            "2019-05-01",
            "2019-05-01",
        ),
    )
    assert found == {1: "term dates unknown"}
