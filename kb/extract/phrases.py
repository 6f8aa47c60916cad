"""The phrase index of one language: registry labels, office titles, roles, demonyms and the
lexicon's cue words, keyed by folded tokens and by their lemmas, built once per language.

``Matcher.index.find(words)`` lists every phrase at every token (``Match``); ``kb.extract.mentions``
turns those into the people, offices and places of an article.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from typing import Any

from .dates import CALENDARS
from .lexicon import LIST_KINDS, Model, language_lexicon, model
from .morphology import Lemmatizer, lemmatizer
from .normalize import ARABIC_SCRIPT, key_tokens, normalizer

ENTITY_KINDS = ("entity", "title", "demonym", "counterpart", "role")
# Cue kinds also matched by lemma: content words, not function words (a conjunction, pronoun or
# stopword is listed in every form it takes).
LEMMA_CUE_KINDS = frozenset(
    {
        "speech_verbs",
        "addressed_verbs",
        "meeting_triggers",
        "weak_triggers",
        "discussion_verbs",
        "counterpart",
        "nominal_speech",
        "group_references",
        "multilateral_markers",
        "honorifics",
        "topic",
        "stance",
        "unnamed_speakers",
        "topic_references",
        "topic_framers",
        "topic_postpositions",
    }
)


@dataclass
class Match:
    kind: str
    payload: Any
    i: int
    j: int
    how: str = "exact"


class PhraseIndex:
    def __init__(self) -> None:
        self.table: dict[tuple[str, ...], list[tuple[str, Any]]] = defaultdict(list)
        self.lengths: dict[str, set[int]] = defaultdict(set)

    def add(self, key: tuple[str, ...], kind: str, payload: Any) -> None:
        if not key:
            return
        entry = (kind, payload)
        if entry not in self.table[key]:
            self.table[key].append(entry)
            self.lengths[key[0]].add(len(key))

    def find(self, words: list[str]) -> list[Match]:
        out = []
        lengths, table = self.lengths, self.table
        n = len(words)
        for i, word in enumerate(words):
            for length in lengths.get(word, ()):
                if i + length > n:
                    continue
                key = tuple(words[i : i + length])
                for kind, payload in table.get(key, ()):
                    out.append(Match(kind, payload, i, i + length))
        return out


@dataclass
class Matcher:
    language: str
    lexicon: dict[str, Any]
    index: PhraseIndex
    stems: PhraseIndex  # the same phrases (names, titles, content cues) keyed by lemmas
    despaced: dict[str, list[str]]
    lemmatizer: Lemmatizer
    clitics: tuple[str, ...]
    attribution: list[tuple[tuple[str, ...], tuple[str, ...]]]
    acronyms: set[tuple[str, ...]]
    given_names: frozenset[str] = frozenset()  # Arabic script: the lexicon's, registered names'
    name_suffixes: tuple[str, ...] = ()  # surname endings (lexicon name_suffixes)
    definite_articles: tuple[str, ...] = ()  # never open a name (lexicon definite_articles)
    common_words: frozenset[str] = frozenset()  # words of titles and cues, in no person's name
    name_endings: tuple[
        tuple[str, str], ...
    ] = ()  # case endings of names (lexicon name_case_endings)
    first_names: frozenset[str] = frozenset()  # first words of registered names, any script

    def stem(self, word: str) -> str:
        """The lemma of a folded word (memoised: words recur across articles)."""
        return self.lemmatizer.lemma(word)


@cache
def matcher(language: str) -> Matcher:
    """The phrase index of one language (built once)."""
    lex = language_lexicon(language)
    registry = model()
    index = PhraseIndex()
    despaced: dict[str, list[str]] = defaultdict(list)
    acronyms: set[tuple[str, ...]] = set()
    lower_labels: set[tuple[str, ...]] = set()
    for text, _, entity in registry.labels:
        key = key_tokens(text)
        if not key:
            continue
        index.add(key, "entity", entity)
        if len(key) == 1 and len(text) <= 5 and text.isupper():
            acronyms.add(key)
        elif len(key) == 1:
            lower_labels.add(key)
        if ARABIC_SCRIPT.search(text):  # "علی اف" in the text, "علی‌اف" in the registry
            joined = "".join(key)
            if entity not in despaced[joined]:
                despaced[joined].append(entity)
    for text, _, country in registry.demonyms:
        index.add(key_tokens(text), "demonym", country)
    for scheme, concept, lang, text in registry.cues:
        if lang == language:
            index.add(key_tokens(text), "topic" if scheme == "positions" else "stance", concept)
    for kind in LIST_KINDS:
        for phrase in lex.get(kind) or []:
            index.add(key_tokens(str(phrase)), kind, None)
    for entry in lex.get("titles") or []:
        for phrase in entry["phrases"]:
            index.add(key_tokens(str(phrase)), "title", entry)
    for entry in lex.get("roles") or []:
        for phrase in entry["phrases"]:
            index.add(key_tokens(str(phrase)), "role", entry)
    for name, value in (lex.get("weekdays") or {}).items():
        index.add(key_tokens(str(name)), "weekday", value)
    for name, value in (lex.get("relative_days") or {}).items():
        index.add(key_tokens(str(name)), "reldays", value)
    for name, value in (lex.get("relative_periods") or {}).items():
        index.add(key_tokens(str(name)), "relperiod", value)
    for name, value in (lex.get("month_parts") or {}).items():
        index.add(key_tokens(str(name)), "month_part", value)
    for table, calendar in CALENDARS.items():
        for name, number in (lex.get(table) or {}).items():
            index.add(key_tokens(str(name)), "month", (calendar, int(number)))
    attribution = []
    for pattern in lex.get("attribution") or []:
        before, _, after = str(pattern).partition("{source}")
        attribution.append((key_tokens(before), key_tokens(after)))
    clitics = tuple(normalizer().key(c) for c in lex.get("clitic_prefixes") or [])
    known = frozenset(word for key in index.table for word in key)
    names = frozenset(
        word
        for key, entries in index.table.items()
        if any(kind == "entity" for kind, _ in entries)
        for word in key
    )
    lemmas = lemmatizer(language, known, names)
    stems = PhraseIndex()
    for key, entries in index.table.items():
        for kind, payload in entries:
            if kind in ENTITY_KINDS or kind in LEMMA_CUE_KINDS:
                stems.add(tuple(lemmas.lemma(w) for w in key), kind, payload)
    return Matcher(
        language,
        lex,
        index,
        stems,
        dict(despaced),
        lemmas,
        clitics,
        attribution,
        acronyms - lower_labels,
        _given_names(registry) | {normalizer().key(str(x)) for x in lex.get("given_names") or []},
        tuple(normalizer().key(str(x)) for x in lex.get("name_suffixes") or []),
        tuple(normalizer().key(str(x)) for x in lex.get("definite_articles") or []),
        _common_words(index, registry),
        _name_endings(lex),
        _first_names(index, registry),
    )


def _name_endings(lex: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    """The lexicon's ``name_case_endings`` (ending → what must be left before it: ``vowel``
    or ``surname``), longest first."""
    table = lex.get("name_case_endings") or {}
    pairs = [(normalizer().key(str(k)), str(v)) for k, v in table.items()]
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


def _common_words(index: PhraseIndex, registry: Model) -> frozenset[str]:
    """Words of the lexicon's titles, roles and cue phrases that are in no person's name:
    "Dışişleri Bakanlığı" after a rank is a ministry, not a person."""
    in_names = {
        word
        for text, _, entity in registry.labels
        if (found := registry.entities.get(entity)) is not None and found.kind == "person"
        for word in key_tokens(text)
    }
    words = {
        word
        for key, entries in index.table.items()
        if any(kind not in ("entity", "demonym") for kind, _ in entries)
        for word in key
    }
    return frozenset(w for w in words - in_names if len(w) > 2)


def _first_names(index: PhraseIndex, registry: Model) -> frozenset[str]:
    """The first word of every registered person's name of two words or more that is no cue
    word of the language ("Володимир", which a dictionary may know only as a common noun; not
    an honorific such as "пана")."""
    out = set()
    for text, _, entity in registry.labels:
        found = registry.entities.get(entity)
        key = key_tokens(text)
        if found is not None and found.kind == "person" and len(key) >= 2 and len(key[0]) > 2:
            if not any(kind != "entity" for kind, _ in index.table.get((key[0],), ())):
                out.add(key[0])
    return frozenset(out)


def _given_names(registry: Model) -> frozenset[str]:
    """The first word of every registered person's name written in Arabic script."""
    out = set()
    for text, _, entity in registry.labels:
        found = registry.entities.get(entity)
        key = key_tokens(text)
        if found is not None and found.kind == "person" and len(key) >= 2:
            if ARABIC_SCRIPT.search(key[0]):
                out.add(key[0])
    return frozenset(out)


def is_cue(m: Matcher, word: str, kind: str) -> bool:
    """Whether one word is, alone, a cue of this kind in the language."""
    return any(k == kind for k, _ in m.index.table.get((word,), ()))


def cover(matches: list[Any]) -> set[int]:
    """The token positions the spans (matches or mentions) cover."""
    out: set[int] = set()
    for x in matches:
        out.update(range(x.i, x.j))
    return out
