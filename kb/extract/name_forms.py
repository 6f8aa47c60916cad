"""The base form of a person's name as written: the case ending of an inflected name taken off
where the language can tell, so that a genitive ("Nadir Kəriminin", "Elvin Haciyev'i",
"Тимуром") labels and identifies the person in the form a reader would cite.

- after an apostrophe (Turkish, Azerbaijani, English): the ending goes ("Haciyev'i");
- Russian and Ukrainian: the dictionary's lemma when the word is that lemma plus an ending and
  no reading of it is a nominative (``Lemmatizer.name_base``);
- Azerbaijani (the lexicon's ``name_case_endings``): an ending goes when what is left shows it
  was one: a vowel before a buffered ending ("Kərimi-nin", "Kərimi-ylə") or a surname ending
  of the language before a plain one ("Qasımov-la"); a name that merely ends so stays.

>>> from kb.extract.phrases import matcher
>>> base_word(matcher("az"), "kəriminin"), base_word(matcher("az"), "qasımovla")
('kərimi', 'qasımov')
>>> base_word(matcher("az"), "kamila"), base_word(matcher("tr"), "haciyev'i")
('kamila', 'haciyev')
"""

from __future__ import annotations

from functools import lru_cache

from .phrases import Matcher, matcher
from .segment import Doc

VOWELS = frozenset("aeiouıəöüаеёиоуыэюяіїє")
SHORTEST = 4  # letters a name word keeps at least once its ending is off


def base_word(m: Matcher, word: str) -> str:
    """The base form of one folded name word (the word itself when nothing can tell)."""
    return _base_word(m.language, word)


@lru_cache(maxsize=1 << 16)
def _base_word(language: str, word: str) -> str:
    m = matcher(language)
    head, apostrophe, _ = word.partition("'")
    if apostrophe and head and len(word) > len(head) + 1:
        return head
    lemma = m.lemmatizer.name_base(word)
    if lemma != word:
        return lemma
    for ending, before in m.name_endings:
        rest = word[: -len(ending)]
        if not word.endswith(ending) or len(rest) < SHORTEST:
            continue
        if before == "vowel" and rest[-1] in VOWELS:
            return rest
        if before == "surname" and any(rest.endswith(s) for s in m.name_suffixes):
            return rest
    return word


def genitive(m: Matcher, word: str) -> bool:
    """Whether a name word is in the genitive: it ends with one of the language's
    ``genitive_endings`` and that ending comes off as a case ending ("kəriminin", "haciyev'in";
    not "kərimi" or "putin")."""
    endings = tuple(str(g) for g in m.lexicon.get("genitive_endings") or [])
    return bool(endings) and word.endswith(endings) and base_word(m, word) != word


def base_name(doc: Doc, m: Matcher, i: int, j: int) -> tuple[str, list[str]]:
    """The name at tokens ``i:j`` as written without the case ending of its last word (a
    verbatim prefix of the text, so it can be located; as written when an inner word is
    inflected too, "Тимуром Ибрагимовым"), and every word's base form."""
    tokens = [k for k in range(i, j) if doc.words[k] != "."]
    written = [doc.words[k] for k in tokens]
    bases = [base_word(m, w) for w in written]
    start, end = doc.span(i, j)
    last = written[-1]
    cut = len(last) - len(bases[-1]) if last.startswith(bases[-1]) else 0
    if bases[:-1] != written[:-1]:
        cut = 0
    return doc.text[start : end - cut].rstrip("'’"), bases
