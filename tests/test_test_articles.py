"""The synthetic evaluation articles and their gold claims.

Two sets: the development set (tests/articles/<lang>/, which the extractors are tuned on)
and the held-out set (tests/heldout/<lang>/, written after the tuning and never shown to
the extractors). Each gold claim form compiles (every quote, mention, evidence and
attribution is found verbatim in its article) and conforms to the shapes together with
the model; every language has at least two development articles and at least one
held-out article. See tests/articles/README.md and tests/heldout/README.md.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
import yaml

from kb import kbase
from kb.claimform import compile_form_file
from kb.extract.lexicon import LANGUAGES
from kb.validation import validate_triples

ARTICLES_DIR = Path(__file__).parent / "articles"
HELDOUT_DIR = Path(__file__).parent / "heldout"
FORMS = sorted(ARTICLES_DIR.rglob("*.claims.yaml")) + sorted(HELDOUT_DIR.rglob("*.claims.yaml"))


def _form(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_every_language_has_at_least_two_articles() -> None:
    for language in LANGUAGES:
        articles = sorted((ARTICLES_DIR / language).glob("*.txt"))
        assert len(articles) >= 2, f"tests/articles/{language} has {len(articles)} article(s)"


def test_every_language_has_at_least_one_heldout_article() -> None:
    for language in LANGUAGES:
        articles = sorted((HELDOUT_DIR / language).glob("*.txt"))
        assert len(articles) >= 1, f"tests/heldout/{language} has no article"


def test_every_article_has_gold_claims() -> None:
    for directory in (ARTICLES_DIR, HELDOUT_DIR):
        for article in directory.rglob("*.txt"):
            assert article.with_suffix(".claims.yaml").exists(), f"{article} has no gold claims"


def test_heldout_set_is_distinct_from_development_set() -> None:
    development = {p.name for p in ARTICLES_DIR.rglob("*.txt")}
    development_texts = {p.read_bytes() for p in ARTICLES_DIR.rglob("*.txt")}
    for article in HELDOUT_DIR.rglob("*.txt"):
        assert article.name not in development, f"{article.name} is also in tests/articles"
        assert article.read_bytes() not in development_texts, (
            f"{article} duplicates a development article"
        )


def _form_id(path: Path) -> str:
    return f"{path.parent.parent.name}/{path.parent.name}/{path.name}"


@pytest.mark.parametrize("form_path", FORMS, ids=_form_id)
def test_gold_compiles_and_conforms(form_path: Path) -> None:
    compiled = compile_form_file(form_path, kbase.model_registry())
    model = [t for triples in kbase.model_graphs().values() for t in triples]
    report = validate_triples(model + compiled.triples)
    assert report.conforms, report.render()


@pytest.mark.parametrize("form_path", FORMS, ids=_form_id)
def test_gold_metadata(form_path: Path) -> None:
    form = _form(form_path)
    source = form["source"]
    article = form_path.parent / source["file"]
    text = article.read_text(encoding="utf-8")
    assert source["language"] == form_path.parent.name
    assert source["title"] in text
    assert source["published"]["printed"] in text
    if source.get("sha256"):
        assert source["sha256"] == hashlib.sha256(article.read_bytes()).hexdigest()
    assert form.get("meetings") and form.get("statements")
