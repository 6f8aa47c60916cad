"""Find what the registry and the lexicons name in an article: people, offices, countries,
places, organisations, and the cue words of every kind, in every script and inflection.

One phrase index per language maps folded token tuples to what they signal. Names, titles and
content cue phrases are also matched by their lemmas (``morphology``: "Лондоном", "İranın",
"переговорах"), with their spaces removed (Persian and Arabic write compound names both
ways) and without a one-letter clitic (Arabic و، ب، ل، ف). People the registry does not know
are found by structure (``new_people``), a surname alone refers back (``coreference``), and
offices are built and resolved to their holders (``office_mentions``).
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date
from functools import cache

from .coreference import surnames
from .found import Found, Mention, is_person
from .lexicon import Model, model
from .name_forms import genitive
from .new_people import new_people
from .normalize import ARABIC_SCRIPT, key_tokens
from .office_mentions import attach, build_offices, resolve_offices
from .phrases import (
    ENTITY_KINDS,
    LEMMA_CUE_KINDS,
    Match,
    Matcher,
    PhraseIndex,
    cover,
    matcher,
)
from .segment import Doc

__all__ = ["Found", "Match", "Matcher", "Mention", "PhraseIndex", "find", "matcher"]

_LATIN = re.compile(r"[a-zəçğıöşü]")


def find(
    doc: Doc, language: str, era: tuple[date | None, date | None], lines_ok: list[bool]
) -> Found:
    """Cue words and resolved mentions of an article; ``lines_ok`` marks the tokens to read."""
    m = matcher(language)
    registry = model()
    words = doc.words
    raw = m.index.find(words)
    raw = [x for x in raw if lines_ok[x.i] and not _initial(doc, x)]
    lemma_matches = [x for x in m.stems.find([m.stem(w) for w in words]) if lines_ok[x.i]]
    raw += _lemma_cues(raw, lemma_matches)
    entity_like = [x for x in raw if x.kind in ENTITY_KINDS]
    covered = cover(entity_like)
    extra = _variant_matches(doc, m, covered, lines_ok, lemma_matches)
    extra += _wider_by_lemma(entity_like, lemma_matches)
    entity_like = _longest(entity_like + extra)
    cues = [x for x in raw if x.kind not in ENTITY_KINDS] + entity_like
    editorial = {t for x in raw if x.kind == "editorial_verbs" for t in range(x.i, x.j)}
    if editorial:  # "напомним": the outlet recalls, no speaker reports
        cues = [x for x in cues if x.kind != "speech_verbs" or x.i not in editorial]
    cues.sort(key=lambda x: (x.i, -x.j))
    entity_like = [
        x
        for x in entity_like
        if not _lowercase_acronym(doc, m, x)
        and not _common_noun(doc, m, x)
        and not _other_initial(doc, x)
    ]
    cue_covered = cover([x for x in raw if x.kind not in ENTITY_KINDS and x.kind != "stopwords"])
    ranks = [x for x in cues if x.kind == "honorifics"]
    mentions = _resolve(doc, m, registry, entity_like, era, cue_covered, ranks)
    return Found(cues, mentions)


def _initial(doc: Doc, x: Match) -> bool:
    """A capital letter with a full stop right after it is an initial ("S.V."), not a word."""
    if x.j - x.i != 1 or len(doc.words[x.i]) != 1 or x.kind in ENTITY_KINDS:
        return False
    start = doc.starts[x.i]
    return doc.text[start].isupper() and doc.text[start + 1 : start + 2] == "."


def _lowercase_acronym(doc: Doc, m: Matcher, x: Match) -> bool:
    """ "us" is not "US": a label written in capitals only matches capitals."""
    if x.j - x.i != 1 or (doc.words[x.i],) not in m.acronyms:
        return False
    start, end = doc.span(x.i, x.j)
    return not doc.text[start:end].isupper()


def _common_noun(doc: Doc, m: Matcher, x: Match) -> bool:
    """A person's name written in lower case is a common word: in Latin script always ("rəisi",
    head of, is not the surname "Rəisi"); in Cyrillic when the dictionary knows the word only
    as a common noun (some outlets write a surname they despise in lower case)."""
    if x.kind != "entity" or not is_person(x.payload):
        return False
    start, end = doc.span(x.i, x.j)
    letters = [c for c in doc.text[start:end] if c.isalpha()]
    if not letters or not letters[0].islower():
        return False
    if _LATIN.match(letters[0]):
        return True
    return all(m.lemmatizer.common_word(w) for w in doc.words[x.i : x.j] if w.isalpha())


def _other_initial(doc: Doc, x: Match) -> bool:
    """An initial before a registered surname that is not the person's: "M.Əliyev" (a street
    named for someone else) is not the registered "Ilham" of that surname."""
    if x.kind != "entity" or x.i < 2 or doc.words[x.i - 1] != ".":
        return False
    initial = doc.words[x.i - 2]
    firsts = _given_names_of(x.payload)
    return (
        len(initial) == 1
        and initial.isalpha()  # "...», said X. Y went on": a closing mark is no initial
        and bool(firsts)
        and not any(f.startswith(initial) for f in firsts)
    )


@cache
def _given_names_of(entity: str) -> frozenset[str]:
    """The first words of a registered person's names of two words or more."""
    if not is_person(entity):
        return frozenset()
    keys = [key_tokens(text) for text, _, owner in model().labels if owner == entity]
    return frozenset(key[0] for key in keys if len(key) >= 2)


