"""docs/ontology.md is generated from the ontology and kept up to date (like bioregistry's lint)."""

from __future__ import annotations

from click.testing import CliRunner

from kb.cli import main
from kb.docs import ontology_markdown
from kb.resources import HOME

ONTOLOGY_MD = HOME / "docs" / "ontology.md"


def test_ontology_docs_are_up_to_date() -> None:
    assert ONTOLOGY_MD.exists(), "generate it: kb docs -o docs/ontology.md"
    assert ONTOLOGY_MD.read_text(encoding="utf-8") == ontology_markdown(), (
        "docs/ontology.md is out of date with ontology/*.ttl or the seeds. "
        "Regenerate it with: kb docs -o docs/ontology.md"
    )


def test_docs_cover_every_class_shape_scheme_and_example() -> None:
    text = ontology_markdown()
    for heading in (
        "### kb:Source",
        "### kb:MeetingAccount",
        "### kb:Statement",
        "## Concept schemes",
    ):
        assert heading in text
    assert "Shape `kbsh:StatementShape`" in text
    assert "claim:c43ef13931acd392/s1" in text and "```turtle" in text
    assert "| `stance:affirms` | affirms |" in text


def test_kb_docs_prints_the_same_markdown() -> None:
    result = CliRunner().invoke(main, ["docs"])
    assert result.exit_code == 0
    assert result.stdout == ontology_markdown()
