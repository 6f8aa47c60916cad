"""A name read in an article matched to a registered person across spellings: transliterated
and compared whole, by surname and initial, or by initials and surname ("Z.Həsənov")."""

from __future__ import annotations

from collections import defaultdict
from functools import cache

from rapidfuzz import fuzz, process

from .lexicon import model
from .normalize import key_tokens, slug
from .phrases import Matcher, matcher

NAME_SIMILARITY = 85  # rapidfuzz ratio of transliterated names (0-100) that makes them one person


@cache
def _person_slugs() -> tuple[list[str], list[str]]:
    """The slug of every label of every person, and whose it is."""
    registry = model()
    slugs, owners = [], []
    for text, _, entity in registry.labels:
        found = registry.entities.get(entity)
        if found is not None and found.kind == "person" and len(text.split()) >= 2:
            slugs.append(slug(text))
            owners.append(entity)
    return slugs, owners


def known_person(m: Matcher, words: list[str], country: str | None) -> str | None:
    """A registry person whose name, transliterated, is close to an inflected or differently
    spelled name (a case ending, another romanisation): a name a title introduces is only new
    when no one in the registry is spelled nearly so."""
    if len(words) >= 2 and all(len(w) == 1 for w in words[:-1]):
        return _by_initials(m, words[:-1], words[-1], country)
    slugs, owners = _person_slugs()
    for candidate in dict.fromkeys(
        [slug(" ".join(m.stem(w) for w in words)), slug(" ".join(words))]
    ):
        best = process.extractOne(candidate, slugs, scorer=fuzz.ratio, score_cutoff=NAME_SIMILARITY)
        if best is None:
            continue
        entity = owners[best[2]]
        person = model().entities[entity]
        if country is None or person.country in (None, country):
            return entity
    return _by_surname(words, country)


def _by_surname(words: list[str], country: str | None) -> str | None:
    """The one registered person of the country whose surname, transliterated, is close to
    this one and whose given name starts with the same letter (a romanisation that drifts
    on every word: Cyrillic "х" for Persian "h", "е" for "a")."""
    if len(words) < 2 or country is None:
        return None
    first, last = slug(words[0]), slug(words[-1])
    if len(last) < 5:
        return None  # too little to tell ("زاده" alone is every "-zadeh")
    slugs, owners = _person_slugs()
    found = {
        owner
        for text, owner in zip(slugs, owners, strict=True)
        if text[:1] == first[:1]
        and fuzz.ratio(text.rsplit("-", 1)[-1], last) >= NAME_SIMILARITY
        and model().entities[owner].country == country
    }
    return found.pop() if len(found) == 1 else None


def _by_initials(m: Matcher, initials: list[str], surname: str, country: str | None) -> str | None:
    """The one registered person with this surname whose given name starts with the initial
    ("Z.Həsənov", "С.В. Лавров")."""
    found = {
        entity
        for first, entity in _surnames_index(m.language).get(m.stem(surname), ())
        if first.startswith(initials[0])
        and (country is None or model().entities[entity].country in (None, country))
    }
    return found.pop() if len(found) == 1 else None


@cache
def _surnames_index(language: str) -> dict[str, list[tuple[str, str]]]:
    """Lemma of a registered person's last name word → (first name word, person)."""
    m = matcher(language)
    registry = model()
    out: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for text, _, entity in registry.labels:
        found = registry.entities.get(entity)
        key = key_tokens(text)
        if found is not None and found.kind == "person" and len(key) >= 2:
            out[m.stem(key[-1])].append((key[0], entity))
    return dict(out)
