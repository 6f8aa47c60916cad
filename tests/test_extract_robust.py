"""Any text in, no crash out."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kb.cli import main
from kb.extract.pipeline import Options, extract
from kb.kbase import model_registry
from kb.resources import SEEDS_DIR

WORDS = st.sampled_from(
    [
        "Iran",
        "met",
        "with",
        "President",
        "said",
        "that",
        "«",
        "»",
        '"',
        ":",
        ",",
        ".",
        "\n",
        "Гасанов",
        "зустріч",
        "з",
        "وزير",
        "الخارجية",
        "التقى",
        "مع",
        "دیدار",
        "با",
        "۱۴۰۲",
        "26.01.2022",
        "Wednesday",
        "he",
        "the sides",
        "Azerbaijan's",
        "territorial integrity",
        "\u200c",
        "\u00a0",
        "Foreign Minister",
        "Ali",
        "Shamkhani",
    ]
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_arbitrary_unicode_never_crashes(text: str) -> None:
    draft = extract(text, Options())
    draft.compile(model_registry())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(WORDS, max_size=80).map(" ".join))
def test_article_like_word_salad_never_crashes(text: str) -> None:
    draft = extract(text, Options(lang="en"))
    draft.compile(model_registry())


def test_empty_text_gives_an_empty_draft() -> None:
    draft = extract("", Options())
    assert draft.form["meetings"] == [] and draft.form["statements"] == []
    draft.compile(model_registry())


def test_a_huge_article_is_read() -> None:
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS_DIR.glob("*.txt"))) * 20
    draft = extract(text, Options())
    draft.compile(model_registry())


def test_a_wrong_encoding_is_one_clear_line_and_exit_2(tmp_path: Path) -> None:
    article = tmp_path / "cp1251.txt"
    article.write_bytes("Іран і Азербайджан провели переговори".encode("cp1251"))
    result = CliRunner().invoke(main, ["extract", str(article)])
    assert result.exit_code == 2
    assert "not UTF-8" in result.output and len(result.output.strip().splitlines()) == 1