def _lemma_cues(exact: list[Match], lemma_matches: list[Match]) -> list[Match]:
    """Cue phrases matched by lemma where no cue of their kind matched exactly ("переговорах";
    "застерегла" is a warning by lemma though it is a speech verb as printed)."""
    covered: dict[str, set[int]] = defaultdict(set)
    for x in exact:
        if x.kind not in ENTITY_KINDS:
            covered[x.kind].update(range(x.i, x.j))
    out = []
    for x in lemma_matches:
        if x.kind in LEMMA_CUE_KINDS and not covered[x.kind].intersection(range(x.i, x.j)):
            x.how = "stem"
            out.append(x)
    return out


def _variant_matches(
    doc: Doc, m: Matcher, covered: set[int], lines_ok: list[bool], lemma_matches: list[Match]
) -> list[Match]:
    """Names matched by lemma, without spaces, or without a clitic, where nothing matched exactly."""
    out = []
    words = doc.words
    n = len(words)
    for x in lemma_matches:
        if x.kind in ENTITY_KINDS and not covered.intersection(range(x.i, x.j)):
            x.how = "stem"
            out.append(x)
    for i in range(n):
        if i in covered or not lines_ok[i] or not ARABIC_SCRIPT.search(words[i]):
            continue
        for length in (4, 3, 2, 1):
            if i + length > n:
                continue
            joined = "".join(words[i : i + length])
            candidates = [joined]
            if m.clitics and joined[:1] in m.clitics and len(joined) > 4:
                candidates.append(joined[1:])
            for key in candidates:
                for entity in m.despaced.get(key, ()):
                    out.append(Match("entity", entity, i, i + length, "despaced"))
                if key is not joined and length == 1:
                    for kind, payload in m.index.table.get((key,), ()):
                        if kind in ("entity", "demonym"):
                            out.append(Match(kind, payload, i, i + 1, "clitic"))
    return out


def _wider_by_lemma(exact: list[Match], lemma_matches: list[Match]) -> list[Match]:
    """Names matched by lemma that hold a shorter exact match of a country or demonym and
    overlap no other ("главы азербайджанского государства" holds "азербайджанского", "İran
    Dışişleri Bakanlığı'nın" holds "İran"): the longest wins."""
    entities = model().entities
    at: dict[int, list[Match]] = defaultdict(list)
    for e in exact:
        for t in range(e.i, e.j):
            at[t].append(e)
    out = []
    for x in lemma_matches:
        if x.kind not in ENTITY_KINDS or x.j - x.i < 2:
            continue
        overlapping = list({id(e): e for t in range(x.i, x.j) for e in at.get(t, ())}.values())
        if overlapping and all(
            x.i <= e.i
            and e.j <= x.j
            and e.j - e.i < x.j - x.i
            and (
                e.kind == "demonym"
                or (
                    e.kind == "entity" and getattr(entities.get(e.payload), "kind", "") == "country"
                )
            )
            for e in overlapping
        ):
            x.how = "stem"
            out.append(x)
    return out


def _longest(matches: list[Match]) -> list[Match]:
    """Non-overlapping matches, longest first, exact before variants."""
    rank = {"exact": 0, "despaced": 1, "clitic": 2, "stem": 3}
    chosen: list[Match] = []
    taken: set[int] = set()
    for x in sorted(matches, key=lambda x: (-(x.j - x.i), rank.get(x.how, 9), x.i)):
        span = set(range(x.i, x.j))
        if span & taken:
            if any(c.i == x.i and c.j == x.j and c.kind == x.kind for c in chosen):
                chosen.append(x)  # same span, another reading (ambiguous label)
            continue
        taken |= span
        chosen.append(x)
    chosen.sort(key=lambda x: (x.i, x.j))
    return chosen


