"""`kb evaluate` scores a development set of real articles (gold in the set's own form) when
one is present, by the set's conventions, and says so when none is."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from kb import devset
from kb.cli import main
from kb.devset import Scorer

ARTICLE = """Foreign ministers meet in Baku

Baku, 3 May 2024 (Example Wire). Azerbaijani Foreign Minister Jeyhun Bayramov met \
Iranian Foreign Minister Hossein Amir-Abdollahian in Baku on Friday.
Bayramov said that Azerbaijan fully supports the development of transport corridors.
"""
GOLD = {
    "id": "t-en-01",
    "source": {"language": "en"},
    "meetings": [
        {
            "id": "m1",
            "participants": [{"name": "Jeyhun Bayramov"}, {"name": "Hossein Amir-Abdollahian"}],
        },
        {"id": "m2", "participants": [{"name": "Jeyhun Bayramov"}, {"name": "Nobody Else"}]},
    ],
    "positions": [
        {
            "speaker": "Jeyhun Bayramov",
            "quote": "Azerbaijan fully supports the development of transport corridors",
        }
    ],
}


@pytest.fixture
def small_set(tmp_path: Path) -> Path:
    root = tmp_path / "devset"
    for folder in ("articles", "gold", "negatives"):
        (root / folder).mkdir(parents=True)
    (root / "articles" / "t-en-01.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "gold" / "t-en-01.yaml").write_text(yaml.safe_dump(GOLD), encoding="utf-8")
    (root / "negatives" / "tn-en-01.txt").write_text(
        "A fire broke out in a warehouse in Baku on Monday; nobody was hurt.\n", encoding="utf-8"
    )
    return root


def test_a_speaker_label_matches_a_gold_name_by_any_of_its_forms() -> None:
    scorer = Scorer({"Ilham Aliyev": ["aliyev", "علييف"]})
    assert scorer.names("Ilham Aliyev", "President Ilham Aliyev")
    assert scorer.names("Ilham Aliyev", "إلهام علييف")
    assert not scorer.names("Ilham Aliyev", "Mehriban Pashayeva")
    assert Scorer({}).names("Ilham Aliyev", "Aliyev")  # no forms given: the surname


def test_a_quote_counts_when_it_covers_half_of_the_gold_and_mostly_lies_inside_it() -> None:
    text = (
        "He said that the two countries will build the railway together by 2030, and that"
        " the first trains would run from the northern border to the southern ports soon, carrying"
        " goods and passengers between the Caspian and the Gulf."
    )
    gold = "the two countries will build the railway together"
    assert Scorer.overlaps(text, gold, "the two countries will build the railway")
    assert not Scorer.overlaps(text, gold, "the two countries")  # under half of the gold
    assert not Scorer.overlaps(text, gold, text)  # mostly outside the gold quote


def test_the_set_is_scored_through_extract_add_and_the_saved_queries(small_set: Path) -> None:
    results = {r.id: r for r in devset.score(small_set)}
    article, negative = results["t-en-01"], results["tn-en-01"]
    assert (article.meetings.found, article.meetings.gold) == (1, 2)
    assert article.meetings.right == article.meetings.answers == 1
    assert (article.positions.found, article.positions.gold) == (1, 1)
    assert negative.negative and negative.positions.answers == negative.meetings.answers == 0
    table = devset.report(list(results.values()))
    assert "en    meetings    1.00   0.50" in table
    assert "negatives: 0 claim(s) drawn from 1 articles" in table


def test_kb_evaluate_reports_the_set_when_given(small_set: Path) -> None:
    result = CliRunner().invoke(main, ["evaluate", "--devset", str(small_set)])
    assert result.exit_code == 0, result.output
    assert "development set" in result.output and "all   positions" in result.output


def test_kb_evaluate_skips_cleanly_when_no_set_is_present(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(devset.ENVIRONMENT, str(tmp_path / "nowhere"))
    monkeypatch.setattr(devset, "HOME", tmp_path)
    result = CliRunner().invoke(main, ["evaluate"])
    assert result.exit_code == 0, result.output
    assert "development set: not present" in result.output


def test_a_folder_without_gold_is_refused(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["evaluate", "--devset", str(tmp_path)])
    assert result.exit_code == 2
    assert "not a development set" in result.output


def test_each_article_of_a_set_is_scored_in_a_kb_left_as_the_one_before_found_it(
    small_set: Path,
) -> None:
    """Articles are added one after another to one sandbox KB: the second finds what the first
    did (the derived view's bucket list and stamp stay when an article is taken out)."""
    (small_set / "articles" / "t-en-02.txt").write_text(ARTICLE, encoding="utf-8")
    (small_set / "gold" / "t-en-02.yaml").write_text(
        yaml.safe_dump({**GOLD, "id": "t-en-02"}), encoding="utf-8"
    )
    results = {r.id: r for r in devset.score(small_set)}
    for name in ("t-en-01", "t-en-02"):
        assert results[name].positions.found == 1, name
        assert results[name].meetings.found == 1, name


def test_a_gold_stance_word_names_the_stance_concept_of_that_label() -> None:
    assert devset.stance_of("calls for") == "calls-for"
    assert devset.stance_of(" Welcomes ") == "welcomes"
    assert {"affirms", "calls-for", "welcomes"} <= devset.stance_concepts()
    assert "condemns" not in devset.stance_concepts()  # no such concept in the scheme


def _with_stance(small_set: Path, stance: str) -> Path:
    position = {**GOLD["positions"][0], "stance": stance}  # type: ignore[index]
    (small_set / "gold" / "t-en-01.yaml").write_text(
        yaml.safe_dump({**GOLD, "positions": [position]}), encoding="utf-8"
    )
    return small_set


def test_the_stance_of_a_found_gold_position_is_compared_and_reported(small_set: Path) -> None:
    results = list(devset.score(_with_stance(small_set, "supports")))
    article = next(r for r in results if r.id == "t-en-01")
    assert (article.stances.same, article.stances.compared) == (1, 1)
    table = devset.report(results)
    assert "all   positions   1.00   1.00   1.00  (1/1, 1/1)" in table  # the old lines stay
    assert "all   stances     1.00  (1/1)" in table


def test_another_stance_than_the_gold_one_is_a_difference_listed_with_show(
    small_set: Path,
) -> None:
    results = list(devset.score(_with_stance(small_set, "welcomes")))
    table = devset.report(results, show=5)
    assert "all   stances     0.00  (0/1)" in table
    assert "stance: t-en-01: Jeyhun Bayramov / welcomes -> supports" in table


def test_a_gold_stance_the_scheme_lacks_disagrees_and_is_named(small_set: Path) -> None:
    table = devset.report(list(devset.score(_with_stance(small_set, "condemns"))))
    assert "all   stances     0.00  (0/1)" in table
    assert "no concept in the scheme (disagreements): condemns (1)" in table


def test_a_gold_position_not_found_has_no_stance_compared(small_set: Path) -> None:
    position = {"speaker": "Jeyhun Bayramov", "quote": "met", "stance": "supports"}
    (small_set / "gold" / "t-en-01.yaml").write_text(
        yaml.safe_dump({**GOLD, "positions": [position]}), encoding="utf-8"
    )
    article = next(r for r in devset.score(small_set) if r.id == "t-en-01")
    assert article.positions.found == 0
    assert article.stances.compared == 0
