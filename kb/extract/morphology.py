"""Lemma of a folded word, per language, so that cue phrases and registered names match their
inflected forms ("переговорах" → "переговоры", "İran'ın" → "iran", "Azərbaycanın" → "azərbaycan").

Each language uses what does the job best:

- Russian and Ukrainian: pymorphy3 with its dictionaries (it lemmatises surnames too, and
  keeps a name ending in -и apart from a name with a case ending: "Гусейном" is "гусейн",
  "Гусейни" stays "гусейни", where a suffix table made both "гусейн");
- Turkish: the Snowball stemmer; a proper noun's case ending follows an apostrophe, so the
  lemma is the stem of the part before it (the stem of the name as a label prints it);
- English: only the possessive "'s" goes (Snowball makes "states" "stated" and "meetings"
  "meet": a noun becomes a speech verb or a meeting trigger; the lexicon lists the forms);
- Azerbaijani: the language file's ``inflection_suffixes``, but a stem is used only when it is
  a word the registry or the lexicon knows ("İranın" is "iran", never "ira");
- Persian: the plural endings of its ``inflection_suffixes`` ("همکاری‌های", cooperations of,
  is "همکاری"), a stem used only when it is a known word, as for Azerbaijani;
- Arabic: no lemma (its stemmers turn names into roots); the matcher handles its clitics and
  spacing itself in names; a word that is a known word after one of the language's
  ``clitic_prefixes`` ("ويجب", and must; "بدعم", with support) is that word, so a cue phrase
  matches it.

Words shorter than ``MINIMUM`` letters are their own lemma (function words stay apart).

>>> ru = lemmatizer("ru")
>>> ru.lemma("переговорах"), ru.lemma("гусейном") == ru.lemma("гусейни")
('переговоры', False)
>>> az = lemmatizer("az", frozenset({"iran", "azərbaycan"}))
>>> az.lemma("iranin"), az.lemma("azərbaycanin"), az.lemma("rəisinin")  # folded: ı is i
('iran', 'azərbaycan', 'rəisinin')
>>> ar = lemmatizer("ar", frozenset({"يجب"}))
>>> ar.lemma("ويجب"), ar.lemma("وزير")  # a clitic goes only before a known word
('يجب', 'وزير')
>>> tr = lemmatizer("tr")
>>> tr.lemma("azerbaycan'ın") == tr.lemma("azerbaycan")  # the ending after the apostrophe goes
True
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from .lexicon import language_lexicon

MINIMUM = 4  # letters: shorter words are left as they are
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_SNOWBALL = {"tr": "turkish"}
_PYMORPHY = ("ru", "uk")


@dataclass
class Lemmatizer:
    """The lemma of a folded word in one language, memoised per word."""

    language: str
    rule: Callable[[str], str]
    memo: dict[str, str] = field(default_factory=dict)
    dictionary_word: Callable[[str], bool] = lambda word: False
    name_stem: Callable[[str], str] = lambda word: word

    def name_base(self, word: str) -> str:
        """A name word without its case ending where the dictionary can tell ("тимуром" is
        "тимур"; a word that may be a nominative stays): the word itself otherwise."""
        return word if len(word) < MINIMUM else self.name_stem(word)

    def common_word(self, word: str) -> bool:
        """Whether the language's dictionary knows the word only as a common word (not a
        surname, first name or place): "мир" is, "путин" is not. False without a dictionary."""
        return self.dictionary_word(word)

    def lemma(self, word: str) -> str:
        found = self.memo.get(word)
        if found is None:
            found = self.memo[word] = word if len(word) < MINIMUM else self.rule(word)
        return found


def lemmatizer(
    language: str, known: frozenset[str] = frozenset(), names: frozenset[str] = frozenset()
) -> Lemmatizer:
    """The lemmatizer of a language; ``known`` is the vocabulary a checked suffix table needs,
    ``names`` the words of names in it, which lose no more than their own ending."""
    if language in _PYMORPHY:
        return Lemmatizer(
            language,
            _pymorphy_rule(language, known),
            dictionary_word=_common(language),
            name_stem=_name_stem(language),
        )
    if language in _SNOWBALL:
        stemmer = _snowball(language)
        return Lemmatizer(language, lambda w: _turkish(w, stemmer))
    if language == "en":
        return Lemmatizer(language, lambda w: w.removesuffix("'s"))
    suffixes = _suffixes(language)
    if suffixes:
        return Lemmatizer(language, lambda w: checked_stem(w, suffixes, known, names))
    clitics = _clitics(language)
    if clitics:
        return Lemmatizer(language, lambda w: unclitic(w, clitics, known))
    return Lemmatizer(language, lambda w: w)


def unclitic(word: str, clitics: tuple[str, ...], known: frozenset[str]) -> str:
    """The word without a one-letter clitic before it where what is left is known."""
    if word[:1] in clitics and word[1:] in known and len(word) - 1 >= 3:
        return word[1:]
    return word


@cache
def _clitics(language: str) -> tuple[str, ...]:
    from .normalize import normalizer

    listed = language_lexicon(language).get("clitic_prefixes") or []
    return tuple(normalizer().key(str(c)) for c in listed)


def checked_stem(
    word: str, suffixes: tuple[str, ...], known: frozenset[str], names: frozenset[str] = frozenset()
) -> str:
    """The word without a suffix (at most two, longest first) where what is left is known
    (a known word may itself be inflected: "azərbaycanın" in a cue phrase is "azərbaycan"); the
    shorter known stem wins, so that a word and its known inflection share one lemma
    ("münasibətlərinin" and the cue word "münasibətləri" are both "münasibətlər"); but a
    word of a name stays whole ("əliyevanın" is "əliyeva", not the man's "əliyev")."""
    for suffix in suffixes:
        if not word.endswith(suffix) or len(word) - len(suffix) < 3:
            continue
        stem = word[: -len(suffix)]
        if stem in names:
            return stem
        inner_stem = next(
            (
                stem[: -len(inner)]
                for inner in suffixes
                if stem.endswith(inner)
                and len(stem) - len(inner) >= 3
                and stem[: -len(inner)] in known
            ),
            None,
        )
        if inner_stem is not None:
            return inner_stem
        if stem in known:
            return stem
    return word


def _turkish(word: str, stemmer: Callable[[str], str]) -> str:
    """The stem of the word, or of a proper noun without the case ending after its apostrophe
    ("azerbaycan'ı" is "azerbaycan", stemmed as the label "Azerbaycan" is)."""
    head, apostrophe, _ = word.partition("'")
    return stemmer(head) if apostrophe and head else stemmer(word)


@cache
def _suffixes(language: str) -> tuple[str, ...]:
    from .normalize import normalizer

    listed = language_lexicon(language).get("inflection_suffixes") or []
    return tuple(sorted((normalizer().key(str(s)) for s in listed), key=len, reverse=True))


@cache
def _snowball(language: str) -> Callable[[str], str]:
    import snowballstemmer

    stemmer: Any = snowballstemmer.stemmer(_SNOWBALL[language])
    return stemmer.stemWord  # type: ignore[no-any-return]


@cache
def _analyzer(language: str) -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang=language)


