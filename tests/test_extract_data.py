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
    "weak_triggers",
    "with_markers",
    "not_meeting",
    "joint_triggers",
    "agent_markers",
    "delegation_markers",
    "verb_final",
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
    roles = {e.role for e in model().entities.values() if e.kind == "office"}
    for entry in data["titles"]:
        assert all(t in roles for t in entry["offices"]), (
            f"{language}: a role in {entry['offices']} is the kb:role of no office of the registry"
        )


def test_every_office_has_a_role_and_a_country() -> None:
    offices = [e for e in model().entities.values() if e.kind == "office"]
    assert [e.id for e in offices if not (e.role and e.office_of)] == []


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
