"""When a meeting took place, as a reader of the article would date it: calendar weeks, parts
of a month, and a meeting with no date phrase of its own dated by the meeting reported before it.

The articles are written for these tests and published on Thursday 14 November 2024
(``tests.drafting.PUBLISHED``): its week began on Monday 11 November.
"""

from __future__ import annotations

import pytest

from .drafting import MET, draft_of


def dated(language: str, *paragraphs: str) -> dict[frozenset[str], tuple[str, str]]:
    """The earliest and latest day of each meeting of the article, by its participants."""
    out = {}
    for meeting in draft_of(language, *paragraphs).form["meetings"]:
        people = frozenset(p["person"] for p in meeting["participants"])
        out[people] = (str(meeting["date"]["earliest"]), str(meeting["date"]["latest"]))
    return out


ARAGHCHI_BAYRAMOV = frozenset({"abbas-araghchi", "jeyhun-bayramov"})
ARAGHCHI_ALIYEV = frozenset({"abbas-araghchi", "ilham-aliyev"})
ARAGHCHI_PASHINYAN = frozenset({"abbas-araghchi", "nikol-pashinyan"})

# -- 1. weeks and parts of a month ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("en", "Araghchi met Bayramov in Baku last week."),
        ("ru", "На прошлой неделе Аракчи встретился в Баку с Байрамовым."),
        ("uk", "Минулого тижня Аббас Аракчі зустрівся в Баку з Джейхуном Байрамовим."),
        ("tr", "Arakçi geçen hafta Bakü'de Bayramov ile görüştü."),
        ("ar", "التقى عراقجي بيراموف في باكو الأسبوع الماضي."),
    ],
)
def test_last_week_is_the_calendar_week_before_publication_s(language: str, sentence: str) -> None:
    assert dated(language, sentence)[ARAGHCHI_BAYRAMOV] == ("2024-11-04", "2024-11-10")


def test_this_week_runs_from_its_monday_to_publication() -> None:
    found = dated("en", "Araghchi met Bayramov in Baku this week.")
    assert found[ARAGHCHI_BAYRAMOV] == ("2024-11-11", "2024-11-14")


@pytest.mark.parametrize(
    ("language", "sentence", "bounds"),
    [
        ("en", "Araghchi met Bayramov in Baku in early October.", ("2024-10-01", "2024-10-10")),
        ("en", "Araghchi met Bayramov in Baku in late September.", ("2024-09-21", "2024-09-30")),
        ("ru", "В начале октября Аракчи встретился с Байрамовым.", ("2024-10-01", "2024-10-10")),
        (
            "uk",
            "Наприкінці вересня Аббас Аракчі зустрівся з Джейхуном Байрамовим.",
            ("2024-09-21", "2024-09-30"),
        ),
        ("tr", "Arakçi, Ekim ayının başında Bayramov ile görüştü.", ("2024-10-01", "2024-10-10")),
        ("ar", "التقى عراقجي بيراموف في منتصف شهر أكتوبر.", ("2024-10-11", "2024-10-20")),
        ("en", "Araghchi met Bayramov in Baku early this month.", ("2024-11-01", "2024-11-10")),
    ],
)
def test_a_part_of_a_month_is_its_first_middle_or_last_ten_days(
    language: str, sentence: str, bounds: tuple[str, str]
) -> None:
    assert dated(language, sentence)[ARAGHCHI_BAYRAMOV] == bounds


def test_a_month_with_no_part_named_is_the_whole_month() -> None:
    found = dated("en", "Araghchi met Bayramov in Baku in October. It was late, he said.")
    assert found[ARAGHCHI_BAYRAMOV] == ("2024-10-01", "2024-10-31")


# -- 2. a meeting dated by the one reported before it --------------------------------------------

TUESDAY = "Araghchi met Bayramov in Baku on Tuesday."


