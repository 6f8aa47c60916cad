"""The extract and evaluate commands."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from kb.cli import main
from kb.resources import SEEDS_DIR

SEED = SEEDS_DIR / "004_23d3bdeec56e4b96.txt"


@pytest.mark.parametrize("name", ["extract", "evaluate"])
def test_commands_have_help_with_an_example(name: str) -> None:
    command = main.commands[name]
    assert command.help and "Example:" in command.help


def test_extract_writes_one_trig_per_article_into_a_directory(tmp_path: Path) -> None:
    out = tmp_path / "drafts"
    result = CliRunner().invoke(
        main, ["extract", str(SEED), str(SEEDS_DIR / "000_6127c40611fea0bb.txt"), "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == [
        "000_6127c40611fea0bb.trig",
        "004_23d3bdeec56e4b96.trig",
    ]


def test_extract_prints_trig_on_stdout_and_validates(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["extract", str(SEED)])
    assert result.exit_code == 0
    assert "kb:Extracted" in result.stdout
    draft = tmp_path / "draft.trig"
    draft.write_text(result.stdout, encoding="utf-8")
    checked = runner.invoke(main, ["--store", str(tmp_path / "store"), "validate", str(draft)])
    assert checked.exit_code == 0, checked.output


def test_extract_prints_a_reviewable_claim_form() -> None:
    result = CliRunner().invoke(main, ["extract", "--format", "yaml", str(SEED)])
    form = yaml.safe_load(result.stdout)
    assert form["source"]["language"] == "en"
    assert form["meetings"] and form["statements"]


def test_evaluate_reports_the_seeds_per_language(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["evaluate", str(SEEDS_DIR)])
    assert result.exit_code == 0
    rows = [line.split() for line in result.stdout.splitlines()[1:]]
    assert {row[1] for row in rows if row[0] == "seeds"} == {"en", "uk", "fa", "ar", "all"}
    assert "positions" in result.stdout and "meetings" in result.stdout


def test_evaluate_names_each_set_by_the_folder_of_its_language_folders(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["evaluate", str(Path(__file__).parent / "heldout" / "tr")])
    assert result.exit_code == 0
    groups = {line.split()[0] for line in result.stdout.splitlines()[1:]}
    assert groups == {"heldout"}


def test_evaluate_refuses_paths_without_claim_forms(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["evaluate", str(tmp_path)])
    assert result.exit_code == 2


NEW_PERSON_ARTICLE = (
    "Iran and Armenia discuss border crossings\n\nPublished: 12 March 2024\n\n"
    "Armenian Foreign Minister Ararat Mirzoyan met his Iranian counterpart Farhad Rostamzadegan"
    " in Yerevan on Monday.\n"
    "Rostamzadegan said Iran stressed the territorial integrity of Armenia.\n"
)


def test_a_yaml_draft_declares_new_people_and_adds_to_the_store(tmp_path: Path) -> None:
    """People an office introduces and the registry lacks are in the form's entities: section,
    so the YAML draft compiles and adds as it is; the TriG draft carries the same people."""
    article = tmp_path / "article.txt"
    article.write_text(NEW_PERSON_ARTICLE, encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(main, ["extract", "--format", "yaml", str(article)])
    assert result.exit_code == 0, result.output
    form = yaml.safe_load(result.stdout)
    (entity,) = form["entities"]
    assert entity["type"] == "person" and entity["country"] == "iran"
    assert entity["mention"] == "Farhad Rostamzadegan"
    speakers = {s["speaker"] for s in form["statements"]}
    participants = {p["person"] for m in form["meetings"] for p in m["participants"]}
    assert entity["id"] in speakers & participants
    draft = tmp_path / "article.claims.yaml"
    draft.write_text(result.stdout, encoding="utf-8")
    store = ["--store", str(tmp_path / "store")]
    assert runner.invoke(main, [*store, "init"]).exit_code == 0
    added = runner.invoke(main, [*store, "add", str(draft)])
    assert added.exit_code == 0, added.output
    trig = runner.invoke(main, ["extract", str(article)])
    assert entity["id"] in trig.stdout and "kb:Unreviewed" in trig.stdout


def test_a_credited_wire_source_joins_every_claims_attribution() -> None:
    form = yaml.safe_load(
        CliRunner().invoke(main, ["extract", "--format", "yaml", str(SEED)]).stdout
    )
    claims = form["meetings"] + form["statements"]
    assert claims and all("agence-france-presse" in c["according_to"] for c in claims)


def test_a_publication_date_that_is_not_iso_is_a_usage_error_before_any_file_is_read(
    tmp_path: Path,
) -> None:
    result = CliRunner().invoke(
        main, ["extract", str(tmp_path / "never-read.txt"), "--published", "14/11/2024"]
    )
    assert result.exit_code == 2
    assert "Invalid value for '--published'" in result.output
    assert "write 2023-10-04" in result.output and "never-read" not in result.output


def test_a_lang_the_text_is_not_in_is_drafted_as_asked_with_a_note(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["extract", str(SEED), "--lang", "ru", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "ru, 0 meeting(s), 0 statement(s) (--lang ru, but the text reads as en)" in (
        result.stderr
    )


def test_a_lang_the_text_is_in_gets_no_note(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["extract", str(SEED), "--lang", "en", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "reads as" not in result.stderr


def test_a_batch_notes_each_article_whose_text_is_not_in_the_lang_given(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / SEED.name).write_bytes(SEED.read_bytes())
    result = CliRunner().invoke(
        main,
        [
            "--store",
            str(tmp_path / "none"),
            "extract",
            str(articles),
            "--lang",
            "fa",
            "-o",
            str(tmp_path / "drafts"),
        ],
    )
    assert result.exit_code == 0, result.output
    assert f"note       {articles / SEED.name}: --lang fa, but the text reads as en" in (
        result.stderr
    )
