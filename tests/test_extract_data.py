"""Facts live in data: the lexicons are complete and well formed, and no Python string in
kb/ holds a sentence of an article or a person's name."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
import yaml

from kb.extract.lexicon import LANGUAGES, LEXICON_DIR, model
from kb.extract.normalize import normalizer
from kb.resources import SEEDS_DIR

KB_DIR = Path(__file__).resolve().parent.parent / "kb"
REQUIRED = (
    "months",
    "weekdays",
    "relative_days",
    "boilerplate",
    "speech_verbs",
    "speech_stems",
    "speech_converbs",
    "speech_participles",
    "converb_suffixes",
    "participle_suffixes",
    "complement_endings",
    "verb_final",
    "converbs_before_content",
    "genitive_endings",
    "pronouns",
    "meeting_triggers",
    "with_markers",
    "conjunctions",
    "attribution",
    "titles",
    "roles",
    "stopwords",
)


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_has_a_lexicon_with_every_section(language: str) -> None:
    data = yaml.safe_load((LEXICON_DIR / f"{language}.yaml").read_text(encoding="utf-8"))
    assert data["language"] == language
    missing = [key for key in REQUIRED if key not in data]
    assert missing == [], f"{language}.yaml lacks {missing}"
    for entry in data["titles"] + data["roles"]:
        assert entry["offices"] and entry["phrases"], entry


@pytest.mark.parametrize("language", LANGUAGES)
def test_title_offices_exist_in_the_registry(language: str) -> None:
    data = yaml.safe_load((LEXICON_DIR / f"{language}.yaml").read_text(encoding="utf-8"))
    offices = {e.id for e in model().entities.values() if e.kind == "office"}
    titles = {o.split("-", 1)[1] for o in offices}
    for entry in data["titles"]:
        assert any(t in titles for t in entry["offices"]), (
            f"{language}: no office of the registry has a title in {entry['offices']}"
        )


def _strings() -> list[tuple[str, str]]:
    out = []
    for path in sorted(KB_DIR.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                out.append((f"{path.relative_to(KB_DIR.parent)}:{node.lineno}", node.value))
    return out


def test_no_python_string_in_kb_holds_a_persons_name() -> None:
    key = normalizer().key
    names = {
        key(text)
        for text, _, entity in model().labels
        if model().entities[entity].kind == "person" and len(text) >= 6
    }
    hits = [
        (where, s)
        for where, s in _strings()
        if any(name in key(s) for name in names if " " in name or len(name) >= 8)
    ]
    assert hits == []


def test_no_python_string_in_kb_holds_a_sentence_of_an_article() -> None:
    articles = [p.read_text(encoding="utf-8") for p in sorted(SEEDS_DIR.glob("*.txt"))]
    hits = [
        (where, s)
        for where, s in _strings()
        if len(s.strip()) >= 20 and any(s.strip() in a for a in articles)
    ]
    assert hits == []