def test_a_visit_s_next_meeting_with_no_date_is_on_the_day_of_the_one_before() -> None:
    found = dated("en", TUESDAY, "Araghchi was also received by President Ilham Aliyev.")
    assert found[ARAGHCHI_ALIYEV] == ("2024-11-12", "2024-11-12")


def test_a_meeting_said_to_come_later_runs_from_the_one_before_to_publication() -> None:
    found = dated("en", TUESDAY, "Araghchi was later received by President Ilham Aliyev.")
    assert found[ARAGHCHI_ALIYEV] == ("2024-11-12", "2024-11-14")


def test_the_same_day_is_the_day_of_the_meeting_before_not_today() -> None:
    found = dated(
        "ar",
        "التقى عراقجي بيراموف في باكو يوم الثلاثاء.",
        "وفي اليوم نفسه استقبل الرئيس الأذربيجاني إلهام علييف عراقجي.",
    )
    assert found[ARAGHCHI_ALIYEV] == ("2024-11-12", "2024-11-12")


def test_a_meeting_of_other_people_with_no_date_is_current_news() -> None:
    # near miss: no participant in common and no "later": nothing ties it to Tuesday's
    found = dated("en", TUESDAY, "Armenian Prime Minister Nikol Pashinyan met Ilham Aliyev.")
    assert found[frozenset({"nikol-pashinyan", "ilham-aliyev"})] == ("2024-11-07", "2024-11-14")


def test_a_meeting_s_own_date_outranks_the_one_before() -> None:
    found = dated("en", TUESDAY, "Araghchi met Prime Minister Nikol Pashinyan in Yerevan in June.")
    assert found[ARAGHCHI_PASHINYAN] == ("2024-06-01", "2024-06-30")


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("en", "Araghchi met Bayramov in Baku over the weekend, the ministry said."),
        ("ru", "Аракчи и Байрамов встретились в минувшие выходные в Баку, сообщили в МИД."),
        ("tr", "Arakçi, geçen hafta sonu Bakü'de Bayramov ile görüştü."),
    ],
)
def test_the_weekend_is_the_last_saturday_and_sunday_before_publication(
    language: str, sentence: str
) -> None:
    assert dated(language, sentence)[ARAGHCHI_BAYRAMOV] == ("2024-11-09", "2024-11-10")


def test_a_meeting_said_to_be_earlier_is_before_the_one_reported_before_it() -> None:
    found = dated("en", TUESDAY, "Earlier, Araghchi was received by President Ilham Aliyev.")
    earliest, latest = found[ARAGHCHI_ALIYEV]
    assert latest == "2024-11-12" and earliest < "2024-11-12"


def test_earlier_in_the_day_is_the_same_day_not_some_day_before() -> None:
    # near miss: "earlier in the day" names the day
    found = dated("en", TUESDAY, "Earlier in the day, Araghchi was received by Ilham Aliyev.")
    assert found[ARAGHCHI_ALIYEV] == ("2024-11-12", "2024-11-12")


def test_a_recalled_meeting_does_not_date_the_news_meeting_of_one_of_its_people() -> None:
    found = dated(
        "en",
        "Azerbaijani President Ilham Aliyev met Russian President Vladimir Putin in Sochi in "
        "April last year.",
        "Ilham Aliyev received Iranian Foreign Minister Abbas Araghchi.",
    )
    assert found[ARAGHCHI_ALIYEV] == ("2024-11-07", "2024-11-14")  # current news


def test_a_part_of_a_month_still_to_come_this_year_is_last_year_s() -> None:
    found = dated("en", "Araghchi met Bayramov in Baku in late November.")  # read on 14 Nov
    assert found[ARAGHCHI_BAYRAMOV] == ("2023-11-21", "2023-11-30")


def test_a_meeting_earlier_than_one_of_unknown_start_is_before_publication() -> None:
    found = dated(
        "en",
        "Earlier, Araghchi met Bayramov in Baku.",
        "Earlier, Araghchi was received by President Ilham Aliyev.",
    )
    assert found[ARAGHCHI_ALIYEV][1] == "2024-11-14"


