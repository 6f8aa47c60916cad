"""People the registry does not know, recognised by the structure that introduces them: an
office title, a role or a rank followed by name tokens (capitalised words in Latin and Cyrillic,
initials included; in Arabic script the tokens up to a verb, preposition, cue or punctuation).
A name spelled nearly as a registered person's is that person.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache

from rapidfuzz import fuzz, process

from .found import Mention
from .lexicon import Model, model
from .name_forms import base_name, base_word, genitive
from .normalize import ARABIC_SCRIPT, key_tokens, slug
from .phrases import Match, Matcher, cover, is_cue, matcher
from .segment import Doc

NAME_SIMILARITY = 85  # rapidfuzz ratio of transliterated names (0-100) that makes them one person
CAPITAL = re.compile(r"^[A-ZА-ЯІЇЄҐЁƏÇĞİÖŞÜ][\w'’\-]+$")


def new_people(
    doc: Doc,
    m: Matcher,
    registry: Model,
    mentions: list[Mention],
    cue_covered: set[int],
    ranks: list[Match],
) -> list[Mention]:
    """A name the registry does not know, introduced by its structure: an office title or a
    rank ("General", "سرلشکر", "السيد") followed by name tokens, or standing in apposition
    ("نائب الوزير، X،", "Director General (X)"); in Arabic script also a name with a surname
    ending right before a title ("X سفیر ..."), and in any script a run of capitalised words
    ending as surnames do ("Kərəm Mustafayev"). The rank is not part of the name, and a title
    or rank alone is nobody."""
    covered = cover([Match("", None, x.i, x.j) for x in mentions]) | cue_covered
    words = doc.words
    starts: list[tuple[int, Mention | None]] = [
        (x.j, x) for x in mentions if x.kind in ("office", "counterpart")
    ]
    after_title = {i for i, _ in starts}
    for rank in ranks:
        if rank.i in after_title or rank.i - 1 in after_title:
            continue  # right after a title, the title's own reading skips it
        if any(y.i <= rank.i < y.j for y in mentions):
            continue  # a word of a longer title ("Dışişleri Bakanı")
        starts.append((rank.i, None))
    found: list[Mention] = []

    def add(i: int, name_end: int, country: str | None) -> None:
        person = _person(doc, m, registry, i, name_end, country)
        if person is not None:
            found.append(person)
            covered.update(range(i, name_end))

    for i, x in sorted(starts, key=lambda t: t[0]):
        opened = i < len(words) and words[i] in _APPOSITION
        if opened:
            i += 1
        first = i
        i = _after_honorifics(m, words, i)
        after_rank = i > first
        if not opened and after_rank and i < len(words) and words[i] in _APPOSITION:
            opened, i = True, i + 1  # "Director General (X)"
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
            closed = opened and name_end < len(words) and words[name_end] in _APPOSITION
            if name_end - i < 2 or not _arabic_name(m, words[i:name_end], after_rank or closed):
                continue
        else:
            name_end = _cased_name_end(doc, m, i, covered)
            if name_end - i < 2:
                i = _after_complement(doc, m, i, covered)
                name_end = _cased_name_end(doc, m, i, covered)
            if name_end - i < 2 or all(len(w) == 1 for w in doc.words[i:name_end]):
                continue
        add(i, name_end, country)
    for i, name_end, country in _before_titles(doc, m, mentions, ranks, covered):
        add(i, name_end, country)
    for i, name_end in _surname_shaped(doc, m, covered):
        add(i, name_end, None)
    out = mentions + found
    out.sort(key=lambda x: (x.i, x.j))
    return out


_APPOSITION = frozenset({",", "،", "("})


def _person(
    doc: Doc, m: Matcher, registry: Model, i: int, name_end: int, country: str | None
) -> Mention | None:
    """The person named at tokens ``i:name_end``: a registered one spelled nearly so, else a
    new person labelled with the name as written less its case ending; initials and a surname
    nobody registered are too little to name anyone."""
    name, bases = base_name(doc, m, i, name_end)
    written = [w for w in doc.words[i:name_end] if w != "."]
    known = _known_person(m, bases, country) or _known_person(m, written, country)
    if known is not None:
        return Mention(
            "person",
            i,
            name_end,
            entity=known,
            country=registry.entities[known].country,
            how="translit",
            possessor=genitive(m, written[-1]),
        )
    if any(len(w) > 1 for w in bases[:-1]) or len(bases) == 1:
        return Mention(
            "new-person",
            i,
            name_end,
            entity=slug(" ".join(bases)),
            name=name,
            country=country,
            how="new",
            possessor=genitive(m, written[-1]),
        )
    return None


def _before_titles(
    doc: Doc, m: Matcher, mentions: list[Mention], ranks: list[Match], covered: set[int]
) -> list[tuple[int, int, str | None]]:
    """In Arabic script a name often comes before its title or rank ("X سفیر جمهوری
    آذربایجان"): two or three tokens right before it (a quotation mark may close them) that
    end with a surname ending of the language."""
    out: list[tuple[int, int, str | None]] = []
    words = doc.words
    titles = [(x.i, x.country) for x in mentions if x.kind == "office"]
    titles += [(x.i, None) for x in ranks]
    for start, country in titles:
        if not ARABIC_SCRIPT.search(words[start]):
            continue
        end = start - 1 if start > 0 and words[start - 1] in _QUOTES else start
        for length in (3, 2):
            i = end - length
            span = words[i:end]
            if i < 0 or covered.intersection(range(i, end)):
                continue
            if _arabic_name_end(doc, m, i, covered) < end:
                continue
            if _surname_ending(m, span[-1]) and not any(
                w.startswith(p) for w in span for p in m.definite_articles
            ):
                out.append((i, end, country))
                break
    return out


_QUOTES = frozenset({'"', "«", "»", "“", "”", "'"})


def _surname_shaped(doc: Doc, m: Matcher, covered: set[int]) -> list[tuple[int, int]]:
    """Runs of two or more capitalised words (Latin, Cyrillic) whose last word, less its case
    ending, ends as surnames do in the language ("Kərəm Mustafayevlə", "Иван Петровым"): a
    person even with no title before; no word of the run may be a dictionary common word."""
    if not m.name_suffixes:
        return []
    out = []
    words = doc.words
    i = 0
    while i < len(words):
        if i in covered or ARABIC_SCRIPT.search(words[i]) or not words[i].isalpha():
            i += 1
            continue
        end = _cased_name_end(doc, m, i, covered)
        start = i
        if end - i >= 3 and _sentence_start(doc, i):
            start = i + 1  # a sentence's first word is capitalised anyway ("Toplantıya X Y")
        run = [w for w in words[start:end] if w != "."]
        if (
            len(run) >= 2
            and not any(len(w) == 1 for w in run)
            and _surname_ending(m, base_word(m, run[-1]))
            and not any(m.lemmatizer.common_word(w) for w in run)
        ):
            out.append((start, end))
        i = max(end, i + 1)
    return out


def _sentence_start(doc: Doc, i: int) -> bool:
    """Whether token ``i`` opens a sentence or a line."""
    if i == 0 or doc.words[i - 1] in (".", "!", "?", ":", "…"):
        return True
    return "\n" in doc.text[doc.span(i - 1, i)[1] : doc.starts[i]]


def _surname_ending(m: Matcher, word: str) -> bool:
    """Whether a word ends as a surname of the language does (a separate "زاده" too)."""
    return any(
        word == s or (word.endswith(s) and len(word) > len(s) + 1) or word == "ا" + s
        for s in m.name_suffixes
    )


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


COMPLEMENT = (
    5  # words of a title's complement before the name ("adviser ... on political affairs X")
)


def _after_complement(doc: Doc, m: Matcher, i: int, covered: set[int]) -> int:
    """The token after a title's complement ("советник президента по политическим вопросам
    X", "председатель Меджлиса Исламского совета X"): at most ``COMPLEMENT`` words, each in
    lower case or one the dictionary knows only as a common word, none a stopword or a cue
    (a verb ends the clause), and no punctuation; ``i`` itself when no name follows."""
    words = doc.words
    for k in range(i, min(i + COMPLEMENT, len(words))):
        if _cased_name_end(doc, m, k, covered) - k >= 2:
            return k
        word = words[k]
        start, stop = doc.span(k, k + 1)
        lower = doc.text[start:stop].islower()
        if (
            k in covered
            or not word.isalpha()
            or not (lower or m.lemmatizer.common_word(word))
            or (word,) in m.index.table
        ):
            return i
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
            not CAPITAL.match(text)
            or is_cue(m, word, "stopwords")
            or word in m.common_words
            or m.stem(word) in m.common_words
            or (end == i and m.lemmatizer.common_word(word))  # "Исламского совета"
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
            or is_cue(m, word, "stopwords")
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
    return any(_surname_ending(m, w) for w in words[1:])


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
