"""People the registry does not know, recognised by the structure that introduces them: an
office title, a role or a rank followed by name tokens (capitalised words in Latin and Cyrillic,
initials included; in Arabic script the tokens up to a verb, preposition, cue or punctuation).
A name spelled nearly as a registered person's is that person.
"""

from __future__ import annotations

from collections import defaultdict

from .found import Mention
from .known_people import known_person
from .lexicon import Model
from .name_forms import base_name, base_word, genitive
from .name_spans import (
    APPOSITION,
    CAPITAL,
    QUOTES,
    after_arabic_complement,
    after_complement,
    after_honorifics,
    after_organisation,
    arabic_name,
    arabic_name_end,
    capitalised,
    cased_name_end,
    sentence_start,
    surname_ending,
)
from .normalize import ARABIC_SCRIPT, slug
from .phrases import Match, Matcher, cover, is_cue
from .segment import Doc


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
    ending as surnames do ("Rüstəm Qasımov"). The rank is not part of the name, and a title
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
        if any(
            y.i <= rank.i < y.j and (y.kind, y.i, y.j) != ("role", rank.i, rank.j) for y in mentions
        ):
            continue  # a word of a longer title ("Dışişleri Bakanı"), not a rank that is a role
            # noun of its own too ("السفير": the ambassador)
        starts.append((rank.i, None))
    found: list[Mention] = []
    titled: list[tuple[Mention, int, int]] = []  # a new person and the rank before the name

    def add(
        i: int, name_end: int, country: str | None, rank: tuple[int, int] | None = None
    ) -> None:
        person = _person(doc, m, registry, i, name_end, country)
        if person is not None:
            found.append(person)
            covered.update(range(i, name_end))
            if rank is not None and person.kind == "new-person":
                titled.append((person, *rank))

    for i, x in sorted(starts, key=lambda t: t[0]):
        opened = i < len(words) and words[i] in APPOSITION
        if opened:
            i += 1
        first = i
        i = after_honorifics(m, words, i)
        after_rank = i > first
        rank_span = (first, i) if x is None and after_rank else None
        if not opened and after_rank and i < len(words) and words[i] in APPOSITION:
            opened, i = True, i + 1  # "Director General (X)"
        country = x.country if x is not None else None
        place = next((y for y in mentions if y.i == i and y.kind in ("country", "demonym")), None)
        if x is None and after_rank and place is not None:
            country, i = (
                place.country,
                place.j,
            )  # "the ambassador of Azerbaijan X", "سفیر آذربایجان X"
        elif x is None and after_rank:
            # "the Azerbaijani ambassador X": the demonym right before the rank
            country = next(
                (y.country for y in mentions if y.j == first and y.kind in ("country", "demonym")),
                None,
            )
        nxt = next((y for y in mentions if y.i >= i), None)
        if nxt is not None and nxt.i <= i + 1 and nxt.kind == "person":
            continue
        if i < len(doc.words) and ARABIC_SCRIPT.search(doc.words[i]):
            if x is not None and (not x.country or x.entity):
                continue
            name_end = arabic_name_end(doc, m, i, covered)
            introduced = after_rank
            if after_rank and (name_end - i < 2 or not arabic_name(m, words[i:name_end], True)):
                # "السفير الجديد X": past the rank's complement, ...
                past = after_arabic_complement(doc, m, mentions, i)
                if past > i or name_end - i < 2:
                    i = past
                    name_end = arabic_name_end(doc, m, i, covered)
                    introduced = False  # ... the words must look like a name
            closed = opened and name_end < len(words) and words[name_end] in APPOSITION
            if name_end - i < 2 or not arabic_name(m, words[i:name_end], introduced or closed):
                continue
        else:
            name_end = cased_name_end(doc, m, i, covered)
            if name_end - i < 2:
                i = after_complement(doc, m, i, covered)
                name_end = cased_name_end(doc, m, i, covered)
            if name_end - i < 2:
                i = after_organisation(doc, m, mentions, i, covered)
                name_end = cased_name_end(doc, m, i, covered)
            if name_end - i < 2 or all(len(w) == 1 for w in doc.words[i:name_end]):
                continue
        add(i, name_end, country, rank_span)
    for i, name_end, country in _before_titles(doc, m, mentions, ranks, covered):
        add(i, name_end, country)
    for i, name_end in _surname_shaped(doc, m, covered):
        add(i, name_end, None)
    for i in _participle_subjects(doc, m, covered):
        add(i, i + 1, None)
    people = cover([y for y in mentions + found if y.kind in ("person", "new-person")])
    found += _same_titles(doc, m, titled, people)
    out = mentions + found
    out.sort(key=lambda x: (x.i, x.j))
    return out


TITLE_WORDS = 6  # words of a written title phrase ("Azerbaycan Kültür ve Turizm Bakanı")


