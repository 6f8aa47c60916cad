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
    QUOTES,
    after_arabic_complement,
    after_complement,
    after_honorifics,
    after_organisation,
    arabic_name,
    arabic_name_end,
    capitalised,
    capitalised_word,
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
    ) -> bool:
        person = _person(doc, m, registry, i, name_end, country)
        if person is None:
            return False
        found.append(person)
        covered.update(range(i, name_end))
        if rank is not None and person.kind == "new-person":
            titled.append((person, *rank))
        return True

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
        before = next(
            (y for y in mentions if y.j == first and y.kind in ("country", "demonym")), None
        )
        if x is None and after_rank and place is not None:
            country, i = place.country, place.j  # "سفیر آذربایجان X", "the ambassador of Iran X"
        elif x is None and after_rank and before is not None:
            country, place = before.country, before  # "the Azerbaijani ambassador X"
        else:
            place = None
        nxt = next((y for y in mentions if y.i >= i), None)
        if nxt is not None and nxt.i <= i + 1 and nxt.kind == "person":
            continue
        if i < len(doc.words) and ARABIC_SCRIPT.search(doc.words[i]):
            if x is not None and (not x.country or x.entity):
                continue
            name_end = arabic_name_end(doc, m, i, covered)
            introduced = after_rank
            titled_here = after_rank or x is not None
            if titled_here and (
                name_end - i < 2
                or not arabic_name(m, words[i:name_end], introduced)
                or words[i].startswith(m.definite_articles)  # "السفير الجديد", no name
            ):
                # "السفير الجديد X", "مساعد وزير الخارجية للشؤون السياسية X": past the
                # rank's or title's complement, ...
                past = after_arabic_complement(doc, m, mentions, i)
                if past > i or name_end - i < 2:
                    i = past
                    name_end = arabic_name_end(doc, m, i, covered)
                    introduced = False  # ... the words must look like a name
            closed = opened and name_end < len(words) and words[name_end] in APPOSITION
            if name_end - i < 2 or not arabic_name(m, words[i:name_end], introduced or closed):
                continue
        else:
            span = _cased_name_from(doc, m, mentions, i, covered)
            if span is None:
                continue
            i, name_end = span
        if add(i, name_end, country, rank_span) and place is not None:
            place.complement = True  # the person's country, not a subject of its own
    for i, name_end, country in _before_titles(doc, m, mentions, ranks, covered):
        add(i, name_end, country)
    for i, name_end, country in _after_roles(doc, m, mentions, covered):
        add(i, name_end, country)
    titles = _titles(mentions, ranks)
    places = {x.i: x.country for x in mentions if x.kind in ("country", "demonym")}
    for i, name_end, country in _titled_after(doc, m, titles, places, covered):
        add(i, name_end, country)
    for i, name_end, country, title in _titled_before(doc, m, titles, places, covered):
        if add(i, name_end, country):
            for x in mentions:
                if x.i == title and x.kind in ("office", "title", "role"):
                    x.attached = True  # the subject is the name, not the title before it
    for i, name_end in _surname_shaped(doc, m, covered):
        add(i, name_end, None)
    named = [
        tuple(words[y.i : y.j]) for y in mentions + found if y.kind in ("person", "new-person")
    ]
    for i, name_end in _given_and_surname(doc, m, covered, named):
        add(i, name_end, None)
    for i in _participle_subjects(doc, m, covered):
        add(i, i + 1, None)
    people = cover([y for y in mentions + found if y.kind in ("person", "new-person")])
    found += _same_titles(doc, m, titled, people)
    _attach_titles_before(m, words, mentions, titles)
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
    end with a surname ending of the language or start with a given name."""
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
            if any(w.startswith(p) for w in span for p in m.definite_articles):
                continue
            if surname_ending(m, span[-1]) or (
                span[0] in m.given_names and not any(is_cue(m, w, "stopwords") for w in span)
            ):
                out.append((i, end, country))
                break
    return out


APPOSED_WORDS = 10  # words of a title in apposition after a name, up to its closing comma
APPOSITION_CLOSE = frozenset({",", "—", "–", ")"})
CLAUSE_CUES = ("speech_verbs", "meeting_triggers", "weak_triggers", "discussion_verbs")


def _after_roles(
    doc: Doc, m: Matcher, mentions: list[Mention], covered: set[int]
) -> list[tuple[int, int, str | None]]:
    """In Latin and Cyrillic script, a role noun with two or more capitalised words after it
    (ranks, or the role's complement, between): "Iranian Roads Minister X", "министр дорог и
    градостроительства Ирана X Y"; a country just before the role or ending its complement is
    the person's. No punctuation may stand between the role and the name (in Arabic script a
    role is too weak a sign of a name to follow)."""
    out: list[tuple[int, int, str | None]] = []
    words = doc.words
    for x in mentions:
        if x.kind != "role" or x.j >= len(words) or ARABIC_SCRIPT.search(words[x.j]):
            continue
        named = _cased_name_from(doc, m, mentions, after_honorifics(m, words, x.j), covered)
        if named is not None:
            country = _country_before(mentions, x.i) or _country_before(mentions, named[0])
            out.append((*named, country))
    return out


def _cased_name_from(
    doc: Doc, m: Matcher, mentions: list[Mention], i: int, covered: set[int]
) -> tuple[int, int] | None:
    """Where two or more capitalised name words start and end from token ``i`` of a title:
    right there, past the title's complement, or past the organisation it heads; None if
    there are none, or only initials."""
    end = cased_name_end(doc, m, i, covered)
    if end - i < 2:
        i = after_complement(doc, m, i, covered)
        end = cased_name_end(doc, m, i, covered)
    if end - i < 2:
        i = after_organisation(doc, m, mentions, i, covered)
        end = cased_name_end(doc, m, i, covered)
    if end - i < 2 or all(len(w) == 1 for w in doc.words[i:end]):
        return None
    return i, end


def _titled_after(
    doc: Doc,
    m: Matcher,
    titles: dict[int, str | None],
    places: dict[int, str | None],
    covered: set[int],
) -> list[tuple[int, int, str | None]]:
    """In Latin and Cyrillic script a name often comes first and its title after it, between
    commas ("X, Iran's ambassador to Azerbaijan, said", "X, посол Ирана в Баку, заявил"): two
    to four capitalised words, a comma, a title, role or rank among the next words (a country
    before it gives the person's), and a comma or dash closing the apposition. A verb of speech
    or meeting inside it makes it a clause, not a title ("Baku, the minister said, ...")."""
    out: list[tuple[int, int, str | None]] = []
    words = doc.words
    for comma in (k for k, word in enumerate(words) if word == ","):
        close = _closed_apposition(m, words, comma)
        title = next((k for k in range(comma + 1, close or comma) if k in titles), None)
        if title is None:
            continue
        start = _name_before(doc, m, comma, covered)
        if start is None:
            continue
        country = next((places[k] for k in range(comma + 1, title) if k in places), None)
        out.append((start, comma, country or titles[title]))
    return out


def _titled_before(
    doc: Doc,
    m: Matcher,
    titles: dict[int, str | None],
    places: dict[int, str | None],
    covered: set[int],
) -> list[tuple[int, int, str | None, int]]:
    """The other order, the title with its complement first and the name between commas
    ("Iran's envoy to Baku, X, said", "The spokesman for the government, X, said"): a title,
    role or rank at most a title's length before the comma, nothing between that reads as a
    clause, and two to four capitalised words closed by a comma or dash."""
    out: list[tuple[int, int, str | None, int]] = []
    words = doc.words
    for comma in (k for k, word in enumerate(words) if word == ","):
        end = cased_name_end(doc, m, comma + 1, covered)
        if end - comma < 3 or end >= len(words) or words[end] not in APPOSITION_CLOSE:
            continue
        if ARABIC_SCRIPT.search(words[comma + 1]):
            continue
        title = _title_before(m, words, titles, comma)
        if title is None:
            continue
        country = next((places[k] for k in range(max(0, title - 3), comma) if k in places), None)
        out.append((comma + 1, end, country or titles[title], title))
    return out


def _title_before(
    m: Matcher, words: list[str], titles: dict[int, str | None], comma: int
) -> int | None:
    """Where the title, role or rank a comma closes starts: at most a title's length before
    it, with nothing between that reads as a clause."""
    for k in range(comma - 1, max(-1, comma - APPOSED_WORDS), -1):
        if _ends_apposition(m, words[k]):
            return None
        if k in titles:
            return k
    return None


def _attach_titles_before(
    m: Matcher, words: list[str], mentions: list[Mention], titles: dict[int, str | None]
) -> None:
    """A registered person named between commas after a title with its complement ("Iran's
    ambassador to Baku, X, said") holds that title: the sentence's subject is the person."""
    for x in mentions:
        if x.kind != "person" or x.i == 0 or words[x.i - 1] != ",":
            continue
        if x.j >= len(words) or words[x.j] not in APPOSITION_CLOSE:
            continue
        title = _title_before(m, words, titles, x.i - 1)
        for y in mentions:
            if title is not None and y.i == title and y.kind in ("office", "title", "role"):
                y.attached = True


def _titles(mentions: list[Mention], ranks: list[Match]) -> dict[int, str | None]:
    """Where a title, role or rank starts, with the country it names."""
    titles = {x.i: x.country for x in mentions if x.kind in ("office", "title", "role")}
    titles.update((x.i, None) for x in ranks if x.i not in titles)
    return titles


def _ends_apposition(m: Matcher, word: str) -> bool:
    """A quotation mark, a sentence's end, a comma or a verb of speech or meeting: no title
    in apposition reaches past it."""
    return (
        word in QUOTES
        or word in (".", "!", "?", ":")
        or word in APPOSITION_CLOSE
        or any(is_cue(m, word, kind) for kind in CLAUSE_CUES)
    )


def _name_before(doc: Doc, m: Matcher, end: int, covered: set[int]) -> int | None:
    """Where two to four capitalised name words ending at ``end`` start, when they do."""
    for i in range(max(0, end - 4), end - 1):
        if i in covered or ARABIC_SCRIPT.search(doc.words[i]):
            continue
        if cased_name_end(doc, m, i, covered) == end and (
            i == 0 or sentence_start(doc, i) or not capitalised(doc, i - 1)
        ):
            return i
    return None


def _closed_apposition(m: Matcher, words: list[str], comma: int) -> int | None:
    """Where the words after ``comma`` close with a comma or dash within a title's length,
    with no quotation, sentence end or verb of speech or meeting before; None if they don't."""
    for k in range(comma + 2, min(len(words), comma + 1 + APPOSED_WORDS)):
        if words[k] in APPOSITION_CLOSE:
            return k
        if _ends_apposition(m, words[k]):
            return None
    return None


def _country_before(mentions: list[Mention], i: int) -> str | None:
    """The country of a country or demonym mention ending at most two tokens before ``i``."""
    return next(
        (y.country for y in mentions if y.kind in ("country", "demonym") and 0 <= i - y.j <= 2),
        None,
    )


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


def _given_and_surname(
    doc: Doc, m: Matcher, covered: set[int], named: list[tuple[str, ...]]
) -> list[tuple[int, int]]:
    """In Arabic script, with no capitals to go by: a given name and the word after it that
    ends as surnames do ("وحید جلال‌زاده"), a person even with no title; a stopword or a word
    with the definite article is no name, and the last words of a name already found are its
    surname ("علي كريم زاده" ... "كريم زاده")."""
    words = doc.words
    tails = {name[-2:] for name in named}
    out: list[tuple[int, int]] = []
    for i in range(len(words) - 1):
        if words[i] not in m.given_names or (out and out[-1][1] > i):
            continue
        pair = (words[i], words[i + 1])
        if (
            ARABIC_SCRIPT.search(pair[0])
            and pair not in tails
            and not covered.intersection((i, i + 1))
            and surname_ending(m, pair[1])
            and not any(is_cue(m, w, "stopwords") for w in pair)
            and not any(pair[1].startswith(p) for p in m.definite_articles)
        ):
            out.append((i, i + 2))
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
            or not capitalised_word(doc.printed(start, stop))
            or (word,) in m.index.table
            or word in m.common_words
            or m.stem(word) in m.common_words
        ):
            continue
        b_start, b_stop = doc.span(i - 1, i)
        if len(before) >= 5 and before.endswith(suffixes) and doc.text[b_start:b_stop].islower():
            out.append(i)
    return out
