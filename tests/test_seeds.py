"""The seed articles are kept byte for byte, each with a reviewed metadata record and claims."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
import yaml

from kb.resources import SEEDS_DIR

ARTICLES = sorted(SEEDS_DIR.glob("*.txt"))
SHARED = SEEDS_DIR.parent.parent / "shared" / "seeds"


def test_there_are_five_seed_articles() -> None:
    assert len(ARTICLES) == 5


@pytest.mark.parametrize("article", ARTICLES, ids=lambda p: p.name)
def test_article_is_byte_for_byte_the_shared_copy(article: Path) -> None:
    shared = SHARED / article.name
    if not shared.exists():
        pytest.skip("shared/seeds is not beside this checkout")
    assert article.read_bytes() == shared.read_bytes()


@pytest.mark.parametrize("article", ARTICLES, ids=lambda p: p.name)
def test_article_has_a_claim_form_with_its_metadata(article: Path) -> None:
    form_path = article.with_suffix(".claims.yaml")
    assert form_path.exists(), f"{article.name} has no curated claims ({form_path.name})"
    form = yaml.safe_load(form_path.read_text(encoding="utf-8"))
    source = form["source"]
    assert source["file"] == article.name
    for key in ("publisher", "language", "title"):
        assert source.get(key), f"{form_path.name}: source.{key} is missing"
    assert source["title"] in article.read_text(encoding="utf-8")
    if "published" in source:
        assert source["published"]["printed"] in article.read_text(encoding="utf-8")
        assert source["published"]["date"]


@pytest.mark.parametrize("article", ARTICLES, ids=lambda p: p.name)
def test_metadata_records_the_sha256_of_the_text(article: Path) -> None:
    form = yaml.safe_load(article.with_suffix(".claims.yaml").read_text(encoding="utf-8"))
    assert form["source"]["sha256"] == hashlib.sha256(article.read_bytes()).hexdigest()
