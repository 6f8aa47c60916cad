"""The curated files a person edits (registry.ttl, the lexicons) are kept in one canonical form:
sorted where order carries no meaning, one formatting, comments kept where they were written."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
import yaml

from kb.canonical import FIX_COMMAND, canonical_text, curated_files, not_canonical
from kb.canonical.__main__ import main
from kb.canonical.lexicons import LexiconFormError, canonical_lexicon
from kb.canonical.turtle import TurtleFormError, canonical_turtle

HERE = Path(__file__).parent / "canonical"
FIXTURES = [HERE / "registry.ttl", HERE / "lexicon.yaml"]


def expected(path: Path) -> str:
    return path.with_suffix(".canonical" + path.suffix).read_text(encoding="utf-8")


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_a_hand_written_file_takes_the_canonical_form(path: Path) -> None:
    assert canonical_text(path) == expected(path)


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_the_canonical_form_is_a_fixed_point(path: Path) -> None:
    assert canonical_text(path, expected(path)) == expected(path)


def test_the_registry_keeps_its_triples() -> None:
    def triples(text: str) -> set[ox.Quad]:
        return set(ox.parse(text, format=ox.RdfFormat.TURTLE))

    text = (HERE / "registry.ttl").read_text(encoding="utf-8")
    assert triples(canonical_turtle(text)) == triples(text)


def test_headings_stay_and_a_comment_travels_with_its_block() -> None:
    out = canonical_turtle((HERE / "registry.ttl").read_text(encoding="utf-8")).splitlines()
    assert out.index("# Countries") < out.index("ent:erewhon a schema:Country ;")
    assert out[out.index("ent:erewhon a schema:Country ;") - 1].startswith("# The curators")
    assert out.index("# === People") < out.index("ent:ada-moss a schema:Person ;")


def test_a_term_of_office_follows_its_holder() -> None:
    out = canonical_turtle((HERE / "registry.ttl").read_text(encoding="utf-8")).splitlines()
    holder = out.index("ent:zed-brown a schema:Person ;")
    assert out[holder + 3].startswith("term:zed-brown--utopia-president--2001 ")


def test_a_comment_inside_a_statement_moves_above_it_and_one_after_a_triple_is_refused() -> None:
    head = "@prefix ex: <http://example.org/> .\n\n"
    inside = head + 'ex:a ex:p "x#y" ;\n    # why q\n    ex:q <http://example.org/#z> .\n'
    assert canonical_turtle(inside).splitlines()[2:4] == ["# why q", "ex:a"]
    with pytest.raises(TurtleFormError, match="a comment at the end of a line"):
        canonical_turtle(head + 'ex:a ex:p "x" ;  # why\n    ex:q 1 .\n')


def test_blank_nodes_are_refused() -> None:
    with pytest.raises(TurtleFormError):
        canonical_turtle("@prefix ex: <http://example.org/> .\n\nex:a ex:p [ ex:q 1 ] .\n")


def test_a_lexicon_reads_the_same_after_it_is_made_canonical() -> None:
    before = yaml.safe_load((HERE / "lexicon.yaml").read_text(encoding="utf-8"))
    after = yaml.safe_load(expected(HERE / "lexicon.yaml"))
    assert sorted(set(before["speech_verbs"])) == after["speech_verbs"]
    assert {k: v for k, v in before.items() if k not in ("speech_verbs", "pronouns")} == {
        k: v for k, v in after.items() if k not in ("speech_verbs", "pronouns")
    }


def test_lists_whose_order_matters_keep_it() -> None:
    text = "titles:\n  - {offices: [b], phrases: [z, a]}\n  - {offices: [a], phrases: [y]}\n"
    text += 'publisher: ["{source} reports", "according to {source}"]\n'
    assert canonical_lexicon(text) == text


def test_a_long_word_list_wraps_at_the_width() -> None:
    words = [f"word{n:02d}" for n in range(40)]
    out = canonical_lexicon(f"speech_verbs: [{', '.join(reversed(words))}]\n")
    assert all(len(line) <= 100 for line in out.splitlines())
    assert yaml.safe_load(out)["speech_verbs"] == words


def test_a_key_written_twice_with_different_values_is_refused() -> None:
    with pytest.raises(LexiconFormError, match="'verb_final' is written twice"):
        canonical_lexicon("verb_final: false\nverb_final: true\n")


def test_a_comment_inside_a_word_list_is_refused_not_lost() -> None:
    with pytest.raises(LexiconFormError, match="line 2: a comment"):
        canonical_lexicon("pronouns: [he,\n  # the feminine\n  she]\n")


def test_the_check_names_the_file_and_the_fix(tmp_path: Path, capsys) -> None:
    copy = tmp_path / "lexicon.yaml"
    shutil.copy(HERE / "lexicon.yaml", copy)
    assert main([str(copy)]) == 1
    message = capsys.readouterr().err
    assert str(copy) in message and FIX_COMMAND in message and "line 4" in message
    assert main(["--fix", str(copy)]) == 0
    assert main([str(copy)]) == 0
    assert copy.read_text(encoding="utf-8") == expected(HERE / "lexicon.yaml")


@pytest.mark.parametrize("path", curated_files(), ids=lambda p: p.name)
def test_the_shipped_curated_files_are_canonical(path: Path) -> None:
    problem = not_canonical(path)
    assert problem is None, problem
