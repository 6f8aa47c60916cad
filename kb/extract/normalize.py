"""Tokens, keys and ids of folded text for the extractor; the folding itself is the one
normaliser of ``kb.normalize``.

>>> key_tokens("Foreign Minister's visit")
('foreign', "minister's", 'visit')
"""

from __future__ import annotations

import re
from functools import cache

from ..lexicons import language_lexicon
from ..normalize import Normalizer, common, normalizer

__all__ = ["ARABIC_SCRIPT", "Normalizer", "key_tokens", "normalizer", "slug", "tokens_of"]

TOKEN = re.compile(r"\w+(?:['\-]\w+)*|[^\w\s]")


def tokens_of(folded: str) -> list[tuple[int, int]]:
    """Spans of the words and punctuation marks of folded text."""
    return [m.span() for m in TOKEN.finditer(folded)]


def key_tokens(text: str) -> tuple[str, ...]:
    """A label or cue as the tuple of its folded tokens."""
    folded = normalizer().key(text)
    return tuple(folded[a:b] for a, b in tokens_of(folded))


@cache
def lexicon_phrases(language: str, key: str) -> tuple[tuple[str, ...], ...]:
    """A list of the language's lexicon as folded token tuples, in the file's order."""
    listed = language_lexicon(language).get(key) or []
    return tuple(dict.fromkeys(m for m in (key_tokens(str(p)) for p in listed) if m))


ARABIC_SCRIPT = re.compile(r"[\u0600-\u06FF]")


def slug(name: str) -> str:
    """An ASCII id for a name, transliterated (table in _common.yaml), words joined by '-'."""
    table = common().get("transliteration") or {}
    folded = normalizer().key(name)
    out = []
    for char in folded:
        if char.isascii():
            out.append(char if char.isalnum() else "-")
        else:
            out.append(str(table.get(char, "-")))
    text = "".join(out)
    return "-".join(part for part in text.split("-") if part) or "unnamed"
