"""Find what the registry and the lexicons name in an article: people, offices, countries,
places, organisations, and the cue words of every kind, in every script and inflection.

One phrase index per language maps folded token tuples to what they signal. Names, titles and
content cue phrases are also matched by their lemmas (``morphology``: "Лондоном", "İranın",
"переговорах"), with their spaces removed (Persian and Arabic write compound names both
ways) and without a one-letter clitic (Arabic و، ب، ل، ف). People the registry does not know
are found when an office title introduces them, and people named only by an office are
resolved through the registry's terms of office.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any

from rapidfuzz import fuzz, process

from .dates import CALENDARS
from .lexicon import LIST_KINDS, Model, language_lexicon, model
from .morphology import Lemmatizer, lemmatizer
from .normalize import ARABIC_SCRIPT, key_tokens, normalizer, slug
from .segment import Doc

NAME_SIMILARITY = 85  # rapidfuzz ratio of transliterated names (0-100) that makes them one person
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
    given_names: frozenset[str] = frozenset()  # first words of registered names, Arabic script
    name_suffixes: tuple[str, ...] = ()  # surname endings (lexicon name_suffixes)
    definite_articles: tuple[str, ...] = ()  # never open a name (lexicon definite_articles)
    common_words: frozenset[str] = frozenset()  # words of titles and cues, in no person's name

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
    for table, calendar in CALENDARS.items():
        for name, number in (lex.get(table) or {}).items():
            index.add(key_tokens(str(name)), "month", (calendar, int(number)))
    attribution = []
    for pattern in lex.get("attribution") or []:
        before, _, after = str(pattern).partition("{source}")
        attribution.append((key_tokens(before), key_tokens(after)))
    clitics = tuple(normalizer().key(c) for c in lex.get("clitic_prefixes") or [])
    known = frozenset(word for key in index.table for word in key)
    lemmas = lemmatizer(language, known)
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
        _given_names(registry),
        tuple(normalizer().key(str(x)) for x in lex.get("name_suffixes") or []),
        tuple(normalizer().key(str(x)) for x in lex.get("definite_articles") or []),
        _common_words(index, registry),
    )


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


# -- resolved mentions ---------------------------------------------------------------------


@dataclass
class Mention:
    """A person, office, country, place or organisation named in the article."""

    kind: str  # person, office, country, place, organization, media, new-person
    i: int
    j: int
    entity: str | None = None  # entity id (person, country, place, organisation)
    offices: list[str] = field(default_factory=list)  # office ids this mention names or holds
    country: str | None = None
    how: str = "name"  # name, stem, office, counterpart, new
    plural: bool = False
    complement: bool = False  # a name inside another person's title ("assistant of President X")
    attached: bool = False  # an office attached to a name next to it
    name: str = ""  # for new people: the name as printed
    counterpart: bool = False
    role: list[str] | None = None  # office patterns of a role noun ("the minister")


@dataclass
class Found:
    """Everything matched in one article."""

    cues: list[Match]
    mentions: list[Mention]

    def of_kind(self, kind: str, i: int = 0, j: int = 1 << 30) -> list[Match]:
        return [m for m in self.cues if m.kind == kind and m.i >= i and m.j <= j]


_LATIN = re.compile(r"[a-zəçğıöşü]")
_CAPITAL = re.compile(r"^[A-ZА-ЯІЇЄҐЁƏÇĞİÖŞÜ][\w'’\-]+$")


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
    covered = _cover(entity_like)
    extra = _variant_matches(doc, m, covered, lines_ok, lemma_matches)
    entity_like = _longest(entity_like + extra)
    cues = [x for x in raw if x.kind not in ENTITY_KINDS] + entity_like
    cues.sort(key=lambda x: (x.i, -x.j))
    entity_like = [
        x
        for x in entity_like
        if not _lowercase_acronym(doc, m, x)
        and not _common_noun(doc, m, x)
        and not _other_initial(doc, x)
    ]
    cue_covered = _cover([x for x in raw if x.kind not in ENTITY_KINDS])
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
    if x.kind != "entity" or not _is_person(x.payload):
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
    return len(initial) == 1 and bool(firsts) and not any(f.startswith(initial) for f in firsts)


@cache
def _given_names_of(entity: str) -> frozenset[str]:
    """The first words of a registered person's names of two words or more."""
    if not _is_person(entity):
        return frozenset()
    keys = [key_tokens(text) for text, _, owner in model().labels if owner == entity]
    return frozenset(key[0] for key in keys if len(key) >= 2)


def _is_person(entity: str) -> bool:
    found = model().entities.get(entity)
    return found is not None and found.kind == "person"