# -- 3. the dateline of a dispatch ---------------------------------------------------------------
# The page prints its own date (14 November, ``PUBLISHED``); a dispatch filed two days before
# prints its day in the dateline that opens it.

MET_IN_BAKU = {
    "en": "Iranian Foreign Minister Abbas Araghchi has met his Azerbaijani counterpart Jeyhun "
    "Bayramov in Baku, the ministry said.",
    "ru": MET["ru"],
    "az": MET["az"],
    "tr": MET["tr"],
}


@pytest.mark.parametrize(
    ("language", "dateline", "own_line"),
    [
        ("en", "BAKU, Azerbaijan, Nov. 12", True),
        ("en", "TEHRAN, Nov 12 (Caspian Wire) -", False),
        ("ru", "БАКУ, 12 ноября. /Trend/", True),
        ("az", "Bakı. 12 noyabr", True),
        ("tr", "ANKARA, 12 Kasım (AA) -", False),
    ],
)
def test_news_with_no_date_of_its_own_is_of_the_dateline_s_day_or_the_day_before(
    language: str, dateline: str, own_line: bool
) -> None:
    paragraphs = (
        [dateline, MET_IN_BAKU[language]] if own_line else [f"{dateline} {MET_IN_BAKU[language]}"]
    )
    assert dated(language, *paragraphs)[ARAGHCHI_BAYRAMOV] == ("2024-11-11", "2024-11-12")


def test_a_relative_day_under_a_dateline_counts_from_the_dateline_s_day() -> None:
    found = dated(
        "en",
        "BAKU, Nov. 12",
        "Iranian Foreign Minister Abbas Araghchi met his Azerbaijani counterpart Jeyhun "
        "Bayramov in Baku yesterday, the ministry said.",
    )
    assert found[ARAGHCHI_BAYRAMOV] == ("2024-11-11", "2024-11-11")


@pytest.mark.parametrize(
    "opening",
    [
        "Caspian Wire /12.11.24/ 16:12",  # an outlet's name, not a place, before the date
        "BAKU, Oct. 2",  # six weeks before the page's date: another story's, not this one's
        "Baku was cold on Nov. 12, and the delegations stayed indoors for hours of talks.",
    ],
)
def test_a_date_after_no_place_or_long_before_publication_is_no_dateline(opening: str) -> None:
    found = dated("en", opening, MET_IN_BAKU["en"])
    assert found[ARAGHCHI_BAYRAMOV] == ("2024-11-07", "2024-11-14")  # current news


def test_a_meeting_a_participant_tells_of_in_the_first_person_is_not_the_day_s_news() -> None:
    found = dated(
        "en",
        "Iranian Foreign Minister Abbas Araghchi met Jeyhun Bayramov in Baku on Tuesday, the "
        "ministry said.",
        "President Ilham Aliyev said: Welcome back to Baku, dear minister, you know our land well.",
        "I met Minister Araghchi during his visit to the region, and it was a very good meeting.",
    )
    earliest, latest = found[ARAGHCHI_ALIYEV]
    assert latest == "2024-11-14" and earliest != "2024-11-12"


# -- 4. the same meeting reported again ----------------------------------------------------------

LEAD = (
    "Iranian Foreign Minister Abbas Araghchi, who is visiting Azerbaijan, has met "
    "his counterpart Jeyhun Bayramov in Baku, the ministry said."
)


def test_a_meeting_first_reported_as_news_takes_the_date_it_is_given_later() -> None:
    found = dated(
        "en",
        LEAD,
        "Araghchi met Bayramov on Tuesday evening at the ministry, where they discussed transit.",
    )
    assert found == {ARAGHCHI_BAYRAMOV: ("2024-11-12", "2024-11-12")}