def _same_titles(
    doc: Doc, m: Matcher, titled: list[tuple[Mention, int, int]], people: set[int]
) -> list[Mention]:
    """A title written out in full before a new person's name ("Azerbaycan Kültür ve Turizm
    Bakanı X") is that person wherever the article writes it again without a name, before or after:
    the capitalised words before the rank and the rank, two capitalised words at least."""
    out: list[Mention] = []
    words = doc.words
    for person, a, b in titled:
        while (
            a > 0
            and b - (a - 1) <= TITLE_WORDS
            and words[a - 1].isalpha()
            and (capitalised(doc, a - 1) or is_cue(m, words[a - 1], "conjunctions"))
        ):
            a -= 1
        while a < b and not capitalised(doc, a):
            a += 1
        phrase = tuple(words[a:b])
        if sum(capitalised(doc, k) for k in range(a, b)) < 3:
            continue  # a rank and one word ("Dışişleri Bakanı") may be anyone's
        for p in range(len(words) - len(phrase) + 1):
            end = p + len(phrase)
            if p == a or tuple(words[p:end]) != phrase or people.intersection(range(p, end)):
                continue
            if end < len(words) and capitalised(doc, end):
                continue  # another name follows: another person with that title
            out.append(
                Mention(
                    "new-person",
                    p,
                    end,
                    entity=person.entity,
                    name=person.name,
                    country=person.country,
                    how="title",
                )
            )
            people.update(range(p, end))
    return out


def _person(
    doc: Doc, m: Matcher, registry: Model, i: int, name_end: int, country: str | None
) -> Mention | None:
    """The person named at tokens ``i:name_end``: a registered one spelled nearly so, else a
    new person labelled with the name as written less its case ending; initials and a surname
    nobody registered are too little to name anyone."""
    name, bases = base_name(doc, m, i, name_end)
    written = [w for w in doc.words[i:name_end] if w != "."]
    known = known_person(m, bases, country) or known_person(m, written, country)
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
        end = start - 1 if start > 0 and words[start - 1] in QUOTES else start
        for length in (3, 2):
            i = end - length
            span = words[i:end]
            if i < 0 or covered.intersection(range(i, end)):
                continue
            if arabic_name_end(doc, m, i, covered) < end:
                continue
            if surname_ending(m, span[-1]) and not any(
                w.startswith(p) for w in span for p in m.definite_articles
            ):
                out.append((i, end, country))
                break
    return out


def _surname_shaped(doc: Doc, m: Matcher, covered: set[int]) -> list[tuple[int, int]]:
    """Runs of two or more capitalised words (Latin, Cyrillic) whose last word, less its case
    ending, ends as surnames do in the language ("Rüstəm Qasımovla", "Иван Петровым"): a
    person even with no title before; no word of the run may be a dictionary common word."""
    if not m.name_suffixes:
        return []
    out = []
    words = doc.words
    i = 0
    while i < len(words):
        if (
            i in covered
            or not doc.text[doc.starts[i]].isupper()
            or ARABIC_SCRIPT.search(words[i])
            or not words[i].isalpha()
        ):
            i += 1
            continue
        end = cased_name_end(doc, m, i, covered)
        start = i
        if end - i >= 3 and sentence_start(doc, i):
            start = i + 1  # a sentence's first word is capitalised anyway ("Toplantıya X Y")
        run = [w for w in words[start:end] if w != "."]
        if (
            len(run) >= 2
            and not any(len(w) == 1 for w in run)
            and surname_ending(m, base_word(m, run[-1]))
            and not any(m.lemmatizer.common_word(w) for w in run)
        ):
            out.append((start, end))
        i = max(end, i + 1)
    return out


def _participle_subjects(doc: Doc, m: Matcher, covered: set[int]) -> list[int]:
    """In a verb-final language the subject of a participle clause comes right after the
    participle and a comma closes it ("... ile görüşen X, ... söyledi"): a capitalised word
    nothing else knows, so placed, is a person named by surname when the article names it so
    again (one word alone is too little)."""
    suffixes = tuple(str(s) for s in m.lexicon.get("participle_suffixes") or [])
    if not m.lexicon.get("verb_final") or not suffixes:
        return []
    words = doc.words
    counts: dict[str, int] = defaultdict(int)
    for w in words:
        counts[w] += 1
    out = []
    for i in range(1, len(words) - 1):
        word, before = words[i], words[i - 1]
        start, stop = doc.span(i, i + 1)
        if (
            i in covered
            or words[i + 1] != ","
            or counts[word] < 2
            or len(word) < 4
            or not word.isalpha()
            or not CAPITAL.match(doc.text[start:stop])
            or (word,) in m.index.table
            or word in m.common_words
            or m.stem(word) in m.common_words
        ):
            continue
        b_start, b_stop = doc.span(i - 1, i)
        if len(before) >= 5 and before.endswith(suffixes) and doc.text[b_start:b_stop].islower():
            out.append(i)
    return out