def _cover(matches: list[Match]) -> set[int]:
    out: set[int] = set()
    for x in matches:
        out.update(range(x.i, x.j))
    return out


def _lemma_cues(exact: list[Match], lemma_matches: list[Match]) -> list[Match]:
    """Cue phrases matched by lemma where no cue matched exactly ("переговорах")."""
    covered = _cover([x for x in exact if x.kind not in ENTITY_KINDS])
    out = []
    for x in lemma_matches:
        if x.kind in LEMMA_CUE_KINDS and not covered.intersection(range(x.i, x.j)):
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
            mentions.append(Mention("role", first.i, first.j, role=list(first.payload["offices"])))
        elif first.kind == "counterpart":
            mentions.append(Mention("counterpart", first.i, first.j, counterpart=True))
    mentions = _surnames(doc, m, registry, mentions)
    mentions = _build_offices(doc, m, registry, mentions)
    mentions = _new_people(doc, m, registry, mentions, cue_covered, ranks)
    mentions = _surnames(doc, m, registry, mentions)
    _attach(registry, mentions, era)
    _resolve_offices(registry, mentions, era)
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


def _surnames(doc: Doc, m: Matcher, registry: Model, mentions: list[Mention]) -> list[Mention]:
    """A surname alone refers back to the person named in full before."""
    covered = _cover([Match("", None, x.i, x.j) for x in mentions])
    last: dict[str, Mention] = {}
    out = []
    by_start: dict[int, list[Mention]] = defaultdict(list)
    for x in mentions:
        by_start[x.i].append(x)  # a plural office is one mention per country, on one span
    for i, word in enumerate(doc.words):
        if i in by_start:
            for x in by_start[i]:
                out.append(x)
                if x.kind in ("person", "new-person") and x.j - x.i >= 2 and x.entity:
                    surname = doc.words[x.j - 1]
                    last[m.stem(surname)] = x
            continue
        if i in covered or len(word) < 5:
            continue
        named = last.get(m.stem(word))
        if named and (
            not word.isalpha()
            or _CAPITAL.match(doc.text[doc.starts[i] : doc.span(i, i + 1)[1]])
            or ARABIC_SCRIPT.search(word)
        ):
            known = registry.entities.get(named.entity or "")
            out.append(
                Mention(
                    named.kind,
                    i,
                    i + 1,
                    entity=named.entity,
                    country=known.country if known else named.country,
                    how="surname",
                    name=named.name,
                )
            )
    return out


def _build_offices(doc: Doc, m: Matcher, registry: Model, mentions: list[Mention]) -> list[Mention]:
    """Titles with the country next to them become offices ("Iranian Foreign Minister")."""
    out: list[Mention] = []
    n = len(mentions)
    used: set[int] = set()
    for k, x in enumerate(mentions):
        if k in used:
            continue
        if x.kind != "title":
            out.append(x)
            continue
        countries: list[str] = []
        start, end = x.i, x.j
        # a demonym or country right before ("Iranian Foreign Minister", "İran Dışişleri Bakanı")
        if (
            k > 0
            and mentions[k - 1].kind in ("demonym", "country")
            and x.i - mentions[k - 1].j <= 1
            and out
            and out[-1] is mentions[k - 1]
        ):
            before = out.pop()
            countries.append(before.country or "")
            start = before.i
        # countries right after ("міністра оборони Азербайджану", "وزير الدفاع الإيراني", "X و Y")
        q = k + 1
        while (
            q < n
            and mentions[q].kind in ("demonym", "country")
            and mentions[q].i - end <= (2 if not countries else 1)
        ):
            between = doc.words[end : mentions[q].i]
            if between and not all(
                w in (",", "،", "of", "the") or _is(m, w, "conjunctions") for w in between
            ):
                if not (len(between) <= 2 and not countries):
                    break
            countries.append(mentions[q].country or "")
            end = mentions[q].j
            used.add(q)
            q += 1
            if not x.plural:
                break
        if not countries:
            out.append(
                Mention(
                    "office",
                    x.i,
                    x.j,
                    offices=list(x.offices),
                    country=None,
                    how="title",
                    plural=x.plural,
                )
            )
            continue
        for country in countries:
            offices = registry.offices_for(country, x.offices)
            out.append(
                Mention(
                    "office",
                    start,
                    end,
                    offices=offices,
                    country=country,
                    how="title",
                    plural=x.plural,
                )
            )
    return _merge_counterparts(doc, out)