def test_a_meeting_reported_again_with_no_date_stays_the_day_s_news() -> None:
    # near miss: nothing dates it the second time either
    found = dated(
        "en", LEAD, "Araghchi met Bayramov at the ministry, where they discussed transit routes."
    )
    assert found == {ARAGHCHI_BAYRAMOV: ("2024-11-07", "2024-11-14")}


def test_a_date_outside_the_news_week_is_another_meeting_of_the_same_people() -> None:
    # near miss: "in June" is not this week's meeting, which keeps its own bounds
    found = draft_of(
        "en", LEAD, "Araghchi met Bayramov in June at the ministry, where they discussed transit."
    ).form["meetings"]
    assert [(str(m["date"]["earliest"]), str(m["date"]["latest"])) for m in found] == [
        ("2024-11-07", "2024-11-14"),
        ("2024-06-01", "2024-06-30"),
    ]


# -- 5. two days printed together ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        (
            "en",
            "Iranian Foreign Minister Abbas Araghchi met Azerbaijani Foreign Minister Jeyhun "
            "Bayramov in Baku on November 10-11.",
        ),
        (
            "ru",
            "Министр иностранных дел Ирана Аббас Аракчи встретился 10 – 11 ноября в Баку с "
            "министром иностранных дел Азербайджана Джейхуном Байрамовым.",
        ),
        (
            "tr",
            "İran Dışişleri Bakanı Abbas Arakçi 10-11 Kasım tarihlerinde Bakü'de Azerbaycan "
            "Dışişleri Bakanı Ceyhun Bayramov ile görüştü.",
        ),
        (
            "en",
            "Iranian Foreign Minister Abbas Araghchi met Azerbaijani Foreign Minister Jeyhun "
            "Bayramov in Baku on 10-11 November 2024.",
        ),
    ],
)
def test_two_days_printed_with_a_dash_are_both_the_meeting_s(language: str, sentence: str) -> None:
    assert dated(language, sentence)[ARAGHCHI_BAYRAMOV] == ("2024-11-10", "2024-11-11")


def test_a_day_with_a_case_ending_after_a_dash_is_one_day() -> None:
    # near miss: "12-də" (on the 12th) is one day, not a second one after a dash
    sentence = (
        "İranın xarici işlər naziri Abbas Araqçi noyabrın 12-də Bakıda Azərbaycanın xarici "
        "işlər naziri Ceyhun Bayramov ilə görüşüb."
    )
    assert dated("az", sentence)[ARAGHCHI_BAYRAMOV] == ("2024-11-12", "2024-11-12")


@pytest.mark.parametrize(
    ("tail", "bounds"),
    [
        # near misses: a number before a dash that starts no stretch, and a day a month lacks
        ("at COP 29 – 12 November 2024.", ("2024-11-12", "2024-11-12")),
        ("at the meeting's session 2 - 12 November.", ("2024-11-12", "2024-11-12")),
        ("on 29-31 September 2024.", ("2024-09-29", "2024-09-29")),
        ("on September 29-31.", ("2024-09-29", "2024-09-29")),
    ],
)
def test_only_two_days_of_one_stretch_in_one_month_are_both_the_meeting_s(
    tail: str, bounds: tuple[str, str]
) -> None:
    sentence = (
        "Iranian Foreign Minister Abbas Araghchi met Azerbaijani Foreign Minister Jeyhun "
        f"Bayramov in Baku {tail}"
    )
    assert dated("en", sentence)[ARAGHCHI_BAYRAMOV] == bounds


@pytest.mark.parametrize(
    "again",
    [
        # near misses: a week is no day of its own, and another place is another meeting
        "Araghchi previously met Bayramov last week at the ministry, where they discussed transit.",
        "Araghchi had already met Bayramov on Monday in Tehran, where they discussed transit.",
    ],
)
def test_a_meeting_reported_again_elsewhere_or_in_a_week_keeps_the_day_s_news(again: str) -> None:
    assert dated("en", LEAD, again)[ARAGHCHI_BAYRAMOV] == ("2024-11-07", "2024-11-14")