_NAME_TAGS = frozenset({"Surn", "Name", "Patr", "Geox", "Orgn", "Trad"})


def _common(language: str) -> Callable[[str], bool]:
    analyzer = _analyzer(language)

    @cache
    def common(word: str) -> bool:
        parses = analyzer.parse(word)
        return bool(parses) and all(
            p.is_known and not (_NAME_TAGS & p.tag.grammemes) for p in parses
        )

    return common


def _pymorphy_rule(language: str, known: frozenset[str] = frozenset()) -> Callable[[str], str]:
    analyzer = _analyzer(language)
    letter_g = "ґ" if language == "uk" else None
    suffixes = _suffixes(language)

    def rule(word: str) -> str:
        if not _CYRILLIC.search(word):
            return word
        parses = analyzer.parse(word)
        if not parses:
            return word
        # A word the dictionary reads as one person's name takes the shortest of its name lemmas: an
        # inflected name is read as its base ("джейхуна" is the genitive of "джейхун" before it
        # is a name of its own), and the registry's labels are lemmatised the same way. Any
        # other word takes the dictionary's first reading.
        names = [
            p.normal_form for p in parses if _NAME_TAGS & p.tag.grammemes and "plur" not in p.tag
        ]  # one person: a plural reading of a name ("байрамов", of Байрам) is not it
        lemma: str = min(names, key=lambda f: (len(f), f)) if names else parses[0].normal_form
        if known and lemma not in known and not any(p.is_known for p in parses):
            # a word the dictionary does not know, guessed wrong ("пезешкіана" read as a
            # feminine noun): a known name word with a case ending of the language's table
            lemma = checked_stem(word, suffixes, known)
        if letter_g:
            lemma = lemma.replace(letter_g, "г")  # the folding writes ґ as г
        return lemma.replace("ё", "е")

    return rule


def _name_stem(language: str) -> Callable[[str], str]:
    """The stem of an inflected name word: the lemma when it is the word less its ending and
    no reading of the word is a nominative (a case form, not a name that ends so)."""
    analyzer = _analyzer(language)

    @cache
    def stem(word: str) -> str:
        parses = [
            p for p in analyzer.parse(word) if p.tag.POS == "NOUN" and "sing" in p.tag.grammemes
        ]
        if not parses or any("nomn" in p.tag.grammemes for p in parses):
            return word
        lemma = parses[0].normal_form
        return lemma if word.startswith(lemma) and len(lemma) >= MINIMUM - 1 else word

    return stem
