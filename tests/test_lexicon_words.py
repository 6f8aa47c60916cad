"""Every word of a lexicon's word lists is read as the text written: YAML reads a bare
``on``, ``no`` or ``yes`` as a boolean, which would silently drop the word."""

from __future__ import annotations

import pytest

from kb.extract.lexicon import LIST_KINDS
from kb.lexicons import LANGUAGES, language_lexicon


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_every_listed_word_is_text(language: str) -> None:
    lexicon = language_lexicon(language)
    not_text = [
        f"{kind}: {item!r}"
        for kind in LIST_KINDS
        for item in lexicon.get(kind) or []
        if not isinstance(item, str)
    ]
    assert not not_text, f"{language}.yaml: quote these words: {not_text}"
