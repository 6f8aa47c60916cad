"""Short articles for the extraction tests: a headline, then the paragraphs a test writes."""

from __future__ import annotations

from kb.extract.pipeline import Draft, Options, extract

PUBLISHED = "2024-11-14"


def draft_of(language: str, *paragraphs: str) -> Draft:
    """The draft of an article of these paragraphs under a neutral headline, dated PUBLISHED."""
    text = "Talks in the region\n\n" + "\n\n".join(paragraphs) + "\n"
    return extract(text, Options(lang=language, published=PUBLISHED))


def said(draft: Draft) -> list[tuple[str, str]]:
    """(speaker, quote) of every statement, each quote checked verbatim."""
    out = []
    for item in draft.form["statements"]:
        assert item["quote"] in draft.text
        out.append((item["speaker"], item["quote"]))
    return out
