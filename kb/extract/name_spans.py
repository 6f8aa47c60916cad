"""Where a person's name starts and ends among an article's tokens: capitalised words and
initials in Latin and Cyrillic, tokens up to a verb, preposition or punctuation in Arabic script;
the ranks, honorifics and title complements that may stand before a name."""

from __future__ import annotations

import re

from .found import Mention
from .phrases import Matcher, is_cue
from .segment import Doc

CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_NAME_TAIL = re.compile(r"[\w'’\-]+\Z")
APPOSITION = frozenset({",", "،", "("})  # opens a name in apposition to a title
QUOTES = frozenset({'"', "«", "»", "“", "”", "'"})


def capitalised_word(printed: str) -> bool:
    """Whether a word as printed is capitalised: a capital letter of any script ("Ə", "Ә",
    "Ş"), then letters, digits, apostrophes or hyphens."""
    return len(printed) > 1 and printed[0].isupper() and _NAME_TAIL.match(printed, 1) is not None


def capitalised(doc: Doc, k: int) -> bool:
    """Whether token ``k`` starts with a capital letter as written."""
    return doc.text[doc.starts[k]].isupper()


def sentence_start(doc: Doc, i: int) -> bool:
    """Whether token ``i`` opens a sentence or a line."""
    if i == 0 or doc.words[i - 1] in (".", "!", "?", ":", "…"):
        return True
    return "\n" in doc.text[doc.span(i - 1, i)[1] : doc.starts[i]]


def surname_ending(m: Matcher, word: str) -> bool:
    """Whether a word ends as a surname of the language does (a separate "زاده" too)."""
    return any(
        word == s or (word.endswith(s) and len(word) > len(s) + 1) or word == "ا" + s
        for s in m.name_suffixes
    )


def after_honorifics(m: Matcher, words: list[str], i: int) -> int:
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


def after_complement(doc: Doc, m: Matcher, i: int, covered: set[int]) -> int:
    """The token after a title's complement ("советник президента по экономическим вопросам
    X", "председатель Федерального собрания страны X"): at most ``COMPLEMENT`` words, each in
    lower case or one the dictionary knows only as a common word, none a stopword or a cue
    (a verb ends the clause), and no punctuation; ``i`` itself when no name follows."""
    words = doc.words
    for k in range(i, min(i + COMPLEMENT, len(words))):
        if cased_name_end(doc, m, k, covered) - k >= 2:
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


ORGANISATION = 12  # words of an organisation a title names before the name and its country


def after_organisation(
    doc: Doc, m: Matcher, mentions: list[Mention], i: int, covered: set[int]
) -> int:
    """The token after the country that ends the organisation a title heads ("Head of the
    Heritage Organization of the Republic of Azerbaijan X Y"): the name must follow the
    country at once; no punctuation or verb may come between; ``i`` itself otherwise."""
    words = doc.words
    for k in range(i, min(i + ORGANISATION, len(words))):
        country = next((y for y in mentions if y.i == k and y.kind == "country"), None)
        if country is not None and cased_name_end(doc, m, country.j, covered) - country.j >= 2:
            return country.j
        if not words[k].isalpha() or any(
            kind not in ("entity", "stopwords", "conjunctions")
            for kind, _ in m.index.table.get((words[k],), ())
        ):
            return i
    return i


def after_arabic_complement(doc: Doc, m: Matcher, mentions: list[Mention], i: int) -> int:
    """The token after a rank's complement in Arabic script ("السفير ... الجديد في طهران X"):
    adjectives with the definite article and a preposition with its place, at most
    ``COMPLEMENT`` words; ``i`` itself when there is none."""
    words = doc.words
    k = i
    while k < min(i + COMPLEMENT, len(words)):
        word = words[k]
        place = next((y for y in mentions if y.i == k + 1 and y.kind in ("place", "country")), None)
        if any(word.startswith(p) for p in m.definite_articles) and (word,) not in m.index.table:
            k += 1
        elif place is not None and is_cue(m, word, "stopwords"):
            k = place.j
        else:
            break
    return k


def cased_name_end(doc: Doc, m: Matcher, i: int, covered: set[int]) -> int:
    """Capitalised name tokens from ``i`` (at most four words), initials included
    ("Z.Həsənov", "С.В. Лавров"); a case ending after an apostrophe ends the name, and so does
    a word in another script ("Twitter Ібрагімов")."""
    end, count = i, 0
    words = doc.words
    cyrillic = bool(i < len(words) and CYRILLIC.search(words[i]))
    while end < len(words) and count < 4 and end not in covered:
        text = doc.printed(*doc.span(end, end + 1))
        if len(text) == 1 and text.isupper() and end + 1 < len(words) and words[end + 1] == ".":
            end += 2  # an initial and its full stop
            continue
        word = words[end]
        if (
            not capitalised_word(text)
            or is_cue(m, word, "stopwords")
            or word in m.common_words
            or m.stem(word) in m.common_words
            # "Федерального собрания", but not a registered first name ("Володимир")
            or (end == i and m.lemmatizer.common_word(word) and word not in m.first_names)
            or bool(CYRILLIC.search(word)) != cyrillic
        ):
            break
        end, count = end + 1, count + 1
        if "'" in words[end - 1][1:-1]:
            break  # "Haciyev'i": the ending closes the proper noun
    while end > i and words[end - 1] == ".":
        end -= 1
    return end


def arabic_name_end(doc: Doc, m: Matcher, i: int, covered: set[int]) -> int:
    """Name tokens in Arabic script from ``i``: up to a verb, preposition, cue or punctuation.
    A preposition that folds to a registered given name ("على", "علي") goes on when the next
    word could be part of a name (``arabic_name`` then wants a surname ending)."""
    end = i
    words = doc.words
    while end < len(words) and end - i < 3 and end not in covered:
        word = words[end]
        given = word in m.given_names and end + 1 < len(words) and words[end + 1].isalpha()
        if (
            not word.isalpha()
            or (is_cue(m, word, "stopwords") and not given)
            or any(
                kind not in ("entity", "stopwords") for kind, _ in m.index.table.get((word,), ())
            )
        ):
            break
        end += 1
    return end


def arabic_name(m: Matcher, words: list[str], after_honorific: bool) -> bool:
    """Whether tokens in Arabic script read as a person's name rather than a common phrase
    ("conducting military exercises"): a definite article never opens a name; a name is
    introduced by an honorific, starts with a given name the registry knows, or ends with a
    surname ending of the language (``name_suffixes``: -وف, -يف, -زاده...)."""
    if any(is_cue(m, w, "stopwords") for w in words):
        return surname_ending(m, words[-1])  # "علي علي زاده", never "على ضرورة"
    if after_honorific or words[0] in m.given_names:
        return True
    if any(words[0].startswith(p) for p in m.definite_articles):
        return False
    return any(surname_ending(m, w) for w in words[1:])
