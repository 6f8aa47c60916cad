"""Who held an office at a date, titles in any language, counterparts, and the office-conflicts query."""

from __future__ import annotations

import csv
import io

import pytest

from kb.model import shipped_offices
from kb.namespaces import ENT, OFFICE, sparql_prologue
from kb.normalize import loose_key as fold
from kb.output import to_csv
from kb.queries import saved_queries
from kb.registry import Offices
from kb.store import Store

from .identity_helpers import ANA, compile_variant


@pytest.fixture(scope="module")
def offices() -> Offices:
    return shipped_offices()


def who(value: object) -> str | None:
    return value.value.rsplit("/", 1)[-1] if value is not None else None  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "office, earliest, latest, holder",
    [
        ("iran-minister-of-defence", "2019-06-01", "2019-06-01", "amir-hatami"),
        (
            "iran-minister-of-defence",
            "2017-08-20",
            None,
            None,
        ),  # Dehghan's last day, Hatami's first
        ("iran-minister-of-defence", "2017-08-21", None, "amir-hatami"),
        ("iran-minister-of-defence", "2017-08-19", None, "hossein-dehghan"),
        ("iran-minister-of-defence", "2021-08-26", None, "mohammad-reza-gharaei-ashtiani"),
        ("iran-minister-of-defence", "2021-08-25", None, None),  # handover day: both held it
        ("iran-minister-of-defence", "2017", "2021", None),  # spans three ministers
        ("iran-president", "2021-08-02", None, "hassan-rouhani"),
        ("iran-president", "2021-08-03", None, None),
        ("iran-president", "2021-08-04", None, "ebrahim-raisi"),
        ("iran-president", "2024-06-01", None, "mohammad-mokhber"),  # acting president
        ("azerbaijan-president", "2019", None, "ilham-aliyev"),
        ("azerbaijan-president", "2003-10-30", None, "heydar-aliyev"),
        ("russia-president", "2000-03-26", None, "vladimir-putin"),  # acting, from the yaml's note
        ("russia-president", "2010", None, "dmitry-medvedev"),
        ("russia-president", "2015", None, "vladimir-putin"),  # second term
        # two terms of Armen Grigoryan, with a gap in which he was acting foreign minister
        ("armenia-secretary-of-the-security-council", "2018-05-01", None, "armen-grigoryan"),
        ("armenia-secretary-of-the-security-council", "2021-07-13", None, "armen-grigoryan"),
        ("armenia-secretary-of-the-security-council", "2021-07-20", None, None),
        ("armenia-secretary-of-the-security-council", "2021-08-19", None, "armen-grigoryan"),
        ("armenia-secretary-of-the-security-council", "2023-10-01", None, "armen-grigoryan"),
        ("armenia-minister-of-foreign-affairs", "2021-07-20", None, "armen-grigoryan"),
        ("armenia-minister-of-foreign-affairs", "2021-08-20", None, "ararat-mirzoyan"),
        ("armenia-minister-of-foreign-affairs", "2018-05-15", None, None),  # month-precise handover
        ("turkey-minister-of-national-defence", "2023-06-04", None, None),
        ("turkey-minister-of-national-defence", "2023-06-05", None, "yasar-guler"),
    ],
)
def test_holder_at(
    offices: Offices, office: str, earliest: str, latest: str | None, holder: str | None
) -> None:
    assert who(offices.holder_at(office, earliest, latest)) == holder


def test_holders_at_lists_every_candidate(offices: Offices) -> None:
    terms = offices.holders_at(OFFICE["iran-minister-of-defence"], "2021-08-25", "2021-08-25")
    assert [who(t.holder) for t in terms] == ["amir-hatami", "mohammad-reza-gharaei-ashtiani"]


def test_held_says_whether_a_person_held_an_office(offices: Offices) -> None:
    assert (
        offices.held("ent:amir-hatami", "iran-minister-of-defence", "2019-01-01", "2019-01-31")
        is True
    )
    assert (
        offices.held("ent:amir-hatami", "iran-minister-of-defence", "2023-01-01", "2023-01-31")
        is False
    )


def test_offices_read_the_shipped_registry_or_a_store(seed_store: Store) -> None:
    assert (
        shipped_offices().holder_at("office:iran-minister-of-defence", "2019") == ENT["amir-hatami"]
    )
    assert (
        Offices(seed_store).holder_at(OFFICE["iran-minister-of-defence"], "2019")
        == ENT["amir-hatami"]
    )
    assert Offices(seed_store).resolve_title("Iranian Foreign Minister") == [
        OFFICE["iran-minister-of-foreign-affairs"]
    ]


