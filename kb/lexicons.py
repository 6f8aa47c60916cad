"""The lexicon files (``ontology/lexicons/<lang>.yaml``): which languages kb reads, each
file read once, strictly, and the words one kind of cue has in every language.

The extractor reads them through ``kb.extract.lexicon``; the registry asks here for the words
that say "counterpart" in any language.

>>> "en" in LANGUAGES and script_of_language("fa")
'arabic'
>>> "counterpart" in words_in_every_language("counterpart")
True
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

from .errors import InputError
from .resources import ONTOLOGY_DIR

LEXICON_DIR = ONTOLOGY_DIR / "lexicons"
# The languages kb reads: one lexicon file each (``_common.yaml`` is shared by all).
LANGUAGES = tuple(sorted(p.stem for p in LEXICON_DIR.glob("*.yaml") if not p.stem.startswith("_")))


@cache
def language_lexicon(language: str) -> dict[str, Any]:
    """A language's lexicon (English's for a language kb has no file for)."""
    path = LEXICON_DIR / f"{language}.yaml"
    if not path.exists():
        path = LEXICON_DIR / "en.yaml"
    return read_lexicon(path)


def script_of_language(language: str) -> str | None:
    """The script a language is written in (its lexicon's ``script:``): latin, cyrillic, arabic."""
    if language not in LANGUAGES:
        return None
    script = language_lexicon(language).get("script")
    return str(script) if script else None


@cache
def words_in_every_language(kind: str) -> tuple[str, ...]:
    """The phrases of one list (``counterpart``, ...) of every language's lexicon."""
    return tuple(str(w) for lang in LANGUAGES for w in language_lexicon(lang).get(kind) or [])


def read_lexicon(path: Path) -> dict[str, Any]:
    """A lexicon file as a mapping; an unreadable one is an ``InputError`` naming the file."""
    try:
        with open(path, encoding="utf-8") as handle:
            data = yaml.safe_load(handle)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise InputError(f"{path}: cannot read the lexicon: {error}".replace("\n", " ")) from error
    if not isinstance(data, dict):
        raise InputError(f"{path}: cannot read the lexicon: expected a mapping")
    return data