def _resolve(
    doc: Doc,
    m: Matcher,
    registry: Model,
    matches: list[Match],
    era: tuple[date | None, date | None],
    cue_covered: set[int],
    ranks: list[Match],
) -> list[Mention]:
    """Turn matches into mentions: group ambiguous readings, build offices, attach names."""
    groups: dict[tuple[int, int], list[Match]] = defaultdict(list)
    for x in matches:
        groups[(x.i, x.j)].append(x)
    units = [groups[k] for k in sorted(groups)]
    mentions: list[Mention] = []
    named: list[str] = []
    for group in units:
        first = group[0]
        if first.kind == "entity":
            ids = [x.payload for x in group]
            kinds = {registry.entities[e].kind for e in ids if e in registry.entities}
            entity_id = _pick(ids, registry, named, era)
            entity = registry.entities.get(entity_id)
            if entity is None:
                continue
            if entity.kind == "office":
                mentions.append(
                    Mention(
                        "office",
                        first.i,
                        first.j,
                        offices=[entity.id],
                        country=entity.office_of,
                        how=first.how,
                    )
                )
            else:
                if entity.kind == "person":
                    named.append(entity.id)
                kind = "person" if "person" in kinds and entity.kind == "person" else entity.kind
                mentions.append(
                    Mention(
                        kind,
                        first.i,
                        first.j,
                        entity=entity.id,
                        country=entity.country,
                        how="name" if first.how == "exact" else first.how,
                        possessor=entity.kind == "person" and genitive(m, doc.words[first.j - 1]),
                    )
                )
        elif first.kind == "demonym":
            mentions.append(Mention("demonym", first.i, first.j, country=first.payload))
        elif first.kind == "title":
            entry = first.payload
            mentions.append(
                Mention(
                    "title",
                    first.i,
                    first.j,
                    offices=list(entry["offices"]),
                    plural=bool(entry.get("plural")),
                )
            )
        elif first.kind == "role":
            entry = first.payload
            mentions.append(
                Mention(
                    "role",
                    first.i,
                    first.j,
                    role=list(entry["offices"]),
                    with_country=bool(entry.get("with_country")),
                )
            )
        elif first.kind == "counterpart":
            mentions.append(Mention("counterpart", first.i, first.j, counterpart=True))
    mentions = surnames(doc, m, registry, mentions)
    mentions = build_offices(doc, m, registry, mentions)
    mentions = new_people(doc, m, registry, mentions, cue_covered, ranks)
    mentions = surnames(doc, m, registry, mentions)
    attach(doc, registry, mentions, era, _complement_words(doc, m), _partner_words(doc, m))
    resolve_offices(registry, mentions, era)
    return mentions


def _pick(
    ids: list[str], registry: Model, named: list[str], era: tuple[date | None, date | None]
) -> str:
    if len(ids) == 1:
        return ids[0]
    for entity in reversed(named):
        if entity in ids:
            return entity
    for entity in ids:
        if registry.offices_held(entity, *era) and era[0] is not None:
            return entity
    return ids[0]


def _complement_words(doc: Doc, m: Matcher) -> set[int]:
    """Tokens that may stand between a title and its holder's name as the title's complement:
    in a script without capitals, words with the definite article (the language's
    ``definite_articles``: "للشؤون السياسية", for political affairs)."""
    if not m.definite_articles:
        return set()
    return {t for t, word in enumerate(doc.words) if word.startswith(m.definite_articles)}


# Cue kinds of the words that join a partner or a verb to a clause.
PARTNER_WORDS = ("with_markers", "meeting_triggers", "speech_verbs")


def _partner_words(doc: Doc, m: Matcher) -> set[int]:
    """Tokens that join a partner or a verb to a clause ("با", "with", "met"): an office and a
    name on either side are two people ("رئیس جمهور ایران با X": the president and X)."""
    words = _partner_vocabulary(m.language)
    return {t for t, word in enumerate(doc.words) if word in words}


@cache
def _partner_vocabulary(language: str) -> frozenset[str]:
    """The words that are, alone, a cue of a ``PARTNER_WORDS`` kind in the language."""
    table = matcher(language).index.table
    return frozenset(
        key[0]
        for key, entries in table.items()
        if len(key) == 1 and any(kind in PARTNER_WORDS for kind, _ in entries)
    )
