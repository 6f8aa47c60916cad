"""The synthetic evaluation articles (tests/articles/<lang>/) and their gold claims.

Each gold claim form compiles (every quote, mention, evidence and attribution is found
verbatim in its article) and conforms to the shapes together with the model; every
language has at least two articles. See tests/articles/README.md.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
import yaml

from kb import kbase
from kb.claimform import compile_form_file
from kb.validation import validate_triples

ARTICLES_DIR = Path(__file__).parent / "articles"
FORMS = sorted(ARTICLES_DIR.rglob("*.claims.yaml"))
LANGUAGES = ("en", "uk", "ru", "fa", "ar", "az", "tr")


def _form(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_every_language_has_at_least_two_articles() -> None:
    for language in LANGUAGES:
        articles = sorted((ARTICLES_DIR / language).glob("*.txt"))
        assert len(articles) >= 2, f"tests/articles/{language} has {len(articles)} article(s)"


def test_every_article_has_gold_claims() -> None:
    for article in ARTICLES_DIR.rglob("*.txt"):
        assert article.with_suffix(".claims.yaml").exists(), f"{article} has no gold claims"


@pytest.mark.parametrize("form_path", FORMS, ids=lambda p: p.name)
def test_gold_compiles_and_conforms(form_path: Path) -> None:
    compiled = compile_form_file(form_path, kbase.model_registry())
    model = [t for triples in kbase.model_graphs().values() for t in triples]
    report = validate_triples(model + compiled.triples)
    assert report.conforms, report.render()


@pytest.mark.parametrize("form_path", FORMS, ids=lambda p: p.name)
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