def _merge_counterparts(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """ "his Iranian counterpart": a counterpart of a country, who may be named right after."""
    out: list[Mention] = []
    k = 0
    while k < len(mentions):
        x = mentions[k]
        if x.kind == "counterpart":
            country = None
            start, end = x.i, x.j
            for near in (
                out[-1] if out else None,
                mentions[k + 1] if k + 1 < len(mentions) else None,
            ):
                if (
                    near is not None
                    and near.kind == "demonym"
                    and (abs(near.i - x.j) <= 1 or abs(x.i - near.j) <= 1)
                ):
                    country = near.country
                    start, end = min(start, near.i), max(end, near.j)
                    if near is (out[-1] if out else None):
                        out.pop()
                    else:
                        k += 1
            out.append(Mention("counterpart", start, end, country=country, counterpart=True))
        else:
            out.append(x)
        k += 1
    return out


def _is(m: Matcher, word: str, kind: str) -> bool:
    return any(k == kind for k, _ in m.index.table.get((word,), ()))


def _new_people(
    doc: Doc,
    m: Matcher,
    registry: Model,
    mentions: list[Mention],
    cue_covered: set[int],
    ranks: list[Match],
) -> list[Mention]:
    """A name the registry does not know, introduced by its structure: an office title or a
    rank ("General", "سرلشکر", "السيد") followed by name tokens. The rank is not part of the
    name, and a title or rank alone is nobody."""
    covered = _cover([Match("", None, x.i, x.j) for x in mentions]) | cue_covered
    words = doc.words
    starts: list[tuple[int, Mention | None]] = [
        (x.j, x) for x in mentions if x.kind in ("office", "counterpart")
    ]
    after_title = {i for i, _ in starts}
    for rank in ranks:
        if rank.i in after_title or rank.i - 1 in after_title:
            continue  # right after a title, the title's own reading skips it
        starts.append((rank.i, None))
    found: list[Mention] = []
    for i, x in sorted(starts, key=lambda t: t[0]):
        if i < len(words) and words[i] == ",":
            i += 1
        first = i
        i = _after_honorifics(m, words, i)
        after_rank = i > first
        country = x.country if x is not None else None
        place = next((y for y in mentions if y.i == i and y.kind in ("country", "demonym")), None)
        if x is None and after_rank and place is not None:
            country, i = (
                place.country,
                place.j,
            )  # "the Azerbaijani ambassador X", "سفیر آذربایجان X"
        nxt = next((y for y in mentions if y.i >= i), None)
        if nxt is not None and nxt.i <= i + 1 and nxt.kind == "person":
            continue
        country = x.country if x is not None else None
        if i < len(doc.words) and ARABIC_SCRIPT.search(doc.words[i]):
            if x is not None and (not x.country or x.entity):
                continue
            name_end = _arabic_name_end(doc, m, i, covered)
            if name_end - i < 2 or not _arabic_name(m, words[i:name_end], after_rank):
                continue
        else:
            name_end = _cased_name_end(doc, m, i, covered)
            if name_end - i < 2 or all(len(w) == 1 for w in doc.words[i:name_end]):
                continue
        span = [w for w in doc.words[i:name_end] if w != "."]
        start, end = doc.span(i, name_end)
        name = doc.text[start:end]
        known = _known_person(m, span, country)
        if known is not None:
            found.append(
                Mention(
                    "person",
                    i,
                    name_end,
                    entity=known,
                    country=registry.entities[known].country,
                    how="translit",
                )
            )
        elif any(len(w) > 1 for w in span[:-1]) or len(span) == 1:
            found.append(
                Mention(
                    "new-person",
                    i,
                    name_end,
                    entity=slug(name),
                    name=name,
                    country=country,
                    how="new",
                )
            )
        else:
            continue  # initials and a surname nobody registered: too little to name a person
        covered.update(range(i, name_end))
    out = mentions + found
    out.sort(key=lambda x: (x.i, x.j))
    return out


def _after_honorifics(m: Matcher, words: list[str], i: int) -> int:
    """The first token after the ranks and honorifics at ``i`` ("Major General", "جناب آقای")."""
    moved = True
    while moved and i < len(words):
        moved = False
        for length in sorted(m.index.lengths.get(words[i], ()), reverse=True):
            if any(
                k == "honorifics" for k, _ in m.index.table.get(tuple(words[i : i + length]), ())
            ):
                i += length
                moved = True
                break
    return i


def _cased_name_end(doc: Doc, m: Matcher, i: int, covered: set[int]) -> int:
    """Capitalised name tokens from ``i`` (at most four words), initials included
    ("Z.Həsənov", "С.В. Лавров"); a case ending after an apostrophe ends the name."""
    end, count = i, 0
    words = doc.words
    while end < len(words) and count < 4 and end not in covered:
        start, stop = doc.span(end, end + 1)
        text = doc.text[start:stop]
        if len(text) == 1 and text.isupper() and end + 1 < len(words) and words[end + 1] == ".":
            end += 2  # an initial and its full stop
            continue
        word = words[end]
        if (
            not _CAPITAL.match(text)
            or _is(m, word, "stopwords")
            or word in m.common_words
            or m.stem(word) in m.common_words
        ):
            break
        end, count = end + 1, count + 1
        if "'" in words[end - 1][1:-1]:
            break  # "Alizade'yi": the ending closes the proper noun
    while end > i and words[end - 1] == ".":
        end -= 1
    return end


def _arabic_name_end(doc: Doc, m: Matcher, i: int, covered: set[int]) -> int:
    """Name tokens in Arabic script from ``i``: up to a verb, preposition, cue or punctuation."""
    end = i
    while end < len(doc.words) and end - i < 3 and end not in covered:
        word = doc.words[end]
        if (
            not word.isalpha()
            or _is(m, word, "stopwords")
            or any(kind != "entity" for kind, _ in m.index.table.get((word,), ()))
        ):
            break
        end += 1
    return end


def _arabic_name(m: Matcher, words: list[str], after_honorific: bool) -> bool:
    """Whether tokens in Arabic script read as a person's name rather than a common phrase
    ("conducting military exercises"): a definite article never opens a name; a name is
    introduced by an honorific, starts with a given name the registry knows, or ends with a
    surname ending of the language (``name_suffixes``: -وف, -يف, -زاده...)."""
    if after_honorific or words[0] in m.given_names:
        return True
    if any(words[0].startswith(p) for p in m.definite_articles):
        return False
    return any(w.endswith(s) and len(w) > len(s) + 1 for w in words[1:] for s in m.name_suffixes)


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


def _known_person(m: Matcher, words: list[str], country: str | None) -> str | None:
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
    return None


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


def _attach(registry: Model, mentions: list[Mention], era: tuple[date | None, date | None]) -> None:
    """An office next to a name is that person's ("Foreign Minister X", "X وزیر دفاع ...")."""
    people = ("person", "new-person")
    for k, x in enumerate(mentions):
        if x.kind == "role":
            after = mentions[k + 1] if k + 1 < len(mentions) else None
            if after is not None and after.kind in people and after.i - x.j <= 1:
                x.attached = True
            continue
        if x.kind not in ("office", "counterpart"):
            continue
        before = mentions[k - 1] if k > 0 else None
        after = mentions[k + 1] if k + 1 < len(mentions) else None
        near_after = after is not None and after.kind in people and after.i - x.j <= 1
        near_before = (
            before is not None
            and before.kind in people
            and x.i - before.j <= 1
            and not before.complement
        )
        target = None
        if near_after and near_before and before is not None and after is not None:
            if _held(registry, before, x):
                target, after.complement = before, True
            else:
                target = after
        elif near_after:
            target = after
        elif near_before and x.kind == "office":
            target = before
        if target is None:
            continue
        x.attached = True
        if x.kind == "counterpart":
            target.counterpart = True
        offices = x.offices
        if x.country is None and target.country:
            offices = registry.offices_for(target.country, x.offices)
        if offices:
            held = [
                o
                for o in offices
                if any(t.office == o for t in registry.terms_by_holder.get(target.entity or "", []))
            ]
            target.offices = held or target.offices or ([] if target.kind == "person" else offices)
        if x.country and not target.country:
            target.country = x.country


def _held(registry: Model, person: Mention, office: Mention) -> bool:
    return any(
        t.office in office.offices for t in registry.terms_by_holder.get(person.entity or "", [])
    )


def _resolve_offices(
    registry: Model, mentions: list[Mention], era: tuple[date | None, date | None]
) -> None:
    """An office named without a person stands for whoever held it then."""
    named = [x.entity for x in mentions if x.kind == "person" and x.entity]
    for x in mentions:
        if x.kind != "office" or x.attached or not x.offices or not x.country:
            continue
        best = None
        for office in x.offices:
            candidates = registry.holders(office, *era)
            if not candidates:
                continue
            in_text = [c for c in candidates if c in named]
            if in_text:
                best = (in_text[0], office)
                break
            if era[0] is not None:
                best = best or (candidates[-1], office)
            else:
                scored = sorted(candidates, key=lambda c: -_overlap(registry, c, named))
                if _overlap(registry, scored[0], named):
                    best = best or (scored[0], office)
        if best:
            x.entity, x.how = best[0], "office"
            x.offices = [best[1]]


def _overlap(registry: Model, person: str, named: list[str]) -> int:
    """How many named people were in office at some time this person was."""
    mine = registry.terms_by_holder.get(person, [])
    count = 0
    for other in set(named):
        if other == person:
            continue
        if any(
            t.covers(o.start, o.end) for t in mine for o in registry.terms_by_holder.get(other, [])
        ):
            count += 1
    return count