@pytest.mark.parametrize(
    "title, office",
    [
        ("The President of Azerbaijan", "azerbaijan-president"),
        ("the Azeri President", "azerbaijan-president"),
        ("رئیس جمهور آذربایجان", "azerbaijan-president"),
        ("رئيس جمهور آذربايجان", "azerbaijan-president"),  # Arabic yeh and kaf
        ("رئیس‌جمهور جمهوری آذربایجان", "azerbaijan-president"),  # with a zero-width non-joiner
        ("الرئيس الأذربيجاني", "azerbaijan-president"),
        ("президент Азербайджана", "azerbaijan-president"),
        ("Azərbaycan Prezidenti", "azerbaijan-president"),
        ("وزیر دفاع جمهوری اسلامی ایران", "iran-minister-of-defence"),
        ("İran Dışişleri Bakanı", "iran-minister-of-foreign-affairs"),
    ],
)
def test_titles_resolve_to_offices_in_any_language(
    offices: Offices, title: str, office: str
) -> None:
    assert offices.resolve_title(title) == [OFFICE[office]]


def test_a_title_names_nobody_without_a_date_range_that_fits(offices: Offices) -> None:
    assert (
        who(offices.resolve_mention("رئیس جمهور آذربایجان", "2017-08-20", "2021-08-25"))
        == "ilham-aliyev"
    )
    assert who(offices.resolve_mention("President of Iran", "2021-01-01", "2021-12-31")) is None
    assert offices.resolve_mention("Grand Vizier", "2020") is None


@pytest.mark.parametrize(
    "mention, other, country, expected",
    [
        (
            "his Iranian counterpart",
            "azerbaijan-minister-of-defence",
            None,
            "iran-minister-of-defence",
        ),
        (
            "його іранським колегою",
            "azerbaijan-minister-of-defence",
            None,
            "iran-minister-of-defence",
        ),
        (
            "his Azeri counterpart",
            "iran-minister-of-defence",
            None,
            "azerbaijan-minister-of-defence",
        ),
        (
            "his Turkish counterpart",
            "iran-minister-of-defence",
            "turkey",
            "turkey-minister-of-national-defence",
        ),
        (
            "his counterpart",
            "russia-chief-of-the-general-staff",
            "iran",
            "iran-chief-of-the-general-staff-of-the-armed-forces",
        ),
    ],
)
def test_counterparts(
    offices: Offices, mention: str, other: str, country: str | None, expected: str
) -> None:
    assert (
        offices.resolve_office(mention, counterpart_of=other, country=country) == OFFICE[expected]
    )


def test_his_iranian_counterpart_in_january_2022_is_gharaei_ashtiani(offices: Offices) -> None:
    person = offices.resolve_mention(
        "his Iranian counterpart",
        "2022-01-19",
        "2022-01-26",
        counterpart_of="azerbaijan-minister-of-defence",
    )
    assert who(person) == "mohammad-reza-gharaei-ashtiani"


def test_fold_matches_spelling_variants() -> None:
    assert fold("رئیس‌جمهور") == fold("رئيسجمهور")
    assert fold("The  President") == "president"
    assert fold("Ḥasan") == fold("hasan")


def _office_conflicts(store: Store) -> list[dict[str, str]]:
    text = saved_queries()["office-conflicts"].bound({})
    return list(csv.DictReader(io.StringIO(to_csv(store.select(sparql_prologue() + text)))))


def test_office_conflicts_lists_a_claim_naming_someone_out_of_office(fresh_store: Store) -> None:
    def in_2023(form: dict) -> None:
        form["meetings"][0]["date"] = {
            "value": "2023-01",
            "basis": "test: Hatami was no longer minister",
        }

    compiled = compile_variant(ANA, in_2023, origin="curated", drop_meeting_ids=False)
    fresh_store.write(replace={compiled.graph: compiled.triples})
    rows = [r for r in _office_conflicts(fresh_store) if r["conflict"] == "not in office then"]
    assert len(rows) == 1
    assert rows[0]["participantLabel"] == "Amir Hatami"
    assert rows[0]["officeLabel"] == "Minister of Defence of Iran"
    assert rows[0]["heldBy"] == "Mohammad-Reza Gharaei Ashtiani"


def test_office_conflicts_on_the_curated_kb_only_lists_unconfirmable_terms(
    seed_store: Store,
) -> None:
    rows = _office_conflicts(seed_store)
    assert rows and {r["conflict"] for r in rows} == {"term dates unknown"}
    assert {r["participantLabel"] for r in rows} == {"Khalaf Khalafov"}
